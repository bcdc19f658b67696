"""Running a modal dialog the way every feature does."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """Show `dialog` modally and let it go once closed: a dialog parented to the main
    window would otherwise live (with its models and connections) as long as the window,
    one more for every time it was opened. Its fields can still be read right after."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
