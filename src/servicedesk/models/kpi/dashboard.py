"""The dashboard's data, read in one go off the GUI thread: this month's
figures and trend, sent months whose figures moved, overdue tickets, calls
due, ticket status counts, low stock and old parts not returned.
Split from kpi/month.py (it reads every area, the month's figures included).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from servicedesk.models.core.db import now_iso
from servicedesk.models.kpi.figures import MonthKpi
from servicedesk.models.kpi.month import SentChange, export_check, kpi_trend, sent_changes

@dataclass
class DashboardData:
    """Everything the dashboard shows, read in one go (off the GUI thread)."""

    now: str
    month: str
    trend: list[MonthKpi]                 # 12 months, this month last
    sent_changes: list[SentChange]
    overdue_tickets: list[Any]            # ticket_queries.TicketRow, most overdue first
    overdue_total: int
    calls_due: list[Any]                  # followups.Followup, most overdue first
    due: Any                              # followups.DueCounts
    status_counts: dict[str, int]
    low_stock: int | None                 # None while the parts area is missing
    check_items: int                      # this month's pre-export check items
    old_parts: tuple[int, int] | None = None   # (pending, overdue) old parts not returned (parts area)

    @property
    def this_month(self) -> MonthKpi:
        return self.trend[-1]


def dashboard_data(db: sqlite_utils.Database, now: str | None = None, list_limit: int = 200) -> DashboardData:
    from servicedesk.models.followups import calls as F
    from servicedesk.models.tickets import queries as Q

    now = now or now_iso()
    month = now[:7]
    flt = Q.TicketFilter(overdue_only=True)
    try:
        parts = importlib.import_module("servicedesk.models.parts.ledger")
        count_parts = getattr(parts, "count_parts", None)
        low = int(count_parts(db, low_only=True)) if count_parts is not None else None
        old_parts = parts.old_parts_summary(db, now) if hasattr(parts, "old_parts_summary") else None
    except ImportError:
        low = old_parts = None
    return DashboardData(
        now=now, month=month, trend=kpi_trend(db, month), sent_changes=sent_changes(db),
        overdue_tickets=Q.list_tickets(db, flt, now=now, limit=list_limit, order_by="deadline", descending=False),
        overdue_total=Q.count_tickets(db, flt, now=now),
        calls_due=F.list_followups(db, "due", kind="calls", now=now, limit=list_limit),
        due=F.due_counts(db, now), status_counts=Q.status_counts(db, now=now), low_stock=low,
        check_items=len(export_check(db, month, now=now)), old_parts=old_parts)
