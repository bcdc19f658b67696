"""Retention actions and risk flags in the file: the action lifecycle and its refusals (each
writing nothing), the Actions view's filters, risk history, the timeline, and putting back
one team action for undo."""

from __future__ import annotations

from datetime import date

import pytest

from retention_desktop.domain.actions import OVERDUE, STATUSES, ActionDraft, RiskDraft, is_overdue
from retention_desktop.domain.records import EmployeeDraft, ExitDraft
from retention_desktop.store import catalog
from retention_desktop.store.actions import (
    ActionFilter,
    action_ids,
    action_list,
    action_record,
    actions,
    actions_by_id,
    cancel_action,
    clear_risk,
    complete_action,
    count_overdue,
    current_risk,
    delete_action,
    flag_risk,
    overdue_where,
    plan_action,
    plan_for_employees,
    put_action,
    reopen_action,
    risk_history,
    take_action,
    timeline,
    update_action,
)
from retention_desktop.store.catalog import CatalogEdit, list_items, save_catalog
from retention_desktop.store.database import database_path
from retention_desktop.store.errors import RecordError
from retention_desktop.store.queries import roster
from retention_desktop.store.records import add_employee, record_exit, rehire

TODAY = date(2025, 6, 30)


def hire(db, name: str, hired: date = date(2024, 3, 1), team: str = "", **kwargs) -> int:
    draft = EmployeeDraft(name=name, hire_date=hired, team=team, **kwargs)
    return add_employee(db, draft, today=TODAY)[0]


def type_id(db, code: str = "checkin") -> int:
    return catalog.id_for_code(db, "action_types", code)


def draft(db, code: str = "checkin", planned: date = date(2025, 6, 1), **kwargs) -> ActionDraft:
    return ActionDraft(type_id(db, code), planned, **kwargs)


def count(db, table: str = "retention_actions") -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def stored(db, action_id: int) -> dict:
    return next(db.query("SELECT * FROM retention_actions WHERE id = ?", [action_id]))


def refused(call, field: str, code: str | None) -> RecordError:
    with pytest.raises(RecordError) as info:
        call()
    assert (info.value.field, info.value.code) == (field, code)
    return info.value


# --- planning ----------------------------------------------------------------------------


def test_plan_for_one_employee_stores_cleaned_values(db) -> None:
    wang = hire(db, "王芳", team="售前客服")
    action_id = plan_action(
        db,
        ActionDraft(
            type_id(db),
            date(2025, 6, 1),
            "  谈心 ",
            date(2025, 6, 8),
            " 店长 ",
            120.5,
            " notes \n",
        ),
        employee_id=wang,
    )
    row = stored(db, action_id)
    assert (row["employee_id"], row["team"], row["title"], row["owner"], row["notes"]) == (
        wang,
        None,
        "谈心",
        "店长",
        " notes",
    )
    assert (row["planned_date"], row["due_date"], row["cost"]) == (
        "2025-06-01",
        "2025-06-08",
        120.5,
    )
    assert (row["status"], row["done_date"], row["outcome"]) == ("planned", None, "")
    assert row["created_at"]
    assert row["updated_at"]
    record = action_record(db, action_id)
    assert record.draft == ActionDraft(
        type_id(db), date(2025, 6, 1), "谈心", date(2025, 6, 8), "店长", 120.5, " notes"
    )
    assert (record.status, record.done_date, record.employee_id, record.team) == (
        "planned",
        None,
        wang,
        None,
    )
    assert action_record(db, 999) is None


def test_plan_for_a_team(db) -> None:
    action_id = plan_action(db, draft(db, "team_activity"), team=" 售后客服 ")
    row = stored(db, action_id)
    assert (row["employee_id"], row["team"]) == (None, "售后客服")
    assert action_record(db, action_id).team == "售后客服"


@pytest.mark.parametrize(
    ("target", "field", "code"),
    [
        ({}, "target", "required"),
        ({"employee_id": 1, "team": "A"}, "target", "both"),
        ({"team": "   "}, "team", "required"),
        ({"employee_id": 999}, "employee", "unknown"),
    ],
)
def test_plan_needs_exactly_one_real_target(db, target, field, code) -> None:
    hire(db, "王芳")
    refused(lambda: plan_action(db, draft(db), **target), field, code)
    assert count(db) == 0


