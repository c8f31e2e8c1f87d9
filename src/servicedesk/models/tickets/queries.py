"""The read side of repair tickets: the tickets tab's list, counts and search.

Built for 100 000 tickets: every figure is computed by SQLite in one query
(joins, a correlated group_concat for the team of the rows on the page only),
the page is cut first and decorated afterwards, and search goes through the
trigger-maintained indexes of tickets/search_schema.py: FTS5 trigrams for
terms of 3+ characters, the 1-2 character index ticket_grams for shorter ones
(issue 15). A common term is paged by walking the date index and its tab
counts come from the index's own count (list_tickets, _search_counts).

The deadline and SLA state follow models/ticket_rules.py exactly (same
settings, same "exactly at the limit is on time"); they are expressed in SQL
here so the list can filter and sort by them without loading every ticket.
The only difference from ticket_rules.sla_state is deliberate: a ticket that
is no longer waiting for a visit (completed, reviewed, closed) without an
arrival shows 'missed' instead of a live 'overdue', and a cancelled ticket
has no SLA state at all - only open and dispatched tickets can be overdue.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, fields, replace
from typing import Any

import sqlite_utils

from servicedesk.models.archive.search_index import all_terms_clause, search_alternatives
from servicedesk.models.core.db import like_contains, now_iso
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.tickets.rules import LEVELS, Limits, load_limits
from servicedesk.models.tickets.search_schema import gram_token

# Status tabs of the tickets tab, in order. Each group is one ticket status
# except 'all'. (completed = 待审核, reviewed = 待回访 in the office's words.)
STATUS_GROUPS = ("all", "open", "dispatched", "completed", "reviewed", "closed", "cancelled")
TICKET_TYPES = ("repair", "installation", "inspection", "technical_service", "complaint")
# Tickets that still wait for their deadline moment (arrival / remote fix).
LIVE_STATUSES = ("open", "dispatched")


@dataclass
class TicketFilter:
    """What the clerk chose in the filter bar; every field narrows the list."""

    status: str = "all"               # one of STATUS_GROUPS
    level: int | None = None          # 1-4; 0 = tickets without a level
    type: str | None = None           # one of TICKET_TYPES
    technician_id: int | None = None  # any team member (leader or not)
    month: str | None = None          # 'YYYY-MM' of reported_at
    overdue_only: bool = False
    text: str = ""                    # number, customer name, phone, serial (substring)
    customer_id: int | None = None
    equipment_id: int | None = None


@dataclass
class TicketRow:
    """One line of the tickets list (everything the table and its colours need)."""

    id: int
    no: str
    status: str
    type: str
    channel: str
    fault_level: int | None
    customer_id: int
    customer_name: str
    contact: str
    phone: str
    equipment_id: int | None
    model: str
    serial_no: str
    reported_at: str
    deadline: str | None          # on-site deadline (level 4: remote resolution)
    arrived_at: str | None
    completed_at: str | None
    result: str | None
    warranty: str | None
    sla: str                      # on_time | due_soon | overdue | met | missed | '' (cancelled)
    technicians: str              # names joined by '、', leader first
    fault: str = ""


# Sortable keys -> SQL (the view passes these through set_order).
def _order_sql(key: str, limits: Limits) -> str:
    mapping = {
        "no": "t.no",
        "status": "t.status",
        "type": "t.type",
        "channel": "t.channel",
        "fault_level": "t.fault_level",
        "customer_name": "c.name",
        "phone": "t.phone",
        "reported_at": "t.reported_at",
        "deadline": deadline_sql(limits),
        "completed_at": "t.completed_at",
        "arrived_at": "t.arrived_at",
        "result": "t.result",
        "warranty": "t.warranty",
    }
    if key not in mapping:
        raise ValidationError(f"Cannot sort tickets by {key!r}.", "order_by")
    return mapping[key]


ORDER_KEYS = ("no", "status", "type", "channel", "fault_level", "customer_name", "phone",
              "reported_at", "deadline", "completed_at", "arrived_at", "result", "warranty")


# ---------------------------------------------------------------- SQL pieces
def deadline_sql(limits: Limits, alias: str = "t") -> str:
    """SQL: the on-site deadline of ticket `alias` (ticket_rules.onsite_deadline).

    Minutes are integers from the settings, inlined as literals so the same
    expression can be used in WHERE, ORDER BY and the select list.
    """
    cases = " ".join(f"WHEN {int(lv)} THEN {int(limits.onsite[lv])}" for lv in LEVELS
                     if lv in limits.onsite)
    minutes = f"(CASE {alias}.fault_level {cases} ELSE {int(limits.default_onsite)} END)"
    return f"datetime({alias}.reported_at, '+' || {minutes} || ' minutes')"


def moment_sql(alias: str = "t") -> str:
    """SQL: the moment the deadline is judged by: arrival, or completion for level 4."""
    return f"(CASE WHEN {alias}.fault_level = 4 THEN {alias}.completed_at ELSE {alias}.arrived_at END)"


def overdue_sql(limits: Limits, now_param: str = "?", alias: str = "t") -> str:
    """SQL condition: still waiting (open/dispatched), no arrival/remote fix, deadline passed."""
    return (f"({alias}.status IN ('open', 'dispatched') AND {moment_sql(alias)} IS NULL "
            f"AND {deadline_sql(limits, alias)} < {now_param})")


def _sla_sql(limits: Limits) -> str:
    moment, deadline = moment_sql("t"), deadline_sql(limits)
    return (
        f"CASE WHEN {moment} IS NOT NULL THEN (CASE WHEN {moment} <= {deadline} THEN 'met' ELSE 'missed' END) "
        "WHEN t.status = 'cancelled' THEN '' "
        "WHEN t.status NOT IN ('open', 'dispatched') THEN 'missed' "
        f"WHEN :now > {deadline} THEN 'overdue' "
        f"WHEN {deadline} <= datetime(:now, '+{int(limits.due_soon)} minutes') THEN 'due_soon' "
        "ELSE 'on_time' END"
    )


def _month_bounds(month: str) -> tuple[str, str]:
    try:
        first = _dt.date.fromisoformat(f"{month}-01")
    except (TypeError, ValueError):
        raise ValidationError(f'"{month}" is not a month (use 2026-10).', "month") from None
    nxt = _dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return f"{first.isoformat()} 00:00:00", f"{nxt.isoformat()} 00:00:00"


def _where(flt: TicketFilter, limits: Limits, with_status: bool = True,
           walk: bool = False) -> tuple[str, dict[str, Any]]:
    """WHERE clause (named parameters) for a filter; `:now` is always bound by the caller.

    `walk`: the search terms as per-ticket tests (see _term_sql), for a plan
    that walks an index of tickets in the page's order."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if with_status and flt.status and flt.status != "all":
        if flt.status not in STATUS_GROUPS:
            raise ValidationError(f"Unknown status group {flt.status!r}.", "status")
        clauses.append("t.status = :status")
        params["status"] = flt.status
    if flt.level is not None:
        if flt.level == 0:
            clauses.append("t.fault_level IS NULL")
        else:
            clauses.append("t.fault_level = :level")
            params["level"] = int(flt.level)
    if flt.type:
        if flt.type not in TICKET_TYPES:
            raise ValidationError(f"Unknown ticket type {flt.type!r}.", "type")
        clauses.append("t.type = :type")
        params["type"] = flt.type
    if flt.technician_id:
        if flt.month or walk:
            # A month is a few hundred tickets; the technician's are ten years
            # of them: test each ticket of the month (its team's primary key),
            # so the month's date range drives the plan (issue 15). Walking the
            # date index (walk) tests each ticket the same way.
            clauses.append("EXISTS (SELECT 1 FROM ticket_technicians tt WHERE tt.ticket_id = t.id "
                           "AND tt.technician_id = :technician_id)")
        else:
            clauses.append("t.id IN (SELECT tt.ticket_id FROM ticket_technicians tt "
                           "WHERE tt.technician_id = :technician_id)")
        params["technician_id"] = int(flt.technician_id)
    if flt.month:
        params["month_from"], params["month_to"] = _month_bounds(flt.month)
        clauses.append("t.reported_at >= :month_from AND t.reported_at < :month_to")
    if flt.customer_id:
        clauses.append("t.customer_id = :customer_id")
        params["customer_id"] = int(flt.customer_id)
    if flt.equipment_id:
        clauses.append("t.equipment_id = :equipment_id")
        params["equipment_id"] = int(flt.equipment_id)
    if flt.overdue_only:
        clauses.append(overdue_sql(limits, ":now"))
    if flt.text and flt.text.strip():
        sql, positional = _text_clause(flt.text, walk)
        term = flt.text.strip().lower()
        if re.fullmatch(r"[a-z]{3,}", term):
            # One word of 3+ letters may be a customer's pinyin or initials (hzjg,
            # issue 16): the customer index holds those; its few matches are
            # looked up by the tickets' customer index.
            sql = f"({sql} OR t.customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?))"
            positional = [*positional, f'"{term}"']
        # The clauses speak positional '?'; rename to named parameters.
        for i, value in enumerate(positional):
            sql = sql.replace("?", f":q{i}", 1)
            params[f"q{i}"] = value
        clauses.append(f"({sql})")
    return (" AND ".join(clauses) or "1"), params


