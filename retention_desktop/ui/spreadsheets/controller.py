"""Spreadsheets: File > Import, Export to Excel and Save import template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from retention_desktop.ui.common.feature import Feature


class SpreadsheetsFeature(Feature):
    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        # what the export starts from: an object with `picker` and `team()` (the shell
        # gives the dashboard's page once it has been shown), or None
        self.export_like: Callable[[], object | None] = lambda: None
        self.import_action = self.action(self.tr("&Import…"), self.import_file, "Ctrl+I",
                                         "import")  # fmt: skip
        self.export_action = self.action(
            self.tr("E&xport to Excel…"), self.export_file, "Ctrl+Shift+X", "export"
        )
        self.template_action = self.action(
            self.tr("Save import &template…"), self.save_template, None, "template"
        )

    def import_file(self) -> None:
        """Ask for a file and open the import dialog on it."""
        from retention_desktop.ui.spreadsheets.import_dialog import ImportDialog  # when used

        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import"), "",
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )  # fmt: skip
        if not path:
            return
        dialog = ImportDialog(self.session, Path(path), self.window)
        dialog.check()
        dialog.exec()

    def export_file(self) -> None:
        from retention_desktop.ui.spreadsheets.export_dialog import ExportDialog  # when used

        ExportDialog(self.session, self.window, like=self.export_like()).exec()

    def save_template(self) -> None:
        from retention_desktop.sheets.template import write_template

        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save import template"), self.tr("import template.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            write_template(path)
        except OSError as error:
            QMessageBox.warning(
                self.window, self.tr("Save import template"),
                self.tr("%1 could not be written: %2").replace("%1", path)
                .replace("%2", error.strerror or str(error)),
            )  # fmt: skip
            return
        self.window.statusBar().showMessage(self.tr("Template saved: %1").replace("%1", path), 8000)