def test_plan_refusals_from_the_draft(db) -> None:
    wang = hire(db, "王芳")
    bad_due = draft(db, due_date=date(2025, 5, 31))
    refused(lambda: plan_action(db, bad_due, employee_id=wang), "due_date", "before_planned")
    no_type = ActionDraft(None, date(2025, 6, 1))
    refused(lambda: plan_action(db, no_type, employee_id=wang), "action_type", "required")
    unknown = ActionDraft(999, date(2025, 6, 1))
    error = refused(lambda: plan_action(db, unknown, employee_id=wang), "action_type", "unknown")
    assert error.value == 999
    assert count(db) == 0


def test_a_retired_type_cannot_be_planned(db) -> None:
    wang = hire(db, "王芳")
    items = list_items(db, "action_types", "en")
    save_catalog(
        db,
        "action_types",
        "en",
        [CatalogEdit(i.id, i.label, i.category, i.code == "pay_review") for i in items],
    )
    pay = draft(db, "pay_review")
    refused(lambda: plan_action(db, pay, employee_id=wang), "action_type", "retired")
    assert count(db) == 0


def test_plan_for_several_employees_at_once(db) -> None:
    a, b, c = hire(db, "A"), hire(db, "B"), hire(db, "C")
    ids = plan_for_employees(db, draft(db, title="谈心"), [c, a, c, b])
    assert len(ids) == 3
    assert [stored(db, i)["employee_id"] for i in ids] == [c, a, b]
    assert {stored(db, i)["title"] for i in ids} == {"谈心"}


def test_plan_for_several_is_all_or_nothing(db) -> None:
    a, b = hire(db, "A"), hire(db, "B")
    error = refused(lambda: plan_for_employees(db, draft(db), [a, 4242, b]), "employee", "unknown")
    assert error.value == 4242
    refused(lambda: plan_for_employees(db, draft(db), []), "employee", "required")
    bad = draft(db, due_date=date(2025, 1, 1))
    refused(lambda: plan_for_employees(db, bad, [a, b]), "due_date", "before_planned")
    assert count(db) == 0


# --- changing, completing, cancelling, reopening, deleting -------------------------------


def test_update_changes_the_plan_and_keeps_the_status(db) -> None:
    wang = hire(db, "王芳")
    action_id = plan_action(db, draft(db), employee_id=wang)
    new = draft(db, "mentor", date(2025, 6, 10), title="带教", due_date=date(2025, 7, 10), cost=50)
    update_action(db, action_id, new)
    record = action_record(db, action_id)
    assert record.draft == new
    assert record.status == "planned"
    refused(lambda: update_action(db, 999, new), "action", "unknown")
    bad = draft(db, due_date=date(2025, 1, 1))
    refused(lambda: update_action(db, action_id, bad), "due_date", "before_planned")
    assert action_record(db, action_id).draft == new


def test_update_keeps_a_type_retired_since_but_cannot_choose_another_retired_one(db) -> None:
    wang = hire(db, "王芳")
    action_id = plan_action(db, draft(db, "pay_review"), employee_id=wang)
    items = list_items(db, "action_types", "en")
    retire = {"pay_review", "recognition"}
    save_catalog(
        db,
        "action_types",
        "en",
        [CatalogEdit(i.id, i.label, i.category, i.code in retire) for i in items],
    )
    update_action(db, action_id, draft(db, "pay_review", title="new title"))
    assert action_record(db, action_id).draft.title == "new title"
    refused(
        lambda: update_action(db, action_id, draft(db, "recognition")), "action_type", "retired"
    )


def test_complete_a_planned_action(db) -> None:
    wang = hire(db, "王芳")
    action_id = plan_action(db, draft(db), employee_id=wang)
    refused(
        lambda: complete_action(db, action_id, date(2025, 5, 31), "", today=TODAY),
        "done_date",
        "before_planned",
    )
    refused(
        lambda: complete_action(db, action_id, date(2025, 7, 1), "", today=TODAY),
        "done_date",
        "in_future",
    )
    refused(lambda: complete_action(db, action_id, None, today=TODAY), "done_date", "required")
    assert stored(db, action_id)["status"] == "planned"
    complete_action(db, action_id, date(2025, 6, 3), "谈得很好 \n", today=TODAY)
    row = stored(db, action_id)
    assert (row["status"], row["done_date"], row["outcome"]) == ("done", "2025-06-03", "谈得很好")
    error = refused(
        lambda: complete_action(db, action_id, date(2025, 6, 4), "", today=TODAY),
        "status",
        "not_planned",
    )
    assert error.value == "done"
    refused(lambda: complete_action(db, 999, TODAY, today=TODAY), "action", "unknown")


