"""The Excel export: one .xlsx of a period's figures and records, in the shop's language.

`write_workbook(path, data)` writes these sheets (names in `labels.SHEETS`):

- Summary: the shop, the period, the team, when it was written; the period's key figures
  (`report.summary`), new-hire survival, separations by calendar month and the peak
  seasons of the period: each season's real dates in each year of the period it touches
  (a season set relative to Spring Festival moves with it) and how it is set.
- Monthly: every field of each month, with a chart of separations per month (voluntary and
  involuntary stacked when every separation has a type) and the turnover rate as a line on
  a secondary axis.
- By reason (with a bar chart), By team, Tenure at exit: the report's tables.
- Employees (EMPLOYEE_COLUMNS: the import format's columns first, under the import's own
  headers, so an export imports back), Exits (EXIT_COLUMNS), Actions (ACTION_COLUMNS).
- Survival: the Kaplan-Meier curve of the period's hires (METRICS.md), a row per day on
  which someone left: the share still employed after it, its 95% range and how many were
  still observed.

Every figure is the report's own number: integers as integers and fractions as the exact
double (written with all its digits), shown through number formats only (rates `0.0%`,
integers `#,##0`, money with the shop's currency sign, dates `yyyy-mm-dd` on real date
cells). Tables have a styled header row, frozen panes below it, an autofilter over the
whole table and column widths fitted to the header and the first rows (CJK characters
count twice, capped at 60).

User text is always a text cell, never a formula: a text starting with `=`, `+`, `-`, `@`,
tab, CR or LF, or spelling an error value such as `#N/A`, is written as an explicit string
cell with Excel's quote prefix (editing it in Excel keeps it text). Line breaks are
written as LF: XML readers (Excel's among them) turn a CR or CRLF into LF anyway. Control
characters XML cannot hold at all (other than tab, CR and LF) are written as Excel's
`_xHHHH_` escapes, which Excel reads back as the character.

Long text: an Excel cell holds at most 32,767 characters (UTF-16 units). A longer text is
never cut: its first 32,767 characters stay in its own column and the rest continues, in
order, in extra columns at the right end of the same row, headed "<header> (continued 1)",
"(continued 2)", ... (one per piece the longest such text of that column needs). The cells
of a split text are shaded, and the Summary sheet says how many texts were split. Joining
a row's piece cells in column order gives back the exact text (with its line breaks as
LF): pieces are cut by Excel's count, never inside a character or an escape.

The workbook streams (openpyxl write-only mode): column widths are estimated from the first
rows before any row is written, cells without a style are passed as plain values and styled
cells share one style array per kind. It is written to a temporary file beside `path` and
moved into place; an error or a cancel removes the temporary file and leaves whatever was
at `path` untouched. `progress(done, total)` is called every 1,000 rows (total: the record
rows plus a few steps for the report sheets and the save), `cancelled()` as often; when it
returns True the write stops with `Cancelled`.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from retention_desktop.domain.catalog import NO_TEAM
from retention_desktop.domain.metrics import Report
from retention_desktop.sheets import labels
from retention_desktop.sheets.model import (
    ACTION_COLUMNS,
    BOOL,
    DATE,
    EMPLOYEE_COLUMNS,
    EXIT_COLUMNS,
    EXIT_TYPE,
    INT,
    MONEY,
    STATUS,
    TEXT,
    Cancelled,
    ExportData,
)

__all__ = ["CELL_LIMIT", "write_workbook"]

# Kinds of the report tables' numbers, besides INT: a decimal such as an average
# headcount, and a rate (a plain fraction shown as a percentage).
DECIMAL, RATE = "decimal", "rate"
_MONTHLY_KINDS = [TEXT, INT, INT, INT, INT, INT, INT, DECIMAL, RATE]

CELL_LIMIT = 32_767  # the most characters (UTF-16 units) an Excel cell holds
# No text of this many characters or fewer can pass the limit, even with every character
# escaped (`_xHHHH_`, 7 characters) or outside the BMP (2 units).
_SURELY_FITS = CELL_LIMIT // 7
_RISKY_START = frozenset("=+-@\t\r\n")
_ERROR_VALUES = frozenset(ERROR_CODES)
_ESCAPE_RE = re.compile(r"_x[0-9A-Fa-f]{4}_")

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
INT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"
RATE_FORMAT = "0.0%"

HEADER_FONT = Font(name="Calibri", size=11, bold=True)
NOTE_FONT = Font(name="Calibri", size=11, italic=True)
HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
HEADER_BORDER = Border(bottom=Side(style="thin", color="808080"))
TITLE_FONT = Font(name="Calibri", size=14, bold=True)
SPLIT_FILL = PatternFill("solid", start_color="FFF2CC")

SAMPLE_ROWS = 500  # rows looked at to fit the column widths
MIN_WIDTH, MAX_WIDTH = 8, 60
PROGRESS_EVERY = 1_000
REPORT_STEPS = 7  # the six report sheets and the save


def write_workbook(
    path: Path | str,
    data: ExportData,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write `data` as an .xlsx workbook at `path` (see the module's docstring)."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f"{path.stem}.", suffix=".xlsx.part"
        )
    except OSError as error:  # said of the workbook asked for, not of its temporary
        raise OSError(error.errno, error.strerror, str(path)) from error
    os.close(handle)
    book = Workbook(write_only=True)
    try:
        _Writer(book, data, progress, cancelled).write()
        _save(book, temporary)
        os.replace(temporary, path)
    except BaseException as error:
        _discard(book)
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError) and error.filename in (None, temporary) and error.errno:
            # a full disk says which file it could not write: the workbook asked for
            raise OSError(error.errno, error.strerror, str(path)) from error
        raise
    if progress is not None:
        total = len(data.employees) + len(data.exits) + len(data.actions) + REPORT_STEPS
        progress(total, total)


def _save(book: Workbook, target: str) -> None:
    """Workbook.save, with the archive closed even when a write fails (a full disk):
    openpyxl's own leaves it to the garbage collector, whose close fails again."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if not book.worksheets:
        book.create_sheet()
    book.properties.modified = datetime.now(tz=UTC).replace(tzinfo=None)
    with ZipFile(target, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).write_data()


