"""Reading one ticket back: everything its screen, printed form and the CLI show.

`get_ticket` joins the customer and equipment, loads team, work, parts and
events, and works out deadlines, on-time, repeat repair, success and the
quote; `allowed_actions` says which steps the ticket screen enables.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import fields

import sqlite_utils

from servicedesk.models.core.errors import NotFound
from servicedesk.models.tickets import rules as R
from servicedesk.models.tickets.flow import _resolve_id
from servicedesk.models.tickets.lines import _load_parts, _load_work
from servicedesk.models.tickets.quote import _quote
from servicedesk.models.tickets.records import _ACTION_STATES, Event, Quote, TeamMember, TicketDetail

def _team(db: sqlite_utils.Database, ticket_id: int) -> list[TeamMember]:
    return [TeamMember(r[0], r[1], bool(r[2])) for r in db.execute(
        "SELECT tt.technician_id, t.name, tt.is_leader FROM ticket_technicians tt "
        "JOIN technicians t ON t.id = tt.technician_id WHERE tt.ticket_id = ? "
        "ORDER BY tt.is_leader DESC, tt.rowid", [ticket_id])]



# ---------------------------------------------------------------- reading
def _ts(value: _dt.datetime | None) -> str | None:
    return value.isoformat(sep=" ") if value else None


def get_ticket(db: sqlite_utils.Database, id_or_no: int | str, *, now: str | None = None) -> TicketDetail:
    """Everything the ticket screen, the printed form and the CLI show."""
    ticket_id = _resolve_id(db, id_or_no)
    rows = list(db.query(
        "SELECT t.*, c.name AS customer_name, e.model AS equipment_model, e.serial_no AS equipment_serial, "
        "e.factory_date AS equipment_factory_date, e.purchase_date AS equipment_purchase_date "
        "FROM tickets t JOIN customers c ON c.id = t.customer_id "
        "LEFT JOIN equipment e ON e.id = t.equipment_id WHERE t.id = ?", [ticket_id]))
    if not rows:
        raise NotFound(f"No ticket with id {ticket_id}.", "ticket")
    row = rows[0]
    known = {f.name for f in fields(TicketDetail)}
    detail = TicketDetail(**{k: v for k, v in row.items() if k in known})
    if row["complaint_accepted"] is not None:
        detail.complaint_accepted = bool(row["complaint_accepted"])
    detail.equipment_model = detail.equipment_model or ""
    detail.equipment_serial = detail.equipment_serial or ""
    detail.team = _team(db, ticket_id)
    detail.work = _load_work(db, ticket_id)
    detail.parts = _load_parts(db, ticket_id)
    detail.events = [Event(*r) for r in db.execute(
        "SELECT at, who, action, field, old, new FROM ticket_events WHERE ticket_id = ? ORDER BY id",
        [ticket_id])]
    limits = R.load_limits(db)
    level = detail.fault_level
    detail.response_deadline = _ts(R.response_deadline(detail.reported_at, level, limits))
    detail.onsite_deadline = _ts(R.onsite_deadline(detail.reported_at, level, limits))
    detail.on_time = R.is_on_time(level, detail.reported_at, detail.arrived_at, detail.completed_at, limits)
    if detail.status == "cancelled":
        detail.sla = "cancelled"
    else:
        detail.sla = R.sla_state(level, detail.reported_at, detail.arrived_at, detail.completed_at, limits,
                                 R.parse_ts(now) if now else None)
    nxt = None
    if detail.equipment_id and detail.completed_at:
        nxt = db.execute(
            "SELECT no, reported_at FROM tickets WHERE equipment_id = ? AND id != ? AND type = 'repair' "
            "AND status != 'cancelled' AND reported_at >= ? ORDER BY reported_at, id LIMIT 1",
            [detail.equipment_id, ticket_id, detail.completed_at]).fetchone()
    if nxt and R.is_repeat(detail.completed_at, nxt[1], limits):
        detail.repeat_ticket_no = nxt[0]
    detail.successful = R.is_successful(detail.result, detail.completed_at, nxt[1] if nxt else None, limits)
    detail.quote = _quote(db, detail)
    return detail


def allowed_actions(detail: TicketDetail) -> set[str]:
    """Which step buttons the ticket screen enables (the model functions
    enforce the same rules and say why when refused)."""
    status = detail.status
    allowed = {a for a, states in _ACTION_STATES.items() if status in states}
    if status == "open" and detail.fault_level == 4:
        allowed.add("visit")
    if "signoff" in allowed and not (detail.arrived_at or detail.result):
        allowed.discard("signoff")
    if "close" in allowed and detail.type == "complaint" and detail.complaint_accepted is None:
        allowed.discard("close")
    return allowed


def ticket_quote(db: sqlite_utils.Database, ticket_id: int) -> Quote:
    """The quote of a ticket, line by line (shown for out-of-warranty work)."""
    return get_ticket(db, ticket_id).quote  # type: ignore[return-value]
