"""The dashboard's way to the figures (every spell read once, then any period and team
computed from those rows) gives exactly the report of the file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from retention_desktop.domain.catalog import INVOLUNTARY, VOLUNTARY
from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.demo import generate_shop
from retention_desktop.domain.metrics import (
    CALENDAR_MONTH_BAR,
    MONTH_BAR,
    REASON_BAR,
    TEAM_BAR,
    TENURE_BAR,
    Report,
    bar_keys,
    today_of_rows,
)
from retention_desktop.domain.records import EmployeeDraft, ExitDraft
from retention_desktop.store.database import open_database, reading
from retention_desktop.store.demo import fill_demo, load_shop
from retention_desktop.store.errors import DamagedDatabaseError
from retention_desktop.store.queries import ExitFilter, ExitRow, exits, exits_behind_bar, teams
from retention_desktop.store.records import add_employee, record_exit
from retention_desktop.store.reports import (
    KeptSpells,
    headcount,
    headcount_of_rows,
    report_of_rows,
    terms_of,
    today_figures,
    turnover_report,
)
from retention_desktop.store.settings import set_setting

TODAY = date(2026, 11, 23)
PERIODS = [
    Period.last_whole_months(TODAY),
    Period.last_whole_months(TODAY).previous(),
    Period(Month(2026, 1), Month(2026, 12)),  # runs past today
    Period(Month(2026, 4), Month(2026, 4)),
    Period(Month(2020, 1), Month(2020, 12)),  # before the shop opened
]


@pytest.fixture
def demo(db):
    fill_demo(db, TODAY)
    set_setting(db, "recruiting_cost_per_hire", 1500)
    return db


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_report_from_the_kept_rows_is_the_report_of_the_file(demo, db_path: Path, lang):
    rows = KeptSpells.read(demo, lang).rows
    assert len(rows) == demo.execute("SELECT count(*) FROM spells").fetchone()[0]
    terms = terms_of(demo)
    assert terms.recruiting_per_hire == 1500
    team_names = [None, *(t for t in teams(demo) if t)]
    assert len(team_names) >= 4
    for period in PERIODS:
        for team in team_names:
            expected = turnover_report(demo, period, lang=lang, today=TODAY, team=team)
            got = report_of_rows(rows, period, lang=lang, today=TODAY, terms=terms, team=team)
            assert got.to_json() == expected.to_json(), (period, team)


def test_the_today_figures_of_the_file_are_those_of_its_rows(demo, db_path: Path):
    """today_figures counts with the date indexes (employed = all - starting - ended): the
    same as today_of_rows counting every spell, on the days around every hire and exit."""
    rows = KeptSpells.read(demo, "en").rows
    edges = {day for start, end, *_ in rows for day in (start, end) if day is not None}
    days = sorted({day + shift for day in edges for shift in (-1, 0, 1)})
    assert len(days) > 100
    for team in [None, *teams(demo)]:
        own = rows if team is None else [row for row in rows if row[2] == team]
        for day in map(date.fromordinal, days[::3]):
            assert today_figures(demo, day, team) == today_of_rows(own, day), (day, team)


def test_headcount_from_the_kept_rows_is_the_headcount_of_the_file(demo, db_path: Path):
    rows = KeptSpells.read(demo, "en").rows
    days = [TODAY - timedelta(days=n) for n in range(0, 900, 37)]
    for team in [None, *(t for t in teams(demo) if t)]:
        for day in days:
            assert headcount_of_rows(rows, day, team) == headcount(demo, day, team), (day, team)
    assert headcount_of_rows(rows, TODAY) > 0


def test_a_damaged_file_ends_in_one_sentence(db_path: Path, tmp_path: Path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    with pytest.raises(DamagedDatabaseError, match="damaged"), reading(bad) as db:
        KeptSpells.read(db, "en")


def test_kept_spells_read_again_for_the_people_changed_equal_a_fresh_read(demo, db_path):
    from retention_desktop.domain.records import EmployeeDraft, ExitDraft
    from retention_desktop.store import queries, records

    kept = KeptSpells.read(demo, "zh_CN")
    active = [r for r in queries.roster(demo) if r.end_date is None]
    leaver, moved, gone = active[0], active[1], active[2]
    records.record_exit(
        demo, queries.open_spell(demo, leaver.employee_id), ExitDraft(last_day=TODAY)
    )
    draft = queries.employee_draft(demo, moved.employee_id)
    records.update_employee(demo, moved.employee_id, replace(draft, team="新团队"), today=TODAY)
    records.delete_employee(demo, gone.employee_id)
    new_id, _ = records.add_employee(
        demo, EmployeeDraft(name="新人", hire_date=TODAY, team="售前客服"), today=TODAY
    )
    changed = {leaver.employee_id, moved.employee_id, gone.employee_id, new_id}
    updated = kept.updated(demo, "zh_CN", changed)
    fresh = KeptSpells.read(demo, "zh_CN")
    assert sorted(zip(updated.owners, updated.rows, strict=True)) == sorted(
        zip(fresh.owners, fresh.rows, strict=True)
    )
    assert sorted(zip(kept.owners, kept.rows, strict=True)) != sorted(
        zip(fresh.owners, fresh.rows, strict=True)
    )
    unchanged = kept.updated(demo, "zh_CN", set())
    assert unchanged.rows == kept.rows


def test_action_figures_count_by_type_and_status_and_the_cost_done(db):
    from retention_desktop.domain.records import EmployeeDraft
    from retention_desktop.store.records import add_employee
    from retention_desktop.store.reports import action_figures

    ann, _ = add_employee(db, EmployeeDraft("Ann", date(2024, 1, 1), team="A"), today=TODAY)
    bob, _ = add_employee(db, EmployeeDraft("Bob", date(2024, 1, 1), team="B"), today=TODAY)
    types = dict(db.execute("SELECT code, id FROM action_types").fetchall())
    rows = [  # employee, team, type, planned, status, done, cost
        (ann, None, "checkin", "2025-03-01", "done", "2025-03-01", 0),
        (ann, None, "checkin", "2025-04-01", "planned", None, 0),
        (bob, None, "checkin", "2025-05-01", "cancelled", None, 0),
        (bob, None, "pay_review", "2025-06-01", "done", "2025-07-15", 800),
        (None, "A", "team_activity", "2025-06-10", "done", "2025-06-10", 1200),
        (None, "A", "team_activity", "2024-12-31", "done", "2025-01-02", 50),  # planned before
        (ann, None, "mentor", "2026-01-05", "planned", None, 300),  # after the period
    ]
    with db.atomic():
        for employee, team, code, planned, status, done, cost in rows:
            db.execute(
                "INSERT INTO retention_actions (employee_id, team, action_type_id, planned_date,"
                " status, done_date, cost) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [employee, team, types[code], planned, status, done, cost],
            )
    year = Period(Month(2025, 1), Month(2025, 12))
    figures = action_figures(db, year, lang="en")
    assert figures.by_type == [
        ("Check-in conversation", 1, 1, 1),
        ("Pay review", 0, 1, 0),
        ("Team activity", 0, 1, 0),
    ]
    assert (figures.planned, figures.done, figures.cancelled) == (1, 3, 1)
    assert figures.cost_done == 800 + 1200 + 50  # done in 2025, whenever planned
    team_a = action_figures(db, year, lang="en", team="A")
    assert team_a.by_type == [("Check-in conversation", 1, 1, 0), ("Team activity", 0, 1, 0)]
    assert team_a.cost_done == 1250
    # a person's team is that of their latest employment
    db.execute("UPDATE spells SET team = 'B' WHERE employee_id = ?", [ann])
    assert action_figures(db, year, lang="en", team="A").by_type == [("Team activity", 0, 1, 0)]


# --- the exits behind a bar: the same rows the report counts ------------------------------


def bars(report: Report) -> list[tuple[tuple, int]]:
    """Every bar of the report's charts, as (key, separations), by the keys of bar_keys."""
    found = []
    for m in report.monthly:
        untyped = m.separations - m.voluntary - m.involuntary
        found += [
            ((MONTH_BAR, m.month, VOLUNTARY), m.voluntary),
            ((MONTH_BAR, m.month, INVOLUNTARY), m.involuntary),
            ((MONTH_BAR, m.month, None), untyped),
        ]
    found += [((REASON_BAR, r.reason), r.separations) for r in report.by_reason]
    found += [((TEAM_BAR, t.team), t.separations) for t in report.by_team]
    found += [((TENURE_BAR, band), n) for band, n in report.tenure_at_exit]
    found += [((CALENDAR_MONTH_BAR, month), n) for month, n in report.seasonality]
    return found


