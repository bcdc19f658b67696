"""The report's pages on paper or in a PDF: A4, and a PDF written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

# none of the page's own: QTextDocument.print_ keeps 2 cm around the text (and numbers the
# pages), which a printer's own margins would only add to
NO_MARGINS = QMarginsF(0, 0, 0, 0)


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       NO_MARGINS, QPageLayout.Unit.Millimeter)  # fmt: skip


def pdf_bytes(document: QTextDocument, title: str) -> bytes:
    """The document as a PDF on A4 (fonts embedded, Chinese included), in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Retention Desktop")
    writer.setResolution(300)
    writer.setPageLayout(page_layout())
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def write_whole(target: Path, data: bytes) -> None:
    """Write `data` to `target` whole or not at all: into a file beside it, then put in
    its place (a PDF open in a viewer, a full disk or a read-only folder leave whatever
    was there untouched). OSError names the file."""
    handle, part = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(part, target)
    except OSError as error:
        Path(part).unlink(missing_ok=True)
        if error.filename is None or error.filename == part:
            error.filename = str(target)
        raise
