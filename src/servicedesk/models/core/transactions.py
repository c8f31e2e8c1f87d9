"""The write primitives every area uses: one user intent = one transaction.

Kept apart from db.py (which opens files and migrates them) so that modules
db.py itself needs, such as settings, can use them without an import circle.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
from typing import Iterator

import sqlite_utils


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One user intent = one transaction; nested calls become savepoints.

    BEGIN IMMEDIATE takes the write lock at the start, so read-then-write
    logic (next ticket number, stock balance) cannot race another writer.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException as exc:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        with contextlib.suppress(AttributeError):  # lets the error box say "not saved" (applog.py)
            exc.servicedesk_rolled_back = True
        raise
    else:
        db.conn.execute("COMMIT")


def now_iso() -> str:
    """Local wall-clock time, ISO-8601 to the second (the office's own clock)."""
    return _dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")


def json_dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
