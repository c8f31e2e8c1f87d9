"""Head office's roll-up (models/kpi/rollup.py) of three branches made with
the program itself, each its own data file with its own office settings.

October 2026 (limits: level 2 on site within 48 h):
  杭州分公司 HZ: the October of tests/models/test_kpi.py — repairs 6, on time 4,
    successful 3; calls reached 5, satisfied 3; no stock count (0/0).
    Rates 66.67 / 50 / 60 / —, mean 58.89 -> 不合格.
    Dealers 杭州华建设备 0/2, 浙江恒力机械 2/2, 温州鼎盛机械 0/0.
  宁波分公司 NB: four level-2 repairs, all on site after 24 h (on time), three
    done and one not done -> on time 4/4, successful 3/4; a satisfaction call
    on three of them, all 满意/非常满意 -> 3/3; count of four parts (book 10
    each), one counted 9 -> 3/4. Customers of 浙江恒力机械.
    Rates 100 / 75 / 100 / 75, mean 87.5 -> 合格.
  温州分公司 WZ (the zero denominator): no repair completed in October (its one
    repair was completed in September); two October calls about it, 满意 and
    一般 -> 1/2; count of two parts, both right -> 2/2. Customer of 温州鼎盛机械.
    Rates — / — / 50 / 100, mean 75 -> 不合格.

Company = sums of numerators over sums of denominators:
  on time 4+4+0 = 8 / repairs 6+4+0 = 10 -> 80.00 %
      (averaging the branches' percentages would give (66.67+100)/2 = 83.33: wrong)
  successful 3+3+0 = 6 / 10 -> 60.00 %
  satisfied 3+3+1 = 7 / calls 5+3+2 = 10 -> 70.00 %
  matching 0+3+2 = 5 / counted 0+4+2 = 6 -> 83.33 %
  mean (80 + 60 + 70 + 83.33…)/4 = 73.33 % -> 不合格
Ranking by the mean of each branch's rates: NB 87.5 (1), WZ 75 (2), HZ 58.89 (3).
Dealers over the branches: 浙江恒力机械 2/2 + 3/3 = 5/5 100 %; 温州鼎盛机械 0/0 (HZ) +
  1/2 (WZ) = 1/2 50 %; 杭州华建设备 0/2 0 %.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from servicedesk.models.core.db import open_db
from servicedesk.models.core.settings import set_setting
from servicedesk.models.followups import calls as F
from servicedesk.models.kpi import checksum as C
from servicedesk.models.kpi import month as K
from servicedesk.models.kpi.rollup import (
    BranchInput, RollupRefused, SourceFile, company_figures, roll_up,
)
from servicedesk.models.parts import ledger as P
from servicedesk.models.parts import stockcount as S
from tests import factories as f
from tests.models.test_kpi import _call, build_october

OFFICES = {"hz": ("杭州分公司", "HZ"), "nb": ("宁波分公司", "NB"), "wz": ("温州分公司", "WZ")}


def _office(db, key: str) -> None:
    name, code = OFFICES[key]
    set_setting(db, "office.name", name)
    set_setting(db, "office.department_code", code)


def _count(db, parts: list[tuple[str, int, int]], day: str) -> None:
    """Parts (code, book, counted) received on 09-01 and counted on `day`, completed."""
    for code, book, _counted in parts:
        P.add_part(db, P.PartInput(code=code, name=f"配件{code}", unit="个", location="A-01"))
        P.receive(db, code, book, at="2026-09-01 08:00")
    count = S.start_count(db, day, who="内勤")
    for code, _book, counted in parts:
        S.set_counted(db, count.id, code, counted)
    S.complete_count(db, count.id, who="内勤")


def build_hz(db) -> None:
    _office(db, "hz")
    build_october(db)


def build_nb(db) -> None:
    _office(db, "nb")
    c = f.customer(db, "宁波港建设有限公司", "13912340000", dealer="浙江恒力机械")
    tech = f.technician(db, "陈明")
    for i, result in enumerate(("done", "done", "done", "not_done"), start=1):
        e = f.equipment(db, c)
        tid = f.ticket(db, customer_id=c, equipment_id=e, no=f"NB26100{i}", fault_level=2,
                       reported_at=f"2026-10-0{i} 09:00:00", arrived_at=f"2026-10-0{i + 1} 09:00:00",
                       completed_at=f"2026-10-0{i + 1} 15:00:00", result=result,
                       closed_at=f"2026-10-0{i + 1} 18:00:00", team=(tech,))
        F.schedule_for_ticket(db, tid)
        if i <= 3:
            _call(db, tid, "satisfaction", f"2026-10-1{i} 10:00:00", "非常满意" if i == 1 else "满意")
    _count(db, [("N-1", 10, 10), ("N-2", 10, 10), ("N-3", 10, 10), ("N-4", 10, 9)], "2026-10-15")


def build_wz(db, *, second_call: str = "一般") -> None:
    _office(db, "wz")
    c = f.customer(db, "温州港务有限公司", "13712340000", dealer="温州鼎盛机械")
    tech = f.technician(db, "周强")
    e = f.equipment(db, c)
    tid = f.ticket(db, customer_id=c, equipment_id=e, no="WZ2609001", fault_level=2,
                   reported_at="2026-09-20 09:00:00", arrived_at="2026-09-21 09:00:00",
                   completed_at="2026-09-21 15:00:00", result="done", closed_at="2026-09-21 18:00:00", team=(tech,))
    F.schedule_for_ticket(db, tid)
    _call(db, tid, "satisfaction", "2026-10-02 10:00:00", "满意")
    _call(db, tid, "service_first", "2026-10-05 10:00:00", second_call)
    _count(db, [("W-1", 5, 5), ("W-2", 5, 5)], "2026-10-20")


BUILDERS = {"hz": build_hz, "nb": build_nb, "wz": build_wz}


def branch_db(folder, key: str):
    """A branch's own data file in `folder`, built with the program's model functions."""
    folder.mkdir(parents=True, exist_ok=True)
    db = open_db(folder / f"{key}.sqlite3")
    BUILDERS[key](db)
    return db


def branch_input(db, month: str = "2026-10", *, explicit: bool = True) -> BranchInput:
    """What head office reads from the branch's workbook (here straight from its data)."""
    report = K.kpi_report(db, month, now="2026-11-20 09:00:00")
    fig = C.report_figures(report)
    source = SourceFile(f"/in/{fig.office}_{month}.xlsx", f"{fig.office}_{month}.xlsx", "0" * 64,
                        C.figures_checksum(fig), "2026-11-21 10:00:00", explicit)
    return BranchInput(source, fig)


