"""The app's icons: Lucide's line icons (ISC licence, resources/icons/lucide/LICENSE), drawn
from their SVG at whatever size and screen scale is asked for, in the palette's text colour
(greyed when disabled, light on a selected row), so they stay sharp at 200% and readable on
a dark theme. One icon per action, named by the action's objectName."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from retention_desktop.ui.common.assets import get_asset

# objectName of an action (or a page) -> Lucide icon
ICONS = {
    # File
    "newFile": "file-plus",
    "openFile": "folder-open",
    "recentMenu": "history",
    "import": "file-down",
    "template": "file-spreadsheet",
    "export": "file-up",
    "printReport": "printer",
    "reportPdf": "file-text",
    "reasons": "tags",
    "destinations": "map-pin",
    "settings": "settings",
    "backup": "database-backup",
    "backups": "archive-restore",
    "quit": "power",
    # Edit
    "undo": "undo-2",
    "redo": "redo-2",
    "undoImport": "file-x",
    "find": "search",
    # Employee
    "new": "user-plus",
    "open": "square-pen",
    "recordExit": "log-out",
    "rehire": "user-check",
    "cancelExit": "undo-dot",
    "withdrawNotice": "user-check",
    "planAction": "calendar-plus",
    "flagRisk": "flag",
    "clearRisk": "flag-off",
    "delete": "trash-2",
    # Actions
    "teamAction": "users-round",
    "editAction": "pencil",
    "doneAction": "circle-check",
    "cancelAction": "circle-x",
    "reopenAction": "rotate-ccw",
    "deleteAction": "trash-2",
    "actionLibrary": "library-big",
    "effectAction": "trending-up",
    # View and Help
    "todayAction": "calendar-check",
    "showRoster": "users",
    "showExits": "door-open",
    "showActions": "list-checks",
    "showDashboard": "chart-column",
    "guide": "circle-help",
    "about": "info",
}


class _TintedSvg(QIconEngine):
    """An SVG whose `currentColor` is the palette's text colour for the icon's mode, read
    from its file when first drawn (a menu's icons when the menu first opens)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        self._svg: bytes | None = None
        self._renderers: dict[str, QSvgRenderer] = {}

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        color = _color(mode).name()
        renderer = self._renderers.get(color)
        if renderer is None:
            if self._svg is None:
                self._svg = self._path.read_bytes()
            renderer = QSvgRenderer(QByteArray(self._svg.replace(b"currentColor", color.encode())))
            self._renderers[color] = renderer
        return renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(mode).render(painter, QRectF(rect))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float):
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), pixmap.size()), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return _TintedSvg(self._path)


def _color(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


@cache
def icon(name: str) -> QIcon:
    """The Lucide icon `name` (a file in resources/icons/lucide/)."""
    return QIcon(_TintedSvg(get_asset("icons", "lucide", f"{name}.svg")))


def button_text(text: str) -> str:
    """An action's text as a toolbar button shows it: without its Alt letter, written
    "&Open" or (Chinese) "打开(&O)", nor the "…" that in a menu says a dialog follows."""
    text = re.sub(r"\s*\(&[^&]\)|…|\.\.\.$", "", text)
    return re.sub(r"&(.)", r"\1", text).strip()


def decorate(actions: list[QAction]) -> None:
    """Give each action its icon, by its objectName (those without one stay plain)."""
    for action in actions:
        name = ICONS.get(action.objectName())
        if name:
            action.setIcon(icon(name))
        action.setIconText(button_text(action.text()))
