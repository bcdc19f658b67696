"""File > Print report… and Save report as PDF…: the period and team of the report
(layout only; the controller reads, builds and prints). It starts at the last whole month:
the report is made for the monthly team meeting."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel

from retention_desktop.domain.dates import Period
from retention_desktop.ui.common.period_picker import PRESET_CUSTOM, PeriodPicker
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import ERROR_STYLE, TeamCombo, dialog_buttons


class ReportDialog(QDialog):
    """`wanted` when the owner asks for the report (the dialog stays open until the
    controller calls `finish`, or shows why it could not)."""

    wanted = Signal()

    def __init__(self, session: Session, parent=None, *, to_pdf: bool) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Save report as PDF") if to_pdf else self.tr("Print report"))
        self.picker = PeriodPicker(session.today, self)
        last = Period.last_whole_months(session.today(), 1).last
        for edit in (self.picker.from_edit, self.picker.to_edit):
            edit.setDate(QDate(last.year, last.month, 1))
        self.picker.preset_combo.setCurrentIndex(self.picker.preset_combo.findData(PRESET_CUSTOM))
        self.team_combo = TeamCombo(self, "reportTeamCombo")
        self.team_combo.set_teams(session.teams())
        explained = QLabel(
            self.tr(
                "One or two A4 pages for the team meeting: the key figures with their change "
                "against the previous period, separations by month and by reason, the top "
                "reasons, open handovers and overdue actions."
            ),
            self,
        )
        explained.setWordWrap(True)
        self.status_label = QLabel(self, objectName="reportStatusLabel")
        self.status_label.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(explained)
        form.addRow(self.tr("&Period"), self.picker)
        form.addRow(self.tr("&Team"), self.team_combo)
        form.addRow(self.status_label)
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Save as PDF…") if to_pdf else self.tr("Pre&view and print…"))
        form.addRow(self.buttons)
        self.setMinimumWidth(480)

    def accept(self) -> None:
        self.wanted.emit()

    def finish(self) -> None:
        super().accept()

    def period(self) -> Period:
        return self.picker.period()

    def team(self) -> str | None:
        return self.team_combo.team()

    def show_busy(self, busy: bool, text: str = "") -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.status_label.setStyleSheet("")
        self.status_label.setText((text or self.tr("Reading the figures…")) if busy else "")

    def show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(text)
