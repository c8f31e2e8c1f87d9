"""Billing a dealer for a technician the office dispatched (000 §四, DOMAIN §4).

Work a dealer should do itself is normally not dispatched; when the office
does send people, the dealer pays the travel standard plus work hours:
    round-trip transport (as spent)
  + lodging          dealer.lodging_per_day_fen          x days x persons
  + meals            dealer.meals_per_day_fen            x days x persons
  + local transport  dealer.local_transport_per_day_fen  x days x persons
  + work hours       the job's standard hours x dealer.rate_per_hour_fen
(fen, each line rounded half-up once). The statement is signed by the dealer
(需经销商签字的费用核算表) and settled by direct payment (直接预付) or deducted
by head-office finance (财务代扣).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from servicedesk.models.pay.catalog import load_rates
from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.pay.month import (
    COUNTED_STATUSES, TYPE_LABELS, _log, hours_text, money_for_hours, month_bounds, parse_month, qty_text,
    free_text,
)
from servicedesk.models.core.settings import get_settings
from servicedesk.models.core.validation import normalise_text, parse_int

MODES = {"prepay": "直接预付", "deduct": "财务代扣"}


@dataclass
class DealerTravelInput:
    transport_fen: int = 0
    days: int = 0
    persons: int | None = None        # default: the ticket's team size
    mode: str = "prepay"
    dealer: str = ""                  # default: the ticket's (or customer's) dealer
    notes: str = ""


@dataclass
class StatementLine:
    label: str
    basis: str                        # how it was worked out, in words
    amount_fen: int


@dataclass
class DealerStatement:
    ticket_id: int
    ticket_no: str
    ticket_type: str
    dealer: str
    customer: str
    address: str
    equipment: str
    completed_at: str | None
    team: list[str]
    hours_x100: int
    work: list[tuple[str, str, int]]  # (name, quantity text, hours x100)
    days: int
    persons: int
    transport_fen: int
    mode: str
    notes: str
    recorded: bool                    # travel inputs were entered
    lines: list[StatementLine] = field(default_factory=list)

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @property
    def mode_label(self) -> str:
        return MODES.get(self.mode, self.mode)


def _clean(data: DealerTravelInput) -> dict:
    transport = parse_int(data.transport_fen, "transport_fen", default=0, minimum=0)
    days = parse_int(data.days, "days", default=0, minimum=0)
    persons = parse_int(data.persons, "persons", minimum=1) if data.persons is not None else None
    if data.mode not in MODES:
        raise ValidationError("Settlement is direct payment (prepay) or deducted by finance (deduct).", "mode")
    if days > 366:
        raise ValidationError("More than a year of travel days looks wrong.", "days")
    return {"transport_fen": transport, "days": days, "persons": persons, "mode": data.mode,
            "dealer": normalise_text(data.dealer), "notes": free_text(data.notes, "notes")}


def set_dealer_billing(db: sqlite_utils.Database, ticket_id: int, data: DealerTravelInput,
                       who: str = "") -> DealerStatement:
    """Record (or correct) the travel inputs of a dispatch billed to a dealer."""
    values = _clean(data)
    with transaction(db):
        base = _ticket_row(db, ticket_id)
        persons = values["persons"] or max(len(base["team"]), 1)
        dealer = values["dealer"] or base["dealer"]
        if not dealer:
            raise ValidationError("Name the dealer to bill.", "dealer")
        db.execute(
            "INSERT INTO dealer_billing (ticket_id, dealer, transport_fen, days, persons, mode, notes, "
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(ticket_id) DO UPDATE SET "
            "dealer = excluded.dealer, transport_fen = excluded.transport_fen, days = excluded.days, "
            "persons = excluded.persons, mode = excluded.mode, notes = excluded.notes, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            [ticket_id, dealer, values["transport_fen"], values["days"], persons, values["mode"],
             values["notes"], now_iso(), who])
        _log(db, who, "dealer_billing", "", f"{base['no']}: {dealer}, {values['days']} days x {persons}")
    return dealer_statement(db, ticket_id)


def _ticket_row(db: sqlite_utils.Database, ticket_id: int) -> dict:
    row = db.execute(
        "SELECT t.id, t.no, t.type, COALESCE(NULLIF(t.dealer, ''), c.dealer, ''), COALESCE(c.name, ''), "
        "COALESCE(NULLIF(t.address, ''), c.address, ''), COALESCE(e.model || ' ' || e.serial_no, ''), "
        "t.completed_at FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id "
        "LEFT JOIN equipment e ON e.id = t.equipment_id WHERE t.id = ?", [ticket_id]).fetchone()
    if row is None:
        raise NotFound(f"No ticket {ticket_id}.", "ticket")
    team = [r[0] for r in db.execute(
        "SELECT te.name FROM ticket_technicians tt JOIN technicians te ON te.id = tt.technician_id "
        "WHERE tt.ticket_id = ? ORDER BY tt.is_leader DESC, tt.rowid", [ticket_id])]
    keys = ("id", "no", "type", "dealer", "customer", "address", "equipment", "completed_at")
    return {**dict(zip(keys, row)), "team": team}


def dealer_statement(db: sqlite_utils.Database, ticket_id: int) -> DealerStatement:
    """The statement for one ticket (travel zero until its inputs are entered)."""
    base = _ticket_row(db, ticket_id)
    cfg = get_settings(db, "dealer.")
    book = load_rates(db)
    at = base["completed_at"] or now_iso()
    work = []
    for code, qty in db.execute("SELECT code, quantity_x100 FROM ticket_work WHERE ticket_id = ? ORDER BY id",
                                [ticket_id]):
        work.append((book.name(code), "×" + qty_text(qty) + book.unit(code),
                     book.hours(code, qty, at) or 0))
    hours = sum(w[2] for w in work)
    row = db.execute("SELECT dealer, transport_fen, days, persons, mode, notes FROM dealer_billing "
                     "WHERE ticket_id = ?", [ticket_id]).fetchone()
    if row is None:
        dealer, transport, days, persons, mode, notes = (base["dealer"], 0, 0, max(len(base["team"]), 1),
                                                         "prepay", "")
    else:
        dealer, transport, days, persons, mode, notes = row
    lodging = int(cfg["dealer.lodging_per_day_fen"])
    meals = int(cfg["dealer.meals_per_day_fen"])
    local = int(cfg["dealer.local_transport_per_day_fen"])
    rate = int(cfg["dealer.rate_per_hour_fen"])

    def per_day(label: str, fen: int) -> StatementLine:
        return StatementLine(label, f"{fen / 100:g} 元/天/人 × {days} 天 × {persons} 人", fen * days * persons)

    lines = [
        StatementLine("往返交通费", "按实际票据", transport),
        per_day("住宿费", lodging),
        per_day("伙食补贴", meals),
        per_day("市内交通费", local),
        StatementLine("工时费", f"{hours_text(hours)} 工时 × {rate / 100:g} 元/工时", money_for_hours(hours, rate)),
    ]
    return DealerStatement(base["id"], base["no"], TYPE_LABELS.get(base["type"], base["type"]), dealer,
                           base["customer"], base["address"], base["equipment"], base["completed_at"],
                           base["team"], hours, work, days, persons, transport, mode, notes, row is not None,
                           lines)


def dealer_statements_for_month(db: sqlite_utils.Database, month: str,
                                include_unrecorded: bool = False) -> list[DealerStatement]:
    """Statements for dealer dispatches completed in the month.

    By default only tickets whose travel was entered; with include_unrecorded
    also the month's other dealer-channel tickets (candidates for billing).
    """
    start, end = month_bounds(parse_month(month))
    status_list = ", ".join(f"'{s}'" for s in COUNTED_STATUSES)
    extra = " OR t.channel = 'dealer'" if include_unrecorded else ""
    ids = [r[0] for r in db.execute(
        "SELECT t.id FROM tickets t LEFT JOIN dealer_billing b ON b.ticket_id = t.id "
        f"WHERE t.completed_at >= ? AND t.completed_at < ? AND t.result = 'done' AND +t.status IN ({status_list}) "
        f"AND (b.ticket_id IS NOT NULL{extra}) ORDER BY t.completed_at, t.no", [start, end])]
    return [dealer_statement(db, i) for i in ids]
