"""The dashboard's figures are the report's figures (METRICS.md), for any period and team."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QTableView

from retention_desktop.domain.dates import Month, Period
from retention_desktop.store.reports import headcount, turnover_report
from retention_desktop.ui.common.period_picker import PRESET_CUSTOM
from retention_desktop.ui.common.session import REASONS, Session
from retention_desktop.ui.dashboard.controller import exits_behind
from retention_desktop.ui.shell.main_window import PAGE_DASHBOARD

TODAY = date(2026, 11, 23)


@pytest.fixture
def dashboard(make_window, demo_db_path, qtbot, monkeypatch):
    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    window = make_window(demo_db_path)
    window.show()
    with qtbot.waitSignal(window.dashboard.page.computed, timeout=10000):
        window.nav.setCurrentRow(PAGE_DASHBOARD)
    return window.dashboard.page


def choose(page, qtbot, first: str, last: str, team: str | None) -> None:
    custom = page.preset_combo.findData(PRESET_CUSTOM)
    if page.preset_combo.currentIndex() != custom:
        with qtbot.waitSignal(page.computed, timeout=10000):
            page.preset_combo.setCurrentIndex(custom)
    start, end = Month.parse(first), Month.parse(last)
    for edit, month in ((page.from_edit, start), (page.to_edit, end)):
        if edit.date() != QDate(month.year, month.month, 1):
            with qtbot.waitSignal(page.computed, timeout=10000):
                edit.setDate(QDate(month.year, month.month, 1))
    index = page.team_combo.findData(team)
    if page.team_combo.currentIndex() != index:
        with qtbot.waitSignal(page.computed, timeout=10000):
            page.team_combo.setCurrentIndex(index)


def expected(session: Session, period: Period, team: str | None) -> dict[str, object]:
    report = turnover_report(session.db, period, lang="en", today=TODAY, team=team).to_json()
    before = turnover_report(
        session.db, period.previous(), lang="en", today=TODAY, team=team
    ).to_json()
    summary, survival = report["summary"], report["new_hire_survival"]
    keys = [
        "separations",
        "turnover_rate",
        "annualized_turnover_rate",
        "voluntary_turnover_rate",
        "early_attrition_rate",
        "probation_attrition_rate",
        "retention_rate",
        "turnover_cost",
    ]
    figures = {key: (summary[key], before["summary"][key]) for key in keys}
    for mark in ("30", "60", "90"):
        figures[f"survival_{mark}"] = (survival[mark], before["new_hire_survival"][mark])
    figures["headcount_now"] = (headcount(session.db, TODAY, team), None)
    return figures


CHOICES = [
    ("2025-11", "2026-10", None),
    ("2024-01", "2024-12", None),
    ("2025-01", "2025-06", "售前客服"),
    ("2024-07", "2024-07", "售后客服"),
    ("2021-01", "2021-12", None),  # before the shop opened: no exits, nobody employed
]


def test_every_figure_equals_the_report(dashboard, qtbot):
    """For each period and team chosen in turn on the page (one window for all)."""
    for first, last, team in CHOICES:
        choose(dashboard, qtbot, first, last, team)
        shown = {f.key: (f.value, f.previous) for f in dashboard.figures}
        period = Period.parse(first, last, TODAY)
        assert shown == expected(dashboard.session, period, team), (first, last, team)
        # and what is on screen is those numbers
        rate = dashboard.figures[2]
        label = dashboard.findChild(type(dashboard.period_label), f"figure_{rate.key}")
        assert label.text() == dashboard.format(rate.kind, rate.value), (first, last, team)


def test_a_period_with_nobody_shows_the_empty_state(dashboard, qtbot):
    choose(dashboard, qtbot, "2021-01", "2021-12", None)
    assert dashboard.empty_label.isVisible()
    assert "Nobody was employed" in dashboard.empty_label.text()
    separations = dashboard.findChild(type(dashboard.period_label), "figure_separations")
    assert separations.text() == "0"
    choose(dashboard, qtbot, "2025-01", "2025-12", None)
    assert not dashboard.empty_label.isVisible()


def test_the_rate_line_is_drawn_again_not_added_again(dashboard, qtbot):
    """Each drawing of the monthly chart puts the turnover rate in the same line on the
    same second axis (it used to add a view box and a resize hook each time), and a
    period with no rate hides the line, its axis and its legend entry."""
    import pyqtgraph as pg

    chart = dashboard.findChild(pg.PlotWidget, "chart_monthly")
    item = chart.getPlotItem()

    def boxes() -> int:
        return sum(isinstance(i, pg.ViewBox) for i in chart.scene().items())

    assert boxes() == 2
    for first, last in (("2024-01", "2024-12"), ("2021-01", "2021-12"), ("2025-01", "2025-06")):
        choose(dashboard, qtbot, first, last, None)
        assert boxes() == 2
        with_rates = first != "2021-01"
        assert chart.rate_box.isVisible() == with_rates
        assert item.getAxis("right").isVisible() == with_rates
        assert (item.legend.getLabel(chart.rate_line) is not None) == with_rates
        months = dashboard.report.monthly
        shown = chart.rate_line.getData()[1]
        expected = [m.turnover_rate * 100 for m in months if m.turnover_rate is not None]
        assert list(shown if shown is not None else []) == pytest.approx(expected)


def test_the_default_period_is_the_last_twelve_whole_months(dashboard):
    assert dashboard.report.period == Period.last_whole_months(TODAY)
    assert dashboard.previous.period == Period.last_whole_months(TODAY).previous()
    assert dashboard.period_label.text() == (
        "2025-11 to 2026-10 (12 months), compared with 2024-11 to 2025-10"
    )


def test_every_chart_bar_holds_the_report_figure_and_drills_down(dashboard, qtbot):
    from retention_desktop.ui.dashboard.controller import exits_behind

    report = dashboard.report
    charts = {key: chart for key, (chart, _) in dashboard.charts.items()}
    monthly = charts["monthly"].bars
    voluntary = {b.key[1]: b.height for b in monthly if b.key and b.key[2] == "voluntary"}
    assert voluntary == {m.month: m.voluntary for m in report.monthly}
    reasons = {b.key[1]: b.height for b in charts["reasons"].bars}
    assert reasons == {r.reason: r.separations for r in report.by_reason}
    tenure = [b.height for b in charts["tenure"].bars]
    assert tenure == [count for _, count in report.tenure_at_exit]
    season = [b.height for b in charts["seasonality"].bars]
    assert season == [count for _, count in report.seasonality]
    # the exits behind each bar are as many as the bar says
    for chart in charts.values():
        for bar in chart.bars:
            if bar.key is None or bar.key[0] == "team":
                continue  # a team bar is a rate (its separations are in the hover text);
                # a headcount point has no exits behind it
            rows = exits_behind(dashboard.session, report.period, None, bar.key)
            assert len(rows) == bar.height, bar.key
    for bar in charts["teams"].bars:
        team = next(t for t in report.by_team if t.team == bar.key[1])
        rows = exits_behind(dashboard.session, report.period, None, bar.key)
        assert len(rows) == team.separations


def test_the_headcount_line_follows_the_months(dashboard):
    report = dashboard.report
    chart = dashboard.charts["headcount"][0]
    (line,) = chart.getPlotItem().listDataItems()
    xs, ys = line.getData()
    assert list(xs) == list(range(len(report.monthly)))
    assert list(ys) == [m.closing for m in report.monthly]
    last = report.monthly[-1]
    assert chart.bars[-1].text == (
        f"{last.month}: {last.opening} employed at the start, {last.closing} at the end "
        f"(average {last.average_headcount:g})"
    )
    assert all(bar.key is None for bar in chart.bars)  # nothing to drill into


def test_hovering_a_month_gives_its_bar_or_else_its_rate(dashboard, qtbot):
    from PySide6.QtCore import QPointF

    chart = dashboard.charts["monthly"][0]
    chart.resize(900, 400)
    chart.show()
    qtbot.waitExposed(chart)
    report = dashboard.report
    n, month = next((i, m) for i, m in enumerate(report.monthly) if m.voluntary)
    view = chart.getPlotItem().vb
    on_bar = chart.bar_at(view.mapViewToScene(QPointF(n, month.voluntary / 2)))
    assert on_bar.text == f"{month.month}: {month.voluntary} voluntary"
    above = chart.bar_at(view.mapViewToScene(QPointF(n, month.separations + 0.2)))
    assert above.text == (
        f"{month.month}: {month.separations} separations, average headcount "
        f"{month.average_headcount:g}, turnover rate {month.turnover_rate * 100:.1f}%"
    )
    assert above.key is None


def test_count_axes_tick_whole_numbers_only(dashboard):
    from retention_desktop.ui.dashboard.charts import CountAxis

    for key in ("monthly", "headcount", "tenure", "seasonality"):
        axis = dashboard.charts[key][0].getPlotItem().getAxis("left")
        assert isinstance(axis, CountAxis), key
    axis = dashboard.charts["reasons"][0].getPlotItem().getAxis("bottom")
    assert isinstance(axis, CountAxis)
    for low, high in ((0, 1), (0, 3), (0, 7.5), (0, 260)):
        spacings = [spacing for spacing, _ in axis.tickSpacing(low, high, 300)]
        assert spacings
        assert min(spacings) >= 1
        values = [v for spacing, ticks in axis.tickValues(low, high, 300) for v in ticks]
        assert values
        assert all(v == int(v) for v in values), (low, high, values)


def test_clicking_a_bar_lists_its_exits_and_one_opens(dashboard, qtbot):
    from driving import CANCEL, button, double_click, on_dialog
    from PySide6.QtCore import QPoint, QPointF

    window = dashboard.window()
    window.resize(1100, 800)
    window.show()
    qtbot.waitExposed(window)
    chart = dashboard.charts["reasons"][0]
    dashboard.findChild(QScrollArea, "dashboardScroll").ensureWidgetVisible(chart)
    top = max(chart.bars, key=lambda b: b.x)  # the most common reason, drawn at the top
    expected = exits_behind(dashboard.session, dashboard.report.period, None, top.key)
    seen = {}

    def look(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        view = dialog.findChild(QTableView, "exitsBehindView")
        model = view.model()
        seen["exits"] = [model.row_at(r).exit_id for r in range(model.rowCount())]

        def opened(exit_dialog) -> None:
            seen["opened"] = (exit_dialog.objectName(), exit_dialog.exit_id)
            qtbot.mouseClick(button(exit_dialog, CANCEL), Qt.MouseButton.LeftButton)

        with on_dialog(opened):
            double_click(qtbot, view, model.index(0, 1))
        dialog.reject()

    middle = chart.getPlotItem().vb.mapViewToScene(QPointF(top.height / 2, top.x))
    at = chart.mapFromScene(middle)
    with on_dialog(look):
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(at.x(), at.y()))
    assert seen["title"] == top.text
    assert sorted(seen["exits"]) == sorted(r.exit_id for r in expected)
    assert len(seen["exits"]) == top.height
    assert seen["opened"][0] == "exitDialog"
    assert seen["opened"][1] in seen["exits"]


def test_a_chart_saves_as_png(dashboard, tmp_path, qtbot):
    from driving import choosing_file
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QPushButton

    dashboard.resize(1000, 800)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    button = dashboard.findChild(QPushButton, "save_reasons")
    with choosing_file(tmp_path / "reasons"):  # typed without .png: it is added
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    image = QImage(str(tmp_path / "reasons.png"))
    assert not image.isNull()
    assert image.width() > 100


def test_the_save_button_saves_the_months_with_their_headcount(
    dashboard, tmp_path, monkeypatch, qtbot
):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog, QPushButton

    asked = []

    def ask(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / "months.png"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    dashboard.resize(1000, 800)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    button = dashboard.findChild(QPushButton, "save_monthly")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["Separations per month and turnover rate.png"]
    image = QImage(str(tmp_path / "months.png"))
    monthly, headcount = (dashboard.charts[key][0] for key in ("monthly", "headcount"))
    assert image.height() == monthly.height() + headcount.height()
    assert image.width() == monthly.width()


def test_copy_figures_puts_a_table_on_the_clipboard(dashboard, qtbot, qapp):
    qtbot.mouseClick(dashboard.copy_button, Qt.MouseButton.LeftButton)
    lines = qapp.clipboard().text().splitlines()
    assert len(lines) == 1 + len(dashboard.figures)
    assert lines[2].split("\t")[:2] == ["Separations", str(dashboard.report.summary.separations)]


def test_the_dashboard_follows_a_recorded_exit(dashboard, qtbot):
    from retention_desktop.domain.records import ExitDraft
    from retention_desktop.store import queries, records

    session = dashboard.session
    before = dashboard.report.summary.separations
    person = next(r for r in session.roster() if r.end_date is None)
    spell = queries.open_spell(session.db, person.employee_id)
    with qtbot.waitSignal(dashboard.computed, timeout=10000):
        session.change(
            "exit",
            lambda: records.record_exit(session.db, spell, ExitDraft(last_day=date(2026, 10, 15))),
            person.employee_id,
        )
    assert dashboard.report.summary.separations == before + 1


def test_the_file_is_read_again_only_after_a_change(dashboard, qtbot, monkeypatch):
    from retention_desktop.domain.records import ExitDraft
    from retention_desktop.store import queries, records
    from retention_desktop.store.reports import KeptSpells

    reads = []
    read, updated = KeptSpells.read.__func__, KeptSpells.updated

    def counted_read(cls, path, lang):
        reads.append("all")
        return read(cls, path, lang)

    def counted_update(self, path, lang, employees):
        reads.append(set(employees))
        return updated(self, path, lang, employees)

    monkeypatch.setattr(KeptSpells, "read", classmethod(counted_read))
    monkeypatch.setattr(KeptSpells, "updated", counted_update)
    choose(dashboard, qtbot, "2024-01", "2024-12", "售前客服")
    choose(dashboard, qtbot, "2025-01", "2025-12", None)
    assert reads == []  # other periods and teams: computed from the rows kept
    session = dashboard.session
    person = next(r for r in session.roster() if r.end_date is None and r.team == "售前客服")
    spell = queries.open_spell(session.db, person.employee_id)
    before = dashboard.report.summary.separations
    with qtbot.waitSignal(dashboard.computed, timeout=10000):
        session.change(
            "exit",
            lambda: records.record_exit(session.db, spell, ExitDraft(last_day=date(2025, 6, 30))),
            person.employee_id,
        )
    assert reads == [{person.employee_id}]  # only the person changed is read again
    assert dashboard.report.summary.separations == before + 1
    with qtbot.waitSignal(dashboard.computed, timeout=10000):
        session.undo_stack.undo()
    assert reads == [{person.employee_id}, {person.employee_id}]
    assert dashboard.report.summary.separations == before
    # a reason renamed in the reason list: every spell read again, with the new label
    top = dashboard.report.by_reason[0]
    with session.db.atomic():
        session.db.execute(
            "UPDATE exit_reasons SET label_en = 'Pay too low', renamed = 1 WHERE label_en = ?",
            [top.reason],
        )
    with qtbot.waitSignal(dashboard.computed, timeout=10000):
        session.catalog_saved(REASONS, deleted=False)
    assert reads[-1] == "all"
    assert dashboard.report.by_reason[0].reason == "Pay too low"
    assert dashboard.report.by_reason[0].separations == top.separations
    assert dashboard.report.summary.separations == before


def test_the_actions_of_the_period_are_counted_by_type_and_status(dashboard, qtbot):
    from retention_desktop.store.reports import action_figures

    for first, last, team in (("2025-11", "2026-10", None), ("2025-01", "2025-12", "售前客服")):
        choose(dashboard, qtbot, first, last, team)
        figures = action_figures(
            dashboard.session.db, Period.parse(first, last, TODAY), lang="en", team=team
        )
        assert figures.by_type, "the demo shop has actions in the period"
        model = dashboard.actions_model
        shown = [tuple(model.item(r, c).text() for c in range(4)) for r in range(model.rowCount())]
        assert shown == [
            (label, str(planned), str(done), str(cancelled))
            for label, planned, done, cancelled in figures.by_type
        ]
        cost = dashboard.format("money", figures.cost_done)
        assert cost in dashboard.actions_cost_label.text()


@pytest.fixture
def held(monkeypatch):
    """The dashboard's figures computed only when `release` is set (`started` is set once
    the computing began)."""
    import threading

    from retention_desktop.ui.dashboard import controller
    from retention_desktop.ui.dashboard.view import DashboardPage

    started, release, shown = threading.Event(), threading.Event(), []
    compute = controller.compute

    def held_compute(*args, **kwargs):
        started.set()
        assert release.wait(10), "never released"
        return compute(*args, **kwargs)

    def noted(draw):
        def note(page, figures_or_error) -> None:
            shown.append(figures_or_error)
            draw(page, figures_or_error)

        return note

    monkeypatch.setattr(controller, "compute", held_compute)
    for name in ("show_figures", "show_failure"):
        monkeypatch.setattr(DashboardPage, name, noted(getattr(DashboardPage, name)))
    return started, release, shown


def test_figures_computed_after_the_window_and_file_were_closed_are_dropped(
    make_window, demo_db_path, qtbot, held
):
    from driving import trigger

    from retention_desktop.ui.common.jobs import wait_for_jobs

    started, release, shown = held
    window = make_window(demo_db_path)
    window.show()
    qtbot.waitExposed(window)
    trigger(window, "showDashboard")
    qtbot.waitUntil(started.is_set, timeout=10000)
    window.close()  # as the app closes: the window, then the file (run_gui)
    window.session.close()
    release.set()
    assert wait_for_jobs()
    qtbot.wait(100)  # the result, had it been delivered, would be drawn by now
    assert shown == []
    assert window.dashboard.page.report is None


def test_figures_computed_after_the_window_was_destroyed_are_dropped(demo_db_path, qtbot, held):
    from driving import trigger

    from retention_desktop.store.database import open_database
    from retention_desktop.ui.common.jobs import wait_for_jobs
    from retention_desktop.ui.shell.main_window import MainWindow

    started, release, shown = held
    session = Session(open_database(demo_db_path), demo_db_path, "en")
    try:
        window = MainWindow(session)
        window.show()
        qtbot.waitExposed(window)
        trigger(window, "showDashboard")
        qtbot.waitUntil(started.is_set, timeout=10000)
        gone = []
        window.destroyed.connect(lambda: gone.append(True))
        window.close()
        window.deleteLater()
        qtbot.waitUntil(lambda: bool(gone), timeout=5000)
        release.set()
        assert wait_for_jobs()
        qtbot.wait(100)
        assert shown == []
    finally:
        release.set()
        wait_for_jobs()
        session.close()


def _wheel(widget, at, steps: int) -> None:
    """Turn the mouse wheel at `at` (in `widget`), `steps` notches down, as the window
    system delivers it (Qt passes a synthetic wheel event to no parent)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = widget.window()
    where = QPointF(widget.mapTo(window, at))
    for _ in range(steps):
        QTest.wheelEvent(window.windowHandle(), where, QPoint(0, -120))
        QApplication.processEvents()


