"""Read queries the screens and reports share."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlite_utils import Database

from retention_desktop.domain.catalog import NOT_GIVEN_ID
from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import FactRow, bar_keys
from retention_desktop.domain.records import EmployeeDraft, ExitDraft, HandoverItem
from retention_desktop.store.actions import ActionFilter, ActionRow, query_actions
from retention_desktop.store.catalog import label_sql
from retention_desktop.store.database import no_collection

# Ordinal day numbers straight from SQLite: julianday('0001-01-01') is 1721425.5.
_ORDINAL = "CAST(julianday({}) - 1721424.5 AS INTEGER)"


def spell_rows(db: Database, period: Period, lang: str, team: str | None = None) -> list[FactRow]:
    """One row per spell that touches `period` (a spell that ended before it or starts
    after it changes no figure of the period), dates as ordinals, as compute_report_rows
    takes them."""
    labels = reason_labels(db, lang)
    rows = period_spells(db, period, team)
    with no_collection():
        return [
            (start, end, t, exit_type, labels[reason]) for start, end, t, exit_type, reason in rows
        ]


def period_spells(
    db: Database, period: Period, team: str | None = None
) -> list[tuple[int, int | None, str, str | None, int | None]]:
    """spell_rows with the primary reason's id (reason_labels names them) in place of its
    label: the rows as SQLite returns them, no Python statement run per row."""
    # The unary + keeps SQLite off the date indexes: nearly every spell starts before the
    # period ends, so a plain scan beats an index lookup per row.
    sql = f"""
        SELECT {_ORDINAL.format("s.hire_date")}, {_ORDINAL.format("s.end_date")}, s.team,
               x.exit_type, x.primary_reason_id
        FROM spells s
        LEFT JOIN exits x ON x.spell_id = s.id
        WHERE +s.hire_date <= :last AND (+s.end_date IS NULL OR +s.end_date >= :first)
    """
    params: dict = {"first": period.first_day.isoformat(), "last": period.last_day.isoformat()}
    if team is not None:
        sql += " AND s.team = :team"
        params["team"] = team
    with no_collection():
        return db.execute(sql, params).fetchall()


def reason_labels(db: Database, lang: str) -> dict[int | None, str | None]:
    """The label in `lang` of each exit reason by id, and None for None (no reason)."""
    labels: dict[int | None, str | None] = dict(
        db.execute(f"SELECT id, {label_sql(lang)} FROM exit_reasons").fetchall()
    )
    labels[None] = None
    return labels


def spell_rows_with_owners(
    db: Database, lang: str, employees: Collection[int] | None = None
) -> tuple[list[int], list[FactRow]]:
    """Every spell (of `employees` only, when given) as report rows, and beside them whose
    spell each row is."""
    sql = f"""
        SELECT s.employee_id, {_ORDINAL.format("s.hire_date")},
               {_ORDINAL.format("s.end_date")}, s.team, x.exit_type, x.primary_reason_id
        FROM spells s
        LEFT JOIN exits x ON x.spell_id = s.id
    """
    params: list = []
    if employees is not None:
        params = sorted(employees)
        sql += f" WHERE s.employee_id IN ({', '.join('?' * len(params))})"
    labels = reason_labels(db, lang)
    owners: list[int] = []
    rows: list[FactRow] = []
    own, add = owners.append, rows.append
    with no_collection():
        for owner, start, end, t, exit_type, reason in db.execute(sql, params):
            own(owner)
            add((start, end, t, exit_type, labels[reason]))
    return owners, rows


def teams(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT team FROM spells ORDER BY team")]


class RosterRow(NamedTuple):
    employee_id: int
    employee_no: str
    name: str
    team: str
    position: str
    hire_date: date
    end_date: date | None
    phone: str
    risk: str | None


_ROSTER_SQL = """
    WITH risk AS (
        -- SQLite takes the bare column from the row holding the max
        SELECT employee_id, level, max(flagged_on || printf('%010d', id))
        FROM risk_flags WHERE cleared_on IS NULL GROUP BY employee_id
    )
    SELECT e.id, coalesce(e.employee_no, ''), e.name, s.team, s.position, s.hire_date,
           s.end_date, e.phone, r.level
    FROM spells s
    JOIN employees e ON e.id = s.employee_id
    LEFT JOIN risk r ON r.employee_id = e.id
    WHERE NOT EXISTS (SELECT 1 FROM spells n
                      WHERE n.employee_id = s.employee_id AND n.hire_date > s.hire_date)
