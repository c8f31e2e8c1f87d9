"""Opening the data file safely.

One SQLite file holds everything. On open we:
1. refuse a file that is not SQLite, fails `PRAGMA quick_check` (left out
   when the file is unchanged since a clean close: health_stamp), holds
   another program's tables (no ServiceDesk schema step recorded), or records
   a migration this program does not know (it was written by a newer
   version), or is empty (0 bytes) — all checked through a connection that
   only reads, under SQLite's shared locks (never `immutable=1` on a file
   another program may write), so a refused file is left byte-for-byte
   untouched and a file being written by others is never called damaged;
2. write one verified copy beside the file (models/core/backup.py) before
   applying the pending migrations of each version step;
3. switch on WAL, foreign keys and a busy timeout, and apply the named
   `sqlite_utils.Migrations` sets in order;
4. copy the shipped default settings into a new file.
A file or folder that cannot be written is opened read-only instead
(`read_only_reason(db)` says why).

Every user intent writes inside `transaction(db)`, a `BEGIN IMMEDIATE` that
takes the write lock up front: two writers never interleave, and a process
killed mid-write leaves the file as it was before the transaction.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from servicedesk.models.core.lazy_imports import compiled_on_first_use, loaded_on_first_use

loaded_on_first_use("dateutil.parser")         # what sqlite-utils loads and the program
with compiled_on_first_use("sqlite_utils."):   # never uses: ~20 ms of every start (issue 15)
    import sqlite_utils
from sqlite_utils import Migrations

from servicedesk.models.core.errors import DatabaseError
from servicedesk.models.core.health_stamp import record_clean_close, unchanged_since_check
from servicedesk.models.core.sqlite_files import (  # noqa: F401 (_uri re-exported)
    BUSY_TIMEOUT_MS, _folder_writable, _reading_connection, _uri,
)
# The write primitives live in transactions.py (settings needs them and db needs
# settings); they are re-exported here because every area imports them from db.
from servicedesk.models.core.transactions import json_dumps, now_iso, transaction  # noqa: F401

# Migration sets in the order they must run; each module exposes MIGRATIONS.
# A later set may refer to tables of an earlier one, never the reverse.
MIGRATION_MODULES = (
    "servicedesk.models.archive.schema",
    "servicedesk.models.tickets.schema",
    "servicedesk.models.tickets.search_schema",
    "servicedesk.models.parts.schema",
    "servicedesk.models.pay.schema",
    "servicedesk.models.followups.schema",
    "servicedesk.models.printing.schema",
    "servicedesk.models.core.audit_schema",
)

log = logging.getLogger(__name__)
CACHE_KIB = 16 * 1024   # page cache of a connection (PRAGMA cache_size, in KiB)
SQLITE_HEADER = b"SQLite format 3\x00"


def migration_sets() -> list[Migrations]:
    return [importlib.import_module(m).MIGRATIONS for m in MIGRATION_MODULES]


def known_migrations() -> set[tuple[str, str]]:
    return {(s.name, m.name) for s in migration_sets() for m in s._migrations}


def unknown_steps(steps) -> list[str]:
    """The recorded (set, name) schema steps this version does not know, as
    'set:name' (a file written by a newer version). Shared by open and restore."""
    known = known_migrations()
    return [f"{s}:{n}" for s, n in steps if (s, n) not in known]


@dataclass(frozen=True)
class CheckReport:
    path: str
    ok: bool
    messages: list[str]


class DamagedFileError(DatabaseError):
    """The file is SQLite but fails its integrity check (checked twice, under a lock)."""

    def __init__(self, message: str, path: Path):
        super().__init__(message, "db")
        self.path = path


class EmptyFileError(DatabaseError):
    """An existing 0-byte file: never silently treated as a new, empty office."""

    def __init__(self, message: str, path: Path):
        super().__init__(message, "db")
        self.path = path


def _connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        return _reading_connection(path)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)


def _quick_check(path: Path) -> list[str]:
    """`PRAGMA quick_check` in one read transaction; [] when ok, else the problems.

    sqlite3.OperationalError (busy, I/O, no permission) propagates: that is
    "cannot read", not "damaged".
    """
    conn = _connect(path, readonly=True)
    try:
        conn.execute("BEGIN")  # one snapshot, the read lock held until the end
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        conn.execute("COMMIT")
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as exc:  # SQLITE_CORRUPT / NOTADB
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def inspect_existing(path: Path, quick_check: bool = True) -> list[str]:
    """Return applied migration names as 'set:name'; raise DatabaseError if unusable.

    Uses a read-only connection so nothing is written to a file we refuse.
    `quick_check=False` leaves out the page-by-page check (open_db: the file
    is unchanged since a clean close, see health_stamp); the header, the
    schema record and the version are still checked.
    """
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"Cannot read the data file {path}: {exc.strerror}") from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a ServiceDesk data file (not an SQLite database).")
    if not header:
        raise EmptyFileError(
            f"The data file {path} is empty (0 bytes); it was not changed. "
            "Restore a backup with 'servicedesk restore' or choose another file.", path)
    try:
        problems = _quick_check(path) if quick_check else []
        if problems:
            # Not yet "damaged": look once more, a moment later, on a fresh
            # connection under the shared lock, before advising a restore
            # that would throw away a healthy office's work.
            time.sleep(0.2)
            problems = _quick_check(path)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot read the data file {path}: {exc}") from exc
    if problems:
        detail = "; ".join(problems[:3])
        raise DamagedFileError(
            f"The data file {path} is damaged ({detail}). "
            "Restore a backup with 'servicedesk restore'; the file was not changed.", path)
    try:
        conn = _connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot read the data file {path}: {exc}") from exc
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        rows = (conn.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall()
                if "_sqlite_migrations" in tables else [])
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(
            f"The data file {path} is damaged ({exc}). "
            "Restore a backup with 'servicedesk restore'; the file was not changed.", path) from exc
    finally:
        conn.close()
    # Another program's database (or one of ours with the record of its schema
    # steps lost) must not be "migrated": creating our tables beside or over
    # its own would change it and then fail half-way. Refuse it untouched.
    ours = {s.name for s in migration_sets()}
    user_tables = [t for t in tables if t != "_sqlite_migrations"]
    if user_tables and not any(s in ours for s, _n in rows):
        shown = ", ".join(user_tables[:5]) + (", …" if len(user_tables) > 5 else "")
        raise DatabaseError(
            f"{path} is not a ServiceDesk data file (it holds other tables: {shown}); it was not changed."
        )
    unknown = unknown_steps(rows)
    if unknown:
        raise DatabaseError(
            f"The data file {path} was written by a newer version of ServiceDesk "
            f"(unknown schema steps: {', '.join(unknown[:5])}). "
            "Install the newer version to open it; the file was not changed."
        )
    return [f"{s}:{n}" for s, n in rows]


def like_contains(term: str) -> str:
    """The pattern for `text LIKE ? ESCAPE '\\'` matching a text that contains
    `term` as typed (its %, _ and \\ taken literally). Shared by every search."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def backup_to(db_or_path: sqlite_utils.Database | Path, target: Path) -> Path:
    """A verified copy at `target` (see models/core/backup.py write_verified_copy)."""
    from servicedesk.models.core.backup import write_verified_copy

    return write_verified_copy(db_or_path, target)


