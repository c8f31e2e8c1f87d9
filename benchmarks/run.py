"""Timed scenarios on a generated ten-year data file (see generate.py).

Prints one line per scenario: median of several runs, in milliseconds. Not a
test: targets are judged by a person reading the figures (UI work should stay
under ~100 ms so typing and clicking feel instant).

    python benchmarks/run.py --db /tmp/bench.sqlite3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from servicedesk.models.archive import customers as C  # noqa: E402
from servicedesk.models.kpi import month as kpi  # noqa: E402
from servicedesk.models.parts import ledger as parts  # noqa: E402
from servicedesk.models.pay import month as pay  # noqa: E402
from servicedesk.models.tickets import queries as Q  # noqa: E402
from servicedesk.models.core.db import open_db  # noqa: E402


def timed(label: str, fn: Callable[[], object], runs: int = 5) -> None:
    samples = []
    result = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - t0) * 1000)
    size = len(result) if hasattr(result, "__len__") else type(result).__name__
    print(f"{label:<48} {statistics.median(samples):9.1f} ms   ({size})")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    args = ap.parse_args()
    path = Path(args.db)

    timed("open data file (quick_check, migrations)", lambda: open_db(path).close() or 1, runs=3)
    db = open_db(path)
    last = db.execute("SELECT substr(max(completed_at), 1, 7) FROM tickets").fetchone()[0]
    month = kpi.shift_month(last, -2)  # a full month, not the last partial one
    print(f"data: {C.count_customers(db)} customers, {Q.count_tickets(db)} tickets, "
          f"{parts.count_moves(db)} stock moves; month {month}")

    for q in ("张", "建工", "杭州建工", "1381", "QTZ80"):
        timed(f"customer search {q!r}", lambda q=q: C.search(db, q, limit=200))
    timed("customer list first page + count", lambda: (C.list_customers(db, limit=500), C.count_customers(db)))
    timed("ticket list first page (all)", lambda: Q.list_tickets(db, limit=500))
    timed("ticket count (all)", lambda: Q.count_tickets(db))
    timed("ticket status counts", lambda: Q.status_counts(db))
    timed("ticket list, month filter", lambda: Q.list_tickets(db, Q.TicketFilter(month=month), limit=500))
    timed("ticket list, overdue only", lambda: Q.list_tickets(db, Q.TicketFilter(overdue_only=True), limit=500))
    for q in ("YX2", "13", "杭州"):
        timed(f"ticket search {q!r}", lambda q=q: Q.list_tickets(db, Q.TicketFilter(text=q), limit=500))
    timed("ticket list sorted by customer", lambda: Q.list_tickets(db, order_by="customer_name", limit=500))
    timed("parts list first page", lambda: parts.list_parts(db))
    timed("part history (one part, all lines)", lambda: parts.part_history(db, "P-0001"))
    timed("stock ledger first page", lambda: parts.list_moves(db, limit=500))
    timed("balance as of a date", lambda: parts.balance_as_of(db, "P-0001", f"{month}-01 00:00:00"))
    timed("low stock list", lambda: parts.low_stock(db))
    timed("KPI for one month (with detail)", lambda: kpi.month_kpi(db, month), runs=3)
    timed("KPI 12-month trend", lambda: kpi.kpi_trend(db, month, 12), runs=3)
    timed("pay for one month", lambda: pay.month_pay(db, month), runs=3)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
