"""Recording, editing and taking back exits, the exits list and rehiring, driven through the
real widgets; then what the file holds is checked."""

from __future__ import annotations

import threading
from datetime import date, timedelta

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
    open_tab,
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
    QListWidget,
    QMessageBox,
    QTabWidget,
)

from retention_desktop.domain.catalog import HANDOVER_ITEMS, REASON_CATEGORIES
from retention_desktop.domain.records import EmployeeDraft, ExitDraft, HandoverItem
from retention_desktop.store import queries, records
from retention_desktop.ui.common.exit_rows import COL_HANDOVER
from retention_desktop.ui.common.jobs import wait_for_jobs
from retention_desktop.ui.common.widgets import ID_ROLE
from retention_desktop.ui.shell.main_window import PAGE_EXITS, PAGE_ROSTER, MainWindow

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
HANDOVER_CODES = [entry.code for entry in HANDOVER_ITEMS]


# Driving the widgets


def show(window: MainWindow, qtbot) -> MainWindow:
    window.show()
    activate(window, qtbot)
    window.roster.page.view.setFocus()
    return window


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key press where the keyboard is, as the user makes it."""
    if QApplication.activeWindow() is not window:
        activate(window, qtbot)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def choose_reason(qtbot, combo: QComboBox, reason_id: int | None) -> list[int]:
    """Pick a reason with the arrow keys, as from the keyboard; returns the indexes the
    keys went through."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    visited = [combo.currentIndex()]
    while combo.currentData(ID_ROLE) != reason_id:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != visited[-1], f"reason {reason_id} not offered"
        visited.append(combo.currentIndex())
    return visited


def reason_ids_offered(combo: QComboBox) -> list[int]:
    return [combo.itemData(i, ID_ROLE) for i in range(combo.count()) if combo.itemData(i, ID_ROLE)]


