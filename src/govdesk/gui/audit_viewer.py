"""审计记录: the audit trail for the center director and the auditor. Filter by date, user, event and object,
page through it newest first, see whether the hash chain holds (and where it breaks), export what is shown.

Read-only: there is nothing here that edits or deletes an entry, and no service that would.
"""

from __future__ import annotations

import json
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.clock import china_time, china_today
from govdesk.domain.errors import GovdeskError
from govdesk.services import audit
from govdesk.services.actor import Actor
from govdesk.services.audit import AuditPage, ChainReport, FilterChoices
from govdesk.store.audit_queries import AuditFilter, AuditRow
from govdesk.store.store import Store

from .date_edit import OptionalDateEdit
from .tasks import TaskManager, show_error

_OK_STYLE = "background:#e6f4ea; color:#137333; border-radius:4px; padding:8px 10px;"
_BAD_STYLE = "background:#fce8e6; color:#a50e0e; border-radius:4px; padding:8px 10px;"
_WAIT_STYLE = "background:#f1f3f4; color:#3c4043; border-radius:4px; padding:8px 10px;"
_BROKEN_ROW = QColor("#fce8e6")
_DENIED = QColor("#b06000")
_ModelIndex = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    """One page of entries. Rows in a broken part of the chain are painted red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []
        self.broken: frozenset[int] = frozenset()
        self.headers = [self.tr("序号"), self.tr("时间"), self.tr("用户"), self.tr("设备"), self.tr("事件"),
                        self.tr("对象"), self.tr("结果"), self.tr("详情")]  # fmt: skip

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_broken(self, seqs: frozenset[int]) -> None:
        self.broken = seqs
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1))

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (5, 7):
            return row.object_id if column == 5 else audit.details_text(row)
        if role == Qt.ItemDataRole.BackgroundRole and row.seq in self.broken:
            return QBrush(_BROKEN_ROW)
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and row.seq in self.broken:
            # Also visible on a selected row, whose selection colour hides the red background.
            return qta.icon("mdi6.alert-circle", color="#d93025")
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and row.seq in self.broken:
            return self.tr("哈希链在这条记录处断开：它或它前面的记录被改动、删除、插入或调换了顺序。")
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and row.outcome != "ok":
            return QBrush(_DENIED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: AuditRow, column: int) -> str:
        if column == 0:
            return str(row.seq)
        if column == 1:
            return f"{china_time(row.at):%Y-%m-%d %H:%M:%S}"
        if column == 2:
            return row.actor
        if column == 3:
            return row.device
        if column == 4:
            return _event(row.event)
        if column == 5:
            kind = audit.object_label(row.object_type)
            what = audit.object_text(row)
            return f"{kind} {what}".strip() if what else kind
        if column == 6:
            return _outcome(row.outcome)
        return audit.details_text(row)


def _event(event: str) -> str:
    return QCoreApplication.translate("AuditEvent", audit.event_label(event))


def _outcome(outcome: str) -> str:
    return QCoreApplication.translate("AuditOutcome", audit.outcome_label(outcome))


class AuditViewerDialog(QDialog):
    """The audit trail, newest first, 100 entries a page."""

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._actor = actor
        self._filter = AuditFilter()
        self._page = 0
        self.page_size = audit.PAGE_SIZE
        self._request = 0
        self.current: AuditPage | None = None
        self.chain: ChainReport | None = None
        self.setWindowTitle(self.tr("审计记录"))
        self.setWindowIcon(qta.icon("mdi6.shield-search", color="#1a73e8"))
        self.resize(1280, 780)

        self.chain_label = QLabel()
        self.chain_label.setWordWrap(True)
        self.chain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.goto_break_button = QPushButton(self.tr("转到出问题的记录"))
        self.goto_break_button.clicked.connect(self.goto_first_break)
        self.goto_break_button.hide()
        self.verify_button = QPushButton(qta.icon("mdi6.shield-check-outline", color="#1a73e8"), self.tr("重新校验"))
        self.verify_button.clicked.connect(self.verify_chain)
        chain_row = QHBoxLayout()
        chain_row.addWidget(self.chain_label, 1)
        chain_row.addWidget(self.goto_break_button)
        chain_row.addWidget(self.verify_button)

        self.date_from = OptionalDateEdit(self.tr("不限"))
        self.date_to = OptionalDateEdit(self.tr("不限"))
        self.actor_combo = QComboBox()
        self.event_combo = QComboBox()
        self.object_combo = QComboBox()
        self.object_edit = QLineEdit()
        self.object_edit.setPlaceholderText(self.tr("事项编号、文件名或对象编号"))
        self.object_edit.setClearButtonEnabled(True)
        self.object_edit.returnPressed.connect(self.apply_filter)
        for combo in (self.actor_combo, self.event_combo, self.object_combo):
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_choices(FilterChoices((), (), ()))
        self.search_button = QPushButton(qta.icon("fa5s.search", color="#1a73e8"), self.tr("查询"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.apply_filter)
        self.reset_button = QPushButton(self.tr("清除条件"))
        self.reset_button.clicked.connect(self.reset_filter)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("日期"), self.date_from), (self.tr("至"), self.date_to),
                              (self.tr("用户"), self.actor_combo), (self.tr("事件"), self.event_combo),
                              (self.tr("对象"), self.object_combo)):  # fmt: skip
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        self.date_from.setMinimumWidth(130)
        self.date_to.setMinimumWidth(130)
        filters.addWidget(self.object_edit, 1)
        filters.addWidget(self.search_button)
        filters.addWidget(self.reset_button)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in enumerate((78, 156, 90, 110, 178, 250, 64)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(self._show_details)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("选择一条记录，这里显示它的全部内容（包括修改前后的值）。"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setSizes([560, 140])
        split.setChildrenCollapsible(False)

        self.page_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color:#137333;")
        self.prev_button = QPushButton(qta.icon("fa5s.chevron-left", color="#1a73e8"), self.tr("上一页"))
        self.next_button = QPushButton(qta.icon("fa5s.chevron-right", color="#1a73e8"), self.tr("下一页"))
        self.prev_button.clicked.connect(lambda: self.load_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.load_page(self._page + 1))
        self.export_button = QPushButton(qta.icon("fa5s.file-csv", color="#1a73e8"), self.tr("导出筛选结果（CSV）…"))
        self.export_button.setToolTip(self.tr("导出符合当前条件的全部记录（所有页），导出本身也会记入审计记录。"))
        self.export_button.clicked.connect(self.export_csv)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.page_label)
        bottom.addSpacing(12)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.prev_button)
        bottom.addWidget(self.next_button)
        bottom.addSpacing(16)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)

        note = QLabel(self.tr("审计记录只能查看和导出，任何人（包括系统管理员）都不能修改或删除。时间为北京时间。"))
        note.setStyleSheet("color:#5f6368;")
        layout = QVBoxLayout(self)
        layout.addLayout(chain_row)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addWidget(note)
        layout.addLayout(bottom)

        self._load_choices()
        self.verify_chain()
        self.load_page(0)

    # --- loading ------------------------------------------------------------------------------------
    def _load_choices(self) -> None:
        store, actor = self._store, self._actor
        self._tasks.run(lambda: audit.audit_filter_choices(store, actor), self._fill_choices, self._failed, owner=self)

    def _fill_choices(self, choices: FilterChoices) -> None:
        for combo, values, label in (
            (self.actor_combo, choices.actors, lambda v: v),
            (self.object_combo, choices.object_types, audit.object_label),
        ):
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("全部"), "")
            for value in values:
                combo.addItem(label(value), value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        current = self.event_combo.currentData()
        self.event_combo.clear()
        self.event_combo.addItem(self.tr("全部"), "")
        if any(e.startswith("case.") for e in choices.events):
            self.event_combo.addItem(self.tr("事项办理（全部环节）"), "case.*")
        labelled = sorted(
            choices.events, key=lambda e: (not e.startswith(("login", "person.", "audit.", "backup.")), e)
        )
        for event in labelled:
            self.event_combo.addItem(audit.event_label(event), event)
        self.event_combo.setCurrentIndex(max(0, self.event_combo.findData(current)))

    def current_filter(self) -> AuditFilter:
        date_from, date_to = self.date_from.value(), self.date_to.value()
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from
        return AuditFilter(
            date_from=date_from, date_to=date_to, actor=self.actor_combo.currentData() or "",
            event=self.event_combo.currentData() or "", object_type=self.object_combo.currentData() or "",
            object_text=self.object_edit.text().strip(),
        )  # fmt: skip

    def apply_filter(self) -> None:
        self._filter = self.current_filter()
        self.load_page(0)

    def reset_filter(self) -> None:
        self.date_from.clear()
        self.date_to.clear()
        for combo in (self.actor_combo, self.event_combo, self.object_combo):
            combo.setCurrentIndex(0)
        self.object_edit.clear()
        self.apply_filter()

    def set_filter(self, flt: AuditFilter) -> None:
        """Show ``flt`` in the filter widgets and load its first page."""
        self.date_from.set_value(flt.date_from)
        self.date_to.set_value(flt.date_to)
        for combo, value in ((self.actor_combo, flt.actor), (self.event_combo, flt.event),
                             (self.object_combo, flt.object_type)):  # fmt: skip
            index = combo.findData(value)
            if index < 0:
                combo.addItem(value, value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        self.object_edit.setText(flt.object_text)
        self.apply_filter()

    def load_page(self, page: int, *, select_seq: int | None = None) -> None:
        self._request += 1
        request = self._request
        store, actor, flt, size = self._store, self._actor, self._filter, self.page_size
        self.page_label.setText(self.tr("正在读取……"))

        def done(result: AuditPage) -> None:
            if request != self._request:
                return
            self.current = result
            self._page = result.page
            self.model.set_rows(list(result.rows))
            self._update_pager()
            if select_seq is not None:
                self.select_seq(select_seq)

        self._tasks.run(lambda: audit.audit_page(store, actor, flt, page, size), done, self._failed, owner=self)

    def _update_pager(self) -> None:
        page = self.current
        if page is None:
            return
        if page.total == 0:
            self.page_label.setText(self.tr("没有符合条件的审计记录。"))
        else:
            self.page_label.setText(
                self.tr("第 %1/%2 页，共 %3 条（最新的在前）")
                .replace("%1", str(page.page + 1)).replace("%2", str(page.pages)).replace("%3", f"{page.total:,}")
            )  # fmt: skip
        self.prev_button.setEnabled(page.page > 0)
        self.next_button.setEnabled(page.page + 1 < page.pages)
        self.export_button.setEnabled(page.total > 0)

    def select_seq(self, seq: int) -> bool:
        for row, entry in enumerate(self.model.rows):
            if entry.seq == seq:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False

    def _show_details(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.details.clear()
            return
        row = self.model.rows[rows[0].row()]
        lines = [
            self.tr("第 %s 条").replace("%s", str(row.seq)) + f"　{china_time(row.at):%Y-%m-%d %H:%M:%S}"
            + f"　{row.actor}@{row.device}",
            self.tr("事件：") + f"{audit.event_label(row.event)}（{row.event}）　" + self.tr("结果：") + _outcome(row.outcome),
            self.tr("对象：") + " ".join(x for x in (audit.object_label(row.object_type), row.object_name, row.object_id) if x),
        ]  # fmt: skip
        if row.details:
            lines.append(json.dumps(row.details, ensure_ascii=False, indent=2, sort_keys=True))
        self.details.setPlainText("\n".join(lines))

    # --- the hash chain -------------------------------------------------------------------------------
    def verify_chain(self) -> None:
        self.chain_label.setStyleSheet(_WAIT_STYLE)
        self.chain_label.setText(self.tr("正在校验审计记录的哈希链……"))
        self.goto_break_button.hide()
        store, actor = self._store, self._actor
        self._tasks.run(lambda: audit.audit_chain_report(store, actor), self._show_chain, self._failed, owner=self)

    def _show_chain(self, report: ChainReport) -> None:
        self.chain = report
        self.model.set_broken(report.broken_seqs)
        if report.ok:
            self.chain_label.setStyleSheet(_OK_STYLE)
            self.chain_label.setText(
                self.tr("哈希链校验通过：共 %s 条审计记录，没有发现被修改、删除、插入或调换顺序的记录。")
                .replace("%s", f"{report.entries:,}")
            )  # fmt: skip
            return
        self.chain_label.setStyleSheet(_BAD_STYLE)
        shown = report.breaks[:3]
        more = len(report.breaks) - len(shown)
        text = self.tr("哈希链校验未通过，审计记录可能被人改动过：") + "；".join(b.message for b in shown)
        if more > 0:
            text += self.tr("；另有 %s 处问题").replace("%s", str(more))
        text += self.tr("。出问题的记录在表中标为红色。请保留现状，立即报告中心主任和县里的技术支持。")
        self.chain_label.setText(text)
        self.goto_break_button.show()

    def goto_first_break(self) -> None:
        """Clear the filters and show the page with the first broken entry, selected."""
        if self.chain is None or self.chain.ok:
            return
        seq = min(self.chain.broken_seqs)
        self.reset_filter()
        store, actor, size = self._store, self._actor, self.page_size
        self._tasks.run(
            lambda: audit.page_of_entry(store, actor, AuditFilter(), seq, size),
            lambda page: self.load_page(page, select_seq=seq), self._failed, owner=self,
        )  # fmt: skip

    # --- export -----------------------------------------------------------------------------------------
    def choose_export_path(self) -> str:
        suggested = str(Path.home() / (self.tr("审计记录") + f"-{china_today():%Y%m%d}.csv"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出审计记录"), suggested, self.tr("CSV 文件 (*.csv)"))
        return path

    def export_csv(self) -> None:
        path = self.choose_export_path()
        if not path:
            return
        target = Path(path if path.lower().endswith(".csv") else path + ".csv")
        store, actor, flt = self._store, self._actor, self._filter
        count = self.current.total if self.current is not None else 0

        def done(data: bytes) -> None:
            try:
                target.write_bytes(data)
            except OSError as err:
                show_error(GovdeskError(self.tr("文件没有保存：%1（%2）。请换一个文件夹或文件名再导出。")
                                       .replace("%1", str(target)).replace("%2", err.strerror or str(err))), self)  # fmt: skip
                return
            self.export_done(target, count)
            self._load_choices()  # the export is now an event of its own
            self.load_page(self._page)

        self._tasks.run(lambda: audit.export_audit_csv(store, actor, flt), done, self._failed, owner=self)

    def export_done(self, target: Path, count: int) -> None:
        self.status_label.setText(
            self.tr("已导出 %1 条记录到 %2").replace("%1", f"{count:,}").replace("%2", str(target))
        )

    def _failed(self, err: BaseException) -> None:
        self._update_pager()
        show_error(err, self)
