"""The command line (DESIGN.md "Command line", METRICS.md `report --json`).

Most tests call `retention_desktop.cli.main(argv)` in-process; a few run
`python -m retention_desktop` as a real process to check what a shell sees.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import retention_desktop
from retention_desktop.domain.catalog import EXIT_REASONS, UNSPECIFIED_REASON
from retention_desktop.domain.records import EmployeeDraft
from retention_desktop.store.backup import backups_dir, list_backups
from retention_desktop.store.database import open_database
from retention_desktop.store.paths import default_db_path
from retention_desktop.store.records import add_employee

TODAY = date(2026, 11, 23)  # = RETENTION_TODAY set by conftest.isolate
YEAR_2024 = ("--from", "2024-01", "--to", "2024-12")

# METRICS.md, `report --json`: the keys, in the order the document gives them.
TOP_KEYS = [
    "period",
    "summary",
    "monthly",
    "by_reason",
    "by_team",
    "tenure_at_exit",
    "seasonality",
    "new_hire_survival",
    "today",
    "survival",
]
PERIOD_KEYS = ["from", "to", "months"]
SUMMARY_KEYS = [
    "opening",
    "closing",
    "hires",
    "separations",
    "voluntary",
    "involuntary",
    "average_headcount",
    "turnover_rate",
    "voluntary_turnover_rate",
    "annualized_turnover_rate",
    "retention_rate",
    "early_attrition_rate",
    "turnover_cost",
    "turnover_rate_leavers_plus_closing",
    "probation_exits",
    "probation_attrition_rate",
]
MONTH_KEYS = [
    "month",
    "opening",
    "hires",
    "separations",
    "voluntary",
    "involuntary",
    "closing",
    "average_headcount",
    "turnover_rate",
]
REASON_KEYS = ["reason", "separations", "share"]
TEAM_KEYS = ["team", "separations", "average_headcount", "turnover_rate"]
BANDS = ["0-30", "31-90", "91-182", "183-365", "366-730", "731+"]
SURVIVAL_KEYS = ["30", "60", "90"]
COUNT_KEYS = ("opening", "closing", "hires", "separations", "voluntary", "involuntary")
RATE_KEYS = (
    "turnover_rate",
    "voluntary_turnover_rate",
    "annualized_turnover_rate",
    "retention_rate",
    "early_attrition_rate",
    "turnover_rate_leavers_plus_closing",
)


def approx(value: float) -> object:
    return pytest.approx(value, rel=1e-9, abs=1e-12)


def one_sentence_error(result) -> str:
    """The error contract: non-zero status, nothing on stdout, one line on stderr."""
    assert result.code not in (0, None), (result.code, result.out, result.err)
    assert result.out == ""
    assert "Traceback" not in result.err
    assert result.err.endswith("\n")
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("retention-desktop: ")
    assert lines[0].strip() != "retention-desktop:"
    return lines[0]


def report_json(run, *argv: str | Path) -> dict:
    result = run("report", "--json", *argv)
    assert result.code == 0, result.err
    assert result.err == ""
    return json.loads(result.out)


def months_of(first: str, count: int) -> list[str]:
    year, month = map(int, first.split("-"))
    out = []
    for i in range(count):
        index = year * 12 + month - 1 + i
        out.append(f"{index // 12:04d}-{index % 12 + 1:02d}")
    return out


def employee_count(path: Path) -> int:
    # A plain connection: on a WAL file a read-only one would leave -wal/-shm behind.
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM employees").fetchone()[0]
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    """The database's whole content as SQL, for "nothing was written" checks."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def real_shop(path: Path) -> Path:
    """A database holding one real (non-demo) employee."""
    db = open_database(path)
    try:
        add_employee(db, EmployeeDraft("Li Na", date(2024, 3, 1), team="售前客服"), today=TODAY)
    finally:
        db.close()
    return path


def newer_version_db(path: Path) -> Path:
    """A database that records a schema step this version does not know."""
    db = open_database(path)
    try:
        with db.atomic():
            db.execute("INSERT INTO employees (name) VALUES ('Written by a newer app')")
            db.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('retention_desktop', 'm999_future', '2030-01-01 00:00:00+00:00')"
            )
    finally:
        db.close()
    return path


