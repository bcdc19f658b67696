"""Errors the store raises; each message is one plain sentence a shop owner can act on."""


class StoreError(Exception):
    """Base class: the database could not be used as asked. Nothing was written."""


class NotADatabaseError(StoreError):
    pass


class ForeignDatabaseError(StoreError):
    pass


class DamagedDatabaseError(StoreError):
    pass


class NewerVersionError(StoreError):
    pass


class RecordError(StoreError):
    """A write was refused because the record breaks a data rule (field says which)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
