"""The follow-up schedule, derived from tickets (DOMAIN §5), so the clerk never
has to remember it:

- installation completed at C -> first call C+7d .. C+14d, second call
  C+91d ± 7d, third call C+182d (the day itself), and the first on-site
  inspection within a year (C+365d, shown from 30 days before); each inspection
  done plans the next one a year later — the repeating plan per equipment;
- service (repair, complaint, technical service) completed at C -> first call
  C+3d .. C+7d, second call a week after the first (moved when the first is
  actually made);
- every closed ticket -> a satisfaction call within 16 h of closing.

Day windows run from 00:00:00 of the first day to 23:59:59 of the last day, so
"1-2 weeks" includes day 7 and day 14. All numbers are settings
(`followup.*`, defaults in standards.FOLLOWUPS).

`schedule_for_ticket` is called by tickets after completion and after closing,
inside their transaction; it is idempotent (unique index per ticket and kind)
and re-times planned calls nobody has tried yet if the ticket's times change.
Nothing here imports the tickets lifecycle, so tickets can import this module
without an import circle.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Mapping

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound
from servicedesk.models.core.settings import get_settings
from servicedesk.models.followups.vocabulary import SERVICE_TYPES


# ---------------------------------------------------------------- windows
@dataclass(frozen=True)
class Windows:
    """The follow-up windows, in days (satisfaction in hours), from settings."""

    install_first_min: int = 7
    install_first_max: int = 14
    install_second: int = 91
    install_second_tolerance: int = 7
    install_third: int = 182
    inspection_interval: int = 365
    inspection_lead: int = 30
    service_first_min: int = 3
    service_first_max: int = 7
    service_second_after_first: int = 7
    satisfaction_hours: int = 16
    retry_days: int = 1

    @classmethod
    def from_settings(cls, s: Mapping[str, Any]) -> "Windows":
        def get(key: str, default: int) -> int:
            return int(s.get(key, default))

        return cls(
            install_first_min=get("followup.install.first_min_days", 7),
            install_first_max=get("followup.install.first_max_days", 14),
            install_second=get("followup.install.second_days", 91),
            install_second_tolerance=get("followup.install.second_tolerance_days", 7),
            install_third=get("followup.install.third_days", 182),
            inspection_interval=get("followup.inspection_interval_days", 365),
            inspection_lead=get("followup.inspection_lead_days", 30),
            service_first_min=get("followup.service.first_min_days", 3),
            service_first_max=get("followup.service.first_max_days", 7),
            service_second_after_first=get("followup.service.second_after_first_days", 7),
            satisfaction_hours=get("followup.satisfaction_hours", 16),
            retry_days=get("followup.retry_days", 1),
        )


def load_windows(db: sqlite_utils.Database) -> Windows:
    return Windows.from_settings(get_settings(db, "followup."))


def _ts(value: str | _dt.datetime) -> _dt.datetime:
    return value if isinstance(value, _dt.datetime) else _dt.datetime.fromisoformat(str(value))


def _fmt(moment: _dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat(sep=" ")


def day_start(day: _dt.date) -> str:
    return f"{day.isoformat()} 00:00:00"


def day_end(day: _dt.date) -> str:
    return f"{day.isoformat()} 23:59:59"


@dataclass(frozen=True)
class Planned:
    kind: str
    due_from: str
    due_at: str


def plan_for_ticket(ticket_type: str, completed_at: str | None, closed_at: str | None,
                    w: Windows) -> list[Planned]:
    """The calls a ticket calls for, from its type and times (pure; see module doc)."""
    plans: list[Planned] = []
    if completed_at:
        day = _ts(completed_at).date()
        d = _dt.timedelta
        if ticket_type == "installation":
            second = day + d(days=w.install_second)
            tol = d(days=w.install_second_tolerance)
            third = day + d(days=w.install_third)
            plans += [
                Planned("install_first", day_start(day + d(days=w.install_first_min)),
                        day_end(day + d(days=w.install_first_max))),
                Planned("install_second", day_start(second - tol), day_end(second + tol)),
                Planned("install_third", day_start(third), day_end(third)),
            ]
        elif ticket_type in SERVICE_TYPES:
            gap = d(days=w.service_second_after_first)
            plans += [
                Planned("service_first", day_start(day + d(days=w.service_first_min)),
                        day_end(day + d(days=w.service_first_max))),
                Planned("service_second", day_start(day + d(days=w.service_first_min) + gap),
                        day_end(day + d(days=w.service_first_max) + gap)),
            ]
    if closed_at:
        closed = _ts(closed_at)
        plans.append(Planned("satisfaction", _fmt(closed),
                             _fmt(closed + _dt.timedelta(hours=w.satisfaction_hours))))
    return plans


def inspection_window(last_day: _dt.date, w: Windows) -> tuple[str, str]:
    """Next inspection: due by last + interval; listed from `lead` days before."""
    due = last_day + _dt.timedelta(days=w.inspection_interval)
    return day_start(due - _dt.timedelta(days=w.inspection_lead)), day_end(due)


# ---------------------------------------------------------------- scheduling
_DONE_STATES = ("completed", "reviewed", "closed")


def schedule_for_ticket(db: sqlite_utils.Database, ticket_id: int) -> list[int]:
    """Create (or re-time) the follow-ups this ticket's state calls for.

    Idempotent: a second call with the same ticket state changes nothing.
    Planned calls not yet tried are re-timed when the ticket's completion or
    closing time changed (visit edited, ticket reopened and closed again).
    A cancelled ticket's untried calls are cancelled. Returns the ids of the
    follow-ups created. Called by tickets inside their transaction.
    """
    t = db.execute(
        "SELECT id, type, status, customer_id, equipment_id, completed_at, closed_at "
        "FROM tickets WHERE id = ?", [ticket_id]).fetchone()
    if t is None:
        raise NotFound(f"Ticket {ticket_id} not found.", "ticket")
    tid, ttype, status, customer_id, equipment_id, completed_at, closed_at = t
    stamp = now_iso()
    created: list[int] = []
    with transaction(db):
        if status == "cancelled":
            db.execute("UPDATE followups SET status = 'cancelled', cancel_reason = ?, updated_at = ? "
                       "WHERE ticket_id = ? AND status = 'pending' AND attempts = 0 "
                       "AND kind != 'inspection'", ["工单已取消", stamp, tid])
            return created
        if status not in _DONE_STATES:
            completed_at = None  # reopened: no new calls until it is completed again
        if status != "closed":
            closed_at = None
        w = load_windows(db)
        existing = {r[0]: r for r in db.execute(
            "SELECT kind, id, status, attempts, due_from, due_at FROM followups "
            "WHERE ticket_id = ? AND kind NOT IN ('inspection', 'extra')", [tid])}
        for plan in plan_for_ticket(ttype, completed_at, closed_at, w):
            row = existing.get(plan.kind)
            if row is None:
                cur = db.execute(
                    "INSERT INTO followups (kind, ticket_id, customer_id, equipment_id, due_from, "
                    "due_at, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                    [plan.kind, tid, customer_id, equipment_id, plan.due_from, plan.due_at, stamp, stamp])
                created.append(cur.lastrowid)
            elif plan.kind == "satisfaction" and row[2] == "done":
                _recall_after_rework(db, tid, customer_id, equipment_id, completed_at, plan, stamp, created)
            elif row[2] == "pending" and row[3] == 0 and (row[4], row[5]) != (plan.due_from, plan.due_at):
                if plan.kind == "service_second" and _first_call_done(db, tid):
                    continue  # already timed from the real first call
                db.execute("UPDATE followups SET due_from = ?, due_at = ?, updated_at = ? WHERE id = ?",
                           [plan.due_from, plan.due_at, stamp, row[1]])
        if completed_at and equipment_id is not None:
            day = _ts(completed_at).date()
            if ttype == "installation":
                _ensure_inspection(db, customer_id, equipment_id, tid, day, w, stamp, created)
            elif ttype == "inspection":
                _inspection_ticket_done(db, customer_id, equipment_id, tid, completed_at, w, stamp,
                                        created)
    return created


def _recall_after_rework(db: sqlite_utils.Database, ticket_id: int, customer_id: int, equipment_id: int | None,
                         completed_at: str | None, plan, stamp: str, created: list[int]) -> None:
    """A ticket reopened and closed again after its satisfaction call: the customer
    is asked again about the repair as it is now (an extra call in the same
    window; its answer replaces the earlier one in the KPI). Once per closing."""
    if not completed_at:
        return
    earlier = db.execute(
        "SELECT max(k.called_at) FROM followup_calls k JOIN followups f ON f.id = k.followup_id "
        "WHERE f.ticket_id = ? AND f.kind = 'satisfaction' AND k.reached = 1", [ticket_id]).fetchone()[0]
    if earlier is None or earlier >= completed_at:
        return            # the call already judged this repair
    if db.execute("SELECT 1 FROM followups WHERE ticket_id = ? AND kind = 'extra' AND due_from >= ?",
                  [ticket_id, completed_at]).fetchone():
        return            # already planned for this closing
    cur = db.execute(
        "INSERT INTO followups (kind, ticket_id, customer_id, equipment_id, due_from, due_at, status, "
        "created_at, updated_at) VALUES ('extra', ?, ?, ?, ?, ?, 'pending', ?, ?)",
        [ticket_id, customer_id, equipment_id, plan.due_from, plan.due_at, stamp, stamp])
    created.append(cur.lastrowid)


def _first_call_done(db: sqlite_utils.Database, ticket_id: int) -> bool:
    return db.execute("SELECT 1 FROM followups WHERE ticket_id = ? AND kind = 'service_first' "
                      "AND status = 'done'", [ticket_id]).fetchone() is not None


def _ensure_inspection(db, customer_id, equipment_id, ticket_id, last_day, w, stamp, created) -> None:
    """Start the unit's inspection plan unless one is already open."""
    if db.execute("SELECT 1 FROM followups WHERE equipment_id = ? AND kind = 'inspection' "
                  "AND status = 'pending'", [equipment_id]).fetchone():
        return
    if db.execute("SELECT 1 FROM followups WHERE equipment_id = ? AND kind = 'inspection' "
                  "AND ticket_id = ?", [equipment_id, ticket_id]).fetchone():
        return  # this installation already started a plan that has moved on
    due_from, due_at = inspection_window(last_day, w)
    cur = db.execute(
        "INSERT INTO followups (kind, ticket_id, customer_id, equipment_id, due_from, due_at, status, "
        "created_at, updated_at) VALUES ('inspection', ?, ?, ?, ?, ?, 'pending', ?, ?)",
        [ticket_id, customer_id, equipment_id, due_from, due_at, stamp, stamp])
    created.append(cur.lastrowid)


