"""Pay rules one at a time: team split, money, allowance, deductions, PIN, lock (DOMAIN §4)."""

from __future__ import annotations

import pytest

from servicedesk.models.pay import catalog as K
from servicedesk.models.pay import month as P
from servicedesk.models.core.errors import DomainError, LockedError, StateError, ValidationError
from servicedesk.models.core.settings import set_setting
from tests import factories as F

MONTH = "2026-03"


@pytest.fixture
def base(db):
    """Customer, equipment and a team of three: leader A, B, C (bases 3000/2800/2600)."""
    cust = F.customer(db)
    eq = F.equipment(db, cust)
    a = F.technician(db, "张伟", base_salary_fen=3000_00)
    b = F.technician(db, "李强", base_salary_fen=2800_00)
    c = F.technician(db, "陈亮", base_salary_fen=2600_00)
    return {"db": db, "cust": cust, "eq": eq, "a": a, "b": b, "c": c}


def job(base, team, work, completed="2026-03-10 16:00:00", **kw):
    fields = {"status": "closed", "result": "done", "completed_at": completed}
    fields.update(kw)
    return F.ticket(base["db"], customer_id=base["cust"], equipment_id=base["eq"], team=team, work=work, **fields)


def lines(pay, tech_id, kind=None):
    return [ln for ln in pay.technician(tech_id).lines if kind is None or ln.kind == kind]


# ------------------------------------------------------------------ team split
def test_equal_split_is_exact_in_hundredths():
    # 13.5 h over two: 6.75 + 6.75
    assert P.team_shares(13_50, [(1, True), (2, False)]) == {1: 6_75, 2: 6_75}


def test_odd_hundredths_go_to_the_leader_first_and_parts_add_up():
    # 10 h over three = 3.333…: leader 3.34, the others 3.33 (sum 10.00)
    assert P.team_shares(10_00, [(7, False), (5, True), (9, False)]) == {5: 3_34, 7: 3_33, 9: 3_33}
    # 0.05 h over three: 0.02 (leader), 0.02 (first member in dispatch order), 0.01
    shares = P.team_shares(5, [(1, True), (2, False), (3, False)])
    assert shares == {1: 2, 2: 2, 3: 1}
    assert sum(shares.values()) == 5


def test_leader_weighted_split():
    # leader 1.5 shares, member 1: 10 h -> 6 h + 4 h
    assert P.team_shares(10_00, [(1, True), (2, False)], "leader_weighted", 15000) == {1: 6_00, 2: 4_00}
    # leader 1.5 + 1 + 1 = 3.5 shares of 10 h: 4.2857 / 2.8571 / 2.8571 -> floors 4.28, 2.85, 2.85 (9.98);
    # the two hundredths left go to the largest fractions (.71 > .57): 4.28 + 2.86 + 2.86 = 10.00
    assert P.team_shares(10_00, [(1, True), (2, False), (3, False)], "leader_weighted", 15000) == \
        {1: 4_28, 2: 2_86, 3: 2_86}


def test_team_split_setting_drives_the_month(base):
    db, a, b = base["db"], base["a"], base["b"]
    job(base, (a, b), (("INSPECTION", 250),))            # 4 h x 2.5 = 10 h
    pay = P.compute_month(db, MONTH)
    assert pay.technician(a).hours_x100 == 5_00 and pay.technician(b).hours_x100 == 5_00
    P.set_pin(db, "2468")
    set_setting(db, "pay.team_split", "leader_weighted", pin="2468", effective_month=MONTH)
    pay = P.compute_month(db, MONTH)
    # 10 h x 1.5/2.5 = 6 h for the leader (120 yuan), 4 h for the member (80 yuan)
    assert (pay.technician(a).hours_x100, pay.technician(a).performance_fen) == (6_00, 120_00)
    assert (pay.technician(b).hours_x100, pay.technician(b).performance_fen) == (4_00, 80_00)


# ------------------------------------------------------------------ money and allowance
def test_money_is_rounded_half_up_once_per_line():
    assert P.money_for_hours(6_75, 20_00) == 135_00     # 6.75 h x 20 = 135.00
    assert P.money_for_hours(3_33, 20_50) == 68_27      # 3.33 x 20.50 = 68.265 -> 68.27
    assert P.money_for_hours(1, 20_49) == 20            # 0.01 x 20.49 = 0.2049 -> 0.20


