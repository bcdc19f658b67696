"""Editing records after they were entered: changing and deleting employees and exits,
the per-person snapshots undo works on, the read queries the edit dialogs load from, and the
shop's own reason and action lists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from retention_desktop.domain.records import EmployeeDraft, ExitDraft, HandoverItem
from retention_desktop.store import catalog, snapshots
from retention_desktop.store.catalog import CatalogEdit, list_items, save_catalog, usage_count
from retention_desktop.store.database import open_database
from retention_desktop.store.errors import RecordError
from retention_desktop.store.queries import (
    ExitFilter,
    ExitRecord,
    ExitRow,
    SpellRow,
    actions_of,
    employee_draft,
    exit_record,
    exits,
    open_spell,
    roster,
    spells_of,
)
from retention_desktop.store.records import (
    add_employee,
    cancel_exit,
    delete_employee,
    record_exit,
    rehire,
    update_employee,
    update_exit,
)

TODAY = date(2025, 6, 30)
OWNED = (
    "employees",
    "spells",
    "exits",
    "exit_further_reasons",
    "handover_items",
    "retention_actions",
    "risk_flags",
)

# --- helpers -----------------------------------------------------------------------------


def dump(db) -> dict[str, list[tuple]]:
    """Every row of every table in the file, in a fixed order."""
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    out = {}
    for table in tables:
        width = len(db.execute(f"PRAGMA table_info([{table}])").fetchall())
        order = ", ".join(str(i) for i in range(1, width + 1))
        out[table] = db.execute(f"SELECT * FROM [{table}] ORDER BY {order}").fetchall()
    return out


def person_rows(db, employee_id: int) -> dict[str, list[tuple]]:
    """Rows of one person in every table that belongs to them (written independently of
    snapshots.py, so that the two check each other)."""
    exit_ids = (
        "SELECT x.id FROM exits x JOIN spells s ON s.id = x.spell_id WHERE s.employee_id = :id"
    )
    where = {
        "employees": "id = :id",
        "spells": "employee_id = :id",
        "exits": "spell_id IN (SELECT id FROM spells WHERE employee_id = :id)",
        "exit_further_reasons": f"exit_id IN ({exit_ids})",
        "handover_items": f"exit_id IN ({exit_ids})",
        "retention_actions": "employee_id = :id",
        "risk_flags": "employee_id = :id",
    }
    return {
        table: db.execute(
            f"SELECT * FROM {table} WHERE {where[table]} ORDER BY 1, 2", {"id": employee_id}
        ).fetchall()
        for table in OWNED
    }


def hire(db, name: str = "王芳", hired: date = date(2024, 3, 1), **kwargs) -> tuple[int, int]:
    return add_employee(db, EmployeeDraft(name=name, hire_date=hired, **kwargs), today=TODAY)


def leave(db, spell_id: int, last_day: date, **kwargs) -> int:
    return record_exit(db, spell_id, ExitDraft(last_day=last_day, **kwargs))


def reason(db, code: str) -> int:
    return catalog.id_for_code(db, "exit_reasons", code)


def action_type(db, code: str) -> int:
    return catalog.id_for_code(db, "action_types", code)


def add_action(
    db,
    employee_id: int | None,
    type_id: int,
    planned: str,
    *,
    title: str = "",
    team: str | None = None,
    due: str | None = None,
    status: str = "planned",
    done: str | None = None,
) -> int:
    return db.execute(
        """INSERT INTO retention_actions (employee_id, team, action_type_id, title,
               planned_date, due_date, owner, cost, notes, status, done_date, outcome)
           VALUES (?, ?, ?, ?, ?, ?, 'Boss', 120.5, 'n', ?, ?, '')""",
        [employee_id, team, type_id, title, planned, due, status, done],
    ).lastrowid


def add_flag(
    db,
    employee_id: int,
    level: str,
    flagged_on: str,
    *,
    reason_id: int | None = None,
    cleared_on: str | None = None,
) -> int:
    return db.execute(
        """INSERT INTO risk_flags (employee_id, level, reason_id, flagged_on, note, cleared_on)
           VALUES (?, ?, ?, ?, 'watch', ?)""",
        [employee_id, level, reason_id, flagged_on, cleared_on],
    ).lastrowid


def stamp_everything(db) -> None:
    """Give every timestamped row distinctive, old timestamps, so that a row re-created with
    fresh default stamps cannot pass for the original."""
    for table in ("employees", "spells", "exits", "handover_items", "retention_actions"):
        db.execute(
            f"UPDATE {table} SET created_at = printf('2019-01-%02dT08:00:00Z', id), "
            f"updated_at = printf('2019-02-%02dT09:30:00Z', id)"
        )
    db.execute(
        "UPDATE risk_flags SET created_at = printf('2018-03-%02dT10:00:00Z', id), "
        "updated_at = printf('2018-04-%02dT11:00:00Z', id)"
    )


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


def _person_with_everything(db, name: str, number: str) -> int:
    employee_id, first = hire(db, name, date(2022, 1, 1), employee_no=number, team="Sales")
    leave(
        db,
        first,
        date(2023, 3, 31),
        primary_reason_id=reason(db, "pay"),
        further_reason_ids=[reason(db, "pressure"), reason(db, "family")],
        handover=[HandoverItem("equipment", done=True), HandoverItem(None, label="钥匙")],
    )
    rehire(db, employee_id, date(2023, 6, 1), team="Kitchen")
    add_action(db, employee_id, action_type(db, "checkin"), "2024-01-10")
    add_action(
        db,
        employee_id,
        action_type(db, "mentor"),
        "2024-02-10",
        status="done",
        done="2024-02-20",
    )
    add_flag(db, employee_id, "high", "2024-03-01", reason_id=reason(db, "pay"))
    add_flag(db, employee_id, "low", "2023-09-01", cleared_on="2023-10-01")
    return employee_id


def test_delete_employee_removes_everything_of_that_person_only(db) -> None:
    wang = _person_with_everything(db, "Wang", "E1")
    li = _person_with_everything(db, "Li", "E2")
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
    _person_with_everything(db, "Wang", "E1")
    before = dump(db)
    with pytest.raises(RecordError) as info:
        delete_employee(db, 4242)
    assert info.value.field == "employee"
    assert dump(db) == before


# --- snapshots ---------------------------------------------------------------------------


@pytest.fixture
def rich(db):
    """Wang (entered first, so the lowest ids) has two spells, an exit with further reasons
    and handover, actions and risk flags; Li, entered after, has some of each too."""
    wang = _person_with_everything(db, "Wang", "E1")
    li = _person_with_everything(db, "Li", "E2")
    stamp_everything(db)
    return {"wang": wang, "li": li}


def test_snapshot_take_delete_put_restores_every_row(db, rich) -> None:
    before = dump(db)
    state = snapshots.take(db, rich["wang"])
    assert state is not None
    assert state.employee_id == rich["wang"]
    assert {t: len(rows) for t, rows in state.rows.items()} == {
        "employees": 1,
        "spells": 2,
        "exits": 1,
        "exit_further_reasons": 2,
        "handover_items": 2,
        "retention_actions": 2,
        "risk_flags": 2,
    }

    delete_employee(db, rich["wang"])
    assert snapshots.take(db, rich["wang"]) is None
    assert dump(db) != before

    snapshots.put(db, rich["wang"], state)
    assert dump(db) == before
    assert not db.conn.in_transaction


def test_snapshot_put_none_deletes_the_person(db, rich) -> None:
    li_rows = person_rows(db, rich["li"])
    state = snapshots.take(db, rich["wang"])
    snapshots.put(db, rich["wang"], None)
    assert snapshots.take(db, rich["wang"]) is None
    assert person_rows(db, rich["wang"]) == {table: [] for table in OWNED}
    assert person_rows(db, rich["li"]) == li_rows
    snapshots.put(db, rich["wang"], None)  # already gone: still fine
    snapshots.put(db, rich["wang"], state)
    assert person_rows(db, rich["wang"]) == {
        t: sorted(tuple(row.values()) for row in rows) for t, rows in state.rows.items()
    }


def test_snapshot_put_of_older_state_undoes_an_edit_and_redo_works(db, rich) -> None:
    wang = rich["wang"]
    older = snapshots.take(db, wang)
    before = dump(db)
    exit_id = db.execute(
        "SELECT x.id FROM exits x JOIN spells s ON s.id = x.spell_id WHERE s.employee_id = ?",
        [wang],
    ).fetchone()[0]

    update_employee(
        db, wang, EmployeeDraft("Wang Renamed", date(2023, 7, 1), "E9", "Bar"), today=TODAY
    )
    update_exit(
        db,
        exit_id,
        ExitDraft(
            last_day=date(2023, 4, 30),
            primary_reason_id=reason(db, "training"),
            further_reason_ids=[reason(db, "health")],
            handover=[HandoverItem("final_pay"), HandoverItem("accounts"), HandoverItem("x")],
        ),
    )
    add_flag(db, wang, "medium", "2025-01-01")
    add_action(db, wang, action_type(db, "pay_review"), "2025-02-01")
    db.execute("DELETE FROM retention_actions WHERE employee_id = ? AND status = 'done'", [wang])
    edited = dump(db)
    newer = snapshots.take(db, wang)
    assert edited != before

    snapshots.put(db, wang, older)  # undo
    assert dump(db) == before
    snapshots.put(db, wang, newer)  # redo
    assert dump(db) == edited


def test_snapshot_restores_a_cancelled_exit(db, rich) -> None:
    wang = rich["wang"]
    second = db.execute(
        "SELECT id FROM spells WHERE employee_id = ? AND end_date IS NULL", [wang]
    ).fetchone()[0]
    exit_id = leave(db, second, date(2025, 5, 31), handover=[HandoverItem("equipment")])
    before = dump(db)
    state = snapshots.take(db, wang)
    cancel_exit(db, exit_id)
    snapshots.put(db, wang, state)
    assert dump(db) == before


def test_snapshot_of_another_employee_refused(db, rich) -> None:
    state = snapshots.take(db, rich["wang"])
    before = dump(db)
    with pytest.raises(ValueError, match="another employee"):
        snapshots.put(db, rich["li"], state)
    assert dump(db) == before


def test_take_of_unknown_employee_is_none(db, rich) -> None:
    assert snapshots.take(db, 4242) is None


def test_owned_tables_cover_every_table_that_refers_to_a_person(db) -> None:
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    parents = {
        table: {fk[2] for fk in db.execute(f"PRAGMA foreign_key_list([{table}])")}
        for table in tables
    }
    owned = {"employees"}
    grew = True
    while grew:
        grew = False
        for table, refs in parents.items():
            if table not in owned and refs & owned:
                owned.add(table)
                grew = True
    # the walk finds what the schema is known to hold (so it is not vacuous) ...
    assert {"spells", "exits", "handover_items", "risk_flags"} <= owned
    # ... and undo knows every one of them, and nothing else
    missing = owned - set(snapshots.OWNED_TABLES)
    assert not missing, f"snapshots.OWNED_TABLES lacks {sorted(missing)}"
    assert set(snapshots.OWNED_TABLES) == owned
    assert len(snapshots.OWNED_TABLES) == len(set(snapshots.OWNED_TABLES))
    # parents come before children, so that put() can insert in this order
    order = {table: i for i, table in enumerate(snapshots.OWNED_TABLES)}
    for table in snapshots.OWNED_TABLES:
        for parent in parents[table] & owned - {table}:
            assert order[parent] < order[table], (parent, table)


# --- queries: roster, employee_draft, spells_of, open_spell, actions_of -------------------


def test_roster_of_one_employee(db) -> None:
    wang, first = hire(db, "Wang Fang", date(2022, 1, 10), team="客服", employee_no="E1")
    leave(db, first, date(2023, 5, 31))
    rehire(db, wang, date(2024, 2, 1), team="售后", position="组长")
    li, _ = hire(db, "Li Na", date(2023, 3, 3), team="Sales", phone="139")
    add_flag(db, li, "low", "2024-01-01")
    add_flag(db, li, "high", "2024-02-01")
    add_flag(db, wang, "high", "2024-02-01", cleared_on="2024-03-01")
    zhang, z_spell = hire(db, "Zhang", date(2024, 7, 1))
    leave(db, z_spell, date(2024, 12, 31))

    everyone = roster(db)
    assert [r.employee_id for r in everyone] == [wang, li, zhang]
    by_id = {r.employee_id: r for r in everyone}
    assert by_id[wang] == (
        wang,
        "E1",
        "Wang Fang",
        "售后",
        "组长",
        date(2024, 2, 1),
        None,
        "",
        None,
    )
    assert by_id[li] == (li, "", "Li Na", "Sales", "", date(2023, 3, 3), None, "139", "high")
    assert by_id[zhang].end_date == date(2024, 12, 31)
    for employee_id in (wang, li, zhang):
        assert roster(db, employee_id) == [by_id[employee_id]]
    assert roster(db, 4242) == []


def test_employee_draft_is_the_latest_spell(db) -> None:
    wang, first = hire(
        db, "Wang Fang", date(2022, 1, 10), team="客服", position="专员", notes="note"
    )
    leave(db, first, date(2023, 5, 31))
    rehire(db, wang, date(2024, 2, 1), team="售后", position="组长")
    assert employee_draft(db, wang) == EmployeeDraft(
        name="Wang Fang",
        hire_date=date(2024, 2, 1),
        employee_no=None,
        team="售后",
        position="组长",
        phone="",
        notes="note",
    )
    assert employee_draft(db, 4242) is None


@pytest.mark.parametrize(("lang", "pay_label"), [("zh_CN", "薪资待遇"), ("en", "Pay and benefits")])
def test_spells_of_with_exit_type_and_reason(db, lang: str, pay_label: str) -> None:
    wang, first = hire(db, "Wang", date(2021, 1, 1), team="客服", position="专员")
    first_exit = leave(
        db,
        first,
        date(2021, 12, 31),
        exit_type="voluntary",
        primary_reason_id=reason(db, "pay"),
        further_reason_ids=[reason(db, "family")],
    )
    second = rehire(db, wang, date(2022, 6, 1), team="售后")
    second_exit = leave(db, second, date(2023, 1, 31), exit_type="involuntary")
    third = rehire(db, wang, date(2024, 2, 1), team="Sales", position="组长")
    other, _ = hire(db, "Li", date(2020, 1, 1))

    assert spells_of(db, wang, lang) == [
        SpellRow(
            first,
            date(2021, 1, 1),
            date(2021, 12, 31),
            "客服",
            "专员",
            first_exit,
            "voluntary",
            pay_label,
        ),
        SpellRow(
            second,
            date(2022, 6, 1),
            date(2023, 1, 31),
            "售后",
            "",
            second_exit,
            "involuntary",
            None,
        ),
        SpellRow(third, date(2024, 2, 1), None, "Sales", "组长", None, None, None),
    ]
    assert len(spells_of(db, other, lang)) == 1
    assert spells_of(db, 4242, lang) == []


def test_open_spell(db) -> None:
    wang, first = hire(db, hired=date(2022, 1, 1))
    assert open_spell(db, wang) == first
    leave(db, first, date(2022, 12, 31))
    assert open_spell(db, wang) is None
    second = rehire(db, wang, date(2023, 2, 1))
    assert open_spell(db, wang) == second
    assert open_spell(db, 4242) is None


@pytest.mark.parametrize(
    ("lang", "checkin", "mentor"),
    [("zh_CN", "一对一谈心", "导师带教"), ("en", "Check-in conversation", "Mentor")],
)
def test_actions_of_by_planned_date(db, lang: str, checkin: str, mentor: str) -> None:
    wang, _ = hire(db, "Wang")
    li, _ = hire(db, "Li")
    late = add_action(db, wang, action_type(db, "checkin"), "2024-05-01", title="谈心")
    early = add_action(
        db,
        wang,
        action_type(db, "mentor"),
        "2024-02-01",
        title="带教",
        due="2024-03-01",
        status="done",
        done="2024-02-28",
    )
    same_day = add_action(db, wang, action_type(db, "mentor"), "2024-05-01", status="cancelled")
    add_action(db, li, action_type(db, "checkin"), "2024-01-01")
    add_action(db, None, action_type(db, "checkin"), "2024-01-01", team="Sales")

    assert [
        (a.action_id, a.action_type, a.title, a.planned_date, a.due_date, a.status, a.done_date)
        for a in actions_of(db, wang, lang)
    ] == [
        (early, mentor, "带教", date(2024, 2, 1), date(2024, 3, 1), "done", date(2024, 2, 28)),
        (late, checkin, "谈心", date(2024, 5, 1), None, "planned", None),
        (same_day, mentor, "", date(2024, 5, 1), None, "cancelled", None),
    ]
    assert len(actions_of(db, li, lang)) == 1
    assert actions_of(db, 4242, lang) == []


# --- queries: exit_record ----------------------------------------------------------------


def test_exit_record_round_trip(db) -> None:
    wang, spell = hire(db, "Wang Fang", date(2024, 3, 1))
    # further reasons in the list's own order (pressure before family), as the dialog shows
    draft = ExitDraft(
        last_day=date(2025, 5, 31),
        exit_type="voluntary",
        primary_reason_id=reason(db, "pay"),
        further_reason_ids=[reason(db, "pressure"), reason(db, "family")],
        notice_date=date(2025, 5, 1),
        regrettable=True,
        eligible_for_rehire=False,
        conversation_notes="想离家近一点\n第二行",
        handover=[
            HandoverItem("knowledge"),
            HandoverItem("complaints", done=True, done_date=date(2025, 5, 30), note="交给李娜"),
            HandoverItem(None, label="钥匙", done=True, note="前台"),
            HandoverItem("accounts", done=True),
        ],
    )
    exit_id = record_exit(db, spell, draft)
    assert exit_record(db, exit_id) == ExitRecord(
        exit_id, spell, wang, "Wang Fang", date(2024, 3, 1), draft
    )


def test_exit_record_minimal_exit(db) -> None:
    _, spell = hire(db, "Wang", date(2024, 3, 1))
    draft = ExitDraft(last_day=date(2024, 3, 1))
    exit_id = record_exit(db, spell, draft)
    record = exit_record(db, exit_id)
    assert record.draft == draft
    assert record.draft.eligible_for_rehire is None
    assert exit_record(db, 4242) is None


def test_exit_record_further_reasons_deduplicated_in_list_order(db) -> None:
    _, spell = hire(db)
    family, pressure = reason(db, "family"), reason(db, "pressure")
    exit_id = leave(db, spell, date(2025, 1, 31), further_reason_ids=[family, pressure, family])
    assert exit_record(db, exit_id).draft.further_reason_ids == [pressure, family]


# --- queries: exits ----------------------------------------------------------------------


@pytest.fixture
def shop(db):
    """Exits named by letter; exit ids ascend A, B, C, D, F."""
    ids = {code: reason(db, code) for code in ("pay", "pressure", "family", "misconduct")}
    a, a_spell = hire(db, "A", date(2023, 1, 1), team="Sales", position="专员")
    b, b_spell = hire(db, "B", date(2023, 2, 1), team="Kitchen")
    c, c_spell = hire(db, "C", date(2023, 3, 1), team="Sales")
    d, d_spell = hire(db, "D", date(2022, 1, 1), team="Kitchen", employee_no="K1")
    hire(db, "E (still here)", date(2022, 1, 1), team="Sales")
    f, f_spell = hire(db, "F", date(2021, 1, 1), team="Sales")
    exit_ids = {
        "A": leave(
            db,
            a_spell,
            date(2024, 1, 31),
            exit_type="voluntary",
            primary_reason_id=ids["pay"],
            further_reason_ids=[ids["pressure"], ids["family"]],
            notice_date=date(2024, 1, 5),
            regrettable=True,
            eligible_for_rehire=True,
            handover=[HandoverItem("equipment", done=True), HandoverItem("accounts")],
        ),
        "B": leave(
            db,
            b_spell,
            date(2024, 3, 15),
            exit_type="involuntary",
            primary_reason_id=ids["misconduct"],
            eligible_for_rehire=False,
            handover=[HandoverItem("equipment", done=True), HandoverItem("accounts", done=True)],
        ),
        "C": leave(db, c_spell, date(2024, 2, 29)),
        "D": leave(
            db,
            d_spell,
            date(2024, 1, 31),
            exit_type="voluntary",
            primary_reason_id=ids["pay"],
            handover=[HandoverItem("final_pay")],
        ),
        "F": leave(
            db, f_spell, date(2023, 6, 30), exit_type="voluntary", primary_reason_id=ids["family"]
        ),
    }
    rehire(db, f, date(2023, 9, 1), team="Kitchen")  # F's exit stays a Sales exit
    return {
        "reasons": ids,
        "exits": exit_ids,
        "people": {"A": a, "B": b, "C": c, "D": d, "F": f},
    }


def _letters(shop, rows: list[ExitRow]) -> list[str]:
    by_id = {v: k for k, v in shop["exits"].items()}
    return [by_id[r.exit_id] for r in rows]


def test_exits_latest_last_day_first(db, shop) -> None:
    # D and A share a last day: the later entered (higher id) comes first
    assert _letters(shop, exits(db, "en")) == ["B", "C", "D", "A", "F"]
    assert _letters(shop, exits(db, "en", ExitFilter())) == ["B", "C", "D", "A", "F"]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (ExitFilter(first=date(2024, 1, 31)), ["B", "C", "D", "A"]),
        (ExitFilter(first=date(2024, 2, 1)), ["B", "C"]),
        (ExitFilter(last=date(2024, 2, 29)), ["C", "D", "A", "F"]),
        (ExitFilter(last=date(2024, 2, 28)), ["D", "A", "F"]),
        (ExitFilter(first=date(2024, 1, 31), last=date(2024, 2, 29)), ["C", "D", "A"]),
        (ExitFilter(first=date(2024, 3, 16)), []),
        (ExitFilter(team="Sales"), ["C", "A", "F"]),
        (ExitFilter(team="Kitchen"), ["B", "D"]),
        (ExitFilter(team="Nobody"), []),
        (ExitFilter(exit_type="voluntary"), ["D", "A", "F"]),
        (ExitFilter(exit_type="involuntary"), ["B"]),
        (ExitFilter(exit_type="unspecified"), ["C"]),
        (ExitFilter(handover_unfinished=True), ["D", "A"]),
        (ExitFilter(team="Sales", exit_type="voluntary"), ["A", "F"]),
        (ExitFilter(team="Kitchen", handover_unfinished=True, last=date(2024, 1, 31)), ["D"]),
    ],
)
def test_exits_filters(db, shop, where: ExitFilter, expected: list[str]) -> None:
    assert _letters(shop, exits(db, "en", where)) == expected


@pytest.mark.parametrize(
    ("code", "expected"), [("pay", ["D", "A"]), ("misconduct", ["B"]), ("family", ["F"])]
)
def test_exits_filter_by_primary_reason(db, shop, code: str, expected: list[str]) -> None:
    # A has "family" as a further reason only: the filter is on the primary reason
    where = ExitFilter(reason_id=shop["reasons"][code])
    assert _letters(shop, exits(db, "zh_CN", where)) == expected


@pytest.mark.parametrize(
    ("lang", "pay", "further"),
    [
        ("en", "Pay and benefits", ["High work pressure", "Family or moving back home"]),
        ("zh_CN", "薪资待遇", ["工作压力大", "家庭/回老家"]),
    ],
)
def test_exit_row_contents(db, shop, lang: str, pay: str, further: list[str]) -> None:
    rows = {r.exit_id: r for r in exits(db, lang)}
    a = rows[shop["exits"]["A"]]
    # in the reason list's order, joined as the language writes a list
    assert a.further == ("、" if lang == "zh_CN" else ", ").join(further)
    assert a._replace(further="") == ExitRow(
        exit_id=shop["exits"]["A"],
        employee_id=shop["people"]["A"],
        employee_no="",
        name="A",
        team="Sales",
        position="专员",
        hire_date=date(2023, 1, 1),
        last_day=date(2024, 1, 31),
        notice_date=date(2024, 1, 5),
        exit_type="voluntary",
        reason_id=shop["reasons"]["pay"],
        reason=pay,
        further="",
        regrettable=True,
        eligible_for_rehire=True,
        handover_done=1,
        handover_total=2,
    )
    assert a.handover_unfinished
    b = rows[shop["exits"]["B"]]
    assert (b.further, b.eligible_for_rehire, b.handover_done, b.handover_total) == (
        "",
        False,
        2,
        2,
    )
    assert not b.handover_unfinished
    c = rows[shop["exits"]["C"]]
    assert (c.exit_type, c.reason_id, c.reason, c.notice_date) == (None, None, None, None)
    assert (c.regrettable, c.eligible_for_rehire) == (False, None)
    assert (c.handover_done, c.handover_total) == (0, 0)
    assert not c.handover_unfinished  # no handover items at all is not "unfinished"
    d = rows[shop["exits"]["D"]]
    assert (d.employee_no, d.handover_done, d.handover_total) == ("K1", 0, 1)
    f = rows[shop["exits"]["F"]]
    assert (f.team, f.hire_date, f.last_day) == ("Sales", date(2021, 1, 1), date(2023, 6, 30))


# --- catalog -----------------------------------------------------------------------------


def edits(db, table: str, lang: str) -> list[CatalogEdit]:
    """The whole list as the editor would hand it back unchanged."""
    return [
        CatalogEdit(item.id, item.label, item.category, item.retired)
        for item in list_items(db, table, lang, include_retired=True)
    ]


def entry_row(db, entry_id: int, table: str = "exit_reasons") -> tuple:
    return db.execute(
        f"SELECT code, label_zh, label_en, category, builtin, renamed, retired, position "
        f"FROM {table} WHERE id = ?",
        [entry_id],
    ).fetchone()


def test_save_catalog_unchanged_list_changes_nothing_not_even_stamps(db) -> None:
    db.execute("UPDATE exit_reasons SET updated_at = '2020-01-01T00:00:00Z'")
    before = db.execute("SELECT * FROM exit_reasons ORDER BY id").fetchall()
    save_catalog(db, "exit_reasons", "en", edits(db, "exit_reasons", "en"))
    assert db.execute("SELECT * FROM exit_reasons ORDER BY id").fetchall() == before
    # an entry that did change is stamped
    changed = edits(db, "exit_reasons", "en")
    changed[0].retired = True
    save_catalog(db, "exit_reasons", "en", changed)
    stamps = db.execute("SELECT id, updated_at FROM exit_reasons ORDER BY id").fetchall()
    assert stamps[0][1] > "2020-01-01T00:00:00Z"
    assert {s[1] for s in stamps[1:]} == {"2020-01-01T00:00:00Z"}


def test_save_catalog_adds_a_new_entry_at_its_position(db) -> None:
    entries = edits(db, "exit_reasons", "en")
    entries.insert(1, CatalogEdit(None, "  Commute too long ", "personal"))
    save_catalog(db, "exit_reasons", "en", entries)
    items = list_items(db, "exit_reasons", "en")
    assert [i.label for i in items[:3]] == [
        "Pay and benefits",
        "Commute too long",
        "Better offer elsewhere",
    ]
    new = items[1]
    assert (new.code, new.builtin, new.retired, new.category) == (None, False, False, "personal")
    assert entry_row(db, new.id) == (
        None,
        "Commute too long",
        "Commute too long",
        "personal",
        0,
        0,
        0,
        1,
    )
    positions = [
        r[0] for r in db.execute("SELECT position FROM exit_reasons ORDER BY position, id")
    ]
    assert positions == list(range(len(entries)))


def test_save_catalog_renaming_a_builtin_keeps_the_other_language(db) -> None:
    pay = reason(db, "pay")
    entries = edits(db, "exit_reasons", "zh_CN")
    [entry] = [e for e in entries if e.id == pay]
    entry.label = "工资太低"
    save_catalog(db, "exit_reasons", "zh_CN", entries)
    assert entry_row(db, pay)[1:6] == ("工资太低", "Pay and benefits", "pay", 1, 1)
    assert db.execute("SELECT count(*) FROM exit_reasons WHERE renamed = 1").fetchone()[0] == 1

    # a built-in nobody renamed is refreshed by sync; the renamed one is left alone
    training = reason(db, "training")
    db.execute("UPDATE exit_reasons SET label_en = 'Stale' WHERE id = ?", [training])
    catalog.sync_builtins(db)
    assert entry_row(db, training)[2] == "Not enough training"
    assert entry_row(db, pay)[1:3] == ("工资太低", "Pay and benefits")
    labels = {i.id: i.label for i in list_items(db, "exit_reasons", "zh_CN")}
    assert labels[pay] == "工资太低"
    assert {i.id: i.label for i in list_items(db, "exit_reasons", "en")}[pay] == "Pay and benefits"


def test_renaming_a_builtin_with_equal_labels_keeps_the_other_language(db) -> None:
    # a built-in whose two labels happen to be the same text is still a built-in: only the
    # label of the language being edited changes
    other = reason(db, "other")
    db.execute("UPDATE exit_reasons SET label_en = label_zh, renamed = 1 WHERE id = ?", [other])
    entries = edits(db, "exit_reasons", "zh_CN")
    next(e for e in entries if e.id == other).label = "别的"
    save_catalog(db, "exit_reasons", "zh_CN", entries)
    assert entry_row(db, other)[1:3] == ("别的", "其他")


def test_renamed_builtin_survives_reopening(db, db_path) -> None:
    pay = reason(db, "pay")
    entries = edits(db, "exit_reasons", "en")
    next(e for e in entries if e.id == pay).label = "Money"
    save_catalog(db, "exit_reasons", "en", entries)
    db.close()
    reopened = open_database(db_path)  # runs sync_builtins
    try:
        assert entry_row(reopened, pay)[1:3] == ("薪资待遇", "Money")
    finally:
        reopened.close()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_save_catalog_renaming_own_entry_changes_both_labels(db, lang: str) -> None:
    own = catalog.add_entry(db, "exit_reasons", "Commute", category="personal")
    entries = edits(db, "exit_reasons", lang)
    next(e for e in entries if e.id == own).label = " Long commute "
    save_catalog(db, "exit_reasons", lang, entries)
    assert entry_row(db, own)[1:3] == ("Long commute", "Long commute")
    assert entry_row(db, own)[4] == 0


def test_save_catalog_reorders_by_list_order(db) -> None:
    entries = list(reversed(edits(db, "action_types", "en")))
    save_catalog(db, "action_types", "en", entries)
    assert [i.id for i in list_items(db, "action_types", "en")] == [e.id for e in entries]
    stored = db.execute("SELECT id, position FROM action_types").fetchall()
    assert dict(stored) == {e.id: i for i, e in enumerate(entries)}
    catalog.sync_builtins(db)  # a later start keeps the shop's order
    assert [i.id for i in list_items(db, "action_types", "en")] == [e.id for e in entries]


def test_save_catalog_retire_and_unretire(db) -> None:
    other = reason(db, "other")
    entries = edits(db, "exit_reasons", "en")
    next(e for e in entries if e.id == other).retired = True
    save_catalog(db, "exit_reasons", "en", entries)
    assert other not in [i.id for i in list_items(db, "exit_reasons", "en")]
    retired = [i for i in list_items(db, "exit_reasons", "en", include_retired=True) if i.retired]
    assert [i.id for i in retired] == [other]
    assert entry_row(db, other)[6] == 1

    entries = edits(db, "exit_reasons", "en")
    next(e for e in entries if e.id == other).retired = False
    save_catalog(db, "exit_reasons", "en", entries)
    assert other in [i.id for i in list_items(db, "exit_reasons", "en")]
    assert entry_row(db, other)[6] == 0


def test_list_items_hides_retired_unless_asked(db) -> None:
    own = catalog.add_entry(db, "action_types", "Bubble tea")
    db.execute("UPDATE action_types SET retired = 1 WHERE id = ?", [own])
    shown = list_items(db, "action_types", "zh_CN")
    everything = list_items(db, "action_types", "zh_CN", include_retired=True)
    assert own not in [i.id for i in shown]
    assert len(everything) == len(shown) + 1
    assert next(i for i in everything if i.id == own).retired
    assert not any(i.retired for i in shown)
    with pytest.raises(ValueError, match="nope"):
        list_items(db, "nope", "en")


def test_save_catalog_deletes_an_unused_own_entry(db) -> None:
    own = catalog.add_entry(db, "exit_reasons", "Commute")
    entries = [e for e in edits(db, "exit_reasons", "en") if e.id != own]
    save_catalog(db, "exit_reasons", "en", entries)
    assert entry_row(db, own) is None


def test_save_catalog_refuses_to_delete_a_builtin(db) -> None:
    pay = reason(db, "pay")
    entries = [e for e in edits(db, "exit_reasons", "en") if e.id != pay]
    entries[0].label = "Renamed in the refused save"
    entries.append(CatalogEdit(None, "New in the refused save", "other"))
    before = dump(db)
    with pytest.raises(RecordError) as info:
        save_catalog(db, "exit_reasons", "en", entries)
    assert info.value.field == "label"
    assert dump(db) == before


@pytest.mark.parametrize("use", ["primary", "further", "risk_flag"])
def test_save_catalog_refuses_to_delete_a_used_own_entry(db, use: str) -> None:
    unused = catalog.add_entry(db, "exit_reasons", "Unused")  # lower id: deleted first
    used = catalog.add_entry(db, "exit_reasons", "Used")
    employee_id, spell = hire(db)
    if use == "primary":
        leave(db, spell, date(2025, 1, 31), primary_reason_id=used)
    elif use == "further":
        leave(db, spell, date(2025, 1, 31), further_reason_ids=[used])
    else:
        add_flag(db, employee_id, "high", "2025-01-01", reason_id=used)
    assert usage_count(db, "exit_reasons", used) == 1
    entries = [e for e in edits(db, "exit_reasons", "en") if e.id not in (used, unused)]
    entries[0].label = "Renamed in the refused save"
    before = dump(db)
    with pytest.raises(RecordError) as info:
        save_catalog(db, "exit_reasons", "en", entries)
    assert info.value.field == "label"
    assert dump(db) == before  # the unused one deleted before the refusal is back too
    assert not db.conn.in_transaction


def test_save_catalog_action_type_in_use_not_deleted_unused_deleted(db) -> None:
    used = catalog.add_entry(db, "action_types", "Hotpot dinner")
    unused = catalog.add_entry(db, "action_types", "Karaoke")
    wang, _ = hire(db)
    add_action(db, wang, used, "2025-01-01")
    before = dump(db)
    with pytest.raises(RecordError):
        save_catalog(
            db, "action_types", "en", [e for e in edits(db, "action_types", "en") if e.id != used]
        )
    assert dump(db) == before
    save_catalog(
        db, "action_types", "en", [e for e in edits(db, "action_types", "en") if e.id != unused]
    )
    assert entry_row(db, unused, "action_types") is None
    assert entry_row(db, used, "action_types") is not None


@pytest.mark.parametrize(
    ("lang", "bad"),
    [
        ("en", ["   "]),
        ("en", [""]),
        ("en", ["Commute", " commute "]),
        ("en", ["pay AND benefits"]),  # clashes with the built-in "Pay and benefits"
        ("zh_CN", ["薪资待遇"]),
    ],
)
def test_save_catalog_refuses_empty_and_duplicate_labels(db, lang: str, bad: list[str]) -> None:
    entries = edits(db, "exit_reasons", lang)
    entries[1].label = "Renamed in the refused save"
    entries += [CatalogEdit(None, label, "other") for label in bad]
    before = dump(db)
    with pytest.raises(RecordError) as info:
        save_catalog(db, "exit_reasons", lang, entries)
    assert info.value.field == "label"
    assert dump(db) == before


def test_save_catalog_refuses_duplicate_rename_of_existing_entries(db) -> None:
    entries = edits(db, "exit_reasons", "en")
    entries[2].label = entries[3].label.upper()
    before = dump(db)
    with pytest.raises(RecordError):
        save_catalog(db, "exit_reasons", "en", entries)
    assert dump(db) == before


def test_save_catalog_unknown_id_or_table_refused(db) -> None:
    before = dump(db)
    with pytest.raises(RecordError):
        save_catalog(
            db,
            "exit_reasons",
            "en",
            [*edits(db, "exit_reasons", "en"), CatalogEdit(987654, "Ghost", "other")],
        )
    with pytest.raises(ValueError, match="employees"):
        save_catalog(db, "employees", "en", [])
    assert dump(db) == before


def test_usage_count(db) -> None:
    own = catalog.add_entry(db, "exit_reasons", "Commute")
    pay = reason(db, "pay")
    a, a_spell = hire(db, "A")
    b, b_spell = hire(db, "B")
    c, c_spell = hire(db, "C")
    leave(db, a_spell, date(2025, 1, 31), primary_reason_id=own)
    leave(db, b_spell, date(2025, 1, 31), primary_reason_id=pay, further_reason_ids=[own])
    leave(db, c_spell, date(2025, 1, 31), further_reason_ids=[own, pay])
    add_flag(db, a, "low", "2024-12-01", reason_id=own)
    add_flag(db, b, "low", "2024-12-01")
    assert usage_count(db, "exit_reasons", own) == 4
    assert usage_count(db, "exit_reasons", pay) == 2
    assert usage_count(db, "exit_reasons", reason(db, "family")) == 0

    checkin = action_type(db, "checkin")
    add_action(db, a, checkin, "2025-01-01")
    add_action(db, None, checkin, "2025-01-01", team="Sales")
    assert usage_count(db, "action_types", checkin) == 2
    assert usage_count(db, "action_types", action_type(db, "mentor")) == 0
    with pytest.raises(ValueError, match="spells"):
        usage_count(db, "spells", 1)
    assert c


def _edits(db, lang: str) -> list[CatalogEdit]:
    return [
        CatalogEdit(i.id, i.label, i.category, i.retired)
        for i in list_items(db, "exit_reasons", lang, include_retired=True)
    ]


def test_a_builtins_new_category_survives_updating_the_builtins(db) -> None:
    edits = _edits(db, "en")
    pay = next(e for e in edits if e.label == "Pay and benefits")
    pay.category = "growth"
    save_catalog(db, "exit_reasons", "en", edits)
    catalog.sync_builtins(db)
    row = db.execute(
        "SELECT category, recategorized, renamed, label_zh FROM exit_reasons WHERE code = 'pay'"
    ).fetchone()
    assert row == ("growth", 1, 0, "薪资待遇")


def test_an_own_reason_may_not_repeat_a_label_of_the_other_language(db) -> None:
    before = db.execute("SELECT * FROM exit_reasons ORDER BY id").fetchall()
    edits = [*_edits(db, "en"), CatalogEdit(None, "其他", "other")]  # zh label of "Other"
    with pytest.raises(RecordError) as refused:
        save_catalog(db, "exit_reasons", "en", edits)
    assert (refused.value.code, refused.value.value) == ("duplicate", "其他")
    assert db.execute("SELECT * FROM exit_reasons ORDER BY id").fetchall() == before


def test_a_rehire_more_than_a_year_ahead_is_refused(db) -> None:
    today = date(2026, 11, 23)
    employee_id, spell_id = add_employee(db, EmployeeDraft("Li Na", date(2024, 1, 1)), today=today)
    record_exit(db, spell_id, ExitDraft(last_day=date(2025, 1, 31)))
    with pytest.raises(RecordError) as refused:
        rehire(db, employee_id, today + timedelta(days=367), today=today)
    assert (refused.value.field, refused.value.code) == ("hire_date", "too_far_ahead")
    assert rehire(db, employee_id, today + timedelta(days=366), today=today)
