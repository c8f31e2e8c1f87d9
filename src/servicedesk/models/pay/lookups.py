"""Tickets and technicians as pay sees them: who a deduction or refund concerns.

The pay dialogs pick a ticket (with its team) or a technician by name; the
corrections and attendance modules check the same records before writing.
Read-only queries over the tickets area's tables, kept in pay so that pay
does not import the tickets model (tickets import pay, not the other way).
"""

from __future__ import annotations

import sqlite_utils

from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.core.validation import normalise_text
from servicedesk.models.pay.records import TicketRef

def _technician(db: sqlite_utils.Database, technician_id: int) -> tuple[int, str, str, int]:
    row = db.execute("SELECT id, name, role, active FROM technicians WHERE id = ?", [technician_id]).fetchone()
    if row is None:
        raise NotFound(f"No technician with id {technician_id}.", "technician")
    return row


def find_technician_id(db: sqlite_utils.Database, name: str, field: str = "technician") -> int:
    text = normalise_text(name)
    if not text:
        raise ValidationError("Technician name is required.", field)
    row = db.execute("SELECT id FROM technicians WHERE name = ?", [text]).fetchone()
    if row is None:
        raise NotFound(f'No technician named "{text}" in the register.', field)
    return row[0]


# ====================================================================== tickets for pay dialogs
def find_ticket(db: sqlite_utils.Database, id_or_no: int | str) -> TicketRef:
    """A ticket with its team, for choosing whom a deduction or refund concerns."""
    if isinstance(id_or_no, int):
        row = db.execute("SELECT t.id, t.no, t.type, t.status, t.result, t.completed_at, COALESCE(c.name,'') "
                         "FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?",
                         [id_or_no]).fetchone()
    else:
        row = db.execute("SELECT t.id, t.no, t.type, t.status, t.result, t.completed_at, COALESCE(c.name,'') "
                         "FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.no = ?",
                         [normalise_text(id_or_no).upper()]).fetchone()
    if row is None:
        raise NotFound(f"No ticket {id_or_no}.", "ticket")
    team = [(r[0], r[1], bool(r[2])) for r in db.execute(
        "SELECT tt.technician_id, te.name, tt.is_leader FROM ticket_technicians tt "
        "JOIN technicians te ON te.id = tt.technician_id WHERE tt.ticket_id = ? ORDER BY tt.is_leader DESC, tt.rowid",
        [row[0]])]
    return TicketRef(*row, team=team)


def active_technicians(db: sqlite_utils.Database) -> list[tuple[int, str, str]]:
    return [tuple(r) for r in db.execute(
        "SELECT id, name, role FROM technicians WHERE active = 1 ORDER BY role != 'supervisor', id")]
