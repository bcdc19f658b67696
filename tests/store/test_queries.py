"""Read queries: the spell facts reports are built on, the roster, the counts, and what the
edit dialogs and the exits list load (one person's spells and actions, an exit record, the
filtered exits)."""

from __future__ import annotations

from datetime import date

import pytest
from store_helpers import action_type, add_action, add_flag, hire, leave, reason

from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.metrics import SpellFact
from retention_desktop.domain.records import EmployeeDraft, ExitDraft, HandoverItem
from retention_desktop.store import catalog
from retention_desktop.store.queries import (
    ExitFilter,
    ExitRecord,
    ExitRow,
    SpellRow,
    actions_of,
    counts,
    employee_draft,
    exit_record,
    exits,
    open_spell,
    roster,
    spell_rows,
    spells_of,
    teams,
)
from retention_desktop.store.records import record_exit, rehire

Q1_2024 = Period(Month(2024, 1), Month(2024, 3))


def flag(db, employee_id: int, level: str, flagged_on: str, cleared_on: str | None = None):
    db.execute(
        "INSERT INTO risk_flags (employee_id, level, flagged_on, cleared_on) VALUES (?, ?, ?, ?)",
        [employee_id, level, flagged_on, cleared_on],
    )


@pytest.fixture
def shop(db):
    """Spells around Q1 2024, named by how they relate to it."""
    pay = catalog.id_for_code(db, "exit_reasons", "pay")
    _, before = hire(db, "Left before", date(2023, 1, 1), team="Sales")
    leave(db, before, date(2023, 12, 31), exit_type="voluntary", primary_reason_id=pay)
    hire(db, "Hired after", date(2024, 4, 1), team="Sales")
    hire(db, "Employed throughout", date(2023, 6, 1), team="Sales")
    _, within = hire(db, "Came and went", date(2024, 2, 10), team="Kitchen")
    leave(db, within, date(2024, 3, 5), exit_type="voluntary", primary_reason_id=pay)
    _, first_day = hire(db, "Left on the first day", date(2022, 1, 1), team="Kitchen")
    leave(db, first_day, date(2024, 1, 1), exit_type="involuntary")
    hire(db, "Hired on the last day", date(2024, 3, 31), team="Sales")
    return {"pay": pay}


def spell_facts(db, period, lang, team=None) -> list[SpellFact]:
    """spell_rows (what turnover_report reads) with its ordinals as dates."""
    day = date.fromordinal
    return [
        SpellFact(day(start), None if end is None else day(end), *rest)
        for start, end, *rest in spell_rows(db, period, lang, team)
    ]


def test_spell_facts_only_spells_touching_the_period(db, shop) -> None:
    facts = spell_facts(db, Q1_2024, "en")
    got = sorted((f.start, f.end, f.team, f.exit_type) for f in facts)
    assert got == sorted(
        [
            (date(2023, 6, 1), None, "Sales", None),
            (date(2024, 2, 10), date(2024, 3, 5), "Kitchen", "voluntary"),
            (date(2022, 1, 1), date(2024, 1, 1), "Kitchen", "involuntary"),
            (date(2024, 3, 31), None, "Sales", None),
        ]
    )


def test_spell_facts_filtered_by_team(db, shop) -> None:
    kitchen = spell_facts(db, Q1_2024, "en", team="Kitchen")
    assert sorted(f.start for f in kitchen) == [date(2022, 1, 1), date(2024, 2, 10)]
    assert {f.team for f in kitchen} == {"Kitchen"}
    assert spell_facts(db, Q1_2024, "en", team="Nobody") == []
    assert len(spell_facts(db, Q1_2024, "en", team="Sales")) == 2


@pytest.mark.parametrize(("lang", "label"), [("en", "Pay and benefits"), ("zh_CN", "薪资待遇")])
def test_spell_facts_reason_labels(db, shop, lang: str, label: str) -> None:
    facts = {f.start: f for f in spell_facts(db, Q1_2024, lang)}
    assert facts[date(2024, 2, 10)].reason == label
    assert facts[date(2022, 1, 1)].reason is None  # left without a reason given
    assert facts[date(2023, 6, 1)].reason is None  # still employed


