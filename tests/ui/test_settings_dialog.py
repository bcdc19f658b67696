"""File > Settings: costs per hire, the alternative rate and peak-season dates, typed into
the real dialog; the file holds them afterwards and the dashboard follows at once."""

from __future__ import annotations

from datetime import date

import pytest
from driving import (
    CANCEL,
    CTRL,
    SAVE,
    action,
    activate,
    button,
    child,
    click,
    dump,
    on_dialog,
    replace_text,
    trigger,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QFrame, QLabel

from retention_desktop.store.settings import all_settings, get_setting
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.shell.main_window import PAGE_DASHBOARD

TODAY = date(2026, 11, 23)


@pytest.fixture
def window(make_window, demo_db_path, qtbot, monkeypatch):
    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    window = make_window(demo_db_path)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.dashboard.page.computed, timeout=10000):
        window.nav.setCurrentRow(PAGE_DASHBOARD)
    return window


def type_month_day(qtbot, edit: QDateEdit, text: str) -> None:
    """Type MM-DD into a month-day field, section by section."""
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.MonthSection)
    qtbot.keyClicks(edit, text.replace("-", ""))
    assert edit.date().toString("MM-dd") == text


def open_settings(qtbot, window, handle) -> None:
    activate(window, qtbot)
    with on_dialog(handle):
        qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)


