"""Which record kinds can be templated, imported and exported.

Maps the KIND of `servicedesk template|import|export KIND` to the module
attribute holding its ExchangeKind, so each area owns its own sheet and the
CLI and GUI find them all in one place. Imported lazily: a kind's module is
loaded only when used.
"""

from __future__ import annotations

import importlib

from servicedesk.models.errors import ValidationError
from servicedesk.models.importing import ExchangeKind

KINDS: dict[str, str] = {
    "customers": "servicedesk.models.customer_sheets:CUSTOMERS",
    "equipment": "servicedesk.models.customer_sheets:EQUIPMENT",
    "technicians": "servicedesk.models.technicians:TECHNICIANS_SHEET",
    "tickets": "servicedesk.models.ticket_import:TICKETS_SHEET",
    "parts": "servicedesk.models.parts:PARTS_SHEET",
    "stockcount": "servicedesk.models.stockcount:STOCKCOUNT_SHEET",
    "attendance": "servicedesk.models.pay:ATTENDANCE_SHEET",
    "followups": "servicedesk.models.followups:FOLLOWUPS_SHEET",
}


def get_kind(kind: str) -> ExchangeKind:
    target = KINDS.get(kind)
    if target is None:
        raise ValidationError(f"Unknown kind {kind!r}; choose one of: {', '.join(KINDS)}", "kind")
    module, attr = target.split(":")
    try:
        return getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError) as exc:
        raise ValidationError(f"Kind {kind!r} is not available in this version ({exc}).", "kind") from exc
