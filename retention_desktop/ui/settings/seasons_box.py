"""Settings > Peak seasons: each season either fixed dates (the same month-days every
year) or days before and after Spring Festival (which moves every year), with its real
dates of this year and the next beside it, so that the owner sees what the days mean.
domain.seasons computes the dates; nothing here reads the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.seasons import MAX_DAYS, MIN_DAYS, Season, read_seasons
from retention_desktop.domain.settings import month_day
from retention_desktop.ui.common.labels import run_text, season_name
from retention_desktop.ui.common.widgets import ErrorLabel

FIXED, RELATIVE = 0, 1  # the kind combo's rows
# Month-day fields show no year; 2000 is a leap year, so 02-29 can be picked.
YEAR = 2000


class DaysSpin(QSpinBox):
    """Days from Spring Festival: "+7" after it, "-10" before it, "0" the day itself."""

    def __init__(self, parent: QWidget, name: str, value: int) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRange(MIN_DAYS, MAX_DAYS)
        self.setValue(value)

    def textFromValue(self, value: int) -> str:
        return f"{value:+d}" if value else "0"


def _month_day_edit(parent: QWidget, text: str, name: str) -> QDateEdit:
    month, day = month_day(text)
    edit = QDateEdit(QDate(YEAR, month, day), parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("MM-dd")
    edit.setDateRange(QDate(YEAR, 1, 1), QDate(YEAR, 12, 31))
    # no calendar: its title would show the year 2000, which means nothing here
    edit.setCalendarPopup(False)
    return edit


@dataclass
class _Row:
    """The fields of one season."""

    code: str
    kind: QComboBox
    start: QStackedWidget  # a month-day field (FIXED) over a days field (RELATIVE)
    end: QStackedWidget
    first_day: QDateEdit
    last_day: QDateEdit
    first_days: DaysSpin
    last_days: DaysSpin
    dates: QLabel  # its real dates of this year and the next

    def season(self, relative: bool | None = None) -> Season:
        """The season the fields of the kind picked (or of `relative`'s kind) hold."""
        if relative is None:
            relative = self.kind.currentIndex() == RELATIVE
        if relative:
            return Season(self.code, relative=True, start_days=self.first_days.value(),
                          end_days=self.last_days.value())  # fmt: skip
        start, end = (e.date().toString("MM-dd") for e in (self.first_day, self.last_day))
        return Season(self.code, start=start, end=end)

    def show(self, season: Season) -> None:
        """Put `season` into the fields of its kind."""
        if season.relative:
            self.first_days.setValue(season.start_days)
            self.last_days.setValue(season.end_days)
        else:
            self.first_day.setDate(QDate(YEAR, *month_day(season.start)))
            self.last_day.setDate(QDate(YEAR, *month_day(season.end)))

    def show_kind(self) -> None:
        """The fields of the kind picked."""
        self.start.setCurrentIndex(self.kind.currentIndex())
        self.end.setCurrentIndex(self.kind.currentIndex())


class PeakSeasonsBox(QGroupBox):
    """The seasons of the setting `peak_seasons` (an entry that is no season is left
    out), shown on their dates of `today`'s year and the next."""

    def __init__(self, entries: list, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Peak seasons"))
        self.years = (today.year, today.year + 1)
        self.rows: list[_Row] = []
        self.error = ErrorLabel(self, "seasonsError")  # under the seasons
        column = QVBoxLayout(self)
        grid = QGridLayout()
        column.addLayout(grid)
        grid.addWidget(QLabel(self.tr("From"), self), 0, 2)
        grid.addWidget(QLabel(self.tr("To"), self), 0, 3)
        for n, season in enumerate(read_seasons(entries)):
            row = self._row(season)
            name = QLabel(season_name(season.code), self)
            name.setBuddy(row.kind)
            grid.addWidget(name, 1 + 2 * n, 0)
            grid.addWidget(row.kind, 1 + 2 * n, 1)
            grid.addWidget(row.start, 1 + 2 * n, 2)
            grid.addWidget(row.end, 1 + 2 * n, 3)
            grid.addWidget(row.dates, 2 + 2 * n, 1, 1, 4)
            self.rows.append(row)
        grid.setColumnStretch(4, 1)
        column.addWidget(self.error)
        note = QLabel(
            self.tr(
                "Fixed dates are the same every year (from 12-20 to 01-10 runs over the new "
                "year). Days from Spring Festival follow the lunar calendar: -10 is ten days "
                "before it, +25 twenty-five days after. The dashboard's calendar-month chart "
                "and the Today panel use each year's real dates."
            ),
            self,
        )
        note.setWordWrap(True)
        column.addWidget(note)

    def _row(self, season: Season) -> _Row:
        code = season.code
        kind = QComboBox(self, objectName=f"seasonKind_{code}")
        kind.addItem(self.tr("Fixed dates"))
        kind.addItem(self.tr("Days from Spring Festival"))
        fixed = season.as_fixed(self.years[0])
        relative = season.as_relative(self.years[0])
        stacks = []
        for which, day, days in (("Start", fixed.start, relative.start_days),
                                 ("End", fixed.end, relative.end_days)):  # fmt: skip
            stack = QStackedWidget(self)
            stack.addWidget(_month_day_edit(stack, day, f"season{which}_{code}"))
            stack.addWidget(DaysSpin(stack, f"season{which}Days_{code}", days))
            stacks.append(stack)
        start, end = stacks
        dates = QLabel(self, objectName=f"seasonDates_{code}")
        dates.setStyleSheet("color: #555555;")
        row = _Row(code, kind, start, end, start.widget(0), end.widget(0), start.widget(1),
                   end.widget(1), dates)  # fmt: skip
        kind.setCurrentIndex(RELATIVE if season.relative else FIXED)
        row.show_kind()
        kind.currentIndexChanged.connect(lambda _: self._kind_changed(row))
        for edit in (row.first_day, row.last_day):
            edit.dateChanged.connect(lambda _: self._show_dates(row))
        for spin in (row.first_days, row.last_days):
            spin.valueChanged.connect(lambda _: self._show_dates(row))
        self._show_dates(row)
        return row

    def _kind_changed(self, row: _Row) -> None:
        """A season switched to the other kind keeps this year's dates, as near as the new
        kind can (days from Spring Festival go from MIN_DAYS to MAX_DAYS)."""
        relative = row.kind.currentIndex() == RELATIVE
        was, year = row.season(relative=not relative), self.years[0]
        row.show(was.as_relative(year) if relative else was.as_fixed(year))
        row.show_kind()
        self._show_dates(row)

    def _show_dates(self, row: _Row) -> None:
        season = row.season()
        texts = []
        for year in self.years:
            run = season.run(year)
            if run is None:
                texts.append(self.tr("%1: beyond the lunar calendar").replace("%1", str(year)))
            else:
                texts.append(
                    self.tr("%1: %2").replace("%1", str(year)).replace("%2", run_text(run))
                )
        row.dates.setText("    ".join(texts))
        self.error.show_error("")

    def seasons(self) -> list[Season]:
        return [row.season() for row in self.rows]

    def problem(self) -> str | None:
        """What keeps the seasons from being saved (a relative season that ends before it
        starts), shown under them; None when there is nothing."""
        for row in self.rows:
            season = row.season()
            if season.relative and season.start_days > season.end_days:
                text = self.tr("%1 ends before it starts: make its “To” at least its “From”.")
                self.error.show_error(text.replace("%1", season_name(row.code)))
                row.last_days.setFocus()
                return self.error.text()
        return None
