"""The tickets' 1-2 character index and the faster search of issue 15.

ticket_grams (ticket_search step 0002) must find exactly what the LIKE over
the search text found before it, stay right through every write (triggers),
and be built for the tickets of a file opened from before the step. The
search itself (gram index, date walk, counts through the index) must give the
very pages and tab counts the query of before issue 15 gave: the reference
below is that query, built with archive's search_clause as queries.py did.
"""

from __future__ import annotations

import random
import re
import sqlite3

import pytest

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import open_db, transaction
from servicedesk.models.tickets import queries as Q
from servicedesk.models.tickets.search_schema import grams_sql, ticket_grams
from tests import factories as fx

NOW = "2026-11-30 18:00:00"


# ---------------------------------------------------------------- the tokens
@pytest.mark.parametrize("text", [
    "", "a", "Ab 1", "kK", "YX2610001 | 张三 | 0571-88886666 05718888666 | 杭州建工集团有限公司",
    "QTZ80 TC-2024-001 %_\\ 'quote' \"dq\"", "ÀÉ àé ß ẞ Σσς", "😀 emoji 𠀀 and ＡＢＣ１２",
])
def test_python_tokens_are_the_triggers_tokens(text):
    """The migration fills the index in Python; the triggers compute the same text in SQL.
    A contentless index deletes by the old tokens, so they must be identical."""
    sql = sqlite3.connect(":memory:").execute(f"SELECT {grams_sql(':t')}", {"t": text}).fetchone()[0]
    assert (sql or "") == ticket_grams(text)


def test_tokens_by_hand():
    # 'Ab 1': pieces a, b, ' ', 1, ab, 'b ', ' 1' (ASCII lowered) as upper-case hex, sorted.
    assert ticket_grams("Ab 1") == "20 2031 31 61 6162 62 6220"
    assert ticket_grams("杭州") == "E5B79E E69DAD E69DADE5B79E"   # 州 E5B79E sorts before 杭 E69DAD


# ---------------------------------------------------------------- kept up to date
def _like_ids(db, term: str) -> set[int]:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return {r[0] for r in db.execute("SELECT ticket_id FROM ticket_search WHERE text LIKE ? ESCAPE '\\'",
                                      [f"%{escaped}%"])}


def _gram_ids(db, term: str) -> set[int]:
    table, match = Q._index_of(term)
    assert table == "ticket_grams"
    return {r[0] for r in db.execute("SELECT rowid FROM ticket_grams WHERE ticket_grams MATCH ?", [match])}


def _every_piece_agrees(db) -> None:
    """For every 1-2 character piece of every text (and ones no text has any more),
    the gram index finds exactly the tickets LIKE finds."""
    pieces = {"旧", "ol", "9z", "-", " |"}
    for (text,) in db.execute("SELECT text FROM ticket_search"):
        pieces.update(text[i:i + n] for i in range(len(text)) for n in (1, 2))
    for piece in pieces:
        assert _gram_ids(db, piece) == _like_ids(db, piece), piece


def test_triggers_follow_every_write(db):
    a = fx.customer(db, "杭州建工集团有限公司", "13812345678")
    b = fx.customer(db, "旧名公司", "0571-88886666")
    e = fx.equipment(db, a, "QTZ80", "OL-9Z01")
    t1 = fx.ticket(db, customer_id=a, equipment_id=e, no="YX2610001")
    t2 = fx.ticket(db, customer_id=b, no="YX2610002", contact="Kim", phone="139-0000-1111")
    t3 = fx.ticket(db, customer_id=b, no="YX2610003")
    _every_piece_agrees(db)
    assert _gram_ids(db, "旧") == {t2, t3} and _gram_ids(db, "9z") == {t1} and _gram_ids(db, "KI") == {t2}

    with transaction(db):
        db.execute("UPDATE customers SET name = '新名公司' WHERE id = ?", [b])        # customer renamed
        db.execute("UPDATE equipment SET serial_no = 'NEW-77' WHERE id = ?", [e])   # serial corrected
        db.execute("UPDATE tickets SET contact = 'Lee', phone = '' WHERE id = ?", [t2])
        db.execute("UPDATE tickets SET customer_id = ? WHERE id = ?", [a, t3])      # moved to another customer
    _every_piece_agrees(db)
    assert _gram_ids(db, "旧") == set() and _gram_ids(db, "新") == {t2}
    assert _gram_ids(db, "9z") == set() and _gram_ids(db, "77") == {t1}
    assert _gram_ids(db, "ki") == set() and _gram_ids(db, "le") == {t2}

    with transaction(db):
        db.execute("DELETE FROM tickets WHERE id = ?", [t1])
    _every_piece_agrees(db)
    assert _gram_ids(db, "77") == set()
    assert Q.status_counts(db, Q.TicketFilter(text="杭州"), now=NOW)["all"] == 1   # t3 only


