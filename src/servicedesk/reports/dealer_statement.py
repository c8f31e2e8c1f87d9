"""Dealer billing statement (经销商派工费用核算表), one A4 page per dispatch.

The dealer signs it; it is settled by direct payment or deducted by head
office finance (000 §四). Each amount shows how it was worked out.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from servicedesk.models.pay.billing import DealerStatement
from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.validation import fen_to_yuan_str
from servicedesk.reports.files import atomic_target
from servicedesk.reports.fonts import cjk_font

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def _int_words(n: int) -> str:
    digits = str(n)
    out = ""
    zero = False
    for i, ch in enumerate(digits):
        pos = len(digits) - 1 - i
        d = int(ch)
        if d == 0:
            zero = True
        else:
            if zero and out:
                out += "零"
            zero = False
            out += _DIGITS[d] + _UNITS[pos % 4]
        if pos % 4 == 0 and pos > 0 and int(digits[max(0, i - 3):i + 1]):
            out += _GROUPS[pos // 4]
    return out


def amount_in_words(fen: int) -> str:
    """12345 fen -> 壹佰贰拾叁元肆角伍分 (the way finance writes amounts)."""
    if fen == 0:
        return "零元整"
    sign = "负" if fen < 0 else ""
    fen = abs(fen)
    yuan, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    text = _int_words(yuan) + "元" if yuan else ""
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif text and cents:
        text += "零"
    text += _DIGITS[cents] + "分" if cents else "整"
    return sign + text


def _page(s: DealerStatement, font: str, office: str) -> list:
    base = ParagraphStyle("b", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    title = ParagraphStyle("t", parent=base, fontSize=16, leading=22, alignment=1)
    sub = ParagraphStyle("s", parent=base, fontSize=9, alignment=1, textColor=colors.HexColor("#444444"))
    y = fen_to_yuan_str
    info = Table([
        ["经销商", Paragraph(s.dealer or "—", base), "工单号", s.ticket_no],
        ["客户", Paragraph(s.customer, base), "完工日期", (s.completed_at or "")[:10]],
        ["设备", Paragraph(s.equipment or "—", base), "服务类型", s.ticket_type],
        ["地点", Paragraph(s.address or "—", base), "结算方式", s.mode_label],
        ["服务人员", Paragraph("、".join(s.team) or "—", base), "人数 / 天数", f"{s.persons} 人 / {s.days} 天"],
    ], colWidths=[22 * mm, 78 * mm, 24 * mm, 48 * mm])
    grid = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#666666")),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
        ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#F2F2F2")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ])
    info.setStyle(grid)
    rows = [["项目", "计算依据", "金额（元）"]]
    rows += [[ln.label, Paragraph(ln.basis, base), y(ln.amount_fen)] for ln in s.lines]
    rows.append(["合计", Paragraph(f"大写：{amount_in_words(s.total_fen)}", base), y(s.total_fen)])
    money = Table(rows, colWidths=[32 * mm, 105 * mm, 35 * mm])
    money.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#666666")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7")),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F2F2F2")),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    work = "；".join(f"{name} {qty}（{h / 100:.2f} 工时）" for name, qty, h in s.work) or "无"
    story = [
        Paragraph(f"{office}派工费用核算表", title),
        Paragraph("（经销商应负责的安装及售后服务，由用户服务部派出人员，按工时费用标准加差旅费用结算）", sub),
        Spacer(1, 5 * mm), info, Spacer(1, 3 * mm),
        Paragraph(f"工作内容：{work}", base), Spacer(1, 3 * mm), money, Spacer(1, 3 * mm),
    ]
    if s.notes:
        story += [Paragraph(f"备注：{s.notes}", base), Spacer(1, 3 * mm)]
    story += [Spacer(1, 12 * mm),
              Paragraph("经销商确认（签字盖章）：＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿", base),
              Spacer(1, 8 * mm),
              Paragraph("用户服务部经办人：＿＿＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿＿＿", base)]
    return story


def write_dealer_statements(statements: list[DealerStatement], out: str | os.PathLike, *, office: str = "",
                            font_file: str = "") -> Path:
    if not statements:
        raise DomainError("No dealer statement to print.", "ticket")
    font = cjk_font(font_file).name
    story: list = []
    for i, s in enumerate(statements):
        if i:
            story.append(PageBreak())
        story += _page(s, font, office)
    with atomic_target(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                topMargin=18 * mm, bottomMargin=18 * mm, title="派工费用核算表")
        doc.build(story)
    return Path(out)
