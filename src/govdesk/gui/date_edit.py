"""A date field that may be left empty ("不限" in a filter, "不详" on a form)."""

from __future__ import annotations

import datetime as dt

import qtawesome as qta
from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QToolButton, QWidget

_EMPTY = QDate(2000, 1, 1)  # the sentinel QDateEdit shows as its "special value text"


class _DateEdit(QDateEdit):
    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if self.date() == self.minimumDate():
            # Opening the calendar on an empty field would start in January 2000; start at this month.
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())


class OptionalDateEdit(QWidget):
    changed = Signal()

    def __init__(self, empty_text: str, parent: QWidget | None = None, *, allow_future: bool = True) -> None:
        super().__init__(parent)
        self.edit = _DateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(_EMPTY)
        if not allow_future:
            self.edit.setMaximumDate(QDate.currentDate())
        self.edit.setSpecialValueText(empty_text)
        self.edit.setDate(_EMPTY)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.clear_button = QToolButton()
        self.clear_button.setIcon(qta.icon("mdi6.close-circle-outline", color="#80868b"))
        self.clear_button.setToolTip(self.tr("清除日期"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)

    def value(self) -> dt.date | None:
        date = self.edit.date()
        return None if date == _EMPTY else dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        self.edit.setDate(_EMPTY if value is None else QDate(value.year, value.month, value.day))

    def clear(self) -> None:
        self.set_value(None)
