"""The page list on the window's left (layout only): each page with its icon and, where a
number helps the owner (overdue actions), a small count badge beside the name."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

BADGE = Qt.ItemDataRole.UserRole + 1  # the count shown in the badge (0: none)
BADGE_COLOR = QColor("#c0392b")


class Navigation(QListWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setIconSize(QSize(20, 20))
        self.setItemDelegate(_BadgeDelegate(self))
        self.setUniformItemSizes(True)

    def add_page(self, text: str, icon: QIcon) -> None:
        item = QListWidgetItem(icon, text, self)
        item.setData(BADGE, 0)

    def fit_width(self) -> None:
        """Wide enough for the longest name and a badge of three digits."""
        self.setFixedWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth() + 12)

    def set_badge(self, row: int, count: int, tip: str) -> None:
        """Show `count` beside the page's name (none when 0); `tip` says what it counts."""
        item = self.item(row)
        item.setData(BADGE, count)
        item.setToolTip(tip if count else "")
        # a screen reader hears the count with the name
        item.setData(Qt.ItemDataRole.AccessibleTextRole,
                     f"{item.text()}, {tip}" if count else item.text())  # fmt: skip

    def badge(self, row: int) -> int:
        return int(self.item(row).data(BADGE) or 0)


class _BadgeDelegate(QStyledItemDelegate):
    PAD = 6

    def _badge_rect(self, option: QStyleOptionViewItem, text: str) -> QRect:
        metrics = QFontMetrics(option.font)
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + 2 * self.PAD)
        rect = option.rect
        return QRect(rect.right() - width - self.PAD, rect.center().y() - height // 2 + 1,
                     width, height)  # fmt: skip

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        badge = QFontMetrics(option.font).horizontalAdvance("999") + 3 * self.PAD
        return QSize(size.width() + badge, max(size.height(), 34))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        count = int(index.data(BADGE) or 0)
        if not count:
            return
        text = str(count) if count < 1000 else "999+"
        rect = self._badge_rect(option, text)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLOR)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor("white"))
        painter.setFont(option.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
