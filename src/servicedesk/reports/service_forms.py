"""外出服务记录表 and 售后服务信息收集表 (DOMAIN §7, seed 003 §6.3 and appendix).

- 外出(安装/售后/维修)服务记录表: the clerk fills the header and the service
  description; the technician takes it on site and the customer ticks the
  boxes (attitude, damage, tidiness, satisfaction) and signs. What the
  ticket already knows (service type, result, charges) is ticked/filled.
- 售后服务信息收集表: customer, equipment and what was done, for the archive.

Both use the same pen, page geometry, offsets and 续页 rules as the repair
form (reports/repair_form.py), in either layout.
"""

from __future__ import annotations

from typing import Callable, Sequence

from reportlab.lib.units import mm

from servicedesk.models.printing.forms import TicketForm
from servicedesk.models.printing.print_log import PrintMark
from servicedesk.models.core.validation import fen_to_yuan_str
from servicedesk.reports.fonts import cjk_font
from servicedesk.reports.form_draw import (
    CONTINUED, COMPACT, FormOptions, Overflow, PageWriter, Pen, draw_continuation, draw_header, money,
    short_dt, text_width, ymd,
)

OUTSIDE_TITLE = "外出安装/售后/维修服务记录表"
INFO_TITLE = "售后服务信息收集表"

SERVICE_TYPES = (("installation", "安装"), ("repair", "维修"), ("inspection", "巡检"),
                 ("technical_service", "技术服务"), ("complaint", "投诉处理"), ("other", "其他"))
ATTITUDE = ("差", "一般", "满意", "好", "很好")
DAMAGE = ("有", "无", "严重")
TIDINESS = ("好", "不好")
SATISFACTION = ("满意", "不满意", "非常不满意")
RESULTS = (("done", "完成"), ("not_done", "未完成"))


def _header(pen: Pen, w: float, title: str, form: TicketForm, mark: PrintMark | None) -> float:
    """Title, barcode, number, office and 补打 mark; returns the y where the table starts."""
    draw_header(pen, w, title, form, mark, "", "服务单位：")
    return pen.style.header


def _section_label(pen: Pen, x: float, y: float, w: float, h: float, text: str) -> None:
    """A label written top-to-bottom in a narrow column spanning several rows (like the paper)."""
    st = pen.style
    size = st.size
    step = size * 1.2 / mm
    while step * len(text) > h - 1 and size > st.min_size:
        size -= 0.5
        step = size * 1.2 / mm
    y0 = y + (h - step * len(text)) / 2 + size * 0.88 / mm
    for i, ch in enumerate(text):
        pen.text(x + w / 2, y0 + i * step, ch, size, align="center")


def _boxes(pen: Pen, x: float, y: float, h: float, choices: Sequence[str], checked: str | None) -> None:
    """'□差 □一般 ...' with the known answer ticked; boxes are drawn, not glyphs."""
    st = pen.style
    yb = pen.baseline(y, h, st.size)
    cx = x + st.pad + 0.5
    for label in choices:
        cx += pen.checkbox(cx, yb, st.size, label == checked) + 0.8
        cx += pen.text(cx, yb, label) + 4.0


def _cells(pen: Pen, y: float, h: float, spec: Sequence[tuple[float, str, str]], x0: float, w: float) -> None:
    """One row of label/value cells: spec items (width mm or 0 = the rest, kind, text).

    kind 'L' = centred label cell, 'V' = value cell (shrinks, wraps, 续页).
    """
    fixed = sum(cw for cw, _, _ in spec if cw)
    rest = max(0.0, w - fixed)
    x = x0
    for i, (cw, kind, text) in enumerate(spec):
        cw = cw or rest
        if i:
            pen.line(x, y, x, y + h)
        if kind == "L":
            pen.label_cell(x, y, cw, h, text)
        else:
            pen.field(x, y, cw, h, "", text, name=spec[i - 1][2] if i else "")
        x += cw


def outside_ticks(form: TicketForm) -> dict[str, str]:
    """The boxes the ticket already answers: service type and result. Attitude, damage,
    tidiness and satisfaction are the customer's to tick on site, so they stay empty."""
    kind = form.type if form.type in dict(SERVICE_TYPES) else "other"
    ticks = {"安装/维修类型": dict(SERVICE_TYPES)[kind]}
    if form.result in dict(RESULTS):
        ticks["处理结果"] = dict(RESULTS)[form.result]
    return ticks


