"""Verified backups of the data file, and their rotation.

A copy counts only when it has been proven good: it is written through
SQLite's online backup API (consistent even while the program writes) under
a temporary name, `PRAGMA integrity_check` is run on the copy, and only
then is it renamed to `<stem>-YYYYMMDD-HHMMSS.sqlite3`. For the default data
file `servicedesk.sqlite3` that is `servicedesk-20260301-140000.sqlite3`;
another data file's copies start with its own name, so two data files may
share one backup folder without their copies mixing (two data files with
the same name should use different backup folders, a setting in each file).

A process killed mid-copy leaves only `<final name>.<host>-<pid>.part`,
which never counts and is removed by the next backup once that process is
gone. A failed copy names the backup folder (the target, not the data file)
and leaves nothing behind.

Rotation keeps the newest copy of each of the last `backup.keep_daily` days
and of each of the last `backup.keep_monthly` months that have copies, and
never deletes the newest verified copy.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import re
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.settings import get_setting
from servicedesk.models.core.sqlite_files import integrity_problems

log = logging.getLogger(__name__)

SUFFIX = ".sqlite3"
_PART = re.compile(r"^(?P<final>.+\.sqlite3)\.(?P<host>[^.]*)-(?P<pid>\d+)\.part(?:-journal)?$")


class BackupError(DomainError):
    """A backup could not be written or verified; names the backup folder."""

    def __init__(self, message: str, folder: Path):
        super().__init__(message, "backup.folder")
        self.folder = folder


@dataclass(frozen=True)
class BackupCopy:
    path: Path
    at: _dt.datetime
    size: int
    verified: bool


@dataclass(frozen=True)
class BackupPlan:
    """Where and how often the copies of one data file are made (from its settings)."""

    db_path: Path
    folder: Path
    interval_hours: float
    keep_daily: int
    keep_monthly: int
    warn_after_days: int
    # The default folder is made when missing; a chosen one (a USB disk, a
    # share) that is missing is "unreachable": creating it would put the
    # copies on the wrong disk.
    create_folder: bool = True

    @property
    def stem(self) -> str:
        return self.db_path.stem


@dataclass(frozen=True)
class BackupStatus:
    folder: Path
    reachable: bool
    last_good: BackupCopy | None
    warning: str | None  # English; None when all is well


def default_backup_folder() -> Path:
    """backups/ in the per-user data folder (config.default_backup_dir, the one place)."""
    from servicedesk.config import default_backup_dir

    return default_backup_dir()


def backup_plan(db: sqlite_utils.Database, db_path: Path) -> BackupPlan:
    """The plan from the data file's settings; a relative folder is beside the data file."""
    folder_setting = str(get_setting(db, "backup.folder") or "").strip()
    folder = Path(folder_setting).expanduser() if folder_setting else default_backup_folder()
    if not folder.is_absolute():
        folder = Path(db_path).parent / folder
    return BackupPlan(
        db_path=Path(db_path), folder=folder,
        interval_hours=float(get_setting(db, "backup.interval_hours") or 0),
        keep_daily=int(get_setting(db, "backup.keep_daily")),
        keep_monthly=int(get_setting(db, "backup.keep_monthly")),
        warn_after_days=int(get_setting(db, "backup.warn_after_days")),
        create_folder=not folder_setting,
    )


def _name_re(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}})-(\d{{6}})(?:-(\d+))?{re.escape(SUFFIX)}$")


def _name_time(day: str, time: str) -> _dt.datetime | None:
    """The time in a copy's name ('20261207', '153000'); None for an impossible one.

    Read digit by digit rather than with strptime, whose first call in a
    process compiles its locale's patterns (4 ms of the window's start, which
    lists the copies for the status bar; issue 15).
    """
    try:
        return _dt.datetime(int(day[:4]), int(day[4:6]), int(day[6:]),
                            int(time[:2]), int(time[2:4]), int(time[4:]))
    except ValueError:
        return None


def backup_name(stem: str, at: _dt.datetime, n: int = 1) -> str:
    extra = f"-{n}" if n > 1 else ""
    return f"{stem}-{at:%Y%m%d-%H%M%S}{extra}{SUFFIX}"


