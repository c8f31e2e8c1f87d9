"""Manager PIN, lockout across a restart, the append-only audit trail, versioned pay rates."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from servicedesk.models.core import audit as A
from servicedesk.models.core import pin as PIN
from servicedesk.models.core import settings as S
from servicedesk.models.core.db import open_db
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.models.pay import month as P
from servicedesk.models.tickets import technicians as TE
from tests import factories as F
from tests.reliability.helpers import SRC


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real program in a subprocess (stdin not a terminal: no prompt)."""
    return subprocess.run([sys.executable, "-m", "servicedesk", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(SRC), "SERVICEDESK_LANG": "en", **(env or {})})


def test_no_pin_until_set_and_then_salted_hash(db):
    with pytest.raises(DomainError) as exc:
        PIN.require_manager_pin(db, "1234", "test")
    assert "Set the manager PIN first" in exc.value.english
    PIN.set_pin(db, "24680")
    stored = db.execute("SELECT value FROM pay_secrets WHERE key = 'manager_pin'").fetchone()[0]
    assert stored.startswith("scrypt$") and "24680" not in stored
    with pytest.raises(ValidationError):
        PIN.set_pin(db, "123")                                   # too short
    with pytest.raises(ValidationError):
        PIN.set_pin(db, "1111", old_pin="9999")                  # change needs the current PIN
    PIN.set_pin(db, "1111", old_pin="24680")
    assert [e.action for e in A.list_entries(db)] == ["pin_set", "pin_change"]


def test_lockout_after_five_wrong_pins_survives_a_restart(db_path, monkeypatch):
    db = open_db(db_path)
    PIN.set_pin(db, "1234")
    for left in (4, 3, 2, 1):
        with pytest.raises(ValidationError) as exc:
            PIN.require_manager_pin(db, "0000", "test")
        assert f"{left} tries left" in exc.value.english
    with pytest.raises(DomainError) as exc:                      # the 5th wrong one starts the lockout
        PIN.require_manager_pin(db, "0000", "test")
    assert "refused for 5 minute(s)" in exc.value.english
    db.close()
    # A new program on the same file (a restart): refused even with the right PIN, says how long.
    run = _cli("pay-approve", "2026-03", "--db", str(db_path), "--pin", "1234")
    assert run.returncode == 1 and "wait 5 minute(s)" in run.stderr
    db = open_db(db_path)
    assert [e.action for e in A.list_entries(db, action="pin_lockout")] == ["pin_lockout"]
    # Five minutes later (the clock moved, not a wait): the right PIN works again, the count starts afresh.
    later = PIN._now() + __import__("datetime").timedelta(minutes=5, seconds=1)
    monkeypatch.setattr(PIN, "_now", lambda: later)
    assert PIN.lockout_minutes_left(db) == 0
    PIN.require_manager_pin(db, "1234", "test")
    db.close()


def test_audit_log_refuses_update_and_delete_through_sql(db):
    S.set_setting(db, "warranty.months", 24)
    entry = A.list_entries(db, action="setting")[-1]
    assert (entry.target, entry.old, entry.new) == ("warranty.months", "12", "24")
    assert "(" in entry.who or entry.who                       # clerk (OS user) or the login alone
    conn = sqlite3.connect(db.conn.execute("PRAGMA database_list").fetchone()[2])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_log SET new = '6'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log")
    conn.close()
    assert A.list_entries(db, action="setting")[-1].new == "24"


def test_who_is_the_clerk_and_the_os_user(db, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "Administrator")
    S.set_clerk(db, "张三")
    assert A.current_who(db) == "张三 (Administrator)"
    assert A.record_action(db, "test", "x").who == "张三 (Administrator)"


