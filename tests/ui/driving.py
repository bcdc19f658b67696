"""Driving the real widgets in tests: typing (Chinese as an input method commits it),
dates, clicks, modal dialogs, and a dump of the whole file to tell whether anything
changed. Shared by the GUI test modules (tests/ui is on pytest's pythonpath)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QTabWidget,
    QWidget,
)

from retention_desktop.store import catalog
from retention_desktop.ui.common.jobs import wait_for_jobs

CTRL = Qt.KeyboardModifier.ControlModifier


SAVE = QDialogButtonBox.StandardButton.Save


CANCEL = QDialogButtonBox.StandardButton.Cancel


OK = QDialogButtonBox.StandardButton.Ok


def activate(window: QWidget, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type `text`: ASCII as key presses, Chinese as an input method commits it."""
    for run in re.findall(r"\n|[\x20-\x7e]+|[^\x20-\x7e\n]+", text):
        if run == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def replace_text(qtbot, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def type_date(qtbot, edit: QDateEdit, day: date) -> None:
    """Type a date into a yyyy-MM-dd field, section by section, from the year."""
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.YearSection)
    qtbot.keyClicks(edit, day.strftime("%Y%m%d"))
    assert edit.date().toPython() == day


def tick(qtbot, box: QAbstractButton) -> None:
    """Click a check box or radio button on its indicator (a click right of its text does
    nothing, as in every Qt application)."""
    x = box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box) // 2 + 1
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(x, box.height() // 2))


def open_tab(qtbot, dialog: QDialog, index: int) -> None:
    """Click the dialog's tab `index`."""
    bar = dialog.findChild(QTabWidget).tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.findChild(QTabWidget).currentIndex() == index


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot, view, row: int) -> None:
    """A click on a row of a list, as the user chooses it."""
    at = view.visualRect(view.model().index(row, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def show_status(page, text: str) -> None:
    """Choose a roster status filter by its words ("Active", "Left", "Everyone"…)."""
    combo = page.status_combo
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def drag_column_edge(qtbot, view, column: int, to_width: int) -> None:
    """Drag the right edge of a list's column header with the mouse, as the owner sizes a
    column, until the column is `to_width` wide."""
    header = view.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    target = edge + to_width - header.sectionSize(column)
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(target, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(target, y))


def double_click(qtbot, view, index) -> None:
    """A double-click on a table cell: a click, then the second press."""
    at = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def button(dialog: QDialog, which: QDialogButtonBox.StandardButton):
    return dialog.findChild(QDialogButtonBox, "buttons").button(which)


def child(dialog: QWidget, name: str):
    found = dialog.findChild(QWidget, name)
    assert found is not None, name
    return found


def file_changed(window) -> None:
    """The test wrote to the file itself (to set up a case): the screens hear of it as
    they hear of any change."""
    from retention_desktop.ui.common.session import EVERYTHING, Change

    window.session.changed.emit(Change.of(EVERYTHING, None))


def action(window: QWidget, name: str) -> QAction:
    """The window's action of that object name (its menu item, toolbar button, shortcut)."""
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def trigger(window: QWidget, name: str) -> None:
    """Choose the action as the menu does: its triggered(bool) signal reaches the slot."""
    found = action(window, name)
    assert found.isEnabled(), f"{name} is disabled"
    found.trigger()


def answer_file_dialog(dialog: QFileDialog, path) -> None:
    """Type the whole path into the file name field and press Open/Save (selectFile()
    is lost while the dialog's file list is still being read)."""
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText(str(path))
    dialog.accept()


@contextmanager
def choosing_file(path) -> None:
    """Answer the file dialogs the body opens (Qt's own, as offscreen shows them) with
    `path`, as the owner picks a file and presses Open or Save, and Yes when Save asks
    whether to replace the file there."""
    state = {"stop": False, "answered": 0}
    answered: set[int] = set()

    def poll() -> None:
        if state["stop"]:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible() and id(dialog) not in answered:
            answered.add(id(dialog))
            state["answered"] += 1
            # from a timer of its own: Save may ask first, and this one goes on to answer
            QTimer.singleShot(0, lambda: answer_file_dialog(dialog, path))
        elif isinstance(dialog, QMessageBox) and isinstance(dialog.parent(), QFileDialog):
            dialog.button(QMessageBox.StandardButton.Yes).click()
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    try:
        yield state
    finally:
        state["stop"] = True
    assert state["answered"], "no file dialog was opened"


@contextmanager
def on_dialog(handle: Callable[[QDialog], None]):
    """Run `handle(dialog)` on the modal dialog the body opens (its exec() blocks until
    `handle` closes it). A failure inside `handle` closes the dialog and fails the test."""
    state: dict = {"dialog": None, "error": None, "stop": False}

    def poll(tries: int = 0) -> None:
        if state["stop"]:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or isinstance(dialog, QFileDialog):  # see choosing_file
            if tries < 300:
                QTimer.singleShot(10, lambda: poll(tries + 1))
            return
        state["dialog"] = dialog
        try:
            handle(dialog)
        except BaseException as error:
            state["error"] = error
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, poll)
    try:
        yield state
    finally:
        state["stop"] = True
    if state["error"] is not None:
        raise state["error"]
    assert state["dialog"] is not None, "no dialog was opened"


def exits_page(window):
    """The Exits page once its rows are in (they are read off the UI thread)."""
    page = window.exits.page
    deadline = time.monotonic() + 10
    while page.reading:
        assert time.monotonic() < deadline, "the exits were not read"
        wait_for_jobs()
        QApplication.processEvents()
    return page


def dump(db) -> dict[str, list[tuple]]:
    """Every row of every table, to tell whether anything at all changed."""
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        t: sorted(map(tuple, db.execute(f"SELECT * FROM [{t}]").fetchall()), key=repr)
        for t in tables
    }


def rows(db, sql: str, params=()) -> list[tuple]:
    return [tuple(r) for r in db.execute(sql, params).fetchall()]


def reason(db, code: str) -> int:
    return catalog.id_for_code(db, "exit_reasons", code)