@pytest.fixture(scope="module")
def demo_shop(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("demo") / "shop.db")
    load_shop(database, generate_shop(TODAY, years=3, headcount=60))
    # and what the demo lacks: exits with no team, type or reason, at a tenure band's edges
    for n, days in enumerate((30, 31, 365, 366)):
        hired = date(2026, 2, 1) + timedelta(days=n)
        draft = EmployeeDraft(name=f"Edge {days}", hire_date=hired)
        _, spell = add_employee(database, draft, today=TODAY)
        record_exit(database, spell, ExitDraft(last_day=hired + timedelta(days=days)))
    yield database
    database.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("period", PERIODS[:4], ids=str)
def test_every_bar_counts_the_exits_behind_it(demo_shop, period: Period, lang: str) -> None:
    for team in [None, *teams(demo_shop)]:
        report = turnover_report(demo_shop, period, lang=lang, today=TODAY, team=team)
        assert report.summary.separations > 0 or team is not None
        every = exits_behind_bar(demo_shop, lang, period, team, ("no such bar",))
        assert every == []
        for key, count in bars(report):
            rows = exits_behind_bar(demo_shop, lang, period, team, key)
            assert len(rows) == count, (team, key)
            assert all(key in bar_keys(fact_row(row), lang) for row in rows)


def test_the_bars_of_one_breakdown_hold_every_exit_of_the_period_once(demo_shop) -> None:
    period = PERIODS[0]
    report = turnover_report(demo_shop, period, lang="en", today=TODAY)
    all_exits = exits(demo_shop, "en", ExitFilter(first=period.first_day, last=period.last_day))
    assert len(all_exits) == report.summary.separations
    for breakdown in (MONTH_BAR, REASON_BAR, TEAM_BAR, TENURE_BAR, CALENDAR_MONTH_BAR):
        ids = [
            row.exit_id
            for key, _ in bars(report)
            if key[0] == breakdown
            for row in exits_behind_bar(demo_shop, "en", period, None, key)
        ]
        assert sorted(ids) == sorted(row.exit_id for row in all_exits), breakdown


def fact_row(row: ExitRow) -> tuple:
    return (row.hire_date.toordinal(), row.last_day.toordinal(), row.team, row.exit_type,
            row.reason)  # fmt: skip