def test_raising_the_hourly_rate_leaves_an_approved_month_alone(db):
    # Leader A alone on an INSPECTION (4 h) in March 2026 and another in this month.
    cust = F.customer(db)
    eq = F.equipment(db, cust)
    a = F.technician(db, "张伟", base_salary_fen=3000_00)
    for when in ("2026-03-10 16:00:00", f"{S.now_iso()[:7]}-01 09:00:00"):
        F.ticket(db, customer_id=cust, equipment_id=eq, team=(a,), work=(("INSPECTION", 100),),
                 status="closed", result="done", completed_at=when)
    PIN.set_pin(db, "1234")
    P.approve_month(db, "2026-03", "1234")
    # 20 -> 40 yuan/h: needs the PIN; cannot take effect in the approved month
    with pytest.raises(ValidationError):
        S.set_setting(db, "pay.rate_per_hour_fen", 40_00)
    with pytest.raises(ValidationError) as exc:
        S.set_setting(db, "pay.rate_per_hour_fen", 40_00, pin="1234", effective_month="2026-03")
    assert exc.value.field == "effective_month"
    S.set_setting(db, "pay.rate_per_hour_fen", 40_00, pin="1234")          # from this month on
    TE.update_technician(db, a, TE.TechnicianInput("张伟", base_salary_fen=3300_00), pin="1234")
    march = P.compute_month(db, "2026-03").technician(a)
    # March recomputed: 4 h x 20.00 = 80.00 (8 000 fen); base still 3 000.00 -> 308 000 fen
    assert (march.performance_fen, march.base_fen, march.total_fen) == (8_000, 300_000, 308_000)
    now = P.compute_month(db, S.now_iso()[:7]).technician(a)
    # this month: 4 h x 40.00 = 160.00 (16 000 fen); base 3 300.00 -> 346 000 fen
    assert (now.performance_fen, now.base_fen, now.total_fen) == (16_000, 330_000, 346_000)
    assert S.get_setting(db, "pay.rate_per_hour_fen") == 40_00
    actions = [(e.action, e.target.split(" from ")[0], e.old, e.new) for e in A.list_entries(db)]
    assert ("setting", "pay.rate_per_hour_fen", "2000", "4000") in actions
    assert ("technician_base_salary", "张伟", "300000", "330000") in actions
    assert any(act == "pay_approve" and tgt == "2026-03" for act, tgt, _, _ in actions)


def test_cli_manager_pin_env_pin_settings_and_audit_json(db_path):
    open_db(db_path).close()
    assert _cli("manager-pin", "--db", str(db_path), "--new", "4321").returncode == 0
    run = _cli("manager-pin", "--db", str(db_path), "--new", "5555")            # no current PIN, no terminal
    assert run.returncode == 1 and "The manager PIN is required" in run.stderr
    run = _cli("settings", "--db", str(db_path), "pay.rate_per_hour_fen", "2500",
               env={"SERVICEDESK_PIN": "4321"})                                  # the PIN from the environment
    assert run.returncode == 0, run.stderr
    run = _cli("audit", "--db", str(db_path), "--since", "2000-01-01", "--json")
    entries = json.loads(run.stdout)["entries"]
    assert [e["action"] for e in entries] == ["pin_set", "setting"]
    assert set(entries[1]) == {"at", "who", "action", "target", "old", "new"}
    assert (entries[1]["old"], entries[1]["new"]) == ("2000", "2500")


def test_catalog_changes_are_audited(db):
    from servicedesk.models.pay import catalog as K

    K.rerate_item(db, "INSPECTION", 5_00, effective_from="2026-04-01")
    entry = A.list_entries(db, action="catalog_rerate")[-1]
    assert entry.target == "INSPECTION" and "5 h" in entry.new


def test_the_approval_is_signed_by_the_clerk_in_settings_unless_named(db):
    cust = F.customer(db)
    eq = F.equipment(db, cust)
    a = F.technician(db, "张伟")
    F.ticket(db, customer_id=cust, equipment_id=eq, team=(a,), work=(("INSPECTION", 100),),
             status="closed", result="done", completed_at="2026-03-10 16:00:00")
    S.set_clerk(db, "林芳")
    PIN.set_pin(db, "1234")
    assert P.approve_month(db, "2026-03", "1234").approved_by == "林芳"
    P.unlock_month(db, "2026-03", "1234", "补录考勤")
    assert P.approve_month(db, "2026-03", "1234", who="陈经理").approved_by == "陈经理"
