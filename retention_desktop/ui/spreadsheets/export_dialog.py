"""File > Export: one .xlsx workbook of a period (and one team), written off the UI thread
behind a progress dialog; Cancel leaves no file. The dialog is given what writes the
workbook (the controller's: openpyxl is imported there, off the UI thread)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
)

from retention_desktop.sheets.model import Cancelled
from retention_desktop.ui.common.dialogs import ask_workbook_path, show_saved
from retention_desktop.ui.common.jobs import run_with_progress
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.period_picker import PeriodPicker
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import ERROR_STYLE, TeamCombo, dialog_buttons

# (target, period, team, progress, cancelled) -> the file written; raises Cancelled
Write = Callable[..., Path]


class ExportDialog(QDialog):
    def __init__(self, session: Session, parent=None, *, write: Write, like=None) -> None:
        """`write` writes the workbook (off the UI thread); `like`: the dashboard page,
        whose period and team are the first choice."""
        super().__init__(parent)
        self.session = session
        self._write = write
        self.target: Path | None = None
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export to Excel"))
        self.picker = PeriodPicker(session.today, self)
        self.team_combo = TeamCombo(self, "exportTeamCombo")
        self.team_combo.set_teams(session.teams())
        if like is not None:
            self.picker.set_like(like.picker)
            self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(like.team())))
        self.status_label = QLabel(self, objectName="exportStatusLabel")
        self.status_label.setWordWrap(True)
        explained = QLabel(
            self.tr(
                "One workbook: the key figures, figures per month, by reason, by team and by "
                "tenure with charts, and every employment, exit and retention action."
            ),
            self,
        )
        explained.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(explained)
        form.addRow(self.tr("&Period"), self.picker)
        form.addRow(self.tr("&Team"), self.team_combo)
        form.addRow(self.status_label)
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Export…"))
        form.addRow(self.buttons)

    def default_name(self) -> str:
        period = self.picker.period()
        team = self.team_combo.team()
        name = self.tr("Turnover %1 to %2").replace("%1", str(period.first))
        name = name.replace("%2", str(period.last))
        return f"{name} {team}.xlsx" if team else f"{name}.xlsx"

    def accept(self) -> None:
        """Ask where, then write the workbook off the UI thread."""
        target = ask_workbook_path(self, self.tr("Export to Excel"), self.default_name())
        if target is None:
            return
        period, team, write = self.picker.period(), self.team_combo.team(), self._write
        self.buttons.setEnabled(False)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Writing %1…").replace("%1", target.name))

        def work(progress, cancelled) -> Path:
            return write(target, period, team, progress=progress, cancelled=cancelled)

        self.progress = run_with_progress(
            self, self.tr("Writing %1…").replace("%1", target.name), work, self._written,
            self._failed,
        )  # fmt: skip

    def _written(self, target: Path) -> None:
        self.target = target
        show_saved(self, self.windowTitle(), target)
        super().accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.status_label.setStyleSheet(ERROR_STYLE)
        if isinstance(error, Cancelled):
            self.status_label.setText(self.tr("The export was cancelled: no file was written."))
        else:
            self.status_label.setText(
                self.tr("The workbook could not be written: %1").replace(
                    "%1", Messages(self).for_file_error(error)
                )
            )
