"""Repair tickets' words and records: vocabularies, labels and the dataclasses.

The inputs of each step (TicketInput, DispatchInput, VisitInput with its work
and part lines) and what a ticket reads back as (TicketDetail, its team,
events and quote) are shared by every tickets module, the ticket sheets, the
printed forms, the CLI and the tickets tab; they live here, apart from the
code of the steps (lifecycle.py), so that any of them can be imported without
the status flow.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from servicedesk.models.tickets import rules as R

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


# ---------------------------------------------------------------- field groups
# The parts of a ticket that the ticket screen (TicketDetail) and the printed
# forms (printing.forms.TicketForm) both show, declared once here and
# inherited by both. Keyword-only, so each record keeps its own required
# fields (a ticket's id, a form's office) first.
@dataclass(kw_only=True)
class IntakeRecord:
    """The call as taken at intake (受理): times, fault, fault level, warranty decision."""

    requested_at: str | None = None
    reported_at: str = ""
    fault: str = ""
    recorder: str = ""
    first_judgement: str = ""
    fault_level: int | None = None
    warranty: str | None = None
    warranty_reason: str = ""


@dataclass(kw_only=True)
class VisitRecord:
    """What the visit found and did, its result and when the fault was resolved."""

    arrived_at: str | None = None
    diagnosis: str = ""
    cause: str = ""
    measures: str = ""
    result: str | None = None       # 'done' | 'not_done' | None (still on site)
    repair_from: str | None = None
    repair_to: str | None = None
    completed_at: str | None = None

    @property
    def result_label(self) -> str:
        return RESULT_LABELS.get(self.result or "", "")


@dataclass(kw_only=True)
class SignoffRecord:
    """The supervisor's review and the customer's opinion and signature."""

    reviewed_by: str = ""
    reviewed_at: str | None = None
    customer_opinion: str = ""
    customer_signature: str = ""
    signed_at: str | None = None


@dataclass
class VisitInput(VisitRecord):
    """What the clerk enters for a visit: the VisitRecord fields (keyword-only,
    arrival first and positional), the work and part lines and the quote's inputs.

    completed_at, when not given for result 完成, defaults to repair_to (else
    the arrival).
    """

    arrived_at: str | None = field()  # required (field() drops the group's default); None only for level 4
    work: list[WorkLine] = field(default_factory=list)
    parts: list[PartLine] = field(default_factory=list)
    quote_transport_fen: int = 0
    quote_lodging_days: int = 0
    quote_meal_days: int = 0
    quote_labour_days: int = 0


@dataclass
class TicketDetail(SignoffRecord, VisitRecord, IntakeRecord):
    """A ticket as read back: its row, the intake/visit/sign-off groups, and what is joined or computed."""

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
    # intake beyond IntakeRecord
    warranty_exclusion: str | None = None
    warranty_override_reason: str = ""
    dealer: str = ""
    dealer_diagnosis: str = ""
    dealer_selfcheck: str = ""
    # dispatch slip
    dispatched_at: str | None = None
    transport: str = ""
    departure_at: str | None = None
    expected_return_at: str | None = None
    tools: str = ""
    carry_parts: str = ""
    # visit beyond VisitRecord: the quote's inputs
    quote_transport_fen: int = 0
    quote_lodging_days: int = 0
    quote_meal_days: int = 0
    quote_labour_days: int = 0
    # review beyond SignoffRecord; close, cancel, bookkeeping
    review_notes: str = ""
    complaint_accepted: bool | None = None
    closed_at: str | None = None
    cancelled_at: str | None = None
    cancel_reason: str = ""
    source: str = "intake"
    created_at: str = ""
    updated_at: str = ""
    version: int = 0                      # what a dialog's save compares (models/core/record_guard.py)
    updated_by: str = ""
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
    def warranty_label(self) -> str:
        return WARRANTY_LABELS.get(self.warranty or "", "")

    @property
    def leader(self) -> TeamMember | None:
        return next((m for m in self.team if m.is_leader), self.team[0] if self.team else None)

    @property
    def technician_names(self) -> str:
        return "、".join(m.name for m in self.team)
