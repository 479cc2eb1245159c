"""Background sync in the desktop: a controller that syncs on start, every few minutes and on F5, on its own worker
thread (a slow village link never holds up the serial database worker or the window), backs off after failures,
and shows its state in the status bar; the review list for sync conflicts; the county's instructions."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.clock import china_time
from govdesk.domain.codes import Risk, Status
from govdesk.services import sync_service
from govdesk.services.actor import Actor
from govdesk.store.store import Store
from govdesk.sync.errors import SyncError
from govdesk.sync.runner import SyncReport

from .labels import category_label, risk_label, status_label, tr
from .tasks import TaskManager, show_error

FIRST_DELAY_MS = 3_000
MAX_BACKOFF_S = 15 * 60
FIELD_LABELS = {
    "title": "标题", "address": "地点", "facts": "事实经过", "claims": "请求事项", "risk": "风险等级", "status": "状态",
    "category": "类别", "due_date": "期限", "handlers": "经办人", "name": "姓名", "phone": "电话", "id_number": "证件号码",
    "risk_reason": "风险依据", "village_id": "村（社区）", "grid_id": "网格",
}  # fmt: skip
# Fields whose name means something else in another table (a center's "name" is not a person's).
TABLE_FIELD_LABELS = {
    ("centers", "name"): "中心名称", ("centers", "committee_name"): "调解委员会名称（印在文书上）",
    ("centers", "code"): "行政区划代码", ("villages", "name"): "村（社区）名称", ("grids", "name"): "网格名称",
}  # fmt: skip
TABLE_LABELS = {
    "cases": "事项", "persons": "人员", "agreements": "调解协议", "referrals": "交办", "case_parties": "当事人",
    "centers": "本中心的基本信息", "villages": "村（社区）", "grids": "网格",
}  # fmt: skip


def _field_label(table: str, field: str) -> str:
    return tr(TABLE_FIELD_LABELS.get((table, field)) or FIELD_LABELS.get(field) or field)


def _shown(value: object, field: str = "") -> str:
    if value is None or value == "":
        return tr("（空）")
    if field == "risk" and value in {r.value for r in Risk}:
        return risk_label(Risk(str(value)))
    if field == "status" and value in {x.value for x in Status}:
        return status_label(Status(str(value)))
    if field == "category" and isinstance(value, str):
        return category_label(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class SyncController(QObject):
    """Owns the sync timer and worker. ``state_changed(text, tooltip, icon)`` feeds the status bar."""

    state_changed = Signal(str, str, str)
    synced = Signal(object)  # SyncReport, after a round that changed something

    def __init__(self, store: Store, actor: Actor, minutes: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.minutes = minutes
        self.worker = TaskManager(self)  # its own thread: sync waits on the network, never on the GUI's worker
        self.running = False
        self.failures = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.sync_now(manual=False))
        self._stop = False
        self.http: sync_service.HttpFactory | None = None  # tests inject an in-process transport

    def start(self) -> None:
        self.refresh_status()
        self.timer.start(FIRST_DELAY_MS)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if not self.running and self.failures == 0:
            self._schedule()

    def _schedule(self) -> None:
        if self.failures:
            seconds = min(MAX_BACKOFF_S, 30 * 2 ** (self.failures - 1)) * random.uniform(0.8, 1.2)
            self.timer.start(int(seconds * 1000))
        elif self.minutes > 0:
            self.timer.start(self.minutes * 60_000)

    def shutdown(self) -> None:
        self._stop = True
        self.timer.stop()
        self.worker.shutdown(15_000)

    def sync_now(self, manual: bool = True) -> None:
        if self.running:
            return
        status = sync_service.status(self.store)
        if not status.enrolled:
            self.refresh_status()
            if manual:
                QMessageBox.information(None, self.tr("同步"), self.tr(
                    "本机还没有注册到县级服务器。请在“文件 → 设置 → 同步”中填写服务器地址和县里给的注册码。"
                    "不注册也可以正常使用，数据都保存在本机。"))  # fmt: skip
            return
        self.running = True
        self.state_changed.emit(self.tr("正在同步……"), "", "mdi6.cloud-sync-outline")

        def work(report: object) -> SyncReport:
            return sync_service.sync_now(self.store, self.actor, progress=report,  # type: ignore[arg-type]
                                         cancelled=lambda: self._stop, http=self.http)  # fmt: skip

        self.worker.run(work, self._done, lambda err: self._failed(err, manual), progress=self._progress, owner=self)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.state_changed.emit(message or self.tr("正在同步：%s / %s") % (done, total), "", "mdi6.cloud-sync-outline")

    def _done(self, report: object) -> None:
        self.running = False
        self.failures = 0
        assert isinstance(report, SyncReport)
        if report.pushed or report.pulled:
            self.synced.emit(report)
        self.refresh_status()
        self._schedule()

    def _failed(self, err: BaseException, manual: bool) -> None:
        self.running = False
        if not isinstance(err, SyncError):
            self.failures += 1
            self.refresh_status()
            self._schedule()
            if manual:
                show_error(err)
            return
        self.failures = 0 if err.code == "device_revoked" else self.failures + 1
        self.refresh_status()
        if err.code not in ("device_revoked", "client_too_old", "not_enrolled"):
            self._schedule()
        if manual and not err.offline:
            QMessageBox.warning(None, self.tr("同步没有完成"), str(err))

    def refresh_status(self) -> None:
        try:
            st = sync_service.status(self.store)
        except Exception as err:  # noqa: BLE001 - a status line must never take the window down
            self.state_changed.emit(self.tr("同步状态不可用"), str(err), "mdi6.cloud-alert-outline")
            return
        self.state_changed.emit(*status_text(st))




def status_text(st: sync_service.SyncStatus) -> tuple[str, str, str]:
    """(text, tooltip, icon) for the status bar."""
    if not st.enrolled:
        return tr("未连接县级服务器（仅本机）"), tr("在“文件 → 设置 → 同步”中注册后，数据会自动同步到县里。"), "mdi6.cloud-off-outline"
    parts: list[str] = []
    icon = "mdi6.cloud-check-outline"
    if st.state == "revoked":
        return (tr("本机已被县里停用，不再同步"), tr("本机未同步的数据都保存在本地。请联系县综治中心。"),
                "mdi6.cloud-cancel-outline")  # fmt: skip
    if st.state == "offline":
        parts.append(tr("离线"))
        icon = "mdi6.cloud-off-outline"
    elif st.state == "error":
        parts.append(tr("同步出错"))
        icon = "mdi6.cloud-alert-outline"
    if st.last_sync is not None:
        parts.append(tr("上次同步 %s") % f"{china_time(st.last_sync):%m-%d %H:%M}")
    else:
        parts.append(tr("尚未同步"))
    if st.pending:
        parts.append(tr("待上传 %s 条") % st.pending)
    if st.conflicts:
        parts.append(tr("%s 处冲突待处理") % st.conflicts)
        icon = "mdi6.cloud-alert-outline"
    if st.instructions:
        parts.append(tr("%s 条县级指令未签收") % st.instructions)
    tip = [tr("服务器：%s") % st.server]
    if st.refused:
        parts.append(tr("%s 条被拒收") % st.refused)
    if abs(st.clock_skew_seconds) > 300:
        minutes = round(abs(st.clock_skew_seconds) / 60)
        parts.append(tr("电脑时间偏差约 %s 分钟，请校准") % minutes)
        tip.append(tr("同步不受影响（同步不靠电脑时间排序），但登记时间会不准。"))
    return "　".join(parts), "\n".join(tip), icon


class SyncStatusLabel(QWidget):
    """Icon + text in the status bar; a click opens the review list when there are conflicts."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        self.icon = QLabel()
        self.text = QLabel()
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_state(self, text: str, tooltip: str, icon: str) -> None:
        color = "#c5221f" if "alert" in icon or "cancel" in icon else ("#5f6368" if "off" in icon else "#1a73e8")
        self.icon.setPixmap(qta.icon(icon, color=color).pixmap(16, 16))
        self.text.setText(text)
        self.setToolTip(tooltip)

    def mousePressEvent(self, event: object) -> None:
        self.clicked.emit()


