"""The dashboard's charts, drawn with pyqtgraph from a Report.

Imported only when the dashboard first shows figures: pyqtgraph and numpy cost ~0.4 s of
import that the rest of the app does not pay. Colours are Okabe-Ito (colour-blind safe).
Each chart keeps, per bar, the exact figure (for the hover text) and what the bar stands
for (for the drill-down to the exits behind it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QMenu, QToolTip

from retention_desktop.domain.metrics import TENURE_BANDS, Report
from retention_desktop.ui.common.labels import run_text
from retention_desktop.ui.common.widgets import percent_text
from retention_desktop.ui.dashboard import season_marks

BLUE, VERMILION, ORANGE, GREEN, SKY, GREY = (
    "#0072B2",
    "#D55E00",
    "#E69F00",
    "#009E73",
    "#56B4E9",
    "#999999",
)
PEAK_SHADE = QColor(230, 159, 0, 40)
HEADROOM = 1.3  # the top part of the monthly chart is kept free for the legend


MARGIN = 0.15  # beyond the half bar at each end of a chart, in bar widths
MIN_WIDTH = 240  # px: two charts side by side fit a page 500 px wide


@dataclass(frozen=True)
class Bar:
    """One bar: where it stands, its exact text for the hover, and what it stands for."""

    x: float
    y0: float
    height: float
    text: str
    key: tuple | None  # ("month", "2025-03", "voluntary"), ("reason", label)…; None: no exits
    more: str = ""  # lines the hover shows under the text (not the drill-down's title)


def _let_shrink(label: pg.LabelItem) -> None:
    """A chart's title asks for no width: pyqtgraph makes its text's width the plot's
    minimum, and a long title on a half-page chart pushed the plot past the chart's right
    edge (its last bars cut off). The title is cut instead, at the chart's edge."""

    def update_min() -> None:
        bounds = label.itemRect()
        label.setMinimumWidth(0)
        label.setMinimumHeight(bounds.height())
        hint = Qt.SizeHint
        label._sizeHint = {
            hint.MinimumSize: (0, bounds.height()),
            hint.PreferredSize: (bounds.width(), bounds.height()),
            hint.MaximumSize: (-1, -1),
            hint.MinimumDescent: (0, 0),
        }
        label.updateGeometry()

    label.updateMin = update_min
    update_min()


