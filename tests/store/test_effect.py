"""The figures of "does it help?": hand-computed cases, and the counting checked against a plain
reading of the definition on random shops."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from retention_desktop.domain.actions import ActionDraft
from retention_desktop.domain.records import EmployeeDraft, ExitDraft
from retention_desktop.store import catalog
from retention_desktop.store.actions import cancel_action, complete_action, plan_action
from retention_desktop.store.demo import fill_demo
from retention_desktop.store.effect import action_effect
from retention_desktop.store.records import add_employee, record_exit, rehire

TODAY = date(2025, 12, 31)
D1 = date(2025, 1, 10)
D2 = date(2025, 8, 1)


def hire(db, name: str, hired: date) -> tuple[int, int]:
    return add_employee(db, EmployeeDraft(name=name, hire_date=hired), today=TODAY)


def leave(db, spell: int, last_day: date) -> None:
    record_exit(db, spell, ExitDraft(last_day=last_day))


def done(db, employee_id: int | None, code: str, day: date, team: str | None = None) -> int:
    type_id = catalog.id_for_code(db, "action_types", code)
    target = {"employee_id": employee_id} if team is None else {"team": team}
    action_id = plan_action(db, ActionDraft(type_id, day), **target)
    complete_action(db, action_id, day, "", today=TODAY)
    return action_id


@pytest.fixture
def shop(db) -> dict:
    people = {}

    def person(name, hired, last_day=None):
        employee_id, spell = hire(db, name, hired)
        if last_day is not None:
            leave(db, spell, last_day)
        people[name] = employee_id
        return employee_id

    start = date(2024, 1, 1)
    # three check-ins on D1: one left before D1 + 90 (and came back, which does not
    # count), one between D1 + 90 and D1 + 180
    r1 = person("R1", start)
    r2 = person("R2", start, date(2025, 6, 1))
    r3 = person("R3", start, date(2025, 3, 1))
    rehire(db, r3, date(2025, 4, 1))
    for employee_id in (r1, r2, r3):
        done(db, employee_id, "checkin", D1)
    done(db, r1, "checkin", date(2025, 5, 1))  # a second one: the first counts
    # a check-in on D2: eligible for 90 days (D2 + 90 = 2025-10-30), not yet for 180
    done(db, person("C6", start), "checkin", D2)
    # a check-in recorded after the person had left: not employed that day, left out
    done(db, person("X", start, date(2024, 12, 31)), "checkin", D1)
    # no check-in
    c1 = person("C1", date(2024, 6, 1))
    person("C2", start, date(2025, 2, 1))
    person("C3", date(2025, 1, 11))  # hired after D1
    person("C4", start, date(2025, 1, 9))  # left before D1
    person("C5", start, D1)  # last day D1: employed on D1
    person("C7", start, date(2025, 4, 10))  # last day D1 + 90
    person("C8", date(2025, 2, 1), date(2025, 3, 1))  # within (D1, D1 + 90)
    c9 = person("C9", start)
    done(db, c9, "mentor", D1)  # another kind: C9 is a comparison case for check-ins
    # planned and cancelled check-ins, and a team check-in, are not received
    type_id = catalog.id_for_code(db, "action_types", "checkin")
    plan_action(db, ActionDraft(type_id, D1), employee_id=c1)
    cancel_action(db, plan_action(db, ActionDraft(type_id, D1), employee_id=c1))
    done(db, None, "checkin", D1, team="客服")
    # received too recently for either figure
    done(db, c1, "pay_review", date(2025, 12, 1))
    return people


def by_code(db, rows) -> dict:
    codes = {r[0]: r[1] for r in db.execute("SELECT id, code FROM action_types")}
    return {codes[r.action_type_id]: r for r in rows}


def test_check_in_figures(db, shop) -> None:
    row = by_code(db, action_effect(db, "en", TODAY))["checkin"]
    assert row.action_type == "Check-in conversation"
    assert row.received == 4  # R1, R2, R3, C6
    # 90 days: R1, R2, R3 (D1) and C6 (D2) eligible; R3 left 03-01, before 04-10
    assert (row.n_received_90, row.still_90, row.rate_90) == (4, 3, 0.75)
    # comparison on D1: C1, C2, C5, C7, C9 (C7's last day is D1 + 90: still employed);
    # still on 04-10: C1, C7, C9. On D2: C1, C3, C9, all still employed on 10-30.
    assert (row.n_comparison_90, row.comparison_still_90, row.comparison_rate_90) == (8, 6, 0.75)
    # 180 days: C6 not yet eligible; of R1, R2, R3 only R1 is employed on 07-09
    assert (row.n_received_180, row.still_180) == (3, 1)
    assert row.rate_180 == pytest.approx(1 / 3)
    # comparison on D1 only: C1 and C9 of the five
    assert (row.n_comparison_180, row.comparison_still_180, row.comparison_rate_180) == (
        5,
        2,
        0.4,
    )


def test_mentor_figures(db, shop) -> None:
    row = by_code(db, action_effect(db, "en", TODAY))["mentor"]
    assert (row.received, row.n_received_90, row.still_90, row.rate_90) == (1, 1, 1, 1.0)
    # employed on D1 without a mentor: R1, R2, R3, C1, C2, C5, C6, C7; on 04-10 still in
    # the same spell: R1, R2, C1, C6, C7 (R3 is back since 04-01, in another spell)
    assert (row.n_comparison_90, row.comparison_still_90) == (8, 5)
    # on 07-09: R1, C1, C6
    assert (row.n_comparison_180, row.comparison_still_180) == (8, 3)


def test_not_yet_eligible_gives_no_rate(db, shop) -> None:
    row = by_code(db, action_effect(db, "en", TODAY))["pay_review"]
    assert row.received == 1
    assert (row.n_received_90, row.still_90, row.rate_90) == (0, 0, None)
    assert (row.n_comparison_90, row.comparison_rate_90) == (0, None)
    assert (row.n_received_180, row.rate_180, row.comparison_rate_180) == (0, None, None)


def test_only_types_with_received_employees_in_library_order(db, shop) -> None:
    rows = action_effect(db, "zh_CN", TODAY)
    assert list(by_code(db, rows)) == ["checkin", "mentor", "pay_review"]
    assert rows[0].action_type == "一对一谈心"


def test_no_done_actions_no_rows(db) -> None:
    hire(db, "A", date(2024, 1, 1))
    assert action_effect(db, "en", TODAY) == []


def test_the_demo_shop(db, db_path) -> None:
    today = date(2026, 11, 23)
    fill_demo(db, today)
    rows = action_effect(db, "en", today)
    assert rows
    for row in rows:
        assert 0 <= row.still_90 <= row.n_received_90 <= row.received
        assert 0 <= row.still_180 <= row.n_received_180 <= row.received
        assert 0 <= row.comparison_still_90 <= row.n_comparison_90
        assert 0 <= row.comparison_still_180 <= row.n_comparison_180
    assert any(row.n_comparison_90 for row in rows)


# --- the counting against the definition, read plainly -----------------------------------


def plain_effect(spells: dict, firsts: dict, today: date) -> dict:
    """The module's definition, one person and one day at a time.
    spells: employee -> [(hire, end or None)]; firsts: type -> {employee: first done day}."""

    def containing(employee, day):
        for hire_day, end in spells[employee]:
            if hire_day <= day and (end is None or end >= day):
                return hire_day, end
        return None

    figures = {}
    for type_id, received in firsts.items():
        cases = [
            (day, spell[1])
            for employee, day in received.items()
            if (spell := containing(employee, day)) is not None
        ]
        if not cases:
            continue
        row = [len(cases)]
        for n in (90, 180):
            eligible = [(d, end) for d, end in cases if d + timedelta(days=n) <= today]
            still = sum(1 for d, end in eligible if end is None or end >= d + timedelta(days=n))
            n_cmp = still_cmp = 0
            for d in {d for d, _ in eligible}:
                for employee in spells:
                    if employee in received:
                        continue
                    spell = containing(employee, d)
                    if spell is None:
                        continue
                    n_cmp += 1
                    end = spell[1]
                    still_cmp += end is None or end >= d + timedelta(days=n)
            row += [len(eligible), still, n_cmp, still_cmp]
        figures[type_id] = tuple(row)
    return figures


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counting_matches_the_definition_on_random_shops(db, seed) -> None:
    rng = random.Random(seed)
    first_day = date(2023, 1, 1).toordinal()
    spells: dict[int, list] = {}
    for i in range(60):
        hired = date.fromordinal(first_day + rng.randrange(900))
        employee_id, spell = hire(db, f"P{i}", hired)
        spells[employee_id] = []
        while True:
            if rng.random() < 0.4:
                spells[employee_id].append((hired, None))
                break
            end = hired + timedelta(days=rng.choice([0, 5, 60, 89, 90, 91, 179, 180, 400]))
            if end > TODAY:
                spells[employee_id].append((hired, None))
                break
            leave(db, spell, end)
            spells[employee_id].append((hired, end))
            if rng.random() < 0.6 or end + timedelta(days=40) > TODAY:
                break
            hired = end + timedelta(days=rng.randrange(1, 40))
            spell = rehire(db, employee_id, hired)
    firsts: dict[int, dict] = {}
    codes = ("checkin", "mentor", "pay_review")
    for employee_id, spell_list in spells.items():
        for code in codes:
            if rng.random() < 0.5:
                continue
            hired = spell_list[rng.randrange(len(spell_list))][0]
            day = min(TODAY, hired + timedelta(days=rng.randrange(0, 500)))
            type_id = catalog.id_for_code(db, "action_types", code)
            done(db, employee_id, code, day)
            known = firsts.setdefault(type_id, {})
            known[employee_id] = min(day, known.get(employee_id, day))
    got = {
        r.action_type_id: (
            r.received,
            r.n_received_90,
            r.still_90,
            r.n_comparison_90,
            r.comparison_still_90,
            r.n_received_180,
            r.still_180,
            r.n_comparison_180,
            r.comparison_still_180,
        )
        for r in action_effect(db, "en", TODAY)
    }
    assert got == plain_effect(spells, firsts, TODAY)
    assert any(figures[3] for figures in got.values())  # some comparison cases
