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
    """A write was refused because the record breaks a data rule: `field` says which field,
    `code` which rule (the screens show their own translated sentence for it) and `value`
    the detail that sentence needs (a date, or the name of who holds a number)."""

    def __init__(
        self, message: str, field: str | None = None, code: str | None = None, value: object = None
    ) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.value = value
