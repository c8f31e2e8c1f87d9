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
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Iterable

import sqlite_utils

from servicedesk.models.archive import customers as C
from servicedesk.models.followups import schedule as _followups
from servicedesk.models.parts import ledger as _parts
from servicedesk.models.pay import month as _pay
from servicedesk.models.tickets import rules as R
from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, StateError, ValidationError
from servicedesk.models.core.settings import get_setting, get_settings
from servicedesk.models.core.standards import WARRANTY_EXCLUSIONS, WORK_CATALOG
from servicedesk.models.core.validation import (
    fen_to_yuan_str, normalise_text, parse_datetime, parse_phone,
)

# ---------------------------------------------------------------- vocabularies
TYPES = ("repair", "installation", "inspection", "technical_service", "complaint")
CHANNELS = ("hotline", "regional_manager", "dealer", "online", "walk_in")
STATUSES = ("open", "dispatched", "completed", "reviewed", "closed", "cancelled")
RESULTS = ("done", "not_done")
# The statuses in which a ticket's completion counts (KPI repairs, pay work):
# not open/dispatched (not finished, e.g. reopened) and not cancelled.
COUNTED_STATUSES = ("completed", "reviewed", "closed")
PART_KINDS = ("warranty", "bought")

TYPE_LABELS: dict[str, str] = {"repair": "维修", "installation": "安装", "inspection": "巡检",
                               "technical_service": "技术服务", "complaint": "投诉"}
CHANNEL_LABELS: dict[str, str] = {"hotline": "电话", "regional_manager": "区域经理", "dealer": "经销商",
                                  "online": "网络", "walk_in": "来访"}
STATUS_LABELS: dict[str, str] = {"open": "受理", "dispatched": "已派工", "completed": "已完工",
                                 "reviewed": "已审核", "closed": "已结案", "cancelled": "已取消"}
RESULT_LABELS: dict[str, str] = {"done": "完成", "not_done": "未完成"}
PART_KIND_LABELS: dict[str, str] = {"warranty": "三包件", "bought": "客户购买件"}
WARRANTY_LABELS: dict[str, str] = {"in": "在保", "out": "保外"}
LEVEL_LABELS: dict[int, str] = dict(R.LEVEL_LABELS)
# ticket_rules.sla_state values, plus 'cancelled' (no clock runs on a cancelled ticket).
SLA_LABELS: dict[str, str] = {"on_time": "未超时", "due_soon": "即将超时", "overdue": "已超时",
                              "met": "按时", "missed": "超时", "cancelled": "已取消"}
# Types that must carry a fault level (the others may).
LEVEL_REQUIRED_TYPES = ("repair", "complaint")
ACTIONS = ("dispatch", "visit", "review", "signoff", "close", "cancel", "reopen")

# Where each action is allowed (allowed_actions adds the finer conditions).
_ACTION_STATES: dict[str, tuple[str, ...]] = {
    "dispatch": ("open", "dispatched", "completed"),
    "visit": ("dispatched", "completed"),          # + open for level 4 (remote fix)
    "review": ("completed",),
    "signoff": ("dispatched", "completed", "reviewed"),
    "close": ("reviewed",),
    "cancel": ("open", "dispatched", "completed", "reviewed"),
    "reopen": ("closed", "cancelled"),
}


# ---------------------------------------------------------------- dataclasses
@dataclass
class TicketInput:
    type: str                      # repair|installation|inspection|technical_service|complaint
    channel: str                   # hotline|regional_manager|dealer|online|walk_in
    customer_id: int
    equipment_id: int | None = None
    contact: str = ""              # blank: the customer's contact
    phone: str = ""                # blank: the customer's phone
    address: str = ""              # blank: the customer's address
    requested_at: str | None = None
    reported_at: str | None = None  # default now
    fault: str = ""
    recorder: str = ""
    first_judgement: str = ""
    fault_level: int | None = None  # required for repair/complaint; optional for others
    warranty_exclusion: str | None = None          # key of standards.WARRANTY_EXCLUSIONS
    warranty_override: str | None = None           # 'in' | 'out' (needs reason)
    warranty_override_reason: str = ""
    dealer: str = ""
    dealer_diagnosis: str = ""
    dealer_selfcheck: str = ""


@dataclass
class DispatchInput:
    technician_ids: list[int]      # first = leader; one id = single technician
    dispatched_at: str | None = None
    transport: str = ""
    departure_at: str | None = None
    expected_return_at: str | None = None
    tools: str = ""
    carry_parts: str = ""


