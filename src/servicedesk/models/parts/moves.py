"""The stock ledger core (配件台账, DOMAIN §3): posting lines and reading them back.

Every movement of stock is one append-only line in `stock_moves`; the part's
book stock (`parts.balance`) is kept in the same transaction by `_post`, the
one writer of ledger lines, so a balance is one row read even with 500 000
lines. Book stock never goes negative, also not at any later point in time
for a backdated line. Lines are never edited: a wrong receipt, issue, return
or scrap is corrected by `reverse_move`. The kinds of lines that leave
through a ticket, the old-for-new exchange and the low-stock figures build
on this module (`ticket_parts`, `old_parts`, `reorder`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from servicedesk.models.core.db import like_contains, now_iso, transaction
from servicedesk.models.core.errors import DomainError, NotFound, StateError, ValidationError
from servicedesk.models.core.validation import (
    normalise_text, parse_date, parse_datetime, parse_int, require_text,
)
from servicedesk.models.parts.part_master import _part_row


# Kinds of ledger line, with the office's own words (workbooks use these).
KIND_LABELS: dict[str, str] = {
    "receipt": "入库",
    "issue": "领用出库",
    "return": "退库",
    "exchange": "以旧换新",
    "old_in": "旧件入库",
    "scrap": "报废",
    "adjust": "盘点调整",
}
# Lines that move stock to or from a ticket: their sum is what the ticket used.
TICKET_KINDS = ("issue", "return", "exchange")
# Kinds a clerk may reverse with reverse_move (an exchange is undone by a return,
# an adjustment by the next count).
REVERSIBLE_KINDS = ("receipt", "issue", "return", "scrap")

# stock_at: the part's stock right after the line in DATE order (what a 台账
# shows as 结存), = current balance minus every line dated after it. For the
# newest lines (the usual view) only a few later lines are read.
STOCK_AT = """p.balance - COALESCE((SELECT SUM(x.qty) FROM stock_moves x WHERE x.part_id = m.part_id
                  AND x.at >= m.at AND (x.at > m.at OR x.id > m.id)), 0)"""
MOVE_SELECT = f"""
    SELECT m.*, p.code AS part_code, p.name AS part_name, p.spec AS part_spec, p.unit AS unit,
           t.no AS ticket_no, tech.name AS technician_name, {STOCK_AT} AS stock_at
    FROM stock_moves m
    JOIN parts p ON p.id = m.part_id
    LEFT JOIN tickets t ON t.id = m.ticket_id
    LEFT JOIN technicians tech ON tech.id = m.technician_id
