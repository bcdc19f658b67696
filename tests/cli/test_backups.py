"""`backups` lists what there is to go back to; `restore` goes back, keeping the file as
it was as a backup, so restoring that one undoes it; never while a window has the file."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import pytest
from unprivileged import started_process

from retention_desktop.store.backup import list_backups


def employees(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM employees").fetchone()[0]
    conn.close()
    return count


def test_list_restore_and_undo(run, demo_db: Path) -> None:
    assert run("backups", "--db", demo_db).out == (
        f"No backups of {demo_db} yet (they are kept in {demo_db.parent / 'backups'}).\n"
    )
    assert run("backup", "--db", demo_db).code == 0
    before = employees(demo_db)
    with sqlite3.connect(demo_db) as conn:  # a change after the backup
        conn.execute("DELETE FROM employees WHERE id IN (SELECT id FROM employees LIMIT 5)")
    conn.close()
    assert employees(demo_db) == before - 5

    listed = run("backups", "--db", demo_db)
    assert listed.code == 0
    lines = listed.out.splitlines()
    folder = demo_db.parent / "backups"
    assert lines[0] == (
        f"Backups of {demo_db}, in {folder}, oldest first (the next goes to {folder}):"
    )
    assert re.fullmatch(
        rf"  shop-\d{{8}}-\d{{6}}-1-manual\.db  \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d  manual"
        rf" +[\d,]+ KB  {before} employees, \d+ exits, \d+ actions",
        lines[1],
    ), lines[1]

    restored = run("restore", "--db", demo_db)  # the latest
    assert restored.code == 0, restored.err
    assert employees(demo_db) == before
    kept = [b for b in list_backups(demo_db) if b.name.endswith("-before-restore.db")]
    assert len(kept) == 1
    assert f"kept as the backup {kept[0].name}: restore it to undo" in restored.out

    undone = run("restore", "--db", demo_db, kept[0].name)
    assert undone.code == 0, undone.err
    assert employees(demo_db) == before - 5


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc")
def test_restore_refuses_what_is_not_there_and_an_open_window(run, demo_db: Path) -> None:
    result = run("restore", "--db", demo_db)
    assert result.code == 2
    assert "There is no backup of" in result.err
    assert run("backup", "--db", demo_db).code == 0
    result = run("restore", "--db", demo_db, "nothing-like-it.db")
    assert "There is no backup called nothing-like-it.db" in result.err
    # a window holds the file: its lock names a running Retention Desktop
    window = started_process(sys.executable, "-c", "import time; time.sleep(60)", "-m",
                             "retention_desktop")  # fmt: skip
    try:
        lock = demo_db.with_name(demo_db.name + ".lock")
        lock.write_text(f"{window.pid}\nretention-desktop\nhost\n")
        before = demo_db.read_bytes()
        result = run("restore", "--db", demo_db)
    finally:
        window.kill()
        window.wait()
    assert result.code == 2
    assert "is open in Retention Desktop: close its window, then restore" in result.err
    assert demo_db.read_bytes() == before
