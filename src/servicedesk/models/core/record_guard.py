"""What keeps the records a dialog edits safe (issue 17): lost updates and deleted history.

- Lost update: a dialog loads a record, the clerk types, and meanwhile
  another window, the command line or an import stores a change. Each such
  table has a `version` that a trigger raises on every change (schema steps
  built by core/schema_steps.record_version_statements); the write function
  given the record as the dialog loaded it calls `check_unchanged` inside its
  transaction and refuses with ConflictError naming who, when and which
  fields, so nothing is set back silently.
- Deleted history: customers, equipment, parts and technicians that other
  rows refer to are deactivated, never deleted. `references` counts every
  row that refers to a record (every foreign key in the file, found through
  PRAGMA foreign_key_list, so a table added later is counted too, plus the
  part code tickets record as text); `refuse_if_referenced` turns them into
  one InUseError that names each ("1 planned inspection, 3 tickets"), never
  SQLite's bare "FOREIGN KEY constraint failed".
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

import sqlite_utils

from servicedesk.models.core.errors import ConflictError, InUseError

# Columns a conflict never lists: bookkeeping, not what the clerk typed.
_BOOKKEEPING = {"id", "version", "updated_at", "updated_by", "created_at", "balance", "last_move_at"}

# The clerk's word for a column (each has its Chinese in messages_zh_CN/records_safety.tsv).
FIELD_LABELS = {
    "name": "Name", "contact": "Contact person", "title": "Title", "phone": "Phone",
    "phone2": "Second phone", "address": "Address", "region": "Region", "dealer": "Dealer",
    "notes": "Notes", "active": "Active", "customer_id": "Customer", "model": "Model",
    "serial_no": "Serial number", "quantity": "Quantity", "factory_date": "Factory date",
    "purchase_date": "Purchase date", "delivery_date": "Delivery date", "acceptance_date": "Acceptance date",
    "invoice_no": "Invoice number", "first_site": "First site", "project_name": "Project name",
    "project_no": "Project number", "warranty_months": "Warranty months", "code": "Part code",
    "spec": "Specification", "unit": "Unit", "price_fen": "Price", "location": "Location",
    "safety_stock": "Safety stock", "role": "Role", "base_salary_fen": "Base salary",
    "type": "Type", "channel": "Channel", "status": "Status", "equipment_id": "Equipment",
    "requested_at": "Requested time", "reported_at": "Report time", "fault": "Fault",
    "recorder": "Recorder", "first_judgement": "First judgement", "fault_level": "Fault level",
    "warranty": "Warranty", "warranty_reason": "Warranty", "dispatched_at": "Dispatch time",
    "transport": "Transport", "departure_at": "Departure", "expected_return_at": "Expected return",
    "tools": "Tools", "carry_parts": "Parts carried", "arrived_at": "Arrival time",
    "diagnosis": "Diagnosis", "cause": "Cause", "measures": "Measures", "result": "Result",
    "repair_from": "Repair start", "repair_to": "Repair end", "completed_at": "Completion time",
    "reviewed_by": "Reviewer", "review_notes": "Review notes", "customer_opinion": "Customer opinion",
    "customer_signature": "Customer signature",
}


def _same(loaded: object, stored: object) -> bool:
    if isinstance(loaded, bool) or isinstance(stored, bool):
        return bool(loaded) == bool(stored)
    if loaded in (None, "") and stored in (None, ""):
        return True
    return loaded == stored


def changed_fields(loaded: Any, row: dict[str, Any]) -> list[str]:
    """The clerk's words for the columns whose stored value differs from the loaded record."""
    names = [f.name for f in fields(loaded)] if is_dataclass(loaded) else list(vars(loaded))
    out: list[str] = []
    for name in names:
        if name in _BOOKKEEPING or name not in row or _same(getattr(loaded, name), row[name]):
            continue
        label = FIELD_LABELS.get(name, name)
        if label not in out:
            out.append(label)
    return out


def check_unchanged(db: sqlite_utils.Database, table: str, record_id: int, loaded: Any | None,
                    what: str) -> None:
    """Refuse (ConflictError) when the row changed since `loaded` was read; None: no check.

    Call inside the write's transaction (BEGIN IMMEDIATE holds the write lock,
    so nobody can change the row between this check and the write).
    `loaded.version` is the version the dialog read.
    """
    if loaded is None:
        return
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [record_id]))
    if not rows or rows[0]["version"] == getattr(loaded, "version", None):
        return
    row = rows[0]
    raise ConflictError(what, row.get("updated_by") or "another user", row.get("updated_at") or "?",
                        changed_fields(loaded, row))


