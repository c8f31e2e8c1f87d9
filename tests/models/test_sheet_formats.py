"""Imports as offices keep their sheets (issue 16): a title row and blank rows
above the header, a merged title cell, header names with spaces or full-width
brackets, .csv in UTF-8 (with BOM), GBK and UTF-16, and the old .xls format.

Every file is written here the way the office's program would write it
(openpyxl for .xlsx, xlwt for .xls, bytes in the encoding for .csv), imported
through the real command line, and the rows are read back from the SQLite file.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import sqlite3
from pathlib import Path

import pytest
import xlwt
from openpyxl import Workbook

from servicedesk.models.core.db import open_db
from tests.conftest import run_cli


@pytest.fixture
def archive(db_path: Path) -> Path:
    """An empty archive file (created, then closed: the CLI opens it itself)."""
    open_db(db_path).close()
    return db_path


def _customers(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as con:
        return con.execute("SELECT name, contact, phone, region, notes FROM customers ORDER BY id").fetchall()


def _equipment(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as con:
        return con.execute(
            "SELECT c.name, e.model, e.serial_no, e.quantity, e.purchase_date, e.acceptance_date "
            "FROM equipment e JOIN customers c ON c.id = e.customer_id ORDER BY e.id").fetchall()


def _import(kind: str, path: Path, db_path: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli("import", kind, str(path), "--db", str(db_path), *extra)


# ---------------------------------------------------------------- title rows
def _titled_workbook(path: Path, header: list, rows: list[list]) -> Path:
    """Row 1 a title merged across the columns, row 2 blank, row 3 a
    制表 line, row 4 blank, the header in row 5, data from row 6."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "2026年 杭州办事处 客户档案"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws["A3"] = "制表：林芳"
    ws["D3"] = "2026-03-01"
    for i, text in enumerate(header, start=1):
        ws.cell(5, i, text)
    for r, row in enumerate(rows, start=6):
        for i, value in enumerate(row, start=1):
            ws.cell(r, i, value)
    wb.save(path)
    return path


def test_title_row_merged_cell_and_blank_rows_above_the_header(archive, tmp_path):
    f = _titled_workbook(tmp_path / "客户.xlsx", ["用户姓名/单位", "联系人", "联系电话", "区域", "备注"], [
        ["宁波路桥工程有限公司", "李明", "13900001111", "宁波", None],
        [None, None, None, None, None],                       # blank row inside the data: skipped
        ["王五", None, "0574-87654321", None, "个人客户"],
    ])
    code, out, err = _import("customers", f, archive)
    assert (code, err) == (0, ""), err
    assert "imported 2 row(s): 2 new, 0 updated" in out
    assert _customers(archive) == [
        ("宁波路桥工程有限公司", "李明", "13900001111", "宁波", ""),
        ("王五", "", "0574-87654321", "", "个人客户"),
    ]


def test_problems_below_a_title_name_the_spreadsheets_own_row_numbers(archive, tmp_path):
    f = _titled_workbook(tmp_path / "客户.xlsx", ["用户姓名/单位", "联系人", "联系电话", "区域", "备注"], [
        ["宁波路桥工程有限公司", "李明", "13900001111", "宁波", None],   # row 6
        ["王五", None, "12a", None, None],                            # row 7
    ])
    code, out, err = _import("customers", f, archive)
    assert code == 1 and out == ""
    assert err.splitlines()[0].startswith('row 7, column 联系电话: "12a" is not a phone number')
    assert _customers(archive) == []


# ---------------------------------------------------------------- header names
def test_header_names_with_spaces_line_breaks_stars_and_full_width_brackets(archive, tmp_path):
    wb = Workbook()
    ws = wb.active
    # As typed by hand: spaces inside, a line break, a required marker, and
    # the full-width （元） a Chinese input method gives.
    ws.append(["配件 编码*", "名\n称", " 单价（元） ", "安全库存", "ＵＮＩＴ"])
    ws.append(["KZ-CJX2-3210", "交流接触器", "38.50", 2, "个"])
    wb.save(tmp_path / "parts.xlsx")
    code, out, err = _import("parts", tmp_path / "parts.xlsx", archive)
    assert (code, err) == (0, ""), err
    with sqlite3.connect(archive) as con:
        assert con.execute("SELECT code, name, price_fen, safety_stock, unit FROM parts").fetchall() == [
            ("KZ-CJX2-3210", "交流接触器", 3850, 2, "个")]


