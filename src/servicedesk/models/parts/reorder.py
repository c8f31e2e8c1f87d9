"""Parts below safety stock and the purchase suggestion (低库存采购建议).

A read-only figure over the parts master and the ledger's recent use; kept
apart so that the suggestion rule (shortfall + average monthly use over
`parts.suggestion_months`) is found in one small place.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

import sqlite_utils

from servicedesk.models.core.settings import get_setting
from servicedesk.models.core.validation import parse_date
from servicedesk.models.parts.moves import TICKET_KINDS


@dataclass
class LowStockRow:
    part_id: int
    code: str
    name: str
    spec: str
    unit: str
    location: str
    balance: int
    safety_stock: int
    used_recent: int                 # net use in the window
    months: int
    avg_monthly_use: int             # used_recent / months, rounded up
    suggestion: int                  # (safety - balance) + avg monthly use
    price_fen: int = 0

    @property
    def suggestion_amount_fen(self) -> int:
        return self.suggestion * self.price_fen


def _months_back(day: _dt.date, months: int) -> _dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][month - 1]
    return _dt.date(year, month, min(day.day, last))


def low_stock(db: sqlite_utils.Database, today: str | None = None) -> list[LowStockRow]:
    """Active parts below safety stock, with a purchase suggestion.

    suggestion = (safety stock - balance) + average monthly use, where the use
    is the net quantity issued/exchanged minus returned in the last
    `parts.suggestion_months` months before `today` (default 3), divided by
    that number of months and rounded up to a whole unit.
    """
    months = int(get_setting(db, "parts.suggestion_months", 3) or 3)
    day = _dt.date.fromisoformat(parse_date(today, "today") if today else _dt.date.today().isoformat())
    since = _months_back(day, months).isoformat()
    until = f"{day.isoformat()} 23:59:59"
    rows = db.execute(
        f"""SELECT p.id, p.code, p.name, p.spec, p.unit, p.location, p.balance, p.safety_stock, p.price_fen,
                   COALESCE((SELECT -SUM(m.qty) FROM stock_moves m WHERE m.part_id = p.id
                             AND m.kind IN {TICKET_KINDS} AND m.at >= ? AND m.at <= ?), 0)
            FROM parts p WHERE p.active = 1 AND p.balance < p.safety_stock
            ORDER BY p.code""", [since, until]).fetchall()
    out = []
    for pid, code, name, spec, unit, loc, bal, safety, price, used in rows:
        used = max(used, 0)
        avg = -(-used // months)
        out.append(LowStockRow(pid, code, name, spec, unit, loc, bal, safety, used, months, avg,
                               (safety - bal) + avg, price))
    return out


def count_low_stock(db: sqlite_utils.Database) -> int:
    """For the dashboard: how many active parts are below safety stock."""
    return db.execute("SELECT COUNT(*) FROM parts WHERE active = 1 AND balance < safety_stock").fetchone()[0]
