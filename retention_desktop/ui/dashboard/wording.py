"""How the dashboard's key figures are named, explained and written, and which they are:
one wording for the page's cards, the figures it copies and the printed report (in the
dashboard page's translation context, which its strings always had)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from retention_desktop.domain.metrics import Report
from retention_desktop.ui.common.widgets import percent_text

RATE, COUNT, MONEY = "rate", "count", "money"


@dataclass(frozen=True)
class Figure:
    key: str  # objectName suffix and the test's handle
    kind: str  # RATE, COUNT or MONEY
    value: float | None
    previous: float | None


def key_figures(report: Report, previous: Report, now: int, alternative: bool) -> list[Figure]:
    """The dashboard's figures from the period's report and the previous period's."""
    s, p = report.summary, previous.summary
    figures = [
        Figure("headcount_now", COUNT, now, None),
        Figure("separations", COUNT, s.separations, p.separations),
        Figure("turnover_rate", RATE, s.turnover_rate, p.turnover_rate),
        Figure("annualized_turnover_rate", RATE, s.annualized_turnover_rate,
               p.annualized_turnover_rate),
        Figure("voluntary_turnover_rate", RATE, s.voluntary_turnover_rate,
               p.voluntary_turnover_rate),
        Figure("early_attrition_rate", RATE, s.early_attrition_rate, p.early_attrition_rate),
        *(
            Figure(f"survival_{mark}", RATE, report.new_hire_survival[mark],
                   previous.new_hire_survival[mark])
            for mark in report.new_hire_survival
        ),
        Figure("probation_attrition_rate", RATE, s.probation_attrition_rate,
               p.probation_attrition_rate),
        Figure("retention_rate", RATE, s.retention_rate, p.retention_rate),
        Figure("turnover_cost", MONEY, s.turnover_cost, p.turnover_cost),
    ]  # fmt: skip
    if alternative:
        figures.insert(
            4,
            Figure(
                "turnover_rate_leavers_plus_closing",
                RATE,
                s.turnover_rate_leavers_plus_closing,
                p.turnover_rate_leavers_plus_closing,
            ),
        )
    return figures


def explanation(key: str) -> str:
    """How the figure `key` is computed, in the owner's words (shared/METRICS.md)."""
    survival = QCoreApplication.translate(
        "DashboardPage",
        "Of the people hired in the period who reached their %1th day by the period's "
        "end (or today), the share still employed on that day.",
    )
    texts = {
        "headcount_now": QCoreApplication.translate(
            "DashboardPage",
            "People employed today: hired on or before today, and not yet past their "
            "last working day.",
        ),
        "separations": QCoreApplication.translate(
            "DashboardPage", "Employments whose last working day falls in the period."
        ),
        "turnover_rate": QCoreApplication.translate(
            "DashboardPage",
            "Separations ÷ average headcount. The average headcount is the mean, over "
            "the months, of (headcount at the start + headcount at the end) ÷ 2.",
        ),
        "annualized_turnover_rate": QCoreApplication.translate(
            "DashboardPage",
            "The period's turnover rate × 12 ÷ the number of months: what a year at "
            "this pace would give.",
        ),
        "turnover_rate_leavers_plus_closing": QCoreApplication.translate(
            "DashboardPage",
            "Separations ÷ (separations + headcount at the end), as many Chinese HR "
            "texts count it; shown beside the standard rate.",
        ),
        "voluntary_turnover_rate": QCoreApplication.translate(
            "DashboardPage",
            "Voluntary separations (the person chose to leave) ÷ average headcount.",
        ),
        "early_attrition_rate": QCoreApplication.translate(
            "DashboardPage", "Separations after 90 days or fewer ÷ all separations of the period."
        ),
        "survival_30": survival.replace("%1", "30"),
        "survival_60": survival.replace("%1", "60"),
        "survival_90": survival.replace("%1", "90"),
        "probation_attrition_rate": QCoreApplication.translate(
            "DashboardPage",
            "Exits before the probation ended (its length set in File > Settings) ÷ the "
            "people hired in the period. Exits of people hired before the period count too.",
        ),
        "retention_rate": QCoreApplication.translate(
            "DashboardPage",
            "Of the people employed at the start of the period, the share still "
            "employed at its end.",
        ),
        "turnover_cost": QCoreApplication.translate(
            "DashboardPage",
            "Separations × (recruiting cost + training cost per hire), both set in "
            "File > Settings.",
        ),
    }
    return texts.get(key, "")


def title(key: str) -> str:
    titles = {
        "headcount_now": QCoreApplication.translate("DashboardPage", "Headcount now"),
        "separations": QCoreApplication.translate("DashboardPage", "Separations"),
        "turnover_rate": QCoreApplication.translate("DashboardPage", "Turnover rate (period)"),
        "annualized_turnover_rate": QCoreApplication.translate(
            "DashboardPage", "Turnover rate (annualized)"
        ),
        "turnover_rate_leavers_plus_closing": QCoreApplication.translate(
            "DashboardPage", "Turnover rate = leavers / (leavers + headcount at the end)"
        ),
        "voluntary_turnover_rate": QCoreApplication.translate(
            "DashboardPage", "Voluntary turnover rate"
        ),
        "early_attrition_rate": QCoreApplication.translate(
            "DashboardPage", "Early attrition (left within 90 days)"
        ),
        "survival_30": QCoreApplication.translate(
            "DashboardPage", "New hires still here after 30 days"
        ),
        "survival_60": QCoreApplication.translate(
            "DashboardPage", "New hires still here after 60 days"
        ),
        "survival_90": QCoreApplication.translate(
            "DashboardPage", "New hires still here after 90 days"
        ),
        "probation_attrition_rate": QCoreApplication.translate(
            "DashboardPage", "Probation attrition rate = probation exits ÷ hires of the same period"
        ),
        "retention_rate": QCoreApplication.translate("DashboardPage", "Retention rate"),
        "turnover_cost": QCoreApplication.translate("DashboardPage", "Turnover cost"),
    }
    return titles[key]


def format_value(kind: str, value: float | None, currency: str = "") -> str:
    if value is None:
        return "–"
    if kind == RATE:
        return percent_text(value)
    if kind == MONEY:
        return f"{currency}{value:,.0f}"
    return f"{value:,.0f}"


def change_text(figure: Figure, currency: str = "") -> str:
    """The change against the previous period: points for a rate, the currency for money."""
    if figure.previous is None or figure.value is None:
        return (
            QCoreApplication.translate("DashboardPage", "no comparison")
            if figure.key != "headcount_now"
            else ""
        )
    delta = figure.value - figure.previous
    if figure.kind == RATE:
        amount = QCoreApplication.translate("DashboardPage", "%1 pts").replace(
            "%1", f"{delta * 100:+.1f}"
        )
    elif figure.kind == MONEY:
        amount = f"{'-' if delta < 0 else '+'}{currency}{abs(delta):,.0f}"
    else:
        amount = f"{delta:+,.0f}"
    return QCoreApplication.translate("DashboardPage", "%1 vs previous period").replace(
        "%1", amount
    )