def file_timestamp() -> str:
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _os_reason(exc: BaseException) -> str:
    """'Permission denied' rather than '[Errno 13] Permission denied: /x'."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def read_only_reason(db: sqlite_utils.Database) -> str | None:
    """Why this data file was opened read-only (None: it can be saved)."""
    return getattr(db, "servicedesk_read_only", None)


def _why_read_only(path: Path) -> str | None:
    """The cause, in words, when the file or its folder cannot be written."""
    if not _folder_writable(path.parent):
        return f"the folder {path.parent} is read-only (or you may not write in it)"
    if not os.access(path, os.W_OK):
        return f"the file {path} is read-only (no permission to write it)"
    return None


def _create_new(path: Path) -> None:
    """Create a new data file under a temporary name, then rename it into place.

    A crash while creating leaves no 0-byte file under the real name (which
    the next start would rightly refuse as "empty").
    """
    tmp = path.with_name(path.name + ".new.part")
    try:
        conn = sqlite3.connect(str(tmp))
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # writes the header page
        finally:
            conn.close()
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)


def _migration_copy(path: Path, applied: list[str]) -> None:
    """One verified copy of the file before each version step, never one per attempt.

    The name says which step the file was at (how many schema steps were
    applied), so a migration that fails and is retried finds its copy
    already made instead of writing another full one every time.
    """
    backup = path.with_name(f"{path.stem}.before-migration-v{len(applied)}{path.suffix}")
    if backup.exists():
        return
    try:
        backup_to(path, backup)
    except (OSError, sqlite3.Error, DatabaseError) as exc:
        reason = exc.message if isinstance(exc, DatabaseError) else _os_reason(exc)
        raise DatabaseError(
            f"Cannot make the backup copy {backup} before updating the data file {path}: "
            f"{reason}. The data file was not changed."
        ) from exc


class DataFile(sqlite_utils.Database):
    """The data file's connection. Closing it after an open that checked the
    file (or found it unchanged since a check) stamps the file clean, so the
    next open can skip the check (health_stamp; issue 15)."""

    file_path: Path | None = None
    checked_at: str | None = None

    def close(self) -> None:
        super().close()
        if self.file_path is not None and self.checked_at:
            record_clean_close(self.file_path, self.checked_at)


def open_db(path: str | Path, *, create: bool = True, check: bool = True) -> sqlite_utils.Database:
    """Open (and if needed create or migrate) the data file at `path`.

    Every way the file system can refuse (a folder that cannot be created, a
    folder where the file should be, no permission, a read-only disk) comes
    back as a DatabaseError naming the path, so the GUI and the CLI can say
    what is wrong instead of showing a traceback. An existing 0-byte file is
    refused (EmptyFileError); only a path that does not exist is created. A
    file that cannot be written (read-only folder or file) is opened
    read-only: `read_only_reason(db)` says why, and every write fails.

    The page-by-page check runs unless the file is unchanged since a session
    closed it cleanly within the last week (health_stamp). `check=False` is
    for a second connection of a process that has already opened the file
    (the window's background workers): no check, and no stamp on its close.
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a ServiceDesk data file; choose a file inside it.")
        exists = path.exists()
    except OSError as exc:
        raise DatabaseError(f"Cannot open the data file {path}: {_os_reason(exc)}.") from exc
    if not exists and not create:
        raise DatabaseError(f"No data file at {path}.")
    stamp = unchanged_since_check(path) if exists and check else None
    applied = inspect_existing(path, quick_check=check and stamp is None) if exists else []
    checked_at = (stamp or _dt.datetime.now().isoformat(timespec="seconds")) if check else None
    pending = [
        (s, m) for s in migration_sets() for m in s._migrations
        if f"{s.name}:{m.name}" not in applied
    ]
    read_only = _why_read_only(path) if exists else None
    if read_only:
        if pending:
            raise DatabaseError(
                f"The data file {path} needs updating to this version but cannot be written: "
                f"{read_only}. Copy it to a folder you may write in."
            )
        try:
            db = sqlite_utils.Database(_reading_connection(path), execute_plugins=False)
            db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise DatabaseError(f"Cannot open the data file {path}: {_os_reason(exc)}.") from exc
        db.servicedesk_read_only = read_only
        log.info("opened %s read-only: %s", path, read_only)
        return db
    if exists and pending and applied:
        _migration_copy(path, applied)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not exists:
            _create_new(path)
    except OSError as exc:
        raise DatabaseError(
            f"Cannot create the folder {path.parent} for the data file {path}: {_os_reason(exc)}."
        ) from exc
    conn = None
    try:
        conn = _connect(path)
        # No sqlite-utils plugins: whatever another install put on the PC has no
        # business on the office's connection, and finding them scans every
        # installed package (30-50 ms of each start).
        db = DataFile(conn, execute_plugins=False)
        with db.ensure_autocommit_on():
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            # SQLite's default page cache is 2 MB; a ten-year file is ~300 MB and
            # a month's KPI alone touches ~8 MB of customers and units at random
            # (4.5 -> 1.0 ms for its calls). 16 MB at most, filled as pages are read.
            conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            # Temporary tables, sorts and each savepoint's journal in memory,
            # not in temp files: the import keeps every row in a savepoint and
            # notes its tickets in a temp table (0.5-1 s of 10 000 tickets).
            # The largest sort (a list of 100 000 tickets) is a few MB.
            conn.execute("PRAGMA temp_store=MEMORY")
            conn.execute("PRAGMA foreign_keys=ON")
        if pending:
            for mset in migration_sets():
                mset.apply(db)
        from servicedesk.models.core.settings import ensure_defaults

        ensure_defaults(db)
    except (OSError, sqlite3.Error) as exc:
        if conn is not None:
            conn.close()
        raise DatabaseError(f"Cannot open the data file {path}: {_os_reason(exc)}.") from exc
    db.file_path, db.checked_at = path, checked_at
    return db


def check_db(path: str | Path) -> CheckReport:
    """Full integrity and schema check, read-only (servicedesk check)."""
    path = Path(path)
    messages: list[str] = []
    try:
        applied = inspect_existing(path)
    except DatabaseError as exc:
        return CheckReport(str(path), False, [exc.message])
    conn = _connect(path, readonly=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    ok = [r[0] for r in rows] == ["ok"] and not fk
    messages.append("integrity_check: " + ", ".join(str(r[0]) for r in rows[:5]))
    messages.append(f"foreign keys: {'ok' if not fk else f'{len(fk)} broken references'}")
    missing = len(known_migrations()) - len(applied)
    messages.append(f"schema steps applied: {len(applied)} (pending: {missing})")
    return CheckReport(str(path), ok, messages)
