"""File > Settings: the shop's settings (kept in the file) and this computer's language
(kept in QSettings; used from the next start, which the app offers at once)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox

from retention_desktop.store.errors import FaultError
from retention_desktop.store.settings import all_settings
from retention_desktop.ui.common.dialogs import run_modal
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.i18n import choose_language, chosen_language


class SettingsFeature(Feature):
    restart_requested = Signal()  # the app starts again on the same file (the language)

    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.settings_action = self.action(
            self.tr("&Settings…"), self.edit_settings, "Ctrl+,", "settings", writes=True
        )

    def edit_settings(self) -> None:
        from retention_desktop.ui.settings.settings_dialog import SettingsDialog  # when used

        session = self.session

        def save(values: dict) -> FaultError | None:
            try:  # all in one transaction, one step Edit > Undo takes back
                session.change_settings(self.tr("Change settings"), values)
            except FaultError as fault:  # the file refused it: the dialog stays open
                return fault
            return None

        before = chosen_language()
        dialog = SettingsDialog(all_settings(session.db), save, self.window, language=before,
                                today=session.today())  # fmt: skip
        if run_modal(dialog) and dialog.language() != before:
            choose_language(dialog.language())  # this computer's, from the next start
            self._offer_restart()

    def _offer_restart(self) -> None:
        answer = QMessageBox.question(
            self.window,
            self.tr("Language"),
            self.tr(
                "The new language is used from the next start. Start Retention Desktop again now?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restart_requested.emit()
