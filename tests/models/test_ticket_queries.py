"""The tickets list: filters, status counts, overdue at the boundary, search, paging.

Default limits (standards.py): on site within 一级 2 h, 二级 48 h, 三级 72 h,
四级 remote fix within 48 h; no level -> 24 h; due soon = 2 h before.
"""

from __future__ import annotations

import pytest

from servicedesk.models.archive import customers as C
from servicedesk.models.tickets import queries as Q
from servicedesk.models.core.db import transaction
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.tickets.queries import TicketFilter as F
from tests import factories as fx


@pytest.fixture
def office(db):
    """Two customers, three machines, three technicians, a spread of tickets."""
    a = fx.customer(db, "杭州建工集团有限公司", "13812345678")
    b = fx.customer(db, "王五", "0571-88886666")
    ea = fx.equipment(db, a, "QTZ80", "TC-2024-001")
    eb = fx.equipment(db, a, "SC200", "HS-7788")
    ec = fx.equipment(db, b, "QTZ63", "TC-63-555")
    li = fx.technician(db, "李工")
    zh = fx.technician(db, "张师傅")
    wa = fx.technician(db, "王班长", role="supervisor")
    ids = {
        "closed_oct": fx.ticket(db, customer_id=a, equipment_id=ea, no="YX2610001", status="closed",
                                reported_at="2026-10-01 09:00:00", fault_level=2, team=(zh, li),
                                arrived_at="2026-10-02 09:00:00", completed_at="2026-10-02 15:00:00",
                                result="done"),
        "open_nov": fx.ticket(db, customer_id=a, equipment_id=eb, no="YX2611001", status="open",
                              reported_at="2026-11-02 10:00:00", fault_level=1),
        "disp_nov": fx.ticket(db, customer_id=b, equipment_id=ec, no="YX2611002", status="dispatched",
                              reported_at="2026-11-03 08:00:00", fault_level=3, team=(li,),
                              type="complaint"),
        "cancel_nov": fx.ticket(db, customer_id=b, equipment_id=ec, no="YX2611003", status="cancelled",
                                reported_at="2026-11-04 08:00:00", fault_level=2),
        "install": fx.ticket(db, customer_id=a, equipment_id=ea, no="YX2611004", status="completed",
                             type="installation", reported_at="2026-11-05 08:00:00", fault_level=None,
                             team=(wa, li, zh), arrived_at="2026-11-05 12:00:00",
                             completed_at="2026-11-06 12:00:00", result="done"),
    }
    return {"a": a, "b": b, "ea": ea, "eb": eb, "ec": ec, "li": li, "zh": zh, "wa": wa, **ids}


NOW = "2026-11-10 12:00:00"


def nos(rows):
    return [r.no for r in rows]


def test_default_list_is_newest_first_with_joined_fields(db, office):
    rows = Q.list_tickets(db, now=NOW)
    assert nos(rows) == ["YX2611004", "YX2611003", "YX2611002", "YX2611001", "YX2610001"]
    first = rows[-1]
    assert first.customer_name == "杭州建工集团有限公司"
    assert first.phone == "13812345678"          # ticket phone blank -> the customer's
    assert (first.model, first.serial_no) == ("QTZ80", "TC-2024-001")
    # team: leader first (张师傅 was given first), then the others by name
    assert first.technicians == "张师傅、李工"
    install = rows[0]
    assert install.technicians.split("、")[0] == "王班长"
    # 二级 reported 10-01 09:00 + 48 h = 10-03 09:00; arrived 10-02 -> met
    assert first.deadline == "2026-10-03 09:00:00"
    assert first.sla == "met"
    # no level: 24 h default; arrived after 4 h -> met
    assert install.deadline == "2026-11-06 08:00:00" and install.sla == "met"
    # cancelled ticket has no SLA state
    assert rows[1].sla == ""