class CountAxis(pg.AxisItem):
    """An axis of people counted: ticks on whole numbers only (never 0.5 separations)."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        levels = [level for level in super().tickSpacing(minVal, maxVal, size) if level[0] >= 1]
        return levels or [(1.0, 0.0)]


class Chart(pg.PlotWidget):
    """A bar chart that shows a bar's exact figure on hover and reports clicks on bars.

    `counts` names the axis that counts people ("left" or "bottom"): it gets whole-number
    ticks."""

    bar_clicked = Signal(object)  # the Bar clicked (one with a key)
    save_requested = Signal()  # "Save as PNG…" from the chart's own menu
    copy_requested = Signal()  # "Copy figures" from the chart's own menu

    def __init__(
        self, title: str, object_name: str, parent=None, *, counts: str | None = "left"
    ) -> None:
        axes = {counts: CountAxis(counts)} if counts else None
        # No pyqtgraph menus (its view box's is not even made: a third of a chart's cost)
        super().__init__(parent, background="w", axisItems=axes, enableMenu=False)
        self.setObjectName(object_name)
        self.title = title
        self.bars: list[Bar] = []
        self.rate_box: pg.ViewBox | None = None  # a second axis's box (draw_monthly)
        self.rate_line: pg.PlotDataItem | None = None
        self.at_risk: list[tuple[int, int]] = []  # draw_survival: (days, still observed)
        # items kept from one drawing to the next while what they show (`kept_for`) holds
        self.kept: list = []
        self.kept_for: object = None
        self.names_at: list[tuple[pg.TextItem, float]] = []  # kept names and their x
        self._width = 0.7
        self._horizontal = False
        self._labels: list[str] = []  # the bars' names (set_ticks) and how many to skip
        self._every, self._labels_horizontal, self._fitting_ticks = 1, False, False
        self._skip = True
        item = self.getPlotItem()
        item.setTitle(title, color="#222222", size="11pt")
        self._shown_title = title
        _let_shrink(item.titleLabel)
        # the title over the whole chart, axes included, not over the plotting area only
        # (which a long axis of names leaves narrow)
        item.layout.removeItem(item.titleLabel)
        item.layout.addItem(item.titleLabel, 0, 0, 1, 3)
        item.showGrid(x=False, y=True, alpha=0.25)
        item.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        self.setMinimumHeight(240)
        font = QFont(self.font())
        for name in ("left", "bottom", "right", "top"):
            axis = item.getAxis(name)
            # No SI prefixes (counts and shares need none), and no label redrawn as
            # HTML at every change of the range
            axis.enableAutoSIPrefix(False)
            if name != "top":
                axis.setTextPen("#333333")
                axis.setTickFont(font)
        self.scene().sigMouseMoved.connect(self._hover)
        self.scene().sigMouseClicked.connect(self._click)

    def minimumSizeHint(self) -> QSize:
        """Narrow enough for half the page: a chart with long labels (the reasons) asked
        for more than its column, and the page cut the charts on the right."""
        return QSize(MIN_WIDTH, self.minimumHeight())

    def contextMenuEvent(self, event) -> None:
        """Our own menu, in the owner's language: save the chart, copy the figures."""
        menu = QMenu(self)
        menu.setObjectName("chartMenu")
        menu.addAction(self.tr("Save as PNG…"), self.save_requested.emit)
        menu.addAction(self.tr("Copy figures"), self.copy_requested.emit)
        menu.popup(event.globalPos())
        event.accept()

    def clear_bars(self) -> None:
        """Take away what the last drawing added, but the items it keeps (`kept`)."""
        item = self.getPlotItem()
        for drawn in list(item.items):
            if drawn not in self.kept:
                item.removeItem(drawn)
        self.bars = []

    def add_bars(self, bars: list[Bar], colour: str, *, horizontal: bool = False) -> None:
        self._horizontal = horizontal
        if not bars:
            return
        brush = pg.mkBrush(colour)
        if horizontal:
            item = pg.BarGraphItem(
                x0=[b.y0 for b in bars],
                y=[b.x for b in bars],
                height=self._width,
                width=[b.height for b in bars],
                brush=brush,
                pen=pg.mkPen(None),
            )
        else:
            item = pg.BarGraphItem(
                x=[b.x for b in bars],
                y0=[b.y0 for b in bars],
                height=[b.height for b in bars],
                width=self._width,
                brush=brush,
                pen=pg.mkPen(None),
            )
        self.getPlotItem().addItem(item)
        self.bars.extend(bars)
        self._show_every_bar()

    def _show_every_bar(self) -> None:
        """The first and the last bar whole, with room around them, and the longest bar
        of a horizontal chart whole too (auto-ranging cut them at the edges)."""
        box = self.getPlotItem().getViewBox()
        places = [b.x for b in self.bars]
        low, high = min(places) - 0.5 - MARGIN, max(places) + 0.5 + MARGIN
        if self._horizontal:
            box.setYRange(low, high, padding=0)
            longest = max((b.y0 + b.height for b in self.bars), default=0)
            box.setXRange(0, max(longest, 1) * 1.08, padding=0)
        else:
            box.setXRange(low, high, padding=0)

    def add_hover(self, bars: list[Bar]) -> None:
        """Places that show a figure on hover without a bar drawn (points of a line), laid
        out as bars would be (a line under the monthly bars meets them month by month)."""
        self.bars.extend(bars)
        if self.bars:
            self._show_every_bar()

    def bar_at(self, scene_pos: QPointF) -> Bar | None:
        point = self.getPlotItem().vb.mapSceneToView(scene_pos)
        along, across = (point.y(), point.x()) if self._horizontal else (point.x(), point.y())
        half = self._width / 2
        for bar in self.bars:
            low, high = sorted((bar.y0, bar.y0 + bar.height))
            if abs(along - bar.x) <= half and low <= across <= high:
                return bar
        return None

    def _hover(self, scene_pos: QPointF) -> None:
        bar = self.bar_at(scene_pos)
        if bar is not None:
            text = f"{bar.text}\n{bar.more}" if bar.more else bar.text
            QToolTip.showText(self.mapToGlobal(self.mapFromScene(scene_pos)), text, self)
        else:
            QToolTip.hideText()

    def _click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        bar = self.bar_at(event.scenePos())
        if bar is not None and bar.key is not None:
            self.bar_clicked.emit(bar)

    def set_ticks(
        self, labels: list[str], *, every: int = 1, horizontal: bool = False, skip: bool = True
    ) -> None:
        """Name the bars. Under upright bars, names too wide to stand side by side are
        thinned out (every second, third… month, `skip`) or cut short with "…" (teams and
        bands, each named; hovering a bar gives its whole name), again at each resize."""
        self._labels, self._every, self._labels_horizontal = labels, every, horizontal
        self._skip = skip
        if not self._fitting_ticks:
            self.getPlotItem().getViewBox().sigResized.connect(self._fit_ticks)
            self._fitting_ticks = True
        self._fit_ticks()

    def _fit_ticks(self, *_args) -> None:
        labels, every = self._labels, self._every
        if not self._labels_horizontal and labels:
            metrics = self.fontMetrics()
            widest = max(metrics.horizontalAdvance(text) for text in labels)
            slots = len(labels) + 1 + 2 * MARGIN  # the x range of _show_every_bar
            slot = self.getPlotItem().getViewBox().width() / slots
            if slot > 0 and self._skip:
                every = max(every, math.ceil((widest + 10) / slot))
            elif slot > 0 and widest + 4 > slot:
                room = max(int(slot) - 4, metrics.horizontalAdvance("…") * 2)
                labels = [metrics.elidedText(t, Qt.TextElideMode.ElideRight, room) for t in labels]
        elif self._labels_horizontal and labels:
            # names beside bars take at most 45% of the chart; the bars keep the rest
            metrics = self.fontMetrics()
            room = max(int(self.width() * 0.45), metrics.horizontalAdvance("M") * 6)
            labels = [metrics.elidedText(t, Qt.TextElideMode.ElideRight, room) for t in labels]
            widest = max(metrics.horizontalAdvance(text) for text in labels)
            # pyqtgraph does not widen an axis for text ticks: room for the longest name
            self.getPlotItem().getAxis("left").setWidth(widest + 16)
        ticks = [(i, text) for i, text in enumerate(labels) if i % every == 0]
        axis = self.getPlotItem().getAxis("left" if self._labels_horizontal else "bottom")
        axis.setTicks([ticks])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # pyqtgraph resizes while it makes the chart, and after close() it has no plot
        if not hasattr(self, "_shown_title") or self.getPlotItem() is None:
            return
        # a title wider than the chart is cut short with "…", not at both ends
        font = QFont(self.font())
        font.setPointSizeF(11)
        shown = QFontMetrics(font).elidedText(self.title, Qt.TextElideMode.ElideRight,
                                              max(self.width() - 24, 40))  # fmt: skip
        if shown != self._shown_title:
            self._shown_title = shown
            self.getPlotItem().setTitle(shown, color="#222222", size="11pt")
        if self._labels_horizontal:
            self._fit_ticks()


