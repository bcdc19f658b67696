"""Retention actions and risk flags: writing them (each call one transaction) and reading
them for the Actions view, the edit dialogs and the employee timeline.

An action belongs to one employee or to a whole team (exactly one of the two). Its status
goes planned -> done (with the day and the outcome) or planned -> cancelled, and back to
planned by reopening. An action is *overdue* when it is still planned and its due date, or
its planned date when it has no due date, is before today (domain.actions.is_overdue).

A risk flag marks an employee at risk; at most one flag of a person is current (not
cleared). Flagging again clears the current flag on the new flag's date, so the history
keeps both.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from sqlite_utils import Database

from retention_desktop.domain.actions import (
    CANCELLED,
    DONE,
    DUE_DAY_FIELDS,
    OVERDUE,
    OVERDUE_STATUS,
    PLANNED,
    ActionDraft,
    RiskDraft,
    is_overdue,
    validate_action,
    validate_clear,
    validate_completion,
    validate_risk,
)
from retention_desktop.domain.records import Problem
from retention_desktop.store.catalog import label_sql
from retention_desktop.store.database import no_collection
from retention_desktop.store.errors import RecordError

NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


def _raise_first(problems: list[Problem]) -> None:
    if problems:
        first = problems[0]
        raise RecordError(first.message, field=first.field, code=first.code)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# --- writing actions ---------------------------------------------------------------------


def _check_type(db: Database, action_type_id: int, keep: int | None = None) -> None:
    """The action type exists and is not retired (`keep`: the type the action already has,
    which it may keep even when retired since)."""
    row = db.execute("SELECT retired FROM action_types WHERE id = ?", [action_type_id]).fetchone()
    if row is None:
        raise RecordError(
            f"there is no action type {action_type_id}",
            field="action_type",
            code="unknown",
            value=action_type_id,
        )
    if row[0] and action_type_id != keep:
        raise RecordError(
            "this kind of action is retired; choose another",
            field="action_type",
            code="retired",
            value=action_type_id,
        )


def _check_employee(db: Database, employee_id: int) -> None:
    if db.execute("SELECT 1 FROM employees WHERE id = ?", [employee_id]).fetchone() is None:
        raise RecordError(
            f"there is no employee {employee_id}",
            field="employee",
            code="unknown",
            value=employee_id,
        )


def _checked_draft(db: Database, draft: ActionDraft, keep_type: int | None = None) -> ActionDraft:
    draft = draft.cleaned()
    _raise_first(validate_action(draft))
    _check_type(db, draft.action_type_id, keep_type)
    return draft


_INSERT = """INSERT INTO retention_actions (employee_id, team, action_type_id, title,
                 planned_date, due_date, owner, cost, notes)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def _insert_values(draft: ActionDraft, employee_id: int | None, team: str | None) -> list:
    return [
        employee_id,
        team,
        draft.action_type_id,
        draft.title,
        _iso(draft.planned_date),
        _iso(draft.due_date),
        draft.owner,
        float(draft.cost),
        draft.notes,
    ]


def plan_action(
    db: Database, draft: ActionDraft, *, employee_id: int | None = None, team: str | None = None
) -> int:
    """Plan an action for one employee or for a whole team (exactly one); returns its id."""
    if (employee_id is None) == (team is None):
        raise RecordError(
            "an action is planned for one employee or for one team",
            field="target",
            code="required" if employee_id is None else "both",
        )
    if team is not None:
        team = team.strip()
        if not team:
            raise RecordError("choose the team", field="team", code="required")
    draft = _checked_draft(db, draft)
    if employee_id is not None:
        _check_employee(db, employee_id)
    with db.atomic():
        return db.execute(_INSERT, _insert_values(draft, employee_id, team)).lastrowid


