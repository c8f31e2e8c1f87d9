"""reports/xlsx_write.py and the style cache in reports/xlsx_style.py write
exactly the bytes openpyxl's own code writes (issue 15: faster, not different).

Each test builds the same workbook twice, once the slow way (openpyxl's
descriptors and cell writer), once ours, saves both to real files and
compares every part of the two zip files but docProps/core.xml (it holds
the save time); then reads ours back.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal

import openpyxl
from openpyxl import Workbook, load_workbook
from openpyxl.cell import _writer as cell_writer
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment
from openpyxl.worksheet import _writer as sheet_writer

from servicedesk.reports import xlsx_style as S
from servicedesk.reports.files import save_workbook
from servicedesk.reports.xlsx_write import fast_cells

AWKWARD = [
    "plain", "王建国", "a & b < c > d \"q\" 'a'", " leading", "trailing ", "two\nlines", "tab\tinside", "",
    None, 0, -7, 2**53 + 1, 0.1, 1 / 3, 1e20, -2.5e-7, float("nan"), float("inf"), True, False,
    Decimal("12.30"), dt.datetime(2026, 9, 30, 23, 59, 59), dt.date(2026, 9, 1), dt.time(8, 30),
    dt.timedelta(hours=36), "=SUM(B1:B3)", "—",
]


def _parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def _workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    for r, value in enumerate(AWKWARD, start=1):
        ws.cell(row=r, column=1, value=value)
        ws.cell(row=r, column=2, value=value).border = S.BOX            # styled
        ws.cell(row=r, column=3, value=value).number_format = S.PERCENT
    ws.cell(row=40, column=1, value="link").hyperlink = "https://example.com/a?b=1&c=2"
    ws.cell(row=41, column=1).value = CellRichText(["red ", TextBlock(InlineFont(b=True), "bold")])
    ws.cell(row=42, column=5).fill = S.HEADER_FILL                        # styled, no value
    return wb


def test_fast_cell_writer_writes_the_same_bytes(tmp_path):
    stock, fast = tmp_path / "stock.xlsx", tmp_path / "fast.xlsx"
    _workbook().save(stock)                       # openpyxl alone
    assert sheet_writer.write_cell is cell_writer.write_cell
    save_workbook(_workbook(), fast)              # through fast_cells()
    assert sheet_writer.write_cell is cell_writer.write_cell   # put back afterwards
    a, b = _parts(stock), _parts(fast)
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], name
    ws = load_workbook(fast).active
    assert [ws.cell(row=r, column=2).value for r in (1, 2, 3, 4, 5, 6)] == AWKWARD[:6]
    assert ws["B9"].value is None and ws["B11"].value == -7 and ws["B13"].value == 0.1
    assert ws["B19"].value is True and ws["B22"].value == dt.datetime(2026, 9, 30, 23, 59, 59)
    assert ws["B26"].value == "=SUM(B1:B3)" and ws["A40"].hyperlink.target == "https://example.com/a?b=1&c=2"


def test_fast_cells_nests_and_restores():
    with fast_cells():
        with fast_cells():
            assert sheet_writer.write_cell is not cell_writer.write_cell
        assert sheet_writer.write_cell is not cell_writer.write_cell
    assert sheet_writer.write_cell is cell_writer.write_cell


def _slow_table(ws, top, headers, rows, formats):
    """xlsx_style.table as it was before the style cache (openpyxl descriptors on every cell)."""
    for i, text in enumerate(headers, start=1):
        S._header_style(ws.cell(row=top, column=i, value=text))
    for r, values in enumerate(rows, start=top + 1):
        for i, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=i, value=value)
            cell.border = S.BOX
            fmt = formats.get(i)
            if fmt and not isinstance(value, str) and value is not None:
                cell.number_format = fmt
            if isinstance(value, dt.datetime):
                cell.number_format = S.DATETIME
            if value == S.DASH:
                cell.alignment = Alignment(horizontal="center")
    ws.freeze_panes = ws.cell(row=top + 1, column=1)


def test_style_cache_gives_the_same_styles(tmp_path):
    rows = [("YX1", 0.5, dt.datetime(2026, 9, 1, 8, 0), S.DASH, 3),
            ("YX2", S.DASH, None, "长的说明文字" * 3, 4.25),
            ("YX3", 1.0, dt.datetime(2026, 9, 2, 9, 30), "", 0)] * 4
    formats = {2: S.PERCENT, 3: S.PERCENT, 5: S.MONEY}
    headers = ("工单号", "比率", "时间", "说明", "金额")
    slow_wb, fast_wb = Workbook(), Workbook()
    _slow_table(slow_wb.active, 2, headers, rows, formats)
    _slow_table(slow_wb.create_sheet("二"), 1, headers, rows[:2], formats)
    last = S.table(fast_wb.active, 2, headers, rows, formats)
    S.table(fast_wb.create_sheet("二"), 1, headers, rows[:2], formats)
    assert last == 2 + len(rows)
    slow_wb.save(tmp_path / "slow.xlsx")
    fast_wb.save(tmp_path / "fast.xlsx")
    a, b = _parts(tmp_path / "slow.xlsx"), _parts(tmp_path / "fast.xlsx")
    assert a == b
    ws = load_workbook(tmp_path / "fast.xlsx").active
    assert ws["B3"].number_format == "0.00%" and ws["C3"].number_format == S.DATETIME
    assert ws["B4"].alignment.horizontal == "center" and ws["E4"].number_format == S.MONEY
    assert ws["A2"].font.b and ws["A2"].fill.fgColor.rgb == "00DDEBF7" and ws["A3"].border.left.style == "thin"
    assert openpyxl.__version__  # the comparison above is against the installed openpyxl


def test_table_sheet_widths_are_fit_columns_widths(tmp_path):
    """table_sheet measures the columns while writing; fit_columns reads them back: same widths."""
    rows = [("YX2609001", "王建国", 0.8333, dt.datetime(2026, 9, 3, 8, 0), "", None, True, 12345678),
            ("Y", "杭州建工集团有限公司" * 4, S.DASH, None, "a" * 70, "—", False, -1)]
    headers = ("工单号", "客户", "比率", "时间", "说明", "空", "是否", "数")
    expected = {  # widest text + 2, within 6..60 (a CJK character counts 2, a float 9, a datetime 16)
        "rows": {"A": 11, "B": 60, "C": 11, "D": 18, "E": 60, "F": 6, "G": 7, "H": 10},
        "empty": {"A": 12, "B": 6, "C": 6, "D": 6, "E": 6, "F": 6, "G": 6, "H": 6}}   # 本月无记录 10 + 2
    for label, data in (("rows", rows), ("empty", [])):
        slow_wb, fast_wb = Workbook(), Workbook()
        ws = slow_wb.create_sheet("表")
        _slow_table(ws, 1, headers, data, {3: S.PERCENT})
        if not data:
            ws.cell(row=2, column=1, value="本月无记录").font = S.NOTE_FONT
        S.fit_columns(ws)
        S.print_setup(ws, "1:1")
        S.table_sheet(fast_wb, "表", headers, data, {3: S.PERCENT})
        slow_wb.save(tmp_path / "slow.xlsx")
        fast_wb.save(tmp_path / "fast.xlsx")
        assert _parts(tmp_path / "slow.xlsx") == _parts(tmp_path / "fast.xlsx")
        dims = load_workbook(tmp_path / "fast.xlsx")["表"].column_dimensions
        assert {k: dims[k].width for k in "ABCDEFGH"} == expected[label]


def test_new_cell_behaves_like_ws_cell():
    wb = Workbook()
    ws = wb.active
    kept = ws.cell(row=3, column=2, value="old")
    kept.font = S.BOLD
    assert S.new_cell(ws, 3, 2, "new") is kept and kept.value == "new" and kept.font.b   # existing: ws.cell's
    cell = S.new_cell(ws, 4, 1, 0.25)
    assert ws["A4"] is cell and cell.value == 0.25 and cell.coordinate == "A4" and cell.data_type == "n"
    S.table(ws, 6, ("甲", "乙"), [(1, 2), (3, 4)])
    ws.append(["next"])                  # below the table, as after ws.cell
    assert ws["A9"].value == "next" and ws.max_row == 9
