"""Demo technicians and two years of tickets, walked through the real lifecycle.

Every ticket is opened, dispatched, visited, reviewed, signed and closed by
the same model functions the clerk uses, with explicit historical times, so
the event logs, numbers, stock issues and follow-ups look exactly like real
use. The mix covers all types, channels, levels and results; some tickets are
cancelled, some are late, some equipment comes back within 30 days (repeat
faults), and the last days hold open work, some of it overdue.

Each month is one transaction (the step functions nest as savepoints), which
keeps the build fast on a 2-core machine.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import random
from dataclasses import dataclass, field

import sqlite_utils

from servicedesk.models.tickets import technicians as TE
from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.core.db import transaction
from servicedesk.models.core.errors import DomainError

TECHNICIANS = [("王建军", "technician", 3200_00), ("刘海涛", "technician", 3000_00),
               ("陈国庆", "technician", 3100_00), ("张志强", "technician", 2900_00),
               ("赵立新", "technician", 3300_00), ("孙卫东", "technician", 2800_00),
               ("周春生", "technician", 3000_00), ("吴晓东", "technician", 2700_00),
               ("李志刚", "supervisor", None), ("黄建华", "supervisor", None)]
CLERKS = ["林芳", "何静"]

FAULTS = {
    "repair": ["起升机构无动作", "变幅小车不能行走", "回转时有异响", "力矩限制器频繁报警", "主电机过热跳闸",
               "制动器打滑", "电缆破损漏电", "吊钩下滑", "操作台按钮失灵", "升降机门锁故障",
               "钢丝绳断丝严重", "减速机漏油", "变频器报故障代码", "高度限位失效"],
    "installation": ["新机安装", "塔机顶升加节", "升降机加节附墙", "移机重新安装"],
    "inspection": ["年度巡检", "季度安全巡检", "雨季前巡检"],
    "technical_service": ["基础预埋勘察", "地脚螺栓复核", "操作人员培训", "附着方案咨询"],
    "complaint": ["维修人员迟到", "维修后故障复发", "配件价格异议", "服务态度投诉"],
}
CAUSES = ["元件老化", "长期磨损", "操作不当", "电压波动", "润滑不足", "接线松动", "进水受潮", "安装不规范"]
MEASURES = ["更换损坏元件", "紧固接线并调试", "清洁润滑后试车", "调整制动间隙", "重新标定限位",
            "更换钢丝绳", "焊接加固", "电话指导复位"]
OPINIONS = ["满意", "非常满意", "满意，处理及时", "基本满意", "一般"]
REPAIR_WORK = ["SMALL_REPAIR", "SMALL_REPAIR", "SMALL_REPAIR", "REPLACE_ASSEMBLY", "REPLACE_MAIN_MOTOR",
               "REPLACE_MAIN_ROPE", "REPLACE_DRIVE_UNIT", "REPLACE_TROLLEY_ROPE", "WELD", "WELD_SITE"]
TRANSPORT = ["公司面包车", "公司皮卡", "公交", "高铁", "自驾"]
TOOLS = ["万用表、扳手", "焊机、角磨机", "液压扳手、扭矩扳手", "兆欧表、钳形表"]

TYPE_WEIGHTS = [("repair", 62), ("installation", 10), ("inspection", 13), ("technical_service", 9),
                ("complaint", 6)]
CHANNEL_WEIGHTS = [("hotline", 45), ("regional_manager", 15), ("dealer", 15), ("online", 15), ("walk_in", 10)]
LEVEL_WEIGHTS = [(1, 10), (2, 35), (3, 40), (4, 15)]
# Limits in hours (DOMAIN §2): arrival within this is on time.
ONSITE_HOURS = {1: 2, 2: 48, 3: 72, 4: 48, None: 24}


def _pick(rng: random.Random, weighted):
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def _ts(moment: _dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat(sep=" ")


@dataclass(order=True)
class Plan:
    reported: _dt.datetime
    type: str = field(compare=False)
    equipment: tuple | None = field(compare=False)   # (id, customer_id, dealer)
    customer_id: int = field(compare=False)
    repeat: bool = field(default=False, compare=False)


def _technicians(db: sqlite_utils.Database, rng: random.Random) -> tuple[list[int], list[str]]:
    techs, sups = [], []
    for i, (name, role, base) in enumerate(TECHNICIANS):
        existing = db.execute("SELECT id FROM technicians WHERE name = ?", [name]).fetchone()
        if existing:
            tid = existing[0]
        else:
            tid = TE.add_technician(db, TE.TechnicianInput(
                name, f"139057{rng.randint(10000, 99999)}", role, base)).id
        (sups if role == "supervisor" else techs).append((tid, name))
    return [t for t, _ in techs], [n for _, n in sups]


def _plans(db: sqlite_utils.Database, rng: random.Random, start: _dt.datetime, end: _dt.datetime) -> list[Plan]:
    equipment = [(r[0], r[1], r[2] or "", r[3]) for r in db.execute(
        "SELECT id, customer_id, dealer, coalesce(delivery_date, purchase_date, factory_date) AS since "
        "FROM equipment ORDER BY since, id")]
    customers = [r[0] for r in db.execute("SELECT id FROM customers ORDER BY id")]
    if not customers:
        return []
    sinces = [e[3] or "0000" for e in equipment]
    last_seen: dict[int, _dt.datetime] = {}
    plans: list[Plan] = []
    day = start
    while day < end:
        n = rng.randint(80, 120) if day.month != 2 else rng.randint(60, 90)
        days_in_month = ((day.replace(day=28) + _dt.timedelta(days=4)).replace(day=1) - day).days
        moments = sorted(day + _dt.timedelta(days=rng.randint(0, days_in_month - 1), hours=rng.choice(
            [8, 8, 9, 9, 10, 10, 11, 13, 14, 14, 15, 16, 17, 19, 21]), minutes=rng.randint(0, 59),
            seconds=rng.choice([0, 0, 0, rng.randint(0, 59)])) for _ in range(n))
        for moment in moments:
            if moment >= end:
                continue
            ticket_type = _pick(rng, TYPE_WEIGHTS)
            usable = bisect.bisect_right(sinces, moment.date().isoformat())
            eq = None
            if usable and rng.random() < 0.93:
                # Equipment not seen for 45 days, so chance alone rarely makes a repeat fault.
                for _ in range(8):
                    eq = equipment[rng.randrange(usable)]
                    if moment - last_seen.get(eq[0], _dt.datetime.min) > _dt.timedelta(days=45):
                        break
                    eq = None
            if eq is not None:
                last_seen[eq[0]] = moment
                plans.append(Plan(moment, ticket_type, eq[:3], eq[1]))
            else:
                plans.append(Plan(moment, ticket_type if ticket_type != "installation" else "technical_service",
                                  None, rng.choice(customers)))
        day = (day.replace(day=28) + _dt.timedelta(days=4)).replace(day=1)
    # Repeat faults: some repaired equipment breaks again within 30 days.
    repeats = []
    for p in plans:
        if p.type == "repair" and p.equipment and rng.random() < 0.05:
            again = p.reported + _dt.timedelta(days=rng.randint(6, 26), hours=rng.randint(0, 8))
            if again < end:
                repeats.append(Plan(again, "repair", p.equipment, p.customer_id, repeat=True))
    return sorted(plans + repeats)


def _work(rng: random.Random, ticket_type: str, catalog: set[str]) -> list[T.WorkLine]:
    if ticket_type == "installation":
        lines = [T.WorkLine(rng.choice(["INSTALL_TC", "INSTALL_TC", "INSTALL_HOIST", "GUIDE_TC"]), 100)]
        if rng.random() < 0.6:
            lines.append(T.WorkLine(rng.choice(["JACK_TC", "JACK_HOIST"]), rng.randint(2, 12) * 100))
        if rng.random() < 0.4:
            lines.append(T.WorkLine(rng.choice(["WALLTIE_TC", "WALLTIE_HOIST"]), rng.randint(1, 3) * 100))
    elif ticket_type == "inspection":
        lines = [T.WorkLine("INSPECTION", rng.choice([100, 100, 200, 300]))]
    elif ticket_type == "technical_service":
        lines = [T.WorkLine("TECH_SERVICE", 100)]
    elif ticket_type == "complaint":
        lines = [T.WorkLine("SMALL_REPAIR", 100)] if rng.random() < 0.5 else []
    else:
        code = rng.choice(REPAIR_WORK)
        lines = [T.WorkLine(code, rng.randint(1, 3) * 100 if code in ("WELD_SITE", "REPLACE_DRIVE_UNIT") else 100)]
        if rng.random() < 0.15:
            lines.append(T.WorkLine("SMALL_REPAIR", 100))
    return [w for w in lines if w.code in catalog]


class _Stock:
    """Parts of the parts master (demo/parts.py ran first) with a running
    estimate of what is left, so the demo rarely asks for missing stock."""

    def __init__(self, db: sqlite_utils.Database):
        self.parts = []
        if T.has_parts_master(db):
            self.parts = [list(r) for r in db.execute(
                "SELECT code, name, price_fen, balance FROM parts WHERE active = 1 ORDER BY code")]

    def pick(self, rng: random.Random, kind: str) -> list[T.PartLine]:
        if self.parts:
            candidates = [p for p in self.parts if p[3] >= 3]
            if candidates:
                part = rng.choice(candidates)
                qty = rng.choice([1, 1, 1, 2])
                part[3] -= qty
                return [T.PartLine(part[0], part[1], kind, qty, part[2] if kind == "bought" else 0)]
        name, price = rng.choice([("交流接触器", 8800), ("限位开关", 5000), ("制动片", 12000), ("按钮盒", 6500)])
        return [T.PartLine("", name, kind, rng.choice([1, 1, 2]), price if kind == "bought" else 0)]


def build(db: sqlite_utils.Database, rng: random.Random, years: int = 2) -> dict[str, int]:
    # "Now" is 08:00 today: the same seed gives the same data all day long.
    now = _dt.datetime.combine(_dt.date.today(), _dt.time(8, 0))
    start = (now - _dt.timedelta(days=365 * years)).replace(day=1, hour=0, minute=0, second=0)
    tech_ids, supervisors = _technicians(db, rng)
    catalog = set(T.catalog_codes(db, include_retired=False))
    stock = _Stock(db)
    plans = _plans(db, rng, start, now)
    counts = {"tickets": 0, "cancelled": 0, "open": 0}
    month = None
    batch = None
    try:
        for plan in plans:
            key = plan.reported.strftime("%Y-%m")
            if key != month:
                if batch is not None:
                    batch.__exit__(None, None, None)
                batch = transaction(db)
                batch.__enter__()
                month = key
            try:
                with transaction(db):
                    status = _walk(db, rng, plan, now, tech_ids, supervisors, catalog, stock)
            except DomainError:
                continue   # e.g. stock ran short for a part: skip this ticket (rolled back)
            counts["tickets"] += 1
            if status == "cancelled":
                counts["cancelled"] += 1
            elif status not in ("closed",):
                counts["open"] += 1
    except BaseException as exc:
        if batch is not None:
            batch.__exit__(type(exc), exc, exc.__traceback__)
        raise
    if batch is not None:
        batch.__exit__(None, None, None)
    return {"technicians": len(TECHNICIANS), "tickets": counts["tickets"],
            "tickets cancelled": counts["cancelled"], "tickets open": counts["open"]}


def _walk(db, rng, plan: Plan, now: _dt.datetime, tech_ids, supervisors, catalog, stock) -> str:
    """Open one planned ticket and take it as far as its age allows."""
    clerk = rng.choice(CLERKS)
    reported = plan.reported
    ticket_type = plan.type
    level = None
    if ticket_type in T.LEVEL_REQUIRED_TYPES:
        level = _pick(rng, LEVEL_WEIGHTS)
    elif rng.random() < 0.15:
        level = 3
    channel = _pick(rng, CHANNEL_WEIGHTS)
    eq_id = plan.equipment[0] if plan.equipment else None
    dealer = plan.equipment[2] if plan.equipment else ""
    if channel == "dealer" and not (eq_id and dealer):
        channel = "hotline"
    fault = rng.choice(FAULTS[ticket_type])
    if plan.repeat:
        fault = "维修后" + rng.choice(["故障复发", "又出现同样问题"]) + "：" + rng.choice(FAULTS["repair"])
    data = T.TicketInput(
        ticket_type, channel, plan.customer_id, eq_id, fault=fault, recorder=clerk,
        reported_at=_ts(reported), fault_level=level,
        requested_at=_ts(reported + _dt.timedelta(hours=rng.choice([2, 4, 24, 48]))),
        first_judgement=rng.choice(["", "疑似电气故障", "疑似机械故障", "需现场查看"]),
        warranty_exclusion="improper_use" if rng.random() < 0.03 else None,
        dealer=dealer if channel == "dealer" else "",
        dealer_selfcheck="安装自检记录齐全，签字盖章" if channel == "dealer" else "",
        dealer_diagnosis=rng.choice(["初步判断为电气故障", "怀疑制动器问题", "需厂家技术支持"])
        if channel == "dealer" else "")
    opened_at = reported + _dt.timedelta(minutes=rng.randint(2, 40))
    if opened_at > now:
        opened_at = now
    t = T.open_ticket(db, data, clerk, at=_ts(opened_at))
    age = now - reported
    # A few get cancelled at intake (duplicate call, customer fixed it).
    if rng.random() < 0.03:
        at = min(now, opened_at + _dt.timedelta(hours=rng.randint(1, 20)))
        T.cancel_ticket(db, t.id, rng.choice(["客户重复报修", "客户已自行处理", "误报", "转其他网点处理"]),
                        clerk, at=_ts(at))
        return "cancelled"
    limit = _dt.timedelta(hours=ONSITE_HOURS[level])
    # Open work near today: the freshest calls wait for dispatch, and in the
    # last ten days some still wait for dispatch or the visit (some overdue).
    recent = age < _dt.timedelta(days=10)
    if age < _dt.timedelta(hours=6) or (recent and rng.random() < 0.2):
        return "open"
    stop_after_dispatch = recent and rng.random() < 0.3
    # Dispatch
    dispatched = opened_at + _dt.timedelta(minutes=rng.randint(5, 90))
    team_size = rng.choices([1, 2, 3], [75, 20, 5])[0]
    team = rng.sample(tech_ids, team_size)
    remote = level == 4
    if not remote:
        departure = dispatched + _dt.timedelta(minutes=rng.randint(10, 60))
        T.dispatch(db, t.id, T.DispatchInput(
            team, _ts(dispatched), transport=rng.choice(TRANSPORT), departure_at=_ts(departure),
            expected_return_at=_ts(departure + _dt.timedelta(hours=rng.choice([6, 10, 30, 54]))),
            tools=rng.choice(TOOLS), carry_parts=rng.choice(["", "常用电气元件", "制动片、接触器"])),
            clerk, at=_ts(dispatched))
        if rng.random() < 0.04:   # reassignment
            others = [x for x in tech_ids if x not in team]
            team = [rng.choice(others)] + team[1:]
            T.dispatch(db, t.id, T.DispatchInput(team), clerk,
                       at=_ts(dispatched + _dt.timedelta(minutes=rng.randint(10, 60))))
    if stop_after_dispatch and not remote:
        return "dispatched"
    # Arrival: mostly within the level's limit, 1 in 10 late.
    if remote:
        arrived = None
        done_at = reported + (limit * rng.uniform(0.05, 0.9) if rng.random() < 0.9 else limit * rng.uniform(1.05, 2))
        repair_from = repair_to = None
    else:
        span = limit - (dispatched - reported)
        if span.total_seconds() <= 0 or rng.random() < 0.1:
            arrived = reported + limit * rng.uniform(1.02, 1.8)
        else:
            arrived = dispatched + span * rng.uniform(0.2, 0.97)
        repair_from = arrived + _dt.timedelta(minutes=rng.randint(5, 30))
        repair_to = repair_from + _dt.timedelta(minutes=rng.randint(40, 480))
        done_at = repair_to
    if (arrived or done_at) > now:
        if not remote and rng.random() < 0.5 and arrived > now:
            return "dispatched"
        return "open" if remote else "dispatched"
    warranty_in = t.warranty == "in"
    parts = []
    if ticket_type in ("repair", "complaint") and rng.random() < 0.5:
        parts = stock.pick(rng, "warranty" if warranty_in else "bought")
    quote = {}
    if not warranty_in and not remote:
        quote = {"quote_transport_fen": rng.choice([0, 6000, 12000, 35050]),
                 "quote_lodging_days": rng.choice([0, 0, 1, 2]), "quote_meal_days": rng.choice([0, 1, 2]),
                 "quote_labour_days": rng.choice([1, 1, 2])}
    # 未完成 first, then a second visit a few days later.
    if not remote and ticket_type == "repair" and rng.random() < 0.08:
        T.record_visit(db, t.id, T.VisitInput(
            _ts(arrived), diagnosis="需更换配件，配件未到", cause=rng.choice(CAUSES), result="not_done",
            repair_from=_ts(repair_from), repair_to=_ts(repair_to)), clerk, at=_ts(repair_to))
        arrived = repair_to + _dt.timedelta(days=rng.randint(1, 4))
        repair_from = arrived + _dt.timedelta(minutes=20)
        repair_to = done_at = repair_from + _dt.timedelta(hours=rng.randint(1, 5))
        if done_at > now:
            return "dispatched"
    visit = T.VisitInput(
        _ts(arrived) if arrived else None, diagnosis=fault + "，" + rng.choice(["确认故障", "现场检查属实"]),
        cause=rng.choice(CAUSES), measures=rng.choice(MEASURES) if not remote else "电话指导复位",
        result="done", repair_from=_ts(repair_from) if repair_from else None,
        repair_to=_ts(repair_to) if repair_to else None, completed_at=_ts(done_at),
        work=_work(rng, ticket_type, catalog) if not remote else [], parts=parts, **quote)
    try:
        with transaction(db):
            T.record_visit(db, t.id, visit, clerk, at=_ts(done_at))
    except DomainError:
        visit.parts = []
        T.record_visit(db, t.id, visit, clerk, at=_ts(done_at))
    signed = done_at + _dt.timedelta(minutes=rng.randint(5, 30))
    accepted = rng.random() < 0.8 if ticket_type == "complaint" else None
    if signed <= now:
        T.record_signoff(db, t.id, rng.choice(OPINIONS), rng.choice(["王立新", "陈经理", "项目部", "机管员"]),
                         _ts(signed), complaint_accepted=accepted, who=clerk)
    reviewed = done_at + _dt.timedelta(hours=rng.randint(4, 40))
    if reviewed > now:
        return "completed"
    T.review_ticket(db, t.id, rng.choice(supervisors), rng.choice(["", "报告完整", "用料合理"]), at=_ts(reviewed))
    closed = reviewed + _dt.timedelta(hours=rng.randint(2, 60))
    if closed > now or (ticket_type == "complaint" and accepted is None):
        return "reviewed"
    if signed > now:
        return "reviewed"
    T.close_ticket(db, t.id, clerk, at=_ts(closed))
    if rng.random() < 0.01 and closed + _dt.timedelta(days=2) < now:
        reopened = closed + _dt.timedelta(days=1)
        T.reopen_ticket(db, t.id, "客户反映未彻底修好", clerk, at=_ts(reopened))
        return _revisit(db, rng, t.id, visit, reopened, now, clerk, supervisors, ticket_type)
    return "closed"


def _revisit(db, rng, ticket_id: int, first: T.VisitInput, reopened: _dt.datetime, now: _dt.datetime,
             clerk: str, supervisors, ticket_type: str) -> str:
    """A reopened job gets its second visit, sign-off, review and close, as far
    as today allows; about one in seven still waits for the technician."""
    if rng.random() < 0.15:
        return "dispatched"
    arrived = reopened + _dt.timedelta(hours=rng.randint(2, 30))
    repair_from = arrived + _dt.timedelta(minutes=rng.randint(5, 30))
    done_at = repair_from + _dt.timedelta(minutes=rng.randint(40, 300))
    if done_at > now:
        return "dispatched"
    remote = first.arrived_at is None
    T.record_visit(db, ticket_id, T.VisitInput(
        None if remote else _ts(arrived), diagnosis="返修：" + first.diagnosis, cause=first.cause,
        measures="重新检修，" + first.measures, result="done",
        repair_from=None if remote else _ts(repair_from), repair_to=None if remote else _ts(done_at),
        completed_at=_ts(done_at), work=first.work, parts=first.parts,
        quote_transport_fen=first.quote_transport_fen, quote_lodging_days=first.quote_lodging_days,
        quote_meal_days=first.quote_meal_days, quote_labour_days=first.quote_labour_days),
        clerk, at=_ts(done_at))
    signed = done_at + _dt.timedelta(minutes=rng.randint(5, 30))
    reviewed = done_at + _dt.timedelta(hours=rng.randint(4, 40))
    closed = reviewed + _dt.timedelta(hours=rng.randint(2, 48))
    if signed > now:
        return "completed"
    T.record_signoff(db, ticket_id, rng.choice(OPINIONS), rng.choice(["王立新", "陈经理", "项目部", "机管员"]),
                     _ts(signed), complaint_accepted=True if ticket_type == "complaint" else None, who=clerk)
    if reviewed > now:
        return "completed"
    T.review_ticket(db, ticket_id, rng.choice(supervisors), "返修后复核", at=_ts(reviewed))
    if closed > now:
        return "reviewed"
    T.close_ticket(db, ticket_id, clerk, at=_ts(closed))
    return "closed"