@dataclass
class WorkLine:
    code: str                      # work-hour catalog code, e.g. SMALL_REPAIR
    quantity_x100: int             # 1 unit -> 100
    notes: str = ""
    id: int = 0
    name: str = ""                 # catalog name (filled on read)


@dataclass
class PartLine:
    part_code: str
    name: str
    kind: str                      # 'warranty' (三包件, free) | 'bought' (客户购买件)
    quantity: int
    unit_price_fen: int = 0
    spec: str = ""
    id: int = 0

    @property
    def total_fen(self) -> int:
        return self.quantity * self.unit_price_fen


@dataclass
class VisitInput:
    arrived_at: str | None          # None only for level 4 (remote)
    diagnosis: str = ""
    cause: str = ""
    measures: str = ""
    result: str | None = None       # 'done' | 'not_done' | None (still on site)
    repair_from: str | None = None
    repair_to: str | None = None
    completed_at: str | None = None  # default: repair_to (else arrival) when result is done
    work: list[WorkLine] = field(default_factory=list)
    parts: list[PartLine] = field(default_factory=list)
    quote_transport_fen: int = 0
    quote_lodging_days: int = 0
    quote_meal_days: int = 0
    quote_labour_days: int = 0


@dataclass(frozen=True)
class TeamMember:
    technician_id: int
    name: str
    is_leader: bool


@dataclass(frozen=True)
class Event:
    at: str
    who: str
    action: str
    field: str = ""
    old: str = ""
    new: str = ""


@dataclass(frozen=True)
class QuoteLine:
    label: str
    amount_fen: int
    detail: str = ""               # how the line was worked out, e.g. "2 天 × 150.00"


@dataclass(frozen=True)
class Quote:
    lines: list[QuoteLine]         # transport, lodging, meals, labour, materials
    subtotal_fen: int              # cost before tax
    tax_fen: int                   # subtotal x 15 %
    management_fen: int            # (subtotal + tax) x 40 %, rounded half-up on its own
    total_fen: int                 # subtotal + tax + management (the sum of the printed lines)
    applies: bool = True           # out of warranty: the customer pays


@dataclass
class TicketDetail:
    id: int
    no: str
    type: str = "repair"
    channel: str = "hotline"
    status: str = "open"
    customer_id: int = 0
    equipment_id: int | None = None
    contact: str = ""
    phone: str = ""
    address: str = ""
    requested_at: str | None = None
    reported_at: str = ""
    fault: str = ""
    recorder: str = ""
    first_judgement: str = ""
    fault_level: int | None = None
    warranty: str | None = None
    warranty_reason: str = ""
    warranty_exclusion: str | None = None
    warranty_override_reason: str = ""
    dealer: str = ""
    dealer_diagnosis: str = ""
    dealer_selfcheck: str = ""
    dispatched_at: str | None = None
    transport: str = ""
    departure_at: str | None = None
    expected_return_at: str | None = None
    tools: str = ""
    carry_parts: str = ""
    arrived_at: str | None = None
    diagnosis: str = ""
    cause: str = ""
    measures: str = ""
    result: str | None = None
    repair_from: str | None = None
    repair_to: str | None = None
    completed_at: str | None = None
    quote_transport_fen: int = 0
    quote_lodging_days: int = 0
    quote_meal_days: int = 0
    quote_labour_days: int = 0
    reviewed_by: str = ""
    reviewed_at: str | None = None
    review_notes: str = ""
    customer_opinion: str = ""
    customer_signature: str = ""
    signed_at: str | None = None
    complaint_accepted: bool | None = None
    closed_at: str | None = None
    cancelled_at: str | None = None
    cancel_reason: str = ""
    source: str = "intake"
    created_at: str = ""
    updated_at: str = ""
    # joined / computed on read
    customer_name: str = ""
    equipment_model: str = ""
    equipment_serial: str = ""
    equipment_factory_date: str | None = None
    equipment_purchase_date: str | None = None
    team: list[TeamMember] = field(default_factory=list)
    work: list[WorkLine] = field(default_factory=list)
    parts: list[PartLine] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    response_deadline: str | None = None
    onsite_deadline: str | None = None   # latest on-time arrival (level 4: remote fix)
    sla: str = "on_time"                  # key of SLA_LABELS
    on_time: bool = False
    repeat_ticket_no: str | None = None   # a later repair on the same equipment within 30 days
    successful: bool = False
    quote: Quote | None = None

    # Labels for display (Chinese data words, as printed on the forms).
    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.type, self.type)

    @property
    def channel_label(self) -> str:
        return CHANNEL_LABELS.get(self.channel, self.channel)

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS.get(self.fault_level, "") if self.fault_level else ""

    @property
    def result_label(self) -> str:
        return RESULT_LABELS.get(self.result or "", "")

    @property
    def warranty_label(self) -> str:
        return WARRANTY_LABELS.get(self.warranty or "", "")

    @property
    def leader(self) -> TeamMember | None:
        return next((m for m in self.team if m.is_leader), self.team[0] if self.team else None)

    @property
    def technician_names(self) -> str:
        return "、".join(m.name for m in self.team)


