"""How long each user action keeps the UI thread busy: the longest stall of the Qt event
loop, per action, on the real main window, at the demo shop's size and at 100,000 employees.

A heartbeat (a 1 ms precise QTimer on the UI thread) notes the time between consecutive
ticks. The stall of an action is the longest gap between ticks from the moment the action
is triggered (the time inside `action.trigger()` included: it is UI thread time) until the
app is idle again: no job in QThreadPool.globalInstance(), no modal dialog, then 200 ms of
quiet. Time the UI thread waits for the GIL held by a background read counts: the owner
waits for it too.

The window is made as the app makes it (create_application("zh_CN"), open_database,
Session, MainWindow, show; "today" fixed; the daily backup is not started) and driven only
as the owner drives it, through stable names: actions by objectName (`findChild(QAction,
...)`), the pages by the View menu's Ctrl+1..Ctrl+4, the roster's search field and list
by `findChildren`, key presses and clicks by QTest. Modal dialogs are cancelled by a timer
once the app is idle behind them (a file dialog is answered with a real file); "open" is
the time until the window first paints (start) or the first modal dialog is up.

The start is told in two lines. Until the window's first frame is drawn there is no window
to freeze: "window made and first painted" is launch time, shown for information (the
first paint of any window pays Qt's first font, style and PySide enum set-up; a bare
QMainWindow with one label takes 18-26 ms here). "after the first frame, until reads
done" is the longest stall from the first frame on, with the window on screen: that one
has the target.

Each round is a fresh process (first showings pay their imports, as at a real start);
the table gives the longest stall of all rounds, the median and every round, against the
target (demo shop 100 ms, 100,000 employees 250 ms): OVER when the median is above it,
"over k/n" when only some rounds are.

- demo: domain.demo.generate_shop (5 years, ~200 people ever) loaded into a temporary file;
- 100k: big_db.py's file plus bench_actions.py's 300,000 actions, risk flags and handover
  items, cached as bench/.cache/big-100k-actions.db (built once, ~1 minute); --plain uses
  the plain big file.

    .venv/bin/python bench/bench_stalls.py [--repeat 3] [--size demo|100k|both] [--plain]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from big_db import CACHE_DIR, DEFAULT_END, build
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QProgressDialog,
    QStackedWidget,
)

LANG = "zh_CN"
DEMO_TODAY = date(2026, 11, 23)
DEMO_YEARS, DEMO_HEADCOUNT = 5, 70  # 192 people ever, 195 spells
TARGETS = {"demo": 0.100, "100k": 0.250}
BEAT_MS = 1
QUIET = 0.2
TIMEOUT = 120.0
IMPORT_ROWS = 1000
PAGES = ("Roster", "Exits", "Actions", "Dashboard")  # View menu, Ctrl+1 .. Ctrl+4
DIALOGS = (  # (label, objectName of the action)
    ("New employee", "new"),
    ("Record exit (a row selected)", "recordExit"),
    ("Plan action", "planAction"),
    ("Flag at risk", "flagRisk"),
    ("Settings", "settings"),
    ("Exit reasons", "reasons"),
    ("Action library", "actionLibrary"),
    ("Does it help?", "effectAction"),
    ("Export to Excel", "export"),
    ("Import (a real .xlsx chosen)", "import"),
)


def app_parts():
    """The app's own pieces, imported here only: when a module moves, one line changes."""
    from retention_desktop.app import create_application
    from retention_desktop.store.database import open_database
    from retention_desktop.ui.common.session import Session
    from retention_desktop.ui.shell.main_window import MainWindow

    return create_application, open_database, Session, MainWindow


