"""Start-up: the lock, refusals explained in dialogs, restore of a damaged file, daily backup."""

from __future__ import annotations

import socket
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from retention_desktop import app as app_module
from retention_desktop.store.backup import backup_file, list_backups
from retention_desktop.ui.common.jobs import wait_for_jobs


@pytest.fixture
def dialogs(monkeypatch):
    """Record static QMessageBox calls instead of showing them; answer questions Yes."""
    seen: list[tuple[str, str]] = []

    def record(kind, answer=None):
        def show(parent, title, text, *args, **kwargs):
            seen.append((kind, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    return seen


@pytest.fixture
def started(qtbot):
    windows = []

    def start(path: Path, lang: str = "en"):
        window = app_module.start(path, lang)
        if window is not None:
            qtbot.addWidget(window)
            windows.append(window)
        return window

    yield start
    wait_for_jobs()
    for window in windows:
        window.session.close()
        if window._lock is not None:
            window._lock.unlock()


def test_start_opens_the_window_and_takes_the_daily_backup(started, demo_db_path, qtbot):
    window = started(demo_db_path)
    assert window is not None
    assert window.isVisible()
    qtbot.waitUntil(lambda: len(list_backups(demo_db_path)) == 1, timeout=10000)
    assert "daily" in list_backups(demo_db_path)[0].name


def test_a_second_window_on_the_same_database_is_refused(started, demo_db_path, dialogs):
    assert started(demo_db_path) is not None
    assert started(demo_db_path) is None
    assert dialogs[-1][0] == "warning"
    assert "already open" in dialogs[-1][1]


def test_a_lock_left_by_a_crashed_instance_is_taken_over(started, demo_db_path):
    # QLockFile's own format: pid, application name, host name.
    dead_pid = 2**22 + 12345
    lock = Path(str(demo_db_path) + ".lock")
    lock.write_text(f"{dead_pid}\nretention-desktop\n{socket.gethostname()}\n")
    assert started(demo_db_path) is not None


@pytest.fixture
def live_process():
    """A running process of another program (a Python that sleeps), with the marks given
    on its command line; stopped afterwards."""
    from unprivileged import started_process

    started = []

    def run(*marks: str) -> int:
        child = started_process(sys.executable, "-c", "import time; time.sleep(60)", *marks)
        started.append(child)
        return child.pid

    yield run
    for child in started:
        child.kill()
        child.wait()


def _lock_of(path: Path, pid: int) -> None:
    """A lock in QLockFile's format held by `pid`, named as a Python process names it."""
    name = f"python{sys.version_info.major}.{sys.version_info.minor}"
    Path(str(path) + ".lock").write_text(f"{pid}\n{name}\n{socket.gethostname()}\n")


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc")
def test_a_lock_whose_number_another_program_now_has_is_taken_over(
    started, demo_db_path, live_process, dialogs
):
    """The crashed instance's process number went to another Python program: the lock is
    stale (QLockFile alone sees a running python and refuses)."""
    _lock_of(demo_db_path, live_process())
    assert started(demo_db_path) is not None
    assert dialogs == []


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc")
def test_a_lock_held_by_a_running_retention_desktop_is_respected(
    started, demo_db_path, live_process, dialogs
):
    _lock_of(demo_db_path, live_process("-m", "retention_desktop"))
    assert started(demo_db_path) is None
    assert "already open" in dialogs[-1][1]


def test_a_foreign_file_is_refused_untouched(started, tmp_path, dialogs):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert started(path) is None
    assert dialogs[-1][0] == "critical"
    assert "another program" in dialogs[-1][1]
    assert path.read_bytes() == before


def test_a_damaged_file_is_restored_from_the_latest_backup(started, demo_db_path, dialogs):
    backup_file(demo_db_path, reason="manual")
    demo_db_path.write_bytes(b"this is no longer a database " * 100)
    window = started(demo_db_path)
    assert dialogs[-1][0] == "question"
    assert window is not None
    assert window.roster.page.model.rowCount() > 30
    kept = sorted(demo_db_path.parent.glob("shop.db.replaced-*"))
    # The damaged file and its old -wal/-shm are kept aside: an old WAL must never be
    # replayed onto the restored file.
    assert [p.name.rsplit("-", 1)[-1] for p in kept][1:] == ["shm", "wal"]
    assert kept[0].read_bytes().startswith(b"this is no longer")


def test_a_damaged_file_without_backup_is_explained(started, tmp_path, dialogs):
    path = tmp_path / "broken.db"
    path.write_bytes(b"garbage" * 10)
    assert started(path) is None
    assert dialogs[-1][0] == "critical"
    assert "no backup" in dialogs[-1][1]
    assert path.read_bytes() == b"garbage" * 10


def test_the_command_without_a_name_opens_the_window(qapp, demo_db_path, monkeypatch):
    from retention_desktop import cli

    shown = []

    def exec_once():
        windows = [
            w for w in qapp.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()
        ]
        shown.extend((w.session.path, w.roster.page.model.total_count()) for w in windows)
        for window in windows:
            window.close()
        return 0

    monkeypatch.setattr(qapp, "exec", exec_once)
    assert cli.main(["--db", str(demo_db_path), "--lang", "en"]) == 0
    assert len(shown) == 1
    assert shown[0][0] == demo_db_path
    assert shown[0][1] > 30
    # The lock is released when the app ends, so the file can be opened again.
    assert app_module.acquire_lock(demo_db_path) is not None


def test_another_program_holding_the_file_at_start_is_said_not_called_damage(
    started, demo_db_path, dialogs
):
    """A program that keeps the file to itself (an exclusive lock): one sentence naming
    the file and what to do; no talk of damage, no restore offered, the file unchanged."""
    other = sqlite3.connect(demo_db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert started(demo_db_path) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert dialogs == [("critical", f"Another program is using {demo_db_path}. Close it, "
                                    "then start Retention Desktop again.")]  # fmt: skip
    assert list_backups(demo_db_path) == []


def test_a_file_in_a_folder_it_may_not_write_opens_read_only(started, demo_db_path, dialogs):
    """No lock file can be made there: the window opens read-only (it used to say the file
    was already open in another window)."""
    from PySide6.QtWidgets import QLabel
    from unprivileged import read_only_place

    with read_only_place(demo_db_path) as place:
        window = started(place / demo_db_path.name)
        assert window is not None, dialogs
        assert dialogs == []
        assert window.session.read_only
        assert window.findChild(QLabel, "readOnlyBanner").isVisible()
        assert sorted(p.name for p in place.iterdir()) == [demo_db_path.name]
        window.close()
        window.session.close()


def test_a_daily_backup_that_fails_is_said(started, demo_db_path, qtbot, monkeypatch):
    """The disk is full when the daily backup is taken: the status bar says so, and where
    to look (it used to fail in silence)."""
    import errno

    from retention_desktop.store import backup

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.os, "replace", full)
    window = started(demo_db_path)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "", timeout=10000)
    assert window.statusBar().currentMessage() == (
        "Today's backup could not be taken (the disk is full). Your data is safe; free "
        f"space or check the folder {demo_db_path.parent / 'backups'}, then use File > "
        "Back up now."
    )
    assert list_backups(demo_db_path) == []


def test_file_backups_lists_them_and_restores_one_that_can_be_undone(
    started, demo_db_path, qtbot, dialogs
):
    """File > Backups…: the backups, newest first, with what they hold; Restore… (Yes to
    the question) closes the file, puts the backup in place and opens it in a new window;
    the file as it was is kept as a backup."""
    from driving import click, click_row, on_dialog, trigger
    from PySide6.QtWidgets import QApplication, QPushButton, QTableView

    backup_file(demo_db_path, reason="manual")  # (so no daily one is taken today)
    window = started(demo_db_path)
    db = window.session.db
    before = db.execute("SELECT count(*) FROM employees").fetchone()[0]
    db.execute("DELETE FROM employees WHERE id IN (SELECT id FROM employees LIMIT 3)")
    db.commit()
    trigger(window, "backup")  # File > Back up now
    qtbot.waitUntil(lambda: len(list_backups(demo_db_path)) == 2, timeout=10000)
    seen = {}

    def choose_the_first_one(dialog) -> None:
        view = dialog.findChild(QTableView, "backupsView")
        qtbot.waitUntil(lambda: view.model().rowCount() == 2, timeout=10000)
        model = view.model()
        seen["rows"] = [[model.item(r, c).text() for c in (1, 3)] for r in range(2)]
        click_row(qtbot, view, 1)  # newest first: the older one
        click(qtbot, dialog.findChild(QPushButton, "restoreButton"))

    with on_dialog(choose_the_first_one):
        trigger(window, "backups")
    assert seen["rows"] == [["Backed up by hand", str(before - 3)],
                            ["Backed up by hand", str(before)]]  # fmt: skip
    assert [kind for kind, _ in dialogs] == ["question"]
    qtbot.waitUntil(lambda: QApplication.instance().main_window is not window, timeout=10000)
    new = QApplication.instance().main_window
    qtbot.addWidget(new)
    assert new is not window
    assert new.isVisible()
    assert not window.isVisible()
    assert new.session.db.execute("SELECT count(*) FROM employees").fetchone()[0] == before
    assert new._lock is not None
    assert window._lock is None
    kept = [b for b in list_backups(demo_db_path) if b.name.endswith("before-restore.db")]
    assert len(kept) == 1
    new.session.close()
    new._lock.unlock()


def test_a_restore_runs_behind_a_busy_dialog_not_on_the_window(
    started, demo_db_path, qtbot, dialogs, monkeypatch
):
    """The copy is made off the UI thread: the window goes on painting (a large file
    takes seconds) behind a dialog without Cancel, then the file opens again."""
    import threading

    from driving import click, click_row, on_dialog, trigger
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QTableView

    backup_file(demo_db_path, reason="manual")
    window = started(demo_db_path)
    release, copying = threading.Event(), threading.Event()
    real = app_module.restore_keeping_current

    def slow(backup, path):
        copying.set()
        assert release.wait(10)
        return real(backup, path)

    monkeypatch.setattr(app_module, "restore_keeping_current", slow)

    def choose(dialog) -> None:
        view = dialog.findChild(QTableView, "backupsView")
        qtbot.waitUntil(lambda: view.model().rowCount() >= 1, timeout=10000)
        click_row(qtbot, view, 0)
        click(qtbot, dialog.findChild(QPushButton, "restoreButton"))

    with on_dialog(choose):
        trigger(window, "backups")
    qtbot.waitUntil(copying.is_set, timeout=5000)
    busy = window.findChild(QProgressDialog, "progressDialog")
    qtbot.waitUntil(busy.isVisible, timeout=2000)  # the event loop runs: it was painted
    assert busy.findChild(QPushButton) is None  # no Cancel
    assert busy.labelText().startswith("Restoring ")
    release.set()
    qtbot.waitUntil(lambda: QApplication.instance().main_window is not window, timeout=10000)
    new = QApplication.instance().main_window
    qtbot.addWidget(new)
    assert new.isVisible()
    new.session.close()
    new._lock.unlock()


def test_a_damaged_file_is_said_wholly_in_chinese(started, demo_db_path, dialogs, chinese):
    """The damaged-file question began with the store's English sentence."""
    import re

    backup_file(demo_db_path, reason="manual")
    path = demo_db_path
    with sqlite3.connect(path) as conn:  # an SQLite file, but its pages are garbage
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page: unreadable
    path.write_bytes(bytes(data))
    started(path, "zh_CN")
    kind, text = dialogs[0]
    assert kind == "question"
    assert text.startswith(f"{path} 已损坏，无法读取，没有做任何改动。")
    words = re.sub(r"shop-[\w-]+\.db", "", text.replace(str(path), ""))  # the file names
    assert not re.search(r"[A-Za-z]{3,}", words), text


def test_a_file_that_is_not_ours_is_said_in_chinese(started, tmp_path, dialogs, chinese):
    path = tmp_path / "shop.db"
    path.write_bytes(b"not a database at all" * 10)
    started(path, "zh_CN")
    text = dialogs[0][1]
    assert text.startswith(f"{path} 不是留人的数据库（它不是数据库文件），没有做任何改动。")


def test_a_language_chosen_in_settings_restarts_the_app_in_it(
    started, demo_db_path, qtbot, dialogs, monkeypatch
):
    """Settings > Language: kept for this computer, and Yes to the offer starts the app
    again on the same file (the file and its lock let go first) and quits this one."""
    from driving import SAVE, button, click, on_dialog, trigger
    from PySide6.QtCore import QLockFile, QProcess, QSettings
    from PySide6.QtWidgets import QComboBox

    from retention_desktop.ui.common.i18n import app_language, chosen_language

    launched = []
    monkeypatch.setattr(QProcess, "startDetached",
                        staticmethod(lambda program, args: launched.append([program, *args])
                                     or True))  # fmt: skip
    backup_file(demo_db_path, reason="manual")  # no daily backup job in the way
    window = started(demo_db_path)
    assert chosen_language() == ""

    def choose_chinese(dialog) -> None:
        combo = dialog.findChild(QComboBox, "languageCombo")
        assert [combo.itemText(n) for n in range(combo.count())] == [
            "Follow the system", "中文（简体）", "English"]  # fmt: skip
        combo.setCurrentIndex(combo.findData("zh_CN"))
        click(qtbot, button(dialog, SAVE))

    with on_dialog(choose_chinese):
        trigger(window, "settings")
    assert QSettings().value("language") == "zh_CN"
    assert app_language(None) == "zh_CN"
    assert app_language("en") == "en"
    assert [kind for kind, _ in dialogs] == ["question"]
    assert "next start" in dialogs[0][1]
    assert len(launched) == 1
    assert launched[0][-2:] == ["--db", str(demo_db_path)]
    assert not window.isVisible()
    assert window.session.closed
    other = QLockFile(str(demo_db_path) + ".lock")
    assert other.tryLock(100)  # let go for the new one
    other.unlock()
