"""The Today panel: shown at start with what the reminder rules find, each line a link;
closed and brought back with View > Today (Ctrl+T)."""

from __future__ import annotations

from datetime import date

import pytest
from driving import activate, on_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from retention_desktop.store.reminders import today_items
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.shell.main_window import PAGE_DASHBOARD, PAGE_ROSTER
from retention_desktop.ui.today import view as today_panel
from retention_desktop.ui.today.view import (
    FIRST_LINES,
    HANDOVER,
    HIGH_RISK,
    NEW_HIRES,
    NO_CHECK_IN,
    OVERDUE,
    PEAK,
)

TODAY = date(2026, 11, 23)


def open_window(make_window, demo_db_path, qtbot, monkeypatch, today=TODAY):
    monkeypatch.setattr(Session, "today", staticmethod(lambda: today))
    window = make_window(demo_db_path)
    window.resize(790, 560)
    with qtbot.waitSignal(window.today.panel.loaded, timeout=10000):
        window.show()
    activate(window, qtbot)
    return window


@pytest.fixture
def window(make_window, demo_db_path, qtbot, monkeypatch):
    return open_window(make_window, demo_db_path, qtbot, monkeypatch)


def texts(panel, key: str) -> list[str]:
    return [item.text(0) for item in panel.section_lines(key)]


def test_the_panel_shows_what_the_rules_find(window):
    panel = window.today.panel
    assert window.today_dock.isVisible()
    items = today_items(window.session.db, "en", TODAY)
    counts = {
        OVERDUE: len(items.overdue),
        NEW_HIRES: len(items.new_hire_marks),
        NO_CHECK_IN: len(items.no_check_in),
        PEAK: len(items.peak_season),
        HANDOVER: len(items.unfinished_handover),
        HIGH_RISK: len(items.high_risk_without_action),
    }
    assert counts[OVERDUE] >= 1, "the demo shop has an overdue action"
    for key, count in counts.items():
        assert len(panel.section_lines(key)) == min(count, FIRST_LINES), key
    overdue = items.overdue[0]
    assert texts(panel, OVERDUE)[0].startswith(f"{overdue.name} · ")
    due = overdue.due_date or overdue.planned_date
    assert f"due {due} ({(TODAY - due).days} days ago)" in texts(panel, OVERDUE)[0]


def test_an_overdue_line_opens_its_action(window, qtbot):
    panel = window.today.panel
    line = panel.section_lines(OVERDUE)[0]
    expected = window.today.panel.items.overdue[0]
    seen = {}

    def look(dialog) -> None:
        seen["name"] = dialog.objectName()
        seen["id"] = dialog.action_id
        dialog.reject()

    with on_dialog(look):
        panel.tree.itemActivated.emit(line, 0)
    assert seen == {"name": "actionDialog", "id": expected.action_id}


def test_a_person_line_selects_them_and_offers_a_check_in(window, qtbot):
    panel = window.today.panel
    key = NO_CHECK_IN if panel.section_lines(NO_CHECK_IN) else NEW_HIRES
    lines = panel.section_lines(key)
    assert lines, "the demo shop has a new hire or someone without a check-in"
    employee_id = lines[0].data(0, Qt.ItemDataRole.UserRole + 1)[1]
    seen = {}

    def look(dialog) -> None:
        seen["type"] = dialog.type_combo.currentText()
        seen["target"] = dialog.employees
        dialog.reject()

    with on_dialog(look):
        panel.tree.itemActivated.emit(lines[0], 0)
    assert window.pages.currentIndex() == PAGE_ROSTER
    assert window.roster.page.current_employee_id() == employee_id
    assert seen["type"] == "Check-in conversation"
    assert [i for i, _ in seen["target"]] == [employee_id]


def test_the_next_peak_season_links_to_the_dashboard(make_window, demo_db_path, qtbot, monkeypatch):
    window = open_window(make_window, demo_db_path, qtbot, monkeypatch, date(2026, 12, 20))
    panel = window.today.panel
    assert texts(panel, PEAK) == ["Year-end bonus: from 2027-01-15, in 26 days"]
    with qtbot.waitSignal(window.dashboard.page.computed, timeout=10000):
        panel.tree.itemActivated.emit(panel.section_lines(PEAK)[0], 0)
    assert window.pages.currentIndex() == PAGE_DASHBOARD


