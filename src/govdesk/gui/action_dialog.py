"""The dialog of one lifecycle action, built from its field table (action_forms.py).

It builds the JSON dict the service reads, runs ``services.lifecycle.perform`` on the serial worker and
closes on success (``performed`` carries the ActionDone). A ValidationError naming a field is shown under that
field and everything typed stays; other refusals (illegal transition, no permission) become a message box.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.clock import CHINA, china_today
from govdesk.domain.errors import ValidationError
from govdesk.domain.lifecycle import Action
from govdesk.domain.translatable import QT_TRANSLATE_NOOP
from govdesk.services import lifecycle
from govdesk.services.actor import Actor
from govdesk.store.records import CaseLifecycle
from govdesk.store.store import Store

from .action_forms import (
    ACTION_HINTS,
    ACTOR,
    HANDLERS,
    NOW,
    PERFORMANCE_OPTIONS,
    SUGGESTED_DEPARTMENT,
    TODAY,
    Field,
    fields_for,
    form_text,
)
from .date_edit import OptionalDateEdit
from .labels import action_label, action_label_text
from .tasks import TaskManager, show_error

_ERROR_STYLE = "color:#d93025;"
OBLIGATION_COLUMNS = (
    ("obligor", QT_TRANSLATE_NOOP("ActionForm", "义务人")), ("obligee", QT_TRANSLATE_NOOP("ActionForm", "权利人")),
    ("content", QT_TRANSLATE_NOOP("ActionForm", "履行内容")), ("amount", QT_TRANSLATE_NOOP("ActionForm", "金额（元）")),
    ("due_on", QT_TRANSLATE_NOOP("ActionForm", "履行期限")), ("method", QT_TRANSLATE_NOOP("ActionForm", "履行方式")),
    ("place", QT_TRANSLATE_NOOP("ActionForm", "履行地点")),
)  # fmt: skip


def split_names(text: str) -> list[str]:
    for sep in ("，", "、", ";", "；", " "):
        text = text.replace(sep, ",")
    return [n.strip() for n in text.split(",") if n.strip()]


class ObligationsEditor(QWidget):
    """The obligations of an agreement: who, to whom, what or how much, by when, how, where."""

    def __init__(self, parties: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(OBLIGATION_COLUMNS))
        self.table.setHorizontalHeaderLabels([form_text(title) for _, title in OBLIGATION_COLUMNS])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 80), (1, 80), (3, 84), (4, 96), (5, 90), (6, 90)):
            header.resizeSection(column, width)
        self.table.setMinimumHeight(120)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("添加一项"))
        self.remove_button = QPushButton(self.tr("删除选中项"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        hint = QLabel(self.tr("期限写成 2026-12-31；金额只写数字。"))
        hint.setStyleSheet("color:#5f6368;")
        buttons.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        # The usual case: the respondent owes the applicant something.
        obligor, obligee = (parties[1], parties[0]) if len(parties) > 1 else ((parties[0], "") if parties else ("", ""))
        self.add_row({"obligor": obligor, "obligee": obligee})

    def add_row(self, values: dict[str, str] | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, (key, _) in enumerate(OBLIGATION_COLUMNS):
            self.table.setItem(row, column, QTableWidgetItem((values or {}).get(key, "")))
        return row

    def set_cell(self, row: int, key: str, text: str) -> None:
        column = [k for k, _ in OBLIGATION_COLUMNS].index(key)
        self.table.setItem(row, column, QTableWidgetItem(text))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def value(self) -> list[dict[str, str]]:
        out = []
        for row in range(self.table.rowCount()):
            item: dict[str, str] = {}
            for column, (key, _) in enumerate(OBLIGATION_COLUMNS):
                cell = self.table.item(row, column)
                text = cell.text().strip() if cell is not None else ""
                if text:
                    item[key] = text
            if set(item) - {"obligor", "obligee"}:  # a row with only the prefilled names is an unused row
                out.append(item)
        return out


class PerformanceEditor(QWidget):
    """Follow-up: one performance status per obligation of the current agreement."""

    def __init__(self, lc: CaseLifecycle | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[int, QComboBox] = {}
        # The follow-up reports on the agreement's own obligations (not on a supplementary agreement's).
        principal = [a for a in lc.agreements if not a.supplements_id] if lc is not None else []
        agreement = principal[-1] if principal else None
        if agreement is None or not agreement.obligations:
            layout.addRow(QLabel(self.tr("协议没有履行事项。")))
            return
        for ob in agreement.obligations:
            combo = QComboBox()
            for value, text in PERFORMANCE_OPTIONS.items():
                combo.addItem(form_text(text), value)
            if ob.performance in PERFORMANCE_OPTIONS and ob.performance:
                combo.setCurrentIndex(combo.findData(ob.performance))
            label = QLabel(f"{ob.position}. {ob.obligor}：{ob.content}")
            label.setWordWrap(True)
            layout.addRow(label, combo)
            self.combos[ob.position] = combo

    def value(self) -> list[dict[str, object]]:
        return [{"obligation": pos, "status": c.currentData()} for pos, c in self.combos.items() if c.currentData()]


class ActionDialog(QDialog):
    performed = Signal(object)  # lifecycle.ActionDone

    def __init__(
        self,
        store: Store,
        tasks: TaskManager,
        actor: Actor,
        lc: CaseLifecycle,
        action: Action,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._tasks, self._actor, self.lc, self.action = store, tasks, actor, lc, action
        self.number = lc.detail.row.number
        self.fields = fields_for(action)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.busy = False
        self.setWindowTitle(f"{action_label(action)} — {self.number}")
        self.setMinimumWidth(620 if any(f.kind == "obligations" for f in self.fields) else 480)
        if any(f.kind == "obligations" for f in self.fields):
            self.resize(820, 640)

        head = QLabel(f"<b>{_html(lc.detail.row.title)}</b><br><span style='color:#5f6368'>{self.number}</span>")
        head.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(_ERROR_STYLE + "background:#fce8e6; padding:6px; border-radius:4px;")
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        hint = ACTION_HINTS.get(action)
        if hint:
            hint_label = QLabel(form_text(hint))
            hint_label.setWordWrap(True)
            hint_label.setStyleSheet("color:#1a4f8b; background:#e8f0fe; padding:6px; border-radius:4px;")
            layout.addWidget(hint_label)
        layout.addWidget(self.banner)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form_host = QWidget()
        form_host.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form_host)
        if not self.fields:
            self.form.addRow(QLabel(self.tr("确认要进行“%s”吗？") % action_label(action)))
        for spec in self.fields:
            self._add_field(spec)
        layout.addWidget(scroll, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存") if self.fields else action_label(action))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_visibility()

    # --- building -------------------------------------------------------------------------------
    def _default(self, spec: Field) -> Any:
        d = spec.default
        if d == HANDLERS:
            handlers = list(self.lc.handlers) or [self._actor.name]
            return handlers if spec.kind == "names" else handlers[0]
        if d == ACTOR:
            return self._actor.name
        if d in (SUGGESTED_DEPARTMENT, "@cooperating"):
            from govdesk.services.referral_actions import suggest_department

            row = self.lc.detail.row
            suggestion = suggest_department(row.category, row.title)
            if suggestion is None:
                return None
            return suggestion.lead if d == SUGGESTED_DEPARTMENT else list(suggestion.cooperating)
        if d == TODAY:
            return china_today()
        if d == NOW:
            return dt.datetime.now(CHINA).replace(tzinfo=None, second=0, microsecond=0)
        return d

    def _add_field(self, spec: Field) -> None:
        default = self._default(spec)
        widget: QWidget
        if spec.kind == "text":
            widget = QLineEdit(str(default or ""))
            widget.setPlaceholderText(form_text(spec.hint) if spec.hint else "")
        elif spec.kind == "multiline":
            widget = QPlainTextEdit(str(default or ""))
            widget.setPlaceholderText(form_text(spec.hint) if spec.hint else "")
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(72)
        elif spec.kind == "names":
            widget = QLineEdit("、".join(default or []))
            widget.setPlaceholderText(form_text(spec.hint) if spec.hint else self.tr("多人用“、”隔开"))
        elif spec.kind == "date":
            widget = OptionalDateEdit(self.tr("不填"))
            widget.set_value(default)
        elif spec.kind == "datetime":
            widget = QDateTimeEdit()
            widget.setDisplayFormat("yyyy-MM-dd HH:mm")
            widget.setCalendarPopup(True)
            widget.setDateTime(QDateTime(default) if default else QDateTime.currentDateTime())
        elif spec.kind == "choice":
            widget = QComboBox()
            for value, text in spec.options.items():
                widget.addItem(form_text(text), value)
            widget.setCurrentIndex(max(0, widget.findData(default)))
            widget.currentIndexChanged.connect(lambda _i: self._update_visibility())
        elif spec.kind == "number":
            widget = QSpinBox()
            widget.setRange(0, 50)
            widget.setSpecialValueText(self.tr("自动"))
            widget.setValue(int(default or 0))
        elif spec.kind == "bool":
            widget = QCheckBox(form_text(spec.label))
            widget.setChecked(bool(default))
        elif spec.kind == "checks":
            widget = QWidget()
            row = QHBoxLayout(widget)
            row.setContentsMargins(0, 0, 0, 0)
            widget.boxes = {}  # type: ignore[attr-defined]
            for value, text in spec.options.items():
                box = QCheckBox(form_text(text))
                row.addWidget(box)
                widget.boxes[value] = box  # type: ignore[attr-defined]
            row.addStretch(1)
        elif spec.kind == "obligations":
            widget = ObligationsEditor([p.name for p in self.lc.detail.parties])
        elif spec.kind == "performance":
            widget = PerformanceEditor(self.lc)
        elif spec.kind == "party":
            widget = QComboBox()
            signed = set()
            if self.lc.agreements:
                signed = {s.name for s in self.lc.agreements[-1].signatures if s.signer == "party"}
            for position, party in enumerate(self.lc.detail.parties, start=1):
                done = self.tr("（已签）") if party.name in signed else ""
                widget.addItem(f"{position}. {party.name}{done}", position)
            first_unsigned = next((i for i, p in enumerate(self.lc.detail.parties) if p.name not in signed), 0)
            widget.setCurrentIndex(first_unsigned)
        elif spec.kind == "event":
            widget = QComboBox()
            for entry in self.lc.timeline:
                widget.addItem(f"{entry.seq}. {action_label_text(entry.action_label)}：{entry.summary}", entry.seq)
            widget.setCurrentIndex(widget.count() - 1)
        else:
            raise ValueError(f"unknown field kind {spec.kind}")
        error = QLabel()
        error.setStyleSheet(_ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        caption = (
            ""
            if spec.kind == "bool"
            else form_text(spec.label) + ("<span style='color:#d93025'>*</span>" if spec.required else "") + "："
        )
        self.form.addRow(QLabel(caption), holder)
        self.widgets[spec.key] = widget
        self.errors[spec.key] = error

    def _update_visibility(self) -> None:
        for row, spec in enumerate(self.fields):
            if spec.when is None:
                continue
            key, values = spec.when
            combo = self.widgets.get(key)
            visible = isinstance(combo, QComboBox) and combo.currentData() in values
            self.form.setRowVisible(row, visible)

    def _visible(self, spec: Field) -> bool:
        if spec.when is None:
            return True
        combo = self.widgets.get(spec.when[0])
        return isinstance(combo, QComboBox) and combo.currentData() in spec.when[1]

    # --- the JSON ---------------------------------------------------------------------------------
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for spec in self.fields:
            if not self._visible(spec):
                continue
            w = self.widgets[spec.key]
            value: Any = None
            if isinstance(w, QLineEdit):
                value = split_names(w.text()) if spec.kind == "names" else w.text().strip()
            elif isinstance(w, QPlainTextEdit):
                value = w.toPlainText().strip()
            elif isinstance(w, OptionalDateEdit):
                day = w.value()
                value = day.isoformat() if day else None
            elif isinstance(w, QDateTimeEdit):
                value = w.dateTime().toString("yyyy-MM-dd HH:mm")
            elif isinstance(w, QComboBox):
                value = w.currentData()
            elif isinstance(w, QSpinBox):
                value = w.value() or None
            elif isinstance(w, QCheckBox):
                value = w.isChecked()
            elif isinstance(w, ObligationsEditor | PerformanceEditor):
                value = w.value()
            elif spec.kind == "checks":
                value = [v for v, box in w.boxes.items() if box.isChecked()]  # type: ignore[attr-defined]
            if value is None or value == "" or (value == [] and spec.kind not in ("obligations",)):
                continue
            out[spec.key] = value
        return out

    # --- saving -----------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        self.banner.hide()
        for label in self.errors.values():
            label.hide()

    def show_validation(self, err: ValidationError) -> None:
        label = self.errors.get(err.field or "")
        if label is not None:
            label.setText(str(err))
            label.show()
            widget = self.widgets[err.field or ""]
            widget.setFocus()
        else:
            self.banner.setText(str(err))
            self.banner.show()

    def accept(self) -> None:
        """Save: run the action on the worker; the dialog closes only when it succeeded."""
        if self.busy:
            return
        self.clear_errors()
        payload = self.data()
        store, actor, number, action = self._store, self._actor, self.number, self.action
        self.busy = True
        self.ok_button.setEnabled(False)

        def done(result: lifecycle.ActionDone) -> None:
            self.busy = False
            self.performed.emit(result)
            super(ActionDialog, self).accept()

        def failed(err: BaseException) -> None:
            self.busy = False
            self.ok_button.setEnabled(True)
            if isinstance(err, ValidationError):
                self.show_validation(err)
            else:
                show_error(err, self)

        self._tasks.run(lambda: lifecycle.perform(store, actor, number, action, payload), done, failed, owner=self)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
