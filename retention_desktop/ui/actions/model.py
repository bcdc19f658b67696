"""The Actions page's list: a lazy table of the actions the filters chose, reading the
rows of a page of ids the first time one of them is shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from retention_desktop.domain.actions import CANCELLED, DONE, PLANNED
from retention_desktop.store.actions import ActionRow, actions_by_id
from retention_desktop.ui.common.session import Session

NO_PARENT = QModelIndex()
OVERDUE_BACKGROUND = QColor(253, 236, 234)  # a light red behind an overdue row
OVERDUE_TEXT = QColor(179, 38, 30)
(COL_DUE, COL_PLANNED, COL_NAME, COL_TEAM, COL_TYPE, COL_TITLE, COL_OWNER, COL_COST,
 COL_STATUS, COL_DONE) = range(10)  # fmt: skip


class ActionsModel(QAbstractTableModel):
    """A lazy list: it holds every id the filters chose and reads the rows of a page of
    PAGE ids the first time one of them is shown (a few milliseconds), so that a list of
    300,000 actions opens as fast as one of 30."""

    PAGE = 200

    @classmethod
    def of_session(cls, session: Session, parent=None) -> ActionsModel:
        """A model that reads its pages from the session's file, as of its today."""

        def fetch(ids: list[int]) -> list[ActionRow]:
            return actions_by_id(session.db, session.lang, ids, session.today())

        return cls(fetch, parent)

    def __init__(self, fetch: Callable[[list[int]], list[ActionRow]], parent=None) -> None:
        super().__init__(parent)
        self._fetch = fetch  # the rows of some ids, in any order, missing ones left out
        self._ids: list[int] = []
        self._pages: dict[int, list[ActionRow | None]] = {}
        self.currency = "¥"
        self.headers = [
            self.tr("Due"),
            self.tr("Planned", "column: the date an action is planned for"),
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
            PLANNED: self.tr("Planned", "status: not done yet"),
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
