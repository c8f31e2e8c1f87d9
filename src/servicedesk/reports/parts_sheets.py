"""Parts workbooks that can be large: the ledger export is streamed with a
write-only workbook (500 000 lines without holding them all in memory),
reporting progress so a worker thread can show it and be cancelled."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from servicedesk.models.errors import DomainError
from servicedesk.models.importing import SheetSpec

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


class Cancelled(Exception):
    """The user stopped a long export; the partial file is removed."""


def write_stream(spec: SheetSpec, rows: Iterable[dict[str, Any]], out: str | os.PathLike,
                 progress: Callable[[int], bool] | None = None, every: int = 2000) -> tuple[Path, int]:
    """Write rows under the spec's Chinese headers; returns (path, rows written).

    `progress(n)` is called every `every` rows; returning False cancels."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
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
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError(f"Cannot write {out}: {exc.strerror or exc}", "file") from exc
    if progress is not None:
        progress(count)
    return out, count