def align_axes(*stacked: Chart) -> None:
    """Charts drawn one above the other on the same x axis: the same width for their left
    and right axes, so their months stand one above the other."""
    metrics = stacked[0].fontMetrics()
    left = metrics.horizontalAdvance("000,000") + metrics.height() + 12
    right = metrics.horizontalAdvance("100.0") + metrics.height() + 12
    for chart in stacked:
        item = chart.getPlotItem()
        item.getAxis("left").setWidth(left)
        item.showAxis("right")
        item.getAxis("right").setWidth(right)


def fill(template: str, *values: object) -> str:
    """A translated template with %1, %2… filled in."""
    for n, value in enumerate(values, start=1):
        template = template.replace(f"%{n}", str(value))
    return template


def draw_monthly(chart: Chart, report: Report) -> None:
    """Separations per month, voluntary and involuntary stacked, with the turnover rate as
    a line on its own axis."""
    chart.clear_bars()
    months = report.monthly
    voluntary, involuntary, other = [], [], []
    for i, m in enumerate(months):
        untyped = m.separations - m.voluntary - m.involuntary
        text = QCoreApplication.translate("Charts", "%1: %2 voluntary")
        key = ("month", m.month, "voluntary")
        voluntary.append(Bar(i, 0, m.voluntary, fill(text, m.month, m.voluntary), key))
        text = QCoreApplication.translate("Charts", "%1: %2 involuntary")
        involuntary.append(
            Bar(i, m.voluntary, m.involuntary, fill(text, m.month, m.involuntary),
                ("month", m.month, "involuntary"))
        )  # fmt: skip
        if untyped:
            text = QCoreApplication.translate("Charts", "%1: %2 with no type given")
            other.append(
                Bar(i, m.voluntary + m.involuntary, untyped, fill(text, m.month, untyped),
                    ("month", m.month, None))
            )  # fmt: skip
    chart.add_bars(voluntary, BLUE)
    chart.add_bars(involuntary, VERMILION)
    chart.add_bars(other, GREY)
    chart.set_ticks([m.month for m in months], every=max(1, len(months) // 12))
    item = chart.getPlotItem()
    item.setLabel("left", QCoreApplication.translate("Charts", "Separations"))
    if item.legend is None:  # one row across the top, above the bars (see the headroom)
        item.addLegend(
            offset=(10, 2),
            labelTextColor="#333333",
            brush=pg.mkBrush(255, 255, 255, 220),
            colCount=3,
        )
        item.legend.addItem(
            pg.BarGraphItem(x=[0], height=[0], width=0, brush=BLUE),
            QCoreApplication.translate("Charts", "Voluntary"),
        )
        item.legend.addItem(
            pg.BarGraphItem(x=[0], height=[0], width=0, brush=VERMILION),
            QCoreApplication.translate("Charts", "Involuntary"),
        )
    rates = [
        (i, m.turnover_rate * 100) for i, m in enumerate(months) if m.turnover_rate is not None
    ]
    box, line = _rate_line(chart)
    line.setData([x for x, _ in rates], [y for _, y in rates])
    item.showAxis("right", bool(rates))
    box.setVisible(bool(rates))
    in_legend = item.legend.getLabel(line) is not None
    if rates and not in_legend:
        item.legend.addItem(line, QCoreApplication.translate("Charts", "Turnover rate"))
    elif in_legend and not rates:
        item.legend.removeItem(line)
    if rates:
        box.setYRange(0, max(max(y for _, y in rates), 1) * HEADROOM, padding=0)
    top = max(max((m.separations for m in months), default=0) * HEADROOM, 1)
    item.setYRange(0, top, padding=0)
    # elsewhere in a month's column, the hover gives the month's figures and its rate
    text = QCoreApplication.translate(
        "Charts", "%1: %2 separations, average headcount %3, turnover rate %4"
    )
    chart.add_hover(
        [
            Bar(i, 0, top, fill(text, m.month, m.separations, f"{m.average_headcount:g}",
                                percent_text(m.turnover_rate)), None)
            for i, m in enumerate(months)
        ]
    )  # fmt: skip


def _rate_line(chart: Chart) -> tuple[pg.ViewBox, pg.PlotDataItem]:
    """The turnover rate's line and the view box of its own axis (right), made once per
    chart and kept over the bars' box, whatever its size."""
    if chart.rate_box is None:
        item = chart.getPlotItem()
        box = pg.ViewBox(enableMenu=False)
        box.setMouseEnabled(x=False, y=False)
        box.setZValue(item.zValue() + 1)  # the line over the bars
        item.scene().addItem(box)
        axis = item.getAxis("right")
        axis.linkToView(box)
        axis.setLabel(QCoreApplication.translate("Charts", "Turnover rate (%)"))
        box.setXLink(item)
        line = pg.PlotDataItem(
            pen=pg.mkPen(ORANGE, width=2), symbol="o", symbolSize=5, symbolBrush=ORANGE
        )
        box.addItem(line)
        item.vb.sigResized.connect(lambda: box.setGeometry(item.vb.sceneBoundingRect()))
        box.setGeometry(item.vb.sceneBoundingRect())
        chart.rate_box, chart.rate_line = box, line
    return chart.rate_box, chart.rate_line


def draw_headcount(chart: Chart, report: Report) -> None:
    """People employed at the end of each month, as a line under the monthly chart; the
    hover gives the month's opening, closing and average headcount."""
    chart.clear_bars()
    months = report.monthly
    chart.getPlotItem().plot(
        list(range(len(months))),
        [m.closing for m in months],
        pen=pg.mkPen(GREEN, width=2),
        symbol="o",
        symbolSize=5,
        symbolBrush=GREEN,
        symbolPen=pg.mkPen(None),
    )
    text = QCoreApplication.translate(
        "Charts", "%1: %2 employed at the start, %3 at the end (average %4)"
    )
    chart.add_hover(
        [
            Bar(i, 0, max(m.closing, m.opening, 1),
                fill(text, m.month, m.opening, m.closing, f"{m.average_headcount:g}"), None)
            for i, m in enumerate(months)
        ]
    )  # fmt: skip
    chart.set_ticks([m.month for m in months], every=max(1, len(months) // 12))
    item = chart.getPlotItem()
    item.setLabel("left", QCoreApplication.translate("Charts", "Employed"))
    item.getAxis("right").setStyle(showValues=False)  # there for the width: see align_axes
    top = max((max(m.closing, m.opening) for m in months), default=0)
    item.setYRange(0, max(top * 1.15, 1), padding=0)


def draw_hires(chart: Chart, report: Report) -> None:
    """Hires and separations of each month side by side, and the net change (hires less
    separations) as a line: is the team growing or shrinking?"""
    chart.clear_bars()
    months = report.monthly
    chart._width = 0.38  # two bars a month
    hires_text = QCoreApplication.translate("Charts", "%1: %2 hired")
    left_text = QCoreApplication.translate("Charts", "%1: %2 left")
    chart.add_bars([Bar(i - 0.2, 0, m.hires, fill(hires_text, m.month, m.hires), None)
                    for i, m in enumerate(months)], GREEN)  # fmt: skip
    chart.add_bars([Bar(i + 0.2, 0, m.separations, fill(left_text, m.month, m.separations),
                        None) for i, m in enumerate(months)], VERMILION)  # fmt: skip
    net = [m.hires - m.separations for m in months]
    item = chart.getPlotItem()
    if item.legend is None:  # made once: a drawing again keeps it
        item.addLegend(offset=(10, 2), labelTextColor="#333333",
                       brush=pg.mkBrush(255, 255, 255, 220), colCount=3)  # fmt: skip
        for colour, name in (
            (GREEN, QCoreApplication.translate("Charts", "Hires")),
            (VERMILION, QCoreApplication.translate("Charts", "Separations")),
        ):
            item.legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=0, brush=colour), name)
        item.legend.addItem(pg.PlotDataItem(pen=pg.mkPen(GREY, width=2)),
                            QCoreApplication.translate("Charts", "Net change"))  # fmt: skip
    item.plot(list(range(len(months))), net, pen=pg.mkPen(GREY, width=2), symbol="o",
              symbolSize=5, symbolBrush=GREY, symbolPen=pg.mkPen(None))  # fmt: skip
    net_text = QCoreApplication.translate("Charts", "%1: net change %2")
    chart.add_hover([
        Bar(i, min(0, n), max(abs(n), 0.4), fill(net_text, m.month, f"{n:+d}"), None)
        for i, (m, n) in enumerate(zip(months, net, strict=True))
    ])  # fmt: skip
    chart.set_ticks([m.month for m in months], every=max(1, len(months) // 12))
    item.setLabel("left", QCoreApplication.translate("Charts", "People"))
    item.addLine(y=0, pen=pg.mkPen("#999999", width=1))


def _step_line(steps, longest: int, index: int) -> tuple[list[float], list[float]]:
    """The x and y of a step curve from (duration, S, lower, upper, n) steps: flat until
    each exit's day, down at it, flat again to the longest stay observed (in %)."""
    xs, ys, level = [0.0], [100.0], 100.0
    for step in steps:
        value = step[index]
        if value is None:
            break
        xs += [step[0], step[0]]
        ys += [level, value * 100]
        level = value * 100
    xs.append(max(longest, xs[-1]))
    ys.append(level)
    return xs, ys


def draw_survival(chart: Chart, report: Report, previous: Report | None) -> None:
    """How long the period's hires stay: the share still employed so many days after
    their hire date (Kaplan-Meier), its 95% band shaded, the previous period's hires
    dashed beside it, and under the axis how many were still observed at 30, 90, 180
    and 365 days."""
    chart.clear_bars()
    item = chart.getPlotItem()
    survival = report.survival
    item.setLabel("left", QCoreApplication.translate("Charts", "Still employed (%)"))
    item.setLabel("bottom", QCoreApplication.translate("Charts", "Days since the hire date"))
    if survival is None or survival.spells == 0:
        note = pg.TextItem(QCoreApplication.translate("Charts", "Nobody was hired in this period."),
                           color="#555555", anchor=(0.5, 0.5))  # fmt: skip
        item.addItem(note)
        note.setPos(182, 50)
        item.setRange(xRange=(0, 365), yRange=(0, 105), padding=0)
        return
    last = max(survival.longest, 30)
    if previous is not None and previous.survival is not None and previous.survival.spells:
        xs, ys = _step_line(previous.survival.steps, previous.survival.longest, 1)
        item.plot(xs, ys, pen=pg.mkPen(GREY, width=2, style=Qt.PenStyle.DashLine))
        last = max(last, previous.survival.longest)
    low = _step_line(survival.steps, survival.longest, 2)
    high = _step_line(survival.steps, survival.longest, 3)
    if len(low[0]) > 2 and len(high[0]) > 2:
        lower = pg.PlotDataItem(*low, pen=pg.mkPen(None))
        upper = pg.PlotDataItem(*high, pen=pg.mkPen(None))
        item.addItem(lower)
        item.addItem(upper)
        item.addItem(pg.FillBetweenItem(lower, upper, brush=pg.mkBrush(0, 114, 178, 50)))
    item.plot(*_step_line(survival.steps, survival.longest, 1), pen=pg.mkPen(BLUE, width=2.5))
    # under the axis: how many each point rests on (the band widens as they get few)
    chart.at_risk = []
    for point in survival.points:
        if point.days <= last:
            text = pg.TextItem(f"n={point.at_risk:,}", color="#555555", anchor=(0.5, 0.5))
            item.addItem(text)
            text.setPos(point.days, -8)
            chart.at_risk.append((point.days, point.at_risk))
    median = survival.median_days
    if median is not None:
        summary = QCoreApplication.translate("Charts", "half had left by day %1")
        summary = summary.replace("%1", str(median))
    else:
        summary = QCoreApplication.translate("Charts", "more than half still here")
    rests = QCoreApplication.translate("Charts", "%1 hires, %2 exits: %3").replace(
        "%1", str(survival.spells)
    )
    label = pg.TextItem(rests.replace("%2", str(survival.exits)).replace("%3", summary),
                        color="#333333", anchor=(1, 0))  # fmt: skip
    item.addItem(label)
    label.setPos(last, 104)
    item.setRange(xRange=(0, last * 1.02), yRange=(-15, 108), padding=0)
    chart.setMinimumHeight(300)
    item.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 25)]])


