"""Probe: a healthy file was reported as damaged while two other programs
wrote it, because the read-only inspection used `immutable=1` (no locks) and
read pages torn by another process's checkpoint."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import inspect_existing, open_db
from servicedesk.models.core.errors import DatabaseError

# Each writer opens the file, writes one transaction that touches many pages
# and closes it: the last connection to close checkpoints the WAL into the
# main file and deletes the -wal, which is the moment an unlocked reader saw
# torn pages.
WRITER = r"""
import sqlite3, sys, time
path, seconds = sys.argv[1], float(sys.argv[2])
end = time.monotonic() + seconds
i = 0
while time.monotonic() < end:
    conn = sqlite3.connect(path, timeout=10)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE customers SET address = ? WHERE id % 3 = ?", ("杭州" * (5 + (i * 37) % 90), i % 3))
    conn.execute("COMMIT")
    conn.close()
    i += 1
"""


def _office_with_long_addresses(path: Path) -> None:
    """600 customers with long addresses: a file of some hundred pages."""
    db = open_db(path)
    for i in range(600):
        C.add_customer(db, C.CustomerInput(name=f"客户{i}", address="浙江省杭州市" * 30))
    db.close()


def test_inspection_never_calls_a_file_being_written_damaged(tmp_path: Path):
    # The probe's set-up, bounded to seconds. On a quiet machine it rarely
    # hits the race (the probe saw 2 in 300); the next test makes it certain.
    path = tmp_path / "office.sqlite3"
    _office_with_long_addresses(path)
    seconds = 3.0
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(seconds)]) for _ in range(2)]
    failures: list[str] = []
    opens = 0
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            try:
                inspect_existing(path)
            except DatabaseError as exc:
                failures.append(exc.english)
            opens += 1
    finally:
        for w in writers:
            w.wait(timeout=60)
    assert all(w.returncode == 0 for w in writers)
    assert opens > 20
    assert failures == [], f"{len(failures)} of {opens} opens said damaged: {failures[:2]}"


def test_inspection_reads_one_consistent_state_while_another_program_checkpoints(tmp_path: Path):
    # The race made certain: the inspection's connection has started reading
    # when another program writes, closes and so checkpoints into the main
    # file. Under a real shared lock the checkpoint cannot overwrite the pages
    # the reader is using, so the reader still sees the 600 customers it
    # started with and a clean quick_check; an immutable reader (no locks)
    # reads a mix of old and new pages.
    from servicedesk.models.core.db import _connect

    path = tmp_path / "office.sqlite3"
    _office_with_long_addresses(path)
    assert not Path(str(path) + "-wal").exists()
    reader = _connect(path, readonly=True)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM customers").fetchone()[0] == 600
        writer = subprocess.run([sys.executable, "-c", (
            "import sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1])\n"
            "c.execute('DELETE FROM customers WHERE id % 2 = 0')\n"
            "c.execute('UPDATE customers SET address = ? ', ('北京' * 200,))\n"
            "c.commit()\n"
            "c.close()\n"), str(path)], timeout=60)
        assert writer.returncode == 0
        assert reader.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert reader.execute("SELECT count(*) FROM customers").fetchone()[0] == 600
        assert reader.execute("SELECT count(*) FROM customers WHERE address LIKE '北京%'").fetchone()[0] == 0
        reader.execute("COMMIT")
    finally:
        reader.close()
    # and after the read ends the other program's change is there
    assert inspect_existing(path)
    check = open_db(path)
    assert check.execute("SELECT count(*) FROM customers").fetchone()[0] == 300
    check.close()
