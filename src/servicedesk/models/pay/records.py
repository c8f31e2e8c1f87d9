"""The pay area's words and records: vocabularies and the dataclasses at its boundary.

Held apart from the rules so that every pay module (months, computing,
corrections, disputes, approval) and its callers (the pay tab, the slips and
workbooks) can share one definition of a pay line, a technician's month and
the month itself, without importing the code that computes them. The rules
behind the figures are described in month.py, the area's public API.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from servicedesk.models.core.errors import NotFound

# Tickets whose work counts: completed with result done, not cancelled.
COUNTED_STATUSES = ("completed", "reviewed", "closed")

DEDUCTION_KINDS = {
    "missing_document": "资料缺失",
    "small_accident": "小安全事故",
    "major_accident": "重大事故（取消此项绩效）",
    "defect": "安装/维修质量问题",
    "other": "其他扣款",
}
# The documents a job must hand to the clerk (000 §五 考核标准).
DOCUMENTS = {
    "self_check_report": "安装自检报告",
    "outsourced_parts_list": "外协配套件明细表",
    "dispatch_slip": "派工单",
    "signed_record": "现场签字的巡检/维修记录",
}
DEFECT_SOURCES = {"customer": "30天内工地反映", "inspection": "公司巡检发现"}
LINE_KINDS = {
    "work": "工时", "deduction": "考核扣款", "adjustment": "调整",
    "reimbursement": "车票报销", "attendance": "出勤",
}
DISPUTE_STATUS = {"open": "申诉中", "upheld": "申诉成立", "rejected": "申诉驳回"}
TYPE_LABELS = {
    "repair": "维修", "installation": "安装", "inspection": "巡检",
    "technical_service": "技术服务", "complaint": "投诉",
}
ROLE_LABELS = {"technician": "技术员", "supervisor": "主管"}   # the register's words (technicians.py)
STATE_LABELS = {"draft": "草稿", "locked": "已审批锁定"}


# ====================================================================== dataclasses
@dataclass
class PayLine:
    """One line behind a technician's figures (a slip row)."""

    kind: str                      # work | deduction | adjustment | reimbursement
    technician_id: int
    ticket_id: int | None = None
    ticket_no: str = ""
    date: str = ""                 # completion / event date
    customer: str = ""
    description: str = ""
    job_hours_x100: int = 0        # work: the whole job's standard hours
    team_size: int = 0
    leader: bool = False
    hours_x100: int = 0            # this person's hours (work, adjustment)
    amount_fen: int = 0            # money of this line; deductions are positive amounts taken off
    ref_id: int | None = None      # deduction / adjustment / reimbursement id
    dispute: str = ""              # '' | open | upheld | rejected
    waived: bool = False

    @property
    def signed_fen(self) -> int:
        return -self.amount_fen if self.kind == "deduction" else self.amount_fen


@dataclass
class TechnicianPay:
    technician_id: int
    name: str
    role: str
    active: bool
    days_worked: int = 0
    long_trip_days: int = 0
    hours_x100: int = 0
    performance_fen: int = 0
    allowance_fen: int = 0
    base_fen: int = 0
    reimbursement_fen: int = 0
    deductions_fen: int = 0
    total_fen: int = 0
    lines: list[PayLine] = field(default_factory=list)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


@dataclass
class MonthPay:
    month: str
    status: str = "draft"          # draft | locked
    approved_at: str | None = None
    approved_by: str = ""
    computed_at: str = ""
    rate_per_hour_fen: int = 0
    allowance_per_day_fen: int = 0
    team_split: str = "equal"
    open_disputes: int = 0
    technicians: list[TechnicianPay] = field(default_factory=list)

    @property
    def locked(self) -> bool:
        return self.status == "locked"

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.status]

    def totals(self) -> dict[str, int]:
        keys = ("hours_x100", "performance_fen", "allowance_fen", "base_fen",
                "reimbursement_fen", "deductions_fen", "total_fen")
        return {k: sum(getattr(t, k) for t in self.technicians) for k in keys}

    def technician(self, technician_id: int) -> TechnicianPay:
        for t in self.technicians:
            if t.technician_id == technician_id:
                return t
        raise NotFound(f"Technician {technician_id} has no pay in {self.month}.", "technician")

    def ticket_ids(self) -> set[int]:
        return {ln.ticket_id for t in self.technicians for ln in t.lines if ln.ticket_id}

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "MonthPay":
        raw = json.loads(text)
        line_keys = {f.name for f in fields(PayLine)}
        tech_keys = {f.name for f in fields(TechnicianPay)}
        techs = []
        for t in raw.pop("technicians", []):
            lines = [PayLine(**{k: v for k, v in ln.items() if k in line_keys}) for ln in t.pop("lines", [])]
            techs.append(TechnicianPay(**{k: v for k, v in t.items() if k in tech_keys}, lines=lines))
        month_keys = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in month_keys}, technicians=techs)


@dataclass
class MonthState:
    month: str
    status: str
    approved_at: str | None
    approved_by: str

    @property
    def locked(self) -> bool:
        return self.status == "locked"

    @property
    def label(self) -> str:
        return STATE_LABELS[self.status]


@dataclass
class AttendanceRow:
    technician_id: int
    name: str
    role: str
    days_worked: int = 0
    long_trip_days: int = 0
    allowance_fen: int = 0
    recorded: bool = False


@dataclass
class DeductionInput:
    """What the clerk records; the rule for `kind` fixes who pays how much."""

    ticket_id: int
    kind: str                                  # key of DEDUCTION_KINDS
    document: str = ""                         # missing_document: key of DOCUMENTS
    cost_fen: int = 0                          # small_accident: the accident's cost
    items: int = 1                             # defect: number of defective items
    amount_fen: int = 0                        # other: amount per person
    technician_ids: list[int] | None = None    # persons charged (None = the whole team)
    reason: str = ""
    occurred_on: str | None = None             # date of the event / the report
    source: str = ""                           # defect: customer | inspection
    month: str | None = None                   # default: see add_deduction


@dataclass
class Deduction:
    id: int
    ticket_id: int
    ticket_no: str
    month: str
    kind: str
    detail: str
    reason: str
    items: int
    cost_fen: int
    occurred_on: str | None
    source: str
    voided: bool
    persons: list[tuple[int, str, int | None, bool]]   # (technician id, name, amount fen, waived)

    @property
    def kind_label(self) -> str:
        return DEDUCTION_KINDS.get(self.kind, self.kind)


@dataclass
class Dispute:
    id: int
    month: str
    technician_id: int
    technician: str
    line_kind: str
    ticket_id: int | None
    ticket_no: str
    ref_id: int | None
    reason: str
    raised_at: str
    raised_by: str
    status: str
    outcome: str
    resolved_at: str | None
    resolved_by: str

    @property
    def status_label(self) -> str:
        return DISPUTE_STATUS.get(self.status, self.status)


@dataclass
class LogEntry:
    at: str
    who: str
    action: str
    month: str
    detail: str


@dataclass
class TicketRef:
    id: int
    no: str
    type: str
    status: str
    result: str | None
    completed_at: str | None
    customer: str
    team: list[tuple[int, str, bool]]          # (technician id, name, is leader)
