"""Files that cannot be read as a roster at all: each is a SheetError with its own code and
one plain sentence (never a traceback); a missing required column is a problem instead,
so that the user can choose the column."""

from __future__ import annotations

import codecs
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest

from retention_desktop.sheets import safety
from retention_desktop.sheets.importing import read_import
from retention_desktop.sheets.model import SheetError

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
LAUGHS = (
    '<!DOCTYPE worksheet [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)


def refused(path: Path, code: str, **kwargs) -> SheetError:
    with pytest.raises(SheetError) as caught:
        read_import(path, **kwargs)
    error = caught.value
    assert error.code == code, (error.code, str(error))
    text = str(error)
    assert path.name in text or code in ("xml_entities", "merged_header")
    assert "\n" not in text
    assert "Traceback" not in text
    return error


def small_xlsx(write_xlsx, name: str = "roster.xlsx") -> Path:
    return write_xlsx([["姓名", "入职日期"], ["王芳", date(2024, 3, 5)]], name=name)


# --- not a spreadsheet ---------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02" + bytes(64)
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256))
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.xlsx", PNG),
        ("report.csv", PDF),
        ("report.xlsx", PDF),
        ("scan.csv", JPEG),
        ("junk.csv", b"abc,def\n\x00\x01\x02\x03\x04\x05\x06\x07" * 40 + b"\x00" * 10),
        ("page.xlsx", b"<html><body><table><tr><td>1</td></tr></table></body></html>"),
        ("data.csv", b'<?xml version="1.0"?><Workbook></Workbook>'),
    ],
)
def test_not_a_spreadsheet(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    error = refused(path, "not_a_spreadsheet")
    assert "is not a spreadsheet" in str(error)


def test_a_zip_that_is_no_workbook(tmp_path):
    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    refused(path, "not_a_spreadsheet")


# --- empty ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.csv", b""), ("empty.xlsx", b""), ("blank.csv", b"\r\n\r\n  \n"),
     ("bom.csv", codecs.BOM_UTF8), ("commas.csv", b",,,\n,,\n")],
)  # fmt: skip
def test_an_empty_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert str(refused(path, "empty")) == f"{name} is empty"


def test_an_empty_workbook(write_xlsx):
    refused(write_xlsx({"One": [], "Two": []}), "empty")


def test_only_a_header_row(write_csv, write_xlsx):
    refused(write_csv([["姓名", "入职日期"], [], ["", ""]]), "only_headers")
    refused(write_xlsx([["Title of the roster"], [], ["姓名", "入职日期"]]), "only_headers")


def test_a_missing_column_is_a_problem_not_an_error(write_csv):
    path = write_csv([["工号", "名", "入职", "部门"], ["A1", "王芳", "2024-03-05", "客服"]])
    parsed = read_import(path)
    assert parsed.headers == ["工号", "名", "入职", "部门"]
    assert parsed.mapping == ["employee_no", None, None, "team"]
    assert parsed.preview == [["A1", "王芳", "2024-03-05", "客服"]]
    assert parsed.row_count == 1
    assert [(p.row, p.column, p.field, p.code) for p in parsed.problems] == [
        (None, None, "name", "missing_column"),
        (None, None, "hire_date", "missing_column"),
    ]
    assert parsed.problems[1].message == (
        "no column for the hire date was found: give it a header such as 入职日期 or Hire date"
    )
    assert parsed.rows == []


# --- old, encrypted, damaged ---------------------------------------------------------------

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"\xfe\xff" * 100


@pytest.mark.parametrize("name", ["protected.xlsx", "old.xls", "renamed.csv"])
def test_password_protected_or_old_xls(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(OLE2)
    error = refused(path, "encrypted_or_xls")
    assert "without a password" in str(error)


def test_a_zip_with_encrypted_entries(write_xlsx):
    path = small_xlsx(write_xlsx)
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 0x1  # the central directory's "encrypted" flag
    path.write_bytes(bytes(data))
    refused(path, "encrypted_or_xls")


def test_a_truncated_workbook(write_xlsx):
    path = small_xlsx(write_xlsx)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, "damaged")


def test_a_workbook_with_corrupt_data(write_xlsx):
    path = small_xlsx(write_xlsx)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for n in range(start + 5, start + info.compress_size - 5):
        data[n] ^= 0x5A
    path.write_bytes(bytes(data))
    refused(path, "damaged")


def test_a_sheet_that_is_not_well_formed_xml(write_xlsx, rewrite_zip):
    path = small_xlsx(write_xlsx)
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row><c>"})
    refused(path, "damaged")


# --- zip bombs -----------------------------------------------------------------------------


def test_too_many_entries(write_xlsx, rewrite_zip):
    path = small_xlsx(write_xlsx)
    rewrite_zip(path, {f"xl/media/pad{n}.bin": b"" for n in range(safety.MAX_ENTRIES + 1)})
    error = refused(path, "zip_bomb")
    assert "10,001" in error.params["why"] or "10,00" in error.params["why"]


