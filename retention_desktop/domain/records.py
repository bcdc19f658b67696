"""Records as the shop enters them, and the rules a record must keep before it is saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from retention_desktop.domain.catalog import EXIT_TYPES, EXIT_WAY_CODES

MAX_FUTURE_HIRE = timedelta(days=366)


# The longest a field may be, in characters: the employee dialog's fields and the import
# hold to the same limits.
TEXT_LIMITS = {"name": 100, "employee_no": 40, "phone": 40}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: which field, and what (in English; the UI shows its own
    translated text for `code`)."""

    field: str
    code: str
    message: str


@dataclass
class EmployeeDraft:
    name: str
    hire_date: date | None
    employee_no: str | None = None
    team: str = ""
    position: str = ""
    phone: str = ""
    notes: str = ""

    def cleaned(self) -> EmployeeDraft:
        number = (self.employee_no or "").strip() or None
        return EmployeeDraft(
            name=self.name.strip(),
            hire_date=self.hire_date,
            employee_no=number,
            team=self.team.strip(),
            position=self.position.strip(),
            phone=self.phone.strip(),
            notes=self.notes.rstrip(),
        )


def validate_employee(draft: EmployeeDraft, today: date) -> list[Problem]:
    problems = []
    if not draft.name.strip():
        problems.append(Problem("name", "required", "the name is required"))
    if draft.hire_date is None:
        problems.append(Problem("hire_date", "required", "the hire date is required"))
    elif draft.hire_date > today + MAX_FUTURE_HIRE:
        problems.append(
            Problem("hire_date", "too_far_ahead", "the hire date is more than a year ahead")
        )
    return problems


@dataclass
class HandoverItem:
    code: str | None  # a built-in item's code, or None for the shop's own item
    label: str = ""
    done: bool = False
    note: str = ""  # e.g. the colleague who took over
    done_date: date | None = None


@dataclass
class ExitDraft:
    last_day: date
    exit_type: str | None = None
    primary_reason_id: int | None = None
    further_reason_ids: list[int] = field(default_factory=list)
    notice_date: date | None = None
    regrettable: bool = False
    eligible_for_rehire: bool | None = None
    conversation_notes: str = ""
    handover: list[HandoverItem] = field(default_factory=list)
    way: str | None = None  # a code of EXIT_WAYS
    destination_id: int | None = None
    # A try to keep them (挽留): whether the shop tried, with which action type it offered,
    # and, when it worked, the day the notice was withdrawn (the person stays).
    keep_tried: bool = False
    keep_offer_id: int | None = None
    stayed_on: date | None = None


def _withdrawal_problems(draft: ExitDraft, today: date | None) -> list[Problem]:
    """A withdrawn notice: given on a known day, withdrawn between it and the last day, not
    ahead of today."""
    stayed = draft.stayed_on
    if draft.notice_date is None:
        return [Problem("notice_date", "withdrawn_without", "a withdrawn notice needs its date")]
    if stayed < draft.notice_date:
        return [
            Problem("stayed_on", "before_notice", "the notice was withdrawn before it was given")
        ]
    if stayed > draft.last_day:
        return [
            Problem("stayed_on", "after_last_day", "the notice was withdrawn after the last day")
        ]
    if today is not None and stayed > today:
        return [Problem("stayed_on", "ahead", "the notice cannot be withdrawn on a day ahead")]
    return []


def validate_exit(draft: ExitDraft, hire_date: date, today: date | None = None) -> list[Problem]:
    problems = []
    if draft.last_day < hire_date:
        problems.append(
            Problem(
                "last_day",
                "before_hire",
                f"the last working day {draft.last_day} is before the hire date {hire_date}",
            )
        )
    if draft.notice_date is not None and draft.notice_date > draft.last_day:
        problems.append(
            Problem("notice_date", "after_last_day", "the notice date is after the last day")
        )
    if draft.way is not None and draft.way not in EXIT_WAY_CODES:
        problems.append(Problem("way", "unknown", f"unknown way of leaving '{draft.way}'"))
    if draft.stayed_on is not None:
        problems += _withdrawal_problems(draft, today)
    if draft.exit_type is not None and draft.exit_type not in EXIT_TYPES:
        problems.append(Problem("exit_type", "unknown", f"unknown exit type '{draft.exit_type}'"))
    if draft.primary_reason_id is not None and draft.primary_reason_id in draft.further_reason_ids:
        problems.append(
            Problem(
                "further_reasons",
                "repeats_primary",
                "the primary reason is also listed as a further reason",
            )
        )
    return problems


def validate_rehire(
    hire_date: date, last_end: date | None, has_open_spell: bool, today: date | None = None
) -> list[Problem]:
    if today is not None and hire_date > today + MAX_FUTURE_HIRE:
        return [Problem("hire_date", "too_far_ahead", "the hire date is more than a year ahead")]
    if has_open_spell:
        return [Problem("hire_date", "still_employed", "this person is still employed")]
    if last_end is not None and hire_date <= last_end:
        return [
            Problem(
                "hire_date",
                "overlaps",
                f"the new hire date must be after the last working day {last_end}",
            )
        ]
    return []