@pytest.fixture
def branches(tmp_path):
    dbs = {key: branch_db(tmp_path, key) for key in ("hz", "nb", "wz")}
    yield {key: branch_input(db) for key, db in dbs.items()}
    for db in dbs.values():
        db.close()


def test_each_branch_figures_as_worked_by_hand(branches):
    counts = {key: (b.figures.kpi.repairs, b.figures.kpi.on_time, b.figures.kpi.successful,
                    b.figures.kpi.calls_reached, b.figures.kpi.satisfied, b.figures.kpi.parts_counted,
                    b.figures.kpi.parts_matching, b.figures.kpi.grade) for key, b in branches.items()}
    assert counts == {"hz": (6, 4, 3, 5, 3, 0, 0, "不合格"), "nb": (4, 4, 3, 3, 3, 4, 3, "合格"),
                      "wz": (0, 0, 0, 2, 1, 2, 2, "不合格")}
    assert branches["nb"].figures.stamp.department_code == "NB"


def test_company_recomputed_from_sums_never_averaged(branches):
    rollup = roll_up(list(branches.values()))
    k = rollup.company
    assert (k.repairs, k.on_time, k.successful, k.calls_reached, k.satisfied, k.parts_counted,
            k.parts_matching) == (10, 8, 6, 10, 7, 6, 5)
    assert k.on_time_rate.percent == 80.0          # not (66.67 + 100) / 2 = 83.33
    assert k.success_rate.percent == 60.0
    assert k.satisfaction.percent == 70.0
    assert k.stock_accuracy.percent == 83.33
    assert k.mean == 73.33 and k.grade == "不合格"
    assert [(b.office, b.rank, b.kpi.grade) for b in rollup.branches] == [
        ("宁波分公司", 1, "合格"), ("温州分公司", 2, "不合格"), ("杭州分公司", 3, "不合格")]
    wz = rollup.branches[1]
    assert wz.kpi.on_time_rate.percent is None and wz.kpi.success_rate.text == "—"
    dealers = {d.name: (d.offices, d.calls_reached, d.satisfied, d.satisfaction.percent) for d in rollup.dealers}
    assert dealers == {"浙江恒力机械": (("宁波分公司", "杭州分公司"), 5, 5, 100.0),
                       "温州鼎盛机械": (("杭州分公司", "温州分公司"), 2, 1, 50.0),
                       "杭州华建设备": (("杭州分公司",), 2, 0, 0.0)}
    techs = [(t.office, t.technician.name, t.technician.grade) for t in rollup.technicians]
    assert len(techs) == 6 and ("温州分公司", "周强", "不合格") in techs   # 1/2 satisfied only: 50 %
    assert ("宁波分公司", "陈明", "良好") in techs                          # 100, 75, 100: mean 91.67 -> 良好
    assert len(rollup.trend) == 1 and rollup.trend[0].offices == 3


