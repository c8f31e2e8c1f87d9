"""Follow-up calls and on-site inspections (回访 / 巡检, DOMAIN §5): the records,
the due lists, recording a call or an inspection.

The schedule itself is derived from tickets (schedule.py), the words and their
parsers are in vocabulary.py, the archive's history feed in history.py and the
import sheet in sheets.py; this module re-exports the schedule, vocabulary and
history names so callers have one place for the area's read and write API.

An unreached call is logged and moved `followup.retry_days` later; a reached
call with a complaint opens a complaint ticket linked to the call (this is why
this module imports the tickets lifecycle, and the schedule must not).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Mapping

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, StateError, ValidationError
from servicedesk.models.core.validation import normalise_text, parse_date, parse_datetime
from servicedesk.models.followups.history import (  # noqa: F401 (re-exported: the area's public names)
    HistoryEntry,
    history_for_equipment,
)
from servicedesk.models.followups.schedule import _ts
from servicedesk.models.followups.schedule import (  # noqa: F401 (re-exported: the area's public names)
    Windows,
    load_windows,
    day_start,
    day_end,
    Planned,
    plan_for_ticket,
    inspection_window,
    schedule_for_ticket,
)
from servicedesk.models.followups.vocabulary import (  # noqa: F401 (re-exported: the area's public names)
    KIND_LABELS,
    CALL_KINDS,
    SERVICE_TYPES,
    SATISFACTION_LABELS,
    SATISFIED,
    STATUS_LABELS,
    YES_NO,
    NO_COMPLAINT,
    normalise_complaint,
    parse_satisfaction,
    parse_yes_no,
)

# ---------------------------------------------------------------- records
@dataclass
class CallRecord:
    id: int
    followup_id: int
    called_at: str
    caller: str
    reached: bool
    usage: str = ""
    quality: str = ""
    dealer_opinion: str = ""
    office_opinion: str = ""
    satisfaction: str | None = None
    suggestions: str = ""
    complaint: str = ""
    complaint_ticket_id: int | None = None
    complaint_ticket_no: str = ""
    notes: str = ""
    source: str = "call"

    @property
    def satisfaction_label(self) -> str:
        return SATISFACTION_LABELS.get(self.satisfaction or "", "")


@dataclass
class Followup:
    id: int
    kind: str
    status: str
    due_from: str
    due_at: str
    attempts: int
    customer_id: int
    customer_name: str = ""
    contact: str = ""
    phone: str = ""
    dealer: str = ""
    ticket_id: int | None = None
    ticket_no: str = ""
    ticket_type: str = ""
    equipment_id: int | None = None
    equipment_model: str = ""
    equipment_serial: str = ""
    done_at: str | None = None
    done_by: str = ""
    result_notes: str = ""
    inspection_ticket_id: int | None = None
    inspection_ticket_no: str = ""
    cancel_reason: str = ""
    last_called_at: str | None = None
    last_reached: bool | None = None
    last_satisfaction: str | None = None
    overdue: bool = False
    calls: list[CallRecord] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def is_call(self) -> bool:
        return self.kind != "inspection"

    @property
    def equipment_label(self) -> str:
        return " ".join(p for p in (self.equipment_model, self.equipment_serial) if p)


_FOLLOWUP_SELECT = """
SELECT f.id, f.kind, f.status, f.due_from, f.due_at, f.attempts, f.customer_id,
       c.name AS customer_name, c.contact AS contact,
       COALESCE(NULLIF(t.phone, ''), c.phone) AS phone,
       COALESCE(NULLIF(e.dealer, ''), c.dealer) AS dealer,
       f.ticket_id, t.no AS ticket_no, t.type AS ticket_type,
       f.equipment_id, e.model AS equipment_model, e.serial_no AS equipment_serial,
       f.done_at, f.done_by, f.result_notes, f.inspection_ticket_id, it.no AS inspection_ticket_no,
       f.cancel_reason,
       (SELECT max(k.called_at) FROM followup_calls k WHERE k.followup_id = f.id) AS last_called_at
