"""Parts master and stock ledger (DOMAIN §3). To be built by the parts area."""

from __future__ import annotations

import sqlite_utils


def sync_ticket_parts(db: sqlite_utils.Database, ticket_id: int, who: str = "") -> None:
    """Make the ledger's issues for this ticket match its recorded parts.

    Called by tickets inside the visit/cancel transaction. Not built yet: no-op.
    """
