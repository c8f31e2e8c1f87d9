"""Follow-up calls and inspections (DOMAIN §5). To be built by the follow-ups area."""

from __future__ import annotations

import sqlite_utils


def schedule_for_ticket(db: sqlite_utils.Database, ticket_id: int) -> None:
    """Create the follow-up calls this ticket's state calls for (idempotent).

    Called by tickets after completion and after closing. Not built yet: no-op.
    """