def plan_for_employees(db: Database, draft: ActionDraft, employee_ids: list[int]) -> list[int]:
    """The same action for each of several employees, in one transaction: all or nothing.
    A repeated id gets one action. Returns the new ids in the order of `employee_ids`."""
    ids = list(dict.fromkeys(employee_ids))
    if not ids:
        raise RecordError("choose at least one employee", field="employee", code="required")
    draft = _checked_draft(db, draft)
    found = {
        r[0]
        for r in db.execute(
            "SELECT e.id FROM employees e JOIN json_each(?) j ON j.value = e.id",
            [json.dumps(ids)],
        )
    }
    for employee_id in ids:
        if employee_id not in found:
            _check_employee(db, employee_id)  # raises, naming the first one missing
    with db.atomic():
        return [
            db.execute(_INSERT, _insert_values(draft, employee_id, None)).lastrowid
            for employee_id in ids
        ]


def _action_state(db: Database, action_id: int) -> tuple[str, date, int, date | None]:
    """(status, planned date, action type id, done date) of an action."""
    row = db.execute(
        "SELECT status, planned_date, action_type_id, done_date FROM retention_actions "
        "WHERE id = ?",
        [action_id],
    ).fetchone()
    if row is None:
        raise RecordError(
            f"there is no action {action_id}", field="action", code="unknown", value=action_id
        )
    return row[0], date.fromisoformat(row[1]), row[2], _day(row[3])


def _require_planned(status: str) -> None:
    if status != PLANNED:
        raise RecordError(
            f"only a planned action can be changed this way; this one is {status}",
            field="status",
            code="not_planned",
            value=status,
        )


def update_action(db: Database, action_id: int, draft: ActionDraft) -> None:
    """Change what an action is (type, title, dates, owner, cost, notes); its status, done
    date and outcome stay. A done action cannot be planned after the day it was done."""
    _, _, type_id, done_date = _action_state(db, action_id)
    draft = _checked_draft(db, draft, keep_type=type_id)
    if done_date is not None and draft.planned_date > done_date:
        raise RecordError(
            f"the planned date is after the day it was done ({done_date})",
            field="planned_date",
            code="after_done",
            value=done_date,
        )
    with db.atomic():
        db.execute(
            f"""UPDATE retention_actions SET action_type_id = ?, title = ?, planned_date = ?,
                   due_date = ?, owner = ?, cost = ?, notes = ?, updated_at = {NOW}
                WHERE id = ?""",
            [
                draft.action_type_id,
                draft.title,
                _iso(draft.planned_date),
                _iso(draft.due_date),
                draft.owner,
                float(draft.cost),
                draft.notes,
                action_id,
            ],
        )


def complete_action(
    db: Database, action_id: int, done_date: date | None, outcome: str = "", *, today: date
) -> None:
    """Mark a planned action done on `done_date` (between its planned date and today)."""
    status, planned, _, _ = _action_state(db, action_id)
    _require_planned(status)
    _raise_first(validate_completion(planned, done_date, today))
    with db.atomic():
        db.execute(
            f"""UPDATE retention_actions SET status = ?, done_date = ?, outcome = ?,
                   updated_at = {NOW} WHERE id = ?""",
            [DONE, _iso(done_date), outcome.rstrip(), action_id],
        )


def cancel_action(db: Database, action_id: int, note: str = "") -> None:
    """Cancel a planned action; `note` (why) is added to its outcome on a line of its own."""
    status, _, _, _ = _action_state(db, action_id)
    _require_planned(status)
    with db.atomic():
        db.execute(
            f"""UPDATE retention_actions SET status = ?,
                   outcome = CASE WHEN ? = '' THEN outcome
                                  WHEN outcome = '' THEN ?
                                  ELSE outcome || char(10) || ? END,
                   updated_at = {NOW} WHERE id = ?""",
            [CANCELLED, *[note.strip()] * 3, action_id],
        )


def reopen_action(db: Database, action_id: int) -> None:
    """Back to planned from done or cancelled: the done date goes, the outcome stays."""
    status, _, _, _ = _action_state(db, action_id)
    if status == PLANNED:
        raise RecordError(
            "this action is already planned", field="status", code="planned", value=status
        )
    with db.atomic():
        db.execute(
            f"""UPDATE retention_actions SET status = ?, done_date = NULL, updated_at = {NOW}
                WHERE id = ?""",
            [PLANNED, action_id],
        )


