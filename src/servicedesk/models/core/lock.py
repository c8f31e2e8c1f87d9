"""One program per data file, and where the file lives (local disk or a share).

The lock is a file beside the data file, `<name>.lock`, holding who has it
open (host, user, process id, since when) as JSON, and locked with the
operating system's own lock (flock on Linux/macOS, a byte-range lock on
Windows). The OS releases that lock when the process ends in any way, so a
lock left by a crashed or killed program is taken over silently: only a
living program holds it. The file itself is never deleted (deleting a lock
file while another process waits on it lets two programs both believe they
hold it); releasing empties it.

The GUI takes it when it opens the file, before any dialog; `servicedesk
restore` takes it too, so a restore never swaps the file under a running
window. Other CLI commands do not: each is one transaction, safe beside the
window (SQLite's own locks).
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from servicedesk.models.core.errors import DatabaseError

# Windows locks one byte far beyond the JSON, because a locked range cannot
# be read by other processes and the second window must read who holds it.
_WIN_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class LockOwner:
    host: str
    user: str
    pid: int
    since: str

    def describe(self) -> str:
        who = f"{self.user}@{self.host}" if self.user else self.host
        return f"{who} (process {self.pid}, since {self.since})" if who else "another program"


class AlreadyOpenError(DatabaseError):
    """Another living program has the data file open."""

    def __init__(self, data_path: Path, owner: LockOwner | None):
        who = owner.describe() if owner else "another ServiceDesk window"
        super().__init__(
            f"The data file {data_path} is already open in ServiceDesk on {who}. "
            "Close it there first; the data file was not changed.", "db")
        self.data_path = data_path
        self.owner = owner


def lock_path_for(data_path: Path) -> Path:
    return data_path.with_name(data_path.name + ".lock")


def current_owner() -> LockOwner:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some Windows setups
        user = ""
    return LockOwner(socket.gethostname(), user, os.getpid(),
                     _dt.datetime.now().replace(microsecond=0).isoformat(sep=" "))


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_owner(lock_file: Path) -> LockOwner | None:
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8") or "null")
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return LockOwner(str(data.get("host", "")), str(data.get("user", "")),
                     int(data.get("pid", 0) or 0), str(data.get("since", "")))


def _try_os_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    return True


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class DataFileLock:
    """The held lock of one data file; `release()` (or leaving `with`) gives it back."""

    def __init__(self, data_path: Path, fd: int, previous: LockOwner | None):
        self.data_path = data_path
        self.path = lock_path_for(data_path)
        self._fd: int | None = fd
        # Who held it before, when that program died without releasing it.
        self.taken_over_from = previous

    @classmethod
    def acquire(cls, data_path: str | Path) -> "DataFileLock":
        """Take the lock or raise AlreadyOpenError naming who holds it.

        OSError (a read-only folder) propagates: the caller decides whether
        the file can then be opened read-only.
        """
        data_path = Path(data_path)
        lock_file = lock_path_for(data_path)
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_os_lock(fd):
            os.close(fd)
            raise AlreadyOpenError(data_path, read_owner(lock_file))
        previous = read_owner(lock_file)
        me = current_owner()
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(me.__dict__, ensure_ascii=False).encode("utf-8"))
        os.fsync(fd)
        return cls(data_path, fd, previous if previous and previous.pid else None)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
        except OSError:
            pass
        try:
            _os_unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> "DataFileLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


# ---- network shares ------------------------------------------------------------
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p",
              "afs", "ncpfs", "fuse.rclone", "davfs", "fuse.davfs2"}


def _linux_mount_type(path: Path, mounts_text: str) -> str | None:
    """The file system type of the mount holding `path` (longest mount-point prefix)."""
    best, kind = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind


def network_share_kind(data_path: str | Path, mounts_text: str | None = None) -> str | None:
    """'UNC path', 'network drive' or the file system type ('nfs', 'cifs', …) when
    the data file lives on a share, else None.

    SQLite's locking is unreliable over network file systems, so two PCs (or
    a lost connection mid-write) can corrupt the file: the GUI warns.
    """
    path = Path(os.path.abspath(data_path))
    if sys.platform == "win32":  # pragma: no cover - Windows only
        text = str(path)
        if text.startswith("\\\\"):
            return "UNC path"
        import ctypes

        if ctypes.windll.kernel32.GetDriveTypeW(text[:3]) == 4:  # DRIVE_REMOTE
            return "network drive"
        return None
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    try:
        path = path.resolve()
    except OSError:
        pass
    kind = _linux_mount_type(path, mounts_text)
    return kind if kind in NETWORK_FS else None
