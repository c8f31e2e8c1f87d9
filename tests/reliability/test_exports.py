"""Exports onto a full disk, a read-only folder, or over a workbook open in Excel."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from servicedesk.models.core.db import open_db
from servicedesk.models.core.errors import DomainError
from servicedesk.reports import files
from tests.reliability.helpers import SRC


def _book(text: str) -> Workbook:
    wb = Workbook()
    wb.active["A1"] = text
    return wb


def test_a_workbook_open_in_excel_is_named_and_kept(tmp_path, monkeypatch):
    out = tmp_path / "月报.xlsx"
    files.save_workbook(_book("old"), out)

    def locked(src, dst):  # what Windows does while Excel has the file open
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))
    monkeypatch.setattr(files.os, "replace", locked)
    with pytest.raises(DomainError) as err:
        files.save_workbook(_book("new"), out)
    assert "Close 月报.xlsx in Excel" in err.value.english and str(out) in err.value.english
    assert load_workbook(out).active["A1"].value == "old"          # the old workbook is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["月报.xlsx"]  # no .part


def test_the_excel_message_in_chinese():
    from servicedesk.models.core.messages import localize

    text = localize("Cannot replace D:\\a\\月报.xlsx: it is open in another program. "
                    "Close 月报.xlsx in Excel (or the viewer) first, then export again.", "zh_CN")
    assert text.startswith("请先在 Excel 中关闭 月报.xlsx") and "再导出" in text


def test_a_read_only_folder_is_named(tmp_path, monkeypatch):
    def read_only(src, dst):
        raise OSError(errno.EROFS, "Read-only file system", str(dst))
    monkeypatch.setattr(files.os, "replace", read_only)
    with pytest.raises(DomainError, match=f"folder {tmp_path}"):
        files.save_workbook(_book("x"), tmp_path / "new.xlsx")
    assert list(tmp_path.iterdir()) == []


# Every write to a *.part file fails after a few bytes, like a disk filling up.
FULL_DISK = r"""
import builtins, errno, io, sys
real_open = io.open
class Full(io.FileIO):
    def write(self, b):
        raise OSError(errno.ENOSPC, "No space left on device")
def full_open(file, mode="r", *a, **k):
    if str(file).endswith(".part") and ("w" in mode or "a" in mode):
        return io.BufferedWriter(Full(file, "wb"))
    return real_open(file, mode, *a, **k)
io.open = builtins.open = full_open
from servicedesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_kpi_out_on_a_full_disk_says_so_once_without_a_stray_traceback(tmp_path):
    data = tmp_path / "office.sqlite3"
    open_db(data).close()
    out = tmp_path / "kpi.xlsx"
    proc = subprocess.run([sys.executable, "-c", FULL_DISK, "kpi", "2026-01", "--db", str(data),
                           "--out", str(out)], env={**os.environ, "PYTHONPATH": str(SRC)},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "is full" in proc.stderr and str(tmp_path) in proc.stderr
    assert "Exception ignored" not in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists() and not Path(str(out) + ".part").exists()