def delete_action(db: Database, action_id: int) -> None:
    with db.atomic():
        cursor = db.execute("DELETE FROM retention_actions WHERE id = ?", [action_id])
    if cursor.rowcount == 0:
        raise RecordError(
            f"there is no action {action_id}", field="action", code="unknown", value=action_id
        )


# --- one action, whole, for undo -----------------------------------------------------------


def take_action(db: Database, action_id: int) -> tuple | None:
    """The action's whole row (every column, in the table's order), or None if there is no
    such action. Person snapshots (store.snapshots) already cover an employee's actions;
    this is for undoing a change to a team action."""
    row = db.execute("SELECT * FROM retention_actions WHERE id = ?", [action_id]).fetchone()
    return None if row is None else tuple(row)


def put_action(db: Database, action_id: int, row: tuple | None) -> None:
    """Make the file hold exactly `row` as action `action_id` (None: no such action), in
    one transaction, with the same id."""
    columns = [c[0] for c in db.execute("SELECT * FROM retention_actions LIMIT 0").description]
    if row is not None and (len(row) != len(columns) or row[columns.index("id")] != action_id):
        raise ValueError("the row is not one of this action")
    try:
        with db.atomic():
            db.execute("DELETE FROM retention_actions WHERE id = ?", [action_id])
            if row is not None:
                db.execute(
                    f"INSERT INTO retention_actions ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})",
                    list(row),
                )
    except sqlite3.IntegrityError as error:
        raise RecordError(f"the action could not be put back: {error}", field="action") from error


# --- reading actions ---------------------------------------------------------------------


class ActionRow(NamedTuple):
    action_id: int
    employee_id: int | None  # None: a team action
    employee_no: str  # "" for a team action or a person without a number
    name: str  # "" for a team action
    team: str  # the action's team, or the person's team in their latest spell
    action_type_id: int
    action_type: str  # its label in the language asked for
    title: str
    planned_date: date
    due_date: date | None
    owner: str
    cost: float
    status: str  # planned / done / cancelled
    done_date: date | None
    outcome: str
    overdue: bool  # domain.actions.is_overdue on the day asked for


@dataclass(frozen=True)
class ActionFilter:
    status: str | None = None  # planned / done / cancelled / overdue; None: all
    team: str | None = None  # the team shown on the row (the action's or the person's)
    action_type_id: int | None = None
    employee_id: int | None = None
    first: date | None = None  # planned on or after
    last: date | None = None  # planned on or before


# The person's team is that of their latest spell (the roster's rule).
_LATEST_TEAM = """(SELECT s.team FROM spells s WHERE s.employee_id = a.employee_id
                   ORDER BY s.hire_date DESC, s.id DESC LIMIT 1)"""
# A few thousand rows: the person's number, name and team looked up row by row.
_COLUMNS = f"""a.id, a.employee_id, coalesce(e.employee_no, ''), coalesce(e.name, ''),
               coalesce(a.team, {_LATEST_TEAM}, ''), a.action_type_id, a.title, a.planned_date,
               a.due_date, a.owner, a.cost, a.status, a.done_date, a.outcome"""
_FROM = "FROM retention_actions a LEFT JOIN employees e ON e.id = a.employee_id"
# Tens of thousands: the action's own columns only, the people read once (_people).
_OWN_COLUMNS = """a.id, a.employee_id, a.team, a.action_type_id, a.title, a.planned_date,
                  a.due_date, a.owner, a.cost, a.status, a.done_date, a.outcome"""
# Employees whose latest spell is in team :team.
_IN_TEAM = """SELECT s.employee_id FROM spells s WHERE s.team = :team
              AND NOT EXISTS (SELECT 1 FROM spells n WHERE n.employee_id = s.employee_id
                              AND (n.hire_date > s.hire_date
                                   OR (n.hire_date = s.hire_date AND n.id > s.id)))"""


