"""Turnover reports over the file: the one function the CLI, dashboard and exports call."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import Costs, Report, compute_report_rows
from retention_desktop.store.errors import DamagedDatabaseError
from retention_desktop.store.queries import spell_rows
from retention_desktop.store.settings import get_setting


def turnover_report(
    db: Database, period: Period, *, lang: str, today: date, team: str | None = None
) -> Report:
    try:
        costs = Costs(
            recruiting_per_hire=float(get_setting(db, "recruiting_cost_per_hire")),
            training_per_hire=float(get_setting(db, "training_cost_per_hire")),
        )
        rows = spell_rows(db, period, lang, team)
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(
            f"the database is damaged and the report could not be read ({error})"
        ) from error
    return compute_report_rows(rows, period, today=today, lang=lang, costs=costs)


def report_of_file(
    path: Path, period: Period, *, lang: str, today: date, team: str | None = None
) -> Report:
    """turnover_report through a read-only connection of the calling thread's own (the
    dashboard computes off the UI thread)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return turnover_report(Database(conn), period, lang=lang, today=today, team=team)
    finally:
        conn.close()


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
