"""The data file: creation, migrations of an old file (with a backup first),
refusing a newer or damaged file without touching it, transactions."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import check_db, known_migrations, open_db, transaction
from servicedesk.models.core.errors import DatabaseError
from servicedesk.models.archive.schema import MIGRATIONS as CORE


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _side_files(path: Path) -> list[str]:
    """Files beside the data file (the test's own user folders, conftest's
    data/config/log, are not: the clean-close stamp goes into data/)."""
    return sorted(p.name for p in path.parent.iterdir()
                  if p.name != path.name and p.name not in ("data", "config", "log"))


def _applied(db) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in db.execute("SELECT migration_set, name FROM _sqlite_migrations")}


def test_new_file_is_created_in_wal_with_foreign_keys_and_settings(db_path):
    db = open_db(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert _applied(db) == known_migrations()
    assert db.execute("SELECT value FROM settings WHERE key = 'warranty.months'").fetchone()[0] == "12"
    with pytest.raises(sqlite3.IntegrityError):  # foreign keys are enforced
        db.execute("INSERT INTO equipment (customer_id, model, serial_no, created_at, updated_at) "
                   "VALUES (999, 'QTZ80', 'X', 'now', 'now')")
    db.close()
    # a new file is not "migrated": no backup copy is made of nothing
    assert not list(db_path.parent.glob("*.before-migration-*"))


def test_open_missing_file_without_create_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="No data file"):
        open_db(tmp_path / "none.sqlite3", create=False)
    assert not (tmp_path / "none.sqlite3").exists()


def test_old_file_is_backed_up_then_migrated_keeping_its_data(db_path):
    # An "old version" file: only the first step of the first migration set was
    # ever applied, with a customer and its equipment written the way that version did.
    old = sqlite_utils.Database(db_path)
    CORE.apply(old, stop_before="0002_customer_grams")
    old.execute("INSERT INTO customers (id, name, phone, created_at, updated_at) "
                "VALUES (1, '张三', '13812345678', '2025-01-01 08:00:00', '2025-01-01 08:00:00')")
    old.execute("INSERT INTO equipment (customer_id, model, serial_no, acceptance_date, created_at, updated_at) "
                "VALUES (1, 'QTZ80', 'T1', '2025-12-01', '2025-01-01 08:00:00', '2025-01-01 08:00:00')")
    old.execute("INSERT INTO customer_search (customer_id, text) VALUES (1, '张三 | 13812345678 | QTZ80 | T1')")
    old.conn.commit()
    old.close()
    assert _applied(sqlite_utils.Database(db_path)) == {("core", "0001_settings_customers_equipment")}

    db = open_db(db_path)

    backups = list(db_path.parent.glob("office.before-migration-*.sqlite3"))
    assert len(backups) == 1, "the old file is copied beside itself before migrating"
    copy = sqlite_utils.Database(backups[0])  # the copy holds the old file as it was
    assert _applied(copy) == {("core", "0001_settings_customers_equipment")}
    assert [r["name"] for r in copy.query("SELECT name FROM customers")] == ["张三"]
    copy.close()
    assert _applied(db) == known_migrations()  # every step of every set is now applied
    assert db["tickets"].exists() and db["ticket_parts"].exists()
    assert C.get_customer(db, 1).name == "张三"  # data kept
    assert [h.name for h in C.search(db, "张三")] == ["张三"]   # 2 characters: the new index
    assert [h.name for h in C.search(db, "QTZ80")] == ["张三"]  # 3+: the old trigram index
    assert C.find_equipment(db, "QTZ80", "T1").acceptance_date == "2025-12-01"
    db.close()
    # opening again: nothing pending, so no second backup
    open_db(db_path).close()
    assert len(list(db_path.parent.glob("office.before-migration-*.sqlite3"))) == 1


def test_newer_schema_is_refused_and_the_file_left_untouched(db_path):
    db = open_db(db_path)
    C.add_customer(db, C.CustomerInput(name="张三"))
    # a later version recorded a step this program does not know
    db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
               "VALUES ('core', '0099_from_the_future', '2030-01-01 00:00:00')")
    db.conn.commit()
    db.close()  # last connection closed: SQLite folds the WAL back and removes -wal/-shm
    assert _side_files(db_path) == []
    before = _sha(db_path)

    with pytest.raises(DatabaseError) as err:
        open_db(db_path)
    assert "newer version" in err.value.message and "core:0099_from_the_future" in err.value.message
    assert "not changed" in err.value.message
    assert _sha(db_path) == before           # byte-for-byte the same
    assert _side_files(db_path) == []        # no -wal, -shm or backup created
    report = check_db(db_path)
    assert not report.ok and "newer version" in report.messages[0]
    assert _sha(db_path) == before and _side_files(db_path) == []


def test_not_a_database_is_refused_clearly(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes("客户名单\n张三 13812345678\n".encode() * 20)
    before = _sha(path)
    with pytest.raises(DatabaseError, match="not an SQLite database"):
        open_db(path)
    assert _sha(path) == before and _side_files(path) == []


def test_damaged_database_is_refused_clearly(db_path):
    db = open_db(db_path)
    for i in range(300):
        C.add_customer(db, C.CustomerInput(name=f"客户{i}", address="浙江省杭州市" * 40))
    db.close()
    with open(db_path, "r+b") as fh:   # trash two pages in the middle of the file
        fh.seek(4096 * 3)
        fh.write(b"\xff" * 8192)
    before = _sha(db_path)
    with pytest.raises(DatabaseError) as err:
        open_db(db_path)
    assert "damaged" in err.value.message or "integrity" in err.value.message
    assert "backup" in err.value.message
    assert _sha(db_path) == before and _side_files(db_path) == []


def test_transaction_rolls_back_everything_on_error(db):
    with pytest.raises(RuntimeError):
        with transaction(db):
            C.add_customer(db, C.CustomerInput(name="甲"))       # nested: a savepoint
            raise RuntimeError("power cut")
    assert C.count_customers(db) == 0
    with transaction(db):
        C.add_customer(db, C.CustomerInput(name="乙"))
        try:
            with transaction(db):
                C.add_customer(db, C.CustomerInput(name="丙"))
                raise RuntimeError("inner step fails")
        except RuntimeError:
            pass
    assert [c.name for c in C.list_customers(db)] == ["乙"]


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    # A file written by some other program: SQLite, tables, but no record of
    # any ServiceDesk schema step. Opening it must not switch on WAL, add a
    # migrations table or half-create ours before failing.
    path = tmp_path / "other.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, foo TEXT)")
    other.execute("INSERT INTO customers (foo) VALUES ('bar')")
    other.commit()
    other.close()
    before = _sha(path)

    with pytest.raises(DatabaseError) as err:
        open_db(path)
    message = err.value.message
    assert "is not a ServiceDesk data file" in message and "not changed" in message
    assert str(path) in message and "customers" in message
    assert "already exists" not in message
    assert _sha(path) == before and _side_files(path) == []   # no -wal, -shm, backup
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    check.close()


def test_another_sqlite_utils_programs_migrations_are_not_ours(tmp_path):
    # The other program uses sqlite-utils migrations too: its record names
    # none of our sets, so it is "not ours", not "written by a newer version".
    path = tmp_path / "other.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)")
    other.execute("INSERT INTO _sqlite_migrations VALUES ('shop', '0001_init', '2025-01-01')")
    other.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    other.commit()
    other.close()
    before = _sha(path)
    with pytest.raises(DatabaseError, match="is not a ServiceDesk data file"):
        open_db(path)
    assert _sha(path) == before and _side_files(path) == []


def test_an_empty_sqlite_file_is_initialised(tmp_path):
    path = tmp_path / "blank.sqlite3"
    blank = sqlite3.connect(path)
    blank.execute("PRAGMA user_version = 1")   # writes the header; no tables
    blank.commit()
    blank.close()
    assert path.stat().st_size > 0
    db = open_db(path)
    assert _applied(db) == known_migrations()
    db.close()


@pytest.mark.parametrize("where", ["proc", "under_a_file", "a_folder"])
def test_file_system_refusals_are_database_errors_naming_the_path(tmp_path, where):
    if where == "proc":
        path = Path("/proc/sd/x.sqlite3")      # /proc accepts no new folders
        if not Path("/proc").is_dir():
            pytest.skip("no /proc here")
    elif where == "under_a_file":
        (tmp_path / "plain.txt").write_text("not a folder")
        path = tmp_path / "plain.txt" / "x.sqlite3"
    else:
        path = tmp_path / "x.sqlite3"
        path.mkdir()
    with pytest.raises(DatabaseError) as err:
        open_db(path)
    assert str(path) in err.value.message
    assert "Errno" not in err.value.message and "Traceback" not in err.value.message
    if where == "a_folder":
        assert "folder" in err.value.message and path.is_dir() and not any(path.iterdir())


def test_a_file_sqlite_cannot_open_is_a_database_error(tmp_path, monkeypatch):
    # (Tests run as root, so chmod cannot take permission away: make SQLite
    # itself refuse the way it does for a file without read/write permission.)
    import servicedesk.models.core.db as dbmod

    def refuse(path, readonly=False):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(dbmod, "_connect", refuse)
    path = tmp_path / "office.sqlite3"
    with pytest.raises(DatabaseError) as err:
        open_db(path)
    assert str(path) in err.value.message and "unable to open" in err.value.message


def test_chinese_display_shows_the_refusal_in_chinese(tmp_path):
    from servicedesk.models.core import messages

    path = tmp_path / "x.sqlite3"
    path.mkdir()
    previous = messages.set_display_language("zh_CN")
    try:
        with pytest.raises(DatabaseError) as err:
            open_db(path)
    finally:
        messages.set_display_language(previous)
    assert "文件夹" in err.value.message and str(path) in err.value.message
    assert err.value.english.startswith(str(path))


def test_temporary_data_stays_in_memory(db_path):
    """The import's row savepoints and its temp table of new tickets are
    not written to temp files (issue 15); PRAGMA temp_store 2 = MEMORY."""
    db = open_db(db_path)
    assert db.execute("PRAGMA temp_store").fetchone()[0] == 2
    db.close()
