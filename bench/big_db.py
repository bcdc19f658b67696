"""A big, realistic database for benchmarks: 100,000 employees over 10 years by default.

The file is created by the app's own `open_database` (real schema, migrations, built-in
exit reasons), then filled in bulk: one transaction, `executemany` per table, explicit ids,
every row within the schema's CHECK constraints. Deterministic for a given seed.

A finished file is cached beside a `<file>.params.json` record of the parameters it was
built with; `build()` reuses it when they match and rebuilds it otherwise.

    .venv/bin/python bench/big_db.py                      # bench/.cache/big-100k.db
    .venv/bin/python bench/big_db.py --employees 20000    # bench/.cache/big-20k.db
    .venv/bin/python bench/big_db.py --force              # rebuild even if cached

Other benchmarks: `from big_db import build` (scripts in bench/ have bench/ on sys.path).
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
if str(ROOT) not in sys.path:  # run from anywhere: import the app from this checkout
    sys.path.insert(0, str(ROOT))

from retention_desktop.domain.catalog import INVOLUNTARY, INVOLUNTARY_REASONS, VOLUNTARY  # noqa: E402
from retention_desktop.domain.dates import Month  # noqa: E402
from retention_desktop.store.database import open_database  # noqa: E402

CACHE_DIR = BENCH_DIR / ".cache"
DEFAULT_END = date(2026, 10, 31)
# Bump when the generator changes, so cached files built by an older one are rebuilt.
GENERATOR_VERSION = 1

# ~20 teams of an e-commerce shop, larger ones first (weights are relative sizes).
TEAMS = (
    ("售前客服", 14),
    ("售后客服", 12),
    ("投诉处理组", 5),
    ("质检培训组", 3),
    ("仓库拣货", 10),
    ("仓库打包", 9),
    ("仓库收货", 4),
    ("物流协调", 3),
    ("直播运营", 5),
    ("短视频运营", 3),
    ("店铺运营", 4),
    ("商品上新", 3),
    ("美工设计", 3),
    ("摄影组", 2),
    ("采购", 2),
    ("财务", 1),
    ("人事行政", 1),
    ("数据分析", 1),
    ("夜班客服", 6),
    ("大促临时组", 4),
)
NO_TEAM_SHARE = 0.01  # spells recorded with no team ('')
POSITIONS = ("专员", "高级专员", "组长", "主管", "实习生")
POSITION_WEIGHTS = (60, 20, 8, 2, 10)

# Primary reasons by built-in code; None = no reason given ("unspecified").
REASONS = {
    "pay": 14,
    "better_offer": 8,
    "pressure": 10,
    "complaint_stress": 5,
    "long_hours": 7,
    "assessment": 3,
    "repetitive": 7,
    "promotion": 7,
    "training": 2,
    "culture": 4,
    "recognition": 3,
    "career_plan": 4,
    "interest": 3,
    "family": 6,
    "study": 3,
    "health": 2,
    "no_return_after_spring_festival": 5,
    "probation": 5,
    "misconduct": 2,
    "absconded": 4,
    "restructuring": 2,
    "other": 2,
    None: 3,
}
# Exit hazard by calendar month (Spring Festival, 618 and Double 11 peaks), for seasonality.
MONTH_FACTOR = (0.6, 2.2, 2.0, 1.0, 0.9, 1.5, 1.3, 1.0, 0.9, 0.9, 1.5, 1.2)

PRE_WINDOW_SHARE = 0.12  # employees already on the payroll when the window opens
PRE_WINDOW_YEARS = 4  # ... hired up to this many years before it
LEAVER_SHARE = 0.585  # chance that a spell ends within the window (~60% exits overall)
EARLY_SHARE = 0.3  # leavers who go within 90 days
SETTLED_MEAN_DAYS = 420  # mean tenure beyond 90 days of the other leavers (exponential)
REHIRE_SHARE = 0.06  # leavers who come back
SAME_TEAM_ON_REHIRE = 0.7


@dataclass(frozen=True)
class Params:
    employees: int
    years: int
    end: str  # ISO day
    seed: int
    version: int = GENERATOR_VERSION


@dataclass
class Stats:
    employees: int = 0
    spells: int = 0
    exits: int = 0
    rehires: int = 0
    involuntary: int = 0
    open_spells: int = 0


def window(years: int, end: date) -> tuple[Month, Month]:
    """The whole months the data covers: `years * 12` months ending with the month of `end`."""
    last = Month.of(end)
    return last.plus(-(12 * years - 1)), last


def default_path(employees: int = 100_000, years: int = 10, end=DEFAULT_END, seed=1) -> Path:
    """bench/.cache/big-100k.db for the defaults; other parameters get their own name."""
    size = f"{employees // 1000}k" if employees % 1000 == 0 else str(employees)
    name = f"big-{size}"
    if years != 10:
        name += f"-{years}y"
    if end != DEFAULT_END:
        name += f"-{end.isoformat()}"
    if seed != 1:
        name += f"-s{seed}"
    return CACHE_DIR / f"{name}.db"


def _params_file(path: Path) -> Path:
    return path.with_name(path.name + ".params.json")


def _files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _cached(path: Path, params: Params) -> bool:
    record = _params_file(path)
    if not (path.exists() and record.exists()):
        return False
    try:
        stored = json.loads(record.read_text("utf-8"))
    except ValueError:
        return False
    return stored.get("params") == vars(params)


def _weighted(rng: random.Random, table: dict | tuple):
    """A picker of keys of `table` ((key, weight) pairs) by weight."""
    items = list(table.items()) if isinstance(table, dict) else list(table)
    values = [key for key, _ in items]
    cumulative, total = [], 0.0
    for _, weight in items:
        total += weight
        cumulative.append(total)
    last = len(values) - 1
    return lambda: values[min(bisect.bisect_right(cumulative, rng.random() * total), last)]


class _Generator:
    def __init__(self, rng: random.Random, first_day: int, last_day: int) -> None:
        self.rng = rng
        self.first_day = first_day  # ordinals
        self.last_day = last_day
        self.team = _weighted(rng, TEAMS)
        self.position = _weighted(rng, tuple(zip(POSITIONS, POSITION_WEIGHTS, strict=True)))
        self.reason = _weighted(rng, REASONS)
        self.max_factor = max(MONTH_FACTOR)

    def pick_team(self) -> str:
        return "" if self.rng.random() < NO_TEAM_SHARE else self.team()

    def end_day(self, start: int) -> int | None:
        """Last working day of a spell starting on `start`, or None if it is still open.
        An end always falls inside the window, so every exit counts in a whole-window report."""
        rng = self.rng
        if rng.random() >= LEAVER_SHARE:
            return None
        low = max(start, self.first_day)
        if low > self.last_day:
            return None
        for _ in range(20):
            if rng.random() < EARLY_SHARE:
                tenure = rng.randint(0, 90)
            else:
                tenure = 91 + int(rng.expovariate(1 / SETTLED_MEAN_DAYS))
            end = start + tenure
            if not low <= end <= self.last_day:
                continue
            month = date.fromordinal(end).month
            if rng.random() * self.max_factor <= MONTH_FACTOR[month - 1]:
                return end
        return rng.randint(low, self.last_day)


def _generate(params: Params, reason_ids: dict[str, int]):
    """Rows for employees, spells and exits (tuples in column order), and the stats."""
    rng = random.Random(params.seed)
    first_month, _ = window(params.years, date.fromisoformat(params.end))
    first_day = first_month.first_day.toordinal()
    last_day = date.fromisoformat(params.end).toordinal()
    gen = _Generator(rng, first_day, last_day)
    iso = lambda day: date.fromordinal(day).isoformat()  # noqa: E731

    employees, spells, exits = [], [], []
    stats = Stats(employees=params.employees)
    pre_low = first_day - 365 * PRE_WINDOW_YEARS
    for emp_id in range(1, params.employees + 1):
        employees.append((emp_id, f"E{emp_id:06d}", f"员工{emp_id:06d}", f"138{emp_id:08d}"))
        if rng.random() < PRE_WINDOW_SHARE:
            start = rng.randint(pre_low, first_day - 1)
        else:
            start = rng.randint(first_day, last_day)
        team = gen.pick_team()
        while True:
            spell_id = len(spells) + 1
            end = gen.end_day(start)
            spells.append(
                (
                    spell_id,
                    emp_id,
                    iso(start),
                    None if end is None else iso(end),
                    team,
                    gen.position(),
                )
            )
            if end is None:
                stats.open_spells += 1
                break
            code = gen.reason()
            kind = INVOLUNTARY if code in INVOLUNTARY_REASONS else VOLUNTARY
            stats.involuntary += kind == INVOLUNTARY
            notice = None if kind == INVOLUNTARY else iso(max(start, end - rng.randint(0, 30)))
            rehire_ok = None if rng.random() < 0.3 else int(code not in INVOLUNTARY_REASONS)
            exits.append(
                (
                    len(exits) + 1,
                    spell_id,
                    notice,
                    kind,
                    None if code is None else reason_ids[code],
                    int(rng.random() < 0.15),
                    rehire_ok,
                )
            )
            # A rehire starts a new spell after the last one ended (one open spell at most).
            if rng.random() >= REHIRE_SHARE:
                break
            start = end + rng.randint(30, 720)
            if start > last_day:
                break
            stats.rehires += 1
            if rng.random() >= SAME_TEAM_ON_REHIRE:
                team = gen.pick_team()
    stats.spells, stats.exits = len(spells), len(exits)
    return employees, spells, exits, stats


def build(
    path: Path | str | None = None,
    employees: int = 100_000,
    years: int = 10,
    end: date = DEFAULT_END,
    seed: int = 1,
    *,
    force: bool = False,
    quiet: bool = False,
) -> Path:
    """The database file for these parameters: reused from the cache, or built now."""
    path = Path(path) if path is not None else default_path(employees, years, end, seed)
    params = Params(employees=employees, years=years, end=end.isoformat(), seed=seed)
    say = (lambda *_: None) if quiet else print
    if not force and _cached(path, params):
        say(f"reusing {path} ({employees:,} employees, {years} years to {end}, seed {seed})")
        return path

    began = time.perf_counter()
    for file in [*_files(path), _params_file(path)]:
        file.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)  # the app's own schema, migrations and built-in reasons
    try:
        reason_ids = {
            code: rid
            for rid, code in db.execute("SELECT id, code FROM exit_reasons WHERE builtin = 1")
        }
        employee_rows, spell_rows, exit_rows, stats = _generate(params, reason_ids)
        generated = time.perf_counter()
        conn = db.conn
        conn.execute("PRAGMA synchronous = OFF")  # a cache file: no need to survive power loss
        with db.atomic():
            conn.executemany(
                "INSERT INTO employees (id, employee_no, name, phone) VALUES (?, ?, ?, ?)",
                employee_rows,
            )
            conn.executemany(
                "INSERT INTO spells (id, employee_id, hire_date, end_date, team, position) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                spell_rows,
            )
            conn.executemany(
                "INSERT INTO exits (id, spell_id, notice_date, exit_type, primary_reason_id, "
                "regrettable, eligible_for_rehire) VALUES (?, ?, ?, ?, ?, ?, ?)",
                exit_rows,
            )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    done = time.perf_counter()
    _params_file(path).write_text(
        json.dumps({"params": vars(params), "stats": vars(stats)}, indent=2) + "\n", "utf-8"
    )
    size_mb = path.stat().st_size / 1e6
    say(
        f"built {path} in {done - began:.2f} s (generate {generated - began:.2f} s, "
        f"insert {done - generated:.2f} s), {size_mb:.1f} MB: {stats.employees:,} employees, "
        f"{stats.spells:,} spells ({stats.rehires:,} rehires, {stats.open_spells:,} open), "
        f"{stats.exits:,} exits ({stats.involuntary:,} involuntary)"
    )
    return path


def stats_of(path: Path) -> dict:
    """The counts recorded when the cached file was built."""
    return json.loads(_params_file(path).read_text("utf-8"))["stats"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="file to build (default: bench/.cache/...)")
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--end", type=date.fromisoformat, default=DEFAULT_END, help="YYYY-MM-DD")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = parser.parse_args(argv)
    if args.employees < 1 or args.years < 1:
        parser.error("--employees and --years must be at least 1")
    build(args.db, args.employees, args.years, args.end, args.seed, force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
