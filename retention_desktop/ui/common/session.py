"""What the screens know of the open database: the one place widgets get data from and
the one place they change it, through the undo stack; and the one change event that says
what each user action (or its undo or redo) changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from retention_desktop.store import actions as store_actions
from retention_desktop.store import catalog, queries, snapshots
from retention_desktop.store.database import Database, is_read_only, reading, wait_when_busy
from retention_desktop.store.errors import FaultError
from retention_desktop.store.faults import faults
from retention_desktop.store.settings import all_settings, get_setting, set_settings
from retention_desktop.ui.common.jobs import run_in_background

# What a change can touch: the store's tables, as screens care about them.
EMPLOYEES = "employees"
SPELLS = "spells"
EXITS = "exits"  # with their further reasons and handover items
ACTIONS = "retention_actions"
RISK = "risk_flags"
SETTINGS = "settings"
REASONS = "exit_reasons"  # the reason list
KINDS = "action_types"  # the action library
PLACES = "destinations"  # where people went
EVERYTHING = (EMPLOYEES, SPELLS, EXITS, ACTIONS, RISK, SETTINGS, REASONS, KINDS, PLACES)
_PARTS = {
    "exit_further_reasons": EXITS,
    "handover_items": EXITS,
    "kept_notices": EXITS,
    "kept_notice_reasons": EXITS,
}


@dataclass(frozen=True)
class Change:
    """What one user action changed: the people whose rows changed (None: anyone, as after
    an import) and which kinds of record (EMPLOYEES, SPELLS, EXITS, ACTIONS, RISK,
    SETTINGS, REASONS, KINDS)."""

    employees: frozenset[int] | None
    tables: frozenset[str]

    def touches(self, *tables: str) -> bool:
        return not self.tables.isdisjoint(tables)

    @classmethod
    def of(cls, tables: Iterable[str], employees: Iterable[int] | None = ()) -> Change:
        people = None if employees is None else frozenset(employees)
        return cls(people, frozenset(tables))

    @classmethod
    def between(cls, employee_id: int, before, after) -> Change:
        """The change from one state of a person to another (snapshots)."""
        tables = set()
        for table in snapshots.OWNED_TABLES:
            old = before.rows.get(table) if before is not None else None
            new = after.rows.get(table) if after is not None else None
            if (old or None) != (new or None):
                tables.add(_PARTS.get(table, table))
        return cls(frozenset([employee_id]), frozenset(tables))

    def __or__(self, other: Change) -> Change:
        people = (
            None
            if self.employees is None or other.employees is None
            else self.employees | other.employees
        )
        return Change(people, self.tables | other.tables)


class Step(QUndoCommand):
    """One undoable change, made before the step was pushed; undo and redo put back the
    state before or after it (`put`). When the file refuses that write (disk full, busy,
    read-only…) nothing was written: the stack is moved back where it was at once, and the
    session's `fault` signal carries the reason, for the window to say."""

    def __init__(self, session: Session, text: str, change: Change) -> None:
        super().__init__(text)
        self._session = session
        self._change = change
        self._applied = True  # the change was made before the step was pushed
        self._moved_back = False  # the next call only puts the stack back: no write

    def put(self, after: bool) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._applied:
            self._applied = False
        elif not self._write(after=True):
            return
        self._session.changed.emit(self._change)

    def undo(self) -> None:
        if self._write(after=False):
            self._session.changed.emit(self._change)

    def _write(self, *, after: bool) -> bool:
        if self._moved_back:
            self._moved_back = False
            return False
        try:
            with faults(self._session.path):
                self.put(after)
        except FaultError as fault:
            self._moved_back = True
            stack = self._session.undo_stack
            QTimer.singleShot(0, stack.undo if after else stack.redo)
            self._session.fault.emit(fault)
            return False
        return True


class EmployeeChange(Step):
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
        super().__init__(session, text, Change.between(employee_id, before, after))
        self._employee_id = employee_id
        self._before = before
        self._after = after

    def put(self, after: bool) -> None:
        state = self._after if after else self._before
        snapshots.put(self._session.db, self._employee_id, state)


class PeopleChange(Step):
    """One change to several people at once (the same action planned for each), undone
    and redone by putting back each one's whole state, all in one transaction."""

    def __init__(self, session: Session, states: list[tuple[int, object, object]], text: str):
        change = Change.of([])
        for employee_id, before, after in states:
            change |= Change.between(employee_id, before, after)
        super().__init__(session, text, change)
        self._states = states  # (employee id, before, after)

    def put(self, after: bool) -> None:
        states = [(i, last if after else first) for i, first, last in self._states]
        snapshots.put_all(self._session.db, states if after else states[::-1])


class TeamActionChange(Step):
    """A change to an action for a whole team (no person's snapshot holds it): undone and
    redone by putting back that one row."""

    def __init__(self, session: Session, action_id: int, before, after, text: str) -> None:
        super().__init__(session, text, Change.of([ACTIONS]))
        self._action_id = action_id
        self._before, self._after = before, after

    def put(self, after: bool) -> None:
        row = self._after if after else self._before
        store_actions.put_action(self._session.db, self._action_id, row)


