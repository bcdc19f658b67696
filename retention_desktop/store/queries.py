"""Read queries the screens and reports share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import SpellFact
from retention_desktop.store.catalog import label_sql

# Ordinal day numbers straight from SQLite: julianday('0001-01-01') is 1721425.5.
_ORDINAL = "CAST(julianday({}) - 1721424.5 AS INTEGER)"


def spell_facts(
    db: Database, period: Period, lang: str, team: str | None = None
) -> list[SpellFact]:
    """One fact per spell that touches `period` (a spell that ended before it or starts
    after it changes no figure of the period)."""
    sql = f"""
        SELECT {_ORDINAL.format("s.hire_date")}, {_ORDINAL.format("s.end_date")}, s.team,
               x.exit_type, {label_sql(lang, "r")}
        FROM spells s
        LEFT JOIN exits x ON x.spell_id = s.id
        LEFT JOIN exit_reasons r ON r.id = x.primary_reason_id
        WHERE s.hire_date <= :last AND (s.end_date IS NULL OR s.end_date >= :first)
    """
    params: dict = {"first": period.first_day.isoformat(), "last": period.last_day.isoformat()}
    if team is not None:
        sql += " AND s.team = :team"
        params["team"] = team
    fromordinal = date.fromordinal
    return [
        SpellFact(fromordinal(start), fromordinal(end) if end else None, t, kind, reason)
        for start, end, t, kind, reason in db.execute(sql, params)
    ]


def teams(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT team FROM spells ORDER BY team")]


@dataclass(frozen=True)
class RosterRow:
    employee_id: int
    employee_no: str
    name: str
    team: str
    position: str
    hire_date: date
    end_date: date | None
    phone: str
    risk: str | None


def roster(db: Database) -> list[RosterRow]:
    """Every employee with their latest spell and current risk level, by name."""
    sql = """
        SELECT e.id, coalesce(e.employee_no, ''), e.name, s.team, s.position, s.hire_date,
               s.end_date, e.phone,
               (SELECT f.level FROM risk_flags f
                 WHERE f.employee_id = e.id AND f.cleared_on IS NULL
                 ORDER BY f.flagged_on DESC, f.id DESC LIMIT 1)
        FROM employees e
        JOIN spells s ON s.id = (SELECT id FROM spells WHERE employee_id = e.id
                                 ORDER BY hire_date DESC, id DESC LIMIT 1)
        ORDER BY e.name COLLATE NOCASE, e.id
    """
    return [
        RosterRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            date.fromisoformat(r[5]),
            date.fromisoformat(r[6]) if r[6] else None,
            r[7],
            r[8],
        )
        for r in db.execute(sql)
    ]


def counts(db: Database) -> dict[str, int]:
    row = db.execute(
        """SELECT (SELECT count(*) FROM employees),
                  (SELECT count(*) FROM spells WHERE end_date IS NULL),
                  (SELECT count(*) FROM exits)"""
    ).fetchone()
    return {"employees": row[0], "active": row[1], "exits": row[2]}
