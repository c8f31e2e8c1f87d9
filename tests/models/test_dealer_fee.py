"""Dealer service fee of a year (DOMAIN §6, seed 000 §三): the fee year is respected."""

from __future__ import annotations

from servicedesk.models.followups import calls as F
from servicedesk.models.kpi.dealer_fee import dealer_fee
from tests import factories as f


def _call(db, ticket_id, kind, at, satisfaction):
    fid = db.execute("SELECT id FROM followups WHERE ticket_id = ? AND kind = ?", [ticket_id, kind]).fetchone()[0]
    F.record_call(db, fid, F.CallInput(reached=True, called_at=at, satisfaction=satisfaction), "林芳")


def test_only_the_fee_years_work_makes_a_unit_served(db):
    """Fee year 2026, warranty 12 months from acceptance (setting), dealer 浙江恒力机械.

      u1 accepted 2025-03-10 -> warranty ends 2026-03-09 (in 2026): out.
         The office's installation was completed 2025-03-10 — in the warranty
         but in 2025, the year before: settled then, does NOT make it served.
         Nothing else: the dealer served it itself                  -> out, not served
      u2 accepted 2025-05-01 -> ends 2026-04-30: out. Installation 2025-05-01
         (2025, no), repair completed 2026-02-01 (2026, in warranty) -> out, served
      u3 accepted 2025-08-01 -> ends 2026-07-31: out. Repair completed
         2026-09-01 is after the warranty (customer's paid service)  -> out, not served
      u4 accepted 2026-02-01 -> ends 2027-01-31: not out in 2026     -> left out
      units out 3, served 1 -> billable 2
      calls in 2026 about u2's repair: 非常满意, 一般 -> satisfied 1 of 2 = 50 %
      fee = 2 x 1000.00 yuan x 1/2 = 1000.00 yuan = 100 000 fen
    (Counting the 2025 installations as before — any time in the warranty —
    would make u1 served too: billable 1, fee 500.00.)
    """
    c = f.customer(db, "杭州建工集团有限公司", dealer="浙江恒力机械")
    u1 = f.equipment(db, c, acceptance_date="2025-03-10", purchase_date="2025-03-01")
    u2 = f.equipment(db, c, acceptance_date="2025-05-01", purchase_date="2025-04-20")
    u3 = f.equipment(db, c, acceptance_date="2025-08-01", purchase_date="2025-07-20")
    u4 = f.equipment(db, c, acceptance_date="2026-02-01", purchase_date="2026-01-20")
    for unit, day in ((u1, "2025-03-10"), (u2, "2025-05-01")):
        f.ticket(db, customer_id=c, equipment_id=unit, type="installation", fault_level=None,
                 reported_at=f"{day} 08:00:00", completed_at=f"{day} 17:00:00", result="done")
    repair = f.ticket(db, customer_id=c, equipment_id=u2, reported_at="2026-01-31 09:00:00",
                      completed_at="2026-02-01 10:00:00", closed_at="2026-02-01 12:00:00", result="done")
    f.ticket(db, customer_id=c, equipment_id=u3, reported_at="2026-08-31 09:00:00",
             completed_at="2026-09-01 10:00:00", result="done")
    F.schedule_for_ticket(db, repair)
    _call(db, repair, "satisfaction", "2026-02-01 15:00:00", "非常满意")
    _call(db, repair, "service_first", "2026-02-05 10:00:00", "一般")

    report = dealer_fee(db, 2026)
    [heng] = report.dealers
    assert (heng.units_out, heng.units_served, heng.billable) == (3, 1, 2)
    assert (heng.calls_reached, heng.satisfied, heng.fee_fen) == (2, 1, 1000_00)
    units = {u.equipment_id: u for u in report.units}
    assert set(units) == {u1, u2, u3} and u4 not in units
    assert [units[u].served for u in (u1, u2, u3)] == [False, True, False]
    assert units[u2].served_tickets.count("、") == 0 and units[u2].served_tickets  # the 2026 repair only


def test_demo_adds_units_each_dealer_serves_itself(db):
    """The demo's tickets reach every unit, so the demo adds per dealer two
    units whose warranty ended last year and two ending this year, with no
    office ticket: last year's fee has 2 billable units per dealer."""
    import datetime as _dt
    import random

    from servicedesk.demo.followups import _dealer_served_units

    f.customer(db, "杭州建工集团有限公司", dealer="浙江恒力机械")
    f.customer(db, "宁波城建有限公司", "13912345678", dealer="杭州华建设备")
    f.customer(db, "温州路桥有限公司", "13712345678")                   # direct sale: no dealer
    assert _dealer_served_units(db, random.Random(7), _dt.date(2026, 11, 25)) == 8
    last_year = {d.dealer: d for d in dealer_fee(db, 2025).dealers}
    assert {name: (d.units_out, d.units_served, d.billable) for name, d in last_year.items()} == {
        "浙江恒力机械": (2, 0, 2), "杭州华建设备": (2, 0, 2)}
    this_year = {d.dealer: d.billable for d in dealer_fee(db, 2026).dealers}
    assert this_year == {"浙江恒力机械": 2, "杭州华建设备": 2}
    assert db.execute("SELECT COUNT(*) FROM tickets").fetchone()[0] == 0
