"""The list of backups (layout only): when, why, size and what each holds; Restore… the
one chosen, open their folder, Close."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from retention_desktop.ui.common.labels import backup_reason
from retention_desktop.ui.common.widgets import fit_columns, set_up_record_table


class BackupsDialog(QDialog):
    """Accepted with `chosen`, the backup to put in place (the window then closes the
    file, restores it and opens it again)."""

    def __init__(self, folder: Path, read_only: bool, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.folder = folder
        self.infos: list = []  # store.backup.BackupInfo, as shown
        self.chosen = None  # the BackupInfo chosen to restore
        self.status = QLabel(self.tr("Reading the backups…"), self, objectName="backupsStatus")
        self.status.setWordWrap(True)
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Taken"), self.tr("Why"), self.tr("Size"), self.tr("Employees"),
            self.tr("Exits"), self.tr("Actions"),
        ])  # fmt: skip
        self.view = QTableView(self)
        set_up_record_table(self.view, "backupsView")
        self.view.setModel(self.model)
        # the room left goes to the reason, not to the last figure
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.selectionModel().selectionChanged.connect(self._chosen_changed)
        self.view.doubleClicked.connect(lambda _index: self._restore())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.restore_button = QPushButton(self.tr("&Restore…"), self, objectName="restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.setVisible(not read_only)
        self.restore_button.clicked.connect(self._restore)
        self.folder_button = QPushButton(self.tr("Open &folder"), self, objectName="folderButton")
        self.folder_button.clicked.connect(self.open_folder)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def show_backups(self, backups: list) -> None:
        """The backups read (store.backup.BackupInfo), newest first."""
        self.infos = []
        self.model.removeRows(0, self.model.rowCount())
        for info in reversed(backups):
            held = ("" if info.employees is None else str(info.employees),
                    "" if info.exits is None else str(info.exits),
                    "" if info.actions is None else str(info.actions))  # fmt: skip
            cells = [info.taken.strftime("%Y-%m-%d %H:%M"), backup_reason(info.reason),
                     f"{max(1, round(info.size / 1024)):,} KB", *held]  # fmt: skip
            items = [QStandardItem(text) for text in cells]
            for item in items[2:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow(items)
            self.infos.append(info)
        fit_columns(self.view)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if backups:
            self.status.setText(
                self.tr(
                    "%1 backups in %2, newest first. Restoring one first backs up the "
                    "file as it is now, so you can go back."
                )
                .replace("%1", str(len(backups)))
                .replace("%2", str(self.folder))
            )
        else:
            self.status.setText(
                self.tr(
                    "No backups yet. One is taken each day the app is opened, and before "
                    "every import."
                )
            )

    def show_failure(self, error: Exception) -> None:
        self.status.setText(self.tr("The backups could not be read: %1").replace("%1", str(error)))

    def _chosen_changed(self) -> None:
        self.restore_button.setEnabled(self.view.selectionModel().hasSelection())

    def _restore(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows or not self.restore_button.isVisible():
            return
        self.chosen = self.infos[rows[0].row()]
        self.accept()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