def test_the_wheel_over_a_chart_scrolls_the_page_and_leaves_the_chart(dashboard, qtbot):
    """Five notches used to stretch the monthly axis to ±30,000 with no way back."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    qtbot.waitExposed(dashboard)
    scroll = dashboard.findChild(QScrollArea, "dashboardScroll")
    monthly = dashboard.charts["monthly"][0]
    bar = scroll.verticalScrollBar()
    # the chart's top in view, the page not at its end
    bar.setValue(monthly.mapTo(scroll.widget(), QPoint(0, 0)).y() - 20)
    top = bar.value()
    assert 0 < top < bar.maximum()
    shown = scroll.viewport().height() - monthly.mapTo(scroll.viewport(), QPoint(0, 0)).y()
    assert shown > 40
    qtbot.wait(50)  # laid out as shown
    before = monthly.getPlotItem().viewRange()
    middle = QPoint(monthly.width() // 2, min(shown, monthly.height()) // 2)
    _wheel(monthly, middle, 5)  # over its bars, in view
    assert monthly.getPlotItem().viewRange() == before
    assert bar.value() > top  # the page moved down


def test_a_charts_own_menu_saves_it_and_copies_the_figures(dashboard, qtbot, qapp, tmp_path):
    from driving import choosing_file
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent, QImage
    from PySide6.QtWidgets import QApplication, QMenu

    dashboard.resize(1000, 800)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    chart = dashboard.charts["reasons"][0]

    def open_menu() -> QMenu:
        at = QPoint(chart.width() // 2, chart.height() // 2)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, chart.mapToGlobal(at))
        QApplication.sendEvent(chart.viewport(), event)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        return QApplication.activePopupWidget()

    menu = open_menu()
    assert [a.text() for a in menu.actions()] == ["Save as PNG…", "Copy figures"]
    qapp.clipboard().clear()
    menu.actions()[1].trigger()
    menu.close()
    assert qapp.clipboard().text().splitlines()[0]
    menu = open_menu()
    with choosing_file(tmp_path / "reasons.png"):
        menu.actions()[0].trigger()
    menu.close()
    assert not QImage(str(tmp_path / "reasons.png")).isNull()


def test_the_first_and_last_bars_are_whole(dashboard, qtbot):
    """Auto-ranging cut the first and last bars (and a horizontal chart's longest one) at
    the edges; the months' line below meets the bars month by month."""
    dashboard.window().resize(1100, 800)  # half-page charts about 380 px wide
    qtbot.waitExposed(dashboard)
    qtbot.wait(50)
    for key in ("monthly", "reasons", "teams", "tenure", "seasonality", "headcount"):
        chart = dashboard.charts[key][0]
        (x_low, x_high), (y_low, y_high) = chart.getPlotItem().getViewBox().viewRange()
        places = [b.x for b in chart.bars]
        if chart._horizontal:
            low, high, longest = y_low, y_high, x_high
            assert longest >= max(b.height for b in chart.bars), key
        else:
            low, high = x_low, x_high
        assert low <= min(places) - 0.5, key
        assert high >= max(places) + 0.5, key
        # nothing of the plot beyond the chart's edge (a long title pushed it past)
        drawn = chart.getPlotItem().sceneBoundingRect()
        assert drawn.right() <= chart.viewport().width() + 1, key
    monthly, headcount = (dashboard.charts[k][0] for k in ("monthly", "headcount"))
    months_range = monthly.getPlotItem().getViewBox().viewRange()[0]
    line_range = headcount.getPlotItem().getViewBox().viewRange()[0]
    assert months_range == pytest.approx(line_range)


def test_every_figure_says_how_it_is_computed(dashboard, qtbot):
    """Resting the mouse on a figure (or What's This) tells its formula, in the owner's
    words (shared/METRICS.md)."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QFrame, QToolTip

    dashboard.show()
    qtbot.waitExposed(dashboard)
    for figure in dashboard.figures:
        card = dashboard.findChild(QFrame, f"card_{figure.key}")
        assert card.whatsThis() == card.toolTip() != "", figure.key
        QToolTip.hideText()
        at = QPoint(5, 5)
        QApplication.sendEvent(card, QHelpEvent(QEvent.Type.ToolTip, at, card.mapToGlobal(at)))
        assert QToolTip.text() == card.toolTip(), figure.key
    turnover = dashboard.findChild(QFrame, "card_turnover_rate")
    assert turnover.toolTip().startswith("Separations ÷ average headcount.")


def test_month_names_are_thinned_out_when_the_chart_is_narrow(dashboard, qtbot):
    """Under a narrow chart every second (third…) month is named, never run together;
    team names are each shown, cut short when they do not fit; a title too long for its
    chart ends in "…"."""
    monthly = dashboard.charts["monthly"][0]
    axis = monthly.getPlotItem().getAxis("bottom")
    window = dashboard.window()
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: len(axis._tickLevels[0]) == 12)
    window.resize(760, 700)
    qtbot.waitUntil(lambda: len(axis._tickLevels[0]) < 12)
    metrics = monthly.fontMetrics()
    named = axis._tickLevels[0]
    step = named[1][0] - named[0][0]
    slot = monthly.getPlotItem().getViewBox().width() / (12 + 1 + 2 * 0.15)
    assert step * slot >= max(metrics.horizontalAdvance(text) for _, text in named)
    teams = dashboard.charts["teams"][0]
    named = teams.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert len(named) == len(dashboard.latest.report.by_team)
    seasons = dashboard.charts["seasonality"][0]
    assert seasons._shown_title.endswith("…")


def test_the_turnover_costs_change_is_in_money(dashboard):
    change = dashboard.findChild(QLabel, "change_turnover_cost").text()
    assert change.endswith("vs previous period")
    assert "¥" in change


def test_hires_and_separations_stand_side_by_side_with_the_net_change(dashboard, qtbot):
    """Each month's hires and separations, each bar the report's figure; the net change
    (hires less separations) hovers over the month."""
    chart = dashboard.charts["hires"][0]
    months = dashboard.report.monthly
    hires = [b for b in chart.bars if b.x % 1 > 0.5]  # drawn a little left of the month
    left = [b for b in chart.bars if 0 < b.x % 1 < 0.5]
    assert [b.height for b in hires] == [m.hires for m in months]
    assert [b.height for b in left] == [m.separations for m in months]
    net = [b for b in chart.bars if b.x % 1 == 0]
    assert [b.text for b in net] == [
        f"{m.month}: net change {m.hires - m.separations:+d}" for m in months]  # fmt: skip


def test_the_survival_of_the_periods_hires_is_drawn_with_what_it_rests_on(dashboard):
    """The Kaplan-Meier curve of the period's hires (the report's), the number still
    observed under the axis at 30 / 90 / 180 / 365 days, how many hires and exits it
    rests on, and the previous period's curve beside it."""
    import pyqtgraph as pg

    chart = dashboard.charts["survival"][0]
    survival = dashboard.report.survival
    assert survival.spells > 0
    shown = [(p.days, p.at_risk) for p in survival.points if p.days <= max(survival.longest, 30)]
    assert chart.at_risk == shown
    texts = [i.textItem.toPlainText() for i in chart.getPlotItem().items
             if isinstance(i, pg.TextItem)]  # fmt: skip
    assert any(t.startswith(f"{survival.spells} hires, {survival.exits} exits") for t in texts)
    curves = [i for i in chart.getPlotItem().items if isinstance(i, pg.PlotDataItem)]
    ours = curves[-1].getData()[1]
    assert ours[0] == 100
    assert ours[-1] == survival.steps[-1][1] * 100 if survival.steps else 100


