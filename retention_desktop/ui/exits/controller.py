"""Exits: the Exits page, recording an exit, opening one, taking one back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from retention_desktop.store import catalog, queries
from retention_desktop.store import records as store_records
from retention_desktop.store.database import Database
from retention_desktop.store.errors import RecordError
from retention_desktop.ui.common.dialogs import run_modal
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.session import EMPLOYEES, EXITS, PLACES, REASONS, SPELLS, Change

if TYPE_CHECKING:
    from retention_desktop.ui.exits.view import ExitsPage


def read_exits(
    db: Database, lang: str, where: queries.ExitFilter, with_choices: bool
) -> tuple[
    tuple[list[str], list[catalog.CatalogItem], list[catalog.CatalogItem]] | None,
    list[queries.ExitRow],
    bool,
]:
    """What the Exits page shows, read off the UI thread: the teams, reasons and
    destinations to filter by (when asked), the exits matching `where`, and whether the
    file holds no exit."""
    choices = None
    if with_choices:
        teams = [t for t in queries.teams(db) if t]
        choices = (
            teams,
            catalog.list_items(db, "exit_reasons", lang, include_retired=True),
            catalog.list_items(db, "destinations", lang, include_retired=True),
        )
    rows = queries.exits(db, lang, where)
    return choices, rows, not rows and queries.counts(db)["exits"] == 0


class ExitsFeature(Feature):
    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.messages = Messages(self)
        self.exit_action = self.action(
            self.tr("Record &exit…"), self.record_exit, "Ctrl+E", "recordExit", writes=True
        )
        self.cancel_exit_action = self.action(
            self.tr("&Undo this exit (employed again)"),
            self.cancel_exit,
            None,
            "cancelExit",
            writes=True,
        )
        self.withdraw_action = self.action(
            self.tr("&Withdraw notice (they stay)…"),
            self.withdraw_notice,
            None,
            "withdrawNotice",
            writes=True,
        )
        self._reads = 0
        self._choices_wanted = True

    def make_page(self) -> ExitsPage:
        from retention_desktop.ui.exits.view import (
            ExitsPage,  # the page's module when the page is first shown
        )

        page = ExitsPage(self.session, self.window)
        page.selection_changed.connect(lambda: self.selection.set_exit(page.current_exit()))
        page.open_requested.connect(self.open_chosen_exit)
        page.filters_changed.connect(self.read)
        return page

    def is_stale_after(self, change: Change) -> bool:
        return change.touches(EMPLOYEES, SPELLS, EXITS, REASONS, PLACES)

    def reload(self) -> None:
        super().reload()
        self._choices_wanted = True
        self.read()

    def read(self) -> None:
        """Read the exits for the filters off the UI thread; the latest request wins."""
        self._reads += 1
        read, filters = self._reads, self.page.filters()
        self.page.show_reading()

        def done(result) -> None:
            if read != self._reads:
                return
            choices, rows, none_recorded = result
            if choices is not None:
                self._choices_wanted = False
                self.page.set_choices(*choices)
                if self.page.filters() != filters:  # the team or reason picked is gone
                    self.read()
                    return
            self.page.show_rows(rows, none_recorded)

        def failed(error: Exception) -> None:
            if read == self._reads:
                self.page.show_failure(error)

        self.session.read(
            self.page, read_exits, self.session.lang, queries.ExitFilter(**filters),
            self._choices_wanted, on_success=done, on_failure=failed,
        )  # fmt: skip

    def update_actions(self) -> None:
        person = self.selection.person()
        self.exit_action.setEnabled(person is not None and person.end_date is None)
        self.cancel_exit_action.setEnabled(self.selection.exit() is not None)
        self.withdraw_action.setEnabled(self._notice_chosen() is not None)

    def _notice_chosen(self) -> tuple[int, int] | None:
        """(employee id, exit id) of the notice chosen: a person on the roster who is
        leaving (their last working day today or ahead), or such an exit on the Exits page."""
        today = self.session.today()
        person, row = self.selection.person(), self.selection.exit()
        if person is not None and person.end_date is not None and person.end_date >= today:
            exit_id = queries.latest_exit(self.session.db, person.employee_id)
            return None if exit_id is None else (person.employee_id, exit_id)
        if row is not None and row.last_day >= today:
            return row.employee_id, row.exit_id
        return None

    def withdraw_notice(self) -> None:
        """The exit dialog of the notice chosen, open at Keep them with "They stayed"."""
        chosen = self._notice_chosen()
        if chosen is not None:
            self._exit_dialog(chosen[0], exit_id=chosen[1], stayed=True)

    def record_exit(self) -> None:
        person = self.selection.person()
        if person is None or person.end_date is not None:
            return
        spell_id = queries.open_spell(self.session.db, person.employee_id)
        if spell_id is not None:
            self._exit_dialog(person.employee_id, spell_id=spell_id)

    def open_chosen_exit(self) -> None:
        row = self.selection.exit()
        if row is not None:
            self.open_exit(row.employee_id, row.exit_id)

    def open_exit(self, employee_id: int, exit_id: int) -> None:
        self._exit_dialog(employee_id, exit_id=exit_id)

    def _exit_dialog(
        self,
        employee_id: int,
        *,
        spell_id: int | None = None,
        exit_id: int | None = None,
        stayed: bool = False,
    ) -> None:
        """The exit dialog for ending that spell or editing that exit; it saves through
        `save`, one undoable step."""
        from retention_desktop.ui.exits.exit_dialog import ExitDialog  # when first used

        session, db = self.session, self.session.db
        record = queries.exit_record(db, exit_id) if exit_id is not None else None
        found = session.roster(employee_id)
        if not found or (exit_id is not None and record is None):
            return
        person = found[0]

        def save(draft) -> RecordError | None:
            today = session.today()
            try:
                if draft.stayed_on is not None:
                    session.change(
                        self.tr("Notice of %1 withdrawn").replace("%1", person.name),
                        (lambda: store_records.record_kept_notice(db, spell_id, draft, today=today))
                        if record is None
                        else (lambda: store_records.withdraw_notice(
                            db, record.exit_id, draft, today=today)),
                        employee_id,
                    )  # fmt: skip
                elif record is None:
                    session.change(
                        self.tr("Exit of %1").replace("%1", person.name),
                        lambda: store_records.record_exit(db, spell_id, draft),
                        employee_id,
                    )
                else:
                    session.change(
                        self.tr("Edit exit of %1").replace("%1", person.name),
                        lambda: store_records.update_exit(db, record.exit_id, draft),
                        employee_id,
                    )
            except RecordError as error:
                return error
            return None

        dialog = ExitDialog(
            person=person, record=record, reasons=session.reasons(include_retired=True),
            lang=session.lang, offers=session.action_types(include_retired=True),
            destinations=session.destinations(include_retired=True),
            today=session.today(), save=save, parent=self.window,
        )  # fmt: skip
        if stayed:
            dialog.show_stayed()
        run_modal(dialog)

    def cancel_exit(self) -> None:
        row = self.selection.exit()
        if row is None:
            return
        answer = QMessageBox.question(
            self.window,
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
            QMessageBox.warning(self.window, self.tr("Undo exit"), self.messages.for_error(error))
