"""Writing a clean import file into the database: all of it in one transaction after a
backup, or nothing.

Rows are employment spells (domain.exchange.ImportRow). The same employee no. on several
rows is one person with several spells (a rehire); a row without a number is a person of
its own. Importing the same file again adds nothing: a spell already in the file (the
same person, the same hire date) is left as it is, except that an exit the file records
for a spell still open in the database is recorded. What the file says against what the
database holds (another name for a number, another last day, a spell overlapping one in
the database) is a problem, and then nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from retention_desktop.domain.exchange import HEADERS, ImportRow, Problem
from retention_desktop.store.backup import backup_database
from retention_desktop.store.database import no_collection, writing
from retention_desktop.store.faults import faults
from retention_desktop.store.imports import KINDS, new_stamp, record_import

PROGRESS_EVERY = 2000


class ImportCancelled(Exception):
    """The user cancelled while the rows were written: the transaction was rolled back."""


@dataclass
class ImportSummary:
    """What an import wrote (or, for a dry run, would write)."""

    rows: int = 0
    employees_added: int = 0
    spells_added: int = 0
    exits_added: int = 0  # on new spells and on open spells the file closes
    exits_recorded_on_open_spells: int = 0
    already_there: int = 0  # rows whose spell the file holds already
    new_reasons: list[str] = field(default_factory=list)
    new_destinations: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    backup: Path | None = None
    written: bool = False
    import_id: int | None = None  # its record, for Undo import

    @property
    def changes(self) -> bool:
        return bool(self.spells_added or self.exits_added or self.new_reasons
                    or self.new_destinations)  # fmt: skip


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _problem(
    columns: dict[str, str],
    row: ImportRow,
    field: str,
    code: str,
    value: str,
    message: str,
    **params,
) -> Problem:
    """A problem of `row` in the column that feeds `field` (its header as in the file,
    when `columns` maps fields to headers)."""
    name = HEADERS[field]["en"].lower()
    header = columns.get(field)
    where = f"column {header} ({name})" if header else name
    return Problem(row.row, header, field, code, value, f"row {row.row}, {where}: {message}",
                   params)  # fmt: skip


@dataclass
class _Plan:
    summary: ImportSummary
    new_people: list[tuple[str, list[ImportRow]]]  # (key, rows) of people to add
    new_spells: list[tuple[int, ImportRow]]  # (employee id, row) for people in the file
    closings: list[tuple[int, ImportRow]]  # (open spell id, row with the exit)
    reasons: dict[str, int | None]  # folded label -> id (None: to be added)
    reason_labels: dict[str, str]  # folded label -> the label as the file writes it
    places: dict[str, int | None]  # the same of the destinations
    place_labels: dict[str, str]


def _plan(db: Database, rows: Sequence[ImportRow], columns: dict[str, str]) -> _Plan:
    """Match the rows with what the database holds; nothing is written."""
    summary = ImportSummary(rows=len(rows))
    by_number: dict[str, tuple[int, str]] = {}
    unnumbered: dict[tuple[str, str], int] = {}  # (folded name, hire date) -> employee id
    spells: dict[int, list[tuple[int, str, str | None, int | None]]] = {}
    with no_collection():
        for employee_id, number, name in db.execute("SELECT id, employee_no, name FROM employees"):
            if number is not None:
                by_number[number] = (employee_id, name)
        for spell_id, employee_id, hired, ended, exit_id in db.execute(
            "SELECT s.id, s.employee_id, s.hire_date, s.end_date, x.id FROM spells s "
            "LEFT JOIN exits x ON x.spell_id = s.id"
        ):
            spells.setdefault(employee_id, []).append((spell_id, hired, ended, exit_id))
        for employee_id, name, hired in db.execute(
            "SELECT e.id, e.name, s.hire_date FROM employees e "
            "JOIN spells s ON s.employee_id = e.id WHERE e.employee_no IS NULL"
        ):
            unnumbered[(_fold(name), hired)] = employee_id
    reasons, reason_labels = _labels(db, "exit_reasons"), {}
    places, place_labels = _labels(db, "destinations"), {}

    people: dict[str, list[ImportRow]] = {}
    for row in rows:
        key = f"#{row.employee_no}" if row.employee_no else f"{_fold(row.name)}|{row.hire_date}"
        people.setdefault(key, []).append(row)
        for text, known, new, added in (
            (row.exit_reason, reasons, reason_labels, summary.new_reasons),
            (row.destination, places, place_labels, summary.new_destinations),
        ):
            if text and _fold(text) not in known:
                known[_fold(text)] = None
                new[_fold(text)] = text
                added.append(text)

    new_people, new_spells, closings = [], [], []
    for key, person_rows in people.items():
        first = person_rows[0]
        if first.employee_no:
            found = by_number.get(first.employee_no)
            if found is not None and _fold(found[1]) != _fold(first.name):
                summary.problems.append(
                    _problem(columns, first, "employee_no", "number_taken", first.employee_no,
                             f"employee no. {first.employee_no} is {found[1]} in the database, "
                             f"not {first.name}", name=found[1])
                )  # fmt: skip
                continue
            employee_id = found[0] if found else None
        else:
            employee_id = unnumbered.get((_fold(first.name), first.hire_date.isoformat()))
        if employee_id is None:
            new_people.append((key, person_rows))
            summary.employees_added += 1
            summary.spells_added += len(person_rows)
            summary.exits_added += sum(1 for r in person_rows if r.exit_date is not None)
            continue
        held = spells.get(employee_id, [])
        for row in person_rows:
            _match_spell(columns, row, employee_id, held, summary, new_spells, closings)
    return _Plan(summary, new_people, new_spells, closings, reasons, reason_labels, places,
                 place_labels)  # fmt: skip


def _labels(db: Database, table: str) -> dict[str, int | None]:
    """The entries of a list (the reasons, the destinations) by each of their labels,
    folded; a built-in wins over the shop's own of the same label."""
    found: dict[str, int | None] = {}
    for entry_id, zh, en in db.execute(
        f"SELECT id, label_zh, label_en FROM {table} ORDER BY builtin, id DESC"
    ):
        found[_fold(zh)] = entry_id
        found[_fold(en)] = entry_id
    return found


