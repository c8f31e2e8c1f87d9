"""The form-drawing toolkit every printed form shares (维修记录单, 外出服务记录表, 信息收集表).

Page geometry and per-printer offsets (FormOptions, PageWriter), the two
styles (COMPACT for 2-3 copies per A4 or continuous paper, ROOMY for one copy
per A4), CJK-aware wrapping that shrinks text before it continues on a 续页,
the Pen that draws boxes and labelled cells, the header with barcode and 补打
mark, and the continuation sheet. The forms themselves only lay out fields."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Sequence

from reportlab.graphics.barcode.code128 import Code128Auto
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from servicedesk.models.printing.forms import (
    FormPart, PrintSettings, TicketForm,
)
from servicedesk.models.printing.print_log import PrintMark
from servicedesk.models.core.validation import fen_to_yuan_str


CONTINUOUS_WIDTH_MM = 241.0
A4_W_MM, A4_H_MM = 210.0, 297.0
COPY_LABELS = ("第一联 存根", "第二联 售后服务", "第三联 客户")
CONTINUED = "（转续页）"


# ------------------------------------------------------------------ options
@dataclass(frozen=True)
class FormOptions:
    """Page geometry of one print job (from PrintSettings, overridable per job)."""

    layout: str = "a4"
    continuous_height_mm: float = 140.0
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    a4_copies_per_page: int = 1
    font_file: str = ""

    @classmethod
    def from_settings(cls, settings: PrintSettings, **overrides) -> "FormOptions":
        values = dict(layout=settings.layout, continuous_height_mm=settings.continuous_height_mm,
                      offset_x_mm=settings.offset_x_mm, offset_y_mm=settings.offset_y_mm,
                      a4_copies_per_page=settings.a4_copies_per_page, font_file=settings.font_file)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def page_size_mm(self) -> tuple[float, float]:
        if self.layout == "continuous":
            return CONTINUOUS_WIDTH_MM, float(self.continuous_height_mm)
        return A4_W_MM, A4_H_MM


@dataclass(frozen=True)
class Style:
    """Sizes of one design: the roomy A4 form or the compact continuous one."""

    title: float          # title size, pt
    size: float           # text size, pt
    min_size: float       # long text never shrinks below this
    row: float            # ordinary row height, mm
    pad: float            # cell padding, mm
    line: float           # grid line width, pt
    border: float         # outer border width, pt
    label_w: float        # width of the left label column, mm
    header: float         # height of the title block, mm
    parts_rows: int       # parts lines shown on the form before 续页
    sign_h: float         # height of the signature row with 用户意见
    bar_w: float          # narrow barcode bar, mm
    bar_h: float          # barcode height, mm


# The continuous design keeps every glyph at >= 9 pt (dot-matrix legibility).
COMPACT = Style(title=14, size=9.5, min_size=9, row=6.2, pad=1.0, line=0.5, border=0.9,
                label_w=31, header=14.5, parts_rows=3, sign_h=12.5, bar_w=0.28, bar_h=6.5)
ROOMY = Style(title=18, size=10.5, min_size=8, row=9.5, pad=1.5, line=0.6, border=1.1,
              label_w=34, header=22, parts_rows=8, sign_h=30, bar_w=0.3, bar_h=9)
COMPACT_W, COMPACT_H = 213.0, 128.0    # the continuous design box (241 wide minus tractor strips)


# ------------------------------------------------------------------ text
_CLOSING = set("，。、；：？！）》」』】〕,.;:?!)]}”’…%")
_TOKEN = re.compile(r"[A-Za-z0-9_./:+\-#%@()\[\]]+|\s|.", re.S)
_width_cache: dict[str, dict[str, float]] = {}


def char_width(font: str, ch: str) -> float:
    """Width of one character at 1 pt (cached: wrapping measures every character)."""
    table = _width_cache.setdefault(font, {})
    w = table.get(ch)
    if w is None:
        w = table[ch] = pdfmetrics.stringWidth(ch, font, 1000) / 1000.0
    return w


def text_width(text: str, font: str, size: float) -> float:
    return sum(char_width(font, ch) for ch in text) * size


@dataclass(frozen=True)
class Line:
    text: str
    start: int   # offsets into the wrapped text, so a remainder can continue exactly
    end: int


def wrap_text(text: str, font: str, size: float, width: float, first_width: float | None = None) -> list[Line]:
    """Break text into lines no wider than `width` points (the first line `first_width`).

    Chinese breaks between any two characters; Latin words and numbers stay
    whole unless longer than a line; closing punctuation never starts a line
    (the character before it moves down with it).
    """
    lines: list[Line] = []
    pos = 0
    narrowest = min(width, first_width) if first_width is not None else width
    for para in text.split("\n"):
        tokens: list[tuple[str, int, float]] = []
        for m in _TOKEN.finditer(para):
            tok, start = m.group(0), pos + m.start()
            w = text_width(tok, font, size)
            if w > narrowest and len(tok) > 1:   # a word longer than a line: split it
                for i, ch in enumerate(tok):
                    tokens.append((ch, start + i, char_width(font, ch) * size))
            else:
                tokens.append((tok, start, w))
        cur: list[tuple[str, int, float]] = []
        cur_w = 0.0

        def limit() -> float:
            return first_width if (first_width is not None and not lines) else width

        def emit(items: list[tuple[str, int, float]]) -> None:
            while items and items[-1][0].isspace():
                items = items[:-1]
            if items:
                lines.append(Line("".join(t for t, _, _ in items), items[0][1],
                                  items[-1][1] + len(items[-1][0])))
            elif not lines or lines[-1].end != pos:
                lines.append(Line("", pos, pos))

        for tok in tokens:
            if not cur and tok[0].isspace():
                continue                        # no spaces at the start of a line
            if not cur and not lines and first_width is not None and tok[2] > first_width + 0.01:
                lines.append(Line("", tok[1], tok[1]))   # the label fills the first line
            if cur_w + tok[2] <= limit() + 0.01 or not cur:
                cur.append(tok)
                cur_w += tok[2]
                continue
            carry: list[tuple[str, int, float]] = []
            if tok[0] in _CLOSING and len(cur) > 1:
                carry = [cur.pop()]
            emit(cur)
            cur = carry + ([] if tok[0].isspace() else [tok])
            cur_w = sum(t[2] for t in cur)
        if cur or not para:
            emit(cur) if cur else lines.append(Line("", pos, pos))
        pos += len(para) + 1
    return lines


# ------------------------------------------------------------------ pen
class Pen:
    """Draws in millimetres from the top-left corner of a box (y grows downwards).

    The caller places the box with canvas transforms (offset, margins, scale);
    every overflow is collected in `overflow` for the attached sheet.
    """

    def __init__(self, c: Canvas, font: str, style: Style):
        self.c = c
        self.font = font
        self.style = style
        self.overflow: list[tuple[str, str]] = []

    # geometry -------------------------------------------------------
    def line(self, x1: float, y1: float, x2: float, y2: float, width: float | None = None) -> None:
        self.c.setLineWidth(self.style.line if width is None else width)
        self.c.line(x1 * mm, -y1 * mm, x2 * mm, -y2 * mm)

    def rect(self, x: float, y: float, w: float, h: float, width: float | None = None,
             dash: Sequence[float] | None = None) -> None:
        self.c.setLineWidth(self.style.line if width is None else width)
        if dash:
            self.c.setDash(*dash)
        self.c.rect(x * mm, -(y + h) * mm, w * mm, h * mm, stroke=1, fill=0)
        if dash:
            self.c.setDash()

    def checkbox(self, x: float, y_base: float, size: float, checked: bool) -> float:
        """A box drawn as lines (no glyph needed); a tick when checked. Returns its width in mm."""
        side = size * 0.75 / mm * 1.0
        top = y_base - side * 0.9
        self.rect(x, top, side, side, width=0.5)
        if checked:
            self.c.setLineWidth(0.9)
            p = self.c.beginPath()
            p.moveTo((x + side * 0.18) * mm, -(top + side * 0.55) * mm)
            p.lineTo((x + side * 0.42) * mm, -(top + side * 0.85) * mm)
            p.lineTo((x + side * 0.85) * mm, -(top + side * 0.15) * mm)
            self.c.drawPath(p, stroke=1, fill=0)
        return side

    # text -----------------------------------------------------------
    def text(self, x: float, y_base: float, s: str, size: float | None = None,
             align: str = "left", bold: bool = False) -> float:
        """One line at baseline y; returns its width in mm."""
        size = size or self.style.size
        w = text_width(s, self.font, size) / mm
        if align == "center":
            x -= w / 2
        elif align == "right":
            x -= w
        if bold:  # one font file only: fake bold by stroking the outline too
            t = self.c.beginText(x * mm, -y_base * mm)
            t.setFont(self.font, size)
            t.setTextRenderMode(2)
            self.c.setLineWidth(size * 0.035)
            t.textOut(s)
            t.setTextRenderMode(0)   # Tr outlives ET: reset it, or all later text turns bold
            self.c.drawText(t)
        else:
            self.c.setFont(self.font, size)
            self.c.drawString(x * mm, -y_base * mm, s)
        return w

    def baseline(self, y: float, h: float, size: float) -> float:
        """Baseline that centres one line of `size` pt in a row from y to y+h."""
        return y + h / 2 + size * 0.35 / mm * 1.0

    def fit_size(self, s: str, width: float, size: float, min_size: float) -> float | None:
        """Largest size from `size` down to `min_size` at which s fits the width; None if none."""
        w_pt = text_width(s, self.font, 1.0)
        if w_pt <= 0:
            return size
        best = width * mm / w_pt
        if best >= size:
            return size
        if best >= min_size:
            return max(min_size, int(best * 2) / 2.0)
        return None

    def para(self, x: float, y: float, w: float, h: float, text: str, *, label: str = "",
             size: float | None = None, min_size: float | None = None, name: str = "",
             reserve_last: float = 0.0) -> float:
        """Label then text, wrapped inside the box (x, y, w, h); shrinks, then continues on 续页.

        `reserve_last` keeps that many mm free at the right of the bottom line
        (for 记录人 / 签名 written there). What does not fit is added to
        `overflow` under `name` and the box ends with 转续页. Returns the
        baseline of the bottom line, for whatever the caller writes there.
        """
        st = self.style
        size = size or st.size
        min_size = min_size or st.min_size
        pad = st.pad
        inner_w = (w - 2 * pad) * mm
        text = text.strip()
        s = size
        while True:
            label_w = text_width(label, self.font, s)
            leading = s * 1.22
            cap = int(((h - 2 * pad) * mm + (leading - s)) // leading)
            lines = wrap_text(text, self.font, s, inner_w, first_width=inner_w - label_w) if text else []
            fits = len(lines) <= cap
            if fits and reserve_last and len(lines) == cap and lines:
                last_w = text_width(lines[-1].text, self.font, s) + (label_w if cap == 1 else 0)
                fits = last_w <= inner_w - reserve_last * mm
            if fits or s - 0.5 < min_size:
                break
            s -= 0.5
        top = y + pad + s * 0.88 / mm
        last_base = top + max(0, cap - 1) * leading / mm
        if label:
            self.text(x + pad, top, label, s)
        if fits:
            shown = lines
        else:
            # the bottom line carries the 转续页 note (left of any reserved space)
            keep = max(0, cap - 1)
            mark_w = text_width(CONTINUED, self.font, s) + reserve_last * mm
            shown = lines[:keep]
            last = lines[keep] if keep < len(lines) else None
            if last is not None and cap >= 1:
                # fill the bottom line up to the note with the next characters
                room = inner_w - mark_w - (label_w if keep == 0 else 0)
                take = 0
                acc = 0.0
                for ch in last.text:
                    acc += char_width(self.font, ch) * s
                    if acc > room:
                        break
                    take += 1
                if take:
                    shown = shown + [Line(last.text[:take], last.start, last.start + take)]
            rest_from = shown[-1].end if shown else 0
            self.overflow.append((f"{name or label.rstrip('：:')}（续）", text[rest_from:].strip()))
        for i, ln in enumerate(shown):
            lx = x + pad + (label_w / mm if i == 0 else 0)
            self.text(lx, top + i * leading / mm, ln.text, s)
        if not fits:
            self.text(x + w - pad - reserve_last, last_base, CONTINUED, s, align="right")
        return last_base

    def field(self, x: float, y: float, w: float, h: float, label: str, value: str,
              name: str = "", align: str = "left") -> None:
        """'标签：值' on one line in a cell, shrinking to the minimum size.

        A value that still does not fit shows its start and 转续页; the whole
        value is repeated on the 续页 under `name` (a cut-off name or address
        is useless without the rest of it) — never cut silently.
        """
        st = self.style
        inner = w - 2 * st.pad
        s = self.fit_size(label + value, inner, st.size, st.min_size)
        if s is not None:
            yb = self.baseline(y, h, s)
            if align == "center" and not label:
                self.text(x + w / 2, yb, value, s, align="center")
            else:
                lw = self.text(x + st.pad, yb, label, s)
                self.text(x + st.pad + lw, yb, value, s)
            return
        wrapped = self._wrapped_size(label, value, inner, h)
        if wrapped is not None:   # a tall cell (A4) takes two or more lines before any 续页
            self.para(x, y, w, h, value, label=label, size=wrapped, min_size=wrapped, name=name)
            return
        s = st.min_size
        room = inner * mm - text_width(label + CONTINUED, self.font, s)
        take, acc = 0, 0.0
        for ch in value:
            acc += char_width(self.font, ch) * s
            if acc > room:
                break
            take += 1
        yb = self.baseline(y, h, s)
        lw = self.text(x + st.pad, yb, label, s)
        lw += self.text(x + st.pad + lw, yb, value[:take], s)
        self.text(x + st.pad + lw, yb, CONTINUED, s)
        self.overflow.append((f"{name or label.rstrip('：:')}（全文）", value))

    def _wrapped_size(self, label: str, value: str, inner: float, h: float) -> float | None:
        """Largest size at which label+value wrap into the cell on two or more lines."""
        st = self.style
        s = st.size
        while s >= st.min_size - 1e-9:
            lead = s * 1.22
            cap = int(((h - 2 * st.pad) * mm + (lead - s)) // lead)
            if cap >= 2:
                label_w = text_width(label, self.font, s)
                lines = wrap_text(value, self.font, s, inner * mm, first_width=inner * mm - label_w)
                if len(lines) <= cap:
                    return s
            s -= 0.5
        return None

    def label_cell(self, x: float, y: float, w: float, h: float, label: str) -> None:
        """A label alone in its cell, centred (two lines when it has a newline)."""
        st = self.style
        parts = label.split("\n")
        s = min(self.fit_size(p, w - 2 * st.pad, st.size, st.min_size) or st.min_size for p in parts)
        lead = s * 1.15 / mm
        y0 = self.baseline(y, h, s) - lead * (len(parts) - 1) / 2
        for i, p in enumerate(parts):
            self.text(x + w / 2, y0 + i * lead, p, s, align="center")


# ------------------------------------------------------------------ helpers
def ymdhm(value: str | None) -> str:
    """'2026-10-03 14:30:00' -> '2026年10月03日14时30分'; blanks for hand-writing when unknown."""
    if not value or len(value) < 16:
        return "       年     月     日     时     分"
    return f"{value[:4]}年{value[5:7]}月{value[8:10]}日{value[11:13]}时{value[14:16]}分"


def ymd(value: str | None) -> str:
    if not value or len(value) < 10:
        return "       年     月     日"
    return f"{value[:4]}年{value[5:7]}月{value[8:10]}日"


def short_dt(value: str | None) -> str:
    """'2026-10-03 14:30:00' -> '2026-10-03 14:30' ('' when unknown)."""
    if not value:
        return ""
    return value[:16] if len(value) >= 16 and value[11:16] != "00:00" else value[:10]


def money(fen: int) -> str:
    return "¥" + fen_to_yuan_str(fen)


def draw_barcode(c: Canvas, value: str, x: float, y_top: float, w_max: float, style: Style) -> None:
    """Code 128 of the form number, right-aligned at x (mm, top-down coordinates)."""
    bar_w = style.bar_w
    code = Code128Auto(value, barWidth=bar_w * mm, barHeight=style.bar_h * mm, humanReadable=False,
                       quiet=False)
    width_mm = code.width / mm
    if width_mm > w_max:  # a very long number: narrower bars rather than overlap the title
        code = Code128Auto(value, barWidth=bar_w * w_max / width_mm * mm, barHeight=style.bar_h * mm,
                           humanReadable=False, quiet=False)
        width_mm = code.width / mm
    code.drawOn(c, (x - width_mm) * mm, -(y_top + style.bar_h) * mm)


def mark_box(pen: Pen, x_center: float, y_base: float, mark: PrintMark | None) -> None:
    """The 补打 mark, boxed so nobody takes the copy for the original."""
    if mark is None or not mark.is_reprint:
        return
    s = pen.style.size
    w = pen.text(x_center, y_base, mark.label, s, align="center", bold=True)
    h = s * 1.3 / mm
    pen.rect(x_center - w / 2 - 1.2, y_base - h * 0.78, w + 2.4, h, width=0.8)


def draw_header(pen: Pen, w: float, title: str, form: TicketForm, mark: PrintMark | None,
                copy_label: str = "", office_label: str = "维修单位：") -> None:
    """Title, copy label, barcode, form number, office and the 补打 mark, above the table.

    The 补打 mark goes on the title row left of the title when it fits there,
    otherwise in the middle of the office row (which then gives up that room).
    """
    st = pen.style
    yt = st.header * 0.42
    title_w = pen.text(w / 2, yt, title, st.title, align="center", bold=True)
    draw_barcode(pen.c, form.no, w, 0, 48 * w / COMPACT_W, st)
    left = 0.0
    if copy_label:
        cw = pen.text(1.5, yt, copy_label, st.size, bold=True)
        pen.rect(0, yt - st.size * 1.05 / mm, cw + 3, st.size * 1.45 / mm, width=0.8)
        left = cw + 6
    row_h = st.size * 0.6 / mm + 2.0
    row_y = st.header - 1.0 - row_h
    yb = pen.baseline(row_y, row_h, st.size)
    no_w = pen.text(w, yb, f"No. {form.no}", st.size, align="right")
    office_right = w - no_w - 3
    if mark is not None and mark.is_reprint:
        mw = text_width(mark.label, pen.font, st.size) / mm + 2.4
        if left + mw <= w / 2 - title_w / 2 - 3:
            mark_box(pen, left + 1.2 + mw / 2, yt, mark)
        else:
            mark_box(pen, w / 2, yb, mark)
            office_right = w / 2 - mw / 2 - 2
    pen.field(-st.pad, row_y, office_right + st.pad, row_h, office_label, form.office_name,
              name=office_label.rstrip("："))

@dataclass
class Overflow:
    """What did not fit on the form: texts by label, and parts lines past the table."""

    texts: list[tuple[str, str]] = field(default_factory=list)
    warranty_parts: list[FormPart] = field(default_factory=list)
    bought_parts: list[FormPart] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.texts or self.warranty_parts or self.bought_parts)


# ------------------------------------------------------------------ continuation (续页)
def draw_continuation(pages: "PageWriter", title: str, form: TicketForm, mark: PrintMark | None,
                      overflow: Overflow, copy_label: str = "") -> None:
    """Attached sheet(s): the rest of every text and parts list the form could not hold."""
    pen = pages.pen
    st = pen.style
    w, h = pages.box_w, pages.box_h
    blocks: list[tuple[str, list[str]]] = []
    for heading, rest in overflow.texts:
        blocks.append((f"{heading}：", [rest]))
    if overflow.warranty_parts:
        blocks.append(("“三包”件（续）：", [f"{p.label}  × {p.quantity}" for p in overflow.warranty_parts]))
    if overflow.bought_parts:
        lines = [f"{p.label}  × {p.quantity}  单价 {fen_to_yuan_str(p.unit_price_fen)}  "
                 f"合计 {fen_to_yuan_str(p.total_fen)}" for p in overflow.bought_parts]
        lines.append(f"客户购买件合计金额：{money(form.bought_total_fen)}")
        blocks.append(("客户购买件（续）：", lines))
    size = st.size
    lead = size * 1.3 / mm
    page_no = 0
    y = h  # force a new page first

    def new_page() -> float:
        nonlocal page_no
        page_no += 1
        pages.new_page()
        pen.text(w / 2, 7, f"{title}（续页 第{page_no}页）", st.title * 0.8, align="center", bold=True)
        pen.text(w, 7, f"No. {form.no}", size, align="right")
        if copy_label:
            pen.text(0, 7, copy_label, size, bold=True)
        pen.text(0, 13, f"用户：{form.customer_name}", size)
        mark_box(pen, w / 2, 13, mark)
        pen.line(0, 15, w, 15)
        return 15 + lead

    for heading, paras in blocks:
        if y + 2 * lead > h:
            y = new_page()
        pen.text(0, y, heading, size, bold=True)
        y += lead
        for text in paras:
            for ln in wrap_text(text, pen.font, size, (w - 4) * mm):
                if y > h - 1:
                    y = new_page()
                pen.text(4, y, ln.text, size)
                y += lead
        y += lead * 0.4


# ------------------------------------------------------------------ pages
class PageWriter:
    """A canvas plus the page geometry of one job; every page is shifted by the offset."""

    def __init__(self, options: FormOptions, font: str):
        self.options = options
        self.buf = io.BytesIO()
        w, h = options.page_size_mm
        self.page_w, self.page_h = w, h
        self.c = Canvas(self.buf, pagesize=(w * mm, h * mm), pageCompression=1)
        self.c.setTitle("售后服务表格")
        self.c.setAuthor("ServiceDesk")
        self.font = font
        self.style = COMPACT if options.layout == "continuous" else ROOMY
        self.pen = Pen(self.c, font, self.style)
        self.pages = 0
        self._open = False
        # the content box of a full page (continuous: inside the tractor strips)
        if options.layout == "continuous":
            self.margin_x = (w - COMPACT_W) / 2
            self.margin_y = 6.0
            self.box_w, self.box_h = COMPACT_W, h - 12.0
        else:
            self.margin_x, self.margin_y = 10.0, 10.0
            self.box_w, self.box_h = w - 20.0, h - 20.0

    def new_page(self, margin_x: float | None = None, margin_y: float | None = None,
                 scale: float = 1.0) -> None:
        """Finish the current page and start one with the origin at the content box."""
        if self._open:
            self.c.restoreState()
            self.c.showPage()
        self.pages += 1
        self._open = True
        self.c.saveState()
        self.place(self.margin_x if margin_x is None else margin_x,
                   self.margin_y if margin_y is None else margin_y, scale)

    def place(self, x_mm: float, y_mm: float, scale: float = 1.0) -> None:
        """Move the origin to (x, y) mm from the page's top-left, plus the printer offset."""
        o = self.options
        self.c.translate((x_mm + o.offset_x_mm) * mm, (self.page_h - y_mm - o.offset_y_mm) * mm)
        if scale != 1.0:
            self.c.scale(scale, scale)

    def finish(self) -> bytes:
        if self._open:
            self.c.restoreState()
            self.c.showPage()
            self._open = False
        self.c.save()
        return self.buf.getvalue()
