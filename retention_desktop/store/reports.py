"""Turnover reports over the file: the one function the CLI, dashboard and exports call."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import Costs, FactRow, Report, compute_report_rows
from retention_desktop.store.errors import DamagedDatabaseError
from retention_desktop.store.queries import spell_rows, spell_rows_with_owners
from retention_desktop.store.settings import get_setting


def costs_of(db: Database) -> Costs:
    """The cost of a hire the turnover cost counts, from the settings."""
    return Costs(
        recruiting_per_hire=float(get_setting(db, "recruiting_cost_per_hire")),
        training_per_hire=float(get_setting(db, "training_cost_per_hire")),
    )


def turnover_report(
    db: Database, period: Period, *, lang: str, today: date, team: str | None = None
) -> Report:
    try:
        costs = costs_of(db)
        rows = spell_rows(db, period, lang, team)
    except sqlite3.DatabaseError as error:
        raise _damaged(error) from error
    return compute_report_rows(rows, period, today=today, lang=lang, costs=costs)


def _damaged(error: sqlite3.DatabaseError) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"the database is damaged and the report could not be read ({error})"
    )


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


@dataclass(frozen=True)
class KeptSpells:
    """Every spell of a file as report rows, and whose each one is: what the dashboard
    keeps between changes, to compute any period and team without reading the file again,
    and to read again only the people a change touched."""

    owners: list[int]
    rows: list[FactRow]

    @classmethod
    def read(cls, path: Path, lang: str) -> KeptSpells:
        """Every spell, through a read-only connection of the calling thread's own."""
        return cls(*_rows_of_file(path, lang, None))

    def updated(self, path: Path, lang: str, employees: Collection[int]) -> KeptSpells:
        """The same with the spells of `employees` read again (added, changed or gone)."""
        changed = set(employees)
        owners = [owner for owner in self.owners if owner not in changed]
        rows = [row for owner, row in zip(self.owners, self.rows, strict=True)
                if owner not in changed]  # fmt: skip
        new_owners, new_rows = _rows_of_file(path, lang, changed)
        return KeptSpells(owners + new_owners, rows + new_rows)


def _rows_of_file(
    path: Path, lang: str, employees: Collection[int] | None
) -> tuple[list[int], list[FactRow]]:
    conn = _read_only(path)
    try:
        return spell_rows_with_owners(Database(conn), lang, employees)
    except sqlite3.DatabaseError as error:
        raise _damaged(error) from error
    finally:
        conn.close()


def report_of_rows(
    rows: list[FactRow],
    period: Period,
    *,
    lang: str,
    today: date,
    costs: Costs,
    team: str | None = None,
) -> Report:
    """The report of `period` (and one team) from every spell's rows: the same figures as
    turnover_report over the file the rows were read from."""
    if team is not None:
        rows = [row for row in rows if row[2] == team]
    return compute_report_rows(rows, period, today=today, lang=lang, costs=costs)


def headcount_of_rows(rows: list[FactRow], today: date, team: str | None = None) -> int:
    """headcount() from every spell's rows."""
    day = today.toordinal()
    return sum(
        1
        for start, end, row_team, _, _ in rows
        if start <= day and (end is None or end >= day) and (team is None or row_team == team)
    )


def headcount(db: Database, today: date, team: str | None = None) -> int:
    """People employed on `today` (in one team): hired by then, last day not yet past."""
    sql = (
        "SELECT count(*) FROM spells WHERE hire_date <= :today "
        "AND (end_date IS NULL OR end_date >= :today)"
    )
    params = {"today": today.isoformat()}
    if team is not None:
        sql += " AND team = :team"
        params["team"] = team
    return db.execute(sql, params).fetchone()[0]
