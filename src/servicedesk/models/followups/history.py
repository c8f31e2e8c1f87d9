"""Calls and inspections in an equipment's history (the archive's timeline feed)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils
from servicedesk.models.followups.vocabulary import KIND_LABELS, SATISFACTION_LABELS



# ---------------------------------------------------------------- history feed
@dataclass(frozen=True)
class HistoryEntry:
    """One line of an equipment's history: a call attempt or an inspection."""

    at: str
    kind: str            # 'call' | 'inspection'
    title: str           # e.g. 结案满意度回访 · 满意
    detail: str
    ticket_no: str
    followup_id: int


def history_for_equipment(db: sqlite_utils.Database, equipment_id: int,
                          kinds: tuple[str, ...] = ("call", "inspection")) -> list[HistoryEntry]:
    """Calls (reached or not) and done inspections of a unit, newest first
    (one query per kind: the archive builds this on every click)."""
    entries: list[HistoryEntry] = []
    for r in [] if "call" not in kinds else db.query(
            "SELECT k.called_at, k.reached, k.satisfaction, k.caller, k.complaint, k.suggestions, "
            "k.notes, f.kind, f.id AS fid, t.no, ct.no AS complaint_no "
            "FROM followup_calls k JOIN followups f ON f.id = k.followup_id "
            "LEFT JOIN tickets t ON t.id = f.ticket_id LEFT JOIN tickets ct ON ct.id = k.complaint_ticket_id "
            "WHERE f.equipment_id = ?", [equipment_id]):
        answer = SATISFACTION_LABELS.get(r["satisfaction"] or "", "") if r["reached"] else "未接通"
        bits = [f"回访人 {r['caller']}"] if r["caller"] else []
        if r["complaint"]:
            bits.append(f"投诉：{r['complaint']}" + (f"（{r['complaint_no']}）" if r["complaint_no"] else ""))
        if r["suggestions"]:
            bits.append(f"建议：{r['suggestions']}")
        if r["notes"]:
            bits.append(r["notes"])
        entries.append(HistoryEntry(r["called_at"], "call", f"{KIND_LABELS[r['kind']]} · {answer}",
                                    "；".join(bits), r["no"] or "", r["fid"]))
    for r in [] if "inspection" not in kinds else db.query(
            "SELECT f.id, f.done_at, f.done_by, f.result_notes, it.no FROM followups f "
            "LEFT JOIN tickets it ON it.id = f.inspection_ticket_id "
            "WHERE f.equipment_id = ? AND f.kind = 'inspection' AND f.status = 'done'", [equipment_id]):
        entries.append(HistoryEntry(r["done_at"], "inspection", "巡检",
                                    "；".join(p for p in (f"巡检人 {r['done_by']}" if r["done_by"] else "",
                                                         r["result_notes"]) if p),
                                    r["no"] or "", r["id"]))
    entries.sort(key=lambda e: e.at or "", reverse=True)
    return entries
