"""Retention actions and risk flags: the Actions page, planning for people or a team,
editing, completing, cancelling, reopening and deleting actions, flagging and clearing
risk, and Does it help?"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from retention_desktop.domain.actions import PLANNED
from retention_desktop.store import actions as store_actions
from retention_desktop.store.errors import RecordError
from retention_desktop.ui.actions.view import ActionsPage
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.session import ACTIONS, EMPLOYEES, KINDS, SPELLS, Change


class ActionsFeature(Feature):
    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.page = ActionsPage(session, window)
        self.messages = Messages(self)
        a = self.action
        self.plan_action = a(self.tr("&Plan action…"), self.plan_for_selected, "Ctrl+P",
                             "planAction")  # fmt: skip
        self.flag_action = a(self.tr("Flag &at risk…"), self.flag_risk, None, "flagRisk")
        self.clear_risk_action = a(self.tr("C&lear risk flag…"), self.clear_risk, None,
                                   "clearRisk")  # fmt: skip
        self.team_action = a(self.tr("Plan action for a &team…"), self.plan_for_team, None,
                             "teamAction")  # fmt: skip
        self.edit_action_action = a(self.tr("&Edit action…"), self.edit_chosen, None,
                                    "editAction")  # fmt: skip
        self.done_action = a(self.tr("Mark &done…"), self.complete_chosen, "Ctrl+D",
                             "doneAction")  # fmt: skip
        self.cancel_action_action = a(self.tr("&Cancel action…"), self.cancel_chosen, None,
                                      "cancelAction")  # fmt: skip
        self.reopen_action = a(self.tr("&Reopen action"), self.reopen_chosen, None,
                               "reopenAction")  # fmt: skip
        self.delete_action_action = a(self.tr("De&lete action…"), self.delete_chosen, None,
                                      "deleteAction")  # fmt: skip
        self.effect_action = a(self.tr("Does it &help?…"), self.show_effect, None,
                               "effectAction")  # fmt: skip
        self.page.selection_changed.connect(
            lambda: self.selection.set_action(self.page.current_row())
        )
        self.page.open_requested.connect(self.edit_chosen)

    def is_stale_after(self, change: Change) -> bool:
        return change.touches(ACTIONS, EMPLOYEES, SPELLS, KINDS)

    def reload(self) -> None:
        super().reload()
        self.page.reload_choices()
        self.page.refresh()

    def update_actions(self) -> None:
        active = [row for row in self.selection.people() if row.end_date is None]
        person = self.selection.person()
        self.plan_action.setEnabled(bool(active))
        self.flag_action.setEnabled(person is not None and person.end_date is None)
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

        if people:
            ActionDialog(
                self.session, employees=people, type_code=type_code, parent=self.window
            ).exec()

    def plan_for_selected(self) -> None:
        """The same action for each active employee selected on the roster."""
        self.plan_for([(r.employee_id, r.name) for r in self.selection.people()
                       if r.end_date is None])  # fmt: skip

    def plan_for_team(self) -> None:
        from retention_desktop.ui.actions.action_dialog import ActionDialog

        team = self.page.team_combo.team() or self.selection.team()
        ActionDialog(self.session, team=team, parent=self.window).exec()

    def edit(self, action_id: int) -> None:
        from retention_desktop.ui.actions.action_dialog import ActionDialog

        ActionDialog(self.session, action_id=action_id, parent=self.window).exec()

    # The chosen action
    def edit_chosen(self) -> None:
        if (row := self.selection.action()) is not None:
            self.edit(row.action_id)

    def complete_chosen(self) -> None:
        from retention_desktop.ui.actions.action_dialog import CompleteDialog

        row = self.selection.action()
        if row is not None and row.status == PLANNED:
            CompleteDialog(self.session, row.action_id, self.window).exec()

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

    def _step(self, row, text: str, work) -> None:
        """One undoable change of the action `row`; a refusal is shown."""
        db = self.session.db
        try:
            if row.employee_id is None:
                self.session.change_team_action(text, lambda: work(db), row.action_id)
            else:
                self.session.change(text, lambda: work(db), row.employee_id)
        except RecordError as error:
            QMessageBox.warning(self.window, text, self.messages.for_error(error))

    # Risk
    def flag_risk(self) -> None:
        from retention_desktop.ui.actions.risk_dialog import RiskDialog

        person = self.selection.person()
        if person is not None and person.end_date is None:
            RiskDialog(self.session, person.employee_id, person.name, self.window).exec()

    def clear_risk(self) -> None:
        from retention_desktop.ui.actions.risk_dialog import ClearRiskDialog

        person = self.selection.person()
        if person is not None and person.risk is not None:
            ClearRiskDialog(self.session, person.employee_id, person.name, self.window).exec()

    def show_effect(self) -> None:
        from retention_desktop.ui.actions.effect_dialog import EffectDialog

        EffectDialog(self.session, self.window).exec()
