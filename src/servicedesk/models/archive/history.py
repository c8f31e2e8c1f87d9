"""The full history of one piece of equipment (DOMAIN §1: 维修记录, 配件更换记录, 回访记录).

The archive tab shows it as a timeline, newest first. Each area contributes
its own items through a small source function listed in HISTORY_SOURCES;
a source returns HistoryItem rows for one equipment id with ONE query (the
timeline is built on every click in the archive, so no per-row queries).

Titles and details are in Chinese, like the warranty reason: they are the
office's record, read and printed as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

import sqlite_utils

# Words for the codes of the tickets schema (schema_tickets.py).
TICKET_TYPE_WORDS = {
    "repair": "维修",
    "installation": "安装",
    "inspection": "巡检",
    "technical_service": "技术服务",
    "complaint": "投诉",
}
TICKET_STATUS_WORDS = {
    "open": "待派工",
    "dispatched": "处理中",
    "completed": "待审核",
    "reviewed": "待回访",
    "closed": "已结案",
    "cancelled": "已取消",
}
RESULT_WORDS = {"done": "完成", "not_done": "未完成"}
PART_KIND_WORDS = {"warranty": "三包件", "bought": "客户购买件"}

KINDS = ("ticket", "part", "followup", "inspection")


@dataclass(frozen=True)
class HistoryItem:
    at: str          # 'YYYY-MM-DD HH:MM:SS' (or 'YYYY-MM-DD'): when it happened
    kind: str        # 'ticket' | 'part' | 'followup' | 'inspection'
    title: str       # one line, e.g. '维修 YX2611007 · 已结案'
    detail: str      # fault, measures, quantities… (may be '')
    ref: str = ""    # what to open: ticket no for 'ticket'/'part', the follow-up's key, …


HistorySource = Callable[[sqlite_utils.Database, int], Iterable[HistoryItem]]


def _has_table(db: sqlite_utils.Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      [name]).fetchone() is not None


# ---------------------------------------------------------------- tickets area
def ticket_items(db: sqlite_utils.Database, equipment_id: int) -> list[HistoryItem]:
    """One item per ticket on the equipment, dated when it was reported."""
    items = []
    for r in db.query(
            "SELECT no, type, status, reported_at, fault, cause, measures, result, completed_at, "
            "warranty, cancel_reason FROM tickets WHERE equipment_id = ?", [equipment_id]):
        title = f"{TICKET_TYPE_WORDS.get(r['type'], r['type'])} {r['no']} · " \
                f"{TICKET_STATUS_WORDS.get(r['status'], r['status'])}"
        lines = []
        if r["fault"]:
            lines.append(f"报修内容：{r['fault']}")
        if r["cause"]:
            lines.append(f"故障原因：{r['cause']}")
        if r["measures"]:
            lines.append(f"维修措施：{r['measures']}")
        if r["result"]:
            done = f"，完工 {r['completed_at'][:16]}" if r["completed_at"] else ""
            lines.append(f"维修结果：{RESULT_WORDS.get(r['result'], r['result'])}{done}")
        if r["warranty"]:
            lines.append("三包（在保）" if r["warranty"] == "in" else "有偿服务（保外）")
        if r["status"] == "cancelled" and r["cancel_reason"]:
            lines.append(f"取消原因：{r['cancel_reason']}")
        items.append(HistoryItem(r["reported_at"], "ticket", title, "；".join(lines), r["no"]))
    return items


def part_items(db: sqlite_utils.Database, equipment_id: int) -> list[HistoryItem]:
    """One item per part line used on a ticket of the equipment (配件更换记录).

    Dated when the repair was done (completion, else end of repair, else the
    report), since that is when the part went in.
    """
    items = []
    for r in db.query(
            "SELECT t.no, t.status, COALESCE(t.completed_at, t.repair_to, t.reported_at) AS at, "
            "p.part_code, p.name, p.spec, p.kind, p.quantity "
            "FROM ticket_parts p JOIN tickets t ON t.id = p.ticket_id "
            "WHERE t.equipment_id = ? AND t.status != 'cancelled'", [equipment_id]):
        spec = f" {r['spec']}" if r["spec"] else ""
        title = f"更换 {r['name']}{spec} × {r['quantity']}"
        detail = PART_KIND_WORDS.get(r["kind"], r["kind"])
        if r["part_code"]:
            detail += f"，编码 {r['part_code']}"
        items.append(HistoryItem(r["at"], "part", title, detail, r["no"]))
    return items


# ---------------------------------------------------------------- FOLLOW-UPS AREA
# The follow-ups area fills in these two functions (calls 回访记录 and
# inspections 巡检) from its own tables; they are already listed in
# HISTORY_SOURCES below, so nothing else needs to change. Return [] while the
# tables do not exist. kind must be 'followup' / 'inspection'; ref is whatever
# ctx.open("followup", ref) understands.
def followup_items(db: sqlite_utils.Database, equipment_id: int) -> list[HistoryItem]:
    """Follow-up calls about the equipment, reached or not (follow-ups area)."""
    from servicedesk.models.followups.calls import history_for_equipment

    return [HistoryItem(e.at, "followup", e.title, _with_ticket(e.detail, e.ticket_no), str(e.followup_id))
            for e in history_for_equipment(db, equipment_id, ("call",))]


def inspection_items(db: sqlite_utils.Database, equipment_id: int) -> list[HistoryItem]:
    """On-site inspections of the equipment that were done (follow-ups area)."""
    from servicedesk.models.followups.calls import history_for_equipment

    return [HistoryItem(e.at, "inspection", e.title, _with_ticket(e.detail, e.ticket_no), str(e.followup_id))
            for e in history_for_equipment(db, equipment_id, ("inspection",))]


def _with_ticket(detail: str, ticket_no: str) -> str:
    return "；".join(p for p in (f"工单 {ticket_no}" if ticket_no else "", detail) if p)
# ---------------------------------------------------------------- END FOLLOW-UPS AREA


# Every source of history items; each is skipped while its tables are missing.
HISTORY_SOURCES: list[tuple[tuple[str, ...], HistorySource]] = [
    (("tickets",), ticket_items),
    (("tickets", "ticket_parts"), part_items),
    (("followups", "followup_calls"), followup_items),
    (("followups",), inspection_items),
]

# Same instant: the ticket first, then what happened on it, when sorted newest first.
_KIND_ORDER = {"inspection": 0, "followup": 1, "part": 2, "ticket": 3}


def equipment_history(db: sqlite_utils.Database, equipment_id: int) -> list[HistoryItem]:
    """Everything that happened to the equipment, newest first."""
    items: list[HistoryItem] = []
    for tables, source in HISTORY_SOURCES:
        if all(_has_table(db, t) for t in tables):
            items.extend(source(db, equipment_id))
    items.sort(key=lambda i: (i.at or "", _KIND_ORDER.get(i.kind, 9), i.ref), reverse=True)
    return items
