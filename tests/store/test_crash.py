"""The crash test, short: a writer using the store is killed with SIGKILL at random
moments (bench/crash_test.py, 200 kills there) and the file must hold every change it
reported, whole, with nothing half-written. And the check finds what it must."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[2] / "bench" / "crash_test.py"


@pytest.fixture(scope="module")
def crash_test():
    spec = importlib.util.spec_from_file_location("crash_test", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(os.name != "posix" or sys.platform == "darwin", reason="SIGKILL, /proc")
def test_a_writer_killed_at_random_loses_nothing_it_saved(crash_test):
    failed, findings = crash_test.run(kills=5, seed=3, max_ms=300, quiet=True)
    assert findings == []
    assert failed == 0


def test_the_check_finds_a_half_import_and_a_missing_change(crash_test, db, db_path):
    from datetime import date

    from retention_desktop.domain.records import EmployeeDraft
    from retention_desktop.store.records import add_employee

    for i in range(5):  # 5 of a batch of 20
        add_employee(db, EmployeeDraft(name=f"I9-1-{i}", hire_date=date(2026, 1, 1)),
                     today=date(2026, 11, 23))  # fmt: skip
    db.close()
    problems = crash_test.check(db_path, [("add", "999"), ("import", "I9-1-")])
    assert "added employee 999 is missing" in problems
    assert "import I9-1- is not all there" in problems
    assert any("half there (5 of 20)" in p for p in problems)
