"""Running a modal dialog the way every feature does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from retention_desktop.ui.common.jobs import CLOSED


def run_modal(dialog: QDialog) -> int:
    """Show `dialog` modally and let it go once closed: a dialog parented to the main
    window would otherwise live (with its models and connections) as long as the window,
    one more for every time it was opened. Its fields can still be read right after."""
    try:
        return dialog.exec()
    finally:
        # its background work may still finish: its result is no longer wanted (jobs.py)
        dialog.setProperty(CLOSED, True)
        dialog.deleteLater()


def ask_workbook_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    """Where to save an Excel workbook (Qt's own Save dialog; ".xlsx" added when left
    out), or None when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent, title, suggested,
        QCoreApplication.translate("Dialogs", "Excel workbook (*.xlsx)"),
    )  # fmt: skip
    if not path:
        return None
    return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")


def ask_pdf_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    """Where to save a PDF (".pdf" added when left out), or None when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent, title, suggested, QCoreApplication.translate("Dialogs", "PDF document (*.pdf)")
    )
    if not path:
        return None
    return Path(path if path.lower().endswith(".pdf") else path + ".pdf")


def show_saved(parent: QWidget, title: str, target: Path) -> None:
    """Say where the file was saved, offering to open it or the folder it is in."""
    text = QCoreApplication.translate("Dialogs", "Saved %1.").replace("%1", str(target))
    saved = QMessageBox(QMessageBox.Icon.Information, title, text,
                        QMessageBox.StandardButton.Close, parent)  # fmt: skip
    saved.setObjectName("savedBox")
    role = QMessageBox.ButtonRole.ActionRole
    open_file = saved.addButton(QCoreApplication.translate("Dialogs", "&Open"), role)
    open_folder = saved.addButton(QCoreApplication.translate("Dialogs", "Open &folder"), role)
    saved.setDefaultButton(QMessageBox.StandardButton.Close)
    saved.exec()
    if saved.clickedButton() is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    elif saved.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target.parent)))
