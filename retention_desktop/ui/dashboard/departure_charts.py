"""The dashboard's chart of where the period's leavers went (store.departures), drawn like
the reasons: horizontal bars, most first, each with its share; a bar opens the exits that
name its destination."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retention_desktop.ui.common.widgets import percent_text
from retention_desktop.ui.dashboard.charts import SKY, Bar, Chart, fill
from retention_desktop.ui.dashboard.figures import DESTINATION_BAR


def draw_destinations(chart: Chart, destinations) -> None:
    """Separations by where they went, most first (none recorded last)."""
    chart.clear_bars()
    total = sum(d.separations for d in destinations)
    rows = list(reversed(destinations))  # the largest at the top
    text = QCoreApplication.translate("Charts", "%1: %2 (%3)")
    bars = [
        Bar(i, 0, d.separations,
            fill(text, d.label, d.separations, percent_text(d.separations / total)),
            (DESTINATION_BAR, d.destination_id))
        for i, d in enumerate(rows)
    ]  # fmt: skip
    chart.add_bars(bars, SKY, horizontal=True)
    chart.set_ticks(
        [f"{d.label} ({percent_text(d.separations / total)})" for d in rows], horizontal=True
    )
    chart.getPlotItem().setLabel("bottom", QCoreApplication.translate("Charts", "Separations"))
    chart.setMinimumHeight(max(200, 26 * len(rows) + 60))
