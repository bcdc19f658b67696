"""Backups with SQLite's online backup API into `backups/` beside the database.

A backup is written to a temporary name and moved into place, so a crash leaves either no
new backup or a whole one. The last 14 are kept. A temporary name is never used twice, and
what a killed backup or restore left (its temporary copy and SQLite's journal of it) is
removed by the next one.
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from retention_desktop.store.paths import make_private_dir, make_private_file, read_only_uri

KEEP = 14
BACKUP_DIR = "backups"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def _name_pattern(db_path: Path) -> re.Pattern[str]:
    # <stem>-<YYYYmmdd-HHMMSS>-<sequence>-<reason>.db; the sequence orders backups taken
    # within one second.
    return re.compile(
        rf"{re.escape(db_path.stem)}-(?P<stamp>\d{{8}}-\d{{6}})-(?P<seq>\d+)-[a-z][a-z-]*\.db"
    )


# A temporary file not written for this long was left by a backup or restore that was
# killed (one that runs writes its copy without a pause).
STALE_AFTER = 10 * 60


def _temporary(final: Path) -> Path:
    """A new, empty, owner-only file beside `final` for its copy to be written to: a name
    never used before (a killed run's leftover is never written into again)."""
    while True:
        candidate = final.with_name(f"{final.name}.{secrets.token_hex(6)}.tmp")
        try:
            handle = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        os.close(handle)
        make_private_file(candidate)
        return candidate


def remove_stale_temporaries(folder: Path, final: str, now: float | None = None) -> list[Path]:
    """Remove the temporary copies (and SQLite's journals of them) that killed backups or
    restores left in `folder` for files whose names match the pattern `final`, once nothing
    has written them for STALE_AFTER seconds; return what was removed."""
    now = time.time() if now is None else now
    leftover = re.compile(rf"{final}(\.[0-9a-f]+|\.restore)?\.tmp(-journal|-wal|-shm)?")
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        if not leftover.fullmatch(path.name):
            continue
        try:
            if now - path.stat().st_mtime >= STALE_AFTER:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:  # removed meanwhile
            continue
    return removed


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, oldest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _name_pattern(db_path)
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match:
            found.append((match["stamp"], int(match["seq"]), path))
    return [path for *_, path in sorted(found)]


def backup_database(
    conn: sqlite3.Connection,
    db_path: Path,
    *,
    reason: str = "manual",
    now: datetime | None = None,
    prune: bool = True,
) -> Path:
    """Copy the open database `conn` (file `db_path`) into a new backup; return its path.
    The oldest backups beyond KEEP go, unless `prune` is false."""
    now = now or datetime.now()
    folder = backups_dir(db_path)
    make_private_dir(folder)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    pattern = _name_pattern(db_path)
    same_second = [pattern.fullmatch(p.name) for p in folder.glob(f"{db_path.stem}-{stamp}-*")]
    sequence = 1 + max((int(m["seq"]) for m in same_second if m), default=0)
    target = folder / f"{db_path.stem}-{stamp}-{sequence}-{reason}.db"
    remove_stale_temporaries(folder, _name_pattern(db_path).pattern)
    temporary = _temporary(target)
    try:
        dest = sqlite3.connect(temporary)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if prune:
        prune_backups(db_path)
    return target


class BackupInfo(NamedTuple):
    """A backup as the owner chooses one: when, why, how big and what it holds (None
    when it cannot be read)."""

    path: Path
    taken: datetime
    reason: str
    size: int
    employees: int | None
    exits: int | None
    actions: int | None


def describe_backups(db_path: Path) -> list[BackupInfo]:
    """Every backup of this database, oldest first, with what each holds."""
    found = []
    pattern = _name_pattern(db_path)
    for path in list_backups(db_path):
        match = pattern.fullmatch(path.name)
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        reason = path.name[match.end("seq") + 1 : -len(".db")]
        counts: tuple = (None, None, None)
        try:
            conn = sqlite3.connect(read_only_uri(path), uri=True)
            try:
                counts = conn.execute(
                    "SELECT (SELECT count(*) FROM employees), (SELECT count(*) FROM exits), "
                    "(SELECT count(*) FROM retention_actions)"
                ).fetchone()
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            pass  # shown without its counts
        found.append(BackupInfo(path, taken, reason, path.stat().st_size, *counts))
    return found


def find_backup(db_path: Path, name: str | None) -> Path | None:
    """The backup called `name` (its file name, or a path to it), or the latest one."""
    backups = list_backups(db_path)
    if name is None:
        return backups[-1] if backups else None
    return next((b for b in backups if name in (b.name, str(b), str(b.resolve()))), None)


def restore_keeping_current(backup: Path, db_path: Path) -> Path:
    """Put `backup` in place of the database after backing up the file as it is now
    (reason "before-restore"), so restoring that one undoes this; return that backup."""
    current = backup_file(db_path, reason="before-restore", prune=False)
    restore_backup(backup, db_path)  # (the one chosen may be the oldest: pruned after)
    prune_backups(db_path)
    return current


def prune_backups(db_path: Path, keep: int = KEEP) -> list[Path]:
    backups = list_backups(db_path)
    removed = backups[:-keep] if len(backups) > keep else []
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def backup_due_today(db_path: Path, today: datetime) -> bool:
    """True unless a backup was already taken on `today`'s date (at most one a day)."""
    prefix = f"{db_path.stem}-{today:%Y%m%d}-"
    return not any(p.name.startswith(prefix) for p in list_backups(db_path))


def restore_backup(backup: Path, db_path: Path) -> Path:
    """Put `backup` in place of `db_path` (which must not be open); the file it replaces is
    kept beside it as `<name>.replaced-<time>` so nothing is lost."""
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}")
    sequence = 1
    while kept.exists():
        sequence += 1
        kept = db_path.with_name(f"{db_path.name}.replaced-{stamp}-{sequence}")
    remove_stale_temporaries(db_path.parent, re.escape(db_path.name))
    temporary = _temporary(db_path)
    try:
        source = sqlite3.connect(read_only_uri(backup), uri=True)
        dest = sqlite3.connect(temporary)
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
        if db_path.exists():
            os.replace(db_path, kept)
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                os.replace(side, kept.with_name(kept.name + suffix))
        os.replace(temporary, db_path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return kept


def backup_file(
    db_path: Path, *, reason: str = "manual", now: datetime | None = None, prune: bool = True
) -> Path:
    """Back up the database file with a connection of the calling thread's own (for
    background jobs: one sqlite3 connection per thread)."""
    conn = sqlite3.connect(read_only_uri(db_path), uri=True)
    try:
        return backup_database(conn, db_path, reason=reason, now=now, prune=prune)
    finally:
        conn.close()


def daily_backup(db_path: Path, now: datetime | None = None) -> Path | None:
    """The backup taken when the app opens: at most one a day."""
    now = now or datetime.now()
    if not backup_due_today(db_path, now):
        return None
    return backup_file(db_path, reason="daily", now=now)
