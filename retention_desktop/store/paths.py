"""Where the database lives, and keeping its files readable by the owner only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "RetentionDesktop"
DB_FILENAME = "retention.db"
ENV_VAR = "RETENTION_DB"


def default_db_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


def resolve_db_path(arg: str | os.PathLike | None, environ: dict | None = None) -> Path:
    """`--db` first, then `RETENTION_DB`, then the platform's user data dir."""
    environ = os.environ if environ is None else environ
    if arg:
        return Path(arg).expanduser()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    return default_db_path()


def make_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) owner-only; tighten it if we made it."""
    existed = folder.exists()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not existed and os.name == "posix":
        os.chmod(folder, 0o700)


def make_private_file(path: Path) -> None:
    """Tighten an existing file to owner read/write (POSIX only)."""
    if os.name == "posix" and path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode != 0o600:
            os.chmod(path, 0o600)


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file, so SQLite's -wal/-shm inherit its mode."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    make_private_file(path)


def database_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def writable(path: Path) -> bool:
    """Whether the app may write the database at `path`: the file, and its folder (where
    SQLite keeps the file's -wal log and -shm index)."""
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def read_only_uri(path: Path) -> str:
    """The URI that opens the file at `path` read-only (sqlite3.connect(..., uri=True)).

    A file the app cannot write is opened as unchanging (`immutable`) when no log is
    beside it: SQLite then creates nothing beside it (a read-only WAL file would otherwise
    need a -shm index it cannot make). A log beside it holds saved changes, so it is read
    as usual."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not writable(path):
        wal = path.with_name(path.name + "-wal")
        if not wal.exists() or wal.stat().st_size == 0:
            uri += "&immutable=1"
    return uri


APP_MARKS = ("retention_desktop", "retention-desktop", "retentiondesktop")


def command_line(pid: int) -> str | None:
    """The command line of process `pid`, or None where it cannot be read (no such
    process, or a system without /proc)."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return raw.replace(b"\0", b" ").decode("utf-8", "replace").strip()


def is_our_program(command: str) -> bool:
    return any(mark in command.lower() for mark in APP_MARKS)


def open_in_window(db_path: Path) -> bool:
    """Whether a Retention Desktop window holds the file (its `<file>.lock`, written by the
    window, names a process that runs and is ours). Where processes cannot be looked at,
    a lock file alone counts."""
    lock = db_path.with_name(db_path.name + ".lock")
    try:
        pid = int(lock.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0])
    except (OSError, ValueError):
        return False
    if not Path("/proc/self/cmdline").exists():
        return True
    command = command_line(pid)
    return command is not None and is_our_program(command)


def programs_using(path: Path) -> list[str]:
    """The names of the other programs that have the file (or its -wal log) open, where
    the system shows it (/proc on Linux; elsewhere none are known)."""
    wanted = {str(path.resolve()), str(path.resolve()) + "-wal"}
    found: list[str] = []
    proc = Path("/proc")
    if not (proc / "self" / "fd").exists():
        return found
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            links = {os.readlink(fd) for fd in (entry / "fd").iterdir()}
        except OSError:  # gone, or not ours to look at
            continue
        if links & wanted:
            try:
                name = (entry / "comm").read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                continue
            if name and name not in found:
                found.append(name)
    return found
