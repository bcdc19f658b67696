"""How long `retention-desktop report --json` takes over 10 whole years of a big shop.

Builds (or reuses) the bench/.cache/big-100k.db of big_db.py, then:

1. runs `python -m retention_desktop report --db ... --from ... --to ... --json` as a real
   child process several times (RETENTION_TODAY fixed) and prints min / median wall time
   and the child's peak memory (max RSS) against the targets: under 0.5 s, under 300 MB;
2. checks the JSON is sane (closing = opening + hires - separations each month, months
   chain, every breakdown adds up to the separations, the counts match SQL on the file);
3. times the parts in this process (store import, open_database, spell_facts,
   tally_rows, report_of_tally, JSON), so one can see where the time goes;
4. with --profile, profiles one whole in-process `report --json` with cProfile.

    .venv/bin/python bench/bench_report.py [--runs 5] [--employees N] [--profile]

Peak memory: `resource.getrusage(RUSAGE_CHILDREN).ru_maxrss` is the largest max RSS of
all children waited for so far, not the last one's, so it cannot give a per-run figure
after the first run. Each child is therefore reaped with `os.wait4`, which returns the
rusage of that one child; the RUSAGE_CHILDREN high-water mark is printed as a cross-check
(it must equal the largest per-run figure). Linux reports ru_maxrss in KiB, macOS in bytes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import json
import os
import pstats
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from big_db import DEFAULT_END, ROOT, build, stats_of, window

from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import Terms, report_of_tally
from retention_desktop.domain.tally import tally_rows
from retention_desktop.store.database import open_database
from retention_desktop.store.queries import period_spells, reason_labels
from retention_desktop.store.reports import today_figures
from retention_desktop.store.settings import get_setting

TARGET_SECONDS = 0.5
TARGET_MB = 300
TODAY = "2026-11-15"  # after the last month, so the whole window is in the past
PYTHON = ROOT / ".venv" / "bin" / "python"
MAXRSS_TO_MB = (1 / 1024) if sys.platform != "darwin" else 1 / (1024 * 1024)


def _python() -> str:
    return str(PYTHON) if PYTHON.exists() else sys.executable


def child_env() -> dict[str, str]:
    env = dict(os.environ, RETENTION_TODAY=TODAY, PYTHONPATH=str(ROOT))
    env.pop("RETENTION_DB", None)
    return env


def run_child(args: list[str]) -> tuple[float, float, bytes]:
    """Run one child; return (wall seconds, its own max RSS in MB, its stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen([_python(), *args], stdout=out, stderr=err, env=child_env())
        _, status, usage = os.wait4(proc.pid, 0)  # this child's rusage, not the running max
        wall = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{args} failed ({proc.returncode}): {err.read().decode()}")
        return wall, usage.ru_maxrss * MAXRSS_TO_MB, out.read()


def _row(label: str, walls: list[float], rss: list[float] | None = None, target=None) -> str:
    low, mid = min(walls) * 1000, statistics.median(walls) * 1000
    text = f"  {label:<38} min {low:7.0f} ms  median {mid:7.0f} ms"
    if rss is not None:
        text += f"  peak {max(rss):6.1f} MB"
    if target is not None:
        ok = statistics.median(walls) < TARGET_SECONDS and (rss is None or max(rss) < TARGET_MB)
        text += "  OK" if ok else "  OVER TARGET"
    return text


def check_json(report: dict, db_path: Path, period: Period, expected_exits: int) -> list[str]:
    """Problems found in the report JSON (empty when sane)."""
    problems = []
    months = report["monthly"]
    summary = report["summary"]
    if len(months) != period.month_count or report["period"]["months"] != period.month_count:
        problems.append(f"{len(months)} months, expected {period.month_count}")
    for m in months:
        if m["closing"] != m["opening"] + m["hires"] - m["separations"]:
            problems.append(f"{m['month']}: closing != opening + hires - separations")
        if m["voluntary"] + m["involuntary"] != m["separations"]:
            problems.append(f"{m['month']}: voluntary + involuntary != separations")
    for a, b in itertools.pairwise(months):
        if a["closing"] != b["opening"]:
            problems.append(f"{a['month']} closing != {b['month']} opening")
    separations = summary["separations"]
    sums = {
        "monthly": sum(m["separations"] for m in months),
        "by_reason": sum(r["separations"] for r in report["by_reason"]),
        "by_team": sum(t["separations"] for t in report["by_team"]),
        "tenure_at_exit": sum(b["separations"] for b in report["tenure_at_exit"]),
        "seasonality": sum(s["separations"] for s in report["seasonality"]),
    }
    for name, total in sums.items():
        if total != separations:
            problems.append(f"{name} adds up to {total}, not {separations}")
    if summary["opening"] != months[0]["opening"] or summary["closing"] != months[-1]["closing"]:
        problems.append("summary opening/closing differ from the first/last month")
    # Independent counts straight from the file.
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        first, last = period.first_day.isoformat(), period.last_day.isoformat()
        sql_seps, sql_hires = conn.execute(
            "SELECT count(*) FILTER (WHERE end_date BETWEEN :f AND :l),"
            " count(*) FILTER (WHERE hire_date BETWEEN :f AND :l) FROM spells",
            {"f": first, "l": last},
        ).fetchone()
    finally:
        conn.close()
    if (separations, summary["hires"]) != (sql_seps, sql_hires):
        problems.append(
            f"separations/hires {separations}/{summary['hires']} != SQL {sql_seps}/{sql_hires}"
        )
    if separations != expected_exits:
        problems.append(f"{separations} separations, the file holds {expected_exits} exits")
    employees = stats_of(db_path)["employees"]
    if not 0.54 <= separations / employees <= 0.66:  # 60,000 for 100,000 employees
        problems.append(f"{separations} separations is not about 60% of {employees} employees")
    return problems


def traced_sql(db, call) -> tuple[object, list[str]]:
    """Run `call(db)` and return its result and the statements it ran, values bound in."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        return call(db), seen
    finally:
        db.conn.set_trace_callback(None)


def time_parts(db_path: Path, period: Period, runs: int, lang: str) -> list[str]:
    """Time each stage of the report in this process."""
    today = date.fromisoformat(TODAY)
    stages: dict[str, list[float]] = {
        "open_database, as report opens it (verify=False)": [],
        "PRAGMA quick_check (what verify=True adds)": [],
        "period_spells (SQL, reason ids) + reason_labels": [],
        "  of which its SQL alone (fetchall)": [],
        "today_figures (counts on the date indexes)": [],
        "tally_rows (one pass over the rows)": [],
        "report_of_tally (+ Tally.named)": [],
        "to_json + json.dumps": [],
    }
    facts_count, plan = 0, []
    for _ in range(runs):
        t0 = time.perf_counter()
        db = open_database(db_path, create=False, verify=False)
        t1 = time.perf_counter()
        try:
            terms = Terms(
                float(get_setting(db, "recruiting_cost_per_hire")),
                float(get_setting(db, "training_cost_per_hire")),
                int(get_setting(db, "probation_months")),
            )
            t2 = time.perf_counter()
            facts, statements = traced_sql(db, lambda conn: period_spells(conn, period))
            labels = reason_labels(db, lang)
            t3 = time.perf_counter()
            # The very statement period_spells ran (values bound in), without the Python side.
            sql = [q for q in statements if q.lstrip().upper().startswith("SELECT")][-1]
            rows = db.execute(sql).fetchall()
            t4 = time.perf_counter()
            plan = [r[3] for r in db.execute(f"EXPLAIN QUERY PLAN {sql}")]
            t4a = time.perf_counter()
            today_figures(db, today)
            t4b = time.perf_counter()
        finally:
            db.close()
        t5 = time.perf_counter()
        tally = tally_rows(facts, period, today=today, probation_months=terms.probation_months)
        t5a = time.perf_counter()
        report = report_of_tally(tally.named(labels), period, lang=lang, terms=terms)
        t6 = time.perf_counter()
        text = json.dumps(report.to_json(), ensure_ascii=False, indent=2)
        t7 = time.perf_counter()
        ro = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        t8 = time.perf_counter()
        ro.execute("PRAGMA quick_check").fetchall()
        t9 = time.perf_counter()
        ro.close()
        stages["open_database, as report opens it (verify=False)"].append(t1 - t0)
        stages["PRAGMA quick_check (what verify=True adds)"].append(t9 - t8)
        stages["period_spells (SQL, reason ids) + reason_labels"].append(t3 - t2)
        stages["  of which its SQL alone (fetchall)"].append(t4 - t3)
        stages["today_figures (counts on the date indexes)"].append(t4b - t4a)
        stages["tally_rows (one pass over the rows)"].append(t5a - t5)
        stages["report_of_tally (+ Tally.named)"].append(t6 - t5a)
        stages["to_json + json.dumps"].append(t7 - t6)
        facts_count = len(facts)
        del facts, rows, tally, report, text
    lines = [f"in-process parts ({runs} runs, {facts_count:,} spell facts):"]
    lines += [_row(label, walls) for label, walls in stages.items()]
    lines.append(f"  period_spells query plan: {'; '.join(plan)}")
    return lines


def profile(args: list[str], top: int) -> None:
    """cProfile one whole in-process `report --json` (stdout swallowed)."""
    from retention_desktop import cli

    os.environ["RETENTION_TODAY"] = TODAY
    real_stdout = sys.stdout
    sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    profiler = cProfile.Profile()
    try:
        profiler.enable()
        cli.main(args)
        profiler.disable()
    finally:
        sys.stdout = real_stdout
    for key in ("tottime", "cumulative"):
        print(f"\ncProfile of one in-process run, top {top} by {key}:")
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(key).print_stats(top)
        text = stream.getvalue()
        print(text[text.index("   ncalls") :].rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database (default: the big_db.py cache)")
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--profile", action="store_true", help="cProfile one in-process run")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile to print")
    args = parser.parse_args(argv)

    db_path = build(args.db, employees=args.employees, years=args.years, end=DEFAULT_END)
    first, last = window(args.years, DEFAULT_END)
    period = Period(first, last)
    expected_exits = stats_of(db_path)["exits"]
    report_args = [
        *("-m", "retention_desktop", "report", "--db", str(db_path)),
        *("--from", str(first), "--to", str(last), "--json", "--lang", args.lang),
    ]
    print(f"python {' '.join(report_args)}  (RETENTION_TODAY={TODAY})")
    print(
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}"
    )

    run_child(report_args)  # warm the page cache and .pyc files; not counted
    startup = [run_child(["-m", "retention_desktop", "--version"]) for _ in range(args.runs)]
    imports = [
        run_child(["-c", "import retention_desktop.cli, retention_desktop.store.reports"])
        for _ in range(args.runs)
    ]
    runs = [run_child(report_args) for _ in range(args.runs)]
    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * MAXRSS_TO_MB

    print(f"\nchild processes ({args.runs} runs each, wall time incl. interpreter start):")
    print(_row("python -m retention_desktop --version", *_walls_rss(startup)))
    print(_row("import cli + store.reports", *_walls_rss(imports)))
    print(_row("report --json (10 years)", *_walls_rss(runs), target=True))
    print(
        f"  per-run peak RSS (os.wait4): {', '.join(f'{r[1]:.1f}' for r in runs)} MB; "
        f"RUSAGE_CHILDREN high-water mark over every child so far: {children_peak:.1f} MB"
    )
    walls = [r[0] for r in runs]
    peak = max(r[1] for r in runs)
    print(
        f"targets: wall < {TARGET_SECONDS} s: {min(walls):.3f} s min, "
        f"{statistics.median(walls):.3f} s median -> "
        f"{'OK' if statistics.median(walls) < TARGET_SECONDS else 'OVER'}; "
        f"peak < {TARGET_MB} MB: {peak:.1f} MB -> {'OK' if peak < TARGET_MB else 'OVER'}"
    )

    outputs = {r[2] for r in runs}
    report = json.loads(runs[0][2])
    problems = check_json(report, db_path, period, expected_exits)
    if len(outputs) != 1:
        problems.append("the runs printed different JSON")
    s = report["summary"]
    print(
        f"\nJSON: {len(runs[0][2]) / 1024:.0f} KiB, {report['period']['months']} months, "
        f"opening {s['opening']:,}, hires {s['hires']:,}, separations {s['separations']:,} "
        f"(involuntary {s['involuntary']:,}), closing {s['closing']:,}, "
        f"{len(report['by_team'])} teams, {len(report['by_reason'])} reasons"
    )
    print("JSON sane: yes" if not problems else "JSON problems:\n  " + "\n  ".join(problems))

    print()
    print("\n".join(time_parts(db_path, period, args.runs, args.lang)))

    if args.profile:
        profile(report_args[2:], args.top)
    return 1 if problems else 0


def _walls_rss(results: list[tuple[float, float, bytes]]) -> tuple[list[float], list[float]]:
    return [r[0] for r in results], [r[1] for r in results]


if __name__ == "__main__":
    sys.exit(main())
