"""Monthly KPI figures (DOMAIN §6) on a small October 2026 worked out by hand.

Limits (defaults): level 1 on site in 2 h, level 2 48 h, level 3 72 h,
level 4 remote fix within 48 h; exactly at the limit is on time. Repeat =
a non-cancelled *repair* ticket on the same equipment reported within 30 days
after completion.

Customers / equipment / dealers
  c1 (dealer 浙江恒力机械): e1
  c2 (no dealer): e2 sold by 杭州华建设备 (the equipment's dealer wins)
  c3 (no dealer): e3, e4, e5
  c4 (dealer 温州鼎盛机械): no calls at all
Technicians 张伟 (A), 李强 (B), 王芳 (C), 赵六 (D, nothing this month).

October repairs (repair + complaint, completed in October, not cancelled):
  T1 repair L2 e1  reported 10-01 09:00 arrived 10-03 09:00 (= 48 h: on time) done     team A
  T2 repair L1 e2  reported 10-05 08:00 arrived 10-05 10:30 (2.5 h > 2 h: late) done   team A+B
  T3 repair L3 e3  reported 10-10 09:00 NO arrival (late, listed by the check) done     team B
  T4 repair L4 e4  reported 10-14 09:00 remote, completed 10-16 09:00 (= 48 h: on time) team C
  T5 complaint L3 e3 reported 10-20 09:00 arrived 10-21 09:00 (on time), NO result      team C
  T6 repair L2 e2  reported 10-20 10:00 arrived 10-21 10:00 (on time) done 10-31 23:00 team B
Not counted: X1 cancelled repair on e1 (10-10, also no repeat for T1), X2 an
installation, X3 completed 09-30 23:59:59, X4 completed 11-01 00:00:00.
Next month: T7 repair on e2 reported 11-05 09:00 (still open).

On time: T1, T4, T5, T6 = 4 of 6 -> 66.67 %
Successful: T1 yes (X1 is cancelled); T2 no (T6 on e2 15 days later);
  T3 yes (T5 is a complaint, not a repair, so no repeat); T4 yes; T5 no (no
  result); T6 no (T7 reported in NOVEMBER, 5 days after) = 3 of 6 -> 50.00 %
Calls reached in October (satisfied = 非常满意/满意):
  K1 T1 satisfaction 10-04 非常满意 ✓     (c1 -> 浙江恒力机械)
  K2 T1 service_first 10-07 not reached (not counted), 10-08 满意 ✓
  K3 T2 satisfaction 10-06 一般            (e2 -> 杭州华建设备)
  K4 T2 service_first 10-09 不满意
  K6 T4 satisfaction 10-31 23:59:59 满意 ✓ (no dealer)
  K5 T3 satisfaction 11-01 00:00:00 -> November, not counted
  -> 3 of 5 -> 60.00 %
Stock: no count -> None. Grade: mean(66.67, 50, 60) = 53/90 = 58.89 % -> 不合格.

Per technician (a team ticket counts for every member; calls about their tickets):
  张伟 T1,T2: on time 1/2 50 %, success 1/2 50 %, calls K1,K2,K3,K4 2/4 50 % -> 不合格
  李强 T2,T3,T6: on time 1/3 33.33 %, success 1/3 33.33 %, calls K3,K4 0/2 0 % -> 不合格
  王芳 T4,T5: on time 2/2 100 %, success 1/2 50 %, calls K6 1/1 100 %; mean 83.33 -> 合格
  赵六 nothing: all None, grade None
Per dealer: 杭州华建设备 0/2 0 %, 浙江恒力机械 2/2 100 %, 温州鼎盛机械 no calls -> None.
"""

from __future__ import annotations

import json

import pytest

from servicedesk.models.followups import calls as F
from servicedesk.models.kpi import month as K
from servicedesk.models.core.errors import ValidationError
from tests import factories as f
from tests.conftest import run_cli


def _fid(db, ticket_id, kind):
    return db.execute("SELECT id FROM followups WHERE ticket_id = ? AND kind = ?", [ticket_id, kind]).fetchone()[0]


