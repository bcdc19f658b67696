"""Reading import files: encodings, delimiters, sheets, header rows, column detection and the
user's mapping, date forms and the order of slash dates, preview, progress and cancel."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from retention_desktop.sheets.importing import (
    BAD,
    TIMED,
    TWO_DIGIT,
    UNDECIDED,
    WRONG_ORDER,
    parse_date_text,
    read_import,
)
from retention_desktop.sheets.model import FIELDS, Cancelled, ImportRow
from retention_desktop.sheets.reading import field_of_header
from retention_desktop.sheets.template import write_template

CN = ["工号", "姓名", "部门", "岗位", "入职日期", "离职日期", "离职类型", "离职原因"]


def codes(parsed) -> list[tuple]:
    return [(p.row, p.column, p.code) for p in parsed.problems]


# --- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "names", "read_as"),
    [
        # GB18030 reads these bytes too, as rare characters (Müller -> M黮ler): not imported so
        ("latin-1", ["Müller", "José Núñez", "François Lefèvre", "Søren Ødegård"], "cp1252"),
        ("cp1252", ["Müller", "José Núñez", "Zoë Brontë"], "cp1252"),
        ("shift_jis", ["山田太郎", "佐藤花子", "鈴木一郎"], "cp932"),
        ("big5", ["陳大文", "黃美玲", "張國榮"], "big5"),
        # ordinary Chinese stays GB18030, however short
        ("gb18030", ["王芳"], "gb18030"),
        ("gb18030", ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨秀英"], "gb18030"),
    ],
)
def test_a_csv_in_another_encoding_is_read_as_written(write_csv, encoding, names, read_as):
    rows = [["Name", "Hire date"], *([name, "2024-03-05"] for name in names)]
    parsed = read_import(write_csv(rows, encoding=encoding))
    assert parsed.clean, parsed.problems
    assert parsed.encoding == read_as  # the preview names it
    assert [row.name for row in parsed.rows] == names


def test_a_gb18030_csv_with_chinese_headers(write_csv):
    path = write_csv([
        CN,
        ["A1", "王芳", "售前客服", "客服专员", "2024-03-05", "2025-01-10", "主动", "薪资待遇"],
        ["A2", "李雷", "售后客服", "组长", "2024/3/6", "", "", ""],
    ], encoding="gb18030")  # fmt: skip
    parsed = read_import(path)
    assert parsed.clean, parsed.problems
    assert (parsed.kind, parsed.encoding, parsed.sheet) == ("csv", "gb18030", None)
    assert parsed.headers == CN
    assert parsed.mapping == ["employee_no", "name", "team", "position", "hire_date",
                              "exit_date", "exit_type", "exit_reason"]  # fmt: skip
    assert parsed.row_count == 2
    assert parsed.rows == [
        ImportRow(row=2, name="王芳", hire_date=date(2024, 3, 5), employee_no="A1",
                  team="售前客服", position="客服专员", exit_date=date(2025, 1, 10),
                  exit_type="voluntary", exit_reason="薪资待遇"),
        ImportRow(row=3, name="李雷", hire_date=date(2024, 3, 6), employee_no="A2",
                  team="售后客服", position="组长"),
    ]  # fmt: skip
    assert parsed.preview[1] == ["A2", "李雷", "售后客服", "组长", "2024/3/6", "", "", ""]
    assert parsed.columns["hire_date"] == "入职日期"


@pytest.mark.parametrize(("encoding", "found"), [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig")])
def test_utf8_with_and_without_bom(write_csv, encoding, found):
    path = write_csv([["姓名", "入职日期"], ["王芳", "2024-03-05"]], encoding=encoding)
    parsed = read_import(path)
    assert parsed.encoding == found
    assert parsed.headers == ["姓名", "入职日期"]  # no BOM left in the first header
    assert [(r.name, r.hire_date) for r in parsed.rows] == [("王芳", date(2024, 3, 5))]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_sniffed(write_csv, delimiter):
    path = write_csv(
        [["Name", "Hire date", "Notes"], ["Ann", "2024-03-05", "likes tea, and coffee; both"]],
        delimiter=delimiter,
    )
    parsed = read_import(path)
    assert parsed.headers == ["Name", "Hire date", "Notes"]
    assert parsed.rows[0].notes == "likes tea, and coffee; both"


def test_quoted_newlines_blank_rows_and_row_numbers(write_csv):
    path = write_csv([
        ["Name", "Hire date", "Notes"],
        ["Ann", "2024-03-05", "first line\nsecond line"],
        [],
        ["", "", ""],
        ["Bob", "2024-02-30", ""],
    ])  # fmt: skip
    parsed = read_import(path)
    assert parsed.row_count == 2
    # the multi-line cell is one row; blank rows are skipped but keep their numbers
    assert codes(parsed) == [(5, "Hire date", "bad_date")]
    assert parsed.rows[0].notes == "first line\nsecond line"


def test_title_rows_above_the_headers_are_passed_over(write_csv):
    path = write_csv([
        ["2024 年员工花名册", "", ""],
        [],
        ["姓名", "入职日期", "备注"],
        ["王芳", "2024-03-05", ""],
    ])  # fmt: skip
    parsed = read_import(path)
    assert parsed.headers == ["姓名", "入职日期", "备注"]
    assert parsed.rows[0].row == 4


def test_cells_are_stripped_and_short_rows_padded(write_csv):
    path = write_csv([
        ["工号", "姓名", "入职日期", "电话", "备注"],
        ["  A7 ", "\u3000王芳 ", " 2024-03-05 ", " 138 0000 0000"],
    ])  # fmt: skip
    row = read_import(path).rows[0]
    assert (row.employee_no, row.name, row.phone, row.notes) == ("A7", "王芳", "138 0000 0000", "")


# --- XLSX ----------------------------------------------------------------------------------


def test_an_xlsx_with_real_date_cells_and_number_cells(write_xlsx):
    path = write_xlsx([
        [*CN, "电话"],
        [1001, "王芳", "售前客服", "客服专员", date(2024, 3, 5), datetime(2025, 1, 10), "被动",
         "业绩", 13800000000],
        [1002.0, "李雷", None, None, datetime(2024, 3, 6, 0, 0), None, None, None, 13900000000.0],
    ])  # fmt: skip
    parsed = read_import(path)
    assert parsed.clean, parsed.problems
    assert (parsed.kind, parsed.sheet, parsed.encoding) == ("xlsx", "Sheet", None)
    first, second = parsed.rows
    assert (first.employee_no, first.hire_date, first.exit_date, first.exit_type) == (
        "1001",
        date(2024, 3, 5),
        date(2025, 1, 10),
        "involuntary",
    )
    assert first.phone == "13800000000"
    assert (second.employee_no, second.hire_date, second.phone) == (
        "1002",
        date(2024, 3, 6),
        "13900000000",
    )
    assert parsed.preview[0][:5] == ["1001", "王芳", "售前客服", "客服专员", "2024-03-05"]


def test_the_first_sheet_with_the_headers_is_read(write_xlsx):
    path = write_xlsx({
        "Summary": [["Shop", "Example"], ["Period", "2024"]],
        "Staff": [["Name", "Hire date"], ["Ann", date(2024, 3, 5)]],
        "More": [["Name", "Hire date"], ["Bob", date(2024, 3, 6)]],
    })  # fmt: skip
    parsed = read_import(path)
    assert parsed.sheet == "Staff"
    assert [r.name for r in parsed.rows] == ["Ann"]


def test_without_headers_anywhere_the_first_sheet_is_read(write_xlsx):
    path = write_xlsx({
        "First": [["Who", "When"], ["Ann", date(2024, 3, 5)]],
        "Second": [["Something", "Else"], ["x", "y"]],
    })  # fmt: skip
    parsed = read_import(path)
    assert parsed.sheet == "First"
    assert parsed.headers == ["Who", "When"]
    assert [p.code for p in parsed.problems] == ["missing_column", "missing_column"]


def test_the_import_template_reads_back(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    parsed = read_import(path)
    assert parsed.clean, parsed.problems
    assert parsed.mapping == [*FIELDS]
    (row,) = parsed.rows
    assert (row.employee_no, row.name, row.hire_date, row.exit_date, row.exit_type) == (
        "A1001",
        "王芳",
        date(2024, 3, 5),
        date(2025, 1, 10),
        "voluntary",
    )


def test_an_xlsx_with_inline_strings_rich_text_and_escapes(write_xlsx, rewrite_zip):
    path = write_xlsx([["Name", "Hire date"], ["x", "2024-03-05"]])
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
        '<c r="B1" t="inlineStr"><is><r><t>Hire </t></r><r><t>date</t></r>'
        "<rPh><t>ignored</t></rPh></is></c>"
        '<c r="C1" t="inlineStr"><is><t>Notes</t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Ann</t></is></c>'
        '<c r="B3" t="str"><v>2024-03-05</v></c>'
        '<c r="C3" t="inlineStr"><is><t>one_x000D_two</t></is></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": sheet})
    parsed = read_import(path)
    assert parsed.headers == ["Name", "Hire date", "Notes"]
    assert parsed.rows == [
        ImportRow(row=3, name="Ann", hire_date=date(2024, 3, 5), notes="one\rtwo")
    ]


@pytest.mark.parametrize(
    "continued", [["备注（续 1）", "备注（续 2）"], ["备注(续 1)", "备注(续 2)"]]
)  # as exports write them, and as older exports did
def test_an_export_continued_text_is_joined_back(write_xlsx, continued):
    path = write_xlsx([
        ["姓名", "入职日期", "备注", *continued],
        ["王芳", date(2024, 3, 5), "abc", "def", "g"],
        ["李雷", date(2024, 3, 6), "short", None, None],
    ])  # fmt: skip
    parsed = read_import(path)
    assert parsed.mapping == ["name", "hire_date", "notes", None, None]
    assert [r.notes for r in parsed.rows] == ["abcdefg", "short"]


# --- headers and mapping -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("employee_no", "employee_no"), ("Employee No", "employee_no"),
        ("emp no", "employee_no"), ("员工编号", "employee_no"), ("  工号 ", "employee_no"),
        ("NAME", "name"), ("员工姓名", "name"), ("\u3000姓名\u3000", "name"),
        ("部门", "team"), ("小组", "team"), ("组别", "team"), ("职位", "position"),
        ("hire_date", "hire_date"), ("Hire  Date", "hire_date"), ("入职时间", "hire_date"),
        ("入职日期(必填)", "hire_date"), ("入职日期 / Hire date", "hire_date"),
        ("exit date", "exit_date"), ("Last day", "exit_date"), ("离职时间", "exit_date"),
        ("离职类型", "exit_type"), ("reason", "exit_reason"), ("离职原因", "exit_reason"),
        ("手机号", "phone"), ("电话", "phone"), ("备注", "notes"), ("Ｎａｍｅ", "name"),
        ("入职日期\nHire date", "hire_date"), ("姓名（必填）", "name"), ("*姓名", "name"),
        ("No.", None), ("序号", None), ("姓名 / Hire date", None), ("上岗日", None),
        ("", None), ("备注(续 1)", None), ("备注（续 1）", None),
    ],
)  # fmt: skip
def test_header_aliases(header, field):
    assert field_of_header(header) == field


def test_english_aliases_in_a_file(write_csv):
    path = write_csv([
        ["EMP NO", " full name ", "Department", "Job title", "Start date", "Last day",
         "Exit type", "Reason", "Mobile", "Remarks", "How they left", "Went to", "Shoe size"],
        ["7", "Ann", "Sales", "Agent", "2024-03-05", "2024-09-30", "Voluntary", "Pay", "555",
         "", "Walked off", "Study", "38"],
    ])  # fmt: skip
    parsed = read_import(path)
    assert parsed.mapping == [*FIELDS, None]
    assert parsed.clean
    assert parsed.rows[0].exit_type == "voluntary"
    assert (parsed.rows[0].exit_way, parsed.rows[0].destination) == ("walked_off", "Study")


def test_the_user_mapping_overrides_the_headers(write_csv):
    path = write_csv([
        ["工号", "姓名", "上岗日", "离职日期"],
        ["M1", "甲", "2026-01-05", ""],
        ["M2", "乙", "2026-02-30", ""],
    ])  # fmt: skip
    parsed = read_import(path)
    assert parsed.mapping == ["employee_no", "name", None, "exit_date"]
    (problem,) = parsed.problems
    assert (problem.row, problem.column, problem.field, problem.code) == (
        None,
        None,
        "hire_date",
        "missing_column",
    )
    assert parsed.preview == [["M1", "甲", "2026-01-05", ""], ["M2", "乙", "2026-02-30", ""]]
    assert parsed.rows == []

    fixed = read_import(path, mapping=["employee_no", "name", "hire_date", "exit_date"])
    assert codes(fixed) == [(3, "上岗日", "bad_date")]
    assert fixed.problems[0].message == "row 3, column 上岗日 (hire date): 2026-02-30 is not a date"
    assert [r.employee_no for r in fixed.rows] == ["M1"]

    # a column left out is not imported even when its header is known
    fewer = read_import(path, mapping=[None, "name", "hire_date", None])
    assert fewer.rows[0].employee_no is None
    assert fewer.columns == {"name": "姓名", "hire_date": "上岗日"}


def test_two_columns_for_one_field(write_csv):
    path = write_csv([["姓名", "Name", "入职日期"], ["王芳", "Fang", "2024-03-05"]])
    parsed = read_import(path)
    assert parsed.mapping == ["name", "name", "hire_date"]
    (problem,) = parsed.problems
    assert (problem.row, problem.column, problem.field, problem.code) == (
        None,
        "Name",
        "name",
        "duplicate_column",
    )
    assert problem.params == {"columns": ["姓名", "Name"]}
    assert (
        problem.message
        == "columns 姓名 and Name are both imported as the name: import only one of them"
    )
    assert parsed.rows == []
    fixed = read_import(path, mapping=["name", None, "hire_date"])
    assert fixed.clean
    assert fixed.rows[0].name == "王芳"


def test_a_mapping_with_an_unknown_field_is_refused(write_csv):
    path = write_csv([["Name", "Hire date"], ["Ann", "2024-03-05"]])
    with pytest.raises(ValueError, match="unknown import fields"):
        read_import(path, mapping=["name", "birthday"])
    with pytest.raises(ValueError, match="date order"):
        read_import(path, date_order="ydm")


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2024-03-05", None, date(2024, 3, 5)),
        ("2024/3/5", None, date(2024, 3, 5)),
        ("2024.3.5", None, date(2024, 3, 5)),
        ("2024-3-5", None, date(2024, 3, 5)),
        ("2024年3月5日", None, date(2024, 3, 5)),
        ("2024 年 3 月 5 日", None, date(2024, 3, 5)),
        ("２０２４－０３－０５", None, date(2024, 3, 5)),
        ("20240305", None, date(2024, 3, 5)),
        ("2024-03-05 00:00:00", None, date(2024, 3, 5)),
        ("2024-03-05T00:00", None, date(2024, 3, 5)),
        ("2024/3/5 0:00", None, date(2024, 3, 5)),
        ("3/5/2024 12:00 AM", "mdy", date(2024, 3, 5)),
        ("2024-03-05 09:30:00", None, TIMED),
        ("3/5/2024 12:00 PM", "mdy", TIMED),
        ("03/05/2024", "mdy", date(2024, 3, 5)),
        ("03/05/2024", "dmy", date(2024, 5, 3)),
        ("03/05/2024", None, UNDECIDED),
        ("05/05/2024", None, date(2024, 5, 5)),
        ("25/12/2024", None, date(2024, 12, 25)),
        ("12/25/2024", "dmy", BAD),
        ("03/05/2024", "ymd", WRONG_ORDER),
        ("2024/3/5", "mdy", date(2024, 3, 5)),
        ("03/05/24", "mdy", TWO_DIGIT),
        ("24/3/5", None, TWO_DIGIT),
        ("2024-02-30", None, BAD),
        ("2023-02-29", None, BAD),
        ("2024-02-29", None, date(2024, 2, 29)),
        ("1024-03-05", None, BAD),
        ("20241305", None, BAD),
        ("next week", None, BAD),
        ("", None, None),
        ("  ", None, None),
    ],
)
def test_date_forms(text, order, expected):
    assert parse_date_text(text, order) == expected


def test_us_dates_are_detected_from_a_day_over_12(write_csv):
    path = write_csv([
        ["Name", "Hire date", "Exit date"],
        ["Ann", "03/05/2024", ""],
        ["Bob", "12/25/2024", "01/02/2025"],
    ], encoding="utf-8-sig")  # fmt: skip
    parsed = read_import(path)
    assert parsed.encoding == "utf-8-sig"
    assert (parsed.date_order, parsed.date_order_detected) == ("mdy", True)
    assert parsed.clean, parsed.problems
    assert [(r.hire_date, r.exit_date) for r in parsed.rows] == [
        (date(2024, 3, 5), None),
        (date(2024, 12, 25), date(2025, 1, 2)),
    ]


def test_day_first_dates_are_detected(write_csv):
    path = write_csv([["Name", "Hire date"], ["Ann", "03/05/2024"], ["Bob", "25.12.2024"]])
    parsed = read_import(path)
    assert (parsed.date_order, parsed.date_order_detected) == ("dmy", True)
    assert [r.hire_date for r in parsed.rows] == [date(2024, 5, 3), date(2024, 12, 25)]


def test_ambiguous_dates_ask_for_the_order(write_csv):
    path = write_csv([
        ["Name", "Hire date", "Exit date"],
        ["Ann", "03/05/2024", ""],
        ["Bob", "04/06/2024", "05/07/2024"],
    ], encoding="utf-8-sig")  # fmt: skip
    parsed = read_import(path)
    assert (parsed.date_order, parsed.date_order_detected) == (None, False)
    (problem,) = parsed.problems
    assert (problem.row, problem.code, problem.value) == (None, "date_order_needed", "03/05/2024")
    assert "--date-order mdy" in problem.message
    assert problem.params == {"example_row": 2, "example_column": "Hire date"}
    assert parsed.rows == []

    chosen = read_import(path, date_order="mdy")
    assert (chosen.date_order, chosen.date_order_detected) == ("mdy", False)
    assert chosen.clean
    assert [(r.name, r.hire_date, r.exit_date) for r in chosen.rows] == [
        ("Ann", date(2024, 3, 5), None),
        ("Bob", date(2024, 4, 6), date(2024, 5, 7)),
    ]
    assert read_import(path, date_order="dmy").rows[0].hire_date == date(2024, 5, 3)


def test_dates_written_in_both_orders_conflict(write_csv):
    path = write_csv([["Name", "Hire date"], ["Ann", "25/12/2024"], ["Bob", "12/25/2024"]])
    parsed = read_import(path)
    (problem,) = parsed.problems
    assert problem.code == "date_order_conflict"
    assert problem.params == {"dmy_row": 2, "dmy_value": "25/12/2024", "mdy_row": 3,
                              "mdy_value": "12/25/2024"}  # fmt: skip
    assert parsed.date_order is None
    # with the order chosen, the other rows are wrong dates
    chosen = read_import(path, date_order="dmy")
    assert codes(chosen) == [(3, "Hire date", "bad_date")]
    assert chosen.problems[0].message == (
        "row 3, column Hire date: 12/25/2024 is not a date (read as day/month/year)"
    )


def test_a_file_without_slash_dates_needs_no_order(write_csv):
    path = write_csv([["Name", "Hire date"], ["Ann", "2024-03-05"], ["Bob", "05/05/2024"]])
    parsed = read_import(path)
    assert (parsed.date_order, parsed.date_order_detected) == (None, True)
    assert [r.hire_date for r in parsed.rows] == [date(2024, 3, 5), date(2024, 5, 5)]


def test_two_digit_years_are_refused(write_csv):
    path = write_csv([["Name", "Hire date"], ["Ann", "03/05/24"]])
    parsed = read_import(path, date_order="mdy")
    (problem,) = parsed.problems
    assert (problem.row, problem.column, problem.code, problem.value) == (
        2,
        "Hire date",
        "two_digit_year",
        "03/05/24",
    )
    assert "four digits" in problem.message


def test_a_date_with_a_time_of_day_is_refused(write_csv):
    path = write_csv([["Name", "Hire date"], ["Ann", "2024-03-05 00:00:00"],
                      ["Bob", "2024-03-05 09:30"]])  # fmt: skip
    parsed = read_import(path)
    assert codes(parsed) == [(3, "Hire date", "bad_date")]
    assert parsed.rows[0].hire_date == date(2024, 3, 5)


# --- preview, progress, cancel ------------------------------------------------------------


def test_the_preview_holds_the_first_20_rows(write_csv):
    rows = [["Name", "Hire date"]] + [[f"P{n}", "2024-03-05"] for n in range(30)]
    parsed = read_import(write_csv(rows))
    assert parsed.row_count == 30
    assert len(parsed.preview) == 20
    assert parsed.preview[19] == ["P19", "2024-03-05"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_progress_is_told_and_cancel_stops(write_csv, write_xlsx, kind):
    rows = [["Name", "Hire date"]] + [[f"P{n}", "2024-03-05"] for n in range(5000)]
    path = write_csv(rows) if kind == "csv" else write_xlsx(rows)
    seen: list[tuple[int, int]] = []
    parsed = read_import(path, progress=lambda done, total: seen.append((done, total)))
    assert len(parsed.rows) == 5000
    assert len(seen) >= 3
    assert all(0 <= done <= total for done, total in seen if total)
    assert seen[-1][0] == seen[-1][1] > 0

    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(Cancelled):
        read_import(path, cancelled=cancelled)


# --- XLSX parts as other programs write them ----------------------------------------------


def test_shared_strings_date_styles_and_cell_kinds(handmade_xlsx):
    strings = ["工号", "姓名", "入职日期", "离职日期", "王芳", "李雷", "韩梅", "备注"]
    sheet = (
        "<sheetData>"
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>7</v></c>'
        "</row>"
        # a date serial in a date style; a boolean note
        '<row r="2"><c r="A2"><v>1001</v></c><c r="B2" t="s"><v>4</v></c>'
        '<c r="C2" s="1"><v>45356</v></c><c r="E2" t="b"><v>1</v></c></row>'
        # an ISO date cell, an error value in the notes
        '<row r="4"><c r="A4" t="str"><v>A2</v></c><c r="B4" t="s"><v>5</v></c>'
        '<c r="C4" t="d"><v>2024-03-06T00:00:00</v></c><c r="E4" t="e"><v>#N/A</v></c></row>'
        # a serial number without a date style is no date
        '<row r="5"><c r="A5"><v>3</v></c><c r="B5" t="s"><v>6</v></c>'
        '<c r="C5"><v>45356</v></c></row>'
        "</sheetData>"
    )
    parsed = read_import(handmade_xlsx(sheet, strings))
    assert parsed.sheet == "名单"
    assert parsed.headers == ["工号", "姓名", "入职日期", "离职日期", "备注"]
    assert parsed.rows == [
        ImportRow(row=2, name="王芳", hire_date=date(2024, 3, 5), employee_no="1001",
                  notes="TRUE"),
        ImportRow(row=4, name="李雷", hire_date=date(2024, 3, 6), employee_no="A2",
                  notes="#N/A"),
    ]  # fmt: skip
    assert codes(parsed) == [(5, "入职日期", "bad_date")]
    assert parsed.problems[0].value == "45356"


def test_rich_and_phonetic_shared_strings(handmade_xlsx):
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>Name</t></si><si><t>Hire date</t></si>"
        '<si><r><rPr><b/></rPr><t>王</t></r><r><t xml:space="preserve">芳 </t></r>'
        '<rPh sb="0" eb="1"><t>wang</t></rPh></si>'
        "<si><t>line_x000A_break</t></si><si><t>Notes</t></si></sst>"
    )
    sheet = (
        '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>4</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>45356</v></c>'
        '<c r="C2" t="s"><v>3</v></c></row></sheetData>'
    )
    (row,) = read_import(handmade_xlsx(sheet, strings)).rows
    assert (row.name, row.notes) == ("王芳", "line\nbreak")


def test_prefixed_elements_and_rows_without_references(handmade_xlsx):
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{main}"><x:sheetData>'
        '<x:row><x:c t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c>'
        '<x:c t="inlineStr"><x:is><x:t>Hire date</x:t></x:is></x:c></x:row>'
        '<x:row><x:c t="inlineStr"><x:is><x:t>Ann</x:t></x:is></x:c>'
        '<x:c t="inlineStr"><x:is><x:t>2024-03-05</x:t></x:is></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    )
    parsed = read_import(handmade_xlsx(sheet))
    assert parsed.rows == [ImportRow(row=2, name="Ann", hire_date=date(2024, 3, 5))]


def test_shared_formulas_are_named_with_their_own_text(handmade_xlsx):
    sheet = (
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Hire date</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Ann</t></is></c>'
        '<c r="B2" s="1"><f t="shared" ref="B2:B3" si="0">D2+1</f><v>45356</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Bob</t></is></c>'
        '<c r="B3" s="1"><f t="shared" si="0"/><v>45357</v></c></row></sheetData>'
    )
    parsed = read_import(handmade_xlsx(sheet))
    assert [(p.row, p.column, p.code, p.value) for p in parsed.problems] == [
        (2, "Hire date", "formula", "=D2+1"),
        (3, "Hire date", "formula", "=D3+1"),
    ]


def test_the_public_openpyxl_loop_reads_the_same(write_xlsx, monkeypatch):
    """With an openpyxl whose reader classes are not the expected ones, the public
    read-only loop is used: the same rows and formulas (merged headers go unseen)."""
    from retention_desktop.sheets import reading

    path = write_xlsx([
        ["Title"],
        ["工号", "姓名", "入职日期", "离职日期"],
        [1001, "王芳", date(2024, 3, 5), None],
        [None, None, None, None],
        ["A2", "李雷", "=TODAY()", datetime(2025, 1, 2)],
    ])  # fmt: skip
    fast = read_import(path)
    monkeypatch.setattr(reading, "FAST_XLSX", False)
    public = read_import(path)
    assert public == fast
    assert codes(public) == [(5, "入职日期", "formula")]
    assert [(r.row, r.employee_no, r.hire_date) for r in public.rows] == [
        (3, "1001", date(2024, 3, 5))
    ]


def test_the_kind_of_file_is_told_by_its_content(write_csv, write_xlsx, tmp_path):
    rows = [["BMI", "Name", "Hire date"], ["x", "Ann", "2024-03-05"]]
    xlsx_named_csv = write_xlsx(rows, name="really-a-workbook.csv")
    csv_named_xlsx = write_csv(rows, name="really-text.xlsx")
    assert read_import(xlsx_named_csv).kind == "xlsx"
    assert read_import(csv_named_xlsx).kind == "csv"
    for path in (xlsx_named_csv, csv_named_xlsx):
        assert read_import(path).rows == [ImportRow(row=2, name="Ann", hire_date=date(2024, 3, 5))]
