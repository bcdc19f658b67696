"""Small widgets the dialogs share: date fields, field error labels, the reason picker."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QFont, QIcon, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QWidget,
)

from retention_desktop.store.catalog import CatalogItem

ERROR_STYLE = "color: #B3261E;"  # dark red, readable on light backgrounds
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_edit(parent: QWidget, day: date, object_name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(day), parent)
    edit.setObjectName(object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDateRange(QDate(1950, 1, 1), QDate(2100, 12, 31))
    return edit


def percent_text(share: float | None) -> str:
    """A share as the app shows it: one decimal and %, or a dash when there is none."""
    return "–" if share is None else f"{share * 100:.1f}%"


def size_to_width(dialog: QWidget, width: int) -> None:
    """`width` wide and as tall as its content needs at that width: wrapped notes take more
    lines at a given width than a layout's minimum height counts (the fields squeezed)."""
    layout = dialog.layout()
    layout.activate()
    height = layout.heightForWidth(width) if layout.hasHeightForWidth() else -1
    dialog.resize(width, max(height, dialog.minimumSizeHint().height()))


def words_only(buttons: QDialogButtonBox) -> None:
    """The buttons in words, as Windows shows them: Fusion's bitmap icons (a floppy disk
    for Save, a red X for Cancel) clash with the app's line icons. (A proxy style would do
    it for every box, at the price of a call into Python for each of Qt's thousands of
    style questions.)"""
    for button in buttons.buttons():
        button.setIcon(QIcon())


def dialog_buttons(
    dialog: QDialog, accept: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save
) -> QDialogButtonBox:
    """The dialog's accept and Cancel buttons, wired to accept() and reject()."""
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.setObjectName("buttons")
    words_only(buttons)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ElidedTips(QStyledItemDelegate):
    """Draws cells as usual; a cell whose text is cut short (…) shows its whole text as
    a tooltip when the model gives none of its own."""

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if index.data(Qt.ItemDataRole.ToolTipRole) is None and text not in (None, ""):
                self.initStyleOption(option, index)
                needed = option.fontMetrics.horizontalAdvance(str(text)) + 12  # the margins
                if needed > view.visualRect(index).width() or "\n" in str(text):
                    QToolTip.showText(event.globalPos(), str(text), view)
                else:
                    QToolTip.hideText()
                return True
        return super().helpEvent(event, view, option, index)


def show_cut_text(view: QAbstractItemView) -> None:
    """Cells of `view` whose text is cut short show the whole of it on hover."""
    view.setItemDelegate(ElidedTips(view))


def set_up_record_table(view: QTableView, object_name: str) -> None:
    """A read-only list of records: whole rows selected one at a time, compact rows,
    columns the user can resize; a cell cut short shows its whole text on hover."""
    view.setObjectName(object_name)
    show_cut_text(view)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    rows = view.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    columns = view.horizontalHeader()
    columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Fitting columns to their contents looks at this many rows, not all of them.
    columns.setResizeContentsPrecision(50)
    rows.setResizeContentsPrecision(50)


def fit_columns(
    view: QTableView, rows: int = 50, cap_chars: int | None = None, caps: dict | None = None
) -> None:
    """Each column as wide as its header and the widest text among its first `rows` rows
    (at most `cap_chars` wide, or as `caps` says for a column: column -> chars): what
    resizeColumnsToContents gives, found by measuring the texts and asking Qt the size of
    the widest cell only (Qt's own asks the model for every role of every cell: a third of
    the window's construction)."""
    model, header = view.model(), view.horizontalHeader()
    metrics = view.fontMetrics()
    shown = range(min(rows, model.rowCount()))
    em = metrics.horizontalAdvance("M")
    grid = 1 if view.showGrid() else 0
    for column in range(model.columnCount()):
        chars = (caps or {}).get(column, cap_chars)
        cap = em * chars if chars else None
        widest, cell = -1, None
        for row in shown:
            index = model.index(row, column)
            width = metrics.horizontalAdvance(str(index.data() or ""))
            if width > widest:
                widest, cell = width, index
        width = header.sectionSizeHint(column)
        if cell is not None:
            width = max(width, view.sizeHintForIndex(cell).width() + grid)
        header.resizeSection(column, min(width, cap) if cap else width)


class ErrorLabel(QLabel):
    """The message under a field that breaks a rule; hidden while there is none."""

    def __init__(self, parent: QWidget, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class TeamCombo(QComboBox):
    """“All teams” and the shop's teams; `team()` is None for all of them."""

    def __init__(self, parent: QWidget, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def team(self) -> str | None:
        return self.currentData()

    def set_teams(self, teams: list[str]) -> bool:
        """Fill with `teams`, keeping the one picked, without emitting signals. Returns
        True when the picked team is gone (the choice fell back to all teams)."""
        picked = self.currentData()
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self.tr("All teams"), None)
            for team in teams:
                self.addItem(team, team)
            index = self.findData(picked) if picked is not None else 0
            self.setCurrentIndex(max(index, 0))
        finally:
            self.blockSignals(False)
        return picked is not None and index < 0


class ReasonCombo(QComboBox):
    """Exit reasons grouped under their category (the headers cannot be picked); the first
    entry means no reason given."""

    def __init__(self, parent: QWidget, object_name: str, none_text: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._none_text = none_text
        self.setModel(QStandardItemModel(self))
        self.setMaxVisibleItems(24)

    def set_reasons(self, reasons: list[CatalogItem], categories: list[tuple[str, str]]) -> None:
        """`categories`: (code, label) in display order; reasons of unknown categories go
        under the last one."""
        model: QStandardItemModel = self.model()
        model.clear()
        none = QStandardItem(self._none_text)
        none.setData(None, ID_ROLE)
        model.appendRow(none)
        known = {code for code, _ in categories}
        bold = QFont(self.font())
        bold.setBold(True)
        for code, label in categories:
            members = [
                r
                for r in reasons
                if r.category == code or (code == categories[-1][0] and r.category not in known)
            ]
            if not members:
                continue
            header = QStandardItem(label)
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            header.setFont(bold)
            model.appendRow(header)
            for reason in members:
                item = QStandardItem("    " + reason.label)
                item.setData(reason.id, ID_ROLE)
                item.setData(reason.label, Qt.ItemDataRole.ToolTipRole)
                model.appendRow(item)

    def current_id(self) -> int | None:
        return self.currentData(ID_ROLE)

    def set_current_id(self, reason_id: int | None) -> None:
        index = self.findData(reason_id, ID_ROLE) if reason_id is not None else 0
        self.setCurrentIndex(max(index, 0))
