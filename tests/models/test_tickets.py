"""The ticket lifecycle: intake, warranty, dealer rules, deadlines, on-time,
success/repeat, quote, status flow, event log and the cross-area hooks.

All figures are worked out by hand from DOMAIN.md §2 in the comments.
"""

from __future__ import annotations

import pytest

from servicedesk.models.followups import schedule as followups
from servicedesk.models.parts import ledger as parts
from servicedesk.models.pay import month as pay
from servicedesk.models.tickets import technicians as TE
from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.core.errors import LockedError, StateError, ValidationError
from tests import factories as F


@pytest.fixture
def office(db):
    """A customer with one in-warranty tower crane, two technicians and a supervisor."""
    c = F.customer(db, contact="王立新", address="杭州市西湖区文三路100号")
    # Accepted 2026-01-10, 12 months: in warranty up to and including 2027-01-09.
    e = F.equipment(db, c, model="QTZ80", serial_no="T2025-0101", factory_date="2025-11-01",
                    purchase_date="2025-12-20", acceptance_date="2026-01-10", dealer="浙江恒力机械")
    wang = TE.add_technician(db, TE.TechnicianInput("王建军", "13905710001")).id
    zhao = TE.add_technician(db, TE.TechnicianInput("赵国庆", "13905710003")).id
    li = TE.add_technician(db, TE.TechnicianInput("李志强", "13905710002", role="supervisor")).id
    return {"db": db, "customer": c, "equipment": e, "wang": wang, "zhao": zhao, "li": li}


def _open(o, reported_at="2026-11-03 09:00:00", level=2, type="repair", channel="hotline", **kw):
    return T.open_ticket(o["db"], T.TicketInput(type, channel, o["customer"], o["equipment"], fault="起升无动作",
                                                fault_level=level, reported_at=reported_at, **kw), "内勤")


def _done(o, ticket, arrived, completed=None, **kw):
    return T.record_visit(o["db"], ticket.id, T.VisitInput(arrived, result="done", repair_from=arrived,
                                                           repair_to=completed or arrived, **kw), "内勤")


def _dispatch(o, ticket, ids=None, at=None):
    return T.dispatch(o["db"], ticket.id, T.DispatchInput(ids or [o["wang"]], dispatched_at=at), "内勤")


# ---------------------------------------------------------------- intake
def test_intake_fills_contact_from_customer_and_decides_warranty(office):
    t = _open(office)
    assert (t.status, t.contact, t.phone, t.address) == ("open", "王立新", "13812345678", "杭州市西湖区文三路100号")
    assert t.customer_name == "杭州建工集团有限公司" and t.equipment_serial == "T2025-0101"
    # Reported 2026-11-03, warranty until 2027-01-09 -> in warranty, reason names the dates.
    assert t.warranty == "in"
    assert "2026-01-10" in t.warranty_reason and "2027-01-09" in t.warranty_reason
    assert T.allowed_actions(t) == {"dispatch", "cancel"}


def _older_crane(o):
    """The office with a crane accepted a year earlier (2025-01-10, 12 months: in
    warranty up to and including 2026-01-09), so expiry lies in the past: a
    report time may not be in the future."""
    e = F.equipment(o["db"], o["customer"], model="QTZ63", serial_no="T2024-0077", factory_date="2024-11-01",
                    purchase_date="2024-12-20", acceptance_date="2025-01-10")
    return {**o, "equipment": e}


def test_warranty_expired_exclusion_and_override(office):
    older = _older_crane(office)
    # 2026-01-10 is the first day after the 12 months -> out of warranty.
    assert _open(older, "2026-01-10 08:00:00").warranty == "out"
    assert _open(older, "2026-01-09 23:00:00").warranty == "in"
    excluded = _open(office, warranty_exclusion="voltage")
    assert excluded.warranty == "out" and "电压" in excluded.warranty_reason
    assert excluded.warranty_exclusion == "voltage"
    with pytest.raises(ValidationError) as exc:
        _open(office, warranty_override="in")
    assert exc.value.field == "warranty_override_reason"
    overridden = _open(older, "2026-03-01 08:00:00", warranty_override="in",
                       warranty_override_reason="经理特批延保")
    assert overridden.warranty == "in" and "经理特批延保" in overridden.warranty_reason
    assert overridden.warranty_override_reason == "经理特批延保"


def test_fault_level_required_for_repair_and_complaint_optional_for_others(office):
    for ticket_type in ("repair", "complaint"):
        with pytest.raises(ValidationError) as exc:
            _open(office, level=None, type=ticket_type)
        assert exc.value.field == "fault_level"
    for ticket_type in ("installation", "inspection", "technical_service"):
        t = _open(office, level=None, type=ticket_type)
        assert t.fault_level is None
        # No level: the 24 h visit rule of 003 4.4.4 -> deadline 2026-11-04 09:00.
        assert t.onsite_deadline == "2026-11-04 09:00:00"
    with pytest.raises(ValidationError) as exc:
        _open(office, level=5)
    assert exc.value.field == "fault_level"


def test_deadlines_per_level(office):
    # Reported 09:00: level 1 respond 10 min / on site 2 h; level 2 1 h / 48 h;
    # level 3 2 h / 72 h; level 4 2 h / remote fix 48 h.
    expected = {1: ("2026-11-03 09:10:00", "2026-11-03 11:00:00"),
                2: ("2026-11-03 10:00:00", "2026-11-05 09:00:00"),
                3: ("2026-11-03 11:00:00", "2026-11-06 09:00:00"),
                4: ("2026-11-03 11:00:00", "2026-11-05 09:00:00")}
    for level, (response, onsite) in expected.items():
        t = _open(office, level=level)
        assert (t.response_deadline, t.onsite_deadline) == (response, onsite)