def overdue_where(today: date, alias: str = "a") -> tuple[str, dict]:
    """domain.actions' overdue rule as an SQL predicate over `retention_actions {alias}`
    and its parameters (:overdue_status, :today). The due day is spelled out as "the first
    due-day field before today, the ones before it empty" rather than coalesce(...) < today,
    so that SQLite answers it from the (status, due_date) index."""
    fields = [f"{alias}.{name}" for name in DUE_DAY_FIELDS]
    cases = [
        " AND ".join([*(f"{empty} IS NULL" for empty in fields[:n]), f"{field} < :today"])
        for n, field in enumerate(fields)
    ]
    either = " OR ".join(f"({case})" if " AND " in case else case for case in cases)
    sql = f"({alias}.status = :overdue_status AND ({either}))"
    return sql, {"overdue_status": OVERDUE_STATUS, "today": today.isoformat()}


def due_day_sql(alias: str = "a") -> str:
    """domain.actions.due_day as an SQL expression over `retention_actions {alias}`."""
    return f"coalesce({', '.join(f'{alias}.{name}' for name in DUE_DAY_FIELDS)})"


# Latest planned first: walking the planned-date index (a first page, a period) or, with
# `+`, sorting the rows another filter found (SQLite would otherwise walk the index and
# look up every action in the table to test the filter).
LATEST_FIRST = "a.planned_date DESC, a.id DESC"
LATEST_FIRST_SORTED = "+a.planned_date DESC, a.id DESC"


def _where(where: ActionFilter, today: date) -> tuple[str, dict]:
    """The WHERE clause (or "") and its parameters for `where`."""
    clauses: list[str] = []
    params: dict = {"today": today.isoformat()}
    if where.status == OVERDUE:
        overdue, overdue_params = overdue_where(today)
        clauses.append(overdue)
        params.update(overdue_params)
    elif where.status == PLANNED:
        clauses.append("a.status = :status")  # the few planned: through the status index
        params["status"] = where.status
    elif where.status is not None:
        # done (or cancelled) is most of the table: a scan beats an index probe per row
        clauses.append("+a.status = :status")
        params["status"] = where.status
    if where.action_type_id is not None:
        clauses.append("a.action_type_id = :type")
        params["type"] = where.action_type_id
    if where.employee_id is not None:
        clauses.append("a.employee_id = :employee")
        params["employee"] = where.employee_id
    if where.first is not None:
        clauses.append("a.planned_date >= :first")
        params["first"] = where.first.isoformat()
    if where.last is not None:
        clauses.append("a.planned_date <= :last")
        params["last"] = where.last.isoformat()
    if where.team is not None:
        clauses.append(f"(a.team = :team OR (a.team IS NULL AND a.employee_id IN ({_IN_TEAM})))")
        params["team"] = where.team
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _few(where: ActionFilter) -> bool:
    """Whether `where` is expected to keep only a few thousand actions."""
    return where.employee_id is not None or where.status in (PLANNED, OVERDUE)


def _labels(db: Database, lang: str) -> dict[int, str]:
    return dict(db.execute(f"SELECT id, {label_sql(lang)} FROM action_types").fetchall())


def _people(db: Database) -> dict[int, tuple[str, str, str]]:
    """Every employee's (number, name, team of the latest spell), from two plain reads."""
    with no_collection():
        teams = dict(
            db.execute("SELECT employee_id, team FROM spells ORDER BY employee_id, hire_date, id")
        )
        return {
            i: (no, name, teams.get(i, ""))
            for i, no, name in db.execute(
                "SELECT id, coalesce(employee_no, ''), name FROM employees"
            )
        }


class _Days(dict):
    """ISO text -> date, each distinct day converted once (a list of actions holds a few
    thousand distinct days): a dict lookup costs less than date.fromisoformat."""

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, text: str) -> date:
        day = self[text] = date.fromisoformat(text)
        return day


def _build_rows(rows, labels: dict[int, str], today: date) -> list[ActionRow]:
    """ActionRows from rows of _COLUMNS (tuple.__new__: a third cheaper than the class)."""
    days = _Days()
    new, cls = tuple.__new__, ActionRow
    with no_collection():
        return [
            new(
                cls,
                (
                    i,
                    emp,
                    no,
                    name,
                    team,
                    type_,
                    labels[type_],
                    title,
                    days[plan],
                    days[due],
                    owner,
                    cost,
                    st,
                    days[done],
                    out,
                    is_overdue(st, days[plan], days[due], today),
                ),
            )
            for i, emp, no, name, team, type_, title, plan, due, owner, cost, st, done, out in rows
        ]


