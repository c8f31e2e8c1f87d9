"""Disputes: a technician contests one of his lines before the month is approved.

An open dispute blocks approval (approval.py); an upheld dispute of a
deduction waives it for that person (compute.py shows the waiver).
"""

from __future__ import annotations

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, StateError, ValidationError
from servicedesk.models.pay.lookups import _technician
from servicedesk.models.pay.months import _log, ensure_month_open, free_text, parse_month
from servicedesk.models.pay.records import LINE_KINDS, Dispute

# ====================================================================== disputes
def raise_dispute(db: sqlite_utils.Database, month: str, technician_id: int, line_kind: str, reason: str,
                  *, ticket_id: int | None = None, ref_id: int | None = None, who: str = "",
                  at: str | None = None) -> Dispute:
    """A technician disputes one of his lines before the month is approved."""
    month = parse_month(month)
    reason = free_text(reason, "reason", "Reason", required=True)
    if line_kind not in LINE_KINDS:
        raise ValidationError(f"Choose the line: {', '.join(LINE_KINDS)}.", "line_kind")
    with transaction(db):
        _technician(db, technician_id)
        ensure_month_open(db, month)
        if line_kind == "deduction":
            if ref_id is None or not db.execute(
                    "SELECT 1 FROM pay_deduction_persons WHERE deduction_id = ? AND technician_id = ?",
                    [ref_id, technician_id]).fetchone():
                raise ValidationError("That deduction does not charge this technician.", "ref_id")
            ticket_id = db.execute("SELECT ticket_id FROM pay_deductions WHERE id = ?", [ref_id]).fetchone()[0]
        elif line_kind == "work" and ticket_id is None:
            raise ValidationError("Choose the ticket line being disputed.", "ticket")
        if db.execute("SELECT 1 FROM pay_disputes WHERE month = ? AND technician_id = ? AND line_kind = ? "
                      "AND COALESCE(ticket_id, 0) = COALESCE(?, 0) AND COALESCE(ref_id, 0) = COALESCE(?, 0) "
                      "AND status = 'open'", [month, technician_id, line_kind, ticket_id, ref_id]).fetchone():
            raise StateError("This line is already disputed and waiting for an outcome.", "reason")
        did = db["pay_disputes"].insert({
            "month": month, "technician_id": technician_id, "line_kind": line_kind, "ticket_id": ticket_id,
            "ref_id": ref_id, "reason": reason, "raised_at": at or now_iso(), "raised_by": who,
            "status": "open", "outcome": "", "resolved_at": None, "resolved_by": ""}).last_pk
        _log(db, who, "dispute_raise", month, f"#{did} tech {technician_id} {line_kind}: {reason}")
    return get_dispute(db, did)


def resolve_dispute(db: sqlite_utils.Database, dispute_id: int, upheld: bool, outcome: str, who: str = "",
                    at: str | None = None) -> Dispute:
    """Record the outcome; an upheld dispute of a deduction waives it for that person."""
    outcome = free_text(outcome, "outcome", "Outcome", required=True)
    with transaction(db):
        disp = get_dispute(db, dispute_id)
        if disp.status != "open":
            raise StateError("This dispute already has an outcome.", "outcome")
        ensure_month_open(db, disp.month)
        status = "upheld" if upheld else "rejected"
        db.execute("UPDATE pay_disputes SET status = ?, outcome = ?, resolved_at = ?, resolved_by = ? "
                   "WHERE id = ?", [status, outcome, at or now_iso(), who, dispute_id])
        if upheld and disp.line_kind == "deduction" and disp.ref_id:
            db.execute("UPDATE pay_deduction_persons SET waived = 1 WHERE deduction_id = ? AND technician_id = ?",
                       [disp.ref_id, disp.technician_id])
        _log(db, who, "dispute_" + status, disp.month, f"#{dispute_id}: {outcome}")
    return get_dispute(db, dispute_id)


_DISPUTE_SQL = (
    "SELECT d.id, d.month, d.technician_id, te.name, d.line_kind, d.ticket_id, COALESCE(t.no, ''), d.ref_id, "
    "d.reason, d.raised_at, d.raised_by, d.status, d.outcome, d.resolved_at, d.resolved_by "
    "FROM pay_disputes d JOIN technicians te ON te.id = d.technician_id "
    "LEFT JOIN tickets t ON t.id = d.ticket_id ")


def get_dispute(db: sqlite_utils.Database, dispute_id: int) -> Dispute:
    row = db.execute(_DISPUTE_SQL + "WHERE d.id = ?", [dispute_id]).fetchone()
    if row is None:
        raise NotFound(f"No dispute #{dispute_id}.", "dispute")
    return Dispute(*row)


def list_disputes(db: sqlite_utils.Database, month: str) -> list[Dispute]:
    return [Dispute(*r) for r in db.execute(_DISPUTE_SQL + "WHERE d.month = ? ORDER BY d.id",
                                            [parse_month(month)])]
