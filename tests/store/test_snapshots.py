"""The per-person snapshots undo and redo work on: taken, deleted and put back row for row,
and the tables they cover."""

from __future__ import annotations

from datetime import date

import pytest
from store_helpers import (
    OWNED,
    TODAY,
    action_type,
    add_action,
    add_flag,
    dump,
    leave,
    person_rows,
    person_with_everything,
    reason,
    stamp_everything,
)

from retention_desktop.domain.records import EmployeeDraft, ExitDraft, HandoverItem
from retention_desktop.store import snapshots
from retention_desktop.store.records import (
    cancel_exit,
    delete_employee,
    update_employee,
    update_exit,
)


@pytest.fixture
def rich(db):
    """Wang (entered first, so the lowest ids) has two spells, an exit with further reasons
    and handover, actions and risk flags; Li, entered after, has some of each too."""
    wang = person_with_everything(db, "Wang", "E1")
    li = person_with_everything(db, "Li", "E2")
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
        "kept_notices": 1,
        "kept_notice_reasons": 1,
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
