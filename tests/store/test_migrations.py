"""Schema upgrades: an older file is upgraded on open without loss and after a backup; a
migration that fails leaves nothing of itself behind."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

from retention_desktop.domain.catalog import ACTION_TYPES, EXIT_REASONS
from retention_desktop.store import schema
from retention_desktop.store.backup import backups_dir, list_backups
from retention_desktop.store.database import open_database

NEW_TABLES = {"action_types", "retention_actions", "risk_flags"}

OLD_EMPLOYEES = [
    (1, "E001", "王芳", "13800000001", "老员工"),
    (2, "E002", "Li Na", "", ""),
    (3, None, "Zhang Wei", "", "no number"),
]
OLD_SPELLS = [
    (1, 1, "2021-03-01", None, "客服", "组长"),
    (2, 2, "2022-05-10", "2023-08-31", "Sales", "Clerk"),
    (3, 3, "2023-01-02", None, "", ""),
]
OLD_REASONS = [
    (1, "pay", "旧的薪资标签", "Old pay label", "pay", 1, 0),
    (2, None, "开店", "Opened own shop", "other", 0, 0),
]
OLD_EXITS = [(1, 2, "2023-08-01", "voluntary", 2, 1, 1, "想自己开店")]


def raw(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(sql, params).fetchall()


def user_tables(path: Path) -> set[str]:
    rows = raw(
        path, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    )
    return {r[0] for r in rows}


def recorded_migrations(path: Path) -> list[str]:
    rows = raw(
        path,
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
        (schema.MIGRATION_SET,),
    )
    return [r[0] for r in rows]


def old_rows(path: Path) -> dict[str, list[tuple]]:
    return {
        "employees": raw(path, "SELECT id, employee_no, name, phone, notes FROM employees"),
        "spells": raw(
            path, "SELECT id, employee_id, hire_date, end_date, team, position FROM spells"
        ),
        "exits": raw(
            path,
            "SELECT id, spell_id, notice_date, exit_type, primary_reason_id, regrettable, "
            "eligible_for_rehire, conversation_notes FROM exits",
        ),
        "exit_further_reasons": raw(path, "SELECT exit_id, reason_id FROM exit_further_reasons"),
    }


def make_old_file(path: Path) -> None:
    """A file as the first released version left it: only m001 applied, with data."""
    with closing(sqlite3.connect(path)) as conn:
        db = Database(conn)
        schema.migrations.apply(db, stop_before="m002_retention_actions")
        conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        conn.executemany(
            "INSERT INTO employees (id, employee_no, name, phone, notes) VALUES (?, ?, ?, ?, ?)",
            OLD_EMPLOYEES,
        )
        conn.executemany(
            "INSERT INTO spells (id, employee_id, hire_date, end_date, team, position) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            OLD_SPELLS,
        )
        conn.executemany(
            "INSERT INTO exit_reasons (id, code, label_zh, label_en, category, builtin, renamed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            OLD_REASONS,
        )
        conn.executemany(
            "INSERT INTO exits (id, spell_id, notice_date, exit_type, primary_reason_id, "
            "regrettable, eligible_for_rehire, conversation_notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            OLD_EXITS,
        )
        conn.execute("INSERT INTO exit_further_reasons (exit_id, reason_id) VALUES (1, 1)")
        conn.execute("INSERT INTO settings (key, value) VALUES ('shop_name', '\"小店\"')")
        conn.commit()


ALL_MIGRATIONS = [
    "m001_initial",
    "m002_retention_actions",
    "m003_catalog_recategorized",
    "m004_action_indexes",
    "m005_imports",
    "m006_exit_way_destination_keep",
]


@pytest.fixture
def old_file(db_path: Path) -> Path:
    make_old_file(db_path)
    assert recorded_migrations(db_path) == ["m001_initial"]
    assert not (NEW_TABLES & user_tables(db_path))
    return db_path


def test_older_file_upgrades_without_loss(old_file: Path) -> None:
    before = old_rows(old_file)
    db = open_database(old_file)
    try:
        assert schema.migrations.pending(db) == []
        assert [m.name for m in schema.migrations.applied(db)] == ALL_MIGRATIONS
        # the built-in reason the old file had keeps its id (exits point at it)
        assert db.execute("SELECT id FROM exit_reasons WHERE code = 'pay'").fetchone()[0] == 1
        # the shop's own reason is still there, and the other built-ins were added
        assert db.execute("SELECT count(*) FROM exit_reasons").fetchone()[0] == (
            len(EXIT_REASONS) + 1
        )
        assert db.execute("SELECT count(*) FROM action_types").fetchone()[0] == len(ACTION_TYPES)
        assert db.execute("SELECT value FROM settings WHERE key = 'shop_name'").fetchone() == (
            '"小店"',
        )
        # the new tables work with the old rows
        db.execute(
            "INSERT INTO risk_flags (employee_id, level, flagged_on) "
            "VALUES (1, 'high', '2024-01-05')"
        )
    finally:
        db.close()
    assert old_rows(old_file) == before
    assert user_tables(old_file) >= NEW_TABLES
    assert recorded_migrations(old_file) == ALL_MIGRATIONS


def test_backup_taken_before_migrating(old_file: Path) -> None:
    before = old_rows(old_file)
    tables_before = user_tables(old_file)
    db = open_database(old_file)
    db.close()
    backups = list_backups(old_file)
    assert len(backups) == 1
    backup = backups[0]
    assert backup.parent == backups_dir(old_file) == old_file.parent / "backups"
    assert "before-migration" in backup.name
    # the backup is the file as it was: old schema, same rows
    assert user_tables(backup) == tables_before
    assert not (NEW_TABLES & user_tables(backup))
    assert recorded_migrations(backup) == ["m001_initial"]
    assert old_rows(backup) == before
    assert raw(backup, "PRAGMA application_id")[0][0] == schema.APPLICATION_ID


def test_no_second_backup_once_up_to_date(old_file: Path) -> None:
    for _ in range(2):
        db = open_database(old_file)
        db.close()
    assert len(list_backups(old_file)) == 1


def _trial_migrations(broken) -> Migrations:
    """The app's migrations plus `broken` as the last, in a separate Migrations object."""
    trial = Migrations(schema.MIGRATION_SET)
    trial(name="m001_initial")(schema.m001_initial)
    trial(name="m002_retention_actions")(schema.m002_retention_actions)
    trial(name="m003_catalog_recategorized")(schema.m003_catalog_recategorized)
    trial(name="m004_action_indexes")(schema.m004_action_indexes)
    trial(name="m005_imports")(schema.m005_imports)
    trial(name="m006_exit_way_destination_keep")(schema.m006_exit_way_destination_keep)
    trial(name="m007_broken")(broken)
    return trial


