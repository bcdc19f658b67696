"""The roster: its page, reading it (a large one off the UI thread), and the commands on
people: new, open, rehire, delete, find."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from retention_desktop.store import records as store_records
from retention_desktop.store.errors import RecordError
from retention_desktop.ui.common.dialogs import run_modal
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.session import EMPLOYEES, EXITS, RISK, SPELLS, Change
from retention_desktop.ui.roster.model import read_roster
from retention_desktop.ui.roster.person import read_choices, read_person
from retention_desktop.ui.roster.view import RosterPage

BACKGROUND_ROWS = 2_000  # a roster this large is read off the UI thread (the window paints first)


class RosterFeature(Feature):
    open_exit_requested = Signal(int, int)  # (employee id, exit id): for the exits feature
    # the welcome's ways in that other features answer (the shell routes them)
    import_wanted = Signal()
    template_wanted = Signal()
    demo_wanted = Signal()

    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self._reads = 0
        self.new_action = self.action(
            self.tr("&New employee…"),
            self.new_employee,
            QKeySequence.StandardKey.New,
            "new",
            writes=True,
        )
        self.find_action = self.action(
            self.tr("&Find"), self.find, QKeySequence.StandardKey.Find, "find"
        )
        self.rehire_action = self.action(
            self.tr("Re&hire…"), self.rehire, "Ctrl+R", "rehire", writes=True
        )
        self.delete_action = self.action(
            self.tr("&Delete employee…"), self.delete_employee,
            QKeySequence.StandardKey.Delete, "delete", writes=True
        )  # fmt: skip
        # Delete acts on the roster's list only (in a text field it deletes text)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.reload()  # the first page: made and read at once

    def make_page(self) -> RosterPage:
        page = RosterPage(self.session, self.window)
        page.view.addAction(self.delete_action)
        page.selection_changed.connect(self._publish_selection)
        page.open_requested.connect(self.edit_employee)
        welcome = page.welcome
        welcome.first_employee_requested.connect(self.new_employee)
        welcome.import_requested.connect(self.import_wanted)
        welcome.template_requested.connect(self.template_wanted)
        welcome.demo_requested.connect(self.demo_wanted)
        return page

    # Reading
    def is_stale_after(self, change: Change) -> bool:
        return change.touches(EMPLOYEES, SPELLS, EXITS, RISK)

    def on_change(self, change: Change) -> None:
        """The roster is always read again at once (it is the first page and the counts
        come from it): only the people changed, when it holds them all already."""
        if not self.is_stale_after(change):
            return
        people = change.employees
        if people is not None and len(people) <= 50 and self.page.loaded:
            keep = self.page.current_employee_id()
            self.page.set_teams(self.session.teams())
            for employee_id in people:
                found = self.session.roster(employee_id)
                self.page.model.replace_employee(employee_id, found[0] if found else None)
            if keep is not None:
                self.page.select_employee(keep)
            self._publish_selection()
        else:
            self.reload()

    def reload(self) -> None:
        """Read every row again, keeping the search, filters, sort and current person; a
        large roster off the UI thread, so the window paints at once."""
        super().reload()
        keep = self.page.current_employee_id()
        self.page.set_teams(self.session.teams())
        if self.session.counts()["employees"] <= BACKGROUND_ROWS:
            self.page.show_rows(self.session.roster(), keep)
            return
        self._reads += 1
        read = self._reads
        self.page.show_loading()

        def done(result) -> None:
            if read == self._reads:  # a later read supersedes this one
                rows, prepared = result
                self.page.show_rows(rows, keep, prepared)

        self.session.read(
            self.page, read_roster, self.session.today(), self.page.sort_column(),
            on_success=done, on_failure=self.page.show_failure,
        )  # fmt: skip

    def _publish_selection(self) -> None:
        self.selection.set_people(self.page.current_row(), self.page.selected_rows())

    def update_actions(self) -> None:
        person = self.selection.person()
        self.rehire_action.setEnabled(person is not None and person.end_date is not None)
        self.delete_action.setEnabled(person is not None)

    # Commands
    def find(self) -> None:
        self.show_page.emit()
        self.page.focus_search()

    def new_employee(self) -> None:
        employee_id = self._employee_dialog(None)
        if employee_id is not None:
            self.show_employee(employee_id)

    def _employee_dialog(self, employee_id: int | None) -> int | None:
        """The employee dialog for a new person (None) or that one; the id of the person
        saved, or None when cancelled. The teams and positions it offers are read off
        the UI thread."""
        from retention_desktop.ui.roster.employee_dialog import EmployeeDialog  # when used

        session, db, today = self.session, self.session.db, self.session.today()
        person = None
        if employee_id is not None:
            person = read_person(db, employee_id, session.lang)
            if person is None:
                return None

        def save(draft) -> int | RecordError:
            try:
                if employee_id is None:
                    return session.change(
                        self.tr("Add %1").replace("%1", draft.name),
                        lambda: store_records.add_employee(db, draft, today=today),
                    )[0]
                session.change(
                    self.tr("Edit %1").replace("%1", draft.name),
                    lambda: store_records.update_employee(db, employee_id, draft, today=today),
                    employee_id,
                )
            except RecordError as error:
                return error
            return employee_id

        dialog = EmployeeDialog(person, today, save, self.window)
        if employee_id is not None:  # an exit of the history opens over the dialog
            dialog.exit_requested.connect(
                lambda exit_id: self.open_exit_requested.emit(employee_id, exit_id)
            )
        session.read(dialog, read_choices, on_success=dialog.set_choices)
        return dialog.employee_id if run_modal(dialog) else None

    def show_employee(self, employee_id: int) -> None:
        """Bring the roster forward with that person chosen, clearing the search and
        filters when they hide them."""
        self.show_page.emit()
        if not self.page.select_employee(employee_id):
            self.page.show_everyone()
            self.page.select_employee(employee_id)

    def edit_employee(self) -> None:
        person = self.selection.person()
        if person is not None:
            self._employee_dialog(person.employee_id)

    def rehire(self) -> None:
        from retention_desktop.ui.roster.rehire_dialog import RehireDialog  # when used

        chosen = self.selection.person()
        if chosen is None or chosen.end_date is None:
            return
        session, db, employee_id = self.session, self.session.db, chosen.employee_id
        found = session.roster(employee_id)
        if not found:
            return
        person, today = found[0], session.today()

        def save(hire_date, team: str, position: str) -> RecordError | None:
            try:
                session.change(
                    self.tr("Rehire %1").replace("%1", person.name),
                    lambda: store_records.rehire(
                        db, employee_id, hire_date, team=team, position=position, today=today
                    ),
                    employee_id,
                )
            except RecordError as error:
                return error
            return None

        run_modal(RehireDialog(person, today, save, self.window))

    def delete_employee(self) -> None:
        person = self.selection.person()
        if person is None:
            return
        answer = QMessageBox.question(
            self.window,
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