def tick_further(qtbot, further: QListWidget, reason_id: int) -> None:
    """Tick a further reason with the space bar."""
    item = next(
        further.item(i)
        for i in range(further.count())
        if further.item(i).data(ID_ROLE) == reason_id
    )
    further.setFocus()
    further.setCurrentItem(item)
    qtbot.keyClick(further, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked


# Reading and preparing the file


def one(db, sql: str, params=()) -> tuple:
    found = rows(db, sql, params)
    assert len(found) == 1, found
    return found[0]


def select(window: MainWindow, employee_id: int) -> None:
    window.nav.setCurrentRow(PAGE_ROSTER)
    if not window.roster.page.select_employee(employee_id):
        show_status(window.roster.page, "Everyone")
        assert window.roster.page.select_employee(employee_id)
    window.roster.page.view.setFocus()


def add_person(window: MainWindow, name: str, hired: date, **more) -> int:
    session = window.session
    employee_id = records.add_employee(
        session.db, EmployeeDraft(name, hired, **more), today=session.today()
    )[0]
    file_changed(window)
    return employee_id


def end_employment(window: MainWindow, employee_id: int, draft: ExitDraft) -> int:
    db = window.session.db
    exit_id = records.record_exit(db, queries.open_spell(db, employee_id), draft)
    file_changed(window)
    return exit_id


def show_exits(qtbot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_2, CTRL)  # View > Exits
    assert window.pages.currentIndex() == PAGE_EXITS


def exit_row_texts(window: MainWindow, exit_id: int) -> list[str]:
    model = exits_page(window).model
    row = model.row_of_exit(exit_id)
    assert row is not None, "the exit is not listed"
    return [model.index(row, c).data() for c in range(model.columnCount())]


def select_exit(window: MainWindow, exit_id: int):
    row = exits_page(window).model.row_of_exit(exit_id)
    assert row is not None
    exits_page(window).view.selectRow(row)
    exits_page(window).view.setFocus()
    return exits_page(window).model.index(row, 2)


# Recording an exit
def test_record_exit_with_reasons_conversation_and_handover(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db, today = window.session.db, window.session.today()
    person = window.roster.page.model.row_at(0)
    assert person.end_date is None
    select(window, person.employee_id)
    offer, pressure, promotion = (
        reason(db, "better_offer"),
        reason(db, "pressure"),
        reason(db, "promotion"),
    )
    exits_before = one(db, "SELECT count(*) FROM exits")[0]
    last_day = date(2026, 11, 13)
    notice = date(2026, 10, 14)

    def fill(dialog: QDialog) -> None:
        assert dialog.windowTitle() == f"Record exit: {person.name}"
        type_date(qtbot, child(dialog, "lastDayEdit"), last_day)
        tick(qtbot, child(dialog, "noticeCheck"))
        assert child(dialog, "noticeEdit").isEnabled()
        type_date(qtbot, child(dialog, "noticeEdit"), notice)
        assert child(dialog, "voluntaryRadio").isChecked()
        choose_reason(qtbot, child(dialog, "reasonCombo"), offer)
        tick_further(qtbot, child(dialog, "furtherList"), pressure)
        tick_further(qtbot, child(dialog, "furtherList"), promotion)
        tick(qtbot, child(dialog, "regrettableCheck"))
        rehire = child(dialog, "rehireCombo")
        rehire.setFocus()
        qtbot.keyClick(rehire, Qt.Key.Key_Down)
        qtbot.keyClick(rehire, Qt.Key.Key_Down)
        assert rehire.currentText() == "No"

        open_tab(qtbot, dialog, 1)
        notes = child(dialog, "conversationEdit")
        type_text(qtbot, notes, "她说排班太长。\nShe has an offer from another shop.")
        prompts = child(dialog, "promptList")
        assert prompts.count() == 9
        keep = prompts.item(1)
        assert keep.text() == "What would have kept you?"
        qtbot.mouseClick(
            prompts.viewport(), Qt.MouseButton.LeftButton, pos=prompts.visualItemRect(keep).center()
        )
        click(qtbot, child(dialog, "insertPromptButton"))
        type_text(qtbot, notes, "更灵活的排班")

        open_tab(qtbot, dialog, 2)
        status = child(dialog, "handoverStatus")
        assert status.text() == "Handover unfinished: 0 of 5 done."
        for code in ("complaints", "accounts", "knowledge"):
            tick(qtbot, child(dialog, f"handover_{code}"))
        assert status.text() == "Handover unfinished: 3 of 5 done."
        type_text(qtbot, child(dialog, "handoverNote_knowledge"), "交给李娜")
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_E, CTRL)

    spell_id, end = one(
        db, "SELECT id, end_date FROM spells WHERE employee_id = ?", [person.employee_id]
    )
    assert end == last_day.isoformat()
    exit_id, *fields = one(
        db,
        """SELECT id, notice_date, exit_type, primary_reason_id, regrettable,
                  eligible_for_rehire, conversation_notes FROM exits WHERE spell_id = ?""",
        [spell_id],
    )
    assert fields == [
        notice.isoformat(),
        "voluntary",
        offer,
        1,
        0,
        "她说排班太长。\nShe has an offer from another shop.\n\nWhat would have kept you?\n"
        "更灵活的排班",
    ]
    assert one(db, "SELECT count(*) FROM exits")[0] == exits_before + 1
    assert sorted(
        r[0]
        for r in rows(db, "SELECT reason_id FROM exit_further_reasons WHERE exit_id = ?", [exit_id])
    ) == sorted([pressure, promotion])
    done_on = today.isoformat()
    assert rows(
        db,
        "SELECT code, label, done, done_date, note FROM handover_items WHERE exit_id = ? "
        "ORDER BY position",
        [exit_id],
    ) == [
        ("complaints", "", 1, done_on, ""),
        ("accounts", "", 1, done_on, ""),
        ("equipment", "", 0, None, ""),
        ("final_pay", "", 0, None, ""),
        ("knowledge", "", 1, done_on, "交给李娜"),
    ]
    assert window.session.undo_stack.undoText() == f"Exit of {person.name}"
    # the roster: no longer among the active
    assert window.roster.page.model.row_of_employee(person.employee_id) is None

    # the exits list shows it, unfinished handover marked
    show_exits(qtbot, window)
    texts = exit_row_texts(window, exit_id)
    assert texts[0] == last_day.isoformat()
    assert texts[2] == person.name
    assert texts[4:] == [
        "voluntary",
        "",
        "Better offer elsewhere",
        "High work pressure, Little room for promotion or growth",
        "",
        "3/5 unfinished",
        "yes",
        "no",
    ]
    total = exits_page(window).model.rowCount()
    click(qtbot, exits_page(window).unfinished_check)
    model = exits_page(window).model
    listed = [model.row_at(r) for r in range(model.rowCount())]
    assert exit_id in [r.exit_id for r in listed]
    assert all(r.handover_done < r.handover_total for r in listed)
    assert 0 < len(listed) < total
    unfinished = one(
        db,
        "SELECT count(*) FROM exits x WHERE (SELECT count(*) FROM handover_items h "
        "WHERE h.exit_id = x.id AND h.done = 0) > 0",
    )[0]
    assert exits_page(window).summary_label.text() == (
        f"{unfinished} exits, {unfinished} with unfinished handover"
    )


def test_the_exits_are_read_in_the_background_and_the_latest_filter_wins(
    make_window, demo_db_path, qtbot, monkeypatch
):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    slow = threading.Event()
    read = queries.exits

    def exits(db, lang, where=None):
        if where is not None and where.exit_type is None:
            assert slow.wait(10)  # the read for every type is slow
        return read(db, lang, where)

    monkeypatch.setattr(queries, "exits", exits)
    show_exits(qtbot, window)
    page = window.exits.page
    # the page is up at once, saying it is reading
    assert page.reading
    assert page.summary_label.text() == "Reading…"
    assert page.empty_label.isVisible()
    assert page.empty_label.text() == "Reading…"

    # Involuntary is chosen while the first read is still under way: its rows are shown…
    page.type_combo.setFocus()
    qtbot.keyClick(page.type_combo, Qt.Key.Key_Down)
    qtbot.keyClick(page.type_combo, Qt.Key.Key_Down)
    assert page.type_combo.currentText() == "Involuntary"
    qtbot.waitUntil(lambda: not page.reading)
    involuntary = {r[0] for r in rows(db, "SELECT id FROM exits WHERE exit_type = 'involuntary'")}
    assert len(involuntary) > 1

    def listed() -> set[int]:
        return {page.model.row_at(r).exit_id for r in range(page.model.rowCount())}

    assert listed() == involuntary
    assert page.view.isVisible()
    assert page.summary_label.text().startswith(f"{len(involuntary)} exits")
    # …and stay when the earlier read for every type comes in after them
    slow.set()
    wait_for_jobs()
    QApplication.processEvents()
    assert listed() == involuntary
    assert page.summary_label.text().startswith(f"{len(involuntary)} exits")

    # read again after a change, the exit chosen stays chosen
    chosen = page.model.row_at(1).exit_id
    page.view.selectRow(1)
    file_changed(window)
    assert page.reading
    qtbot.waitUntil(lambda: not page.reading)
    assert listed() == involuntary
    assert page.current_exit().exit_id == chosen
    assert action(window, "cancelExit").isEnabled()


def test_category_headers_cannot_be_picked(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    select(window, window.roster.page.model.row_at(0).employee_id)

    def look(dialog: QDialog) -> None:
        combo = child(dialog, "reasonCombo")
        assert combo.itemText(0) == "— not given —"
        headers = [
            combo.itemText(i) for i in range(1, combo.count()) if combo.itemData(i, ID_ROLE) is None
        ]
        assert headers == [c.en for c in REASON_CATEGORIES]
        model = combo.model()
        for i in range(1, combo.count()):
            flags = model.flags(model.index(i, 0))
            is_header = combo.itemData(i, ID_ROLE) is None
            assert bool(flags & Qt.ItemFlag.ItemIsEnabled) is not is_header
            assert bool(flags & Qt.ItemFlag.ItemIsSelectable) is not is_header
        # the arrow keys step over the headers: every reason and nothing else
        visited = choose_reason(qtbot, combo, reason(db, "other"))
        assert visited[0] == 0
        assert [combo.itemData(i, ID_ROLE) for i in visited[1:]] == [
            item.id for item in window.session.reasons()
        ]
        # the further reasons list has the same headers, not tickable
        further = child(dialog, "furtherList")
        for i in range(further.count()):
            item = further.item(i)
            if item.data(ID_ROLE) is None:
                assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
                assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(look):
        press(qtbot, window, Qt.Key.Key_E, CTRL)


def test_an_involuntary_reason_makes_the_exit_involuntary(make_window, tmp_path, qtbot):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    employee_id = add_person(window, "试用期", date(2026, 9, 1))
    select(window, employee_id)
    probation, pay = reason(db, "probation"), reason(db, "pay")

    def fill(dialog: QDialog) -> None:
        voluntary, involuntary = child(dialog, "voluntaryRadio"), child(dialog, "involuntaryRadio")
        combo = child(dialog, "reasonCombo")
        assert voluntary.isChecked()
        choose_reason(qtbot, combo, probation)
        assert involuntary.isChecked()
        choose_reason(qtbot, combo, pay)
        assert voluntary.isChecked()
        choose_reason(qtbot, combo, probation)
        assert involuntary.isChecked()
        type_date(qtbot, child(dialog, "lastDayEdit"), date(2026, 10, 31))
        click(qtbot, button(dialog, SAVE))

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_E, CTRL)
    assert one(db, "SELECT exit_type, primary_reason_id, eligible_for_rehire FROM exits") == (
        "involuntary",
        probation,
        None,  # not decided
    )


def test_a_type_chosen_by_the_user_is_kept(make_window, tmp_path, qtbot):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    first = add_person(window, "甲", date(2025, 1, 6))
    second = add_person(window, "乙", date(2025, 1, 6))

    def voluntary_then_probation(dialog: QDialog) -> None:
        tick(qtbot, child(dialog, "voluntaryRadio"))
        choose_reason(qtbot, child(dialog, "reasonCombo"), reason(db, "probation"))
        assert child(dialog, "voluntaryRadio").isChecked()
        click(qtbot, button(dialog, SAVE))

    select(window, first)
    with on_dialog(voluntary_then_probation):
        press(qtbot, window, Qt.Key.Key_E, CTRL)

    def involuntary_then_offer(dialog: QDialog) -> None:
        tick(qtbot, child(dialog, "involuntaryRadio"))
        choose_reason(qtbot, child(dialog, "reasonCombo"), reason(db, "better_offer"))
        assert child(dialog, "involuntaryRadio").isChecked()
        click(qtbot, button(dialog, SAVE))

    select(window, second)
    with on_dialog(involuntary_then_offer):
        press(qtbot, window, Qt.Key.Key_E, CTRL)
    assert rows(
        db,
        "SELECT e.name, x.exit_type FROM exits x JOIN spells s ON s.id = x.spell_id "
        "JOIN employees e ON e.id = s.employee_id ORDER BY e.id",
    ) == [("甲", "voluntary"), ("乙", "involuntary")]


def test_exit_rules_are_shown_and_nothing_is_saved(make_window, tmp_path, qtbot):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    employee_id = add_person(window, "规则", date(2025, 5, 6))
    select(window, employee_id)
    pay = reason(db, "pay")
    before = dump(db)

    def fill(dialog: QDialog) -> None:
        type_date(qtbot, child(dialog, "lastDayEdit"), date(2025, 5, 5))
        tick(qtbot, child(dialog, "noticeCheck"))
        type_date(qtbot, child(dialog, "noticeEdit"), date(2025, 5, 9))
        choose_reason(qtbot, child(dialog, "reasonCombo"), pay)
        tick_further(qtbot, child(dialog, "furtherList"), pay)
        open_tab(qtbot, dialog, 2)
        click(qtbot, button(dialog, SAVE))
        # every rule broken is shown under its field, on the first page
        assert dialog.isVisible()
        assert dialog.findChild(QTabWidget).currentIndex() == 0
        expected = {
            "lastDayError": "The last working day is before the hire date (2025-05-06).",
            "noticeError": "The notice date is after the last working day.",
            "furtherError": "The primary reason is also ticked as a further reason.",
        }
        for name, text in expected.items():
            assert child(dialog, name).isVisible(), name
            assert child(dialog, name).text() == text
        assert dump(db) == before

        # fixed one by one: the others stay
        type_date(qtbot, child(dialog, "lastDayEdit"), date(2025, 5, 6))
        click(qtbot, button(dialog, SAVE))
        assert not child(dialog, "lastDayError").isVisible()
        assert child(dialog, "noticeError").isVisible()
        assert child(dialog, "furtherError").isVisible()
        type_date(qtbot, child(dialog, "noticeEdit"), date(2025, 5, 6))
        click(qtbot, button(dialog, SAVE))
        assert not child(dialog, "noticeError").isVisible()
        assert child(dialog, "furtherError").isVisible()
        assert dump(db) == before
        # picking another primary reason clears the message
        choose_reason(qtbot, child(dialog, "reasonCombo"), reason(db, "training"))
        assert not child(dialog, "furtherError").isVisible()
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_E, CTRL)
    assert dump(db) == before
    assert window.session.undo_stack.count() == 0