FROM followups f
JOIN customers c ON c.id = f.customer_id
LEFT JOIN tickets t ON t.id = f.ticket_id
LEFT JOIN equipment e ON e.id = f.equipment_id
LEFT JOIN tickets it ON it.id = f.inspection_ticket_id
"""


def _row_to_followup(row: Mapping[str, Any], now: str) -> Followup:
    data = dict(row)
    return Followup(
        id=data["id"], kind=data["kind"], status=data["status"], due_from=data["due_from"],
        due_at=data["due_at"], attempts=data["attempts"], customer_id=data["customer_id"],
        customer_name=data["customer_name"] or "", contact=data["contact"] or "",
        phone=data["phone"] or "", dealer=data["dealer"] or "", ticket_id=data["ticket_id"],
        ticket_no=data["ticket_no"] or "", ticket_type=data["ticket_type"] or "",
        equipment_id=data["equipment_id"], equipment_model=data["equipment_model"] or "",
        equipment_serial=data["equipment_serial"] or "", done_at=data["done_at"],
        done_by=data["done_by"] or "", result_notes=data["result_notes"] or "",
        inspection_ticket_id=data["inspection_ticket_id"],
        inspection_ticket_no=data["inspection_ticket_no"] or "",
        cancel_reason=data["cancel_reason"] or "", last_called_at=data["last_called_at"],
        overdue=data["status"] == "pending" and data["due_at"] < now,
    )


def _call_from_row(row: Mapping[str, Any]) -> CallRecord:
    d = dict(row)
    return CallRecord(
        id=d["id"], followup_id=d["followup_id"], called_at=d["called_at"], caller=d["caller"],
        reached=bool(d["reached"]), usage=d["usage"], quality=d["quality"],
        dealer_opinion=d["dealer_opinion"], office_opinion=d["office_opinion"],
        satisfaction=d["satisfaction"], suggestions=d["suggestions"], complaint=d["complaint"],
        complaint_ticket_id=d["complaint_ticket_id"], complaint_ticket_no=d.get("complaint_ticket_no") or "",
        notes=d["notes"], source=d["source"])


def calls_for(db: sqlite_utils.Database, followup_id: int) -> list[CallRecord]:
    return [_call_from_row(r) for r in db.query(
        "SELECT k.*, t.no AS complaint_ticket_no FROM followup_calls k "
        "LEFT JOIN tickets t ON t.id = k.complaint_ticket_id "
        "WHERE k.followup_id = ? ORDER BY k.called_at, k.id", [followup_id])]


def get_followup(db: sqlite_utils.Database, followup_id: int, now: str | None = None) -> Followup:
    rows = list(db.query(_FOLLOWUP_SELECT + " WHERE f.id = ?", [followup_id]))
    if not rows:
        raise NotFound(f"Follow-up {followup_id} not found.", "followup")
    fu = _row_to_followup(rows[0], now or now_iso())
    fu.calls = calls_for(db, followup_id)
    if fu.calls:
        fu.last_reached = fu.calls[-1].reached
        fu.last_satisfaction = fu.calls[-1].satisfaction
    return fu


# ---------------------------------------------------------------- lists
VIEWS = ("due", "upcoming", "done", "all", "inspections")
ORDERS = {
    "due_at": "f.due_at", "due_from": "f.due_from", "kind": "f.kind", "customer_name": "c.name",
    "phone": "phone", "ticket_no": "t.no", "attempts": "f.attempts", "status": "f.status",
    "done_at": "f.done_at", "equipment_label": "e.serial_no", "last_called_at": "last_called_at",
}


def _where(view: str, kind: str | None, query: str, now: str) -> tuple[str, list[Any]]:
    """Filters shared by list and count. 'due' = pending and its window has
    started by the end of today (overdue ones included)."""
    clauses: list[str] = []
    params: list[Any] = []
    today_end = now[:10] + " 23:59:59"
    if view == "due":
        clauses.append("f.status = 'pending' AND f.due_from <= ?")
        params.append(today_end)
    elif view == "upcoming":
        clauses.append("f.status = 'pending' AND f.due_from > ?")
        params.append(today_end)
    elif view == "done":
        clauses.append("f.status = 'done'")
    elif view == "inspections":
        clauses.append("f.kind = 'inspection'")
    elif view != "all":
        raise ValidationError(f"Unknown view {view!r}.", "view")
    if view in ("due", "upcoming"):
        # Calls of a cancelled ticket are not worth making.
        clauses.append("(t.status IS NULL OR t.status != 'cancelled' OR f.kind = 'inspection')")
    if kind:
        if kind == "calls":
            clauses.append("f.kind != 'inspection'")
        else:
            clauses.append("f.kind = ?")
            params.append(kind)
    text = normalise_text(query)
    if text:
        # Each searched table is matched on its own (small) set first, then the
        # follow-ups are found through their indexed ids, not by LIKE on a join.
        like = f"%{text}%"
        clauses.append(
            "(f.customer_id IN (SELECT id FROM customers WHERE name LIKE ? OR phone LIKE ? OR contact LIKE ?) "
            "OR f.ticket_id IN (SELECT id FROM tickets WHERE no LIKE ? OR phone LIKE ?) "
            "OR f.equipment_id IN (SELECT id FROM equipment WHERE serial_no LIKE ?))")
        params += [like] * 6
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_followups(db: sqlite_utils.Database, view: str = "due", *, kind: str | None = None,
                   query: str = "", now: str | None = None, offset: int = 0, limit: int = 500,
                   order: str = "due_at", descending: bool = False) -> list[Followup]:
    """One page of the schedule. Due/overdue list first by deadline (the most
    overdue on top), so the clerk works down from the top."""
    now = now or now_iso()
    where, params = _where(view, kind, query, now)
    col = ORDERS.get(order, "f.due_at")
    direction = "DESC" if descending else "ASC"
    if view == "done" and order == "due_at" and not descending:
        col, direction = "f.done_at", "DESC"
    # The id tie-break runs the same direction so an index can deliver the order.
    sql = f"{_FOLLOWUP_SELECT}{where} ORDER BY {col} {direction}, f.id {direction} LIMIT ? OFFSET ?"
    return [_row_to_followup(r, now) for r in db.query(sql, params + [limit, offset])]


def count_followups(db: sqlite_utils.Database, view: str = "due", *, kind: str | None = None,
                    query: str = "", now: str | None = None) -> int:
    now = now or now_iso()
    where, params = _where(view, kind, query, now)
    join = " LEFT JOIN tickets t ON t.id = f.ticket_id" if "t.status" in where else ""
    return db.execute("SELECT count(*) FROM followups f" + join + where, params).fetchone()[0]


@dataclass(frozen=True)
class DueCounts:
    due_today: int
    overdue: int
    inspections_due: int


def due_counts(db: sqlite_utils.Database, now: str | None = None) -> DueCounts:
    """Numbers for the dashboard and the tab title."""
    now = now or now_iso()
    today_end = now[:10] + " 23:59:59"
    row = db.execute(
        "SELECT sum(f.kind != 'inspection' AND f.due_at >= ?), sum(f.kind != 'inspection' AND f.due_at < ?), "
        "sum(f.kind = 'inspection') FROM followups f LEFT JOIN tickets t ON t.id = f.ticket_id "
        "WHERE f.status = 'pending' AND f.due_from <= ? "
        "AND (t.status IS NULL OR t.status != 'cancelled' OR f.kind = 'inspection')",
        [now, now, today_end]).fetchone()
    return DueCounts(row[0] or 0, row[1] or 0, row[2] or 0)


@dataclass
class InspectionPlanRow:
    equipment_id: int
    customer_id: int
    customer_name: str
    phone: str
    equipment_model: str
    equipment_serial: str
    dealer: str
    last_done_at: str | None
    next_followup_id: int | None
    next_due_from: str | None
    next_due_at: str | None
    overdue: bool


def inspection_plan(db: sqlite_utils.Database, *, query: str = "", now: str | None = None,
                    offset: int = 0, limit: int = 500) -> list[InspectionPlanRow]:
    """One row per unit that has an inspection plan: last inspection and the next one."""
    now = now or now_iso()
    params: list[Any] = []
    where = ""
    text = normalise_text(query)
    if text:
        like = f"%{text}%"
        where = "WHERE (c.name LIKE ? OR c.phone LIKE ? OR e.serial_no LIKE ? OR e.model LIKE ?)"
        params += [like] * 4
    sql = f"""
    SELECT p.equipment_id, e.customer_id, c.name, c.phone, e.model, e.serial_no,
           COALESCE(NULLIF(e.dealer, ''), c.dealer) AS dealer, p.last_done,
           n.id AS next_id, n.due_from, n.due_at
    FROM (SELECT equipment_id, max(done_at) AS last_done, max(due_at) AS last_due
          FROM followups WHERE kind = 'inspection' AND equipment_id IS NOT NULL
          GROUP BY equipment_id) p
    JOIN equipment e ON e.id = p.equipment_id
    JOIN customers c ON c.id = e.customer_id
    LEFT JOIN followups n ON n.equipment_id = p.equipment_id AND n.kind = 'inspection'
         AND n.status = 'pending'
    {where}
    ORDER BY n.due_at IS NULL, n.due_at, e.serial_no
    LIMIT ? OFFSET ?"""
    rows = db.execute(sql, params + [limit, offset]).fetchall()
    return [InspectionPlanRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", r[7], r[8], r[9], r[10],
                              bool(r[10] and r[10] < now)) for r in rows]


def count_inspection_plan(db: sqlite_utils.Database, *, query: str = "") -> int:
    params: list[Any] = []
    where = ""
    text = normalise_text(query)
    if text:
        like = f"%{text}%"
        where = "AND (c.name LIKE ? OR c.phone LIKE ? OR e.serial_no LIKE ? OR e.model LIKE ?)"
        params += [like] * 4
    return db.execute(
        "SELECT count(DISTINCT f.equipment_id) FROM followups f JOIN equipment e ON e.id = f.equipment_id "
        f"JOIN customers c ON c.id = e.customer_id WHERE f.kind = 'inspection' {where}", params).fetchone()[0]


# ---------------------------------------------------------------- recording a call
@dataclass
class CallInput:
    reached: bool
    called_at: str | None = None       # default now
    caller: str = ""                    # default: who
    usage: str = ""                     # 设备使用情况
    quality: str = ""                   # 产品质量情况
    dealer_opinion: str = ""            # 对经销商服务的评价
    office_opinion: str = ""            # 对服务部服务的评价
    satisfaction: str | None = None     # key or Chinese label; required when reached
    suggestions: str = ""
    complaint: str = ""                 # real text -> a complaint ticket (否/无/— mean none)
    complaint_level: int = 3            # fault level for that complaint ticket
    notes: str = ""


@dataclass
class CallOutcome:
    call: CallRecord
    followup: Followup
    complaint_ticket_no: str = ""
    rescheduled_to: str | None = None


def record_call(db: sqlite_utils.Database, followup_id: int, data: CallInput, who: str,
                *, source: str = "call") -> CallOutcome:
    """Log one call attempt and move the schedule on, in one transaction.

    Reached: the follow-up is done (a service's second call is timed a week
    after this one) and a complaint opens a complaint ticket linked to the
    call. Not reached: the attempt is logged and the follow-up moves
    `followup.retry_days` later (its deadline never moves earlier).
    """
    called_at = parse_datetime(data.called_at, "called_at") or now_iso()
    reached = data.reached
    if reached is None:
        raise ValidationError("Say whether the customer was reached (是/否).", "reached")
    satisfaction = parse_satisfaction(data.satisfaction)
    complaint = normalise_complaint(data.complaint)
    if reached and satisfaction is None:
        raise ValidationError("Choose the customer's satisfaction (非常满意/满意/一般/不满意).",
                              "satisfaction")
    if not reached and (satisfaction or complaint):
        raise ValidationError("A call that did not reach the customer has no answers; "
                              "untick 'reached' only when nobody answered.", "reached")
    if data.complaint_level not in (1, 2, 3, 4):
        raise ValidationError("Complaint level must be 1-4.", "complaint_level")
    caller = normalise_text(data.caller) or who
    stamp = now_iso()
    with transaction(db):
        fu = get_followup(db, followup_id, stamp)
        if fu.kind == "inspection":
            raise StateError("This is an on-site inspection: record it as an inspection.", "kind")
        if fu.status != "pending":
            raise StateError(f"This follow-up is already {fu.status_label}.", "status")
        complaint_ticket_id = None
        complaint_no = ""
        if reached and complaint:
            complaint_ticket_id, complaint_no = _open_complaint(db, fu, complaint, data.complaint_level,
                                                                called_at, who)
        cur = db.execute(
            "INSERT INTO followup_calls (followup_id, called_at, caller, reached, usage, quality, "
            "dealer_opinion, office_opinion, satisfaction, suggestions, complaint, complaint_ticket_id, "
            "notes, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [followup_id, called_at, caller, int(reached), normalise_text(data.usage),
             normalise_text(data.quality), normalise_text(data.dealer_opinion),
             normalise_text(data.office_opinion), satisfaction if reached else None,
             normalise_text(data.suggestions), complaint, complaint_ticket_id,
             normalise_text(data.notes), source, stamp])
        call_id = cur.lastrowid
        rescheduled = None
        if reached:
            db.execute("UPDATE followups SET status = 'done', done_at = ?, done_by = ?, updated_at = ? "
                       "WHERE id = ?", [called_at, caller, stamp, followup_id])
            if fu.kind == "service_first" and fu.ticket_id is not None:
                _time_second_call(db, fu.ticket_id, called_at, stamp)
        else:
            w = load_windows(db)
            retry_day = _ts(called_at).date() + _dt.timedelta(days=w.retry_days)
            new_from = day_start(retry_day)
            new_at = max(fu.due_at, day_end(retry_day))
            db.execute("UPDATE followups SET attempts = attempts + 1, due_from = ?, due_at = ?, "
                       "updated_at = ? WHERE id = ?", [new_from, new_at, stamp, followup_id])
            rescheduled = new_from
        if fu.ticket_id is not None:
            _log_ticket(db, fu.ticket_id, who, called_at, fu, reached, satisfaction, complaint_no)
        calls = calls_for(db, followup_id)
        call = next(c for c in calls if c.id == call_id)
        return CallOutcome(call, get_followup(db, followup_id, stamp), complaint_no, rescheduled)


def _time_second_call(db: sqlite_utils.Database, ticket_id: int, first_called_at: str, stamp: str) -> None:
    """The second service call is a week after the first one actually made."""
    row = db.execute("SELECT id, due_at FROM followups WHERE ticket_id = ? AND kind = 'service_second' "
                     "AND status = 'pending'", [ticket_id]).fetchone()
    if row is None:
        return
    w = load_windows(db)
    target = _ts(first_called_at).date() + _dt.timedelta(days=w.service_second_after_first)
    due_from = day_start(target)
    due_at = max(row[1], day_end(target))
    db.execute("UPDATE followups SET due_from = ?, due_at = ?, updated_at = ? WHERE id = ?",
               [due_from, due_at, stamp, row[0]])


def _open_complaint(db: sqlite_utils.Database, fu: Followup, complaint: str, level: int,
                    called_at: str, who: str) -> tuple[int, str]:
    """A complaint raised on a call becomes a complaint ticket (same closed loop)."""
    try:
        from servicedesk.models.tickets.lifecycle import TicketInput, open_ticket
    except ImportError as exc:  # tickets area not installed in this build
        raise StateError("Complaint tickets cannot be opened in this version.", "complaint") from exc
    detail = open_ticket(db, TicketInput(
        type="complaint", channel="hotline", customer_id=fu.customer_id, equipment_id=fu.equipment_id,
        contact=fu.contact, phone=fu.phone, reported_at=called_at,
        fault=f"回访投诉（{fu.kind_label}{'，原工单 ' + fu.ticket_no if fu.ticket_no else ''}）：{complaint}",
        recorder=who, fault_level=level), who)
    return int(detail.id), str(detail.no)


def _log_ticket(db, ticket_id, who, at, fu: Followup, reached, satisfaction, complaint_no) -> None:
    """Put the call in the ticket's event log too (best effort: tickets owns the log)."""
    if reached:
        new = SATISFACTION_LABELS.get(satisfaction or "", "")
        if complaint_no:
            new += f"，投诉工单 {complaint_no}"
    else:
        new = "未接通"
    try:
        from servicedesk.models.tickets.lifecycle import log_event
    except ImportError:
        db.execute("INSERT INTO ticket_events (ticket_id, at, who, action, field, old, new) "
                   "VALUES (?, ?, ?, 'followup_call', ?, '', ?)", [ticket_id, at, who, fu.kind_label, new])
        return
    log_event(db, ticket_id, who, "followup_call", fu.kind_label, "", new, at=at)


