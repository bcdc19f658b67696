"""Adding and editing a person: details with their rules shown next to the fields, and the
person's history (employment spells, exits, retention actions)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.records import TEXT_LIMITS, EmployeeDraft, validate_employee
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.widgets import ErrorLabel, date_edit, dialog_buttons, to_date

if TYPE_CHECKING:
    from retention_desktop.store.errors import RecordError
    from retention_desktop.store.queries import SpellRow
    from retention_desktop.ui.roster.person import PersonFile


def _completer(parent: QWidget, values: list[str]) -> QCompleter:
    completer = QCompleter(QStringListModel(values, parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


def _read_only_table(parent: QWidget, object_name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class EmployeeDialog(QDialog):
    """A new person (no `person`), or that person's details and history. Accepting
    hands the draft to `save`, which saves it as one undoable step and returns the
    person's id, or returns the store's refusal (the dialog then stays open); cancelling
    changes nothing. The teams and positions offered come later, by `set_choices`."""

    exit_requested = Signal(int)  # an exit of the history double-clicked: its id

    def __init__(
        self,
        person: PersonFile | None,
        today: date,
        save: Callable[[EmployeeDraft], int | RecordError],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.employee_id: int | None = None
        self.today = today
        self._save = save
        self.messages = Messages(self)
        self.setObjectName("employeeDialog")
        draft = person.draft if person else None
        self.setWindowTitle(
            self.tr("Edit %1").replace("%1", draft.name) if draft else self.tr("New employee")
        )

        details = QWidget(self)
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(details, objectName="nameEdit")
        self.name_edit.setMaxLength(TEXT_LIMITS["name"])
        self.number_edit = QLineEdit(details, objectName="numberEdit")
        self.number_edit.setMaxLength(TEXT_LIMITS["employee_no"])
        self.hire_edit = date_edit(details, today, "hireDateEdit")
        self.team_edit = QLineEdit(details, objectName="teamEdit")
        self.team_edit.setCompleter(_completer(self, []))
        self.position_edit = QLineEdit(details, objectName="positionEdit")
        self.position_edit.setCompleter(_completer(self, []))
        self.phone_edit = QLineEdit(details, objectName="phoneEdit")
        self.phone_edit.setMaxLength(TEXT_LIMITS["phone"])
        self.notes_edit = QPlainTextEdit(details, objectName="notesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(70)
        self.errors = {
            field: ErrorLabel(details, f"{field}Error")
            for field in ("name", "employee_no", "hire_date")
        }
        self.team_edit.setPlaceholderText(self.tr("e.g. 售前客服"))
        form.addRow(self.tr("&Name *"), self.name_edit)
        form.addRow("", self.errors["name"])
        form.addRow(self.tr("E&mployee no."), self.number_edit)
        form.addRow("", self.errors["employee_no"])
        form.addRow(self.tr("&Hire date *"), self.hire_edit)
        form.addRow("", self.errors["hire_date"])
        form.addRow(self.tr("&Team"), self.team_edit)
        form.addRow(self.tr("&Position"), self.position_edit)
        form.addRow(self.tr("Phon&e"), self.phone_edit)
        form.addRow(self.tr("N&otes"), self.notes_edit)
        self.name_edit.textEdited.connect(lambda: self.errors["name"].show_error(""))
        self.number_edit.textEdited.connect(lambda: self.errors["employee_no"].show_error(""))
        self.hire_edit.dateChanged.connect(lambda: self.errors["hire_date"].show_error(""))

        buttons = dialog_buttons(self)

        layout = QVBoxLayout(self)
        if person is None:
            layout.addWidget(details)
            self.tabs = None
        else:
            self.tabs = QTabWidget(self)
            self.tabs.setObjectName("employeeTabs")
            self.tabs.addTab(details, self.tr("Details"))
            self.tabs.addTab(self._history(person), self.tr("History"))
            self.tabs.addTab(self._timeline(person), self.tr("Timeline"))
            layout.addWidget(self.tabs)
            self._load(person.draft)
        layout.addWidget(buttons)
        self.resize(560, 520 if draft else 440)
        self.name_edit.setFocus()

    def set_choices(self, choices: tuple[list[str], list[str]]) -> None:
        """The teams and positions offered as the user types."""
        teams, positions = choices
        self.team_edit.completer().model().setStringList(teams)
        self.position_edit.completer().model().setStringList(positions)

    def _load(self, draft: EmployeeDraft) -> None:
        self.name_edit.setText(draft.name)
        self.number_edit.setText(draft.employee_no or "")
        if draft.hire_date:
            self.hire_edit.setDate(draft.hire_date)
        self.team_edit.setText(draft.team)
        self.position_edit.setText(draft.position)
        self.phone_edit.setText(draft.phone)
        self.notes_edit.setPlainText(draft.notes)

    def _history(self, person: PersonFile) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        spells = person.spells
        layout.addWidget(QLabel(self.tr("Employment"), page))
        self.spells_table = _read_only_table(
            page,
            "spellsTable",
            [
                self.tr("Hired"),
                self.tr("Last day"),
                self.tr("Team"),
                self.tr("Position"),
                self.tr("Exit"),
            ],
        )
        _fill(
            self.spells_table,
            [
                [
                    s.hire_date.isoformat(),
                    s.end_date.isoformat() if s.end_date else self.tr("still employed"),
                    s.team,
                    s.position,
                    self._exit_text(s) if s.exit_id else "",
                ]
                for s in spells
            ],
        )
        self.spells_table.doubleClicked.connect(
            lambda index: self._exit_chosen(spells[index.row()])
        )
        self.spells_table.setToolTip(self.tr("Double-click an exit to open it."))
        layout.addWidget(self.spells_table)
        actions = person.actions
        layout.addWidget(QLabel(self.tr("Retention actions"), page))
        self.actions_table = _read_only_table(
            page,
            "actionsTable",
            [self.tr("Planned"), self.tr("Action"), self.tr("Title"), self.tr("Status")],
        )
        status = {
            "planned": self.tr("planned"),
            "done": self.tr("done"),
            "cancelled": self.tr("cancelled"),
        }
        _fill(
            self.actions_table,
            [
                [a.planned_date.isoformat(), a.action_type, a.title, status[a.status]]
                for a in actions
            ],
        )
        if not actions:
            none = QLabel(self.tr("No retention actions for this person yet."), page)
            none.setObjectName("noActionsLabel")
            layout.addWidget(none)
            self.actions_table.hide()
        layout.addWidget(self.actions_table)
        return page

    def _exit_chosen(self, spell) -> None:
        if spell.exit_id:
            self.exit_requested.emit(spell.exit_id)

    def _timeline(self, person: PersonFile) -> QWidget:
        """Spells, exits, actions and risk flags in one chronological list."""
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.timeline_table = _read_only_table(
            page,
            "timelineTable",
            [
                self.tr("Date"),
                self.tr("What"),
                self.tr("Details", "timeline column"),
                self.tr("Note"),
            ],
        )
        _fill(self.timeline_table, person.timeline)
        layout.addWidget(self.timeline_table)
        return page

    def _exit_text(self, spell: SpellRow) -> str:
        kind = {
            "voluntary": self.tr("voluntary"),
            "involuntary": self.tr("involuntary"),
            None: "",
        }[spell.exit_type]
        reason = spell.reason or self.tr("no reason given")
        return self.tr("%1: %2").replace("%1", kind).replace("%2", reason) if kind else reason

    def draft(self) -> EmployeeDraft:
        return EmployeeDraft(
            name=self.name_edit.text(),
            hire_date=to_date(self.hire_edit.date()),
            employee_no=self.number_edit.text(),
            team=self.team_edit.text(),
            position=self.position_edit.text(),
            phone=self.phone_edit.text(),
            notes=self.notes_edit.toPlainText(),
        ).cleaned()

    def _show_problem(self, field: str | None, text: str) -> None:
        label = self.errors.get(field or "")
        if label is None:
            label = self.errors["name"]
        label.show_error(text)
        if self.tabs is not None:
            self.tabs.setCurrentIndex(0)
        {"name": self.name_edit, "employee_no": self.number_edit}.get(
            field or "", self.hire_edit
        ).setFocus()

    def accept(self) -> None:
        draft = self.draft()
        for label in self.errors.values():
            label.show_error("")
        problems = validate_employee(draft, self.today)
        for problem in problems:
            self.errors[problem.field].show_error(self.messages.text(problem.field, problem.code))
        if problems:
            self._show_problem(problems[0].field, self.errors[problems[0].field].text())
            return
        saved = self._save(draft)
        if not isinstance(saved, int):
            self._show_problem(saved.field, self.messages.for_error(saved))
            return
        self.employee_id = saved
        super().accept()
