"""The Excel export: sheets and headers in both languages, every figure equal to the
report's, number formats, layout, native charts, user text never a formula, long text split
and recoverable, an atomic write that a cancel or an error leaves untouched, progress."""

from __future__ import annotations

import re
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from retention_desktop.domain.catalog import INVOLUNTARY, VOLUNTARY
from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.metrics import SpellFact, Terms, compute_report
from retention_desktop.sheets import export, labels
from retention_desktop.sheets.export import CELL_LIMIT, REPORT_STEPS, write_workbook
from retention_desktop.sheets.model import (
    ACTION_COLUMNS,
    EMPLOYEE_COLUMNS,
    EXIT_COLUMNS,
    FIELDS,
    HEADERS,
    Cancelled,
    ExportData,
)

PERIOD = Period(Month(2025, 11), Month(2026, 10))
TODAY = date(2026, 11, 15)
GENERATED = datetime(2026, 11, 15, 9, 30)
EN_SHEETS = [
    "Summary", "Monthly", "By reason", "By team", "Tenure at exit", "Employees", "Exits",
    "Actions", "Survival",
]  # fmt: skip
ZH_SHEETS = ["汇总", "月度", "离职原因", "部门", "离职时司龄", "员工", "离职记录", "留人措施",
             "新人留存"]  # fmt: skip
RISKY = ["=", "+", "-", "@", "\t", "\r", "\n"]
# 70,000 characters: Chinese, ASCII, line breaks and a character outside the BMP (two
# UTF-16 units in Excel's count), so that a cut by Python characters would be wrong.
LONG_NOTE = ("面谈记录:压力大,排班时间长。Pressure and long shifts.\n😀" * 1800)[:70_000]
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

FACTS = [
    SpellFact(date(2024, 1, 1), date(2025, 12, 3), "售前客服", VOLUNTARY, "薪资待遇"),
    SpellFact(date(2025, 12, 1), None, "售前客服"),
    SpellFact(date(2024, 5, 1), date(2026, 2, 3), "售后客服", INVOLUNTARY, "试用期不合格"),
    SpellFact(date(2026, 1, 5), date(2026, 1, 20), "售后客服", VOLUNTARY, None),
    SpellFact(date(2026, 3, 2), date(2026, 8, 31), "仓储", VOLUNTARY, "=1+1"),
    SpellFact(date(2023, 1, 1), None, "仓储"),
    SpellFact(date(2022, 6, 1), None, "售前客服"),
    SpellFact(date(2025, 7, 7), None, ""),
]


def report(lang: str = "en", facts=FACTS):
    return compute_report(facts, PERIOD, today=TODAY, lang=lang, terms=Terms(1200.5, 300))


def employee(no="A1", name="王芳", notes="", **changes) -> tuple:
    row = {
        "employee_no": no, "name": name, "team": "售前客服", "position": "客服专员",
        "hire_date": date(2024, 1, 1), "exit_date": date(2025, 12, 3), "exit_type": "voluntary",
        "exit_reason": "薪资待遇", "phone": "13800000000", "notes": notes, "employed": False,
        "days_employed": 702, "exit_way": "辞职", "destination": "同行网店",
    }  # fmt: skip
    row.update(changes)
    return tuple(row[c.key] for c in EMPLOYEE_COLUMNS)


def exit_row(no="A1", **changes) -> tuple:
    row = {
        "employee_no": no, "name": "王芳", "team": "售前客服", "position": "客服专员",
        "hire_date": date(2024, 1, 1), "exit_date": date(2025, 12, 3), "notice_date": None,
        "exit_type": "voluntary", "exit_reason": "薪资待遇",
        "further_reasons": "工作压力大、培训不足", "regrettable": True,
        "eligible_for_rehire": None, "days_employed": 702, "handover_done": 1,
        "handover_items": 3, "handover": "✓ 交接客户投诉 (2025-12-01)\n✗ 账号权限",
        "conversation_notes": "", "exit_way": "辞职", "destination": "同行网店",
        "keep_tried": True, "keep_offer": "薪资评估",
    }  # fmt: skip
    row.update(changes)
    return tuple(row[c.key] for c in EXIT_COLUMNS)


