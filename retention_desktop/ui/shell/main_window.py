"""The main window: composition only. It places the features' pages, the Today dock, the
menus, the toolbar and the context menus, and routes one feature's request to another
(the features never import each other)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.ui.actions.controller import ActionsFeature
from retention_desktop.ui.backups.controller import BackupsFeature
from retention_desktop.ui.catalog.controller import CatalogFeature
from retention_desktop.ui.common.icons import ICONS, decorate, icon
from retention_desktop.ui.common.selection import ACTIONS, DASHBOARD, EXITS, ROSTER, Selection
from retention_desktop.ui.common.session import EMPLOYEES, SPELLS, Session
from retention_desktop.ui.dashboard.controller import DashboardFeature
from retention_desktop.ui.dashboard.printing import ReportCommands
from retention_desktop.ui.exits.controller import ExitsFeature
from retention_desktop.ui.help.controller import HelpFeature
from retention_desktop.ui.roster.controller import RosterFeature
from retention_desktop.ui.settings.controller import SettingsFeature
from retention_desktop.ui.shell.commands import ShellCommands
from retention_desktop.ui.shell.files import FileCommands
from retention_desktop.ui.shell.navigation import Navigation
from retention_desktop.ui.spreadsheets.controller import SpreadsheetsFeature
from retention_desktop.ui.today.controller import TodayFeature

PAGES = (ROSTER, EXITS, ACTIONS, DASHBOARD)
PAGE_ROSTER, PAGE_EXITS, PAGE_ACTIONS, PAGE_DASHBOARD = range(len(PAGES))


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("mainWindow")
        title = self.tr("Retention Desktop — %1").replace("%1", session.path.name)
        if session.is_demo():  # never mistaken for the shop's real file
            title += self.tr(" (demo shop)")
        if session.read_only:
            title += self.tr(" (read-only)")
        self.setWindowTitle(title)
        self.resize(1180, 720)
        self.selection = Selection(self)
        features = (session, self.selection, self)
        # The roster first: a large one is read in the background while the rest is built.
        self.roster = RosterFeature(*features)
        self.exits = ExitsFeature(*features)
        self.actions = ActionsFeature(*features)
        self.dashboard = DashboardFeature(*features)
        self.today = TodayFeature(*features)
        self.catalog = CatalogFeature(*features)
        self.spreadsheets = SpreadsheetsFeature(*features)
        self.settings = SettingsFeature(*features)
        self.backups = BackupsFeature(*features)
        self.commands = ShellCommands(*features)
        self.files = FileCommands(*features)
        self.report = ReportCommands(*features)
        self.help = HelpFeature(*features)
        self.features = [self.roster, self.exits, self.actions, self.dashboard]
        self._connect_features()

        self.pages = QStackedWidget(self, objectName="pages")
        self.nav = Navigation(self)
        names = (self.tr("Roster"), self.tr("Exits"), self.tr("Actions"), self.tr("Dashboard"))
        for n, (feature, text) in enumerate(zip(self.features, names, strict=True)):
            # a stand-in until the feature makes its page (when first shown)
            self.pages.addWidget(feature.page if feature.has_page() else QWidget())
            feature.page_made.connect(lambda page, n=n: self._place_page(n, page))
            self.nav.add_page(text, icon(ICONS[f"show{PAGES[n].title()}"]))
        self.nav.fit_width()
        self.nav.currentRowChanged.connect(self._page_changed)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 8, 8, 8)
        if session.read_only:
            outer.addWidget(self._read_only_banner())
        layout = QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self.today_dock = QDockWidget(self.tr("Today"), self, objectName="todayDock")
        self.today_dock.setWidget(self.today.panel)
        self.today_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.today_dock)
        self.resizeDocks([self.today_dock], [340], Qt.Orientation.Horizontal)

        # the whole path of the file shown: which file this is, never in doubt
        self.path_label = QLabel(str(session.path), self, objectName="pathLabel")
        self.path_label.setToolTip(self.tr("The file this window shows"))
        self.statusBar().addWidget(self.path_label, 1)
        self.count_label = QLabel(self, objectName="countLabel")
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_menus()
        self._context_menu_of(self.roster)
        self.roster.page.model.modelReset.connect(self._show_counts)
        session.changed.connect(self._changed)
        self.nav.setCurrentRow(0)
        self._update_counts()
        self._restore_settings()
        # Today is shown at every start (closing it dismisses it for the session)
        self.today_dock.show()
        self.today_dock.visibilityChanged.connect(self.today.set_shown)
        self.today.set_shown(True)

    def _read_only_banner(self) -> QLabel:
        banner = QLabel(
            self.tr(
                "This file is read-only: you can look, report and export, but not change "
                "anything. To make changes, make %1 writable (or copy it to a folder you "
                "can write to) and open it again."
            ).replace("%1", str(self.session.path)),
            self,
            objectName="readOnlyBanner",
        )
        banner.setWordWrap(True)
        banner.setStyleSheet(
            "QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #e0c36a;"
            " border-radius: 4px; padding: 6px 10px; }"
        )
        return banner

    def _connect_features(self) -> None:
        """Where one feature's request is answered by another."""
        for feature in (self.roster, self.exits, self.actions, self.dashboard):
            feature.show_page.connect(lambda f=feature: self.show_feature(f))
        self.dashboard.open_exit.connect(self.exits.open_exit)
        self.roster.open_exit_requested.connect(self.exits.open_exit)
        self.roster.import_wanted.connect(self.spreadsheets.import_action.trigger)
        self.roster.template_wanted.connect(self.spreadsheets.template_action.trigger)
        self.roster.demo_wanted.connect(self.files.demo_requested)
        self.today.open_link.connect(self.follow_today_link)
        self.today.counted.connect(self._show_today_counts)
        dashboard = self.dashboard
        self.spreadsheets.export_like = lambda: dashboard.page if dashboard.has_page() else None
        self.commands.open_requested.connect(self.open_current)

    # Menus
    def _build_menus(self) -> None:
        r, x, a, c, s = self.roster, self.exits, self.actions, self.commands, self.spreadsheets
        self.undo_action, self.redo_action = c.undo_action, c.redo_action
        bar = self.menuBar()
        f = self.files
        self._menu(bar.addMenu(self.tr("&File")), f.new_file_action, f.open_file_action,
                   f.recent_menu.menuAction(), None, r.new_action, None, s.import_action,
                   s.template_action, s.export_action, None, self.report.print_action,
                   self.report.pdf_action, None, self.catalog.reasons_action,
                   self.catalog.places_action, self.settings.settings_action, c.backup_action,
                   self.backups.backups_action, None, c.quit_action)  # fmt: skip
        self._menu(bar.addMenu(self.tr("&Edit")), c.undo_action, c.redo_action, None,
                   s.undo_import_action, None, r.find_action)  # fmt: skip
        self._menu(bar.addMenu(self.tr("Em&ployee")), r.new_action, c.open_action, None,
                   x.exit_action, x.withdraw_action, r.rehire_action, x.cancel_exit_action,
                   None, a.plan_action,
                   a.flag_action, a.clear_risk_action, None, r.delete_action)  # fmt: skip
        self._menu(bar.addMenu(self.tr("Ac&tions")), a.team_action, None,
                   a.edit_action_action, a.done_action, a.cancel_action_action,
                   a.reopen_action, None, a.delete_action_action, None,
                   self.catalog.library_action, a.effect_action)  # fmt: skip
        view = bar.addMenu(self.tr("&View"))
        today = self.today_dock.toggleViewAction()
        today.setText(self.tr("&Today"))
        today.setShortcut(QKeySequence("Ctrl+T"))
        today.setObjectName("todayAction")
        view.addAction(today)
        view.addSeparator()
        for n, text in enumerate(
            (self.tr("&Roster"), self.tr("E&xits"), self.tr("&Actions"), self.tr("&Dashboard"))
        ):
            shortcut, name = f"Ctrl+{n + 1}", f"show{PAGES[n].title()}"
            view.addAction(c.action(text, lambda n=n: self.nav.setCurrentRow(n), shortcut, name))
        self._menu(bar.addMenu(self.tr("&Help")), self.help.guide_action, None, c.about_action)
        toolbar = QToolBar(self.tr("Main"), self, objectName="mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        self._menu(toolbar, r.new_action, c.open_action, x.exit_action, r.rehire_action, None,
                   c.undo_action, c.redo_action, None, today)  # fmt: skip
        self.addToolBar(toolbar)
        decorate(self.findChildren(QAction))
        f.recent_menu.setIcon(icon(ICONS["recentMenu"]))

    @staticmethod
    def _menu(menu: QMenu | QToolBar, *actions) -> None:
        for action in actions:
            menu.addSeparator() if action is None else menu.addAction(action)

    def _context_menu_of(self, feature) -> None:
        r, x, c = self.roster, self.exits, self.commands
        actions = {
            r: (c.open_action, x.exit_action, x.withdraw_action, r.rehire_action, r.delete_action),
            x: (c.open_action, x.withdraw_action, x.cancel_exit_action),
        }.get(feature)
        if actions:
            view = feature.page.view
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda at: self._context_menu(view, at, actions)
            )

    def _context_menu(self, view, at, actions) -> None:
        menu = QMenu(self)
        self._menu(menu, *actions)
        menu.popup(view.viewport().mapToGlobal(at))

    # Pages
    def _place_page(self, n: int, page: QWidget) -> None:
        """A feature's page, just made, in place of its stand-in."""
        stand_in = self.pages.widget(n)
        self.pages.insertWidget(n, page)
        self.pages.removeWidget(stand_in)
        stand_in.deleteLater()
        self._context_menu_of(self.features[n])

    def show_feature(self, feature) -> None:
        self.nav.setCurrentRow(self.features.index(feature))

    def _page_changed(self, row: int) -> None:
        self.pages.setCurrentWidget(self.features[row].page)
        for n, feature in enumerate(self.features):
            feature.set_shown(n == row)
        self.selection.set_page(PAGES[row])

    def open_current(self) -> None:
        """Open the person or the exit chosen on the page shown."""
        if self.selection.page == EXITS:
            self.exits.open_chosen_exit()
        else:
            self.roster.edit_employee()

    def follow_today_link(self, link: tuple) -> None:
        """Go where a line of the Today panel points."""
        kind, target = link
        if kind == "action":
            self.actions.edit(target)
        elif kind in ("employee", "plan"):
            self.roster.show_employee(target)
            person = self.session.roster(target)
            if person:
                self.actions.plan_for([(target, person[0].name)],
                                      "checkin" if kind == "employee" else None)  # fmt: skip
        elif kind == "exit":
            self.exits.open_exit(*target)
        elif kind == "dashboard":
            self.show_feature(self.dashboard)

    def _show_today_counts(self, open_items: int, overdue: int) -> None:
        """How many things Today lists, in its title; overdue actions beside Actions."""
        title = self.tr("Today (%1)").replace("%1", f"{open_items:,}") if open_items else ""
        self.today_dock.setWindowTitle(title or self.tr("Today"))
        self.today_dock.toggleViewAction().setText(self.tr("&Today"))
        tip = self.tr("%Ln overdue action(s)", "", overdue)
        self.nav.set_badge(PAGE_ACTIONS, overdue, tip)

    # Status bar
    def _changed(self, change) -> None:
        if change.employees is None or change.touches(EMPLOYEES, SPELLS):
            self._update_counts()

    def _update_counts(self) -> None:
        self._counts = self.session.counts()
        self._show_counts()

    def _show_counts(self) -> None:
        counts, shown = self._counts, self.roster.page.model.rowCount()
        self.count_label.setText(
            self.tr("%1, %2, %3")
            .replace("%1", self.tr("%Ln employee(s)", "", counts["employees"]))
            .replace("%2", self.tr("%Ln active", "", counts["active"]))
            .replace("%3", self.tr("%Ln shown", "", shown))
        )

    # Remembered between sessions
    def _header_key(self) -> str:
        # Column widths fit the language's labels: one saved state per language.
        return f"mainWindow/rosterColumns/{self.session.lang}"

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
            self._fit_on_screen()
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        header = settings.value(self._header_key())
        if isinstance(header, QByteArray):  # saved only when sized by hand
            self.roster.page.view.horizontalHeader().restoreState(header)
            self.roster.page.spare_width.by_hand = True

    def _fit_on_screen(self) -> None:
        """A size and place remembered from a larger screen (or another monitor) never
        leaves the window larger than the screen it opens on, or off it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        if self.width() > room.width() or self.height() > room.height():
            self.resize(min(self.width(), room.width()), min(self.height(), room.height()))
        if not room.contains(self.geometry().topLeft()):
            self.move(room.topLeft())

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        # the columns as the owner sized them by hand; else the next start fits them anew
        if self.roster.page.spare_width.by_hand:
            header = self.roster.page.view.horizontalHeader().saveState()
            settings.setValue(self._header_key(), header)
        else:
            settings.remove(self._header_key())
        super().closeEvent(event)
