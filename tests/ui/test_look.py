"""The window's look: an icon on every menu item and toolbar button (sharp at 200%, grey
when disabled), toolbar buttons without the menus' Alt letters, the page list with its
icons and the count of overdue actions, Today's count in its title, and the spare width of
a list going to its names, not to its last column."""

from __future__ import annotations

from datetime import date

import pytest
from driving import activate, drag_column_edge, trigger
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QToolBar, QToolButton

from retention_desktop.store import actions as store_actions
from retention_desktop.store.reminders import today_items
from retention_desktop.ui.common.icons import button_text, icon
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.roster.model import COL_NAME, COL_POSITION, COL_RISK
from retention_desktop.ui.shell.main_window import PAGE_ACTIONS, PAGE_EXITS, PAGE_ROSTER

TODAY = date(2026, 11, 23)


@pytest.fixture
def window(make_window, demo_db_path, qtbot, monkeypatch):
    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    window = make_window(demo_db_path)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.today.panel.loaded, timeout=10000):
        window.show()
    activate(window, qtbot)
    return window


def menu_actions(window):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                yield menu_action.text(), action


def test_every_menu_item_and_toolbar_button_has_an_icon(window):
    plain = [f"{menu} > {a.text()}" for menu, a in menu_actions(window) if a.icon().isNull()]
    assert plain == []
    toolbar = window.findChild(QToolBar, "mainToolBar")
    buttons = [toolbar.widgetForAction(a) for a in toolbar.actions() if not a.isSeparator()]
    assert buttons
    assert all(not b.icon().isNull() for b in buttons)
    assert all(b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon for b in buttons)


def test_icons_are_drawn_sharp_at_twice_the_scale_and_grey_when_disabled(qapp):
    pencil = icon("pencil")
    sharp = pencil.pixmap(QSize(18, 18), 2.0)
    assert sharp.size() == QSize(36, 36)
    assert sharp.devicePixelRatio() == 2.0
    normal = pencil.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Normal).toImage()
    grey = pencil.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Disabled).toImage()

    def ink(image):
        colours = {image.pixelColor(x, y).name() for x in range(24) for y in range(24)
                   if image.pixelColor(x, y).alpha() == 255}  # fmt: skip
        assert colours  # something is drawn
        return colours

    assert ink(normal) != ink(grey)
    text = qapp.palette().color(qapp.palette().ColorRole.WindowText)
    assert QColor(text).name() in ink(normal)


def test_toolbar_buttons_show_no_alt_letters_in_chinese(chinese, make_window, demo_db_path):
    window = make_window(demo_db_path, "zh_CN")
    toolbar = window.findChild(QToolBar, "mainToolBar")
    texts = [b.text() for b in toolbar.findChildren(QToolButton) if b.defaultAction()]
    assert "新增员工" in texts
    assert "今日提醒" in texts
    assert not [t for t in texts if "(" in t or "&" in t or "…" in t]


def test_button_text_keeps_a_doubled_ampersand():
    assert button_text("问答 Q&&A(&Q)…") == "问答 Q&A"
    assert button_text("Record &exit…") == "Record exit"


def test_the_page_list_counts_overdue_actions_and_today_its_lines(window, qtbot):
    items = today_items(window.session.db, "en", TODAY)
    overdue = len(items.overdue)
    assert overdue >= 1
    nav = window.nav
    assert [nav.item(n).text() for n in range(nav.count())] == [
        "Roster", "Exits", "Actions", "Dashboard"]  # fmt: skip
    assert all(not nav.item(n).icon().isNull() for n in range(nav.count()))
    assert nav.badge(PAGE_ACTIONS) == overdue
    assert nav.badge(PAGE_ROSTER) == 0
    assert nav.item(PAGE_ACTIONS).toolTip() == f"{overdue} overdue action" + (
        "s" if overdue > 1 else "")  # fmt: skip
    assert window.today_dock.windowTitle() == f"Today ({items.count()})"
    assert window.today_dock.toggleViewAction().text() == "&Today"

    # closed, the panel still counts: each change is read again for the badge
    window.today_dock.close()
    first = items.overdue[0]
    db = window.session.db
    with qtbot.waitSignal(window.today.counted, timeout=10000):
        window.session.change("done", lambda: store_actions.complete_action(
            db, first.action_id, TODAY, "谈过了", today=TODAY), first.employee_id)  # fmt: skip
    assert nav.badge(PAGE_ACTIONS) == overdue - 1
    if overdue == 1:
        assert nav.item(PAGE_ACTIONS).toolTip() == ""