def _match_spell(columns, row, employee_id, held, summary, new_spells, closings) -> None:
    hired = row.hire_date.isoformat()
    ended = row.exit_date.isoformat() if row.exit_date else None
    same = next((s for s in held if s[1] == hired), None)
    if same is not None:
        spell_id, _, db_end, _ = same
        if db_end == ended:
            summary.already_there += 1
        elif db_end is None and ended is not None:
            closings.append((spell_id, row))
            summary.exits_added += 1
            summary.exits_recorded_on_open_spells += 1
        else:
            in_db = f"ended {db_end}" if db_end else "is still open"
            in_file = f"ended {ended}" if ended else "is still open"
            summary.problems.append(
                _problem(columns, row, "exit_date", "exit_differs", ended or "",
                         f"in the database the employment from {hired} {in_db}; in the file "
                         f"it {in_file}", database=db_end or "")
            )  # fmt: skip
        return
    start, end = row.hire_date, row.exit_date or date.max
    for _, other_hired, other_end, _ in held:
        other_start = date.fromisoformat(other_hired)
        other_stop = date.fromisoformat(other_end) if other_end else date.max
        if start <= other_stop and other_start <= end:
            until = other_end or "now"
            summary.problems.append(
                _problem(columns, row, "hire_date", "overlaps_database", hired,
                         f"the employment from {hired} overlaps the one in the database from "
                         f"{other_hired} to {until}", start=other_hired, end=other_end or "")
            )  # fmt: skip
            return
    new_spells.append((employee_id, row))
    summary.spells_added += 1
    summary.exits_added += 1 if row.exit_date else 0


def plan_import(
    db: Database, rows: Sequence[ImportRow], columns: dict[str, str] | None = None
) -> ImportSummary:
    """What importing `rows` would do, and the problems that stop it (a dry run).
    `columns` gives the file's header of each field, for the problems' messages."""
    return _plan(db, rows, columns or {}).summary


