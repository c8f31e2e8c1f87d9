"""Customer and equipment import/export through the command line, with real
.xlsx files: all-or-nothing, one line per problem, --update, --dry-run,
Excel and text dates, Chinese or English headers, round trip."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import open_db
from tests import factories as F
from tests.conftest import run_cli

CUSTOMER_HEADER = ["用户姓名/单位", "联系人", "职务", "联系电话", "地址", "区域", "经销商", "备注"]
EQUIPMENT_KEYS = ["customer", "phone", "model", "serial_no", "quantity", "factory_date", "purchase_date",
                  "invoice_no", "delivery_date", "acceptance_date", "first_site", "project_name",
                  "project_no", "dealer", "warranty_months"]


def _sheet(path: Path, header: list[str], rows: list[list]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _snapshot(db) -> tuple[list, list]:
    customers = [tuple(r) for r in db.execute(
        "SELECT name, contact, title, phone, phone2, address, region, dealer, notes FROM customers ORDER BY id")]
    equipment = [tuple(r) for r in db.execute(
        "SELECT c.name, c.phone, e.model, e.serial_no, e.quantity, e.factory_date, e.purchase_date, "
        "e.delivery_date, e.acceptance_date, e.invoice_no, e.first_site, e.project_name, e.project_no, "
        "e.dealer, e.warranty_months, e.notes FROM equipment e JOIN customers c ON c.id = e.customer_id "
        "ORDER BY e.id")]
    return customers, equipment


@pytest.fixture
def office(db_path):
    """An archive file with two customers of the same name (told apart by phone)."""
    db = open_db(db_path)
    F.customer(db, name="杭州建工集团有限公司", phone="13812345678")
    F.customer(db, name="张三", phone="13800000001")
    F.customer(db, name="张三", phone="0571-88886666")
    yield db
    db.close()


def test_good_customer_file_with_chinese_headers(office, db_path, tmp_path):
    f = _sheet(tmp_path / "c.xlsx", CUSTOMER_HEADER, [
        ["宁波路桥工程有限公司", "李明", "项目经理", "+86 139 0000 1111", "浙江省宁波市鄞州区天童南路1号", "宁波",
         "宁波众成工程机械", None],
        ["王五", None, None, "０５７４－８７６５４３２１转８", None, None, None, "个人客户"],
        [None, None, None, None, None, None, None, None],   # blank row: skipped
    ])
    code, out, err = run_cli("import", "customers", str(f), "--db", str(db_path))
    assert (code, err) == (0, "")
    assert "imported 2 row(s): 2 new, 0 updated" in out
    assert C.find_customer(office, "宁波路桥工程有限公司").phone == "13900001111"
    assert C.find_customer(office, "王五").phone == "0574-87654321-8"


def test_good_equipment_file_with_english_keys_excel_and_text_dates(office, db_path, tmp_path):
    f = _sheet(tmp_path / "e.xlsx", EQUIPMENT_KEYS, [
        # real Excel dates
        ["杭州建工集团有限公司", None, "QTZ80", "T2509-0101", 1, _dt.datetime(2025, 9, 1),
         _dt.datetime(2025, 10, 8), "12345678", None, _dt.datetime(2025, 12, 1), "滨江工地", "江南大道工程",
         "AB2025123", "浙江恒力机械", None],
        # text dates both ways; same-name customer chosen by phone
        ["张三", "0571-88886666", "sc200/200", "s2603-0001", 2.0, "2026-03-01", "2026/3/1", None, None,
         "2026/3/15", None, None, None, None, 24],
        ["张三", "13800000001", "QTZ63", "T2601-0009", None, None, "2026-01-10", None, None, None, None,
         None, None, None, None],
    ])
    code, out, err = run_cli("import", "equipment", str(f), "--db", str(db_path))
    assert (code, err) == (0, ""), err
    assert "3 new" in out
    a = C.find_equipment(office, "QTZ80", "T2509-0101")
    assert (a.factory_date, a.purchase_date, a.acceptance_date, a.quantity) == \
        ("2025-09-01", "2025-10-08", "2025-12-01", 1)
    b = C.find_equipment(office, "SC200/200", "S2603-0001")     # codes upper-cased
    assert (b.customer_name, b.purchase_date, b.acceptance_date, b.quantity, b.warranty_months) == \
        ("张三", "2026-03-01", "2026-03-15", 2, 24)
    assert C.get_customer(office, b.customer_id).phone == "0571-88886666"
    c = C.find_equipment(office, "QTZ63", "T2601-0009")
    assert C.get_customer(office, c.customer_id).phone == "13800000001"


def test_every_bad_row_is_reported_and_nothing_is_written(office, db_path, tmp_path):
    F.equipment(office, C.find_customer(office, "杭州建工集团有限公司").id, model="QTZ80", serial_no="OLD-1")
    before = _snapshot(office)
    header = ["用户姓名/单位", "联系电话", "型号", "机号", "数量", "出厂日期", "购机日期", "安装验收日期"]
    f = _sheet(tmp_path / "bad.xlsx", header, [
        ["杭州建工集团有限公司", None, "QTZ80", "GOOD-1", 1, "2025-01-01", "2025-02-01", None],  # row 2 fine
        ["杭州建工集团有限公司", "12a", "QTZ80", "A-1", 1, None, None, None],                   # row 3 phone
        ["无此客户", None, "QTZ80", "A-2", 1, None, None, None],                                # row 4 customer
        ["杭州建工集团有限公司", None, None, "A-3", 1, None, None, None],                         # row 5 model
        ["杭州建工集团有限公司", None, "QTZ80", "A-4", "两台", "2025-13-01", None, None],           # row 6 qty+date
        ["杭州建工集团有限公司", None, "QTZ80", "A-5", 1, "2025-05-01", "2025-04-30", None],        # row 7 order
        ["杭州建工集团有限公司", None, "QTZ80", "old-1", 1, None, None, None],                    # row 8 existing
        ["杭州建工集团有限公司", None, "QTZ80", "GOOD-1", 1, None, None, None],                   # row 9 dup in file
        ["张三", None, "QTZ80", "A-6", 1, None, None, None],                                    # row 10 2 张三
    ])
    code, out, err = run_cli("import", "equipment", str(f), "--db", str(db_path))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines[:-1] == [
        'row 3, column 联系电话: "12a" is not a phone number: a phone number has only digits, dashes '
        "and an extension (转806).",
        'row 4, column 用户姓名/单位: No customer "无此客户" in the archive.',
        "row 5, column 型号: Model is required.",
        'row 6, column 数量: "两台" is not a whole number',
        'row 6, column 出厂日期: "2025-13-01" is not a date (use 2026-03-01)',
        "row 7, column 购机日期: Purchase date 2025-04-30 is before factory date 2025-05-01; "
        "the order is factory <= purchase <= acceptance, with delivery between factory and acceptance.",
        "row 8, column 机号: QTZ80 OLD-1 already exists (customer 杭州建工集团有限公司; use --update to update it)",
        "row 9, column 机号: QTZ80 GOOD-1 appears twice in this file (rows 2 and 9)",
        'row 10, column 用户姓名/单位: 2 customers are named "张三"; give the phone to choose one.',
    ]
    assert lines[-1] == "error: 9 problem(s) in 9 row(s); nothing was imported"
    assert _snapshot(office) == before   # not even the good row 2


def test_bad_customer_rows(office, db_path, tmp_path):
    before = _snapshot(office)
    f = _sheet(tmp_path / "c.xlsx", ["name", "phone", "phone2"], [
        ["好客户", "13912345678", None],
        [None, "13912345679", None],
        ["坏电话", "1391234567", "0571-1"],
        ["杭州建工集团有限公司", "138 1234 5678", None],   # already archived with this phone
    ])
    code, out, err = run_cli("import", "customers", str(f), "--db", str(db_path))
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0] == "row 3, column 用户姓名/单位: Customer name (unit or person) is required."
    assert lines[1].startswith('row 4, column 联系电话: "1391234567" is not a phone number')
    assert lines[2].startswith('row 4, column 备用电话: "0571-1" is not a phone number')
    assert lines[3] == ("row 5, column 用户姓名/单位: customer 杭州建工集团有限公司 13812345678 already exists "
                        "(use --update to update it)")
    assert _snapshot(office) == before


def test_duplicate_is_updated_with_update_and_dry_run_writes_nothing(office, db_path, tmp_path):
    cid = C.find_customer(office, "杭州建工集团有限公司").id
    F.equipment(office, cid, model="QTZ80", serial_no="T1", acceptance_date="2025-12-01")
    f = _sheet(tmp_path / "e.xlsx", ["customer", "phone", "model", "serial_no", "acceptance_date", "quantity"], [
        ["张三", "0571-88886666", "QTZ80", "T1", "2026-01-05", 3],    # moves to 张三 (landline) and changes
        ["张三", "0571-88886666", "QTZ125", "N1", "2026-01-05", 1],   # new
    ])
    before = _snapshot(office)
    code, out, err = run_cli("import", "equipment", str(f), "--db", str(db_path), "--dry-run")
    assert code == 1 and "already exists" in err       # dry run reports the duplicate too
    code, out, err = run_cli("import", "equipment", str(f), "--db", str(db_path), "--update", "--dry-run")
    assert (code, err) == (0, "")
    assert out.strip() == "would import 2 row(s): 1 new, 1 updated (dry run: nothing written)"
    assert _snapshot(office) == before
    code, out, err = run_cli("import", "equipment", str(f), "--db", str(db_path), "--update")
    assert (code, err) == (0, "")
    assert "1 new, 1 updated" in out
    t1 = C.find_equipment(office, "QTZ80", "T1")
    assert (t1.customer_name, t1.acceptance_date, t1.quantity) == ("张三", "2026-01-05", 3)
    assert C.get_customer(office, t1.customer_id).phone == "0571-88886666"
    assert db_count(office, "equipment") == 2


def db_count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize("content, expected", [
    (b"name,phone\n\xe5\xbc\xa0\xe4\xb8\x89,13812345678\n", "not a readable Excel workbook"),
    (b"PK\x03\x04 broken zip", "not a readable Excel workbook"),
    (b"", "not a readable Excel workbook"),
])
def test_broken_or_non_xlsx_file_is_refused_clearly(office, db_path, tmp_path, content, expected):
    f = tmp_path / "customers.xlsx"
    f.write_bytes(content)
    before = _snapshot(office)
    code, out, err = run_cli("import", "customers", str(f), "--db", str(db_path))
    assert code == 1 and out == ""
    assert err.startswith("error: customers.xlsx ") and expected in err
    assert "Traceback" not in err
    assert _snapshot(office) == before


def test_unknown_or_missing_columns_are_refused(office, db_path, tmp_path):
    f = _sheet(tmp_path / "c.xlsx", ["电话号码", "联系人"], [["13812345678", "李"]])
    code, out, err = run_cli("import", "customers", str(f), "--db", str(db_path))
    assert code == 1
    assert "row 1, column 电话号码: unknown column" in err
    assert "row 1, column 用户姓名/单位: required column is missing" in err
    code, out, err = run_cli("import", "customers", str(tmp_path / "missing.xlsx"), "--db", str(db_path))
    assert code == 1 and "File not found" in err


def test_export_reimports_to_the_same_data(office, db_path, tmp_path):
    # awkward cases: same-name customers, one without any phone, phone2, notes, dates, months
    hz = C.find_customer(office, "杭州建工集团有限公司").id
    zs1 = C.find_customer(office, "张三", "13800000001").id
    zs_blank = F.customer(office, name="张三", phone="", phone2="", notes="无电话")
    C.update_customer(office, zs1, C.CustomerInput(name="张三", phone="13800000001", phone2="0571-88880000-8",
                                                   contact="张三", title="老板", address="杭州", notes="老客户"))
    F.equipment(office, hz, model="QTZ80", serial_no="T1", factory_date="2025-09-01",
                purchase_date="2025-10-08", delivery_date="2025-10-10", acceptance_date="2025-12-01",
                invoice_no="0012", project_no="AB1", warranty_months=18, notes="带附着")
    F.equipment(office, zs1, model="QTZ63", serial_no="T2", quantity=2)
    F.equipment(office, zs_blank, model="QTZ63", serial_no="T3")
    expected = _snapshot(office)

    cx, ex = tmp_path / "customers.xlsx", tmp_path / "equipment.xlsx"
    assert run_cli("export", "customers", "--db", str(db_path), "--out", str(cx))[0] == 0
    assert run_cli("export", "equipment", "--db", str(db_path), "--out", str(ex))[0] == 0
    ws = load_workbook(ex).active
    assert isinstance(ws["F2"].value, _dt.datetime)   # dates go out as real Excel dates

    fresh = tmp_path / "fresh.sqlite3"
    open_db(fresh).close()
    assert run_cli("import", "customers", str(cx), "--db", str(fresh))[0] == 0
    code, out, err = run_cli("import", "equipment", str(ex), "--db", str(fresh))
    assert (code, err) == (0, ""), err
    db2 = open_db(fresh)
    assert _snapshot(db2) == expected
    assert [h.name for h in C.search(db2, "T3")] == ["张三"]
    db2.close()


# ------------------------------------------------------------ review fixes
def test_update_keeps_the_columns_the_sheet_leaves_out(office, db_path, tmp_path):
    hz = C.find_customer(office, "杭州建工集团有限公司").id
    C.update_customer(office, hz, C.CustomerInput(
        name="杭州建工集团有限公司", phone="13812345678", contact="王立新", title="设备科长",
        address="杭州市滨江区", region="杭州", dealer="浙江恒力机械", notes="老客户"))
    F.equipment(office, hz, model="QTZ80", serial_no="T1", factory_date="2025-09-01",
                purchase_date="2025-10-08", delivery_date="2025-10-10", acceptance_date="2025-12-01",
                invoice_no="0012", first_site="滨江工地", project_name="江南大道", project_no="AB1",
                dealer="恒力", warranty_months=18, notes="带附着")
    # only some optional columns: contact changes; an empty 备注 cell clears the notes
    f = _sheet(tmp_path / "c.xlsx", ["用户姓名/单位", "联系电话", "联系人", "备注"],
               [["杭州建工集团有限公司", "13812345678", "李明", None]])
    code, out, err = run_cli("import", "customers", str(f), "--db", str(db_path), "--update")
    assert (code, err) == (0, ""), err
    c = C.get_customer(office, hz)
    assert (c.contact, c.title, c.address, c.region, c.dealer, c.notes) == \
        ("李明", "设备科长", "杭州市滨江区", "杭州", "浙江恒力机械", "")
    f = _sheet(tmp_path / "e.xlsx", ["用户姓名/单位", "型号", "机号", "数量", "发票号"],
               [["杭州建工集团有限公司", "QTZ80", "T1", 2, None]])
    code, out, err = run_cli("import", "equipment", str(f), "--db", str(db_path), "--update")
    assert (code, err) == (0, ""), err
    e = C.find_equipment(office, "QTZ80", "T1")
    assert (e.quantity, e.invoice_no) == (2, "")          # present: changed / cleared
    assert (e.factory_date, e.purchase_date, e.delivery_date, e.acceptance_date, e.first_site,
            e.project_name, e.project_no, e.dealer, e.warranty_months, e.notes) == \
        ("2025-09-01", "2025-10-08", "2025-10-10", "2025-12-01", "滨江工地", "江南大道", "AB1", "恒力",
         18, "带附着")                                     # absent: kept


def test_read_rows_has_a_key_for_every_column_present_and_none_for_others(tmp_path):
    from servicedesk.models.archive.sheets import CUSTOMER_SPEC
    from servicedesk.reports.sheets import read_rows

    f = _sheet(tmp_path / "c.xlsx", ["name", "phone", "notes"], [["张三", None, None], ["李四"]])
    assert read_rows(CUSTOMER_SPEC, f) == [
        (2, {"name": "张三", "phone": None, "notes": None}),
        (3, {"name": "李四", "phone": None, "notes": None})]


def test_export_reimports_two_same_name_customers_without_phone_into_a_new_file(db_path, tmp_path):
    db = open_db(db_path)
    a = F.customer(db, name="张三", phone="", address="杭州")
    b = F.customer(db, name="张三", phone="", address="")
    c = F.customer(db, name="张三", phone="", address="")       # even indistinguishable ones
    F.equipment(db, a, model="QTZ80", serial_no="A1")
    F.equipment(db, b, model="QTZ80", serial_no="B1")
    F.equipment(db, c, model="QTZ80", serial_no="C1")
    expected = _snapshot(db)
    owners = {s: C.find_equipment(db, "QTZ80", s).customer_id for s in ("A1", "B1", "C1")}
    db.close()
    cx, ex = tmp_path / "customers.xlsx", tmp_path / "equipment.xlsx"
    assert run_cli("export", "customers", "--db", str(db_path), "--out", str(cx))[0] == 0
    assert run_cli("export", "equipment", "--db", str(db_path), "--out", str(ex))[0] == 0

    fresh = tmp_path / "new-office.sqlite3"                      # does not exist yet
    code, out, err = run_cli("import", "customers", str(cx), "--db", str(fresh))
    assert (code, err) == (0, ""), err
    assert "3 new" in out and fresh.exists()
    code, out, err = run_cli("import", "equipment", str(ex), "--db", str(fresh))
    assert (code, err) == (0, ""), err
    db2 = open_db(fresh)
    assert _snapshot(db2) == expected
    assert {s: C.find_equipment(db2, "QTZ80", s).customer_id for s in owners} == owners
    db2.close()
    # re-import into the same archive with --update changes nothing
    code, out, err = run_cli("import", "customers", str(cx), "--db", str(fresh), "--update")
    assert (code, err) == (0, "") and "0 new, 3 updated" in out


def test_import_into_a_new_file_that_fails_leaves_no_file(tmp_path):
    f = _sheet(tmp_path / "c.xlsx", ["name", "phone"], [["张三", "12a"]])
    fresh = tmp_path / "new.sqlite3"
    code, out, err = run_cli("import", "customers", str(f), "--db", str(fresh))
    assert code == 1 and "nothing was imported" in err
    assert not fresh.exists()
    good = _sheet(tmp_path / "g.xlsx", ["name", "phone"], [["张三", "13812345678"]])
    code, out, err = run_cli("import", "customers", str(good), "--db", str(fresh), "--dry-run")
    assert code == 0 and not fresh.exists()


def test_existing_customer_without_phone_message_has_no_double_space(office, db_path, tmp_path):
    F.customer(office, name="李四", phone="")
    f = _sheet(tmp_path / "c.xlsx", ["name"], [["李四"]])
    code, out, err = run_cli("import", "customers", str(f), "--db", str(db_path))
    assert code == 1
    assert "row 2, column 用户姓名/单位: customer 李四 already exists (use --update to update it)" in err
    f = _sheet(tmp_path / "d.xlsx", ["name", "phone"], [["王五", None], ["赵六", "13912345678"], ["王五", None]])
    code, out, err = run_cli("import", "customers", str(f), "--db", str(db_path))
    assert "row 4, column 用户姓名/单位: customer 王五 appears twice in this file (rows 2 and 4)" in err


def test_header_problems_are_printed_once_and_a_repeated_column_is_refused(office, db_path, tmp_path):
    f = _sheet(tmp_path / "c.xlsx", ["用户姓名/单位", "name", "联系电话", "电话号码"], [["张三", "张三", None, None]])
    code, out, err = run_cli("import", "customers", str(f), "--db", str(db_path))
    assert code == 1
    lines = err.strip().splitlines()
    assert lines == [
        "error: c.xlsx: the header row (row 1) has 2 problem(s); nothing was imported",
        "row 1: column 用户姓名/单位 appears twice (columns A and B)",
        "row 1, column 电话号码: unknown column (see the template's 说明 sheet)",
    ]


def test_general_format_date_numbers_and_the_delivery_date_rule(office, db_path, tmp_path):
    header = ["用户姓名/单位", "联系电话", "型号", "机号", "出厂日期", "购机日期", "送货日期", "安装验收日期"]
    f = _sheet(tmp_path / "e.xlsx", header, [
        # 46082 = 2026-03-01 typed into a General cell; delivered before it was bought: fine
        ["杭州建工集团有限公司", None, "QTZ80", "N1", 46082, "2026-03-20", "2026-03-10", 46112.0],
        ["杭州建工集团有限公司", None, "QTZ80", "N2", None, "2026-03-20", "2026-04-10", "2026-04-01"],
        ["杭州建工集团有限公司", None, "QTZ80", "N3", "2026-03-01", None, "2026-02-27", None],
        ["杭州建工集团有限公司", None, "QTZ80", "N4", 5, None, None, None],
    ])
    code, out, err = run_cli("import", "equipment", str(f), "--db", str(db_path))
    assert code == 1
    assert err.strip().splitlines()[:-1] == [
        "row 3, column 安装验收日期: Acceptance date 2026-04-01 is before delivery date 2026-04-10; "
        "the order is factory <= purchase <= acceptance, with delivery between factory and acceptance.",
        "row 4, column 送货日期: Delivery date 2026-02-27 is before factory date 2026-03-01; "
        "the order is factory <= purchase <= acceptance, with delivery between factory and acceptance.",
        'row 5, column 出厂日期: "5" is not a date (use 2026-03-01)',
    ]
    f = _sheet(tmp_path / "ok.xlsx", header, [
        ["杭州建工集团有限公司", None, "QTZ80", "N1", 46082, "2026-03-20", "2026-03-10", 46112.0]])
    code, out, err = run_cli("import", "equipment", str(f), "--db", str(db_path))
    assert (code, err) == (0, ""), err
    e = C.find_equipment(office, "QTZ80", "N1")
    assert (e.factory_date, e.delivery_date, e.acceptance_date) == ("2026-03-01", "2026-03-10", "2026-03-31")


def test_template_code_columns_are_text_so_leading_zeros_stay(tmp_path):
    out = tmp_path / "equipment.xlsx"
    assert run_cli("template", "equipment", "--out", str(out))[0] == 0
    ws = load_workbook(out).worksheets[0]
    formats = {ws.cell(1, i).value: ws.column_dimensions[ws.cell(1, i).column_letter].number_format
               for i in range(1, ws.max_column + 1)}
    for label in ("联系电话", "型号", "机号", "发票号", "AB号"):
        assert formats[label] == "@", label
    assert formats["用户姓名/单位"] == "General" and formats["出厂日期"] == "General"
    ex = tmp_path / "c.xlsx"
    assert run_cli("template", "customers", "--out", str(ex))[0] == 0
    ws = load_workbook(ex).worksheets[0]
    assert ws.column_dimensions["D"].number_format == "@" and ws.column_dimensions["E"].number_format == "@"
