"""`export` and `import` on the command line: the round trip keeps every figure, a bad file
writes nothing and says where it is wrong, a second import adds nothing."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from retention_desktop.store.backup import list_backups
from retention_desktop.store.database import open_database

PERIODS = [("2025-11", "2026-10"), ("2024-01", "2024-12"), ("2023-06", "2026-10")]


def report(run, db: Path, first: str, last: str, *extra: str) -> dict:
    result = run("report", "--db", db, "--from", first, "--to", last, "--json", *extra)
    assert result.code == 0, result.err
    return json.loads(result.out)


def counts(db: Path) -> tuple[int, int, int]:
    database = open_database(db)
    try:
        return database.execute(
            "SELECT (SELECT count(*) FROM employees), (SELECT count(*) FROM spells), "
            "(SELECT count(*) FROM exits)"
        ).fetchone()
    finally:
        database.close()


def copy_costs(source: Path, target: Path) -> None:
    from retention_desktop.store.settings import get_setting, set_settings

    keys = ("recruiting_cost_per_hire", "training_cost_per_hire")
    db = open_database(source)
    try:
        costs = {key: get_setting(db, key) for key in keys}
    finally:
        db.close()
    assert any(costs.values())  # the demo shop has costs: the figure is tested
    db = open_database(target)
    try:
        set_settings(db, costs)
    finally:
        db.close()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_export_then_import_into_an_empty_database_gives_the_same_figures(
    run, demo_db: Path, tmp_path: Path, lang: str
):
    workbook = tmp_path / f"shop-{lang}.xlsx"
    result = run("export", workbook, "--db", demo_db, "--lang", lang, "--from", "2016-01",
                 "--to", "2026-10")  # fmt: skip
    assert result.code == 0, result.err
    assert "Exported 2016-01 .. 2026-10" in result.out
    empty = tmp_path / "empty.db"
    result = run("import", workbook, "--db", empty, "--lang", lang)
    assert result.code == 0, result.err
    _, spells, exits = counts(demo_db)
    assert counts(empty)[1:] == (spells, exits)
    # what a hire costs is a setting of the shop, not a record: the new file gets the same
    copy_costs(demo_db, empty)
    for first, last in PERIODS:
        assert report(run, empty, first, last, "--lang", lang) == report(
            run, demo_db, first, last, "--lang", lang
        ), (first, last)
    # again: nothing added, no second backup
    backups = list_backups(empty)
    result = run("import", workbook, "--db", empty, "--lang", lang)
    assert result.code == 0, result.err
    assert "added 0 employees, 0 employment spells, 0 exits" in result.out
    assert "Nothing new: nothing was written." in result.out
    assert list_backups(empty) == backups


def test_the_export_holds_the_report_of_its_period(run, demo_db: Path, tmp_path: Path):
    workbook = tmp_path / "year.xlsx"
    result = run("export", workbook, "--db", demo_db, "--lang", "en", "--from", "2025-01",
                 "--to", "2025-12", "--team", "售前客服")  # fmt: skip
    assert result.code == 0, result.err
    expected = report(run, demo_db, "2025-01", "2025-12", "--team", "售前客服", "--lang", "en")
    book = load_workbook(workbook)
    monthly = book[book.sheetnames[1]]
    months = [row for row in monthly.iter_rows(min_row=2, values_only=True) if row[0]]
    # the month is a date cell (its first day), shown as yyyy-mm
    assert [f"{m[0]:%Y-%m}" for m in months[:12]] == [m["month"] for m in expected["monthly"]]
    assert monthly["A2"].number_format == "yyyy-mm"
    assert [m[3] for m in months[:12]] == [m["separations"] for m in expected["monthly"]]


def test_export_refuses_another_kind_of_file(run, demo_db: Path, tmp_path: Path):
    result = run("export", tmp_path / "out.csv", "--db", demo_db)
    assert result.code == 2
    assert "must be an .xlsx file" in result.err
    assert not (tmp_path / "out.csv").exists()


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


HEADER = ["工号", "姓名", "部门", "入职日期", "离职日期", "离职类型", "离职原因"]


def test_a_bad_file_lists_every_bad_row_and_writes_nothing(run, demo_db, tmp_path, untouched):
    bad = write_csv(tmp_path / "bad.csv", [
        HEADER,
        ["B1", "周杰", "售前客服", "2025-02-30", "", "", ""],
        ["B2", "吴昊", "售前客服", "2025-03-01", "2025-01-01", "主动", "薪资待遇"],
        ["B3", "郑爽", "售前客服", "2025-03-01", "", "", ""],
    ])  # fmt: skip
    with untouched(demo_db.parent):
        result = run("import", bad, "--db", demo_db)
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert "row 2" in lines[0]
    assert "入职日期" in lines[0]
    assert "row 3" in lines[1]
    assert lines[-1] == "retention-desktop: nothing was written: 2 problems in bad.csv."


def test_dry_run_says_what_it_would_add_and_writes_nothing(run, demo_db, tmp_path, untouched):
    good = write_csv(tmp_path / "new.csv", [
        HEADER,
        ["N1", "周杰", "售前客服", "2026-11-02", "", "", ""],
        ["N2", "吴昊", "售后客服", "2026-03-01", "2026-09-30", "被动", "业绩不达标"],
    ])  # fmt: skip
    with untouched(demo_db.parent):
        result = run("import", good, "--db", demo_db, "--dry-run")
    assert result.code == 0, result.err
    assert "would add 2 employees, 2 employment spells, 1 exits" in result.out
    assert "New exit reasons to add: 业绩不达标." in result.out
    assert "Dry run: nothing was written." in result.out
    before = counts(demo_db)
    result = run("import", good, "--db", demo_db)
    assert result.code == 0, result.err
    assert "added 2 employees" in result.out
    assert "Backup taken first:" in result.out
    assert counts(demo_db) == (before[0] + 2, before[1] + 2, before[2] + 1)


def test_ambiguous_slash_dates_need_the_date_order(run, tmp_path: Path):
    file = write_csv(tmp_path / "us.csv", [
        ["Name", "Hire date", "Exit date"],
        ["Ann", "03/05/2024", ""],
        ["Bob", "04/06/2024", "05/07/2024"],
    ])  # fmt: skip
    db = tmp_path / "shop.db"
    result = run("import", file, "--db", db)
    assert result.code == 1
    assert "--date-order" in result.err
    result = run("import", file, "--db", db, "--date-order", "mdy")
    assert result.code == 0, result.err
    database = open_database(db)
    try:
        assert database.execute(
            "SELECT e.name, s.hire_date, s.end_date FROM employees e "
            "JOIN spells s ON s.employee_id = e.id ORDER BY e.name"
        ).fetchall() == [("Ann", "2024-03-05", None), ("Bob", "2024-04-06", "2024-05-07")]
    finally:
        database.close()


def test_the_template_imports_its_example_row(run, tmp_path: Path):
    from retention_desktop.sheets.template import write_template

    template = tmp_path / "template.xlsx"
    write_template(template)
    db = tmp_path / "shop.db"
    result = run("import", template, "--db", db)
    assert result.code == 0, result.err
    assert "added 1 employees, 1 employment spells, 1 exits" in result.out


def test_import_undo_takes_back_the_last_import(run, demo_db, tmp_path):
    before = counts(demo_db)
    good = write_csv(tmp_path / "new.csv", [
        ["工号", "姓名", "入职日期", "离职日期", "离职原因"],
        ["Z901", "钱多多", "2025-03-01", "2025-06-30", "开网店去了"],
        ["Z902", "孙小美", "2025-04-01", "", ""],
    ])  # fmt: skip
    assert run("import", good, "--db", demo_db).code == 0
    assert counts(demo_db) == (before[0] + 2, before[1] + 2, before[2] + 1)

    dry = run("import", "--undo", "--dry-run", "--db", demo_db)
    assert dry.code == 0, dry.err
    assert dry.out.startswith("The import of new.csv (")
    assert "would remove 2 employees, 2 employment spells, 1 exits and 1 exit reasons" in dry.out
    assert counts(demo_db) == (before[0] + 2, before[1] + 2, before[2] + 1)

    undone = run("import", "--undo", "--db", demo_db)
    assert undone.code == 0, undone.err
    assert "removed 2 employees" in undone.out
    assert list_backups(demo_db)[-1].name.endswith("-undo-import.db")
    assert counts(demo_db) == before
    database = open_database(demo_db)
    try:
        assert (
            database.execute(
                "SELECT count(*) FROM exit_reasons WHERE label_zh = '开网店去了'"
            ).fetchone()[0]
            == 0
        )
    finally:
        database.close()

    again = run("import", "--undo", "--db", demo_db)
    assert again.code == 1
    assert again.err == "retention-desktop: There is no import to undo.\n"


def test_import_undo_refuses_when_records_made_since_touch_it(run, demo_db, tmp_path):
    good = write_csv(tmp_path / "new.csv", [
        ["工号", "姓名", "入职日期"], ["Z901", "钱多多", "2025-03-01"],
    ])  # fmt: skip
    assert run("import", good, "--db", demo_db).code == 0
    database = open_database(demo_db)
    try:
        database.execute("UPDATE employees SET phone = '139' WHERE employee_no = 'Z901'")
        database.conn.commit()
    finally:
        database.close()
    before = counts(demo_db)
    refused = run("import", "--undo", "--db", demo_db)
    assert refused.code == 1
    assert refused.err.startswith("retention-desktop: The import of new.csv cannot be undone: "
                                  "1 of the records it wrote were edited or deleted since "
                                  "(for example 钱多多); restore the backup ")  # fmt: skip
    assert len(refused.err.splitlines()) == 1
    assert counts(demo_db) == before


def test_import_undo_with_a_file_is_a_usage_error(run, demo_db, tmp_path):
    result = run("import", tmp_path / "x.csv", "--undo", "--db", demo_db)
    assert result.code == 2
    assert "not both" in result.err
    assert run("import", "--db", demo_db).code == 2
