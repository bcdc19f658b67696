"""What starting a command costs: heavy libraries stay out until a screen needs them."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"{statement}\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_store_and_cli_do_not_import_numpy_qt_or_openpyxl():
    loaded = _modules_after("import retention_desktop.cli, retention_desktop.store.reports")
    assert "sqlite_utils" in loaded
    for heavy in ("numpy", "pandas", "PySide6", "pyqtgraph", "openpyxl"):
        assert heavy not in loaded, heavy


def test_numpy_still_imports_after_the_store():
    code = "import retention_desktop.store.database, numpy; print(numpy.zeros(2).sum())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0.0"
