"""Backups into `backups/` beside the database: whole copies, owner-only, the last 14 kept,
at most one a day, and restoring one without losing the file it replaces."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from retention_desktop.store import backup as backup_module
from retention_desktop.store.backup import (
    KEEP,
    Place,
    backup_database,
    backup_due_today,
    backup_file,
    backup_target,
    backups_dir,
    daily_backup,
    find_backup,
    list_backups,
    place,
    restore_backup,
)
from retention_desktop.store.database import open_database

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX only")

NOON = datetime(2025, 3, 14, 12, 0, 0)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def raw(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(sql).fetchall()


def names(path: Path) -> list[str]:
    return [r[0] for r in raw(path, "SELECT name FROM employees ORDER BY id")]


def add_people(db, *people: str) -> None:
    with db.atomic():
        for name in people:
            db.execute("INSERT INTO employees (name) VALUES (?)", [name])


@posix_only
@pytest.mark.usefixtures("open_umask")
def test_backup_is_a_readable_owner_only_copy(db, db_path: Path) -> None:
    add_people(db, "王芳", "Li Na")
    target = backup_database(db.conn, db_path, now=NOON)
    assert target.parent == backups_dir(db_path) == db_path.parent / "backups"
    assert target.name == "shop-20250314-120000-1-manual.db"
    assert names(target) == ["王芳", "Li Na"]
    assert raw(target, "PRAGMA quick_check") == [("ok",)]
    assert raw(target, "PRAGMA application_id") == raw(db_path, "PRAGMA application_id")
    assert mode(target) == 0o600
    assert mode(backups_dir(db_path)) == 0o700
    assert not list(backups_dir(db_path).glob("*.tmp"))
    assert list_backups(db_path) == [target]


def test_backup_includes_uncheckpointed_writes(db, db_path: Path) -> None:
    add_people(db, "Zhou Min")
    assert db_path.with_name("shop.db-wal").stat().st_size > 0
    target = backup_database(db.conn, db_path, reason="import", now=NOON)
    assert "import" in target.name
    assert names(target) == ["Zhou Min"]


def test_backup_file_uses_its_own_connection(db, db_path: Path) -> None:
    add_people(db, "Sun Li")
    target = backup_file(db_path, reason="export")
    assert names(target) == ["Sun Li"]
    assert target in list_backups(db_path)


def test_failed_backup_leaves_no_temporary(
    db, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(backup_module.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        backup_database(db.conn, db_path, now=NOON)
    assert list(backups_dir(db_path).iterdir()) == []


def test_only_the_last_14_are_kept(db, db_path: Path) -> None:
    made = []
    for day in range(16):
        add_people(db, f"Person {day}")
        made.append(backup_database(db.conn, db_path, now=NOON + timedelta(days=day)))
    assert KEEP == 14
    kept = list_backups(db_path)
    assert kept == made[2:]
    assert not made[0].exists()
    assert not made[1].exists()
    assert len(list(backups_dir(db_path).iterdir())) == 14
    # the newest holds everything
    assert len(names(kept[-1])) == 16


def test_two_backups_in_the_same_second_are_both_kept_newest_last(db, db_path: Path) -> None:
    add_people(db, "First")
    first = backup_database(db.conn, db_path, now=NOON)
    add_people(db, "Second")
    second = backup_database(db.conn, db_path, now=NOON)
    assert first != second
    assert first.exists()
    assert second.exists()
    # list_backups promises "oldest first": the latest backup must come last, since that
    # is the one a restore of "the latest backup" picks and the one pruning keeps longest
    assert list_backups(db_path) == [first, second]


def test_backup_due_today(db, db_path: Path) -> None:
    assert backup_due_today(db_path, NOON)
    backup_database(db.conn, db_path, reason="daily", now=NOON)
    assert not backup_due_today(db_path, NOON)
    assert not backup_due_today(db_path, NOON.replace(hour=23, minute=59))
    assert not backup_due_today(db_path, NOON.replace(hour=0, minute=0))
    assert backup_due_today(db_path, NOON + timedelta(days=1))
    assert backup_due_today(db_path, NOON - timedelta(days=1))


def test_backup_of_another_database_does_not_count(db, db_path: Path, tmp_path: Path) -> None:
    backup_database(db.conn, db_path, now=NOON)
    other = tmp_path / "other.db"
    assert backup_due_today(other, NOON)
    assert list_backups(other) == []


def test_daily_backup_at_most_once_a_day(db, db_path: Path) -> None:
    today = datetime.now()
    first = daily_backup(db_path, today)
    assert first is not None
    assert "daily" in first.name
    assert daily_backup(db_path, today) is None
    assert list_backups(db_path) == [first]


def test_daily_backup_counts_for_the_day_it_is_given(db, db_path: Path) -> None:
    day = datetime(2025, 1, 2, 9, 30)
    assert daily_backup(db_path, day) is not None
    assert not backup_due_today(db_path, day)
    assert daily_backup(db_path, day) is None
    assert len(list_backups(db_path)) == 1


@posix_only
@pytest.mark.usefixtures("open_umask")
def test_restore_puts_backup_in_place_and_keeps_replaced_file(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        add_people(db, "Kept in backup")
        saved = backup_database(db.conn, db_path, now=NOON)
        add_people(db, "Added after backup")
    finally:
        db.close()
    replaced_bytes = db_path.read_bytes()

    kept = restore_backup(saved, db_path)

    assert names(db_path) == ["Kept in backup"]
    assert kept.parent == db_path.parent
    assert kept.name.startswith("shop.db.replaced-")
    assert kept.read_bytes() == replaced_bytes
    assert names(kept) == ["Kept in backup", "Added after backup"]
    assert saved.exists()
    assert names(saved) == ["Kept in backup"]
    assert mode(db_path) == 0o600
    assert not list(db_path.parent.glob("*.tmp"))
    # the restored file opens as ours
    db = open_database(db_path)
    try:
        assert db.execute("SELECT count(*) FROM employees").fetchone()[0] == 1
    finally:
        db.close()


def test_restore_moves_wal_and_shm_aside(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        saved = backup_database(db.conn, db_path, now=NOON)
    finally:
        db.close()
    wal = db_path.with_name("shop.db-wal")
    shm = db_path.with_name("shop.db-shm")
    wal.write_bytes(b"left by a crash")
    shm.write_bytes(b"left by a crash")
    kept = restore_backup(saved, db_path)
    assert not wal.exists()
    assert not shm.exists()
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"left by a crash"
    assert kept.with_name(kept.name + "-shm").read_bytes() == b"left by a crash"
    assert raw(db_path, "PRAGMA quick_check") == [("ok",)]


def test_two_restores_in_the_same_second_lose_no_replaced_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is lost silently: a second restore must not overwrite the file the first one
    kept aside (the app offers a restore again when the restored file does not open)."""

    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2025, 3, 14, 12, 0, 0)

    db = open_database(db_path)
    try:
        add_people(db, "Original")
        saved = backup_database(db.conn, db_path, now=NOON)
        add_people(db, "Only in the original file")
    finally:
        db.close()
    original = db_path.read_bytes()
    monkeypatch.setattr(backup_module, "datetime", FrozenClock)

    first_kept = restore_backup(saved, db_path)
    second_kept = restore_backup(saved, db_path)

    assert first_kept != second_kept
    assert first_kept.read_bytes() == original
    assert names(db_path) == ["Original"]