def _discard(book: Workbook) -> None:
    """Close and delete the temporary files of a write-only workbook that is not saved."""
    for sheet in book.worksheets:
        writer = sheet._writer
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            if sheet._rows is not None:
                sheet._rows.close()
            writer.close()
        with contextlib.suppress(Exception):
            writer.cleanup()


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


def _long_pieces(value) -> list[str] | None:
    """The pieces of a text too long for one cell; None when it fits."""
    if value.__class__ is not str or len(value) <= _SURELY_FITS:
        return None
    text = _cell_text(value)
    if _units(text) <= CELL_LIMIT:
        return None
    return _pieces(text)


def _display_width(text: str) -> int:
    """Columns `text` takes in a sheet: CJK and other wide characters count twice."""
    if text.isascii():
        return len(text)
    wide = unicodedata.east_asian_width
    return sum(2 if wide(ch) in "WF" else 1 for ch in text)


# --- cells ---------------------------------------------------------------------------------


def _money_format(currency: str) -> str:
    sign = (currency or "").replace('"', "").strip()
    return f'"{sign}"#,##0.00' if sign else "#,##0.00"


class _Styles:
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
        self.money_format = _money_format(currency)


class _Cells:
    """Makes the cells of one sheet."""

    def __init__(self, sheet, styles: _Styles) -> None:
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
        if len(text) > _SURELY_FITS and _units(text) > CELL_LIMIT:
            raise ValueError(f"a text of {len(text):,} characters does not fit in one cell")
        cell = Cell(self.sheet, 1, 1, None, self.styles.text if style is None else style)
        cell.value = text
        cell.data_type = "s"
        return cell

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
                len(value) > _SURELY_FITS
                or value[0] in risky
                or value in errors
                or "\r" in value
                or illegal(value) is not None
            ):
                if splittable and _long_pieces(value) is not None:
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


# --- the workbook --------------------------------------------------------------------------


