"""导入居民: choose an Excel/CSV file (the template's columns), see every row with what is wrong with it in plain
words, and import only after confirming. The file is read and checked on the worker; nothing is written until
the user presses 确认导入, and then all of it or (when the user chooses) only the valid rows, in one transaction
(``services.imports``). Closing the dialog before that changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.errors import GovdeskError
from govdesk.domain.identity import mask_id_number
from govdesk.paths import resource
from govdesk.services import imports
from govdesk.services.actor import Actor
from govdesk.store.store import Store

from .labels import tr
from .tasks import BusyDialog, Progress, TaskManager, show_error

_Index = QModelIndex | QPersistentModelIndex
_ERROR_BG = QColor("#fce8e6")
_ERROR_FG = QColor("#a50e0e")
_ID_COLUMN = imports.COLUMNS.index("身份证号")
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1
PROBLEM = "problem"  # what PROBLEM_ROLE holds for a row that cannot be imported (the "only problems" filter)




class PreviewModel(QAbstractTableModel):
    """The rows of the file: 行号, the template's columns (ID numbers masked), 检查结果."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[imports.PreviewRow] = []
        self.headers = [tr("行号"), *imports.COLUMNS, tr("检查结果")]

    def set_rows(self, rows: list[imports.PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def text(self, row: imports.PreviewRow, column: int) -> str:
        if column == 0:
            return str(row.row)
        if column == len(self.headers) - 1:
            return row.reason or tr("可导入")
        value = row.values[column - 1]
        return mask_id_number(value) if column - 1 == _ID_COLUMN and value else value

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(self.headers) - 1 and row.reason:
            return tr("第 %s 行：%s。请在表格中改正后重新选择文件。") % (row.row, row.reason)
        if role == Qt.ItemDataRole.BackgroundRole and row.reason:
            return _ERROR_BG
        if role == Qt.ItemDataRole.ForegroundRole and row.reason and index.column() == len(self.headers) - 1:
            return _ERROR_FG
        if role == PROBLEM_ROLE:
            return PROBLEM if row.reason else ""
        return None


class ImportResidentsDialog(QDialog):
    """Choose → preview (worker) → confirm → import (worker). ``imported(count)`` after a successful import."""

    imported = Signal(int)
    previewed = Signal()

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("导入居民"))
        self.store, self.tasks, self.actor = store, tasks, actor
        self.preview: imports.ImportPreview | None = None
        self.path: Path | None = None
        self.import_result: imports.ImportPreview | None = None
        self.busy_dialog: BusyDialog | None = None
        self.progress_hook: Progress | None = None

        intro = QLabel(tr("从 Excel（.xlsx）或 CSV 文件导入居民。表头须与模板一致：%s。"
                          "先检查每一行，确认后才写入；取消则不做任何改动。") % "、".join(imports.COLUMNS))  # fmt: skip
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(tr("尚未选择文件"))
        self.choose_button = QPushButton(tr("选择文件…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button = QPushButton(tr("保存模板…"))
        self.template_button.setToolTip(tr("把导入模板（Excel 和 CSV）保存到指定文件夹，照着填写"))
        self.template_button.clicked.connect(self.save_templates)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(tr("文件")))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.template_button)

        self.summary = QLabel(tr("请选择要导入的文件。"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.only_problems = QCheckBox(tr("只看有问题的行"))
        self.only_problems.setEnabled(False)
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.only_problems)

        self.model = PreviewModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(PROBLEM_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        # 行号, the template's columns, then 检查结果: the reasons are what the preview is for, so it stretches.
        for column, width in enumerate((46, 100, 140, 64, 110, 170, 96, 120)):
            header.resizeSection(column, width)
        header.setMinimumSectionSize(40)
        header.setStretchLastSection(True)
        self.only_problems.toggled.connect(self._show_only_problems)

        self.valid_only = QCheckBox(tr("只导入合格的行（不合格的行不导入，可改正后再导入）"))
        self.valid_only.setVisible(False)
        self.valid_only.toggled.connect(self._update_button)
        self.import_button = QPushButton(tr("确认导入"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.valid_only)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(1220, 640)

    # --- choosing and previewing ------------------------------------------------------------------------------
    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, tr("选择要导入的文件"), str(Path.home()),
                                              tr("Excel 或 CSV 文件 (*.xlsx *.csv)"))  # fmt: skip
        return path

    def choose_file(self) -> None:
        path = self.ask_open_path()
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Read and check ``path`` on the worker (nothing is written)."""
        self.path = path
        self.preview = None
        self.path_edit.setText(str(path))
        self.model.set_rows([])
        self.import_button.setEnabled(False)
        self.valid_only.setVisible(False)
        self.valid_only.setChecked(False)
        self.only_problems.setEnabled(False)
        self.summary.setText(tr("正在检查 %s ……") % path.name)
        store, actor = self.store, self.actor
        self._run(tr("正在检查文件"), tr("正在读取 %s ……") % path.name,
                  lambda report: imports.preview_for(store, actor, path, progress=report), self._previewed,
                  self._preview_failed)  # fmt: skip

    def _previewed(self, preview: imports.ImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        good, bad = len(preview.valid), len(preview.rejected)
        if not preview.rows:
            self.summary.setText(tr("文件中没有数据行（只有表头）。请填写后再导入。"))
        elif bad:
            self.summary.setText(tr("共 %s 行：<b>%s 行可导入</b>，<span style='color:#d93025'><b>%s 行有问题</b></span>"
                                    "（标红的行，原因见“检查结果”列）。请改正文件后重新选择，或勾选左下角“只导入合格的行”。")
                                 % (f"{good + bad:,}", f"{good:,}", f"{bad:,}"))  # fmt: skip
        else:
            self.summary.setText(tr("共 %s 行，全部可导入。") % f"{good:,}")
        self.only_problems.setEnabled(bool(bad))
        self.valid_only.setVisible(bool(bad) and bool(good))
        self._update_button()
        self.previewed.emit()

    def _preview_failed(self, err: BaseException) -> None:
        self.path = None
        if isinstance(err, GovdeskError):
            self.summary.setText(f"<span style='color:#d93025'>{_escape(str(err))}</span>")
            self.previewed.emit()
            return
        self.summary.setText(tr("未能读取文件。"))
        show_error(err, self)

    def _show_only_problems(self, on: bool) -> None:
        self.proxy.setFilterFixedString(PROBLEM if on else "")

    def _update_button(self, *_args: object) -> None:
        preview = self.preview
        if preview is None or not preview.valid:
            self.import_button.setEnabled(False)
            self.import_button.setText(tr("确认导入"))
            return
        good, bad = len(preview.valid), len(preview.rejected)
        allowed = not bad or self.valid_only.isChecked()
        self.import_button.setEnabled(allowed)
        self.import_button.setText(tr("确认导入 %s 位居民") % f"{good:,}")
        if bad and not allowed:
            self.import_button.setToolTip(tr("有不合格的行：请改正文件后重新选择，或勾选“只导入合格的行”。"))
        else:
            self.import_button.setToolTip("")

    # --- importing --------------------------------------------------------------------------------------------
    def start_import(self) -> None:
        preview, path = self.preview, self.path
        if preview is None or path is None or not self.import_button.isEnabled():
            return
        store, actor, valid_only, expect = self.store, self.actor, self.valid_only.isChecked(), len(preview.valid)
        self._run(tr("正在导入"), tr("正在导入 %s 位居民……") % f"{expect:,}",
                  lambda _report: imports.import_residents(store, actor, path, valid_only=valid_only, expect=expect),
                  self._imported, self._import_failed)  # fmt: skip

    def _imported(self, result: imports.ImportPreview) -> None:
        self.import_result = result
        self.imported.emit(len(result.valid))
        self.accept()

    def _import_failed(self, err: BaseException) -> None:
        if isinstance(err, GovdeskError):
            self.summary.setText(f"<span style='color:#d93025'>{_escape(str(err))}</span>")
            return
        show_error(err, self)

    # --- helpers ----------------------------------------------------------------------------------------------
    def _run(self, title: str, label: str, fn: Any, on_done: Any, on_error: Any) -> None:
        self.choose_button.setEnabled(False)
        self.import_button.setEnabled(False)
        dialog = BusyDialog(title, label, self)
        self.busy_dialog = dialog

        def report(done: int, total: int, message: str) -> None:
            if self.progress_hook is not None:
                self.progress_hook(done, total, message)
            if dialog.isVisible():
                dialog.report(done, total, message)

        def finish() -> None:
            dialog.finish()
            self.busy_dialog = None
            self.choose_button.setEnabled(True)

        def done(result: object) -> None:
            finish()
            on_done(result)

        def failed(err: BaseException) -> None:
            finish()
            self._update_button()
            on_error(err)

        self.tasks.run(fn, done, failed, progress=report, owner=self)
        dialog.show()

    def save_templates(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("保存模板到文件夹"), str(Path.home()))
        if not folder:
            return
        saved = []
        try:
            for source in sorted(resource("templates").glob("居民导入模板.*")):
                shutil.copy2(source, Path(folder) / source.name)
                saved.append(source.name)
        except OSError as err:
            self.summary.setText(tr("模板未能保存：%s。请换一个文件夹。") % err.strerror)
            return
        self.summary.setText(tr("已保存模板 %s 到 %s。") % ("、".join(saved), folder))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_import_dialog(store: Store, tasks: TaskManager, actor: Actor, parent: QWidget | None) -> ImportResidentsDialog:
    dialog = ImportResidentsDialog(store, tasks, actor, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
