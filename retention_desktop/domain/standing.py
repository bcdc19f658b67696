"""Where a person stands on a given day: the one meaning of "employed today"
(shared/METRICS.md, "On a given day") that the roster's status and counts, the dashboard's
headcount now, the Today panel and the exports all use.

A spell is employed on day d when start <= d and (no end, or end >= d): a person is on the
payroll on their last working day, and not yet on the day before their first. As of today a
spell is starting (hired, not yet begun), employed, of which leaving (notice given: the last
working day is today or ahead), or left."""

from __future__ import annotations

from datetime import date

STARTING, EMPLOYED, LEAVING, LEFT = "starting", "employed", "leaving", "left"
STANDINGS = (STARTING, EMPLOYED, LEAVING, LEFT)


def employed_on(start: date, end: date | None, day: date) -> bool:
    """Whether the spell from `start` to `end` (None: still open) is employed on `day`."""
    return start <= day and (end is None or end >= day)


def standing(start: date, end: date | None, today: date) -> str:
    """STARTING, EMPLOYED, LEAVING or LEFT, as of `today`. LEAVING is employed too."""
    if start > today:
        return STARTING
    if end is None:
        return EMPLOYED
    return LEAVING if end >= today else LEFT


def days_left(end: date, today: date) -> int:
    """Working days' calendar span left before the last day: 0 when it is today."""
    return (end - today).days


def tenure_days(start: date, end: date | None, today: date) -> int:
    """Days from the first working day to the last one, or to today while employed; 0
    for a spell that has not begun (never a negative tenure)."""
    last = today if end is None or end > today else end
    return max(0, (last - start).days)