def _likeable(term: str) -> bool:
    """Does `text LIKE '%term%'` find exactly what the index finds for `term`?

    Always for 1-2 characters (ticket_grams is built on LIKE's own folding);
    for a trigram term when it has no letters beyond ASCII that fold (the
    trigram tokenizer folds every letter's case, LIKE only ASCII's).
    """
    return len(term) < 3 or all(c.isascii() or c.lower() == c.upper() for c in term)


def _term_sql(term: str, walk: bool) -> tuple[str, list[Any]]:
    """One form of one search term: the tickets whose search text contains it.

    3+ characters: the trigram index (ticket_fts); 1-2 characters: the gram
    index (ticket_grams, issue 15). `walk` phrases it as a test of ticket t by
    its primary key (LIKE on its one text) - the same tickets, but a plan
    walking the date index can then stop at the page's LIMIT instead of
    fetching every match of a common term and sorting them.
    """
    if walk and _likeable(term):
        return ("EXISTS (SELECT 1 FROM ticket_search s WHERE s.ticket_id = t.id AND s.text LIKE ? ESCAPE '\\')",
                [like_contains(term)])
    table, match = _index_of(term)
    return f"t.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)", [match]


def _index_of(term: str) -> tuple[str, str]:
    """The index that answers `term` and the MATCH expression for it."""
    if len(term) >= 3:
        return "ticket_fts", '"' + term.replace('"', '""') + '"'
    return "ticket_grams", f'"{gram_token(term)}"'


