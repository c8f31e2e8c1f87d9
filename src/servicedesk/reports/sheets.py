"""Generic import/export workbooks built from a SheetSpec.

- template: header row of Chinese labels, a second sheet 说明 explaining each
  column (key, required, format, choices), data-validation lists for columns
  with fixed choices, frozen header;
- read: maps header cells (Chinese label or English key) to field keys and
  yields (sheet row number, {key: value}); a broken or non-xlsx file raises
  SheetError with a plain message, never a traceback;
- write: the same layout filled with exported rows, so an export re-imports.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.importing import Column, Problem, SheetSpec
from servicedesk.reports.files import save_workbook
from servicedesk.reports.sheet_files import GridError, read_grid
from servicedesk.reports.xlsx_style import HEADER_FILL, REQUIRED_FILL

MAX_ROWS = 200_000


class SheetError(DomainError):
    """The workbook itself cannot be read (not xlsx, damaged, wrong headers)."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message, "file")
        self.problems = problems or []


# Text columns that hold codes rather than words: phone numbers, serials,
# invoice and project (AB) numbers, part and ticket numbers, models. Excel
# would turn 0571… into 571…, a long invoice number into 1.23E+15 and a
# serial like 3-12 into a date; the text format '@' keeps what is typed.
CODE_KEYS = frozenset({
    "phone", "phone2", "serial_no", "old_serial", "invoice_no", "project_no", "code", "part_code",
    "no", "ticket_no", "document_no", "model", "spec",
})
TEXT_FORMAT = "@"


def _is_code(col: Column) -> bool:
    return col.kind == "code" or (col.kind == "text" and col.key in CODE_KEYS)