def test_filters_narrow_the_list(db, office):
    assert nos(Q.list_tickets(db, F(status="open"), now=NOW)) == ["YX2611001"]
    assert nos(Q.list_tickets(db, F(status="completed"), now=NOW)) == ["YX2611004"]
    assert nos(Q.list_tickets(db, F(level=2), now=NOW)) == ["YX2611003", "YX2610001"]
    assert nos(Q.list_tickets(db, F(level=0), now=NOW)) == ["YX2611004"]
    assert nos(Q.list_tickets(db, F(type="complaint"), now=NOW)) == ["YX2611002"]
    # 李工 is on three tickets (leader once, member twice); 王班长 on one
    assert nos(Q.list_tickets(db, F(technician_id=office["li"]), now=NOW)) == [
        "YX2611004", "YX2611002", "YX2610001"]
    assert nos(Q.list_tickets(db, F(technician_id=office["wa"]), now=NOW)) == ["YX2611004"]
    assert nos(Q.list_tickets(db, F(month="2026-10"), now=NOW)) == ["YX2610001"]
    assert Q.count_tickets(db, F(month="2026-11"), now=NOW) == 4
    assert Q.count_tickets(db, F(month="2026-12"), now=NOW) == 0
    assert nos(Q.list_tickets(db, F(equipment_id=office["ec"]), now=NOW)) == ["YX2611003", "YX2611002"]
    # combined: November, customer a
    assert nos(Q.list_tickets(db, F(month="2026-11", customer_id=office["a"]), now=NOW)) == [
        "YX2611004", "YX2611001"]
    with pytest.raises(ValidationError) as err:
        Q.list_tickets(db, F(month="2026-13"))
    assert err.value.field == "month"


def test_status_counts_ignore_status_but_keep_other_filters(db, office):
    counts = Q.status_counts(db, F(status="open"), now=NOW)
    # 5 tickets: 1 open, 1 dispatched, 1 completed, 0 reviewed, 1 closed, 1 cancelled
    assert counts == {"all": 5, "open": 1, "dispatched": 1, "completed": 1, "reviewed": 0,
                      "closed": 1, "cancelled": 1}
    counts = Q.status_counts(db, F(technician_id=office["li"]), now=NOW)
    assert counts["all"] == 3 and counts["dispatched"] == 1 and counts["closed"] == 1
    assert counts["open"] == 0


def test_overdue_at_the_exact_boundary(db, office):
    """一级 open ticket reported 11-02 10:00 -> on-site deadline 12:00 the same day."""
    flt = F(overdue_only=True)
    # exactly at the limit: not overdue yet, but due soon (0 minutes left <= 120)
    assert Q.count_tickets(db, F(overdue_only=True, status="open"), now="2026-11-02 12:00:00") == 0
    row = Q.ticket_row(db, office["open_nov"], now="2026-11-02 12:00:00")
    assert row.sla == "due_soon"
    # one second later: overdue
    assert nos(Q.list_tickets(db, flt, now="2026-11-02 12:00:01")) == ["YX2611001"]
    assert Q.ticket_row(db, office["open_nov"], now="2026-11-02 12:00:01").sla == "overdue"
    # due soon starts exactly 2 h before the deadline (10:00); a second earlier it is on time
    assert Q.ticket_row(db, office["open_nov"], now="2026-11-02 10:00:00").sla == "due_soon"
    assert Q.ticket_row(db, office["open_nov"], now="2026-11-02 09:59:59").sla == "on_time"
    # 三级 dispatched complaint reported 11-03 08:00 -> deadline 11-06 08:00 (72 h)
    assert Q.count_tickets(db, flt, now="2026-11-06 08:00:00") == 1      # only the 一级 one
    assert nos(Q.list_tickets(db, flt, now="2026-11-06 08:00:01")) == ["YX2611002", "YX2611001"]
    # the cancelled 二级 ticket (no arrival) and the closed/completed ones are never overdue
    assert Q.count_tickets(db, flt, now="2027-06-01 00:00:00") == 2
    counts = Q.status_counts(db, flt, now="2027-06-01 00:00:00")
    assert counts["open"] == 1 and counts["dispatched"] == 1 and counts["cancelled"] == 0


