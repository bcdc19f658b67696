"""The reason list and the action library: File > Exit reasons, Actions > Action library."""

from __future__ import annotations

from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.session import KINDS, REASONS


class CatalogFeature(Feature):
    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.reasons_action = self.action(
            self.tr("Exit &reasons…"), lambda: self.edit(REASONS), None, "reasons"
        )
        self.library_action = self.action(
            self.tr("Action &library…"), lambda: self.edit(KINDS), None, "actionLibrary"
        )

    def edit(self, table: str) -> None:
        from retention_desktop.ui.catalog.reasons_dialog import ReasonsDialog  # when used

        ReasonsDialog(self.session, self.window, table=table).exec()