def test_an_entry_packed_at_an_absurd_ratio(write_xlsx, rewrite_zip):
    path = small_xlsx(write_xlsx)
    rewrite_zip(path, {"xl/media/zeros.bin": bytes(11 << 20)})  # 11 MiB of zeros: ~1000:1
    began = time.perf_counter()
    error = refused(path, "zip_bomb")
    assert time.perf_counter() - began < 2  # refused before anything was unpacked
    assert "xl/media/zeros.bin" in error.params["why"]


def test_too_much_data_unpacked(write_xlsx, rewrite_zip, monkeypatch):
    path = small_xlsx(write_xlsx)
    rewrite_zip(path, {"xl/media/noise.bin": bytes(range(256)) * 8192})  # 2 MiB, no bomb
    assert read_import(path).clean
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED", 1 << 20)
    assert "unpacked" in refused(path, "zip_bomb").params["why"]


# --- XML entities --------------------------------------------------------------------------


def sheet_with_entities(doctype: str, text: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet {NS}><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Hire date</t></is></c></row>'
        f'<row r="2"><c r="A2" t="inlineStr"><is><t>{text}</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>2024-03-05</t></is></c></row>'
        "</sheetData></worksheet>"
    ).encode()


BILLION_LAUGHS = sheet_with_entities(LAUGHS, "&lol9;")
EXTERNAL = sheet_with_entities(
    '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"
)


@pytest.mark.parametrize("sheet", [BILLION_LAUGHS, EXTERNAL], ids=["laughs", "external"])
@pytest.mark.parametrize("prolog_check", [True, False])
def test_xml_entities_in_a_sheet(write_xlsx, rewrite_zip, monkeypatch, sheet, prolog_check):
    path = small_xlsx(write_xlsx)
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": sheet})
    if not prolog_check:  # the parser refuses them too
        monkeypatch.setattr(safety, "check_xml_prologs", lambda path, archive: None)
    began = time.perf_counter()
    refused(path, "xml_entities")
    assert time.perf_counter() - began < 2


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"])
def test_xml_entities_in_other_parts(handmade_xlsx, rewrite_zip, monkeypatch, part):
    sheet = (
        '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>45356</v></c></row>'
        "</sheetData>"
    )
    path = handmade_xlsx(sheet, ["姓名", "入职日期", "王芳"])
    assert read_import(path).clean
    with zipfile.ZipFile(path) as archive:
        original = archive.read(part).decode()
    body = original.split("?>", 1)[1] if original.startswith("<?xml") else original
    root = body.lstrip()[1:].split()[0].split(">")[0]
    doctype = f'<!DOCTYPE {root} [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    rewrite_zip(path, {part: f'<?xml version="1.0" encoding="UTF-8"?>{doctype}{body}'.encode()})
    refused(path, "xml_entities")
    # defusedxml (openpyxl's parts) and the readers' own guard refuse them without the check
    monkeypatch.setattr(safety, "check_xml_prologs", lambda path, archive: None)
    refused(path, "xml_entities")


# --- too many rows -------------------------------------------------------------------------


def test_more_rows_than_the_limit(write_csv, write_xlsx):
    rows = [["Name", "Hire date"]] + [[f"P{n}", "2024-03-05"] for n in range(6)]
    for path in (write_csv(rows), write_xlsx(rows)):
        error = refused(path, "too_many_rows", max_rows=5)
        assert error.params == {"limit": 5}
        assert str(error) == f"{path.name} has more than 5 rows: split it into smaller files"
        assert read_import(path, max_rows=6).row_count == 6


def test_a_200000_row_csv_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.csv"
    line = "A{n},王芳{n},售前客服,客服专员,2024-03-05,,,,13800000000,\n"
    text = "工号,姓名,部门,岗位,入职日期,离职日期,离职类型,离职原因,电话,备注\n" + "".join(
        line.format(n=n) for n in range(200_000)
    )
    path.write_text(text, encoding="gb18030")
    began = time.perf_counter()
    error = refused(path, "too_many_rows")
    assert error.params == {"limit": 150_000}
    assert time.perf_counter() - began < 10


# --- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "姓名,入职日期\n王芳,2024-03-05\n".encode("utf-16-le"),  # no BOM
        "Name,Hire date\nAnn,2024-03-05\n".encode("utf-16-le"),
        "姓名,入职日期\n王芳,2024-03-05\n".encode("utf-16"),  # with a BOM
        b"Name,Hire date\n\x80\xff\xfe\x81,2024-03-05\n",
    ],
    ids=["utf16-chinese", "utf16-ascii", "utf16-bom", "bytes"],
)
def test_an_encoding_that_cannot_be_recognised(tmp_path, content):
    path = tmp_path / "roster.csv"
    path.write_bytes(content)
    error = refused(path, "encoding")
    assert "could not be recognised" in str(error)


# --- merged headers ------------------------------------------------------------------------


