"""Follow-up schedule, calls and inspections (DOMAIN §5), dates worked by hand.

Default windows (standards.FOLLOWUPS): installation 7..14 days, 91 ± 7 days,
182 days, inspection 365 days (listed 30 days ahead); service 3..7 days and a
week after the first call; satisfaction within 16 h of closing; retry 1 day.
A day window runs from 00:00:00 of its first day to 23:59:59 of its last day.
"""

from __future__ import annotations

import pytest

from servicedesk.models.followups import calls as F
from servicedesk.models.followups.sheets import FOLLOWUPS_SHEET
from servicedesk.models.core.errors import StateError, ValidationError
from servicedesk.models.core.settings import set_setting
from tests import factories as f


def _plan(db, ticket_id):
    return {r["kind"]: (r["due_from"], r["due_at"], r["status"]) for r in db.query(
        "SELECT kind, due_from, due_at, status FROM followups WHERE ticket_id = ? ORDER BY id", [ticket_id])}


def _fid(db, ticket_id, kind):
    return db.execute("SELECT id FROM followups WHERE ticket_id = ? AND kind = ? AND status != 'cancelled'",
                      [ticket_id, kind]).fetchone()[0]


@pytest.fixture
def unit(db):
    c = f.customer(db, dealer="浙江恒力机械")
    return c, f.equipment(db, c)


def test_installation_schedule_boundaries(db, unit):
    c, e = unit
    # Completed 2026-10-01 14:00, closed 2026-10-02 09:00.
    t = f.ticket(db, customer_id=c, equipment_id=e, type="installation", status="closed",
                 completed_at="2026-10-01 14:00:00", closed_at="2026-10-02 09:00:00")
    created = F.schedule_for_ticket(db, t)
    assert len(created) == 5
    plan = _plan(db, t)
    # first call: day 7 (10-08) .. day 14 (10-15), both days included
    assert plan["install_first"][:2] == ("2026-10-08 00:00:00", "2026-10-15 23:59:59")
    # second: 10-01 + 91 d = 12-31, ± 7 d -> 12-24 .. 2027-01-07
    assert plan["install_second"][:2] == ("2026-12-24 00:00:00", "2027-01-07 23:59:59")
    # third: 10-01 + 182 d = 2027-04-01 (the day itself)
    assert plan["install_third"][:2] == ("2027-04-01 00:00:00", "2027-04-01 23:59:59")
    # satisfaction: closed 10-02 09:00 + 16 h = 10-03 01:00
    assert plan["satisfaction"][:2] == ("2026-10-02 09:00:00", "2026-10-03 01:00:00")
    # inspection: by 10-01 + 365 d = 2027-10-01, listed from 30 d before (2027-09-01)
    assert plan["inspection"][:2] == ("2027-09-01 00:00:00", "2027-10-01 23:59:59")
    # idempotent: nothing new, nothing moved
    assert F.schedule_for_ticket(db, t) == []
    assert _plan(db, t) == plan


def test_service_schedule_and_second_call_follows_the_first(db, unit):
    c, e = unit
    t = f.ticket(db, customer_id=c, equipment_id=e, type="repair", status="completed",
                 completed_at="2026-10-01 14:00:00", result="done")
    F.schedule_for_ticket(db, t)
    plan = _plan(db, t)
    # first: 3 .. 7 days -> 10-04 .. 10-08; second: a week later -> 10-11 .. 10-15
    assert plan["service_first"][:2] == ("2026-10-04 00:00:00", "2026-10-08 23:59:59")
    assert plan["service_second"][:2] == ("2026-10-11 00:00:00", "2026-10-15 23:59:59")
    assert "satisfaction" not in plan          # not closed yet
    # First call made on 10-05: second from 10-12, deadline stays 10-15.
    F.record_call(db, _fid(db, t, "service_first"),
                  F.CallInput(reached=True, called_at="2026-10-05 10:00:00", satisfaction="满意"), "林芳")
    assert _plan(db, t)["service_second"][:2] == ("2026-10-12 00:00:00", "2026-10-15 23:59:59")
    # Closing later adds the satisfaction call, leaves the others alone.
    db.execute("UPDATE tickets SET status = 'closed', closed_at = '2026-10-06 08:30:00' WHERE id = ?", [t])
    F.schedule_for_ticket(db, t)
    plan = _plan(db, t)
    assert plan["satisfaction"][:2] == ("2026-10-06 08:30:00", "2026-10-07 00:30:00")
    assert plan["service_second"][:2] == ("2026-10-12 00:00:00", "2026-10-15 23:59:59")


