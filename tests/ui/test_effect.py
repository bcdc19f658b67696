"""Actions > Does it help?: the figures of store.effect shown per kind of action with their
sample sizes, small samples greyed, the table copied, and the empty state."""

from __future__ import annotations

from datetime import date

import pytest
from driving import activate, on_dialog, trigger
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from retention_desktop.domain.actions import SMALL_SAMPLE, ActionDraft
from retention_desktop.domain.records import EmployeeDraft, ExitDraft
from retention_desktop.store import catalog
from retention_desktop.store.actions import complete_action, plan_action
from retention_desktop.store.effect import action_effect
from retention_desktop.store.records import add_employee, record_exit
from retention_desktop.ui.common.session import Session

TODAY = date(2026, 11, 23)


def open_window(make_window, path, qtbot, monkeypatch, lang="en"):
    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    window = make_window(path, lang)
    window.resize(790, 560)
    window.show()
    activate(window, qtbot)
    return window


def look_at_effect(window, qtbot, look) -> dict:
    """Open Actions > Does it help?, wait for its figures, run `look(dialog)`."""
    seen: dict = {}

    def handle(dialog) -> None:
        qtbot.waitUntil(lambda: dialog.rows is not None, timeout=10000)
        seen["result"] = look(dialog)
        dialog.reject()

    with on_dialog(handle) as state:
        trigger(window, "effectAction")
    assert state["dialog"].objectName() == "effectDialog"
    return seen["result"]


def cells(dialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_demo_shop_figures_are_those_of_the_store(
    make_window, demo_db_path, qtbot, monkeypatch
):
    window = open_window(make_window, demo_db_path, qtbot, monkeypatch)
    expected = action_effect(window.session.db, "en", TODAY)
    assert expected, "the demo shop has actions marked done"

    def look(dialog):
        model = dialog.model
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
            "Action",
            "Received by",
            "After 90 days:\nreceived it\n(still / people)",
            "After 90 days:\ndid not\n(still / person-days)",
            "After 180 days:\nreceived it\n(still / people)",
            "After 180 days:\ndid not\n(still / person-days)",
        ]
        small = [
            model.index(r, 2).data(Qt.ItemDataRole.ForegroundRole) is not None
            for r in range(model.rowCount())
        ]
        dialog.copy_button.click()
        return cells(dialog), small, QApplication.clipboard().text(), dialog.table()

    shown, small, copied, table = look_at_effect(window, qtbot, look)
    assert [row[0] for row in shown] == [e.action_type for e in expected]
    for row, e in zip(shown, expected, strict=True):
        assert row[1] == f"{e.received:,} people"
        for column, (rate, still, n, unit) in enumerate(
            (
                (e.rate_90, e.still_90, e.n_received_90, "people"),
                (e.comparison_rate_90, e.comparison_still_90, e.n_comparison_90, "person-days"),
                (e.rate_180, e.still_180, e.n_received_180, "people"),
                (e.comparison_rate_180, e.comparison_still_180, e.n_comparison_180, "person-days"),
            ),
            start=2,
        ):
            if n:
                assert row[column] == f"{rate * 100:.1f}% ({still:,}/{n:,})"
            elif unit == "people":
                assert row[column] == "– (none yet)"
            else:
                assert row[column] == "– (nobody to compare)"
    assert small == [0 < e.n_received_90 < SMALL_SAMPLE for e in expected]
    assert copied == table
    lines = copied.splitlines()
    assert lines[0].split("\t")[:3] == [
        "Action",
        "Received by",
        "After 90 days: received it (still / people)",
    ]
    assert [line.split("\t") for line in lines[1:]] == shown


@pytest.fixture
def small_shop(tmp_path):
    """Two check-ins done on 2026-01-10 for A (stayed) and B (left on 2026-03-01); C never
    had one and stayed: by hand, 90 days: received 1 of 2 still employed, the others
    1 of 1 person-day; 180 days the same."""
    from retention_desktop.store.database import open_database

    path = tmp_path / "small.db"
    db = open_database(path)
    try:
        people = {}
        for name in "ABC":
            people[name] = add_employee(
                db, EmployeeDraft(name=name, hire_date=date(2025, 1, 1)), today=TODAY
            )
        record_exit(db, people["B"][1], ExitDraft(last_day=date(2026, 3, 1)))
        checkin = catalog.id_for_code(db, "action_types", "checkin")
        for name in "AB":
            day = date(2026, 1, 10)
            action = plan_action(db, ActionDraft(checkin, day), employee_id=people[name][0])
            complete_action(db, action, day, "", today=TODAY)
    finally:
        db.close()
    return path


def test_a_hand_counted_shop_in_chinese(make_window, small_shop, qtbot, monkeypatch, chinese):
    window = open_window(make_window, small_shop, qtbot, monkeypatch, lang="zh_CN")

    def look(dialog):
        model = dialog.model
        return (
            cells(dialog),
            model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) is not None,
            model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole),
            dialog.windowTitle(),
            dialog.status.text(),
        )

    shown, grey, tip, title, status = look_at_effect(window, qtbot, look)
    assert title == "有用吗？"
    assert shown == [
        [
            "一对一谈心",
            "2 人",
            "50.0%（1/2）",
            "100.0%（1/1）",
            "50.0%（1/2）",
            "100.0%（1/1）",
            "–",
        ]
    ]
    assert grey
    assert str(SMALL_SAMPLE) in tip
    assert status == "截至 2026-11-23。"


def test_nothing_done_yet_says_so(make_window, tmp_path, qtbot, monkeypatch):
    window = open_window(make_window, tmp_path / "empty.db", qtbot, monkeypatch)

    def look(dialog):
        return (
            dialog.model.rowCount(),
            dialog.view.isVisible(),
            dialog.copy_button.isEnabled(),
            dialog.status.text(),
        )

    rows, visible, can_copy, status = look_at_effect(window, qtbot, look)
    assert (rows, visible, can_copy) == (0, False, False)
    assert status.startswith("Nothing to compare yet")
