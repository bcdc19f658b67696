"""How fast the dashboard recomputes and redraws with 100,000 employees over 10 years
(issue 4), offscreen, in this process.

Builds (or reuses) bench/.cache/big-100k.db with big_db.py and opens it as the app does
(create_application("zh_CN"), open_database, Session), with "today" fixed at 2026-11-23
so that the default period, the last 12 whole months, is the big file's last year
(2025-11 .. 2026-10). The main window is shown at 1280x900 on the dashboard page; the
first showing (which imports pyqtgraph and numpy and makes the charts, while the roster
reads its rows in the background) is timed apart; then the roster is let finish.

Then each change the owner makes, through the page's own widgets, is timed from the
change to the end of the repaint of the window: the change, the two reports (the period
and the one before it) read and computed off the UI thread, the figures and the six
charts drawn, and `window.repaint()` (a synchronous paint of what the window shows).
Each line gives the min and the median of --repeat rounds, the median against the
target, and the median of its parts:

- "ui": time on the UI thread before the background work starts (the headcount-now
  query, settings);
- "reports": from then until the figures arrive back on the UI thread: every spell read
  from the file (only after a change: the rows are kept until the next one) and the two
  reports computed;
- "draw": setting the figures and drawing the charts;
- "paint": the repaint.

Also printed: the whole scrolled body rendered off screen (every chart painted, as saving
or scrolling through would), and the peak RSS of the process.

    .venv/bin/python bench/bench_dashboard.py [--repeat 5] [--employees N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date

from big_db import build
from PySide6.QtCore import QEventLoop, QTimer

TARGET = 0.5
LANG = "zh_CN"
TODAY = date(2026, 11, 23)
TIMEOUT = 60.0


class Clock:
    """Marks the moments of one refresh of the dashboard page."""

    def __init__(self, page) -> None:
        self.page = page
        self.marks: dict[str, float] = {}
        refresh, show = page.refresh, page._show

        def timed_refresh() -> None:
            refresh()
            self.marks.setdefault("started", time.perf_counter())

        def timed_show(*args) -> None:
            self.marks["arrived"] = time.perf_counter()
            show(*args)
            self.marks["drawn"] = time.perf_counter()

        # connections made before this point call the bound methods they were given;
        # re-point the page's own so that each step is seen
        page.refresh = timed_refresh
        page._show = timed_show
        page.team_combo.currentIndexChanged.disconnect()
        page.team_combo.currentIndexChanged.connect(timed_refresh)
        page.picker.changed.disconnect()
        page.picker.changed.connect(timed_refresh)


def wait_for_figures(app, clock: Clock) -> None:
    """Run the event loop until the page has shown new figures. The loop blocks in
    between (no polling that would take the GIL from the background computation)."""
    if "drawn" in clock.marks:
        return
    loop = QEventLoop()
    clock.page.computed.connect(loop.quit)
    QTimer.singleShot(int(TIMEOUT * 1000), loop.quit)
    try:
        loop.exec()
    finally:
        clock.page.computed.disconnect(loop.quit)
    if "drawn" not in clock.marks:
        raise TimeoutError("the dashboard did not compute in time")


def measure(app, window, clock: Clock, action) -> dict[str, float]:
    clock.marks = {}
    began = time.perf_counter()
    action()
    wait_for_figures(app, clock)
    window.repaint()
    ended = time.perf_counter()
    marks = clock.marks
    return {
        "total": ended - began,
        "ui": marks["started"] - began,
        "reports": marks["arrived"] - marks["started"],
        "draw": marks["drawn"] - marks["arrived"],
        "paint": ended - marks["drawn"],
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds of each measure")
    parser.add_argument("--employees", type=int, default=100_000)
    args = parser.parse_args(argv)

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    settings = tempfile.TemporaryDirectory(prefix="bench-dashboard-")
    os.environ["XDG_CONFIG_HOME"] = settings.name  # the window's QSettings go there
    db_path = build(employees=args.employees)

    from PySide6.QtCore import QDate, qVersion
    from PySide6.QtWidgets import QScrollArea

    from retention_desktop.app import create_application
    from retention_desktop.store.database import open_database
    from retention_desktop.ui.common import period_picker
    from retention_desktop.ui.common.jobs import wait_for_jobs
    from retention_desktop.ui.common.session import Session
    from retention_desktop.ui.shell.main_window import MainWindow

    app = create_application(LANG, [sys.argv[0]])
    session = Session(open_database(db_path), db_path, LANG)
    session.today = lambda: TODAY
    stats = session.db.execute(
        "SELECT (SELECT count(*) FROM employees), (SELECT count(*) FROM spells), "
        "(SELECT count(*) FROM exits)"
    ).fetchone()
    print(
        f"Qt {qVersion()}, Python {sys.version.split()[0]}, {app.platformName()}, "
        f"{stats[0]:,} employees, {stats[1]:,} spells, {stats[2]:,} exits, today {TODAY}, "
        f"{args.repeat} rounds; ms from the change to the end of the repaint"
    )
    try:
        window = MainWindow(session)
        window.resize(1280, 900)
        window.show()
        app.processEvents()
        page = window.dashboard.page
        clock = Clock(page)
        first = measure(app, window, clock, lambda: window.nav.setCurrentRow(3))
        print(
            f"\nfirst showing of the dashboard (imports pyqtgraph, makes the charts): "
            f"{ms(first['total'])} ms (reports {ms(first['reports'])}, draw "
            f"{ms(first['draw'])}, paint {ms(first['paint'])})"
        )

        # the roster reads its 100,000 rows in the background from the start; a change
        # while it reads would start that read again. The owner makes changes later.
        wait_for_jobs()
        app.processEvents()
        assert window.roster.page.loaded
        biggest = max(
            session.teams(),
            key=lambda team: session.db.execute(
                "SELECT count(*) FROM spells WHERE team = ?", [team]
            ).fetchone()[0],
        )
        team_index = page.team_combo.findText(biggest)
        # what the screens hear after an edit of one person (the roster reloads that one)
        someone = session.db.execute("SELECT min(id) FROM employees").fetchone()[0]
        presets = page.preset_combo

        def preset(key: int):
            return lambda: presets.setCurrentIndex(presets.findData(key))

        def team(index: int):
            return lambda: page.team_combo.setCurrentIndex(index)

        def first_month(year: int, month: int):
            return lambda: page.from_edit.setDate(QDate(year, month, 1))

        def nothing() -> None:
            pass

        # (what is measured, the change, how it is undone between rounds: not measured)
        cases = [
            ("a change to one person: their spells read again",
             lambda: session.changed.emit(someone), nothing),
            ("the reason list saved: every spell read again",
             lambda: session.catalog_saved(False), nothing),
            ("last 12 months again, from the rows kept", page.refresh, nothing),
            ("team: the largest", team(team_index), team(0)),
            ("this year", preset(period_picker.PRESET_THIS_YEAR), preset(0)),
            ("last year", preset(period_picker.PRESET_LAST_YEAR), preset(0)),
            ("months: 2016-11 .. 2026-10 (all 10 years)", first_month(2016, 11),
             first_month(2025, 11)),
            ("all 10 years, team: the largest", team(team_index), team(0)),
        ]  # fmt: skip
        columns = "   ".join(
            f"{name:>7}" for name in ("min", "median", "ui", "reports", "draw", "paint")
        )
        print(f"\n  {'change':<46} {columns}   target (median)")
        worst = 0.0
        for label, action, undo in cases:
            if label.startswith("months"):  # from here on: any month range
                measure(app, window, clock, preset(period_picker.PRESET_CUSTOM))
            if label.startswith("all 10 years"):
                measure(app, window, clock, first_month(2016, 11))
            rounds = []
            for _ in range(args.repeat):
                rounds.append(measure(app, window, clock, action))
                if undo is not nothing:
                    measure(app, window, clock, undo)
            totals = [r["total"] for r in rounds]
            median = statistics.median(totals)
            worst = max(worst, median)
            parts = "   ".join(
                ms(statistics.median(r[key] for r in rounds))
                for key in ("ui", "reports", "draw", "paint")
            )
            verdict = "OK" if median < TARGET else "MISSED"
            print(
                f"  {label:<46} {ms(min(totals))}   {ms(median)}   {parts}   "
                f"< {TARGET * 1000:.0f} ms  {verdict}"
            )

        body = page.findChild(QScrollArea, "dashboardScroll").widget()
        began = time.perf_counter()
        body.grab()
        print(
            f"\nthe whole dashboard body rendered off screen: {ms(time.perf_counter() - began)} ms"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of the process: {peak:.0f} MB; slowest median {ms(worst)} ms")
        window.close()
    finally:
        session.close()
        settings.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