def draw_reasons(chart: Chart, report: Report) -> None:
    """Separations by primary reason, most first, as horizontal bars with their share."""
    chart.clear_bars()
    rows = list(reversed(report.by_reason))  # the largest at the top
    text = QCoreApplication.translate("Charts", "%1: %2 (%3)")
    bars = [
        Bar(i, 0, r.separations, fill(text, r.reason, r.separations, percent_text(r.share)),
            ("reason", r.reason))
        for i, r in enumerate(rows)
    ]  # fmt: skip
    chart.add_bars(bars, BLUE, horizontal=True)
    labels = [f"{r.reason} ({percent_text(r.share)})" for r in rows]
    chart.set_ticks(labels, horizontal=True)
    chart.getPlotItem().setLabel("bottom", QCoreApplication.translate("Charts", "Separations"))
    chart.setMinimumHeight(max(240, 26 * len(rows) + 60))


def draw_teams(chart: Chart, report: Report) -> None:
    """Turnover rate by team, highest first."""
    chart.clear_bars()
    rows = sorted(report.by_team, key=lambda t: -(t.turnover_rate or 0))
    text = QCoreApplication.translate("Charts", "%1: %2 (%3 separations)")
    bars = [
        Bar(i, 0, (t.turnover_rate or 0) * 100,
            fill(text, t.team, percent_text(t.turnover_rate), t.separations), ("team", t.team))
        for i, t in enumerate(rows)
    ]  # fmt: skip
    chart.add_bars(bars, GREEN)
    chart.set_ticks([t.team for t in rows], skip=False)
    chart.getPlotItem().setLabel("left", QCoreApplication.translate("Charts", "Turnover rate (%)"))