def test_backups_of_a_similarly_named_database_are_not_listed(db, db_path: Path) -> None:
    ours = backup_database(db.conn, db_path, now=NOON)
    other = db_path.with_name("shop-old.db")
    other_db = open_database(other)
    try:
        theirs = backup_database(other_db.conn, other, now=NOON)
    finally:
        other_db.close()
    assert list_backups(db_path) == [ours]
    assert list_backups(other) == [theirs]


def _age(path: Path, seconds: float) -> Path:
    when = path.stat().st_mtime - seconds
    os.utime(path, (when, when))
    return path


def test_what_killed_backups_and_restores_left_goes_at_the_next_one(db, db_path: Path) -> None:
    """A backup or restore killed midway leaves its temporary copy and SQLite's journal of
    it; the next backup (or restore) removes those no one has written for 10 minutes, and
    nothing else."""
    folder = backups_dir(db_path)
    folder.mkdir()
    killed_backup = [
        folder / "shop-20250313-120000-1-daily.db.tmp",  # named as before: no token
        folder / "shop-20250313-120000-1-daily.db.tmp-journal",
        folder / "shop-20250313-120000-2-manual.db.3fa9c1d2e4b5.tmp",
        folder / "shop-20250313-120000-2-manual.db.3fa9c1d2e4b5.tmp-journal",
    ]
    running = folder / "shop-20250314-115959-1-export.db.a1b2c3d4e5f6.tmp"  # being written
    not_ours = [folder / "notes.tmp", folder / "other-20250313-120000-1-daily.db.tmp"]
    killed_restore = [db_path.with_name("shop.db.restore.tmp"),
                      db_path.with_name("shop.db.0123456789ab.tmp")]  # fmt: skip
    for path in [*killed_backup, running, *not_ours, *killed_restore]:
        path.write_bytes(b"a copy of the staff records")
    for path in [*killed_backup, *not_ours, *killed_restore]:
        _age(path, 11 * 60)
    _age(running, 5 * 60)

    made = backup_database(db.conn, db_path, now=NOON)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [made.name, running.name, *(p.name for p in not_ours)]
    )
    db.close()
    restore_backup(made, db_path)
    assert not any(p.exists() for p in killed_restore)
    assert not list(db_path.parent.glob("shop.db.*tmp*"))


