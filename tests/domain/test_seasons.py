"""Peak seasons on each year's real dates: fixed month-days, or days from Spring Festival
(lunardate), checked against Spring Festival dates looked up by hand."""

from __future__ import annotations

from datetime import date

import pytest

from retention_desktop.domain.seasons import (
    MAX_DAYS,
    MIN_DAYS,
    PEAK_SEASON_DAYS_AHEAD,
    Run,
    Season,
    read_seasons,
    season_dates,
    seasons_on,
    spring_festival,
    upcoming_seasons,
)
from retention_desktop.domain.settings import DEFAULT_PEAK_SEASONS

SPRING = Season.from_setting(DEFAULT_PEAK_SEASONS[0])


@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2023, date(2023, 1, 22)),
        (2024, date(2024, 2, 10)),
        (2025, date(2025, 1, 29)),
        (2026, date(2026, 2, 17)),
        (2027, date(2027, 2, 6)),
        (2028, date(2028, 1, 26)),
        (2033, date(2033, 1, 31)),
    ],
)
def test_spring_festival_of_each_year(year, day):
    assert spring_festival(year) == day


def test_the_default_spring_festival_season_moves_with_it():
    assert SPRING.relative
    assert (SPRING.start_days, SPRING.end_days) == (7, 35)
    assert SPRING.run(2026) == Run(2026, date(2026, 2, 24), date(2026, 3, 24))
    assert SPRING.run(2027) == Run(2027, date(2027, 2, 13), date(2027, 3, 13))
    # 2028 is a leap year: 35 days after 01-26 is 03-01
    assert SPRING.run(2028) == Run(2028, date(2028, 2, 2), date(2028, 3, 1))


def test_a_relative_season_crosses_months_and_the_new_year():
    around = Season("around", relative=True, start_days=-10, end_days=25)
    assert around.run(2025) == (2025, date(2025, 1, 19), date(2025, 2, 23))
    assert around.run(2024) == (2024, date(2024, 1, 31), date(2024, 3, 6))
    # 40 days before the 2028 festival is in December 2027: the run of 2028 starts there
    before = Season("before", relative=True, start_days=-40, end_days=-1)
    assert before.run(2028) == (2028, date(2027, 12, 17), date(2028, 1, 25))
    assert [s.code for s in seasons_on([before], date(2027, 12, 20))] == ["before"]
    dates = season_dates(before, date(2027, 12, 1))
    assert (dates.start, dates.end, dates.days_until) == (date(2027, 12, 17), date(2028, 1, 25), 16)


def test_fixed_seasons_on_two_years_and_over_the_new_year():
    six_eighteen = Season.from_setting({"code": "618", "start": "05-25", "end": "06-20"})
    assert six_eighteen.run(2026) == (2026, date(2026, 5, 25), date(2026, 6, 20))
    assert six_eighteen.run(2027) == (2027, date(2027, 5, 25), date(2027, 6, 20))
    winter = Season.from_setting({"code": "winter", "start": "12-20", "end": "01-10"})
    assert winter.run(2026) == (2026, date(2026, 12, 20), date(2027, 1, 10))
    # a day in January is in the run of the December before
    assert [s.code for s in seasons_on([winter, six_eighteen], date(2027, 1, 5))] == ["winter"]
    assert seasons_on([winter, six_eighteen], date(2027, 1, 11)) == []
    assert winter.runs_between(date(2026, 1, 1), date(2026, 12, 31)) == [
        (2025, date(2025, 12, 20), date(2026, 1, 10)),
        (2026, date(2026, 12, 20), date(2027, 1, 10)),
    ]


def test_the_next_run_after_a_day():
    # 2026-03-25: the 2026 run ended the day before; the next is 2027's, on its own dates
    dates = season_dates(SPRING, date(2026, 3, 25))
    assert (dates.start, dates.end, dates.days_until) == (date(2027, 2, 13), date(2027, 3, 13), 325)
    on = season_dates(SPRING, date(2026, 3, 24))
    assert on.in_progress
    assert (on.start, on.end) == (date(2026, 2, 24), date(2026, 3, 24))


def test_old_month_day_settings_are_fixed_seasons():
    old = {"code": "spring_festival", "start": "02-10", "end": "03-15"}
    season = Season.from_setting(old)
    assert not season.relative
    assert season.run(2026) == (2026, date(2026, 2, 10), date(2026, 3, 15))
    assert season.run(2027) == (2027, date(2027, 2, 10), date(2027, 3, 15))
    assert season.to_setting() == old
    assert read_seasons([old]) == [season]


def test_a_relative_season_round_trips():
    entry = {"code": "x", "anchor": "spring_festival", "start_days": -10, "end_days": 25}
    assert Season.from_setting(entry).to_setting() == entry


@pytest.mark.parametrize(
    "entry",
    [
        {"code": "broken", "start": "02-30", "end": "03-01"},
        {"code": "missing"},
        {"code": "x", "anchor": "spring_festival", "start_days": 10, "end_days": 5},
        {"code": "x", "anchor": "spring_festival", "start_days": MIN_DAYS - 1, "end_days": 5},
        {"code": "x", "anchor": "spring_festival", "start_days": 0, "end_days": MAX_DAYS + 1},
        {"code": "x", "anchor": "spring_festival", "start_days": "7", "end_days": 35},
        {"code": "x", "anchor": "moon", "start_days": 0, "end_days": 5},
        "not a season",
    ],
)
def test_what_is_no_season_is_skipped(entry):
    assert read_seasons([entry, DEFAULT_PEAK_SEASONS[2]]) == [
        Season.from_setting(DEFAULT_PEAK_SEASONS[2])
    ]


