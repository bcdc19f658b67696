"""How long new hires stay: the Kaplan-Meier curve of shared/METRICS.md, "Survival of new
hires", for the spells hired in a period, observed up to `as_of` (the period's last day,
or today when earlier).

A spell of the cohort lasts `end - start + 1` days (days on the payroll, both ends
counted) when it ended by `as_of` (an event), else `as_of - start + 1` days (censored:
still employed when observation ends). S(t), the chance of still being employed t days
after the hire date, is the product over event durations u <= t of 1 - d_u / n_u (d_u
events of duration u, n_u spells lasting u days or more); its 95% interval is the
"exponential Greenwood" one (the log(-log) transform)."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

MARKS = (30, 90, 180, 365)  # the points report --json gives
Z_95 = 1.959964


@dataclass(frozen=True)
class SurvivalPoint:
    days: int
    survival: float | None  # None when nobody is still observed that long
    lower: float | None  # None when survival is None, 0 or 1
    upper: float | None
    at_risk: int  # spells lasting `days` days or more


@dataclass(frozen=True)
class Survival:
    spells: int  # the cohort
    exits: int  # events
    median_days: int | None  # the first event duration with S <= 0.5
    points: list[SurvivalPoint]  # at MARKS
    # the whole step curve: (duration, S just after it, lower, upper, at risk at it) at
    # each event duration, for the chart
    steps: list[tuple[int, float, float | None, float | None, int]]
    longest: int = 0  # the longest duration observed (where the curve's last step ends)

    def to_json(self) -> dict:
        return {
            "spells": self.spells,
            "exits": self.exits,
            "median_days": self.median_days,
            "points": [
                {"days": p.days, "survival": p.survival, "lower": p.lower, "upper": p.upper,
                 "at_risk": p.at_risk}
                for p in self.points
            ],
        }  # fmt: skip


def cohort(
    spans: Iterable[tuple[int, int | None]], first: int, as_of: int
) -> list[tuple[int, bool]]:
    """(duration, event) of each spell hired from day `first` to `as_of` (day ordinals;
    spans are (start, end or None))."""
    found = []
    for start, end in spans:
        if first <= start <= as_of:
            if end is not None and end <= as_of:
                found.append((end - start + 1, True))
            else:
                found.append((as_of - start + 1, False))
    return found


def _interval(survival: float, greenwood: float) -> tuple[float | None, float | None]:
    if survival <= 0.0 or survival >= 1.0 or math.isinf(greenwood):
        return None, None
    log_s = math.log(survival)
    h = Z_95 * math.sqrt(greenwood) / abs(log_s)
    centre = math.log(-log_s)
    return math.exp(-math.exp(centre + h)), math.exp(-math.exp(centre - h))


def kaplan_meier(durations: list[tuple[int, bool]], marks: Iterable[int] = MARKS) -> Survival:
    """The curve of `durations` ((days, event) of each spell of the cohort)."""
    return kaplan_meier_counts(
        Counter(days for days, _ in durations),
        Counter(days for days, event in durations if event),
        marks,
    )


def kaplan_meier_counts(
    lengths: Counter[int], events: Counter[int], marks: Iterable[int] = MARKS
) -> Survival:
    """The curve of a cohort given as counts: `lengths`, how many spells last each number
    of days (events and censored); `events`, how many of them ended after that many days.
    Works on the distinct durations only (a few thousand for 90,000 hires)."""
    total = lengths.total()
    days = sorted(lengths)
    # shorter[k]: the spells lasting fewer days than days[k]
    shorter = [0, *accumulate(lengths[d] for d in days)]

    def at_risk(t: int) -> int:  # spells lasting t days or more
        return total - shorter[bisect_left(days, t)]

    steps: list[tuple[int, float, float | None, float | None, int]] = []
    survival, greenwood = 1.0, 0.0
    median = None
    for u in sorted(events):
        n, d = at_risk(u), events[u]
        survival *= 1.0 - d / n
        greenwood = greenwood + d / (n * (n - d)) if n > d else math.inf
        lower, upper = _interval(survival, greenwood)
        steps.append((u, survival, lower, upper, n))
        if median is None and survival <= 0.5:
            median = u
    step_days = [step[0] for step in steps]
    points = []
    for t in marks:
        n = at_risk(t)
        if n == 0:
            points.append(SurvivalPoint(t, None, None, None, 0))
            continue
        taken = bisect_right(step_days, t)  # the steps at t days or fewer
        if taken:
            _, value, lower, upper, _ = steps[taken - 1]
        else:
            value, lower, upper = 1.0, None, None
        points.append(SurvivalPoint(t, value, lower, upper, n))
    return Survival(total, events.total(), median, points, steps, days[-1] if days else 0)
