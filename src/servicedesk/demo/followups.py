"""Demo follow-up calls and inspections, made through the real model functions.

Runs last: the tickets step already planned the calls (tickets call
followups.schedule_for_ticket). Here every call whose window has opened is
made, in time order, by one of the clerks: most reach the customer and most
customers are satisfied; some do not answer (the call moves to the next day
and is made again), a few say 不满意 and one raises a complaint, which opens a
complaint ticket. Inspections that fell due are mostly done (each plans the
next one). The last two days' calls are left for the clerk, and a few older
ones are "forgotten" so the dashboard has overdue calls to show.

Some units are looked after by their dealer alone (no office ticket ever):
they are added here, after the tickets step, so no demo ticket picks them.
Without them the office would have served every demo unit in its warranty
year and the dealer service fee (DOMAIN §6) would be 0 for every dealer.

Finally the previous month is marked as sent to head office (a real workbook
is written to a temporary folder and its SHA-256 stored) and one call of that
month is entered late afterwards, so the dashboard shows the "this changes
the figures already sent" warning.
"""

from __future__ import annotations

import datetime as _dt
import random
import tempfile
from pathlib import Path

import sqlite_utils

from servicedesk.models.followups import calls as F
from servicedesk.models.kpi import month as K
from servicedesk.models.core.db import transaction
from servicedesk.models.core.errors import DomainError

CLERKS = ["林芳", "何静"]
USAGE = ["设备运行正常", "使用频繁，运行平稳", "偶有小故障，不影响使用", "已停用待转场", "运行正常，按时保养"]
QUALITY = ["质量稳定", "质量不错", "起升机构偶有异响", "整体满意", "电气部分较敏感"]
DEALER_OPINION = ["经销商响应及时", "经销商服务一般", "经销商较少回访", "", ""]
OFFICE_OPINION = ["服务及时，态度好", "维修师傅专业", "到场稍慢", "满意", ""]
SUGGESTIONS = ["", "", "", "希望提供操作培训", "建议增加配件库存", "希望缩短到场时间"]
SATISFACTION_WEIGHTS = [("very_satisfied", 46), ("satisfied", 42), ("neutral", 8), ("dissatisfied", 4)]
FINDINGS = ["整机状况良好", "标准节螺栓需紧固，已处理", "钢丝绳轻微磨损，建议下次更换", "限位装置灵敏可靠",
            "润滑不足，已加注润滑脂"]


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    keys, weights = zip(*weighted)
    return rng.choices(keys, weights)[0]


