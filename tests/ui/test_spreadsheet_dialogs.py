"""File > Import, Export and Save import template, driven through the real dialogs: the
import shows columns, first rows and every problem and writes only a clean file; the
export writes the period's workbook off the UI thread and a cancel leaves no file."""

from __future__ import annotations

import csv
import time
from datetime import date
from pathlib import Path

import pytest
from driving import CANCEL, action, button, choosing_file, click, dump, on_dialog, trigger
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from retention_desktop.sheets import export
from retention_desktop.store.reports import turnover_report
from retention_desktop.ui.common.period_picker import PRESET_LAST_YEAR
from retention_desktop.ui.common.session import Session

TODAY = date(2026, 11, 23)
HEADER = ["工号", "姓名", "部门", "岗位", "入职日期", "离职日期", "离职类型", "离职原因"]


@pytest.fixture
def window(make_window, demo_db_path, qtbot, monkeypatch):
    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    window = make_window(demo_db_path)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def informed(monkeypatch):
    """The texts of the information boxes shown (answered at once)."""
    texts: list[str] = []

    def information(parent, title, text, *args, **kwargs):
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", staticmethod(information))
    return texts


def write_csv(path: Path, rows: list[list[str]], encoding: str = "gb18030") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def checked(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10000)


def test_a_clean_file_is_previewed_then_imported(window, qtbot, tmp_path, informed):
    db = window.session.db
    file = write_csv(tmp_path / "名单.csv", [
        HEADER,
        ["N1", "周杰", "售前客服", "客服专员", "2026-09-01", "", "", ""],
        ["N2", "吴昊", "售后客服", "客服专员", "2026-03-01", "2026-09-30", "被动", "业绩不达标"],
    ])  # fmt: skip
    employees = db.execute("SELECT count(*) FROM employees").fetchone()[0]
    seen = {}

    def look_then_import(dialog) -> None:
        checked(qtbot, dialog)
        seen["file"] = dialog.file_label.text()
        combos = [dialog.mapping_table.cellWidget(n, 1) for n in range(len(HEADER))]
        seen["mapping"] = [combo.currentData() for combo in combos]
        seen["preview"] = [
            [dialog.preview_model.item(r, c).text() for c in range(3)] for r in range(2)
        ]
        seen["problems"] = dialog.problem_model.rowCount()
        seen["status"] = dialog.status_label.text()
        assert dialog.import_button.isEnabled()
        click(qtbot, dialog.import_button)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)

    with choosing_file(file), on_dialog(look_then_import):
        trigger(window, "import")
    assert seen["file"] == "名单.csv (gb18030): 2 rows"
    assert seen["mapping"] == ["employee_no", "name", "team", "position", "hire_date",
                               "exit_date", "exit_type", "exit_reason"]  # fmt: skip
    assert seen["preview"] == [["N1", "周杰", "售前客服"], ["N2", "吴昊", "售后客服"]]
    assert seen["problems"] == 0
    assert seen["status"].startswith("Ready: 2 employees, 2 employment spells and 1 exit will be "
                                     "added; already in the database: 0 rows.")  # fmt: skip
    assert "业绩不达标" in seen["status"]
    assert db.execute("SELECT count(*) FROM employees").fetchone()[0] == employees + 2
    assert db.execute(
        "SELECT s.end_date, x.exit_type FROM employees e JOIN spells s ON s.employee_id = e.id "
        "JOIN exits x ON x.spell_id = s.id WHERE e.employee_no = 'N2'"
    ).fetchall() == [("2026-09-30", "involuntary")]
    assert informed[0].startswith("Imported: 2 employees, 2 employment spells and 1 exit added")
    assert "A backup was taken first" in informed[0]
    # the roster shows them, and the undo history started afresh
    qtbot.waitUntil(lambda: window.roster.page.model.row_of_employee(
        db.execute("SELECT id FROM employees WHERE employee_no = 'N1'").fetchone()[0]
    ) is not None)  # fmt: skip
    assert window.session.undo_stack.count() == 0


