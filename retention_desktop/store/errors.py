"""Errors the store raises; each message is one plain sentence a shop owner can act on."""


class StoreError(Exception):
    """Base class: the database could not be used as asked. Nothing was written. `why`
    says which case of the error it is, for the screens' own sentences."""

    def __init__(self, message: str = "", why: str = "") -> None:
        super().__init__(message)
        self.why = why


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
        self.kind = kind
        self.path = path
        self.detail = detail
        self.holder = holder
        super().__init__(self.sentence("en"), None, f"fault_{kind}", str(path))

    def sentence(self, lang: str) -> str:
        """The sentence in `lang` (zh_CN or en), naming the program that holds the file
        where the system tells."""
        message = fault_sentence(self.kind, self.path, self.detail, lang)
        if self.holder:
            message = message.replace("Another program", self.holder, 1)
            message = message.replace("另一个程序", self.holder, 1)
        return message


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


# The command line's sentences in Chinese (the screens have theirs in the translations).
FAULT_SENTENCES_ZH = {
    "read_only": "文件 {path} 是只读的，改动没有保存",
    "disk_full": "{path} 所在的磁盘已满，改动没有保存；请腾出空间后再保存",
    "busy": "另一个程序正在使用 {path}，改动没有保存；请关闭它或稍等片刻再保存",
    "io": "磁盘无法读写 {path}，改动没有保存",
    "permission": "你没有修改 {path} 的权限，改动没有保存",
    "missing_folder": "{path} 所在的文件夹不在（U 盘被拔出了？），改动没有保存",
    "path_too_long": "路径 {path} 太长，本系统无法使用，没有保存任何内容",
    "damaged": "文件 {path} 已损坏，改动没有保存",
    "other": "改动无法保存到 {path}（{detail}）",
}

# A file other than the database (a workbook written, a spreadsheet read) that the system
# refused, by the same kinds, plus "missing_file".
FILE_SENTENCES = {
    "read_only": "{path} may not be written (a read-only file or folder): choose another place",
    "permission": (
        "{path} may not be written or read: is it open in Excel or WPS? Close it, or choose "
        "another place"
    ),
    "disk_full": "The disk that holds {path} is full, so it was not written: free some space "
    "and try again",
    "missing_folder": "The folder of {path} is not there (a drive taken out?)",
    "missing_file": "There is no file {path}",
    "path_too_long": "The path {path} is too long for this system: choose a shorter one",
    "io": "The disk could not read or write {path}",
    "busy": "Another program is using {path}: close it and try again",
    "damaged": "{path} could not be read ({detail})",
    "other": "{path} could not be written or read ({detail})",
}
FILE_SENTENCES_ZH = {
    "read_only": "{path} 不能写入（文件或文件夹是只读的）：请换个位置",
    "permission": "{path} 不能写入或读取：是不是在 Excel 或 WPS 里打开着？请关闭它，或换个位置",
    "disk_full": "{path} 所在的磁盘已满，没有写入：请腾出空间后再试",
    "missing_folder": "{path} 所在的文件夹不在（U 盘被拔出了？）",
    "missing_file": "没有文件 {path}",
    "path_too_long": "路径 {path} 太长，本系统无法使用：请换个短一些的",
    "io": "磁盘无法读写 {path}",
    "busy": "另一个程序正在使用 {path}：请关闭它再试",
    "damaged": "无法读取 {path}（{detail}）",
    "other": "无法写入或读取 {path}（{detail}）",
}


def fault_sentence(kind: str, path: object, detail: str = "", lang: str = "en") -> str:
    """The sentence of a fault of the database (the CLI's, and the English text behind
    the screens')."""
    table = FAULT_SENTENCES_ZH if lang == "zh_CN" else FAULT_SENTENCES
    return table.get(kind, table["other"]).format(path=path, detail=detail)


def file_sentence(kind: str, path: object, detail: str = "", lang: str = "en") -> str:
    """The sentence of a fault of a file other than the database (the CLI's)."""
    table = FILE_SENTENCES_ZH if lang == "zh_CN" else FILE_SENTENCES
    return table.get(kind, table["other"]).format(path=path, detail=detail)
