"""打印预览: a PDF's pages, printed crisply (each page rendered at the printer's resolution), saved as a file.

``DocumentMenu`` offers the document kinds that make sense for a case and opens the preview of the one
chosen, issued on the serial worker by ``services.documents.issue_document``.

Pages come from QtPdf (QPdfDocument/QPdfView). Some PySide6 builds ship without QtPdf (the 6.12.0 wheels);
there poppler's ``pdfinfo``/``pdftoppm`` render the pages instead, shown in a plain scrolling page list.
Either way the PDF sits in a private temporary folder that is removed when the dialog closes.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from govdesk.documents.catalog import BY_CLI, DocKind, doc_name, supplement_no
from govdesk.domain.codes import Kind, Status
from govdesk.domain.errors import ValidationError
from govdesk.gui.labels import translate
from govdesk.gui.preferences import preferences
from govdesk.gui.tasks import TaskManager, show_error
from govdesk.services.actor import Actor
from govdesk.services.documents import IssuedPdf, issue_document
from govdesk.store.store import Store

MIN_PRINT_DPI = 300
MAX_PRINT_DPI = 600  # a 600 dpi A4 page is already ~140 MB as an image: more buys nothing on office printers
ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
WARNING_STYLE = "background:#fff4c2; color:#5c4400; border:1px solid #e6c44d; border-radius:4px; padding:6px 10px;"
HAVE_QTPDF = importlib.util.find_spec("PySide6.QtPdf") is not None and importlib.util.find_spec(
    "PySide6.QtPdfWidgets"
) is not None
HAVE_POPPLER = shutil.which("pdftoppm") is not None and shutil.which("pdfinfo") is not None


class PdfPages(Protocol):
    """What the preview and the printing need of a PDF."""

    @property
    def page_count(self) -> int: ...
    def point_size(self, page: int) -> QSizeF: ...
    def render(self, page: int, pixels: QSize) -> QImage: ...
    def close(self) -> None: ...


class QtPdfPages:
    def __init__(self, path: Path) -> None:
        from PySide6.QtPdf import QPdfDocument

        self.document: Any = QPdfDocument()
        self.document.load(str(path))
        if self.document.status() != QPdfDocument.Status.Ready:
            raise ValidationError(translate("PrintPreviewDialog", "这个 PDF 文件无法打开（已损坏？）。"))

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    def point_size(self, page: int) -> QSizeF:
        return QSizeF(self.document.pagePointSize(page))

    def render(self, page: int, pixels: QSize) -> QImage:
        return QImage(self.document.render(page, pixels))

    def close(self) -> None:
        self.document.close()


class PopplerPages:
    """Pages rendered by poppler-utils (pdfinfo, pdftoppm) when QtPdf is missing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        info = self._run(["pdfinfo", "-f", "1", "-l", "100000", str(path)]).decode("utf-8", "replace")
        self.sizes = [QSizeF(float(w), float(h)) for w, h in
                      re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)]  # fmt: skip
        if not self.sizes:
            raise ValidationError(translate("PrintPreviewDialog", "这个 PDF 文件无法打开（已损坏？）。"))

    @staticmethod
    def _run(args: list[str]) -> bytes:
        try:
            done = subprocess.run(args, capture_output=True, timeout=120, check=True)
        except (OSError, subprocess.SubprocessError) as err:
            raise ValidationError(
                translate("PrintPreviewDialog", "无法显示 PDF（%1 出错：%2）。请安装 poppler-utils。").replace("%1", args[0]).replace("%2", str(err))
            ) from None
        return done.stdout

    @property
    def page_count(self) -> int:
        return len(self.sizes)

    def point_size(self, page: int) -> QSizeF:
        return self.sizes[page]

    def render(self, page: int, pixels: QSize) -> QImage:
        n = str(page + 1)
        png = self._run(["pdftoppm", "-f", n, "-l", n, "-png", "-singlefile", "-scale-to-x", str(pixels.width()),
                         "-scale-to-y", str(pixels.height()), str(self.path)])  # fmt: skip
        return QImage.fromData(png, "PNG")  # type: ignore[arg-type]  # the stubs say bytes, PySide6 wants str

    def close(self) -> None:
        pass


def open_pages(path: Path) -> PdfPages:
    if HAVE_QTPDF:
        return QtPdfPages(path)
    if HAVE_POPPLER:
        return PopplerPages(path)
    raise ValidationError(translate("PrintPreviewDialog", "这台电脑缺少显示 PDF 的组件（QtPdf 或 poppler）。请用“另存为 PDF”后用其他阅读器打开。"))


