"""Read queries: the spell facts reports are built on, the roster, and the counts."""

from __future__ import annotations

from datetime import date

import pytest

from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.metrics import SpellFact
from retention_desktop.domain.records import EmployeeDraft, ExitDraft
from retention_desktop.store import catalog
from retention_desktop.store.queries import counts, roster, spell_rows, teams
from retention_desktop.store.records import add_employee, record_exit, rehire

TODAY = date(2025, 6, 30)
Q1_2024 = Period(Month(2024, 1), Month(2024, 3))


def hire(db, name: str, hired: date, team: str = "", **kwargs) -> tuple[int, int]:
    draft = EmployeeDraft(name=name, hire_date=hired, team=team, **kwargs)
    return add_employee(db, draft, today=TODAY)


def leave(db, spell_id: int, last_day: date, **kwargs) -> int:
    return record_exit(db, spell_id, ExitDraft(last_day=last_day, **kwargs))


def flag(db, employee_id: int, level: str, flagged_on: str, cleared_on: str | None = None):
    db.execute(
        "INSERT INTO risk_flags (employee_id, level, flagged_on, cleared_on) VALUES (?, ?, ?, ?)",
        [employee_id, level, flagged_on, cleared_on],
    )


@pytest.fixture
def shop(db):
    """Spells around Q1 2024, named by how they relate to it."""
    pay = catalog.id_for_code(db, "exit_reasons", "pay")
    _, before = hire(db, "Left before", date(2023, 1, 1), team="Sales")
    leave(db, before, date(2023, 12, 31), exit_type="voluntary", primary_reason_id=pay)
    hire(db, "Hired after", date(2024, 4, 1), team="Sales")
    hire(db, "Employed throughout", date(2023, 6, 1), team="Sales")
    _, within = hire(db, "Came and went", date(2024, 2, 10), team="Kitchen")
    leave(db, within, date(2024, 3, 5), exit_type="voluntary", primary_reason_id=pay)
    _, first_day = hire(db, "Left on the first day", date(2022, 1, 1), team="Kitchen")
    leave(db, first_day, date(2024, 1, 1), exit_type="involuntary")
    hire(db, "Hired on the last day", date(2024, 3, 31), team="Sales")
    return {"pay": pay}


def spell_facts(db, period, lang, team=None) -> list[SpellFact]:
    """spell_rows (what turnover_report reads) with its ordinals as dates."""
    day = date.fromordinal
    return [
        SpellFact(day(start), None if end is None else day(end), *rest)
        for start, end, *rest in spell_rows(db, period, lang, team)
    ]


def test_spell_facts_only_spells_touching_the_period(db, shop) -> None:
    facts = spell_facts(db, Q1_2024, "en")
    got = sorted((f.start, f.end, f.team, f.exit_type) for f in facts)
    assert got == sorted(
        [
            (date(2023, 6, 1), None, "Sales", None),
            (date(2024, 2, 10), date(2024, 3, 5), "Kitchen", "voluntary"),
            (date(2022, 1, 1), date(2024, 1, 1), "Kitchen", "involuntary"),
            (date(2024, 3, 31), None, "Sales", None),
        ]
    )


def test_spell_facts_filtered_by_team(db, shop) -> None:
    kitchen = spell_facts(db, Q1_2024, "en", team="Kitchen")
    assert sorted(f.start for f in kitchen) == [date(2022, 1, 1), date(2024, 2, 10)]
    assert {f.team for f in kitchen} == {"Kitchen"}
    assert spell_facts(db, Q1_2024, "en", team="Nobody") == []
    assert len(spell_facts(db, Q1_2024, "en", team="Sales")) == 2


@pytest.mark.parametrize(("lang", "label"), [("en", "Pay and benefits"), ("zh_CN", "薪资待遇")])
def test_spell_facts_reason_labels(db, shop, lang: str, label: str) -> None:
    facts = {f.start: f for f in spell_facts(db, Q1_2024, lang)}
    assert facts[date(2024, 2, 10)].reason == label
    assert facts[date(2022, 1, 1)].reason is None  # left without a reason given
    assert facts[date(2023, 6, 1)].reason is None  # still employed


def test_spell_facts_use_renamed_label(db, shop) -> None:
    db.execute(
        "UPDATE exit_reasons SET label_en = 'Money', label_zh = '钱', renamed = 1 WHERE id = ?",
        [shop["pay"]],
    )
    facts = {f.start: f for f in spell_facts(db, Q1_2024, "en")}
    assert facts[date(2024, 2, 10)].reason == "Money"


def test_teams(db, shop) -> None:
    assert teams(db) == ["Kitchen", "Sales"]


def test_roster_one_row_per_employee_with_latest_spell(db) -> None:
    wang, first = hire(db, "Wang Fang", date(2022, 1, 10), team="客服", employee_no="E1")
    leave(db, first, date(2023, 5, 31))
    rehire(db, wang, date(2024, 2, 1), team="售后", position="组长")
    li, li_spell = hire(db, "li na", date(2023, 3, 3), team="Sales", phone="139")
    leave(db, li_spell, date(2024, 12, 31))
    zhang, _ = hire(db, "Zhang Wei", date(2024, 7, 1))

    rows = roster(db)
    assert [r.employee_id for r in rows] == [wang, li, zhang]  # in the order they were added
    by_id = {r.employee_id: r for r in rows}
    assert len(by_id) == 3
    w = by_id[wang]
    assert (w.employee_no, w.name, w.team, w.position) == ("E1", "Wang Fang", "售后", "组长")
    assert (w.hire_date, w.end_date) == (date(2024, 2, 1), None)
    lrow = by_id[li]
    assert (lrow.employee_no, lrow.phone) == ("", "139")
    assert (lrow.hire_date, lrow.end_date) == (date(2023, 3, 3), date(2024, 12, 31))
    assert by_id[zhang].risk is None


def test_roster_shows_current_risk(db) -> None:
    a, _ = hire(db, "A", date(2023, 1, 1))
    b, _ = hire(db, "B", date(2023, 1, 1))
    c, _ = hire(db, "C", date(2023, 1, 1))
    d, _ = hire(db, "D", date(2023, 1, 1))
    # A: two open flags, the later one counts
    flag(db, a, "low", "2024-01-05")
    flag(db, a, "high", "2024-03-01")
    # B: the latest flag was cleared; the earlier open one still stands
    flag(db, b, "medium", "2024-01-05")
    flag(db, b, "high", "2024-03-01", cleared_on="2024-03-20")
    # C: every flag cleared
    flag(db, c, "high", "2024-01-05", cleared_on="2024-02-01")
    # D: two open flags on the same day: the one entered last counts
    flag(db, d, "high", "2024-04-01")
    flag(db, d, "low", "2024-04-01")
    risk = {r.employee_id: r.risk for r in roster(db)}
    assert risk == {a: "high", b: "medium", c: None, d: "low"}


def test_counts(db) -> None:
    assert counts(db) == {"employees": 0, "active": 0, "exits": 0}
    a, a_spell = hire(db, "A", date(2023, 1, 1))
    hire(db, "B", date(2023, 1, 1))
    _, c_spell = hire(db, "C", date(2023, 1, 1))
    leave(db, a_spell, date(2023, 6, 30))
    leave(db, c_spell, date(2023, 6, 30))
    rehire(db, a, date(2024, 1, 1))
    assert counts(db) == {"employees": 3, "active": 2, "exits": 2}