def subprocess_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RETENTION_DB", "PYTHONPATH")}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "xdg-data"),
        XDG_CONFIG_HOME=str(home / "xdg-config"),
        RETENTION_TODAY=TODAY.isoformat(),
        QT_QPA_PLATFORM="offscreen",
        LANG="C",
        PYTHONIOENCODING="ascii",  # the CLI must not depend on the terminal's encoding
    )
    env.pop("LC_ALL", None)
    env.update(extra)
    return env


def run_process(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "retention_desktop", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        timeout=120,
        check=False,
    )


# --- environment safety ------------------------------------------------------------------


def test_default_database_is_inside_the_test_folder(tmp_path: Path) -> None:
    # Guards every test below: the user's real data folder is never the target.
    assert default_db_path().is_relative_to(tmp_path)


# --- --version ---------------------------------------------------------------------------


def test_version(run) -> None:
    result = run("--version")
    assert result.code in (0, None)
    assert result.out == f"retention-desktop {retention_desktop.__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", retention_desktop.__version__)
    assert result.err == ""


def test_version_as_a_process(tmp_path: Path, isolated_env: Path) -> None:
    done = run_process(["--version"], subprocess_env(isolated_env), tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode() == f"retention-desktop {retention_desktop.__version__}\n"
    assert done.stderr == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]  # nothing written


# --- demo --------------------------------------------------------------------------------


