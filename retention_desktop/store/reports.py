"""Turnover reports over the file: the one function the CLI, dashboard and exports call."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import Costs, Report, compute_report
from retention_desktop.store.queries import spell_facts
from retention_desktop.store.settings import get_setting


def turnover_report(
    db: Database, period: Period, *, lang: str, today: date, team: str | None = None
) -> Report:
    costs = Costs(
        recruiting_per_hire=float(get_setting(db, "recruiting_cost_per_hire")),
        training_per_hire=float(get_setting(db, "training_cost_per_hire")),
    )
    facts = spell_facts(db, period, lang, team)
    return compute_report(facts, period, today=today, lang=lang, costs=costs)
