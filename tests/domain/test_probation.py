"""Probation (METRICS.md "Probation") on hand-computed cases: month ends, 29 February,
a probation that ends on the 31st, the figures of a period with and without hires."""

from __future__ import annotations

from datetime import date

import pytest

from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.metrics import SpellFact, Terms, compute_report
from retention_desktop.domain.probation import left_in_probation, probation_end


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # no 31 February: the month's last day
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 1, 31), 3, date(2024, 4, 30)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),  # over the new year, into a leap year
        (date(2024, 12, 15), 3, date(2025, 3, 15)),
        (date(2024, 5, 31), 2, date(2024, 7, 31)),  # ends on the 31st
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 1), 6, date(2024, 9, 1)),
    ],
)
def test_probation_ends_on_the_same_day_or_the_months_last(start, months, end):
    assert probation_end(start, months) == end


def test_an_exit_is_in_probation_before_its_last_day():
    start = date(2024, 1, 31)  # 3 months: ends 2024-04-30
    assert left_in_probation(start, date(2024, 4, 29), 3)
    assert not left_in_probation(start, date(2024, 4, 30), 3)
    assert left_in_probation(start, start, 3)  # left on the first day


def test_the_periods_probation_figures():
    period = Period(Month(2024, 1), Month(2024, 6))
    spells = [
        SpellFact(date(2024, 1, 31), date(2024, 4, 29)),  # hired and left in probation
        SpellFact(date(2024, 1, 31), date(2024, 4, 30)),  # left the day probation ended
        SpellFact(date(2024, 3, 1), None),
        SpellFact(date(2023, 11, 30), date(2024, 2, 28)),  # hired before, left in probation
        SpellFact(date(2022, 1, 1), date(2024, 5, 1)),
    ]
    summary = compute_report(spells, period, today=date(2024, 12, 31)).summary
    assert summary.hires == 3
    assert summary.probation_exits == 2  # the one hired in the period, and the one before
    assert summary.probation_attrition_rate == pytest.approx(2 / 3)
    longer = compute_report(spells, period, today=date(2024, 12, 31),
                            terms=Terms(probation_months=6)).summary  # fmt: skip
    assert longer.probation_exits == 3


def test_no_hires_no_probation_rate():
    period = Period(Month(2024, 1), Month(2024, 1))
    spells = [SpellFact(date(2023, 12, 1), date(2024, 1, 15))]
    summary = compute_report(spells, period, today=date(2024, 12, 31)).summary
    assert summary.probation_exits == 1
    assert summary.hires == 0
    assert summary.probation_attrition_rate is None


@pytest.mark.parametrize("months", [1, 2, 3, 6, 12])
def test_the_quick_count_is_the_calendars(months):
    """The report counts probation exits without the calendar where a stay is surely
    shorter or longer than any probation of that length: the same count either way."""
    import random
    from datetime import timedelta

    from retention_desktop.domain.probation import probation_exits

    rng = random.Random(months)
    leavers = []
    for _ in range(3000):
        start = date(2000, 1, 1) + timedelta(days=rng.randint(0, 10_000))
        end = start + timedelta(days=rng.randint(0, 31 * months + 40))
        leavers.append((start.toordinal(), end.toordinal(), 0, None))
    by_calendar = sum(left_in_probation(date.fromordinal(s), date.fromordinal(e), months)
                      for s, e, _, _ in leavers)  # fmt: skip
    assert probation_exits([(s, e) for s, e, _, _ in leavers], months) == by_calendar
