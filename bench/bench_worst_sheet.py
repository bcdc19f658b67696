"""The worst spreadsheets that pass the archive checks (issue 13): how long the import's
reader takes to read or refuse each, and its peak memory, in a fresh child process.

Each file is a real workbook (a header row of the import format) whose sheet or shared
strings are grown, inside sheets.safety's limits (size unpacked, packing ratio, entries),
into what costs the reader most per byte:

- "stray cells": rows with their 10 cells plus many cells right of the headers;
- "many rows": the most non-blank rows the import takes (sheets.model.MAX_ROWS), 10 cells;
- "shared strings": as many one-character shared strings as the size limit allows;
- "long strings": shared strings of 1 MB each, up to the size limit.

    .venv/bin/python bench/bench_worst_sheet.py [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HEADER = ["工号", "姓名", "部门", "岗位", "入职日期", "离职日期", "离职类型", "离职原因", "电话",
          "备注"]  # fmt: skip


SHARED_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)


def _col(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _row(number: int, cells: list[str]) -> str:
    return f'<row r="{number}">' + "".join(cells) + "</row>"


def _text(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def _number(ref: str, value: int) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def _shared(ref: str, index: int) -> str:
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def _person(n: int) -> list[str]:
    values = [f"A{n}", f"王芳{n}", "售前客服", "客服专员", None, None, "", "", "138", ""]
    cells = []
    for column, value in enumerate(values, start=1):
        ref = f"{_col(column)}{n}"
        if column == 5:
            cells.append(f'<c r="{ref}" t="str"><v>2024-03-05</v></c>')
        elif value:
            cells.append(_text(ref, value))
    return cells


def write_book(path: Path, rows, shared: list[str] | None = None) -> None:
    """A workbook whose one sheet holds `rows` (an iterator of row XML) and, optionally,
    shared strings; streamed into the zip."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(HEADER)
    template = path.with_suffix(".template.xlsx")
    book.save(template)
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for item in source.infolist():
            if item.filename == "xl/worksheets/sheet1.xml":
                with target.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
                    out.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                              b'<worksheet xmlns="http://schemas.openxmlformats.org/'
                              b'spreadsheetml/2006/main"><sheetData>')  # fmt: skip
                    header = [_text(f"{_col(c)}1", h) for c, h in enumerate(HEADER, start=1)]
                    out.write(_row(1, header).encode())
                    for row in rows:
                        out.write(row.encode())
                    out.write(b"</sheetData></worksheet>")
            elif item.filename == "xl/sharedStrings.xml" and shared is not None:
                continue
            elif item.filename == "[Content_Types].xml" and shared is not None:
                types = source.read(item.filename).decode()
                if "sharedStrings" not in types:  # openpyxl leaves it out: the parts say
                    types = types.replace("</Types>", SHARED_TYPE + "</Types>")
                target.writestr(item, types.encode())
            else:
                target.writestr(item, source.read(item.filename))
        if shared is not None:
            with target.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
                out.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas'
                          b'.openxmlformats.org/spreadsheetml/2006/main">')  # fmt: skip
                for text in shared:
                    out.write(f"<si><t>{text}</t></si>".encode())
                out.write(b"</sst>")
    template.unlink()


def _budget_rows(per_row: int, limit: int) -> int:
    return max(1, (limit - 4096) // per_row)


def build(name: str, folder: Path) -> Path:
    from retention_desktop.sheets.model import MAX_ROWS
    from retention_desktop.sheets.safety import MAX_UNCOMPRESSED

    path = folder / f"{name}.xlsx"
    limit = MAX_UNCOMPRESSED - (1 << 20)  # the other parts
    if name == "stray cells":
        stray = 80

        def rows():
            for n in range(2, 10**9):
                extra = [_number(f"{_col(c)}{n}", 1) for c in range(11, 11 + stray)]
                yield _row(n, _person(n) + extra)

        widest = [_number(f"{_col(c)}9999999", 1) for c in range(11, 11 + stray)]
        per_row = len(_row(9999999, _person(9999999) + widest))
        count = _budget_rows(per_row, limit)
        write_book(path, (r for r, _ in zip(rows(), range(count), strict=False)))
    elif name == "many rows":
        write_book(path, (_row(n, _person(n)) for n in range(2, MAX_ROWS + 2)))
    elif name == "shared strings":
        per = len("<si><t>x</t></si>")
        count = _budget_rows(per, limit - (1 << 20))
        write_book(path, iter([_row(2, [*_person(2), _shared("K2", count - 1)])]),
                   ["x"] * count)  # fmt: skip
    elif name == "long strings":
        import random

        chars = [chr(c) for c in range(0x4E00, 0x9FA5)]
        pick = random.Random(1).choices
        one = "".join(pick(chars, k=(1 << 20) // 3))  # 1 MB of UTF-8, packs about 2:1
        count = _budget_rows(len(one.encode()) + 20, limit - (1 << 20))
        write_book(path, iter([_row(2, [*_person(2), _shared("K2", count - 1)])]),
                   [one] * count)  # fmt: skip
    else:
        raise SystemExit(f"unknown file {name!r}")
    return path


NAMES = ("stray cells", "many rows", "shared strings", "long strings")


def child(path: str) -> dict:
    from retention_desktop.sheets.importing import read_import
    from retention_desktop.sheets.model import SheetError

    began = time.perf_counter()
    try:
        parsed = read_import(Path(path))
        outcome = f"read: {parsed.row_count:,} rows, {len(parsed.problems):,} problems"
    except SheetError as error:
        outcome = f"refused: {error}"
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak, "outcome": outcome}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=NAMES)
    parser.add_argument("--child", metavar="FILE")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    root = str(Path(__file__).resolve().parent.parent)
    with tempfile.TemporaryDirectory(prefix="bench-worst-") as name:
        folder = Path(name)
        print(f"{'file':<16} {'packed MB':>9} {'unpacked MB':>11} {'seconds':>8} "
              f"{'peak MB':>8}  outcome")  # fmt: skip
        for which in [args.only] if args.only else NAMES:
            path = build(which, folder)
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(i.file_size for i in archive.infolist())
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(path)], check=True,
                capture_output=True, text=True, env={**os.environ, "PYTHONPATH": root},
            )  # fmt: skip
            result = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{which:<16} {path.stat().st_size / 1e6:9.1f} {unpacked / 1e6:11.1f} "
                  f"{result['seconds']:8.1f} {result['peak_mb']:8.0f}  "
                  f"{result['outcome'][:90]}", flush=True)  # fmt: skip
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
