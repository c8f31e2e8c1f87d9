"""Equipment records (产品档案): read, write and list a customer's equipment.

Serial numbers are unique per model and every write refreshes the owner's
search text in the same transaction; equipment with tickets is history and
is never deleted. The field rules are in `validation`.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from collections.abc import MutableMapping
from typing import Any

import sqlite_utils

from servicedesk.models.archive.customer_records import get_customer
from servicedesk.models.archive.lazy_rows import RowsByKey
from servicedesk.models.archive.records import Equipment, EquipmentInput
from servicedesk.models.archive.search_index import reindex_customer
from servicedesk.models.archive.validation import _check_serial_unique, _normalise_code, clean_equipment, date_bounds
from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound
from servicedesk.models.core.record_guard import audit_deletion, check_unchanged, refuse_if_referenced, write_active
from servicedesk.models.core.settings import recorder
from servicedesk.models.core.validation import normalise_text


_EQUIPMENT_FIELDS = frozenset(f.name for f in fields(Equipment))


def _row_to_equipment(row: dict[str, Any]) -> Equipment:
    equipment = Equipment(**{k: v for k, v in row.items() if k in _EQUIPMENT_FIELDS})
    equipment.active = bool(equipment.active)
    return equipment


def get_equipment(db: sqlite_utils.Database, equipment_id: int) -> Equipment:
    rows = list(db.query(
        "SELECT e.*, c.name AS customer_name FROM equipment e JOIN customers c ON c.id = e.customer_id "
        "WHERE e.id = ?", [equipment_id]))
    if not rows:
        raise NotFound(f"No equipment with id {equipment_id}.", "equipment")
    return _row_to_equipment(rows[0])


def plate_keys(model: str, serial_no: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """The (model, serial) pairs a typed plate is looked for as, in order: as
    the archive writes codes, then as typed (a unit stored before codes were
    normalised)."""
    return ((_normalise_code(model), _normalise_code(serial_no)), (normalise_text(model), normalise_text(serial_no)))


def find_equipment(db: sqlite_utils.Database, model: str, serial_no: str) -> Equipment | None:
    """The equipment with this model + serial (written any way the plate is typed), or None."""
    for key in plate_keys(model, serial_no):
        row = db.execute("SELECT id FROM equipment WHERE model = ? AND serial_no = ?", list(key)).fetchone()
        if row is not None:
            return get_equipment(db, row[0])
    return None


def equipment_by_plate(db: sqlite_utils.Database) -> MutableMapping[tuple[str, str], Equipment]:
    """Every unit by its stored (model, serial_no), in one query: for a sheet of
    thousands of rows, where find_equipment per row would be thousands. Each
    is made into its Equipment when first read (lazy_rows)."""
    return RowsByKey.read(
        db, "SELECT e.*, c.name AS customer_name FROM equipment e JOIN customers c ON c.id = e.customer_id",
        make=_row_to_equipment, key_columns=("model", "serial_no"))


def equipment_for_customer(db: sqlite_utils.Database, customer_id: int) -> list[Equipment]:
    rows = db.query(
        "SELECT e.*, c.name AS customer_name FROM equipment e JOIN customers c ON c.id = e.customer_id "
        "WHERE e.customer_id = ? ORDER BY e.model, e.serial_no", [customer_id])
    return [_row_to_equipment(r) for r in rows]


def add_equipment(db: sqlite_utils.Database, data: EquipmentInput) -> Equipment:
    """Register one piece of equipment under its customer (serial unique per model)."""
    clean = clean_equipment(data, date_bounds(db))
    stamp = now_iso()
    with transaction(db):
        get_customer(db, clean.customer_id)
        _check_serial_unique(db, clean, None)
        eid = db["equipment"].insert({**asdict(clean), "created_at": stamp, "updated_at": stamp}).last_pk
        reindex_customer(db, clean.customer_id)
    return get_equipment(db, eid)


def update_equipment(db: sqlite_utils.Database, equipment_id: int, data: EquipmentInput,
                     loaded: Equipment | None = None, who: str = "") -> Equipment:
    """Store the unit's fields; `loaded` (the record as a dialog read it)
    makes the save refuse with ConflictError when anyone changed it since."""
    clean = clean_equipment(data, date_bounds(db))
    with transaction(db):
        old = get_equipment(db, equipment_id)
        check_unchanged(db, "equipment", equipment_id, loaded, f"Equipment {old.model} {old.serial_no}")
        get_customer(db, clean.customer_id)
        _check_serial_unique(db, clean, equipment_id)
        db["equipment"].update(equipment_id, {**asdict(clean), "updated_at": now_iso(),
                                              "updated_by": who or recorder(db)})
        reindex_customer(db, clean.customer_id)
        if old.customer_id != clean.customer_id:
            reindex_customer(db, old.customer_id)
    return get_equipment(db, equipment_id)


def set_equipment_active(db: sqlite_utils.Database, equipment_id: int, active: bool,
                         who: str = "") -> Equipment:
    """Deactivate a unit with history (scrapped, sold on: it leaves the pickers), or reactivate it."""
    with transaction(db):
        get_equipment(db, equipment_id)
        write_active(db, "equipment", equipment_id, active, who)
    return get_equipment(db, equipment_id)


def delete_equipment(db: sqlite_utils.Database, equipment_id: int, who: str = "") -> None:
    """Only a unit nothing refers to can be deleted; otherwise the message names every
    reference (tickets, planned inspections, follow-ups) and says to deactivate it."""
    with transaction(db):
        eq = get_equipment(db, equipment_id)
        refuse_if_referenced(db, "equipment", equipment_id)
        audit_deletion(db, f"equipment {equipment_id} {eq.model} {eq.serial_no}", asdict(eq),
                        who or recorder(db))
        db.execute("DELETE FROM equipment WHERE id = ?", [equipment_id])
        reindex_customer(db, eq.customer_id)
