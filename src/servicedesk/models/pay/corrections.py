"""What the clerk adds to a month besides work: deductions, adjustments, refunds.

Deductions (考核扣款) follow the rule of their kind (000 §五 考核标准) and fix
each person's amount when recorded; adjustments correct a locked month in a
later open one; reimbursed round-trip tickets have their own line. All of
them refuse a locked month and are written to the pay log.
"""

from __future__ import annotations

import datetime as _dt

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.core.settings import settings_for_month
from servicedesk.models.core.validation import parse_date, parse_int
from servicedesk.models.pay.lookups import _technician, find_ticket
from servicedesk.models.pay.months import (
    _log, current_month, ensure_month_open, free_text, is_locked, parse_month,
)
from servicedesk.models.pay.records import (
    DEDUCTION_KINDS, DEFECT_SOURCES, DOCUMENTS, TYPE_LABELS, Deduction, DeductionInput, TicketRef,
)
from servicedesk.models.pay.rules import hours_text, split_shares

# ====================================================================== deductions
def _default_month(db: sqlite_utils.Database, ticket: TicketRef, occurred_on: str | None) -> str:
    """The ticket's completion month if still open, else the event's month, else this month."""
    for candidate in ((ticket.completed_at or "")[:7] if ticket.result == "done" else "",
                      (occurred_on or "")[:7], current_month()):
        if candidate and not is_locked(db, candidate):
            return candidate
    return current_month()


def add_deduction(db: sqlite_utils.Database, data: DeductionInput, who: str = "") -> Deduction:
    """Record a deduction under the rule for its kind (000 §五 考核标准).

    - missing_document: one document per deduction; pay.missing_document_fen
      from EVERY team member, leader included (the team cannot be narrowed);
    - small_accident: cost 0 < c <= pay.small_accident_limit_fen; factor x cost
      split over the persons charged (default the team) exactly, leader first;
    - major_accident: the job's performance pay is cancelled for each person
      charged (default the team): amount = his pay for that job;
    - defect: pay.defect_per_item_fen x items per person; reported by the site
      within pay.defect_window_days of completion, or found at inspection;
    - other: a stated amount per person with a reason.
    """
    kind = data.kind
    if kind not in DEDUCTION_KINDS:
        raise ValidationError(f"Choose a deduction kind: {', '.join(DEDUCTION_KINDS)}.", "kind")
    occurred = parse_date(data.occurred_on, "occurred_on") if data.occurred_on else None
    reason = free_text(data.reason, "reason")
    with transaction(db):
        ticket = find_ticket(db, data.ticket_id)
        month = parse_month(data.month) if data.month else _default_month(db, ticket, occurred)
        cfg = settings_for_month(db, month, "pay.")  # the amounts in force in the deduction's month
        team_ids = [t[0] for t in ticket.team]
        if not team_ids:
            raise ValidationError(f"Ticket {ticket.no} has no team: dispatch it before charging anyone.",
                                  "ticket")
        persons = team_ids if data.technician_ids is None else list(dict.fromkeys(data.technician_ids))
        if not persons:
            raise ValidationError("Choose at least one person to charge.", "technicians")
        strangers = [p for p in persons if p not in team_ids]
        if strangers:
            raise ValidationError(f"Only members of ticket {ticket.no}'s team can be charged.", "technicians")
        detail = ""
        cost = 0
        items = 1
        source = ""
        amounts: dict[int, int | None]
        if kind == "missing_document":
            if data.document not in DOCUMENTS:
                raise ValidationError("Choose the missing document.", "document")
            if sorted(persons) != sorted(team_ids):
                raise ValidationError("A missing document is charged to every team member, leader included.",
                                      "technicians")
            detail = data.document
            amounts = {p: int(cfg["pay.missing_document_fen"]) for p in persons}
        elif kind == "small_accident":
            cost = int(data.cost_fen or 0)
            limit = int(cfg["pay.small_accident_limit_fen"])
            if cost <= 0:
                raise ValidationError("Give the accident's cost.", "cost_fen")
            if cost > limit:
                raise ValidationError(
                    f"A small accident costs at most {limit / 100:.2f} yuan; for a larger one record "
                    "a major accident or another deduction with its amount.", "cost_fen")
            total = cost * int(cfg["pay.small_accident_factor"])
            order = [p for p in team_ids if p in persons]          # leader first, dispatch order
            amounts = split_shares(total, [(p, 1) for p in order])
        elif kind == "major_accident":
            if not reason:
                raise ValidationError("Describe the accident.", "reason")
            amounts = {p: None for p in persons}
        elif kind == "defect":
            items = parse_int(data.items, "items", required=True, minimum=1)
            source = data.source
            if source not in DEFECT_SOURCES:
                raise ValidationError("Say who found the defect: the site (within 30 days) or an inspection.",
                                      "source")
            if source == "customer":
                if occurred is None:
                    raise ValidationError("Give the date the site reported the defect.", "occurred_on")
                if not ticket.completed_at:
                    raise ValidationError(f"Ticket {ticket.no} is not completed yet.", "ticket")
                window = int(cfg["pay.defect_window_days"])
                done = _dt.date.fromisoformat(ticket.completed_at[:10])
                reported = _dt.date.fromisoformat(occurred)
                if reported < done:
                    raise ValidationError("The report date is before the job was completed.", "occurred_on")
                if (reported - done).days > window:
                    raise ValidationError(
                        f"The defect was reported {(reported - done).days} days after completion; "
                        f"the rule covers reports within {window} days (or defects found at inspection).",
                        "occurred_on")
            detail = reason
            amounts = {p: int(cfg["pay.defect_per_item_fen"]) * items for p in persons}
        else:
            amount = int(data.amount_fen or 0)
            if amount <= 0:
                raise ValidationError("Give the amount per person.", "amount_fen")
            if not reason:
                raise ValidationError("Give the reason for the deduction.", "reason")
            amounts = {p: amount for p in persons}
        ensure_month_open(db, month)
        stamp = now_iso()
        did = db["pay_deductions"].insert({
            "ticket_id": ticket.id, "month": month, "kind": kind, "detail": detail, "reason": reason,
            "items": items, "cost_fen": cost, "occurred_on": occurred or (ticket.completed_at or stamp)[:10],
            "source": source,
            "voided": 0, "void_reason": "", "created_at": stamp, "created_by": who}).last_pk
        db["pay_deduction_persons"].insert_all(
            {"deduction_id": did, "technician_id": p, "amount_fen": a, "waived": 0} for p, a in amounts.items())
        _log(db, who, "deduction_add", month, f"#{did} {ticket.no} {DEDUCTION_KINDS[kind]} "
             + ", ".join(f"{p}:{'job pay' if a is None else f'{a / 100:.2f}'}" for p, a in amounts.items()))
    return get_deduction(db, did)


