"""Marking an employee at risk of leaving (level, suspected reason, date, note) and
clearing the flag with a note; the person's flags so far are listed. Undoable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTableView,
)

from retention_desktop.domain.actions import HIGH, LOW, MEDIUM, RiskDraft, validate_risk
from retention_desktop.domain.catalog import REASON_CATEGORIES
from retention_desktop.store import actions as store_actions
from retention_desktop.store.errors import RecordError
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import (
    ErrorLabel,
    ReasonCombo,
    date_edit,
    dialog_buttons,
    set_up_record_table,
    to_date,
)


def level_names() -> dict[str, str]:
    return {
        LOW: QCoreApplication.translate("RiskFlags", "Low"),
        MEDIUM: QCoreApplication.translate("RiskFlags", "Medium"),
        HIGH: QCoreApplication.translate("RiskFlags", "High"),
    }


class RiskDialog(QDialog):
    def __init__(self, session: Session, employee_id: int, name: str, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.employee_id = employee_id
        self.messages = Messages(self)
        self.setObjectName("riskDialog")
        self.setWindowTitle(self.tr("Flag %1 at risk").replace("%1", name))
        levels = level_names()
        self.level_combo = QComboBox(self, objectName="riskLevelCombo")
        for level in (HIGH, MEDIUM, LOW):
            self.level_combo.addItem(levels[level], level)
        self.reason_combo = ReasonCombo(self, "riskReasonCombo", self.tr("Not known"))
        lang = session.lang
        self.reason_combo.set_reasons(
            session.reasons(), [(c.code, c.label(lang)) for c in REASON_CATEGORIES]
        )
        self.date_edit = date_edit(self, session.today(), "riskDateEdit")
        self.date_error = ErrorLabel(self, "riskDateError")
        self.note_edit = QPlainTextEdit(self, objectName="riskNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("What was seen or heard"))
        self.note_edit.setMinimumHeight(60)
        self.history = history_view(self, session, employee_id)
        form = QFormLayout(self)
        form.addRow(self.tr("&Level *"), self.level_combo)
        form.addRow(self.tr("Suspected &reason"), self.reason_combo)
        form.addRow(self.tr("&Date *"), self.date_edit)
        form.addRow("", self.date_error)
        form.addRow(self.tr("&Note"), self.note_edit)
        if self.history.model().rowCount():
            form.addRow(QLabel(self.tr("Flags so far (a new flag replaces the current one):")))
            form.addRow(self.history)
        else:
            self.history.hide()  # nobody flagged this person before
        form.addRow(dialog_buttons(self, QDialogButtonBox.StandardButton.Save))
        self.resize(520, 0)

    def accept(self) -> None:
        today = self.session.today()
        draft = RiskDraft(
            level=self.level_combo.currentData(),
            flagged_on=to_date(self.date_edit.date()),
            reason_id=self.reason_combo.current_id(),
            note=self.note_edit.toPlainText().strip(),
        )
        problems = validate_risk(draft, today)
        if problems:
            first = problems[0]
            self.date_error.show_error(self.messages.text(first.field, first.code))
            return
        db, employee_id = self.session.db, self.employee_id
        try:
            self.session.change(
                self.tr("Flag at risk"),
                lambda: store_actions.flag_risk(db, employee_id, draft, today=today),
                employee_id,
            )
        except RecordError as error:
            self.date_error.show_error(self.messages.for_error(error))
            return
        super().accept()


class ClearRiskDialog(QDialog):
    def __init__(self, session: Session, employee_id: int, name: str, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.employee_id = employee_id
        self.messages = Messages(self)
        self.setObjectName("clearRiskDialog")
        self.setWindowTitle(self.tr("Clear the risk flag of %1").replace("%1", name))
        current = store_actions.current_risk(session.db, employee_id, session.lang)
        text = ""
        if current is not None:
            text = (
                self.tr("Flagged %1 on %2").replace("%1", level_names()[current.level])
                .replace("%2", current.flagged_on.isoformat())
            )  # fmt: skip
            if current.reason:
                text += " · " + current.reason
        self.date_edit = date_edit(self, session.today(), "clearDateEdit")
        self.date_error = ErrorLabel(self, "clearDateError")
        self.note_edit = QPlainTextEdit(self, objectName="clearNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("Why the risk has passed"))
        self.note_edit.setMinimumHeight(60)
        form = QFormLayout(self)
        form.addRow(QLabel(text, self, objectName="currentRiskLabel"))
        form.addRow(self.tr("Cleared &on *"), self.date_edit)
        form.addRow("", self.date_error)
        form.addRow(self.tr("&Note"), self.note_edit)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&lear flag"))
        form.addRow(buttons)
        self.resize(440, 0)

    def accept(self) -> None:
        today, cleared_on = self.session.today(), to_date(self.date_edit.date())
        db, employee_id = self.session.db, self.employee_id
        note = self.note_edit.toPlainText().strip()
        try:
            self.session.change(
                self.tr("Clear risk flag"),
                lambda: store_actions.clear_risk(db, employee_id, cleared_on, note, today=today),
                employee_id,
            )
        except RecordError as error:
            self.date_error.show_error(self.messages.for_error(error))
            return
        super().accept()


def history_view(parent, session: Session, employee_id: int) -> QTableView:
    """The person's risk flags, oldest first."""
    levels = level_names()
    model = QStandardItemModel(0, 5, parent)
    model.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("RiskFlags", "Flagged"),
            QCoreApplication.translate("RiskFlags", "Level"),
            QCoreApplication.translate("RiskFlags", "Reason"),
            QCoreApplication.translate("RiskFlags", "Cleared"),
            QCoreApplication.translate("RiskFlags", "Notes"),
        ]
    )
    for flag in store_actions.risk_history(session.db, employee_id, session.lang):
        notes = " / ".join(n for n in (flag.note, flag.clear_note) if n)
        model.appendRow(
            [QStandardItem(flag.flagged_on.isoformat()), QStandardItem(levels[flag.level]),
             QStandardItem(flag.reason or ""),
             QStandardItem(flag.cleared_on.isoformat() if flag.cleared_on else ""),
             QStandardItem(notes)]
        )  # fmt: skip
    view = QTableView(parent)
    set_up_record_table(view, "riskHistoryView")
    view.setModel(model)
    view.horizontalHeader().setStretchLastSection(True)
    view.resizeColumnsToContents()
    view.setMaximumHeight(160)
    return view
