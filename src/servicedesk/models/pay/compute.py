"""Computing a pay month: from the tickets' work lines to each technician's figures.

`compute_month` is the one place where the rules of DOMAIN §4 (see month.py)
meet the data: work of the tickets completed in the month, split over each
team, deductions, adjustments, reimbursements, dispute marks and attendance.
`month_pay` shows an approved month's frozen snapshot instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

import sqlite_utils

from servicedesk.models.core.db import now_iso
from servicedesk.models.core.settings import base_salary_key, settings_for_month, versions_in_force
from servicedesk.models.pay.catalog import RateBook, load_rates
from servicedesk.models.pay.months import month_bounds, month_state, parse_month
from servicedesk.models.pay.records import (
    COUNTED_STATUSES, DEDUCTION_KINDS, DEFECT_SOURCES, DOCUMENTS, TYPE_LABELS, MonthPay, PayLine,
    TechnicianPay,
)
from servicedesk.models.pay.rules import allowance_fen, hours_text, money_for_hours, qty_text, team_shares

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
    cfg = settings_for_month(db, month, "pay.")  # the rates in force in the month, not today's
    rate = int(cfg["pay.rate_per_hour_fen"])
    per_day = int(cfg["pay.living_allowance_per_day_fen"])
    supervisor_base = int(cfg["pay.supervisor_base_fen"])
    rule = str(cfg["pay.team_split"])
    weight = int(cfg["pay.leader_weight_bp"])
    book = load_rates(db)
    state = month_state(db, month)

    techs = {r[0]: r for r in db.execute(
        "SELECT id, name, role, base_salary_fen, active FROM technicians ORDER BY id")}
    bases = versions_in_force(db, month, "technician.")  # base salaries in force in the month
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
        base = int(bases.get(base_salary_key(tid), base))
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
