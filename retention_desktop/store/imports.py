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

NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
KINDS = ("employee", "spell", "exit", "reason", "closed")


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
    for kind in KINDS:
        conn.executemany(
            "INSERT INTO import_changes (import_id, kind, row_id, was_updated_at) "
            "VALUES (?, ?, ?, ?)",
            [(import_id, kind, row_id, closed_stamps.get(row_id) if kind == "closed" else None)
             for row_id in written.get(kind, ())],
        )  # fmt: skip
    return import_id


def _has_tables(db: Database) -> bool:
    # a read-only file of an older version has no record of imports yet
    return (
        db.execute(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('imports', 'import_changes')"
        ).fetchone()[0]
        == 2
    )


def _ids(kind: str) -> str:
    return f"(SELECT row_id FROM import_changes WHERE import_id = :id AND kind = '{kind}')"


_EMPLOYEES, _SPELLS, _CLOSED = _ids("employee"), _ids("spell"), _ids("closed")
_EXITS, _REASONS = _ids("exit"), _ids("reason")
_NAME = "(SELECT name FROM employees WHERE id = {})"

# (code, SQL giving the count and an example) of what makes an import impossible to undo.
_BLOCKERS = (
    (
        "edited",
        """SELECT count(*), min(e.name) FROM import_changes c
        LEFT JOIN employees e ON e.id = c.row_id
        WHERE c.import_id = :id AND c.kind = 'employee'
          AND (e.id IS NULL OR e.updated_at IS NOT :stamp)""",
    ),
    (
        "edited",
        f"""SELECT count(*), min({_NAME.format("s.employee_id")}) FROM import_changes c
        LEFT JOIN spells s ON s.id = c.row_id
        WHERE c.import_id = :id AND c.kind IN ('spell', 'closed')
          AND (s.id IS NULL OR s.updated_at IS NOT :stamp)""",
    ),
    (
        "edited",
        f"""SELECT count(*), min({_NAME.format("s.employee_id")}) FROM import_changes c
        LEFT JOIN exits x ON x.id = c.row_id LEFT JOIN spells s ON s.id = x.spell_id
        WHERE c.import_id = :id AND c.kind = 'exit'
          AND (x.id IS NULL OR x.updated_at IS NOT :stamp)""",
    ),
    (
        "edited",
        """SELECT count(*), min(r.label_zh) FROM import_changes c
        LEFT JOIN exit_reasons r ON r.id = c.row_id
        WHERE c.import_id = :id AND c.kind = 'reason'
          AND (r.id IS NULL OR r.updated_at IS NOT :stamp)""",
    ),
    # a rehire of someone it added, or after a spell it ended
    (
        "added_to",
        f"""SELECT count(*), min({_NAME.format("s.employee_id")}) FROM spells s
        WHERE s.id NOT IN {_SPELLS}
          AND (s.employee_id IN {_EMPLOYEES}
               OR EXISTS (SELECT 1 FROM spells c WHERE c.id IN {_CLOSED}
                          AND c.employee_id = s.employee_id AND s.hire_date > c.hire_date))""",
    ),
    (
        "added_to",
        f"""SELECT count(*), min({_NAME.format("s.employee_id")}) FROM exits x
        JOIN spells s ON s.id = x.spell_id
        WHERE x.id NOT IN {_EXITS} AND (x.spell_id IN {_SPELLS} OR x.spell_id IN {_CLOSED})""",
    ),
    (
        "added_to",
        f"""SELECT count(*), min({_NAME.format("s.employee_id")}) FROM (
            SELECT exit_id FROM exit_further_reasons WHERE exit_id IN {_EXITS}
            UNION ALL SELECT exit_id FROM handover_items WHERE exit_id IN {_EXITS}) d
        JOIN exits x ON x.id = d.exit_id JOIN spells s ON s.id = x.spell_id""",
    ),
    (
        "added_to",
        f"""SELECT count(*), min({_NAME.format("employee_id")}) FROM (
            SELECT employee_id FROM retention_actions WHERE employee_id IN {_EMPLOYEES}
            UNION ALL SELECT employee_id FROM risk_flags WHERE employee_id IN {_EMPLOYEES})""",
    ),
    (
        "reason_used",
        f"""SELECT count(*), min(r.label_zh) FROM (
            SELECT primary_reason_id AS reason_id FROM exits
             WHERE primary_reason_id IN {_REASONS} AND id NOT IN {_EXITS}
            UNION ALL SELECT reason_id FROM exit_further_reasons WHERE reason_id IN {_REASONS}
            UNION ALL SELECT reason_id FROM risk_flags WHERE reason_id IN {_REASONS}) u
        JOIN exit_reasons r ON r.id = u.reason_id""",
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
        "SELECT kind, count(*) FROM import_changes WHERE import_id = ? GROUP BY kind",
        [import_id],
    ).fetchall())  # fmt: skip
    # the spells of the people it added come with them
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
        db.execute(f"DELETE FROM exits WHERE id IN {_EXITS}", params)
        db.execute(
            f"""UPDATE spells SET end_date = NULL, updated_at = coalesce(
                    (SELECT was_updated_at FROM import_changes c WHERE c.import_id = :id
                     AND c.kind = 'closed' AND c.row_id = spells.id), {NOW})
                WHERE id IN {_CLOSED}""",
            params,
        )
        db.execute(f"DELETE FROM spells WHERE id IN {_SPELLS}", params)
        db.execute(f"DELETE FROM employees WHERE id IN {_EMPLOYEES}", params)
        db.execute(f"DELETE FROM exit_reasons WHERE id IN {_REASONS}", params)
        db.execute("DELETE FROM import_changes WHERE import_id = :id", params)
        db.execute(f"UPDATE imports SET undone_at = {NOW} WHERE id = :id", params)
    return last, backup


def undo_import_of_file(db_path: Path, import_id: int | None = None) -> tuple[LastImport, Path]:
    """undo_last_import through a connection of the calling thread's own (the GUI undoes
    off the UI thread)."""
    from retention_desktop.store.database import writing

    with faults(db_path), writing(db_path) as db:
        return undo_last_import(db, db_path, import_id=import_id)
