"""The audit trail: who did which manager action or settings change, old -> new.

Every entry is appended inside the transaction of the action it records, so
an entry exists exactly when the action was saved (a refused PIN and a
lockout are recorded in their own transaction: they are the action). The
table refuses UPDATE and DELETE (audit_schema.py). `who` is the clerk named
in settings plus the operating system's login, e.g. "张三 (Administrator)":
the clerk says who sat at the desk, the login which account was used.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils

from servicedesk.models.core.transactions import now_iso, transaction
from servicedesk.models.core.validation import parse_date


@dataclass(frozen=True)
class AuditEntry:
    at: str
    who: str
    action: str
    target: str
    old: str | None
    new: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def current_who(db: sqlite_utils.Database) -> str:
    """"张三 (Administrator)": the clerk in settings and the OS login (either may be missing)."""
    row = db.execute("SELECT value FROM settings WHERE key = 'office.clerk'").fetchone()
    clerk = ""
    if row is not None:
        try:
            clerk = str(json.loads(row[0]) or "").strip()
        except ValueError:
            clerk = ""
    try:
        login = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some Windows setups
        login = ""
    if clerk and login:
        return f"{clerk} ({login})"
    return clerk or login


def record_action(db: sqlite_utils.Database, action: str, target: str, old: Any = None, new: Any = None,
                  who: str | None = None) -> AuditEntry:
    """Append one entry (inside the caller's transaction when there is one)."""
    entry = AuditEntry(now_iso(), who if who else current_who(db), action, str(target or ""),
                       _text(old), _text(new))
    with transaction(db):
        db.execute("INSERT INTO audit_log (at, who, action, target, old, new) VALUES (?, ?, ?, ?, ?, ?)",
                   [entry.at, entry.who, entry.action, entry.target, entry.old, entry.new])
    return entry


def list_entries(db: sqlite_utils.Database, since: str | None = None, action: str | None = None,
                 text: str | None = None) -> list[AuditEntry]:
    """Entries oldest first; `since` a date (from its first moment), `text` found in any column."""
    clauses, params = [], []
    if since:
        clauses.append("at >= ?")
        params.append(parse_date(since, "since"))
    if action:
        clauses.append("action = ?")
        params.append(action)
    if text and text.strip():
        clauses.append("instr(lower(who || ' ' || action || ' ' || target || ' ' || COALESCE(old, '') || ' ' "
                       "|| COALESCE(new, '')), lower(?)) > 0")
        params.append(text.strip())
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return [AuditEntry(*r) for r in db.execute(
        f"SELECT at, who, action, target, old, new FROM audit_log {where} ORDER BY id", params)]