def test_living_allowance_excludes_long_trips(base):
    db, a = base["db"], base["a"]
    row = P.set_attendance(db, MONTH, a, 24, 6)
    assert row.allowance_fen == 108_00                  # 6 yuan x (24 - 6) days
    assert P.compute_month(db, MONTH).technician(a).allowance_fen == 108_00
    with pytest.raises(ValidationError) as exc:
        P.set_attendance(db, MONTH, a, 10, 11)
    assert exc.value.field == "long_trip_days"
    with pytest.raises(ValidationError) as exc:
        P.set_attendance(db, "2026-02", a, 29, 0)       # February 2026 has 28 days
    assert exc.value.field == "days_worked"


def test_supervisor_base_defaults_and_everyone_appears(db):
    s = F.technician(db, "王主管", role="supervisor", base_salary_fen=0)
    t = F.technician(db, "新人", base_salary_fen=2500_00)
    gone = F.technician(db, "离职", active=0)
    pay = P.compute_month(db, MONTH)
    assert [x.technician_id for x in pay.technicians] == [s, t]   # supervisor first; inactive absent
    assert pay.technician(s).base_fen == 2640_00
    assert pay.technician(s).total_fen == 2640_00
    assert pay.technician(t).total_fen == 2500_00
    assert gone not in [x.technician_id for x in pay.technicians]


def test_cancelled_and_unfinished_tickets_earn_nothing(base):
    db, a = base["db"], base["a"]
    job(base, (a,), (("INSTALL_TC", 100),), status="cancelled")
    job(base, (a,), (("INSTALL_TC", 100),), status="dispatched", result="not_done", completed_at=None)
    job(base, (a,), (("INSPECTION", 100),), completed="2026-04-01 00:00:00")     # next month
    job(base, (a,), (("INSPECTION", 100),), completed="2026-02-28 23:59:59")     # last month
    assert P.compute_month(db, MONTH).technician(a).hours_x100 == 0
    assert P.compute_month(db, "2026-04").technician(a).hours_x100 == 4_00


# ------------------------------------------------------------------ deductions
def test_missing_document_charges_every_member_including_leader(base):
    db, a, b, c = base["db"], base["a"], base["b"], base["c"]
    t = job(base, (a, b, c), (("INSTALL_TC", 100),))
    d = P.add_deduction(db, P.DeductionInput(t, "missing_document", document="self_check_report"))
    assert d.month == MONTH
    assert sorted((p[0], p[2]) for p in d.persons) == [(a, 100_00), (b, 100_00), (c, 100_00)]
    with pytest.raises(ValidationError) as exc:   # cannot spare anyone
        P.add_deduction(db, P.DeductionInput(t, "missing_document", document="dispatch_slip", technician_ids=[b]))
    assert exc.value.field == "technicians"
    pay = P.compute_month(db, MONTH)
    assert [ln.description for ln in lines(pay, a, "deduction")] == ["资料缺失：安装自检报告"]
    assert pay.technician(a).deductions_fen == 100_00


def test_small_accident_is_twice_the_cost_split_over_the_team(base):
    db, a, b, c = base["db"], base["a"], base["b"], base["c"]
    t = job(base, (a, b, c), (("INSTALL_TC", 100),))
    # 2 x 100.00 = 200.00 over three: 66.67 (leader), 66.67, 66.66
    d = P.add_deduction(db, P.DeductionInput(t, "small_accident", cost_fen=100_00, reason="碰坏围挡"))
    assert {p[0]: p[2] for p in d.persons} == {a: 66_67, b: 66_67, c: 66_66}
    # charged to one person only: he pays all of it
    d2 = P.add_deduction(db, P.DeductionInput(t, "small_accident", cost_fen=300_00, technician_ids=[c]))
    assert {p[0]: p[2] for p in d2.persons} == {c: 600_00}
    with pytest.raises(ValidationError) as exc:           # above 300 yuan is not "small"
        P.add_deduction(db, P.DeductionInput(t, "small_accident", cost_fen=300_01))
    assert exc.value.field == "cost_fen"


