"""What the printed report shows, read off the UI thread: the dashboard's figures of a
period and team (the same computation, so the paper and the screen agree), the exits whose
handover is unfinished and the overdue actions of that team, and the shop's name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import Report
from retention_desktop.store.actions import ActionRow
from retention_desktop.store.database import Database
from retention_desktop.store.queries import ExitRow
from retention_desktop.store.reminders import overdue_actions, unfinished_handover
from retention_desktop.store.reports import report_of_rows, terms_of
from retention_desktop.store.settings import get_setting
from retention_desktop.ui.dashboard.controller import compute
from retention_desktop.ui.dashboard.figures import DashboardFigures, prepare_charts

TREND_MONTHS = 12


@dataclass(frozen=True)
class PrintedReport:
    shop: str  # the shop's name from the settings ("" when none was given)
    period: Period
    team: str | None  # None: every team
    today: date
    figures: DashboardFigures
    # the months charted: the period, or the 12 months to its end when it is shorter (a
    # month's meeting sees the month against the year before it)
    trend: Report
    handovers: list[ExitRow]  # exits with a handover item not done, latest first
    overdue: list[ActionRow]  # planned actions past their due date, longest overdue first


def read_report(db: Database, lang: str, today: date, period: Period, team: str | None):
    """The report of `period` and `team` (for a worker thread: it imports the charts'
    module too, so that drawing them on the UI thread does not pay for it)."""
    prepare_charts()
    spells, figures = compute(db, lang, today, period, team, None, None)
    trend = figures.report
    if period.month_count < TREND_MONTHS:
        months = Period(period.last.plus(-(TREND_MONTHS - 1)), period.last)
        trend = report_of_rows(spells.rows, months, team=team, lang=lang, today=today,
                               terms=terms_of(db))  # fmt: skip

    def of_team(row) -> bool:
        return team is None or row.team == team

    return PrintedReport(
        shop=str(get_setting(db, "shop_name") or "").strip(),
        period=period,
        team=team,
        today=today,
        figures=figures,
        trend=trend,
        handovers=[x for x in unfinished_handover(db, lang) if of_team(x)],
        overdue=[a for a in overdue_actions(db, lang, today) if of_team(a)],
    )
