"""The roster model on its own, without any widget."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from retention_desktop.store.queries import RosterRow
from retention_desktop.ui.roster_model import (
    COL_HIRED,
    COL_NAME,
    COL_RISK,
    COL_STATUS,
    COL_TENURE,
    RosterModel,
    tenure_months,
)

TODAY = date(2026, 11, 23)


def _row(i, name, hired, ended=None, risk=None):
    return RosterRow(i, f"CS{i:04d}", name, "售前客服", "客服专员", hired, ended, "", risk)


ROWS = [
    _row(1, "Zhou", date(2020, 1, 6), risk="high"),
    _row(2, "An", date(2026, 10, 1), date(2026, 11, 2)),
    _row(3, "Li", date(2025, 11, 23), risk="low"),
]


def test_rows_columns_and_headers(qapp):
    model = RosterModel(TODAY)
    model.set_rows(ROWS)
    assert model.rowCount() == 3
    assert model.columnCount() == 8
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers == [
        "No.",
        "Name",
        "Team",
        "Position",
        "Hire date",
        "Tenure",
        "Status",
        "Risk",
    ]


def test_display_of_tenure_status_and_risk(qapp):
    model = RosterModel(TODAY)
    model.set_rows(ROWS)
    shown = {
        model.index(r, COL_NAME).data(): (
            model.index(r, COL_TENURE).data(),
            model.index(r, COL_STATUS).data(),
            model.index(r, COL_RISK).data(),
        )
        for r in range(3)
    }
    assert shown["Zhou"] == ("6 y 10 m", "Active", "High")
    assert shown["An"] == ("1 m", "Left 2026-11-02", "")
    assert shown["Li"] == ("1 y", "Active", "Low")


def test_tenure_months_counts_whole_months():
    assert tenure_months(date(2024, 1, 31), date(2024, 2, 29)) == 0
    assert tenure_months(date(2024, 1, 31), date(2024, 3, 1)) == 1
    assert tenure_months(date(2024, 2, 29), date(2025, 2, 28)) == 11
    assert tenure_months(date(2024, 2, 29), date(2025, 3, 1)) == 12


def test_sort_by_each_kind_of_column(qapp):
    model = RosterModel(TODAY)
    model.set_rows(ROWS)

    def names():
        return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]

    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert names() == ["An", "Li", "Zhou"]
    model.sort(COL_HIRED, Qt.SortOrder.DescendingOrder)
    assert names() == ["An", "Li", "Zhou"]
    model.sort(COL_TENURE, Qt.SortOrder.DescendingOrder)
    assert names() == ["Zhou", "Li", "An"]
    model.sort(COL_RISK, Qt.SortOrder.DescendingOrder)
    assert names() == ["Zhou", "Li", "An"]
    model.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)
    assert names()[0] == "An"  # people who left sort before the active ones


def test_sort_keeps_persistent_indexes_on_their_rows(qapp):
    model = RosterModel(TODAY)
    model.set_rows(ROWS)
    from PySide6.QtCore import QPersistentModelIndex

    held = QPersistentModelIndex(model.index(0, COL_NAME))
    assert held.data() == "Zhou"
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert held.row() == 2
    assert held.data() == "Zhou"