def test_cancel_adds_the_note_to_the_outcome(db) -> None:
    wang = hire(db, "王芳")
    first = plan_action(db, draft(db), employee_id=wang)
    cancel_action(db, first, " 人手不足 ")
    row = stored(db, first)
    assert (row["status"], row["outcome"], row["done_date"]) == ("cancelled", "人手不足", None)
    refused(lambda: cancel_action(db, first, "again"), "status", "not_planned")

    second = plan_action(db, draft(db), employee_id=wang)
    db.execute("UPDATE retention_actions SET outcome = 'earlier words' WHERE id = ?", [second])
    cancel_action(db, second, "no time")
    assert stored(db, second)["outcome"] == "earlier words\nno time"

    third = plan_action(db, draft(db), employee_id=wang)
    db.execute("UPDATE retention_actions SET outcome = 'kept' WHERE id = ?", [third])
    cancel_action(db, third)
    assert stored(db, third)["outcome"] == "kept"
    refused(lambda: cancel_action(db, 999), "action", "unknown")


def test_reopen_done_or_cancelled(db) -> None:
    wang = hire(db, "王芳")
    done = plan_action(db, draft(db), employee_id=wang)
    complete_action(db, done, date(2025, 6, 2), "ok", today=TODAY)
    reopen_action(db, done)
    row = stored(db, done)
    assert (row["status"], row["done_date"], row["outcome"]) == ("planned", None, "ok")
    refused(lambda: reopen_action(db, done), "status", "planned")
    cancelled = plan_action(db, draft(db), employee_id=wang)
    cancel_action(db, cancelled, "why")
    reopen_action(db, cancelled)
    assert stored(db, cancelled)["status"] == "planned"
    refused(lambda: reopen_action(db, 999), "action", "unknown")


def test_a_done_action_cannot_be_planned_after_the_day_it_was_done(db) -> None:
    wang = hire(db, "王芳")
    action_id = plan_action(db, draft(db), employee_id=wang)
    complete_action(db, action_id, date(2025, 6, 5), "", today=TODAY)
    error = refused(
        lambda: update_action(db, action_id, draft(db, planned=date(2025, 6, 6))),
        "planned_date",
        "after_done",
    )
    assert error.value == date(2025, 6, 5)
    update_action(db, action_id, draft(db, planned=date(2025, 6, 5)))
    assert stored(db, action_id)["planned_date"] == "2025-06-05"


def test_delete(db) -> None:
    wang = hire(db, "王芳")
    action_id = plan_action(db, draft(db), employee_id=wang)
    delete_action(db, action_id)
    assert count(db) == 0
    refused(lambda: delete_action(db, action_id), "action", "unknown")


# --- putting one team action back (undo) -------------------------------------------------


def test_take_and_put_back_a_team_action(db) -> None:
    action_id = plan_action(db, draft(db, "team_activity", title="聚餐"), team="售后客服")
    before = take_action(db, action_id)
    assert before is not None
    assert take_action(db, 999) is None

    update_action(db, action_id, draft(db, "team_activity", title="团建"))
    complete_action(db, action_id, date(2025, 6, 2), "好", today=TODAY)
    after = take_action(db, action_id)
    put_action(db, action_id, before)  # undo
    assert take_action(db, action_id) == before
    put_action(db, action_id, after)  # redo
    assert take_action(db, action_id) == after

    delete_action(db, action_id)
    put_action(db, action_id, after)  # undo a delete: the same id again
    assert take_action(db, action_id) == after
    put_action(db, action_id, None)  # undo the plan
    assert count(db) == 0
    with pytest.raises(ValueError, match="not one of this action"):
        put_action(db, action_id + 1, after)


def test_put_back_a_person_action_whose_person_is_gone_is_refused(db) -> None:
    wang = hire(db, "王芳")
    action_id = plan_action(db, draft(db), employee_id=wang)
    row = take_action(db, action_id)
    db.execute("DELETE FROM employees WHERE id = ?", [wang])
    refused(lambda: put_action(db, action_id, row), "action", None)
    assert count(db) == 0


# --- the Actions view's rows and filters -------------------------------------------------


