"""Fixtures for GUI tests: a fresh database per test, the demo shop, the main window."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from retention_desktop.domain.demo import generate_shop
from retention_desktop.store.database import open_database
from retention_desktop.store.demo import load_shop
from retention_desktop.ui.common.collector import collect_on_main_thread
from retention_desktop.ui.common.jobs import wait_for_jobs
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.shell.main_window import MainWindow

DEMO_TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True, scope="session")
def english(qapp):
    """The app's English catalog (its plural forms) for the whole session, as the app
    installs it; a test in Chinese installs Chinese over it and takes it away after."""
    from retention_desktop.ui.common.i18n import install_translators

    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True, scope="session")
def collect_on_the_ui_thread(qapp):
    """As the app does: Python's garbage collector runs on the UI thread only (a
    collection in a background read could destroy a Qt object there and crash)."""
    collect_on_main_thread(qapp)


@pytest.fixture(autouse=True)
def private_settings(qapp, tmp_path: Path):
    """Each test gets its own QSettings file: window geometry and column state saved by one
    test must not change what the next one sees (nor touch the user's real settings)."""
    from PySide6.QtCore import QSettings

    qapp.setOrganizationName("RetentionDesktopTests")
    qapp.setApplicationName("retention-desktop-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo shop, built once per session; each test gets a copy (demo_db_path)."""
    path = tmp_path_factory.mktemp("demo-template") / "shop.db"
    db = open_database(path)
    try:
        load_shop(db, generate_shop(DEMO_TODAY))
    finally:
        db.close()
    # Closed cleanly: the WAL log is checkpointed and gone, the file alone holds everything.
    for suffix in ("-wal", "-shm"):
        assert not path.with_name(path.name + suffix).exists()
    # Still in WAL mode (header bytes 18-19 are 2), as open_database left it; read from the
    # header, since even a read-only connection would put an empty log beside the file.
    assert path.read_bytes()[18:20] == b"\x02\x02"
    return path


@pytest.fixture
def demo_db_path(demo_db_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo shop in the test's own folder (owner-only, as written)."""
    path = tmp_path / "shop.db"
    shutil.copyfile(demo_db_template, path)
    shutil.copymode(demo_db_template, path)
    return path


@pytest.fixture
def make_window(qtbot):
    sessions: list[Session] = []

    def make(path: Path, lang: str = "en") -> MainWindow:
        session = Session(open_database(path), path, lang)
        sessions.append(session)
        window = MainWindow(session)
        qtbot.addWidget(window)
        return window

    yield make
    wait_for_jobs()
    for session in sessions:
        session.close()


@pytest.fixture
def window(make_window, demo_db_path, qtbot, monkeypatch):
    """The demo shop's window on DEMO_TODAY (the day it was made for), shown and active."""
    from driving import activate

    monkeypatch.setattr(Session, "today", staticmethod(lambda: DEMO_TODAY))
    window = make_window(demo_db_path)
    window.show()
    activate(window, qtbot)
    return window


@pytest.fixture
def answer(monkeypatch):
    """The answer QMessageBox.question gives in the main window; the questions are kept."""
    asked: list[str] = []
    state = {"answer": QMessageBox.StandardButton.No}

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return state["answer"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))

    def set_answer(value):
        state["answer"] = value
        return asked

    return set_answer


@pytest.fixture
def chinese(qapp):
    """The app's and Qt's Chinese translations installed for the test (English after)."""
    from retention_desktop.ui.common.i18n import install_translators, set_default_locale

    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    set_default_locale("en")
