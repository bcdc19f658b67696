"""Where the peak seasons' real dates fall on the calendar-month chart (no pyqtgraph here:
the chart draws what this places).

Month m's bar stands at x = m - 1 and its days spread evenly over [m - 1.5, m - 0.5), so a
season is shaded from its first day to the end of its last one. The chart has one January:
a run over the new year is shaded in two parts (December and January). Each year of the
period that a season touches is shaded on its own real dates, lightly enough that where
every year's run falls the shade is as dark as one shade was before, and where only some
years' runs reach (Spring Festival moves by up to a month) it is lighter.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from retention_desktop.domain.seasons import Run

FULL_SHADE = 0.2  # the opacity where every year's run of a season falls


def calendar_x(day: date) -> float:
    """Where `day` begins on the calendar-month axis."""
    days = calendar.monthrange(day.year, day.month)[1]
    return day.month - 1.5 + (day.day - 1) / days


def _end_x(day: date) -> float:
    """Where `day` ends on the calendar-month axis (the 31st of December at 11.5)."""
    return day.month - 1.5 + day.day / calendar.monthrange(day.year, day.month)[1]


def spans(run: Run) -> list[tuple[float, float]]:
    """The x ranges a run covers (from its first day's start to its last day's end), one
    per calendar year it falls in."""
    found, start = [], run.start
    while start <= run.end:
        end = min(run.end, date(start.year, 12, 31))
        found.append((calendar_x(start), _end_x(end)))
        start = end + timedelta(days=1)
    return found


def months_of(run: Run) -> set[int]:
    """The calendar months a run has a day in."""
    found, start = set(), run.start
    while start <= run.end:
        end = min(run.end, date(start.year, 12, 31))
        found.update(range(start.month, end.month + 1))
        start = end + timedelta(days=1)
    return found


def shade_alpha(years: int) -> int:
    """The alpha (0-255) of one year's shade when `years` runs of a season are shaded,
    so that all of them on top of each other make FULL_SHADE."""
    return max(8, round(255 * (1 - (1 - FULL_SHADE) ** (1 / max(1, years)))))


def name_place(run: Run) -> tuple[tuple[float, float], float]:
    """Where a season's name goes (its anchor and x) over its first run's first part:
    centred, but from the left edge in January and February and up to the right edge in
    November and December (a name centred there ran off the chart)."""
    first, last = spans(run)[0]
    middle = (first + last) / 2
    if middle < 1.5:
        return (0, 1), first
    if middle > 9.5:
        return (1, 1), last
    return (0.5, 1), middle
