"""Schema steps for the ticket_search area (append-only; never edit a released step).

Search over 100 000 tickets by number, customer name, phone or serial no.
One row of searchable text per ticket (`ticket_search`) feeds an FTS5 trigram
index (`ticket_fts`) for terms of 3+ characters and, since 0002, an index of
its 1-2 character pieces (`ticket_grams`) for shorter terms.

The text is maintained by TRIGGERS, not by Python code, because tickets are
written from several places (lifecycle, historical import, demo, test
factories with direct inserts): every one of them stays searchable without
having to remember to call a reindex function. The triggers also follow a
customer's renamed name/phone and an equipment's corrected model/serial.
"""

from __future__ import annotations

import contextlib
from typing import Iterator

import sqlite_utils
from sqlite_utils import Migrations

from servicedesk.models.core.schema_steps import execute_all, sql_step, text_search_tables

MIGRATIONS = Migrations("ticket_search")


def _text_sql(alias: str) -> str:
    """SQL expression: the searchable text of ticket `alias` (a row or NEW).

    Phones appear as stored (0571-88886666) and as digits only, so a clerk can
    type either form.
    """
    return (
        f"{alias}.no"
        f" || ' | ' || coalesce({alias}.contact, '')"
        f" || ' | ' || coalesce({alias}.phone, '') || ' ' || replace(coalesce({alias}.phone, ''), '-', '')"
        f" || ' | ' || coalesce((SELECT c.name || ' ' || c.phone || ' ' || replace(c.phone, '-', '')"
        f" || ' ' || c.phone2 FROM customers c WHERE c.id = {alias}.customer_id), '')"
        f" || ' | ' || coalesce((SELECT e.model || ' ' || e.serial_no FROM equipment e"
        f" WHERE e.id = {alias}.equipment_id), '')"
    )


sql_step(MIGRATIONS, "0001_ticket_search_index",
    # ticket_search -> ticket_fts
    *text_search_tables("ticket_search", "ticket_id", "tickets(id)", "ticket_fts",
                        update_when="old.text IS NOT new.text"),
    # tickets -> ticket_search
    f"""CREATE TRIGGER tickets_search_ai AFTER INSERT ON tickets BEGIN
            INSERT INTO ticket_search(ticket_id, text) VALUES (new.id, {_text_sql('new')});
        END""",
    f"""CREATE TRIGGER tickets_search_au
        AFTER UPDATE OF no, contact, phone, customer_id, equipment_id ON tickets BEGIN
            UPDATE ticket_search SET text = {_text_sql('new')} WHERE ticket_id = new.id;
        END""",
    """CREATE TRIGGER tickets_search_ad AFTER DELETE ON tickets BEGIN
            DELETE FROM ticket_search WHERE ticket_id = old.id;
        END""",
    # customers / equipment -> the text of their tickets
    f"""CREATE TRIGGER customers_ticket_search_au
        AFTER UPDATE OF name, phone, phone2 ON customers BEGIN
            UPDATE ticket_search SET text = (SELECT {_text_sql('t')} FROM tickets t
                                             WHERE t.id = ticket_search.ticket_id)
            WHERE ticket_id IN (SELECT id FROM tickets WHERE customer_id = new.id);
        END""",
    f"""CREATE TRIGGER equipment_ticket_search_au
        AFTER UPDATE OF model, serial_no ON equipment BEGIN
            UPDATE ticket_search SET text = (SELECT {_text_sql('t')} FROM tickets t
                                             WHERE t.id = ticket_search.ticket_id)
            WHERE ticket_id IN (SELECT id FROM tickets WHERE equipment_id = new.id);
        END""",
    # Tickets written before this step (none in a released file, but keep it honest).
    f"INSERT INTO ticket_search(ticket_id, text) SELECT t.id, {_text_sql('t')} FROM tickets t",
)



