"""Command line of the foundation: search, template, check, demo, exit codes."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import open_db
from servicedesk.models.core.importing import Column, SheetSpec
from servicedesk.reports.sheets import write_template
from tests import factories as F
from tests.conftest import run_cli


def _archive(db_path):
    db = open_db(db_path)
    hz = F.customer(db, name="杭州建工集团有限公司", phone="13812345678", contact="王立新")
    F.equipment(db, hz, model="QTZ80", serial_no="T2509-0101")
    F.equipment(db, hz, model="SC200/200", serial_no="S2501-0007")
    F.customer(db, name="张三", phone="0571-88886666")
    db.close()


def test_search_json_is_one_object(db_path):
    _archive(db_path)
    code, out, err = run_cli("search", "t2509", "--db", str(db_path), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)   # the whole of stdout is one JSON object
    assert data["query"] == "t2509"
    assert [c["name"] for c in data["customers"]] == ["杭州建工集团有限公司"]
    assert [(e["model"], e["serial_no"], e["customer"]) for e in data["equipment"]] == \
        [("QTZ80", "T2509-0101", "杭州建工集团有限公司")]


def test_search_two_characters_and_phone_part(db_path):
    _archive(db_path)
    code, out, _ = run_cli("search", "张三", "--db", str(db_path), "--json")
    assert code == 0 and [c["phone"] for c in json.loads(out)["customers"]] == ["0571-88886666"]
    code, out, _ = run_cli("search", "8888", "--db", str(db_path))
    assert code == 0 and out.startswith("张三\t")
    code, out, _ = run_cli("search", "无此人", "--db", str(db_path), "--json")
    assert code == 0 and json.loads(out) == {"query": "无此人", "total": 0, "truncated": False,
                                             "customers": [], "equipment": []}
    code, out, _ = run_cli("search", "无此人", "--db", str(db_path))
    assert out.strip() == "No matches."


def test_search_says_when_the_limit_cut_the_list(db_path):
    db = open_db(db_path)
    for i in range(5):
        F.customer(db, name=f"建工{i}号", phone=f"1380000000{i}")
    db.close()
    code, out, err = run_cli("search", "建工", "--db", str(db_path), "--json", "--limit", "3")
    data = json.loads(out)
    assert (code, err) == (0, "")
    assert (data["total"], data["truncated"], len(data["customers"])) == (5, True, 3)
    code, out, _ = run_cli("search", "建工", "--db", str(db_path), "--json", "--limit", "5")
    data = json.loads(out)
    assert (data["total"], data["truncated"], len(data["customers"])) == (5, False, 5)
    code, out, _ = run_cli("search", "建工", "--db", str(db_path), "--limit", "3")
    lines = out.strip().splitlines()
    assert len(lines) == 4 and lines[-1].startswith("… 2 more (showing 3 of 5")


def test_search_finds_serials_with_a_dash(db_path):
    db = open_db(db_path)
    hz = F.customer(db, name="杭州建工集团有限公司", phone="13812345678")
    F.equipment(db, hz, model="QTZ80", serial_no="T2501-0001")
    zs = F.customer(db, name="张三", phone="0571-88886666")
    F.equipment(db, zs, model="QTZ63", serial_no="2023-0456")
    db.close()
    code, out, _ = run_cli("search", "2501-0001", "--db", str(db_path), "--json")
    assert [e["serial_no"] for e in json.loads(out)["equipment"]] == ["T2501-0001"]
    code, out, _ = run_cli("search", "2023-0456", "--db", str(db_path), "--json")
    assert [e["serial_no"] for e in json.loads(out)["equipment"]] == ["2023-0456"]
    # a phone typed with dashes still finds the digits
    code, out, _ = run_cli("search", "0571-8888-6666", "--db", str(db_path), "--json")
    assert [c["name"] for c in json.loads(out)["customers"]] == ["张三"]


def test_search_on_a_missing_file_is_a_user_error(tmp_path):
    code, out, err = run_cli("search", "x", "--db", str(tmp_path / "none.sqlite3"))
    assert code == 1 and out == "" and "No data file" in err
    assert not (tmp_path / "none.sqlite3").exists()


def test_usage_error_exits_2(db_path):
    assert run_cli("search", "--db", str(db_path))[0] == 2
    assert run_cli("template", "widgets", "--out", "x.xlsx")[0] == 2


def test_templates_have_chinese_headers_notes_and_validation(tmp_path):
    out = tmp_path / "equipment.xlsx"
    code, text, err = run_cli("template", "equipment", "--out", str(out))
    assert code == 0 and out.exists()
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    assert ws.title == "设备档案"
    assert [c.value for c in ws[1]][:4] == ["用户姓名/单位", "联系电话", "型号", "机号"]
    assert ws.max_row == 1                                 # no example row to import by mistake
    notes = wb["说明"]
    rows = {r[1]: r for r in notes.iter_rows(min_row=2, values_only=True)}
    assert rows["serial_no"][0] == "机号" and "同一型号下唯一" in rows["serial_no"][3]
    assert rows["model"][2] == "是"                        # required
    kinds = {(dv.type, str(dv.sqref).split(":")[0]) for dv in ws.data_validations.dataValidation}
    assert ("whole", "E2") in kinds and ("date", "F2") in kinds   # 数量, 出厂日期
    code, _, _ = run_cli("template", "customers", "--out", str(tmp_path / "c.xlsx"))
    ws = load_workbook(tmp_path / "c.xlsx").worksheets[0]
    assert [c.value for c in ws[1]] == ["用户姓名/单位", "联系人", "职务", "联系电话", "备用电话", "地址",
                                        "区域", "经销商", "备注", "客户编号"]


def test_template_lists_fixed_choices(tmp_path):
    spec = SheetSpec("x", "示例", (Column("name", "名称", required=True),
                                   Column("kind", "类别", choices=("三包件", "客户购买件"))))
    ws = load_workbook(write_template(spec, tmp_path / "x.xlsx")).worksheets[0]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1 and lists[0].formula1 == '"三包件,客户购买件"'
    assert str(lists[0].sqref).startswith("B2")


def test_check_and_demo(tmp_path):
    demo = tmp_path / "demo.sqlite3"
    code, out, err = run_cli("demo", "--db", str(demo), "--years", "1")
    assert code == 0, err
    code, out, _ = run_cli("check", "--db", str(demo), "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    db = open_db(demo)
    assert C.count_customers(db) >= 60
    assert db.execute("SELECT count(*) FROM equipment").fetchone()[0] >= 60
    db.close()
    assert run_cli("demo", "--db", str(demo))[0] == 1       # refuses to overwrite without --force