def _inspection_ticket_done(db, customer_id, equipment_id, ticket_id, completed_at, w, stamp,
                            created) -> None:
    """An inspection ticket completes the unit's open inspection and plans the next."""
    if db.execute("SELECT 1 FROM followups WHERE kind = 'inspection' AND inspection_ticket_id = ?",
                  [ticket_id]).fetchone():
        return
    open_row = db.execute("SELECT id FROM followups WHERE equipment_id = ? AND kind = 'inspection' "
                          "AND status = 'pending'", [equipment_id]).fetchone()
    if open_row is None:
        cur = db.execute(
            "INSERT INTO followups (kind, ticket_id, customer_id, equipment_id, due_from, due_at, "
            "status, done_at, inspection_ticket_id, created_at, updated_at) "
            "VALUES ('inspection', ?, ?, ?, ?, ?, 'done', ?, ?, ?, ?)",
            [ticket_id, customer_id, equipment_id, completed_at, completed_at, completed_at, ticket_id,
             stamp, stamp])
        created.append(cur.lastrowid)
    else:
        db.execute("UPDATE followups SET status = 'done', done_at = ?, inspection_ticket_id = ?, "
                   "updated_at = ? WHERE id = ?", [completed_at, ticket_id, stamp, open_row[0]])
    due_from, due_at = inspection_window(_ts(completed_at).date(), w)
    cur = db.execute(
        "INSERT INTO followups (kind, ticket_id, customer_id, equipment_id, due_from, due_at, status, "
        "created_at, updated_at) VALUES ('inspection', ?, ?, ?, ?, ?, 'pending', ?, ?)",
        [ticket_id, customer_id, equipment_id, due_from, due_at, stamp, stamp])
    created.append(cur.lastrowid)
