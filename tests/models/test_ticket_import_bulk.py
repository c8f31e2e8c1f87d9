"""The fast paths of the ticket import (issue 15) give what the slow ones gave.

- the search index: inside the import the new tickets are indexed at the end
  (search_schema.deferred_search_index); afterwards every term finds exactly
  the tickets the LIKE over their texts finds, the FTS5 indexes pass their
  integrity check, and the file's triggers are back, byte for byte, whether
  the import was written, refused or a dry run;
- the lookups read once per sheet (sheets._Lookups) answer every row as the
  per-row queries did: two customers of one name told apart by the phone,
  an unknown technician reported on every row that names him, a unit refused
  for the wrong customer after it was accepted for its own;
- the CLI reads the sheet while the data file is opened: a sheet it cannot
  read is still reported, with nothing written.
"""

from __future__ import annotations

import sqlite3

import pytest
from openpyxl import Workbook

from servicedesk.models.core.db import open_db, transaction
from servicedesk.models.core.importing import run_import
from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.tickets import technicians as TE
from servicedesk.models.tickets.search_schema import deferred_search_index, gram_token
from servicedesk.models.tickets.sheets import TICKETS_SHEET, TICKETS_SPEC
from tests import factories as F
from tests.conftest import run_cli

KEYS = ["type", "channel", "customer", "phone", "model", "serial_no", "fault_level", "reported_at",
        "technicians", "arrived_at", "completed_at", "result", "work"]


def _sheet(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(KEYS)
    for row in rows:
        ws.append([row.get(k, "") for k in KEYS])
    wb.save(path)
    return str(path)


def _triggers(db) -> list[tuple[str, str]]:
    return db.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' "
                      "AND tbl_name = 'ticket_search' ORDER BY name").fetchall()


