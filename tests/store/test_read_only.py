"""A file or folder the app may not write opens read-only: everything reads, every write
is refused as a read-only fault, and nothing is created beside the file. Run as a user
who is not root (root ignores file modes): see tests/unprivileged.py."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from unprivileged import as_unprivileged, read_only, shared_folder

from retention_desktop.domain.dates import Period
from retention_desktop.domain.demo import generate_shop
from retention_desktop.domain.records import EmployeeDraft
from retention_desktop.store import queries
from retention_desktop.store.database import is_read_only, open_database, reading
from retention_desktop.store.demo import load_shop
from retention_desktop.store.errors import FaultError
from retention_desktop.store.faults import faults
from retention_desktop.store.records import add_employee
from retention_desktop.store.reports import turnover_report

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("read-only-demo") / "shop.db"
    db = open_database(path)
    load_shop(db, generate_shop(TODAY))
    db.close()
    return path


def look(path: Path) -> dict:
    """What the unprivileged user can do with the file: read, report, try to write."""
    db = open_database(path)
    try:
        seen = {
            "read_only": is_read_only(db),
            "counts": queries.counts(db),
            "separations": turnover_report(
                db, Period.last_whole_months(TODAY), lang="en", today=TODAY
            ).summary.separations,
        }
        try:
            with faults(path):
                add_employee(db, EmployeeDraft(name="新同事", hire_date=TODAY), today=TODAY)
        except FaultError as fault:
            seen["write"] = (fault.kind, str(fault))
        with reading(path) as other:  # how a background read opens it
            seen["background"] = queries.counts(other)
    finally:
        db.close()
    seen["beside"] = sorted(p.name for p in path.parent.iterdir())
    seen["root"] = os.geteuid() == 0
    return seen


@pytest.mark.parametrize("what", ["file", "folder", "both"])
def test_a_file_it_may_not_write_is_read_and_never_written(demo_file, what):
    with shared_folder() as folder:
        path = folder / "shop.db"
        shutil.copyfile(demo_file, path)
        path.chmod(0o644)
        read_only(*{"file": [path], "folder": [folder], "both": [path, folder]}[what])
        seen = as_unprivileged(lambda: look(path))
        db = open_database(demo_file)
        expected = queries.counts(db)
        db.close()
        assert seen["root"] is False
        assert seen["read_only"] is True
        assert seen["counts"] == expected
        assert seen["background"] == expected
        assert seen["separations"] > 0
        assert seen["write"] == (
            "read_only",
            f"The file {path} is read-only, so the change was not saved",
        )
        assert seen["beside"] == ["shop.db"]  # no -wal, -shm or journal made


def test_a_writable_file_is_not_read_only(db) -> None:
    assert is_read_only(db) is False
