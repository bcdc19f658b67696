"""The sentences the screens show for a refused record, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QObject

from retention_desktop.store.errors import RecordError


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
            ("further_reasons", "repeats_primary"): self.tr(
                "The primary reason is also ticked as a further reason."
            ),
            ("exit", "rehired"): self.tr(
                "This person was rehired on %1 after this exit: undo or delete the rehire first."
            ),
        }
        sentence = known.get((field, code))
        return sentence.replace("%1", value) if sentence is not None else ""

    def for_error(self, error: RecordError) -> str:
        """The translated sentence for `error`, or its own English one if it has none."""
        return self.text(error.field, error.code, error.value) or str(error)
