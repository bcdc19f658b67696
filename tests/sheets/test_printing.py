"""The exported workbook reads and prints well: every sheet landscape A4, one page wide,
its header row on every page and a footer; multi-line cells wrapped in rows tall enough
for all their lines; the Monthly sheet's months as date cells; charts on the By team,
Tenure at exit and Survival sheets; the import template's notes whole. And the package
passes the strict check of what Excel refuses (ooxml_check), which catches a broken chart."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import ooxml_check
import pytest
from openpyxl import load_workbook
from test_export import C, charts_of_sheet, exit_row, export_data, refs, report, write

from retention_desktop.domain.metrics import SpellFact
from retention_desktop.sheets import labels
from retention_desktop.sheets.printing import (
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    WIDE_LINE_HEIGHT,
    display_width,
    row_height,
    text_lines,
)
from retention_desktop.sheets.template import write_template

HANDOVER = "\n".join(f"✓ 交接项 {n} handed over (2025-12-0{n})" for n in range(1, 6))
NOTES = "第一行：工作压力大。\n第二行：排班时间长。\nThird line."


def exits_with_long_text() -> list[tuple]:
    return [
        exit_row(handover=HANDOVER, conversation_notes=NOTES),
        exit_row("A3", handover="✓ one item", conversation_notes=""),
    ]


# --- printing ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_sheet_prints_landscape_a4_one_page_wide_with_its_header_and_a_footer(tmp_path, lang):
    book = load_workbook(write(tmp_path, export_data(lang)))
    assert len(book.worksheets) == 9
    for index, sheet in enumerate(book.worksheets):
        name = sheet.title
        assert sheet.page_setup.orientation == "landscape", name
        assert int(sheet.page_setup.paperSize) == 9, name  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert int(sheet.page_setup.fitToWidth) == 1, name
        assert int(sheet.page_setup.fitToHeight) == 0, name  # as many pages tall as needed
        assert sheet.oddFooter.left.text == "&A", name  # the sheet's name
        assert sheet.oddFooter.right.text == "&P / &N", name  # page / pages
        assert 0.4 <= sheet.page_margins.left <= 1.0, name
        assert sheet.page_margins.bottom > sheet.page_margins.footer, name
        if index:  # the tables: their header row on every printed page
            assert sheet.print_title_rows == "$1:$1", name


# --- multi-line cells ----------------------------------------------------------------------


def test_multi_line_cells_wrap_and_their_rows_are_tall_enough(tmp_path):
    path = write(tmp_path, export_data(exits=exits_with_long_text()))
    sheet = load_workbook(path)["Exits"]
    headers = [c.value for c in sheet[1]]
    handover = headers.index("Handover") + 1
    notes = headers.index("Exit conversation notes") + 1
    cell = sheet.cell(row=2, column=handover)
    assert cell.value == HANDOVER  # whole, its line breaks kept
    assert cell.alignment.wrap_text
    assert cell.alignment.vertical == "top"
    assert sheet.cell(row=2, column=notes).alignment.wrap_text
    # five lines of handover: the row holds them all, every cell of it at the top
    height = sheet.row_dimensions[2].height
    assert height == row_height(5, wide=True) >= 5 * WIDE_LINE_HEIGHT
    assert sheet.cell(row=2, column=1).alignment.vertical == "top"
    assert sheet.cell(row=2, column=5).alignment.vertical == "top"
    assert sheet.cell(row=2, column=5).number_format == "yyyy-mm-dd"  # formats kept
    # a one-line row keeps the default height and no style of its own
    assert sheet.row_dimensions[3].height is None
    assert not sheet.cell(row=3, column=handover).alignment.wrap_text


def test_a_text_wider_than_its_column_wraps_too(tmp_path):
    from test_export import employee

    long_position = "Team lead of the after-sales customer service, " * 4
    path = write(tmp_path, export_data(employees=[employee(position=long_position)]))
    sheet = load_workbook(path)["Employees"]
    width = sheet.column_dimensions["D"].width
    assert width == 60
    assert sheet["D2"].alignment.wrap_text
    lines = text_lines(long_position, width)
    assert sheet.row_dimensions[2].height == row_height(lines) == lines * LINE_HEIGHT + 3 > 30


def test_text_lines_count_wide_characters_twice_and_are_capped():
    assert text_lines("abc", 10) == 1
    assert text_lines("a\nb\n\nc", 10) == 4
    assert display_width("工作压力") == 8
    assert text_lines("工" * 20, 21.5) == 2  # 40 columns in 20 usable
    assert text_lines("x" * 20, 21.5) == 1
    assert MAX_ROW_HEIGHT - LINE_HEIGHT < row_height(text_lines("line\n" * 1000, 20)) <= 409


# --- the months ----------------------------------------------------------------------------


def test_the_monthly_sheets_months_are_date_cells_shown_as_year_and_month(tmp_path):
    data = export_data("zh_CN")
    sheet = load_workbook(write(tmp_path, data))["月度"]
    cells = [sheet.cell(row=n, column=1) for n in range(2, 14)]
    assert [c.value for c in cells] == [
        datetime(*map(int, m.month.split("-")), 1) for m in data.report.monthly
    ]
    assert all(c.is_date and c.number_format == "yyyy-mm" for c in cells)
    assert sheet.column_dimensions["A"].width >= 8


# --- charts --------------------------------------------------------------------------------


def title_of(chart) -> str:
    return "".join(chart.find(f"{{{C}}}chart/{{{C}}}title").itertext())


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_charts_on_the_team_tenure_and_survival_sheets(tmp_path, lang):
    data = export_data(lang)
    path = write(tmp_path, data)
    names = labels.sheet_names(lang)
    (team,) = charts_of_sheet(path, 4)
    bar = team.find(f"{{{C}}}chart/{{{C}}}plotArea/{{{C}}}barChart")
    assert bar.find(f"{{{C}}}barDir").get("val") == "bar"
    last = len(data.report.by_team) + 1
    assert refs(bar) == [f"'{names[3]}'!D1", f"'{names[3]}'!$A$2:$A${last}",
                         f"'{names[3]}'!$D$2:$D${last}"]  # fmt: skip
    assert title_of(team) == labels.CHARTS["team_title"][lang]

    (tenure,) = charts_of_sheet(path, 5)
    bar = tenure.find(f"{{{C}}}chart/{{{C}}}plotArea/{{{C}}}barChart")
    assert bar.find(f"{{{C}}}barDir").get("val") == "col"
    last = len(data.report.tenure_at_exit) + 1
    assert refs(bar)[2] == f"'{names[4]}'!$B$2:$B${last}"
    assert title_of(tenure) == labels.CHARTS["tenure_title"][lang]

    (survival,) = charts_of_sheet(path, 9)
    plot = survival.find(f"{{{C}}}chart/{{{C}}}plotArea")
    scatter = plot.find(f"{{{C}}}scatterChart")
    last = len(data.report.survival.steps) + 1
    series = scatter.findall(f"{{{C}}}ser")
    assert len(series) == 3  # the curve and its 95% range
    x = series[0].find(f"{{{C}}}xVal")
    y = series[0].find(f"{{{C}}}yVal")
    assert "".join(x.itertext()) == f"'{names[8]}'!$A$2:$A${last}"
    assert "".join(y.itertext()) == f"'{names[8]}'!$B$2:$B${last}"
    assert title_of(survival) == labels.CHARTS["survival_title"][lang]
    for axis in plot.findall(f"{{{C}}}valAx"):  # both axes shown and titled
        assert axis.find(f"{{{C}}}delete").get("val") == "0"
        assert "".join(axis.find(f"{{{C}}}title").itertext())


def test_no_chart_without_figures(tmp_path):
    quiet = [SpellFact(datetime(2020, 1, 1).date(), None, "仓储")]
    data = export_data(employees=[], exits=[], actions=[], report=report("en", quiet))
    path = write(tmp_path, data)
    assert charts_of_sheet(path, 9) == []  # no hire in the period: no curve
    assert charts_of_sheet(path, 2)  # the months are always charted


# --- the strict check ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_workbook_passes_the_strict_package_and_chart_check(tmp_path, lang):
    path = write(tmp_path, export_data(lang, exits=exits_with_long_text()))
    with zipfile.ZipFile(path) as archive:
        assert len([n for n in archive.namelist() if n.startswith("xl/charts/")]) == 5
    assert ooxml_check.problems(path) == []
    load_workbook(path)  # and openpyxl reads it back


def rewritten(path: Path, target: Path, part: str, change) -> Path:
    shutil.copyfile(path, target)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    if change is None:
        del parts[part]
    else:
        parts[part] = change(parts[part].decode()).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


CORRUPTIONS = {
    "an unknown element": lambda x: x.replace("<axPos ", "<bogus /><axPos ", 1),
    "elements out of order": lambda x: re.sub(
        r'(<delete val="0" />)(<axPos val="\w" />)', r"\2\1", x, count=1
    ),
    "a required element missing": lambda x: re.sub(r'<crossAx val="\d+" />', "", x, count=1),
    "a value not in its list": lambda x: x.replace('<barDir val="col" />', '<barDir val="up" />'),
    "a number out of range": lambda x: x.replace('<overlap val="100" />', '<overlap val="101" />'),
    "a required attribute missing": lambda x: x.replace('<axId val="10" />', "<axId />", 1),
    "an unknown attribute": lambda x: x.replace("<plotArea>", '<plotArea size="2">', 1),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_the_strict_check_catches_an_invalid_chart(tmp_path, corruption):
    path = write(tmp_path, export_data())
    broken = rewritten(path, tmp_path / "broken.xlsx", "xl/charts/chart1.xml",
                       CORRUPTIONS[corruption])  # fmt: skip
    found = ooxml_check.problems(broken)
    assert found
    assert all(p.startswith("xl/charts/chart1.xml") for p in found), found


def test_the_strict_check_catches_a_broken_package(tmp_path):
    path = write(tmp_path, export_data())
    without_type = rewritten(
        path, tmp_path / "a.xlsx", "[Content_Types].xml",
        lambda x: re.sub(r'<Override PartName="/xl/charts/chart2.xml"[^>]*/>', "", x),
    )  # fmt: skip
    assert ooxml_check.problems(without_type) == [  # the Default for .xml applies
        "xl/charts/chart2.xml: content type application/xml, not "
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
    ]
    without_part = rewritten(path, tmp_path / "b.xlsx", "xl/charts/chart2.xml", None)
    found = ooxml_check.problems(without_part)
    assert any("not in the package" in p for p in found), found


# --- the import template -------------------------------------------------------------------


def test_the_templates_notes_are_whole_and_print_on_one_page_width(tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(path)
    assert ooxml_check.problems(path) == []
    book = load_workbook(path)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.fitToWidth) == 1
        assert int(sheet.page_setup.fitToHeight) == 0
        assert sheet.print_title_rows == "$1:$1"
    notes = book.worksheets[1]
    widths = [notes.column_dimensions[letter].width for letter in "ABCD"]
    for row in notes.iter_rows(min_row=2):
        height = max(row_height(text_lines(str(c.value), w), not str(c.value).isascii())
                     for c, w in zip(row, widths, strict=True) if c.value)  # fmt: skip
        assert notes.row_dimensions[row[0].row].height == height
        assert all(c.alignment.wrap_text for c in row)
    # the longest note (the ways of leaving) takes more than one line, in both languages
    tallest = max(notes.row_dimensions[n].height for n in range(2, notes.max_row + 1))
    assert tallest >= row_height(2)
