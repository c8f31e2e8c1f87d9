"""The KPI workbook read back with openpyxl: values, formats, charts, layout.

Data: the October 2026 of tests/models/test_kpi.py (figures worked by hand
there): repairs 6, on time 4 (0.6667), successful 3 (0.5), calls reached 5,
satisfied 3 (0.6), no stock count ("—"), grade 不合格.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from servicedesk.models.kpi import month as K
from servicedesk.reports.kpi_workbook import write_kpi_workbook
from tests.models.test_kpi import build_october


@pytest.fixture
def workbook(db, tmp_path):
    build_october(db)
    report = K.kpi_report(db, "2026-10", prepared_by="林芳", now="2026-11-20 09:00:00", with_dealer_fee=True)
    path = write_kpi_workbook(report, tmp_path / "月报.xlsx")
    assert not (tmp_path / "月报.xlsx.part").exists()
    return load_workbook(path)


def _rows(ws, first=2):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=first)]


def test_sheets_and_summary_figures(workbook):
    assert workbook.sheetnames[:7] == ["汇总", "技术员", "经销商", "明细", "回访", "盘点", "趋势"]
    assert "经销商服务费" in workbook.sheetnames and "出保设备明细" in workbook.sheetnames
    ws = workbook["汇总"]
    assert ws["B2"].value == "售后服务部" and ws["D2"].value == "2026-10"
    assert ws["B3"].value == "林芳" and ws["D3"].value.strftime("%Y-%m-%d") == "2026-11-20"
    table = {r[0]: r for r in _rows(ws, 6)[:4]}
    assert table["维修及时率"][1:3] == [4, 6]
    assert table["维修及时率"][3] == pytest.approx(4 / 6)
    assert table["维修成功率"][1:4] == [3, 6, 0.5]
    assert table["客户满意度"][1:4] == [3, 5, 0.6]
    assert table["配件库存准确率"][1:4] == [0, 0, "—"]
    for r in range(6, 9):
        assert ws.cell(row=r, column=4).number_format == "0.00%"
    assert ws["F10"].value == "不合格"
    assert ws["D10"].value == pytest.approx(0.5889)
    assert ws.freeze_panes == "A6"


def test_detail_sheets(workbook):
    tech = {r[0]: r for r in _rows(workbook["技术员"])}
    assert tech["王芳"][1:4] == [2, 2, 1.0] and tech["王芳"][9] == "合格"
    assert tech["赵六"][3] == "—" and tech["赵六"][9] == "—"
    assert workbook["技术员"]["D2"].number_format == "0.00%"
    dealers = {r[0]: r for r in _rows(workbook["经销商"])}
    assert dealers["浙江恒力机械"][1:4] == [2, 2, 1.0] and dealers["温州鼎盛机械"][3] == "—"
    lines = {r[0]: r for r in _rows(workbook["明细"])}
    assert len(lines) == 6
    t3 = lines["YX2610003"]
    assert t3[10] == "否" and "无到场时间" in t3[11] and t3[14] == "是"
    t6 = lines["YX2610006"]
    assert t6[13] == "YX2611001" and t6[14] == "否"
    calls = _rows(workbook["回访"])
    assert len(calls) == 5 and sum(1 for r in calls if r[8] == "是") == 3
    assert _rows(workbook["盘点"])[0][0] == "本月无已完成的盘点"
    for name in ("技术员", "经销商", "明细", "回访", "盘点", "趋势"):
        assert workbook[name].freeze_panes == "A2"


def test_trend_sheet_has_both_charts(workbook):
    ws = workbook["趋势"]
    months = [r[0] for r in _rows(ws)]
    assert months[0] == "2025-11" and months[-1] == "2026-10" and len(months) == 12
    last = _rows(ws)[-1]
    assert last[1] == 6 and last[2] == pytest.approx(4 / 6) and last[5] is None   # no count: a gap, not 0 %
    assert ws["C13"].number_format == "0.00%"
    kinds = sorted(type(c).__name__ for c in ws._charts)
    assert kinds == ["BarChart", "LineChart"]


def test_layout_print_setup_and_no_formulas(workbook):
    for ws in workbook.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        for row in ws.iter_rows():
            for cell in row:
                assert not (isinstance(cell.value, str) and cell.value.startswith("=")), (ws.title, cell.coordinate)
    # Chinese headers get wide enough columns (2 columns per character + margin)
    details = workbook["明细"]
    assert details.column_dimensions["L"].width >= 2 * len("及时判定依据") + 2


def test_dealer_fee_sheet(workbook):
    ws = workbook["经销商服务费"]
    header = [c.value for c in ws[4]]
    assert header[0] == "经销商" and header[-1] == "服务费（元）"