"""


def roster(db: Database, employee_id: int | None = None) -> list[RosterRow]:
    """Every employee (or one) with their latest spell and current risk level, in the
    order they were added (the screens sort by what the user picks)."""
    sql, params = _ROSTER_SQL, []
    if employee_id is not None:
        sql += " AND s.employee_id = ?"
        params = [employee_id]
    sql += " ORDER BY e.id"
    fromiso = date.fromisoformat
    with no_collection():
        return [
            RosterRow(
                i, no, name, team, position, fromiso(hired), fromiso(end) if end else None, ph, r
            )
            for i, no, name, team, position, hired, end, ph, r in db.execute(sql, params)
        ]


def counts(db: Database, today: date | None = None) -> dict[str, int]:
    """How many people the file holds, how many are employed `today` (domain.standing: the
    dashboard's headcount now; the real today unless told) and how many exits it records."""
    today = today or date.today()
    row = db.execute(
        """SELECT (SELECT count(*) FROM employees),
                  (SELECT count(*) FROM spells WHERE hire_date <= :today
                     AND (end_date IS NULL OR end_date >= :today)),
                  (SELECT count(*) FROM exits)""",
        {"today": today.isoformat()},
    ).fetchone()
    return {"employees": row[0], "active": row[1], "exits": row[2]}


def positions(db: Database) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT position FROM spells WHERE position <> '' ORDER BY position"
        )
    ]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def employee_draft(db: Database, employee_id: int) -> EmployeeDraft | None:
    """The person's details and latest spell as the employee dialog edits them."""
    row = db.execute(
        """SELECT e.name, s.hire_date, e.employee_no, s.team, s.position, e.phone, e.notes
           FROM employees e JOIN spells s ON s.employee_id = e.id
           WHERE e.id = ? ORDER BY s.hire_date DESC, s.id DESC LIMIT 1""",
        [employee_id],
    ).fetchone()
    if row is None:
        return None
    name, hired, number, team, position, phone, notes = row
    return EmployeeDraft(name, _day(hired), number, team, position, phone, notes)


class SpellRow(NamedTuple):
    spell_id: int
    hire_date: date
    end_date: date | None
    team: str
    position: str
    exit_id: int | None
    exit_type: str | None
    reason: str | None


def spells_of(db: Database, employee_id: int, lang: str) -> list[SpellRow]:
    """The person's employment spells, oldest first, with their exit if any."""
    rows = db.execute(
        f"""SELECT s.id, s.hire_date, s.end_date, s.team, s.position, x.id, x.exit_type,
                   {label_sql(lang, "r")}
            FROM spells s LEFT JOIN exits x ON x.spell_id = s.id
            LEFT JOIN exit_reasons r ON r.id = x.primary_reason_id
            WHERE s.employee_id = ? ORDER BY s.hire_date, s.id""",
        [employee_id],
    )
    return [SpellRow(r[0], _day(r[1]), _day(r[2]), *r[3:]) for r in rows]


def open_spell(db: Database, employee_id: int) -> int | None:
    row = db.execute(
        "SELECT id FROM spells WHERE employee_id = ? AND end_date IS NULL", [employee_id]
    ).fetchone()
    return row[0] if row else None


def actions_of(
    db: Database, employee_id: int, lang: str, today: date | None = None
) -> list[ActionRow]:
    """The person's own retention actions (not their team's), by planned date."""
    where = ActionFilter(employee_id=employee_id)
    return query_actions(db, lang, where, today or date.today(), order="a.planned_date, a.id")


def latest_exit(db: Database, employee_id: int) -> int | None:
    """The id of the exit of the person's latest employment, if it has one."""
    row = db.execute(
        """SELECT x.id FROM spells s LEFT JOIN exits x ON x.spell_id = s.id
           WHERE s.employee_id = ? ORDER BY s.hire_date DESC, s.id DESC LIMIT 1""",
        [employee_id],
    ).fetchone()
    return None if row is None else row[0]


class ExitRecord(NamedTuple):
    exit_id: int
    spell_id: int
    employee_id: int
    name: str
    hire_date: date
    draft: ExitDraft


def exit_record(db: Database, exit_id: int) -> ExitRecord | None:
    """One exit as the exit dialog edits it."""
    row = db.execute(
        """SELECT x.id, s.id, e.id, e.name, s.hire_date, s.end_date, x.notice_date,
                  x.exit_type, x.primary_reason_id, x.regrettable, x.eligible_for_rehire,
                  x.conversation_notes, x.way, x.destination_id, x.keep_tried, x.keep_offer_id
           FROM exits x JOIN spells s ON s.id = x.spell_id JOIN employees e ON e.id = s.employee_id
           WHERE x.id = ?""",
        [exit_id],
    ).fetchone()
    if row is None:
        return None
    further = [
        r[0]
        for r in db.execute(
            """SELECT f.reason_id FROM exit_further_reasons f
               JOIN exit_reasons r ON r.id = f.reason_id
               WHERE f.exit_id = ? ORDER BY r.position, r.id""",
            [exit_id],
        )
    ]
    handover = [
        HandoverItem(code, label, bool(done), note, _day(done_date))
        for code, label, done, note, done_date in db.execute(
            """SELECT code, label, done, note, done_date FROM handover_items
               WHERE exit_id = ? ORDER BY position, id""",
            [exit_id],
        )
    ]
    draft = ExitDraft(
        last_day=_day(row[5]),
        exit_type=row[7],
        primary_reason_id=row[8],
        further_reason_ids=further,
        notice_date=_day(row[6]),
        regrettable=bool(row[9]),
        eligible_for_rehire=None if row[10] is None else bool(row[10]),
        conversation_notes=row[11],
        handover=handover,
        way=row[12],
        destination_id=row[13],
        keep_tried=bool(row[14]),
        keep_offer_id=row[15],
    )
    return ExitRecord(row[0], row[1], row[2], row[3], _day(row[4]), draft)


