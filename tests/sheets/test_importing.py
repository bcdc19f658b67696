"""Checking the rows of an import file: each cell, then the rows against each other. Every
problem names its row and column; only the valid rows are kept."""

from __future__ import annotations

from datetime import date

import pytest

from retention_desktop.sheets.importing import read_import
from retention_desktop.sheets.model import ImportRow

HEADER = ["工号", "姓名", "部门", "入职日期", "离职日期", "离职类型", "离职原因"]


def codes(parsed) -> list[tuple]:
    return [(p.row, p.column, p.code) for p in parsed.problems]


def test_a_clean_file_gives_every_row(write_csv):
    parsed = read_import(write_csv([
        HEADER,
        ["N1", "周杰", "售前客服", "2026-09-01", "", "", ""],
        ["N2", "吴昊", "售后客服", "2026-03-01", "2026-09-30", "被动离职", "业绩不达标"],
        ["", "郑爽", "", "2025-01-01", "2025-01-01", "VOLUNTARY", ""],
    ]))  # fmt: skip
    assert parsed.clean
    assert parsed.rows == [
        ImportRow(row=2, name="周杰", hire_date=date(2026, 9, 1), employee_no="N1",
                  team="售前客服"),
        ImportRow(row=3, name="吴昊", hire_date=date(2026, 3, 1), employee_no="N2",
                  team="售后客服", exit_date=date(2026, 9, 30), exit_type="involuntary",
                  exit_reason="业绩不达标"),
        ImportRow(row=4, name="郑爽", hire_date=date(2025, 1, 1), employee_no=None,
                  exit_date=date(2025, 1, 1), exit_type="voluntary"),
    ]  # fmt: skip


def test_every_bad_row_is_reported_with_row_and_column(write_csv):
    parsed = read_import(write_csv([
        HEADER,
        ["B1", "周杰", "售前客服", "2025-02-30", "", "", ""],
        ["B2", "吴昊", "售前客服", "2025-03-01", "2025-01-01", "主动", "薪资待遇"],
        ["B3", "", "售前客服", "", "", "", ""],
        ["B4", "郑爽", "售前客服", "2025-03-01", "2024-02-30", "", ""],
        ["B5", "王五", "售前客服", "2025-03-01", "", "辞职", ""],
        ["B6", "赵六", "售前客服", "2025-03-01", "", "主动", "家庭原因"],
        ["B7", "钱七", "售前客服", "2025-03-01", "2025-06-01", "", ""],
    ]))  # fmt: skip
    assert codes(parsed) == [
        (2, "入职日期", "bad_date"),
        (3, "离职日期", "exit_before_hire"),
        (4, "姓名", "required"),
        (4, "入职日期", "required"),
        (5, "离职日期", "bad_date"),
        (6, "离职日期", "exit_details_without_exit"),
        (6, "离职类型", "bad_exit_type"),
        (7, "离职日期", "exit_details_without_exit"),
    ]
    messages = [p.message for p in parsed.problems]
    assert messages == [
        "row 2, column 入职日期 (hire date): 2025-02-30 is not a date",
        "row 3, column 离职日期 (exit date): the exit date 2025-01-01 is before the hire date "
        "2025-03-01",
        "row 4, column 姓名 (name): the name is missing",
        "row 4, column 入职日期 (hire date): the hire date is missing",
        "row 5, column 离职日期 (exit date): 2024-02-30 is not a date",
        "row 6, column 离职日期 (exit date): an exit type, reason, way or destination is given "
        "(辞职) but no exit date",
        "row 6, column 离职类型 (exit type): 辞职 is not an exit type: write voluntary or "
        "involuntary (主动 or 被动)",
        "row 7, column 离职日期 (exit date): an exit type, reason, way or destination is given "
        "(主动) but no exit date",
    ]
    values = [p.value for p in parsed.problems]
    assert values == ["2025-02-30", "2025-01-01", None, None, "2024-02-30", "辞职", "辞职", "主动"]
    assert parsed.problems[1].params == {"hire_date": "2025-03-01"}
    assert [p.field for p in parsed.problems] == [
        "hire_date", "exit_date", "name", "hire_date", "exit_date", "exit_date", "exit_type",
        "exit_date",
    ]  # fmt: skip
    # only the valid row is kept (callers write nothing while there are problems)
    assert [r.employee_no for r in parsed.rows] == ["B7"]
    assert not parsed.clean


