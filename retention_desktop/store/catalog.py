"""Exit reasons, action types and destinations in the file: built-ins kept in step with the
app, plus the shop's own entries. Built-ins are never deleted; a used entry is retired, not
deleted."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from retention_desktop.domain.catalog import ACTION_TYPES, DESTINATIONS, EXIT_REASONS
from retention_desktop.store.errors import RecordError

_TABLES = {"exit_reasons": EXIT_REASONS, "action_types": ACTION_TYPES, "destinations": DESTINATIONS}


def label_sql(lang: str, table: str = "") -> str:
    """SQL expression for an entry's label in `lang`."""
    prefix = f"{table}." if table else ""
    return f"{prefix}label_zh" if lang.startswith("zh") else f"{prefix}label_en"


def sync_builtins(db: Database) -> None:
    """Add built-ins this version knows and the file lacks; refresh labels not renamed."""
    with db.atomic():
        for table, entries in _TABLES.items():
            for position, entry in enumerate(entries):
                db.execute(
                    f"""INSERT INTO {table} (code, label_zh, label_en, category, builtin, position)
                        VALUES (?, ?, ?, ?, 1, ?)
                        ON CONFLICT(code) DO UPDATE SET
                            label_zh = CASE WHEN {table}.renamed THEN {table}.label_zh
                                            ELSE excluded.label_zh END,
                            label_en = CASE WHEN {table}.renamed THEN {table}.label_en
                                            ELSE excluded.label_en END,
                            category = CASE WHEN {table}.recategorized THEN {table}.category
                                            ELSE excluded.category END
                        WHERE ({table}.renamed = 0
                               AND ({table}.label_zh IS NOT excluded.label_zh
                                    OR {table}.label_en IS NOT excluded.label_en))
                           OR ({table}.recategorized = 0
                               AND {table}.category IS NOT excluded.category)""",
                    [entry.code, entry.zh, entry.en, entry.category, position],
                )


@dataclass(frozen=True)
class CatalogItem:
    id: int
    code: str | None
    label: str
    category: str
    builtin: bool
    retired: bool


def list_items(
    db: Database, table: str, lang: str, *, include_retired: bool = False
) -> list[CatalogItem]:
    if table not in _TABLES:
        raise ValueError(table)
    where = "" if include_retired else "WHERE retired = 0"
    rows = db.execute(
        f"""SELECT id, code, {label_sql(lang)}, category, builtin, retired FROM {table}
            {where} ORDER BY position, id"""
    ).fetchall()
    return [CatalogItem(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5])) for r in rows]


def id_for_code(db: Database, table: str, code: str) -> int:
    row = db.execute(f"SELECT id FROM {table} WHERE code = ?", [code]).fetchone()
    if row is None:
        raise RecordError(f"there is no built-in entry '{code}'", field="code")
    return row[0]


def add_entry(db: Database, table: str, label: str, *, category: str = "") -> int:
    """A shop's own reason or action type (same label in both languages)."""
    label = label.strip()
    if not label:
        raise RecordError("the label cannot be empty", field="label")
    position = db.execute(f"SELECT coalesce(max(position), 0) + 1 FROM {table}").fetchone()[0]
    with db.atomic():
        cursor = db.execute(
            f"INSERT INTO {table} (label_zh, label_en, category, position) VALUES (?, ?, ?, ?)",
            [label, label, category, position],
        )
    return cursor.lastrowid


@dataclass
class CatalogEdit:
    """One entry as the list editor leaves it: `id` None for a new entry."""

    id: int | None
    label: str
    category: str
    retired: bool = False


def labels_in_both(db: Database, table: str) -> dict[int, tuple[str, str]]:
    """Every entry's (Chinese, English) label, by id."""
    if table not in _TABLES:
        raise ValueError(table)
    return {r[0]: (r[1], r[2]) for r in db.execute(f"SELECT id, label_zh, label_en FROM {table}")}


