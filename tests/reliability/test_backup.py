"""Verified backups: naming, rotation, a kill mid-copy, a full or read-only target."""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from servicedesk.models.core import backup as B
from servicedesk.models.core.db import open_db
from tests.reliability.helpers import count_customers, make_office, run_subprocess, sha

T = dt.datetime(2026, 3, 10, 14, 0, 0)


def _plan(data: Path, folder: Path, daily: int = 7, monthly: int = 12) -> B.BackupPlan:
    return B.BackupPlan(data, folder, 4, daily, monthly, 3)


def test_a_backup_is_a_verified_single_file_copy_named_by_time(tmp_path):
    data = tmp_path / "servicedesk.sqlite3"
    make_office(data, 3)
    copy = B.make_backup(data, _plan(data, tmp_path / "bk"), now=T)
    assert copy.path == tmp_path / "bk" / "servicedesk-20260310-140000.sqlite3"
    assert copy.verified
    # rollback-journal mode: opening the copy creates no -wal/-shm beside it
    assert sorted(p.name for p in (tmp_path / "bk").iterdir()) == [copy.path.name]
    assert sqlite3.connect(copy.path).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert count_customers(copy.path) == 3
    # the same second again: a second name, not an overwrite
    again = B.make_backup(data, _plan(data, tmp_path / "bk"), now=T)
    assert again.path.name == "servicedesk-20260310-140000-2.sqlite3"


def test_the_default_folder_is_backups_in_the_user_data_folder(tmp_path, db, db_path):
    plan = B.backup_plan(db, db_path)
    assert plan.folder == tmp_path / "data" / "ServiceDesk" / "backups"   # XDG_DATA_HOME of conftest
    assert (plan.keep_daily, plan.keep_monthly, plan.interval_hours, plan.warn_after_days) == (7, 12, 4, 3)


def test_rotation_keeps_7_daily_and_12_monthly_and_the_newest(tmp_path):
    # One copy every day at 09:00 and 18:00 from 2025-01-01 to 2026-03-10:
    # kept are the newest of each of the last 7 days (03-04 … 03-10, the
    # 18:00 copies) and the newest of each of the last 12 months (2025-04 …
    # 2026-03: the 18:00 copy of each month's last day; March's is 03-10,
    # already kept) — 7 + 11 = 18 copies.
    folder = tmp_path / "bk"
    folder.mkdir()
    day = dt.date(2025, 1, 1)
    while day <= dt.date(2026, 3, 10):
        for hour in (9, 18):
            src = folder / B.backup_name("office", dt.datetime.combine(day, dt.time(hour)))
            src.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 82)  # 100-byte header, page count 0
        day += dt.timedelta(days=1)
    removed = B.rotate(folder, "office", 7, 12)
    left = sorted(p.name for p in folder.iterdir())
    assert len(left) == 18 and len(removed) == 2 * 434 - 18
    assert left[-7:] == [f"office-202603{d:02d}-180000.sqlite3" for d in range(4, 11)]
    assert left[0] == "office-20250430-180000.sqlite3"
    assert "office-20260228-180000.sqlite3" in left and "office-20260228-090000.sqlite3" not in left
    # never the newest verified one, even when nothing else is to be kept
    B.rotate(folder, "office", 0, 0)
    assert [p.name for p in folder.iterdir()] == ["office-20260310-180000.sqlite3"]


def test_rotation_leaves_other_files_and_unverified_copies_alone(tmp_path):
    data = tmp_path / "office.sqlite3"
    make_office(data, 1)
    folder = tmp_path / "bk"
    B.make_backup(data, _plan(data, folder), now=T)
    (folder / "office-20260101-090000.sqlite3").write_bytes(b"half a copy")   # not verified
    (folder / "servicedesk-20260101-090000.sqlite3").write_bytes(b"another data file's")
    B.make_backup(data, _plan(data, folder, 0, 0), now=T + dt.timedelta(days=1))
    assert sorted(p.name for p in folder.iterdir()) == [
        "office-20260101-090000.sqlite3", "office-20260311-140000.sqlite3",
        "servicedesk-20260101-090000.sqlite3"]


KILLER = r"""
import sys, time
from pathlib import Path
from servicedesk.models.core import backup as B
slow = B._copy_step
def step(src, dst):
    def progress(status, remaining, total):
        Path(sys.argv[3]).touch()          # tell the test the copy is under way
        time.sleep(0.2)
    src.backup(dst, pages=4, progress=progress)
B._copy_step = step
B.make_backup(Path(sys.argv[1]), B.BackupPlan(Path(sys.argv[1]), Path(sys.argv[2]), 4, 7, 12, 3))
"""


