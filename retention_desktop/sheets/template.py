"""The import template: an .xlsx whose first sheet has the import format's headers (in
Chinese and English) and an example row, and a second sheet that explains each column.
Both print landscape on A4, one page wide, with their header row on every page; the notes
wrap and their rows are as tall as their longest note (sheets.printing)."""

from __future__ import annotations

import os
import tempfile
import warnings
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from retention_desktop.domain.exchange import FIELDS, HEADERS, REQUIRED
from retention_desktop.sheets.printing import page_setup, row_height, text_lines

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
HEADER_BORDER = Border(bottom=Side(style="thin", color="808080"))

EXAMPLE = {
    "employee_no": "A1001",
    "name": "王芳",
    "team": "售前客服",
    "position": "客服专员",
    "hire_date": date(2024, 3, 5),
    "exit_date": date(2025, 1, 10),
    "exit_type": "主动",
    "exit_reason": "薪资待遇",
    "phone": "13800000000",
    "notes": "示例行，导入前请删除 / An example: delete it before importing",
    "exit_way": "辞职",
    "destination": "同行网店",
}
EXPLAINED = {
    "employee_no": (
        "同一工号出现在多行 = 同一人离职后再次入职",
        "The same number on several rows = the same person rehired",
    ),
    "name": ("必填", "Required"),
    "team": ("", ""),
    "position": ("", ""),
    "hire_date": (
        "必填。日期格式：2024-03-05、2024/3/5、2024年3月5日 或 20240305",
        "Required. 2024-03-05, 2024/3/5, 2024年3月5日 or 20240305",
    ),
    "exit_date": ("留空 = 仍在职", "Empty = still employed"),
    "exit_type": ("主动 / 被动", "voluntary / involuntary"),
    "exit_reason": (
        "原因清单里没有的会自动加入清单",
        "A reason not in the list is added to it",
    ),
    "phone": ("", ""),
    "notes": ("", ""),
    "exit_way": (
        "辞职 / 自离 / 协商解除 / 辞退 / 合同到期 / 试用期不合格；离职类型留空时按它判断主动或被动",
        "resignation / walked off / mutual agreement / dismissal / contract end / failed "
        "probation; an empty exit type follows from it",
    ),
    "destination": (
        "去向清单里没有的会自动加入清单",
        "A destination not in the list is added to it",
    ),
}


def header(field: str) -> str:
    """The template's header of a field: Chinese, then English."""
    return f"{HEADERS[field]['zh_CN']} / {HEADERS[field]['en']}"


def write_template(path: Path | str) -> None:
    """Write the template to `path` (through a temporary file moved into place)."""
    path = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = "导入 Import"
    sheet.append([header(f) for f in FIELDS])
    sheet.append([EXAMPLE[f] for f in FIELDS])
    for n, field in enumerate(FIELDS, start=1):
        cell = sheet.cell(row=1, column=n)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = max(14, len(header(field)) + 6)
        if field in ("hire_date", "exit_date"):
            sheet.cell(row=2, column=n).number_format = "yyyy-mm-dd"
        else:
            sheet.cell(row=2, column=n).number_format = "@"  # typed text stays text
    sheet.column_dimensions["J"].width = 48
    sheet.freeze_panes = "A2"
    page_setup(sheet)

    notes = book.create_sheet("说明 Notes")
    notes.append(["列 / Column", "必填 / Required", "说明", "Notes"])
    for field in FIELDS:
        zh, en = EXPLAINED[field]
        notes.append([header(field), "是 / yes" if field in REQUIRED else "", zh, en])
    for cell in notes[1]:
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
    widths = (30, 16, 44, 52)
    for letter, width in zip("ABCD", widths, strict=True):
        notes.column_dimensions[letter].width = width
    for row in notes.iter_rows(min_row=2):
        height = row_height(1)
        for cell, width in zip(row, widths, strict=True):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.value:
                text = str(cell.value)
                height = max(height, row_height(text_lines(text, width), not text.isascii()))
        notes.row_dimensions[row[0].row].height = height
    notes.freeze_panes = "A2"
    page_setup(notes)

    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".xlsx.part")
    except OSError as error:  # said of the template asked for, not of its temporary
        raise OSError(error.errno, error.strerror, str(path)) from error
    os.close(handle)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
