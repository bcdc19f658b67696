"""The main window: the roster of the open database, a File menu and a status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retention_desktop import __version__
from retention_desktop.store.backup import backup_file
from retention_desktop.ui.jobs import run_in_background
from retention_desktop.ui.roster_model import COL_NAME, RosterModel
from retention_desktop.ui.session import Session


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Retention Desktop — %1").replace("%1", session.path.name))
        self.resize(1100, 680)

        self.roster_model = RosterModel(session.today(), self)
        self.roster_view = QTableView(self)
        self.roster_view.setObjectName("rosterView")
        self.roster_view.setModel(self.roster_model)
        self.roster_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roster_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roster_view.setAlternatingRowColors(True)
        self.roster_view.setSortingEnabled(True)
        self.roster_view.verticalHeader().setVisible(False)
        header = self.roster_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)

        self.empty_label = QLabel(
            self.tr(
                "No employees yet. Add your team, or run “retention-desktop demo” "
                "to look around with a demo shop."
            ),
            self,
        )
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.roster_view)
        layout.addWidget(self.empty_label)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_menus()
        self.refresh()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.triggered.connect(self.back_up_now)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Retention Desktop"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def refresh(self) -> None:
        self.roster_model.set_rows(self.session.roster())
        header = self.roster_view.horizontalHeader()
        self.roster_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        counts = self.session.counts()
        self.count_label.setText(
            self.tr("%1 employees, %2 active")
            .replace("%1", str(counts["employees"]))
            .replace("%2", str(counts["active"]))
        )
        empty = counts["employees"] == 0
        self.roster_view.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if not empty:
            self.roster_view.resizeColumnsToContents()

    def back_up_now(self) -> None:
        self.backup_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Backing up…"))
        path = self.session.path
        run_in_background(
            lambda: backup_file(path, reason="manual"), self._backup_done, self._backup_failed
        )

    def _backup_done(self, target) -> None:
        self.backup_action.setEnabled(True)
        self.statusBar().showMessage(
            self.tr("Backup written to %1").replace("%1", str(target)), 8000
        )

    def _backup_failed(self, error: Exception) -> None:
        self.backup_action.setEnabled(True)
        self.statusBar().clearMessage()
        QMessageBox.warning(
            self,
            self.tr("Backup failed"),
            self.tr("The backup could not be written: %1").replace("%1", str(error)),
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Retention Desktop"),
            self.tr(
                "Retention Desktop %1\n\nStaff retention for small shops: the roster, "
                "every exit and its reasons, and what keeps people. Your data stays in "
                "one file on this computer:\n%2"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.session.path)),
        )