class Heartbeat(QObject):
    """Ticks every BEAT_MS on the UI thread; `worst` is the longest gap since `begin()`.
    Every few ticks it also answers modal dialogs and tells when the app is idle."""

    def __init__(self, import_file: Path) -> None:
        super().__init__()
        self.pool = QThreadPool.globalInstance()
        self.import_file = import_file
        self.loop: QEventLoop | None = None
        self.modal = self.closing = None
        self.opened: float | None = None
        self.quiet_since: float | None = None
        self.modal_since = 0.0
        self.last = self.polled = time.perf_counter()
        self.worst = self.gc_worst = self.gc_began = 0.0
        self.first_frame: FirstPaint | None = None  # the start: split at the first frame
        self.launch = 0.0
        gc.callbacks.append(self.collected)
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        self.timer.start(BEAT_MS)

    def begin(self) -> None:
        self.opened, self.worst, self.gc_worst = None, 0.0, 0.0
        self.last = time.perf_counter()

    def collected(self, phase: str, info: dict) -> None:
        """The longest garbage collection since `begin()` (the app collects on a timer on
        the UI thread: ui/collector.py), to tell a collection from the action's own work."""
        if phase == "start":
            self.gc_began = time.perf_counter()
        else:
            self.gc_worst = max(self.gc_worst, time.perf_counter() - self.gc_began)

    def tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        if self.first_frame is not None and self.first_frame.at is not None:
            # The gap that drew the window's first frame ends here: until then there was
            # no window to freeze (that is launch time); from now on it counts.
            self.launch, self.worst, self.first_frame = max(self.worst, gap), 0.0, None
        elif gap > self.worst:
            self.worst = gap
        self.last = now
        if now - self.polled >= 0.002:
            self.polled = now
            self.poll(now)

    def poll(self, now: float) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and not modal.isVisible():
            modal = None
        progress = isinstance(modal, QProgressDialog)
        if modal is not None and not progress and modal is not self.modal:
            self.modal, self.modal_since, self.quiet_since = modal, now, None
            self.opened = self.opened or now
            if isinstance(modal, QFileDialog):  # the owner types the path and presses Open

                def choose(dialog=modal) -> None:
                    dialog.findChild(QLineEdit, "fileNameEdit").setText(str(self.import_file))
                    dialog.accept()

                QTimer.singleShot(0, choose)
                return
        if modal is None:
            self.modal = None
        if self.pool.activeThreadCount() or progress:
            self.quiet_since = None
        elif self.quiet_since is None:
            self.quiet_since = now
        elif now - self.quiet_since >= QUIET or (
            self.modal is not None and now - self.modal_since > TIMEOUT
        ):
            self.quiet_since = None
            if self.modal is not None and self.modal is not self.closing:
                self.closing = self.modal  # cancelled from a timer of its own (see brief)
                QTimer.singleShot(0, self.modal.reject)
            elif self.modal is None and self.loop is not None:
                self.loop.quit()

    def wait_idle(self) -> None:
        self.quiet_since = None
        self.loop = QEventLoop()
        QTimer.singleShot(int(TIMEOUT * 1000), self.loop.quit)
        self.loop.exec()
        self.loop = None


