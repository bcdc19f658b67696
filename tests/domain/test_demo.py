"""The demo shop: a customer-service team of about 40 over three years, deterministic."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from itertools import pairwise

import pytest

from retention_desktop.domain.catalog import (
    EXIT_REASONS,
    EXIT_TYPES,
    INVOLUNTARY,
    INVOLUNTARY_REASONS,
    VOLUNTARY,
)
from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.demo import DemoShop, DemoSpell, generate_shop
from retention_desktop.domain.metrics import SpellFact, compute_report

TODAY = date(2026, 11, 23)
# The story starts 35 months before the month of TODAY: 2023-12-01.
STORY_START = Month(2023, 12)
# Seeds for the structural checks; 3 and 20 include rehired people (618, the default, has none).
SEEDS = (618, 3, 20)


@pytest.fixture(scope="module")
def shop() -> DemoShop:
    return generate_shop(TODAY)


def all_spells(shop: DemoShop) -> list[DemoSpell]:
    return [spell for person in shop.people for spell in person.spells]


def facts(shop: DemoShop) -> list[SpellFact]:
    return [
        SpellFact(
            s.start,
            s.end,
            s.team,
            s.exit.exit_type if s.exit else None,
            s.exit.reason if s.exit else None,
        )
        for s in all_spells(shop)
    ]


def exits(shop: DemoShop) -> list[DemoSpell]:
    return [s for s in all_spells(shop) if s.exit is not None]


# --- determinism -------------------------------------------------------------------------------


def test_same_seed_same_shop():
    assert generate_shop(TODAY, seed=7) == generate_shop(TODAY, seed=7)
    assert generate_shop(TODAY) == generate_shop(TODAY, seed=618)


def test_other_seed_other_shop():
    a, b = generate_shop(TODAY, seed=7), generate_shop(TODAY, seed=8)
    assert [p.name for p in a.people] != [p.name for p in b.people]


# --- structure (several seeds) -----------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_spells_end_on_or_after_start_and_only_notices_end_ahead(seed):
    """Spells start by today but one hire who starts next week; those that end after today
    are notices given (the notice by today), two of them."""
    shop = generate_shop(TODAY, seed=seed)
    spells = all_spells(shop)
    assert spells
    assert [s.start for s in spells if s.start > TODAY] == [TODAY + timedelta(days=7)]
    ahead = [s for s in spells if s.end is not None and s.end > TODAY]
    assert len(ahead) == 2
    for s in spells:
        if s.end is not None:
            assert s.start <= s.end
    for person in shop.people:
        for spell in person.spells:
            if spell.exit is not None and spell.exit.last_day > TODAY:
                assert spell.exit.notice_date <= TODAY


@pytest.mark.parametrize("seed", SEEDS)
def test_no_person_has_overlapping_spells(seed):
    shop = generate_shop(TODAY, seed=seed)
    for person in shop.people:
        spells = sorted(person.spells, key=lambda s: s.start)
        for earlier, later in pairwise(spells):
            # Every spell but the last one has ended, and the next starts after that end.
            assert earlier.end is not None, person.employee_no
            assert later.start > earlier.end, person.employee_no


def test_some_seed_exercises_rehires():
    # Guards the overlap check above against being vacuous.
    rehired = [p for seed in SEEDS for p in generate_shop(TODAY, seed=seed).people]
    assert any(len(p.spells) > 1 for p in rehired)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_exit_reason_is_a_built_in_reason(seed):
    known = {entry.code for entry in EXIT_REASONS}
    for s in exits(generate_shop(TODAY, seed=seed)):
        assert s.exit.reason in known
        assert all(code in known for code in s.exit.further)
        assert s.exit.reason not in s.exit.further
        assert s.exit.exit_type in EXIT_TYPES


@pytest.mark.parametrize("seed", SEEDS)
def test_involuntary_exits_are_exactly_the_company_decisions(seed):
    for s in exits(generate_shop(TODAY, seed=seed)):
        expected = INVOLUNTARY if s.exit.reason in INVOLUNTARY_REASONS else VOLUNTARY
        assert s.exit.exit_type == expected, s.exit.reason


@pytest.mark.parametrize("seed", SEEDS)
def test_notice_never_after_the_last_day(seed):
    for s in exits(generate_shop(TODAY, seed=seed)):
        if s.exit.notice_date is not None:
            assert s.start <= s.exit.notice_date <= s.exit.last_day


def test_employee_numbers_are_unique(shop):
    numbers = [p.employee_no for p in shop.people]
    assert len(numbers) == len(set(numbers))


# --- the shape of the default shop ---------------------------------------------------------------


def test_headcount_stays_around_40(shop):
    # Every month end from the start of the story to the last whole month before TODAY.
    period = Period(STORY_START, Month.of(TODAY).plus(-1))
    assert period.month_count == 35
    report = compute_report(facts(shop), period, today=TODAY)
    closings = [row.closing for row in report.monthly]
    assert all(30 <= n <= 55 for n in closings), closings
    # The story starts with the 40 people hired over the two years before it.
    assert report.monthly[0].opening == 40


@pytest.mark.parametrize("year", [2024, 2025])
def test_annual_turnover_of_each_full_year(shop, year):
    period = Period(Month(year, 1), Month(year, 12))
    report = compute_report(facts(shop), period, today=TODAY)
    assert 0.3 <= report.summary.turnover_rate <= 0.8


def test_more_exits_after_spring_festival_than_in_april_and_may(shop):
    by_month = Counter(s.end.month for s in exits(shop))
    assert by_month[2] + by_month[3] > by_month[4] + by_month[5]


def test_at_least_a_fifth_of_exits_within_90_days_of_hire(shop):
    leavers = exits(shop)
    early = [s for s in leavers if (s.end - s.start).days <= 90]
    assert len(leavers) > 0
    assert len(early) / len(leavers) >= 0.2
