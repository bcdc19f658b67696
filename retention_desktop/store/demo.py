"""Filling a database with the demo shop of domain.demo, in one transaction."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from retention_desktop.domain.demo import DemoShop, generate_shop
from retention_desktop.store.errors import RecordError
from retention_desktop.store.settings import get_setting, set_setting


class DemoResult:
    def __init__(self, employees: int, spells: int, exits: int, actions: int, created: bool):
        self.employees, self.spells, self.exits, self.actions = employees, spells, exits, actions
        self.created = created


def _ids(db: Database, table: str) -> dict[str, int]:
    return {code: id_ for id_, code in db.execute(f"SELECT id, code FROM {table}") if code}


def load_shop(db: Database, shop: DemoShop) -> DemoResult:
    """Write `shop` into `db` (employees, spells, exits, actions, risk flags) atomically."""
    reasons = _ids(db, "exit_reasons")
    action_types = _ids(db, "action_types")
    places = _ids(db, "destinations")
    iso = date.isoformat
    spells = exits = 0
    with db.atomic():
        conn = db.conn
        employee_ids = []
        for person in shop.people:
            employee_id = conn.execute(
                "INSERT INTO employees (employee_no, name, phone, notes) VALUES (?, ?, ?, ?)",
                [person.employee_no, person.name, person.phone, person.notes],
            ).lastrowid
            employee_ids.append(employee_id)
            for spell in person.spells:
                spells += 1
                spell_id = conn.execute(
                    "INSERT INTO spells (employee_id, hire_date, end_date, team, position) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        employee_id,
                        iso(spell.start),
                        spell.end and iso(spell.end),
                        spell.team,
                        spell.position,
                    ],
                ).lastrowid
                for kept in spell.kept:
                    conn.execute(
                        """INSERT INTO kept_notices (spell_id, notice_date, last_day, stayed_on,
                               exit_type, way, primary_reason_id, keep_tried, keep_offer_id,
                               conversation_notes)
                           VALUES (?, ?, ?, ?, 'voluntary', 'resignation', ?, ?, ?, ?)""",
                        [spell_id, iso(kept.notice_date), iso(kept.last_day),
                         iso(kept.stayed_on), reasons[kept.reason], int(bool(kept.keep_offer)),
                         kept.keep_offer and action_types[kept.keep_offer], kept.notes],
                    )  # fmt: skip
                x = spell.exit
                if x is None:
                    continue
                exits += 1
                exit_id = conn.execute(
                    """INSERT INTO exits (spell_id, notice_date, exit_type, primary_reason_id,
                           regrettable, eligible_for_rehire, conversation_notes, way,
                           destination_id, keep_tried, keep_offer_id)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    [
                        spell_id,
                        x.notice_date and iso(x.notice_date),
                        x.exit_type,
                        reasons[x.reason],
                        int(x.regrettable),
                        int(x.eligible_for_rehire),
                        x.conversation_notes,
                        x.way,
                        x.destination and places[x.destination],
                        int(x.keep_tried),
                        x.keep_offer and action_types[x.keep_offer],
                    ],
                ).lastrowid
                conn.executemany(
                    "INSERT INTO exit_further_reasons (exit_id, reason_id) VALUES (?, ?)",
                    [(exit_id, reasons[code]) for code in x.further],
                )
                conn.executemany(
                    "INSERT INTO handover_items (exit_id, code, done, done_date, position) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        (exit_id, code, int(done), iso(x.last_day) if done else None, i)
                        for i, (code, done) in enumerate(x.handover)
                    ],
                )
        conn.executemany(
            """INSERT INTO retention_actions (employee_id, team, action_type_id, title,
                   planned_date, due_date, owner, cost, status, done_date, outcome)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    None if a.person is None else employee_ids[a.person],
                    a.team,
                    action_types[a.action_type_code],
                    a.title,
                    iso(a.planned),
                    a.due and iso(a.due),
                    a.owner,
                    a.cost,
                    a.status,
                    a.done_date and iso(a.done_date),
                    a.outcome,
                )
                for a in shop.actions
            ],
        )
        conn.executemany(
            """INSERT INTO risk_flags (employee_id, level, reason_id, flagged_on, note,
                   cleared_on, clear_note) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    employee_ids[r.person],
                    r.level,
                    reasons[r.reason],
                    iso(r.flagged_on),
                    r.note,
                    r.cleared_on and iso(r.cleared_on),
                    r.clear_note,
                )
                for r in shop.risks
            ],
        )
        set_setting(db, "recruiting_cost_per_hire", shop.recruiting_cost_per_hire)
        set_setting(db, "training_cost_per_hire", shop.training_cost_per_hire)
        set_setting(db, "demo", True)
    return DemoResult(len(shop.people), spells, exits, len(shop.actions), created=True)


def fill_demo(db: Database, today: date) -> DemoResult:
    """Fill an empty database with the demo shop. A database that already holds the demo
    is left as it is; one that holds a real shop's records is refused."""
    employees = db.execute("SELECT count(*) FROM employees").fetchone()[0]
    if employees:
        if get_setting(db, "demo"):
            spells, exits, actions = db.execute(
                "SELECT (SELECT count(*) FROM spells), (SELECT count(*) FROM exits), "
                "(SELECT count(*) FROM retention_actions)"
            ).fetchone()
            return DemoResult(employees, spells, exits, actions, created=False)
        raise RecordError(
            f"the database already holds {employees} employees; the demo shop is only "
            "written into an empty database"
        )
    return load_shop(db, generate_shop(today))