def looks_complete(path: Path) -> bool:
    """Cheap proof the copy is whole: SQLite header and the size the header records.

    The full integrity_check was run before the copy got its name; this
    catches a copy cut short or damaged later (a failing USB stick) without
    reading every page. `restore` checks fully again.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(head) < 100 or head[:16] != b"SQLite format 3\x00":
        return False
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid_for = head[92:96] == head[24:28]
    return page_size > 0 and (not valid_for or pages == 0 or size == pages * page_size)


def list_backups(folder: Path, stem: str) -> list[BackupCopy]:
    """The copies of data file `stem` in `folder`, newest first (OSError if unreachable).

    Leftover `.part` files of an interrupted copy are listed as not verified.
    """
    pattern = _name_re(stem)
    copies: list[BackupCopy] = []
    for entry in os.scandir(folder):
        name = entry.name
        part = _PART.match(name)
        final = part.group("final") if part else name
        if part and name.endswith("-journal"):
            continue
        m = pattern.match(final)
        at = _name_time(m.group(1), m.group(2)) if m else None
        if at is None or not entry.is_file():
            continue
        path = Path(entry.path)
        verified = not part and looks_complete(path)
        copies.append(BackupCopy(path, at, entry.stat().st_size, verified))
    copies.sort(key=lambda c: (c.at, c.verified, c.path.name), reverse=True)
    return copies


def copy_counts(path: Path) -> dict[str, int]:
    """Customers, tickets and parts in a backup copy ({} when unreadable), for the
    restore list. Copies are never written after they get their name, so
    reading them immutable (no locks, no side files in the backup folder) is safe."""
    from servicedesk.models.core.sqlite_files import _uri

    try:
        conn = sqlite3.connect(_uri(path, "mode=ro&immutable=1"), uri=True)
        try:
            return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("customers", "tickets", "parts")}
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def _remove_debris(folder: Path, stem: str, older_than_hours: float = 24) -> None:
    """Delete `.part` leftovers of copies whose process is gone (or that are a day old)."""
    from servicedesk.models.core.lock import pid_alive

    pattern, host, now = _name_re(stem), socket.gethostname(), _dt.datetime.now().timestamp()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        part = _PART.match(entry.name)
        if not part or not pattern.match(part.group("final")):
            continue
        mine_dead = part.group("host") == host and not pid_alive(int(part.group("pid")))
        try:
            old = now - entry.stat().st_mtime > older_than_hours * 3600
            if mine_dead or old:
                os.unlink(entry.path)
        except OSError:
            pass


def _source(db_or_path: sqlite_utils.Database | Path) -> tuple[sqlite3.Connection, bool]:
    if isinstance(db_or_path, sqlite_utils.Database):
        return db_or_path.conn, False
    from servicedesk.models.core.sqlite_files import _reading_connection

    return _reading_connection(Path(db_or_path)), True


def _distrust_source(db_or_path: sqlite_utils.Database | Path) -> None:
    """A page copy of the data file failed its check: the file itself may be
    damaged, so its next open checks it again (no clean-close stamp now or at
    this connection's close; models/core/health_stamp)."""
    from servicedesk.models.core.health_stamp import forget

    path = getattr(db_or_path, "file_path", None) if isinstance(db_or_path, sqlite_utils.Database) else db_or_path
    if isinstance(db_or_path, sqlite_utils.Database) and hasattr(db_or_path, "checked_at"):
        db_or_path.checked_at = None
    if path is not None:
        forget(Path(path))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _copy_step(src: sqlite3.Connection, dst: sqlite3.Connection) -> None:
    """The backup API in steps of 1024 pages (a seam for the kill-mid-copy test)."""
    src.backup(dst, pages=1024)


def write_verified_copy(db_or_path: sqlite_utils.Database | Path, target: Path) -> Path:
    """Copy the data file to `target`, prove the copy good, and only then name it so.

    Raises BackupError naming the target's folder; on any failure the
    temporary file (and any journal of it) is removed.
    """
    folder = target.parent
    tmp = target.with_name(f"{target.name}.{socket.gethostname()}-{os.getpid()}.part")
    debris = [tmp, tmp.with_name(tmp.name + "-journal"), tmp.with_name(tmp.name + "-wal"),
              tmp.with_name(tmp.name + "-shm")]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Cannot use the backup folder {folder}: {_reason(exc)}. "
                          "Choose another backup folder or plug the disk in.", folder) from exc
    src = close_src = None
    try:
        src, close_src = _source(db_or_path)
        dst = sqlite3.connect(str(tmp))
        try:
            dst.execute("PRAGMA journal_mode=OFF")  # a copy being written needs no journal
            _copy_step(src, dst)
            # The copy inherits WAL mode from the source; a single-file copy
            # in rollback mode opens read-only without creating -wal/-shm.
            dst.execute("PRAGMA journal_mode=DELETE")
            ours = dst.execute("SELECT count(*) FROM sqlite_master WHERE name = '_sqlite_migrations'"
                               ).fetchone()[0]
        finally:
            dst.close()
        rows = integrity_problems(tmp) or ["ok"]   # PRAGMA integrity_check, over the cores
        if rows != ["ok"]:
            _distrust_source(db_or_path)
            raise BackupError(f"The copy written to the backup folder {folder} failed its integrity check "
                              f"({'; '.join(rows[:3])}); it was deleted.", folder)
        if not ours:
            raise BackupError(f"The copy written to the backup folder {folder} holds no ServiceDesk "
                              "data; it was deleted.", folder)
        _fsync_file(tmp)
        os.replace(tmp, target)
        _fsync_folder(folder)
    except BackupError:
        _unlink_all(debris)
        raise
    except (OSError, sqlite3.Error) as exc:
        _unlink_all(debris)
        raise BackupError(f"Cannot write the backup into the folder {folder}: {_reason(exc)}. "
                          "Free some space there or choose another backup folder; "
                          "the data file was not changed.", folder) from exc
    finally:
        if close_src and src is not None:
            src.close()
    return target


