"""The store's modules that the window's start uses, imported before Qt is:
`retention_desktop.app` imports this module first. Once PySide6 is imported, its import
hook reads the source of every module imported after it (to learn whether it uses PySide),
which the store's modules, and sqlite-utils', dateutil's and click's, need not pay: about a
tenth of the start (bench/bench_startup.py). Only speed hangs on this list."""

from retention_desktop.store import (  # noqa: F401
    actions,
    backup,
    catalog,
    database,
    effect,
    errors,
    exporting,
    faults,
    importing,
    imports,
    paths,
    queries,
    records,
    reminders,
    reports,
    settings,
    snapshots,
)
