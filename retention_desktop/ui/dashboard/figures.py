"""What the dashboard page draws: everything it shows, computed off the UI thread by the
controller (the page reads nothing while drawing)."""

from __future__ import annotations

from dataclasses import dataclass

from retention_desktop.domain.metrics import ActionFigures, Report
from retention_desktop.domain.seasons import Run
from retention_desktop.store.departures import Destination, NoticeFigures

DESTINATION_BAR = "destination"  # a bar of the destinations' chart: (this, destination id)


@dataclass(frozen=True)
class DashboardFigures:
    report: Report
    previous: Report  # the previous period of the same length
    headcount_now: int
    actions: ActionFigures
    alternative: bool  # show the leavers / (leavers + closing) rate too
    currency: str
    # (season code, its runs with a day in the period: each year's real dates) of each
    # peak season of the settings
    peak_seasons: tuple[tuple[str, tuple[Run, ...]], ...]
    # the same period's report of the team the survival chart compares with (None: the
    # chart compares with the previous period)
    compared: Report | None = None
    # the notices given in the period and how they ended, and where its leavers went
    # (store.departures)
    notices: NoticeFigures | None = None
    destinations: tuple[Destination, ...] = ()


def prepare_charts() -> None:
    """Import the charts' module (pyqtgraph, numpy: about half a second) so that the
    dashboard's first showing does not pay for it on the UI thread. For a worker thread:
    importing pyqtgraph makes no Qt object, only classes."""
    import retention_desktop.ui.dashboard.charts  # noqa: F401
