"""One party on the registration form: a card with the fields of a person or of an organisation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from govdesk.domain.codes import PartyRole, ethnic_groups

from .labels import data_label, role_label

_FIELD_ROW = {
    "role": 1, "type": 1, "name": 1, "id_number": 3, "birth_date": 3, "credit_code": 3, "representative": 3,
    "gender": 5, "ethnicity": 5, "phone": 5, "address": 7,
}  # fmt: skip
_CARD_STYLE = "QFrame#partyEditor { background:#f6f8fb; border:1px solid #dde3ea; border-radius:6px; }"
_INVALID_CARD_STYLE = "QFrame#partyEditor { background:#fff6f5; border:1px solid #d93025; border-radius:6px; }"


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Red border through the dialog style sheet's ``[invalid="true"]`` rule."""
    # A composite field (the coordinates row) is marked through its line edits.
    targets = [widget] if isinstance(widget, QLineEdit) else [widget, *widget.findChildren(QLineEdit)]
    for target in targets:
        if bool(target.property("invalid")) == invalid:
            continue
        target.setProperty("invalid", invalid)
        target.style().unpolish(target)
        target.style().polish(target)


class PartyEditor(QFrame):
    remove_requested = Signal(object)
    edited = Signal()

    def __init__(self, role: PartyRole, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partyEditor")
        self.setStyleSheet(_CARD_STYLE)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 10)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight:bold; color:#1a4f8b; background:transparent;")
        self.remove_button = QToolButton()
        self.remove_button.setIcon(qta.icon("fa5s.trash-alt", color="#80868b"))
        self.remove_button.setText(self.tr("删除"))
        self.remove_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.remove_button.setAutoRaise(True)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.remove_button)
        grid.addLayout(head, 0, 0, 1, 6)

        self.role_combo = QComboBox()
        for r in PartyRole:
            self.role_combo.addItem(role_label(r), r.value)
        self.role_combo.setCurrentIndex(list(PartyRole).index(role))
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("自然人"), "person")
        self.type_combo.addItem(self.tr("单位"), "organisation")
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(60)
        self.id_edit = QLineEdit(placeholderText=self.tr("18位，可不填"))
        self.gender_combo = QComboBox()
        self.gender_combo.addItem(self.tr("（按身份证）"), None)
        self.gender_combo.addItem(self.tr("男"), "男")
        self.gender_combo.addItem(self.tr("女"), "女")
        self.ethnicity_combo = QComboBox()
        self.ethnicity_combo.addItem(self.tr("（不填）"), None)
        for group in ethnic_groups(data_dir):
            self.ethnicity_combo.addItem(data_label("Ethnicity", group.name), group.name)
        self.ethnicity_combo.setMaxVisibleItems(20)
        self.phone_edit = QLineEdit(placeholderText=self.tr("手机或固话"))
        self.address_edit = QLineEdit()
        self.credit_edit = QLineEdit(placeholderText=self.tr("18位统一社会信用代码"))
        self.representative_edit = QLineEdit()

        self._fields: dict[str, QWidget] = {
            "role": self.role_combo, "type": self.type_combo, "name": self.name_edit,
            "id_number": self.id_edit, "gender": self.gender_combo, "ethnicity": self.ethnicity_combo,
            "birth_date": self.id_edit, "phone": self.phone_edit, "address": self.address_edit,
            "credit_code": self.credit_edit, "representative": self.representative_edit,
        }  # fmt: skip
        self._name_caption = QLabel()
        captions = {}
        for key, text in (
            ("role", self.tr("角色")), ("type", self.tr("类型")), ("id_number", self.tr("身份证号")),
            ("gender", self.tr("性别")), ("ethnicity", self.tr("民族")), ("phone", self.tr("电话")),
            ("address", self.tr("住址")), ("credit_code", self.tr("信用代码")),
            ("representative", self.tr("负责人")),
        ):  # fmt: skip
            captions[key] = QLabel(text)
        self._captions = captions
        for label in [*captions.values(), self._name_caption]:
            label.setStyleSheet("background:transparent;")

        # Fields sit on odd rows; the even row under each is where that row's error message appears.
        grid.addWidget(captions["role"], 1, 0)
        grid.addWidget(self.role_combo, 1, 1)
        grid.addWidget(captions["type"], 1, 2)
        grid.addWidget(self.type_combo, 1, 3)
        grid.addWidget(self._name_caption, 1, 4)
        grid.addWidget(self.name_edit, 1, 5)
        # Person and organisation share row 3; only one set is visible.
        grid.addWidget(captions["id_number"], 3, 0)
        grid.addWidget(self.id_edit, 3, 1, 1, 3)
        grid.addWidget(captions["credit_code"], 3, 0)
        grid.addWidget(self.credit_edit, 3, 1, 1, 3)
        grid.addWidget(captions["representative"], 3, 4)
        grid.addWidget(self.representative_edit, 3, 5)
        grid.addWidget(captions["gender"], 5, 0)
        grid.addWidget(self.gender_combo, 5, 1)
        grid.addWidget(captions["ethnicity"], 5, 2)
        grid.addWidget(self.ethnicity_combo, 5, 3)
        grid.addWidget(captions["phone"], 5, 4)
        grid.addWidget(self.phone_edit, 5, 5)
        grid.addWidget(captions["address"], 7, 0)
        grid.addWidget(self.address_edit, 7, 1, 1, 5)
        self._grid = grid
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color:#c5221f; background:transparent;")
        self.error_label.hide()
        grid.addWidget(self.error_label, 8, 0, 1, 6)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 3)

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        for edit in (self.name_edit, self.id_edit, self.phone_edit, self.address_edit, self.credit_edit,
                     self.representative_edit):  # fmt: skip
            edit.textEdited.connect(lambda _t: self.edited.emit())
        self._type_changed()

    @property
    def is_organisation(self) -> bool:
        return bool(self.type_combo.currentData() == "organisation")

    def set_number(self, number: int) -> None:
        self.heading.setText(self.tr("当事人 %s") % number)

    def _type_changed(self) -> None:
        org = self.is_organisation
        for widget in (self.id_edit, self._captions["id_number"], self.gender_combo, self._captions["gender"],
                       self.ethnicity_combo, self._captions["ethnicity"]):  # fmt: skip
            widget.setVisible(not org)
        for widget in (self.credit_edit, self._captions["credit_code"], self.representative_edit,
                       self._captions["representative"]):  # fmt: skip
            widget.setVisible(org)
        self._name_caption.setText(
            (self.tr("单位名称") if org else self.tr("姓名")) + " <span style='color:#d93025'>*</span>"
        )
        self._captions["address"].setText(self.tr("地址") if org else self.tr("住址"))

    def has_content(self) -> bool:
        return any(
            e.text().strip()
            for e in (self.name_edit, self.id_edit, self.phone_edit, self.address_edit, self.credit_edit,
                      self.representative_edit)
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        """One entry of the CLI JSON's ``parties`` list."""
        org = self.is_organisation
        return {
            "role": self.role_combo.currentData(),
            "type": "organisation" if org else "person",
            "name": self.name_edit.text(),
            "id_number": None if org else (self.id_edit.text().strip() or None),
            "gender": None if org else self.gender_combo.currentData(),
            "ethnicity": None if org else self.ethnicity_combo.currentData(),
            "phone": self.phone_edit.text().strip() or None,
            "address": self.address_edit.text(),
            "credit_code": (self.credit_edit.text().strip() or None) if org else None,
            "representative": self.representative_edit.text() if org else None,
        }

    def show_error(self, field: str, message: str) -> None:
        self.setStyleSheet(_INVALID_CARD_STYLE)
        self._grid.removeWidget(self.error_label)
        self._grid.addWidget(self.error_label, _FIELD_ROW.get(field, 7) + 1, 0, 1, 6)
        # The card already says which party; drop the "第N个当事人（姓名）：" prefix the banner keeps.
        self.error_label.setText(re.sub(r"^第\d+个当事人（[^）]*）：", "", message))
        self.error_label.show()
        widget = self._fields.get(field)
        if widget is not None:
            mark_invalid(widget, True)
            widget.setFocus()

    def clear_error(self) -> None:
        if self.error_label.isHidden():
            return
        self.setStyleSheet(_CARD_STYLE)
        self.error_label.hide()
        for widget in self._fields.values():
            mark_invalid(widget, False)
