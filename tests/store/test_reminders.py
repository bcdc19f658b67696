"""The Today panel's reminder rules, each with a fixed "today" and its boundaries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from retention_desktop.domain.actions import ActionDraft, RiskDraft
from retention_desktop.domain.records import EmployeeDraft, ExitDraft, HandoverItem
from retention_desktop.store import catalog
from retention_desktop.store.actions import (
    cancel_action,
    clear_risk,
    complete_action,
    flag_risk,
    plan_action,
)
from retention_desktop.store.demo import fill_demo
from retention_desktop.store.queries import ExitFilter, exits
from retention_desktop.store.records import add_employee, record_exit, rehire
from retention_desktop.store.reminders import (
    high_risk_without_action,
    new_hire_marks,
    no_check_in,
    overdue_actions,
    peak_seasons,
    today_items,
    unfinished_handover,
)
from retention_desktop.store.settings import set_setting

TODAY = date(2025, 6, 30)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def hire(db, name: str, hired: date, team: str = "客服") -> tuple[int, int]:
    return add_employee(db, EmployeeDraft(name=name, hire_date=hired, team=team), today=TODAY)


def leave(db, spell_id: int, last_day: date, handover: list[HandoverItem] | None = None) -> int:
    return record_exit(db, spell_id, ExitDraft(last_day=last_day, handover=handover or []))


def type_id(db, code: str) -> int:
    return catalog.id_for_code(db, "action_types", code)


def plan(db, employee_id: int | None, code: str, planned: date, due: date | None = None, **kw):
    target = {"employee_id": employee_id} if employee_id is not None else kw
    return plan_action(db, ActionDraft(type_id(db, code), planned, due_date=due), **target)


def check_in(db, employee_id: int, day: date) -> int:
    action_id = plan(db, employee_id, "checkin", day)
    complete_action(db, action_id, day, "", today=TODAY)
    return action_id


# --- overdue -----------------------------------------------------------------------------


def test_overdue_actions_oldest_due_first(db) -> None:
    wang, _ = hire(db, "王芳", date(2024, 1, 1))
    due_yesterday = plan(db, wang, "checkin", days_ago(10), days_ago(1))
    plan(db, wang, "checkin", days_ago(10), TODAY)  # due today: not yet
    no_due = plan(db, wang, "mentor", days_ago(20))  # planned 20 days ago, no due date
    plan(db, wang, "mentor", TODAY)  # planned today, no due date: not yet
    long_ago = plan(db, None, "team_activity", days_ago(40), days_ago(30), team="客服")
    done = plan(db, wang, "checkin", days_ago(40), days_ago(35))
    complete_action(db, done, days_ago(36), "", today=TODAY)
    cancelled = plan(db, wang, "checkin", days_ago(40), days_ago(35))
    cancel_action(db, cancelled)
    rows = overdue_actions(db, "en", TODAY)
    assert [r.action_id for r in rows] == [long_ago, no_due, due_yesterday]
    assert all(r.overdue for r in rows)
    assert rows[0].team == "客服"
    assert rows[1].name == "王芳"


# --- new hires reaching 30 / 60 / 90 days ------------------------------------------------


def test_new_hire_marks_window(db) -> None:
    three_ago, _ = hire(db, "30th 3 days ago", days_ago(33))
    hire(db, "30th 4 days ago", days_ago(34))
    seven_ahead, _ = hire(db, "60th in 7 days", days_ago(53))
    hire(db, "60th in 8 days", days_ago(52))
    today_mark, _ = hire(db, "90th today", days_ago(90))
    hire(db, "day 45", days_ago(45))
    _, gone = hire(db, "left, 30th today", days_ago(30))
    leave(db, gone, days_ago(2))
    # rehired: the marks count from the current spell's hire date
    back, first = hire(db, "rehired", date(2020, 1, 1))
    leave(db, first, date(2021, 1, 1))
    rehire(db, back, days_ago(31))
    marks = new_hire_marks(db, TODAY)
    assert [(m.employee_id, m.mark, m.mark_day) for m in marks] == [
        (three_ago, 30, days_ago(3)),
        (back, 30, days_ago(1)),
        (today_mark, 90, TODAY),
        (seven_ahead, 60, TODAY + timedelta(days=7)),
    ]
    first_mark = marks[0]
    assert (first_mark.name, first_mark.team, first_mark.hire_date) == (
        "30th 3 days ago",
        "客服",
        days_ago(33),
    )


# --- no check-in in the last N days ------------------------------------------------------


def test_no_check_in_boundaries(db) -> None:
    n = 60
    exactly_n, _ = check_in_person(db, "check-in N days ago", days_ago(n))
    n_plus_one, _ = check_in_person(db, "check-in N+1 days ago", days_ago(n + 1))
    never, _ = hire(db, "never, employed N days", days_ago(n))
    hire(db, "never, employed N-1 days", days_ago(n - 1))
    planned_only, _ = hire(db, "only a planned check-in", days_ago(200))
    plan(db, planned_only, "checkin", days_ago(5))
    other_type, _ = hire(db, "only another action type done", days_ago(300))
    mentor = plan(db, other_type, "mentor", days_ago(5))
    complete_action(db, mentor, days_ago(5), "", today=TODAY)
    _, gone = hire(db, "left", days_ago(400))
    leave(db, gone, days_ago(1))
    rows = no_check_in(db, TODAY)
    assert {r.employee_id for r in rows} == {n_plus_one, never, planned_only, other_type}
    # the longest silent first: since the last check-in, or the hire day for those never
    assert [r.employee_id for r in rows] == [other_type, planned_only, n_plus_one, never]
    by_id = {r.employee_id: r for r in rows}
    assert by_id[n_plus_one].last_check_in == days_ago(n + 1)
    assert by_id[never].last_check_in is None
    assert by_id[never].days_employed == n
    assert by_id[other_type].days_employed == 300
    assert by_id[never].team == "客服"
    assert exactly_n not in by_id


def check_in_person(db, name: str, day: date) -> tuple[int, int]:
    employee_id, spell = hire(db, name, date(2024, 1, 1))
    check_in(db, employee_id, day)
    return employee_id, spell


def test_no_check_in_follows_the_setting(db) -> None:
    recent, _ = check_in_person(db, "checked in 40 days ago", days_ago(40))
    assert no_check_in(db, TODAY) == []  # default: 60 days
    set_setting(db, "check_in_interval_days", 30)
    assert [r.employee_id for r in no_check_in(db, TODAY)] == [recent]
    assert [r.employee_id for r in today_items(db, "en", TODAY).no_check_in] == [recent]


def test_a_check_in_from_an_earlier_spell_is_shown_as_the_last_one(db) -> None:
    back, first = hire(db, "rehired", date(2020, 1, 1))
    check_in(db, back, date(2020, 6, 1))
    leave(db, first, date(2021, 1, 1))
    rehire(db, back, days_ago(100))
    rows = no_check_in(db, TODAY)
    assert [(r.employee_id, r.last_check_in, r.days_employed) for r in rows] == [
        (back, date(2020, 6, 1), 100)
    ]


# --- peak seasons ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2024, 11, 19), []),  # starts in 31 days
        (date(2024, 11, 20), [(date(2024, 12, 20), date(2025, 1, 10), 30)]),  # in 30 days
        (date(2024, 12, 20), [(date(2024, 12, 20), date(2025, 1, 10), 0)]),  # first day
        (date(2025, 1, 5), [(date(2024, 12, 20), date(2025, 1, 10), -16)]),  # in progress
        (date(2025, 1, 10), [(date(2024, 12, 20), date(2025, 1, 10), -21)]),  # last day
        (date(2025, 1, 11), []),  # over; the next starts in 343 days
    ],
)
def test_peak_season_over_the_new_year(db, today, expected) -> None:
    set_setting(db, "peak_seasons", [{"code": "winter", "start": "12-20", "end": "01-10"}])
    found = peak_seasons(db, today)
    assert [(s.start, s.end, s.days_until) for s in found] == expected
    assert all(s.code == "winter" for s in found)


def test_default_peak_seasons(db) -> None:
    # 2025-05-01: 618 (from 05-25) starts in 24 days; nothing else within 30 days
    assert [(s.code, s.days_until) for s in peak_seasons(db, date(2025, 5, 1))] == [("618", 24)]
    # 2025-02-20: the year-end bonus season and Spring Festival are both on
    on = peak_seasons(db, date(2025, 2, 20))
    assert [(s.code, s.in_progress) for s in on] == [
        ("year_end_bonus", True),
        ("spring_festival", True),
    ]


# --- exits with unfinished handover ------------------------------------------------------


def test_unfinished_handover(db) -> None:
    _, open_spell = hire(db, "one item open", date(2024, 1, 1))
    unfinished = leave(
        db,
        open_spell,
        days_ago(3),
        [HandoverItem("complaints", done=True), HandoverItem("accounts", done=False)],
    )
    _, done_spell = hire(db, "all done", date(2024, 1, 1))
    leave(db, done_spell, days_ago(2), [HandoverItem("complaints", done=True)])
    _, bare_spell = hire(db, "no list", date(2024, 1, 1))
    leave(db, bare_spell, days_ago(1))
    _, older_spell = hire(db, "older, nothing done", date(2023, 1, 1))
    older = leave(db, older_spell, date(2024, 12, 1), [HandoverItem(None, "钥匙")])
    rows = unfinished_handover(db, "en")
    assert [(r.exit_id, r.handover_done, r.handover_total) for r in rows] == [
        (unfinished, 1, 2),
        (older, 0, 1),
    ]
    assert rows == exits(db, "en", ExitFilter(handover_unfinished=True))
    assert unfinished_handover(db, "zh_CN") == exits(
        db, "zh_CN", ExitFilter(handover_unfinished=True)
    )


# --- high risk without a planned action --------------------------------------------------


def test_high_risk_without_a_planned_action(db) -> None:
    pay = catalog.id_for_code(db, "exit_reasons", "pay")

    def flagged(name: str, level: str = "high", day: date | None = None) -> int:
        employee_id, _ = hire(db, name, date(2024, 1, 1), team="售后")
        draft = RiskDraft(level, day or days_ago(10), pay, "note")
        flag_risk(db, employee_id, draft, today=TODAY)
        return employee_id

    alone = flagged("high, nothing planned", day=days_ago(20))
    with_plan = flagged("high, an action planned")
    plan(db, with_plan, "pay_review", TODAY)
    overdue_plan = flagged("high, an overdue action planned")
    plan(db, overdue_plan, "pay_review", days_ago(30), days_ago(20))
    only_done = flagged("high, only a done action")
    done = plan(db, only_done, "pay_review", days_ago(5))
    complete_action(db, done, days_ago(5), "", today=TODAY)
    team_only = flagged("high, only a team action for their team")
    plan(db, None, "team_activity", TODAY, team="售后")
    flagged("medium", level="medium")
    cleared = flagged("high, cleared")
    clear_risk(db, cleared, days_ago(1), "ok", today=TODAY)
    calmer = flagged("high, then flagged medium", day=days_ago(9))
    flag_risk(db, calmer, RiskDraft("medium", days_ago(2)), today=TODAY)
    gone = flagged("high, left")
    spell = db.execute("SELECT id FROM spells WHERE employee_id = ?", [gone]).fetchone()[0]
    leave(db, spell, days_ago(1))

    rows = high_risk_without_action(db, "zh_CN", TODAY)
    assert [r.employee_id for r in rows] == [alone, only_done, team_only]
    first = rows[0]
    assert (first.name, first.team, first.flagged_on, first.reason, first.note) == (
        "high, nothing planned",
        "售后",
        days_ago(20),
        "薪资待遇",
        "note",
    )


# --- the whole panel ---------------------------------------------------------------------


def test_today_items_on_an_empty_file(db) -> None:
    items = today_items(db, "en", TODAY)
    assert items.count() == 0


def test_the_spring_festival_season_is_on_each_years_real_dates(db) -> None:
    """春节后 by default runs from 7 to 35 days after Spring Festival (2026-02-17,
    2027-02-06): Today counts the days to its real start of that year."""
    first = [s for s in peak_seasons(db, date(2026, 2, 1)) if s.code == "spring_festival"]
    assert [(s.start, s.end, s.days_until) for s in first] == [
        (date(2026, 2, 24), date(2026, 3, 24), 23)
    ]
    second = [s for s in peak_seasons(db, date(2027, 2, 1)) if s.code == "spring_festival"]
    assert [(s.start, s.end, s.days_until) for s in second] == [
        (date(2027, 2, 13), date(2027, 3, 13), 12)
    ]


def test_seasons_stored_as_month_days_still_read(db) -> None:
    """A file written before seasons could follow Spring Festival: its month-day seasons
    are fixed dates, the same every year."""
    db.execute(
        "INSERT INTO settings (key, value) VALUES ('peak_seasons', ?)",
        ['[{"code": "spring_festival", "start": "02-10", "end": "03-15"}]'],
    )
    for today, start in (
        (date(2026, 2, 1), date(2026, 2, 10)),
        (date(2027, 2, 1), date(2027, 2, 10)),
    ):
        assert [(s.code, s.start, s.days_until) for s in peak_seasons(db, today)] == [
            ("spring_festival", start, 9)
        ]


def test_today_items_on_the_demo_shop(db, db_path) -> None:
    today = date(2026, 11, 23)
    fill_demo(db, today)
    items = today_items(db, "zh_CN", today)
    assert items.overdue
    assert items.no_check_in
    assert items.high_risk_without_action
    assert items.unfinished_handover
    assert items.count() > 0
    # the demo's planned peak-season actions: 618 and Double 11 come round each year
    assert [s.code for s in today_items(db, "zh_CN", date(2026, 10, 1)).peak_season] == [
        "double_11"
    ]


def test_people_leaving_within_14_days_soonest_first(db):
    from datetime import timedelta

    from store_helpers import hire, leave

    from retention_desktop.domain.records import HandoverItem
    from retention_desktop.store.reminders import leaving_soon

    def on_notice(name: str, days: int, **kwargs) -> int:
        employee, spell = hire(db, name, TODAY - timedelta(days=300))
        leave(db, spell, TODAY + timedelta(days=days), **kwargs)
        return employee

    later = on_notice("两周后", 14, handover=[HandoverItem("客户投诉", "小李", False)])
    today_last = on_notice("今天最后一天", 0)
    on_notice("十五天后", 15)  # too far ahead
    _, gone = hire(db, "昨天走了", TODAY - timedelta(days=300))
    leave(db, gone, TODAY - timedelta(days=1))
    hire(db, "在职", TODAY - timedelta(days=300))
    rows = leaving_soon(db, TODAY)
    assert [(r.employee_id, r.last_day) for r in rows] == [
        (today_last, TODAY), (later, TODAY + timedelta(days=14))]  # fmt: skip
    assert (rows[1].handover_done, rows[1].handover_total) == (0, 1)


def test_probations_ending_within_14_days(db):
    from datetime import date, timedelta

    from store_helpers import hire, leave

    from retention_desktop.store.reminders import probation_ending
    from retention_desktop.store.settings import set_setting

    # TODAY is 2025-06-30: on 3 months, a hire of 2025-03-31 ends on 2025-06-30 (today)
    ends_today, _ = hire(db, "今天结束", date(2025, 3, 31))
    ends_later, _ = hire(db, "两周内结束", date(2025, 4, 14))  # ends 2025-07-14
    hire(db, "还早", date(2025, 4, 15))  # ends 2025-07-15: 15 days ahead
    hire(db, "已过试用期", date(2025, 3, 29))  # ended 2025-06-29
    _, gone = hire(db, "已离职", date(2025, 4, 1))
    leave(db, gone, TODAY - timedelta(days=2))
    rows = probation_ending(db, TODAY)
    assert [(r.employee_id, r.probation_end) for r in rows] == [
        (ends_today, TODAY), (ends_later, date(2025, 7, 14))]  # fmt: skip
    set_setting(db, "probation_months", 2)  # now the hire of 2025-04-30 ends on 06-30
    two, _ = hire(db, "两个月", date(2025, 4, 30))
    assert [r.employee_id for r in probation_ending(db, TODAY)] == [two]


def test_who_to_talk_to_lists_two_signs_or_more_each_spelled_out(db):
    from datetime import date, timedelta

    from store_helpers import hire, leave

    from retention_desktop.store.talk import who_to_talk_to

    # a team whose member left last week: every teammate has that sign
    _, gone = hire(db, "上周走了", date(2024, 1, 1), team="售后")
    leave(db, gone, TODAY - timedelta(days=7))
    on_notice, spell = hire(db, "提了离职", date(2024, 1, 1), team="售后")
    leave(db, spell, TODAY + timedelta(days=20))
    quiet, _ = hire(db, "只有两个信号", date(2024, 1, 1), team="售后")
    other, _ = hire(db, "别的组", date(2024, 1, 1), team="售前")
    listed, window = who_to_talk_to(db, TODAY)
    assert window is None  # one exit: no window of tenure is claimed
    by_id = {t.employee_id: [s.code for s in t.signs] for t in listed}
    # everyone here went without a check-in (employed over 60 days): a sign for each
    assert by_id[on_notice] == ["no_check_in", "teammate_left", "notice"]
    assert by_id[quiet] == ["no_check_in", "teammate_left"]
    assert other not in by_id  # one sign only
    assert listed[0].employee_id == on_notice  # the most signs first
    left_by = next(s for s in listed[0].signs if s.code == "teammate_left").detail
    assert left_by == ("上周走了", TODAY - timedelta(days=7))


def test_a_peak_season_is_a_sign_from_30_days_before_its_real_start(db):
    """Who to talk to: 春节后 of 2027 starts 2027-02-13 (Spring Festival 02-06 + 7), so the
    sign shows from 2027-01-14, not from a fixed day."""
    from store_helpers import hire

    from retention_desktop.store.talk import who_to_talk_to

    set_setting(db, "peak_seasons", [
        {"code": "spring_festival", "anchor": "spring_festival", "start_days": 7, "end_days": 35}
    ])  # fmt: skip
    person, _ = hire(db, "老员工", date(2024, 1, 1))  # no check-in ever: one sign already

    def peak(today: date):
        listed, _ = who_to_talk_to(db, today)
        signs = [s for t in listed if t.employee_id == person for s in t.signs]
        return [s.detail.start for s in signs if s.code == "peak_ahead"]

    assert peak(date(2027, 1, 13)) == []  # 31 days before
    assert peak(date(2027, 1, 14)) == [date(2027, 2, 13)]
    assert peak(date(2026, 1, 25)) == [date(2026, 2, 24)]  # 2026: Spring Festival 02-17
