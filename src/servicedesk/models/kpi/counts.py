"""The month's figures counted by SQLite: office, technicians, dealers (issue 15).

The per-ticket and per-call lines (month.ticket_decisions, month.reached_calls)
say *why* each repair is on time or not; the KPI tab and the workbook's
detail sheets show them. The figures alone need none of that: one query
counts the repairs for the office and every technician, one the reached and
satisfied calls for the office, every technician and every dealer. They
cost about what one hand-written query of the office figures costs, where
building the lines in Python cost ten times that (benchmarks/run.py
kpi_month).

The SQL says what tickets.rules says in Python, and a test holds the two
together on a generated year (tests/models/test_kpi_counts.py):
- on time: the moment (arrival; completion for level 4) is at or before
  the on-site deadline (tickets.queries.deadline_sql); no moment or no report
  time is late;
- successful: result 'done' and no repair reported on the same unit within
  `repeat_days` after completion (rules.next_repair_sql).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from servicedesk.models.followups.vocabulary import SATISFIED
from servicedesk.models.kpi.rates import month_bounds
from servicedesk.models.tickets import rules as R
from servicedesk.models.tickets.records import COUNTED_STATUSES   # not lifecycle: it loads parts, pay, follow-ups

# "+" keeps the planner on the completed_at index (a month is a narrow range).
COUNTED_SQL = ", ".join(f"'{s}'" for s in COUNTED_STATUSES)
REPAIR_TYPES_SQL = ", ".join(f"'{t}'" for t in R.REPAIR_TYPES)

# A satisfaction call judged the repair as it was then. When the ticket was
# reopened and completed again after that call, and a newer reached call about
# the ticket made after that new completion exists (any of its follow-ups but
# an inspection), the newer one counts and the earlier one no longer does
# (issue 16). `k` is the call, `f` its follow-up.
CALL_COUNTS = """NOT (f.kind = 'satisfaction' AND EXISTS (
    SELECT 1 FROM tickets t2 JOIN followups f2 ON f2.ticket_id = t2.id
    JOIN followup_calls k2 ON k2.followup_id = f2.id
    WHERE t2.id = f.ticket_id AND t2.completed_at > k.called_at AND f2.kind != 'inspection'
      AND k2.reached = 1 AND k2.called_at >= t2.completed_at))"""


@dataclass
class RepairCounts:
    repairs: int = 0
    on_time: int = 0
    successful: int = 0


@dataclass
class CallCounts:
    reached: int = 0
    satisfied: int = 0


@dataclass
class MonthCounts:
    """Every figure of the month but the stock count's, by whom it is counted for."""

    repairs: RepairCounts
    calls: CallCounts
    technician_repairs: dict[int, RepairCounts]
    technician_calls: dict[int, CallCounts]
    dealer_calls: dict[str, CallCounts]


def _repairs_sql(limits: R.Limits) -> str:
    """The month's counted repairs (:start, :end) with on_time and successful as 0/1."""
    from servicedesk.models.tickets.queries import deadline_sql, moment_sql

    moment, deadline = moment_sql("t"), deadline_sql(limits)
    return f"""
        SELECT t.id,
               coalesce({moment} <= {deadline}, 0) AS on_time,
               (t.result = 'done' AND NOT coalesce({R.next_repair_sql('t')}
                   <= datetime(t.completed_at, '+{int(limits.repeat_days)} days'), 0)) AS successful
        FROM tickets t
        WHERE t.type IN ({REPAIR_TYPES_SQL}) AND +t.status IN ({COUNTED_SQL})
          AND t.completed_at >= :start AND t.completed_at < :end"""


def _calls_sql(with_dealer: bool = True) -> str:
    """The month's counted calls (:start, :end) with satisfied as 0/1 and,
    `with_dealer`, the dealer. The office's figures leave the dealer out: its
    two lookups per call (customer, unit) were 40 % of the office's count."""
    marks = ", ".join(f"'{s}'" for s in SATISFIED)
    dealer = ", COALESCE(NULLIF(e.dealer, ''), c.dealer, '') AS dealer" if with_dealer else ""
    joins = ("JOIN customers c ON c.id = f.customer_id LEFT JOIN equipment e ON e.id = f.equipment_id"
             if with_dealer else "")
    return f"""
        SELECT k.id, f.ticket_id, k.satisfaction IN ({marks}) AS satisfied{dealer}
        FROM followup_calls k JOIN followups f ON f.id = k.followup_id {joins}
        WHERE k.reached = 1 AND k.called_at >= :start AND k.called_at < :end AND {CALL_COUNTS}"""