def test_a_file_from_before_the_step_gets_its_index(db_path):
    """Opening a file without step 0002 builds the index for the tickets it has."""
    db = open_db(db_path)
    a = fx.customer(db, "杭州建工集团有限公司", "13812345678")
    ids = [fx.ticket(db, customer_id=a, no=f"YX26100{i:02d}") for i in range(12)]
    with transaction(db):   # back to the file as it was before this step
        for trigger in ("ticket_search_grams_ai", "ticket_search_grams_ad", "ticket_search_grams_au"):
            db.execute(f"DROP TRIGGER {trigger}")
        db.execute("DROP TABLE ticket_grams")
        db.execute("DELETE FROM _sqlite_migrations WHERE migration_set = 'ticket_search' "
                   "AND name = '0002_ticket_grams'")
    db.close()

    db = open_db(db_path)
    try:
        assert _gram_ids(db, "杭州") == set(ids)
        assert _gram_ids(db, "05") == {ids[5]}           # YX2610005
        assert _gram_ids(db, "10") == set(ids)
        _every_piece_agrees(db)
    finally:
        db.close()


# ---------------------------------------------------------------- same results as before
def _old_where(text: str) -> tuple[str, list]:
    """The text condition of queries._where before issue 15 (LIKE for short terms)."""
    sql, params = C.search_clause("t.id", "ticket_fts", "ticket_search", "ticket_id", text)
    term = text.strip().lower()
    if re.fullmatch(r"[a-z]{3,}", term):
        sql = f"({sql} OR t.customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?))"
        params = [*params, f'"{term}"']
    return sql, params


def _old_page(db, text: str, offset: int, limit: int, order: str = "t.reported_at") -> list[int]:
    where, params = _old_where(text)
    return [r[0] for r in db.execute(f"SELECT t.id FROM tickets t WHERE {where} "
                                     f"ORDER BY {order} DESC, t.id DESC LIMIT ? OFFSET ?",
                                     [*params, limit, offset])]


def _old_counts(db, text: str) -> dict[str, int]:
    where, params = _old_where(text)
    counts = {g: 0 for g in Q.STATUS_GROUPS}
    for status, n in db.execute(f"SELECT status, count(*) FROM tickets t WHERE {where} GROUP BY status", params):
        counts[status] = n
        counts["all"] += n
    return counts


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = fx.generated_office(tmp_path_factory.mktemp("grams") / "one_year.sqlite3",
                              customers=300, tickets=1500, moves=100)
    database = open_db(path)
    yield database
    database.close()