def test_dealer_report_requirements(office, db):
    base = dict(channel="dealer", dealer_selfcheck="安装自检记录齐全", dealer_diagnosis="起升限位器故障")
    # 1. the equipment (model and serial no)
    with pytest.raises(ValidationError) as exc:
        T.open_ticket(db, T.TicketInput("repair", "dealer", office["customer"], None, fault="x", fault_level=2,
                                        dealer_selfcheck="有", dealer_diagnosis="有"), "内勤")
    assert exc.value.field == "equipment_id"
    # 2. the factory date of that equipment
    no_date = F.equipment(db, office["customer"], model="SC200/200", serial_no="S-1")
    with pytest.raises(ValidationError) as exc:
        T.open_ticket(db, T.TicketInput("repair", "dealer", office["customer"], no_date, fault="x", fault_level=2,
                                        dealer_selfcheck="有", dealer_diagnosis="有"), "内勤")
    assert exc.value.field == "factory_date" and "出厂日期" in exc.value.message
    # 3. the install self-check record, 4. the dealer's diagnosis, 5. the fault
    with pytest.raises(ValidationError) as exc:
        _open(office, **{**base, "dealer_selfcheck": ""})
    assert exc.value.field == "dealer_selfcheck"
    with pytest.raises(ValidationError) as exc:
        _open(office, **{**base, "dealer_diagnosis": ""})
    assert exc.value.field == "dealer_diagnosis"
    with pytest.raises(ValidationError) as exc:
        T.open_ticket(db, T.TicketInput("repair", "dealer", office["customer"], office["equipment"], fault_level=2,
                                        dealer_selfcheck="有", dealer_diagnosis="有"), "内勤")
    assert exc.value.field == "fault"
    t = _open(office, **base)
    # The dealer's name comes from the equipment archive when not typed.
    assert (t.channel, t.dealer, t.dealer_diagnosis) == ("dealer", "浙江恒力机械", "起升限位器故障")


def test_equipment_must_belong_to_the_customer(office, db):
    other = F.customer(db, name="宁波路桥有限公司", phone="13900000000")
    with pytest.raises(ValidationError) as exc:
        T.open_ticket(db, T.TicketInput("repair", "hotline", other, office["equipment"], fault_level=2), "内勤")
    assert exc.value.field == "equipment_id"


# ---------------------------------------------------------------- on time
@pytest.mark.parametrize("level,limit", [(1, "2026-11-03 11:00:00"), (2, "2026-11-05 09:00:00"),
                                         (3, "2026-11-06 09:00:00")])
def test_on_time_at_the_exact_limit_and_one_second_late(office, level, limit):
    # Reported 2026-11-03 09:00:00; limits 2 h / 48 h / 72 h. Exactly at the
    # limit is on time; one second later is not.
    late = limit[:-2] + "01"
    on = _done(office, _dispatch(office, _open(office, level=level)), limit)
    assert on.on_time is True and on.sla == "met"
    off = _done(office, _dispatch(office, _open(office, level=level)), late)
    assert off.on_time is False and off.sla == "missed"


def test_level_4_is_on_time_by_the_remote_fix_within_48_hours(office):
    # Level 4: no visit; on time when completed <= reported + 48 h = 2026-11-05 09:00:00.
    t = _open(office, level=4)
    assert "visit" in T.allowed_actions(t)          # straight from intake, no dispatch
    on = T.record_visit(office["db"], t.id, T.VisitInput(None, result="done", measures="电话指导复位",
                                                         completed_at="2026-11-05 09:00:00"), "内勤")
    assert on.status == "completed" and on.arrived_at is None and on.on_time is True
    t2 = _open(office, level=4)
    off = T.record_visit(office["db"], t2.id, T.VisitInput(None, result="done",
                                                           completed_at="2026-11-05 09:00:01"), "内勤")
    assert off.on_time is False


def test_live_sla_state(office, db):
    t = _open(office, level=2)           # on-site deadline 2026-11-05 09:00 (48 h)
    assert T.get_ticket(db, t.id, now="2026-11-03 09:30:00").sla == "on_time"
    assert T.get_ticket(db, t.id, now="2026-11-05 06:59:59").sla == "on_time"   # 2 h 1 s left
    assert T.get_ticket(db, t.id, now="2026-11-05 07:00:00").sla == "due_soon"  # 2 h left <= 2 h
    assert T.get_ticket(db, t.id, now="2026-11-05 09:00:01").sla == "overdue"
    cancelled = T.cancel_ticket(db, t.id, "误报", "内勤")
    assert cancelled.sla == "cancelled"


# ---------------------------------------------------------------- success / repeat
def _repair_then_next(office, next_reported, next_type="repair", cancel_next=False):
    first = _done(office, _dispatch(office, _open(office, "2026-03-01 08:00:00")),
                  "2026-03-01 09:00:00", "2026-03-01 10:00:00")
    nxt = _open(office, next_reported, type=next_type, level=2 if next_type != "installation" else None)
    if cancel_next:
        T.cancel_ticket(office["db"], nxt.id, "重复登记", "内勤")
    return T.get_ticket(office["db"], first.id), nxt


def test_repeat_at_day_30_is_not_successful(office):
    # Completed 2026-03-01 10:00; 30 x 24 h later = 2026-03-31 10:00:00 -> repeat.
    first, nxt = _repair_then_next(office, "2026-03-31 10:00:00")
    assert first.repeat_ticket_no == nxt.no and first.successful is False


