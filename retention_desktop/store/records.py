"""Writing employees, spells and exits. Each call is one transaction: all or nothing."""

from __future__ import annotations

import sqlite3
from datetime import date

from sqlite_utils import Database

from retention_desktop.domain.records import (
    EmployeeDraft,
    ExitDraft,
    Problem,
    validate_employee,
    validate_exit,
    validate_rehire,
)
from retention_desktop.store.errors import RecordError

NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


def _raise_first(problems: list[Problem]) -> None:
    if problems:
        first = problems[0]
        raise RecordError(first.message, field=first.field, code=first.code)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def employee_no_owner(db: Database, employee_no: str, exclude_id: int | None = None) -> str | None:
    """Name of the employee already holding `employee_no`, if any."""
    row = db.execute(
        "SELECT name FROM employees WHERE employee_no = ? AND id IS NOT ?",
        [employee_no, exclude_id],
    ).fetchone()
    return row[0] if row else None


def _check_number_free(db: Database, draft: EmployeeDraft, employee_id: int | None) -> None:
    if draft.employee_no and (owner := employee_no_owner(db, draft.employee_no, employee_id)):
        raise RecordError(
            f"employee no. {draft.employee_no} is already used by {owner}",
            field="employee_no",
            code="duplicate",
            value=owner,
        )


def add_employee(db: Database, draft: EmployeeDraft, *, today: date) -> tuple[int, int]:
    """A new employee with their first spell; returns (employee id, spell id)."""
    draft = draft.cleaned()
    _raise_first(validate_employee(draft, today))
    _check_number_free(db, draft, None)
    with db.atomic():
        employee_id = db.execute(
            "INSERT INTO employees (employee_no, name, phone, notes) VALUES (?, ?, ?, ?)",
            [draft.employee_no, draft.name, draft.phone, draft.notes],
        ).lastrowid
        spell_id = db.execute(
            "INSERT INTO spells (employee_id, hire_date, team, position) VALUES (?, ?, ?, ?)",
            [employee_id, _iso(draft.hire_date), draft.team, draft.position],
        ).lastrowid
    return employee_id, spell_id


def _spell(db: Database, spell_id: int) -> tuple[date, date | None]:
    row = db.execute("SELECT hire_date, end_date FROM spells WHERE id = ?", [spell_id]).fetchone()
    if row is None:
        raise RecordError(f"there is no employment spell {spell_id}", field="spell")
    return date.fromisoformat(row[0]), (date.fromisoformat(row[1]) if row[1] else None)


