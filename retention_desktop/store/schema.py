"""The schema, as sqlite-utils migrations run forward in order.

Each migration is a named function recorded in `_sqlite_migrations`; a file that records a
name this list does not know was written by a newer app and is never written to.
Tables use plain SQL so that CHECK constraints and partial indexes keep the data rules in
the file itself, whatever program writes to it.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "retention_desktop"
APPLICATION_ID = 0x52544E44  # "RTND": tells our files apart from any other SQLite file

migrations = Migrations(MIGRATION_SET)

_NOW = "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
_STAMPS = f"created_at TEXT NOT NULL DEFAULT {_NOW}, updated_at TEXT NOT NULL DEFAULT {_NOW}"


def _is_date(column: str) -> str:
    return f"({column} IS NULL OR {column} = date({column}))"


# Roster and exits: the first released schema.
_INITIAL = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    f"""CREATE TABLE employees (
        id INTEGER PRIMARY KEY,
        employee_no TEXT UNIQUE CHECK (employee_no IS NULL OR trim(employee_no) <> ''),
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        phone TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        {_STAMPS}
    )""",
    "CREATE INDEX employees_name ON employees(name)",
    f"""CREATE TABLE spells (
        id INTEGER PRIMARY KEY,
        employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        hire_date TEXT NOT NULL CHECK ({_is_date("hire_date")}),
        end_date TEXT CHECK ({_is_date("end_date")}),
        team TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        {_STAMPS},
        CHECK (end_date IS NULL OR end_date >= hire_date)
    )""",
    "CREATE INDEX spells_employee ON spells(employee_id, hire_date)",
    "CREATE INDEX spells_hire_date ON spells(hire_date)",
    "CREATE INDEX spells_end_date ON spells(end_date)",
    "CREATE INDEX spells_team ON spells(team)",
    # At most one open spell per person: a rehire starts a new spell after the last ended.
    "CREATE UNIQUE INDEX spells_one_open ON spells(employee_id) WHERE end_date IS NULL",
    f"""CREATE TABLE exit_reasons (
        id INTEGER PRIMARY KEY,
        code TEXT UNIQUE,
        label_zh TEXT NOT NULL CHECK (trim(label_zh) <> ''),
        label_en TEXT NOT NULL CHECK (trim(label_en) <> ''),
        category TEXT NOT NULL DEFAULT 'other',
        builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        renamed INTEGER NOT NULL DEFAULT 0 CHECK (renamed IN (0, 1)),
        retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
        position INTEGER NOT NULL DEFAULT 0,
        {_STAMPS}
    )""",
    f"""CREATE TABLE exits (
        id INTEGER PRIMARY KEY,
        spell_id INTEGER NOT NULL UNIQUE REFERENCES spells(id) ON DELETE CASCADE,
        notice_date TEXT CHECK ({_is_date("notice_date")}),
        exit_type TEXT CHECK (exit_type IS NULL OR exit_type IN ('voluntary', 'involuntary')),
        primary_reason_id INTEGER REFERENCES exit_reasons(id) ON DELETE RESTRICT,
        regrettable INTEGER NOT NULL DEFAULT 0 CHECK (regrettable IN (0, 1)),
        eligible_for_rehire INTEGER CHECK (eligible_for_rehire IS NULL
                                           OR eligible_for_rehire IN (0, 1)),
        conversation_notes TEXT NOT NULL DEFAULT '',
        {_STAMPS}
    )""",
    "CREATE INDEX exits_primary_reason ON exits(primary_reason_id)",
    """CREATE TABLE exit_further_reasons (
        exit_id INTEGER NOT NULL REFERENCES exits(id) ON DELETE CASCADE,
        reason_id INTEGER NOT NULL REFERENCES exit_reasons(id) ON DELETE RESTRICT,
        PRIMARY KEY (exit_id, reason_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX exit_further_reasons_reason ON exit_further_reasons(reason_id)",
    f"""CREATE TABLE handover_items (
        id INTEGER PRIMARY KEY,
        exit_id INTEGER NOT NULL REFERENCES exits(id) ON DELETE CASCADE,
        code TEXT,
        label TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        done_date TEXT CHECK ({_is_date("done_date")}),
        note TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        {_STAMPS},
        CHECK (code IS NOT NULL OR trim(label) <> ''),
        UNIQUE (exit_id, code)
    )""",
]

_RETENTION = [
    f"""CREATE TABLE action_types (
        id INTEGER PRIMARY KEY,
        code TEXT UNIQUE,
        label_zh TEXT NOT NULL CHECK (trim(label_zh) <> ''),
        label_en TEXT NOT NULL CHECK (trim(label_en) <> ''),
        category TEXT NOT NULL DEFAULT '',
        builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        renamed INTEGER NOT NULL DEFAULT 0 CHECK (renamed IN (0, 1)),
        retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
        position INTEGER NOT NULL DEFAULT 0,
        {_STAMPS}
    )""",
    f"""CREATE TABLE retention_actions (
        id INTEGER PRIMARY KEY,
        employee_id INTEGER REFERENCES employees(id) ON DELETE CASCADE,
        team TEXT,
        action_type_id INTEGER NOT NULL REFERENCES action_types(id) ON DELETE RESTRICT,
        title TEXT NOT NULL DEFAULT '',
        planned_date TEXT NOT NULL CHECK ({_is_date("planned_date")}),
        due_date TEXT CHECK ({_is_date("due_date")}),
        owner TEXT NOT NULL DEFAULT '',
        cost REAL NOT NULL DEFAULT 0 CHECK (cost >= 0),
        notes TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'planned'
            CHECK (status IN ('planned', 'done', 'cancelled')),
        done_date TEXT CHECK ({_is_date("done_date")}),
        outcome TEXT NOT NULL DEFAULT '',
        {_STAMPS},
        CHECK (employee_id IS NOT NULL OR team IS NOT NULL),
        CHECK (status <> 'done' OR done_date IS NOT NULL)
    )""",
    "CREATE INDEX retention_actions_employee ON retention_actions(employee_id)",
    "CREATE INDEX retention_actions_status_due ON retention_actions(status, due_date)",
    "CREATE INDEX retention_actions_type ON retention_actions(action_type_id)",
    f"""CREATE TABLE risk_flags (
        id INTEGER PRIMARY KEY,
        employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
        level TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),
        reason_id INTEGER REFERENCES exit_reasons(id) ON DELETE RESTRICT,
        flagged_on TEXT NOT NULL CHECK ({_is_date("flagged_on")}),
        note TEXT NOT NULL DEFAULT '',
        cleared_on TEXT CHECK ({_is_date("cleared_on")}),
        clear_note TEXT NOT NULL DEFAULT '',
        {_STAMPS},
        CHECK (cleared_on IS NULL OR cleared_on >= flagged_on)
    )""",
    "CREATE INDEX risk_flags_employee ON risk_flags(employee_id, flagged_on)",
    "CREATE INDEX risk_flags_reason ON risk_flags(reason_id)",
]


@migrations()
def m001_initial(db: Database) -> None:
    for statement in _INITIAL:
        db.execute(statement)


@migrations()
def m002_retention_actions(db: Database) -> None:
    """Action library, retention actions and risk flags (added after the roster schema)."""
    for statement in _RETENTION:
        db.execute(statement)


@migrations()
def m003_catalog_recategorized(db: Database) -> None:
    """Mark entries whose category the shop changed, so that updating the built-in lists
    keeps the shop's choice (as `renamed` keeps its labels)."""
    for table in ("exit_reasons", "action_types"):
        db.execute(
            f"ALTER TABLE {table} ADD COLUMN recategorized INTEGER NOT NULL DEFAULT 0 "
            "CHECK (recategorized IN (0, 1))"
        )


@migrations()
def m004_action_indexes(db: Database) -> None:
    """Indexes for 300,000 actions: the Actions view lists them latest planned first and
    filters by a planned period (its first page is read from the index, not a sort of the
    whole table); the Today panel's last check-in of each person and "does it help?"'s
    first done action of each action type per person are read from the done actions' index alone
    (covering, in employee order) instead of a table lookup per action."""
    db.execute("CREATE INDEX retention_actions_planned ON retention_actions(planned_date)")
    db.execute(
        "CREATE INDEX retention_actions_done ON retention_actions"
        "(action_type_id, employee_id, done_date) WHERE status = 'done'"
    )


@migrations()
def m005_imports(db: Database) -> None:
    """The record of each import and of the rows the latest one wrote, so that it can be
    undone (store.imports); updated_at kept true by triggers."""
    db.execute(f"""CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL DEFAULT '',
        stamp TEXT NOT NULL,
        row_count INTEGER NOT NULL DEFAULT 0 CHECK (row_count >= 0),
        backup TEXT NOT NULL DEFAULT '',
        undone_at TEXT,
        created_at TEXT NOT NULL DEFAULT {_NOW}
    )""")
    db.execute("""CREATE TABLE import_changes (
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('employee', 'spell', 'exit', 'reason', 'closed')),
        first_id INTEGER NOT NULL,  -- a run of consecutive row ids
        last_id INTEGER NOT NULL CHECK (last_id >= first_id),
        was_updated_at TEXT,  -- of a spell it ended: put back when it is undone
        PRIMARY KEY (import_id, kind, first_id)
    ) WITHOUT ROWID""")
    # A row changed without a new updated_at (by another program, say) gets one: what an
    # import wrote is told from what was edited since, whoever edited it (sqlite-utils
    # turns recursive triggers on: the stamp of this second stops the recursion). The
    # built-in reasons, brought up to date at every start, are left alone.
    for table, which in (("employees", ""), ("spells", ""), ("exits", ""),
                         ("exit_reasons", " AND OLD.code IS NULL")):  # fmt: skip
        db.execute(f"""CREATE TRIGGER {table}_touched AFTER UPDATE ON {table}
            WHEN NEW.updated_at IS OLD.updated_at AND OLD.updated_at IS NOT {_NOW}{which}
            BEGIN
                UPDATE {table} SET updated_at = {_NOW} WHERE id = NEW.id;
            END""")


_EXIT_WAYS = (
    "('resignation', 'walked_off', 'mutual', 'dismissal', 'contract_end', 'failed_probation')"
)


@migrations()
def m006_exit_way_destination_keep(db: Database) -> None:
    """How and where people went, and a try to keep them (issue 15): an exit's way of
    leaving (离职方式) and destination (离职去向, the shop's list, built-ins like the reasons),
    whether the shop tried to keep the person and with which kind of action; and the
    notices withdrawn because the person stayed (kept notices: the exit they would have
    been, with its reasons and the day it was withdrawn; the spell runs on)."""
    db.execute(f"""CREATE TABLE destinations (
        id INTEGER PRIMARY KEY,
        code TEXT UNIQUE,
        label_zh TEXT NOT NULL CHECK (trim(label_zh) <> ''),
        label_en TEXT NOT NULL CHECK (trim(label_en) <> ''),
        category TEXT NOT NULL DEFAULT '',
        builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
        renamed INTEGER NOT NULL DEFAULT 0 CHECK (renamed IN (0, 1)),
        recategorized INTEGER NOT NULL DEFAULT 0 CHECK (recategorized IN (0, 1)),
        retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
        position INTEGER NOT NULL DEFAULT 0,
        {_STAMPS}
    )""")
    for statement in (
        f"ALTER TABLE exits ADD COLUMN way TEXT CHECK (way IS NULL OR way IN {_EXIT_WAYS})",
        "ALTER TABLE exits ADD COLUMN destination_id INTEGER "
        "REFERENCES destinations(id) ON DELETE RESTRICT",
        "ALTER TABLE exits ADD COLUMN keep_tried INTEGER NOT NULL DEFAULT 0 "
        "CHECK (keep_tried IN (0, 1))",
        "ALTER TABLE exits ADD COLUMN keep_offer_id INTEGER "
        "REFERENCES action_types(id) ON DELETE RESTRICT",
        "CREATE INDEX exits_destination ON exits(destination_id)",
        "CREATE INDEX exits_keep_offer ON exits(keep_offer_id)",
        "CREATE INDEX exits_notice_date ON exits(notice_date)",
    ):
        db.execute(statement)
    db.execute(f"""CREATE TABLE kept_notices (
        id INTEGER PRIMARY KEY,
        spell_id INTEGER NOT NULL REFERENCES spells(id) ON DELETE CASCADE,
        notice_date TEXT NOT NULL CHECK ({_is_date("notice_date")}),
        last_day TEXT NOT NULL CHECK ({_is_date("last_day")}),
        stayed_on TEXT NOT NULL CHECK ({_is_date("stayed_on")}),
        exit_type TEXT CHECK (exit_type IS NULL OR exit_type IN ('voluntary', 'involuntary')),
        way TEXT CHECK (way IS NULL OR way IN {_EXIT_WAYS}),
        primary_reason_id INTEGER REFERENCES exit_reasons(id) ON DELETE RESTRICT,
        keep_tried INTEGER NOT NULL DEFAULT 0 CHECK (keep_tried IN (0, 1)),
        keep_offer_id INTEGER REFERENCES action_types(id) ON DELETE RESTRICT,
        conversation_notes TEXT NOT NULL DEFAULT '',
        {_STAMPS},
        CHECK (notice_date <= stayed_on AND stayed_on <= last_day)
    )""")
    db.execute("CREATE INDEX kept_notices_spell ON kept_notices(spell_id)")
    db.execute("CREATE INDEX kept_notices_notice_date ON kept_notices(notice_date)")
    db.execute("CREATE INDEX kept_notices_offer ON kept_notices(keep_offer_id)")
    db.execute("""CREATE TABLE kept_notice_reasons (
        notice_id INTEGER NOT NULL REFERENCES kept_notices(id) ON DELETE CASCADE,
        reason_id INTEGER NOT NULL REFERENCES exit_reasons(id) ON DELETE RESTRICT,
        PRIMARY KEY (notice_id, reason_id)
    ) WITHOUT ROWID""")
    db.execute("CREATE INDEX kept_notice_reasons_reason ON kept_notice_reasons(reason_id)")
    # An import can add destinations too: the record of its rows learns that kind (a
    # CHECK changes only with the table; nothing refers to this one).
    db.execute("ALTER TABLE import_changes RENAME TO import_changes_old")
    db.execute("""CREATE TABLE import_changes (
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        kind TEXT NOT NULL
            CHECK (kind IN ('employee', 'spell', 'exit', 'reason', 'destination', 'closed')),
        first_id INTEGER NOT NULL,  -- a run of consecutive row ids
        last_id INTEGER NOT NULL CHECK (last_id >= first_id),
        was_updated_at TEXT,  -- of a spell it ended: put back when it is undone
        PRIMARY KEY (import_id, kind, first_id)
    ) WITHOUT ROWID""")
    db.execute("INSERT INTO import_changes SELECT * FROM import_changes_old")
    db.execute("DROP TABLE import_changes_old")


def known_migration_names() -> set[str]:
    return {m.name for m in migrations._migrations}
