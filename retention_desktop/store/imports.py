"""What the last import wrote, and taking it back.

An import records itself (`imports`) and every row it added or closed (`import_changes`:
people, employment spells, exits, exit reasons, and open spells it ended). Every row it
wrote carries the import's stamp as `updated_at`, a time with microseconds that no edit
writes (edits stamp whole seconds), so a row edited since is told from one as imported.

Only the latest import keeps its rows: the one before can no longer be undone once
another import was written. Undoing removes exactly what the import added and opens again
the spells it ended, in one transaction after a backup, or refuses with the reasons when
records made since touch what it wrote (then restoring the backup taken before the import
is the way back).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from retention_desktop.store.backup import backup_database
from retention_desktop.store.errors import RecordError
from retention_desktop.store.faults import faults
from retention_desktop.store.records import NOW

KINDS = ("employee", "spell", "exit", "reason", "destination", "closed")


def new_stamp() -> str:
    """The `updated_at` of the rows an import writes: UTC with microseconds."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Blocker:
    """Why an import cannot be undone: `code` says what ("edited": rows it wrote were
    edited or deleted since; "added_to": records were added since to what it wrote;
    "reason_used": an exit reason it added is used by a record made since), `count` how
    many records, `example` a person's name (or a reason's label) to look for."""

    code: str
    count: int
    example: str


@dataclass(frozen=True)
class LastImport:
    """The latest import that can still be taken back, with what it wrote."""

    id: int
    source: str  # the file's name
    imported_at: datetime  # local time
    employees: int
    spells: int  # spells added (with those of the people it added)
    exits: int
    closed: int  # open spells it ended (their exits are counted in `exits`)
    reasons: int
    backup: str  # the name of the backup taken before it
    blockers: tuple[Blocker, ...] = ()


def runs(ids: list[int]) -> list[tuple[int, int]]:
    """`ids` as runs of consecutive numbers, (first, last) each: the rows an import adds
    to a table get consecutive ids, so each kind is mostly one run."""
    found: list[tuple[int, int]] = []
    for row_id in sorted(ids):
        if found and row_id == found[-1][1] + 1:
            found[-1] = (found[-1][0], row_id)
        else:
            found.append((row_id, row_id))
    return found


def record_import(
    conn: sqlite3.Connection,
    stamp: str,
    source: str,
    rows: int,
    backup: Path | None,
    written: dict[str, list[int]],
    closed_stamps: dict[int, str],
) -> int:
    """Note an import that wrote `written` (kind -> row ids), inside its transaction;
    `closed_stamps` holds the `updated_at` each spell it ended had before. The rows of
    earlier imports are forgotten: only the latest can be undone."""
    conn.execute("DELETE FROM import_changes")
    import_id = conn.execute(
        "INSERT INTO imports (source, stamp, row_count, backup) VALUES (?, ?, ?, ?)",
        [source, stamp, rows, backup.name if backup else ""],
    ).lastrowid
    changes = [
        (import_id, kind, first, last, None)
        for kind in KINDS
        if kind != "closed"
        for first, last in runs(written.get(kind, []))
    ]
    changes += [(import_id, "closed", spell, spell, closed_stamps.get(spell))
                for spell in written.get("closed", [])]  # fmt: skip
    conn.executemany(
        "INSERT INTO import_changes (import_id, kind, first_id, last_id, was_updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        changes,
    )
    return import_id


def _has_tables(db: Database) -> bool:
    # a read-only file of an older version has no record of imports yet
    found = db.execute(
        "SELECT count(*) FROM sqlite_master WHERE name IN ('imports', 'import_changes')"
    ).fetchone()[0]
    return found == 2


def _runs(*kinds: str, alias: str = "c") -> str:
    """The runs of ids of these kinds of the import :id, as `import_changes <alias>`."""
    listed = ", ".join(f"'{kind}'" for kind in kinds)
    return f"import_changes {alias} WHERE {alias}.import_id = :id AND {alias}.kind IN ({listed})"


def _within(column: str, *kinds: str) -> str:
    """Whether `column` is one of the ids of these kinds the import wrote."""
    return (f"EXISTS (SELECT 1 FROM {_runs(*kinds, alias='w')} "
            f"AND {column} BETWEEN w.first_id AND w.last_id)")  # fmt: skip


def _name(employee: str) -> str:
    return f"(SELECT name FROM employees WHERE id = {employee})"