def test_a_header_with_a_remark_in_brackets_is_not_guessed(archive, tmp_path):
    """联系电话（手机） is not the template's 联系电话: the importer does not guess
    (联系电话（备用） would be the second phone), it names the header."""
    wb = Workbook()
    ws = wb.active
    ws.append(["用户姓名/单位", "联系电话（手机）"])
    ws.append(["王五", "13900001111"])
    wb.save(tmp_path / "c.xlsx")
    code, out, err = _import("customers", tmp_path / "c.xlsx", archive)
    assert code == 1
    assert err.splitlines() == [
        "error: c.xlsx: the header row (row 1) has 1 problem(s); nothing was imported",
        "row 1, column 联系电话（手机）: unknown column (see the template's 说明 sheet)",
    ]
    assert _customers(archive) == []


# ---------------------------------------------------------------- .csv
CSV_TEXT = ("用户姓名/单位,联系人,联系电话,区域,备注\r\n"
            "宁波路桥工程有限公司,李明,13900001111,宁波,\r\n"
            "\"王五, 个人\",,0574-87654321,,\"说“好”\"\r\n")
CSV_ROWS = [("宁波路桥工程有限公司", "李明", "13900001111", "宁波", ""),
            ("王五, 个人", "", "0574-87654321", "", "说“好”")]


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", CSV_TEXT.encode("utf-8")),
    ("utf-8 with BOM (Excel's CSV UTF-8)", codecs.BOM_UTF8 + CSV_TEXT.encode("utf-8")),
    ("GBK (a Chinese Excel's plain CSV)", CSV_TEXT.encode("gbk")),
    ("UTF-16 LE with BOM, tabs (Excel's Unicode text)",
     codecs.BOM_UTF16_LE + CSV_TEXT.replace(",", "\t").replace("\"王五\t 个人\"", "王五, 个人")
     .encode("utf-16-le")),
])
def test_csv_in_every_encoding_an_office_saves(archive, tmp_path, encoding, data):
    f = tmp_path / "客户.csv"
    f.write_bytes(data)
    code, out, err = _import("customers", f, archive)
    assert (code, err) == (0, ""), f"{encoding}: {err}"
    assert _customers(archive) == CSV_ROWS, encoding


def test_gbk_csv_problem_names_row_and_column(archive, tmp_path):
    f = tmp_path / "客户.csv"
    f.write_bytes("用户姓名/单位,联系电话\r\n张三,12a\r\n".encode("gbk"))
    code, out, err = _import("customers", f, archive)
    assert code == 1
    assert err.startswith('row 2, column 联系电话: "12a" is not a phone number')


def test_csv_that_is_no_known_text_is_refused_clearly(archive, tmp_path):
    f = tmp_path / "客户.csv"
    f.write_bytes(b"\x81\x20\xff\xfe\xfd,\x80\x80\r\n")
    code, out, err = _import("customers", f, archive)
    assert code == 1 and "Traceback" not in err
    assert "neither UTF-8 nor GBK" in err


# ---------------------------------------------------------------- .xls
# Written with xlwt (the writer of the old binary format, a test dependency),
# read back by the program through xlrd as any office's .xls would be.
DATE = xlwt.easyxf(num_format_str="yyyy-mm-dd")


def _xls(path: Path, sheet: str, header: list, rows: list[list], *, titled: bool = False) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet)
    top = 0
    if titled:
        ws.write_merge(0, 0, 0, len(header) - 1, "设备档案（2026年3月）")
        top = 2
    for i, text in enumerate(header):
        ws.write(top, i, text)
    for r, row in enumerate(rows, start=top + 1):
        for i, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, _dt.date):
                ws.write(r, i, _dt.datetime(value.year, value.month, value.day), DATE)
            else:
                ws.write(r, i, value)
    book.save(str(path))
    return path