def test_spell_facts_use_renamed_label(db, shop) -> None:
    db.execute(
        "UPDATE exit_reasons SET label_en = 'Money', label_zh = '钱', renamed = 1 WHERE id = ?",
        [shop["pay"]],
    )
    facts = {f.start: f for f in spell_facts(db, Q1_2024, "en")}
    assert facts[date(2024, 2, 10)].reason == "Money"


def test_teams(db, shop) -> None:
    assert teams(db) == ["Kitchen", "Sales"]


def test_roster_one_row_per_employee_with_latest_spell(db) -> None:
    wang, first = hire(db, "Wang Fang", date(2022, 1, 10), team="客服", employee_no="E1")
    leave(db, first, date(2023, 5, 31))
    rehire(db, wang, date(2024, 2, 1), team="售后", position="组长")
    li, li_spell = hire(db, "li na", date(2023, 3, 3), team="Sales", phone="139")
    leave(db, li_spell, date(2024, 12, 31))
    zhang, _ = hire(db, "Zhang Wei", date(2024, 7, 1))

    rows = roster(db)
    assert [r.employee_id for r in rows] == [wang, li, zhang]  # in the order they were added
    by_id = {r.employee_id: r for r in rows}
    assert len(by_id) == 3
    w = by_id[wang]
    assert (w.employee_no, w.name, w.team, w.position) == ("E1", "Wang Fang", "售后", "组长")
    assert (w.hire_date, w.end_date) == (date(2024, 2, 1), None)
    lrow = by_id[li]
    assert (lrow.employee_no, lrow.phone) == ("", "139")
    assert (lrow.hire_date, lrow.end_date) == (date(2023, 3, 3), date(2024, 12, 31))
    assert by_id[zhang].risk is None


def test_roster_shows_current_risk(db) -> None:
    a, _ = hire(db, "A", date(2023, 1, 1))
    b, _ = hire(db, "B", date(2023, 1, 1))
    c, _ = hire(db, "C", date(2023, 1, 1))
    d, _ = hire(db, "D", date(2023, 1, 1))
    # A: two open flags, the later one counts
    flag(db, a, "low", "2024-01-05")
    flag(db, a, "high", "2024-03-01")
    # B: the latest flag was cleared; the earlier open one still stands
    flag(db, b, "medium", "2024-01-05")
    flag(db, b, "high", "2024-03-01", cleared_on="2024-03-20")
    # C: every flag cleared
    flag(db, c, "high", "2024-01-05", cleared_on="2024-02-01")
    # D: two open flags on the same day: the one entered last counts
    flag(db, d, "high", "2024-04-01")
    flag(db, d, "low", "2024-04-01")
    risk = {r.employee_id: r.risk for r in roster(db)}
    assert risk == {a: "high", b: "medium", c: None, d: "low"}


def test_counts(db) -> None:
    assert counts(db) == {"employees": 0, "active": 0, "exits": 0}
    a, a_spell = hire(db, "A", date(2023, 1, 1))
    hire(db, "B", date(2023, 1, 1))
    _, c_spell = hire(db, "C", date(2023, 1, 1))
    leave(db, a_spell, date(2023, 6, 30))
    leave(db, c_spell, date(2023, 6, 30))
    rehire(db, a, date(2024, 1, 1))
    assert counts(db) == {"employees": 3, "active": 2, "exits": 2}


# --- one person: roster, employee_draft, spells_of, open_spell, actions_of ---------------