def _charges(form: TicketForm) -> str:
    if form.warranty == "in":
        extra = f"，客户购买件 {money(form.bought_total_fen)}" if form.bought_parts else ""
        return "三包期内免费" + extra
    if form.charges_fen is not None:
        return f"{money(form.charges_fen)}（按收费标准）"
    return ""


def draw_outside_form(pen: Pen, form: TicketForm, mark: PrintMark | None, w: float, h: float) -> Overflow:
    """外出服务记录表 in a w x h mm box at the current origin."""
    st = pen.style
    top = y = _header(pen, w, OUTSIDE_TITLE, form, mark)
    r = st.row
    S = 9.0 if st is COMPACT else 11.0          # the vertical section-label column
    L = st.label_w - 4
    x0, cw = S, w - S
    half = (cw - 2 * L) / 2
    sign_h = r * 1.2
    fixed_rows = 3 + 1 + 5 + 1      # customer, dates, five tick rows, result
    flex = max(3 * r, h - st.header - fixed_rows * r - sign_h)
    desc_h, sugg_h, prom_h = flex * 0.45, flex * 0.3, flex * 0.25
    # 客户资料
    sec1 = y
    _cells(pen, y, r, [(L, "L", "客户名称"), (half, "V", form.customer_name), (L, "L", "电话"),
                       (0, "V", form.phone)], x0, cw)
    y += r
    pen.line(x0, y, w, y)
    _cells(pen, y, r, [(L, "L", "客户地址"), (0, "V", form.address)], x0, cw)
    y += r
    pen.line(x0, y, w, y)
    product = " ".join(v for v in (form.model, form.serial_no) if v)
    _cells(pen, y, r, [(L, "L", "产品类型"), (half, "V", product), (L, "L", "安装/维修人员"),
                       (0, "V", "、".join(form.technicians))], x0, cw)
    y += r
    _section_label(pen, 0, sec1, S, y - sec1, "客户资料")
    pen.line(0, y, w, y)
    # 安装/维修记录
    sec2 = y
    _cells(pen, y, r, [(L, "L", "送货日期"), (half, "V", (form.delivery_date or "")[:10]),
                       (L, "L", "完成日期"), (0, "V", short_dt(form.completed_at))], x0, cw)
    y += r
    pen.line(x0, y, w, y)
    ticks = outside_ticks(form)
    for label, choices in (
        ("安装/维修类型", [t for _, t in SERVICE_TYPES]),
        ("工作态度", ATTITUDE),
        ("产品损坏", DAMAGE),
        ("卫生状况", TIDINESS),
        ("顾客满意", SATISFACTION),
    ):
        _cells(pen, y, r, [(L, "L", label)], x0, L)
        _boxes(pen, x0 + L, y, r, choices, ticks.get(label))
        y += r
        pen.line(x0, y, w, y)
    # 处理结果 □完成 □未完成 | 收费情况
    _cells(pen, y, r, [(L, "L", "处理结果"), (half, "V", ""), (L, "L", "收费情况"),
                       (0, "V", _charges(form))], x0, cw)
    _boxes(pen, x0 + L, y, r, [t for _, t in RESULTS], ticks.get("处理结果"))
    y += r
    pen.line(x0, y, w, y)
    # 服务内容描述 / 客户建议 / 公司承诺
    desc = "；".join(v for v in (form.fault and f"报修：{form.fault}", form.repair_text) if v)
    for label, text, bh in (("服务内容描述", desc, desc_h), ("客户建议", form.customer_opinion, sugg_h),
                            ("公司承诺", "", prom_h)):
        pen.label_cell(x0, y, L, bh, label)
        pen.line(x0 + L, y, x0 + L, y + bh)
        pen.para(x0 + L, y, cw - L, bh, text, name=label)
        y += bh
        pen.line(x0, y, w, y)
    _section_label(pen, 0, sec2, S, y - sec2, "安装维修记录")
    # 客户签字 + 日期
    pen.label_cell(x0, y, L, sign_h, "客户签字")
    pen.line(x0 + L, y, x0 + L, y + sign_h)
    yb = pen.baseline(y, sign_h, st.size)
    pen.text(x0 + L + st.pad, yb, form.customer_signature)
    pen.text(w - st.pad, yb, ymd(form.signed_at), align="right")
    y += sign_h
    pen.line(S, top, S, top + (y - top - sign_h))
    pen.line(0, y - sign_h, S, y - sign_h)
    pen.rect(0, top, w, y - top, width=st.border)
    over = Overflow(texts=pen.overflow)
    pen.overflow = []
    return over