def action(no="A1", **changes) -> tuple:
    row = {
        "employee_no": no, "name": "王芳", "team": "售前客服", "action_type": "一对一谈心",
        "title": "季度谈心", "planned_date": date(2026, 1, 5), "due_date": date(2026, 1, 31),
        "owner": "店长", "cost": 199.99, "status": "done", "done_date": date(2026, 1, 20),
        "outcome": "愿意留下", "notes": None,
    }  # fmt: skip
    row.update(changes)
    return tuple(row[c.key] for c in ACTION_COLUMNS)


EMPLOYEES = [
    employee(),
    employee("A2", "李娜", team=None, position=None, exit_date=None, exit_type=None,
             exit_reason=None, phone=None, notes=None, employed=True, days_employed=350),
    employee("A3", "Zhang Wei", exit_type="involuntary", exit_reason="试用期不合格",
             notes=LONG_NOTE),
]  # fmt: skip
EXITS = [
    exit_row(),
    exit_row("A3", exit_type="involuntary", regrettable=False, eligible_for_rehire=False,
             notice_date=date(2025, 11, 20)),
]  # fmt: skip
ACTIONS = [
    action(),
    action("A2", name="李娜", status="planned", cost=None, done_date=None, outcome=None),
    action(None, name="", action_type="团队培训", status="cancelled", cost=1234.5),
]


def export_data(lang="en", *, employees=EMPLOYEES, exits=EXITS, actions=ACTIONS, **kw):
    values = {
        "lang": lang, "shop_name": "小店 Little Shop", "generated_at": GENERATED,
        "period": PERIOD, "team": None, "currency": "¥", "report": report(lang),
        "employees": employees, "exits": exits, "actions": actions,
    }  # fmt: skip
    values.update(kw)
    return ExportData(**values)


def write(tmp_path: Path, data: ExportData, name="out.xlsx", **kw) -> Path:
    path = tmp_path / name
    write_workbook(path, data, **kw)
    return path


def table(sheet) -> list[tuple]:
    """The rows of a sheet's table, header first, up to the first empty row."""
    rows = []
    for row in sheet.iter_rows(values_only=True):
        if all(v is None for v in row):
            break
        rows.append(row)
    return rows


def summary_values(sheet) -> dict:
    """Label in column A -> value in column B, for every Summary row."""
    return {a: b for a, b, *_ in sheet.iter_rows(values_only=True) if a is not None}


def sheet_xml(path: Path, index: int) -> ElementTree.Element:
    with zipfile.ZipFile(path) as archive:
        return ElementTree.fromstring(archive.read(f"xl/worksheets/sheet{index}.xml"))