def test_copies_are_listed_newest_first_by_the_time_in_their_names(tmp_path):
    data = tmp_path / "office.sqlite3"
    make_office(data, 1)
    folder = tmp_path / "bk"
    first = B.make_backup(data, _plan(data, folder), now=T).path
    for name in ("office-20260310-140000-2.sqlite3", "office-20260410-140059.sqlite3",
                 "office-20261399-250000.sqlite3"):                  # the last: a name, not a time
        (folder / name).write_bytes(first.read_bytes())
    copies = B.list_backups(folder, "office")
    assert [c.path.name for c in copies] == [
        "office-20260410-140059.sqlite3", first.name, "office-20260310-140000-2.sqlite3"]
    assert [c.at for c in copies] == [T + dt.timedelta(days=31, seconds=59), T, T]
    assert all(c.verified for c in copies)


def test_a_backup_killed_half_way_leaves_nothing_that_counts(tmp_path):
    data = tmp_path / "office.sqlite3"
    make_office(data, 200)
    folder, started = tmp_path / "bk", tmp_path / "started"
    proc = run_subprocess(KILLER, str(data), str(folder), str(started))
    for _ in range(600):
        if started.exists():
            break
        time.sleep(0.05)
    assert started.exists(), "the backup never started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    leftovers = list(folder.iterdir())
    assert leftovers and all(p.name.endswith(".part") for p in leftovers)   # only a temporary name
    copies = B.list_backups(folder, "office")
    assert copies and not any(c.verified for c in copies)
    assert B.backup_status(_plan(data, folder)).last_good is None
    # the next backup removes the dead process's debris and makes a good one
    good = B.make_backup(data, _plan(data, folder))
    assert [p.name for p in folder.iterdir()] == [good.path.name]
    assert count_customers(good.path) == 200


def test_a_full_backup_disk_names_the_folder_and_leaves_no_debris(tmp_path, monkeypatch):
    data = tmp_path / "office.sqlite3"
    make_office(data, 20)
    before = sha(data)
    folder = tmp_path / "usb"

    def full(src, dst):
        dst.execute("CREATE TABLE filler (x)")   # the copy has started writing (and journalling)
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(B, "_copy_step", full)
    with pytest.raises(B.BackupError) as err:
        B.make_backup(data, _plan(data, folder))
    message = err.value.message
    assert f"backup folder {folder}" in message or f"into the folder {folder}" in message
    assert "disk is full" in message and "data file was not changed" in message
    assert "the data file " + str(data) not in message     # the target is blamed, not the data file
    assert list(folder.iterdir()) == []                    # no .part, no .part-journal
    assert sha(data) == before


def test_an_enospc_on_rename_is_reported_the_same_way(tmp_path, monkeypatch):
    data = tmp_path / "office.sqlite3"
    make_office(data, 2)
    folder = tmp_path / "bk"

    def no_space(*_a):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(B.os, "replace", no_space)
    with pytest.raises(B.BackupError, match="No space left on device"):
        B.make_backup(data, _plan(data, folder))
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root ignores folder permissions")
def test_a_read_only_backup_folder_is_named(tmp_path):  # pragma: no cover - not as root
    data = tmp_path / "office.sqlite3"
    make_office(data, 2)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(B.BackupError, match=str(folder)):
            B.make_backup(data, _plan(data, folder))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_status_warns_when_the_folder_is_gone_or_the_last_backup_is_old(tmp_path):
    data = tmp_path / "office.sqlite3"
    make_office(data, 1)
    folder = tmp_path / "bk"
    assert "no verified backup" in B.backup_status(_plan(data, folder), now=T).warning
    B.make_backup(data, _plan(data, folder), now=T)
    status = B.backup_status(_plan(data, folder), now=T + dt.timedelta(days=2))
    assert status.warning is None and status.last_good.at == T
    old = B.backup_status(_plan(data, folder), now=T + dt.timedelta(days=3, minutes=1))
    assert "2026-03-10 14:00" in old.warning and "3 days" in old.warning
    from dataclasses import replace
    unplugged = replace(_plan(data, tmp_path / "usb-stick" / "backups"), create_folder=False)
    assert "cannot be reached" in B.backup_status(unplugged, now=T).warning
    with pytest.raises(B.BackupError, match="cannot be reached"):
        B.make_backup(data, unplugged)
    assert not (tmp_path / "usb-stick").exists()       # not created on the wrong disk
    assert B.backup_due(_plan(data, folder), now=T + dt.timedelta(hours=5)) is False
    assert B.backup_due(_plan(data, folder), now=T + dt.timedelta(days=1)) is True


def test_a_read_only_data_file_can_still_be_backed_up(tmp_path, monkeypatch):
    data = tmp_path / "office.sqlite3"
    make_office(data, 4)
    monkeypatch.setattr("servicedesk.models.core.db._why_read_only",
                        lambda p: f"the folder {p.parent} is read-only")
    db = open_db(data)
    from servicedesk.models.core.db import read_only_reason
    assert read_only_reason(db) == f"the folder {tmp_path} is read-only"
    with pytest.raises(sqlite3.OperationalError):
        db.execute("DELETE FROM customers")
    copy = B.make_backup(db, _plan(data, tmp_path / "bk"))
    db.close()
    assert count_customers(copy.path) == 4
