"""Fixtures for the storage tests: a fresh database file per test, closed afterwards."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from retention_desktop.store.database import open_database

# store_helpers.py holds the helpers several store test modules share; importlib mode adds no
# paths, so this folder goes on the path (as pyproject's pythonpath does for tests/ui).
if str(Path(__file__).parent) not in sys.path:
    sys.path.append(str(Path(__file__).parent))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that lets everyone read new files, so owner-only modes come from the code."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)
