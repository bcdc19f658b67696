"""The app's style: Fusion (the same on Windows and Linux), with the dialogs' buttons in
words only, as Windows shows them (Fusion's bitmap icons, a floppy disk for Save, clashed
with the app's line icons), and the Today panel's close button drawn as a line icon that
stays sharp at 200%."""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle

from retention_desktop.ui.common.icons import icon


class AppStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__("Fusion")

    def styleHint(self, hint, option=None, widget=None, returnData=None) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, returnData)

    def standardIcon(self, standardIcon, option=None, widget=None):
        if standardIcon in (QStyle.StandardPixmap.SP_DockWidgetCloseButton,
                            QStyle.StandardPixmap.SP_TitleBarCloseButton):  # fmt: skip
            return icon("x")
        return super().standardIcon(standardIcon, option, widget)