def test_cancelling_the_exit_dialog_changes_nothing(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    select(window, window.roster.page.model.row_at(1).employee_id)
    before = dump(db)

    def fill_then_cancel(dialog: QDialog) -> None:
        type_date(qtbot, child(dialog, "lastDayEdit"), date(2026, 11, 1))
        choose_reason(qtbot, child(dialog, "reasonCombo"), reason(db, "family"))
        tick(qtbot, child(dialog, "regrettableCheck"))
        open_tab(qtbot, dialog, 1)
        type_text(qtbot, child(dialog, "conversationEdit"), "回老家")
        open_tab(qtbot, dialog, 2)
        tick(qtbot, child(dialog, "handover_equipment"))
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(fill_then_cancel):
        press(qtbot, window, Qt.Key.Key_E, CTRL)
    assert dump(db) == before
    assert window.session.undo_stack.count() == 0


# The exits list: editing and taking back
def _prepared_exit(window: MainWindow) -> tuple[int, int]:
    db = window.session.db
    employee_id = add_person(window, "张伟", date(2024, 3, 4), team="售前客服")
    handover = [
        HandoverItem(
            code, done=code == "complaints", note="交给李娜" if code == "complaints" else ""
        )
        for code in HANDOVER_CODES
    ]
    handover[0].done_date = date(2026, 10, 20)
    exit_id = end_employment(
        window,
        employee_id,
        ExitDraft(
            last_day=date(2026, 10, 31),
            exit_type="voluntary",
            primary_reason_id=reason(db, "pay"),
            further_reason_ids=[reason(db, "long_hours")],
            notice_date=date(2026, 10, 1),
            regrettable=True,
            eligible_for_rehire=False,
            conversation_notes="工资低",
            handover=handover,
        ),
    )
    return employee_id, exit_id


def test_editing_an_exit_from_the_exits_list(make_window, tmp_path, qtbot):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    employee_id, exit_id = _prepared_exit(window)
    show_exits(qtbot, window)
    assert exit_row_texts(window, exit_id)[COL_HANDOVER] == "1/5 unfinished"
    click(qtbot, exits_page(window).unfinished_check)
    assert exits_page(window).model.row_of_exit(exit_id) is not None
    before = dump(db)

    def edit(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "Exit of 张伟"
        # what was recorded is shown
        assert child(dialog, "lastDayEdit").date().toPython() == date(2026, 10, 31)
        assert child(dialog, "noticeCheck").isChecked()
        assert child(dialog, "reasonCombo").currentData(ID_ROLE) == reason(db, "pay")
        assert child(dialog, "regrettableCheck").isChecked()
        assert child(dialog, "rehireCombo").currentText() == "No"
        assert child(dialog, "handover_complaints").isChecked()
        assert child(dialog, "handoverNote_complaints").text() == "交给李娜"
        # changed
        type_date(qtbot, child(dialog, "lastDayEdit"), date(2026, 11, 2))
        tick(qtbot, child(dialog, "noticeCheck"))  # no notice after all
        choose_reason(qtbot, child(dialog, "reasonCombo"), reason(db, "better_offer"))
        tick(qtbot, child(dialog, "regrettableCheck"))
        rehire = child(dialog, "rehireCombo")
        rehire.setFocus()
        qtbot.keyClick(rehire, Qt.Key.Key_Up)
        assert rehire.currentText() == "Yes"
        open_tab(qtbot, dialog, 2)
        for code in HANDOVER_CODES[1:]:
            tick(qtbot, child(dialog, f"handover_{code}"))
        assert child(dialog, "handoverStatus").text() == "Handover complete."
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    with on_dialog(edit):
        double_click(qtbot, exits_page(window).view, select_exit(window, exit_id))

    assert one(db, "SELECT end_date FROM spells WHERE employee_id = ?", [employee_id]) == (
        "2026-11-02",
    )
    assert one(
        db,
        "SELECT notice_date, exit_type, primary_reason_id, regrettable, eligible_for_rehire, "
        "conversation_notes FROM exits WHERE id = ?",
        [exit_id],
    ) == (None, "voluntary", reason(db, "better_offer"), 0, 1, "工资低")
    assert rows(db, "SELECT reason_id FROM exit_further_reasons WHERE exit_id = ?", [exit_id]) == [
        (reason(db, "long_hours"),)
    ]
    today = window.session.today().isoformat()
    assert rows(
        db,
        "SELECT code, done, done_date, note FROM handover_items WHERE exit_id = ? "
        "ORDER BY position",
        [exit_id],
    ) == [
        ("complaints", 1, "2026-10-20", "交给李娜"),  # the date it was done is kept
        ("accounts", 1, today, ""),
        ("equipment", 1, today, ""),
        ("final_pay", 1, today, ""),
        ("knowledge", 1, today, ""),
    ]
    # the list follows: handover finished, so no longer among the unfinished
    assert exits_page(window).model.row_of_exit(exit_id) is None
    click(qtbot, exits_page(window).unfinished_check)
    assert exit_row_texts(window, exit_id)[COL_HANDOVER] == "5/5"
    assert window.session.undo_stack.undoText() == "Edit exit of 张伟"
    # Ctrl+Z puts the exit back as it was, Ctrl+Y as edited
    edited = dump(db)
    exits_page(window).view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert dump(db) == before
    assert exit_row_texts(window, exit_id)[COL_HANDOVER] == "1/5 unfinished"
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert dump(db) == edited


def test_cancelling_an_exit_edit_changes_nothing(make_window, tmp_path, qtbot):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    _, exit_id = _prepared_exit(window)
    show_exits(qtbot, window)
    before = dump(db)

    def edit_then_cancel(dialog: QDialog) -> None:
        type_date(qtbot, child(dialog, "lastDayEdit"), date(2026, 11, 2))
        choose_reason(qtbot, child(dialog, "reasonCombo"), None)
        open_tab(qtbot, dialog, 2)
        tick(qtbot, child(dialog, "handover_complaints"))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    with on_dialog(edit_then_cancel):
        double_click(qtbot, exits_page(window).view, select_exit(window, exit_id))
    assert dump(db) == before


def test_undo_an_exit_from_the_exits_list_then_ctrl_z(make_window, tmp_path, qtbot, answer):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    employee_id, exit_id = _prepared_exit(window)
    show_exits(qtbot, window)
    with_exit = dump(db)

    select_exit(window, exit_id)
    assert action(window, "cancelExit").isEnabled()
    asked = answer(NO)
    trigger(window, "cancelExit")
    assert len(asked) == 1
    assert "张伟" in asked[0]
    assert "2026-10-31" in asked[0]
    assert dump(db) == with_exit

    answer(YES)
    trigger(window, "cancelExit")
    assert rows(db, "SELECT * FROM exits") == []
    assert rows(db, "SELECT * FROM handover_items") == []
    assert rows(db, "SELECT * FROM exit_further_reasons") == []
    assert one(db, "SELECT end_date FROM spells WHERE employee_id = ?", [employee_id]) == (None,)
    assert exits_page(window).model.rowCount() == 0
    assert exits_page(window).empty_label.isVisible()
    assert window.roster.page.model.row_of_employee(employee_id) is not None  # active again
    assert window.session.undo_stack.undoText() == "Undo exit of 张伟"

    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert dump(db) == with_exit
    assert exits_page(window).model.row_of_exit(exit_id) is not None
    assert window.roster.page.model.row_of_employee(employee_id) is None  # left again
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert rows(db, "SELECT * FROM exits") == []
    assert exits_page(window).model.rowCount() == 0


def test_an_exit_followed_by_a_rehire_cannot_be_taken_back_or_moved_past_it(
    make_window, tmp_path, qtbot, answer, monkeypatch
):
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    employee_id, exit_id = _prepared_exit(window)
    records.rehire(db, employee_id, date(2026, 11, 16))
    file_changed(window)
    show_exits(qtbot, window)
    before = dump(db)
    warnings = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text, *a: warnings.append(text)),
    )
    select_exit(window, exit_id)
    answer(YES)
    trigger(window, "cancelExit")
    assert warnings == [
        "This person was rehired on 2026-11-16 after this exit: undo or delete the rehire first."
    ]
    assert dump(db) == before

    def edit(dialog: QDialog) -> None:
        type_date(qtbot, child(dialog, "lastDayEdit"), date(2026, 11, 16))
        click(qtbot, button(dialog, SAVE))
        assert dialog.isVisible()
        error = child(dialog, "lastDayError")
        assert error.isVisible()
        assert error.text() == "The last working day must be before the rehire on 2026-11-16."
        assert dump(db) == before
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(edit):
        double_click(qtbot, exits_page(window).view, select_exit(window, exit_id))
    assert dump(db) == before