# ---------------------------------------------------------------- references
def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _followup_uses(db: sqlite_utils.Database, column: str, record_id: int) -> list[str]:
    """Follow-ups by what the clerk would call them: planned inspections, planned calls, done ones."""
    out = []
    for label, clause in ((("planned inspection", "planned inspections"), "kind = 'inspection' AND status = 'pending'"),
                          (("planned follow-up call", "planned follow-up calls"),
                           "kind != 'inspection' AND status = 'pending'"),
                          (("follow-up record", "follow-up records"), "status != 'pending'")):
        n = db.execute(f"SELECT count(*) FROM followups WHERE {column} = ? AND {clause}", [record_id]).fetchone()[0]
        if n:
            out.append(_plural(n, *label))
    return out


# (referring table, column) -> how to count it in words; tables not listed
# are counted as "N rows in <table>" so a reference is never missed.
_USES = {
    "equipment": ("unit of equipment", "units of equipment"),
    "tickets": ("ticket", "tickets"),
    "ticket_technicians": ("ticket", "tickets"),
    "stock_moves": ("stock ledger line", "stock ledger lines"),
    "stock_count_lines": ("stock count line", "stock count lines"),
    "pay_attendance": ("attendance month", "attendance months"),
    "pay_deduction_persons": ("pay deduction", "pay deductions"),
    "pay_adjustments": ("pay adjustment", "pay adjustments"),
    "pay_reimbursements": ("reimbursement", "reimbursements"),
    "pay_disputes": ("pay dispute", "pay disputes"),
}


def references(db: sqlite_utils.Database, table: str, record_id: int) -> list[str]:
    """Every row that refers to `table` row `record_id`, counted in words ([] = no history).

    Foreign keys with ON DELETE CASCADE are the record's own index rows
    (search text), not history, and are left out.
    """
    uses: list[str] = []
    counted: dict[tuple[str, str], int] = {}
    others = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "ORDER BY name")]
    for other in others:
        for fk in db.execute(f"PRAGMA foreign_key_list({other})").fetchall():
            target, column, on_delete = fk[2], fk[3], fk[6]
            if target != table or on_delete == "CASCADE":
                continue
            if other == "followups":
                uses += _followup_uses(db, column, record_id)
                continue
            if other == "tickets" and column not in ("customer_id", "equipment_id"):
                continue
            n = db.execute(f"SELECT count(*) FROM {other} WHERE {column} = ?", [record_id]).fetchone()[0]
            if n:
                words = _USES.get(other)
                key = words or (f"row in {other}", f"rows in {other}")
                counted[key] = counted.get(key, 0) + n
    if table == "parts":  # tickets record the part by its code (text), not by a key
        n = db.execute("SELECT count(*) FROM ticket_parts WHERE part_code = "
                       "(SELECT code FROM parts WHERE id = ?)", [record_id]).fetchone()[0]
        if n:
            key = ("ticket part line", "ticket part lines")
            counted[key] = counted.get(key, 0) + n
    return [_plural(n, *key) for key, n in counted.items()] + uses


# kind -> (table, the record in words) for the four kinds a clerk may delete.
_DELETABLE = {
    "customer": ("customers", lambda r: f"Customer {r['name']}"),
    "equipment": ("equipment", lambda r: f"Equipment {r['model']} {r['serial_no']}"),
    "part": ("parts", lambda r: f"Part {r['code']}"),
    "technician": ("technicians", lambda r: f"Technician {r['name']}"),
}


def deletion_refusal(db: sqlite_utils.Database, kind: str, record_id: int) -> InUseError | None:
    """Why `kind` record `record_id` cannot be deleted (every reference named), or None.

    The delete functions raise it; the GUI asks first, so its question can
    offer only 停用 for a record with history and Delete as well otherwise.
    """
    table, words = _DELETABLE[kind]
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [record_id]))
    if not rows:
        return None
    uses = references(db, table, record_id)
    return InUseError(words(rows[0]), uses, kind) if uses else None


def refuse_if_referenced(db: sqlite_utils.Database, kind: str, record_id: int) -> None:
    """Raise `deletion_refusal` when the record has history; nothing when it has none."""
    refusal = deletion_refusal(db, kind, record_id)
    if refusal is not None:
        raise refusal


def audit_deletion(db: sqlite_utils.Database, target: str, old: dict[str, Any], who: str = "") -> None:
    """Write the deletion to the audit trail, inside the deleting transaction
    (the deleted row's values as `old`, so the record can be read back)."""
    from servicedesk.models.core.audit import record_action

    record_action(db, "delete", target, json.dumps(old, ensure_ascii=False, default=str), None, who or None)


def write_active(db: sqlite_utils.Database, table: str, record_id: int, active: bool, who: str = "") -> None:
    """停用 or 启用 a customer, unit, part or technician: the one flag and the
    bookkeeping, inside the caller's transaction after it checked the record
    exists. History keeps referring to a deactivated record."""
    from servicedesk.models.core.settings import recorder
    from servicedesk.models.core.transactions import now_iso

    db[table].update(record_id, {"active": int(bool(active)), "updated_at": now_iso(),
                                 "updated_by": who or recorder(db)})
