"""Rehiring someone who left: a new employment spell; the old ones stay as they were."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from retention_desktop.domain.records import validate_rehire
from retention_desktop.store import queries
from retention_desktop.store import records as store_records
from retention_desktop.store.errors import RecordError
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import ErrorLabel, date_edit, dialog_buttons, to_date


class RehireDialog(QDialog):
    def __init__(self, session: Session, employee_id: int, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.employee_id = employee_id
        self.messages = Messages(self)
        self.setObjectName("rehireDialog")
        person = queries.roster(session.db, employee_id)[0]
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
        first_day = max(session.today(), (person.end_date or session.today()) + timedelta(days=1))
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
        self.resize(420, 0)

    def accept(self) -> None:
        hire_date = to_date(self.hire_edit.date())
        end = self.person.end_date
        today = self.session.today()
        problems = validate_rehire(hire_date, end, end is None, today)
        if problems:
            self.hire_error.show_error(self.messages.text(problems[0].field, problems[0].code, end))
            return
        db, employee_id = self.session.db, self.employee_id
        team, position = self.team_edit.text(), self.position_edit.text()
        try:
            self.session.change(
                self.tr("Rehire %1").replace("%1", self.person.name),
                lambda: store_records.rehire(
                    db, employee_id, hire_date, team=team, position=position, today=today
                ),
                employee_id,
            )
        except RecordError as error:
            self.hire_error.show_error(self.messages.for_error(error))
            return
        super().accept()
