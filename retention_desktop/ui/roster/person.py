"""What the employee dialog shows of one person, read for it: their details, employment
spells, retention actions and timeline (as the timeline table's lines)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from retention_desktop.domain.records import EmployeeDraft
from retention_desktop.store import actions as store_actions
from retention_desktop.store import queries
from retention_desktop.store.database import Database
from retention_desktop.ui.common.labels import level_names


class PersonFile(NamedTuple):
    draft: EmployeeDraft
    spells: list[queries.SpellRow]
    actions: list[queries.ActionRow]
    timeline: list[list[str]]  # date, what, details, note


def timeline_lines(events: list[store_actions.TimelineEvent]) -> list[list[str]]:
    """Spells, exits, actions and risk flags as the timeline table's lines, in order."""
    what = {
        store_actions.HIRED: QCoreApplication.translate("EmployeeDialog", "Hired"),
        store_actions.LEFT: QCoreApplication.translate("EmployeeDialog", "Left"),
        store_actions.ACTION_PLANNED: QCoreApplication.translate(
            "EmployeeDialog", "Action planned"
        ),
        store_actions.ACTION_DONE: QCoreApplication.translate("EmployeeDialog", "Action done"),
        store_actions.ACTION_CANCELLED: QCoreApplication.translate(
            "EmployeeDialog", "Action cancelled"
        ),
        store_actions.RISK_FLAGGED: QCoreApplication.translate("EmployeeDialog", "Flagged at risk"),
        store_actions.RISK_CLEARED: QCoreApplication.translate(
            "EmployeeDialog", "Risk flag cleared"
        ),
        store_actions.NOTICE_GIVEN: QCoreApplication.translate("EmployeeDialog", "Notice given"),
        store_actions.NOTICE_WITHDRAWN: QCoreApplication.translate(
            "EmployeeDialog", "Notice withdrawn: stayed"
        ),
    }
    levels = level_names()
    kinds = {
        "voluntary": QCoreApplication.translate("EmployeeDialog", "voluntary"),
        "involuntary": QCoreApplication.translate("EmployeeDialog", "involuntary"),
    }
    lines = []
    for event in events:
        label, detail = event.label, event.detail
        if event.kind in (store_actions.RISK_FLAGGED, store_actions.RISK_CLEARED):
            label = levels.get(label, label)
        if event.kind == store_actions.LEFT:
            detail = kinds.get(detail, detail)
        if event.kind == store_actions.NOTICE_GIVEN:
            detail = QCoreApplication.translate("EmployeeDialog", "last day %1").replace(
                "%1", detail
            )
        if event.kind == store_actions.NOTICE_WITHDRAWN and label:
            label = QCoreApplication.translate("EmployeeDialog", "offered: %1").replace("%1", label)
        details = " · ".join(part for part in (label, detail) if part)
        lines.append([event.day.isoformat(), what[event.kind], details, event.note])
    return lines


def read_person(db: Database, employee_id: int, lang: str) -> PersonFile | None:
    draft = queries.employee_draft(db, employee_id)
    if draft is None:
        return None
    return PersonFile(
        draft,
        queries.spells_of(db, employee_id, lang),
        queries.actions_of(db, employee_id, lang),
        timeline_lines(store_actions.timeline(db, employee_id, lang)),
    )


def read_choices(db: Database) -> tuple[list[str], list[str]]:
    """The teams and positions in the file, offered as the user types."""
    return [t for t in queries.teams(db) if t], queries.positions(db)
