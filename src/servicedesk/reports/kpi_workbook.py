"""The monthly KPI workbook for head office (售后服务月报), built with openpyxl.

Sheets: 汇总 (the four figures with numerators and denominators, grade,
office, month, prepared by / date), 技术员, 经销商, 明细 (every repair counted
with its on-time and success decision and why), 回访 (every call counted),
盘点 (the count lines), 趋势 (12 months, a line chart of the rates and a bar
chart of the repairs) and, when asked, the dealer service fee sheets.

Rates are stored as fractions (0.7727…) with the number format 0.00 %, so
Excel shows 77.27 % and can still compute with them; a rate whose
denominator is zero is the text "—" (an empty cell in 趋势, so the chart
shows a gap instead of a false 0 %). No formulas at all: nothing can show
#DIV/0! in Excel or LibreOffice. Every sheet has a frozen header, column
widths that fit Chinese text and an A4 landscape, fit-to-width print setup.
The file is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment

from servicedesk.models.core.errors import DomainError
from servicedesk.models.kpi.month import KpiReport
from servicedesk.models.kpi.rates import DASH, Rate
from servicedesk.reports.files import save_workbook
from servicedesk.reports.xlsx_style import (
    BOLD, BOX, DATE, PERCENT, TITLE_FONT, dt_value, fit_columns, print_setup, table, table_sheet,
)

Progress = Callable[[int, str], bool | None]   # (percent, stage) -> False to cancel


class Cancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("Export cancelled.", "file")


# ---------------------------------------------------------------- cell helpers
def _rate(rate: Rate) -> Any:
    return DASH if rate.fraction is None else rate.fraction


def _yes_no(flag: bool) -> str:
    return "是" if flag else "否"


# ---------------------------------------------------------------- sheets
def _summary(wb: Workbook, report: KpiReport) -> None:
    k = report.kpi
    ws = wb.active
    ws.title = "汇总"
    ws["A1"] = f"售后服务月报（{k.month}）"
    ws["A1"].font = TITLE_FONT
    ws.merge_cells("A1:F1")
    info = [("服务部", k.office, "月份", k.month),
            ("制表人", report.prepared_by, "制表日期", _dt.date.fromisoformat(report.prepared_at[:10]))]
    for r, (a, b, c, d) in enumerate(info, start=2):
        ws.cell(row=r, column=1, value=a).font = BOLD
        ws.cell(row=r, column=2, value=b)
        ws.cell(row=r, column=3, value=c).font = BOLD
        cell = ws.cell(row=r, column=4, value=d)
        if isinstance(d, _dt.date):
            cell.number_format = DATE
            cell.alignment = Alignment(horizontal="left")
    rows = [
        ("维修及时率", k.on_time, k.repairs, _rate(k.on_time_rate), "按时到场（四级：按时远程解决）的维修数",
         "本月完工的维修及投诉工单数"),
        ("维修成功率", k.successful, k.repairs, _rate(k.success_rate), "完成且 30 天内同一设备无返修的维修数",
         "本月完工的维修及投诉工单数"),
        ("客户满意度", k.satisfied, k.calls_reached, _rate(k.satisfaction), "回访答“非常满意”或“满意”的次数",
         "本月接通的回访次数"),
        ("配件库存准确率", k.parts_matching, k.parts_counted, _rate(k.stock_accuracy), "账实相符的配件品种数",
         "本月盘点的配件品种数"),
    ]
    last = table(ws, 5, ("指标", "分子", "分母", "比率", "分子含义", "分母含义"), rows, {4: PERCENT})
    mean = k.mean
    r = last + 1
    ws.cell(row=r, column=1, value="综合（已有比率的平均）").font = BOLD
    cell = ws.cell(row=r, column=4, value=DASH if mean is None else mean / 100)
    if mean is not None:
        cell.number_format = PERCENT
    ws.cell(row=r, column=5, value="等级").font = BOLD
    ws.cell(row=r, column=6, value=k.grade or DASH).font = BOLD
    for col in range(1, 7):
        ws.cell(row=r, column=col).border = BOX
    fit_columns(ws, maximum=44)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = max(ws.column_dimensions["B"].width, 14)
    note = r + 2
    notes = ["分母为 0 的比率记为“—”，不计入等级；等级按已有比率的平均：≥95% 优秀，≥90% 良好，≥80% 合格，"
             "其余不合格。",
             f"导出前检查未处理项：{len(report.checks)} 项" + ("" if not report.checks else "（见 ServiceDesk 月报页）")]
    if report.sent is not None:
        notes.append(f"本月已于 {report.sent.sent_at[:16]} 报送（{report.sent.sent_by}）")
    ws.cell(row=note, column=1, value="说明").font = BOLD
    for i, text in enumerate(notes):
        ws.cell(row=note + i, column=2, value=text)
        ws.merge_cells(start_row=note + i, start_column=2, end_row=note + i, end_column=6)
    print_setup(ws, "1:5")


def _technicians(wb: Workbook, report: KpiReport) -> None:
    rows = [(t.name, t.repairs, t.on_time, _rate(t.on_time_rate), t.successful, _rate(t.success_rate),
             t.calls_reached, t.satisfied, _rate(t.satisfaction), t.grade or DASH)
            for t in report.kpi.technicians]
    table_sheet(wb, "技术员", ("技术员", "维修数", "及时数", "维修及时率", "成功数", "维修成功率", "回访接通数",
                         "满意数", "客户满意度", "等级"), rows, {4: PERCENT, 6: PERCENT, 9: PERCENT},
           empty="无技术员")


def _dealers(wb: Workbook, report: KpiReport) -> None:
    rows = [(d.name, d.calls_reached, d.satisfied, _rate(d.satisfaction)) for d in report.kpi.dealers]
    table_sheet(wb, "经销商", ("经销商", "回访接通数", "满意数", "客户满意度"), rows, {4: PERCENT},
           empty="无经销商")


def _details(wb: Workbook, report: KpiReport) -> None:
    rows = [(d.no, d.type_label, d.level_label, d.customer_name, d.equipment, d.technicians,
             dt_value(d.reported_at), dt_value(d.arrived_at), dt_value(d.completed_at), dt_value(d.deadline),
             _yes_no(d.on_time), d.on_time_why, d.result_label or DASH, d.next_no or "", _yes_no(d.successful),
             d.success_why) for d in report.tickets]
    table_sheet(wb, "明细", ("工单号", "类型", "故障等级", "客户", "设备", "维修人员", "报修时间", "到场时间",
                       "完工时间", "到场时限", "及时", "及时判定依据", "维修结果", "返修工单", "成功",
                       "成功判定依据"), rows)


def _calls(wb: Workbook, report: KpiReport) -> None:
    rows = [(dt_value(c.called_at), c.kind_label, c.ticket_no, c.customer_name, c.phone, c.dealer, c.caller,
             c.satisfaction_label or DASH, _yes_no(c.satisfied), c.complaint, c.complaint_ticket_no, c.suggestions)
            for c in report.calls]
    table_sheet(wb, "回访", ("回访时间", "回访类型", "工单号", "客户", "电话", "经销商", "回访人", "满意度",
                       "计为满意", "投诉", "投诉工单", "意见建议"), rows)


def _counts(wb: Workbook, report: KpiReport) -> None:
    rows = [(ln.count_id, ln.count_date, ln.part_code, ln.name, ln.spec, ln.book_qty,
             DASH if ln.counted_qty is None else ln.counted_qty,
             DASH if ln.difference is None else ln.difference, _yes_no(ln.matches)) for ln in report.counts]
    table_sheet(wb, "盘点", ("盘点单", "盘点日期", "配件编码", "名称", "规格", "账面数", "实盘数", "差异", "账实相符"),
           rows, empty="本月无已完成的盘点")


def _trend(wb: Workbook, report: KpiReport) -> None:
    ws = wb.create_sheet("趋势")

    def cell(rate: Rate) -> Any:
        return rate.fraction  # None -> empty cell: the chart shows a gap, not 0 %

    rows = [(m.month, m.repairs, cell(m.on_time_rate), cell(m.success_rate), cell(m.satisfaction),
             cell(m.stock_accuracy), m.calls_reached, m.grade or DASH) for m in report.trend]
    last = table(ws, 1, ("月份", "维修数", "维修及时率", "维修成功率", "客户满意度", "配件库存准确率",
                          "回访接通数", "等级"), rows, {3: PERCENT, 4: PERCENT, 5: PERCENT, 6: PERCENT})
    fit_columns(ws)
    print_setup(ws, "1:1")
    if last < 2:
        return
    line = LineChart()
    line.title = "近 12 个月考核指标"
    line.y_axis.title = "比率"
    line.y_axis.number_format = "0%"
    line.y_axis.scaling.min = 0
    line.y_axis.scaling.max = 1
    line.x_axis.title = "月份"
    line.height, line.width = 8, 18
    line.add_data(Reference(ws, min_col=3, max_col=6, min_row=1, max_row=last), titles_from_data=True)
    line.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    ws.add_chart(line, "J2")
    bar = BarChart()
    bar.type = "col"
    bar.title = "近 12 个月维修数与回访接通数"
    bar.y_axis.title = "数量"
    bar.x_axis.title = "月份"
    bar.height, bar.width = 8, 18
    bar.add_data(Reference(ws, min_col=2, max_col=2, min_row=1, max_row=last), titles_from_data=True)
    bar.add_data(Reference(ws, min_col=7, max_col=7, min_row=1, max_row=last), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    ws.add_chart(bar, "J19")


def build_kpi_workbook(report: KpiReport, progress: Progress | None = None) -> Workbook:
    steps: list[tuple[str, Callable[[Workbook, KpiReport], None]]] = [
        ("汇总", _summary), ("技术员", _technicians), ("经销商", _dealers), ("明细", _details),
        ("回访", _calls), ("盘点", _counts), ("趋势", _trend)]
    if report.dealer_fee is not None:
        from servicedesk.reports.dealer_fee_workbook import add_dealer_fee_sheets

        steps.append(("经销商服务费", lambda wb, r: add_dealer_fee_sheets(wb, r.dealer_fee)))
    wb = Workbook()
    for i, (stage, step) in enumerate(steps):
        if progress is not None and progress(int(100 * i / (len(steps) + 1)), stage) is False:
            raise Cancelled()
        step(wb, report)
    return wb


def write_kpi_workbook(report: KpiReport, out: str | os.PathLike, progress: Progress | None = None) -> Path:
    """Build and save the month's workbook; returns the path written."""
    wb = build_kpi_workbook(report, progress)
    if progress is not None and progress(95, "保存") is False:
        raise Cancelled()
    path = save_workbook(wb, out)
    if progress is not None:
        progress(100, "完成")
    return path