def test_roster_of_one_employee(db) -> None:
    wang, first = hire(db, "Wang Fang", date(2022, 1, 10), team="客服", employee_no="E1")
    leave(db, first, date(2023, 5, 31))
    rehire(db, wang, date(2024, 2, 1), team="售后", position="组长")
    li, _ = hire(db, "Li Na", date(2023, 3, 3), team="Sales", phone="139")
    add_flag(db, li, "low", "2024-01-01")
    add_flag(db, li, "high", "2024-02-01")
    add_flag(db, wang, "high", "2024-02-01", cleared_on="2024-03-01")
    zhang, z_spell = hire(db, "Zhang", date(2024, 7, 1))
    leave(db, z_spell, date(2024, 12, 31))

    everyone = roster(db)
    assert [r.employee_id for r in everyone] == [wang, li, zhang]
    by_id = {r.employee_id: r for r in everyone}
    assert by_id[wang] == (
        wang,
        "E1",
        "Wang Fang",
        "售后",
        "组长",
        date(2024, 2, 1),
        None,
        "",
        None,
    )
    assert by_id[li] == (li, "", "Li Na", "Sales", "", date(2023, 3, 3), None, "139", "high")
    assert by_id[zhang].end_date == date(2024, 12, 31)
    for employee_id in (wang, li, zhang):
        assert roster(db, employee_id) == [by_id[employee_id]]
    assert roster(db, 4242) == []


def test_employee_draft_is_the_latest_spell(db) -> None:
    wang, first = hire(
        db, "Wang Fang", date(2022, 1, 10), team="客服", position="专员", notes="note"
    )
    leave(db, first, date(2023, 5, 31))
    rehire(db, wang, date(2024, 2, 1), team="售后", position="组长")
    assert employee_draft(db, wang) == EmployeeDraft(
        name="Wang Fang",
        hire_date=date(2024, 2, 1),
        employee_no=None,
        team="售后",
        position="组长",
        phone="",
        notes="note",
    )
    assert employee_draft(db, 4242) is None


@pytest.mark.parametrize(("lang", "pay_label"), [("zh_CN", "薪资待遇"), ("en", "Pay and benefits")])
def test_spells_of_with_exit_type_and_reason(db, lang: str, pay_label: str) -> None:
    wang, first = hire(db, "Wang", date(2021, 1, 1), team="客服", position="专员")
    first_exit = leave(
        db,
        first,
        date(2021, 12, 31),
        exit_type="voluntary",
        primary_reason_id=reason(db, "pay"),
        further_reason_ids=[reason(db, "family")],
    )
    second = rehire(db, wang, date(2022, 6, 1), team="售后")
    second_exit = leave(db, second, date(2023, 1, 31), exit_type="involuntary")
    third = rehire(db, wang, date(2024, 2, 1), team="Sales", position="组长")
    other, _ = hire(db, "Li", date(2020, 1, 1))

    assert spells_of(db, wang, lang) == [
        SpellRow(
            first,
            date(2021, 1, 1),
            date(2021, 12, 31),
            "客服",
            "专员",
            first_exit,
            "voluntary",
            pay_label,
        ),
        SpellRow(
            second,
            date(2022, 6, 1),
            date(2023, 1, 31),
            "售后",
            "",
            second_exit,
            "involuntary",
            None,
        ),
        SpellRow(third, date(2024, 2, 1), None, "Sales", "组长", None, None, None),
    ]
    assert len(spells_of(db, other, lang)) == 1
    assert spells_of(db, 4242, lang) == []


def test_open_spell(db) -> None:
    wang, first = hire(db, hired=date(2022, 1, 1))
    assert open_spell(db, wang) == first
    leave(db, first, date(2022, 12, 31))
    assert open_spell(db, wang) is None
    second = rehire(db, wang, date(2023, 2, 1))
    assert open_spell(db, wang) == second
    assert open_spell(db, 4242) is None


