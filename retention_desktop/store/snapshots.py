"""Everything the file holds about one employee, taken and put back whole.

Undo and redo in the app work on these: a change to a person is undone by putting back the
state taken before it, in one transaction, with the same row ids, so that nothing else in
the file (exits, handover, actions, risk flags) loses its links.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

# Tables whose rows belong to one employee, parents before children, with the SQL that
# finds the rows of employee :id. A test checks every table that refers to these is listed.
_OWNED = (
    ("employees", "id = :id"),
    ("spells", "employee_id = :id"),
    ("exits", "spell_id IN (SELECT id FROM spells WHERE employee_id = :id)"),
    (
        "exit_further_reasons",
        "exit_id IN (SELECT x.id FROM exits x JOIN spells s ON s.id = x.spell_id "
        "WHERE s.employee_id = :id)",
    ),
    (
        "handover_items",
        "exit_id IN (SELECT x.id FROM exits x JOIN spells s ON s.id = x.spell_id "
        "WHERE s.employee_id = :id)",
    ),
    ("kept_notices", "spell_id IN (SELECT id FROM spells WHERE employee_id = :id)"),
    (
        "kept_notice_reasons",
        "notice_id IN (SELECT k.id FROM kept_notices k JOIN spells s ON s.id = k.spell_id "
        "WHERE s.employee_id = :id)",
    ),
    ("retention_actions", "employee_id = :id"),
    ("risk_flags", "employee_id = :id"),
)
OWNED_TABLES = tuple(table for table, _ in _OWNED)


@dataclass(frozen=True)
class EmployeeState:
    """The rows of one employee in every table, as column -> value dicts."""

    employee_id: int
    rows: dict[str, list[dict]] = field(default_factory=dict)


def take(db: Database, employee_id: int) -> EmployeeState | None:
    """The employee's whole state, or None if there is no such employee."""
    rows = {
        table: list(db.query(f"SELECT * FROM [{table}] WHERE {where}", {"id": employee_id}))
        for table, where in _OWNED
    }
    if not rows["employees"]:
        return None
    return EmployeeState(employee_id, rows)


def _delete(db: Database, employee_id: int) -> None:
    # Children go with their employee through ON DELETE CASCADE.
    db.execute("DELETE FROM employees WHERE id = ?", [employee_id])


def put(db: Database, employee_id: int, state: EmployeeState | None) -> None:
    """Make the file hold exactly `state` for this employee (None: no such employee), in
    one transaction."""
    if state is not None and state.employee_id != employee_id:
        raise ValueError("state of another employee")
    with db.atomic():
        _delete(db, employee_id)
        if state is None:
            return
        for table in OWNED_TABLES:
            rows = state.rows.get(table, [])
            if not rows:
                continue
            columns = list(rows[0])
            placeholders = ", ".join("?" for _ in columns)
            names = ", ".join(f"[{c}]" for c in columns)
            db.conn.executemany(
                f"INSERT INTO [{table}] ({names}) VALUES ({placeholders})",
                [[row[c] for c in columns] for row in rows],
            )


def put_all(db: Database, states: list[tuple[int, EmployeeState | None]]) -> None:
    """`put` for several people in one transaction: all of them, or (when the file refuses
    a write) none."""
    with db.atomic():
        for employee_id, state in states:
            put(db, employee_id, state)
