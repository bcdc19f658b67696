"""The window on a file it may not write: a notice says so (banner and title), every
action that writes is disabled whatever is chosen, looking, the dashboard and exporting
work, and nothing is created beside the file."""

from __future__ import annotations

from driving import CTRL, activate, click_row, trigger
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel
from unprivileged import read_only_place

WRITING = ("new", "rehire", "delete", "recordExit", "cancelExit", "planAction", "flagRisk",
           "clearRisk", "teamAction", "editAction", "doneAction", "cancelAction",
           "reopenAction", "deleteAction", "import", "settings", "backup", "reasons",
           "actionLibrary", "undo", "redo")  # fmt: skip
READING = ("export", "find", "open", "effectAction", "todayAction", "template", "about")


def enabled(window, names) -> dict[str, bool]:
    return {name: window.findChild(QAction, name).isEnabled() for name in names}


def test_a_read_only_file_opens_to_look_and_report(make_window, demo_db_path, qtbot):
    with read_only_place(demo_db_path) as place:
        path = place / demo_db_path.name
        window = make_window(path, "en")
        window.show()
        activate(window, qtbot)
        # (the file holds the demo shop, and says so)
        assert window.windowTitle() == "Retention Desktop — shop.db (demo shop) (read-only)"
        banner = window.findChild(QLabel, "readOnlyBanner")
        assert banner.isVisible()
        assert banner.text().startswith("This file is read-only: you can look, report and")
        assert str(path) in banner.text()
        assert not any(enabled(window, WRITING).values())
        # a person chosen, then an exit: still nothing that writes
        page = window.roster.page
        assert page.model.rowCount() > 0
        click_row(qtbot, page.view, 0)
        assert window.selection.person() is not None
        assert not any(enabled(window, WRITING).values())
        trigger(window, "showExits")  # View > Exits
        qtbot.waitUntil(lambda: window.exits.page.model.rowCount() > 0, timeout=10000)
        click_row(qtbot, window.exits.page.view, 0)
        assert window.selection.exit() is not None
        assert not any(enabled(window, WRITING).values())
        assert enabled(window, ("export",)) == {"export": True}
        # the shortcut of a disabled action does nothing (no dialog, nothing added)
        trigger(window, "showRoster")
        before = page.model.total_count()
        qtbot.keyClick(page.view, Qt.Key.Key_N, CTRL)
        assert QApplication.activeModalWidget() is None
        assert page.model.total_count() == before
        # the dashboard reads as usual
        trigger(window, "showDashboard")
        qtbot.waitUntil(lambda: window.dashboard.page.report is not None, timeout=10000)
        assert window.dashboard.page.report.summary.separations > 0
        assert sorted(p.name for p in place.iterdir()) == ["shop.db"]
        window.close()
        window.session.close()
