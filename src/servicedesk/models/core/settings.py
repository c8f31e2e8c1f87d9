"""Business settings stored in the data file (rates, limits, office name).

Values are JSON so numbers stay numbers. Defaults come from standards.py and
are copied in once; after that the file's values win, so a data file carries
its office's rules with it.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import math
import re
import sqlite3
from typing import Any

import sqlite_utils

from servicedesk.models.core.audit import record_action
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.phones import AREA_CODE_SETTING, check_area_code, clean_area
from servicedesk.models.core.pin import require_manager_pin
from servicedesk.models.core.transactions import now_iso, transaction
from servicedesk.models.core.standards import DEFAULT_SETTINGS

# The clerk (记录人) printed on forms and written to logs instead of the OS
# login: the current one, and every name kept so one can be picked at start.
CLERK = "office.clerk"
CLERKS = "office.clerks"
# Keys with a value beyond DEFAULT_SETTINGS' plain numbers and text.
EXTRA_KEYS = (CLERK, CLERKS)
CHOICES: dict[str, tuple[str, ...]] = {"pay.team_split": ("equal", "leader_weighted")}
# Keys only the manager may change (the manager's PIN, models/core/pin.py):
# the pay rates. The one place to mark them: save_settings refuses a change
# of these without the PIN, and `servicedesk settings` and the Settings
# dialog ask for it. They are VERSIONED by the month they take effect
# (setting_versions), so a month's pay uses the rates in force in that month
# and raising a rate never changes an approved month's recomputation.
PIN_PROTECTED_KEYS: frozenset[str] = frozenset(k for k in DEFAULT_SETTINGS if k.startswith("pay."))
# The value a versioned key had before its first recorded change.
BASELINE_MONTH = "0000-01"
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def ensure_defaults(db: sqlite_utils.Database) -> None:
    existing = {r["key"] for r in db.query("SELECT key FROM settings")}
    missing = {k: v for k, v in DEFAULT_SETTINGS.items() if k not in existing}
    if not missing:
        return
    with transaction(db):
        db["settings"].insert_all(
            ({"key": k, "value": json.dumps(v, ensure_ascii=False)} for k, v in missing.items()),
            ignore=True,
        )


def get_setting(db: sqlite_utils.Database, key: str, default: Any = None) -> Any:
    """The value in force now (a versioned key: its version for this month)."""
    if key in PIN_PROTECTED_KEYS:
        return get_settings(db, key)[key]
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None:
        return DEFAULT_SETTINGS.get(key, default)
    return json.loads(row[0])


def get_settings(db: sqlite_utils.Database, prefix: str = "") -> dict[str, Any]:
    """Every value in force now; `settings_for_month` gives another month's."""
    return settings_for_month(db, now_iso()[:7], prefix)


def settings_for_month(db: sqlite_utils.Database, month: str, prefix: str = "") -> dict[str, Any]:
    """The values in force in `month` (YYYY-MM): a month's pay is computed with these."""
    values = dict(DEFAULT_SETTINGS)
    for key, value in db.execute("SELECT key, value FROM settings"):
        values[key] = json.loads(value)
    values.update(versions_in_force(db, month, prefix))
    return {k: v for k, v in values.items() if k.startswith(prefix)}


def versions_in_force(db: sqlite_utils.Database, month: str, prefix: str = "") -> dict[str, Any]:
    """key -> the newest version taking effect in or before `month`, for keys that have versions.

    (Before the audit schema step has run, e.g. while migrating, there are none.)
    """
    try:
        rows = db.execute(
            "SELECT key, value FROM setting_versions v WHERE substr(key, 1, length(?)) = ? AND effective_month = "
            "(SELECT MAX(effective_month) FROM setting_versions w WHERE w.key = v.key AND w.effective_month <= ?)",
            [prefix, prefix, month]).fetchall()
    except sqlite3.OperationalError:
        return {}
    return {k: json.loads(v) for k, v in rows}


def base_salary_key(technician_id: int) -> str:
    """The versioned key of a technician's base salary (fen), like a pay rate."""
    return f"technician.{technician_id}.base_salary_fen"