def _build_own_rows(rows, people: dict, labels: dict[int, str], today: date) -> list[ActionRow]:
    """ActionRows from rows of _OWN_COLUMNS, the person's details from `people` (read by
    another statement: a person added since shows no name until the next read)."""
    nobody = ("", "", "")

    def widened():
        for action_id, employee_id, team, *rest in rows:
            number, name, latest_team = people.get(employee_id, nobody)
            yield (action_id, employee_id, number, name, latest_team if team is None else team,
                   *rest)  # fmt: skip

    return _build_rows(widened(), labels, today)


def query_actions(
    db: Database,
    lang: str,
    where: ActionFilter,
    today: date,
    order: str | None = None,
    limit: int | None = None,
) -> list[ActionRow]:
    """Actions matching `where` in SQL `order` over `retention_actions a` (default: latest
    planned first), the first `limit` only when given."""
    clause, params = _where(where, today)
    labels = _labels(db, lang)
    few = _few(where)
    if limit is not None:
        # Order and cut on the actions alone, then read the page's rows in full.
        order = order or (LATEST_FIRST_SORTED if few else LATEST_FIRST)
        params["limit"] = limit
        sql = f"""SELECT {_COLUMNS}
                  FROM (SELECT a.id FROM retention_actions a {clause} ORDER BY {order}
                        LIMIT :limit) page
                  JOIN retention_actions a ON a.id = page.id
                  LEFT JOIN employees e ON e.id = a.employee_id ORDER BY {order}"""
        return _build_rows(db.execute(sql, params), labels, today)
    period = where.first is not None or where.last is not None
    order = order or (LATEST_FIRST if period and not few else LATEST_FIRST_SORTED)
    if few or period:
        sql = f"SELECT {_COLUMNS} {_FROM} {clause} ORDER BY {order}"
        return _build_rows(db.execute(sql, params), labels, today)
    people = _people(db)
    sql = f"SELECT {_OWN_COLUMNS} FROM retention_actions a {clause} ORDER BY {order}"
    return _build_own_rows(db.execute(sql, params), people, labels, today)


def actions(
    db: Database,
    lang: str,
    where: ActionFilter | None = None,
    today: date | None = None,
    *,
    limit: int | None = None,
) -> list[ActionRow]:
    """Actions matching `where`, latest planned date first (then the latest added first);
    only the first `limit` when given.

    Every row in full costs a few microseconds (300,000 actions: over a second on a slow
    PC); a view of a big file can open on the first page (`limit`) and read the rest in
    the background (Session.read), or hold action_ids() and read the rows it shows with
    actions_by_id()."""
    where = where or ActionFilter()
    return query_actions(db, lang, where, today or date.today(), limit=limit)


def action_ids(
    db: Database, where: ActionFilter | None = None, today: date | None = None
) -> list[int]:
    """The ids of the actions matching `where`, in the order actions() gives them. Fast
    (an index walk for the whole list): a lazy view holds these and reads rows by id."""
    where = where or ActionFilter()
    clause, params = _where(where, today or date.today())
    order = LATEST_FIRST if where == ActionFilter() else LATEST_FIRST_SORTED
    sql = f"SELECT a.id FROM retention_actions a {clause} ORDER BY {order}"
    with no_collection():
        return [r[0] for r in db.execute(sql, params)]


def actions_by_id(
    db: Database, lang: str, ids: list[int], today: date | None = None
) -> list[ActionRow]:
    """The rows of the actions `ids` (a page of action_ids()), in that order; an id with
    no action (deleted since) is left out."""
    sql = f"""SELECT {_COLUMNS} FROM json_each(:ids) j
              JOIN retention_actions a ON a.id = j.value
              LEFT JOIN employees e ON e.id = a.employee_id
              ORDER BY j.key"""
    rows = db.execute(sql, {"ids": json.dumps(list(ids))})
    return _build_rows(rows, _labels(db, lang), today or date.today())


