"""Technician pay (DOMAIN §4): from work done on tickets to an approved, locked month.

Every yuan on a slip is traceable to a ticket line or a rule:

- Work: a ticket's work lines (catalog code x quantity, valued with the rate
  in force at the ticket's completion, see catalog.py) give its standard
  hours. They count in the month the ticket is completed with result 完成
  (status completed/reviewed/closed). A 未完成 ticket has no completion time
  yet, so its work counts in the month it is finally completed; a cancelled
  ticket earns nothing.
- Team split (setting pay.team_split): "equal" by default, or
  "leader_weighted" (the leader counts pay.leader_weight_bp / 10000 shares).
  Hours stay exact in hundredths. The parts always add up to the whole: each
  member gets the floor of his exact share and the hundredths left over go,
  one each, to the largest fractional parts, ties to the leader first and then
  to the members in dispatch order (13.5 h / 2 = 6.75 + 6.75; 10 h / 3 =
  3.34 (leader) + 3.33 + 3.33).
- Money is integer fen: a line's performance pay = its hours x the hourly rate,
  rounded half-up ONCE per line (one line = one technician's share of one
  ticket). Month pay = living allowance (6 yuan x (days worked - long-trip
  days)) + base salary (register; a supervisor with no base in the register
  gets pay.supervisor_base_fen) + performance - deductions + reimbursed
  round-trip tickets (own line). Deductions come out of performance pay; they
  are not capped at it (a negative net performance shows as such).
- Deductions (考核扣款) are attached to a ticket with a reason and the persons
  charged; the amount per person is fixed when recorded (settings may change
  later), except a major accident whose amount is the person's performance
  pay for that job.
- Disputes: a technician may dispute a line before approval; a month with an
  open dispute cannot be approved. An upheld dispute of a deduction waives it
  for that person.
- Approval: the manager's PIN (salted scrypt, set on first use) locks the
  month; the computed figures are stored as a snapshot (a locked month always
  shows what was approved) and the tickets behind them are listed, so
  `ensure_ticket_editable` refuses changes to them. A correction after the
  lock is an adjustment line in a later (open) month. Unlocking needs the PIN
  and a reason and is logged with the figures that were unlocked.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterable

import sqlite_utils

from servicedesk.models.pay.catalog import RateBook, _div_half_up, load_rates
from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import LockedError, NotFound, StateError, ValidationError
from servicedesk.models.core.importing import (
    Column, ExchangeKind, RowContext, RowRejected, SheetSpec, collect_field_errors,
)
from servicedesk.models.core.settings import get_settings
from servicedesk.models.core.validation import (
    normalise_text, parse_date, parse_int,
)

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

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_PIN = re.compile(r"^\d{4,12}$")
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


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


# ====================================================================== months
def parse_month(value: object, field: str = "month") -> str:
    """'2026-3' / '2026-03' / a date -> 'YYYY-MM'."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    text = normalise_text(value)
    m = _MONTH.match(text) or re.match(r"^(\d{4})-(\d{2})-\d{2}", text)
    if not m or not 1 <= int(m[2]) <= 12:
        raise ValidationError(f'"{value}" is not a month (use 2026-03).', field)
    return f"{int(m[1]):04d}-{int(m[2]):02d}"


def month_bounds(month: str) -> tuple[str, str]:
    """[first moment, first moment of the next month) as comparable ISO strings."""
    year, mon = int(month[:4]), int(month[5:7])
    nxt = f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"
    return f"{month}-01 00:00:00", f"{nxt}-01 00:00:00"


def next_month(month: str) -> str:
    return month_bounds(month)[1][:7]


def days_in_month(month: str) -> int:
    return calendar.monthrange(int(month[:4]), int(month[5:7]))[1]


def free_text(value: object, field: str, label: str = "", required: bool = False) -> str:
    """Reasons and outcomes are kept as typed (no width folding), only trimmed."""
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise ValidationError(f"{label or field} is required.", field)
    return text


def current_month() -> str:
    return now_iso()[:7]


def month_state(db: sqlite_utils.Database, month: str) -> MonthState:
    month = parse_month(month)
    row = db.execute("SELECT status, approved_at, approved_by FROM pay_months WHERE month = ?",
                     [month]).fetchone()
    if row is None:
        return MonthState(month, "draft", None, "")
    return MonthState(month, row[0], row[1], row[2])


