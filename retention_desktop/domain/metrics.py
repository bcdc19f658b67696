"""Turnover figures of shared/METRICS.md from one row per spell.

compute_report_rows (and compute_report, the same over SpellFacts) returns a Report: the
figures of the sections "Per month" and "Over a period of whole months" (summary, monthly,
by_reason, by_team, tenure_at_exit, seasonality, new_hire_survival), "Probation" (in the
summary) and "Survival of new hires" (domain.survival's curve). It counts the rows with
domain.tally (tally_rows: one pass, integer keys) and works every figure out of those
counts (report_of_tally), so no figure costs a pass over the spells of its own. Not here:
the `today` object of "`retention-desktop report --json`" (today_of_rows, or the store's
today_figures).

bar_keys gives the keys of the chart bars a separation is counted in, from the same
bucketing functions (typed, reason_label, team_label, tenure_band) the Report's breakdowns
are counted with.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from retention_desktop.domain.catalog import INVOLUNTARY, NO_TEAM, UNSPECIFIED_REASON, VOLUNTARY
from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.probation import DEFAULT_PROBATION_MONTHS
from retention_desktop.domain.survival import Survival, kaplan_meier_counts
from retention_desktop.domain.tally import SURVIVAL_MARKS, FactRow, Tally, tally_rows

TENURE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("0-30", 0, 30),
    ("31-90", 31, 90),
    ("91-182", 91, 182),
    ("183-365", 183, 365),
    ("366-730", 366, 730),
    ("731+", 731, None),
)
EARLY_ATTRITION_DAYS = 90


class SpellFact(NamedTuple):
    """What the metrics need of one employment spell."""

    start: date
    end: date | None
    team: str = ""
    exit_type: str | None = None  # voluntary / involuntary, for spells that ended
    reason: str | None = None  # primary reason label as the shop sees it; None = unspecified


@dataclass(frozen=True)
class Terms:
    """The shop's settings some figures follow: the cost of a hire (`turnover_cost`) and
    the probation's length in months (the probation figures)."""

    recruiting_per_hire: float = 0.0
    training_per_hire: float = 0.0
    probation_months: int = DEFAULT_PROBATION_MONTHS


@dataclass
class MonthFigures:
    """One row of METRICS.md's "Per month" table; `month` is "YYYY-MM"."""

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
    """The single figures of "Over a period of whole months" and "Probation" (the
    `summary` object of `report --json`, in its order)."""

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
    probation_exits: int = 0
    probation_attrition_rate: float | None = None  # probation_exits / hires


@dataclass
class ReasonFigures:
    """One entry of `by_reason`: a reason label (reason_label), its separations and share."""

    reason: str
    separations: int
    share: float


@dataclass
class TeamFigures:
    """One entry of `by_team`: a team label (team_label) and its figures alone."""

    team: str
    separations: int
    average_headcount: float
    turnover_rate: float | None


@dataclass
class Report:
    """The figures of one period (and team) as compute_report_rows returns them:
    `tenure_at_exit` as (band, separations) in TENURE_BANDS order, `seasonality` as
    (month of year, separations) for 1..12, `new_hire_survival` by mark (30, 60, 90)."""

    period: Period
    summary: Summary
    monthly: list[MonthFigures]
    by_reason: list[ReasonFigures]
    by_team: list[TeamFigures]
    tenure_at_exit: list[tuple[str, int]]
    seasonality: list[tuple[int, int]]
    new_hire_survival: dict[int, float | None] = field(default_factory=dict)
    today: TodayFigures | None = None  # about today whatever the period (today_of_rows)
    survival: Survival | None = None  # the Kaplan-Meier curve of the period's hires

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
            "today": vars(self.today).copy() if self.today is not None else None,
            "survival": self.survival.to_json() if self.survival is not None else None,
        }


@dataclass(frozen=True)
class TodayFigures:
    """METRICS.md "On a given day", for `report --json`'s `today`: the spells employed
    today (`headcount`), hired and not begun (`starting`), employed with a last day
    recorded (`leaving`)."""

    date: str
    headcount: int
    starting: int
    leaving: int


def today_of_rows(rows: Iterable[FactRow], today: date) -> TodayFigures:
    """The `today` figures over `rows`: every spell of the file (of one team), not only
    those of a period."""
    day = today.toordinal()
    rows = rows if isinstance(rows, list) else list(rows)
    ends = [row[1] for row in rows if row[0] <= day]  # of the spells begun
    employed = [end for end in ends if (end or day) >= day]  # no end (None) or on or after
    leaving = len(employed) - employed.count(None)
    return TodayFigures(today.isoformat(), len(employed), len(rows) - len(ends), leaving)


@dataclass(frozen=True)
class ActionFigures:
    """Retention actions of a period: those planned in it, counted by type and status, and
    the cost of those done in it."""

    by_type: list[tuple[str, int, int, int]]  # (type, planned, done, cancelled), most first
    planned: int
    done: int
    cancelled: int
    cost_done: float


