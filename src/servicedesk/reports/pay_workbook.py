"""The month's pay workbook (绩效工资表) for the manager and payroll.

Sheets: 汇总 (one row per technician, totals row, approval state), one sheet
per technician listing every ticket line, adjustment, deduction and refund
behind his figures, and 经销商结算 (dealer billing statements of the month).
Values are numbers (money in yuan with a #,##0.00 format, hours 0.00) so
payroll can add them up; every sheet is print-ready: A4, fit to width,
repeated header row, frozen panes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable, Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from servicedesk.models.pay.billing import DealerStatement
from servicedesk.models.pay.month import DISPUTE_STATUS, LINE_KINDS, MonthPay, TechnicianPay
from servicedesk.reports.files import save_workbook
from servicedesk.reports.xlsx_style import (
    BOX, HOURS, MONEY, TOTAL_FILL, header_cell, new_cell, print_setup, rows_written, styled,
)

HEADER_ROW = 3

SUMMARY_COLUMNS = (
    # (header, key, width, format)
    ("序号", "seq", 6, "0"),
    ("姓名", "name", 10, None),
    ("岗位", "role", 8, None),
    ("出勤天数", "days_worked", 8, "0"),
    ("远差天数", "long_trip_days", 8, "0"),
    ("工时", "hours", 9, HOURS),
    ("绩效工资", "performance", 12, MONEY),
    ("生活补贴", "allowance", 11, MONEY),
    ("基本工资", "base", 12, MONEY),
    ("车票报销", "reimbursement", 11, MONEY),
    ("考核扣款", "deductions", 11, MONEY),
    ("应发合计", "total", 13, MONEY),
    ("签字", "sign", 10, None),
)

LINE_COLUMNS = (
    ("类别", 9, None),
    ("工单号", 14, None),
    ("日期", 11, None),
    ("客户", 20, None),
    ("内容", 46, None),
    ("工单工时", 9, HOURS),
    ("人数", 6, "0"),
    ("本人工时", 9, HOURS),
    ("金额（元）", 12, MONEY),
    ("申诉", 9, None),
)

DEALER_COLUMNS = (
    ("工单号", 14, None), ("完工日期", 11, None), ("经销商", 16, None), ("客户", 20, None),
    ("类型", 8, None), ("人数", 6, "0"), ("天数", 6, "0"), ("往返交通费", 11, MONEY),
    ("住宿费", 10, MONEY), ("伙食补贴", 10, MONEY), ("市内交通费", 10, MONEY), ("工时", 8, HOURS),
    ("工时费", 11, MONEY), ("合计", 12, MONEY), ("结算方式", 10, None),
)

Progress = Callable[[int, int], None]


def _yuan(fen: int) -> float:
    return fen / 100


def _hours(x100: int) -> float:
    return x100 / 100


def month_title(month: str) -> str:
    return f"{month[:4]}年{month[5:7]}月"


def state_text(pay: MonthPay) -> str:
    if pay.locked:
        return f"状态：已审批锁定　审批人：{pay.approved_by or '—'}　审批时间：{pay.approved_at or '—'}"
    text = f"状态：草稿（未审批，数字会随工单变化）　计算时间：{pay.computed_at}"
    if pay.open_disputes:
        text += f"　未处理申诉：{pay.open_disputes} 条"
    return text


def _title(ws: Worksheet, text: str, sub: str, width: int) -> None:
    ws.cell(row=1, column=1, value=text).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    ws.cell(row=2, column=1, value=sub).font = Font(size=10, color="444444")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.row_dimensions[1].height = 24


def _header(ws: Worksheet, headers: Iterable[tuple[str, int, str | None]]) -> None:
    for i, (label, width, _fmt) in enumerate(headers, start=1):
        header_cell(ws.cell(row=HEADER_ROW, column=i, value=label))
        ws.column_dimensions[get_column_letter(i)].width = width


def _row(ws: Worksheet, row: int, values: list, formats: list[str | None], *, bold: bool = False,
         fill: PatternFill | None = None) -> None:
    for i, (value, fmt) in enumerate(zip(values, formats), start=1):
        cell = new_cell(ws, row, i, value)
        if not (fmt and isinstance(value, (int, float)) and not isinstance(value, bool)):
            fmt = None
        wrap = isinstance(value, str) and len(value) > 12
        # The same style as an earlier cell of this kind is copied (xlsx_style.styled).
        styled(cell, ("pay_row", fmt, wrap, bold, id(fill)), _row_style(fmt, wrap, bold, fill), keep=(fill,))
    rows_written(ws, row)


def _row_style(fmt: str | None, wrap: bool, bold: bool, fill: PatternFill | None):
    def apply(cell) -> None:
        cell.border = BOX
        if fmt:
            cell.number_format = fmt
        if wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            cell.font = Font(bold=True)
        if fill is not None:
            cell.fill = fill
    return apply


def _sheet_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'")[:28] or "人员"
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base[:26]}{n}", n + 1
    used.add(candidate)
    return candidate


# ------------------------------------------------------------------ sheets
def _summary(ws: Worksheet, pay: MonthPay, office: str) -> None:
    ws.title = "汇总"
    headers = [(h, w, f) for h, _k, w, f in SUMMARY_COLUMNS]
    formats = [f for *_x, f in SUMMARY_COLUMNS]
    _title(ws, f"{office}{month_title(pay.month)} 服务人员绩效工资汇总表",
           f"{state_text(pay)}　　工时单价 {pay.rate_per_hour_fen / 100:.2f} 元/工时，"
           f"生活补贴 {pay.allowance_per_day_fen / 100:.2f} 元/天（远差除外）", len(headers))
    _header(ws, headers)
    row = HEADER_ROW + 1
    for seq, t in enumerate(pay.technicians, start=1):
        _row(ws, row, [seq, t.name, t.role_label, t.days_worked, t.long_trip_days, _hours(t.hours_x100),
                       _yuan(t.performance_fen), _yuan(t.allowance_fen), _yuan(t.base_fen),
                       _yuan(t.reimbursement_fen), _yuan(t.deductions_fen), _yuan(t.total_fen), ""], formats)
        row += 1
    totals = pay.totals()
    _row(ws, row, ["", "合计", f"{len(pay.technicians)} 人",
                   sum(t.days_worked for t in pay.technicians), sum(t.long_trip_days for t in pay.technicians),
                   _hours(totals["hours_x100"]), _yuan(totals["performance_fen"]), _yuan(totals["allowance_fen"]),
                   _yuan(totals["base_fen"]), _yuan(totals["reimbursement_fen"]), _yuan(totals["deductions_fen"]),
                   _yuan(totals["total_fen"]), ""], formats, bold=True, fill=TOTAL_FILL)
    row += 2
    ws.cell(row=row, column=1, value="应发合计 = 生活补贴 + 基本工资 + 绩效工资 − 考核扣款 + 车票报销")
    ws.cell(row=row + 1, column=2, value="制表：")
    ws.cell(row=row + 1, column=6, value="审核：")
    ws.cell(row=row + 1, column=10, value="经理审批：")
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3)
    print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}", page_numbers=True)


def _technician_sheet(ws: Worksheet, pay: MonthPay, t: TechnicianPay) -> None:
    formats = [f for *_x, f in LINE_COLUMNS]
    _title(ws, f"{t.name}（{t.role_label}）{month_title(pay.month)} 绩效工资明细",
           f"出勤 {t.days_worked} 天，远差 {t.long_trip_days} 天　工时 {t.hours_x100 / 100:.2f}　"
           f"应发合计 {t.total_fen / 100:.2f} 元　{state_text(pay)}", len(LINE_COLUMNS))
    _header(ws, LINE_COLUMNS)
    row = HEADER_ROW + 1
    if not t.lines:
        ws.cell(row=row, column=5, value="本月无工时、扣款或报销记录")
        row += 1
    for ln in t.lines:
        hours_cells = ([_hours(ln.job_hours_x100), ln.team_size, _hours(ln.hours_x100)] if ln.kind == "work"
                       else ["", "", _hours(ln.hours_x100) if ln.hours_x100 else ""])
        label = LINE_KINDS.get(ln.kind, ln.kind) + ("（组长）" if ln.kind == "work" and ln.leader else "")
        _row(ws, row, [label, ln.ticket_no, ln.date, ln.customer, ln.description, *hours_cells,
                       _yuan(ln.signed_fen), DISPUTE_STATUS.get(ln.dispute, "")], formats)
        row += 1
    row += 1
    for label, fen in (("绩效工资", t.performance_fen), ("考核扣款", -t.deductions_fen),
                       ("车票报销", t.reimbursement_fen), ("生活补贴", t.allowance_fen),
                       ("基本工资", t.base_fen), ("应发合计", t.total_fen)):
        _row(ws, row, ["", "", "", "", label, "", "", "", _yuan(fen), ""], formats,
             bold=label == "应发合计", fill=TOTAL_FILL)
        row += 1
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}", page_numbers=True)


def _dealer_sheet(ws: Worksheet, pay_month: str, statements: list[DealerStatement], office: str,
                  rates: dict[str, int]) -> None:
    formats = [f for *_x, f in DEALER_COLUMNS]
    r = {k: v / 100 for k, v in rates.items()}
    _title(ws, f"{office}{month_title(pay_month)} 经销商派工费用结算",
           f"差旅标准：往返交通费按实；住宿 {r.get('lodging', 80):g} 元/天/人；伙食补贴 {r.get('meals', 20):g} "
           f"元/天/人；市内交通 {r.get('local', 20):g} 元/天/人；工时费 {r.get('hour', 20):g} 元/工时",
           len(DEALER_COLUMNS))
    _header(ws, DEALER_COLUMNS)
    row = HEADER_ROW + 1
    if not statements:
        ws.cell(row=row, column=4, value="本月无经销商结算")
        row += 1
    for s in statements:
        amounts = [ln.amount_fen for ln in s.lines]
        _row(ws, row, [s.ticket_no, (s.completed_at or "")[:10], s.dealer, s.customer, s.ticket_type,
                       s.persons, s.days, *[_yuan(a) for a in amounts[:4]], _hours(s.hours_x100),
                       _yuan(amounts[4]), _yuan(s.total_fen), s.mode_label], formats)
        row += 1
    if statements:
        _row(ws, row, ["合计", "", "", "", "", "", "",
                       *[_yuan(sum(s.lines[i].amount_fen for s in statements)) for i in range(4)],
                       _hours(sum(s.hours_x100 for s in statements)),
                       _yuan(sum(s.lines[4].amount_fen for s in statements)),
                       _yuan(sum(s.total_fen for s in statements)), ""], formats, bold=True, fill=TOTAL_FILL)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)
    print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}", page_numbers=True)


def write_pay_workbook(pay: MonthPay, out: str | os.PathLike, *, dealer: list[DealerStatement] | None = None,
                       office: str = "", dealer_rates: dict[str, int] | None = None,
                       progress: Progress | None = None) -> Path:
    """Write the month's workbook; `progress(done, total)` after each sheet."""
    wb = Workbook()
    total_steps = len(pay.technicians) + 2
    _summary(wb.active, pay, office)
    if progress:
        progress(1, total_steps)
    used = {"汇总", "经销商结算"}
    for i, tech in enumerate(pay.technicians, start=2):
        _technician_sheet(wb.create_sheet(_sheet_name(tech.name, used)), pay, tech)
        if progress:
            progress(i, total_steps)
    _dealer_sheet(wb.create_sheet("经销商结算"), pay.month, dealer or [], office, dealer_rates or {})
    path = save_workbook(wb, out)
    if progress:
        progress(total_steps, total_steps)
    return path


def export_pay_month(db, month: str, out: str | os.PathLike, progress: Progress | None = None, *,
                     pay: MonthPay | None = None) -> Path:
    """Everything the workbook needs, read through the models (CLI and GUI worker).
    `pay`: the month already computed by the caller (the CLI prints it too)."""
    from servicedesk.models.pay.billing import dealer_statements_for_month
    from servicedesk.models.pay.month import month_pay
    from servicedesk.models.core.settings import get_setting, get_settings

    pay = pay if pay is not None else month_pay(db, month)
    statements = dealer_statements_for_month(db, pay.month)
    office = str(get_setting(db, "office.name", "") or "")
    cfg = get_settings(db, "dealer.")
    rates = {"lodging": int(cfg["dealer.lodging_per_day_fen"]), "meals": int(cfg["dealer.meals_per_day_fen"]),
             "local": int(cfg["dealer.local_transport_per_day_fen"]), "hour": int(cfg["dealer.rate_per_hour_fen"])}
    return write_pay_workbook(pay, out, dealer=statements, office=office, dealer_rates=rates,
                              progress=progress)
