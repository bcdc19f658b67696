"""The shop's own exit reason and action type lists: adding, renaming, reordering, retiring
and deleting entries, and what the built-ins keep across updates."""

from __future__ import annotations

from datetime import date

import pytest
from store_helpers import action_type, add_action, add_flag, dump, hire, leave, reason

from retention_desktop.store import catalog
from retention_desktop.store.catalog import CatalogEdit, list_items, save_catalog, usage_count
from retention_desktop.store.database import open_database
from retention_desktop.store.errors import RecordError


def edits(db, table: str, lang: str) -> list[CatalogEdit]:
    """The whole list as the editor would hand it back unchanged."""
    return [
        CatalogEdit(item.id, item.label, item.category, item.retired)
        for item in list_items(db, table, lang, include_retired=True)
    ]


def entry_row(db, entry_id: int, table: str = "exit_reasons") -> tuple:
    return db.execute(
        f"SELECT code, label_zh, label_en, category, builtin, renamed, retired, position "
        f"FROM {table} WHERE id = ?",
        [entry_id],
    ).fetchone()


def test_save_catalog_unchanged_list_changes_nothing_not_even_stamps(db) -> None:
    db.execute("UPDATE exit_reasons SET updated_at = '2020-01-01T00:00:00Z'")
    before = db.execute("SELECT * FROM exit_reasons ORDER BY id").fetchall()
    save_catalog(db, "exit_reasons", "en", edits(db, "exit_reasons", "en"))
    assert db.execute("SELECT * FROM exit_reasons ORDER BY id").fetchall() == before
    # an entry that did change is stamped
    changed = edits(db, "exit_reasons", "en")
    changed[0].retired = True
    save_catalog(db, "exit_reasons", "en", changed)
    stamps = db.execute("SELECT id, updated_at FROM exit_reasons ORDER BY id").fetchall()
    assert stamps[0][1] > "2020-01-01T00:00:00Z"
    assert {s[1] for s in stamps[1:]} == {"2020-01-01T00:00:00Z"}


def test_save_catalog_adds_a_new_entry_at_its_position(db) -> None:
    entries = edits(db, "exit_reasons", "en")
    entries.insert(1, CatalogEdit(None, "  Commute too long ", "personal"))
    save_catalog(db, "exit_reasons", "en", entries)
    items = list_items(db, "exit_reasons", "en")
    assert [i.label for i in items[:3]] == [
        "Pay and benefits",
        "Commute too long",
        "Better offer elsewhere",
    ]
    new = items[1]
    assert (new.code, new.builtin, new.retired, new.category) == (None, False, False, "personal")
    assert entry_row(db, new.id) == (
        None,
        "Commute too long",
        "Commute too long",
        "personal",
        0,
        0,
        0,
        1,
    )
    positions = [
        r[0] for r in db.execute("SELECT position FROM exit_reasons ORDER BY position, id")
    ]
    assert positions == list(range(len(entries)))


def test_save_catalog_renaming_a_builtin_keeps_the_other_language(db) -> None:
    pay = reason(db, "pay")
    entries = edits(db, "exit_reasons", "zh_CN")
    [entry] = [e for e in entries if e.id == pay]
    entry.label = "工资太低"
    save_catalog(db, "exit_reasons", "zh_CN", entries)
    assert entry_row(db, pay)[1:6] == ("工资太低", "Pay and benefits", "pay", 1, 1)
    assert db.execute("SELECT count(*) FROM exit_reasons WHERE renamed = 1").fetchone()[0] == 1

    # a built-in nobody renamed is refreshed by sync; the renamed one is left alone
    training = reason(db, "training")
    db.execute("UPDATE exit_reasons SET label_en = 'Stale' WHERE id = ?", [training])
    catalog.sync_builtins(db)
    assert entry_row(db, training)[2] == "Not enough training"
    assert entry_row(db, pay)[1:3] == ("工资太低", "Pay and benefits")
    labels = {i.id: i.label for i in list_items(db, "exit_reasons", "zh_CN")}
    assert labels[pay] == "工资太低"
    assert {i.id: i.label for i in list_items(db, "exit_reasons", "en")}[pay] == "Pay and benefits"


def test_renaming_a_builtin_with_equal_labels_keeps_the_other_language(db) -> None:
    # a built-in whose two labels happen to be the same text is still a built-in: only the
    # label of the language being edited changes
    other = reason(db, "other")
    db.execute("UPDATE exit_reasons SET label_en = label_zh, renamed = 1 WHERE id = ?", [other])
    entries = edits(db, "exit_reasons", "zh_CN")
    next(e for e in entries if e.id == other).label = "别的"
    save_catalog(db, "exit_reasons", "zh_CN", entries)
    assert entry_row(db, other)[1:3] == ("别的", "其他")


