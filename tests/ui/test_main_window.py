"""The first main window, driven offscreen over real databases."""

from __future__ import annotations

from pathlib import Path

from driving import action, drag_column_edge, exits_page, trigger
from PySide6.QtCore import QCollator, QLocale, Qt

from retention_desktop.store.backup import list_backups
from retention_desktop.store.database import open_database
from retention_desktop.store.queries import counts
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.roster.model import COL_NAME, COL_TENURE


def _db_counts(path: Path) -> dict[str, int]:
    db = open_database(path)
    try:
        return counts(db, Session.today())
    finally:
        db.close()


def test_window_shows_every_employee_and_the_counts(make_window, demo_db_path):
    expected = _db_counts(demo_db_path)
    window = make_window(demo_db_path)
    window.show()
    assert window.roster.page.view.isVisible()
    assert not window.roster.page.empty_label.isVisible()
    # the roster opens on the people who work here now
    assert window.roster.page.model.rowCount() == expected["active"]
    assert window.count_label.text() == (
        f"{expected['employees']} employees, {expected['active']} active, "
        f"{expected['active']} shown"
    )
    assert "shop.db" in window.windowTitle()


def test_clicking_a_header_sorts_the_roster(make_window, demo_db_path, qtbot):
    window = make_window(demo_db_path)
    window.show()
    header = window.roster.page.view.horizontalHeader()
    x = header.sectionViewportPosition(COL_TENURE) + header.sectionSize(COL_TENURE) // 2
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    model = window.roster.page.model
    rows = [model.row_at(r) for r in range(model.rowCount())]
    keys = [(r.end_date or window.session.today()) - r.hire_date for r in rows]
    assert keys in (sorted(keys), sorted(keys, reverse=True))
    assert len(set(keys)) > 10
    assert header.sortIndicatorSection() == COL_TENURE


def test_names_are_sorted_at_start_as_the_locale_collates_them(make_window, demo_db_path):
    window = make_window(demo_db_path)
    model = window.roster.page.model
    names = [model.index(r, COL_NAME).data() for r in range(model.rowCount())]
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    assert names == sorted(names, key=collator.sortKey)


def test_empty_database_shows_a_helpful_empty_state(make_window, tmp_path):
    """The welcome, with its three ways in, instead of an empty table (it said to run
    `retention-desktop demo` in a terminal before)."""
    from PySide6.QtWidgets import QPushButton

    window = make_window(tmp_path / "empty.db")
    window.show()
    page = window.roster.page
    assert page.welcome.isVisible()
    assert not page.view.isVisible()
    assert not page.empty_label.isVisible()
    names = {b.objectName() for b in page.welcome.findChildren(QPushButton) if b.isVisible()}
    assert {"importRosterButton", "demoButton", "firstEmployeeButton"} <= names
    assert window.count_label.text() == "0 employees, 0 active, 0 shown"


def test_back_up_now_writes_a_backup_off_the_ui_thread(make_window, demo_db_path, qtbot):
    window = make_window(demo_db_path)
    window.show()
    assert list_backups(demo_db_path) == []
    trigger(window, "backup")
    assert not action(window, "backup").isEnabled()  # busy while the worker copies
    qtbot.waitUntil(lambda: action(window, "backup").isEnabled(), timeout=10000)
    backups = list_backups(demo_db_path)
    assert len(backups) == 1
    assert "Backup written to" in window.statusBar().currentMessage()


def test_chinese_window(make_window, demo_db_path, qapp):
    from retention_desktop.ui.common.i18n import install_translators, set_default_locale

    translators = install_translators(qapp, "zh_CN")
    try:
        window = make_window(demo_db_path, lang="zh_CN")
        model = window.roster.page.model
        assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "姓名"
        assert "名员工" in window.count_label.text()
        assert window.menuBar().actions()[0].text() == "文件(&F)"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_default_locale("en")


def test_window_geometry_and_columns_are_remembered(make_window, demo_db_path, qtbot):
    first = make_window(demo_db_path)
    first.show()
    first.resize(790, 560)
    drag_column_edge(qtbot, first.roster.page.view, COL_NAME, 177)
    qtbot.waitUntil(lambda: first.width() == 790)
    first.close()

    second = make_window(demo_db_path)
    second.show()
    assert (second.width(), second.height()) == (790, 560)
    assert second.roster.page.view.horizontalHeader().sectionSize(COL_NAME) == 177


