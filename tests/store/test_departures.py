"""Notices withdrawn (the person stayed), ways of leaving, destinations, and the figures
counted from them (store.departures), on hand-counted cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from store_helpers import action_type, hire, leave, reason

from retention_desktop.domain.catalog import DESTINATIONS, EXIT_WAYS, NOT_GIVEN_ID, type_of_way
from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.records import ExitDraft
from retention_desktop.store import catalog, departures, queries
from retention_desktop.store.actions import timeline
from retention_desktop.store.errors import RecordError
from retention_desktop.store.records import (
    record_kept_notice,
    rehire,
    update_exit,
    withdraw_notice,
)

NOV = Period(Month(2026, 11), Month(2026, 11))
TODAY = date(2026, 11, 20)


def place(db, code: str) -> int:
    return catalog.id_for_code(db, "destinations", code)


def exit_of(db, spell_id: int) -> int:
    return db.execute("SELECT id FROM exits WHERE spell_id = ?", [spell_id]).fetchone()[0]


def test_ways_map_to_a_type_and_destinations_are_built_in(db) -> None:
    assert [w.code for w in EXIT_WAYS] == [
        "resignation", "walked_off", "mutual", "dismissal", "contract_end", "failed_probation",
    ]  # fmt: skip
    assert type_of_way("resignation") == type_of_way("walked_off") == "voluntary"
    assert {
        type_of_way(c) for c in ("mutual", "dismissal", "contract_end", "failed_probation")
    } == {"involuntary"}
    assert type_of_way(None) is None
    assert type_of_way("nonsense") is None
    listed = catalog.list_items(db, "destinations", "zh_CN")
    assert [d.label for d in listed] == [d.zh for d in DESTINATIONS]
    assert all(d.builtin for d in listed)


def test_an_exit_keeps_its_way_destination_and_try(db) -> None:
    _, spell = hire(db, hired=date(2026, 1, 5))
    draft = ExitDraft(
        last_day=date(2026, 11, 30),
        notice_date=date(2026, 11, 2),
        exit_type="voluntary",
        way="resignation",
        destination_id=place(db, "competitor"),
        keep_tried=True,
        keep_offer_id=action_type(db, "pay_review"),
    )
    exit_id = leave(db, spell, **{k: v for k, v in vars(draft).items() if k != "handover"})
    record = queries.exit_record(db, exit_id)
    assert record.draft.way == "resignation"
    assert record.draft.destination_id == place(db, "competitor")
    assert record.draft.keep_tried
    assert record.draft.keep_offer_id == action_type(db, "pay_review")
    row = queries.exits(db, "en")[0]
    assert (row.way, row.destination) == ("resignation", "A competing shop")
    # a destination in use cannot be deleted from the list
    assert catalog.usage_count(db, "destinations", place(db, "competitor")) == 1
    with pytest.raises(RecordError):
        leave(db, spell, date(2026, 12, 1), way="retired")


def test_exits_filter_by_way_and_destination(db) -> None:
    spells = [hire(db, f"P{i}", date(2025, 1, 1))[1] for i in range(3)]
    leave(db, spells[0], date(2026, 3, 1), way="walked_off", destination_id=place(db, "study"))
    leave(db, spells[1], date(2026, 3, 2), way="dismissal")
    leave(db, spells[2], date(2026, 3, 3))
    names = lambda where: sorted(r.name for r in queries.exits(db, "en", where))  # noqa: E731
    assert names(queries.ExitFilter(way="walked_off")) == ["P0"]
    assert names(queries.ExitFilter(way="unspecified")) == ["P2"]
    assert names(queries.ExitFilter(destination_id=place(db, "study"))) == ["P0"]
    assert names(queries.ExitFilter(destination_id=NOT_GIVEN_ID)) == ["P1", "P2"]


def test_withdrawing_a_notice_keeps_the_person_and_the_notice(db) -> None:
    employee, spell = hire(db, "Zhou", date(2026, 2, 1))
    exit_id = leave(db, spell, date(2026, 12, 4), notice_date=date(2026, 11, 4),
                    primary_reason_id=reason(db, "pay"),
                    further_reason_ids=[reason(db, "pressure")])  # fmt: skip
    draft = queries.exit_record(db, exit_id).draft
    draft.keep_tried, draft.keep_offer_id = True, action_type(db, "pay_review")
    draft.stayed_on = date(2026, 11, 12)
    notice_id = withdraw_notice(db, exit_id, draft, today=TODAY)
    assert db.execute("SELECT end_date FROM spells WHERE id = ?", [spell]).fetchone()[0] is None
    assert db.execute("SELECT count(*) FROM exits").fetchone()[0] == 0
    kept = db.execute(
        "SELECT spell_id, notice_date, last_day, stayed_on, primary_reason_id, keep_tried, "
        "keep_offer_id FROM kept_notices WHERE id = ?", [notice_id]
    ).fetchone()  # fmt: skip
    assert kept == (spell, "2026-11-04", "2026-12-04", "2026-11-12", reason(db, "pay"), 1,
                    action_type(db, "pay_review"))  # fmt: skip
    assert db.execute("SELECT reason_id FROM kept_notice_reasons").fetchall() == [
        (reason(db, "pressure"),)
    ]
    # the person is employed again, and the timeline tells the story
    assert queries.open_spell(db, employee) == spell
    events = [(e.day, e.kind, e.label, e.detail) for e in timeline(db, employee, "en")]
    assert events == [
        (date(2026, 2, 1), "hired", "", ""),
        (date(2026, 11, 4), "notice_given", "Pay and benefits", "2026-12-04"),
        (date(2026, 11, 12), "notice_withdrawn", "Pay review", ""),
    ]


@pytest.mark.parametrize(
    ("notice", "stayed", "field", "code"),
    [
        (None, date(2026, 11, 10), "notice_date", "withdrawn_without"),
        (date(2026, 11, 10), date(2026, 11, 9), "stayed_on", "before_notice"),
        (date(2026, 11, 10), date(2026, 12, 5), "stayed_on", "after_last_day"),
        (date(2026, 11, 10), date(2026, 11, 21), "stayed_on", "ahead"),
    ],
)
def test_a_withdrawal_must_fall_between_notice_last_day_and_today(
    db, notice, stayed, field, code
) -> None:
    _, spell = hire(db, hired=date(2026, 1, 1))
    exit_id = leave(db, spell, date(2026, 12, 4), notice_date=notice)
    draft = ExitDraft(last_day=date(2026, 12, 4), notice_date=notice, stayed_on=stayed)
    with pytest.raises(RecordError) as caught:
        withdraw_notice(db, exit_id, draft, today=TODAY)
    assert (caught.value.field, caught.value.code) == (field, code)
    assert db.execute("SELECT count(*) FROM exits").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM kept_notices").fetchone()[0] == 0


def test_a_notice_cannot_be_withdrawn_after_a_rehire(db) -> None:
    employee, spell = hire(db, hired=date(2024, 1, 1))
    exit_id = leave(db, spell, date(2024, 6, 30), notice_date=date(2024, 6, 1))
    rehire(db, employee, date(2025, 1, 1))
    draft = ExitDraft(last_day=date(2024, 6, 30), notice_date=date(2024, 6, 1),
                      stayed_on=date(2024, 6, 10))  # fmt: skip
    with pytest.raises(RecordError) as caught:
        withdraw_notice(db, exit_id, draft, today=TODAY)
    assert caught.value.code == "rehired"


def test_a_kept_notice_can_be_recorded_afterwards_for_someone_employed(db) -> None:
    _, spell = hire(db, hired=date(2026, 1, 1))
    draft = ExitDraft(last_day=date(2026, 11, 30), notice_date=date(2026, 11, 1),
                      stayed_on=date(2026, 11, 3))  # fmt: skip
    record_kept_notice(db, spell, draft, today=TODAY)
    assert db.execute("SELECT end_date FROM spells").fetchone()[0] is None
    leave(db, spell, date(2026, 12, 31))
    with pytest.raises(RecordError):  # an ended spell has no notice to keep
        record_kept_notice(db, spell, draft, today=TODAY)


def test_notice_figures_count_given_kept_lost_and_open(db) -> None:
    offer = action_type(db, "pay_review")
    spells = [hire(db, f"P{i}", date(2025, 1, 1), team="CS" if i < 4 else "Ops")[1]
              for i in range(6)]  # fmt: skip
    # P0: notice 3 Nov, left 15 Nov (lost, after a try)
    leave(db, spells[0], date(2026, 11, 15), notice_date=date(2026, 11, 3), keep_tried=True,
          keep_offer_id=offer)  # fmt: skip
    # P1: notice 10 Nov, last day 20 Nov = today: still on notice
    leave(db, spells[1], date(2026, 11, 20), notice_date=date(2026, 11, 10))
    # P2: notice 12 Nov, withdrawn 14 Nov after a try: kept
    record_kept_notice(db, spells[2], ExitDraft(
        last_day=date(2026, 12, 12), notice_date=date(2026, 11, 12), stayed_on=date(2026, 11, 14),
        keep_tried=True, keep_offer_id=offer), today=TODAY)  # fmt: skip
    # P3: notice in October: another period
    leave(db, spells[3], date(2026, 11, 5), notice_date=date(2026, 10, 31))
    # P4 (Ops): left without notice in November: no notice at all
    leave(db, spells[4], date(2026, 11, 6))
    # P5 (Ops): notice 30 Nov, last day in December
    leave(db, spells[5], date(2026, 12, 31), notice_date=date(2026, 11, 30))
    figures = departures.notice_figures(db, NOV, None, TODAY)
    assert figures == departures.NoticeFigures(given=4, kept=1, lost=1, open=2, tried=2,
                                               kept_after_try=1)  # fmt: skip
    assert departures.notice_figures(db, NOV, "CS", TODAY).given == 3
    assert departures.notice_figures(db, NOV, "Ops", TODAY) == departures.NoticeFigures(
        1, 0, 0, 1, 0, 0
    )
    # the try with a pay review: offered on two decided notices, kept one
    assert departures.offered_on_notice(db, TODAY) == {offer: (2, 1)}


def test_destinations_count_the_separations_of_the_period(db) -> None:
    spells = [hire(db, f"P{i}", date(2025, 1, 1), team="CS")[1] for i in range(5)]
    leave(db, spells[0], date(2026, 11, 1), destination_id=place(db, "competitor"))
    leave(db, spells[1], date(2026, 11, 2), destination_id=place(db, "competitor"))
    leave(db, spells[2], date(2026, 11, 3), destination_id=place(db, "study"))
    leave(db, spells[3], date(2026, 11, 4))
    leave(db, spells[4], date(2026, 10, 31), destination_id=place(db, "study"))
    found = departures.destinations(db, "en", NOV, None)
    assert [(d.label, d.separations) for d in found] == [
        ("A competing shop", 2), ("Study", 1), ("Unspecified", 1),
    ]  # fmt: skip
    assert departures.destinations(db, "en", NOV, "Nobody") == []


def test_editing_an_exit_changes_its_way_and_destination(db) -> None:
    _, spell = hire(db, hired=date(2025, 1, 1))
    exit_id = leave(db, spell, date(2026, 3, 1), way="resignation")
    draft = queries.exit_record(db, exit_id).draft
    draft.way, draft.destination_id = "mutual", place(db, "family")
    update_exit(db, exit_id, draft)
    again = queries.exit_record(db, exit_id).draft
    assert (again.way, again.destination_id) == ("mutual", place(db, "family"))


def test_does_it_help_counts_a_kept_notice_for_what_was_offered(db) -> None:
    from retention_desktop.store.effect import action_effect

    offer = action_type(db, "workload_change")
    spells = [hire(db, f"P{i}", date(2025, 1, 1))[1] for i in range(3)]
    for spell, stayed in zip(spells[:2], (date(2026, 3, 5), date(2026, 4, 5)), strict=True):
        record_kept_notice(db, spell, ExitDraft(
            last_day=stayed + timedelta(days=20), notice_date=stayed - timedelta(days=2),
            stayed_on=stayed, keep_tried=True, keep_offer_id=offer), today=TODAY)  # fmt: skip
    leave(db, spells[2], date(2026, 5, 31), notice_date=date(2026, 5, 1), keep_tried=True,
          keep_offer_id=offer)  # fmt: skip
    (row,) = action_effect(db, "en", TODAY)
    assert (row.action_type, row.received) == ("Workload or schedule change", 0)
    assert (row.offered_on_notice, row.kept_on_notice) == (3, 2)
    assert row.rate_90 is None


def test_an_import_reads_the_way_and_destination_and_undoes_what_it_added(db, db_path, tmp_path):
    """A CSV with 离职方式 and 离职去向 (Chinese headers): the way sets the type when none is
    written, an unknown destination is added to the list, a bad way is refused with the
    row; undoing the import removes the destination it added."""
    from retention_desktop.sheets.importing import read_import
    from retention_desktop.store.importing import import_rows
    from retention_desktop.store.imports import undo_last_import

    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,入职日期,离职日期,离职方式\n甲,2025-01-02,2025-06-30,跳槽\n",
                   encoding="utf-8")  # fmt: skip
    (problem,) = read_import(bad).problems
    assert (problem.row, problem.field, problem.code) == (2, "exit_way", "bad_exit_way")

    good = tmp_path / "good.csv"
    good.write_text(
        "姓名,入职日期,离职日期,离职类型,离职方式,离职去向\n"
        "甲,2025-01-02,2025-06-30,,辞退,去向不明\n"
        "乙,2025-01-02,2025-07-31,主动,协商解除,直播公司\n"
        "丙,2025-01-02,2025-08-31,,Walked off,\n",
        encoding="utf-8",
    )
    parsed = read_import(good)
    assert parsed.clean
    summary = import_rows(db, db_path, parsed.rows, columns=parsed.columns)
    assert summary.new_destinations == ["直播公司"]
    found = db.execute(
        "SELECT e.name, x.exit_type, x.way, d.label_zh FROM exits x "
        "JOIN spells s ON s.id = x.spell_id JOIN employees e ON e.id = s.employee_id "
        "LEFT JOIN destinations d ON d.id = x.destination_id ORDER BY e.name"
    ).fetchall()
    assert sorted(found) == sorted([
        ("甲", "involuntary", "dismissal", "去向不明"),  # the type the way means
        ("乙", "voluntary", "mutual", "直播公司"),  # the type written wins
        ("丙", "voluntary", "walked_off", None),
    ])  # fmt: skip
    undo_last_import(db, db_path)
    assert db.execute(
        "SELECT count(*) FROM destinations WHERE label_zh = '直播公司'"
    ).fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM destinations").fetchone() == (len(DESTINATIONS),)


def test_an_export_imports_back_with_its_ways_and_destinations(db, db_path, tmp_path):
    from retention_desktop.sheets.importing import read_import
    from retention_desktop.store.exporting import employee_rows

    _, spell = hire(db, "甲", date(2025, 1, 2), employee_no="A1")
    leave(db, spell, date(2025, 6, 30), way="walked_off", destination_id=place(db, "study"))
    for lang, way, where in (("zh_CN", "自离", "升学/进修"), ("en", "Walked off", "Study")):
        (row,) = employee_rows(db, lang, TODAY)
        assert row[10:12] == (way, where)
        path = tmp_path / f"back-{lang}.csv"
        headers = ["工号", "姓名", "入职日期", "离职日期", "离职方式", "离职去向"]
        path.write_text(",".join(headers) + f"\nA1,甲,2025-01-02,2025-06-30,{way},{where}\n",
                        encoding="utf-8")  # fmt: skip
        (back,) = read_import(path).rows
        assert back.exit_way == "walked_off"
        assert catalog.id_for_code(db, "destinations", "study") in (
            r[0] for r in db.execute("SELECT id FROM destinations WHERE ? IN (label_zh, label_en)",
                                     [back.destination])
        )  # fmt: skip