def _call(db, ticket_id, kind, at, satisfaction=None, reached=True):
    F.record_call(db, _fid(db, ticket_id, kind), F.CallInput(reached=reached, called_at=at,
                                                             satisfaction=satisfaction), "林芳")


def build_october(db) -> dict[str, int]:
    """The month of the module docstring; returns ticket ids by name."""
    c1 = f.customer(db, "杭州建工集团有限公司", "13812345678", dealer="浙江恒力机械")
    c2 = f.customer(db, "宁波城建有限公司", "13912345678")
    c3 = f.customer(db, "温州路桥有限公司", "13712345678")
    f.customer(db, "金华市政有限公司", "13612345678", dealer="温州鼎盛机械")
    e1 = f.equipment(db, c1)
    e2 = f.equipment(db, c2, dealer="杭州华建设备")
    e3, e4, e5 = f.equipment(db, c3), f.equipment(db, c3), f.equipment(db, c3)
    a, b = f.technician(db, "张伟"), f.technician(db, "李强")
    c, d = f.technician(db, "王芳"), f.technician(db, "赵六")
    ids = {
        "T1": f.ticket(db, customer_id=c1, equipment_id=e1, no="YX2610001", fault_level=2,
                       reported_at="2026-10-01 09:00:00", arrived_at="2026-10-03 09:00:00",
                       completed_at="2026-10-03 12:00:00", result="done", closed_at="2026-10-03 18:00:00",
                       team=(a,)),
        "T2": f.ticket(db, customer_id=c2, equipment_id=e2, no="YX2610002", fault_level=1,
                       reported_at="2026-10-05 08:00:00", arrived_at="2026-10-05 10:30:00",
                       completed_at="2026-10-05 15:00:00", result="done", closed_at="2026-10-05 18:00:00",
                       team=(a, b)),
        "T3": f.ticket(db, customer_id=c3, equipment_id=e3, no="YX2610003", fault_level=3,
                       reported_at="2026-10-10 09:00:00", arrived_at=None,
                       completed_at="2026-10-12 10:00:00", result="done", closed_at="2026-10-31 12:00:00",
                       team=(b,)),
        "T4": f.ticket(db, customer_id=c3, equipment_id=e4, no="YX2610004", fault_level=4,
                       reported_at="2026-10-14 09:00:00", completed_at="2026-10-16 09:00:00", result="done",
                       closed_at="2026-10-31 20:00:00", team=(c,)),
        "T5": f.ticket(db, customer_id=c3, equipment_id=e3, no="YX2610005", type="complaint", fault_level=3,
                       status="completed", reported_at="2026-10-20 09:00:00", arrived_at="2026-10-21 09:00:00",
                       completed_at="2026-10-21 11:00:00", result=None, team=(c,)),
        "T6": f.ticket(db, customer_id=c2, equipment_id=e2, no="YX2610006", fault_level=2,
                       reported_at="2026-10-20 10:00:00", arrived_at="2026-10-21 10:00:00",
                       completed_at="2026-10-31 23:00:00", result="done", closed_at="2026-11-01 09:00:00",
                       team=(b,)),
        "T7": f.ticket(db, customer_id=c2, equipment_id=e2, no="YX2611001", fault_level=2, status="open",
                       reported_at="2026-11-05 09:00:00"),
        "X1": f.ticket(db, customer_id=c1, equipment_id=e1, no="YX2610091", status="cancelled",
                       reported_at="2026-10-10 09:00:00", arrived_at="2026-10-10 10:00:00",
                       completed_at="2026-10-10 12:00:00", result="done", team=(a,)),
        "X2": f.ticket(db, customer_id=c1, equipment_id=e1, no="YX2610092", type="installation",
                       fault_level=None, reported_at="2026-10-02 09:00:00", arrived_at="2026-10-09 09:00:00",
                       completed_at="2026-10-09 17:00:00", result="done", team=(a,)),
        "X3": f.ticket(db, customer_id=c3, equipment_id=e5, no="YX2609093", reported_at="2026-09-29 09:00:00",
                       arrived_at="2026-09-29 10:00:00", completed_at="2026-09-30 23:59:59", result="done",
                       team=(d,)),
        "X4": f.ticket(db, customer_id=c3, equipment_id=e5, no="YX2610094", reported_at="2026-10-31 09:00:00",
                       arrived_at="2026-10-31 10:00:00", completed_at="2026-11-01 00:00:00", result="done",
                       team=(d,)),
    }
    for name in ("T1", "T2", "T3", "T4", "T5", "T6"):
        F.schedule_for_ticket(db, ids[name])
    _call(db, ids["T1"], "satisfaction", "2026-10-04 10:00:00", "非常满意")          # K1
    _call(db, ids["T1"], "service_first", "2026-10-07 10:00:00", reached=False)    # not counted
    _call(db, ids["T1"], "service_first", "2026-10-08 10:00:00", "满意")            # K2
    _call(db, ids["T2"], "satisfaction", "2026-10-06 10:00:00", "一般")             # K3
    _call(db, ids["T2"], "service_first", "2026-10-09 10:00:00", "不满意")          # K4
    _call(db, ids["T4"], "satisfaction", "2026-10-31 23:59:59", "满意")             # K6
    _call(db, ids["T3"], "satisfaction", "2026-11-01 00:00:00", "满意")             # K5 (November)
    return ids


