"""The manager's PIN and the approval (lock) and unlocking of a pay month.

The PIN is a salted scrypt hash set on first use. Approving freezes the
computed figures as a snapshot and lists the tickets behind them, so
months.ensure_ticket_editable refuses changes to them; unlocking needs the
PIN and a reason. Refused PINs are logged.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import StateError, ValidationError
from servicedesk.models.core.validation import normalise_text
from servicedesk.models.pay.compute import compute_month
from servicedesk.models.pay.months import _log, free_text, is_locked, month_bounds, month_state, parse_month
from servicedesk.models.pay.records import COUNTED_STATUSES, MonthPay, MonthState

_PIN = re.compile(r"^\d{4,12}$")
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


# ====================================================================== PIN
def _hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def _pin_matches(pin: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        got = hashlib.scrypt(pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def _clean_pin(pin: object) -> str:
    text = normalise_text(pin)
    if not _PIN.match(text):
        raise ValidationError("The PIN is 4 to 12 digits.", "pin")
    return text


def pin_is_set(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT 1 FROM pay_secrets WHERE key = 'manager_pin'").fetchone() is not None


def set_pin(db: sqlite_utils.Database, new_pin: str, old_pin: str | None = None, who: str = "") -> None:
    """Set the manager's PIN (first use) or change it (the old PIN is required)."""
    new = _clean_pin(new_pin)
    with transaction(db):
        row = db.execute("SELECT value FROM pay_secrets WHERE key = 'manager_pin'").fetchone()
        if row is not None and not _pin_matches(normalise_text(old_pin), row[0]):
            raise ValidationError("The current PIN is wrong.", "old_pin")
        db.execute("INSERT INTO pay_secrets (key, value) VALUES ('manager_pin', ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [_hash_pin(new)])
        _log(db, who, "pin_change" if row else "pin_set", "", "")


def verify_pin(db: sqlite_utils.Database, pin: str) -> bool:
    row = db.execute("SELECT value FROM pay_secrets WHERE key = 'manager_pin'").fetchone()
    return row is not None and _pin_matches(normalise_text(pin), row[0])


def _require_pin(db: sqlite_utils.Database, pin: str, month: str, who: str, action: str) -> None:
    """Inside the caller's transaction: set on first use, else verify."""
    if not pin_is_set(db):
        db.execute("INSERT INTO pay_secrets (key, value) VALUES ('manager_pin', ?)", [_hash_pin(_clean_pin(pin))])
        _log(db, who, "pin_set", month, f"PIN set on first {action}")
        return
    if not verify_pin(db, pin):
        raise ValidationError("Wrong PIN.", "pin")


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
    try:
        with transaction(db):
            blocker = approval_blocker(db, month)  # before the PIN: a blocked month asks for none
            if blocker is not None:
                raise blocker
            _require_pin(db, pin, month, who, "approval")
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
            _log(db, who, "approve", month, f"{len(pay.technicians)} technicians, total "
                 f"{totals['total_fen'] / 100:.2f} yuan, {len(ticket_ids)} tickets")
    except ValidationError as exc:
        if exc.field == "pin" and pin_is_set(db):
            _log_refusal(db, who, month, "approve")
        raise
    return month_state(db, month)


def unlock_month(db: sqlite_utils.Database, month: str, pin: str, reason: str, who: str = "",
                 at: str | None = None) -> MonthState:
    """Reopen an approved month (PIN and reason; the unlocked figures are logged)."""
    month = parse_month(month)
    reason = free_text(reason, "reason", "Reason", required=True)
    try:
        with transaction(db):
            row = db.execute("SELECT status, snapshot FROM pay_months WHERE month = ?", [month]).fetchone()
            if row is None or row[0] != "locked":
                raise StateError(f"Pay month {month} is not approved, so there is nothing to unlock.", "month")
            if not pin_is_set(db) or not verify_pin(db, pin):
                raise ValidationError("Wrong PIN.", "pin")
            stamp = at or now_iso()
            totals = MonthPay.from_json(row[1]).totals() if row[1] else {"total_fen": 0}
            db.execute("UPDATE pay_months SET status = 'draft', snapshot = NULL, updated_at = ? WHERE month = ?",
                       [stamp, month])
            db.execute("DELETE FROM pay_month_tickets WHERE month = ?", [month])
            _log(db, who, "unlock", month,
                 f"reason: {reason}; approved total was {totals['total_fen'] / 100:.2f} yuan")
    except ValidationError as exc:
        if exc.field == "pin":
            _log_refusal(db, who, month, "unlock")
        raise
    return month_state(db, month)
