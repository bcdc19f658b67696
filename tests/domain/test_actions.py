"""The rules of retention actions and risk flags, and the Today panel's windows."""

from __future__ import annotations

from datetime import date

import pytest

from retention_desktop.domain.actions import (
    MAX_COST,
    MAX_TITLE,
    NEW_HIRE_DAYS_AHEAD,
    NEW_HIRE_DAYS_BEFORE,
    PEAK_SEASON_DAYS_AHEAD,
    ActionDraft,
    RiskDraft,
    is_overdue,
    new_hire_marks,
    season_dates,
    upcoming_seasons,
    validate_action,
    validate_clear,
    validate_completion,
    validate_risk,
)
from retention_desktop.domain.settings import DEFAULT_PEAK_SEASONS

TODAY = date(2026, 11, 23)
PLANNED = date(2026, 11, 10)


def codes(problems) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in problems]


# --- actions -----------------------------------------------------------------------------


def test_valid_action_has_no_problems():
    draft = ActionDraft(1, PLANNED, "谈心", date(2026, 11, 20), "店长", 300.0, "notes")
    assert validate_action(draft) == []
    assert validate_action(ActionDraft(1, PLANNED)) == []


def test_action_type_and_planned_date_required():
    assert codes(validate_action(ActionDraft(None, None))) == [
        ("action_type", "required"),
        ("planned_date", "required"),
    ]


def test_due_date_on_or_after_the_planned_date():
    assert validate_action(ActionDraft(1, PLANNED, due_date=PLANNED)) == []
    problems = validate_action(ActionDraft(1, PLANNED, due_date=date(2026, 11, 9)))
    assert codes(problems) == [("due_date", "before_planned")]


@pytest.mark.parametrize(
    ("cost", "ok"), [(0, True), (MAX_COST, True), (-0.01, False), (MAX_COST + 1, False)]
)
def test_cost_range(cost, ok):
    problems = validate_action(ActionDraft(1, PLANNED, cost=cost))
    assert codes(problems) == ([] if ok else [("cost", "out_of_range")])


def test_title_length_counted_without_surrounding_spaces():
    assert validate_action(ActionDraft(1, PLANNED, title=" " + "a" * MAX_TITLE + " ")) == []
    problems = validate_action(ActionDraft(1, PLANNED, title="a" * (MAX_TITLE + 1)))
    assert codes(problems) == [("title", "too_long")]


def test_cleaned_strips_title_and_owner_and_trailing_note_space():
    draft = ActionDraft(1, PLANNED, "  谈心 ", None, " 店长 ", 0.0, "  indented\n\n")
    assert draft.cleaned() == ActionDraft(1, PLANNED, "谈心", None, "店长", 0.0, "  indented")


def test_completion_between_planned_date_and_today():
    assert validate_completion(PLANNED, PLANNED, TODAY) == []
    assert validate_completion(PLANNED, TODAY, TODAY) == []
    assert codes(validate_completion(PLANNED, None, TODAY)) == [("done_date", "required")]
    assert codes(validate_completion(PLANNED, date(2026, 11, 24), TODAY)) == [
        ("done_date", "in_future")
    ]
    assert codes(validate_completion(PLANNED, date(2026, 11, 9), TODAY)) == [
        ("done_date", "before_planned")
    ]


def test_overdue_is_planned_with_its_due_day_or_else_planned_day_passed():
    assert is_overdue("planned", PLANNED, date(2026, 11, 22), TODAY)
    assert not is_overdue("planned", PLANNED, TODAY, TODAY)  # due today: not yet
    assert not is_overdue("done", PLANNED, date(2026, 11, 22), TODAY)
    assert not is_overdue("cancelled", PLANNED, date(2026, 11, 22), TODAY)
    assert is_overdue("planned", date(2026, 11, 22), None, TODAY)
    assert not is_overdue("planned", TODAY, None, TODAY)
    # a due date after today wins over a planned date before it
    assert not is_overdue("planned", PLANNED, date(2026, 12, 1), TODAY)


# --- risk flags --------------------------------------------------------------------------


def test_risk_level_and_date():
    assert validate_risk(RiskDraft("high", TODAY), TODAY) == []
    assert codes(validate_risk(RiskDraft("severe", None), TODAY)) == [
        ("level", "invalid"),
        ("flagged_on", "required"),
    ]
    assert codes(validate_risk(RiskDraft("low", date(2026, 11, 24)), TODAY)) == [
        ("flagged_on", "in_future")
    ]


def test_clear_between_flag_date_and_today():
    flagged = date(2026, 11, 1)
    assert validate_clear(flagged, flagged, TODAY) == []
    assert validate_clear(flagged, TODAY, TODAY) == []
    assert codes(validate_clear(flagged, None, TODAY)) == [("cleared_on", "required")]
    assert codes(validate_clear(flagged, date(2026, 10, 31), TODAY)) == [
        ("cleared_on", "before_flagged")
    ]
    assert codes(validate_clear(flagged, date(2026, 11, 24), TODAY)) == [
        ("cleared_on", "in_future")
    ]


# --- the Today panel's windows -----------------------------------------------------------


def test_new_hire_mark_window_boundaries():
    assert (NEW_HIRE_DAYS_BEFORE, NEW_HIRE_DAYS_AHEAD) == (3, 7)
    # 30th day 3 days ago: shown; 4 days ago: not
    assert new_hire_marks(date(2026, 10, 21), TODAY) == [(30, date(2026, 11, 20))]
    assert new_hire_marks(date(2026, 10, 20), TODAY) == []
    # 60th day 7 days ahead: shown; 8 days ahead: not
    assert new_hire_marks(date(2026, 10, 1), TODAY) == [(60, date(2026, 11, 30))]
    assert new_hire_marks(date(2026, 10, 2), TODAY) == []
    assert new_hire_marks(date(2026, 8, 25), TODAY) == [(90, date(2026, 11, 23))]


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
    found = upcoming_seasons(seasons, date(2026, 2, 1))
    assert [s.code for s in found] == ["year_end_bonus", "spring_festival"]
    assert [s.in_progress for s in found] == [True, False]