def test_late_first_call_moves_second_past_its_window(db, unit):
    c, e = unit
    t = f.ticket(db, customer_id=c, equipment_id=e, status="completed", completed_at="2026-10-01 14:00:00",
                 result="done")
    F.schedule_for_ticket(db, t)
    # first call only on 10-09 (a day late): second on 10-16, a week later
    F.record_call(db, _fid(db, t, "service_first"),
                  F.CallInput(reached=True, called_at="2026-10-09 16:00:00", satisfaction="一般"), "林芳")
    assert _plan(db, t)["service_second"][:2] == ("2026-10-16 00:00:00", "2026-10-16 23:59:59")


def test_windows_come_from_settings(db, unit):
    c, e = unit
    set_setting(db, "followup.service.first_min_days", 2)
    set_setting(db, "followup.satisfaction_hours", 24)
    t = f.ticket(db, customer_id=c, equipment_id=e, status="closed", completed_at="2026-10-01 14:00:00",
                 closed_at="2026-10-01 18:00:00", result="done")
    F.schedule_for_ticket(db, t)
    plan = _plan(db, t)
    assert plan["service_first"][0] == "2026-10-03 00:00:00"
    assert plan["satisfaction"][1] == "2026-10-02 18:00:00"


def test_retimed_when_completion_changes_and_cancelled_with_ticket(db, unit):
    c, e = unit
    t = f.ticket(db, customer_id=c, equipment_id=e, status="completed", completed_at="2026-10-01 14:00:00",
                 result="done")
    F.schedule_for_ticket(db, t)
    db.execute("UPDATE tickets SET completed_at = '2026-10-10 09:00:00' WHERE id = ?", [t])
    assert F.schedule_for_ticket(db, t) == []
    assert _plan(db, t)["service_first"][:2] == ("2026-10-13 00:00:00", "2026-10-17 23:59:59")
    db.execute("UPDATE tickets SET status = 'cancelled' WHERE id = ?", [t])
    F.schedule_for_ticket(db, t)
    assert {v[2] for v in _plan(db, t).values()} == {"cancelled"}


def test_unreached_call_is_logged_and_rescheduled(db, unit):
    c, e = unit
    t = f.ticket(db, customer_id=c, equipment_id=e, type="installation", status="completed",
                 completed_at="2026-10-01 14:00:00")
    F.schedule_for_ticket(db, t)
    fid = _fid(db, t, "install_first")
    out = F.record_call(db, fid, F.CallInput(reached=False, called_at="2026-10-09 10:00:00", notes="无人接听"),
                        "林芳")
    # retry 1 day later: from 10-10 00:00; the deadline 10-15 23:59:59 does not move earlier
    assert out.rescheduled_to == "2026-10-10 00:00:00"
    assert (out.followup.status, out.followup.attempts) == ("pending", 1)
    assert (out.followup.due_from, out.followup.due_at) == ("2026-10-10 00:00:00", "2026-10-15 23:59:59")
    assert out.call.reached is False and out.call.satisfaction is None
    # retry setting 3 days; second attempt on 10-15 -> from 10-18, deadline becomes 10-18 end
    set_setting(db, "followup.retry_days", 3)
    out = F.record_call(db, fid, F.CallInput(reached=False, called_at="2026-10-15 17:00:00"), "林芳")
    assert (out.followup.due_from, out.followup.due_at, out.followup.attempts) == (
        "2026-10-18 00:00:00", "2026-10-18 23:59:59", 2)
    out = F.record_call(db, fid, F.CallInput(reached=True, called_at="2026-10-18 09:00:00",
                                             satisfaction="非常满意"), "林芳")
    assert out.followup.status == "done" and out.followup.done_at == "2026-10-18 09:00:00"
    assert [c.reached for c in out.followup.calls] == [False, False, True]
    with pytest.raises(StateError):
        F.record_call(db, fid, F.CallInput(reached=True, satisfaction="满意"), "林芳")