# ---------------------------------------------------------------- inspections, changes
@dataclass
class InspectionInput:
    done_at: str | None = None
    inspector: str = ""
    findings: str = ""
    ticket_no: str = ""                 # an inspection ticket, when one was opened


def record_inspection(db: sqlite_utils.Database, followup_id: int, data: InspectionInput,
                      who: str) -> Followup:
    """Mark an on-site inspection done and plan the next one a year later."""
    done_at = parse_datetime(data.done_at, "done_at") or now_iso()
    stamp = now_iso()
    with transaction(db):
        fu = get_followup(db, followup_id, stamp)
        if fu.kind != "inspection":
            raise StateError("This is a call, not an inspection.", "kind")
        if fu.status != "pending":
            raise StateError(f"This inspection is already {fu.status_label}.", "status")
        ticket_id = None
        if normalise_text(data.ticket_no):
            row = db.execute("SELECT id FROM tickets WHERE no = ?", [normalise_text(data.ticket_no)]).fetchone()
            if row is None:
                raise NotFound(f"No ticket {data.ticket_no}.", "ticket_no")
            ticket_id = row[0]
        db.execute("UPDATE followups SET status = 'done', done_at = ?, done_by = ?, result_notes = ?, "
                   "inspection_ticket_id = ?, updated_at = ? WHERE id = ?",
                   [done_at, normalise_text(data.inspector) or who, normalise_text(data.findings),
                    ticket_id, stamp, followup_id])
        if fu.equipment_id is not None:
            due_from, due_at = inspection_window(_ts(done_at).date(), load_windows(db))
            db.execute(
                "INSERT INTO followups (kind, ticket_id, customer_id, equipment_id, due_from, due_at, "
                "status, created_at, updated_at) VALUES ('inspection', ?, ?, ?, ?, ?, 'pending', ?, ?)",
                [fu.ticket_id, fu.customer_id, fu.equipment_id, due_from, due_at, stamp, stamp])
        return get_followup(db, followup_id, stamp)


