"""The window's own commands: Open (the person or exit chosen), Undo and Redo, Back up
now, Quit, About, and the View menu's pages."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMessageBox

from retention_desktop import __version__
from retention_desktop.store.backup import backup_file
from retention_desktop.store.errors import RecordError
from retention_desktop.store.faults import faults
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.jobs import run_in_background
from retention_desktop.ui.common.messages import Messages


class ShellCommands(Feature):
    open_requested = Signal()

    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.open_action = self.action(self.tr("&Open…"), self.open_requested.emit, None,
                                       "open")  # fmt: skip
        stack = session.undo_stack
        self.undo_action = stack.createUndoAction(window, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undo")
        self.redo_action = stack.createRedoAction(window, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.setObjectName("redo")
        window.addActions([self.undo_action, self.redo_action])
        session.fault.connect(self._undo_refused)
        self.backup_action = self.action(self.tr("&Back up now"), self.back_up_now, None,
                                         "backup", writes=True)  # fmt: skip
        self.quit_action = self.action(self.tr("&Quit"), window.close,
                                       QKeySequence.StandardKey.Quit, "quit")  # fmt: skip
        self.about_action = self.action(
            self.tr("&About Retention Desktop"), self.show_about, None, "about"
        )

    def update_actions(self) -> None:
        chosen = self.selection.person() or self.selection.exit()
        self.open_action.setEnabled(chosen is not None)

    def _undo_refused(self, fault) -> None:
        """An undo or redo the file refused: nothing changed, the history is as it was."""
        QMessageBox.warning(self.window, self.tr("Undo"), Messages(self).for_error(fault))

    def back_up_now(self) -> None:
        self.backup_action.setEnabled(False)
        self.window.statusBar().showMessage(self.tr("Backing up…"))
        path = self.session.path

        def back_up():
            with faults(path):  # a full disk, a folder it may not write: one sentence
                return backup_file(path, reason="manual")

        run_in_background(self, back_up, self._backup_done, self._backup_failed)

    def _backup_done(self, target) -> None:
        self.backup_action.setEnabled(True)
        self.window.statusBar().showMessage(
            self.tr("Backup written to %1").replace("%1", str(target)), 8000
        )

    def _backup_failed(self, error: Exception) -> None:
        self.backup_action.setEnabled(True)
        self.window.statusBar().clearMessage()
        # a fault of the file or the disk in the owner's words
        fault = isinstance(error, RecordError)
        why = Messages(self).for_error(error) if fault else str(error)
        QMessageBox.warning(
            self.window,
            self.tr("Backup failed"),
            self.tr("The backup could not be written: %1").replace("%1", why),
        )

    def show_about(self) -> None:
        about = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About Retention Desktop"),
            self.tr(
                "Retention Desktop %1\n\nStaff retention for small shops: the roster, "
                "every exit and its reasons, and what keeps people. Your data stays in "
                "one file on this computer:\n%2"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.session.path)),
            QMessageBox.StandardButton.Close,
            self.window,
        )
        about.setObjectName("aboutBox")
        folder = about.addButton(self.tr("Open its &folder"), QMessageBox.ButtonRole.ActionRole)
        about.exec()
        if about.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.path.parent)))