class FirstPaint(QObject):
    def __init__(self, widget) -> None:
        super().__init__()
        self.at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def child(db_path: Path, today: date, import_file: Path) -> list[dict]:
    """One round in this process: every action measured once, in the owner's order."""
    from PySide6.QtGui import QAction
    from PySide6.QtTest import QTest

    create_application, open_database, Session, MainWindow = app_parts()
    Session.today = staticmethod(lambda: today)
    app = create_application(LANG, [sys.argv[0]])
    beat = Heartbeat(import_file)
    began = time.perf_counter()
    session = Session(open_database(db_path), db_path, LANG)
    results = [{"name": "(file opened and checked, before the window)", "info": True,
                "stall": time.perf_counter() - began, "open": None}]  # fmt: skip
    window = None

    def measure(name: str, action, opened_at=None) -> None:
        beat.begin()
        began = time.perf_counter()
        error = None
        try:
            action()
        except Exception as problem:  # reported in the table
            error = f"{type(problem).__name__}: {problem}"
        beat.wait_idle()
        opened = opened_at() if opened_at else beat.opened
        results.append({"name": name, "stall": beat.worst, "error": error, "gc": beat.gc_worst,
                        "open": None if opened is None else opened - began})  # fmt: skip

    painted: list[FirstPaint] = []

    def start() -> None:
        nonlocal window
        window = MainWindow(session)
        painted.append(FirstPaint(window.findChild(QListWidget, "navigation").viewport()))
        beat.first_frame = painted[0]
        window.show()

    def trigger(name: str):
        def go() -> None:
            action = window.findChild(QAction, name)
            if action is None or not action.isEnabled():
                raise RuntimeError(f"action {name!r} missing or disabled")
            action.trigger()

        return go

    measure("baseline: nothing (the heartbeat's floor)", lambda: None)
    results[-1]["info"] = True
    measure("start: after the first frame, until reads done", start, lambda: painted[0].at)
    launch = {"name": "start: window made and first painted", "info": True,
              "stall": beat.launch, "open": results[-1]["open"], "gc": 0.0}  # fmt: skip
    results.insert(len(results) - 1, launch)
    view_actions = {a.shortcut().toString(): a for a in window.findChildren(QAction)}
    pages = {p: view_actions[f"Ctrl+{n + 1}"] for n, p in enumerate(PAGES)}
    measure("Today panel hidden (Ctrl+T)", trigger("todayAction"))
    measure("Today panel shown again: read (Ctrl+T)", trigger("todayAction"))
    for time_ in ("first", "second"):
        for page in (*PAGES[1:], PAGES[0]):
            measure(f"{page} page, {time_} time", pages[page].trigger)

    roster = window.findChild(QStackedWidget, "pages").currentWidget()
    search = next(
        e for e in roster.findChildren(QLineEdit)
        if e.isVisible() and not isinstance(e.parent(), QComboBox)
    )  # fmt: skip
    search.setFocus()
    for key in "12":
        measure(f"roster search: type {key!r}", lambda key=key: QTest.keyClicks(search, key))

    def clear() -> None:
        QTest.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(search, Qt.Key.Key_Delete)

    measure("roster search: cleared (Ctrl+A, Delete)", clear)
    view = next(v for v in roster.findChildren(QAbstractItemView) if v.isVisible())

    def click(row: int) -> None:
        at = view.visualRect(view.model().index(row, 0)).center()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)

    measure("roster: select a row (click)", lambda: click(0))
    record_exit = window.findChild(QAction, "recordExit")
    for row in range(1, min(50, view.model().rowCount())):  # someone employed, if not yet
        if record_exit.isEnabled():
            break
        click(row)
        beat.wait_idle()
    for label, name in DIALOGS:
        measure(f"dialog: {label}", trigger(name))
    window.close()
    session.close()
    QThreadPool.globalInstance().waitForDone(30000)
    app.processEvents()
    return results


def demo_database(folder: Path) -> Path:
    from retention_desktop.domain.demo import generate_shop
    from retention_desktop.store.database import open_database
    from retention_desktop.store.demo import load_shop

    path = folder / "demo-shop.db"
    db = open_database(path)
    try:
        load_shop(db, generate_shop(DEMO_TODAY, years=DEMO_YEARS, headcount=DEMO_HEADCOUNT))
    finally:
        db.close()
    return path


def big_database(plain: bool) -> Path:
    source = build()
    if plain:
        return source
    from bench_actions import _has_actions, add_actions, copy_database

    path = CACHE_DIR / "big-100k-actions.db"
    fresh = path.exists() and path.stat().st_mtime > source.stat().st_mtime
    if fresh and _has_actions(path):
        print(f"reusing {path}")
        return path
    for old in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        old.unlink(missing_ok=True)
    began = time.perf_counter()
    copy_database(source, path)
    counts = add_actions(path)
    print(f"built {path}: {counts} in {time.perf_counter() - began:.0f} s")
    return path


