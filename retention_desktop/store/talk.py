"""Who to talk to this week: the people still employed, ranked by how many warning signs
they show, each sign spelled out (never a score or a probability):

- risky_tenure: their tenure is in the window where this shop's own curve of staying (the
  Kaplan-Meier curve of the last three years' hires) drops fastest; only when that curve
  rests on at least MIN_EXITS exits, and the sign says how many;
- no_check_in: no check-in conversation for the setting's days (store.reminders);
- risk_flag: an open risk flag (its level);
- teammate_left: someone of their team left in the last 30 days;
- probation_ending: their probation ends within 14 days;
- notice: they gave notice (their last day is ahead);
- peak_ahead: a peak season or the year-end bonus is on or starts within 30 days, counted
  from its real start this year or next (domain.seasons: Spring Festival moves).

People with at least MIN_SIGNS signs are listed, the most signs first."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from retention_desktop.domain.survival import cohort, kaplan_meier
from retention_desktop.store.database import Database
from retention_desktop.store.reminders import (
    TodayItems,
    no_check_in,
    peak_seasons,
    probation_ending,
)

MIN_SIGNS = 2
MIN_EXITS = 10  # fewer exits than this: no window is claimed
TEAMMATE_DAYS = 30
PEAK_DAYS = 30
BANDS = ((1, 30), (31, 90), (91, 182), (183, 365), (366, 730))  # days since the hire date


class Sign(NamedTuple):
    code: str
    detail: object  # what the sign's words need (days, a level, a name and day, a date…)


class TalkTo(NamedTuple):
    employee_id: int
    name: str
    team: str
    signs: list[Sign]


class RiskyWindow(NamedTuple):
    first: int  # days since the hire date
    last: int
    exits: int  # how many exits the curve rests on


def risky_window(db: Database, today: date) -> RiskyWindow | None:
    """The band of tenure in which the last three years' hires left fastest (the largest
    drop of the curve per day in the band, relative to those still there), or None when
    the curve rests on fewer than MIN_EXITS exits."""
    first = today - timedelta(days=3 * 365)
    spans = [
        (date.fromisoformat(h).toordinal(), date.fromisoformat(e).toordinal() if e else None)
        for h, e in db.execute(
            "SELECT hire_date, end_date FROM spells WHERE hire_date BETWEEN ? AND ?",
            [first.isoformat(), today.isoformat()],
        )
    ]
    edges = [edge for low, high in BANDS for edge in (low - 1, high)]
    curve = kaplan_meier(cohort(spans, first.toordinal(), today.toordinal()), marks=edges)
    if curve.exits < MIN_EXITS:
        return None
    at = {p.days: p.survival for p in curve.points}
    best, rate = None, 0.0
    for low, high in BANDS:
        before, after = at.get(low - 1), at.get(high)
        if before is None or after is None or before <= 0:
            continue
        hazard = (before - after) / before / (high - low + 1)
        if hazard > rate:
            best, rate = (low, high), hazard
    return RiskyWindow(best[0], best[1], curve.exits) if best else None


def who_to_talk_to(
    db: Database, today: date, read: TodayItems | None = None
) -> tuple[list[TalkTo], RiskyWindow | None]:
    """The people to talk to this week, the most warning signs first, and the window of
    tenure the risky_tenure sign used (None: too few exits to say). `read`: the Today
    lists already read for `today` (their no-check-in, probation and season lists are
    used, not read again)."""
    if read is None:
        read = TodayItems(no_check_in=no_check_in(db, today),
                          peak_season=peak_seasons(db, today),
                          probation_ending=probation_ending(db, today))  # fmt: skip
    today_text = today.isoformat()
    people = {
        i: (name, team, date.fromisoformat(hired), date.fromisoformat(end) if end else None)
        for i, name, team, hired, end in db.execute(
            """SELECT e.id, e.name, s.team, s.hire_date, s.end_date FROM spells s
               JOIN employees e ON e.id = s.employee_id
               WHERE s.hire_date <= :today AND (s.end_date IS NULL OR s.end_date >= :today)""",
            {"today": today_text},
        )
    }
    signs: dict[int, list[Sign]] = {i: [] for i in people}
    window = risky_window(db, today)
    if window is not None:
        for i, (_, _, hired, _) in people.items():
            if window.first <= (today - hired).days + 1 <= window.last:
                signs[i].append(Sign("risky_tenure", window))
    for p in read.no_check_in:
        if p.employee_id in signs:
            signs[p.employee_id].append(Sign("no_check_in", p.last_check_in))
    # the level of each one's latest open flag (SQLite takes the bare column from the
    # row holding the max)
    for i, level, _ in db.execute(
        "SELECT employee_id, level, max(flagged_on || printf('%010d', id)) FROM risk_flags "
        "WHERE cleared_on IS NULL GROUP BY employee_id"
    ):
        if i in signs:
            signs[i].append(Sign("risk_flag", level))
    left = db.execute(
        """SELECT s.team, e.name, s.end_date FROM spells s
           JOIN employees e ON e.id = s.employee_id
           WHERE s.end_date BETWEEN :from AND :today ORDER BY s.end_date DESC""",
        {"from": (today - timedelta(days=TEAMMATE_DAYS)).isoformat(), "today": today_text},
    ).fetchall()
    latest_by_team: dict[str, tuple[str, str]] = {}
    for team, name, day in left:
        latest_by_team.setdefault(team, (name, day))
    for i, (name, team, _, end) in people.items():
        gone = latest_by_team.get(team)
        if gone and gone[0] != name and (end is None or end.isoformat() != gone[1]):
            signs[i].append(Sign("teammate_left", (gone[0], date.fromisoformat(gone[1]))))
        if end is not None:
            signs[i].append(Sign("notice", end))
    for p in read.probation_ending:
        if p.employee_id in signs:
            signs[p.employee_id].append(Sign("probation_ending", p.probation_end))
    ahead = [s for s in read.peak_season if s.in_progress or s.days_until <= PEAK_DAYS]
    if ahead:
        for found in signs.values():
            found.append(Sign("peak_ahead", ahead[0]))
    listed = [
        TalkTo(i, people[i][0], people[i][1], found)
        for i, found in signs.items()
        if len(found) >= MIN_SIGNS
    ]
    listed.sort(key=lambda t: (-len(t.signs), t.name, t.employee_id))
    return listed, window
