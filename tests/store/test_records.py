"""Writing employees, exits and rehires, and changing or deleting them afterwards: cleaned
values, refusals that write nothing, and the data rules the schema itself keeps."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from store_helpers import (
    OWNED,
    TODAY,
    action_type,
    add_action,
    dump,
    hire,
    leave,
    person_rows,
    person_with_everything,
    reason,
    stamp_everything,
)

from retention_desktop.domain.records import EmployeeDraft, ExitDraft, HandoverItem
from retention_desktop.store import catalog
from retention_desktop.store.errors import RecordError
from retention_desktop.store.queries import employee_draft, exit_record, open_spell, roster
from retention_desktop.store.records import (
    add_employee,
    cancel_exit,
    delete_employee,
    record_exit,
    rehire,
    update_employee,
    update_exit,
)

TABLES = ("employees", "spells", "exits", "exit_further_reasons", "handover_items")


def row_counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


# --- add_employee ------------------------------------------------------------------------


def test_add_employee_stores_cleaned_values(db) -> None:
    draft = EmployeeDraft(
        name="  王芳 ",
        hire_date=date(2024, 3, 1),
        employee_no="  CS0001 ",
        team=" 客服 ",
        position=" 组长  ",
        phone=" 13800000000 ",
        notes="  keeps notes' leading space  \n",
    )
    employee_id, spell_id = add_employee(db, draft, today=TODAY)
    row = db.execute(
        "SELECT employee_no, name, phone, notes, created_at, updated_at FROM employees "
        "WHERE id = ?",
        [employee_id],
    ).fetchone()
    assert row[:4] == ("CS0001", "王芳", "13800000000", "  keeps notes' leading space")
    assert row[4]
    assert row[5]
    spell = db.execute(
        "SELECT employee_id, hire_date, end_date, team, position FROM spells WHERE id = ?",
        [spell_id],
    ).fetchone()
    assert spell == (employee_id, "2024-03-01", None, "客服", "组长")


def test_blank_employee_no_is_stored_as_null(db) -> None:
    first, _ = hire(db, "A", employee_no="   ")
    second, _ = hire(db, "B", employee_no="")
    rows = db.execute("SELECT id, employee_no FROM employees ORDER BY id").fetchall()
    assert rows == [(first, None), (second, None)]


def test_duplicate_employee_no_refused_naming_the_other_person(db) -> None:
    hire(db, "Li Na", employee_no="CS0007")
    before = row_counts(db)
    with pytest.raises(RecordError) as info:
        hire(db, "Zhang Wei", employee_no=" CS0007 ")
    assert info.value.field == "employee_no"
    assert "Li Na" in str(info.value)
    assert "CS0007" in str(info.value)
    assert row_counts(db) == before
    assert db.execute("SELECT count(*) FROM employees WHERE name = 'Zhang Wei'").fetchone()[0] == 0


def test_name_required(db) -> None:
    with pytest.raises(RecordError) as info:
        hire(db, "   ")
    assert info.value.field == "name"
    assert row_counts(db) == dict.fromkeys(TABLES, 0)


def test_hire_date_required(db) -> None:
    with pytest.raises(RecordError) as info:
        add_employee(db, EmployeeDraft(name="Li Na", hire_date=None), today=TODAY)
    assert info.value.field == "hire_date"
    assert row_counts(db) == dict.fromkeys(TABLES, 0)


def test_hire_date_more_than_a_year_ahead_refused(db) -> None:
    with pytest.raises(RecordError) as info:
        hire(db, "Li Na", hired=date(2026, 8, 1))
    assert info.value.field == "hire_date"
    assert row_counts(db) == dict.fromkeys(TABLES, 0)


# --- record_exit -------------------------------------------------------------------------


def test_record_exit_writes_spell_end_exit_reasons_and_handover(db) -> None:
    _, spell_id = hire(db)
    pay = catalog.id_for_code(db, "exit_reasons", "pay")
    pressure = catalog.id_for_code(db, "exit_reasons", "pressure")
    family = catalog.id_for_code(db, "exit_reasons", "family")
    draft = ExitDraft(
        last_day=date(2025, 5, 31),
        exit_type="voluntary",
        primary_reason_id=pay,
        further_reason_ids=[pressure, family, pressure],
        notice_date=date(2025, 5, 1),
        regrettable=True,
        eligible_for_rehire=True,
        conversation_notes="想离家近一点",
        handover=[
            HandoverItem("complaints", done=True, done_date=date(2025, 5, 30), note="交给李娜"),
            HandoverItem("equipment"),
            HandoverItem(None, label="钥匙", done=True),
        ],
    )
    exit_id = record_exit(db, spell_id, draft)

    assert db.execute("SELECT end_date FROM spells WHERE id = ?", [spell_id]).fetchone() == (
        "2025-05-31",
    )
    row = db.execute(
        "SELECT spell_id, notice_date, exit_type, primary_reason_id, regrettable, "
        "eligible_for_rehire, conversation_notes FROM exits WHERE id = ?",
        [exit_id],
    ).fetchone()
    assert row == (spell_id, "2025-05-01", "voluntary", pay, 1, 1, "想离家近一点")
    further = db.execute(
        "SELECT reason_id FROM exit_further_reasons WHERE exit_id = ? ORDER BY reason_id",
        [exit_id],
    ).fetchall()
    assert [r[0] for r in further] == sorted([pressure, family])
    items = db.execute(
        "SELECT code, label, done, done_date, note FROM handover_items WHERE exit_id = ? "
        "ORDER BY position",
        [exit_id],
    ).fetchall()
    assert items == [
        ("complaints", "", 1, "2025-05-30", "交给李娜"),
        ("equipment", "", 0, None, ""),
        (None, "钥匙", 1, None, ""),
    ]


def test_exit_with_unknown_rehire_eligibility_is_null(db) -> None:
    _, spell_id = hire(db)
    exit_id = record_exit(db, spell_id, ExitDraft(last_day=date(2025, 1, 31)))
    row = db.execute(
        "SELECT exit_type, primary_reason_id, regrettable, eligible_for_rehire FROM exits "
        "WHERE id = ?",
        [exit_id],
    ).fetchone()
    assert row == (None, None, 0, None)


def test_last_day_equal_to_hire_date_allowed(db) -> None:
    _, spell_id = hire(db, hired=date(2025, 2, 3))
    record_exit(db, spell_id, ExitDraft(last_day=date(2025, 2, 3)))
    assert db.execute("SELECT end_date FROM spells").fetchone() == ("2025-02-03",)


def test_second_exit_on_same_spell_refused(db) -> None:
    _, spell_id = hire(db)
    record_exit(db, spell_id, ExitDraft(last_day=date(2025, 1, 31)))
    before = row_counts(db)
    with pytest.raises(RecordError) as info:
        record_exit(
            db, spell_id, ExitDraft(last_day=date(2025, 3, 31), handover=[HandoverItem("keys")])
        )
    assert info.value.field == "last_day"
    assert row_counts(db) == before
    assert db.execute("SELECT end_date FROM spells").fetchone() == ("2025-01-31",)


def test_last_day_before_hire_refused_nothing_written(db) -> None:
    _, spell_id = hire(db, hired=date(2024, 3, 1))
    before = row_counts(db)
    pay = catalog.id_for_code(db, "exit_reasons", "pay")
    draft = ExitDraft(
        last_day=date(2024, 2, 29),
        primary_reason_id=pay,
        handover=[HandoverItem("equipment", done=True)],
    )
    with pytest.raises(RecordError) as info:
        record_exit(db, spell_id, draft)
    assert info.value.field == "last_day"
    assert row_counts(db) == before
    assert db.execute("SELECT end_date FROM spells WHERE id = ?", [spell_id]).fetchone() == (None,)


def test_exit_refused_by_the_file_rolls_back_everything(db) -> None:
    _, spell_id = hire(db)
    before = row_counts(db)
    draft = ExitDraft(
        last_day=date(2025, 1, 31),
        further_reason_ids=[987654],  # no such reason: the foreign key refuses it
        handover=[HandoverItem("equipment")],
    )
    with pytest.raises(RecordError):
        record_exit(db, spell_id, draft)
    assert row_counts(db) == before
    assert db.execute("SELECT end_date FROM spells WHERE id = ?", [spell_id]).fetchone() == (None,)
    assert not db.conn.in_transaction


def test_exit_for_missing_spell_refused(db) -> None:
    with pytest.raises(RecordError) as info:
        record_exit(db, 4242, ExitDraft(last_day=date(2025, 1, 31)))
    assert info.value.field == "spell"


# --- rehire ------------------------------------------------------------------------------


def test_rehire_refused_while_employed(db) -> None:
    employee_id, _ = hire(db)
    before = row_counts(db)
    with pytest.raises(RecordError) as info:
        rehire(db, employee_id, date(2025, 6, 1))
    assert info.value.field == "hire_date"
    assert row_counts(db) == before


@pytest.mark.parametrize("new_hire", [date(2025, 1, 31), date(2025, 1, 1), date(2024, 12, 1)])
def test_rehire_refused_on_or_before_last_day(db, new_hire: date) -> None:
    employee_id, spell_id = hire(db)
    record_exit(db, spell_id, ExitDraft(last_day=date(2025, 1, 31)))
    before = row_counts(db)
    with pytest.raises(RecordError) as info:
        rehire(db, employee_id, new_hire)
    assert info.value.field == "hire_date"
    assert row_counts(db) == before


def test_rehire_after_last_day_starts_a_second_spell(db) -> None:
    employee_id, first_spell = hire(db, team="客服", position="专员")
    exit_id = record_exit(db, first_spell, ExitDraft(last_day=date(2025, 1, 31)))
    old = db.execute("SELECT * FROM spells WHERE id = ?", [first_spell]).fetchone()

    second_spell = rehire(db, employee_id, date(2025, 2, 1), team=" 售后 ", position=" 组长 ")

    assert second_spell != first_spell
    spells = db.execute(
        "SELECT id, hire_date, end_date, team, position FROM spells WHERE employee_id = ? "
        "ORDER BY hire_date",
        [employee_id],
    ).fetchall()
    assert spells == [
        (first_spell, "2024-03-01", "2025-01-31", "客服", "专员"),
        (second_spell, "2025-02-01", None, "售后", "组长"),
    ]
    assert db.execute("SELECT * FROM spells WHERE id = ?", [first_spell]).fetchone() == old
    assert db.execute("SELECT spell_id FROM exits").fetchall() == [(first_spell,)]
    assert exit_id
    assert db.execute("SELECT count(*) FROM employees").fetchone()[0] == 1


def test_rehired_employee_can_leave_again(db) -> None:
    employee_id, first_spell = hire(db)
    record_exit(db, first_spell, ExitDraft(last_day=date(2024, 6, 30)))
    second_spell = rehire(db, employee_id, date(2024, 9, 1))
    record_exit(db, second_spell, ExitDraft(last_day=date(2025, 3, 31)))
    with pytest.raises(RecordError):
        rehire(db, employee_id, date(2025, 3, 1))  # after the first exit, before the second
    third = rehire(db, employee_id, date(2025, 4, 1))
    assert db.execute("SELECT count(*) FROM spells").fetchone()[0] == 3
    assert db.execute("SELECT end_date FROM spells WHERE id = ?", [third]).fetchone() == (None,)


def test_a_rehire_more_than_a_year_ahead_is_refused(db) -> None:
    today = date(2026, 11, 23)
    employee_id, spell_id = add_employee(db, EmployeeDraft("Li Na", date(2024, 1, 1)), today=today)
    record_exit(db, spell_id, ExitDraft(last_day=date(2025, 1, 31)))
    with pytest.raises(RecordError) as refused:
        rehire(db, employee_id, today + timedelta(days=367), today=today)
    assert (refused.value.field, refused.value.code) == ("hire_date", "too_far_ahead")
    assert rehire(db, employee_id, today + timedelta(days=366), today=today)


# --- update_employee ---------------------------------------------------------------------


def test_update_employee_changes_details_and_only_the_latest_spell(db) -> None:
    wang, first = hire(
        db,
        "Wang Fang",
        date(2022, 1, 10),
        employee_no="E1",
        team="客服",
        position="专员",
        phone="138",
        notes="old",
    )
    leave(db, first, date(2023, 5, 31))
    second = rehire(db, wang, date(2024, 2, 1), team="售后", position="组长")
    other, _ = hire(db, "Li Na", date(2023, 1, 1), employee_no="E2", team="Sales")
    stamp_everything(db)
    first_row = db.execute("SELECT * FROM spells WHERE id = ?", [first]).fetchone()
    other_rows = person_rows(db, other)
    exits_before = dump(db)["exits"]

    update_employee(
        db,
        wang,
        EmployeeDraft(
            name="  Wang Fang Jr ",
            hire_date=date(2024, 3, 1),
            employee_no=" E9 ",
            team=" 客服 ",
            position=" 主管 ",
            phone=" 139 ",
            notes="new notes \n",
        ),
        today=TODAY,
    )

    employee = db.execute(
        "SELECT employee_no, name, phone, notes, created_at, updated_at FROM employees "
        "WHERE id = ?",
        [wang],
    ).fetchone()
    assert employee[:4] == ("E9", "Wang Fang Jr", "139", "new notes")
    assert employee[4] == f"2019-01-{wang:02d}T08:00:00Z"  # created stays
    assert employee[5] != f"2019-02-{wang:02d}T09:30:00Z"  # updated is refreshed
    spell = db.execute(
        "SELECT hire_date, end_date, team, position, updated_at FROM spells WHERE id = ?",
        [second],
    ).fetchone()
    assert spell[:4] == ("2024-03-01", None, "客服", "主管")
    assert spell[4] != f"2019-02-{second:02d}T09:30:00Z"
    assert db.execute("SELECT * FROM spells WHERE id = ?", [first]).fetchone() == first_row
    assert person_rows(db, other) == other_rows
    assert dump(db)["exits"] == exits_before
    assert employee_draft(db, wang) == EmployeeDraft(
        "Wang Fang Jr", date(2024, 3, 1), "E9", "客服", "主管", "139", "new notes"
    )


def test_update_employee_keeps_own_number_and_blank_number_becomes_null(db) -> None:
    wang, _ = hire(db, "Wang Fang", employee_no="E1")
    draft = EmployeeDraft("Wang Fang", date(2024, 3, 1), employee_no="E1", phone="1")
    update_employee(db, wang, draft, today=TODAY)  # its own number is no clash
    assert db.execute("SELECT employee_no, phone FROM employees").fetchone() == ("E1", "1")
    draft.employee_no = "   "
    update_employee(db, wang, draft, today=TODAY)
    assert db.execute("SELECT employee_no FROM employees").fetchone() == (None,)


def test_update_employee_duplicate_number_refused_naming_the_holder(db) -> None:
    hire(db, "Li Na", employee_no="E7")
    zhang, _ = hire(db, "Zhang Wei", employee_no="E8")
    before = dump(db)
    with pytest.raises(RecordError) as info:
        update_employee(
            db,
            zhang,
            EmployeeDraft("Zhang Wei Renamed", date(2024, 1, 1), employee_no=" E7 ", team="X"),
            today=TODAY,
        )
    assert info.value.field == "employee_no"
    assert "Li Na" in str(info.value)
    assert "E7" in str(info.value)
    assert dump(db) == before


def test_update_employee_hire_date_after_last_working_day_refused(db) -> None:
    wang, spell = hire(db, hired=date(2024, 3, 1))
    leave(db, spell, date(2025, 1, 31))
    before = dump(db)
    with pytest.raises(RecordError) as info:
        update_employee(db, wang, EmployeeDraft("新名字", date(2025, 2, 1), team="T"), today=TODAY)
    assert info.value.field == "hire_date"
    assert dump(db) == before
    # hired and gone on the same day is allowed
    update_employee(db, wang, EmployeeDraft("新名字", date(2025, 1, 31)), today=TODAY)
    assert db.execute("SELECT hire_date, end_date FROM spells").fetchone() == (
        "2025-01-31",
        "2025-01-31",
    )


@pytest.mark.parametrize("new_hire", [date(2023, 5, 31), date(2023, 5, 30), date(2022, 1, 1)])
def test_update_employee_hire_date_not_after_previous_spell_refused(db, new_hire: date) -> None:
    wang, first = hire(db, hired=date(2022, 1, 10))
    leave(db, first, date(2023, 5, 31))
    rehire(db, wang, date(2024, 2, 1))
    before = dump(db)
    with pytest.raises(RecordError) as info:
        update_employee(db, wang, EmployeeDraft("王芳 new", new_hire), today=TODAY)
    assert info.value.field == "hire_date"
    assert "2023-05-31" in str(info.value)
    assert dump(db) == before


def test_update_employee_hire_date_day_after_previous_spell_allowed(db) -> None:
    wang, first = hire(db, hired=date(2022, 1, 10))
    leave(db, first, date(2023, 5, 31))
    second = rehire(db, wang, date(2024, 2, 1))
    update_employee(db, wang, EmployeeDraft("王芳", date(2023, 6, 1)), today=TODAY)
    rows = db.execute("SELECT id, hire_date, end_date FROM spells ORDER BY id").fetchall()
    assert rows == [(first, "2022-01-10", "2023-05-31"), (second, "2023-06-01", None)]


@pytest.mark.parametrize(
    ("name", "hired", "field"),
    [
        ("   ", date(2024, 1, 1), "name"),
        ("", date(2024, 1, 1), "name"),
        ("Li Na", TODAY + timedelta(days=367), "hire_date"),
        ("Li Na", None, "hire_date"),
    ],
)
def test_update_employee_invalid_draft_refused(db, name: str, hired, field: str) -> None:
    wang, _ = hire(db, "Wang Fang", employee_no="E1")
    before = dump(db)
    with pytest.raises(RecordError) as info:
        update_employee(
            db, wang, EmployeeDraft(name, hired, employee_no="E5", team="New"), today=TODAY
        )
    assert info.value.field == field
    assert dump(db) == before


def test_update_employee_hire_date_exactly_a_year_ahead_allowed(db) -> None:
    wang, _ = hire(db)
    update_employee(db, wang, EmployeeDraft("王芳", TODAY + timedelta(days=366)), today=TODAY)
    assert db.execute("SELECT hire_date FROM spells").fetchone() == ("2026-07-01",)


def test_update_unknown_employee_refused(db) -> None:
    hire(db)
    before = dump(db)
    with pytest.raises(RecordError) as info:
        update_employee(db, 4242, EmployeeDraft("Nobody", date(2024, 1, 1)), today=TODAY)
    assert info.value.field == "employee"
    assert dump(db) == before


# --- update_exit -------------------------------------------------------------------------


@pytest.fixture
def left(db):
    """Wang left with a full exit record; Li left too (her exit must never change)."""
    wang, spell = hire(db, "Wang", date(2024, 3, 1), team="客服")
    exit_id = record_exit(
        db,
        spell,
        ExitDraft(
            last_day=date(2025, 5, 31),
            exit_type="voluntary",
            primary_reason_id=reason(db, "pay"),
            further_reason_ids=[reason(db, "pressure"), reason(db, "family")],
            notice_date=date(2025, 5, 1),
            regrettable=True,
            eligible_for_rehire=True,
            conversation_notes="想离家近一点",
            handover=[
                HandoverItem("complaints", done=True, done_date=date(2025, 5, 30), note="李娜"),
                HandoverItem("equipment"),
                HandoverItem(None, label="钥匙", done=True),
            ],
        ),
    )
    li, li_spell = hire(db, "Li", date(2023, 1, 1))
    li_exit = leave(
        db,
        li_spell,
        date(2024, 12, 31),
        primary_reason_id=reason(db, "health"),
        further_reason_ids=[reason(db, "pay")],
        handover=[HandoverItem("accounts", done=True)],
    )
    return {"wang": wang, "spell": spell, "exit": exit_id, "li": li, "li_exit": li_exit}


def test_update_exit_replaces_everything(db, left) -> None:
    li_before = person_rows(db, left["li"])
    new = ExitDraft(
        last_day=date(2025, 4, 30),
        exit_type=None,
        primary_reason_id=reason(db, "misconduct"),
        further_reason_ids=[reason(db, "better_offer"), reason(db, "training")],
        notice_date=None,
        regrettable=False,
        eligible_for_rehire=False,
        conversation_notes="",
        handover=[
            HandoverItem("final_pay", done=True, done_date=date(2025, 4, 30), note="财务"),
            HandoverItem(None, label="工牌"),
        ],
    )
    update_exit(db, left["exit"], new)

    assert db.execute("SELECT end_date FROM spells WHERE id = ?", [left["spell"]]).fetchone() == (
        "2025-04-30",
    )
    row = db.execute(
        "SELECT spell_id, notice_date, exit_type, primary_reason_id, regrettable, "
        "eligible_for_rehire, conversation_notes FROM exits WHERE id = ?",
        [left["exit"]],
    ).fetchone()
    assert row == (left["spell"], None, None, reason(db, "misconduct"), 0, 0, "")
    further = db.execute(
        "SELECT reason_id FROM exit_further_reasons WHERE exit_id = ? ORDER BY reason_id",
        [left["exit"]],
    ).fetchall()
    assert [r[0] for r in further] == sorted([reason(db, "better_offer"), reason(db, "training")])
    items = db.execute(
        "SELECT code, label, done, done_date, note, position FROM handover_items "
        "WHERE exit_id = ? ORDER BY position",
        [left["exit"]],
    ).fetchall()
    assert items == [("final_pay", "", 1, "2025-04-30", "财务", 0), (None, "工牌", 0, None, "", 1)]
    assert exit_record(db, left["exit"]).draft == new
    assert person_rows(db, left["li"]) == li_before
    assert db.execute("SELECT count(*) FROM exits").fetchone()[0] == 2


def test_update_exit_to_no_further_reasons_and_no_handover(db, left) -> None:
    update_exit(db, left["exit"], ExitDraft(last_day=date(2025, 5, 31), exit_type="involuntary"))
    assert (
        db.execute(
            "SELECT count(*) FROM exit_further_reasons WHERE exit_id = ?", [left["exit"]]
        ).fetchone()[0]
        == 0
    )
    assert (
        db.execute(
            "SELECT count(*) FROM handover_items WHERE exit_id = ?", [left["exit"]]
        ).fetchone()[0]
        == 0
    )
    row = db.execute(
        "SELECT exit_type, primary_reason_id, notice_date, regrettable, eligible_for_rehire, "
        "conversation_notes FROM exits WHERE id = ?",
        [left["exit"]],
    ).fetchone()
    assert row == ("involuntary", None, None, 0, None, "")


def _bad_draft(db, **changes) -> ExitDraft:
    """A draft that changes everything, so any partial write would show."""
    values = {
        "last_day": date(2025, 4, 30),
        "exit_type": "involuntary",
        "primary_reason_id": reason(db, "misconduct"),
        "further_reason_ids": [reason(db, "training")],
        "notice_date": date(2025, 4, 1),
        "regrettable": False,
        "eligible_for_rehire": False,
        "conversation_notes": "changed",
        "handover": [HandoverItem("final_pay", done=True)],
    }
    values.update(changes)
    return ExitDraft(**values)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"last_day": date(2024, 2, 29)}, "last_day"),
        ({"notice_date": date(2025, 5, 1)}, "notice_date"),
        ({"exit_type": "fired"}, "exit_type"),
        ("primary_in_further", "further_reasons"),
    ],
)
def test_update_exit_invalid_draft_refused_nothing_written(db, left, change, field) -> None:
    if change == "primary_in_further":
        change = {"further_reason_ids": [reason(db, "training"), reason(db, "misconduct")]}
    before = dump(db)
    with pytest.raises(RecordError) as info:
        update_exit(db, left["exit"], _bad_draft(db, **change))
    assert info.value.field == field
    assert dump(db) == before


def test_update_exit_last_day_equal_to_hire_date_allowed(db, left) -> None:
    update_exit(db, left["exit"], ExitDraft(last_day=date(2024, 3, 1)))
    assert db.execute("SELECT end_date FROM spells WHERE id = ?", [left["spell"]]).fetchone() == (
        "2024-03-01",
    )


@pytest.mark.parametrize("last_day", [date(2024, 9, 1), date(2024, 9, 2), date(2025, 1, 1)])
def test_update_exit_last_day_on_or_after_rehire_refused(db, last_day: date) -> None:
    wang, first = hire(db, hired=date(2024, 1, 1))
    exit_id = leave(db, first, date(2024, 6, 30), handover=[HandoverItem("equipment")])
    rehire(db, wang, date(2024, 9, 1))
    before = dump(db)
    with pytest.raises(RecordError) as info:
        update_exit(db, exit_id, _bad_draft(db, last_day=last_day, notice_date=None))
    assert info.value.field == "last_day"
    assert "2024-09-01" in str(info.value)
    assert dump(db) == before


def test_update_exit_last_day_just_before_rehire_allowed(db) -> None:
    wang, first = hire(db, hired=date(2024, 1, 1))
    exit_id = leave(db, first, date(2024, 6, 30))
    rehire(db, wang, date(2024, 9, 1))
    update_exit(db, exit_id, ExitDraft(last_day=date(2024, 8, 31)))
    assert db.execute("SELECT end_date FROM spells WHERE id = ?", [first]).fetchone() == (
        "2024-08-31",
    )


def test_update_exit_refused_by_the_file_rolls_back(db, left) -> None:
    before = dump(db)
    with pytest.raises(RecordError):
        update_exit(db, left["exit"], _bad_draft(db, further_reason_ids=[987654]))
    assert dump(db) == before
    assert not db.conn.in_transaction


def test_update_unknown_exit_refused(db, left) -> None:
    before = dump(db)
    with pytest.raises(RecordError) as info:
        update_exit(db, 4242, ExitDraft(last_day=date(2025, 1, 1)))
    assert info.value.field == "exit"
    assert dump(db) == before


# --- cancel_exit -------------------------------------------------------------------------


def test_cancel_exit_makes_the_person_active_again(db, left) -> None:
    li_before = person_rows(db, left["li"])
    assert cancel_exit(db, left["exit"]) == left["wang"]
    assert db.execute("SELECT end_date FROM spells WHERE id = ?", [left["spell"]]).fetchone() == (
        None,
    )
    for table in ("exits", "exit_further_reasons", "handover_items"):
        assert person_rows(db, left["wang"])[table] == [], table
    assert db.execute("SELECT id FROM exits").fetchall() == [(left["li_exit"],)]
    assert open_spell(db, left["wang"]) == left["spell"]
    assert roster(db, left["wang"])[0].end_date is None
    assert exit_record(db, left["exit"]) is None
    assert person_rows(db, left["li"]) == li_before


def test_cancel_exit_refused_when_rehired_after(db) -> None:
    wang, first = hire(db, hired=date(2024, 1, 1))
    exit_id = leave(db, first, date(2024, 6, 30), handover=[HandoverItem("equipment")])
    rehire(db, wang, date(2024, 9, 1))
    before = dump(db)
    with pytest.raises(RecordError) as info:
        cancel_exit(db, exit_id)
    assert info.value.field == "exit"
    assert "2024-09-01" in str(info.value)
    assert dump(db) == before


def test_cancel_latest_exit_after_a_rehire_allowed(db) -> None:
    wang, first = hire(db, hired=date(2024, 1, 1))
    first_exit = leave(db, first, date(2024, 6, 30))
    second = rehire(db, wang, date(2024, 9, 1))
    second_exit = leave(db, second, date(2025, 3, 31))
    cancel_exit(db, second_exit)
    assert db.execute("SELECT id, end_date FROM spells ORDER BY id").fetchall() == [
        (first, "2024-06-30"),
        (second, None),
    ]
    assert db.execute("SELECT id FROM exits").fetchall() == [(first_exit,)]


def test_cancel_unknown_exit_refused(db) -> None:
    with pytest.raises(RecordError) as info:
        cancel_exit(db, 4242)
    assert info.value.field == "exit"


# --- delete_employee ---------------------------------------------------------------------


def test_delete_employee_removes_everything_of_that_person_only(db) -> None:
    wang = person_with_everything(db, "Wang", "E1")
    li = person_with_everything(db, "Li", "E2")
    add_action(db, None, action_type(db, "team_activity"), "2024-05-01", team="Sales")
    before = dump(db)
    wang_rows = person_rows(db, wang)
    li_rows = person_rows(db, li)
    assert all(wang_rows[t] for t in OWNED)  # the person really has rows everywhere

    delete_employee(db, wang)

    assert person_rows(db, wang) == {table: [] for table in OWNED}
    assert person_rows(db, li) == li_rows
    after = dump(db)
    for table in OWNED:
        assert len(after[table]) == len(before[table]) - len(wang_rows[table]), table
    # the team-level action and the lists stay
    assert after["retention_actions"] == [
        r for r in before["retention_actions"] if r not in wang_rows["retention_actions"]
    ]
    for table in ("exit_reasons", "action_types", "settings"):
        assert after[table] == before[table]


def test_delete_unknown_employee_refused(db) -> None:
    person_with_everything(db, "Wang", "E1")
    before = dump(db)
    with pytest.raises(RecordError) as info:
        delete_employee(db, 4242)
    assert info.value.field == "employee"
    assert dump(db) == before


# --- rules kept by the file itself -------------------------------------------------------


def test_schema_refuses_a_second_open_spell(db) -> None:
    employee_id, _ = hire(db)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO spells (employee_id, hire_date) VALUES (?, '2025-01-01')", [employee_id]
        )
    assert db.execute("SELECT count(*) FROM spells").fetchone()[0] == 1
    # a closed earlier spell beside the open one is fine
    db.execute(
        "INSERT INTO spells (employee_id, hire_date, end_date) VALUES (?, '2020-01-01', "
        "'2020-12-31')",
        [employee_id],
    )
    assert db.execute("SELECT count(*) FROM spells").fetchone()[0] == 2


def test_schema_refuses_end_before_hire(db) -> None:
    employee_id, spell_id = hire(db, hired=date(2024, 3, 1))
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        db.execute("UPDATE spells SET end_date = '2024-02-28' WHERE id = ?", [spell_id])
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        db.execute(
            "INSERT INTO spells (employee_id, hire_date, end_date) "
            "VALUES (?, '2020-05-01', '2020-04-30')",
            [employee_id],
        )
    assert db.execute("SELECT end_date FROM spells").fetchall() == [(None,)]


def test_schema_refuses_malformed_dates_and_blank_names(db) -> None:
    employee_id, _ = hire(db)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO spells (employee_id, hire_date, end_date) "
            "VALUES (?, '2020-1-5', '2020-02-01')",
            [employee_id],
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO employees (name) VALUES ('   ')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO employees (name, employee_no) VALUES ('X', ' ')")
    assert db.execute("SELECT count(*) FROM employees").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM spells").fetchone()[0] == 1