def test_new_repair_on_day_31_leaves_it_successful(office):
    # 2026-03-31 10:00:01 is beyond 30 days (and 2026-04-01 is day 31).
    first, _ = _repair_then_next(office, "2026-03-31 10:00:01")
    assert first.repeat_ticket_no is None and first.successful is True
    first, _ = _repair_then_next(office, "2026-04-01 10:00:00")
    assert first.successful is True


def test_cancelled_or_non_repair_follow_up_is_no_repeat(office):
    first, _ = _repair_then_next(office, "2026-03-10 10:00:00", cancel_next=True)
    assert first.successful is True
    first, _ = _repair_then_next(office, "2026-03-10 10:00:00", next_type="installation")
    assert first.successful is True


def test_not_done_is_not_successful(office):
    t = _dispatch(office, _open(office))
    t = T.record_visit(office["db"], t.id, T.VisitInput("2026-11-03 15:00:00", result="not_done",
                                                        diagnosis="需更换主电机"), "内勤")
    assert t.status == "dispatched" and t.successful is False and t.completed_at is None


# ---------------------------------------------------------------- quote
def test_quote_arithmetic_in_fen():
    # transport 123.45 + lodging 2 x 150 + meals 3 x 50 + labour 2 x 200
    # + materials 2 x 88.88 = 12345 + 30000 + 15000 + 40000 + 17776 = 115121 fen.
    # tax 15 % = 17268.15 -> 17268; cost with tax 115121 + 17268 = 132389;
    # management 40 % = 52955.6 -> 52956; quote = 115121 + 17268 + 52956 = 185345.
    from servicedesk.models.core.standards import QUOTE

    q = T.compute_quote(QUOTE, transport_fen=12345, lodging_days=2, meal_days=3, labour_days=2,
                        materials_fen=2 * 8888)
    assert [line.amount_fen for line in q.lines] == [12345, 30000, 15000, 40000, 17776]
    assert (q.subtotal_fen, q.tax_fen, q.management_fen, q.total_fen) == (115121, 17268, 52956, 185345)
    # Each line rounded half-up once, total = sum of the lines:
    # 50 fen: tax 7.5 -> 8; management (50 + 8) x 40 % = 23.2 -> 23; total 50 + 8 + 23 = 81.
    # 10 fen: tax 1.5 -> 2; management 12 x 40 % = 4.8 -> 5; total 10 + 2 + 5 = 17
    # (rounding only the total would give 10 x 1.61 = 16.1 -> 16, lines 10 + 2 + 4).
    small = T.compute_quote(QUOTE, transport_fen=50, lodging_days=0, meal_days=0, labour_days=0,
                            materials_fen=0)
    assert (small.tax_fen, small.management_fen, small.total_fen) == (8, 23, 81)
    ten = T.compute_quote(QUOTE, transport_fen=10, lodging_days=0, meal_days=0, labour_days=0,
                          materials_fen=0)
    assert (ten.tax_fen, ten.management_fen, ten.total_fen) == (2, 5, 17)


def test_quote_lines_add_up_on_paper():
    # transport 585.45 = 58545 fen, nothing else: subtotal 58545.
    # tax 58545 x 15 % = 8781.75 -> 8782 (87.82); cost with tax 58545 + 8782 = 67327 (673.27);
    # management 67327 x 40 % = 26930.8 -> 26931 (269.31, what a clerk finds on a calculator);
    # total 58545 + 8782 + 26931 = 94258 (942.58).
    # The old "round the total once" gave 58545 x 1.61 = 94257.45 -> 94257 and a management
    # line of 94257 - 67327 = 26930 (269.30), one fen off its own percentage.
    from servicedesk.models.core.standards import QUOTE

    q = T.compute_quote(QUOTE, transport_fen=58545, lodging_days=0, meal_days=0, labour_days=0,
                        materials_fen=0)
    assert (q.subtotal_fen, q.tax_fen, q.management_fen, q.total_fen) == (58545, 8782, 26931, 94258)
    assert q.total_fen == sum(line.amount_fen for line in q.lines) + q.tax_fen + q.management_fen


def test_quote_on_an_out_of_warranty_ticket(office):
    older = _older_crane(office)
    t = _dispatch(older, _open(older, "2026-02-01 08:00:00"), at="2026-02-01 09:00:00")
    assert t.warranty == "out"
    t = T.record_visit(office["db"], t.id, T.VisitInput(
        "2026-02-01 14:00:00", result="done", repair_to="2026-02-01 16:00:00",
        parts=[T.PartLine("", "交流接触器", "bought", 2, 8888), T.PartLine("", "限位开关", "warranty", 1, 5000)],
        quote_transport_fen=12345, quote_lodging_days=2, quote_meal_days=3, quote_labour_days=2), "内勤")
    # Only the bought part counts as materials (2 x 88.88); the same figures as above.
    q = T.ticket_quote(office["db"], t.id)
    assert q.applies is True and q.total_fen == 185345
    assert [p.total_fen for p in t.parts] == [17776, 5000]


