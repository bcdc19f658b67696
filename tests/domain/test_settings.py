"""Peak-season dates: month-day pairs, and the calendar months a season touches."""

from __future__ import annotations

import pytest

from retention_desktop.domain.settings import DEFAULT_PEAK_SEASONS, month_day, season_spans


def test_month_day_reads_any_day_of_a_year():
    assert month_day("02-10") == (2, 10)
    assert month_day("02-29") == (2, 29)
    assert month_day("12-31") == (12, 31)


@pytest.mark.parametrize("text", ["02-30", "13-01", "00-10", "04-31", "0210", "x-y", ""])
def test_month_day_refuses_what_is_no_day(text):
    with pytest.raises(ValueError, match="is not a month and day"):
        month_day(text)


def test_season_spans():
    spring, bonus, six_eighteen, double_eleven = DEFAULT_PEAK_SEASONS
    assert season_spans(spring) == [(2, 3)]
    assert season_spans(bonus) == [(1, 2)]
    assert season_spans(six_eighteen) == [(5, 6)]
    assert season_spans(double_eleven) == [(10, 11)]
    assert season_spans({"start": "06-01", "end": "06-18"}) == [(6, 6)]


def test_a_season_over_the_new_year_touches_both_ends_of_the_calendar():
    assert season_spans({"start": "12-20", "end": "01-10"}) == [(12, 12), (1, 1)]
    assert season_spans({"start": "11-05", "end": "02-01"}) == [(11, 12), (1, 2)]
    assert season_spans({"start": "03-20", "end": "03-05"}) == [(1, 12)]
