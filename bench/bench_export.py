"""Export of 100,000 employees with 10 years of exits (issue 5), against the floor: the
bare openpyxl write-only loop over the same rows.

Builds (or reuses) bench/.cache/big-100k.db. The rows are read once with the store's
export_data (the period 2016-11 .. 2026-10, so every exit is in it) and pickled; then each
variant runs in a fresh child process, so that its peak memory is its own:

- "floor": openpyxl Workbook(write_only=True), one sheet per record table, ws.append of
  the same tuples, save. No styles, no formats, no charts: the least any export costs.
- "export": retention_desktop.sheets.export.write_workbook on the same ExportData (the
  summary sheets with native charts, styles, number formats, column widths, text cells,
  atomic write).
- "export + read": the same, timed from reading the database (store.exporting.export_data
  through its own connection), as File > Export does.

Each is run --repeat times, alternating; min and median of the wall time and the child's
peak RSS (ru_maxrss) are printed, and the export's ratio to the floor on medians against
the target (1.5x, under 500 MB).

    .venv/bin/python bench/bench_export.py [--repeat 3] [--employees N]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from big_db import build

TARGET_RATIO = 1.5
TARGET_MB = 500
TODAY = date(2026, 11, 23)
FIRST, LAST = "2016-11", "2026-10"


def load_data(db_path: Path):
    from retention_desktop.domain.dates import Period
    from retention_desktop.store.exporting import export_data_of_file

    period = Period.parse(FIRST, LAST, TODAY)
    return export_data_of_file(db_path, period, lang="zh_CN", today=TODAY)


def child(variant: str, source: str, target: str) -> dict:
    """One measured run, in this (fresh) process."""
    began = time.perf_counter()
    if variant == "export + read":
        data = load_data(Path(source))
    else:
        with open(source, "rb") as handle:
            data = pickle.load(handle)
        began = time.perf_counter()  # the pickle is not the export's work
    if variant == "floor":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        for rows in (data.employees, data.exits, data.actions):
            sheet = book.create_sheet()
            sheet.append(["h"] * len(rows[0]) if rows else ["h"])
            for row in rows:
                sheet.append(row)
        book.save(target)
    else:
        from retention_desktop.sheets.export import write_workbook

        write_workbook(Path(target), data)
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak, "bytes": os.path.getsize(target)}


def run_child(variant: str, source: Path, target: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", variant, str(source), str(target)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--child", nargs=3, metavar=("VARIANT", "SOURCE", "TARGET"))
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0

    db_path = build(employees=args.employees)
    began = time.perf_counter()
    data = load_data(db_path)
    read = time.perf_counter() - began
    print(
        f"{len(data.employees):,} employment spells, {len(data.exits):,} exits, "
        f"{len(data.actions):,} actions ({FIRST} .. {LAST}); export_data read them in "
        f"{read:.2f} s; {args.repeat} rounds, fresh processes"
    )
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        source = Path(folder) / "data.pickle"
        source.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        variants = ["floor", "export", "export + read"]
        results: dict[str, list[dict]] = {v: [] for v in variants}
        for _ in range(args.repeat):
            for variant in variants:
                target = Path(folder) / f"{variant.replace(' ', '')}.xlsx"
                origin = db_path if variant == "export + read" else source
                results[variant].append(run_child(variant, origin, target))
        print(f"\n  {'variant':<16} {'min s':>7} {'med s':>7} {'peak MB':>8} {'file MB':>8}")
        for variant in variants:
            runs = results[variant]
            times = [r["seconds"] for r in runs]
            peak = max(r["peak_mb"] for r in runs)
            size = runs[-1]["bytes"] / 1e6
            print(
                f"  {variant:<16} {min(times):7.2f} {statistics.median(times):7.2f} "
                f"{peak:8.0f} {size:8.1f}"
            )
        floor = statistics.median(r["seconds"] for r in results["floor"])
        export = statistics.median(r["seconds"] for r in results["export"])
        peak = max(r["peak_mb"] for r in results["export + read"])
        ratio = export / floor
        print(
            f"\nexport / floor (medians): {ratio:.2f}x, target {TARGET_RATIO}x: "
            f"{'OK' if ratio <= TARGET_RATIO else 'MISSED'}; peak {peak:.0f} MB, target "
            f"{TARGET_MB} MB: {'OK' if peak < TARGET_MB else 'MISSED'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
