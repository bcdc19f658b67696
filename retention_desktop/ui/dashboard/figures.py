"""What the dashboard page draws: everything it shows, computed off the UI thread by the
controller (the page reads nothing while drawing)."""

from __future__ import annotations

from dataclasses import dataclass

from retention_desktop.domain.metrics import ActionFigures, Report


@dataclass(frozen=True)
class DashboardFigures:
    report: Report
    previous: Report  # the previous period of the same length
    headcount_now: int
    actions: ActionFigures
    alternative: bool  # show the leavers / (leavers + closing) rate too
    currency: str
    # (season code, first month, last month) of each peak season; a season over the new
    # year comes as two runs, the code on the first only
    peak_seasons: tuple[tuple[str, int, int], ...]
    # the same period's report of the team the survival chart compares with (None: the
    # chart compares with the previous period)
    compared: Report | None = None


def prepare_charts() -> None:
    """Import the charts' module (pyqtgraph, numpy: about half a second) so that the
    dashboard's first showing does not pay for it on the UI thread. For a worker thread:
    importing pyqtgraph makes no Qt object, only classes."""
    import retention_desktop.ui.dashboard.charts  # noqa: F401