def test_major_accident_cancels_the_jobs_performance_pay(base):
    db, a, b = base["db"], base["a"], base["b"]
    t = job(base, (a, b), (("INSTALL_HOIST", 100),))     # 145 h: 72.50 h each = 1450.00 yuan
    other = job(base, (a,), (("INSPECTION", 100),))      # 4 h = 80.00 yuan, untouched
    P.add_deduction(db, P.DeductionInput(t, "major_accident", reason="人员坠落受伤"))
    pay = P.compute_month(db, MONTH)
    for tech in (a, b):
        ded = lines(pay, tech, "deduction")
        assert [x.amount_fen for x in ded] == [1450_00]
    assert pay.technician(a).performance_fen == 1530_00
    assert pay.technician(a).performance_fen - pay.technician(a).deductions_fen == 80_00   # only `other`
    assert pay.technician(b).performance_fen - pay.technician(b).deductions_fen == 0
    assert other


def test_defect_is_100_per_item_per_person_within_30_days_or_at_inspection(base):
    db, a, b = base["db"], base["a"], base["b"]
    t = job(base, (a, b), (("INSTALL_TC", 100),), completed="2026-03-01 12:00:00")
    d = P.add_deduction(db, P.DeductionInput(t, "defect", items=2, source="customer", occurred_on="2026-03-31",
                                             reason="附墙螺栓松动"))
    assert {p[0]: p[2] for p in d.persons} == {a: 200_00, b: 200_00}
    with pytest.raises(ValidationError) as exc:           # 31 days after completion
        P.add_deduction(db, P.DeductionInput(t, "defect", source="customer", occurred_on="2026-04-01"))
    assert exc.value.field == "occurred_on"
    insp = P.add_deduction(db, P.DeductionInput(t, "defect", source="inspection", occurred_on="2026-06-10",
                                                month="2026-06"))
    assert insp.month == "2026-06" and {p[2] for p in insp.persons} == {100_00}


def test_deduction_needs_a_team_and_a_known_kind(base):
    db = base["db"]
    lonely = job(base, (), (("INSPECTION", 100),))
    with pytest.raises(ValidationError) as exc:
        P.add_deduction(db, P.DeductionInput(lonely, "missing_document", document="dispatch_slip"))
    assert exc.value.field == "ticket"
    with pytest.raises(ValidationError):
        P.add_deduction(db, P.DeductionInput(lonely, "bad_kind"))


def test_void_deduction(base):
    db, a = base["db"], base["a"]
    t = job(base, (a,), (("INSPECTION", 100),))
    d = P.add_deduction(db, P.DeductionInput(t, "other", amount_fen=50_00, reason="工具遗失"))
    assert P.compute_month(db, MONTH).technician(a).deductions_fen == 50_00
    P.void_deduction(db, d.id, "登记错误")
    assert P.compute_month(db, MONTH).technician(a).deductions_fen == 0


# ------------------------------------------------------------------ disputes
def test_dispute_recorded_with_outcome_and_blocks_approval(base):
    db, a, b = base["db"], base["a"], base["b"]
    t = job(base, (a, b), (("INSTALL_TC", 100),))
    d = P.add_deduction(db, P.DeductionInput(t, "missing_document", document="dispatch_slip"))
    disp = P.raise_dispute(db, MONTH, b, "deduction", "派工单已交", ref_id=d.id, who="李强")
    assert P.compute_month(db, MONTH).open_disputes == 1
    assert [ln.dispute for ln in lines(P.compute_month(db, MONTH), b, "deduction")] == ["open"]
    P.set_pin(db, "2468")
    with pytest.raises(StateError):
        P.approve_month(db, MONTH, "2468")
    done = P.resolve_dispute(db, disp.id, True, "查到原件，免扣", who="经理")
    assert (done.status, done.outcome, done.resolved_by) == ("upheld", "查到原件，免扣", "经理")
    pay = P.compute_month(db, MONTH)
    assert pay.technician(b).deductions_fen == 0           # waived for him
    assert pay.technician(a).deductions_fen == 100_00      # not for the leader
    assert lines(pay, b, "deduction")[0].waived
    work = P.raise_dispute(db, MONTH, a, "work", "工时少算", ticket_id=t)
    P.resolve_dispute(db, work.id, False, "按标准工时，维持")
    P.approve_month(db, MONTH, "2468")
    with pytest.raises(LockedError):                       # no disputes after approval
        P.raise_dispute(db, MONTH, a, "work", "再申诉", ticket_id=t)