@pytest.mark.parametrize(
    ("lang", "checkin", "mentor"),
    [("zh_CN", "一对一谈心", "导师带教"), ("en", "Check-in conversation", "Mentor")],
)
def test_actions_of_by_planned_date(db, lang: str, checkin: str, mentor: str) -> None:
    wang, _ = hire(db, "Wang")
    li, _ = hire(db, "Li")
    late = add_action(db, wang, action_type(db, "checkin"), "2024-05-01", title="谈心")
    early = add_action(
        db,
        wang,
        action_type(db, "mentor"),
        "2024-02-01",
        title="带教",
        due="2024-03-01",
        status="done",
        done="2024-02-28",
    )
    same_day = add_action(db, wang, action_type(db, "mentor"), "2024-05-01", status="cancelled")
    add_action(db, li, action_type(db, "checkin"), "2024-01-01")
    add_action(db, None, action_type(db, "checkin"), "2024-01-01", team="Sales")

    assert [
        (a.action_id, a.action_type, a.title, a.planned_date, a.due_date, a.status, a.done_date)
        for a in actions_of(db, wang, lang)
    ] == [
        (early, mentor, "带教", date(2024, 2, 1), date(2024, 3, 1), "done", date(2024, 2, 28)),
        (late, checkin, "谈心", date(2024, 5, 1), None, "planned", None),
        (same_day, mentor, "", date(2024, 5, 1), None, "cancelled", None),
    ]
    assert len(actions_of(db, li, lang)) == 1
    assert actions_of(db, 4242, lang) == []


# --- exit_record -------------------------------------------------------------------------


def test_exit_record_round_trip(db) -> None:
    wang, spell = hire(db, "Wang Fang", date(2024, 3, 1))
    # further reasons in the list's own order (pressure before family), as the dialog shows
    draft = ExitDraft(
        last_day=date(2025, 5, 31),
        exit_type="voluntary",
        primary_reason_id=reason(db, "pay"),
        further_reason_ids=[reason(db, "pressure"), reason(db, "family")],
        notice_date=date(2025, 5, 1),
        regrettable=True,
        eligible_for_rehire=False,
        conversation_notes="想离家近一点\n第二行",
        handover=[
            HandoverItem("knowledge"),
            HandoverItem("complaints", done=True, done_date=date(2025, 5, 30), note="交给李娜"),
            HandoverItem(None, label="钥匙", done=True, note="前台"),
            HandoverItem("accounts", done=True),
        ],
    )
    exit_id = record_exit(db, spell, draft)
    assert exit_record(db, exit_id) == ExitRecord(
        exit_id, spell, wang, "Wang Fang", date(2024, 3, 1), draft
    )


def test_exit_record_minimal_exit(db) -> None:
    _, spell = hire(db, "Wang", date(2024, 3, 1))
    draft = ExitDraft(last_day=date(2024, 3, 1))
    exit_id = record_exit(db, spell, draft)
    record = exit_record(db, exit_id)
    assert record.draft == draft
    assert record.draft.eligible_for_rehire is None
    assert exit_record(db, 4242) is None


def test_exit_record_further_reasons_deduplicated_in_list_order(db) -> None:
    _, spell = hire(db)
    family, pressure = reason(db, "family"), reason(db, "pressure")
    exit_id = leave(db, spell, date(2025, 1, 31), further_reason_ids=[family, pressure, family])
    assert exit_record(db, exit_id).draft.further_reason_ids == [pressure, family]


# --- exits -------------------------------------------------------------------------------


@pytest.fixture
def lettered(db):
    """Exits named by letter; exit ids ascend A, B, C, D, F."""
    ids = {code: reason(db, code) for code in ("pay", "pressure", "family", "misconduct")}
    a, a_spell = hire(db, "A", date(2023, 1, 1), team="Sales", position="专员")
    b, b_spell = hire(db, "B", date(2023, 2, 1), team="Kitchen")
    c, c_spell = hire(db, "C", date(2023, 3, 1), team="Sales")
    d, d_spell = hire(db, "D", date(2022, 1, 1), team="Kitchen", employee_no="K1")
    hire(db, "E (still here)", date(2022, 1, 1), team="Sales")
    f, f_spell = hire(db, "F", date(2021, 1, 1), team="Sales")
    exit_ids = {
        "A": leave(
            db,
            a_spell,
            date(2024, 1, 31),
            exit_type="voluntary",
            primary_reason_id=ids["pay"],
            further_reason_ids=[ids["pressure"], ids["family"]],
            notice_date=date(2024, 1, 5),
            regrettable=True,
            eligible_for_rehire=True,
            handover=[HandoverItem("equipment", done=True), HandoverItem("accounts")],
        ),
        "B": leave(
            db,
            b_spell,
            date(2024, 3, 15),
            exit_type="involuntary",
            primary_reason_id=ids["misconduct"],
            eligible_for_rehire=False,
            handover=[HandoverItem("equipment", done=True), HandoverItem("accounts", done=True)],
        ),
        "C": leave(db, c_spell, date(2024, 2, 29)),
        "D": leave(
            db,
            d_spell,
            date(2024, 1, 31),
            exit_type="voluntary",
            primary_reason_id=ids["pay"],
            handover=[HandoverItem("final_pay")],
        ),
        "F": leave(
            db, f_spell, date(2023, 6, 30), exit_type="voluntary", primary_reason_id=ids["family"]
        ),
    }
    rehire(db, f, date(2023, 9, 1), team="Kitchen")  # F's exit stays a Sales exit
    return {
        "reasons": ids,
        "exits": exit_ids,
        "people": {"A": a, "B": b, "C": c, "D": d, "F": f},
    }


