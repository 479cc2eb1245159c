"""签名板: a party (or the mediator, the recorder) signs with the mouse, a pen tablet or a touch screen on a white
canvas; on 确定 the PNG is kept as an attachment of the case and the agreement's ``sign`` action is recorded with
method "image" and the image's SHA-256 (services.attachments.sign_with_image, one transaction)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent, QTabletEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from govdesk.gui.tasks import TaskManager, show_error
from govdesk.services.actor import Actor
from govdesk.services.attachments import AttachmentAdded, sign_with_image
from govdesk.services.lifecycle import ActionDone
from govdesk.store.store import Store

CANVAS_SIZE = QSize(760, 280)
INK = QColor("#10204a")
BASE_WIDTH = 3.2
MARGIN = 16  # white border kept around the ink when the PNG is cropped


class SignatureCanvas(QWidget):
    """A white sheet that records strokes. Touch arrives as synthesised mouse events; a tablet pen gives pressure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(CANVAS_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.image = self._blank(CANVAS_SIZE)
        self.strokes = 0
        self._last: QPointF | None = None
        self.on_change: Callable[[], None] | None = None

    @staticmethod
    def _blank(size: QSize) -> QImage:
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        return image

    @property
    def is_empty(self) -> bool:
        return self.strokes == 0

    def clear(self) -> None:
        self.image = self._blank(self.image.size())
        self.strokes = 0
        self._last = None
        self.update()
        self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    # --- drawing --------------------------------------------------------------------------------------------
    def begin_stroke(self, at: QPointF) -> None:
        self._last = at
        self.strokes += 1
        self.draw_to(at, 1.0)
        self._changed()

    def draw_to(self, at: QPointF, pressure: float = 1.0) -> None:
        if self._last is None:
            return
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = BASE_WIDTH * (0.5 + max(0.0, min(pressure, 1.0)))
        painter.setPen(QPen(INK, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawLine(self._last, at)
        painter.end()
        pad = int(width) + 2
        self.update(QRect(self._last.toPoint(), at.toPoint()).normalized().adjusted(-pad, -pad, pad, pad))
        self._last = at

    def end_stroke(self) -> None:
        self._last = None

    def add_stroke(self, points: Sequence[tuple[float, float]]) -> None:
        """Draw a stroke through the points (for tests and demonstrations)."""
        if not points:
            return
        self.begin_stroke(QPointF(*points[0]))
        for p in points[1:]:
            self.draw_to(QPointF(*p))
        self.end_stroke()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.draw_to(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.draw_to(event.position())
        self.end_stroke()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self.begin_stroke(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self.draw_to(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletRelease:
            self.end_stroke()
        event.accept()  # no synthesised mouse events after a pen event

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.drawImage(event.rect(), self.image, event.rect())
        painter.setPen(QPen(QColor("#c9d1dc"), 1, Qt.PenStyle.DashLine))
        base = self.height() - 50
        painter.drawLine(30, base, self.width() - 30, base)
        if self.is_empty:
            painter.setPen(QColor("#9aa3ae"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("请在此处签名"))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        if size.width() > self.image.width() or size.height() > self.image.height():
            bigger = self._blank(size.expandedTo(self.image.size()))
            painter = QPainter(bigger)
            painter.drawImage(0, 0, self.image)
            painter.end()
            self.image = bigger
        super().resizeEvent(event)

    # --- the result -----------------------------------------------------------------------------------------
    def ink_rect(self) -> QRect:
        """The bounding box of the ink (non-white pixels), with a margin; the whole sheet when empty."""
        img = self.image
        white = QColor(Qt.GlobalColor.white).rgb()
        left, top, right, bottom = img.width(), img.height(), -1, -1
        for y in range(img.height()):
            line = [x for x in range(0, img.width(), 2) if img.pixel(x, y) != white] if y % 2 == 0 else []
            if line:
                top, bottom = min(top, y), max(bottom, y)
                left, right = min(left, line[0]), max(right, line[-1])
        if right < 0:
            return img.rect()
        return QRect(left, top, right - left + 1, bottom - top + 1).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN) & img.rect()

    def png(self) -> bytes:
        """The signature as a PNG: cropped to the ink, greyscale, white background."""
        image = self.image.copy(self.ink_rect()).convertToFormat(QImage.Format.Format_Grayscale8)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes, PySide6 wants str
        buffer.close()
        return bytes(data.data())


class SignaturePadDialog(QDialog):
    """签名: who signs, the canvas, 清除 / 确定 / 取消. ``parties`` are the case's parties in order (names)."""

    def __init__(
        self, store: Store, tasks: TaskManager, actor: Actor, case_number: str, parties: Sequence[str],
        parent: QWidget | None = None, *, signed: Sequence[str] = (), mediator: str = "",
        on_signed: Callable[[ActionDone], None] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("签名 — %1").replace("%1", case_number))
        self.store, self.tasks, self.actor, self.case_number = store, tasks, actor, case_number
        self.on_signed = on_signed
        self.parties, self.mediator = list(parties), mediator
        self.done_result: tuple[AttachmentAdded, ActionDone] | None = None

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.signer_box = QComboBox()
        for i, name in enumerate(parties, 1):
            label = self.tr("当事人：%1").replace("%1", name) + (self.tr("（已签）") if name in signed else "")
            self.signer_box.addItem(label, {"party": i})
        self.signer_box.addItem(self.tr("调解员"), {"signer": "mediator"})
        self.signer_box.addItem(self.tr("记录人"), {"signer": "recorder"})
        first_unsigned = next((i for i, name in enumerate(parties) if name not in signed), 0)
        self.signer_box.setCurrentIndex(first_unsigned)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("调解员或记录人的姓名"))
        form.addRow(self.tr("签署人"), self.signer_box)
        form.addRow(self.tr("姓名"), self.name_edit)
        layout.addLayout(form)
        hint = QLabel(self.tr("请签署人用鼠标、手写笔或触摸屏在下方白色区域签名。签名图像将作为附件保存，并登记为“电子签名图像”。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#5f6368;")
        layout.addWidget(hint)
        frame = QWidget()
        frame.setStyleSheet("border:1px solid #b9c3cf;")
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(1, 1, 1, 1)
        self.canvas = SignatureCanvas()
        self.canvas.setStyleSheet("border:none;")
        frame_layout.addWidget(self.canvas)
        layout.addWidget(frame, 1)
        self.status = QLabel()
        self.status.setStyleSheet("color:#d93025;")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("清除"))
        self.ok_button = QPushButton(self.tr("确定"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.ok_button.setDefault(True)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

        self.clear_button.clicked.connect(self.canvas.clear)
        self.ok_button.clicked.connect(self.accept_signature)
        self.cancel_button.clicked.connect(self.reject)
        self.signer_box.currentIndexChanged.connect(self._signer_changed)
        self.canvas.on_change = self._update_buttons
        self._signer_changed()
        self._update_buttons()

    def _signer_changed(self) -> None:
        data = self.signer_box.currentData() or {}
        self.name_edit.setEnabled("signer" in data)
        if "party" in data:  # a party's name comes from the case
            self.name_edit.setText(self.parties[int(data["party"]) - 1])
        else:
            self.name_edit.setText(self.mediator if data.get("signer") == "mediator" else "")

    def _update_buttons(self) -> None:
        self.ok_button.setEnabled(not self.canvas.is_empty)
        self.clear_button.setEnabled(not self.canvas.is_empty)
        if not self.canvas.is_empty:
            self.status.setText("")

    def sign_data(self) -> dict[str, object]:
        data = dict(self.signer_box.currentData() or {})
        if "signer" in data and self.name_edit.text().strip():
            data["name"] = self.name_edit.text().strip()
        return data

    def accept_signature(self) -> None:
        if self.canvas.is_empty:
            self.status.setText(self.tr("还没有签名。"))
            return
        png, data = self.canvas.png(), self.sign_data()
        store, actor, number = self.store, self.actor, self.case_number
        self.ok_button.setEnabled(False)
        self.status.setText("")

        def done(result: tuple[AttachmentAdded, ActionDone]) -> None:
            self.done_result = result
            if self.on_signed is not None:
                self.on_signed(result[1])
            self.accept()

        def failed(err: BaseException) -> None:
            self.ok_button.setEnabled(True)
            show_error(err, self)

        self.tasks.run(lambda: sign_with_image(store, actor, number, png, data), done, failed, owner=self)
