"""Branch workbooks written by the program, read back by head office's roll-up
(reports/rollup_workbook.py and `servicedesk rollup`).

The three October branches and the company figures are worked by hand in
tests/models/test_rollup.py: company on time 8/10 80 %, successful 6/10 60 %,
satisfied 7/10 70 %, stock 5/6 83.33 %, grade 不合格; ranks NB 1, WZ 2, HZ 3;
WZ has no repair (its on-time and success rates are "—").
"""

from __future__ import annotations

import json
import shutil

import pytest
from openpyxl import Workbook, load_workbook

from servicedesk.models.kpi import checksum as C
from servicedesk.models.kpi import month as K
from servicedesk.reports.kpi_workbook import write_kpi_workbook
from servicedesk.reports.rollup_workbook import read_branch_workbook, read_branches
from tests.conftest import run_cli
from tests.models.test_rollup import branch_db


def write_branch(db, folder, month="2026-10"):
    report = K.kpi_report(db, month, prepared_by="内勤", now="2026-11-20 09:00:00")
    return write_kpi_workbook(report, folder / K.default_workbook_name(report.kpi.office, month))


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The three branches' data files and their October workbooks (built once: slow-ish)."""
    root = tmp_path_factory.mktemp("branches")
    dbs = {key: branch_db(root / "data", key) for key in ("hz", "nb", "wz")}
    files = {key: write_branch(db, root / "oct") for key, db in dbs.items()}
    september = write_branch(dbs["wz"], root / "sep", "2026-09")
    yield {"root": root, "dbs": dbs, "files": files, "september": september}
    for db in dbs.values():
        db.close()


@pytest.fixture
def folder(made, tmp_path):
    """A fresh copy of the October workbooks (tests may edit them)."""
    out = tmp_path / "收件"
    out.mkdir()
    for path in made["files"].values():
        shutil.copy(path, out / path.name)
    return out


def test_monthly_workbook_carries_stamp_and_checksum(made):
    path = made["files"]["nb"]
    wb = load_workbook(path)
    ws = wb["汇总"]
    assert (ws["B2"].value, ws["D2"].value, ws["E2"].value, ws["F2"].value) == ("宁波分公司", "2026-10", "部门代码", "NB")
    assert ws["E3"].value == "程序版本" and ws["F3"].value
    check = wb["校验"]
    assert check.sheet_state == "hidden" and check["A1"].value == C.FORMAT_NAME
    labels = {check.cell(row=r, column=1).value: check.cell(row=r, column=2).value for r in range(2, 13)}
    text = labels["规范文本"]
    assert labels["校验值"] == C.text_checksum(text) and len(labels["校验值"]) == 64
    document = json.loads(text)
    assert document["figures"] == {"repairs": 4, "on_time": 4, "successful": 3, "calls_reached": 3, "satisfied": 3,
                                   "parts_counted": 4, "parts_matching": 3, "grade": "合格"}
    assert document["technicians"] == [{"name": "陈明", "repairs": 4, "on_time": 4, "successful": 3,
                                        "calls_reached": 3, "satisfied": 3, "grade": "良好"}]
    props = {p.name: p.value for p in wb.custom_doc_props}
    assert props["ServiceDesk.figures_sha256"] == labels["校验值"] and props["ServiceDesk.office"] == "宁波分公司"
    # the month close of the same data records the same checksum
    assert K.month_checksum(made["dbs"]["nb"], "2026-10") == labels["校验值"]
    branch = read_branch_workbook(path)
    assert branch.source.figures_sha256 == labels["校验值"] and branch.source.file_sha256 == K.file_sha256(path)
    assert branch.figures.stamp.department_code == "NB" and branch.figures.kpi.parts_matching == 3