def test_json_shape_and_rounding(branches):
    data = roll_up(list(branches.values())).to_json()
    assert list(data) == ["month", "offices", "repairs", "on_time", "on_time_rate", "successful", "success_rate",
                          "calls_reached", "satisfied", "satisfaction", "parts_counted", "parts_matching",
                          "stock_accuracy", "grade", "branches"]
    assert data["month"] == "2026-10" and data["offices"] == 3 and data["stock_accuracy"] == 83.33
    assert data["branches"][1] == {"office": "温州分公司", "repairs": 0, "on_time_rate": None, "success_rate": None,
                                   "satisfaction": 50.0, "stock_accuracy": 100.0, "grade": "不合格"}
    assert data["branches"][2]["on_time_rate"] == 66.67   # 4/6, half up as kpi --json


def test_head_office_thresholds_grade_every_branch_alike(branches):
    """With 'pass' at 70 the company's 73.33 % and WZ's 75 % pass; HZ's 58.89 % does not."""
    rollup = roll_up(list(branches.values()), {"kpi.grade.pass": 70})
    assert rollup.company.grade == "合格"
    assert {b.office: b.kpi.grade for b in rollup.branches}["温州分公司"] == "合格"
    assert {b.office: b.branch_grade for b in rollup.branches}["温州分公司"] == "不合格"   # as the branch wrote


def test_duplicate_office_refused(branches, tmp_path):
    again = branch_input(branch_db(tmp_path / "copy", "nb"))
    with pytest.raises(RollupRefused) as info:
        roll_up([*branches.values(), again])
    assert len(info.value.problems) == 1
    assert "a second workbook of 宁波分公司 for 2026-10" in info.value.problems[0]


def test_mixed_months_refused_when_named(branches, tmp_path):
    september = branch_input(branch_db(tmp_path / "sep", "wz"), "2026-09")
    with pytest.raises(RollupRefused) as info:
        roll_up([branches["hz"], branches["nb"], september])
    assert info.value.problems == ["温州分公司_2026-09.xlsx: its month is 2026-09, the other workbooks are of 2026-10"]


def test_earlier_months_in_a_folder_make_the_trend(branches, tmp_path):
    """Found in a folder (not named one by one), September feeds the trend:
    WZ's September: one repair, on site after 24 h and done -> company 1/1 on time."""
    folder = [BranchInput(replace(b.source, explicit=False), b.figures) for b in branches.values()]
    sep_wz = branch_input(branch_db(tmp_path / "sep", "wz"), "2026-09", explicit=False)
    rollup = roll_up([*folder, sep_wz])
    assert rollup.month == "2026-10"
    assert [(t.month, t.offices, t.kpi.repairs, t.kpi.on_time_rate.percent) for t in rollup.trend] == [
        ("2026-09", 1, 1, 100.0), ("2026-10", 3, 10, 80.0)]
    assert rollup.sources[-1] is sep_wz and len(rollup.branches) == 3


def test_ties_share_a_rank_and_a_branch_without_rates_is_unranked():
    def branch(office, repairs, on_time):
        kpi = K.MonthKpi("2026-10", office, repairs, on_time, on_time, 0, 0, 0, 0, None)
        fig = C.BranchFigures(C.WorkbookStamp(office, "", "2026-10"), kpi)
        return BranchInput(SourceFile(office, office, "", "", ""), fig)

    rollup = roll_up([branch("甲", 2, 1), branch("乙", 4, 2), branch("丙", 0, 0), branch("丁", 1, 1)])
    assert [(b.office, b.rank) for b in rollup.branches] == [("丁", 1), ("乙", 2), ("甲", 2), ("丙", None)]
    assert company_figures("2026-10", [], {}).grade is None


def test_checksum_changes_with_any_figure_and_not_with_row_order(branches):
    fig = branches["hz"].figures
    base = C.figures_checksum(fig)
    fig.kpi.technicians.reverse()
    assert C.figures_checksum(fig) == base
    fig.kpi.technicians[0].satisfied += 1
    assert C.figures_checksum(fig) != base
    recorded = C.canonical_document(branches["nb"].figures)
    branches["nb"].figures.kpi.on_time -= 1
    assert C.differences(recorded, branches["nb"].figures) == ["汇总 维修及时率 分子 4 → 3"]


def test_month_close_keeps_the_workbook_checksum(tmp_path):
    db = branch_db(tmp_path, "nb")
    report = K.kpi_report(db, "2026-10")
    checksum = C.figures_checksum(C.report_figures(report))
    record = K.mark_month_sent(db, "2026-10", "a" * 64, "林芳")          # recomputed from the data
    assert record.figures_sha256 == checksum == K.sent_record(db, "2026-10").figures_sha256
    assert K.mark_month_sent(db, "2026-10", "b" * 64, "林芳", figures_sha256="C" * 64).figures_sha256 == "c" * 64
    assert K.sent_months(db)[0].figures_sha256 == "c" * 64
    db.close()
