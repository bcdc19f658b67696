"""Edit > Undo import…, as the owner reaches it: the menu item names the file, asks with
what it removes, takes the import back after a backup and every screen follows; records
made since stop it with the reason and the backup to restore; nothing to undo, nothing
offered."""

from __future__ import annotations

from datetime import date

import pytest
from driving import action, choosing_file, click, dump, on_dialog, trigger
from PySide6.QtWidgets import QMessageBox
from test_spreadsheet_dialogs import HEADER, checked, write_csv

from retention_desktop.domain.exchange import ImportRow
from retention_desktop.store.backup import list_backups
from retention_desktop.store.database import open_database
from retention_desktop.store.importing import import_rows
from retention_desktop.ui.common.session import Session

TODAY = date(2026, 11, 23)
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def boxes(monkeypatch):
    """The information and warning boxes shown (answered at once), as (kind, text)."""
    shown: list[tuple[str, str]] = []

    def box(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "information", box("information"))
    monkeypatch.setattr(QMessageBox, "warning", box("warning"))
    return shown


@pytest.fixture
def window(make_window, demo_db_path, qtbot, monkeypatch):
    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))

    def make():
        made = make_window(demo_db_path)
        made.show()
        qtbot.waitExposed(made)
        return made

    return make


def imported_by_hand(path, *rows: ImportRow, source: str = "名单.xlsx") -> None:
    db = open_database(path)
    try:
        assert import_rows(db, path, rows, source=source).written
    finally:
        db.close()


def data(db) -> dict:
    """What the file holds, but the history of imports."""
    return {table: rows for table, rows in dump(db).items() if table != "imports"}


def undo_item(window, qtbot, enabled: bool = True):
    found = action(window, "undoImport")
    qtbot.waitUntil(lambda: found.isEnabled() == enabled, timeout=5000)
    return found


def test_an_import_from_the_menu_is_taken_back_from_the_edit_menu(
    window, demo_db_path, qtbot, tmp_path, boxes, answer
):
    window = window()
    db = window.session.db
    before = data(db)
    assert not undo_item(window, qtbot, enabled=False).isEnabled()
    file = write_csv(tmp_path / "名单.csv", [
        HEADER,
        ["N1", "周杰", "售前客服", "客服专员", "2026-09-01", "", "", ""],
        ["N2", "吴昊", "售后客服", "客服专员", "2026-03-01", "2026-09-30", "被动", "业绩不达标"],
    ])  # fmt: skip

    def import_it(dialog) -> None:
        checked(qtbot, dialog)
        click(qtbot, dialog.import_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)

    with choosing_file(file), on_dialog(import_it):
        trigger(window, "import")
    assert data(db) != before
    item = undo_item(window, qtbot)
    assert item.text() == "Undo &import of “名单.csv”…"
    edit_menu = window.menuBar().actions()[1].menu()
    assert item in edit_menu.actions()

    asked = answer(NO)  # asked, and No leaves everything
    trigger(window, "undoImport")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert asked[0].startswith("Undo the import of 名单.csv (")
    assert "• people: 2\n• employments: 2\n• exits: 1\n• exit reasons: 1" in asked[0]
    assert asked[0].endswith("A backup of the file is taken first.")
    assert data(db) != before

    answer(YES)
    trigger(window, "undoImport")
    qtbot.waitUntil(lambda: len(boxes) == 2, timeout=10000)
    assert boxes[1][0] == "information"
    assert boxes[1][1].startswith("The import of 名单.csv was undone")
    assert list_backups(demo_db_path)[-1].name in boxes[1][1]
    assert data(db) == before
    # nothing left to undo, and the roster no longer shows them
    assert undo_item(window, qtbot, enabled=False).text() == "Undo &import…"
    model = window.roster.page.model
    qtbot.waitUntil(lambda: all(
        model.index(r, 1).data() not in ("周杰", "吴昊") for r in range(model.rowCount())
    ), timeout=5000)  # fmt: skip
    assert window.session.undo_stack.count() == 0


def test_records_made_since_stop_the_undo_with_the_reason(
    window, demo_db_path, qtbot, boxes, answer
):
    imported_by_hand(demo_db_path, ImportRow(row=2, name="周杰", hire_date=date(2026, 9, 1),
                                             employee_no="N1"))  # fmt: skip
    window = window()
    db = window.session.db
    # the owner plans a check-in for the person the file brought
    db.execute(
        "INSERT INTO retention_actions (employee_id, action_type_id, planned_date) "
        "SELECT id, 1, '2026-11-23' FROM employees WHERE employee_no = 'N1'"
    )
    db.conn.commit()
    before = data(db)
    asked = answer(YES)
    trigger(window, undo_item(window, qtbot).objectName())
    qtbot.waitUntil(lambda: len(boxes) == 1, timeout=5000)
    kind, text = boxes[0]
    assert kind == "warning"
    assert asked == []  # refused before asking
    assert text.startswith("The import of 名单.xlsx (")
    assert "cannot be undone" in text
    assert "• Records added since to people or exits it brought in" in text
    assert ": 1 (for example 周杰)" in text
    assert "restore the backup shop-" in text
    assert text.endswith("-import.db (File > Backups…).")
    assert data(db) == before


def test_nothing_to_undo_offers_nothing(window, qtbot):
    window = window()
    item = undo_item(window, qtbot, enabled=False)
    assert item.text() == "Undo &import…"


def test_the_question_and_the_refusal_are_in_chinese(window, demo_db_path, qtbot, chinese,
                                                     boxes, answer):  # fmt: skip
    imported_by_hand(demo_db_path, ImportRow(row=2, name="周杰", hire_date=date(2026, 9, 1)))
    window = window()
    asked = answer(NO)
    item = undo_item(window, qtbot)
    assert item.text().startswith("撤销导入")
    trigger(window, "undoImport")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert "撤销" in asked[0]
    assert "名单.xlsx" in asked[0]
