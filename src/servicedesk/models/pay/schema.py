"""Schema steps for the pay area (append-only; never edit a released step).

Design choices that the tables carry:
- The work-hour catalog is data (work_catalog) and its rates are VERSIONED
  (work_catalog_rates, one row per code and effective-from time). A ticket's
  work is valued with the rate in force at the ticket's completion time, so a
  re-rate applies to work completed after it and never to earlier work.
- Approving a month stores the computed figures as a JSON snapshot in
  pay_months and lists every ticket behind them in pay_month_tickets: a locked
  month shows exactly what was approved, whatever changes later, and the
  ticket list makes "is this ticket locked?" one indexed lookup.
- Deductions are charged per person (pay_deduction_persons) with the amount
  fixed when recorded (NULL only for a major accident, whose amount is the
  job's performance pay and is computed with the month).
"""

from __future__ import annotations

from sqlite_utils import Migrations

from servicedesk.models.core.schema_steps import execute_all

MIGRATIONS = Migrations("pay")

# Seeded catalog rates start here: before any work the program will see.
CATALOG_EPOCH = "2000-01-01 00:00:00"


@MIGRATIONS(name="0001_pay")
def _m0001(db):
    execute_all(db, (
        """CREATE TABLE work_catalog (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            unit TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            sort_order INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        # hours for the first unit; further_hours_x100 (if set) for each unit
        # after the first at the same site (welding: 4 + 2 x (n - 1)).
        """CREATE TABLE work_catalog_rates (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL REFERENCES work_catalog(code),
            effective_from TEXT NOT NULL,
            hours_x100 INTEGER NOT NULL CHECK (hours_x100 >= 0),
            further_hours_x100 INTEGER CHECK (further_hours_x100 IS NULL OR further_hours_x100 >= 0),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            UNIQUE (code, effective_from)
        )""",
        """CREATE TABLE pay_months (
            month TEXT PRIMARY KEY,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'locked')),
            approved_at TEXT,
            approved_by TEXT NOT NULL DEFAULT '',
            snapshot TEXT,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE pay_month_tickets (
            month TEXT NOT NULL,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            PRIMARY KEY (month, ticket_id)
        )""",
        "CREATE INDEX idx_pay_month_tickets_ticket ON pay_month_tickets(ticket_id)",
        """CREATE TABLE pay_attendance (
            month TEXT NOT NULL,
            technician_id INTEGER NOT NULL REFERENCES technicians(id),
            days_worked INTEGER NOT NULL CHECK (days_worked >= 0),
            long_trip_days INTEGER NOT NULL DEFAULT 0 CHECK (long_trip_days >= 0),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (month, technician_id)
        )""",
        """CREATE TABLE pay_deductions (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            month TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN
                ('missing_document', 'small_accident', 'major_accident', 'defect', 'other')),
            detail TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            items INTEGER NOT NULL DEFAULT 1 CHECK (items >= 1),
            cost_fen INTEGER NOT NULL DEFAULT 0,
            occurred_on TEXT,
            source TEXT NOT NULL DEFAULT '',
            voided INTEGER NOT NULL DEFAULT 0,
            void_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_pay_deductions_month ON pay_deductions(month)",
        "CREATE INDEX idx_pay_deductions_ticket ON pay_deductions(ticket_id)",
        """CREATE TABLE pay_deduction_persons (
            deduction_id INTEGER NOT NULL REFERENCES pay_deductions(id),
            technician_id INTEGER NOT NULL REFERENCES technicians(id),
            amount_fen INTEGER,
            waived INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (deduction_id, technician_id)
        )""",
        "CREATE INDEX idx_pay_deduction_persons_tech ON pay_deduction_persons(technician_id)",
        """CREATE TABLE pay_adjustments (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL,
            technician_id INTEGER NOT NULL REFERENCES technicians(id),
            ticket_id INTEGER REFERENCES tickets(id),
            hours_x100 INTEGER NOT NULL DEFAULT 0,
            amount_fen INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_pay_adjustments_month ON pay_adjustments(month)",
        """CREATE TABLE pay_reimbursements (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL,
            technician_id INTEGER NOT NULL REFERENCES technicians(id),
            ticket_id INTEGER NOT NULL REFERENCES tickets(id),
            amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_pay_reimbursements_month ON pay_reimbursements(month)",
        """CREATE TABLE pay_disputes (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL,
            technician_id INTEGER NOT NULL REFERENCES technicians(id),
            line_kind TEXT NOT NULL CHECK (line_kind IN
                ('work', 'deduction', 'adjustment', 'reimbursement', 'attendance')),
            ticket_id INTEGER REFERENCES tickets(id),
            ref_id INTEGER,
            reason TEXT NOT NULL,
            raised_at TEXT NOT NULL,
            raised_by TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'rejected')),
            outcome TEXT NOT NULL DEFAULT '',
            resolved_at TEXT,
            resolved_by TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_pay_disputes_month ON pay_disputes(month, status)",
        """CREATE TABLE pay_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            month TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_pay_log_month ON pay_log(month, at)",
        # The manager's PIN hash lives apart from settings so it is never
        # listed or exported with the business settings.
        """CREATE TABLE pay_secrets (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        # Dealer billing inputs for a dispatch to a dealer's customer (000 §四).
        """CREATE TABLE dealer_billing (
            ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id),
            dealer TEXT NOT NULL DEFAULT '',
            transport_fen INTEGER NOT NULL DEFAULT 0 CHECK (transport_fen >= 0),
            days INTEGER NOT NULL DEFAULT 0 CHECK (days >= 0),
            persons INTEGER NOT NULL DEFAULT 1 CHECK (persons >= 1),
            mode TEXT NOT NULL DEFAULT 'prepay' CHECK (mode IN ('prepay', 'deduct')),
            notes TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT ''
        )""",
    ))
    _seed_catalog(db)


def _seed_catalog(db) -> None:
    """Copy the shipped catalog (standards.WORK_CATALOG) into a new file."""
    from servicedesk.models.core.db import now_iso
    from servicedesk.models.core.standards import WORK_CATALOG

    stamp = now_iso()
    for order, (code, (name, unit, hours, further)) in enumerate(WORK_CATALOG.items(), start=1):
        db.execute(
            "INSERT INTO work_catalog (code, name, unit, active, sort_order, created_at, updated_at) "
            "VALUES (?, ?, ?, 1, ?, ?, ?)", [code, name, unit, order * 10, stamp, stamp])
        db.execute(
            "INSERT INTO work_catalog_rates (code, effective_from, hours_x100, further_hours_x100, "
            "created_at, created_by) VALUES (?, ?, ?, ?, ?, 'standards')",
            [code, CATALOG_EPOCH, hours, further, stamp])
