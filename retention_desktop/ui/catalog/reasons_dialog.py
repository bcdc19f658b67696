"""The exit-reason list, the action library and the destinations (`table` "exit_reasons",
"action_types" or "destinations"): add, rename, recategorize, reorder and retire entries.
Built-ins and entries in use are retired, never deleted; a retired reason (or destination)
stays on the exits that have it, a retired kind of action on the actions that have it.

The dialog edits a working copy (the entries its controller read); OK hands it to the
`save` it was given, which writes it in one transaction, Cancel changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from retention_desktop.domain.catalog import ACTION_CATEGORIES, REASON_CATEGORIES
from retention_desktop.ui.common.messages import Refusal
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import dialog_buttons

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class Entry:
    """One entry as the dialog shows and edits it: `id` None for a new one."""

    id: int | None
    label: str  # in the language shown
    category: str
    retired: bool = False
    builtin: bool = False
    used: int = 0  # how many records have it (a used entry is retired, never deleted)
    other_labels: set[str] = field(default_factory=set)  # its labels in both, as saved


class ReasonsDialog(QDialog):
    """The list `entries` of `table`; OK calls `save(entries, deleted)` with the list as
    edited (and whether saved entries were deleted), which returns None when saved, else
    the store's refusal: the dialog then says why and stays open."""

    def __init__(
        self,
        session: Session,
        entries: list[Entry],
        save: Callable[[list[Entry], bool], Refusal | None],
        parent=None,
        table: str = "exit_reasons",
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.save = save
        self.table = table
        reasons = table == "exit_reasons"
        self.setObjectName(
            {"exit_reasons": "reasonsDialog", "destinations": "destinationsDialog"}.get(
                table, "actionTypesDialog"
            )
        )
        if reasons:
            self.texts = {
                "title": self.tr("Exit reasons"),
                "column": self.tr("Reason"),
                "label": self.tr("Reason:"),
                "new": self.tr("New reason"),
                "rename": self.tr("Rename reason"),
                "note": self.tr(
                    "Built-in reasons and reasons already used on an exit cannot be deleted; "
                    "retire them instead. A retired reason is no longer offered but stays on "
                    "the exits that have it."
                ),
            }
            categories = REASON_CATEGORIES
        elif table == "destinations":
            self.texts = {
                "title": self.tr("Where people went"),
                "column": self.tr("Destination"),
                "label": self.tr("Destination:"),
                "new": self.tr("New destination"),
                "rename": self.tr("Rename destination"),
                "note": self.tr(
                    "Built-in destinations and destinations already recorded on an exit "
                    "cannot be deleted; retire them instead. A retired destination is no "
                    "longer offered but stays on the exits that have it."
                ),
            }
            categories = ()
        else:
            self.texts = {
                "title": self.tr("Action library"),
                "column": self.tr("Kind of action"),
                "label": self.tr("Kind of action:"),
                "new": self.tr("New kind of action"),
                "rename": self.tr("Rename kind of action"),
                "note": self.tr(
                    "Built-in kinds of action and kinds already planned for someone cannot be "
                    "deleted; retire them instead. A retired kind is no longer offered but "
                    "stays on the actions that have it."
                ),
            }
            categories = ACTION_CATEGORIES
        self.setWindowTitle(self.texts["title"])
        self.categories = [(c.code, c.label(session.lang)) for c in categories]
        self._category_label = dict(self.categories)
        self.rows = list(entries)
        self.deleted = False

        self.tree = QTreeWidget(self)
        self.tree.setObjectName(
            {"exit_reasons": "reasonTree", "destinations": "destinationTree"}.get(
                table, "actionTypeTree"
            )
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.texts["column"], self.tr("Category"), self.tr("Status")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self.rename())

        side = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("&Add…"), self.add),
            ("rename", self.tr("Re&name…"), self.rename),
            ("category", self.tr("&Category…"), self.change_category),
            ("up", self.tr("Move &up"), lambda: self.move(-1)),
            ("down", self.tr("Move &down"), lambda: self.move(1)),
            ("retire", self.tr("&Retire"), self.toggle_retired),
            ("delete", self.tr("De&lete"), self.delete),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"{key}Button")
            button.clicked.connect(slot)
            side.addWidget(button)
            self.buttons[key] = button
        side.addStretch(1)
        if not self.categories:  # a list without categories (the destinations)
            self.tree.setColumnHidden(1, True)
            self.buttons["category"].hide()
        self.buttons["up"].setShortcut(QKeySequence("Ctrl+Up"))
        self.buttons["down"].setShortcut(QKeySequence("Ctrl+Down"))

        note = QLabel(self.texts["note"], self)
        note.setWordWrap(True)
        # said before saving: Edit > Undo does not take a saved list back
        lasting = QLabel(
            self.tr(
                "OK saves the whole list at once; Edit > Undo cannot take it back. Cancel "
                "leaves the list as it was."
            ),
            self,
            objectName="cannotUndoNote",
        )
        lasting.setWordWrap(True)
        lasting.setStyleSheet("color: #7a5200;")
        box = dialog_buttons(self, QDialogButtonBox.StandardButton.Ok)
        body = QHBoxLayout()
        body.addWidget(self.tree, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(note)
        layout.addWidget(lasting)
        layout.addWidget(box)
        self.resize(860, 600)
        self._fill(0)

    def _fill(self, current: int) -> None:
        self.tree.clear()
        grey = QBrush(QColor("#6b6b6b"))
        for n, row in enumerate(self.rows):
            status = self.tr("built-in") if row.builtin else self.tr("own")
            if row.retired:
                status = self.tr("%1, retired").replace("%1", status)
            if row.used:
                status = self.tr("%1, used %2×").replace("%1", status).replace("%2", str(row.used))
            item = QTreeWidgetItem([row.label, self._category_label.get(row.category, ""), status])
            item.setData(0, ROW_ROLE, n)
            if row.retired:
                for column in range(3):
                    item.setForeground(column, grey)
            self.tree.addTopLevelItem(item)
        if self.rows:
            self.tree.setCurrentItem(
                self.tree.topLevelItem(max(0, min(current, len(self.rows) - 1)))
            )
        self._update_buttons()

    def current_row(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, ROW_ROLE)

    def _update_buttons(self) -> None:
        n = self.current_row()
        row = None if n is None else self.rows[n]
        for key in ("rename", "category", "retire"):
            self.buttons[key].setEnabled(row is not None)
        self.buttons["up"].setEnabled(n is not None and n > 0)
        self.buttons["down"].setEnabled(n is not None and n < len(self.rows) - 1)
        self.buttons["delete"].setEnabled(row is not None and not row.builtin and not row.used)
        self.buttons["retire"].setText(
            self.tr("&Restore") if row is not None and row.retired else self.tr("&Retire")
        )

    def _label_taken(self, label: str, skip: int | None) -> bool:
        # A shop's own reason has one label in both languages, so it may not repeat a
        # label of either language.
        folded = label.casefold()
        return any(
            folded in {r.label.casefold(), *(o.casefold() for o in r.other_labels)}
            for n, r in enumerate(self.rows)
            if n != skip
        )

    def _ask_label(self, title: str, text: str, skip: int | None) -> str | None:
        while True:
            label, ok = QInputDialog.getText(self, title, self.texts["label"], text=text)
            label = label.strip()
            if not ok or not label:
                return None
            if not self._label_taken(label, skip):
                return label
            QMessageBox.warning(
                self, title, self.tr("“%1” is already in the list.").replace("%1", label)
            )
            text = label

    def _ask_category(self, current: str) -> str | None:
        labels = [label for _, label in self.categories]
        codes = [code for code, _ in self.categories]
        start = codes.index(current) if current in codes else len(codes) - 1
        label, ok = QInputDialog.getItem(
            self, self.tr("Category"), self.tr("Category:"), labels, start, False
        )
        return codes[labels.index(label)] if ok else None

    def add(self) -> None:
        label = self._ask_label(self.texts["new"], "", None)
        if label is None:
            return
        category = self._ask_category(self.categories[-1][0]) if self.categories else ""
        if category is None:
            return
        n = self.current_row()
        at = len(self.rows) if n is None else n + 1
        self.rows.insert(at, Entry(None, label, category))
        self._fill(at)

    def rename(self) -> None:
        n = self.current_row()
        if n is None:
            return
        label = self._ask_label(self.texts["rename"], self.rows[n].label, n)
        if label is not None:
            self.rows[n].label = label
            self._fill(n)

    def change_category(self) -> None:
        n = self.current_row()
        if n is None:
            return
        category = self._ask_category(self.rows[n].category)
        if category is not None:
            self.rows[n].category = category
            self._fill(n)

    def move(self, step: int) -> None:
        n = self.current_row()
        if n is None or not 0 <= n + step < len(self.rows):
            return
        self.rows[n], self.rows[n + step] = self.rows[n + step], self.rows[n]
        self._fill(n + step)

    def toggle_retired(self) -> None:
        n = self.current_row()
        if n is not None:
            self.rows[n].retired = not self.rows[n].retired
            self._fill(n)

    def delete(self) -> None:
        n = self.current_row()
        if n is None or self.rows[n].builtin or self.rows[n].used:
            return
        row = self.rows.pop(n)
        self.deleted = self.deleted or row.id is not None
        self._fill(n)

    def accept(self) -> None:
        error = self.save(self.rows, self.deleted)
        if error is not None:
            text = (
                self.tr("“%1” is already in the list.").replace("%1", str(error.value))
                if error.code == "duplicate"
                else str(error)
            )
            QMessageBox.warning(self, self.windowTitle(), text)
            return
        super().accept()
