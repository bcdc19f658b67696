"""The cells of the exported workbook: user text made safe (never a formula, control
characters escaped, cut into pieces of at most CELL_LIMIT units when too long) and the
shared style arrays of each kind of styled cell (see sheets.export for the rules)."""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import copy
from datetime import date, datetime

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray

from retention_desktop.sheets import labels
from retention_desktop.sheets.model import BOOL, DATE, EXIT_TYPE, INT, MONEY, STATUS, TEXT

# Kinds of the report tables' cells, besides INT: a decimal such as an average
# headcount, a rate (a plain fraction shown as a percentage) and a month ("2025-12",
# written as the date of its first day, shown as yyyy-mm).
DECIMAL, RATE, MONTH = "decimal", "rate", "month"

CELL_LIMIT = 32_767  # the most characters (UTF-16 units) an Excel cell holds
# No text of this many characters or fewer can pass the limit, even with every character
# escaped (`_xHHHH_`, 7 characters) or outside the BMP (2 units).
SURELY_FITS = CELL_LIMIT // 7
_RISKY_START = frozenset("=+-@\t\r\n")
_ERROR_VALUES = frozenset(ERROR_CODES)
_ESCAPE_RE = re.compile(r"_x[0-9A-Fa-f]{4}_")

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
INT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"
RATE_FORMAT = "0.0%"
MONTH_FORMAT = "yyyy-mm"

HEADER_FONT = Font(name="Calibri", size=11, bold=True)
NOTE_FONT = Font(name="Calibri", size=11, italic=True)
HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
HEADER_BORDER = Border(bottom=Side(style="thin", color="808080"))
TITLE_FONT = Font(name="Calibri", size=14, bold=True)
SPLIT_FILL = PatternFill("solid", start_color="FFF2CC")


# --- text ----------------------------------------------------------------------------------


def _escape(text: str) -> str:
    """Control characters XML cannot hold, as Excel's `_xHHHH_` escapes."""
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _units(text: str) -> int:
    """The length of `text` in UTF-16 units, as Excel counts it."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def _pieces(text: str) -> list[str]:
    """`text` (already escaped) in pieces of at most CELL_LIMIT units, cut neither inside
    a character nor inside an escape; joined they give `text` back."""
    pieces = []
    start, length = 0, len(text)
    while start < length:
        end = min(length, start + CELL_LIMIT)
        while (units := _units(text[start:end])) > CELL_LIMIT:
            end -= max(1, (units - CELL_LIMIT) // 2)
        if end < length:
            for match in _ESCAPE_RE.finditer(text, max(start, end - 6), min(length, end + 6)):
                if match.start() < end < match.end():
                    end = match.start()
        pieces.append(text[start:end])
        start = end
    return pieces


def _cell_text(text: str) -> str:
    """`text` as a cell carries it: line breaks as LF (XML turns a CR and a CRLF into LF
    on reading, so they are written as LF, and a piece boundary cannot fall between CR
    and LF), control characters escaped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = _escape(text)
    return text


def long_pieces(value) -> list[str] | None:
    """The pieces of a text too long for one cell; None when it fits."""
    if value.__class__ is not str or len(value) <= SURELY_FITS:
        return None
    text = _cell_text(value)
    if _units(text) <= CELL_LIMIT:
        return None
    return _pieces(text)


# --- cells ---------------------------------------------------------------------------------


def _money_format(currency: str) -> str:
    sign = (currency or "").replace('"', "").strip()
    return f'"{sign}"#,##0.00' if sign else "#,##0.00"


class Styles:
    """The style of each kind of styled cell, made once per workbook: cells are created
    with a copy of these arrays, never with style objects of their own."""

    def __init__(self, sheet, currency: str) -> None:
        def style(**attributes):
            cell = WriteOnlyCell(sheet)
            for name, value in attributes.items():
                setattr(cell, name, value)
            return cell._style

        self.header = style(
            font=HEADER_FONT,
            fill=HEADER_FILL,
            border=HEADER_BORDER,
            alignment=Alignment(vertical="top"),
        )
        self.header_wrapped = style(
            font=HEADER_FONT,
            fill=HEADER_FILL,
            border=HEADER_BORDER,
            alignment=Alignment(vertical="top", wrap_text=True),
        )
        self.title = style(font=TITLE_FONT)
        self.label = style(font=HEADER_FONT)
        self.text = style(quotePrefix=True)
        self.split = style(quotePrefix=True, fill=SPLIT_FILL)
        self.datetime = style(number_format=DATETIME_FORMAT, alignment=Alignment("left"))
        self.int = style(number_format=INT_FORMAT)
        self.decimal = style(number_format=DECIMAL_FORMAT)
        self.rate = style(number_format=RATE_FORMAT)
        self.money = style(number_format=_money_format(currency))
        self.note = style(font=NOTE_FONT)
        self.month = style(number_format=MONTH_FORMAT, alignment=Alignment("left"))
        self.money_format = _money_format(currency)
        # a row of several lines: every cell at the top, text wrapped
        self.book = sheet.parent
        self.top = style(alignment=Alignment(vertical="top"))
        self.wrap = style(alignment=Alignment(vertical="top", wrap_text=True))
        self._variants: dict[tuple, StyleArray] = {}

    def at_top(self, style: StyleArray, wrap: bool = False) -> StyleArray:
        """`style` aligned to the top of its cell (and wrapping its text when `wrap`)."""
        key = (*style, wrap)
        variant = self._variants.get(key)
        if variant is None:
            alignment = copy(self.book._alignments[style.alignmentId])
            alignment.vertical = "top"
            if wrap:
                alignment.wrap_text = True
            variant = StyleArray(style)
            variant.alignmentId = self.book._alignments.add(alignment)
            self._variants[key] = variant
        return variant


