"""Schema steps for the printing area (append-only; never edit a released step)."""

from __future__ import annotations

from sqlite_utils import Migrations

from servicedesk.models.core.schema_steps import sql_step

MIGRATIONS = Migrations("printing")


sql_step(MIGRATIONS, "0001_print_log",
    # Every form printed or saved as PDF, per ticket. reprint_no is the
    # number of earlier prints of the same form for that ticket (0 = the
    # original; 1 = first 补打 ...), stored so the log reads back exactly
    # what was printed on the paper.
    """CREATE TABLE print_log (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            form TEXT NOT NULL CHECK (form IN ('repair','outside','info')),
            layout TEXT NOT NULL DEFAULT '',
            target TEXT NOT NULL DEFAULT '',
            printed_at TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT '',
            reprint_no INTEGER NOT NULL DEFAULT 0 CHECK (reprint_no >= 0)
        )""",
    "CREATE INDEX idx_print_log_ticket ON print_log(ticket_id, form, printed_at)",
)
