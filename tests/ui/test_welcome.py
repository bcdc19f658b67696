"""The first run: on a file that holds nobody a welcome offers three ways in, each one
click; it comes back whenever the roster is empty."""

from __future__ import annotations

from driving import SAVE, choosing_file, click, click_row, on_dialog
from driving import button as button_of
from PySide6.QtWidgets import QApplication, QPushButton
from test_app import dialogs, started  # noqa: F401  (the fixtures)

from retention_desktop import app as app_module
from retention_desktop.store.database import open_database


def button(window, name: str) -> QPushButton:
    found = window.roster.page.welcome.findChild(QPushButton, name)
    assert found is not None, name
    assert found.isVisible(), name
    return found


def empty_window(make_window, tmp_path, qtbot):
    path = tmp_path / "new shop.db"
    open_database(path).close()
    window = make_window(path)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.roster.page.welcome.isVisible(), timeout=5000)
    return window


def test_the_first_employee_from_the_welcome_then_it_goes(make_window, tmp_path, qtbot):
    from driving import replace_text

    window = empty_window(make_window, tmp_path, qtbot)
    assert not window.roster.page.view.isVisible()
    assert not window.roster.page.filter_bar.isVisible()  # nothing to search yet

    def add(dialog) -> None:
        replace_text(qtbot, dialog.name_edit, "王芳")
        click(qtbot, button_of(dialog, SAVE))

    with on_dialog(add):
        click(qtbot, button(window, "firstEmployeeButton"))
    qtbot.waitUntil(lambda: not window.roster.page.welcome.isVisible(), timeout=5000)
    assert window.roster.page.view.isVisible()
    assert window.roster.page.filter_bar.isVisible()
    # the last one deleted: the welcome comes back
    from driving import trigger

    click_row(qtbot, window.roster.page.view, 0)
    from PySide6.QtWidgets import QMessageBox

    with on_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click()):
        trigger(window, "delete")
    qtbot.waitUntil(lambda: window.roster.page.welcome.isVisible(), timeout=5000)


def test_the_import_from_the_welcome_opens_the_file_and_the_import(make_window, tmp_path,
                                                                   qtbot):  # fmt: skip
    from retention_desktop.sheets.template import write_template

    window = empty_window(make_window, tmp_path, qtbot)
    roster = tmp_path / "roster.xlsx"
    write_template(roster)
    seen = {}

    def look(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        dialog.reject()

    with choosing_file(roster), on_dialog(look):
        click(qtbot, button(window, "importRosterButton"))
    assert seen["title"]
    template = tmp_path / "template.xlsx"
    with choosing_file(template):
        click(qtbot, button(window, "templateButton"))
    assert template.is_file()


def test_the_demo_shop_opens_in_a_file_of_its_own_marked_demo(
    started,  # noqa: F811
    tmp_path,
    qtbot,
    monkeypatch,
):
    own = tmp_path / "shop.db"
    open_database(own).close()
    demo = tmp_path / "data" / "demo.db"
    demo.parent.mkdir()
    monkeypatch.setattr(app_module, "demo_path", lambda: demo)
    first = started(own)
    qtbot.waitUntil(lambda: first.roster.page.welcome.isVisible(), timeout=5000)
    click(qtbot, button(first, "demoButton"))
    qtbot.waitUntil(lambda: QApplication.instance().main_window is not first, timeout=20000)
    second = QApplication.instance().main_window
    qtbot.addWidget(second)
    assert second.session.path == demo
    assert "(demo shop)" in second.windowTitle()
    assert "(demo" not in first.windowTitle()
    qtbot.waitUntil(lambda: second.roster.page.model.rowCount() > 30, timeout=10000)
    db = open_database(own)
    try:
        assert db.execute("SELECT count(*) FROM employees").fetchone()[0] == 0  # untouched
    finally:
        db.close()
    second.session.close()
    if second._lock is not None:
        second._lock.unlock()


def test_a_demo_file_that_holds_a_real_shop_is_left_and_said(
    started,  # noqa: F811
    dialogs,  # noqa: F811
    tmp_path,
    qtbot,
    monkeypatch,
):
    """demo.db, in the data folder, turned out to hold a shop's own records: never filled
    with the demo, and the owner is told in their words."""
    from datetime import date

    from retention_desktop.domain.records import EmployeeDraft
    from retention_desktop.store.records import add_employee

    own = tmp_path / "shop.db"
    open_database(own).close()
    demo = tmp_path / "data" / "demo.db"
    demo.parent.mkdir()
    db = open_database(demo)
    try:
        add_employee(db, EmployeeDraft(name="真的人", hire_date=date(2024, 1, 2)),
                     today=date(2026, 1, 1))  # fmt: skip
    finally:
        db.close()
    monkeypatch.setattr(app_module, "demo_path", lambda: demo)
    first = started(own)
    qtbot.waitUntil(lambda: first.roster.page.welcome.isVisible(), timeout=5000)
    click(qtbot, button(first, "demoButton"))
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10000)
    said = f"{demo} holds a shop's records, not the demo; it was not changed."
    assert dialogs == [("warning", f"The demo shop could not be made: {said}")]
    assert QApplication.instance().main_window is first
