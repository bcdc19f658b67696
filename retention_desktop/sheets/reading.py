"""Reading a .csv or .xlsx file into raw rows: which sheet, which row holds the headers,
and each non-blank data row's cells as the file has them (text from a CSV; text, numbers,
dates and formulas from an .xlsx). What the cells mean is importing.py's business.

The header row is the first of a sheet's first non-blank rows whose headers name both
required fields (so a title row above the headers is passed over); failing that, the first
of them that names the most fields, or else the first non-blank row. An .xlsx is read from
the first sheet whose header row names both required fields, else from the first sheet
that has anything in it."""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601

from retention_desktop.sheets import safety
from retention_desktop.sheets.model import FIELDS, HEADERS, REQUIRED, Cancelled, SheetError

try:  # openpyxl's package reader (stable since openpyxl 2.6): its parts, not its sheets
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS
except ImportError:  # pragma: no cover - another openpyxl: the public, slower loop
    ExcelReader = SHARED_STRINGS = None
FAST_XLSX = ExcelReader is not None

# How many non-blank rows at the top of a sheet may hold the headers.
HEADER_SEARCH = 10
# A CSV larger than this is refused unread (no roster of MAX_ROWS rows comes near it).
MAX_CSV_BYTES = 512 << 20
# How often (in rows) progress is told and cancellation asked.
EVERY = 2048

# --- headers -------------------------------------------------------------------------------

ALIASES = {
    "employee_no": (
        "employee no", "employee number", "employee id", "emp no", "emp id", "staff no",
        "staff number", "staff id", "工号", "员工编号", "员工工号", "员工号", "职工号",
        "编号",
    ),
    "name": (
        "name", "full name", "employee name", "staff name", "姓名", "员工姓名", "名字",
        "员工",
    ),
    "team": ("team", "department", "dept", "group", "部门", "小组", "组别", "团队", "班组",
             "所属部门", "所在部门"),
    "position": ("position", "job title", "title", "role", "job", "岗位", "职位", "职务"),
    "hire_date": (
        "hire date", "hired", "date hired", "hired on", "start date", "join date", "joined",
        "入职日期", "入职时间", "入职日", "到岗日期",
    ),
    "exit_date": (
        "exit date", "last day", "last working day", "leave date", "leaving date",
        "end date", "termination date", "离职日期", "离职时间", "离职日", "最后工作日",
    ),
    "exit_type": ("exit type", "leave type", "termination type", "离职类型", "离职性质"),
    "exit_reason": ("exit reason", "reason", "reason for leaving", "leave reason",
                    "离职原因", "原因"),
    "phone": ("phone", "phone number", "phone no", "mobile", "mobile phone", "tel",
              "telephone", "电话", "手机", "手机号", "手机号码", "联系电话", "联系方式"),
    "notes": ("notes", "note", "remarks", "remark", "comments", "comment", "备注", "说明"),
    "exit_way": ("exit way", "way of leaving", "how they left", "separation type",
                 "离职方式", "离职形式"),
    "destination": ("destination", "went to", "where they went", "离职去向", "去向"),
}  # fmt: skip

_PUNCT = str.maketrans({"_": " ", "-": " ", ".": " ", ":": " ", "*": " ", "#": " "})
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>")
_PARTS = re.compile(r"[/|\n\\]")


