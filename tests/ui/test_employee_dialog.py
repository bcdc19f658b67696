"""The employee dialog and the roster, driven as a user does: shortcuts, typing, clicking
Save or Cancel; then what the file holds is checked."""

from __future__ import annotations

from datetime import date, timedelta

from driving import (
    CANCEL,
    CTRL,
    SAVE,
    activate,
    button,
    child,
    click,
    double_click,
    dump,
    exits_page,
    file_changed,
    on_dialog,
    replace_text,
    show_status,
    type_date,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
)

from retention_desktop.domain.records import EmployeeDraft, ExitDraft
from retention_desktop.domain.standing import employed_on
from retention_desktop.store import queries, records
from retention_desktop.ui.shell.main_window import MainWindow

# Driving the widgets


def show(window: MainWindow, qtbot) -> MainWindow:
    """Show the window, active, with the keyboard on the roster (as after start-up)."""
    window.show()
    activate(window, qtbot)
    window.roster.page.view.setFocus()
    return window


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key press where the keyboard is, as the user makes it."""
    if QApplication.activeWindow() is not window:
        activate(window, qtbot)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


# Reading the file


def one(db, sql: str, params=()) -> tuple:
    rows = db.execute(sql, params).fetchall()
    assert len(rows) == 1, rows
    return tuple(rows[0])


def rows_of(db, sql: str, params=()) -> list[tuple]:
    return [tuple(row) for row in db.execute(sql, params).fetchall()]


def shown_ids(window: MainWindow) -> list[int]:
    model = window.roster.page.model
    return [model.row_at(r).employee_id for r in range(model.rowCount())]


def select(window: MainWindow, employee_id: int) -> None:
    assert window.roster.page.select_employee(employee_id)
    window.roster.page.view.setFocus()


def add_person(window: MainWindow, name: str, hired: date, number: str | None = None, **more):
    session = window.session
    return session.change(
        "add",
        lambda: records.add_employee(
            session.db, EmployeeDraft(name, hired, number, **more), today=session.today()
        ),
    )[0]


# Adding
def test_ctrl_n_adds_an_employee_with_every_field(make_window, tmp_path, qtbot):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db

    def fill(dialog: QDialog) -> None:
        assert dialog.objectName() == "employeeDialog"
        assert dialog.windowTitle() == "New employee"
        type_text(qtbot, child(dialog, "nameEdit"), "王小明")
        type_text(qtbot, child(dialog, "numberEdit"), "CS9001")
        type_date(qtbot, child(dialog, "hireDateEdit"), date(2025, 3, 2))
        type_text(qtbot, child(dialog, "teamEdit"), "售后客服")
        type_text(qtbot, child(dialog, "positionEdit"), "客服专员")
        type_text(qtbot, child(dialog, "phoneEdit"), "138 0013 8000")
        type_text(qtbot, child(dialog, "notesEdit"), "夜班\nprefers email")
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()
        assert dialog.result() == QDialog.DialogCode.Accepted

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_N, CTRL)

    employee_id, number, name, phone, notes = one(
        db, "SELECT id, employee_no, name, phone, notes FROM employees"
    )
    assert (number, name, phone, notes) == (
        "CS9001",
        "王小明",
        "138 0013 8000",
        "夜班\nprefers email",
    )
    assert one(db, "SELECT employee_id, hire_date, end_date, team, position FROM spells") == (
        employee_id,
        "2025-03-02",
        None,
        "售后客服",
        "客服专员",
    )
    # shown and selected in the roster; one undoable step
    assert shown_ids(window) == [employee_id]
    assert window.roster.page.current_employee_id() == employee_id
    assert window.count_label.text() == "1 employee, 1 active, 1 shown"  # (was "1 employees")
    assert window.session.undo_stack.count() == 1
    assert window.session.undo_stack.undoText() == "Add 王小明"


def test_a_new_employee_hidden_by_the_search_is_shown_after_saving(make_window, tmp_path, qtbot):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    add_person(window, "Li Na", date(2024, 1, 8), team="A")
    type_text(qtbot, window.roster.page.search_edit, "Li")
    assert len(shown_ids(window)) == 1
    window.roster.page.view.setFocus()

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "Zhang Wei")
        qtbot.keyClick(child(dialog, "nameEdit"), Qt.Key.Key_Return)  # Enter saves
        assert not dialog.isVisible()

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_N, CTRL)
    new_id = one(window.session.db, "SELECT id FROM employees WHERE name = 'Zhang Wei'")[0]
    assert window.roster.page.search_edit.text() == ""
    assert window.roster.page.current_employee_id() == new_id
    # hired today by default
    assert one(
        window.session.db, "SELECT hire_date FROM spells WHERE employee_id = ?", [new_id]
    ) == (window.session.today().isoformat(),)


def test_cancelling_a_new_employee_saves_nothing(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    before = dump(db)

    def fill_then_cancel(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "不保存")
        type_text(qtbot, child(dialog, "numberEdit"), "X1")
        click(qtbot, button(dialog, CANCEL))
        assert dialog.result() == QDialog.DialogCode.Rejected

    with on_dialog(fill_then_cancel):
        press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert dump(db) == before
    assert window.session.undo_stack.count() == 0

    def escape(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "也不保存")
        qtbot.keyClick(child(dialog, "nameEdit"), Qt.Key.Key_Escape)
        assert not dialog.isVisible()

    with on_dialog(escape):
        press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert dump(db) == before


# Validation
def _refused(qtbot, dialog: QDialog, db, before: dict, field: str, text: str) -> None:
    """Save is clicked: the dialog stays open, the error is shown under the field and the
    file is unchanged; then Cancel."""
    click(qtbot, button(dialog, SAVE))
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    label = child(dialog, f"{field}Error")
    assert label.isVisible()
    assert label.text() == text
    assert dump(db) == before
    click(qtbot, button(dialog, CANCEL))


def test_a_new_employee_needs_a_name(make_window, tmp_path, qtbot):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    before = dump(db)

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "   ")
        type_text(qtbot, child(dialog, "numberEdit"), "CS1")
        click(qtbot, button(dialog, SAVE))
        name_error = child(dialog, "nameError")
        assert dialog.isVisible()
        assert name_error.isVisible()
        assert name_error.text() == "Enter the person's name."
        assert not child(dialog, "employee_noError").isVisible()
        assert not child(dialog, "hire_dateError").isVisible()
        assert dialog.focusWidget() is child(dialog, "nameEdit")
        assert dump(db) == before
        # the message goes as soon as the name is typed
        type_text(qtbot, child(dialog, "nameEdit"), "x")
        assert not name_error.isVisible()
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert dump(db) == before
    assert window.session.undo_stack.count() == 0


def test_a_hire_date_more_than_a_year_ahead_is_refused(make_window, tmp_path, qtbot):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    before = dump(db)
    too_late = window.session.today() + timedelta(days=400)

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "未来人")
        type_date(qtbot, child(dialog, "hireDateEdit"), too_late)
        _refused(
            qtbot,
            dialog,
            db,
            before,
            "hire_date",
            "The hire date is more than a year ahead; check the year.",
        )

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert dump(db) == before


def test_a_duplicate_employee_number_names_who_has_it(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    number, holder = one(db, "SELECT employee_no, name FROM employees WHERE id = 2")
    before = dump(db)

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "新同事")
        type_text(qtbot, child(dialog, "numberEdit"), f" {number} ")
        _refused(
            qtbot, dialog, db, before, "employee_no", f"This number is already used by {holder}."
        )

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert dump(db) == before
    assert window.session.undo_stack.count() == 0


def test_a_save_refused_by_the_file_keeps_the_dialog_open_with_its_input(
    make_window, demo_db_path, qtbot
):
    """The number is taken (only the file knows): the dialog stays open with everything
    typed, so correcting the number and saving again adds the person once."""
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    number, holder = one(db, "SELECT employee_no, name FROM employees WHERE id = 2")
    before = dump(db)

    def fill(dialog: QDialog) -> None:
        type_text(qtbot, child(dialog, "nameEdit"), "新同事")
        type_text(qtbot, child(dialog, "numberEdit"), number)
        type_text(qtbot, child(dialog, "teamEdit"), "售后客服")
        type_text(qtbot, child(dialog, "phoneEdit"), "13800000000")
        click(qtbot, button(dialog, SAVE))
        assert dialog.isVisible()
        assert child(dialog, "employee_noError").text() == (
            f"This number is already used by {holder}."
        )
        assert dump(db) == before
        assert [child(dialog, name).text() for name in ("nameEdit", "teamEdit", "phoneEdit")] == [
            "新同事",
            "售后客服",
            "13800000000",
        ]
        replace_text(qtbot, child(dialog, "numberEdit"), "NEW-1")
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_N, CTRL)
    assert rows_of(
        db, "SELECT name, employee_no, phone FROM employees WHERE name = ?", ["新同事"]
    ) == [("新同事", "NEW-1", "13800000000")]
    assert window.session.undo_stack.count() == 1


def test_editing_to_another_persons_number_is_refused(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    number, holder = one(db, "SELECT employee_no, name FROM employees WHERE id = 4")
    select(window, 2)
    before = dump(db)

    def fill(dialog: QDialog) -> None:
        replace_text(qtbot, child(dialog, "numberEdit"), number)
        _refused(
            qtbot, dialog, db, before, "employee_no", f"This number is already used by {holder}."
        )

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_Return)
    assert dump(db) == before


def test_editing_the_hire_date_past_the_last_day_is_refused(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    show_status(window.roster.page, "Left")
    person = window.roster.page.model.row_at(0)
    assert person.end_date is not None
    select(window, person.employee_id)
    before = dump(db)

    def fill(dialog: QDialog) -> None:
        assert dialog.windowTitle() == f"Edit {person.name}"
        type_date(qtbot, child(dialog, "hireDateEdit"), person.end_date + timedelta(days=1))
        _refused(
            qtbot,
            dialog,
            db,
            before,
            "hire_date",
            "The hire date is after this person's last working day "
            f"({person.end_date.isoformat()}).",
        )

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_Return)
    assert dump(db) == before
    assert window.session.undo_stack.count() == 0


def test_a_rehired_persons_hire_date_must_follow_the_earlier_employment(
    make_window, tmp_path, qtbot
):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    employee_id = add_person(window, "回来了", date(2023, 1, 2))
    spell = queries.open_spell(db, employee_id)
    records.record_exit(db, spell, ExitDraft(last_day=date(2024, 6, 30)))
    records.rehire(db, employee_id, date(2025, 2, 1), team="售前客服")
    file_changed(window)
    show_status(window.roster.page, "Everyone")
    select(window, employee_id)
    before = dump(db)

    def fill(dialog: QDialog) -> None:
        spells = child(dialog, "spellsTable")
        assert spells.rowCount() == 2  # the History tab lists both employments
        assert spells.item(0, 1).text() == "2024-06-30"
        assert spells.item(1, 1).text() == "still employed"
        type_date(qtbot, child(dialog, "hireDateEdit"), date(2024, 6, 30))
        _refused(
            qtbot,
            dialog,
            db,
            before,
            "hire_date",
            "The hire date must be after the end of the previous employment (2024-06-30).",
        )

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_Return)
    assert dump(db) == before


# Editing
def test_editing_name_team_and_phone_saves_them(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    person = window.roster.page.model.row_at(3)
    select(window, person.employee_id)
    spells_before = db.execute(
        "SELECT * FROM spells WHERE employee_id = ?", [person.employee_id]
    ).fetchall()

    def fill(dialog: QDialog) -> None:
        assert child(dialog, "nameEdit").text() == person.name
        assert child(dialog, "numberEdit").text() == person.employee_no
        assert child(dialog, "phoneEdit").text() == person.phone
        replace_text(qtbot, child(dialog, "nameEdit"), "李娜")
        replace_text(qtbot, child(dialog, "teamEdit"), "新团队")
        replace_text(qtbot, child(dialog, "phoneEdit"), "13900001111")
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_Return)

    assert one(
        db, "SELECT name, employee_no, phone FROM employees WHERE id = ?", [person.employee_id]
    ) == ("李娜", person.employee_no, "13900001111")
    spells = db.execute(
        "SELECT hire_date, end_date, team, position FROM spells WHERE employee_id = ?",
        [person.employee_id],
    ).fetchall()
    assert len(spells) == len(spells_before) == 1
    assert tuple(spells[0]) == (person.hire_date.isoformat(), None, "新团队", person.position)
    # the roster shows the new details at once, the person still selected
    row = window.roster.page.current_row()
    assert (row.employee_id, row.name, row.team, row.phone) == (
        person.employee_id,
        "李娜",
        "新团队",
        "13900001111",
    )
    assert window.roster.page.team_combo.findText("新团队") >= 0
    assert window.session.undo_stack.undoText() == "Edit 李娜"


def test_cancelling_an_edit_changes_nothing(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    person = window.roster.page.model.row_at(0)
    select(window, person.employee_id)
    before = dump(db)

    def fill(dialog: QDialog) -> None:
        replace_text(qtbot, child(dialog, "nameEdit"), "改了又取消")
        replace_text(qtbot, child(dialog, "notesEdit"), "notes")
        type_date(qtbot, child(dialog, "hireDateEdit"), date(2020, 2, 2))
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_Return)
    assert dump(db) == before
    assert window.session.undo_stack.count() == 0
    assert window.roster.page.current_row().name == person.name


# The roster: search, filters, keyboard
def _roster(window: MainWindow) -> list[queries.RosterRow]:
    return queries.roster(window.session.db)


def test_ctrl_f_focuses_the_search_and_typing_filters_at_once(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    page = window.roster.page
    everyone = _roster(window)
    today = window.session.today()
    active = [r for r in everyone if employed_on(r.hire_date, r.end_date, today)]
    assert shown_ids(window) != []
    window.nav.setCurrentRow(1)  # Ctrl+F works from any page
    exits_page(window).view.setFocus()
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    assert window.pages.currentIndex() == 0
    assert QApplication.focusWidget() is page.search_edit

    # a surname, typed in Chinese: the active people whose name has it
    surname = max({r.name[0] for r in active}, key=lambda s: sum(r.name[0] == s for r in active))
    type_text(qtbot, page.search_edit, surname)
    expected = {r.employee_id for r in active if surname in r.name}
    assert len(expected) >= 2
    assert set(shown_ids(window)) == expected
    assert window.count_label.text().endswith(f"{len(expected)} shown")

    # an employee number, key by key: narrower with every key
    target = active[len(active) // 2]
    replace_text(qtbot, page.search_edit, "")
    counts = []
    for char in target.employee_no.lower():
        type_text(qtbot, page.search_edit, char)
        counts.append(len(shown_ids(window)))
    assert counts == sorted(counts, reverse=True)
    assert shown_ids(window) == [target.employee_id]

    # part of a phone number
    digits = target.phone[-8:]
    replace_text(qtbot, page.search_edit, digits)
    assert set(shown_ids(window)) == {
        r.employee_id for r in active if digits in f"{r.name} {r.employee_no} {r.phone}"
    }
    assert target.employee_id in shown_ids(window)

    # nobody
    replace_text(qtbot, page.search_edit, "没有这个人")
    assert shown_ids(window) == []
    assert page.empty_label.isVisible()
    assert page.empty_label.text() == "Nobody matches the search and filters."

    # cleared: everyone active again
    replace_text(qtbot, page.search_edit, "")
    assert set(shown_ids(window)) == {r.employee_id for r in active}


def test_status_and_team_filters(make_window, demo_db_path, qtbot):
    from retention_desktop.domain.standing import LEAVING, LEFT, STARTING, standing

    window = show(make_window(demo_db_path), qtbot)
    page = window.roster.page
    everyone = _roster(window)
    today = window.session.today()

    def now(r):
        return standing(r.hire_date, r.end_date, today)

    active = {r.employee_id for r in everyone if now(r) not in (LEFT, STARTING)}
    leaving = {r.employee_id for r in everyone if now(r) == LEAVING}
    starting = {r.employee_id for r in everyone if now(r) == STARTING}
    left = {r.employee_id for r in everyone if now(r) == LEFT}
    by_id = {r.employee_id: r for r in everyone}
    assert set(shown_ids(window)) == active
    assert page.status_combo.currentText() == "Active"

    page.status_combo.setFocus()
    for text, shown in (("Leaving (notice given)", leaving),
                        ("Starting (not yet begun)", starting), ("Left", left),
                        ("Everyone", active | leaving | starting | left)):  # fmt: skip
        qtbot.keyClick(page.status_combo, Qt.Key.Key_Down)
        assert page.status_combo.currentText() == text
        assert set(shown_ids(window)) == shown
    assert window.count_label.text() == (
        f"{len(everyone)} employees, {len(active)} active, {len(everyone)} shown"
    )

    teams = [page.team_combo.itemText(i) for i in range(page.team_combo.count())]
    assert teams[0] == "All teams"
    assert sorted(teams[1:]) == sorted({r.team for r in everyone})
    team = "投诉处理组"
    page.team_combo.setCurrentIndex(page.team_combo.findText(team))
    assert set(shown_ids(window)) == {r.employee_id for r in everyone if r.team == team}
    for _ in range(4):
        qtbot.keyClick(page.status_combo, Qt.Key.Key_Up)
    assert page.status_combo.currentText() == "Active"
    expected = {r.employee_id for r in everyone if r.team == team and r.employee_id in active}
    assert expected
    assert set(shown_ids(window)) == expected
    # the search works within the filters, and is kept when they change
    surname = next(r.name for r in everyone if r.employee_id in expected)[0]
    type_text(qtbot, page.search_edit, surname)
    assert set(shown_ids(window)) == {i for i in expected if surname in by_id[i].name}
    page.team_combo.setCurrentIndex(0)  # All teams
    assert set(shown_ids(window)) == {i for i in active if surname in by_id[i].name}
    show_status(page, "Everyone")
    assert set(shown_ids(window)) == {r.employee_id for r in everyone if surname in r.name}


def test_enter_in_the_search_then_enter_opens_the_person(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    page = window.roster.page
    db = window.session.db
    target = next(r for r in _roster(window) if r.end_date is None)
    before = dump(db)
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    type_text(qtbot, page.search_edit, target.employee_no)
    press(qtbot, window, Qt.Key.Key_Return)  # to the first match
    assert QApplication.focusWidget() is page.view
    assert page.current_employee_id() == target.employee_id
    opened = []

    def look(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        assert child(dialog, "nameEdit").text() == target.name
        assert child(dialog, "numberEdit").text() == target.employee_no
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    with on_dialog(look):
        press(qtbot, window, Qt.Key.Key_Enter)
    assert opened == [f"Edit {target.name}"]
    assert dump(db) == before


def test_double_click_opens_the_person(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    view = window.roster.page.view
    row = 2
    target = window.roster.page.model.row_at(row)
    opened = []

    def look(dialog: QDialog) -> None:
        opened.append(child(dialog, "nameEdit").text())
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(look):
        double_click(qtbot, view, window.roster.page.model.index(row, 1))
    assert opened == [target.name]


def test_an_exit_in_the_history_opens_on_double_click(make_window, tmp_path, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QTabWidget

    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    employee_id = add_person(window, "回来了", date(2023, 1, 2))
    spell = queries.open_spell(db, employee_id)
    exit_id = records.record_exit(db, spell, ExitDraft(last_day=date(2024, 6, 30)))
    records.rehire(db, employee_id, date(2025, 2, 1), team="售前客服")
    file_changed(window)
    show_status(window.roster.page, "Everyone")
    select(window, employee_id)
    seen = {}

    def look_at_the_exit() -> None:
        exit_dialog = QApplication.activeModalWidget()
        if exit_dialog is None or exit_dialog.objectName() != "exitDialog":
            QTimer.singleShot(10, look_at_the_exit)
            return
        seen["exit"] = exit_dialog.exit_id
        seen["title"] = exit_dialog.windowTitle()
        exit_dialog.reject()

    def open_history(dialog: QDialog) -> None:
        tabs = dialog.findChild(QTabWidget)
        history = next(n for n in range(tabs.count()) if tabs.tabText(n) == "History")
        tabs.setCurrentIndex(history)
        spells = child(dialog, "spellsTable")
        QTimer.singleShot(0, look_at_the_exit)
        double_click(qtbot, spells, spells.model().index(0, 0))  # the employment that ended

    with on_dialog(open_history):
        press(qtbot, window, Qt.Key.Key_Return)
    assert seen["exit"] == exit_id
