"""What every step of the status flow shares: the event log, the row, the guards.

Each step (intake, dispatch, visit, review, sign-off, close, cancel, reopen)
loads the ticket row, checks the status allows the action (refusing in plain
words), checks times against each other, and writes only the columns that
really changed, logging each one old -> new via `log_event` (also used by
the ticket sheets, follow-ups and the print log).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import sqlite_utils

from servicedesk.models.core.db import now_iso
from servicedesk.models.core.errors import NotFound, StateError, ValidationError
from servicedesk.models.core.record_guard import check_unchanged
from servicedesk.models.core.validation import normalise_text, parse_datetime
from servicedesk.models.tickets.records import _ACTION_STATES, STATUS_LABELS

# ---------------------------------------------------------------- small helpers
def _now(at: str | None) -> str:
    return parse_datetime(at, "at") if at else now_iso()


def _free(value: object) -> str:
    """Free text (fault, diagnosis, opinion...): trimmed only. NFKC would turn
    the Chinese comma and other full-width punctuation into ASCII."""
    return str(value or "").strip()


def _text(value: object) -> str:
    return str(value or "").strip()


def _show(value: object) -> str:
    """How a value appears in the event log."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def log_event(db: sqlite_utils.Database, ticket_id: int, who: str, action: str, field: str = "",
              old: object = "", new: object = "", at: str | None = None) -> None:
    """Append one line to the ticket's log (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO ticket_events (ticket_id, at, who, action, field, old, new) VALUES (?,?,?,?,?,?,?)",
        [ticket_id, _now(at), who or "", action, field, _show(old), _show(new)])


def _apply_changes(db: sqlite_utils.Database, ticket_id: int, row: dict[str, Any],
                   changes: dict[str, Any], who: str, action: str, at: str) -> dict[str, Any]:
    """Write the columns that really changed and log each one old -> new."""
    changed = {k: v for k, v in changes.items() if row.get(k) != v}
    if changed:
        db["tickets"].update(ticket_id, {**changed, "updated_at": at, "updated_by": who or ""})
        for key, value in changed.items():
            log_event(db, ticket_id, who, action, key, row.get(key), value, at)
    return changed


def _load_row(db: sqlite_utils.Database, ticket_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM tickets WHERE id = ?", [ticket_id]))
    if not rows:
        raise NotFound(f"No ticket with id {ticket_id}.", "ticket")
    return rows[0]


def _load_current(db: sqlite_utils.Database, ticket_id: int, loaded: Any | None) -> dict[str, Any]:
    """The ticket's row, refused (ConflictError) when it changed since a dialog loaded `loaded`."""
    row = _load_row(db, ticket_id)
    check_unchanged(db, "tickets", ticket_id, loaded, f"Ticket {row['no']}")
    return row


def _resolve_id(db: sqlite_utils.Database, id_or_no: int | str) -> int:
    if isinstance(id_or_no, int):
        return id_or_no
    text = normalise_text(id_or_no).upper()
    row = db.execute("SELECT id FROM tickets WHERE no = ?", [text]).fetchone()
    if row is None and text.isdigit():
        row = db.execute("SELECT id FROM tickets WHERE id = ?", [int(text)]).fetchone()
    if row is None:
        raise NotFound(f"No ticket numbered {text}.", "ticket")
    return row[0]


def _parse_time(value: object, field_name: str, label: str, required: bool = False) -> str | None:
    if value is None or _text(value) == "":
        if required:
            raise ValidationError(f"{label} is required.", field_name)
        return None
    return parse_datetime(value, field_name)


# How far an entered time may lie ahead of the clock (two PCs' clocks differ a little).
AHEAD_LIMIT = _dt.timedelta(minutes=10)


def not_in_future(value: str | None, field_name: str, label: str, now: str | None = None) -> None:
    """Refuse a time that has not happened yet (more than 10 minutes ahead of the clock).

    An arrival or completion typed a day or a year ahead was taken and only
    refused later, when the review or the sign-off (now) came "before the
    completion". Refused at entry, naming the field, for the GUI and the CLI.
    """
    if not value:
        return
    clock = _dt.datetime.fromisoformat(now or now_iso())
    if _dt.datetime.fromisoformat(value) > clock + AHEAD_LIMIT:
        raise ValidationError(f"{label} {value[:16]} is in the future (the clock says "
                              f"{clock.isoformat(sep=' ')[:16]}).", field_name)


def _not_before(later: str | None, earlier: str | None, field_name: str, label: str,
                earlier_label: str) -> None:
    if later and earlier and later < earlier:
        raise ValidationError(f"{label} {later[:16]} is before {earlier_label} {earlier[:16]}.", field_name)


def _refuse(status: str, action: str) -> StateError:
    """The status-flow refusal in plain words."""
    label = STATUS_LABELS.get(status, status)
    messages = {
        ("dispatch", "cancelled"): "Cannot dispatch a cancelled ticket; reopen it first.",
        ("dispatch", "closed"): "Cannot dispatch a closed ticket; reopen it first.",
        ("dispatch", "reviewed"): "The ticket is already reviewed; the team can no longer change.",
        ("visit", "open"): "Dispatch a technician before recording the visit "
                           "(only a level-4 ticket is resolved remotely without dispatch).",
        ("visit", "cancelled"): "Cannot record a visit on a cancelled ticket; reopen it first.",
        ("visit", "closed"): "Cannot change the visit of a closed ticket; reopen it first.",
        ("visit", "reviewed"): "The ticket is already reviewed; reopen it to change the visit.",
        ("review", "open"): "Cannot review a ticket without a result: the visit must be completed (完成) first.",
        ("review", "dispatched"): "Cannot review a ticket without a result 完成: record the completed visit first.",
        ("review", "reviewed"): "The ticket is already reviewed.",
        ("close", "open"): "Cannot close a ticket without a result: dispatch and record the visit first.",
        ("close", "dispatched"): "Cannot close a ticket without a result 完成: record the completed visit first.",
        ("close", "completed"): "A supervisor must review the ticket before it is closed.",
        ("close", "closed"): "The ticket is already closed.",
        ("close", "cancelled"): "Cannot close a cancelled ticket.",
        ("cancel", "closed"): "Cannot cancel a closed ticket; reopen it first.",
        ("cancel", "cancelled"): "The ticket is already cancelled.",
        ("signoff", "open"): "The customer signs after the visit; record the visit first.",
        ("signoff", "closed"): "Cannot change the signature of a closed ticket; reopen it first.",
        ("signoff", "cancelled"): "Cannot sign a cancelled ticket.",
    }
    message = messages.get((action, status))
    if message is None:
        if action == "reopen":
            message = f"Only a closed or cancelled ticket can be reopened (this one is {label} {status})."
        else:
            message = f"Cannot {action} a ticket that is {label} ({status})."
    return StateError(message, "status")


def _require_state(row: dict[str, Any], action: str) -> None:
    states = _ACTION_STATES[action]
    if action == "visit" and row["status"] == "open" and row["fault_level"] == 4:
        return
    if row["status"] not in states:
        raise _refuse(row["status"], action)
