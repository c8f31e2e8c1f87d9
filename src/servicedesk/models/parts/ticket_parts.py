"""The ledger as seen from a ticket: its recorded parts kept in step with stock, and its parts cost.

`sync_ticket_parts` is what tickets call inside the visit/cancel/reopen
transaction (and the ticket import with --move-stock), so a ticket's
recorded parts and the stock they took always agree; `ticket_moves` and
`ticket_parts_cost` read a ticket's lines back for its detail and forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from servicedesk.models.core.db import transaction
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.parts.moves import MOVE_SELECT, TICKET_KINDS, Move, _post, _row_to_move, _time
from servicedesk.models.parts.part_master import _part_row


@dataclass
class TicketCostLine:
    part_code: str
    part_name: str
    part_spec: str
    unit: str
    qty: int
    amount_fen: int


@dataclass
class TicketPartsCost:
    ticket_id: int
    lines: list[TicketCostLine] = field(default_factory=list)

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)


def sync_ticket_parts(db: sqlite_utils.Database, ticket_id: int, who: str = "",
                      at: str | None = None) -> None:
    """Make the ledger's issues for this ticket match its recorded parts.

    Called by tickets inside the visit/cancel/reopen transaction (and by the
    ticket import with --move-stock, at = the completion time). For every
    part code the ticket's net issued quantity (issue + exchange - return
    lines) is made equal to the sum of its `ticket_parts` rows (0 when the
    ticket is cancelled); only the difference is posted, as an issue or a
    return line, so an edited or cancelled visit is reversed by a new line.
    Rows without a part code (free text) move no stock; a code that is not in
    the parts master is refused, naming it. Not enough stock -> DomainError,
    and the caller's whole transaction rolls back.
    """
    when = _time(at)
    with transaction(db):
        ticket = db.execute("SELECT id, no, status FROM tickets WHERE id = ?", [ticket_id]).fetchone()
        if ticket is None:
            raise NotFound(f"No ticket with id {ticket_id}.", "ticket")
        _tid, ticket_no, status = ticket
        wanted: dict[int, int] = {}
        if status != "cancelled":
            rows = db.execute(
                "SELECT tp.part_code, SUM(tp.quantity), p.id FROM ticket_parts tp "
                "LEFT JOIN parts p ON p.code = tp.part_code "
                "WHERE tp.ticket_id = ? AND tp.part_code <> '' GROUP BY tp.part_code", [ticket_id]).fetchall()
            unknown = [code for code, _q, pid in rows if pid is None]
            if unknown:
                raise ValidationError(f"Part code {', '.join(unknown)} is not in the parts list "
                                      "(add the part first, or leave the code empty for a part "
                                      "not kept in stock).", "parts")
            wanted = {pid: qty for _code, qty, pid in rows}
        held = dict(db.execute(
            f"SELECT part_id, -SUM(qty) FROM stock_moves WHERE ticket_id = ? AND kind IN {TICKET_KINDS} "
            "GROUP BY part_id", [ticket_id]).fetchall())
        leader = db.execute(
            "SELECT tt.technician_id, t.name FROM ticket_technicians tt JOIN technicians t "
            "ON t.id = tt.technician_id WHERE tt.ticket_id = ? ORDER BY tt.is_leader DESC, "
            "tt.technician_id LIMIT 1", [ticket_id]).fetchone()
        tech_id, tech_name = (leader[0], leader[1]) if leader else (None, "")
        # Returns first, so a changed visit frees stock before taking more.
        changes = sorted(((pid, wanted.get(pid, 0) - held.get(pid, 0))
                          for pid in set(wanted) | set(held)), key=lambda c: (c[1], c[0]))
        for pid, diff in changes:
            if diff == 0:
                continue
            row = _part_row(db, pid)
            if diff > 0:
                _post(db, row, "issue", -diff, when, who, ticket_id=ticket_id, technician_id=tech_id,
                      recipient=tech_name, reason=f"工单 {ticket_no} 用料")
            else:
                price = db.execute(
                    "SELECT unit_price_fen FROM stock_moves WHERE ticket_id = ? AND part_id = ? "
                    "AND qty < 0 ORDER BY id DESC LIMIT 1", [ticket_id, pid]).fetchone()
                reason = "工单取消冲回" if status == "cancelled" else "工单用料变更冲回"
                _post(db, row, "return", -diff, when, who, ticket_id=ticket_id, technician_id=tech_id,
                      recipient=tech_name, unit_price_fen=price[0] if price else None,
                      reason=f"{reason} {ticket_no}")


def ticket_moves(db: sqlite_utils.Database, ticket_id: int) -> list[Move]:
    """Every ledger line of a ticket (issues, returns, exchanges, old parts)."""
    return [_row_to_move(r) for r in db.query(MOVE_SELECT + " WHERE m.ticket_id = ? ORDER BY m.at, m.id",
                                              [ticket_id])]


def ticket_parts_cost(db: sqlite_utils.Database, ticket_id: int) -> TicketPartsCost:
    """Per-ticket parts cost: net quantity used x the price on its ledger lines."""
    rows = db.execute(
        f"SELECT p.code, p.name, p.spec, p.unit, -SUM(m.qty), -SUM(m.qty * m.unit_price_fen) "
        f"FROM stock_moves m JOIN parts p ON p.id = m.part_id "
        f"WHERE m.ticket_id = ? AND m.kind IN {TICKET_KINDS} GROUP BY p.id ORDER BY p.code",
        [ticket_id]).fetchall()
    return TicketPartsCost(ticket_id, [TicketCostLine(*r) for r in rows if r[4] != 0 or r[5] != 0])
