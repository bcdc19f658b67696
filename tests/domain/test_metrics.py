"""compute_report against hand-computed figures from shared/METRICS.md.

Every expected number below is worked out by hand from the definitions in METRICS.md (the
working is in the comment next to each case); none is derived by calling the code.

Reminders of the definitions used throughout (month m runs from F to L):
  hires       = spells with F <= start <= L
  separations = spells with F <= end <= L
  opening     = spells with start < F and (end empty or end >= F)
  closing     = spells with start <= L and (end empty or end > L)
  average_headcount = (opening + closing) / 2 ; turnover_rate = separations / average
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest

from retention_desktop.domain.catalog import INVOLUNTARY, VOLUNTARY
from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.metrics import MonthFigures, Report, SpellFact, Terms, compute_report

FAR_FUTURE = date(2100, 1, 1)
LONG_AGO = date(2023, 1, 1)
ALL_BANDS = ("0-30", "31-90", "91-182", "183-365", "366-730", "731+")


def period(first: str, last: str) -> Period:
    return Period(Month.parse(first), Month.parse(last))


def report(spells, first: str, last: str, *, today: date = FAR_FUTURE, **kwargs) -> Report:
    return compute_report(spells, period(first, last), today=today, **kwargs)


def row(rep: Report, month: str) -> MonthFigures:
    (found,) = [r for r in rep.monthly if r.month == month]
    return found


def counts(r: MonthFigures) -> tuple[int, int, int, int]:
    """(opening, hires, separations, closing) of one month."""
    return (r.opening, r.hires, r.separations, r.closing)


def bands(rep: Report) -> dict[str, int]:
    return dict(rep.tenure_at_exit)


def leaver(end: date, *, start: date = LONG_AGO, team: str = "", kind=VOLUNTARY, reason=None):
    return SpellFact(start, end, team, kind, reason)


def stayer(start: date = LONG_AGO, team: str = "") -> SpellFact:
    return SpellFact(start, None, team)


# --- spells and months -------------------------------------------------------------------


def test_rehire_counts_both_spells():
    # One person: spell 1 2024-01-10 .. 2024-03-15, rehired 2024-06-01 (open).
    # Period 2024-01 .. 2024-06.
    #   Jan: opening 0 (no start before 01-01), hires 1 (01-10), seps 0,
    #        closing 1 (start 01-10 <= 01-31, end 03-15 > 01-31)          -> avg 0.5
    #   Feb: opening 1, hires 0, seps 0, closing 1                       -> avg 1.0
    #   Mar: opening 1, hires 0, seps 1 (03-15), closing 0               -> avg 0.5
    #   Apr, May: all 0                                                  -> avg 0
    #   Jun: opening 0 (start 06-01 is not < F), hires 1, closing 1      -> avg 0.5
    # Summary: hires 2 (both spells), separations 1, opening 0, closing 1,
    #   average (0.5 + 1 + 0.5 + 0 + 0 + 0.5) / 6 = 2.5 / 6, rate 1 / (2.5/6) = 2.4,
    #   retention None (opening 0).
    spells = [
        SpellFact(date(2024, 1, 10), date(2024, 3, 15), "A", VOLUNTARY, "Family"),
        SpellFact(date(2024, 6, 1), None, "A"),
    ]
    rep = report(spells, "2024-01", "2024-06")
    assert [counts(r) for r in rep.monthly] == [
        (0, 1, 0, 1),
        (1, 0, 0, 1),
        (1, 0, 1, 0),
        (0, 0, 0, 0),
        (0, 0, 0, 0),
        (0, 1, 0, 1),
    ]
    assert [r.average_headcount for r in rep.monthly] == [0.5, 1.0, 0.5, 0.0, 0.0, 0.5]
    assert row(rep, "2024-04").turnover_rate is None
    assert row(rep, "2024-03").turnover_rate == pytest.approx(2.0)  # 1 / 0.5
    s = rep.summary
    assert (s.opening, s.hires, s.separations, s.closing) == (0, 2, 1, 1)
    assert s.average_headcount == pytest.approx(2.5 / 6)
    assert s.turnover_rate == pytest.approx(2.4)
    assert s.retention_rate is None


def test_rehire_inside_one_period_each_spell_counts_in_its_months():
    # Spell 1 2023-06-01 .. 2024-02-10, spell 2 2024-04-01 .. open; period 2024-01 .. 2024-04.
    #   Jan: opening 1, closing 1; Feb: opening 1, seps 1, closing 0;
    #   Mar: 0 / 0; Apr: opening 0, hires 1, closing 1.
    # retention: opening(Jan) holds spell 1 only; it is not in closing(Apr) -> 0 / 1 = 0.0
    # (the rehire is a separate spell and does not make spell 1 "retained").
    spells = [leaver(date(2024, 2, 10), start=date(2023, 6, 1)), stayer(date(2024, 4, 1))]
    rep = report(spells, "2024-01", "2024-04")
    assert [counts(r) for r in rep.monthly] == [
        (1, 0, 0, 1),
        (1, 0, 1, 0),
        (0, 0, 0, 0),
        (0, 1, 0, 1),
    ]
    assert rep.summary.retention_rate == 0.0
    assert (rep.summary.hires, rep.summary.separations) == (1, 1)


def test_hire_and_exit_in_the_same_month():
    # Steady person since 2023-01-01, plus a spell 2024-03-05 .. 2024-03-20. Period 2024-03.
    #   opening 1 (steady), hires 1, seps 1, closing 1 (short spell: end 03-20 is not > 03-31)
    #   closing = 1 + 1 - 1 = 1; average (1 + 1) / 2 = 1.0; rate 1 / 1 = 1.0
    #   tenure 03-20 - 03-05 = 15 days -> band 0-30; early attrition 1 / 1 = 1.0
    spells = [stayer(), leaver(date(2024, 3, 20), start=date(2024, 3, 5))]
    rep = report(spells, "2024-03", "2024-03")
    assert counts(rep.monthly[0]) == (1, 1, 1, 1)
    assert rep.summary.average_headcount == 1.0
    assert rep.summary.turnover_rate == 1.0
    assert bands(rep)["0-30"] == 1
    assert rep.summary.early_attrition_rate == 1.0


def test_exit_on_the_first_day_of_a_month():
    # Spell 2023-06-15 .. 2024-04-01, period 2024-03 .. 2024-05.
    #   Mar: opening 1, seps 0, closing 1 (end 04-01 > 03-31)
    #   Apr: opening 1 (start < 04-01 and end 04-01 >= 04-01), seps 1 (04-01 in April),
    #        closing 0 (end 04-01 is not > 04-30)
    #   May: opening 0 (end 04-01 < 05-01), closing 0
    rep = report([leaver(date(2024, 4, 1), start=date(2023, 6, 15))], "2024-03", "2024-05")
    assert counts(row(rep, "2024-03")) == (1, 0, 0, 1)
    assert counts(row(rep, "2024-04")) == (1, 0, 1, 0)
    assert counts(row(rep, "2024-05")) == (0, 0, 0, 0)
    # April: average (1 + 0) / 2 = 0.5, rate 1 / 0.5 = 2.0
    assert row(rep, "2024-04").average_headcount == 0.5
    assert row(rep, "2024-04").turnover_rate == 2.0


def test_exit_on_the_last_day_of_a_month():
    # Spell 2023-06-15 .. 2024-04-30, period 2024-03 .. 2024-05.
    #   Mar: opening 1, closing 1
    #   Apr: opening 1, seps 1 (04-30), closing 0 (end 04-30 is not > 04-30: the person was on
    #        the payroll on 04-30 but is gone at the close)
    #   May: opening 0 (end 04-30 < 05-01)
    rep = report([leaver(date(2024, 4, 30), start=date(2023, 6, 15))], "2024-03", "2024-05")
    assert counts(row(rep, "2024-03")) == (1, 0, 0, 1)
    assert counts(row(rep, "2024-04")) == (1, 0, 1, 0)
    assert counts(row(rep, "2024-05")) == (0, 0, 0, 0)


def test_exit_on_31_march_belongs_to_march_not_april():
    # Spell 2023-06-15 .. 2024-03-31: Mar opening 1, seps 1, closing 0; Apr opening 0, seps 0.
    rep = report([leaver(date(2024, 3, 31), start=date(2023, 6, 15))], "2024-03", "2024-04")
    assert counts(row(rep, "2024-03")) == (1, 0, 1, 0)
    assert counts(row(rep, "2024-04")) == (0, 0, 0, 0)
    assert dict(rep.seasonality)[3] == 1
    assert dict(rep.seasonality)[4] == 0


def test_hires_on_the_first_and_last_day_of_a_month():
    # Spell A starts 2024-04-01, spell B starts 2024-04-30 (both open). Period 2024-03 .. 2024-05.
    #   Mar: nothing (closing needs start <= 03-31)
    #   Apr: opening 0 (neither starts before 04-01), hires 2, closing 2
    #   May: opening 2, hires 0, closing 2
    rep = report([stayer(date(2024, 4, 1)), stayer(date(2024, 4, 30))], "2024-03", "2024-05")
    assert counts(row(rep, "2024-03")) == (0, 0, 0, 0)
    assert counts(row(rep, "2024-04")) == (0, 2, 0, 2)
    assert counts(row(rep, "2024-05")) == (2, 0, 0, 2)


# --- 29 February ---------------------------------------------------------------------------


def test_leap_day_spells_months_tenure_and_survival():
    # 2024 is a leap year: February has 29 days.
    # A: 2024-02-29 .. 2024-03-30  tenure: 02-29 -> 03-01 is 1 day, -> 03-30 is 30 days: 0-30
    # B: 2024-02-29 .. 2024-03-31  31 days: 31-90
    # C: 2023-02-28 .. 2024-02-29  2023-02-28 -> 2024-02-28 is 365 days (no 29 Feb inside),
    #    + 1 = 366 days: 366-730
    # D: 2023-03-01 .. 2024-02-29  2023-03-01 -> 2024-03-01 is 366 days (holds 2024-02-29),
    #    - 1 = 365 days: 183-365
    # E: 2024-02-29 .. open
    # Period 2024-02 .. 2024-06.
    #   Feb (F 02-01, L 02-29): opening C, D = 2; hires A, B, E = 3; seps C, D = 2 (end 02-29);
    #        closing A, B, E = 3 (C, D end 02-29, not > L). 2 + 3 - 2 = 3.
    #   Mar: opening 3, hires 0, seps A, B = 2, closing E = 1.
    # Early attrition: A (30) and B (31) are <= 90, C and D are not -> 2 / 4 = 0.5.
    # Survival, hires in period A, B, E, all marks on or before 06-30 (today far ahead):
    #   30-day mark 02-29 + 30 = 03-30: A (end 03-30 >= 03-30) yes, B yes, E yes -> 3/3 = 1.0
    #   60-day mark: 03-31 is +31, 04-29 is +60: A no, B no, E yes -> 1/3
    #   90-day mark: 04-30 is +61, 05-29 is +90: A no, B no, E yes -> 1/3
    spells = [
        leaver(date(2024, 3, 30), start=date(2024, 2, 29)),
        leaver(date(2024, 3, 31), start=date(2024, 2, 29)),
        leaver(date(2024, 2, 29), start=date(2023, 2, 28)),
        leaver(date(2024, 2, 29), start=date(2023, 3, 1)),
        stayer(date(2024, 2, 29)),
    ]
    rep = report(spells, "2024-02", "2024-06")
    assert counts(row(rep, "2024-02")) == (2, 3, 2, 3)
    assert counts(row(rep, "2024-03")) == (3, 0, 2, 1)
    assert bands(rep) == {
        "0-30": 1,
        "31-90": 1,
        "91-182": 0,
        "183-365": 1,
        "366-730": 1,
        "731+": 0,
    }
    assert rep.summary.early_attrition_rate == 0.5
    assert rep.new_hire_survival[30] == 1.0
    assert rep.new_hire_survival[60] == pytest.approx(1 / 3)
    assert rep.new_hire_survival[90] == pytest.approx(1 / 3)


def test_survival_mark_that_crosses_29_february():
    # X: 2024-01-31 .. 2024-02-29, Y: 2024-01-31 .. 2024-03-01. Period 2024-01 .. 2024-03.
    # 30-day mark: 01-31 + 29 = 02-29, + 30 = 03-01.
    #   X ended 02-29 < 03-01: not employed on the mark; Y ended 03-01 >= 03-01: employed.
    #   -> 1 / 2 = 0.5
    # 60-day mark: 03-01 is +30, 03-31 is +60 <= 03-31 (period end): eligible, both gone -> 0.0
    # 90-day mark: 04-30 > 03-31: nobody eligible -> None
    # Tenure X 29 days, Y 30 days: both 0-30.
    spells = [
        leaver(date(2024, 2, 29), start=date(2024, 1, 31)),
        leaver(date(2024, 3, 1), start=date(2024, 1, 31)),
    ]
    rep = report(spells, "2024-01", "2024-03")
    assert rep.new_hire_survival == {30: 0.5, 60: 0.0, 90: None}
    assert bands(rep)["0-30"] == 2


# --- empty and quiet periods ----------------------------------------------------------------


def test_team_with_no_headcount_has_no_turnover_rate():
    # Team Night: one spell 2024-05-03 .. 2024-05-20; team Day: one person since 2023-01-01.
    # Period 2024-05.
    # Whole shop: opening 1 (Day), hires 1, seps 1, closing 1 (Day) -> avg 1.0, rate 1.0
    # by_team Night: seps 1, opening 0, closing 0 -> avg 0.0, rate None
    #         Day:   seps 0, opening 1, closing 1 -> avg 1.0, rate 0 / 1 = 0.0
    # Order: most separations first -> Night, Day
    spells = [leaver(date(2024, 5, 20), start=date(2024, 5, 3), team="Night"), stayer(team="Day")]
    rep = report(spells, "2024-05", "2024-05")
    assert counts(rep.monthly[0]) == (1, 1, 1, 1)
    assert rep.summary.turnover_rate == 1.0
    assert [(t.team, t.separations, t.average_headcount, t.turnover_rate) for t in rep.by_team] == [
        ("Night", 1, 0.0, None),
        ("Day", 0, 1.0, 0.0),
    ]

    # The report narrowed to team Night alone (as the caller does for one team):
    #   avg 0 -> turnover, voluntary and annualized rates None (null), monthly rate None;
    #   leavers + closing = 1 / (1 + 0) = 1.0; early attrition 1 / 1 = 1.0
    night = report(spells[:1], "2024-05", "2024-05")
    s = night.summary
    assert s.average_headcount == 0.0
    assert s.turnover_rate is None
    assert s.voluntary_turnover_rate is None
    assert s.annualized_turnover_rate is None
    assert night.monthly[0].turnover_rate is None
    assert s.turnover_rate_leavers_plus_closing == 1.0
    assert s.early_attrition_rate == 1.0


def test_empty_input():
    # No spells, period 2024-01 .. 2024-12: every count 0, every ratio with a 0 denominator
    # None, cost 0, lists empty, bands and seasonality present with zeros.
    rep = report([], "2024-01", "2024-12")
    assert len(rep.monthly) == 12
    assert all(counts(r) == (0, 0, 0, 0) for r in rep.monthly)
    assert all(r.average_headcount == 0 and r.turnover_rate is None for r in rep.monthly)
    s = rep.summary
    assert (s.opening, s.closing, s.hires, s.separations, s.voluntary, s.involuntary) == (
        0,
        0,
        0,
        0,
        0,
        0,
    )
    assert s.average_headcount == 0.0
    assert s.turnover_rate is None
    assert s.voluntary_turnover_rate is None
    assert s.annualized_turnover_rate is None
    assert s.retention_rate is None
    assert s.early_attrition_rate is None
    assert s.turnover_rate_leavers_plus_closing is None
    assert s.turnover_cost == 0.0
    assert rep.by_reason == []
    assert rep.by_team == []
    assert rep.tenure_at_exit == [(band, 0) for band in ALL_BANDS]
    assert rep.seasonality == [(m, 0) for m in range(1, 13)]
    assert rep.new_hire_survival == {30: None, 60: None, 90: None}


def test_period_with_no_exits():
    # Team A: two people since 2023-01-01; team B: one since 2023-01-01 and a hire 2024-03-10.
    # Period 2024-01 .. 2024-06, nobody leaves.
    #   Jan (3, 0, 0, 3) avg 3; Feb avg 3; Mar (3, 1, 0, 4) avg 3.5; Apr-Jun (4, 0, 0, 4) avg 4
    #   average (3 + 3 + 3.5 + 4 + 4 + 4) / 6 = 21.5 / 6
    #   rates 0 / avg = 0.0; early attrition 0 / 0 -> None; leavers+closing 0 / (0 + 4) = 0.0
    #   retention: opening(Jan) 3, all 3 still in closing(Jun) -> 1.0
    #   by_team: A seps 0 avg 2.0; B avg (1 + 1 + 1.5 + 2 + 2 + 2) / 6 = 9.5 / 6; both rate 0.0,
    #            ties on separations listed A then B
    #   survival of the 2024-03-10 hire: marks 04-09, 05-09, 06-08 all <= 06-30, still there
    #            -> 1.0 each
    spells = [stayer(team="A"), stayer(team="A"), stayer(team="B"), stayer(date(2024, 3, 10), "B")]
    rep = report(spells, "2024-01", "2024-06", terms=Terms(1500.0, 2500.0))
    s = rep.summary
    assert (s.opening, s.hires, s.separations, s.closing) == (3, 1, 0, 4)
    assert s.average_headcount == pytest.approx(21.5 / 6)
    assert s.turnover_rate == 0.0
    assert s.voluntary_turnover_rate == 0.0
    assert s.annualized_turnover_rate == 0.0
    assert s.early_attrition_rate is None
    assert s.turnover_rate_leavers_plus_closing == 0.0
    assert s.retention_rate == 1.0
    assert s.turnover_cost == 0.0
    assert rep.by_reason == []
    assert rep.tenure_at_exit == [(band, 0) for band in ALL_BANDS]
    assert rep.seasonality == [(m, 0) for m in range(1, 13)]
    assert [(t.team, t.separations, t.turnover_rate) for t in rep.by_team] == [
        ("A", 0, 0.0),
        ("B", 0, 0.0),
    ]
    assert rep.by_team[0].average_headcount == 2.0
    assert rep.by_team[1].average_headcount == pytest.approx(9.5 / 6)
    assert rep.new_hire_survival == {30: 1.0, 60: 1.0, 90: 1.0}


# --- period figures --------------------------------------------------------------------------


def test_retention_rate():
    # Period 2024-01 .. 2024-03 (F1 = 01-01, Lk = 03-31).
    # P1 2023-05-01 .. open        opening yes, closing(Mar) yes -> retained
    # P2 2023-05-01 .. 2024-02-10  opening yes, closing no
    # P3 2023-05-01 .. 2024-03-31  opening yes, closing no (end 03-31 is not > 03-31)
    # P4 2023-12-31 .. 2024-01-01  opening yes (end 01-01 >= 01-01), closing no
    # P5 2024-01-01 .. open        a hire: start is not < 01-01, so not in opening
    # P6 2023-05-01 .. 2023-12-31  ended before F1: not in opening
    # P7 2023-06-01 .. 2024-04-01  opening yes, closing yes (end 04-01 > 03-31) -> retained
    # opening = 5 (P1, P2, P3, P4, P7); retained = 2 (P1, P7) -> 2 / 5 = 0.4
    # closing(Mar) = P1, P5, P7 = 3; hires 1 (P5); separations P2, P3, P4 = 3; 5 + 1 - 3 = 3
    start = date(2023, 5, 1)
    spells = [
        stayer(start),
        leaver(date(2024, 2, 10), start=start),
        leaver(date(2024, 3, 31), start=start),
        leaver(date(2024, 1, 1), start=date(2023, 12, 31)),
        stayer(date(2024, 1, 1)),
        leaver(date(2023, 12, 31), start=start),
        leaver(date(2024, 4, 1), start=date(2023, 6, 1)),
    ]
    rep = report(spells, "2024-01", "2024-03")
    s = rep.summary
    assert (s.opening, s.hires, s.separations, s.closing) == (5, 1, 3, 3)
    assert s.retention_rate == pytest.approx(0.4)


def six_month_shop() -> list[SpellFact]:
    # 4 people since 2023-01-01 who stay; L1 leaves 2024-02-15 (voluntary, "Pay"),
    # L2 leaves 2024-05-15 (involuntary, "Misconduct").
    return [
        stayer(),
        stayer(),
        stayer(),
        stayer(),
        leaver(date(2024, 2, 15), kind=VOLUNTARY, reason="Pay"),
        leaver(date(2024, 5, 15), kind=INVOLUNTARY, reason="Misconduct"),
    ]


def test_six_month_period_rates_and_annualized_rate():
    # Period 2024-01 .. 2024-06 (k = 6).
    #   Jan (6, 0, 0, 6) avg 6; Feb (6, 0, 1, 5) avg 5.5; Mar, Apr (5, 0, 0, 5) avg 5;
    #   May (5, 0, 1, 4) avg 4.5; Jun (4, 0, 0, 4) avg 4
    #   average (6 + 5.5 + 5 + 5 + 4.5 + 4) / 6 = 30 / 6 = 5.0
    #   turnover 2 / 5 = 0.4; annualized 0.4 * 12 / 6 = 0.8
    #   voluntary 1 / 5 = 0.2
    #   retention: opening 6, still there at the end 4 -> 4 / 6
    #   leavers + closing: 2 / (2 + 4) = 1 / 3
    #   tenure L1 2023-01-01 -> 2024-02-15 = 365 + 31 + 14 = 410; L2 -> 2024-05-15 =
    #   365 + 31 + 29 + 31 + 30 + 14 = 500: both 366-730; early attrition 0 / 2 = 0.0
    rep = report(six_month_shop(), "2024-01", "2024-06")
    assert [r.average_headcount for r in rep.monthly] == [6.0, 5.5, 5.0, 5.0, 4.5, 4.0]
    s = rep.summary
    assert (s.opening, s.closing, s.hires, s.separations) == (6, 4, 0, 2)
    assert s.average_headcount == pytest.approx(5.0)
    assert s.turnover_rate == pytest.approx(0.4)
    assert s.annualized_turnover_rate == pytest.approx(0.8)
    assert s.voluntary_turnover_rate == pytest.approx(0.2)
    assert s.retention_rate == pytest.approx(4 / 6)
    assert s.turnover_rate_leavers_plus_closing == pytest.approx(1 / 3)
    assert s.early_attrition_rate == 0.0
    assert bands(rep)["366-730"] == 2
    assert dict(rep.seasonality) == {m: (1 if m in (2, 5) else 0) for m in range(1, 13)}


def test_annualized_rate_of_a_whole_year_is_the_rate():
    # Period 2024-01 .. 2024-12 (k = 12): annualized = rate * 12 / 12 = rate.
    #   Jan (6,6) 6, Feb (6,5) 5.5, Mar-Apr 5, May (5,4) 4.5, Jun-Dec 4 (7 months)
    #   average (6 + 5.5 + 5 + 5 + 4.5 + 7 * 4) / 12 = 54 / 12 = 4.5; rate 2 / 4.5
    rep = report(six_month_shop(), "2024-01", "2024-12")
    assert rep.summary.average_headcount == pytest.approx(4.5)
    assert rep.summary.turnover_rate == pytest.approx(2 / 4.5)
    assert rep.summary.annualized_turnover_rate == pytest.approx(2 / 4.5)


def test_voluntary_involuntary_split():
    # In the six-month shop L1 is voluntary, L2 involuntary. Add L3 leaving 2024-03-10 with no
    # exit type recorded: it counts as a separation but in neither split.
    # separations 3, voluntary 1, involuntary 1.
    # Feb: vol 1; Mar: neither; May: invol 1.
    spells = [*six_month_shop(), leaver(date(2024, 3, 10), kind=None)]
    rep = report(spells, "2024-01", "2024-06")
    s = rep.summary
    assert (s.separations, s.voluntary, s.involuntary) == (3, 1, 1)
    assert [(r.voluntary, r.involuntary) for r in rep.monthly] == [
        (0, 0),
        (1, 0),
        (0, 0),
        (0, 0),
        (0, 1),
        (0, 0),
    ]
    assert row(rep, "2024-03").separations == 1


def test_turnover_cost():
    # separations 2 * (1500 recruiting + 2500 training) = 8000
    rep = report(six_month_shop(), "2024-01", "2024-06", terms=Terms(1500.0, 2500.0))
    assert rep.summary.turnover_cost == 8000.0
    # Only the recruiting cost set: 2 * 1200 = 2400
    rep = report(six_month_shop(), "2024-01", "2024-06", terms=Terms(recruiting_per_hire=1200.0))
    assert rep.summary.turnover_cost == 2400.0
    # Default costs are 0
    assert report(six_month_shop(), "2024-01", "2024-06").summary.turnover_cost == 0.0


def test_turnover_rate_leavers_plus_closing():
    # 10 people since 2023-01-01; 2 leave in 2024-03, 1 hire 2024-04-02. Period 2024-03 .. 2024-04.
    # separations 2; closing(Apr) = 10 - 2 + 1 = 9 -> 2 / (2 + 9) = 2 / 11
    # Main rate: Mar (10, 8) avg 9, Apr (8, 9) avg 8.5; average 8.75 -> 2 / 8.75
    spells = [stayer() for _ in range(8)]
    spells += [leaver(date(2024, 3, 5)), leaver(date(2024, 3, 25)), stayer(date(2024, 4, 2))]
    rep = report(spells, "2024-03", "2024-04")
    assert rep.summary.closing == 9
    assert rep.summary.turnover_rate_leavers_plus_closing == pytest.approx(2 / 11)
    assert rep.summary.turnover_rate == pytest.approx(2 / 8.75)


# --- tenure bands and early attrition ----------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "band"),
    [
        (0, "0-30"),
        (30, "0-30"),
        (31, "31-90"),
        (90, "31-90"),
        (91, "91-182"),
        (182, "91-182"),
        (183, "183-365"),
        (365, "183-365"),
        (366, "366-730"),
        (730, "366-730"),
        (731, "731+"),
        (2000, "731+"),
    ],
)
def test_tenure_band_boundaries(days, band):
    # One leaver with `days` = end - start, ending 2024-06-15; period 2024-06.
    end = date(2024, 6, 15)
    rep = report([leaver(end, start=end - timedelta(days=days))], "2024-06", "2024-06")
    assert bands(rep) == {b: (1 if b == band else 0) for b in ALL_BANDS}
    # early attrition: days <= 90 -> 1 / 1, otherwise 0 / 1
    assert rep.summary.early_attrition_rate == (1.0 if days <= 90 else 0.0)


def test_early_attrition_counts_exactly_90_days():
    # Leavers ending 2024-06-15 after 0, 90 and 91 days: days <= 90 for two of three -> 2 / 3.
    end = date(2024, 6, 15)
    spells = [leaver(end, start=end - timedelta(days=d)) for d in (0, 90, 91)]
    rep = report(spells, "2024-06", "2024-06")
    assert rep.summary.early_attrition_rate == pytest.approx(2 / 3)
    # Check the 90-day case with dates written out: 2024-03-17 -> 2024-06-15 is
    # 14 (to 03-31) + 30 + 31 + 15 = 90 days -> early
    rep = report([leaver(date(2024, 6, 15), start=date(2024, 3, 17))], "2024-06", "2024-06")
    assert rep.summary.early_attrition_rate == 1.0
    # 2024-03-16 -> 2024-06-15 is 91 days -> not early
    rep = report([leaver(date(2024, 6, 15), start=date(2024, 3, 16))], "2024-06", "2024-06")
    assert rep.summary.early_attrition_rate == 0.0


# --- new-hire survival ---------------------------------------------------------------------------


def survival_spells() -> list[SpellFact]:
    return [
        stayer(date(2023, 12, 20)),  # S: hired before the period, never counted
        stayer(date(2024, 1, 5)),  # H1
        leaver(date(2024, 2, 20), start=date(2024, 1, 5)),  # H2
        stayer(date(2024, 2, 20)),  # H3
        leaver(date(2024, 4, 10), start=date(2024, 3, 20)),  # H4
        leaver(date(2024, 4, 5), start=date(2024, 4, 1)),  # H5
        leaver(date(2024, 3, 30), start=date(2024, 3, 1)),  # H6
        leaver(date(2024, 4, 10), start=date(2024, 1, 20)),  # H7
    ]


def test_new_hire_survival_with_today_before_the_period_end():
    # Period 2024-01 .. 2024-12, today 2024-04-15: marks count only if on or before 04-15.
    # Marks (start + 30 / 60 / 90):
    #   H1 01-05 open:         02-04, 03-05, 04-04          eligible 30/60/90, survived all
    #   H2 01-05 .. 02-20:     02-04, 03-05, 04-04          eligible all; survived 30 only
    #   H3 02-20 open:         03-21, 04-20, 05-20          eligible 30 only; survived
    #   H4 03-20 .. 04-10:     04-19, ...                   not eligible at all
    #   H5 04-01 .. 04-05:     05-01, ...                   not eligible
    #   H6 03-01 .. 03-30:     03-31, 04-30, ...            eligible 30; end 03-30 < 03-31: no
    #   H7 01-20 .. 04-10:     02-19, 03-20, 04-19          eligible 30/60; survived both
    #   (S 2023-12-20 was hired before the period: not a hire in the period.)
    # 30: eligible H1 H2 H3 H6 H7, survived H1 H2 H3 H7 -> 4/5 = 0.8
    # 60: eligible H1 H2 H7, survived H1 H7 -> 2/3
    # 90: eligible H1 H2, survived H1 -> 1/2
    rep = report(survival_spells(), "2024-01", "2024-12", today=date(2024, 4, 15))
    assert rep.new_hire_survival[30] == pytest.approx(0.8)
    assert rep.new_hire_survival[60] == pytest.approx(2 / 3)
    assert rep.new_hire_survival[90] == pytest.approx(0.5)


def test_new_hire_survival_mark_on_today_counts():
    # today 2024-03-21 = H3's 30-day mark: eligible for 30 are H1 (02-04), H2 (02-04),
    # H3 (03-21), H7 (02-19); H6's mark 03-31 is after today. Survived: H1, H2, H3, H7 -> 1.0
    # 60: H1 (03-05) and H2 (03-05) and H7 (03-20) eligible; survived H1, H7 -> 2/3
    # 90: H1's mark 04-04 > 03-21: nobody -> None
    rep = report(survival_spells(), "2024-01", "2024-12", today=date(2024, 3, 21))
    assert rep.new_hire_survival[30] == 1.0
    assert rep.new_hire_survival[60] == pytest.approx(2 / 3)
    assert rep.new_hire_survival[90] is None


def test_new_hire_survival_with_today_after_the_period():
    # today far ahead: cutoff 2024-12-31, every mark of every hire is eligible.
    # 30: H1 yes, H2 yes (02-20 >= 02-04), H3 yes, H4 no (04-10 < 04-19), H5 no (04-05 < 05-01),
    #     H6 no, H7 yes -> 4/7
    # 60: H1 yes, H2 no, H3 yes, H4 no, H5 no, H6 no, H7 yes (04-10 >= 03-20) -> 3/7
    # 90: H1 yes, H2 no, H3 yes, H4 no, H5 no, H6 no, H7 no (04-10 < 04-19) -> 2/7
    rep = report(survival_spells(), "2024-01", "2024-12")
    assert rep.new_hire_survival[30] == pytest.approx(4 / 7)
    assert rep.new_hire_survival[60] == pytest.approx(3 / 7)
    assert rep.new_hire_survival[90] == pytest.approx(2 / 7)


# --- by reason and by team ------------------------------------------------------------------------


def test_by_reason_most_separations_first_in_english():
    # Leavers in 2024: "Pay and benefits" x3, no reason x2, "High work pressure" x1 = 6.
    # An open spell and a 2023 leaver with a reason do not count.
    # -> Pay and benefits 3 (3/6 = 0.5), Unspecified 2 (1/3), High work pressure 1 (1/6)
    spells = [
        leaver(date(2024, 2, 1), reason="High work pressure"),
        leaver(date(2024, 3, 1), reason=None),
        leaver(date(2024, 4, 1), reason="Pay and benefits"),
        leaver(date(2024, 5, 1), reason="Pay and benefits"),
        leaver(date(2024, 6, 1), reason=None),
        leaver(date(2024, 7, 1), reason="Pay and benefits"),
        leaver(date(2023, 7, 1), reason="High work pressure"),
        stayer(),
    ]
    rep = report(spells, "2024-01", "2024-12", lang="en")
    assert [(r.reason, r.separations) for r in rep.by_reason] == [
        ("Pay and benefits", 3),
        ("Unspecified", 2),
        ("High work pressure", 1),
    ]
    assert [r.share for r in rep.by_reason] == pytest.approx([0.5, 1 / 3, 1 / 6])


def test_by_reason_unspecified_label_in_chinese():
    # 2024 leavers: 薪资待遇 x1, no reason x3, 工作压力大 x2 = 6
    # -> 未填写 3 (0.5), 工作压力大 2 (1/3), 薪资待遇 1 (1/6)
    spells = [
        leaver(date(2024, 1, 10), reason="薪资待遇"),
        leaver(date(2024, 1, 11), reason=None),
        leaver(date(2024, 2, 10), reason="工作压力大"),
        leaver(date(2024, 3, 10), reason=None),
        leaver(date(2024, 4, 10), reason="工作压力大"),
        leaver(date(2024, 5, 10), reason=None),
    ]
    rep = report(spells, "2024-01", "2024-12", lang="zh_CN")
    assert [(r.reason, r.separations) for r in rep.by_reason] == [
        ("未填写", 3),
        ("工作压力大", 2),
        ("薪资待遇", 1),
    ]
    assert [r.share for r in rep.by_reason] == pytest.approx([0.5, 1 / 3, 1 / 6])


def test_by_team():
    # Period 2024-01 .. 2024-02.
    # 售前客服: 2 stay, 1 leaves 2024-01-31. Jan (3 -> 2) avg 2.5, Feb (2 -> 2) avg 2;
    #          average 2.25, seps 1, rate 1 / 2.25
    # 售后客服: 1 stays, leavers 2024-02-10 and 2024-02-20. Jan (3 -> 3) 3, Feb (3 -> 1) 2;
    #          average 2.5, seps 2, rate 2 / 2.5 = 0.8
    # no team ("") : 1 stays: average 1, seps 0, rate 0.0, labelled "No team" in English
    # Order: most separations first: 售后客服, 售前客服, No team.
    spells = [
        stayer(team="售前客服"),
        stayer(team="售前客服"),
        leaver(date(2024, 1, 31), team="售前客服"),
        stayer(team="售后客服"),
        leaver(date(2024, 2, 10), team="售后客服"),
        leaver(date(2024, 2, 20), team="售后客服"),
        stayer(team=""),
    ]
    rep = report(spells, "2024-01", "2024-02")
    got = [(t.team, t.separations, t.average_headcount) for t in rep.by_team]
    assert got == [("售后客服", 2, 2.5), ("售前客服", 1, 2.25), ("No team", 0, 1.0)]
    assert [t.turnover_rate for t in rep.by_team] == pytest.approx([0.8, 1 / 2.25, 0.0])
    # Whole shop: Jan (7 -> 6) 6.5, Feb (6 -> 4) 5; average 5.75, seps 3
    assert rep.summary.average_headcount == pytest.approx(5.75)
    assert rep.summary.turnover_rate == pytest.approx(3 / 5.75)


# --- invariants over random spells ---------------------------------------------------------------


def random_spells(seed: int, n: int = 500) -> list[SpellFact]:
    rng = random.Random(seed)
    spells = []
    for _ in range(n):
        start = date(2019, 1, 1) + timedelta(days=rng.randint(0, 7 * 365))
        end = None if rng.random() < 0.3 else start + timedelta(days=rng.randint(0, 900))
        kind = rng.choice((VOLUNTARY, INVOLUNTARY, None)) if end else None
        reason = rng.choice(("Pay", "Pressure", None)) if end else None
        spells.append(SpellFact(start, end, rng.choice(("A", "B", "C")), kind, reason))
    return spells


def brute_month(spells: list[SpellFact], month: Month) -> tuple[int, int, int, int]:
    """(opening, hires, separations, closing) straight from the METRICS.md definitions."""
    f, last = month.first_day, month.last_day
    opening = sum(1 for s in spells if s.start < f and (s.end is None or s.end >= f))
    hires = sum(1 for s in spells if f <= s.start <= last)
    seps = sum(1 for s in spells if s.end is not None and f <= s.end <= last)
    closing = sum(1 for s in spells if s.start <= last and (s.end is None or s.end > last))
    return opening, hires, seps, closing


@pytest.mark.parametrize("seed", [1, 618, 20241111])
def test_invariants_on_random_spells(seed):
    spells = random_spells(seed)
    rep = report(spells, "2019-01", "2026-12")
    assert len(rep.monthly) == 96
    for i, r in enumerate(rep.monthly):
        assert r.closing == r.opening + r.hires - r.separations, r.month
        assert r.voluntary + r.involuntary <= r.separations
        assert r.average_headcount == (r.opening + r.closing) / 2
        if i + 1 < len(rep.monthly):
            assert r.closing == rep.monthly[i + 1].opening, r.month
    # The monthly counts agree with the definitions counted one spell at a time.
    for r, month in zip(rep.monthly, period("2019-01", "2026-12").months, strict=True):
        assert r.month == str(month)
        assert counts(r) == brute_month(spells, month), r.month

    s = rep.summary
    assert s.hires == sum(r.hires for r in rep.monthly)
    assert s.separations == sum(r.separations for r in rep.monthly)
    assert s.opening == rep.monthly[0].opening
    assert s.closing == rep.monthly[-1].closing
    assert s.closing == s.opening + s.hires - s.separations
    assert sum(n for _, n in rep.tenure_at_exit) == s.separations
    assert sum(n for _, n in rep.seasonality) == s.separations
    assert sum(r.separations for r in rep.by_reason) == s.separations
    assert sum(t.separations for t in rep.by_team) == s.separations
    by_reason = [r.separations for r in rep.by_reason]
    assert by_reason == sorted(by_reason, reverse=True)


def test_sub_period_of_random_spells_matches_definitions():
    # A 7-month period in the middle: retention and team figures from the definitions.
    spells = random_spells(7)
    p = period("2021-04", "2021-10")
    rep = compute_report(spells, p, today=FAR_FUTURE)
    f1, lk = p.first_day, p.last_day
    in_opening = [s for s in spells if s.start < f1 and (s.end is None or s.end >= f1)]
    retained = [s for s in in_opening if s.start <= lk and (s.end is None or s.end > lk)]
    assert rep.summary.opening == len(in_opening)
    assert rep.summary.retention_rate == pytest.approx(len(retained) / len(in_opening))
    for team_row in rep.by_team:
        members = [s for s in spells if s.team == team_row.team]
        monthly = [brute_month(members, m) for m in p.months]
        average = sum((o + c) / 2 for o, _, _, c in monthly) / len(monthly)
        seps = sum(x for _, _, x, _ in monthly)
        assert team_row.separations == seps
        assert team_row.average_headcount == pytest.approx(average)
        assert team_row.turnover_rate == pytest.approx(seps / average)


# --- JSON shape ----------------------------------------------------------------------------------

SUMMARY_KEYS = [
    "opening",
    "closing",
    "hires",
    "separations",
    "voluntary",
    "involuntary",
    "average_headcount",
    "turnover_rate",
    "voluntary_turnover_rate",
    "annualized_turnover_rate",
    "retention_rate",
    "early_attrition_rate",
    "turnover_cost",
    "turnover_rate_leavers_plus_closing",
    "probation_exits",
    "probation_attrition_rate",
]
MONTHLY_KEYS = [
    "month",
    "opening",
    "hires",
    "separations",
    "voluntary",
    "involuntary",
    "closing",
    "average_headcount",
    "turnover_rate",
]


def test_to_json_has_the_keys_of_metrics_md_in_order():
    spells = [*six_month_shop(), stayer(date(2024, 3, 1), team="售前客服")]
    data = report(spells, "2024-01", "2024-06", terms=Terms(1500.0, 2500.0)).to_json()
    assert list(data) == [
        "period",
        "summary",
        "monthly",
        "by_reason",
        "by_team",
        "tenure_at_exit",
        "seasonality",
        "new_hire_survival",
        "today",
        "survival",
    ]
    assert data["period"] == {"from": "2024-01", "to": "2024-06", "months": 6}
    assert list(data["period"]) == ["from", "to", "months"]
    assert list(data["summary"]) == SUMMARY_KEYS
    assert len(data["monthly"]) == 6
    assert all(list(r) == MONTHLY_KEYS for r in data["monthly"])
    assert [r["month"] for r in data["monthly"]] == [f"2024-0{m}" for m in range(1, 7)]
    assert data["by_reason"]
    assert all(list(r) == ["reason", "separations", "share"] for r in data["by_reason"])
    assert data["by_team"]
    assert all(
        list(r) == ["team", "separations", "average_headcount", "turnover_rate"]
        for r in data["by_team"]
    )
    assert [list(r) for r in data["tenure_at_exit"]] == [["band", "separations"]] * 6
    assert [r["band"] for r in data["tenure_at_exit"]] == list(ALL_BANDS)
    assert [list(r) for r in data["seasonality"]] == [["month_of_year", "separations"]] * 12
    assert [r["month_of_year"] for r in data["seasonality"]] == list(range(1, 13))
    assert list(data["new_hire_survival"]) == ["30", "60", "90"]
    # Figures come through as the plain fractions of the summary.
    assert data["summary"]["turnover_cost"] == 8000.0
    assert data["summary"]["separations"] == 2
    # Serialisable as it stands, keys and values survive a round trip.
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