def office_counts(db: sqlite_utils.Database, month: str, limits: R.Limits) -> tuple[RepairCounts, CallCounts]:
    """The office's repair and call figures alone (trend, dashboard)."""
    start, end = month_bounds(month)
    params = {"start": start, "end": end}
    n, on_time, ok = db.execute(f"SELECT count(*), sum(on_time), sum(successful) FROM ({_repairs_sql(limits)})",
                                params).fetchone()
    reached, satisfied = db.execute(f"SELECT count(*), sum(satisfied) FROM ({_calls_sql(with_dealer=False)})",
                                    params).fetchone()
    return RepairCounts(n, on_time or 0, ok or 0), CallCounts(reached, satisfied or 0)


def office_counts_by_month(db: sqlite_utils.Database, months: list[str],
                           limits: R.Limits) -> dict[str, tuple[RepairCounts, CallCounts]]:
    """office_counts of several consecutive months in two queries (the trends:
    twelve months cost about what one costs alone)."""
    start, end = month_bounds(min(months))[0], month_bounds(max(months))[1]
    params = {"start": start, "end": end}
    out = {m: (RepairCounts(), CallCounts()) for m in months}
    for month, n, on_time, ok in db.execute(f"""
            SELECT substr(t.completed_at, 1, 7), count(*), sum(on_time), sum(successful)
            FROM ({_repairs_sql(limits)}) r JOIN tickets t ON t.id = r.id GROUP BY 1""", params):
        if month in out:
            out[month] = (RepairCounts(n, on_time or 0, ok or 0), out[month][1])
    for month, reached, satisfied in db.execute(f"""
            SELECT substr(k.called_at, 1, 7), count(*), sum(satisfied)
            FROM ({_calls_sql(with_dealer=False)}) c JOIN followup_calls k ON k.id = c.id GROUP BY 1""", params):
        if month in out:
            out[month] = (out[month][0], CallCounts(reached, satisfied or 0))
    return out


def month_counts(db: sqlite_utils.Database, month: str, limits: R.Limits) -> MonthCounts:
    """Office, per technician (every team member credited with the whole ticket
    and with the calls about it) and per dealer, in two queries."""
    start, end = month_bounds(month)
    params = {"start": start, "end": end}
    office = RepairCounts()
    by_tech: dict[int, RepairCounts] = {}
    for tech_id, n, on_time, ok in db.execute(f"""
            WITH rep AS MATERIALIZED ({_repairs_sql(limits)})
            SELECT NULL, count(*), sum(on_time), sum(successful) FROM rep
            UNION ALL
            SELECT tt.technician_id, count(*), sum(on_time), sum(successful)
            FROM rep CROSS JOIN ticket_technicians tt ON tt.ticket_id = rep.id GROUP BY tt.technician_id""", params):
        counts = RepairCounts(n, on_time or 0, ok or 0)
        if tech_id is None:
            office = counts
        else:
            by_tech[tech_id] = counts
    calls = CallCounts()
    tech_calls: dict[int, CallCounts] = {}
    dealer_calls: dict[str, CallCounts] = {}
    for scope, key, n, satisfied in db.execute(f"""
            WITH k AS MATERIALIZED ({_calls_sql()})
            SELECT 'office', NULL, count(*), sum(satisfied) FROM k
            UNION ALL
            SELECT 'technician', tt.technician_id, count(DISTINCT k.id), sum(k.satisfied)
            FROM k CROSS JOIN ticket_technicians tt ON tt.ticket_id = k.ticket_id GROUP BY tt.technician_id
            UNION ALL
            SELECT 'dealer', dealer, count(*), sum(satisfied) FROM k WHERE dealer != '' GROUP BY dealer""",
                                                  params):
        counts = CallCounts(n, satisfied or 0)
        if scope == "office":
            calls = counts
        elif scope == "technician":
            tech_calls[key] = counts
        else:
            dealer_calls[key] = counts
    return MonthCounts(office, calls, by_tech, tech_calls, dealer_calls)


def dealer_names(db: sqlite_utils.Database) -> list[str]:
    """Every dealer a customer or a unit names (each gets a line, calls or not)."""
    # "> ''" (not "!= ''") is a range both dealer indexes answer without a scan.
    return [r[0] for r in db.execute(
        "SELECT dealer FROM customers WHERE dealer > '' UNION SELECT dealer FROM equipment WHERE dealer > '' "
        "ORDER BY 1")]
