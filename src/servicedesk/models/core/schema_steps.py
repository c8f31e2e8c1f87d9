"""What the area schema modules build their steps with (models/*/schema.py).

Each area declares its schema as append-only steps in a sqlite-utils
`Migrations` set; most steps are a list of CREATE statements run in order,
and two areas index a searchable text with the same FTS5 trigram table and
triggers. These helpers hold that shared shape once.

RELEASED STEPS CALL THESE. Data files record the steps they have run by
name and a step never runs twice, so what a helper executes for a released
step must never change (not even white space: SQLite stores the CREATE text
in the file). tests/models/test_schema_steps.py pins the SQL every released
step runs; a change of shape needs a new helper or a new step, never an edit.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils
from sqlite_utils import Migrations


def execute_all(db: sqlite_utils.Database, statements: Iterable[str]) -> None:
    """Run `statements` in order (inside the step's own transaction)."""
    for sql in statements:
        db.execute(sql)


def sql_step(migrations: Migrations, name: str, *statements: str) -> None:
    """Register step `name` of `migrations` that runs `statements` in order.

    For the steps that are SQL only; a step that also runs Python (a backfill,
    a seed) stays a function decorated with `@MIGRATIONS(name=...)` and may
    call `execute_all`. Steps run in the order they are registered.
    """
    def step(db: sqlite_utils.Database) -> None:
        execute_all(db, statements)

    step.__name__ = step.__qualname__ = f"step_{name}"
    migrations(name=name)(step)


def text_search_tables(table: str, key: str, owner: str, fts: str, *, update_when: str = "") -> tuple[str, ...]:
    """One row of searchable text per owner row, and its FTS5 trigram index.

    `table` (key, text) holds the text of each row of `owner` (e.g.
    'customers(id)'; deleting the owner deletes its text); `fts` is an
    external-content FTS5 trigram table over it, kept in step by three
    triggers (external content needs the old text to delete an entry).
    `update_when` limits the update trigger to a condition (e.g.
    'old.text IS NOT new.text'). The statements are exactly those the released
    customer and ticket search steps ran.
    """
    update = f"AFTER UPDATE ON {table}\n        WHEN {update_when} BEGIN" if update_when \
        else f"AFTER UPDATE ON {table} BEGIN"
    return (
        f"""CREATE TABLE {table} (
            {key} INTEGER PRIMARY KEY REFERENCES {owner} ON DELETE CASCADE,
            text TEXT NOT NULL
        )""",
        f"""CREATE VIRTUAL TABLE {fts} USING fts5(
            text, content='{table}', content_rowid='{key}',
            tokenize='trigram'
        )""",
        f"""CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO {fts}(rowid, text) VALUES (new.{key}, new.text);
        END""",
        f"""CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
            INSERT INTO {fts}({fts}, rowid, text)
            VALUES ('delete', old.{key}, old.text);
        END""",
        f"""CREATE TRIGGER {table}_au {update}
            INSERT INTO {fts}({fts}, rowid, text)
            VALUES ('delete', old.{key}, old.text);
            INSERT INTO {fts}(rowid, text) VALUES (new.{key}, new.text);
        END""",
    )


def record_version_statements(table: str, *, add_active: bool, watched: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Columns and trigger that let a dialog's save see that someone else changed the row.

    `version` goes up by one on every UPDATE that does not set it itself (a
    trigger, so imports, the CLI and every step function count, whoever
    wrote them); `updated_by` names the clerk of the last change (set by the
    write functions); `active` (when `add_active`) lets a record with history
    be deactivated instead of deleted. `watched` limits the bump to changes
    of those columns (parts: the master data, not the stock balance a ledger
    line moves). recursive_triggers is off, so the trigger's own UPDATE does
    not fire it again.
    """
    when = " OR ".join(f"old.{c} IS NOT new.{c}" for c in watched) if watched else "1"
    return (
        *((f"ALTER TABLE {table} ADD COLUMN active INTEGER NOT NULL DEFAULT 1",) if add_active else ()),
        f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
        f"ALTER TABLE {table} ADD COLUMN updated_by TEXT NOT NULL DEFAULT ''",
        f"""CREATE TRIGGER {table}_version AFTER UPDATE ON {table}
        WHEN new.version = old.version AND ({when}) BEGIN
            UPDATE {table} SET version = old.version + 1 WHERE id = new.id;
        END""",
    )


def child_version_statements(child: str, parent: str, key: str) -> tuple[str, ...]:
    """Triggers that count a change of `child` rows (a ticket's team, work, parts) as a change of the parent."""
    return tuple(
        f"""CREATE TRIGGER {child}_{event.lower()}_version AFTER {event} ON {child} BEGIN
            UPDATE {parent} SET version = version + 1 WHERE id = {row}.{key};
        END"""
        for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old")))
