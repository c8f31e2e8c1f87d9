"""Merging a customer registered twice (issue 16).

The same company is often archived twice (a typo, a second phone, an
import from another sheet). `merge_customers(keep, drop)` moves DROP's
equipment, tickets and follow-up calls to KEEP in one transaction; DROP
stays as a deactivated alias (`customers.merged_into`), so its name and
phones still find KEEP in every search and every import that names it, and
each merge is recorded in `customer_merges` with what it moved and a copy of
DROP's fields. Nothing is deleted: tickets keep the contact and phone they
were taken with.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import sqlite_utils

from servicedesk.models.archive.customer_records import get_customer
from servicedesk.models.archive.records import Customer
from servicedesk.models.archive.search_index import reindex_customer
from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.settings import recorder

# Tables whose rows belong to a customer, moved by a merge.
_OWNED = ("equipment", "tickets", "followups")


@dataclass(frozen=True)
class MergePlan:
    """What merging DROP into KEEP moves (shown before the clerk confirms)."""
    keep: Customer
    drop: Customer
    equipment: int
    tickets: int
    followups: int


def _counts(db: sqlite_utils.Database, customer_id: int) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t} WHERE customer_id = ?", [customer_id]).fetchone()[0]
            for t in _OWNED}


def merge_plan(db: sqlite_utils.Database, keep_id: int, drop_id: int) -> MergePlan:
    """Check that DROP can be merged into KEEP and say what would move."""
    if int(keep_id) == int(drop_id):
        raise ValidationError("A customer cannot be merged into itself.", "drop")
    keep, drop = get_customer(db, int(keep_id)), get_customer(db, int(drop_id))
    for who, field in ((keep, "keep"), (drop, "drop")):
        if who.merged_into:
            raise ValidationError(f"Customer {who.id} {who.name} was already merged into customer "
                                  f"{who.merged_into}.", field)
    return MergePlan(keep, drop, **_counts(db, drop.id))


def merge_customers(db: sqlite_utils.Database, keep_id: int, drop_id: int, who: str = "") -> MergePlan:
    """Move DROP's equipment, tickets and calls to KEEP; DROP becomes KEEP's alias.

    One transaction: all of it or nothing. Returns what was moved.
    """
    with transaction(db):
        plan = merge_plan(db, keep_id, drop_id)
        keep, drop = plan.keep.id, plan.drop.id
        for table in _OWNED:
            db.execute(f"UPDATE {table} SET customer_id = ? WHERE customer_id = ?", [keep, drop])
        stamp = now_iso()
        # Aliases of DROP become aliases of KEEP (no chains to follow).
        db.execute("UPDATE customers SET merged_into = ? WHERE merged_into = ?", [keep, drop])
        db.execute("UPDATE customers SET merged_into = ?, updated_at = ? WHERE id = ?", [keep, stamp, drop])
        db["customer_merges"].insert({
            "keep_id": keep, "drop_id": drop, "merged_at": stamp, "recorder": who or recorder(db),
            "equipment": plan.equipment, "tickets": plan.tickets, "followups": plan.followups,
            "dropped": json.dumps({k: v for k, v in asdict(plan.drop).items()
                                   if k not in ("equipment_count", "merged_into")}, ensure_ascii=False),
        })
        reindex_customer(db, keep)
        reindex_customer(db, drop)
    return plan


def merges_of(db: sqlite_utils.Database, customer_id: int) -> list[dict]:
    """The recorded merges into this customer, oldest first (for its history)."""
    return [dict(r) for r in db.query(
        "SELECT * FROM customer_merges WHERE keep_id = ? ORDER BY id", [customer_id])]
