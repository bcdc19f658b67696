"""A notice given, a try to keep the person, and its outcome; how and where people went:
driven through the exit dialog, the Exits filters and Ctrl+Z, then the file is checked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from driving import (
    activate,
    button,
    child,
    click,
    double_click,
    dump,
    exits_page,
    on_dialog,
    open_tab,
    rows,
    tick,
    type_date,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QTabWidget

from retention_desktop.store import catalog
from retention_desktop.ui.common.exit_rows import COL_NAME as EXIT_NAME
from retention_desktop.ui.common.exit_rows import COL_PLACE, COL_WAY
from retention_desktop.ui.roster.model import COL_NAME, COL_STATUS

TODAY = date(2026, 11, 23)
SAVE = QDialogButtonBox.StandardButton.Save
CTRL = Qt.KeyboardModifier.ControlModifier


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an entry with the arrow keys, as from the keyboard."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().strip() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} is not offered")


def status_of(window, name: str) -> str | None:
    model = window.roster.page.model
    for r in range(model.rowCount()):
        if model.index(r, COL_NAME).data() == name:
            return model.index(r, COL_STATUS).data()
    return None


def pick_active(window, qtbot):
    activate(window, qtbot)
    page = window.roster.page
    model = page.model
    name = next(model.index(r, COL_NAME).data() for r in range(model.rowCount())
                if model.index(r, COL_STATUS).data() == "Active")  # fmt: skip
    type_text(qtbot, page.search_edit, name)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.view.setFocus()
    page.view.selectRow(0)
    return name, page.model.row_at(0).employee_id


def test_a_notice_with_a_try_then_withdrawn_keeps_the_person(window, qtbot):
    """Ctrl+E with the last day ahead, resignation to a competing shop, a pay review
    offered; later the exit is opened again, "They stayed" chosen with its day, and
    Withdraw notice keeps them: employed again, the notice in their history; Ctrl+Z puts the
    exit back."""
    db = window.session.db
    name, employee_id = pick_active(window, qtbot)
    last_day = TODAY + timedelta(days=20)
    pay_review = catalog.id_for_code(db, "action_types", "pay_review")
    competitor = catalog.id_for_code(db, "destinations", "competitor")

    def give_notice(dialog) -> None:
        type_date(qtbot, child(dialog, "lastDayEdit"), last_day)
        tick(qtbot, child(dialog, "noticeCheck"))
        type_date(qtbot, child(dialog, "noticeEdit"), TODAY - timedelta(days=3))
        choose(qtbot, child(dialog, "wayCombo"), "Resignation")
        assert child(dialog, "voluntaryRadio").isChecked()
        choose(qtbot, child(dialog, "destinationCombo"), "A competing shop")
        open_tab(qtbot, dialog, 3)
        assert not child(dialog, "keepOfferCombo").isEnabled()
        tick(qtbot, child(dialog, "keepTriedCheck"))
        choose(qtbot, child(dialog, "keepOfferCombo"), "Pay review")
        assert child(dialog, "leavingRadio").isChecked()
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    with on_dialog(give_notice):
        qtbot.keyClick(window.roster.page.view, Qt.Key.Key_E, CTRL)
    exit_id, way, place, tried, offer = rows(
        db, "SELECT x.id, way, destination_id, keep_tried, keep_offer_id FROM exits x "
        "JOIN spells s ON s.id = x.spell_id WHERE s.employee_id = ?", [employee_id])[0]  # fmt: skip
    assert (way, place, tried, offer) == ("resignation", competitor, 1, pay_review)
    assert status_of(window, name) == "Leaving in 20 days"
    with_notice = dump(db)

    # the Exits page shows the way and where they went, and filters by them
    activate(window, qtbot)
    qtbot.keyClick(window.roster.page.view, Qt.Key.Key_2, CTRL)  # View > Exits
    page = exits_page(window)
    assert page.isVisible()
    choose(qtbot, page.way_combo, "Resignation")
    qtbot.waitUntil(lambda: not page.reading)
    choose(qtbot, page.place_combo, "A competing shop")
    qtbot.waitUntil(lambda: not page.reading and page.model.row_of_exit(exit_id) is not None)
    assert all(page.model.row_at(r).way == "resignation" for r in range(page.model.rowCount()))
    row = page.model.row_of_exit(exit_id)
    assert page.model.index(row, COL_WAY).data() == "Resignation"
    assert page.model.index(row, COL_PLACE).data() == "A competing shop"
    page.view.selectRow(row)
    page.view.scrollTo(page.model.index(row, EXIT_NAME))
    page.view.setFocus()

    stayed_on = TODAY - timedelta(days=1)

    def withdraw(dialog) -> None:
        open_tab(qtbot, dialog, 3)
        assert child(dialog, "keepTriedCheck").isChecked()
        assert child(dialog, "keepOfferCombo").currentText() == "Pay review"
        assert not child(dialog, "withdrawNote").isVisible()
        tick(qtbot, child(dialog, "stayedRadio"))
        assert child(dialog, "withdrawNote").isVisible()
        assert button(dialog, SAVE).text() == "With&draw notice"
        type_date(qtbot, child(dialog, "stayedEdit"), stayed_on)
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    with on_dialog(withdraw):
        double_click(qtbot, page.view, page.model.index(row, EXIT_NAME))
    assert rows(db, "SELECT count(*) FROM exits WHERE id = ?", [exit_id]) == [(0,)]
    kept = rows(db, "SELECT notice_date, last_day, stayed_on, keep_tried, keep_offer_id, way "
                "FROM kept_notices WHERE spell_id IN (SELECT id FROM spells "
                "WHERE employee_id = ?)", [employee_id])  # fmt: skip
    assert kept == [((TODAY - timedelta(days=3)).isoformat(), last_day.isoformat(),
                     stayed_on.isoformat(), 1, pay_review, "resignation")]  # fmt: skip
    assert rows(db, "SELECT end_date FROM spells WHERE employee_id = ?", [employee_id]) == [(None,)]
    qtbot.waitUntil(lambda: page.model.row_of_exit(exit_id) is None)
    assert window.session.undo_stack.undoText() == f"Notice of {name} withdrawn"
    activate(window, qtbot)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL)
    assert dump(db) == with_notice


def test_a_withdrawal_without_a_notice_date_is_refused_on_the_exit_tab(window, qtbot):
    db = window.session.db
    _, employee_id = pick_active(window, qtbot)
    before = dump(db)

    def withdraw_without_date(dialog) -> None:
        type_date(qtbot, child(dialog, "lastDayEdit"), TODAY + timedelta(days=10))
        open_tab(qtbot, dialog, 3)
        tick(qtbot, child(dialog, "stayedRadio"))
        click(qtbot, button(dialog, SAVE))
        assert dialog.isVisible()
        assert dialog.findChild(QTabWidget).currentIndex() == 0
        assert "Notice given on" in child(dialog, "noticeError").text()
        # with the date it was given, the notice is kept at once (recorded afterwards)
        tick(qtbot, child(dialog, "noticeCheck"))
        type_date(qtbot, child(dialog, "noticeEdit"), TODAY - timedelta(days=5))
        click(qtbot, button(dialog, SAVE))
        assert not dialog.isVisible()

    with on_dialog(withdraw_without_date):
        qtbot.keyClick(window.roster.page.view, Qt.Key.Key_E, CTRL)
    assert rows(db, "SELECT count(*) FROM kept_notices k JOIN spells s ON s.id = k.spell_id "
                "WHERE s.employee_id = ?", [employee_id]) == [(1,)]  # fmt: skip
    assert rows(db, "SELECT end_date FROM spells WHERE employee_id = ? AND end_date IS NULL",
                [employee_id]) == [(None,)]  # fmt: skip
    assert dump(db) != before


def test_a_way_of_leaving_sets_the_type_unless_the_owner_chose_it(window, qtbot):
    pick_active(window, qtbot)

    def look(dialog) -> None:
        choose(qtbot, child(dialog, "wayCombo"), "Dismissal")
        assert child(dialog, "involuntaryRadio").isChecked()
        choose(qtbot, child(dialog, "wayCombo"), "Walked off")
        assert child(dialog, "voluntaryRadio").isChecked()
        tick(qtbot, child(dialog, "involuntaryRadio"))  # the owner's word stands
        choose(qtbot, child(dialog, "wayCombo"), "Resignation")
        assert child(dialog, "involuntaryRadio").isChecked()
        click(qtbot, button(dialog, QDialogButtonBox.StandardButton.Cancel))

    with on_dialog(look):
        qtbot.keyClick(window.roster.page.view, Qt.Key.Key_E, CTRL)


def test_the_destination_list_is_the_shops_own(window, qtbot, monkeypatch):
    """File > Where people went: add a destination (no category asked), retire a built-in;
    the Exits page shown meanwhile offers the new one at once, and so does the exit dialog,
    no longer the retired one."""
    from driving import trigger
    from PySide6.QtWidgets import QPushButton, QTreeWidget

    from retention_desktop.ui.catalog import reasons_dialog

    asked = []
    answers = [("直播带货", True)]
    monkeypatch.setattr(reasons_dialog.QInputDialog, "getText", staticmethod(
        lambda *a, **k: (asked.append(a[1]), answers.pop(0))[1]))  # fmt: skip
    monkeypatch.setattr(reasons_dialog.QInputDialog, "getItem", staticmethod(
        lambda *a, **k: pytest.fail("a destination has no category")))  # fmt: skip

    def edit(dialog) -> None:
        assert dialog.objectName() == "destinationsDialog"
        tree = dialog.findChild(QTreeWidget)
        assert tree.isColumnHidden(1)
        labels = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        assert labels[:2] == ["A competing shop", "Another e-commerce job"]

        def pick(row: int) -> None:  # a click on the row, as the owner chooses it
            item = tree.topLevelItem(row)
            tree.scrollToItem(item)
            at = tree.visualItemRect(item).center()
            qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=at)
            assert tree.currentItem() is item

        pick(labels.index("Study"))
        click(qtbot, dialog.findChild(QPushButton, "retireButton"))
        pick(tree.topLevelItemCount() - 1)
        click(qtbot, dialog.findChild(QPushButton, "addButton"))
        click(qtbot, button(dialog, QDialogButtonBox.StandardButton.Ok))
        assert not dialog.isVisible()

    trigger(window, "showExits")
    page = exits_page(window)
    qtbot.waitUntil(lambda: not page.reading and page.place_combo.count() > 1)
    with on_dialog(edit):
        trigger(window, "destinations")
    assert asked == ["New destination"]
    places = lambda: [page.place_combo.itemText(i) for i in range(page.place_combo.count())]  # noqa: E731
    qtbot.waitUntil(lambda: "直播带货" in places())
    db = window.session.db
    assert rows(db, "SELECT label_zh, label_en, builtin FROM destinations ORDER BY position DESC "
                "LIMIT 1") == [("直播带货", "直播带货", 0)]  # fmt: skip
    assert rows(db, "SELECT retired FROM destinations WHERE code = 'study'") == [(1,)]

    trigger(window, "showRoster")
    pick_active(window, qtbot)
    offered = []

    def look(dialog) -> None:
        combo = child(dialog, "destinationCombo")
        offered.extend(combo.itemText(i) for i in range(combo.count()))
        click(qtbot, button(dialog, QDialogButtonBox.StandardButton.Cancel))

    with on_dialog(look):
        qtbot.keyClick(window.roster.page.view, Qt.Key.Key_E, CTRL)
    assert "直播带货" in offered
    assert "Study" not in offered


def test_employee_withdraw_notice_opens_the_exit_at_they_stayed(window, qtbot):
    """Employee > Withdraw notice (they stay)…: off for someone employed with no notice, on
    for someone leaving; it opens their exit at Keep them with "They stayed" chosen, and
    the button withdraws the notice."""
    from driving import action, show_status, trigger

    db = window.session.db
    pick_active(window, qtbot)
    assert not action(window, "withdrawNotice").isEnabled()
    page = window.roster.page
    page.search_edit.clear()
    show_status(page, "Leaving (notice given)")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.view.setFocus()
    page.view.selectRow(0)
    person = page.model.row_at(0)
    assert action(window, "withdrawNotice").isEnabled()
    seen = {}

    def withdraw(dialog) -> None:
        seen["tab"] = dialog.findChild(QTabWidget).currentIndex()
        seen["stayed"] = child(dialog, "stayedRadio").isChecked()
        click(qtbot, button(dialog, SAVE))

    with on_dialog(withdraw):
        trigger(window, "withdrawNotice")
    assert seen == {"tab": 3, "stayed": True}
    assert rows(db, "SELECT end_date FROM spells WHERE employee_id = ? ORDER BY hire_date DESC "
                "LIMIT 1", [person.employee_id]) == [(None,)]  # fmt: skip
