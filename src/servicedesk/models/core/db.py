"""Opening the data file safely.

One SQLite file holds everything. On open we:
1. refuse a file that is not SQLite, fails `PRAGMA quick_check`, holds
   another program's tables (no ServiceDesk schema step recorded), or records
   a migration this program does not know (it was written by a newer
   version) — all checked through a read-only connection, so a refused file
   is left byte-for-byte untouched;
2. copy the file beside itself (SQLite backup API) before applying any
   pending migration to an existing file;
3. switch on WAL, foreign keys and a busy timeout, and apply the named
   `sqlite_utils.Migrations` sets in order;
4. copy the shipped default settings into a new file.

Every user intent writes inside `transaction(db)`, a `BEGIN IMMEDIATE` that
takes the write lock up front: two writers never interleave, and a process
killed mid-write leaves the file as it was before the transaction.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from servicedesk.models.core.errors import DatabaseError
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
)

BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"


def migration_sets() -> list[Migrations]:
    return [importlib.import_module(m).MIGRATIONS for m in MIGRATION_MODULES]


def known_migrations() -> set[tuple[str, str]]:
    return {(s.name, m.name) for s in migration_sets() for m in s._migrations}


@dataclass(frozen=True)
class CheckReport:
    path: str
    ok: bool
    messages: list[str]


def _connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        # A read-only open of a WAL file still creates -wal/-shm beside it. With
        # no -wal present, no other connection has the file open and nothing is
        # pending, so read it as immutable: no locks, no side files, the folder
        # is left exactly as it was (a refused file stays untouched).
        wal = path.with_name(path.name + "-wal")
        mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
        uri = path.resolve().as_uri() + "?" + mode
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)


def inspect_existing(path: Path) -> list[str]:
    """Return applied migration names as 'set:name'; raise DatabaseError if unusable.

    Uses a read-only connection so nothing is written to a file we refuse.
    """
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"Cannot read the data file {path}: {exc.strerror}") from exc
    if header and header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a ServiceDesk data file (not an SQLite database).")
    if not header:
        return []  # empty file: treat as new
    try:
        conn = _connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot read the data file {path}: {exc}") from exc
    try:
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"The data file {path} is damaged ({exc}). Restore it from a backup.") from exc
        if [r[0] for r in result] != ["ok"]:
            detail = "; ".join(str(r[0]) for r in result[:3])
            raise DatabaseError(
                f"The data file {path} failed its integrity check ({detail}). "
                "Restore it from a backup or run 'servicedesk check'."
            )
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        rows = (conn.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall()
                if "_sqlite_migrations" in tables else [])
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"The data file {path} is damaged ({exc}). Restore it from a backup.") from exc
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
    unknown = [f"{s}:{n}" for s, n in rows if (s, n) not in known_migrations()]
    if unknown:
        raise DatabaseError(
            f"The data file {path} was written by a newer version of ServiceDesk "
            f"(unknown schema steps: {', '.join(unknown[:5])}). "
            "Install the newer version to open it; the file was not changed."
        )
    return [f"{s}:{n}" for s, n in rows]


def backup_to(db_or_path: sqlite_utils.Database | Path, target: Path) -> Path:
    """Consistent copy through SQLite's online backup API (safe while open)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(db_or_path, sqlite_utils.Database):
        src = db_or_path.conn
        close_src = False
    else:
        src = _connect(Path(db_or_path), readonly=True)
        close_src = True
    tmp = target.with_name(target.name + ".part")
    dst = sqlite3.connect(str(tmp))
    try:
        src.backup(dst)
    finally:
        dst.close()
        if close_src:
            src.close()
    tmp.replace(target)  # atomic: a half-written backup never has the real name
    return target


def _timestamp() -> str:
    return _dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _os_reason(exc: BaseException) -> str:
    """'Permission denied' rather than '[Errno 13] Permission denied: /x'."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def open_db(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and if needed create or migrate) the data file at `path`.

    Every way the file system can refuse (a folder that cannot be created, a
    folder where the file should be, no permission, a read-only disk) comes
    back as a DatabaseError naming the path, so the GUI and the CLI can say
    what is wrong instead of showing a traceback.
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a ServiceDesk data file; choose a file inside it.")
        exists = path.exists() and path.stat().st_size > 0
    except OSError as exc:
        raise DatabaseError(f"Cannot open the data file {path}: {_os_reason(exc)}.") from exc
    if not exists and not create:
        raise DatabaseError(f"No data file at {path}.")
    applied = inspect_existing(path) if exists else []
    pending = [
        (s, m) for s in migration_sets() for m in s._migrations
        if f"{s.name}:{m.name}" not in applied
    ]
    if exists and pending and applied:
        backup = path.with_name(f"{path.stem}.before-migration-{_timestamp()}{path.suffix}")
        try:
            backup_to(path, backup)
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError(
                f"Cannot make the backup copy {backup} before updating the data file {path}: "
                f"{_os_reason(exc)}. The data file was not changed."
            ) from exc
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"Cannot create the folder {path.parent} for the data file {path}: {_os_reason(exc)}."
        ) from exc
    conn = None
    try:
        conn = _connect(path)
        db = sqlite_utils.Database(conn)
        with db.ensure_autocommit_on():
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
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
