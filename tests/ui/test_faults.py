"""Faults of the file or the disk, met where the owner meets them: one plain sentence in
the owner's language, the form kept open with what was typed, nothing written; once the
fault is gone, saving again works."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from driving import CANCEL, CTRL, SAVE, activate, button, child, click, dump, on_dialog, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

NOTES = "交接了三十单未结投诉，客户名单在共享表格里。" * 400  # ~28 KB: new pages needed

SENTENCES = {
    "en": "The disk that holds {path} is full, so the change was not saved. Free some space "
    "and save again.",
    "zh_CN": "{path} 所在的磁盘已满，更改没有保存。请腾出一些空间后再保存。",
}


def new_employee(window, qtbot, fill) -> None:
    window.show()
    activate(window, qtbot)
    with on_dialog(fill):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, CTRL)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_full_disk_keeps_the_new_employee_dialog_open(
    make_window, demo_db_path, qtbot, lang, request
):
    if lang == "zh_CN":
        request.getfixturevalue("chinese")
    window = make_window(demo_db_path, lang)
    db = window.session.db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    free = db.execute("PRAGMA freelist_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full: no page more
    assert free < 7  # the notes need more pages than the file has free
    before = dump(db)

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "新同事")
        type_text(qtbot, child(dialog, "teamEdit"), "售后客服")
        type_text(qtbot, child(dialog, "notesEdit"), NOTES)
        click(qtbot, button(dialog, SAVE))
        assert dialog.isVisible()
        shown = [label.text() for label in dialog.findChildren(type(child(dialog, "nameError")))
                 if label.isVisible()]  # fmt: skip
        assert shown == [SENTENCES[lang].format(path=demo_db_path)]
        assert dump(db) == before
        assert child(dialog, "nameEdit").text() == "新同事"
        assert child(dialog, "notesEdit").toPlainText() == NOTES
        db.execute("PRAGMA max_page_count = 1073741823")  # space made free
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    new_employee(window, qtbot, fill)
    with sqlite3.connect(demo_db_path) as other:
        assert other.execute(
            "SELECT name, notes FROM employees WHERE name = ?", ["新同事"]
        ).fetchall() == [("新同事", NOTES)]
    assert window.session.undo_stack.count() == 1


def test_another_program_holding_the_file_is_said_and_saving_again_works(
    make_window, demo_db_path, qtbot
):
    """Another program holds the write lock: Save waits a moment (not the 5 s SQLite
    would), says so, keeps the form; once the program lets go, Save again saves."""
    window = make_window(demo_db_path)
    other = sqlite3.connect(demo_db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # as DB Browser does while it edits
    before = dump(window.session.db)

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "新同事")
        click(qtbot, button(dialog, SAVE))
        assert dialog.isVisible()
        assert child(dialog, "nameError").text() == (
            f"Another program is using {demo_db_path}, so the change was not saved. Close it "
            "or wait a moment, then save again."
        )
        assert dump(window.session.db) == before
        other.execute("ROLLBACK")
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    try:
        new_employee(window, qtbot, fill)
    finally:
        other.close()
    names = window.session.db.execute("SELECT name FROM employees WHERE name = '新同事'")
    assert [r[0] for r in names] == ["新同事"]


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="reads /proc")
def test_the_program_holding_the_file_is_named(make_window, demo_db_path, qtbot, chinese):
    """In Chinese, with another process holding the write lock: the form names it."""
    import subprocess
    import sys

    window = make_window(demo_db_path, "zh_CN")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(60)",
         str(demo_db_path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    seen = {}

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "新同事")
        click(qtbot, button(dialog, SAVE))
        seen["text"] = child(dialog, "nameError").text()
        click(qtbot, button(dialog, CANCEL))

    try:
        assert holder.stdout.readline() == "held\n"
        name = Path(f"/proc/{holder.pid}/comm").read_text().strip()
        new_employee(window, qtbot, fill)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert seen["text"] == (
        f"{name} 正在使用 {demo_db_path}，更改没有保存。请关闭该程序或稍等片刻，再保存。"
    )


def test_an_undo_the_file_refuses_is_said_and_the_history_stays(
    make_window, demo_db_path, qtbot, monkeypatch
):
    """Ctrl+Z while another program holds the file: a message says so, the file and the
    undo history are as they were; once it lets go, Ctrl+Z undoes."""
    from PySide6.QtWidgets import QMessageBox

    warned = []

    def warning(parent, title, text, *args):
        warned.append(text)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    window = make_window(demo_db_path)

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "新同事")
        click(qtbot, button(dialog, SAVE))

    new_employee(window, qtbot, fill)
    stack = window.session.undo_stack
    assert (stack.index(), stack.count()) == (1, 1)
    db = window.session.db
    added = dump(db)
    other = sqlite3.connect(demo_db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        activate(window, qtbot)
        window.roster.page.view.setFocus()  # in the list (a text field has its own undo)
        qtbot.keyClick(window.roster.page.view, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: warned != [], timeout=5000)
        qtbot.waitUntil(lambda: stack.index() == 1, timeout=5000)  # moved back at once
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert warned == [
        f"Another program is using {demo_db_path}, so the change was not saved. Close it "
        "or wait a moment, then save again."
    ]
    assert dump(db) == added
    assert stack.canUndo()
    qtbot.keyClick(window.roster.page.view, Qt.Key.Key_Z, CTRL)
    assert stack.index() == 0
    assert db.execute("SELECT count(*) FROM employees WHERE name = '新同事'").fetchone() == (0,)
