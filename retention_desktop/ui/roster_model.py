"""The roster as a Qt table model: one row per employee, their latest spell."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

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
# Colour-blind-safe hues (Okabe-Ito) for the risk levels, as light backgrounds.
RISK_COLOURS = {"high": "#F5C9B0", "medium": "#F9E3A6", "low": "#CDE6F5"}

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NO_PARENT = QModelIndex()


def tenure_months(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return max(0, months - (1 if end.day < start.day else 0))


class RosterModel(QAbstractTableModel):
    def __init__(self, today: date, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RosterRow] = []
        self._today = today

    def set_rows(self, rows: list[RosterRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RosterRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section])
        return None

    def tenure_text(self, months: int) -> str:
        years, rest = divmod(months, 12)
        if years and rest:
            return self.tr("%1 y %2 m").replace("%1", str(years)).replace("%2", str(rest))
        if years:
            return self.tr("%1 y").replace("%1", str(years))
        return self.tr("%1 m").replace("%1", str(rest))

    def _tenure(self, row: RosterRow) -> int:
        return tenure_months(row.hire_date, row.end_date or self._today)

    def sort_key(self, row: RosterRow, column: int):
        return {
            COL_NO: row.employee_no,
            COL_NAME: row.name,
            COL_TEAM: row.team,
            COL_POSITION: row.position,
            COL_HIRED: row.hire_date,
            COL_TENURE: (row.end_date or self._today) - row.hire_date,
            COL_STATUS: (row.end_date is None, row.end_date or date.max),
            COL_RISK: RISK_ORDER[row.risk],
        }[column]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_RISK and row.risk:
            return QBrush(QColor(RISK_COLOURS[row.risk]))
        if role == Qt.ItemDataRole.ForegroundRole and row.end_date is not None:
            return QBrush(QColor("#6b6b6b"))
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
            return self.tenure_text(self._tenure(row))
        if column == COL_STATUS:
            if row.end_date is None:
                return self.tr("Active")
            return self.tr("Left %1").replace("%1", row.end_date.isoformat())
        if column == COL_RISK:
            return {
                None: "",
                "low": self.tr("Low"),
                "medium": self.tr("Medium"),
                "high": self.tr("High"),
            }[row.risk]
        return ""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        # Sorting the model's own list: a proxy model would call back into Python for
        # every comparison, which is far too slow for large rosters.
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [self._rows[i.row()] for i in persistent]
        self._rows.sort(
            key=lambda r: self.sort_key(r, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        where = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(where[id(r)], i.column()) for r, i in zip(kept, persistent, strict=True)],
        )
        self.layoutChanged.emit()