def test_the_exits_list_is_loaded_when_shown_and_after_changes(make_window, demo_db_path):
    window = make_window(demo_db_path)
    window.show()
    assert exits_page(window).model.rowCount() == 0  # not loaded until it is looked at
    window.nav.setCurrentRow(1)
    expected = _db_counts(demo_db_path)["exits"]
    assert exits_page(window).model.rowCount() == expected
    first = exits_page(window).model.row_at(0)
    exits_page(window).view.selectRow(0)
    from retention_desktop.store import records

    window.session.change(
        "test", lambda: records.cancel_exit(window.session.db, first.exit_id), first.employee_id
    )
    assert exits_page(window).model.rowCount() == expected - 1
    window.session.undo_stack.undo()
    assert exits_page(window).model.rowCount() == expected


def test_a_large_roster_is_read_in_the_background(make_window, demo_db_path, qtbot, monkeypatch):
    from retention_desktop.ui.roster import controller

    monkeypatch.setattr(controller, "BACKGROUND_ROWS", 10)
    window = make_window(demo_db_path)
    window.show()
    page = window.roster.page
    expected = _db_counts(demo_db_path)
    if page.loading:  # the worker may already be done on a fast machine
        assert page.empty_label.text() == "Loading the roster…"
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    assert page.model.total_count() == expected["employees"]
    assert page.view.isVisible()
    assert window.count_label.text().startswith(f"{expected['employees']} employees")


def test_a_change_updates_only_that_persons_row(make_window, demo_db_path, monkeypatch):
    from retention_desktop.domain.records import EmployeeDraft
    from retention_desktop.store import queries, records

    window = make_window(demo_db_path)
    window.show()
    page, session = window.roster.page, window.session
    before = page.model.total_count()
    calls = []
    monkeypatch.setattr(
        session, "roster", lambda *a: calls.append(a) or queries.roster(session.db, *a)
    )
    new_id = session.change(
        "add",
        lambda: records.add_employee(
            session.db, EmployeeDraft("新同事", session.today()), today=session.today()
        ),
    )[0]
    assert calls == [(new_id,)]  # one person read, not the whole roster
    assert page.model.total_count() == before + 1
    assert page.model.row_at(page.model.row_of_employee(new_id)).name == "新同事"
    session.undo_stack.undo()
    assert page.model.total_count() == before
    assert page.model.row_of_employee(new_id) is None
    session.undo_stack.redo()
    assert page.model.row_of_employee(new_id) is not None


def test_a_closed_dialog_is_let_go(make_window, demo_db_path, qtbot):
    """A dialog lives while it is open: opening New employee and Settings again and again
    leaves no dialogs behind in the window."""
    from driving import on_dialog
    from PySide6.QtWidgets import QDialog

    window = make_window(demo_db_path)
    window.show()
    for _ in range(3):
        for name in ("new", "settings"):
            with on_dialog(lambda dialog: dialog.reject()):
                trigger(window, name)
    qtbot.waitUntil(lambda: not window.findChildren(QDialog), timeout=2000)


def test_back_up_now_on_a_full_disk_says_so(make_window, demo_db_path, qtbot, monkeypatch):
    import errno

    from PySide6.QtWidgets import QMessageBox

    from retention_desktop.store import backup

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup.os, "replace", full)
    warned = []

    def warning(parent, title, text, *args):
        warned.append(text)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    window = make_window(demo_db_path)
    trigger(window, "backup")
    qtbot.waitUntil(lambda: warned != [], timeout=10000)
    assert warned == [
        f"The backup could not be written: The disk that holds {demo_db_path} is full, so "
        "the change was not saved. Free some space and save again."
    ]


def test_a_window_remembered_larger_than_the_screen_opens_within_it(make_window, demo_db_path,
                                                                    qtbot):  # fmt: skip
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QGuiApplication

    room = QGuiApplication.primaryScreen().availableGeometry()
    first = make_window(demo_db_path)
    first.show()
    first.setGeometry(room.x() + 5000, room.y() + 50, room.width() + 900, room.height() + 700)
    first.close()  # remembered: too big, and off the screen
    assert QSettings().value("mainWindow/geometry") is not None
    window = make_window(demo_db_path)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= room.width()
    assert window.height() <= room.height()
    assert room.contains(window.geometry().topLeft())