def draw_tenure(chart: Chart, report: Report) -> None:
    """Separations by tenure at exit, in days."""
    chart.clear_bars()
    text = QCoreApplication.translate("Charts", "%1 days: %2")
    bars = [
        Bar(i, 0, count, fill(text, band, count), ("tenure", band))
        for i, (band, count) in enumerate(report.tenure_at_exit)
    ]
    chart.add_bars(bars, SKY)
    chart.set_ticks([band for band, _, _ in TENURE_BANDS], skip=False)
    item = chart.getPlotItem()
    item.setLabel("bottom", QCoreApplication.translate("Charts", "Days employed"))
    item.setLabel("left", QCoreApplication.translate("Charts", "Separations"))


def draw_seasonality(chart: Chart, report: Report, peaks: list[tuple[str, tuple]]) -> None:
    """Separations by calendar month across the period, with the shop's peak seasons
    shaded on their real dates (season_marks): `peaks` holds (name, runs) of each season,
    a run a year of the period that season touches. Hovering a month's bar names the
    seasons in that month with their dates."""
    chart.clear_bars()
    item = chart.getPlotItem()
    if chart.kept_for != peaks:  # the seasons' shades and names, made again when they change
        for old in chart.kept:
            item.removeItem(old)
        chart.kept, chart.kept_for, chart.names_at = [], list(peaks), []
        for name, runs in peaks:
            brush = QColor(PEAK_SHADE)
            brush.setAlpha(season_marks.shade_alpha(len(runs)))
            for run in runs:
                for first, last in season_marks.spans(run):
                    region = pg.LinearRegionItem(values=(first, last), movable=False,
                                                 brush=brush, pen=pg.mkPen(None))  # fmt: skip
                    region.setZValue(-10)
                    item.addItem(region)
                    chart.kept.append(region)
            if runs and name:
                anchor, x = season_marks.name_place(runs[0])
                label = pg.TextItem(name, color="#7a5200", anchor=anchor)
                item.addItem(label)
                chart.kept.append(label)
                chart.names_at.append((label, x))
    labels = chart.names_at
    text = QCoreApplication.translate("Charts", "Month %1: %2")
    dates = QCoreApplication.translate("Charts", "%1 %2: %3")  # name, year, its dates
    in_month: dict[int, list[str]] = {}
    for name, runs in peaks:
        for run in runs:
            line = dates.replace("%1", name).replace("%2", str(run.year))
            for month in season_marks.months_of(run):
                in_month.setdefault(month, []).append(line.replace("%3", run_text(run)))
    bars = [
        Bar(month - 1, 0, count, fill(text, month, count), ("calendar_month", month),
            "\n".join(in_month.get(month, [])))
        for month, count in report.seasonality
    ]  # fmt: skip
    chart.add_bars(bars, BLUE)
    chart.set_ticks([str(m) for m in range(1, 13)])
    item.setLabel("bottom", QCoreApplication.translate("Charts", "Calendar month"))
    item.setLabel("left", QCoreApplication.translate("Charts", "Separations"))
    top = max((b.height for b in bars), default=0)
    for n, (label, x) in enumerate(labels):  # staggered: neighbouring seasons overlap
        label.setPos(x, top * 1.1 + 1 + (n % 2) * (top * 0.25 + 0.6))
    item.setYRange(0, top * 1.5 + 2.5)
