"""Calibration page: a millimetre ruler grid to set the per-printer offset.

Pre-printed or continuous paper never sits exactly where the driver thinks,
so the clerk prints this page with the current offsets, measures where the
cross at (20 mm, 20 mm) really landed, and corrects the offset:
new offset = current offset + (20 − measured distance). The grid is drawn
from the logical page origin, shifted by the offset exactly like the forms.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from servicedesk.reports.fonts import cjk_font
from servicedesk.reports.repair_form import COMPACT_W, FormOptions, PageWriter

CROSS_MM = 20.0


def _cross(pen, x: float, y: float, label: str) -> None:
    pen.line(x - 6, y, x + 6, y, width=0.6)
    pen.line(x, y - 6, x, y + 6, width=0.6)
    pen.c.circle(x * mm, -y * mm, 2 * mm, stroke=1, fill=0)
    pen.text(x + 2.5, y - 2.5, label, 9)


def render_calibration_pdf(options: FormOptions) -> bytes:
    """One page in the layout's paper size with rulers, a 10 mm grid and two crosses."""
    pages = PageWriter(options, cjk_font(options.font_file).name)
    pen = pages.pen
    w, h = pages.page_w, pages.page_h
    pages.new_page(margin_x=0.0, margin_y=0.0)
    c = pages.c
    # 10 mm grid, light and dashed so it never looks like a form line
    c.setStrokeGray(0.65)
    c.setDash(1, 2)
    for x in range(10, int(w) + 1, 10):
        pen.line(x, 0, x, h, width=0.25)
    for y in range(10, int(h) + 1, 10):
        pen.line(0, y, w, y, width=0.25)
    c.setDash()
    c.setStrokeGray(0)
    # rulers along the top and left edges: 1 / 5 / 10 mm ticks, numbered every 10 mm
    for x in range(0, int(w) + 1):
        tick = 6 if x % 10 == 0 else 4 if x % 5 == 0 else 2
        pen.line(x, 0, x, tick, width=0.3)
        if x % 10 == 0 and 0 < x < w - 4:
            pen.text(x, 9.5, str(x), 9, align="center")
    for y in range(0, int(h) + 1):
        tick = 6 if y % 10 == 0 else 4 if y % 5 == 0 else 2
        pen.line(0, y, tick, y, width=0.3)
        if y % 10 == 0 and 10 < y < h - 2:
            pen.text(7.5, y + 1.2, str(y), 9)
    _cross(pen, CROSS_MM, CROSS_MM, f"({CROSS_MM:g}, {CROSS_MM:g})")
    _cross(pen, w - CROSS_MM, h - CROSS_MM, f"({w - CROSS_MM:g}, {h - CROSS_MM:g})")
    if options.layout == "continuous":  # where the form's box goes, inside the tractor strips
        left = (w - COMPACT_W) / 2
        pen.rect(left, 6, COMPACT_W, h - 12, width=0.4, dash=(3, 2))
    layout = "连续纸 241 mm" if options.layout == "continuous" else "A4"
    lines = [
        "打印校准页",
        f"纸张：{layout}，{w:g} × {h:g} mm；当前偏移：水平 {options.offset_x_mm:+g} mm，"
        f"垂直 {options.offset_y_mm:+g} mm（正值向右、向下）",
        f"量出左上十字中心到纸张左边缘的实际距离 a、到上边缘的实际距离 b（应均为 {CROSS_MM:g} mm）。",
        f"新的水平偏移 = 当前水平偏移 + ({CROSS_MM:g} − a)；新的垂直偏移 = 当前垂直偏移 + ({CROSS_MM:g} − b)。",
    ]
    x0, y0 = 32.0, 32.0
    for i, text in enumerate(lines):
        size = 14 if i == 0 else 9.5
        pen.text(x0, y0 + i * 6.5, text, size, bold=(i == 0))
    return pages.finish()
