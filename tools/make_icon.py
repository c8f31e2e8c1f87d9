"""Draw the program icon: src/servicedesk/resources/icons/servicedesk.png and .ico.

    QT_QPA_PLATFORM=offscreen python tools/make_icon.py

A blue rounded square with a white service sheet and an orange check badge,
drawn with QPainter at each size (small sizes stay crisp). The .ico holds
16-256 px images as PNG entries (the ICO format has allowed that since
Windows Vista), written here because Qt's ICO writer stores one size only.
Both files are committed; rerun after changing the drawing.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parents[1] / "src" / "servicedesk" / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.Antialiasing)
    p.scale(size / 256, size / 256)  # drawn on a 256 grid
    p.setPen(Qt.NoPen)
    p.setBrush(QColor("#1d5fa8"))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    # the service sheet
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(60, 40, 136, 176), 14, 14)
    p.setBrush(QColor("#1d5fa8"))
    p.drawRoundedRect(QRectF(96, 28, 64, 28), 10, 10)  # the clip
    p.setBrush(QColor("#9bb8d8"))
    for y in (82, 112, 142):
        p.drawRoundedRect(QRectF(82, y, 92, 14), 7, 7)
    # the check badge
    p.setBrush(QColor("#f08a24"))
    p.drawEllipse(QPointF(182, 184), 50, 50)
    pen = QPen(QColor("#ffffff"), 16, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.NoBrush)
    tick = QPainterPath(QPointF(160, 186))
    tick.lineTo(176, 202)
    tick.lineTo(206, 168)
    p.drawPath(tick)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per image, then the PNG data (sizes of 256 are written as 0)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        edge = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs it
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "servicedesk.png"))
    (OUT / "servicedesk.ico").write_bytes(ico_bytes([(s, png_bytes(draw(s))) for s in ICO_SIZES]))
    print(f"wrote {OUT / 'servicedesk.png'} and {OUT / 'servicedesk.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