# ---------------------------------------------------------------- status flow
def test_status_flow_refusals(office, db):
    t = _open(office)
    with pytest.raises(StateError, match="without a result"):
        T.close_ticket(db, t.id, "内勤")
    with pytest.raises(StateError, match="Dispatch a technician"):
        T.record_visit(db, t.id, T.VisitInput("2026-11-03 10:00:00", result="done"), "内勤")
    with pytest.raises(StateError):
        T.review_ticket(db, t.id, "李志强")
    with pytest.raises(StateError, match="closed or cancelled"):
        T.reopen_ticket(db, t.id, "x", "内勤")
    with pytest.raises(ValidationError) as exc:
        T.cancel_ticket(db, t.id, "  ", "内勤")
    assert exc.value.field == "reason"
    T.cancel_ticket(db, t.id, "客户自行修复", "内勤")
    with pytest.raises(StateError, match="Cannot dispatch a cancelled ticket"):
        _dispatch(office, t)
    with pytest.raises(StateError, match="already cancelled"):
        T.cancel_ticket(db, t.id, "again", "内勤")

    t = _dispatch(office, _open(office))
    with pytest.raises(StateError, match="without a result"):
        T.close_ticket(db, t.id, "内勤")
    with pytest.raises(ValidationError) as exc:
        T.record_visit(db, t.id, T.VisitInput(None, result="done"), "内勤")
    assert exc.value.field == "arrived_at"
    with pytest.raises(ValidationError) as exc:
        T.record_visit(db, t.id, T.VisitInput("2026-11-03 08:59:00", result="done"), "内勤")
    assert exc.value.field == "arrived_at"       # before the report time
    t = _done(office, t, "2026-11-03 12:00:00")
    with pytest.raises(StateError, match="review"):
        T.close_ticket(db, t.id, "内勤")
    with pytest.raises(ValidationError) as exc:      # a plain technician cannot review
        T.review_ticket(db, t.id, "王建军")
    assert exc.value.field == "reviewer"
    t = T.review_ticket(db, t.id, "李志强", "报告完整")
    assert T.allowed_actions(t) == {"signoff", "close", "cancel"}
    with pytest.raises(StateError):
        T.record_visit(db, t.id, T.VisitInput("2026-11-03 12:00:00", result="not_done"), "内勤")
    t = T.close_ticket(db, t.id, "内勤")
    assert t.status == "closed" and T.allowed_actions(t) == {"reopen"}
    with pytest.raises(StateError, match="Cannot cancel a closed ticket"):
        T.cancel_ticket(db, t.id, "x", "内勤")
    with pytest.raises(StateError, match="closed ticket"):
        _dispatch(office, t)


def test_not_done_then_done_and_reopen(office, db):
    t = _dispatch(office, _open(office))
    t = T.record_visit(db, t.id, T.VisitInput("2026-11-03 15:00:00", result="not_done"), "内勤")
    assert t.status == "dispatched" and "visit" in T.allowed_actions(t)
    t = _done(office, t, "2026-11-04 09:00:00", "2026-11-04 11:00:00")
    assert t.status == "completed" and t.completed_at == "2026-11-04 11:00:00"
    t = T.cancel_ticket(db, t.id, "客户撤销", "内勤")
    t = T.reopen_ticket(db, t.id, "客户要求继续", "内勤")
    # Reopened a dispatched ticket: back to dispatched, number kept.
    assert t.status == "dispatched" and t.cancelled_at is None and t.no == "YX2611001"
    never = T.cancel_ticket(db, _open(office).id, "误报", "内勤")
    assert T.reopen_ticket(db, never.id, "确认需要维修", "内勤").status == "open"


def test_complaint_records_whether_the_answer_was_accepted(office, db):
    t = _dispatch(office, _open(office, type="complaint", level=3))
    t = _done(office, t, "2026-11-03 15:00:00")
    t = T.review_ticket(db, t.id, "李志强")
    assert "close" not in T.allowed_actions(t)
    with pytest.raises(StateError) as exc:
        T.close_ticket(db, t.id, "内勤")
    assert exc.value.field == "complaint_accepted"
    t = T.record_signoff(db, t.id, "对处理结果满意", "王立新", "2026-11-03 16:00:00", complaint_accepted=True,
                         who="内勤")
    assert (t.customer_signature, t.signed_at, t.complaint_accepted) == ("王立新", "2026-11-03 16:00:00", True)
    assert T.close_ticket(db, t.id, "内勤").status == "closed"


def test_team_dispatch_and_reassignment(office, db):
    t = _open(office)
    t = T.dispatch(db, t.id, T.DispatchInput([office["wang"], office["zhao"]], dispatched_at="2026-11-03 09:30:00",
                                             transport="公司面包车", departure_at="2026-11-03 10:00:00",
                                             expected_return_at="2026-11-03 18:00:00", tools="万用表、扳手",
                                             carry_parts="限位开关"), "内勤")
    assert [(m.name, m.is_leader) for m in t.team] == [("王建军", True), ("赵国庆", False)]
    assert (t.status, t.transport, t.tools, t.carry_parts) == ("dispatched", "公司面包车", "万用表、扳手", "限位开关")
    assert t.leader.name == "王建军" and t.technician_names == "王建军、赵国庆"
    t = T.dispatch(db, t.id, T.DispatchInput([office["zhao"]]), "主管", at="2026-11-03 11:00:00")
    assert [(m.name, m.is_leader) for m in t.team] == [("赵国庆", True)]
    assert t.dispatched_at == "2026-11-03 09:30:00"       # first dispatch time kept
    reassign = [e for e in t.events if e.action == "reassign"]
    assert [(e.at, e.who, e.field, e.old, e.new) for e in reassign] == [
        ("2026-11-03 11:00:00", "主管", "team", "王建军、赵国庆", "赵国庆")]
    with pytest.raises(ValidationError):
        T.dispatch(db, t.id, T.DispatchInput([]), "内勤")
    with pytest.raises(ValidationError):
        T.dispatch(db, t.id, T.DispatchInput([office["wang"], office["wang"]]), "内勤")
    TE.deactivate_technician(db, office["wang"])
    with pytest.raises(ValidationError, match="no longer active"):
        T.dispatch(db, t.id, T.DispatchInput([office["wang"]]), "内勤")
    with pytest.raises(ValidationError) as exc:
        T.dispatch(db, t.id, T.DispatchInput([office["zhao"]], departure_at="2026-11-03 12:00:00",
                                             expected_return_at="2026-11-03 11:00:00"), "内勤")
    assert exc.value.field == "expected_return_at"


