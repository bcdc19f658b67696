"""Import of 100,000 rows (issue 5), against the floor: the bare openpyxl read-only loop
(and csv.reader for a CSV) over the same file.

Writes, from bench/.cache/big-100k.db, the import format's rows (every employment spell,
with the Chinese headers 工号 姓名 部门 岗位 入职日期 离职日期
离职类型 离职原因 电话 备注) as an .xlsx with real date cells and as a GB18030 CSV, the first
100,000 rows. Then each variant runs in a fresh child process (its own peak memory):

- "floor": openpyxl load_workbook(read_only=True) and a loop over every row's values
  (values_only); for the CSV, csv.reader over the decoded file;
- "read": sheets.importing.read_import: detection, mapping, dates, every check;
- "import": read_import and store.importing.import_rows into an empty database (backup,
  one transaction), what File > Import and `retention-desktop import` do; then, timed
  apart, store.imports.undo_last_import (Edit > Undo import, `import --undo`).

Min and median of --repeat rounds and the children's peak RSS; the import's ratio to the
floor on medians against the target (2x, for the .xlsx: the issue's floor is the openpyxl
read-only loop; the CSV's csv.reader figure is shown beside it).

    .venv/bin/python bench/bench_import.py [--repeat 3] [--rows 100000]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from big_db import build

TARGET_RATIO = 2.0
HEADER = [
    "工号",
    "姓名",
    "部门",
    "岗位",
    "入职日期",
    "离职日期",
    "离职类型",
    "离职原因",
    "电话",
    "备注",
]
TYPES = {"voluntary": "主动", "involuntary": "被动", None: ""}


def source_rows(db_path: Path, count: int) -> list[tuple]:
    import sqlite3

    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            """SELECT e.employee_no, e.name, s.team, s.position, s.hire_date, s.end_date,
                      x.exit_type, r.label_zh, e.phone, e.notes
               FROM spells s JOIN employees e ON e.id = s.employee_id
               LEFT JOIN exits x ON x.spell_id = s.id
               LEFT JOIN exit_reasons r ON r.id = x.primary_reason_id
               ORDER BY s.id LIMIT ?""",
            [count],
        ).fetchall()
    finally:
        conn.close()
    return rows


def write_files(rows: list[tuple], folder: Path) -> tuple[Path, Path]:
    from datetime import date

    from openpyxl import Workbook

    xlsx, csv_path = folder / "roster.xlsx", folder / "roster.csv"
    book = Workbook(write_only=True)
    sheet = book.create_sheet("名单")
    sheet.append(HEADER)
    for number, name, team, position, hired, ended, kind, reason, phone, notes in rows:
        sheet.append([number, name, team, position, date.fromisoformat(hired),
                      date.fromisoformat(ended) if ended else None, TYPES[kind], reason,
                      phone, notes])  # fmt: skip
    book.save(xlsx)
    with csv_path.open("w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number, name, team, position, hired, ended, kind, reason, phone, notes in rows:
            writer.writerow([number, name, team, position, hired, ended or "", TYPES[kind],
                             reason or "", phone, notes])  # fmt: skip
    return xlsx, csv_path


def child(variant: str, file: str, folder: str) -> dict:
    path = Path(file)
    began = time.perf_counter()
    count = 0
    if variant == "floor":
        if path.suffix == ".xlsx":
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True)
            for row in book.worksheets[0].iter_rows(values_only=True):
                count += len(row)
            book.close()
        else:
            with path.open(encoding="gb18030", newline="") as handle:
                for row in csv.reader(handle):
                    count += len(row)
    else:
        from retention_desktop.sheets.importing import read_import

        parsed = read_import(path)
        assert parsed.clean, parsed.problems[:3]
        count = len(parsed.rows)
        if variant == "import":
            from retention_desktop.store.database import open_database
            from retention_desktop.store.importing import import_rows

            db_path = Path(folder) / f"import-{os.getpid()}.db"
            db = open_database(db_path)
            summary = import_rows(db, db_path, parsed.rows, columns=parsed.columns)
            assert summary.written
            assert summary.spells_added == count
            seconds = time.perf_counter() - began
            # Undo import: the check of what was made since, a backup, the removal
            from retention_desktop.store.imports import undo_last_import

            began = time.perf_counter()
            undo_last_import(db, db_path)
            undo = time.perf_counter() - began
            assert db.execute("SELECT count(*) FROM spells").fetchone()[0] == 0
            db.close()
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            return {"seconds": seconds, "peak_mb": peak, "count": count, "undo": undo}
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak, "count": count}


def run_child(variant: str, file: Path, folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", variant, str(file), str(folder)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child", nargs=3, metavar=("VARIANT", "FILE", "FOLDER"))
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0

    db_path = build()
    rows = source_rows(db_path, args.rows)
    with tempfile.TemporaryDirectory(prefix="bench-import-") as name:
        folder = Path(name)
        xlsx, csv_path = write_files(rows, folder)
        print(
            f"{len(rows):,} rows; roster.xlsx {xlsx.stat().st_size / 1e6:.1f} MB, roster.csv "
            f"(GB18030) {csv_path.stat().st_size / 1e6:.1f} MB; {args.repeat} rounds, fresh "
            "processes"
        )
        for file in (xlsx, csv_path):
            variants = ["floor", "read", "import"]
            results: dict[str, list[dict]] = {v: [] for v in variants}
            for _ in range(args.repeat):
                for variant in variants:
                    results[variant].append(run_child(variant, file, folder))
            print(f"\n  {file.name:<16} {'min s':>7} {'med s':>7} {'peak MB':>8}")
            for variant in variants:
                times = [r["seconds"] for r in results[variant]]
                peak = max(r["peak_mb"] for r in results[variant])
                print(f"  {variant:<16} {min(times):7.2f} {statistics.median(times):7.2f} "
                      f"{peak:8.0f}")  # fmt: skip
            floor = statistics.median(r["seconds"] for r in results["floor"])
            whole = statistics.median(r["seconds"] for r in results["import"])
            ratio = whole / floor
            if file.suffix == ".xlsx":
                verdict = f"target {TARGET_RATIO}x: " + (
                    "OK" if ratio <= TARGET_RATIO else "MISSED"
                )
            else:  # csv.reader is no floor for parsing dates and checking rows: shown only
                verdict = "(no target: the floor is the openpyxl loop)"
            print(f"  import / floor (medians): {ratio:.2f}x, {verdict}")
            undo = [r["undo"] for r in results["import"]]
            print(f"  then Undo import: min {min(undo):.2f} s, median "
                  f"{statistics.median(undo):.2f} s (check, backup, removal)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