def ratio(numerator: float, denominator: float) -> float | None:
    """A plain fraction, or None where the denominator is 0 (METRICS.md's `null`)."""
    return numerator / denominator if denominator else None


_BAND_LOWS = [low for _, low, _ in TENURE_BANDS]


def tenure_band(days: int) -> str:
    """The `tenure_at_exit` band (METRICS.md, "Over a period") of `days = end - start`."""
    if days < 0:
        raise ValueError(f"negative tenure: {days} days")
    return TENURE_BANDS[bisect_right(_BAND_LOWS, days) - 1][0]


def reason_label(reason: str | None, lang: str) -> str:
    """The `by_reason` label of a primary reason label: "unspecified" in `lang` for None."""
    return reason or UNSPECIFIED_REASON.label(lang)


def team_label(team: str, lang: str) -> str:
    """The `by_team` label of a team: "no team" in `lang` for the empty team."""
    return team or NO_TEAM.label(lang)


def typed(exit_type: str | None) -> str | None:
    """The exit type a monthly separation is split by: voluntary, involuntary or None
    (neither: counted in `separations` only)."""
    return exit_type if exit_type in (VOLUNTARY, INVOLUNTARY) else None


# The keys of the bars of the report's charts, one per breakdown of the separations:
#   ("month", "YYYY-MM", exit type or None)  monthly separations by exit type (`typed`)
#   ("reason", label)                        by_reason (`reason_label`)
#   ("team", label)                          by_team (`team_label`)
#   ("tenure", band)                         tenure_at_exit (`tenure_band`)
#   ("calendar_month", 1..12)                seasonality
MONTH_BAR, REASON_BAR, TEAM_BAR, TENURE_BAR, CALENDAR_MONTH_BAR = (
    "month", "reason", "team", "tenure", "calendar_month",
)  # fmt: skip


def bar_keys(row: FactRow, lang: str) -> tuple[tuple, ...]:
    """The key of every bar a separation (a row with an end) counts in: one per breakdown,
    bucketed by the same functions compute_report_rows counts them with."""
    start, end, team, exit_type, reason = row
    if end is None:
        return ()
    last_day = date.fromordinal(end)
    return (
        (MONTH_BAR, str(Month.of(last_day)), typed(exit_type)),
        (REASON_BAR, reason_label(reason, lang)),
        (TEAM_BAR, team_label(team, lang)),
        (TENURE_BAR, tenure_band(end - start)),
        (CALENDAR_MONTH_BAR, last_day.month),
    )


def _period_average(monthly: list[MonthFigures]) -> float:
    return sum(m.average_headcount for m in monthly) / len(monthly)


def compute_report(
    spells: Iterable[SpellFact],
    period: Period,
    *,
    today: date,
    lang: str = "en",
    terms: Terms = Terms(),
) -> Report:
    """compute_report_rows over `spells` given as SpellFacts (dates, not ordinals). The
    report is for whatever spells it is given: for one team, pass that team's only."""
    rows = [
        (s.start.toordinal(), None if s.end is None else s.end.toordinal(), *s[2:]) for s in spells
    ]
    return compute_report_rows(rows, period, today=today, lang=lang, terms=terms)


class _Team:
    """Counts of one team: headcount at the period's start and events per month."""

    __slots__ = ("hires", "involuntary", "opening", "separations", "voluntary")

    def __init__(self, months: int) -> None:
        self.opening = 0
        self.hires = [0] * months
        self.separations = [0] * months
        self.voluntary = [0] * months
        self.involuntary = [0] * months


def _monthly(teams: Sequence[_Team], months: list[Month]) -> list[MonthFigures]:
    """Month rows for the sum of `teams`: closing = opening + hires - separations, and each
    month opens with the last one's closing (METRICS.md's identities, by construction)."""
    opening = sum(t.opening for t in teams)
    hires, separations, voluntary, involuntary = (
        [sum(column) for column in zip(*counts, strict=True)] or [0] * len(months)
        for counts in (
            [t.hires for t in teams],
            [t.separations for t in teams],
            [t.voluntary for t in teams],
            [t.involuntary for t in teams],
        )
    )
    rows = []
    for i, month in enumerate(months):
        closing = opening + hires[i] - separations[i]
        average = (opening + closing) / 2
        rows.append(
            MonthFigures(
                month=str(month),
                opening=opening,
                hires=hires[i],
                separations=separations[i],
                voluntary=voluntary[i],
                involuntary=involuntary[i],
                closing=closing,
                average_headcount=average,
                turnover_rate=ratio(separations[i], average),
            )
        )
        opening = closing
    return rows