def _letters(lettered, rows: list[ExitRow]) -> list[str]:
    by_id = {v: k for k, v in lettered["exits"].items()}
    return [by_id[r.exit_id] for r in rows]


def test_exits_latest_last_day_first(db, lettered) -> None:
    # D and A share a last day: the later entered (higher id) comes first
    assert _letters(lettered, exits(db, "en")) == ["B", "C", "D", "A", "F"]
    assert _letters(lettered, exits(db, "en", ExitFilter())) == ["B", "C", "D", "A", "F"]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (ExitFilter(first=date(2024, 1, 31)), ["B", "C", "D", "A"]),
        (ExitFilter(first=date(2024, 2, 1)), ["B", "C"]),
        (ExitFilter(last=date(2024, 2, 29)), ["C", "D", "A", "F"]),
        (ExitFilter(last=date(2024, 2, 28)), ["D", "A", "F"]),
        (ExitFilter(first=date(2024, 1, 31), last=date(2024, 2, 29)), ["C", "D", "A"]),
        (ExitFilter(first=date(2024, 3, 16)), []),
        (ExitFilter(team="Sales"), ["C", "A", "F"]),
        (ExitFilter(team="Kitchen"), ["B", "D"]),
        (ExitFilter(team="Nobody"), []),
        (ExitFilter(exit_type="voluntary"), ["D", "A", "F"]),
        (ExitFilter(exit_type="involuntary"), ["B"]),
        (ExitFilter(exit_type="unspecified"), ["C"]),
        (ExitFilter(handover_unfinished=True), ["D", "A"]),
        (ExitFilter(team="Sales", exit_type="voluntary"), ["A", "F"]),
        (ExitFilter(team="Kitchen", handover_unfinished=True, last=date(2024, 1, 31)), ["D"]),
    ],
)
def test_exits_filters(db, lettered, where: ExitFilter, expected: list[str]) -> None:
    assert _letters(lettered, exits(db, "en", where)) == expected


@pytest.mark.parametrize(
    ("code", "expected"), [("pay", ["D", "A"]), ("misconduct", ["B"]), ("family", ["F"])]
)
def test_exits_filter_by_primary_reason(db, lettered, code: str, expected: list[str]) -> None:
    # A has "family" as a further reason only: the filter is on the primary reason
    where = ExitFilter(reason_id=lettered["reasons"][code])
    assert _letters(lettered, exits(db, "zh_CN", where)) == expected