# ---------------------------------------------------------------- small helpers
def _now(at: str | None) -> str:
    return parse_datetime(at, "at") if at else now_iso()


def _free(value: object) -> str:
    """Free text (fault, diagnosis, opinion...): trimmed only. NFKC would turn
    the Chinese comma and other full-width punctuation into ASCII."""
    return str(value or "").strip()


def _text(value: object) -> str:
    return str(value or "").strip()


def _fmt_qty(x100: int) -> str:
    return fen_to_yuan_str(x100).rstrip("0").rstrip(".") if x100 % 100 else str(x100 // 100)


def _show(value: object) -> str:
    """How a value appears in the event log."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def log_event(db: sqlite_utils.Database, ticket_id: int, who: str, action: str, field: str = "",
              old: object = "", new: object = "", at: str | None = None) -> None:
    """Append one line to the ticket's log (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO ticket_events (ticket_id, at, who, action, field, old, new) VALUES (?,?,?,?,?,?,?)",
        [ticket_id, _now(at), who or "", action, field, _show(old), _show(new)])


def _apply_changes(db: sqlite_utils.Database, ticket_id: int, row: dict[str, Any],
                   changes: dict[str, Any], who: str, action: str, at: str) -> dict[str, Any]:
    """Write the columns that really changed and log each one old -> new."""
    changed = {k: v for k, v in changes.items() if row.get(k) != v}
    if changed:
        db["tickets"].update(ticket_id, {**changed, "updated_at": at})
        for key, value in changed.items():
            log_event(db, ticket_id, who, action, key, row.get(key), value, at)
    return changed


