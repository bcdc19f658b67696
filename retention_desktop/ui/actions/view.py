"""The Actions view: every retention action with filters for status (overdue too), team,
kind of action and period; overdue actions stand out; open one to edit it or mark it done.
The page asks for the list (`refresh_requested`) and shows what its controller read off
the UI thread (`show_list`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.actions import CANCELLED, DONE, OVERDUE, PLANNED
from retention_desktop.ui.actions.model import COL_NAME, COL_TITLE, ActionsModel
from retention_desktop.ui.common.columns import SpareWidth
from retention_desktop.ui.common.period_picker import PeriodPicker
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import TeamCombo, set_up_record_table

if TYPE_CHECKING:
    from retention_desktop.ui.actions.model import ActionRow

MAX_COLUMN = 220  # pixels a column widens to by itself for long titles


class ActionsPage(QWidget):
    """Filters at the top, the list below; `open_requested` for the action picked,
    `refresh_requested` when the filters changed (its controller reads the list and hands
    it to `show_list`, which emits `loaded`)."""

    open_requested = Signal()
    selection_changed = Signal()
    refresh_requested = Signal()
    loaded = Signal()

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("actionsPage")
        self.model = ActionsModel.of_session(session, self)
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
            (bar, self.tr("Tea&m"), self.team_combo),
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
        self.spare_width = SpareWidth(self.view, (COL_NAME, COL_TITLE))
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

    def filters(self) -> dict:
        """What the filters choose, by the names of the store's ActionFilter fields."""
        period = self.picker.period() if self.period_combo.currentData() else None
        return {
            "status": self.status_combo.currentData(),
            "team": self.team_combo.team(),
            "action_type_id": self.type_combo.currentData(),
            "first": period.first_day if period else None,
            "last": period.last_day if period else None,
        }

    def refresh(self) -> None:
        """Ask for the actions the filters choose to be read again."""
        self.refresh_requested.emit()

    def show_list(self, ids: list[int], first_rows: list, overdue: int, currency: str,
                  keep: int | None) -> None:  # fmt: skip
        """Show the actions `ids` (`first_rows`: those of the first page), keeping the
        action `keep` chosen if it is still there."""
        self.model.currency = currency
        self.model.set_list(ids, first_rows)
        self._fit_columns()
        if keep is not None:
            self.select_action(keep)
        self._show_counts(len(ids), overdue)
        self.loaded.emit()

    def _fit_columns(self) -> None:
        """Size the columns to the rows first shown (up to MAX_COLUMN); later only widen
        them for the rows shown, and leave alone a column the user has sized."""
        header = self.view.horizontalHeader()
        self._fitting = True
        try:
            for column in range(self.model.columnCount()):
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
        if self.spare_width.by_hand and not self._fitting:
            self._user_sized.add(column)

    def show_failure(self, error: Exception) -> None:
        self.count_label.setText(
            self.tr("The actions could not be read: %1").replace("%1", str(error))
        )

    def _show_counts(self, count: int, overdue: int) -> None:
        self.count_label.setText(
            self.tr("%1, %2").replace("%1", self.tr("%Ln action(s)", "", count))
            .replace("%2", self.tr("%Ln overdue", "", overdue))
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