EXPECTED_JSON = {
    "month": "2026-10", "repairs": 6, "on_time": 4, "on_time_rate": 66.67, "successful": 3,
    "success_rate": 50.0, "calls_reached": 5, "satisfied": 3, "satisfaction": 60.0,
    "parts_counted": 0, "parts_matching": 0, "stock_accuracy": None, "grade": "不合格",
    "technicians": [
        {"name": "张伟", "repairs": 2, "on_time_rate": 50.0, "success_rate": 50.0, "satisfaction": 50.0,
         "grade": "不合格"},
        {"name": "李强", "repairs": 3, "on_time_rate": 33.33, "success_rate": 33.33, "satisfaction": 0.0,
         "grade": "不合格"},
        {"name": "王芳", "repairs": 2, "on_time_rate": 100.0, "success_rate": 50.0, "satisfaction": 100.0,
         "grade": "合格"},
        {"name": "赵六", "repairs": 0, "on_time_rate": None, "success_rate": None, "satisfaction": None,
         "grade": None},
    ],
    "dealers": [
        {"name": "杭州华建设备", "calls_reached": 2, "satisfaction": 0.0},
        {"name": "浙江恒力机械", "calls_reached": 2, "satisfaction": 100.0},
        {"name": "温州鼎盛机械", "calls_reached": 0, "satisfaction": None},
    ],
}


def test_month_figures_worked_by_hand(db):
    ids = build_october(db)
    kpi = K.month_kpi(db, "2026-10")
    assert (kpi.repairs, kpi.on_time, kpi.successful) == (6, 4, 3)
    assert (kpi.calls_reached, kpi.satisfied) == (5, 3)
    assert kpi.on_time_rate.percent == 66.67 and kpi.success_rate.percent == 50.0
    assert kpi.satisfaction.percent == 60.0
    assert kpi.stock_accuracy.percent is None and kpi.stock_accuracy.text == "—"
    assert kpi.mean == 58.89 and kpi.grade == "不合格"
    assert kpi.to_json() == EXPECTED_JSON
    decisions = {d.no: d for d in K.ticket_decisions(db, "2026-10", today="2026-12-31 00:00:00")}
    assert sorted(decisions) == ["YX2610001", "YX2610002", "YX2610003", "YX2610004", "YX2610005", "YX2610006"]
    # exactly at the 48 h limit is on time; level 4 is judged by its remote completion
    assert decisions["YX2610001"].on_time and "≤" in decisions["YX2610001"].on_time_why
    assert decisions["YX2610004"].on_time and decisions["YX2610004"].on_time_why.startswith("四级远程")
    # missing arrival: late, and why says so
    assert not decisions["YX2610003"].on_time and "无到场时间" in decisions["YX2610003"].on_time_why
    # repeat across the month boundary: T7 reported in November spoils T6
    assert not decisions["YX2610006"].successful
    assert decisions["YX2610006"].next_no == "YX2611001" and "YX2611001" in decisions["YX2610006"].success_why
    assert decisions["YX2610002"].next_no == "YX2610006"
    assert decisions["YX2610003"].successful and decisions["YX2610001"].successful
    assert not decisions["YX2610005"].successful and "无维修结果" in decisions["YX2610005"].success_why
    assert decisions["YX2610002"].technicians == "张伟、李强"      # leader first
    assert len(decisions["YX2610002"].technician_ids) == 2 and ids["T2"] == decisions["YX2610002"].id


