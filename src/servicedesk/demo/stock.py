"""Demo stock life after the demo tickets moved stock: technicians' van
stock, old-for-new exchanges (most booked back, a few still pending, some of
them overdue), scrap, parts run down below safety stock, and a stock count
at the end of each of the last six months with a few differences.

Runs after demo/tickets.py; works (with fewer lines) when there are no
tickets or technicians yet.
"""

from __future__ import annotations

import datetime as _dt
import random

import sqlite_utils

from servicedesk.models.parts import ledger as P
from servicedesk.models.parts import stockcount as S
from servicedesk.models.core.db import transaction
from servicedesk.models.core.errors import DomainError

CONDITIONS = {
    "电机": ["绕组烧毁", "轴承异响", "绝缘击穿", "转子扫膛"],
    "接触器": ["触点烧蚀", "线圈烧毁", "吸合不良"],
    "限位器": ["内部齿轮损坏", "进水短路", "微动开关失灵"],
    "制动器": ["摩擦片磨损超限", "推动器漏油"],
    "减速机": ["齿面点蚀", "漏油严重", "断齿"],
    "": ["损坏", "失灵", "磨损超限"],
}
CLERK = "内勤 陈静"
KEEPER = "仓管 周敏"


def _condition(rng: random.Random, name: str) -> str:
    for key, options in CONDITIONS.items():
        if key and key in name:
            return rng.choice(options)
    return rng.choice(CONDITIONS[""])


def _stamp(day: _dt.date, rng: random.Random, lo: int = 8, hi: int = 17) -> str:
    return f"{day.isoformat()} {rng.randint(lo, hi):02d}:{rng.randint(0, 59):02d}:00"


