"""The monthly figures head office judges the office by (DOMAIN §6). Pure queries.

- Repairs of the month: repair and complaint tickets (ticket_rules.REPAIR_TYPES)
  completed in the month (completed_at inside it) whose status is completed,
  reviewed or closed (tickets.COUNTED_STATUSES, as pay counts them): not a
  cancelled one, nor a reopened one waiting for its next visit.
- 维修及时率 = on-time repairs / repairs, on time as ticket_rules.is_on_time says
  (a level 1-3 repair without an arrival time is late; level 4 is judged by its
  remote completion).
- 维修成功率 = successful repairs / repairs (ticket_rules.is_successful with the
  next repair from ticket_rules.next_repair_sql). A repeat reported early next
  month makes this month's ticket unsuccessful when the figure is computed
  again later: that is the definition, and the month-close check flags it.
- 客户满意度 = reached calls made in the month answered 非常满意 or 满意 /
  reached calls made in the month (every reached call counts once; a satisfaction
  call made before the ticket was reopened and completed again stops counting
  once a newer reached call about the ticket exists).
- 配件库存准确率 = part kinds matching / part kinds counted, from the stock
  counts of the month (parts area: stockcount.stock_accuracy).

Per technician every member of a team is credited with the whole ticket and
with the calls about the tickets they worked on. Per dealer: the calls to the
customers of the units the dealer sold (the equipment's dealer, else the
customer's dealer). A rate with a zero denominator is None — shown "—",
null in JSON — never 0 % or 100 %. The grade comes from the mean of the rates
that exist (settings kpi.grade.*: ≥95 优秀, ≥90 良好, ≥80 合格, else 不合格).
"""

from __future__ import annotations

import datetime as _dt
import importlib
import json
import re
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from servicedesk.models.tickets import rules as R
from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.paths import safe_file_part
from servicedesk.models.followups.vocabulary import KIND_LABELS
from servicedesk.models.core.settings import get_settings
from servicedesk.models.kpi.rates import (  # noqa: F401 (re-exported: the area's public names)
    GRADES,
    DASH,
    parse_month,
    month_bounds,
    shift_month,
    current_month,
    Rate,
    grade_for,
    mean_percent,
)
from servicedesk.models.kpi.figures import (  # noqa: F401 (re-exported: the area's public names)
    TicketDecision,
    CallLine,
    CountLine,
    _SatisfactionRate,
    _RepairRates,
    TechnicianKpi,
    DealerKpi,
    MonthKpi,
)

from servicedesk.models.kpi.counts import (
    CALL_COUNTS, COUNTED_SQL, CallCounts, MonthCounts, RepairCounts, dealer_names, month_counts, office_counts,
    office_counts_by_month,
)
from servicedesk.models.kpi.sent import (  # noqa: F401 (re-exported: the area's public names)
    SentRecord,
    file_sha256,
    sent_record,
    sent_months,
    FIGURE_LABELS,
    FigureChange,
    SentChange,
    compare_figures,
    sent_months_touched,
)

# ---------------------------------------------------------------- queries
def _hours(minutes: int) -> str:
    return f"{minutes // 60} 小时" if minutes % 60 == 0 else f"{minutes} 分钟"


def _short(ts: str | None) -> str:
    return ts[5:16] if ts else ""


def _limit_minutes(level: int | None, limits: R.Limits) -> int:
    return limits.onsite[level] if level in limits.onsite else limits.default_onsite


def _on_time_why(level, arrived, completed, deadline, on_time, limits) -> str:
    scope = f"{R.LEVEL_LABELS.get(level, '无等级')} {_hours(_limit_minutes(level, limits))}"
    if deadline is None:
        return "无报修时间，计为不及时"
    if level == 4:
        if not completed:
            return f"四级远程：无完工时间，计为不及时（{scope}）"
        sign = "≤" if on_time else ">"
        return f"四级远程：完工 {_short(completed)} {sign} 时限 {_short(deadline)}（{scope}）"
    if not arrived:
        return f"无到场时间，计为不及时（{scope}）"
    sign = "≤" if on_time else ">"
    return f"到场 {_short(arrived)} {sign} 时限 {_short(deadline)}（{scope}）"


