"""The calendar-month chart shades each peak season on its real dates in each year of the
period: Spring Festival moves, so 春节后 is shaded on other days each year."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from retention_desktop.domain.seasons import Run
from retention_desktop.ui.common.period_picker import PRESET_CUSTOM
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.dashboard.season_marks import (
    FULL_SHADE,
    calendar_x,
    months_of,
    name_place,
    shade_alpha,
    spans,
)
from retention_desktop.ui.shell.main_window import PAGE_DASHBOARD

TODAY = date(2026, 11, 23)


def test_a_day_falls_in_its_months_place_on_the_axis():
    # month m's bar stands at m - 1; its days spread over [m - 1.5, m - 0.5)
    assert calendar_x(date(2026, 1, 1)) == -0.5
    assert calendar_x(date(2026, 2, 15)) == pytest.approx(1 - 0.5 + 14 / 28)
    assert calendar_x(date(2028, 2, 15)) == pytest.approx(1 - 0.5 + 14 / 29)  # a leap year


def test_a_run_over_the_new_year_is_shaded_in_two_parts():
    winter = Run(2026, date(2026, 12, 20), date(2027, 1, 10))
    assert spans(winter) == [(calendar_x(date(2026, 12, 20)), 11.5),
                             (-0.5, calendar_x(date(2027, 1, 11)))]  # fmt: skip
    assert months_of(winter) == {12, 1}
    assert months_of(Run(2026, date(2026, 2, 24), date(2026, 3, 24))) == {2, 3}
    # a name over January starts at the run's left edge (centred, it ran off the chart)
    assert name_place(Run(2026, date(2026, 1, 5), date(2026, 1, 20))) == (
        (0, 1),
        calendar_x(date(2026, 1, 5)),
    )


@pytest.mark.parametrize("years", [1, 2, 3, 5])
def test_every_years_shade_together_is_one_full_shade(years):
    alpha = shade_alpha(years) / 255
    assert 1 - (1 - alpha) ** years == pytest.approx(FULL_SHADE, abs=0.01)


def test_spring_festival_is_shaded_on_each_years_own_dates(make_window, demo_db_path, qtbot,
                                                           monkeypatch):  # fmt: skip
    import pyqtgraph as pg

    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    window = make_window(demo_db_path)
    window.show()
    page = window.dashboard.page
    with qtbot.waitSignal(page.computed, timeout=10000):
        window.nav.setCurrentRow(PAGE_DASHBOARD)
    with qtbot.waitSignal(page.computed, timeout=10000):
        page.preset_combo.setCurrentIndex(page.preset_combo.findData(PRESET_CUSTOM))
    with qtbot.waitSignal(page.computed, timeout=10000):
        page.from_edit.setDate(QDate(2024, 1, 1))
    # 2024-01 to 2026-10: Spring Festival 2024-02-10, 2025-01-29, 2026-02-17
    spring = dict(page.peak_seasons())["Spring Festival"]
    assert spring == (
        (2024, date(2024, 2, 17), date(2024, 3, 16)),
        (2025, date(2025, 2, 5), date(2025, 3, 5)),
        (2026, date(2026, 2, 24), date(2026, 3, 24)),
    )
    chart = page.findChild(pg.PlotWidget, "chart_seasonality")

    def regions():
        items = chart.getPlotItem().items
        return [r for r in items if isinstance(r, pg.LinearRegionItem)]

    # four seasons, three years each, none over the new year
    qtbot.waitUntil(lambda: len(regions()) == 12, timeout=10000)
    starts = {round(r.getRegion()[0], 4) for r in regions()}
    for run in spring:
        assert round(calendar_x(run.start), 4) in starts
    # each year lighter, so that three years on top of each other make one full shade
    assert {r.brush.color().alpha() for r in regions()} == {shade_alpha(3)}
    march = chart.bars[2]
    assert march.more.split("\n") == [
        "Spring Festival 2024: 02-17 – 03-16",
        "Spring Festival 2025: 02-05 – 03-05",
        "Spring Festival 2026: 02-24 – 03-24",
    ]
