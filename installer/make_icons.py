"""Draw the application icon into ``resources/icons/``: PNGs in the freedesktop hicolor sizes, a scalable SVG
and a multi-size Windows ``govdesk.ico``.

The icon is the main window's icon (qtawesome ``mdi6.scale-balance``, Material Design Icons, Apache-2.0) white
on a rounded blue square, so the menu, the taskbar and the window agree. The outputs are committed; run this
again only when the design changes:

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QTransform
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

BLUE = "#1a73e8"  # the colour of the window icon in govdesk.gui.main_window
GLYPH = "mdi6.scale-balance"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def paint(painter: QPainter, size: float) -> None:
    import qtawesome as qta

    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BLUE))
    margin = size / 32
    painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size * 0.18, size * 0.18)
    # The glyph as an outline (not text in an icon font), so the SVG stands on its own.
    prefix = GLYPH.split(".", 1)[0]
    font = qta.font(prefix, 100)
    path = QPainterPath()
    path.addText(0, 0, font, qta.charmap(GLYPH))
    box = path.boundingRect()
    scale = size * 0.62 / max(box.width(), box.height())
    transform = QTransform()
    transform.translate(size / 2, size / 2)
    transform.scale(scale, scale)
    transform.translate(-box.center().x(), -box.center().y())
    painter.setBrush(QColor("white"))
    painter.drawPath(transform.map(path))


def png(size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint(painter, size)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def svg(path: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(256, 256))
    generator.setViewBox(QRectF(0, 0, 256, 256))
    generator.setTitle("govdesk")
    painter = QPainter(generator)
    paint(painter, 256)
    painter.end()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    OUT.mkdir(parents=True, exist_ok=True)
    images = {}
    for size in SIZES:
        data = png(size)
        (OUT / f"govdesk-{size}.png").write_bytes(data)
        images[size] = Image.open(io.BytesIO(data)).convert("RGBA")
    svg(OUT / "govdesk.svg")
    # Pillow writes one entry per size from the largest image; hand it the sharp small ones as well.
    largest = images[max(ICO_SIZES)]
    largest.save(
        OUT / "govdesk.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(OUT.parents[1])}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