def test_failing_migration_rolls_back(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(db_path)
    try:
        db.execute("INSERT INTO employees (employee_no, name) VALUES ('E1', 'Chen Jie')")
    finally:
        db.close()
    employees_before = raw(db_path, "SELECT * FROM employees")
    columns_before = raw(db_path, "PRAGMA table_info(employees)")

    reached = []

    def m007_broken(db: Database) -> None:
        db.execute("CREATE TABLE shifts (id INTEGER PRIMARY KEY, day TEXT)")
        db.execute("INSERT INTO shifts (day) VALUES ('2024-01-01')")
        db.execute("ALTER TABLE employees ADD COLUMN wechat TEXT")
        db.execute("UPDATE employees SET name = 'overwritten'")
        reached.append(True)
        raise RuntimeError("halfway")

    trial = _trial_migrations(m007_broken)
    monkeypatch.setattr(schema, "migrations", trial)
    with pytest.raises(RuntimeError, match="halfway"):
        open_database(db_path)
    assert reached == [True]

    assert "shifts" not in user_tables(db_path)
    assert raw(db_path, "PRAGMA table_info(employees)") == columns_before
    assert raw(db_path, "SELECT * FROM employees") == employees_before
    assert recorded_migrations(db_path) == ALL_MIGRATIONS
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
        assert [m.name for m in trial.pending(Database(conn))] == ["m007_broken"]
    # a backup was taken before the attempt
    backups = list_backups(db_path)
    assert len(backups) == 1
    assert "before-migration" in backups[0].name

    # the app as shipped still opens the file
    monkeypatch.undo()
    db = open_database(db_path)
    try:
        assert [r[0] for r in db.execute("SELECT name FROM employees")] == ["Chen Jie"]
    finally:
        db.close()


def test_known_migration_names() -> None:
    assert schema.known_migration_names() == set(ALL_MIGRATIONS)
