"""Marking an employee at risk of leaving (level, suspected reason, date, note) and
clearing the flag with a note; the person's flags so far are listed. The dialogs check
what was entered and hand it to the `save` their controller gives them (one undoable
step); a refusal is shown and the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

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
from retention_desktop.ui.common.labels import level_names
from retention_desktop.ui.common.messages import Messages, Refusal
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import (
    ErrorLabel,
    ReasonCombo,
    date_edit,
    dialog_buttons,
    set_up_record_table,
    size_to_width,
    to_date,
)


class RiskDialog(QDialog):
    """Flag `name` at risk; `history` is their flags so far (the store's RiskRows, oldest
    first). OK calls `save(draft)`, which returns None when saved, else the refusal."""

    def __init__(
        self,
        session: Session,
        name: str,
        history: Sequence,
        save: Callable[[RiskDraft], Refusal | None],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.save = save
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
        self.history = history_view(self, history)
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
        size_to_width(self, 520)

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
        error = self.save(draft)
        if error is not None:
            self.date_error.show_error(self.messages.for_error(error))
            return
        super().accept()


class ClearRiskDialog(QDialog):
    """Clear the risk flag of `name`; `current` is that flag (the store's RiskRow, or None).
    OK calls `save(cleared_on, note)`, which returns None when saved, else the refusal."""

    def __init__(
        self,
        session: Session,
        name: str,
        current,
        save: Callable[[date, str], Refusal | None],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.save = save
        self.messages = Messages(self)
        self.setObjectName("clearRiskDialog")
        self.setWindowTitle(self.tr("Clear the risk flag of %1").replace("%1", name))
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
        size_to_width(self, 440)

    def accept(self) -> None:
        error = self.save(to_date(self.date_edit.date()), self.note_edit.toPlainText().strip())
        if error is not None:
            self.date_error.show_error(self.messages.for_error(error))
            return
        super().accept()


def history_view(parent, flags: Sequence) -> QTableView:
    """A person's risk flags (the store's RiskRows), oldest first."""
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
    for flag in flags:
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
