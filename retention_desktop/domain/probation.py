"""Probation (试用期, shared/METRICS.md "Probation"): it ends `probation_months` calendar
months after the first working day, on the same day of the month, or on that month's last
day when it has no such day (hired 31 January on 3 months: 30 April). An exit is in
probation when the last working day comes before the probation's end."""

from __future__ import annotations

import calendar
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