def test_xls_customers_and_equipment_with_dates_and_numbers(archive, tmp_path):
    c = _xls(tmp_path / "客户.xls", "客户档案", ["用户姓名/单位", "联系人", "联系电话", "区域", "备注"], [
        ["宁波路桥工程有限公司", "李明", "13900001111", "宁波", None],
        ["王五", None, "0574-87654321", None, "个人客户"],
    ])
    code, out, err = _import("customers", c, archive)
    assert (code, err) == (0, ""), err
    assert _customers(archive) == [
        ("宁波路桥工程有限公司", "李明", "13900001111", "宁波", ""),
        ("王五", "", "0574-87654321", "", "个人客户"),
    ]
    e = _xls(tmp_path / "设备.xls", "设备档案", ["用户姓名/单位", "型号", "机号", "数量", "购机日期", "安装验收日期"], [
        ["宁波路桥工程有限公司", "QTZ80", "T2509-0101", 2, _dt.date(2025, 10, 8), _dt.date(2025, 12, 1)],
        ["王五", "SC200/200", "S2603-0001", None, "2026/3/1", None],      # a text date in the .xls
    ], titled=True)
    code, out, err = _import("equipment", e, archive)
    assert (code, err) == (0, ""), err
    assert _equipment(archive) == [
        ("宁波路桥工程有限公司", "QTZ80", "T2509-0101", 2, "2025-10-08", "2025-12-01"),
        ("王五", "SC200/200", "S2603-0001", 1, "2026-03-01", None),
    ]


def test_xls_whole_numbers_in_code_columns_are_not_turned_into_decimals(archive, tmp_path):
    """.xls stores every number as a double: a serial typed as 2601 or an
    invoice number 12345678 in a General cell must not come in as "2601.0"."""
    c = _xls(tmp_path / "客户.xls", "客户档案", ["用户姓名/单位", "联系电话", "备注"],
             [["王五", 13900001111, 12]])
    assert _import("customers", c, archive)[0] == 0
    e = _xls(tmp_path / "设备.xls", "设备档案",
             ["用户姓名/单位", "型号", "机号", "发票号", "AB号", "数量", "保修月数"],
             [["王五", 80, 2601, 12345678, 2025123, 2.0, 24]])
    code, out, err = _import("equipment", e, archive)
    assert (code, err) == (0, ""), err
    with sqlite3.connect(archive) as con:
        assert con.execute("SELECT phone, notes FROM customers").fetchall() == [("13900001111", "12")]
        assert con.execute("SELECT model, serial_no, invoice_no, project_no, quantity, warranty_months "
                           "FROM equipment").fetchall() == [("80", "2601", "12345678", "2025123", 2, 24)]


def test_xls_saved_with_an_xlsx_name_is_still_read(archive, tmp_path):
    """Some programs write the old format under a .xlsx name: the content decides."""
    f = _xls(tmp_path / "客户.xls", "Sheet1", ["用户姓名/单位", "联系电话"], [["王五", "13900001111"]])
    renamed = f.rename(tmp_path / "客户.xlsx")
    code, out, err = _import("customers", renamed, archive)
    assert (code, err) == (0, ""), err
    assert _customers(archive) == [("王五", "", "13900001111", "", "")]


def test_xls_problem_names_the_row_and_the_column(archive, tmp_path):
    f = _xls(tmp_path / "设备.xls", "设备档案", ["用户姓名/单位", "型号", "机号", "数量"], [
        ["无此客户", "QTZ80", "T1", "两台"],
    ], titled=True)
    code, out, err = _import("equipment", f, archive)
    assert code == 1
    assert err.splitlines()[:2] == [
        'row 4, column 用户姓名/单位: No customer "无此客户" in the archive.',
        'row 4, column 数量: "两台" is not a whole number',
    ]
    assert _equipment(archive) == []


def test_a_damaged_xls_is_refused_clearly(archive, tmp_path):
    f = tmp_path / "坏.xls"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    code, out, err = _import("customers", f, archive)
    assert code == 1 and "Traceback" not in err
    assert err.startswith("error: 坏.xls is not a readable Excel workbook (.xls)")


# ---------------------------------------------------------------- data without a header
# A column with data under a blank header cell is refused, not dropped and not
# a warning: imports are all-or-nothing, and a column without a header is most
# often one the clerk meant to import (a header deleted by mistake, a phone
# typed one column to the right). Importing the rest would archive those rows
# without it; the clerk names the column or deletes it and imports again.
def test_data_under_a_blank_header_cell_is_refused_naming_the_column_letter(archive, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["用户姓名/单位", "联系人", None, "区域"])
    ws.append(["宁波路桥工程有限公司", "李明", "13900001111", "宁波"])     # row 2: C has data
    ws.append(["王五", None, None, None])
    ws.append(["张三", None, "0574-87654321", None, None, "备注写在这里"])  # row 4: C and F
    wb.save(tmp_path / "c.xlsx")
    code, out, err = _import("customers", tmp_path / "c.xlsx", archive)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "error: c.xlsx: 2 problem(s) in the sheet; nothing was imported",
        "row 1, column C: column C has data in 2 rows (the first is row 2) but no header; "
        "give it a header from the template or delete it",
        "row 1, column F: column F has data in row 4 but no header; "
        "give it a header from the template or delete it",
    ]
    assert _customers(archive) == []


