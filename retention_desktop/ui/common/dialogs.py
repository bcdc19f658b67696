"""Running a modal dialog the way every feature does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

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
