"""Writing report files so a full disk, a crash or a workbook open in Excel
never leaves half a file under the real name: everything is written to
`<name>.part` beside the target and renamed over it only when complete."""

from __future__ import annotations

import errno
import io
import logging
import os
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from servicedesk.models.core.errors import DomainError

if TYPE_CHECKING:
    from openpyxl import Workbook

log = logging.getLogger(__name__)


def _write_failure(out: Path, exc: OSError) -> DomainError:
    """The message for a failed export: which file or folder, and what to do."""
    if isinstance(exc, PermissionError) and out.exists():
        # Windows cannot replace a workbook Excel (or a PDF viewer) has open.
        return DomainError(f"Cannot replace {out}: it is open in another program. "
                           f"Close {out.name} in Excel (or the viewer) first, then export again.", "file")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DomainError(f"The disk holding the folder {out.parent} is full; {out.name} was not written. "
                           "Free some space or choose another folder.", "file")
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return DomainError(f"Cannot write into the folder {out.parent}: {exc.strerror or exc}. "
                           "Choose another folder.", "file")
    return DomainError(f"Cannot write {out}: {exc.strerror or exc}", "file")


@contextmanager
def atomic_target(out: str | os.PathLike) -> Iterator[Path]:
    """Yield the temporary path to write; on leaving, rename it to `out`.

    The target's folder is created first. An OSError while writing or
    renaming removes the temporary file and becomes a DomainError on the
    "file" field naming the file or folder, so the UI and CLI show it as a
    plain message and the previous file under that name is left as it was."""
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        yield tmp
        os.replace(tmp, out)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise _write_failure(out, exc) from exc
    log.info("exported %s", out)


def save_workbook(wb: Workbook, out: str | os.PathLike) -> Path:
    """Save an openpyxl workbook atomically (see `atomic_target`); returns the path.

    The workbook is built in memory first: openpyxl writing straight to a
    file that hits a full disk leaves a half-closed ZipFile whose __del__
    later prints "Exception ignored in: ZipFile.__del__" after the clean
    message. In memory nothing can fail that way; only the plain write can.
    """
    from servicedesk.reports.xlsx_write import fast_cells

    buf = io.BytesIO()
    with fast_cells():   # the same bytes, written faster (issue 15)
        wb.save(buf)
    with atomic_target(out) as tmp:
        tmp.write_bytes(buf.getvalue())
    return Path(out)