def count_overdue(
    db: Database, where: ActionFilter | None = None, today: date | None = None
) -> int:
    """How many of the actions matching `where` are overdue (from the status index)."""
    where = where or ActionFilter()
    if where.status not in (None, PLANNED, OVERDUE):
        return 0
    clause, params = _where(replace(where, status=OVERDUE), today or date.today())
    return db.execute(f"SELECT count(*) FROM retention_actions a {clause}", params).fetchone()[0]


class ActionList(NamedTuple):
    """What a lazy view of a long list holds: every id in order, how many of them are
    overdue, and the rows of the first page."""

    ids: list[int]
    overdue: int
    first_rows: list[ActionRow]


def action_list(db: Database, lang: str, where: ActionFilter, today: date, page: int) -> ActionList:
    """action_ids(), count_overdue() and the first `page` rows (300,000 actions: the ids
    of all of them in about 0.1-0.2 s, for a read in the background)."""
    ids = action_ids(db, where, today)
    return ActionList(
        ids, count_overdue(db, where, today), actions_by_id(db, lang, ids[:page], today)
    )


class ActionRecord(NamedTuple):
    action_id: int
    draft: ActionDraft
    status: str
    done_date: date | None
    outcome: str
    employee_id: int | None
    team: str | None


def action_record(db: Database, action_id: int) -> ActionRecord | None:
    """One action as the edit dialog shows it."""
    row = db.execute(
        """SELECT action_type_id, planned_date, title, due_date, owner, cost, notes, status,
                  done_date, outcome, employee_id, team
           FROM retention_actions WHERE id = ?""",
        [action_id],
    ).fetchone()
    if row is None:
        return None
    draft = ActionDraft(row[0], _day(row[1]), row[2], _day(row[3]), row[4], row[5], row[6])
    return ActionRecord(action_id, draft, row[7], _day(row[8]), row[9], row[10], row[11])


# --- risk flags --------------------------------------------------------------------------


class RiskRow(NamedTuple):
    flag_id: int
    level: str  # low / medium / high
    reason_id: int | None
    reason: str | None  # the suspected reason's label in the language asked for
    flagged_on: date
    note: str
    cleared_on: date | None  # None: the flag is current
    clear_note: str


def _risk_sql(lang: str) -> str:
    return f"""SELECT f.id, f.level, f.reason_id, {label_sql(lang, "r")}, f.flagged_on, f.note,
                      f.cleared_on, f.clear_note
               FROM risk_flags f LEFT JOIN exit_reasons r ON r.id = f.reason_id"""


def _risk_row(row: tuple) -> RiskRow:
    return RiskRow(*row[:4], date.fromisoformat(row[4]), row[5], _day(row[6]), row[7])


def current_risk(db: Database, employee_id: int, lang: str = "en") -> RiskRow | None:
    """The person's current (uncleared) flag, the latest if the file holds several."""
    row = db.execute(
        _risk_sql(lang) + " WHERE f.employee_id = ? AND f.cleared_on IS NULL "
        "ORDER BY f.flagged_on DESC, f.id DESC LIMIT 1",
        [employee_id],
    ).fetchone()
    return None if row is None else _risk_row(row)


def risk_history(db: Database, employee_id: int, lang: str) -> list[RiskRow]:
    """Every flag of the person, oldest first."""
    rows = db.execute(
        _risk_sql(lang) + " WHERE f.employee_id = ? ORDER BY f.flagged_on, f.id", [employee_id]
    )
    return [_risk_row(r) for r in rows]


