"""Turnover reports over the file: the one function the CLI, dashboard and exports call."""

from __future__ import annotations

import sqlite3
from datetime import date

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
