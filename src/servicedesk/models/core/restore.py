"""Putting a backup back in place of the data file — only one that is proven good.

Before anything is touched the chosen file must be an SQLite file, pass
`PRAGMA integrity_check`, be a ServiceDesk data file and have no schema step
this program does not know. Any refusal leaves the current data file
byte-for-byte as it was.

The swap happens under the data file's lock (models/core/lock.py), so never
under a running window. The current file is not deleted: it is renamed to
`<name>.replaced-YYYYMMDD-HHMMSS.sqlite3` beside itself, together with its
`-wal`/`-shm`. Moving those aside matters: a `-wal` left by a killed program
belongs to the old file, and SQLite would otherwise replay it into the
restored one (the backup plus someone else's changes, and `check` says OK).
The kept file and its `-wal` stay a pair, so nothing of the old file is lost.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from servicedesk.models.core.backup import BackupError, write_verified_copy
from servicedesk.models.core.db import SQLITE_HEADER, _reading_connection, migration_sets, unknown_steps
from servicedesk.models.core.errors import DatabaseError
from servicedesk.models.core.sqlite_files import integrity_problems
from servicedesk.models.core.health_stamp import forget as forget_check
from servicedesk.models.core.lock import DataFileLock

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm")


class RestoreRefused(DatabaseError):
    """The chosen file cannot be restored; nothing was changed."""


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept: Path | None
    counts: dict[str, int]


def _is_record_table(name: str) -> bool:
    """Tables a person would count (not the search index or schema bookkeeping)."""
    return not (name.startswith(("_", "sqlite_")) or "_fts" in name or "_grams" in name
                or name.endswith("_search"))


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "ORDER BY name")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names if _is_record_table(n)}


def verify_backup(file: str | Path) -> dict[str, int]:
    """Prove `file` good to restore; returns its record counts per table.

    Raises RestoreRefused with the reason. Reads under SQLite's shared
    locks and changes nothing.
    """
    file = Path(file)
    nothing = "Nothing was restored; the data file was not changed."
    try:
        with open(file, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise RestoreRefused(f"Cannot read {file}: {exc.strerror or exc}. {nothing}") from exc
    if header != SQLITE_HEADER:
        raise RestoreRefused(f"{file} is not a ServiceDesk backup (not an SQLite database). {nothing}")
    try:
        conn = _reading_connection(file)
    except sqlite3.Error as exc:
        raise RestoreRefused(f"Cannot read {file}: {exc}. {nothing}") from exc
    try:
        rows = integrity_problems(file) or ["ok"]   # PRAGMA integrity_check, over the cores
        if rows != ["ok"]:
            raise RestoreRefused(f"{file} is damaged: it failed its integrity check ({'; '.join(rows[:3])}). {nothing}")
        has_log = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone()[0]
        steps = conn.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall() if has_log else []
        ours = {s.name for s in migration_sets()}
        if not any(s in ours for s, _n in steps):
            raise RestoreRefused(f"{file} is not a ServiceDesk data file. {nothing}")
        unknown = unknown_steps(steps)
        if unknown:
            raise RestoreRefused(
                f"{file} was written by a newer version of ServiceDesk (unknown schema steps: "
                f"{', '.join(unknown[:5])}). {nothing}")
        return table_counts(conn)
    except sqlite3.DatabaseError as exc:
        raise RestoreRefused(f"{file} is damaged ({exc}). {nothing}") from exc
    finally:
        conn.close()


def _timestamp(now: _dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def restore_backup(data_path: str | Path, backup: str | Path, *, lock: DataFileLock | None = None,
                   now: _dt.datetime | None = None) -> RestoreResult:
    """Replace the data file by the verified `backup`; returns what was done.

    `lock` is the caller's held lock (the GUI holds it while open, and
    closes its connections first); without one the lock is taken here and
    AlreadyOpenError tells that a window has the file open.
    """
    # The manager's PIN is asked by the callers before (check_restore_pin):
    # the damaged-file dialog at start restores without one, since a damaged
    # file cannot check it. Every restore is audited in the restored file.
    data_path, backup = Path(data_path), Path(backup)
    now = now or _dt.datetime.now()
    nothing = "Nothing was restored; the data file was not changed."
    if data_path.exists() and backup.resolve() == data_path.resolve():
        raise RestoreRefused(f"{backup} is the data file itself. {nothing}")
    counts = verify_backup(backup)  # before anything, even the lock file, is touched
    own_lock = lock is None
    held = DataFileLock.acquire(data_path) if own_lock else lock
    try:
        staged = data_path.with_name(data_path.name + ".restoring")
        try:
            write_verified_copy(backup, staged)
        except BackupError as exc:
            raise RestoreRefused(
                f"Cannot prepare the restored copy beside the data file in {data_path.parent}: "
                f"{exc.english} {nothing}") from exc
        kept = None
        moved: list[tuple[Path, Path]] = []
        try:
            if data_path.exists():
                kept = data_path.with_name(f"{data_path.stem}.replaced-{_timestamp(now)}{data_path.suffix}")
                for src, dst in [(data_path, kept)] + [(Path(str(data_path) + s), Path(str(kept) + s))
                                                        for s in SIDE_FILES]:
                    if src.exists():
                        os.replace(src, dst)
                        moved.append((src, dst))
            os.replace(staged, data_path)
            forget_check(data_path)   # another file now: its first open checks it
        except OSError as exc:
            for src, dst in reversed(moved):  # put the old file back together as it was
                os.replace(dst, src)
            staged.unlink(missing_ok=True)
            raise DatabaseError(
                f"Cannot replace the data file {data_path}: {exc.strerror or exc}. "
                "Is it open in another program? The data file was not changed.") from exc
    finally:
        if own_lock:
            held.release()
    log.info("restored %s from %s (previous file kept as %s)", data_path, backup, kept)
    _audit_restore(data_path, backup, kept, counts)
    return RestoreResult(backup, kept, counts)


def _audit_restore(data_path: Path, backup: Path, kept: Path | None, counts: dict[str, int]) -> None:
    """The restored file's audit trail says it was restored, from what, and where the old file went."""
    from servicedesk.models.core.audit import record_action
    from servicedesk.models.core.db import open_db

    db = open_db(data_path)
    try:
        record_action(db, "restore", str(backup), str(kept) if kept else None,
                      ", ".join(f"{k} {v}" for k, v in counts.items()))
    finally:
        db.close()


