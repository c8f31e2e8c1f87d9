"""Technician pay (DOMAIN §4). To be built by the pay area."""

from __future__ import annotations

import sqlite_utils


def ensure_ticket_editable(db: sqlite_utils.Database, ticket_id: int) -> None:
    """Raise LockedError when the ticket feeds an approved (locked) pay month.

    Called by tickets before changing a ticket's team, work, result or times.
    Not built yet: no-op.
    """
