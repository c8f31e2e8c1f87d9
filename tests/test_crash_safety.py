"""A process killed in the middle of a write leaves no half-saved action.

A child process opens the data file, starts one transaction (as every user
intent does), writes 500 customers, tells us it is mid-way, and is killed
with SIGKILL before it can commit. The file must pass its integrity check and
hold exactly what was committed before: the one customer added earlier.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import check_db, open_db

CHILD = textwrap.dedent("""
    import sys, time
    from servicedesk.models.archive import customers as C
    from servicedesk.models.core.db import open_db, transaction
    db = open_db(sys.argv[1])
    with transaction(db):
        for i in range(500):
            C.add_customer(db, C.CustomerInput(name=f"半途客户{i}", phone="13900000000"))
        print("mid-write", flush=True)
        time.sleep(60)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_sigkill_mid_transaction_leaves_nothing_half_saved(db_path):
    db = open_db(db_path)
    C.add_customer(db, C.CustomerInput(name="张三", phone="13812345678"))
    db.close()
    src = Path(__file__).resolve().parents[1] / "src"   # this checkout, not the installed package
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(src)})
    try:
        assert child.stdout.readline().strip() == "mid-write"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert check_db(db_path).ok
    db = open_db(db_path)
    assert [c.name for c in C.list_customers(db)] == ["张三"]
    assert C.search(db, "半途") == []
