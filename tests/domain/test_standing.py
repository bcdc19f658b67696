"""Where a person stands on a day (METRICS.md "On a given day"), on hand-made cases."""

from __future__ import annotations

from datetime import date

import pytest

from retention_desktop.domain.standing import (
    EMPLOYED,
    LEAVING,
    LEFT,
    STARTING,
    days_left,
    employed_on,
    standing,
    tenure_days,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("start", "end", "expected", "employed"),
    [
        (date(2026, 11, 24), None, STARTING, False),  # hired tomorrow: not yet counted
        (date(2026, 11, 23), None, EMPLOYED, True),  # first day today
        (date(2020, 1, 1), None, EMPLOYED, True),
        (date(2020, 1, 1), date(2026, 11, 23), LEAVING, True),  # last day today: counted
        (date(2020, 1, 1), date(2026, 12, 31), LEAVING, True),  # notice given
        (date(2020, 1, 1), date(2026, 11, 22), LEFT, False),  # left yesterday
        (date(2026, 11, 25), date(2026, 12, 10), STARTING, False),  # hired ahead, end known
    ],
)
def test_standing_on_a_day(start, end, expected, employed):
    assert standing(start, end, TODAY) == expected
    assert employed_on(start, end, TODAY) is employed


def test_employed_on_the_days_around_a_spell():
    start, end = date(2024, 2, 29), date(2024, 3, 31)
    assert not employed_on(start, end, date(2024, 2, 28))
    assert employed_on(start, end, date(2024, 2, 29))
    assert employed_on(start, end, date(2024, 3, 31))  # the last working day
    assert not employed_on(start, end, date(2024, 4, 1))


def test_days_left_and_tenure_never_negative():
    assert days_left(date(2026, 11, 23), TODAY) == 0
    assert days_left(date(2026, 12, 7), TODAY) == 14
    assert tenure_days(date(2026, 11, 24), None, TODAY) == 0  # a rehire dated tomorrow
    assert tenure_days(date(2026, 11, 23), None, TODAY) == 0
    assert tenure_days(date(2026, 11, 1), None, TODAY) == 22
    assert tenure_days(date(2026, 11, 1), date(2026, 12, 31), TODAY) == 22  # so far
    assert tenure_days(date(2025, 11, 1), date(2026, 1, 31), TODAY) == 91