def test_an_exit_reason_without_an_exit_date_column(write_csv):
    parsed = read_import(write_csv([["Name", "Hire date", "Exit reason"],
                                    ["Ann", "2024-03-05", "Pay"]]))  # fmt: skip
    (problem,) = parsed.problems
    assert (problem.row, problem.column, problem.field, problem.code) == (
        2,
        "Exit reason",
        "exit_reason",
        "exit_details_without_exit",
    )


def test_formula_cells_are_problems(write_xlsx):
    path = write_xlsx([
        ["工号", "姓名", "入职日期", "离职日期", "计算"],
        ["F1", "王芳", date(2024, 3, 5), None, "=1+1"],
        ["F2", "李雷", date(2024, 3, 5), None, None],
        ["F3", "韩梅", "=TODAY()", None, None],
        ["F4", '=CONCAT("a","b")', date(2024, 3, 5), "=DATE(2024,5,1)", None],
    ])  # fmt: skip
    parsed = read_import(path)
    # the formula in a column that is not imported does not matter
    assert codes(parsed) == [
        (4, "入职日期", "formula"),
        (5, "姓名", "formula"),
        (5, "离职日期", "formula"),
    ]
    assert parsed.problems[0].message == (
        "row 4, column 入职日期 (hire date): a formula (=TODAY()); type the value instead"
    )
    assert parsed.problems[0].value == "=TODAY()"
    assert [r.employee_no for r in parsed.rows] == ["F1", "F2"]


def test_employee_numbers_from_number_cells(write_xlsx):
    parsed = read_import(write_xlsx([
        ["工号", "姓名", "入职日期"],
        [1001.0, "甲", date(2024, 1, 1)],
        [1002, "乙", date(2024, 1, 1)],
        ["  007 ", "丙", date(2024, 1, 1)],
        [12.5, "丁", date(2024, 1, 1)],
    ]))  # fmt: skip
    assert [r.employee_no for r in parsed.rows] == ["1001", "1002", "007", "12.5"]


# --- rows against each other ---------------------------------------------------------------


def test_the_same_spell_twice(write_csv):
    parsed = read_import(write_csv([
        HEADER,
        ["D1", "周杰", "", "2024-03-05", "", "", ""],
        ["", "吴昊", "", "2024-03-05", "", "", ""],
        ["D1", "周杰", "", "2024/3/5", "", "", ""],
        ["", " 吴昊", "", "20240305", "", "", ""],
        ["", "吴昊", "", "2024-03-06", "", "", ""],
    ]))  # fmt: skip
    assert codes(parsed) == [(4, "入职日期", "duplicate"), (5, "入职日期", "duplicate")]
    first, second = parsed.problems
    assert first.params == {"other_row": 2}
    assert first.message == (
        "row 4, column 入职日期 (hire date): the same employee no. D1 and hire date 2024-03-05 "
        "as row 2"
    )
    assert second.params == {"other_row": 3}
    assert "name 吴昊" in second.message
    assert "row 3" in second.message
    assert [r.row for r in parsed.rows] == [2, 3, 6]


