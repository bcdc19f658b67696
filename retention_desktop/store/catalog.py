"""Exit reasons and action types in the file: built-ins kept in step with the app, plus the
shop's own entries. Built-ins are never deleted; a used reason is retired, not deleted."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from retention_desktop.domain.catalog import ACTION_TYPES, EXIT_REASONS, Entry
from retention_desktop.store.errors import RecordError

_TABLES = {"exit_reasons": EXIT_REASONS, "action_types": ACTION_TYPES}


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
                            label_zh = excluded.label_zh, label_en = excluded.label_en,
                            category = excluded.category
                        WHERE {table}.renamed = 0
                          AND ({table}.label_zh IS NOT excluded.label_zh
                               OR {table}.label_en IS NOT excluded.label_en
                               OR {table}.category IS NOT excluded.category)""",
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


def find_or_add_reason(db: Database, label: str) -> tuple[int, bool]:
    """The reason whose label (either language) is `label`, added if the list lacks it.
    Returns (id, added)."""
    label = label.strip()
    if not label:
        raise RecordError("an exit reason needs a label", field="exit_reason")
    row = db.execute(
        "SELECT id FROM exit_reasons WHERE label_zh = ? OR label_en = ? COLLATE NOCASE "
        "ORDER BY builtin DESC, id LIMIT 1",
        [label, label],
    ).fetchone()
    if row:
        return row[0], False
    return add_entry(db, "exit_reasons", label, category="other"), True


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


def builtin_entry(code: str) -> Entry | None:
    for entries in _TABLES.values():
        for entry in entries:
            if entry.code == code:
                return entry
    return None