def test_cli_rolls_up_a_folder(folder, tmp_path):
    out = tmp_path / "公司汇总.xlsx"
    code, stdout, stderr = run_cli("rollup", str(folder), "--out", str(out), "--json")
    assert code == 0, stderr
    data = json.loads(stdout)
    assert {k: data[k] for k in ("month", "offices", "repairs", "on_time", "on_time_rate", "success_rate",
                                 "satisfaction", "stock_accuracy", "grade")} == {
        "month": "2026-10", "offices": 3, "repairs": 10, "on_time": 8, "on_time_rate": 80.0, "success_rate": 60.0,
        "satisfaction": 70.0, "stock_accuracy": 83.33, "grade": "不合格"}
    assert [(b["office"], b["on_time_rate"]) for b in data["branches"]] == [
        ("宁波分公司", 100.0), ("温州分公司", None), ("杭州分公司", 66.67)]

    wb = load_workbook(out)
    assert wb.sheetnames[:6] == ["汇总", "分公司", "技术员", "经销商", "趋势", "来源"]
    summary = {r[0]: r for r in wb["汇总"].iter_rows(min_row=6, max_row=9, values_only=True)}
    assert summary["维修及时率"][1:4] == (8, 10, 0.8)
    assert summary["配件库存准确率"][1:3] == (5, 6) and summary["配件库存准确率"][3] == pytest.approx(5 / 6)
    assert wb["汇总"]["F10"].value == "不合格" and wb["汇总"]["D10"].value == pytest.approx(0.7333)
    branches = [r for r in wb["分公司"].iter_rows(min_row=2, values_only=True)]
    assert [(r[0], r[1], r[2]) for r in branches] == [(1, "宁波分公司", "NB"), (2, "温州分公司", "WZ"),
                                                      (3, "杭州分公司", "HZ"), (None, "公司合计", None)]
    wz = branches[1]
    assert wz[3] == 0 and wz[5] == "—" and wz[7] == "—" and wz[10] == 0.5      # zero denominators stay "—"
    assert branches[3][3:5] == (10, 8) and branches[3][5] == 0.8
    techs = [r[:3] for r in wb["技术员"].iter_rows(min_row=2, values_only=True)]
    assert len(techs) == 6 and ("温州分公司", "周强", 0) in techs and ("宁波分公司", "陈明", 4) in techs
    dealers = {r[0]: r for r in wb["经销商"].iter_rows(min_row=2, values_only=True)}
    assert dealers["浙江恒力机械"][1:5] == ("宁波分公司、杭州分公司", 5, 5, 1)
    assert dealers["温州鼎盛机械"][2:5] == (2, 1, 0.5)
    sources = [r for r in wb["来源"].iter_rows(min_row=2, values_only=True)]
    assert len(sources) == 3 and all(len(r[6]) == 64 and len(r[7]) == 64 for r in sources)
    assert wb["校验"].sheet_state == "hidden"
    # rolled up again with the company workbook inside the folder: it is skipped
    shutil.copy(out, folder / out.name)
    code, stdout, _err = run_cli("rollup", str(folder), "--json")
    assert code == 0 and json.loads(stdout)["offices"] == 3


def test_folder_with_several_months_gives_the_trend(folder, made, tmp_path):
    """WZ's September (one repair on time, done) beside the Octobers."""
    shutil.copy(made["september"], folder / made["september"].name)
    out = tmp_path / "c.xlsx"
    code, _out, err = run_cli("rollup", str(folder), "--out", str(out))
    assert code == 0, err
    ws = load_workbook(out)["趋势"]
    rows = [r[:4] for r in ws.iter_rows(min_row=2, max_row=3, values_only=True)]
    assert rows == [("2026-09", 1, 1, 1.0), ("2026-10", 3, 10, 0.8)]
    assert [type(c).__name__ for c in ws._charts] == ["LineChart"]
    uses = [r[5] for r in load_workbook(out)["来源"].iter_rows(min_row=2, values_only=True)]
    assert uses == ["本月汇总"] * 3 + ["趋势"]


