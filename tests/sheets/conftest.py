"""Fixtures for the spreadsheet reader's tests: every file is built inside the test (csv,
openpyxl, zipfile or raw bytes), none is kept in the repository."""

from __future__ import annotations

import csv
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

# the test modules of this folder share helpers (ooxml_check, test_export's makers)
sys.path.append(str(Path(__file__).parent))  # after pythonpath: its names win


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    def write(
        rows: list[list], name: str = "roster.csv", encoding: str = "utf-8", delimiter=","
    ) -> Path:
        path = tmp_path / name
        with path.open("w", encoding=encoding, newline="") as handle:
            csv.writer(handle, delimiter=delimiter).writerows(rows)
        return path

    return write


@pytest.fixture
def write_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write rows to the first sheet (or {title: rows} to several sheets)."""

    def write(rows: list[list] | dict[str, list[list]], name: str = "roster.xlsx", merge=()):
        book = Workbook()
        sheets = rows if isinstance(rows, dict) else {"Sheet": rows}
        book.remove(book.active)
        for title, content in sheets.items():
            sheet = book.create_sheet(title)
            for row in content:
                sheet.append(row)
        for ref in merge:
            book.worksheets[0].merge_cells(ref)
        path = tmp_path / name
        book.save(path)
        return path

    return write


def _rewrite_zip(path: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts.update(replace)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def rewrite_zip() -> Callable[[Path, dict[str, bytes]], Path]:
    """Rewrite an .xlsx with some of its parts replaced (or added)."""
    return _rewrite_zip


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
# cellXfs: 0 general, 1 a date (numFmtId 14)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
    '<fonts count="1"><font/></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)


def _handmade(path: Path, sheet: str, strings: list[str] | str = (), sheet_name="名单") -> Path:
    if isinstance(strings, str):
        shared = strings
    else:
        items = "".join(f"<si><t>{s}</t></si>" for s in strings)
        shared = (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
        )
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
        f'<Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
        f'xmlns:r="{DOC}"><sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?>'
        f'<Relationships xmlns="{RELS}">'
        f'<Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{DOC}/styles" Target="styles.xml"/>'
        "</Relationships>",
        "xl/styles.xml": STYLES,
        "xl/sharedStrings.xml": shared,
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def handmade_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """An .xlsx written part by part: `sheet` is the first sheet's XML (the worksheet
    element; wrapped when it starts with <sheetData>), `strings` the shared strings."""

    def write(sheet: str, strings: list[str] | str = (), name: str = "handmade.xlsx", **kw):
        if sheet.startswith("<sheetData>"):
            sheet = (
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
                f"{sheet}</worksheet>"
            )
        return _handmade(tmp_path / name, sheet, strings, **kw)

    return write
