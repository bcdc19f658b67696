"""The dashboard: the key turnover figures of a period (and one team), each beside the
previous period of the same length. Every figure is the `report --json` figure of
METRICS.md for the same period and team; the controller computes them off the UI thread
and the page draws what it is given (figures.DashboardFigures), reading nothing itself.

The charts (pyqtgraph) are made when first needed, one per turn of the event loop, once
their module has been imported off the UI thread (`charts_ready`); until then the page
says it is preparing them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import ActionFigures, Report
from retention_desktop.ui.common.labels import season_name
from retention_desktop.ui.common.period_picker import PeriodPicker
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import TeamCombo, set_up_record_table
from retention_desktop.ui.dashboard import wording
from retention_desktop.ui.dashboard.figures import DashboardFigures
from retention_desktop.ui.dashboard.wording import MONEY, Figure, key_figures


class DashboardPage(QWidget):
    """Period and team at the top, the figures below. `choice_changed` when the owner picks
    another period or team; `computed` once figures given to `show_figures` are drawn,
    charts included."""

    computed = Signal()
    choice_changed = Signal()
    drill_down = Signal(object)  # the chart Bar clicked: the exits behind it

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("dashboardPage")
        self.report: Report | None = None
        self.previous: Report | None = None
        self.figures: list[Figure] = []
        self.latest: DashboardFigures | None = None
        self._currency = ""
        # the charts are made and drawn a step per turn of the event loop (a step costs
        # tens of ms): see _step
        self._charts_importable = False  # the charts' module is imported (charts_ready)
        self._stepping = False  # a step is due
        self._to_draw = False  # figures shown whose charts are not drawn yet
        self._drawing: list[str] = []  # the charts still to draw with the figures shown

        self.picker = PeriodPicker(session.today, self)
        self.preset_combo = self.picker.preset_combo
        self.from_edit, self.to_edit = self.picker.from_edit, self.picker.to_edit
        self.team_combo = TeamCombo(self, "dashboardTeamCombo")
        self.picker.changed.connect(self.choice_changed)
        self.team_combo.currentIndexChanged.connect(lambda _index: self.choice_changed.emit())
        # what the survival chart compares the period's hires with (placed under it)
        self.compare_combo = QComboBox(self, objectName="compareCombo")
        self.compare_combo.addItem(self.tr("The previous period's hires"), None)
        self.compare_combo.hide()  # shown under the survival chart once it is laid out
        self.compare_combo.currentIndexChanged.connect(lambda _index: self.choice_changed.emit())
        self.period_label = QLabel(self, objectName="periodLabel")

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period"), self))
        bar.addWidget(self.picker)
        bar.addWidget(self.team_combo)
        bar.addStretch(1)

        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(12)
        self.cards: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        self.empty_label = QLabel(self, objectName="dashboardEmptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.copy_button = QPushButton(self.tr("&Copy figures"), self)
        self.copy_button.setObjectName("copyFiguresButton")
        self.copy_button.setToolTip(self.tr("Copy the figures as a table, to paste elsewhere"))
        self.copy_button.clicked.connect(self.copy_figures)
        bar.addWidget(self.copy_button)

        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.period_label)
        inner.addLayout(self.grid)
        inner.addWidget(self.empty_label)
        inner.addWidget(self._notices_box())
        inner.addWidget(self._actions_box())
        self.charts_label = QLabel(self.tr("Preparing charts…"), body)
        self.charts_label.setObjectName("chartsLabel")
        self.charts_label.hide()
        inner.addWidget(self.charts_label)
        self.chart_grid = QGridLayout()
        inner.addLayout(self.chart_grid)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.charts: dict = {}
        self._made: dict = {}  # the charts made so far, by key

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    def period(self) -> Period:
        return self.picker.period()

    def team(self) -> str | None:
        return self.team_combo.team()

    def compare_team(self) -> str | None:
        """The team whose hires of the period the survival chart compares with (None:
        the previous period's hires)."""
        return self.compare_combo.currentData()

    def set_teams(self, teams: list[str]) -> None:
        """The teams as they are in the file now, keeping the ones picked."""
        self.team_combo.set_teams(teams)
        combo, kept = self.compare_combo, self.compare_combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for team in teams:
            combo.addItem(self.tr("The hires of %1").replace("%1", team), team)
        combo.setCurrentIndex(max(0, combo.findData(kept)))
        combo.blockSignals(False)

    def show_failure(self, error: Exception) -> None:
        self.empty_label.setText(
            self.tr("The figures could not be computed: %1").replace("%1", str(error))
        )
        self.empty_label.show()

    def show_figures(self, shown: DashboardFigures) -> None:
        """Draw these figures (the charts as soon as they are made); `computed` once
        drawn."""
        self.latest = shown
        self._currency = shown.currency
        report, previous = shown.report, shown.previous
        self.report, self.previous = report, previous
        self.figures = key_figures(report, previous, shown.headcount_now, shown.alternative)
        period = report.period
        self.period_label.setText(
            self.tr("%1 to %2 (%3), compared with %4 to %5")
            .replace("%1", str(period.first))
            .replace("%2", str(period.last))
            .replace("%3", self.tr("%Ln month(s)", "", period.month_count))
            .replace("%4", str(previous.period.first))
            .replace("%5", str(previous.period.last))
        )
        for figure in self.figures:
            value, change = self._card(figure.key)
            value.setText(self.format(figure.kind, figure.value))
            change.setText(self.change_text(figure))
        # the cards of the figures shown, four to a row, in order (the alternative rate
        # comes and goes with its setting)
        for frame, _, _ in self.cards.values():
            self.grid.removeWidget(frame)
            frame.hide()
        for n, figure in enumerate(self.figures):
            frame = self.cards[figure.key][0]
            self.grid.addWidget(frame, n // 4, n % 4)
            frame.show()
        empty = self.is_empty()
        self.empty_label.setText(
            self.tr(
                "Nobody was employed in this period. Choose another period or team, or add "
                "your team on the roster."
            )
            if empty
            else ""
        )
        self.empty_label.setVisible(empty)
        self._show_notices(shown.notices)
        self._show_actions(shown.actions)
        self._to_draw = True
        if not self.charts:
            self.charts_label.setVisible(not empty)
        self._schedule()

    def is_empty(self) -> bool:
        """Nobody was employed in the period shown."""
        summary = self.report.summary
        return summary.opening == 0 and summary.hires == 0

    # Notices given
    def _notices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Notices given in the period"), self)
        box.setObjectName("noticesBox")
        self.notices_label = QLabel(box, objectName="noticesLabel")
        self.notices_label.setWordWrap(True)
        self.notices_label.setToolTip(
            self.tr(
                "A notice counts in the period its notice date falls in. Kept: withdrawn, "
                "the person stayed. Lost: the last working day has passed. Still on notice: "
                "the last working day is today or ahead."
            )
        )
        QVBoxLayout(box).addWidget(self.notices_label)
        return box

    def _show_notices(self, notices) -> None:
        if notices is None or notices.given == 0:
            self.notices_label.setText(
                self.tr("Nobody gave notice in this period (exits recorded with a notice date).")
            )
            return
        given = self.tr("%Ln notice(s) given: %1 kept, %2 lost, %3 still on notice.", "",
                        notices.given)  # fmt: skip
        text = (
            given.replace("%1", f"{notices.kept:,}")
            .replace("%2", f"{notices.lost:,}")
            .replace("%3", f"{notices.open:,}")
        )
        if notices.tried:
            text += " " + (
                self.tr("You tried to keep %Ln of them; %1 stayed.", "", notices.tried)
                .replace("%1", f"{notices.kept_after_try:,}")
            )  # fmt: skip
        self.notices_label.setText(text)

    # Retention actions
    def _actions_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Retention actions planned in the period"), self)
        box.setObjectName("actionsBox")
        self.actions_model = QStandardItemModel(0, 4, self)
        self.actions_model.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Planned"), self.tr("Done"), self.tr("Cancelled")]
        )
        self.actions_view = QTableView(box)
        set_up_record_table(self.actions_view, "actionsFiguresView")
        self.actions_view.setModel(self.actions_model)
        header = self.actions_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.actions_cost_label = QLabel(box, objectName="actionsCostLabel")
        layout = QHBoxLayout(box)
        layout.addWidget(self.actions_view, 3)
        layout.addWidget(self.actions_cost_label, 2, Qt.AlignmentFlag.AlignTop)
        self.actions_cost_label.setWordWrap(True)
        return box

    def _show_actions(self, figures: ActionFigures) -> None:
        self.action_figures = figures
        model = self.actions_model
        model.removeRows(0, model.rowCount())
        for label, planned, done, cancelled in figures.by_type:
            cells = [QStandardItem(label)]
            for count in (planned, done, cancelled):
                item = QStandardItem(f"{count:,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cells.append(item)
            model.appendRow(cells)
        rows = max(1, len(figures.by_type))
        view = self.actions_view
        view.setFixedHeight(
            view.horizontalHeader().height() + rows * view.verticalHeader().defaultSectionSize() + 4
        )
        self.actions_cost_label.setText(
            self.tr(
                "%1 planned, %2 done, %3 cancelled.\nCost of the actions done in the period: %4"
            )
            .replace("%1", f"{figures.planned:,}")
            .replace("%2", f"{figures.done:,}")
            .replace("%3", f"{figures.cancelled:,}")
            .replace("%4", self.format(MONEY, figures.cost_done))
            if figures.by_type
            else self.tr("No retention actions were planned in this period.")
        )

    # Charts
    def charts_ready(self) -> None:
        """The charts' module is imported (off the UI thread): the charts can be made."""
        self._charts_importable = True
        self._schedule()

    def _schedule(self) -> None:
        if self._charts_importable and not self._stepping and (self._to_draw or self._drawing):
            self._stepping = True
            QTimer.singleShot(1, self, self._step)  # a timer: input and paint come between

    def _chart_specs(self) -> list[tuple[str, str, str | None]]:
        return [
            ("monthly", self.tr("Separations per month and turnover rate"), "left"),
            ("headcount", self.tr("Headcount at the end of each month"), "left"),
            ("hires", self.tr("Hires and separations per month, and the net change"), "left"),
            ("survival", self.tr("How long the period's hires stay (dashed: those compared "
                                 "with, chosen below)"), None),
            ("reasons", self.tr("Separations by reason"), "bottom"),
            ("teams", self.tr("Turnover rate by team"), None),
            ("tenure", self.tr("Tenure at exit"), "left"),
            ("seasonality", self.tr("Separations by calendar month, peak seasons shaded"),
             "left"),
            ("destinations", self.tr("Where the leavers went"), "bottom"),
        ]  # fmt: skip

    def _step(self) -> None:
        """One step of making the charts (the first time) and drawing the figures shown
        last in them: one chart made or drawn per turn of the event loop; `computed` once
        all are drawn."""
        from retention_desktop.ui.dashboard import charts  # imported already: charts_ready

        self._stepping = False
        made = self._made
        for key, title, counts in self._chart_specs():
            if key not in made:
                chart = charts.Chart(title, f"chart_{key}", self, counts=counts)
                chart.hide()  # until laid out, not a window of its own
                chart.bar_clicked.connect(self.drill_down)
                made[key] = chart
                self._schedule()
                return
        if not self.charts:
            self._lay_out_charts(charts, made)
            self.charts_label.hide()
        if self._to_draw:  # (newer) figures: draw every chart again
            self._to_draw = False
            self._drawing = [key for key, _, _ in self._chart_specs()]
        if self._drawing:
            key = self._drawing.pop(0)
            chart, report = made[key], self.report
            if key == "seasonality":
                charts.draw_seasonality(chart, report, self.peak_seasons())
            elif key == "destinations":
                from retention_desktop.ui.dashboard.departure_charts import draw_destinations

                draw_destinations(chart, self.latest.destinations)
            elif key == "survival":
                latest = self.latest
                other = None if latest is None else latest.compared or latest.previous
                charts.draw_survival(chart, report, other)
            else:
                getattr(charts, f"draw_{key}")(chart, report)
            # each box shown once drawn, so that their first paints come one at a time
            # too (the months' box holds the headcount below them)
            if key != "monthly":
                self.charts["monthly" if key == "headcount" else key][1].setVisible(
                    not self.is_empty()
                )
            if self._drawing:
                self._schedule()
                return
        self.computed.emit()

    def _lay_out_charts(self, charts, made: dict) -> None:
        # the headcount under the months, on the same x axis, saved with them
        made["headcount"].setMinimumHeight(150)
        made["headcount"].setMaximumHeight(190)
        made["headcount"].setXLink(made["monthly"])
        charts.align_axes(made["monthly"], made["headcount"])
        months = QWidget(self)
        months.setObjectName("picture_monthly")
        column = QVBoxLayout(months)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(made["monthly"], 3)
        column.addWidget(made["headcount"], 1)
        pictures = {"monthly": months}
        boxes = {}
        keys = ("monthly", "hires", "survival", "reasons", "teams", "tenure", "seasonality",
                "destinations")  # fmt: skip
        for key in keys:
            picture = pictures.get(key, made[key])
            box = QWidget(self)
            box.hide()  # shown once drawn
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(picture)
            buttons = QHBoxLayout()
            if key == "survival":
                label = QLabel(self.tr("Compare &with"), box)
                label.setBuddy(self.compare_combo)
                buttons.addWidget(label)
                buttons.addWidget(self.compare_combo)
                self.compare_combo.show()
            buttons.addStretch(1)
            save = QPushButton(self.tr("Save as PNG…"), box)
            save.setObjectName(f"save_{key}")
            save.clicked.connect(
                lambda _=False, p=picture, t=made[key].title: self.save_chart(p, name=t)
            )
            for chart in (made[key], made["headcount"]) if key == "monthly" else (made[key],):
                chart.save_requested.connect(
                    lambda p=picture, t=made[key].title: self.save_chart(p, name=t)
                )
                chart.copy_requested.connect(self.copy_figures)
            buttons.addWidget(save)
            column.addLayout(buttons)
            boxes[key] = box
        for chart in made.values():
            chart.show()
        self.charts = {key: (made[key], box) for key, box in boxes.items()}
        self.charts["headcount"] = (made["headcount"], months)
        self.pictures = {key: pictures.get(key, made[key]) for key in self.charts}
        # the months, then hires against exits, across the whole width; the others two
        # by two below
        self.chart_grid.addWidget(self.charts["monthly"][1], 0, 0, 1, 2)
        self.chart_grid.addWidget(self.charts["hires"][1], 1, 0, 1, 2)
        self.chart_grid.addWidget(self.charts["survival"][1], 2, 0, 1, 2)
        for n, key in enumerate(("reasons", "teams", "tenure", "seasonality", "destinations")):
            self.chart_grid.addWidget(self.charts[key][1], 3 + n // 2, n % 2)

    def peak_seasons(self) -> list[tuple[str, tuple]]:
        """(name, runs) of each peak season of the settings: its real dates in each year
        of the period it touches (domain.seasons.Run)."""
        seasons = self.latest.peak_seasons if self.latest is not None else ()
        return [(season_name(code), runs) for code, runs in seasons]

    def save_chart(self, chart, name: str) -> str | None:
        """Save a chart (a chart widget, or the months with their headcount) as PNG,
        asking where."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), f"{name}.png", self.tr("PNG image (*.png)")
        )
        if not path:
            return None
        if not path.lower().endswith(".png"):
            path += ".png"
        if not chart.grab().save(path, "PNG"):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self, self.tr("Save chart"), self.tr("%1 could not be written.").replace("%1", path)
            )
            return None
        return path

    def figures_table(self) -> str:
        """The key figures as tab-separated rows: name, value, previous period, change."""
        lines = [
            "\t".join(
                (self.tr("Figure"), self.period_label.text(),
                 self.tr("Previous period"), self.tr("Change"))
            )
        ]  # fmt: skip
        for figure in self.figures:
            lines.append(
                "\t".join(
                    (
                        self.title(figure.key),
                        self.format(figure.kind, figure.value),
                        self.format(figure.kind, figure.previous)
                        if figure.key != "headcount_now"
                        else "",
                        self.change_text(figure),
                    )
                )
            )
        return "\n".join(lines) + "\n"

    def copy_figures(self) -> None:
        QApplication.clipboard().setText(self.figures_table())

    def _card(self, key: str) -> tuple[QLabel, QLabel]:
        if key not in self.cards:
            frame = QFrame(self)
            frame.setObjectName(f"card_{key}")
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(frame)
            title = QLabel(self.title(key), frame)
            title.setWordWrap(True)
            # two lines kept for every title: the figures of a row stand level
            title.setMinimumHeight(2 * title.fontMetrics().lineSpacing())
            title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = QLabel(frame, objectName=f"figure_{key}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value.setFont(font)
            change = QLabel(frame, objectName=f"change_{key}")
            change.setWordWrap(True)  # a narrow window wraps it rather than cut the card
            for label in (title, value, change):
                box.addWidget(label)
            # how it is computed (shared/METRICS.md in the owner's words): on hover and
            # with What's This (Shift+F1)
            explained = self.explanation(key)
            frame.setToolTip(explained)
            frame.setWhatsThis(explained)
            self.cards[key] = (frame, value, change)
        _, value, change = self.cards[key]
        return value, change

    def explanation(self, key: str) -> str:
        return wording.explanation(key)

    def title(self, key: str) -> str:
        return wording.title(key)

    def format(self, kind: str, value: float | None) -> str:
        return wording.format_value(kind, value, self._currency)

    def change_text(self, figure: Figure) -> str:
        return wording.change_text(figure, self._currency)
