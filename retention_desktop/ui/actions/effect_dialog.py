"""Does it help? For each kind of action: of the people who received it, the share still
employed 90 and 180 days later, beside the same share among the people employed on those
days who never received it, with the sample sizes. Counted off the UI thread
(store.effect.action_effect; about a second for 300,000 actions). A comparison of counts,
worded as one: the groups differ in more than the action. The rows shown are the store's
EffectRows (store.effect), which the controller counts for the dialog."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from retention_desktop.domain.actions import EFFECT_DAYS, SMALL_SAMPLE
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import percent_text, set_up_record_table, words_only

NO_PARENT = QModelIndex()
SMALL_TEXT = QColor(120, 120, 120)  # a share from fewer than SMALL_SAMPLE people
COL_TYPE, COL_RECEIVED = 0, 1
# Then the figure columns: days after, whether it is the comparison, and (still employed,
# sample, share) of an EffectRow.
FIGURES = (
    (90, False, lambda r: (r.still_90, r.n_received_90, r.rate_90)),
    (90, True, lambda r: (r.comparison_still_90, r.n_comparison_90, r.comparison_rate_90)),
    (180, False, lambda r: (r.still_180, r.n_received_180, r.rate_180)),
    (180, True, lambda r: (r.comparison_still_180, r.n_comparison_180, r.comparison_rate_180)),
)
COL_NOTICE = 2 + len(FIGURES)  # offered to someone on notice: stayed / offered
COLUMNS = COL_NOTICE + 1


class EffectModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []  # EffectRows
        self.headers = [self.tr("Action"), self.tr("Received by")]
        for days in EFFECT_DAYS:
            self.headers += [
                self.tr("After %1 days:\nreceived it\n(still / people)").replace("%1", str(days)),
                self.tr("After %1 days:\ndid not\n(still / person-days)").replace("%1", str(days)),
            ]
        self.headers.append(self.tr("Offered on notice:\nkept\n(stayed / offered)"))

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    @staticmethod
    def figures(row, column: int) -> tuple[int, int, float | None, bool]:
        """(still employed, sample, share, whether it is the comparison) of a figure column."""
        _, others, figures = FIGURES[column - 2]
        return (*figures(row), others)

    def text(self, row, column: int) -> str:
        if column == COL_TYPE:
            return row.action_type
        if column == COL_RECEIVED:
            return self.tr("%Ln person(s)", "", row.received)
        if column == COL_NOTICE:
            if not row.offered_on_notice:
                return "–"
            return (
                self.tr("%1 (%2/%3)")
                .replace("%1", percent_text(row.kept_on_notice / row.offered_on_notice))
                .replace("%2", f"{row.kept_on_notice:,}")
                .replace("%3", f"{row.offered_on_notice:,}")
            )
        still, n, rate, others = self.figures(row, column)
        if not n:
            return self.tr("– (nobody to compare)") if others else self.tr("– (none yet)")
        template = self.tr("%1 (%2/%3)")
        return (
            template.replace("%1", percent_text(rate))
            .replace("%2", f"{still:,}")
            .replace("%3", f"{n:,}")
        )

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if column <= COL_RECEIVED:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if column == COL_NOTICE:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(
                    "Notices where you tried to keep the person with this kind of action, "
                    "once decided: kept (the notice was withdrawn) or lost (they left)."
                )
            return None
        _, n, _, others = self.figures(row, column)
        small = not others and 0 < n < SMALL_SAMPLE
        if role == Qt.ItemDataRole.ForegroundRole and small:
            return QBrush(SMALL_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not n and others:
                return self.tr(
                    "Everybody employed on those days received this kind of action at some "
                    "time: there is nobody to compare with."
                )
            if not n:
                return self.tr(
                    "Nobody received it long enough ago to count yet (%1 days)."
                ).replace("%1", str(FIGURES[column - 2][0]))
            if small:
                return self.tr(
                    "Fewer than %1 people: a share of so few can swing widely by chance."
                ).replace("%1", str(SMALL_SAMPLE))
            if others:
                return self.tr(
                    "Each person who never received this kind of action counts once for "
                    "every day someone received it while they were employed."
                )
        return None


class EffectDialog(QDialog):
    """The figures, counted in the background when the dialog opens (its controller hands
    them to `show_rows`, or the error to `show_failure`); Copy puts the table on the
    clipboard as tab-separated text."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("effectDialog")
        self.setWindowTitle(self.tr("Does it help?"))
        self.rows: list | None = None  # EffectRows, once counted
        intro = QLabel(
            self.tr(
                "For each kind of action: of the people who received it (counted from the day "
                "it was first done for them), the share still employed %1 and %2 days later; "
                "beside it, the same share among the people employed on those days who never "
                "received it. The two groups differ in more than the action (who was chosen "
                "for it, and why), so a difference is a question to look into, not proof that "
                "the action works or does not."
            )
            .replace("%1", str(EFFECT_DAYS[0]))
            .replace("%2", str(EFFECT_DAYS[1])),
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("effectIntro")
        self.model = EffectModel(self)
        self.view = QTableView(self)
        set_up_record_table(self.view, "effectView")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(self.tr("Counting…"), self, objectName="effectStatus")
        self.status.setWordWrap(True)
        self.note = QLabel(
            self.tr(
                "Only actions marked done for one person count (team actions are left out). "
                "Grey: fewer than %1 people, too few to read much into."
            ).replace("%1", str(SMALL_SAMPLE)),
            self,
        )
        self.note.setWordWrap(True)
        self.note.setObjectName("effectNote")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        words_only(buttons)
        buttons.setObjectName("buttons")
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("&Copy table"), self, objectName="copyButton")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_table)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(1100, 480)

    def show_rows(self, rows: list) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        self.copy_button.setEnabled(bool(rows))
        if rows:
            self.status.setText(
                self.tr("As of %1.").replace("%1", self.session.today().isoformat())
            )
        else:
            self.status.setText(
                self.tr(
                    "Nothing to compare yet: no action has been marked done for someone who "
                    "was employed that day. Mark actions done (Actions > Mark done…) as they "
                    "happen and the figures appear here."
                )
            )
        self.view.setVisible(bool(rows))

    def show_failure(self, error: Exception) -> None:
        text = self.tr("The figures could not be counted: %1")
        self.status.setText(text.replace("%1", str(error)))

    def table(self) -> str:
        """The table as tab-separated text (the header on one line each)."""
        lines = ["\t".join(h.replace("\n", " ") for h in self.model.headers)]
        for row in self.rows or []:
            lines.append("\t".join(self.model.text(row, c) for c in range(COLUMNS)))
        return "\n".join(lines) + "\n"

    def copy_table(self) -> None:
        QApplication.clipboard().setText(self.table())
