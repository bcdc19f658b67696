"""What goes into and comes out of spreadsheets, as plain data: the import format of
shared/DESIGN.md and the rows of an export. The store fills and reads these; the readers
and writers in retention_desktop.sheets know files, never the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import ActionFigures, Report
from retention_desktop.domain.seasons import Run, Season

# --- import --------------------------------------------------------------------------------

# The import format's fields, in the order of DESIGN.md's table and of the template.
FIELDS = (
    "employee_no",
    "name",
    "team",
    "position",
    "hire_date",
    "exit_date",
    "exit_type",
    "exit_reason",
    "phone",
    "notes",
    "exit_way",
    "destination",
)
REQUIRED = ("name", "hire_date")
# The header of each field in the template and in an export's Employees sheet.
HEADERS = {
    "employee_no": {"en": "Employee no.", "zh_CN": "工号"},
    "name": {"en": "Name", "zh_CN": "姓名"},
    "team": {"en": "Team", "zh_CN": "部门"},
    "position": {"en": "Position", "zh_CN": "岗位"},
    "hire_date": {"en": "Hire date", "zh_CN": "入职日期"},
    "exit_date": {"en": "Exit date", "zh_CN": "离职日期"},
    "exit_type": {"en": "Exit type", "zh_CN": "离职类型"},
    "exit_reason": {"en": "Exit reason", "zh_CN": "离职原因"},
    "phone": {"en": "Phone", "zh_CN": "电话"},
    "notes": {"en": "Notes", "zh_CN": "备注"},
    "exit_way": {"en": "Way of leaving", "zh_CN": "离职方式"},
    "destination": {"en": "Destination", "zh_CN": "离职去向"},
}
DATE_ORDERS = ("ymd", "mdy", "dmy")
# More data rows than this and a file is refused with a message (a shop's roster history
# is a few thousand rows; the import is tested and measured at 100,000).
MAX_ROWS = 150_000


@dataclass(frozen=True)
class ImportRow:
    """One valid data row: one employment spell."""

    row: int  # the row number in the file as a spreadsheet shows it (the header is row 1)
    name: str
    hire_date: date
    employee_no: str | None = None
    team: str = ""
    position: str = ""
    exit_date: date | None = None
    exit_type: str | None = None  # "voluntary", "involuntary" or None
    exit_reason: str | None = None  # the text as in the file, trimmed; None when empty
    phone: str = ""
    notes: str = ""
    exit_way: str | None = None  # a code of EXIT_WAYS, or None
    destination: str | None = None  # the text as in the file, trimmed; None when empty


@dataclass(frozen=True)
class Problem:
    """Something wrong in the file. `row` is None for the file as a whole, `column` the
    header as written in the file (None when no one column is meant), `field` the import
    field (None when the column maps to none). `code` names the rule broken (the UI
    translates by it, with `value` and `params`); `message` is the English sentence the
    CLI prints, saying where: 'row 5, column 入职日期 (hire date): 2024-02-30 is not a date'.
    """

    row: int | None
    column: str | None
    field: str | None
    code: str
    value: str | None
    message: str
    params: dict = field(default_factory=dict)


@dataclass
class ParsedFile:
    """A file read for import: what was found, and each row valid or not."""

    path: str
    kind: str  # "csv" or "xlsx"
    sheet: str | None  # the xlsx sheet read
    encoding: str | None  # the CSV encoding found: "utf-8", "utf-8-sig" or "gb18030"
    headers: list[str]  # the header row as written (stripped)
    mapping: list[str | None]  # for each column, the field it feeds (None: not imported)
    date_order: str | None  # "ymd", "mdy" or "dmy"; None when undecided and needed
    date_order_detected: bool  # True when the file decided it (or no slash dates)
    preview: list[list[str]]  # the first data rows, cells as text
    row_count: int  # data rows (blank rows skipped)
    rows: list[ImportRow]
    problems: list[Problem]

    @property
    def clean(self) -> bool:
        return not self.problems

    @property
    def columns(self) -> dict[str, str]:
        """The header of each field the file feeds."""
        return {f: h for h, f in zip(self.headers, self.mapping, strict=False) if f is not None}


# --- export --------------------------------------------------------------------------------

# Column kinds of the record sheets: how a value is written and formatted.
TEXT, DATE, INT, MONEY, BOOL, EXIT_TYPE, STATUS = (
    "text",
    "date",
    "int",
    "money",
    "bool",
    "exit_type",
    "status",
)


@dataclass(frozen=True)
class Column:
    key: str  # the header's key in sheets.labels
    kind: str


# Employees: one row per spell, the import format's columns first (an export imports
# back), then what the shop reads: employed or not, days employed.
EMPLOYEE_COLUMNS = (
    Column("employee_no", TEXT),
    Column("name", TEXT),
    Column("team", TEXT),
    Column("position", TEXT),
    Column("hire_date", DATE),
    Column("exit_date", DATE),
    Column("exit_type", EXIT_TYPE),
    Column("exit_reason", TEXT),
    Column("phone", TEXT),
    Column("notes", TEXT),
    Column("exit_way", TEXT),
    Column("destination", TEXT),
    Column("employed", BOOL),
    Column("days_employed", INT),
)
# Exits: every field of an exit, with the conversation notes and the handover state.
EXIT_COLUMNS = (
    Column("employee_no", TEXT),
    Column("name", TEXT),
    Column("team", TEXT),
    Column("position", TEXT),
    Column("hire_date", DATE),
    Column("exit_date", DATE),  # the last working day
    Column("notice_date", DATE),
    Column("exit_type", EXIT_TYPE),
    Column("exit_reason", TEXT),  # the primary reason
    Column("further_reasons", TEXT),
    Column("regrettable", BOOL),
    Column("eligible_for_rehire", BOOL),  # None: not decided
    Column("days_employed", INT),
    Column("handover_done", INT),
    Column("handover_items", INT),
    Column("handover", TEXT),  # each item: done or not, date, note
    Column("conversation_notes", TEXT),
    Column("exit_way", TEXT),  # added later: last, so that the others keep their columns
    Column("destination", TEXT),
    Column("keep_tried", BOOL),  # whether the shop tried to keep them
    Column("keep_offer", TEXT),  # the kind of action offered
)
# Actions: every retention action (for one employee or a whole team).
ACTION_COLUMNS = (
    Column("employee_no", TEXT),
    Column("name", TEXT),
    Column("team", TEXT),
    Column("action_type", TEXT),
    Column("title", TEXT),
    Column("planned_date", DATE),
    Column("due_date", DATE),
    Column("owner", TEXT),
    Column("cost", MONEY),
    Column("status", STATUS),
    Column("done_date", DATE),
    Column("outcome", TEXT),
    Column("notes", TEXT),
)


@dataclass
class ExportData:
    """Everything one export writes: the period's report (the figures of `report --json`
    for the same period and team) and the records, as tuples in the order of the columns
    above. Sequences, so that their length is known for the progress."""

    lang: str  # "zh_CN" or "en": sheet names, headers, words
    shop_name: str
    generated_at: datetime
    period: Period
    team: str | None
    currency: str  # the sign money is shown with, such as ¥
    report: Report
    employees: Sequence[tuple] = ()
    exits: Sequence[tuple] = ()
    actions: Sequence[tuple] = ()
    action_figures: ActionFigures | None = None  # the actions of the period, counted
    # each peak season's real dates in the years of the period (domain.seasons)
    peak_seasons: Sequence[tuple[Season, Run]] = ()
