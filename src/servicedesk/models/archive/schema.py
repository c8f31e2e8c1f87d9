"""Schema steps for settings, customers, equipment and their search index.

Steps are append-only: never edit a released step, add a new one.
"""

from __future__ import annotations

from sqlite_utils import Migrations

from servicedesk.models.core.schema_steps import record_version_statements, sql_step, text_search_tables

MIGRATIONS = Migrations("core")


sql_step(MIGRATIONS, "0001_settings_customers_equipment",
    """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    """CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            contact TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            phone2 TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            dealer TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    "CREATE INDEX idx_customers_name ON customers(name)",
    "CREATE INDEX idx_customers_phone ON customers(phone)",
    "CREATE INDEX idx_customers_dealer ON customers(dealer)",
    """CREATE TABLE equipment (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            model TEXT NOT NULL,
            serial_no TEXT NOT NULL,
            quantity INTEGER NOT NULL DEFAULT 1,
            factory_date TEXT,
            purchase_date TEXT,
            delivery_date TEXT,
            acceptance_date TEXT,
            invoice_no TEXT NOT NULL DEFAULT '',
            first_site TEXT NOT NULL DEFAULT '',
            project_name TEXT NOT NULL DEFAULT '',
            project_no TEXT NOT NULL DEFAULT '',
            dealer TEXT NOT NULL DEFAULT '',
            warranty_months INTEGER,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (model, serial_no)
        )""",
    "CREATE INDEX idx_equipment_customer ON equipment(customer_id)",
    "CREATE INDEX idx_equipment_serial ON equipment(serial_no)",
    # One row of searchable text per customer (its own fields plus its
    # equipment), indexed by an FTS5 trigram table for substring search.
    *text_search_tables("customer_search", "customer_id", "customers(id)", "customer_fts"),
)


@MIGRATIONS(name="0002_customer_grams")
def _m0002(db):
    """Index of 1- and 2-character pieces for short search terms (张三, 王, 38).

    The trigram index cannot match terms shorter than three characters; a
    LIKE scan over 30 000 customers costs 15-30 ms per keystroke. This
    contentless FTS5 table holds each customer's distinct unigrams and bigrams
    as tokens (models.customers.search_grams) and answers in well under 1 ms.
    Kept in step by models.customers.reindex_customer; filled here from the
    existing search text.
    """
    from servicedesk.models.archive.customers import search_grams

    db.execute(
        "CREATE VIRTUAL TABLE customer_grams USING fts5("
        "grams, content='', tokenize='unicode61 remove_diacritics 0', detail='none')"
    )
    rows = [(cid, search_grams(text)) for cid, text in
            db.execute("SELECT customer_id, text FROM customer_search").fetchall()]
    db.conn.executemany("INSERT INTO customer_grams (rowid, grams) VALUES (?, ?)", rows)


# Issue 17: a customer or a unit with history is deactivated, never deleted;
# a dialog's save compares the version it loaded (lost update between windows).
sql_step(MIGRATIONS, "0003_customers_equipment_active_version",
    *record_version_statements("customers", add_active=True),
    *record_version_statements("equipment", add_active=True),
)


sql_step(MIGRATIONS, "0004_customer_name_sort",
    # Each name's pinyin sort key (王 wáng before 张 zhāng, issue 16), indexed so
    # the paged list sorts by it as fast as it sorted by name; filled by 0006.
    "ALTER TABLE customers ADD COLUMN name_sort TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX idx_customers_name_sort ON customers(name_sort, id)",
)


sql_step(MIGRATIONS, "0005_customer_merges",
    # A merged customer stays as an alias of the one it was merged into
    # (issue 16): its name and phones still find that customer, and the
    # merge is recorded with what it moved.
    "ALTER TABLE customers ADD COLUMN merged_into INTEGER REFERENCES customers(id)",
    "CREATE INDEX idx_customers_merged_into ON customers(merged_into)",
    """CREATE TABLE customer_merges (
            id INTEGER PRIMARY KEY,
            keep_id INTEGER NOT NULL REFERENCES customers(id),
            drop_id INTEGER NOT NULL REFERENCES customers(id),
            merged_at TEXT NOT NULL,
            recorder TEXT NOT NULL DEFAULT '',
            equipment INTEGER NOT NULL DEFAULT 0,
            tickets INTEGER NOT NULL DEFAULT 0,
            followups INTEGER NOT NULL DEFAULT 0,
            dropped TEXT NOT NULL DEFAULT '{}'
        )""",
)


@MIGRATIONS(name="0006_customer_search_pinyin")
def _m0006(db):
    """Refill the customer search text and both its indexes, and name_sort (issue 16).

    The text gains the full pinyin and initials of name and contact (wjg /
    wangjianguo find 王建国) and the names and phones of merged-in aliases.
    The refill is the archive's own rebuild, so it must stay the LAST step
    that changes the customers' columns it reads: a later step that adds a
    column the rebuild reads must come with its own refill step.
    """
    from servicedesk.models.archive.search_index import rebuild_search_index

    rebuild_search_index(db)


# Issue 15: the dealers' list (the KPI's per-dealer lines, the dialogs'
# completer) from the two dealer indexes alone, not a scan of every unit.
sql_step(MIGRATIONS, "0007_equipment_dealer_index",
    "CREATE INDEX idx_equipment_dealer ON equipment(dealer)",
)
