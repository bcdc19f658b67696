"""The roster as a Qt table model: one row per employee, their latest spell.

Search, filters and sorting work on the model's own lists (a QSortFilterProxyModel calls
back into Python for every comparison: seconds for a large roster). Names sort in the
order of the user's language (pinyin for Chinese) through per-character collation ranks,
computed once per load, so a sort is one C-speed string sort.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap

from retention_desktop.domain.standing import (
    EMPLOYED,
    LEAVING,
    LEFT,
    STARTING,
    days_left,
    standing,
    tenure_days,
)
from retention_desktop.store import queries
from retention_desktop.store.database import Database
from retention_desktop.store.queries import RosterRow

CONTEXT = "RosterModel"
COLUMNS = (
    QT_TRANSLATE_NOOP("RosterModel", "No."),
    QT_TRANSLATE_NOOP("RosterModel", "Name"),
    QT_TRANSLATE_NOOP("RosterModel", "Team"),
    QT_TRANSLATE_NOOP("RosterModel", "Position"),
    QT_TRANSLATE_NOOP("RosterModel", "Hire date"),
    QT_TRANSLATE_NOOP("RosterModel", "Tenure"),
    QT_TRANSLATE_NOOP("RosterModel", "Status"),
    QT_TRANSLATE_NOOP("RosterModel", "Risk"),
)
COL_NO, COL_NAME, COL_TEAM, COL_POSITION, COL_HIRED, COL_TENURE, COL_STATUS, COL_RISK = range(8)
RISK_ORDER = {None: 0, "low": 1, "medium": 2, "high": 3}
# Colour-blind-safe hues (Okabe-Ito: vermilion, orange, sky blue) for the risk levels,
# shown as a dot before the level's name (the name says it too).
RISK_COLOURS = {"high": "#D55E00", "medium": "#E69F00", "low": "#56B4E9"}
LEFT_COLOUR = "#6b6b6b"
LEAVING_COLOUR = "#b35900"  # on notice: the status in a dark orange (Okabe-Ito's, darkened)

# the status filter: employed today (notice given included), on notice, hired and not yet
# begun, left, everyone (domain.standing)
STATUS_ACTIVE, STATUS_LEAVING, STATUS_STARTING, STATUS_LEFT, STATUS_ALL = (
    "active", "leaving", "starting", "left", "all")  # fmt: skip
# Risk filters: any current flag, one level, or none at all (None: no risk filter)
RISK_ANY, RISK_NONE = "any", "none"
EMPLOYEE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NO_PARENT = QModelIndex()
_DIGITS = re.compile(r"\d+")
_ROLES = {
    Qt.ItemDataRole.DisplayRole,
    EMPLOYEE_ID_ROLE,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
}


_DOTS: dict[str, QPixmap] = {}


def risk_dot(level: str) -> QPixmap:
    """A small filled circle in the level's colour (made once per level)."""
    dot = _DOTS.get(level)
    if dot is None:
        dot = QPixmap(12, 12)
        dot.fill(Qt.GlobalColor.transparent)
        painter = QPainter(dot)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(RISK_COLOURS[level]))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _DOTS[level] = dot
    return dot