def test_renamed_builtin_survives_reopening(db, db_path) -> None:
    pay = reason(db, "pay")
    entries = edits(db, "exit_reasons", "en")
    next(e for e in entries if e.id == pay).label = "Money"
    save_catalog(db, "exit_reasons", "en", entries)
    db.close()
    reopened = open_database(db_path)  # runs sync_builtins
    try:
        assert entry_row(reopened, pay)[1:3] == ("薪资待遇", "Money")
    finally:
        reopened.close()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_save_catalog_renaming_own_entry_changes_both_labels(db, lang: str) -> None:
    own = catalog.add_entry(db, "exit_reasons", "Commute", category="personal")
    entries = edits(db, "exit_reasons", lang)
    next(e for e in entries if e.id == own).label = " Long commute "
    save_catalog(db, "exit_reasons", lang, entries)
    assert entry_row(db, own)[1:3] == ("Long commute", "Long commute")
    assert entry_row(db, own)[4] == 0


def test_save_catalog_reorders_by_list_order(db) -> None:
    entries = list(reversed(edits(db, "action_types", "en")))
    save_catalog(db, "action_types", "en", entries)
    assert [i.id for i in list_items(db, "action_types", "en")] == [e.id for e in entries]
    stored = db.execute("SELECT id, position FROM action_types").fetchall()
    assert dict(stored) == {e.id: i for i, e in enumerate(entries)}
    catalog.sync_builtins(db)  # a later start keeps the shop's order
    assert [i.id for i in list_items(db, "action_types", "en")] == [e.id for e in entries]


def test_save_catalog_retire_and_unretire(db) -> None:
    other = reason(db, "other")
    entries = edits(db, "exit_reasons", "en")
    next(e for e in entries if e.id == other).retired = True
    save_catalog(db, "exit_reasons", "en", entries)
    assert other not in [i.id for i in list_items(db, "exit_reasons", "en")]
    retired = [i for i in list_items(db, "exit_reasons", "en", include_retired=True) if i.retired]
    assert [i.id for i in retired] == [other]
    assert entry_row(db, other)[6] == 1

    entries = edits(db, "exit_reasons", "en")
    next(e for e in entries if e.id == other).retired = False
    save_catalog(db, "exit_reasons", "en", entries)
    assert other in [i.id for i in list_items(db, "exit_reasons", "en")]
    assert entry_row(db, other)[6] == 0


def test_list_items_hides_retired_unless_asked(db) -> None:
    own = catalog.add_entry(db, "action_types", "Bubble tea")
    db.execute("UPDATE action_types SET retired = 1 WHERE id = ?", [own])
    shown = list_items(db, "action_types", "zh_CN")
    everything = list_items(db, "action_types", "zh_CN", include_retired=True)
    assert own not in [i.id for i in shown]
    assert len(everything) == len(shown) + 1
    assert next(i for i in everything if i.id == own).retired
    assert not any(i.retired for i in shown)
    with pytest.raises(ValueError, match="nope"):
        list_items(db, "nope", "en")


def test_save_catalog_deletes_an_unused_own_entry(db) -> None:
    own = catalog.add_entry(db, "exit_reasons", "Commute")
    entries = [e for e in edits(db, "exit_reasons", "en") if e.id != own]
    save_catalog(db, "exit_reasons", "en", entries)
    assert entry_row(db, own) is None


def test_save_catalog_refuses_to_delete_a_builtin(db) -> None:
    pay = reason(db, "pay")
    entries = [e for e in edits(db, "exit_reasons", "en") if e.id != pay]
    entries[0].label = "Renamed in the refused save"
    entries.append(CatalogEdit(None, "New in the refused save", "other"))
    before = dump(db)
    with pytest.raises(RecordError) as info:
        save_catalog(db, "exit_reasons", "en", entries)
    assert info.value.field == "label"
    assert dump(db) == before


@pytest.mark.parametrize("use", ["primary", "further", "risk_flag"])
def test_save_catalog_refuses_to_delete_a_used_own_entry(db, use: str) -> None:
    unused = catalog.add_entry(db, "exit_reasons", "Unused")  # lower id: deleted first
    used = catalog.add_entry(db, "exit_reasons", "Used")
    employee_id, spell = hire(db)
    if use == "primary":
        leave(db, spell, date(2025, 1, 31), primary_reason_id=used)
    elif use == "further":
        leave(db, spell, date(2025, 1, 31), further_reason_ids=[used])
    else:
        add_flag(db, employee_id, "high", "2025-01-01", reason_id=used)
    assert usage_count(db, "exit_reasons", used) == 1
    entries = [e for e in edits(db, "exit_reasons", "en") if e.id not in (used, unused)]
    entries[0].label = "Renamed in the refused save"
    before = dump(db)
    with pytest.raises(RecordError) as info:
        save_catalog(db, "exit_reasons", "en", entries)
    assert info.value.field == "label"
    assert dump(db) == before  # the unused one deleted before the refusal is back too
    assert not db.conn.in_transaction


