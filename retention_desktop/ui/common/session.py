"""What the screens know of the open database: the one place widgets get data from and
the one place they change it, through the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from retention_desktop.store import actions as store_actions
from retention_desktop.store import catalog, queries, snapshots
from retention_desktop.store.database import Database
from retention_desktop.store.settings import get_setting


class EmployeeChange(QUndoCommand):
    """One change to one person (add, edit, delete, exit, rehire…), undone and redone by
    putting back that person's whole state as it was before or after."""

    def __init__(
        self,
        session: Session,
        employee_id: int,
        before: snapshots.EmployeeState | None,
        after: snapshots.EmployeeState | None,
        text: str,
    ) -> None:
        super().__init__(text)
        self._session = session
        self._employee_id = employee_id
        self._before = before
        self._after = after
        self._applied = True  # the change was made before the command was pushed

    def redo(self) -> None:
        if self._applied:
            self._applied = False
        else:
            snapshots.put(self._session.db, self._employee_id, self._after)
        self._session.changed.emit(self._employee_id)

    def undo(self) -> None:
        snapshots.put(self._session.db, self._employee_id, self._before)
        self._session.changed.emit(self._employee_id)


class PeopleChange(QUndoCommand):
    """One change to several people at once (the same action planned for each), undone
    and redone by putting back each one's whole state."""

    def __init__(self, session: Session, states: list[tuple[int, object, object]], text: str):
        super().__init__(text)
        self._session = session
        self._states = states  # (employee id, before, after)
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
        else:
            for employee_id, _, after in self._states:
                snapshots.put(self._session.db, employee_id, after)
        self._session.changed.emit(None)

    def undo(self) -> None:
        for employee_id, before, _ in reversed(self._states):
            snapshots.put(self._session.db, employee_id, before)
        self._session.changed.emit(None)


class TeamActionChange(QUndoCommand):
    """A change to an action for a whole team (no person's snapshot holds it): undone and
    redone by putting back that one row."""

    def __init__(self, session: Session, action_id: int, before, after, text: str) -> None:
        super().__init__(text)
        self._session = session
        self._action_id = action_id
        self._before, self._after = before, after
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
        else:
            store_actions.put_action(self._session.db, self._action_id, self._after)
        self._session.changed.emit(None)

    def undo(self) -> None:
        store_actions.put_action(self._session.db, self._action_id, self._before)
        self._session.changed.emit(None)


class Session(QObject):
    """The open database, its file and the language, shared by the main window's screens.

    `changed` is emitted after every change (and every undo or redo), with the id of the
    person changed, or None when anything may have changed; screens reload what they
    show of it. `changed_since()` tells what changed after an earlier moment."""

    changed = Signal(object)
    catalog_changed = Signal()  # reasons or kinds of action edited: labels may differ
    settings_changed = Signal()  # costs, rates shown, peak seasons: no record changed

    def __init__(self, db: Database, path: Path, lang: str) -> None:
        super().__init__()
        self.db = db
        self.path = path
        self.lang = lang
        self.undo_stack = QUndoStack(self)
        # every change, as the id of the person changed (None: anything), so that what
        # was read before some change can be told stale; its slot is connected first,
        # so it is logged before any screen reloads
        self._changes: list[int | None] = []
        self.changed.connect(self._changes.append)

    @property
    def generation(self) -> int:
        """How many changes were made so far in the session."""
        return len(self._changes)

    def changed_since(self, generation: int) -> set[int] | None:
        """The people changed after `generation`; None when anything may have changed."""
        changed = self._changes[generation:]
        return None if None in changed else set(changed)

    @staticmethod
    def today() -> date:
        return date.today()

    # Reading
    def roster(self, employee_id: int | None = None) -> list[queries.RosterRow]:
        return queries.roster(self.db, employee_id)

    def counts(self) -> dict[str, int]:
        return queries.counts(self.db)

    def teams(self) -> list[str]:
        return [t for t in queries.teams(self.db) if t]

    def positions(self) -> list[str]:
        return queries.positions(self.db)

    def reasons(self, include_retired: bool = False) -> list[catalog.CatalogItem]:
        return catalog.list_items(
            self.db, "exit_reasons", self.lang, include_retired=include_retired
        )

    def action_types(self, include_retired: bool = False) -> list[catalog.CatalogItem]:
        return catalog.list_items(
            self.db, "action_types", self.lang, include_retired=include_retired
        )

    def currency(self) -> str:
        return get_setting(self.db, "currency")

    # Changing
    def change(self, text: str, work: Callable[[], Any], employee_id: int | None = None) -> Any:
        """Run `work` (a store call that changes one person) as one undoable step.

        `employee_id` is the person changed; for a new person `work` returns their id
        first (as add_employee does). If `work` raises, nothing was written and nothing is
        pushed."""
        before = snapshots.take(self.db, employee_id) if employee_id is not None else None
        result = work()
        if employee_id is None:
            employee_id = result[0] if isinstance(result, tuple) else result
        after = snapshots.take(self.db, employee_id)
        self.undo_stack.push(EmployeeChange(self, employee_id, before, after, text))
        return result

    def change_people(self, text: str, work: Callable[[], Any], employee_ids: list[int]) -> Any:
        """Run `work` (a store call that changes several people in one transaction) as
        one undoable step."""
        before = [(i, snapshots.take(self.db, i)) for i in employee_ids]
        result = work()
        states = [(i, state, snapshots.take(self.db, i)) for i, state in before]
        self.undo_stack.push(PeopleChange(self, states, text))
        return result

    def change_team_action(
        self, text: str, work: Callable[[], Any], action_id: int | None = None
    ) -> Any:
        """Run `work` (a store call on one team action; for a new one it returns the id)
        as one undoable step."""
        before = store_actions.take_action(self.db, action_id) if action_id else None
        result = work()
        if action_id is None:
            action_id = result
        after = store_actions.take_action(self.db, action_id)
        self.undo_stack.push(TeamActionChange(self, action_id, before, after, text))
        return result

    def catalog_saved(self, deleted: bool) -> None:
        """The reason list or the action library was edited. When entries were deleted,
        steps recorded before could point at one that no longer exists, so the undo history
        starts afresh."""
        if deleted:
            self.undo_stack.clear()
        self._changes.append(None)  # what was read with the labels before is stale
        self.catalog_changed.emit()

    def imported(self) -> None:
        """Rows were added from a file: anything may have changed, and an undo step taken
        before would put back a person without the spells the file added, so the undo
        history starts afresh."""
        self.undo_stack.clear()
        self.changed.emit(None)

    def settings_saved(self) -> None:
        self.settings_changed.emit()

    def close(self) -> None:
        self.undo_stack.clear()
        self.db.close()