def test_problems_are_listed_and_a_corrected_column_clears_them(window, qtbot, tmp_path):
    db = window.session.db
    before = dump(db)
    # the hire dates are under a header the import does not know
    file = write_csv(tmp_path / "roster.csv", [
        ["工号", "姓名", "上岗日", "离职日期"],
        ["M1", "甲", "2026-01-05", ""],
        ["M2", "乙", "2026-02-30", ""],
    ])  # fmt: skip
    seen = {}

    def correct(dialog) -> None:
        checked(qtbot, dialog)
        seen["first"] = [
            [dialog.problem_model.item(r, c).text() for c in range(3)]
            for r in range(dialog.problem_model.rowCount())
        ]
        assert not dialog.import_button.isEnabled()
        combo = dialog.mapping_table.cellWidget(2, 1)
        combo.setCurrentIndex(combo.findData("hire_date"))
        click(qtbot, dialog.check_button)
        checked(qtbot, dialog)
        seen["second"] = [
            [dialog.problem_model.item(r, c).text() for c in range(3)]
            for r in range(dialog.problem_model.rowCount())
        ]
        seen["enabled"] = dialog.import_button.isEnabled()
        click(qtbot, button(dialog, CANCEL))

    with choosing_file(file), on_dialog(correct):
        trigger(window, "import")
    assert len(seen["first"]) == 1
    assert seen["first"][0][0] == ""  # the file as a whole
    assert "Hire date" in seen["first"][0][2]
    assert seen["second"] == [["3", "上岗日", "2026-02-30 is not a date."]]
    assert not seen["enabled"]
    assert dump(db) == before


def test_an_unreadable_file_says_why(window, qtbot, tmp_path):
    junk = tmp_path / "photo.xlsx"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    seen = {}

    def look(dialog) -> None:
        qtbot.waitUntil(lambda: bool(dialog.status_label.text())
                        and "Reading" not in dialog.status_label.text(), timeout=10000)  # fmt: skip
        seen["status"] = dialog.status_label.text()
        seen["enabled"] = dialog.import_button.isEnabled()

    with choosing_file(junk), on_dialog(look):
        trigger(window, "import")
    assert "not a spreadsheet" in seen["status"]
    assert not seen["enabled"]


