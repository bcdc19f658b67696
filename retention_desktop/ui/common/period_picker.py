"""A period of whole months: the last 12 (the default), this year, last year, or any range
of months. The dashboard and the export use it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from retention_desktop.domain.dates import Month, Period

PRESET_LAST_12, PRESET_THIS_YEAR, PRESET_LAST_YEAR, PRESET_CUSTOM = range(4)


class PeriodPicker(QWidget):
    """A preset and, for "Months…", the first and last month; `changed` when the period
    chosen changes."""

    changed = Signal()

    def __init__(self, today: Callable[[], date], parent=None) -> None:
        super().__init__(parent)
        self.today = today
        self.preset_combo = QComboBox(self, objectName="presetCombo")
        for text, key in (
            (self.tr("Last 12 months"), PRESET_LAST_12),
            (self.tr("This year"), PRESET_THIS_YEAR),
            (self.tr("Last year"), PRESET_LAST_YEAR),
            (self.tr("Months…"), PRESET_CUSTOM),
        ):
            self.preset_combo.addItem(text, key)
        default = Period.last_whole_months(today())
        self.from_edit = self._month_edit(default.first, "fromMonthEdit")
        self.to_edit = self._month_edit(default.last, "toMonthEdit")
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preset_combo)
        layout.addWidget(self.from_edit)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.to_edit)
        layout.addStretch(1)  # in a wide form the months stay beside each other

    def _month_edit(self, month: Month, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(month.year, month.month, 1), self)
        edit.setObjectName(name)
        edit.setDisplayFormat("yyyy-MM")
        edit.setCalendarPopup(True)
        edit.setEnabled(False)
        edit.dateChanged.connect(self.changed)
        return edit

    def _preset_changed(self) -> None:
        custom = self.preset_combo.currentData() == PRESET_CUSTOM
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        self.changed.emit()

    def period(self) -> Period:
        today, preset = self.today(), self.preset_combo.currentData()
        if preset == PRESET_THIS_YEAR:
            return Period(Month(today.year, 1), Month(today.year, 12))
        if preset == PRESET_LAST_YEAR:
            return Period(Month(today.year - 1, 1), Month(today.year - 1, 12))
        if preset == PRESET_CUSTOM:
            first, last = self.from_edit.date(), self.to_edit.date()
            start, end = Month(first.year(), first.month()), Month(last.year(), last.month())
            return Period(min(start, end), max(start, end))
        return Period.last_whole_months(today)

    def set_like(self, other: PeriodPicker) -> None:
        """The same choice as `other` (the export starts from the dashboard's)."""
        self.from_edit.setDate(other.from_edit.date())
        self.to_edit.setDate(other.to_edit.date())
        self.preset_combo.setCurrentIndex(other.preset_combo.currentIndex())