def _number_format(col: Column) -> str | None:
    if _is_code(col):
        return TEXT_FORMAT
    return {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm", "money": "#,##0.00"}.get(col.kind)


def _build(spec: SheetSpec, rows: Iterable[dict[str, Any]]) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = spec.title
    for i, col in enumerate(spec.columns, start=1):
        cell = ws.cell(row=1, column=i, value=col.label)
        cell.font = Font(bold=True)
        cell.fill = REQUIRED_FILL if col.required else HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = max(col.width, len(col.label) * 2 + 2)
        if _is_code(col):
            dim.number_format = TEXT_FORMAT   # cells typed later in the column are text too
    ws.freeze_panes = "A2"
    count = 1
    for count, row in enumerate(rows, start=2):
        for i, col in enumerate(spec.columns, start=1):
            value = row.get(col.key)
            cell = ws.cell(row=count, column=i, value=value)
            fmt = _number_format(col)
            if fmt == TEXT_FORMAT:
                cell.number_format = fmt
            elif fmt and isinstance(value, (_dt.date, int, float)) and not isinstance(value, bool):
                cell.number_format = fmt
    for i, col in enumerate(spec.columns, start=1):
        if col.choices:
            letter = get_column_letter(i)
            dv = DataValidation(type="list", formula1='"' + ",".join(col.choices) + '"',
                                allow_blank=not col.required, showErrorMessage=True,
                                errorTitle=col.label, error="请从列表中选择 / choose from the list")
            dv.add(f"{letter}2:{letter}{max(count, 2) + 1000}")
            ws.add_data_validation(dv)
        elif col.kind in ("date", "int"):
            # A warning (not a stop): Excel flags a typo like 2026-13-01 or "两台",
            # but pasted text dates the importer accepts are never blocked.
            letter = get_column_letter(i)
            if col.kind == "date":
                dv = DataValidation(type="date", operator="between", formula1="DATE(1980,1,1)",
                                    formula2="DATE(2100,12,31)", allow_blank=True, errorStyle="warning",
                                    showErrorMessage=True, errorTitle=col.label,
                                    error="请输入日期，如 2026-03-01 / enter a date")
            else:
                dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                    allow_blank=True, errorStyle="warning", showErrorMessage=True,
                                    errorTitle=col.label, error="请输入整数 / enter a whole number")
            dv.add(f"{letter}2:{letter}{max(count, 2) + 1000}")
            ws.add_data_validation(dv)
    notes = wb.create_sheet("说明")
    notes.append(["列 (column)", "键 (key)", "必填 (required)", "说明 (notes)", "可选值 (choices)"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for col in spec.columns:
        notes.append([col.label, col.key, "是" if col.required else "", col.note, "、".join(col.choices)])
    for letter, width in zip("ABCDE", (18, 18, 10, 60, 40)):
        notes.column_dimensions[letter].width = width
    notes.freeze_panes = "A2"
    return wb


def write_template(spec: SheetSpec, out: str | os.PathLike,
                   sample_rows: Iterable[dict[str, Any]] = ()) -> Path:
    return save_workbook(_build(spec, sample_rows), out)


def write_rows(spec: SheetSpec, rows: Iterable[dict[str, Any]], out: str | os.PathLike) -> Path:
    return save_workbook(_build(spec, rows), out)


# How far down a title, notes or blank rows may push the header row.
HEADER_SEARCH_ROWS = 20


def _header_text(cell: Any) -> str:
    """A header cell as the mapping knows it: NFKC (full-width brackets and
    spaces folded), no white space or line breaks, no required-marker '*'."""
    text = unicodedata.normalize("NFKC", str(cell)) if cell is not None else ""
    return re.sub(r"[\s*]+", "", text).lower()


def _header_map(spec: SheetSpec) -> dict[str, str]:
    return {_header_text(text): key for text, key in spec.header_map().items()}


def _find_header(grid_rows: list[tuple[int, tuple]], mapping: dict[str, str]) -> int:
    """Index (in grid_rows) of the header: the row naming the most known columns.

    A title row (merged across the columns), a date line or blank rows above
    the header are skipped; without any known column the first non-blank row
    is taken, so its headers are reported as unknown.
    """
    best, best_hits = None, 0
    for i, (_, values) in enumerate(grid_rows):
        hits = sum(1 for v in values if _header_text(v) in mapping)
        if hits > best_hits:
            best, best_hits = i, hits
    if best is not None:
        return best
    for i, (_, values) in enumerate(grid_rows):
        if any(_header_text(v) for v in values):
            return i
    return -1


def read_rows(spec: SheetSpec, path: str | os.PathLike) -> list[tuple[int, dict[str, Any]]]:
    """Rows of the sheet as (row number, {key: value}); blank rows skipped.

    .xlsx (Excel, WPS), .xls and .csv (UTF-8 or GBK) alike (reports/sheet_files).
    The header may sit below a title row or blank rows; header names may
    carry spaces or full-width brackets. Each row dict has exactly the keys
    of the columns the header names (value None for an empty cell), never a
    key for a column the sheet leaves out. Refused with every problem named:
    a header naming one column twice, data under a blank header cell, an
    Excel error value or a formula saved without its value.
    """
    path = Path(path)
    if not path.exists():
        raise SheetError(f"File not found: {path}")
    try:
        grid = read_grid(path, spec.title)
    except GridError as exc:
        raise SheetError(exc.english) from exc
    try:
        return _read(spec, path, grid)
    except SheetError:
        raise
    except Exception as exc:
        raise SheetError(f"{path.name} is damaged and cannot be read: {exc}") from exc
    finally:
        grid.done()


def _read(spec: SheetSpec, path: Path, grid) -> list[tuple[int, dict[str, Any]]]:
    it = iter(grid.rows)
    mapping = _header_map(spec)
    head = [r for _, r in zip(range(HEADER_SEARCH_ROWS), it)]
    found = _find_header(head, mapping)
    if found < 0:
        raise SheetError(f"{path.name} is empty: the first row must hold the column headers.")
    header_row, header = head[found]
    columns: list[str | None] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for idx, cell in enumerate(header, start=1):
        text = _header_text(cell)
        if not text:
            columns.append(None)
            continue
        key = mapping.get(text)
        if key is None:
            problems.append(Problem(header_row, str(cell).strip(),
                                    "unknown column (see the template's 说明 sheet)"))
        elif key in seen:
            # Which of the two would win is a guess: refuse rather than lose one.
            problems.append(Problem(header_row, "", f"column {spec.label_for(key)} appears twice "
                                                    f"(columns {get_column_letter(seen[key])} and "
                                                    f"{get_column_letter(idx)})"))
            key = None
        else:
            seen[key] = idx
        columns.append(key)
    for col in spec.columns:
        if col.required and col.key not in columns:
            problems.append(Problem(header_row, col.label, "required column is missing"))
    if problems:
        # The message is the summary line; the problems follow it one per
        # line (CLI and import window alike), so each is shown once.
        raise SheetError(f"{path.name}: the header row (row {header_row}) has {len(problems)} problem(s); "
                         "nothing was imported", problems)
    rows: list[tuple[int, dict[str, Any]]] = []
    unnamed: dict[int, list[int]] = {}     # column without header -> rows with data in it
    cell_problems: list[Problem] = []
    data_rows = head[found + 1:]

    def all_rows():
        yield from data_rows
        yield from it

    for row_no, values in all_rows():
        if row_no > MAX_ROWS:
            raise SheetError(f"{path.name} has more than {MAX_ROWS} rows; split it.")
        # Every column the header names gets a key, even where the row is
        # shorter than the header: a key that is present means "this column
        # is in the sheet" (an --update may clear it), an absent key means
        # the sheet does not have the column (the record keeps its value).
        record = {}
        for idx, value in enumerate(values):
            key = columns[idx] if idx < len(columns) else None
            if isinstance(value, str):
                value = value.strip()
                if value == "":
                    value = None
            if key is None:
                if value is not None:
                    unnamed.setdefault(idx + 1, []).append(row_no)
                continue
            reason = grid.bad_cells.get((row_no, idx + 1))
            if reason:
                cell_problems.append(Problem(row_no, spec.label_for(key), reason))
                value = None
            record[key] = value
        for key in columns[len(values):]:
            if key is not None:
                record[key] = None
        if any(v is not None for v in record.values()):
            rows.append((row_no, record))
    # Data under a blank header cell is refused, not dropped: it is most often
    # a column the clerk meant to import (a header deleted, a value typed one
    # column too far right), and the import is all-or-nothing.
    for col, at in sorted(unnamed.items()):
        letter = get_column_letter(col)
        if len(at) == 1:
            text = f"column {letter} has data in row {at[0]} but no header; "
        else:
            text = f"column {letter} has data in {len(at)} rows (the first is row {at[0]}) but no header; "
        cell_problems.append(Problem(header_row, letter, text + "give it a header from the template or delete it"))
    if cell_problems:
        raise SheetError(f"{path.name}: {len(cell_problems)} problem(s) in the sheet; nothing was imported",
                         cell_problems)
    return rows