def print_dpi(printer: QPrinter) -> int:
    return max(MIN_PRINT_DPI, min(int(printer.resolution()), MAX_PRINT_DPI))


def paper_size(paper: str) -> QPageSize | None:
    """The sheet of the printing setting (settings.PAPER_SIZES); None: the PDF's own page size."""
    sizes = {
        "A4": QPageSize(QPageSize.PageSizeId.A4), "B5": QPageSize(QPageSize.PageSizeId.B5),
        "Letter": QPageSize(QPageSize.PageSizeId.Letter),
        "16K": QPageSize(QSizeF(184, 260), QPageSize.Unit.Millimeter, "16K"),
    }  # fmt: skip
    return sizes.get(paper)


def render_to_printer(
    document: PdfPages, printer: QPrinter, pages: Iterable[int] | None = None, paper: QPageSize | None = None
) -> int:
    """Print the pages as images at the printer's resolution (≥ 300 dpi), each scaled onto the whole sheet
    (the PDF carries its own margins) — the PDF's own page size, or ``paper`` (scaled to fit, centred).
    Returns the number of pages sent."""
    pages = list(range(document.page_count) if pages is None else pages)
    if not pages:
        return 0
    printer.setFullPage(True)
    first = document.point_size(pages[0])
    printer.setPageSize(paper or QPageSize(first, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if first.width() > first.height() else QPageLayout.Orientation.Portrait
    )
    dpi = print_dpi(printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise ValidationError(translate("PrintPreviewDialog", "无法开始打印：打印机没有响应。请检查打印机是否已连接、是否已选对打印机。"))
    sent = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for i, page in enumerate(pages):
            if i and not printer.newPage():
                raise ValidationError(translate("PrintPreviewDialog", "打印中断：打印机不接受新的一页。"))
            size = document.point_size(page)
            image = document.render(page, QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi)))
            if image.isNull():
                raise ValidationError(
                    translate("PrintPreviewDialog", "第 %1 页无法生成打印图像（内存不足？）。请关闭其他程序后重试。").replace("%1", str(page + 1))
                )
            sheet = QRectF(painter.viewport())
            scale = min(sheet.width() / image.width(), sheet.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(sheet.x() + (sheet.width() - w) / 2, sheet.y() + (sheet.height() - h) / 2, w, h),
                              image)  # fmt: skip
            sent += 1
    finally:
        painter.end()
    return sent