def test_outside_the_lunar_calendar_a_relative_season_has_no_dates():
    assert spring_festival(1899) is None
    assert spring_festival(2100) is None
    assert spring_festival(2099) == date(2099, 1, 21)
    assert SPRING.run(2100) is None
    # after the last Spring Festival the calendar knows: no next run, and no error
    assert season_dates(SPRING, date(2099, 6, 1)) is None
    late = upcoming_seasons(DEFAULT_PEAK_SEASONS, date(2099, 12, 20))
    assert [s.code for s in late] == ["year_end_bonus"]  # fixed seasons still come
    assert SPRING.runs_between(date(1899, 1, 1), date(1900, 12, 31)) == [
        (1900, date(1900, 2, 7), date(1900, 3, 7))
    ]


def test_season_dates_this_year_next_year_and_in_progress():
    six_eighteen = {"code": "618", "start": "05-25", "end": "06-20"}
    assert season_dates(six_eighteen, date(2026, 5, 1)) == (
        "618",
        date(2026, 5, 25),
        date(2026, 6, 20),
        24,
    )
    on = season_dates(six_eighteen, date(2026, 6, 20))
    assert on.start == date(2026, 5, 25)
    assert on.in_progress
    assert on.days_until == -26
    after = season_dates(six_eighteen, date(2026, 6, 21))
    assert (after.start, after.end, after.days_until) == (date(2027, 5, 25), date(2027, 6, 20), 338)


def test_season_over_the_new_year():
    winter = {"code": "winter", "start": "12-20", "end": "01-10"}
    # in January: the run that started last December
    jan = season_dates(winter, date(2027, 1, 5))
    assert (jan.start, jan.end, jan.in_progress) == (date(2026, 12, 20), date(2027, 1, 10), True)
    # in December before it starts: this December's run, ending next January
    dec = season_dates(winter, date(2026, 12, 1))
    assert (dec.start, dec.end, dec.days_until) == (date(2026, 12, 20), date(2027, 1, 10), 19)
    # after it ended in January: next December
    later = season_dates(winter, date(2027, 1, 11))
    assert (later.start, later.end) == (date(2027, 12, 20), date(2028, 1, 10))


def test_february_29_falls_on_the_28th_in_a_common_year():
    season = {"code": "leap", "start": "02-29", "end": "03-05"}
    assert season_dates(season, date(2027, 1, 1)).start == date(2027, 2, 28)
    assert season_dates(season, date(2028, 1, 1)).start == date(2028, 2, 29)


def test_upcoming_seasons_window():
    assert PEAK_SEASON_DAYS_AHEAD == 30
    seasons = [{"code": "x", "start": "03-01", "end": "03-31"}]
    assert [s.days_until for s in upcoming_seasons(seasons, date(2026, 1, 30))] == [30]
    assert upcoming_seasons(seasons, date(2026, 1, 29)) == []  # 31 days ahead
    assert [s.in_progress for s in upcoming_seasons(seasons, date(2026, 3, 31))] == [True]
    assert upcoming_seasons(seasons, date(2026, 4, 1)) == []


def test_upcoming_seasons_sorted_by_start_and_broken_entries_skipped():
    seasons = [
        *DEFAULT_PEAK_SEASONS,
        {"code": "broken", "start": "02-30", "end": "03-01"},
        {"code": "missing"},
        "not a season",
    ]
    # 2026-02-01: the bonus season is on; 春节后 starts 02-24 (Spring Festival 02-17 + 7)
    found = upcoming_seasons(seasons, date(2026, 2, 1))
    assert [(s.code, s.start) for s in found] == [
        ("year_end_bonus", date(2026, 1, 15)),
        ("spring_festival", date(2026, 2, 24)),
    ]
    assert [s.in_progress for s in found] == [True, False]
    assert found[1].days_until == 23
    # a year later the festival is 02-06: 春节后 starts 02-13, 12 days after 2027-02-01
    found = upcoming_seasons(seasons, date(2027, 2, 1))
    assert [(s.code, s.start, s.days_until) for s in found][1] == (
        "spring_festival",
        date(2027, 2, 13),
        12,
    )


def test_a_season_switched_to_the_other_kind_keeps_that_years_dates():
    bonus = Season.from_setting(DEFAULT_PEAK_SEASONS[1])  # 01-15 to 02-28, fixed
    # Spring Festival 2026-02-17: 33 days before it to 11 after
    relative = bonus.as_relative(2026)
    assert (relative.relative, relative.start_days, relative.end_days) == (True, -33, 11)
    assert relative.run(2026) == bonus.run(2026)
    assert relative.as_fixed(2026) == bonus
    # days beyond MIN_DAYS..MAX_DAYS are cut to them
    late = Season("late", start="09-01", end="09-30").as_relative(2026)
    assert (late.start_days, late.end_days) == (MAX_DAYS, MAX_DAYS)
    # a year the lunar calendar does not know: left as it was
    assert bonus.as_relative(2100) == bonus
    assert SPRING.as_fixed(2100) == SPRING
