"""What an export writes, read from the file: the period's report and every record, as
the rows of domain.exchange's columns. The writer (retention_desktop.sheets.export) turns
them into a workbook; the CLI and the GUI call both."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from sqlite_utils import Database

from retention_desktop.domain.catalog import HANDOVER_ITEMS, way_labels
from retention_desktop.domain.dates import Period
from retention_desktop.domain.exchange import ExportData
from retention_desktop.domain.seasons import runs_in_period
from retention_desktop.domain.standing import employed_on, tenure_days
from retention_desktop.store.catalog import label_sql
from retention_desktop.store.database import no_collection
from retention_desktop.store.errors import DamagedDatabaseError
from retention_desktop.store.reports import action_figures, turnover_report
from retention_desktop.store.settings import get_setting

_HANDOVER = {entry.code: entry for entry in HANDOVER_ITEMS}


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def export_data(
    db: Database,
    period: Period,
    *,
    lang: str,
    today: date,
    team: str | None = None,
    now: datetime | None = None,
) -> ExportData:
    """The report of `period` (and `team`) and the records behind it: every employment
    spell (of the team), the exits whose last day falls in the period, and the retention
    actions planned in it. One read transaction, so the figures and the records agree."""
    try:
        with db.atomic():  # one snapshot of the file (WAL: readers see one state)
            return ExportData(
                lang=lang,
                shop_name=get_setting(db, "shop_name"),
                generated_at=now or datetime.now().replace(microsecond=0),
                period=period,
                team=team,
                currency=get_setting(db, "currency"),
                report=turnover_report(db, period, lang=lang, today=today, team=team),
                employees=employee_rows(db, lang, today, team),
                exits=exit_rows(db, lang, period, team),
                actions=action_rows(db, lang, period, team),
                action_figures=action_figures(db, period, lang=lang, team=team),
                peak_seasons=runs_in_period(
                    get_setting(db, "peak_seasons"), period.first_day, period.last_day
                ),
            )
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(
            f"the database is damaged and the export could not be read ({error})"
        ) from error


def employee_rows(db: Database, lang: str, today: date, team: str | None = None) -> list[tuple]:
    """Every spell, oldest hire first, in EMPLOYEE_COLUMNS order; whether employed today
    and the days employed up to the last day, or to `today` for those employed
    (domain.standing: notice given counts as employed, a hire not yet begun has 0 days)."""
    sql = f"""
        SELECT e.employee_no, e.name, s.team, s.position, s.hire_date, s.end_date,
               x.exit_type, r.{label_sql(lang)}, e.phone, e.notes, x.way, d.{label_sql(lang)}
        FROM spells s
        JOIN employees e ON e.id = s.employee_id
        LEFT JOIN exits x ON x.spell_id = s.id
        LEFT JOIN exit_reasons r ON r.id = x.primary_reason_id
        LEFT JOIN destinations d ON d.id = x.destination_id
        {"WHERE s.team = ?" if team is not None else ""}
        ORDER BY s.hire_date, s.id
    """
    fromiso = date.fromisoformat
    with no_collection():
        rows = []
        ways = way_labels(lang)
        for (number, name, t, position, hired, ended, exit_type, reason, phone, notes, way,
             place) in db.execute(sql, [team] if team is not None else []):  # fmt: skip
            start = fromiso(hired)
            end = fromiso(ended) if ended else None
            rows.append(
                (number, name, t, position, start, end, exit_type, reason, phone, notes,
                 ways.get(way), place, employed_on(start, end, today),
                 tenure_days(start, end, today))
            )  # fmt: skip
        return rows


def exit_rows(db: Database, lang: str, period: Period, team: str | None = None) -> list[tuple]:
    """The exits whose last day falls in `period`, in EXIT_COLUMNS order, latest first:
    every field, the further reasons in list order, the handover items one per line."""
    label = label_sql(lang)
    separator = "、" if lang.startswith("zh") else ", "
    params: list = [period.first_day.isoformat(), period.last_day.isoformat()]
    team_clause = ""
    if team is not None:
        team_clause = "AND s.team = ?"
        params.append(team)
    sql = f"""
        SELECT x.id, e.employee_no, e.name, s.team, s.position, s.hire_date, s.end_date,
               x.notice_date, x.exit_type, r.{label}, x.regrettable, x.eligible_for_rehire,
               x.conversation_notes, x.way, d.{label}, x.keep_tried, t.{label}
        FROM exits x
        JOIN spells s ON s.id = x.spell_id
        JOIN employees e ON e.id = s.employee_id
        LEFT JOIN exit_reasons r ON r.id = x.primary_reason_id
        LEFT JOIN destinations d ON d.id = x.destination_id
        LEFT JOIN action_types t ON t.id = x.keep_offer_id
        WHERE s.end_date BETWEEN ? AND ? {team_clause}
        ORDER BY s.end_date DESC, x.id DESC
    """
    exits = db.execute(sql, params).fetchall()
    further: dict[int, list[str]] = {}
    for exit_id, text in db.execute(
        f"""SELECT f.exit_id, r.{label} FROM exit_further_reasons f
            JOIN exit_reasons r ON r.id = f.reason_id ORDER BY f.exit_id, r.position, r.id"""
    ):
        further.setdefault(exit_id, []).append(text)
    handover: dict[int, list[tuple]] = {}
    for exit_id, code, text, done, done_date, note in db.execute(
        """SELECT exit_id, code, label, done, done_date, note FROM handover_items
           ORDER BY exit_id, position, id"""
    ):
        handover.setdefault(exit_id, []).append((code, text, done, done_date, note))
    rows = []
    ways = way_labels(lang)
    for (exit_id, number, name, t, position, hired, ended, notice, exit_type, reason, regrettable,
         rehire, notes, way, place, tried, offer) in exits:  # fmt: skip
        start, end = date.fromisoformat(hired), date.fromisoformat(ended)
        items = handover.get(exit_id, [])
        rows.append(
            (
                number,
                name,
                t,
                position,
                start,
                end,
                _day(notice),
                exit_type,
                reason,
                separator.join(further.get(exit_id, [])),
                bool(regrettable),
                None if rehire is None else bool(rehire),
                (end - start).days,
                sum(1 for item in items if item[2]),
                len(items),
                "\n".join(_handover_line(item, lang) for item in items),
                notes,
                ways.get(way),
                place,
                bool(tried),
                offer if tried else None,
            )
        )
    return rows


def _handover_line(item: tuple, lang: str) -> str:
    code, text, done, done_date, note = item
    entry = _HANDOVER.get(code)
    name = text or (entry.label(lang) if entry else code)
    line = f"{'✓' if done else '✗'} {name}"
    if done_date:
        line += f" ({done_date})"
    if note:
        line += f": {note}"
    return line


def action_rows(db: Database, lang: str, period: Period, team: str | None = None) -> list[tuple]:
    """Retention actions planned in `period` (for the team's people, or the team as a
    whole), in ACTION_COLUMNS order, by planned date."""
    params: list = [period.first_day.isoformat(), period.last_day.isoformat()]
    team_clause = ""
    if team is not None:
        # the team of an action for one person: the team of their latest spell
        team_clause = "AND coalesce(a.team, latest.team) = ?"
        params.append(team)
    sql = f"""
        WITH latest AS (
            SELECT s.employee_id, s.team FROM spells s
            WHERE s.id = (SELECT s2.id FROM spells s2 WHERE s2.employee_id = s.employee_id
                          ORDER BY s2.hire_date DESC, s2.id DESC LIMIT 1)
        )
        SELECT e.employee_no, e.name, coalesce(a.team, latest.team, ''),
               t.{label_sql(lang)}, a.title, a.planned_date, a.due_date, a.owner, a.cost,
               a.status, a.done_date, a.outcome, a.notes
        FROM retention_actions a
        JOIN action_types t ON t.id = a.action_type_id
        LEFT JOIN employees e ON e.id = a.employee_id
        LEFT JOIN latest ON latest.employee_id = a.employee_id
        WHERE a.planned_date BETWEEN ? AND ? {team_clause}
        ORDER BY a.planned_date, a.id
    """
    return [
        (number, name or "", t, action_type, title, _day(planned), _day(due), owner, cost, status,
         _day(done), outcome, notes)
        for (number, name, t, action_type, title, planned, due, owner, cost, status, done, outcome,
             notes) in db.execute(sql, params)
    ]  # fmt: skip
