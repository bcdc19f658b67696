"""`retention-desktop template FILE.xlsx`: writes the import template (which imports its
example row), refuses another kind of file, and says in one sentence why it could not
write (a read-only folder, a folder that is not there), leaving nothing behind."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from openpyxl import load_workbook
from unprivileged import as_unprivileged, read_only, shared_folder

from retention_desktop.cli import main
from retention_desktop.domain.exchange import FIELDS
from retention_desktop.sheets.template import header


def one_sentence(result) -> str:
    assert result.code == 1, (result.code, result.out, result.err)
    assert result.out == ""
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("retention-desktop: ")
    return lines[0]


def test_template_writes_the_import_template(run, tmp_path: Path):
    target = tmp_path / "导入模板.xlsx"
    result = run("template", target, "--lang", "zh_CN")
    assert result.code == 0, result.err
    assert result.out == f"Import template written to {target}.\n"
    book = load_workbook(target)
    assert [c.value for c in book.worksheets[0][1]] == [header(f) for f in FIELDS]
    assert book.worksheets[1].page_setup.orientation == "landscape"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "导入模板.xlsx"]  # no .part
    # and it imports: its example row
    result = run("import", target, "--db", tmp_path / "shop.db", "--dry-run")
    assert result.code == 0, result.err
    assert "would add 1 employees, 1 employment spells, 1 exits" in result.out


def test_template_replaces_an_older_file(run, tmp_path: Path):
    target = tmp_path / "template.xlsx"
    target.write_bytes(b"old")
    assert run("template", target).code == 0
    assert load_workbook(target).worksheets[0]["A1"].value == header(FIELDS[0])


def test_template_refuses_another_kind_of_file(run, tmp_path: Path):
    result = run("template", tmp_path / "template.csv")
    assert result.code == 2
    assert "the template must be an .xlsx file" in result.err.lower()
    assert not (tmp_path / "template.csv").exists()


def test_template_into_a_folder_that_is_not_there_is_one_sentence(run, tmp_path: Path):
    target = tmp_path / "U盘" / "template.xlsx"
    assert one_sentence(run("template", target)) == (
        f"retention-desktop: The folder of {target} is not there (a drive taken out?)."
    )


def call(*argv) -> tuple[int, str, str]:
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # the CLI writes UTF-8 bytes
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    out.flush()
    return code, out.buffer.getvalue().decode("utf-8"), err.getvalue()


def test_template_into_a_read_only_folder_is_one_sentence(run, tmp_path: Path):
    assert run("template", tmp_path / "warm.xlsx").code == 0  # modules imported as root
    with shared_folder() as folder:
        locked = folder / "locked"
        locked.mkdir()
        read_only(locked)
        target = locked / "template.xlsx"

        def as_the_owner():
            return {
                "en": call("template", target),
                "zh_CN": call("template", target, "--lang", "zh_CN"),
                "left": sorted(p.name for p in locked.iterdir()),
            }

        seen = as_unprivileged(as_the_owner)
    for lang in ("en", "zh_CN"):
        code, out, err = seen[lang]
        assert code == 1, (lang, out, err)
        assert out == ""
        assert err.count("\n") == 1, err
        assert "Traceback" not in err
        assert str(target) in err
        assert ("may not be written" if lang == "en" else "不能写入") in err, err
    assert seen["left"] == []  # no temporary file left
