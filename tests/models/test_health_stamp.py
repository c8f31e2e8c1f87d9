"""Skipping the page-by-page check of an untouched data file (issue 15):
after a clean close the next open leaves `quick_check` out; any write since,
a killed session (no stamp refreshed), a week's age or damage brings it back.
Real SQLite files."""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3

import pytest

from servicedesk.models.core import db as D
from servicedesk.models.core import health_stamp as H


@pytest.fixture
def checks(monkeypatch):
    """Count the quick_checks open_db runs."""
    seen = []
    real = D._quick_check

    def counting(path):
        seen.append(path)
        return real(path)

    monkeypatch.setattr(D, "_quick_check", counting)
    return seen


def _make(path):
    db = D.open_db(path)
    db.execute("INSERT INTO settings (key, value) VALUES ('x.y', '1') ON CONFLICT DO NOTHING")
    db.close()


def test_clean_close_skips_the_next_check(tmp_path, checks):
    path = tmp_path / "office.sqlite3"
    _make(path)
    assert H.stamp_path(path).exists()
    D.open_db(path).close()
    assert checks == []                       # unchanged since the clean close
    D.open_db(path).close()
    assert checks == []


def test_a_write_by_another_program_brings_the_check_back(tmp_path, checks):
    path = tmp_path / "office.sqlite3"
    _make(path)
    conn = sqlite3.connect(path)             # not through open_db: no stamp afterwards
    with conn:
        conn.execute("UPDATE settings SET value = '2' WHERE key = 'x.y'")
    conn.close()
    D.open_db(path).close()
    assert len(checks) == 1


def test_a_session_that_never_closed_leaves_a_check_behind(tmp_path, checks):
    path = tmp_path / "office.sqlite3"
    _make(path)
    killed = D.open_db(path)                 # opened, written, never closed (killed)
    killed.execute("UPDATE settings SET value = '3' WHERE key = 'x.y'")
    second = D.open_db(path, check=True)
    assert len(checks) == 1                   # the -wal has frames / the file changed
    second.close()
    killed.conn.close()


def test_a_week_old_check_runs_again(tmp_path, checks):
    path = tmp_path / "office.sqlite3"
    _make(path)
    stamp = json.loads(H.stamp_path(path).read_text())
    assert H.unchanged_since_check(path) == stamp["checked_at"]
    later = _dt.datetime.fromisoformat(stamp["checked_at"]) + H.CHECK_EVERY + _dt.timedelta(minutes=1)
    assert H.unchanged_since_check(path, now=later) is None
    stamp["checked_at"] = (_dt.datetime.now() - H.CHECK_EVERY - _dt.timedelta(hours=1)).isoformat()
    H.stamp_path(path).write_text(json.dumps(stamp))
    D.open_db(path).close()
    assert len(checks) == 1
    # That open checked the file: the stamp carries the new check's time.
    assert json.loads(H.stamp_path(path).read_text())["checked_at"] > stamp["checked_at"]


def test_damage_after_the_stamp_is_still_found(tmp_path):
    path = tmp_path / "office.sqlite3"
    _make(path)
    with open(path, "r+b") as fh:                 # two pages overwritten in place, same size
        fh.seek(4096 * 3)
        fh.write(b"\xff" * 8192)
    with pytest.raises(D.DamagedFileError):
        D.open_db(path)


def test_a_foreign_or_broken_stamp_means_check(tmp_path, checks):
    path = tmp_path / "office.sqlite3"
    _make(path)
    H.stamp_path(path).write_text("not json")
    D.open_db(path).close()
    assert len(checks) == 1


def test_background_connections_neither_check_nor_stamp(tmp_path, checks):
    path = tmp_path / "office.sqlite3"
    main = D.open_db(path)
    H.forget(path)
    worker = D.open_db(path, check=False)
    worker.close()
    assert checks == [] and not H.stamp_path(path).exists()
    main.close()
    assert H.stamp_path(path).exists()


def test_a_command_that_finished_leaves_the_file_stamped(tmp_path, checks):
    from tests.conftest import run_cli

    path = tmp_path / "office.sqlite3"
    _make(path)
    code, _out, err = run_cli("settings", "office.name", "城东服务站", "--db", str(path))   # writes the file
    assert code == 0, err
    assert H.unchanged_since_check(path) is not None   # closed cleanly: stamped as it is now
    code, _out, _err = run_cli("search", "张三", "--db", str(path))
    assert code == 0 and checks == []                 # so the next command does not check it again


def test_a_backup_copy_that_fails_its_check_takes_the_stamp_away(tmp_path, monkeypatch, checks):
    from servicedesk.models.core import backup as B
    from servicedesk.models.core.errors import DomainError

    path = tmp_path / "office.sqlite3"
    _make(path)
    db = D.open_db(path)
    assert checks == [] and H.stamp_path(path).exists()
    monkeypatch.setattr(B, "integrity_problems", lambda p: ["Page 7 is never used"])
    with pytest.raises(DomainError):
        D.backup_to(db, tmp_path / "copy.sqlite3")
    db.close()
    assert not H.stamp_path(path).exists()   # neither kept nor written again at the close
    D.open_db(path).close()
    assert len(checks) == 1
