"""Every figure of the report for a set of (period, team, today, language, probation)
combinations, one line each, so a change to the report's code can be checked to leave
every output byte the same (issue 15's speed work).

    .venv/bin/python bench/report_snapshot.py OUT.txt [--db FILE ...]
    diff before.txt after.txt

Each line: the combination, `report --json`'s JSON (json.dumps as the CLI writes it),
the survival curve's whole step list and longest duration (the dashboard's chart, not in
the JSON, floats by repr), and the same report through report_of_rows over KeptSpells
(the dashboard's path). Without --db: the 100k file of big_db.py and the demo file
/tmp/speed-demo.db (`RETENTION_TODAY=2026-11-23 retention-desktop demo --db ...`).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from big_db import DEFAULT_END, build

from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import SpellFact, compute_report
from retention_desktop.store.database import open_database
from retention_desktop.store.reports import KeptSpells, report_of_rows, terms_of, turnover_report

PERIODS = (
    ("2016-11", "2026-10"),
    ("2025-01", "2025-12"),
    ("2026-06", "2026-12"),
    ("2020-03", "2020-03"),
    ("2019-02", "2021-07"),
    ("2010-01", "2012-12"),
    ("2026-11", "2027-03"),
)
TODAYS = (date(2026, 11, 15), date(2026, 8, 10), date(2021, 5, 5), date(2026, 11, 23))


def _line(report) -> str:
    data = json.dumps(report.to_json(), ensure_ascii=False)
    survival = report.survival
    curve = repr((survival.steps, survival.longest)) if survival is not None else "None"
    return f"{data}\n  curve {curve}"


def dump(path: Path, out, big: bool) -> None:
    db = open_database(path, verify=False)
    team_names = [r[0] for r in db.execute("SELECT DISTINCT team FROM spells ORDER BY team")]
    teams = [None, "", team_names[len(team_names) // 2], team_names[-1], "nobody-such"]
    todays = TODAYS[:3] if big else TODAYS
    terms = terms_of(db)
    kept = {lang: KeptSpells.read(db, lang) for lang in ("zh_CN", "en")}
    for first, last in PERIODS:
        for today in todays:
            period = Period.parse(first, last, today)
            for team in teams:
                for lang in ("zh_CN", "en") if team is None else ("zh_CN",):
                    head = f"{path.name} {first}..{last} team={team!r} today={today} {lang}"
                    report = turnover_report(db, period, lang=lang, today=today, team=team)
                    print(f"{head}\n  {_line(report)}", file=out)
                    again = report_of_rows(kept[lang].rows, period, lang=lang, today=today,
                                           terms=terms, team=team)  # fmt: skip
                    print(f"  rows {_line(again)}", file=out)
        for months in (1, 2, 6, 12):
            # the probation's length changes only the probation figures
            longer = replace(terms, probation_months=months)
            period = Period.parse(first, last, TODAYS[0])
            report = report_of_rows(kept["en"].rows, period, lang="en", today=TODAYS[0],
                                    terms=longer)  # fmt: skip
            print(f"{path.name} {first}..{last} probation={months}\n  {_line(report)}", file=out)
    if not big:  # compute_report over SpellFacts (the export's tests use it)
        facts = [
            SpellFact(date.fromordinal(s), None if e is None else date.fromordinal(e), *rest)
            for s, e, *rest in kept["en"].rows
        ]
        for first, last in PERIODS:
            period = Period.parse(first, last, TODAYS[3])
            report = compute_report(facts, period, today=TODAYS[3], lang="en", terms=terms)
            print(f"{path.name} facts {first}..{last}\n  {_line(report)}", file=out)
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--db", type=Path, action="append")
    args = parser.parse_args()
    paths = args.db or [build(employees=100_000, years=10, end=DEFAULT_END),
                        Path("/tmp/speed-demo.db")]  # fmt: skip
    with args.out.open("w", encoding="utf-8") as out:
        for path in paths:
            dump(path, out, big="big-" in path.name)


if __name__ == "__main__":
    main()
