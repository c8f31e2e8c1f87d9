"""The manager's PIN and the approval (lock) and unlocking of a pay month.

The PIN is core/pin.py's (set beforehand, never on first use). Approving freezes the
computed figures as a snapshot and lists the tickets behind them, so
months.ensure_ticket_editable refuses changes to them; unlocking needs the
PIN and a reason. Refused PINs are logged.
"""

from __future__ import annotations

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.audit import record_action
from servicedesk.models.core.errors import DomainError, StateError
from servicedesk.models.core.settings import recorder
from servicedesk.models.core.pin import (  # noqa: F401 (re-exported: pay.month's public face)
    hash_pin, pin_is_set, require_manager_pin, set_pin, verify_pin,
)
from servicedesk.models.pay.compute import compute_month
from servicedesk.models.pay.months import _log, free_text, is_locked, month_bounds, month_state, parse_month
from servicedesk.models.pay.records import COUNTED_STATUSES, MonthPay, MonthState

# ====================================================================== PIN
def _require_pin(db: sqlite_utils.Database, pin: str, month: str, who: str, action: str) -> None:
    """Before the action's transaction (a wrong PIN must stay counted): see core/pin.py."""
    try:
        require_manager_pin(db, pin, action, month)
    except DomainError as exc:
        if exc.field == "pin" and pin_is_set(db):
            _log_refusal(db, who, month, action)
        raise


def _log_refusal(db: sqlite_utils.Database, who: str, month: str, action: str) -> None:
    with transaction(db):
        _log(db, who, "pin_refused", month, action)


# ====================================================================== approve / unlock
def approval_blocker(db: sqlite_utils.Database, month: str) -> StateError | None:
    """Why the month cannot be approved now (None: it can), before anyone types the PIN.

    The manager typing the PIN only to hear that a dispute still blocks the
    month was the wrong order: the PIN dialog asks this first.
    """
    month = parse_month(month)
    if is_locked(db, month):
        return StateError(f"Pay month {month} is already approved.", "month")
    open_count = db.execute("SELECT COUNT(*) FROM pay_disputes WHERE month = ? AND status = 'open'",
                            [month]).fetchone()[0]
    if open_count:
        return StateError(f"{open_count} disputed line(s) in {month} have no outcome yet: "
                          "record the outcomes before approving.", "disputes")
    return None


def approve_month(db: sqlite_utils.Database, month: str, pin: str, who: str = "",
                  at: str | None = None) -> MonthState:
    """The manager approves the month: figures frozen, its tickets and inputs locked."""
    month = parse_month(month)
    blocker = approval_blocker(db, month)  # before the PIN: a blocked month asks for none
    if blocker is not None:
        raise blocker
    who = (who or "").strip() or recorder(db)   # the clerk (记录人) in settings, not free text
    _require_pin(db, pin, month, who, "approve")
    with transaction(db):
        blocker = approval_blocker(db, month)  # again under the write lock
        if blocker is not None:
            raise blocker
        stamp = at or now_iso()
        pay = compute_month(db, month)
        pay.status, pay.approved_at, pay.approved_by = "locked", stamp, who
        db.execute(
            "INSERT INTO pay_months (month, status, approved_at, approved_by, snapshot, updated_at) "
            "VALUES (?, 'locked', ?, ?, ?, ?) ON CONFLICT(month) DO UPDATE SET status = 'locked', "
            "approved_at = excluded.approved_at, approved_by = excluded.approved_by, "
            "snapshot = excluded.snapshot, updated_at = excluded.updated_at",
            [month, stamp, who, pay.to_json(), stamp])
        start, end = month_bounds(month)
        status_list = ", ".join(f"'{s}'" for s in COUNTED_STATUSES)
        ticket_ids = pay.ticket_ids() | {r[0] for r in db.execute(
            f"SELECT id FROM tickets WHERE completed_at >= ? AND completed_at < ? AND result = 'done' "
            f"AND +status IN ({status_list})", [start, end])}
        db["pay_month_tickets"].insert_all(({"month": month, "ticket_id": t} for t in sorted(ticket_ids)),
                                           ignore=True)
        totals = pay.totals()
        summary = (f"{len(pay.technicians)} technicians, total {totals['total_fen'] / 100:.2f} yuan, "
                   f"{len(ticket_ids)} tickets")
        _log(db, who, "approve", month, summary)
        record_action(db, "pay_approve", month, "draft", summary)
    return month_state(db, month)


def unlock_month(db: sqlite_utils.Database, month: str, pin: str, reason: str, who: str = "",
                 at: str | None = None) -> MonthState:
    """Reopen an approved month (PIN and reason; the unlocked figures are logged)."""
    month = parse_month(month)
    reason = free_text(reason, "reason", "Reason", required=True)
    if not is_locked(db, month):
        raise StateError(f"Pay month {month} is not approved, so there is nothing to unlock.", "month")
    who = (who or "").strip() or recorder(db)
    _require_pin(db, pin, month, who, "unlock")
    with transaction(db):
        row = db.execute("SELECT status, snapshot FROM pay_months WHERE month = ?", [month]).fetchone()
        if row is None or row[0] != "locked":
            raise StateError(f"Pay month {month} is not approved, so there is nothing to unlock.", "month")
        stamp = at or now_iso()
        totals = MonthPay.from_json(row[1]).totals() if row[1] else {"total_fen": 0}
        db.execute("UPDATE pay_months SET status = 'draft', snapshot = NULL, updated_at = ? WHERE month = ?",
                   [stamp, month])
        db.execute("DELETE FROM pay_month_tickets WHERE month = ?", [month])
        detail = f"reason: {reason}; approved total was {totals['total_fen'] / 100:.2f} yuan"
        _log(db, who, "unlock", month, detail)
        record_action(db, "pay_unlock", month, "locked", detail)
    return month_state(db, month)
