"""Backups: File > Backups… lists them (read off the UI thread) and asks the app to put
the one chosen in place (`restore_requested`): the app closes the file, restores it after
backing up the file as it is, and opens it again. Where backups go and how many are kept
are settings of the file, changed from the same dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox

from retention_desktop.store.backup import (
    backup_target,
    backups_dir,
    choose_place,
    describe_backups,
    place_of,
)
from retention_desktop.store.errors import RecordError
from retention_desktop.store.settings import get_setting
from retention_desktop.ui.common.dialogs import run_modal
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.labels import backup_reason
from retention_desktop.ui.common.messages import Messages


def read_backups(_db, path: Path) -> list:
    return describe_backups(path)


class BackupsFeature(Feature):
    restore_requested = Signal(object)  # the backup's path

    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.backups_action = self.action(self.tr("Bac&kups…"), self.show_backups, None, "backups")

    def _read(self, dialog) -> None:
        session = self.session
        session.read(dialog, read_backups, session.path, on_success=dialog.show_backups,
                     on_failure=dialog.show_failure)  # fmt: skip

    def _show_place(self, dialog) -> None:
        session = self.session
        where = place_of(session.db.conn, session.path)
        target, available = backup_target(session.path, where)
        folder = get_setting(session.db, "backup_folder")
        dialog.show_place(folder, where.keep, target, available or not folder)

    def _change(self, dialog, folder: str, keep: int) -> str | None:
        """Where backups go and how many are kept, as the owner set them in the dialog:
        saved at once (the list is read again); the refusal's sentence, or None."""
        session = self.session
        try:
            with session.faults():
                choose_place(session.db, session.path, folder, keep)
        except RecordError as refused:
            return Messages(self).for_error(refused)
        session.settings_saved()
        self._show_place(dialog)
        self._read(dialog)
        return None

    def show_backups(self) -> None:
        from retention_desktop.ui.backups.dialog import BackupsDialog

        session = self.session
        dialog = BackupsDialog(backups_dir(session.path), session.read_only, self.window,
                               change_place=lambda folder, keep: self._change(dialog, folder,
                                                                              keep))  # fmt: skip
        self._show_place(dialog)
        self._read(dialog)
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
