"""The follow-up calls sheet (template / import / export KIND followups).

Each row records one call on the ticket's earliest open follow-up."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from servicedesk.models.core.db import now_iso
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.core.importing import (
    Column, ExchangeKind, RowContext, RowRejected, SheetSpec, collect_field_errors,
)
from servicedesk.models.core.validation import normalise_text, parse_datetime
from servicedesk.models.followups.calls import CallInput, record_call
from servicedesk.models.followups.vocabulary import (
    SATISFACTION_LABELS, YES_NO, normalise_complaint, parse_satisfaction, parse_yes_no,
)


# ---------------------------------------------------------------- import / export sheet
FOLLOWUPS_SPEC = SheetSpec("followups", "回访记录", (
    Column("ticket_no", "工单号", "回访所针对的工单编号，如 YX2611007", required=True, width=14),
    Column("called_at", "回访时间", "2026-10-03 14:30", required=True, width=18, kind="datetime"),
    Column("reached", "是否接通", "是 / 否；未接通的回访会顺延", required=True, choices=YES_NO, width=8),
    Column("satisfaction", "满意度", "接通时必填：非常满意 / 满意 / 一般 / 不满意（或 1-5 分）",
           choices=tuple(SATISFACTION_LABELS.values()), width=10),
    Column("complaint", "投诉内容", "填写投诉内容则自动生成投诉工单；无投诉留空或填 否 / 无", width=30),
    Column("notes", "备注", "使用情况、质量、意见建议等", width=30),
))


def _followups_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    """Record one call from the sheet on the ticket's earliest open call; a
    ticket with none open (e.g. an imported old ticket) gets an extra call
    (kind 'extra'). The same ticket and time twice is refused, so a sheet
    cannot be imported twice by mistake."""
    parsed = collect_field_errors(ctx, {
        "called_at": lambda: parse_datetime(values.get("called_at"), "called_at", required=True),
        "reached": lambda: _required_yes_no(values.get("reached")),
        "satisfaction": lambda: parse_satisfaction(values.get("satisfaction")),
        "ticket_no": lambda: _ticket_for_import(db, values.get("ticket_no")),
    })
    ticket = parsed["ticket_no"]
    if db.execute("SELECT 1 FROM followup_calls k JOIN followups f ON f.id = k.followup_id "
                  "WHERE f.ticket_id = ? AND k.called_at = ?", [ticket["id"], parsed["called_at"]]).fetchone():
        ctx.problem("called_at", f"a call for {ticket['no']} at {parsed['called_at']} is already recorded")
        raise RowRejected
    # No scheduling here: a call log of old (imported) tickets must not plan
    # their whole, long overdue, schedule.
    open_row = db.execute("SELECT id FROM followups WHERE ticket_id = ? AND status = 'pending' "
                          "AND kind != 'inspection' ORDER BY due_from, id LIMIT 1", [ticket["id"]]).fetchone()
    if open_row is None:
        stamp = now_iso()
        fid = db.execute(
            "INSERT INTO followups (kind, ticket_id, customer_id, equipment_id, due_from, due_at, status, "
            "created_at, updated_at) VALUES ('extra', ?, ?, ?, ?, ?, 'pending', ?, ?)",
            [ticket["id"], ticket["customer_id"], ticket["equipment_id"], parsed["called_at"],
             parsed["called_at"], stamp, stamp]).lastrowid
    else:
        fid = open_row[0]
    who = ctx.options.get("who") or ""
    done = record_call(db, fid, CallInput(
        reached=parsed["reached"], called_at=parsed["called_at"], caller=who,
        satisfaction=parsed["satisfaction"], complaint=normalise_complaint(values.get("complaint")),
        notes=values.get("notes") or ""), who, source="import")
    if done.complaint_ticket_no:
        ctx.made("complaint_tickets")
    return "created"


def _required_yes_no(value: object) -> bool:
    answer = parse_yes_no(value, "reached")
    if answer is None:
        raise ValidationError("是 or 否 is required", "reached")
    return answer


def _ticket_for_import(db: sqlite_utils.Database, value: object) -> dict[str, Any]:
    no = normalise_text(value)
    if not no:
        raise ValidationError("Ticket number is required.", "ticket_no")
    rows = list(db.query("SELECT id, no, customer_id, equipment_id, status FROM tickets WHERE no = ?", [no]))
    if not rows:
        raise NotFound(f"no ticket {no}", "ticket_no")
    if rows[0]["status"] == "cancelled":
        raise ValidationError(f"ticket {no} is cancelled", "ticket_no")
    return rows[0]


def _export_followups(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    rows = []
    for r in db.query(
            "SELECT t.no AS ticket_no, k.called_at, k.reached, k.satisfaction, k.complaint, k.notes, "
            "k.usage, k.quality, k.suggestions FROM followup_calls k JOIN followups f ON f.id = k.followup_id "
            "JOIN tickets t ON t.id = f.ticket_id ORDER BY k.called_at, k.id"):
        notes = "；".join(p for p in (r["notes"], r["usage"], r["quality"], r["suggestions"]) if p)
        rows.append({"ticket_no": r["ticket_no"], "called_at": r["called_at"],
                     "reached": "是" if r["reached"] else "否",
                     "satisfaction": SATISFACTION_LABELS.get(r["satisfaction"] or "", ""),
                     "complaint": r["complaint"], "notes": notes})
    return rows


# No sample rows in the data sheet (a forgotten example would be imported as a
# real call); the 说明 sheet explains each column with examples.
FOLLOWUPS_SHEET = ExchangeKind(FOLLOWUPS_SPEC, _followups_row, _export_followups)
