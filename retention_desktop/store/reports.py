"""Turnover figures of the file (shared/METRICS.md): turnover_report reads the spells
touching a period and returns domain.metrics' Report of them; KeptSpells and
report_of_rows give the same Report from rows read once; headcount is "Headcount now";
action_figures counts the retention actions of a period."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date

from sqlite_utils import Database

from retention_desktop.domain.dates import Period
from retention_desktop.domain.metrics import (
    ActionFigures,
    FactRow,
    Report,
    Terms,
    TodayFigures,
    compute_report_rows,
    report_of_tally,
    today_of_rows,
)
from retention_desktop.domain.tally import tally_rows
from retention_desktop.store.catalog import label_sql
from retention_desktop.store.database import no_collection
from retention_desktop.store.errors import DamagedDatabaseError
from retention_desktop.store.queries import period_spells, reason_labels, spell_rows_with_owners
from retention_desktop.store.settings import get_setting


def terms_of(db: Database) -> Terms:
    """The recruiting and training cost per hire (`turnover_cost`) and the probation's
    months, from the settings."""
    return Terms(
        recruiting_per_hire=float(get_setting(db, "recruiting_cost_per_hire")),
        training_per_hire=float(get_setting(db, "training_cost_per_hire")),
        probation_months=int(get_setting(db, "probation_months")),
    )


def turnover_report(
    db: Database, period: Period, *, lang: str, today: date, team: str | None = None
) -> Report:
    """The Report (compute_report_rows) of `period` over the file's spells (of `team` when
    given), reason labels in `lang`, costs from the settings. Raises DamagedDatabaseError
    when the file cannot be read."""
    try:
        terms = terms_of(db)
        labels = reason_labels(db, lang)
        now = today_figures(db, today, team)
        # The rows (reason ids, not labels: the Tally's reasons are named once counted)
        # are counted and dropped with the collector off: it would otherwise walk all
        # 100,000 of them as new objects at its next pass (~30 ms), to find nothing.
        with no_collection():
            tally = tally_rows(
                period_spells(db, period, team),
                period,
                today=today,
                probation_months=terms.probation_months,
            )
    except sqlite3.DatabaseError as error:
        raise _damaged(error) from error
    report = report_of_tally(tally.named(labels), period, lang=lang, terms=terms)
    return replace(report, today=now)


def today_figures(db: Database, today: date, team: str | None = None) -> TodayFigures:
    """METRICS.md "On a given day" over every spell of the file (of `team` when given):
    employed today, hired and not begun, employed with a last day recorded."""
    params = {"today": today.isoformat(), "team": team}
    if team is not None:  # the team's spells, found by the team's index
        sql = """SELECT count(*) FILTER (WHERE hire_date <= :today
                                           AND (end_date IS NULL OR end_date >= :today)),
                        count(*) FILTER (WHERE hire_date > :today),
                        count(*) FILTER (WHERE hire_date <= :today AND end_date >= :today)
                 FROM spells WHERE team = :team"""
        headcount_now, starting, leaving = db.execute(sql, params).fetchone()
        return TodayFigures(today.isoformat(), headcount_now, starting, leaving)
    # Every spell: counts the indexes answer alone (a scan of the table takes 2-3x as
    # long). A spell ends on or after its start (the schema's CHECK), so one that ended
    # before today began before it: employed = all - starting - ended before today, and
    # leaving = ending today or later - those of them not begun.
    sql = """SELECT (SELECT count(*) FROM spells),
                    (SELECT count(*) FROM spells WHERE hire_date > :today),
                    (SELECT count(*) FROM spells WHERE end_date < :today),
                    (SELECT count(*) FROM spells WHERE end_date >= :today),
                    (SELECT count(*) FROM spells WHERE hire_date > :today
                                                   AND end_date IS NOT NULL)"""
    spells, starting, ended, ending, ending_not_begun = db.execute(sql, params).fetchone()
    headcount_now = spells - starting - ended
    return TodayFigures(today.isoformat(), headcount_now, starting, ending - ending_not_begun)


def _damaged(error: sqlite3.DatabaseError) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"the database is damaged and the report could not be read ({error})"
    )


@dataclass(frozen=True)
class KeptSpells:
    """Every spell of a file as report rows (`rows`, FactRows with reason labels in one
    language) and, beside each, the id of the employee whose spell it is (`owners`)."""

    owners: list[int]
    rows: list[FactRow]

    @classmethod
    def read(cls, db: Database, lang: str) -> KeptSpells:
        """Every spell of the file."""
        return cls(*_spell_rows(db, lang, None))

    def updated(self, db: Database, lang: str, employees: Collection[int]) -> KeptSpells:
        """The same with the spells of `employees` read again (added, changed or gone)."""
        changed = set(employees)
        owners = [owner for owner in self.owners if owner not in changed]
        rows = [row for owner, row in zip(self.owners, self.rows, strict=True)
                if owner not in changed]  # fmt: skip
        new_owners, new_rows = _spell_rows(db, lang, changed)
        return KeptSpells(owners + new_owners, rows + new_rows)


def _spell_rows(
    db: Database, lang: str, employees: Collection[int] | None
) -> tuple[list[int], list[FactRow]]:
    try:
        return spell_rows_with_owners(db, lang, employees)
    except sqlite3.DatabaseError as error:
        raise _damaged(error) from error


def report_of_rows(
    rows: list[FactRow],
    period: Period,
    *,
    lang: str,
    today: date,
    terms: Terms,
    team: str | None = None,
) -> Report:
    """The Report of `period` over `rows` (every spell's rows, e.g. KeptSpells.rows),
    narrowed to `team` when given: equal to turnover_report of the file they were read
    from."""
    if team is not None:
        rows = [row for row in rows if row[2] == team]
    report = compute_report_rows(rows, period, today=today, lang=lang, terms=terms)
    return replace(report, today=today_of_rows(rows, today))


def headcount_of_rows(rows: list[FactRow], today: date, team: str | None = None) -> int:
    """METRICS.md's "Headcount now" on `today` (of `team` when given) counted over every
    spell's rows: equal to headcount() of the file they were read from."""
    day = today.toordinal()
    return sum(
        1
        for start, end, row_team, _, _ in rows
        if start <= day and (end is None or end >= day) and (team is None or row_team == team)
    )


def headcount(db: Database, today: date, team: str | None = None) -> int:
    """METRICS.md's "Headcount now": the spells employed on `today` (start <= today, no
    end or end >= today), of `team` when given."""
    sql = (
        "SELECT count(*) FROM spells WHERE hire_date <= :today "
        "AND (end_date IS NULL OR end_date >= :today)"
    )
    params = {"today": today.isoformat()}
    if team is not None:
        sql += " AND team = :team"
        params["team"] = team
    return db.execute(sql, params).fetchone()[0]


_LATEST_TEAM = """
    SELECT employee_id, team FROM (
        SELECT employee_id, team,
               row_number() OVER (PARTITION BY employee_id ORDER BY hire_date DESC, id DESC) AS n
        FROM spells)
    WHERE n = 1
"""


def action_figures(
    db: Database, period: Period, *, lang: str, team: str | None = None
) -> ActionFigures:
    """ActionFigures of `period`: the actions planned in it counted by action type (label in
    `lang`) and status, and the cost of the actions done in it. For `team`: the team's own
    actions and those of the people whose latest spell is in the team."""
    first, last = period.first_day.isoformat(), period.last_day.isoformat()
    params: dict = {"first": first, "last": last}
    join, where = "", ""
    if team is not None:
        join = f"LEFT JOIN ({_LATEST_TEAM}) p ON p.employee_id = a.employee_id"
        where = "AND coalesce(a.team, p.team) = :team"
        params["team"] = team
    try:
        rows = db.execute(
            f"""SELECT t.{label_sql(lang)},
                       sum(a.status = 'planned'), sum(a.status = 'done'),
                       sum(a.status = 'cancelled')
                FROM retention_actions a JOIN action_types t ON t.id = a.action_type_id
                {join}
                WHERE a.planned_date BETWEEN :first AND :last {where}
                GROUP BY t.id""",
            params,
        ).fetchall()
        cost = db.execute(
            f"""SELECT coalesce(sum(a.cost), 0) FROM retention_actions a {join}
                WHERE a.status = 'done' AND a.done_date BETWEEN :first AND :last {where}""",
            params,
        ).fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise _damaged(error) from error
    by_type = sorted(
        ((label, planned, done, cancelled) for label, planned, done, cancelled in rows),
        key=lambda r: (-(r[1] + r[2] + r[3]), r[0]),
    )
    return ActionFigures(
        by_type,
        sum(r[1] for r in by_type),
        sum(r[2] for r in by_type),
        sum(r[3] for r in by_type),
        float(cost),
    )