# ---------------------------------------------------------------- visit and event log
def test_visit_work_and_parts_and_the_event_log(office, db):
    t = _dispatch(office, _open(office), at="2026-11-03 09:20:00")
    t = T.record_visit(db, t.id, T.VisitInput(
        "2026-11-03 13:00:00", diagnosis="起升限位损坏", cause="长期磨损", measures="更换限位开关",
        result="done", repair_from="2026-11-03 13:10:00", repair_to="2026-11-03 15:30:00",
        work=[T.WorkLine("small_repair", 100), T.WorkLine("WELD_SITE", 300)],
        parts=[T.PartLine("", "限位开关", "warranty", 1)]), "内勤", at="2026-11-03 17:00:00")
    assert t.status == "completed" and t.completed_at == "2026-11-03 15:30:00"
    assert [(w.code, w.quantity_x100) for w in t.work] == [("SMALL_REPAIR", 100), ("WELD_SITE", 300)]
    assert t.work[0].name.startswith("小配件维修")
    assert [(p.name, p.kind, p.quantity) for p in t.parts] == [("限位开关", "warranty", 1)]
    # Correct the visit: 3 welds -> 2; event shows old -> new.
    t = T.record_visit(db, t.id, T.VisitInput(
        "2026-11-03 13:00:00", diagnosis="起升限位损坏", cause="长期磨损", measures="更换限位开关",
        result="done", repair_from="2026-11-03 13:10:00", repair_to="2026-11-03 15:30:00",
        work=[T.WorkLine("SMALL_REPAIR", 100), T.WorkLine("WELD_SITE", 200)],
        parts=[T.PartLine("", "限位开关", "warranty", 1)]), "主管", at="2026-11-04 08:00:00")
    log = [(e.at, e.who, e.action, e.field, e.old, e.new) for e in t.events]
    assert log[0][2:] == ("open", "no", "", "YX2611001")
    assert ("2026-11-03 09:20:00", "内勤", "dispatch", "status", "open", "dispatched") in log
    assert ("2026-11-03 17:00:00", "内勤", "visit", "result", "", "done") in log
    assert ("2026-11-03 17:00:00", "内勤", "visit", "status", "dispatched", "completed") in log
    assert ("2026-11-04 08:00:00", "主管", "visit", "work", "SMALL_REPAIR*1; WELD_SITE*3",
            "SMALL_REPAIR*1; WELD_SITE*2") in log
    # The unchanged second save logged only the work change.
    assert [e for e in log if e[0] == "2026-11-04 08:00:00"] == [
        ("2026-11-04 08:00:00", "主管", "visit", "work", "SMALL_REPAIR*1; WELD_SITE*3",
         "SMALL_REPAIR*1; WELD_SITE*2")]
    with pytest.raises(ValidationError) as exc:
        T.record_visit(db, t.id, T.VisitInput("2026-11-03 13:00:00", result="done",
                                              work=[T.WorkLine("NO_SUCH_JOB", 100)]), "内勤")
    assert exc.value.field == "work"
    with pytest.raises(ValidationError) as exc:
        T.record_visit(db, t.id, T.VisitInput("2026-11-03 13:00:00", result="done",
                                              parts=[T.PartLine("", "x", "free", 1)]), "内勤")
    assert exc.value.field == "parts"
    t = T.cancel_ticket(db, t.id, "客户投诉重复派工", "内勤", at="2026-11-05 08:00:00")
    assert ("2026-11-05 08:00:00", "内勤", "cancel", "cancel_reason", "", "客户投诉重复派工") in \
        [(e.at, e.who, e.action, e.field, e.old, e.new) for e in t.events]


def test_lookup_by_number_and_unknown(office, db):
    t = _open(office)
    assert T.get_ticket(db, "yx2611001").id == t.id
    with pytest.raises(Exception):
        T.get_ticket(db, "YX2611999")


def test_update_ticket_logs_changes(office, db):
    t = _open(office)
    t = T.update_ticket(db, t.id, T.TicketInput("repair", "hotline", office["customer"], office["equipment"],
                                                fault="起升无动作，有异响", fault_level=1,
                                                reported_at="2026-11-03 09:00:00"), "内勤",
                        at="2026-11-03 09:05:00")
    assert t.fault_level == 1 and t.onsite_deadline == "2026-11-03 11:00:00"
    changed = {(e.field, e.old, e.new) for e in t.events if e.action == "update"}
    assert changed == {("fault", "起升无动作", "起升无动作，有异响"), ("fault_level", "2", "1")}