def charts_of_sheet(path: Path, index: int) -> list[ElementTree.Element]:
    """The chart XML of the charts on the `index`-th sheet, found through the relations."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        rels = f"xl/worksheets/_rels/sheet{index}.xml.rels"
        if rels not in names:
            return []
        drawings = re.findall(r'Target="([^"]*drawing\d+\.xml)"', archive.read(rels).decode())
        charts = []
        for drawing in drawings:
            base = drawing.rsplit("/", 1)[-1]
            drels = archive.read(f"xl/drawings/_rels/{base}.rels").decode()
            for target in re.findall(r'Target="([^"]*chart\d+\.xml)"', drels):
                name = "xl/charts/" + target.rsplit("/", 1)[-1]
                charts.append(ElementTree.fromstring(archive.read(name)))
        return charts


# --- sheets and headers --------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "names"), [("en", EN_SHEETS), ("zh_CN", ZH_SHEETS)])
def test_sheet_names_and_headers_in_each_language(tmp_path, lang, names):
    book = load_workbook(write(tmp_path, export_data(lang)))
    assert book.sheetnames == names == labels.sheet_names(lang)
    employees, exits, actions = (book[n] for n in names[5:8])
    employee_headers = [c.value for c in employees[1]]
    # the import format's columns first, under exactly the import template's headers
    assert employee_headers[: len(FIELDS)] == [HEADERS[f][lang] for f in FIELDS]
    assert employee_headers == [labels.COLUMNS[c.key][lang] for c in EMPLOYEE_COLUMNS] + [
        labels.CONTINUED[lang].format(header=HEADERS["notes"][lang], n=n) for n in (1, 2)
    ]
    assert [c.value for c in exits[1]] == [labels.COLUMNS[c.key][lang] for c in EXIT_COLUMNS]
    assert [c.value for c in actions[1]] == [labels.COLUMNS[c.key][lang] for c in ACTION_COLUMNS]
    monthly = [c.value for c in book[names[1]][1]]
    assert monthly == [labels.MONTHLY[k][lang] for k in labels.MONTHLY]
    if lang == "zh_CN":
        assert employee_headers[:3] == ["工号", "姓名", "部门"]
        assert monthly[4:6] == ["主动离职", "被动离职"]
    else:
        assert employee_headers[:3] == ["Employee no.", "Name", "Team"]


def test_every_label_has_both_languages():
    tables = [
        labels.SHEETS, labels.COLUMNS, labels.MONTHLY, labels.BY_REASON, labels.BY_TEAM,
        labels.TENURE, labels.SURVIVAL_CURVE, labels.SUMMARY, labels.FIGURES, labels.CHARTS,
        labels.WORDS,
    ]  # fmt: skip
    for entries in tables:
        for key, texts in entries.items():
            assert set(texts) == {"en", "zh_CN"}, key
            assert all(texts.values()), key
    for name in labels.sheet_names("en") + labels.sheet_names("zh_CN"):
        assert len(name) <= 31
        assert not set(name) & set("[]:*?/\\")


# --- the figures ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_figure_equals_the_report(tmp_path, lang):
    data = export_data(lang)
    expected = data.report.to_json()
    book = load_workbook(write(tmp_path, data))
    names = labels.sheet_names(lang)

    summary = summary_values(book[names[0]])
    for key, value in expected["summary"].items():
        assert summary[labels.FIGURES[key][lang]] == value, key
    for days, share in expected["new_hire_survival"].items():
        assert summary[labels.SURVIVAL[lang].format(days=days)] == share
    for item in expected["seasonality"]:
        month = labels.MONTH_NAMES[lang][item["month_of_year"] - 1]
        assert summary[month] == item["separations"]
    assert summary[labels.SUMMARY["period"][lang]] == labels.period_text(
        "2025-11", "2026-10", 12, lang
    )
    assert summary[labels.SUMMARY["team"][lang]] == labels.SUMMARY["all_teams"][lang]
    assert summary[labels.SUMMARY["shop"][lang]] == "小店 Little Shop"
    assert summary[labels.SUMMARY["generated_at"][lang]] == GENERATED

    monthly = table(book[names[1]])[1:]
    first_days = [datetime(*map(int, m["month"].split("-")), 1) for m in expected["monthly"]]
    assert monthly == [(day, *list(m.values())[1:])
                       for day, m in zip(first_days, expected["monthly"], strict=True)]  # fmt: skip
    assert table(book[names[2]])[1:] == [tuple(r.values()) for r in expected["by_reason"]]
    assert table(book[names[3]])[1:] == [tuple(t.values()) for t in expected["by_team"]]
    assert table(book[names[4]])[1:] == [tuple(b.values()) for b in expected["tenure_at_exit"]]


def test_the_period_text_in_english():
    assert labels.period_text("2025-11", "2026-10", 12, "en") == "2025-11 – 2026-10 (12 months)"
    assert labels.period_text("2026-01", "2026-01", 1, "en") == "2026-01 (1 month)"


def test_fractions_keep_every_digit(tmp_path):
    data = export_data()
    exact = 0.1 + 0.2  # 0.30000000000000004: 17 significant digits
    assert float(f"{exact:.16g}") != exact
    data.report.monthly[0].turnover_rate = exact
    data.report.summary.average_headcount = 2 / 3 + 1e-15
    book = load_workbook(write(tmp_path, data))
    assert book["Monthly"]["I2"].value == exact
    summary = summary_values(book["Summary"])
    assert summary["Average headcount"] == 2 / 3 + 1e-15


def test_a_team_export_names_its_team(tmp_path):
    data = export_data("zh_CN", team="售前客服")
    summary = summary_values(load_workbook(write(tmp_path, data))["汇总"])
    assert summary["部门"] == "售前客服"


# --- formats and layout --------------------------------------------------------------------


def test_number_formats(tmp_path):
    data = export_data(currency="US$")
    book = load_workbook(write(tmp_path, data))
    employees = book["Employees"]
    hired = employees["E2"]
    assert hired.is_date
    assert hired.value == datetime(2024, 1, 1)
    assert hired.number_format == "yyyy-mm-dd"
    assert employees["F3"].value is None  # still employed: no exit date
    assert employees["N2"].value == 702
    assert employees["N2"].number_format == "#,##0"
    actions = book["Actions"]
    assert actions["I2"].value == 199.99
    assert actions["I2"].number_format == '"US$"#,##0.00'
    assert actions["I3"].value is None
    assert actions["F2"].number_format == "yyyy-mm-dd"
    monthly = book["Monthly"]
    assert monthly["I3"].number_format == "0.0%"
    assert monthly["H3"].number_format == "#,##0.0"
    assert monthly["B3"].number_format == "#,##0"
    assert book["By reason"]["C2"].number_format == "0.0%"
    assert book["By team"]["D2"].number_format == "0.0%"
    summary = book["Summary"]
    by_label = {row[0].value: row[1] for row in summary.iter_rows(max_col=2) if row[0].value}
    assert by_label["Turnover rate (period)"].number_format == "0.0%"
    assert by_label["Turnover cost"].number_format == '"US$"#,##0.00'
    assert by_label["Turnover cost"].value == data.report.summary.turnover_cost
    assert by_label["Separations"].number_format == "#,##0"
    assert by_label["Generated"].number_format == "yyyy-mm-dd hh:mm"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_words_for_yes_no_exit_types_and_statuses(tmp_path, lang):
    book = load_workbook(write(tmp_path, export_data(lang)))
    names = labels.sheet_names(lang)
    employees = table(book[names[5]])
    exits = table(book[names[6]])
    actions = table(book[names[7]])
    yes, no = ("yes", "no") if lang == "en" else ("是", "否")
    voluntary, involuntary = ("voluntary", "involuntary") if lang == "en" else ("主动", "被动")
    assert [r[6] for r in employees[1:]] == [voluntary, None, involuntary]
    assert [r[12] for r in employees[1:]] == [no, yes, no]
    assert [r[10:12] for r in exits[1:]] == [(yes, None), (no, no)]
    statuses = [labels.WORDS[s][lang] for s in ("done", "planned", "cancelled")]
    assert [r[9] for r in actions[1:]] == statuses
    # None is an empty cell, never the text "None"
    assert employees[2][2] is None
    assert employees[2][9] is None


def test_layout_frozen_header_filter_widths_and_header_style(tmp_path):
    employees = [*EMPLOYEES, employee("A4", position="Team lead, " * 20)]
    path = write(tmp_path, export_data(employees=employees))
    book = load_workbook(path)
    ends = {"Monthly": "I13", "By reason": "C5", "By team": "D5", "Tenure at exit": "B7",
            "Employees": "P5", "Exits": "U3", "Actions": "M4"}  # fmt: skip
    for name, end in ends.items():
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref == f"A1:{end}", name
        header = sheet["A1"]
        assert header.font.b
        assert header.fill.fgColor.rgb.endswith("DDEBF7")
        assert header.border.bottom.style == "thin"
        last_column = re.match(r"[A-Z]+", end).group()
        for letter in "ABCDEFGHIJKLMNOPQRSTU"[: "ABCDEFGHIJKLMNOPQRSTU".index(last_column) + 1]:
            width = sheet.column_dimensions[letter].width
            assert 8 <= width <= 60, (name, letter, width)
    employees = book["Employees"]
    widths = {c: employees.column_dimensions[c].width for c in "ABCDJ"}
    # 'Employee no.' on two lines ('Employee', 8, + 3): the values (A1…) are narrower
    assert widths["A"] == 11
    header = employees["A1"]
    assert header.alignment.wrap_text
    assert employees.row_dimensions[1].height >= 2 * 15  # two lines show
    assert widths["C"] >= 2 * len("售前客服")  # CJK counts twice
    assert widths["D"] == 60  # capped
    # the longest line of the long note: 24 CJK, emoji and full-width signs, 27 ASCII
    assert widths["J"] == 57
    assert book["Summary"].column_dimensions["A"].width > 8


def test_an_empty_export(tmp_path):
    quiet = [SpellFact(date(2020, 1, 1), None, "仓储")]
    data = export_data("zh_CN", employees=[], exits=[], actions=[], report=report("zh_CN", quiet))
    path = write(tmp_path, data)
    book = load_workbook(path)
    assert book["员工"].auto_filter.ref == "A1:N1"
    assert table(book["离职原因"]) == [("离职原因", "离职人数", "占比")]
    summary = summary_values(book["汇总"])
    assert summary["流失率（期间）"] == 0.0
    assert summary["早期流失（入职 90 天内离职）"] is None  # null in the report: an empty cell
    assert len(charts_of_sheet(path, 2)) == 1  # the monthly chart
    assert charts_of_sheet(path, 3) == []  # no reasons, no chart


# --- charts --------------------------------------------------------------------------------


def refs(chart: ElementTree.Element) -> list[str]:
    return [f.text for f in chart.iter(f"{{{C}}}f")]


def test_the_monthly_chart_stacks_exit_types_with_the_rate_on_a_second_axis(tmp_path):
    path = write(tmp_path, export_data())
    with zipfile.ZipFile(path) as archive:
        assert "xl/charts/chart1.xml" in archive.namelist()
    (chart,) = charts_of_sheet(path, 2)
    plot = chart.find(f"{{{C}}}chart/{{{C}}}plotArea")
    bar, line = plot.find(f"{{{C}}}barChart"), plot.find(f"{{{C}}}lineChart")
    assert bar.find(f"{{{C}}}grouping").get("val") == "stacked"
    assert refs(bar) == [
        "'Monthly'!E1", "'Monthly'!$A$2:$A$13", "'Monthly'!$E$2:$E$13",
        "'Monthly'!F1", "'Monthly'!$A$2:$A$13", "'Monthly'!$F$2:$F$13",
    ]  # fmt: skip
    assert refs(line) == ["'Monthly'!I1", "'Monthly'!$A$2:$A$13", "'Monthly'!$I$2:$I$13"]
    assert [a.get("val") for a in line.findall(f"{{{C}}}axId")] == ["500", "200"]
    values = {a.find(f"{{{C}}}axId").get("val"): a for a in plot.findall(f"{{{C}}}valAx")}
    assert set(values) == {"100", "200"}
    secondary = values["200"]
    assert secondary.find(f"{{{C}}}crosses").get("val") == "max"
    assert secondary.find(f"{{{C}}}numFmt").get("formatCode") == "0.0%"
    assert secondary.find(f"{{{C}}}crossAx").get("val") == "500"
    categories = {a.find(f"{{{C}}}axId").get("val"): a for a in plot.findall(f"{{{C}}}catAx")}
    assert set(categories) == {"10", "500"}
    # the rate's own category axis is hidden (as Excel writes a secondary axis); the
    # months, both counts and the rate show, each with a title
    assert categories["500"].find(f"{{{C}}}delete").get("val") == "1"
    for axis in (categories["10"], values["100"], values["200"]):
        assert axis.find(f"{{{C}}}delete").get("val") == "0"
        assert "".join(axis.find(f"{{{C}}}title").itertext())
    assert "".join(chart.find(f"{{{C}}}chart/{{{C}}}title").itertext()) == (
        "Separations per month and turnover rate"
    )


def test_separations_without_a_type_are_charted_as_one_series(tmp_path):
    facts = [*FACTS, SpellFact(date(2024, 1, 1), date(2026, 4, 30), "仓储", None, None)]
    path = write(tmp_path, export_data(report=report("en", facts)))
    (chart,) = charts_of_sheet(path, 2)
    bar = chart.find(f"{{{C}}}chart/{{{C}}}plotArea/{{{C}}}barChart")
    assert refs(bar) == ["'Monthly'!D1", "'Monthly'!$A$2:$A$13", "'Monthly'!$D$2:$D$13"]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_reason_chart(tmp_path, lang):
    data = export_data(lang)
    path = write(tmp_path, data)
    (chart,) = charts_of_sheet(path, 3)
    plot = chart.find(f"{{{C}}}chart/{{{C}}}plotArea")
    bar = plot.find(f"{{{C}}}barChart")
    assert bar.find(f"{{{C}}}barDir").get("val") == "bar"
    sheet = labels.sheet_names(lang)[2]
    last = len(data.report.by_reason) + 1
    assert refs(bar) == [f"'{sheet}'!B1", f"'{sheet}'!$A$2:$A${last}", f"'{sheet}'!$B$2:$B${last}"]
    for axis in [*plot.findall(f"{{{C}}}catAx"), *plot.findall(f"{{{C}}}valAx")]:
        assert axis.find(f"{{{C}}}delete").get("val") == "0"
        assert "".join(axis.find(f"{{{C}}}title").itertext())
    title = "".join(chart.find(f"{{{C}}}chart/{{{C}}}title").itertext())
    assert title == labels.CHARTS["reason_title"][lang]


# --- user text -----------------------------------------------------------------------------


def test_user_text_is_never_a_formula(tmp_path):
    texts = [f"{start}1+2" for start in RISKY] + ["=", "#N/A", "#DIV/0!", '=HYPERLINK("x")']
    employees = [
        employee(f"=E{i}", name=text, team=text, position=text, exit_reason=text, phone=text,
                 notes=text)
        for i, text in enumerate(texts)
    ]  # fmt: skip
    exits = [exit_row(f"@{i}", name=text, further_reasons=text, handover=text,
                      conversation_notes=text) for i, text in enumerate(texts)]  # fmt: skip
    actions = [action(f"+{i}", title=text, owner=text, outcome=text, notes=text,
                      action_type=text) for i, text in enumerate(texts)]  # fmt: skip
    facts = [SpellFact(date(2024, 1, 1), date(2026, 1, 9), t, VOLUNTARY, t) for t in texts]
    data = export_data(employees=employees, exits=exits, actions=actions,
                       report=report("en", facts), shop_name="=cmd|' /C calc'!A0")  # fmt: skip
    path = write(tmp_path, data)

    for index in range(1, 9):
        root = sheet_xml(path, index)
        assert root.find(f".//{{{MAIN}}}f") is None, index
        for cell in root.iter(f"{{{MAIN}}}c"):
            assert cell.get("t") in (None, "n", "inlineStr"), (index, cell.get("r"))

    book = load_workbook(path)

    def as_written(text: str) -> str:
        return text.replace("\r", "\n")  # XML carries a line break as LF

    columns = {"Employees": "BCDHIJ", "Exits": "BJPQ", "Actions": "DEHLM"}
    for name, letters in columns.items():
        sheet = book[name]
        for row, text in enumerate(texts, start=2):
            for letter in letters:
                cell = sheet[f"{letter}{row}"]
                assert cell.data_type == "s", (name, cell.coordinate)
                assert cell.value == as_written(text), (name, cell.coordinate)
            assert sheet[f"A{row}"].value == data_first_column(name, row - 2)
            if text[0] in "=+-@" or text.startswith("#"):
                assert sheet[f"{letters[0]}{row}"].quotePrefix
    reasons = {row[0] for row in table(book["By reason"])[1:]}
    teams = {row[0] for row in table(book["By team"])[1:]}
    assert reasons == teams == {as_written(t) for t in texts}
    assert summary_values(book["Summary"])["Shop"] == "=cmd|' /C calc'!A0"


def data_first_column(sheet: str, index: int) -> str:
    return {"Employees": f"=E{index}", "Exits": f"@{index}", "Actions": f"+{index}"}[sheet]


def test_control_characters_are_escaped_not_refused(tmp_path):
    note = "before\x0bafter\x01"
    path = write(tmp_path, export_data(employees=[employee(notes=note)]))
    assert load_workbook(path)["Employees"]["J2"].value == "before_x000B_after_x0001_"


def test_a_text_longer_than_a_cell_continues_in_extra_columns(tmp_path):
    assert len(LONG_NOTE) == 70_000
    conversation = "离" * 40_000
    exits = [exit_row(conversation_notes=conversation), exit_row("A9", conversation_notes="短")]
    data = export_data("zh_CN", exits=exits)
    path = write(tmp_path, data)
    book = load_workbook(path)

    employees = book["员工"]
    headers = [c.value for c in employees[1]]
    assert headers[-2:] == ["备注（续 1）", "备注（续 2）"]
    row = list(employees[4])
    pieces = [row[9].value, row[14].value, row[15].value]
    assert "".join(pieces) == LONG_NOTE
    for piece in pieces:
        assert len(piece.encode("utf-16-le")) // 2 <= CELL_LIMIT
    assert len(pieces[0].encode("utf-16-le")) // 2 > 32_000  # the cell is filled, not chopped
    for cell in (row[9], row[14], row[15]):
        assert cell.fill.fgColor.rgb.endswith("FFF2CC")  # shaded: this text is split
    assert employees["J2"].value is None
    assert employees["O2"].value is None
    assert employees.auto_filter.ref == "A1:P4"

    exits_sheet = book["离职记录"]
    assert [c.value for c in exits_sheet[1]][-1] == "离职面谈记录（续 1）"
    assert exits_sheet["Q2"].value + exits_sheet["V2"].value == conversation
    assert exits_sheet["Q3"].value == "短"
    assert exits_sheet["V3"].value is None

    summary = [r[0] for r in book["汇总"].iter_rows(values_only=True) if r[0]]
    assert any("2 段" in line for line in summary)


# --- the write itself ----------------------------------------------------------------------


def many_employees(count: int) -> list[tuple]:
    return [employee(f"E{i:05d}", f"员工{i}", notes=f"note {i}") for i in range(count)]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture
def temp_folder(tmp_path, monkeypatch) -> Path:
    """The temporary folder of this test alone (openpyxl's write-only sheets put their rows
    in tempfile's folder), so what other processes write to the system's does not count."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def openpyxl_temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("openpyxl.*"))


@pytest.fixture
def every_100_rows(monkeypatch) -> None:
    """Progress told every 100 rows instead of 1,000: the same code with a tenth of the
    rows to write."""
    monkeypatch.setattr(export, "PROGRESS_EVERY", 100)


def test_progress_is_reported_up_to_the_total(tmp_path, every_100_rows):
    seen: list[tuple[int, int]] = []
    data = export_data(employees=many_employees(250))
    write(tmp_path, data, progress=lambda done, total: seen.append((done, total)))
    total = 250 + len(EXITS) + len(ACTIONS) + REPORT_STEPS
    assert {t for _, t in seen} == {total}
    done = [d for d, _ in seen]
    assert done == sorted(done)
    assert done[-1] == total
    # the five report sheets, then the rows by hundreds
    assert 105 in done
    assert 205 in done
    assert len(seen) < 30  # every ~100 rows, not every row


def test_a_cancel_midway_leaves_the_old_file_and_no_temporary_file(
    tmp_path, temp_folder, every_100_rows
):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"last week's workbook")
    calls = []
    during: list[list[str]] = []

    def cancelled() -> bool:
        calls.append(1)
        during.append(openpyxl_temporary_files(temp_folder))
        return len(calls) > 8  # after the report sheets, inside the Employees rows

    with pytest.raises(Cancelled):
        write_workbook(target, export_data(employees=many_employees(500)), cancelled=cancelled)
    assert target.read_bytes() == b"last week's workbook"
    assert leftovers(tmp_path) == []
    assert during[-1]  # the sheets' temporary files were in this test's folder ...
    assert list(temp_folder.iterdir()) == []  # ... and none is left


