"""What goes into and comes out of spreadsheets, as plain data (defined in
retention_desktop.domain.exchange, where the store can use it too), and the errors of
reading and writing files."""

from __future__ import annotations

from retention_desktop.domain.exchange import (
    ACTION_COLUMNS,
    BOOL,
    DATE,
    DATE_ORDERS,
    EMPLOYEE_COLUMNS,
    EXIT_COLUMNS,
    EXIT_TYPE,
    FIELDS,
    HEADERS,
    INT,
    MAX_ROWS,
    MONEY,
    REQUIRED,
    STATUS,
    TEXT,
    Column,
    ExportData,
    ImportRow,
    ParsedFile,
    Problem,
)

__all__ = [
    "ACTION_COLUMNS",
    "BOOL",
    "DATE",
    "DATE_ORDERS",
    "EMPLOYEE_COLUMNS",
    "EXIT_COLUMNS",
    "EXIT_TYPE",
    "FIELDS",
    "HEADERS",
    "INT",
    "MAX_ROWS",
    "MONEY",
    "REQUIRED",
    "STATUS",
    "TEXT",
    "Cancelled",
    "Column",
    "ExportData",
    "ImportRow",
    "ParsedFile",
    "Problem",
    "SheetError",
]


class SheetError(Exception):
    """A file that cannot be read as a spreadsheet at all: one sentence saying why, and
    what to do. `code` names the case for the UI's translation."""

    def __init__(self, code: str, message: str, **params) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class Cancelled(Exception):
    """The user cancelled a long read or write; nothing was kept."""
