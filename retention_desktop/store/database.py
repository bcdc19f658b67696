"""Opening the database file safely: header, owner, health and version checks first.

Nothing is written to a file until it is known to be ours, healthy and not from a newer
app; pending migrations run only after a backup.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from retention_desktop.store import catalog, schema
from retention_desktop.store.backup import backup_database
from retention_desktop.store.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerVersionError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)
from retention_desktop.store.faults import fault_of, kind_of
from retention_desktop.store.paths import (
    create_private_file,
    database_files,
    default_db_path,
    make_private_dir,
    make_private_file,
    read_only_uri,
    writable,
)

SQLITE_HEADER = b"SQLite format 3\x00"


def _check_header(path: Path) -> None:
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"{path} is not a Retention Desktop database (it is not an SQLite file); "
            "it was not changed.",
            "not_sqlite",
        )


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [r[0] for r in rows]


def _inspect_existing(conn: sqlite3.Connection, path: Path, verify: bool = True) -> bool:
    """Check an existing file; return True if it already holds our schema."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = _user_tables(conn)
    except sqlite3.DatabaseError as error:
        if kind_of(error, path) == "busy":  # another program holds it: not damage
            raise fault_of(error, path) from error
        raise DamagedDatabaseError(f"{path} is damaged and cannot be read ({error}).") from error
    if app_id != schema.APPLICATION_ID:
        if app_id == 0 and not tables:
            return False  # an empty SQLite file: ours to set up
        raise ForeignDatabaseError(
            f"{path} is an SQLite file of another program, not a Retention Desktop database; "
            "it was not changed.",
            "foreign",
        )
    try:
        result = conn.execute("PRAGMA quick_check").fetchall() if verify else [("ok",)]
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(f"{path} is damaged ({error}).") from error
    if [r[0] for r in result] != ["ok"]:
        # one sentence: the check's first finding, not its whole list
        found = [line for r in result for line in str(r[0]).splitlines() if "***" not in line]
        raise DamagedDatabaseError(
            f"{path} is damaged (integrity check: {found[0] if found else result[0][0]}); "
            "it was not changed."
        )
    if schema.migrations.migrations_table in tables:
        recorded = {
            r[0]
            for r in conn.execute(
                f"SELECT name FROM {schema.migrations.migrations_table} WHERE migration_set = ?",
                [schema.MIGRATION_SET],
            )
        }
        unknown = recorded - schema.known_migration_names()
        if unknown:
            raise NewerVersionError(
                f"{path} was written by a newer version of Retention Desktop "
                f"(schema step {sorted(unknown)[0]} is unknown to this version); "
                "update the app to open it. The file was not changed.",
                "newer",
            )
    return True


def _inspect_read_only(path: Path, verify: bool) -> bool:
    """Inspect an existing file through a read-only connection, so that a refused file is
    left exactly as it was: a read-write connection would checkpoint a leftover -wal log
    into it on close."""
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    missing = [side for side in sides if not side.exists()]
    try:
        # half a second for another program's lock: then the owner is told who holds it
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=0.5)
    except sqlite3.Error as error:
        raise DamagedDatabaseError(f"{path} cannot be read ({error}).") from error
    try:
        return _inspect_existing(conn, path, verify)
    except BaseException:
        conn.close()
        # A read-only connection to a WAL file leaves an empty log and an index behind:
        # take away what this check created, so a refused file has nothing new beside it.
        wal = sides[0]
        if wal in missing and wal.exists() and wal.stat().st_size == 0:
            for side in missing:
                side.unlink(missing_ok=True)
        raise
    finally:
        conn.close()


def _configure(conn: sqlite3.Connection) -> None:
    """The settings of every connection that writes. synchronous=FULL: in WAL mode,
    NORMAL lets a power cut take back the last commits (the file stays consistent, but a
    change the owner saw saved could be gone); FULL syncs the log at each commit, a few
    milliseconds the owner never notices against one record saved."""
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA synchronous = FULL")


def open_database(
    path: Path | str | None = None, *, create: bool = True, verify: bool = True
) -> Database:
    """Open (or create) the database at `path`, checked, migrated and ready to use.

    `verify=False` skips the integrity check of every page (about 60 ms on a 40 MB file)
    for a command that only reads: a damaged page it reads still fails, as
    DamagedDatabaseError from the store function that read it."""
    path = Path(path) if path is not None else default_db_path()
    exists = path.exists() and path.stat().st_size > 0
    if exists:
        _check_header(path)
        if not writable(path):
            return _open_read_only(path, verify)
    elif not create:
        raise NotADatabaseError(f"There is no database at {path}.", "missing")
    else:
        if path.parent == default_db_path().parent or not path.parent.exists():
            make_private_dir(path.parent)
        create_private_file(path)

    has_schema = _inspect_read_only(path, verify) if exists else False
    conn = sqlite3.connect(path)
    try:
        db = Database(conn, execute_plugins=False)
        _configure(conn)
        conn.execute("PRAGMA journal_mode = WAL")
        if has_schema and schema.migrations.pending(db):
            backup_database(conn, path, reason="before-migration")
        schema.migrations.apply(db)
        if conn.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        catalog.sync_builtins(db)
    except BaseException:
        conn.close()
        raise
    for file in database_files(path):
        make_private_file(file)
    return db


def _open_read_only(path: Path, verify: bool) -> Database:
    """A file (or folder) the app may not write: opened to read only, nothing created
    beside it, every write refused by SQLite itself (`query_only`)."""
    if not _inspect_read_only(path, verify):
        raise ReadOnlyDatabaseError(
            f"{path} is read-only and holds no Retention Desktop data yet; it was not changed.",
            "read_only_empty",
        )
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA query_only = ON")
        db = Database(conn, execute_plugins=False)
        if schema.migrations.pending(db):
            raise ReadOnlyDatabaseError(
                f"{path} was saved by an earlier version and must be updated before it can "
                "be opened, but it is read-only; make it writable or copy it to a folder "
                "you can write to. It was not changed.",
                "read_only_old",
            )
    except BaseException:
        conn.close()
        raise
    return db


def wait_when_busy(db: Database, milliseconds: int) -> None:
    """How long a write waits for another program's lock before it fails as busy (5 s
    unless told): the window waits briefly and lets the owner save again, rather than
    freezing."""
    db.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")


def is_read_only(db: Database) -> bool:
    """Whether `db` was opened read-only (open_database on a file it may not write)."""
    return db.execute("PRAGMA query_only").fetchone()[0] == 1


@contextmanager
def reading(path: Path) -> Iterator[Database]:
    """A read-only connection of the calling thread's own, closed afterwards: how a read
    off the UI thread (roster, reports, actions, Today, export) opens the file."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        yield Database(conn)
    finally:
        conn.close()


@contextmanager
def writing(path: Path) -> Iterator[Database]:
    """A read-write connection of the calling thread's own, with the settings of
    open_database, closed afterwards: how a write off the UI thread (an import) opens the
    file that the app has open already."""
    conn = sqlite3.connect(path)
    try:
        _configure(conn)
        yield Database(conn, execute_plugins=False)
    finally:
        conn.close()


def database_path(db: Database) -> Path:
    """The file behind an open database."""
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2])


@contextmanager
def no_collection() -> Iterator[None]:
    """No garbage collection during a bulk read: a hundred thousand new tuples set off
    collections that find nothing to collect, and each full one walks every object of the
    app (with a big roster loaded, they cost more than the read itself)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


__all__ = ["Database", "database_path", "open_database"]
