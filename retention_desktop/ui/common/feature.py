"""What every feature's controller shares: its actions, made so that a menu, a toolbar
button and a shortcut reach the same slot the same way, and the page it may show."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from retention_desktop.ui.common.selection import Selection
from retention_desktop.ui.common.session import Change, Session


class Feature(QObject):
    """A feature's controller: owns its page (if it has one), its dialogs, its store calls
    and its QActions with their enable rules. It hears the session's one change event and
    decides what to read again. `show_page` asks the shell to bring its page forward.

    A feature with a page makes it in `make_page()`, when the page is first wanted (shown,
    or asked for by a command): a window starts with the first page only. `page_made`
    tells the shell, which puts it in its place among the pages."""

    show_page = Signal()
    page_made = Signal(QWidget)

    def __init__(self, session: Session, selection: Selection, window: QMainWindow) -> None:
        super().__init__(window)
        self.session = session
        self.selection = selection
        self.window = window
        self.shown = False
        self._stale = True
        self._page: QWidget | None = None
        self._writing: list[QAction] = []
        session.changed.connect(self.on_change)
        selection.changed.connect(self.refresh_actions)

    @property
    def page(self) -> QWidget:
        """The feature's page, made the first time it is asked for."""
        if self._page is None:
            self._page = self.make_page()
            self.page_made.emit(self._page)
        return self._page

    def has_page(self) -> bool:
        """Whether the page has been made (asking for `page` would make it)."""
        return self._page is not None

    def make_page(self) -> QWidget:
        raise NotImplementedError(f"{type(self).__name__} has no page")

    def action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
        *,
        writes: bool = False,
    ) -> QAction:
        """An action of the window (so its shortcut works anywhere in it) that calls
        `slot()` with no arguments: `triggered(bool)`'s flag never reaches the slot. An
        action that `writes` to the file stays disabled on a read-only file."""
        action = QAction(text, self.window)
        if writes:
            self._writing.append(action)
            action.setEnabled(not self.session.read_only)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.window.addAction(action)
        return action

    def refresh_actions(self) -> None:
        """The feature's actions for what is chosen now; none that writes on a read-only
        file."""
        self.update_actions()
        if self.session.read_only:
            for action in self._writing:
                action.setEnabled(False)

    def update_actions(self) -> None:
        """Enable the feature's actions for what is chosen now."""

    def on_change(self, change: Change) -> None:
        """Read again what the change makes stale: now if the page is shown, else when
        it is next shown."""
        if self.is_stale_after(change):
            self._stale = True
            if self.shown:
                self.reload()

    def is_stale_after(self, change: Change) -> bool:
        return False

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        if shown and self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
