"""One meaning of "employed today" on the screens (METRICS.md "On a given day"): the
roster's status and active count agree with the dashboard's headcount now; people on
notice show their countdown, a hire not yet begun shows the day they start."""

from __future__ import annotations

from datetime import date, timedelta

from driving import type_text

from retention_desktop.domain.records import EmployeeDraft, ExitDraft
from retention_desktop.store.records import add_employee, record_exit
from retention_desktop.store.reports import headcount
from retention_desktop.ui.roster.model import COL_NAME, COL_STATUS, COL_TENURE

TODAY = date(2026, 11, 23)


def rows_shown(window) -> dict[str, tuple[str, str]]:
    model = window.roster.page.model
    return {
        model.index(r, COL_NAME).data(): (model.index(r, COL_STATUS).data(),
                                          model.index(r, COL_TENURE).data())
        for r in range(model.rowCount())
    }  # fmt: skip


def choose_status(window, qtbot, text: str) -> None:
    combo = window.roster.page.status_combo
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_the_active_count_is_the_dashboards_headcount_now(window):
    active = window.count_label.text().split(", ")[1]
    assert active == f"{headcount(window.session.db, TODAY)} active"
    assert window.roster.page.model.rowCount() == headcount(window.session.db, TODAY)


def test_notice_given_and_a_hire_ahead_show_as_such(window, qtbot):
    db = window.session.db
    _, spell = add_employee(db, EmployeeDraft(name="待离职的人", hire_date=date(2025, 1, 6)),
                            today=TODAY)  # fmt: skip
    record_exit(db, spell, ExitDraft(last_day=TODAY + timedelta(days=14)))
    add_employee(db, EmployeeDraft(name="下周入职的人", hire_date=TODAY + timedelta(days=7)),
                 today=TODAY)  # fmt: skip
    window.session.imported()  # the file changed behind the window: read it all again
    qtbot.waitUntil(lambda: "待离职的人" in rows_shown(window))
    assert rows_shown(window)["待离职的人"] == ("Leaving in 14 days", "1 y 10 m")
    assert "下周入职的人" not in rows_shown(window)  # not employed yet

    choose_status(window, qtbot, "Starting (not yet begun)")
    starting = rows_shown(window)
    assert starting["下周入职的人"] == ("Starts 2026-11-30", "")
    assert all(status.startswith("Starts ") for status, _ in starting.values())
    choose_status(window, qtbot, "Leaving (notice given)")
    shown = rows_shown(window)
    assert shown["待离职的人"][0] == "Leaving in 14 days"
    assert all(status.startswith("Leaving") for status, _ in shown.values())
    type_text(qtbot, window.roster.page.search_edit, "待离职")
    assert list(rows_shown(window)) == ["待离职的人"]


def test_a_notice_recorded_ahead_counts_down_and_shows_on_today(window, qtbot):
    """Record exit (Ctrl+E) with a last working day ten days ahead: the person stays among
    the active with "Leaving in 10 days", and Today lists them among those leaving within
    14 days; double-clicking the line opens their exit."""
    from driving import button, child, click, double_click, on_dialog, type_date
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from retention_desktop.ui.today.view import HANDOVER, LEAVING

    page = window.roster.page
    name = next(n for n, (status, _) in rows_shown(window).items() if status == "Active")
    type_text(qtbot, page.search_edit, name)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.view.setFocus()
    page.view.selectRow(0)
    last_day = TODAY + timedelta(days=10)

    def fill(dialog) -> None:
        type_date(qtbot, child(dialog, "lastDayEdit"), last_day)
        click(qtbot, button(dialog, QDialogButtonBox.StandardButton.Save))

    panel = window.today.panel
    with qtbot.waitSignal(panel.loaded, timeout=10000), on_dialog(fill):
        qtbot.keyClick(page.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert rows_shown(window)[name][0] == "Leaving in 10 days"
    lines = [item.text(0) for item in panel.section_lines(LEAVING)]
    assert any(line.startswith(f"{name} (") and "last day 2026-12-03, in 10 days" in line
               for line in lines)  # fmt: skip
    line = next(i for i in panel.section_lines(LEAVING) if i.text(0).startswith(name))
    # its handover, not finished, says the last day is ahead (not "left")
    handover = [i.text(0) for i in panel.section_lines(HANDOVER) if i.text(0).startswith(name)]
    assert handover
    assert handover[0].startswith(f"{name}, last day 2026-12-03:")

    seen = {}

    def look(dialog) -> None:
        seen["last_day"] = child(dialog, "lastDayEdit").date().toPython()

    with on_dialog(look):
        double_click(qtbot, panel.tree, panel.tree.indexFromItem(line))
    assert seen["last_day"] == last_day


def test_who_to_talk_to_this_week_links_to_planning(window, qtbot):
    """Today's first list: who shows two or more warning signs, each in words; a
    double-click plans an action for that person."""
    from driving import double_click, on_dialog

    from retention_desktop.ui.today.view import TALK

    panel = window.today.panel
    qtbot.waitUntil(lambda: panel.items is not None, timeout=10000)
    lines = panel.section_lines(TALK)
    assert lines
    first = panel.items.talk_to[0]
    assert lines[0].text(0) == f"{first.name} ({first.team}): {len(first.signs)} signs"
    # each sign in words on a line of its own under the person
    assert lines[0].childCount() == len(first.signs)
    assert lines[0].child(0).text(0)
    seen = {}

    def look(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["for"] = [label.text() for label in dialog.findChildren(type(window.count_label))]

    with on_dialog(look):
        double_click(qtbot, panel.tree, panel.tree.indexFromItem(lines[0]))
    assert any(first.name in text for text in seen["for"])
