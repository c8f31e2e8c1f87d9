"""A pay month as a period: its name, its bounds, its lock and its log.

Everything else in pay asks these functions whether a month is open before
writing (attendance, deductions, adjustments, disputes), and tickets ask
`ensure_ticket_editable` before changing a ticket behind an approved month.
The pay log lives here too because every entry belongs to a month.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re

import sqlite_utils

from servicedesk.models.core.db import now_iso
from servicedesk.models.core.errors import LockedError, ValidationError
from servicedesk.models.core.validation import normalise_text
from servicedesk.models.pay.records import COUNTED_STATUSES, LogEntry, MonthState

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


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
