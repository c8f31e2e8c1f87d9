"""The cells of a sheet as offices keep them (issue 16): .xlsx, .xls, .csv.

Offices send what they have: an .xlsx written by Excel or WPS, an old .xls,
a .csv saved in UTF-8 (with or without a BOM) or in GBK by a Chinese Excel.
`read_grid` gives every format the same shape: the rows of the chosen sheet
as tuples of cell values (dates as datetimes, numbers as numbers, text as
text), numbered as the spreadsheet numbers them, and the cells whose value
cannot be trusted (an Excel error such as #DIV/0!, a formula saved without
its computed value) as (row, column, reason) so the import names them
instead of importing text or an empty cell.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from openpyxl.utils.exceptions import InvalidFileException

from servicedesk.models.core.errors import DomainError

# What Excel shows in a cell whose formula failed.
EXCEL_ERRORS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                          "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!"})


class GridError(DomainError):
    """The file cannot be read as a sheet (reports.sheets wraps it as SheetError)."""

    def __init__(self, message: str):
        super().__init__(message, "file")


@dataclass
class Grid:
    rows: Iterator[tuple[int, tuple]]                 # (row number, cell values)
    bad_cells: dict[tuple[int, int], str] = field(default_factory=dict)   # (row, column) -> reason
    close: Any = None

    def done(self) -> None:
        if self.close is not None:
            self.close()


def read_grid(path: Path, sheet_title: str) -> Grid:
    """The sheet named `sheet_title` (else the first) of an .xlsx/.xlsm, .xls or .csv file."""
    suffix = path.suffix.lower()
    if suffix == ".csv" or suffix == ".txt":
        return _csv_grid(path)
    if suffix == ".xls" or _is_ole(path):
        return _xls_grid(path, sheet_title)
    return _xlsx_grid(path, sheet_title)


# ---------------------------------------------------------------- .xlsx
_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_VALUE = re.compile(rb"<v>[^<]+</v>|<is>", re.S)
# A formula whose saved result is empty text (=IF(A2="","",…)): Excel, WPS
# and LibreOffice write t="str" and an empty <v></v>. That is a saved value.
_TEXT_RESULT = re.compile(rb'\bt="str"')


def _uncached_formulas(path: Path, member: str | None) -> dict[tuple[int, int], str]:
    """Cells with a formula but no saved value (a file written by a program, not
    recalculated in Excel): openpyxl reads them as empty. Only scanned when the
    sheet has formulas at all."""
    if not member:
        return {}
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read(member.lstrip("/"))
    except (KeyError, OSError, zipfile.BadZipFile):
        return {}
    if b"<f" not in xml:
        return {}
    out = {}
    for m in _CELL.finditer(xml):
        body = m[4] or b""
        if b"<f" in body and not _VALUE.search(body) and not (_TEXT_RESULT.search(m[3]) and b"<v" in body):
            out[(int(m[2]), column_index_from_string(m[1].decode()))] = \
                "formula without a saved value (open the file in Excel or WPS and save it again)"
    return out


def _xlsx_grid(path: Path, sheet_title: str) -> Grid:
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise GridError(f"{path.name} is not a readable Excel workbook (.xlsx, .xls or .csv): {exc}") from exc
    except Exception as exc:  # openpyxl raises many things on damaged XML
        raise GridError(f"{path.name} is damaged and cannot be read: {exc}") from exc
    ws = wb[sheet_title] if sheet_title in wb.sheetnames else wb.worksheets[0]
    # WPS and some exporters write a wrong <dimension> (A1 only): read every row.
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    bad = _uncached_formulas(path, getattr(ws, "_worksheet_path", None))

    def rows() -> Iterator[tuple[int, tuple]]:
        for row_no, values in enumerate(ws.iter_rows(values_only=True), start=1):
            yield row_no, values

    return Grid(_flag_errors(rows(), bad), bad, wb.close)


def _flag_errors(rows: Iterator[tuple[int, tuple]], bad: dict[tuple[int, int], str]) -> Iterator[tuple[int, tuple]]:
    """Note Excel error values (#DIV/0!, #N/A) as bad cells and pass the rows on."""
    for row_no, values in rows:
        for col, value in enumerate(values, start=1):
            if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
                bad[(row_no, col)] = f"Excel error {value.strip()} instead of a value"
        yield row_no, values


# ---------------------------------------------------------------- .xls
def _is_ole(path: Path) -> bool:
    """An old binary Excel file (OLE2), whatever its name says."""
    try:
        with open(path, "rb") as fh:
            return fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    except OSError:
        return False


def _xls_grid(path: Path, sheet_title: str) -> Grid:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct errors…
        raise GridError(f"{path.name} is not a readable Excel workbook (.xls): {exc}") from exc
    names = book.sheet_names()
    sheet = book.sheet_by_name(sheet_title) if sheet_title in names else book.sheet_by_index(0)
    bad: dict[tuple[int, int], str] = {}

    def value(row: int, col: int) -> Any:
        cell = sheet.cell(row, col)
        if cell.ctype == xlrd.XL_CELL_DATE:
            try:
                return xlrd.xldate_as_datetime(cell.value, book.datemode)
            except (ValueError, OverflowError):
                return cell.value
        if cell.ctype == xlrd.XL_CELL_ERROR:
            bad[(row + 1, col + 1)] = (f"Excel error {xlrd.error_text_from_code.get(cell.value, '#?')} "
                                       "instead of a value")
            return None
        if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
            return None
        if cell.ctype == xlrd.XL_CELL_BOOLEAN:
            return bool(cell.value)
        if cell.ctype == xlrd.XL_CELL_NUMBER and float(cell.value).is_integer():
            # .xls keeps every number as a double: a serial 2601 or invoice
            # number 12345678 would import as "2601.0". Whole numbers come out
            # as int, as openpyxl gives them from an .xlsx.
            return int(cell.value)
        return cell.value

    def rows() -> Iterator[tuple[int, tuple]]:
        for r in range(sheet.nrows):
            yield r + 1, tuple(value(r, c) for c in range(sheet.ncols))

    return Grid(rows(), bad, book.release_resources)


# ---------------------------------------------------------------- .csv
def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's 'Unicode text'),
    else GB18030, the superset of GBK a Chinese Excel saves .csv in."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise GridError(f"{name}: the text is neither UTF-8 nor GBK; save it again as "
                        "“CSV UTF-8” or as .xlsx") from exc


def _csv_grid(path: Path) -> Grid:
    try:
        text = decode_text(path.read_bytes(), path.name)
    except OSError as exc:
        raise GridError(f"{path.name} cannot be read: {exc}") from exc
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)

    def rows() -> Iterator[tuple[int, tuple]]:
        for row_no, values in enumerate(reader, start=1):
            yield row_no, tuple(values)

    bad: dict[tuple[int, int], str] = {}
    return Grid(_flag_errors(rows(), bad), bad)