@pytest.fixture
def shop(db) -> dict:
    """Three people and a team action; Chen moved from 售后客服 to 售前客服 on rehire."""
    wang = hire(db, "王芳", team="售前客服", employee_no="CS1")
    li = hire(db, "李娜", team="售后客服", employee_no="CS2")
    chen = hire(db, "陈杰", date(2023, 1, 1), team="售后客服")
    spell = db.execute("SELECT id FROM spells WHERE employee_id = ?", [chen]).fetchone()[0]
    record_exit(db, spell, ExitDraft(last_day=date(2023, 12, 31)))
    rehire(db, chen, date(2024, 6, 1), team="售前客服")

    def plan(code, planned, due=None, **target):
        return plan_action(db, draft(db, code, planned, due_date=due, title=code), **target)

    ids = {
        # planned, due yesterday: overdue
        "wang_due": plan("checkin", date(2025, 6, 1), date(2025, 6, 29), employee_id=wang),
        # planned, due today: not overdue
        "wang_today": plan("mentor", date(2025, 6, 2), TODAY, employee_id=wang),
        # planned, no due date, planned yesterday: overdue
        "li_no_due": plan("checkin", date(2025, 6, 29), employee_id=li),
        # planned in the future, no due date; the team action below stays planned (overdue)
        "chen_future": plan("pay_review", date(2025, 7, 15), employee_id=chen),
        "li_done": plan("checkin", date(2025, 3, 1), date(2025, 3, 5), employee_id=li),
        "chen_cancelled": plan("mentor", date(2025, 4, 1), date(2025, 4, 2), employee_id=chen),
        "team": plan("team_activity", date(2025, 5, 1), date(2025, 5, 2), team="售后客服"),
    }
    complete_action(db, ids["li_done"], date(2025, 3, 3), "ok", today=TODAY)
    cancel_action(db, ids["chen_cancelled"], "busy")
    return {"wang": wang, "li": li, "chen": chen, **ids}


def shown(rows) -> list[int]:
    return [r.action_id for r in rows]


def test_rows_latest_planned_first_with_the_person_and_their_latest_team(db, shop) -> None:
    rows = actions(db, "zh_CN", ActionFilter(), TODAY)
    assert shown(rows) == [
        shop["chen_future"],
        shop["li_no_due"],
        shop["wang_today"],
        shop["wang_due"],
        shop["team"],
        shop["chen_cancelled"],
        shop["li_done"],
    ]
    by_id = {r.action_id: r for r in rows}
    wang = by_id[shop["wang_due"]]
    assert (wang.employee_id, wang.employee_no, wang.name, wang.team) == (
        shop["wang"],
        "CS1",
        "王芳",
        "售前客服",
    )
    assert (wang.action_type, wang.title, wang.planned_date, wang.due_date) == (
        "一对一谈心",
        "checkin",
        date(2025, 6, 1),
        date(2025, 6, 29),
    )
    assert (wang.owner, wang.cost, wang.status, wang.done_date, wang.outcome) == (
        "",
        0.0,
        "planned",
        None,
        "",
    )
    assert by_id[shop["chen_future"]].team == "售前客服"  # the latest spell's team
    assert by_id[shop["chen_future"]].employee_no == ""
    team = by_id[shop["team"]]
    assert (team.employee_id, team.employee_no, team.name, team.team) == (None, "", "", "售后客服")
    done = by_id[shop["li_done"]]
    assert (done.status, done.done_date, done.outcome) == ("done", date(2025, 3, 3), "ok")
    assert by_id[shop["chen_cancelled"]].outcome == "busy"
    assert actions(db, "en", ActionFilter(), TODAY)[0].action_type == "Pay review"


