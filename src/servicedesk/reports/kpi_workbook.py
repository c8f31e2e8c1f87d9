"""The monthly KPI workbook for head office (售后服务月报), built with openpyxl.

Sheets: 汇总 (the four figures with numerators and denominators, grade,
office, month, prepared by / date), 技术员, 经销商, 明细 (every repair counted
with its on-time and success decision and why), 回访 (every call counted),
盘点 (the count lines), 趋势 (12 months, a line chart of the rates and a bar
chart of the repairs) and, when asked, the dealer service fee sheets.

For head office the workbook also carries its stamp (office, department
code, month, program version in 汇总) and, in the hidden sheet 校验 and the
custom document properties, the SHA-256 of the canonical text of its figures
(models/kpi/checksum.py). reports/rollup_workbook.py reads the visible sheets
back with the labels below and refuses a workbook whose figures no longer
match that checksum.

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
from openpyxl.packaging.custom import IntProperty, StringProperty
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from servicedesk.models.core.errors import DomainError
from servicedesk.models.kpi import checksum as C
from servicedesk.models.kpi.figures import MonthKpi
from servicedesk.models.kpi.month import KpiReport
from servicedesk.models.kpi.rates import DASH, Rate
from servicedesk.reports.files import save_workbook
from servicedesk.reports.xlsx_style import (
    BOLD, BOX, DATE, DATETIME, PERCENT, TITLE_FONT, dt_value, fit_columns, print_setup, table, table_sheet,
)

Progress = Callable[[int, str], bool | None]   # (percent, stage) -> False to cancel

# The layout head office reads back (reports/rollup_workbook.py).
SUMMARY_HEADERS = ("指标", "分子", "分母", "比率", "分子含义", "分母含义")
SUMMARY_FIGURES = {   # row label -> (numerator, denominator) of MonthKpi
    "维修及时率": ("on_time", "repairs"), "维修成功率": ("successful", "repairs"),
    "客户满意度": ("satisfied", "calls_reached"), "配件库存准确率": ("parts_matching", "parts_counted")}
MEAN_LABEL = "综合（已有比率的平均）"
STAMP_LABELS = {"服务部": "office", "月份": "month", "部门代码": "department_code", "程序版本": "program_version"}
TECHNICIAN_HEADERS = ("技术员", "维修数", "及时数", "维修及时率", "成功数", "维修成功率", "回访接通数",
                      "满意数", "客户满意度", "等级")
DEALER_HEADERS = ("经销商", "回访接通数", "满意数", "客户满意度")
CHECK_SHEET = "校验"
CHECK_LABELS = {"format_version": "格式版本", "office": "服务部", "department_code": "部门代码", "month": "月份",
                "program_version": "程序版本", "prepared_at": "制表时间", "algorithm": "校验算法",
                "checksum": "校验值", "note": "说明", "text": "规范文本"}
PROPERTY_PREFIX = "ServiceDesk."
TEXT_CHUNK = 30000    # an Excel cell holds at most 32 767 characters


class Cancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("Export cancelled.", "file")


# ---------------------------------------------------------------- cell helpers
def _rate(rate: Rate) -> Any:
    return DASH if rate.fraction is None else rate.fraction


def _yes_no(flag: bool) -> str:
    return "是" if flag else "否"


# ---------------------------------------------------------------- sheets
def summary_sheet(wb: Workbook, title: str, info: list[tuple], headers: tuple[str, ...], rows: list[tuple],
                  kpi: MonthKpi, notes: list[str]) -> Worksheet:
    """The 汇总 layout the monthly and the company workbook share (head office
    reads it back by these positions and labels): title, info pairs in rows
    2-3 (label, value, label, value …), the figures table from row 5, the
    mean-and-grade row under it, then the notes."""
    ws = wb.active
    ws.title = "汇总"
    ws["A1"] = title
    ws["A1"].font = TITLE_FONT
    ws.merge_cells("A1:F1")
    for r, values in enumerate(info, start=2):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            if col % 2:
                cell.font = BOLD
            if isinstance(value, _dt.datetime):
                cell.number_format = DATETIME
                cell.alignment = Alignment(horizontal="left")
            elif isinstance(value, _dt.date):
                cell.number_format = DATE
                cell.alignment = Alignment(horizontal="left")
    last = table(ws, 5, headers, rows, {4: PERCENT})
    mean = kpi.mean
    r = last + 1
    ws.cell(row=r, column=1, value=MEAN_LABEL).font = BOLD
    cell = ws.cell(row=r, column=4, value=DASH if mean is None else mean / 100)
    if mean is not None:
        cell.number_format = PERCENT
    ws.cell(row=r, column=5, value="等级").font = BOLD
    ws.cell(row=r, column=6, value=kpi.grade or DASH).font = BOLD
    for col in range(1, 7):
        ws.cell(row=r, column=col).border = BOX
    fit_columns(ws, maximum=44)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = max(ws.column_dimensions["B"].width, 14)
    note = r + 2
    ws.cell(row=note, column=1, value="说明").font = BOLD
    for i, text in enumerate(notes):
        ws.cell(row=note + i, column=2, value=text)
        ws.merge_cells(start_row=note + i, start_column=2, end_row=note + i, end_column=6)
    print_setup(ws, "1:5")
    return ws


def _summary(wb: Workbook, report: KpiReport) -> None:
    k = report.kpi
    stamp = C.report_figures(report).stamp
    info = [("服务部", k.office, "月份", k.month, "部门代码", stamp.department_code),
            ("制表人", report.prepared_by, "制表日期", _dt.date.fromisoformat(report.prepared_at[:10]),
             "程序版本", stamp.program_version)]
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
    notes = ["分母为 0 的比率记为“—”，不计入等级；等级按已有比率的平均：≥95% 优秀，≥90% 良好，≥80% 合格，"
             "其余不合格。",
             f"导出前检查未处理项：{len(report.checks)} 项" + ("" if not report.checks else "（见 ServiceDesk 月报页）")]
    if report.sent is not None:
        notes.append(f"本月已于 {report.sent.sent_at[:16]} 报送（{report.sent.sent_by}）")
    summary_sheet(wb, f"售后服务月报（{k.month}）", info, SUMMARY_HEADERS, rows, k, notes)


def _technicians(wb: Workbook, report: KpiReport) -> None:
    rows = [(t.name, t.repairs, t.on_time, _rate(t.on_time_rate), t.successful, _rate(t.success_rate),
             t.calls_reached, t.satisfied, _rate(t.satisfaction), t.grade or DASH)
            for t in report.kpi.technicians]
    table_sheet(wb, "技术员", TECHNICIAN_HEADERS, rows, {4: PERCENT, 6: PERCENT, 9: PERCENT}, empty="无技术员")


def _dealers(wb: Workbook, report: KpiReport) -> None:
    rows = [(d.name, d.calls_reached, d.satisfied, _rate(d.satisfaction)) for d in report.kpi.dealers]
    table_sheet(wb, "经销商", DEALER_HEADERS, rows, {4: PERCENT}, empty="无经销商")


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


def add_rate_chart(ws, title: str, first_col: int, last_col: int, last_row: int, anchor: str) -> None:
    """A line chart of the rate columns first_col..last_col (header in row 1,
    months in column A), 0-100 %; an empty cell is a gap, not 0 %."""
    line = LineChart()
    line.title = title
    line.y_axis.title = "比率"
    line.y_axis.number_format = "0%"
    line.y_axis.scaling.min = 0
    line.y_axis.scaling.max = 1
    line.x_axis.title = "月份"
    line.height, line.width = 8, 18
    line.add_data(Reference(ws, min_col=first_col, max_col=last_col, min_row=1, max_row=last_row),
                  titles_from_data=True)
    line.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last_row))
    ws.add_chart(line, anchor)


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
    add_rate_chart(ws, "近 12 个月考核指标", 3, 6, last, "J2")
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


def _check_sheet(wb: Workbook, report: KpiReport) -> None:
    """The hidden sheet with the stamp, the checksum and the canonical text it
    is the SHA-256 of; the same stamp and checksum as custom document properties."""
    fig = C.report_figures(report)
    text = C.canonical_text(fig)
    checksum = C.text_checksum(text)
    ws = wb.create_sheet(CHECK_SHEET)
    ws.sheet_state = "hidden"
    ws["A1"] = C.FORMAT_NAME
    ws["A1"].font = BOLD
    values = {"format_version": C.FORMAT_VERSION, "office": fig.stamp.office,
              "department_code": fig.stamp.department_code, "month": fig.stamp.month,
              "program_version": fig.stamp.program_version, "prepared_at": report.prepared_at,
              "algorithm": C.ALGORITHM, "checksum": checksum,
              "note": "校验值是下方规范文本（UTF-8）的 SHA-256；总部汇总时按各表中的数字重算并核对，"
                      "表中任何数字被改动都会被发现。请勿修改本表。"}
    for r, (key, value) in enumerate(values.items(), start=2):
        ws.cell(row=r, column=1, value=CHECK_LABELS[key]).font = BOLD
        ws.cell(row=r, column=2, value=value)
    first = len(values) + 2
    ws.cell(row=first, column=1, value=CHECK_LABELS["text"]).font = BOLD
    for i in range(0, len(text), TEXT_CHUNK):
        ws.cell(row=first + i // TEXT_CHUNK, column=2, value=text[i:i + TEXT_CHUNK])
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 80
    print_setup(ws, "1:1")
    props = wb.custom_doc_props
    props.append(StringProperty(name=PROPERTY_PREFIX + "format", value=C.FORMAT_NAME))
    props.append(IntProperty(name=PROPERTY_PREFIX + "format_version", value=C.FORMAT_VERSION))
    for key in ("office", "department_code", "month", "program_version"):
        props.append(StringProperty(name=PROPERTY_PREFIX + key, value=str(values[key] or "")))
    props.append(StringProperty(name=PROPERTY_PREFIX + "figures_sha256", value=checksum))


def build_kpi_workbook(report: KpiReport, progress: Progress | None = None) -> Workbook:
    steps: list[tuple[str, Callable[[Workbook, KpiReport], None]]] = [
        ("汇总", _summary), ("技术员", _technicians), ("经销商", _dealers), ("明细", _details),
        ("回访", _calls), ("盘点", _counts), ("趋势", _trend)]
    if report.dealer_fee is not None:
        from servicedesk.reports.dealer_fee_workbook import add_dealer_fee_sheets

        steps.append(("经销商服务费", lambda wb, r: add_dealer_fee_sheets(wb, r.dealer_fee)))
    steps.append(("校验", _check_sheet))
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
