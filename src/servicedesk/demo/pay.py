"""Demo pay data: attendance, deductions, refunds, dealer bills, disputes, approvals.

Runs after the demo tickets. Every month from the first completed ticket to
this month gets an attendance grid for every active technician; a few jobs
get deductions (missing documents, a small accident, a defect found at
inspection, one major accident), installations get their round-trip tickets
refunded, dealer dispatches get travel entered; there is a dispute upheld in
a past month and one still open in this month. Every past month is approved
and locked with the demo manager PIN (DEMO_PIN, printed in the summary);
the current month stays a draft.
"""

from __future__ import annotations

import datetime as _dt
import random

import sqlite_utils

from servicedesk.models.pay import billing as D
from servicedesk.models.pay import month as P
from servicedesk.models.core.db import now_iso
from servicedesk.models.core.errors import DomainError

DEMO_PIN = "1234"
MANAGER = "李经理"
CLERK = "内勤小王"
ROUTES = ["杭州—金华 往返", "杭州—宁波 往返", "杭州—温州 往返", "杭州—湖州 往返", "杭州—衢州 往返"]


def _months(first: str, last: str) -> list[str]:
    out, m = [], first
    while m <= last:
        out.append(m)
        m = P.next_month(m)
    return out


def _done_tickets(db: sqlite_utils.Database, month: str) -> list[tuple[int, str, str, str]]:
    start, end = P.month_bounds(month)
    return [tuple(r) for r in db.execute(
        "SELECT t.id, t.type, t.channel, t.completed_at FROM tickets t "
        "WHERE t.completed_at >= ? AND t.completed_at < ? AND t.result = 'done' "
        "AND t.status IN ('completed', 'reviewed', 'closed') "
        "AND EXISTS (SELECT 1 FROM ticket_technicians tt WHERE tt.ticket_id = t.id) "
        "ORDER BY t.completed_at, t.id", [start, end])]


def build(db: sqlite_utils.Database, rng: random.Random, years: int = 2) -> dict[str, int]:
    today = _dt.date.today()
    current = f"{today.year:04d}-{today.month:02d}"
    first = db.execute("SELECT MIN(completed_at) FROM tickets WHERE result = 'done'").fetchone()[0]
    if first is None or not P.active_technicians(db):
        return {"pay months approved": 0}
    months = _months(first[:7], current)
    counts = {"attendance rows": 0, "deductions": 0, "refunds": 0, "dealer bills": 0, "disputes": 0}
    technicians = P.active_technicians(db)
    major_done = False
    for index, month in enumerate(months):
        # -- attendance: a working month, long trips for some
        limit = today.day if month == current else P.days_in_month(month)
        for tid, _name, role in technicians:
            days = min(limit, rng.randint(20, 26) if role == "technician" else rng.randint(21, 24))
            trips = 0 if role == "supervisor" or rng.random() < 0.3 else min(days, rng.randint(2, 9))
            P.set_attendance(db, month, tid, days, trips, who=CLERK)
            counts["attendance rows"] += 1
        jobs = _done_tickets(db, month)
        if not jobs:
            continue
        # -- deductions
        pick = rng.sample(jobs, min(len(jobs), 2))
        for tid, *_rest in pick[:1]:
            _try(counts, "deductions", lambda tid=tid: P.add_deduction(db, P.DeductionInput(
                tid, "missing_document", document=rng.choice(list(P.DOCUMENTS)),
                reason="资料未按时交内勤", month=month), who=CLERK))
        if index % 3 == 1 and len(pick) > 1:
            tid = pick[1][0]
            _try(counts, "deductions", lambda: P.add_deduction(db, P.DeductionInput(
                tid, "small_accident", cost_fen=rng.randint(5, 30) * 10_00, reason="吊装时碰坏工地围挡",
                month=month), who=CLERK))
        if index % 4 == 2:
            tid = rng.choice(jobs)[0]
            _try(counts, "deductions", lambda: P.add_deduction(db, P.DeductionInput(
                tid, "defect", items=rng.choice([1, 1, 2]), source="inspection", reason="螺栓未按规定紧固",
                month=month), who=CLERK))
        if not major_done and index == len(months) // 2:
            tid = rng.choice(jobs)[0]
            major_done = _try(counts, "deductions", lambda: P.add_deduction(db, P.DeductionInput(
                tid, "major_accident", reason="高处作业未系安全带，人员受伤送医", month=month), who=CLERK))
        # -- refunds for installations, dealer travel for dealer dispatches
        for tid, typ, channel, _done in jobs:
            ticket = P.find_ticket(db, tid)
            if typ == "installation":
                route = rng.choice(ROUTES)
                fare = rng.randint(8, 40) * 10_00
                for member, _n, _leader in ticket.team:
                    _try(counts, "refunds", lambda member=member: P.add_reimbursement(
                        db, tid, member, fare, route, month=month, who=CLERK))
            if channel == "dealer" and rng.random() < 0.6:
                _try(counts, "dealer bills", lambda: D.set_dealer_billing(db, tid, D.DealerTravelInput(
                    transport_fen=rng.randint(20, 80) * 10_00, days=rng.randint(1, 4),
                    mode=rng.choice(list(D.MODES)), dealer=""), who=CLERK))
        # -- disputes: one upheld in the month before last, one open now
        if len(months) > 1 and month == months[-2]:
            month_pay = P.compute_month(db, month)
            ded = next((ln for t in month_pay.technicians for ln in t.lines if ln.kind == "deduction"), None)
            if ded is not None:
                d = P.raise_dispute(db, month, ded.technician_id, "deduction", "派工单已交，内勤登记遗漏",
                                    ref_id=ded.ref_id, who=CLERK)
                P.resolve_dispute(db, d.id, True, "查到派工单原件，免扣", who=MANAGER)
                counts["disputes"] += 1
        if month == current:
            month_pay = P.compute_month(db, month)
            work = next((ln for t in month_pay.technicians for ln in t.lines
                         if ln.kind == "work" and ln.team_size > 1), None)
            if work is not None:
                P.raise_dispute(db, month, work.technician_id, "work", "这台主要是我干的，平分不合理",
                                ticket_id=work.ticket_id, who=CLERK)
                counts["disputes"] += 1
    approved = 0
    if not P.pin_is_set(db):
        P.set_pin(db, DEMO_PIN)  # approving no longer sets the PIN on first use
    for month in months:
        if month < current:
            at = f"{P.next_month(month)}-0{rng.randint(2, 6)} 10:{rng.randint(10, 59)}:00"
            P.approve_month(db, month, DEMO_PIN, who=MANAGER, at=min(at, now_iso()))
            approved += 1
    return {**counts, f"pay months approved (manager PIN {DEMO_PIN})": approved}


def _try(counts: dict[str, int], key: str, action) -> bool:
    """A demo input the rules refuse (e.g. a ticket without a team) is skipped, not fatal."""
    try:
        action()
    except DomainError:
        return False
    counts[key] += 1
    return True