def test_arrival_exactly_at_the_limit_is_met_and_level_4_uses_completion(db, office):
    a, ea = office["a"], office["ea"]
    on_limit = fx.ticket(db, customer_id=a, equipment_id=ea, no="YX2612001", status="dispatched",
                         reported_at="2026-12-01 08:00:00", fault_level=1,
                         arrived_at="2026-12-01 10:00:00", result="not_done")
    late = fx.ticket(db, customer_id=a, equipment_id=ea, no="YX2612002", status="dispatched",
                     reported_at="2026-12-01 08:00:00", fault_level=1,
                     arrived_at="2026-12-01 10:00:01")
    # 四级: remote, judged by completion (48 h); an arrival does not stop the clock
    remote = fx.ticket(db, customer_id=a, equipment_id=ea, no="YX2612003", status="dispatched",
                       reported_at="2026-12-01 08:00:00", fault_level=4,
                       arrived_at="2026-12-01 09:00:00")
    remote_done = fx.ticket(db, customer_id=a, equipment_id=ea, no="YX2612004", status="completed",
                            reported_at="2026-12-01 08:00:00", fault_level=4,
                            completed_at="2026-12-03 08:00:00", result="done")
    now = "2026-12-03 08:00:01"
    assert Q.ticket_row(db, on_limit, now=now).sla == "met"
    assert Q.ticket_row(db, late, now=now).sla == "missed"
    assert Q.ticket_row(db, remote, now=now).sla == "overdue"
    assert Q.ticket_row(db, remote, now="2026-12-03 08:00:00").sla == "due_soon"
    assert Q.ticket_row(db, remote_done, now=now).sla == "met"
    overdue = nos(Q.list_tickets(db, F(overdue_only=True, month="2026-12"), now=now))
    assert overdue == ["YX2612003"]


def test_deadlines_follow_the_settings(db, office):
    from servicedesk.models.core.settings import set_setting

    set_setting(db, "level.1.onsite_minutes", 180)   # the office allows 3 h
    row = Q.ticket_row(db, office["open_nov"], now=NOW)
    assert row.deadline == "2026-11-02 13:00:00"


@pytest.mark.parametrize("text, expected", [
    ("YX2611002", ["YX2611002"]),                     # number (3+ chars: trigram)
    ("yx26110", ["YX2611004", "YX2611003", "YX2611002", "YX2611001"]),  # part, any case
    ("HS-7788", ["YX2611001"]),                       # serial
    ("7788", ["YX2611001"]),
    ("0571-8888", ["YX2611003", "YX2611002"]),        # landline as stored
    ("057188886666", ["YX2611003", "YX2611002"]),     # landline digits only
    ("1381234", ["YX2611004", "YX2611001", "YX2610001"]),   # mobile part
    ("建工集团", ["YX2611004", "YX2611001", "YX2610001"]),
    ("王五", ["YX2611003", "YX2611002"]),             # 2 characters: LIKE path
    ("王", ["YX2611003", "YX2611002"]),               # 1 character
    ("z6", ["YX2611003", "YX2611002"]),               # 2 characters of a model (QTZ63), any case
    ("建工 SC200", ["YX2611001"]),                     # every term must match
    ("不存在的", []),
    ("hzjg", ["YX2611004", "YX2611001", "YX2610001"]),  # customer's pinyin initials (issue 16)
    ("wangwu", ["YX2611003", "YX2611002"]),             # customer's full pinyin
])
def test_search_by_number_customer_phone_serial(db, office, text, expected):
    assert nos(Q.list_tickets(db, F(text=text), now=NOW)) == expected
    assert Q.count_tickets(db, F(text=text), now=NOW) == len(expected)


def test_search_text_follows_customer_and_equipment_edits(db, office):
    """The index is kept by triggers, also when the customer or machine changes."""
    C.update_customer(db, office["b"], C.CustomerInput(name="赵六机械", phone="13900001111"))
    assert nos(Q.list_tickets(db, F(text="赵六"), now=NOW)) == ["YX2611003", "YX2611002"]
    assert nos(Q.list_tickets(db, F(text="王五"), now=NOW)) == []
    assert nos(Q.list_tickets(db, F(text="13900001111"), now=NOW)) == ["YX2611003", "YX2611002"]
    eq = C.get_equipment(db, office["eb"])
    eq_input = C.EquipmentInput(customer_id=eq.customer_id, model=eq.model, serial_no="HS-9999")
    C.update_equipment(db, office["eb"], eq_input)
    assert nos(Q.list_tickets(db, F(text="HS-9999"), now=NOW)) == ["YX2611001"]
    assert nos(Q.list_tickets(db, F(text="HS-7788"), now=NOW)) == []
    # a ticket whose number or phone changes is re-indexed too; a deleted one disappears
    with transaction(db):
        db.execute("UPDATE tickets SET phone = '13700002222' WHERE id = ?", [office["closed_oct"]])
    assert nos(Q.list_tickets(db, F(text="3700002222"), now=NOW)) == ["YX2610001"]
    with transaction(db):
        db.execute("DELETE FROM ticket_technicians WHERE ticket_id = ?", [office["closed_oct"]])
        db.execute("DELETE FROM tickets WHERE id = ?", [office["closed_oct"]])
    assert Q.count_tickets(db, F(text="3700002222"), now=NOW) == 0
    assert db.execute("SELECT count(*) FROM ticket_search").fetchone()[0] == 4


