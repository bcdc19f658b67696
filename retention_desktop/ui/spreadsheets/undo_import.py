"""Edit > Undo import…: takes back the last import, as `import --undo` does. The menu item
names the file it would take back (read off the UI thread after every change); choosing it
checks what was made since, asks, and undoes in the background after a backup, or says
why it cannot and which backup takes the file back to before the import."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from retention_desktop.store.errors import RecordError
from retention_desktop.store.imports import LastImport, last_import, undo_import_of_file
from retention_desktop.ui.common.jobs import run_in_background
from retention_desktop.ui.common.messages import Messages


def latest_import(db) -> LastImport | None:
    """The import that could be undone, without checking what was made since."""
    return last_import(db, check=False)


def checked_import(db) -> LastImport | None:
    return last_import(db, check=True)


class ImportUndoing(QObject):
    """The Undo import action of the spreadsheets feature."""

    def __init__(self, feature) -> None:
        super().__init__(feature)
        self.feature = feature
        self.session = feature.session
        self.window = feature.window
        self.latest: LastImport | None = None
        self.busy = False
        self.action = feature.action(self.tr("Undo &import…"), self.start, None, "undoImport",
                                     writes=True)  # fmt: skip
        self.action.setEnabled(False)
        self.session.changed.connect(self.look)
        self.look()

    def enabled(self) -> bool:
        return self.latest is not None and not self.busy

    def look(self, _change=None) -> None:
        """Which import the menu item would take back, read again after any change."""
        self.session.read(self, latest_import, on_success=self._found)

    def _found(self, latest: LastImport | None) -> None:
        self.latest = latest
        if latest is None:
            self.action.setText(self.tr("Undo &import…"))
        else:
            self.action.setText(self.tr("Undo &import of “%1”…").replace("%1", latest.source))
        self.feature.refresh_actions()

    def start(self) -> None:
        if self.busy:
            return
        self.session.read(self, checked_import, on_success=self._ask,
                          on_failure=self._failed)  # fmt: skip

    def _title(self) -> str:
        return self.tr("Undo import")

    def _ask(self, last: LastImport | None) -> None:
        if last is None:
            QMessageBox.information(self.window, self._title(),
                                    self.tr("There is no import to undo."))  # fmt: skip
            return
        if last.blockers:
            QMessageBox.warning(self.window, self._title(), self.refusal_text(last))
            return
        answer = QMessageBox.question(self.window, self._title(), self.question_text(last))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.busy = True
        self.feature.refresh_actions()
        self.window.statusBar().showMessage(
            self.tr("Undoing the import of %1…").replace("%1", last.source)
        )
        path, import_id = self.session.path, last.id
        run_in_background(self, lambda: undo_import_of_file(path, import_id), self._undone,
                          self._failed)  # fmt: skip

    def _undone(self, result) -> None:
        last, backup = result
        self.busy = False
        self.window.statusBar().clearMessage()
        self.session.imported()  # anyone may have changed: every screen reads again
        QMessageBox.information(
            self.window,
            self._title(),
            self.tr(
                "The import of %1 was undone: what it added was removed. A backup of the "
                "file as it was before the undo was taken first: %2"
            )
            .replace("%1", last.source)
            .replace("%2", backup.name),
        )

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.feature.refresh_actions()
        self.window.statusBar().clearMessage()
        if isinstance(error, RecordError) and error.code == "import_changed":
            text = self.refusal_text(error.value)
        elif isinstance(error, RecordError) and error.code == "no_import":
            text = self.tr("There is no import to undo.")
        elif isinstance(error, RecordError):  # the file or the disk: one sentence
            text = self.tr("The import was not undone: %1").replace(
                "%1", Messages(self).for_error(error)
            )
        else:
            text = self.tr("The import was not undone: %1").replace("%1", str(error))
        QMessageBox.warning(self.window, self._title(), text)
        self.look()

    # What the owner reads
    def _when(self, last: LastImport) -> str:
        return last.imported_at.strftime("%Y-%m-%d %H:%M")

    def question_text(self, last: LastImport) -> str:
        text = self.tr(
            "Undo the import of %1 (%2)? What it added is removed:\n"
            "• people: %3\n• employments: %4\n• exits: %5\n• exit reasons: %6"
        )
        for n, value in enumerate((last.source, self._when(last), last.employees,
                                   last.spells, last.exits, last.reasons), start=1):  # fmt: skip
            text = text.replace(f"%{n}", str(value))
        if last.closed:
            text += "\n" + self.tr("Employments it ended are open again: %1").replace(
                "%1", str(last.closed)
            )
        return text + "\n\n" + self.tr("A backup of the file is taken first.")

    def refusal_text(self, last: LastImport) -> str:
        lines = [
            self.tr(
                "The import of %1 (%2) cannot be undone: records made since touch what it "
                "wrote, and undoing it would take them away too."
            )
            .replace("%1", last.source)
            .replace("%2", self._when(last))
            + "\n"
        ]
        for blocker in last.blockers:
            line = {
                "edited": self.tr("Records it wrote that were edited or deleted since: %1"),
                "added_to": self.tr(
                    "Records added since to people or exits it brought in (employments, "
                    "exits, handover, actions, risk flags): %1"
                ),
                "reason_used": self.tr("Records made since that use an exit reason it added: %1"),
            }[blocker.code].replace("%1", str(blocker.count))
            if blocker.example:
                line += " " + self.tr("(for example %1)").replace("%1", blocker.example)
            lines.append("• " + line)
        if last.backup:
            lines.append(
                "\n"
                + self.tr(
                    "To go back to the file as it was before the import, restore the backup "
                    "%1 (File > Backups…)."
                ).replace("%1", last.backup)
            )
        return "\n".join(lines)