def test_call_validation(db, unit):
    c, e = unit
    t = f.ticket(db, customer_id=c, equipment_id=e, status="closed", completed_at="2026-10-01 14:00:00",
                 closed_at="2026-10-01 18:00:00", result="done")
    F.schedule_for_ticket(db, t)
    fid = _fid(db, t, "satisfaction")
    with pytest.raises(ValidationError) as err:
        F.record_call(db, fid, F.CallInput(reached=True, called_at="2026-10-02 09:00"), "林芳")
    assert err.value.field == "satisfaction"
    with pytest.raises(ValidationError) as err:
        F.record_call(db, fid, F.CallInput(reached=False, satisfaction="满意"), "林芳")
    assert err.value.field == "reached"
    with pytest.raises(ValidationError):
        F.record_call(db, fid, F.CallInput(reached=True, satisfaction="还行"), "林芳")
    assert db.execute("SELECT count(*) FROM followup_calls").fetchone()[0] == 0
    assert F.parse_satisfaction("5") == "very_satisfied" and F.parse_satisfaction("一般") == "neutral"


def test_complaint_opens_a_linked_complaint_ticket(db, unit):
    c, e = unit
    t = f.ticket(db, customer_id=c, equipment_id=e, no="YX2610001", status="closed",
                 completed_at="2026-10-01 14:00:00", closed_at="2026-10-01 18:00:00", result="done")
    F.schedule_for_ticket(db, t)
    out = F.record_call(db, _fid(db, t, "satisfaction"), F.CallInput(
        reached=True, called_at="2026-10-02 09:00:00", satisfaction="不满意",
        complaint="维修后仍有异响", complaint_level=2), "林芳")
    assert out.complaint_ticket_no
    row = db.execute("SELECT id, type, customer_id, equipment_id, fault_level, fault, reported_at FROM tickets "
                     "WHERE no = ?", [out.complaint_ticket_no]).fetchone()
    assert row[1:5] == ("complaint", c, e, 2)
    assert "维修后仍有异响" in row[5] and "YX2610001" in row[5]
    assert row[6] == "2026-10-02 09:00:00"
    assert out.call.complaint_ticket_id == row[0]
    assert out.call.complaint_ticket_no == out.complaint_ticket_no
    # the original ticket's log records the call
    assert db.execute("SELECT new FROM ticket_events WHERE ticket_id = ? AND action = 'followup_call'",
                      [t]).fetchone()[0].startswith("不满意")


def test_inspection_plan_repeats(db, unit):
    c, e = unit
    t = f.ticket(db, customer_id=c, equipment_id=e, type="installation", status="completed",
                 completed_at="2026-01-10 10:00:00")
    F.schedule_for_ticket(db, t)
    first = _fid(db, t, "inspection")
    done = F.record_inspection(db, first, F.InspectionInput(done_at="2026-12-20 10:00:00", inspector="王建军",
                                                            findings="整机良好"), "林芳")
    assert (done.status, done.done_by, done.result_notes) == ("done", "王建军", "整机良好")
    nxt = db.execute("SELECT due_from, due_at FROM followups WHERE equipment_id = ? AND kind = 'inspection' "
                     "AND status = 'pending'", [e]).fetchone()
    # next one by 2026-12-20 + 365 d = 2027-12-20
    assert tuple(nxt) == ("2027-11-20 00:00:00", "2027-12-20 23:59:59")
    # an inspection ticket completed later closes the open one and plans the next
    it = f.ticket(db, customer_id=c, equipment_id=e, type="inspection", status="completed",
                  completed_at="2027-11-25 15:00:00", fault_level=None)
    F.schedule_for_ticket(db, it)
    rows = db.execute("SELECT status, due_at, inspection_ticket_id FROM followups WHERE equipment_id = ? "
                      "AND kind = 'inspection' ORDER BY id", [e]).fetchall()
    assert [r[0] for r in rows] == ["done", "done", "pending"]
    assert rows[1][2] == it and rows[2][1] == "2028-11-24 23:59:59"
    plan = F.inspection_plan(db, now="2028-01-01 00:00:00")
    assert [(p.equipment_id, p.last_done_at[:10], p.next_due_at[:10]) for p in plan] == [
        (e, "2027-11-25", "2028-11-24")]


def test_due_list_and_counts(db, unit):
    c, e = unit
    t = f.ticket(db, customer_id=c, equipment_id=e, status="closed", completed_at="2026-10-01 14:00:00",
                 closed_at="2026-10-01 18:00:00", result="done")
    F.schedule_for_ticket(db, t)
    now = "2026-10-04 09:00:00"
    # satisfaction (due 10-02 10:00) is overdue; service_first (from 10-04) is due today
    due = F.list_followups(db, "due", now=now)
    assert [(x.kind, x.overdue) for x in due] == [("satisfaction", True), ("service_first", False)]
    assert due[0].phone == "13812345678" and due[0].dealer == "浙江恒力机械"
    assert F.due_counts(db, now) == F.DueCounts(due_today=1, overdue=1, inspections_due=0)
    assert F.count_followups(db, "upcoming", now=now) == 1
    assert F.list_followups(db, "due", now=now, query="1381234")[0].id == due[0].id