def _temp_objects(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM temp.sqlite_master")]


def _like_ids(db, term: str) -> set[int]:
    return {r[0] for r in db.execute("SELECT ticket_id FROM ticket_search WHERE instr(lower(text), lower(?)) > 0",
                                      [term])}


def _index_ids(db, term: str) -> set[int]:
    if len(term) >= 3:
        return {r[0] for r in db.execute("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ?",
                                          ['"' + term + '"'])}
    return {r[0] for r in db.execute("SELECT rowid FROM ticket_grams WHERE ticket_grams MATCH ?",
                                      [f'"{gram_token(term)}"'])}


def _assert_index_exact(db) -> None:
    """Every 1-, 2- and 3-character piece of every text finds exactly the tickets holding it."""
    db.execute("INSERT INTO ticket_fts(ticket_fts, rank) VALUES ('integrity-check', 1)")
    db.execute("INSERT INTO ticket_grams(ticket_grams) VALUES ('integrity-check')")
    texts = [r[0] for r in db.execute("SELECT text FROM ticket_search")]
    terms = {t[i:i + n] for t in texts for n in (1, 2, 3) for i in range(len(t) - n + 1)}
    terms = {t for t in terms if t.strip() and '"' not in t}
    assert terms
    for term in sorted(terms):
        assert _index_ids(db, term) == _like_ids(db, term), term
    # Nothing indexed for a ticket that is gone.
    assert _index_ids(db, "YX") == _like_ids(db, "YX")


@pytest.fixture
def office(db):
    """Two customers both named 华东机械 (told apart by the phone), one unit each, one
    technician, and 杭州建工 with a QTZ80."""
    a = F.customer(db, name="华东机械", phone="13811110000")
    b = F.customer(db, name="华东机械", phone="13922220000")
    c = F.customer(db)
    F.equipment(db, a, model="QTZ63", serial_no="A-1", acceptance_date="2025-01-10")
    F.equipment(db, b, model="QTZ63", serial_no="B-1", acceptance_date="2025-01-10")
    F.equipment(db, c, model="QTZ80", serial_no="C-1", acceptance_date="2025-01-10")
    TE.add_technician(db, TE.TechnicianInput("王建军"))
    return db, a, b, c


def _row(i: int, **kw) -> dict:
    day = 1 + i % 27
    base = {"type": "维修", "channel": "电话", "customer": "杭州建工集团有限公司", "phone": "13812345678",
            "model": "QTZ80", "serial_no": "C-1", "fault_level": 2,
            "reported_at": f"2025-10-{day:02d} 08:{i % 60:02d}", "technicians": "王建军",
            "arrived_at": f"2025-10-{day:02d} 11:00", "completed_at": f"2025-10-{day:02d} 15:00",
            "result": "完成", "work": "SMALL_REPAIR*1"}
    return {**base, **kw}


def test_imported_tickets_are_indexed_exactly_and_the_triggers_come_back(office, db_path, tmp_path):
    db, a, b, c = office
    F.ticket(db, customer_id=c, no="YX2509001")          # an older ticket, indexed by the triggers
    before = _triggers(db)
    rows = [_row(i) for i in range(30)]
    rows += [_row(30, customer="华东机械", phone="13811110000", model="QTZ63", serial_no="A-1"),
             _row(31, customer="华东机械", phone="13922220000", model="QTZ63", serial_no="B-1")]
    code, out, err = run_cli("import", "tickets", _sheet(tmp_path / "t.xlsx", rows), "--db", str(db_path))
    assert code == 0 and "32 new" in out, err
    assert _triggers(db) == before and _temp_objects(db) == []
    assert db.execute("SELECT count(*) FROM ticket_search").fetchone()[0] == 33
    _assert_index_exact(db)
    # The two 华东机械 rows went to the customer of their phone.
    owners = dict(db.execute("SELECT phone, customer_id FROM tickets WHERE phone IN ('13811110000', '13922220000')"))
    assert owners == {"13811110000": a, "13922220000": b}
    # The file's triggers index a ticket opened afterwards.
    new = T.open_ticket(db, T.TicketInput("repair", "hotline", c, fault_level=2, phone="13700001111",
                                          reported_at="2025-11-03 08:00"), "内勤")
    assert _index_ids(db, "13700001111") == {new.id} and _index_ids(db, "37") >= {new.id}
    _assert_index_exact(db)


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_refused_or_dry_import_leaves_the_index_and_triggers_as_they_were(office, db_path, tmp_path, dry_run):
    db, a, b, c = office
    F.ticket(db, customer_id=c, no="YX2509001")
    before = _triggers(db)
    rows = [_row(i) for i in range(5)]
    if not dry_run:
        rows.append(_row(5, technicians="赵六"))           # unknown technician: the whole sheet is refused
    args = ["import", "tickets", _sheet(tmp_path / "t.xlsx", rows), "--db", str(db_path)]
    code, out, err = run_cli(*args, *(["--dry-run"] if dry_run else []))
    assert code == (0 if dry_run else 1), err
    assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == 1
    assert _triggers(db) == before and _temp_objects(db) == []
    _assert_index_exact(db)


def test_a_text_changed_or_deleted_before_the_end_is_indexed_exactly(office):
    """Inside the session a new ticket's text may change (its phone corrected) or go
    (the ticket deleted): the BEFORE triggers index the old text first, so the
    file's own update/delete triggers remove exactly what is there."""
    db, a, b, c = office
    before = _triggers(db)
    with transaction(db), deferred_search_index(db):
        assert _temp_objects(db)          # the session is active
        ids = [F.ticket(db, customer_id=c, no=f"YX25100{i:02d}", phone=f"1381234{i:04d}") for i in range(4)]
        db.execute("UPDATE tickets SET phone = '13999990000' WHERE id = ?", [ids[1]])
        db.execute("DELETE FROM tickets WHERE id = ?", [ids[2]])
        db.execute("UPDATE customers SET name = '杭州建工新名' WHERE id = ?", [c])   # every text of c changes
    assert _triggers(db) == before and _temp_objects(db) == []
    assert db.execute("SELECT count(*) FROM ticket_search").fetchone()[0] == 3
    assert _index_ids(db, "13999990000") == {ids[1]} and _index_ids(db, "13812340002") == set()
    assert _index_ids(db, "新名") == {ids[0], ids[1], ids[3]}
    _assert_index_exact(db)


def test_the_session_is_rolled_back_with_the_transaction(office):
    db, a, b, c = office
    F.ticket(db, customer_id=c, no="YX2509001")
    before = _triggers(db)
    with pytest.raises(RuntimeError):
        with transaction(db), deferred_search_index(db):
            F.ticket(db, customer_id=c, no="YX2510001")
            raise RuntimeError("crash in the middle")
    assert _triggers(db) == before and _temp_objects(db) == []
    assert db.execute("SELECT count(*) FROM ticket_search").fetchone()[0] == 1
    _assert_index_exact(db)
    # Outside a transaction the session changes nothing (no safe place to swap triggers in).
    with deferred_search_index(db):
        assert _temp_objects(db) == [] and _triggers(db) == before


def test_lookups_once_per_sheet_answer_every_row_as_before(office, tmp_path):
    db, a, b, c = office
    rows = [_row(0, customer="华东机械", phone="13811110000", model="QTZ63", serial_no="A-1"),
            _row(1, technicians="赵六"),                                  # unknown technician
            _row(2, customer="华东机械", phone="13922220000", model="QTZ63", serial_no="A-1"),  # A-1 is a's
            _row(3, technicians="王建军、赵六"),                          # unknown again: reported again
            _row(4, customer="华东机械", phone=""),                       # two of that name, no phone
            _row(5, customer="华东机械", phone="13922220000", model="QTZ63", serial_no="B-1")]
    numbered = list(enumerate(rows, start=2))
    result = run_import(db, TICKETS_SPEC, numbered, TICKETS_SHEET.import_row, session=TICKETS_SHEET.session)
    assert [str(p) for p in result.problems] == [
        "row 3, column 维修人员: unknown technician(s) 赵六 (import the technicians first)",
        "row 4, column 机号: equipment QTZ63 A-1 belongs to 华东机械, not 华东机械",
        "row 5, column 维修人员: unknown technician(s) 赵六 (import the technicians first)",
        "row 6, column 用户姓名/单位: 2 customers are named \"华东机械\"; give the phone to choose one",
    ]
    assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == 0
    # The same sheet without the bad rows: rows 2 and 7 go to a and b, the rest to 杭州建工.
    good = [numbered[0], numbered[5], (8, _row(6)), (9, _row(7))]
    result = run_import(db, TICKETS_SPEC, good, TICKETS_SHEET.import_row, session=TICKETS_SHEET.session)
    assert result.ok and result.created == 4
    assert sorted(r[0] for r in db.execute("SELECT customer_id FROM tickets")) == sorted([a, b, c, c])
    # What the rows wrote, worked out by hand: one leader each, one SMALL_REPAIR each, closed.
    assert db.execute("SELECT count(*), sum(is_leader) FROM ticket_technicians").fetchone() == (4, 4)
    assert db.execute("SELECT count(*), sum(quantity_x100) FROM ticket_work").fetchone() == (4, 400)
    assert {r[0] for r in db.execute("SELECT status FROM tickets")} == {"closed"}
    _assert_index_exact(db)


def test_cli_still_reports_a_sheet_it_cannot_read(office, db_path, tmp_path):
    db, a, b, c = office
    bad = tmp_path / "bad.xlsx"
    wb = Workbook()
    wb.active.append(["类型", "不存在的列"])
    wb.active.append(["维修", "x"])
    wb.save(bad)
    code, out, err = run_cli("import", "tickets", str(bad), "--db", str(db_path))
    assert code == 1 and "unknown column" in err and "不存在的列" in err
    assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == 0
    # The file opened meanwhile was closed again: another writer can take it at once.
    other = sqlite3.connect(db_path, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    other.rollback()
    other.close()
    # A data file that does not exist is still not created for a sheet that cannot be read.
    missing = tmp_path / "new.sqlite3"
    code, out, err = run_cli("import", "tickets", str(bad), "--db", str(missing))
    assert code == 1 and not missing.exists()


def test_lookups_read_in_bulk_answer_every_row_the_same(office, tmp_path, monkeypatch):
    """A big sheet switches to reading the archive in one query each (BULK_AFTER):
    the same answers, refusals included, as the per-row lookups."""
    from servicedesk.models.tickets.sheets import _Lookups

    db, a, b, c = office
    rows = [(2, _row(0, customer="不存在的公司")), (3, _row(1, model="QTZ80", serial_no="NO-SUCH")),
            (4, _row(2, model="qtz80", serial_no="c-1")), (5, _row(3, customer="华东机械", phone=""))]

    def problems() -> list[str]:
        result = run_import(db, TICKETS_SPEC, rows, TICKETS_SHEET.import_row, session=TICKETS_SHEET.session,
                            dry_run=True)
        return [str(p) for p in result.problems]

    one_by_one = problems()
    monkeypatch.setattr(_Lookups, "BULK_AFTER", 0)
    assert problems() == one_by_one
    assert len(one_by_one) == 3                      # row 4: a plate typed in lower case is found
    test_lookups_once_per_sheet_answer_every_row_as_before(office, tmp_path)
