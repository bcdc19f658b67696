"""How the exported workbook and the import template print and show long text.

Printing (`page_setup`): every sheet landscape on A4, all its columns on one page's width
and as many pages tall as it needs (fitToWidth 1, fitToHeight 0), its header row(s)
repeated at the top of every printed page, a footer with the sheet's name on the left and
"page / pages" on the right (Excel's &A, &P and &N codes, the same in every language),
margins of about 1.5 cm.

Row heights (`text_lines`, `row_height`): openpyxl does not work out row heights and
Excel only does for rows it lays out itself, so a cell of several lines would show its
last line only. A row holding wrapped text gets a height estimated from the number of
lines its longest cell takes at its column's width: each paragraph (a line of the text)
takes ceil(width of the paragraph / usable width of the column) lines, wide (CJK)
characters counting twice; a line is 15 points (11-point Calibri), 17 when the text is not
all ASCII (CJK fonts set their lines further apart), and a row is at most 409 points
(Excel's limit).
"""

from __future__ import annotations

import math
import unicodedata

from openpyxl.worksheet.page import PageMargins

PAPER_A4 = 9  # ECMA-376 paperSize code of A4
LINE_HEIGHT = 15.0  # points: one line of 11-point text, Excel's default row height
WIDE_LINE_HEIGHT = 17.0  # points: a line of 11-point text in a CJK font
ROW_PADDING = 3.0  # points above and below the lines
MAX_ROW_HEIGHT = 409.0  # Excel's largest row height
MAX_LINES = math.floor((MAX_ROW_HEIGHT - ROW_PADDING) / LINE_HEIGHT)
FOOTER_LEFT, FOOTER_RIGHT = "&A", "&P / &N"  # the sheet's name; page / pages
# inches (Excel's unit): 1.5 cm at the sides, room for the footer at the bottom
MARGINS = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.8, header=0.3, footer=0.35)


def display_width(text: str) -> int:
    """Columns `text` takes in a sheet: CJK and other wide characters count twice."""
    if text.isascii():
        return len(text)
    wide = unicodedata.east_asian_width
    return sum(2 if wide(ch) in "WF" else 1 for ch in text)


def page_setup(sheet, *, title_rows: str | None = "1:1") -> None:
    """Landscape A4, fitted to one page wide, `title_rows` repeated on every page, a footer
    with the sheet's name and the page number, and the margins."""
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = PAPER_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddFooter.left.text = FOOTER_LEFT
    sheet.oddFooter.right.text = FOOTER_RIGHT
    sheet.page_margins = MARGINS


def text_lines(text: str, width: float) -> int:
    """The lines `text` takes when wrapped in a column `width` characters wide (at most
    MAX_LINES: a taller row is not possible anyway)."""
    usable = max(1.0, width - 1.5)  # the cell's inner margins
    lines = 0
    for paragraph in text.split("\n"):
        if len(paragraph) <= usable / 2:  # fits whatever its characters
            lines += 1
        else:
            lines += max(1, math.ceil(display_width(paragraph[:4000]) / usable))
        if lines >= MAX_LINES:
            return MAX_LINES
    return lines


def needs_wrap(text: str, width: float) -> bool:
    """Whether `text` takes more than one line in a column `width` characters wide."""
    if "\n" in text:
        return True
    if len(text) <= (width - 1.5) / 2:
        return False
    return display_width(text[:4000]) > width - 1.5


def row_height(lines: int, wide: bool = False) -> float:
    """The height in points of a row whose tallest cell takes `lines` lines (`wide`: of a
    text that is not all ASCII)."""
    line = WIDE_LINE_HEIGHT if wide else LINE_HEIGHT
    return min(MAX_ROW_HEIGHT, max(1, lines) * line + ROW_PADDING)
