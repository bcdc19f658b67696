"""File > Settings."""

from __future__ import annotations

from retention_desktop.ui.common.feature import Feature


class SettingsFeature(Feature):
    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.settings_action = self.action(
            self.tr("&Settings…"), self.edit_settings, "Ctrl+,", "settings"
        )

    def edit_settings(self) -> None:
        from retention_desktop.ui.settings.settings_dialog import SettingsDialog  # when used

        SettingsDialog(self.session, self.window).exec()
