"""The yearly dealer service fee workbook (经销商售后服务费结算), openpyxl.

Sheet 经销商服务费: one row per dealer with the units out of warranty in the
year, the units the office served itself, billable units, satisfaction (a
fraction formatted 0.00 %), the fee per unit and the fee in yuan; a total
row. Sheet 出保设备明细: every unit counted, with its warranty period and the
tickets that made it 'served by the office'. Values only, no formulas.
"""

from __future__ import annotations

import datetime as _dt
import os
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from servicedesk.models.kpi.dealer_fee import DealerFeeReport
from servicedesk.models.kpi.rates import DASH
from servicedesk.reports.files import save_workbook
from servicedesk.reports.xlsx_style import BOLD, BOX, MONEY, PERCENT, fit_columns, print_setup, table

YUAN = MONEY


def _yuan(fen: int | None):
    return DASH if fen is None else float(Decimal(fen) / 100)


def add_dealer_fee_sheets(wb: Workbook, report: DealerFeeReport) -> None:
    ws = wb.create_sheet("经销商服务费")
    ws["A1"] = f"{report.year} 年度经销商售后服务费（{report.office}）"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "服务费 =（年度已过质保期整机台数 − 服务部服务台数）× 每台标准 × 年度经销商满意度"
    rows = [(d.dealer, d.units_out, d.units_served, d.billable, d.calls_reached, d.satisfied,
             DASH if d.satisfaction.fraction is None else d.satisfaction.fraction,
             _yuan(d.per_unit_fen), _yuan(d.fee_fen)) for d in report.dealers]
    last = table(ws, 4, ("经销商", "年内出质保台数", "服务部服务台数", "计费台数", "回访接通数", "满意数",
                          "满意度", "每台标准（元）", "服务费（元）"), rows, {7: PERCENT, 8: YUAN, 9: YUAN})
    total = last + 1
    ws.cell(row=total, column=1, value="合计").font = BOLD
    for col, value in ((2, sum(d.units_out for d in report.dealers)),
                       (3, sum(d.units_served for d in report.dealers)),
                       (4, sum(d.billable for d in report.dealers)),
                       (9, _yuan(report.total_fen))):
        cell = ws.cell(row=total, column=col, value=value)
        cell.font = BOLD
        if col == 9:
            cell.number_format = YUAN
    for col in range(1, 10):
        ws.cell(row=total, column=col).border = BOX
    ws.cell(row=total + 2, column=1, value="满意度无回访记录的经销商记为“—”，本年不计算服务费。")
    fit_columns(ws, maximum=40)
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width, 24)
    print_setup(ws, "1:4")

    detail = wb.create_sheet("出保设备明细")
    rows = [(u.dealer, u.customer_name, u.model, u.serial_no, _dt.date.fromisoformat(u.warranty_start),
             _dt.date.fromisoformat(u.warranty_end), "是" if u.served else "否", u.served_tickets)
            for u in report.units]
    last = table(detail, 1, ("经销商", "客户", "型号", "机号", "保修起", "保修止", "服务部服务", "服务工单"),
                  rows, {5: "yyyy-mm-dd", 6: "yyyy-mm-dd"})
    if last == 1:
        detail.cell(row=2, column=1, value="本年无出质保设备").font = Font(italic=True, color="6B6B6B")
    fit_columns(detail)
    print_setup(detail, "1:1")


def write_dealer_fee_workbook(report: DealerFeeReport, out: str | os.PathLike) -> Path:
    wb = Workbook()
    add_dealer_fee_sheets(wb, report)
    wb.remove(wb.worksheets[0])
    return save_workbook(wb, out)