def _unlink_all(paths: list[Path]) -> None:
    for p in paths:
        try:
            p.unlink(missing_ok=True)
        except OSError:
            pass


def make_backup(db_or_path: sqlite_utils.Database | Path, plan: BackupPlan,
                now: _dt.datetime | None = None) -> BackupCopy:
    """One verified copy into the plan's folder, then rotation; returns the copy."""
    now = (now or _dt.datetime.now()).replace(microsecond=0)
    if not plan.create_folder and not plan.folder.is_dir():
        raise BackupError(f"The backup folder {plan.folder} cannot be reached (disk unplugged?); "
                          "no backup was made. Plug it in or choose another backup folder.", plan.folder)
    _remove_debris(plan.folder, plan.stem)
    n = 1
    target = plan.folder / backup_name(plan.stem, now)
    while target.exists():
        n += 1
        target = plan.folder / backup_name(plan.stem, now, n)
    write_verified_copy(db_or_path, target)
    copy = BackupCopy(target, now, target.stat().st_size, True)
    log.info("backup of %s written to %s (%d bytes)", plan.db_path, target, copy.size)
    try:
        removed = rotate(plan.folder, plan.stem, plan.keep_daily, plan.keep_monthly)
        if removed:
            log.info("rotation removed %d old backups from %s", len(removed), plan.folder)
    except OSError as exc:  # the copy is good; an old one that cannot be deleted is not an error
        log.warning("rotation in %s failed: %s", plan.folder, exc)
    return copy


def to_keep(copies: list[BackupCopy], keep_daily: int, keep_monthly: int) -> set[Path]:
    """Which verified copies rotation keeps (see the module docstring)."""
    good = [c for c in copies if c.verified]  # newest first
    keep: set[Path] = {good[0].path} if good else set()
    days: list[_dt.date] = []
    months: list[tuple[int, int]] = []
    for c in good:
        day, month = c.at.date(), (c.at.year, c.at.month)
        if day not in days and len(days) < keep_daily:
            days.append(day)
            keep.add(c.path)
        if month not in months and len(months) < keep_monthly:
            months.append(month)
            keep.add(c.path)
    return keep


def rotate(folder: Path, stem: str, keep_daily: int, keep_monthly: int) -> list[Path]:
    """Delete verified copies rotation does not keep; unverified files are left alone."""
    copies = list_backups(folder, stem)
    keep = to_keep(copies, keep_daily, keep_monthly)
    removed = []
    for c in copies:
        if c.verified and c.path not in keep:
            c.path.unlink(missing_ok=True)
            removed.append(c.path)
    return removed


def backup_status(plan: BackupPlan, now: _dt.datetime | None = None) -> BackupStatus:
    """Last good copy and, when something needs attention, a warning (English)."""
    now = now or _dt.datetime.now()
    try:
        if not plan.folder.exists():
            copies: list[BackupCopy] = []
            reachable = plan.create_folder and _creatable(plan.folder)
        else:
            copies = list_backups(plan.folder, plan.stem)
            reachable = True
    except OSError:
        copies, reachable = [], False
    last = next((c for c in copies if c.verified), None)
    warning = None
    if not reachable:
        warning = f"The backup folder {plan.folder} cannot be reached (disk unplugged?); no backup is being made."
    elif last is None:
        warning = f"There is no verified backup in {plan.folder} yet."
    elif now - last.at > _dt.timedelta(days=plan.warn_after_days):
        warning = (f"The last verified backup is from {last.at:%Y-%m-%d %H:%M}, "
                   f"more than {plan.warn_after_days} days ago.")
    return BackupStatus(plan.folder, reachable, last, warning)


def _creatable(folder: Path) -> bool:
    """A missing folder is fine when the nearest existing parent can be written."""
    parent = folder
    while not parent.exists():
        if parent.parent == parent:
            return False
        parent = parent.parent
    return parent.is_dir() and os.access(parent, os.W_OK)


def backup_due(plan: BackupPlan, now: _dt.datetime | None = None) -> bool:
    """True when no verified copy was made today (the first start of the day backs up)."""
    now = now or _dt.datetime.now()
    try:
        copies = list_backups(plan.folder, plan.stem) if plan.folder.exists() else []
    except OSError:
        return True
    return not any(c.verified and c.at.date() == now.date() for c in copies)
