"""Where a list's spare width goes: to the columns whose text runs long (names, reasons,
titles), not to the last column, so a long name is shown whole before an empty stretch
of the Risk column is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView


class SpareWidth(QObject):
    """Keeps `view`'s columns filling its width: whatever its columns leave over (after
    each was fitted to its contents) is shared among `columns`; when the view narrows they
    go back towards their fitted widths, and the list scrolls sideways only once every
    column is at its fitted width. Once the owner drags a column's edge, their widths are
    kept as they set them (the view no longer spreads)."""

    def __init__(self, view: QTableView, columns: tuple[int, ...]) -> None:
        super().__init__(view)
        self.view, self.columns = view, columns
        self.fitted: dict[int, int] = {}  # each text column's width before its share
        self.by_hand = False
        self._spreading = False
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.spread)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.spread()
        return False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self._spreading:
            return
        if QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.by_hand = True  # the owner is dragging a column's edge
            return
        if column in self.columns:
            self.fitted[column] = new  # fitted to new contents (or a restored width)
        self._timer.start()  # once the fitting of all columns is over

    def spread(self) -> None:
        header = self.view.horizontalHeader()
        if self.by_hand or header.count() == 0:
            return
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        wide = [c for c in self.columns if c in shown]
        if not wide:
            return
        fitted = {c: self.fitted.get(c, header.sectionSize(c)) for c in wide}
        others = sum(header.sectionSize(c) for c in shown if c not in fitted)
        spare = max(0, self.view.viewport().width() - others - sum(fitted.values()))
        share, rest = divmod(spare, len(wide))
        self._spreading = True
        try:
            for n, column in enumerate(wide):
                header.resizeSection(column, fitted[column] + share + (rest if n == 0 else 0))
        finally:
            self._spreading = False
