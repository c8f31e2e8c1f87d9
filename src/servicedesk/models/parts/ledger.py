"""Parts master and stock ledger (配件台账, DOMAIN §3).

Every movement of stock is one append-only line in `stock_moves`; the part's
book stock (`parts.balance`) is kept in the same transaction, so a balance is
one row read even with 500 000 lines. Rules this module guarantees:

- Book stock never goes negative. A move that would is refused with a
  DomainError naming the part, the balance and the quantity asked, and nothing
  is written. Every move runs inside `transaction()` (BEGIN IMMEDIATE), so the
  balance read and the write cannot interleave with another connection.
- Lines are never edited or deleted (triggers refuse it): a correction is a
  new line — `reverse_move` for a wrong receipt/issue/return/scrap, an
  adjustment after a stock count, or the reversal `sync_ticket_parts` posts
  when a visit is edited or a ticket cancelled.
- Backdated lines (a historical import at a ticket's completion time) are
  allowed, but refused if they would make the stock at ANY later point in
  time negative. `balance_after` records the book stock right after the line
  was posted (posting order); the stock at a point in time is the sum of
  lines dated up to then (`balance_as_of`), and `part_history` shows that
  running figure in date order.
- Old-for-new exchange (以旧换新): the new part goes out (negative line, kind
  'exchange') and the faulty part is pending (旧件待返) until `book_old_part`
  posts a zero-quantity 'old_in' line referring to the exchange. The old part
  is due back `parts.old_part_return_hours` (16 h) after the later of the
  exchange and the end of the ticket's repair (the technician's return).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import DomainError, NotFound, StateError, ValidationError
from servicedesk.models.core.importing import (
    Column, ExchangeKind, RowContext, RowRejected, SheetSpec, collect_field_errors,
)
from servicedesk.models.core.settings import get_setting
from servicedesk.models.core.validation import (
    normalise_text, parse_date, parse_datetime, parse_int, parse_money_fen, require_text,
)

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


# --------------------------------------------------------------- dataclasses
@dataclass
class PartInput:
    code: str
    name: str
    spec: str = ""
    unit: str = "个"
    price_fen: int = 0
    location: str = ""
    safety_stock: int = 0
    active: bool = True


@dataclass
class Part(PartInput):
    id: int = 0
    balance: int = 0
    last_move_at: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def is_low(self) -> bool:
        return bool(self.active) and self.balance < self.safety_stock

    @property
    def state(self) -> str:
        """'inactive' | 'low' | 'ok' — the list colours and words follow this."""
        if not self.active:
            return "inactive"
        return "low" if self.is_low else "ok"


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


@dataclass
class LowStockRow:
    part_id: int
    code: str
    name: str
    spec: str
    unit: str
    location: str
    balance: int
    safety_stock: int
    used_recent: int                 # net use in the window
    months: int
    avg_monthly_use: int             # used_recent / months, rounded up
    suggestion: int                  # (safety - balance) + avg monthly use
    price_fen: int = 0

    @property
    def suggestion_amount_fen(self) -> int:
        return self.suggestion * self.price_fen


@dataclass
class OldPart:
    exchange_id: int
    part_id: int
    part_code: str
    part_name: str
    part_spec: str
    qty: int
    old_serial: str
    old_condition: str
    exchanged_at: str
    ticket_id: int | None
    ticket_no: str | None
    technician_id: int | None
    technician_name: str | None
    recipient: str
    due_at: str
    overdue_hours: int               # > 0: overdue by that many whole hours

    @property
    def holder(self) -> str:
        return self.technician_name or self.recipient or ""

    @property
    def overdue(self) -> bool:
        return self.overdue_hours > 0


@dataclass
class TicketCostLine:
    part_code: str
    part_name: str
    part_spec: str
    unit: str
    qty: int
    amount_fen: int


@dataclass
class TicketPartsCost:
    ticket_id: int
    lines: list[TicketCostLine] = field(default_factory=list)

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)


# --------------------------------------------------------------- helpers
def _row_to_part(row: dict[str, Any]) -> Part:
    data = dict(row)
    data["active"] = bool(data["active"])
    return Part(**data)


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


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _part_row(db: sqlite_utils.Database, part: int | str | Part) -> dict[str, Any]:
    if isinstance(part, Part):
        part = part.id
    if isinstance(part, int):
        rows = list(db.query("SELECT * FROM parts WHERE id = ?", [part]))
    else:
        code = normalise_text(part)
        rows = list(db.query("SELECT * FROM parts WHERE code = ?", [code]))
    if not rows:
        raise NotFound(f"No part with code {part!r} in the parts list.", "part")
    return rows[0]


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


# --------------------------------------------------------------- part master
def clean_part(data: PartInput) -> PartInput:
    """Normalise and check a part's fields (dialogs, import and API share this)."""
    code = require_text(data.code, "code", "Part code").upper()
    if len(code) > 40 or any(ch.isspace() for ch in code):
        raise ValidationError(f'Part code "{code}" must be one word of at most 40 characters.', "code")
    name = require_text(data.name, "name", "Part name")
    unit = normalise_text(data.unit) or "个"
    price = data.price_fen if data.price_fen is not None else 0
    if not isinstance(price, int) or price < 0:
        raise ValidationError("Price must be a non-negative amount in fen.", "price")
    safety = data.safety_stock if data.safety_stock is not None else 0
    if not isinstance(safety, int) or safety < 0:
        raise ValidationError("Safety stock must be a whole number, 0 or more.", "safety_stock")
    return PartInput(code=code, name=name, spec=normalise_text(data.spec), unit=unit, price_fen=price,
                     location=normalise_text(data.location), safety_stock=safety, active=bool(data.active))


