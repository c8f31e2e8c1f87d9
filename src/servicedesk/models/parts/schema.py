"""Schema steps for the parts area (append-only; never edit a released step).

Design of the stock ledger (DOMAIN §3):
- `parts.balance` is the book stock, kept in the same transaction as every
  ledger line, so reading a balance never sums 500 000 lines. A CHECK keeps it
  from ever going negative even if a bug slipped past the model's own check.
- `stock_moves` is append-only: triggers refuse UPDATE and DELETE, so a
  correction is always a new line (a reversal or an adjustment).
- `balance_after` is the part's book stock right after the line was POSTED
  (posting order = id order). Lines may be backdated (historical import at a
  completion time); then the point-in-time stock is SUM(qty) over lines with
  `at` <= that time, and the model refuses a backdated line that would make
  any point in time negative.
- Booking a faulty part back (old_in) is a zero-quantity line: an old part is
  kept apart from usable stock (it goes back to the maker or to scrap).
"""

from __future__ import annotations

from sqlite_utils import Migrations

from servicedesk.models.core.schema_steps import record_version_statements, sql_step

MIGRATIONS = Migrations("parts")


sql_step(MIGRATIONS, "0001_parts_ledger_counts",
    """CREATE TABLE parts (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            spec TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '个',
            price_fen INTEGER NOT NULL DEFAULT 0 CHECK (price_fen >= 0),
            location TEXT NOT NULL DEFAULT '',
            safety_stock INTEGER NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
            active INTEGER NOT NULL DEFAULT 1,
            balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
            last_move_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    "CREATE INDEX idx_parts_name ON parts(name)",
    "CREATE INDEX idx_parts_low ON parts(active, safety_stock, balance)",
    """CREATE TABLE stock_moves (
            id INTEGER PRIMARY KEY,
            part_id INTEGER NOT NULL REFERENCES parts(id),
            at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN
                ('receipt','issue','return','exchange','old_in','scrap','adjust')),
            qty INTEGER NOT NULL CHECK (qty <> 0 OR kind = 'old_in'),
            balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
            unit_price_fen INTEGER NOT NULL DEFAULT 0,
            who TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            ticket_id INTEGER REFERENCES tickets(id),
            technician_id INTEGER REFERENCES technicians(id),
            recipient TEXT NOT NULL DEFAULT '',
            supplier TEXT NOT NULL DEFAULT '',
            document_no TEXT NOT NULL DEFAULT '',
            old_serial TEXT NOT NULL DEFAULT '',
            old_condition TEXT NOT NULL DEFAULT '',
            exchange_id INTEGER REFERENCES stock_moves(id),
            reverses_id INTEGER REFERENCES stock_moves(id),
            count_id INTEGER REFERENCES stock_counts(id),
            created_at TEXT NOT NULL
        )""",
    "CREATE INDEX idx_moves_part_at ON stock_moves(part_id, at)",
    "CREATE INDEX idx_moves_at ON stock_moves(at)",
    "CREATE INDEX idx_moves_kind_at ON stock_moves(kind, at)",
    "CREATE INDEX idx_moves_ticket ON stock_moves(ticket_id, part_id) WHERE ticket_id IS NOT NULL",
    "CREATE INDEX idx_moves_technician ON stock_moves(technician_id, at) WHERE technician_id IS NOT NULL",
    # One booking-back per exchange line, even if two clerks click at once.
    "CREATE UNIQUE INDEX idx_moves_old_in ON stock_moves(exchange_id) WHERE kind = 'old_in'",
    "CREATE UNIQUE INDEX idx_moves_reverses ON stock_moves(reverses_id) WHERE reverses_id IS NOT NULL",
    """CREATE TRIGGER stock_moves_no_update BEFORE UPDATE ON stock_moves BEGIN
            SELECT RAISE(ABORT, 'stock ledger lines are never changed: post a correcting line');
        END""",
    """CREATE TRIGGER stock_moves_no_delete BEFORE DELETE ON stock_moves BEGIN
            SELECT RAISE(ABORT, 'stock ledger lines are never deleted: post a correcting line');
        END""",
    # Stock counts (盘点): book quantities as of the end of count_date.
    """CREATE TABLE stock_counts (
            id INTEGER PRIMARY KEY,
            count_date TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open','completed','posted')),
            source TEXT NOT NULL DEFAULT 'gui' CHECK (source IN ('gui','import')),
            notes TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL,
            started_by TEXT NOT NULL DEFAULT '',
            completed_at TEXT,
            completed_by TEXT NOT NULL DEFAULT '',
            posted_at TEXT,
            posted_by TEXT NOT NULL DEFAULT ''
        )""",
    "CREATE INDEX idx_stock_counts_date ON stock_counts(count_date)",
    "CREATE INDEX idx_stock_counts_status ON stock_counts(status)",
    """CREATE TABLE stock_count_lines (
            count_id INTEGER NOT NULL REFERENCES stock_counts(id),
            part_id INTEGER NOT NULL REFERENCES parts(id),
            book_qty INTEGER NOT NULL,
            counted_qty INTEGER CHECK (counted_qty IS NULL OR counted_qty >= 0),
            counted_at TEXT,
            counted_by TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (count_id, part_id)
        )""",
    "CREATE INDEX idx_stock_count_lines_part ON stock_count_lines(part_id)",
)


# Point-in-time stock (sums of qty per part by date) read from the index alone.
sql_step(MIGRATIONS, "0002_moves_part_index_covers_qty",
    "CREATE INDEX idx_moves_part_at_qty ON stock_moves(part_id, at, qty)",
    "DROP INDEX idx_moves_part_at",
)


# Issue 17: the part dialog's save compares the version it loaded; only the
# master data counts (a ledger line moving the balance is no conflict).
sql_step(MIGRATIONS, "0003_parts_version",
    *record_version_statements("parts", add_active=False, watched=(
        "code", "name", "spec", "unit", "price_fen", "location", "safety_stock", "active")),
)
