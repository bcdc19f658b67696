"""Planning a retention action (for one or several employees, or a whole team) and editing
one; marking it done. The dialogs check what was entered and hand it to the `save` their
controller gives them, which makes the change one undoable step; a refusal comes back as
the store's error, shown in the dialog, which stays open with what was entered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from retention_desktop.domain.actions import (
    MAX_COST,
    ActionDraft,
    validate_action,
    validate_completion,
)
from retention_desktop.ui.common.messages import Messages, Refusal
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import (
    ErrorLabel,
    date_edit,
    dialog_buttons,
    size_to_width,
    to_date,
    to_qdate,
)

DEFAULT_DUE = timedelta(days=7)


class ActionDialog(QDialog):
    """New: for `employees` ((id, name) pairs; several = the same action for each) or,
    without them, for a team. Edit: the action's `record` (the store's ActionRecord).

    OK calls `save(draft, team, kind)`: the ActionDraft, the team typed (for a team action)
    and the kind's label; it returns None when saved, else the refusal to show."""

    def __init__(
        self,
        session: Session,
        save: Callable[[ActionDraft, str | None, str], Refusal | None],
        *,
        employees: list[tuple[int, str]] = (),
        team: str | None = None,
        record=None,
        type_code: str | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.save = save
        self.messages = Messages(self)
        self.employees = list(employees)
        self.record = record
        self.action_id = record.action_id if record is not None else None
        self.setObjectName("actionDialog")
        today = session.today()
        form = QFormLayout(self)

        if self.record is not None:
            self.setWindowTitle(self.tr("Edit action"))
            who = self._whose(self.record)
            form.addRow(self.tr("For"), QLabel(who, self, objectName="actionTargetLabel"))
            self.team_combo = None
        elif self.employees:
            names = "、" if session.lang.startswith("zh") else ", "
            shown = names.join(name for _, name in self.employees[:8])
            if len(self.employees) > 8:
                shown += " " + self.tr("and %1 more").replace("%1", str(len(self.employees) - 8))
            self.setWindowTitle(
                self.tr("Plan an action for %1 employees").replace("%1", str(len(self.employees)))
                if len(self.employees) > 1
                else self.tr("Plan an action for %1").replace("%1", self.employees[0][1])
            )
            label = QLabel(shown, self, objectName="actionTargetLabel")
            label.setWordWrap(True)
            form.addRow(self.tr("For"), label)
            self.team_combo = None
        else:
            self.setWindowTitle(self.tr("Plan an action for a team"))
            self.team_combo = QComboBox(self, objectName="actionTeamEdit")
            self.team_combo.setEditable(True)
            self.team_combo.addItems(session.teams())
            if team:
                self.team_combo.setCurrentText(team)
            self.team_error = ErrorLabel(self, "actionTeamError")
            form.addRow(self.tr("&Team *"), self.team_combo)
            form.addRow("", self.team_error)

        self.type_combo = QComboBox(self, objectName="actionTypeEdit")
        self.type_combo.addItem(self.tr("Choose…"), None)
        for item in session.action_types():
            self.type_combo.addItem(item.label, item.id)
        self.type_error = ErrorLabel(self, "actionTypeError")
        self.title_edit = QLineEdit(self, objectName="actionTitleEdit")
        self.title_edit.setPlaceholderText(self.tr("e.g. talk about the night shifts"))
        self.planned_edit = date_edit(self, today, "plannedDateEdit")
        self.planned_error = ErrorLabel(self, "plannedDateError")
        self.due_check = QCheckBox(self.tr("Due by"), self, objectName="dueCheck")
        self.due_edit = date_edit(self, today + DEFAULT_DUE, "dueDateEdit")
        self.due_edit.setEnabled(False)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.due_error = ErrorLabel(self, "dueDateError")
        self.owner_edit = QLineEdit(self, objectName="ownerEdit")
        self.owner_edit.setPlaceholderText(self.tr("who does it, e.g. the team lead"))
        self.cost_spin = QDoubleSpinBox(self, objectName="costSpin")
        self.cost_spin.setRange(0, MAX_COST)
        self.cost_spin.setDecimals(2)
        self.cost_spin.setGroupSeparatorShown(True)
        self.cost_spin.setPrefix(session.currency())
        self.notes_edit = QPlainTextEdit(self, objectName="actionNotesEdit")
        self.notes_edit.setMinimumHeight(70)
        due = QHBoxLayout()
        due.addWidget(self.due_check)
        due.addWidget(self.due_edit, 1)
        form.addRow(self.tr("&Kind of action *"), self.type_combo)
        form.addRow("", self.type_error)
        form.addRow(self.tr("T&itle"), self.title_edit)
        form.addRow(self.tr("&Planned for *"), self.planned_edit)
        form.addRow("", self.planned_error)
        form.addRow("", due)
        form.addRow("", self.due_error)
        form.addRow(self.tr("&Owner"), self.owner_edit)
        form.addRow(self.tr("&Cost"), self.cost_spin)
        form.addRow(self.tr("&Notes"), self.notes_edit)
        self.general_error = ErrorLabel(self, "actionError")
        form.addRow(self.general_error)
        form.addRow(dialog_buttons(self))
        if self.record is not None:
            self._load(self.record.draft)
        elif type_code is not None:  # offered from a reminder: a check-in, say
            for item in session.action_types():
                if item.code == type_code:
                    self.type_combo.setCurrentIndex(self.type_combo.findData(item.id))
        size_to_width(self, 480)

    def _whose(self, record) -> str:
        if record.employee_id is None:
            return self.tr("The whole team %1").replace("%1", record.team or "")
        person = self.session.roster(record.employee_id)
        return person[0].name if person else ""

    def _load(self, draft: ActionDraft) -> None:
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(draft.action_type_id)))
        self.title_edit.setText(draft.title)
        self.planned_edit.setDate(to_qdate(draft.planned_date))
        if draft.due_date is not None:
            self.due_check.setChecked(True)
            self.due_edit.setDate(to_qdate(draft.due_date))
        self.owner_edit.setText(draft.owner)
        self.cost_spin.setValue(draft.cost)
        self.notes_edit.setPlainText(draft.notes)

    def draft(self) -> ActionDraft:
        return ActionDraft(
            action_type_id=self.type_combo.currentData(),
            planned_date=to_date(self.planned_edit.date()),
            title=self.title_edit.text(),
            due_date=to_date(self.due_edit.date()) if self.due_check.isChecked() else None,
            owner=self.owner_edit.text(),
            cost=self.cost_spin.value(),
            notes=self.notes_edit.toPlainText(),
        ).cleaned()

    def _show_error(self, field: str | None, text: str) -> None:
        labels = {
            "action_type": self.type_error,
            "planned_date": self.planned_error,
            "due_date": self.due_error,
            "team": getattr(self, "team_error", None),
        }
        (labels.get(field) or self.general_error).show_error(text)

    def accept(self) -> None:
        for label in (self.type_error, self.planned_error, self.due_error, self.general_error):
            label.show_error("")
        draft = self.draft()
        problems = validate_action(draft)
        team = self.team_combo.currentText().strip() if self.team_combo is not None else None
        if self.team_combo is not None and not team:
            self._show_error("team", self.messages.text("team", "required"))
            return
        if problems:
            first = problems[0]
            self._show_error(first.field, self.messages.text(first.field, first.code))
            return
        error = self.save(draft, team, self.type_combo.currentText())
        if error is not None:
            self._show_error(error.field, self.messages.for_error(error))
            return
        super().accept()


