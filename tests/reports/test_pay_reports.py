"""Pay outputs read back: workbook (openpyxl), JSON, slip and dealer PDFs (pypdf), CLI lock.

The month is the hand-worked March of tests/models/test_pay_month.py:
  王主管 3.73 h, total 2740.60; 张伟 89.48 h, total 4734.09; 李强 81.49 h, total 4461.79;
  month total 11936.48.
"""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from servicedesk.models.pay import billing as D
from servicedesk.models.pay import month as P
from servicedesk.reports.dealer_statement import amount_in_words, write_dealer_statements
from servicedesk.reports.pay_slip import export_pay_slips
from servicedesk.reports.pay_workbook import export_pay_month
from tests.conftest import run_cli
from tests.models.test_pay_month import MONTH, build_march


@pytest.fixture
def march(db):
    return build_march(db)


def _pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_workbook_summary_values_formats_and_print_setup(db, march, tmp_path):
    out = export_pay_month(db, MONTH, tmp_path / "pay.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "王主管", "张伟", "李强", "经销商结算"]
    ws = wb["汇总"]
    headers = [c.value for c in ws[3]]
    assert headers[:12] == ["序号", "姓名", "岗位", "出勤天数", "远差天数", "工时", "绩效工资", "生活补贴",
                            "基本工资", "车票报销", "考核扣款", "应发合计"]
    rows = {r[1]: r for r in ws.iter_rows(min_row=4, max_row=6, values_only=True)}
    assert rows["张伟"][3:12] == (24, 6, 89.48, 1789.6, 108, 3000, 236.5, 400.01, 4734.09)
    assert rows["李强"][5] == 81.49 and rows["李强"][11] == 4461.79
    assert rows["王主管"][8] == 2640 and rows["王主管"][11] == 2740.6
    totals = [c.value for c in ws[7]]
    assert totals[1] == "合计" and totals[5] == pytest.approx(174.70) and totals[11] == pytest.approx(11936.48)
    assert "草稿" in ws["A2"].value
    assert ws["G5"].number_format == "#,##0.00" and ws["L7"].number_format == "#,##0.00"
    assert ws["F5"].number_format == "0.00"
    assert int(ws.page_setup.paperSize) == 9                # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"
    assert ws.freeze_panes == "C4"


def test_workbook_technician_sheet_lists_every_line(db, march, tmp_path):
    wb = load_workbook(export_pay_month(db, MONTH, tmp_path / "pay.xlsx"))
    ws = wb["张伟"]
    assert [c.value for c in ws[3]][:9] == ["类别", "工单号", "日期", "客户", "内容", "工单工时", "人数",
                                          "本人工时", "金额（元）"]
    body = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[1]]
    work = [(r[1], r[5], r[6], r[7], r[8]) for r in body if str(r[0]).startswith("工时")]
    assert work == [("YX2603001", 158.5, 2, 79.25, 1585), ("YX2603002", 8, 1, 8, 160),
                    ("YX2603003", 6.7, 3, 2.23, 44.6)]
    deductions = sorted(r[8] for r in body if r[0] == "考核扣款")
    assert deductions == [-200, -100.01, -100]
    refunds = [r[8] for r in body if r[0] == "车票报销"]
    assert refunds == [236.5]
    summary = {r[4]: r[8] for r in ws.iter_rows(min_row=4, values_only=True) if r[4] in ("应发合计", "考核扣款")}
    assert summary == {"应发合计": 4734.09, "考核扣款": -400.01}
    assert ws.print_title_rows == "$3:$3" and ws.freeze_panes == "A4"


def test_workbook_shows_approval_and_dealer_sheet(db, march, tmp_path):
    D.set_dealer_billing(db, march["T1"], D.DealerTravelInput(transport_fen=560_00, days=3, dealer="浙江恒力"))
    P.set_pin(db, "2580")
    P.approve_month(db, MONTH, "2580", who="李经理", at="2026-04-03 10:00:00")
    wb = load_workbook(export_pay_month(db, MONTH, tmp_path / "pay.xlsx"))
    assert "已审批锁定" in wb["汇总"]["A2"].value and "李经理" in wb["汇总"]["A2"].value
    ws = wb["经销商结算"]
    row = [c.value for c in ws[4]]
    # 2 persons x 3 days: lodging 480, meals 120, local 120; 158.5 h x 20 = 3170; + 560 = 4450
    assert row[0] == "YX2603001" and row[5:14] == [2, 3, 560, 480, 120, 120, 158.5, 3170, 4450]
    assert ws["N4"].number_format == "#,##0.00"


