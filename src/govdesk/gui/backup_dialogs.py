"""备份与恢复, and the start-up check's dialog when the store is found damaged.

Both say plainly what a restore loses (everything entered or changed after the backup was taken) and that
the current data is kept, never deleted: as a "恢复前" backup when it is whole, byte for byte in the
``damaged`` folder when it is too damaged to back up.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.clock import CHINA
from govdesk.security.policy import Perm, Role, allowed
from govdesk.services import backups, startup_check
from govdesk.services.actor import Actor
from govdesk.services.backups import RestorePreview
from govdesk.services.startup_check import StartupCheck
from govdesk.store.backup import BackupInfo
from govdesk.store.store import Store

from .tasks import TaskManager, run_with_progress, show_error

_LOSS_STYLE = "background:#fef7e0; color:#3c4043; border:1px solid #f9ab00; border-radius:4px; padding:8px 10px;"
_SAFE_STYLE = "background:#e6f4ea; color:#137333; border-radius:4px; padding:8px 10px;"
_PROBLEM_STYLE = "background:#fce8e6; color:#a50e0e; border-radius:4px; padding:8px 10px;"


def _t(text: str) -> str:
    # Context "": what lupdate gives module-level tr-like calls (scripts/update-translations: -tr-function-alias).
    return QCoreApplication.translate("", text)


def reason_label(reason: str) -> str:
    if reason.startswith("before-migration"):
        return _t("升级前自动备份")
    return {
        "manual": _t("手动备份"), "daily": _t("每日自动备份"), "before-restore": _t("恢复前自动备份"),
        "?": _t("来历不明"),
    }.get(reason, reason)  # fmt: skip


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


def backup_time(info: BackupInfo) -> str:
    """When the backup was taken, in China time like every other time the program shows."""
    return f"{backups.taken_at(info).astimezone(CHINA):%Y-%m-%d %H:%M}"


def loss_text(preview: RestorePreview) -> str:
    """What restoring this backup loses, in plain words."""
    when = backup_time(preview.backup)
    kept = _t("当前数据会先另存（完好时存为“恢复前自动备份”，已损坏时原样复制到数据目录的 damaged 文件夹），"
              "不会删除；需要时可请技术支持从中找回。")  # fmt: skip
    if preview.changes is None:
        return (_t("恢复后，%s（备份时间）之后录入和修改的全部内容都不会在恢复后的数据中。当前数据已损坏，"
                   "无法统计具体有多少。").replace("%s", when) + kept)  # fmt: skip
    if preview.loses_nothing:
        return _t("%s（备份时间）之后没有录入或修改过任何内容，恢复不会丢失数据。").replace("%s", when)
    c = preview.changes
    parts = [
        (c["cases_added"], _t("新登记的事项 %s 件")), (c["cases_changed"], _t("办理或修改过的事项 %s 件")),
        (c["case_events"], _t("办理记录 %s 条")), (c["persons"], _t("新增或修改的人员信息 %s 条")),
        (c["attachments"], _t("附件 %s 个")), (c["audit"], _t("审计记录 %s 条")),
    ]  # fmt: skip
    listed = "、".join(text.replace("%s", f"{n:,}") for n, text in parts if n)
    return (_t("恢复后，%1（备份时间）之后录入和修改的内容将不在数据中：%2。这些内容需要重新录入。")
            .replace("%1", when).replace("%2", listed) + kept)  # fmt: skip


def confirm_restore(parent: QWidget, preview: RestorePreview) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_t("确认从备份恢复"))
    box.setText(_t("确定要把数据恢复到 %s 的备份吗？").replace("%s", backup_time(preview.backup)))
    box.setInformativeText(loss_text(preview))
    restore = box.addButton(_t("恢复"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_t("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is restore


def _restore(parent: QWidget, store: Store, tasks: TaskManager, actor: Actor, info: BackupInfo,
             done: Callable[[BackupInfo], None]) -> None:  # fmt: skip
    name = info.path.name
    run_with_progress(
        tasks, parent, _t("正在恢复"), _t("正在另存当前数据并从备份恢复，请不要关闭程序……"),
        lambda _report: backups.restore_backup(store, actor, name), done, lambda err: show_error(err, parent),
    )  # fmt: skip


class BackupRestoreDialog(QDialog):
    """Every backup with its check result, what restoring the selected one would lose, and the restore."""

    restored = Signal(object)  # BackupInfo restored

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._actor = actor
        self._backups: list[BackupInfo] = []
        self._preview: RestorePreview | None = None
        self._request = 0
        self.may_restore = allowed(Role(actor.role), Perm.RESTORE)
        self.may_backup = allowed(Role(actor.role), Perm.BACKUP)
        self.confirm: Callable[[RestorePreview], bool] = lambda preview: confirm_restore(self, preview)
        self.setWindowTitle(self.tr("备份与恢复"))
        self.setWindowIcon(qta.icon("mdi6.backup-restore", color="#1a73e8"))
        self.resize(900, 600)

        intro = QLabel(
            self.tr("备份保存在 %s。每份备份在写好后都经过校验；损坏的备份不能用于恢复。").replace("%s", str(store.backups_dir))
        )  # fmt: skip
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("备份时间"), self.tr("类型"), self.tr("大小"), self.tr("事项"), self.tr("人员"), self.tr("校验结果"),
        ])  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in enumerate((150, 130, 80, 70, 70)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)

        self.loss_label = QLabel()
        self.loss_label.setWordWrap(True)
        self.loss_label.setMinimumHeight(64)
        self.loss_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.backup_button = QPushButton(
            qta.icon("mdi6.content-save-check-outline", color="#1a73e8"), self.tr("立即备份")
        )
        self.backup_button.clicked.connect(self.backup_now)
        self.backup_button.setVisible(self.may_backup)
        self.restore_button = QPushButton(qta.icon("mdi6.backup-restore", color="#d93025"), self.tr("恢复所选备份…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(False)
        if not self.may_restore:
            self.restore_button.setToolTip(self.tr("只有系统管理员可以从备份恢复。"))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("恢复所选备份会怎样：")))
        layout.addWidget(self.loss_label)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self, message: str = "") -> None:
        """Re-read and verify the backups; ``message`` (what was just done) is shown once they are listed."""
        self.status_label.setText(self.tr("正在读取并校验备份……"))
        store = self._store

        def shown(found: list[BackupInfo]) -> None:
            self._show(found)
            if message:
                self.status_label.setText(message)

        self._tasks.run(lambda: backups.list_backups(store), shown, self._failed, owner=self)

    def _show(self, found: list[BackupInfo]) -> None:
        self._backups = found
        self.table.setRowCount(0)
        self.table.setRowCount(len(found))
        for row, info in enumerate(found):
            cells = [
                backup_time(info), reason_label(info.reason), size_text(info.size),
                _count(info.counts.get("cases")), _count(info.counts.get("persons")),
                self.tr("完好") if info.ok else self.tr("不能使用：%s").replace("%s", info.problem),
            ]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not info.ok:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        if not found:
            self.status_label.setText(self.tr("还没有备份。点“立即备份”做第一份。") if self.may_backup
                                      else self.tr("还没有备份。请系统管理员或中心主任做一份备份。"))  # fmt: skip
        else:
            self.status_label.setText(self.tr("共 %s 份备份。").replace("%s", str(len(found))))
            good = next((i for i, b in enumerate(found) if b.ok), 0)
            self.table.selectRow(good)
        self._selected()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows and rows[0].row() < len(self._backups) else None

    def _selected(self) -> None:
        info = self.selected_backup()
        self._preview = None
        self.restore_button.setEnabled(False)
        if info is None:
            self.loss_label.setText(self.tr("选择一份备份，这里说明恢复它会失去哪些内容。"))
            self.loss_label.setStyleSheet("color:#5f6368;")
            return
        if not info.ok:
            self.loss_label.setText(self.tr("这份备份不能用于恢复：%s。请选择其他备份。").replace("%s", info.problem))
            self.loss_label.setStyleSheet(_PROBLEM_STYLE)
            return
        self.loss_label.setText(self.tr("正在统计备份之后录入的内容……"))
        self._request += 1
        request = self._request
        store = self._store

        def shown(preview: RestorePreview) -> None:
            if request != self._request:
                return
            self._preview = preview
            self.loss_label.setText(loss_text(preview))
            self.loss_label.setStyleSheet(_SAFE_STYLE if preview.loses_nothing else _LOSS_STYLE)
            self.restore_button.setEnabled(self.may_restore)

        self._tasks.run(lambda: backups.restore_preview(store, info), shown, self._failed, owner=self)

    def backup_now(self) -> None:
        store, actor = self._store, self._actor
        self.backup_button.setEnabled(False)
        self.status_label.setText(self.tr("正在备份并校验……"))

        def done(info: BackupInfo) -> None:
            self.backup_button.setEnabled(True)
            self.refresh(self.tr("已备份并校验：%s").replace("%s", info.path.name))

        def failed(err: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self._failed(err)

        self._tasks.run(lambda: backups.create_backup(store, actor), done, failed, owner=self)

    def restore_selected(self) -> None:
        preview = self._preview
        if preview is None or not self.may_restore or not self.confirm(preview):
            return

        def done(info: BackupInfo) -> None:
            self.restored.emit(info)
            self.refresh(self.tr("已恢复到 %s 的备份。恢复前的数据已另存，没有删除。").replace("%s", backup_time(info)))

        _restore(self, self._store, self._tasks, self._actor, preview.backup, done)

    def _failed(self, err: BaseException) -> None:
        self.status_label.setText("")
        show_error(err, self)


def _count(value: int | None) -> str:
    return "—" if value is None or value < 0 else f"{value:,}"


class StartupCheckDialog(QDialog):
    """The store failed its start-up check: what is wrong, and the latest good backup to restore."""

    restored = Signal(object)  # BackupInfo
    quit_requested = Signal()

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, check: StartupCheck,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._actor = actor
        self.check = check
        self.may_restore = allowed(Role(actor.role), Perm.RESTORE)
        self.confirm: Callable[[RestorePreview], bool] = lambda preview: confirm_restore(self, preview)
        self.setWindowTitle(self.tr("数据检查发现问题"))
        self.setWindowIcon(qta.icon("mdi6.database-alert", color="#d93025"))
        self.resize(760, 470)

        icon = QLabel()
        icon.setPixmap(qta.icon("mdi6.database-alert", color="#d93025").pixmap(48, 48))
        heading = QLabel(self.tr("打开数据时的检查发现了问题。为免问题扩大，请先不要继续录入。"))
        heading.setWordWrap(True)
        heading.setStyleSheet("font-size:15px; font-weight:bold;")
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(heading, 1)

        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setPlainText("\n".join(check.problems))
        self.problems.setMaximumHeight(96)

        self.offer_label = QLabel()
        self.offer_label.setWordWrap(True)
        self.offer_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.loss_label = QLabel()
        self.loss_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.restore_button = QPushButton(qta.icon("mdi6.backup-restore", color="#d93025"), self.tr("恢复到这份备份…"))
        self.restore_button.clicked.connect(self.restore)
        self.continue_button = QPushButton(self.tr("继续打开（不建议录入）"))
        self.continue_button.clicked.connect(self.reject)
        self.quit_button = QPushButton(self.tr("退出程序"))
        self.quit_button.clicked.connect(self._quit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        buttons.addWidget(self.restore_button)

        offer = check.offer
        if offer is None:
            self.offer_label.setText(
                self.tr("没有找到可用的备份（备份文件夹 %s 中没有通过校验的备份）。请不要删除任何文件，"
                        "立即联系县里的技术支持；数据文件在 %d。")
                .replace("%s", str(store.backups_dir)).replace("%d", str(store.path))
            )  # fmt: skip
            self.offer_label.setStyleSheet(_PROBLEM_STYLE)
            self.restore_button.hide()
        else:
            info = offer.backup
            self.offer_label.setText(
                self.tr("最近一份完好的备份：%1（%2，%3，%4 件事项）。它已经过校验：能够打开，且通过完整性检查。")
                .replace("%1", backup_time(info)).replace("%2", reason_label(info.reason))
                .replace("%3", size_text(info.size)).replace("%4", _count(info.counts.get("cases")))
            )  # fmt: skip
            self.offer_label.setStyleSheet(_SAFE_STYLE)
            self.loss_label.setText(loss_text(offer))
            self.loss_label.setStyleSheet(_SAFE_STYLE if offer.loses_nothing else _LOSS_STYLE)
            if not self.may_restore:
                self.restore_button.setEnabled(False)
                self.status_label.setText(
                    self.tr(
                        "只有系统管理员可以从备份恢复：请退出程序，由系统管理员登录后在这里恢复"
                        "（或在“安全 → 备份与恢复”中恢复）。"
                    )
                )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("发现的问题：")))
        layout.addWidget(self.problems)
        layout.addWidget(self.offer_label)
        layout.addWidget(self.loss_label)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _quit(self) -> None:
        self.quit_requested.emit()
        self.reject()

    def restore(self) -> None:
        offer = self.check.offer
        if offer is None or not self.may_restore or not self.confirm(offer):
            return
        self.restore_button.setEnabled(False)

        def done(info: BackupInfo) -> None:
            self.restored.emit(info)
            self.accept()

        def failed(err: BaseException) -> None:
            self.restore_button.setEnabled(True)
            show_error(err, self)

        name = offer.backup.path.name
        store, actor = self._store, self._actor
        run_with_progress(
            self._tasks, self, self.tr("正在恢复"), self.tr("正在另存当前数据并从备份恢复，请不要关闭程序……"),
            lambda _report: backups.restore_backup(store, actor, name), done, failed,
        )  # fmt: skip


def check_store_at_start(window: QMainWindow, store: Store, tasks: TaskManager, actor: Actor,
                         on_restored: Callable[[BackupInfo], None]) -> None:  # fmt: skip
    """Queue the start-up check behind the window's first queries; on a problem, show StartupCheckDialog."""

    def checked(result: StartupCheck) -> None:
        if result.ok:
            return
        dialog = StartupCheckDialog(store, tasks, actor, result, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(on_restored)
        dialog.quit_requested.connect(window.close)
        dialog.open()

    tasks.run(lambda: startup_check.check_at_start(store), checked, owner=window)
