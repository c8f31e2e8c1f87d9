"""End to end: a ticket walked through the tickets model feeds pay, and the lock holds."""

from __future__ import annotations

import pytest

pytest.importorskip("servicedesk.models.tickets.lifecycle")

from servicedesk.models.pay import month as P  # noqa: E402
from servicedesk.models.tickets import lifecycle as T  # noqa: E402
from servicedesk.models.core.errors import LockedError  # noqa: E402
from tests import factories as F  # noqa: E402


def test_record_visit_feeds_pay_and_locked_month_refuses_edits(db):
    cust = F.customer(db)
    eq = F.equipment(db, cust)
    a = F.technician(db, "张伟")
    b = F.technician(db, "李强")
    t = T.open_ticket(db, T.TicketInput(type="repair", channel="hotline", customer_id=cust, equipment_id=eq,
                                        reported_at="2026-03-02 08:30:00", fault="顶升后垂直度超差",
                                        fault_level=3), "内勤", at="2026-03-02 08:30:00")
    T.dispatch(db, t.id, T.DispatchInput([a, b], dispatched_at="2026-03-02 09:00:00"), "内勤")
    # first visit: not finished -> nothing counts yet
    T.record_visit(db, t.id, T.VisitInput(arrived_at="2026-03-03 10:00:00", result="not_done",
                                          work=[T.WorkLine("JACK_HOIST", 500)]), "内勤")
    assert P.compute_month(db, "2026-03").technician(a).hours_x100 == 0
    # finished: 2.7 h x 5 sections = 13.5 h, split 6.75 h each = 135.00 yuan each
    T.record_visit(db, t.id, T.VisitInput(arrived_at="2026-03-03 10:00:00", result="done",
                                          repair_from="2026-03-03 10:10:00", repair_to="2026-03-04 16:00:00",
                                          work=[T.WorkLine("JACK_HOIST", 500)]), "内勤")
    pay = P.compute_month(db, "2026-03")
    assert [(x.hours_x100, x.performance_fen) for x in (pay.technician(a), pay.technician(b))] == \
        [(6_75, 135_00), (6_75, 135_00)]

    P.set_pin(db, "1357")
    P.approve_month(db, "2026-03", "1357", who="经理")
    with pytest.raises(LockedError) as exc:
        T.record_visit(db, t.id, T.VisitInput(arrived_at="2026-03-03 10:00:00", result="done",
                                              repair_to="2026-03-04 16:00:00",
                                              work=[T.WorkLine("JACK_HOIST", 600)]), "内勤")
    assert "2026-03" in exc.value.message
    with pytest.raises(LockedError):
        T.dispatch(db, t.id, T.DispatchInput([b]), "内勤")
    # nothing changed
    assert [(w.code, w.quantity_x100) for w in T.get_ticket(db, t.id).work] == [("JACK_HOIST", 500)]
    assert P.month_pay(db, "2026-03").technician(a).performance_fen == 135_00


def test_completing_into_a_locked_month_is_refused(db):
    cust = F.customer(db)
    a = F.technician(db, "张伟")
    t = T.open_ticket(db, T.TicketInput(type="repair", channel="hotline", customer_id=cust,
                                        reported_at="2026-03-20 08:30:00", fault="异响", fault_level=3),
                      "内勤", at="2026-03-20 08:30:00")
    T.dispatch(db, t.id, T.DispatchInput([a], dispatched_at="2026-03-20 09:00:00"), "内勤")
    P.set_pin(db, "1357")
    P.approve_month(db, "2026-03", "1357", who="经理")
    with pytest.raises(LockedError):
        T.record_visit(db, t.id, T.VisitInput(arrived_at="2026-03-21 10:00:00", result="done",
                                              completed_at="2026-03-21 12:00:00",
                                              work=[T.WorkLine("SMALL_REPAIR", 100)]), "内勤")
    # completed in April instead: fine, and it counts in April
    T.record_visit(db, t.id, T.VisitInput(arrived_at="2026-03-21 10:00:00", result="done",
                                          completed_at="2026-04-01 09:00:00",
                                          work=[T.WorkLine("SMALL_REPAIR", 100)]), "内勤")
    assert P.compute_month(db, "2026-04").technician(a).hours_x100 == 4_00