# Rehiring
def test_rehire_starts_a_new_employment_and_keeps_the_old(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    show_status(window.roster.page, "Left")
    person = window.roster.page.model.row_at(0)
    select(window, person.employee_id)
    assert action(window, "rehire").isEnabled()
    old_spells = rows(db, "SELECT * FROM spells WHERE employee_id = ?", [person.employee_id])
    old_exits = rows(
        db,
        "SELECT x.* FROM exits x JOIN spells s ON s.id = x.spell_id WHERE s.employee_id = ?",
        [person.employee_id],
    )
    assert len(old_spells) == len(old_exits) == 1
    before = dump(db)
    today = window.session.today()
    start = max(today, person.end_date + timedelta(days=1))

    def fill(dialog: QDialog) -> None:
        assert dialog.windowTitle() == f"Rehire {person.name}"
        hire = child(dialog, "rehireDateEdit")
        assert hire.date().toPython() == start
        assert child(dialog, "rehireTeamEdit").text() == person.team
        assert child(dialog, "rehirePositionEdit").text() == person.position
        # not after the last day: refused, shown, nothing saved
        type_date(qtbot, hire, person.end_date)
        click(qtbot, button(dialog, OK))
        assert dialog.isVisible()
        error = child(dialog, "rehireDateError")
        assert error.isVisible()
        assert error.text() == (
            "The hire date must be after the end of the previous employment "
            f"({person.end_date.isoformat()})."
        )
        assert dump(db) == before
        type_date(qtbot, hire, start)
        replace_text(qtbot, child(dialog, "rehireTeamEdit"), "投诉处理组")
        replace_text(qtbot, child(dialog, "rehirePositionEdit"), "组长")
        assert button(dialog, OK).text() == "&Rehire"
        click(qtbot, button(dialog, OK))
        assert not dialog.isVisible()

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_R, CTRL)

    spells = rows(
        db,
        "SELECT * FROM spells WHERE employee_id = ? ORDER BY hire_date",
        [person.employee_id],
    )
    assert len(spells) == 2
    assert spells[0] == old_spells[0]  # the earlier employment as it was
    assert one(
        db,
        "SELECT hire_date, end_date, team, position FROM spells WHERE employee_id = ? "
        "AND end_date IS NULL",
        [person.employee_id],
    ) == (start.isoformat(), None, "投诉处理组", "组长")
    assert (
        rows(
            db,
            "SELECT x.* FROM exits x JOIN spells s ON s.id = x.spell_id WHERE s.employee_id = ?",
            [person.employee_id],
        )
        == old_exits
    )
    # the roster shows them employed, in the new team
    show_status(window.roster.page, "Active")
    row = window.roster.page.model.row_of_employee(person.employee_id)
    assert row is not None
    shown = window.roster.page.model.row_at(row)
    assert (shown.team, shown.end_date, shown.hire_date) == ("投诉处理组", None, start)
    assert window.session.undo_stack.undoText() == f"Rehire {person.name}"