def _success_why(result, completed, next_no, next_reported, successful, limits, today: str) -> str:
    if result is None:
        return "无维修结果，计为不成功"
    if result != "done":
        return "维修结果：未完成"
    if not successful:
        return f"{limits.repeat_days} 天内返修：{next_no}（{_short(next_reported)} 报修）"
    if completed:
        window_end = (R.parse_ts(completed) + _dt.timedelta(days=limits.repeat_days)).isoformat(sep=" ")
        if window_end > today:
            return f"完成；至今无返修（观察期至 {window_end[:10]}）"
    return f"完成，{limits.repeat_days} 天内无返修"


def _next_no_sql(alias: str = "t") -> str:
    """The number of the ticket next_repair_sql finds (same conditions, for display)."""
    base = R.next_repair_sql(alias)
    assert base.startswith("(SELECT min(n.reported_at)") and base.endswith(")")
    return "(SELECT n.no" + base[len("(SELECT min(n.reported_at)"):-1] + " ORDER BY n.reported_at, n.id LIMIT 1)"


def ticket_decisions(db: sqlite_utils.Database, month: str, *, limits: R.Limits | None = None,
                     today: str | None = None) -> list[TicketDecision]:
    """Every repair counted in the month with its on-time and success decision.

    One query for the tickets (the repeat lookup is a correlated subquery on
    the (equipment_id, reported_at) index) and one for the teams.
    """
    start, end = month_bounds(month)
    limits = limits or R.load_limits(db)
    today = today or now_iso()
    types = ",".join(f"'{t}'" for t in R.REPAIR_TYPES)
    rows = db.execute(f"""
        SELECT t.id, t.no, t.type, t.fault_level, c.name, COALESCE(e.model || ' ' || e.serial_no, ''),
               COALESCE(NULLIF(e.dealer, ''), c.dealer, ''), t.reported_at, t.arrived_at, t.completed_at,
               t.result, {R.next_repair_sql('t')} AS next_reported, {_next_no_sql('t')} AS next_no
        FROM tickets t JOIN customers c ON c.id = t.customer_id
        LEFT JOIN equipment e ON e.id = t.equipment_id
        WHERE t.type IN ({types}) AND +t.status IN ({COUNTED_SQL})
          AND t.completed_at >= ? AND t.completed_at < ?
        ORDER BY t.completed_at, t.no""", [start, end]).fetchall()
    teams: dict[int, list[tuple[int, str]]] = {}
    for tid, tech_id, name in db.execute(f"""
        SELECT tt.ticket_id, tt.technician_id, tech.name FROM ticket_technicians tt
        JOIN technicians tech ON tech.id = tt.technician_id
        JOIN tickets t ON t.id = tt.ticket_id
        WHERE t.type IN ({types}) AND +t.status IN ({COUNTED_SQL})
          AND t.completed_at >= ? AND t.completed_at < ?
        ORDER BY tt.ticket_id, tt.is_leader DESC, tech.name""", [start, end]):
        teams.setdefault(tid, []).append((tech_id, name))
    out = []
    for (tid, no, ttype, level, customer, equipment, dealer, reported, arrived, completed, result,
         next_reported, next_no) in rows:
        deadline = R.onsite_deadline(reported, level, limits)
        on_time = R.is_on_time(level, reported, arrived, completed, limits)
        successful = R.is_successful(result, completed, next_reported, limits)
        deadline_s = deadline.isoformat(sep=" ") if deadline else None
        team = teams.get(tid, [])
        out.append(TicketDecision(
            id=tid, no=no, type=ttype, fault_level=level, customer_name=customer, equipment=equipment.strip(),
            dealer=dealer or "", technicians="、".join(n for _i, n in team),
            technician_ids=tuple(i for i, _n in team), reported_at=reported, arrived_at=arrived,
            completed_at=completed, result=result, deadline=deadline_s, on_time=on_time,
            on_time_why=_on_time_why(level, arrived, completed, deadline_s, on_time, limits),
            next_no=next_no if next_reported and R.is_repeat(completed, next_reported, limits) else None,
            next_reported_at=next_reported, successful=successful,
            success_why=_success_why(result, completed, next_no, next_reported, successful, limits, today)))
    return out


