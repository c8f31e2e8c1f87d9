"""The parts master (配件档案): what a part is, its checks, and finding parts.

A part's code is what tickets record and what the ledger lines point to, so
its rules (one word, unique, frozen once stock has moved) live here, apart
from the stock movements in `moves`. The other parts modules read parts
through `_part_row` and `get_part`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from servicedesk.models.core.db import like_contains, now_iso, transaction
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.core.pinyin import is_pinyin_term, use_collation
from servicedesk.models.core.record_guard import audit_deletion, check_unchanged, refuse_if_referenced, write_active
from servicedesk.models.core.settings import recorder
from servicedesk.models.core.validation import normalise_text, require_text


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
    version: int = 0           # what a dialog's save compares (models/core/record_guard.py)
    updated_by: str = ""

    @property
    def is_low(self) -> bool:
        return bool(self.active) and self.balance < self.safety_stock

    @property
    def state(self) -> str:
        """'inactive' | 'low' | 'ok' — the list colours and words follow this."""
        if not self.active:
            return "inactive"
        return "low" if self.is_low else "ok"


def _row_to_part(row: dict[str, Any]) -> Part:
    data = dict(row)
    data["active"] = bool(data["active"])
    return Part(**data)


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


def update_part(db: sqlite_utils.Database, part_id: int, data: PartInput, who: str = "",
                loaded: Part | None = None) -> Part:
    """Change master data. The code is what tickets record, so it cannot
    change once stock has moved (tickets would lose their link). `loaded`
    (the part as a dialog read it) makes the save refuse with ConflictError
    when anyone changed the master data since (stock moves do not count)."""
    clean = clean_part(data)
    with transaction(db):
        old = _part_row(db, part_id)
        check_unchanged(db, "parts", part_id, loaded, f"Part {old['code']}")
        if clean.code != old["code"]:
            if db.execute("SELECT 1 FROM parts WHERE code = ?", [clean.code]).fetchone():
                raise ValidationError(f"Part code {clean.code} already exists.", "code")
            if db.execute("SELECT 1 FROM stock_moves WHERE part_id = ? LIMIT 1", [part_id]).fetchone():
                raise ValidationError(f"Part {old['code']} already has ledger lines: its code cannot change "
                                      "(make a new part and stop using this one).", "code")
        db["parts"].update(part_id, {**clean.__dict__, "active": int(clean.active), "updated_at": now_iso(),
                                     "updated_by": who or recorder(db)})
    return get_part(db, part_id)


def set_part_active(db: sqlite_utils.Database, part_id: int, active: bool, who: str = "") -> Part:
    """Stop (or resume) using a part; it keeps its history and any stock."""
    with transaction(db):
        _part_row(db, part_id)
        write_active(db, "parts", part_id, active, who)
    return get_part(db, part_id)


def delete_part(db: sqlite_utils.Database, part_id: int, who: str = "") -> None:
    """Only a part with no ledger line, count line or ticket line can be deleted
    (a mistyped new part); otherwise the message names each and says to deactivate it."""
    with transaction(db):
        row = _part_row(db, part_id)
        refuse_if_referenced(db, "part", part_id)
        audit_deletion(db, f"part {row['code']}", row, who or recorder(db))
        db.execute("DELETE FROM parts WHERE id = ?", [part_id])


def get_part(db: sqlite_utils.Database, part: int | str) -> Part:
    return _row_to_part(_part_row(db, part))


def find_part(db: sqlite_utils.Database, code: str) -> Part | None:
    row = db.execute("SELECT id FROM parts WHERE code = ?", [normalise_text(code).upper()]).fetchone()
    return get_part(db, row[0]) if row else None


def _parts_where(query: str, low_only: bool, include_inactive: bool) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for term in normalise_text(query).split():
        clause = ("code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR spec LIKE ? ESCAPE '\\' "
                  "OR location LIKE ? ESCAPE '\\'")
        params += [like_contains(term)] * 4
        if is_pinyin_term(term):   # jlc / jiaoliu finds 交流接触器 (issue 16)
            clause += " OR pinyin_forms(name) LIKE ?"
            params.append(like_contains(term.lower()))
        clauses.append(f"({clause})")
    if not include_inactive:
        clauses.append("active = 1")
    if low_only:
        clauses.append("active = 1 AND balance < safety_stock")
    return (" AND ".join(clauses) or "1"), params


PART_ORDER = {"code": "code", "name": "name COLLATE pinyin", "spec": "spec", "unit": "unit", "price_fen": "price_fen",
              "location": "location", "safety_stock": "safety_stock", "balance": "balance",
              "last_move_at": "last_move_at", "state": "(active = 1 AND balance < safety_stock)"}


def list_parts(db: sqlite_utils.Database, query: str = "", *, low_only: bool = False,
               include_inactive: bool = False, order: str = "code", descending: bool = False,
               limit: int = 500, offset: int = 0) -> list[Part]:
    """Parts whose code, name, spec or location contain every word of `query`."""
    where, params = _parts_where(query, low_only, include_inactive)
    col = PART_ORDER.get(order, "code")
    use_collation(db)   # names sort by pinyin (issue 16)
    direction = "DESC" if descending else "ASC"
    rows = db.query(f"SELECT * FROM parts WHERE {where} ORDER BY {col} {direction}, code "
                    "LIMIT ? OFFSET ?", params + [limit, offset])
    return [_row_to_part(r) for r in rows]


def count_parts(db: sqlite_utils.Database, query: str = "", *, low_only: bool = False,
                include_inactive: bool = False) -> int:
    where, params = _parts_where(query, low_only, include_inactive)
    use_collation(db)   # and pinyin_forms for a pinyin search word
    return db.execute(f"SELECT COUNT(*) FROM parts WHERE {where}", params).fetchone()[0]


def part_choices(db: sqlite_utils.Database, include_inactive: bool = False) -> list[Part]:
    """All parts for a picker (a branch office keeps hundreds, not millions)."""
    return list_parts(db, include_inactive=include_inactive, limit=100_000)


def technician_choices(db: sqlite_utils.Database) -> list[tuple[int, str]]:
    """(id, name) of active technicians, for the recipient pickers."""
    return [(r[0], r[1]) for r in db.execute(
        f"SELECT id, name FROM technicians WHERE active = 1 ORDER BY name COLLATE {use_collation(db)}")]