def test_rehires_of_one_employee_are_valid(write_csv):
    parsed = read_import(write_csv([
        HEADER,
        ["R1", "周杰", "售前客服", "2022-03-01", "2022-12-31", "主动", "薪资待遇"],
        ["R1", "周杰", "售后客服", "2024-01-02", "", "", ""],
        ["R1", "周杰", "售前客服", "2023-01-01", "2023-06-30", "被动", ""],
    ]))  # fmt: skip
    assert parsed.clean, parsed.problems
    assert [(r.row, r.hire_date, r.exit_date) for r in parsed.rows] == [
        (2, date(2022, 3, 1), date(2022, 12, 31)),
        (3, date(2024, 1, 2), None),
        (4, date(2023, 1, 1), date(2023, 6, 30)),
    ]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # hired again on the last day of the earlier spell
        ([["O1", "周杰", "", "2022-03-01", "2022-12-31", "", ""],
          ["O1", "周杰", "", "2022-12-31", "", "", ""]], [(3, "overlap", 2)]),
        # hired again while the earlier spell is still open
        ([["O1", "周杰", "", "2022-03-01", "", "", ""],
          ["O1", "周杰", "", "2023-01-01", "2023-05-01", "", ""]], [(3, "overlap", 2)]),
        # a later row holding an earlier spell that reaches into the other
        ([["O1", "周杰", "", "2023-01-01", "2023-12-31", "", ""],
          ["O1", "周杰", "", "2022-01-01", "2023-02-01", "", ""]], [(2, "overlap", 3)]),
        # two spells still open
        ([["O1", "周杰", "", "2022-03-01", "", "", ""],
          ["O1", "周杰", "", "2024-01-01", "", "", ""]], [(3, "two_open", 2)]),
        # another name for the same number
        ([["O1", "周杰", "", "2022-03-01", "2022-05-01", "", ""],
          ["O1", "周洁", "", "2024-01-01", "", "", ""]], [(3, "name_differs", 2)]),
    ],
)  # fmt: skip
def test_spells_of_one_employee_that_contradict(write_csv, rows, expected):
    parsed = read_import(write_csv([HEADER, *rows]))
    assert [(p.row, p.code, p.params["other_row"]) for p in parsed.problems] == expected
    flagged = {row for row, _, _ in expected}
    assert [r.row for r in parsed.rows] == [n for n in (2, 3) if n not in flagged]
    problem = parsed.problems[0]
    assert problem.message.startswith(f"row {problem.row}, column ")
    assert f"row {problem.params['other_row']}" in problem.message


def test_overlap_message(write_csv):
    parsed = read_import(write_csv([
        HEADER,
        ["O1", "周杰", "", "2022-03-01", "2022-12-31", "", ""],
        ["O1", "周杰", "", "2022-06-01", "2022-08-01", "", ""],
    ]))  # fmt: skip
    (problem,) = parsed.problems
    assert (problem.column, problem.field, problem.value) == ("入职日期", "hire_date", "2022-06-01")
    assert problem.message == (
        "row 3, column 入职日期 (hire date): employee no. O1 hired 2022-06-01 overlaps the "
        "employment on row 2 (hired 2022-03-01 to 2022-12-31)"
    )


def test_english_headers_are_not_repeated_in_messages(write_csv):
    parsed = read_import(write_csv([["Name", "Hire date"], ["Ann", "2024-13-01"]]))
    assert parsed.problems[0].message == "row 2, column Hire date: 2024-13-01 is not a date"


def test_texts_longer_than_the_form_takes_are_reported_per_row(write_csv):
    """A name, number or phone longer than the employee dialog allows is a problem of its
    row and column, not cut short nor refused as a whole file."""
    from retention_desktop.domain.records import TEXT_LIMITS
    from retention_desktop.sheets.importing import read_import

    long_name = "王" * (TEXT_LIMITS["name"] + 1)
    path = write_csv([
        ["工号", "姓名", "入职日期", "电话"],
        ["A1", "王芳", "2024-03-05", "13800000000"],
        ["A2", long_name, "2024-03-05", ""],
        ["B" * 41, "李娜", "2024-03-05", "1" * 41],
    ])  # fmt: skip
    parsed = read_import(path)
    found = [(p.row, p.column, p.code, p.params) for p in parsed.problems]
    assert found == [
        (3, "姓名", "too_long", {"limit": 100, "length": 101}),
        (4, "工号", "too_long", {"limit": 40, "length": 41}),
        (4, "电话", "too_long", {"limit": 40, "length": 41}),
    ]
    assert [row.name for row in parsed.rows] == ["王芳"]
    assert parsed.problems[0].message == (
        "row 3, column 姓名 (name): 101 characters, at most 100 allowed"
    )
