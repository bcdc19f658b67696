"""Undo and redo from the keyboard, deleting with the Delete key, and the exit-reason list
editor, driven through the real widgets; then what the file holds is checked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from driving import (
    CANCEL,
    CTRL,
    OK,
    SAVE,
    action,
    activate,
    button,
    child,
    click,
    double_click,
    dump,
    exits_page,
    file_changed,
    on_dialog,
    reason,
    replace_text,
    rows,
    show_status,
    tick,
    trigger,
    type_date,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from retention_desktop.domain.catalog import EXIT_REASONS
from retention_desktop.domain.records import EmployeeDraft, ExitDraft
from retention_desktop.store import catalog, queries, records
from retention_desktop.ui.catalog import reasons_dialog
from retention_desktop.ui.common.exit_rows import COL_PRIMARY
from retention_desktop.ui.common.widgets import ID_ROLE
from retention_desktop.ui.shell.main_window import PAGE_EXITS, MainWindow

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


# Driving the widgets


def show(window: MainWindow, qtbot) -> MainWindow:
    window.show()
    activate(window, qtbot)
    window.roster.page.view.setFocus()
    return window


def press(qtbot, window: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key press where the keyboard is, as the user makes it."""
    if QApplication.activeWindow() is not window:
        activate(window, qtbot)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def choose_reason(qtbot, combo: QComboBox, reason_id: int | None) -> None:
    """Pick a reason with the arrow keys."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData(ID_ROLE) != reason_id:
        at = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != at, f"reason {reason_id} not offered"


# Reading and preparing the file


def one(db, sql: str, params=()) -> tuple:
    found = rows(db, sql, params)
    assert len(found) == 1, found
    return found[0]


def roster_shown(window: MainWindow) -> set[queries.RosterRow]:
    model = window.roster.page.model
    return {model.row_at(r) for r in range(model.rowCount())}


def assert_roster_matches_file(window: MainWindow) -> None:
    """With the Everyone filter: the roster shows exactly what the file holds."""
    assert window.roster.page.status_combo.currentText() == "Everyone"
    assert roster_shown(window) == set(queries.roster(window.session.db))
    counts = queries.counts(window.session.db, window.session.today())
    people = f"{counts['employees']:,} employee" + ("s" if counts["employees"] != 1 else "")
    assert window.count_label.text() == (
        f"{people}, {counts['active']:,} active, {counts['employees']:,} shown"
    )


def select(window: MainWindow, employee_id: int) -> None:
    window.nav.setCurrentRow(0)
    if not window.roster.page.select_employee(employee_id):
        show_status(window.roster.page, "Everyone")
        assert window.roster.page.select_employee(employee_id)
    window.roster.page.view.setFocus()


# Undo and redo
def test_undo_and_redo_every_kind_of_change_with_the_keyboard(make_window, tmp_path, qtbot, answer):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db, stack = window.session.db, window.session.undo_stack
    show_status(window.roster.page, "Everyone")
    answer(YES)
    states = [dump(db)]
    texts = []

    def keys(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        window.roster.page.view.setFocus()
        press(qtbot, window, key, modifiers)

    def done(text: str) -> None:
        assert stack.undoText() == text
        states.append(dump(db))
        texts.append(text)
        assert states[-1] != states[-2]
        assert_roster_matches_file(window)

    # add
    def add(name: str, number: str, team: str):
        def fill(dialog: QDialog) -> None:
            type_text(qtbot, child(dialog, "nameEdit"), name)
            type_text(qtbot, child(dialog, "numberEdit"), number)
            type_date(qtbot, child(dialog, "hireDateEdit"), date(2024, 4, 1))
            type_text(qtbot, child(dialog, "teamEdit"), team)
            click(qtbot, button(dialog, SAVE))

        return fill

    with on_dialog(add("王芳", "A1", "售前客服")):
        keys(Qt.Key.Key_N, CTRL)
    done("Add 王芳")
    wang = one(db, "SELECT id FROM employees")[0]

    # edit
    def edit(dialog: QDialog) -> None:
        replace_text(qtbot, child(dialog, "nameEdit"), "王芳芳")
        replace_text(qtbot, child(dialog, "teamEdit"), "售后客服")
        click(qtbot, button(dialog, SAVE))

    select(window, wang)
    with on_dialog(edit):
        keys(Qt.Key.Key_Return)
    done("Edit 王芳芳")

    # exit
    def leave(dialog: QDialog) -> None:
        type_date(qtbot, child(dialog, "lastDayEdit"), date(2025, 6, 30))
        choose_reason(qtbot, child(dialog, "reasonCombo"), reason(db, "family"))
        dialog.findChild(QTabWidget).setCurrentIndex(2)
        tick(qtbot, child(dialog, "handover_complaints"))
        type_text(qtbot, child(dialog, "handoverNote_complaints"), "交给李娜")
        click(qtbot, button(dialog, SAVE))

    select(window, wang)
    with on_dialog(leave):
        keys(Qt.Key.Key_E, CTRL)
    done("Exit of 王芳芳")

    # rehire
    def back(dialog: QDialog) -> None:
        type_date(qtbot, child(dialog, "rehireDateEdit"), date(2025, 9, 1))
        click(qtbot, button(dialog, OK))

    select(window, wang)
    with on_dialog(back):
        keys(Qt.Key.Key_R, CTRL)
    done("Rehire 王芳芳")

    # another person, then deleted
    with on_dialog(add("赵强", "A2", "投诉处理组")):
        keys(Qt.Key.Key_N, CTRL)
    done("Add 赵强")
    zhao = one(db, "SELECT id FROM employees WHERE name = '赵强'")[0]
    select(window, zhao)
    keys(Qt.Key.Key_Delete)
    done("Delete 赵强")
    assert stack.count() == 6

    # Ctrl+Z, one step at a time back to the empty file
    for step in range(6, 0, -1):
        keys(Qt.Key.Key_Z, CTRL)
        assert dump(db) == states[step - 1], f"undo of {texts[step - 1]}"
        assert_roster_matches_file(window)
        assert stack.index() == step - 1
    assert window.roster.page.model.total_count() == 0
    assert window.roster.page.welcome.isVisible()  # the roster empty again: the welcome
    keys(Qt.Key.Key_Z, CTRL)  # nothing more to undo
    assert dump(db) == states[0]

    # Ctrl+Y, one step at a time forward again
    for step in range(1, 7):
        keys(Qt.Key.Key_Y, CTRL)
        assert dump(db) == states[step], f"redo of {texts[step - 1]}"
        assert_roster_matches_file(window)
    # Ctrl+Shift+Z redoes too
    keys(Qt.Key.Key_Z, CTRL)
    keys(Qt.Key.Key_Z, CTRL)
    assert dump(db) == states[4]
    keys(Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert dump(db) == states[5]
    # the person rehired: two employments, the first with its exit and handover
    spells = rows(db, "SELECT hire_date, end_date FROM spells WHERE employee_id = ?", [wang])
    assert sorted(spells) == [("2024-04-01", "2025-06-30"), ("2025-09-01", None)]
    assert one(db, "SELECT note FROM handover_items WHERE code = 'complaints'") == ("交给李娜",)


def test_undo_and_redo_follow_on_the_exits_list_and_the_roster(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    person = window.roster.page.model.row_at(5)
    before = dump(db)

    def leave(dialog: QDialog) -> None:
        choose_reason(qtbot, child(dialog, "reasonCombo"), reason(db, "health"))
        click(qtbot, button(dialog, SAVE))

    select(window, person.employee_id)
    with on_dialog(leave):
        press(qtbot, window, Qt.Key.Key_E, CTRL)
    exit_id = one(
        db,
        "SELECT x.id FROM exits x JOIN spells s ON s.id = x.spell_id WHERE s.employee_id = ?",
        [person.employee_id],
    )[0]
    press(qtbot, window, Qt.Key.Key_2, CTRL)  # the exits list
    assert window.pages.currentIndex() == PAGE_EXITS
    assert exits_page(window).model.row_of_exit(exit_id) is not None
    exits_page(window).view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert dump(db) == before
    assert exits_page(window).model.row_of_exit(exit_id) is None
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert exits_page(window).model.row_of_exit(exit_id) is not None
    press(qtbot, window, Qt.Key.Key_1, CTRL)  # back to the roster
    window.roster.page.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    # active again: shown on the roster (Active filter)
    assert window.roster.page.model.row_of_employee(person.employee_id) is not None
    assert dump(db) == before


# Deleting
def test_delete_key_asks_then_deletes_and_ctrl_z_brings_everything_back(
    make_window, demo_db_path, qtbot, answer
):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    # someone who left, with an exit, handover and retention actions, rehired since
    person_id = one(
        db,
        """SELECT s.employee_id FROM spells s JOIN exits x ON x.spell_id = s.id
           WHERE EXISTS (SELECT 1 FROM retention_actions a WHERE a.employee_id = s.employee_id)
             AND EXISTS (SELECT 1 FROM handover_items h WHERE h.exit_id = x.id)
           ORDER BY s.employee_id LIMIT 1""",
    )[0]
    end = one(db, "SELECT end_date FROM spells WHERE employee_id = ?", [person_id])[0]
    records.rehire(db, person_id, date.fromisoformat(end) + timedelta(days=1))
    file_changed(window)
    name = one(db, "SELECT name FROM employees WHERE id = ?", [person_id])[0]
    owned = {
        "spells": "SELECT count(*) FROM spells WHERE employee_id = ?",
        "exits": "SELECT count(*) FROM exits x JOIN spells s ON s.id = x.spell_id "
        "WHERE s.employee_id = ?",
        "actions": "SELECT count(*) FROM retention_actions WHERE employee_id = ?",
    }
    counts = {k: one(db, sql, [person_id])[0] for k, sql in owned.items()}
    assert counts["spells"] == 2
    assert counts["exits"] >= 1
    assert counts["actions"] >= 1
    before = dump(db)
    select(window, person_id)

    # No: nothing happens
    asked = answer(NO)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert name in asked[0]
    assert dump(db) == before
    assert window.roster.page.current_employee_id() == person_id

    # the Delete key in the search field edits the text, nothing else
    search = window.roster.page.search_edit
    search.setFocus()
    type_text(qtbot, search, "ab")
    qtbot.keyClick(search, Qt.Key.Key_Home)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert search.text() == "b"
    assert len(asked) == 1
    search.clear()

    # Yes: gone with everything of theirs
    select(window, person_id)
    answer(YES)
    press(qtbot, window, Qt.Key.Key_Delete)
    assert len(asked) == 2
    assert rows(db, "SELECT * FROM employees WHERE id = ?", [person_id]) == []
    assert {k: one(db, sql, [person_id])[0] for k, sql in owned.items()} == dict.fromkeys(owned, 0)
    assert window.roster.page.model.row_of_employee(person_id) is None
    employees = one(db, "SELECT count(*) FROM employees")[0]
    assert window.count_label.text().startswith(f"{employees} employees")

    # Ctrl+Z: back exactly as before, shown again
    window.roster.page.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert dump(db) == before
    assert window.roster.page.model.row_of_employee(person_id) is not None
    assert window.count_label.text().startswith(f"{employees + 1} employees")


def test_delete_needs_someone_selected(make_window, tmp_path, qtbot, answer):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    asked = answer(YES)
    assert not action(window, "delete").isEnabled()
    press(qtbot, window, Qt.Key.Key_Delete)
    assert asked == []


# The exit-reason list
class Inputs:
    """Scripted answers for the QInputDialog the reason list asks with."""

    def __init__(self, monkeypatch) -> None:
        self.texts: list[tuple[str, bool]] = []
        self.items: list[tuple[str, bool]] = []
        self.asked: list[tuple[str, str]] = []
        self.warnings: list[str] = []
        dialog = reasons_dialog.QInputDialog

        def get_text(parent, title, label, *args, **kwargs):
            self.asked.append((title, kwargs.get("text", "")))
            return self.texts.pop(0)

        def get_item(parent, title, label, items, current=0, editable=True, *args, **kwargs):
            self.asked.append((title, items[current]))
            answer = self.items.pop(0)
            assert answer[0] in items
            return answer

        monkeypatch.setattr(dialog, "getText", staticmethod(get_text))
        monkeypatch.setattr(dialog, "getItem", staticmethod(get_item))
        monkeypatch.setattr(
            reasons_dialog.QMessageBox,
            "warning",
            staticmethod(lambda parent, title, text, *a: self.warnings.append(text)),
        )


def tree_labels(tree: QTreeWidget) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def tree_item(tree: QTreeWidget, label: str) -> QTreeWidgetItem:
    matches = tree.findItems(label, Qt.MatchFlag.MatchExactly, 0)
    assert len(matches) == 1, label
    return matches[0]


def pick(qtbot, tree: QTreeWidget, label: str) -> None:
    item = tree_item(tree, label)
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    assert tree.currentItem() is item


def push(qtbot, dialog: QDialog, key: str) -> None:
    found = dialog.findChild(QPushButton, f"{key}Button")
    assert found.isEnabled(), key
    click(qtbot, found)


def open_reasons(window: MainWindow, handle: Callable[[QDialog], None]) -> None:
    with on_dialog(handle):
        trigger(window, "reasons")


def labels_in_file(db, lang: str = "en") -> list[str]:
    return [
        item.label for item in catalog.list_items(db, "exit_reasons", lang, include_retired=True)
    ]


ENGLISH = [entry.en for entry in EXIT_REASONS]


def test_add_a_reason_with_its_category(make_window, tmp_path, qtbot, monkeypatch):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    inputs = Inputs(monkeypatch)
    inputs.texts = [(" Pay and BENEFITS ", True), ("  转行做直播  ", True)]
    inputs.items = [("Career growth", True)]

    def add(dialog: QDialog) -> None:
        tree = child(dialog, "reasonTree")
        assert tree_labels(tree) == ENGLISH
        pick(qtbot, tree, "Better offer elsewhere")
        push(qtbot, dialog, "add")
        # a label already in the list is refused (whatever the case), then asked again
        assert inputs.warnings == ["“Pay and BENEFITS” is already in the list."]
        assert inputs.asked[:2] == [("New reason", ""), ("New reason", "Pay and BENEFITS")]
        assert inputs.asked[2] == ("Category", "Other")
        assert tree_labels(tree)[2] == "转行做直播"
        assert tree.currentItem().text(1) == "Career growth"
        assert tree.currentItem().text(2) == "own"
        click(qtbot, button(dialog, OK))

    open_reasons(window, add)
    row = one(
        db,
        "SELECT id, code, label_zh, label_en, category, builtin, retired, position "
        "FROM exit_reasons WHERE label_en = '转行做直播'",
    )
    assert row[1:] == (None, "转行做直播", "转行做直播", "growth", 0, 0, 2)
    assert labels_in_file(db) == [*ENGLISH[:2], "转行做直播", *ENGLISH[2:]]

    # offered when recording an exit, under its category
    employee_id = records.add_employee(
        db, EmployeeDraft("新人", date(2026, 1, 5)), today=window.session.today()
    )[0]
    file_changed(window)
    select(window, employee_id)

    def look(dialog: QDialog) -> None:
        combo = child(dialog, "reasonCombo")
        texts = [combo.itemText(i) for i in range(combo.count())]
        at = texts.index("    转行做直播")
        # first under its category: it comes before the built-ins of the category in the list
        assert texts[at - 1] == "Career growth"
        assert texts[at + 1 : at + 3] == [
            "    Little room for promotion or growth",
            "    Not enough training",
        ]
        assert combo.itemData(at, ID_ROLE) == row[0]
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(look):
        press(qtbot, window, Qt.Key.Key_E, CTRL)


def test_adding_can_be_abandoned_at_either_question(make_window, tmp_path, qtbot, monkeypatch):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    before = dump(db)
    inputs = Inputs(monkeypatch)
    inputs.texts = [("ignored", False), ("no category", True)]
    inputs.items = [("Other", False)]

    def add(dialog: QDialog) -> None:
        tree = child(dialog, "reasonTree")
        push(qtbot, dialog, "add")  # cancelled at the label
        push(qtbot, dialog, "add")  # cancelled at the category
        assert tree_labels(tree) == ENGLISH
        click(qtbot, button(dialog, OK))

    open_reasons(window, add)
    assert dump(db) == before


@pytest.mark.parametrize(
    ("lang", "changed", "kept"), [("en", "label_en", "label_zh"), ("zh_CN", "label_zh", "label_en")]
)
def test_rename_a_builtin_reason_in_the_users_language(
    make_window, demo_db_path, qtbot, monkeypatch, lang, changed, kept
):
    window = show(make_window(demo_db_path, lang=lang), qtbot)
    db = window.session.db
    pay = reason(db, "pay")
    old = one(db, f"SELECT {changed}, {kept} FROM exit_reasons WHERE id = ?", [pay])
    inputs = Inputs(monkeypatch)
    inputs.texts = [("工资太低 / Pay too low", True)]
    press(qtbot, window, Qt.Key.Key_2, CTRL)  # renamed while the exits list is shown
    model = exits_page(window).model
    with_pay = [
        model.row_at(r) for r in range(model.rowCount()) if model.row_at(r).reason_id == pay
    ]
    assert with_pay
    assert {r.reason for r in with_pay} == {old[0]}

    def rename(dialog: QDialog) -> None:
        tree = child(dialog, "reasonTree")
        item = tree_item(tree, old[0])
        tree.scrollToItem(item)
        double_click(qtbot, tree, tree.indexFromItem(item))
        assert inputs.asked == [("Rename reason", old[0])]
        assert tree.currentItem().text(0) == "工资太低 / Pay too low"
        click(qtbot, button(dialog, OK))

    open_reasons(window, rename)
    assert one(
        db, f"SELECT {changed}, {kept}, renamed, builtin FROM exit_reasons WHERE id = ?", [pay]
    ) == ("工资太低 / Pay too low", old[1], 1, 1)
    # the exits that have it show the new name at once, and the reason filter offers it
    assert window.pages.currentIndex() == PAGE_EXITS
    combo = exits_page(window).reason_combo
    assert combo.itemText(combo.findData(pay, ID_ROLE)) == "    工资太低 / Pay too low"
    with_pay = [
        model.row_at(r) for r in range(model.rowCount()) if model.row_at(r).reason_id == pay
    ]
    assert with_pay
    assert {r.reason for r in with_pay} == {"工资太低 / Pay too low"}


def test_move_up_and_down_changes_the_order(make_window, tmp_path, qtbot, monkeypatch):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    Inputs(monkeypatch)

    def move(dialog: QDialog) -> None:
        tree = child(dialog, "reasonTree")
        pick(qtbot, tree, "Health")
        push(qtbot, dialog, "up")
        activate(dialog, qtbot)
        tree.setFocus()
        press(qtbot, dialog, Qt.Key.Key_Up, CTRL)  # the button's shortcut (an animated click)
        qtbot.waitUntil(lambda: tree_labels(tree).index("Health") == ENGLISH.index("Health") - 2)
        assert tree.currentItem().text(0) == "Health"
        pick(qtbot, tree, "Pay and benefits")
        assert not dialog.findChild(QPushButton, "upButton").isEnabled()  # already first
        push(qtbot, dialog, "down")
        pick(qtbot, tree, "Other")
        assert not dialog.findChild(QPushButton, "downButton").isEnabled()  # already last
        click(qtbot, button(dialog, OK))

    open_reasons(window, move)
    expected = list(ENGLISH)
    health = expected.pop(expected.index("Health"))
    expected.insert(expected.index("Family or moving back home"), health)
    expected[0], expected[1] = expected[1], expected[0]
    assert labels_in_file(db) == expected
    positions = [r[0] for r in rows(db, "SELECT position FROM exit_reasons ORDER BY position")]
    assert positions == list(range(len(expected)))


def test_retired_reasons_are_no_longer_offered_but_stay_on_old_exits(
    make_window, demo_db_path, qtbot, monkeypatch
):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    Inputs(monkeypatch)
    # the reason most exits give
    retired_id, label, used = one(
        db,
        """SELECT r.id, r.label_en, count(*) FROM exits x JOIN exit_reasons r
           ON r.id = x.primary_reason_id GROUP BY r.id ORDER BY count(*) DESC, r.id LIMIT 1""",
    )

    def retire(dialog: QDialog) -> None:
        tree = child(dialog, "reasonTree")
        pick(qtbot, tree, label)
        assert tree.currentItem().text(2).startswith("built-in, used ")
        retire_button = dialog.findChild(QPushButton, "retireButton")
        assert retire_button.text() == "&Retire"
        assert not dialog.findChild(QPushButton, "deleteButton").isEnabled()
        push(qtbot, dialog, "retire")
        assert tree.currentItem().text(2).startswith("built-in, retired, used ")
        assert retire_button.text() == "&Restore"
        click(qtbot, button(dialog, OK))

    open_reasons(window, retire)
    assert one(db, "SELECT retired FROM exit_reasons WHERE id = ?", [retired_id]) == (1,)
    # the exits keep it
    assert one(db, "SELECT count(*) FROM exits WHERE primary_reason_id = ?", [retired_id])[0] == (
        used
    )

    # a new exit: not offered, neither as primary nor as further reason
    active = window.roster.page.model.row_at(0)
    select(window, active.employee_id)

    def new_exit(dialog: QDialog) -> None:
        combo = child(dialog, "reasonCombo")
        offered = [combo.itemData(i, ID_ROLE) for i in range(combo.count())]
        assert retired_id not in offered
        assert f"    {label}" not in [combo.itemText(i) for i in range(combo.count())]
        further = child(dialog, "furtherList")
        tickable = [further.item(i) for i in range(further.count())]
        assert retired_id not in [item.data(ID_ROLE) for item in tickable]
        assert len([i for i in tickable if i.data(ID_ROLE)]) == len(EXIT_REASONS) - 1
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(new_exit):
        press(qtbot, window, Qt.Key.Key_E, CTRL)

    # an old exit that has it still shows it
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    model = exits_page(window).model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).reason_id == retired_id)
    assert model.index(row, COL_PRIMARY).data() == label

    def old_exit(dialog: QDialog) -> None:
        combo = child(dialog, "reasonCombo")
        assert combo.currentData(ID_ROLE) == retired_id
        assert combo.currentText().strip() == label
        click(qtbot, button(dialog, CANCEL))

    before = dump(db)
    with on_dialog(old_exit):
        double_click(qtbot, exits_page(window).view, model.index(row, 2))
    assert dump(db) == before

    # and it can be brought back
    def restore(dialog: QDialog) -> None:
        pick(qtbot, child(dialog, "reasonTree"), label)
        push(qtbot, dialog, "retire")
        click(qtbot, button(dialog, OK))

    open_reasons(window, restore)
    assert one(db, "SELECT retired FROM exit_reasons WHERE id = ?", [retired_id]) == (0,)


def test_only_an_unused_own_reason_can_be_deleted(make_window, tmp_path, qtbot, monkeypatch):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db, session = window.session.db, window.session
    Inputs(monkeypatch)
    used_id = catalog.add_entry(db, "exit_reasons", "门店关闭", category="company")
    unused_id = catalog.add_entry(db, "exit_reasons", "搬家", category="personal")
    # an exit that uses the shop's own reason, made as an undoable step
    employee_id = session.change(
        "add",
        lambda: records.add_employee(db, EmployeeDraft("甲", date(2025, 1, 6)), today=date.today()),
    )[0]
    spell = queries.open_spell(db, employee_id)
    session.change(
        "exit",
        lambda: records.record_exit(
            db, spell, ExitDraft(last_day=date(2026, 1, 9), primary_reason_id=used_id)
        ),
        employee_id,
    )
    assert session.undo_stack.count() == 2

    def delete(dialog: QDialog) -> None:
        tree = child(dialog, "reasonTree")
        delete_button = dialog.findChild(QPushButton, "deleteButton")
        for builtin in ("Pay and benefits", "Other"):
            pick(qtbot, tree, builtin)
            assert not delete_button.isEnabled()
        pick(qtbot, tree, "门店关闭")
        assert tree.currentItem().text(2) == "own, used 1×"
        assert not delete_button.isEnabled()
        click(qtbot, delete_button)  # disabled: nothing happens
        assert "门店关闭" in tree_labels(tree)
        pick(qtbot, tree, "搬家")
        assert tree.currentItem().text(2) == "own"
        push(qtbot, dialog, "delete")
        assert "搬家" not in tree_labels(tree)
        click(qtbot, button(dialog, OK))

    open_reasons(window, delete)
    assert rows(db, "SELECT * FROM exit_reasons WHERE id = ?", [unused_id]) == []
    assert one(db, "SELECT label_en FROM exit_reasons WHERE id = ?", [used_id]) == ("门店关闭",)
    # steps recorded before could point at a deleted reason: the history starts afresh
    assert session.undo_stack.count() == 0


def test_cancelling_the_reason_list_changes_nothing(make_window, demo_db_path, qtbot, monkeypatch):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    own = catalog.add_entry(db, "exit_reasons", "搬家", category="personal")
    assert own
    before = dump(db)
    inputs = Inputs(monkeypatch)
    inputs.texts = [("新原因", True), ("改名了", True)]
    inputs.items = [("Other", True)]

    def edit_then_cancel(dialog: QDialog) -> None:
        tree = child(dialog, "reasonTree")
        push(qtbot, dialog, "add")
        pick(qtbot, tree, "Health")
        push(qtbot, dialog, "rename")
        push(qtbot, dialog, "up")
        push(qtbot, dialog, "retire")
        pick(qtbot, tree, "搬家")
        push(qtbot, dialog, "delete")
        assert "改名了" in tree_labels(tree)
        click(qtbot, button(dialog, CANCEL))

    open_reasons(window, edit_then_cancel)
    assert dump(db) == before
    assert inputs.texts == []


def test_a_new_category_is_kept_also_after_the_file_is_opened_again(
    make_window, tmp_path, qtbot, monkeypatch
):
    path = tmp_path / "shop.db"
    window = show(make_window(path), qtbot)
    db = window.session.db
    inputs = Inputs(monkeypatch)
    inputs.items = [("Work pressure", True)]

    def recategorise(dialog: QDialog) -> None:
        tree = child(dialog, "reasonTree")
        pick(qtbot, tree, "Not enough training")
        push(qtbot, dialog, "category")
        assert inputs.asked == [("Category", "Career growth")]
        assert tree.currentItem().text(1) == "Work pressure"
        click(qtbot, button(dialog, OK))

    open_reasons(window, recategorise)
    training = reason(db, "training")
    assert one(db, "SELECT category FROM exit_reasons WHERE id = ?", [training]) == ("pressure",)
    window.close()

    # the next day: the shop's choice still stands
    again = make_window(path)
    assert one(again.session.db, "SELECT category FROM exit_reasons WHERE id = ?", [training]) == (
        "pressure",
    )


def test_a_reason_added_in_english_keeps_the_chinese_list_usable(
    make_window, tmp_path, qtbot, monkeypatch
):
    """A shop's own reason has one label for both languages: one that repeats a label of
    the other language must not leave that language's list with the same label twice (it
    could then never be saved there)."""
    path = tmp_path / "shop.db"
    window = show(make_window(path), qtbot)
    inputs = Inputs(monkeypatch)
    inputs.texts = [("其他", True), ("", False)]
    inputs.items = [("Other", True)]

    def add(dialog: QDialog) -> None:
        push(qtbot, dialog, "add")
        click(qtbot, button(dialog, OK))

    open_reasons(window, add)
    # refused when typed: 其他 is the Chinese label of the built-in "Other"
    assert inputs.warnings == ["“其他” is already in the list."]
    inputs.warnings.clear()
    window.close()

    chinese = show(make_window(path, lang="zh_CN"), qtbot)
    zh_labels = labels_in_file(chinese.session.db, "zh_CN")
    assert len(zh_labels) == len(set(zh_labels)), "a label shown twice in the Chinese list"

    def save_unchanged(dialog: QDialog) -> None:
        click(qtbot, button(dialog, OK))
        assert inputs.warnings == []
        assert not dialog.isVisible()

    open_reasons(chinese, save_unchanged)


@pytest.mark.parametrize("name", ["reasons", "actionLibrary"])
def test_the_lists_say_before_saving_that_undo_cannot_take_them_back(
    name, make_window, demo_db_path, qtbot
):
    window = show(make_window(demo_db_path), qtbot)
    seen = {}

    def look(dialog: QDialog) -> None:
        note = child(dialog, "cannotUndoNote")
        seen["note"] = note.text() if note.isVisible() else ""

    with on_dialog(look):
        trigger(window, name)
    assert seen["note"].startswith("OK saves the whole list at once; Edit > Undo cannot")
