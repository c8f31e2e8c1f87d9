"""The two definitions head office judges us by, in one place (DOMAIN §2, §6).

- On time: levels 1-3 (and tickets without a level: the 24 h visit rule) when
  arrival <= reported + the level's on-site limit; level 4 (remote, no visit)
  when the remote resolution (completion) <= reported + 48 h. Exactly at the
  limit is on time. No arrival (or no completion for level 4) = not on time.
- Successful: result 完成 and no new repair ticket (not cancelled) for the same
  equipment reported within 30 x 24 h after completion
  (completed <= next.reported <= completed + 30 days counts as a repeat).

Pure functions over plain values plus one SQL fragment, so tickets, KPI,
dashboard and pay all agree. All limits come from settings.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Mapping

REPAIR_TYPES = ("repair", "complaint")   # the tickets the KPI counts
LEVELS = (1, 2, 3, 4)
LEVEL_LABELS = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


def parse_ts(value: str | _dt.datetime | None) -> _dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value
    return _dt.datetime.fromisoformat(str(value))


@dataclass(frozen=True)
class Limits:
    """Minutes per level: response and on-site (or remote-fix for level 4)."""

    response: Mapping[int, int]
    onsite: Mapping[int, int]
    default_onsite: int = 24 * 60
    due_soon: int = 120
    repeat_days: int = 30

    @classmethod
    def from_settings(cls, settings: Mapping[str, object]) -> "Limits":
        return cls(
            response={lv: int(settings[f"level.{lv}.response_minutes"]) for lv in LEVELS},
            onsite={lv: int(settings[f"level.{lv}.onsite_minutes"]) for lv in LEVELS},
            default_onsite=int(settings.get("ticket.default_onsite_minutes", 24 * 60)),
            due_soon=int(settings.get("ticket.due_soon_minutes", 120)),
            repeat_days=int(settings.get("ticket.repeat_fault_days", 30)),
        )


def load_limits(db) -> Limits:
    from servicedesk.models.core.settings import get_settings

    return Limits.from_settings(get_settings(db))


def onsite_deadline(reported_at, level: int | None, limits: Limits) -> _dt.datetime | None:
    """Latest on-time arrival (levels 1-3, or no level) / remote fix (level 4)."""
    reported = parse_ts(reported_at)
    if reported is None:
        return None
    minutes = limits.onsite[level] if level in limits.onsite else limits.default_onsite
    return reported + _dt.timedelta(minutes=minutes)


def response_deadline(reported_at, level: int | None, limits: Limits) -> _dt.datetime | None:
    reported = parse_ts(reported_at)
    if reported is None or level not in limits.response:
        return None
    return reported + _dt.timedelta(minutes=limits.response[level])


def is_on_time(level: int | None, reported_at, arrived_at, completed_at, limits: Limits) -> bool:
    """See module docstring. Exactly at the limit counts as on time."""
    deadline = onsite_deadline(reported_at, level, limits)
    if deadline is None:
        return False
    moment = parse_ts(completed_at) if level == 4 else parse_ts(arrived_at)
    return moment is not None and moment <= deadline


def sla_state(level: int | None, reported_at, arrived_at, completed_at, limits: Limits,
              now: _dt.datetime | None = None) -> str:
    """Live state for lists: 'on_time' | 'due_soon' | 'overdue' (open work),
    'met' | 'missed' (the deadline moment already happened)."""
    deadline = onsite_deadline(reported_at, level, limits)
    if deadline is None:
        return "on_time"
    moment = parse_ts(completed_at) if level == 4 else parse_ts(arrived_at)
    if moment is not None:
        return "met" if moment <= deadline else "missed"
    now = now or _dt.datetime.now()
    if now > deadline:
        return "overdue"
    if deadline - now <= _dt.timedelta(minutes=limits.due_soon):
        return "due_soon"
    return "on_time"


def is_repeat(completed_at, next_reported_at, limits: Limits) -> bool:
    completed, nxt = parse_ts(completed_at), parse_ts(next_reported_at)
    if completed is None or nxt is None:
        return False
    return completed <= nxt <= completed + _dt.timedelta(days=limits.repeat_days)


def is_successful(result: str | None, completed_at, next_reported_at, limits: Limits) -> bool:
    """next_reported_at: the earliest later repair ticket on the same equipment (or None)."""
    return result == "done" and not is_repeat(completed_at, next_reported_at, limits)


def next_repair_sql(alias: str = "t") -> str:
    """SQL expression: reported_at of the first non-cancelled repair ticket on the
    same equipment reported at or after `alias`.completed_at (NULL if none)."""
    return (
        f"(SELECT min(n.reported_at) FROM tickets n WHERE n.equipment_id = {alias}.equipment_id "
        f"AND n.id != {alias}.id AND n.type = 'repair' AND n.status != 'cancelled' "
        f"AND {alias}.completed_at IS NOT NULL AND n.reported_at >= {alias}.completed_at)"
    )