def _text_clause(text: str, walk: bool = False) -> tuple[str, list[Any]]:
    """SQL condition (positional '?') for the search box: every term must be
    contained in the ticket's search text, in one of its forms (as typed, or
    as digits when it looks like a phone: archive.search_index)."""
    return all_terms_clause(text, lambda form: _term_sql(form, walk))


def _now(now: str | None) -> str:
    return now or now_iso()


# ---------------------------------------------------------------- queries
_ROW_FIELDS = [f.name for f in fields(TicketRow)]


def _row_select(limits: Limits) -> str:
    """The SELECT list of one TicketRow (aliases t, c, e = ticket, customer,
    equipment; `:now` bound by the caller), shared by the paged list and the
    single-row refresh so both always show the same columns."""
    deadline, sla = deadline_sql(limits), _sla_sql(limits)
    return f"""SELECT t.id, t.no, t.status, t.type, t.channel, t.fault_level,
               t.customer_id, c.name AS customer_name, t.contact,
               CASE WHEN t.phone != '' THEN t.phone ELSE c.phone END AS phone,
               t.equipment_id, coalesce(e.model, '') AS model, coalesce(e.serial_no, '') AS serial_no,
               t.reported_at, {deadline} AS deadline, t.arrived_at, t.completed_at,
               t.result, t.warranty, {sla} AS sla,
               coalesce((SELECT group_concat(name, '、') FROM (
                    SELECT tech.name AS name FROM ticket_technicians tt
                    JOIN technicians tech ON tech.id = tt.technician_id
                    WHERE tt.ticket_id = t.id
                    ORDER BY tt.is_leader DESC, tech.name)), '') AS technicians,
               t.fault"""


