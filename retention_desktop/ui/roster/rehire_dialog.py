"""Rehiring someone who left: a new employment spell; the old ones stay as they were."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from retention_desktop.domain.records import validate_rehire
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.widgets import (
    ErrorLabel,
    date_edit,
    dialog_buttons,
    size_to_width,
    to_date,
)

if TYPE_CHECKING:
    from retention_desktop.store.errors import RecordError
    from retention_desktop.store.queries import RosterRow

# save(hire date, team, position): None when saved, else the store's refusal
Save = Callable[[date, str, str], "RecordError | None"]


class RehireDialog(QDialog):
    """A new employment spell for `person`, who left: accepting hands it to `save`, which
    saves it as one undoable step or returns the store's refusal (the dialog then stays
    open)."""

    def __init__(self, person: RosterRow, today: date, save: Save, parent=None) -> None:
        super().__init__(parent)
        self.employee_id = person.employee_id
        self.today = today
        self._save = save
        self.messages = Messages(self)
        self.setObjectName("rehireDialog")
        self.person = person
        self.setWindowTitle(self.tr("Rehire %1").replace("%1", person.name))
        form = QFormLayout(self)
        if person.end_date is not None:
            form.addRow(
                QLabel(
                    self.tr("Left on %1. The earlier employment is kept.").replace(
                        "%1", person.end_date.isoformat()
                    ),
                    self,
                )
            )
        first_day = max(today, (person.end_date or today) + timedelta(days=1))
        self.hire_edit = date_edit(self, first_day, "rehireDateEdit")
        self.hire_error = ErrorLabel(self, "rehireDateError")
        self.team_edit = QLineEdit(person.team, self, objectName="rehireTeamEdit")
        self.position_edit = QLineEdit(person.position, self, objectName="rehirePositionEdit")
        form.addRow(self.tr("&Hire date *"), self.hire_edit)
        form.addRow("", self.hire_error)
        form.addRow(self.tr("&Team"), self.team_edit)
        form.addRow(self.tr("&Position"), self.position_edit)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Rehire"))
        form.addRow(buttons)
        size_to_width(self, 420)

    def accept(self) -> None:
        hire_date = to_date(self.hire_edit.date())
        end = self.person.end_date
        problems = validate_rehire(hire_date, end, end is None, self.today)
        if problems:
            self.hire_error.show_error(self.messages.text(problems[0].field, problems[0].code, end))
            return
        error = self._save(hire_date, self.team_edit.text(), self.position_edit.text())
        if error is not None:
            self.hire_error.show_error(self.messages.for_error(error))
            return
        super().accept()
