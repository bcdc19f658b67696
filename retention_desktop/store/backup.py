"""Backups with SQLite's online backup API into `backups/` beside the database, or into
a folder the owner chose (a USB drive, a synced folder).

A backup is written to a temporary name and moved into place, so a crash leaves either no
new backup or a whole one. The newest 14 are kept (the owner may choose how many). A
temporary name is never used twice, and what a killed backup or restore left (its
temporary copy and SQLite's journal of it) is removed by the next one.

Where they go and how many are kept are settings of the file (`backup_folder`,
`backups_kept`), read from the database being backed up. In a chosen folder the backups of
one file go into a subfolder of their own (`<name>-<file id>`), so that two shops' files
of the same name never mix there. A chosen folder that is not there (the drive taken out)
is never made: the backup goes beside the file instead, and the caller can tell
(`backup_target`). The backups beside the file are always listed too.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from retention_desktop.domain.settings import DEFAULTS
from retention_desktop.store.paths import make_private_dir, make_private_file, read_only_uri

KEEP = DEFAULTS["backups_kept"]
BACKUP_DIR = "backups"


def backups_dir(db_path: Path) -> Path:
    """The folder beside the file: where backups go unless another was chosen."""
    return db_path.parent / BACKUP_DIR


class Place(NamedTuple):
    """Where the backups of a file go (`chosen`: the owner's folder for this file, or
    None) and how many are kept."""

    chosen: Path | None
    keep: int


def _setting(conn: sqlite3.Connection, key: str, default):
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])
    except (sqlite3.DatabaseError, ValueError):
        return default  # a file that cannot say: beside it, the usual number


def place_of(conn: sqlite3.Connection, db_path: Path) -> Place:
    """The backup settings of the open database `conn`."""
    keep = _setting(conn, "backups_kept", KEEP)
    keep = keep if isinstance(keep, int) and keep >= 1 else KEEP
    folder = _setting(conn, "backup_folder", "")
    if not isinstance(folder, str) or not folder:
        return Place(None, keep)
    file_id = _setting(conn, "file_id", "") or "0"
    return Place(Path(folder) / f"{db_path.stem}-{file_id}", keep)


def place(db_path: Path) -> Place:
    """The backup settings of the file at `db_path` (read-only; the usual ones when it
    cannot be read, damaged say)."""
    try:
        conn = sqlite3.connect(read_only_uri(db_path), uri=True)
    except sqlite3.Error:
        return Place(None, KEEP)
    try:
        return place_of(conn, db_path)
    finally:
        conn.close()


def backup_target(db_path: Path, where: Place) -> tuple[Path, bool]:
    """The folder the next backup goes to, and whether it is the one chosen (False when
    none was chosen or it is not there now)."""
    if where.chosen is not None and where.chosen.parent.is_dir():
        return where.chosen, True
    return backups_dir(db_path), False


def choose_place(db, db_path: Path, folder: str, keep: int) -> Place:
    """Set where the backups of the open database `db` go (`folder`, "" for beside the
    file) and how many are kept, in one transaction; a folder must be there and writable.
    Returns the new place."""
    from retention_desktop.domain.settings import MAX_BACKUPS_KEPT, MIN_BACKUPS_KEPT
    from retention_desktop.store.errors import RecordError
    from retention_desktop.store.settings import get_setting, set_settings

    if not MIN_BACKUPS_KEPT <= keep <= MAX_BACKUPS_KEPT:
        raise RecordError(f"keep between {MIN_BACKUPS_KEPT} and {MAX_BACKUPS_KEPT} backups",
                          field="backups_kept", code="range")  # fmt: skip
    if folder:
        chosen = Path(folder)
        if not chosen.is_dir():
            raise RecordError(f"the folder {folder} is not there", field="backup_folder",
                              code="missing", value=folder)  # fmt: skip
        if not os.access(chosen, os.W_OK | os.X_OK):
            raise RecordError(f"the folder {folder} may not be written", field="backup_folder",
                              code="not_writable", value=folder)  # fmt: skip
    values = {"backup_folder": folder, "backups_kept": keep}
    if folder and not get_setting(db, "file_id"):
        values["file_id"] = secrets.token_hex(4)  # names this file's subfolder there
    set_settings(db, values)
    return place_of(db.conn, db_path)


def backup_folders(db_path: Path, where: Place | None = None) -> list[Path]:
    """The folders the backups of this file are listed from: the chosen one, then the
    one beside the file."""
    where = place(db_path) if where is None else where
    folders = [where.chosen] if where.chosen is not None else []
    return [*folders, backups_dir(db_path)]


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


def list_backups(db_path: Path, where: Place | None = None) -> list[Path]:
    """Backups of this database, oldest first, from every folder they may be in."""
    pattern = _name_pattern(db_path)
    found = []
    for folder in backup_folders(db_path, where):
        try:
            names = list(folder.iterdir())
        except OSError:  # not there (a drive taken out), not readable
            continue
        for path in names:
            match = pattern.fullmatch(path.name)
            if match:
                found.append((match["stamp"], int(match["seq"]), str(path), path))
    return [path for *_, path in sorted(found)]


def backup_database(
    conn: sqlite3.Connection,
    db_path: Path,
    *,
    reason: str = "manual",
    now: datetime | None = None,
    prune: bool = True,
) -> Path:
    """Copy the open database `conn` (file `db_path`) into a new backup, in the folder its
    settings choose (beside the file when that is not there); return its path. The oldest
    backups beyond the number to keep go, unless `prune` is false."""
    now = now or datetime.now()
    where = place_of(conn, db_path)
    folder, chosen = backup_target(db_path, where)
    if chosen:
        folder.mkdir(exist_ok=True)  # its own subfolder in the folder chosen
    make_private_dir(folder)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    pattern = _name_pattern(db_path)
    # numbered after those of the same second in every folder: newest is always last
    same_second = [pattern.fullmatch(p.name) for p in list_backups(db_path, where)
                   if p.name.startswith(f"{db_path.stem}-{stamp}-")]  # fmt: skip
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
        prune_backups(db_path, where)
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
    """The backup called `name` (its file name, or a path to it, wherever it is now: a
    copy on a drive, say), or the latest one."""
    backups = list_backups(db_path)
    if name is None:
        return backups[-1] if backups else None
    found = next((b for b in backups if name in (b.name, str(b), str(b.resolve()))), None)
    if found is None and _name_pattern(db_path).fullmatch(Path(name).name):
        found = Path(name) if Path(name).is_file() else None
    return found


def restore_keeping_current(backup: Path, db_path: Path) -> Path:
    """Put `backup` in place of the database after backing up the file as it is now
    (reason "before-restore"), so restoring that one undoes this; return that backup."""
    current = backup_file(db_path, reason="before-restore", prune=False)
    restore_backup(backup, db_path)  # (the one chosen may be the oldest: pruned after)
    prune_backups(db_path)
    return current


def prune_backups(db_path: Path, where: Place | None = None) -> list[Path]:
    """Remove the oldest backups beyond the number to keep, wherever they are."""
    where = place(db_path) if where is None else where
    backups = list_backups(db_path, where)
    removed = backups[: -where.keep] if len(backups) > where.keep else []
    for old in removed:
        try:
            old.unlink(missing_ok=True)
        except OSError:  # a read-only drive: kept, not an error of the backup
            continue
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
