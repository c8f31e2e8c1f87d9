"""Schema steps of the audit trail (append-only; never edit a released step).

`audit_log` is written by models/core/audit.py only and never changed:
triggers refuse UPDATE and DELETE, so not even a hand-typed SQL statement
can rewrite who did what (only replacing the whole file could, and restore
is itself audited). `setting_versions` keeps every value a PIN-protected
setting (the pay rates) has had with the month it takes effect, so a month's
pay is computed with the rates in force in that month.
"""

from __future__ import annotations

from sqlite_utils import Migrations

from servicedesk.models.core.schema_steps import sql_step

MIGRATIONS = Migrations("audit")

sql_step(MIGRATIONS, "0001_audit_log_setting_versions",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        who TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        old TEXT,
        new TEXT
    )""",
    "CREATE INDEX idx_audit_log_at ON audit_log(at)",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
    END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
    END""",
    """CREATE TABLE setting_versions (
        key TEXT NOT NULL,
        effective_month TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (key, effective_month)
    )""",
)
