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
    assert settings["peak_seasons"] == [
        {"code": "spring_festival", "anchor": "spring_festival", "start_days": 7,
         "end_days": 35},
        {"code": "year_end_bonus", "start": "01-15", "end": "02-28"},
        {"code": "618", "start": "06-01", "end": "06-18"},
        {"code": "double_11", "start": "12-20", "end": "01-10"},
    ]  # fmt: skip
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
    # each season on its real dates of the period's years (2025-11 to 2026-10): Double 11
    # now runs from 2025-12-20 over the new year; 春节后 follows Spring Festival 2026-02-17
    seasons = dict(page.peak_seasons())
    assert seasons == {
        "Spring Festival": ((2026, date(2026, 2, 24), date(2026, 3, 24)),),
        "Year-end bonus": ((2026, date(2026, 1, 15), date(2026, 2, 28)),),
        "618": ((2026, date(2026, 6, 1), date(2026, 6, 18)),),
        "Double 11": ((2025, date(2025, 12, 20), date(2026, 1, 10)),),
    }
    # and shaded so in the chart (its shades are kept between drawings until seasons change)
    import pyqtgraph as pg

    from retention_desktop.ui.dashboard.season_marks import calendar_x

    chart = page.findChild(pg.PlotWidget, "chart_seasonality")
    items = chart.getPlotItem().items
    shaded = sorted(
        (round(a, 3), round(b, 3))
        for a, b in (r.getRegion() for r in items if isinstance(r, pg.LinearRegionItem))
    )
    june = round(calendar_x(date(2026, 6, 1)), 3), round(calendar_x(date(2026, 6, 19)), 3)
    assert june in shaded
    # Double 11 in two parts: from 12-20 to the end of December, and January to the 10th
    assert (round(calendar_x(date(2025, 12, 20)), 3), 11.5) in shaded
    assert (-0.5, round(calendar_x(date(2026, 1, 11)), 3)) in shaded
    assert len(shaded) == 5
    names = {t.textItem.toPlainText() for t in items if isinstance(t, pg.TextItem)}
    assert names == set(seasons)
    # a month's bar names the seasons in it, with their dates
    february = chart.bars[1]
    assert february.more.split("\n") == [
        "Spring Festival 2026: 02-24 – 03-24",
        "Year-end bonus 2026: 01-15 – 02-28",
    ]


def test_the_dialog_shows_what_the_file_holds_and_cancel_writes_nothing(window, qtbot):
    db = window.session.db
    before = dump(db)

    def look_then_cancel(dialog) -> None:
        assert child(dialog, "currencyEdit").text() == "¥"
        assert child(dialog, "seasonKind_spring_festival").currentText() == (
            "Days from Spring Festival"
        )
        assert child(dialog, "seasonStartDays_spring_festival").text() == "+7"
        assert child(dialog, "seasonEndDays_spring_festival").text() == "+35"
        assert child(dialog, "seasonKind_618").currentText() == "Fixed dates"
        assert child(dialog, "seasonStart_618").date().toString("MM-dd") == "05-25"
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
        # the dialog fits a laptop's 768-pixel screen (taskbar and title bar aside)
        seen["height"] = dialog.height()
        seen["popups"] = [e.calendarPopup() for e in edits]

        # the dialog as tall as its wrapped notes need: no field squeezed flat
        seen["squeezed"] = [e.objectName() for e in edits if e.height() < e.sizeHint().height()]

    with on_dialog(look):
        trigger(window, "settings")
    assert seen["squeezed"] == []
    assert seen["height"] <= 680
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


def test_a_season_set_from_spring_festival_shows_its_real_dates(window, qtbot, monkeypatch):
    """The year-end bonus season switched to days from Spring Festival keeps this year's
    dates at first; -10 and +25 typed in show 2026's and 2027's real dates (Spring
    Festival 2026-02-17 and 2027-02-06) and are what the file holds. Opened a year
    later, the same season shows 2027's and 2028's dates (Spring Festival 2028-01-26)."""
    db = window.session.db
    seen = {}

    def switch_and_type(dialog) -> None:
        kind = child(dialog, "seasonKind_year_end_bonus")
        dates = child(dialog, "seasonDates_year_end_bonus")
        assert dates.text() == "2026: 01-15 – 02-28    2027: 01-15 – 02-28"
        kind.setFocus()
        qtbot.keyClick(kind, Qt.Key.Key_Down)  # fixed dates -> days from Spring Festival
        assert kind.currentText() == "Days from Spring Festival"
        start = child(dialog, "seasonStartDays_year_end_bonus")
        end = child(dialog, "seasonEndDays_year_end_bonus")
        assert start.isVisible()
        assert end.isVisible()
        assert not child(dialog, "seasonStart_year_end_bonus").isVisible()
        # 2026's dates kept: 01-15 is 33 days before 02-17, 02-28 is 11 days after
        assert (start.text(), end.text()) == ("-33", "+11")
        seen["kept"] = dates.text()
        replace_text(qtbot, start.lineEdit(), "-10")
        replace_text(qtbot, end.lineEdit(), "25")
        seen["typed"] = dates.text()
        click(qtbot, button(dialog, SAVE))

    open_settings(qtbot, window, switch_and_type)
    assert seen["kept"] == "2026: 01-15 – 02-28    2027: 01-04 – 02-17"
    assert seen["typed"] == "2026: 02-07 – 03-14    2027: 01-27 – 03-03"
    stored = {s["code"]: s for s in get_setting(db, "peak_seasons")}
    assert stored["year_end_bonus"] == {
        "code": "year_end_bonus", "anchor": "spring_festival", "start_days": -10,
        "end_days": 25,
    }  # fmt: skip
    assert stored["618"] == {"code": "618", "start": "05-25", "end": "06-20"}

    monkeypatch.setattr(Session, "today", staticmethod(lambda: date(2027, 6, 1)))

    def look(dialog) -> None:
        seen["next year"] = child(dialog, "seasonDates_year_end_bonus").text()
        seen["spring"] = child(dialog, "seasonDates_spring_festival").text()
        click(qtbot, button(dialog, CANCEL))

    open_settings(qtbot, window, look)
    assert seen["next year"] == "2027: 01-27 – 03-03    2028: 01-16 – 02-20"
    assert seen["spring"] == "2027: 02-13 – 03-13    2028: 02-02 – 03-01"


def test_a_season_from_spring_festival_cannot_end_before_it_starts(window, qtbot):
    db = window.session.db
    before = dump(db)

    def type_backwards(dialog) -> None:
        replace_text(qtbot, child(dialog, "seasonStartDays_spring_festival").lineEdit(), "20")
        replace_text(qtbot, child(dialog, "seasonEndDays_spring_festival").lineEdit(), "5")
        click(qtbot, button(dialog, SAVE))
        assert dialog.isVisible()  # not accepted
        error = child(dialog, "seasonsError")
        assert error.isVisible()
        assert error.text() == (
            "Spring Festival ends before it starts: make its “To” at least its “From”."
        )
        assert dump(db) == before
        replace_text(qtbot, child(dialog, "seasonEndDays_spring_festival").lineEdit(), "40")
        assert not error.isVisible()  # the change takes the message away
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    open_settings(qtbot, window, type_backwards)
    spring = get_setting(db, "peak_seasons")[0]
    assert (spring["start_days"], spring["end_days"]) == (20, 40)
