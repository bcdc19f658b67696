"""Make resources/app.ico, the Windows application icon, from resources/icons/app.svg.

Run it again after changing the SVG (the .ico is kept in the repository, so a build needs
no image tools):  .venv/bin/python resources/make_icon.py

Qt draws each size from the SVG itself (small sizes are not a shrunk 256 px picture, so
they stay sharp); Qt's own ICO writer stores one picture only, so the file is put together
here: 16-128 px as 32-bit BMP entries (what every Windows version and resource tool reads),
256 px as PNG (Windows Vista and later; a BMP of that size would be 256 kB).
Needs only PySide6, already installed for the app."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE / "icons" / "app.svg"
ICO = HERE / "app.ico"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def bmp_bytes(image: QImage) -> bytes:
    """An ICO's BMP entry: a BITMAPINFOHEADER of twice the height (picture and mask),
    32-bit BGRA rows from the bottom up, then the 1-bit AND mask (all shown: the alpha
    channel already says what is transparent)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = bytearray()
    for y in reversed(range(size)):
        for x in range(size):
            argb = image.pixel(x, y)
            pixels += struct.pack("<I", argb)  # little-endian ARGB is B, G, R, A
    mask_row = ((size + 31) // 32) * 4
    return header + bytes(pixels) + bytes(mask_row * size)


def ico_bytes(images: list[QImage]) -> bytes:
    entries = [png_bytes(i) if i.width() >= 256 else bmp_bytes(i) for i in images]
    offset = 6 + 16 * len(images)
    directory = b""
    for image, data in zip(images, entries, strict=True):
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return struct.pack("<HHH", 0, 1, len(images)) + directory + b"".join(entries)


def main() -> int:
    _app = QGuiApplication([*sys.argv[:1], "-platform", "offscreen"])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icon: {SVG} is not a valid SVG", file=sys.stderr)
        return 1
    ICO.write_bytes(ico_bytes([render(renderer, size) for size in SIZES]))
    print(f"make_icon: wrote {ICO} ({ICO.stat().st_size} bytes, sizes {SIZES})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
