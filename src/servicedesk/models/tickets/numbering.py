"""Ticket numbers: department code + YYMM of the report + a sequence that never repeats.

One counter row per month prefix, bumped inside the transaction that inserts
the ticket; imported numbers move the counter up so they are never handed
out again.
"""

from __future__ import annotations

import re

import sqlite_utils

from servicedesk.models.core.settings import get_setting
from servicedesk.models.core.validation import normalise_text

# ---------------------------------------------------------------- numbering
_NO_RE = re.compile(r"^([A-Z]+\d{4})(\d+)$")


def number_prefix(db: sqlite_utils.Database, reported_at: str, code: str | None = None) -> str:
    """Department code + YY + MM of the reported time, e.g. YX2611."""
    code = numbering_settings(db)[0] if code is None else code
    return f"{code}{reported_at[2:4]}{reported_at[5:7]}"


def numbering_settings(db: sqlite_utils.Database) -> tuple[str, int]:
    """(department code, minimum digits) the numbers are made of: read once by
    a sheet of thousands of tickets instead of twice for each (issue 15)."""
    return (str(get_setting(db, "office.department_code", "YX")).strip().upper(),
            max(1, int(get_setting(db, "ticket.number_min_digits", 3))))


def split_number(no: str) -> tuple[str, int] | None:
    """'YX2611007' -> ('YX2611', 7); None when it does not look like our numbers."""
    m = _NO_RE.match(normalise_text(no).upper())
    return (m[1], int(m[2])) if m else None


def allocate_number(db: sqlite_utils.Database, reported_at: str, settings: tuple[str, int] | None = None) -> str:
    """Next number for the month of `reported_at`; call inside a transaction.

    The counter row is bumped in the same BEGIN IMMEDIATE transaction that
    inserts the ticket, so two clerks opening at the same moment queue on the
    write lock and get different numbers; the counter only goes up, so a
    cancelled (or rolled-back) number is never handed out again. The sequence
    has at least `ticket.number_min_digits` digits and simply grows beyond.
    `settings`: numbering_settings(db), when the caller already holds them.
    """
    code, digits = settings or numbering_settings(db)
    prefix = number_prefix(db, reported_at, code)
    while True:
        seq = db.execute(
            "INSERT INTO ticket_counters (prefix, last_seq) VALUES (?, 1) "
            "ON CONFLICT(prefix) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
            [prefix]).fetchone()[0]
        no = f"{prefix}{seq:0{digits}d}"
        # An imported number may already sit above the counter: skip it.
        if not db.execute("SELECT 1 FROM tickets WHERE no = ?", [no]).fetchone():
            return no


def reserve_number(db: sqlite_utils.Database, no: str) -> None:
    """Keep the month's counter at or above an existing (imported) number."""
    parts = split_number(no)
    if parts is None:
        return
    prefix, seq = parts
    db.execute(
        "INSERT INTO ticket_counters (prefix, last_seq) VALUES (?, ?) "
        "ON CONFLICT(prefix) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
        [prefix, seq])