def flag_risk(db: Database, employee_id: int, draft: RiskDraft, *, today: date) -> int:
    """Mark the person at risk; returns the flag's id. A current flag is cleared on the new
    flag's date (clear note empty): the history keeps both."""
    _raise_first(validate_risk(draft, today))
    _check_employee(db, employee_id)
    if draft.reason_id is not None and (
        db.execute("SELECT 1 FROM exit_reasons WHERE id = ?", [draft.reason_id]).fetchone() is None
    ):
        raise RecordError(
            f"there is no reason {draft.reason_id}",
            field="reason",
            code="unknown",
            value=draft.reason_id,
        )
    current = current_risk(db, employee_id)
    if current is not None and draft.flagged_on < current.flagged_on:
        raise RecordError(
            f"the date is before that of the current flag ({current.flagged_on})",
            field="flagged_on",
            code="before_current",
            value=current.flagged_on,
        )
    flagged_on = draft.flagged_on.isoformat()
    with db.atomic():
        db.execute(
            f"""UPDATE risk_flags SET cleared_on = ?, clear_note = '', updated_at = {NOW}
                WHERE employee_id = ? AND cleared_on IS NULL""",
            [flagged_on, employee_id],
        )
        return db.execute(
            """INSERT INTO risk_flags (employee_id, level, reason_id, flagged_on, note)
               VALUES (?, ?, ?, ?, ?)""",
            [employee_id, draft.level, draft.reason_id, flagged_on, draft.note.rstrip()],
        ).lastrowid


def clear_risk(
    db: Database, employee_id: int, cleared_on: date | None, note: str = "", *, today: date
) -> None:
    """Clear the person's current flag on `cleared_on` (from its date to today)."""
    current = current_risk(db, employee_id)
    if current is None:
        raise RecordError(
            "this person has no current risk flag", field="risk", code="none", value=employee_id
        )
    _raise_first(validate_clear(current.flagged_on, cleared_on, today))
    with db.atomic():
        # every uncleared flag: a file written by other means may hold more than one
        db.execute(
            f"""UPDATE risk_flags SET cleared_on = ?, clear_note = ?, updated_at = {NOW}
                WHERE employee_id = ? AND cleared_on IS NULL""",
            [cleared_on.isoformat(), note.rstrip(), employee_id],
        )


# --- the employee timeline ---------------------------------------------------------------

HIRED, LEFT = "hired", "left"
ACTION_PLANNED, ACTION_DONE, ACTION_CANCELLED = "action_planned", "action_done", "action_cancelled"
RISK_FLAGGED, RISK_CLEARED = "risk_flagged", "risk_cleared"
NOTICE_GIVEN, NOTICE_WITHDRAWN = "notice_given", "notice_withdrawn"
_ACTION_KIND = {PLANNED: ACTION_PLANNED, DONE: ACTION_DONE, CANCELLED: ACTION_CANCELLED}
# Same day: hired first, then risk flags, then actions, then the last working day.
_KIND_RANK = {
    HIRED: 0,
    RISK_FLAGGED: 1,
    RISK_CLEARED: 1,
    ACTION_PLANNED: 2,
    ACTION_DONE: 2,
    ACTION_CANCELLED: 2,
    NOTICE_GIVEN: 2,
    NOTICE_WITHDRAWN: 2,
    LEFT: 3,
}


class TimelineEvent(NamedTuple):
    """One line of the employee timeline.

    hired:            label = team, detail = position, note = "", record_id = spell id
    left:             label = primary reason (or ""), detail = exit type (or ""),
                      note = "", record_id = exit id (None for a spell ended without one)
    action_planned:   at the planned date; label = action type, detail = title, note = notes
    action_done:      at the done date; label = action type, detail = title, note = outcome
    action_cancelled: at the planned date; label = action type, detail = title,
                      note = outcome (why it was cancelled); record_id = action id
    risk_flagged:     at the flag's date; label = level, detail = reason (or ""),
                      note = note, record_id = flag id
    risk_cleared:     at the day cleared; label = level, detail = reason (or ""),
                      note = clear note, record_id = flag id
    notice_given:     at the notice date (of an exit, or of a notice later withdrawn);
                      label = primary reason (or ""), detail = the last working day given,
                      note = "", record_id = exit id or kept notice id
    notice_withdrawn: at the day withdrawn (the person stayed); label = the kind of action
                      offered (or ""), detail = "", note = "", record_id = kept notice id
    """

    day: date
    kind: str
    label: str
    detail: str
    note: str
    record_id: int | None


