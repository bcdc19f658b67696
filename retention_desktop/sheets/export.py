"""The Excel export: one .xlsx of a period's figures and records, in the shop's language.

`write_workbook(path, data)` writes these sheets (names in `labels.SHEETS`):

- Summary: the shop, the period, the team, when it was written; the period's key figures
  (`report.summary`), new-hire survival, separations by calendar month and the peak
  seasons of the period: each season's real dates in each year of the period it touches
  (a season set relative to Spring Festival moves with it) and how it is set.
- Monthly: every field of each month (the month a date cell, its first day, shown
  yyyy-mm), with a chart of separations per month (voluntary and involuntary stacked when
  every separation has a type) and the turnover rate as a line on a secondary axis.
- By reason, By team, Tenure at exit: the report's tables, each with a chart
  (sheets.charts).
- Employees (EMPLOYEE_COLUMNS: the import format's columns first, under the import's own
  headers, so an export imports back), Exits (EXIT_COLUMNS), Actions (ACTION_COLUMNS).
- Survival: the Kaplan-Meier curve of the period's hires (METRICS.md), a row per day on
  which someone left: the share still employed after it, its 95% range and how many were
  still observed; charted as a line.

Every figure is the report's own number: integers as integers and fractions as the exact
double (written with all its digits), shown through number formats only (rates `0.0%`,
integers `#,##0`, money with the shop's currency sign, dates `yyyy-mm-dd` on real date
cells). Tables have a styled header row, frozen panes below it, an autofilter over the
whole table and column widths fitted to the header and the first rows (CJK characters
count twice, capped at 60). A text of several lines, or wider than its column, wraps, and
its row is made tall enough for its lines, every cell of it at the top (openpyxl does not
size rows: sheets.printing estimates the height). Every sheet prints landscape on A4, one
page wide, with its header row on each page and a footer (sheets.printing).

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
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter

from retention_desktop.domain.catalog import NO_TEAM
from retention_desktop.domain.metrics import Report
from retention_desktop.sheets import charts, labels
from retention_desktop.sheets.cells import (
    CELL_LIMIT,
    DECIMAL,
    MONTH,
    RATE,
    SURELY_FITS,
    Cells,
    Styles,
    long_pieces,
)
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
from retention_desktop.sheets.printing import display_width as _display_width
from retention_desktop.sheets.printing import needs_wrap, page_setup, row_height, text_lines

__all__ = ["CELL_LIMIT", "write_workbook"]

_MONTHLY_KINDS = [MONTH, INT, INT, INT, INT, INT, INT, DECIMAL, RATE]

SAMPLE_ROWS = 500  # rows looked at to fit the column widths
MIN_WIDTH, MAX_WIDTH = 8, 60
PROGRESS_EVERY = 1_000
REPORT_STEPS = 7  # the six report sheets and the save
CHARTS = {  # the sheets with a chart, by their index
    1: charts.monthly_chart,
    2: charts.reason_chart,
    3: charts.team_chart,
    4: charts.tenure_chart,
    8: charts.survival_chart,
}


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
        self.styles = Styles(self.sheets[0], data.currency)
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
            if index in CHARTS:
                CHARTS[index](sheet, report, lang)
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
        lang, cells = self.lang, Cells(sheet, self.styles)
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
        page_setup(sheet, title_rows="1:1")
        last = get_column_letter(len(all_headers))
        sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
        # a header wider than its column's values takes two lines (the column as narrow as
        # its values, so that a wide sheet prints larger on its one page's width)
        two_lines = [needs_wrap(h, w) for h, w in zip(all_headers, widths, strict=True)]
        if any(two_lines):
            heights = sheet.row_dimensions
            heights[1].height = row_height(2, not all(h.isascii() for h in all_headers))
        header, wrapped = self.styles.header, self.styles.header_wrapped
        sheet.append([cells.styled(h, wrapped if two else header)
                      for h, two in zip(all_headers, two_lines, strict=True)])  # fmt: skip

        converters = [
            (i, f)
            for i, kind in enumerate(kinds)
            if (f := cells.converter(kind, lang, splittable=i in plan)) is not None
        ]
        append = sheet.append
        split_style = self.styles.split
        forced = cells.forced_text
        extra_count = len(extra_headers)
        texts = [(i, widths[i]) for i, kind in enumerate(kinds) if kind == TEXT]
        heights = sheet.row_dimensions
        for number, values in enumerate(rows, start=1):
            row = list(values)
            for i, convert in converters:
                row[i] = convert(row[i])
            height = 0.0
            for i, width in texts:  # a text of several lines: wrapped, and its row taller
                value = values[i]
                if value.__class__ is str and row[i] is not None and needs_wrap(value, width):
                    if "\r" in value:
                        value = value.replace("\r\n", "\n").replace("\r", "\n")
                    lines = text_lines(value, width)
                    height = max(height, row_height(lines, not value.isascii()))
                    row[i] = cells.wrapped(row[i])
            if height > row_height(1):
                heights[number + 1].height = height
                row = [cells.at_top(value) for value in row]
            if splits:
                extra = [None] * extra_count
                for i, first_extra in splits:
                    pieces = long_pieces(values[i])
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

    def write_summary(self, sheet, report: Report) -> None:
        data, lang, styles = self.data, self.lang, self.styles
        cells = Cells(sheet, styles)
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
        page_setup(sheet, title_rows=None)
        sheet.column_dimensions["A"].width = min(MAX_WIDTH, max(MIN_WIDTH, first))
        sheet.column_dimensions["B"].width = min(MAX_WIDTH, max(16, second))
        if seasons:  # dates whole (not ####), and how each season is set
            for column in ("C", "D"):
                sheet.column_dimensions[column].width = 12
            widest = max(_display_width(set_as) for _, _, set_as in seasons) + 2
            sheet.column_dimensions["E"].width = min(MAX_WIDTH, max(MIN_WIDTH, widest))
        for row in rows:
            sheet.append(row)


def _long_text_plan(kinds: Sequence[str], rows: Sequence[tuple]) -> dict[int, tuple[int, int]]:
    """For each text column holding texts too long for one cell: the pieces its longest
    text needs and how many of its texts are too long."""
    plan: dict[int, tuple[int, int]] = {}
    limit = SURELY_FITS
    for index, kind in enumerate(kinds):
        if kind != TEXT:
            continue
        longest, count = 1, 0
        for value in map(itemgetter(index), rows):
            if value.__class__ is str and len(value) > limit:
                pieces = long_pieces(value)
                if pieces is not None:
                    longest, count = max(longest, len(pieces)), count + 1
        if count:
            plan[index] = (longest, count)
    return plan


def _two_line_width(header: str) -> float:
    """The width a header needs on two lines: split at the space that balances them best,
    or (Chinese, no spaces) in the middle; one line when it is a single word."""
    words = header.split(" ")
    if len(words) > 1:
        return min(
            max(_display_width(" ".join(words[:k])), _display_width(" ".join(words[k:])))
            for k in range(1, len(words))
        )
    if header.isascii():
        return _display_width(header)
    return math.ceil(_display_width(header) / 4) * 2  # whole characters of width 2


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
        widest = _two_line_width(header) + 3  # bold, and the filter's button
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
            elif kind == MONTH:
                shown = 8  # yyyy-mm
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
