"""Loading the app's translation (and Qt's own, for standard dialogs) for a language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from retention_desktop.ui.common.assets import get_asset

TRANSLATION_BASENAME = "retention_desktop"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install translators for `lang` ('zh_CN' or 'en'); English needs none (it is the
    source language). Returns them so the caller keeps them alive."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if lang == "zh_CN" else
                               QLocale.Language.English,
                               QLocale.Country.China if lang == "zh_CN" else
                               QLocale.Country.UnitedStates))  # fmt: skip
    if lang != "zh_CN":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(f"{TRANSLATION_BASENAME}_{lang}", str(get_asset("translations"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
