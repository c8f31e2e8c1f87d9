"""Parts workbooks that can be large: the ledger export is streamed with a
write-only workbook (500 000 lines without holding them all in memory),
reporting progress so a worker thread can show it and be cancelled."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from servicedesk.models.core.importing import SheetSpec
from servicedesk.reports.files import atomic_target, save_workbook
from servicedesk.reports.xlsx_style import HEADER_FILL



class Cancelled(Exception):
    """The user stopped a long export; the partial file is removed."""


def write_stream(spec: SheetSpec, rows: Iterable[dict[str, Any]], out: str | os.PathLike,
                 progress: Callable[[int], bool] | None = None, every: int = 2000) -> tuple[Path, int]:
    """Write rows under the spec's Chinese headers; returns (path, rows written).

    `progress(n)` is called every `every` rows; returning False cancels."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(spec.title)
    for i, col in enumerate(spec.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(col.width, len(col.label) * 2 + 2)
    ws.freeze_panes = "A2"
    header = []
    for col in spec.columns:
        cell = WriteOnlyCell(ws, value=col.label)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        header.append(cell)
    ws.append(header)
    count = 0
    keys = [c.key for c in spec.columns]
    for row in rows:
        ws.append([row.get(k) for k in keys])
        count += 1
        if progress is not None and count % every == 0 and progress(count) is False:
            raise Cancelled
    out = save_workbook(wb, out)
    if progress is not None:
        progress(count)
    return out, count


def count_sheet_pdf(out: str | os.PathLike, *, office: str, count_id: int, count_date: str,
                    rows: list[dict[str, Any]], font_file: str = "") -> Path:
    """A4 count sheet (盘点表) to walk the shelves with: shelf order, a blank
    counted column (a blind count: book stock is not printed) and signatures."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.lib.styles import ParagraphStyle

    from servicedesk.reports.fonts import cjk_font

    font = cjk_font(font_file).name
    title_style = ParagraphStyle("title", fontName=font, fontSize=15, leading=20, alignment=1)
    small = ParagraphStyle("small", fontName=font, fontSize=9, leading=12)
    data = [["序号", "库位", "配件编码", "名称", "规格", "单位", "实盘数量", "备注"]]
    for i, r in enumerate(rows, start=1):
        counted = r.get("counted_qty")
        data.append([str(i), r.get("location") or "", r.get("part_code") or "", r.get("name") or "",
                     r.get("spec") or "", r.get("unit") or "", "" if counted is None else str(counted), ""])
    widths = [10 * mm, 18 * mm, 26 * mm, 30 * mm, 44 * mm, 10 * mm, 20 * mm, 22 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F6F6F6")]),
        ("TOPPADDING", (0, 1), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
    ]))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawString(15 * mm, 10 * mm, f"盘点 #{count_id} · {count_date} · 第 {doc.page} 页")
        canvas.restoreState()

    story = [Paragraph(f"{office} 配件盘点表", title_style),
             Paragraph(f"盘点日期：{count_date}　　盘点单号：#{count_id}　　共 {len(rows)} 种配件", small),
             Spacer(1, 4 * mm), table, Spacer(1, 8 * mm),
             Paragraph("盘点人：__________　　复核人：__________　　仓库负责人：__________　　日期：__________", small)]
    with atomic_target(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm,
                                topMargin=14 * mm, bottomMargin=16 * mm, title=f"配件盘点表 {count_date}")
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return Path(out)
