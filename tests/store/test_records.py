"""Writing employees, exits and rehires: cleaned values, refusals that write nothing, and
the data rules the schema itself keeps."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from retention_desktop.domain.records import EmployeeDraft, ExitDraft, HandoverItem
from retention_desktop.store import catalog
from retention_desktop.store.errors import RecordError
from retention_desktop.store.records import add_employee, record_exit, rehire

TODAY = date(2025, 6, 30)
TABLES = ("employees", "spells", "exits", "exit_further_reasons", "handover_items")


def row_counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def hire(db, name: str = "王芳", hired: date = date(2024, 3, 1), **kwargs) -> tuple[int, int]:
    return add_employee(db, EmployeeDraft(name=name, hire_date=hired, **kwargs), today=TODAY)


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
