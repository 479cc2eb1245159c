"""附件: the files kept with a case (scans of the signed paper, signature images, photos), with 添加扫描件… and 打开.

打开 writes the decrypted file into a private temporary folder (named by its hash, never by the user's file name)
and hands it to the system viewer; the folder is removed when the program exits.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.clock import china_time
from govdesk.domain.errors import StoreError
from govdesk.gui.labels import translate
from govdesk.gui.tasks import TaskManager, show_error
from govdesk.services.actor import Actor
from govdesk.services.attachments import (
    MIME_NAMES,
    PURPOSES,
    AttachmentAdded,
    attach_file,
    case_attachments,
    read_attachment,
)
from govdesk.store.attachments_repo import AttachmentRow
from govdesk.store.store import Store

EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}
ADDABLE = ("signed_agreement", "scan", "photo")  # signature images come from the signature pad
_open_dir: Path | None = None


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def open_dir() -> Path:
    """The private folder for opened attachments (created once, removed at exit)."""
    global _open_dir
    if _open_dir is None or not _open_dir.is_dir():
        _open_dir = Path(tempfile.mkdtemp(prefix="govdesk-attachments-"))
        atexit.register(remove_open_files)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(remove_open_files)
    return _open_dir


def remove_open_files() -> None:
    global _open_dir
    if _open_dir is not None:
        shutil.rmtree(_open_dir, ignore_errors=True)
        _open_dir = None


def write_for_viewer(row: AttachmentRow, data: bytes) -> Path:
    path = open_dir() / f"{row.sha256[:16]}{EXTENSIONS.get(row.mime, '')}"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    return path


class AttachmentsView(QWidget):
    """Call ``set_case(number)`` when the case shown changes (None clears the list)."""

    changed = Signal()  # an attachment was added (refresh the timeline if it shows them)
    opened = Signal(Path)  # the file handed to the system viewer (tests listen here)

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.tasks, self.actor = store, tasks, actor
        self.number = ""
        self.rows: list[AttachmentRow] = []
        self.open_with_system = True  # tests switch the system viewer off

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("名称"), self.tr("用途"), self.tr("大小"), self.tr("添加时间")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(self.tr("这个事项还没有附件。可以添加签字协议的扫描件或照片。"))
        self.empty_label.setStyleSheet("color:#5f6368;")
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        bar = QHBoxLayout()
        self.purpose_box = QComboBox()
        for key in ADDABLE:
            self.purpose_box.addItem(translate("Attachment", PURPOSES[key]), key)
        self.add_button = QPushButton(self.tr("添加扫描件…"))
        self.open_button = QPushButton(self.tr("打开"))
        bar.addWidget(QLabel(self.tr("用途")))
        bar.addWidget(self.purpose_box)
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        layout.addLayout(bar)

        self.add_button.clicked.connect(self.choose_and_add)
        self.open_button.clicked.connect(self.open_selected)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.set_case(None)

    def set_case(self, number: str | None) -> None:
        self.number = number or ""
        self._show([])
        if number:
            self.refresh()

    def refresh(self) -> None:
        if not self.number:
            return
        store, actor, number = self.store, self.actor, self.number

        def done(rows: list[AttachmentRow]) -> None:
            if number == self.number:
                self._show(rows)

        self.tasks.run(lambda: case_attachments(store, actor, number), done,
                       lambda err: show_error(err, self), owner=self)  # fmt: skip

    def _show(self, rows: list[AttachmentRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            name = QTableWidgetItem(r.original_name)
            name.setToolTip(f"{translate('Attachment', MIME_NAMES.get(r.mime, r.mime))}, SHA-256 {r.sha256}")
            purpose = translate("Attachment", PURPOSES.get(r.purpose, r.purpose))
            cells = [name, QTableWidgetItem(purpose), QTableWidgetItem(human_size(r.size)),
                     QTableWidgetItem(china_time(r.created_at).strftime("%Y-%m-%d %H:%M"))]  # fmt: skip
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, item in enumerate(cells):
                self.table.setItem(i, col, item)
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self.empty_label.setText(self.tr("这个事项还没有附件。可以添加签字协议的扫描件或照片。") if self.number else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.number))
        self.purpose_box.setEnabled(bool(self.number))
        self.open_button.setEnabled(self.selected() is not None)

    def selected(self) -> AttachmentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def choose_and_add(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("添加扫描件"), str(Path.home()),
                                                self.tr("扫描件或照片 (*.pdf *.png *.jpg *.jpeg);;所有文件 (*)"))  # fmt: skip
        if chosen:
            self.add_file(Path(chosen), str(self.purpose_box.currentData()))

    def add_file(self, path: Path, purpose: str) -> None:
        store, actor, number = self.store, self.actor, self.number

        def done(added: AttachmentAdded) -> None:
            self.changed.emit()
            self.refresh()

        self.tasks.run(lambda: attach_file(store, actor, number, path, purpose), done,
                       lambda err: show_error(err, self), owner=self)  # fmt: skip

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        store, actor = self.store, self.actor

        def done(data: bytes) -> None:
            try:
                path = write_for_viewer(row, data)
            except OSError as err:
                show_error(StoreError(self.tr("无法打开附件：%1。").replace("%1", str(err.strerror))), self)
                return
            self.opened.emit(path)
            if self.open_with_system:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        self.tasks.run(lambda: read_attachment(store, actor, row.sha256), done,
                       lambda err: show_error(err, self), owner=self)  # fmt: skip
