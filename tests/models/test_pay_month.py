"""A whole month (March 2026) worked out by hand, compared figure by figure.

Settings: the shipped defaults — 20 yuan per work hour, 6 yuan living
allowance per day not on a long trip, supervisor base 2640, equal team split.

People
  S 王主管  supervisor, no base in the register -> 2640.00
  A 张伟    technician, base 3000.00
  B 李强    technician, base 2800.00
  X 赵旧    inactive, nothing in March -> not listed

Tickets
  T1 installation, team A (leader) + B, completed 03-05, closed
     INSTALL_HOIST x1 = 145 h, JACK_HOIST x5 = 2.7 x 5 = 13.5 h  -> 158.50 h
     equal split: 79.25 h each -> 79.25 x 20 = 1585.00 yuan each
  T2 repair, A alone, completed 03-12, reviewed
     WELD_SITE x3 (same site) = 4 + 2 + 2 = 8 h -> 160.00
  T3 repair, team B (leader) + A + S, completed 03-25, completed
     JACK_HOIST x1 = 2.70 h + INSPECTION x1 = 4 h -> 6.70 h = 670 hundredths
     670 / 3 = 223 r 1 -> the odd hundredth to the leader: B 2.24, A 2.23, S 2.23
     money: B 2.24 x 20 = 44.80, A 44.60, S 44.60
  T4 repair, B, first visit 03-28 不完成, finally completed 04-02 -> counts in APRIL
     REPLACE_ASSEMBLY x1 = 16 h -> B gets 320.00 in April, nothing in March
  T5 installation, A, visited in March then cancelled -> earns nothing
     (INSTALL_TC 80 h would have been 1600.00)
  T6 inspection, A, completed 02-27 -> February, not March

Deductions (March)
  D1 missing dispatch slip on T1 -> 100.00 from A and from B (leader included)
  D2 small accident on T3, cost 150.01 -> 2 x 150.01 = 300.02 over B, A, S:
     30002 / 3 = 10000 r 2 -> B 100.01, A 100.01, S 100.00
  D3 defect on T2 reported 03-30 (18 days after completion), 2 items -> A 200.00
  B disputes D1; upheld -> B's 100.00 waived (A still pays his)
Attendance (days worked / long-trip days)
  S 21 / 0 -> 126.00     A 24 / 6 -> 6 x 18 = 108.00     B 22 / 0 -> 132.00
Refund: A, round-trip tickets for T1 (installation): 236.50
Adjustment: S +1.50 h (a February line found late) -> 1.50 x 20 = 30.00

Totals per person (allowance + base + performance - deductions + refunds)
  S: hours 2.23 + 1.50 = 3.73; performance 44.60 + 30.00 = 74.60; deductions 100.00
     total = 126.00 + 2640.00 + 74.60 - 100.00 + 0 = 2740.60
  A: hours 79.25 + 8.00 + 2.23 = 89.48; performance 1585.00 + 160.00 + 44.60 = 1789.60
     deductions 100.00 + 100.01 + 200.00 = 400.01
     total = 108.00 + 3000.00 + 1789.60 - 400.01 + 236.50 = 4734.09
  B: hours 79.25 + 2.24 = 81.49; performance 1585.00 + 44.80 = 1629.80
     deductions 0 (waived) + 100.01 = 100.01
     total = 132.00 + 2800.00 + 1629.80 - 100.01 + 0 = 4461.79
  Month: hours 174.70; total 2740.60 + 4734.09 + 4461.79 = 11936.48
"""

from __future__ import annotations

import pytest

from servicedesk.models.pay import month as P
from tests import factories as F

MONTH = "2026-03"


