"""The exits behind a bar of a dashboard chart, listed; one opens with a double-click."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QTableView, QVBoxLayout

from retention_desktop.ui.common.exit_rows import ExitsModel
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import dialog_buttons, fit_columns, set_up_record_table


class ExitsBehindDialog(QDialog):
    """The exits behind a chart's bar; double-click one: `open_requested(employee id, exit
    id)`, which the shell takes to the exit dialog."""

    open_requested = Signal(int, int)

    def __init__(self, session: Session, title: str, rows, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("exitsBehindDialog")
        self.setWindowTitle(title)
        self.model = ExitsModel(self, session.lang)
        self.model.set_rows(rows)
        self.view = QTableView(self)
        set_up_record_table(self.view, "exitsBehindView")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        fit_columns(self.view, cap_chars=18)
        self.view.doubleClicked.connect(self.open_exit)
        buttons = dialog_buttons(self)
        buttons.setStandardButtons(buttons.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%Ln exit(s). Double-click one to open it.", "",
                                        len(rows)), self))  # fmt: skip
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def open_exit(self, index) -> None:
        row = self.model.row_at(index.row())
        self.open_requested.emit(row.employee_id, row.exit_id)
