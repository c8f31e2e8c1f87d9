"""Schema steps for the followups area (append-only; never edit a released step).

- `followups`: the schedule — one row per planned call or on-site inspection
  (巡检). Calls are tied to the ticket that caused them; an inspection is tied
  to a piece of equipment and, once done, the next one is planned (a repeating
  plan per equipment).
- `followup_calls`: every call attempt, reached or not, with the answers. The
  KPI counts the reached ones by their call time; an unreached attempt stays
  in the log (the equipment history shows it) and its follow-up is moved on.
- `kpi_sends`: each time a month's workbook went to head office — the file's
  SHA-256 and the figures as sent, so a later change to the data behind a sent
  month can be detected by recomputing and comparing.
"""

from __future__ import annotations

from sqlite_utils import Migrations

from servicedesk.models.core.schema_steps import sql_step

MIGRATIONS = Migrations("followups")


sql_step(MIGRATIONS, "0001_followups_calls_kpi_sends",
    """CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN (
                'install_first','install_second','install_third',
                'service_first','service_second','satisfaction','inspection','extra')),
            ticket_id INTEGER REFERENCES tickets(id),
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            equipment_id INTEGER REFERENCES equipment(id),
            due_from TEXT NOT NULL,          -- earliest moment it should be done
            due_at TEXT NOT NULL,            -- latest moment: after this it is overdue
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending','done','cancelled')),
            attempts INTEGER NOT NULL DEFAULT 0,   -- unreached call attempts so far
            done_at TEXT,
            done_by TEXT NOT NULL DEFAULT '',
            result_notes TEXT NOT NULL DEFAULT '',   -- inspection findings
            inspection_ticket_id INTEGER REFERENCES tickets(id),
            cancel_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    # Idempotent scheduling: one call of each kind per ticket.
    """CREATE UNIQUE INDEX idx_followups_ticket_kind ON followups(ticket_id, kind)
           WHERE ticket_id IS NOT NULL AND kind NOT IN ('inspection', 'extra')""",
    # The repeating inspection plan: at most one open inspection per unit.
    """CREATE UNIQUE INDEX idx_followups_inspection_open ON followups(equipment_id)
           WHERE kind = 'inspection' AND status = 'pending'""",
    "CREATE INDEX idx_followups_due ON followups(status, due_from)",
    "CREATE INDEX idx_followups_due_at ON followups(due_at)",
    "CREATE INDEX idx_followups_equipment ON followups(equipment_id, kind)",
    "CREATE INDEX idx_followups_customer ON followups(customer_id)",
    "CREATE INDEX idx_followups_ticket ON followups(ticket_id)",
    """CREATE TABLE followup_calls (
            id INTEGER PRIMARY KEY,
            followup_id INTEGER NOT NULL REFERENCES followups(id),
            called_at TEXT NOT NULL,
            caller TEXT NOT NULL DEFAULT '',
            reached INTEGER NOT NULL CHECK (reached IN (0, 1)),
            usage TEXT NOT NULL DEFAULT '',
            quality TEXT NOT NULL DEFAULT '',
            dealer_opinion TEXT NOT NULL DEFAULT '',
            office_opinion TEXT NOT NULL DEFAULT '',
            satisfaction TEXT CHECK (satisfaction IS NULL OR satisfaction IN
                ('very_satisfied','satisfied','neutral','dissatisfied')),
            suggestions TEXT NOT NULL DEFAULT '',
            complaint TEXT NOT NULL DEFAULT '',
            complaint_ticket_id INTEGER REFERENCES tickets(id),
            notes TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'call' CHECK (source IN ('call','import')),
            created_at TEXT NOT NULL
        )""",
    "CREATE INDEX idx_followup_calls_called ON followup_calls(called_at, reached)",
    "CREATE INDEX idx_followup_calls_followup ON followup_calls(followup_id, called_at)",
    "CREATE INDEX idx_followup_calls_complaint ON followup_calls(complaint_ticket_id)",
    """CREATE TABLE kpi_sends (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL,             -- YYYY-MM
            sent_at TEXT NOT NULL,
            sent_by TEXT NOT NULL DEFAULT '',
            file_name TEXT NOT NULL DEFAULT '',
            workbook_sha256 TEXT NOT NULL,
            figures TEXT NOT NULL            -- JSON, the shape of `kpi --json`
        )""",
    "CREATE INDEX idx_kpi_sends_month ON kpi_sends(month, sent_at)",
)


# The due list (pending, by deadline) and the done list (newest first) read
# these in order, so a page never sorts the whole table.
sql_step(MIGRATIONS, "0002_list_indexes",
    "CREATE INDEX idx_followups_status_due_at ON followups(status, due_at)",
    "CREATE INDEX idx_followups_status_done ON followups(status, done_at)",
)


# The checksum over the month's figures that the workbook carries (see
# models/kpi/checksum.py): head office's roll-up checks the same value.
# Sends recorded before this step have '' (not known).
sql_step(MIGRATIONS, "0003_kpi_sends_figures_sha256",
    "ALTER TABLE kpi_sends ADD COLUMN figures_sha256 TEXT NOT NULL DEFAULT ''",
)
