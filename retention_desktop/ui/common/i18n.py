"""Loading the app's translation (and Qt's own, for standard dialogs) for a language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from retention_desktop.domain.language import LANGUAGES, resolve_language
from retention_desktop.ui.common.assets import get_asset

TRANSLATION_BASENAME = "retention_desktop"
LANGUAGE_KEY = "language"  # QSettings: "zh_CN", "en", or "" to follow the system


def chosen_language() -> str:
    """The language chosen in Settings on this computer ("" for the system's)."""
    from PySide6.QtCore import QSettings

    value = QSettings().value(LANGUAGE_KEY, "")
    return value if value in LANGUAGES else ""


def choose_language(lang: str) -> None:
    from PySide6.QtCore import QSettings

    QSettings().setValue(LANGUAGE_KEY, lang if lang in LANGUAGES else "")


def app_language(explicit: str | None = None) -> str:
    """The window's language: `--lang` when given, else the one chosen in Settings, else
    the system's."""
    return explicit or chosen_language() or resolve_language()


def set_default_locale(lang: str) -> None:
    """Numbers, dates and plural rules of `lang` for every widget made from now on."""
    chinese = lang == "zh_CN"
    QLocale.setDefault(QLocale(
        QLocale.Language.Chinese if chinese else QLocale.Language.English,
        QLocale.Country.China if chinese else QLocale.Country.UnitedStates,
    ))  # fmt: skip


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install translators for `lang` ('zh_CN' or 'en'): ours and Qt's for Chinese; for
    English (the source language) ours only, which holds the plural forms ("1 exit",
    "2 exits"). Returns them so the caller keeps them alive."""
    set_default_locale(lang)
    installed = []
    ours = QTranslator(app)
    if ours.load(f"{TRANSLATION_BASENAME}_{lang}", str(get_asset("translations"))):
        app.installTranslator(ours)
        installed.append(ours)
    if lang != "zh_CN":
        return installed
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
