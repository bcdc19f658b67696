"""The Today panel: what needs the owner's attention now. Who to talk to this week (the
people showing two or more warning signs, each spelled out: store.talk); overdue actions;
people leaving within 14 days; new hires reaching 30 / 60 / 90 days; probations ending
within 14 days; people with no check-in conversation for a while; the next peak season;
exits with an unfinished handover; people at high risk with nothing planned.
A long section shows its first lines and a line that shows more.
Shown at start beside the screens (a dock the owner can close; View > Today brings it
back); double-click a line to go to it. Read off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from retention_desktop.ui.common.labels import season_name
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.common.widgets import show_cut_text

if TYPE_CHECKING:
    from retention_desktop.store.reminders import TodayItems

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # what a line links to: ("action", id)…
MORE = "more"  # the link of a section's "show more" line: (MORE, section key)
FIRST_LINES = 50  # a section shows its first lines, and more on asking (tens of thousands
MORE_LINES = 200  # of people without a check-in would take seconds and help nobody)
(TALK, OVERDUE, LEAVING, NEW_HIRES, PROBATION, NO_CHECK_IN, PEAK, HANDOVER, HIGH_RISK) = (
    "talk",
    "overdue",
    "leaving",
    "new_hires",
    "probation",
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

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.items: TodayItems | None = None
        self._sections: dict[str, tuple] = {}
        self.setObjectName("todayPanel")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("todayTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemActivated.connect(self._activated)
        show_cut_text(self.tree)  # a line cut short shows its whole text on hover
        self.summary = QLabel(self, objectName="todaySummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def show_reading(self) -> None:
        if self.items is None:  # the first read: say so rather than show an empty list
            self.summary.setText(self.tr("Reading…"))

    def show_failure(self, error: Exception) -> None:
        self.summary.setText(
            self.tr("Today's reminders could not be read: %1").replace("%1", str(error))
        )

    def _section(self, key: str, title: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title.replace("%1", f"{count:,}")])
        item.setData(0, KIND_ROLE, (key, None))
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setExpanded(True)
        return item

    def show_items(self, items: TodayItems) -> None:
        self.items = items
        self._sections = {}
        self.tree.clear()
        for key, title, found, line in (
            (TALK, self.tr("Who to talk to this week (%1)"), items.talk_to, self._talk_line),
            (OVERDUE, self.tr("Overdue actions (%1)"), items.overdue, self._overdue_line),
            (LEAVING, self.tr("Leaving within 14 days (%1)"), items.leaving_soon,
             self._leaving_line),
            (NEW_HIRES, self.tr("New hires at 30 / 60 / 90 days (%1)"), items.new_hire_marks,
             self._new_hire_line),
            (PROBATION, self.tr("Probation ending within 14 days (%1)"), items.probation_ending,
             self._probation_line),
            (NO_CHECK_IN, self.tr("No check-in conversation lately (%1)"), items.no_check_in,
             self._no_check_in_line),
            (PEAK, self.tr("Peak season (%1)"), items.peak_season, self._peak_line),
            (HANDOVER, self.tr("Exits with an unfinished handover (%1)"),
             items.unfinished_handover, self._handover_line),
            (HIGH_RISK, self.tr("High risk, nothing planned (%1)"),
             items.high_risk_without_action, self._high_risk_line),
        ):  # fmt: skip
            if found:
                section = self._section(key, title, len(found))
                self._sections[key] = (section, found, line)
                self._add_lines(key, FIRST_LINES)
        count = self.tree.topLevelItemCount()
        self.summary.setText(
            self.tr("Nothing needs you today.")
            if count == 0
            else self.tr("Double-click a line to go to it.")
        )
        self.loaded.emit()

    def _add_lines(self, key: str, how_many: int) -> None:
        """Add the next `how_many` lines of a section (a long list shows its first lines
        and a line that shows more), keeping the "more" line last."""
        section, found, line = self._sections[key]
        shown = len(self.section_lines(key))
        more = section.child(shown)
        if more is not None:
            section.removeChild(more)
        for item in found[shown : shown + how_many]:
            text, link = line(item)
            child = QTreeWidgetItem(section, [text])
            child.setData(0, KIND_ROLE, link)
            child.setToolTip(0, text)
            if key == TALK:  # each warning sign on a line of its own under the person
                for sign in item.signs:
                    words = self._sign_text(sign)
                    under = QTreeWidgetItem(child, [words])
                    under.setData(0, KIND_ROLE, link)
                    under.setToolTip(0, words)
                child.setExpanded(section.indexOfChild(child) < 3)  # the first three open
        left = len(found) - shown - how_many
        if left > 0:
            text = self.tr("Show %1 more… (%2 in all)").replace("%1", f"{min(left, MORE_LINES):,}")
            more = QTreeWidgetItem(section, [text.replace("%2", f"{len(found):,}")])
            more.setData(0, KIND_ROLE, (MORE, key))
            font = QFont(self.font())
            font.setItalic(True)
            more.setFont(0, font)

    def _overdue_line(self, a) -> tuple[str, tuple]:
        who = a.name or self.tr("team %1").replace("%1", a.team)
        due = a.due_date or a.planned_date
        text = self.tr("%1 · %2, due %3 (%4 days ago)").replace("%1", who)
        text = text.replace("%2", a.title or a.action_type).replace("%3", str(due))
        days = (self.session.today() - due).days
        return text.replace("%4", str(days)), ("action", a.action_id)

    def _talk_line(self, t) -> tuple[str, tuple]:
        """The person, how many warning signs, and each sign in words."""
        text = self.tr("%1 (%2): %n sign(s)", "", len(t.signs))
        return text.replace("%1", t.name).replace("%2", t.team), ("plan", t.employee_id)

    def _sign_text(self, sign) -> str:
        code, detail = sign
        if code == "risky_tenure":
            text = self.tr("in days %1-%2, when this shop's hires leave fastest (%3 exits)")
            return (text.replace("%1", str(detail.first)).replace("%2", str(detail.last))
                    .replace("%3", str(detail.exits)))  # fmt: skip
        if code == "no_check_in":
            if detail is None:
                return self.tr("never a check-in")
            return self.tr("no check-in since %1").replace("%1", str(detail))
        if code == "risk_flag":
            return self.tr("risk flagged: %1").replace("%1", self._level(detail))
        if code == "teammate_left":
            name, day = detail
            return self.tr("%1 of the team left on %2").replace("%1", name).replace("%2", str(day))
        if code == "probation_ending":
            return self.tr("probation ends %1").replace("%1", str(detail))
        if code == "notice":
            return self.tr("gave notice, last day %1").replace("%1", str(detail))
        if detail.in_progress:  # a season on now: until when
            text = self.tr("%1: now, until %2").replace("%2", str(detail.end))
        else:
            text = self.tr("%1 starts %2").replace("%2", str(detail.start))
        return text.replace("%1", season_name(detail.code))

    def _level(self, level: str) -> str:
        return {"high": self.tr("high"), "medium": self.tr("medium"), "low": self.tr("low")}.get(
            level, level
        )

    def _leaving_line(self, x) -> tuple[str, tuple]:
        days = (x.last_day - self.session.today()).days
        if days == 0:
            text = self.tr("%1 (%2): last day today")
        else:
            text = self.tr("%1 (%2): last day %3, in %n day(s)", "", days)
        text = text.replace("%1", x.name).replace("%2", x.team).replace("%3", str(x.last_day))
        if x.handover_total:
            handed = self.tr("%1 of %2 handed over").replace("%1", str(x.handover_done))
            text += " · " + handed.replace("%2", str(x.handover_total))
        return text, ("exit", (x.employee_id, x.exit_id))

    def _probation_line(self, p) -> tuple[str, tuple]:
        text = self.tr("%1 (%2): probation ends %3").replace("%1", p.name)
        text = text.replace("%2", p.team).replace("%3", str(p.probation_end))
        return text, ("employee", p.employee_id)

    def _new_hire_line(self, m) -> tuple[str, tuple]:
        text = self.tr("%1 (%2): %3 days on %4").replace("%1", m.name).replace("%2", m.team)
        text = text.replace("%3", str(m.mark)).replace("%4", str(m.mark_day))
        return text, ("employee", m.employee_id)

    def _no_check_in_line(self, p) -> tuple[str, tuple]:
        if p.last_check_in is None:
            text = self.tr("%1 (%2): never, employed %3 days")
            text = text.replace("%3", str(p.days_employed))
        else:
            text = self.tr("%1 (%2): last on %3").replace("%3", str(p.last_check_in))
        return text.replace("%1", p.name).replace("%2", p.team), ("employee", p.employee_id)

    def _peak_line(self, season) -> tuple[str, tuple]:
        name = season_name(season.code)
        if season.in_progress:
            text = self.tr("%1: now, until %2").replace("%2", str(season.end))
        else:
            text = self.tr("%1: from %2, in %3 days").replace("%2", str(season.start))
            text = text.replace("%3", str(season.days_until))
        return text.replace("%1", name), ("dashboard", None)

    def _handover_line(self, x) -> tuple[str, tuple]:
        if x.last_day >= self.session.today():  # notice given: the last day is ahead
            text = self.tr("%1, last day %2: %3 of %4 handed over").replace("%1", x.name)
        else:
            text = self.tr("%1, left %2: %3 of %4 handed over").replace("%1", x.name)
        text = text.replace("%2", str(x.last_day)).replace("%3", str(x.handover_done))
        text = text.replace("%4", str(x.handover_total))
        return text, ("exit", (x.employee_id, x.exit_id))

    def _high_risk_line(self, r) -> tuple[str, tuple]:
        text = self.tr("%1 (%2): flagged %3").replace("%1", r.name).replace("%2", r.team)
        text = text.replace("%3", str(r.flagged_on))
        if r.reason:
            text += " · " + r.reason
        return text, ("plan", r.employee_id)

    def _activated(self, item: QTreeWidgetItem) -> None:
        link = item.data(0, KIND_ROLE)
        if link and link[0] == MORE:
            self._add_lines(link[1], MORE_LINES)
        elif link and (link[1] is not None or link[0] == "dashboard"):
            self.open_link.emit(link)

    def section_lines(self, key: str) -> list[QTreeWidgetItem]:
        """The lines of a section (for tests and links)."""
        for n in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(n)
            if section.data(0, KIND_ROLE)[0] == key:
                lines = [section.child(i) for i in range(section.childCount())]
                return [line for line in lines if line.data(0, KIND_ROLE)[0] != MORE]
        return []