def test_cancelling_a_rehire_changes_nothing(make_window, demo_db_path, qtbot):
    window = show(make_window(demo_db_path), qtbot)
    db = window.session.db
    show_status(window.roster.page, "Left")
    select(window, window.roster.page.model.row_at(0).employee_id)
    before = dump(db)

    def fill_then_cancel(dialog: QDialog) -> None:
        replace_text(qtbot, child(dialog, "rehireTeamEdit"), "别的组")
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(fill_then_cancel):
        press(qtbot, window, Qt.Key.Key_R, CTRL)
    assert dump(db) == before
    assert window.session.undo_stack.count() == 0


def test_a_rehire_date_more_than_a_year_ahead_is_refused_like_any_hire_date(
    make_window, tmp_path, qtbot
):
    """The rule that catches a mistyped year holds for every hire date: a rehire that
    passed it would leave a person whose details can no longer be saved."""
    window = show(make_window(tmp_path / "shop.db"), qtbot)
    db = window.session.db
    employee_id = add_person(window, "回来", date(2024, 2, 5))
    end_employment(window, employee_id, ExitDraft(last_day=date(2025, 8, 31)))
    select(window, employee_id)
    before = dump(db)
    too_late = window.session.today() + timedelta(days=400)

    def fill(dialog: QDialog) -> None:
        type_date(qtbot, child(dialog, "rehireDateEdit"), too_late)
        click(qtbot, button(dialog, OK))
        assert dialog.isVisible(), "a rehire date more than a year ahead was saved"
        error = child(dialog, "rehireDateError")
        assert error.isVisible()
        assert error.text() == "The hire date is more than a year ahead; check the year."
        assert dump(db) == before
        click(qtbot, button(dialog, CANCEL))

    with on_dialog(fill):
        press(qtbot, window, Qt.Key.Key_R, CTRL)
    assert dump(db) == before


