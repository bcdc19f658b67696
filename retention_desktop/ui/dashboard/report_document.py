"""The printed report for the monthly team meeting, as a QTextDocument of one or two A4
pages: the shop, period and team; the key figures with their change against the previous
period; the monthly chart; the reasons chart and the top reasons with counts; the exits
whose handover is unfinished; the overdue actions. Its figures are the dashboard's (same
computation, same wording)."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, Qt, QUrl
from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter, QTextDocument

from retention_desktop.domain.dates import Period
from retention_desktop.ui.common.widgets import percent_text
from retention_desktop.ui.dashboard import wording
from retention_desktop.ui.dashboard.report_data import PrintedReport
from retention_desktop.ui.dashboard.wording import key_figures

WIDTH = 640  # the text's width on A4 with 2 cm margins, in 1/96 inch (what Qt sizes by)
TOP_REASONS = 8
MOST_LINES = 15  # of each list; past that, "and N more"
CHARTS = {"monthly": (800, 330), "reasons": (800, 300)}  # drawn at twice this, for paper


def chart_image(key: str, report: PrintedReport) -> QImage:
    """The report's chart `key` ("monthly" or "reasons") drawn as the dashboard draws it,
    at twice its size for paper. On the UI thread (a chart is a widget), once the charts'
    module is imported (read_report imports it off the UI thread)."""
    from retention_desktop.ui.dashboard import charts

    translate = QCoreApplication.translate
    titles = {
        "monthly": translate("DashboardPage", "Separations per month and turnover rate"),
        "reasons": translate("DashboardPage", "Separations by reason"),
    }
    chart = charts.Chart(
        titles[key], f"print_{key}", counts="left" if key == "monthly" else "bottom"
    )
    if key == "monthly":
        charts.draw_monthly(chart, report.trend)
    else:
        charts.draw_reasons(chart, report.figures.report)
    width, height = CHARTS[key]
    chart.resize(width, max(height, chart.minimumHeight()))
    # laid out as if shown (a chart's axes and title are placed once it has its size)
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart.show()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    image = QImage(chart.size() * 2, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    # the scene drawn again at twice the size (sharp lines and text), not the screen scaled
    chart.render(painter, QRectF(image.rect()), chart.viewport().rect())
    painter.end()
    chart.close()
    chart.deleteLater()
    return image


def report_font(lang: str) -> QFont:
    """The app's font, with Chinese taken from a Simplified Chinese face where the system
    has one (else a Japanese face may draw some characters in its own shapes)."""
    font = QFont(QGuiApplication.font())
    chinese = ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
               "WenQuanYi Micro Hei", "SimSun"]  # fmt: skip
    font.setFamilies([*font.families(), *chinese] if lang != "zh_CN" else
                     [*chinese[:1], *font.families(), *chinese[1:]])  # fmt: skip
    return font


def _heading(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def _paragraph(text: str, css_class: str = "") -> str:
    return f"<p class='{css_class}'>{escape(text)}</p>" if css_class else f"<p>{escape(text)}</p>"


class ReportDocument(QObject):
    """Builds the report's document; a QObject for its translations."""

    def build(self, report: PrintedReport, images: dict[str, QImage], lang: str) -> QTextDocument:
        """The report's document (also off the UI thread: it holds no widget)."""
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(report_font(lang))
        for key, image in images.items():
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{key}"), image
            )
        document.setHtml(self.html(report, images))
        return document

    def file_name(self, period: Period, team: str | None) -> str:
        months = str(period.first) if period.month_count == 1 else f"{period.first}–{period.last}"
        name = self.tr("Turnover report %1").replace("%1", months)
        if team:  # a team's name as part of a file's: no characters a system forbids
            name += " " + re.sub(r'[\\/:*?"<>|]+', "-", team)
        return f"{name}.pdf"

    def title(self, report: PrintedReport) -> str:
        title = self.tr("Staff turnover report")
        return f"{report.shop} · {title}" if report.shop else title

    def html(self, report: PrintedReport, images: dict[str, QImage]) -> str:
        f = report.figures
        period = report.period
        months = self.tr("%n month(s)", "", period.month_count)
        when = self.tr("%1 to %2").replace("%1", str(period.first))
        when = (
            str(period.first) if period.month_count == 1 else when.replace("%2", str(period.last))
        )
        team = report.team or self.tr("All teams")
        parts = [
            "<html><head><style>"
            "h1 { font-size: 17pt; margin-bottom: 2px; }"
            "h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; }"
            "td, th { padding: 3px 6px; }"
            "th { background: #eef1f5; text-align: left; }"
            ".num { text-align: right; }"
            ".muted { color: #555555; }"
            "</style></head><body>",
            f"<h1>{escape(self.title(report))}</h1>",
            "<p class='muted'>"
            + escape(
                self.tr("Period: %1 (%2) · Team: %3 · Printed %4")
                .replace("%1", when)
                .replace("%2", months)
                .replace("%3", team)
                .replace("%4", report.today.isoformat())
            )
            + "</p>",
            _heading(self.tr("Key figures")),
            self._figures_table(report),
        ]
        if "monthly" in images:
            parts.append(self._image("monthly", images))
        parts.append("<p style='page-break-before: always'></p>")
        parts.append(_heading(self.tr("Reasons for leaving")))
        if f.report.by_reason:
            parts.append(self._image("reasons", images))
            parts.append(self._reasons_table(report))
        else:
            parts.append(_paragraph(self.tr("Nobody left in this period.")))
        parts.append(self._handovers(report))
        parts.append(self._overdue(report))
        parts.append("</body></html>")
        return "".join(parts)

    @staticmethod
    def _image(key: str, images: dict[str, QImage]) -> str:
        image = images.get(key)
        if image is None:
            return ""
        height = round(WIDTH * image.height() / image.width())
        return f"<p><img src='chart:{key}' width='{WIDTH}' height='{height}'></p>"

    @staticmethod
    def _table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> str:
        head = "".join(
            f"<th{' class=num' if n in numeric else ''}>{escape(h)}</th>"
            for n, h in enumerate(headers)
        )
        body = "".join(
            "<tr>"
            + "".join(
                f"<td{' class=num' if n in numeric else ''}>{escape(cell)}</td>"
                for n, cell in enumerate(row)
            )
            + "</tr>"
            for row in rows
        )
        return (
            "<table width='100%' cellspacing='0' border='1' "
            "style='border-collapse: collapse; border-color: #c8ccd2'>"
            f"<tr>{head}</tr>{body}</table>"
        )

    def _figures_table(self, report: PrintedReport) -> str:
        f = report.figures
        figures = key_figures(f.report, f.previous, f.headcount_now, f.alternative)
        rows = [
            [
                wording.title(figure.key),
                wording.format_value(figure.kind, figure.value, f.currency),
                wording.format_value(figure.kind, figure.previous, f.currency)
                if figure.key != "headcount_now"
                else "",
                wording.change_text(figure, f.currency),
            ]
            for figure in figures
        ]
        headers = [self.tr("Figure"), self.tr("This period"), self.tr("Previous period"),
                   self.tr("Change")]  # fmt: skip
        return self._table(headers, rows, {1, 2})

    def _reasons_table(self, report: PrintedReport) -> str:
        reasons = report.figures.report.by_reason
        rows = [
            [r.reason, f"{r.separations:,}", percent_text(r.share)] for r in reasons[:TOP_REASONS]
        ]
        table = self._table(
            [self.tr("Top reasons"), self.tr("Separations"), self.tr("Share")], rows, {1, 2}
        )
        return table + self._more(len(reasons) - TOP_REASONS)

    def _more(self, more: int) -> str:
        if more <= 0:
            return ""
        return _paragraph(self.tr("… and %n more", "", more), "muted")

    def _handovers(self, report: PrintedReport) -> str:
        title = _heading(self.tr("Open handovers"))
        if not report.handovers:
            return title + _paragraph(self.tr("None: every handover is finished."))
        rows = [
            [x.name, x.team, x.last_day.isoformat(),
             self.tr("%1 of %2 handed over").replace("%1", str(x.handover_done))
             .replace("%2", str(x.handover_total))]
            for x in report.handovers[:MOST_LINES]
        ]  # fmt: skip
        headers = [self.tr("Name"), self.tr("Team"), self.tr("Last day"), self.tr("Handover")]
        return (
            title
            + self._table(headers, rows, set())
            + self._more(len(report.handovers) - MOST_LINES)
        )

    def _overdue(self, report: PrintedReport) -> str:
        title = _heading(self.tr("Overdue actions"))
        if not report.overdue:
            return title + _paragraph(self.tr("None: no action is past its due date."))
        rows = []
        for a in report.overdue[:MOST_LINES]:
            due = a.due_date or a.planned_date
            late = (report.today - due).days
            rows.append([
                due.isoformat(), a.name or a.team, a.action_type, a.title, a.owner,
                self.tr("%n day(s)", "", late),
            ])  # fmt: skip
        headers = [self.tr("Due"), self.tr("Who"), self.tr("Action"), self.tr("Title"),
                   self.tr("Owner"), self.tr("Overdue by")]  # fmt: skip
        return (
            title + self._table(headers, rows, {5}) + self._more(len(report.overdue) - MOST_LINES)
        )
