"""Customers, their equipment, search and the warranty decision (DOMAIN §1).

This module is the archive area's public API: every name callers use is
importable from here (`from servicedesk.models.archive import customers as C`).
The code lives in cohesive modules beside it:

- `records`          — the dataclasses (CustomerInput/Customer, EquipmentInput/
                       Equipment, WarrantyDecision, SearchHit).
- `validation`       — field rules: all errors at once, cleaning, plate codes,
                       serial unique per model, the order of a plate's dates.
- `search_index`     — the search text, its two indexes, search and the shared
                       `search_clause`.
- `customer_records` — read/write/list customers, matching one from a sheet.
- `duplicates`       — possible duplicate customers (same phone, near-same name).
- `equipment`        — read/write/list equipment.
- `warranty`         — in or out of warranty on a day, with the reason in words.

Dependencies run one way (records <- validation, search_index <-
customer_records <- duplicates, equipment <- warranty), so there is no
import circle; this module only re-imports, and none of those modules imports
it back (archive/sheets and the schema's backfill import it like any caller).
"""

from __future__ import annotations

from servicedesk.models.archive.customer_records import (
    CUSTOMER_ORDER, add_customer, count_customers, customer_numbered, customers_by_id, customers_named,
    delete_customer, find_customer, get_customer, known_values, list_customers, set_customer_active, update_customer,
)
from servicedesk.models.archive.duplicates import possible_duplicates
from servicedesk.models.archive.equipment import (
    add_equipment, delete_equipment, equipment_by_plate, equipment_for_customer, find_equipment, get_equipment,
    plate_keys, set_equipment_active, update_equipment,
)
from servicedesk.models.archive.records import (
    Customer, CustomerInput, Equipment, EquipmentInput, SearchHit, WarrantyDecision,
)
from servicedesk.models.archive.search_index import (
    rebuild_search_index, reindex_customer, search, search_clause, search_grams,
)
from servicedesk.models.archive.validation import (
    DateOrderError, DateRangeError, DuplicateSerialError, clean_customer, clean_equipment, customer_errors, date_bounds,
    equipment_errors, normalise_code,
)
from servicedesk.models.archive.warranty import (
    EquipmentWarranty, add_months, equipment_with_warranty, warranty_end, warranty_status,
)

# The archive area's public API.
__all__ = [
    # dataclasses
    "CustomerInput", "Customer", "EquipmentInput", "Equipment", "WarrantyDecision", "SearchHit",
    # validation
    "DateOrderError", "DateRangeError", "DuplicateSerialError", "customer_errors", "clean_customer", "normalise_code",
    "clean_equipment", "equipment_errors", "date_bounds",
    # customers
    "get_customer", "add_customer", "update_customer", "delete_customer", "set_customer_active", "customer_numbered",
    "customers_named", "customers_by_id", "find_customer", "CUSTOMER_ORDER", "count_customers", "list_customers",
    "known_values",
    "possible_duplicates",
    # equipment
    "get_equipment", "find_equipment", "equipment_by_plate", "plate_keys", "equipment_for_customer", "add_equipment",
    "update_equipment",
    "delete_equipment", "set_equipment_active",
    # warranty
    "add_months", "warranty_end", "warranty_status", "EquipmentWarranty", "equipment_with_warranty",
    # search
    "search_grams", "reindex_customer", "rebuild_search_index", "search_clause", "search",
]