def _load_row(db: sqlite_utils.Database, ticket_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM tickets WHERE id = ?", [ticket_id]))
    if not rows:
        raise NotFound(f"No ticket with id {ticket_id}.", "ticket")
    return rows[0]


def _resolve_id(db: sqlite_utils.Database, id_or_no: int | str) -> int:
    if isinstance(id_or_no, int):
        return id_or_no
    text = normalise_text(id_or_no).upper()
    row = db.execute("SELECT id FROM tickets WHERE no = ?", [text]).fetchone()
    if row is None and text.isdigit():
        row = db.execute("SELECT id FROM tickets WHERE id = ?", [int(text)]).fetchone()
    if row is None:
        raise NotFound(f"No ticket numbered {text}.", "ticket")
    return row[0]


def _parse_time(value: object, field_name: str, label: str, required: bool = False) -> str | None:
    if value is None or _text(value) == "":
        if required:
            raise ValidationError(f"{label} is required.", field_name)
        return None
    return parse_datetime(value, field_name)


def _not_before(later: str | None, earlier: str | None, field_name: str, label: str,
                earlier_label: str) -> None:
    if later and earlier and later < earlier:
        raise ValidationError(f"{label} {later[:16]} is before {earlier_label} {earlier[:16]}.", field_name)


def _refuse(status: str, action: str) -> StateError:
    """The status-flow refusal in plain words."""
    label = STATUS_LABELS.get(status, status)
    messages = {
        ("dispatch", "cancelled"): "Cannot dispatch a cancelled ticket; reopen it first.",
        ("dispatch", "closed"): "Cannot dispatch a closed ticket; reopen it first.",
        ("dispatch", "reviewed"): "The ticket is already reviewed; the team can no longer change.",
        ("visit", "open"): "Dispatch a technician before recording the visit "
                           "(only a level-4 ticket is resolved remotely without dispatch).",
        ("visit", "cancelled"): "Cannot record a visit on a cancelled ticket; reopen it first.",
        ("visit", "closed"): "Cannot change the visit of a closed ticket; reopen it first.",
        ("visit", "reviewed"): "The ticket is already reviewed; reopen it to change the visit.",
        ("review", "open"): "Cannot review a ticket without a result: the visit must be completed (完成) first.",
        ("review", "dispatched"): "Cannot review a ticket without a result 完成: record the completed visit first.",
        ("review", "reviewed"): "The ticket is already reviewed.",
        ("close", "open"): "Cannot close a ticket without a result: dispatch and record the visit first.",
        ("close", "dispatched"): "Cannot close a ticket without a result 完成: record the completed visit first.",
        ("close", "completed"): "A supervisor must review the ticket before it is closed.",
        ("close", "closed"): "The ticket is already closed.",
        ("close", "cancelled"): "Cannot close a cancelled ticket.",
        ("cancel", "closed"): "Cannot cancel a closed ticket; reopen it first.",
        ("cancel", "cancelled"): "The ticket is already cancelled.",
        ("signoff", "open"): "The customer signs after the visit; record the visit first.",
        ("signoff", "closed"): "Cannot change the signature of a closed ticket; reopen it first.",
        ("signoff", "cancelled"): "Cannot sign a cancelled ticket.",
    }
    message = messages.get((action, status))
    if message is None:
        if action == "reopen":
            message = f"Only a closed or cancelled ticket can be reopened (this one is {label} {status})."
        else:
            message = f"Cannot {action} a ticket that is {label} ({status})."
    return StateError(message, "status")


def _require_state(row: dict[str, Any], action: str) -> None:
    states = _ACTION_STATES[action]
    if action == "visit" and row["status"] == "open" and row["fault_level"] == 4:
        return
    if row["status"] not in states:
        raise _refuse(row["status"], action)


# ---------------------------------------------------------------- numbering
_NO_RE = re.compile(r"^([A-Z]+\d{4})(\d+)$")


def number_prefix(db: sqlite_utils.Database, reported_at: str) -> str:
    """Department code + YY + MM of the reported time, e.g. YX2611."""
    code = str(get_setting(db, "office.department_code", "YX")).strip().upper()
    return f"{code}{reported_at[2:4]}{reported_at[5:7]}"


def split_number(no: str) -> tuple[str, int] | None:
    """'YX2611007' -> ('YX2611', 7); None when it does not look like our numbers."""
    m = _NO_RE.match(normalise_text(no).upper())
    return (m[1], int(m[2])) if m else None


def allocate_number(db: sqlite_utils.Database, reported_at: str) -> str:
    """Next number for the month of `reported_at`; call inside a transaction.

    The counter row is bumped in the same BEGIN IMMEDIATE transaction that
    inserts the ticket, so two clerks opening at the same moment queue on the
    write lock and get different numbers; the counter only goes up, so a
    cancelled (or rolled-back) number is never handed out again. The sequence
    has at least `ticket.number_min_digits` digits and simply grows beyond.
    """
    prefix = number_prefix(db, reported_at)
    digits = max(1, int(get_setting(db, "ticket.number_min_digits", 3)))
    while True:
        seq = db.execute(
            "INSERT INTO ticket_counters (prefix, last_seq) VALUES (?, 1) "
            "ON CONFLICT(prefix) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
            [prefix]).fetchone()[0]
        no = f"{prefix}{seq:0{digits}d}"
        # An imported number may already sit above the counter: skip it.
        if not db.execute("SELECT 1 FROM tickets WHERE no = ?", [no]).fetchone():
            return no


def reserve_number(db: sqlite_utils.Database, no: str) -> None:
    """Keep the month's counter at or above an existing (imported) number."""
    parts = split_number(no)
    if parts is None:
        return
    prefix, seq = parts
    db.execute(
        "INSERT INTO ticket_counters (prefix, last_seq) VALUES (?, ?) "
        "ON CONFLICT(prefix) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
        [prefix, seq])


# ---------------------------------------------------------------- catalog / parts master
def catalog_codes(db: sqlite_utils.Database, include_retired: bool = True) -> dict[str, str]:
    """Work-hour catalog code -> name: the pay area's table (work_catalog,
    editable, versioned) when it exists, else the shipped defaults
    (standards.WORK_CATALOG)."""
    if db["work_catalog"].exists():
        sql = "SELECT code, name FROM work_catalog" + ("" if include_retired else " WHERE active = 1")
        return {r[0]: r[1] for r in db.execute(sql + " ORDER BY sort_order, code")}
    return {code: spec[0] for code, spec in WORK_CATALOG.items()}


def part_master(db: sqlite_utils.Database, code: str) -> dict[str, Any] | None:
    """The parts-master row for `code` (name, spec, price_fen) or None when the
    parts area has no master table yet or the code is unknown."""
    if not code or not db["parts"].exists():
        return None
    cols = set(db["parts"].columns_dict)
    if "code" not in cols:
        return None
    rows = list(db.query("SELECT * FROM parts WHERE code = ?", [code]))
    if not rows:
        return None
    row = rows[0]
    price = next((row[c] for c in ("price_fen", "unit_price_fen", "sale_price_fen") if c in row), 0)
    return {"code": row["code"], "name": row.get("name") or code, "spec": row.get("spec") or "",
            "price_fen": int(price or 0)}


def has_parts_master(db: sqlite_utils.Database) -> bool:
    return db["parts"].exists() and "code" in db["parts"].columns_dict


# ---------------------------------------------------------------- intake
def _clean_level(value: object, ticket_type: str) -> int | None:
    if value is None or _text(value) == "":
        if ticket_type in LEVEL_REQUIRED_TYPES:
            raise ValidationError(
                f"A {ticket_type} ticket needs a fault level (1 一级 – 4 四级).", "fault_level")
        return None
    try:
        level = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f'"{value}" is not a fault level (1–4).', "fault_level") from None
    if level not in R.LEVELS:
        raise ValidationError(f"Fault level must be 1–4, not {level}.", "fault_level")
    return level