# ---------------------------------------------------------------- cross-area hooks
def test_hooks_are_called_inside_the_steps(office, db, monkeypatch):
    calls = []
    monkeypatch.setattr(parts, "sync_ticket_parts", lambda db, tid, who="", at=None: calls.append(("parts", at)))
    monkeypatch.setattr(pay, "ensure_ticket_editable", lambda db, tid, completed_at=None: calls.append(("pay",)))
    monkeypatch.setattr(followups, "schedule_for_ticket", lambda db, tid: calls.append(("followups",)))
    t = _dispatch(office, _open(office))
    assert calls == [("pay",)]
    calls.clear()
    t = T.record_visit(db, t.id, T.VisitInput("2026-11-03 13:00:00", result="done",
                                              parts=[T.PartLine("", "限位开关", "warranty", 1)]),
                       "内勤", at="2026-11-03 18:00:00")
    assert calls == [("pay",), ("parts", "2026-11-03 18:00:00"), ("followups",)]
    calls.clear()
    T.review_ticket(db, t.id, "李志强")
    T.close_ticket(db, t.id, "内勤")
    assert calls == [("followups",)]
    calls.clear()
    T.reopen_ticket(db, t.id, "返工", "内勤", at="2026-11-10 08:00:00")
    T.cancel_ticket(db, t.id, "改派他单", "内勤", at="2026-11-10 09:00:00")
    assert calls == [("pay",), ("parts", "2026-11-10 08:00:00"), ("pay",), ("parts", "2026-11-10 09:00:00")]


def test_a_locked_pay_month_refuses_the_change_and_nothing_is_half_saved(office, db, monkeypatch):
    t = _dispatch(office, _open(office))

    def locked(db, tid, completed_at=None):
        raise LockedError("Ticket is part of the approved pay month 2026-11.", "ticket")

    monkeypatch.setattr(pay, "ensure_ticket_editable", locked)
    with pytest.raises(LockedError):
        T.record_visit(db, t.id, T.VisitInput("2026-11-03 13:00:00", result="done",
                                              work=[T.WorkLine("SMALL_REPAIR", 100)]), "内勤")
    after = T.get_ticket(db, t.id)
    assert (after.status, after.result, after.work) == ("dispatched", None, [])
    assert not [e for e in after.events if e.action == "visit"]


# ---------------------------------------------------------------- command line
def test_cli_walks_a_ticket_through_the_loop(office, db_path):
    import json

    from tests.conftest import run_cli

    def cli(*args):
        code, out, err = run_cli(*args, "--db", str(db_path))
        assert code == 0, err
        return out

    out = cli("ticket", "open", "--customer", "杭州建工集团有限公司", "--model", "QTZ80", "--serial", "T2025-0101",
              "--type", "维修", "--channel", "电话", "--level", "二级", "--fault", "起升无动作",
              "--reported", "2026-11-03 09:00", "--who", "内勤", "--json")
    ticket = json.loads(out)
    assert (ticket["no"], ticket["status"], ticket["warranty"]) == ("YX2611001", "open", "in")
    cli("ticket", "dispatch", "YX2611001", "--tech", "王建军、赵国庆", "--at", "2026-11-03 09:30")
    out = cli("ticket", "visit", "YX2611001", "--arrived", "2026-11-03 13:00", "--result", "完成",
              "--repair-to", "2026-11-03 15:00", "--work", "SMALL_REPAIR*1; WELD_SITE*1.5", "--json")
    ticket = json.loads(out)
    assert ticket["status"] == "completed" and ticket["on_time"] is True
    assert [(w["code"], w["quantity_x100"]) for w in ticket["work"]] == [("SMALL_REPAIR", 100), ("WELD_SITE", 150)]
    cli("ticket", "review", "YX2611001", "--reviewer", "李志强", "--at", "2026-11-04 09:00")
    cli("ticket", "signoff", "YX2611001", "--signature", "王立新", "--opinion", "满意")
    out = cli("ticket", "close", "YX2611001", "--at", "2026-11-04 10:00")
    assert "已结案" in out and "王建军、赵国庆" in out
    code, out, err = run_cli("ticket", "close", "YX2611001", "--db", str(db_path))
    assert code == 1 and "already closed" in err
    code, out, err = run_cli("ticket", "cancel", "YX2611001", "--db", str(db_path))
    assert code == 2          # --reason is required (usage error)
    out = cli("technicians", "--json")
    assert [t["name"] for t in json.loads(out)["technicians"]] == ["王建军", "赵国庆", "李志强"]


# ---------------------------------------------------------------- review findings
def test_report_time_in_the_future_is_refused_and_burns_no_number(office, db):
    import datetime as _dt

    now = _dt.datetime.now().replace(microsecond=0)
    # 11 minutes ahead: more than the 10 minutes two clocks may differ -> refused,
    # and the counter of that month is untouched (no number burnt).
    ahead = (now + _dt.timedelta(minutes=11)).isoformat(sep=" ")
    with pytest.raises(ValidationError) as exc:
        _open(office, ahead)
    assert exc.value.field == "reported_at" and "future" in exc.value.message
    # A typo one year ahead would open next year's sequence.
    next_year = now.replace(year=now.year + 1, day=min(now.day, 28)).isoformat(sep=" ")
    with pytest.raises(ValidationError):
        _open(office, next_year)
    assert db.execute("SELECT count(*) FROM ticket_counters WHERE prefix >= ?",
                      [T.number_prefix(db, ahead)]).fetchone()[0] == 0
    # 9 minutes ahead is a clock difference: accepted.
    assert _open(office, (now + _dt.timedelta(minutes=9)).isoformat(sep=" ")).status == "open"
    # Correcting the report time of an existing ticket: the same rule.
    t = _open(office)
    with pytest.raises(ValidationError) as exc:
        T.update_ticket(db, t.id, T.TicketInput("repair", "hotline", office["customer"], office["equipment"],
                                                fault_level=2, reported_at=next_year), "内勤")
    assert exc.value.field == "reported_at"
    assert T.get_ticket(db, t.id).reported_at == "2026-11-03 09:00:00"


