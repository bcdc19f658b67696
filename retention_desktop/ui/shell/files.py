"""File > New file…, Open file… and Recent files: which database file the window shows.
The window asks the app to open another file (`switch_requested`); the app opens it in a
new window and closes this one. The recent files are this computer's (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from retention_desktop.ui.common.feature import Feature

RECENT_KEY = "recentFiles"
RECENT_COUNT = 8


def recent_files() -> list[Path]:
    """The files opened on this computer, the latest first."""
    value = QSettings().value(RECENT_KEY, [])
    names = [value] if isinstance(value, str) else list(value or [])
    return [Path(name) for name in names if name]


def remember_file(path: Path) -> None:
    """`path` first among the recent files (each once, at most RECENT_COUNT)."""
    path = Path(path).absolute()
    kept = [p for p in recent_files() if p != path]
    QSettings().setValue(RECENT_KEY, [str(p) for p in [path, *kept][:RECENT_COUNT]])


class FileCommands(Feature):
    switch_requested = Signal(object)  # the Path of the file to show instead
    demo_requested = Signal()  # the demo shop, in a file of its own (the app makes it)

    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.new_file_action = self.action(self.tr("New &file…"), self.new_file, None,
                                           "newFile")  # fmt: skip
        self.open_file_action = self.action(self.tr("&Open file…"), self.open_file,
                                            QKeySequence.StandardKey.Open, "openFile")  # fmt: skip
        self.recent_menu = QMenu(self.tr("Recent fi&les"), window)
        self.recent_menu.setObjectName("recentMenu")
        # filled when opened: no look at the disk while the window starts
        self.recent_menu.aboutToShow.connect(self.fill_recent)

    def _filter(self) -> str:
        return self.tr("Retention Desktop files (*.db);;All files (*)")

    def new_file(self) -> None:
        """A new, empty file, where the owner says (never over an existing one)."""
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("New file"), str(self.session.path.parent / "shop.db"),
            self._filter(),
        )  # fmt: skip
        if not name:
            return
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".db")
        if path.exists() and path.stat().st_size > 0:
            QMessageBox.warning(
                self.window,
                self.tr("New file"),
                self.tr("%1 is there already: a new file is never written over one. Open "
                        "it with File > Open file…, or choose another name.")
                .replace("%1", str(path)),
            )  # fmt: skip
            return
        self.switch_requested.emit(path)

    def open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open file"), str(self.session.path.parent), self._filter()
        )
        if name:
            self.switch_requested.emit(Path(name))

    def fill_recent(self) -> None:
        """The recent files that are still there, but the one shown."""
        self.recent_menu.clear()
        shown = self.session.path.absolute()
        files = [p for p in recent_files() if p != shown and p.exists()]
        for n, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{n} {str(path).replace('&', '&&')}")
            action.triggered.connect(lambda _=False, p=path: self.switch_requested.emit(p))
        if not files:
            self.recent_menu.addAction(self.tr("No other file yet")).setEnabled(False)