def test_overdue_flag_on_rows(db, shop) -> None:
    overdue = {r.action_id for r in actions(db, "en", ActionFilter(), TODAY) if r.overdue}
    assert overdue == {shop["wang_due"], shop["li_no_due"], shop["team"]}
    # the next day the one due today is overdue too
    later = {r.action_id for r in actions(db, "en", None, date(2025, 7, 1)) if r.overdue}
    assert later == {shop["wang_due"], shop["li_no_due"], shop["wang_today"], shop["team"]}


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (
            ActionFilter(status="planned"),
            ["chen_future", "li_no_due", "wang_today", "wang_due", "team"],
        ),
        (ActionFilter(status="overdue"), ["li_no_due", "wang_due", "team"]),
        (ActionFilter(status="done"), ["li_done"]),
        (ActionFilter(status="cancelled"), ["chen_cancelled"]),
        (
            ActionFilter(team="售前客服"),
            ["chen_future", "wang_today", "wang_due", "chen_cancelled"],
        ),
        (ActionFilter(team="售后客服"), ["li_no_due", "team", "li_done"]),
        (ActionFilter(team="nobody's"), []),
        (
            ActionFilter(first=date(2025, 5, 1), last=date(2025, 6, 2)),
            ["wang_today", "wang_due", "team"],
        ),
        (ActionFilter(first=date(2025, 6, 29)), ["chen_future", "li_no_due"]),
        (ActionFilter(last=date(2025, 3, 31)), ["li_done"]),
        (ActionFilter(status="planned", team="售后客服"), ["li_no_due", "team"]),
    ],
)
def test_filters(db, shop, where, expected) -> None:
    assert shown(actions(db, "en", where, TODAY)) == [shop[name] for name in expected]
    assert action_ids(db, where, TODAY) == [shop[name] for name in expected]


def test_filter_by_type_and_employee(db, shop) -> None:
    checkin = ActionFilter(action_type_id=type_id(db, "checkin"))
    assert shown(actions(db, "en", checkin, TODAY)) == [
        shop["li_no_due"],
        shop["wang_due"],
        shop["li_done"],
    ]
    chen = ActionFilter(employee_id=shop["chen"])
    assert shown(actions(db, "en", chen, TODAY)) == [shop["chen_future"], shop["chen_cancelled"]]


def test_every_way_of_reading_gives_the_same_rows(db, db_path, shop) -> None:
    # an action written by other means for a person and a team at once shows the team
    both = db.execute(
        "INSERT INTO retention_actions (employee_id, team, action_type_id, planned_date) "
        "VALUES (?, 'X', ?, '2025-06-15')",
        [shop["li"], type_id(db)],
    ).lastrowid
    everything = actions(db, "en", ActionFilter(), TODAY)
    assert [(r.name, r.team) for r in everything if r.action_id == both] == [("李娜", "X")]
    assert shown(actions(db, "en", ActionFilter(team="X"), TODAY)) == [both]
    assert actions(db, "en", ActionFilter(), TODAY, limit=100) == everything
    assert actions(db, "en", ActionFilter(), TODAY, limit=3) == everything[:3]
    planned = ActionFilter(status="planned")
    assert actions(db, "en", planned, TODAY) == [r for r in everything if r.status == "planned"]
    assert (
        actions(db, "en", planned, TODAY, limit=2)
        == [r for r in everything if r.status == "planned"][:2]
    )
    ids = action_ids(db, ActionFilter(), TODAY)
    assert ids == shown(everything)
    assert actions_by_id(db, "en", ids, TODAY) == everything
    assert actions_by_id(db, "en", [ids[2], 999, ids[0]], TODAY) == [everything[2], everything[0]]
    assert database_path(db) == db_path.resolve()
    listed = action_list(db, "en", ActionFilter(), TODAY, page=3)
    assert (listed.ids, listed.overdue, listed.first_rows) == (ids, 4, everything[:3])


@pytest.mark.parametrize(
    ("where", "overdue"),
    [
        (ActionFilter(), 3),
        (ActionFilter(status="planned"), 3),
        (ActionFilter(status="overdue"), 3),
        (ActionFilter(status="done"), 0),
        (ActionFilter(status="cancelled"), 0),
        (ActionFilter(team="售后客服"), 2),
        (ActionFilter(team="售前客服"), 1),
        (ActionFilter(first=date(2025, 6, 2)), 1),
    ],
)
def test_count_overdue_matches_the_rows(db, shop, where, overdue) -> None:
    assert count_overdue(db, where, TODAY) == overdue
    assert sum(r.overdue for r in actions(db, "en", where, TODAY)) == overdue


# --- risk flags --------------------------------------------------------------------------


