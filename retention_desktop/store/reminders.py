"""The Today panel: what needs doing today, each list from one set-based query.

- overdue: planned actions whose due date (or planned date, without one) is before today,
  the longest overdue first;
- new_hire_marks: people still employed whose 30th, 60th or 90th day (counted from the
  hire date of their current spell, the early-attrition window) falls from
  NEW_HIRE_DAYS_BEFORE days ago to NEW_HIRE_DAYS_AHEAD days ahead, the earliest first;
- no_check_in: people still employed for at least N days (N = the setting
  `check_in_interval_days`) with no check-in conversation (a DONE action of the type
  coded "checkin") done in the last N days, i.e. none on or after today - N: a check-in
  exactly N days ago still counts; the longest silent first (since their last check-in,
  or since they were hired when they never had one);
- peak_season: the peak seasons (setting `peak_seasons`) on today or starting within
  PEAK_SEASON_DAYS_AHEAD days, on their real dates of this year or the next
  (domain.seasons: a season relative to Spring Festival moves with it; a fixed season
  whose end comes before its start in the calendar runs over the new year), by start;
- unfinished_handover: exits whose handover list has an item not done, latest first;
- high_risk_without_action: people still employed whose current risk flag is high and who
  have no planned action of their own (any planned action counts, overdue or not), the
  longest flagged first;
- leaving_soon: people on notice (待离职) whose last working day is today or within
  SOON_DAYS days, the soonest first, with their handover's progress;
- probation_ending: people still employed whose probation (domain.probation, the setting
  `probation_months`) ends today or within SOON_DAYS days, the soonest first: a moment for
  a check-in.

"Still employed" means employed today (domain.standing, METRICS.md "On a given day"):
hired on or before today and not past the last working day (notice given counts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from sqlite_utils import Database

from retention_desktop.domain.actions import (
    CHECK_IN_CODE,
    NEW_HIRE_DAYS_AHEAD,
    NEW_HIRE_DAYS_BEFORE,
    NEW_HIRE_MARKS,
    OVERDUE,
)
from retention_desktop.domain.probation import DEFAULT_PROBATION_MONTHS, probation_end
from retention_desktop.domain.seasons import SeasonDates, upcoming_seasons
from retention_desktop.domain.settings import DEFAULTS
from retention_desktop.store.actions import ActionFilter, ActionRow, due_day_sql, query_actions
from retention_desktop.store.catalog import label_sql
from retention_desktop.store.database import no_collection
from retention_desktop.store.queries import ExitRow
from retention_desktop.store.settings import get_setting

OLDEST_DUE_FIRST = f"{due_day_sql()}, a.id"
SOON_DAYS = 14  # a last working day or a probation's end this near is listed


class NewHireMark(NamedTuple):
    employee_id: int
    name: str
    team: str
    hire_date: date
    mark: int  # 30, 60 or 90
    mark_day: date  # hire_date + mark days


class NoCheckIn(NamedTuple):
    employee_id: int
    name: str
    team: str
    last_check_in: date | None  # None: never had one
    days_employed: int  # since the hire date of the current spell


class HighRisk(NamedTuple):
    employee_id: int
    name: str
    team: str
    flag_id: int
    flagged_on: date
    reason: str | None
    note: str


class LeavingSoon(NamedTuple):
    employee_id: int
    exit_id: int
    name: str
    team: str
    last_day: date
    handover_done: int
    handover_total: int


class ProbationEnding(NamedTuple):
    employee_id: int
    name: str
    team: str
    hire_date: date
    probation_end: date


@dataclass
class TodayItems:
    overdue: list[ActionRow] = field(default_factory=list)
    new_hire_marks: list[NewHireMark] = field(default_factory=list)
    no_check_in: list[NoCheckIn] = field(default_factory=list)
    peak_season: list[SeasonDates] = field(default_factory=list)
    unfinished_handover: list[ExitRow] = field(default_factory=list)
    high_risk_without_action: list[HighRisk] = field(default_factory=list)
    leaving_soon: list[LeavingSoon] = field(default_factory=list)
    probation_ending: list[ProbationEnding] = field(default_factory=list)
    # store.talk: who to talk to this week (not counted as lines: they repeat the others)
    talk_to: list = field(default_factory=list)
    risky_window: object = None  # store.talk.RiskyWindow, or None (too few exits)

    def count(self) -> int:
        """How many things the panel lists (for a badge)."""
        return sum(
            len(items)
            for items in (
                self.overdue,
                self.new_hire_marks,
                self.no_check_in,
                self.peak_season,
                self.unfinished_handover,
                self.high_risk_without_action,
                self.leaving_soon,
                self.probation_ending,
            )
        )


def overdue_actions(db: Database, lang: str, today: date) -> list[ActionRow]:
    return query_actions(db, lang, ActionFilter(status=OVERDUE), today, order=OLDEST_DUE_FIRST)


def new_hire_marks(db: Database, today: date) -> list[NewHireMark]:
    # One hire-date range per mark, each read from the hire-date index (`+`: not the
    # end-date index, which would visit everybody still employed).
    ranges, params = [], {}
    for mark in NEW_HIRE_MARKS:
        ranges.append(f"s.hire_date BETWEEN :from{mark} AND :to{mark}")
        params[f"from{mark}"] = (today - timedelta(days=mark + NEW_HIRE_DAYS_BEFORE)).isoformat()
        params[f"to{mark}"] = (today - timedelta(days=mark - NEW_HIRE_DAYS_AHEAD)).isoformat()
    rows = db.execute(
        f"""SELECT s.employee_id, e.name, s.team, s.hire_date
            FROM spells s JOIN employees e ON e.id = s.employee_id
            WHERE (+s.end_date IS NULL OR +s.end_date >= :today) AND s.hire_date <= :today
              AND ({" OR ".join(ranges)})""",
        {**params, "today": today.isoformat()},
    )
    first = today - timedelta(days=NEW_HIRE_DAYS_BEFORE)
    last = today + timedelta(days=NEW_HIRE_DAYS_AHEAD)
    found = []
    for employee_id, name, team, hired in rows:
        hire_date = date.fromisoformat(hired)
        for mark in NEW_HIRE_MARKS:
            day = hire_date + timedelta(days=mark)
            if first <= day <= last:
                found.append(NewHireMark(employee_id, name, team, hire_date, mark, day))
    found.sort(key=lambda m: (m.mark_day, m.mark, m.name, m.employee_id))
    return found


def check_in_interval(db: Database) -> int:
    try:
        days = int(get_setting(db, "check_in_interval_days"))
    except (TypeError, ValueError):
        days = DEFAULTS["check_in_interval_days"]
    return max(1, days)


def no_check_in(db: Database, today: date, interval: int | None = None) -> list[NoCheckIn]:
    interval = interval or check_in_interval(db)
    cut = (today - timedelta(days=interval)).isoformat()
    row = db.execute("SELECT id FROM action_types WHERE code = ?", [CHECK_IN_CODE]).fetchone()
    # The last check-in of each person still employed: one probe of the done-actions index
    # (action type, employee, done date) per person.
    last = (
        """(SELECT max(c.done_date) FROM retention_actions c
            WHERE c.status = 'done' AND c.action_type_id = :checkin
              AND c.employee_id = s.employee_id)"""
        if row
        else "NULL"
    )
    # MATERIALIZED: else SQLite copies the subquery into WHERE and ORDER BY and probes
    # the index up to four times a person.
    sql = f"""
        WITH p AS MATERIALIZED (
            SELECT s.employee_id, s.team, s.hire_date, {last} AS last
            FROM spells s
            WHERE (s.end_date IS NULL OR s.end_date >= :today) AND s.hire_date <= :cut)
        SELECT p.employee_id, e.name, p.team, p.last, p.hire_date
        FROM p JOIN employees e ON e.id = p.employee_id
        WHERE p.last IS NULL OR p.last < :cut
        ORDER BY coalesce(p.last, p.hire_date), e.name, p.employee_id
    """
    params = {"cut": cut, "checkin": row[0] if row else None, "today": today.isoformat()}
    fromiso = date.fromisoformat
    ordinal = today.toordinal()
    new, cls = tuple.__new__, NoCheckIn
    with no_collection():
        return [
            new(
                cls,
                (
                    i,
                    name,
                    team,
                    last and fromiso(last),
                    ordinal - fromiso(hired).toordinal(),
                ),
            )
            for i, name, team, last, hired in db.execute(sql, params)
        ]


def peak_seasons(db: Database, today: date) -> list[SeasonDates]:
    return upcoming_seasons(get_setting(db, "peak_seasons"), today)


def unfinished_handover(db: Database, lang: str) -> list[ExitRow]:
    """queries.exits(handover_unfinished=True), driven by the few exits with an item not
    done (one plain scan of the handover items) instead of totals over every exit."""
    separator = "、" if lang.startswith("zh") else ", "
    label = label_sql(lang)
    sql = f"""
        WITH open AS (SELECT DISTINCT exit_id FROM
                          (SELECT exit_id FROM handover_items NOT INDEXED WHERE done = 0))
        SELECT x.id, e.id, coalesce(e.employee_no, ''), e.name, s.team, s.position,
               s.hire_date, s.end_date, x.notice_date, x.exit_type, x.primary_reason_id,
               r.{label},
               coalesce((SELECT group_concat(label, :separator)
                         FROM (SELECT fr_r.{label} AS label FROM exit_further_reasons fr
                               JOIN exit_reasons fr_r ON fr_r.id = fr.reason_id
                               WHERE fr.exit_id = x.id ORDER BY fr_r.position, fr_r.id)), ''),
               x.regrettable, x.eligible_for_rehire,
               (SELECT sum(h.done) FROM handover_items h WHERE h.exit_id = x.id),
               (SELECT count(*) FROM handover_items h WHERE h.exit_id = x.id)
        FROM open
        JOIN exits x ON x.id = open.exit_id
        JOIN spells s ON s.id = x.spell_id
        JOIN employees e ON e.id = s.employee_id
        LEFT JOIN exit_reasons r ON r.id = x.primary_reason_id
        ORDER BY s.end_date DESC, x.id DESC
    """
    fromiso = date.fromisoformat
    return [
        ExitRow(
            *r[:6],
            fromiso(r[6]),
            fromiso(r[7]),
            fromiso(r[8]) if r[8] else None,
            *r[9:13],
            bool(r[13]),
            None if r[14] is None else bool(r[14]),
            r[15],
            r[16],
        )
        for r in db.execute(sql, {"separator": separator})
    ]


def high_risk_without_action(db: Database, lang: str, today: date) -> list[HighRisk]:
    sql = f"""
        WITH current AS (
            -- the latest uncleared flag of each person (the roster's rule); SQLite takes
            -- the bare columns from the row holding the max
            SELECT employee_id, id, level, reason_id, flagged_on, note,
                   max(flagged_on || printf('%010d', id))
            FROM risk_flags WHERE cleared_on IS NULL GROUP BY employee_id
        )
        SELECT c.employee_id, e.name, s.team, c.id, c.flagged_on, {label_sql(lang, "r")},
               c.note
        FROM current c
        JOIN spells s ON s.employee_id = c.employee_id AND s.hire_date <= :today
                      AND (s.end_date IS NULL OR s.end_date >= :today)
        JOIN employees e ON e.id = c.employee_id
        LEFT JOIN exit_reasons r ON r.id = c.reason_id
        WHERE c.level = 'high'
          AND NOT EXISTS (SELECT 1 FROM retention_actions a
                          WHERE a.employee_id = c.employee_id AND a.status = 'planned')
        ORDER BY c.flagged_on, e.name, c.employee_id
    """
    return [
        HighRisk(i, name, team, flag_id, date.fromisoformat(flagged), reason, note)
        for i, name, team, flag_id, flagged, reason, note in db.execute(
            sql, {"today": today.isoformat()}
        )
    ]


def leaving_soon(db: Database, today: date) -> list[LeavingSoon]:
    """People on notice whose last working day is within SOON_DAYS days."""
    sql = """
        SELECT e.id, x.id, e.name, s.team, s.end_date,
               coalesce((SELECT sum(h.done) FROM handover_items h WHERE h.exit_id = x.id), 0),
               (SELECT count(*) FROM handover_items h WHERE h.exit_id = x.id)
        FROM spells s
        JOIN exits x ON x.spell_id = s.id
        JOIN employees e ON e.id = s.employee_id
        WHERE s.end_date BETWEEN :today AND :last AND s.hire_date <= :today
        ORDER BY s.end_date, e.name, e.id
    """
    last = today + timedelta(days=SOON_DAYS)
    return [
        LeavingSoon(i, x, name, team, date.fromisoformat(end), done, total)
        for i, x, name, team, end, done, total in db.execute(
            sql, {"today": today.isoformat(), "last": last.isoformat()}
        )
    ]


def probation_ending(db: Database, today: date) -> list[ProbationEnding]:
    """People still employed whose probation ends within SOON_DAYS days."""
    months = int(get_setting(db, "probation_months") or DEFAULT_PROBATION_MONTHS)
    # hired at most 31 months' days (and the days ahead) ago: the rest is past probation
    earliest = today - timedelta(days=31 * months + SOON_DAYS)
    rows = db.execute(
        """SELECT e.id, e.name, s.team, s.hire_date FROM spells s
           JOIN employees e ON e.id = s.employee_id
           WHERE s.hire_date BETWEEN :earliest AND :today
             AND (s.end_date IS NULL OR s.end_date >= :today)""",
        {"earliest": earliest.isoformat(), "today": today.isoformat()},
    )
    last = today + timedelta(days=SOON_DAYS)
    found = []
    for employee_id, name, team, hired in rows:
        hire_date = date.fromisoformat(hired)
        ends = probation_end(hire_date, months)
        if today <= ends <= last:
            found.append(ProbationEnding(employee_id, name, team, hire_date, ends))
    found.sort(key=lambda p: (p.probation_end, p.name, p.employee_id))
    return found


def today_items(db: Database, lang: str, today: date) -> TodayItems:
    """Everything the Today panel lists, as of `today`."""
    from retention_desktop.store.talk import who_to_talk_to  # it builds on these rules

    items = TodayItems(
        overdue=overdue_actions(db, lang, today),
        new_hire_marks=new_hire_marks(db, today),
        no_check_in=no_check_in(db, today),
        peak_season=peak_seasons(db, today),
        unfinished_handover=unfinished_handover(db, lang),
        high_risk_without_action=high_risk_without_action(db, lang, today),
        leaving_soon=leaving_soon(db, today),
        probation_ending=probation_ending(db, today),
    )
    # from the lists just read, not read again
    items.talk_to, items.risky_window = who_to_talk_to(db, today, items)
    return items