def tenure_months(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return max(0, months - (1 if end.day < start.day else 0))


def search_text(row: RosterRow) -> str:
    """What the roster's search looks through for a person."""
    return f"{row.name}\n{row.employee_no}\n{row.phone}".casefold()


class Prepared(NamedTuple):
    """What a large roster's background read makes besides the rows, so that showing
    them on the UI thread does not: the search texts, the sort keys of the columns
    asked for, and the rows in name order (the tie-break of every sort)."""

    search_texts: list[str]
    keys: dict[int, list]
    name_order: list[int]


def read_roster(
    db: Database, today: date, sort_column: int = COL_NAME
) -> tuple[list[RosterRow], Prepared]:
    """Every roster row, prepared for showing (`prepare`): for a large roster, read off
    the UI thread."""
    rows = queries.roster(db)
    return rows, prepare(rows, today, sort_column)


def prepare(rows: list[RosterRow], today: date, sort_column: int = COL_NAME) -> Prepared:
    """The search texts and the sort keys by name and by `sort_column` (100,000 names
    take a quarter of a second to make collation keys for: not on the UI thread)."""
    collation = CollationKeys()
    keys = {column: column_keys(rows, column, today, collation)
            for column in {COL_NAME, sort_column}}  # fmt: skip
    name_order = sorted(range(len(rows)), key=keys[COL_NAME].__getitem__)
    return Prepared([search_text(r) for r in rows], keys, name_order)


def column_keys(rows: list[RosterRow], column: int, today: date, collation) -> list:
    """The sort key of each row in `column` (names, teams and positions by the
    `CollationKeys` given)."""
    if column == COL_NAME:
        return collation.keys([r.name for r in rows])
    if column == COL_NO:
        return [_number_key(r.employee_no) for r in rows]
    if column in (COL_TEAM, COL_POSITION):
        attribute = "team" if column == COL_TEAM else "position"
        return collation.keys([getattr(r, attribute) for r in rows])
    if column == COL_HIRED:
        return [r.hire_date for r in rows]
    if column == COL_TENURE:
        return [tenure_days(r.hire_date, r.end_date, today) for r in rows]
    if column == COL_STATUS:
        # left, then on notice, starting and employed; within each by the day (the last
        # working day, or the first)
        order = {LEFT: 0, LEAVING: 1, STARTING: 2, EMPLOYED: 3}
        return [
            (order[standing(r.hire_date, r.end_date, today)], r.end_date or r.hire_date)
            for r in rows
        ]
    return [RISK_ORDER[r.risk] for r in rows]


class CollationKeys:
    """Sort keys that order strings as QCollator does for the current locale, made by
    translating each character to its collation rank (ties share a rank)."""

    def __init__(self) -> None:
        self._collator = QCollator(QLocale())
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._table: dict[int, str] = {}

    def keys(self, texts: list[str]) -> list[str]:
        chars = set("".join(texts))
        if not chars <= self._table.keys():
            self._rank(chars | {chr(c) for c in self._table})
        table = self._table
        return [text.translate(table) for text in texts]

    def _rank(self, chars: set[str]) -> None:
        collator = self._collator
        ordered = sorted(chars, key=collator.sortKey)
        table, rank, previous = {}, 0, None
        for char in ordered:
            if previous is not None and collator.compare(previous, char) != 0:
                rank += 1
            table[ord(char)] = chr(0x100 + rank)
            previous = char
        self._table = table


def _pad(match: re.Match[str]) -> str:
    digits = match.group().lstrip("0") or "0"
    return f"{len(digits):02d}{digits}"


def _number_key(text: str) -> str:
    """Employee numbers in natural order: E2 before E10. Each run of digits becomes its
    length and its digits, so plain string order is number order."""
    return _DIGITS.sub(_pad, text.casefold())


class RosterModel(QAbstractTableModel):
    def __init__(self, today: date, parent=None) -> None:
        super().__init__(parent)
        self._today = today
        self._rows: list[RosterRow] = []
        self._order: list[int] = []  # every row, in the current sort order
        self._visible: list[int] = []  # the rows that pass the search and filters
        self._search_text: list[str] = []
        self._keys: dict[int, list] = {}
        self._collation = CollationKeys()
        self._sort = (COL_NAME, Qt.SortOrder.AscendingOrder)
        self._needle = ""
        self._status = STATUS_ALL
        self._team: str | None = None
        self._risk: str | None = None
        self._name_order: list[int] | None = None
        self._base: list[int] | None = None

    # Loading, searching, filtering
    def set_rows(self, rows: list[RosterRow], prepared: Prepared | None = None) -> None:
        """The rows to show, with their search texts and sort keys when made already
        (`read_roster`; else the keys are made here, the texts at the first search)."""
        if prepared is None:
            self._load(rows, [], {}, None)
        else:
            self._load(rows, prepared.search_texts, dict(prepared.keys), prepared.name_order)

    def _load(self, rows, search_texts: list[str], keys: dict, name_order) -> None:
        self.beginResetModel()
        self._rows = rows
        self._keys = keys
        self._name_order = name_order
        self._search_text = search_texts
        self._order = self._sorted_order()
        self._base = None
        self._visible = self._filtered()
        self.endResetModel()

    def set_filter(
        self,
        needle: str | None = None,
        status: str | None = None,
        team: str | type(...) | None = ...,
        risk: str | type(...) | None = ...,
    ) -> None:
        """Change the search text, the status filter, the team (None: every team) and
        the risk (RISK_ANY, RISK_NONE, a level, or None: anyone); an argument left out
        keeps its value."""
        previous = self._needle
        if needle is not None:
            self._needle = needle.strip().casefold()
        if status is not None and status != self._status:
            self._status, self._base = status, None
        if team is not ... and team != self._team:
            self._team, self._base = team, None
        if risk is not ... and risk != self._risk:
            self._risk, self._base = risk, None
        narrower = self._base is not None and previous and previous in self._needle
        self.beginResetModel()
        # Typing on narrows what is shown: search only the rows shown now.
        self._visible = self._filtered(self._visible if narrower else None)
        self.endResetModel()

    def _status_and_team(self) -> list[int]:
        """The sort order kept to the status, team and risk filters (cached until they or
        the rows change): what a search then looks through."""
        if self._base is None:
            rows, status, team = self._rows, self._status, self._team
            order = self._order
            if status != STATUS_ALL:
                today = self._today
                wanted = {STATUS_ACTIVE: (EMPLOYED, LEAVING), STATUS_LEAVING: (LEAVING,),
                          STATUS_STARTING: (STARTING,), STATUS_LEFT: (LEFT,)}[status]  # fmt: skip
                order = [
                    i
                    for i in order
                    if standing(rows[i].hire_date, rows[i].end_date, today) in wanted
                ]
            if team is not None:
                order = [i for i in order if rows[i].team == team]
            risk = self._risk
            if risk == RISK_ANY:
                order = [i for i in order if rows[i].risk is not None]
            elif risk == RISK_NONE:
                order = [i for i in order if rows[i].risk is None]
            elif risk is not None:
                order = [i for i in order if rows[i].risk == risk]
            self._base = order
        return self._base

    def _filtered(self, within: list[int] | None = None) -> list[int]:
        base = self._status_and_team() if within is None else within
        needle = self._needle
        if not needle:
            return list(base)
        if not self._search_text and self._rows:
            self._search_text = [search_text(r) for r in self._rows]
        texts = self._search_text
        return [i for i in base if needle in texts[i]]

    def replace_employee(self, employee_id: int, row: RosterRow | None) -> None:
        """Put one person's new row in place (None: they are gone), keeping everything
        else: far cheaper than reading the whole roster again after each change."""
        rows, texts = self._rows, self._search_text
        at = next((i for i, r in enumerate(rows) if r.employee_id == employee_id), None)
        if at is None and row is None:
            return
        if at is None:
            rows.append(row)
        elif row is None:
            del rows[at]
        else:
            rows[at] = row
        if texts:  # kept in step, not made again
            if at is None:
                texts.append(search_text(row))
            elif row is None:
                del texts[at]
            else:
                texts[at] = search_text(row)
        self._load(rows, texts, {}, None)

    def total_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> RosterRow:
        return self._rows[self._visible[row]]

    def row_of_employee(self, employee_id: int) -> int | None:
        for position, i in enumerate(self._visible):
            if self._rows[i].employee_id == employee_id:
                return position
        return None

    # Sorting
    def _column_keys(self, column: int) -> list:
        keys = self._keys.get(column)
        if keys is None:
            keys = column_keys(self._rows, column, self._today, self._collation)
            self._keys[column] = keys
        return keys

    def _sorted_order(self) -> list[int]:
        column, order = self._sort
        if self._name_order is None:  # ties stay in name order, whatever the column
            self._name_order = sorted(
                range(len(self._rows)), key=self._column_keys(COL_NAME).__getitem__
            )
        order_rows = list(self._name_order)
        if column == COL_NAME and order == Qt.SortOrder.AscendingOrder:
            return order_rows
        order_rows.sort(
            key=self._column_keys(column).__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        return order_rows

    def sort_column(self) -> int:
        return self._sort[0]

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [self._visible[i.row()] for i in persistent]
        self._sort = (column, order)
        self._order = self._sorted_order()
        self._base = None
        self._visible = self._filtered()
        where = {row: n for n, row in enumerate(self._visible)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(where[r], i.column()) if r in where else QModelIndex()
                for r, i in zip(kept, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    # The model interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section])
        return None

    def status_text(self, row: RosterRow) -> str:
        """Starting (with the first day), active, leaving (with the days left) or left."""
        now = standing(row.hire_date, row.end_date, self._today)
        if now == STARTING:
            return self.tr("Starts %1").replace("%1", row.hire_date.isoformat())
        if now == EMPLOYED:
            return self.tr("Active")
        if now == LEAVING:
            left = days_left(row.end_date, self._today)
            if left == 0:
                return self.tr("Leaving: last day today")
            return self.tr("Leaving in %n day(s)", "", left)
        return self.tr("Left %1").replace("%1", row.end_date.isoformat())

    def tenure_text(self, months: int) -> str:
        years, rest = divmod(months, 12)
        if years and rest:
            return self.tr("%1 y %2 m").replace("%1", str(years)).replace("%2", str(rest))
        if years:
            return self.tr("%1 y").replace("%1", str(years))
        return self.tr("%1 m").replace("%1", str(rest))

    def risk_text(self, level: str | None) -> str:
        return {
            None: "",
            "low": self.tr("Low"),
            "medium": self.tr("Medium"),
            "high": self.tr("High"),
        }[level]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in _ROLES:
            return None
        row, column = self._rows[self._visible[index.row()]], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == EMPLOYEE_ID_ROLE:
            return row.employee_id
        if role == Qt.ItemDataRole.DecorationRole and column == COL_RISK and row.risk:
            return risk_dot(row.risk)
        if role == Qt.ItemDataRole.ForegroundRole:
            now = standing(row.hire_date, row.end_date, self._today)
            if now == LEFT:
                return QBrush(QColor(LEFT_COLOUR))
            if now == LEAVING and column == COL_STATUS:
                return QBrush(QColor(LEAVING_COLOUR))
        return None

    def _display(self, row: RosterRow, column: int) -> str:
        if column == COL_NO:
            return row.employee_no
        if column == COL_NAME:
            return row.name
        if column == COL_TEAM:
            return row.team
        if column == COL_POSITION:
            return row.position
        if column == COL_HIRED:
            return row.hire_date.isoformat()
        if column == COL_TENURE:
            if row.hire_date > self._today:
                return ""  # not begun: no tenure yet
            last = min(row.end_date or self._today, self._today)
            return self.tenure_text(tenure_months(row.hire_date, last))
        if column == COL_STATUS:
            return self.status_text(row)
        return self.risk_text(row.risk)
