"""The list of backups (layout only): when, why, size and what each holds; Restore… the
one chosen, open their folder; where they go and how many are kept; Close."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from retention_desktop.domain.settings import MAX_BACKUPS_KEPT, MIN_BACKUPS_KEPT
from retention_desktop.ui.common.labels import backup_reason
from retention_desktop.ui.common.widgets import (
    ErrorLabel,
    fit_columns,
    set_up_record_table,
    words_only,
)


class BackupsDialog(QDialog):
    """Accepted with `chosen`, the backup to put in place (the window then closes the
    file, restores it and opens it again). A change of where backups go or how many are
    kept is handed at once to `change_place(folder, keep)`, which returns the file's
    refusal or None."""

    def __init__(self, folder: Path, read_only: bool, parent=None, *, change_place=None):
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.folder = folder
        self.change_place = change_place
        self.infos: list = []  # store.backup.BackupInfo, as shown
        self.chosen = None  # the BackupInfo chosen to restore
        self.status = QLabel(self.tr("Reading the backups…"), self, objectName="backupsStatus")
        self.status.setWordWrap(True)
        self.beside = folder  # the backups folder beside the file
        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Taken"), self.tr("Why"), self.tr("Size"), self.tr("Employees"),
            self.tr("Exits"), self.tr("Actions"), self.tr("Where"),
        ])  # fmt: skip
        self.view = QTableView(self)
        set_up_record_table(self.view, "backupsView")
        self.view.setModel(self.model)
        # the room left goes to the reason, not to the last figure
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.selectionModel().selectionChanged.connect(self._chosen_changed)
        self.view.doubleClicked.connect(lambda _index: self._restore())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        words_only(buttons)
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
        layout.addWidget(self._place_box(read_only))
        layout.addWidget(buttons)
        self.resize(760, 520)

    def _place_box(self, read_only: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Where backups are kept"), self)
        column = QVBoxLayout(box)
        form = QFormLayout()
        column.addLayout(form)
        row = QHBoxLayout()
        self.place_edit = QLineEdit(box, objectName="backupFolderEdit")
        self.place_edit.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("&Change…"), box, objectName="chooseFolderButton")
        self.choose_button.clicked.connect(self._choose_folder)
        self.beside_button = QPushButton(self.tr("&Beside the file"), box,
                                         objectName="besideFileButton")  # fmt: skip
        self.beside_button.clicked.connect(lambda: self._change("", self.keep_spin.value()))
        row.addWidget(self.place_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.beside_button)
        label = QLabel(self.tr("Fol&der"), box)
        label.setBuddy(self.choose_button)
        form.addRow(label, row)
        self.keep_spin = QSpinBox(box, objectName="backupsKeptSpin")
        self.keep_spin.setRange(MIN_BACKUPS_KEPT, MAX_BACKUPS_KEPT)
        self.keep_spin.setSuffix(self.tr(" backups"))
        self.keep_spin.editingFinished.connect(
            lambda: self._change(self.chosen_folder, self.keep_spin.value())
        )
        row = QHBoxLayout()
        row.addWidget(self.keep_spin)
        row.addStretch(1)
        label = QLabel(self.tr("&Keep the newest"), box)
        label.setBuddy(self.keep_spin)
        form.addRow(label, row)
        self.place_error = ErrorLabel(box, "backupPlaceError")
        column.addWidget(self.place_error)
        note = QLabel(
            self.tr(
                "A backup is taken each day the app is opened and before every import, undo "
                "of an import, restore and update. In a folder you choose (a USB drive, a "
                "synced folder) this file's backups go into a subfolder of their own; while "
                "that folder is not there, they go beside the file."
            ),
            box,
        )
        note.setWordWrap(True)
        column.addWidget(note)
        for widget in (self.choose_button, self.beside_button, self.keep_spin):
            widget.setEnabled(not read_only and self.change_place is not None)
        self.chosen_folder = ""
        return box

    def show_place(self, folder: str, keep: int, target: Path, available: bool) -> None:
        """Where backups go: the folder chosen ("" for beside the file), how many are
        kept, the folder the next one goes to and whether the chosen one is there."""
        self.chosen_folder = folder
        self.folder = target
        self.keep_spin.setValue(keep)
        self.beside_button.setVisible(bool(folder))
        if not folder:
            self.place_edit.setText(self.tr("Beside the file: %1").replace("%1", str(target)))
        else:
            self.place_edit.setText(folder)
        self.place_edit.setToolTip(str(target))
        if folder and not available:
            self.place_error.show_error(
                self.tr(
                    "The folder %1 is not there now (a drive taken out?): backups go beside "
                    "the file, to %2, until it is back."
                )
                .replace("%1", folder)
                .replace("%2", str(target))
            )
        else:
            self.place_error.show_error("")

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Where backups are kept"), self.chosen_folder or str(self.folder)
        )
        if folder:
            self._change(folder, self.keep_spin.value())

    def _change(self, folder: str, keep: int) -> None:
        refused = self.change_place(folder, keep)
        if refused is not None:
            self.place_error.show_error(refused)

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
            where = info.path.parent
            cells.append(self.tr("Beside the file") if where == self.beside else str(where))
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setToolTip(str(info.path))
            for item in items[2:6]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow(items)
            self.infos.append(info)
        fit_columns(self.view)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if backups:
            self.status.setText(
                self.tr(
                    "%1 backups, newest first. Restoring one first backs up the file as it "
                    "is now, so you can go back."
                ).replace("%1", str(len(backups)))
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