def get_deduction(db: sqlite_utils.Database, deduction_id: int) -> Deduction:
    row = db.execute(
        "SELECT d.id, d.ticket_id, t.no, d.month, d.kind, d.detail, d.reason, d.items, d.cost_fen, "
        "d.occurred_on, d.source, d.voided FROM pay_deductions d JOIN tickets t ON t.id = d.ticket_id "
        "WHERE d.id = ?", [deduction_id]).fetchone()
    if row is None:
        raise NotFound(f"No deduction #{deduction_id}.", "deduction")
    persons = [(r[0], r[1], r[2], bool(r[3])) for r in db.execute(
        "SELECT p.technician_id, te.name, p.amount_fen, p.waived FROM pay_deduction_persons p "
        "JOIN technicians te ON te.id = p.technician_id WHERE p.deduction_id = ? ORDER BY p.technician_id",
        [deduction_id])]
    return Deduction(*row[:11], bool(row[11]), persons)


def list_deductions(db: sqlite_utils.Database, month: str, include_voided: bool = False) -> list[Deduction]:
    ids = [r[0] for r in db.execute(
        "SELECT id FROM pay_deductions WHERE month = ?" + ("" if include_voided else " AND voided = 0")
        + " ORDER BY id", [parse_month(month)])]
    return [get_deduction(db, i) for i in ids]


