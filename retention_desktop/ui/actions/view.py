"""The Actions view: every retention action with filters for status (overdue too), team,
kind of action and period; overdue actions stand out; open one to edit it or mark it done.
The list is read off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.actions import CANCELLED, DONE, OVERDUE, PLANNED
from retention_desktop.store.actions import (
    ActionFilter,
    ActionList,
    ActionRow,
    action_list,
    actions_by_id,
)
from retention_desktop.ui.common.period_picker import PeriodPicker
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import TeamCombo, set_up_record_table

NO_PARENT = QModelIndex()
OVERDUE_BACKGROUND = QColor(253, 236, 234)  # a light red behind an overdue row
OVERDUE_TEXT = QColor(179, 38, 30)
MAX_COLUMN = 220  # pixels a column widens to by itself for long titles
(COL_DUE, COL_PLANNED, COL_NAME, COL_TEAM, COL_TYPE, COL_TITLE, COL_OWNER, COL_COST,
 COL_STATUS, COL_DONE) = range(10)  # fmt: skip


class ActionsModel(QAbstractTableModel):
    """A lazy list: it holds every id the filters chose and reads the rows of a page of
    PAGE ids the first time one of them is shown (a few milliseconds), so that a list of
    300,000 actions opens as fast as one of 30."""

    PAGE = 200

    def __init__(self, fetch: Callable[[list[int]], list[ActionRow]], parent=None) -> None:
        super().__init__(parent)
        self._fetch = fetch  # the rows of some ids, in any order, missing ones left out
        self._ids: list[int] = []
        self._pages: dict[int, list[ActionRow | None]] = {}
        self.currency = "¥"
        self.headers = [
            self.tr("Due"),
            self.tr("Planned"),
            self.tr("Employee"),
            self.tr("Team"),
            self.tr("Action"),
            self.tr("Title"),
            self.tr("Owner"),
            self.tr("Cost"),
            self.tr("Status"),
            self.tr("Done on"),
        ]
        self.statuses = {
            PLANNED: self.tr("Planned"),
            DONE: self.tr("Done"),
            CANCELLED: self.tr("Cancelled"),
        }
        self.overdue_text = self.tr("Overdue")
        self.whole_team = self.tr("(whole team)")

    def set_list(self, ids: list[int], first_rows: list[ActionRow]) -> None:
        """Show `ids`; `first_rows` are the rows of the first page (read with them)."""
        self.beginResetModel()
        self._ids = ids
        self._pages = {}
        if first_rows:
            self._store(0, first_rows)
        self.endResetModel()

    def _store(self, page: int, rows: list[ActionRow]) -> list[ActionRow | None]:
        by_id = {r.action_id: r for r in rows}
        first = page * self.PAGE
        kept = self._pages[page] = [by_id.get(i) for i in self._ids[first : first + self.PAGE]]
        return kept

    def row_at(self, row: int) -> ActionRow | None:
        """The row's action; None when it was deleted after the list was read."""
        page, at = divmod(row, self.PAGE)
        rows = self._pages.get(page)
        if rows is None:
            first = page * self.PAGE
            rows = self._store(page, self._fetch(self._ids[first : first + self.PAGE]))
        return rows[at]

    def row_of_action(self, action_id: int) -> int | None:
        try:
            return self._ids.index(action_id)
        except ValueError:
            return None

    def rowCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.row_at(index.row()), index.column()
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if row.overdue:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(OVERDUE_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole and column in (COL_DUE, COL_STATUS):
                return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_COST:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _text(self, row: ActionRow, column: int) -> str:
        if column == COL_DUE:
            return _day(row.due_date)
        if column == COL_PLANNED:
            return _day(row.planned_date)
        if column == COL_NAME:
            return row.name if row.employee_id is not None else self.whole_team
        if column == COL_TEAM:
            return row.team or ""
        if column == COL_TYPE:
            return row.action_type
        if column == COL_TITLE:
            return row.title
        if column == COL_OWNER:
            return row.owner
        if column == COL_COST:
            return f"{self.currency}{row.cost:,.0f}" if row.cost else ""
        if column == COL_STATUS:
            return self.overdue_text if row.overdue else self.statuses.get(row.status, row.status)
        if column == COL_DONE:
            return _day(row.done_date)
        return ""


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""


class ActionsPage(QWidget):
    """Filters at the top, the list below; `open_requested` for the action picked."""

    open_requested = Signal()
    selection_changed = Signal()
    loaded = Signal()

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("actionsPage")
        self._generation = 0
        self.model = ActionsModel(
            lambda ids: actions_by_id(session.db, session.lang, ids, session.today()), self
        )
        self.status_combo = QComboBox(self, objectName="actionStatusCombo")
        for text, status in (
            (self.tr("Open (planned)"), PLANNED),
            (self.tr("Overdue"), OVERDUE),
            (self.tr("Done"), DONE),
            (self.tr("Cancelled"), CANCELLED),
            (self.tr("All"), None),
        ):
            self.status_combo.addItem(text, status)
        self.team_combo = TeamCombo(self, "actionTeamCombo")
        self.type_combo = QComboBox(self, objectName="actionTypeCombo")
        self.type_combo.setMinimumContentsLength(12)
        self.type_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.period_combo = QComboBox(self, objectName="actionPeriodCombo")
        self.period_combo.addItem(self.tr("Any time"), False)
        self.period_combo.addItem(self.tr("Planned in…"), True)
        self.picker = PeriodPicker(session.today, self)
        self.picker.setEnabled(False)
        for combo in (self.status_combo, self.team_combo, self.type_combo, self.period_combo):
            combo.currentIndexChanged.connect(self.refresh)
        self.period_combo.currentIndexChanged.connect(
            lambda: self.picker.setEnabled(bool(self.period_combo.currentData()))
        )
        self.picker.changed.connect(self.refresh)

        # two rows, so that the page asks for no more width than the roster does
        bar, second = QHBoxLayout(), QHBoxLayout()
        for row, text, widget in (
            (bar, self.tr("&Status"), self.status_combo),
            (bar, self.tr("&Team"), self.team_combo),
            (bar, self.tr("&Kind"), self.type_combo),
            (second, self.tr("&When"), self.period_combo),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        second.addWidget(self.picker)
        bar.addStretch(1)
        second.addStretch(1)

        self.view = QTableView(self)
        set_up_record_table(self.view, "actionsView")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self._fitting, self._sized, self._user_sized = False, False, set()
        self.view.horizontalHeader().sectionResized.connect(self._user_resized)
        self.view.doubleClicked.connect(lambda _: self.open_requested.emit())
        self.view.selectionModel().currentRowChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        self.count_label = QLabel(self, objectName="actionsCountLabel")
        self.empty_label = QLabel(self, objectName="actionsEmptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(second)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.count_label)

    def reload_choices(self) -> None:
        """Teams and kinds of action as the file has them now, keeping those picked."""
        self.team_combo.blockSignals(True)
        self.team_combo.set_teams(self.session.teams())
        self.team_combo.blockSignals(False)
        picked = self.type_combo.currentData()
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem(self.tr("All kinds"), None)
        for item in self.session.action_types():
            self.type_combo.addItem(item.label, item.id)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(picked)))
        self.type_combo.blockSignals(False)

    def where(self) -> ActionFilter:
        period = self.picker.period() if self.period_combo.currentData() else None
        return ActionFilter(
            status=self.status_combo.currentData(),
            team=self.team_combo.team(),
            action_type_id=self.type_combo.currentData(),
            first=period.first_day if period else None,
            last=period.last_day if period else None,
        )

    def refresh(self) -> None:
        """Read the actions the filters choose, off the UI thread; the newest wins."""
        self._generation += 1
        generation = self._generation
        lang, today, where = self.session.lang, self.session.today(), self.where()
        keep = self.current_action_id()
        currency = self.session.currency()

        def done(found: ActionList) -> None:
            if generation != self._generation:
                return
            self.model.currency = currency
            self.model.set_list(found.ids, found.first_rows)
            self._fit_columns()
            if keep is not None:
                self.select_action(keep)
            self._show_counts(len(found.ids), found.overdue)
            self.loaded.emit()

        page = ActionsModel.PAGE
        self.session.read(self, action_list, lang, where, today, page, on_success=done)

    def _fit_columns(self) -> None:
        """Size the columns to the rows first shown (up to MAX_COLUMN); later only widen
        them for the rows shown, and leave alone a column the user has sized."""
        header = self.view.horizontalHeader()
        self._fitting = True
        try:
            for column in range(self.model.columnCount() - 1):  # the last one stretches
                if column in self._user_sized:
                    continue
                wanted = max(self.view.sizeHintForColumn(column), header.sectionSizeHint(column))
                if self.model.rowCount() and (
                    not self._sized or min(wanted, MAX_COLUMN) > header.sectionSize(column)
                ):
                    header.resizeSection(column, min(wanted, MAX_COLUMN))
            self._sized = self._sized or self.model.rowCount() > 0
        finally:
            self._fitting = False

    def _user_resized(self, column: int) -> None:
        if not self._fitting:
            self._user_sized.add(column)

    def _show_counts(self, count: int, overdue: int) -> None:
        self.count_label.setText(
            self.tr("%1 actions, %2 overdue").replace("%1", f"{count:,}")
            .replace("%2", f"{overdue:,}")
        )  # fmt: skip
        empty = not count
        self.view.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self.empty_label.setText(
            self.tr(
                "No actions match these filters. Plan one for the people selected on the "
                "roster (Employee > Plan action…) or for a whole team (Actions > Plan action "
                "for a team…)."
            )
        )

    def current_action_id(self) -> int | None:
        row = self.current_row()
        return row.action_id if row is not None else None

    def current_row(self) -> ActionRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_action(self, action_id: int) -> None:
        row = self.model.row_of_action(action_id)
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