class SettingsChange(Step):
    """A change to the shop's settings, undone and redone by writing back the values the
    changed keys had before or after (all of them, or none)."""

    def __init__(self, session: Session, before: dict, after: dict, text: str) -> None:
        super().__init__(session, text, Change.of([SETTINGS]))
        self._before, self._after = before, after

    def put(self, after: bool) -> None:
        set_settings(self._session.db, self._after if after else self._before)


BUSY_WAIT_MS = 80  # under the 100 ms a user action may keep the window busy


class Session(QObject):
    """The open database, its file and the language, shared by the main window's screens.

    `changed` is emitted once for every user action that changes the file (and for every
    undo and redo), with a Change that says what changed; each screen decides whether and
    what to read again. `read()` runs a store query off the UI thread for a screen."""

    changed = Signal(object)  # a Change
    fault = Signal(object)  # a FaultError: an undo or redo the file refused

    def __init__(self, db: Database, path: Path, lang: str) -> None:
        super().__init__()
        self.db = db
        self.path = path
        self.lang = lang
        self.closed = False
        # a file (or folder) the app may not write: look, report and export only
        self.read_only = is_read_only(db)
        # a write the window makes waits at most this long for another program's lock,
        # then says so (the form stays open to save again): the window never freezes
        wait_when_busy(db, BUSY_WAIT_MS)
        self.undo_stack = QUndoStack(self)

    def read(
        self,
        owner: QObject,
        query: Callable[..., Any],
        *args: Any,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """Run `query(db, *args, **kwargs)` in the background on a read-only connection of
        the worker thread's own; the result goes to `on_success` on the UI thread while
        `owner` and the session are still open (else it is dropped)."""
        work = self.reader(query)
        run_in_background(
            owner, lambda: work(*args, **kwargs), on_success, on_failure,
            still_wanted=lambda: not self.closed,
        )  # fmt: skip

    def reader(self, query: Callable[..., Any]) -> Callable[..., Any]:
        """`query(db, …)` as a function of its other arguments that opens a read-only
        connection of the calling thread's own: for work that is off the UI thread."""
        path = self.path

        def read(*args: Any, **kwargs: Any) -> Any:
            with reading(path) as db:
                return query(db, *args, **kwargs)

        return read

    @staticmethod
    def today() -> date:
        return date.today()

    # Reading
    def roster(self, employee_id: int | None = None) -> list[queries.RosterRow]:
        return queries.roster(self.db, employee_id)

    def counts(self) -> dict[str, int]:
        return queries.counts(self.db, self.today())

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

    def destinations(self, include_retired: bool = False) -> list[catalog.CatalogItem]:
        return catalog.list_items(
            self.db, "destinations", self.lang, include_retired=include_retired
        )

    def is_demo(self) -> bool:
        """Whether the file holds the demo shop (a made-up shop, not the owner's)."""
        return bool(get_setting(self.db, "demo"))

    def currency(self) -> str:
        return get_setting(self.db, "currency")

    # Changing
    def change(self, text: str, work: Callable[[], Any], employee_id: int | None = None) -> Any:
        """Run `work` (a store call that changes one person) as one undoable step.

        `employee_id` is the person changed; for a new person `work` returns their id
        first (as add_employee does). If `work` raises, nothing was written and nothing is
        pushed."""
        with faults(self.path):
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
        with faults(self.path):
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
        with faults(self.path):
            before = store_actions.take_action(self.db, action_id) if action_id else None
            result = work()
            if action_id is None:
                action_id = result
            after = store_actions.take_action(self.db, action_id)
        self.undo_stack.push(TeamActionChange(self, action_id, before, after, text))
        return result

    def faults(self):
        """A block whose SQLite and system errors become a FaultError about this file (a
        write that goes to the store without `change`: the catalog, the settings)."""
        return faults(self.path)

    def catalog_saved(self, table: str, deleted: bool) -> None:
        """The reason list (REASONS) or the action library (KINDS) was edited. When
        entries were deleted, steps recorded before could point at one that no longer
        exists, so the undo history starts afresh."""
        if deleted:
            self.undo_stack.clear()
        self.changed.emit(Change.of([table]))

    def imported(self) -> None:
        """Rows were added from a file (or an import was taken back): anyone may have
        changed, and an undo step taken before would put back a person without the spells
        the file added, so the undo history starts afresh."""
        self.undo_stack.clear()
        self.changed.emit(Change.of([EMPLOYEES, SPELLS, EXITS, REASONS], None))

    def settings_saved(self) -> None:
        self.changed.emit(Change.of([SETTINGS]))

    def change_settings(self, text: str, values: dict) -> None:
        """Write shop settings (all of them, or none) as one undoable step."""
        with faults(self.path):
            before = {key: value for key, value in all_settings(self.db).items()
                      if key in values}  # fmt: skip
            set_settings(self.db, values)
        self.undo_stack.push(SettingsChange(self, before, dict(values), text))

    def close(self) -> None:
        self.closed = True
        self.undo_stack.clear()
        self.db.close()
