"""Retention actions and risk flags as the shop enters them, and their rules.

An action is planned for one employee or for a whole team, from the action library
(action_types): planned -> done (with the day and the outcome) or cancelled. A risk flag
marks an employee at risk (low / medium / high) with a suspected reason; clearing it keeps
it in the history. The reminder rules of the Today panel and the "does it help?" figures
are in store.reminders and store.effect; their plain rules are here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from retention_desktop.domain.records import Problem

PLANNED, DONE, CANCELLED = "planned", "done", "cancelled"
STATUSES = (PLANNED, DONE, CANCELLED)
OVERDUE = "overdue"  # a filter, not a status: planned and its due day has passed
LOW, MEDIUM, HIGH = "low", "medium", "high"
RISK_LEVELS = (LOW, MEDIUM, HIGH)
NEW_HIRE_MARKS = (30, 60, 90)  # days after the hire date: the early-attrition window
EFFECT_DAYS = (90, 180)  # "does it help?": still employed this many days after the action
SMALL_SAMPLE = 30  # "does it help?": a share of fewer people than this is shown as unreliable
MAX_COST = 10_000_000
MAX_TITLE = 200

# The Today panel's windows (store.reminders).
CHECK_IN_CODE = "checkin"  # a check-in conversation is a DONE action of this type
NEW_HIRE_DAYS_BEFORE = 3  # a 30/60/90-day mark up to 3 days ago is still shown ...
NEW_HIRE_DAYS_AHEAD = 7  # ... and one up to 7 days ahead already: [today - 3, today + 7]


# Overdue: the one rule, here. An action is overdue when its status is OVERDUE_STATUS
# (still planned) and its due day is before today; its due day is the first of
# DUE_DAY_FIELDS it has (the due date, else the planned date). An action due today is not
# overdue yet. store.actions builds every overdue query and the oldest-due-first order from
# these two names (tests check the SQL and is_overdue agree).
OVERDUE_STATUS = PLANNED
DUE_DAY_FIELDS = ("due_date", "planned_date")


def due_day(planned_date: date, due_date: date | None) -> date:
    """The day an action is due: its due date, or its planned date when it has none."""
    return due_date or planned_date


def is_overdue(status: str, planned_date: date, due_date: date | None, today: date) -> bool:
    """Whether an action with this status and these dates is overdue on `today`."""
    return status == OVERDUE_STATUS and due_day(planned_date, due_date) < today


@dataclass(frozen=True)
class ActionDraft:
    action_type_id: int | None
    planned_date: date | None
    title: str = ""
    due_date: date | None = None
    owner: str = ""
    cost: float = 0.0
    notes: str = ""

    def cleaned(self) -> ActionDraft:
        return ActionDraft(
            self.action_type_id,
            self.planned_date,
            self.title.strip(),
            self.due_date,
            self.owner.strip(),
            self.cost,
            self.notes.rstrip(),
        )


def validate_action(draft: ActionDraft) -> list[Problem]:
    problems = []
    if draft.action_type_id is None:
        problems.append(Problem("action_type", "required", "choose the kind of action"))
    if draft.planned_date is None:
        problems.append(Problem("planned_date", "required", "the planned date is missing"))
    elif draft.due_date is not None and draft.due_date < draft.planned_date:
        problems.append(
            Problem("due_date", "before_planned", "the due date is before the planned date")
        )
    if not 0 <= draft.cost <= MAX_COST:
        problems.append(Problem("cost", "out_of_range", f"the cost must be 0 to {MAX_COST:,}"))
    if len(draft.title.strip()) > MAX_TITLE:
        problems.append(
            Problem("title", "too_long", f"the title is longer than {MAX_TITLE} characters")
        )
    return problems


def validate_completion(planned_date: date, done_date: date | None, today: date) -> list[Problem]:
    """An action is done on a day between its planned date and today."""
    if done_date is None:
        return [Problem("done_date", "required", "the day it was done is missing")]
    if done_date > today:
        return [Problem("done_date", "in_future", "the day it was done is after today")]
    if done_date < planned_date:
        return [
            Problem("done_date", "before_planned", "the day it was done is before it was planned")
        ]
    return []


@dataclass(frozen=True)
class RiskDraft:
    level: str
    flagged_on: date | None
    reason_id: int | None = None
    note: str = ""


def validate_risk(draft: RiskDraft, today: date) -> list[Problem]:
    problems = []
    if draft.level not in RISK_LEVELS:
        problems.append(Problem("level", "invalid", f"the level must be one of {RISK_LEVELS}"))
    if draft.flagged_on is None:
        problems.append(Problem("flagged_on", "required", "the date is missing"))
    elif draft.flagged_on > today:
        problems.append(Problem("flagged_on", "in_future", "the date is after today"))
    return problems


def validate_clear(flagged_on: date, cleared_on: date | None, today: date) -> list[Problem]:
    """A risk flag is cleared on a day between the day it was flagged and today."""
    if cleared_on is None:
        return [Problem("cleared_on", "required", "the date is missing")]
    if cleared_on > today:
        return [Problem("cleared_on", "in_future", "the date is after today")]
    if cleared_on < flagged_on:
        return [Problem("cleared_on", "before_flagged", "the date is before the risk was flagged")]
    return []


def new_hire_marks(hire_date: date, today: date) -> list[tuple[int, date]]:
    """The 30/60/90-day marks of a hire whose day falls within
    [today - NEW_HIRE_DAYS_BEFORE, today + NEW_HIRE_DAYS_AHEAD], as (mark, day)."""
    first = today - timedelta(days=NEW_HIRE_DAYS_BEFORE)
    last = today + timedelta(days=NEW_HIRE_DAYS_AHEAD)
    days = ((mark, hire_date + timedelta(days=mark)) for mark in NEW_HIRE_MARKS)
    return [(mark, day) for mark, day in days if first <= day <= last]
