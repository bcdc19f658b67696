"""Probation (试用期, shared/METRICS.md "Probation"): it ends `probation_months` calendar
months after the first working day, on the same day of the month, or on that month's last
day when it has no such day (hired 31 January on 3 months: 30 April). An exit is in
probation when the last working day comes before the probation's end."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

DEFAULT_PROBATION_MONTHS = 3  # the shop's setting `probation_months` until it sets one
MIN_PROBATION_MONTHS, MAX_PROBATION_MONTHS = 1, 12


def probation_end(start: date, months: int) -> date:
    """The day the probation of a spell from `start` ends."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def left_in_probation(start: date, end: date, months: int) -> bool:
    """Whether an exit on `end` of a spell from `start` came within its probation."""
    return end < probation_end(start, months)


def surely(months: int) -> tuple[int, int]:
    """(within, beyond): a stay of `end - start` days under `within` ended within a
    probation of `months` months whatever the calendar, one of `beyond` days or more did
    not; only those between need left_in_probation. (A probation of N months lasts at least
    28N - 3 days, February and a 31st, and at most 31N.)"""
    return 28 * months - 3, 31 * months


def count_in_probation(
    stays: Mapping[int, int], between: Iterable[tuple[int, int]], months: int
) -> int:
    """How many exits came within their probation of `months` months: `stays` counts the
    exits by `end - start` days, `between` gives (start, end) as ordinals of those whose
    stay is between surely()'s bounds (60,000 exits: 0.2 s all through the calendar, a few
    ms this way)."""
    within, _ = surely(months)
    day = date.fromordinal
    found = sum(count for days, count in stays.items() if days < within)
    return found + sum(
        1 for start, end in between if left_in_probation(day(start), day(end), months)
    )


def probation_exits(spans: Iterable[tuple[int, int]], months: int) -> int:
    """count_in_probation of the exits `spans`, (start, end) as ordinals."""
    spans = list(spans)
    within, beyond = surely(months)
    stays = Counter(end - start for start, end in spans)
    between = [(start, end) for start, end in spans if within <= end - start < beyond]
    return count_in_probation(stays, between, months)
