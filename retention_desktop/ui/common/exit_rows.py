"""The table model of exit rows: the Exits page and the dashboard's drill-down show exits
the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from retention_desktop.domain.catalog import INVOLUNTARY, VOLUNTARY, way_labels

if TYPE_CHECKING:
    from retention_desktop.store import queries

NO_PARENT = QModelIndex()
# the columns whose text runs long (the rest are dates, numbers and short words)
COL_NAME, COL_WAY, COL_PRIMARY, COL_FURTHER, COL_PLACE, COL_HANDOVER = 2, 5, 6, 7, 8, 9
UNFINISHED_COLOUR = "#F9E3A6"  # Okabe-Ito yellow, light


class ExitsModel(QAbstractTableModel):
    def __init__(self, parent=None, lang: str = "en") -> None:
        super().__init__(parent)
        self._rows: list[queries.ExitRow] = []
        self._ways = way_labels(lang)  # in the rows' language

    def headers(self) -> list[str]:
        return [
            self.tr("Last day"),
            self.tr("No."),
            self.tr("Name"),
            self.tr("Team"),
            self.tr("Type"),
            self.tr("Way of leaving"),
            self.tr("Primary reason"),
            self.tr("Further reasons"),
            self.tr("Went to"),
            self.tr("Handover"),
            self.tr("Regrettable"),
            self.tr("Rehire?"),
        ]

    def set_rows(self, rows: list[queries.ExitRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> queries.ExitRow:
        return self._rows[row]

    def row_of_exit(self, exit_id: int) -> int | None:
        for n, row in enumerate(self._rows):
            if row.exit_id == exit_id:
                return n
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 12

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and column == COL_HANDOVER
            and row.handover_unfinished
        ):
            return QBrush(QColor(UNFINISHED_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_FURTHER and row.further:
            return row.further
        return None

    def _display(self, row: queries.ExitRow, column: int) -> str:
        if column == 0:
            return row.last_day.isoformat()
        if column == 1:
            return row.employee_no
        if column == 2:
            return row.name
        if column == 3:
            return row.team
        if column == 4:
            return {
                VOLUNTARY: self.tr("voluntary"),
                INVOLUNTARY: self.tr("involuntary"),
                None: "",
            }[row.exit_type]
        if column == COL_WAY:
            return self._ways.get(row.way, "") if row.way else ""
        if column == COL_PRIMARY:
            return row.reason or self.tr("not given")
        if column == COL_FURTHER:
            return row.further
        if column == COL_PLACE:
            return row.destination or ""
        if column == COL_HANDOVER:
            if row.handover_total == 0:
                return self.tr("no checklist")
            text = f"{row.handover_done}/{row.handover_total}"
            return (
                text
                if not row.handover_unfinished
                else self.tr("%1 unfinished").replace("%1", text)
            )
        if column == COL_HANDOVER + 1:
            return self.tr("yes") if row.regrettable else ""
        return {True: self.tr("yes"), False: self.tr("no"), None: ""}[row.eligible_for_rehire]
