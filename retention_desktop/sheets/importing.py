"""Reading an import file (shared/DESIGN.md, "Import format") into validated rows: which
column feeds which field, the order of slash dates, every cell checked, and the rows checked
against each other. Nothing here writes anything; the store imports a clean file's rows.

    parsed = read_import("roster.xlsx")
    if parsed.clean: ... parsed.rows ...
    else: for problem in parsed.problems: print(problem.message)
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from retention_desktop.domain.catalog import EXIT_WAYS, type_of_way
from retention_desktop.domain.records import TEXT_LIMITS
from retention_desktop.sheets.model import (
    DATE_ORDERS,
    FIELDS,
    HEADERS,
    MAX_ROWS,
    REQUIRED,
    ImportRow,
    ParsedFile,
    Problem,
)
from retention_desktop.sheets.reading import (
    EVERY,
    Formula,
    Meter,
    RawSheet,
    cell_text,
    column_letter,
    continuation_of,
    detect_mapping,
    fold_header,
    read_sheet,
)

__all__ = ["PREVIEW_ROWS", "parse_date_text", "read_import"]

PREVIEW_ROWS = 20
FIRST_YEAR, LAST_YEAR = 1900, 2199
ORDER_WORDS = {"ymd": "year/month/day", "mdy": "month/day/year", "dmy": "day/month/year"}


def _way_words() -> dict[str, str]:
    """Each way of leaving by the words a file may write it with (folded as headers are)."""
    words = {
        "resigned": "resignation", "quit": "resignation", "absconded": "walked_off",
        "left without notice": "walked_off", "no show": "walked_off", "mutual": "mutual",
        "dismissed": "dismissal", "fired": "dismissal", "contract ended": "contract_end",
        "contract expired": "contract_end", "probation failed": "failed_probation",
        "主动辞职": "resignation", "旷工自离": "walked_off", "协商一致解除": "mutual",
        "开除": "dismissal", "合同到期不续签": "contract_end", "试用期未通过": "failed_probation",
    }  # fmt: skip
    for way in EXIT_WAYS:
        for text in (way.code, way.zh, way.en):
            words[text] = way.code
    return {fold_header(text): code for text, code in words.items()}


EXIT_WAY_WORDS = _way_words()
EXIT_TYPES = {
    "voluntary": "voluntary",
    "involuntary": "involuntary",
    "主动": "voluntary",
    "被动": "involuntary",
    "主动离职": "voluntary",
    "被动离职": "involuntary",
}

# What parse_date_text gives when a text is not a date (else a date, or None when empty).
BAD = "bad_date"
TIMED = "timed"  # a time of day other than midnight
TWO_DIGIT = "two_digit_year"
UNDECIDED = "undecided"  # a slash date whose order is not known
WRONG_ORDER = "wrong_order"  # a year-last date when the order is year/month/day

_NUMERIC = re.compile(
    r"(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})"
    r"(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.0+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?"
)
_CHINESE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MISSING = object()


def _make(year: int, month: int, day: int) -> date | str:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return BAD
    try:
        return date(year, month, day)
    except ValueError:
        return BAD


def _midnight(match: re.Match) -> bool:
    hour, minute, second, half = match.group(5, 6, 7, 8)
    if hour is None:
        return True
    if int(minute) or (second is not None and int(second)):
        return False
    if half is not None:
        return int(hour) == 12 and half in "Aa"
    return int(hour) == 0


def parse_date_text(text: str, order: str | None) -> date | str | None:
    """A date written as text: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, and a
    date with the year last (03/05/2024) in `order` ("mdy" or "dmy"; None: known only when
    both readings agree). A time of day may follow when it is midnight. None for an empty
    text; else one of BAD, TIMED, TWO_DIGIT, UNDECIDED, WRONG_ORDER."""
    text = text.strip()
    if not text:
        return None
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            found = date.fromisoformat(text)
        except ValueError:
            return BAD
        return found if FIRST_YEAR <= found.year <= LAST_YEAR else BAD
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    match = _NUMERIC.fullmatch(text)
    if match is not None:
        first, middle, last = match.group(1, 3, 4)
        if not _midnight(match):
            return TIMED
        if len(first) == 4 and len(last) <= 2:
            return _make(int(first), int(middle), int(last))
        if len(last) == 4 and len(first) <= 2:
            a, b, year = int(first), int(middle), int(last)
            if order == "mdy":
                return _make(year, a, b)
            if order == "dmy":
                return _make(year, b, a)
            if order == "ymd":
                return WRONG_ORDER
            as_mdy, as_dmy = _make(year, a, b), _make(year, b, a)
            if as_mdy == as_dmy or as_dmy == BAD:
                return as_mdy
            return as_dmy if as_mdy == BAD else UNDECIDED
        if len(first) <= 2 and len(last) <= 2:
            return TWO_DIGIT
        return BAD
    match = _CHINESE.fullmatch(text) or _COMPACT.fullmatch(text)
    if match is not None:
        return _make(int(match[1]), int(match[2]), int(match[3]))
    return BAD


def _year_last_parts(text: str) -> tuple[int, int] | None:
    """The first two numbers of a date written with a four-digit year last, else None."""
    text = text.strip()
    if len(text) >= 5 and text[:4].isdigit():  # year first, or 20240305
        return None
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    match = _NUMERIC.fullmatch(text)
    if match is None or len(match[4]) != 4 or len(match[1]) > 2:
        return None
    return int(match[1]), int(match[3])


DATE_FIELDS = ("hire_date", "exit_date")


def _joined(values: list, pieces: dict[int, list[int]]) -> list:
    """A row with each continued text joined back from its pieces."""
    values = list(values)
    for base, rest in pieces.items():
        parts = [values[base], *(values[index] for index in rest)]
        if any(part is not None and part != "" for part in parts[1:]):
            values[base] = "".join(part if type(part) is str else cell_text(part) for part in parts)
    return values


# --- the problems' words -------------------------------------------------------------------


def _label(field: str) -> str:
    return HEADERS[field]["en"].lower()


class _Problems:
    """Problems as they are found, each with the key it is sorted by (the file as a whole
    first, then by row and column)."""

    def __init__(self, headers: list[str]) -> None:
        self.headers = headers
        self.items: list[tuple[tuple, Problem]] = []

    def column(self, index: int | None) -> str | None:
        if index is None:
            return None
        return self.headers[index] or f"{column_letter(index)} (no header)"

    def where(self, row: int | None, index: int | None, field: str | None) -> str:
        parts = []
        if row is not None:
            parts.append(f"row {row}")
        if index is not None:
            header = self.column(index)
            named = f"column {header}"
            if field is not None and fold_header(self.headers[index]) != fold_header(
                HEADERS[field]["en"]
            ):
                named += f" ({_label(field)})"
            parts.append(named)
        elif field is not None:
            parts.append(_label(field))
        return ", ".join(parts)

    def add(
        self,
        row: int | None,
        index: int | None,
        field: str | None,
        code: str,
        value: str | None,
        text: str,
        *,
        located: bool = True,
        **params,
    ) -> None:
        where = self.where(row, index, field) if located else ""
        message = f"{where}: {text}" if where else text
        key = (row is not None, row or 0, -1 if index is None else index)
        self.items.append(
            (key, Problem(row, self.column(index), field, code, value, message, params))
        )

    def sorted(self) -> list[Problem]:
        return [problem for _, problem in sorted(self.items, key=lambda item: item[0])]


# --- the read ------------------------------------------------------------------------------


def read_import(
    path: Path | str,
    *,
    mapping: Sequence[str | None] | None = None,
    date_order: str | None = None,
    max_rows: int = MAX_ROWS,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ParsedFile:
    """Read an import file and check every row. `mapping` (one field or None per column)
    overrides the columns found from the headers; `date_order` ("ymd", "mdy", "dmy")
    decides slash dates such as 03/05/2024, else the file does when it can. (A mapping of
    another length than the headers, from before the file changed, is not used.)
    `progress(done, total)` is told now and then; `cancelled()` returning true raises
    Cancelled.

    A file that cannot be read at all raises SheetError; everything else wrong (a missing
    column, an undecided date order, a bad cell, rows that contradict each other) is a
    Problem in the result, whose `rows` are the valid rows."""
    if date_order is not None and date_order not in DATE_ORDERS:
        raise ValueError(f"the date order must be one of {', '.join(DATE_ORDERS)}")
    with _collector_paused():
        raw = read_sheet(path, max_rows=max_rows, progress=progress, cancelled=cancelled)
        return _Check(raw, mapping, date_order, Meter(progress, cancelled)).run()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a file is read: the rows read are
    hundreds of thousands of new containers, which would set it off again and again
    (a third of the time of a 100,000-row read) for no garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Check:
    def __init__(
        self,
        raw: RawSheet,
        mapping: Sequence[str | None] | None,
        date_order: str | None,
        meter: Meter,
    ) -> None:
        self.raw = raw
        self.headers = raw.headers
        self.meter = meter
        if mapping is None or len(mapping) != len(self.headers):
            self.mapping = detect_mapping(self.headers)
        else:
            unknown = [f for f in mapping if f is not None and f not in FIELDS]
            if unknown:
                raise ValueError(f"unknown import fields: {', '.join(map(str, unknown))}")
            self.mapping = list(mapping)
        self.problems = _Problems(self.headers)
        self.order = date_order
        self.order_detected = date_order is None
        self.rows: list[ImportRow] = []

    # the steps ---------------------------------------------------------------------------

    def run(self) -> ParsedFile:
        raw = self.raw
        columns_ok = self._check_mapping()
        if self.order is None:
            self._detect_order()
        if columns_ok:
            self._check_rows()
            self._check_across()
        return ParsedFile(
            path=str(raw.path),
            kind=raw.kind,
            sheet=raw.sheet,
            encoding=raw.encoding,
            headers=list(self.headers),
            mapping=list(self.mapping),
            date_order=self.order,
            date_order_detected=self.order_detected,
            preview=[[cell_text(v) for v in values] for _, values in raw.rows[:PREVIEW_ROWS]],
            row_count=len(raw.rows),
            rows=self.rows,
            problems=self.problems.sorted(),
        )

    def _check_mapping(self) -> bool:
        """Each field fed by one column at most; the required fields fed."""
        ok = True
        seen: dict[str, int] = {}
        for index, field in enumerate(self.mapping):
            if field is None:
                continue
            if field in seen:
                first = self.problems.column(seen[field])
                this = self.problems.column(index)
                self.problems.add(
                    None, index, field, "duplicate_column", None,
                    f"columns {first} and {this} are both imported as the {_label(field)}: "
                    "import only one of them",
                    located=False, columns=[first, this],
                )  # fmt: skip
                ok = False
            else:
                seen[field] = index
        for field in REQUIRED:
            if field not in seen:
                names = HEADERS[field]
                self.problems.add(
                    None, None, field, "missing_column", None,
                    f"no column for the {_label(field)} was found: give it a header such as "
                    f"{names['zh_CN']} or {names['en']}",
                    located=False,
                )  # fmt: skip
                ok = False
        return ok

    def _date_columns(self) -> list[int]:
        return [i for i, f in enumerate(self.mapping) if f in ("hire_date", "exit_date")]

    def _detect_order(self) -> None:
        """Decide the order of slash dates with the year last from the file: a first
        number over 12 says day/month/year, a second number over 12 month/day/year."""
        columns = self._date_columns()
        if not columns:
            return
        seen: set[str] = set()
        evidence: dict[str, tuple[int, int, str]] = {}
        ambiguous = None
        for number, values in self.raw.rows:
            for index in columns:
                value = values[index]
                if type(value) is not str or value in seen:
                    continue
                seen.add(value)
                parts = _year_last_parts(value)
                if parts is None:
                    continue
                a, b = parts
                if a > 12 and 1 <= b <= 12:
                    evidence.setdefault("dmy", (number, index, value.strip()))
                elif b > 12 and 1 <= a <= 12:
                    evidence.setdefault("mdy", (number, index, value.strip()))
                elif a != b and 1 <= a <= 12 and 1 <= b <= 12 and ambiguous is None:
                    ambiguous = (number, index, value.strip())
        if len(evidence) == 2:
            (drow, dindex, dvalue), (mrow, mindex, mvalue) = evidence["dmy"], evidence["mdy"]
            self.order_detected = False
            self.problems.add(
                None, None, None, "date_order_conflict", None,
                f"slash dates are written in different orders: {dvalue} (row {drow}, column "
                f"{self.problems.column(dindex)}) is day/month/year but {mvalue} (row {mrow}, "
                f"column {self.problems.column(mindex)}) is month/day/year; correct them, or "
                "choose the order with --date-order",
                dmy_row=drow, dmy_value=dvalue, mdy_row=mrow, mdy_value=mvalue,
            )  # fmt: skip
        elif evidence:
            self.order = next(iter(evidence))
        elif ambiguous is not None:
            row, index, value = ambiguous
            self.order_detected = False
            self.problems.add(
                None, None, None, "date_order_needed", value,
                f"slash dates such as {value} (row {row}, column {self.problems.column(index)}) "
                "could be month/day/year or day/month/year: choose the order, e.g. "
                "--date-order mdy or --date-order dmy",
                example_row=row, example_column=self.problems.column(index),
            )  # fmt: skip

    def _check_rows(self) -> None:
        """Every cell of every row: the valid rows become ImportRows."""
        raw, problems, mapping = self.raw, self.problems, self.mapping
        at = {field: index for index, field in enumerate(mapping) if field is not None}
        (i_no, i_name, i_team, i_position, i_hire, i_exit, i_type, i_reason, i_phone, i_notes,
         i_way, i_place) = (at.get(f) for f in FIELDS)  # fmt: skip
        order = self.order
        cache: dict = {}
        mapped = [index for index, field in enumerate(mapping) if field is not None]
        formula_rows = raw.formula_rows
        rows = self.rows
        pieces = self._continuations()
        total = 2 * len(raw.rows)
        done = len(raw.rows)

        def date_of(value):
            kind = type(value)
            if kind is str:
                found = cache.get(value, _MISSING)
                if found is _MISSING:
                    found = cache[value] = parse_date_text(value, order)
                return found
            if value is None:
                return None
            if kind is datetime:
                value = value.date()
                kind = date
            if kind is date:
                return value if FIRST_YEAR <= value.year <= LAST_YEAR else BAD
            if kind is int or (kind is float and value.is_integer()):
                return parse_date_text(str(int(value)), order) if value >= 0 else BAD
            return BAD

        def text_of(value) -> str:
            if type(value) is str:
                return value.strip()
            return cell_text(value)

        for position, (number, values) in enumerate(raw.rows):
            if not position % EVERY and position:
                self.meter(done + position, total)
            before = len(problems.items)
            skip: set[str] = set()
            undecided = False  # a date waits for the order of slash dates
            if pieces:
                values = _joined(values, pieces)
            if position in formula_rows:
                values = list(values)
                for index in mapped:
                    value = values[index]
                    if type(value) is Formula:
                        problems.add(
                            number, index, mapping[index], "formula", value.text,
                            f"a formula ({value.text}); type the value instead",
                        )  # fmt: skip
                        skip.add(mapping[index])
                        values[index] = None

            name = text_of(values[i_name])
            if not name and "name" not in skip:
                problems.add(number, i_name, "name", "required", None, "the name is missing")

            hire_cell = values[i_hire]
            hired = date_of(hire_cell)
            if hired is None:
                if "hire_date" not in skip:
                    problems.add(
                        number, i_hire, "hire_date", "required", None, "the hire date is missing"
                    )
            elif type(hired) is str:
                undecided |= hired == UNDECIDED
                self._bad_date(number, i_hire, "hire_date", hire_cell, hired)
                hired = None

            exited = None
            exit_ok = True
            if i_exit is not None:
                exit_cell = values[i_exit]
                exited = date_of(exit_cell)
                if type(exited) is str:
                    undecided |= exited == UNDECIDED
                    self._bad_date(number, i_exit, "exit_date", exit_cell, exited)
                    exited, exit_ok = None, False
                elif exited is not None and hired is not None and exited < hired:
                    problems.add(
                        number, i_exit, "exit_date", "exit_before_hire", exited.isoformat(),
                        f"the exit date {exited.isoformat()} is before the hire date "
                        f"{hired.isoformat()}",
                        hire_date=hired.isoformat(),
                    )  # fmt: skip
                if "exit_date" in skip:
                    exit_ok = False

            exit_type = None
            type_text = ""
            if i_type is not None:
                type_text = text_of(values[i_type])
                if type_text:
                    exit_type = EXIT_TYPES.get(type_text.casefold())
                    if exit_type is None:
                        problems.add(
                            number, i_type, "exit_type", "bad_exit_type", type_text,
                            f"{type_text} is not an exit type: write voluntary or involuntary "
                            "(主动 or 被动)",
                        )  # fmt: skip
            reason = text_of(values[i_reason]) if i_reason is not None else ""
            way, way_text = None, text_of(values[i_way]) if i_way is not None else ""
            if way_text:
                way = EXIT_WAY_WORDS.get(fold_header(way_text))
                if way is None:
                    problems.add(
                        number, i_way, "exit_way", "bad_exit_way", way_text,
                        f"{way_text} is not a way of leaving: write resignation, walked off, "
                        "mutual agreement, dismissal, contract end or failed probation "
                        "(辞职, 自离, 协商解除, 辞退, 合同到期 or 试用期不合格)",
                    )  # fmt: skip
                elif exit_type is None and not type_text:
                    exit_type = type_of_way(way)  # the type the way means
            place = text_of(values[i_place]) if i_place is not None else ""

            if exited is None and exit_ok and (type_text or reason or way_text or place):
                given = type_text or reason or way_text or place
                if i_exit is not None:
                    index, field = i_exit, "exit_date"
                else:
                    index, field = next(
                        (i, f) for i, f, text in ((i_type, "exit_type", type_text),
                                                  (i_reason, "exit_reason", reason),
                                                  (i_way, "exit_way", way_text),
                                                  (i_place, "destination", place)) if text
                    )  # fmt: skip
                problems.add(
                    number, index, field, "exit_details_without_exit", given,
                    f"an exit type, reason, way or destination is given ({given}) but no exit date",
                )  # fmt: skip

            for field, index in (("name", i_name), ("employee_no", i_no), ("phone", i_phone)):
                text = text_of(values[index]) if index is not None else ""
                limit = TEXT_LIMITS[field]
                if len(text) > limit:
                    problems.add(
                        number, index, field, "too_long", text[:20] + "…",
                        f"{len(text):,} characters, at most {limit} allowed",
                        limit=limit, length=len(text),
                    )  # fmt: skip
            if undecided or len(problems.items) != before:
                continue
            number_text = text_of(values[i_no]) if i_no is not None else ""
            rows.append(
                ImportRow(
                    row=number,
                    name=name,
                    hire_date=hired,
                    employee_no=number_text or None,
                    team=text_of(values[i_team]) if i_team is not None else "",
                    position=text_of(values[i_position]) if i_position is not None else "",
                    exit_date=exited,
                    exit_type=exit_type,
                    exit_reason=reason or None,
                    phone=text_of(values[i_phone]) if i_phone is not None else "",
                    notes=text_of(values[i_notes]) if i_notes is not None else "",
                    exit_way=way,
                    destination=place or None,
                )
            )
        self.meter(total, total)

    def _continuations(self) -> dict[int, list[int]]:
        """For each text column an export continued (a text longer than a cell holds),
        the columns holding the rest, in order."""
        found: dict[int, list[tuple[int, int]]] = {}
        for index, header in enumerate(self.headers):
            continued = continuation_of(header) if self.mapping[index] is None else None
            if continued is None:
                continue
            base, number = continued
            for other, (text, field) in enumerate(zip(self.headers, self.mapping, strict=True)):
                if text == base and field is not None and field not in DATE_FIELDS:
                    found.setdefault(other, []).append((number, index))
                    break
        return {base: [index for _, index in sorted(parts)] for base, parts in found.items()}

    def _bad_date(self, number: int, index: int, field: str, cell, why: str) -> None:
        value = cell_text(cell)
        if why == UNDECIDED:
            return  # the file-level date_order problem says it
        if why == TWO_DIGIT:
            self.problems.add(
                number, index, field, "two_digit_year", value,
                f"{value}: write the year with four digits (such as 2024)",
            )  # fmt: skip
            return
        if why == TIMED:
            text = f"{value} is not a date (it has a time of day)"
        elif why == WRONG_ORDER:
            text = f"{value} is not a date in the order year/month/day"
        elif self.order in ("mdy", "dmy") and _year_last_parts(value) is not None:
            text = f"{value} is not a date (read as {ORDER_WORDS[self.order]})"
        else:
            text = f"{value} is not a date"
        self.problems.add(number, index, field, "bad_date", value, text)

    def _check_across(self) -> None:
        """The valid rows against each other: the same spell twice; for one employee no.,
        another name, spells that overlap, two spells still open."""
        problems, at = self.problems, {f: i for i, f in enumerate(self.mapping) if f}
        i_name, i_hire = at["name"], at["hire_date"]
        first_of: dict[tuple, ImportRow] = {}
        people: dict[str, list[ImportRow]] = {}
        flagged: set[int] = set()
        for row in self.rows:
            name = " ".join(row.name.split()).casefold()
            key = (row.employee_no, row.hire_date) if row.employee_no else ("", name, row.hire_date)
            other = first_of.get(key)
            if other is not None:
                hired = row.hire_date.isoformat()
                who = f"employee no. {row.employee_no}" if row.employee_no else f"name {row.name}"
                problems.add(
                    row.row, i_hire, "hire_date", "duplicate", hired,
                    f"the same {who} and hire date {hired} as row {other.row}",
                    other_row=other.row,
                )  # fmt: skip
                flagged.add(row.row)
                continue
            first_of[key] = row
            if row.employee_no:
                people.setdefault(row.employee_no, []).append(row)

        for number, spells in people.items():
            if len(spells) < 2:
                continue
            first = spells[0]
            first_name = " ".join(first.name.split()).casefold()
            for row in spells[1:]:
                if " ".join(row.name.split()).casefold() != first_name:
                    problems.add(
                        row.row, i_name, "name", "name_differs", row.name,
                        f"employee no. {number} is {first.name} on row {first.row} but "
                        f"{row.name} here",
                        other_row=first.row, other_name=first.name,
                    )  # fmt: skip
                    flagged.add(row.row)
            ordered = sorted(spells, key=lambda r: (r.hire_date, r.row))
            latest = ordered[0]  # the spell that reaches furthest so far
            for row in ordered[1:]:
                hired = row.hire_date.isoformat()
                if latest.exit_date is None and row.exit_date is None:
                    problems.add(
                        row.row, i_hire, "hire_date", "two_open", hired,
                        f"employee no. {number} is still employed on row {latest.row} too: "
                        "give the earlier employment its exit date",
                        other_row=latest.row,
                    )  # fmt: skip
                    flagged.add(row.row)
                elif latest.exit_date is None or row.hire_date <= latest.exit_date:
                    until = (
                        f"to {latest.exit_date.isoformat()}"
                        if latest.exit_date
                        else "and still employed"
                    )
                    problems.add(
                        row.row, i_hire, "hire_date", "overlap", hired,
                        f"employee no. {number} hired {hired} overlaps the employment on row "
                        f"{latest.row} (hired {latest.hire_date.isoformat()} {until})",
                        other_row=latest.row,
                    )  # fmt: skip
                    flagged.add(row.row)
                if latest.exit_date is not None and (
                    row.exit_date is None or row.exit_date > latest.exit_date
                ):
                    latest = row
        if flagged:
            self.rows = [row for row in self.rows if row.row not in flagged]