def reached_calls(db: sqlite_utils.Database, month: str) -> list[CallLine]:
    """Every call made in the month that reached the customer (the satisfaction base)."""
    start, end = month_bounds(month)
    techs: dict[int, list[int]] = {}
    for call_id, tech_id in db.execute("""
        SELECT k.id, tt.technician_id FROM followup_calls k
        JOIN followups f ON f.id = k.followup_id
        JOIN ticket_technicians tt ON tt.ticket_id = f.ticket_id
        WHERE k.reached = 1 AND k.called_at >= ? AND k.called_at < ? AND """ + CALL_COUNTS, [start, end]):
        techs.setdefault(call_id, []).append(tech_id)
    out = []
    for r in db.query("""
        SELECT k.id, k.followup_id, f.kind, k.called_at, k.caller, c.name AS customer_name,
               COALESCE(NULLIF(t.phone, ''), c.phone) AS phone,
               COALESCE(NULLIF(e.dealer, ''), c.dealer, '') AS dealer, COALESCE(t.no, '') AS ticket_no,
               k.satisfaction, k.complaint, COALESCE(ct.no, '') AS complaint_no, k.suggestions
        FROM followup_calls k JOIN followups f ON f.id = k.followup_id
        JOIN customers c ON c.id = f.customer_id
        LEFT JOIN equipment e ON e.id = f.equipment_id
        LEFT JOIN tickets t ON t.id = f.ticket_id
        LEFT JOIN tickets ct ON ct.id = k.complaint_ticket_id
        WHERE k.reached = 1 AND k.called_at >= ? AND k.called_at < ? AND """ + CALL_COUNTS + """
        ORDER BY k.called_at, k.id""", [start, end]):
        out.append(CallLine(
            id=r["id"], followup_id=r["followup_id"], kind=r["kind"], called_at=r["called_at"],
            caller=r["caller"], customer_name=r["customer_name"], phone=r["phone"] or "",
            dealer=r["dealer"] or "", ticket_no=r["ticket_no"], satisfaction=r["satisfaction"],
            complaint=r["complaint"], complaint_ticket_no=r["complaint_no"], suggestions=r["suggestions"],
            technician_ids=tuple(techs.get(r["id"], ()))))
    return out