def test_the_no_header_message_reaches_the_clerk_in_chinese(archive, tmp_path):
    from servicedesk.models.core import messages

    line = ("row 1, column C: column C has data in 2 rows (the first is row 2) but no header; "
            "give it a header from the template or delete it")
    assert messages.localize(line, "zh_CN") == (
        "第 1 行，“C”列：C 列有 2 行有数据（第一处在第 2 行），但这一列没有表头；请按模板填写表头或删除该列")
    assert messages.localize("c.xlsx: 2 problem(s) in the sheet; nothing was imported", "zh_CN") == \
        "c.xlsx：表中有 2 处问题，未导入任何数据"


def test_data_without_a_header_in_csv_and_xls_and_below_a_title(archive, tmp_path):
    f = tmp_path / "c.csv"
    f.write_bytes("用户姓名/单位,联系电话\r\n王五,13900001111,个人客户\r\n".encode("gbk"))
    code, out, err = _import("customers", f, archive)
    assert code == 1
    assert "row 1, column C: column C has data in row 2 but no header" in err
    x = _xls(tmp_path / "设备.xls", "设备档案", ["用户姓名/单位", "型号", "机号", ""],
             [["王五", "QTZ80", "T1", "滨江工地"]], titled=True)
    code, out, err = _import("equipment", x, archive)
    assert code == 1
    # The header is row 3 (title in row 1, blank row 2), the data row 4.
    assert "row 3, column D: column D has data in row 4 but no header" in err
    assert _customers(archive) == [] and _equipment(archive) == []


def test_a_blank_column_with_no_header_is_fine(archive, tmp_path):
    """An empty column between two (a spacer, or cells holding only spaces) is no data."""
    wb = Workbook()
    ws = wb.active
    ws.append(["用户姓名/单位", None, "联系电话"])
    ws.append(["王五", "  ", "13900001111"])
    wb.save(tmp_path / "c.xlsx")
    code, out, err = _import("customers", tmp_path / "c.xlsx", archive)
    assert (code, err) == (0, ""), err
    assert _customers(archive) == [("王五", "", "13900001111", "", "")]


# ---------------------------------------------------------------- formulas and Excel errors
# A formula written by a program (openpyxl here) has no saved value: openpyxl
# reads it as an empty cell, which would import as "no quantity" or clear a
# value with --update. An Excel error (#DIV/0!) would import as the text
# "#DIV/0!". Both are refused with the row and the column's label.
EXCEL_ERRORS = ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]


def test_formula_without_a_saved_value_is_refused_naming_row_and_column(archive, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["用户姓名/单位", "联系人", "联系电话"])
    ws.append(["王五", "李明", "13900001111"])
    ws.append(["张三", "=B2", "=C2"])             # row 3: two formulas, no saved values
    wb.save(tmp_path / "c.xlsx")
    code, out, err = _import("customers", tmp_path / "c.xlsx", archive)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "error: c.xlsx: 2 problem(s) in the sheet; nothing was imported",
        "row 3, column 联系人: formula without a saved value (open the file in Excel or WPS and save it again)",
        "row 3, column 联系电话: formula without a saved value (open the file in Excel or WPS and save it again)",
    ]
    assert _customers(archive) == []


