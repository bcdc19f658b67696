"""File > Import: a roster from an .xlsx or .csv file, checked before anything is written.

The file is read off the UI thread. The dialog shows the column each header feeds (the
user can correct it), the order of slash dates, the first rows, and every problem with
its row and column; Import is possible only when the file is clean and nothing in it
contradicts the database. The import itself runs off the UI thread too, after a backup,
in one transaction that Cancel rolls back. The dialog is given what checks the rows against
the database and what writes them (the controller's store calls)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from retention_desktop.domain.exchange import DATE_ORDERS, FIELDS, ImportRow, ParsedFile
from retention_desktop.sheets.model import Cancelled, SheetError
from retention_desktop.ui.common.jobs import run_with_progress
from retention_desktop.ui.common.messages import Messages
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import ERROR_STYLE, set_up_record_table, words_only
from retention_desktop.ui.spreadsheets.sheet_messages import SheetMessages

if TYPE_CHECKING:
    from retention_desktop.store.importing import ImportSummary

AUTO = "auto"  # the date order the file shows

# (rows, columns) -> what importing them would do, and its problems (off the UI thread)
Plan = Callable[[Sequence[ImportRow], Sequence[str]], "ImportSummary"]
# (rows, columns, progress, cancelled) -> what was imported; raises Cancelled on Cancel
Write = Callable[..., "ImportSummary"]


class ImportDialog(QDialog):
    def __init__(
        self, session: Session, path: Path, parent=None, *, plan: Plan, write: Write
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.path = Path(path)
        self._plan, self._write = plan, write
        self.messages = SheetMessages(self)
        self.parsed: ParsedFile | None = None
        self.plan: ImportSummary | None = None
        self.result: ImportSummary | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import %1").replace("%1", self.path.name))

        self.file_label = QLabel(self, objectName="importFileLabel")
        self.file_label.setWordWrap(True)
        self.status_label = QLabel(self, objectName="importStatusLabel")
        self.status_label.setWordWrap(True)

        columns = QGroupBox(self.tr("Columns"), self)
        self.mapping_table = QTableWidget(0, 2, columns)
        self.mapping_table.setObjectName("mappingTable")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Header in the file"), self.tr("Imported as")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.date_order_combo = QComboBox(columns, objectName="dateOrderCombo")
        self.date_order_combo.addItem(self.tr("As the file shows"), AUTO)
        for order, text in zip(
            DATE_ORDERS,
            (self.tr("Year/month/day"), self.tr("Month/day/year (US)"),
             self.tr("Day/month/year")),
            strict=True,
        ):  # fmt: skip
            self.date_order_combo.addItem(text, order)
        self.check_button = QPushButton(self.tr("Check &again"), columns)
        self.check_button.setObjectName("checkAgainButton")
        self.check_button.setToolTip(self.tr("Read the file again with these columns"))
        self.check_button.clicked.connect(self.check)
        form = QFormLayout()
        form.addRow(self.tr("Slash &dates such as 03/05/2024"), self.date_order_combo)
        box = QVBoxLayout(columns)
        box.addWidget(self.mapping_table)
        box.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.check_button)
        box.addLayout(row)

        self.preview_model = QStandardItemModel(self)
        preview = QGroupBox(self.tr("First rows"), self)
        self.preview_view = QTableView(preview)
        set_up_record_table(self.preview_view, "previewView")
        self.preview_view.setModel(self.preview_model)
        QVBoxLayout(preview).addWidget(self.preview_view)

        self.problem_model = QStandardItemModel(self)
        self.problem_model.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        problems = self.problem_box = QGroupBox(self.tr("Problems"), self)
        self.problem_view = QTableView(problems)
        set_up_record_table(self.problem_view, "problemView")
        self.problem_view.setModel(self.problem_model)
        self.problem_view.setWordWrap(True)
        self.problem_view.horizontalHeader().setStretchLastSection(True)
        QVBoxLayout(problems).addWidget(self.problem_view)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(columns)
        top.addWidget(preview)
        top.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(problems)
        split.setSizes([400, 200])  # the columns above need the room more

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        words_only(self.buttons)
        self.buttons.setObjectName("buttons")
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(split, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.resize(1000, 680)
        self.file_label.setText(self.path.name)

    # Reading and checking
    def mapping(self) -> list[str | None] | None:
        if self.parsed is None:
            return None
        return [
            self.mapping_table.cellWidget(n, 1).currentData()
            for n in range(self.mapping_table.rowCount())
        ]

    def date_order(self) -> str | None:
        order = self.date_order_combo.currentData()
        return None if order == AUTO else order

    def check(self) -> None:
        """Read the file (with the columns and date order chosen) and check its rows
        against the database, off the UI thread."""
        path, plan_import = self.path, self._plan
        mapping, order = self.mapping(), self.date_order()
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Reading %1…").replace("%1", path.name))

        def work(progress, cancelled) -> tuple:
            # openpyxl (and numpy, which it loads) imported here, off the UI thread
            from retention_desktop.sheets.importing import read_import

            parsed = read_import(
                path, mapping=mapping, date_order=order, progress=progress, cancelled=cancelled
            )
            plan = plan_import(parsed.rows, parsed.columns) if parsed.clean else None
            return parsed, plan

        self.progress = run_with_progress(
            self, self.tr("Reading %1…").replace("%1", path.name), work, self._checked,
            self._unreadable,
        )  # fmt: skip

    def _unreadable(self, error: Exception) -> None:
        self.check_button.setEnabled(self.parsed is not None)
        if isinstance(error, Cancelled):
            self.status_label.setText(self.tr("Reading was cancelled."))
            return
        if isinstance(error, SheetError):
            text = self.messages.sheet_error(error)
        else:
            text = self.tr("%1 could not be read: %2").replace("%1", self.path.name)
            text = text.replace("%2", str(error))
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(text)

    def _checked(self, result: tuple[ParsedFile, ImportSummary | None]) -> None:
        parsed, plan = result
        self.parsed, self.plan = parsed, plan
        self.check_button.setEnabled(True)
        where = self.path.name
        if parsed.sheet:
            where = self.tr("%1, sheet %2").replace("%1", where).replace("%2", parsed.sheet)
        if parsed.encoding:
            where = self.tr("%1 (%2)").replace("%1", where).replace("%2", parsed.encoding)
        self.file_label.setText(
            self.tr("%1: %2 rows").replace("%1", where).replace("%2", str(parsed.row_count))
        )
        self._show_mapping(parsed)
        self._show_preview(parsed)
        problems = list(parsed.problems) + (list(plan.problems) if plan else [])
        self._show_problems(problems)
        if parsed.date_order is not None and self.date_order_combo.currentData() == AUTO:
            combo = self.date_order_combo
            shown = combo.itemText(combo.findData(parsed.date_order))
            combo.setItemText(0, self.tr("As the file shows: %1").replace("%1", shown))
        if problems:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(
                self.tr(
                    "%1 problems. Nothing is imported until the file is clean: correct the "
                    "file (or the columns above) and check again."
                ).replace("%1", str(len(problems)))
            )
        elif plan is not None and not plan.changes:
            self.status_label.setText(
                self.tr("Everything in this file is in the database already (%1 rows).").replace(
                    "%1", str(plan.already_there)
                )
            )
        elif plan is not None:
            self.status_label.setText(self.plan_text(plan))
        self.import_button.setEnabled(not problems and plan is not None and plan.changes)

    def _counts_text(self, template: str, summary: ImportSummary) -> str:
        """`template` with the counts of `summary` filled in (each with its plural), and
        the new reasons after it."""
        text = (
            template.replace("%1", self.tr("%Ln employee(s)", "", summary.employees_added))
            .replace("%2", self.tr("%Ln employment spell(s)", "", summary.spells_added))
            .replace("%3", self.tr("%Ln exit(s)", "", summary.exits_added))
            .replace("%4", self.tr("%Ln row(s)", "", summary.already_there))
        )
        if summary.new_reasons:
            text += "\n" + self.tr("New exit reasons added to the list: %1").replace(
                "%1", self.messages.join(summary.new_reasons)
            )
        if summary.new_destinations:
            text += "\n" + self.tr("New destinations added to the list: %1").replace(
                "%1", self.messages.join(summary.new_destinations)
            )
        return text

    def plan_text(self, plan: ImportSummary) -> str:
        return self._counts_text(
            self.tr(
                "Ready: %1, %2 and %3 will be added; already in the database: %4. A backup "
                "is taken first."
            ),
            plan,
        )

    def _show_mapping(self, parsed: ParsedFile) -> None:
        table = self.mapping_table
        table.setRowCount(len(parsed.headers))
        for n, (header, field) in enumerate(zip(parsed.headers, parsed.mapping, strict=True)):
            item = table.item(n, 0)
            if item is None:
                item = QTableWidgetItem()
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(n, 0, item)
            item.setText(header)
            combo = table.cellWidget(n, 1)
            if combo is None:
                combo = QComboBox(table)
                combo.setObjectName(f"mappingCombo{n}")
                combo.addItem(self.tr("(not imported)"), None)
                for name in FIELDS:
                    combo.addItem(self.messages.field(name), name)
                table.setCellWidget(n, 1, combo)
            combo.setCurrentIndex(combo.findData(field) if field else 0)

    def _show_preview(self, parsed: ParsedFile) -> None:
        model = self.preview_model
        model.clear()
        model.setHorizontalHeaderLabels(parsed.headers)
        for cells in parsed.preview:
            model.appendRow([QStandardItem(text) for text in cells])
        self.preview_view.resizeColumnsToContents()

    def _show_problems(self, problems) -> None:
        self.problem_box.setTitle(
            self.tr("Problems: %1").replace("%1", str(len(problems)))
            if problems
            else self.tr("Problems: none")
        )
        model = self.problem_model
        model.removeRows(0, model.rowCount())
        for problem in problems:
            row = QStandardItem("" if problem.row is None else str(problem.row))
            row.setData(problem.row, Qt.ItemDataRole.UserRole)
            model.appendRow(
                [row, QStandardItem(problem.column or ""),
                 QStandardItem(self.messages.problem(problem))]
            )  # fmt: skip
        self.problem_view.resizeColumnToContents(0)
        self.problem_view.resizeColumnToContents(1)

    # Importing
    def accept(self) -> None:
        if self.parsed is None or not self.import_button.isEnabled():
            return
        rows, columns, write = self.parsed.rows, self.parsed.columns, self._write
        self.import_button.setEnabled(False)

        def work(progress, cancelled) -> ImportSummary:
            return write(rows, columns, progress=progress, cancelled=cancelled)

        self.progress = run_with_progress(
            self, self.tr("Importing %1…").replace("%1", self.path.name), work, self._imported,
            self._import_failed,
        )  # fmt: skip

    def _imported(self, summary: ImportSummary) -> None:
        self.result = summary
        if summary.problems:  # the database changed since the check
            self._show_problems(summary.problems)
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(self.tr("Nothing was imported: see the problems."))
            return
        self.session.imported()
        QMessageBox.information(self, self.windowTitle(), self.done_text(summary))
        super().accept()

    def done_text(self, summary: ImportSummary) -> str:
        text = self._counts_text(
            self.tr("Imported: %1, %2 and %3 added; already in the database: %4."),
            summary,
        )
        if summary.backup is not None:
            text += "\n" + self.tr("A backup was taken first: %1").replace(
                "%1", summary.backup.name
            )
        return text

    def _import_failed(self, error: Exception) -> None:
        self.import_button.setEnabled(True)
        self.status_label.setStyleSheet(ERROR_STYLE)
        if isinstance(error, Cancelled):
            self.status_label.setText(self.tr("The import was cancelled: nothing was written."))
        elif str(getattr(error, "code", "")).startswith("fault_"):  # the file or the disk
            self.status_label.setText(
                self.tr("Nothing was imported. %1").replace("%1", Messages(self).for_error(error))
            )
        else:
            self.status_label.setText(
                self.tr("The import failed and nothing was written: %1").replace("%1", str(error))
            )