# ---------------------------------------------------------------- 0002: 1-2 character index (issue 15)
def grams_sql(text: str) -> str:
    """SQL expression: the gram tokens of `text` (a column or new./old.text).

    Every distinct 1- and 2-character piece of the text with ASCII letters
    lowered (SQLite's lower(), the folding LIKE uses), written as the hex of
    its UTF-8 bytes and sorted: 'Ab 1' -> '20 2031 31 41 4162 62 6220'... in
    upper-case hex. Hex makes any piece (a space, a '-', a 汉字) one unicode61
    token, and UTF-8 is prefix-free, so a token stands for exactly one piece:
    `text LIKE '%ab%'` holds exactly when the token of 'ab' is in the row's
    grams. Deterministic (the contentless index needs the old tokens to
    delete an entry); ticket_grams below is the same in Python.
    """
    return (f"(SELECT group_concat(g, ' ') FROM (SELECT DISTINCT hex(lower(substr({text}, p.i, n.n))) AS g"
            f" FROM (WITH RECURSIVE pos(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM pos"
            f" WHERE i < length({text})) SELECT i FROM pos) p, (SELECT 1 AS n UNION ALL SELECT 2) n"
            f" WHERE g != '' ORDER BY g))")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def gram_token(piece: str) -> str:
    """The token of a 1-2 character piece: hex of its UTF-8 bytes, ASCII letters lowered."""
    return piece.translate(_ASCII_LOWER).encode("utf-8").hex().upper()


_CHAR_TOKENS: dict[str, str] = {}


def _char_token(char: str) -> str:
    _CHAR_TOKENS[char] = token = gram_token(char)
    return token


def ticket_grams(text: str) -> str:
    """grams_sql in Python: the same tokens in the same order, for bulk (re)builds.

    The token of a piece is the concatenation of its characters' tokens (the
    UTF-8 of a string is that of its characters, one after another)."""
    token = _CHAR_TOKENS.get
    chars = [token(c) or _char_token(c) for c in (text or "")]
    tokens = set(chars)
    tokens.update(map(str.__add__, chars, chars[1:]))
    return " ".join(sorted(tokens))


@MIGRATIONS(name="0002_ticket_grams")
def _m0002(db):
    """Index of 1- and 2-character pieces of each ticket's search text (issue 15).

    The trigram index cannot match '13' or '杭州'; counting such a term was a
    LIKE over all 100 000 texts (60-150 ms per keystroke). ticket_grams is a
    contentless FTS5 table holding each ticket's distinct pieces (grams_sql),
    kept in step with ticket_search by triggers, like the text itself; it is
    filled here from the existing texts, computed in Python (the SQL form is
    slower for 100 000 rows; both give the very same tokens, a test checks).
    """
    statements = [
        "CREATE VIRTUAL TABLE ticket_grams USING fts5("
        "grams, content='', tokenize='unicode61 remove_diacritics 0', detail='none')",
        f"""CREATE TRIGGER ticket_search_grams_ai AFTER INSERT ON ticket_search BEGIN
            INSERT INTO ticket_grams(rowid, grams) VALUES (new.ticket_id, {grams_sql('new.text')});
        END""",
        f"""CREATE TRIGGER ticket_search_grams_ad AFTER DELETE ON ticket_search BEGIN
            INSERT INTO ticket_grams(ticket_grams, rowid, grams)
            VALUES ('delete', old.ticket_id, {grams_sql('old.text')});
        END""",
        f"""CREATE TRIGGER ticket_search_grams_au AFTER UPDATE ON ticket_search
        WHEN old.text IS NOT new.text OR old.ticket_id IS NOT new.ticket_id BEGIN
            INSERT INTO ticket_grams(ticket_grams, rowid, grams)
            VALUES ('delete', old.ticket_id, {grams_sql('old.text')});
            INSERT INTO ticket_grams(rowid, grams) VALUES (new.ticket_id, {grams_sql('new.text')});
        END""",
    ]
    execute_all(db, statements)
    rows = db.execute("SELECT ticket_id, text FROM ticket_search").fetchall()
    db.conn.executemany("INSERT INTO ticket_grams (rowid, grams) VALUES (?, ?)",
                        ((tid, ticket_grams(text)) for tid, text in rows))


