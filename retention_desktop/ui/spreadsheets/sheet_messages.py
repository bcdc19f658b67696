"""What the spreadsheet reader and the import say, in the user's language: field names,
file errors and row problems, by their codes (the readers give English sentences for the
command line)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from retention_desktop.domain.exchange import Problem
from retention_desktop.sheets.model import SheetError


def fill(template: str, *values: object) -> str:
    for n, value in enumerate(values, start=1):
        template = template.replace(f"%{n}", str(value))
    return template


class SheetMessages(QObject):
    def field(self, name: str) -> str:
        return {
            "employee_no": self.tr("Employee no."),
            "name": self.tr("Name"),
            "team": self.tr("Team"),
            "position": self.tr("Position"),
            "hire_date": self.tr("Hire date"),
            "exit_date": self.tr("Exit date"),
            "exit_type": self.tr("Exit type"),
            "exit_reason": self.tr("Exit reason"),
            "phone": self.tr("Phone"),
            "notes": self.tr("Notes"),
            "exit_way": self.tr("Way of leaving"),
            "destination": self.tr("Destination"),
        }.get(name, name)

    def join(self, items: list[str]) -> str:
        separator = "、" if QLocale().language() == QLocale.Language.Chinese else ", "
        return separator.join(items)

    def sheet_error(self, error: SheetError) -> str:
        p = error.params
        texts = {
            "not_a_spreadsheet": self.tr(
                "This is not a spreadsheet. Choose an .xlsx file or a .csv file saved from "
                "Excel or WPS."
            ),
            "empty": self.tr("The file is empty."),
            "only_headers": self.tr("The file has a header row but no rows of data under it."),
            "encrypted_or_xls": self.tr(
                "The file is password-protected or an old .xls workbook. Open it in Excel or "
                "WPS and save it as .xlsx without a password."
            ),
            "damaged": self.tr(
                "The workbook is damaged or incomplete (was it copied in full?). Open it in "
                "Excel or WPS and save it again."
            ),
            "zip_bomb": self.tr(
                "The workbook unpacks to far more data than a roster holds, so it was not "
                "opened (it may be built to harm the computer)."
            ),
            "xml_entities": self.tr(
                "The workbook contains XML entity declarations, which a real spreadsheet "
                "does not; it was not opened (it may be built to harm the computer)."
            ),
            "too_many_rows": fill(
                self.tr("The file has more than %1 rows. Split it into smaller files."),
                f"{p.get('limit', ''):,}" if isinstance(p.get("limit"), int) else "",
            ),
            "too_many_cells": fill(
                self.tr(
                    "The file holds far more cells than a roster (over %1). Copy the roster's "
                    "columns and rows into a new workbook and import that."
                ),
                f"{p.get('limit', ''):,}" if isinstance(p.get("limit"), int) else "",
            ),
            "encoding": self.tr(
                "The encoding of the file's text could not be recognised. Save it from "
                'Excel as "CSV UTF-8" or as .xlsx.'
            ),
            "merged_header": fill(
                self.tr(
                    "The header row has merged cells (%1). Unmerge them so that each column "
                    "has its own header."
                ),
                p.get("cells", ""),
            ),
        }
        return texts.get(error.code, str(error))

    def _ended(self, day: str) -> str:
        return fill(self.tr("ended %1"), day) if day else self.tr("is still open")

    def problem(self, problem: Problem) -> str:
        """The problem in the user's language (the row and column are shown beside it)."""
        p, value = problem.params, problem.value or ""
        field = self.field(problem.field) if problem.field else ""
        texts = {
            "missing_column": fill(
                self.tr("No column for %1 was found: choose the column that holds it."), field
            ),
            "duplicate_column": fill(self.tr("Two columns are imported as %1."), field),
            "date_order_needed": self.tr(
                "Dates such as 03/05/2024 could be read either way: choose the order of slash "
                "dates."
            ),
            "date_order_conflict": self.tr(
                "Slash dates in the file are written in different orders: correct them."
            ),
            "required": fill(self.tr("%1 is missing."), field),
            "too_long": fill(
                self.tr("%1 is %2 characters long, at most %3 are allowed."),
                field,
                f"{p.get('length', 0):,}",
                p.get("limit", ""),
            ),
            "bad_date": fill(self.tr("%1 is not a date."), value),
            "two_digit_year": fill(self.tr("%1: write the year with four digits."), value),
            "exit_before_hire": fill(self.tr("The exit date %1 is before the hire date."), value),
            "bad_exit_type": fill(
                self.tr("%1 is not an exit type: write voluntary or involuntary (主动 or 被动)."),
                value,
            ),
            "bad_exit_way": fill(
                self.tr(
                    "%1 is not a way of leaving: write resignation, walked off, mutual "
                    "agreement, dismissal, contract end or failed probation (辞职, 自离, "
                    "协商解除, 辞退, 合同到期 or 试用期不合格)."
                ),
                value,
            ),
            "exit_details_without_exit": self.tr(
                "An exit type, reason, way of leaving or destination is given but no exit date."
            ),
            "formula": fill(self.tr("A formula (%1): type the value instead."), value),
            "duplicate": fill(self.tr("The same as row %1."), p.get("other_row", "")),
            "overlap": fill(
                self.tr("Overlaps the employment on row %1 of the same employee no."),
                p.get("other_row", ""),
            ),
            "two_open": fill(
                self.tr("Row %1 has the same employee no. still employed too."),
                p.get("other_row", ""),
            ),
            "name_differs": fill(
                self.tr("Row %1 gives another name for this employee no."),
                p.get("other_row", ""),
            ),
            "number_taken": fill(
                self.tr("Employee no. %1 is %2 in the database."), value, p.get("name", "")
            ),
            "exit_differs": fill(
                self.tr("In the database this employment %1; in the file it %2."),
                self._ended(p.get("database", "")),
                self._ended(value),
            ),
            "overlaps_database": fill(
                self.tr("Overlaps the employment in the database from %1 to %2."),
                p.get("start", ""),
                p.get("end") or self.tr("now"),
            ),
        }
        return texts.get(problem.code, problem.message)