def test_figure_edited_with_openpyxl_is_refused_and_nothing_written(folder, tmp_path):
    path = next(folder.glob("*宁波*"))
    wb = load_workbook(path)
    wb["汇总"]["B6"] = 3               # 维修及时率 numerator 4 -> 3, the rate left as it was
    wb.save(path)
    out = tmp_path / "c.xlsx"
    code, stdout, err = run_cli("rollup", str(folder), "--out", str(out))
    assert code == 1 and stdout == "" and not out.exists()
    assert "1 problem(s)" in err
    assert f"{path.name}: the figures do not match the workbook's checksum" in err
    assert "汇总 维修及时率 分子 4 → 3" in err


def test_rate_typed_over_and_checksum_record_edited_are_refused(folder):
    path = next(folder.glob("*杭州*"))
    wb = load_workbook(path)
    wb["技术员"]["D2"] = 0.95          # a technician's rate typed over: its counts still say otherwise
    wb.save(path)
    with pytest.raises(Exception) as info:
        read_branch_workbook(path)
    assert "95.00% ≠" in str(info.value)
    path = next(folder.glob("*温州*"))
    wb = load_workbook(path)
    row = next(r for r in range(1, 20) if wb["校验"].cell(row=r, column=1).value == "校验值")
    wb["校验"].cell(row=row, column=2, value="0" * 64)     # the checksum itself replaced
    wb.save(path)
    inputs, problems = read_branches([path])
    assert inputs == [] and "checksum record in sheet 校验 was changed" in problems[0].message


def test_duplicate_office_refused(folder, tmp_path):
    nb = next(folder.glob("*宁波*"))
    shutil.copy(nb, folder / "宁波再发一次.xlsx")
    code, _out, err = run_cli("rollup", str(folder), "--out", str(tmp_path / "c.xlsx"))
    assert code == 1 and not (tmp_path / "c.xlsx").exists()
    assert "a second workbook of 宁波分公司 for 2026-10" in err


def test_mixed_months_refused(folder, made, tmp_path):
    files = [str(p) for p in sorted(folder.glob("*.xlsx")) if "温州" not in p.name] + [str(made["september"])]
    code, _out, err = run_cli("rollup", *files, "--out", str(tmp_path / "c.xlsx"))
    assert code == 1 and not (tmp_path / "c.xlsx").exists()
    assert f"{made['september'].name}: its month is 2026-09, the other workbooks are of 2026-10" in err


def test_not_a_monthly_workbook_refused(folder, tmp_path):
    other = Workbook()
    other.active["A1"] = "经销商名单"
    other.save(folder / "名单.xlsx")
    (folder / "坏文件.xlsx").write_text("not a zip", encoding="utf-8")
    code, _out, err = run_cli("rollup", str(folder), "--out", str(tmp_path / "c.xlsx"))
    assert code == 1 and "2 problem(s)" in err
    assert "名单.xlsx: not a ServiceDesk monthly workbook" in err
    assert "坏文件.xlsx: not an Excel workbook (.xlsx) that can be read" in err
    code, _out, err = run_cli("rollup", str(tmp_path / "无此文件.xlsx"), "--json")
    assert code == 1 and "no such file or folder" in err
    assert run_cli("rollup", str(folder))[0] == 2     # neither --out nor --json: usage error


def test_kpi_mark_sent_records_the_workbook_checksum(made, tmp_path):
    db_path = made["root"] / "data" / "wz.sqlite3"
    code, out, err = run_cli("kpi", "2026-10", "--db", str(db_path), "--out", str(tmp_path / "w.xlsx"),
                             "--mark-sent", "--who", "林芳")
    assert code == 0, err
    stored = read_branch_workbook(tmp_path / "w.xlsx").source.figures_sha256
    assert f"Figures checksum (SHA-256) {stored}" in out
    assert K.sent_record(made["dbs"]["wz"], "2026-10").figures_sha256 == stored