def list_tickets(db: sqlite_utils.Database, flt: TicketFilter | None = None, *,
                 order_by: str = "reported_at", descending: bool = True,
                 offset: int = 0, limit: int = 200, now: str | None = None,
                 limits: Limits | None = None) -> list[TicketRow]:
    """One page of tickets for the list, sorted by the database.

    The page (ids only) is cut first using the indexes, then only those rows
    are joined with customer, equipment and team names - so the cost does not
    grow with the number of tickets. Ties are broken by id, newest first, so
    pages never overlap or skip rows.
    """
    flt = flt or TicketFilter()
    limits = limits or load_limits(db)
    where, params = _where(flt, limits)
    order = _order_sql(order_by, limits)
    direction = "DESC" if descending else "ASC"
    join_c = "JOIN customers c ON c.id = t.customer_id" if order_by == "customer_name" else ""
    params.update(now=_now(now), limit=int(limit), offset=int(offset))
    if order_by in _WALKABLE_ORDERS and (flt.text.strip() or (flt.technician_id and not flt.month)):
        walk_where, walk_params = _where(flt, limits, walk=True)
        walk_params.update(now=params["now"], limit=params["limit"], offset=params["offset"])
        if (walk_where != where and _enough_to_walk(db, flt, _WALK_FACTOR * (int(offset) + int(limit)))
                and _is_broad(db, walk_where, walk_params)):
            where, params = walk_where, walk_params
    sql = f"""
        WITH page AS (
            SELECT t.id FROM tickets t {join_c}
            WHERE {where}
            ORDER BY {order} {direction}, t.id {direction}
            LIMIT :limit OFFSET :offset
        )
        {_row_select(limits)}
        FROM page p
        JOIN tickets t ON t.id = p.id
        JOIN customers c ON c.id = t.customer_id
        LEFT JOIN equipment e ON e.id = t.equipment_id
        ORDER BY {order} {direction}, t.id {direction}
    """
    return [TicketRow(**{k: row[k] for k in _ROW_FIELDS}) for row in db.query(sql, params)]


# Orders an index of tickets delivers (idx_tickets_reported/_completed, the
# UNIQUE no): walking one of them can stop at the page's LIMIT.
_WALKABLE_ORDERS = ("reported_at", "completed_at", "no")
_SAMPLE, _BROAD_HITS = 2000, 20   # >= 1 % of the newest tickets match -> "broad"
# Why walk (issue 15): a common fragment ('13', '杭州', 'YX2') matches tens of
# thousands of tickets; fetched through an index they are all looked up and
# sorted (100-200 ms) while the newest 500 matches are among the first few
# hundred tickets in date order. Tested per ticket (_where(walk=True)) the
# walk of the date index stops at the page's LIMIT. A rare term (one serial,
# one number) is faster the usual way, from its few matches: _is_broad decides,
# and so does a term that is common lately but has too few matches in all
# (YX26090: this month's numbers) - the walk would not stop before the oldest
# ticket: walk only when there are _WALK_FACTOR times the rows the page needs.
_WALK_FACTOR = 10




def _is_broad(db: sqlite_utils.Database, walk_where: str, params: dict[str, Any]) -> bool:
    """Do at least 1 % of the newest tickets match? Then a walk in date order
    finds a page at once; a rare term (one serial, one number) is faster the
    usual way, from its few matches. Costs a few ms whatever the data size."""
    hits = db.execute(f"SELECT count(*) FROM (SELECT * FROM tickets ORDER BY id DESC LIMIT {_SAMPLE}) t "
                      f"WHERE {walk_where}", params).fetchone()[0]
    return hits >= _BROAD_HITS


