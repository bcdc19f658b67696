"""The dashboard: its figures computed off the UI thread (read again after a change only
when the page is shown) and given to the page to draw, and the exits behind a chart's
bar."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from retention_desktop.domain.catalog import NOT_GIVEN_ID
from retention_desktop.domain.dates import Period
from retention_desktop.domain.seasons import read_seasons
from retention_desktop.store import departures, queries
from retention_desktop.store.database import Database
from retention_desktop.store.reports import (
    KeptSpells,
    action_figures,
    headcount_of_rows,
    report_of_rows,
    terms_of,
)
from retention_desktop.store.settings import get_setting
from retention_desktop.ui.common.dialogs import run_modal
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.jobs import run_in_background
from retention_desktop.ui.common.session import REASONS, Change
from retention_desktop.ui.dashboard.figures import (
    DESTINATION_BAR,
    DashboardFigures,
    prepare_charts,
)

if TYPE_CHECKING:
    from retention_desktop.ui.dashboard.view import DashboardPage


def compute(
    db: Database,
    lang: str,
    today: date,
    period: Period,
    team: str | None,
    kept: KeptSpells | None,
    changed: Collection[int] | None,
    compare_team: str | None = None,
) -> tuple[KeptSpells, DashboardFigures]:
    """The figures of `period` (and `team`) from every spell of the file: `kept` (read
    before) with the people `changed` since then read again, or every spell read afresh
    when none were kept or anyone may have changed (`changed` None). Returns the spells
    too, to keep."""
    if kept is None or changed is None:
        spells = KeptSpells.read(db, lang)
    elif changed:
        spells = kept.updated(db, lang, changed)
    else:
        spells = kept
    rows, terms = spells.rows, terms_of(db)
    current = report_of_rows(rows, period, team=team, lang=lang, today=today, terms=terms)
    before = report_of_rows(rows, period.previous(), team=team, lang=lang, today=today, terms=terms)
    first_day, last_day = period.first_day, period.last_day
    seasons = tuple(
        (season.code, tuple(season.runs_between(first_day, last_day)))
        for season in read_seasons(get_setting(db, "peak_seasons"))
    )
    compared = None
    if compare_team is not None:
        compared = report_of_rows(rows, period, team=compare_team, lang=lang, today=today,
                                  terms=terms)  # fmt: skip
    return spells, DashboardFigures(
        report=current,
        previous=before,
        headcount_now=headcount_of_rows(rows, today, team),
        actions=action_figures(db, period, lang=lang, team=team),
        alternative=bool(get_setting(db, "show_leavers_plus_closing_rate")),
        currency=get_setting(db, "currency"),
        peak_seasons=seasons,
        compared=compared,
        notices=departures.notice_figures(db, period, team, today),
        destinations=tuple(departures.destinations(db, lang, period, team)),
    )


class DashboardFeature(Feature):
    open_exit = Signal(int, int)  # employee id, exit id: from the exits behind a bar

    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self._generation = 0
        self._kept: tuple[int, KeptSpells] | None = None  # as of which change
        # the people each change since the start touched (None: anyone), so that what was
        # read before a change can be read again for those people only
        self._changes: list[frozenset[int] | None] = []
        self._preparing = False

    def make_page(self) -> DashboardPage:
        from retention_desktop.ui.dashboard.view import (
            DashboardPage,  # the page's module when the page is first shown
        )

        page = DashboardPage(self.session, self.window)
        page.drill_down.connect(self.show_exits_behind)
        page.choice_changed.connect(self.compute)
        return page

    def _prepare_charts(self) -> None:
        """Import the charts' module off the UI thread, when the page is first shown (not
        at start: the import would share the interpreter with the window's own first
        work and make it twice as long); the page says it is preparing them meanwhile."""
        if self._preparing:
            return
        self._preparing = True
        run_in_background(
            self.page, prepare_charts,
            lambda _: self.page.charts_ready(), lambda error: self.page.show_failure(error),
            still_wanted=lambda: not self.session.closed,
        )  # fmt: skip

    def is_stale_after(self, change: Change) -> bool:
        # every figure may move with any record, reason label or setting
        return True

    def on_change(self, change: Change) -> None:
        # a reason renamed: every spell is read again with its new label
        self._changes.append(None if change.touches(REASONS) else change.employees)
        super().on_change(change)

    def reload(self) -> None:
        super().reload()
        self._prepare_charts()
        self.page.set_teams(self.session.teams())
        self.compute()

    def _changed_since(self, at: int) -> set[int] | None:
        changed = self._changes[at:]
        return None if None in changed else set().union(*changed)

    def compute(self) -> None:
        """Compute the figures of the chosen period and the one before it, off the UI
        thread; the newest request wins. Every spell of the file is read once and kept:
        after a change only the people changed are read again, and another period or
        team costs the computing only."""
        self._generation += 1
        generation = self._generation
        data = len(self._changes)
        kept_at, kept = self._kept if self._kept is not None else (0, None)
        changed = self._changed_since(kept_at) if kept is not None else None
        page, session = self.page, self.session

        def done(result: tuple[KeptSpells, DashboardFigures]) -> None:
            spells, figures = result
            if self._kept is None or self._kept[0] < data:
                self._kept = (data, spells)
            if generation == self._generation:
                page.show_figures(figures)

        session.read(
            page, compute, session.lang, session.today(), page.period(), page.team(), kept,
            changed, page.compare_team(), on_success=done, on_failure=page.show_failure,
        )  # fmt: skip

    def show_exits_behind(self, bar) -> None:
        """The exits a bar counts, in a list to open them from; the bar's figure is the
        title."""
        from retention_desktop.ui.dashboard.drilldown import ExitsBehindDialog

        if self.page.report is None:
            return
        rows = exits_behind(self.session, self.page.report.period, self.page.team(), bar.key)
        dialog = ExitsBehindDialog(self.session, bar.text, rows, self.window)
        dialog.open_requested.connect(self.open_exit)
        run_modal(dialog)


def exits_behind(session, period: Period, team: str | None, key: tuple) -> list:
    """The exit rows a chart's bar counts (the report's own bucketing, in the store; a
    destination's bar: the exits of the period that name it)."""
    if key[0] == DESTINATION_BAR:
        where = queries.ExitFilter(
            first=period.first_day,
            last=period.last_day,
            team=team,
            destination_id=NOT_GIVEN_ID if key[1] is None else key[1],
        )
        return queries.exits(session.db, session.lang, where)  # fmt: skip
    return queries.exits_behind_bar(session.db, session.lang, period, team, key)
