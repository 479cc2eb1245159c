"""The filter bar above the case list: search text, code-table filters and a registration date range."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from govdesk.domain.codes import Kind, Risk, Status
from govdesk.services.case_queries import due_filter
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.records import NamedRef

from .date_edit import OptionalDateEdit
from .labels import data_label, kind_label, risk_dot, risk_label, status_label

# Typing "纠纷" fires two edits within a few hundred ms; query once, after the user pauses.
SEARCH_DELAY_MS = 250
OPEN_ONLY = "__open__"


class CaseFilterBar(QWidget):
    changed = Signal()

    def __init__(self, category_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("搜索标题、当事人、地点、事实（支持1–2个字）"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(qta.icon("fa5s.search", color="#80868b"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMinimumHeight(30)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self._search_now)

        self.kind_combo = self._combo(self.tr("全部类型"), [(kind_label(k), k.value) for k in Kind])
        self.status_combo = self._combo(
            self.tr("全部状态"),
            [(self.tr("未办结"), OPEN_ONLY)] + [(status_label(s), s.value) for s in Status],
        )
        self.category_combo = self._combo(
            self.tr("全部类别"), [(data_label("Category", name), name) for name in category_names]
        )
        self.village_combo = self._combo(self.tr("全部村（社区）"), [])
        self.risk_combo = self._combo(self.tr("全部风险"), [])
        for risk in (Risk.RED, Risk.YELLOW, Risk.GREEN):
            self.risk_combo.addItem(risk_dot(risk), risk_label(risk), risk.value)
        self.due_combo = self._combo(
            self.tr("全部期限"), [(self.tr("已超期"), "overdue"), (self.tr("即将到期"), "due_soon")]
        )
        self.due_combo.setToolTip(self.tr("期限：全部 / 已超期 / 即将到期"))
        self.date_from = OptionalDateEdit(self.tr("不限"))
        self.date_to = OptionalDateEdit(self.tr("不限"))
        for date_edit in (self.date_from, self.date_to):
            date_edit.setMinimumWidth(130)
            date_edit.changed.connect(self.changed)
        self.reset_button = QPushButton(qta.icon("mdi6.filter-remove-outline", color="#5f6368"), self.tr("重置"))
        self.reset_button.setToolTip(self.tr("清除搜索和全部筛选条件"))
        self.reset_button.clicked.connect(self.reset)

        first = QHBoxLayout()
        first.addWidget(self.search_edit, 1)
        first.addWidget(self.reset_button)
        second = QHBoxLayout()
        for combo in (self.kind_combo, self.status_combo, self.category_combo, self.village_combo, self.risk_combo,
                      self.due_combo):  # fmt: skip
            second.addWidget(combo)
        second.addSpacing(8)
        second.addWidget(QLabel(self.tr("登记日期")))
        second.addWidget(self.date_from)
        second.addWidget(QLabel(self.tr("至")))
        second.addWidget(self.date_to)
        second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(first)
        layout.addLayout(second)

    def _combo(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setMaxVisibleItems(20)
        # As wide as its entries, but no wider than its "all" entry or six Chinese characters (long English
        # category names widened the whole window); a longer choice is elided in the box, the open list shows
        # every entry in full.
        metrics = combo.fontMetrics()
        longest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
        room = max(metrics.horizontalAdvance(everything), metrics.horizontalAdvance("汉" * 6))  # 道路交通事故 fits
        combo.setMaximumWidth(min(longest, room) + 56)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def _search_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def set_villages(self, villages: list[NamedRef]) -> None:
        """Fill the village list, keeping the current choice when it still exists."""
        current = self.village_combo.currentData()
        with QSignalBlocker(self.village_combo):
            self.village_combo.clear()
            self.village_combo.addItem(self.tr("全部村（社区）"), None)
            for village in villages:
                self.village_combo.addItem(village.name, village.id)
            index = self.village_combo.findData(current) if current else 0
            self.village_combo.setCurrentIndex(max(index, 0))
        if current and index < 0:
            self.changed.emit()

    def case_filter(self) -> CaseFilter:
        status = self.status_combo.currentData()

        def one(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return (value,) if value else ()

        date_from, date_to = self.date_from.value(), self.date_to.value()
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from  # a reversed range is a slip, not a wish for nothing
        due = self.due_combo.currentData()
        return CaseFilter(
            **(due_filter(due) if due else {}),  # type: ignore[arg-type]
            search=self.search_edit.text().strip(),
            kinds=one(self.kind_combo),
            statuses=(status,) if status and status != OPEN_ONLY else (),
            open_only=status == OPEN_ONLY,
            categories=one(self.category_combo),
            risks=one(self.risk_combo),
            village_id=self.village_combo.currentData(),
            date_from=date_from,
            date_to=date_to,
        )

    def reset(self) -> None:
        self._timer.stop()
        widgets = (self.search_edit, self.kind_combo, self.status_combo, self.category_combo, self.village_combo,
                   self.risk_combo, self.due_combo, self.date_from.edit, self.date_to.edit)  # fmt: skip
        blockers = [QSignalBlocker(w) for w in widgets]
        self.search_edit.clear()
        for combo in (self.kind_combo, self.status_combo, self.category_combo, self.village_combo, self.risk_combo,
                      self.due_combo):  # fmt: skip
            combo.setCurrentIndex(0)
        self.date_from.clear()
        self.date_to.clear()
        for blocker in blockers:
            blocker.unblock()
        self.changed.emit()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()