def _warranty(db: sqlite_utils.Database, equipment: C.Equipment | None, reported_at: str,
              exclusion: str | None, override: str | None, override_reason: str) -> dict[str, Any]:
    exclusion = exclusion or None
    override = override or None
    if exclusion and exclusion not in WARRANTY_EXCLUSIONS:
        raise ValidationError(f"Unknown 三包 exclusion {exclusion!r}.", "warranty_exclusion")
    if equipment is None:
        if override:
            decision = C.warranty_status(db, C.EquipmentInput(customer_id=0, model="", serial_no=""),
                                         reported_at, override=override, override_reason=override_reason)
            return {"warranty": decision.code, "warranty_reason": decision.reason,
                    "warranty_exclusion": exclusion,
                    "warranty_override_reason": _free(override_reason)}
        return {"warranty": None, "warranty_reason": "未指定设备，无法判定保修", "warranty_exclusion": exclusion,
                "warranty_override_reason": ""}
    decision = C.warranty_status(db, equipment, reported_at, exclusion=exclusion, override=override,
                                 override_reason=override_reason)
    return {"warranty": decision.code, "warranty_reason": decision.reason,
            "warranty_exclusion": exclusion,
            "warranty_override_reason": _free(override_reason) if override else ""}


# How far a report time may lie ahead of the clock (two PCs' clocks differ a little).
REPORTED_AHEAD_LIMIT = _dt.timedelta(minutes=10)


def check_reported_not_future(reported_at: str, field_name: str = "reported_at",
                              now: str | None = None) -> None:
    """Refuse a report time more than 10 minutes ahead of the clock.

    The ticket number comes from the report month: a typo such as 2027 for
    2026 would open next year's sequence and burn its numbers for good
    (numbers are never reused), and the deadlines would lie in the future.
    Applies to the clerk's intake, corrections and the historical import alike.
    """
    clock = R.parse_ts(now or now_iso())
    limit = clock + REPORTED_AHEAD_LIMIT
    if R.parse_ts(reported_at) > limit:
        raise ValidationError(
            f"Report time {reported_at[:16]} is in the future (the clock says {clock.isoformat(sep=' ')[:16]}; "
            f"at most 10 minutes ahead is accepted). Check the year and month.", field_name)


def clean_intake(db: sqlite_utils.Database, data: TicketInput, *, enforce_dealer: bool = True,
                  default_reported: str | None = None) -> dict[str, Any]:
    """Validated ticket columns from the intake form (raises naming the field)."""
    if data.type not in TYPES:
        raise ValidationError(f'"{data.type}" is not a ticket type ({", ".join(TYPES)}).', "type")
    if data.channel not in CHANNELS:
        raise ValidationError(f'"{data.channel}" is not a channel ({", ".join(CHANNELS)}).', "channel")
    if not data.customer_id:
        raise ValidationError("Choose the customer.", "customer_id")
    customer = C.get_customer(db, int(data.customer_id))
    equipment = None
    if data.equipment_id:
        equipment = C.get_equipment(db, int(data.equipment_id))
        if equipment.customer_id != customer.id:
            raise ValidationError(
                f"Equipment {equipment.model} {equipment.serial_no} belongs to {equipment.customer_name}, "
                f"not to {customer.name}.", "equipment_id")
    reported = _parse_time(data.reported_at, "reported_at", "Report time") or default_reported or now_iso()
    if reported != default_reported:     # an unchanged report time of an existing ticket stays valid
        check_reported_not_future(reported)
    requested = _parse_time(data.requested_at, "requested_at", "Requested service time")
    level = _clean_level(data.fault_level, data.type)
    fault = _free(data.fault)
    values = {
        "type": data.type, "channel": data.channel, "customer_id": customer.id,
        "equipment_id": equipment.id if equipment else None,
        "contact": normalise_text(data.contact) or customer.contact,
        "phone": parse_phone(data.phone, "phone") or customer.phone,
        "address": normalise_text(data.address) or customer.address,
        "requested_at": requested, "reported_at": reported, "fault": fault,
        "recorder": normalise_text(data.recorder), "first_judgement": _free(data.first_judgement),
        "fault_level": level,
        "dealer": normalise_text(data.dealer), "dealer_diagnosis": _free(data.dealer_diagnosis),
        "dealer_selfcheck": _free(data.dealer_selfcheck),
    }
    if data.channel == "dealer":
        if not values["dealer"]:
            values["dealer"] = (equipment.dealer if equipment else "") or customer.dealer
        if enforce_dealer:
            _check_dealer_report(values, equipment)
    values.update(_warranty(db, equipment, reported, data.warranty_exclusion, data.warranty_override,
                            data.warranty_override_reason))
    return values