@pytest.mark.parametrize(
    ("today", "lines"),
    [
        # Spring Festival 2027-02-06: 春节后 (from 7 days after it) starts 02-13
        (date(2027, 2, 1), ["Year-end bonus: now, until 2027-02-28",
                            "Spring Festival: from 2027-02-13, in 12 days"]),
        # Spring Festival 2028-01-26: it starts 02-02, already within 30 days in early January
        (date(2028, 1, 5), ["Year-end bonus: from 2028-01-15, in 10 days",
                            "Spring Festival: from 2028-02-02, in 28 days"]),
    ],
)  # fmt: skip
def test_the_peak_seasons_are_on_their_real_dates(make_window, demo_db_path, qtbot, monkeypatch,
                                                  today, lines):  # fmt: skip
    window = open_window(make_window, demo_db_path, qtbot, monkeypatch, today)
    assert texts(window.today.panel, PEAK) == lines


def test_the_panel_is_dismissed_and_brought_back(window, qtbot):
    window.today_dock.close()
    assert not window.today_dock.isVisible()
    with qtbot.waitSignal(window.today.panel.loaded, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.today_dock.isVisible()


def test_the_panel_follows_a_change(window, qtbot):
    from retention_desktop.store import actions as store_actions

    panel = window.today.panel
    overdue = panel.items.overdue[0]
    before = len(panel.section_lines(OVERDUE))
    db = window.session.db
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        window.session.change(
            "done",
            lambda: store_actions.complete_action(
                db, overdue.action_id, TODAY, "谈过了", today=TODAY
            ),
            overdue.employee_id,
        )
    assert len(panel.section_lines(OVERDUE)) == before - 1


def test_a_long_section_shows_its_first_lines_and_more_on_asking(
    make_window, demo_db_path, qtbot, monkeypatch
):
    monkeypatch.setattr(today_panel, "FIRST_LINES", 2)
    monkeypatch.setattr(today_panel, "MORE_LINES", 3)
    window = open_window(make_window, demo_db_path, qtbot, monkeypatch)
    panel = window.today.panel
    items = panel.items.no_check_in + panel.items.new_hire_marks
    key = NO_CHECK_IN if len(panel.items.no_check_in) > 5 else NEW_HIRES
    found = panel.items.no_check_in if key == NO_CHECK_IN else panel.items.new_hire_marks
    assert len(found) > 5, f"the demo shop has {len(items)} such people"
    section = next(
        panel.tree.topLevelItem(n)
        for n in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole + 1)[0] == key
    )
    assert f"({len(found)})" in section.text(0)
    assert len(panel.section_lines(key)) == 2
    more = section.child(2)
    assert more.text(0) == f"Show 3 more… ({len(found)} in all)"
    panel.tree.itemActivated.emit(more, 0)
    lines = panel.section_lines(key)
    assert len(lines) == 5
    assert [line.data(0, Qt.ItemDataRole.UserRole + 1)[1] for line in lines] == [
        p.employee_id for p in found[:5]
    ]
    while section.childCount() > len(panel.section_lines(key)):
        panel.tree.itemActivated.emit(section.child(section.childCount() - 1), 0)
    assert len(panel.section_lines(key)) == len(found) == section.childCount()


def test_the_check_in_interval_is_a_setting_the_panel_follows(window, qtbot):
    from driving import SAVE, button, click

    from retention_desktop.store.reminders import no_check_in
    from retention_desktop.store.settings import get_setting

    panel, db = window.today.panel, window.session.db
    assert len(panel.items.no_check_in) == len(no_check_in(db, TODAY, 60))
    fewer_days = no_check_in(db, TODAY, 30)
    assert len(fewer_days) > len(panel.items.no_check_in)

    def settings(dialog) -> None:
        spin = dialog.findChild(QSpinBox, "checkInIntervalSpin")
        assert spin.value() == 60
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, "30")
        assert spin.value() == 30
        click(qtbot, button(dialog, SAVE))

    activate(window, qtbot)
    with qtbot.waitSignal(panel.loaded, timeout=10000), on_dialog(settings):
        qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert get_setting(db, "check_in_interval_days") == 30
    assert [p.employee_id for p in panel.items.no_check_in] == [p.employee_id for p in fewer_days]


def test_the_panel_says_it_is_reading_until_the_first_read_is_in(
    make_window, demo_db_path, qtbot, monkeypatch
):
    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    window = make_window(demo_db_path)  # the read's result arrives through the event loop
    panel = window.today.panel
    assert panel.items is None
    assert panel.summary.text() == "Reading…"
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        window.show()
    assert panel.summary.text() == "Double-click a line to go to it."


def test_a_read_that_fails_says_so(window, qtbot, monkeypatch):
    from retention_desktop.ui.today import controller

    def broken(*args):
        raise OSError("disk I/O error")

    monkeypatch.setattr(controller, "today_items", broken)
    window.today_dock.close()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    summary = window.today.panel.summary
    qtbot.waitUntil(lambda: "could not be read" in summary.text(), timeout=10000)
    assert summary.text() == "Today's reminders could not be read: disk I/O error"