def check_restore_pin(data_path: str | Path, backup: str | Path, pin: str | None) -> None:
    """Refuse (DomainError) a restore without the manager's right PIN, before anything is touched.

    The PIN is the current file's; when that file cannot be read (missing
    or damaged) it is the backup's, the office's PIN at the time of the copy.
    A wrong PIN counts towards the lockout in the file that checked it.
    """
    from servicedesk.models.core.db import open_db
    from servicedesk.models.core.errors import DomainError
    from servicedesk.models.core.pin import _pin_matches, require_manager_pin

    data_path = Path(data_path)
    try:
        db = open_db(data_path, create=False) if data_path.exists() and data_path.stat().st_size else None
    except (DatabaseError, sqlite3.Error, OSError):
        db = None
    if db is not None:
        try:
            require_manager_pin(db, pin, "restore", str(backup))
            return
        finally:
            db.close()
    try:  # the backup is only read: it must stay byte-identical
        conn = sqlite3.connect(f"{Path(backup).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM pay_secrets WHERE key = 'manager_pin'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        row = None
    if row is None:
        raise DomainError("Set the manager PIN first (设置 ▸ 修改经理密码, or servicedesk manager-pin).", "pin")
    if not _pin_matches(str(pin or "").strip(), row[0]):
        raise RestoreRefused("Wrong PIN (checked against the backup, as the data file cannot be read). "
                             "Nothing was restored; the data file was not changed.", "pin")