def add_part(db: sqlite_utils.Database, data: PartInput, who: str = "") -> Part:
    """New part in the master; the code must be unique."""
    clean = clean_part(data)
    with transaction(db):
        if db.execute("SELECT 1 FROM parts WHERE code = ?", [clean.code]).fetchone():
            raise ValidationError(f"Part code {clean.code} already exists.", "code")
        stamp = now_iso()
        pid = db["parts"].insert({**clean.__dict__, "active": int(clean.active), "balance": 0,
                                  "created_at": stamp, "updated_at": stamp}).last_pk
    return get_part(db, pid)


def update_part(db: sqlite_utils.Database, part_id: int, data: PartInput, who: str = "") -> Part:
    """Change master data. The code is what tickets record, so it cannot
    change once stock has moved (tickets would lose their link)."""
    clean = clean_part(data)
    with transaction(db):
        old = _part_row(db, part_id)
        if clean.code != old["code"]:
            if db.execute("SELECT 1 FROM parts WHERE code = ?", [clean.code]).fetchone():
                raise ValidationError(f"Part code {clean.code} already exists.", "code")
            if db.execute("SELECT 1 FROM stock_moves WHERE part_id = ? LIMIT 1", [part_id]).fetchone():
                raise ValidationError(f"Part {old['code']} already has ledger lines: its code cannot change "
                                      "(make a new part and stop using this one).", "code")
        db["parts"].update(part_id, {**clean.__dict__, "active": int(clean.active), "updated_at": now_iso()})
    return get_part(db, part_id)


def set_part_active(db: sqlite_utils.Database, part_id: int, active: bool, who: str = "") -> Part:
    """Stop (or resume) using a part; it keeps its history and any stock."""
    with transaction(db):
        _part_row(db, part_id)
        db["parts"].update(part_id, {"active": int(bool(active)), "updated_at": now_iso()})
    return get_part(db, part_id)


def get_part(db: sqlite_utils.Database, part: int | str) -> Part:
    return _row_to_part(_part_row(db, part))


def find_part(db: sqlite_utils.Database, code: str) -> Part | None:
    row = db.execute("SELECT id FROM parts WHERE code = ?", [normalise_text(code).upper()]).fetchone()
    return get_part(db, row[0]) if row else None


def _parts_where(query: str, low_only: bool, include_inactive: bool) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for term in normalise_text(query).split():
        clauses.append("(code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR spec LIKE ? ESCAPE '\\' "
                       "OR location LIKE ? ESCAPE '\\')")
        params += [_like(term)] * 4
    if not include_inactive:
        clauses.append("active = 1")
    if low_only:
        clauses.append("active = 1 AND balance < safety_stock")
    return (" AND ".join(clauses) or "1"), params


