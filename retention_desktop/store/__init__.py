"""The SQLite file: connection, schema and migrations, backups, queries and writes."""

import sys

if "sqlite_utils" not in sys.modules:
    # sqlite-utils imports numpy and pandas, when they are installed, only to convert their
    # values on insert, which this app never does. pyqtgraph puts numpy in the environment,
    # and importing it would add ~130 ms to every command and every start of the window;
    # the charts import it for real when they open.
    _hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for _name in _hidden:
        sys.modules[_name] = None  # type: ignore[assignment]  # makes `import` fail fast
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for _name in _hidden:
            del sys.modules[_name]