def compute_report_rows(
    rows: Iterable[FactRow],
    period: Period,
    *,
    today: date,
    lang: str = "en",
    terms: Terms = Terms(),
) -> Report:
    """The Report of `period` over `rows` (every spell that may touch the period, of the
    team the report is for): the "Per month" rows, the "Over a period of whole months"
    figures and breakdowns, the probation figures, and `new_hire_survival` and the
    Kaplan-Meier curve of the period's hires observed up to the period's last day or
    `today`, whichever is earlier. `lang` names the unspecified reason and the empty team;
    `terms` gives `turnover_cost` and the probation's length."""
    tally = tally_rows(rows, period, today=today, probation_months=terms.probation_months)
    return report_of_tally(tally, period, lang=lang, terms=terms)


def report_of_tally(tally: Tally, period: Period, *, lang: str, terms: Terms) -> Report:
    """The Report of `period` worked out of its Tally (tally_rows)."""
    months = period.months
    teams = {name: _Team(len(months)) for name in tally.teams}
    for name, count in tally.opening.items():
        teams[name].opening = count
    for (name, i), count in tally.hires.items():
        teams[name].hires[i] = count
    for (name, i, exit_type), count in tally.separations.items():
        team = teams[name]
        team.separations[i] += count
        split = typed(exit_type)
        if split == VOLUNTARY:
            team.voluntary[i] += count
        elif split == INVOLUNTARY:
            team.involuntary[i] += count

    monthly = _monthly(list(teams.values()), months)
    hires = sum(m.hires for m in monthly)
    separations = sum(m.separations for m in monthly)
    voluntary = sum(m.voluntary for m in monthly)
    involuntary = sum(m.involuntary for m in monthly)
    opening, closing = monthly[0].opening, monthly[-1].closing
    average = _period_average(monthly)
    turnover_rate = ratio(separations, average)
    stays = tally.stays
    early = sum(count for days, count in stays.items() if days <= EARLY_ATTRITION_DAYS)
    in_probation = tally.probation_exits

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
        retention_rate=ratio(tally.retained, opening),
        early_attrition_rate=ratio(early, separations),
        turnover_cost=separations * (terms.recruiting_per_hire + terms.training_per_hire),
        turnover_rate_leavers_plus_closing=ratio(separations, separations + closing),
        probation_exits=in_probation,
        probation_attrition_rate=ratio(in_probation, hires),
    )
    tenure: Counter[str] = Counter()
    for days, count in stays.items():
        tenure[tenure_band(days)] += count
    season: Counter[int] = Counter()
    for month, row in zip(months, monthly, strict=True):
        season[month.month] += row.separations
    return Report(
        period=period,
        summary=summary,
        monthly=monthly,
        by_reason=_by_reason(tally.reasons, separations, lang),
        by_team=_by_team(teams, lang),
        tenure_at_exit=[(band, tenure[band]) for band, _, _ in TENURE_BANDS],
        seasonality=[(month, season[month]) for month in range(1, 13)],
        new_hire_survival=_new_hire_survival(tally),
        survival=kaplan_meier_counts(tally.lengths, tally.events),
    )


def _by_reason(reasons: Counter[str | None], separations: int, lang: str) -> list[ReasonFigures]:
    counted: Counter[str] = Counter()
    for reason, count in reasons.items():
        counted[reason_label(reason, lang)] += count
    ordered = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    return [ReasonFigures(reason, n, n / separations) for reason, n in ordered]


def _by_team(teams: dict[str, _Team], lang: str) -> list[TeamFigures]:
    rows = []
    for name, team in teams.items():
        # the team's months as _monthly counts them, without their rows
        opening, averages = team.opening, []
        for hired, separated in zip(team.hires, team.separations, strict=True):
            closing = opening + hired - separated
            averages.append((opening + closing) / 2)
            opening = closing
        separations = sum(team.separations)
        average = sum(averages) / len(averages)
        if separations == 0 and average == 0:
            continue  # the team had nobody in the period
        label = team_label(name, lang)
        rows.append(TeamFigures(label, separations, average, ratio(separations, average)))
    rows.sort(key=lambda row: (-row.separations, row.team))
    return rows


def _new_hire_survival(tally: Tally) -> dict[int, float | None]:
    """METRICS.md's `new_hire_survival` by mark: of the period's hires whose mark day
    (start + mark) has come by the cutoff (`reached`), the share still employed that day;
    None for a mark no hire has reached. A hire was still employed on its mark day when
    its cohort duration (days on the payroll up to the cutoff) is over `mark`: one that
    left by the cutoff left after the mark day, one still employed has reached it when
    its mark day has come; and a hire whose mark day has not come has a duration of
    `mark` days at most, whether it left or not."""
    lengths = tally.lengths
    return {
        mark: ratio(sum(n for days, n in lengths.items() if days > mark), tally.reached[mark])
        for mark in SURVIVAL_MARKS
    }
