"""One program per file (lock, stale lock, shares), the 0-byte file, migration retries."""

from __future__ import annotations

import os
import signal
import sqlite3

import pytest
from sqlite_utils import Migrations

from servicedesk.models.core import db as D
from servicedesk.models.core.db import EmptyFileError, check_db, open_db
from servicedesk.models.core.errors import DatabaseError
from servicedesk.models.core.lock import AlreadyOpenError, DataFileLock, network_share_kind, read_owner
from tests.conftest import run_cli
from tests.reliability.helpers import make_office, run_subprocess


def test_a_second_program_on_the_same_file_is_told_who_has_it(tmp_path):
    data = tmp_path / "office.sqlite3"
    first = DataFileLock.acquire(data)
    with pytest.raises(AlreadyOpenError) as err:
        DataFileLock.acquire(data)
    owner = err.value.owner
    assert owner.pid == os.getpid() and owner.host == os.uname().nodename
    assert f"{owner.user}@{owner.host}" in err.value.message and "already open" in err.value.message
    first.release()
    DataFileLock.acquire(data).release()    # free again once released


def test_a_lock_left_by_a_killed_program_is_taken_over_silently(tmp_path):
    data = tmp_path / "office.sqlite3"
    code = ("import os, signal, sys\n"
            "from servicedesk.models.core.lock import DataFileLock\n"
            "DataFileLock.acquire(sys.argv[1])\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    proc = run_subprocess(code, str(data))
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    stale = read_owner(tmp_path / "office.sqlite3.lock")
    assert stale is not None and stale.pid == proc.pid      # its record is still there
    lock = DataFileLock.acquire(data)                        # … but nobody holds it: taken over
    assert lock.taken_over_from.pid == proc.pid
    assert read_owner(lock.path).pid == os.getpid()
    lock.release()


def test_a_living_program_in_another_process_keeps_its_lock(tmp_path):
    data = tmp_path / "office.sqlite3"
    code = ("import sys, time\n"
            "from servicedesk.models.core.lock import DataFileLock\n"
            "DataFileLock.acquire(sys.argv[1])\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n")
    import subprocess
    proc = run_subprocess(code, str(data), stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyOpenError) as err:
            DataFileLock.acquire(data)
        assert err.value.owner.pid == proc.pid
    finally:
        proc.kill()
        proc.wait()


MOUNTS = """sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw 0 0
//nas/office /mnt/office cifs rw 0 0
nas:/export /srv/nfs nfs4 rw 0 0
me@host:/x /home/me/remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/office/local ext4 rw 0 0
"""


@pytest.mark.parametrize("path, kind", [
    ("/mnt/office/data/servicedesk.sqlite3", "cifs"),
    ("/srv/nfs/a.sqlite3", "nfs4"),
    ("/home/me/remote/a.sqlite3", "fuse.sshfs"),
    ("/mnt/office/local/a.sqlite3", None),      # a local disk mounted inside the share
    ("/home/me/a.sqlite3", None),
    ("/mnt/officeX/a.sqlite3", None),           # a prefix of the name is not a mount point
])
def test_a_data_file_on_a_network_share_is_recognised(path, kind):
    assert network_share_kind(path, MOUNTS) == kind


def test_an_empty_existing_file_is_refused_not_treated_as_new(tmp_path):
    empty = tmp_path / "office.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFileError) as err:
        open_db(empty)
    assert "is empty" in err.value.message and "restore" in err.value.message
    assert empty.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite3"]
    report = check_db(empty)
    assert not report.ok and "is empty" in report.messages[0]
    code, out, _ = run_cli("check", "--db", str(empty))
    assert code == 1 and "PROBLEMS FOUND" in out


def test_only_a_missing_path_is_created_and_never_left_empty(tmp_path):
    data = tmp_path / "new" / "office.sqlite3"
    open_db(data).close()
    assert data.stat().st_size > 0
    assert sorted(p.name for p in data.parent.iterdir()) == ["office.sqlite3"]


def test_a_failing_migration_retried_writes_one_copy_per_version_step(tmp_path, monkeypatch):
    data = tmp_path / "office.sqlite3"
    make_office(data, 2)
    boom = Migrations("boom")

    @boom()
    def m0001_fails(db):
        raise sqlite3.OperationalError("disk I/O error")

    real = D.migration_sets
    monkeypatch.setattr(D, "migration_sets", lambda: real() + [boom])
    for _ in range(3):     # the clerk tries three times
        with pytest.raises(DatabaseError, match="disk I/O error"):
            open_db(data)
    copies = sorted(p.name for p in tmp_path.glob("office.before-migration-*"))
    assert len(copies) == 1 and copies[0].startswith("office.before-migration-v")
    monkeypatch.setattr(D, "migration_sets", real)
    from tests.reliability.helpers import count_customers
    assert count_customers(tmp_path / copies[0]) == 2     # the copy holds the file as it was