def test_signoff_is_logged_by_the_clerk_and_not_before_the_completion(office, db):
    t = _done(office, _dispatch(office, _open(office)), "2026-11-03 13:00:00", "2026-11-03 15:00:00")
    # Signed 14:00, an hour before the repair was finished at 15:00 -> refused, nothing saved.
    with pytest.raises(ValidationError) as exc:
        T.record_signoff(db, t.id, "满意", "王立新", "2026-11-03 14:00:00", who="内勤")
    assert exc.value.field == "signed_at" and "before the completion" in exc.value.message
    assert T.get_ticket(db, t.id).customer_signature == ""
    # Exactly at the completion is fine; the log's who is the clerk, the signature the customer.
    t = T.record_signoff(db, t.id, "满意", "王立新", "2026-11-03 15:00:00", who="内勤")
    assert t.customer_signature == "王立新"
    assert {(e.who, e.field) for e in t.events if e.action == "signoff"} == {
        ("内勤", "customer_opinion"), ("内勤", "customer_signature"), ("内勤", "signed_at")}
    # An unfinished (未完成) visit: the customer signs after the arrival at least.
    u = _dispatch(office, _open(office))
    u = T.record_visit(db, u.id, T.VisitInput("2026-11-03 13:00:00", result="not_done"), "内勤")
    with pytest.raises(ValidationError) as exc:
        T.record_signoff(db, u.id, "", "王立新", "2026-11-03 12:00:00", who="内勤")
    assert exc.value.field == "signed_at"


def _closed(o, reported="2026-11-03 09:00:00", arrived="2026-11-03 13:00:00", done="2026-11-03 15:00:00"):
    db = o["db"]
    t = _dispatch(o, _open(o, reported), at=reported)
    T.record_visit(db, t.id, T.VisitInput(arrived, result="done", repair_from=arrived, repair_to=done,
                                          work=[T.WorkLine("SMALL_REPAIR", 100)]), "内勤", at=done)
    T.record_signoff(db, t.id, "满意", "王立新", done, who="内勤")
    T.review_ticket(db, t.id, "李志强", at=done)
    return T.close_ticket(db, t.id, "内勤", at=done)


def test_reopen_archives_the_outcome_so_kpi_pay_and_lists_agree(office, db):
    from servicedesk.models.kpi import month as kpi

    t = _closed(office)
    assert t.successful and t.sla == "met"
    assert [d.no for d in kpi.ticket_decisions(db, "2026-11")] == ["YX2611001"]
    assert pay.compute_month(db, "2026-11").technician(office["wang"]).hours_x100 == 4_00
    t = T.reopen_ticket(db, t.id, "客户反映未修好", "内勤", at="2026-11-06 08:00:00")
    # Back to work: the previous visit's outcome is cleared on the ticket ...
    assert t.status == "dispatched"
    assert (t.arrived_at, t.result, t.repair_from, t.repair_to, t.completed_at) == (None,) * 5
    assert (t.reviewed_by, t.reviewed_at, t.customer_signature, t.signed_at) == ("", None, "", None)
    assert t.successful is False and T.allowed_actions(t) == {"dispatch", "visit", "cancel"}
    # ... and kept in the event log (old -> "").
    log = {(e.action, e.field, e.old, e.new) for e in t.events if e.at == "2026-11-06 08:00:00"}
    assert {("reopen", "reason", "", "客户反映未修好"), ("reopen", "result", "done", ""),
            ("reopen", "completed_at", "2026-11-03 15:00:00", ""),
            ("reopen", "arrived_at", "2026-11-03 13:00:00", ""),
            ("reopen", "status", "closed", "dispatched")} <= log
    # Level 2: on site by 09:00 + 48 h = 2026-11-05 09:00; on 11-06 nobody has been back -> overdue.
    assert T.get_ticket(db, t.id, now="2026-11-06 09:00:00").sla == "overdue"
    # Not complete for anybody: no KPI repair, no pay work in November.
    assert kpi.ticket_decisions(db, "2026-11") == []
    assert pay.compute_month(db, "2026-11").technician(office["wang"]).hours_x100 == 0
    # The re-visit on 11-07 completes it again; on time is judged on this arrival
    # (11-07 10:00 > deadline 11-05 09:00 -> late).
    t = _done(office, t, "2026-11-07 10:00:00", "2026-11-07 12:00:00", work=[T.WorkLine("SMALL_REPAIR", 100)])
    [d] = kpi.ticket_decisions(db, "2026-11")
    assert (d.no, d.completed_at, d.on_time) == ("YX2611001", "2026-11-07 12:00:00", False)
    assert pay.compute_month(db, "2026-11").technician(office["wang"]).hours_x100 == 4_00
    with pytest.raises(ValidationError):     # the customer signs the new visit, after it
        T.record_signoff(db, t.id, "满意", "王立新", "2026-11-03 15:00:00", who="内勤")


def test_kpi_counts_a_ticket_only_while_completed_reviewed_or_closed(office, db):
    from servicedesk.models.kpi import month as kpi

    # Rows as an old import could leave them: a completion on a ticket that is not
    # (or no longer) complete. Only the completed/reviewed/closed ones count,
    # as in pay: 4 rows completed in November, 3 count (YXT1..YXT3).
    c, e = office["customer"], office["equipment"]
    for no, status in (("YXT1", "completed"), ("YXT2", "reviewed"), ("YXT3", "closed"),
                       ("YXT4", "dispatched"), ("YXT5", "cancelled"), ("YXT6", "open")):
        F.ticket(db, customer_id=c, equipment_id=e, no=no, status=status, reported_at="2026-11-02 09:00:00",
                 arrived_at="2026-11-02 10:00:00", completed_at="2026-11-02 12:00:00", result="done",
                 team=(office["wang"],), work=(("SMALL_REPAIR", 100),))
    assert [d.no for d in kpi.ticket_decisions(db, "2026-11")] == ["YXT1", "YXT2", "YXT3"]
    month = kpi.month_kpi(db, "2026-11")
    assert month.repairs == 3
    assert kpi.kpi_trend(db, "2026-11", 1)[0].repairs == 3
    # Pay counts the same three: 3 x 4 h small repairs = 12 h.
    assert pay.compute_month(db, "2026-11").technician(office["wang"]).hours_x100 == 12_00


