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


class ReadOnlyDatabaseError(StoreError):
    """A file the app may not write cannot be opened even to read (it needs an update
    first, or holds nothing yet)."""


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


class FaultError(RecordError):
    """A change could not be written (or a file read) because of the file or the disk, not
    because of what was typed: read-only, disk full, busy, I/O error, missing folder,
    permission denied, path too long, damaged. Nothing was written. Like a RecordError it
    keeps the form open: `code` is "fault_<kind>" and `value` the file's path, from which
    the screens word their sentence; the message is the English one."""

    def __init__(self, kind: str, path: object, detail: str = "", holder: str = "") -> None:
        message = fault_sentence(kind, path, detail)
        if holder:  # the program that holds the file, where the system tells
            message = message.replace("Another program", holder, 1)
        super().__init__(message, None, f"fault_{kind}", str(path))
        self.kind = kind
        self.path = path
        self.detail = detail
        self.holder = holder


FAULT_SENTENCES = {
    "read_only": "The file {path} is read-only, so the change was not saved",
    "disk_full": (
        "The disk that holds {path} is full, so the change was not saved; "
        "free some space and save again"
    ),
    "busy": (
        "Another program is using {path}, so the change was not saved; "
        "close it or wait a moment, then save again"
    ),
    "io": "The disk could not read or write {path}, so the change was not saved",
    "permission": "You are not allowed to change {path}, so the change was not saved",
    "missing_folder": (
        "The folder of {path} is not there (a drive taken out?), so the change was not saved"
    ),
    "path_too_long": "The path {path} is too long for this system, so nothing was saved",
    "damaged": "The file {path} is damaged, so the change was not saved",
    "other": "The change could not be saved to {path} ({detail})",
}


def fault_sentence(kind: str, path: object, detail: str = "") -> str:
    """The English sentence of a fault (the CLI's, and the text behind the screens')."""
    return FAULT_SENTENCES.get(kind, FAULT_SENTENCES["other"]).format(path=path, detail=detail)
