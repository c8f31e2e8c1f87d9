"""The manager's PIN (经理密码): one concern for every PIN-protected action.

No PIN exists until one is set (设置 ▸ 修改经理密码 or `servicedesk
manager-pin`); a protected action without one is refused, it never sets the
PIN on first use (the first person to approve pay would otherwise choose the
manager's PIN). The PIN is 4-12 digits, stored as a salted scrypt hash.

Guessing is bounded: after MAX_FAILURES wrong PINs in a row every protected
action is refused for LOCKOUT_MINUTES, even with the right PIN. The count and
the end of the lockout live in the data file (pay_secrets), so restarting the
program does not reset them. A wrong PIN is written in its own transaction:
call `require_manager_pin` BEFORE the action's transaction, or the count
would roll back with the refused action.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import math
import re
import secrets

import sqlite_utils

from servicedesk.models.core.audit import record_action
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.models.core.transactions import transaction
from servicedesk.models.core.validation import normalise_text

MAX_FAILURES = 5
LOCKOUT_MINUTES = 5
_PIN = re.compile(r"^\d{4,12}$")
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}
_KEY, _FAILS, _UNTIL = "manager_pin", "pin_failures", "pin_locked_until"


def _now() -> _dt.datetime:
    """The clock the lockout reads (tests move it instead of waiting five minutes)."""
    return _dt.datetime.now().replace(microsecond=0)


def hash_pin(pin: str, salt: bytes | None = None) -> str:
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


def clean_pin(pin: object) -> str:
    text = normalise_text(pin)
    if not _PIN.match(text):
        raise ValidationError("The PIN is 4 to 12 digits.", "pin")
    return text


def _secret(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM pay_secrets WHERE key = ?", [key]).fetchone()
    return None if row is None else row[0]


def _put(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute("INSERT INTO pay_secrets (key, value) VALUES (?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])


def pin_is_set(db: sqlite_utils.Database) -> bool:
    return _secret(db, _KEY) is not None


def verify_pin(db: sqlite_utils.Database, pin: object) -> bool:
    """Whether `pin` is the PIN (no counting: a plain check for tests and set-up)."""
    stored = _secret(db, _KEY)
    return stored is not None and _pin_matches(normalise_text(pin), stored)


def lockout_minutes_left(db: sqlite_utils.Database) -> int:
    """Whole minutes (rounded up) until PIN-protected actions are allowed again; 0 when not locked."""
    until = _secret(db, _UNTIL)
    if not until:
        return 0
    left = (_dt.datetime.fromisoformat(until) - _now()).total_seconds()
    return max(math.ceil(left / 60), 0)


def require_manager_pin(db: sqlite_utils.Database, pin: object, action: str, target: str = "",
                        who: str | None = None) -> None:
    """Refuse (DomainError) unless a PIN is set, no lockout runs and `pin` is right.

    A wrong PIN counts; the MAX_FAILURES-th in a row starts the lockout and is
    audited. The right PIN resets the count.
    """
    if not pin_is_set(db):
        raise DomainError("Set the manager PIN first (设置 ▸ 修改经理密码, or servicedesk manager-pin).", "pin")
    left = lockout_minutes_left(db)
    if left:
        raise DomainError(f"After {MAX_FAILURES} wrong PINs, PIN-protected actions are refused: "
                          f"wait {left} minute(s).", "pin")
    if not normalise_text(pin):
        raise ValidationError("The manager PIN is required (经理密码).", "pin")  # nothing typed: not a guess
    if verify_pin(db, pin):
        if _secret(db, _FAILS) not in (None, "0"):
            with transaction(db):
                _put(db, _FAILS, "0")
        return
    with transaction(db):
        failures = int(_secret(db, _FAILS) or 0) + 1
        if failures >= MAX_FAILURES:
            until = _now() + _dt.timedelta(minutes=LOCKOUT_MINUTES)
            _put(db, _UNTIL, until.isoformat(sep=" "))
            _put(db, _FAILS, "0")
            record_action(db, "pin_lockout", f"{action} {target}".strip(), None,
                          f"{MAX_FAILURES} wrong PINs; locked until {until.isoformat(sep=' ')}", who)
        else:
            _put(db, _FAILS, str(failures))
    if failures >= MAX_FAILURES:
        raise DomainError(f"Wrong PIN for the {MAX_FAILURES}th time in a row: PIN-protected actions are "
                          f"refused for {LOCKOUT_MINUTES} minute(s).", "pin")
    raise ValidationError(f"Wrong PIN ({MAX_FAILURES - failures} tries left before a "
                          f"{LOCKOUT_MINUTES}-minute lockout).", "pin")


def set_pin(db: sqlite_utils.Database, new_pin: object, old_pin: object = None, who: str | None = None) -> None:
    """Set the manager's PIN, or change it (then the current PIN is required, and counts)."""
    new = clean_pin(new_pin)
    had = pin_is_set(db)
    if had:
        require_manager_pin(db, old_pin, "pin_change", "", who)
    with transaction(db):
        _put(db, _KEY, hash_pin(new))
        record_action(db, "pin_change" if had else "pin_set", "manager PIN", None, None, who)
