"""The shop's settings: what a hire costs (for the turnover cost), the alternative
turnover rate, and the peak seasons (seasons_box). They are stored in the file, so they
travel with it and its backups; all are written together, or none. The dialog shows the
settings its controller read and hands what was entered to the `save` it was given."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
)

from retention_desktop.domain.probation import MAX_PROBATION_MONTHS, MIN_PROBATION_MONTHS
from retention_desktop.domain.settings import MAX_CHECK_IN_DAYS, MIN_CHECK_IN_DAYS
from retention_desktop.ui.common.messages import Messages, Refusal
from retention_desktop.ui.common.widgets import ErrorLabel, dialog_buttons, size_to_width
from retention_desktop.ui.settings.seasons_box import PeakSeasonsBox

MAX_COST = 10_000_000


class SettingsDialog(QDialog):
    """`settings`: every setting by its key, as the file has them; OK calls
    `save(values)` with them all, as entered, which returns the file's refusal (the
    dialog then stays open) or None. The peak seasons show their dates of `today`'s year
    and the next."""

    def __init__(
        self, settings: dict, save: Callable[[dict], Refusal | None], parent=None,
        *, language: str = "", today: date | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.save = save
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))

        # this computer's, not the file's: kept apart from the shop's settings below
        speech = QGroupBox(self.tr("Language"), self)
        form = QFormLayout(speech)
        self.language_combo = QComboBox(speech, objectName="languageCombo")
        self.language_combo.addItem(self.tr("Follow the system"), "")
        self.language_combo.addItem("中文（简体）", "zh_CN")  # each in its own words
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        form.addRow(self.tr("&Language of the app"), self.language_combo)

        shop = QGroupBox(self.tr("Shop"), self)
        form = QFormLayout(shop)
        self.shop_edit = QLineEdit(settings["shop_name"], shop, objectName="shopNameEdit")
        self.shop_edit.setMaxLength(100)
        self.shop_edit.setPlaceholderText(self.tr("Shown on exported workbooks"))
        form.addRow(self.tr("Shop &name"), self.shop_edit)

        # notes go below a form or grid, in a box layout: only that one gives a wrapped
        # label the height it needs at the dialog's width
        cost = QGroupBox(self.tr("Turnover cost"), self)
        column = QVBoxLayout(cost)
        form = QFormLayout()
        column.addLayout(form)
        self.currency_edit = QLineEdit(settings["currency"], cost, objectName="currencyEdit")
        self.currency_edit.setMaxLength(4)
        self.currency_error = ErrorLabel(cost, "currencyError")
        self.recruiting_spin = self._money(settings["recruiting_cost_per_hire"], "recruiting")
        self.training_spin = self._money(settings["training_cost_per_hire"], "training")
        form.addRow(self.tr("C&urrency sign"), self.currency_edit)
        form.addRow("", self.currency_error)
        form.addRow(self.tr("&Recruiting cost per hire"), self.recruiting_spin)
        form.addRow(self.tr("&Training cost per hire"), self.training_spin)
        explained = QLabel(
            self.tr(
                "Each separation costs a new hire: turnover cost = separations × (recruiting "
                "+ training cost per hire)."
            ),
            cost,
        )
        explained.setWordWrap(True)
        column.addWidget(explained)

        rate = QGroupBox(self.tr("Turnover rate"), self)
        column = QVBoxLayout(rate)
        self.alternative_check = QCheckBox(
            self.tr("Also show turnover rate = leavers / (leavers + headcount at the end)"), rate
        )
        self.alternative_check.setObjectName("alternativeRateCheck")
        self.alternative_check.setChecked(bool(settings["show_leavers_plus_closing_rate"]))
        note = QLabel(
            self.tr(
                "Some shops count turnover this way. The dashboard then shows it beside the "
                "standard rate (separations / average headcount), labelled with its formula."
            ),
            rate,
        )
        note.setWordWrap(True)
        column.addWidget(self.alternative_check)
        column.addWidget(note)
        form = QFormLayout()
        column.addLayout(form)
        self.probation_spin = QSpinBox(rate, objectName="probationMonthsSpin")
        self.probation_spin.setRange(MIN_PROBATION_MONTHS, MAX_PROBATION_MONTHS)
        self.probation_spin.setSuffix(self.tr(" months"))
        self.probation_spin.setValue(int(settings["probation_months"]))
        form.addRow(self.tr("Pro&bation"), self.probation_spin)
        note = QLabel(
            self.tr(
                "An exit before the probation ends counts in the probation attrition rate = "
                "exits in probation ÷ hires of the period. It ends that many months after "
                "the first working day, on the same day of the month."
            ),
            rate,
        )
        note.setWordWrap(True)
        column.addWidget(note)

        reminders = QGroupBox(self.tr("Reminders"), self)
        column = QVBoxLayout(reminders)
        form = QFormLayout()
        column.addLayout(form)
        self.check_in_spin = QSpinBox(reminders, objectName="checkInIntervalSpin")
        self.check_in_spin.setRange(MIN_CHECK_IN_DAYS, MAX_CHECK_IN_DAYS)
        self.check_in_spin.setSingleStep(15)
        self.check_in_spin.setSuffix(self.tr(" days"))
        self.check_in_spin.setValue(int(settings["check_in_interval_days"]))
        form.addRow(self.tr("&Check-in due after"), self.check_in_spin)
        note = QLabel(
            self.tr(
                "The Today panel lists the people still employed who have had no check-in "
                "conversation (an action of that kind marked done) for this long."
            ),
            reminders,
        )
        note.setWordWrap(True)
        column.addWidget(note)

        peaks = PeakSeasonsBox(settings["peak_seasons"], today or date.today(), self)
        self.seasons_box = peaks

        # two columns: in one, with the peak seasons' dates, the dialog grew taller than a
        # laptop's 768-pixel screen
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        layout.addLayout(columns)
        for groups in ((speech, shop, cost, rate), (reminders, peaks)):
            column = QVBoxLayout()
            columns.addLayout(column, 1)
            for group in groups:
                column.addWidget(group)
            column.addStretch(1)
        layout.addWidget(dialog_buttons(self))
        # never shorter than the wrapped notes (and a shown error) need at its width
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        size_to_width(self, 1000)

    def _money(self, value: float, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(f"{name}CostSpin")
        spin.setRange(0, MAX_COST)
        spin.setDecimals(2)
        spin.setSingleStep(100)
        spin.setGroupSeparatorShown(True)
        spin.setValue(float(value))
        return spin

    def language(self) -> str:
        """The language chosen ("" to follow the system)."""
        return self.language_combo.currentData()

    def values(self) -> dict:
        return {
            "shop_name": self.shop_edit.text().strip(),
            "currency": self.currency_edit.text().strip(),
            "recruiting_cost_per_hire": self.recruiting_spin.value(),
            "training_cost_per_hire": self.training_spin.value(),
            "show_leavers_plus_closing_rate": self.alternative_check.isChecked(),
            "check_in_interval_days": self.check_in_spin.value(),
            "probation_months": self.probation_spin.value(),
            "peak_seasons": [season.to_setting() for season in self.seasons_box.seasons()],
        }

    def accept(self) -> None:
        values = self.values()
        if not values["currency"]:
            self.currency_error.show_error(self.tr("Give a currency sign, such as ¥."))
            self.currency_edit.setFocus()
            return
        if self.seasons_box.problem() is not None:
            return
        refused = self.save(values)
        if refused is not None:  # by the file (disk full, busy…): everything stays as typed
            QMessageBox.warning(self, self.windowTitle(), Messages(self).for_error(refused))
            return
        super().accept()
