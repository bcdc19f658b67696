"""The exit dialog's "Keep them" tab (挽留): whether the shop tried to keep the person,
what it offered (a kind of action from the action library) and how it ended: they are
leaving, or they stayed and the notice is withdrawn on a day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.records import ExitDraft
from retention_desktop.ui.common.widgets import ErrorLabel, date_edit, to_date


class KeepPage(QWidget):
    """`outcome_changed(stayed)` when the owner picks an outcome."""

    outcome_changed = Signal(bool)

    def __init__(self, draft: ExitDraft, offers: list, today: date, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Someone who gives notice can often still be kept. Say whether you tried, "
                "what you offered and how it ended: the dashboard counts the notices kept "
                "and lost, and Does it help? counts a kept notice for what was offered."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tried_check = QCheckBox(self.tr("We &tried to keep them"), self)
        self.tried_check.setObjectName("keepTriedCheck")
        self.tried_check.setChecked(draft.keep_tried)
        form.addRow("", self.tried_check)
        self.offer_combo = QComboBox(self)
        self.offer_combo.setObjectName("keepOfferCombo")
        self.offer_combo.addItem(self.tr("— nothing in particular —"), None)
        for item in offers:
            self.offer_combo.addItem(item.label, item.id)
        self.offer_combo.setCurrentIndex(max(0, self.offer_combo.findData(draft.keep_offer_id)))
        self.offer_combo.setEnabled(draft.keep_tried)
        self.tried_check.toggled.connect(self.offer_combo.setEnabled)
        form.addRow(self.tr("What we &offered"), self.offer_combo)

        self.outcome_group = QButtonGroup(self)
        self.leaving_radio = QRadioButton(self.tr("They are leavin&g"), self)
        self.leaving_radio.setObjectName("leavingRadio")
        stayed_row = QHBoxLayout()
        self.stayed_radio = QRadioButton(self.tr("They stay&ed: the notice was withdrawn on"), self)
        self.stayed_radio.setObjectName("stayedRadio")
        self.stayed_edit = date_edit(self, draft.stayed_on or today, "stayedEdit")
        stayed_row.addWidget(self.stayed_radio)
        stayed_row.addWidget(self.stayed_edit)
        stayed_row.addStretch(1)
        for button in (self.leaving_radio, self.stayed_radio):
            self.outcome_group.addButton(button)
        (self.stayed_radio if draft.stayed_on else self.leaving_radio).setChecked(True)
        self.stayed_edit.setEnabled(draft.stayed_on is not None)
        self.stayed_radio.toggled.connect(self._outcome_toggled)
        outcome = QVBoxLayout()
        outcome.addWidget(self.leaving_radio)
        outcome.addLayout(stayed_row)
        form.addRow(self.tr("Outcome"), outcome)
        self.stayed_error = ErrorLabel(self, "stayedError")
        form.addRow("", self.stayed_error)
        layout.addLayout(form)
        self.withdraw_note = QLabel(
            self.tr(
                "Withdraw notice: they stay employed, and this notice (its reasons, the "
                "offer and the notes) stays in their history. The handover checklist is "
                "dropped. Ctrl+Z takes it back."
            ),
            self,
        )
        self.withdraw_note.setObjectName("withdrawNote")
        self.withdraw_note.setWordWrap(True)
        self.withdraw_note.setVisible(draft.stayed_on is not None)
        layout.addWidget(self.withdraw_note)
        layout.addStretch(1)

    def _outcome_toggled(self, stayed: bool) -> None:
        self.stayed_edit.setEnabled(stayed)
        self.withdraw_note.setVisible(stayed)
        self.outcome_changed.emit(stayed)

    def keep_fields(self) -> dict:
        """The draft's fields this tab holds."""
        tried = self.tried_check.isChecked()
        return {
            "keep_tried": tried,
            "keep_offer_id": self.offer_combo.currentData() if tried else None,
            "stayed_on": to_date(self.stayed_edit.date())
            if self.stayed_radio.isChecked()
            else None,
        }
