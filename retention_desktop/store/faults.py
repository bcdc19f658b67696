"""What went wrong with the file or the disk, in the owner's terms: SQLite's and the
operating system's errors sorted into a few kinds (errors.FaultError), each with one plain
sentence. The screens and the command line show the sentence; the form stays open."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from retention_desktop.store.errors import FaultError, StoreError
from retention_desktop.store.paths import programs_using

# what a fault of the file or the disk is raised as, for a caller that catches them
FAULTS = (sqlite3.Error, OSError)

# SQLite's primary result codes (the low byte of an extended code)
_SQLITE_KINDS = {
    3: "permission",  # SQLITE_PERM
    5: "busy",  # SQLITE_BUSY
    6: "busy",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    10: "io",  # SQLITE_IOERR
    11: "damaged",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    14: "missing_folder",  # SQLITE_CANTOPEN: made precise from the folder below
    26: "damaged",  # SQLITE_NOTADB
}
_OS_KINDS = {
    errno.EROFS: "read_only",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.ENOENT: "missing_folder",
    errno.ENAMETOOLONG: "path_too_long",
    errno.EIO: "io",
    errno.EBUSY: "busy",
}


def kind_of(error: BaseException, path: object = None) -> str:
    """The kind of fault `error` is (see errors.FAULT_SENTENCES), "other" if none fits."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        kind = _SQLITE_KINDS.get(code & 0xFF, "other") if code is not None else "other"
        if code is None:  # an older SQLite binding: its message tells
            text = str(error).lower()
            kind = next((k for words, k in _MESSAGES if words in text), "other")
        if kind == "missing_folder" and path is not None and Path(str(path)).parent.exists():
            kind = "permission"  # the folder is there: it may not be opened
        return kind
    if isinstance(error, OSError):
        return _OS_KINDS.get(error.errno, "other")
    return "other"


_MESSAGES = (
    ("readonly", "read_only"),
    ("disk is full", "disk_full"),
    ("locked", "busy"),
    ("disk i/o", "io"),
    ("unable to open", "missing_folder"),
    ("malformed", "damaged"),
    ("not a database", "damaged"),
)


def file_kind_of(error: OSError, path: object) -> str:
    """The kind of fault `error` is for a file other than the database (a workbook
    written, a spreadsheet read): "missing_file" when its folder is there but not it."""
    kind = kind_of(error, path)
    if kind == "missing_folder" and path is not None and Path(str(path)).parent.is_dir():
        kind = "missing_file"
    return kind


def fault_of(error: BaseException, path: object) -> FaultError:
    """`error` as a FaultError about the file at `path`; a busy file names the program
    that holds it, where the system tells."""
    kind = kind_of(error, path)
    holder = ""
    if kind == "busy" and path is not None:
        holder = ", ".join(programs_using(Path(str(path))))
    return FaultError(kind, path, str(error), holder)


@contextmanager
def faults(path: object) -> Iterator[None]:
    """Turn SQLite's and the system's errors inside the block into a FaultError about
    `path` (the store's own refusals go through as they are)."""
    try:
        yield
    except StoreError:
        raise
    except (sqlite3.Error, OSError) as error:
        raise fault_of(error, path) from error
