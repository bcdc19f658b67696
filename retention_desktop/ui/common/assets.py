"""Finding files under resources/, from a source tree, an installed package or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache  # asked for by every icon at start: found once
def resources_dir() -> Path:
    if getattr(sys, "frozen", False):  # PyInstaller puts data beside the executable
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    package = Path(__file__).resolve().parents[2]  # from retention_desktop/ui/common/
    for candidate in (package / "resources", package.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the resources folder of Retention Desktop is missing")


def get_asset(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