def test_settings_typed_in_are_saved_and_the_dashboard_follows(window, qtbot):
    db, page = window.session.db, window.dashboard.page
    separations = page.report.summary.separations
    assert separations > 0
    assert "turnover_rate_leavers_plus_closing" not in {f.key for f in page.figures}

    def fill(dialog) -> None:
        replace_text(qtbot, child(dialog, "shopNameEdit"), "小王的网店")
        replace_text(qtbot, child(dialog, "currencyEdit"), "HK$")
        replace_text(qtbot, child(dialog, "recruitingCostSpin").lineEdit(), "1500")
        replace_text(qtbot, child(dialog, "trainingCostSpin").lineEdit(), "2500.5")
        click(qtbot, child(dialog, "alternativeRateCheck"))
        type_month_day(qtbot, child(dialog, "seasonStart_618"), "06-01")
        type_month_day(qtbot, child(dialog, "seasonEnd_618"), "06-18")
        type_month_day(qtbot, child(dialog, "seasonStart_double_11"), "12-20")
        type_month_day(qtbot, child(dialog, "seasonEnd_double_11"), "01-10")
        with qtbot.waitSignal(page.computed, timeout=10000):
            click(qtbot, button(dialog, SAVE))

    open_settings(qtbot, window, fill)
    settings = all_settings(db)
    assert settings["shop_name"] == "小王的网店"
    assert settings["currency"] == "HK$"
    assert settings["recruiting_cost_per_hire"] == 1500
    assert settings["training_cost_per_hire"] == 2500.5
    assert settings["show_leavers_plus_closing_rate"] is True
    seasons = {s["code"]: (s["start"], s["end"]) for s in settings["peak_seasons"]}
    assert seasons == {
        "spring_festival": ("02-10", "03-15"),
        "year_end_bonus": ("01-15", "02-28"),
        "618": ("06-01", "06-18"),
        "double_11": ("12-20", "01-10"),
    }
    # the dashboard: the cost of the separations, the alternative rate with its formula,
    # Double 11 shaded in December and January
    cost = next(f for f in page.figures if f.key == "turnover_cost")
    assert cost.value == separations * 4000.5
    assert page.findChild(type(page.period_label), "figure_turnover_cost").text() == (
        f"HK${separations * 4000.5:,.0f}"
    )
    alternative = next(f for f in page.figures if f.key == "turnover_rate_leavers_plus_closing")
    summary = page.report.summary
    assert alternative.value == summary.separations / (summary.separations + summary.closing)
    card = page.findChild(QFrame, "card_turnover_rate_leavers_plus_closing")
    assert card.isVisible()
    # the cards in the order of the figures, four to a row, none on top of another
    places = [page.grid.getItemPosition(page.grid.indexOf(page.cards[f.key][0]))[:2]
              for f in page.figures]  # fmt: skip
    assert places == [(n // 4, n % 4) for n in range(len(page.figures))]
    assert "leavers / (leavers + headcount at the end)" in page.title(alternative.key)
    assert ("618", 6, 6) in page.peak_seasons()
    assert ("Double 11", 12, 12) in page.peak_seasons()
    assert ("", 1, 1) in page.peak_seasons()
    # and shaded so in the chart (its shades are kept between drawings until seasons change)
    import pyqtgraph as pg

    chart = page.findChild(pg.PlotWidget, "chart_seasonality")
    items = chart.getPlotItem().items
    shaded = sorted(
        (round(a, 2), round(b, 2))
        for a, b in (r.getRegion() for r in items if isinstance(r, pg.LinearRegionItem))
    )
    seasons = page.peak_seasons()
    assert shaded == sorted((round(f - 1.45, 2), round(t - 0.55, 2)) for _, f, t in seasons)
    names = {t.textItem.toPlainText() for t in items if isinstance(t, pg.TextItem)}
    assert names == {name for name, _, _ in seasons if name}


def test_the_dialog_shows_what_the_file_holds_and_cancel_writes_nothing(window, qtbot):
    db = window.session.db
    before = dump(db)

    def look_then_cancel(dialog) -> None:
        assert child(dialog, "currencyEdit").text() == "¥"
        assert child(dialog, "seasonStart_spring_festival").date().toString("MM-dd") == "02-10"
        assert not child(dialog, "alternativeRateCheck").isChecked()
        replace_text(qtbot, child(dialog, "recruitingCostSpin").lineEdit(), "99")
        click(qtbot, child(dialog, "alternativeRateCheck"))
        click(qtbot, button(dialog, CANCEL))

    open_settings(qtbot, window, look_then_cancel)
    assert dump(db) == before


def test_a_currency_is_needed(window, qtbot):
    db = window.session.db
    before = dump(db)

    def clear_currency(dialog) -> None:
        replace_text(qtbot, child(dialog, "currencyEdit"), "")
        replace_text(qtbot, child(dialog, "recruitingCostSpin").lineEdit(), "800")
        click(qtbot, button(dialog, SAVE))
        assert dialog.isVisible()  # not accepted
        error = child(dialog, "currencyError")
        assert error.isVisible()
        assert error.text() == "Give a currency sign, such as ¥."
        assert dump(db) == before  # nothing written, not even the cost
        replace_text(qtbot, child(dialog, "currencyEdit"), "$")
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    open_settings(qtbot, window, clear_currency)
    assert get_setting(db, "currency") == "$"
    assert get_setting(db, "recruiting_cost_per_hire") == 800


def test_the_settings_are_in_the_file_menu(window):
    menu = window.menuBar().actions()[0].menu()
    assert action(window, "settings") in menu.actions()
    assert action(window, "settings").shortcut().toString() == "Ctrl+,"


def test_turning_the_alternative_rate_off_takes_its_card_away(window, qtbot):
    page = window.dashboard.page

    def toggle(dialog) -> None:
        click(qtbot, child(dialog, "alternativeRateCheck"))
        with qtbot.waitSignal(page.computed, timeout=10000):
            click(qtbot, button(dialog, SAVE))

    open_settings(qtbot, window, toggle)
    card = page.findChild(QFrame, "card_turnover_rate_leavers_plus_closing")
    assert card.isVisible()
    open_settings(qtbot, window, toggle)
    assert not card.isVisible()
    assert page.grid.indexOf(card) == -1
    assert "turnover_rate_leavers_plus_closing" not in {f.key for f in page.figures}
    assert page.findChild(QFrame, "card_turnover_cost").isVisible()


def test_settings_the_file_refuses_keep_the_dialog_open(window, qtbot, monkeypatch):
    """Another program holds the file: Save says so, the dialog keeps what was typed and
    the file its settings; once it lets go, Save saves."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    warned = []

    def warning(parent, title, text, *args):
        warned.append(text)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    db = window.session.db
    path = window.session.path
    before = all_settings(db)
    other = sqlite3.connect(path, isolation_level=None)
    seen = {}

    def fill(dialog) -> None:
        replace_text(qtbot, child(dialog, "shopNameEdit"), "小王的网店")
        other.execute("BEGIN IMMEDIATE")
        click(qtbot, button(dialog, SAVE))
        seen["open"] = dialog.isVisible()
        seen["typed"] = child(dialog, "shopNameEdit").text()
        seen["file"] = all_settings(db)
        other.execute("ROLLBACK")
        click(qtbot, button(dialog, SAVE))
        seen["closed"] = not dialog.isVisible()

    try:
        open_settings(qtbot, window, fill)
    finally:
        other.close()
    assert warned == [
        f"Another program is using {path}, so the change was not saved. Close it or wait a "
        "moment, then save again."
    ]
    assert seen["open"]
    assert seen["typed"] == "小王的网店"
    assert seen["file"] == before
    assert seen["closed"]
    assert all_settings(db)["shop_name"] == "小王的网店"


def test_peak_season_dates_show_no_year(make_window, demo_db_path, qtbot):
    """Month and day only: the calendar popup showed the year 2000."""
    from PySide6.QtWidgets import QDateEdit

    window = make_window(demo_db_path)
    window.show()
    seen = {}

    def look(dialog) -> None:
        edits = [e for e in dialog.findChildren(QDateEdit) if e.objectName().startswith("season")]
        seen["texts"] = [e.text() for e in edits]
        seen["popups"] = [e.calendarPopup() for e in edits]

        # the dialog as tall as its wrapped notes need: no field squeezed flat
        seen["squeezed"] = [e.objectName() for e in edits if e.height() < e.sizeHint().height()]

    with on_dialog(look):
        trigger(window, "settings")
    assert seen["squeezed"] == []
    assert len(seen["texts"]) == 8
    assert all(len(text) == 5 and text[2] == "-" for text in seen["texts"])
    assert not any(seen["popups"])


def test_settings_saved_are_undone_and_redone_with_the_keyboard(window, qtbot):
    """Edit > Undo takes back a save of the settings (all the keys it changed), redo puts
    it back; the dashboard follows each."""
    db = window.session.db
    before = all_settings(db)

    def fill(dialog) -> None:
        replace_text(qtbot, child(dialog, "currencyEdit"), "HK$")
        replace_text(qtbot, child(dialog, "recruitingCostSpin").lineEdit(), "1800")
        click(qtbot, button(dialog, SAVE))

    open_settings(qtbot, window, fill)
    after = all_settings(db)
    assert (after["currency"], after["recruiting_cost_per_hire"]) == ("HK$", 1800.0)
    undo = action(window, "undo")
    assert undo.text() == "&Undo Change settings"
    activate(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert all_settings(db) == before
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)
    assert all_settings(db) == after


def test_the_probation_length_is_a_setting_the_dashboard_follows(window, qtbot):
    """Settings > Probation (3 months by default): the dashboard's probation attrition
    rate, shown with its formula, is computed with the months typed in."""
    from retention_desktop.store.reports import terms_of, turnover_report

    db, page = window.session.db, window.dashboard.page
    assert get_setting(db, "probation_months") == 3
    title = page.findChild(QFrame, "card_probation_attrition_rate").findChildren(QLabel)[0]
    assert title.text() == "Probation attrition rate = probation exits ÷ hires of the same period"

    def fill(dialog) -> None:
        assert child(dialog, "probationMonthsSpin").value() == 3
        replace_text(qtbot, child(dialog, "probationMonthsSpin").lineEdit(), "6")
        with qtbot.waitSignal(page.computed, timeout=10000):
            click(qtbot, button(dialog, SAVE))

    open_settings(qtbot, window, fill)
    assert get_setting(db, "probation_months") == 6
    assert terms_of(db).probation_months == 6
    expected = turnover_report(db, page.period(), lang="en", today=TODAY).summary
    shown = next(f for f in page.figures if f.key == "probation_attrition_rate")
    assert shown.value == expected.probation_attrition_rate
    assert expected.probation_exits >= 1