def timeline(db: Database, employee_id: int, lang: str) -> list[TimelineEvent]:
    """Spells, exits, the person's own actions and risk flags, oldest first. One event per
    action (planned and cancelled ones at their planned date, done ones at the day done).
    On one day: hired, then risk flags (in the order flagged, a clear after its flag), then
    actions (in the order added), then left."""
    keyed: list[tuple[tuple, TimelineEvent]] = []

    def add(event: TimelineEvent, order: tuple) -> None:
        keyed.append(((event.day, _KIND_RANK[event.kind], *order), event))

    for spell_id, hired, end, team, position, exit_id, exit_type, reason in db.execute(
        f"""SELECT s.id, s.hire_date, s.end_date, s.team, s.position, x.id, x.exit_type,
                   {label_sql(lang, "r")}
            FROM spells s LEFT JOIN exits x ON x.spell_id = s.id
            LEFT JOIN exit_reasons r ON r.id = x.primary_reason_id
            WHERE s.employee_id = ?""",
        [employee_id],
    ):
        add(
            TimelineEvent(date.fromisoformat(hired), HIRED, team, position, "", spell_id),
            (spell_id,),
        )
        if end:
            event = TimelineEvent(
                date.fromisoformat(end), LEFT, reason or "", exit_type or "", "", exit_id
            )
            add(event, (spell_id,))
    for exit_id, notice, end, reason in db.execute(
        f"""SELECT x.id, x.notice_date, s.end_date, {label_sql(lang, "r")}
            FROM exits x JOIN spells s ON s.id = x.spell_id
            LEFT JOIN exit_reasons r ON r.id = x.primary_reason_id
            WHERE s.employee_id = ? AND x.notice_date IS NOT NULL""",
        [employee_id],
    ):
        add(TimelineEvent(date.fromisoformat(notice), NOTICE_GIVEN, reason or "", end, "",
                          exit_id), (exit_id, 0))  # fmt: skip
    for notice_id, notice, last_day, stayed, reason, offer in db.execute(
        f"""SELECT k.id, k.notice_date, k.last_day, k.stayed_on, {label_sql(lang, "r")},
                   CASE WHEN k.keep_tried THEN {label_sql(lang, "t")} END
            FROM kept_notices k JOIN spells s ON s.id = k.spell_id
            LEFT JOIN exit_reasons r ON r.id = k.primary_reason_id
            LEFT JOIN action_types t ON t.id = k.keep_offer_id
            WHERE s.employee_id = ?""",
        [employee_id],
    ):
        add(TimelineEvent(date.fromisoformat(notice), NOTICE_GIVEN, reason or "", last_day, "",
                          notice_id), (notice_id, 0))  # fmt: skip
        add(TimelineEvent(date.fromisoformat(stayed), NOTICE_WITHDRAWN, offer or "", "", "",
                          notice_id), (notice_id, 1))  # fmt: skip
    for flag in risk_history(db, employee_id, lang):
        reason = flag.reason or ""
        add(
            TimelineEvent(
                flag.flagged_on, RISK_FLAGGED, flag.level, reason, flag.note, flag.flag_id
            ),
            (flag.flag_id, 0),
        )
        if flag.cleared_on is not None:
            add(
                TimelineEvent(
                    flag.cleared_on,
                    RISK_CLEARED,
                    flag.level,
                    reason,
                    flag.clear_note,
                    flag.flag_id,
                ),
                (flag.flag_id, 1),
            )
    for action_id, label, title, planned, status, done, notes, outcome in db.execute(
        f"""SELECT a.id, {label_sql(lang, "t")}, a.title, a.planned_date, a.status,
                   a.done_date, a.notes, a.outcome
            FROM retention_actions a JOIN action_types t ON t.id = a.action_type_id
            WHERE a.employee_id = ?""",
        [employee_id],
    ):
        day = date.fromisoformat(done if status == DONE else planned)
        note = notes if status == PLANNED else outcome
        add(TimelineEvent(day, _ACTION_KIND[status], label, title, note, action_id), (action_id,))
    keyed.sort(key=lambda pair: pair[0])
    return [event for _, event in keyed]