def _ts(moment: _dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat(sep=" ")


def _moment(rng: random.Random, due_from: str, due_at: str, now: _dt.datetime, late: bool) -> _dt.datetime:
    """A working-hours moment inside the window (or a little after it when late)."""
    start = _dt.datetime.fromisoformat(due_from)
    end = _dt.datetime.fromisoformat(due_at)
    if late:
        start, end = end, end + _dt.timedelta(days=rng.randint(1, 3))
    span = max(0.0, (end - start).total_seconds())
    moment = start + _dt.timedelta(seconds=rng.uniform(0, span))
    if moment.hour < 8 or moment.hour >= 18:
        moment = moment.replace(hour=rng.randint(8, 17), minute=rng.randint(0, 59))
        if moment < start:
            moment += _dt.timedelta(days=1)
    return min(moment, now - _dt.timedelta(minutes=5))


def build(db: sqlite_utils.Database, rng: random.Random, years: int = 2) -> dict[str, int]:
    now = _dt.datetime.combine(_dt.date.today(), _dt.time(8, 0))
    keep_from = _ts(now - _dt.timedelta(days=2))   # the last two days are left for the clerk
    forget_from = _ts(now - _dt.timedelta(days=20))
    with transaction(db):
        for (tid,) in db.execute("SELECT id FROM tickets WHERE completed_at IS NOT NULL "
                                 "OR status = 'cancelled'").fetchall():
            F.schedule_for_ticket(db, tid)
    counts = {"calls": 0, "calls not reached": 0, "complaints from calls": 0, "inspections": 0}
    skipped: set[int] = set()
    held = _call_to_enter_late(db, now)
    if held is not None:
        skipped.add(held)   # entered after the month is sent (see _send_previous_month)
    complaint_done = False
    complaint_after = _ts(now - _dt.timedelta(days=60))
    for _round in range(6):
        rows = db.execute(
            "SELECT f.id, f.kind, f.due_from, f.due_at FROM followups f LEFT JOIN tickets t ON t.id = f.ticket_id "
            "WHERE f.status = 'pending' AND f.due_from < ? AND (t.status IS NULL OR t.status != 'cancelled') "
            "ORDER BY f.due_from, f.id", [keep_from]).fetchall()
        rows = [r for r in rows if r[0] not in skipped]
        if not rows:
            break
        for start in range(0, len(rows), 400):
            with transaction(db):
                for fid, kind, due_from, due_at in rows[start:start + 400]:
                    if due_at >= forget_from and rng.random() < 0.08:
                        skipped.add(fid)          # forgotten lately: shows as overdue
                        continue
                    late = rng.random() < 0.07
                    moment = _moment(rng, due_from, due_at, now, late)
                    clerk = rng.choice(CLERKS)
                    try:
                        if kind == "inspection":
                            if due_at >= forget_from and rng.random() < 0.3:
                                skipped.add(fid)
                                continue
                            F.record_inspection(db, fid, F.InspectionInput(
                                done_at=_ts(moment), inspector=rng.choice(["王建军", "刘海涛", "陈国庆", "赵立新"]),
                                findings=rng.choice(FINDINGS)), clerk)
                            counts["inspections"] += 1
                            continue
                        if rng.random() < 0.1:
                            F.record_call(db, fid, F.CallInput(reached=False, called_at=_ts(moment),
                                                               notes=rng.choice(["无人接听", "关机", "占线"])),
                                          clerk)
                            counts["calls not reached"] += 1
                            continue
                        satisfaction = _pick(rng, SATISFACTION_WEIGHTS)
                        complaint = ""
                        if (satisfaction == "dissatisfied" and not complaint_done
                                and _ts(moment) >= complaint_after):
                            complaint = "维修后设备仍时有异响，客户要求再次上门检查并说明原因"
                            complaint_done = True
                        F.record_call(db, fid, F.CallInput(
                            reached=True, called_at=_ts(moment), usage=rng.choice(USAGE),
                            quality=rng.choice(QUALITY), dealer_opinion=rng.choice(DEALER_OPINION),
                            office_opinion=rng.choice(OFFICE_OPINION), satisfaction=satisfaction,
                            suggestions=rng.choice(SUGGESTIONS), complaint=complaint, complaint_level=3), clerk)
                        counts["calls"] += 1
                        counts["complaints from calls"] += bool(complaint)
                    except DomainError:
                        skipped.add(fid)
    counts["dealer-served units"] = _dealer_served_units(db, rng, now.date())
    counts["months sent"] = _send_previous_month(db, rng, now, held)
    return counts


def _dealer_served_units(db: sqlite_utils.Database, rng: random.Random, today: _dt.date) -> int:
    """Per dealer, units its own service people look after (the office never
    served them): two whose 12-month warranty ended last year, two ending this
    year, so last year's and this year's dealer fee are not all zero."""
    from servicedesk.demo.customers import MODELS
    from servicedesk.models.archive import customers as C

    added = 0
    dealers = [r[0] for r in db.execute("SELECT DISTINCT dealer FROM customers WHERE dealer != '' ORDER BY dealer")]
    with transaction(db):
        for dealer in dealers:
            owners = [r[0] for r in db.execute("SELECT id FROM customers WHERE dealer = ? ORDER BY id", [dealer])]
            for years_back in (2, 2, 1, 1):
                # accepted in (this year - years_back): warranty ends the year after
                first = _dt.date(today.year - years_back, 1, 2)
                last = min(_dt.date(today.year - years_back, 12, 31), today - _dt.timedelta(days=30))
                acceptance = first + _dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))
                delivery = acceptance - _dt.timedelta(days=rng.randint(2, 15))
                purchase = delivery - _dt.timedelta(days=rng.randint(1, 10))
                factory = purchase - _dt.timedelta(days=rng.randint(5, 60))
                model, prefix = rng.choice(MODELS)
                added += 1
                try:
                    C.add_equipment(db, C.EquipmentInput(
                        customer_id=rng.choice(owners), model=model,
                        serial_no=f"{prefix}{factory.year % 100:02d}{factory.month:02d}-9{added:03d}", quantity=1,
                        factory_date=factory.isoformat(), purchase_date=purchase.isoformat(),
                        delivery_date=delivery.isoformat(), acceptance_date=acceptance.isoformat(),
                        invoice_no=f"{rng.randint(10000000, 99999999)}", dealer=dealer,
                        notes="经销商自行安装、保修期内由经销商服务"))
                except DomainError:
                    added -= 1
    return added


def _call_to_enter_late(db: sqlite_utils.Database, now: _dt.datetime) -> int | None:
    """One call of last month that the clerk will enter only after sending the month."""
    month = K.shift_month(K.current_month(now.date()), -1)
    start, end = K.month_bounds(month)
    row = db.execute("SELECT f.id FROM followups f JOIN tickets t ON t.id = f.ticket_id "
                     "WHERE f.status = 'pending' AND f.kind = 'satisfaction' AND f.due_from >= ? "
                     "AND f.due_at < ? AND t.status != 'cancelled' ORDER BY f.due_from LIMIT 1",
                     [start, end]).fetchone()
    return row[0] if row else None


def _send_previous_month(db: sqlite_utils.Database, rng: random.Random, now: _dt.datetime,
                         held: int | None) -> int:
    """Mark last month as sent with a real workbook, then enter the held-back
    call of that month, so the change-after-sending warning has something to show."""
    from servicedesk.reports.kpi_workbook import write_kpi_workbook

    month = K.shift_month(K.current_month(now.date()), -1)
    sent_at = _ts(min(_dt.datetime(now.year, now.month, 1, 9, 30) + _dt.timedelta(days=2), now))
    report = K.kpi_report(db, month, prepared_by=CLERKS[0], now=_ts(now))
    with tempfile.TemporaryDirectory() as folder:
        path = write_kpi_workbook(report, Path(folder) / K.default_workbook_name(report.kpi.office, month))
        sha = K.file_sha256(path)
    K.mark_month_sent(db, month, sha, CLERKS[0], file_name=path.name, figures=report.kpi.to_json(),
                      at=sent_at)
    if held is not None:
        fu = F.get_followup(db, held)
        called = _dt.datetime.fromisoformat(fu.due_from) + _dt.timedelta(hours=2)
        F.record_call(db, held, F.CallInput(reached=True, called_at=_ts(called), satisfaction="dissatisfied",
                                            office_opinion="到场太慢", notes="补录：月初电话回访记录"), CLERKS[1])
    return 1
