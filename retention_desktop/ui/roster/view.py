"""The roster screen: search, status and team filters over the roster table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.ui.common.columns import SpareWidth
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import TeamCombo, fit_columns, set_up_record_table
from retention_desktop.ui.roster.model import (
    COL_NAME,
    COL_POSITION,
    RISK_ANY,
    RISK_NONE,
    STATUS_ACTIVE,
    STATUS_ALL,
    STATUS_LEAVING,
    STATUS_LEFT,
    STATUS_STARTING,
    Prepared,
    RosterModel,
)
from retention_desktop.ui.roster.welcome import Welcome


class RosterView(QTableView):
    """The roster table; Enter opens the current person, like a double-click."""

    open_requested = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class RosterPage(QWidget):
    selection_changed = Signal()
    open_requested = Signal()

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("rosterPage")
        self.model = RosterModel(session.today(), self)

        self.search_edit = QLineEdit(self, objectName="searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search name, number or phone (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda text: self.model.set_filter(needle=text))
        self.search_edit.returnPressed.connect(self._focus_first_row)
        self.status_combo = QComboBox(self, objectName="statusCombo")
        self.status_combo.addItem(self.tr("Active"), STATUS_ACTIVE)
        self.status_combo.addItem(self.tr("Leaving (notice given)"), STATUS_LEAVING)
        self.status_combo.addItem(self.tr("Starting (not yet begun)"), STATUS_STARTING)
        self.status_combo.addItem(self.tr("Left"), STATUS_LEFT)
        self.status_combo.addItem(self.tr("Everyone"), STATUS_ALL)
        self.status_combo.currentIndexChanged.connect(
            lambda: self.model.set_filter(status=self.status_combo.currentData())
        )
        self.model.set_filter(status=STATUS_ACTIVE)  # the people who work here now
        self.team_combo = TeamCombo(self, "teamCombo")
        self.team_combo.currentIndexChanged.connect(
            lambda: self.model.set_filter(team=self.team_combo.team())
        )
        self.risk_combo = QComboBox(self, objectName="riskCombo")
        for text, risk in (
            (self.tr("Any"), None),
            (self.tr("At risk"), RISK_ANY),
            (self.tr("High"), "high"),
            (self.tr("Medium"), "medium"),
            (self.tr("Low"), "low"),
            (self.tr("Not flagged"), RISK_NONE),
        ):
            self.risk_combo.addItem(text, risk)
        self.risk_combo.currentIndexChanged.connect(
            lambda: self.model.set_filter(risk=self.risk_combo.currentData())
        )
        self.filter_bar = QWidget(self, objectName="rosterFilterBar")
        bar = QHBoxLayout(self.filter_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.search_edit, 1)
        status_label = QLabel(self.tr("&Status"), self)
        status_label.setBuddy(self.status_combo)
        bar.addWidget(status_label)
        bar.addWidget(self.status_combo)
        team_label = QLabel(self.tr("Tea&m"), self)
        team_label.setBuddy(self.team_combo)
        bar.addWidget(team_label)
        bar.addWidget(self.team_combo)
        risk_label = QLabel(self.tr("&Risk"), self)
        risk_label.setBuddy(self.risk_combo)
        bar.addWidget(risk_label)
        bar.addWidget(self.risk_combo)

        self.view = RosterView(self)
        set_up_record_table(self.view, "rosterView")
        # several people at once (Ctrl / Shift): the same action planned for each
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        # The indicator first: enabling sorting sorts at once by the indicated column.
        header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.spare_width = SpareWidth(self.view, (COL_NAME, COL_POSITION))
        self.view.setSortingEnabled(True)
        self.view.doubleClicked.connect(lambda _: self.open_requested.emit())
        self.view.open_requested.connect(self.open_requested)
        self.view.selectionModel().currentRowChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )
        self.model.modelReset.connect(self.selection_changed)
        self.model.modelReset.connect(self._update_empty_state)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        # while the file holds nobody: the ways in (the shell connects its buttons)
        self.welcome = Welcome(self)
        self.welcome.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.welcome, 1, Qt.AlignmentFlag.AlignHCenter)
        self._sized = False
        self.loading = False
        self.loaded = False

    def set_teams(self, teams: list[str]) -> None:
        if self.team_combo.set_teams(teams):
            self.model.set_filter(team=None)  # the team picked is gone

    def show_loading(self) -> None:
        self.loading = True
        self._update_empty_state()

    def show_failure(self, error: Exception) -> None:
        self.loading = False
        self.empty_label.setText(
            self.tr("The roster could not be read: %1").replace("%1", str(error))
        )
        self.empty_label.show()
        self.view.hide()

    def sort_column(self) -> int:
        return self.model.sort_column()

    def show_rows(self, rows, keep: int | None, prepared: Prepared | None = None) -> None:
        self.loading = False
        self.loaded = True
        self.model.set_rows(rows, prepared)
        if not self._sized and self.model.rowCount():
            fit_columns(self.view)  # from the first 50 rows, not all of them
            self._sized = True
        if keep is not None:
            self.select_employee(keep)
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        nobody = not self.loading and self.model.total_count() == 0
        self.welcome.setVisible(nobody)  # back whenever the roster is empty
        self.filter_bar.setVisible(not nobody)  # nothing to search or filter yet
        if self.loading:
            text = self.tr("Loading the roster…")
        elif nobody:
            text = ""
        elif self.model.rowCount() == 0:
            text = self.tr("Nobody matches the search and filters.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
        self.view.setVisible(not text and not nobody)

    def _focus_first_row(self) -> None:
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    def show_everyone(self) -> None:
        """Clear the search and the filters."""
        self.search_edit.clear()
        self.status_combo.setCurrentIndex(self.status_combo.findData(STATUS_ALL))
        self.team_combo.setCurrentIndex(0)
        self.risk_combo.setCurrentIndex(0)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def current_employee_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or (not self.view.isVisible() and not self.model.rowCount()):
            return None
        return self.model.row_at(index.row()).employee_id

    def selected_rows(self) -> list:
        """The people selected (several with Ctrl or Shift), in the order shown; the
        current one when nothing is selected."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [self.model.row_at(row) for row in rows]

    def selected_employee_ids(self) -> list[int]:
        return [row.employee_id for row in self.selected_rows()]

    def current_row(self):
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_employee(self, employee_id: int) -> bool:
        row = self.model.row_of_employee(employee_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True