PART_ORDER = {"code": "code", "name": "name", "spec": "spec", "unit": "unit", "price_fen": "price_fen",
              "location": "location", "safety_stock": "safety_stock", "balance": "balance",
              "last_move_at": "last_move_at", "state": "(active = 1 AND balance < safety_stock)"}


def list_parts(db: sqlite_utils.Database, query: str = "", *, low_only: bool = False,
               include_inactive: bool = False, order: str = "code", descending: bool = False,
               limit: int = 500, offset: int = 0) -> list[Part]:
    """Parts whose code, name, spec or location contain every word of `query`."""
    where, params = _parts_where(query, low_only, include_inactive)
    col = PART_ORDER.get(order, "code")
    direction = "DESC" if descending else "ASC"
    rows = db.query(f"SELECT * FROM parts WHERE {where} ORDER BY {col} {direction}, code "
                    "LIMIT ? OFFSET ?", params + [limit, offset])
    return [_row_to_part(r) for r in rows]


def count_parts(db: sqlite_utils.Database, query: str = "", *, low_only: bool = False,
                include_inactive: bool = False) -> int:
    where, params = _parts_where(query, low_only, include_inactive)
    return db.execute(f"SELECT COUNT(*) FROM parts WHERE {where}", params).fetchone()[0]


def part_choices(db: sqlite_utils.Database, include_inactive: bool = False) -> list[Part]:
    """All parts for a picker (a branch office keeps hundreds, not millions)."""
    return list_parts(db, include_inactive=include_inactive, limit=100_000)


