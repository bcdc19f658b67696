"""A cell whose text is cut short (…) shows its whole text when the mouse rests on it:
the roster, the exits and the actions lists, and the Today panel's lines."""

from __future__ import annotations

from driving import drag_column_edge
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip


def hover(view, index) -> str:
    """Rest the mouse on the cell (a tooltip event, as Qt sends one) and read the tip."""
    QToolTip.hideText()
    at = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_name_cut_short_shows_whole_and_a_whole_one_shows_nothing(make_window, demo_db_path,
                                                                    qtbot):  # fmt: skip
    window = make_window(demo_db_path)
    window.show()
    qtbot.waitExposed(window)
    view = window.roster.page.view
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    names = next(c for c in range(model.columnCount())
                 if model.headerData(c, Qt.Orientation.Horizontal) == "Name")  # fmt: skip
    index = model.index(0, names)
    full = index.data()
    assert hover(view, index) == ""  # it fits
    drag_column_edge(qtbot, view, names, 12)  # now cut to "…"
    assert view.columnWidth(names) == view.horizontalHeader().minimumSectionSize()
    assert hover(view, index) == full


def test_a_today_line_cut_short_shows_whole(make_window, demo_db_path, qtbot):
    window = make_window(demo_db_path)
    window.show()
    qtbot.waitExposed(window)
    tree = window.today.panel.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=10000)
    section = tree.topLevelItem(0)
    section.setExpanded(True)
    line = section.child(0) if section.childCount() else section
    tree.setColumnWidth(0, 30)
    window.today_dock.resize(60, window.today_dock.height())
    QApplication.processEvents()
    index = tree.indexFromItem(line)
    assert hover(tree, index) == line.text(0)
