"""The survival of new hires (METRICS.md "Survival of new hires") on hand-computed cases:
ties and censoring, a cohort with no exits, a single person, the 95% band."""

from __future__ import annotations

import math
from datetime import date

import pytest

from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.metrics import SpellFact, compute_report
from retention_desktop.domain.survival import cohort, kaplan_meier

# a textbook sample: (days, event); two leave on day 6 (a tie), two are still employed
SAMPLE = [(3, True), (5, False), (6, True), (6, True), (8, False), (10, True)]


def test_the_curve_steps_down_at_each_exit():
    curve = kaplan_meier(SAMPLE, marks=(2, 3, 5, 7, 10, 11))
    assert (curve.spells, curve.exits, curve.median_days) == (6, 4, 6)
    steps = [(u, round(s, 6), n) for u, s, _, _, n in curve.steps]
    assert steps == [(3, round(5 / 6, 6), 6), (6, round(5 / 12, 6), 4), (10, 0.0, 1)]
    got = {p.days: (p.survival, p.at_risk) for p in curve.points}
    assert got[2] == (1.0, 6)
    assert got[3] == (pytest.approx(5 / 6), 6)  # the one who left on day 3 was at risk on it
    assert got[5] == (pytest.approx(5 / 6), 5)  # the censored 5 still counts at 5
    assert got[7] == (pytest.approx(5 / 12), 2)
    assert got[10] == (0.0, 1)
    assert got[11] == (None, 0)  # nobody observed that long


def test_the_band_is_the_exponential_greenwood_one():
    point = kaplan_meier(SAMPLE, marks=(5,)).points[0]
    s, g = 5 / 6, 1 / (6 * 5)
    h = 1.959964 * math.sqrt(g) / abs(math.log(s))
    assert point.lower == pytest.approx(math.exp(-math.exp(math.log(-math.log(s)) + h)))
    assert point.upper == pytest.approx(math.exp(-math.exp(math.log(-math.log(s)) - h)))
    assert point.lower == pytest.approx(0.273123, abs=1e-6)
    assert point.upper == pytest.approx(0.974712, abs=1e-6)
    at_seven = kaplan_meier(SAMPLE, marks=(7,)).points[0]
    g += 2 / (4 * 2)
    s = 5 / 12
    h = 1.959964 * math.sqrt(g) / abs(math.log(s))
    assert at_seven.lower == pytest.approx(math.exp(-math.exp(math.log(-math.log(s)) + h)))
    # none where S is 0 or 1
    assert kaplan_meier(SAMPLE, marks=(2, 10)).points[0].lower is None
    assert kaplan_meier(SAMPLE, marks=(2, 10)).points[1].upper is None


def test_a_cohort_with_no_exits_and_a_single_person():
    curve = kaplan_meier([(40, False), (100, False)])
    assert curve.exits == 0
    assert curve.median_days is None
    assert [(p.days, p.survival, p.at_risk) for p in curve.points] == [
        (30, 1.0, 2), (90, 1.0, 1), (180, None, 0), (365, None, 0)]  # fmt: skip
    alone = kaplan_meier([(20, True)])
    assert alone.median_days == 20
    assert [p.survival for p in alone.points] == [None, None, None, None]
    assert kaplan_meier([]).spells == 0


def test_the_cohort_counts_both_ends_and_stops_at_as_of():
    day = date(2024, 1, 1).toordinal()
    spans = [
        (day, day),  # left on the first day: 1 day on the payroll
        (day, day + 29),  # 30 days
        (day + 5, None),  # still employed: censored at as_of
        (day + 40, day + 50),  # left after as_of: censored at as_of
        (day - 1, day + 3),  # hired before the period: not in the cohort
        (day + 31, None),  # hired after as_of: not yet
    ]
    assert cohort(spans, day, day + 30) == [(1, True), (30, True), (26, False)]


def test_the_report_carries_the_curve_of_the_periods_hires():
    period = Period(Month(2024, 1), Month(2024, 12))
    spells = [
        SpellFact(date(2024, 1, 10), date(2024, 2, 8)),  # 30 days
        SpellFact(date(2024, 3, 1), None),
        SpellFact(date(2023, 6, 1), date(2024, 5, 1)),  # hired before: not in the cohort
    ]
    data = compute_report(spells, period, today=date(2024, 6, 30)).to_json()
    survival = data["survival"]
    assert (survival["spells"], survival["exits"], survival["median_days"]) == (2, 1, 30)
    assert [p["days"] for p in survival["points"]] == [30, 90, 180, 365]
    assert survival["points"][0]["survival"] == 0.5  # the 30-day leaver, at risk on day 30
    # observed to today (2024-06-30), earlier than the period's end: 122 days at most
    assert survival["points"][2] == {"days": 180, "survival": None, "lower": None,
                                     "upper": None, "at_risk": 0}  # fmt: skip
    assert list(survival["points"][0]) == ["days", "survival", "lower", "upper", "at_risk"]


def test_the_curve_and_band_agree_with_lifelines():
    """Against an independent implementation: figures lifelines 0.30.3 gave for random
    cohorts of 6, 25 and 200 spells and the sample above (computed once, kept here)."""
    import json
    from pathlib import Path

    kept = json.loads((Path(__file__).parent / "data" / "kaplan_meier_lifelines.json").read_text())
    for case in kept["cases"]:
        durations = [(days, bool(event)) for days, event in case["d"]]
        curve = kaplan_meier(durations, marks=[int(t) for t in case["pts"]])
        assert curve.median_days == case["median"]
        for point in curve.points:
            survival, lower, upper = case["pts"][str(point.days)]
            if point.survival is None:  # lifelines carries the last value on past the data
                continue
            assert point.survival == pytest.approx(survival, abs=1e-9)
            if point.lower is not None:
                assert point.lower == pytest.approx(lower, abs=1e-7)
                assert point.upper == pytest.approx(upper, abs=1e-7)