def test_merged_cells_in_the_header_row(write_xlsx):
    path = write_xlsx(
        [["姓名", None, "入职日期", "离职日期"], ["王芳", "x", date(2024, 3, 5), None]],
        merge=["A1:B1", "C1:C1", "D1:D2"],
    )
    error = refused(path, "merged_header")
    assert error.params["cells"] == "A1:B1, C1, D1:D2"
    assert "A1:B1" in str(error)


def test_a_merged_title_above_the_headers_is_fine(write_xlsx):
    path = write_xlsx(
        [
            ["员工名单", None, None],
            ["姓名", "入职日期", "部门"],
            ["王芳", date(2024, 3, 5), "客服"],
        ],
        merge=["A1:C1", "C3:C4"],
    )
    parsed = read_import(path)
    assert parsed.clean
    assert parsed.headers == ["姓名", "入职日期", "部门"]
    assert [(r.row, r.name, r.team) for r in parsed.rows] == [(3, "王芳", "客服")]


def test_empty_rows_by_the_million_are_refused_quickly(write_xlsx, rewrite_zip):
    """Rows past Excel's last one (1,048,576) mean a file built to take time: refused at
    that row (a 28 MB file of 200 MB of empty rows took 50 s to read before, 3.5 s to be
    refused now). Here the rows up to it are left out: the row number is what counts."""
    path = small_xlsx(write_xlsx)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    rows = b'<row r="1048576"/><row r="1048577"/>'
    bomb = sheet.replace(b"</sheetData>", rows + b"</sheetData>")
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": bomb})
    began = time.perf_counter()
    error = refused(path, "too_many_rows")
    assert time.perf_counter() - began < 10
    assert error.params == {"limit": 150_000}


# --- too many cells ------------------------------------------------------------------------


def test_more_cells_than_a_roster_are_refused_as_they_are_read(write_xlsx, monkeypatch):
    """Cells right of the headers count too: a sheet built of cheap cells would take a
    minute to read at the size limit (bench/bench_worst_sheet.py)."""
    from retention_desktop.sheets import reading

    rows = [["Name", "Hire date"]] + [[f"P{n}", date(2024, 3, 5), *range(8)] for n in range(5)]
    path = write_xlsx(rows)
    monkeypatch.setattr(reading, "MAX_CELLS", 30)
    error = refused(path, "too_many_cells")
    assert error.params == {"limit": 30}
    assert str(error) == (
        f"{path.name} holds far more cells than a roster (over 30): copy the roster's "
        "columns and rows into a new workbook and import that"
    )
    monkeypatch.setattr(reading, "MAX_CELLS", 60)
    assert read_import(path).row_count == 5


def test_more_shared_strings_than_a_roster_are_refused(handmade_xlsx, monkeypatch):
    from retention_desktop.sheets import reading

    header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    strings = ["Name", "Hire date", "Ann", "Bo", "Cy", "Di"]
    path = handmade_xlsx(f"<sheetData>{header}</sheetData>", strings)
    monkeypatch.setattr(reading, "MAX_SHARED_STRINGS", 4)
    error = refused(path, "too_many_cells")
    assert error.params == {"limit": 4}
    monkeypatch.setattr(reading, "MAX_SHARED_STRINGS", 6)
    with pytest.raises(SheetError) as other:  # read: only its header row, as built
        read_import(path)
    assert other.value.code != "too_many_cells"


def _declare_size(path: Path, part: str, size: int) -> None:
    """Make the archive say `part` unpacks to `size` bytes, in its local header and its
    central directory entry, whatever it really holds."""
    import struct

    data = bytearray(path.read_bytes())
    name = part.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(signature, at)) != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[at + offset : at + offset + 4] = struct.pack("<I", size)
            at += 4
    path.write_bytes(bytes(data))


def test_a_part_that_unpacks_to_more_than_it_declares_is_not_read_past(write_xlsx, rewrite_zip):
    """The limits check the sizes an archive declares; reading stops at the declared size
    (zipfile cuts the stream there), so a part that lies is refused as damaged, quickly,
    instead of unpacking 40 MB declared as 2 KB."""
    path = small_xlsx(write_xlsx)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    padded = sheet.replace(b"</sheetData>", b"</sheetData>" + b" " * (40 << 20))
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": padded})
    _declare_size(path, "xl/worksheets/sheet1.xml", 2048)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size == 2048
    began = time.perf_counter()
    refused(path, "damaged")
    assert time.perf_counter() - began < 2


def test_openpyxl_parses_through_defusedxml_even_where_lxml_is_installed():
    """retention_desktop.sheets tells openpyxl (before its first import) not to use lxml,
    which would bypass defusedxml; checked in a fresh interpreter, as the app starts."""
    import subprocess
    import sys

    code = "import retention_desktop.sheets.reading, openpyxl.xml as x; print(x.LXML, x.DEFUSEDXML)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stdout.split() == ["False", "True"]
