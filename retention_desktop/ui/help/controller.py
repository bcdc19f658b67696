"""Help > Guide (F1): the guide in the app's language, opened at the part about the page
shown (the dashboard's figures when the dashboard is shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence

from retention_desktop.ui.common.assets import get_asset
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.selection import ACTIONS, DASHBOARD, EXITS, ROSTER

SECTIONS = {ROSTER: "roster", EXITS: "exits", ACTIONS: "actions", DASHBOARD: "figures"}


def guide_path(lang: str):
    """The guide in `lang` ("zh_CN" or "en"); English for any other."""
    path = get_asset("help", f"guide_{lang}.html")
    return path if path.is_file() else get_asset("help", "guide_en.html")


class HelpFeature(Feature):
    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.guide = None  # the guide's window (help.view.GuideWindow), made when asked for
        self.guide_action = self.action(
            self.tr("&Guide"), self.show_guide, QKeySequence.StandardKey.HelpContents, "guide"
        )

    def show_guide(self) -> None:
        """The guide's window (one, kept while the app runs), at the page's part."""
        if self.guide is None:
            from retention_desktop.ui.help.view import GuideWindow  # when first asked for

            source = QUrl.fromLocalFile(str(guide_path(self.session.lang)))
            # a window of its own, read beside the main one, not over it (closed with it)
            self.guide = GuideWindow(source, self.window)
            self.guide.setWindowFlag(Qt.WindowType.Window)
        self.guide.show_section(SECTIONS.get(self.selection.page, "start"))
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
