"""人员查询: find a person by name prefix, full ID number or phone, and list every case they are party to.

ID and phone numbers are shown masked. For the selected person: 显示完整号码 (one field, with a reason),
导出个人信息 and 匿名化 (the person's rights under PIPL), each checked and audited by the service."""

from __future__ import annotations

import qtawesome as qta
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

from govdesk.security.policy import Perm, Role, allowed
from govdesk.services import case_queries
from govdesk.services.actor import Actor
from govdesk.services.person_rights import Anonymised
from govdesk.store.records import CaseRow, PersonRow
from govdesk.store.store import Store

from .case_table_model import COLUMN_INDEX, LOCAL_NO_ROLE, CaseRowsModel
from .person_rights_dialogs import AnonymiseDialog, PersonExportDialog, RevealDialog
from .tasks import TaskManager

SEARCH_DELAY_MS = 300
_HINT_STYLE = "color:#5f6368; padding:6px 2px;"


class PersonsView(QWidget):
    case_activated = Signal(int)  # local_no of a case the user opened

    def __init__(
        self, store: Store, tasks: TaskManager, parent: QWidget | None = None, *, actor: Actor | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._actor = actor
        self._note = ""  # said once above the next search result (after an anonymisation)
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
        self.persons_table.itemSelectionChanged.connect(self._update_person_actions)
        self._setup_person_actions()

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
        upper_layout.addLayout(self.person_actions)
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

    def _setup_person_actions(self) -> None:
        role = Role(self._actor.role) if self._actor is not None else None
        blue, red = "#1a73e8", "#d93025"
        self.reveal_id_button = QPushButton(qta.icon("mdi6.eye-outline", color=blue), self.tr("显示完整身份证号"))
        self.reveal_phone_button = QPushButton(qta.icon("mdi6.eye-outline", color=blue), self.tr("显示完整电话"))
        self.export_button = QPushButton(qta.icon("mdi6.file-account-outline", color=blue), self.tr("导出个人信息…"))
        self.anonymise_button = QPushButton(qta.icon("mdi6.account-cancel-outline", color=red), self.tr("匿名化…"))
        self.reveal_id_button.clicked.connect(lambda: self.open_reveal("id_number"))
        self.reveal_phone_button.clicked.connect(lambda: self.open_reveal("phone"))
        self.export_button.clicked.connect(self.open_export)
        self.anonymise_button.clicked.connect(self.open_anonymise)
        self._permitted = {
            self.reveal_id_button: Perm.REVEAL, self.reveal_phone_button: Perm.REVEAL,
            self.export_button: Perm.PERSON_EXPORT, self.anonymise_button: Perm.PERSON_ANONYMISE,
        }  # fmt: skip
        self.person_actions = QHBoxLayout()
        for button, perm in self._permitted.items():
            if role is None or not allowed(role, perm):
                button.hide()  # the service would refuse it: do not offer it
            self.person_actions.addWidget(button)
        self.person_actions.addStretch(1)
        self._update_person_actions()

    def selected_person(self) -> PersonRow | None:
        selected = self.persons_table.selectionModel().selectedRows()
        return self._persons[selected[0].row()] if selected and selected[0].row() < len(self._persons) else None

    def _update_person_actions(self) -> None:
        person = self.selected_person()
        self.reveal_id_button.setEnabled(bool(person and person.id_number_masked))
        self.reveal_phone_button.setEnabled(bool(person and person.phone_masked))
        self.export_button.setEnabled(person is not None)
        self.anonymise_button.setEnabled(person is not None)

    def open_reveal(self, field: str) -> RevealDialog | None:
        person = self.selected_person()
        if person is None or self._actor is None:
            return None
        dialog = RevealDialog(self._store, self._tasks, self._actor, person, field, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_export(self) -> PersonExportDialog | None:
        person = self.selected_person()
        if person is None or self._actor is None:
            return None
        dialog = PersonExportDialog(self._store, self._tasks, self._actor, person, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_anonymise(self) -> AnonymiseDialog | None:
        person = self.selected_person()
        if person is None or self._actor is None:
            return None
        dialog = AnonymiseDialog(self._store, self._tasks, self._actor, person, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.anonymised.connect(self._anonymised)
        dialog.open()
        return dialog

    def _anonymised(self, result: Anonymised) -> None:
        self._note = (
            self.tr("已匿名化，此人现显示为“%1”；%2 件事项照常保留。")
            .replace("%1", result.placeholder).replace("%2", str(result.cases))
        )  # fmt: skip
        self.search_edit.setText(result.placeholder)  # the person is now found under the placeholder only
        self.search()

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
        if self._note:
            self.result_hint.setText(self._note)
            self._note = ""
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