def record_exit(db: Database, spell_id: int, draft: ExitDraft) -> int:
    """End a spell with its exit record (reasons, conversation, handover); returns exit id."""
    if draft.stayed_on is not None:
        raise ValueError("a withdrawn notice is recorded with record_kept_notice")
    hire_date, end = _spell(db, spell_id)
    if end is not None:
        raise RecordError("this employment has already ended", field="last_day", code="ended")
    _raise_first(validate_exit(draft, hire_date))
    try:
        with db.atomic():
            db.execute(
                f"UPDATE spells SET end_date = ?, updated_at = {NOW} WHERE id = ?",
                [_iso(draft.last_day), spell_id],
            )
            exit_id = db.execute(
                """INSERT INTO exits (spell_id, notice_date, exit_type, primary_reason_id,
                       regrettable, eligible_for_rehire, conversation_notes, way,
                       destination_id, keep_tried, keep_offer_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [spell_id, *_exit_values(draft)],
            ).lastrowid
            _write_exit_details(db, exit_id, draft)
    except sqlite3.IntegrityError as error:
        raise RecordError(f"the exit could not be saved: {error}") from error
    return exit_id


def _exit_values(draft: ExitDraft) -> list:
    """The exits row's columns after spell_id, in the order the INSERT and UPDATE name them."""
    return [
        _iso(draft.notice_date),
        draft.exit_type,
        draft.primary_reason_id,
        int(draft.regrettable),
        None if draft.eligible_for_rehire is None else int(draft.eligible_for_rehire),
        draft.conversation_notes,
        draft.way,
        draft.destination_id,
        int(draft.keep_tried),
        draft.keep_offer_id,
    ]


def _write_exit_details(db: Database, exit_id: int, draft: ExitDraft) -> None:
    db.conn.executemany(
        "INSERT INTO exit_further_reasons (exit_id, reason_id) VALUES (?, ?)",
        [(exit_id, r) for r in dict.fromkeys(draft.further_reason_ids)],
    )
    db.conn.executemany(
        """INSERT INTO handover_items (exit_id, code, label, done, done_date, note, position)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [
            (exit_id, item.code, item.label, int(item.done), _iso(item.done_date), item.note, i)
            for i, item in enumerate(draft.handover)
        ],
    )


def rehire(
    db: Database,
    employee_id: int,
    hire_date: date,
    *,
    team: str = "",
    position: str = "",
    today: date | None = None,
) -> int:
    """Start a new spell for someone who left; the old spells stay as they were."""
    open_count, last_end = db.execute(
        "SELECT count(*) FILTER (WHERE end_date IS NULL), max(end_date) FROM spells "
        "WHERE employee_id = ?",
        [employee_id],
    ).fetchone()
    last = date.fromisoformat(last_end) if last_end else None
    _raise_first(validate_rehire(hire_date, last, bool(open_count), today))
    with db.atomic():
        return db.execute(
            "INSERT INTO spells (employee_id, hire_date, team, position) VALUES (?, ?, ?, ?)",
            [employee_id, _iso(hire_date), team.strip(), position.strip()],
        ).lastrowid


def _latest_spell(db: Database, employee_id: int) -> tuple[int, date, date | None, date | None]:
    """(id, hire date, end date, end of the spell before it) of the employee's latest spell."""
    rows = db.execute(
        "SELECT id, hire_date, end_date FROM spells WHERE employee_id = ? "
        "ORDER BY hire_date DESC, id DESC LIMIT 2",
        [employee_id],
    ).fetchall()
    if not rows:
        raise RecordError(f"there is no employee {employee_id}", field="employee")
    spell_id, hire, end = rows[0]
    before = rows[1][2] if len(rows) > 1 else None
    return (
        spell_id,
        date.fromisoformat(hire),
        date.fromisoformat(end) if end else None,
        date.fromisoformat(before) if before else None,
    )


def update_employee(db: Database, employee_id: int, draft: EmployeeDraft, *, today: date) -> None:
    """Change a person's details and their latest spell's hire date, team and position."""
    draft = draft.cleaned()
    _raise_first(validate_employee(draft, today))
    _check_number_free(db, draft, employee_id)
    spell_id, _, end, previous_end = _latest_spell(db, employee_id)
    if end is not None and draft.hire_date > end:
        raise RecordError(
            f"the hire date is after the last working day {end}",
            field="hire_date",
            code="after_end",
            value=end,
        )
    if previous_end is not None and draft.hire_date <= previous_end:
        raise RecordError(
            f"the hire date must be after the end of the previous employment {previous_end}",
            field="hire_date",
            code="overlaps",
            value=previous_end,
        )
    with db.atomic():
        db.execute(
            f"""UPDATE employees SET employee_no = ?, name = ?, phone = ?, notes = ?,
                   updated_at = {NOW} WHERE id = ?""",
            [draft.employee_no, draft.name, draft.phone, draft.notes, employee_id],
        )
        db.execute(
            f"""UPDATE spells SET hire_date = ?, team = ?, position = ?, updated_at = {NOW}
                WHERE id = ?""",
            [_iso(draft.hire_date), draft.team, draft.position, spell_id],
        )


def _exit_spell(db: Database, exit_id: int) -> tuple[int, int, date, date | None]:
    """(spell id, employee id, hire date, hire date of the next spell) of an exit."""
    row = db.execute(
        """SELECT s.id, s.employee_id, s.hire_date,
                  (SELECT min(n.hire_date) FROM spells n
                    WHERE n.employee_id = s.employee_id AND n.hire_date > s.hire_date)
           FROM exits x JOIN spells s ON s.id = x.spell_id WHERE x.id = ?""",
        [exit_id],
    ).fetchone()
    if row is None:
        raise RecordError(f"there is no exit record {exit_id}", field="exit")
    return (
        row[0],
        row[1],
        date.fromisoformat(row[2]),
        date.fromisoformat(row[3]) if row[3] else None,
    )


def update_exit(db: Database, exit_id: int, draft: ExitDraft) -> None:
    """Change an exit record: dates, type, reasons, conversation and handover."""
    if draft.stayed_on is not None:
        raise ValueError("a notice is withdrawn with withdraw_notice")
    spell_id, _, hire_date, next_hire = _exit_spell(db, exit_id)
    _raise_first(validate_exit(draft, hire_date))
    if next_hire is not None and draft.last_day >= next_hire:
        raise RecordError(
            f"the last working day must be before the rehire on {next_hire}",
            field="last_day",
            code="after_rehire",
            value=next_hire,
        )
    try:
        with db.atomic():
            db.execute(
                f"UPDATE spells SET end_date = ?, updated_at = {NOW} WHERE id = ?",
                [_iso(draft.last_day), spell_id],
            )
            db.execute(
                f"""UPDATE exits SET notice_date = ?, exit_type = ?, primary_reason_id = ?,
                       regrettable = ?, eligible_for_rehire = ?, conversation_notes = ?,
                       way = ?, destination_id = ?, keep_tried = ?, keep_offer_id = ?,
                       updated_at = {NOW}
                    WHERE id = ?""",
                [*_exit_values(draft), exit_id],
            )
            db.execute("DELETE FROM exit_further_reasons WHERE exit_id = ?", [exit_id])
            db.execute("DELETE FROM handover_items WHERE exit_id = ?", [exit_id])
            _write_exit_details(db, exit_id, draft)
    except sqlite3.IntegrityError as error:
        raise RecordError(f"the exit could not be saved: {error}") from error


def _refuse_after_rehire(next_hire: date | None) -> None:
    """An exit followed by a rehire cannot be taken back or withdrawn."""
    if next_hire is not None:
        raise RecordError(
            f"this person was rehired on {next_hire} after this exit; undo the rehire first",
            field="exit",
            code="rehired",
            value=next_hire,
        )


def cancel_exit(db: Database, exit_id: int) -> int:
    """Take back an exit entered by mistake: the person is employed again. Returns the
    employee id. Refused when the person was rehired after it."""
    spell_id, employee_id, _, next_hire = _exit_spell(db, exit_id)
    _refuse_after_rehire(next_hire)
    with db.atomic():
        db.execute("DELETE FROM exits WHERE id = ?", [exit_id])
        db.execute(
            f"UPDATE spells SET end_date = NULL, updated_at = {NOW} WHERE id = ?", [spell_id]
        )
    return employee_id


def _insert_kept_notice(db: Database, spell_id: int, draft: ExitDraft) -> int:
    notice_id = db.execute(
        """INSERT INTO kept_notices (spell_id, notice_date, last_day, stayed_on, exit_type,
               way, primary_reason_id, keep_tried, keep_offer_id, conversation_notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            spell_id,
            _iso(draft.notice_date),
            _iso(draft.last_day),
            _iso(draft.stayed_on),
            draft.exit_type,
            draft.way,
            draft.primary_reason_id,
            int(draft.keep_tried),
            draft.keep_offer_id,
            draft.conversation_notes,
        ],
    ).lastrowid
    db.conn.executemany(
        "INSERT INTO kept_notice_reasons (notice_id, reason_id) VALUES (?, ?)",
        [(notice_id, r) for r in dict.fromkeys(draft.further_reason_ids)],
    )
    return notice_id


def _check_withdrawal(draft: ExitDraft, hire_date: date, today: date) -> None:
    if draft.stayed_on is None:
        raise RecordError("the day the notice was withdrawn is missing", field="stayed_on")
    _raise_first(validate_exit(draft, hire_date, today))


def record_kept_notice(db: Database, spell_id: int, draft: ExitDraft, *, today: date) -> int:
    """A notice the person withdrew before it was recorded as an exit: kept in their
    history (with its reasons and the try to keep them); the spell runs on. Returns its id."""
    hire_date, end = _spell(db, spell_id)
    if end is not None:
        raise RecordError("this employment has already ended", field="last_day", code="ended")
    _check_withdrawal(draft, hire_date, today)
    try:
        with db.atomic():
            return _insert_kept_notice(db, spell_id, draft)
    except sqlite3.IntegrityError as error:
        raise RecordError(f"the notice could not be saved: {error}") from error


def withdraw_notice(db: Database, exit_id: int, draft: ExitDraft, *, today: date) -> int:
    """The person stays: the exit (as edited in `draft`) becomes a kept notice in their
    history and their employment runs on (its handover checklist is dropped). Refused when
    they were rehired after it. Returns the kept notice's id."""
    spell_id, _, hire_date, next_hire = _exit_spell(db, exit_id)
    _refuse_after_rehire(next_hire)
    _check_withdrawal(draft, hire_date, today)
    try:
        with db.atomic():
            notice_id = _insert_kept_notice(db, spell_id, draft)
            db.execute("DELETE FROM exits WHERE id = ?", [exit_id])
            db.execute(
                f"UPDATE spells SET end_date = NULL, updated_at = {NOW} WHERE id = ?", [spell_id]
            )
    except sqlite3.IntegrityError as error:
        raise RecordError(f"the notice could not be withdrawn: {error}") from error
    return notice_id


def delete_employee(db: Database, employee_id: int) -> None:
    """Remove a person with their spells, exits, actions and risk flags."""
    with db.atomic():
        cursor = db.execute("DELETE FROM employees WHERE id = ?", [employee_id])
    if cursor.rowcount == 0:
        raise RecordError(f"there is no employee {employee_id}", field="employee")