def test_export_writes_the_periods_workbook(window, qtbot, tmp_path, monkeypatch):
    """The workbook of the period is written; the message that says so offers to open
    the file or its folder (Open folder clicked here)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QApplication

    target = tmp_path / "out.xlsx"
    opened, said = [], []
    record = staticmethod(lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(QDesktopServices, "openUrl", record)

    def answer_saved() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "savedBox":
            said.append((box.text(), [b.text() for b in box.buttons()]))
            folder = next(b for b in box.buttons() if b.text() == "Open &folder")
            QTimer.singleShot(0, folder.click)
            return
        QTimer.singleShot(10, answer_saved)

    def export(dialog) -> None:
        presets = dialog.picker.preset_combo
        presets.setCurrentIndex(presets.findData(PRESET_LAST_YEAR))
        dialog.team_combo.setCurrentIndex(dialog.team_combo.findData("售前客服"))
        QTimer.singleShot(0, answer_saved)
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)

    with choosing_file(target), on_dialog(export):
        trigger(window, "export")
    assert said[0][0] == f"Saved {target}."
    assert sorted(said[0][1]) == sorted(["&Open", "Open &folder", "Close"])
    assert opened == [str(tmp_path)]
    book = load_workbook(target)
    assert len(book.sheetnames) == 9
    expected = turnover_report(window.session.db, _year(2025), lang="en", today=TODAY,
                               team="售前客服").to_json()  # fmt: skip
    monthly = list(book[book.sheetnames[1]].iter_rows(min_row=2, values_only=True))
    assert [r[3] for r in monthly[:12]] == [m["separations"] for m in expected["monthly"]]


def _year(year: int):
    from retention_desktop.domain.dates import Month, Period

    return Period(Month(year, 1), Month(year, 12))


def test_a_cancelled_export_leaves_no_file(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the workbook from last week")
    started = []

    def slow_write(path, data, *, progress=None, cancelled=None):
        started.append(path)
        deadline = time.monotonic() + 10
        while not cancelled():
            progress(1, 10)
            time.sleep(0.01)
            assert time.monotonic() < deadline, "never cancelled"
        from retention_desktop.sheets.model import Cancelled

        raise Cancelled()

    monkeypatch.setattr(export, "write_workbook", slow_write)
    seen = {}

    def export_then_cancel(dialog) -> None:
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        qtbot.waitUntil(lambda: bool(started), timeout=10000)
        progress = dialog.findChild(QProgressDialog, "progressDialog")
        # shown after 300 ms, though the bar hardly moves (not after Qt's default 4 s)
        qtbot.waitUntil(progress.isVisible, timeout=2500)
        click(qtbot, progress.findChild(QPushButton))
        qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10000)
        seen["status"] = dialog.status_label.text()

    with choosing_file(target), on_dialog(export_then_cancel):
        trigger(window, "export")
    assert seen["status"] == "The export was cancelled: no file was written."
    assert target.read_bytes() == b"the workbook from last week"


def test_save_import_template(window, tmp_path):
    target = tmp_path / "模板"
    with choosing_file(target):
        trigger(window, "template")
    book = load_workbook(tmp_path / "模板.xlsx")
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[:2] == ["工号 / Employee no.", "姓名 / Name"]
    assert sheet["E2"].value.date() == date(2024, 3, 5)
    assert "Template saved" in window.statusBar().currentMessage()


def test_the_file_menu_offers_import_export_and_the_template(window):
    menu = window.menuBar().actions()[0].menu()
    actions = menu.actions()
    for name in ("import", "export", "template"):
        assert action(window, name) in actions
    assert action(window, "import").shortcut().toString() == "Ctrl+I"


def test_an_import_on_a_full_disk_writes_nothing_and_works_with_room(
    make_window, demo_db_path, qtbot, tmp_path, informed, monkeypatch
):
    """A real small disk (tmpfs) that the import's backup and rows do not fit on: one
    sentence, nothing written, nothing left; with room made, the same import works."""
    import shutil

    from unprivileged import small_disk

    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    size = demo_db_path.stat().st_size // 1024
    with small_disk(size + 120) as (disk, grow):
        path = disk / "shop.db"
        shutil.copyfile(demo_db_path, path)
        window = make_window(path)
        window.show()
        qtbot.waitExposed(window)
        file = write_csv(tmp_path / "名单.csv", [HEADER] + [
            [f"F{n}", f"新人{n}", "售前客服", "客服专员", "2026-09-01", "", "", ""]
            for n in range(300)
        ])  # fmt: skip
        before = dump(window.session.db)
        seen = {}

        def import_twice(dialog) -> None:
            checked(qtbot, dialog)
            click(qtbot, dialog.import_button)
            qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
            seen["status"] = dialog.status_label.text()
            seen["dump"] = dump(window.session.db)
            seen["files"] = sorted(p.name for p in disk.rglob("*") if p.is_file())
            grow(size * 4 + 4096)  # room made
            click(qtbot, dialog.import_button)
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)

        with choosing_file(file), on_dialog(import_twice):
            trigger(window, "import")
        assert seen["status"] == (
            f"Nothing was imported. The disk that holds {path} is full, so the change was "
            "not saved. Free some space and save again."
        )
        assert seen["dump"] == before
        assert not any(name.endswith((".tmp", "-journal")) for name in seen["files"])
        assert informed[0].startswith("Imported: 300 employees")
        count = window.session.db.execute("SELECT count(*) FROM employees WHERE name LIKE '新人%'")
        assert count.fetchone()[0] == 300
        window.close()
        window.session.close()


def test_an_export_to_a_full_disk_says_so_and_leaves_nothing(window, qtbot, chinese, informed):
    """The disk fills while the workbook is written: the dialog says so in the owner's
    words (not the system's) and stays open, and no file or temporary is left."""
    from unprivileged import small_disk

    seen = {}

    def export(dialog) -> None:
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Save))
        qtbot.waitUntil(lambda: dialog.buttons.isEnabled() or bool(informed), timeout=20000)
        seen["status"] = dialog.status_label.text()

    with small_disk(8) as (disk, _grow):  # the workbook needs about 40 KB
        target = disk / "报表.xlsx"
        with choosing_file(target), on_dialog(export):
            trigger(window, "export")
        assert list(disk.iterdir()) == []
    assert informed == []
    assert (
        seen["status"] == f"无法写入工作簿：{target} 所在的磁盘已满，没有写入。请腾出空间后再试。"
    )


def test_a_template_to_a_folder_that_is_not_there_says_so(window, tmp_path, monkeypatch):
    """The folder was chosen, then the drive taken out before Save."""
    shown = []
    warn = staticmethod(lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", warn)
    gone = tmp_path / "U盘"
    gone.mkdir()
    target = gone / "template.xlsx"
    import shutil

    from retention_desktop.ui.spreadsheets import controller

    real = controller.ask_workbook_path

    def then_taken_out(*args):
        chosen = real(*args)
        shutil.rmtree(gone)
        return chosen

    monkeypatch.setattr(controller, "ask_workbook_path", then_taken_out)
    with choosing_file(target):
        trigger(window, "template")
    assert shown == [f"The folder of {target} is not there (a drive taken out?)."]
