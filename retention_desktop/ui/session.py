"""What the screens know of the open database: the one place widgets get data from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from retention_desktop.store import queries
from retention_desktop.store.database import Database


class Session:
    """The open database, its file and the language, shared by the main window's screens."""

    def __init__(self, db: Database, path: Path, lang: str) -> None:
        self.db = db
        self.path = path
        self.lang = lang

    @staticmethod
    def today() -> date:
        return date.today()

    def roster(self) -> list[queries.RosterRow]:
        return queries.roster(self.db)

    def counts(self) -> dict[str, int]:
        return queries.counts(self.db)

    def close(self) -> None:
        self.db.close()
