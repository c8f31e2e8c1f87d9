"""Customer search (DOMAIN §1): the search text, its two indexes, and the query.

A customer's name, contact, phones, address and the models, serials and
projects of its equipment go into one text (`customer_search`), indexed by
FTS5 trigrams for terms of 3+ characters and by a 1-2 character index
(`customer_grams`). The writes call `reindex_customer` inside their
transaction; `search_alternatives` and `all_terms_clause` (a query's terms
and their forms, every one to match) are shared with the ticket list's search.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

import sqlite_utils

from servicedesk.models.archive.records import SearchHit
from servicedesk.models.core.db import like_contains, transaction
from servicedesk.models.core.pinyin import search_forms, sort_key


_TEXT_COLUMNS = "name, contact, phone, phone2, address, region, dealer"


def _text_of(customer: tuple, equipment: list[str]) -> str:
    """The searchable text of a customer row (_TEXT_COLUMNS) and its equipment's
    model/serial/project fields: the fields as typed, the phones as digits, and
    the full pinyin and initials of the name and contact (issue 16: wjg finds 王建国)."""
    parts = [p for p in customer if p]
    parts += [re.sub(r"\D", "", p) for p in (customer[2], customer[3]) if p and "-" in p]
    parts += equipment
    parts += [form for value in (customer[0], customer[1]) for form in search_forms(value)]
    return " | ".join(p for p in parts if p)


_ALIAS_COLUMNS = "name, contact, phone, phone2"


def _alias_text(alias: tuple) -> list[str]:
    """What of a merged-in customer (an alias) still finds the one it was merged into."""
    return [_text_of(alias + ("", "", ""), [])]


def _search_text(db: sqlite_utils.Database, customer_id: int) -> str:
    c = db.execute(f"SELECT {_TEXT_COLUMNS} FROM customers WHERE id = ?", [customer_id]).fetchone()
    equipment: list[str] = []
    for row in db.execute(
            "SELECT model, serial_no, project_no, project_name FROM equipment WHERE customer_id = ?",
            [customer_id]):
        equipment += list(row)
    for alias in db.execute(f"SELECT {_ALIAS_COLUMNS} FROM customers WHERE merged_into = ? ORDER BY id",
                            [customer_id]):
        equipment += _alias_text(tuple(alias))
    return _text_of(c, equipment)


# Characters the 1-2 character index holds: digits, Latin letters (lower case)
# and CJK ideographs — exactly what FTS5's unicode61 tokenizer keeps as one token.
_GRAM_CHARS = r"0-9a-z\u3400-\u4dbf\u4e00-\u9fff"
_GRAM_RUN = re.compile(f"[{_GRAM_CHARS}]+")
_GRAM_TERM = re.compile(f"[{_GRAM_CHARS}]{{1,2}}")


def search_grams(text: str) -> str:
    """Distinct 1- and 2-character pieces of the text's runs of letters/digits/汉字.

    '张三 | QTZ80' -> '0 3 8 80 q qt t tz z z8 三 张 张三'. Deterministic: the
    same text always gives the same tokens, which the contentless index needs
    to delete a customer's old entry.
    """
    out: set[str] = set()
    for run in _GRAM_RUN.findall(unicodedata.normalize("NFKC", text or "").lower()):
        out.update(run)
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return " ".join(sorted(out))


def _drop_from_grams(db: sqlite_utils.Database, customer_id: int) -> None:
    old = db.execute("SELECT text FROM customer_search WHERE customer_id = ?", [customer_id]).fetchone()
    if old is not None:
        db.execute("INSERT INTO customer_grams (customer_grams, rowid, grams) VALUES ('delete', ?, ?)",
                   [customer_id, search_grams(old[0])])


def reindex_customer(db: sqlite_utils.Database, customer_id: int) -> None:
    """Refresh the customer's search text, its trigram index (by trigger) and its
    1-2 character index (here). Called inside the write's transaction."""
    text = _search_text(db, customer_id)
    _drop_from_grams(db, customer_id)
    db.execute("INSERT INTO customer_search (customer_id, text) VALUES (?, ?) "
               "ON CONFLICT(customer_id) DO UPDATE SET text = excluded.text", [customer_id, text])
    db.execute("INSERT INTO customer_grams (rowid, grams) VALUES (?, ?)", [customer_id, search_grams(text)])
    name = db.execute("SELECT name FROM customers WHERE id = ?", [customer_id]).fetchone()[0]
    key = sort_key(name)
    # The pinyin sort key of the name (list order, issue 16); written only when it changed.
    db.execute("UPDATE customers SET name_sort = ? WHERE id = ? AND name_sort IS NOT ?",
               [key, customer_id, key])