def _on(table: str, column: str, kind: str) -> str:
    """The `column` (as `value`) of the rows of `table` whose `column` is one of the ids of
    `kind` the import wrote, read through the table's index on it."""
    return (f"SELECT t.{column} AS value FROM import_changes c JOIN {table} t "
            f"ON t.{column} BETWEEN c.first_id AND c.last_id "
            f"WHERE c.import_id = :id AND c.kind = '{kind}'")  # fmt: skip


_SPELL_OWNER = "(SELECT employee_id FROM spells WHERE id = t.spell_id)"


def _edited(table: str, example: str, *kinds: str) -> str:
    """Rows of these kinds it wrote that are gone or no longer carry its stamp: those
    expected less those intact (each run read by the table's own id)."""
    return f"""SELECT
            (SELECT coalesce(sum(c.last_id - c.first_id + 1), 0) FROM {_runs(*kinds)})
            - count(*) FILTER (WHERE t.updated_at IS :stamp),
            min({example}) FILTER (WHERE t.updated_at IS NOT :stamp)
        FROM import_changes c JOIN {table} t ON t.id BETWEEN c.first_id AND c.last_id
        WHERE c.import_id = :id AND c.kind IN ({", ".join(f"'{k}'" for k in kinds)})"""


# (code, SQL giving the count and an example) of what makes an import impossible to undo.
_BLOCKERS = (
    ("edited", _edited("employees", "t.name", "employee")),
    ("edited", _edited("spells", _name("t.employee_id"), "spell", "closed")),
    ("edited", _edited("exits", _name(_SPELL_OWNER), "exit")),
    ("edited", _edited("exit_reasons", "t.label_zh", "reason")),
    # a rehire of someone it added, or after a spell it ended
    (
        "added_to",
        f"""SELECT count(*), min({_name("s.employee_id")}) FROM (
            SELECT s.id, s.employee_id FROM import_changes c
              JOIN spells s ON s.employee_id BETWEEN c.first_id AND c.last_id
             WHERE c.import_id = :id AND c.kind = 'employee'
            UNION
            SELECT s.id, s.employee_id FROM import_changes c
              JOIN spells ended ON ended.id = c.first_id
              JOIN spells s ON s.employee_id = ended.employee_id
                           AND s.hire_date > ended.hire_date
             WHERE c.import_id = :id AND c.kind = 'closed') s
        WHERE NOT {_within("s.id", "spell")}""",
    ),
    (
        "added_to",
        f"""SELECT count(*), min({_name("s.employee_id")}) FROM import_changes c
          JOIN exits x ON x.spell_id BETWEEN c.first_id AND c.last_id
          JOIN spells s ON s.id = x.spell_id
        WHERE c.import_id = :id AND c.kind IN ('spell', 'closed')
          AND NOT {_within("x.id", "exit")}""",
    ),
    (
        "added_to",
        f"""SELECT count(*), min({_name("s.employee_id")}) FROM (
            {_on("exit_further_reasons", "exit_id", "exit")}
            UNION ALL {_on("handover_items", "exit_id", "exit")}) d
          JOIN exits x ON x.id = d.value JOIN spells s ON s.id = x.spell_id""",
    ),
    (
        "added_to",
        f"""SELECT count(*), min({_name("d.value")}) FROM (
            {_on("retention_actions", "employee_id", "employee")}
            UNION ALL {_on("risk_flags", "employee_id", "employee")}) d""",
    ),
    (
        "reason_used",
        f"""SELECT count(*), min(r.label_zh) FROM (
            {_on("exits", "primary_reason_id", "reason")} AND NOT {_within("t.id", "exit")}
            UNION ALL {_on("exit_further_reasons", "reason_id", "reason")}
            UNION ALL {_on("risk_flags", "reason_id", "reason")}) u
          JOIN exit_reasons r ON r.id = u.value""",
    ),
)


def _blockers(db: Database, import_id: int, stamp: str) -> tuple[Blocker, ...]:
    found: dict[str, list] = {}
    for code, sql in _BLOCKERS:
        count, example = db.execute(sql, {"id": import_id, "stamp": stamp}).fetchone()
        if count:
            entry = found.setdefault(code, [0, ""])
            entry[0] += count
            entry[1] = entry[1] or example or ""
    return tuple(Blocker(code, count, example) for code, (count, example) in found.items())


