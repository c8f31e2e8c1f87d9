"""`servicedesk init` and `servicedesk settings` on real data files."""

from __future__ import annotations

import json

import pytest

from servicedesk.commands.setup import DESCRIPTIONS
from servicedesk.models.core import settings as S
from servicedesk.models.core.db import open_db
from servicedesk.models.core.standards import DEFAULT_SETTINGS
from servicedesk.models.pay.month import pin_is_set, verify_pin
from tests import factories as F


def init(cli, path, *extra: str, office="杭州服务部", dept="hz", clerk="林芳"):
    return cli("init", "--db", str(path), "--office", office, "--dept", dept, "--clerk", clerk, *extra)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if ".init-" in p.name)


# ---------------------------------------------------------------- init
def test_init_creates_the_office_file_with_clerk_and_pin(cli, tmp_path):
    path = tmp_path / "新 办公室" / "data.sqlite3"          # folder made, space and Chinese in the path
    code, out, err = init(cli, path, "--pin", "4321")
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"Data file created: {path}", "Office 杭州服务部 (HZ), clerk 林芳, manager PIN set"]
    db = open_db(path, create=False)
    assert S.get_setting(db, "office.name") == "杭州服务部"
    assert S.get_setting(db, "office.department_code") == "HZ"       # upper-cased, as the dialog does
    assert S.get_setting(db, S.CLERK) == "林芳" and S.get_setting(db, S.CLERKS) == ["林芳"]
    # The PIN is stored the way pay approval stores it: salted scrypt, never the digits.
    stored = db.execute("SELECT value FROM pay_secrets WHERE key = 'manager_pin'").fetchone()[0]
    assert stored.startswith("scrypt$") and "4321" not in stored
    assert verify_pin(db, "4321") and not verify_pin(db, "1234")
    db.close()
    assert _leftovers(path.parent) == []


def test_init_without_pin_sets_none(cli, db_path):
    code, out, _ = init(cli, db_path)
    assert code == 0 and out.splitlines()[1] == "Office 杭州服务部 (HZ), clerk 林芳"
    db = open_db(db_path, create=False)
    assert not pin_is_set(db)
    db.close()


def test_init_accepts_an_empty_file(cli, db_path):
    db_path.write_bytes(b"")                  # e.g. made by a file manager's "new file"
    assert init(cli, db_path)[0] == 0
    assert db_path.stat().st_size > 0


