"""The dealer service fee of a year (经销商售后服务费, DOMAIN §6, seed 000 §三).

fee = (units out of warranty in the year − units the office served itself)
      × 1000 yuan (setting kpi.dealer_fee_per_unit_fen) × the dealer's satisfaction

How the program counts them from the data (the seed gives only the formula):

- A unit belongs to a dealer through the equipment's dealer, else its
  customer's dealer. Units without a dealer (direct sales) are left out.
- "Out of warranty in the year" (年度已过质保期整机台数): units whose warranty
  period ENDS within the calendar year — the same period as
  customers.warranty_status (equipment's warranty months, else the setting,
  from the acceptance date, else the purchase date; the last day included).
  Units without either date have no warranty period and are not counted.
  This is when the dealer has finished serving the unit through its warranty
  and the fee for it falls due.
- "Served by the office itself" (用户服务部服务台数): of those units, the ones
  with at least one non-cancelled repair, complaint, technical-service or
  installation ticket COMPLETED IN THE FEE YEAR and within the unit's
  warranty period — i.e. between max(warranty start, 1 January) and
  min(warranty end, 31 December), both days included. The fee is settled
  year by year (seed 000: 每年的1-2月份进行结算), so work the office did for a
  unit in an earlier year (typically its installation, at the start of the
  warranty, a year before the warranty ends) belongs to that year's
  settlement, not to this one; work after the warranty is the customer's
  paid service, not the dealer's job. Inspections (the office's own yearly
  visit plan) do not count. Each unit counts once however many tickets it had.

  Example: warranty 2025-03-10 .. 2026-03-09, fee year 2026. The office's
  installation completed 2025-03-10 does not count (2025); a repair
  completed 2026-02-01 does (served); a repair completed 2026-05-01 does
  not (after the warranty).
- Satisfaction: reached follow-up calls made in the year to the dealer's
  customers, answered 非常满意/满意, over all reached calls (as in kpi).
  No reached call -> satisfaction None -> fee None ("—"), never 0.
- Billable units never go below zero. The fee is rounded to the fen, half up.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from fractions import Fraction

import sqlite_utils

from servicedesk.models.archive.customers import add_months
from servicedesk.models.followups.vocabulary import SATISFIED
from servicedesk.models.kpi.rates import Rate
from servicedesk.models.core.settings import get_settings
from servicedesk.models.core.errors import ValidationError

SERVED_TYPES = ("repair", "complaint", "technical_service", "installation")


@dataclass
class FeeUnit:
    equipment_id: int
    dealer: str
    customer_name: str
    model: str
    serial_no: str
    warranty_start: str
    warranty_end: str
    served: bool
    served_tickets: str          # ticket numbers that made it 'served', joined by '、'


@dataclass
class DealerFee:
    dealer: str
    units_out: int
    units_served: int
    calls_reached: int
    satisfied: int
    per_unit_fen: int

    @property
    def billable(self) -> int:
        return max(0, self.units_out - self.units_served)

    @property
    def satisfaction(self) -> Rate:
        return Rate(self.satisfied, self.calls_reached)

    @property
    def fee_fen(self) -> int | None:
        if not self.calls_reached:
            return None
        exact = Fraction(self.billable * self.per_unit_fen * self.satisfied, self.calls_reached)
        return int(exact + Fraction(1, 2)) if exact >= 0 else -int(-exact + Fraction(1, 2))


@dataclass
class DealerFeeReport:
    year: int
    office: str
    per_unit_fen: int
    dealers: list[DealerFee] = field(default_factory=list)
    units: list[FeeUnit] = field(default_factory=list)

    @property
    def total_fen(self) -> int:
        return sum(d.fee_fen or 0 for d in self.dealers)


def _warranty_end(start: str, months: int) -> str:
    return (add_months(_dt.date.fromisoformat(start), months) - _dt.timedelta(days=1)).isoformat()


def dealer_fee(db: sqlite_utils.Database, year: int) -> DealerFeeReport:
    """Per dealer: units out of warranty in `year`, units served, satisfaction, fee."""
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError(f'"{year}" is not a year (use 2026)', "year")
    settings = get_settings(db)
    default_months = int(settings.get("warranty.months", 12))
    per_unit = int(settings.get("kpi.dealer_fee_per_unit_fen", 1000_00))
    first, last = f"{year}-01-01", f"{year}-12-31"          # the fee year, both days included
    units: dict[int, FeeUnit] = {}
    for eid, dealer, customer, model, serial, acceptance, purchase, months in db.execute("""
            SELECT e.id, COALESCE(NULLIF(e.dealer, ''), c.dealer), c.name, e.model, e.serial_no,
                   e.acceptance_date, e.purchase_date, e.warranty_months
            FROM equipment e JOIN customers c ON c.id = e.customer_id
            WHERE COALESCE(NULLIF(e.dealer, ''), c.dealer) != ''
              AND COALESCE(e.acceptance_date, e.purchase_date) IS NOT NULL"""):
        start = acceptance or purchase
        end = _warranty_end(start, default_months if months is None else int(months))
        if first <= end <= last:
            units[eid] = FeeUnit(eid, dealer, customer, model, serial, start, end, False, "")
    if units:
        types = ",".join(f"'{t}'" for t in SERVED_TYPES)
        served: dict[int, list[str]] = {}
        for eid, no, completed in db.execute(f"""
                SELECT t.equipment_id, t.no, t.completed_at FROM tickets t
                JOIN equipment e ON e.id = t.equipment_id
                WHERE t.type IN ({types}) AND t.status != 'cancelled' AND t.completed_at IS NOT NULL
                  AND t.completed_at >= ? AND t.completed_at <= ? ORDER BY t.completed_at""",
                [f"{first} 00:00:00", f"{last} 23:59:59"]):
            unit = units.get(eid)
            # completed in the fee year (the query) AND while the dealer owed the unit its service
            if unit is not None and unit.warranty_start <= completed[:10] <= unit.warranty_end:
                served.setdefault(eid, []).append(no)
        for eid, nos in served.items():
            units[eid].served = True
            units[eid].served_tickets = "、".join(nos)
    calls: dict[str, list[int]] = {}
    for dealer, satisfaction in db.execute("""
            SELECT COALESCE(NULLIF(e.dealer, ''), c.dealer), k.satisfaction
            FROM followup_calls k JOIN followups f ON f.id = k.followup_id
            JOIN customers c ON c.id = f.customer_id LEFT JOIN equipment e ON e.id = f.equipment_id
            WHERE k.reached = 1 AND k.called_at >= ? AND k.called_at <= ?""",
            [f"{first} 00:00:00", f"{last} 23:59:59"]):
        if dealer:
            tally = calls.setdefault(dealer, [0, 0])
            tally[0] += 1
            tally[1] += satisfaction in SATISFIED
    names = sorted({u.dealer for u in units.values()} | set(calls))
    dealers = []
    for name in names:
        mine = [u for u in units.values() if u.dealer == name]
        reached, satisfied = calls.get(name, [0, 0])
        dealers.append(DealerFee(name, len(mine), sum(u.served for u in mine), reached, satisfied, per_unit))
    return DealerFeeReport(year, str(settings.get("office.name", "")), per_unit, dealers,
                           sorted(units.values(), key=lambda u: (u.dealer, u.warranty_end, u.serial_no)))