def last_import(db: Database, *, check: bool = True) -> LastImport | None:
    """The latest import that was not undone and whose rows are kept, with the reasons it
    cannot be undone now (when `check`); None when there is none."""
    if not _has_tables(db):
        return None
    row = db.execute(
        "SELECT id, source, stamp, backup FROM imports WHERE undone_at IS NULL "
        "AND EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = imports.id) "
        "ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    import_id, source, stamp, backup = row
    counts = dict.fromkeys(KINDS, 0)
    counts.update(db.execute(
        "SELECT kind, sum(last_id - first_id + 1) FROM import_changes WHERE import_id = ? "
        "GROUP BY kind",
        [import_id],
    ).fetchall())  # fmt: skip
    when = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).astimezone()
    return LastImport(
        import_id, source, when, counts["employee"], counts["spell"], counts["exit"],
        counts["closed"], counts["reason"], backup,
        _blockers(db, import_id, stamp) if check else (),
    )  # fmt: skip


def refusal(last: LastImport) -> str:
    """The English sentence of why `last` cannot be undone."""
    parts = []
    for blocker in last.blockers:
        example = f" (for example {blocker.example})" if blocker.example else ""
        parts.append({
            "edited": f"{blocker.count} of the records it wrote were edited or deleted since"
                      f"{example}",
            "added_to": f"{blocker.count} records were added since to what it wrote{example}",
            "reason_used": f"an exit reason it added is used by {blocker.count} records made "
                           f"since{example}",
        }[blocker.code])  # fmt: skip
    way_back = f"; restore the backup {last.backup} to go back" if last.backup else ""
    return f"the import of {last.source} cannot be undone: " + "; ".join(parts) + way_back


def undo_last_import(
    db: Database, db_path: Path, *, import_id: int | None = None
) -> tuple[LastImport, Path]:
    """Take back the latest import: a backup first, then one transaction that removes
    what it added and opens again the spells it ended. Refused (RecordError, code
    "no_import" or "import_changed" with the LastImport as value) when there is none, when
    it is not `import_id` (another import came in meanwhile) or when records made since
    touch what it wrote. Returns what was undone and the backup taken before."""
    last = last_import(db)
    if last is None or (import_id is not None and last.id != import_id):
        raise RecordError("there is no import to undo", code="no_import")
    if last.blockers:
        raise RecordError(refusal(last), code="import_changed", value=last)
    backup = backup_database(db.conn, db_path, reason="undo-import")
    with db.atomic():
        again = last_import(db)  # nothing came in between the check and the backup
        if again is None or again.id != last.id or again.blockers:
            raise RecordError("the file changed meanwhile: try again", code="no_import")
        params = {"id": last.id}
        ranges = db.execute(
            "SELECT kind, first_id, last_id FROM import_changes WHERE import_id = :id",
            params,
        ).fetchall()
        for kind, table in (("exit", "exits"), ("spell", "spells"), ("employee", "employees"),
                            ("reason", "exit_reasons")):  # fmt: skip
            # children first: an exit reason in use cannot go (ON DELETE RESTRICT)
            db.conn.executemany(
                f"DELETE FROM {table} WHERE id BETWEEN ? AND ?",
                [(first, last_id) for k, first, last_id in ranges if k == kind],
            )
            if kind == "exit":  # the spells it ended are open again, as they were
                db.execute(
                    f"""UPDATE spells SET end_date = NULL, updated_at = coalesce(
                            (SELECT c.was_updated_at FROM import_changes c
                              WHERE c.import_id = :id AND c.kind = 'closed'
                                AND c.first_id = spells.id), {NOW})
                        WHERE id IN (SELECT first_id FROM import_changes
                                      WHERE import_id = :id AND kind = 'closed')""",
                    params,
                )
        # the destinations it added go too, unless an exit made since names one
        db.conn.executemany(
            "DELETE FROM destinations WHERE id BETWEEN ? AND ? AND id NOT IN "
            "(SELECT destination_id FROM exits WHERE destination_id IS NOT NULL)",
            [(first, last_id) for k, first, last_id in ranges if k == "destination"],
        )
        db.execute("DELETE FROM import_changes WHERE import_id = :id", params)
        db.execute(f"UPDATE imports SET undone_at = {NOW} WHERE id = :id", params)
    return last, backup


def undo_import_of_file(db_path: Path, import_id: int | None = None) -> tuple[LastImport, Path]:
    """undo_last_import through a connection of the calling thread's own (the GUI undoes
    off the UI thread)."""
    from retention_desktop.store.database import writing

    with faults(db_path), writing(db_path) as db:
        return undo_last_import(db, db_path, import_id=import_id)
