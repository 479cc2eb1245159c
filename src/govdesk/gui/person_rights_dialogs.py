"""Dialogs for one person's personal information: 显示完整号码 (with a reason), 导出个人信息 (at the person's
request) and 匿名化 (where the law allows). Every one of them is checked and audited by the service; a refusal
is shown next to the field or in the dialog, never silently."""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.clock import china_today
from govdesk.domain.errors import GovdeskError, ValidationError
from govdesk.services import person_rights
from govdesk.services.actor import Actor
from govdesk.services.person_rights import Anonymised, PersonExport, Revealed
from govdesk.store.records import PersonRow
from govdesk.store.store import Store

from .tasks import TaskManager, show_error

_ERROR_STYLE = "color:#d93025;"
_NOTE_STYLE = "color:#5f6368;"
_WARN_STYLE = "background:#fef7e0; color:#3c4043; border:1px solid #f9ab00; border-radius:4px; padding:8px 10px;"
_BAD_STYLE = "background:#fce8e6; color:#a50e0e; border-radius:4px; padding:8px 10px;"
_OK_STYLE = "background:#e6f4ea; color:#137333; border-radius:4px; padding:8px 10px;"


class _ReasonDialog(QDialog):
    """A dialog whose action needs a reason; the service's refusal of the reason shows under the field."""

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, person: PersonRow,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._actor = actor
        self.person = person
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(person_rights.MAX_REASON)
        self.reason_edit.setMinimumWidth(420)
        self.reason_error = QLabel()
        self.reason_error.setStyleSheet(_ERROR_STYLE)
        self.reason_error.setWordWrap(True)
        self.reason_error.hide()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.action_button = QPushButton()
        self.action_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.cancel_button)
        self.buttons.addWidget(self.action_button)
        self.reason_edit.textChanged.connect(lambda _t: self.reason_error.hide())

    def _show_banner(self, text: str, style: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(style)
        self.banner.show()
        self.adjustSize()  # grow to fit the message instead of squeezing the fields

    def _person_line(self) -> QLabel:
        label = QLabel(f"<b>{_html(self.person.name)}</b>　{_html(self.person.village)}")
        return label

    def _refused(self, err: BaseException) -> None:
        self.action_button.setEnabled(True)
        if isinstance(err, ValidationError) and err.field == "reason":
            self.reason_error.setText(str(err))
            self.reason_error.show()
            self.reason_edit.setFocus()
        elif isinstance(err, GovdeskError):
            self._show_banner(str(err), _BAD_STYLE)
        else:
            show_error(err, self)


class RevealDialog(_ReasonDialog):
    """显示完整号码: one field of one person, for this look only."""

    revealed = Signal(object)  # Revealed

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, person: PersonRow, field: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(store, tasks, actor, person, parent)
        self.field = field
        label = person_rights.FIELD_LABELS[field]
        masked = person.id_number_masked if field == "id_number" else person.phone_masked
        self.setWindowTitle(self.tr("显示完整号码"))
        self.setWindowIcon(qta.icon("mdi6.eye-outline", color="#1a73e8"))
        self.masked_label = QLabel(masked or self.tr("（未登记）"))
        self.value_edit = QLineEdit()
        self.value_edit.setReadOnly(True)
        mono = QFont(self.value_edit.font())
        mono.setPointSizeF(mono.pointSizeF() * 1.25)
        mono.setBold(True)
        self.value_edit.setFont(mono)
        self.value_edit.hide()
        self.reason_edit.setPlaceholderText(self.tr("例如：核实当事人身份、电话通知当事人到场"))
        form = QFormLayout()
        form.addRow(self.tr("人员："), self._person_line())
        form.addRow(self.tr("%s：").replace("%s", label), self.masked_label)
        form.addRow(self.tr("查看理由（必填）："), self.reason_edit)
        form.addRow("", self.reason_error)
        form.addRow(self.tr("完整号码："), self.value_edit)
        self.value_row_label = form.labelForField(self.value_edit)
        if self.value_row_label is not None:
            self.value_row_label.hide()
        note = QLabel(self.tr("只显示这一个号码；查看的人、时间和理由会记入审计记录。关闭窗口后号码重新隐藏。"))
        note.setWordWrap(True)
        note.setStyleSheet(_NOTE_STYLE)
        self.action_button.setText(self.tr("显示"))
        self.action_button.setIcon(qta.icon("mdi6.eye-outline", color="#1a73e8"))
        self.action_button.clicked.connect(self.reveal)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.banner)
        layout.addLayout(self.buttons)

    def reveal(self) -> None:
        store, actor, person_id, field = self._store, self._actor, self.person.id, self.field
        reason = self.reason_edit.text()
        self.action_button.setEnabled(False)
        self._tasks.run(
            lambda: person_rights.reveal_person_field(store, actor, person_id, field, reason),
            self._shown, self._refused, owner=self,
        )  # fmt: skip

    def _shown(self, result: Revealed) -> None:
        self.value_edit.setText(result.value)
        self.value_edit.show()
        if self.value_row_label is not None:
            self.value_row_label.show()
        self.reason_edit.setReadOnly(True)
        self.action_button.hide()
        self.cancel_button.setText(self.tr("关闭"))
        self.value_edit.setFocus()
        self.value_edit.selectAll()
        self.revealed.emit(result)


