"""One look for every workbook the office sends: styles and table helpers.

The KPI workbook, the dealer fee sheets, the pay workbook, the import/export
sheets and the head-office roll-up share these, so a header, a border or a
percentage looks the same in all of them and a fix lands everywhere.
No formulas are written by these helpers: nothing can show #DIV/0!.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from servicedesk.models.kpi.rates import DASH

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
NOTE_FONT = Font(italic=True, color="6B6B6B")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PERCENT = "0.00%"
MONEY = "#,##0.00"
HOURS = "0.00"
DATETIME = "yyyy-mm-dd hh:mm"
DATE = "yyyy-mm-dd"


def text_width(value: Any) -> int:
    """Display width: a CJK character is two columns wide."""
    if value is None:
        return 0
    if isinstance(value, float):
        return 9
    if isinstance(value, _dt.datetime):
        return 16
    if isinstance(value, _dt.date):
        return 10
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(value))


def dt_value(ts: str | None) -> Any:
    """'2026-10-03 14:30:00' -> datetime for Excel; blank stays blank."""
    if not ts:
        return None
    try:
        return _dt.datetime.fromisoformat(ts)
    except ValueError:
        return ts


def print_setup(ws: Worksheet, title_rows: str, *, landscape: bool = True, page_numbers: bool = False) -> None:
    """A4, fit to one page wide, `title_rows` ('1:1', '3:3') repeated on every page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    if page_numbers:
        ws.page_margins.top = ws.page_margins.bottom = 0.5
        ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"


def fit_columns(ws: Worksheet, minimum: int = 6, maximum: int = 60) -> None:
    """Column widths that fit the longest text (CJK counted double)."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or type(cell).__name__ == "MergedCell":
                continue
            if cell.number_format == PERCENT and isinstance(cell.value, float):
                w = 9
            else:
                w = text_width(cell.value)
            widths[cell.column] = max(widths.get(cell.column, 0), w)
    for col, w in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = max(minimum, min(maximum, w + 2))


def header_cell(cell) -> None:
    """Bold, filled, boxed, centred and wrapped: every header cell."""
    cell.font = BOLD
    cell.fill = HEADER_FILL
    cell.border = BOX
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def table(ws: Worksheet, top: int, headers: Sequence[str], rows: Iterable[Sequence[Any]],
          formats: dict[int, str] | None = None) -> int:
    """Header row at `top`, data below (formats by 1-based column); returns the last row written."""
    formats = formats or {}
    for i, text in enumerate(headers, start=1):
        header_cell(ws.cell(row=top, column=i, value=text))
    r = top
    for r, values in enumerate(rows, start=top + 1):
        for i, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=i, value=value)
            cell.border = BOX
            fmt = formats.get(i)
            if fmt and not isinstance(value, str) and value is not None:
                cell.number_format = fmt
            if isinstance(value, _dt.datetime):
                cell.number_format = DATETIME
            if value == DASH:
                cell.alignment = Alignment(horizontal="center")
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    return r


def table_sheet(wb: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                formats: dict[int, str] | None = None, empty: str = "本月无记录") -> Worksheet:
    """A sheet that is one table: fitted columns, A4 landscape, a note when there are no rows."""
    ws = wb.create_sheet(title)
    last = table(ws, 1, headers, rows, formats)
    if last == 1:
        ws.cell(row=2, column=1, value=empty).font = NOTE_FONT
    fit_columns(ws)
    print_setup(ws, "1:1")
    return ws
