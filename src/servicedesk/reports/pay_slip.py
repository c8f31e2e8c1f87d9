"""Printable pay slips (工资条): one A4 page per technician, in Chinese.

The slip shows how the total was reached: attendance and allowance, base
salary, every ticket line with its hours and money, every deduction line by
line (with its reason), refunds, and the approval state, so a technician can
check each yuan against his tickets.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from servicedesk.models.core.errors import DomainError
from servicedesk.models.pay.month import DISPUTE_STATUS, LINE_KINDS, MonthPay, TechnicianPay
from servicedesk.models.core.validation import fen_to_yuan_str
from servicedesk.reports.files import atomic_target
from servicedesk.reports.fonts import cjk_font

Progress = Callable[[int, int], None]


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontSize=15, leading=20, alignment=1),
        "sub": ParagraphStyle("sub", parent=base, fontSize=9, textColor=colors.HexColor("#444444"), alignment=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "right": ParagraphStyle("right", parent=base, fontSize=8.5, leading=11, alignment=2),
    }


def _grid(font: str, header_rows: int = 1) -> TableStyle:
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#DDEBF7")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ])


def _state(pay: MonthPay) -> str:
    if pay.locked:
        return f"已审批锁定（{pay.approved_by or '—'}，{(pay.approved_at or '')[:16]}）"
    return "草稿（未审批，仅供核对）"


def _slip(pay: MonthPay, t: TechnicianPay, font: str, office: str) -> list:
    st = _styles(font)
    y = fen_to_yuan_str
    story: list = [
        Paragraph(f"{office}工资条", st["title"]),
        Paragraph(f"{pay.month[:4]}年{pay.month[5:7]}月　姓名：{t.name}　岗位：{t.role_label}　"
                  f"状态：{_state(pay)}", st["sub"]),
        Spacer(1, 4 * mm),
    ]
    summary = Table([
        ["出勤天数", "远差天数", "生活补贴", "基本工资", "工时", "绩效工资", "考核扣款", "车票报销", "应发合计"],
        [str(t.days_worked), str(t.long_trip_days), y(t.allowance_fen), y(t.base_fen),
         f"{t.hours_x100 / 100:.2f}", y(t.performance_fen), y(t.deductions_fen), y(t.reimbursement_fen),
         y(t.total_fen)],
    ], colWidths=[18 * mm] * 9)
    style = _grid(font)
    style.add("ALIGN", (0, 0), (-1, -1), "CENTER")
    style.add("FONTSIZE", (8, 1), (8, 1), 10)
    summary.setStyle(style)
    story += [summary, Spacer(1, 2 * mm),
              Paragraph(f"应发合计 = 生活补贴 {y(t.allowance_fen)}（{pay.allowance_per_day_fen / 100:.2f} 元 × "
                        f"{max(t.days_worked - t.long_trip_days, 0)} 天）+ 基本工资 {y(t.base_fen)} + 绩效工资 "
                        f"{y(t.performance_fen)}（{pay.rate_per_hour_fen / 100:.2f} 元/工时）− 考核扣款 "
                        f"{y(t.deductions_fen)} + 车票报销 {y(t.reimbursement_fen)}", st["base"]),
              Spacer(1, 4 * mm)]
    rows = [["类别", "工单号", "日期", "内容", "工单工时", "本人工时", "金额（元）"]]
    for ln in t.lines:
        label = LINE_KINDS.get(ln.kind, ln.kind) + ("（组长）" if ln.kind == "work" and ln.leader else "")
        text = ln.description + (f"［{DISPUTE_STATUS[ln.dispute]}］" if ln.dispute else "")
        rows.append([
            Paragraph(label, st["cell"]), ln.ticket_no, ln.date, Paragraph(text, st["cell"]),
            f"{ln.job_hours_x100 / 100:.2f}÷{ln.team_size}" if ln.kind == "work" else "",
            f"{ln.hours_x100 / 100:.2f}" if ln.hours_x100 else "",
            Paragraph(y(ln.signed_fen), st["right"]),
        ])
    if len(rows) == 1:
        rows.append(["", "", "", Paragraph("本月无工时、扣款或报销记录", st["cell"]), "", "", ""])
    lines = Table(rows, colWidths=[20 * mm, 26 * mm, 18 * mm, 62 * mm, 16 * mm, 14 * mm, 20 * mm], repeatRows=1)
    style = _grid(font)
    style.add("ALIGN", (4, 1), (5, -1), "RIGHT")
    for i, ln in enumerate(t.lines, start=1):
        if ln.kind == "deduction":
            style.add("TEXTCOLOR", (0, i), (-1, i), colors.HexColor("#B3261E"))
    lines.setStyle(style)
    story += [lines, Spacer(1, 10 * mm),
              Paragraph("本人签字：＿＿＿＿＿＿＿＿　　主管审核：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿＿＿",
                        st["base"])]
    return story


def write_pay_slips(pay: MonthPay, out: str | os.PathLike, *, technician_ids: list[int] | None = None,
                    office: str = "", font_file: str = "", progress: Progress | None = None) -> Path:
    """One page per technician (all, or those listed) into one PDF."""
    chosen = [t for t in pay.technicians if technician_ids is None or t.technician_id in technician_ids]
    if not chosen:
        raise DomainError("No technician to print a pay slip for.", "technician")
    font = cjk_font(font_file).name
    story: list = []
    for i, tech in enumerate(chosen, start=1):
        if i > 1:
            story.append(PageBreak())
        story += _slip(pay, tech, font, office)
        if progress:
            progress(i, len(chosen))
    with atomic_target(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm,
                                topMargin=14 * mm, bottomMargin=14 * mm,
                                title=f"工资条 {pay.month}", author=office or "ServiceDesk")
        doc.build(story)
    return Path(out)


def export_pay_slips(db, month: str, out: str | os.PathLike, technician_ids: list[int] | None = None,
                     progress: Progress | None = None) -> Path:
    from servicedesk.models.pay.month import month_pay
    from servicedesk.models.core.settings import get_setting

    return write_pay_slips(month_pay(db, month), out, technician_ids=technician_ids,
                           office=str(get_setting(db, "office.name", "") or ""),
                           font_file=str(get_setting(db, "print.font_file", "") or ""), progress=progress)
