"""When the data file need not be checked again on open (issue 15).

`PRAGMA quick_check` reads every page: 1.7 s on a ten-year file, paid by
every start of the window and every command. SQLite in WAL mode with
synchronous=FULL does not damage its file when a program is killed or the
power fails; what damages a file is something else writing it (a sync tool,
a half-finished copy, a failing disk). So after a session that opened a
checked file and closed it cleanly, a small stamp in the user's data folder
(checks/, one per data file; nothing is added beside the office's file)
records its size and modification time. The next open skips the check when both are
unchanged, i.e. nothing has written the file since. Anything else (a killed
session, another program's write, a restored or copied file, a stamp older
than CHECK_EVERY) means the check runs as before.

The stamp is a hint, never trusted for more than that: a missing, unreadable
or foreign stamp just means "check".
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

# Even an untouched file is checked again after a week: a failing disk can
# change bytes without changing the file's size or modification time.
CHECK_EVERY = _dt.timedelta(days=7)


def stamp_path(path: Path) -> Path:
    from servicedesk.config import default_data_dir

    try:
        key = str(path.resolve())
    except OSError:
        key = str(path.absolute())
    return default_data_dir() / "checks" / (hashlib.sha1(key.encode("utf-8")).hexdigest() + ".json")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def unchanged_since_check(path: Path, now: _dt.datetime | None = None) -> str | None:
    """The time of the last check when the file is as it was then (skip the
    check), else None (check it)."""
    try:
        data = json.loads(stamp_path(path).read_text(encoding="utf-8"))
        checked = _dt.datetime.fromisoformat(data["checked_at"])
        size, mtime_ns = int(data["size"]), int(data["mtime_ns"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    now = now or _dt.datetime.now()
    if not (_dt.timedelta(0) <= now - checked <= CHECK_EVERY):
        return None
    if _identity(path) != (size, mtime_ns) or _wal_has_frames(path):
        return None
    return data["checked_at"]


def _wal_has_frames(path: Path) -> bool:
    """A non-empty -wal file: a writer has not finished (or was killed)."""
    try:
        return os.path.getsize(path.with_name(path.name + "-wal")) > 0
    except OSError:
        return False


def record_clean_close(path: Path, checked_at: str) -> None:
    """After the last connection of a checked file closed cleanly: stamp the
    file as it is now, carrying the time of the real check forward."""
    identity = _identity(path)
    if identity is None or _wal_has_frames(path):
        return
    data = {"size": identity[0], "mtime_ns": identity[1], "checked_at": checked_at}
    target = stamp_path(path)
    tmp = target.with_name(target.name + ".part")
    data["file"] = str(path)   # for whoever looks into the folder
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:  # no user folder to write: the next open checks, that is all
        log.info("no check stamp for %s: %s", path, exc)
        tmp.unlink(missing_ok=True)


def forget(path: Path) -> None:
    """Drop the stamp (the file is being replaced, e.g. by a restore)."""
    try:
        stamp_path(path).unlink(missing_ok=True)
    except OSError:
        pass
