"""Settings stored in the file, and the demo shop written into an empty database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from retention_desktop.domain.dates import Month, Period
from retention_desktop.domain.demo import generate_shop
from retention_desktop.domain.records import EmployeeDraft
from retention_desktop.domain.settings import DEFAULTS
from retention_desktop.store.database import open_database
from retention_desktop.store.demo import fill_demo
from retention_desktop.store.errors import RecordError
from retention_desktop.store.queries import counts
from retention_desktop.store.records import add_employee
from retention_desktop.store.reports import turnover_report
from retention_desktop.store.settings import all_settings, get_setting, set_setting

TODAY = date(2026, 11, 23)
DATA_TABLES = (
    "employees",
    "spells",
    "exits",
    "exit_further_reasons",
    "handover_items",
    "retention_actions",
    "risk_flags",
    "settings",
    "exit_reasons",
    "action_types",
)


def row_counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in DATA_TABLES}


# --- settings ----------------------------------------------------------------------------


def test_get_setting_defaults(db) -> None:
    for key, default in DEFAULTS.items():
        assert get_setting(db, key) == default
    assert get_setting(db, "demo") is False
    assert get_setting(db, "currency") == "¥"
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
    assert all_settings(db) == DEFAULTS


def test_set_setting_round_trip(db, db_path: Path) -> None:
    set_setting(db, "shop_name", "小王的网店")
    set_setting(db, "recruiting_cost_per_hire", 1500.5)
    set_setting(db, "check_in_interval_days", 30)
    set_setting(db, "demo", True)
    seasons = [{"code": "618", "start": "05-20", "end": "06-25"}]
    set_setting(db, "peak_seasons", seasons)
    set_setting(db, "shop_name", "小王的网店 (总店)")  # overwrite
    db.close()
    db = open_database(db_path)  # read back from the file itself
    try:
        assert get_setting(db, "shop_name") == "小王的网店 (总店)"
        assert get_setting(db, "recruiting_cost_per_hire") == 1500.5
        assert get_setting(db, "check_in_interval_days") == 30
        assert get_setting(db, "demo") is True
        assert get_setting(db, "peak_seasons") == seasons
        stored = db.execute("SELECT value FROM settings WHERE key = 'shop_name'").fetchone()[0]
        assert "小王的网店" in stored  # readable text in the file, not \\u escapes
        assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 5
        settings = all_settings(db)
        assert settings["shop_name"] == "小王的网店 (总店)"
        assert settings["currency"] == "¥"
    finally:
        db.close()


def test_unknown_setting_raises_key_error(db) -> None:
    with pytest.raises(KeyError):
        get_setting(db, "no_such_setting")
    with pytest.raises(KeyError):
        set_setting(db, "no_such_setting", 1)
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


# --- demo --------------------------------------------------------------------------------


def test_fill_demo_on_empty_database(db) -> None:
    result = fill_demo(db, TODAY)
    assert result.created is True
    now = counts(db)
    assert now["employees"] == result.employees
    assert now["exits"] == result.exits
    assert 36 <= now["active"] <= 48  # a shop of about 40
    assert now["exits"] > 0
    assert db.execute("SELECT count(*) FROM spells").fetchone()[0] == result.spells
    assert db.execute("SELECT count(*) FROM retention_actions").fetchone()[0] == result.actions
    assert result.actions > 0
    assert db.execute("SELECT count(*) FROM risk_flags").fetchone()[0] > 0
    # every ended spell has its exit record; an exit ahead is a notice given (voluntary,
    # told by today)
    assert (
        db.execute(
            "SELECT count(*) FROM spells s LEFT JOIN exits x ON x.spell_id = s.id "
            "WHERE s.end_date IS NOT NULL AND x.id IS NULL"
        ).fetchone()[0]
        == 0
    )
    ahead = db.execute(
        "SELECT x.exit_type, x.notice_date FROM spells s JOIN exits x ON x.spell_id = s.id "
        "WHERE s.end_date > ?", [TODAY.isoformat()]).fetchall()  # fmt: skip
    assert len(ahead) == 2
    assert all(kind == "voluntary" and notice <= TODAY.isoformat() for kind, notice in ahead)
    shop = generate_shop(TODAY)
    assert get_setting(db, "demo") is True
    assert get_setting(db, "recruiting_cost_per_hire") == shop.recruiting_cost_per_hire
    assert get_setting(db, "training_cost_per_hire") == shop.training_cost_per_hire
    assert shop.recruiting_cost_per_hire > 0


def test_fill_demo_again_writes_nothing(db) -> None:
    first = fill_demo(db, TODAY)
    before = row_counts(db)
    changes = db.conn.total_changes
    again = fill_demo(db, TODAY)
    assert again.created is False
    assert (again.employees, again.spells, again.exits, again.actions) == (
        first.employees,
        first.spells,
        first.exits,
        first.actions,
    )
    assert db.conn.total_changes == changes
    assert row_counts(db) == before


def test_fill_demo_refused_on_a_real_shop(db) -> None:
    add_employee(
        db, EmployeeDraft(name="真实员工", hire_date=date(2025, 1, 6)), today=date(2025, 1, 6)
    )
    before = row_counts(db)
    changes = db.conn.total_changes
    with pytest.raises(RecordError):
        fill_demo(db, TODAY)
    assert db.conn.total_changes == changes
    assert row_counts(db) == before
    assert get_setting(db, "demo") is False
    assert not db.conn.in_transaction


def test_turnover_report_on_demo_adds_up(db) -> None:
    fill_demo(db, TODAY)
    period = Period(Month(2024, 1), Month.of(TODAY))
    report = turnover_report(db, period, lang="en", today=TODAY)
    assert len(report.monthly) == 35
    for month in report.monthly:
        assert month.closing == month.opening + month.hires - month.separations, month.month
        assert month.separations == month.voluntary + month.involuntary, month.month
    for earlier, later in zip(report.monthly, report.monthly[1:], strict=False):
        assert later.opening == earlier.closing
    summary = report.summary
    assert summary.hires == sum(m.hires for m in report.monthly)
    assert summary.separations == sum(m.separations for m in report.monthly) > 0
    # the report's closing headcount is the roster's active count
    assert summary.closing == counts(db)["active"]
    costs = get_setting(db, "recruiting_cost_per_hire") + get_setting(db, "training_cost_per_hire")
    assert summary.turnover_cost == pytest.approx(summary.separations * costs)


def test_turnover_report_for_one_team(db) -> None:
    fill_demo(db, TODAY)
    period = Period(Month(2025, 1), Month(2025, 12))
    whole = turnover_report(db, period, lang="zh_CN", today=TODAY)
    team = db.execute("SELECT team FROM spells GROUP BY team ORDER BY count(*) DESC").fetchone()[0]
    part = turnover_report(db, period, lang="zh_CN", today=TODAY, team=team)
    assert 0 < part.summary.closing < whole.summary.closing
    for month in part.monthly:
        assert month.closing == month.opening + month.hires - month.separations
