"""The native charts of the exported workbook (openpyxl.chart), each drawn from its sheet's
own table, so that Excel and LibreOffice redraw it from the cells:

- Monthly: separations per month as columns (voluntary and involuntary stacked when every
  separation has a type), the turnover rate as a line on a secondary axis;
- By reason: separations by reason as horizontal bars, most first;
- By team: the turnover rate of each team as horizontal bars;
- Tenure at exit: separations per tenure band as columns;
- Survival: the Kaplan-Meier curve of the period's hires (the share still employed against
  the days since the hire date) with its 95% range, as lines on a scatter chart.

Every axis is shown (openpyxl hides them by default) and titled; titles are in the
workbook's language (labels.CHARTS)."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference, ScatterChart, Series
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.drawing.line import LineProperties

from retention_desktop.domain.metrics import Report
from retention_desktop.sheets import labels

RATE_FORMAT = "0.0%"
MONTH_FORMAT = "yyyy-mm"


def _title(key: str, lang: str) -> str:
    return labels.text(labels.CHARTS, key, lang)


def _shown(*axes) -> None:
    for axis in axes:
        axis.delete = False


def _text_categories(chart, cells: Reference) -> None:
    """Category labels that are text (openpyxl's set_categories refers to them as numbers)."""
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(cells)))


def monthly_chart(sheet, report: Report, lang: str) -> None:
    """Separations per month as columns, the turnover rate as a line on a second axis.
    The months are date cells (the first day of each month): the categories refer to them
    as numbers and the axis shows them as yyyy-mm."""
    months = report.monthly
    last = len(months) + 1
    chart = BarChart()
    chart.type = "col"
    typed = all(m.separations == m.voluntary + m.involuntary for m in months)
    if typed:  # every separation has a type: voluntary and involuntary stacked
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.add_data(
            Reference(sheet, min_col=5, max_col=6, min_row=1, max_row=last),
            titles_from_data=True,
        )
    else:
        chart.add_data(Reference(sheet, min_col=4, min_row=1, max_row=last), titles_from_data=True)
    categories = Reference(sheet, min_col=1, min_row=2, max_row=last)
    chart.set_categories(categories)
    chart.x_axis.axPos = "b"
    chart.x_axis.number_format = MONTH_FORMAT
    chart.title = _title("monthly_title", lang)
    chart.x_axis.title = _title("month_axis", lang)
    chart.y_axis.title = _title("separations_axis", lang)
    chart.y_axis.number_format = "0"

    line = LineChart()
    line.add_data(Reference(sheet, min_col=9, min_row=1, max_row=last), titles_from_data=True)
    line.set_categories(categories)
    for series in line.series:
        series.smooth = False
    line.y_axis.axId = 200
    line.y_axis.axPos = "r"
    line.y_axis.title = _title("rate_axis", lang)
    line.y_axis.number_format = RATE_FORMAT
    line.y_axis.majorGridlines = None
    line.y_axis.crosses = "max"
    _shown(chart.x_axis, chart.y_axis, line.y_axis)
    # the rate's axis crosses a category axis of its own, hidden, as Excel writes a
    # secondary axis: crossing the visible one, LibreOffice draws that one again on top
    line.x_axis.axId = 500
    line.x_axis.delete = True
    line.y_axis.crossAx = 500
    chart += line
    chart.legend.position = "b"
    chart.width = min(40.0, max(18.0, 1.0 * len(months)))
    chart.height = 10.0
    sheet.add_chart(chart, "K2")


def _bars(sheet, rows: int, value_column: int, *, horizontal: bool) -> BarChart:
    """Bars of one column of a table (header in row 1, categories as text in column A)."""
    last = rows + 1
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.add_data(
        Reference(sheet, min_col=value_column, min_row=1, max_row=last), titles_from_data=True
    )
    _text_categories(chart, Reference(sheet, min_col=1, min_row=2, max_row=last))
    if horizontal:  # first row on top: categories from the top down, values along the bottom
        chart.y_axis.axPos = "b"
        chart.x_axis.scaling.orientation = "maxMin"
        chart.y_axis.crosses = "max"
    else:
        chart.x_axis.axPos = "b"
    _shown(chart.x_axis, chart.y_axis)
    chart.legend = None
    return chart


def _name(chart, lang: str, title: str, categories: str, values: str, values_format: str):
    """The chart's title, its axes' titles and the values' number format (label keys)."""
    chart.title = _title(title, lang)
    chart.x_axis.title = _title(categories, lang)
    chart.y_axis.title = _title(values, lang)
    chart.y_axis.number_format = values_format


def reason_chart(sheet, report: Report, lang: str) -> None:
    """Separations by reason as horizontal bars, most first."""
    reasons = report.by_reason
    if not reasons:
        return
    chart = _bars(sheet, len(reasons), 2, horizontal=True)
    _name(chart, lang, "reason_title", "reason_axis", "separations_axis", "0")
    chart.width = 20.0
    chart.height = max(7.5, 0.7 * len(reasons) + 3)
    sheet.add_chart(chart, "E2")


def team_chart(sheet, report: Report, lang: str) -> None:
    """The turnover rate of each team as horizontal bars, in the table's order."""
    teams = report.by_team
    if not teams:
        return
    chart = _bars(sheet, len(teams), 4, horizontal=True)
    _name(chart, lang, "team_title", "team_axis", "rate_axis", RATE_FORMAT)
    chart.y_axis.scaling.min = 0
    chart.width = 18.0
    chart.height = max(7.5, 0.8 * len(teams) + 3)
    sheet.add_chart(chart, "F2")


def tenure_chart(sheet, report: Report, lang: str) -> None:
    """Separations per tenure band as columns, shortest tenure first."""
    bands = report.tenure_at_exit
    if not bands:
        return
    chart = _bars(sheet, len(bands), 2, horizontal=False)
    _name(chart, lang, "tenure_title", "tenure_axis", "separations_axis", "0")
    chart.width = max(15.0, 2.0 * len(bands) + 4)
    chart.height = 8.0
    sheet.add_chart(chart, "D2")


def survival_chart(sheet, report: Report, lang: str) -> None:
    """The share of the period's hires still employed against the days since their hire
    date, with the 95% range as thin dashed lines (a scatter chart: days are numbers)."""
    steps = report.survival.steps if report.survival is not None else []
    if not steps:
        return
    last = len(steps) + 1
    chart = ScatterChart()
    chart.scatterStyle = "lineMarker"
    days = Reference(sheet, min_col=1, min_row=2, max_row=last)
    for column in (2, 3, 4):
        values = Reference(sheet, min_col=column, min_row=1, max_row=last)
        series = Series(values, days, title_from_data=True)
        series.marker.symbol = "none"
        series.smooth = False
        if column != 2:  # the range: thin and dashed
            series.graphicalProperties.line = LineProperties(w=9525, prstDash="dash")
        else:
            series.graphicalProperties.line = LineProperties(w=28575)
        chart.series.append(series)
    chart.title = _title("survival_title", lang)
    chart.x_axis.title = _title("days_axis", lang)
    chart.y_axis.title = _title("survival_axis", lang)
    chart.x_axis.number_format = "0"
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.x_axis.scaling.min = 0
    chart.x_axis.axPos = "b"
    _shown(chart.x_axis, chart.y_axis)
    chart.legend.position = "b"
    chart.width = 20.0
    chart.height = 10.0
    sheet.add_chart(chart, "G2")