def test_demo_creates_a_database(run, tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    result = run("demo", "--db", path)
    assert result.code == 0, result.err
    assert result.err == ""
    assert path.is_file()
    employees = employee_count(path)
    assert employees > 0
    assert str(path) in result.out
    assert f"{employees} employees" in result.out
    assert "written to" in result.out


def test_demo_twice_leaves_the_demo_as_it_is(run, tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    first = run("demo", "--db", path)
    assert first.code == 0, first.err
    employees = employee_count(path)
    second = run("demo", "--db", path)
    assert second.code == 0, second.err
    assert second.err == ""
    assert "already in" in second.out
    assert employee_count(path) == employees
    # The same counts are reported both times (only "written to" / "already in" differ).
    assert first.out.replace("written to", "already in") == second.out


def test_demo_is_reproducible_for_a_fixed_today(run, demo_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "again.db"
    assert run("demo", "--db", other).code == 0
    assert report_json(run, "--db", other, *YEAR_2024, "--lang", "en") == report_json(
        run, "--db", demo_db, *YEAR_2024, "--lang", "en"
    )


def test_demo_refuses_a_real_shop(run, tmp_path: Path) -> None:
    path = real_shop(tmp_path / "data" / "shop.db")
    before = dump(path)
    line = one_sentence_error(run("demo", "--db", path))
    assert "1 employees" in line or "empty" in line
    # Opening the file bumps SQLite's header change counter, so compare the content.
    assert dump(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["shop.db"]


# --- report --json: structure ------------------------------------------------------------


def test_report_json_structure_and_key_order(run, demo_db: Path) -> None:
    data = report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "en")
    assert list(data) == TOP_KEYS
    assert data["period"] == {"from": "2024-01", "to": "2024-12", "months": 12}
    assert list(data["period"]) == PERIOD_KEYS
    assert list(data["summary"]) == SUMMARY_KEYS
    assert [m["month"] for m in data["monthly"]] == months_of("2024-01", 12)
    for row in data["monthly"]:
        assert list(row) == MONTH_KEYS
    for row in data["by_reason"]:
        assert list(row) == REASON_KEYS
    for row in data["by_team"]:
        assert list(row) == TEAM_KEYS
    assert [row["band"] for row in data["tenure_at_exit"]] == BANDS
    for row in data["tenure_at_exit"]:
        assert list(row) == ["band", "separations"]
    assert [row["month_of_year"] for row in data["seasonality"]] == list(range(1, 13))
    for row in data["seasonality"]:
        assert list(row) == ["month_of_year", "separations"]
    assert list(data["new_hire_survival"]) == SURVIVAL_KEYS

    summary = data["summary"]
    for key in COUNT_KEYS:
        assert type(summary[key]) is int, key
    assert isinstance(summary["average_headcount"], float)
    assert isinstance(summary["turnover_cost"], float)
    for key in RATE_KEYS:  # the demo shop has people and leavers in 2024: no nulls
        assert isinstance(summary[key], float), key
        assert summary[key] >= 0, key
    for row in data["monthly"]:
        for key in COUNT_KEYS:
            assert type(row[key]) is int
        assert isinstance(row["average_headcount"], float)
    # a realistic shop: some turnover, rates are fractions (0.125), not percentages (12.5)
    assert summary["separations"] > 0
    assert summary["hires"] > 0
    assert 0 < summary["retention_rate"] <= 1
    assert 0 < summary["turnover_rate"] < 5


def test_report_json_is_utf8_with_chinese_as_is(run, demo_db: Path) -> None:
    result = run("report", "--json", "--db", demo_db, *YEAR_2024, "--lang", "zh_CN")
    assert result.code == 0
    assert "\\u" not in result.out  # ensure_ascii off: 售前客服, not \u552e...
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.out)


# --- report --json: the figures agree with each other ------------------------------------


def test_monthly_figures_chain(run, demo_db: Path) -> None:
    monthly = report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "en")["monthly"]
    for row in monthly:
        assert row["closing"] == row["opening"] + row["hires"] - row["separations"], row
        assert row["voluntary"] + row["involuntary"] <= row["separations"]
        assert row["average_headcount"] == approx((row["opening"] + row["closing"]) / 2)
        if row["average_headcount"]:
            assert row["turnover_rate"] == approx(row["separations"] / row["average_headcount"])
        else:
            assert row["turnover_rate"] is None
        assert min(row[k] for k in COUNT_KEYS) >= 0
    for this, following in itertools.pairwise(monthly):
        assert this["closing"] == following["opening"], (this["month"], following["month"])


def test_summary_agrees_with_the_months(run, demo_db: Path) -> None:
    data = report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "en")
    s, monthly = data["summary"], data["monthly"]
    k = len(monthly)
    for key in ("hires", "separations", "voluntary", "involuntary"):
        assert s[key] == sum(m[key] for m in monthly), key
    assert s["opening"] == monthly[0]["opening"]
    assert s["closing"] == monthly[-1]["closing"]
    assert s["closing"] == s["opening"] + s["hires"] - s["separations"]
    average = sum(m["average_headcount"] for m in monthly) / k
    assert s["average_headcount"] == approx(average)
    assert s["turnover_rate"] == approx(s["separations"] / average)
    assert s["voluntary_turnover_rate"] == approx(s["voluntary"] / average)
    assert s["annualized_turnover_rate"] == approx(s["turnover_rate"] * 12 / k)
    assert s["turnover_rate_leavers_plus_closing"] == approx(
        s["separations"] / (s["separations"] + s["closing"])
    )
    assert 0 <= s["retention_rate"] <= 1
    # separations can only come from the opening headcount or from the period's hires
    assert s["separations"] <= s["opening"] + s["hires"]

    separations = s["separations"]
    reasons = data["by_reason"]
    assert sum(r["separations"] for r in reasons) == separations
    assert sum(r["share"] for r in reasons) == approx(1.0)
    for r in reasons:
        assert r["share"] == approx(r["separations"] / separations)
    assert [r["separations"] for r in reasons] == sorted(
        (r["separations"] for r in reasons), reverse=True
    )  # most separations first
    assert len({r["reason"] for r in reasons}) == len(reasons)

    bands = {row["band"]: row["separations"] for row in data["tenure_at_exit"]}
    assert sum(bands.values()) == separations
    assert s["early_attrition_rate"] == approx((bands["0-30"] + bands["31-90"]) / separations)

    # one calendar year: seasonality month m is exactly the separations of that month
    assert [row["separations"] for row in data["seasonality"]] == [
        m["separations"] for m in monthly
    ]

    teams = data["by_team"]
    assert sum(t["separations"] for t in teams) == separations
    # every spell has one team, so the teams' average headcounts add up to the shop's
    assert sum(t["average_headcount"] for t in teams) == approx(s["average_headcount"])
    for t in teams:
        if t["average_headcount"]:
            assert t["turnover_rate"] == approx(t["separations"] / t["average_headcount"])

    # the cost per separation is a shop setting, the same for every separation
    assert s["turnover_cost"] >= 0
    survival = data["new_hire_survival"]
    for key in SURVIVAL_KEYS:
        assert survival[key] is None or 0 <= survival[key] <= 1