def _parts_text(form: TicketForm) -> str:
    lines = [f"{p.label} × {p.quantity}（三包件）" for p in form.warranty_parts]
    lines += [f"{p.label} × {p.quantity}（客户购买，单价 {fen_to_yuan_str(p.unit_price_fen)}，"
              f"合计 {fen_to_yuan_str(p.total_fen)}）" for p in form.bought_parts]
    return "；".join(lines) if lines else ("无" if form.result else "")


def draw_info_form(pen: Pen, form: TicketForm, mark: PrintMark | None, w: float, h: float) -> Overflow:
    """售后服务信息收集表 in a w x h mm box at the current origin."""
    st = pen.style
    top = y = _header(pen, w, INFO_TITLE, form, mark)
    r = st.row
    L = st.label_w - 8
    third = (w - 3 * L) / 3
    _cells(pen, y, r, [(L, "L", "客户名称"), (third * 2 + L, "V", form.customer_name), (L, "L", "设备种类"),
                       (0, "V", form.model)], 0, w)
    y += r
    pen.line(0, y, w, y)
    _cells(pen, y, r, [(L, "L", "联系人"), (third, "V", form.contact), (L, "L", "职务"),
                       (third, "V", form.customer_title), (L, "L", "联系电话"), (0, "V", form.phone)], 0, w)
    y += r
    pen.line(0, y, w, y)
    _cells(pen, y, r, [(L, "L", "地址"), (0, "V", form.address)], 0, w)
    y += r
    pen.line(0, y, w, y)
    sec = y
    S = L
    x0, cw = S, w - S
    size_text = form.model + (f" × {form.quantity}台" if form.quantity else "")
    commissioned = (form.acceptance_date or form.delivery_date or "")[:10]
    for label, value in (("1、项目编号(AB号)：", form.project_no), ("2、设备编号：", form.serial_no),
                         ("3、设备类型及尺寸：", size_text), ("4、设备投运时间：", commissioned)):
        pen.field(x0, y, cw, r, label, value, name=label.strip("1234、：").rstrip("："))
        y += r
        pen.line(x0, y, w, y)
    flex = max(3 * r, h - y)
    bh = flex / 3
    for label, text in (("5、设备故障描述：", form.fault), ("6、设备维修情况：", form.repair_text),
                        ("7、设备零部件更换情况：", _parts_text(form))):
        pen.para(x0, y, cw, bh, text, label=label, name=label.strip("1234567、：").rstrip("："))
        y += bh
        if y < top + h - 0.1:
            pen.line(x0, y, w, y)
    _section_label(pen, 0, sec, S, y - sec, "设备信息")
    pen.line(S, sec, S, y)
    pen.rect(0, top, w, y - top, width=st.border)
    over = Overflow(texts=pen.overflow)
    pen.overflow = []
    return over


_DRAW: dict[str, tuple[str, Callable]] = {
    "outside": (OUTSIDE_TITLE, draw_outside_form),
    "info": (INFO_TITLE, draw_info_form),
}


def render_service_forms(items: Sequence[tuple[TicketForm, PrintMark | None]], form: str,
                         options: FormOptions, progress: Callable[[int], bool] | None = None) -> bytes:
    """PDF with one page (plus 续页) per ticket of the 外出服务记录表 or 信息收集表."""
    title, draw = _DRAW[form]
    pages = PageWriter(options, cjk_font(options.font_file).name)
    for i, (data, mark) in enumerate(items):
        pages.new_page()
        over = draw(pages.pen, data, mark, pages.box_w, pages.box_h)
        if over:
            draw_continuation(pages, title, data, mark, over)
        if progress is not None and progress(i + 1) is False:
            break
    return pages.finish()


__all__ = ["render_service_forms", "draw_outside_form", "draw_info_form", "CONTINUED", "text_width"]
