"""Kill a writer at random moments and check that the file holds everything it said was
saved, nothing half-written, and nothing left that passes for valid.

A child process runs the app's own store functions on one database, in a loop, at random:
add, edit, record an exit (with a handover checklist of several rows), rehire, plan an
action, flag at risk, import a batch of rows (one transaction), undo the last import (one
transaction after a backup), take a backup. After each
call returns it prints what it did (`ok <kind> <marker>`). The parent kills it with
SIGKILL after a random time, then checks:

- the file opens (`open_database`, its own checks) and `integrity_check` is "ok";
- `foreign_key_check` is empty;
- every change the child reported is there;
- no multi-row change is half there: each exit has its whole checklist, each import batch
  all of its rows or none, an undone import none of them;
- every backup listed is a whole, healthy database (a killed backup leaves only a
  temporary file, never one with a backup's name).

    .venv/bin/python bench/crash_test.py [--kills 200] [--seed 1] [--max-ms 400]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

TODAY = date(2026, 11, 23)
HANDOVER = 4  # rows of checklist per exit
BATCH = 20  # rows per import


def child(path: Path, seed: int) -> None:
    """Write at random until killed; report each change once it has returned."""
    from retention_desktop.domain.actions import ActionDraft, RiskDraft
    from retention_desktop.domain.exchange import ImportRow
    from retention_desktop.domain.records import EmployeeDraft, ExitDraft, HandoverItem
    from retention_desktop.store.actions import flag_risk, plan_action
    from retention_desktop.store.backup import backup_file
    from retention_desktop.store.database import open_database
    from retention_desktop.store.errors import RecordError
    from retention_desktop.store.importing import import_rows
    from retention_desktop.store.imports import last_import, undo_last_import
    from retention_desktop.store.records import add_employee, record_exit, rehire, update_employee

    rng = random.Random(seed)
    db = open_database(path, verify=False)
    kind_id = db.execute("SELECT id FROM action_types ORDER BY id LIMIT 1").fetchone()[0]

    def report(kind: str, marker: str) -> None:
        sys.stdout.write(f"ok {kind} {marker}\n")
        sys.stdout.flush()

    def employed() -> list[tuple[int, int]]:
        return db.execute(
            "SELECT employee_id, id FROM spells WHERE end_date IS NULL AND employee_id IN "
            "(SELECT id FROM employees WHERE name LIKE 'K%') ORDER BY random() LIMIT 1"
        ).fetchall()

    def one_change(mark: str) -> None:
        choice = rng.random()
        hired = TODAY - timedelta(days=rng.randint(30, 900))
        if choice < 0.3 or not employed():
            employee_id, _spell = add_employee(
                db, EmployeeDraft(name=f"K{mark}", hire_date=hired, team="售前客服"), today=TODAY
            )
            report("add", str(employee_id))
        elif choice < 0.4:
            employee_id, _spell = employed()[0]
            update_employee(db, employee_id, EmployeeDraft(name=f"K{mark}", hire_date=hired),
                            today=TODAY)  # fmt: skip
            report("edit", f"{employee_id} K{mark}")
        elif choice < 0.55:
            employee_id, spell = employed()[0]
            start = db.execute("SELECT hire_date FROM spells WHERE id = ?", [spell]).fetchone()
            last = max(date.fromisoformat(start[0]), TODAY - timedelta(days=5))
            items = [HandoverItem(None, f"item {i} of {mark}") for i in range(HANDOVER)]
            exit_id = record_exit(db, spell, ExitDraft(last_day=last, exit_type="voluntary",
                                                       handover=items))  # fmt: skip
            report("exit", str(exit_id))
        elif choice < 0.6:
            left = db.execute(
                "SELECT e.id FROM employees e WHERE e.name LIKE 'K%' AND NOT EXISTS "
                "(SELECT 1 FROM spells s WHERE s.employee_id = e.id AND s.end_date IS NULL) "
                "LIMIT 1"
            ).fetchone()
            if left:
                spell = rehire(db, left[0], TODAY + timedelta(days=1), today=TODAY)
                report("rehire", str(spell))
        elif choice < 0.7:
            employee_id, _spell = employed()[0]
            action = plan_action(db, ActionDraft(kind_id, TODAY, title=f"A{mark}"),
                                 employee_id=employee_id)  # fmt: skip
            report("plan", f"A{mark}")
            del action
        elif choice < 0.8:
            employee_id, _spell = employed()[0]
            flag = flag_risk(db, employee_id, RiskDraft("high", TODAY, note=f"R{mark}"),
                             today=TODAY)  # fmt: skip
            report("risk", str(flag))
        elif choice < 0.88:
            rows = [ImportRow(row=i + 2, name=f"I{mark}-{i}", hire_date=hired)
                    for i in range(BATCH)]  # fmt: skip
            import_rows(db, path, rows, columns={"name": "Name", "hire_date": "Hire date"},
                        source=f"I{mark}-")  # fmt: skip
            report("import", f"I{mark}-")
        elif choice < 0.93:
            last = last_import(db, check=False)
            if last is not None:
                undo_last_import(db, path)
                report("undo", last.source)
        else:
            target = backup_file(path, reason="manual")
            report("backup", target.name)

    n = 0
    while True:
        n += 1
        try:
            one_change(f"{seed}-{n}")
        except RecordError:  # refused by a rule (nothing written): go on
            continue


def check(path: Path, reported: list[tuple[str, str]]) -> list[str]:
    """What is wrong with the file after a kill (nothing: an empty list)."""
    from retention_desktop.store.backup import list_backups
    from retention_desktop.store.database import open_database

    problems = []
    try:
        db = open_database(path)
    except Exception as error:  # a finding, not a crash of the check
        return [f"does not open: {type(error).__name__}: {error}"]
    try:
        one = lambda sql, *args: db.execute(sql, args).fetchone()  # noqa: E731
        if one("PRAGMA integrity_check")[0] != "ok":
            problems.append("integrity_check is not ok")
        if db.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check is not empty")
        latest: dict[int, str] = {}  # the last name reported for each person edited
        undone = {marker for kind, marker in reported if kind == "undo"}
        for kind, marker in reported:
            if kind == "add" and not one("SELECT 1 FROM employees WHERE id = ?", int(marker)):
                problems.append(f"added employee {marker} is missing")
            elif kind == "edit":
                employee_id, name = marker.split()
                latest[int(employee_id)] = name
            elif kind == "exit" and not one("SELECT 1 FROM exits WHERE id = ?", int(marker)):
                problems.append(f"exit {marker} is missing")
            elif kind == "rehire" and not one("SELECT 1 FROM spells WHERE id = ?", int(marker)):
                problems.append(f"rehire (spell {marker}) is missing")
            elif kind == "plan" and not one(
                "SELECT 1 FROM retention_actions WHERE title = ?", marker
            ):
                problems.append(f"action {marker} is missing")
            elif kind == "risk" and not one("SELECT 1 FROM risk_flags WHERE id = ?", int(marker)):
                problems.append(f"risk flag {marker} is missing")
            elif kind in ("import", "undo"):
                there = one("SELECT count(*) FROM employees WHERE name LIKE ?", marker + "%")[0]
                if marker in undone and there:
                    problems.append(f"import {marker} undone, but {there} rows are there")
                elif marker not in undone and there != BATCH:
                    problems.append(f"import {marker} is not all there")
        for employee_id, name in latest.items():
            now = one("SELECT name FROM employees WHERE id = ?", employee_id)
            # the edit reported, or a later one that was saved before its report was printed
            if now is None or _order(now[0]) < _order(name):
                problems.append(f"edit of {employee_id} to {name} is missing (now {now})")
        for exit_id, items in db.execute(
            "SELECT x.id, (SELECT count(*) FROM handover_items h WHERE h.exit_id = x.id) "
            "FROM exits x JOIN spells s ON s.id = x.spell_id JOIN employees e "
            "ON e.id = s.employee_id WHERE e.name LIKE 'K%'"
        ):
            if items != HANDOVER:
                problems.append(f"exit {exit_id} has {items} of {HANDOVER} checklist rows")
        for prefix, count in db.execute(
            "SELECT substr(name, 1, instr(name, '-') + instr(substr(name, instr(name, '-') "
            "+ 1), '-')), count(*) FROM employees WHERE name LIKE 'I%' GROUP BY 1"
        ):
            if count != BATCH:
                problems.append(f"import {prefix} is half there ({count} of {BATCH})")
    finally:
        db.close()
    for backup in list_backups(path):
        try:
            conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
            try:
                if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    problems.append(f"backup {backup.name} is not healthy")
            finally:
                conn.close()
        except sqlite3.DatabaseError as error:
            problems.append(f"backup {backup.name} is not a database: {error}")
    return problems


def _order(name: str) -> tuple[int, int]:
    """When a "K<seed>-<n>" name was written: later seeds are later rounds."""
    seed, n = name[1:].split("-")
    return int(seed), int(n)


def run(kills: int, seed: int, max_ms: int, quiet: bool = False) -> tuple[int, list[str]]:
    """Kill a writer `kills` times; return how many rounds had problems and what they were."""
    from retention_desktop.domain.demo import generate_shop
    from retention_desktop.store.database import open_database
    from retention_desktop.store.demo import load_shop

    rng = random.Random(seed)
    findings: list[str] = []
    failed = 0
    with tempfile.TemporaryDirectory(prefix="crash-test-") as folder:
        path = Path(folder) / "shop.db"
        db = open_database(path)
        load_shop(db, generate_shop(TODAY, years=2, headcount=20))
        db.close()
        reported: list[tuple[str, str]] = []
        began = time.perf_counter()
        for round_ in range(1, kills + 1):
            process = subprocess.Popen(
                [sys.executable, __file__, "--child", str(path), str(seed * 100_000 + round_)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            time.sleep(rng.uniform(0.15, 0.15 + max_ms / 1000))  # past start-up, then at random
            os.kill(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            if process.returncode != -signal.SIGKILL:
                findings.append(f"round {round_}: the writer stopped by itself: {err[-500:]}")
                failed += 1
                continue
            lines = [line.split(" ", 2)[1:] for line in out.splitlines() if line.startswith("ok ")]
            reported += [(kind, marker) for kind, marker in lines]
            problems = check(path, reported)
            if problems:
                failed += 1
                findings += [f"round {round_}: {p}" for p in problems]
            if not quiet and round_ % 20 == 0:
                print(f"  {round_} kills, {len(reported)} changes reported, {failed} rounds "
                      f"with problems, {time.perf_counter() - began:.0f} s")  # fmt: skip
    if not quiet:
        kinds = Counter(kind for kind, _ in reported)
        print("  changes reported by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    return failed, findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-ms", type=int, default=400, help="longest run before a kill")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]))
        return 0
    began = time.perf_counter()
    failed, findings = run(args.kills, args.seed, args.max_ms)
    for finding in findings:
        print(finding)
    print(f"{args.kills} kills, {failed} rounds with problems, "
          f"{time.perf_counter() - began:.0f} s")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
