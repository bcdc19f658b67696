"""Undoing the last import: exactly what it added goes and the spells it ended are open
again, after a backup, in one transaction; refused with the reason when records made since
touch what it wrote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_importing import ROWS, dump, row

from retention_desktop.domain.actions import ActionDraft
from retention_desktop.domain.records import EmployeeDraft, ExitDraft
from retention_desktop.store import actions, records
from retention_desktop.store.backup import list_backups
from retention_desktop.store.errors import RecordError
from retention_desktop.store.importing import import_rows
from retention_desktop.store.imports import last_import, undo_last_import

D = date.fromisoformat
TODAY = D("2025-09-01")

# a second file: closes 王芳's open spell (the first file's), adds a rehire of 李娜 and
# two new people, one with a reason nobody had
LATER = [
    row(3, "王芳", "2025-01-06", "2025-08-31", employee_no="A1", exit_reason="工作压力大"),
    row(4, "李娜", "2025-02-01", employee_no="A2", team="售后客服"),
    row(7, "孙丽", "2025-03-01", employee_no="A4"),
    row(8, "周杰", "2024-04-01", "2025-05-31", employee_no="A5", exit_reason="回老家"),
]


@pytest.fixture
def imported(db, db_path: Path):
    """The first file imported and the state it left; then the second file imported."""
    import_rows(db, db_path, ROWS, source="first.xlsx")
    before = dump(db)
    summary = import_rows(db, db_path, LATER, source="later.csv")
    assert summary.written
    assert summary.import_id is not None
    return before


def person(db, number: str) -> int:
    return db.execute("SELECT id FROM employees WHERE employee_no = ?", [number]).fetchone()[0]


def test_the_last_import_is_described(db, imported):
    last = last_import(db)
    assert last is not None
    assert last.source == "later.csv"
    assert (last.employees, last.spells, last.exits, last.closed, last.reasons) == (2, 3, 2, 1, 1)
    assert last.blockers == ()
    assert last.backup.endswith("-import.db")


def test_undo_removes_exactly_what_it_added(db, db_path, imported):
    backups = len(list_backups(db_path))
    undone, backup = undo_last_import(db, db_path)
    assert undone.source == "later.csv"
    assert backup == list_backups(db_path)[-1]
    assert dump(db) == imported  # the spell it ended is open again, the reason gone
    assert len(list_backups(db_path)) == backups + 1
    assert list_backups(db_path)[-1].name.endswith("-undo-import.db")
    # the earlier import cannot be undone: only the latest keeps its rows
    assert last_import(db) is None
    with pytest.raises(RecordError) as refused:
        undo_last_import(db, db_path)
    assert refused.value.code == "no_import"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_file_can_be_imported_again_after_an_undo(db, db_path, imported):
    undo_last_import(db, db_path)
    again = import_rows(db, db_path, LATER, source="later.csv")
    assert (again.employees_added, again.exits_recorded_on_open_spells) == (2, 1)


def _edit_person(db, number):
    employee_id = person(db, number)
    draft = EmployeeDraft(name="孙丽丽", employee_no=number, hire_date=D("2025-03-01"))
    records.update_employee(db, employee_id, draft, today=TODAY)


def _plan_action(db, number):
    draft = ActionDraft(action_type_id=1, planned_date=TODAY)
    actions.plan_action(db, draft, employee_id=person(db, number))


def _rehire_after_closed(db, number):
    records.rehire(db, person(db, number), D("2025-09-01"), today=TODAY)


def _exit_on_open_imported_spell(db, number):
    spell = db.execute("SELECT id FROM spells WHERE employee_id = ? AND end_date IS NULL",
                       [person(db, number)]).fetchone()[0]  # fmt: skip
    records.record_exit(db, spell, ExitDraft(last_day=D("2025-08-15")))


def _reason_used_since(db, _number):
    """张伟 (of the first file) leaves for a reason the second file brought."""
    reason = db.execute("SELECT id FROM exit_reasons WHERE label_zh = '回老家'").fetchone()[0]
    spell = db.execute("SELECT s.id FROM spells s JOIN employees e ON e.id = s.employee_id "
                       "WHERE e.name = '张伟'").fetchone()[0]  # fmt: skip
    records.record_exit(db, spell, ExitDraft(last_day=D("2025-08-20"), primary_reason_id=reason))


def _delete_person(db, number):
    records.delete_employee(db, person(db, number))


@pytest.mark.parametrize(
    ("change", "number", "code", "example"),
    [
        (_edit_person, "A4", "edited", "孙丽丽"),
        (_delete_person, "A5", "edited", ""),
        (_plan_action, "A4", "added_to", "孙丽"),
        (_rehire_after_closed, "A1", "added_to", "王芳"),
        (_exit_on_open_imported_spell, "A4", "edited added_to", "孙丽"),
        (_reason_used_since, None, "reason_used", "回老家"),
    ],
    ids=["edited", "deleted", "action", "rehired", "exit", "reason"],
)
def test_records_made_since_stop_the_undo(db, db_path, imported, change, number, code, example):
    change(db, number)
    last = last_import(db)
    assert [b.code for b in last.blockers] == code.split()
    assert last.blockers[0].example == example
    before = dump(db)
    with pytest.raises(RecordError) as refused:
        undo_last_import(db, db_path)
    assert refused.value.code == "import_changed"
    assert "later.csv cannot be undone" in str(refused.value)
    assert "restore the backup" in str(refused.value)
    assert dump(db) == before


def test_a_change_put_back_as_it_was_no_longer_stops_it(db, db_path, imported):
    """An edit undone in the app puts the row back whole, its stamp too."""
    from retention_desktop.store import snapshots

    employee_id = person(db, "A4")
    state = snapshots.take(db, employee_id)
    _edit_person(db, "A4")
    assert last_import(db).blockers
    snapshots.put(db, employee_id, state)
    assert last_import(db).blockers == ()
    undo_last_import(db, db_path)
    assert dump(db) == imported


def test_an_undo_for_another_import_than_the_one_asked_is_refused(db, db_path, imported):
    last = last_import(db)
    with pytest.raises(RecordError) as refused:
        undo_last_import(db, db_path, import_id=last.id - 1)
    assert refused.value.code == "no_import"