def test_save_catalog_action_type_in_use_not_deleted_unused_deleted(db) -> None:
    used = catalog.add_entry(db, "action_types", "Hotpot dinner")
    unused = catalog.add_entry(db, "action_types", "Karaoke")
    wang, _ = hire(db)
    add_action(db, wang, used, "2025-01-01")
    before = dump(db)
    with pytest.raises(RecordError):
        save_catalog(
            db, "action_types", "en", [e for e in edits(db, "action_types", "en") if e.id != used]
        )
    assert dump(db) == before
    save_catalog(
        db, "action_types", "en", [e for e in edits(db, "action_types", "en") if e.id != unused]
    )
    assert entry_row(db, unused, "action_types") is None
    assert entry_row(db, used, "action_types") is not None


@pytest.mark.parametrize(
    ("lang", "bad"),
    [
        ("en", ["   "]),
        ("en", [""]),
        ("en", ["Commute", " commute "]),
        ("en", ["pay AND benefits"]),  # clashes with the built-in "Pay and benefits"
        ("zh_CN", ["薪资待遇"]),
    ],
)
def test_save_catalog_refuses_empty_and_duplicate_labels(db, lang: str, bad: list[str]) -> None:
    entries = edits(db, "exit_reasons", lang)
    entries[1].label = "Renamed in the refused save"
    entries += [CatalogEdit(None, label, "other") for label in bad]
    before = dump(db)
    with pytest.raises(RecordError) as info:
        save_catalog(db, "exit_reasons", lang, entries)
    assert info.value.field == "label"
    assert dump(db) == before


def test_save_catalog_refuses_duplicate_rename_of_existing_entries(db) -> None:
    entries = edits(db, "exit_reasons", "en")
    entries[2].label = entries[3].label.upper()
    before = dump(db)
    with pytest.raises(RecordError):
        save_catalog(db, "exit_reasons", "en", entries)
    assert dump(db) == before


def test_save_catalog_unknown_id_or_table_refused(db) -> None:
    before = dump(db)
    with pytest.raises(RecordError):
        save_catalog(
            db,
            "exit_reasons",
            "en",
            [*edits(db, "exit_reasons", "en"), CatalogEdit(987654, "Ghost", "other")],
        )
    with pytest.raises(ValueError, match="employees"):
        save_catalog(db, "employees", "en", [])
    assert dump(db) == before


def test_usage_count(db) -> None:
    own = catalog.add_entry(db, "exit_reasons", "Commute")
    pay = reason(db, "pay")
    a, a_spell = hire(db, "A")
    b, b_spell = hire(db, "B")
    c, c_spell = hire(db, "C")
    leave(db, a_spell, date(2025, 1, 31), primary_reason_id=own)
    leave(db, b_spell, date(2025, 1, 31), primary_reason_id=pay, further_reason_ids=[own])
    leave(db, c_spell, date(2025, 1, 31), further_reason_ids=[own, pay])
    add_flag(db, a, "low", "2024-12-01", reason_id=own)
    add_flag(db, b, "low", "2024-12-01")
    assert usage_count(db, "exit_reasons", own) == 4
    assert usage_count(db, "exit_reasons", pay) == 2
    assert usage_count(db, "exit_reasons", reason(db, "family")) == 0

    checkin = action_type(db, "checkin")
    add_action(db, a, checkin, "2025-01-01")
    add_action(db, None, checkin, "2025-01-01", team="Sales")
    assert usage_count(db, "action_types", checkin) == 2
    assert usage_count(db, "action_types", action_type(db, "mentor")) == 0
    with pytest.raises(ValueError, match="spells"):
        usage_count(db, "spells", 1)
    assert c


def _edits(db, lang: str) -> list[CatalogEdit]:
    return [
        CatalogEdit(i.id, i.label, i.category, i.retired)
        for i in list_items(db, "exit_reasons", lang, include_retired=True)
    ]


def test_a_builtins_new_category_survives_updating_the_builtins(db) -> None:
    edits = _edits(db, "en")
    pay = next(e for e in edits if e.label == "Pay and benefits")
    pay.category = "growth"
    save_catalog(db, "exit_reasons", "en", edits)
    catalog.sync_builtins(db)
    row = db.execute(
        "SELECT category, recategorized, renamed, label_zh FROM exit_reasons WHERE code = 'pay'"
    ).fetchone()
    assert row == ("growth", 1, 0, "薪资待遇")


def test_an_own_reason_may_not_repeat_a_label_of_the_other_language(db) -> None:
    before = db.execute("SELECT * FROM exit_reasons ORDER BY id").fetchall()
    edits = [*_edits(db, "en"), CatalogEdit(None, "其他", "other")]  # zh label of "Other"
    with pytest.raises(RecordError) as refused:
        save_catalog(db, "exit_reasons", "en", edits)
    assert (refused.value.code, refused.value.value) == ("duplicate", "其他")
    assert db.execute("SELECT * FROM exit_reasons ORDER BY id").fetchall() == before
