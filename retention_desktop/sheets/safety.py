"""Looks at an untrusted file before any parser does (shared/DESIGN.md, "Data"): what kind
of file it is by its first bytes, and whether an .xlsx archive is safe to open (no zip
bomb, no XML entity declarations)."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from retention_desktop.sheets.model import SheetError

# Zip bombs: refused before openpyxl sees the archive.
MAX_ENTRIES = 10_000
# in all: a 150,000-row roster with 11 columns, every cell filled, is about 94 MB unpacked
MAX_UNCOMPRESSED = 256 << 20
MAX_RATIO = 200  # uncompressed : compressed, for entries over RATIO_FROM
RATIO_FROM = 10 << 20  # 10 MiB
# An XML part's prolog (where a DOCTYPE, and so entity declarations, must stand) is read
# up to this far; a real part's root element starts within the first few hundred bytes.
PROLOG_BYTES = 64 << 10

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Files that are certainly no spreadsheet this app reads, by their first bytes.
BINARY_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", None),  # checked further below: a BMP image
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a media file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", None),  # checked further below: a bzip2 archive
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", None),  # checked further below: a Windows program
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document"),
)
_CHECKED = {b"BM": "a BMP image", b"MZ": "a program", b"BZh": "a bzip2 archive"}
_MARKUP = re.compile(rb"\s*(<\?xml|<!doctype\s+html|<html|<table|<head|<body)", re.IGNORECASE)


def sniff(head: bytes) -> tuple[str, str | None]:
    """The kind of a file by its first bytes (at least 16 of them, when the file has them):
    ("xlsx", None) for a zip archive, ("ole2", None) for a compound file (an old .xls or a
    password-protected .xlsx), ("binary", what) for a file that is certainly not a
    spreadsheet, ("markup", None) for HTML or XML, and ("text", None) for the rest."""
    if head.startswith(ZIP_MAGIC):
        return "xlsx", None
    if head.startswith(OLE2_MAGIC):
        return "ole2", None
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            if magic == b"BM" and not (len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00"):
                continue  # "BM" may begin a CSV too; a BMP has four zero bytes at 6
            if magic == b"MZ" and b"\x00" not in head[:64]:
                continue
            if magic == b"BZh" and head[4:10] != b"1AY&SY":
                continue
            return "binary", what or _CHECKED[magic]
    text = head.lstrip(b"\xef\xbb\xbf")
    if _MARKUP.match(text):
        return "markup", None
    return "text", None


def not_a_spreadsheet(path: Path, what: str | None = None) -> SheetError:
    found = f" (it is {what})" if what else ""
    return SheetError(
        "not_a_spreadsheet",
        f"{path.name} is not a spreadsheet{found}: choose an .xlsx file or a .csv file "
        "saved from Excel or WPS",
        what=what,
    )


def check_xlsx_archive(path: Path | str) -> None:
    """Refuse an .xlsx archive that is unsafe or unreadable, before it is parsed: too many
    entries, too much data once unpacked, an entry packed at an absurd ratio (a zip bomb,
    code "zip_bomb"); encrypted entries ("encrypted_or_xls"); not a workbook at all
    ("not_a_spreadsheet"); a broken archive ("damaged"); XML parts that declare a DTD
    ("xml_entities", the billion laughs and external entities)."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            _check_sizes(path, entries)
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" not in names or not any(
                name.startswith("xl/") for name in names
            ):
                raise not_a_spreadsheet(path, "a zip archive, not an Excel workbook")
            if any(entry.flag_bits & 0x1 for entry in entries):
                raise SheetError(
                    "encrypted_or_xls",
                    f"{path.name} is encrypted: open it in Excel or WPS and save it as .xlsx "
                    "without a password",
                )
            check_xml_prologs(path, archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
        raise damaged(path, error) from None


def damaged(path: Path, error: BaseException | None = None) -> SheetError:
    return SheetError(
        "damaged",
        f"{path.name} is damaged or incomplete (was it copied in full?): open it in Excel "
        "or WPS and save it again",
        detail=str(error) if error is not None else None,
    )


def _check_sizes(path: Path, entries: list[zipfile.ZipInfo]) -> None:
    def bomb(why: str) -> SheetError:
        return SheetError(
            "zip_bomb",
            f"{path.name} unpacks to far more data than a roster holds ({why}), so it was "
            "not opened",
            why=why,
        )

    if len(entries) > MAX_ENTRIES:
        raise bomb(f"{len(entries):,} files inside, at most {MAX_ENTRIES:,} allowed")
    total = 0
    for entry in entries:
        total += entry.file_size
        if total > MAX_UNCOMPRESSED:
            raise bomb(f"over {MAX_UNCOMPRESSED >> 20:,} MB unpacked")
        if entry.file_size > RATIO_FROM and entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        ):
            ratio = entry.file_size // max(entry.compress_size, 1)
            raise bomb(f"{entry.filename} is packed {ratio:,} to 1")


def check_xml_prologs(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse an archive whose XML parts declare a DTD (where entities are declared). Only
    the prolog of each part is read: a DOCTYPE must come before the root element. (openpyxl
    parses with defusedxml too; this check holds even where that is switched off.)"""
    for entry in archive.infolist():
        if not entry.filename.lower().endswith((".xml", ".rels", ".vml")) or entry.is_dir():
            continue
        with archive.open(entry) as part:
            head = part.read(PROLOG_BYTES)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = head[: len(head) & ~1].decode("utf-16", errors="replace")
        else:
            text = head.decode("utf-8", errors="replace")
        root = re.search(r"<[A-Za-z_]", text)
        end = root.start() if root else len(text)
        if "<!DOCTYPE" in text[:end] or "<!ENTITY" in text[:end]:
            raise SheetError(
                "xml_entities",
                f"{path.name} contains XML entity declarations (in {entry.filename}), which "
                "a real spreadsheet does not; it was not opened",
                part=entry.filename,
            )
        if root is None and len(head) == PROLOG_BYTES:
            raise damaged(path)
