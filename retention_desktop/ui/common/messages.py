"""The sentences the screens show for a refused record, in the user's language."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from retention_desktop.store.errors import RecordError


class Refusal(Protocol):
    """What a dialog's `save` returns when the store refused the change (a RecordError):
    the field, the rule (`code`) and the detail its sentence names; Messages words it."""

    field: str | None
    code: str | None
    value: object


class Messages(QObject):
    """Translated text for the rules of domain/records.py and store/records.py, by
    (field, code); `value` fills in the date or name the sentence names."""

    def text(self, field: str | None, code: str | None, value: object = None) -> str:
        value = "" if value is None else str(value)
        known = {
            ("name", "required"): self.tr("Enter the person's name."),
            ("hire_date", "required"): self.tr("Enter the hire date."),
            ("hire_date", "too_far_ahead"): self.tr(
                "The hire date is more than a year ahead; check the year."
            ),
            ("hire_date", "after_end"): self.tr(
                "The hire date is after this person's last working day (%1)."
            ),
            ("hire_date", "overlaps"): self.tr(
                "The hire date must be after the end of the previous employment (%1)."
            ),
            ("hire_date", "still_employed"): self.tr("This person is still employed."),
            ("employee_no", "duplicate"): self.tr("This number is already used by %1."),
            ("last_day", "before_hire"): self.tr(
                "The last working day is before the hire date (%1)."
            ),
            ("last_day", "after_rehire"): self.tr(
                "The last working day must be before the rehire on %1."
            ),
            ("last_day", "ended"): self.tr("This employment has already ended."),
            ("notice_date", "after_last_day"): self.tr(
                "The notice date is after the last working day."
            ),
            ("notice_date", "withdrawn_without"): self.tr(
                "A withdrawn notice needs the day it was given: tick Notice given on."
            ),
            ("stayed_on", "before_notice"): self.tr(
                "The notice cannot be withdrawn before the day it was given."
            ),
            ("stayed_on", "after_last_day"): self.tr(
                "The notice must be withdrawn by the last working day."
            ),
            ("stayed_on", "ahead"): self.tr("The day the notice was withdrawn is ahead of today."),
            ("further_reasons", "repeats_primary"): self.tr(
                "The primary reason is also ticked as a further reason."
            ),
            ("action_type", "required"): self.tr("Choose the kind of action."),
            ("action_type", "retired"): self.tr("This kind of action is retired; choose another."),
            ("planned_date", "required"): self.tr("Enter the planned date."),
            ("planned_date", "after_done"): self.tr(
                "The planned date is after the day it was done (%1)."
            ),
            ("due_date", "before_planned"): self.tr("The due date is before the planned date."),
            ("cost", "out_of_range"): self.tr("The cost is out of range."),
            ("title", "too_long"): self.tr("The title is too long."),
            ("team", "required"): self.tr("Enter the team."),
            ("employee", "required"): self.tr("Choose at least one employee."),
            ("done_date", "required"): self.tr("Enter the day it was done."),
            ("done_date", "in_future"): self.tr("The day it was done is after today."),
            ("done_date", "before_planned"): self.tr(
                "The day it was done is before the planned date (%1)."
            ),
            ("status", "not_planned"): self.tr("Only a planned action can be changed so."),
            ("level", "invalid"): self.tr("Choose the level of risk."),
            ("flagged_on", "required"): self.tr("Enter the date."),
            ("flagged_on", "in_future"): self.tr("The date is after today."),
            ("flagged_on", "before_current"): self.tr(
                "The date is before that of the current flag (%1)."
            ),
            ("cleared_on", "required"): self.tr("Enter the date."),
            ("cleared_on", "in_future"): self.tr("The date is after today."),
            ("cleared_on", "before_flagged"): self.tr("The date is before the flag was set."),
            ("risk", "none"): self.tr("This person is not flagged at risk."),
            ("backup_folder", "missing"): self.tr("The folder %1 is not there."),
            ("backup_folder", "not_writable"): self.tr(
                "You may not write to the folder %1: choose another."
            ),
            ("backups_kept", "range"): self.tr("Keep between 1 and 365 backups."),
            ("exit", "rehired"): self.tr(
                "This person was rehired on %1 after this exit: undo or delete the rehire first."
            ),
        }
        sentence = known.get((field, code)) or self._fault(code)
        return sentence.replace("%1", value) if sentence is not None else ""

    def _fault(self, code: str | None) -> str | None:
        """The sentence of a fault of the file or the disk (store.errors.FaultError);
        %1 is the file's path."""
        return {
            "fault_read_only": self.tr("The file %1 is read-only, so the change was not saved."),
            "fault_disk_full": self.tr(
                "The disk that holds %1 is full, so the change was not saved. Free some "
                "space and save again."
            ),
            "fault_busy": self.tr(
                "Another program is using %1, so the change was not saved. Close it or wait "
                "a moment, then save again."
            ),
            "fault_io": self.tr(
                "The disk could not read or write %1, so the change was not saved."
            ),
            "fault_permission": self.tr(
                "You are not allowed to change %1, so the change was not saved."
            ),
            "fault_missing_folder": self.tr(
                "The folder of %1 is not there (a drive taken out?), so the change was not saved."
            ),
            "fault_path_too_long": self.tr(
                "The path %1 is too long for this system, so nothing was saved."
            ),
            "fault_damaged": self.tr("The file %1 is damaged, so the change was not saved."),
            "fault_other": self.tr("The change could not be saved to %1."),
        }.get(code or "")

    def for_file_error(self, error: BaseException) -> str:
        """The sentence for a file other than the database (a workbook written, a
        spreadsheet read) that the system refused: full disk, open in Excel, no folder…"""
        from retention_desktop.store.faults import file_kind_of

        if not isinstance(error, OSError) or error.filename is None:
            return str(error)
        path = str(error.filename)
        texts = {
            "read_only": self.tr(
                "%1 may not be written (a read-only file or folder). Choose another place."
            ),
            "permission": self.tr(
                "%1 may not be written or read: is it open in Excel or WPS? Close it, or "
                "choose another place."
            ),
            "disk_full": self.tr(
                "The disk that holds %1 is full, so it was not written. Free some space and "
                "try again."
            ),
            "missing_folder": self.tr("The folder of %1 is not there (a drive taken out?)."),
            "missing_file": self.tr("There is no file %1."),
            "path_too_long": self.tr(
                "The path %1 is too long for this system. Choose a shorter one."
            ),
            "io": self.tr("The disk could not read or write %1."),
            "busy": self.tr("Another program is using %1. Close it and try again."),
        }
        sentence = texts.get(file_kind_of(error, path))
        if sentence is None:
            sentence = self.tr("%1 could not be written or read (%2).").replace(
                "%2", error.strerror or str(error)
            )
        return sentence.replace("%1", path)

    def for_error(self, error: RecordError) -> str:
        """The translated sentence for `error`, or its own English one if it has none."""
        holder = getattr(error, "holder", "")
        if error.code == "fault_busy" and holder:  # the program holding the file is known
            return (
                self.tr(
                    "%2 is using %1, so the change was not saved. Close it or wait a moment, "
                    "then save again."
                )
                .replace("%1", str(error.value))
                .replace("%2", holder)
            )
        return self.text(error.field, error.code, error.value) or str(error)