# ------------------------------------------------------------------ PIN
def test_pin_is_salted_scrypt_never_set_on_first_use(db):
    assert not P.pin_is_set(db)
    with pytest.raises(DomainError) as exc:                # no PIN yet: approving does not set one
        P.approve_month(db, "2026-01", "2468", who="经理")
    assert "Set the manager PIN first" in exc.value.english and not P.pin_is_set(db)
    P.set_pin(db, "2468")
    P.approve_month(db, "2026-01", "2468", who="经理")
    stored = db.execute("SELECT value FROM pay_secrets WHERE key = 'manager_pin'").fetchone()[0]
    assert stored.startswith("scrypt$") and "2468" not in stored
    assert P.hash_pin("2468") != P.hash_pin("2468")      # a fresh salt every time
    assert P.verify_pin(db, "2468") and not P.verify_pin(db, "2469")
    with pytest.raises(ValidationError) as exc:
        P.approve_month(db, "2026-02", "0000")
    assert exc.value.field == "pin"
    assert not P.is_locked(db, "2026-02")
    assert P.list_log(db, "2026-02")[0].action == "pin_refused"
    with pytest.raises(ValidationError):
        P.set_pin(db, "13579", old_pin="1111")
    P.set_pin(db, "13579", old_pin="2468")
    assert P.verify_pin(db, "13579")
    with pytest.raises(ValidationError):
        P.set_pin(db, "12a4", old_pin="13579")             # digits only


# ------------------------------------------------------------------ lock
def test_locked_month_refuses_changes_through_the_model(base):
    db, a, b = base["db"], base["a"], base["b"]
    t = job(base, (a, b), (("INSTALL_TC", 100),))
    later = job(base, (a,), (("INSPECTION", 100),), completed="2026-04-03 10:00:00")
    P.set_attendance(db, MONTH, a, 22, 0)
    P.set_pin(db, "2468")
    P.approve_month(db, MONTH, "2468", who="经理")
    assert P.month_state(db, MONTH).locked
    with pytest.raises(LockedError) as exc:
        P.ensure_ticket_editable(db, t)
    assert exc.value.field == "ticket" and MONTH in exc.value.message
    P.ensure_ticket_editable(db, later)                    # April is open
    with pytest.raises(LockedError):                       # completing April's ticket back in March
        P.ensure_ticket_editable(db, later, completed_at="2026-03-30 10:00:00")
    with pytest.raises(LockedError):
        P.set_attendance(db, MONTH, a, 23, 0)
    with pytest.raises(LockedError):
        P.add_deduction(db, P.DeductionInput(t, "missing_document", document="dispatch_slip", month=MONTH))
    with pytest.raises(LockedError):
        P.add_adjustment(db, MONTH, a, hours_x100=100, reason="补记")
    with pytest.raises(StateError):
        P.approve_month(db, MONTH, "2468")                 # already approved
    # a deduction for a locked month's ticket falls into the next open month
    d = P.add_deduction(db, P.DeductionInput(t, "missing_document", document="dispatch_slip",
                                             occurred_on="2026-04-02"))
    assert d.month == "2026-04"
    # the correction: an adjustment line in an open month
    P.add_adjustment(db, "2026-04", b, hours_x100=4_00, reason="3月工单漏记顶升", ticket_id=t)
    assert P.compute_month(db, "2026-04").technician(b).performance_fen == 80_00


def test_locked_month_shows_frozen_figures(base):
    db, a = base["db"], base["a"]
    job(base, (a,), (("INSPECTION", 100),))                # 4 h = 80.00
    P.set_pin(db, "2468")
    P.approve_month(db, MONTH, "2468", who="经理", at="2026-04-02 09:00:00")
    set_setting(db, "pay.rate_per_hour_fen", 30_00, pin="2468")   # a later rate change (from this month)…
    K.rerate_item(db, "INSPECTION", 8_00, effective_from="2026-04-01")
    frozen = P.month_pay(db, MONTH)
    assert frozen.locked and frozen.approved_by == "经理" and frozen.approved_at == "2026-04-02 09:00:00"
    assert frozen.technician(a).performance_fen == 80_00   # …does not touch the approved month
    # …nor its recomputation: March keeps the 20 yuan/h in force in March (4 h x 20)
    assert P.compute_month(db, MONTH).technician(a).performance_fen == 80_00