class _Writer:
    def __init__(self, book: Workbook, data: ExportData, progress, cancelled) -> None:
        self.book = book
        self.data = data
        self.lang = labels.language(data.lang)
        self._progress = progress
        self._cancelled = cancelled
        self.total = len(data.employees) + len(data.exits) + len(data.actions) + REPORT_STEPS
        self.done = 0
        self.names = labels.sheet_names(self.lang)
        self.sheets = [book.create_sheet(name) for name in self.names]
        self.styles = _Styles(self.sheets[0], data.currency)
        self.split_texts = 0

    # progress and cancel

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()
        if self._progress is not None:
            self._progress(self.done, self.total)

    def step(self) -> None:
        self.done += 1
        self.check()

    # the sheets

    def write(self) -> None:
        data, lang, report = self.data, self.lang, self.data.report
        self.check()
        monthly = [
            (m.month, m.opening, m.hires, m.separations, m.voluntary, m.involuntary, m.closing,
             m.average_headcount, m.turnover_rate)
            for m in report.monthly
        ]  # fmt: skip
        reasons = [(r.reason, r.separations, r.share) for r in report.by_reason]
        teams = [
            (t.team, t.separations, t.average_headcount, t.turnover_rate) for t in report.by_team
        ]
        tables = [  # sheet, header labels and keys, kinds, rows
            (1, labels.MONTHLY, list(labels.MONTHLY), _MONTHLY_KINDS, monthly),
            (2, labels.BY_REASON, list(labels.BY_REASON), [TEXT, INT, RATE], reasons),
            (3, labels.BY_TEAM, list(labels.BY_TEAM), [TEXT, INT, DECIMAL, RATE], teams),
            (4, labels.TENURE, list(labels.TENURE), [TEXT, INT], report.tenure_at_exit),
        ]
        for index, columns, rows in (
            (5, EMPLOYEE_COLUMNS, data.employees),
            (6, EXIT_COLUMNS, data.exits),
            (7, ACTION_COLUMNS, data.actions),
        ):
            keys = [c.key for c in columns]
            tables.append((index, labels.COLUMNS, keys, [c.kind for c in columns], rows))
        curve = report.survival.steps if report.survival is not None else []
        tables.append((8, labels.SURVIVAL_CURVE, list(labels.SURVIVAL_CURVE),
                       [INT, RATE, RATE, RATE, INT], curve))  # fmt: skip
        # Texts too long for a cell are found first: the Summary says how many were split.
        plans = [_long_text_plan(kinds, rows) for *_, kinds, rows in tables]
        self.split_texts = sum(count for plan in plans for _, count in plan.values())
        self.write_summary(self.sheets[0], report)
        self.step()
        for (index, table, keys, kinds, rows), plan in zip(tables, plans, strict=True):
            sheet = self.sheets[index]
            headers = [labels.text(table, key, lang) for key in keys]
            records = 5 <= index <= 7
            self.write_table(sheet, headers, kinds, rows, plan=plan, counted=records)
            if index == 1:
                self.monthly_chart(sheet, report)
            elif index == 2:
                self.reason_chart(sheet, report)
            if not records:
                self.step()
        self.check()

    def write_table(
        self,
        sheet,
        headers: list[str],
        kinds: list[str],
        rows: Sequence[tuple],
        *,
        plan: dict[int, tuple[int, int]],
        counted: bool = False,
    ) -> None:
        """A table from A1: the header row, then one row per item of `rows` (values in the
        order of `kinds`); frozen below the header, filtered, widths fitted. `plan` maps
        each column holding texts too long for a cell to (pieces, texts) of its longest
        text. `counted`: rows count in the progress."""
        lang, cells = self.lang, _Cells(sheet, self.styles)
        # continuation columns at the right end, in column order
        splits: list[tuple[int, int]] = []  # (column, its first continuation among the extra)
        extra_headers: list[str] = []
        for index in sorted(plan):
            splits.append((index, len(extra_headers)))
            pieces = plan[index][0]
            extra_headers += [
                labels.CONTINUED[lang].format(header=headers[index], n=n) for n in range(1, pieces)
            ]
        all_headers = headers + extra_headers
        widths = _fit_widths(headers, kinds, rows, self.lang, self.styles.money_format)
        widths += [MAX_WIDTH] * len(extra_headers)
        for number, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = width
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"
        _page_setup(sheet, landscape=True, fit_width=not counted)
        last = get_column_letter(len(all_headers))
        sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
        sheet.append([cells.styled(h, self.styles.header) for h in all_headers])

        converters = [
            (i, f)
            for i, kind in enumerate(kinds)
            if (f := cells.converter(kind, lang, splittable=i in plan)) is not None
        ]
        append = sheet.append
        split_style = self.styles.split
        forced = cells.forced_text
        extra_count = len(extra_headers)
        for number, values in enumerate(rows, start=1):
            row = list(values)
            for i, convert in converters:
                row[i] = convert(row[i])
            if splits:
                extra = [None] * extra_count
                for i, first_extra in splits:
                    pieces = _long_pieces(values[i])
                    if pieces is not None:
                        row[i] = forced(pieces[0], split_style)
                        for n, piece in enumerate(pieces[1:]):
                            extra[first_extra + n] = forced(piece, split_style)
                row += extra
            append(row)
            if counted and number % PROGRESS_EVERY == 0:
                self.done += PROGRESS_EVERY
                self.check()
        if counted:
            self.done += len(rows) % PROGRESS_EVERY
            self.check()

    def monthly_chart(self, sheet, report: Report) -> None:
        """Separations per month as columns, the turnover rate as a line on a second axis."""
        lang, months = self.lang, report.monthly
        last = len(months) + 1
        chart = BarChart()
        chart.type = "col"
        typed = all(m.separations == m.voluntary + m.involuntary for m in months)
        if typed:  # every separation has a type: voluntary and involuntary stacked
            chart.grouping = "stacked"
            chart.overlap = 100
            chart.add_data(
                Reference(sheet, min_col=5, max_col=6, min_row=1, max_row=last),
                titles_from_data=True,
            )
        else:
            chart.add_data(
                Reference(sheet, min_col=4, min_row=1, max_row=last), titles_from_data=True
            )
        categories = Reference(sheet, min_col=1, min_row=2, max_row=last)
        _text_categories(chart, categories)
        chart.x_axis.axPos = "b"
        chart.title = labels.text(labels.CHARTS, "monthly_title", lang)
        chart.x_axis.title = labels.text(labels.CHARTS, "month_axis", lang)
        chart.y_axis.title = labels.text(labels.CHARTS, "separations_axis", lang)
        chart.y_axis.number_format = "0"

        line = LineChart()
        line.add_data(Reference(sheet, min_col=9, min_row=1, max_row=last), titles_from_data=True)
        _text_categories(line, categories)
        for series in line.series:
            series.smooth = False
        line.y_axis.axId = 200
        line.y_axis.axPos = "r"
        line.y_axis.title = labels.text(labels.CHARTS, "rate_axis", lang)
        line.y_axis.number_format = RATE_FORMAT
        line.y_axis.majorGridlines = None
        line.y_axis.crosses = "max"
        for axis in (chart.x_axis, chart.y_axis, line.y_axis):
            axis.delete = False
        # the rate's axis crosses a category axis of its own, hidden, as Excel writes a
        # secondary axis: crossing the visible one, LibreOffice draws that one again on top
        line.x_axis.axId = 500
        line.x_axis.delete = True
        line.y_axis.crossAx = 500
        chart += line
        chart.legend.position = "b"
        chart.width = min(40.0, max(18.0, 1.0 * len(months)))
        chart.height = 10.0
        sheet.add_chart(chart, "K2")

    def reason_chart(self, sheet, report: Report) -> None:
        """Separations by reason as horizontal bars, most first."""
        lang, reasons = self.lang, report.by_reason
        if not reasons:
            return
        last = len(reasons) + 1
        chart = BarChart()
        chart.type = "bar"
        chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=last), titles_from_data=True)
        _text_categories(chart, Reference(sheet, min_col=1, min_row=2, max_row=last))
        chart.y_axis.axPos = "b"
        chart.title = labels.text(labels.CHARTS, "reason_title", lang)
        chart.x_axis.title = labels.text(labels.CHARTS, "reason_axis", lang)
        chart.y_axis.title = labels.text(labels.CHARTS, "separations_axis", lang)
        chart.y_axis.number_format = "0"
        # most separations on top: categories from the top down, values along the bottom
        chart.x_axis.scaling.orientation = "maxMin"
        chart.y_axis.crosses = "max"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.legend = None
        chart.width = 20.0
        chart.height = max(7.5, 0.7 * len(reasons) + 3)
        sheet.add_chart(chart, "E2")

    def write_summary(self, sheet, report: Report) -> None:
        data, lang, styles = self.data, self.lang, self.styles
        cells = _Cells(sheet, styles)
        text = cells.text_converter()
        summary = labels.SUMMARY

        def label(key: str, table=summary) -> Cell:
            return cells.styled(labels.text(table, key, lang), styles.label)

        def header(*keys: str) -> list:
            return [cells.styled(labels.text(summary, key, lang), styles.header) for key in keys]

        period = data.period
        period_text = labels.period_text(
            str(period.first), str(period.last), period.month_count, lang
        )
        if data.team is None:
            team = labels.text(summary, "all_teams", lang)
        else:
            team = data.team or NO_TEAM.label(lang)
        generated = data.generated_at
        if generated.tzinfo is not None:
            generated = generated.replace(tzinfo=None)

        figures = vars(report.summary)
        kinds = {
            "average_headcount": DECIMAL,
            "turnover_cost": MONEY,
        }
        number_styles = {INT: styles.int, DECIMAL: styles.decimal, RATE: styles.rate}
        number_styles[MONEY] = styles.money

        def kind_of(key: str, value) -> str:
            if key in kinds:
                return kinds[key]
            return INT if isinstance(value, int) else RATE

        rows: list[list] = [
            [cells.styled(labels.text(summary, "title", lang), styles.title)],
            [label("shop"), text(data.shop_name)],
            [label("period"), text(period_text)],
            [label("team"), text(team)],
            [label("generated_at"), cells.styled(generated, styles.datetime)],
            [],
            header("figure", "value"),
        ]
        for key in labels.FIGURES:
            value = figures[key]
            rows.append(
                [
                    label(key, labels.FIGURES),
                    cells.number(value, number_styles[kind_of(key, value)]),
                ]
            )
        rows += [[], header("new_hire_survival", "share")]
        for days, share in report.new_hire_survival.items():
            name = labels.SURVIVAL[lang].format(days=days)
            rows.append([cells.styled(name, styles.label), cells.number(share, styles.rate)])
        rows += [[], header("seasonality", "separations")]
        month_names = labels.MONTH_NAMES[lang]
        for month, count in report.seasonality:
            rows.append(
                [
                    cells.styled(month_names[month - 1], styles.label),
                    cells.number(count, styles.int),
                ]
            )
        seasons = [
            (labels.season_name(season.code, lang), run, labels.season_set_as(season, lang))
            for season, run in data.peak_seasons
        ]
        if seasons:  # each season's real dates in the years of the period
            rows += [[], header("peak_seasons", "year", "season_from", "season_to", "set_as")]
            for name, run, set_as in seasons:
                rows.append([text(name), cells.number(run.year, styles.int),
                             run.start, run.end, text(set_as)])  # fmt: skip
        actions = data.action_figures
        if actions is not None:
            rows += [[], header("actions", "planned", "done", "cancelled")]
            for name, *counts in [
                *actions.by_type,
                (labels.text(summary, "actions_total", lang), actions.planned, actions.done,
                 actions.cancelled),
            ]:  # fmt: skip
                rows.append(
                    [cells.styled(name, styles.label)]
                    + [cells.number(count, styles.int) for count in counts]
                )
            rows.append([label("actions_cost"), cells.number(actions.cost_done, styles.money)])
        if self.split_texts:
            note = summary["split_note"][lang].format(count=self.split_texts)
            rows += [[], *([cells.styled(line, styles.note)] for line in note.split("\n"))]

        label_texts = [
            *(labels.text(summary, k, lang) for k in ("shop", "period", "team", "generated_at")),
            *(labels.text(labels.FIGURES, k, lang) for k in labels.FIGURES),
            *(labels.SURVIVAL[lang].format(days=d) for d in report.new_hire_survival),
            labels.text(summary, "seasonality", lang),
            *(labels.text(summary, k, lang) for k in ("peak_seasons",) if seasons),
            *(name for name, _, _ in seasons),
            *(name for name, *_ in (data.action_figures.by_type if data.action_figures else [])),
        ]
        value_texts = [period_text, team, data.shop_name or "", "0000-00-00 00:00"]
        first = max(map(_display_width, label_texts)) + 2
        second = max(map(_display_width, value_texts)) + 2
        _page_setup(sheet, landscape=False, fit_width=True)
        sheet.column_dimensions["A"].width = min(MAX_WIDTH, max(MIN_WIDTH, first))
        sheet.column_dimensions["B"].width = min(MAX_WIDTH, max(16, second))
        if seasons:  # dates whole (not ####), and how each season is set
            for column in ("C", "D"):
                sheet.column_dimensions[column].width = 12
            widest = max(_display_width(set_as) for _, _, set_as in seasons) + 2
            sheet.column_dimensions["E"].width = min(MAX_WIDTH, max(MIN_WIDTH, widest))
        for row in rows:
            sheet.append(row)