def _check_dealer_report(values: dict[str, Any], equipment: C.Equipment | None) -> None:
    """A dealer-reported fault must carry model, serial no, factory date, the
    install self-check record, the fault and the dealer's diagnosis (000)."""
    if equipment is None:
        raise ValidationError("A dealer-reported fault needs the equipment (model and serial no).",
                              "equipment_id")
    if not equipment.factory_date:
        raise ValidationError(
            f"A dealer-reported fault needs the factory date (出厂日期) of {equipment.model} "
            f"{equipment.serial_no}; add it to the equipment record first.", "factory_date")
    if not values["dealer_selfcheck"]:
        raise ValidationError("A dealer-reported fault needs the install self-check record (安装自检记录).",
                              "dealer_selfcheck")
    if not values["fault"]:
        raise ValidationError("A dealer-reported fault needs the fault description (故障现象).", "fault")
    if not values["dealer_diagnosis"]:
        raise ValidationError("A dealer-reported fault needs the dealer's diagnosis (经销商初步诊断).",
                              "dealer_diagnosis")


def open_ticket(db: sqlite_utils.Database, data: TicketInput, who: str, *, at: str | None = None,
                no: str | None = None, source: str = "intake",
                enforce_dealer: bool = True) -> TicketDetail:
    """Take a call: validate, decide the warranty, number the ticket, log it.

    `no` (an existing number, from the historical import) and
    `enforce_dealer=False` exist for replaying history; the clerk's form never
    passes them.
    """
    values = clean_intake(db, data, enforce_dealer=enforce_dealer)
    stamp = _now(at) if at else (values["reported_at"] if source != "intake" else now_iso())
    with transaction(db):
        tid = insert_ticket(db, values, who, stamp, no=no, source=source)
    return get_ticket(db, tid)


def insert_ticket(db: sqlite_utils.Database, values: dict[str, Any], who: str, stamp: str, *,
                  no: str | None = None, source: str = "intake") -> int:
    """Number and insert cleaned intake values (inside the caller's transaction)."""
    if no:
        no = normalise_text(no).upper()
        if db.execute("SELECT 1 FROM tickets WHERE no = ?", [no]).fetchone():
            raise ValidationError(f"Ticket number {no} is already used.", "no")
        reserve_number(db, no)
    else:
        no = allocate_number(db, values["reported_at"])
    tid = db["tickets"].insert({**values, "no": no, "status": "open", "source": source,
                                "created_at": stamp, "updated_at": stamp}).last_pk
    log_event(db, tid, who, "open", "no", "", no, stamp)
    if values.get("warranty") is not None:
        log_event(db, tid, who, "open", "warranty", "", values["warranty_reason"], stamp)
    return tid


def update_ticket(db: sqlite_utils.Database, ticket_id: int, data: TicketInput, who: str,
                  at: str | None = None) -> TicketDetail:
    """Correct the intake (level, fault, contact, equipment, warranty...), logged field by field.

    The number stays: it was given at intake from the first report time.
    """
    stamp = _now(at)
    with transaction(db):
        row = _load_row(db, ticket_id)
        if row["status"] in ("closed", "cancelled"):
            raise StateError(f"Cannot change a {STATUS_LABELS[row['status']]} ticket; reopen it first.",
                             "status")
        values = clean_intake(db, data, enforce_dealer=row["source"] == "intake",
                               default_reported=row["reported_at"])
        if values["reported_at"] != row["reported_at"] or values["fault_level"] != row["fault_level"]:
            _pay.ensure_ticket_editable(db, ticket_id)
        _apply_changes(db, ticket_id, row, values, who, "update", stamp)
    return get_ticket(db, ticket_id)


