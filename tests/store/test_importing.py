"""Writing import rows into the file: one transaction after a backup, idempotent, rehires
as spells of one person, unknown reasons added, conflicts with the file refused whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from retention_desktop.domain.exchange import ImportRow
from retention_desktop.store.backup import list_backups
from retention_desktop.store.importing import ImportCancelled, import_rows, plan_import

D = date.fromisoformat


def row(n: int, name: str, hired: str, ended: str | None = None, **kw) -> ImportRow:
    return ImportRow(row=n, name=name, hire_date=D(hired),
                     exit_date=D(ended) if ended else None, **kw)  # fmt: skip


ROWS = [
    row(2, "王芳", "2024-03-01", "2024-09-30", employee_no="A1", team="售前客服",
        exit_type="voluntary", exit_reason="薪资待遇", phone="13800000001"),
    row(3, "王芳", "2025-01-06", employee_no="A1", team="售后客服"),  # rehired
    row(4, "李娜", "2024-05-01", "2024-06-15", employee_no="A2", exit_type="involuntary",
        exit_reason="did not pass  PROBATION"),
    row(5, "张伟", "2023-11-20", team="售前客服"),  # no number
    row(6, "赵敏", "2024-02-01", "2024-12-31", employee_no="A3", exit_reason="家里开店"),
]  # fmt: skip


def dump(db) -> dict[str, list[tuple]]:
    tables = ["employees", "spells", "exits", "exit_reasons", "exit_further_reasons"]
    return {
        t: sorted(map(tuple, db.execute(f"SELECT * FROM {t}").fetchall()), key=repr) for t in tables
    }


def people(db) -> list[tuple]:
    return sorted(
        (
            tuple(r)
            for r in db.execute(
                """SELECT e.employee_no, e.name, e.phone, s.hire_date, s.end_date, s.team,
                      x.exit_type, r.label_zh
               FROM employees e JOIN spells s ON s.employee_id = e.id
               LEFT JOIN exits x ON x.spell_id = s.id
               LEFT JOIN exit_reasons r ON r.id = x.primary_reason_id"""
            )
        ),
        key=repr,
    )


def test_rows_become_people_spells_and_exits(db, db_path: Path):
    summary = import_rows(db, db_path, ROWS)
    assert summary.written
    assert (summary.employees_added, summary.spells_added, summary.exits_added) == (4, 5, 3)
    assert summary.new_reasons == ["家里开店"]
    assert people(db) == [
        ("A1", "王芳", "13800000001", "2024-03-01", "2024-09-30", "售前客服", "voluntary",
         "薪资待遇"),
        ("A1", "王芳", "13800000001", "2025-01-06", None, "售后客服", None, None),
        ("A2", "李娜", "", "2024-05-01", "2024-06-15", "", "involuntary", "试用期不合格"),
        ("A3", "赵敏", "", "2024-02-01", "2024-12-31", "", None, "家里开店"),
        (None, "张伟", "", "2023-11-20", None, "售前客服", None, None),
    ]  # fmt: skip
    # the new reason is the shop's own, in both languages, category other
    assert db.execute(
        "SELECT label_en, category, builtin FROM exit_reasons WHERE label_zh = '家里开店'"
    ).fetchall() == [("家里开店", "other", 0)]
    backups = list_backups(db_path)
    assert len(backups) == 1
    assert backups[0].name.endswith("-import.db")


def test_importing_the_same_rows_again_adds_nothing_and_takes_no_backup(db, db_path: Path):
    import_rows(db, db_path, ROWS)
    before = dump(db)
    again = import_rows(db, db_path, ROWS)
    assert not again.written
    assert not again.changes
    assert again.already_there == 5
    assert (again.employees_added, again.spells_added, again.exits_added) == (0, 0, 0)
    assert again.new_reasons == []
    assert dump(db) == before
    assert len(list_backups(db_path)) == 1


def test_an_exit_the_file_adds_to_an_open_spell_is_recorded(db, db_path: Path):
    import_rows(db, db_path, ROWS)
    later = [
        row(3, "王芳", "2025-01-06", "2025-08-31", employee_no="A1", exit_type="voluntary",
            exit_reason="工作压力大"),
        row(5, "张伟", "2023-11-20", "2025-02-28"),
        row(7, "孙丽", "2025-03-01", employee_no="A4"),
    ]  # fmt: skip
    summary = import_rows(db, db_path, later)
    assert summary.written
    assert summary.exits_recorded_on_open_spells == 2
    assert (summary.employees_added, summary.spells_added) == (1, 1)
    rows = people(db)
    assert ("A1", "王芳", "13800000001", "2025-01-06", "2025-08-31", "售后客服", "voluntary",
            "工作压力大") in rows  # fmt: skip
    assert (None, "张伟", "", "2023-11-20", "2025-02-28", "售前客服", None, None) in rows
    assert ("A4", "孙丽", "", "2025-03-01", None, "", None, None) in rows


def test_a_rehire_of_someone_in_the_file_is_a_new_spell_of_that_person(db, db_path: Path):
    import_rows(db, db_path, ROWS[2:3])  # 李娜 left 2024-06-15
    summary = import_rows(db, db_path, [row(9, "李娜", "2025-02-01", employee_no="A2")])
    assert (summary.employees_added, summary.spells_added) == (0, 1)
    assert db.execute("SELECT count(*) FROM employees").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM spells").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("rows", "code", "where"),
    [
        ([row(8, "王小芳", "2026-01-01", employee_no="A1")], "number_taken", "employee_no"),
        ([row(8, "李娜", "2024-05-01", "2024-07-01", employee_no="A2")], "exit_differs",
         "exit_date"),
        ([row(8, "李娜", "2024-05-01", employee_no="A2")], "exit_differs", "exit_date"),
        ([row(8, "王芳", "2025-06-01", employee_no="A1")], "overlaps_database", "hire_date"),
        ([row(8, "赵敏", "2024-12-01", "2025-01-31", employee_no="A3")], "overlaps_database",
         "hire_date"),
    ],
)  # fmt: skip
def test_what_the_file_says_against_the_database_writes_nothing(db, db_path, rows, code, where):
    import_rows(db, db_path, ROWS)
    before, backups = dump(db), list_backups(db_path)
    # a good row beside the bad one is not written either
    summary = import_rows(db, db_path, [*rows, row(9, "新人", "2026-02-01", employee_no="Z9")])
    assert not summary.written
    assert [(p.row, p.field, p.code) for p in summary.problems] == [(8, where, code)]
    assert summary.problems[0].message.startswith("row 8, ")
    named = plan_import(db, rows, {"employee_no": "工号", "exit_date": "离职日期",
                                   "hire_date": "入职日期"}).problems[0]  # fmt: skip
    assert named.column in {"工号", "离职日期", "入职日期"}
    assert named.message.startswith(f"row 8, column {named.column} (")
    assert dump(db) == before
    assert list_backups(db_path) == backups
    assert plan_import(db, rows).problems[0].code == code


def test_a_cancelled_import_writes_nothing(db, db_path: Path):
    many = [row(n + 2, f"员工{n}", "2024-01-01", employee_no=f"N{n}") for n in range(5000)]
    before = dump(db)
    seen = []

    def cancel_after_first_progress() -> bool:
        return bool(seen)

    with pytest.raises(ImportCancelled):
        import_rows(db, db_path, many, progress=lambda d, t: seen.append((d, t)),
                    cancelled=cancel_after_first_progress)  # fmt: skip
    assert seen == [(2000, 5000)]
    assert dump(db) == before
    assert not db.conn.in_transaction


def test_progress_reaches_the_total(db, db_path: Path):
    many = [row(n + 2, f"员工{n}", "2024-01-01", employee_no=f"N{n}") for n in range(4500)]
    seen = []
    summary = import_rows(db, db_path, many, progress=lambda d, t: seen.append((d, t)))
    assert summary.employees_added == 4500
    assert seen == [(2000, 4500), (4000, 4500), (4500, 4500)]


def test_the_gui_imports_through_a_connection_of_its_own(db, db_path: Path):
    from retention_desktop.store.database import reading
    from retention_desktop.store.importing import import_into_file, plan_import

    with reading(db_path) as other:
        planned = plan_import(other, ROWS)
    assert (planned.employees_added, planned.written) == (4, False)
    assert db.execute("SELECT count(*) FROM spells").fetchone()[0] == 0
    summary = import_into_file(db_path, ROWS)
    assert summary.written
    # the app's own connection sees what the other wrote
    assert db.execute("SELECT count(*) FROM spells").fetchone()[0] == 5
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
