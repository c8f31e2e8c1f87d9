"""Schema steps for the ticket_search area (append-only; never edit a released step)."""

from __future__ import annotations

from sqlite_utils import Migrations

MIGRATIONS = Migrations("ticket_search")