def test_dealer_statement_figures_and_pdf(db, march, tmp_path):
    s = D.set_dealer_billing(db, march["T2"], D.DealerTravelInput(transport_fen=236_00, days=2, persons=1,
                                                                  dealer="金华宏达", mode="deduct"))
    # 236 + 80x2 + 20x2 + 20x2 + 8 h x 20 = 236 + 160 + 40 + 40 + 160 = 636.00
    assert [ln.amount_fen for ln in s.lines] == [236_00, 160_00, 40_00, 40_00, 160_00]
    assert s.total_fen == 636_00 and s.mode_label == "财务代扣"
    out = write_dealer_statements([s], tmp_path / "dealer.pdf", office="杭州服务部")
    text = _pdf_text(out)
    for expected in ("派工费用核算表", "金华宏达", "YX2603002", "636.00", "陆佰叁拾陆元整", "经销商确认"):
        assert expected in text
    assert amount_in_words(1000100) == "壹万零壹元整"
    assert amount_in_words(12345) == "壹佰贰拾叁元肆角伍分"


def test_pay_slip_pdf_text(db, march, tmp_path):
    out = export_pay_slips(db, MONTH, tmp_path / "slips.pdf")
    reader = PdfReader(str(out))
    assert len(reader.pages) == 3                      # one page per technician
    page = reader.pages[1].extract_text()              # 张伟
    for expected in ("工资条", "张伟", "4734.09", "1789.60", "400.01", "236.50", "YX2603001", "资料缺失",
                     "小安全事故", "安装/维修质量问题", "本人签字"):
        assert expected in page, expected
    only = export_pay_slips(db, MONTH, tmp_path / "one.pdf", technician_ids=[march["B"]])
    assert len(PdfReader(str(only)).pages) == 1 and "李强" in _pdf_text(only)


def test_cli_json_shape(db_path, march):
    code, out, err = run_cli("pay", MONTH, "--db", str(db_path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"month", "locked", "technicians"}
    assert data["month"] == MONTH and data["locked"] is False
    assert [t["name"] for t in data["technicians"]] == ["王主管", "张伟", "李强"]
    zhang = data["technicians"][1]
    assert set(zhang) == {"name", "hours", "performance", "allowance", "base", "reimbursement", "deductions",
                          "total"}
    assert zhang == {"name": "张伟", "hours": 89.48, "performance": 1789.6, "allowance": 108.0, "base": 3000.0,
                     "reimbursement": 236.5, "deductions": 400.01, "total": 4734.09}
    assert '"performance": 1789.60' in out and '"allowance": 108.00' in out   # two decimals in the text


def test_cli_workbook_slips_and_lock(db_path, march, tmp_path):
    code, out, err = run_cli("pay", MONTH, "--db", str(db_path), "--out", str(tmp_path / "p.xlsx"))
    assert code == 0, err and (tmp_path / "p.xlsx").exists()
    code, out, err = run_cli("pay-slip", MONTH, "--db", str(db_path), "--out", str(tmp_path / "s.pdf"),
                             "--technician", "张伟")
    assert code == 0, err and len(PdfReader(str(tmp_path / "s.pdf")).pages) == 1

    assert run_cli("manager-pin", "--db", str(db_path), "--new", "2580")[0] == 0   # no PIN until set
    code, _out, err = run_cli("pay-approve", MONTH, "--db", str(db_path), "--pin", "2580", "--who", "经理")
    assert code == 0, err
    code, out, _err = run_cli("pay", MONTH, "--db", str(db_path), "--json")
    assert json.loads(out)["locked"] is True

    # attendance for the locked month is refused: exit 1, nothing written
    sheet = tmp_path / "att.xlsx"
    wb = Workbook()
    wb.active.append(["姓名", "出勤天数", "远差天数"])
    wb.active.append(["张伟", 20, 0])
    wb.save(sheet)
    code, _out, err = run_cli("import", "attendance", str(sheet), "--db", str(db_path), "--month", MONTH)
    assert code == 1 and "locked" in err
    code, _out, err = run_cli("pay-unlock", MONTH, "--db", str(db_path), "--pin", "0000", "--reason", "x")
    assert code == 1 and "PIN" in err
    code, _out, err = run_cli("pay-unlock", MONTH, "--db", str(db_path), "--pin", "2580",
                              "--reason", "出勤更正")
    assert code == 0, err
    code, _out, err = run_cli("import", "attendance", str(sheet), "--db", str(db_path), "--month", MONTH)
    assert code == 0, err
    code, out, _err = run_cli("pay", MONTH, "--db", str(db_path), "--json")
    zhang = json.loads(out)["technicians"][1]
    assert zhang["allowance"] == 120.0                 # 20 days x 6, no long trips now


def test_cli_dealer_statement_and_bad_month(db_path, march, tmp_path):
    code, _o, err = run_cli("pay", "2026-13", "--db", str(db_path), "--json")
    assert code == 1 and "month" in err
    code, out, err = run_cli("dealer-statement", "YX2603001", "--db", str(db_path), "--out",
                             str(tmp_path / "d.pdf"))
    assert code == 0, err and "YX2603001" in _pdf_text(tmp_path / "d.pdf")
