"""Connecting to a SQLite file for reading without changing it.

Shared by opening (db.py), backups (backup.py) and restore (restore.py); kept
apart from db.py so that backup.py, which db.py calls before a migration,
needs nothing back from db.py (no import circle).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000  # how long a writer waits for another's lock before giving up


def _uri(path: Path, query: str) -> str:
    return path.resolve().as_uri() + "?" + query


def _folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def _reading_connection(path: Path) -> sqlite3.Connection:
    """A connection for looking at a file without changing it, under SQLite's own locks.

    Why not simply `immutable=1`: an immutable reader takes no locks, so when
    another program writes and then checkpoints its WAL into the main file,
    the reader sees a mix of old and new pages and calls a healthy file
    damaged (tests/reliability/test_concurrent_open.py shows it).

    - A rollback-journal file (every SQLite file another program wrote):
      `mode=ro` takes shared locks on the file itself and creates nothing.
    - A WAL file (ours): a reader needs the -shm beside it to take its lock.
      When a -wal is there someone has it open: `mode=ro` uses those files.
      Otherwise a normal connection that only reads: it creates -wal/-shm,
      takes the read lock, and as the last connection deletes them again on
      close, so a refused file is still left as it was. The main file is not
      written (nothing is committed, the empty WAL has nothing to checkpoint).
    - Only when the folder cannot be written is `immutable=1` used: then no
      program can create the -wal it would need to write the file either.
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    try:
        with open(path, "rb") as fh:
            header = fh.read(20)
    except OSError:
        header = b""
    wal_mode = len(header) >= 20 and header[18] == 2
    wal = path.with_name(path.name + "-wal")
    if not wal_mode or wal.exists():
        return sqlite3.connect(_uri(path, "mode=ro"), uri=True, timeout=timeout, check_same_thread=False)
    if not _folder_writable(path.parent):
        return sqlite3.connect(_uri(path, "mode=ro&immutable=1"), uri=True, timeout=timeout,
                               check_same_thread=False)
    if not os.access(path, os.W_OK):
        return sqlite3.connect(_uri(path, "mode=ro"), uri=True, timeout=timeout, check_same_thread=False)
    conn = sqlite3.connect(str(path), timeout=timeout, check_same_thread=False)
    conn.execute("PRAGMA query_only=ON")
    return conn


def _check_jobs(conn: sqlite3.Connection) -> list[str]:
    """The pragmas whose union is `PRAGMA integrity_check`, biggest first.

    `quick_check` walks every b-tree and accounts for every page (a page
    used twice or never, the freelist); `integrity_check(T)` checks table T
    against each of its indexes and its constraints. Weighted by rows x
    (1 + indexes), which is what an index check costs.
    """
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    weights = {}
    for name in tables:
        quoted = '"' + name.replace('"', '""') + '"'
        indexes = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                               [name]).fetchone()[0]
        rows = conn.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]   # from the smallest index
        weights[f"PRAGMA integrity_check('{name.replace(chr(39), chr(39) * 2)}')"] = rows * (1 + indexes)
    total = sum(weights.values())
    weights["PRAGMA quick_check"] = total // 2      # one walk of every page: about half a full check
    return sorted(weights, key=weights.get, reverse=True)


def integrity_problems(path: Path, workers: int | None = None) -> list[str]:
    """`PRAGMA integrity_check` of the file at `path`: [] when ok, else the problems.

    On a machine with two or more cores the check is split into pragmas that
    together check the same (see _check_jobs), run on as many connections at
    once: SQLite does the work outside Python's lock, so a ten-year file is
    checked in about 60 % of the time of one integrity_check (issue 15:
    backups and restores within 5 s). sqlite3.DatabaseError propagates.
    """
    workers = workers if workers is not None else min(4, os.cpu_count() or 1)
    if workers < 2:
        return _problems(path, "PRAGMA integrity_check")
    conn = _reading_connection(path)
    try:
        jobs = _check_jobs(conn)
    finally:
        conn.close()
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers) as pool:
        found = list(pool.map(lambda job: _problems(path, job), jobs))
    return [problem for problems in found for problem in problems]


def _problems(path: Path, pragma: str) -> list[str]:
    conn = _reading_connection(path)
    try:
        rows = [str(r[0]) for r in conn.execute(pragma).fetchall()]
    finally:
        conn.close()
    return [r for r in rows if r != "ok"]
