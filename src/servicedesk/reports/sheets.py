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
import zipfile
from pathlib import Path
from typing import Any, Iterable, Iterator

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.importing import Column, Problem, SheetSpec
from servicedesk.reports.files import save_workbook
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


def read_rows(spec: SheetSpec, path: str | os.PathLike) -> list[tuple[int, dict[str, Any]]]:
    """Rows of the first sheet as (row number, {key: value}); blank rows skipped.

    Each row dict has exactly the keys of the columns the header names (value
    None for an empty cell), never a key for a column the sheet leaves out.
    A header naming one column twice is refused.
    """
    path = Path(path)
    if not path.exists():
        raise SheetError(f"File not found: {path}")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise SheetError(f"{path.name} is not a readable Excel workbook (.xlsx): {exc}") from exc
    except Exception as exc:  # openpyxl raises many things on damaged XML
        raise SheetError(f"{path.name} is damaged and cannot be read: {exc}") from exc
    try:
        ws = wb[spec.title] if spec.title in wb.sheetnames else wb.worksheets[0]
        it: Iterator[tuple] = ws.iter_rows(values_only=True)
        header = next(it, None)
        if header is None:
            raise SheetError(f"{path.name} is empty: the first row must hold the column headers.")
        mapping = spec.header_map()
        columns: list[str | None] = []
        problems: list[Problem] = []
        seen: dict[str, int] = {}
        for idx, cell in enumerate(header, start=1):
            text = str(cell).strip() if cell is not None else ""
            if not text:
                columns.append(None)
                continue
            key = mapping.get(text.lower())
            if key is None:
                problems.append(Problem(1, text, "unknown column (see the template's 说明 sheet)"))
            elif key in seen:
                # Which of the two would win is a guess: refuse rather than lose one.
                problems.append(Problem(1, "", f"column {spec.label_for(key)} appears twice "
                                               f"(columns {get_column_letter(seen[key])} and "
                                               f"{get_column_letter(idx)})"))
                key = None
            else:
                seen[key] = idx
            columns.append(key)
        for col in spec.columns:
            if col.required and col.key not in columns:
                problems.append(Problem(1, col.label, "required column is missing"))
        if problems:
            # The message is the summary line; the problems follow it one per
            # line (CLI and import window alike), so each is shown once.
            raise SheetError(f"{path.name}: the header row (row 1) has {len(problems)} problem(s); "
                             "nothing was imported", problems)
        rows: list[tuple[int, dict[str, Any]]] = []
        for row_no, values in enumerate(it, start=2):
            if row_no > MAX_ROWS:
                raise SheetError(f"{path.name} has more than {MAX_ROWS} rows; split it.")
            # Every column the header names gets a key, even where the row is
            # shorter than the header: a key that is present means "this column
            # is in the sheet" (an --update may clear it), an absent key means
            # the sheet does not have the column (the record keeps its value).
            record = {}
            for idx, key in enumerate(columns):
                if key is None:
                    continue
                value = values[idx] if idx < len(values) else None
                if isinstance(value, str):
                    value = value.strip()
                    if value == "":
                        value = None
                record[key] = value
            if any(v is not None for v in record.values()):
                rows.append((row_no, record))
        return rows
    except SheetError:
        raise
    except Exception as exc:
        raise SheetError(f"{path.name} is damaged and cannot be read: {exc}") from exc
    finally:
        wb.close()
