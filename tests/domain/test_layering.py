"""The domain package is plain Python: importing all of it pulls in no Qt and no SQLite."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = ("PySide6", "sqlite3", "sqlite_utils")

SCRIPT = """
import importlib, json, pkgutil, sys
import retention_desktop.domain as domain
names = sorted(m.name for m in pkgutil.walk_packages(domain.__path__, domain.__name__ + "."))
for name in names:
    importlib.import_module(name)
loaded = sorted(
    m for m in sys.modules
    if m.split(".")[0] in {forbidden!r}
)
print(json.dumps({{"modules": names, "loaded": loaded}}))
"""


def test_domain_imports_no_qt_and_no_sqlite():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(forbidden=set(FORBIDDEN))],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    data = json.loads(result.stdout)
    # Every module of the package was imported, so the check covers all of them.
    for module in ("catalog", "dates", "demo", "language", "metrics", "records", "settings"):
        assert f"retention_desktop.domain.{module}" in data["modules"]
    assert data["loaded"] == []
