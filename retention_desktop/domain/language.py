"""Which language to speak: `--lang`, else the system locale, else English."""

from __future__ import annotations

import locale
import os

LANGUAGES = ("zh_CN", "en")


def resolve_language(arg: str | None = None, environ: dict | None = None) -> str:
    if arg:
        if arg not in LANGUAGES:
            raise ValueError(f"unknown language '{arg}' (use zh_CN or en)")
        return arg
    environ = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    if os.name == "nt":  # Windows keeps the UI language out of the environment
        name = (locale.getlocale()[0] or "").lower()
        if name.startswith(("zh", "chinese")):
            return "zh_CN"
    return "en"