class ConflictsDialog(QDialog):
    """The review list: the same field changed on two sides. The value every device shows now is kept until a
    person chooses; the other value is never thrown away."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.setWindowTitle(self.tr("同步冲突"))
        self.resize(1080, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("同一处内容在两台电脑（或县里）被改成了不同的值。现在各处显示“当前值”；"
                               "请逐条确认保留哪一个。另一个值一直保存在这里，不会丢失。"))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("事项"), self.tr("内容"), self.tr("当前值（各处已采用）"),
                                              self.tr("另一个值（未采用）"), self.tr("另一个值来自"),
                                              self.tr("发现时间")])  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("没有待处理的冲突。"))
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.keep_server = QPushButton(self.tr("保留当前值"))
        self.keep_client = QPushButton(self.tr("改用另一个值"))
        self.keep_server.clicked.connect(lambda: self._resolve("server"))
        self.keep_client.clicked.connect(lambda: self._resolve("client"))
        buttons.addStretch(1)
        buttons.addWidget(self.keep_server)
        buttons.addWidget(self.keep_client)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.items: list[sync_service.ReviewItem] = []
        self.reload()

    def reload(self) -> None:
        self.items = sync_service.open_conflicts(self.store, self.actor)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            where = item.case_number or tr(TABLE_LABELS.get(item.table_name, item.table_name))
            cells = [where, _field_label(item.table_name, item.field), _shown(item.server_value, item.field),
                     _shown(item.client_value, item.field), item.device,
                     f"{china_time(item.detected_at):%Y-%m-%d %H:%M}"]  # fmt: skip
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)  # a long value is cut in the column; the whole of it shows on hover
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        for col in (2, 3, 4):  # long values must not push the time off the dialog
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 280))
        self.empty.setVisible(not self.items)
        for button in (self.keep_server, self.keep_client):
            button.setEnabled(bool(self.items))
        if self.items:
            self.table.selectRow(0)

    def _resolve(self, keep: str) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        try:
            sync_service.resolve_conflict(self.store, self.actor, self.items[row].id, keep)
        except Exception as err:  # noqa: BLE001 - shown to the user, nothing changed
            show_error(err, self)
            return
        self.reload()


class InstructionsDialog(QDialog):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.actor = actor
        self.setWindowTitle(self.tr("县级指令"))
        self.resize(760, 380)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("标题"), self.tr("内容"), self.tr("下发"), self.tr("期限"), self.tr("签收")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.ack = QPushButton(self.tr("签收选中的指令"))
        self.ack.clicked.connect(self._acknowledge)
        row.addStretch(1)
        row.addWidget(self.ack)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.ids: list[str] = []
        self.reload()

    def reload(self) -> None:
        items = sync_service.instructions(self.store, self.actor)
        self.ids = [i.id for i in items]
        self.table.setRowCount(len(items))
        for r, i in enumerate(items):
            ack = f"{i.acknowledged_by} {china_time(i.acknowledged_at):%m-%d %H:%M}" if i.acknowledged_at else self.tr("未签收")
            for c, text in enumerate([i.title, i.body, f"{china_time(i.issued_at):%Y-%m-%d}", str(i.due_on or ""), ack]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _acknowledge(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.ids):
            try:
                sync_service.acknowledge_instruction(self.store, self.actor, self.ids[row])
            except Exception as err:  # noqa: BLE001
                show_error(err, self)
            self.reload()


def export_bundle(store: Store, actor: Actor, parent: QWidget) -> None:
    path, _ = QFileDialog.getSaveFileName(parent, parent.tr("导出同步包"), f"同步包-{dt.date.today():%Y%m%d}.gdsync",
                                          parent.tr("同步包 (*.gdsync)"))  # fmt: skip
    if not path:
        return
    try:
        n = sync_service.export_bundle(store, actor, Path(path))
    except Exception as err:  # noqa: BLE001
        show_error(err, parent)
        return
    QMessageBox.information(parent, parent.tr("同步包"), parent.tr(
        "已写入 %s 条修改到 %s。\n请带到县里导入（govdesk-county import-bundle），再把回执包带回来导入。") % (n, path))


def import_bundle(store: Store, actor: Actor, parent: QWidget) -> None:
    path, _ = QFileDialog.getOpenFileName(parent, parent.tr("导入回执包"), "", parent.tr("同步包 (*.gdsync)"))
    if not path:
        return
    try:
        message = sync_service.import_bundle(store, actor, Path(path))
    except Exception as err:  # noqa: BLE001
        show_error(err, parent)
        return
    QMessageBox.information(parent, parent.tr("回执包"), message)
