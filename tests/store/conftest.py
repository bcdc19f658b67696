"""Fixtures for the storage tests: a fresh database file per test, closed afterwards."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from retention_desktop.store.database import open_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.db"


@pytest.fixture(scope="session")
def empty_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database as open_database makes it, made once per session (creating the
    schema is most of a small test's time); `db` opens a copy of it."""
    path = tmp_path_factory.mktemp("empty-template") / "shop.db"
    open_database(path).close()
    return path


@pytest.fixture
def db(db_path: Path, empty_db_template: Path) -> Iterator[Database]:
    """A fresh database per test: a copy of the new one (the tests of how a new file is
    made open their own path)."""
    shutil.copyfile(empty_db_template, db_path)
    shutil.copymode(empty_db_template, db_path)
    database = open_database(db_path)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def new_db(db_path: Path) -> Iterator[Database]:
    """A database open_database makes in this test, on a path where there was none."""
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
