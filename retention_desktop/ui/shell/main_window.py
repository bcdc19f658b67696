"""The main window: navigation between Roster, Exits, Actions and Dashboard, the menus,
toolbar and status bar, and the commands that change people (all undoable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from retention_desktop import __version__
from retention_desktop.domain.actions import PLANNED
from retention_desktop.store import actions as store_actions
from retention_desktop.store import queries
from retention_desktop.store import records as store_records
from retention_desktop.store.backup import backup_file
from retention_desktop.store.errors import RecordError
from retention_desktop.ui.actions.view import ActionsPage
from retention_desktop.ui.common.jobs import run_in_background
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.dashboard.view import DashboardPage
from retention_desktop.ui.exits.view import ExitsPage
from retention_desktop.ui.roster.view import RosterPage
from retention_desktop.ui.today.view import TodayPanel

PAGE_ROSTER, PAGE_EXITS, PAGE_ACTIONS, PAGE_DASHBOARD = range(4)


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.messages = Messages(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Retention Desktop — %1").replace("%1", session.path.name))
        self.resize(1180, 720)

        self.roster_page = RosterPage(session, self)
        # Read the roster first: a large one loads in the background while the rest of
        # the window is built.
        self.roster_page.refresh()
        self.exits_page = ExitsPage(session, self)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.pages.addWidget(self.roster_page)
        self.pages.addWidget(self.exits_page)
        self.today_panel = TodayPanel(session, self.dashboard_season_name, self)
        self.today_panel.open_link.connect(self.follow_today_link)
        self.today_dock = QDockWidget(self.tr("Today"), self)
        self.today_dock.setObjectName("todayDock")
        self.today_dock.setWidget(self.today_panel)
        self.today_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.today_dock)
        self.resizeDocks([self.today_dock], [340], Qt.Orientation.Horizontal)
        self.actions_page = ActionsPage(session, self)
        self.actions_page.open_requested.connect(self.edit_action)
        self.pages.addWidget(self.actions_page)
        self.dashboard_page = DashboardPage(session, self)
        self.dashboard_page.drill_down.connect(self.show_exits_behind)
        self.pages.addWidget(self.dashboard_page)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        for text in (self.tr("Roster"), self.tr("Exits"), self.tr("Actions"), self.tr("Dashboard")):
            self.nav.addItem(text)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 40)
        self.nav.currentRowChanged.connect(self._page_changed)
        self._exits_stale = self._dashboard_stale = self._actions_stale = True

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_actions()
        self._build_menus()
        self.roster_page.selection_changed.connect(self._update_actions)
        self.roster_page.loaded_in_background.connect(self._update_counts)
        self.roster_page.model.modelReset.connect(self._show_counts)
        self._counts = {"employees": 0, "active": 0, "exits": 0}
        self.exits_page.selection_changed.connect(self._update_actions)
        self.actions_page.selection_changed.connect(self._update_actions)
        self.roster_page.open_requested.connect(self.edit_employee)
        self.exits_page.open_requested.connect(self.open_exit)
        self.roster_page.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.roster_page.view.customContextMenuRequested.connect(self._roster_menu)
        self.exits_page.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.exits_page.view.customContextMenuRequested.connect(self._exits_menu)
        session.changed.connect(self.refresh)
        session.catalog_changed.connect(self._exits_and_dashboard_changed)
        session.settings_changed.connect(self._settings_changed)
        self.nav.setCurrentRow(PAGE_ROSTER)
        self._update_counts()
        self._update_actions()
        self._restore_settings()
        # Today is shown at every start (closing it dismisses it for the session)
        self.today_dock.show()
        self.today_dock.visibilityChanged.connect(
            lambda visible: self.today_panel.refresh() if visible else None
        )
        self.today_panel.refresh()

    # Building
    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&New employee…"), self.new_employee, QKeySequence.StandardKey.New, "new"
        )
        self.open_action = self._action(self.tr("&Open…"), self.open_current, None, "open")
        self.exit_action = self._action(
            self.tr("Record &exit…"), self.record_exit, "Ctrl+E", "recordExit"
        )
        self.rehire_action = self._action(self.tr("Re&hire…"), self.rehire, "Ctrl+R", "rehire")
        self.cancel_exit_action = self._action(
            self.tr("&Undo this exit (employed again)"), self.cancel_exit, None, "cancelExit"
        )
        self.delete_action = self._action(
            self.tr("&Delete employee…"), self.delete_employee, QKeySequence.StandardKey.Delete,
            "delete",
        )  # fmt: skip
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.roster_page.view.addAction(self.delete_action)
        self.find_action = self._action(
            self.tr("&Find"), self.find, QKeySequence.StandardKey.Find, "find"
        )
        self.undo_action = self.session.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undo")
        self.redo_action = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.setObjectName("redo")
        self.reasons_action = self._action(
            self.tr("Exit &reasons…"), self.edit_reasons, None, "reasons"
        )
        self.backup_action = self._action(self.tr("&Back up now"), self.back_up_now, None, "backup")
        self.plan_action = self._action(
            self.tr("&Plan action…"), self.plan_for_selected, "Ctrl+P", "planAction"
        )
        self.team_action = self._action(
            self.tr("Plan action for a &team…"), self.plan_for_team, None, "teamAction"
        )
        self.library_action = self._action(
            self.tr("Action &library…"), self.edit_action_types, None, "actionLibrary"
        )
        self.effect_action = self._action(
            self.tr("Does it &help?…"), self.show_effect, None, "effectAction"
        )
        self.flag_action = self._action(self.tr("Flag &at risk…"), self.flag_risk, None, "flagRisk")
        self.clear_risk_action = self._action(
            self.tr("C&lear risk flag…"), self.clear_risk, None, "clearRisk"
        )
        self.edit_action_action = self._action(
            self.tr("&Edit action…"), self.edit_action, None, "editAction"
        )
        self.done_action = self._action(
            self.tr("Mark &done…"), self.complete_action, "Ctrl+D", "doneAction"
        )
        self.cancel_action_action = self._action(
            self.tr("&Cancel action…"), self.cancel_action, None, "cancelAction"
        )
        self.reopen_action = self._action(
            self.tr("&Reopen action"), self.reopen_chosen_action, None, "reopenAction"
        )
        self.delete_action_action = self._action(
            self.tr("De&lete action…"), self.delete_chosen_action, None, "deleteAction"
        )
        self.import_action = self._action(self.tr("&Import…"), self.import_file, "Ctrl+I", "import")
        self.export_action = self._action(
            self.tr("E&xport to Excel…"), self.export_file, "Ctrl+Shift+X", "export"
        )
        self.template_action = self._action(
            self.tr("Save import &template…"), self.save_template, None, "template"
        )
        self.settings_action = self._action(
            self.tr("&Settings…"), self.edit_settings, "Ctrl+,", "settings"
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.template_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.reasons_action)
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        quit_action = self._action(
            self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quit"
        )
        file_menu.addAction(quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, None, self.find_action):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        people = bar.addMenu(self.tr("&Employee"))
        for action in (
            self.new_action,
            self.open_action,
            None,
            self.exit_action,
            self.rehire_action,
            self.cancel_exit_action,
            None,
            self.plan_action,
            self.flag_action,
            self.clear_risk_action,
            None,
            self.delete_action,
        ):
            people.addSeparator() if action is None else people.addAction(action)
        actions_menu = bar.addMenu(self.tr("Ac&tions"))
        for action in (
            self.team_action,
            None,
            self.edit_action_action,
            self.done_action,
            self.cancel_action_action,
            self.reopen_action,
            None,
            self.delete_action_action,
            None,
            self.library_action,
            self.effect_action,
        ):
            actions_menu.addSeparator() if action is None else actions_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        today = self.today_dock.toggleViewAction()
        today.setText(self.tr("&Today"))
        today.setShortcut(QKeySequence("Ctrl+T"))
        today.setObjectName("todayAction")
        view_menu.addAction(today)
        view_menu.addSeparator()
        for n, text in enumerate(
            (self.tr("&Roster"), self.tr("E&xits"), self.tr("&Actions"), self.tr("&Dashboard"))
        ):
            action = self._action(
                text, lambda _=False, n=n: self.nav.setCurrentRow(n), f"Ctrl+{n + 1}"
            )
            view_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(self.tr("&About Retention Desktop"), self.show_about, None, "about")
        )
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.new_action,
            self.open_action,
            self.exit_action,
            self.rehire_action,
            None,
            self.undo_action,
            self.redo_action,
        ):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _roster_menu(self, position) -> None:
        menu = QMenu(self)
        for action in (self.open_action, self.exit_action, self.rehire_action, self.delete_action):
            menu.addAction(action)
        menu.popup(self.roster_page.view.viewport().mapToGlobal(position))

    def _exits_menu(self, position) -> None:
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.cancel_exit_action)
        menu.popup(self.exits_page.view.viewport().mapToGlobal(position))

    # State
    def current_page(self) -> int:
        return self.pages.currentIndex()

    def current_employee_id(self) -> int | None:
        if self.current_page() == PAGE_ROSTER:
            return self.roster_page.current_employee_id()
        if self.current_page() == PAGE_EXITS and (row := self.exits_page.current_exit()):
            return row.employee_id
        return None

    def _update_actions(self) -> None:
        page = self.current_page()
        person = self.roster_page.current_row() if page == PAGE_ROSTER else None
        chosen_exit = self.exits_page.current_exit() if page == PAGE_EXITS else None
        self.open_action.setEnabled(person is not None or chosen_exit is not None)
        self.exit_action.setEnabled(person is not None and person.end_date is None)
        self.rehire_action.setEnabled(person is not None and person.end_date is not None)
        self.delete_action.setEnabled(person is not None)
        self.cancel_exit_action.setEnabled(chosen_exit is not None)
        chosen = self.roster_page.selected_employee_ids() if page == PAGE_ROSTER else []
        active = [i for i in chosen if self.roster_page.is_employed(i)]
        self.plan_action.setEnabled(bool(active))
        self.flag_action.setEnabled(person is not None and person.end_date is None)
        self.clear_risk_action.setEnabled(person is not None and person.risk is not None)
        action = self.actions_page.current_row() if page == PAGE_ACTIONS else None
        self.edit_action_action.setEnabled(action is not None)
        self.done_action.setEnabled(action is not None and action.status == PLANNED)
        self.cancel_action_action.setEnabled(action is not None and action.status == PLANNED)
        self.reopen_action.setEnabled(action is not None and action.status != PLANNED)
        self.delete_action_action.setEnabled(action is not None)

    def refresh(self, employee_id: int | None = None) -> None:
        """Reload the screens from the file after a change, undo or redo (of one person,
        or of anything when `employee_id` is None)."""
        self.roster_page.refresh(employee_id)
        if self.today_dock.isVisible():
            self.today_panel.refresh()
        self._exits_and_dashboard_changed()
        self._update_counts()
        self._update_actions()

    def _exits_and_dashboard_changed(self) -> None:
        """The exits list, the dashboard and the actions are reloaded when shown: no cost
        on every change elsewhere. (After an edit of the reason list or the action library
        only they and the Today panel change: the roster shows neither.)"""
        self._exits_stale = self._dashboard_stale = self._actions_stale = True
        self.today_panel.refresh()  # it shows the labels of reasons and kinds of action
        if self.current_page() == PAGE_EXITS:
            self._show_exits()
        elif self.current_page() == PAGE_DASHBOARD:
            self._show_dashboard()
        elif self.current_page() == PAGE_ACTIONS:
            self._show_actions()

    def _settings_changed(self) -> None:
        """Costs, the rates shown and the peak seasons: the dashboard and Today."""
        self.today_panel.refresh()
        self._dashboard_stale = True
        if self.current_page() == PAGE_DASHBOARD:
            self._show_dashboard()

    def _update_counts(self) -> None:
        self._counts = self.session.counts()
        self._show_counts()

    def _show_counts(self) -> None:
        counts = self._counts
        self.count_label.setText(
            self.tr("%1 employees, %2 active, %3 shown")
            .replace("%1", str(counts["employees"]))
            .replace("%2", str(counts["active"]))
            .replace("%3", str(self.roster_page.model.rowCount()))
        )

    def _header_key(self) -> str:
        # Column widths fit the language's labels: one saved state per language.
        return f"mainWindow/rosterHeader/{self.session.lang}"

    def _page_changed(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        if page == PAGE_EXITS and self._exits_stale:
            self._show_exits()
        elif page == PAGE_DASHBOARD and self._dashboard_stale:
            self._show_dashboard()
        elif page == PAGE_ACTIONS and self._actions_stale:
            self._show_actions()
        self._update_actions()

    def _show_dashboard(self) -> None:
        self.dashboard_page.reload_choices()
        self.dashboard_page.refresh()
        self._dashboard_stale = False

    def _show_actions(self) -> None:
        self.actions_page.reload_choices()
        self.actions_page.refresh()
        self._actions_stale = False

    def _show_exits(self) -> None:
        self.exits_page.reload_choices()
        self.exits_page.refresh()
        self._exits_stale = False

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        header = settings.value(self._header_key())
        if isinstance(header, QByteArray):
            self.roster_page.view.horizontalHeader().restoreState(header)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        settings.setValue(self._header_key(), self.roster_page.view.horizontalHeader().saveState())
        super().closeEvent(event)

    # Commands
    def find(self) -> None:
        self.nav.setCurrentRow(PAGE_ROSTER)
        self.roster_page.focus_search()

    def new_employee(self) -> None:
        from retention_desktop.ui.roster.employee_dialog import (
            EmployeeDialog,  # imported when first opened
        )

        dialog = EmployeeDialog(self.session, None, self)
        if dialog.exec():
            self._show_employee(dialog.employee_id)

    def _show_employee(self, employee_id: int | None) -> None:
        if employee_id is None:
            return
        self.nav.setCurrentRow(PAGE_ROSTER)
        if not self.roster_page.select_employee(employee_id):
            # Hidden by the search or filters: clear them so the person can be seen.
            self.roster_page.search_edit.clear()
            self.roster_page.status_combo.setCurrentIndex(2)
            self.roster_page.team_combo.setCurrentIndex(0)
            self.roster_page.select_employee(employee_id)

    def open_current(self) -> None:
        if self.current_page() == PAGE_EXITS:
            self.open_exit()
        else:
            self.edit_employee()

    def edit_employee(self) -> None:
        from retention_desktop.ui.roster.employee_dialog import (
            EmployeeDialog,  # imported when first opened
        )

        employee_id = self.roster_page.current_employee_id()
        if employee_id is not None:
            EmployeeDialog(self.session, employee_id, self).exec()

    def open_exit(self) -> None:
        from retention_desktop.ui.exits.exit_dialog import ExitDialog  # imported when first opened

        row = self.exits_page.current_exit()
        if row is not None:
            ExitDialog(
                self.session, employee_id=row.employee_id, exit_id=row.exit_id, parent=self
            ).exec()

    def record_exit(self) -> None:
        from retention_desktop.ui.exits.exit_dialog import ExitDialog  # imported when first opened

        person = self.roster_page.current_row()
        if person is None or person.end_date is not None:
            return
        spell_id = queries.open_spell(self.session.db, person.employee_id)
        ExitDialog(
            self.session, employee_id=person.employee_id, spell_id=spell_id, parent=self
        ).exec()

    def rehire(self) -> None:
        from retention_desktop.ui.roster.rehire_dialog import (
            RehireDialog,  # imported when first opened
        )

        person = self.roster_page.current_row()
        if person is not None and person.end_date is not None:
            RehireDialog(self.session, person.employee_id, self).exec()

    def cancel_exit(self) -> None:
        row = self.exits_page.current_exit()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Undo exit"),
            self.tr(
                "Take back the exit of %1 on %2? They will be shown as employed again and "
                "this exit record (reasons, conversation, handover) is removed. You can "
                "undo this with Ctrl+Z."
            )
            .replace("%1", row.name)
            .replace("%2", row.last_day.isoformat()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, exit_id = self.session.db, row.exit_id
        try:
            self.session.change(
                self.tr("Undo exit of %1").replace("%1", row.name),
                lambda: store_records.cancel_exit(db, exit_id),
                row.employee_id,
            )
        except RecordError as error:
            QMessageBox.warning(self, self.tr("Undo exit"), self.messages.for_error(error))

    def delete_employee(self) -> None:
        person = self.roster_page.current_row()
        if person is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete employee"),
            self.tr(
                "Delete %1 with all their employment, exit records and actions? "
                "Turnover figures will no longer count them. You can undo this with Ctrl+Z."
            ).replace("%1", person.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, employee_id = self.session.db, person.employee_id
        self.session.change(
            self.tr("Delete %1").replace("%1", person.name),
            lambda: store_records.delete_employee(db, employee_id),
            employee_id,
        )

    def show_exits_behind(self, bar) -> None:
        """The exits a dashboard bar counts, in a list to open them from; the bar's own
        figure is the title."""
        from retention_desktop.ui.dashboard.drilldown import ExitsBehindDialog, exits_behind

        page = self.dashboard_page
        if page.report is None:
            return
        rows = exits_behind(self.session, page.report.period, page.team(), bar.key)
        ExitsBehindDialog(self.session, bar.text, rows, self).exec()

    def edit_reasons(self) -> None:
        from retention_desktop.ui.catalog.reasons_dialog import (
            ReasonsDialog,  # imported when first opened
        )

        ReasonsDialog(self.session, self).exec()

    def edit_action_types(self) -> None:
        from retention_desktop.ui.catalog.reasons_dialog import (
            ReasonsDialog,  # imported when first opened
        )

        ReasonsDialog(self.session, self, table="action_types").exec()

    # Today
    def dashboard_season_name(self, code: str) -> str:
        return self.dashboard_page.season_name(code)

    def follow_today_link(self, link: tuple) -> None:
        """Go where a line of the Today panel points."""
        from retention_desktop.ui.actions.action_dialog import ActionDialog

        kind, target = link
        if kind == "action":
            ActionDialog(self.session, action_id=target, parent=self).exec()
        elif kind in ("employee", "plan"):
            self.nav.setCurrentRow(PAGE_ROSTER)
            page = self.roster_page
            if not page.select_employee(target):
                page.status_combo.setCurrentIndex(page.status_combo.findData("all"))
                page.select_employee(target)
            person = self.session.roster(target)
            if person:
                ActionDialog(
                    self.session, employees=[(target, person[0].name)],
                    type_code="checkin" if kind == "employee" else None, parent=self,
                ).exec()  # fmt: skip
        elif kind == "exit":
            from retention_desktop.ui.exits.exit_dialog import ExitDialog

            employee_id, exit_id = target
            ExitDialog(self.session, employee_id=employee_id, exit_id=exit_id, parent=self).exec()
        elif kind == "dashboard":
            self.nav.setCurrentRow(PAGE_DASHBOARD)

    # Retention actions and risk
    def plan_for_selected(self) -> None:
        """The same action for each active employee selected on the roster."""
        from retention_desktop.ui.actions.action_dialog import ActionDialog

        page = self.roster_page
        people = [
            (row.employee_id, row.name) for row in page.selected_rows() if row.end_date is None
        ]
        if people:
            ActionDialog(self.session, employees=people, parent=self).exec()

    def show_effect(self) -> None:
        from retention_desktop.ui.actions.effect_dialog import EffectDialog

        EffectDialog(self.session, self).exec()

    def plan_for_team(self) -> None:
        from retention_desktop.ui.actions.action_dialog import ActionDialog

        team = self.actions_page.team_combo.team() or self.roster_page.team_combo.team()
        ActionDialog(self.session, team=team, parent=self).exec()

    def _chosen_action(self):
        return self.actions_page.current_row() if self.current_page() == PAGE_ACTIONS else None

    def edit_action(self) -> None:
        from retention_desktop.ui.actions.action_dialog import ActionDialog

        row = self._chosen_action()
        if row is not None:
            ActionDialog(self.session, action_id=row.action_id, parent=self).exec()

    def complete_action(self) -> None:
        from retention_desktop.ui.actions.action_dialog import CompleteDialog

        row = self._chosen_action()
        if row is not None and row.status == PLANNED:
            CompleteDialog(self.session, row.action_id, self).exec()

    def cancel_action(self) -> None:

        row = self._chosen_action()
        if row is None or row.status != PLANNED:
            return
        note, ok = QInputDialog.getMultiLineText(
            self, self.tr("Cancel action"),
            self.tr("Cancel %1? Why (optional):").replace("%1", row.title or row.action_type),
        )  # fmt: skip
        if not ok:
            return
        self._action_step(
            row, self.tr("Cancel %1").replace("%1", row.action_type),
            lambda db: store_actions.cancel_action(db, row.action_id, note.strip()),
        )  # fmt: skip

    def reopen_chosen_action(self) -> None:
        row = self._chosen_action()
        if row is not None and row.status != PLANNED:
            self._action_step(
                row, self.tr("Reopen %1").replace("%1", row.action_type),
                lambda db: store_actions.reopen_action(db, row.action_id),
            )  # fmt: skip

    def delete_chosen_action(self) -> None:
        row = self._chosen_action()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete action"),
            self.tr("Delete %1 (%2)? Undo (Ctrl+Z) brings it back.")
            .replace("%1", row.action_type).replace("%2", row.planned_date.isoformat()),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._action_step(
                row, self.tr("Delete %1").replace("%1", row.action_type),
                lambda db: store_actions.delete_action(db, row.action_id),
            )  # fmt: skip

    def _action_step(self, row, text: str, work) -> None:
        """One undoable change of the action `row`; a refusal is shown."""
        db = self.session.db
        try:
            if row.employee_id is None:
                self.session.change_team_action(text, lambda: work(db), row.action_id)
            else:
                self.session.change(text, lambda: work(db), row.employee_id)
        except RecordError as error:
            QMessageBox.warning(self, text, self.messages.for_error(error))

    def flag_risk(self) -> None:
        from retention_desktop.ui.actions.risk_dialog import RiskDialog

        person = self.roster_page.current_row() if self.current_page() == PAGE_ROSTER else None
        if person is not None and person.end_date is None:
            RiskDialog(self.session, person.employee_id, person.name, self).exec()

    def clear_risk(self) -> None:
        from retention_desktop.ui.actions.risk_dialog import ClearRiskDialog

        person = self.roster_page.current_row() if self.current_page() == PAGE_ROSTER else None
        if person is not None and person.risk is not None:
            ClearRiskDialog(self.session, person.employee_id, person.name, self).exec()

    def import_file(self) -> None:
        """Ask for a file and open the import dialog on it."""
        from retention_desktop.ui.spreadsheets.import_dialog import (
            ImportDialog,  # when first opened
        )

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import"), "", self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)")
        )
        if not path:
            return
        dialog = ImportDialog(self.session, Path(path), self)
        dialog.check()
        dialog.exec()

    def export_file(self) -> None:
        from retention_desktop.ui.spreadsheets.export_dialog import (
            ExportDialog,  # when first opened
        )

        ExportDialog(self.session, self, like=self.dashboard_page).exec()

    def save_template(self) -> None:
        from retention_desktop.sheets.template import write_template

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save import template"), self.tr("import template.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            write_template(path)
        except OSError as error:
            QMessageBox.warning(
                self, self.tr("Save import template"),
                self.tr("%1 could not be written: %2").replace("%1", path)
                .replace("%2", error.strerror or str(error)),
            )  # fmt: skip
            return
        self.statusBar().showMessage(self.tr("Template saved: %1").replace("%1", path), 8000)

    def edit_settings(self) -> None:
        from retention_desktop.ui.settings.settings_dialog import (
            SettingsDialog,  # when first opened
        )

        SettingsDialog(self.session, self.dashboard_page.season_name, self).exec()

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
