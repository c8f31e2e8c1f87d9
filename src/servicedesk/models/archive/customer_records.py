"""Customer records (客户档案): read, write and list customers.

The writes keep the search index in step (`search_index.reindex_customer`
in the same transaction); a customer with equipment or tickets is history
and is never deleted. Matching a customer from a sheet (by number and name,
or by name and phone) lives here because imports of every kind share it.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from collections.abc import MutableMapping
from typing import Any

import sqlite_utils

from servicedesk.models.archive.lazy_rows import RowsByKey
from servicedesk.models.archive.records import Customer, CustomerInput
from servicedesk.models.archive.search_index import (
    _customer_clause, _drop_from_grams, count_matching, customer_walk, reindex_customer,
)
from servicedesk.models.archive.validation import clean_customer
from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.core.record_guard import audit_deletion, check_unchanged, refuse_if_referenced, write_active
from servicedesk.models.core.settings import office_area_code, recorder
from servicedesk.models.core.validation import normalise_text, parse_phone


_CUSTOMER_FIELDS = frozenset(f.name for f in fields(Customer))


def _row_to_customer(row: dict[str, Any]) -> Customer:
    customer = Customer(**{k: v for k, v in row.items() if k in _CUSTOMER_FIELDS})
    customer.active = bool(customer.active)
    return customer


_CUSTOMER_ROW = "SELECT c.*, (SELECT count(*) FROM equipment e WHERE e.customer_id = c.id) AS equipment_count " \
                "FROM customers c"


def get_customer(db: sqlite_utils.Database, customer_id: int) -> Customer:
    rows = list(db.query(f"{_CUSTOMER_ROW} WHERE c.id = ?", [customer_id]))
    if not rows:
        raise NotFound(f"No customer with id {customer_id}.", "customer")
    return _row_to_customer(rows[0])


def customers_by_id(db: sqlite_utils.Database) -> MutableMapping[int, Customer]:
    """Every customer as get_customer reads it, in one query (sheets of thousands
    of rows); each made into its Customer when first read (lazy_rows)."""
    return RowsByKey.read(db, _CUSTOMER_ROW, make=_row_to_customer, key_columns=("id",))


def add_customer(db: sqlite_utils.Database, data: CustomerInput,
                 customer_id: int | None = None) -> Customer:
    """Archive a new customer; `customer_id` keeps a number from an exported
    sheet when this archive has no customer of that number (else a new one)."""
    clean = clean_customer(data, office_area_code(db))
    stamp = now_iso()
    with transaction(db):
        row = {**asdict(clean), "created_at": stamp, "updated_at": stamp}
        if customer_id and customer_id > 0 and db.execute(
                "SELECT 1 FROM customers WHERE id = ?", [customer_id]).fetchone() is None:
            row["id"] = customer_id
        cid = db["customers"].insert(row).last_pk
        reindex_customer(db, cid)
    return get_customer(db, cid)


def update_customer(db: sqlite_utils.Database, customer_id: int, data: CustomerInput,
                    loaded: Customer | None = None, who: str = "") -> Customer:
    """Store the customer's fields; `loaded` (the record as a dialog read it)
    makes the save refuse with ConflictError when anyone changed it since."""
    clean = clean_customer(data, office_area_code(db))
    get_customer(db, customer_id)
    with transaction(db):
        check_unchanged(db, "customers", customer_id, loaded, f"Customer {clean.name}")
        db["customers"].update(customer_id, {**asdict(clean), "updated_at": now_iso(),
                                             "updated_by": who or recorder(db)})
        reindex_customer(db, customer_id)
    return get_customer(db, customer_id)


def set_customer_active(db: sqlite_utils.Database, customer_id: int, active: bool, who: str = "") -> Customer:
    """Deactivate a customer with history (it leaves the pickers, keeps its tickets), or reactivate it."""
    with transaction(db):
        get_customer(db, customer_id)
        write_active(db, "customers", customer_id, active, who)
    return get_customer(db, customer_id)


def delete_customer(db: sqlite_utils.Database, customer_id: int, who: str = "") -> None:
    """Only a customer nothing refers to can be deleted; otherwise the message names
    every reference (equipment, tickets, follow-ups) and says to deactivate it."""
    with transaction(db):
        customer = get_customer(db, customer_id)
        refuse_if_referenced(db, "customer", customer_id)
        audit_deletion(db, f"customer {customer_id} {customer.name}", asdict(customer), who or recorder(db))
        _drop_from_grams(db, customer_id)
        db.execute("DELETE FROM customer_search WHERE customer_id = ?", [customer_id])
        db.execute("DELETE FROM customers WHERE id = ?", [customer_id])


def customer_numbered(db: sqlite_utils.Database, customer_id: object, name: str) -> Customer | None:
    """The customer with this number (客户编号) AND this name, or None.

    Sheets carry the number so same-name customers without a phone can be told
    apart; requiring the name as well means a sheet from another archive, whose
    numbers mean other customers, never lands on the wrong one.
    """
    try:
        number = int(customer_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    rows = list(db.query("SELECT * FROM customers WHERE id = ? AND name = ?",
                         [number, normalise_text(name)]))
    return _keepers(db, [_row_to_customer(rows[0])])[0] if rows else None


def _keepers(db: sqlite_utils.Database, rows: list[Customer]) -> list[Customer]:
    """Each customer, or the one it was merged into (issue 16), once each, in order."""
    out: dict[int, Customer] = {}
    for c in rows:
        keeper = get_customer(db, c.merged_into) if c.merged_into else c
        out.setdefault(keeper.id, keeper)
    return list(out.values())


def _named(db: sqlite_utils.Database, name: str) -> list[Customer]:
    return [_row_to_customer(r) for r in db.query(
        "SELECT * FROM customers WHERE name = ? ORDER BY id", [normalise_text(name)])]


def customers_named(db: sqlite_utils.Database, name: str) -> list[Customer]:
    """Every customer with exactly this name (after NFKC and trimming); a
    merged-in alias of that name stands for the customer it was merged into."""
    return _keepers(db, _named(db, name))


def find_customer(db: sqlite_utils.Database, name: str, phone: str = "") -> Customer:
    """Match by name, and by phone when given (two customers may share a name).

    Without a phone and with several of that name, the only one that has no
    phone is meant (that is how an export writes it); otherwise ask for the phone.
    """
    name = normalise_text(name)
    if not name:
        raise ValidationError("Customer name is required.", "customer")
    rows = _named(db, name)
    if phone:
        norm = parse_phone(phone, "phone", area_code=office_area_code(db))
        rows = [r for r in rows if norm in (r.phone, r.phone2)]
    rows = _keepers(db, rows)
    if not phone and len(rows) > 1:
        blank = [r for r in rows if not r.phone]
        if len(blank) == 1:
            rows = blank
    if not rows:
        raise NotFound(f'No customer "{name}"' + (f" with phone {phone}" if phone else "")
                       + " in the archive.", "customer")
    if len(rows) > 1:
        raise ValidationError(
            f'{len(rows)} customers are named "{name}"; give the phone to choose one.', "customer")
    return rows[0]


# Sortable columns of the customer list -> SQL (whitelist: never format user text into SQL).
CUSTOMER_ORDER = {
    "name": "c.name_sort", "contact": "c.contact", "phone": "c.phone", "address": "c.address",
    "region": "c.region", "dealer": "c.dealer", "updated_at": "c.updated_at", "updated": "c.updated_at",
    "created_at": "c.id", "id": "c.id", "equipment_count": "equipment_count",
}


def count_customers(db: sqlite_utils.Database, query: str = "") -> int:
    """How many customers match `query` (all customers when it is blank)."""
    counted = count_matching(db, query) if query.strip() else None
    if counted is not None:
        return counted
    where, params = _customer_clause(query)
    return db.execute(f"SELECT count(*) FROM customers c WHERE {where}", params).fetchone()[0]


def list_customers(db: sqlite_utils.Database, *, query: str = "", limit: int = 200, offset: int = 0,
                   order_by: str = "name", descending: bool = False) -> list[Customer]:
    """One page of the customer list, filtered by the search text, sorted by the database.

    Paged so the archive tab opens as fast with 30 000 customers as with 30;
    id breaks ties so pages never overlap or skip a row.
    """
    if order_by == "updated":
        descending = True
    column = CUSTOMER_ORDER.get(order_by, "c.name_sort")
    direction = "DESC" if descending else "ASC"
    where, params = _customer_clause(query)
    count_sql = "(SELECT count(*) FROM equipment e WHERE e.customer_id = c.id)"
    order = f"{column} {direction}, c.id {direction}".replace("equipment_count", count_sql)
    page_ids = _walked_page(db, query, limit, offset, descending) if column == "c.name_sort" else None
    if page_ids is not None:
        page, params = ", ".join("?" * len(page_ids)), page_ids
    else:
        # Pick the page's ids first (sorting only the sort keys of every match),
        # then read the full rows and unit counts of just those ids, sorting the
        # page again (a window numbering every match cost ~10 ms more on a broad term).
        page = f"SELECT c.id FROM customers c WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
        params = params + [limit, offset]
    rows = db.query(f"SELECT c.*, {count_sql} AS equipment_count FROM customers c WHERE c.id IN ({page}) "
                    f"ORDER BY {order}", params)
    return [_row_to_customer(r) for r in rows]


def _walked_page(db: sqlite_utils.Database, query: str, limit: int, offset: int,
                 descending: bool) -> list[int] | None:
    """The page's ids found by walking the name index (search_index.customer_walk),
    or None when the query is not broad enough or the walk ran out of visits
    before it filled the page (the caller then asks the index)."""
    walk = customer_walk(db, query, offset + limit) if query.strip() else None
    if walk is None:
        return None
    direction = "DESC" if descending else "ASC"
    # The inner query walks the index in order and stops after `visits` rows;
    # the outer one tests them as they come and stops at the page's end.
    ids = [r[0] for r in db.execute(
        f"SELECT c.id FROM (SELECT id, merged_into FROM customers WHERE +merged_into IS NULL "
        f"ORDER BY name_sort {direction}, id {direction} LIMIT ?) c "
        f"WHERE {walk.where} LIMIT ? OFFSET ?", [walk.visits, *walk.params, limit, offset])]
    return ids if len(ids) == limit or walk.visits_all else None


def known_values(db: sqlite_utils.Database, column: str, limit: int = 500) -> list[str]:
    """Distinct values already typed (models, regions, dealers) for the dialogs' completers."""
    source = {
        "model": "SELECT DISTINCT model FROM equipment ORDER BY model",
        "region": "SELECT DISTINCT region FROM customers WHERE region != '' ORDER BY region",
        "dealer": "SELECT dealer FROM customers WHERE dealer > '' UNION "   # ranges of both dealer indexes
                  "SELECT dealer FROM equipment WHERE dealer > '' ORDER BY 1",
        "title": "SELECT DISTINCT title FROM customers WHERE title != '' ORDER BY title",
    }.get(column)
    if source is None:
        raise ValueError(f"no known values for {column!r}")
    return [r[0] for r in db.execute(f"{source} LIMIT ?", [limit])]
