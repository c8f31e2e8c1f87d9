"""The paid-service quote (003 table 1, 4.5.3.1): cost, tax, management, in fen.

A pure computation from the quote settings and the ticket's quote inputs
(transport, days of lodging, meals and labour, bought parts); shown for
out-of-warranty work and printed on the outside-service form.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import sqlite_utils

from servicedesk.models.core.settings import get_settings
from servicedesk.models.core.validation import fen_to_yuan_str
from servicedesk.models.tickets.records import Quote, QuoteLine, TicketDetail

# ---------------------------------------------------------------- quote
def _half_up(numerator: int, denominator: int) -> int:
    return int((Decimal(numerator) / Decimal(denominator)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def compute_quote(settings: dict[str, Any], *, transport_fen: int, lodging_days: int, meal_days: int,
                  labour_days: int, materials_fen: int, applies: bool = True) -> Quote:
    """Paid-service quote (003 table 1, 4.5.3.1), integer fen.

    cost = transport + lodging×150 + meals×50 + labour×200 + materials;
    tax = cost × 15 %; management = (cost + tax) × 40 %; quote = cost + tax +
    management (= cost × 1.15 × 1.40 before rounding).

    Each printed line is rounded half-up to the fen ONCE, on its own, and the
    total is the plain sum of the printed lines, so the quote adds up on paper
    line by line (a clerk checking 673.27 × 40 % finds 269.31 on the sheet).
    Rounding the total once instead would make the management line a
    remainder that does not match its own percentage.
    """
    lodging_rate = int(settings["quote.lodging_per_day_fen"])
    meal_rate = int(settings["quote.meals_per_day_fen"])
    labour_rate = int(settings["quote.labour_per_day_fen"])
    tax_bp = int(settings["quote.tax_bp"])
    mgmt_bp = int(settings["quote.management_bp"])
    lines = [
        QuoteLine("交通费", transport_fen, "实报实销"),
        QuoteLine("住宿费", lodging_days * lodging_rate, f"{lodging_days} 天 × {fen_to_yuan_str(lodging_rate)}"),
        QuoteLine("伙食费", meal_days * meal_rate, f"{meal_days} 天 × {fen_to_yuan_str(meal_rate)}"),
        QuoteLine("人工费", labour_days * labour_rate, f"{labour_days} 天 × {fen_to_yuan_str(labour_rate)}"),
        QuoteLine("材料费", materials_fen, "客户购买件按价格表"),
    ]
    subtotal = sum(line.amount_fen for line in lines)
    tax = _half_up(subtotal * tax_bp, 10_000)
    management = _half_up((subtotal + tax) * mgmt_bp, 10_000)
    return Quote(lines, subtotal, tax, management, subtotal + tax + management, applies)


def _quote(db: sqlite_utils.Database, detail: TicketDetail) -> Quote:
    materials = sum(p.total_fen for p in detail.parts if p.kind == "bought")
    return compute_quote(get_settings(db, "quote."), transport_fen=detail.quote_transport_fen,
                         lodging_days=detail.quote_lodging_days, meal_days=detail.quote_meal_days,
                         labour_days=detail.quote_labour_days, materials_fen=materials,
                         applies=detail.warranty == "out")