def void_deduction(db: sqlite_utils.Database, deduction_id: int, reason: str, who: str = "") -> Deduction:
    """Cancel a deduction recorded by mistake (kept, marked void, for the record)."""
    reason = free_text(reason, "reason", "Reason", required=True)
    with transaction(db):
        ded = get_deduction(db, deduction_id)
        ensure_month_open(db, ded.month)
        db.execute("UPDATE pay_deductions SET voided = 1, void_reason = ? WHERE id = ?", [reason, deduction_id])
        _log(db, who, "deduction_void", ded.month, f"#{deduction_id}: {reason}")
    return get_deduction(db, deduction_id)


# ====================================================================== adjustments, reimbursements
def add_adjustment(db: sqlite_utils.Database, month: str, technician_id: int, *, hours_x100: int = 0,
                   amount_fen: int = 0, reason: str, ticket_id: int | None = None, who: str = "") -> int:
    """A correction line (e.g. for a locked month's ticket) in an open month.

    Hours (signed, hundredths) are paid at the month's hourly rate; amount_fen
    (signed) is added as is.
    """
    month = parse_month(month)
    reason = free_text(reason, "reason", "Reason", required=True)
    hours = parse_int(hours_x100, "hours_x100", default=0)
    amount = parse_int(amount_fen, "amount_fen", default=0)
    if not hours and not amount:
        raise ValidationError("Give the hours or the amount to adjust.", "hours_x100")
    with transaction(db):
        _technician(db, technician_id)
        if ticket_id is not None:
            find_ticket(db, ticket_id)
        ensure_month_open(db, month)
        aid = db["pay_adjustments"].insert({
            "month": month, "technician_id": technician_id, "ticket_id": ticket_id, "hours_x100": hours,
            "amount_fen": amount, "reason": reason, "created_at": now_iso(), "created_by": who}).last_pk
        _log(db, who, "adjustment_add", month, f"#{aid} tech {technician_id}: {hours_text(hours)} h, "
             f"{amount / 100:.2f} yuan: {reason}")
    return aid


def delete_adjustment(db: sqlite_utils.Database, adjustment_id: int, who: str = "") -> None:
    with transaction(db):
        row = db.execute("SELECT month, reason FROM pay_adjustments WHERE id = ?", [adjustment_id]).fetchone()
        if row is None:
            raise NotFound(f"No adjustment #{adjustment_id}.", "adjustment")
        ensure_month_open(db, row[0])
        db.execute("DELETE FROM pay_adjustments WHERE id = ?", [adjustment_id])
        _log(db, who, "adjustment_delete", row[0], f"#{adjustment_id}: {row[1]}")


def add_reimbursement(db: sqlite_utils.Database, ticket_id: int, technician_id: int, amount_fen: int,
                      note: str = "", month: str | None = None, who: str = "") -> int:
    """Round-trip tickets refunded for an installation job, on their own line."""
    amount = parse_int(amount_fen, "amount_fen", required=True, minimum=1)
    with transaction(db):
        ticket = find_ticket(db, ticket_id)
        if ticket.type != "installation":
            raise ValidationError(f"Round-trip tickets are refunded for installation jobs; {ticket.no} is "
                                  f"a {TYPE_LABELS.get(ticket.type, ticket.type)} ticket.", "ticket")
        if technician_id not in [t[0] for t in ticket.team]:
            raise ValidationError(f"The technician is not in ticket {ticket.no}'s team.", "technician")
        month = parse_month(month) if month else _default_month(db, ticket, None)
        ensure_month_open(db, month)
        rid = db["pay_reimbursements"].insert({
            "month": month, "technician_id": technician_id, "ticket_id": ticket.id, "amount_fen": amount,
            "note": free_text(note, "note"), "created_at": now_iso(), "created_by": who}).last_pk
        _log(db, who, "reimbursement_add", month, f"#{rid} {ticket.no} tech {technician_id}: {amount / 100:.2f}")
    return rid


def delete_reimbursement(db: sqlite_utils.Database, reimbursement_id: int, who: str = "") -> None:
    with transaction(db):
        row = db.execute("SELECT month FROM pay_reimbursements WHERE id = ?", [reimbursement_id]).fetchone()
        if row is None:
            raise NotFound(f"No reimbursement #{reimbursement_id}.", "reimbursement")
        ensure_month_open(db, row[0])
        db.execute("DELETE FROM pay_reimbursements WHERE id = ?", [reimbursement_id])
        _log(db, who, "reimbursement_delete", row[0], f"#{reimbursement_id}")
