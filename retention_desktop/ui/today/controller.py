"""The Today panel: what needs the owner today, read off the UI thread once per change
while the panel is shown (else when it is next shown)."""

from __future__ import annotations

from PySide6.QtCore import Signal

from retention_desktop.store.reminders import today_items
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.session import Change
from retention_desktop.ui.today.view import TodayPanel


class TodayFeature(Feature):
    open_link = Signal(object)  # see TodayPanel.open_link
    counted = Signal(int, int)  # what the panel lists, of which overdue actions

    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.panel = TodayPanel(session, window)
        self.panel.open_link.connect(self.open_link)
        self._reads = 0

    def is_stale_after(self, change: Change) -> bool:
        return True  # every rule reads people, exits, actions, risk, settings or labels

    def on_change(self, change: Change) -> None:
        """Read again at once, shown or not: the window's counts (overdue actions beside
        the Actions page) follow every change even while the panel is closed."""
        self.reload()

    def set_shown(self, shown: bool) -> None:
        """Read again each time the panel is brought back: "today" may have moved on."""
        self._stale = self._stale or shown
        super().set_shown(shown)

    def reload(self) -> None:
        super().reload()
        self._reads += 1
        read = self._reads
        self.panel.show_reading()

        def done(items) -> None:
            if read == self._reads:  # a later read supersedes this one
                self.panel.show_items(items)
                self.counted.emit(items.count(), len(items.overdue))

        session = self.session
        self.session.read(self.panel, today_items, session.lang, session.today(), on_success=done,
                          on_failure=self.panel.show_failure)  # fmt: skip
