"""Business settings stored in the data file (rates, limits, office name).

Values are JSON so numbers stay numbers. Defaults come from standards.py and
are copied in once; after that the file's values win, so a data file carries
its office's rules with it.
"""

from __future__ import annotations

import getpass
import json
import math
import re
from typing import Any

import sqlite_utils

from servicedesk.models.core.transactions import transaction
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.phones import AREA_CODE_SETTING, check_area_code, clean_area
from servicedesk.models.core.standards import DEFAULT_SETTINGS

# The clerk (记录人) printed on forms and written to logs instead of the OS
# login: the current one, and every name kept so one can be picked at start.
CLERK = "office.clerk"
CLERKS = "office.clerks"
# Keys with a value beyond DEFAULT_SETTINGS' plain numbers and text.
EXTRA_KEYS = (CLERK, CLERKS)
CHOICES: dict[str, tuple[str, ...]] = {"pay.team_split": ("equal", "leader_weighted")}
# Keys only the manager may change (the manager's PIN, models/pay/month.py).
# The one place to mark them: `servicedesk settings KEY VALUE` refuses these
# without --pin, and the Settings dialog is to read the same set.
PIN_PROTECTED_KEYS: frozenset[str] = frozenset()


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
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None:
        return DEFAULT_SETTINGS.get(key, default)
    return json.loads(row[0])


def get_settings(db: sqlite_utils.Database, prefix: str = "") -> dict[str, Any]:
    values = dict(DEFAULT_SETTINGS)
    for key, value in db.execute("SELECT key, value FROM settings"):
        values[key] = json.loads(value)
    return {k: v for k, v in values.items() if k.startswith(prefix)}


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
    if key == "office.name" and not str(value).strip():
        raise ValidationError("Office name is required (it is printed on every form).", field=key)
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        raise ValidationError(f"Setting {key} must not be negative.", field=key)


def check_setting(key: str, value: Any) -> None:
    """Refuse a value the key cannot hold (ValidationError naming the key); what save_settings checks."""
    _check(key, value)


def set_setting(db: sqlite_utils.Database, key: str, value: Any) -> None:
    save_settings(db, {key: value})


def save_settings(db: sqlite_utils.Database, values: dict[str, Any]) -> None:
    """Validate every value first, then write them all in one transaction."""
    for key, value in values.items():
        _check(key, value)
    with transaction(db):
        db["settings"].upsert_all(
            [{"key": k, "value": json.dumps(v, ensure_ascii=False)} for k, v in values.items()], pk="key")


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