def test_flag_and_clear(db) -> None:
    wang = hire(db, "王芳")
    pay = catalog.id_for_code(db, "exit_reasons", "pay")
    flag_id = flag_risk(
        db, wang, RiskDraft("high", date(2025, 6, 1), pay, "问过同行薪资 \n"), today=TODAY
    )
    current = current_risk(db, wang, "zh_CN")
    assert current == (flag_id, "high", pay, "薪资待遇", date(2025, 6, 1), "问过同行薪资", None, "")
    assert roster(db, wang)[0].risk == "high"

    refused(lambda: clear_risk(db, wang, None, today=TODAY), "cleared_on", "required")
    refused(
        lambda: clear_risk(db, wang, date(2025, 5, 31), today=TODAY), "cleared_on", "before_flagged"
    )
    refused(lambda: clear_risk(db, wang, date(2025, 7, 1), today=TODAY), "cleared_on", "in_future")
    clear_risk(db, wang, date(2025, 6, 20), "调薪后好转", today=TODAY)
    assert current_risk(db, wang) is None
    assert roster(db, wang)[0].risk is None
    assert risk_history(db, wang, "en") == [
        (
            flag_id,
            "high",
            pay,
            "Pay and benefits",
            date(2025, 6, 1),
            "问过同行薪资",
            date(2025, 6, 20),
            "调薪后好转",
        )
    ]
    error = refused(lambda: clear_risk(db, wang, TODAY, today=TODAY), "risk", "none")
    assert error.value == wang


def test_flagging_again_clears_the_current_flag_and_keeps_both(db) -> None:
    wang = hire(db, "王芳")
    first = flag_risk(db, wang, RiskDraft("medium", date(2025, 5, 1), note="a"), today=TODAY)
    refused(
        lambda: flag_risk(db, wang, RiskDraft("high", date(2025, 4, 30)), today=TODAY),
        "flagged_on",
        "before_current",
    )
    second = flag_risk(db, wang, RiskDraft("high", date(2025, 6, 1), note="b"), today=TODAY)
    history = risk_history(db, wang, "en")
    assert [(r.flag_id, r.level, r.flagged_on, r.cleared_on, r.clear_note) for r in history] == [
        (first, "medium", date(2025, 5, 1), date(2025, 6, 1), ""),
        (second, "high", date(2025, 6, 1), None, ""),
    ]
    assert history[0].reason is None
    assert current_risk(db, wang).flag_id == second
    assert roster(db, wang)[0].risk == "high"
    # flagged again the same day: allowed, the earlier one cleared that day
    third = flag_risk(db, wang, RiskDraft("low", date(2025, 6, 1)), today=TODAY)
    assert current_risk(db, wang).flag_id == third
    assert [r.cleared_on for r in risk_history(db, wang, "en")] == [
        date(2025, 6, 1),
        date(2025, 6, 1),
        None,
    ]


def test_flag_refusals(db) -> None:
    wang = hire(db, "王芳")
    refused(
        lambda: flag_risk(db, wang, RiskDraft("severe", date(2025, 6, 1)), today=TODAY),
        "level",
        "invalid",
    )
    refused(
        lambda: flag_risk(db, wang, RiskDraft("low", date(2025, 7, 1)), today=TODAY),
        "flagged_on",
        "in_future",
    )
    refused(
        lambda: flag_risk(db, wang, RiskDraft("low", date(2025, 6, 1), 999), today=TODAY),
        "reason",
        "unknown",
    )
    refused(
        lambda: flag_risk(db, 999, RiskDraft("low", date(2025, 6, 1)), today=TODAY),
        "employee",
        "unknown",
    )
    assert count(db, "risk_flags") == 0


# --- the employee timeline ---------------------------------------------------------------


