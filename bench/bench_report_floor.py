"""`report --json` against a plain-SQL floor, timed in the same process (issue 15).

The floor computes only the monthly core of the report with GROUP BY queries that the
date indexes serve: hires per month (spells_hire_date), separations per month split by
exit type (spells_end_date joined to exits), and the opening and closing headcount of the
first month (counts over the same indexes; each later month follows from hires and
separations). Nothing else the report gives (reasons, teams, tenure, seasonality, survival,
probation, labels, JSON) is in the floor: it is what no implementation can go below.

The report is the whole `report --json` in process: the store's `turnover_report` (the
spells read, every figure computed, survival and all) and `json.dumps`. Both run on the
same file, alternating, after one warm-up each; the target is the report within 2x of the
floor on medians.

    .venv/bin/python bench/bench_report_floor.py [--runs 5] [--employees 100000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import date

from big_db import DEFAULT_END, build

from retention_desktop.domain.dates import Period
from retention_desktop.store.database import open_database
from retention_desktop.store.reports import turnover_report

TARGET_RATIO = 2.0
TODAY = date(2026, 11, 15)


def floor(db, period: Period) -> dict:
    """The monthly hires, separations (voluntary, involuntary) and the first opening and
    last closing headcount, from GROUP BY queries on the date indexes."""
    first, last = period.first_day.isoformat(), period.last_day.isoformat()
    hires = dict(db.execute(
        """SELECT substr(hire_date, 1, 7), count(*) FROM spells
           WHERE hire_date BETWEEN ? AND ? GROUP BY 1""", [first, last]).fetchall())  # fmt: skip
    separations = {}
    for month, kind, count in db.execute(
        """SELECT substr(s.end_date, 1, 7), x.exit_type, count(*) FROM spells s
           LEFT JOIN exits x ON x.spell_id = s.id
           WHERE s.end_date BETWEEN ? AND ? GROUP BY 1, 2""", [first, last]):  # fmt: skip
        separations.setdefault(month, {})[kind] = count
    opening = db.execute(
        "SELECT count(*) FROM spells WHERE hire_date < ? AND (end_date IS NULL OR end_date >= ?)",
        [first, first],
    ).fetchone()[0]
    closing = opening + sum(hires.values()) - sum(sum(s.values()) for s in separations.values())
    return {"hires": hires, "separations": separations, "opening": opening, "closing": closing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--employees", type=int, default=100_000)
    args = parser.parse_args()
    path = build(employees=args.employees, years=10, end=DEFAULT_END)
    db = open_database(path, verify=False)
    period = Period.parse("2016-11", "2026-10", TODAY)
    times: dict[str, list[float]] = {"floor": [], "report": []}
    checked = None
    for run in range(args.runs + 1):  # the first of each: a warm-up
        began = time.perf_counter()
        core = floor(db, period)
        floor_time = time.perf_counter() - began
        began = time.perf_counter()
        report = turnover_report(db, period, lang="zh_CN", today=TODAY)
        text = json.dumps(report.to_json(), ensure_ascii=False)
        report_time = time.perf_counter() - began
        if run:
            times["floor"].append(floor_time)
            times["report"].append(report_time)
        checked = (core, report, text)
    core, report, text = checked
    # the floor and the report agree on what both count
    assert core["opening"] == report.summary.opening
    assert core["closing"] == report.summary.closing
    assert sum(core["hires"].values()) == report.summary.hires
    print(f"{path.name}: {args.runs} runs each, 10 years, {len(text) // 1024} KiB of JSON")
    for name, values in times.items():
        print(f"  {name:7s} min {min(values) * 1000:7.0f} ms  median "
              f"{statistics.median(values) * 1000:7.0f} ms")  # fmt: skip
    ratio = statistics.median(times["report"]) / statistics.median(times["floor"])
    verdict = "OK" if ratio <= TARGET_RATIO else "MISSED"
    print(f"report / floor, medians: {ratio:.2f}x (target <= {TARGET_RATIO:g}x): {verdict}")


if __name__ == "__main__":
    main()
