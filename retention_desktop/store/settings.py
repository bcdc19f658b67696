"""Shop settings stored in the database (they travel with the file and its backups)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from retention_desktop.domain.settings import DEFAULTS


def get_setting(db: Database, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return DEFAULTS[key] if row is None else json.loads(row[0])


def set_setting(db: Database, key: str, value: Any) -> None:
    set_settings(db, {key: value})


def set_settings(db: Database, values: dict[str, Any]) -> None:
    """Several settings in one transaction: all of them written, or none."""
    unknown = sorted(set(values) - set(DEFAULTS))
    if unknown:
        raise KeyError(unknown[0])
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(key, json.dumps(value, ensure_ascii=False)) for key, value in values.items()],
        )


def all_settings(db: Database) -> dict[str, Any]:
    stored = {k: json.loads(v) for k, v in db.execute("SELECT key, value FROM settings")}
    return {key: stored.get(key, default) for key, default in DEFAULTS.items()}