def _enough_to_walk(db: sqlite_utils.Database, flt: TicketFilter, n: int) -> bool:
    """Do the search terms and the technician each have at least `n` tickets?"""
    if flt.text.strip() and not _matches_at_least(db, flt.text, n):
        return False
    if flt.technician_id:
        found = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM ticket_technicians WHERE technician_id = ? "
                           f"LIMIT {int(n)})", [int(flt.technician_id)]).fetchone()[0]
        return found >= n
    return True


def _matches_at_least(db: sqlite_utils.Database, text: str, n: int) -> bool:
    """Has every term of the search at least `n` matches in its index? (Counted
    in the index alone and stopped at n; only chooses the plan, never the rows.)"""
    for forms in search_alternatives(text):
        found = 0
        for form in forms:
            table, match = _index_of(form)
            found += db.execute(f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? "
                                f"LIMIT {int(n)})", [match]).fetchone()[0]
        if found < n:
            return False
    return True


def count_tickets(db: sqlite_utils.Database, flt: TicketFilter | None = None, *,
                  now: str | None = None, limits: Limits | None = None) -> int:
    """How many tickets the filter matches (the status bar's 共 M)."""
    flt = flt or TicketFilter()
    limits = limits or load_limits(db)
    where, params = _where(flt, limits)
    params["now"] = _now(now)
    return db.execute(f"SELECT count(*) FROM tickets t WHERE {where}", params).fetchone()[0]


def status_counts(db: sqlite_utils.Database, flt: TicketFilter | None = None, *,
                  now: str | None = None, limits: Limits | None = None) -> dict[str, int]:
    """Count per status tab for the other filters (the filter's status is ignored).

    One GROUP BY query; 'all' is the sum. Every group is present (0 when empty).
    """
    flt = replace(flt or TicketFilter(), status="all")
    limits = limits or load_limits(db)
    fast = _search_counts(db, flt, limits, _now(now))
    if fast is None:
        fast = _technician_counts(db, flt)
    if fast is not None:
        return fast
    where, params = _where(flt, limits, with_status=False)
    params["now"] = _now(now)
    counts = {group: 0 for group in STATUS_GROUPS}
    for status, n in db.execute(
            f"SELECT t.status, count(*) FROM tickets t WHERE {where} GROUP BY t.status", params):
        counts[status] = n
        counts["all"] += n
    return counts


_BROAD_COUNT = 2000   # matches from which counting through the index pays


def _search_counts(db: sqlite_utils.Database, flt: TicketFilter, limits: Limits,
                   now: str) -> dict[str, int] | None:
    """status_counts of a search for one common term, without visiting its matches.

    'YX2' or '13' match tens of thousands of tickets; grouping them by status
    means looking each one up (60-150 ms). Instead the index counts the term's
    matches (a few ms), the few tickets not closed are walked by the status
    index and tested one by one, and closed = all - the others: the same
    figures. None (use the plain query) unless the filter is one term of one
    form with no other condition, and it matches at least _BROAD_COUNT tickets.
    """
    if replace(flt, text="") != TicketFilter():
        return None
    alternatives = search_alternatives(flt.text)
    if len(alternatives) != 1 or len(alternatives[0]) != 1:
        return None
    term = alternatives[0][0]
    if re.fullmatch(r"[a-z]{3,}", flt.text.strip().lower()) or not _likeable(term):
        return None   # pinyin also searches the customers' index; a folding letter is not LIKE's
    table, match = _index_of(term)
    total = db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", [match]).fetchone()[0]
    if total < _BROAD_COUNT:
        return None
    test, params = _term_sql(term, walk=True)
    others = [g for g in STATUS_GROUPS if g not in ("all", "closed")]
    counts = {group: 0 for group in STATUS_GROUPS}
    for status, n in db.execute(
            f"SELECT t.status, count(*) FROM tickets t WHERE t.status IN ({', '.join('?' * len(others))}) "
            f"AND {test} GROUP BY t.status", [*others, *params]):
        counts[status] = n
    counts["closed"] = total - sum(counts.values())
    counts["all"] = total
    return counts


