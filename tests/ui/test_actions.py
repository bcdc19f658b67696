"""Retention actions and risk flags through the real widgets: planning for one person,
for several at once and for a team, marking done, cancelling, reopening, deleting, the
Actions view's filters, flagging and clearing risk; each change undone with Ctrl+Z."""

from __future__ import annotations

from datetime import date

import pytest
from driving import (
    CTRL,
    SAVE,
    action,
    activate,
    button,
    child,
    click,
    double_click,
    dump,
    file_changed,
    on_dialog,
    replace_text,
    trigger,
    type_date,
)
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QInputDialog,
    QPushButton,
)

from retention_desktop.ui.common.session import Session
from retention_desktop.ui.shell.main_window import PAGE_ACTIONS, PAGE_ROSTER

TODAY = date(2026, 11, 23)
OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture
def window(make_window, demo_db_path, qtbot, monkeypatch):
    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    window = make_window(demo_db_path)
    window.resize(1100, 700)
    window.show()
    activate(window, qtbot)
    return window


def key(qtbot, window, which, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    if QApplication.activeWindow() is not window:
        activate(window, qtbot)
    qtbot.keyClick(QApplication.focusWidget() or window, which, modifiers)


def choose(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def type_id(db, code: str) -> int:
    return db.execute("SELECT id FROM action_types WHERE code = ?", [code]).fetchone()[0]


def actions_of(db, employee_id=None, team=None) -> list[tuple]:
    where, params = ("employee_id = ?", [employee_id]) if employee_id else ("team = ?", [team])
    return [
        tuple(r)
        for r in db.execute(
            "SELECT action_type_id, title, planned_date, due_date, owner, cost, status, "
            f"done_date, outcome FROM retention_actions WHERE {where} ORDER BY id",
            params,
        )
    ]


def shown_actions(page) -> list:
    return [page.model.row_at(n) for n in range(page.model.rowCount())]


def active_rows(window, count: int) -> list:
    page = window.roster.page
    window.nav.setCurrentRow(PAGE_ROSTER)
    return [page.model.row_at(r) for r in range(count)]


def test_plan_an_action_for_one_person_then_undo(window, qtbot):
    db = window.session.db
    person = active_rows(window, 1)[0]
    window.roster.page.select_employee(person.employee_id)
    window.roster.page.view.setFocus()
    before = actions_of(db, person.employee_id)

    def plan(dialog) -> None:
        assert child(dialog, "actionTargetLabel").text() == person.name
        choose(child(dialog, "actionTypeEdit"), type_id(db, "pay_review"))
        replace_text(qtbot, child(dialog, "actionTitleEdit"), "调薪沟通")
        click(qtbot, child(dialog, "dueCheck"))
        replace_text(qtbot, child(dialog, "ownerEdit"), "店长")
        replace_text(qtbot, child(dialog, "costSpin").lineEdit(), "300")
        click(qtbot, button(dialog, SAVE))

    with on_dialog(plan):
        key(qtbot, window, Qt.Key.Key_P, CTRL)
    after = actions_of(db, person.employee_id)
    assert after[: len(before)] == before
    assert after[len(before):] == [
        (type_id(db, "pay_review"), "调薪沟通", "2026-11-23", "2026-11-30", "店长", 300.0,
         "planned", None, ""),
    ]  # fmt: skip
    window.session.undo_stack.undo()
    assert actions_of(db, person.employee_id) == before


def test_the_same_action_for_several_people_at_once(window, qtbot):
    db = window.session.db
    people = active_rows(window, 3)
    view = window.roster.page.view
    view.setFocus()
    selection = view.selectionModel()
    for n in range(3):
        selection.select(
            window.roster.page.model.index(n, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert action(window, "planAction").isEnabled()
    counts = {p.employee_id: len(actions_of(db, p.employee_id)) for p in people}
    whole = dump(db)

    def plan(dialog) -> None:
        assert dialog.windowTitle() == "Plan an action for 3 employees"
        for p in people:
            assert p.name in child(dialog, "actionTargetLabel").text()
        choose(child(dialog, "actionTypeEdit"), type_id(db, "training_course"))
        click(qtbot, button(dialog, SAVE))

    with on_dialog(plan):
        key(qtbot, window, Qt.Key.Key_P, CTRL)
    for p in people:
        rows = actions_of(db, p.employee_id)
        assert len(rows) == counts[p.employee_id] + 1
        assert rows[-1][0] == type_id(db, "training_course")
    assert window.session.undo_stack.undoText() == "Plan Training course"
    window.session.undo_stack.undo()
    assert dump(db) == whole


def test_a_team_action_needs_its_kind_and_is_undone_alone(window, qtbot):
    db = window.session.db
    whole = dump(db)
    window.nav.setCurrentRow(PAGE_ACTIONS)

    def plan(dialog) -> None:
        team = child(dialog, "actionTeamEdit")
        team.setCurrentText("售前客服")
        click(qtbot, button(dialog, SAVE))
        assert dialog.isVisible()
        assert child(dialog, "actionTypeError").text() == "Choose the kind of action."
        assert dump(db) == whole
        choose(child(dialog, "actionTypeEdit"), type_id(db, "team_activity"))
        replace_text(qtbot, child(dialog, "actionTitleEdit"), "周五下午茶")
        click(qtbot, button(dialog, SAVE))

    with on_dialog(plan):
        trigger(window, "teamAction")
    assert actions_of(db, team="售前客服")[-1][:3] == (
        type_id(db, "team_activity"), "周五下午茶", "2026-11-23"
    )  # fmt: skip
    qtbot.waitUntil(lambda: any(
        r.title == "周五下午茶" for r in shown_actions(window.actions.page)
    ), timeout=5000)  # fmt: skip
    window.session.undo_stack.undo()
    assert dump(db) == whole


def _select_action(window, qtbot, title: str, status: str) -> None:
    """Show every action and pick the one titled `title` once the list shows it as
    `status` (the list is read again in the background after each change)."""
    page = window.actions.page
    window.nav.setCurrentRow(PAGE_ACTIONS)
    choose(page.status_combo, None)  # all
    qtbot.waitUntil(
        lambda: any(r.title == title and r.status == status for r in shown_actions(page)),
        timeout=5000,
    )
    row = next(n for n in range(page.model.rowCount()) if page.model.row_at(n).title == title)
    page.view.selectRow(row)
    page.view.setFocus()


def test_mark_done_cancel_reopen_and_delete_from_the_actions_view(window, qtbot, monkeypatch):
    db = window.session.db
    person = active_rows(window, 1)[0]
    from retention_desktop.domain.actions import ActionDraft
    from retention_desktop.store import actions as store_actions

    window.session.change(
        "plan", lambda: store_actions.plan_action(
            db, ActionDraft(type_id(db, "checkin"), date(2026, 11, 2), "谈心一"),
            employee_id=person.employee_id),
        person.employee_id,
    )  # fmt: skip
    action_id = db.execute("SELECT max(id) FROM retention_actions").fetchone()[0]

    def state():
        return db.execute(
            "SELECT status, done_date, outcome FROM retention_actions WHERE id = ?", [action_id]
        ).fetchone()

    _select_action(window, qtbot, "谈心一", "planned")

    def done(dialog) -> None:
        edit = child(dialog, "doneDateEdit")
        edit.setDate(edit.date().addDays(-3))
        replace_text(qtbot, child(dialog, "outcomeEdit"), "聊了排班,情绪稳定")
        click(qtbot, button(dialog, OK))

    with on_dialog(done):
        key(qtbot, window, Qt.Key.Key_D, CTRL)
    assert tuple(state()) == ("done", "2026-11-20", "聊了排班,情绪稳定")

    _select_action(window, qtbot, "谈心一", "done")
    trigger(window, "reopenAction")
    assert tuple(state()) == ("planned", None, "聊了排班,情绪稳定")

    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("人已请假", True))
    )
    _select_action(window, qtbot, "谈心一", "planned")
    trigger(window, "cancelAction")
    assert state()[0] == "cancelled"
    assert "人已请假" in state()[2]

    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    _select_action(window, qtbot, "谈心一", "cancelled")
    trigger(window, "deleteAction")
    assert state() is None
    window.session.undo_stack.undo()
    assert state()[0] == "cancelled"


def test_a_save_the_store_refuses_keeps_the_dialog_open_with_what_was_typed(window, qtbot):
    """The store refuses to plan a done action after the day it was done (the dialog's own
    checks cannot know that day): the dialog stays open, says why, keeps the input."""
    db = window.session.db
    person = active_rows(window, 1)[0]
    from retention_desktop.domain.actions import ActionDraft
    from retention_desktop.store import actions as store_actions

    draft = ActionDraft(type_id(db, "checkin"), date(2026, 11, 2), "谈心二")
    action_id = store_actions.plan_action(db, draft, employee_id=person.employee_id)
    store_actions.complete_action(db, action_id, date(2026, 11, 5), "", today=TODAY)
    _select_action(window, qtbot, "谈心二", "done")
    page = window.actions.page
    whole, steps = dump(db), window.session.undo_stack.count()
    seen = {}

    def edit(dialog) -> None:
        replace_text(qtbot, child(dialog, "actionTitleEdit"), "谈心(改)")
        type_date(qtbot, child(dialog, "plannedDateEdit"), date(2026, 11, 20))
        click(qtbot, button(dialog, SAVE))
        seen["open"] = dialog.isVisible()
        seen["error"] = child(dialog, "plannedDateError").text()
        seen["title"] = child(dialog, "actionTitleEdit").text()
        seen["planned"] = child(dialog, "plannedDateEdit").date().toPython()
        dialog.reject()

    with on_dialog(edit):
        double_click(qtbot, page.view, page.view.currentIndex())
    assert seen == {
        "open": True,
        "error": "The planned date is after the day it was done (2026-11-05).",
        "title": "谈心(改)",
        "planned": date(2026, 11, 20),
    }
    assert dump(db) == whole
    assert window.session.undo_stack.count() == steps


def test_the_overdue_filter_shows_only_overdue_actions(window, qtbot):
    page = window.actions.page
    window.nav.setCurrentRow(PAGE_ACTIONS)
    choose(page.status_combo, "overdue")
    qtbot.waitUntil(lambda: page.count_label.text().startswith(
        f"{page.model.rowCount():,} action"), timeout=5000)  # fmt: skip
    rows = [page.model.row_at(n) for n in range(page.model.rowCount())]
    assert rows
    assert all(r.overdue and r.status == "planned" for r in rows)
    assert all((r.due_date or r.planned_date) < TODAY for r in rows)
    index = page.model.index(0, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None  # highlighted


def test_flag_a_person_at_risk_then_clear_it(window, qtbot):
    db = window.session.db
    person = next(r for r in active_rows(window, 40) if r.risk is None)
    window.roster.page.select_employee(person.employee_id)
    window.roster.page.view.setFocus()
    pay = db.execute("SELECT id FROM exit_reasons WHERE code = 'pay'").fetchone()[0]

    def flag(dialog) -> None:
        choose(child(dialog, "riskLevelCombo"), "high")
        child(dialog, "riskReasonCombo").setCurrentIndex(
            child(dialog, "riskReasonCombo").findData(pay, Qt.ItemDataRole.UserRole + 1)
        )
        replace_text(qtbot, child(dialog, "riskNoteEdit"), "最近常说太累")
        click(qtbot, button(dialog, SAVE))

    with on_dialog(flag):
        trigger(window, "flagRisk")
    flags = db.execute(
        "SELECT level, reason_id, flagged_on, note, cleared_on FROM risk_flags "
        "WHERE employee_id = ?", [person.employee_id]
    ).fetchall()  # fmt: skip
    assert [tuple(f) for f in flags] == [("high", pay, "2026-11-23", "最近常说太累", None)]
    qtbot.waitUntil(lambda: window.roster.page.current_row().risk == "high", timeout=5000)

    def clear(dialog) -> None:
        assert "High" in child(dialog, "currentRiskLabel").text()
        replace_text(qtbot, child(dialog, "clearNoteEdit"), "调了白班")
        click(qtbot, button(dialog, OK))

    window.roster.page.select_employee(person.employee_id)
    with on_dialog(clear):
        trigger(window, "clearRisk")
    cleared = db.execute(
        "SELECT cleared_on, clear_note FROM risk_flags WHERE employee_id = ?",
        [person.employee_id],
    ).fetchall()
    assert [tuple(c) for c in cleared] == [("2026-11-23", "调了白班")]
    window.session.undo_stack.undo()
    assert db.execute(
        "SELECT cleared_on FROM risk_flags WHERE employee_id = ?", [person.employee_id]
    ).fetchall() == [(None,)]


def test_the_employee_timeline_lists_everything_in_order(window, qtbot):
    from retention_desktop.store import actions as store_actions

    db = window.session.db
    # someone with employment, actions and a risk flag in the demo shop
    employee_id = db.execute(
        """SELECT e.id FROM employees e
           WHERE EXISTS (SELECT 1 FROM retention_actions a WHERE a.employee_id = e.id)
             AND EXISTS (SELECT 1 FROM risk_flags f WHERE f.employee_id = e.id)
           ORDER BY e.id LIMIT 1"""
    ).fetchone()[0]
    events = store_actions.timeline(db, employee_id, "en")
    assert {e.kind for e in events} >= {"hired", "risk_flagged"}
    seen = {}

    def look(dialog) -> None:
        tabs = child(dialog, "employeeTabs")
        tabs.setCurrentIndex(2)
        assert tabs.tabText(2) == "Timeline"
        table = child(dialog, "timelineTable")
        seen["rows"] = [
            [table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())
        ]
        dialog.reject()

    window.nav.setCurrentRow(PAGE_ROSTER)
    choose(window.roster.page.status_combo, "all")
    assert window.roster.page.select_employee(employee_id)
    with on_dialog(look):
        trigger(window, "open")
    rows = seen["rows"]
    assert [r[0] for r in rows] == [e.day.isoformat() for e in events]
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert rows[0][1] == "Hired"
    assert "Flagged at risk" in [r[1] for r in rows]


def test_a_long_list_reads_its_rows_a_page_at_a_time(window, qtbot):
    db = window.session.db
    person = active_rows(window, 1)[0]
    from retention_desktop.domain.actions import ActionDraft
    from retention_desktop.store import actions as store_actions

    checkin = type_id(db, "checkin")
    with db.conn:
        for n in range(450):
            store_actions.plan_action(
                db,
                ActionDraft(checkin, date(2026, 1, 1), f"谈心{n:03}", due_date=date(2026, 1, 5)),
                employee_id=person.employee_id,
            )
    page = window.actions.page
    window.nav.setCurrentRow(PAGE_ACTIONS)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        choose(page.status_combo, None)  # all
    everything = store_actions.actions(db, window.session.lang, None, TODAY)
    model = page.model
    assert model.rowCount() == len(everything) > 2 * model.PAGE
    assert len(model._pages) <= 1  # only what the screen showed was read
    last = model.rowCount() - 1
    assert model.row_at(last) == everything[last]
    assert model.index(last, 5).data() == everything[last].title
    assert all(model.row_at(n) == everything[n] for n in range(model.rowCount()))
    overdue = sum(r.overdue for r in everything)
    assert page.count_label.text() == f"{len(everything):,} actions, {overdue:,} overdue"
    assert len(everything) != 1
    # an action deleted behind the list's back shows as an empty row until the next read
    gone = everything[-1].action_id
    model.set_list(list(model._ids), [])
    store_actions.delete_action(db, gone)
    assert model.row_at(last) is None
    assert model.index(last, 5).data() is None
    page.select_action(gone)
    assert page.current_row() is None
    with qtbot.waitSignal(page.loaded, timeout=5000):
        file_changed(window)  # the screens hear of it: the list is read again
    assert model.rowCount() == len(everything) - 1
    assert model.row_of_action(gone) is None


def test_risk_levels_and_their_history_in_chinese(
    make_window, demo_db_path, qtbot, qapp, monkeypatch
):
    from retention_desktop.ui.common.i18n import install_translators, set_default_locale

    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    translators = install_translators(qapp, "zh_CN")
    try:
        window = make_window(demo_db_path, lang="zh_CN")
        window.show()
        activate(window, qtbot)
        db = window.session.db
        flagged = db.execute(
            "SELECT employee_id, level FROM risk_flags WHERE cleared_on IS NULL ORDER BY id"
        ).fetchone()
        window.roster.page.select_employee(flagged[0])
        seen = {}

        def look(dialog) -> None:
            combo = child(dialog, "riskLevelCombo")
            seen["levels"] = [combo.itemText(n) for n in range(combo.count())]
            model = child(dialog, "riskHistoryView").model()
            seen["header"] = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
            seen["level"] = model.index(model.rowCount() - 1, 1).data()
            dialog.reject()

        with on_dialog(look):
            trigger(window, "flagRisk")
        assert seen["levels"] == ["高", "中", "低"]
        assert seen["header"] == ["标记日期", "等级", "原因", "解除日期", "备注"]
        assert seen["level"] == {"high": "高", "medium": "中", "low": "低"}[flagged[1]]

        def timeline(dialog) -> None:
            table = child(dialog, "timelineTable")
            seen["timeline"] = [
                table.model().index(r, 2).data()
                for r in range(table.model().rowCount())
                if table.model().index(r, 1).data() == "标记流失风险"
            ]
            dialog.reject()

        with on_dialog(timeline):
            trigger(window, "open")
        level = {"high": "高", "medium": "中", "low": "低"}[flagged[1]]
        assert any(text.startswith(f"{level} · ") or text == level for text in seen["timeline"])
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_default_locale("en")


def test_the_action_library_is_edited_and_offered(window, qtbot, monkeypatch):
    from test_undo_and_reasons import Inputs, pick, push, tree_labels

    from retention_desktop.domain.catalog import ACTION_TYPES

    db = window.session.db
    inputs = Inputs(monkeypatch)
    inputs.texts = [("Night-shift swap", True), ("Check-in (weekly)", True)]
    inputs.items = [("Workload", True)]
    used = {r[0] for r in db.execute("SELECT DISTINCT action_type_id FROM retention_actions")}

    def edit(dialog) -> None:
        assert dialog.objectName() == "actionTypesDialog"
        assert dialog.windowTitle() == "Action library"
        tree = child(dialog, "actionTypeTree")
        assert tree_labels(tree) == [entry.en for entry in ACTION_TYPES]
        pick(qtbot, tree, "Team activity")
        push(qtbot, dialog, "add")  # after the current one, in the category asked
        assert inputs.asked[:2] == [("New kind of action", ""), ("Category", "Team building")]
        assert tree.currentItem().text(1) == "Workload"
        pick(qtbot, tree, "Check-in conversation")
        push(qtbot, dialog, "rename")
        pick(qtbot, tree, "Cross-department learning")
        push(qtbot, dialog, "retire")
        assert not dialog.findChild(QPushButton, "deleteButton").isEnabled()  # a built-in
        click(qtbot, button(dialog, OK))

    with on_dialog(edit):
        trigger(window, "actionLibrary")
    rows = db.execute(
        "SELECT label_en, label_zh, category, builtin, retired FROM action_types "
        "WHERE label_en IN ('Night-shift swap', 'Check-in (weekly)', "
        "'Cross-department learning') ORDER BY label_en"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("Check-in (weekly)", "一对一谈心", "support", 1, 0),  # the Chinese label kept
        ("Cross-department learning", "跨部门学习", "career", 1, 1),
        ("Night-shift swap", "Night-shift swap", "workload", 0, 0),
    ]
    assert used  # the demo shop's actions keep their kinds
    # the new kind is offered when planning, the retired one is not
    person = active_rows(window, 1)[0]
    window.roster.page.select_employee(person.employee_id)
    window.roster.page.view.setFocus()
    seen = {}

    def look(dialog) -> None:
        combo = child(dialog, "actionTypeEdit")
        seen["kinds"] = [combo.itemText(n) for n in range(combo.count())]
        dialog.reject()

    with on_dialog(look):
        trigger(window, "planAction")
    assert "Night-shift swap" in seen["kinds"]
    assert "Check-in (weekly)" in seen["kinds"]
    assert "Cross-department learning" not in seen["kinds"]
    window.nav.setCurrentRow(PAGE_ACTIONS)
    kinds = window.actions.page.type_combo
    assert "Night-shift swap" in [kinds.itemText(n) for n in range(kinds.count())]


def test_a_list_that_cannot_be_read_says_so(window, qtbot, monkeypatch):
    from retention_desktop.ui.actions import controller

    def broken(*args):
        raise OSError("disk I/O error")

    monkeypatch.setattr(controller.store_actions, "action_list", broken)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # View > Actions
    page = window.actions.page
    qtbot.waitUntil(lambda: "could not be read" in page.count_label.text(), timeout=10000)
    assert page.count_label.text() == "The actions could not be read: disk I/O error"


def test_planned_as_a_status_and_as_a_column_read_apart_in_chinese(
    make_window, demo_db_path, qtbot, monkeypatch, chinese
):
    """ "Planned" names the column of dates and the status of an action not done yet:
    计划日期 and 已计划, not the one word for both (the status showed 计划日期)."""
    from datetime import timedelta

    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    window = make_window(demo_db_path, lang="zh_CN")
    db = window.session.db
    # an action planned for next week: not done, not overdue
    db.execute(
        "UPDATE retention_actions SET planned_date = ?, due_date = NULL, status = 'planned', "
        "done_date = NULL WHERE id = (SELECT max(id) FROM retention_actions)",
        [(TODAY + timedelta(days=7)).isoformat()],
    )
    db.conn.commit()
    window.show()
    qtbot.waitExposed(window)
    trigger(window, "showActions")
    model = window.actions.page.view.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[1] == "计划日期"
    status = headers.index("状态")
    statuses = {model.index(r, status).data() for r in range(min(model.rowCount(), 50))}
    assert "已计划" in statuses
    assert "计划日期" not in statuses  # (before: the status read 计划日期)
