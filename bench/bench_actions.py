"""How fast the Actions view's rows, the Today panel and "does it help?" are read from a big
shop: 100,000 employees and 300,000 retention actions.

Builds (or reuses) bench/.cache/big-100k.db with big_db.py, copies it (SQLite's backup
API, so a leftover -wal is carried over) to a temporary file, opens the copy with the
app's open_database (which runs any newer migration: the action indexes of m004) and adds,
in one transaction with `executemany`:

- 300,000 retention actions: 1% of them whole-team actions, the rest spread at random over
  the employment spells (~2.9 per spell): check-ins the commonest, then mentoring, training
  and the rest of the library, planned on a day of the spell (up to 60 days ahead of
  "today" for people still employed); older than 30 days: 89% done (0-20 days after the
  planned day), 8% cancelled, 3% left planned (overdue); the last 30 days half done; the
  future all planned; 90% with a due date 3-30 days after the planned one;
- risk flags for 5% of the employees (1-3 each, older ones cleared; for half of those
  still employed the last one current), levels 50% low, 30% medium, 20% high;
- the five built-in handover items of every exit (big_db.py writes none): all done for an
  old exit but 1% with one forgotten, each done with a chance of one half in the last 60
  days, so the Today panel has unfinished handovers to find among 300,000 items.

No ANALYZE is run (the app never runs it): the plans are those a shop's file gets.
"Today" is the data's last day, 2026-10-31 (Double 11 under way). Then, in this process,
each measure --repeat times (min and median printed):

- store.actions.actions(db, lang, ActionFilter(...), today), every row in full: every
  action; the planned ones; the overdue ones; one team's; one quarter's; one person's;
- the same paged, as a view of a big list would read it: the first 200 rows
  (actions(limit=200)), and every id with the rows of one screen (action_ids +
  actions_by_id of 200), for every action, the done ones and the largest team;
- store.reminders.today_items(db, lang, today): the whole Today panel, and each list alone;
- store.effect.action_effect(db, lang, today), with its figures per type.

Then the screens, offscreen, in this process, as the app makes them
(create_application("zh_CN"), Session on the file, "today" the data's last day), each time
from the action to the end of the repaint that shows the rows read (the list is read in
the background; a zero timer started on the Paint event of the list marks the end of the
pass, as in bench_roster.py), target 0.5 s:

- the Actions view (ActionsPage, 1000x700): opened on its default filter (open actions),
  then each status filter, the largest team and a quarter chosen in the combo boxes; then
  scrolled to the last row (its page of rows read by id on the UI thread);
- the Today panel (TodayPanel, 320x700): read and shown; then its longest section's
  "show more" line.

The store's part of each screen is held to 0.3 s ("OK" / "OVER TARGET" on the median).
"Does it help?" has no target (a report read in the background, with a progress line).

    .venv/bin/python bench/bench_actions.py [--repeat 5] [--employees N] [--keep FILE]
        [--no-ui]      # --keep: a file written by an earlier --keep is measured again
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from big_db import DEFAULT_END, build

from retention_desktop.domain.catalog import HANDOVER_ITEMS
from retention_desktop.store import reminders
from retention_desktop.store.actions import ActionFilter, action_ids, actions, actions_by_id
from retention_desktop.store.database import open_database
from retention_desktop.store.effect import action_effect

TODAY = DEFAULT_END
LANG = "zh_CN"
TARGET_STORE = 0.3
TARGET_SCREEN = 0.5
ACTIONS = 300_000
TEAM_SHARE = 0.01
# Action types by built-in code, with their share of the actions.
TYPE_MIX = {
    "checkin": 35,
    "mentor": 14,
    "training_course": 10,
    "stress_relief": 6,
    "feedback": 6,
    "pay_review": 6,
    "promotion_review": 5,
    "recognition": 5,
    "workload_change": 5,
    "cross_department": 3,
    "skill_competition": 3,
    "team_activity": 2,
}
OWNERS = ("店长", "客服主管", "人事", "组长", "")
OUTCOMES = ("谈得很顺利", "情绪稳定", "提出了排班的困难", "已跟进", "")
HANDOVER = [item.code for item in HANDOVER_ITEMS]
RISK_SHARE = 0.05
RISK_LEVELS = {"low": 50, "medium": 30, "high": 20}
RISK_REASONS = ("pay", "pressure", "promotion", "complaint_stress", "repetitive", "culture")


def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def _action_rows(rng: random.Random, spells: list, teams: list[str], type_ids: dict) -> list:
    """Rows of retention_actions in column order (id first)."""
    today = TODAY.toordinal()
    codes = list(TYPE_MIX)
    weights = list(TYPE_MIX.values())
    rows = []
    n_team = int(ACTIONS * TEAM_SHARE)
    first_day = min(s[1] for s in spells)
    for action_id in range(1, ACTIONS + 1):
        code = rng.choices(codes, weights)[0]
        if action_id <= n_team:
            employee, team = None, rng.choice(teams)
            planned = rng.randint(max(first_day, today - 3650), today + 60)
        else:
            employee, hired, end = rng.choice(spells)
            team = None
            last = end if end is not None else today + 60
            planned = rng.randint(hired, max(hired, last))
        due = planned + rng.randint(3, 30) if rng.random() < 0.9 else None
        age = today - planned
        pick = rng.random()
        if age > 30:
            status = "done" if pick < 0.89 else "cancelled" if pick < 0.97 else "planned"
        elif age >= 0:
            status = "done" if pick < 0.5 else "cancelled" if pick < 0.55 else "planned"
        else:
            status = "planned"
        done = min(today, planned + rng.randint(0, 20)) if status == "done" else None
        cost = 0.0 if rng.random() < 0.7 else float(rng.randrange(100, 3000, 50))
        rows.append(
            (
                action_id,
                employee,
                team,
                type_ids[code],
                f"{code} #{action_id % 97}",
                _iso(planned),
                None if due is None else _iso(due),
                rng.choice(OWNERS),
                cost,
                "",
                status,
                None if done is None else _iso(done),
                rng.choice(OUTCOMES) if status == "done" else "",
            )
        )
    return rows


def _risk_rows(rng: random.Random, spells: list, reason_ids: dict) -> list:
    today = TODAY.toordinal()
    levels, level_weights = list(RISK_LEVELS), list(RISK_LEVELS.values())
    latest: dict[int, tuple[int, int | None]] = {}
    for employee, hired, end in spells:  # spells come oldest first per person
        latest[employee] = (hired, end)
    rows = []
    for employee, (hired, end) in latest.items():
        if rng.random() >= RISK_SHARE:
            continue
        last = end if end is not None else today
        day = rng.randint(hired, last)
        count = rng.randint(1, 3)
        for n in range(count):
            current = n == count - 1 and end is None and rng.random() < 0.5
            cleared = None if current else min(last, day + rng.randint(5, 60))
            rows.append(
                (
                    len(rows) + 1,
                    employee,
                    rng.choices(levels, level_weights)[0],
                    reason_ids[rng.choice(RISK_REASONS)],
                    _iso(day),
                    "",
                    None if cleared is None else _iso(cleared),
                    "",
                )
            )
            if cleared is None or cleared >= last:
                break
            day = cleared
    return rows


def _handover_rows(rng: random.Random, exits: list[tuple[int, int]]) -> list:
    """The built-in handover items of every exit: all done for an old exit (but 1% with one
    item forgotten), each done with a chance of one half in the last 60 days."""
    today = TODAY.toordinal()
    rows = []
    for exit_id, last_day in exits:
        recent = today - last_day < 60
        forgotten = -1 if recent or rng.random() >= 0.01 else rng.randrange(len(HANDOVER))
        for position, code in enumerate(HANDOVER):
            done = rng.random() < 0.5 if recent else position != forgotten
            day = _iso(last_day) if done else None
            rows.append((exit_id, code, int(done), day, position))
    return rows


def add_actions(path: Path, seed: int = 7) -> dict[str, int]:
    """Add the actions and risk flags to the database at `path`; return counts."""
    db = open_database(path)
    try:
        conn = db.conn
        ordinal = lambda text: date.fromisoformat(text).toordinal()  # noqa: E731
        spells = [
            (e, ordinal(h), ordinal(x) if x else None)
            for e, h, x in conn.execute(
                "SELECT employee_id, hire_date, end_date FROM spells "
                "ORDER BY employee_id, hire_date"
            )
        ]
        teams = [r[0] for r in conn.execute("SELECT DISTINCT team FROM spells WHERE team <> ''")]
        type_ids = dict(conn.execute("SELECT code, id FROM action_types WHERE code IS NOT NULL"))
        reason_ids = dict(conn.execute("SELECT code, id FROM exit_reasons WHERE code IS NOT NULL"))
        exits = [
            (i, ordinal(x))
            for i, x in conn.execute(
                "SELECT x.id, s.end_date FROM exits x JOIN spells s ON s.id = x.spell_id"
            )
        ]
        rng = random.Random(seed)
        action_rows = _action_rows(rng, spells, sorted(teams), type_ids)
        risk_rows = _risk_rows(rng, spells, reason_ids)
        handover_rows = _handover_rows(rng, exits)
        conn.execute("PRAGMA synchronous = OFF")
        with db.atomic():
            conn.executemany(
                """INSERT INTO retention_actions (id, employee_id, team, action_type_id, title,
                       planned_date, due_date, owner, cost, notes, status, done_date, outcome)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                action_rows,
            )
            conn.executemany(
                """INSERT INTO risk_flags (id, employee_id, level, reason_id, flagged_on, note,
                       cleared_on, clear_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                risk_rows,
            )
            conn.executemany(
                "INSERT INTO handover_items (exit_id, code, done, done_date, position) "
                "VALUES (?, ?, ?, ?, ?)",
                handover_rows,
            )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return {
        "actions": len(action_rows),
        "risk_flags": len(risk_rows),
        "handover_items": len(handover_rows),
    }


def copy_database(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def timed(call: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    walls, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = call()
        walls.append(time.perf_counter() - began)
    return walls, result


def line(label: str, walls: list[float], rows: str = "", target: float | None = None) -> str:
    low, mid = min(walls) * 1000, statistics.median(walls) * 1000
    text = f"  {label:<44} min {low:7.1f} ms  median {mid:7.1f} ms  {rows}"
    if target is not None:
        text += "  OK" if statistics.median(walls) <= target else "  OVER TARGET"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the database here and keep it")
    parser.add_argument("--no-ui", action="store_true", help="measure the store only")
    args = parser.parse_args(argv)
    source = build(employees=args.employees)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "actions.db"
        if args.keep and _has_actions(path):
            print(f"reusing {path} (written by --keep before)")
            measure(path, args)
            return 0
        for old in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            old.unlink(missing_ok=True)
        began = time.perf_counter()
        copy_database(source, path)
        counts = add_actions(path)
        print(
            f"copied {source.name} and added {counts['actions']:,} actions, "
            f"{counts['risk_flags']:,} risk flags and {counts['handover_items']:,} handover "
            f"items in {time.perf_counter() - began:.1f} s; today {TODAY}, {LANG}"
        )
        measure(path, args)
    return 0


def _has_actions(path: Path) -> bool:
    if not path.exists():
        return False
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM retention_actions").fetchone()[0] == ACTIONS
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def measure(path: Path, args) -> None:
    db = open_database(path, create=False, verify=False)
    try:
        run(db, args.repeat)
    finally:
        db.close()
    if not args.no_ui:
        run_ui(path, args.repeat)


def run_ui(path: Path, repeat: int) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    settings = tempfile.TemporaryDirectory(prefix="bench-actions-")
    os.environ["XDG_CONFIG_HOME"] = settings.name  # QSettings of the widgets go there
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QMainWindow

    from retention_desktop.app import create_application
    from retention_desktop.ui.actions.controller import ActionsFeature
    from retention_desktop.ui.common.selection import Selection
    from retention_desktop.ui.common.session import Session
    from retention_desktop.ui.today.controller import TodayFeature

    Session.today = staticmethod(lambda: TODAY)
    app = create_application(LANG, [sys.argv[0]])
    session = Session(open_database(path, create=False, verify=False), path, LANG)
    print(f"\nScreens: Qt {qVersion()}, {app.platformName()}, ms from the action to the end "
          "of the repaint showing the rows read (target 500 ms)")  # fmt: skip
    try:
        window = QMainWindow()  # the page's controller reads its list
        page = ActionsFeature(session, Selection(), window).page
        window.setCentralWidget(page)
        window.resize(1000, 700)
        page.reload_choices()
        window.show()
        widgets = [page.view.viewport(), page.empty_label]
        measure_screen(page, page.loaded, widgets, repeat, session)
        today = TodayFeature(session, Selection(), window)  # the panel's controller reads
        panel = today.panel
        panel.resize(320, 700)
        panel.show()
        measure_today(today, repeat)
    finally:
        session.close()
        app.processEvents()
        settings.cleanup()


class _Loaded:
    """The moments a signal fired."""

    def __init__(self, signal) -> None:
        self.times: list[float] = []
        signal.connect(lambda *_: self.times.append(time.perf_counter()))

    def after(self, moment: float) -> float | None:
        return next((t for t in self.times if t >= moment), None)


def shown_after(clock, loaded: _Loaded, action: Callable[[], object]) -> float:
    """Seconds from `action` to the end of the first repaint after `loaded` fired."""
    from bench_roster import wait_until

    began = time.perf_counter()
    action()

    def painted() -> bool:
        at = loaded.after(began)
        return at is not None and clock.first_after(at) is not None

    wait_until(painted)
    return clock.first_after(loaded.after(began)) - began


def measure_screen(page, signal, widgets, repeat: int, session) -> None:
    from bench_roster import PaintClock, wait_until

    clock, loaded = PaintClock(*widgets), _Loaded(signal)
    team = session.db.execute(
        "SELECT team FROM spells GROUP BY team ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]

    def choose(combo, text=None, data=...):
        def act() -> None:
            index = combo.findData(data) if data is not ... else combo.findText(text)
            if combo.currentIndex() == index:  # choosing it again reads nothing: refresh
                page.refresh()
            else:
                combo.setCurrentIndex(index)

        return act

    def one_team() -> None:
        page.status_combo.blockSignals(True)
        page.status_combo.setCurrentIndex(page.status_combo.findData(None))  # all
        page.status_combo.blockSignals(False)
        choose(page.team_combo, text=team)()

    def this_year() -> None:
        from retention_desktop.ui.common.period_picker import PRESET_THIS_YEAR

        page.team_combo.blockSignals(True)
        page.team_combo.setCurrentIndex(0)  # all teams
        page.team_combo.blockSignals(False)
        page.picker.blockSignals(True)
        page.picker.preset_combo.setCurrentIndex(
            page.picker.preset_combo.findData(PRESET_THIS_YEAR)
        )
        page.picker.blockSignals(False)
        if page.period_combo.currentIndex() == 1:
            page.refresh()
        else:
            page.period_combo.setCurrentIndex(1)  # planned in this year

    print("  Actions view")
    cases = [
        ("opened: open (planned) actions", page.refresh),
        ("status: overdue", choose(page.status_combo, data="overdue")),
        ("status: all", choose(page.status_combo, data=None)),
        ("status: done", choose(page.status_combo, data="done")),
        ("status: cancelled", choose(page.status_combo, data="cancelled")),
        ("status: all, team " + team, one_team),
        ("status: all, planned this year", this_year),
    ]
    for label, action in cases:
        walls = [shown_after(clock, loaded, action) for _ in range(repeat)]
        rows = page.model.rowCount()
        print(line(label, walls, f"{rows:>7,} rows", TARGET_SCREEN))
    # back to every action, then to the last row: its page is read by id on the UI thread,
    # while the rows are painted (the time runs to the end of the paint after that read)
    shown_after(clock, loaded, lambda: page.period_combo.setCurrentIndex(0))
    fetched: list[float] = []
    fetch = page.model._fetch

    def timed_fetch(ids):
        rows = fetch(ids)
        fetched.append(time.perf_counter())
        return rows

    page.model._fetch = timed_fetch
    walls = []
    for _ in range(repeat):
        page.model.set_list(list(page.model._ids), [])  # forget the pages read
        bar = page.view.verticalScrollBar()
        bar.setValue(0)
        wait_until(lambda: len(fetched) > 0 and clock.first_after(fetched[-1]) is not None)
        fetched.clear()
        began = time.perf_counter()
        bar.setValue(bar.maximum())
        wait_until(lambda: len(fetched) > 0 and clock.first_after(fetched[-1]) is not None)
        walls.append(clock.first_after(fetched[-1]) - began)
    page.model._fetch = fetch
    print(line("scrolled to the last row", walls, f"{page.model.rowCount():>7,} rows",
               TARGET_SCREEN))  # fmt: skip
    clock.remove()


def measure_today(today, repeat: int) -> None:
    from bench_roster import PaintClock, wait_until

    panel = today.panel
    clock, loaded = PaintClock(panel.tree.viewport()), _Loaded(panel.loaded)
    print("  Today panel")
    walls = [shown_after(clock, loaded, today.reload) for _ in range(repeat)]
    print(line("read and shown", walls, f"{panel.items.count():>7,} items", TARGET_SCREEN))
    walls = []
    for _ in range(repeat):
        panel.show_items(panel.items)
        key = max(panel._sections, key=lambda k: len(panel._sections[k][1]))
        section = panel._sections[key][0]
        more = section.child(section.childCount() - 1)
        began = time.perf_counter()
        panel.tree.itemActivated.emit(more, 0)
        wait_until(lambda began=began: clock.first_after(began) is not None)
        walls.append(clock.first_after(began) - began)
    print(line(f"'show more' in {key}", walls, "", TARGET_SCREEN))
    clock.remove()


def run(db, repeat: int) -> None:
    today = TODAY
    team = db.execute(
        "SELECT team FROM spells GROUP BY team ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    person = db.execute(
        "SELECT employee_id FROM retention_actions WHERE employee_id IS NOT NULL "
        "GROUP BY employee_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    quarter = (date(2026, 7, 1), date(2026, 9, 30))
    print(
        "\nEvery row in full: store.actions.actions() (for the export and the Today panel's "
        "lists; the Actions view reads ids and a page, below)"
    )
    for label, where in (
        ("all", ActionFilter()),
        ("status planned", ActionFilter(status="planned")),
        ("overdue", ActionFilter(status="overdue")),
        (f"team {team} (the largest)", ActionFilter(team=team)),
        ("planned 2026-07-01..2026-09-30", ActionFilter(first=quarter[0], last=quarter[1])),
        ("one person (most actions)", ActionFilter(employee_id=person)),
    ):
        walls, rows = timed(lambda where=where: actions(db, LANG, where, today), repeat)
        print(line(label, walls, f"{len(rows):>7,} rows"))
    print("\nActions view, paged: the first 200 rows, or every id and the rows of one screen")
    for label, where in (
        ("all", ActionFilter()),
        ("status done", ActionFilter(status="done")),
        (f"team {team}", ActionFilter(team=team)),
    ):
        walls, rows = timed(lambda where=where: actions(db, LANG, where, today, limit=200), repeat)
        print(line(f"{label}: actions(limit=200)", walls, f"{len(rows):>7,} rows", TARGET_STORE))

        def lazy(where=where):
            ids = action_ids(db, where, today)
            return ids, actions_by_id(db, LANG, ids[:200], today)

        walls, (ids, rows) = timed(lazy, repeat)
        print(
            line(
                f"{label}: action_ids + actions_by_id(200)",
                walls,
                f"{len(ids):>7,} ids",
                TARGET_STORE,
            )
        )

    print(f"\nToday panel: store.reminders.today_items() (target {TARGET_STORE * 1000:.0f} ms)")
    walls, items = timed(lambda: reminders.today_items(db, LANG, today), repeat)
    print(line("today_items, all six lists", walls, f"{items.count():>7,} items", TARGET_STORE))
    for label, call in (
        ("overdue", lambda: reminders.overdue_actions(db, LANG, today)),
        ("new_hire_marks", lambda: reminders.new_hire_marks(db, today)),
        ("no_check_in", lambda: reminders.no_check_in(db, today)),
        ("peak_season", lambda: reminders.peak_seasons(db, today)),
        ("unfinished_handover", lambda: reminders.unfinished_handover(db, LANG)),
        ("high_risk_without_action", lambda: reminders.high_risk_without_action(db, LANG)),
    ):
        walls, found = timed(call, repeat)
        print(line(f"  {label}", walls, f"{len(found):>7,} items"))

    print("\nDoes it help?: store.effect.action_effect()")
    walls, rows = timed(lambda: action_effect(db, LANG, today), repeat)
    print(line("action_effect", walls, f"{len(rows):>7,} types"))
    for row in rows:
        print(
            f"    {row.action_type:<12} received {row.received:>6,}   90 days: "
            f"{row.still_90:>6,}/{row.n_received_90:<6,} vs {row.comparison_still_90:>9,}/"
            f"{row.n_comparison_90:<9,}  180 days: {row.still_180:>6,}/{row.n_received_180:<6,}"
            f" vs {row.comparison_still_180:>9,}/{row.n_comparison_180:<9,}"
        )


if __name__ == "__main__":
    sys.exit(main())
