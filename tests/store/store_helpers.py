"""Helpers the storage test modules share: entering people, exits, actions and risk flags
in few words, and reading rows back to tell exactly what a call changed."""

from __future__ import annotations

from datetime import date

from retention_desktop.domain.records import EmployeeDraft, ExitDraft, HandoverItem
from retention_desktop.store import catalog
from retention_desktop.store.records import add_employee, record_exit, record_kept_notice, rehire

TODAY = date(2025, 6, 30)
OWNED = (
    "employees",
    "spells",
    "exits",
    "exit_further_reasons",
    "handover_items",
    "kept_notices",
    "kept_notice_reasons",
    "retention_actions",
    "risk_flags",
)


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
        "kept_notices": "spell_id IN (SELECT id FROM spells WHERE employee_id = :id)",
        "kept_notice_reasons": "notice_id IN (SELECT k.id FROM kept_notices k "
        "JOIN spells s ON s.id = k.spell_id WHERE s.employee_id = :id)",
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


def person_with_everything(db, name: str, number: str) -> int:
    employee_id, first = hire(db, name, date(2022, 1, 1), employee_no=number, team="Sales")
    leave(
        db,
        first,
        date(2023, 3, 31),
        primary_reason_id=reason(db, "pay"),
        further_reason_ids=[reason(db, "pressure"), reason(db, "family")],
        handover=[HandoverItem("equipment", done=True), HandoverItem(None, label="钥匙")],
    )
    second = rehire(db, employee_id, date(2023, 6, 1), team="Kitchen")
    record_kept_notice(
        db,
        second,
        ExitDraft(
            last_day=date(2023, 12, 31),
            notice_date=date(2023, 12, 1),
            stayed_on=date(2023, 12, 8),
            primary_reason_id=reason(db, "pay"),
            further_reason_ids=[reason(db, "pressure")],
            keep_tried=True,
            keep_offer_id=action_type(db, "pay_review"),
        ),
        today=date(2024, 1, 1),
    )
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
