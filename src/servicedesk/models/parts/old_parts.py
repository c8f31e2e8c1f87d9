"""Old-for-new exchange (以旧换新) and the faulty parts that must come back (旧件待返).

The new part goes out as a negative 'exchange' line; the faulty part is
pending until `book_old_part` posts a zero-quantity 'old_in' line referring
to the exchange. It is due back `parts.old_part_return_hours` (16 h, DOMAIN
§2) after the later of the exchange and the end of the ticket's repair (the
technician's return). Kept apart from `moves` because the due-time rule and
the pending list are their own subject (dashboard, old-parts sheet).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from servicedesk.models.core.db import transaction
from servicedesk.models.core.errors import NotFound, StateError, ValidationError
from servicedesk.models.core.settings import get_setting
from servicedesk.models.core.validation import normalise_text
from servicedesk.models.parts.moves import Move, _post, _qty, _recipient, _time, get_move
from servicedesk.models.parts.part_master import _part_row


@dataclass
class OldPart:
    exchange_id: int
    part_id: int
    part_code: str
    part_name: str
    part_spec: str
    qty: int
    old_serial: str
    old_condition: str
    exchanged_at: str
    ticket_id: int | None
    ticket_no: str | None
    technician_id: int | None
    technician_name: str | None
    recipient: str
    due_at: str
    overdue_hours: int               # > 0: overdue by that many whole hours

    @property
    def holder(self) -> str:
        return self.technician_name or self.recipient or ""

    @property
    def overdue(self) -> bool:
        return self.overdue_hours > 0


def exchange(db: sqlite_utils.Database, part: int | str, qty: int, *, who: str = "", at: str | None = None,
             ticket: int | str | None = None, technician_id: int | None = None, recipient: str = "",
             old_serial: str = "", old_condition: str = "", reason: str = "") -> Move:
    """以旧换新: the new part goes out now; the faulty one is pending until booked back."""
    n = _qty(qty)
    when = _time(at)
    serial, condition = normalise_text(old_serial), normalise_text(old_condition)
    if not serial and not condition:
        raise ValidationError("Record the old part's serial number or its condition.", "old_condition")
    with transaction(db):
        row = _part_row(db, part)
        tech_id, name, ticket_id, _no = _recipient(db, technician_id, recipient, ticket)
        if not name and ticket_id is None:
            raise ValidationError("Say who takes the new part (a technician or a name) or which ticket "
                                  "it is for.", "recipient")
        return _post(db, row, "exchange", -n, when, who, ticket_id=ticket_id, technician_id=tech_id,
                     recipient=name, old_serial=serial, old_condition=condition,
                     reason=normalise_text(reason))


def book_old_part(db: sqlite_utils.Database, exchange_id: int, *, who: str = "", at: str | None = None,
                  condition: str = "", reason: str = "") -> Move:
    """Book the faulty part of an exchange back into the warehouse (旧件入库).

    Zero quantity: old parts are kept apart from usable stock."""
    when = _time(at)
    with transaction(db):
        ex = db.execute("SELECT * FROM stock_moves WHERE id = ?", [exchange_id]).fetchone()
        if ex is None:
            raise NotFound(f"No ledger line {exchange_id}.", "exchange")
        ex = get_move(db, exchange_id)
        if ex.kind != "exchange":
            raise StateError(f"Line {exchange_id} is not an old-for-new exchange.", "exchange")
        if db.execute("SELECT 1 FROM stock_moves WHERE exchange_id = ? AND kind = 'old_in'",
                      [exchange_id]).fetchone():
            raise StateError(f"The old part of line {exchange_id} ({ex.part_code}) is already booked back.",
                             "exchange")
        if when < ex.at:
            raise ValidationError(f"The old part cannot come back ({when}) before the exchange ({ex.at}).", "at")
        row = _part_row(db, ex.part_id)
        return _post(db, row, "old_in", 0, when, who, ticket_id=ex.ticket_id, technician_id=ex.technician_id,
                     recipient=ex.recipient, old_serial=ex.old_serial,
                     old_condition=normalise_text(condition) or ex.old_condition, exchange_id=exchange_id,
                     unit_price_fen=0, reason=normalise_text(reason))


# --------------------------------------------------------------- old parts
def old_part_return_hours(db: sqlite_utils.Database) -> int:
    """Hours after the technician's return within which a faulty part must be
    booked back (DOMAIN §2: 16 h; setting parts.old_part_return_hours)."""
    return int(get_setting(db, "parts.old_part_return_hours", 16) or 16)


def old_parts_pending(db: sqlite_utils.Database, now: str | None = None,
                      technician_id: int | None = None) -> list[OldPart]:
    """Faulty parts of exchanges not yet booked back, most overdue first.

    Due = the later of the exchange and the ticket's repair end (the
    technician's return) + `parts.old_part_return_hours` (16 h, DOMAIN §2)."""
    hours = old_part_return_hours(db)
    moment = _time(now, "now")
    params: list[Any] = [hours]
    tech_clause = ""
    if technician_id is not None:
        tech_clause = " AND e.technician_id = ?"
        params.append(technician_id)
    rows = db.execute(
        f"""SELECT e.id, e.part_id, p.code, p.name, p.spec, -e.qty, e.old_serial, e.old_condition, e.at,
                   e.ticket_id, t.no, e.technician_id, tech.name, e.recipient,
                   datetime(MAX(e.at, COALESCE(t.repair_to, t.completed_at, e.at)), '+' || ? || ' hours')
                       AS due_at
            FROM stock_moves e
            JOIN parts p ON p.id = e.part_id
            LEFT JOIN tickets t ON t.id = e.ticket_id
            LEFT JOIN technicians tech ON tech.id = e.technician_id
            WHERE e.kind = 'exchange' AND e.reverses_id IS NULL{tech_clause}
              AND NOT EXISTS (SELECT 1 FROM stock_moves r WHERE r.exchange_id = e.id AND r.kind = 'old_in')
            ORDER BY due_at, e.id""", params).fetchall()
    now_dt = _dt.datetime.fromisoformat(moment)
    out = []
    for r in rows:
        due = _dt.datetime.fromisoformat(r[14])
        overdue = int((now_dt - due).total_seconds() // 3600) if now_dt > due else 0
        if now_dt > due and overdue == 0:
            overdue = 1  # any part of an hour late is late
        out.append(OldPart(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                           r[12], r[13], r[14], overdue))
    return out


def old_parts_summary(db: sqlite_utils.Database, now: str | None = None) -> tuple[int, int]:
    """(pending, overdue) old parts, for the dashboard."""
    pending = old_parts_pending(db, now)
    return len(pending), sum(1 for p in pending if p.overdue)