def test_the_survival_chart_compares_with_another_team(dashboard, qtbot):
    """Compare with: the previous period's hires (first), or another team's hires of the
    same period: the dashed curve is theirs."""
    import pyqtgraph as pg

    from retention_desktop.ui.dashboard.charts import _step_line

    combo = dashboard.compare_combo
    assert combo.isVisible()
    assert combo.currentText() == "The previous period's hires"
    team = "售后客服"
    with qtbot.waitSignal(dashboard.computed, timeout=10000):
        combo.setCurrentIndex(combo.findText(f"The hires of {team}"))
    assert combo.currentData() == team
    expected = turnover_report(dashboard.session.db, dashboard.period(), lang="en",
                               today=TODAY, team=team).survival  # fmt: skip
    assert dashboard.latest.compared.survival == expected
    chart = dashboard.charts["survival"][0]
    dashed = next(i for i in chart.getPlotItem().items if isinstance(i, pg.PlotDataItem))
    _, ys = dashed.getData()
    assert list(ys) == _step_line(expected.steps, expected.longest, 1)[1]


def test_notices_kept_and_lost_and_where_the_leavers_went(dashboard, qtbot):
    """The notices given in the period with how they ended, and a chart of where the
    period's leavers went whose bars list the exits that name the destination."""
    from retention_desktop.store import departures

    session, period = dashboard.session, dashboard.report.period
    notices = departures.notice_figures(session.db, period, None, TODAY)
    assert notices.given > 0
    assert notices.kept > 0  # the demo shop turned some around
    text = dashboard.findChild(QLabel, "noticesLabel").text()
    assert text.startswith(f"{notices.given} notices given: {notices.kept} kept, "
                           f"{notices.lost} lost, {notices.open} still on notice.")  # fmt: skip
    tried = f"You tried to keep {notices.tried} of them; {notices.kept_after_try} stayed."
    assert (tried in text) == bool(notices.tried)

    places = departures.destinations(session.db, "en", period, None)
    chart = dashboard.charts["destinations"][0]
    assert sorted(b.height for b in chart.bars) == sorted(p.separations for p in places)
    assert sum(b.height for b in chart.bars) == dashboard.report.summary.separations
    top = max(chart.bars, key=lambda b: b.x)  # the most common destination, at the top
    assert top.key[0] == "destination"
    behind = exits_behind(session, period, None, top.key)
    assert len(behind) == top.height
    named = {p.destination_id: p.label for p in places}
    assert {row.destination for row in behind} == {named[top.key[1]]}
    # a team of its own: only its leavers
    choose(dashboard, qtbot, str(period.first), str(period.last), "售后客服")
    team_places = departures.destinations(session.db, "en", period, "售后客服")
    assert sum(b.height for b in chart.bars) == sum(p.separations for p in team_places)