# ---------------------------------------------------------------- dispatch
def dispatch(db: sqlite_utils.Database, ticket_id: int, data: DispatchInput, who: str,
             at: str | None = None) -> TicketDetail:
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
        row = _load_row(db, ticket_id)
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


def _team(db: sqlite_utils.Database, ticket_id: int) -> list[TeamMember]:
    return [TeamMember(r[0], r[1], bool(r[2])) for r in db.execute(
        "SELECT tt.technician_id, t.name, tt.is_leader FROM ticket_technicians tt "
        "JOIN technicians t ON t.id = tt.technician_id WHERE tt.ticket_id = ? "
        "ORDER BY tt.is_leader DESC, tt.rowid", [ticket_id])]


# ---------------------------------------------------------------- visit
def clean_work(db: sqlite_utils.Database, lines: Iterable[WorkLine],
                keep: Iterable[str] = ()) -> list[WorkLine]:
    """Codes must be active catalog items; `keep` lets a line already on the
    ticket keep a code retired since."""
    catalog = set(catalog_codes(db, include_retired=False)) | set(keep)
    out = []
    for line in lines:
        code = normalise_text(line.code).upper()
        if code not in catalog:
            raise ValidationError(f'Work code "{line.code}" is not in the work-hour catalog.', "work")
        qty = line.quantity_x100
        if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0:
            raise ValidationError(f"Quantity of {code} must be more than 0.", "work")
        out.append(WorkLine(code, qty, _free(line.notes)))
    return out


def clean_parts(db: sqlite_utils.Database, lines: Iterable[PartLine]) -> list[PartLine]:
    out = []
    for line in lines:
        code = normalise_text(line.part_code)
        master = (part_master(db, code) or part_master(db, code.upper())) if code else None
        if master:
            code = master["code"]
        if code and master is None and has_parts_master(db):
            raise ValidationError(f'Part "{line.part_code}" is not in the parts list.', "parts")
        name = normalise_text(line.name) or (master["name"] if master else code)
        if not name:
            raise ValidationError("Each part needs a name or a part code.", "parts")
        if line.kind not in PART_KINDS:
            raise ValidationError(f'Part kind must be 三包件 (warranty) or 客户购买件 (bought), '
                                  f'not "{line.kind}".', "parts")
        qty = line.quantity
        if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0:
            raise ValidationError(f"Quantity of {name} must be a whole number above 0.", "parts")
        price = line.unit_price_fen
        if not isinstance(price, int) or isinstance(price, bool) or price < 0:
            raise ValidationError(f"Unit price of {name} must be a whole number of fen, not negative.",
                                  "parts")
        if line.kind == "bought" and not price and master:
            price = master["price_fen"]
        out.append(PartLine(code, name, line.kind, qty, price,
                            normalise_text(line.spec) or (master["spec"] if master else "")))
    return out


def _work_text(lines: Iterable[WorkLine]) -> str:
    return "; ".join(f"{w.code}*{_fmt_qty(w.quantity_x100)}" for w in lines)


def _parts_text(lines: Iterable[PartLine]) -> str:
    return "; ".join(
        f"{PART_KIND_LABELS[p.kind]} {p.part_code or p.name}*{p.quantity}"
        + (f"@{fen_to_yuan_str(p.unit_price_fen)}" if p.unit_price_fen else "") for p in lines)


def _load_work(db: sqlite_utils.Database, ticket_id: int, catalog: dict[str, str] | None = None) -> list[WorkLine]:
    catalog = catalog if catalog is not None else catalog_codes(db)
    return [WorkLine(r[1], r[2], r[3], r[0], catalog.get(r[1], "")) for r in db.execute(
        "SELECT id, code, quantity_x100, notes FROM ticket_work WHERE ticket_id = ? ORDER BY id", [ticket_id])]


def _load_parts(db: sqlite_utils.Database, ticket_id: int) -> list[PartLine]:
    return [PartLine(r[1], r[2], r[3], r[4], r[5], r[6], r[0]) for r in db.execute(
        "SELECT id, part_code, name, kind, quantity, unit_price_fen, spec FROM ticket_parts "
        "WHERE ticket_id = ? ORDER BY id", [ticket_id])]


def _same_work(a: list[WorkLine], b: list[WorkLine]) -> bool:
    return [(w.code, w.quantity_x100, w.notes) for w in a] == [(w.code, w.quantity_x100, w.notes) for w in b]


