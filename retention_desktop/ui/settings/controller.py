"""File > Settings."""

from __future__ import annotations

from retention_desktop.store.errors import FaultError
from retention_desktop.store.settings import all_settings, set_settings
from retention_desktop.ui.common.dialogs import run_modal
from retention_desktop.ui.common.feature import Feature


class SettingsFeature(Feature):
    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.settings_action = self.action(
            self.tr("&Settings…"), self.edit_settings, "Ctrl+,", "settings", writes=True
        )

    def edit_settings(self) -> None:
        from retention_desktop.ui.settings.settings_dialog import SettingsDialog  # when used

        session = self.session

        def save(values: dict) -> FaultError | None:
            try:
                with session.faults():
                    set_settings(session.db, values)  # all in one transaction
            except FaultError as fault:  # the file refused it: the dialog stays open
                return fault
            session.settings_saved()
            return None

        run_modal(SettingsDialog(all_settings(session.db), save, self.window))
