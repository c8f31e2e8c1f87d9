"""Business settings stored in the data file (rates, limits, office name).

Values are JSON so numbers stay numbers. Defaults come from standards.py and
are copied in once; after that the file's values win, so a data file carries
its office's rules with it.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from servicedesk.models.core.transactions import transaction
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.standards import DEFAULT_SETTINGS


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


def _check(key: str, value: Any) -> None:
    default = DEFAULT_SETTINGS.get(key)
    if default is not None and not isinstance(default, str) and isinstance(value, str):
        raise ValidationError(f"Setting {key} must be a number, not {value!r}.", field=key)
    if key == "office.department_code":
        if not (isinstance(value, str) and value.isascii() and value.isalpha() and value.isupper()
                and 1 <= len(value) <= 4):
            raise ValidationError(
                "Department code must be 1–4 capital letters (e.g. YX).", field=key
            )
    if key == "office.name" and not str(value).strip():
        raise ValidationError("Office name is required (it is printed on every form).", field=key)
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        raise ValidationError(f"Setting {key} must not be negative.", field=key)


def set_setting(db: sqlite_utils.Database, key: str, value: Any) -> None:
    save_settings(db, {key: value})


def save_settings(db: sqlite_utils.Database, values: dict[str, Any]) -> None:
    """Validate every value first, then write them all in one transaction."""
    for key, value in values.items():
        _check(key, value)
    with transaction(db):
        db["settings"].upsert_all(
            [{"key": k, "value": json.dumps(v, ensure_ascii=False)} for k, v in values.items()], pk="key")
