"""Spreadsheets: File > Import, Export to Excel, Save import template and Edit > Undo
import. The store calls
of the import and the export are made here and given to their dialogs; openpyxl is
imported only in the worker that writes a workbook."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from retention_desktop.domain.dates import Period
from retention_desktop.domain.exchange import ImportRow
from retention_desktop.sheets.model import Cancelled
from retention_desktop.store.exporting import export_data
from retention_desktop.store.importing import ImportCancelled, ImportSummary, import_into_file
from retention_desktop.store.importing import plan_import as plan_rows
from retention_desktop.ui.common.dialogs import ask_workbook_path, run_modal
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.spreadsheets.undo_import import ImportUndoing


def importer(db_path: Path, source: str) -> Callable[..., ImportSummary]:
    """What writes checked rows of the file named `source` into the file at `db_path`
    (after a backup, in one transaction), for a worker thread; Cancel raises Cancelled."""

    def write(rows: Sequence[ImportRow], columns, *, progress, cancelled) -> ImportSummary:
        try:
            return import_into_file(
                db_path, rows, columns=columns, source=source, progress=progress,
                cancelled=cancelled,
            )  # fmt: skip
        except ImportCancelled as error:
            raise Cancelled() from error

    return write


def exporter(read_data: Callable[..., object], lang: str, today: date) -> Callable[..., Path]:
    """What writes the workbook of a period (and team), for a worker thread: `read_data`
    is export_data on a connection of the worker's own; Cancel raises Cancelled."""

    def write(target: Path, period: Period, team: str | None, *, progress, cancelled) -> Path:
        from retention_desktop.sheets import export  # openpyxl: off the UI thread

        data = read_data(period, lang=lang, today=today, team=team)
        if cancelled():
            raise Cancelled()
        export.write_workbook(target, data, progress=progress, cancelled=cancelled)
        return target

    return write


class SpreadsheetsFeature(Feature):
    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        # what the export starts from: an object with `picker` and `team()` (the shell
        # gives the dashboard's page once it has been shown), or None
        self.export_like: Callable[[], object | None] = lambda: None
        self.import_action = self.action(self.tr("&Import…"), self.import_file, "Ctrl+I",
                                         "import", writes=True)  # fmt: skip
        self.export_action = self.action(
            self.tr("E&xport to Excel…"), self.export_file, "Ctrl+Shift+X", "export"
        )
        self.template_action = self.action(
            self.tr("Save import &template…"), self.save_template, None, "template"
        )
        self.undoing = ImportUndoing(self)
        self.undo_import_action = self.undoing.action

    def update_actions(self) -> None:
        self.undo_import_action.setEnabled(self.undoing.enabled())

    def import_file(self) -> None:
        """Ask for a file and open the import dialog on it."""
        from retention_desktop.ui.spreadsheets.import_dialog import ImportDialog  # when used

        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import"), "",
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )  # fmt: skip
        if not path:
            return
        session = self.session
        dialog = ImportDialog(
            session, Path(path), self.window,
            plan=session.reader(plan_rows), write=importer(session.path, Path(path).name),
        )  # fmt: skip
        dialog.check()
        run_modal(dialog)

    def export_file(self) -> None:
        from retention_desktop.ui.spreadsheets.export_dialog import ExportDialog  # when used

        session = self.session
        write = exporter(session.reader(export_data), session.lang, session.today())
        run_modal(ExportDialog(session, self.window, write=write, like=self.export_like()))

    def save_template(self) -> None:
        from retention_desktop.sheets.template import write_template

        target = ask_workbook_path(
            self.window, self.tr("Save import template"), self.tr("import template.xlsx")
        )
        if target is None:
            return
        path = str(target)
        try:
            write_template(path)
        except OSError as error:  # a full disk, a folder not there, open in Excel…
            error = OSError(error.errno, error.strerror, path)  # not its temporary's name
            QMessageBox.warning(self.window, self.tr("Save import template"),
                                Messages(self).for_file_error(error))  # fmt: skip
            return
        self.window.statusBar().showMessage(self.tr("Template saved: %1").replace("%1", path), 8000)
