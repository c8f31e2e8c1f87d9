"""The archive's dataclasses: customers, equipment, a warranty decision, a search hit.

One place for these shapes, because every archive module (validation, the
customer and equipment records, warranty, search) and the tickets area pass
them across their boundaries; they hold no rules beyond a derived property.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class CustomerInput:
    name: str
    contact: str = ""
    title: str = ""
    phone: str = ""
    phone2: str = ""
    address: str = ""
    region: str = ""
    dealer: str = ""
    notes: str = ""


@dataclass
class Customer(CustomerInput):
    id: int = 0
    created_at: str = ""
    updated_at: str = ""
    equipment_count: int = 0
    merged_into: int | None = None   # merged into that customer: an alias, not listed (issue 16)
    active: bool = True        # False: deactivated (history kept, left out of pickers)
    version: int = 0           # what a dialog's save compares (models/core/record_guard.py)
    updated_by: str = ""


@dataclass
class EquipmentInput:
    customer_id: int
    model: str
    serial_no: str
    quantity: int = 1
    factory_date: str | None = None
    purchase_date: str | None = None
    delivery_date: str | None = None
    acceptance_date: str | None = None
    invoice_no: str = ""
    first_site: str = ""
    project_name: str = ""
    project_no: str = ""
    dealer: str = ""
    warranty_months: int | None = None
    notes: str = ""


@dataclass
class Equipment(EquipmentInput):
    id: int = 0
    created_at: str = ""
    updated_at: str = ""
    customer_name: str = ""
    active: bool = True        # False: deactivated (history kept, left out of pickers)
    version: int = 0           # what a dialog's save compares (models/core/record_guard.py)
    updated_by: str = ""


@dataclass(frozen=True)
class WarrantyDecision:
    in_warranty: bool
    reason: str                  # in words, Chinese, as printed on the ticket
    start: str | None = None
    end: str | None = None
    exclusion: str | None = None
    overridden: bool = False

    @property
    def code(self) -> str:
        return "in" if self.in_warranty else "out"


@dataclass(frozen=True)
class SearchHit:
    customer_id: int
    name: str
    contact: str
    phone: str
    address: str
    dealer: str
    equipment: list[dict[str, Any]] = field(default_factory=list)   # each with "active"
    active: bool = True       # False: deactivated, shown with a mark, not offered for a new ticket


_CUSTOMER_FIELDS = [f.name for f in fields(CustomerInput)]
_EQUIPMENT_FIELDS = [f.name for f in fields(EquipmentInput)]
