"""One look for every workbook the office sends: styles and table helpers.

The KPI workbook, the dealer fee sheets, the pay workbook, the import/export
sheets and the head-office roll-up share these, so a header, a border or a
percentage looks the same in all of them and a fix lands everywhere.
No formulas are written by these helpers: nothing can show #DIV/0!.
"""

from __future__ import annotations

import datetime as _dt
import weakref
from copy import copy
from typing import Any, Hashable, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
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


# ---------------------------------------------------------------- fast styling
# Giving a cell a font, fill, border or alignment makes openpyxl hash the style
# object to find it in the workbook's list (tens of microseconds a time, most
# of a 20 000-cell workbook's build). A cell's whole style is a small array of
# indices into those lists, so the array a sequence of assignments gave the
# first cell of a kind is copied onto every later cell of that kind: the same
# style ids, the same lists in the same order, the same file (issue 15).
_STYLE_MEMO: "weakref.WeakKeyDictionary[Any, dict]" = weakref.WeakKeyDictionary()


def style_key(cell) -> tuple | None:
    """The cell's style array as a key (None: a new cell, never styled)."""
    return None if cell._style is None else tuple(cell._style)


def style_memo(cell, key: Hashable):
    """The style array cached for (`key`, the cell's current style) in the
    cell's workbook, or None: then the caller styles the cell itself and hands
    it to `remember_style`. `key` names everything the styling depends on
    (style objects by id(): `remember_style` keeps them alive)."""
    memo = _STYLE_MEMO.get(cell.parent.parent)
    if memo is None:
        return None
    found = memo.get((key, style_key(cell)))
    return None if found is None else found[0]


def remember_style(cell, key: Hashable, before: tuple, keep: tuple = ()) -> None:
    """Cache the style `cell` has now for `key` and its style `before` (`style_key`)."""
    memo = _STYLE_MEMO.setdefault(cell.parent.parent, {})
    memo[(key, before)] = (copy(cell._style), keep)


def styled(cell, key: Hashable, apply, keep: tuple = ()) -> None:
    """`apply(cell)` the first time a cell with this key and starting style is
    met in the workbook, a copy of the resulting style array after that."""
    array = style_memo(cell, key)
    if array is not None:
        cell._style = copy(array)
        return
    before = style_key(cell)
    apply(cell)
    remember_style(cell, key, before, keep)


def new_cell(ws: Worksheet, row: int, column: int, value: Any = None):
    """ws.cell(row=row, column=column, value=value) at a third of its cost for
    a position not used yet (an existing cell is left to ws.cell). The
    caller moves ws._current_row on (ws.append's next row) when it is done,
    as ws.cell would have (`rows_written`)."""
    key = (row, column)
    cells = ws._cells
    if key in cells or not (0 < row < 1048577 and 0 < column < 16385):
        return ws.cell(row=row, column=column, value=value)
    cell = cells[key] = Cell(ws, row=row, column=column, value=value)
    return cell


def rows_written(ws: Worksheet, last_row: int) -> None:
    """What ws.cell does to the sheet besides the cell: ws.append continues below."""
    ws._current_row = max(ws._current_row, last_row)


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
    text = value if isinstance(value, str) else str(value)
    if text.isascii():
        return len(text)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


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
    set_widths(ws, widths, minimum, maximum)


def set_widths(ws: Worksheet, widths: dict[int, int], minimum: int = 6, maximum: int = 60) -> None:
    """Column widths from the widest text of each column (fit_columns' last step)."""
    for col, w in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = max(minimum, min(maximum, w + 2))


def _header_style(cell) -> None:
    cell.font = BOLD
    cell.fill = HEADER_FILL
    cell.border = BOX
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def header_cell(cell) -> None:
    """Bold, filled, boxed, centred and wrapped: every header cell."""
    styled(cell, "header", _header_style)


def _table_style(fmt: str | None, is_datetime: bool, dash: bool):
    def apply(cell) -> None:
        cell.border = BOX
        if fmt:
            cell.number_format = fmt
        if is_datetime:
            cell.number_format = DATETIME
        if dash:
            cell.alignment = Alignment(horizontal="center")
    return apply


def table(ws: Worksheet, top: int, headers: Sequence[str], rows: Iterable[Sequence[Any]],
          formats: dict[int, str] | None = None, widths: dict[int, int] | None = None) -> int:
    """Header row at `top`, data below (formats by 1-based column); returns the last row written.

    `widths`, when given, collects the widest text of each column as
    fit_columns would measure these cells (the table's sheets pass it to
    set_widths instead of reading every cell back)."""
    formats = formats or {}
    widths = {} if widths is None else widths
    for i, text in enumerate(headers, start=1):
        cell = ws.cell(row=top, column=i, value=text)
        header_cell(cell)
        if cell._value is not None:
            widths[i] = max(widths.get(i, 0), text_width(cell._value))
    r = top
    for r, values in enumerate(rows, start=top + 1):
        for i, value in enumerate(values, start=1):
            cell = new_cell(ws, r, i, value)
            fmt = formats.get(i)
            if not fmt or isinstance(value, str) or value is None:
                fmt = None
            key = ("table", fmt, isinstance(value, _dt.datetime), value == DASH)
            styled(cell, key, _table_style(*key[1:]))
            if cell._value is not None:
                widths[i] = max(widths.get(i, 0), text_width(cell._value))
    rows_written(ws, r)
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    return r


def table_sheet(wb: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                formats: dict[int, str] | None = None, empty: str = "本月无记录") -> Worksheet:
    """A sheet that is one table: fitted columns, A4 landscape, a note when there are no rows."""
    ws = wb.create_sheet(title)
    widths: dict[int, int] = {}
    last = table(ws, 1, headers, rows, formats, widths)
    if last == 1:
        ws.cell(row=2, column=1, value=empty).font = NOTE_FONT
        widths[1] = max(widths.get(1, 0), text_width(empty))
    set_widths(ws, widths)   # = fit_columns(ws): the sheet holds only these cells
    print_setup(ws, "1:1")
    return ws
