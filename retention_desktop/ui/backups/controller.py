"""Backups: File > Backups… lists them (read off the UI thread) and asks the app to put
the one chosen in place (`restore_requested`): the app closes the file, restores it after
backing up the file as it is, and opens it again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox

from retention_desktop.store.backup import backups_dir, describe_backups
from retention_desktop.ui.common.dialogs import run_modal
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.labels import backup_reason


def read_backups(_db, path: Path) -> list:
    return describe_backups(path)


class BackupsFeature(Feature):
    restore_requested = Signal(object)  # the backup's path

    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.backups_action = self.action(self.tr("Bac&kups…"), self.show_backups, None, "backups")

    def show_backups(self) -> None:
        from retention_desktop.ui.backups.dialog import BackupsDialog

        session = self.session
        dialog = BackupsDialog(backups_dir(session.path), session.read_only, self.window)
        session.read(dialog, read_backups, session.path, on_success=dialog.show_backups,
                     on_failure=dialog.show_failure)  # fmt: skip
        if not run_modal(dialog) or dialog.chosen is None:
            return
        chosen = dialog.chosen
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore a backup"),
            self.tr(
                "Put the backup of %1 (%2) in place of %3? The file as it is now is backed up "
                "first: restoring that backup takes you back. The window closes and opens "
                "the file again."
            )
            .replace("%1", chosen.taken.strftime("%Y-%m-%d %H:%M"))
            .replace("%2", backup_reason(chosen.reason))
            .replace("%3", str(session.path)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(chosen.path)