def describe(path: Path) -> str:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM employees), (SELECT count(*) FROM spells), "
            "(SELECT count(*) FROM exits), (SELECT count(*) FROM retention_actions)"
        ).fetchone()
    finally:
        conn.close()
    return "{:,} employees, {:,} spells, {:,} exits, {:,} actions".format(*counts)


def run_rounds(db_path: Path, today: date, import_file: Path, repeat: int) -> list[list[dict]]:
    rounds = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="bench-stalls-") as settings:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=settings)
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(db_path), today.isoformat(),
                 str(import_file)],
                env=env, capture_output=True, text=True,
            )  # fmt: skip
        noise = "This plugin does not support propagateSizeHints()"
        for line in done.stderr.splitlines():
            if line != noise:
                print(f"    (child) {line}", file=sys.stderr)
        done.check_returncode()
        rounds.append(json.loads(done.stdout.splitlines()[-1]))
    return rounds


def report(size: str, rounds: list[list[dict]]) -> None:
    target = TARGETS[size]
    n = len(rounds)
    print(f"  {'action':<48} {'longest':>8} {'median':>8} {'open':>8} {'gc':>6}   rounds (ms)")
    over, worst, some = [], ("", 0.0), 0
    for lines in zip(*rounds, strict=True):
        first = lines[0]
        stalls = [line["stall"] * 1000 for line in lines]
        opens = [line["open"] * 1000 for line in lines if line.get("open") is not None]
        longest, median = max(stalls), statistics.median(stalls)
        verdict = ""
        if not first.get("info"):
            above = sum(s > target * 1000 for s in stalls)
            verdict = "OVER" if median > target * 1000 else f"over {above}/{n}" if above else ""
            if median > target * 1000:
                over.append(first["name"])
            some += bool(above)
            if median > worst[1]:
                worst = (first["name"], median)
        opened = f"{statistics.median(opens):8.1f}" if opens else "       -"
        collected = statistics.median(line.get("gc", 0.0) for line in lines) * 1000
        spread = " ".join(f"{s:.0f}" for s in stalls)
        figures = f"{longest:8.1f} {median:8.1f} {opened} {collected:6.1f}"
        print(f"  {first['name']:<48} {figures}   [{spread}] {verdict}")
        for line in lines:
            if line.get("error"):
                print(f"      error: {line['error']}")
    print(
        f"summary {size}: {len(over)} of {sum(not r.get('info') for r in rounds[0])} actions over "
        f"{target * 1000:.0f} ms on the median ({some} in some round); "
        f"worst {worst[0]} ({worst[1]:.0f} ms)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds, a fresh process each")
    parser.add_argument("--size", choices=("demo", "100k", "both"), default="both")
    parser.add_argument("--plain", action="store_true", help="100k without the actions")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        db, today, source = args.child
        results = child(Path(db), date.fromisoformat(today), Path(source))
        print(json.dumps(results))
        return 0

    from bench_import import source_rows, write_files

    with tempfile.TemporaryDirectory(prefix="bench-stalls-") as tmp:
        folder = Path(tmp)
        for size in ("demo", "100k") if args.size == "both" else (args.size,):
            if size == "demo":
                db_path, today = demo_database(folder), DEMO_TODAY
            else:
                db_path, today = big_database(args.plain), DEFAULT_END
            files = folder / size
            files.mkdir()
            rows = source_rows(db_path, IMPORT_ROWS)
            import_file, _ = write_files(rows, files)
            print(
                f"\n{size}: {db_path.name}, {describe(db_path)}, today {today}, {LANG}, "
                f"offscreen; import file: {len(rows):,} of its spells; longest stall of "
                f"the UI thread per action, {args.repeat} rounds (fresh process each), "
                f"target {TARGETS[size] * 1000:.0f} ms"
            )
            report(size, run_rounds(db_path, today, import_file, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
