"""Shared steps of the reliability tests: a data file with known rows, hashes, CLI runs."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import open_db

SRC = Path(__file__).resolve().parents[2] / "src"


def make_office(path: Path, customers: int) -> None:
    """A closed data file holding `customers` customers named 客户0, 客户1, …, manager PIN 1234."""
    from servicedesk.models.core.pin import pin_is_set, set_pin

    db = open_db(path)
    if not pin_is_set(db):
        set_pin(db, "1234")
    for i in range(customers):
        C.add_customer(db, C.CustomerInput(name=f"客户{i}"))
    db.close()


def count_customers(path: Path) -> int:
    db = open_db(path)
    try:
        return C.count_customers(db)
    finally:
        db.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def run_subprocess(code: str, *args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, **kw)


def kill_after_writes(path: Path, customers: int) -> None:
    """Another program adds `customers` customers, commits each, and is killed (SIGKILL)
    before it closes: its committed changes are only in the -wal beside the file."""
    code = (
        "import os, signal, sys\n"
        "from servicedesk.models.core.db import open_db\n"
        "from servicedesk.models.archive import customers as C\n"
        "db = open_db(sys.argv[1])\n"
        "db.conn.execute('PRAGMA wal_autocheckpoint=0')\n"
        "for i in range(int(sys.argv[2])):\n"
        "    C.add_customer(db, C.CustomerInput(name=f'后来{i}'))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n")
    proc = run_subprocess(code, str(path), str(customers))
    proc.wait(timeout=60)
    assert proc.returncode == -9
    assert Path(str(path) + "-wal").stat().st_size > 0
