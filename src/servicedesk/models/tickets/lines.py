"""A ticket's work lines (work-hour catalog codes) and part lines.

Checking them against the catalog and the parts master, reading them back,
and the text forms that go into the event log. Used by the visit step, the
ticket reading and the ticket sheets.
"""

from __future__ import annotations

from typing import Any, Iterable

import sqlite_utils

from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.standards import WORK_CATALOG
from servicedesk.models.core.validation import fen_to_yuan_str, normalise_text
from servicedesk.models.tickets.flow import _free
from servicedesk.models.tickets.records import PART_KIND_LABELS, PART_KINDS, PartLine, WorkLine

# ---------------------------------------------------------------- catalog / parts master
def catalog_codes(db: sqlite_utils.Database, include_retired: bool = True) -> dict[str, str]:
    """Work-hour catalog code -> name: the pay area's table (work_catalog,
    editable, versioned) when it exists, else the shipped defaults
    (standards.WORK_CATALOG)."""
    if db["work_catalog"].exists():
        sql = "SELECT code, name FROM work_catalog" + ("" if include_retired else " WHERE active = 1")
        return {r[0]: r[1] for r in db.execute(sql + " ORDER BY sort_order, code")}
    return {code: spec[0] for code, spec in WORK_CATALOG.items()}


def part_master(db: sqlite_utils.Database, code: str) -> dict[str, Any] | None:
    """The parts-master row for `code` (name, spec, price_fen) or None when the
    parts area has no master table yet or the code is unknown."""
    if not code or not db["parts"].exists():
        return None
    cols = set(db["parts"].columns_dict)
    if "code" not in cols:
        return None
    rows = list(db.query("SELECT * FROM parts WHERE code = ?", [code]))
    if not rows:
        return None
    row = rows[0]
    price = next((row[c] for c in ("price_fen", "unit_price_fen", "sale_price_fen") if c in row), 0)
    return {"code": row["code"], "name": row.get("name") or code, "spec": row.get("spec") or "",
            "price_fen": int(price or 0)}


def has_parts_master(db: sqlite_utils.Database) -> bool:
    return db["parts"].exists() and "code" in db["parts"].columns_dict


def clean_work(db: sqlite_utils.Database, lines: Iterable[WorkLine],
                keep: Iterable[str] = ()) -> list[WorkLine]:
    """Codes must be active catalog items; `keep` lets a line already on the
    ticket keep a code retired since."""
    catalog = set(catalog_codes(db, include_retired=False)) | set(keep)
    out = []
    for line in lines:
        code = normalise_text(line.code).upper()
        if code not in catalog:
            raise ValidationError(f'Work code "{line.code}" is not in the work-hour catalog.', "work")
        qty = line.quantity_x100
        if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0:
            raise ValidationError(f"Quantity of {code} must be more than 0.", "work")
        out.append(WorkLine(code, qty, _free(line.notes)))
    return out


def clean_parts(db: sqlite_utils.Database, lines: Iterable[PartLine]) -> list[PartLine]:
    out = []
    for line in lines:
        code = normalise_text(line.part_code)
        master = (part_master(db, code) or part_master(db, code.upper())) if code else None
        if master:
            code = master["code"]
        if code and master is None and has_parts_master(db):
            raise ValidationError(f'Part "{line.part_code}" is not in the parts list.', "parts")
        name = normalise_text(line.name) or (master["name"] if master else code)
        if not name:
            raise ValidationError("Each part needs a name or a part code.", "parts")
        if line.kind not in PART_KINDS:
            raise ValidationError(f'Part kind must be 三包件 (warranty) or 客户购买件 (bought), '
                                  f'not "{line.kind}".', "parts")
        qty = line.quantity
        if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0:
            raise ValidationError(f"Quantity of {name} must be a whole number above 0.", "parts")
        price = line.unit_price_fen
        if not isinstance(price, int) or isinstance(price, bool) or price < 0:
            raise ValidationError(f"Unit price of {name} must be a whole number of fen, not negative.",
                                  "parts")
        if line.kind == "bought" and not price and master:
            price = master["price_fen"]
        out.append(PartLine(code, name, line.kind, qty, price,
                            normalise_text(line.spec) or (master["spec"] if master else "")))
    return out


def _fmt_qty(x100: int) -> str:
    return fen_to_yuan_str(x100).rstrip("0").rstrip(".") if x100 % 100 else str(x100 // 100)


def _work_text(lines: Iterable[WorkLine]) -> str:
    return "; ".join(f"{w.code}*{_fmt_qty(w.quantity_x100)}" for w in lines)


def _parts_text(lines: Iterable[PartLine]) -> str:
    return "; ".join(
        f"{PART_KIND_LABELS[p.kind]} {p.part_code or p.name}*{p.quantity}"
        + (f"@{fen_to_yuan_str(p.unit_price_fen)}" if p.unit_price_fen else "") for p in lines)


def _load_work(db: sqlite_utils.Database, ticket_id: int, catalog: dict[str, str] | None = None) -> list[WorkLine]:
    catalog = catalog if catalog is not None else catalog_codes(db)
    return [WorkLine(r[1], r[2], r[3], r[0], catalog.get(r[1], "")) for r in db.execute(
        "SELECT id, code, quantity_x100, notes FROM ticket_work WHERE ticket_id = ? ORDER BY id", [ticket_id])]


def _load_parts(db: sqlite_utils.Database, ticket_id: int) -> list[PartLine]:
    return [PartLine(r[1], r[2], r[3], r[4], r[5], r[6], r[0]) for r in db.execute(
        "SELECT id, part_code, name, kind, quantity, unit_price_fen, spec FROM ticket_parts "
        "WHERE ticket_id = ? ORDER BY id", [ticket_id])]


def _same_work(a: list[WorkLine], b: list[WorkLine]) -> bool:
    return [(w.code, w.quantity_x100, w.notes) for w in a] == [(w.code, w.quantity_x100, w.notes) for w in b]


def _same_parts(a: list[PartLine], b: list[PartLine]) -> bool:
    key = lambda p: (p.part_code, p.name, p.kind, p.quantity, p.unit_price_fen, p.spec)  # noqa: E731
    return [key(p) for p in a] == [key(p) for p in b]