def is_locked(db: sqlite_utils.Database, month: str) -> bool:
    return db.execute("SELECT 1 FROM pay_months WHERE month = ? AND status = 'locked'",
                      [month]).fetchone() is not None


def locked_months(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT month FROM pay_months WHERE status = 'locked' ORDER BY month")]


def _locked_message(month: str) -> str:
    return (f"Pay month {month} is approved and locked: its figures can no longer change. "
            f"Record a correction as an adjustment in an open month, or ask the manager to unlock {month}.")


def ensure_month_open(db: sqlite_utils.Database, month: str, field: str = "month") -> None:
    """Refuse writes that feed a locked month (attendance, deductions, adjustments)."""
    if is_locked(db, month):
        raise LockedError(_locked_message(month), field)


def ensure_ticket_editable(db: sqlite_utils.Database, ticket_id: int,
                           completed_at: str | None = None) -> None:
    """Raise LockedError when the ticket feeds an approved (locked) pay month.

    Called by tickets before changing a ticket's team, work, result or times.
    Locked when the ticket is behind an approved month's figures (its work, a
    deduction or a reimbursement), or when it counts (done, not cancelled) in
    a month that is locked. `completed_at`, when given, is the completion time
    about to be recorded: completing a ticket inside a locked month is refused
    too, because the approved month would silently miss its work.
    """
    row = db.execute("SELECT no, status, result, completed_at FROM tickets WHERE id = ?",
                     [ticket_id]).fetchone()
    if row is None:
        return
    no, status, result, done_at = row
    hit = db.execute("SELECT month FROM pay_month_tickets WHERE ticket_id = ? ORDER BY month LIMIT 1",
                     [ticket_id]).fetchone()
    month = hit[0] if hit else None
    if month is None and done_at and status in COUNTED_STATUSES and result == "done" \
            and is_locked(db, done_at[:7]):
        month = done_at[:7]
    if month is None and completed_at and is_locked(db, str(completed_at)[:7]):
        month = str(completed_at)[:7]
    if month is not None:
        raise LockedError(
            f"Ticket {no} is part of the approved pay month {month}, which is locked: its team, work, "
            f"result and times can no longer change. Record a correction as a pay adjustment in an open "
            f"month, or ask the manager to unlock {month}.", "ticket")


# ====================================================================== pure rules
def split_shares(total: int, members: list[tuple[int, int]]) -> dict[int, int]:
    """Split `total` (hundredths or fen) by weights, exactly; parts sum to total.

    members: (key, weight) in priority order (leader first). Each gets the
    floor of his exact share; what is left goes one unit at a time to the
    largest remainders, ties to the earlier member.
    """
    if not members:
        return {}
    weight_sum = sum(w for _, w in members)
    if weight_sum <= 0:
        raise ValueError("weights must be positive")
    shares = {}
    remainders = []
    for i, (key, weight) in enumerate(members):
        q, r = divmod(total * weight, weight_sum)
        shares[key] = q
        remainders.append((-r, i, key))
    left = total - sum(shares.values())
    for _, _, key in sorted(remainders)[:left]:
        shares[key] += 1
    return shares


def team_shares(hours_x100: int, team: list[tuple[int, bool]], rule: str = "equal",
                leader_weight_bp: int = 15000) -> dict[int, int]:
    """A job's hours split over its team: team = [(technician id, is leader)] in dispatch order."""
    ordered = sorted(team, key=lambda m: not m[1])          # leader first, order otherwise kept
    if rule == "leader_weighted":
        members = [(tid, leader_weight_bp if leader else 10000) for tid, leader in ordered]
    else:
        members = [(tid, 1) for tid, _ in ordered]
    return split_shares(hours_x100, members)


def money_for_hours(hours_x100: int, rate_per_hour_fen: int) -> int:
    """Hours (hundredths) x rate (fen per hour) in fen, rounded half-up once."""
    return _div_half_up(hours_x100 * rate_per_hour_fen, 100)


def allowance_fen(days_worked: int, long_trip_days: int, per_day_fen: int) -> int:
    return max(days_worked - long_trip_days, 0) * per_day_fen


def qty_text(quantity_x100: int) -> str:
    """300 -> '3', 150 -> '1.5' (quantities without trailing zeros)."""
    text = hours_text(quantity_x100)
    return text.rstrip("0").rstrip(".") if "." in text else text


def hours_text(hours_x100: int) -> str:
    sign = "-" if hours_x100 < 0 else ""
    v = abs(hours_x100)
    return f"{sign}{v // 100}.{v % 100:02d}"


# ====================================================================== jobs (tickets)
@dataclass
class _Job:
    id: int
    no: str
    type: str
    completed_at: str | None
    customer: str
    work: list[tuple[str, int, int | None]] = field(default_factory=list)  # code, qty, hours
    team: list[tuple[int, bool]] = field(default_factory=list)

    @property
    def hours_x100(self) -> int:
        return sum(h or 0 for _, _, h in self.work)

    def describe(self, book: RateBook) -> str:
        parts = []
        for code, qty, hours in self.work:
            name = book.name(code)
            if hours is None:
                parts.append(f"{code}（未知工时代码）×{hours_text(qty)} = 0 h")
            else:
                parts.append(f"{name} ×{qty_text(qty)}{book.unit(code)} = "
                             f"{hours_text(hours)} h")
        return "；".join(parts) or "（无工时）"


def _load_jobs(db: sqlite_utils.Database, where: str, params: list[Any], book: RateBook,
               now: str) -> dict[int, _Job]:
    """Tickets matching `where` (on alias t) with their work and team, in 3 queries."""
    jobs: dict[int, _Job] = {}
    for tid, no, typ, done, cust in db.execute(
            "SELECT t.id, t.no, t.type, t.completed_at, COALESCE(c.name, '') FROM tickets t "
            f"LEFT JOIN customers c ON c.id = t.customer_id WHERE {where} ORDER BY t.completed_at, t.no",
            params):
        jobs[tid] = _Job(tid, no, typ, done, cust)
    if not jobs:
        return jobs
    for tid, code, qty in db.execute(
            "SELECT w.ticket_id, w.code, w.quantity_x100 FROM ticket_work w JOIN tickets t ON t.id = w.ticket_id "
            f"WHERE {where} ORDER BY w.id", params):
        job = jobs[tid]
        job.work.append((code, qty, book.hours(code, qty, job.completed_at or now)))
    for tid, tech, leader in db.execute(
            "SELECT tt.ticket_id, tt.technician_id, tt.is_leader FROM ticket_technicians tt "
            f"JOIN tickets t ON t.id = tt.ticket_id WHERE {where} ORDER BY tt.ticket_id, tt.rowid", params):
        jobs[tid].team.append((tech, bool(leader)))
    return jobs


def _ids_where(ids: Iterable[int]) -> tuple[str, list[Any]]:
    ids = sorted(set(ids))
    return (f"t.id IN ({', '.join('?' for _ in ids)})", ids) if ids else ("0", [])


# ====================================================================== computing a month
def compute_month(db: sqlite_utils.Database, month: str) -> MonthPay:
    """Compute the month from today's data (ignores any approved snapshot)."""
    month = parse_month(month)
    start, end = month_bounds(month)
    now = now_iso()
    cfg = get_settings(db, "pay.")
    rate = int(cfg["pay.rate_per_hour_fen"])
    per_day = int(cfg["pay.living_allowance_per_day_fen"])
    supervisor_base = int(cfg["pay.supervisor_base_fen"])
    rule = str(cfg["pay.team_split"])
    weight = int(cfg["pay.leader_weight_bp"])
    book = load_rates(db)
    state = month_state(db, month)

    techs = {r[0]: r for r in db.execute(
        "SELECT id, name, role, base_salary_fen, active FROM technicians ORDER BY id")}
    lines: dict[int, list[PayLine]] = {}

    def add(line: PayLine) -> None:
        lines.setdefault(line.technician_id, []).append(line)

    # -- work: tickets completed (done) in the month
    status_list = ", ".join(f"'{s}'" for s in COUNTED_STATUSES)
    # "+t.status" keeps the planner on the completed_at index: a month is a
    # narrow range, the status index would walk every closed ticket.
    where = (f"t.completed_at >= ? AND t.completed_at < ? AND t.result = 'done' "
             f"AND +t.status IN ({status_list})")
    jobs = _load_jobs(db, where, [start, end], book, now)
    for job in jobs.values():
        total = job.hours_x100
        shares = team_shares(total, job.team, rule, weight)
        desc = job.describe(book)
        for tech, leader in job.team:
            hrs = shares[tech]
            add(PayLine("work", tech, job.id, job.no, (job.completed_at or "")[:10], job.customer,
                        f"{TYPE_LABELS.get(job.type, job.type)}：{desc}", total, len(job.team), leader,
                        hrs, money_for_hours(hrs, rate)))

    # -- deductions recorded for this month
    ded_rows = db.execute(
        "SELECT d.id, d.ticket_id, t.no, d.kind, d.detail, d.reason, d.items, d.cost_fen, d.occurred_on, "
        "d.source, p.technician_id, p.amount_fen, p.waived, t.completed_at, COALESCE(c.name, '') "
        "FROM pay_deductions d JOIN pay_deduction_persons p ON p.deduction_id = d.id "
        "JOIN tickets t ON t.id = d.ticket_id LEFT JOIN customers c ON c.id = t.customer_id "
        "WHERE d.month = ? AND d.voided = 0 ORDER BY d.id, p.technician_id", [month]).fetchall()
    major_ids = {r[1] for r in ded_rows if r[3] == "major_accident"}
    major_jobs = _load_jobs(db, *_ids_where(major_ids), book, now) if major_ids else {}
    for (did, tid, no, kind, detail, reason, items, cost, occurred, source, tech, amount,
         waived, done, cust) in ded_rows:
        if kind == "major_accident":
            job = major_jobs[tid]
            shares = team_shares(job.hours_x100, job.team, rule, weight)
            amount = money_for_hours(shares.get(tech, 0), rate)
        text = _deduction_text(kind, detail, items, cost, source, reason)
        if waived:
            text += f"（申诉成立，免扣 {amount / 100:.2f} 元）"
        add(PayLine("deduction", tech, tid, no, occurred or (done or "")[:10], cust, text,
                    amount_fen=0 if waived else int(amount or 0), ref_id=did, waived=bool(waived)))

    # -- adjustments (corrections after a lock, or anything the manager agrees)
    for aid, tech, tid, no, hrs, amt, reason, created in db.execute(
            "SELECT a.id, a.technician_id, a.ticket_id, COALESCE(t.no, ''), a.hours_x100, a.amount_fen, "
            "a.reason, a.created_at FROM pay_adjustments a LEFT JOIN tickets t ON t.id = a.ticket_id "
            "WHERE a.month = ? ORDER BY a.id", [month]):
        add(PayLine("adjustment", tech, tid, no, created[:10], "", f"调整：{reason}",
                    hours_x100=hrs, amount_fen=money_for_hours(hrs, rate) + amt, ref_id=aid))

    # -- reimbursed round-trip tickets (installations)
    for rid, tech, tid, no, amt, note, done, cust in db.execute(
            "SELECT r.id, r.technician_id, r.ticket_id, t.no, r.amount_fen, r.note, t.completed_at, "
            "COALESCE(c.name, '') FROM pay_reimbursements r JOIN tickets t ON t.id = r.ticket_id "
            "LEFT JOIN customers c ON c.id = t.customer_id WHERE r.month = ? ORDER BY r.id", [month]):
        add(PayLine("reimbursement", tech, tid, no, (done or "")[:10], cust,
                    "安装往返车票" + (f"：{note}" if note else ""), amount_fen=amt, ref_id=rid))

    # -- disputes mark their lines
    open_disputes = 0
    marks: dict[tuple, str] = {}
    for tech, kind, tid, ref, status in db.execute(
            "SELECT technician_id, line_kind, ticket_id, ref_id, status FROM pay_disputes "
            "WHERE month = ? ORDER BY id", [month]):
        marks[(tech, kind, tid if kind == "work" else ref)] = status
        open_disputes += status == "open"
    for tech_lines in lines.values():
        for ln in tech_lines:
            key = (ln.technician_id, ln.kind, ln.ticket_id if ln.kind == "work" else ln.ref_id)
            ln.dispute = marks.get(key, "")

    attendance = {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT technician_id, days_worked, long_trip_days FROM pay_attendance WHERE month = ?", [month])}

    result = MonthPay(month, state.status, state.approved_at, state.approved_by, now, rate, per_day,
                      rule, open_disputes)
    shown = [tid for tid, r in techs.items() if r[4] or tid in lines or tid in attendance]
    shown.sort(key=lambda tid: (techs[tid][2] != "supervisor", tid))
    for tid in shown:
        _id, name, role, base, active = techs[tid]
        days, trips = attendance.get(tid, (0, 0))
        tech_lines = lines.get(tid, [])
        order = {"work": 0, "adjustment": 1, "deduction": 2, "reimbursement": 3}
        tech_lines.sort(key=lambda ln: (order[ln.kind], ln.date, ln.ticket_no))
        tp = TechnicianPay(tid, name, role, bool(active), days, trips)
        tp.lines = tech_lines
        tp.hours_x100 = sum(ln.hours_x100 for ln in tech_lines if ln.kind in ("work", "adjustment"))
        tp.performance_fen = sum(ln.amount_fen for ln in tech_lines if ln.kind in ("work", "adjustment"))
        tp.deductions_fen = sum(ln.amount_fen for ln in tech_lines if ln.kind == "deduction")
        tp.reimbursement_fen = sum(ln.amount_fen for ln in tech_lines if ln.kind == "reimbursement")
        tp.allowance_fen = allowance_fen(days, trips, per_day)
        tp.base_fen = base if base else (supervisor_base if role == "supervisor" else 0)
        tp.total_fen = (tp.allowance_fen + tp.base_fen + tp.performance_fen - tp.deductions_fen
                        + tp.reimbursement_fen)
        result.technicians.append(tp)
    return result


def _deduction_text(kind: str, detail: str, items: int, cost_fen: int, source: str, reason: str) -> str:
    label = DEDUCTION_KINDS.get(kind, kind)
    if kind == "missing_document":
        text = f"{label}：{DOCUMENTS.get(detail, detail)}"
    elif kind == "small_accident":
        text = f"{label}：事故费用 {cost_fen / 100:.2f} 元 ×2"
    elif kind == "defect":
        text = f"{label}（{DEFECT_SOURCES.get(source, source)}）{items} 项" + (f"：{detail}" if detail else "")
    else:
        text = label + (f"：{detail}" if detail else "")
    if reason and reason != detail:
        text += f"；{reason}"
    return text


def month_pay(db: sqlite_utils.Database, month: str) -> MonthPay:
    """The month as people see it: the approved snapshot when locked, else computed now."""
    month = parse_month(month)
    row = db.execute("SELECT status, snapshot, approved_at, approved_by FROM pay_months WHERE month = ?",
                     [month]).fetchone()
    if row and row[0] == "locked" and row[1]:
        snap = MonthPay.from_json(row[1])
        snap.status, snap.approved_at, snap.approved_by = "locked", row[2], row[3]
        snap.open_disputes = 0
        return snap
    return compute_month(db, month)


# ====================================================================== attendance
def _technician(db: sqlite_utils.Database, technician_id: int) -> tuple[int, str, str, int]:
    row = db.execute("SELECT id, name, role, active FROM technicians WHERE id = ?", [technician_id]).fetchone()
    if row is None:
        raise NotFound(f"No technician with id {technician_id}.", "technician")
    return row


def find_technician_id(db: sqlite_utils.Database, name: str, field: str = "technician") -> int:
    text = normalise_text(name)
    if not text:
        raise ValidationError("Technician name is required.", field)
    row = db.execute("SELECT id FROM technicians WHERE name = ?", [text]).fetchone()
    if row is None:
        raise NotFound(f'No technician named "{text}" in the register.', field)
    return row[0]


def _clean_attendance(month: str, days_worked: object, long_trip_days: object) -> tuple[int, int]:
    days = parse_int(days_worked, "days_worked", required=True, minimum=0)
    trips = parse_int(long_trip_days, "long_trip_days", minimum=0, default=0)
    limit = days_in_month(month)
    if days > limit:
        raise ValidationError(f"{month} has only {limit} days; days worked cannot be {days}.", "days_worked")
    if trips > days:
        raise ValidationError(f"Long-trip days ({trips}) cannot exceed days worked ({days}).",
                              "long_trip_days")
    return days, trips


def _write_attendance(db: sqlite_utils.Database, month: str, technician_id: int, days: int, trips: int,
                      who: str) -> None:
    db.execute(
        "INSERT INTO pay_attendance (month, technician_id, days_worked, long_trip_days, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(month, technician_id) DO UPDATE SET "
        "days_worked = excluded.days_worked, long_trip_days = excluded.long_trip_days, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        [month, technician_id, days, trips, now_iso(), who])


def set_attendance(db: sqlite_utils.Database, month: str, technician_id: int, days_worked: object,
                   long_trip_days: object = 0, who: str = "") -> AttendanceRow:
    """Days worked and long-trip days (远差) of one technician in one month."""
    month = parse_month(month)
    days, trips = _clean_attendance(month, days_worked, long_trip_days)
    with transaction(db):
        tech = _technician(db, technician_id)
        ensure_month_open(db, month)
        _write_attendance(db, month, technician_id, days, trips, who)
    per_day = int(get_settings(db, "pay.")["pay.living_allowance_per_day_fen"])
    return AttendanceRow(tech[0], tech[1], tech[2], days, trips, allowance_fen(days, trips, per_day), True)


def attendance_grid(db: sqlite_utils.Database, month: str) -> list[AttendanceRow]:
    """Every active technician (and anyone with a record) for the month's grid."""
    month = parse_month(month)
    per_day = int(get_settings(db, "pay.")["pay.living_allowance_per_day_fen"])
    rows = []
    for tid, name, role, days, trips in db.execute(
            "SELECT t.id, t.name, t.role, a.days_worked, a.long_trip_days FROM technicians t "
            "LEFT JOIN pay_attendance a ON a.technician_id = t.id AND a.month = ? "
            "WHERE t.active = 1 OR a.month IS NOT NULL "
            "ORDER BY t.role != 'supervisor', t.id", [month]):
        rows.append(AttendanceRow(tid, name, role, days or 0, trips or 0,
                                  allowance_fen(days or 0, trips or 0, per_day), days is not None))
    return rows


ATTENDANCE_SPEC = SheetSpec("attendance", "出勤", (
    Column("technician", "姓名", "须与服务人员档案中的姓名一致，如 张伟；每人一行（同一人出现两次整表不导入）",
           required=True, width=12),
    Column("days_worked", "出勤天数", "当月实际出勤天数（整数），如 24", required=True, width=10, kind="int"),
    Column("long_trip_days", "远差天数", "出勤中远差的天数，远差不发生活补贴，如 6；空白 = 0", width=10,
           kind="int"),
))


def _attendance_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    month_opt = ctx.options.get("month")
    if not month_opt:
        raise ValidationError("Give the month of the attendance: --month YYYY-MM.", "month")
    month = parse_month(month_opt)
    parsed = collect_field_errors(ctx, {
        "technician": lambda: find_technician_id(db, values.get("technician")),
        "days_worked": lambda: parse_int(values.get("days_worked"), "days_worked", required=True, minimum=0),
        "long_trip_days": lambda: parse_int(values.get("long_trip_days"), "long_trip_days", minimum=0,
                                            default=0),
    })
    # One row per person: a second row for the same technician would silently
    # overwrite the first (last wins), so it is refused like a stock count's.
    # The rows seen are kept per import run (keyed by that run's problem list).
    seen_state = ctx.options.get("_attendance_seen")
    if seen_state is None or seen_state[0] is not ctx.problems:
        seen_state = (ctx.problems, {})
        ctx.options["_attendance_seen"] = seen_state
    seen: dict[int, int] = seen_state[1]
    if parsed["technician"] in seen:
        ctx.problem("technician", f"{normalise_text(values.get('technician'))} appears more than once in this "
                                  f"sheet (also row {seen[parsed['technician']]})")
        raise RowRejected
    seen[parsed["technician"]] = row
    days, trips = _clean_attendance(month, parsed["days_worked"], parsed["long_trip_days"])
    ensure_month_open(db, month)
    existed = db.execute("SELECT 1 FROM pay_attendance WHERE month = ? AND technician_id = ?",
                         [month, parsed["technician"]]).fetchone()
    _write_attendance(db, month, parsed["technician"], days, trips, str(ctx.options.get("who") or ""))
    return "updated" if existed else "created"


def _export_attendance(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """This month's grid (every active technician), ready to fill in and import."""
    return [{"technician": r.name, "days_worked": r.days_worked, "long_trip_days": r.long_trip_days}
            for r in attendance_grid(db, current_month())]


# No sample rows: an untouched template imported must not book attendance for
# an invented person; examples live in the column notes.
ATTENDANCE_SHEET = ExchangeKind(ATTENDANCE_SPEC, _attendance_row, _export_attendance)


# ====================================================================== tickets for pay dialogs
def find_ticket(db: sqlite_utils.Database, id_or_no: int | str) -> TicketRef:
    """A ticket with its team, for choosing whom a deduction or refund concerns."""
    if isinstance(id_or_no, int):
        row = db.execute("SELECT t.id, t.no, t.type, t.status, t.result, t.completed_at, COALESCE(c.name,'') "
                         "FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?",
                         [id_or_no]).fetchone()
    else:
        row = db.execute("SELECT t.id, t.no, t.type, t.status, t.result, t.completed_at, COALESCE(c.name,'') "
                         "FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.no = ?",
                         [normalise_text(id_or_no).upper()]).fetchone()
    if row is None:
        raise NotFound(f"No ticket {id_or_no}.", "ticket")
    team = [(r[0], r[1], bool(r[2])) for r in db.execute(
        "SELECT tt.technician_id, te.name, tt.is_leader FROM ticket_technicians tt "
        "JOIN technicians te ON te.id = tt.technician_id WHERE tt.ticket_id = ? ORDER BY tt.is_leader DESC, tt.rowid",
        [row[0]])]
    return TicketRef(*row, team=team)


def active_technicians(db: sqlite_utils.Database) -> list[tuple[int, str, str]]:
    return [tuple(r) for r in db.execute(
        "SELECT id, name, role FROM technicians WHERE active = 1 ORDER BY role != 'supervisor', id")]


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
    cfg = get_settings(db, "pay.")
    kind = data.kind
    if kind not in DEDUCTION_KINDS:
        raise ValidationError(f"Choose a deduction kind: {', '.join(DEDUCTION_KINDS)}.", "kind")
    occurred = parse_date(data.occurred_on, "occurred_on") if data.occurred_on else None
    reason = free_text(data.reason, "reason")
    with transaction(db):
        ticket = find_ticket(db, data.ticket_id)
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
        month = parse_month(data.month) if data.month else _default_month(db, ticket, occurred)
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


# ====================================================================== PIN
def _hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def _pin_matches(pin: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        got = hashlib.scrypt(pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def _clean_pin(pin: object) -> str:
    text = normalise_text(pin)
    if not _PIN.match(text):
        raise ValidationError("The PIN is 4 to 12 digits.", "pin")
    return text


def pin_is_set(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT 1 FROM pay_secrets WHERE key = 'manager_pin'").fetchone() is not None


def set_pin(db: sqlite_utils.Database, new_pin: str, old_pin: str | None = None, who: str = "") -> None:
    """Set the manager's PIN (first use) or change it (the old PIN is required)."""
    new = _clean_pin(new_pin)
    with transaction(db):
        row = db.execute("SELECT value FROM pay_secrets WHERE key = 'manager_pin'").fetchone()
        if row is not None and not _pin_matches(normalise_text(old_pin), row[0]):
            raise ValidationError("The current PIN is wrong.", "old_pin")
        db.execute("INSERT INTO pay_secrets (key, value) VALUES ('manager_pin', ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [_hash_pin(new)])
        _log(db, who, "pin_change" if row else "pin_set", "", "")


def verify_pin(db: sqlite_utils.Database, pin: str) -> bool:
    row = db.execute("SELECT value FROM pay_secrets WHERE key = 'manager_pin'").fetchone()
    return row is not None and _pin_matches(normalise_text(pin), row[0])


def _require_pin(db: sqlite_utils.Database, pin: str, month: str, who: str, action: str) -> None:
    """Inside the caller's transaction: set on first use, else verify."""
    if not pin_is_set(db):
        db.execute("INSERT INTO pay_secrets (key, value) VALUES ('manager_pin', ?)", [_hash_pin(_clean_pin(pin))])
        _log(db, who, "pin_set", month, f"PIN set on first {action}")
        return
    if not verify_pin(db, pin):
        raise ValidationError("Wrong PIN.", "pin")


def _log_refusal(db: sqlite_utils.Database, who: str, month: str, action: str) -> None:
    with transaction(db):
        _log(db, who, "pin_refused", month, action)


# ====================================================================== approve / unlock
def approve_month(db: sqlite_utils.Database, month: str, pin: str, who: str = "",
                  at: str | None = None) -> MonthState:
    """The manager approves the month: figures frozen, its tickets and inputs locked."""
    month = parse_month(month)
    try:
        with transaction(db):
            if is_locked(db, month):
                raise StateError(f"Pay month {month} is already approved.", "month")
            _require_pin(db, pin, month, who, "approval")
            open_count = db.execute("SELECT COUNT(*) FROM pay_disputes WHERE month = ? AND status = 'open'",
                                    [month]).fetchone()[0]
            if open_count:
                raise StateError(f"{open_count} disputed line(s) in {month} have no outcome yet: "
                                 "record the outcomes before approving.", "disputes")
            stamp = at or now_iso()
            pay = compute_month(db, month)
            pay.status, pay.approved_at, pay.approved_by = "locked", stamp, who
            db.execute(
                "INSERT INTO pay_months (month, status, approved_at, approved_by, snapshot, updated_at) "
                "VALUES (?, 'locked', ?, ?, ?, ?) ON CONFLICT(month) DO UPDATE SET status = 'locked', "
                "approved_at = excluded.approved_at, approved_by = excluded.approved_by, "
                "snapshot = excluded.snapshot, updated_at = excluded.updated_at",
                [month, stamp, who, pay.to_json(), stamp])
            start, end = month_bounds(month)
            status_list = ", ".join(f"'{s}'" for s in COUNTED_STATUSES)
            ticket_ids = pay.ticket_ids() | {r[0] for r in db.execute(
                f"SELECT id FROM tickets WHERE completed_at >= ? AND completed_at < ? AND result = 'done' "
                f"AND +status IN ({status_list})", [start, end])}
            db["pay_month_tickets"].insert_all(({"month": month, "ticket_id": t} for t in sorted(ticket_ids)),
                                               ignore=True)
            totals = pay.totals()
            _log(db, who, "approve", month, f"{len(pay.technicians)} technicians, total "
                 f"{totals['total_fen'] / 100:.2f} yuan, {len(ticket_ids)} tickets")
    except ValidationError as exc:
        if exc.field == "pin" and pin_is_set(db):
            _log_refusal(db, who, month, "approve")
        raise
    return month_state(db, month)


def unlock_month(db: sqlite_utils.Database, month: str, pin: str, reason: str, who: str = "",
                 at: str | None = None) -> MonthState:
    """Reopen an approved month (PIN and reason; the unlocked figures are logged)."""
    month = parse_month(month)
    reason = free_text(reason, "reason", "Reason", required=True)
    try:
        with transaction(db):
            row = db.execute("SELECT status, snapshot FROM pay_months WHERE month = ?", [month]).fetchone()
            if row is None or row[0] != "locked":
                raise StateError(f"Pay month {month} is not approved, so there is nothing to unlock.", "month")
            if not pin_is_set(db) or not verify_pin(db, pin):
                raise ValidationError("Wrong PIN.", "pin")
            stamp = at or now_iso()
            totals = MonthPay.from_json(row[1]).totals() if row[1] else {"total_fen": 0}
            db.execute("UPDATE pay_months SET status = 'draft', snapshot = NULL, updated_at = ? WHERE month = ?",
                       [stamp, month])
            db.execute("DELETE FROM pay_month_tickets WHERE month = ?", [month])
            _log(db, who, "unlock", month,
                 f"reason: {reason}; approved total was {totals['total_fen'] / 100:.2f} yuan")
    except ValidationError as exc:
        if exc.field == "pin":
            _log_refusal(db, who, month, "unlock")
        raise
    return month_state(db, month)


# ====================================================================== log
def _log(db: sqlite_utils.Database, who: str, action: str, month: str, detail: str) -> None:
    db["pay_log"].insert({"at": now_iso(), "who": who, "action": action, "month": month, "detail": detail})


def list_log(db: sqlite_utils.Database, month: str | None = None, limit: int = 200) -> list[LogEntry]:
    if month:
        rows = db.execute("SELECT at, who, action, month, detail FROM pay_log WHERE month = ? "
                          "ORDER BY id DESC LIMIT ?", [parse_month(month), limit])
    else:
        rows = db.execute("SELECT at, who, action, month, detail FROM pay_log ORDER BY id DESC LIMIT ?", [limit])
    return [LogEntry(*r) for r in rows]


def fen_to_yuan(fen: int) -> str:
    """Display helper shared by CLI/reports: 12345 -> '123.45'."""
    from servicedesk.models.core.validation import fen_to_yuan_str

    return fen_to_yuan_str(fen)
