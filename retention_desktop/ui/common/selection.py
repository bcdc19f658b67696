"""What the owner has chosen: the page shown and the rows selected on it. Pages publish
their selection here; the features' actions read it to decide whether they apply."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from retention_desktop.store.actions import ActionRow
    from retention_desktop.store.queries import ExitRow, RosterRow

ROSTER, EXITS, ACTIONS, DASHBOARD = "roster", "exits", "actions", "dashboard"


class Selection(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page = ROSTER
        self._person: RosterRow | None = None
        self._people: list[RosterRow] = []
        self._exit: ExitRow | None = None
        self._action: ActionRow | None = None

    def set_page(self, page: str) -> None:
        self.page = page
        self.changed.emit()

    def set_people(self, current: RosterRow | None, selected: list[RosterRow]) -> None:
        self._person, self._people = current, selected
        self.changed.emit()

    def set_exit(self, row: ExitRow | None) -> None:
        self._exit = row
        self.changed.emit()

    def set_action(self, row: ActionRow | None) -> None:
        self._action = row
        self.changed.emit()

    # What applies on the page shown
    def person(self) -> RosterRow | None:
        """The current person of the roster, when the roster is shown."""
        return self._person if self.page == ROSTER else None

    def people(self) -> list[RosterRow]:
        """Everyone selected on the roster (Ctrl / Shift), when the roster is shown."""
        return self._people if self.page == ROSTER else []

    def exit(self) -> ExitRow | None:
        return self._exit if self.page == EXITS else None

    def action(self) -> ActionRow | None:
        return self._action if self.page == ACTIONS else None

    def team(self) -> str | None:
        """The team of the person or action chosen, if any."""
        row = self.person() or self.action()
        return (row.team or None) if row is not None else None
