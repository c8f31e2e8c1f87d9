"""The 三联 售后服务维修记录单 (003 appendix) as a PDF, on the office's real paper.

Two layouts:
- ``a4``: portrait A4, the three copies 第一联 存根 / 第二联 售后服务 / 第三联 客户
  each labelled, one copy per page (or 2–3 per page, setting
  print.a4_copies_per_page: the compact design scaled to fit);
- ``continuous``: one form per page on 241 mm wide continuous carbonless
  paper (height print.continuous_height_mm, default 140 mm) for a dot-matrix
  printer that makes the three copies itself: no copy label, thin clean
  lines, no text below 9 pt.

Everything on a page moves by the per-printer offset (print.offset_x_mm /
offset_y_mm; positive y moves the print DOWN the paper) so it lands right on
pre-printed stock. Long text wraps inside its box, shrinks to a minimum size,
and what still does not fit continues on an attached sheet (续页) — the box
says so; nothing is cut silently.

A reprint carries "补打（第N次） date" (models/printing/print_log.py decides N).
The drawing toolkit shared with the other forms is reports/form_draw.py; the
pure drawing functions take dataclasses from models/printing/forms.py;
`render_ticket_pdf` is the one entry point the CLI and the GUI call: it reads
the tickets, logs the prints and returns the PDF bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from reportlab.lib.units import mm

from servicedesk.models.core.db import transaction
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.printing.forms import (
    HEIGHT_RANGE_MM, TicketForm, load_print_settings, load_ticket_forms,
)
from servicedesk.models.printing.print_log import FORMS, PrintMark, log_print, next_marks
from servicedesk.models.core.validation import fen_to_yuan_str
from servicedesk.reports.fonts import cjk_font
from servicedesk.reports.form_draw import (  # noqa: F401 (re-exported: callers import the form API from here)
    A4_H_MM,
    A4_W_MM,
    COMPACT_H,
    COMPACT_W,
    CONTINUOUS_WIDTH_MM,
    COPY_LABELS,
    CONTINUED,
    FormOptions,
    Style,
    COMPACT,
    ROOMY,
    char_width,
    text_width,
    Line,
    wrap_text,
    Pen,
    ymdhm,
    ymd,
    short_dt,
    money,
    draw_barcode,
    mark_box,
    draw_header,
    Overflow,
    draw_continuation,
    PageWriter,
)


# ------------------------------------------------------------------ the form
def draw_repair_form(pen: Pen, form: TicketForm, mark: PrintMark | None, w: float, h: float,
                     copy_label: str = "") -> Overflow:
    """Draw one 售后服务维修记录单 in a w x h mm box whose top-left is the current origin."""
    st = pen.style
    sx = w / COMPACT_W   # columns are designed on the 213 mm box and scale with the width
    draw_header(pen, w, FORMS["repair"], form, mark, copy_label, "维修单位：")

    y = st.header
    top = y
    r = st.row
    L = st.label_w
    grid: list[float] = []     # y of every horizontal rule

    # flexible rows: 报修内容 and 维修结果 share what the fixed rows leave
    parts_h = r * 0.85 * (2 + st.parts_rows + 1)
    fixed = 4 * r + r + parts_h + st.sign_h + r
    flex = max(2 * r, h - st.header - fixed)
    fault_h = flex * 0.5
    result_h = flex - fault_h

    def hline(yy: float) -> None:
        grid.append(yy)
        pen.line(0, yy, w, yy)

    # 1 用户姓名(单位、人)
    pen.label_cell(0, y, L, r, "用户姓名(单位、人)")
    pen.line(L, y, L, y + r)
    pen.field(L, y, w - L, r, "", form.customer_name, name="用户姓名(单位、人)")
    y += r
    hline(y)
    # 2 用户地址及联系人: 地址 / 联系人 / 联系电话
    pen.label_cell(0, y, L, r, "用户地址及联系人")
    c1, c2 = L + (w - L) * 0.52, L + (w - L) * 0.74
    for xx in (L, c1, c2):
        pen.line(xx, y, xx, y + r)
    pen.field(L, y, c1 - L, r, "地址：", form.address)
    pen.field(c1, y, c2 - c1, r, "联系人：", form.contact)
    pen.field(c2, y, w - c2, r, "联系电话：", form.phone)
    y += r
    hline(y)
    # 3 要求服务时间 / 购机日期 / 报修日期
    pen.label_cell(0, y, L, r, "要求服务时间")
    d1, d2 = L + (w - L) * 0.36, L + (w - L) * 0.66
    for xx in (L, d1, d2):
        pen.line(xx, y, xx, y + r)
    pen.field(L, y, d1 - L, r, "", short_dt(form.requested_at), name="要求服务时间")
    pen.field(d1, y, d2 - d1, r, "购机日期：", (form.purchase_date or "")[:10])
    pen.field(d2, y, w - d2, r, "报修日期：", short_dt(form.reported_at))
    y += r
    hline(y)
    # 4 型号 / 机号 / 数量 / 发票号
    m1, m2, m3 = w * 0.30, w * 0.60, w * 0.72
    for xx in (m1, m2, m3):
        pen.line(xx, y, xx, y + r)
    pen.field(0, y, m1, r, "型号：", form.model)
    pen.field(m1, y, m2 - m1, r, "机号：", form.serial_no)
    pen.field(m2, y, m3 - m2, r, "数量：", "" if form.quantity is None else str(form.quantity))
    pen.field(m3, y, w - m3, r, "发票号：", form.invoice_no)
    y += r
    hline(y)
    # 5 报修内容 + 记录人 (bottom right, like the paper form)
    rec = f"记录人：{form.recorder}"
    rec_w = text_width(rec, pen.font, st.size) / mm + 2 * st.pad
    rec_base = pen.para(0, y, w, fault_h, form.fault, label="报修内容：", name="报修内容",
                        reserve_last=rec_w)
    pen.text(w - st.pad, rec_base, rec, st.size, align="right")
    y += fault_h
    hline(y)
    # 6 维修结果
    pen.para(0, y, w, result_h, form.repair_text, label="维修结果：", name="维修结果")
    y += result_h
    hline(y)
    # 7 修理时间 年 月 日 时 分 至 年 月 日 时 分
    pen.field(0, y, w, r, "修理时间：", f"{ymdhm(form.repair_from)}  至  {ymdhm(form.repair_to)}")
    y += r
    hline(y)
    # 8 parts: "三包"件 (名称, 数量) | 客户购买件 (名称, 数量, 单价, 合计)
    pr = r * 0.85
    cols = [0, 58 * sx, 74 * sx, 137 * sx, 153 * sx, 181 * sx, w]   # 名称 数量 | 名称 数量 单价 合计
    split = cols[2]
    pen.line(split, y, split, y + parts_h, width=st.line * 1.6)
    pen.field(0, y, split, pr, "", "“三包”件（务必写明名称和数量）", align="center")
    pen.field(split, y, w - split, pr, "", "客户购买件（务必写明名称和数量）", align="center")
    y += pr
    pen.line(0, y, w, y)
    heads = ("名称", "数量", "名称", "数量", "单价", "合计")
    for i, head in enumerate(heads):
        pen.field(cols[i], y, cols[i + 1] - cols[i], pr, "", head, align="center")
    rows_top = y
    n = st.parts_rows
    wp, bp = form.warranty_parts, form.bought_parts
    overflow = Overflow()
    show_w = wp if len(wp) <= n else wp[: n - 1]
    show_b = bp if len(bp) <= n else bp[: n - 1]
    if len(wp) > n:
        overflow.warranty_parts = wp[n - 1:]
    if len(bp) > n:
        overflow.bought_parts = bp[n - 1:]
    for i in range(n + 1):
        pen.line(0, rows_top + pr * (i + 1), w, rows_top + pr * (i + 1), width=st.line * 0.8)
    for i, p in enumerate(show_w):
        yy = rows_top + pr * (i + 1)
        pen.field(cols[0], yy, cols[1] - cols[0], pr, "", p.label, name=f"“三包”件第{i + 1}行")
        pen.field(cols[1], yy, cols[2] - cols[1], pr, "", str(p.quantity), align="center", name="数量")
    if overflow.warranty_parts:
        pen.field(cols[0], rows_top + pr * n, split, pr, "",
                  f"另有 {len(overflow.warranty_parts)} 项{CONTINUED}")
    for i, p in enumerate(show_b):
        yy = rows_top + pr * (i + 1)
        pen.field(cols[2], yy, cols[3] - cols[2], pr, "", p.label, name=f"客户购买件第{i + 1}行")
        pen.field(cols[3], yy, cols[4] - cols[3], pr, "", str(p.quantity), align="center", name="数量")
        pen.field(cols[4], yy, cols[5] - cols[4], pr, "", fen_to_yuan_str(p.unit_price_fen),
                  align="center", name="单价")
        pen.field(cols[5], yy, cols[6] - cols[5], pr, "", fen_to_yuan_str(p.total_fen),
                  align="center", name="合计")
    if overflow.bought_parts:
        pen.field(cols[2], rows_top + pr * n, cols[4] - cols[2], pr, "",
                  f"另有 {len(overflow.bought_parts)} 项{CONTINUED}")
    for i in (1, 3, 4, 5):
        pen.line(cols[i], rows_top, cols[i], rows_top + pr * (n + 1), width=st.line * 0.8)
    total_y = rows_top + pr * (n + 1)
    wq = sum(p.quantity for p in wp)
    pen.field(0, total_y, split, pr, "共计：", f"{wq} 件" if wp else "")
    pen.field(cols[2], total_y, cols[5] - cols[2], pr, "", "合计金额", align="center")
    pen.field(cols[5], total_y, w - cols[5], pr, "", money(form.bought_total_fen) if bp else "",
              align="center", name="合计金额")
    y = top + 4 * r + fault_h + result_h + r + parts_h
    hline(y)
    # 9 售后服务人员 + 日期 | 用户意见 + 签名 + 日期
    half = split
    pen.line(half, y, half, y + st.sign_h)
    pen.para(0, y, half, st.sign_h - r * 0.8, "、".join(form.technicians), label="售后服务人员：",
             name="售后服务人员")
    pen.text(half - st.pad, y + st.sign_h - st.pad - 0.8, ymd(form.completed_at), align="right")
    sign = f"签名：{form.customer_signature}"
    pen.para(half, y, w - half, st.sign_h - r * 0.8, form.customer_opinion, label="用户意见：",
             name="用户意见")
    yb = y + st.sign_h - st.pad - 0.8
    pen.text(w - st.pad, yb, ymd(form.signed_at), align="right")
    pen.text(half + (w - half) * 0.45, yb, sign, align="left")
    y += st.sign_h
    hline(y)
    # 10 部门领导 / 仓库人员 / 维修人员, each with 日期
    thirds = (0, w / 3, 2 * w / 3, w)
    signers = (("部门领导：", form.reviewed_by, form.reviewed_at),
               ("仓库人员：", "", None),
               ("维修人员：", form.leader, form.repair_to))
    for i, (label, who, when) in enumerate(signers):
        x0, x1 = thirds[i], thirds[i + 1]
        if i:
            pen.line(x0, y, x0, y + r)
        pen.field(x0, y, (x1 - x0) * 0.48, r, label, who, name=label.rstrip("："))
        pen.field(x0 + (x1 - x0) * 0.48, y, (x1 - x0) * 0.52, r, "日期：", (when or "")[:10])
    y += r
    # frame: label column rules and the outer border
    pen.line(L, top, L, top + 3 * r)
    pen.rect(0, top, w, y - top, width=st.border)
    overflow.texts = pen.overflow
    pen.overflow = []
    return overflow


def _draw_a4_copies(pages: PageWriter, form: TicketForm, mark: PrintMark | None) -> None:
    n = pages.options.a4_copies_per_page
    if n <= 1:
        for label in COPY_LABELS:
            pages.new_page()
            over = draw_repair_form(pages.pen, form, mark, pages.box_w, pages.box_h, label)
            if over:
                draw_continuation(pages, FORMS["repair"], form, mark, over, label)
        return
    # 2 or 3 copies a page: the compact design, scaled to its slot, cut lines between
    gap = 8.0
    slot_h = (pages.box_h - gap * (n - 1)) / n
    scale = min(pages.box_w / COMPACT_W, slot_h / COMPACT_H)
    compact = Pen(pages.c, pages.font, COMPACT)
    for first in range(0, len(COPY_LABELS), n):
        labels = COPY_LABELS[first:first + n]
        overs = []
        pages.new_page()
        for i, label in enumerate(labels):
            pages.c.saveState()
            pages.c.translate((pages.box_w - COMPACT_W * scale) / 2 * mm, -(i * (slot_h + gap)) * mm)
            if i:   # cut line between copies, across the whole sheet
                pages.pen.line(-(pages.box_w - COMPACT_W * scale) / 2 - 5, -gap / 2,
                               (pages.box_w + COMPACT_W * scale) / 2 + 5, -gap / 2, width=0.4)
            pages.c.scale(scale, scale)
            # the design fills its slot: spare height goes to the text boxes
            design_h = max(COMPACT_H, slot_h / scale)
            overs.append((label, draw_repair_form(compact, form, mark, COMPACT_W, design_h, label)))
            pages.c.restoreState()
        for label, over in overs:
            if over:
                draw_continuation(pages, FORMS["repair"], form, mark, over, label)


def render_repair_forms(items: Sequence[tuple[TicketForm, PrintMark | None]],
                        options: FormOptions,
                        progress: Callable[[int], bool] | None = None) -> bytes:
    """PDF of the 维修记录单 of every (form, mark): 3 labelled copies on A4, or one continuous page.

    `progress(i)` is called after each ticket; returning False stops (cancel).
    """
    font = cjk_font(options.font_file).name
    pages = PageWriter(options, font)
    for i, (form, mark) in enumerate(items):
        if options.layout == "continuous":
            pages.new_page()
            over = draw_repair_form(pages.pen, form, mark, pages.box_w, pages.box_h)
            if over:
                draw_continuation(pages, FORMS["repair"], form, mark, over)
        else:
            _draw_a4_copies(pages, form, mark)
        if progress is not None and progress(i + 1) is False:
            break
    return pages.finish()


# ------------------------------------------------------------------ entry point
@dataclass(frozen=True)
class RenderResult:
    pdf: bytes
    marks: list[PrintMark]
    ticket_nos: list[str]
    cancelled: bool = False


def render_forms(items: Sequence[tuple[TicketForm, PrintMark | None]], form: str,
                 options: FormOptions, progress: Callable[[int], bool] | None = None) -> bytes:
    """Dispatch to the drawing of one form kind (repair / outside / info)."""
    if form == "repair":
        return render_repair_forms(items, options, progress)
    from servicedesk.reports.service_forms import render_service_forms

    return render_service_forms(items, form, options, progress)


def render_ticket_pdf(db, keys: Sequence[int | str], *, form: str = "repair", layout: str | None = None,
                      who: str = "", target: str = "", log: bool = True,
                      options: FormOptions | None = None,
                      progress: Callable[[int], bool] | None = None) -> RenderResult:
    """Read the tickets, log each print (补打 numbering) and draw them into one PDF.

    With log=False (preview) nothing is written and the marks show what the
    next print would carry. Logging and drawing share one transaction, so a
    drawing error leaves no print in the log.
    """
    if form not in FORMS:
        raise ValidationError(f"Unknown form {form!r}; choose one of {', '.join(FORMS)}.", field="form")
    if options is None:
        options = FormOptions.from_settings(load_print_settings(db), layout=layout)
    elif layout:
        options = replace(options, layout=layout)
    if options.layout not in ("a4", "continuous"):
        raise ValidationError("Layout must be a4 or continuous.", field="layout")
    low, high = HEIGHT_RANGE_MM
    if options.layout == "continuous" and not low <= options.continuous_height_mm <= high:
        raise ValidationError(f"Paper height must be between {low:g} and {high:g} mm.",
                              field="continuous_height_mm")
    forms = load_ticket_forms(db, list(keys), with_quote=(form == "outside"))
    cancelled = False

    def tick(i: int) -> bool:
        nonlocal cancelled
        if progress is not None and progress(i) is False:
            cancelled = True
            return False
        return True

    if not log:
        peek = next_marks(db, [f.ticket_id for f in forms], form)
        items = [(f, peek[f.ticket_id]) for f in forms]
        pdf = render_forms(items, form, options, tick)
        return RenderResult(pdf, [m for _, m in items], [f.no for f in forms], cancelled)
    try:
        with transaction(db):
            items = []
            for f in forms:
                items.append((f, log_print(db, f.ticket_id, form, layout=options.layout,
                                           target=target, who=who)))
            pdf = render_forms(items, form, options, tick)
            if cancelled:
                raise _Cancelled()
    except _Cancelled:
        return RenderResult(b"", [], [], True)
    return RenderResult(pdf, [m for _, m in items], [f.no for f in forms], False)


class _Cancelled(Exception):
    """Raised inside the logging transaction so a cancelled batch logs nothing."""


_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


def page_count(pdf: bytes) -> int:
    """Pages in a PDF this module wrote (ReportLab writes one /Type /Page per page)."""
    return len(_PAGE.findall(pdf))


def write_pdf(path, pdf: bytes) -> None:
    """Write beside the target and rename, so a half-written PDF never has the real name."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ValidationError(f"Folder {target.parent} does not exist.", field="out")
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_bytes(pdf)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"Cannot write {target}: {exc.strerror or exc}.", field="out") from exc
