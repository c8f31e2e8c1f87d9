"""Restore: the round trip, every refusal (current file byte-identical), the stale -wal."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from servicedesk.models.core.backup import BackupPlan, list_backups, make_backup
from servicedesk.models.core.lock import DataFileLock
from servicedesk.models.core.restore import restore_backup
from tests.conftest import run_cli
from tests.reliability.helpers import count_customers, kill_after_writes, make_office, sha, side_files


def _plan(db_path: Path, folder: Path) -> BackupPlan:
    return BackupPlan(db_path, folder, 4, 7, 12, 3)


def test_copying_a_backup_by_hand_replays_a_stale_wal_but_restore_does_not(tmp_path):
    # The probe: 5 customers in the backup; a killed program then committed
    # 3 more that live only in its -wal. Copying the backup over the data
    # file by hand lets SQLite replay that -wal into it: 8, not 5.
    data = tmp_path / "office.sqlite3"
    make_office(data, 5)
    copy = make_backup(data, _plan(data, tmp_path / "bk")).path
    kill_after_writes(data, 3)

    by_hand = tmp_path / "hand" / "office.sqlite3"
    by_hand.parent.mkdir()
    shutil.copy(Path(str(data) + "-wal"), Path(str(by_hand) + "-wal"))
    shutil.copy(copy, by_hand)
    assert count_customers(by_hand) == 8            # the bug: backup plus replayed changes

    result = restore_backup(data, copy)
    assert count_customers(data) == 5               # exactly the backup
    assert result.counts["customers"] == 5
    # the old file is kept with its -wal as a pair: its 5 + 3 customers are all there
    assert result.kept == tmp_path / f"office.replaced-{result.kept.name.split('-', 1)[1]}"
    assert Path(str(result.kept) + "-wal").exists()
    assert count_customers(result.kept) == 8


def test_restore_round_trip_through_the_cli(tmp_path):
    data = tmp_path / "office.sqlite3"
    make_office(data, 4)
    code, out, err = run_cli("backup", "--db", str(data), "--to", str(tmp_path / "bk"))
    assert code == 0, err
    copy = Path(out.strip())
    assert copy.parent == tmp_path / "bk" and copy.name.startswith("office-")
    make_office(data, 0)  # reopen: unchanged
    from servicedesk.models.archive import customers as C
    from servicedesk.models.core.db import open_db
    db = open_db(data)
    C.add_customer(db, C.CustomerInput(name="备份之后"))
    db.close()
    assert count_customers(data) == 5

    code, out, err = run_cli("restore", str(copy), "--db", str(data), "--json", "--pin", "1234")
    assert code == 0, err
    report = json.loads(out)
    assert report["restored_from"] == str(copy)
    assert Path(report["kept"]).name.startswith("office.replaced-") and report["kept"].endswith(".sqlite3")
    assert report["counts"]["customers"] == 4 and report["counts"]["settings"] > 0
    assert "customer_fts_data" not in report["counts"]
    assert count_customers(data) == 4
    assert count_customers(Path(report["kept"])) == 5   # what was replaced is not lost


def _refused(tmp_path: Path, candidate: Path, expect: str) -> None:
    data = tmp_path / "office.sqlite3"
    before = sha(data), side_files(data)
    code, out, err = run_cli("restore", str(candidate), "--db", str(data), "--pin", "1234")
    assert code == 1 and out == ""
    assert expect in err and "not changed" in err, err
    assert (sha(data), side_files(data)) == before   # byte-identical, nothing beside it


@pytest.fixture
def office(tmp_path):
    make_office(tmp_path / "office.sqlite3", 3)
    return tmp_path / "office.sqlite3"


def test_refuses_a_file_that_is_not_sqlite(tmp_path, office):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("客户名单", encoding="utf-8")
    _refused(tmp_path, bad, "not an SQLite database")


def test_refuses_a_missing_file(tmp_path, office):
    _refused(tmp_path, tmp_path / "nowhere.sqlite3", "Cannot read")


def test_refuses_a_damaged_backup(tmp_path, office):
    big = tmp_path / "big.sqlite3"
    make_office(big, 300)
    copy = make_backup(big, _plan(big, tmp_path / "bk")).path
    with open(copy, "r+b") as fh:   # trash two pages in the middle
        fh.seek(4096 * 3)
        fh.write(b"\xff" * 8192)
    _refused(tmp_path, copy, "is damaged")


def test_refuses_another_programs_database(tmp_path, office):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    _refused(tmp_path, other, "is not a ServiceDesk data file")


def test_refuses_a_file_from_a_newer_version(tmp_path, office):
    newer = tmp_path / "newer.sqlite3"
    make_office(newer, 1)
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('core', '0099_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    _refused(tmp_path, newer, "newer version")


def test_refuses_while_the_program_has_the_file_open(tmp_path, office):
    copy = make_backup(office, _plan(office, tmp_path / "bk")).path
    with DataFileLock.acquire(office):
        _refused(tmp_path / "", copy, "already open")


def test_backups_lists_time_size_and_verified(tmp_path, office):
    import datetime as dt

    plan = _plan(office, tmp_path / "bk")
    first = make_backup(office, plan, now=dt.datetime(2026, 3, 1, 9, 0, 0))
    (tmp_path / "bk" / (first.path.name.replace("0900", "1000") + ".otherpc-1.part")).write_bytes(b"half")
    code, out, err = run_cli("backups", "--db", str(office), "--to", str(tmp_path / "bk"), "--json")
    assert code == 0, err
    listed = json.loads(out)["backups"]
    assert [(b["time"], b["verified"]) for b in listed] == [
        ("2026-03-01 10:00:00", False), ("2026-03-01 09:00:00", True)]
    assert listed[1]["size"] == first.path.stat().st_size
    assert len(list_backups(tmp_path / "bk", "office")) == 2