def build_march(db) -> dict[str, int]:
    cust = F.customer(db)
    eq = F.equipment(db, cust)
    s = F.technician(db, "王主管", role="supervisor", base_salary_fen=0)
    a = F.technician(db, "张伟", base_salary_fen=3000_00)
    b = F.technician(db, "李强", base_salary_fen=2800_00)
    x = F.technician(db, "赵旧", active=0)

    def t(no, typ, team, work, **kw):
        return F.ticket(db, customer_id=cust, equipment_id=eq, no=no, type=typ, team=team, work=work, **kw)

    ids = {
        "S": s, "A": a, "B": b, "X": x,
        "T1": t("YX2603001", "installation", (a, b), (("INSTALL_HOIST", 100), ("JACK_HOIST", 500)),
                status="closed", result="done", completed_at="2026-03-05 17:00:00"),
        "T2": t("YX2603002", "repair", (a,), (("WELD_SITE", 300),),
                status="reviewed", result="done", completed_at="2026-03-12 11:30:00"),
        "T3": t("YX2603003", "repair", (b, a, s), (("JACK_HOIST", 100), ("INSPECTION", 100)),
                status="completed", result="done", completed_at="2026-03-25 15:00:00"),
        "T4": t("YX2603004", "repair", (b,), (("REPLACE_ASSEMBLY", 100),),
                status="closed", result="done", arrived_at="2026-03-28 09:00:00",
                completed_at="2026-04-02 10:00:00"),
        "T5": t("YX2603005", "installation", (a,), (("INSTALL_TC", 100),),
                status="cancelled", arrived_at="2026-03-18 09:00:00", cancelled_at="2026-03-19 09:00:00"),
        "T6": t("YX2602009", "inspection", (a,), (("INSPECTION", 100),),
                status="closed", result="done", completed_at="2026-02-27 16:00:00"),
    }
    d1 = P.add_deduction(db, P.DeductionInput(ids["T1"], "missing_document", document="dispatch_slip",
                                              reason="派工单未交"), who="内勤")
    P.add_deduction(db, P.DeductionInput(ids["T3"], "small_accident", cost_fen=150_01, reason="碰坏围挡"))
    P.add_deduction(db, P.DeductionInput(ids["T2"], "defect", items=2, source="customer",
                                         occurred_on="2026-03-30", reason="焊缝开裂"))
    dispute = P.raise_dispute(db, MONTH, b, "deduction", "派工单是我交的", ref_id=d1.id, who="李强")
    P.resolve_dispute(db, dispute.id, True, "查到派工单原件", who="经理")
    P.set_attendance(db, MONTH, s, 21, 0)
    P.set_attendance(db, MONTH, a, 24, 6)
    P.set_attendance(db, MONTH, b, 22, 0)
    P.add_reimbursement(db, ids["T1"], a, 236_50, "杭州—金华 往返")
    P.add_adjustment(db, MONTH, s, hours_x100=1_50, reason="2月工单漏记")
    return ids


@pytest.fixture
def march(db):
    return build_march(db)


def test_march_figure_by_figure(db, march):
    pay = P.compute_month(db, MONTH)
    assert not pay.locked and pay.open_disputes == 0
    assert [t.name for t in pay.technicians] == ["王主管", "张伟", "李强"]   # supervisor first; 赵旧 inactive
    got = {t.name: (t.hours_x100, t.performance_fen, t.allowance_fen, t.base_fen, t.reimbursement_fen,
                    t.deductions_fen, t.total_fen) for t in pay.technicians}
    assert got["王主管"] == (3_73, 74_60, 126_00, 2640_00, 0, 100_00, 2740_60)
    assert got["张伟"] == (89_48, 1789_60, 108_00, 3000_00, 236_50, 400_01, 4734_09)
    assert got["李强"] == (81_49, 1629_80, 132_00, 2800_00, 0, 100_01, 4461_79)
    totals = pay.totals()
    assert totals["hours_x100"] == 174_70
    assert totals["total_fen"] == 11936_48


def test_march_lines_behind_the_figures(db, march):
    pay = P.compute_month(db, MONTH)
    a = pay.technician(march["A"])
    work = [(ln.ticket_no, ln.job_hours_x100, ln.team_size, ln.hours_x100, ln.amount_fen)
            for ln in a.lines if ln.kind == "work"]
    assert work == [("YX2603001", 158_50, 2, 79_25, 1585_00),
                    ("YX2603002", 8_00, 1, 8_00, 160_00),
                    ("YX2603003", 6_70, 3, 2_23, 44_60)]
    deductions = sorted(ln.amount_fen for ln in a.lines if ln.kind == "deduction")
    assert deductions == [100_00, 100_01, 200_00]
    b = pay.technician(march["B"])
    t3 = next(ln for ln in b.lines if ln.ticket_no == "YX2603003")
    assert (t3.leader, t3.hours_x100, t3.amount_fen) == (True, 2_24, 44_80)
    waived = next(ln for ln in b.lines if ln.kind == "deduction" and ln.waived)
    assert waived.amount_fen == 0 and waived.dispute == "upheld" and "免扣 100.00" in waived.description
    assert "YX2603004" not in {ln.ticket_no for t in pay.technicians for ln in t.lines}   # April
    assert "YX2603005" not in {ln.ticket_no for t in pay.technicians for ln in t.lines}   # cancelled
    assert "YX2602009" not in {ln.ticket_no for t in pay.technicians for ln in t.lines}   # February


def test_unfinished_ticket_counts_when_finally_completed(db, march):
    april = P.compute_month(db, "2026-04")
    b = april.technician(march["B"])
    assert (b.hours_x100, b.performance_fen) == (16_00, 320_00)
    feb = P.compute_month(db, "2026-02")
    assert feb.technician(march["A"]).hours_x100 == 4_00


def test_approved_march_is_frozen_and_feeds_the_lock(db, march):
    P.set_pin(db, "2580")
    P.approve_month(db, MONTH, "2580", who="经理")
    frozen = P.month_pay(db, MONTH)
    assert frozen.locked
    assert {t.name: t.total_fen for t in frozen.technicians} == {
        "王主管": 2740_60, "张伟": 4734_09, "李强": 4461_79}
    for key in ("T1", "T2", "T3"):
        with pytest.raises(P.LockedError):
            P.ensure_ticket_editable(db, march[key])
    P.ensure_ticket_editable(db, march["T4"])      # April's ticket can still change