@pytest.mark.parametrize(
    ("lang", "pay", "further"),
    [
        ("en", "Pay and benefits", ["High work pressure", "Family or moving back home"]),
        ("zh_CN", "薪资待遇", ["工作压力大", "家庭/回老家"]),
    ],
)
def test_exit_row_contents(db, lettered, lang: str, pay: str, further: list[str]) -> None:
    rows = {r.exit_id: r for r in exits(db, lang)}
    a = rows[lettered["exits"]["A"]]
    # in the reason list's order, joined as the language writes a list
    assert a.further == ("、" if lang == "zh_CN" else ", ").join(further)
    assert a._replace(further="") == ExitRow(
        exit_id=lettered["exits"]["A"],
        employee_id=lettered["people"]["A"],
        employee_no="",
        name="A",
        team="Sales",
        position="专员",
        hire_date=date(2023, 1, 1),
        last_day=date(2024, 1, 31),
        notice_date=date(2024, 1, 5),
        exit_type="voluntary",
        reason_id=lettered["reasons"]["pay"],
        reason=pay,
        further="",
        regrettable=True,
        eligible_for_rehire=True,
        handover_done=1,
        handover_total=2,
    )
    assert a.handover_unfinished
    b = rows[lettered["exits"]["B"]]
    assert (b.further, b.eligible_for_rehire, b.handover_done, b.handover_total) == (
        "",
        False,
        2,
        2,
    )
    assert not b.handover_unfinished
    c = rows[lettered["exits"]["C"]]
    assert (c.exit_type, c.reason_id, c.reason, c.notice_date) == (None, None, None, None)
    assert (c.regrettable, c.eligible_for_rehire) == (False, None)
    assert (c.handover_done, c.handover_total) == (0, 0)
    assert not c.handover_unfinished  # no handover items at all is not "unfinished"
    d = rows[lettered["exits"]["D"]]
    assert (d.employee_no, d.handover_done, d.handover_total) == ("K1", 0, 1)
    f = rows[lettered["exits"]["F"]]
    assert (f.team, f.hire_date, f.last_day) == ("Sales", date(2021, 1, 1), date(2023, 6, 30))


def test_the_active_count_is_the_headcount_of_employed_today(db):
    """METRICS.md "On a given day": the roster's active count is the dashboard's headcount
    now: a last working day today or ahead counts, a hire dated tomorrow does not."""
    from datetime import timedelta

    from store_helpers import TODAY, hire, leave

    from retention_desktop.store.queries import counts
    from retention_desktop.store.reports import headcount

    hire(db, "在职", TODAY - timedelta(days=100))
    _, today_last = hire(db, "今天最后一天", TODAY - timedelta(days=100))
    leave(db, today_last, TODAY)
    _, on_notice = hire(db, "待离职", TODAY - timedelta(days=100))
    leave(db, on_notice, TODAY + timedelta(days=14))
    _, gone = hire(db, "已离职", TODAY - timedelta(days=100))
    leave(db, gone, TODAY - timedelta(days=1))
    hire(db, "明天入职", TODAY + timedelta(days=1))
    found = counts(db, TODAY)
    assert found["employees"] == 5
    assert found["active"] == 3 == headcount(db, TODAY)


def test_the_today_figures_of_report_json(db):
    """report --json's `today`: employed today, starting, leaving, whatever the period."""
    from datetime import timedelta

    from store_helpers import TODAY, hire, leave

    from retention_desktop.store.reports import (
        KeptSpells,
        report_of_rows,
        terms_of,
        turnover_report,
    )

    hire(db, "在职", TODAY - timedelta(days=100))
    _, on_notice = hire(db, "待离职", TODAY - timedelta(days=100), team="售后")
    leave(db, on_notice, TODAY + timedelta(days=14))
    _, gone = hire(db, "已离职", TODAY - timedelta(days=100))
    leave(db, gone, TODAY - timedelta(days=1))
    hire(db, "明天入职", TODAY + timedelta(days=1))
    old = Period(Month(2020, 1), Month(2020, 12))  # a period nobody worked in
    report = turnover_report(db, old, lang="en", today=TODAY)
    assert report.to_json()["today"] == {
        "date": TODAY.isoformat(), "headcount": 2, "starting": 1, "leaving": 1}  # fmt: skip
    assert turnover_report(db, old, lang="en", today=TODAY, team="售后").today.headcount == 1
    rows = KeptSpells.read(db, "en").rows
    kept = report_of_rows(rows, old, lang="en", today=TODAY, terms=terms_of(db))
    assert kept.today == report.today