def _same_parts(a: list[PartLine], b: list[PartLine]) -> bool:
    key = lambda p: (p.part_code, p.name, p.kind, p.quantity, p.unit_price_fen, p.spec)  # noqa: E731
    return [key(p) for p in a] == [key(p) for p in b]


def _non_negative(value: object, field_name: str, label: str) -> int:
    if value is None or value == "":
        return 0
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(f"{label} must be a whole number, not negative.", field_name)
    return value


def record_visit(db: sqlite_utils.Database, ticket_id: int, data: VisitInput, who: str,
                 at: str | None = None, *, sync_stock: bool = True) -> TicketDetail:
    """Record (or correct) what happened on site: arrival, findings, result,
    repair time, work lines and parts. Result 完成 completes the ticket; 未完成
    keeps it dispatched for another visit. Parts changes are reconciled with the
    stock ledger (booked at `at`, default now); `sync_stock=False` is for the
    historical import, which moves stock only when asked (--move-stock)."""
    stamp = _now(at)
    with transaction(db):
        row = _load_row(db, ticket_id)
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
                  at: str | None = None, who: str = "") -> TicketDetail:
    """The supervisor checks the completed job (维修报告审核)."""
    stamp = _now(at)
    name = normalise_text(reviewer)
    if not name:
        raise ValidationError("Give the name of the supervisor who reviewed the ticket.", "reviewer")
    with transaction(db):
        row = _load_row(db, ticket_id)
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
                   who: str = "") -> TicketDetail:
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
        row = _load_row(db, ticket_id)
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


# ---------------------------------------------------------------- quote
def _half_up(numerator: int, denominator: int) -> int:
    return int((Decimal(numerator) / Decimal(denominator)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def compute_quote(settings: dict[str, Any], *, transport_fen: int, lodging_days: int, meal_days: int,
                  labour_days: int, materials_fen: int, applies: bool = True) -> Quote:
    """Paid-service quote (003 table 1, 4.5.3.1), integer fen.

    cost = transport + lodging×150 + meals×50 + labour×200 + materials;
    tax = cost × 15 %; management = (cost + tax) × 40 %; quote = cost + tax +
    management (= cost × 1.15 × 1.40 before rounding).

    Each printed line is rounded half-up to the fen ONCE, on its own, and the
    total is the plain sum of the printed lines, so the quote adds up on paper
    line by line (a clerk checking 673.27 × 40 % finds 269.31 on the sheet).
    Rounding the total once instead would make the management line a
    remainder that does not match its own percentage.
    """
    lodging_rate = int(settings["quote.lodging_per_day_fen"])
    meal_rate = int(settings["quote.meals_per_day_fen"])
    labour_rate = int(settings["quote.labour_per_day_fen"])
    tax_bp = int(settings["quote.tax_bp"])
    mgmt_bp = int(settings["quote.management_bp"])
    lines = [
        QuoteLine("交通费", transport_fen, "实报实销"),
        QuoteLine("住宿费", lodging_days * lodging_rate, f"{lodging_days} 天 × {fen_to_yuan_str(lodging_rate)}"),
        QuoteLine("伙食费", meal_days * meal_rate, f"{meal_days} 天 × {fen_to_yuan_str(meal_rate)}"),
        QuoteLine("人工费", labour_days * labour_rate, f"{labour_days} 天 × {fen_to_yuan_str(labour_rate)}"),
        QuoteLine("材料费", materials_fen, "客户购买件按价格表"),
    ]
    subtotal = sum(line.amount_fen for line in lines)
    tax = _half_up(subtotal * tax_bp, 10_000)
    management = _half_up((subtotal + tax) * mgmt_bp, 10_000)
    return Quote(lines, subtotal, tax, management, subtotal + tax + management, applies)


def _quote(db: sqlite_utils.Database, detail: TicketDetail) -> Quote:
    materials = sum(p.total_fen for p in detail.parts if p.kind == "bought")
    return compute_quote(get_settings(db, "quote."), transport_fen=detail.quote_transport_fen,
                         lodging_days=detail.quote_lodging_days, meal_days=detail.quote_meal_days,
                         labour_days=detail.quote_labour_days, materials_fen=materials,
                         applies=detail.warranty == "out")


def ticket_quote(db: sqlite_utils.Database, ticket_id: int) -> Quote:
    """The quote of a ticket, line by line (shown for out-of-warranty work)."""
    return get_ticket(db, ticket_id).quote  # type: ignore[return-value]