def test_a_failing_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path, temp_folder, every_100_rows
):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"last week's workbook")
    # the bad value after the rows the column widths are fitted to (export.SAMPLE_ROWS)
    bad = [*many_employees(export.SAMPLE_ROWS + 100), employee(days_employed=object())]
    during: list[list[str]] = []

    def progress(done: int, total: int) -> None:
        during.append(openpyxl_temporary_files(temp_folder))

    with pytest.raises(ValueError, match="Cannot convert"):
        write_workbook(target, export_data(employees=bad), progress=progress)
    assert target.read_bytes() == b"last week's workbook"
    assert leftovers(tmp_path) == []
    assert during[-1]  # the sheets' temporary files were in this test's folder ...
    assert list(temp_folder.iterdir()) == []  # ... and none is left


def test_a_cancel_before_anything_is_written(tmp_path):
    with pytest.raises(Cancelled):
        write_workbook(tmp_path / "new.xlsx", export_data(), cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_the_written_file_replaces_the_old_one(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"last week's workbook")
    write_workbook(str(target), export_data())
    assert load_workbook(target).sheetnames == EN_SHEETS
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(("lang", "heading"), [("en", "Retention actions planned in the period"),
                                               ("zh_CN", "本期计划的留人措施")])  # fmt: skip
def test_the_summary_counts_the_actions_of_the_period(tmp_path, lang, heading):
    from retention_desktop.domain.metrics import ActionFigures

    figures = ActionFigures([("Check-in", 2, 5, 1), ("Pay review", 0, 1, 0)], 2, 6, 1, 2300.5)
    sheet = load_workbook(write(tmp_path, export_data(lang, action_figures=figures))).worksheets[0]
    values = [tuple(c for c in row[:4]) for row in sheet.iter_rows(values_only=True)]
    at = next(n for n, row in enumerate(values) if row[0] == heading)
    assert values[at + 1] == ("Check-in", 2, 5, 1)
    assert values[at + 2] == ("Pay review", 0, 1, 0)
    assert values[at + 3][1:] == (2, 6, 1)
    assert values[at + 4][1] == 2300.5
    assert sheet.cell(row=at + 5, column=2).number_format.endswith("#,##0.00")
    # without figures, no such block
    plain = load_workbook(write(tmp_path, export_data(lang), name="plain.xlsx")).worksheets[0]
    assert heading not in [row[0] for row in plain.iter_rows(values_only=True)]


def test_the_survival_sheet_holds_the_curve_of_the_periods_hires(tmp_path):
    """A row per exit day of the Kaplan-Meier curve: the report's own figures."""
    data = export_data()
    target = tmp_path / "out.xlsx"
    write_workbook(target, data)
    sheet = load_workbook(target)["Survival"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Days since the hire date", "Still employed", "95% range from",
                       "95% range to", "Still observed")  # fmt: skip
    assert [tuple(r) for r in rows[1:]] == [tuple(step) for step in data.report.survival.steps]


@pytest.mark.parametrize(
    ("lang", "heading", "names", "set_as"),
    [
        ("en", "Peak seasons in the period", ("Spring Festival", "Double 11"),
         ("Spring Festival +7 to +35 days", "Every year 10-20 to 11-15")),
        ("zh_CN", "本期的高峰期", ("春节后", "双11"), ("春节 +7 至 +35 天", "每年 10-20 至 11-15")),
    ],
)  # fmt: skip
def test_the_summary_lists_each_peak_season_on_its_real_dates(tmp_path, lang, heading, names,
                                                              set_as):  # fmt: skip
    """A row per season and year of the period, with that year's real dates (date cells)
    and how the season is set; Spring Festival's moves from year to year."""
    from retention_desktop.domain.seasons import runs_in_period
    from retention_desktop.domain.settings import DEFAULT_PEAK_SEASONS

    seasons = [DEFAULT_PEAK_SEASONS[0], DEFAULT_PEAK_SEASONS[3]]
    found = runs_in_period(seasons, date(2025, 1, 1), date(2026, 12, 31))
    book = load_workbook(write(tmp_path, export_data(lang, peak_seasons=found)))
    sheet = book.worksheets[0]
    values = [tuple(c for c in row[:5]) for row in sheet.iter_rows(values_only=True)]
    at = next(n for n, row in enumerate(values) if row[0] == heading)
    spring, double = names
    midnight = datetime.min.time()
    assert values[at + 1 : at + 6] == [
        (spring, 2025, datetime.combine(date(2025, 2, 5), midnight),
         datetime.combine(date(2025, 3, 5), midnight), set_as[0]),
        (spring, 2026, datetime.combine(date(2026, 2, 24), midnight),
         datetime.combine(date(2026, 3, 24), midnight), set_as[0]),
        (double, 2025, datetime.combine(date(2025, 10, 20), midnight),
         datetime.combine(date(2025, 11, 15), midnight), set_as[1]),
        (double, 2026, datetime.combine(date(2026, 10, 20), midnight),
         datetime.combine(date(2026, 11, 15), midnight), set_as[1]),
        (None, None, None, None, None),
    ]  # fmt: skip
    assert sheet.cell(row=at + 2, column=3).is_date
    assert sheet.column_dimensions["C"].width >= 11  # a date, not ####
    # without seasons, no such block
    plain = load_workbook(write(tmp_path, export_data(lang), name="plain.xlsx")).worksheets[0]
    assert heading not in [row[0] for row in plain.iter_rows(values_only=True)]
