"""Retention actions and risk flags: the Actions page, planning for people or a team,
editing, completing, cancelling, reopening and deleting actions, flagging and clearing
risk, and Does it help?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox

from retention_desktop.domain.actions import PLANNED
from retention_desktop.domain.standing import LEFT, standing
from retention_desktop.store import actions as store_actions
from retention_desktop.store.effect import action_effect
from retention_desktop.store.errors import RecordError
from retention_desktop.ui.actions.model import ActionsModel
from retention_desktop.ui.common.dialogs import run_modal
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.session import ACTIONS, EMPLOYEES, KINDS, SPELLS, Change

if TYPE_CHECKING:
    from retention_desktop.ui.actions.view import ActionsPage


class ActionsFeature(Feature):
    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.messages = Messages(self)
        a = self.action
        self.plan_action = a(self.tr("&Plan action…"), self.plan_for_selected, "Ctrl+P",
                             "planAction", writes=True)  # fmt: skip
        self.flag_action = a(
            self.tr("Flag &at risk…"), self.flag_risk, None, "flagRisk", writes=True
        )
        self.clear_risk_action = a(self.tr("C&lear risk flag…"), self.clear_risk, None,
                                   "clearRisk", writes=True)  # fmt: skip
        self.team_action = a(self.tr("Plan action for a &team…"), self.plan_for_team, None,
                             "teamAction", writes=True)  # fmt: skip
        self.edit_action_action = a(self.tr("&Edit action…"), self.edit_chosen, None,
                                    "editAction", writes=True)  # fmt: skip
        self.done_action = a(self.tr("Mark &done…"), self.complete_chosen, "Ctrl+D",
                             "doneAction", writes=True)  # fmt: skip
        self.cancel_action_action = a(self.tr("&Cancel action…"), self.cancel_chosen, None,
                                      "cancelAction", writes=True)  # fmt: skip
        self.reopen_action = a(self.tr("&Reopen action"), self.reopen_chosen, None,
                               "reopenAction", writes=True)  # fmt: skip
        self.delete_action_action = a(self.tr("De&lete action…"), self.delete_chosen, None,
                                      "deleteAction", writes=True)  # fmt: skip
        self.effect_action = a(self.tr("Does it &help?…"), self.show_effect, None,
                               "effectAction")  # fmt: skip
        self._generation = 0

    def make_page(self) -> ActionsPage:
        from retention_desktop.ui.actions.view import (
            ActionsPage,  # the page's module when the page is first shown
        )

        page = ActionsPage(self.session, self.window)
        page.selection_changed.connect(lambda: self.selection.set_action(page.current_row()))
        page.open_requested.connect(self.edit_chosen)
        page.refresh_requested.connect(self.read_list)
        return page

    def is_stale_after(self, change: Change) -> bool:
        return change.touches(ACTIONS, EMPLOYEES, SPELLS, KINDS)

    def reload(self) -> None:
        super().reload()
        self.page.reload_choices()
        self.read_list()

    def read_list(self) -> None:
        """Read the actions the page's filters choose, off the UI thread; the newest read
        wins."""
        self._generation += 1
        generation, page, session = self._generation, self.page, self.session
        where = store_actions.ActionFilter(**page.filters())
        keep = page.current_action_id()
        currency = session.currency()

        def done(found: store_actions.ActionList) -> None:
            if generation == self._generation:
                page.show_list(found.ids, found.first_rows, found.overdue, currency, keep)

        session.read(
            page, store_actions.action_list, session.lang, where, session.today(),
            ActionsModel.PAGE, on_success=done, on_failure=page.show_failure,
        )  # fmt: skip

    def update_actions(self) -> None:
        staying = self._staying()
        person = self.selection.person()
        self.plan_action.setEnabled(bool(staying))
        self.flag_action.setEnabled(person is not None and person in staying)
        self.clear_risk_action.setEnabled(person is not None and person.risk is not None)
        action = self.selection.action()
        planned = action is not None and action.status == PLANNED
        self.edit_action_action.setEnabled(action is not None)
        self.done_action.setEnabled(planned)
        self.cancel_action_action.setEnabled(planned)
        self.reopen_action.setEnabled(action is not None and not planned)
        self.delete_action_action.setEnabled(action is not None)

    # Planning
    def plan_for(self, people: list[tuple[int, str]], type_code: str | None = None) -> None:
        """The plan dialog for these (employee id, name); one action each."""
        from retention_desktop.ui.actions.action_dialog import ActionDialog

        if not people:
            return
        db, ids = self.session.db, [i for i, _ in people]

        def save(draft, _team, kind: str):
            text = self.tr("Plan %1").replace("%1", kind)
            if len(ids) == 1:
                work = lambda: store_actions.plan_action(db, draft, employee_id=ids[0])  # noqa: E731
                return refusal(lambda: self.session.change(text, work, ids[0]))
            work = lambda: store_actions.plan_for_employees(db, draft, ids)  # noqa: E731
            return refusal(lambda: self.session.change_people(text, work, ids))

        run_modal(
            ActionDialog(
                self.session, save, employees=people, type_code=type_code, parent=self.window
            )
        )

    def _staying(self) -> list:
        """The people chosen on the roster who have not left: on notice too (a try to
        keep them), and a hire not yet begun."""
        today = self.session.today()
        return [row for row in self.selection.people()
                if standing(row.hire_date, row.end_date, today) != LEFT]  # fmt: skip

    def plan_for_selected(self) -> None:
        """The same action for each person chosen on the roster who has not left."""
        self.plan_for([(r.employee_id, r.name) for r in self._staying()])

    def plan_for_team(self) -> None:
        from retention_desktop.ui.actions.action_dialog import ActionDialog

        db = self.session.db

        def save(draft, team: str, kind: str):
            text = self.tr("Plan %1 for %2").replace("%1", kind).replace("%2", team)
            work = lambda: store_actions.plan_action(db, draft, team=team)  # noqa: E731
            return refusal(lambda: self.session.change_team_action(text, work))

        # the team the Actions page filters on (once it has been made), else the person's
        listed = self.page.team_combo.team() if self.has_page() else None
        team = listed or self.selection.team()
        run_modal(ActionDialog(self.session, save, team=team, parent=self.window))

    def edit(self, action_id: int) -> None:
        from retention_desktop.ui.actions.action_dialog import ActionDialog

        db = self.session.db
        record = store_actions.action_record(db, action_id)
        if record is None:  # deleted since the list was read
            return

        def save(draft, _team, kind: str):
            text = self.tr("Edit %1").replace("%1", kind)
            work = lambda: store_actions.update_action(db, action_id, draft)  # noqa: E731
            return refusal(lambda: self._change(record, text, work))

        run_modal(ActionDialog(self.session, save, record=record, parent=self.window))

    # The chosen action
    def edit_chosen(self) -> None:
        if (row := self.selection.action()) is not None:
            self.edit(row.action_id)

    def complete_chosen(self) -> None:
        from retention_desktop.ui.actions.action_dialog import CompleteDialog

        row = self.selection.action()
        if row is None or row.status != PLANNED:
            return
        db, today = self.session.db, self.session.today()
        record = store_actions.action_record(db, row.action_id)
        if record is None:
            return

        def save(done_date, outcome: str):
            work = lambda: store_actions.complete_action(  # noqa: E731
                db, record.action_id, done_date, outcome, today=today
            )
            return refusal(lambda: self._change(record, self.tr("Mark done"), work))

        run_modal(CompleteDialog(self.session, record.draft.planned_date, save, self.window))

    def cancel_chosen(self) -> None:
        row = self.selection.action()
        if row is None or row.status != PLANNED:
            return
        note, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Cancel action"),
            self.tr("Cancel %1? Why (optional):").replace("%1", row.title or row.action_type),
        )  # fmt: skip
        if ok:
            self._step(
                row, self.tr("Cancel %1").replace("%1", row.action_type),
                lambda db: store_actions.cancel_action(db, row.action_id, note.strip()),
            )  # fmt: skip

    def reopen_chosen(self) -> None:
        row = self.selection.action()
        if row is not None and row.status != PLANNED:
            self._step(
                row, self.tr("Reopen %1").replace("%1", row.action_type),
                lambda db: store_actions.reopen_action(db, row.action_id),
            )  # fmt: skip

    def delete_chosen(self) -> None:
        row = self.selection.action()
        if row is None:
            return
        answer = QMessageBox.question(
            self.window, self.tr("Delete action"),
            self.tr("Delete %1 (%2)? Undo (Ctrl+Z) brings it back.")
            .replace("%1", row.action_type).replace("%2", row.planned_date.isoformat()),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._step(
                row, self.tr("Delete %1").replace("%1", row.action_type),
                lambda db: store_actions.delete_action(db, row.action_id),
            )  # fmt: skip

    def _change(self, row, text: str, work):
        """Make `work` (a store call on the action `row`: an ActionRow or ActionRecord)
        one undoable step: of its person, or of the team action alone."""
        if row.employee_id is None:
            return self.session.change_team_action(text, work, row.action_id)
        return self.session.change(text, work, row.employee_id)

    def _step(self, row, text: str, work) -> None:
        """One undoable change of the action `row`; a refusal is shown."""
        db = self.session.db
        error = refusal(lambda: self._change(row, text, lambda: work(db)))
        if error is not None:
            QMessageBox.warning(self.window, text, self.messages.for_error(error))

    # Risk
    def flag_risk(self) -> None:
        from retention_desktop.ui.actions.risk_dialog import RiskDialog

        person = self.selection.person()
        if person is None or person not in self._staying():
            return
        session, employee_id = self.session, person.employee_id
        history = store_actions.risk_history(session.db, employee_id, session.lang)

        def save(draft):
            today = session.today()
            work = lambda: store_actions.flag_risk(session.db, employee_id, draft, today=today)  # noqa: E731
            return refusal(lambda: session.change(self.tr("Flag at risk"), work, employee_id))

        run_modal(RiskDialog(session, person.name, history, save, self.window))

    def clear_risk(self) -> None:
        from retention_desktop.ui.actions.risk_dialog import ClearRiskDialog

        person = self.selection.person()
        if person is None or person.risk is None:
            return
        session, employee_id = self.session, person.employee_id
        current = store_actions.current_risk(session.db, employee_id, session.lang)

        def save(cleared_on, note: str):
            today = session.today()
            work = lambda: store_actions.clear_risk(  # noqa: E731
                session.db, employee_id, cleared_on, note, today=today
            )
            return refusal(lambda: session.change(self.tr("Clear risk flag"), work, employee_id))

        run_modal(ClearRiskDialog(session, person.name, current, save, self.window))

    def show_effect(self) -> None:
        """Does it help?: the figures are counted in the background for the dialog."""
        from retention_desktop.ui.actions.effect_dialog import EffectDialog

        session = self.session
        dialog = EffectDialog(session, self.window)
        session.read(
            dialog, action_effect, session.lang, session.today(),
            on_success=dialog.show_rows, on_failure=dialog.show_failure,
        )  # fmt: skip
        run_modal(dialog)


def refusal(work) -> RecordError | None:
    """Run `work`; the store's refusal (nothing was written) if it refused, else None."""
    try:
        work()
    except RecordError as error:
        return error
    return None
