"""The Today panel: what needs the owner's attention now. Overdue actions; new hires
reaching 30 / 60 / 90 days; people with no check-in conversation for a while; the next
peak season; exits with an unfinished handover; people at high risk with nothing planned.
Shown at start beside the screens (a dock the owner can close; View > Today brings it
back); double-click a line to go to it. Read off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from retention_desktop.store.reminders import TodayItems, today_items_of_file
from retention_desktop.ui.jobs import run_in_background
from retention_desktop.ui.session import Session

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # what a line links to: ("action", id)…
(OVERDUE, NEW_HIRES, NO_CHECK_IN, PEAK, HANDOVER, HIGH_RISK) = (
    "overdue",
    "new_hires",
    "no_check_in",
    "peak",
    "handover",
    "high_risk",
)


class TodayPanel(QWidget):
    """`open_link` carries what a line points at: ("action", action id), ("employee",
    employee id), ("exit", (employee id, exit id)) or ("dashboard", None)."""

    open_link = Signal(object)
    loaded = Signal()

    def __init__(self, session: Session, season_name, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.season_name = season_name
        self.items: TodayItems | None = None
        self._generation = 0
        self.setObjectName("todayPanel")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("todayTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemActivated.connect(self._activated)
        self.summary = QLabel(self, objectName="todaySummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        path, lang, today = self.session.path, self.session.lang, self.session.today()

        def done(items: TodayItems) -> None:
            if generation == self._generation:
                self._show(items)

        run_in_background(lambda: today_items_of_file(path, lang, today), done)

    def _section(self, key: str, title: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title.replace("%1", str(count))])
        item.setData(0, KIND_ROLE, (key, None))
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setExpanded(True)
        return item

    @staticmethod
    def _line(parent: QTreeWidgetItem, text: str, link: tuple) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, KIND_ROLE, link)
        item.setToolTip(0, text)
        return item

    def _show(self, items: TodayItems) -> None:
        self.items = items
        self.tree.clear()
        today = self.session.today()
        if items.overdue:
            section = self._section(OVERDUE, self.tr("Overdue actions (%1)"), len(items.overdue))
            for a in items.overdue:
                who = a.name or self.tr("team %1").replace("%1", a.team)
                due = a.due_date or a.planned_date
                text = self.tr("%1 · %2, due %3 (%4 days ago)").replace("%1", who)
                text = text.replace("%2", a.title or a.action_type).replace("%3", str(due))
                self._line(section, text.replace("%4", str((today - due).days)),
                           ("action", a.action_id))  # fmt: skip
        if items.new_hire_marks:
            section = self._section(NEW_HIRES, self.tr("New hires at 30 / 60 / 90 days (%1)"),
                                    len(items.new_hire_marks))  # fmt: skip
            for m in items.new_hire_marks:
                text = self.tr("%1 (%2): %3 days on %4").replace("%1", m.name).replace("%2", m.team)
                text = text.replace("%3", str(m.mark)).replace("%4", str(m.mark_day))
                self._line(section, text, ("employee", m.employee_id))
        if items.no_check_in:
            section = self._section(NO_CHECK_IN, self.tr("No check-in conversation lately (%1)"),
                                    len(items.no_check_in))  # fmt: skip
            for p in items.no_check_in:
                if p.last_check_in is None:
                    text = self.tr("%1 (%2): never, employed %3 days")
                    text = text.replace("%3", str(p.days_employed))
                else:
                    text = self.tr("%1 (%2): last on %3").replace("%3", str(p.last_check_in))
                text = text.replace("%1", p.name).replace("%2", p.team)
                self._line(section, text, ("employee", p.employee_id))
        if items.peak_season:
            section = self._section(PEAK, self.tr("Peak season (%1)"), len(items.peak_season))
            for season in items.peak_season:
                name = self.season_name(season.code)
                if season.in_progress:
                    text = self.tr("%1: now, until %2").replace("%2", str(season.end))
                else:
                    text = self.tr("%1: from %2, in %3 days").replace("%2", str(season.start))
                    text = text.replace("%3", str(season.days_until))
                self._line(section, text.replace("%1", name), ("dashboard", None))
        if items.unfinished_handover:
            section = self._section(HANDOVER, self.tr("Exits with an unfinished handover (%1)"),
                                    len(items.unfinished_handover))  # fmt: skip
            for x in items.unfinished_handover:
                text = self.tr("%1, left %2: %3 of %4 handed over").replace("%1", x.name)
                text = text.replace("%2", str(x.last_day)).replace("%3", str(x.handover_done))
                self._line(section, text.replace("%4", str(x.handover_total)),
                           ("exit", (x.employee_id, x.exit_id)))  # fmt: skip
        if items.high_risk_without_action:
            section = self._section(HIGH_RISK, self.tr("High risk, nothing planned (%1)"),
                                    len(items.high_risk_without_action))  # fmt: skip
            for r in items.high_risk_without_action:
                text = self.tr("%1 (%2): flagged %3").replace("%1", r.name).replace("%2", r.team)
                text = text.replace("%3", str(r.flagged_on))
                if r.reason:
                    text += " · " + r.reason
                self._line(section, text, ("plan", r.employee_id))
        count = self.tree.topLevelItemCount()
        self.summary.setText(
            self.tr("Nothing needs you today.")
            if count == 0
            else self.tr("Double-click a line to go to it.")
        )
        self.loaded.emit()

    def _activated(self, item: QTreeWidgetItem) -> None:
        link = item.data(0, KIND_ROLE)
        if link and (link[1] is not None or link[0] == "dashboard"):
            self.open_link.emit(link)

    def section_lines(self, key: str) -> list[QTreeWidgetItem]:
        """The lines of a section (for tests and links)."""
        for n in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(n)
            if section.data(0, KIND_ROLE)[0] == key:
                return [section.child(i) for i in range(section.childCount())]
        return []
