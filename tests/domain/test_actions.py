"""The rules of retention actions and risk flags, and the Today panel's windows."""

from __future__ import annotations

from datetime import date

import pytest

from retention_desktop.domain.actions import (
    MAX_COST,
    MAX_TITLE,
    NEW_HIRE_DAYS_AHEAD,
    NEW_HIRE_DAYS_BEFORE,
    ActionDraft,
    RiskDraft,
    is_overdue,
    new_hire_marks,
    validate_action,
    validate_clear,
    validate_completion,
    validate_risk,
)

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
