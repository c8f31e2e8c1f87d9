"""backup and check from the command line; exit codes of the contract."""

from __future__ import annotations

import sqlite3

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import open_db
from tests.conftest import run_cli


def test_backup_is_a_consistent_copy(tmp_path, db_path):
    db = open_db(db_path)
    C.add_customer(db, C.CustomerInput(name="张三", phone="13812345678"))
    db.close()
    code, out, err = run_cli("backup", "--db", str(db_path), "--to", str(tmp_path / "bk"))
    assert code == 0, err
    copies = list((tmp_path / "bk").glob("*.sqlite3"))
    assert len(copies) == 1
    names = [r[0] for r in sqlite3.connect(copies[0]).execute("SELECT name FROM customers")]
    assert names == ["张三"]


def test_check_ok_and_json(db_path):
    open_db(db_path).close()
    code, out, _ = run_cli("check", "--db", str(db_path), "--json")
    assert code == 0
    import json

    report = json.loads(out)
    assert report["ok"] is True


def test_check_reports_a_non_database(tmp_path):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("this is not a database", encoding="utf-8")
    code, out, _ = run_cli("check", "--db", str(bad))
    assert code == 1
    assert "not a ServiceDesk data file" in out


def test_usage_error_exits_2():
    code, _, _ = run_cli("import")
    assert code == 2


def test_user_error_exits_1(tmp_path):
    code, _, err = run_cli("search", "x", "--db", str(tmp_path / "missing.sqlite3"))
    assert code == 1
    assert "No data file" in err