def test_the_badge_is_painted_beside_the_page_name(window):
    nav = window.nav
    rect = nav.visualItemRect(nav.item(PAGE_ACTIONS))
    image = nav.viewport().grab(rect).toImage()
    reds = sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).name() == "#c0392b")  # fmt: skip
    assert reds > 20
    rect = nav.visualItemRect(nav.item(PAGE_EXITS))
    image = nav.viewport().grab(rect).toImage()
    assert not any(image.pixelColor(x, y).name() == "#c0392b"
                   for x in range(image.width()) for y in range(image.height()))  # fmt: skip


def columns(view):
    header = view.horizontalHeader()
    return [header.sectionSize(c) for c in range(header.count())]


def test_the_roster_gives_its_spare_width_to_names_not_to_the_last_column(window, qtbot):
    view = window.roster.page.view
    header = view.horizontalHeader()
    spare = window.roster.page.spare_width
    fitted_name = spare.fitted[COL_NAME]
    assert not header.stretchLastSection()
    qtbot.waitUntil(lambda: sum(columns(view)) == view.viewport().width())
    assert header.sectionSize(COL_NAME) > fitted_name
    assert header.sectionSize(COL_POSITION) > spare.fitted[COL_POSITION]
    assert header.sectionSize(COL_RISK) <= max(header.sectionSizeHint(COL_RISK),
                                               view.sizeHintForColumn(COL_RISK))  # fmt: skip

    # narrower: the names give back their share, never below their fitted width
    window.resize(700, 800)
    qtbot.waitUntil(lambda: header.sectionSize(COL_NAME) == fitted_name)

    # a column's edge dragged by hand: the owner's widths are kept from then on
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: sum(columns(view)) == view.viewport().width())
    drag_column_edge(qtbot, view, COL_POSITION, header.sectionSize(COL_POSITION) - 30)
    assert spare.by_hand
    sized = columns(view)
    window.resize(1100, 800)
    qtbot.wait(20)
    assert columns(view) == sized


def test_the_exits_and_actions_lists_give_theirs_to_names_reasons_and_titles(window, qtbot):
    from retention_desktop.ui.actions.model import COL_DONE, COL_TITLE
    from retention_desktop.ui.common.exit_rows import COL_NAME as EXIT_NAME
    from retention_desktop.ui.common.exit_rows import COL_PRIMARY

    trigger(window, "showActions")
    page = window.actions.page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    view = page.view
    qtbot.waitUntil(lambda: sum(columns(view)) == view.viewport().width())
    assert view.horizontalHeader().sectionSize(COL_TITLE) > page.spare_width.fitted[COL_TITLE]
    done = view.horizontalHeader()
    assert done.sectionSize(COL_DONE) <= max(done.sectionSizeHint(COL_DONE),
                                             view.sizeHintForColumn(COL_DONE))  # fmt: skip

    trigger(window, "showExits")
    page = window.exits.page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    view = page.view
    header = view.horizontalHeader()
    # the exits list is wider than the window: no spare, every column at its fitted width
    if sum(columns(view)) > view.viewport().width():
        assert header.sectionSize(EXIT_NAME) == page.spare_width.fitted.get(
            EXIT_NAME, header.sectionSize(EXIT_NAME)
        )
    window.today_dock.close()
    qtbot.waitUntil(lambda: sum(columns(view)) == view.viewport().width())
    assert header.sectionSize(COL_PRIMARY) >= page.spare_width.fitted[COL_PRIMARY]


def test_dialog_buttons_are_words_only(window):
    """As Windows shows them: no bitmap floppy disk on Save beside the line icons."""
    from driving import on_dialog
    from PySide6.QtWidgets import QDialogButtonBox

    seen = {}

    def look(dialog) -> None:
        box = dialog.findChild(QDialogButtonBox)
        seen["icons"] = [not b.icon().isNull() for b in box.buttons()]

    with on_dialog(look):
        trigger(window, "settings")
    assert seen["icons"] == [False, False]