class PersonExportDialog(_ReasonDialog):
    """导出个人信息: everything held about the person, as a file for them (PIPL Art. 45)."""

    exported = Signal(object)  # Path

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, person: PersonRow,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(store, tasks, actor, person, parent)
        self.setWindowTitle(self.tr("导出个人信息"))
        self.setWindowIcon(qta.icon("mdi6.file-account-outline", color="#1a73e8"))
        about = QLabel(self.tr(
            "应本人请求，导出本中心保存的关于此人的全部信息：个人信息（含完整证件号码和电话）、作为当事人的全部事项、"
            "办理经过、调解协议、出具的文书，以及此人信息被查看和导出的记录。其他当事人只列出姓名和身份。"
            "文件为 JSON 格式（UTF-8），可用记事本打开。"
        ))  # fmt: skip
        about.setWordWrap(True)
        self.reason_edit.setPlaceholderText(self.tr("例如：本人于11月20日书面申请查阅复制"))
        form = QFormLayout()
        form.addRow(self.tr("人员："), self._person_line())
        form.addRow(self.tr("申请情况（必填）："), self.reason_edit)
        form.addRow("", self.reason_error)
        note = QLabel(
            self.tr(
                "文件含有完整的身份证号和电话，请只交给本人（核实身份后），不要留存在公用电脑上。导出会记入审计记录。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(_NOTE_STYLE)
        self.action_button.setText(self.tr("导出…"))
        self.action_button.setIcon(qta.icon("mdi6.export", color="#1a73e8"))
        self.action_button.clicked.connect(self.export)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.banner)
        layout.addLayout(self.buttons)
        self.setMinimumWidth(680)

    def choose_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存个人信息"), str(Path.home() / suggested),
                                              self.tr("JSON 文件 (*.json)"))  # fmt: skip
        return path

    def export(self) -> None:
        if len(" ".join(self.reason_edit.text().split())) < person_rights.MIN_REASON:
            # Ask for the reason before the file dialog; the service checks it again.
            self._refused(ValidationError(self.tr("请写明申请情况（例如：本人书面申请），至少2个字。"), "reason"))
            return
        path = self.choose_path(self.tr("个人信息") + f"-{self.person.name}-{china_today():%Y%m%d}.json")
        if not path:
            return
        target = Path(path if path.lower().endswith(".json") else path + ".json")
        store, actor, person_id, reason = self._store, self._actor, self.person.id, self.reason_edit.text()
        self.action_button.setEnabled(False)

        def done(result: PersonExport) -> None:
            try:
                target.write_bytes(result.data)
            except OSError as err:
                self._refused(GovdeskError(
                    self.tr("文件没有保存：%1（%2）。请换一个文件夹再导出。")
                    .replace("%1", str(target)).replace("%2", err.strerror or str(err))
                ))  # fmt: skip
                return
            self._show_banner(
                self.tr("已导出到 %1（%2 件事项）。").replace("%1", str(target)).replace("%2", str(result.cases)),
                _OK_STYLE,
            )
            self.action_button.hide()
            self.cancel_button.setText(self.tr("关闭"))
            self.exported.emit(target)

        self._tasks.run(
            lambda: person_rights.export_person_data(store, actor, person_id, reason), done, self._refused, owner=self
        )