# In Chinese
def test_the_exit_dialog_in_chinese(make_window, demo_db_path, qapp, qtbot):
    from retention_desktop.ui.common.i18n import install_translators, set_default_locale

    translators = install_translators(qapp, "zh_CN")
    try:
        window = show(make_window(demo_db_path, lang="zh_CN"), qtbot)
        db = window.session.db
        person = window.roster.page.model.row_at(0)
        select(window, person.employee_id)
        before = dump(db)

        def look(dialog: QDialog) -> None:
            assert dialog.windowTitle() == f"登记离职：{person.name}"
            tabs = dialog.findChild(QTabWidget)
            assert [tabs.tabText(i) for i in range(tabs.count())] == [
                "离职",
                "离职面谈",
                "工作交接",
                "挽留",
            ]
            combo = child(dialog, "reasonCombo")
            texts = [combo.itemText(i).strip() for i in range(combo.count())]
            assert "薪酬福利" in texts  # a category header
            assert "薪资待遇" in texts  # a reason, with its Chinese label
            assert "Pay and benefits" not in texts
            assert child(dialog, "handover_complaints").text() == "未结客户投诉已交接"
            assert child(dialog, "handoverStatus").text() == "交接未完成：已完成 0 / 5 项。"
            click(qtbot, button(dialog, CANCEL))

        with on_dialog(look):
            press(qtbot, window, Qt.Key.Key_E, CTRL)
        assert dump(db) == before
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_default_locale("en")


def test_the_exits_page_finds_people_by_name_or_number(make_window, demo_db_path, qtbot):
    from driving import exits_page, replace_text, trigger, type_text

    window = make_window(demo_db_path)
    window.show()
    qtbot.waitExposed(window)
    trigger(window, "showExits")
    page = exits_page(window)
    everyone = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert len(everyone) > 5
    someone = everyone[3]
    search = page.search_edit
    type_text(qtbot, search, someone.name[:2])
    shown = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert someone in shown
    assert all(someone.name[:2] in r.name for r in shown)
    assert page.summary_label.text().startswith(f"{len(shown):,} exit")
    if someone.employee_no:
        replace_text(qtbot, search, someone.employee_no)
        assert someone in [page.model.row_at(r) for r in range(page.model.rowCount())]
    replace_text(qtbot, search, "nobody by this name")
    assert page.model.rowCount() == 0
    assert (
        page.empty_label.text()
        == "No exit of someone called or numbered “nobody by this name” here."
    )
    replace_text(qtbot, search, "")
    assert page.model.rowCount() == len(everyone)