class ExitRow(NamedTuple):
    exit_id: int
    employee_id: int
    employee_no: str
    name: str
    team: str
    position: str
    hire_date: date
    last_day: date
    notice_date: date | None
    exit_type: str | None
    reason_id: int | None
    reason: str | None
    further: str
    regrettable: bool
    eligible_for_rehire: bool | None
    handover_done: int
    handover_total: int
    way: str | None = None
    destination: str | None = None

    @property
    def handover_unfinished(self) -> bool:
        return self.handover_done < self.handover_total


@dataclass(frozen=True)
class ExitFilter:
    first: date | None = None
    last: date | None = None
    team: str | None = None
    reason_id: int | None = None
    exit_type: str | None = None  # "voluntary", "involuntary" or "unspecified"
    handover_unfinished: bool = False
    way: str | None = None  # a code of EXIT_WAYS, or "unspecified"
    destination_id: int | None = None  # or NOT_GIVEN_ID: none recorded


def exits(db: Database, lang: str, where: ExitFilter | None = None) -> list[ExitRow]:
    """Exit records matching `where`, latest last working day first."""
    where = where or ExitFilter()
    clauses, params = [], []
    if where.first is not None:
        clauses.append("s.end_date >= ?")
        params.append(where.first.isoformat())
    if where.last is not None:
        clauses.append("s.end_date <= ?")
        params.append(where.last.isoformat())
    if where.team is not None:
        clauses.append("s.team = ?")
        params.append(where.team)
    if where.reason_id is not None:
        clauses.append("x.primary_reason_id = ?")
        params.append(where.reason_id)
    if where.exit_type == "unspecified":
        clauses.append("x.exit_type IS NULL")
    elif where.exit_type is not None:
        clauses.append("x.exit_type = ?")
        params.append(where.exit_type)
    if where.handover_unfinished:
        clauses.append("coalesce(h.done, 0) < coalesce(h.total, 0)")
    if where.way == "unspecified":
        clauses.append("x.way IS NULL")
    elif where.way is not None:
        clauses.append("x.way = ?")
        params.append(where.way)
    if where.destination_id == NOT_GIVEN_ID:
        clauses.append("x.destination_id IS NULL")
    elif where.destination_id is not None:
        clauses.append("x.destination_id = ?")
        params.append(where.destination_id)
    # further reasons in list order, joined as the language writes a list
    separator = "、" if lang.startswith("zh") else ", "
    label = label_sql(lang)
    sql = f"""
        WITH h AS (SELECT exit_id, sum(done) AS done, count(*) AS total
                   FROM handover_items GROUP BY exit_id),
             f AS (SELECT exit_id, group_concat(label, ?) AS labels
                   FROM (SELECT fr.exit_id, r.{label} AS label
                         FROM exit_further_reasons fr JOIN exit_reasons r ON r.id = fr.reason_id
                         ORDER BY fr.exit_id, r.position, r.id)
                   GROUP BY exit_id)
        SELECT x.id, e.id, coalesce(e.employee_no, ''), e.name, s.team, s.position,
               s.hire_date, s.end_date, x.notice_date, x.exit_type, x.primary_reason_id,
               r.{label}, coalesce(f.labels, ''), x.regrettable, x.eligible_for_rehire,
               coalesce(h.done, 0), coalesce(h.total, 0), x.way, d.{label}
        FROM exits x
        JOIN spells s ON s.id = x.spell_id
        JOIN employees e ON e.id = s.employee_id
        LEFT JOIN exit_reasons r ON r.id = x.primary_reason_id
        LEFT JOIN destinations d ON d.id = x.destination_id
        LEFT JOIN h ON h.exit_id = x.id
        LEFT JOIN f ON f.exit_id = x.id
        {"WHERE " + " AND ".join(clauses) if clauses else ""}
        ORDER BY s.end_date DESC, x.id DESC
    """
    fromiso = date.fromisoformat
    return [
        ExitRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            fromiso(r[6]),
            fromiso(r[7]),
            _day(r[8]),
            r[9],
            r[10],
            r[11],
            r[12],
            bool(r[13]),
            None if r[14] is None else bool(r[14]),
            r[15],
            r[16],
            r[17],
            r[18],
        )
        for r in db.execute(sql, [separator, *params])
    ]


def exits_behind_bar(
    db: Database, lang: str, period: Period, team: str | None, key: tuple
) -> list[ExitRow]:
    """The exits a bar of the charts of turnover_report(period, team) counts, as exits()
    lists them: those whose last working day is in `period` (of `team`, when given) with
    `key` among their domain.metrics.bar_keys, the keys the report counts them by."""
    where = ExitFilter(first=period.first_day, last=period.last_day, team=team)
    return [
        row
        for row in exits(db, lang, where)
        if key in bar_keys(
            (row.hire_date.toordinal(), row.last_day.toordinal(), row.team, row.exit_type,
             row.reason),
            lang,
        )
    ]  # fmt: skip