def test_equipment_history_lists_calls_and_inspections(db, unit):
    from servicedesk.models.archive.history import equipment_history

    c, e = unit
    t = f.ticket(db, customer_id=c, equipment_id=e, type="installation", status="closed",
                 completed_at="2026-01-10 10:00:00", closed_at="2026-01-10 12:00:00")
    F.schedule_for_ticket(db, t)
    F.record_call(db, _fid(db, t, "satisfaction"), F.CallInput(reached=False, called_at="2026-01-10 15:00"), "林芳")
    F.record_call(db, _fid(db, t, "satisfaction"),
                  F.CallInput(reached=True, called_at="2026-01-11 09:00", satisfaction="满意"), "林芳")
    F.record_inspection(db, _fid(db, t, "inspection"), F.InspectionInput(done_at="2026-12-01 09:00"), "林芳")
    items = [(i.kind, i.title) for i in equipment_history(db, e) if i.kind in ("followup", "inspection")]
    assert items == [("inspection", "巡检"), ("followup", "结案满意度回访 · 满意"),
                     ("followup", "结案满意度回访 · 未接通")]


def test_import_followups_sheet(db, unit, tmp_path):
    from servicedesk.models.core.importing import run_import
    from servicedesk.reports.sheets import read_rows, write_rows
    from tests.conftest import run_cli

    c, e = unit
    t = f.ticket(db, customer_id=c, equipment_id=e, no="YX2610007", status="closed",
                 completed_at="2026-10-01 14:00:00", closed_at="2026-10-01 18:00:00", result="done")
    F.schedule_for_ticket(db, t)
    spec = FOLLOWUPS_SHEET.spec
    good = tmp_path / "calls.xlsx"
    write_rows(spec, [
        {"ticket_no": "YX2610007", "called_at": "2026-10-02 09:00", "reached": "否", "notes": "无人接听"},
        {"ticket_no": "YX2610007", "called_at": "2026-10-02 15:00", "reached": "是", "satisfaction": "满意"},
    ], good)
    code, out, err = run_cli("import", "followups", str(good), "--db", str(db.conn.execute(
        "PRAGMA database_list").fetchone()[2]), "--dry-run")
    assert code == 0, err
    result = run_import(db, spec, read_rows(spec, good), FOLLOWUPS_SHEET.import_row)
    assert result.ok and result.created == 2
    # both rows went to the first open call (the satisfaction call): tried, then reached
    calls = F.get_followup(db, _fid(db, t, "satisfaction")).calls
    assert [(k.reached, k.source) for k in calls] == [(False, "import"), (True, "import")]
    # the same file again is refused, nothing written
    again = run_import(db, spec, read_rows(spec, good), FOLLOWUPS_SHEET.import_row)
    assert not again.ok and "already recorded" in str(again.problems[0])
    # a ticket with no planned calls (e.g. imported history) gets an extra call, nothing else
    old = f.ticket(db, customer_id=c, equipment_id=e, no="YX2401001", status="closed",
                   completed_at="2024-01-05 10:00:00", closed_at="2024-01-05 12:00:00", result="done")
    extra = tmp_path / "old.xlsx"
    write_rows(spec, [{"ticket_no": "YX2401001", "called_at": "2024-01-06 09:00", "reached": "是",
                       "satisfaction": "非常满意"}], extra)
    assert run_import(db, spec, read_rows(spec, extra), FOLLOWUPS_SHEET.import_row).ok
    assert [(r[0], r[1]) for r in db.execute("SELECT kind, status FROM followups WHERE ticket_id = ?", [old])] == [
        ("extra", "done")]
    bad = tmp_path / "bad.xlsx"
    write_rows(spec, [{"ticket_no": "NOPE1", "called_at": "昨天", "reached": "也许"}], bad)
    result = run_import(db, spec, read_rows(spec, bad), FOLLOWUPS_SHEET.import_row)
    texts = [str(p) for p in result.problems]
    assert any(p.startswith("row 2, column 回访时间") for p in texts)
    assert any(p.startswith("row 2, column 是否接通") for p in texts)
    assert any(p.startswith("row 2, column 工单号") for p in texts)
    assert db.execute("SELECT count(*) FROM followup_calls").fetchone()[0] == 3
