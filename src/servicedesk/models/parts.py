"""Parts master and stock ledger (DOMAIN §3). To be built by the parts area."""

from __future__ import annotations

import sqlite_utils


def sync_ticket_parts(db: sqlite_utils.Database, ticket_id: int, who: str = "",
                      at: str | None = None) -> None:
    """Make the ledger's issues for this ticket match its recorded parts.

    Called by tickets inside the visit/cancel transaction (and by the ticket
    import with --move-stock, at = the completion time). Posts only the
    difference as new lines (issue, or return/reversal); refuses with a
    DomainError if book stock would go negative. Not built yet: no-op.
    """