def test_repeat_reported_next_month_changes_a_month_already_computed(db):
    """Before T7 exists T6 counts as successful (4 of 6); T7 turns it (3 of 6)."""
    build_october(db)
    db.execute("DELETE FROM tickets WHERE no = 'YX2611001'")
    assert K.month_kpi(db, "2026-10", detail=False).successful == 4
    f.ticket(db, customer_id=db.execute("SELECT customer_id FROM tickets WHERE no = 'YX2610006'").fetchone()[0],
             equipment_id=db.execute("SELECT equipment_id FROM tickets WHERE no = 'YX2610006'").fetchone()[0],
             no="YX2611001", status="open", reported_at="2026-11-05 09:00:00")
    assert K.month_kpi(db, "2026-10", detail=False).successful == 3


def test_zero_denominators_are_none_never_zero_or_hundred(db):
    f.technician(db, "张伟")
    kpi = K.month_kpi(db, "2026-03")
    data = kpi.to_json()
    assert (data["repairs"], data["calls_reached"], data["parts_counted"]) == (0, 0, 0)
    for key in ("on_time_rate", "success_rate", "satisfaction", "stock_accuracy", "grade"):
        assert data[key] is None
    assert data["technicians"] == [{"name": "张伟", "repairs": 0, "on_time_rate": None, "success_rate": None,
                                    "satisfaction": None, "grade": None}]
    assert K.Rate(0, 0).text == "—" and K.Rate(0, 3).percent == 0.0 and K.Rate(3, 3).percent == 100.0


def test_grade_thresholds():
    s = {"kpi.grade.excellent": 95, "kpi.grade.good": 90, "kpi.grade.pass": 80}
    assert K.grade_for([K.Rate(95, 100)], s) == "优秀"
    assert K.grade_for([K.Rate(9499, 10000)], s) == "良好"
    assert K.grade_for([K.Rate(90, 100)], s) == "良好"
    assert K.grade_for([K.Rate(80, 100)], s) == "合格"
    assert K.grade_for([K.Rate(7999, 10000)], s) == "不合格"
    assert K.grade_for([K.Rate(0, 0)], s) is None
    # mean of the rates that exist: (100 + 80) / 2 = 90 -> 良好 (the missing one is ignored)
    assert K.grade_for([K.Rate(1, 1), K.Rate(0, 0), K.Rate(4, 5)], s) == "良好"


def _stock(db, rows, count_date="2026-10-31", status="completed"):
    """Parts and one stock count inserted as the parts schema defines them."""
    stamp = "2026-10-31 17:00:00"
    cid = db.execute("INSERT INTO stock_counts (count_date, status, started_at, completed_at) VALUES (?, ?, ?, ?)",
                     [count_date, status, stamp, stamp]).lastrowid
    for code, book, counted in rows:
        pid = db.execute("SELECT id FROM parts WHERE code = ?", [code]).fetchone()
        if pid is None:
            pid = [db.execute("INSERT INTO parts (code, name, balance, created_at, updated_at) "
                              "VALUES (?, ?, ?, ?, ?)", [code, f"配件{code}", book, stamp, stamp]).lastrowid]
        db.execute("INSERT INTO stock_count_lines (count_id, part_id, book_qty, counted_qty) VALUES (?, ?, ?, ?)",
                   [cid, pid[0], book, counted])
    return cid


