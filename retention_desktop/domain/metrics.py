"""Turnover metrics exactly as shared/METRICS.md defines them.

Every figure the app shows, exports or prints comes from `compute_report`. It takes one
fact per employment spell and works in one sorted pass: month counts come from binary
searches over sorted start and end days, so a report over 100,000 spells and 120 months
costs a sort, not a query per employee per month.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from retention_desktop.domain.catalog import INVOLUNTARY, NO_TEAM, UNSPECIFIED_REASON, VOLUNTARY
from retention_desktop.domain.dates import Month, Period

TENURE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-30", 0, 30),
    ("31-90", 31, 90),
    ("91-182", 91, 182),
    ("183-365", 183, 365),
    ("366-730", 366, 730),
    ("731+", 731, None),
)
EARLY_ATTRITION_DAYS = 90
SURVIVAL_MARKS = (30, 60, 90)


class SpellFact(NamedTuple):
    """What the metrics need of one employment spell."""

    start: date
    end: date | None
    team: str = ""
    exit_type: str | None = None  # voluntary / involuntary, for spells that ended
    reason: str | None = None  # primary reason label as the shop sees it; None = unspecified


@dataclass(frozen=True)
class Costs:
    recruiting_per_hire: float = 0.0
    training_per_hire: float = 0.0


@dataclass
class MonthFigures:
    month: str
    opening: int
    hires: int
    separations: int
    voluntary: int
    involuntary: int
    closing: int
    average_headcount: float
    turnover_rate: float | None


@dataclass
class Summary:
    opening: int
    closing: int
    hires: int
    separations: int
    voluntary: int
    involuntary: int
    average_headcount: float
    turnover_rate: float | None
    voluntary_turnover_rate: float | None
    annualized_turnover_rate: float | None
    retention_rate: float | None
    early_attrition_rate: float | None
    turnover_cost: float
    turnover_rate_leavers_plus_closing: float | None


@dataclass
class ReasonFigures:
    reason: str
    separations: int
    share: float


@dataclass
class TeamFigures:
    team: str
    separations: int
    average_headcount: float
    turnover_rate: float | None


@dataclass
class Report:
    period: Period
    summary: Summary
    monthly: list[MonthFigures]
    by_reason: list[ReasonFigures]
    by_team: list[TeamFigures]
    tenure_at_exit: list[tuple[str, int]]
    seasonality: list[tuple[int, int]]
    new_hire_survival: dict[int, float | None] = field(default_factory=dict)

    def to_json(self) -> dict:
        """The `report --json` object of METRICS.md, keys in its order."""
        return {
            "period": {
                "from": str(self.period.first),
                "to": str(self.period.last),
                "months": self.period.month_count,
            },
            "summary": vars(self.summary).copy(),
            "monthly": [vars(row).copy() for row in self.monthly],
            "by_reason": [vars(row).copy() for row in self.by_reason],
            "by_team": [vars(row).copy() for row in self.by_team],
            "tenure_at_exit": [
                {"band": band, "separations": count} for band, count in self.tenure_at_exit
            ],
            "seasonality": [
                {"month_of_year": month, "separations": count} for month, count in self.seasonality
            ],
            "new_hire_survival": {str(k): v for k, v in self.new_hire_survival.items()},
        }


def ratio(numerator: float, denominator: float) -> float | None:
    """A plain fraction, or None where the denominator is 0 (METRICS.md's `null`)."""
    return numerator / denominator if denominator else None


class _Counts:
    """Sorted start and end days of a set of spells, for counting by binary search."""

    def __init__(self, spells: Sequence[SpellFact]) -> None:
        self.starts = sorted(s.start.toordinal() for s in spells)
        self.ends = sorted(s.end.toordinal() for s in spells if s.end is not None)
        self.voluntary = sorted(
            s.end.toordinal() for s in spells if s.end is not None and s.exit_type == VOLUNTARY
        )
        self.involuntary = sorted(
            s.end.toordinal() for s in spells if s.end is not None and s.exit_type == INVOLUNTARY
        )

    @staticmethod
    def _between(days: list[int], first: int, last: int) -> int:
        return bisect_right(days, last) - bisect_left(days, first)

    def month(self, month: Month) -> MonthFigures:
        first, last = month.first_day.toordinal(), month.last_day.toordinal()
        # Every end lies on or after its start, so "start before F and not ended before F"
        # is "started before F" less "ended before F" (likewise for closing).
        opening = bisect_left(self.starts, first) - bisect_left(self.ends, first)
        closing = bisect_right(self.starts, last) - bisect_right(self.ends, last)
        separations = self._between(self.ends, first, last)
        average = (opening + closing) / 2
        return MonthFigures(
            month=str(month),
            opening=opening,
            hires=self._between(self.starts, first, last),
            separations=separations,
            voluntary=self._between(self.voluntary, first, last),
            involuntary=self._between(self.involuntary, first, last),
            closing=closing,
            average_headcount=average,
            turnover_rate=ratio(separations, average),
        )


def _tenure_band(days: int) -> str:
    for band, low, high in TENURE_BANDS:
        if days >= low and (high is None or days <= high):
            return band
    raise ValueError(f"negative tenure: {days} days")


def _period_average(monthly: list[MonthFigures]) -> float:
    return sum(m.average_headcount for m in monthly) / len(monthly)


def compute_report(
    spells: Iterable[SpellFact],
    period: Period,
    *,
    today: date,
    lang: str = "en",
    costs: Costs = Costs(),
) -> Report:
    """All figures of METRICS.md for `period` over `spells` (already narrowed to one team
    by the caller when the report is for one team)."""
    spells = list(spells)
    months = period.months
    counts = _Counts(spells)
    monthly = [counts.month(m) for m in months]

    hires = sum(m.hires for m in monthly)
    separations = sum(m.separations for m in monthly)
    voluntary = sum(m.voluntary for m in monthly)
    involuntary = sum(m.involuntary for m in monthly)
    opening, closing = monthly[0].opening, monthly[-1].closing
    average = _period_average(monthly)
    turnover_rate = ratio(separations, average)

    first_day, last_day = period.first_day, period.last_day
    leavers = [s for s in spells if s.end is not None and first_day <= s.end <= last_day]

    retained = sum(1 for s in spells if s.start < first_day and (s.end is None or s.end > last_day))
    early = sum(1 for s in leavers if (s.end - s.start).days <= EARLY_ATTRITION_DAYS)

    summary = Summary(
        opening=opening,
        closing=closing,
        hires=hires,
        separations=separations,
        voluntary=voluntary,
        involuntary=involuntary,
        average_headcount=average,
        turnover_rate=turnover_rate,
        voluntary_turnover_rate=ratio(voluntary, average),
        annualized_turnover_rate=(
            None if turnover_rate is None else turnover_rate * 12 / len(months)
        ),
        retention_rate=ratio(retained, opening),
        early_attrition_rate=ratio(early, separations),
        turnover_cost=separations * (costs.recruiting_per_hire + costs.training_per_hire),
        turnover_rate_leavers_plus_closing=ratio(separations, separations + closing),
    )

    return Report(
        period=period,
        summary=summary,
        monthly=monthly,
        by_reason=_by_reason(leavers, separations, lang),
        by_team=_by_team(spells, months, lang),
        tenure_at_exit=_tenure_at_exit(leavers),
        seasonality=_seasonality(leavers),
        new_hire_survival=_new_hire_survival(spells, first_day, min(last_day, today)),
    )


def _by_reason(leavers: list[SpellFact], separations: int, lang: str) -> list[ReasonFigures]:
    unspecified = UNSPECIFIED_REASON.label(lang)
    counted = Counter(s.reason or unspecified for s in leavers)
    ordered = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    return [ReasonFigures(reason, n, n / separations) for reason, n in ordered]


def _by_team(spells: list[SpellFact], months: list[Month], lang: str) -> list[TeamFigures]:
    teams: dict[str, list[SpellFact]] = defaultdict(list)
    for s in spells:
        teams[s.team].append(s)
    rows = []
    for team, members in teams.items():
        counts = _Counts(members)
        monthly = [counts.month(m) for m in months]
        separations = sum(m.separations for m in monthly)
        average = _period_average(monthly)
        if separations == 0 and average == 0:
            continue  # the team had nobody in the period
        label = team or NO_TEAM.label(lang)
        rows.append(TeamFigures(label, separations, average, ratio(separations, average)))
    rows.sort(key=lambda row: (-row.separations, row.team))
    return rows


def _tenure_at_exit(leavers: list[SpellFact]) -> list[tuple[str, int]]:
    counted = Counter(_tenure_band((s.end - s.start).days) for s in leavers)
    return [(band, counted[band]) for band, _, _ in TENURE_BANDS]


def _seasonality(leavers: list[SpellFact]) -> list[tuple[int, int]]:
    counted = Counter(s.end.month for s in leavers)
    return [(month, counted[month]) for month in range(1, 13)]


def _new_hire_survival(
    spells: list[SpellFact], first_day: date, cutoff: date
) -> dict[int, float | None]:
    hires = [s for s in spells if first_day <= s.start <= cutoff]
    survival: dict[int, float | None] = {}
    for mark in SURVIVAL_MARKS:
        eligible = stayed = 0
        for s in hires:
            mark_day = date.fromordinal(s.start.toordinal() + mark)
            if mark_day <= cutoff:
                eligible += 1
                if s.end is None or s.end >= mark_day:
                    stayed += 1
        survival[mark] = ratio(stayed, eligible)
    return survival