def test_paging_and_database_sorting(db, office):
    a, ea = office["a"], office["ea"]
    # five more tickets reported at the SAME moment: ties break by id (newest first)
    same = [fx.ticket(db, customer_id=a, equipment_id=ea, no=f"YX2609{n:03d}", status="closed",
                      reported_at="2026-09-01 08:00:00") for n in range(1, 6)]
    all_rows = Q.list_tickets(db, limit=100, now=NOW)
    assert len(all_rows) == 10
    pages = [Q.list_tickets(db, offset=o, limit=3, now=NOW) for o in (0, 3, 6, 9)]
    assert [len(p) for p in pages] == [3, 3, 3, 1]
    assert sum((nos(p) for p in pages), []) == nos(all_rows)
    assert nos(all_rows)[-5:] == ["YX2609005", "YX2609004", "YX2609003", "YX2609002", "YX2609001"]
    assert [r.id for r in all_rows[-5:]] == sorted(same, reverse=True)
    by_no = Q.list_tickets(db, order_by="no", descending=False, limit=3, now=NOW)
    assert nos(by_no) == ["YX2609001", "YX2609002", "YX2609003"]
    by_customer = Q.list_tickets(db, order_by="customer_name", descending=False, limit=100, now=NOW)
    assert by_customer[-1].customer_name == "王五"     # 杭 (U+676D) sorts before 王 (U+738B)
    by_deadline = Q.list_tickets(db, order_by="deadline", descending=False, limit=1, now=NOW)
    assert by_deadline[0].deadline == "2026-09-03 08:00:00"
    with pytest.raises(ValidationError):
        Q.list_tickets(db, order_by="fault; DROP TABLE tickets")


def test_choices_for_the_filter_bar(db, office):
    from datetime import date

    techs = Q.technician_choices(db)
    assert [t.name for t in techs] == sorted(["李工", "张师傅", "王班长"])
    months = Q.ticket_months(db, today=date(2026, 12, 5))
    assert months == ["2026-12", "2026-11", "2026-10"]
    assert Q.ticket_id_for_no(db, "yx2611002") == office["disp_nov"]
    assert Q.ticket_id_for_no(db, "YX9999999") is None


def test_sql_state_agrees_with_ticket_rules(db, office):
    """The list computes deadlines and states in SQL; models/ticket_rules.py is
    the definition. Compare them over every level and times around each limit."""
    from servicedesk.models.tickets import rules as R

    limits = R.load_limits(db)
    a, ea = office["a"], office["ea"]
    reported = "2027-01-10 08:00:00"
    cases = []
    for level in (None, 1, 2, 3, 4):
        deadline = R.onsite_deadline(reported, level, limits)
        around = [deadline + R._dt.timedelta(seconds=s) for s in (-7201, -7200, -1, 0, 1, 3600)]
        for moment in [None] + around[2:5]:
            stamp = moment.isoformat(sep=" ") if moment else None
            fields = {"completed_at": stamp, "result": "done"} if level == 4 and stamp else {"arrived_at": stamp}
            tid = fx.ticket(db, customer_id=a, equipment_id=ea, status="dispatched", reported_at=reported,
                            fault_level=level, **fields)
            cases.append((tid, level, fields.get("arrived_at"), fields.get("completed_at"), around))
    for tid, level, arrived, completed, around in cases:
        for now in around:
            now_s = now.isoformat(sep=" ")
            row = Q.ticket_row(db, tid, now=now_s)
            assert row.deadline == R.onsite_deadline(reported, level, limits).isoformat(sep=" ")
            expected = R.sla_state(level, reported, arrived, completed, limits, now)
            assert row.sla == expected, (level, arrived, completed, now_s)
            overdue = Q.count_tickets(db, F(overdue_only=True, equipment_id=ea, month="2027-01"), now=now_s)
            assert (tid in {r.id for r in Q.list_tickets(db, F(overdue_only=True, month="2027-01"),
                                                         now=now_s, limit=100)}) == (expected == "overdue")
            assert overdue >= (expected == "overdue")