def test_a_longer_period_agrees_with_its_years(run, demo_db: Path) -> None:
    both = report_json(run, "--db", demo_db, "--from", "2023-01", "--to", "2024-12")
    y2023 = report_json(run, "--db", demo_db, "--from", "2023-01", "--to", "2023-12")
    y2024 = report_json(run, "--db", demo_db, *YEAR_2024)
    assert both["period"]["months"] == 24
    assert both["monthly"] == y2023["monthly"] + y2024["monthly"]
    assert y2023["summary"]["closing"] == y2024["summary"]["opening"]
    for key in ("hires", "separations", "voluntary", "involuntary"):
        assert both["summary"][key] == y2023["summary"][key] + y2024["summary"][key]


def test_default_period_is_the_last_twelve_whole_months(run, demo_db: Path) -> None:
    data = report_json(run, "--db", demo_db)  # today is 2026-11-23
    assert data["period"] == {"from": "2025-11", "to": "2026-10", "months": 12}
    assert [m["month"] for m in data["monthly"]] == months_of("2025-11", 12)


# --- report --team -----------------------------------------------------------------------


def test_team_reports_add_up_to_the_shop(run, demo_db: Path) -> None:
    shop = report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "en")
    names = [t["team"] for t in shop["by_team"]]
    assert len(names) >= 2
    per_team = {
        name: report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "en", "--team", name)
        for name in names
    }
    for name, data in per_team.items():
        assert [t["team"] for t in data["by_team"]] == [name]
        row = next(t for t in shop["by_team"] if t["team"] == name)
        assert data["summary"]["separations"] == row["separations"]
        assert data["summary"]["average_headcount"] == approx(row["average_headcount"])
        assert data["by_team"][0]["separations"] == row["separations"]
        for this, following in itertools.pairwise(data["monthly"]):
            assert this["closing"] == following["opening"]
        assert data["summary"]["separations"] < shop["summary"]["separations"]
    for key in ("opening", "closing", "hires", "separations", "voluntary", "involuntary"):
        assert sum(d["summary"][key] for d in per_team.values()) == shop["summary"][key], key
    for i, month in enumerate(shop["monthly"]):
        for key in COUNT_KEYS:
            assert sum(d["monthly"][i][key] for d in per_team.values()) == month[key]


def test_unknown_team_has_no_figures(run, demo_db: Path) -> None:
    data = report_json(run, "--db", demo_db, *YEAR_2024, "--team", "No such team")
    assert data["summary"]["separations"] == 0
    assert data["summary"]["opening"] == data["summary"]["closing"] == 0
    assert data["by_team"] == []
    assert data["by_reason"] == []


# --- report: a period with no data -------------------------------------------------------


def test_period_with_no_data(run, demo_db: Path) -> None:
    data = report_json(run, "--db", demo_db, "--from", "1990-01", "--to", "1990-03")
    assert data["period"] == {"from": "1990-01", "to": "1990-03", "months": 3}
    s = data["summary"]
    assert list(s) == SUMMARY_KEYS
    for key in COUNT_KEYS:
        assert s[key] == 0
    assert s["average_headcount"] == 0
    assert s["turnover_cost"] == 0
    for key in RATE_KEYS:  # METRICS.md: null where the denominator is 0
        assert s[key] is None, key
    assert [m["month"] for m in data["monthly"]] == ["1990-01", "1990-02", "1990-03"]
    for row in data["monthly"]:
        assert row["turnover_rate"] is None
        assert all(row[k] == 0 for k in COUNT_KEYS)
    assert data["by_reason"] == []
    assert data["by_team"] == []
    assert data["tenure_at_exit"] == [{"band": b, "separations": 0} for b in BANDS]
    assert data["seasonality"] == [{"month_of_year": m, "separations": 0} for m in range(1, 13)]
    assert data["new_hire_survival"] == {"30": None, "60": None, "90": None}


