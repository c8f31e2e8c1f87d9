"""Repair tickets: intake, numbering, dispatch, visit, review, sign-off, close.

The service loop of DOMAIN.md §2 as one function per step. Each function is
one transaction, enforces the status flow with a message in plain words, and
writes an event (when, who, field, old -> new) for every change, so the
ticket's history can be read back line by line. Every function takes explicit
times (default: now), so the historical import, the demo and the tests replay
the same code the clerk uses.

Statuses: open (受理) -> dispatched (已派工) -> completed (已完工, after a visit
with result 完成) -> reviewed (已审核, 待回访) -> closed (已结案). cancelled
(已取消) from any state but closed; reopen: closed/cancelled -> dispatched (or
open when never dispatched), clearing the previous visit's outcome (kept in
the event log) so the job needs another visit. A 未完成 visit keeps the ticket
dispatched. KPI and pay count a ticket only while it is completed, reviewed
or closed.

Cross-area hooks are called inside our transactions (the owning areas
implement them): parts.sync_ticket_parts after the parts of a ticket change
and on cancel/reopen, pay.ensure_ticket_editable before changing team, work,
result or times, followups.schedule_for_ticket after completion and close.

This module holds the steps after intake (dispatch, visit, review, sign-off,
close, cancel, reopen) and is the area's public API: it re-exports the names
that moved to sibling modules, each importing only downward: records
(vocabularies, dataclasses), flow (event log, guards), numbering, lines (work
and part lines), quote, reading (get_ticket), intake (open/update).
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from servicedesk.models.followups import schedule as _followups
from servicedesk.models.parts import ledger as _parts
from servicedesk.models.pay import month as _pay
from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, StateError, ValidationError
from servicedesk.models.core.validation import normalise_text, parse_datetime
from servicedesk.models.tickets.flow import (  # noqa: F401 (re-exported: the area's public names)
    _apply_changes, _free, _load_current, _load_row, _not_before, _now, _parse_time, _require_state, log_event,
    not_in_future,
)
from servicedesk.models.tickets.intake import (  # noqa: F401 (re-exported: the area's public names)
    REPORTED_AHEAD_LIMIT, check_reported_not_future, clean_intake, insert_ticket, open_ticket, update_ticket,
)
from servicedesk.models.tickets.lines import (  # noqa: F401 (re-exported: the area's public names)
    _load_parts, _load_work, _parts_text, _same_parts, _same_work, _work_text, catalog_codes, clean_parts,
    clean_work, has_parts_master, part_master,
)
from servicedesk.models.tickets.numbering import (  # noqa: F401 (re-exported: the area's public names)
    allocate_number, number_prefix, reserve_number, split_number,
)
from servicedesk.models.tickets.quote import compute_quote  # noqa: F401 (re-exported: the area's public names)
from servicedesk.models.tickets.reading import (  # noqa: F401 (re-exported: the area's public names)
    _team, allowed_actions, get_ticket, ticket_quote,
)
from servicedesk.models.tickets.records import (  # noqa: F401 (re-exported: the area's public names)
    ACTIONS, CHANNEL_LABELS, CHANNELS, COUNTED_STATUSES, LEVEL_LABELS, LEVEL_REQUIRED_TYPES, PART_KIND_LABELS,
    PART_KINDS, RESULT_LABELS, RESULTS, SLA_LABELS, STATUS_LABELS, STATUSES, TYPE_LABELS, TYPES,
    WARRANTY_LABELS, DispatchInput, Event, PartLine, Quote, QuoteLine, TeamMember, TicketDetail, TicketInput,
    VisitInput, WorkLine,
)


# ---------------------------------------------------------------- dispatch
def dispatch(db: sqlite_utils.Database, ticket_id: int, data: DispatchInput, who: str,
             at: str | None = None, loaded: TicketDetail | None = None) -> TicketDetail:
    """Assign one technician or a team (first = leader) with the dispatch slip.

    On an already-dispatched ticket this is a reassignment, logged old -> new.
    """
    stamp = _now(at or data.dispatched_at)
    ids = [int(i) for i in data.technician_ids or []]
    if not ids:
        raise ValidationError("Choose at least one technician.", "technician_ids")
    if len(set(ids)) != len(ids):
        raise ValidationError("A technician is listed twice in the team.", "technician_ids")
    with transaction(db):
        row = _load_current(db, ticket_id, loaded)
        _require_state(row, "dispatch")
        names = _team_names(db, ids, historical=row["source"] != "intake")
        dispatched_at = _parse_time(data.dispatched_at, "dispatched_at", "Dispatch time") \
            or row["dispatched_at"] or stamp
        departure = _parse_time(data.departure_at, "departure_at", "Departure time")
        expected = _parse_time(data.expected_return_at, "expected_return_at", "Expected return")
        _not_before(dispatched_at, row["reported_at"], "dispatched_at", "Dispatch time", "the report time")
        _not_before(departure, row["reported_at"], "departure_at", "Departure time", "the report time")
        _not_before(expected, departure, "expected_return_at", "Expected return", "the departure time")
        _pay.ensure_ticket_editable(db, ticket_id)
        old_team = _team(db, ticket_id)
        new_team_text = "、".join(names[i] for i in ids)
        old_team_text = "、".join(m.name for m in old_team)
        if [m.technician_id for m in old_team] != ids:
            db.execute("DELETE FROM ticket_technicians WHERE ticket_id = ?", [ticket_id])
            db["ticket_technicians"].insert_all(
                {"ticket_id": ticket_id, "technician_id": tid, "is_leader": int(i == 0)}
                for i, tid in enumerate(ids))
            log_event(db, ticket_id, who, "reassign" if old_team else "dispatch", "team",
                      old_team_text, new_team_text, stamp)
        changes = {"dispatched_at": dispatched_at, "transport": _free(data.transport),
                   "departure_at": departure, "expected_return_at": expected,
                   "tools": _free(data.tools), "carry_parts": _free(data.carry_parts)}
        if row["status"] == "open":
            changes["status"] = "dispatched"
        _apply_changes(db, ticket_id, row, changes, who, "dispatch", stamp)
    return get_ticket(db, ticket_id)


def _team_names(db: sqlite_utils.Database, ids: list[int], historical: bool = False) -> dict[int, str]:
    marks = ",".join("?" * len(ids))
    found = {r[0]: (r[1], r[2]) for r in db.execute(
        f"SELECT id, name, active FROM technicians WHERE id IN ({marks})", ids)}
    for tid in ids:
        if tid not in found:
            raise NotFound(f"No technician with id {tid}.", "technician_ids")
        if not found[tid][1] and not historical:
            raise ValidationError(f"{found[tid][0]} is no longer active; choose another technician.",
                                  "technician_ids")
    return {tid: found[tid][0] for tid in ids}


# ---------------------------------------------------------------- visit
def _non_negative(value: object, field_name: str, label: str) -> int:
    if value is None or value == "":
        return 0
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(f"{label} must be a whole number, not negative.", field_name)
    return value


def record_visit(db: sqlite_utils.Database, ticket_id: int, data: VisitInput, who: str,
                 at: str | None = None, *, sync_stock: bool = True,
                 loaded: TicketDetail | None = None) -> TicketDetail:
    """Record (or correct) what happened on site: arrival, findings, result,
    repair time, work lines and parts. Result 完成 completes the ticket; 未完成
    keeps it dispatched for another visit. Parts changes are reconciled with the
    stock ledger (booked at `at`, default now); `sync_stock=False` is for the
    historical import, which moves stock only when asked (--move-stock)."""
    stamp = _now(at)
    with transaction(db):
        row = _load_current(db, ticket_id, loaded)
        _require_state(row, "visit")
        level = row["fault_level"]
        arrived = _parse_time(data.arrived_at, "arrived_at", "Arrival time")
        if arrived is None and level != 4:
            raise ValidationError("Arrival time is required (only a level-4 ticket is resolved remotely).",
                                  "arrived_at")
        result = data.result or None
        if result is not None and result not in RESULTS:
            raise ValidationError(f'Result must be 完成 (done) or 未完成 (not_done), not "{result}".', "result")
        repair_from = _parse_time(data.repair_from, "repair_from", "Repair start")
        repair_to = _parse_time(data.repair_to, "repair_to", "Repair end")
        completed = _parse_time(data.completed_at, "completed_at", "Completion time")
        if result == "done" and completed is None:
            completed = repair_to or arrived
            if completed is None:
                raise ValidationError("Give the time the fault was resolved (completion time).",
                                      "completed_at")
        if result != "done":
            completed = None
        for value, field_name, label in ((arrived, "arrived_at", "Arrival time"),
                                         (repair_from, "repair_from", "Repair start"),
                                         (repair_to, "repair_to", "Repair end"),
                                         (completed, "completed_at", "Completion time")):
            not_in_future(value, field_name, label)
        _not_before(arrived, row["reported_at"], "arrived_at", "Arrival", "the report time")
        _not_before(repair_from, arrived, "repair_from", "Repair start", "the arrival")
        _not_before(repair_from, row["reported_at"], "repair_from", "Repair start", "the report time")
        _not_before(repair_to, repair_from, "repair_to", "Repair end", "the repair start")
        _not_before(completed, arrived or row["reported_at"], "completed_at", "Completion",
                    "the arrival" if arrived else "the report time")
        old_work = _load_work(db, ticket_id, {})
        work = clean_work(db, data.work, keep=[w.code for w in old_work])
        parts = clean_parts(db, data.parts)
        quote = {
            "quote_transport_fen": _non_negative(data.quote_transport_fen, "quote_transport_fen", "Transport"),
            "quote_lodging_days": _non_negative(data.quote_lodging_days, "quote_lodging_days", "Lodging days"),
            "quote_meal_days": _non_negative(data.quote_meal_days, "quote_meal_days", "Meal days"),
            "quote_labour_days": _non_negative(data.quote_labour_days, "quote_labour_days", "Labour days"),
        }
        _pay.ensure_ticket_editable(db, ticket_id, completed)
        status = row["status"]
        if result == "done":
            status = "completed"
        elif status == "completed":
            status = "dispatched"   # corrected to 未完成: work continues
        changes = {"arrived_at": arrived, "diagnosis": _free(data.diagnosis),
                   "cause": _free(data.cause), "measures": _free(data.measures),
                   "result": result, "repair_from": repair_from, "repair_to": repair_to,
                   "completed_at": completed, **quote, "status": status}
        _apply_changes(db, ticket_id, row, changes, who, "visit", stamp)
        if not _same_work(old_work, work):
            db.execute("DELETE FROM ticket_work WHERE ticket_id = ?", [ticket_id])
            db["ticket_work"].insert_all({"ticket_id": ticket_id, "code": w.code,
                                          "quantity_x100": w.quantity_x100, "notes": w.notes} for w in work)
            log_event(db, ticket_id, who, "visit", "work", _work_text(old_work), _work_text(work), stamp)
        old_parts = _load_parts(db, ticket_id)
        if not _same_parts(old_parts, parts):
            db.execute("DELETE FROM ticket_parts WHERE ticket_id = ?", [ticket_id])
            db["ticket_parts"].insert_all({"ticket_id": ticket_id, "part_code": p.part_code, "name": p.name,
                                           "spec": p.spec, "kind": p.kind, "quantity": p.quantity,
                                           "unit_price_fen": p.unit_price_fen} for p in parts)
            log_event(db, ticket_id, who, "visit", "parts", _parts_text(old_parts), _parts_text(parts), stamp)
            if sync_stock:
                _parts.sync_ticket_parts(db, ticket_id, who, stamp)
        if status == "completed" and row["status"] != "completed":
            _followups.schedule_for_ticket(db, ticket_id)
    return get_ticket(db, ticket_id)


# ---------------------------------------------------------------- review / sign / close
def review_ticket(db: sqlite_utils.Database, ticket_id: int, reviewer: str, notes: str = "",
                  at: str | None = None, who: str = "", loaded: TicketDetail | None = None) -> TicketDetail:
    """The supervisor checks the completed job (维修报告审核)."""
    stamp = _now(at)
    name = normalise_text(reviewer)
    if not name:
        raise ValidationError("Give the name of the supervisor who reviewed the ticket.", "reviewer")
    with transaction(db):
        row = _load_current(db, ticket_id, loaded)
        _require_state(row, "review")
        tech = db.execute("SELECT role FROM technicians WHERE name = ?", [name]).fetchone()
        if tech is not None and tech[0] != "supervisor":
            raise ValidationError(f"{name} is a technician, not a supervisor; a supervisor reviews tickets.",
                                  "reviewer")
        _not_before(stamp, row["completed_at"], "at", "Review time", "the completion")
        _apply_changes(db, ticket_id, row, {"reviewed_by": name, "reviewed_at": stamp,
                                            "review_notes": _free(notes), "status": "reviewed"},
                       who or name, "review", stamp)
    return get_ticket(db, ticket_id)


def record_signoff(db: sqlite_utils.Database, ticket_id: int, opinion: str, signature: str,
                   signed_at: str | None = None, complaint_accepted: bool | None = None,
                   who: str = "", loaded: TicketDetail | None = None) -> TicketDetail:
    """The customer's opinion and signature (用户意见、签名、日期); for a
    complaint also whether the customer accepted the answer.

    `who` is the clerk entering it (the event log's who); the customer's name
    is the signature. The customer signs after the work: a sign-off time
    before the completion (or, for an unfinished visit, the arrival) is
    refused, field signed_at — as the review refuses a time before completion.
    """
    stamp = parse_datetime(signed_at, "signed_at") if signed_at else now_iso()
    name = normalise_text(signature)
    if not name:
        raise ValidationError("Give the name of the person who signed.", "signature")
    with transaction(db):
        row = _load_current(db, ticket_id, loaded)
        _require_state(row, "signoff")
        if not row["arrived_at"] and not row["result"]:
            raise StateError("The customer signs after the visit; record the visit first.", "status")
        if row["completed_at"]:
            _not_before(stamp, row["completed_at"], "signed_at", "Sign-off time", "the completion")
        else:
            _not_before(stamp, row["arrived_at"], "signed_at", "Sign-off time", "the arrival")
        changes: dict[str, Any] = {"customer_opinion": _free(opinion), "customer_signature": name,
                                   "signed_at": stamp}
        if complaint_accepted is not None:
            changes["complaint_accepted"] = 1 if complaint_accepted else 0
        _apply_changes(db, ticket_id, row, changes, who, "signoff", stamp)
    return get_ticket(db, ticket_id)


def close_ticket(db: sqlite_utils.Database, ticket_id: int, who: str, at: str | None = None) -> TicketDetail:
    """Close (结案) a reviewed ticket; a complaint needs the customer's answer first."""
    stamp = _now(at)
    with transaction(db):
        row = _load_row(db, ticket_id)
        if row["status"] in ("open", "dispatched", "completed") and not row["result"]:
            raise StateError("Cannot close a ticket without a result: record the visit first.", "result")
        _require_state(row, "close")
        if row["type"] == "complaint" and row["complaint_accepted"] is None:
            raise StateError("Record whether the customer accepted the answer to the complaint before closing.",
                             "complaint_accepted")
        _not_before(stamp, row["reviewed_at"], "at", "Close time", "the review")
        _apply_changes(db, ticket_id, row, {"status": "closed", "closed_at": stamp}, who, "close", stamp)
        _followups.schedule_for_ticket(db, ticket_id)
    return get_ticket(db, ticket_id)


def cancel_ticket(db: sqlite_utils.Database, ticket_id: int, reason: str, who: str,
                  at: str | None = None) -> TicketDetail:
    """Cancel with a reason; the number stays taken and parts go back to stock."""
    stamp = _now(at)
    text = _free(reason)
    if not text:
        raise ValidationError("Give the reason for cancelling.", "reason")
    with transaction(db):
        row = _load_row(db, ticket_id)
        _require_state(row, "cancel")
        _pay.ensure_ticket_editable(db, ticket_id)
        _apply_changes(db, ticket_id, row, {"status": "cancelled", "cancelled_at": stamp,
                                            "cancel_reason": text}, who, "cancel", stamp)
        _parts.sync_ticket_parts(db, ticket_id, who, stamp)
    return get_ticket(db, ticket_id)


# What a reopen clears: the outcome of the previous visit and what followed it.
# Each old value is written to the event log (reopen, field, old -> "").
REOPEN_CLEARS: dict[str, Any] = {
    "arrived_at": None, "result": None, "repair_from": None, "repair_to": None, "completed_at": None,
    "reviewed_by": "", "reviewed_at": None, "review_notes": "",
    "customer_opinion": "", "customer_signature": "", "signed_at": None, "complaint_accepted": None,
}


def reopen_ticket(db: sqlite_utils.Database, ticket_id: int, reason: str, who: str,
                  at: str | None = None) -> TicketDetail:
    """Back to work: dispatched (open when never dispatched); the reason is logged.

    A ticket is reopened because the job is not finished (the fault came
    back, the customer disputes the repair, or it was cancelled by mistake),
    so it needs another visit. The previous visit's outcome is archived in
    the event log and cleared on the ticket: arrival, result 完成, repair
    times, completion, review and the customer's sign-off. Until the next
    visit the ticket is therefore not complete for everyone: KPI and pay do
    not count it, the lists show it as dispatched, and its live deadline
    state runs again from the report time (overdue when the limit has
    passed). The next visit's arrival decides on-time, as it already does for
    a 未完成 -> 完成 sequence (DOMAIN §6 judges the arrival of the repair
    that resolves the fault; nothing there keeps a first, failed visit).
    Diagnosis, cause, measures, work lines and parts stay, to be corrected.

    Refused (LockedError, nothing changed) when the ticket feeds an approved
    pay month: reopening would take its work out of a locked month.
    """
    stamp = _now(at)
    text = _free(reason)
    if not text:
        raise ValidationError("Give the reason for reopening.", "reason")
    with transaction(db):
        row = _load_row(db, ticket_id)
        _require_state(row, "reopen")
        _pay.ensure_ticket_editable(db, ticket_id)
        has_team = db.execute("SELECT 1 FROM ticket_technicians WHERE ticket_id = ? LIMIT 1",
                              [ticket_id]).fetchone()
        status = "dispatched" if (has_team or row["dispatched_at"]) else "open"
        log_event(db, ticket_id, who, "reopen", "reason", "", text, stamp)
        _apply_changes(db, ticket_id, row, {"status": status, "closed_at": None, "cancelled_at": None,
                                            "cancel_reason": "", **REOPEN_CLEARS}, who, "reopen", stamp)
        _parts.sync_ticket_parts(db, ticket_id, who, stamp)
    return get_ticket(db, ticket_id)
