"""Files like every desktop program: File > Open file…, New file…, Recent files, the whole
path in the status bar, and About with a button that opens the file's folder."""

from __future__ import annotations

import shutil

from driving import choosing_file, on_dialog, trigger
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from test_app import dialogs, started  # noqa: F401  (the fixtures)

from retention_desktop.ui.shell.files import recent_files


def shown_window(qtbot):
    window = QApplication.instance().main_window
    qtbot.addWidget(window)
    return window


def close(window) -> None:
    window.session.close()
    if window._lock is not None:
        window._lock.unlock()
        window._lock = None
    window.close()


def test_open_another_file_then_come_back_through_recent_files(
    started,  # noqa: F811
    demo_db_path,
    tmp_path,
    qtbot,
):
    other = tmp_path / "other shop" / "second.db"
    other.parent.mkdir()
    shutil.copyfile(demo_db_path, other)
    first = started(demo_db_path)
    assert first.findChild(QLabel, "pathLabel").text() == str(demo_db_path)

    with choosing_file(other):
        trigger(first, "openFile")
    second = shown_window(qtbot)
    assert second is not first
    assert second.session.path == other
    assert second.findChild(QLabel, "pathLabel").text() == str(other)
    assert not first.isVisible()
    assert first.session.closed
    assert first._lock is None  # let go
    assert recent_files()[:2] == [other.absolute(), demo_db_path.absolute()]

    menu = second.files.recent_menu
    menu.popup(second.mapToGlobal(second.rect().center()))  # as File > Recent files opens it
    qtbot.waitUntil(menu.isVisible)
    entries = [a for a in menu.actions() if a.isEnabled()]
    assert [a.text() for a in entries] == [f"&1 {demo_db_path.absolute()}"]
    entries[0].trigger()
    menu.close()
    third = shown_window(qtbot)
    assert third.session.path.absolute() == demo_db_path.absolute()
    assert not second.isVisible()
    close(third)


def test_a_new_file_opens_empty_and_never_over_an_existing_one(
    started,  # noqa: F811
    dialogs,  # noqa: F811
    demo_db_path,
    tmp_path,
    qtbot,
):
    first = started(demo_db_path)
    with choosing_file(demo_db_path):  # the file shown: refused, nothing written over
        trigger(first, "newFile")
    assert [kind for kind, _ in dialogs] == ["warning"]
    assert "is there already" in dialogs[0][1]
    assert QApplication.instance().main_window is first

    fresh = tmp_path / "new shop"
    with choosing_file(fresh):  # typed without .db: it is added
        trigger(first, "newFile")
    second = shown_window(qtbot)
    assert second.session.path == fresh.with_suffix(".db")
    assert fresh.with_suffix(".db").is_file()
    assert second.roster.page.model.rowCount() == 0
    close(second)


def test_about_names_the_file_and_opens_its_folder(
    started,  # noqa: F811
    demo_db_path,
    qtbot,
    monkeypatch,
):
    opened = []
    record = staticmethod(lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    window = started(demo_db_path)
    seen = {}

    def look(box) -> None:
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        folder = next(b for b in box.buttons() if b.text() == "Open its &folder")
        folder.click()

    with on_dialog(look):
        trigger(window, "about")
    assert str(demo_db_path) in seen["text"]
    assert opened == [str(demo_db_path.parent)]