def test_a_temporary_name_is_never_used_twice(db, db_path: Path, monkeypatch) -> None:
    """Even with a leftover of the same backup name there (a killed run in the same
    second), the copy goes to a new temporary file, created empty and owner-only."""
    used: list[Path] = []
    fresh = backup_module._temporary

    def temporary(final: Path) -> Path:
        path = fresh(final)
        assert path.stat().st_size == 0
        used.append(path)
        return path

    monkeypatch.setattr(backup_module, "_temporary", temporary)
    first = backup_database(db.conn, db_path, now=NOON)
    leftover = first.with_name(first.name.replace("-1-", "-2-") + ".tmp")
    leftover.write_bytes(b"half a copy")
    second = backup_database(db.conn, db_path, now=NOON)
    assert second.name.endswith("-2-manual.db")
    assert len(set(used)) == 2
    assert leftover not in used
    assert all(not p.exists() for p in used)  # moved into place
    assert raw(second, "PRAGMA integrity_check") == [("ok",)]


def choose_folder(db, folder: Path | str, keep: int = 14, file_id: str = "a1b2c3") -> None:
    from retention_desktop.store.settings import set_settings

    set_settings(db, {"backup_folder": str(folder), "backups_kept": keep, "file_id": file_id})


def test_backups_go_to_the_folder_chosen_in_a_subfolder_of_the_file(db, db_path, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    beside = backup_database(db.conn, db_path, now=datetime(2026, 1, 1, 9))
    choose_folder(db, usb)
    where = place(db_path)
    assert where == Place(usb / "shop-a1b2c3", 14)
    assert backup_target(db_path, where) == (usb / "shop-a1b2c3", True)
    taken = backup_database(db.conn, db_path, now=datetime(2026, 1, 2, 9))
    assert taken.parent == usb / "shop-a1b2c3"
    assert mode(taken) == 0o600
    # both are listed, oldest first; the one beside the file stays where it was
    assert list_backups(db_path) == [beside, taken]
    assert find_backup(db_path, None) == taken


def test_a_chosen_folder_that_is_not_there_is_never_made(db, db_path, tmp_path):
    gone = tmp_path / "drive-taken-out"
    choose_folder(db, gone)
    assert backup_target(db_path, place(db_path)) == (backups_dir(db_path), False)
    taken = backup_database(db.conn, db_path)
    assert taken.parent == backups_dir(db_path)
    assert not gone.exists()


def test_two_files_of_the_same_name_keep_their_backups_apart(db, db_path, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    choose_folder(db, usb, file_id="one")
    other_path = tmp_path / "other" / "shop.db"
    other_path.parent.mkdir()
    other = open_database(other_path)
    try:
        choose_folder(other, usb, file_id="two")
        backup_database(other.conn, other_path)
    finally:
        other.close()
    mine = backup_database(db.conn, db_path)
    assert list_backups(db_path) == [mine]


def test_the_number_kept_counts_every_folder(db, db_path, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    old = [backup_database(db.conn, db_path, now=datetime(2026, 1, d, 9)) for d in (1, 2)]
    choose_folder(db, usb, keep=3)
    new = [backup_database(db.conn, db_path, now=datetime(2026, 1, d, 9)) for d in (3, 4)]
    assert list_backups(db_path) == [old[1], *new]
    assert not old[0].exists()


def test_a_backup_copied_elsewhere_can_be_named_by_its_path(db, db_path, tmp_path):
    taken = backup_database(db.conn, db_path)
    elsewhere = tmp_path / "stick" / taken.name
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(taken.read_bytes())
    taken.unlink()
    assert find_backup(db_path, str(elsewhere)) == elsewhere
    assert find_backup(db_path, str(tmp_path / "stick" / "notes.txt")) is None


def test_backups_of_one_second_in_two_folders_keep_their_order(db, db_path, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    beside = backup_database(db.conn, db_path, now=NOON)
    choose_folder(db, usb)
    chosen = backup_database(db.conn, db_path, now=NOON)
    assert list_backups(db_path) == [beside, chosen]
    assert chosen.name.endswith("-2-manual.db")