class Cells:
    """Makes the cells of one sheet."""

    def __init__(self, sheet, styles: Styles) -> None:
        self.sheet = sheet
        self.styles = styles

    def styled(self, value, style) -> Cell:
        return Cell(self.sheet, 1, 1, value, style)

    def number(self, value, style):
        """A number cell holding exactly `value`: floats are written with every digit
        (openpyxl would round them to 16 significant digits)."""
        if value is None:
            return None
        cell = Cell(self.sheet, 1, 1, None, style)
        if value.__class__ is float:
            cell.value = repr(value)
            cell.data_type = "n"
        else:
            cell.value = value
        return cell

    def forced_text(self, text: str, style=None) -> Cell:
        """An explicit string cell (never a formula or an error value) with the quote
        prefix; `text` must fit in a cell."""
        text = _cell_text(text)
        if len(text) > SURELY_FITS and _units(text) > CELL_LIMIT:
            raise ValueError(f"a text of {len(text):,} characters does not fit in one cell")
        cell = Cell(self.sheet, 1, 1, None, self.styles.text if style is None else style)
        cell.value = text
        cell.data_type = "s"
        return cell

    def wrapped(self, value):
        """A converted text (a plain str or a forced text cell) wrapped, at the top."""
        if value.__class__ is str:
            return Cell(self.sheet, 1, 1, value, self.styles.wrap)
        value._style = StyleArray(self.styles.at_top(value._style, wrap=True))
        return value

    def at_top(self, value):
        """A converted value at the top of its cell (a row of several lines)."""
        if value is None:
            return None
        if isinstance(value, Cell):
            value._style = StyleArray(self.styles.at_top(value._style))
            return value
        return Cell(self.sheet, 1, 1, value, self.styles.top)

    def text_converter(self, splittable: bool = False) -> Callable:
        """Text as a plain value when openpyxl keeps it as it is, else a forced text cell.
        In a column with continuation columns a too long text becomes None here and is
        written in pieces by the row writer."""
        forced = self.forced_text
        risky, errors, illegal = _RISKY_START, _ERROR_VALUES, ILLEGAL_CHARACTERS_RE.search

        def text(value):
            if value is None:
                return None
            if value.__class__ is not str:
                value = str(value)
            if not value:
                return None
            if (
                len(value) > SURELY_FITS
                or value[0] in risky
                or value in errors
                or "\r" in value
                or illegal(value) is not None
            ):
                if splittable and long_pieces(value) is not None:
                    return None
                return forced(value)
            return value

        return text

    def converter(self, kind: str, lang: str, splittable: bool = False) -> Callable | None:
        """How a value of `kind` becomes a cell (None: written as it is)."""
        styles = self.styles
        if kind == TEXT:
            return self.text_converter(splittable)
        if kind == DATE:
            return _date_value
        if kind == MONTH:
            make, style, sheet = Cell, styles.month, self.sheet
            return lambda v: None if v is None else make(sheet, 1, 1, _first_day(v), style)
        if kind == INT:
            make, style = Cell, styles.int
            sheet = self.sheet
            return lambda v: None if v is None else make(sheet, 1, 1, v, style)
        if kind in (MONEY, DECIMAL, RATE):
            number = self.number
            style = {MONEY: styles.money, DECIMAL: styles.decimal, RATE: styles.rate}[kind]
            return lambda v: number(v, style)
        if kind == BOOL:
            yes, no = labels.word("yes", lang), labels.word("no", lang)
            return lambda v: None if v is None else (yes if v else no)
        if kind in (EXIT_TYPE, STATUS):
            keys = ("voluntary", "involuntary") if kind == EXIT_TYPE else labels.STATUSES
            words = {key: labels.word(key, lang) for key in keys}
            text = self.text_converter()
            return lambda v: words[v] if v in words else text(v)
        raise ValueError(f"unknown column kind {kind!r}")


def _date_value(value):
    """A date as it is (openpyxl gives a plain date the yyyy-mm-dd format); the date of a
    datetime."""
    if value.__class__ is datetime:
        return value.date()
    return value


def _first_day(month) -> date:
    """The first day of a month given as "YYYY-MM" (or a date)."""
    if isinstance(month, date):
        return month.replace(day=1)
    year, number = str(month).split("-")[:2]
    return date(int(year), int(number), 1)