def _technician_counts(db: sqlite_utils.Database, flt: TicketFilter) -> dict[str, int] | None:
    """status_counts of one technician's tickets without grouping all of them:
    their number from the team index, the few not closed by the status
    index tested one by one, closed = all - the others (as _search_counts).
    None unless the filter is the technician alone and they have _BROAD_COUNT."""
    if not flt.technician_id or replace(flt, technician_id=None) != TicketFilter():
        return None
    tech = int(flt.technician_id)
    total = db.execute("SELECT count(*) FROM ticket_technicians WHERE technician_id = ?", [tech]).fetchone()[0]
    if total < _BROAD_COUNT:
        return None
    others = [g for g in STATUS_GROUPS if g not in ("all", "closed")]
    counts = {group: 0 for group in STATUS_GROUPS}
    for status, n in db.execute(
            f"SELECT t.status, count(*) FROM tickets t WHERE t.status IN ({', '.join('?' * len(others))}) "
            "AND EXISTS (SELECT 1 FROM ticket_technicians tt WHERE tt.ticket_id = t.id AND tt.technician_id = ?) "
            "GROUP BY t.status", [*others, tech]):
        counts[status] = n
    counts["closed"] = total - sum(counts.values())
    counts["all"] = total
    return counts


def overdue_count(db: sqlite_utils.Database, *, now: str | None = None,
                  limits: Limits | None = None) -> int:
    """Open/dispatched tickets past their on-site deadline (dashboard badge)."""
    return count_tickets(db, TicketFilter(overdue_only=True), now=now, limits=limits)


def ticket_row(db: sqlite_utils.Database, ticket_id: int, *, now: str | None = None,
               limits: Limits | None = None) -> TicketRow | None:
    """The list line of one ticket (after an action refreshes a single row)."""
    limits = limits or load_limits(db)
    rows = list(db.query(f"""
        {_row_select(limits)}
        FROM tickets t JOIN customers c ON c.id = t.customer_id
        LEFT JOIN equipment e ON e.id = t.equipment_id
        WHERE t.id = :id""", {"id": int(ticket_id), "now": _now(now)}))
    return TicketRow(**{k: rows[0][k] for k in _ROW_FIELDS}) if rows else None


def ticket_id_for_no(db: sqlite_utils.Database, no: str) -> int | None:
    row = db.execute("SELECT id FROM tickets WHERE no = ?", [str(no).strip().upper()]).fetchone()
    return row[0] if row else None


# ---------------------------------------------------------------- filter choices
@dataclass(frozen=True)
class TechnicianChoice:
    id: int
    name: str
    role: str
    active: bool


def technician_choices(db: sqlite_utils.Database, *, active_only: bool = False) -> list[TechnicianChoice]:
    """Technicians for the filter and the dispatch dialog (active first, then by name)."""
    sql = "SELECT id, name, role, active FROM technicians"
    if active_only:
        sql += " WHERE active = 1"
    sql += " ORDER BY active DESC, name"
    return [TechnicianChoice(r[0], r[1], r[2], bool(r[3])) for r in db.execute(sql)]


def ticket_months(db: sqlite_utils.Database, today: _dt.date | None = None) -> list[str]:
    """'YYYY-MM' from the newest month (or this month) back to the oldest ticket's month.

    Uses min/max over the reported_at index (two index lookups), not a scan.
    """
    first, last = db.execute("SELECT min(reported_at), max(reported_at) FROM tickets").fetchone()
    today = today or _dt.date.today()
    newest = max(filter(None, [last[:7] if last else None, today.strftime("%Y-%m")]))
    oldest = first[:7] if first else today.strftime("%Y-%m")
    months = []
    year, month = int(newest[:4]), int(newest[5:7])
    while f"{year:04d}-{month:02d}" >= oldest and len(months) < 600:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months
