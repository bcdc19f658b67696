"""SQLite's and the system's errors become one plain sentence of a known kind (FaultError),
made by the real faults where this machine can make them."""

from __future__ import annotations

import errno
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from retention_desktop.domain.records import EmployeeDraft
from retention_desktop.store.errors import FaultError, RecordError
from retention_desktop.store.faults import faults, kind_of
from retention_desktop.store.records import add_employee

TODAY = date(2026, 11, 23)


def draft(name: str = "王芳") -> EmployeeDraft:
    return EmployeeDraft(name=name, hire_date=date(2026, 3, 1), team="售前客服")


def test_a_full_disk(db, db_path: Path) -> None:
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")

    def fill_up() -> None:
        with faults(db_path):
            for n in range(200):  # until a new page is needed
                add_employee(db, draft(f"员工{n}"), today=TODAY)

    with pytest.raises(FaultError) as raised:
        fill_up()
    fault = raised.value
    assert fault.kind == "disk_full"
    assert fault.code == "fault_disk_full"
    assert fault.value == str(db_path)
    assert str(fault) == (
        f"The disk that holds {db_path} is full, so the change was not saved; "
        "free some space and save again"
    )
    assert isinstance(fault, RecordError)  # a form shows it and stays open


def test_a_read_only_connection(db, db_path: Path) -> None:
    db.execute("PRAGMA query_only = ON")
    with pytest.raises(FaultError) as raised, faults(db_path):
        add_employee(db, draft(), today=TODAY)
    assert raised.value.kind == "read_only"
    assert "is read-only" in str(raised.value)


def test_another_program_holding_the_write_lock(db, db_path: Path) -> None:
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        db.execute("PRAGMA busy_timeout = 0")
        with pytest.raises(FaultError) as raised, faults(db_path):
            add_employee(db, draft(), today=TODAY)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert raised.value.kind == "busy"
    assert "Another program is using" in str(raised.value)


def test_a_missing_folder_and_a_damaged_file(tmp_path: Path) -> None:
    gone = tmp_path / "usb-drive" / "shop.db"
    with pytest.raises(sqlite3.OperationalError) as raised:
        sqlite3.connect(gone).execute("CREATE TABLE t (x)")
    assert kind_of(raised.value, gone) == "missing_folder"
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(sqlite3.DatabaseError) as raised:
        sqlite3.connect(junk).execute("SELECT * FROM sqlite_master")
    assert kind_of(raised.value, junk) == "damaged"


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        (errno.EROFS, "read_only"),
        (errno.EACCES, "permission"),
        (errno.ENOSPC, "disk_full"),
        (errno.ENOENT, "missing_folder"),
        (errno.ENAMETOOLONG, "path_too_long"),
        (errno.EIO, "io"),
        (errno.EINVAL, "other"),
    ],
)
def test_system_errors(number: int, kind: str, tmp_path: Path) -> None:
    with pytest.raises(FaultError) as raised, faults(tmp_path / "shop.db"):
        raise OSError(number, "as the system says it", str(tmp_path / "shop.db"))
    assert raised.value.kind == kind
    assert str(tmp_path / "shop.db") in str(raised.value)


def test_the_stores_own_refusals_pass_through(db, db_path: Path) -> None:
    with pytest.raises(RecordError) as raised, faults(db_path):
        add_employee(db, EmployeeDraft(name="", hire_date=date(2026, 3, 1)), today=TODAY)
    assert not isinstance(raised.value, FaultError)


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="reads /proc")
def test_a_busy_file_names_the_program_holding_it(db, db_path: Path) -> None:
    """Another process holds the write lock: the sentence names that program."""
    import subprocess
    import sys

    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(60)",
         str(db_path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline() == "held\n"
        name = Path(f"/proc/{holder.pid}/comm").read_text().strip()  # as the system names it
        db.execute("PRAGMA busy_timeout = 0")
        with pytest.raises(FaultError) as raised, faults(db_path):
            add_employee(db, draft(), today=TODAY)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert raised.value.kind == "busy"
    assert raised.value.holder == name
    assert str(raised.value).startswith(f"{name} is using {db_path}, so the change was not")