def fold_header(text: str) -> str:
    """A header as compared: full-width forms made plain, case folded, `_ - . : * #` as
    spaces, runs of spaces as one, none around."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_PUNCT)
    return " ".join(text.split())


def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for name in FIELDS:
        for text in (name, HEADERS[name]["en"], HEADERS[name]["zh_CN"], *ALIASES[name]):
            table.setdefault(fold_header(text), name)
    return table


HEADER_FIELDS = _lookup()


# The columns an export adds when a text is longer than a cell holds: "备注（续 1）", "Notes
# (continued 1)", ...: the rest of the text of the column headed "备注" or "Notes".
_CONTINUED = re.compile(r"(?P<base>.*?)\s*[(（](?:continued|续)\s*(?P<n>\d+)[)）]", re.IGNORECASE)


def continuation_of(text: str) -> tuple[str, int] | None:
    """(the header continued, the piece's number) for a continuation column's header."""
    match = _CONTINUED.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None or not match["base"]:
        return None
    return match["base"], int(match["n"])


def field_of_header(text: str) -> str | None:
    """The import field a header names, or None: '入职日期', 'Hire date', 'hire_date',
    ' HIRE  DATE ', '入职日期(必填)', '入职日期 / Hire date' all name hire_date."""
    key = fold_header(text)
    if not key or continuation_of(text) is not None:
        return None
    found = HEADER_FIELDS.get(key)
    if found is not None:
        return found
    unbracketed = _BRACKETS.sub(" ", unicodedata.normalize("NFKC", text))
    found = HEADER_FIELDS.get(fold_header(unbracketed))
    if found is not None:
        return found
    parts = {HEADER_FIELDS.get(fold_header(p)) for p in _PARTS.split(unbracketed)}
    parts.discard(None)
    return parts.pop() if len(parts) == 1 else None


def detect_mapping(headers: Iterable[str]) -> list[str | None]:
    return [field_of_header(h) for h in headers]


def _header_score(values: list) -> tuple[bool, int]:
    fields = {field_of_header(cell_text(v)) for v in values}
    fields.discard(None)
    return all(f in fields for f in REQUIRED), len(fields)


def choose_header(candidates: list[tuple[int, list]]) -> tuple[int, bool]:
    """Which of the first non-blank rows holds the headers, and whether it names both
    required fields."""
    scores = [_header_score(values) for _, values in candidates]
    for n, (complete, _) in enumerate(scores):
        if complete:
            return n, True
    best = max(range(len(scores)), key=lambda n: (scores[n][1], -n))
    return best, False


# --- cells ---------------------------------------------------------------------------------


class Formula:
    """An .xlsx cell that holds a formula (its text, such as '=TODAY()')."""

    __slots__ = ("text",)

    def __init__(self, text: object) -> None:
        text = getattr(text, "text", text)  # an array formula's text
        self.text = text if isinstance(text, str) else "=" + type(text).__name__

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Formula({self.text!r})"


def cell_text(value: object) -> str:
    """A cell as text, stripped: numbers without a needless '.0', dates as YYYY-MM-DD."""
    kind = type(value)
    if kind is str:
        return value.strip()
    if value is None:
        return ""
    if kind is int:
        return str(value)
    if kind is float:
        return str(int(value)) if value.is_integer() else repr(value)
    if kind is bool:
        return "TRUE" if value else "FALSE"
    isoformat = getattr(value, "isoformat", None)
    if isoformat is not None:
        if hasattr(value, "hour") and hasattr(value, "date"):  # a datetime
            if not (value.hour or value.minute or value.second or value.microsecond):
                return value.date().isoformat()
            return value.isoformat(" ")
        return isoformat()
    return str(value).strip()


def is_blank(values: list) -> bool:
    for value in values:
        if value is None:
            continue
        if type(value) is str and (not value or value.isspace()):
            continue
        return False
    return True


# --- what a read gives ---------------------------------------------------------------------


@dataclass
class RawSheet:
    """A file read: its headers and its non-blank data rows, cells as found."""

    path: Path
    kind: str  # "csv" or "xlsx"
    sheet: str | None
    encoding: str | None
    header_row: int  # the header's row number (1 unless title rows stand above it)
    headers: list[str]
    rows: list[tuple[int, list]]  # (row number, one value per header)
    formula_rows: set[int] = field(default_factory=set)  # indexes into rows


class Meter:
    """Progress and cancellation, asked every EVERY rows."""

    def __init__(
        self,
        progress: Callable[[int, int], object] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.progress, self.cancelled = progress, cancelled

    def __call__(self, done: int, total: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        if self.progress is not None:
            self.progress(min(done, total) if total else done, total)


def too_many_rows(path: Path, limit: int) -> SheetError:
    return SheetError(
        "too_many_rows",
        f"{path.name} has more than {limit:,} rows: split it into smaller files",
        limit=limit,
    )


def _collect(
    path: Path,
    rows: Iterator[tuple[int, list]],
    candidates: list[tuple[int, list]],
    start: int,
    max_rows: int,
    meter: Meter,
    estimate: int,
    formulas: set[int] | None = None,
) -> tuple[int, list[str], list[tuple[int, list]], set[int]]:
    """The header row (candidates[start]) and every non-blank data row after it, each cut
    or padded to the headers' width. `formulas` holds the row numbers with formulas."""
    header_row, header_values = candidates[start]
    headers = [cell_text(v) for v in header_values]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    data: list[tuple[int, list]] = []
    formula_rows: set[int] = set()
    total = 2 * estimate
    for number, values in chain(candidates[start + 1 :], rows):
        size = len(values)
        if size != width:
            values = values[:width] if size > width else values + [None] * (width - size)
        if is_blank(values):
            continue
        if len(data) >= max_rows:
            raise too_many_rows(path, max_rows)
        if formulas and number in formulas:
            formula_rows.add(len(data))
        data.append((number, values))
        if not len(data) % EVERY:
            meter(len(data), total)
    return header_row, headers, data, formula_rows


def read_sheet(
    path: Path | str,
    *,
    max_rows: int,
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RawSheet:
    """Read `path` (an .xlsx or a CSV, told apart by content) into a RawSheet, or raise
    SheetError saying why it cannot be read."""
    path = Path(path)
    meter = Meter(progress, cancelled)
    meter(0, 0)
    with path.open("rb") as handle:
        head = handle.read(64)
    if not head:
        raise empty_file(path)
    kind, what = safety.sniff(head)
    if kind == "xlsx":
        return read_xlsx(path, max_rows=max_rows, meter=meter)
    if kind == "ole2":
        raise SheetError(
            "encrypted_or_xls",
            f"{path.name} is password-protected or an old .xls workbook: open it in Excel or "
            "WPS and save it as .xlsx without a password",
        )
    if kind == "binary":
        raise safety.not_a_spreadsheet(path, what)
    if kind == "markup":
        raise safety.not_a_spreadsheet(path, "a web page or XML file")
    return read_csv(path, max_rows=max_rows, meter=meter)


def empty_file(path: Path) -> SheetError:
    return SheetError("empty", f"{path.name} is empty")


def only_headers(path: Path) -> SheetError:
    return SheetError("only_headers", f"{path.name} has a header row but no rows of data under it")


# --- CSV -----------------------------------------------------------------------------------


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a CSV and its encoding: UTF-8 with or without BOM; else GB18030 when
    that reads as ordinary Chinese; else what charset-normalizer finds it most likely is
    (Windows-1252, Shift-JIS, Big5…: GB18030 reads almost any bytes, as rare characters,
    so `Müller` in Latin-1 would come in as `M黮ler`). The import preview names it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _encoding_error(path, "it is UTF-16")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _try(data, "utf-8-sig"), "utf-8-sig"
    else:
        text, encoding = _try(data, "utf-8"), "utf-8"
        if text is None:
            text, encoding = _try(data, "gb18030"), "gb18030"
            if text is None or not _ordinary_chinese(text):
                encoding = _detect(data)
                text = _try(data, encoding) if encoding else None
    if text is None:
        raise _encoding_error(path)
    if "\x00" in text:  # UTF-16 without a BOM, or binary
        sample = data[:4096]
        if sample.count(b"\x00") * 3 >= len(sample):
            raise _encoding_error(path, "it looks like UTF-16")
        raise safety.not_a_spreadsheet(path)
    return text, encoding


# the most likely encodings first, when charset-normalizer finds several as likely
PREFERRED = ("gb18030", "big5", "cp932", "cp1252")
DETECT_BYTES = 64 * 1024  # enough to tell; the whole file would take seconds
CLEAN = 0.05  # charset-normalizer's "chaos" of text that reads cleanly (0: no oddity)


def _ordinary_chinese(text: str) -> bool:
    """Whether the text outside ASCII is, but for a few, in GB2312's common characters
    (what a Chinese roster is written in, and what other encodings read as GB18030 are
    not)."""
    others = [c for c in set(text) if ord(c) > 0x7F]
    if not others:
        return True
    rare = 0
    for char in others:
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare <= max(2, len(others) // 20)


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer finds the bytes most likely written in."""
    from charset_normalizer import from_bytes

    # UTF-16 and UTF-32 are refused as before (see the BOM check): one way to read them
    found = [m for m in from_bytes(data[:DETECT_BYTES]) if not m.encoding.startswith("utf_")]
    least = min((match.chaos for match in found), default=1.0)
    if least > CLEAN:  # no encoding reads it as clean text: bytes, not words
        return None
    likely = [match.encoding for match in found if match.chaos <= least + 0.02]
    return next((name for name in PREFERRED if name in likely), likely[0])


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _encoding_error(path: Path, why: str | None = None) -> SheetError:
    found = f" ({why})" if why else ""
    return SheetError(
        "encoding",
        f"the encoding of {path.name}'s text could not be recognised{found}: save it from "
        'Excel as "CSV UTF-8" or as .xlsx',
        why=why,
    )


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the first non-blank line holds most of, outside
    quotes (a comma when none)."""
    line = ""
    for line in islice(io.StringIO(text, newline=""), 50):
        if line.strip():
            break
    counts = dict.fromkeys(",;\t", 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda c: (counts[c], c == ","))
    return best if counts[best] else ","


def read_csv(path: Path, *, max_rows: int, meter: Meter) -> RawSheet:
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise too_many_rows(path, max_rows)
    data = path.read_bytes()
    text, encoding = decode(path, data)
    del data
    if not text.strip():
        raise empty_file(path)
    delimiter = sniff_delimiter(text)
    estimate = text.count("\n") + 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def records() -> Iterator[tuple[int, list]]:
        for number, record in enumerate(reader, start=1):
            if any(record) and not is_blank(record):
                yield number, record

    try:
        rows = records()
        candidates = list(islice(rows, HEADER_SEARCH))
        if not candidates:
            raise empty_file(path)
        start, _ = choose_header(candidates)
        header_row, headers, data_rows, _ = _collect(
            path, rows, candidates, start, max_rows, meter, estimate
        )
    except csv.Error as error:
        raise SheetError(
            "not_a_spreadsheet",
            f"{path.name} cannot be read as CSV (line {reader.line_num}: {error}): choose an "
            ".xlsx file or a .csv file saved from Excel or WPS",
            line=reader.line_num,
        ) from None
    if not data_rows:
        raise only_headers(path)
    return RawSheet(path, "csv", None, encoding, header_row, headers, data_rows)


# --- XLSX ----------------------------------------------------------------------------------
#
# openpyxl reads the workbook's parts (content types, workbook, relationships, styles);
# the shared strings and the sheet rows are streamed with expat here, which is several times
# quicker than openpyxl's read-only worksheets (those parse a sheet without a <dimension>
# twice, and build an element tree for every cell). Where openpyxl's reader classes are not
# what this expects, the public read-only worksheet loop is used instead.


class _Forbidden(Exception):
    """An XML part declares a DTD or entities."""


def _entity_error(path: Path) -> SheetError:
    return SheetError(
        "xml_entities",
        f"{path.name} contains XML entity declarations, which a real spreadsheet does not; "
        "it was not opened",
    )


def _caused_by_entities(error: BaseException | None) -> bool:
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, (DefusedXmlException, _Forbidden)):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


# What a broken or hostile archive makes the readers raise (openpyxl wraps some).
_BROKEN = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    ParseError,
    expat.ExpatError,
    NotImplementedError,
    OverflowError,
    OSError,
)

CHUNK = 1 << 18
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    """Excel's escapes of characters XML cannot hold: _x000D_ is a carriage return."""
    return _ESCAPED.sub(lambda m: chr(int(m[1], 16)), text) if "_x" in text else text


def _forbid(*args) -> None:
    raise _Forbidden()


def _expat_parser():
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    return parser


def _feed(parser, source, ready: list) -> Iterator:
    while True:
        chunk = source.read(CHUNK)
        parser.Parse(chunk, not chunk)
        if ready:
            batch = ready.copy()
            ready.clear()
            yield from batch
        if not chunk:
            return


def _excel_date(number: float, epoch, duration: bool):
    """A number in a date-formatted cell as a datetime (left a number when out of range)."""
    try:
        return from_excel(number, epoch, timedelta=duration)
    except (OverflowError, ValueError):
        return number


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def read_shared_strings(source) -> list[str]:
    """The shared strings of a workbook: each <si>'s text runs, without phonetic runs."""
    strings: list[str] = []
    parts: list[str] = []
    collecting = False
    phonetic = 0

    def start(name, attrs):
        nonlocal collecting, phonetic
        tag = _local(name) if ":" in name else name
        if tag == "t":
            collecting = not phonetic
        elif tag == "si":
            parts.clear()
        elif tag == "rPh":
            phonetic += 1

    def end(name):
        nonlocal collecting, phonetic
        tag = _local(name) if ":" in name else name
        if tag == "t":
            collecting = False
        elif tag == "si":
            strings.append(_unescape("".join(parts)))
            if len(strings) > MAX_SHARED_STRINGS:
                raise _TooManyCells(MAX_SHARED_STRINGS)
        elif tag == "rPh":
            phonetic -= 1

    def text(data):
        if collecting:
            parts.append(data)

    parser = _expat_parser()
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = text
    for _ in _feed(parser, source, []):
        pass
    return strings


# element kinds of a worksheet
_C, _V, _F, _ROW, _IS, _T, _RPH, _MERGE, _DIMENSION, _OTHER = range(10)
_KINDS = {
    "c": _C,
    "v": _V,
    "f": _F,
    "row": _ROW,
    "is": _IS,
    "t": _T,
    "rPh": _RPH,
    "mergeCell": _MERGE,
    "dimension": _DIMENSION,
}
_DIGITS = "0123456789"


EXCEL_ROWS = 1_048_576  # the most rows a worksheet of Excel or WPS can have


class _RowsBeyondExcel(Exception):
    """A worksheet with rows past Excel's last one: built to take time, not a roster."""


# The most cells a worksheet (every <c>, right of the headers too) and the most shared
# strings a workbook may hold: a roster of MAX_ROWS rows with all ten columns filled has
# 1.5 million cells and fewer different texts. Reading is bounded by these, not only by
# the bytes unpacked: a file built of the cheapest cells or strings would otherwise take
# a minute to read (bench/bench_worst_sheet.py).
MAX_CELLS = 2_000_000
MAX_SHARED_STRINGS = 1_000_000


class _TooManyCells(Exception):
    """A worksheet with more cells, or a workbook with more shared strings, than a roster
    (the limit passed)."""


def too_many_cells(path: Path, limit: int) -> SheetError:
    return SheetError(
        "too_many_cells",
        f"{path.name} holds far more cells than a roster (over {limit:,}): copy the "
        "roster's columns and rows into a new workbook and import that",
        limit=limit,
    )


class _SheetRows:
    """The rows of one worksheet as (row number, values), formulas marked; after the last
    row, the sheet's merged ranges."""

    def __init__(self, open_source: Callable, shared: list, dates: set, durations: set,
                 epoch) -> None:  # fmt: skip
        self.open_source = open_source
        self.shared = shared
        self.dates = {str(s) for s in dates}  # style ids whose number format is a date
        self.durations = {str(s) for s in durations}
        self.epoch = epoch
        self.width: int | None = None  # cells right of this are not read
        self.formulas: set[int] = set()
        self.merged: list[str] | None = None  # None: not known (yet)
        self.last_row: int | None = None  # from <dimension>, when the sheet has one

    def __iter__(self) -> Iterator[tuple[int, list]]:
        shared, dates, durations, epoch = self.shared, self.dates, self.durations, self.epoch
        formulas, kinds, columns = self.formulas, dict(_KINDS), {}
        shared_formulas: dict[str, tuple[str, str]] = {}
        merged: list[str] = []
        ready: list[tuple[int, list]] = []
        values: list = []
        number = 0  # the row's number
        size = 0  # the row's values so far
        column = 0
        ref = kind = style = text = formula = None
        formula_attrs = None
        inline: list[str] | None = None
        target = 0  # where character data goes: 1 the value, 2 the formula, 3 inline text
        phonetic = 0
        limit = 16384
        cells = 0

        def kind_of(name: str) -> int:
            found = kinds[name] = _KINDS.get(_local(name), _OTHER)
            return found

        def start(name, attrs):
            nonlocal ref, kind, style, text, formula, formula_attrs, inline, target
            nonlocal number, size, column, values, phonetic, limit, cells
            tag = kinds.get(name)
            if tag is None:
                tag = kind_of(name)
            if tag == _C:
                cells += 1
                if cells > MAX_CELLS:
                    raise _TooManyCells(MAX_CELLS)
                ref = attrs.get("r")
                kind = attrs.get("t")
                style = attrs.get("s")
                text = formula = inline = None
                if ref:
                    letters = ref.rstrip(_DIGITS)
                    found = columns.get(letters)
                    if found is None:
                        found = columns[letters] = column_index_from_string(letters)
                    column = found
                else:
                    column += 1
            elif tag == _V:
                target = 1
            elif tag == _ROW:
                row_ref = attrs.get("r")
                number = int(row_ref) if row_ref else number + 1
                if number > EXCEL_ROWS:  # empty rows by the million: no sheet of Excel's
                    raise _RowsBeyondExcel
                values, size, column = [], 0, 0
                limit = self.width or 16384
            elif tag == _F:
                formula, formula_attrs, target = "", attrs, 2
            elif tag == _IS:
                inline = []
            elif tag == _T:
                target = 3 if inline is not None and not phonetic else 0
            elif tag == _RPH:
                phonetic += 1
            elif tag == _MERGE:
                merged.append(attrs.get("ref", ""))
            elif tag == _DIMENSION:
                boundaries = (
                    attrs.get("ref", "").rpartition(":")[2].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                )
                if boundaries.isdigit():
                    self.last_row = int(boundaries)

        def chars(data):
            nonlocal text, formula
            if target == 1:
                text = data if text is None else text + data
            elif target == 2:
                formula += data
            elif target == 3:
                inline.append(data)

        def end(name):
            nonlocal target, phonetic, size
            tag = kinds.get(name)
            if tag is None:
                tag = kind_of(name)
            if tag == _C:
                if column > limit:
                    return
                if formula is not None:
                    value = Formula(self._formula(formula, formula_attrs, ref, shared_formulas))
                    formulas.add(number)
                elif inline is not None:
                    value = _unescape("".join(inline)) if kind == "inlineStr" else text
                elif text is None:
                    return
                elif kind is None or kind == "n":
                    value = float(text) if "." in text or "E" in text or "e" in text else int(text)
                    if style in dates:
                        value = _excel_date(value, epoch, style in durations)
                elif kind == "s":
                    value = shared[int(text)]
                elif kind == "b":
                    value = text.strip() in ("1", "true")
                elif kind == "d":
                    value = from_ISO8601(text)
                else:  # "str", "e" (an error such as #N/A), "inlineStr" without <is>
                    value = text
                if value is None:
                    return
                if column > size:
                    values.extend([None] * (column - size))
                    size = column
                values[column - 1] = value
            elif tag in (_V, _F, _T):
                target = 0
            elif tag == _ROW:
                if size:
                    ready.append((number, values))
            elif tag == _RPH:
                phonetic -= 1

        parser = _expat_parser()
        parser.StartElementHandler, parser.EndElementHandler = start, end
        parser.CharacterDataHandler = chars
        source = self.open_source()
        try:
            yield from _feed(parser, source, ready)
        finally:
            source.close()
        self.merged = merged

    @staticmethod
    def _formula(text: str, attrs: dict | None, ref: str | None, shared: dict) -> str:
        """A formula's text (a shared formula's dependent cells hold none of their own)."""
        attrs = attrs or {}
        if attrs.get("t") == "shared" and attrs.get("si") is not None:
            index = attrs["si"]
            if text:
                shared[index] = (text, ref or "A1")
            elif index in shared and ref:
                master, origin = shared[index]
                try:
                    return Translator("=" + master, origin).translate_formula(ref)
                except (ValueError, TypeError, KeyError, IndexError):
                    return "=" + master
        return "=" + text


def _merged_in_header(merged: list[str], header_row: int, width: int) -> list[str]:
    found: list[tuple[int, int, str]] = []
    for ref in merged:
        try:
            first_col, first_row, _last_col, last_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if first_row is None or first_col is None or last_row is None:
            continue
        if first_row <= header_row <= last_row and first_col <= max(width, 1):
            found.append((first_row, first_col, ref))
    return [ref for *_, ref in sorted(found)]


class _Book:
    """A workbook's sheets (title, rows), through openpyxl's package reader."""

    def __init__(self, handle) -> None:
        self.reader = _PartsReader(handle, read_only=True, keep_vba=False, data_only=False,
                                   keep_links=False)  # fmt: skip
        self.reader.read()

    def sheets(self) -> Iterator[tuple[str, _SheetRows]]:
        reader = self.reader
        book = reader.wb
        for title, part in reader.sheet_parts:
            rows = _SheetRows(
                lambda part=part: reader.archive.open(part),
                reader.shared_strings,
                set(getattr(book, "_date_formats", ()) or ()),
                set(getattr(book, "_timedelta_formats", ()) or ()),
                book.epoch,
            )
            yield title, rows

    def close(self) -> None:
        self.reader.archive.close()


if ExcelReader is not None:

    class _PartsReader(ExcelReader):
        """openpyxl's package reader, stopping short of the worksheets (read here) and
        skipping what the import does not use (document properties, theme)."""

        sheet_parts: list[tuple[str, str]]

        def read_strings(self) -> None:
            found = self.package.find(SHARED_STRINGS)
            self.shared_strings = []
            if found is not None:
                with self.archive.open(found.PartName[1:]) as source:
                    self.shared_strings = read_shared_strings(source)

        def read_properties(self) -> None:
            pass

        def read_custom(self) -> None:
            pass

        def read_theme(self) -> None:
            pass

        def read_worksheets(self) -> None:
            self.sheet_parts = [
                (sheet.name, rel.target)
                for sheet, rel in self.parser.find_sheets()
                if rel.target in self.valid_files and "chartsheet" not in (rel.Type or "")
            ]


class _PublicBook:
    """The sheets through openpyxl's public read-only worksheets (slower, no merges)."""

    def __init__(self, handle) -> None:
        self.book = load_workbook(handle, read_only=True, data_only=False, keep_links=False)

    def sheets(self) -> Iterator[tuple[str, _PublicRows]]:
        for sheet in self.book.worksheets:
            yield sheet.title, _PublicRows(sheet)

    def close(self) -> None:
        self.book.close()


class _PublicRows:
    def __init__(self, sheet) -> None:
        self.sheet = sheet
        self.width: int | None = None
        self.formulas: set[int] = set()
        self.merged: list[str] | None = None
        max_row = getattr(sheet, "max_row", None)
        self.last_row = max_row if isinstance(max_row, int) else None

    def __iter__(self) -> Iterator[tuple[int, list]]:
        for number, row in enumerate(self.sheet.iter_rows(), start=1):
            values = []
            for cell in row:
                value = cell.value
                if getattr(cell, "data_type", None) == "f" and value is not None:
                    value = Formula(value)
                    self.formulas.add(number)
                values.append(value)
            if any(v is not None for v in values):
                yield number, values


def read_xlsx(path: Path, *, max_rows: int, meter: Meter) -> RawSheet:
    safety.check_xlsx_archive(path)
    try:
        return _read_xlsx(path, max_rows, meter)
    except _RowsBeyondExcel:
        raise too_many_rows(path, max_rows) from None
    except _TooManyCells as error:
        raise too_many_cells(path, error.args[0]) from None


def _read_xlsx(path: Path, max_rows: int, meter: Meter) -> RawSheet:
    with warnings.catch_warnings(), path.open("rb") as handle:
        warnings.simplefilter("ignore")
        try:
            try:
                book = _Book(handle) if FAST_XLSX else _PublicBook(handle)
            except (SheetError, Cancelled, _RowsBeyondExcel, _TooManyCells):
                raise
            except _BROKEN as error:
                if _caused_by_entities(error):
                    raise _entity_error(path) from None
                raise safety.damaged(path, error) from None
            try:
                return _read_book(path, book, max_rows, meter)
            finally:
                book.close()
        except (SheetError, Cancelled, _RowsBeyondExcel, _TooManyCells):
            raise
        except (_Forbidden, *_BROKEN) as error:
            if _caused_by_entities(error):
                raise _entity_error(path) from None
            raise safety.damaged(path, error) from None


def _read_book(path: Path, book, max_rows: int, meter: Meter) -> RawSheet:
    chosen = None  # (title, rows, iterator, candidates, start)
    fallback = None
    for title, rows in book.sheets():
        iterator = iter(rows)
        candidates = list(islice(iterator, HEADER_SEARCH))
        if not candidates:
            iterator.close()
            continue
        start, complete = choose_header(candidates)
        if complete:
            chosen = (title, rows, iterator, candidates, start)
            break
        iterator.close()
        if fallback is None:
            fallback = (title, rows)
    if chosen is None:
        if fallback is None:
            raise empty_file(path)
        title, rows = fallback
        iterator = iter(rows)
        candidates = list(islice(iterator, HEADER_SEARCH))
        start, _ = choose_header(candidates)
        chosen = (title, rows, iterator, candidates, start)
    title, rows, iterator, candidates, start = chosen
    rows.width = len(candidates[start][1])
    try:
        header_row, headers, data, formula_rows = _collect(
            path, iterator, candidates, start, max_rows, meter, rows.last_row or 0, rows.formulas
        )
    finally:
        iterator.close()
    if rows.merged:
        cells = _merged_in_header(rows.merged, header_row, len(headers))
        if cells:
            text = ", ".join(cells)
            raise SheetError(
                "merged_header",
                f"the header row of {path.name} has merged cells ({text}): unmerge them so "
                "that each column has its own header",
                cells=text,
                sheet=title,
            )
    if not data:
        raise only_headers(path)
    return RawSheet(path, "xlsx", title, None, header_row, headers, data, formula_rows)


def column_letter(index: int) -> str:
    return get_column_letter(index + 1)