def import_rows(
    db: Database,
    db_path: Path,
    rows: Sequence[ImportRow],
    *,
    columns: dict[str, str] | None = None,
    source: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Write the rows of a clean file (named `source`): a backup first, then one
    transaction that also records what it wrote, so that it can be undone. Nothing is
    written when the rows have problems against the database, nor when there is nothing
    new (then no backup either). Raises ImportCancelled (rolled back) when `cancelled()`
    turns true."""
    plan = _plan(db, rows, columns or {})
    if plan.summary.problems or not plan.summary.changes:
        return plan.summary
    plan.summary.backup = backup_database(db.conn, db_path, reason="import")
    total = len(plan.new_people) + len(plan.new_spells) + len(plan.closings)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if done % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled("the import was cancelled; nothing was written")
            if progress is not None:
                progress(done, total)

    # every row written carries the import's stamp: one edited since is told apart
    writer = _Writer(db.conn, new_stamp())
    with db.atomic():  # a cancel or an error rolls all of it back
        reasons = _add_entries(writer, "reason", plan.reasons, plan.reason_labels)
        places = _add_entries(writer, "destination", plan.places, plan.place_labels)
        lists = (reasons, places)
        for _, person_rows in plan.new_people:
            first = person_rows[0]
            employee_id = writer.insert(
                "employee", first.employee_no, first.name, _last(person_rows, "phone"),
                _last(person_rows, "notes"),
            )  # fmt: skip
            for row in person_rows:
                _insert_spell(writer, employee_id, row, lists)
            tick()
        for employee_id, row in plan.new_spells:
            _insert_spell(writer, employee_id, row, lists)
            tick()
        for spell_id, row in plan.closings:
            writer.closed_stamps[spell_id] = writer.conn.execute(
                "SELECT updated_at FROM spells WHERE id = ?", [spell_id]
            ).fetchone()[0]
            writer.conn.execute(
                "UPDATE spells SET end_date = ?, updated_at = ? WHERE id = ?",
                [row.exit_date.isoformat(), writer.stamp, spell_id],
            )
            writer.written["closed"].append(spell_id)
            _insert_exit(writer, spell_id, row, lists)
            tick()
        plan.summary.import_id = record_import(
            writer.conn,
            writer.stamp,
            source,
            len(rows),
            plan.summary.backup,
            writer.written,
            writer.closed_stamps,
        )
    plan.summary.written = True
    if progress is not None:
        progress(total, total)
    return plan.summary


def _last(rows: list[ImportRow], name: str) -> str:
    """A person's phone or notes: from their latest row that has one."""
    for row in reversed(rows):
        if getattr(row, name):
            return getattr(row, name)
    return ""


# The rows an import adds, each stamped with the import's updated_at (the last value).
_INSERT = {
    "employee": "INSERT INTO employees (employee_no, name, phone, notes, updated_at) "
    "VALUES (?, ?, ?, ?, ?)",
    "spell": "INSERT INTO spells (employee_id, hire_date, end_date, team, position, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    "exit": "INSERT INTO exits (spell_id, exit_type, primary_reason_id, way, destination_id, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    "reason": "INSERT INTO exit_reasons (label_zh, label_en, category, position, updated_at) "
    "VALUES (?, ?, 'other', ?, ?)",
    "destination": "INSERT INTO destinations (label_zh, label_en, position, updated_at) "
    "VALUES (?, ?, ?, ?)",
}
_TABLE = {"reason": "exit_reasons", "destination": "destinations"}


class _Writer:
    """Inserts rows stamped with the import's `updated_at` and notes their ids by kind
    (store.imports.KINDS), for the import's record."""

    def __init__(self, conn, stamp: str) -> None:
        self.conn = conn
        self.stamp = stamp
        self.written: dict[str, list[int]] = {kind: [] for kind in KINDS}
        self.closed_stamps: dict[int, str] = {}  # spell id -> its updated_at before

    def insert(self, kind: str, *values) -> int:
        row_id = self.conn.execute(_INSERT[kind], (*values, self.stamp)).lastrowid
        self.written[kind].append(row_id)
        return row_id


def _add_entries(
    writer: _Writer, kind: str, known: dict[str, int | None], labels: dict[str, str]
) -> dict[str, int | None]:
    """Add the reasons (or destinations) the file names and the list lacks, at its end;
    every label folded -> its id."""
    found = dict(known)
    position = writer.conn.execute(
        f"SELECT coalesce(max(position), 0) FROM {_TABLE[kind]}"
    ).fetchone()[0]
    for folded, label in labels.items():
        position += 1
        found[folded] = writer.insert(kind, label, label, position)
    return found


def _insert_spell(writer: _Writer, employee_id: int, row: ImportRow, lists: tuple) -> None:
    end = row.exit_date.isoformat() if row.exit_date else None
    spell_id = writer.insert(
        "spell", employee_id, row.hire_date.isoformat(), end, row.team, row.position
    )
    if row.exit_date is not None:
        _insert_exit(writer, spell_id, row, lists)


def _insert_exit(writer: _Writer, spell_id: int, row: ImportRow, lists: tuple) -> None:
    reasons, places = lists
    reason = reasons[_fold(row.exit_reason)] if row.exit_reason else None
    place = places[_fold(row.destination)] if row.destination else None
    writer.insert("exit", spell_id, row.exit_type, reason, row.exit_way, place)


def import_into_file(db_path: Path, rows: Sequence[ImportRow], **kwargs) -> ImportSummary:
    """import_rows through a connection of the calling thread's own (the GUI imports off
    the UI thread; its own connection stays idle meanwhile)."""
    with faults(db_path), writing(db_path) as db:  # a full disk, a lock: one sentence
        return import_rows(db, db_path, rows, **kwargs)