# ---------------------------------------------------------------- bulk writes (not a step)
# The file's triggers that index a new search text: the trigram index and the grams.
_INSERT_TRIGGERS = ("ticket_search_ai", "ticket_search_grams_ai")
_PENDING = "servicedesk_unindexed"


@contextlib.contextmanager
def deferred_search_index(db: sqlite_utils.Database) -> Iterator[None]:
    """For many ticket inserts in ONE transaction (the historical import,
    issue 15): the new tickets' search texts go into the two FTS5 indexes
    (ticket_fts, ticket_grams) at the end, in one statement each, instead of
    one ticket at a time.

    Why: the import keeps every row in its own savepoint, and FTS5 writes
    out its pending entries at every savepoint, so indexing per ticket cost
    ~0.5 ms (grams by the trigger's SQL another ~1 ms). At the end the texts
    are indexed with the very tokens the triggers give (ticket_grams in
    Python equals grams_sql; test_ticket_search_grams checks it).

    How: the file's two insert triggers are dropped and a TEMP trigger (this
    connection only) notes each new ticket in a temp table instead. Should
    anything change or delete a noted text before the end, a TEMP BEFORE
    trigger indexes its old text first, so the file's own update and delete
    triggers (untouched) find the entries they remove. On the way out,
    whatever happened, the noted texts are indexed, the temp objects go and
    the file's triggers are created again from their own stored CREATE text.
    All of it inside the caller's transaction: a rollback (a bad row, a dry
    run, a crash) puts the file's triggers back by itself, and no other
    connection ever sees the file without them. Without a transaction (or in
    a file without these triggers) nothing is changed.
    """
    conn = db.conn
    stored = {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND name IN (?, ?)",
        _INSERT_TRIGGERS)}
    if len(stored) != len(_INSERT_TRIGGERS) or not conn.in_transaction:
        yield
        return
    index_old = f"""INSERT INTO ticket_fts(rowid, text) VALUES (old.ticket_id, old.text);
            INSERT INTO ticket_grams(rowid, grams) VALUES (old.ticket_id, {grams_sql('old.text')});
            DELETE FROM {_PENDING} WHERE ticket_id = old.ticket_id;"""
    pending = f"old.ticket_id IN (SELECT ticket_id FROM {_PENDING})"
    for name in _INSERT_TRIGGERS:
        conn.execute(f"DROP TRIGGER main.{name}")
    for sql in (
        f"CREATE TEMP TABLE {_PENDING} (ticket_id INTEGER PRIMARY KEY)",
        f"""CREATE TEMP TRIGGER {_PENDING}_ai AFTER INSERT ON main.ticket_search BEGIN
            INSERT OR IGNORE INTO {_PENDING}(ticket_id) VALUES (new.ticket_id);
        END""",
        f"""CREATE TEMP TRIGGER {_PENDING}_bu BEFORE UPDATE ON main.ticket_search WHEN {pending} BEGIN
            {index_old}
        END""",
        f"""CREATE TEMP TRIGGER {_PENDING}_bd BEFORE DELETE ON main.ticket_search WHEN {pending} BEGIN
            {index_old}
        END""",
    ):
        conn.execute(sql)
    try:
        yield
    finally:
        if conn.in_transaction:
            rows = conn.execute(f"SELECT s.ticket_id, s.text FROM ticket_search s JOIN {_PENDING} p "
                                "ON p.ticket_id = s.ticket_id ORDER BY s.ticket_id").fetchall()
            conn.executemany("INSERT INTO ticket_fts(rowid, text) VALUES (?, ?)", rows)
            conn.executemany("INSERT INTO ticket_grams(rowid, grams) VALUES (?, ?)",
                             [(tid, ticket_grams(text)) for tid, text in rows])
            for sql in (f"DROP TRIGGER temp.{_PENDING}_ai", f"DROP TRIGGER temp.{_PENDING}_bu",
                        f"DROP TRIGGER temp.{_PENDING}_bd", f"DROP TABLE temp.{_PENDING}"):
                conn.execute(sql)
            for name in _INSERT_TRIGGERS:
                conn.execute(stored[name])
