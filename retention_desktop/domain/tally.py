"""What the report counts of the spells of a period, before any figure is worked out:
tally_rows counts rows (one per spell) into a Tally, domain.metrics works every figure of
shared/METRICS.md out of the Tally.

A Tally holds Counters keyed by team and month, by exit type, by reason and by numbers of
days: a few thousand entries whatever the number of spells. tally_rows looks at each row
once, in one loop that only compares ordinals and appends small integers to lists (a
team's number and a month folded into one int key, days on the payroll, ...); Counters
count those lists in C. No date object is made but for the few leavers whose probation
needs the calendar. (Counters of (team, month) tuples, or one pass per figure, cost 2-4x
as much for 100,000 spells.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from retention_desktop.domain.catalog import INVOLUNTARY, VOLUNTARY
from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.probation import count_in_probation, surely

# One spell as the report takes it: start and end as date ordinals (end None while
# employed), team, exit type and primary reason label (None: unspecified).
FactRow = tuple[int, int | None, str, str | None, str | None]

SURVIVAL_MARKS = (30, 60, 90)  # the days of `new_hire_survival`


@dataclass
class Tally:
    """The counts of one period's spells (of one team, or all) the Report is worked out of;
    months are indexes into the period's months, days are date ordinals."""

    month_count: int
    opening: Counter[str]  # team -> spells on the payroll on the period's first day
    retained: int  # of those, the spells still on it after the period's last day
    hires: Counter[tuple[str, int]]  # (team, month) -> spells hired in that month
    # (team, month, exit type: voluntary, involuntary or None for none or another) -> spells
    separations: Counter[tuple[str, int, str | None]]
    reasons: Counter[Any]  # primary reason as the rows give it (label, or id: named) -> separations
    stays: Counter[int]  # end - start -> the period's separations
    probation_exits: int  # the period's separations that came within the probation
    # survival.cohort of the period's hires observed up to `cutoff`, counted: how many
    # last each number of days (`lengths`) and how many of those ended (`events`)
    lengths: Counter[int]
    events: Counter[int]
    reached: dict[int, int]  # SURVIVAL_MARKS mark -> cohort spells whose mark day has come
    teams: list[str]  # every team of the rows, as first met in them

    def named(self, labels: Mapping[Any, str | None]) -> Tally:
        """The same with `reasons` counted by labels[reason] (rows that gave a reason's
        id, say, counted by its label; reasons of one label add up)."""
        reasons: Counter[str | None] = Counter()
        for reason, count in self.reasons.items():
            reasons[labels[reason]] += count
        return replace(self, reasons=reasons)


def month_index(months: Sequence[Month]) -> list[int]:
    """The index in `months` (consecutive) of each of their days, by its offset from the
    first day."""
    month_of: list[int] = []
    for i, month in enumerate(months):
        month_of.extend([i] * month.last_day.day)
    return month_of


def tally_rows(
    rows: Iterable[FactRow], period: Period, *, today: date, probation_months: int
) -> Tally:
    """The Tally of `period` over `rows` (every spell that may touch the period, of the
    team the report is for); the cohort is observed up to the period's last day or
    `today`, whichever is earlier. `rows` may give the primary reason in any form (a
    label, an id): `reasons` counts it as given (Tally.named relabels)."""
    first, last = period.first_day.toordinal(), period.last_day.toordinal()
    cutoff = min(last, today.toordinal())
    month_count = len(period.months)
    month_of = month_index(period.months)
    # Each team met gets a block of `counts`, at its `number`: hires by month, then
    # separations by month for no (or another) exit type, voluntary and involuntary, then
    # the team's opening headcount.
    stride = 4 * month_count + 1
    kinds = {VOLUNTARY: 2 * month_count, INVOLUNTARY: 3 * month_count}
    opens = 4 * month_count
    surely_in, surely_out = surely(probation_months)
    hired_late = cutoff - max(SURVIVAL_MARKS)  # hired after it: not eligible for every mark
    numbers: dict[str, int] = {}  # team -> its block, in the order met
    counts: list[int] = []
    # What a Counter counts afterwards (appending is cheaper than counting in the loop):
    reasons: list[Any] = []  # of the leavers
    stays: list[int] = []  # end - start of the leavers not in `ended`
    ended: list[int] = []  # end - start of the cohort's leavers (its events)
    staying: list[int] = []  # hire day of the cohort's others (censored)
    recent: list[int] = []  # hire day of the cohort's spells hired after hired_late
    near_probation: list[tuple[int, int]] = []  # (start, end) of stays the calendar decides
    retained = 0
    for start, end, team, exit_type, reason in rows:
        try:
            number = numbers[team]
        except KeyError:
            number = numbers[team] = len(counts)
            counts.extend([0] * stride)
        if start < first:
            if end is None or end > last:
                counts[number + opens] += 1
                retained += 1
                continue
            if end < first:
                continue
            counts[number + opens] += 1
            stays.append(end - start)
        elif start <= last:
            counts[number + month_of[start - first]] += 1
            if start <= cutoff:
                if start > hired_late:
                    recent.append(start)
                if end is not None and end <= cutoff:
                    ended.append(end - start)
                else:
                    staying.append(start)
                    if end is None or end > last:
                        continue
                    stays.append(end - start)
            elif end is None or end > last:
                continue
            else:
                stays.append(end - start)
        else:
            continue
        # left in the period (end >= start >= first, or end >= first > start)
        counts[number + kinds.get(exit_type, month_count) + month_of[end - first]] += 1
        reasons.append(reason)
        if surely_in <= end - start < surely_out:
            near_probation.append((start, end))
    # the cohort's durations: end - start + 1 for events, cutoff - start + 1 censored
    stayed = Counter(ended)
    events = Counter({days + 1: n for days, n in stayed.items()})
    lengths = Counter({cutoff - day + 1: n for day, n in Counter(staying).items()})
    lengths.update(events)
    all_stays = Counter(stays)
    all_stays.update(stayed)  # the events are leavers of the period too
    in_probation = count_in_probation(all_stays, near_probation, probation_months)
    cohort = len(ended) + len(staying)
    opening, hires, separations = _unfolded(counts, numbers, month_count)
    return Tally(
        month_count=month_count,
        opening=opening,
        retained=retained,
        hires=hires,
        separations=separations,
        reasons=Counter(reasons),
        stays=all_stays,
        probation_exits=in_probation,
        lengths=lengths,
        events=events,
        reached={
            mark: cohort - len([1 for start in recent if start + mark > cutoff])
            for mark in SURVIVAL_MARKS
        },
        teams=list(numbers),
    )


def _unfolded(
    counts: list[int], numbers: dict[str, int], month_count: int
) -> tuple[Counter[str], Counter[tuple[str, int]], Counter[tuple[str, int, str | None]]]:
    """tally_rows' blocks of counts as the Tally's opening, hires and separations."""
    opening: Counter[str] = Counter()
    hires: Counter[tuple[str, int]] = Counter()
    separations: Counter[tuple[str, int, str | None]] = Counter()
    for team, number in numbers.items():
        block = counts[number : number + 4 * month_count + 1]
        if block[-1]:
            opening[team] = block[-1]
        for month in range(month_count):
            if block[month]:
                hires[team, month] = block[month]
            for kind, exit_type in enumerate((None, VOLUNTARY, INVOLUNTARY), start=1):
                if block[kind * month_count + month]:
                    separations[team, month, exit_type] = block[kind * month_count + month]
    return opening, hires, separations
