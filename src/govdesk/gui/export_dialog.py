"""导出事项列表: the cases the list shows (its filter and order) to Excel or CSV, written on the worker with a
progress dialog that can be cancelled.

Large exports (more than ``exports.BULK_LIMIT`` cases) and exports with the parties' full ID numbers need a
second person: ``ApprovalDialog`` lets another account with the export permission confirm with their own user
name and password (checked by ``services.exports.verify_approver``, audited). ID numbers are masked unless the
full numbers are asked for.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.codes import Kind, Risk, Status
from govdesk.domain.errors import GovdeskError
from govdesk.security.policy import Perm, Role, allowed
from govdesk.services import exports
from govdesk.services.actor import Actor
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store

from .labels import tr
from .tasks import Progress, TaskManager, show_error

_ERROR_STYLE = "color:#d93025;"
_NOTE_STYLE = "color:#b06000;background:#fef7e0;border:1px solid #f9d887;border-radius:4px;padding:6px;"




def describe_filter(flt: CaseFilter) -> str:
    """The list's filter in words, for the dialog and the user's own record of what was exported."""
    if flt.local_nos:
        return tr("统计图表所列的事项")
    parts = []
    if flt.search:
        parts.append(tr("搜索“%s”") % flt.search)
    if flt.kinds:
        parts.append(tr("类型：") + "、".join(Kind(k).label for k in flt.kinds))
    if flt.statuses:
        parts.append(tr("状态：") + "、".join(Status(s).label for s in flt.statuses))
    elif flt.open_only:
        parts.append(tr("未办结"))
    if flt.categories:
        parts.append(tr("类别：") + "、".join(flt.categories))
    if flt.risks:
        parts.append(tr("风险：") + "、".join(Risk(r).label for r in flt.risks))
    if flt.village_id:
        parts.append(tr("所选村（社区）"))
    if flt.date_from or flt.date_to:
        parts.append(tr("登记日期 %s 至 %s") % (flt.date_from or "…", flt.date_to or "…"))
    if flt.due:
        parts.append(tr("已超期") if flt.due == "overdue" else tr("即将到期"))
    return "，".join(parts) if parts else tr("全部事项")


class ApprovalDialog(QDialog):
    """第二人审批. ``approver`` holds the confirmed account after ``accepted``."""

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, count: int, id_numbers: str,
                 reasons: list[str], parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(tr("导出审批"))
        self.store, self.tasks, self.actor = store, tasks, actor
        self.count, self.id_numbers = count, id_numbers
        self.approver: Actor | None = None
        self.busy = False
        intro = QLabel(
            tr("本次导出需要第二人审批：%s。\n请另一位有导出权限的人员（如中心主任）在下面输入自己的用户名和密码。"
               "审批人和导出人都会记入审计日志。") % "；".join(reasons)
        )  # fmt: skip
        intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setPlaceholderText(tr("审批人的用户名，例如 zhuren"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("审批人的密码"))
        form = QFormLayout()
        form.addRow(tr("审批人用户名"), self.username)
        form.addRow(tr("审批人密码"), self.password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.approve_button = self.buttons.addButton(tr("审批并导出"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.approve_button.setDefault(True)
        self.buttons.accepted.connect(self.verify)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def verify(self) -> None:
        if self.busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._show_error(tr("请审批人输入自己的用户名和密码。"))
            return
        self.busy = True
        self.approve_button.setEnabled(False)
        self.error.hide()
        store, actor, count, mode = self.store, self.actor, self.count, self.id_numbers
        self.tasks.run(lambda: exports.verify_approver(store, actor, username, password, count=count, id_numbers=mode),
                       self._verified, self._refused, owner=self)  # fmt: skip

    def _verified(self, approver: Actor) -> None:
        self.busy = False
        self.approver = approver
        self.accept()

    def _refused(self, err: BaseException) -> None:
        self.busy = False
        self.approve_button.setEnabled(True)
        self.password.clear()
        if isinstance(err, GovdeskError):
            self._show_error(str(err))
            self.password.setFocus()
        else:
            show_error(err, self)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.adjustSize()  # grow to fit the message instead of squeezing the explanation

    def reject(self) -> None:
        if not self.busy:  # a check under way finishes first (it may count towards the lockout)
            super().reject()


class ExportCasesDialog(QDialog):
    """Options, file, approval when needed, then the export with progress. ``exported(path, count)``."""

    exported = Signal(str, int)

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, flt: CaseFilter, *, sort: str = "created_at",
                 descending: bool = True, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(tr("导出事项列表"))
        self.store, self.tasks, self.actor = store, tasks, actor
        self.flt, self.sort, self.descending = flt, sort, descending
        self.count: int | None = None
        self.approval_dialog: ApprovalDialog | None = None
        self.approver: Actor | None = None
        self.result_path: Path | None = None
        self.cancelled = False
        self.running = False
        self.progress_hook: Progress | None = None  # tests watch the reports here
        self._cancel = threading.Event()
        self._progress: QProgressDialog | None = None

        self.what = QLabel(tr("导出内容：%s（正在统计件数……）") % describe_filter(flt))
        self.what.setWordWrap(True)
        self.xlsx = QRadioButton(tr("Excel 工作簿（.xlsx）"))
        self.csv = QRadioButton(tr("CSV 文本（.csv，UTF-8，Excel 可直接打开）"))
        self.xlsx.setChecked(True)
        self.formats = QButtonGroup(self)
        for button in (self.xlsx, self.csv):
            self.formats.addButton(button)
        formats = QVBoxLayout()
        formats.addWidget(self.xlsx)
        formats.addWidget(self.csv)
        self.with_ids = QCheckBox(tr("附当事人身份证号（默认隐去中间位，如 3304**********0013）"))
        self.full_ids = QCheckBox(tr("显示完整身份证号（需第二人审批）"))
        self.full_ids.setEnabled(False)
        may_ids = allowed(Role(actor.role), Perm.CASE_RECORDS)
        self.with_ids.setEnabled(may_ids)
        if not may_ids:
            self.with_ids.setToolTip(tr("当前账号不能查看当事人信息，不能导出身份证号。"))
        ids = QVBoxLayout()
        ids.addWidget(self.with_ids)
        ids.addWidget(self.full_ids)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(tr("点“选择…”指定保存位置"))
        choose = QPushButton(tr("选择…"))
        choose.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(tr("文件格式"), formats)
        form.addRow(tr("身份证号"), ids)
        form.addRow(tr("保存到"), path_row)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(_NOTE_STYLE)
        self.note.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(tr("导出"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.setDefault(True)
        self.export_button.setEnabled(False)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)

        self.xlsx.toggled.connect(self._format_changed)
        self.with_ids.toggled.connect(self._ids_changed)
        self.full_ids.toggled.connect(self._update_note)
        store_, actor_, flt_ = store, actor, flt
        self.tasks.run(lambda: exports.export_plan(store_, actor_, flt_), self._planned, self._plan_failed, owner=self)

    # --- options ------------------------------------------------------------------------------------------------
    @property
    def fmt(self) -> str:
        return "xlsx" if self.xlsx.isChecked() else "csv"

    @property
    def id_numbers(self) -> str:
        if not self.with_ids.isChecked():
            return exports.ID_NONE
        return exports.ID_FULL if self.full_ids.isChecked() else exports.ID_MASKED

    def reasons(self) -> list[str]:
        return exports.approval_reasons(self.count or 0, self.id_numbers)

    def _planned(self, plan: exports.ExportPlan) -> None:
        self.count = plan.count
        self.what.setText(tr("导出内容：%s，共 %s 件，列与事项列表相同，按列表当前的排序。") % (describe_filter(self.flt),
                                                                                 f"{plan.count:,}"))  # fmt: skip
        self.export_button.setEnabled(plan.count > 0)
        if plan.count == 0:
            self.summary.setText(tr("当前列表没有事项，没有可导出的内容。请先调整筛选条件。"))
        self._update_note()

    def _plan_failed(self, err: BaseException) -> None:
        self.what.setText(tr("未能统计件数。"))
        show_error(err, self)
        self.reject()

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(f".{self.fmt}")))

    def _ids_changed(self, on: bool) -> None:
        self.full_ids.setEnabled(on)
        if not on:
            self.full_ids.setChecked(False)
        self._update_note()

    def _update_note(self, *_args: object) -> None:
        reasons = self.reasons() if self.count is not None else []
        self.note.setVisible(bool(reasons))
        self.note.setText(tr("需要第二人审批：%s。点“导出”后请审批人输入用户名和密码。") % "；".join(reasons))
        self.adjustSize()

    def suggested_path(self) -> str:
        return str(Path.home() / f"事项列表.{self.fmt}")

    def ask_save_path(self, suggested: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, tr("导出事项列表"), suggested, pattern)
        return path

    def choose_path(self) -> bool:
        pattern = tr("Excel 工作簿 (*.xlsx)") if self.fmt == "xlsx" else tr("CSV 文件 (*.csv)")
        path = self.ask_save_path(self.path_edit.text().strip() or self.suggested_path(), pattern)
        if not path:
            return False
        if Path(path).suffix.lower() != f".{self.fmt}":
            path = f"{path}.{self.fmt}"
        self.path_edit.setText(path)
        return True

    # --- exporting ----------------------------------------------------------------------------------------------
    def start(self) -> None:
        if self.running or self.count is None:
            return
        if not self.path_edit.text().strip() and not self.choose_path():
            return  # no file chosen: nothing happens
        reasons = self.reasons()
        if reasons:
            dialog = ApprovalDialog(self.store, self.tasks, self.actor, self.count, self.id_numbers, reasons, self)
            dialog.accepted.connect(self._approved)
            self.approval_dialog = dialog
            dialog.open()
            return
        self._run(None)

    def _approved(self) -> None:
        if self.approval_dialog is not None and self.approval_dialog.approver is not None:
            self._run(self.approval_dialog.approver)

    def _run(self, approver: Actor | None) -> None:
        self.approver = approver
        self.running = True
        self.cancelled = False
        self._cancel.clear()
        self.export_button.setEnabled(False)
        self.summary.setText("")
        self.summary.setStyleSheet("")
        path = Path(self.path_edit.text().strip()).expanduser()
        store, actor, flt, fmt, mode = self.store, self.actor, self.flt, self.fmt, self.id_numbers
        sort, descending, cancel, count = self.sort, self.descending, self._cancel, self.count or 0
        progress = QProgressDialog(tr("正在导出……"), tr("取消"), 0, 0, self)
        progress.setWindowTitle(tr("导出事项列表"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(420)
        progress.canceled.connect(cancel.set)
        self._progress = progress

        def work(report: Progress) -> int:
            def checked(done: int, total: int, message: str) -> None:
                if cancel.is_set():
                    raise exports.ExportCancelled(tr("已取消导出，没有生成文件。"))
                report(done, total, message)

            exports.export_cases(store, actor, flt, fmt, approver=approver, id_numbers=mode, sort=sort,
                                 descending=descending, progress=checked, out=path)  # fmt: skip
            return count

        self.tasks.run(work, lambda n: self._done(path, n), self._failed, progress=self._report, owner=self)
        progress.show()

    def _report(self, done: int, total: int, message: str) -> None:
        if self.progress_hook is not None:
            self.progress_hook(done, total, message)
        progress = self._progress
        if progress is None or self._cancel.is_set() or not progress.isVisible():
            return
        if message:
            progress.setLabelText(message)
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))

    def _finish_progress(self) -> None:
        self.running = False
        progress, self._progress = self._progress, None
        if progress is not None:
            progress.canceled.disconnect()
            progress.hide()
            progress.deleteLater()
        self.export_button.setEnabled(True)

    def _done(self, path: Path, count: int) -> None:
        self._finish_progress()
        self.result_path = path
        self.exported.emit(str(path), count)
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self._finish_progress()
        if isinstance(err, exports.ExportCancelled):
            self.cancelled = True
            self.summary.setText(str(err))
            return
        if isinstance(err, GovdeskError):
            self.summary.setText(str(err))
            self.summary.setStyleSheet(_ERROR_STYLE)
            return
        show_error(err, self)

    def reject(self) -> None:
        if self.running:
            self._cancel.set()  # stop the export; the dialog closes when the worker has stopped
            return
        super().reject()


def open_export_dialog(store: Store, tasks: TaskManager, actor: Actor, flt: CaseFilter, sort: str, descending: bool,
                       parent: QWidget | None) -> ExportCasesDialog:  # fmt: skip
    dialog = ExportCasesDialog(store, tasks, actor, flt, sort=sort, descending=descending, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