def build(db: sqlite_utils.Database, rng: random.Random, years: int = 2) -> dict[str, int]:
    now = _dt.datetime.now().replace(microsecond=0)
    today = now.date()
    parts = [p for p in P.part_choices(db) if not p.code.endswith("J")]
    if not parts:
        return {}
    techs = P.technician_choices(db)
    made = {"stock exchanges": 0, "old parts pending": 0, "stock counts": 0, "count differences": 0}
    exchangeable = [p for p in parts if p.unit in ("台", "个", "套") and p.price_fen >= 150_00]
    with transaction(db):
        # Exchanges spread over the period (van stock swaps), booked back in time.
        if techs:
            for _ in range(12 * years):
                day = today - _dt.timedelta(days=rng.randint(20, 365 * years))
                at = _stamp(day, rng)
                part = rng.choice(exchangeable)
                if P.lowest_balance_from(db, part.id, at) < 1:
                    continue
                tech_id, _name = rng.choice(techs)
                ex = P.exchange(db, part.id, 1, who=CLERK, at=at, technician_id=tech_id,
                                old_serial=f"{part.code[:4]}{rng.randint(10000, 99999)}",
                                old_condition=_condition(rng, part.name))
                back = _dt.datetime.fromisoformat(at) + _dt.timedelta(hours=rng.randint(2, 40))
                P.book_old_part(db, ex.id, who=KEEPER, at=back.isoformat(sep=" "))
                made["stock exchanges"] += 1
            # Recent ones still pending: tickets in progress, or a technician's swap.
            in_progress = db.execute(
                "SELECT t.id, tt.technician_id, t.dispatched_at FROM tickets t "
                "JOIN ticket_technicians tt ON tt.ticket_id = t.id AND tt.is_leader = 1 "
                "WHERE t.status = 'dispatched' AND t.dispatched_at IS NOT NULL "
                "ORDER BY t.dispatched_at DESC LIMIT 4").fetchall()
            pending_specs = [(tid, tech, None) for tid, tech, _at in in_progress]
            while len(pending_specs) < 6:
                pending_specs.append((None, rng.choice(techs)[0], None))
            for i, (ticket_id, tech_id, _x) in enumerate(pending_specs):
                hours_ago = [3, 9, 14, 20, 30, 52][i % 6]
                at = (now - _dt.timedelta(hours=hours_ago)).isoformat(sep=" ")
                part = rng.choice(exchangeable)
                if P.lowest_balance_from(db, part.id, at) < 1:
                    continue
                P.exchange(db, part.id, 1, who=CLERK, at=at, ticket=ticket_id, technician_id=tech_id,
                           old_serial=f"{part.code[:4]}{rng.randint(10000, 99999)}",
                           old_condition=_condition(rng, part.name))
                made["stock exchanges"] += 1
                made["old parts pending"] += 1
            # Van stock: consumables issued to technicians, some unused pieces returned.
            cheap = [p for p in parts if p.price_fen < 100_00 and p.unit != "米"]
            for _ in range(30 * years):
                day = today - _dt.timedelta(days=rng.randint(1, 365 * years))
                at = _stamp(day, rng)
                part = rng.choice(cheap)
                qty = rng.randint(2, 6)
                if P.lowest_balance_from(db, part.id, at) < qty:
                    continue
                tech_id, _name = rng.choice(techs)
                P.issue(db, part.id, qty, who=CLERK, at=at, technician_id=tech_id, reason="随车备件")
                if rng.random() < 0.3:
                    back = _dt.datetime.fromisoformat(at) + _dt.timedelta(days=rng.randint(2, 10))
                    if back < now:
                        P.return_to_stock(db, part.id, rng.randint(1, qty), who=KEEPER,
                                          at=back.isoformat(sep=" "), technician_id=tech_id, reason="未用完退回")
        # Scrap: rust, water damage, superseded models.
        for reason in ("库存锈蚀", "仓库漏雨受潮损坏", "型号淘汰，无法使用", "搬运跌落损坏", "超过保存期"):
            part = rng.choice(parts)
            day = today - _dt.timedelta(days=rng.randint(10, 300))
            at = _stamp(day, rng)
            if P.lowest_balance_from(db, part.id, at) >= 1:
                P.scrap(db, part.id, 1, reason=reason, who=KEEPER, at=at)
        # Run a handful of parts down below safety stock (a recent busy month).
        for part in rng.sample([p for p in parts if p.safety_stock >= 2], 14):
            current = P.balance_of(db, part.id)
            take = current - rng.randint(0, part.safety_stock - 1)
            at = _stamp(today - _dt.timedelta(days=rng.randint(3, 60)), rng)
            take = min(take, P.lowest_balance_from(db, part.id, at))
            if take > 0 and techs:
                P.issue(db, part.id, take, who=CLERK, at=at, technician_id=rng.choice(techs)[0],
                        reason="项目集中维修领用")
            elif take > 0:
                P.issue(db, part.id, take, who=CLERK, at=at, recipient="维修班", reason="项目集中维修领用")
        # Month-end counts of one or two aisles, six months back; the last one
        # is finished but not yet posted (the KPI check will point at it).
        aisles = ["A", "B", "C", "D", "E", "F"]
        for back in range(6, 0, -1):
            first = _dt.date(today.year, today.month, 1)
            for _ in range(back - 1):
                first = (first - _dt.timedelta(days=1)).replace(day=1)
            count_day = first - _dt.timedelta(days=1)
            aisle = aisles[back % len(aisles)]
            started = f"{count_day.isoformat()} 16:30:00"
            done = (count_day + _dt.timedelta(days=1)).isoformat() + " 10:00:00"
            count = S.start_count(db, count_day.isoformat(), who=KEEPER, location=aisle,
                                  notes=f"{count_day:%Y年%m月} 月末盘点 {aisle} 区", at=started)
            end = f"{count_day.isoformat()} 23:59:59"
            lines = S.count_lines(db, count.id)
            forced = {line.part_id for line in rng.sample(lines, min(2, len(lines)))}
            for line in lines:
                counted = line.book_qty
                if line.part_id in forced or rng.random() < 0.06:
                    diff = rng.choice((-2, -1, -1, 1, 2))
                    if diff < 0 and P.lowest_balance_from(db, line.part_id, end) + diff < 0:
                        diff = 1
                    counted = max(0, line.book_qty + diff)
                    made["count differences"] += counted != line.book_qty
                S.set_counted(db, count.id, line.part_id, counted, who=KEEPER, at=started)
            if back > 1:
                try:
                    S.post_count(db, count.id, who=KEEPER, at=done)
                except DomainError:
                    S.complete_count(db, count.id, who=KEEPER, at=done)
            else:
                S.complete_count(db, count.id, who=KEEPER, at=done)
            made["stock counts"] += 1
    return made
