"""A faster way for openpyxl to write the cells of a sheet: the same bytes.

openpyxl (without lxml, as the program ships) builds an ElementTree element
for every cell and serialises it through et_xmlfile's namespace-aware
writer: ~40 µs a cell, most of the time a 20 000-cell KPI workbook takes to
save (issue 15). The cells our workbooks hold (numbers, dates, plain text,
blanks) serialise to a fixed pattern; `fast_cells()` writes that pattern as
text and hands every other cell (formulas, rich text, text with leading or
trailing spaces, an lxml writer) to openpyxl's own function. The output is
byte for byte what openpyxl writes (tests/reports/test_xlsx_write.py
compares the two on awkward values), and when an openpyxl version no longer
has the hooks used here, nothing is replaced.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator
from xml.etree.ElementTree import _escape_attrib, _escape_cdata  # the escaping et_xmlfile uses

try:  # the hooks; any of them missing -> openpyxl's writer as it is
    from et_xmlfile.xmlfile import _IncrementalFileWriter
    from openpyxl.cell import _writer as _cell_writer
    from openpyxl.cell._writer import _set_attributes
    from openpyxl.compat import safe_string
    from openpyxl.worksheet import _writer as _sheet_writer

    _STOCK = _sheet_writer.write_cell
except (ImportError, AttributeError):  # pragma: no cover - another openpyxl
    _STOCK = None

_PLAIN_TYPES = {"n", "s", "b", "d"}
_lock = threading.Lock()
_depth = 0


def write_cell(xf, worksheet, cell, styled=None) -> None:
    """openpyxl.cell._writer.etree_write_cell, as text for the common cells."""
    value = cell._value
    if (type(xf) is not _IncrementalFileWriter or not xf._element_stack
            or cell.data_type not in _PLAIN_TYPES
            or (cell.data_type == "s" and (type(value) is not str or value != value.strip()))):
        _STOCK(xf, worksheet, cell, styled)
        return
    if cell.data_type == "d" or cell.hyperlink:   # dates -> serial numbers, links -> the sheet's list
        value, attributes = _set_attributes(cell, styled)
        head = "<c" + "".join(f' {k}="{_escape_attrib(str(v))}"' for k, v in attributes.items())
    else:   # what _set_attributes gives these: r, s when styled, t (no escaping needed)
        kind = "inlineStr" if cell.data_type == "s" else cell.data_type
        head = (f'<c r="{cell.coordinate}" s="{cell.style_id}" t="{kind}"' if styled
                else f'<c r="{cell.coordinate}" t="{kind}"')
    if value is None or value == "":
        xf._file(head + " />")
    elif cell.data_type == "s":
        xf._file(f"{head}><is><t>{_escape_cdata(value)}</t></is></c>")
    else:
        text = safe_string(value)
        if not text:   # NaN / infinity: openpyxl writes an empty <v />
            _STOCK(xf, worksheet, cell, styled)
            return
        xf._file(f"{head}><v>{_escape_cdata(text)}</v></c>")


@contextmanager
def fast_cells() -> Iterator[None]:
    """While inside, workbooks saved in this process write cells with `write_cell`."""
    global _depth
    if _STOCK is None or getattr(_cell_writer, "write_cell", None) is not _cell_writer.etree_write_cell:
        yield   # lxml or an unknown openpyxl: leave it alone
        return
    with _lock:
        _depth += 1
        _sheet_writer.write_cell = write_cell
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                _sheet_writer.write_cell = _STOCK
