"""No two things the owner can reach with the same Alt+letter in one place: the main
window (its menu bar and the page shown, on each page), each menu, and every dialog the
window's actions open, in English and in Chinese."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QTabBar,
    QWidget,
)
from test_every_action import back_to, current_page, menu_actions, select_first_row, settle

PAGES = ["showRoster", "showExits", "showActions", "showDashboard"]


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def reachable(container: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of what Alt+letter reaches in `container`, as shown."""
    found = []
    for widget in container.findChildren(QWidget):
        if not widget.isVisibleTo(container) or isinstance(widget, QMenu):
            continue
        if widget.window() is not container:  # another window: its own place
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(n) for n in range(widget.count()) if widget.isTabVisible(n)]
        found += [(key, text) for text in texts if (key := mnemonic(text))]
    return found


def clashes(place: str, keys: list[tuple[str, str]]) -> list[str]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for key, text in keys:
        by_key[key].append(text)
    return [f"{place}: Alt+{key.upper()} {' / '.join(texts)}"
            for key, texts in by_key.items() if len(texts) > 1]  # fmt: skip


def window_clashes(window) -> list[str]:
    bar = window.menuBar()
    titles = [(key, a.text()) for a in bar.actions() if (key := mnemonic(a.text()))]
    page = current_page(window).objectName() or type(current_page(window)).__name__
    found = clashes(f"main window on {page}", titles + reachable(window))
    for top in bar.actions():
        found += menu_clashes(top.menu())
    return found


def menu_clashes(menu: QMenu) -> list[str]:
    items = [(key, a.text()) for a in menu.actions() if (key := mnemonic(a.text()))]
    found = clashes(f"menu {menu.title()}", items)
    for action in menu.actions():
        if action.menu() is not None:
            found += menu_clashes(action.menu())
    return found


class Inspector:
    """Looks at every modal dialog that opens, then cancels it."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.seen: set[str] = set()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        if isinstance(dialog, (QFileDialog, QProgressDialog)):
            dialog.reject()
            return
        name = dialog.objectName() or type(dialog).__name__
        if name not in self.seen and not isinstance(dialog, QMessageBox):
            self.seen.add(name)
            self.found += clashes(f"dialog {name}", reachable(dialog))
        QTimer.singleShot(0, dialog.reject)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_alt_letter_is_taken_twice(lang, make_window, demo_db_path, qtbot, qapp):
    from retention_desktop.ui.common.i18n import install_translators, set_default_locale

    translators = install_translators(qapp, lang) if lang != "en" else []  # (en: on already)
    inspector = Inspector()
    try:
        window = make_window(demo_db_path, lang)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot)
        found: list[str] = []
        bar_actions = [a for top in window.menuBar().actions() for a in menu_actions(top.menu())]
        for name in PAGES:
            go = next(a for a in bar_actions if a.objectName() == name)
            go.trigger()
            settle(qtbot)
            found += window_clashes(window)
            select_first_row(window, qtbot)
            home = current_page(window)
            for action in bar_actions:
                if action.objectName() in ("quit", *PAGES) or not action.isEnabled():
                    continue
                back_to(window, qtbot, home, go, True)
                action.trigger()
                settle(qtbot)
        found += inspector.found
        assert len(inspector.seen) >= 8, inspector.seen
        assert not found, "\n".join(sorted(set(found)))
    finally:
        inspector.timer.stop()
        for translator in translators:
            qapp.removeTranslator(translator)
        if translators:
            set_default_locale("en")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_alt_letter_is_taken_twice_on_the_welcome(lang, make_window, tmp_path, qtbot, qapp):
    from retention_desktop.store.database import open_database
    from retention_desktop.ui.common.i18n import install_translators, set_default_locale

    path = tmp_path / "empty.db"
    open_database(path).close()
    translators = install_translators(qapp, lang) if lang != "en" else []
    try:
        window = make_window(path, lang)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.roster.page.welcome.isVisible(), timeout=5000)
        found = window_clashes(window)
        assert not found, "\n".join(found)
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_default_locale("en")