def test_text_report_for_a_period_with_no_data(run, demo_db: Path) -> None:
    result = run("report", "--db", demo_db, "--from", "1990-01", "--to", "1990-03")
    assert result.code == 0, result.err
    assert "1990-01" in result.out
    assert "None" not in result.out
    assert "nan" not in result.out.lower()


# --- report: languages -------------------------------------------------------------------


def test_reason_labels_follow_lang(run, demo_db: Path) -> None:
    en = report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "en")
    zh = report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "zh_CN")
    entries = [*EXIT_REASONS, UNSPECIFIED_REASON]
    en_to_zh = {e.en: e.zh for e in entries}
    zh_labels = {e.zh for e in entries}
    assert en["by_reason"]
    for row in en["by_reason"]:
        assert row["reason"] in en_to_zh, row["reason"]
        assert row["reason"].isascii()
    for row in zh["by_reason"]:
        assert row["reason"] in zh_labels, row["reason"]
    # the same counts under the other language's labels
    assert {en_to_zh[r["reason"]]: r["separations"] for r in en["by_reason"]} == {
        r["reason"]: r["separations"] for r in zh["by_reason"]
    }
    # keys and every figure other than labels stay the same
    assert en["summary"] == zh["summary"]
    assert en["monthly"] == zh["monthly"]
    assert list(en) == list(zh) == TOP_KEYS


def test_lang_from_the_locale_when_not_given(
    run, demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    zh = report_json(run, "--db", demo_db, *YEAR_2024)
    monkeypatch.setenv("LANG", "C")
    en = report_json(run, "--db", demo_db, *YEAR_2024)
    assert zh == report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "zh_CN")
    assert en == report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "en")
    assert zh["by_reason"] != en["by_reason"]


# --- report (text) -----------------------------------------------------------------------


def test_text_report(run, demo_db: Path) -> None:
    data = report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "en")
    result = run("report", "--db", demo_db, *YEAR_2024, "--lang", "en")
    assert result.code == 0, result.err
    assert result.err == ""
    text = result.out
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    assert 3 <= len(text.splitlines()) <= 40
    assert "2024-01" in text
    assert "2024-12" in text
    s = data["summary"]
    numbers = set(re.findall(r"\d+(?:\.\d+)?", text))
    for key in ("opening", "closing", "hires", "separations"):
        assert str(s[key]) in numbers, key
    assert f"{s['turnover_rate'] * 100:.1f}%" in text
    assert data["by_reason"][0]["reason"] in text


def test_text_report_in_chinese(run, demo_db: Path) -> None:
    data = report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "zh_CN")
    result = run("report", "--db", demo_db, *YEAR_2024, "--lang", "zh_CN")
    assert result.code == 0, result.err
    s = data["summary"]
    lines = result.out.splitlines()
    assert lines[0] == "统计期间 2024-01 至 2024-12（12 个月）"
    assert lines[2] == (f"入职 {s['hires']}，离职 {s['separations']}（主动 {s['voluntary']}，"
                        f"被动 {s['involuntary']}）")  # fmt: skip
    assert lines[-1].startswith(f"主要离职原因：{data['by_reason'][0]['reason']} ")
    assert not re.search(r"[A-Za-z]{3,}", result.out)  # no English words left


def test_a_one_month_report_says_month(run, demo_db: Path) -> None:
    result = run("report", "--db", demo_db, "--from", "2024-03", "--to", "2024-03", "--lang", "en")
    assert result.out.splitlines()[0] == "Period 2024-03 .. 2024-03 (1 month)"


# --- backup ------------------------------------------------------------------------------


def test_backup_writes_a_copy_and_prints_its_path(run, demo_db: Path) -> None:
    assert list_backups(demo_db) == []
    result = run("backup", "--db", demo_db)
    assert result.code == 0, result.err
    assert result.err == ""
    backups = list_backups(demo_db)
    assert len(backups) == 1
    backup = backups[0]
    assert backup.parent == backups_dir(demo_db)
    assert str(backup) in result.out
    assert len(result.out.splitlines()) == 1
    assert employee_count(backup) == employee_count(demo_db)

    again = run("backup", "--db", demo_db)
    assert again.code == 0, again.err
    assert len(list_backups(demo_db)) == 2
    assert str(list_backups(demo_db)[-1]) in again.out


