"""Schema steps for technicians and repair tickets (append-only).

Times are ISO-8601 local time 'YYYY-MM-DD HH:MM:SS'; money integer fen;
work quantities integer hundredths (1.5 sections -> 150) so nothing is float.
"""

from __future__ import annotations

from sqlite_utils import Migrations

from servicedesk.models.core.schema_steps import child_version_statements, record_version_statements, sql_step

MIGRATIONS = Migrations("tickets")


sql_step(MIGRATIONS, "0001_technicians_tickets",
    """CREATE TABLE technicians (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            phone TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT 'technician'
                CHECK (role IN ('technician', 'supervisor')),
            base_salary_fen INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    # Per department-code + YYMM counter: numbers are never reused, even
    # after a cancellation, because the counter only ever goes up.
    """CREATE TABLE ticket_counters (
            prefix TEXT PRIMARY KEY,
            last_seq INTEGER NOT NULL
        )""",
    """CREATE TABLE tickets (
            id INTEGER PRIMARY KEY,
            no TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL CHECK (type IN
                ('repair','installation','inspection','technical_service','complaint')),
            channel TEXT NOT NULL CHECK (channel IN
                ('hotline','regional_manager','dealer','online','walk_in')),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN
                ('open','dispatched','completed','reviewed','closed','cancelled')),
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            equipment_id INTEGER REFERENCES equipment(id),
            contact TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            requested_at TEXT,
            reported_at TEXT NOT NULL,
            fault TEXT NOT NULL DEFAULT '',
            recorder TEXT NOT NULL DEFAULT '',
            first_judgement TEXT NOT NULL DEFAULT '',
            fault_level INTEGER CHECK (fault_level IS NULL OR fault_level BETWEEN 1 AND 4),
            warranty TEXT CHECK (warranty IS NULL OR warranty IN ('in','out')),
            warranty_reason TEXT NOT NULL DEFAULT '',
            warranty_exclusion TEXT,
            warranty_override_reason TEXT NOT NULL DEFAULT '',
            dealer TEXT NOT NULL DEFAULT '',
            dealer_diagnosis TEXT NOT NULL DEFAULT '',
            dealer_selfcheck TEXT NOT NULL DEFAULT '',
            -- dispatch
            dispatched_at TEXT,
            transport TEXT NOT NULL DEFAULT '',
            departure_at TEXT,
            expected_return_at TEXT,
            tools TEXT NOT NULL DEFAULT '',
            carry_parts TEXT NOT NULL DEFAULT '',
            -- visit
            arrived_at TEXT,
            diagnosis TEXT NOT NULL DEFAULT '',
            cause TEXT NOT NULL DEFAULT '',
            measures TEXT NOT NULL DEFAULT '',
            result TEXT CHECK (result IS NULL OR result IN ('done','not_done')),
            repair_from TEXT,
            repair_to TEXT,
            completed_at TEXT,
            -- paid service quote inputs (fen / days)
            quote_transport_fen INTEGER NOT NULL DEFAULT 0,
            quote_lodging_days INTEGER NOT NULL DEFAULT 0,
            quote_meal_days INTEGER NOT NULL DEFAULT 0,
            quote_labour_days INTEGER NOT NULL DEFAULT 0,
            -- review / sign / close
            reviewed_by TEXT NOT NULL DEFAULT '',
            reviewed_at TEXT,
            review_notes TEXT NOT NULL DEFAULT '',
            customer_opinion TEXT NOT NULL DEFAULT '',
            customer_signature TEXT NOT NULL DEFAULT '',
            signed_at TEXT,
            complaint_accepted INTEGER,
            closed_at TEXT,
            cancelled_at TEXT,
            cancel_reason TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'intake',  -- 'intake' or 'import'
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    "CREATE INDEX idx_tickets_status ON tickets(status, reported_at)",
    "CREATE INDEX idx_tickets_reported ON tickets(reported_at)",
    "CREATE INDEX idx_tickets_completed ON tickets(completed_at)",
    "CREATE INDEX idx_tickets_customer ON tickets(customer_id)",
    "CREATE INDEX idx_tickets_equipment ON tickets(equipment_id, reported_at)",
    "CREATE INDEX idx_tickets_phone ON tickets(phone)",
    """CREATE TABLE ticket_technicians (
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            technician_id INTEGER NOT NULL REFERENCES technicians(id),
            is_leader INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (ticket_id, technician_id)
        )""",
    "CREATE INDEX idx_ticket_technicians_tech ON ticket_technicians(technician_id)",
    # Work done, from the work-hour catalog (pay area): code x quantity.
    """CREATE TABLE ticket_work (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            code TEXT NOT NULL,
            quantity_x100 INTEGER NOT NULL CHECK (quantity_x100 > 0),
            notes TEXT NOT NULL DEFAULT ''
        )""",
    "CREATE INDEX idx_ticket_work_ticket ON ticket_work(ticket_id)",
    # Parts used on the visit: kind 'warranty' (三包件, free) or 'bought'
    # (客户购买件). part_code refers to the parts master when it exists.
    """CREATE TABLE ticket_parts (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            part_code TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            spec TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL CHECK (kind IN ('warranty','bought')),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            unit_price_fen INTEGER NOT NULL DEFAULT 0
        )""",
    "CREATE INDEX idx_ticket_parts_ticket ON ticket_parts(ticket_id)",
    "CREATE INDEX idx_ticket_parts_code ON ticket_parts(part_code)",
    # The ticket's event log: when, who, what changed (old -> new).
    """CREATE TABLE ticket_events (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            at TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            field TEXT NOT NULL DEFAULT '',
            old TEXT NOT NULL DEFAULT '',
            new TEXT NOT NULL DEFAULT ''
        )""",
    "CREATE INDEX idx_ticket_events_ticket ON ticket_events(ticket_id, at)",
)


# Issue 17: a dialog's save compares the version it loaded (lost update
# between windows); a change of a ticket's team, work or parts lines counts
# as a change of the ticket.
sql_step(MIGRATIONS, "0002_technicians_tickets_version",
    *record_version_statements("technicians", add_active=False),
    *record_version_statements("tickets", add_active=False),
    *child_version_statements("ticket_technicians", "tickets", "ticket_id"),
    *child_version_statements("ticket_work", "tickets", "ticket_id"),
    *child_version_statements("ticket_parts", "tickets", "ticket_id"),
)