def test_stock_accuracy_and_unposted_count_in_check(db):
    # P1 5/5 ✓, P2 3/2 ✗, P3 0/0 ✓, P4 10/10 ✓, P5 not counted (left out) -> 3 of 4 = 75 %
    cid = _stock(db, [("P1", 5, 5), ("P2", 3, 2), ("P3", 0, 0), ("P4", 10, 10), ("P5", 1, None)])
    _stock(db, [("P1", 5, 4)], count_date="2026-09-30", status="posted")   # another month
    kpi = K.month_kpi(db, "2026-10")
    assert (kpi.parts_matching, kpi.parts_counted, kpi.stock_accuracy.percent) == (3, 4, 75.0)
    # only rate there is 75 % -> 不合格
    assert kpi.grade == "不合格"
    lines = K.count_lines(db, "2026-10")
    assert [(ln.part_code, ln.matches) for ln in lines] == [("P1", True), ("P2", False), ("P3", True),
                                                             ("P4", True)]
    checks = [c for c in K.export_check(db, "2026-10") if c.problem == "count_not_posted"]
    assert [(c.kind, c.key) for c in checks] == [("stock_count", cid)]


def test_export_check_lists_missing_arrival_result_and_calls(db):
    ids = build_october(db)
    checks = K.export_check(db, "2026-10", now="2026-11-20 00:00:00")
    by_problem = {}
    for c in checks:
        by_problem.setdefault(c.problem, []).append(c)
    # T3 (level 3) has no arrival; T4 is level 4 (remote) and is not listed
    assert [(c.kind, c.key) for c in by_problem["no_arrival"]] == [("ticket", "YX2610003")]
    assert [(c.kind, c.key) for c in by_problem["no_result"]] == [("ticket", "YX2610005")]
    t3_first = _fid(db, ids["T3"], "service_first")
    assert ("followup", t3_first) in [(c.kind, c.key) for c in by_problem["call_not_made"]]
    # calls already made are not listed (T1's satisfaction call)
    assert ("followup", _fid(db, ids["T1"], "satisfaction")) not in [(c.kind, c.key) for c in checks]
    assert all(c.title for c in checks)


def test_month_close_hash_stored_and_change_flagged(db):
    ids = build_october(db)
    with pytest.raises(ValidationError):
        K.mark_month_sent(db, "2026-10", "not-a-hash", "林芳")
    sha = "ab" * 32
    record = K.mark_month_sent(db, "2026-10", sha, "林芳", file_name="售后服务月报_售后服务部_2026-10.xlsx")
    assert K.sent_record(db, "2026-10").workbook_sha256 == sha
    assert record.figures == EXPECTED_JSON
    assert K.sent_changes(db) == []
    assert K.sent_months_touched(db, "2026-10-15 10:00:00", "2026-11-02 10:00:00") == ["2026-10"]
    # A call of October entered late: 3 satisfied of 6 reached = 50 %
    _call(db, ids["T3"], "service_first", "2026-10-16 10:00:00", "一般")
    changes = K.sent_changes(db)
    assert [c.record.month for c in changes] == ["2026-10"]
    labels = {c.label: (c.sent, c.now) for c in changes[0].changes}
    assert labels["回访接通数"] == (5, 6)
    assert labels["客户满意度"] == ("60.00%", "50.00%")
    # T3 is 李强's: 0 of 2 -> 0 of 3 is still 0 %, so no change is reported for him
    assert "技术员 李强 客户满意度" not in labels
    # sending again after the correction clears the warning
    K.mark_month_sent(db, "2026-10", "cd" * 32, "林芳")
    assert K.sent_changes(db) == []


def test_months_parse_and_default_name():
    assert K.parse_month("2026/3") == "2026-03" and K.parse_month("2026年10月") == "2026-10"
    with pytest.raises(ValidationError):
        K.parse_month("2026-13")
    assert K.month_bounds("2026-12") == ("2026-12-01 00:00:00", "2027-01-01 00:00:00")
    assert K.shift_month("2026-01", -1) == "2025-12"
    assert K.default_workbook_name("华东 服务部/杭州", "2026-10") == "售后服务月报_华东服务部杭州_2026-10.xlsx"