class AnonymiseDialog(_ReasonDialog):
    """匿名化: replace what identifies the person, keep their cases. Refused while a case of theirs is open."""

    anonymised = Signal(object)  # Anonymised

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, person: PersonRow,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(store, tasks, actor, person, parent)
        self.setWindowTitle(self.tr("个人信息匿名化"))
        self.setWindowIcon(qta.icon("mdi6.account-cancel-outline", color="#d93025"))
        about = QLabel(self.tr(
            "在法律允许删除时（如本人申请且事项均已办结），把此人的姓名、身份证号、联系电话、出生日期和住址替换为占位内容。"
            "此人参与的事项照常保留，统计数字不变。\n"
            "请注意：事项标题、事实经过等文字中写到的姓名不会自动改动；已签署的协议、笔录、签名和审计记录按档案管理规定保留；"
            "备份中的旧数据会随备份轮换（最长约一年）消除。匿名化不能撤销。"
        ))  # fmt: skip
        about.setWordWrap(True)
        about.setStyleSheet(_WARN_STYLE)
        self.reason_edit.setPlaceholderText(self.tr("例如：本人书面申请删除个人信息，事项均已办结"))
        self.confirm_box = QCheckBox(self.tr("我已核实申请人身份和申请材料，确认匿名化（不能撤销）"))
        self.confirm_box.toggled.connect(self._update_button)
        form = QFormLayout()
        form.addRow(self.tr("人员："), self._person_line())
        form.addRow(self.tr("理由（必填）："), self.reason_edit)
        form.addRow("", self.reason_error)
        self.action_button.setText(self.tr("匿名化"))
        self.action_button.setIcon(qta.icon("mdi6.account-cancel-outline", color="#d93025"))
        self.action_button.setDefault(False)
        self.action_button.clicked.connect(self.anonymise)
        self.open_cases: list[tuple[str, str]] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.banner)
        layout.addLayout(self.buttons)
        self.setMinimumWidth(700)
        self._update_button()
        store, person_id = self._store, self.person.id
        self._tasks.run(
            lambda: person_rights.open_cases_of(store, person_id), self._show_open, self._refused, owner=self
        )

    def _show_open(self, cases: list[tuple[str, str]]) -> None:
        self.open_cases = cases
        if cases:
            shown = "、".join(f"{number}（{status}）" for number, status in cases[:5]) + (
                self.tr("等") if len(cases) > 5 else ""
            )
            self._show_banner(
                self.tr("现在不能匿名化：此人还是 %1 件未办结事项的当事人：%2。办理中还需要核实身份、联系当事人，"
                        "请在这些事项办结或归档后再处理。")
                .replace("%1", str(len(cases))).replace("%2", shown),
                _BAD_STYLE,
            )  # fmt: skip
            self.confirm_box.setEnabled(False)
        self._update_button()

    def _update_button(self) -> None:
        self.action_button.setEnabled(self.open_cases == [] and self.confirm_box.isChecked())

    def anonymise(self) -> None:
        store, actor, person_id, reason = self._store, self._actor, self.person.id, self.reason_edit.text()
        self.action_button.setEnabled(False)

        def done(result: Anonymised) -> None:
            self.anonymised.emit(result)
            self.accept()

        self._tasks.run(
            lambda: person_rights.anonymise_person(store, actor, person_id, reason), done, self._refused, owner=self
        )


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
