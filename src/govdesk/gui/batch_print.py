"""批量打印: every written agreement made in one month, as PDF files in a folder (services.documents.batch_agreements
on the serial worker, with a cancelable progress dialog)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.clock import china_today
from govdesk.domain.errors import GovdeskError
from govdesk.gui.labels import translate
from govdesk.gui.tasks import Progress, TaskManager, show_error
from govdesk.services.actor import Actor
from govdesk.services.documents import BatchResult, batch_agreements
from govdesk.store.store import Store


class BatchCancelled(GovdeskError):
    """Raised from the progress callback on the worker when the user pressed 取消."""


def default_folder(month: str) -> Path:
    return Path.home() / "govdesk文书" / f"调解协议书-{month}"


class BatchPrintDialog(QDialog):
    def __init__(
        self, store: Store, tasks: TaskManager, actor: Actor, parent: QWidget | None = None, *,
        default_dir: Path | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("批量打印调解协议书"))
        self.store, self.tasks, self.actor = store, tasks, actor
        self.batch_result: BatchResult | None = None
        self.cancelled = False
        self.progress_hook: Progress | None = None  # tests watch the reports here
        self._cancel = threading.Event()
        self._progress: QProgressDialog | None = None
        self._dir_chosen = default_dir is not None

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("生成所选月份内达成的全部书面调解协议书（每份协议按份数含全部原件），保存为 PDF 文件，再用 PDF 阅读器或本程序的打印预览打印。已出具过的协议保留原编号，标注“副本”。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat(self.tr("yyyy年MM月"))
        today = china_today()
        self.month_edit.setDate(QDate(today.year, today.month, 1))
        self.month_edit.setMaximumDate(QDate(today.year + 1, 12, 31))
        form.addRow(self.tr("协议达成月份"), self.month_edit)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(str(default_dir or default_folder(self.month)))
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self._choose_folder)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        form.addRow(self.tr("保存到文件夹"), folder_row)
        layout.addLayout(form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = QPushButton(self.tr("开始生成"))
        self.start_button.setDefault(True)
        self.open_button = QPushButton(self.tr("打开文件夹"))
        self.open_button.setVisible(False)
        self.close_button = QPushButton(self.tr("关闭"))
        for b in (self.start_button, self.open_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self._open_folder)
        self.close_button.clicked.connect(self.reject)
        self.month_edit.dateChanged.connect(self._month_changed)
        self.resize(560, 260)

    @property
    def month(self) -> str:
        d = self.month_edit.date()
        return f"{d.year():04d}-{d.month():02d}"

    @property
    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def set_month(self, month: str) -> None:
        year, mon = (int(x) for x in month.split("-"))
        self.month_edit.setDate(QDate(year, mon, 1))

    def _month_changed(self) -> None:
        if not self._dir_chosen:
            self.folder_edit.setText(str(default_folder(self.month)))

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("保存到文件夹"), str(self.folder.parent))
        if chosen:
            self._dir_chosen = True
            self.folder_edit.setText(chosen)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def start(self) -> None:
        if not self.folder_edit.text().strip():
            self.summary.setText(self.tr("请先选择保存的文件夹。"))
            return
        store, actor, month, folder, cancel = self.store, self.actor, self.month, self.folder, self._cancel
        cancel.clear()
        self.batch_result, self.cancelled = None, False
        self.start_button.setEnabled(False)
        self.summary.setText("")
        progress = QProgressDialog(self.tr("正在生成 %1 的调解协议书……").replace("%1", month), self.tr("取消"), 0, 0, self)
        progress.setWindowTitle(self.tr("批量打印"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(420)
        progress.canceled.connect(cancel.set)
        self._progress = progress

        def work(report: Progress) -> BatchResult:
            def checked(done: int, total: int, message: str) -> None:
                if cancel.is_set():
                    raise BatchCancelled("已取消批量打印。")
                report(done, total, message)

            return batch_agreements(store, actor, month, checked, out_dir=folder)

        self.tasks.run(work, self._done, self._failed, progress=self._report, owner=self)
        progress.show()

    def _report(self, done: int, total: int, message: str) -> None:
        if self.progress_hook is not None:
            self.progress_hook(done, total, message)
        progress = self._progress
        if progress is None or self._cancel.is_set() or not progress.isVisible():
            return
        # setLabelText/setValue of a modal progress dialog process events: the job may finish meanwhile.
        if message:
            progress.setLabelText(message)
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))

    def _finish_progress(self) -> None:
        progress, self._progress = self._progress, None
        if progress is not None:
            progress.canceled.disconnect()
            progress.hide()
            progress.deleteLater()
        self.start_button.setEnabled(True)

    def _done(self, result: BatchResult) -> None:
        self._finish_progress()
        self.batch_result = result
        self.summary.setText(describe(result, self.month, self.folder))
        self.open_button.setVisible(bool(result.files))

    def _failed(self, err: BaseException) -> None:
        self._finish_progress()
        if isinstance(err, BatchCancelled):
            self.cancelled = True
            made = sorted(self.folder.glob("*.pdf")) if self.folder.is_dir() else []
            self.summary.setText(
                self.tr("已取消。取消前已完成的 %1 份保存在 %2（已出具的保留编号）。")
                .replace("%1", str(len(made))).replace("%2", str(self.folder))
            )  # fmt: skip
            self.open_button.setVisible(bool(made))
            return
        show_error(err, self)


def describe(result: BatchResult, month: str, folder: Path) -> str:
    made = result.issued + result.reprinted
    if not made and not result.skipped:
        return translate("BatchPrintDialog", "%1 没有达成书面调解协议的纠纷，没有生成文件。").replace("%1", month)
    lines = [
        translate("BatchPrintDialog", "已生成 %1 份调解协议书（新出具 %2 份，重印副本 %3 份），保存在 %4。")
        .replace("%1", str(made)).replace("%2", str(result.issued)).replace("%3", str(result.reprinted))
        .replace("%4", str(folder))
    ]  # fmt: skip
    if result.skipped:
        lines.append(translate("BatchPrintDialog", "跳过 %1 件：").replace("%1", str(len(result.skipped)))
                     + "；".join(f"{n}（{why}）" for n, why in result.skipped[:5])
                     + ("……" if len(result.skipped) > 5 else ""))  # fmt: skip
    if result.warnings:
        lines.append(translate("BatchPrintDialog", "注意：") + "；".join(result.warnings[:3])
                     + ("……" if len(result.warnings) > 3 else ""))  # fmt: skip
    return "\n".join(lines)


def open_batch_print(store: Store, tasks: TaskManager, actor: Actor, parent: QWidget | None) -> BatchPrintDialog:
    dialog = BatchPrintDialog(store, tasks, actor, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog

