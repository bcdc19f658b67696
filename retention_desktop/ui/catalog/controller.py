"""The reason list, the destinations and the action library: File > Exit reasons, File >
Where people went, Actions > Action library."""

from __future__ import annotations

from retention_desktop.store import catalog
from retention_desktop.store.errors import RecordError
from retention_desktop.ui.common.dialogs import run_modal
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.session import KINDS, PLACES, REASONS


class CatalogFeature(Feature):
    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.reasons_action = self.action(
            self.tr("Exit &reasons…"), lambda: self.edit(REASONS), None, "reasons", writes=True
        )
        self.places_action = self.action(
            self.tr("Where people &went…"), lambda: self.edit(PLACES), None, "destinations",
            writes=True,
        )  # fmt: skip
        self.library_action = self.action(
            self.tr("Action li&brary…"),
            lambda: self.edit(KINDS),
            None,
            "actionLibrary",
            writes=True,
        )

    def edit(self, table: str) -> None:
        """The list editor of `table` (REASONS, PLACES or KINDS), with every entry, retired
        too."""
        from retention_desktop.ui.catalog.reasons_dialog import ReasonsDialog  # when used

        def save(entries: list, deleted: bool) -> RecordError | None:
            return self.save(table, entries, deleted)

        run_modal(ReasonsDialog(self.session, self.entries(table), save, self.window, table=table))

    def entries(self, table: str) -> list:
        """The entries of `table` as the dialog edits them: with how often each is used
        and its labels in both languages."""
        from retention_desktop.ui.catalog.reasons_dialog import Entry

        session, db = self.session, self.session.db
        items = {
            REASONS: session.reasons,
            KINDS: session.action_types,
            PLACES: session.destinations,
        }[table](include_retired=True)
        both = catalog.labels_in_both(db, table)
        return [
            Entry(item.id, item.label, item.category, item.retired, item.builtin,
                  catalog.usage_count(db, table, item.id), set(both.get(item.id, ())))
            for item in items
        ]  # fmt: skip

    def save(self, table: str, entries: list, deleted: bool) -> RecordError | None:
        """Write the list as edited in one transaction; the store's refusal, if it refused
        (nothing was written)."""
        edits = [catalog.CatalogEdit(e.id, e.label, e.category, e.retired) for e in entries]
        try:
            with self.session.faults():
                catalog.save_catalog(self.session.db, table, self.session.lang, edits)
        except RecordError as error:
            return error
        self.session.catalog_saved(table, deleted)
        return None