def _page_setup(sheet, *, landscape: bool, fit_width: bool) -> None:
    """Printing: the orientation, and all columns on one page's width when `fit_width`."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    if fit_width:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0


def _text_categories(chart, labels: Reference) -> None:
    """Category labels that are text (openpyxl's set_categories refers to them as numbers)."""
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(labels)))


def _long_text_plan(kinds: Sequence[str], rows: Sequence[tuple]) -> dict[int, tuple[int, int]]:
    """For each text column holding texts too long for one cell: the pieces its longest
    text needs and how many of its texts are too long."""
    plan: dict[int, tuple[int, int]] = {}
    limit = _SURELY_FITS
    for index, kind in enumerate(kinds):
        if kind != TEXT:
            continue
        longest, count = 1, 0
        for value in map(itemgetter(index), rows):
            if value.__class__ is str and len(value) > limit:
                pieces = _long_pieces(value)
                if pieces is not None:
                    longest, count = max(longest, len(pieces)), count + 1
        if count:
            plan[index] = (longest, count)
    return plan


def _fit_widths(
    headers: list[str], kinds: list[str], rows: Sequence[tuple], lang: str, money_format: str
) -> list[int]:
    """A width per column: its header or its widest value among the first rows (the
    longest line of a text), plus a margin, within MIN_WIDTH .. MAX_WIDTH."""
    sample = rows[:SAMPLE_ROWS]
    sign = money_format.split('"')[1] if '"' in money_format else ""
    words = {key: labels.word(key, lang) for key in labels.WORDS}
    widths = []
    for index, (header, kind) in enumerate(zip(headers, kinds, strict=True)):
        widest = _display_width(header) + 3  # bold, and the filter's button
        for value in map(itemgetter(index), sample):
            if value is None:
                continue
            if kind == TEXT or (kind in (EXIT_TYPE, STATUS) and value not in words):
                text = value if value.__class__ is str else str(value)
                shown = max(
                    (_display_width(line[: MAX_WIDTH + 1]) for line in text[:2000].split("\n")),
                    default=0,
                )
            elif kind == DATE:
                shown = 11  # yyyy-mm-dd, right-aligned: a space before the next column
            elif kind == INT:
                shown = len(f"{value:,}")
            elif kind == MONEY:
                shown = _display_width(sign) + len(f"{value:,.2f}")
            elif kind == DECIMAL:
                shown = len(f"{value:,.1f}")
            elif kind == RATE:
                shown = 7
            elif kind == BOOL:
                shown = _display_width(words["yes" if value else "no"])
            else:
                shown = _display_width(words[value])
            widest = max(widest, shown + 2)
        widths.append(min(MAX_WIDTH, max(MIN_WIDTH, math.ceil(widest))))
    return widths