def test_cli_json_prints_exactly_the_figures(db, db_path):
    build_october(db)
    code, out, err = run_cli("kpi", "2026-10", "--db", str(db_path), "--json")
    assert code == 0, err
    assert json.loads(out) == EXPECTED_JSON
    assert list(json.loads(out)) == ["month", "repairs", "on_time", "on_time_rate", "successful", "success_rate",
                                     "calls_reached", "satisfied", "satisfaction", "parts_counted",
                                     "parts_matching", "stock_accuracy", "grade", "technicians", "dealers"]
    code, _out, err = run_cli("kpi", "2026-13", "--db", str(db_path), "--json")
    assert code == 1 and "month" in err


def test_cli_workbook_default_name_and_mark_sent(db, db_path, tmp_path):
    build_october(db)
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, err = run_cli("kpi", "2026-10", "--db", str(db_path), "--out", str(folder), "--mark-sent",
                             "--who", "林芳")
    assert code == 0, err
    path = folder / "售后服务月报_售后服务部_2026-10.xlsx"
    assert path.exists()
    assert "完工无到场时间" in err and "YX2610003" in err          # the check, as warnings
    record = K.sent_record(db, "2026-10")
    assert record.workbook_sha256 == K.file_sha256(path) and record.sent_by == "林芳"
    assert record.file_name == path.name and record.figures == EXPECTED_JSON


