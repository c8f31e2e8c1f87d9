"""Which record kinds can be templated, imported and exported.

Maps the KIND of `servicedesk template|import|export KIND` to the module
attribute holding its ExchangeKind, so each area owns its own sheet and the
CLI and GUI find them all in one place. Imported lazily: a kind's module is
loaded only when used.
"""

from __future__ import annotations

import importlib

from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.importing import ExchangeKind

KINDS: dict[str, str] = {
    "customers": "servicedesk.models.archive.sheets:CUSTOMERS",
    "equipment": "servicedesk.models.archive.sheets:EQUIPMENT",
    "technicians": "servicedesk.models.tickets.technicians:TECHNICIANS_SHEET",
    "tickets": "servicedesk.models.tickets.sheets:TICKETS_SHEET",
    "parts": "servicedesk.models.parts.ledger:PARTS_SHEET",
    "stockcount": "servicedesk.models.parts.stockcount:STOCKCOUNT_SHEET",
    "attendance": "servicedesk.models.pay.month:ATTENDANCE_SHEET",
    "followups": "servicedesk.models.followups.sheets:FOLLOWUPS_SHEET",
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