def test_timeline_in_order(db) -> None:
    day = date(2024, 3, 1)
    chen = hire(db, "陈杰", day, team="售后客服", position="专员")
    spell = db.execute("SELECT id FROM spells WHERE employee_id = ?", [chen]).fetchone()[0]
    # on the hire day: an action planned before a risk flag is entered; the timeline
    # shows hired, then the risk flag, then the action
    done = plan_action(db, draft(db, "mentor", day, title="带教"), employee_id=chen)
    complete_action(db, done, date(2024, 3, 20), "完成", today=TODAY)
    flag = flag_risk(db, chen, RiskDraft("low", day, note="n"), today=TODAY)
    clear_risk(db, chen, date(2024, 3, 20), "ok", today=TODAY)
    cancelled = plan_action(db, draft(db, "checkin", date(2024, 4, 1)), employee_id=chen)
    cancel_action(db, cancelled, "忙")
    pay = catalog.id_for_code(db, "exit_reasons", "pay")
    exit_id = record_exit(
        db,
        spell,
        ExitDraft(last_day=date(2024, 5, 1), exit_type="voluntary", primary_reason_id=pay),
    )
    last_day = plan_action(
        db, draft(db, "checkin", date(2024, 5, 1), title="面谈"), employee_id=chen
    )
    new_spell = rehire(db, chen, date(2024, 9, 1), team="售前客服")
    planned = plan_action(db, draft(db, "pay_review", date(2025, 7, 1)), employee_id=chen)
    plan_action(db, draft(db, "team_activity", day), team="售后客服")  # not the person's own

    events = timeline(db, chen, "en")
    assert [(e.day, e.kind, e.record_id) for e in events] == [
        (day, "hired", spell),
        (day, "risk_flagged", flag),
        (date(2024, 3, 20), "risk_cleared", flag),
        (date(2024, 3, 20), "action_done", done),
        (date(2024, 4, 1), "action_cancelled", cancelled),
        (date(2024, 5, 1), "action_planned", last_day),
        (date(2024, 5, 1), "left", exit_id),
        (date(2024, 9, 1), "hired", new_spell),
        (date(2025, 7, 1), "action_planned", planned),
    ]
    hired, flagged, cleared, completed, dropped, _, left = events[:7]
    assert (hired.label, hired.detail) == ("售后客服", "专员")
    assert (flagged.label, flagged.note) == ("low", "n")
    assert (cleared.label, cleared.note) == ("low", "ok")
    assert (completed.label, completed.detail, completed.note) == ("Mentor", "带教", "完成")
    assert (dropped.label, dropped.note) == ("Check-in conversation", "忙")
    assert (left.label, left.detail) == ("Pay and benefits", "voluntary")
    assert timeline(db, 999, "en") == []


def test_re_flag_on_one_day_shows_the_clear_before_the_new_flag(db) -> None:
    wang = hire(db, "王芳")
    first = flag_risk(db, wang, RiskDraft("low", date(2025, 6, 1)), today=TODAY)
    second = flag_risk(db, wang, RiskDraft("high", date(2025, 6, 1)), today=TODAY)
    kinds = [(e.kind, e.record_id) for e in timeline(db, wang, "en") if e.kind != "hired"]
    assert kinds == [("risk_flagged", first), ("risk_cleared", first), ("risk_flagged", second)]


# --- overdue: the SQL and domain.actions.is_overdue are one rule ---------------------------

GRID_DAYS = (date(2025, 6, 28), date(2025, 6, 29), date(2025, 6, 30), date(2025, 7, 1))


@pytest.fixture
def grid(db) -> dict[int, tuple[str, date, date | None]]:
    """One action for every (status, planned date, due date) of a small grid of days, the
    due date absent, before, on or after the planned date (written directly: the dialogs
    refuse a due date before the planned date, the file does not)."""
    action_type, made = type_id(db), {}
    for status in STATUSES:
        for planned in GRID_DAYS:
            for due in (None, *GRID_DAYS):
                done = planned if status == "done" else None
                made[
                    db.execute(
                        """INSERT INTO retention_actions (team, action_type_id, planned_date,
                               due_date, status, done_date) VALUES ('T', ?, ?, ?, ?, ?)""",
                        [
                            action_type,
                            planned.isoformat(),
                            due and due.isoformat(),
                            status,
                            done and done.isoformat(),
                        ],
                    ).lastrowid
                ] = (status, planned, due)
    return made


@pytest.mark.parametrize("today", GRID_DAYS)
def test_overdue_sql_agrees_with_is_overdue(db, grid, today: date) -> None:
    expected = {i for i, (status, planned, due) in grid.items()
                if is_overdue(status, planned, due, today)}  # fmt: skip
    clause, params = overdue_where(today)
    found = {
        r[0] for r in db.execute(f"SELECT a.id FROM retention_actions a WHERE {clause}", params)
    }
    assert found == expected
    overdue = ActionFilter(status=OVERDUE)
    assert {r.action_id for r in actions(db, "en", overdue, today)} == expected
    assert {r.action_id for r in actions(db, "en", ActionFilter(), today) if r.overdue} == expected
    assert set(action_ids(db, overdue, today)) == expected
    assert count_overdue(db, ActionFilter(), today) == len(expected)


def test_overdue_sql_is_answered_from_the_status_due_index(db, grid) -> None:
    clause, params = overdue_where(TODAY)
    plan = db.execute(
        f"EXPLAIN QUERY PLAN SELECT count(*) FROM retention_actions a WHERE {clause}", params
    ).fetchall()
    details = [row[-1] for row in plan]
    assert details == ["SEARCH a USING INDEX retention_actions_status_due (status=?)"], details