def _has_table(db: sqlite_utils.Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", [name]).fetchone() is not None


def _stockcount_module():
    try:
        return importlib.import_module("servicedesk.models.parts.stockcount")
    except ImportError:
        return None


def count_lines(db: sqlite_utils.Database, month: str) -> list[CountLine]:
    """The count lines the month's stock accuracy is computed from (parts area:
    stockcount.count_lines_for_month — one per part kind, its latest count)."""
    module = _stockcount_module()
    fn = getattr(module, "count_lines_for_month", None) if module else None
    if fn is not None:
        return [CountLine(ln.count_id, ln.count_date, ln.part_code, ln.part_name, ln.part_spec, ln.book_qty,
                          ln.counted_qty) for ln in fn(db, parse_month(month))]
    if not (_has_table(db, "stock_counts") and _has_table(db, "stock_count_lines")):
        return []
    start, end = month_bounds(month)
    rows = db.execute("""
        SELECT s.id, s.count_date, p.code, p.name, p.spec, l.book_qty, l.counted_qty
        FROM stock_count_lines l JOIN stock_counts s ON s.id = l.count_id
        JOIN parts p ON p.id = l.part_id
        WHERE s.status IN ('completed', 'posted') AND s.count_date >= ? AND s.count_date < ?
          AND l.counted_qty IS NOT NULL
        ORDER BY s.count_date, s.id, p.code""", [start[:10], end[:10]]).fetchall()
    return [CountLine(*r) for r in rows]


def stock_figures(db: sqlite_utils.Database, month: str) -> tuple[int, int]:
    """(part kinds matching, part kinds counted) of the month's stock counts.

    The parts area owns the definition (stockcount.stock_accuracy); while it
    is missing, the count lines are read directly. Zero counted -> rate None.
    """
    module = _stockcount_module()
    fn = getattr(module, "stock_accuracy", None) if module else None
    if fn is not None:
        result = fn(db, parse_month(month))
        matching, counted = (result.matching, result.counted) if hasattr(result, "counted") else result
        return int(matching or 0), int(counted or 0)
    lines = [ln for ln in count_lines(db, month) if ln.counted_qty is not None]
    return sum(1 for ln in lines if ln.matches), len(lines)


def month_kpi(db: sqlite_utils.Database, month: str, *, detail: bool = True,
              decisions: list[TicketDecision] | None = None, calls: list[CallLine] | None = None,
              settings: dict[str, Any] | None = None) -> MonthKpi:
    """The four figures of a month (and, with detail, per technician and dealer).

    Counted by SQLite (kpi.counts) unless the caller already holds the
    month's ticket and call lines (the workbook's detail sheets): then they
    are counted from those, which says the same.
    """
    month = parse_month(month)
    settings = settings or get_settings(db)
    limits = R.Limits.from_settings(settings)
    if not detail and decisions is None and calls is None:
        return _office_kpi(db, month, settings, *office_counts(db, month, limits))
    if decisions is None and calls is None:
        counts = month_counts(db, month, limits)
    else:
        counts = _counts_of_lines(
            decisions if decisions is not None else ticket_decisions(db, month, limits=limits),
            calls if calls is not None else reached_calls(db, month))
    kpi = _office_kpi(db, month, settings, counts.repairs, counts.calls)
    if detail:
        kpi.technicians = _technician_lines(db, counts, settings)
        dealers = {name: DealerKpi(name) for name in dealer_names(db)}
        for name, c in counts.dealer_calls.items():
            dealers[name] = DealerKpi(name, c.reached, c.satisfied)
        kpi.dealers = sorted(dealers.values(), key=lambda d: d.name)
    return kpi


def _office_kpi(db: sqlite_utils.Database, month: str, settings: dict[str, Any], repairs: RepairCounts,
                calls: CallCounts) -> MonthKpi:
    """The office's figures of `month` (no technician or dealer lines) from its counts."""
    matching, counted = stock_figures(db, month)
    kpi = MonthKpi(month, str(settings.get("office.name", "")), repairs.repairs, repairs.on_time,
                   repairs.successful, calls.reached, calls.satisfied, counted, matching, None)
    kpi.grade = grade_for(kpi.rates, settings)
    return kpi


def _trend(db: sqlite_utils.Database, months: list[str], settings: dict[str, Any]) -> list[MonthKpi]:
    """The office figures of `months` (consecutive, oldest first), counted together."""
    counts = office_counts_by_month(db, months, R.Limits.from_settings(settings))
    return [_office_kpi(db, m, settings, *counts[m]) for m in months]


def _counts_of_lines(decisions: list[TicketDecision], calls: list[CallLine]) -> MonthCounts:
    """The month's counts from its ticket and call lines (what kpi.counts counts in SQL)."""
    office, by_tech = RepairCounts(), {}
    for d in decisions:
        for counts in (office, *(by_tech.setdefault(tid, RepairCounts()) for tid in d.technician_ids)):
            counts.repairs += 1
            counts.on_time += d.on_time
            counts.successful += d.successful
    reached, tech_calls, dealer_calls = CallCounts(), {}, {}
    for c in calls:
        scopes = [reached, *(tech_calls.setdefault(tid, CallCounts()) for tid in set(c.technician_ids))]
        if c.dealer:
            scopes.append(dealer_calls.setdefault(c.dealer, CallCounts()))
        for counts in scopes:
            counts.reached += 1
            counts.satisfied += c.satisfied
    return MonthCounts(office, reached, by_tech, tech_calls, dealer_calls)


def _technician_lines(db: sqlite_utils.Database, counts: MonthCounts, settings: dict[str, Any]) -> list[TechnicianKpi]:
    """Every active technician, and any other with figures this month, by name."""
    names, ids = {}, []
    for tid, name, active in db.execute("SELECT id, name, active FROM technicians"):
        names[tid] = name
        if active:
            ids.append(tid)
    ids += [tid for tid in (*counts.technician_repairs, *counts.technician_calls) if tid not in ids]
    lines = []
    for tid in dict.fromkeys(ids):
        r = counts.technician_repairs.get(tid, RepairCounts())
        c = counts.technician_calls.get(tid, CallCounts())
        line = TechnicianKpi(tid, names.get(tid, str(tid)), r.repairs, r.on_time, r.successful, c.reached, c.satisfied)
        line.grade = grade_for(line.rates, settings)
        lines.append(line)
    return sorted(lines, key=lambda t: t.name)


def kpi_trend(db: sqlite_utils.Database, end_month: str, months: int = 12) -> list[MonthKpi]:
    """The office figures of the `months` months ending with `end_month`, oldest first."""
    end_month = parse_month(end_month)
    settings = get_settings(db)
    return _trend(db, [shift_month(end_month, -i) for i in range(months - 1, -1, -1)], settings)


# ---------------------------------------------------------------- pre-export check
CHECK_TITLES = {
    "no_arrival": "完工无到场时间（计为不及时）",
    "no_result": "完工无维修结果（计为不成功）",
    "call_not_made": "本月应回访未回访",
    "call_still_due": "本月尚未到期的回访（提示，不计为问题）",
    "count_not_posted": "盘点未过账",
}


@dataclass(frozen=True)
class CheckItem:
    """Something that would make the month's figures wrong, with where to fix it."""

    problem: str          # key of CHECK_TITLES
    text: str             # the record in words (Chinese data)
    kind: str             # for ctx.open(kind, key)
    key: object

    @property
    def title(self) -> str:
        return CHECK_TITLES.get(self.problem, self.problem)


def _pending_calls(db: sqlite_utils.Database, start: str, end: str, now: str, *, overdue: bool) -> list[tuple]:
    """Pending calls of the month whose window has opened by `now`: those already
    past their due time (overdue=True) or those still within it (overdue=False)."""
    due_test = "f.due_at < ?" if overdue else "f.due_at >= ?"
    return db.execute(f"""
        SELECT f.id, f.kind, f.due_at, c.name, COALESCE(t.no, '') FROM followups f
        JOIN customers c ON c.id = f.customer_id LEFT JOIN tickets t ON t.id = f.ticket_id
        WHERE f.status = 'pending' AND f.kind != 'inspection' AND f.due_from < ? AND f.due_at >= ?
          AND f.due_from <= ? AND {due_test} AND (t.status IS NULL OR t.status != 'cancelled')
        ORDER BY f.due_at, f.id""", [end, start, now, now]).fetchall()


def calls_still_due(db: sqlite_utils.Database, month: str, *, now: str | None = None) -> list[CheckItem]:
    """Calls of the month that can be made now and are not yet overdue: a note for
    the clerk (make them before exporting), not a problem with the figures."""
    month = parse_month(month)
    start, end = month_bounds(month)
    now = now or now_iso()
    return [CheckItem("call_still_due", f"{KIND_LABELS.get(kind, kind)} {ticket_no} {customer}（应于 {_short(due_at)} 前）"
                      .replace("  ", " "), "followup", fid)
            for fid, kind, due_at, customer, ticket_no in _pending_calls(db, start, end, now, overdue=False)]


def export_check(db: sqlite_utils.Database, month: str, *, now: str | None = None,
                 decisions: list[TicketDecision] | None = None) -> list[CheckItem]:
    """Tickets completed without arrival or result, calls of the month whose due
    time has passed without being made, stock counts of the month not posted.
    Calls still open but not yet due are not problems: see `calls_still_due`."""
    month = parse_month(month)
    start, end = month_bounds(month)
    now = now or now_iso()
    decisions = decisions if decisions is not None else ticket_decisions(db, month)
    items: list[CheckItem] = []
    for d in decisions:
        if d.missing_arrival:
            items.append(CheckItem("no_arrival", f"{d.no} {d.customer_name}（完工 {_short(d.completed_at)}）",
                                   "ticket", d.no))
    for d in decisions:
        if d.result is None:
            items.append(CheckItem("no_result", f"{d.no} {d.customer_name}（完工 {_short(d.completed_at)}）",
                                   "ticket", d.no))
    for fid, kind, due_at, customer, ticket_no in _pending_calls(db, start, end, now, overdue=True):
        label = KIND_LABELS.get(kind, kind)
        items.append(CheckItem("call_not_made", f"{label} {ticket_no} {customer}（应于 {_short(due_at)} 前）".replace("  ", " "),
                               "followup", fid))
    module = _stockcount_module()
    unposted = getattr(module, "unposted_counts", None) if module else None
    if unposted is not None:
        counts = [(c.id, c.count_date, c.status) for c in unposted(db, month)]
    elif _has_table(db, "stock_counts"):
        counts = db.execute(
            "SELECT id, count_date, status FROM stock_counts WHERE status != 'posted' "
            "AND count_date >= ? AND count_date < ? ORDER BY count_date, id", [start[:10], end[:10]]).fetchall()
    else:
        counts = []
    for cid, cdate, status in counts:
        word = {"open": "未完成", "completed": "已完成未过账"}.get(status, status)
        items.append(CheckItem("count_not_posted", f"盘点单 {cid}（{cdate}，{word}）", "stock_count", cid))
    return items


# ---------------------------------------------------------------- the whole report
@dataclass
class KpiReport:
    """Everything the workbook shows, gathered in one read."""

    kpi: MonthKpi
    tickets: list[TicketDecision]
    calls: list[CallLine]
    counts: list[CountLine]
    trend: list[MonthKpi]
    checks: list[CheckItem]
    prepared_by: str
    prepared_at: str
    sent: "SentRecord | None" = None
    dealer_fee: Any = None          # dealer_fee.DealerFeeReport when asked for
    department_code: str = ""       # office.department_code: part of the workbook's stamp


def kpi_report(db: sqlite_utils.Database, month: str, *, prepared_by: str = "",
               with_dealer_fee: bool = False, now: str | None = None) -> KpiReport:
    month = parse_month(month)
    now = now or now_iso()
    settings = get_settings(db)
    limits = R.Limits.from_settings(settings)
    decisions = ticket_decisions(db, month, limits=limits, today=now)
    calls = reached_calls(db, month)
    kpi = month_kpi(db, month, decisions=decisions, calls=calls, settings=settings)
    trend = _trend(db, [shift_month(month, -i) for i in range(11, 0, -1)], settings) + [kpi]
    fee = None
    if with_dealer_fee:
        from servicedesk.models.kpi.dealer_fee import dealer_fee

        fee = dealer_fee(db, int(month[:4]))
    return KpiReport(kpi, decisions, calls, count_lines(db, month), trend,
                     export_check(db, month, now=now, decisions=decisions), prepared_by, now,
                     sent_record(db, month), fee, str(settings.get("office.department_code", "")))


def default_workbook_name(office: str, month: str) -> str:
    """售后服务月报_<office>_<YYYY-MM>.xlsx, with characters Windows refuses removed."""
    return f"售后服务月报_{safe_file_part(office, '服务部')}_{parse_month(month)}.xlsx"


# ---------------------------------------------------------------- month close

def mark_month_sent(db: sqlite_utils.Database, month: str, workbook_sha256: str, who: str, *,
                    file_name: str = "", figures: dict[str, Any] | None = None,
                    figures_sha256: str | None = None, at: str | None = None) -> SentRecord:
    """Record that the month's workbook went to head office: the file's hash,
    the figures in it and the figures checksum the workbook carries (both
    recomputed now unless the exporter passes what it wrote), so the record
    and head office's roll-up agree on the same checksum.
    Sending again after a correction adds a new record; the latest counts."""
    month = parse_month(month)
    sha = str(workbook_sha256 or "").strip().lower()
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise ValidationError("The workbook's SHA-256 must be 64 hexadecimal characters.", "workbook_sha256")
    checksum = str(figures_sha256 or "").strip().lower()
    if checksum and not re.fullmatch(r"[0-9a-f]{64}", checksum):
        raise ValidationError("The figures checksum must be 64 hexadecimal characters.", "figures_sha256")
    stamp = at or now_iso()
    with transaction(db):
        kpi = None
        if figures is None or not checksum:
            kpi = month_kpi(db, month)
        data = figures if figures is not None else kpi.to_json()
        if not checksum:
            checksum = month_checksum(db, month, kpi)
        rid = db.execute(
            "INSERT INTO kpi_sends (month, sent_at, sent_by, file_name, workbook_sha256, figures, figures_sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [month, stamp, who or "", file_name, sha, json.dumps(data, ensure_ascii=False, sort_keys=True),
             checksum]).lastrowid
    return SentRecord(rid, month, stamp, who or "", file_name, sha, data, checksum)


def month_checksum(db: sqlite_utils.Database, month: str, kpi: MonthKpi | None = None) -> str:
    """The figures checksum a workbook of `month` written now would carry."""
    from servicedesk.models.kpi import checksum as C

    settings = get_settings(db)
    kpi = kpi or month_kpi(db, month, settings=settings)
    stamp = C.WorkbookStamp(kpi.office, str(settings.get("office.department_code", "")), kpi.month)
    return C.figures_checksum(C.BranchFigures(stamp, kpi))


def sent_changes(db: sqlite_utils.Database, limit: int = 12) -> list[SentChange]:
    """Recompute the recent sent months and list those whose figures moved:
    'this changes the figures already sent'. Checks the latest `limit` months."""
    out = []
    settings = get_settings(db)
    for record in sent_months(db, limit):
        now = month_kpi(db, record.month, settings=settings).to_json()
        changes = compare_figures(record.figures, now)
        if changes:
            out.append(SentChange(record, changes))
    return out