def rebuild_search_index(db: sqlite_utils.Database) -> int:
    """Rebuild every customer's search text and both indexes; returns the number of customers.

    For bulk loaders that insert rows directly (benchmarks, a repaired file):
    three queries, whatever the size of the archive.
    """
    equipment: dict[int, list[str]] = {}
    for cid, model, serial, project_no, project_name in db.execute(
            "SELECT customer_id, model, serial_no, project_no, project_name FROM equipment ORDER BY id"):
        equipment.setdefault(cid, []).extend([model, serial, project_no, project_name])
    for keep, *alias in db.execute(f"SELECT merged_into, {_ALIAS_COLUMNS} FROM customers "
                                   "WHERE merged_into IS NOT NULL ORDER BY id"):
        equipment.setdefault(keep, []).extend(_alias_text(tuple(alias)))
    rows, sort_keys = [], []
    for c in db.execute(f"SELECT id, {_TEXT_COLUMNS} FROM customers"):
        rows.append((c[0], _text_of(c[1:], equipment.get(c[0], []))))
        sort_keys.append((sort_key(c[1]), c[0]))
    with transaction(db):
        db.execute("DELETE FROM customer_search")
        db.execute("INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')")
        db.execute("INSERT INTO customer_grams (customer_grams) VALUES ('delete-all')")
        db.conn.executemany("INSERT INTO customer_search (customer_id, text) VALUES (?, ?)", rows)
        db.conn.executemany("INSERT INTO customer_grams (rowid, grams) VALUES (?, ?)",
                            [(cid, search_grams(text)) for cid, text in rows])
        db.conn.executemany("UPDATE customers SET name_sort = ? WHERE id = ?", sort_keys)
    return len(rows)


_PHONE_LIKE = re.compile(r"^\+?[\d\-()（）]+$")
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}(-\d{1,2})?$")


def search_alternatives(query: str) -> list[list[str]]:
    """Split the search text into terms, each with the forms it may match.

    Full-width input folds to ASCII (NFKC). A term that looks like a phone
    (138-1234-5678, 0571-8888, (0571)8888) may also match as its digits, which
    the index holds for every phone; but the term as typed is searched too,
    since a serial with a dash (2501-0001, 2023-0456) looks just like a phone
    and must still be found. Dates (2026-10-01) are left as typed.
    """
    text = unicodedata.normalize("NFKC", query or "").strip()
    out = []
    for term in re.split(r"\s+", text):
        if not term:
            continue
        forms = [term]
        if _PHONE_LIKE.match(term) and not _DATE_LIKE.match(term):
            digits = re.sub(r"\D", "", term)
            if term.startswith("+86") and len(digits) > 2:
                digits = digits[2:]
            if digits and digits != term and (len(digits) >= 7 or "-" not in term):
                forms.append(digits)
        out.append(forms)
    return out


def _search_terms(query: str) -> list[str]:
    """Every form of every term (see search_alternatives), flattened."""
    return [form for forms in search_alternatives(query) for form in forms]