# --- errors: one sentence, non-zero status, nothing written ------------------------------

BAD_ARGS = {
    "month 13": ["report", "--json", "--from", "2024-13", "--to", "2024-12"],
    "month text": ["report", "--from", "2024-1x", "--to", "2024-12"],
    "from after to": ["report", "--json", "--from", "2024-12", "--to", "2024-01"],
    "unknown command": ["frobnicate"],
    "unknown option": ["report", "--bogus"],
    "unknown language": ["report", "--lang", "fr"],
}


@pytest.mark.parametrize("argv", BAD_ARGS.values(), ids=BAD_ARGS.keys())
def test_bad_arguments(run, demo_db: Path, untouched, argv: list[str]) -> None:
    with untouched(demo_db.parent):
        one_sentence_error(run(*argv, "--db", demo_db))


def test_bad_month_names_the_month(run, demo_db: Path) -> None:
    line = one_sentence_error(run("report", "--db", demo_db, "--from", "2024-13"))
    assert "2024-13" in line


def test_from_after_to_names_both(run, demo_db: Path) -> None:
    line = one_sentence_error(
        run("report", "--db", demo_db, "--from", "2024-12", "--to", "2024-01")
    )
    assert "2024-12" in line
    assert "2024-01" in line


@pytest.mark.parametrize("command", ["report", "backup"])
def test_missing_database_is_refused_not_created(run, tmp_path: Path, command: str) -> None:
    # A mistyped path must not turn into a new empty shop reported as all zeros
    # (DESIGN.md: errors write nothing).
    folder = tmp_path / "data"
    folder.mkdir()
    missing = folder / "typo.db"
    line = one_sentence_error(run(command, "--db", missing))
    assert str(missing) in line
    assert list(folder.iterdir()) == []