def parse_effective_month(value: object) -> str:
    text = str(value or "").strip()
    m = _MONTH.match(text)
    if not m or not 1 <= int(m[2]) <= 12:
        raise ValidationError(f'"{text}" is not a month (use 2026-03).', "effective_month")
    return f"{int(m[1]):04d}-{int(m[2]):02d}"


def earliest_effective_month(db: sqlite_utils.Database) -> str:
    """This month, or the month after the last approved (locked) pay month if that is later.

    (Reads pay_months by SQL: core cannot import the pay area, which imports it.)
    """
    last = db.execute("SELECT MAX(month) FROM pay_months WHERE status = 'locked'").fetchone()[0]
    this = now_iso()[:7]
    if not last:
        return this
    year, mon = int(last[:4]), int(last[5:7])
    return max(f"{year + mon // 12:04d}-{mon % 12 + 1:02d}", this)


def check_effective_month(db: sqlite_utils.Database, month: object = None) -> str:
    """The month a rate change takes effect: default the earliest allowed; never an approved month."""
    if month is None or not str(month).strip():
        return earliest_effective_month(db)
    month = parse_effective_month(month)
    last = db.execute("SELECT MAX(month) FROM pay_months WHERE status = 'locked'").fetchone()[0]
    if last and month <= last:
        raise ValidationError(f"Pay month {last} is approved and locked: a rate change can take effect "
                              f"from {earliest_effective_month(db)} at the earliest.", "effective_month")
    return month


def write_version(db: sqlite_utils.Database, key: str, old: Any, new: Any, month: str, who: str = "") -> None:
    """Inside the caller's transaction: `new` from `month` on; the first change keeps `old` as the baseline."""
    stamp = now_iso()
    if db.execute("SELECT 1 FROM setting_versions WHERE key = ?", [key]).fetchone() is None:
        db.execute("INSERT INTO setting_versions (key, effective_month, value, created_at, created_by) "
                   "VALUES (?, ?, ?, ?, ?)", [key, BASELINE_MONTH, json.dumps(old, ensure_ascii=False),
                                              stamp, who])
    db.execute("INSERT INTO setting_versions (key, effective_month, value, created_at, created_by) "
               "VALUES (?, ?, ?, ?, ?) ON CONFLICT(key, effective_month) DO UPDATE SET value = excluded.value, "
               "created_at = excluded.created_at, created_by = excluded.created_by",
               [key, month, json.dumps(new, ensure_ascii=False), stamp, who])


def is_known_key(key: str) -> bool:
    return key in DEFAULT_SETTINGS or key in EXTRA_KEYS


def parse_setting_value(key: str, text: str) -> Any:
    """A value typed as text (command line) in the type the key stores.

    Numbers stay numbers (whole numbers for integer keys: fen, minutes,
    basis points, days); the clerk list is names separated by 、 or commas.
    The result still goes through the same checks as the dialog's values.
    """
    if not is_known_key(key):
        raise ValidationError(f"Unknown setting {key}.", field=key)
    text = str(text).strip()
    if key == "office.department_code":
        return text.upper()  # as the Settings dialog does
    if key == CLERKS:
        return [name.strip() for name in re.split(r"[、,，;；]", text) if name.strip()]
    default = DEFAULT_SETTINGS.get(key)
    if isinstance(default, bool) or isinstance(default, str) or default is None:
        return text
    try:
        number = int(text) if isinstance(default, int) else float(text)
        if not math.isfinite(number):
            raise ValueError(text)
        return number
    except ValueError:
        if isinstance(default, int):
            raise ValidationError(f"Setting {key} must be a whole number, not {text!r}.", field=key) from None
        raise ValidationError(f"Setting {key} must be a number, not {text!r}.", field=key) from None