def all_terms_clause(query: str, form_sql: Callable[[str], tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
    """SQL condition (positional '?') that every term of `query` holds, in one of
    its forms (search_alternatives): `form_sql(form)` gives one form's condition.
    "1" for a blank query. Shared by the customer and ticket searches."""
    clauses, params = [], []
    for forms in search_alternatives(query):
        parts = [form_sql(form) for form in forms]
        clauses.append(parts[0][0] if len(parts) == 1 else "(" + " OR ".join(p[0] for p in parts) + ")")
        for _, p in parts:
            params += p
    return (" AND ".join(clauses) or "1"), params


def _term_source(fts_table: str, text_table: str, text_key: str, term: str,
                 gram_table: str | None) -> tuple[str, list[Any], bool]:
    """The ids whose text holds `term`: a SELECT, its parameters, and whether
    an index answers it (MATCH) rather than a LIKE over every text."""
    if len(term) >= 3:
        return f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?", ['"' + term.replace('"', '""') + '"'], True
    if gram_table and _GRAM_TERM.fullmatch(term.lower()):
        return f"SELECT rowid FROM {gram_table} WHERE {gram_table} MATCH ?", [f'"{term.lower()}"'], True
    return f"SELECT {text_key} FROM {text_table} WHERE text LIKE ? ESCAPE '\\'", [like_contains(term)], False


def _term_clause(column_rowid: str, fts_table: str, text_table: str, text_key: str, term: str,
                 gram_table: str | None) -> tuple[str, list[Any]]:
    source, params, _indexed = _term_source(fts_table, text_table, text_key, term, gram_table)
    return f"{column_rowid} IN ({source})", params


def search_clause(column_rowid: str, fts_table: str, text_table: str, text_key: str,
                  query: str, gram_table: str | None = None) -> tuple[str, list[Any]]:
    """SQL condition for substring search: FTS5 trigram for terms of 3+ characters;
    for 1-2 character terms the `gram_table` index when given (customers), else
    LIKE over the same text (trigram cannot match those). Every term must match
    (in one of its forms: as typed, or as digits when it looks like a phone).
    Shared by every searchable list (customers, tickets)."""
    return all_terms_clause(query, lambda form: _term_clause(column_rowid, fts_table, text_table, text_key, form,
                                                            gram_table))


def _customer_clause(query: str) -> tuple[str, list[Any]]:
    """The customers `query` finds; merged-in customers (aliases) are never listed:
    their names and phones are in the text of the one they were merged into."""
    where, params = search_clause("c.id", "customer_fts", "customer_search", "customer_id", query,
                                  gram_table="customer_grams")
    # `+` keeps the planner off idx_customers_merged_into: nearly every customer
    # is not merged, and that index would make it sort them all by name (issue 15).
    return f"+c.merged_into IS NULL AND ({where})", params


def _walk_test(term: str) -> tuple[str, list[Any]] | None:
    """`term` as a test of customer c by its one search text, or None when LIKE
    would not find exactly what the index finds. The text is stored NFKC-folded
    (validation.normalise_text), so for digits, ASCII letters and 汉字 LIKE's
    ASCII case folding agrees with both indexes."""
    if not term.isascii() and not all(c.lower() == c.upper() for c in term):
        return None
    return ("EXISTS (SELECT 1 FROM customer_search s WHERE s.customer_id = c.id AND s.text LIKE ? ESCAPE '\\')",
            [like_contains(term)])


def _customer_term(term: str) -> tuple[str, list[Any], bool]:
    return _term_source("customer_fts", "customer_search", "customer_id", term, "customer_grams")


def _walkable(term: str) -> bool:
    """Can `term` be tested customer by customer (_walk_test) and counted in an index?"""
    return _walk_test(term) is not None and _customer_term(term)[2]


def _index_count(db: sqlite_utils.Database, term: str, cap: int | None = None) -> int:
    """How many customers' texts (merged-in ones too) hold `term`, stopped at `cap`."""
    source, params, _indexed = _customer_term(term)
    limit = f" LIMIT {int(cap)}" if cap else ""
    return db.execute(f"SELECT count(*) FROM ({source}{limit})", params).fetchone()[0]


# A broad term ('1', 'T', '杭州') matches most of the archive: fetching every
# match through the index and sorting them by name costs 30-50 ms on 30 000
# customers, while walking the name index and testing each customer (LIKE on
# its one text, ~2 µs) stops at the page's last row. The walk is tried when at
# least 1 in _WALK_SPAN customers match, and visits at most _WALK_SPAN rows per
# row the page needs: matches that cluster late in name order (绍兴… sorts
# under s) run out of visits, and the caller falls back to the index.
_WALK_SPAN = 6


@dataclass(frozen=True)
class CustomerWalk:
    """The customers a query finds as per-customer tests (`where`, `params`),
    how many rows of the name index the walk may visit, and whether those are
    every customer (then a short page is the whole answer)."""
    where: str
    params: list[Any]
    visits: int
    visits_all: bool


def customer_walk(db: sqlite_utils.Database, query: str, rows_needed: int) -> CustomerWalk | None:
    """A walk of the name index for `query` when it is broad enough to pay, else
    None (use `_customer_clause`). Finds the same customers either way."""
    alternatives = search_alternatives(query)
    if not alternatives:
        return None
    total = db.execute("SELECT max(rowid) FROM customers").fetchone()[0] or 0
    needed = max(total // _WALK_SPAN, rows_needed)
    for forms in alternatives:
        if not all(_walkable(form) for form in forms):
            return None
        if sum(_index_count(db, form, needed) for form in forms) < needed:
            return None
    where, params = all_terms_clause(query, _walk_test)
    visits = _WALK_SPAN * rows_needed
    return CustomerWalk(f"+c.merged_into IS NULL AND {where}", params, visits, visits >= total)


def count_matching(db: sqlite_utils.Database, query: str) -> int | None:
    """How many customers (not merged) a one-term, one-form query finds,
    counted in the index (1 ms even when every customer matches) less the
    merged-in customers it holds (few; tested one by one). None for other
    queries: the caller counts them the usual way."""
    alternatives = search_alternatives(query)
    if len(alternatives) != 1 or len(alternatives[0]) != 1:
        return None
    term = alternatives[0][0]
    if not _walkable(term):
        return None
    test = _walk_test(term)
    merged = db.execute(f"SELECT count(*) FROM customers c WHERE c.merged_into IS NOT NULL AND {test[0]}",
                        test[1]).fetchone()[0]
    return _index_count(db, term) - merged


def search(db: sqlite_utils.Database, query: str, limit: int = 200) -> list[SearchHit]:
    """Customers (with their matching equipment) whose name, contact, phone,
    address, model or serial contains every term of `query`.

    Two queries whatever the number of hits: the customers, then the
    equipment of all of them at once.
    """
    terms = _search_terms(query)
    if not terms:
        return []
    where, params = _customer_clause(query)
    rows = list(db.query(f"SELECT c.* FROM customers c WHERE {where} ORDER BY c.name_sort, c.id LIMIT ?",
                         params + [limit]))
    by_customer: dict[int, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
    if rows:
        marks = ", ".join("?" * len(rows))
        for e in db.query(
                "SELECT id, customer_id, model, serial_no, project_no, active FROM equipment "
                f"WHERE customer_id IN ({marks}) ORDER BY model, serial_no", list(by_customer)):
            by_customer[e["customer_id"]].append(e)
    lowered = [t.lower() for t in terms]
    hits = []
    for row in rows:
        matched = [
            {k: e[k] for k in ("id", "model", "serial_no", "project_no", "active")}
            for e in by_customer[row["id"]]
            if any(t in " ".join(str(e[k] or "") for k in ("model", "serial_no", "project_no")).lower()
                   for t in lowered)]
        hits.append(SearchHit(row["id"], row["name"], row["contact"], row["phone"], row["address"],
                              row["dealer"], matched, bool(row["active"])))
    return hits
