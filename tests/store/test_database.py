"""Opening the file: creation, owner-only modes, pragmas, location, and the refusals that
must leave someone else's (or a broken) file exactly as it was."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from retention_desktop.domain.catalog import ACTION_TYPES, EXIT_REASONS
from retention_desktop.store import paths, schema
from retention_desktop.store.backup import backups_dir
from retention_desktop.store.database import database_path, open_database
from retention_desktop.store.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerVersionError,
    NotADatabaseError,
    StoreError,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX only")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def snapshot(path: Path) -> tuple[str, int, int]:
    """The file's content (as a digest, for readable failures), size and mtime."""
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), len(data), path.stat().st_mtime_ns


def raw(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(sql, params).fetchall()


def user_tables(path: Path) -> set[str]:
    rows = raw(
        path, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    )
    return {r[0] for r in rows}


OUR_TABLES = {
    "settings",
    "destinations",
    "kept_notices",
    "kept_notice_reasons",
    "imports",
    "import_changes",
    "employees",
    "spells",
    "exit_reasons",
    "exits",
    "exit_further_reasons",
    "handover_items",
    "action_types",
    "retention_actions",
    "risk_flags",
    "_sqlite_migrations",
}


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs' user data dir, redirected into tmp_path."""
    base = tmp_path / "home" / "data"

    def fake_user_data_path(appname: str, appauthor: object = None) -> Path:
        assert appname == "RetentionDesktop"
        return base / appname

    monkeypatch.setattr(paths, "user_data_path", fake_user_data_path)
    return base / "RetentionDesktop"


# --- a new file --------------------------------------------------------------------------


@posix_only
@pytest.mark.usefixtures("open_umask")
def test_new_file_is_owner_only_including_wal_and_shm(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert db_path.exists()
        assert mode(db_path) == 0o600
        with db.atomic():
            db.execute("INSERT INTO employees (name) VALUES ('Wang Fang')")
        wal = db_path.with_name("shop.db-wal")
        shm = db_path.with_name("shop.db-shm")
        assert wal.exists()
        assert shm.exists()
        assert mode(wal) == 0o600
        assert mode(shm) == 0o600
        assert mode(db_path) == 0o600
    finally:
        db.close()


def test_new_file_pragmas_and_schema(new_db, db_path: Path) -> None:
    db = new_db
    assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == FULL
    assert database_path(db) == db_path.resolve()
    # what is in the file itself, seen by another connection
    assert raw(db_path, "PRAGMA application_id")[0][0] == schema.APPLICATION_ID
    assert raw(db_path, "PRAGMA journal_mode")[0][0] == "wal"
    assert user_tables(db_path) >= OUR_TABLES
    applied = [m.name for m in schema.migrations.applied(db)]
    assert applied == [
        "m001_initial",
        "m002_retention_actions",
        "m003_catalog_recategorized",
        "m004_action_indexes",
        "m005_imports",
        "m006_exit_way_destination_keep",
    ]
    assert schema.migrations.pending(db) == []


def test_new_file_has_builtins_and_no_backup(new_db, db_path: Path) -> None:
    db = new_db
    codes = {r[0] for r in db.execute("SELECT code FROM exit_reasons WHERE builtin = 1")}
    assert codes == {e.code for e in EXIT_REASONS}
    codes = {r[0] for r in db.execute("SELECT code FROM action_types WHERE builtin = 1")}
    assert codes == {e.code for e in ACTION_TYPES}
    # nothing to migrate in a new file, so no backup is taken
    assert not backups_dir(db_path).exists()


def test_foreign_keys_enforced(db) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO spells (employee_id, hire_date) VALUES (12345, '2024-01-01')")
    assert db.execute("SELECT count(*) FROM spells").fetchone()[0] == 0


def test_open_without_create_refuses_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(NotADatabaseError):
        open_database(path, create=False)
    assert not path.exists()


# --- where the file lives ----------------------------------------------------------------


@posix_only
@pytest.mark.usefixtures("open_umask")
def test_default_location_from_platformdirs_folder_owner_only(data_home: Path) -> None:
    assert paths.default_db_path() == data_home / "retention.db"
    assert not data_home.exists()
    db = open_database()
    try:
        assert database_path(db) == (data_home / "retention.db").resolve()
    finally:
        db.close()
    assert (data_home / "retention.db").is_file()
    assert mode(data_home) == 0o700
    assert mode(data_home / "retention.db") == 0o600


def test_resolve_db_path_precedence(data_home: Path, tmp_path: Path) -> None:
    arg = tmp_path / "from-arg.db"
    env = {"RETENTION_DB": str(tmp_path / "from-env.db")}
    assert paths.resolve_db_path(str(arg), env) == arg
    assert paths.resolve_db_path(arg, env) == arg
    assert paths.resolve_db_path(None, env) == tmp_path / "from-env.db"
    assert paths.resolve_db_path("", env) == tmp_path / "from-env.db"
    assert paths.resolve_db_path(None, {}) == data_home / "retention.db"
    assert paths.resolve_db_path(None, {"RETENTION_DB": ""}) == data_home / "retention.db"


def test_resolve_db_path_reads_process_environment(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RETENTION_DB", str(tmp_path / "env.db"))
    assert paths.resolve_db_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("RETENTION_DB")
    assert paths.resolve_db_path(None) == data_home / "retention.db"


def test_resolve_db_path_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.resolve_db_path("~/shop.db", {}) == tmp_path / "shop.db"
    assert paths.resolve_db_path(None, {"RETENTION_DB": "~/env.db"}) == tmp_path / "env.db"


# --- refusals: the file is never written -------------------------------------------------


def assert_untouched(path: Path, before: tuple[bytes, int]) -> None:
    assert snapshot(path) == before
    assert not backups_dir(path).exists()


def test_text_file_refused_unchanged(db_path: Path) -> None:
    db_path.write_text("name,hire date\nWang Fang,2024-01-01\n", encoding="utf-8")
    before = snapshot(db_path)
    with pytest.raises(NotADatabaseError) as info:
        open_database(db_path)
    assert "not changed" in str(info.value)
    assert_untouched(db_path, before)
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["shop.db"]


def test_foreign_sqlite_file_refused_unchanged(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO recipes (title) VALUES ('Mapo tofu')")
        conn.commit()
    before = snapshot(db_path)
    with pytest.raises(ForeignDatabaseError) as info:
        open_database(db_path)
    assert "another program" in str(info.value)
    assert_untouched(db_path, before)
    assert user_tables(db_path) == {"recipes"}
    assert raw(db_path, "PRAGMA application_id")[0][0] == 0


def test_foreign_sqlite_file_with_other_application_id_refused(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA application_id = 1234")
        conn.execute("CREATE TABLE employees (id INTEGER PRIMARY KEY, name TEXT)")
        conn.commit()
    before = snapshot(db_path)
    with pytest.raises(ForeignDatabaseError):
        open_database(db_path)
    assert_untouched(db_path, before)


def _write_big_database(path: Path) -> None:
    db = open_database(path)
    try:
        with db.atomic():
            db.conn.executemany(
                "INSERT INTO employees (employee_no, name, notes) VALUES (?, ?, ?)",
                [(f"E{i:05d}", f"Person {i}", "note " * 40) for i in range(3000)],
            )
    finally:
        db.close()


def test_damaged_file_refused_unchanged(db_path: Path) -> None:
    _write_big_database(db_path)
    data = bytearray(db_path.read_bytes())
    page = raw(db_path, "PRAGMA page_size")[0][0]
    assert len(data) > 20 * page
    middle = (len(data) // page // 2) * page
    data[middle : middle + 3 * page] = b"\xa5" * (3 * page)
    db_path.write_bytes(bytes(data))
    before = snapshot(db_path)
    with pytest.raises(DamagedDatabaseError) as info:
        open_database(db_path)
    assert "damaged" in str(info.value)
    assert_untouched(db_path, before)


def test_file_from_newer_version_refused_unchanged(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.atomic():
            db.execute("INSERT INTO employees (name) VALUES ('Li Na')")
            db.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('retention_desktop', 'm999_future', '2030-01-01 00:00:00+00:00')"
            )
    finally:
        db.close()
    before = snapshot(db_path)
    with pytest.raises(NewerVersionError) as info:
        open_database(db_path)
    assert "m999_future" in str(info.value)
    assert "not changed" in str(info.value)
    assert_untouched(db_path, before)
    # still refused the second time: nothing was "repaired" in between
    with pytest.raises(NewerVersionError):
        open_database(db_path)
    assert_untouched(db_path, before)


def test_other_migration_sets_are_not_a_newer_version(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('some_plugin', 'm999_future', '2030-01-01')"
        )
    finally:
        db.close()
    db = open_database(db_path)
    db.close()


def test_refusals_are_store_errors() -> None:
    for error in (NotADatabaseError, ForeignDatabaseError, DamagedDatabaseError, NewerVersionError):
        assert issubclass(error, StoreError)


# --- empty files are ours to set up ------------------------------------------------------


@posix_only
def test_zero_byte_file_set_up_as_new(db_path: Path) -> None:
    db_path.touch()
    os.chmod(db_path, 0o644)
    db = open_database(db_path)
    try:
        assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert db.execute("SELECT count(*) FROM exit_reasons").fetchone()[0] == len(EXIT_REASONS)
    finally:
        db.close()
    assert user_tables(db_path) >= OUR_TABLES
    assert mode(db_path) == 0o600


def test_empty_sqlite_file_set_up_as_new(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("CREATE TABLE scratch (x)")
        conn.execute("DROP TABLE scratch")
        conn.commit()
    assert db_path.read_bytes().startswith(b"SQLite format 3\x00")
    assert user_tables(db_path) == set()
    db = open_database(db_path)
    try:
        assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()
    assert user_tables(db_path) >= OUR_TABLES


# --- reopening -----------------------------------------------------------------------------


def test_reopen_does_not_duplicate_builtins(db_path: Path) -> None:
    for _ in range(3):
        db = open_database(db_path)
        db.close()
    assert raw(db_path, "SELECT count(*) FROM exit_reasons")[0][0] == len(EXIT_REASONS)
    assert raw(db_path, "SELECT count(*) FROM action_types")[0][0] == len(ACTION_TYPES)
    assert raw(db_path, "SELECT count(DISTINCT code) FROM exit_reasons")[0][0] == len(EXIT_REASONS)
    positions = raw(db_path, "SELECT code FROM exit_reasons ORDER BY position")
    assert [r[0] for r in positions] == [e.code for e in EXIT_REASONS]


def test_reopen_keeps_data_and_shop_entries(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        db.execute("INSERT INTO employees (name) VALUES ('Zhao Lei')")
        db.execute(
            "INSERT INTO exit_reasons (label_zh, label_en, position) VALUES ('搬家', 'Moved', 99)"
        )
    finally:
        db.close()
    db = open_database(db_path)
    try:
        assert [r[0] for r in db.execute("SELECT name FROM employees")] == ["Zhao Lei"]
        assert db.execute("SELECT count(*) FROM exit_reasons").fetchone()[0] == (
            len(EXIT_REASONS) + 1
        )
    finally:
        db.close()


def test_renamed_builtin_keeps_its_label(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        db.execute(
            "UPDATE exit_reasons SET renamed = 1, label_en = 'Money', label_zh = '钱不够' "
            "WHERE code = 'pay'"
        )
    finally:
        db.close()
    db = open_database(db_path)
    try:
        row = db.execute(
            "SELECT label_en, label_zh, renamed, builtin FROM exit_reasons WHERE code = 'pay'"
        ).fetchone()
        assert row == ("Money", "钱不够", 1, 1)
        assert db.execute("SELECT count(*) FROM exit_reasons WHERE code = 'pay'").fetchone()[0] == 1
    finally:
        db.close()


def test_builtin_not_renamed_gets_current_label(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        db.execute("UPDATE exit_reasons SET label_en = 'Old wording' WHERE code = 'pay'")
        pay_id = db.execute("SELECT id FROM exit_reasons WHERE code = 'pay'").fetchone()[0]
    finally:
        db.close()
    db = open_database(db_path)
    try:
        row = db.execute("SELECT id, label_en FROM exit_reasons WHERE code = 'pay'").fetchone()
        assert row == (pay_id, "Pay and benefits")
    finally:
        db.close()


# --- refusals when a crash left a write-ahead log beside the file ------------------------


def _crashed_copy(source: Path, target_dir: Path, write) -> Path:
    """Run `write` on `source` without checkpointing, then copy the file with its -wal and
    -shm as a crash (or a copy of a live folder) would leave them."""
    with closing(sqlite3.connect(source)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        write(conn)
        conn.commit()
        target_dir.mkdir()
        for suffix in ("", "-wal", "-shm"):
            side = source.with_name(source.name + suffix)
            (target_dir / side.name).write_bytes(side.read_bytes())
    copy = target_dir / source.name
    assert copy.with_name(copy.name + "-wal").stat().st_size > 0
    return copy


def _files_snapshot(path: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.parent.iterdir())
        if p.is_file()
    }


def test_newer_version_with_leftover_wal_refused_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "live" / "shop.db"
    source.parent.mkdir()
    db = open_database(source)
    db.close()

    def newer_app_writes(conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('retention_desktop', 'm999_future', '2030-01-01')"
        )
        conn.execute("INSERT INTO employees (name) VALUES ('Written by a newer app')")

    copy = _crashed_copy(source, tmp_path / "copy", newer_app_writes)
    before, main_before = _files_snapshot(copy), snapshot(copy)
    with pytest.raises(NewerVersionError):
        open_database(copy)
    # "The file was not changed": neither the file nor the log it depends on
    assert snapshot(copy) == main_before
    assert _files_snapshot(copy).keys() >= {"shop.db", "shop.db-wal"}
    assert _files_snapshot(copy)["shop.db-wal"] == before["shop.db-wal"]


def test_foreign_file_with_leftover_wal_refused_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "live" / "notes.db"
    source.parent.mkdir()

    def other_program_writes(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.executemany("INSERT INTO notes (body) VALUES (?)", [("note",)] * 50)

    copy = _crashed_copy(source, tmp_path / "copy", other_program_writes)
    before, main_before = _files_snapshot(copy), snapshot(copy)
    with pytest.raises(ForeignDatabaseError):
        open_database(copy)
    assert snapshot(copy) == main_before
    assert _files_snapshot(copy).get("notes.db-wal") == before["notes.db-wal"]


def test_damaged_file_with_leftover_wal_refused_unchanged(tmp_path: Path) -> None:
    source = tmp_path / "live" / "shop.db"
    source.parent.mkdir()
    _write_big_database(source)

    def one_more_row(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO employees (name) VALUES ('Last before the crash')")

    copy = _crashed_copy(source, tmp_path / "copy", one_more_row)
    data = bytearray(copy.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + 3 * page] = b"\xa5" * (3 * page)
    copy.write_bytes(bytes(data))
    before, main_before = _files_snapshot(copy), snapshot(copy)
    with pytest.raises(DamagedDatabaseError):
        open_database(copy)
    # a damaged file is never written to: not even a checkpoint of its log
    assert snapshot(copy) == main_before
    assert _files_snapshot(copy).get("shop.db-wal") == before["shop.db-wal"]


@posix_only
def test_existing_file_is_tightened_to_owner_only(db_path: Path) -> None:
    db = open_database(db_path)
    db.close()
    os.chmod(db_path, 0o644)
    db = open_database(db_path)
    try:
        db.execute("INSERT INTO employees (name) VALUES ('Wang Fang')")
        for suffix in ("", "-wal", "-shm"):
            assert mode(db_path.with_name(db_path.name + suffix)) == 0o600, suffix
    finally:
        db.close()


FULL = 2  # PRAGMA synchronous: a power cut never takes back a commit the owner saw


def test_every_writing_connection_syncs_each_commit(db, db_path: Path) -> None:
    from retention_desktop.store.database import writing

    assert db.execute("PRAGMA synchronous").fetchone()[0] == FULL
    with writing(db_path) as other:
        assert other.execute("PRAGMA synchronous").fetchone()[0] == FULL
        assert other.execute("PRAGMA foreign_keys").fetchone()[0] == 1