def usage_count(db: Database, table: str, entry_id: int) -> int:
    """How many records use the entry (a used entry can be retired, never deleted)."""
    if table == "exit_reasons":
        sql = """SELECT (SELECT count(*) FROM exits WHERE primary_reason_id = :id)
                      + (SELECT count(*) FROM exit_further_reasons WHERE reason_id = :id)
                      + (SELECT count(*) FROM risk_flags WHERE reason_id = :id)
                      + (SELECT count(*) FROM kept_notices WHERE primary_reason_id = :id)
                      + (SELECT count(*) FROM kept_notice_reasons WHERE reason_id = :id)"""
    elif table == "action_types":
        sql = """SELECT (SELECT count(*) FROM retention_actions WHERE action_type_id = :id)
                      + (SELECT count(*) FROM exits WHERE keep_offer_id = :id)
                      + (SELECT count(*) FROM kept_notices WHERE keep_offer_id = :id)"""
    elif table == "destinations":
        sql = "SELECT count(*) FROM exits WHERE destination_id = :id"
    else:
        raise ValueError(table)
    return db.execute(sql, {"id": entry_id}).fetchone()[0]


def save_catalog(db: Database, table: str, lang: str, entries: list[CatalogEdit]) -> None:
    """Make the list what the editor shows, in one transaction: new entries added, labels
    in `lang` renamed, order and retired state kept, and entries left out deleted (only the
    shop's own unused ones; a built-in or used entry left out is an error)."""
    if table not in _TABLES:
        raise ValueError(table)
    column = label_sql(lang)
    other = "label_en" if column == "label_zh" else "label_zh"
    existing = {
        r[0]: (r[1], r[2], bool(r[3]), r[4])
        for r in db.execute(f"SELECT id, {column}, {other}, builtin, category FROM {table}")
    }
    kept = {e.id for e in entries if e.id is not None}
    labels = [e.label.strip() for e in entries]
    for entry, label in zip(entries, labels, strict=True):
        if not label:
            raise RecordError("a label cannot be empty", field="label")
        if entry.id is not None and entry.id not in existing:
            raise RecordError(f"there is no entry {entry.id}", field="label")
    # Each language's list must stay free of twins: a shop's own entry carries its one
    # label into both.
    finals = []
    for entry, label in zip(entries, labels, strict=True):
        if entry.id is None:
            finals.append((label, label))
        else:
            old_label, other_label, builtin, _ = existing[entry.id]
            follow = label != old_label and not builtin and other_label == old_label
            finals.append((label, label if follow else other_label))
    for side in (0, 1):
        seen: set[str] = set()
        for pair in finals:
            if pair[side].casefold() in seen:
                raise RecordError(
                    f"“{pair[side]}” is in the list twice",
                    field="label",
                    code="duplicate",
                    value=pair[side],
                )
            seen.add(pair[side].casefold())
    with db.atomic():
        for entry_id, (_, _, builtin, _) in existing.items():
            if entry_id in kept:
                continue
            if builtin:
                raise RecordError("a built-in entry cannot be deleted; retire it", field="label")
            if usage_count(db, table, entry_id):
                raise RecordError("an entry in use cannot be deleted; retire it", field="label")
            db.execute(f"DELETE FROM {table} WHERE id = ?", [entry_id])
        for position, (entry, label) in enumerate(zip(entries, labels, strict=True)):
            if entry.id is None:
                db.execute(
                    f"""INSERT INTO {table} (label_zh, label_en, category, retired, position)
                        VALUES (?, ?, ?, ?, ?)""",
                    [label, label, entry.category, int(entry.retired), position],
                )
                continue
            old_label, other_label, _, old_category = existing[entry.id]
            renamed = label != old_label
            final_other = finals[position][1]
            db.execute(
                f"""UPDATE {table} SET {column} = ?, {other} = ?, category = ?, retired = ?,
                        position = ?, renamed = renamed OR ?, recategorized = recategorized OR ?,
                        updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
                    WHERE id = ?
                      -- an entry the editor left as it was keeps its updated_at
                      AND ({column}, {other}, category, retired, position)
                          IS NOT (?, ?, ?, ?, ?)""",
                [
                    label,
                    final_other,
                    entry.category,
                    int(entry.retired),
                    position,
                    int(renamed),
                    int(entry.category != old_category),
                    entry.id,
                    label,
                    final_other,
                    entry.category,
                    int(entry.retired),
                    position,
                ],
            )