def _check(key: str, value: Any) -> None:
    if key in CHOICES and value not in CHOICES[key]:
        raise ValidationError(f"Setting {key} must be one of {', '.join(CHOICES[key])}.", field=key)
    if key == CLERK and not (isinstance(value, str) and value.strip()):
        raise ValidationError("Clerk name is required (it is printed on forms and written to the logs).",
                              field=key)
    if key == CLERKS and not (isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)):
        raise ValidationError("Clerk names must be a list of names.", field=key)
    default = DEFAULT_SETTINGS.get(key)
    if default is not None and not isinstance(default, str) and isinstance(value, str):
        raise ValidationError(f"Setting {key} must be a number, not {value!r}.", field=key)
    if key == "office.department_code":
        if not (isinstance(value, str) and value.isascii() and value.isalpha() and value.isupper()
                and 1 <= len(value) <= 4):
            raise ValidationError(
                "Department code must be 1–4 capital letters (e.g. YX).", field=key
            )
    if key == AREA_CODE_SETTING:
        check_area_code(value)
    if key == "equipment.earliest_year" and not (
            isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= _dt.date.today().year):
        raise ValidationError(f"Setting {key} must be a year from 1900 to {_dt.date.today().year}.", field=key)
    if key == "office.name" and not str(value).strip():
        raise ValidationError("Office name is required (it is printed on every form).", field=key)
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        raise ValidationError(f"Setting {key} must not be negative.", field=key)


def check_setting(key: str, value: Any) -> None:
    """Refuse a value the key cannot hold (ValidationError naming the key); what save_settings checks."""
    _check(key, value)


def set_setting(db: sqlite_utils.Database, key: str, value: Any, *, pin: str | None = None,
                effective_month: str | None = None) -> None:
    save_settings(db, {key: value}, pin=pin, effective_month=effective_month)


def protected_changes(db: sqlite_utils.Database, values: dict[str, Any]) -> list[str]:
    """The PIN-protected keys among `values` whose value differs from the one in force."""
    current = get_settings(db)
    return sorted(k for k, v in values.items() if k in PIN_PROTECTED_KEYS and current.get(k) != v)


def save_settings(db: sqlite_utils.Database, values: dict[str, Any], *, pin: str | None = None,
                  effective_month: str | None = None) -> None:
    """Validate every value first, then write them all in one transaction, each change audited.

    A changed pay rate needs the manager's PIN (asked before the transaction,
    so a wrong one stays counted) and takes effect from `effective_month`
    (default: this month, or the month after the last approved one).
    """
    for key, value in values.items():
        _check(key, value)
    protected = protected_changes(db, values)
    if protected:
        require_manager_pin(db, pin, "settings", ", ".join(protected))
    with transaction(db):
        current = get_settings(db)
        month = check_effective_month(db, effective_month) if protected else ""
        plain = {k: v for k, v in values.items() if k not in PIN_PROTECTED_KEYS}
        if plain:
            db["settings"].upsert_all(
                [{"key": k, "value": json.dumps(v, ensure_ascii=False)} for k, v in plain.items()], pk="key")
        for key in protected:
            write_version(db, key, current.get(key), values[key], month)
            record_action(db, "setting", f"{key} from {month}", current.get(key), values[key])
        for key, value in plain.items():
            if current.get(key, None) != value or key not in current:
                record_action(db, "setting", key, current.get(key), value)


def os_login() -> str:
    """The operating system's login name ('' when there is none)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some Windows setups
        return ""


def recorder(db: sqlite_utils.Database) -> str:
    """The clerk (记录人) forms, logs and history name: office.clerk, else the OS login.

    The OS login ("Administrator", "root") says nothing about who took the
    call; it is only the fallback for a data file that has no clerk yet.
    """
    return str(get_setting(db, CLERK, "") or "").strip() or os_login()


def clerk_names(db: sqlite_utils.Database) -> list[str]:
    """The clerk names kept to pick from, the current one first."""
    current = str(get_setting(db, CLERK, "") or "").strip()
    kept = [n for n in (get_setting(db, CLERKS, []) or []) if n and n != current]
    return ([current] if current else []) + kept


def set_clerk(db: sqlite_utils.Database, name: str) -> None:
    """Make `name` the current clerk (记录人), keeping it in the list to pick from."""
    clean = str(name).strip()
    kept = [n for n in get_setting(db, CLERKS, []) or [] if n != clean]
    save_settings(db, {CLERK: clean, CLERKS: [clean, *kept]})


def office_area_code(db: sqlite_utils.Database) -> str:
    """The office's area code (setting office.area_code, '0571'), '' when not set:
    put in front of a local phone number typed without one."""
    return clean_area(get_setting(db, AREA_CODE_SETTING, ""))