def save_bytes(pdf: bytes, path: Path) -> None:
    """Write atomically: a temporary file beside the target, then a rename."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(pdf)
        tmp.replace(path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ValidationError(
            translate("PrintPreviewDialog", "无法写入 %1：%2。请换一个位置保存。").replace("%1", str(path)).replace("%2", str(err.strerror))
        ) from None


class PageList(QScrollArea):
    """The pages one under the other, as images (the view when QtPdf is missing)."""

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWidgetResizable(True)
        self.setStyleSheet("QScrollArea { background:#8a8f96; } #pageHolder { background:#8a8f96; }")
        holder = QWidget()
        holder.setObjectName("pageHolder")
        self._layout = QVBoxLayout(holder)
        self._layout.setSpacing(12)
        self._layout.setContentsMargins(12, 12, 12, 12)
        self.labels = [QLabel() for _ in range(pages.page_count)]
        for label in self.labels:
            label.setStyleSheet("background:white;")
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(holder)

    def set_zoom(self, factor: float) -> None:
        ratio = self.devicePixelRatioF()
        for page, label in enumerate(self.labels):
            pt = self.pages.point_size(page)
            w, h = pt.width() / 72 * 96 * factor, pt.height() / 72 * 96 * factor
            image = self.pages.render(page, QSize(round(w * ratio), round(h * ratio)))
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(round(w), round(h))


class PrintPreviewDialog(QDialog):
    """The pages of one PDF with 打印… / 另存为 PDF… / 关闭. The PDF is copied into a private temporary folder
    (QtPdf and poppler read files), removed when the dialog closes."""

    def __init__(
        self, pdf: bytes, title: str, parent: QWidget | None = None, *, warnings: Iterable[str] = (),
        copies: int | None = None, copies_note: str = "", file_name: str = "",
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", title))
        self.pdf = pdf
        printing = preferences().value.printing
        self.copies = max(1, copies if copies is not None else printing.copies)  # default: 设置 → 打印
        self.printer_name = printing.printer
        self.paper = paper_size(printing.paper)
        self.file_name = file_name or f"{title}.pdf"
        self.last_printed_pages = 0
        self.temp_dir: Path | None = Path(tempfile.mkdtemp(prefix="govdesk-preview-"))
        self.pdf_path = self.temp_dir / "document.pdf"
        self.pdf_path.write_bytes(pdf)
        self.pages: PdfPages | None = None
        self.problem = ""
        try:
            self.pages = open_pages(self.pdf_path)
        except ValidationError as err:
            self.problem = str(err)

        layout = QVBoxLayout(self)
        self.warning_bar = QLabel()
        self.warning_bar.setWordWrap(True)
        self.warning_bar.setStyleSheet(WARNING_STYLE)
        shown = [w for w in warnings if w]
        self.warning_bar.setText("⚠ " + "\n⚠ ".join(shown) if shown else "")
        self.warning_bar.setVisible(bool(shown))
        layout.addWidget(self.warning_bar)

        self.view: QWidget
        self.pdf_view: Any = None  # the QPdfView, when QtPdf is there
        if isinstance(self.pages, QtPdfPages):
            from PySide6.QtPdfWidgets import QPdfView

            view = QPdfView(self)
            # Fixed scroll-bar policies and a custom zoom: the fit-to-width modes can loop on relayout.
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.Custom)
            view.setPageSpacing(12)
            view.setStyleSheet("QPdfView { background:#8a8f96; }")
            view.setDocument(self.pages.document)
            self.view = self.pdf_view = view
        elif self.pages is not None:
            self.view = PageList(self.pages, self)
        else:
            self.view = QLabel(self.problem)
            self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.view, 1)

        bar = QHBoxLayout()
        self.zoom_out_button = QPushButton(self.tr("缩小"))
        self.zoom_in_button = QPushButton(self.tr("放大"))
        self.zoom_label = QLabel()
        self.pages_label = QLabel()
        self.copies_label = QLabel(copies_note)
        self.copies_label.setStyleSheet("color:#5f6368;")
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.print_button.setDefault(True)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.pages_label, self.copies_label):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(w)
        layout.addLayout(bar)

        self.zoom_out_button.clicked.connect(lambda: self._step_zoom(-1))
        self.zoom_in_button.clicked.connect(lambda: self._step_zoom(+1))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)

        self._zoom_index = ZOOM_STEPS.index(1.0)
        self._apply_zoom()
        self.pages_label.setText(self.tr("共 %1 页").replace("%1", str(self.page_count)) if self.pages else self.tr("无法显示"))
        self.print_button.setEnabled(self.pages is not None)
        screen = QGuiApplication.primaryScreen()
        avail = screen.availableGeometry() if screen is not None else None
        self.resize(min(980, avail.width() - 40) if avail else 980, min(1000, avail.height() - 60) if avail else 900)

    @classmethod
    def for_issued(cls, issued: IssuedPdf, parent: QWidget | None = None, *, parties: int = 0) -> PrintPreviewDialog:
        name = doc_name(issued.kind)
        note = ""
        if (issued.kind == "agreement" or supplement_no(issued.kind)) and parties:
            # The agreement PDF already holds every original (第1份…第N份: one per party, one for the committee).
            note = translate("PrintPreviewDialog", "本文件已含 %1 份原件（每方当事人一份、委员会存档一份），打印一份即可。").replace(
                "%1", str(parties + 1)
            )
        title = f"{issued.case_number} {name}" + (translate("PrintPreviewDialog", "（副本）") if issued.reprint else "")
        return cls(issued.pdf, title, parent, warnings=issued.warnings, copies_note=note,
                   file_name=f"{issued.case_number}-{name}.pdf")  # fmt: skip

    @property
    def page_count(self) -> int:
        return self.pages.page_count if self.pages is not None else 0

    def _step_zoom(self, step: int) -> None:
        self._zoom_index = max(0, min(len(ZOOM_STEPS) - 1, self._zoom_index + step))
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        factor = ZOOM_STEPS[self._zoom_index]
        if isinstance(self.view, PageList):
            self.view.set_zoom(factor)
        elif self.pdf_view is not None:
            self.pdf_view.setZoomFactor(factor)
        self.zoom_label.setText(f"{round(factor * 100)}%")
        self.zoom_out_button.setEnabled(self.pages is not None and self._zoom_index > 0)
        self.zoom_in_button.setEnabled(self.pages is not None and self._zoom_index < len(ZOOM_STEPS) - 1)

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.printer_name and self.printer_name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(self.printer_name)
        if self.paper is not None:
            printer.setPageSize(self.paper)
        printer.setCopyCount(self.copies)
        printer.setDocName(self.file_name.removesuffix(".pdf"))
        return printer

    def print_document(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setMinMax(1, max(1, self.page_count))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        if self.pages is None:
            return 0
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, min(last, self.page_count)) if first > 0 and last >= first else None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.last_printed_pages = render_to_printer(self.pages, printer, pages, self.paper)
        except ValidationError as err:
            show_error(err, self)
        finally:
            QGuiApplication.restoreOverrideCursor()
        return self.last_printed_pages

    def save_as(self) -> Path | None:
        start = str(Path.home() / self.file_name)
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("另存为 PDF"), start, self.tr("PDF 文件 (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            save_bytes(self.pdf, path)
        except ValidationError as err:
            show_error(err, self)
            return None
        return path

    def release(self) -> None:
        """Close the document and remove the temporary folder (idempotent)."""
        if self.pages is not None:
            self.pages.close()
            self.pages = None
        if self.temp_dir is not None:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            self.temp_dir = None

    def done(self, result: int) -> None:
        self.release()
        super().done(result)

    def closeEvent(self, event: Any) -> None:
        self.release()
        super().closeEvent(event)


# --- which documents, and issuing one -----------------------------------------------------------------------
_EARLY = ("application", "acceptance", "rights-notice")
_RECORDS = ("investigation", "session")
_AGREED = ("agreement", "oral-agreement", "supplement", "confirmation-application", "confirmation-pack")
KINDS_BY_STATUS: dict[Status, tuple[str, ...]] = {
    Status.REGISTERED: ("application",),
    Status.REFUSED: ("application",),
    Status.ACCEPTED: (*_EARLY, *_RECORDS),
    Status.MEDIATING: (*_EARLY, *_RECORDS),
    Status.WITHDRAWN: (*_EARLY, *_RECORDS, "dossier"),
    Status.AGREED: (*_EARLY, *_RECORDS, *_AGREED, "follow-up"),
    Status.FAILED: (*_EARLY, *_RECORDS, "termination-notice", "dossier"),
    Status.CLOSED: (*_EARLY, *_RECORDS, *_AGREED, "termination-notice", "follow-up", "dossier"),
    Status.ARCHIVED: (*_EARLY, *_RECORDS, *_AGREED, "termination-notice", "follow-up", "dossier"),
}


def document_kinds(kind: Kind | str, status: Status | str) -> list[DocKind]:
    """The document kinds worth offering for a case (in the catalogue's order). Whether the case really has
    the data (an oral or a written agreement, records) is decided by the service, which says why not."""
    if Kind(kind) is not Kind.DISPUTE:
        return []
    offered = KINDS_BY_STATUS.get(Status(status), ())
    return [k for k in BY_CLI.values() if k.cli in offered]


class DocumentMenu(QMenu):
    """打印文书 ▸ the kinds for the current case. Call ``set_case`` when the selection changes."""

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("打印文书"), parent)
        self.store, self.tasks, self.actor = store, tasks, actor
        self.number = ""
        self.parties = 0
        self.preview: PrintPreviewDialog | None = None
        self.on_issued: Callable[[IssuedPdf], None] | None = None  # e.g. refresh the timeline / 文书 list
        self.set_case(None)

    def set_case(self, number: str | None, kind: Kind | str = Kind.DISPUTE, status: Status | str = Status.REGISTERED,
                 parties: int = 0) -> None:  # fmt: skip
        self.clear()
        self.number, self.parties = number or "", parties
        kinds = document_kinds(kind, status) if number else []
        for doc in kinds:
            action = self.addAction(doc.name)
            action.setToolTip(doc.about)
            action.setData(doc.cli)
            action.triggered.connect(lambda _=False, cli=doc.cli: self.open_preview(cli))
        if not kinds:
            empty = self.addAction(self.tr("（这个事项没有可打印的文书）") if number else self.tr("（请先选择一个事项）"))
            empty.setEnabled(False)
        self.setEnabled(bool(number))

    def open_preview(self, kind: str) -> None:
        number, store, actor = self.number, self.store, self.actor
        window = self.parentWidget()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def done(issued: IssuedPdf) -> None:
            QGuiApplication.restoreOverrideCursor()
            if self.on_issued is not None:
                self.on_issued(issued)
            self.preview = PrintPreviewDialog.for_issued(issued, window, parties=self.parties)
            self.preview.setWindowModality(Qt.WindowModality.WindowModal)
            self.preview.show()

        def failed(err: BaseException) -> None:
            QGuiApplication.restoreOverrideCursor()
            show_error(err, window)

        self.tasks.run(lambda: issue_document(store, actor, number, kind), done, failed, owner=self)