@pytest.mark.parametrize("extra, dept, expected", [
    ((), "hz1", "Department code must be 1–4 capital letters (e.g. YX)."),
    (("--pin", "12"), "HZ", "The PIN is 4 to 12 digits."),
])
def test_init_with_a_bad_value_leaves_no_file(cli, tmp_path, extra, dept, expected):
    path = tmp_path / "office.sqlite3"
    code, out, err = init(cli, path, *extra, dept=dept)
    assert (code, out, err) == (1, "", f"error: {expected}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_init_refuses_a_file_with_data_and_force_keeps_it(cli, db_path):
    db = open_db(db_path)
    F.customer(db, name="老客户")
    db.close()
    code, out, err = init(cli, db_path)
    assert code == 1 and out == "" and "already exists and holds data; use --force" in err
    db = open_db(db_path, create=False)
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 1      # untouched
    db.close()

    code, out, err = init(cli, db_path, "--force", office="宁波服务部", dept="NB", clerk="王芳")
    assert (code, err) == (0, "")
    kept = [p for p in db_path.parent.glob("office-replaced-*.sqlite3")]
    assert len(kept) == 1 and out.splitlines()[-1] == f"The old file was kept as {kept[0]}"
    old = open_db(kept[0], create=False)
    assert old.execute("SELECT name FROM customers").fetchall() == [("老客户",)]
    old.close()
    new = open_db(db_path, create=False)
    assert new.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
    assert S.get_setting(new, "office.name") == "宁波服务部" and S.get_setting(new, S.CLERK) == "王芳"
    new.close()


def test_init_needs_its_four_facts(cli, db_path):
    code, _, err = cli("init", "--db", str(db_path), "--office", "杭州服务部")
    assert code == 2 and "the following arguments are required: --dept, --clerk" in err
    assert not db_path.exists()


# ---------------------------------------------------------------- settings
@pytest.fixture
def office(cli, db_path):
    assert init(cli, db_path, "--pin", "4321")[0] == 0
    return db_path


def test_every_setting_has_a_description():
    assert set(DEFAULT_SETTINGS) | set(S.EXTRA_KEYS) == set(DESCRIPTIONS)


def test_settings_lists_every_key_with_value_and_description(cli, office):
    code, out, _ = cli("settings", "--db", str(office))
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert out.splitlines()[0].split() == ["Key", "Value", "Description"]
    assert set(rows) == set(DEFAULT_SETTINGS) | {S.CLERK, S.CLERKS}
    assert rows["warranty.months"].split(None, 2)[1:] == ["12", "Warranty period (months)"]
    assert rows["office.name"].split(None, 2)[1] == "杭州服务部"
    code, out, _ = cli("settings", "--db", str(office), "--json")
    data = {s["key"]: s for s in json.loads(out)["settings"]}
    assert data["quote.tax_bp"] == {"key": "quote.tax_bp", "value": 1500,
                                    "description": "Paid service: tax (basis points, 1500 = 15 %)"}
    assert data[S.CLERKS]["value"] == ["林芳"]
    code, out, _ = cli("--lang", "zh_CN", "settings", "--db", str(office))
    assert out.splitlines()[0].split() == ["键名", "值", "说明"]
    assert "保修期（月）" in out


def test_settings_shows_and_sets_one_with_the_dialogs_checks(cli, office):
    code, out, _ = cli("settings", "--db", str(office), "warranty.months", "--json")
    assert json.loads(out) == {"key": "warranty.months", "value": 12, "description": "Warranty period (months)"}
    code, out, _ = cli("settings", "--db", str(office), "warranty.months", "18")
    assert (code, out) == (0, "warranty.months set to 18\n")
    db = open_db(office, create=False)
    assert S.get_setting(db, "warranty.months") == 18          # a number, not "18"
    db.close()
    refused = [
        (("warranty.months", "a year"), "Setting warranty.months must be a whole number, not 'a year'."),
        (("warranty.months", "-1"), "Setting warranty.months must not be negative."),
        (("print.offset_x_mm", "left"), "Setting print.offset_x_mm must be a number, not 'left'."),
        (("print.offset_x_mm", "nan"), "Setting print.offset_x_mm must be a number, not 'nan'."),
        (("office.department_code", "hz1"), "Department code must be 1–4 capital letters (e.g. YX)."),
        (("office.name", "  "), "Office name is required (it is printed on every form)."),
        (("pay.team_split", "random"), "Setting pay.team_split must be one of equal, leader_weighted."),
        (("no.such.key", "1"), "Unknown setting no.such.key."),
        (("no.such.key",), "Unknown setting no.such.key."),
    ]
    for args, message in refused:
        code, out, err = cli("settings", "--db", str(office), *args)
        assert (code, out, err) == (1, "", f"error: {message}\n"), args
    db = open_db(office, create=False)
    assert S.get_setting(db, "warranty.months") == 18 and S.get_setting(db, "office.department_code") == "HZ"
    db.close()
    code, _, _ = cli("settings", "--db", str(office), "print.offset_x_mm", "-1.5")
    code, _, _ = cli("settings", "--db", str(office), "office.department_code", "nb")
    db = open_db(office, create=False)
    assert S.get_setting(db, "print.offset_x_mm") == -1.5 and S.get_setting(db, "office.department_code") == "NB"
    db.close()


def test_settings_in_chinese(cli, office):
    code, out, err = cli("--lang", "zh_CN", "settings", "--db", str(office), "warranty.months", "x")
    assert (code, out, err) == (1, "", "错误：设置项 warranty.months 须为整数，不能是 'x'。\n")
    code, out, _ = cli("--lang", "zh_CN", "settings", "--db", str(office), "warranty.months", "24")
    assert (code, out) == (0, "warranty.months 已设为 24\n")


def test_a_new_clerk_is_kept_in_the_list(cli, office):
    assert cli("settings", "--db", str(office), S.CLERK, "王芳")[0] == 0
    db = open_db(office, create=False)
    assert S.get_setting(db, S.CLERK) == "王芳" and S.get_setting(db, S.CLERKS) == ["王芳", "林芳"]
    db.close()
    assert cli("settings", "--db", str(office), S.CLERKS, "林芳、王芳, 赵敏")[0] == 0
    code, out, _ = cli("settings", "--db", str(office), S.CLERKS)
    assert out.splitlines()[1].split()[:2] == [S.CLERKS, "林芳、王芳、赵敏"]
    code, _, err = cli("settings", "--db", str(office), S.CLERK, " ")
    assert code == 1 and "Clerk name is required" in err


def test_protected_settings_need_the_pin(cli, office, monkeypatch):
    """The pay rates (PIN_PROTECTED_KEYS) are set only with the manager's PIN."""
    monkeypatch.delenv("SERVICEDESK_PIN", raising=False)
    assert "pay.rate_per_hour_fen" in S.PIN_PROTECTED_KEYS
    base = ("settings", "--db", str(office), "pay.rate_per_hour_fen", "2500")
    code, _, err = cli(*base)
    assert (code, err) == (1, "error: The manager PIN is required (经理密码).\n")
    code, _, err = cli(*base, "--pin", "1111")
    assert (code, err) == (1, "error: Wrong PIN (4 tries left before a 5-minute lockout).\n")
    db = open_db(office, create=False)
    assert S.get_setting(db, "pay.rate_per_hour_fen") == 2000       # unchanged
    db.close()
    code, out, _ = cli(*base, "--pin", "4321")
    assert (code, out) == (0, "pay.rate_per_hour_fen set to 2500\n")
    assert cli("settings", "--db", str(office), "warranty.months", "6")[0] == 0   # others need none


def test_protected_setting_without_any_pin_set(cli, db_path):
    assert init(cli, db_path)[0] == 0
    code, _, err = cli("settings", "--db", str(db_path), "pay.rate_per_hour_fen", "2500", "--pin", "4321")
    assert code == 1 and "Set the manager PIN first" in err


def test_settings_of_a_missing_file_creates_nothing(cli, tmp_path):
    path = tmp_path / "none.sqlite3"
    code, out, err = cli("settings", "--db", str(path))
    assert code == 1 and out == "" and err.startswith("error: ")
    assert not path.exists()
