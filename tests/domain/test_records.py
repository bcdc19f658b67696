"""The rules a record keeps before it is saved."""

from __future__ import annotations

from datetime import date

import pytest

from retention_desktop.domain.catalog import INVOLUNTARY, VOLUNTARY
from retention_desktop.domain.records import (
    EmployeeDraft,
    ExitDraft,
    validate_employee,
    validate_exit,
    validate_rehire,
)

TODAY = date(2026, 11, 23)
HIRED = date(2025, 3, 10)


def codes(problems) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in problems]


# --- employees ---------------------------------------------------------------------------------


def test_valid_employee_has_no_problems():
    assert validate_employee(EmployeeDraft("王欣怡", date(2026, 11, 1)), TODAY) == []


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_employee_name_is_required(name):
    assert codes(validate_employee(EmployeeDraft(name, HIRED), TODAY)) == [("name", "required")]


def test_employee_hire_date_is_required():
    assert codes(validate_employee(EmployeeDraft("李明", None), TODAY)) == [
        ("hire_date", "required")
    ]


def test_employee_with_neither_name_nor_hire_date_gets_both_problems():
    assert codes(validate_employee(EmployeeDraft(" ", None), TODAY)) == [
        ("name", "required"),
        ("hire_date", "required"),
    ]


def test_hire_date_one_year_ahead_is_accepted():
    assert validate_employee(EmployeeDraft("张三", date(2027, 11, 23)), TODAY) == []
    # Across a 29 February: 2027-03-01 -> 2028-03-01 is 366 days, still one year ahead.
    assert validate_employee(EmployeeDraft("张三", date(2028, 3, 1)), date(2027, 3, 1)) == []


def test_hire_date_more_than_a_year_ahead_is_refused():
    problems = validate_employee(EmployeeDraft("张三", date(2027, 11, 25)), TODAY)
    assert codes(problems) == [("hire_date", "too_far_ahead")]
    problems = validate_employee(EmployeeDraft("张三", date(2028, 1, 1)), TODAY)
    assert codes(problems) == [("hire_date", "too_far_ahead")]


def test_past_hire_dates_are_fine():
    assert validate_employee(EmployeeDraft("张三", date(2001, 1, 1)), TODAY) == []


def test_cleaned_strips_fields():
    draft = EmployeeDraft(
        name="  王欣怡 ",
        hire_date=HIRED,
        employee_no="  CS0012 ",
        team=" 售前客服 ",
        position=" 客服专员\t",
        phone=" 13800000000 ",
        notes="  first line\nsecond line  \n",
    )
    clean = draft.cleaned()
    assert clean == EmployeeDraft(
        name="王欣怡",
        hire_date=HIRED,
        employee_no="CS0012",
        team="售前客服",
        position="客服专员",
        phone="13800000000",
        notes="  first line\nsecond line",  # trailing space only: indentation is kept
    )
    # The draft itself is left as it was.
    assert draft.name == "  王欣怡 "
    assert draft.employee_no == "  CS0012 "


@pytest.mark.parametrize("number", [None, "", "   "])
def test_cleaned_blank_employee_number_becomes_none(number):
    assert EmployeeDraft("王欣怡", HIRED, employee_no=number).cleaned().employee_no is None


# --- exits -------------------------------------------------------------------------------------


def test_valid_exit_has_no_problems():
    draft = ExitDraft(
        last_day=date(2026, 6, 30),
        exit_type=VOLUNTARY,
        primary_reason_id=3,
        further_reason_ids=[1, 2],
        notice_date=date(2026, 6, 1),
    )
    assert validate_exit(draft, HIRED) == []


def test_exit_on_the_hire_date_is_allowed():
    assert validate_exit(ExitDraft(last_day=HIRED, notice_date=HIRED), HIRED) == []


def test_last_day_before_hire_is_refused():
    problems = validate_exit(ExitDraft(last_day=date(2025, 3, 9)), HIRED)
    assert codes(problems) == [("last_day", "before_hire")]
    assert "2025-03-09" in problems[0].message
    assert "2025-03-10" in problems[0].message


def test_notice_after_last_day_is_refused():
    draft = ExitDraft(last_day=date(2026, 6, 30), notice_date=date(2026, 7, 1))
    assert codes(validate_exit(draft, HIRED)) == [("notice_date", "after_last_day")]
    # Notice on the last day itself is fine.
    draft = ExitDraft(last_day=date(2026, 6, 30), notice_date=date(2026, 6, 30))
    assert validate_exit(draft, HIRED) == []


@pytest.mark.parametrize("kind", [VOLUNTARY, INVOLUNTARY, None])
def test_known_exit_types_and_none_are_accepted(kind):
    assert validate_exit(ExitDraft(last_day=date(2026, 6, 30), exit_type=kind), HIRED) == []


@pytest.mark.parametrize("kind", ["fired", "Voluntary", "主动离职", ""])
def test_unknown_exit_type_is_refused(kind):
    problems = validate_exit(ExitDraft(last_day=date(2026, 6, 30), exit_type=kind), HIRED)
    assert codes(problems) == [("exit_type", "unknown")]


def test_primary_reason_repeated_as_further_reason_is_refused():
    draft = ExitDraft(last_day=date(2026, 6, 30), primary_reason_id=3, further_reason_ids=[1, 3])
    assert codes(validate_exit(draft, HIRED)) == [("further_reasons", "repeats_primary")]


def test_further_reasons_without_a_primary_are_fine():
    draft = ExitDraft(last_day=date(2026, 6, 30), primary_reason_id=None, further_reason_ids=[1])
    assert validate_exit(draft, HIRED) == []


def test_exit_reports_every_problem_at_once():
    draft = ExitDraft(
        last_day=date(2025, 1, 1),
        exit_type="quit",
        primary_reason_id=5,
        further_reason_ids=[5],
        notice_date=date(2025, 2, 1),
    )
    assert codes(validate_exit(draft, HIRED)) == [
        ("last_day", "before_hire"),
        ("notice_date", "after_last_day"),
        ("exit_type", "unknown"),
        ("further_reasons", "repeats_primary"),
    ]


# --- rehires -----------------------------------------------------------------------------------


def test_rehire_after_the_last_day_is_fine():
    assert validate_rehire(date(2026, 7, 1), date(2026, 6, 30), has_open_spell=False) == []


def test_rehire_with_no_earlier_end_and_no_open_spell_is_fine():
    assert validate_rehire(date(2026, 7, 1), None, has_open_spell=False) == []


def test_rehire_of_someone_still_employed_is_refused():
    problems = validate_rehire(date(2026, 7, 1), date(2025, 1, 1), has_open_spell=True)
    assert codes(problems) == [("hire_date", "still_employed")]
    assert codes(validate_rehire(date(2026, 7, 1), None, has_open_spell=True)) == [
        ("hire_date", "still_employed")
    ]


@pytest.mark.parametrize("hire", [date(2026, 6, 30), date(2026, 6, 1)])
def test_rehire_on_or_before_the_last_day_is_refused(hire):
    problems = validate_rehire(hire, date(2026, 6, 30), has_open_spell=False)
    assert codes(problems) == [("hire_date", "overlaps")]
    assert "2026-06-30" in problems[0].message