def plan_inspection(db: sqlite_utils.Database, equipment_id: int, due_date: str, who: str) -> Followup:
    """Start (or move) a unit's inspection plan by hand, e.g. for units sold
    before the program was used. The open inspection, if any, is moved."""
    day = parse_date(due_date, "due_date", required=True)
    w = load_windows(db)
    due = _dt.date.fromisoformat(day)
    due_from, due_at = day_start(due - _dt.timedelta(days=w.inspection_lead)), day_end(due)
    stamp = now_iso()
    with transaction(db):
        eq = db.execute("SELECT customer_id FROM equipment WHERE id = ?", [equipment_id]).fetchone()
        if eq is None:
            raise NotFound(f"Equipment {equipment_id} not found.", "equipment")
        row = db.execute("SELECT id FROM followups WHERE equipment_id = ? AND kind = 'inspection' "
                         "AND status = 'pending'", [equipment_id]).fetchone()
        if row:
            db.execute("UPDATE followups SET due_from = ?, due_at = ?, updated_at = ? WHERE id = ?",
                       [due_from, due_at, stamp, row[0]])
            fid = row[0]
        else:
            fid = db.execute(
                "INSERT INTO followups (kind, customer_id, equipment_id, due_from, due_at, status, "
                "done_by, created_at, updated_at) VALUES ('inspection', ?, ?, ?, ?, 'pending', ?, ?, ?)",
                [eq[0], equipment_id, due_from, due_at, who, stamp, stamp]).lastrowid
        return get_followup(db, fid, stamp)


def cancel_followup(db: sqlite_utils.Database, followup_id: int, reason: str, who: str) -> Followup:
    """Drop a planned call/inspection that will not be made (reason required)."""
    text = normalise_text(reason)
    if not text:
        raise ValidationError("Give a reason for cancelling this follow-up.", "reason")
    stamp = now_iso()
    with transaction(db):
        fu = get_followup(db, followup_id, stamp)
        if fu.status != "pending":
            raise StateError(f"This follow-up is already {fu.status_label}.", "status")
        db.execute("UPDATE followups SET status = 'cancelled', cancel_reason = ?, done_by = ?, "
                   "updated_at = ? WHERE id = ?", [text, who, stamp, followup_id])
        return get_followup(db, followup_id, stamp)


