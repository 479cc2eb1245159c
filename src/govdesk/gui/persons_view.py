"""人员查询: find a person by name prefix, full ID number or phone, and list every case they are party to."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govdesk.services import case_queries
from govdesk.store.records import CaseRow, PersonRow
from govdesk.store.store import Store

from .case_table_model import COLUMN_INDEX, LOCAL_NO_ROLE, CaseRowsModel
from .tasks import TaskManager

SEARCH_DELAY_MS = 300
_HINT_STYLE = "color:#5f6368; padding:6px 2px;"


class PersonsView(QWidget):
    case_activated = Signal(int)  # local_no of a case the user opened

    def __init__(self, store: Store, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._persons: list[PersonRow] = []
        self._search_request = 0
        self._cases_request = 0

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("输入姓名（可只输前几个字）、完整身份证号或手机号"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("查询"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.search_edit.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.search_button)

        self.result_hint = QLabel(self.tr("按姓名查找时可只输姓氏或前几个字；身份证号、手机号需输入完整。"))
        self.result_hint.setStyleSheet(_HINT_STYLE)
        self.persons_table = QTableWidget(0, 7)
        self.persons_table.setHorizontalHeaderLabels([
            self.tr("姓名"), self.tr("性别"), self.tr("身份证号"), self.tr("电话"),
            self.tr("村（社区）"), self.tr("住址"), self.tr("事项数"),
        ])  # fmt: skip
        self._setup_table(self.persons_table)
        self.persons_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.persons_table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.persons_table.itemSelectionChanged.connect(self._person_selected)

        self.cases_title = QLabel(self.tr("选择上面的人员，这里列出他（她）作为当事人的全部事项。双击事项查看详情。"))
        self.cases_title.setStyleSheet(_HINT_STYLE)
        self.cases_model = CaseRowsModel(self)
        self.cases_table = QTableView()
        self.cases_table.setModel(self.cases_model)
        self._setup_table(self.cases_table)
        self.cases_table.horizontalHeader().setSectionResizeMode(COLUMN_INDEX["title"], QHeaderView.ResizeMode.Stretch)
        # activated = double-click or Enter (single click on desktops configured that way)
        self.cases_table.activated.connect(self._case_activated)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.result_hint)
        upper_layout.addWidget(self.persons_table)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.cases_title)
        lower_layout.addWidget(self.cases_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([400, 300])
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    @staticmethod
    def _setup_table(table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        table.horizontalHeader().setHighlightSections(False)
        table.setWordWrap(False)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def search(self) -> None:
        self._timer.stop()
        text = self.search_edit.text().strip()
        self._search_request += 1
        request = self._search_request
        if not text:
            self._show_persons([], "")
            return
        store = self._store

        def done(rows: list[PersonRow]) -> None:
            if request == self._search_request:
                self._show_persons(rows, text)

        self._tasks.run(lambda: case_queries.search_persons(store, text), done, owner=self)

    def _show_persons(self, rows: list[PersonRow], text: str) -> None:
        # Staff look for the person in a matter: people who are party to cases come first.
        rows = sorted(rows, key=lambda p: -p.case_count)
        self._persons = rows
        table = self.persons_table
        table.setRowCount(0)
        table.setRowCount(len(rows))
        for i, p in enumerate(rows):
            cells = [p.name, p.gender or "", p.id_number_masked, p.phone_masked, p.village, p.address or ""]
            for col, text_value in enumerate(cells):
                table.setItem(i, col, QTableWidgetItem(text_value))
            count = QTableWidgetItem(str(p.case_count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(i, 6, count)
        _fit_columns(table, stretch=5)
        self.cases_model.set_rows([])
        if not text:
            self.result_hint.setText(self.tr("按姓名查找时可只输姓氏或前几个字；身份证号、手机号需输入完整。"))
        elif not rows:
            self.result_hint.setText(self.tr("没有找到“%s”。姓名可只输前几个字；身份证号、手机号需输入完整。") % text)
        elif len(rows) >= 500:
            self.result_hint.setText(self.tr("找到的人太多，只列出前 %s 人，请输入更完整的姓名。") % len(rows))
        else:
            self.result_hint.setText(self.tr("找到 %s 人。") % len(rows))
        self.cases_title.setText(self.tr("选择上面的人员，这里列出他（她）作为当事人的全部事项。双击事项查看详情。"))
        if len(rows) == 1:
            table.selectRow(0)  # one match: show the cases straight away

    def _person_selected(self) -> None:
        selected = self.persons_table.selectionModel().selectedRows()
        if not selected:
            return
        person = self._persons[selected[0].row()]
        self._cases_request += 1
        request = self._cases_request
        store = self._store

        def done(rows: list[CaseRow]) -> None:
            if request != self._cases_request:
                return
            self.cases_model.set_rows(rows)
            _fit_columns(self.cases_table, stretch=COLUMN_INDEX["title"])
            self.cases_title.setText(
                self.tr("%1 作为当事人的事项：共 %2 件（双击查看详情）")
                .replace("%1", person.name)
                .replace("%2", str(len(rows)))
            )

        self._tasks.run(lambda: case_queries.person_case_rows(store, person.id), done, owner=self)

    def _case_activated(self, index: QModelIndex) -> None:
        local_no = self.cases_model.data(index, LOCAL_NO_ROLE)
        if local_no is not None:
            self.case_activated.emit(int(local_no))


def _fit_columns(table: QTableView, stretch: int) -> None:
    """Size columns to their (short) contents with some air, and let one column take the rest."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    for column in range(header.count()):
        header.resizeSection(column, header.sectionSize(column) + 18)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