class CompleteDialog(QDialog):
    """Mark a planned action done: the day and what came of it. OK calls
    `save(done_date, outcome)`, which returns None when saved, else the refusal to show."""

    def __init__(
        self,
        session: Session,
        planned_date: date,
        save: Callable[[date, str], Refusal | None],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.messages = Messages(self)
        self.planned_date = planned_date
        self.save = save
        self.setObjectName("completeDialog")
        self.setWindowTitle(self.tr("Mark the action done"))
        today = session.today()
        self.done_edit = date_edit(self, today, "doneDateEdit")
        self.done_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.done_error = ErrorLabel(self, "doneDateError")
        self.outcome_edit = QPlainTextEdit(self, objectName="outcomeEdit")
        self.outcome_edit.setPlaceholderText(
            self.tr("What came of it: what was said, agreed, changed")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Done o&n *"), self.done_edit)
        form.addRow("", self.done_error)
        form.addRow(self.tr("&Outcome"), self.outcome_edit)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark &done"))
        form.addRow(buttons)
        size_to_width(self, 440)

    def accept(self) -> None:
        done_date = to_date(self.done_edit.date())
        problems = validate_completion(self.planned_date, done_date, self.session.today())
        if problems:
            first = problems[0]
            self.done_error.show_error(
                self.messages.text(first.field, first.code, self.planned_date)
            )
            return
        error = self.save(done_date, self.outcome_edit.toPlainText().strip())
        if error is not None:
            self.done_error.show_error(self.messages.for_error(error))
            return
        super().accept()