def _with_saved_values(path: Path, cells: dict[str, bytes]) -> None:
    """Give formula cells the saved value Excel would write (`<v>…</v>`, and
    t="str" for text), as if the file had been opened and saved in Excel."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    xml = members["xl/worksheets/sheet1.xml"]
    for ref, saved in cells.items():
        xml, n = re.subn(rb'<c r="' + ref.encode() + rb'"><f>(.*?)</f><v\s*/>',
                         lambda m: b'<c r="' + ref.encode() + b'" t="str"><f>' + m[1] + b"</f>" + saved, xml)
        assert n == 1, ref
    members["xl/worksheets/sheet1.xml"] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def test_a_formula_saved_with_its_value_imports_the_value(archive, tmp_path):
    """After Excel saved the file, the formula's value is in it: 李明, and the
    empty text of =IF(...,"",...) (saved as an empty <v></v>) is an empty cell."""
    wb = Workbook()
    ws = wb.active
    ws.append(["用户姓名/单位", "联系人", "备注"])
    ws.append(["王五", "=\"李\"&\"明\"", '=IF(1=1,"","x")'])
    f = tmp_path / "c.xlsx"
    wb.save(f)
    _with_saved_values(f, {"B2": "<v>李明</v>".encode(), "C2": b"<v></v>"})
    code, out, err = _import("customers", f, archive)
    assert (code, err) == (0, ""), err
    assert _customers(archive) == [("王五", "李明", "", "", "")]


@pytest.mark.parametrize("error", EXCEL_ERRORS)
def test_excel_error_values_are_refused_naming_row_and_column(archive, tmp_path, error):
    wb = Workbook()
    ws = wb.active
    ws.append(["用户姓名/单位", "联系人", "备注"])
    ws.append(["王五", "李明", "个人客户"])
    ws.append(["张三", None, error])
    assert ws["C3"].data_type == "e"               # written as an error value, not text
    wb.save(tmp_path / "c.xlsx")
    code, out, err = _import("customers", tmp_path / "c.xlsx", archive)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "error: c.xlsx: 1 problem(s) in the sheet; nothing was imported",
        f"row 3, column 备注: Excel error {error} instead of a value",
    ]
    assert _customers(archive) == []


def test_errors_and_formulas_in_equipment_dates_and_numbers(archive, tmp_path):
    assert _import("customers", _xls(tmp_path / "c.xls", "客户档案", ["用户姓名/单位"], [["王五"]]),
                   archive)[0] == 0
    wb = Workbook()
    ws = wb.active
    ws.append(["用户姓名/单位", "型号", "机号", "数量", "购机日期", "保修月数"])
    ws.append(["王五", "QTZ80", "T1", 1, _dt.datetime(2025, 10, 8), 12])
    ws.append(["王五", "QTZ80", "T2", "=D2+1", "#VALUE!", 12])        # row 3
    ws.append(["王五", "QTZ80", "T3", 1, _dt.datetime(2025, 10, 8), "#N/A"])   # row 4
    wb.save(tmp_path / "e.xlsx")
    code, out, err = _import("equipment", tmp_path / "e.xlsx", archive)
    assert code == 1
    assert err.splitlines()[1:] == [
        "row 3, column 数量: formula without a saved value (open the file in Excel or WPS and save it again)",
        "row 3, column 购机日期: Excel error #VALUE! instead of a value",
        "row 4, column 保修月数: Excel error #N/A instead of a value",
    ]
    assert _equipment(archive) == []


def test_excel_errors_in_xls_and_csv(archive, tmp_path):
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("客户档案")
    for i, text in enumerate(["用户姓名/单位", "联系人", "备注"]):
        ws.write(0, i, text)
    ws.write(1, 0, "王五")
    ws.row(1).set_cell_error(1, "#DIV/0!")
    ws.row(1).set_cell_error(2, 0x2A)    # #N/A (xlwt spells its name "#N/A!")
    book.save(str(tmp_path / "c.xls"))
    code, out, err = _import("customers", tmp_path / "c.xls", archive)
    assert code == 1
    assert err.splitlines()[1:] == [
        "row 2, column 联系人: Excel error #DIV/0! instead of a value",
        "row 2, column 备注: Excel error #N/A instead of a value",
    ]
    f = tmp_path / "c.csv"                          # Excel saves an error as its text in a .csv
    f.write_bytes("用户姓名/单位,备注\r\n王五,#REF!\r\n".encode("gbk"))
    code, out, err = _import("customers", f, archive)
    assert code == 1
    assert "row 2, column 备注: Excel error #REF! instead of a value" in err
    assert _customers(archive) == []


def test_formula_and_error_messages_reach_the_clerk_in_chinese():
    from servicedesk.models.core import messages

    assert messages.localize("row 3, column 数量: formula without a saved value (open the file in Excel "
                             "or WPS and save it again)", "zh_CN") == \
        "第 3 行，“数量”列：公式没有保存计算结果（请用 Excel 或 WPS 打开文件后重新保存）"
    assert messages.localize("row 3, column 备注: Excel error #N/A instead of a value", "zh_CN") == \
        "第 3 行，“备注”列：单元格是 Excel 错误值 #N/A，不是数据"
