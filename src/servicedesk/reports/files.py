"""Writing report files so a full disk or a crash never leaves half a file
under the real name: everything is written to `<name>.part` beside the
target and renamed over it only when complete."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from servicedesk.models.core.errors import DomainError

if TYPE_CHECKING:
    from openpyxl import Workbook


@contextmanager
def atomic_target(out: str | os.PathLike) -> Iterator[Path]:
    """Yield the temporary path to write; on leaving, rename it to `out`.

    The target's folder is created first. An OSError while writing or
    renaming removes the temporary file and becomes a DomainError on the
    "file" field, so the UI and CLI show it as a plain message."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    try:
        yield tmp
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError(f"Cannot write {out}: {exc.strerror or exc}", "file") from exc


def save_workbook(wb: Workbook, out: str | os.PathLike) -> Path:
    """Save an openpyxl workbook atomically (see `atomic_target`); returns the path."""
    with atomic_target(out) as tmp:
        wb.save(tmp)
    return Path(out)