def test_unlock_needs_pin_and_reason_and_is_logged(base):
    db, a = base["db"], base["a"]
    t = job(base, (a,), (("INSPECTION", 100),))
    P.set_pin(db, "2468")
    P.approve_month(db, MONTH, "2468", who="经理")
    with pytest.raises(ValidationError) as exc:
        P.unlock_month(db, MONTH, "2468", "  ")
    assert exc.value.field == "reason"
    with pytest.raises(ValidationError) as exc:
        P.unlock_month(db, MONTH, "9999", "更正工时")
    assert exc.value.field == "pin"
    assert P.is_locked(db, MONTH)
    state = P.unlock_month(db, MONTH, "2468", "王建军工单漏登附墙", who="经理")
    assert not state.locked
    P.ensure_ticket_editable(db, t)                        # editable again
    log = P.list_log(db, MONTH)
    assert log[0].action == "unlock" and "王建军工单漏登附墙" in log[0].detail and log[0].who == "经理"
    assert "80.00" in log[0].detail or "total" in log[0].detail
    with pytest.raises(StateError):
        P.unlock_month(db, MONTH, "2468", "again")


def test_attendance_import_uses_month_option(base, tmp_path):
    from servicedesk.models.core.importing import run_import

    db, a, b = base["db"], base["a"], base["b"]
    rows = [(2, {"technician": "张伟", "days_worked": 24, "long_trip_days": 6}),
            (3, {"technician": "李强", "days_worked": "22", "long_trip_days": None})]
    result = run_import(db, P.ATTENDANCE_SPEC, rows, P.ATTENDANCE_SHEET.import_row, options={"month": MONTH})
    assert result.ok and result.created == 2
    grid = {r.technician_id: (r.days_worked, r.long_trip_days) for r in P.attendance_grid(db, MONTH)}
    assert grid[a] == (24, 6) and grid[b] == (22, 0)
    bad = run_import(db, P.ATTENDANCE_SPEC, [(2, {"technician": "无此人", "days_worked": 1})],
                     P.ATTENDANCE_SHEET.import_row, options={"month": MONTH})
    assert not bad.ok and "姓名" in str(bad.problems[0])
    missing_month = run_import(db, P.ATTENDANCE_SPEC, rows, P.ATTENDANCE_SHEET.import_row, options={})
    assert not missing_month.ok and "--month" in str(missing_month.problems[0])


def test_attendance_import_refuses_the_same_technician_twice(base):
    """Two rows for 张伟 would silently keep the last one: the second row is
    refused, nothing is written; each run keeps its own list of rows seen."""
    from servicedesk.models.core.importing import run_import

    db, a = base["db"], base["a"]
    rows = [(2, {"technician": "张伟", "days_worked": 24, "long_trip_days": 6}),
            (3, {"technician": "李强", "days_worked": 22}),
            (4, {"technician": "张伟", "days_worked": 20})]
    options = {"month": MONTH}
    bad = run_import(db, P.ATTENDANCE_SPEC, rows, P.ATTENDANCE_SHEET.import_row, options=options)
    assert not bad.ok and [p.row for p in bad.problems] == [4]
    text = str(bad.problems[0])
    assert "column 姓名" in text and "appears more than once" in text and "row 2" in text
    assert all(not r.recorded for r in P.attendance_grid(db, MONTH))          # nothing written
    # the same options dict for a dry run and then the real import (as a dialog does)
    good = rows[:2]
    assert run_import(db, P.ATTENDANCE_SPEC, good, P.ATTENDANCE_SHEET.import_row, dry_run=True,
                      options=options).ok
    assert run_import(db, P.ATTENDANCE_SPEC, good, P.ATTENDANCE_SHEET.import_row, options=options).ok
    grid = {r.technician_id: (r.days_worked, r.long_trip_days) for r in P.attendance_grid(db, MONTH)}
    assert grid[a] == (24, 6)


def test_attendance_template_is_empty(tmp_path):
    from openpyxl import load_workbook

    from tests.conftest import run_cli

    tpl = tmp_path / "a.xlsx"
    assert run_cli("template", "attendance", "--out", str(tpl))[0] == 0
    wb = load_workbook(tpl)
    assert wb.worksheets[0].max_row == 1                      # no invented 张师傅 with 24 days
    notes = {r[0].value: r[3].value for r in wb["说明"].iter_rows(min_row=2)}
    assert "如 24" in notes["出勤天数"] and "如 张伟" in notes["姓名"]