def _terms(db) -> list[str]:
    """Common and rare fragments as the clerk types them, plus random pieces of real texts."""
    surname = db.execute("SELECT substr(contact, 1, 1) FROM customers ORDER BY id LIMIT 1").fetchone()[0]
    no = db.execute("SELECT no FROM tickets ORDER BY id DESC LIMIT 1").fetchone()[0]
    phone = db.execute("SELECT phone FROM customers WHERE phone LIKE '%-%' LIMIT 1").fetchone()
    terms = ["1", "13", "138", "1381", "杭", "杭州", "Y", "yx", "YX2", no[:7], no, surname, "1 杭", "qtz",
             "hzjg", "%", "_", "-", "0571-", "不存在", "zz"]
    if phone:
        terms.append(phone[0])
    rnd = random.Random(15)
    texts = [r[0] for r in db.execute("SELECT text FROM ticket_search ORDER BY ticket_id")]
    for _ in range(40):
        text = rnd.choice(texts)
        n = rnd.choice((1, 2, 2, 3, 4))
        i = rnd.randrange(max(1, len(text) - n))
        if text[i:i + n].strip():
            terms.append(text[i:i + n].strip())
    return terms


@pytest.mark.parametrize("plan", ["as chosen", "walk forced", "index counts forced"])
def test_pages_and_counts_are_those_of_before(generated, monkeypatch, plan):
    db = generated
    if plan == "walk forced":   # the walk's thresholds are not reached by 1 500 tickets
        monkeypatch.setattr(Q, "_is_broad", lambda *a: True)
        monkeypatch.setattr(Q, "_matches_at_least", lambda *a: True)
    if plan == "index counts forced":
        monkeypatch.setattr(Q, "_BROAD_COUNT", 0)
    checked = 0
    for text in _terms(db):
        flt = Q.TicketFilter(text=text)
        assert Q.status_counts(db, flt, now=NOW) == _old_counts(db, text), text
        for offset, limit in ((0, 500), (0, 40), (120, 40)):
            new = [r.id for r in Q.list_tickets(db, flt, now=NOW, offset=offset, limit=limit)]
            assert new == _old_page(db, text, offset, limit), (text, offset)
        new = [r.id for r in Q.list_tickets(db, flt, now=NOW, order_by="no", limit=60)]
        assert new == _old_page(db, text, 0, 60, order="t.no"), text
        checked += bool(new)
    assert checked > 30   # most terms find tickets: the comparison is not between empty lists


def test_counts_through_the_index_by_hand(db):
    """closed = all matches (counted in the index) - the tickets not closed."""
    a = fx.customer(db, "杭州建工集团有限公司", "13812345678")
    b = fx.customer(db, "王五", "0571-88886666")
    for i, status in enumerate(["closed"] * 5 + ["open", "cancelled", "dispatched"]):
        fx.ticket(db, customer_id=a, no=f"YX26100{i:02d}", status=status)
    fx.ticket(db, customer_id=b, no="ZZ0000001", status="closed")
    Q._BROAD_COUNT, old = 0, Q._BROAD_COUNT
    try:
        fast = Q.status_counts(db, Q.TicketFilter(text="杭州"), now=NOW)
        trigram = Q.status_counts(db, Q.TicketFilter(text="YX2"), now=NOW)
    finally:
        Q._BROAD_COUNT = old
    assert fast == {"all": 8, "open": 1, "dispatched": 1, "completed": 0, "reviewed": 0,
                    "closed": 5, "cancelled": 1}
    assert trigram == fast
    assert Q.status_counts(db, Q.TicketFilter(text="杭州"), now=NOW) == fast   # the plain query agrees


@pytest.mark.parametrize("text", ["13", "杭州", "YX2", "hzjg"])
def test_a_search_on_a_status_tab_walks_too(generated, monkeypatch, text):
    """The walk's sample of the newest tickets carries every column: a search on
    a status tab ('13' on 已关闭) used to fail with 'no such column: t.status'."""
    monkeypatch.setattr(Q, "_matches_at_least", lambda *a: True)
    where, params = _old_where(text)
    expected = [r[0] for r in generated.execute(
        f"SELECT t.id FROM tickets t WHERE t.status = 'closed' AND {where} "
        "ORDER BY t.reported_at DESC, t.id DESC LIMIT 100", params)]
    got = [r.id for r in Q.list_tickets(generated, Q.TicketFilter(text=text, status="closed"), now=NOW, limit=100)]
    assert got == expected and got