def test_reopen_is_refused_when_the_completion_fed_a_locked_pay_month(office, db):
    t = _closed(office, "2026-10-03 09:00:00", "2026-10-03 13:00:00", "2026-10-03 15:00:00")
    pay.set_pin(db, "1357")
    pay.approve_month(db, "2026-10", "1357", who="经理")
    with pytest.raises(LockedError) as exc:
        T.reopen_ticket(db, t.id, "返工", "内勤", at="2026-11-06 08:00:00")
    assert "2026-10" in exc.value.message
    after = T.get_ticket(db, t.id)
    assert (after.status, after.result, after.completed_at) == ("closed", "done", "2026-10-03 15:00:00")
    assert not [e for e in after.events if e.action == "reopen"]


def test_cli_corrections_keep_what_is_not_given_and_who_is_the_login(office, db_path):
    import getpass
    import json

    from tests.conftest import run_cli

    def cli(*args):
        code, out, err = run_cli(*args, "--db", str(db_path), "--json")
        assert code == 0, err
        return json.loads(out)

    login = getpass.getuser()
    parts.add_part(office["db"], parts.PartInput("P-2002", "限位开关", price_fen=5000))
    parts.receive(office["db"], "P-2002", 5, at="2026-01-01 08:00:00")
    t = _open(office)
    cli("ticket", "dispatch", t.no, "--tech", "王建军", "--transport", "公司面包车", "--departure",
        "2026-11-03 10:00", "--expected-return", "2026-11-03 18:00", "--tools", "万用表",
        "--carry-parts", "限位开关", "--at", "2026-11-03 09:30")
    # Reassignment names only the new team: the slip (transport, times, tools, parts) stays.
    d = cli("ticket", "dispatch", t.no, "--tech", "赵国庆", "--at", "2026-11-03 11:00")
    assert [m["name"] for m in d["team"]] == ["赵国庆"]
    assert (d["transport"], d["departure_at"], d["expected_return_at"], d["tools"], d["carry_parts"]) == (
        "公司面包车", "2026-11-03 10:00:00", "2026-11-03 18:00:00", "万用表", "限位开关")
    assert d["dispatched_at"] == "2026-11-03 09:30:00"
    # Correcting the slip alone keeps the team.
    d = cli("ticket", "dispatch", t.no, "--tools", "万用表、扳手")
    assert [m["name"] for m in d["team"]] == ["赵国庆"] and d["transport"] == "公司面包车"
    cli("ticket", "visit", t.no, "--arrived", "2026-11-03 13:00", "--result", "完成", "--repair-from",
        "2026-11-03 13:10", "--repair-to", "2026-11-03 15:30", "--diagnosis", "起升限位损坏", "--cause", "磨损",
        "--measures", "更换限位开关", "--work", "SMALL_REPAIR*1; WELD_SITE*3", "--parts", "P-2002*1",
        "--lodging-days", "1", "--at", "2026-11-03 17:00")
    # Correction of one figure: everything else of the visit stays.
    d = cli("ticket", "visit", t.no, "--work", "SMALL_REPAIR*1; WELD_SITE*2", "--at", "2026-11-04 08:00")
    assert (d["arrived_at"], d["result"], d["repair_from"], d["repair_to"], d["completed_at"]) == (
        "2026-11-03 13:00:00", "done", "2026-11-03 13:10:00", "2026-11-03 15:30:00", "2026-11-03 15:30:00")
    assert (d["diagnosis"], d["cause"], d["measures"], d["quote_lodging_days"]) == (
        "起升限位损坏", "磨损", "更换限位开关", 1)
    assert [(w["code"], w["quantity_x100"]) for w in d["work"]] == [("SMALL_REPAIR", 100), ("WELD_SITE", 200)]
    assert [(p["name"], p["quantity"]) for p in d["parts"]] == [("限位开关", 1)]
    # A later repair end given alone: the completion (derived from it) follows.
    d = cli("ticket", "visit", t.no, "--repair-to", "2026-11-03 16:00", "--at", "2026-11-04 08:10")
    assert d["completed_at"] == "2026-11-03 16:00:00" and len(d["work"]) == 2
    changes = [(e["at"], e["field"]) for e in d["events"]
               if e["action"] == "visit" and e["at"] >= "2026-11-04 08:00:00"]
    assert changes == [("2026-11-04 08:00:00", "work"), ("2026-11-04 08:10:00", "repair_to"),
                       ("2026-11-04 08:10:00", "completed_at")]
    # Without --who the log records the login name; the sign-off is logged by the clerk.
    d = cli("ticket", "signoff", t.no, "--signature", "王立新", "--at", "2026-11-03 16:30")
    assert {e["who"] for e in d["events"] if e["action"] in ("dispatch", "reassign", "visit", "signoff")} == {login}
    code, _, err = run_cli("ticket", "signoff", t.no, "--signature", "王立新", "--at", "2026-11-03 14:00",
                           "--db", str(db_path))
    assert code == 1 and "before the completion" in err
