"""The roster model on its own, without any widget."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from retention_desktop.store.queries import RosterRow
from retention_desktop.ui.roster.model import (
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

    held = QPersistentModelIndex(model.index(2, COL_NAME))
    assert held.data() == "Zhou"
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert held.row() == 0
    assert held.data() == "Zhou"


def test_chinese_names_sort_by_pinyin_in_a_chinese_locale(qapp):
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        model = RosterModel(TODAY)
        names = ["赵敏", "王芳", "阿强", "李娜", "陈晨", "张伟"]
        model.set_rows([_row(i, n, date(2024, 1, 1)) for i, n in enumerate(names)])
        shown = [model.index(r, COL_NAME).data() for r in range(model.rowCount())]
        # a (阿) chen (陈) li (李) wang (王) zhang (张) zhao (赵)
        assert shown == ["阿强", "陈晨", "李娜", "王芳", "张伟", "赵敏"]
    finally:
        QLocale.setDefault(previous)


def test_search_matches_name_number_and_phone_and_filters_combine(qapp):
    from retention_desktop.ui.roster.model import STATUS_ACTIVE, STATUS_LEFT

    model = RosterModel(TODAY)
    rows = [
        RosterRow(1, "CS0001", "王芳", "售前客服", "", date(2024, 1, 1), None, "13800001111", None),
        RosterRow(
            2, "CS0002", "王小明", "售后客服", "", date(2024, 1, 1), date(2025, 1, 1), "", None
        ),
        RosterRow(3, "E10", "Li Na", "售后客服", "", date(2024, 1, 1), None, "", None),
    ]
    model.set_rows(rows)

    def ids():
        return [model.row_at(r).employee_id for r in range(model.rowCount())]

    model.set_filter(needle="王")
    assert sorted(ids()) == [1, 2]
    model.set_filter(needle="1111")
    assert ids() == [1]
    model.set_filter(needle="e10")
    assert ids() == [3]
    model.set_filter(needle="li n")
    assert ids() == [3]
    model.set_filter(needle="王", status=STATUS_LEFT)
    assert ids() == [2]
    model.set_filter(needle="", status=STATUS_ACTIVE, team="售后客服")
    assert ids() == [3]
    model.set_filter(team=None)
    assert sorted(ids()) == [1, 3]


def test_employee_numbers_sort_naturally(qapp):
    from retention_desktop.ui.roster.model import COL_NO

    model = RosterModel(TODAY)
    numbers = ["E10", "E2", "", "E1", "A100"]
    model.set_rows(
        [
            RosterRow(i, no, f"P{i}", "", "", date(2024, 1, 1), None, "", None)
            for i, no in enumerate(numbers)
        ]
    )
    model.sort(COL_NO, Qt.SortOrder.AscendingOrder)
    assert [model.row_at(r).employee_no for r in range(5)] == ["", "A100", "E1", "E2", "E10"]


def test_typing_on_narrows_and_deleting_widens_again(qapp):
    model = RosterModel(TODAY)
    names = ["王芳", "王小明", "王芳芳", "李娜"]
    model.set_rows([_row(i, n, date(2024, 1, 1)) for i, n in enumerate(names)])

    def shown():
        return sorted(model.row_at(r).name for r in range(model.rowCount()))

    for typed, expected in [
        ("王", ["王小明", "王芳", "王芳芳"]),
        ("王芳", ["王芳", "王芳芳"]),
        ("王芳芳", ["王芳芳"]),
        ("王芳", ["王芳", "王芳芳"]),
        ("", sorted(names)),
    ]:
        model.set_filter(needle=typed)
        assert shown() == expected, typed
    model.set_filter(needle="王芳")
    model.set_filter(status="left")  # a new filter looks through every row again
    assert shown() == []
    model.set_filter(status="all")
    assert shown() == ["王芳", "王芳芳"]


def test_risk_is_a_coloured_dot_beside_its_name(qapp):
    from PySide6.QtGui import QPixmap

    model = RosterModel(TODAY)
    model.set_rows(ROWS)
    by_name = {model.index(r, COL_NAME).data(): r for r in range(3)}
    high = model.index(by_name["Zhou"], COL_RISK)
    assert high.data() == "High"
    dot = high.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(dot, QPixmap)
    assert dot.toImage().pixelColor(6, 6).name() == "#d55e00"
    assert model.index(by_name["An"], COL_RISK).data(Qt.ItemDataRole.DecorationRole) is None


def test_the_search_finds_people_by_their_rows_as_they_are_now(qapp):
    """Search texts made ahead (as a large roster's background read makes them) or at the
    first search follow each person replaced, added or removed."""
    from retention_desktop.ui.roster.model import prepare

    for made_ahead in (True, False):
        model = RosterModel(TODAY)
        rows = [_row(i, n, date(2024, 1, 1)) for i, n in enumerate(["王芳", "李娜", "张伟"])]
        model.set_rows(list(rows), prepare(rows, TODAY) if made_ahead else None)

        def found(needle: str, model=model) -> list[str]:
            model.set_filter(needle=needle)
            return sorted(model.row_at(r).name for r in range(model.rowCount()))

        assert found("李") == ["李娜"]
        model.replace_employee(1, _row(1, "李小娜", date(2024, 1, 1)))
        model.replace_employee(7, _row(7, "李明", date(2024, 1, 1)))
        model.replace_employee(0, None)
        assert found("李") == ["李小娜", "李明"]
        assert found("王") == []
        assert found("cs0002") == ["张伟"]


def test_rows_prepared_off_the_ui_thread_sort_as_rows_given_bare(qapp):
    """A large roster's background read makes the sort keys (`prepare`): for every column
    and both directions, the order is the one the model makes itself."""
    from retention_desktop.ui.roster.model import prepare

    names = ["张伟", "王芳", "Zhou", "李娜", "an", "阿明", "Li", "张伟", "赵敏"]
    rows = [
        _row(i, n, date(2020 + i % 5, 1 + i % 12, 1), date(2026, 1, i + 1) if i % 3 else None,
             [None, "low", "high"][i % 3])
        for i, n in enumerate(names)
    ]  # fmt: skip
    for column in range(8):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            bare, ready = RosterModel(TODAY), RosterModel(TODAY)
            for model in (bare, ready):
                model.sort(column, order)
            bare.set_rows(list(rows))
            ready.set_rows(list(rows), prepare(rows, TODAY, column))
            shown = [[m.row_at(r).employee_id for r in range(m.rowCount())] for m in (bare, ready)]
            assert shown[0] == shown[1], (column, order)
