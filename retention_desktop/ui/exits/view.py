"""The exits screen: every exit with filters by period, team, reason, type and unfinished
handover; open a record to edit it, or take back an exit entered by mistake."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.catalog import (
    EXIT_WAYS,
    INVOLUNTARY,
    NOT_GIVEN_ID,
    REASON_CATEGORIES,
    VOLUNTARY,
)
from retention_desktop.domain.dates import Month
from retention_desktop.ui.common.columns import SpareWidth
from retention_desktop.ui.common.exit_rows import (
    COL_FURTHER,
    COL_NAME,
    COL_PLACE,
    COL_PRIMARY,
    ExitsModel,
)
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import (
    ReasonCombo,
    TeamCombo,
    fit_columns,
    set_up_record_table,
    to_date,
)

if TYPE_CHECKING:
    from retention_desktop.store import queries

PERIOD_ALL, PERIOD_12, PERIOD_THIS_YEAR, PERIOD_LAST_YEAR, PERIOD_CUSTOM = range(5)


class ExitsPage(QWidget):
    """The filters and the list; the controller reads the rows (off the UI thread) when
    `filters_changed` and hands them to `show_rows`."""

    selection_changed = Signal()
    open_requested = Signal()
    filters_changed = Signal()

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("exitsPage")
        self.model = ExitsModel(self, session.lang)

        self.period_combo = QComboBox(self, objectName="periodCombo")
        for text, key in (
            (self.tr("All time"), PERIOD_ALL),
            (self.tr("Last 12 months"), PERIOD_12),
            (self.tr("This year"), PERIOD_THIS_YEAR),
            (self.tr("Last year"), PERIOD_LAST_YEAR),
            (self.tr("Custom…"), PERIOD_CUSTOM),
        ):
            self.period_combo.addItem(text, key)
        today = session.today()
        self.from_edit = QDateEdit(QDate(today.year, 1, 1), self, objectName="fromEdit")
        self.to_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.to_edit.setObjectName("toEdit")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._filters_changed)
        self.team_combo = TeamCombo(self, "exitTeamCombo")
        self.reason_combo = ReasonCombo(self, "exitReasonCombo", self.tr("All reasons"))
        self.type_combo = QComboBox(self, objectName="typeCombo")
        for text, key in (
            (self.tr("All types"), None),
            (self.tr("Voluntary"), VOLUNTARY),
            (self.tr("Involuntary"), INVOLUNTARY),
            (self.tr("Type not given"), "unspecified"),
        ):
            self.type_combo.addItem(text, key)
        self.way_combo = QComboBox(self, objectName="exitWayCombo")
        self.way_combo.addItem(self.tr("All ways of leaving"), None)
        for way in EXIT_WAYS:
            self.way_combo.addItem(way.label(session.lang), way.code)
        self.way_combo.addItem(self.tr("Way not given"), "unspecified")
        self.place_combo = QComboBox(self, objectName="exitPlaceCombo")
        self.place_combo.addItem(self.tr("All destinations"), None)
        self.search_edit = QLineEdit(self, objectName="exitSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search name or number"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._search_changed)
        self.all_rows: list[queries.ExitRow] = []  # as read for the filters, before the search
        self.unfinished_check = QCheckBox(self.tr("Handover unfinished"), self)
        self.unfinished_check.setObjectName("unfinishedCheck")
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        combos = (self.team_combo, self.reason_combo, self.type_combo, self.way_combo,
                  self.place_combo)  # fmt: skip
        for combo in combos:
            combo.currentIndexChanged.connect(self._filters_changed)
        self.unfinished_check.toggled.connect(self._filters_changed)

        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("Period"), self))
        first.addWidget(self.period_combo)
        first.addWidget(self.from_edit)
        first.addWidget(QLabel("–", self))
        first.addWidget(self.to_edit)
        first.addStretch(1)
        first.addWidget(self.unfinished_check)
        second = QHBoxLayout()
        second.addWidget(self.search_edit, 1)
        second.addWidget(self.team_combo)
        second.addWidget(self.reason_combo, 1)
        second.addWidget(self.type_combo)
        second.addWidget(self.way_combo)
        second.addWidget(self.place_combo)

        self.view = QTableView(self)
        set_up_record_table(self.view, "exitsView")
        self.view.setModel(self.model)
        self.spare_width = SpareWidth(self.view, (COL_NAME, COL_PRIMARY, COL_FURTHER))
        self.view.doubleClicked.connect(lambda _: self.open_requested.emit())
        self.view.selectionModel().currentRowChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        self.model.modelReset.connect(self.selection_changed)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("exitsEmptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("exitsSummary")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.summary_label)
        self._loading = False
        self._sized = False
        self.reading = False
        self._none_recorded = False

    def _period_changed(self) -> None:
        custom = self.period_combo.currentData() == PERIOD_CUSTOM
        self.from_edit.setEnabled(custom)
        self.to_edit.setEnabled(custom)
        self._filters_changed()

    def _filters_changed(self) -> None:
        if not self._loading:
            self.filters_changed.emit()

    def period(self) -> tuple[date | None, date | None]:
        key, today = self.period_combo.currentData(), self.session.today()
        if key == PERIOD_12:
            month = Month.of(today).plus(-11)
            return month.first_day, today
        if key == PERIOD_THIS_YEAR:
            return date(today.year, 1, 1), date(today.year, 12, 31)
        if key == PERIOD_LAST_YEAR:
            return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        if key == PERIOD_CUSTOM:
            return to_date(self.from_edit.date()), to_date(self.to_edit.date())
        return None, None

    def set_choices(self, teams: list[str], reasons: list, places: list) -> None:
        """Teams, reasons and destinations as they are in the file now, keeping what was
        picked (no `filters_changed` meanwhile)."""
        self._loading = True
        self.team_combo.set_teams(teams)
        place = self.place_combo.currentData()
        while self.place_combo.count() > 1:
            self.place_combo.removeItem(1)
        for item in places:
            self.place_combo.addItem(item.label, item.id)
        self.place_combo.addItem(self.tr("Destination not given"), NOT_GIVEN_ID)
        self.place_combo.setCurrentIndex(max(0, self.place_combo.findData(place)))
        reason = self.reason_combo.current_id()
        categories = [(c.code, c.label(self.session.lang)) for c in REASON_CATEGORIES]
        self.reason_combo.set_reasons(reasons, categories)
        self.reason_combo.set_current_id(reason)
        self._loading = False

    def filters(self) -> dict:
        """What the filters ask for, as the fields of the store's ExitFilter."""
        first, last = self.period()
        return {
            "first": first,
            "last": last,
            "team": self.team_combo.team(),
            "reason_id": self.reason_combo.current_id(),
            "exit_type": self.type_combo.currentData(),
            "handover_unfinished": self.unfinished_check.isChecked(),
            "way": self.way_combo.currentData(),
            "destination_id": self.place_combo.currentData(),
        }

    def show_reading(self) -> None:
        """A read is under way: the rows shown stay until it is done."""
        self.reading = True
        self.summary_label.setText(self.tr("Reading…"))
        if not self.model.rowCount():
            self._show_empty(self.tr("Reading…"))

    def show_failure(self, error: Exception) -> None:
        self.reading = False
        self.model.set_rows([])
        self.summary_label.setText("")
        self._show_empty(self.tr("The exits could not be read: %1").replace("%1", str(error)))

    def show_rows(self, rows: list[queries.ExitRow], none_recorded: bool) -> None:
        """The rows read for the filters; `none_recorded`: the file holds no exit at all.
        The exit chosen stays chosen when it is still listed."""
        self.reading = False
        self.all_rows, self._none_recorded = rows, none_recorded
        self._show_found()

    def _search_changed(self) -> None:
        if not self.reading:
            self._show_found()

    def _show_found(self) -> None:
        """The rows read, narrowed to the search (name or employee number), shown."""
        needle = " ".join(self.search_edit.text().split()).casefold()
        rows = self.all_rows
        if needle:
            rows = [r for r in rows if needle in r.name.casefold()
                    or needle in (r.employee_no or "").casefold()]  # fmt: skip
        none_recorded = self._none_recorded
        keep = self.current_exit()
        self.model.set_rows(rows)
        if rows and not self._sized:
            # the long texts (further reasons, destinations) cut short with … (the whole
            # text on hover), so that the list fits 1280 px without scrolling sideways
            fit_columns(self.view, cap_chars=18, caps={COL_FURTHER: 12, COL_PLACE: 10})
            self._sized = True
        if keep is not None and (row := self.model.row_of_exit(keep.exit_id)) is not None:
            self.view.selectRow(row)
        unfinished = sum(r.handover_unfinished for r in rows)
        self.summary_label.setText(
            self.tr("%1, %2")
            .replace("%1", self.tr("%Ln exit(s)", "", len(rows)))
            .replace("%2", self.tr("%Ln with unfinished handover", "", unfinished))
        )
        if rows:
            text = ""
        elif none_recorded:
            text = self.tr("No exits recorded. When someone leaves, use Record exit on the roster.")
        elif needle:
            text = self.tr("No exit of someone called or numbered “%1” here.").replace(
                "%1", self.search_edit.text().strip()
            )
        else:
            text = self.tr("No exits match these filters.")
        self._show_empty(text)

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
        self.view.setVisible(not text)

    def current_exit(self) -> queries.ExitRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None