"""


@dataclass
class Move:
    id: int
    part_id: int
    part_code: str
    part_name: str
    part_spec: str
    unit: str
    at: str
    kind: str
    qty: int
    balance_after: int
    unit_price_fen: int = 0
    who: str = ""
    reason: str = ""
    ticket_id: int | None = None
    ticket_no: str | None = None
    technician_id: int | None = None
    technician_name: str | None = None
    recipient: str = ""
    supplier: str = ""
    document_no: str = ""
    old_serial: str = ""
    old_condition: str = ""
    exchange_id: int | None = None
    reverses_id: int | None = None
    count_id: int | None = None
    created_at: str = ""
    stock_at: int | None = None          # stock right after this line in date order
    running_balance: int | None = None   # the same, computed by part_history

    @property
    def out_of_order(self) -> bool:
        """Lines were booked out of date order around this one (a historical
        import or a backdated line): balance_after, the book stock when it
        was posted, then differs from stock_at."""
        return self.stock_at is not None and self.stock_at != self.balance_after

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def amount_fen(self) -> int:
        return self.qty * self.unit_price_fen


@dataclass
class LedgerFilter:
    part_id: int | None = None
    kind: str | None = None
    date_from: str | None = None     # 'YYYY-MM-DD', inclusive
    date_to: str | None = None       # 'YYYY-MM-DD', inclusive
    ticket: str | None = None        # ticket number (prefix match)
    technician_id: int | None = None
    ticket_id: int | None = None


def _row_to_move(row: dict[str, Any]) -> Move:
    known = Move.__dataclass_fields__
    return Move(**{k: v for k, v in dict(row).items() if k in known})


def _time(at: object, field_name: str = "at") -> str:
    """Explicit time (import, demo, tests replay history) or now."""
    if at is None or at == "":
        return now_iso()
    return parse_datetime(at, field_name, required=True)


def _qty(value: object, field_name: str = "qty") -> int:
    return parse_int(value, field_name, required=True, minimum=1)


def _resolve_ticket(db: sqlite_utils.Database, ticket: int | str | None) -> tuple[int | None, str | None]:
    if ticket is None or ticket == "":
        return None, None
    if isinstance(ticket, int):
        row = db.execute("SELECT id, no FROM tickets WHERE id = ?", [ticket]).fetchone()
    else:
        row = db.execute("SELECT id, no FROM tickets WHERE no = ?", [normalise_text(ticket).upper()]).fetchone()
    if row is None:
        raise NotFound(f"No ticket {ticket}.", "ticket")
    return row[0], row[1]


def _technician(db: sqlite_utils.Database, technician_id: int | None) -> tuple[int | None, str]:
    if technician_id is None:
        return None, ""
    row = db.execute("SELECT id, name FROM technicians WHERE id = ?", [technician_id]).fetchone()
    if row is None:
        raise NotFound(f"No technician with id {technician_id}.", "technician")
    return row[0], row[1]


def _describe(row: dict[str, Any]) -> str:
    spec = f" {row['spec']}" if row.get("spec") else ""
    return f"{row['code']} {row['name']}{spec}"


def _min_stock_from(db: sqlite_utils.Database, part_id: int, at: str) -> tuple[int, int]:
    """(stock as of `at`, lowest stock at any point from `at` on) for a backdated line."""
    base = db.execute("SELECT COALESCE(SUM(qty), 0) FROM stock_moves WHERE part_id = ? AND at <= ?",
                      [part_id, at]).fetchone()[0]
    later = db.execute(
        "SELECT MIN(run) FROM (SELECT SUM(qty) OVER (ORDER BY at, id ROWS UNBOUNDED PRECEDING) AS run "
        "FROM stock_moves WHERE part_id = ? AND at > ?)", [part_id, at]).fetchone()[0]
    lowest = base if later is None else min(base, base + later)
    return base, lowest


def _post(db: sqlite_utils.Database, part: dict[str, Any], kind: str, qty: int, at: str, who: str,
          **fields: Any) -> Move:
    """Write one ledger line and the new balance, refusing negative stock.

    Must be called inside transaction(): the balance read here is then
    protected by the write lock until the line is committed.
    """
    current = db.execute("SELECT balance, last_move_at FROM parts WHERE id = ?", [part["id"]]).fetchone()
    balance, last_at = current
    asked = -qty
    if qty < 0 and last_at is not None and at < last_at:
        # Backdated: every later point in time must stay >= 0 too.
        then, lowest = _min_stock_from(db, part["id"], at)
        if lowest + qty < 0:
            raise DomainError(
                f"Not enough stock of {_describe(part)} on {at}: balance then {then} {part['unit']}, "
                f"asked {asked}; later lines already use that stock (lowest balance from then on: "
                f"{lowest}). Nothing was booked.", "qty")
    if balance + qty < 0:
        raise DomainError(
            f"Not enough stock of {_describe(part)}: balance {balance} {part['unit']}, "
            f"asked {asked}. Nothing was booked.", "qty")
    new_balance = balance + qty
    record = {
        "part_id": part["id"], "at": at, "kind": kind, "qty": qty, "balance_after": new_balance,
        "unit_price_fen": fields.pop("unit_price_fen", None), "who": who or "", "created_at": now_iso(),
    }
    if record["unit_price_fen"] is None:
        record["unit_price_fen"] = part["price_fen"]
    record.update({k: v for k, v in fields.items() if v is not None})
    move_id = db["stock_moves"].insert(record).last_pk
    db.execute("UPDATE parts SET balance = ?, last_move_at = MAX(COALESCE(last_move_at, ''), ?) WHERE id = ?",
               [new_balance, at, part["id"]])
    return get_move(db, move_id)


def balance_of(db: sqlite_utils.Database, part: int | str) -> int:
    return _part_row(db, part)["balance"]


def lowest_balance_from(db: sqlite_utils.Database, part: int | str, at: str) -> int:
    """The lowest book stock at any point from `at` on: the most a backdated
    line dated `at` may take out (demo and historical imports check this)."""
    row = _part_row(db, part)
    return _min_stock_from(db, row["id"], _time(at))[1]


def balance_as_of(db: sqlite_utils.Database, part: int | str, at: str) -> int:
    """Book stock at a point in time (sum of lines dated up to `at`).

    A bare date means the end of that day."""
    row = _part_row(db, part)
    if len(at) == 10:
        at = f"{at} 23:59:59"
    return db.execute("SELECT COALESCE(SUM(qty), 0) FROM stock_moves WHERE part_id = ? AND at <= ?",
                      [row["id"], at]).fetchone()[0]


# --------------------------------------------------------------- moves
def get_move(db: sqlite_utils.Database, move_id: int) -> Move:
    rows = list(db.query(MOVE_SELECT + " WHERE m.id = ?", [move_id]))
    if not rows:
        raise NotFound(f"No ledger line {move_id}.", "move")
    return _row_to_move(rows[0])


def receive(db: sqlite_utils.Database, part: int | str, qty: int, *, who: str = "", at: str | None = None,
            supplier: str = "", document_no: str = "", unit_price_fen: int | None = None,
            reason: str = "") -> Move:
    """入库: stock arrives from a supplier (document no = delivery note / invoice)."""
    n = _qty(qty)
    when = _time(at)
    if unit_price_fen is not None and (not isinstance(unit_price_fen, int) or unit_price_fen < 0):
        raise ValidationError("Unit price must be a non-negative amount.", "unit_price")
    with transaction(db):
        row = _part_row(db, part)
        return _post(db, row, "receipt", n, when, who, supplier=normalise_text(supplier),
                     document_no=normalise_text(document_no), unit_price_fen=unit_price_fen,
                     reason=normalise_text(reason))


def _recipient(db, technician_id, recipient, ticket, outgoing: bool = True):
    tech_id, tech_name = _technician(db, technician_id)
    ticket_id, ticket_no = _resolve_ticket(db, ticket)
    if outgoing and ticket_id is not None:
        status = db.execute("SELECT status FROM tickets WHERE id = ?", [ticket_id]).fetchone()[0]
        if status == "cancelled":
            raise StateError(f"Ticket {ticket_no} is cancelled: no parts can go out for it.", "ticket")
    name = normalise_text(recipient) or tech_name
    return tech_id, name, ticket_id, ticket_no


def issue(db: sqlite_utils.Database, part: int | str, qty: int, *, who: str = "", at: str | None = None,
          ticket: int | str | None = None, technician_id: int | None = None, recipient: str = "",
          reason: str = "") -> Move:
    """领用出库: parts go to a ticket or a technician; the recipient is named."""
    n = _qty(qty)
    when = _time(at)
    with transaction(db):
        row = _part_row(db, part)
        tech_id, name, ticket_id, ticket_no = _recipient(db, technician_id, recipient, ticket)
        if not name and ticket_id is None:
            raise ValidationError("Say who receives the parts (a technician or a name) or which ticket "
                                  "they are for.", "recipient")
        return _post(db, row, "issue", -n, when, who, ticket_id=ticket_id, technician_id=tech_id,
                     recipient=name, reason=normalise_text(reason) or (f"工单 {ticket_no}" if ticket_no else ""))


def _net_for_ticket(db: sqlite_utils.Database, ticket_id: int, part_id: int) -> int:
    """Quantity a ticket holds of a part (issued + exchanged - returned)."""
    return -db.execute(
        f"SELECT COALESCE(SUM(qty), 0) FROM stock_moves WHERE ticket_id = ? AND part_id = ? "
        f"AND kind IN {TICKET_KINDS}", [ticket_id, part_id]).fetchone()[0]


def return_to_stock(db: sqlite_utils.Database, part: int | str, qty: int, *, who: str = "",
                    at: str | None = None, ticket: int | str | None = None, technician_id: int | None = None,
                    recipient: str = "", reason: str = "") -> Move:
    """退库: unused (good) parts come back. From a ticket, no more than it holds."""
    n = _qty(qty)
    when = _time(at)
    with transaction(db):
        row = _part_row(db, part)
        tech_id, name, ticket_id, ticket_no = _recipient(db, technician_id, recipient, ticket, outgoing=False)
        if ticket_id is not None:
            held = _net_for_ticket(db, ticket_id, row["id"])
            if n > held:
                raise ValidationError(f"Ticket {ticket_no} holds {held} of {_describe(row)}; "
                                      f"cannot return {n}.", "qty")
        if not name and ticket_id is None and not normalise_text(reason):
            raise ValidationError("Say who returns the parts, the ticket, or a reason.", "recipient")
        return _post(db, row, "return", n, when, who, ticket_id=ticket_id, technician_id=tech_id,
                     recipient=name, reason=normalise_text(reason))


def scrap(db: sqlite_utils.Database, part: int | str, qty: int, *, reason: str, who: str = "",
          at: str | None = None) -> Move:
    """报废: stock written off; the reason is required."""
    n = _qty(qty)
    when = _time(at)
    why = require_text(reason, "reason", "Reason for scrapping")
    with transaction(db):
        row = _part_row(db, part)
        return _post(db, row, "scrap", -n, when, who, reason=why)


def adjust(db: sqlite_utils.Database, part: int | str, qty: int, *, who: str = "", at: str | None = None,
           reason: str = "", count_id: int | None = None) -> Move:
    """盘点调整: book the difference a stock count found (signed)."""
    n = parse_int(qty, "qty", required=True)
    if n == 0:
        raise ValidationError("An adjustment needs a quantity other than 0.", "qty")
    when = _time(at)
    with transaction(db):
        row = _part_row(db, part)
        return _post(db, row, "adjust", n, when, who, reason=normalise_text(reason), count_id=count_id)


def reverse_move(db: sqlite_utils.Database, move_id: int, *, reason: str, who: str = "",
                 at: str | None = None) -> Move:
    """冲销: correct a wrong line with an opposite one of the same kind (never an edit)."""
    why = require_text(reason, "reason", "Reason for the correction")
    when = _time(at)
    with transaction(db):
        orig = get_move(db, move_id)
        if orig.kind not in REVERSIBLE_KINDS:
            raise StateError(f"A {orig.kind_label} line cannot be reversed; "
                             "use a return or the next stock count.", "move")
        if orig.reverses_id is not None:
            raise StateError(f"Line {move_id} is itself a correction.", "move")
        if db.execute("SELECT 1 FROM stock_moves WHERE reverses_id = ?", [move_id]).fetchone():
            raise StateError(f"Line {move_id} has already been reversed.", "move")
        if when < orig.at:
            when = orig.at
        row = _part_row(db, orig.part_id)
        return _post(db, row, orig.kind, -orig.qty, when, who, ticket_id=orig.ticket_id,
                     technician_id=orig.technician_id, recipient=orig.recipient, supplier=orig.supplier,
                     document_no=orig.document_no, unit_price_fen=orig.unit_price_fen,
                     reverses_id=move_id, reason=f"冲销 #{move_id}：{why}")


# --------------------------------------------------------------- ledger queries
def _ledger_where(f: LedgerFilter | None) -> tuple[str, list[Any]]:
    f = f or LedgerFilter()
    clauses, params = [], []
    if f.part_id is not None:
        clauses.append("m.part_id = ?")
        params.append(f.part_id)
    if f.kind:
        clauses.append("m.kind = ?")
        params.append(f.kind)
    if f.date_from:
        clauses.append("m.at >= ?")
        params.append(parse_date(f.date_from, "date_from"))
    if f.date_to:
        clauses.append("m.at <= ?")
        params.append(parse_date(f.date_to, "date_to") + " 23:59:59")
    if f.ticket_id is not None:
        clauses.append("m.ticket_id = ?")
        params.append(f.ticket_id)
    if f.ticket:
        clauses.append("m.ticket_id IN (SELECT id FROM tickets WHERE no LIKE ? ESCAPE '\\')")
        params.append(like_contains(normalise_text(f.ticket).upper())[1:])   # starts with
    if f.technician_id is not None:
        clauses.append("m.technician_id = ?")
        params.append(f.technician_id)
    return (" AND ".join(clauses) or "1"), params


MOVE_ORDER = {"at": "m.at", "part_code": "p.code", "part_name": "p.name", "kind": "m.kind", "qty": "m.qty",
              "balance_after": "m.balance_after", "who": "m.who", "ticket_no": "t.no",
              "technician_name": "tech.name", "recipient": "m.recipient", "id": "m.id"}


def list_moves(db: sqlite_utils.Database, f: LedgerFilter | None = None, *, order: str = "at",
               descending: bool = True, limit: int = 500, offset: int = 0) -> list[Move]:
    """One page of ledger lines, newest first by default (indexes on at/part/ticket/technician)."""
    where, params = _ledger_where(f)
    col = MOVE_ORDER.get(order, "m.at")
    direction = "DESC" if descending else "ASC"
    # Page the ids first, so stock_at is computed for the 500 shown lines only.
    page = (f"SELECT m.id FROM stock_moves m JOIN parts p ON p.id = m.part_id "
            f"LEFT JOIN tickets t ON t.id = m.ticket_id LEFT JOIN technicians tech ON tech.id = m.technician_id "
            f"WHERE {where} ORDER BY {col} {direction}, m.id {direction} LIMIT ? OFFSET ?")
    rows = db.query(f"{MOVE_SELECT} JOIN ({page}) pg ON pg.id = m.id ORDER BY {col} {direction}, m.id {direction}",
                    params + [limit, offset])
    return [_row_to_move(r) for r in rows]


def count_moves(db: sqlite_utils.Database, f: LedgerFilter | None = None) -> int:
    where, params = _ledger_where(f)
    if "t." in where:
        return db.execute(f"SELECT COUNT(*) FROM stock_moves m LEFT JOIN tickets t ON t.id = m.ticket_id "
                          f"WHERE {where}", params).fetchone()[0]
    return db.execute(f"SELECT COUNT(*) FROM stock_moves m WHERE {where}", params).fetchone()[0]


def part_history(db: sqlite_utils.Database, part: int | str, limit: int | None = None) -> list[Move]:
    """All lines of a part in date order, each with the stock as of its time."""
    row = _part_row(db, part)
    sql = ("SELECT * FROM (SELECT m.*, p.code AS part_code, p.name AS part_name, p.spec AS part_spec, "
           "p.unit AS unit, t.no AS ticket_no, tech.name AS technician_name, "
           "SUM(m.qty) OVER (ORDER BY m.at, m.id ROWS UNBOUNDED PRECEDING) AS running_balance, "
           "SUM(m.qty) OVER (ORDER BY m.at, m.id ROWS UNBOUNDED PRECEDING) AS stock_at "
           "FROM stock_moves m JOIN parts p ON p.id = m.part_id "
           "LEFT JOIN tickets t ON t.id = m.ticket_id LEFT JOIN technicians tech ON tech.id = m.technician_id "
           "WHERE m.part_id = ?) ORDER BY at, id")
    params: list[Any] = [row["id"]]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_row_to_move(r) for r in db.query(sql, params)]
