"""The safety net: every action of the menu bar, the toolbar and the context menus,
triggered the way the owner triggers it (the action itself, and its shortcut keys) on the
real main window with the demo shop, on every page, with nothing selected and with a row
selected. File dialogs are answered with real files; every modal dialog that opens is
cancelled on one pass and accepted on the other. Any exception in a slot fails the test
(pytest-qt reports exceptions raised inside Qt's event loop), and so does any Qt warning.

This is how File > Import shipped broken: `triggered(bool)` filled its `path` argument,
and every test called the window's method instead of triggering the action."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from driving import activate, answer_file_dialog
from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QToolBar,
)

from retention_desktop.sheets.template import write_template
from retention_desktop.ui.common.jobs import wait_for_jobs

ACCEPT_ROLES = (
    QDialogButtonBox.ButtonRole.AcceptRole,
    QDialogButtonBox.ButtonRole.YesRole,
    QDialogButtonBox.ButtonRole.ApplyRole,
)


class Answerer:
    """Answers every modal dialog that comes up while it runs: a file dialog with a real
    file, any other dialog by its accept button (falling back to cancel when the dialog
    refuses, e.g. a required field is empty) or by cancel."""

    def __init__(self, import_source: Path, save_folder: Path) -> None:
        self.import_source = import_source
        self.save_folder = save_folder
        self.accept = False
        self.seen: list[str] = []
        self._tried: dict[int, int] = {}
        self._saved = 0
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self.answer)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or isinstance(dialog, QProgressDialog) or not dialog.isVisible():
            return
        if isinstance(dialog, QFileDialog):
            self._answer_file_dialog(dialog)
            return
        key = id(dialog)
        if key not in self._tried:
            self.seen.append(type(dialog).__name__ + ": " + dialog.windowTitle())
        self._tried[key] = ticks = self._tried.get(key, 0) + 1
        # A click that opens another modal dialog runs its event loop: clicked from a
        # timer of its own, so that this timer goes on answering the one it opens.
        if self.accept and ticks == 1 and (accept := self._accept_button(dialog)):
            QTimer.singleShot(0, accept.click)
        elif not self.accept or ticks > 5:  # refused (a required field is empty, say)
            QTimer.singleShot(0, dialog.reject)

    def _answer_file_dialog(self, dialog: QFileDialog) -> None:
        if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptOpen:
            answer_file_dialog(dialog, self.import_source)
        else:
            self._saved += 1
            suffix = Path(dialog.selectedFiles()[0]).suffix if dialog.selectedFiles() else ""
            answer_file_dialog(dialog, self.save_folder / f"saved-{self._saved}{suffix}")

    @staticmethod
    def _accept_button(dialog: QDialog):
        if isinstance(dialog, QMessageBox):
            for candidate in dialog.buttons():
                if dialog.buttonRole(candidate) in (
                    QMessageBox.ButtonRole.AcceptRole,
                    QMessageBox.ButtonRole.YesRole,
                ):
                    return candidate
            return None
        for box in dialog.findChildren(QDialogButtonBox):
            for candidate in box.buttons():
                if box.buttonRole(candidate) in ACCEPT_ROLES and candidate.isEnabled():
                    return candidate
        return None


@pytest.fixture
def shop(demo_db_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "every-action.db"
    shutil.copy(demo_db_path, copy)
    return copy


@pytest.fixture
def answerer(tmp_path: Path):
    source = tmp_path / "roster-to-import.xlsx"
    write_template(source)
    folder = tmp_path / "saved"
    folder.mkdir()
    answering = Answerer(source, folder)
    yield answering
    answering.stop()


def menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.menu() is not None:
            found += menu_actions(action.menu())
        elif not action.isSeparator():
            found.append(action)
    return found


def window_actions(window) -> list[QAction]:
    """Every action of the menu bar and the toolbars, each once, Quit last."""
    found: list[QAction] = []
    for top in window.menuBar().actions():
        found += menu_actions(top.menu())
    for toolbar in window.findChildren(QToolBar):
        found += [a for a in toolbar.actions() if not a.isSeparator()]
    unique = list(dict.fromkeys(found))
    quits = [a for a in unique if a.objectName() == "quit"]
    assert len(quits) == 1
    return [a for a in unique if a not in quits] + quits


def current_page(window):
    return window.findChild(QStackedWidget, "pages").currentWidget()


def page_views(window) -> list[QAbstractItemView]:
    return [v for v in current_page(window).findChildren(QAbstractItemView) if v.isVisible()]


def settle(qtbot) -> None:
    """Let background reads finish and their results be shown (a result may start
    another read: until none is running)."""
    pool = QThreadPool.globalInstance()
    QApplication.processEvents()
    while pool.activeThreadCount():
        wait_for_jobs()
        QApplication.processEvents()
    QApplication.processEvents()


def select_first_row(window, qtbot) -> bool:
    for view in page_views(window):
        model = view.model()
        if model is not None and model.rowCount() > 0:
            rect = view.visualRect(model.index(0, 0))
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return True
    return False


def context_menu_actions(window, qtbot) -> list[QAction]:
    """The actions of each context menu of the page's lists, as a right-click shows them."""
    found: list[QAction] = []
    for view in page_views(window):
        if view.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
            continue
        model = view.model()
        at = view.visualRect(model.index(0, 0)).center() if model.rowCount() else QPoint(5, 5)
        view.customContextMenuRequested.emit(at)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        found += menu_actions(menu)
        menu.close()
    return found


def press_shortcut(window, qtbot, action: QAction) -> None:
    combination = action.shortcut()[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


def back_to(window, qtbot, home, go_to_page: QAction, with_row: bool) -> None:
    """The page under test again (an action may have gone to another), and a row selected
    on it when the pass wants one (a reload may have cleared the selection)."""
    if current_page(window) is not home:
        go_to_page.trigger()
        settle(qtbot)
    if with_row and not any(v.selectionModel().hasSelection() for v in page_views(window)):
        select_first_row(window, qtbot)


PAGES = ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]


@pytest.mark.parametrize("page", range(len(PAGES)))
def test_every_action_on_every_page(page, make_window, shop, answerer, qtbot):
    window = make_window(shop)
    window.show()
    qtbot.waitExposed(window)
    activate(window, qtbot)
    settle(qtbot)
    actions = window_actions(window)
    assert len(actions) > 20
    go_to_page = next(a for a in actions if a.shortcut().toString() == PAGES[page])
    quit_action = actions[-1]

    for accept, with_row in ((False, False), (True, True)):
        go_to_page.trigger()
        settle(qtbot)
        answerer.accept = accept
        if with_row:
            select_first_row(window, qtbot)
        home = current_page(window)
        for action in [*actions[:-1], *context_menu_actions(window, qtbot)]:
            back_to(window, qtbot, home, go_to_page, with_row)
            action.trigger()  # a disabled action does nothing, as its menu item
            if action.isEnabled():
                settle(qtbot)
        answerer.accept = False
        for action in actions[:-1]:
            back_to(window, qtbot, home, go_to_page, with_row)
            if not action.shortcut().isEmpty() and action.isEnabled():
                activate(window, qtbot)
                press_shortcut(window, qtbot, action)
                settle(qtbot)
    assert answerer.seen, "no dialog was opened"
    quit_action.trigger()
    assert not window.isVisible()