def test_missing_folder_is_not_created_by_report(run, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "shop.db"
    one_sentence_error(run("report", "--db", missing))
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", ["report", "demo", "backup"])
def test_non_sqlite_file_refused_unchanged(run, tmp_path: Path, untouched, command: str) -> None:
    path = tmp_path / "data" / "notes.db"
    path.parent.mkdir()
    path.write_bytes(b"Shopping list: tea, rice, ink\n" * 200)
    with untouched(path.parent):
        line = one_sentence_error(run(command, "--db", path))
    assert str(path) in line
    assert "not" in line


@pytest.mark.parametrize("command", ["report", "demo", "backup"])
def test_foreign_sqlite_file_refused_unchanged(
    run, tmp_path: Path, untouched, command: str
) -> None:
    path = tmp_path / "data" / "other.sqlite"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('月亮代表我的心')")
    conn.commit()
    conn.close()
    with untouched(path.parent):
        line = one_sentence_error(run(command, "--db", path))
    assert str(path) in line


@pytest.mark.parametrize("command", ["report", "demo", "backup"])
def test_newer_schema_refused_unchanged(run, tmp_path: Path, command: str) -> None:
    path = newer_version_db(tmp_path / "data" / "shop.db")
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    line = one_sentence_error(run(command, "--db", path))
    assert "newer" in line
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == mtime
    assert not backups_dir(path).exists()
    assert list_backups(path) == []


def test_refused_newer_file_leaves_no_side_files(run, tmp_path: Path, untouched) -> None:
    # "The file was not changed": nor should two new files appear beside it.
    path = newer_version_db(tmp_path / "data" / "shop.db")
    with untouched(path.parent):
        one_sentence_error(run("report", "--db", path))


def test_errors_as_a_process(tmp_path: Path, isolated_env: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    junk = data / "junk.db"
    junk.write_bytes(b"\x00\x01 not sqlite at all " * 100)
    before = junk.read_bytes()
    env = subprocess_env(isolated_env)
    for args in (
        ["report", "--db", str(junk), "--json"],
        ["report", "--db", str(junk), "--from", "2024-13"],
        ["frobnicate", "--db", str(junk)],
    ):
        done = run_process(args, env, tmp_path)
        assert done.returncode != 0, args
        assert done.stdout == b"", args
        err = done.stderr.decode("utf-8")
        assert "Traceback" not in err, err
        assert len(err.splitlines()) == 1, err
        assert err.endswith("\n")
        assert junk.read_bytes() == before
        assert sorted(p.name for p in data.iterdir()) == ["junk.db"]


# --- where the database comes from ------------------------------------------------------


def test_db_before_or_after_the_command(run, demo_db: Path) -> None:
    after = report_json(run, "--db", demo_db, "--lang", "en", *YEAR_2024)
    before = run("--db", demo_db, "--lang", "en", "report", "--json", *YEAR_2024)
    assert before.code == 0, before.err
    assert json.loads(before.out) == after
    mixed = run("--lang", "zh_CN", "report", "--json", "--db", demo_db, *YEAR_2024)
    assert mixed.code == 0, mixed.err
    assert json.loads(mixed.out) == report_json(run, "--db", demo_db, "--lang", "zh_CN", *YEAR_2024)
    assert after["summary"]["separations"] > 0  # the demo file was read, not a new one


def test_db_before_the_command_for_demo_and_backup(run, tmp_path: Path) -> None:
    path = tmp_path / "front.db"
    assert run("--db", path, "demo").code == 0
    assert employee_count(path) > 0
    result = run("--db", path, "backup")
    assert result.code == 0, result.err
    assert len(list_backups(path)) == 1


def test_retention_db_env_var(
    run, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "en")
    monkeypatch.setenv("RETENTION_DB", str(demo_db))
    assert report_json(run, *YEAR_2024, "--lang", "en") == expected
    result = run("backup")
    assert result.code == 0, result.err
    assert len(list_backups(demo_db)) == 1

    fresh = tmp_path / "from-env.db"
    monkeypatch.setenv("RETENTION_DB", str(fresh))
    assert run("demo").code == 0
    assert employee_count(fresh) > 0
    assert not default_db_path().exists()


def test_db_option_wins_over_the_env_var(
    run, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setenv("RETENTION_DB", str(elsewhere / "env.db"))
    data = report_json(run, "--db", demo_db, *YEAR_2024)
    assert data["summary"]["separations"] > 0
    assert list(elsewhere.iterdir()) == []


def test_without_db_or_env_the_user_data_folder_is_used(run, tmp_path: Path) -> None:
    target = default_db_path()
    assert target.is_relative_to(tmp_path)  # conftest moved XDG_DATA_HOME here
    result = run("demo")
    assert result.code == 0, result.err
    assert target.is_file()
    assert employee_count(target) > 0


def test_report_as_a_process_with_env_var(
    demo_db: Path, tmp_path: Path, isolated_env: Path, run
) -> None:
    expected = report_json(run, "--db", demo_db, *YEAR_2024, "--lang", "zh_CN")
    env = subprocess_env(isolated_env, RETENTION_DB=str(demo_db))
    done = run_process(["report", "--json", "--lang", "zh_CN", *YEAR_2024], env, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    # UTF-8 on stdout whatever PYTHONIOENCODING says (METRICS.md: "UTF-8")
    assert json.loads(done.stdout.decode("utf-8")) == expected


def test_report_on_a_damaged_file_is_one_sentence(run, demo_db: Path) -> None:
    """`report` skips the full integrity check to stay fast; pages it reads that are
    damaged still end in one clear sentence, never a traceback or made-up figures."""
    data = bytearray(demo_db.read_bytes())
    page = 4096
    data[2 * page :] = b"\xa5" * (len(data) - 2 * page)  # the schema page stays readable
    demo_db.write_bytes(bytes(data))
    result = run("report", "--db", demo_db, "--from", "2024-01", "--to", "2024-12", "--json")
    assert result.code != 0
    assert "damaged" in one_sentence_error(result).lower()


def test_report_and_export_check_the_whole_file_first(run, demo_db: Path, tmp_path) -> None:
    """A damaged page that `report` itself would not read (an index of the actions) is
    still found: reading commands check the file before printing figures from it."""
    import sqlite3

    with sqlite3.connect(demo_db) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL ORDER BY name LIMIT 1",
            ["retention_actions"],
        ).fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(demo_db.read_bytes())
    at = (root - 1) * size
    data[at + 8 : at + size] = b"\xa5" * (size - 8)  # the page's cells, not its header
    demo_db.write_bytes(bytes(data))
    for argv in (
        ("report", "--db", demo_db, *YEAR_2024, "--json"),
        ("export", "--db", demo_db, *YEAR_2024, tmp_path / "out.xlsx"),
    ):
        result = run(*argv)
        assert result.code == 1, result.out
        assert result.out == ""
        assert "damaged" in one_sentence_error(result).lower()
    assert not (tmp_path / "out.xlsx").exists()


def test_a_full_disk_during_a_backup_is_one_sentence(run, demo_db: Path, monkeypatch) -> None:
    import errno

    from retention_desktop.store import backup

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(demo_db.parent / "backups"))

    monkeypatch.setattr(backup.os, "replace", full)
    result = run("backup", "--db", demo_db)
    assert result.code == 1
    assert one_sentence_error(result) == (
        f"retention-desktop: The disk that holds {demo_db.parent / 'backups'} is full, "
        "so the change was not saved; free some space and save again."
    )
    assert list((demo_db.parent / "backups").iterdir()) == []  # no half copy left


def test_an_import_on_a_full_disk_is_one_sentence_and_writes_nothing(
    run, demo_db: Path, tmp_path
) -> None:
    import shutil

    from unprivileged import small_disk

    roster = tmp_path / "roster.csv"
    lines = ["姓名,入职日期"] + [f"新人{n},2026-09-01" for n in range(300)]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = demo_db.stat().st_size // 1024
    with small_disk(size + 120) as (disk, grow):
        path = disk / "shop.db"
        shutil.copyfile(demo_db, path)
        before = path.read_bytes()
        result = run("import", "--db", path, roster)
        assert one_sentence_error(result).startswith(
            f"retention-desktop: The disk that holds {path} is full"
        )
        assert path.read_bytes() == before
        grow(size * 4 + 4096)
        assert run("import", "--db", path, roster).code == 0


def test_a_full_disk_during_a_backup_is_said_in_chinese(run, demo_db: Path, monkeypatch) -> None:
    import errno

    from retention_desktop.store import backup

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(demo_db.parent / "backups"))

    monkeypatch.setattr(backup.os, "replace", full)
    result = run("backup", "--db", demo_db, "--lang", "zh_CN")
    assert one_sentence_error(result) == (
        f"retention-desktop: {demo_db.parent / 'backups'} 所在的磁盘已满，改动没有保存；"
        "请腾出空间后再保存。"
    )


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_an_export_to_a_full_disk_is_one_sentence_and_leaves_nothing(run, demo_db, lang):
    from unprivileged import small_disk

    with small_disk(64) as (disk, _grow):
        target = disk / "report.xlsx"
        result = run("export", target, "--db", demo_db, "--lang", lang, "--from", "2016-01")
        assert list(disk.iterdir()) == []  # no half-written workbook, no temporary file
    expected = {
        "en": f"The disk that holds {target} is full, so it was not written: free some space "
        "and try again.",
        "zh_CN": f"{target} 所在的磁盘已满，没有写入：请腾出空间后再试。",
    }[lang]
    assert one_sentence_error(result) == f"retention-desktop: {expected}"


def test_an_export_to_a_folder_that_is_not_there_is_one_sentence(run, demo_db, tmp_path):
    target = tmp_path / "U盘" / "report.xlsx"
    result = run("export", target, "--db", demo_db)
    assert one_sentence_error(result) == (
        f"retention-desktop: The folder of {target} is not there (a drive taken out?)."
    )


def test_an_import_of_a_file_that_is_not_there_is_one_sentence(run, demo_db, tmp_path):
    missing = tmp_path / "名单.xlsx"
    result = run("import", missing, "--db", demo_db, "--lang", "zh_CN")
    assert one_sentence_error(result) == f"retention-desktop: 没有文件 {missing}。"


def test_a_path_too_long_for_the_system_is_one_sentence(run, demo_db, tmp_path):
    target = tmp_path / ("很长的名字" * 60 + ".xlsx")  # over 255 bytes: ENAMETOOLONG
    result = run("export", target, "--db", demo_db)
    assert one_sentence_error(result) == (
        f"retention-desktop: The path {target} is too long for this system: choose a shorter one."
    )
