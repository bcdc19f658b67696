"""The dashboard: its page, read again after a change only when shown, and the exits
behind a chart's bar."""

from __future__ import annotations

from PySide6.QtCore import Signal

from retention_desktop.domain.dates import Period
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.session import REASONS, Change
from retention_desktop.ui.dashboard.view import DashboardPage


class DashboardFeature(Feature):
    open_exit = Signal(int, int)  # employee id, exit id: from the exits behind a bar

    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.page = DashboardPage(session, window)
        self.page.drill_down.connect(self.show_exits_behind)

    def is_stale_after(self, change: Change) -> bool:
        # every figure may move with any record, reason label or setting
        return True

    def on_change(self, change: Change) -> None:
        # a reason renamed: every spell is read again with its new label
        self.page.note_change(None if change.touches(REASONS) else change.employees)
        super().on_change(change)

    def reload(self) -> None:
        super().reload()
        self.page.reload_choices()
        self.page.refresh()

    def choice(self) -> tuple[Period, str | None] | None:
        """The period and team shown, once the page has been shown."""
        return (self.page.period(), self.page.team()) if self.page.report else None

    def show_exits_behind(self, bar) -> None:
        """The exits a bar counts, in a list to open them from; the bar's figure is the
        title."""
        from retention_desktop.ui.dashboard.drilldown import ExitsBehindDialog, exits_behind

        if self.page.report is None:
            return
        rows = exits_behind(self.session, self.page.report.period, self.page.team(), bar.key)
        dialog = ExitsBehindDialog(self.session, bar.text, rows, self.window)
        dialog.open_requested.connect(self.open_exit)
        dialog.exec()