def technician_choices(db: sqlite_utils.Database) -> list[tuple[int, str]]:
    """(id, name) of active technicians, for the recipient pickers."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT id, name FROM technicians WHERE active = 1 ORDER BY name")]


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


def exchange(db: sqlite_utils.Database, part: int | str, qty: int, *, who: str = "", at: str | None = None,
             ticket: int | str | None = None, technician_id: int | None = None, recipient: str = "",
             old_serial: str = "", old_condition: str = "", reason: str = "") -> Move:
    """以旧换新: the new part goes out now; the faulty one is pending until booked back."""
    n = _qty(qty)
    when = _time(at)
    serial, condition = normalise_text(old_serial), normalise_text(old_condition)
    if not serial and not condition:
        raise ValidationError("Record the old part's serial number or its condition.", "old_condition")
    with transaction(db):
        row = _part_row(db, part)
        tech_id, name, ticket_id, _no = _recipient(db, technician_id, recipient, ticket)
        if not name and ticket_id is None:
            raise ValidationError("Say who takes the new part (a technician or a name) or which ticket "
                                  "it is for.", "recipient")
        return _post(db, row, "exchange", -n, when, who, ticket_id=ticket_id, technician_id=tech_id,
                     recipient=name, old_serial=serial, old_condition=condition,
                     reason=normalise_text(reason))


def book_old_part(db: sqlite_utils.Database, exchange_id: int, *, who: str = "", at: str | None = None,
                  condition: str = "", reason: str = "") -> Move:
    """Book the faulty part of an exchange back into the warehouse (旧件入库).

    Zero quantity: old parts are kept apart from usable stock."""
    when = _time(at)
    with transaction(db):
        ex = db.execute("SELECT * FROM stock_moves WHERE id = ?", [exchange_id]).fetchone()
        if ex is None:
            raise NotFound(f"No ledger line {exchange_id}.", "exchange")
        ex = get_move(db, exchange_id)
        if ex.kind != "exchange":
            raise StateError(f"Line {exchange_id} is not an old-for-new exchange.", "exchange")
        if db.execute("SELECT 1 FROM stock_moves WHERE exchange_id = ? AND kind = 'old_in'",
                      [exchange_id]).fetchone():
            raise StateError(f"The old part of line {exchange_id} ({ex.part_code}) is already booked back.",
                             "exchange")
        if when < ex.at:
            raise ValidationError(f"The old part cannot come back ({when}) before the exchange ({ex.at}).", "at")
        row = _part_row(db, ex.part_id)
        return _post(db, row, "old_in", 0, when, who, ticket_id=ex.ticket_id, technician_id=ex.technician_id,
                     recipient=ex.recipient, old_serial=ex.old_serial,
                     old_condition=normalise_text(condition) or ex.old_condition, exchange_id=exchange_id,
                     unit_price_fen=0, reason=normalise_text(reason))


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


# --------------------------------------------------------------- tickets
def sync_ticket_parts(db: sqlite_utils.Database, ticket_id: int, who: str = "",
                      at: str | None = None) -> None:
    """Make the ledger's issues for this ticket match its recorded parts.

    Called by tickets inside the visit/cancel/reopen transaction (and by the
    ticket import with --move-stock, at = the completion time). For every
    part code the ticket's net issued quantity (issue + exchange - return
    lines) is made equal to the sum of its `ticket_parts` rows (0 when the
    ticket is cancelled); only the difference is posted, as an issue or a
    return line, so an edited or cancelled visit is reversed by a new line.
    Rows without a part code (free text) move no stock; a code that is not in
    the parts master is refused, naming it. Not enough stock -> DomainError,
    and the caller's whole transaction rolls back.
    """
    when = _time(at)
    with transaction(db):
        ticket = db.execute("SELECT id, no, status FROM tickets WHERE id = ?", [ticket_id]).fetchone()
        if ticket is None:
            raise NotFound(f"No ticket with id {ticket_id}.", "ticket")
        _tid, ticket_no, status = ticket
        wanted: dict[int, int] = {}
        if status != "cancelled":
            rows = db.execute(
                "SELECT tp.part_code, SUM(tp.quantity), p.id FROM ticket_parts tp "
                "LEFT JOIN parts p ON p.code = tp.part_code "
                "WHERE tp.ticket_id = ? AND tp.part_code <> '' GROUP BY tp.part_code", [ticket_id]).fetchall()
            unknown = [code for code, _q, pid in rows if pid is None]
            if unknown:
                raise ValidationError(f"Part code {', '.join(unknown)} is not in the parts list "
                                      "(add the part first, or leave the code empty for a part "
                                      "not kept in stock).", "parts")
            wanted = {pid: qty for _code, qty, pid in rows}
        held = dict(db.execute(
            f"SELECT part_id, -SUM(qty) FROM stock_moves WHERE ticket_id = ? AND kind IN {TICKET_KINDS} "
            "GROUP BY part_id", [ticket_id]).fetchall())
        leader = db.execute(
            "SELECT tt.technician_id, t.name FROM ticket_technicians tt JOIN technicians t "
            "ON t.id = tt.technician_id WHERE tt.ticket_id = ? ORDER BY tt.is_leader DESC, "
            "tt.technician_id LIMIT 1", [ticket_id]).fetchone()
        tech_id, tech_name = (leader[0], leader[1]) if leader else (None, "")
        # Returns first, so a changed visit frees stock before taking more.
        changes = sorted(((pid, wanted.get(pid, 0) - held.get(pid, 0))
                          for pid in set(wanted) | set(held)), key=lambda c: (c[1], c[0]))
        for pid, diff in changes:
            if diff == 0:
                continue
            row = _part_row(db, pid)
            if diff > 0:
                _post(db, row, "issue", -diff, when, who, ticket_id=ticket_id, technician_id=tech_id,
                      recipient=tech_name, reason=f"工单 {ticket_no} 用料")
            else:
                price = db.execute(
                    "SELECT unit_price_fen FROM stock_moves WHERE ticket_id = ? AND part_id = ? "
                    "AND qty < 0 ORDER BY id DESC LIMIT 1", [ticket_id, pid]).fetchone()
                reason = "工单取消冲回" if status == "cancelled" else "工单用料变更冲回"
                _post(db, row, "return", -diff, when, who, ticket_id=ticket_id, technician_id=tech_id,
                      recipient=tech_name, unit_price_fen=price[0] if price else None,
                      reason=f"{reason} {ticket_no}")


def ticket_moves(db: sqlite_utils.Database, ticket_id: int) -> list[Move]:
    """Every ledger line of a ticket (issues, returns, exchanges, old parts)."""
    return [_row_to_move(r) for r in db.query(MOVE_SELECT + " WHERE m.ticket_id = ? ORDER BY m.at, m.id",
                                              [ticket_id])]


def ticket_parts_cost(db: sqlite_utils.Database, ticket_id: int) -> TicketPartsCost:
    """Per-ticket parts cost: net quantity used x the price on its ledger lines."""
    rows = db.execute(
        f"SELECT p.code, p.name, p.spec, p.unit, -SUM(m.qty), -SUM(m.qty * m.unit_price_fen) "
        f"FROM stock_moves m JOIN parts p ON p.id = m.part_id "
        f"WHERE m.ticket_id = ? AND m.kind IN {TICKET_KINDS} GROUP BY p.id ORDER BY p.code",
        [ticket_id]).fetchall()
    return TicketPartsCost(ticket_id, [TicketCostLine(*r) for r in rows if r[4] != 0 or r[5] != 0])


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
        params.append(_like(normalise_text(f.ticket).upper())[1:])
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
    sql = (f"SELECT * FROM (SELECT m.*, p.code AS part_code, p.name AS part_name, p.spec AS part_spec, "
           f"p.unit AS unit, t.no AS ticket_no, tech.name AS technician_name, "
           f"SUM(m.qty) OVER (ORDER BY m.at, m.id ROWS UNBOUNDED PRECEDING) AS running_balance, "
           f"SUM(m.qty) OVER (ORDER BY m.at, m.id ROWS UNBOUNDED PRECEDING) AS stock_at "
           f"FROM stock_moves m JOIN parts p ON p.id = m.part_id "
           f"LEFT JOIN tickets t ON t.id = m.ticket_id LEFT JOIN technicians tech ON tech.id = m.technician_id "
           f"WHERE m.part_id = ?) ORDER BY at, id")
    params: list[Any] = [row["id"]]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_row_to_move(r) for r in db.query(sql, params)]


# --------------------------------------------------------------- low stock
def _months_back(day: _dt.date, months: int) -> _dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][month - 1]
    return _dt.date(year, month, min(day.day, last))


def low_stock(db: sqlite_utils.Database, today: str | None = None) -> list[LowStockRow]:
    """Active parts below safety stock, with a purchase suggestion.

    suggestion = (safety stock - balance) + average monthly use, where the use
    is the net quantity issued/exchanged minus returned in the last
    `parts.suggestion_months` months before `today` (default 3), divided by
    that number of months and rounded up to a whole unit.
    """
    months = int(get_setting(db, "parts.suggestion_months", 3) or 3)
    day = _dt.date.fromisoformat(parse_date(today, "today") if today else _dt.date.today().isoformat())
    since = _months_back(day, months).isoformat()
    until = f"{day.isoformat()} 23:59:59"
    rows = db.execute(
        f"""SELECT p.id, p.code, p.name, p.spec, p.unit, p.location, p.balance, p.safety_stock, p.price_fen,
                   COALESCE((SELECT -SUM(m.qty) FROM stock_moves m WHERE m.part_id = p.id
                             AND m.kind IN {TICKET_KINDS} AND m.at >= ? AND m.at <= ?), 0)
            FROM parts p WHERE p.active = 1 AND p.balance < p.safety_stock
            ORDER BY p.code""", [since, until]).fetchall()
    out = []
    for pid, code, name, spec, unit, loc, bal, safety, price, used in rows:
        used = max(used, 0)
        avg = -(-used // months)
        out.append(LowStockRow(pid, code, name, spec, unit, loc, bal, safety, used, months, avg,
                               (safety - bal) + avg, price))
    return out


def count_low_stock(db: sqlite_utils.Database) -> int:
    """For the dashboard: how many active parts are below safety stock."""
    return db.execute("SELECT COUNT(*) FROM parts WHERE active = 1 AND balance < safety_stock").fetchone()[0]


# --------------------------------------------------------------- old parts
def old_part_return_hours(db: sqlite_utils.Database) -> int:
    """Hours after the technician's return within which a faulty part must be
    booked back (DOMAIN §2: 16 h; setting parts.old_part_return_hours)."""
    return int(get_setting(db, "parts.old_part_return_hours", 16) or 16)


def old_parts_pending(db: sqlite_utils.Database, now: str | None = None,
                      technician_id: int | None = None) -> list[OldPart]:
    """Faulty parts of exchanges not yet booked back, most overdue first.

    Due = the later of the exchange and the ticket's repair end (the
    technician's return) + `parts.old_part_return_hours` (16 h, DOMAIN §2)."""
    hours = old_part_return_hours(db)
    moment = _time(now, "now")
    params: list[Any] = [hours]
    tech_clause = ""
    if technician_id is not None:
        tech_clause = " AND e.technician_id = ?"
        params.append(technician_id)
    rows = db.execute(
        f"""SELECT e.id, e.part_id, p.code, p.name, p.spec, -e.qty, e.old_serial, e.old_condition, e.at,
                   e.ticket_id, t.no, e.technician_id, tech.name, e.recipient,
                   datetime(MAX(e.at, COALESCE(t.repair_to, t.completed_at, e.at)), '+' || ? || ' hours')
                       AS due_at
            FROM stock_moves e
            JOIN parts p ON p.id = e.part_id
            LEFT JOIN tickets t ON t.id = e.ticket_id
            LEFT JOIN technicians tech ON tech.id = e.technician_id
            WHERE e.kind = 'exchange' AND e.reverses_id IS NULL{tech_clause}
              AND NOT EXISTS (SELECT 1 FROM stock_moves r WHERE r.exchange_id = e.id AND r.kind = 'old_in')
            ORDER BY due_at, e.id""", params).fetchall()
    now_dt = _dt.datetime.fromisoformat(moment)
    out = []
    for r in rows:
        due = _dt.datetime.fromisoformat(r[14])
        overdue = int((now_dt - due).total_seconds() // 3600) if now_dt > due else 0
        if now_dt > due and overdue == 0:
            overdue = 1  # any part of an hour late is late
        out.append(OldPart(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                           r[12], r[13], r[14], overdue))
    return out


def old_parts_summary(db: sqlite_utils.Database, now: str | None = None) -> tuple[int, int]:
    """(pending, overdue) old parts, for the dashboard."""
    pending = old_parts_pending(db, now)
    return len(pending), sum(1 for p in pending if p.overdue)


# --------------------------------------------------------------- workbook specs
LOW_STOCK_SPEC = SheetSpec("low_stock", "低库存采购建议", (
    Column("code", "配件编码", width=14),
    Column("name", "名称", width=20),
    Column("spec", "规格", width=18),
    Column("unit", "单位", width=6),
    Column("location", "库位", width=10),
    Column("balance", "账面库存", kind="int", width=10),
    Column("safety_stock", "安全库存", kind="int", width=10),
    Column("used_recent", "近期用量", "建议月数内的净领用量", kind="int", width=10),
    Column("avg_monthly_use", "月均用量", "近期用量 / 月数，向上取整", kind="int", width=10),
    Column("suggestion", "建议采购量", "(安全库存 - 账面库存) + 月均用量", kind="int", width=12),
    Column("price", "单价(元)", kind="money", width=10),
    Column("amount", "金额(元)", kind="money", width=12),
))

OLD_PARTS_SPEC = SheetSpec("old_parts", "旧件待返", (
    Column("technician", "维修人员", width=10),
    Column("ticket_no", "工单号", width=12),
    Column("code", "配件编码", width=14),
    Column("name", "名称", width=20),
    Column("spec", "规格", width=18),
    Column("qty", "数量", kind="int", width=6),
    Column("old_serial", "旧件编号", width=14),
    Column("old_condition", "旧件状况", width=16),
    Column("exchanged_at", "换件时间", kind="datetime", width=18),
    Column("due_at", "应返库时间", kind="datetime", width=18),
    Column("overdue_hours", "逾期(小时)", kind="int", width=10),
))

LEDGER_SPEC = SheetSpec("ledger", "配件台账", (
    Column("id", "流水号", kind="int", width=8),
    Column("at", "日期时间", kind="datetime", width=18),
    Column("code", "配件编码", width=14),
    Column("name", "名称", width=18),
    Column("spec", "规格", width=16),
    Column("kind", "类别", width=10),
    Column("qty", "数量", "入库为正，出库为负", kind="int", width=8),
    Column("stock_at", "结存", "按日期顺序，此笔之后的库存", kind="int", width=8),
    Column("balance_after", "记账时结存", "记此笔账时的账面库存（补录的历史记录与结存不同）", kind="int", width=10),
    Column("price", "单价(元)", kind="money", width=10),
    Column("ticket_no", "工单号", width=12),
    Column("recipient", "领用人", width=10),
    Column("supplier", "供应商", width=14),
    Column("document_no", "单据号", width=12),
    Column("old_serial", "旧件编号", width=12),
    Column("old_condition", "旧件状况", width=12),
    Column("reason", "原因/备注", width=24),
    Column("who", "经办人", width=10),
))


def yuan(fen: int) -> Decimal:
    """Exact yuan for a workbook cell (Decimal, never float)."""
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def low_stock_rows(db: sqlite_utils.Database, today: str | None = None) -> list[dict[str, Any]]:
    return [{"code": r.code, "name": r.name, "spec": r.spec, "unit": r.unit, "location": r.location,
             "balance": r.balance, "safety_stock": r.safety_stock, "used_recent": r.used_recent,
             "avg_monthly_use": r.avg_monthly_use, "suggestion": r.suggestion, "price": yuan(r.price_fen),
             "amount": yuan(r.suggestion_amount_fen)} for r in low_stock(db, today)]


def old_parts_rows(db: sqlite_utils.Database, now: str | None = None) -> list[dict[str, Any]]:
    items = sorted(old_parts_pending(db, now), key=lambda p: (p.holder, p.due_at))
    return [{"technician": p.holder, "ticket_no": p.ticket_no or "", "code": p.part_code, "name": p.part_name,
             "spec": p.part_spec, "qty": p.qty, "old_serial": p.old_serial, "old_condition": p.old_condition,
             "exchanged_at": p.exchanged_at, "due_at": p.due_at, "overdue_hours": p.overdue_hours}
            for p in items]


def ledger_rows(db: sqlite_utils.Database, f: LedgerFilter | None = None) -> Iterable[dict[str, Any]]:
    """Every line matching the filter, oldest first, streamed from one query.

    结存 is the stock after the line in date order (one window pass over the
    ledger, walking the (part, at) index), 记账时结存 the book stock when posted."""
    where, params = _ledger_where(f)
    sql = f"""
        SELECT m.*, p.code AS part_code, p.name AS part_name, p.spec AS part_spec, p.unit AS unit,
               t.no AS ticket_no, tech.name AS technician_name, w.stock_at
        FROM stock_moves m
        JOIN (SELECT id, SUM(qty) OVER (PARTITION BY part_id ORDER BY at, id
                                        ROWS UNBOUNDED PRECEDING) AS stock_at
              FROM stock_moves) w ON w.id = m.id
        JOIN parts p ON p.id = m.part_id
        LEFT JOIN tickets t ON t.id = m.ticket_id
        LEFT JOIN technicians tech ON tech.id = m.technician_id
        WHERE {where} ORDER BY m.at, m.id"""
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for values in cursor:
        m = _row_to_move(dict(zip(names, values)))
        yield {"id": m.id, "at": m.at, "code": m.part_code, "name": m.part_name, "spec": m.part_spec,
               "kind": m.kind_label, "qty": m.qty, "stock_at": m.stock_at, "balance_after": m.balance_after,
               "price": yuan(m.unit_price_fen), "ticket_no": m.ticket_no or "",
               "recipient": m.recipient or (m.technician_name or ""), "supplier": m.supplier,
               "document_no": m.document_no, "old_serial": m.old_serial, "old_condition": m.old_condition,
               "reason": m.reason, "who": m.who}


# --------------------------------------------------------------- import / export
PARTS_SPEC = SheetSpec("parts", "配件档案", (
    Column("code", "配件编码", "唯一；工单用料按此编码出库。如 QS-MOT-160L6、KZ-CJX2-3210", required=True,
           width=16),
    Column("name", "名称", "如 起升电机、交流接触器", required=True, width=20),
    Column("spec", "规格", "型号规格，如 YZR160L-6 11kW、CJX2-3210 AC220V", width=18),
    Column("unit", "单位", "个、台、根、米、套……默认 个", width=6),
    Column("price", "单价(元)", "元，最多两位小数，如 4860.00、38.50", kind="money", width=10),
    Column("location", "库位", "货架位置，如 A-01-02", width=10),
    Column("safety_stock", "安全库存", "低于此数量时列入采购建议，如 2", kind="int", width=10),
    Column("opening_qty", "期初库存", "仅用于新配件：期初数量，按 --date 日期（默认今天）入库，如 3；"
                                    "已有进出库记录的配件须留空（以后的数量变化记在台账里）", kind="int", width=10),
    Column("balance", "账面库存", "导出时填当前账面库存，仅供查看；导入时不读取此列"
                                "（导出的表可直接用 --update 再导入）", kind="int", width=10),
))


def _opening_time(ctx: RowContext) -> str:
    day = parse_date(ctx.options.get("date"), "date") or _dt.date.today().isoformat()
    return f"{day} 00:00:00"


def _part_import_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    parsed = collect_field_errors(ctx, {
        "price": lambda: parse_money_fen(values.get("price"), "price"),
        "safety_stock": lambda: parse_int(values.get("safety_stock"), "safety_stock", minimum=0, default=0),
        "opening_qty": lambda: parse_int(values.get("opening_qty"), "opening_qty", minimum=0, default=0),
        "date": lambda: _opening_time(ctx),
        "code": lambda: require_text(values.get("code"), "code", "Part code"),
        "name": lambda: require_text(values.get("name"), "name", "Part name"),
    })
    data = PartInput(code=normalise_text(values.get("code")), name=normalise_text(values.get("name")),
                     spec=normalise_text(values.get("spec")), unit=normalise_text(values.get("unit")),
                     price_fen=parsed["price"] or 0, location=normalise_text(values.get("location")),
                     safety_stock=parsed["safety_stock"])
    existing = find_part(db, data.code) if data.code else None
    who = ctx.options.get("who") or ""
    if existing is not None:
        if not ctx.options.get("update"):
            ctx.problem("code", f"part {existing.code} already exists (use --update to update it)")
            raise RowRejected
        if parsed["opening_qty"] and existing.last_move_at is not None:
            ctx.problem("opening_qty", f"part {existing.code} already has ledger lines; book stock with "
                                       "a receipt instead of an opening quantity")
            raise RowRejected
        data.active = existing.active
        part = update_part(db, existing.id, data, who)
        outcome = "updated"
    else:
        part = add_part(db, data, who)
        outcome = "created"
    if parsed["opening_qty"]:
        receive(db, part.id, parsed["opening_qty"], who=who, at=parsed["date"], document_no="期初",
                reason="期初库存")
    return outcome


def _export_parts(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """The parts master as an import sheet that re-imports as it is.

    期初库存 (opening_qty) is left blank: stock is booked once, when a part is
    new; after that the ledger is the only place its quantity changes, so an
    exported balance in that column would be refused ("already has ledger
    lines") by `import parts --update`, or silently double-book stock into a
    fresh database. The book stock goes into 账面库存 (balance) for reading;
    the importer never reads that column. A re-import into a fresh database
    therefore creates the parts with zero stock (book the stock by receipt or
    a stock count)."""
    return [{"code": p.code, "name": p.name, "spec": p.spec, "unit": p.unit, "price": yuan(p.price_fen),
             "location": p.location, "safety_stock": p.safety_stock, "opening_qty": None,
             "balance": p.balance}
            for p in list_parts(db, include_inactive=True, limit=1_000_000)]


# No sample rows: the template is an EMPTY import sheet (an untouched template
# imported must not book invented parts with stock); examples live in the notes.
PARTS_SHEET = ExchangeKind(PARTS_SPEC, _part_import_row, _export_parts)
