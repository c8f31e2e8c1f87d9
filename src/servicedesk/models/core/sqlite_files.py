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
