"""Every printed form is logged on its ticket; a second print is a 补打 (reprint).

The paper form is a record the customer and the warehouse keep, so a copy
printed again must say so: it carries "补打" with the reprint count and date.
The count is the number of earlier prints of the same form for the ticket,
taken inside the write transaction that logs the new print, so two clerks
printing at once still get different numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, ValidationError

# form key -> the Chinese title printed on it (and written in the ticket's log)
FORMS: dict[str, str] = {
    "repair": "售后服务维修记录单",
    "outside": "外出服务记录表",
    "info": "售后服务信息收集表",
}
LAYOUTS = ("a4", "continuous")


@dataclass(frozen=True)
class PrintMark:
    """What a form must show about its own printing: original or which 补打."""

    ticket_id: int
    form: str
    reprint_no: int          # 0 = the original print, 1 = first reprint, ...
    printed_at: str          # 'YYYY-MM-DD HH:MM:SS'

    @property
    def is_reprint(self) -> bool:
        return self.reprint_no > 0

    @property
    def label(self) -> str:
        """'补打（第2次） 2026-10-03' on a reprint, '' on the original."""
        if not self.is_reprint:
            return ""
        return f"补打（第{self.reprint_no}次） {self.printed_at[:10]}"


@dataclass(frozen=True)
class PrintRecord:
    id: int
    ticket_id: int
    form: str
    layout: str
    target: str
    printed_at: str
    who: str
    reprint_no: int


def _check_form(form: str) -> None:
    if form not in FORMS:
        raise ValidationError(f"Unknown form {form!r}; choose one of {', '.join(FORMS)}.", field="form")


def next_marks(db: sqlite_utils.Database, ticket_ids: Iterable[int], form: str = "repair",
               at: str | None = None) -> dict[int, PrintMark]:
    """The marks the next print of each ticket would carry (for a preview; writes nothing)."""
    _check_form(form)
    ids = sorted(set(int(t) for t in ticket_ids))
    at = at or now_iso()
    counts: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for tid, n in db.execute(
            f"SELECT ticket_id, COUNT(*) FROM print_log WHERE form = ? AND ticket_id IN ({marks}) "
            "GROUP BY ticket_id", [form, *chunk]):
            counts[tid] = n
    return {tid: PrintMark(tid, form, counts.get(tid, 0), at) for tid in ids}


def _log_event(db: sqlite_utils.Database, ticket_id: int, who: str, action: str,
               field: str, new: str, at: str) -> None:
    """Through the tickets model when it provides log_event, so the event looks like every other."""
    try:
        from servicedesk.models.tickets.lifecycle import log_event
    except ImportError:
        log_event = None
    if log_event is not None:
        log_event(db, ticket_id, who, action, field=field, old="", new=new, at=at)
        return
    db.execute(
        "INSERT INTO ticket_events (ticket_id, at, who, action, field, old, new) "
        "VALUES (?, ?, ?, ?, ?, '', ?)", [ticket_id, at, who, action, field, new])


def log_print(db: sqlite_utils.Database, ticket_id: int, form: str = "repair", *,
              layout: str = "", target: str = "", who: str = "",
              at: str | None = None) -> PrintMark:
    """Record one print of a form (one transaction) and return the mark it must carry.

    Also writes a 'print' (or 'reprint') event in the ticket's own log so the
    ticket history shows who printed what, when, and where.
    """
    _check_form(form)
    at = at or now_iso()
    with transaction(db):
        if db.execute("SELECT 1 FROM tickets WHERE id = ?", [ticket_id]).fetchone() is None:
            raise NotFound(f"No ticket with id {ticket_id}.", field="ticket")
        (count,) = db.execute(
            "SELECT COUNT(*) FROM print_log WHERE ticket_id = ? AND form = ?",
            [ticket_id, form]).fetchone()
        db.execute(
            "INSERT INTO print_log (ticket_id, form, layout, target, printed_at, who, reprint_no) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", [ticket_id, form, layout, target, at, who, count])
        mark = PrintMark(ticket_id, form, count, at)
        words = f"{FORMS[form]} {layout}".strip()
        if target:
            words += f" → {target}"
        if mark.is_reprint:
            words += f"（补打 第{count}次）"
        _log_event(db, ticket_id, who, "reprint" if mark.is_reprint else "print", form, words, at)
    return mark


def print_history(db: sqlite_utils.Database, ticket_id: int) -> list[PrintRecord]:
    """All prints of a ticket, oldest first (for the ticket's detail view)."""
    rows = db.execute(
        "SELECT id, ticket_id, form, layout, target, printed_at, who, reprint_no FROM print_log "
        "WHERE ticket_id = ? ORDER BY printed_at, id", [ticket_id]).fetchall()
    return [PrintRecord(*row) for row in rows]


def reprint_count(db: sqlite_utils.Database, ticket_id: int, form: str = "repair") -> int:
    """How many times the form was printed again after the original."""
    _check_form(form)
    (n,) = db.execute("SELECT COUNT(*) FROM print_log WHERE ticket_id = ? AND form = ?",
                      [ticket_id, form]).fetchone()
    return max(0, n - 1)
