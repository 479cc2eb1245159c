"""登记事项: the registration form.

The form builds the same dict as the CLI's JSON and hands it to ``registration.parse_registration``, so the
desktop and county scripts are held to one set of rules. A refused field is marked red with the reason
beside it; the dialog never clears what the user typed, whatever goes wrong.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.cases import PARTY_FIELDS, parse_party
from govdesk.domain.codes import Channel, Kind, PartyRole, Risk, categories
from govdesk.domain.errors import GovdeskError, ValidationError
from govdesk.security.policy import Perm, Role, allowed
from govdesk.services import registration
from govdesk.services.actor import Actor
from govdesk.store.records import DuplicateHint, NamedRef
from govdesk.store.store import Store

from .case_detail import CaseDetailDialog
from .date_edit import OptionalDateEdit
from .labels import channel_label, data_label, kind_label, risk_dot, risk_label, status_label
from .party_editor import PartyEditor, mark_invalid
from .tasks import TaskManager, show_error

_DIALOG_STYLE = """
QLabel#fieldError { color:#c5221f; }
QFrame#errorBanner { background:#fce8e6; border:1px solid #f4b4ae; border-radius:6px; }
QFrame#duplicateBox { background:#fff7d6; border:1px solid #f2cf5b; border-radius:6px; }
*[invalid="true"] { border:1px solid #d93025; border-radius:3px; background:#fff6f5; }
"""


def registrable_kinds(actor: Actor) -> list[Kind]:
    """The kinds of matter this account may register (a grid officer: grid events only; an administrator
    or auditor: none). The service checks again; the form only avoids offering what would be refused."""
    role = Role(actor.role)
    if allowed(role, Perm.CASE_REGISTER):
        return list(Kind)
    return [Kind.GRID_EVENT] if allowed(role, Perm.GRID_EVENT_REGISTER) else []


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


class RegistrationDialog(QDialog):
    """Open with ``open()``; emits ``registered`` with the service's ``Registered`` result."""

    registered = Signal(object)

    def __init__(
        self,
        store: Store,
        tasks: TaskManager,
        actor: Actor,
        villages: list[NamedRef],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._actor = actor
        self._acknowledged: set[str] = set()  # duplicate hints the user has seen and chose to save past
        self._saving = False
        self._save_text = self.tr("保存")
        self.setWindowTitle(self.tr("登记事项"))
        self.setStyleSheet(_DIALOG_STYLE)
        self.resize(1180, 820)

        self._errors: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}

        self.error_banner = QFrame()
        self.error_banner.setObjectName("errorBanner")
        self.error_text = QLabel(wordWrap=True)
        banner_layout = QHBoxLayout(self.error_banner)
        banner_icon = QLabel()
        banner_icon.setPixmap(qta.icon("mdi6.alert-circle-outline", color="#c5221f").pixmap(20, 20))
        banner_layout.addWidget(banner_icon, 0, Qt.AlignmentFlag.AlignTop)
        banner_layout.addWidget(self.error_text, 1)
        self.error_banner.hide()

        self.duplicate_box = QFrame()
        self.duplicate_box.setObjectName("duplicateBox")
        self.duplicate_text = QLabel(wordWrap=True)
        self.duplicate_text.setTextFormat(Qt.TextFormat.RichText)
        self.duplicate_text.linkActivated.connect(self._open_existing)
        dup_layout = QHBoxLayout(self.duplicate_box)
        dup_icon = QLabel()
        dup_icon.setPixmap(qta.icon("fa5s.exclamation-triangle", color="#b06000").pixmap(18, 18))
        dup_layout.addWidget(dup_icon, 0, Qt.AlignmentFlag.AlignTop)
        dup_layout.addWidget(self.duplicate_text, 1)
        self.duplicate_box.hide()

        columns = QHBoxLayout()
        columns.setSpacing(12)
        left = QVBoxLayout()
        left.addWidget(self._basic_group())
        left.addWidget(self._place_group())
        left.addWidget(self._text_group(), 1)
        columns.addLayout(left, 5)
        columns.addWidget(self._parties_group(villages), 6)
        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setIcon(qta.icon("fa5s.save", color="white"))
        self.save_button.setStyleSheet(
            "QPushButton { background:#1a73e8; color:white; padding:5px 18px; border-radius:4px; }"
            "QPushButton:disabled { background:#9bbcf0; }"
        )
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)  # Enter in a line edit must not save a half-filled form
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        required_hint = QLabel(self.tr("带 * 的为必填项。矛盾纠纷须选择纠纷类别并至少登记一个当事人。"))
        required_hint.setStyleSheet("color:#5f6368;")
        bottom = QHBoxLayout()
        bottom.addWidget(required_hint, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self._kind_changed()
        self.title_edit.setFocus()

    # --- building the form --------------------------------------------------------------------
    def _field(self, form: QFormLayout, key: str, caption: str, widget: QWidget, *, required: bool = False) -> QLabel:
        """A form row whose error label sits directly under the field."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = _error_label()
        box.addWidget(error)
        label = QLabel(caption + (" <span style='color:#d93025'>*</span>" if required else ""))
        form.addRow(label, holder)
        self._errors[key] = error
        self._widgets[key] = widget
        return label

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _basic_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("基本信息"))
        form = self._form()
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(self.tr("一句话说明事项，例如：张某与李某宅基地边界纠纷"))
        self._field(form, "title", self.tr("事项标题"), self.title_edit, required=True)
        self.kind_combo = QComboBox()
        kinds = registrable_kinds(self._actor)
        for kind in kinds or list(Kind):
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._field(form, "kind", self.tr("事项类型"), self.kind_combo, required=True)
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("（请选择）"), None)
        for category in categories(registration.data_tables_dir()):
            self.category_combo.addItem(data_label("Category", category.name), category.name)
        self.category_caption = self._field(form, "category", self.tr("纠纷类别"), self.category_combo)
        self.channel_combo = QComboBox()
        for channel in Channel:
            self.channel_combo.addItem(channel_label(channel), channel.value)
        self._field(form, "channel", self.tr("来源渠道"), self.channel_combo)
        self.occurred_edit = OptionalDateEdit(self.tr("不详"), allow_future=False)
        self.occurred_edit.set_value(dt.date.today())
        self._field(form, "occurred_at", self.tr("发生日期"), self.occurred_edit)
        self.people_spin = QSpinBox()
        self.people_spin.setRange(1, 100_000)
        self.people_spin.setSuffix(self.tr(" 人"))
        self._field(form, "people_involved", self.tr("涉及人数"), self.people_spin)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("不涉及金额可不填；单位：元"))
        self._field(form, "amount", self.tr("涉及金额（元）"), self.amount_edit)
        self.risk_combo = QComboBox()
        for risk in (Risk.GREEN, Risk.YELLOW, Risk.RED):
            self.risk_combo.addItem(risk_dot(risk), risk_label(risk), risk.value)
        self._field(form, "risk", self.tr("风险等级"), self.risk_combo)
        self.risk_reason_edit = QLineEdit()
        self.risk_reason_edit.setPlaceholderText(self.tr("黄色、红色预警须写明理由"))
        self._field(form, "risk_reason", self.tr("风险说明"), self.risk_reason_edit)
        group.setLayout(form)
        return group

    def _place_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("地点"))
        form = self._form()
        self.village_combo = QComboBox()
        self._field(form, "village", self.tr("村（社区）"), self.village_combo)
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(self.tr("例如：荷塘村三组晒谷场东侧"))
        self._field(form, "address", self.tr("发生地点"), self.address_edit)
        coords = QWidget()
        row = QHBoxLayout(coords)
        row.setContentsMargins(0, 0, 0, 0)
        self.latitude_edit = QLineEdit(placeholderText=self.tr("纬度，如 30.2741"))
        self.longitude_edit = QLineEdit(placeholderText=self.tr("经度，如 120.1551"))
        row.addWidget(self.latitude_edit)
        row.addWidget(self.longitude_edit)
        self.pick_button = QPushButton(self.tr("在地图上选点…"))
        self.pick_button.clicked.connect(self.pick_on_map)
        row.addWidget(self.pick_button)
        self._field(form, "latitude", self.tr("坐标（可不填）"), coords)
        self._widgets["latitude"] = self.latitude_edit
        self._widgets["longitude"] = self.longitude_edit
        self._errors["longitude"] = self._errors["latitude"]
        group.setLayout(form)
        return group

    def pick_on_map(self) -> None:
        """Click the spot on the township map: fills latitude/longitude (WGS-84) and the village found there."""
        from govdesk.gui.map_view import LocationPickerDialog

        try:
            initial: tuple[float, float] | None = (float(self.latitude_edit.text()), float(self.longitude_edit.text()))
        except ValueError:
            initial = None
        dialog = LocationPickerDialog(self._store, self._tasks, self, initial=initial)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.picked is None:
            return
        picked = dialog.picked
        self.latitude_edit.setText(f"{picked.latitude:.6f}")
        self.longitude_edit.setText(f"{picked.longitude:.6f}")
        if picked.location is not None:
            index = self.village_combo.findData(picked.location.village_name)
            if index >= 0:
                self.village_combo.setCurrentIndex(index)

    def _text_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("事实与诉求"))
        form = self._form()
        self.facts_edit = QPlainTextEdit()
        self.facts_edit.setPlaceholderText(self.tr("时间、地点、起因、经过、目前状况"))
        self.facts_edit.setMinimumHeight(90)
        self._field(form, "facts", self.tr("事实经过"), self.facts_edit)
        self.claims_edit = QPlainTextEdit()
        self.claims_edit.setPlaceholderText(self.tr("当事人希望怎样解决"))
        self.claims_edit.setMinimumHeight(60)
        self._field(form, "claims", self.tr("当事人诉求"), self.claims_edit)
        group.setLayout(form)
        return group

    def _parties_group(self, villages: list[NamedRef]) -> QGroupBox:
        self.village_combo.addItem(self.tr("（不选）"), None)
        for village in villages:
            self.village_combo.addItem(village.name, village.name)
        group = QGroupBox(self.tr("当事人"))
        outer = QVBoxLayout(group)
        self._errors["parties"] = _error_label()
        self._parties_box = QVBoxLayout()
        self._parties_box.setSpacing(8)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addLayout(self._parties_box)
        self.add_party_button = QPushButton(qta.icon("fa5s.user-plus", color="#1a73e8"), self.tr("添加当事人"))
        self.add_party_button.clicked.connect(lambda: self.add_party())
        holder_layout.addWidget(self.add_party_button, 0, Qt.AlignmentFlag.AlignLeft)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        self._parties_scroll = scroll
        outer.addWidget(self._errors["parties"])
        outer.addWidget(scroll)
        self.parties: list[PartyEditor] = []
        self.add_party(PartyRole.APPLICANT)
        self.add_party(PartyRole.RESPONDENT)
        return group

    def add_party(self, role: PartyRole | None = None) -> PartyEditor:
        if role is None:
            role = PartyRole.RESPONDENT if self.parties else PartyRole.APPLICANT
        editor = PartyEditor(role, registration.data_tables_dir())
        editor.remove_requested.connect(self._remove_party)
        editor.edited.connect(self._clear_party_errors)
        self.parties.append(editor)
        self._parties_box.addWidget(editor)
        self._renumber()
        return editor

    def _remove_party(self, editor: PartyEditor) -> None:
        if editor.has_content():
            answer = QMessageBox.question(
                self, self.tr("删除当事人"), self.tr("删除“%s”的全部信息？") % (editor.name_edit.text() or self.tr("这个当事人")),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.parties.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        self._renumber()

    def _renumber(self) -> None:
        for i, editor in enumerate(self.parties):
            editor.set_number(i + 1)

    def _kind_changed(self) -> None:
        dispute = self.kind_combo.currentData() == Kind.DISPUTE.value
        caption = self.tr("纠纷类别")
        self.category_caption.setText(caption + (" <span style='color:#d93025'>*</span>" if dispute else ""))

    # --- reading the form ---------------------------------------------------------------------
    def form_data(self) -> dict[str, Any]:
        """The registration as the CLI JSON would carry it."""
        occurred = self.occurred_edit.value()
        amount = self.amount_edit.text().strip().replace(",", "").replace("，", "")
        return {
            "title": self.title_edit.text(),
            "kind": self.kind_combo.currentData(),
            "category": self.category_combo.currentData(),
            "channel": self.channel_combo.currentData(),
            "facts": self.facts_edit.toPlainText(),
            "claims": self.claims_edit.toPlainText(),
            "occurred_at": occurred.isoformat() if occurred else None,
            "address": self.address_edit.text(),
            "latitude": self.latitude_edit.text().strip() or None,
            "longitude": self.longitude_edit.text().strip() or None,
            "village": self.village_combo.currentData(),
            "people_involved": self.people_spin.value(),
            "amount": amount or None,
            "risk": self.risk_combo.currentData(),
            "risk_reason": self.risk_reason_edit.text(),
            "parties": [editor.to_dict() for editor in self._filled_parties()],
        }

    def _filled_parties(self) -> list[PartyEditor]:
        """Cards left completely blank are not parties (the form starts with two cards)."""
        return [editor for editor in self.parties if editor.has_content()]

    def has_content(self) -> bool:
        return bool(
            self.title_edit.text().strip() or self.facts_edit.toPlainText().strip()
            or self.claims_edit.toPlainText().strip() or self.address_edit.text().strip()
            or any(e.has_content() for e in self.parties)
        )  # fmt: skip

    # --- errors ---------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        self.error_banner.hide()
        for label in self._errors.values():
            label.hide()
        for widget in self._widgets.values():
            mark_invalid(widget, False)
        self._clear_party_errors()

    def _clear_party_errors(self) -> None:
        self._errors["parties"].hide()
        for editor in self.parties:
            editor.clear_error()

    def show_validation_error(self, err: ValidationError, data: dict[str, Any]) -> None:
        """Put the message where the problem is; the banner says it too, in case that is scrolled away."""
        message = str(err)
        self.error_text.setText(self.tr("未保存：%s") % message)
        self.error_banner.show()
        party_index = self._failing_party(data) if err.field in PARTY_FIELDS | {"parties"} else None
        if party_index is not None:
            editor = self._filled_parties()[party_index]
            editor.show_error(err.field or "", message)
            self._parties_scroll.ensureWidgetVisible(editor)
            return
        if err.field in self._widgets:
            label = self._errors[err.field]
            label.setText(message)
            label.show()
            widget = self._widgets[err.field]
            mark_invalid(widget, True)
            widget.setFocus()
            return
        if err.field in PARTY_FIELDS | {"parties"}:
            self._errors["parties"].setText(message)
            self._errors["parties"].show()

    def _failing_party(self, data: dict[str, Any]) -> int | None:
        """Which party the domain refused: the error names it only in words, so re-check each one."""
        for i, party in enumerate(data.get("parties") or []):
            try:
                parse_party(party, registration.data_tables_dir(), i)
            except ValidationError:
                return i
        return None

    # --- saving -----------------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving:
            return
        self.clear_errors()
        data = self.form_data()
        try:
            draft = registration.parse_registration(data)
        except ValidationError as err:
            self.show_validation_error(err, data)
            return
        self._set_saving(True)
        store = self._store

        def checked(hints: list[DuplicateHint]) -> None:
            new = [h for h in hints if h.number not in self._acknowledged]
            if new:
                self._set_saving(False)
                self._show_duplicates(hints)
                return
            self._register(draft)

        self._tasks.run(lambda: registration.find_duplicates(store, draft), checked, self._save_failed, owner=self)

    def _register(self, draft: object) -> None:
        store, actor = self._store, self._actor

        def done(result: registration.Registered) -> None:
            self._set_saving(False)
            self.registered.emit(result)
            self.done(QDialog.DialogCode.Accepted)

        self._tasks.run(
            lambda: registration.register_case(store, actor, draft),  # type: ignore[arg-type]
            done, self._save_failed, owner=self,
        )  # fmt: skip

    def _save_failed(self, err: BaseException) -> None:
        self._set_saving(False)
        if isinstance(err, ValidationError):
            self.show_validation_error(err, self.form_data())
        elif isinstance(err, GovdeskError):
            QMessageBox.warning(self, self.tr("未能保存"), self.tr("事项没有保存，填写的内容都还在。\n\n%s") % err)
        else:
            show_error(err, self)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(self.tr("正在保存…") if saving else self._save_text)

    def _show_duplicates(self, hints: list[DuplicateHint]) -> None:
        self._acknowledged |= {h.number for h in hints}
        items = "".join(
            f"<li><a href='{h.number}'>{h.number}</a>　“{_html(h.title)}”（{status_label(h.status)}；{_html(h.reason)}）</li>"
            for h in hints
        )
        self.duplicate_text.setText(
            self.tr("<b>可能重复：</b>下列未办结事项与本次登记的当事人相同，请先核对。")
            + f"<ul style='margin:4px 0'>{items}</ul>"
            + self.tr("点击编号可查看该事项。确认不是同一件事，请点“仍然保存”。")
        )
        self.duplicate_box.show()
        self._save_text = self.tr("仍然保存")
        self.save_button.setText(self._save_text)

    def _open_existing(self, number: str) -> None:
        dialog = CaseDetailDialog(self._store, self._tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pane.show_number(number)
        dialog.show()

    # --- closing ------------------------------------------------------------------------------------
    def reject(self) -> None:
        if self._saving:
            return  # the worker is writing; closing now would hide whether it was saved
        if self.has_content():
            answer = QMessageBox.question(
                self, self.tr("放弃登记"), self.tr("已填写的内容还没有保存，确定放弃吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()  # QDialog.closeEvent and Esc come through here too


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