def test_dealer_fee_worked_by_hand(db, db_path, tmp_path):
    """Year 2026, warranty 12 months (setting) from acceptance, else purchase.

    浙江恒力机械:
      ua acceptance 2025-03-01 -> ends 2026-02-28 (in 2026), never served      -> counted
      ub purchase 2025-06-15 -> ends 2026-06-14; repair done 2026-01-10       -> counted, served
         (a repair in 2025 would not count: the fee year only, see test_dealer_fee.py)
      uc acceptance 2026-03-01 -> ends 2027-02-28 (not this year)             -> not counted
      ud 6 months from 2025-12-20 -> ends 2026-06-19; only an inspection in
         warranty and a repair after it ended (2026-07-01)                    -> counted, not served
      units out 3, served 1 -> billable 2
      calls 2026: ua repair closed 04-02 (satisfaction 非常满意, first 满意,
      second 一般) + uc technical service closed 05-01 (满意) -> 3 of 4 = 75 %
      fee = 2 x 1000.00 x 0.75 = 1500.00
    杭州华建设备: ue acceptance 2025-07-01 -> ends 2026-06-30, no calls -> fee "—" (None)
    """
    from servicedesk.models.kpi.dealer_fee import dealer_fee

    c = f.customer(db, "杭州建工集团有限公司", dealer="浙江恒力机械")
    ua = f.equipment(db, c, acceptance_date="2025-03-01", purchase_date="2025-02-01")
    ub = f.equipment(db, c, purchase_date="2025-06-15")
    uc = f.equipment(db, c, acceptance_date="2026-03-01", purchase_date="2026-02-01")
    ud = f.equipment(db, c, acceptance_date="2025-12-20", purchase_date="2025-12-01", warranty_months=6)
    c2 = f.customer(db, "宁波城建有限公司", "13912345678")
    f.equipment(db, c2, acceptance_date="2025-07-01", purchase_date="2025-06-01", dealer="杭州华建设备")
    f.ticket(db, customer_id=c, equipment_id=ub, reported_at="2026-01-09 09:00:00",
             completed_at="2026-01-10 10:00:00", result="done")
    f.ticket(db, customer_id=c, equipment_id=ud, type="inspection", fault_level=None,
             reported_at="2026-03-01 09:00:00", completed_at="2026-03-01 12:00:00", result="done")
    f.ticket(db, customer_id=c, equipment_id=ud, reported_at="2026-06-30 09:00:00",
             completed_at="2026-07-01 10:00:00", result="done")
    ta = f.ticket(db, customer_id=c, equipment_id=ua, reported_at="2026-03-31 09:00:00",
                  completed_at="2026-04-01 10:00:00", closed_at="2026-04-02 09:00:00", result="done")
    tc = f.ticket(db, customer_id=c, equipment_id=uc, type="technical_service", fault_level=None,
                  reported_at="2026-04-30 09:00:00", completed_at="2026-05-01 10:00:00",
                  closed_at="2026-05-01 12:00:00", result="done")
    for t in (ta, tc):
        F.schedule_for_ticket(db, t)
    _call(db, ta, "satisfaction", "2026-04-02 10:00:00", "非常满意")
    _call(db, ta, "service_first", "2026-04-05 10:00:00", "满意")
    _call(db, ta, "service_second", "2026-04-12 10:00:00", "一般")
    _call(db, tc, "satisfaction", "2026-05-01 15:00:00", "满意")
    report = dealer_fee(db, 2026)
    fees = {d.dealer: d for d in report.dealers}
    heng = fees["浙江恒力机械"]
    assert (heng.units_out, heng.units_served, heng.billable) == (3, 1, 2)
    assert (heng.calls_reached, heng.satisfied, heng.fee_fen) == (4, 3, 1500_00)
    assert {u.equipment_id for u in report.units if u.dealer == "浙江恒力机械"} == {ua, ub, ud}
    hua = fees["杭州华建设备"]
    assert (hua.units_out, hua.units_served, hua.fee_fen, hua.satisfaction.percent) == (1, 0, None, None)
    assert report.total_fen == 1500_00
    code, out, err = run_cli("dealer-fee", "2026", "--db", str(db_path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["total_yuan"] == "1500.00"
    assert [(d["name"], d["fee_yuan"]) for d in data["dealers"]] == [("杭州华建设备", None),
                                                                     ("浙江恒力机械", "1500.00")]
    code, out, err = run_cli("dealer-fee", "2026", "--db", str(db_path), "--out", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "经销商服务费_售后服务部_2026.xlsx").exists()


def test_counting_path_for_the_trend_agrees_with_the_lines(db):
    """The trend and dashboard count without building lines; same October figures."""
    build_october(db)
    full, light = K.month_kpi(db, "2026-10"), K.month_kpi(db, "2026-10", detail=False)
    fields = ("repairs", "on_time", "successful", "calls_reached", "satisfied", "grade")
    assert [getattr(light, f) for f in fields] == [getattr(full, f) for f in fields] == [6, 4, 3, 5, 3, "不合格"]
    trend = K.kpi_trend(db, "2026-11")
    assert [m.month for m in trend][-2:] == ["2026-10", "2026-11"] and trend[-2].repairs == 6
    # November: X4 (completed 11-01 00:00) and K5 (11-01 00:00)
    assert (trend[-1].repairs, trend[-1].calls_reached) == (1, 1)


def test_export_check_calls_not_yet_due_are_a_note_not_a_problem(db):
    # Today is 2026-11-25 10:00. Two pending calls of November, both windows open:
    #   A due 2026-11-24 23:59:59 -> past its due time -> problem "本月应回访未回访"
    #   B due 2026-11-29 23:59:59 -> still 4 days to go -> only a "still due" note
    c = f.customer(db, "杭州建工集团有限公司", "13812345678")
    e = f.equipment(db, c)
    t = f.technician(db, "张伟")
    tid = f.ticket(db, customer_id=c, equipment_id=e, no="YX2611001", fault_level=2,
                   reported_at="2026-11-18 09:00:00", arrived_at="2026-11-18 12:00:00",
                   completed_at="2026-11-18 15:00:00", result="done", closed_at="2026-11-18 18:00:00",
                   team=(t,))
    F.schedule_for_ticket(db, tid)
    a, b = _fid(db, tid, "satisfaction"), _fid(db, tid, "service_first")
    db.execute("UPDATE followups SET due_from = '2026-11-18 00:00:00', due_at = '2026-11-24 23:59:59' WHERE id = ?", [a])
    db.execute("UPDATE followups SET due_from = '2026-11-19 00:00:00', due_at = '2026-11-29 23:59:59' WHERE id = ?", [b])
    db.conn.commit()
    now = "2026-11-25 10:00:00"
    problems = [(c.problem, c.key) for c in K.export_check(db, "2026-11", now=now) if c.kind == "followup"]
    assert problems == [("call_not_made", a)]
    notes = K.calls_still_due(db, "2026-11", now=now)
    assert [(n.problem, n.key) for n in notes] == [("call_still_due", b)]
    assert "不计为问题" in notes[0].title
    # once B's due time has passed it becomes a problem too
    later = [c.key for c in K.export_check(db, "2026-11", now="2026-11-30 00:00:00") if c.problem == "call_not_made"]
    assert later == [a, b]


def test_a_reopened_tickets_earlier_satisfaction_call_stops_counting_once_a_newer_call_exists(db, tmp_path):
    """Issue 16. October: closed, called, 不满意. The ticket is reopened and completed
    again on 5 November; until a new call is made the October call still counts.
    The new call (imported: it goes to the ticket's first open call) counts in
    November, and October's earlier call no longer does."""
    from servicedesk.models.core.importing import run_import
    from servicedesk.models.followups.sheets import FOLLOWUPS_SHEET
    from servicedesk.reports.sheets import read_rows, write_rows

    c = f.customer(db, "杭州建工集团有限公司", "13812345678")
    e = f.equipment(db, c)
    t = f.ticket(db, customer_id=c, equipment_id=e, no="YX2610001", status="closed",
                 completed_at="2026-10-01 14:00:00", closed_at="2026-10-01 18:00:00", result="done")
    F.schedule_for_ticket(db, t)
    _call(db, t, "satisfaction", "2026-10-02 09:00:00", "不满意")
    assert (K.month_kpi(db, "2026-10").calls_reached, K.month_kpi(db, "2026-10").satisfied) == (1, 0)
    # reopened and completed again (the state reopen → visit → close leaves)
    db.execute("UPDATE tickets SET completed_at = '2026-11-05 10:00:00', closed_at = '2026-11-05 18:00:00' "
               "WHERE id = ?", [t])
    assert K.month_kpi(db, "2026-10").calls_reached == 1          # no newer call yet: it still counts
    sheet = tmp_path / "calls.xlsx"
    write_rows(FOLLOWUPS_SHEET.spec, [{"ticket_no": "YX2610001", "called_at": "2026-11-06 10:00",
                                       "reached": "是", "satisfaction": "满意"}], sheet)
    spec = FOLLOWUPS_SHEET.spec
    assert run_import(db, spec, read_rows(spec, sheet), FOLLOWUPS_SHEET.import_row).ok
    october, november = K.month_kpi(db, "2026-10"), K.month_kpi(db, "2026-11")
    assert (october.calls_reached, october.satisfied, october.satisfaction.value) == (0, 0, None)
    assert (november.calls_reached, november.satisfied) == (1, 1)
    assert [line.ticket_no for line in K.reached_calls(db, "2026-10")] == []
    assert [line.ticket_no for line in K.reached_calls(db, "2026-11")] == ["YX2610001"]


def test_closing_a_reopened_ticket_again_plans_a_new_call_once(db):
    c = f.customer(db, "杭州建工集团有限公司", "13812345678")
    t = f.ticket(db, customer_id=c, equipment_id=f.equipment(db, c), no="YX2610002", status="closed",
                 completed_at="2026-10-01 14:00:00", closed_at="2026-10-01 18:00:00", result="done")
    F.schedule_for_ticket(db, t)
    _call(db, t, "satisfaction", "2026-10-02 09:00:00", "不满意")
    db.execute("UPDATE tickets SET completed_at = '2026-11-05 10:00:00', closed_at = '2026-11-05 18:00:00' "
               "WHERE id = ?", [t])
    F.schedule_for_ticket(db, t)
    F.schedule_for_ticket(db, t)                      # idempotent: still one new call
    extra = list(db.query("SELECT due_from, status FROM followups WHERE ticket_id = ? AND kind = 'extra'", [t]))
    assert extra == [{"due_from": "2026-11-05 18:00:00", "status": "pending"}]
