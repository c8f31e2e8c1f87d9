"""Customers, their equipment, search and the warranty decision (DOMAIN §1)."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import sqlite_utils

from servicedesk.models.db import now_iso, transaction
from servicedesk.models.errors import NotFound, ValidationError
from servicedesk.models.settings import get_setting
from servicedesk.models.standards import WARRANTY_EXCLUSIONS
from servicedesk.models.validation import (
    normalise_text, parse_date, parse_int, parse_phone, require_text,
)


# ---------------------------------------------------------------- dataclasses
@dataclass
class CustomerInput:
    name: str
    contact: str = ""
    title: str = ""
    phone: str = ""
    phone2: str = ""
    address: str = ""
    region: str = ""
    dealer: str = ""
    notes: str = ""


@dataclass
class Customer(CustomerInput):
    id: int = 0
    created_at: str = ""
    updated_at: str = ""
    equipment_count: int = 0


@dataclass
class EquipmentInput:
    customer_id: int
    model: str
    serial_no: str
    quantity: int = 1
    factory_date: str | None = None
    purchase_date: str | None = None
    delivery_date: str | None = None
    acceptance_date: str | None = None
    invoice_no: str = ""
    first_site: str = ""
    project_name: str = ""
    project_no: str = ""
    dealer: str = ""
    warranty_months: int | None = None
    notes: str = ""


@dataclass
class Equipment(EquipmentInput):
    id: int = 0
    created_at: str = ""
    updated_at: str = ""
    customer_name: str = ""


@dataclass(frozen=True)
class WarrantyDecision:
    in_warranty: bool
    reason: str                  # in words, Chinese, as printed on the ticket
    start: str | None = None
    end: str | None = None
    exclusion: str | None = None
    overridden: bool = False

    @property
    def code(self) -> str:
        return "in" if self.in_warranty else "out"


@dataclass(frozen=True)
class SearchHit:
    customer_id: int
    name: str
    contact: str
    phone: str
    address: str
    dealer: str
    equipment: list[dict[str, Any]] = field(default_factory=list)


_CUSTOMER_FIELDS = [f.name for f in fields(CustomerInput)]
_EQUIPMENT_FIELDS = [f.name for f in fields(EquipmentInput)]


# ---------------------------------------------------------------- validation
def clean_customer(data: CustomerInput) -> CustomerInput:
    """Normalise and validate; raises ValidationError naming the field."""
    return CustomerInput(
        name=require_text(data.name, "name", "Customer name"),
        contact=normalise_text(data.contact),
        title=normalise_text(data.title),
        phone=parse_phone(data.phone, "phone"),
        phone2=parse_phone(data.phone2, "phone2"),
        address=normalise_text(data.address),
        region=normalise_text(data.region),
        dealer=normalise_text(data.dealer),
        notes=str(data.notes or "").strip(),
    )


def clean_equipment(data: EquipmentInput) -> EquipmentInput:
    cleaned = EquipmentInput(
        customer_id=data.customer_id,
        model=require_text(data.model, "model", "Model").upper() if _looks_like_code(data.model)
        else require_text(data.model, "model", "Model"),
        serial_no=require_text(data.serial_no, "serial_no", "Serial no"),
        quantity=parse_int(data.quantity, "quantity", minimum=1, default=1),
        factory_date=parse_date(data.factory_date, "factory_date"),
        purchase_date=parse_date(data.purchase_date, "purchase_date"),
        delivery_date=parse_date(data.delivery_date, "delivery_date"),
        acceptance_date=parse_date(data.acceptance_date, "acceptance_date"),
        invoice_no=normalise_text(data.invoice_no),
        first_site=normalise_text(data.first_site),
        project_name=normalise_text(data.project_name),
        project_no=normalise_text(data.project_no),
        dealer=normalise_text(data.dealer),
        warranty_months=parse_int(data.warranty_months, "warranty_months", minimum=0),
        notes=str(data.notes or "").strip(),
    )
    _check_date_order(cleaned)
    return cleaned


def _looks_like_code(model: object) -> bool:
    text = normalise_text(model)
    return bool(text) and text.isascii()


def _check_date_order(eq: EquipmentInput) -> None:
    """factory <= purchase <= acceptance (and delivery between purchase and acceptance)."""
    chain = [("factory_date", "Factory date"), ("purchase_date", "Purchase date"),
             ("delivery_date", "Delivery date"), ("acceptance_date", "Acceptance date")]
    previous: tuple[str, str, str] | None = None
    for key, label in chain:
        value = getattr(eq, key)
        if not value:
            continue
        if previous and value < previous[2]:
            raise ValidationError(
                f"{label} {value} is before {previous[1].lower()} {previous[2]}", key
            )
        previous = (key, label, value)


# ---------------------------------------------------------------- customers
def _row_to_customer(row: dict[str, Any]) -> Customer:
    known = {f.name for f in fields(Customer)}
    return Customer(**{k: v for k, v in row.items() if k in known})


def get_customer(db: sqlite_utils.Database, customer_id: int) -> Customer:
    rows = list(db.query(
        "SELECT c.*, (SELECT count(*) FROM equipment e WHERE e.customer_id = c.id) AS equipment_count "
        "FROM customers c WHERE c.id = ?", [customer_id]))
    if not rows:
        raise NotFound(f"No customer with id {customer_id}.", "customer")
    return _row_to_customer(rows[0])


def possible_duplicates(db: sqlite_utils.Database, data: CustomerInput,
                        exclude_id: int | None = None) -> list[Customer]:
    """Customers with the same phone, or a near-same name (shown before saving).

    Near-same: equal after removing spaces/punctuation and common company
    suffixes, or one name contains the other (张三 vs 张三（个人）).
    """
    phone = ""
    try:
        phone = parse_phone(data.phone)
    except ValidationError:
        pass
    key = _name_key(data.name)
    if not key and not phone:
        return []
    clauses, params = [], []
    if phone:
        clauses.append("phone = ? OR phone2 = ?")
        params += [phone, phone]
    if key:
        clauses.append("instr(name, ?) > 0 OR instr(?, name) > 0")
        params += [key[:4] if len(key) > 4 else key, normalise_text(data.name)]
    sql = f"SELECT * FROM customers WHERE ({' OR '.join(clauses)})"
    if exclude_id:
        sql += " AND id != ?"
        params.append(exclude_id)
    found = []
    for row in db.query(sql + " LIMIT 50", params):
        other = _name_key(row["name"])
        if (phone and phone in (row["phone"], row["phone2"])) or (
            key and other and (key == other or key in other or other in key)
        ):
            found.append(_row_to_customer(row))
    return found[:10]


_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "集团", "公司", "个人")


def _name_key(name: str) -> str:
    text = re.sub(r"[\s\W_]+", "", normalise_text(name))
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    return text


def add_customer(db: sqlite_utils.Database, data: CustomerInput) -> Customer:
    clean = clean_customer(data)
    stamp = now_iso()
    with transaction(db):
        cid = db["customers"].insert({**asdict(clean), "created_at": stamp, "updated_at": stamp}).last_pk
        reindex_customer(db, cid)
    return get_customer(db, cid)


def update_customer(db: sqlite_utils.Database, customer_id: int, data: CustomerInput) -> Customer:
    clean = clean_customer(data)
    get_customer(db, customer_id)
    with transaction(db):
        db["customers"].update(customer_id, {**asdict(clean), "updated_at": now_iso()})
        reindex_customer(db, customer_id)
    return get_customer(db, customer_id)


def delete_customer(db: sqlite_utils.Database, customer_id: int) -> None:
    """Only a customer with no equipment and no tickets can be deleted."""
    customer = get_customer(db, customer_id)
    if customer.equipment_count:
        raise ValidationError(
            f"{customer.name} still has {customer.equipment_count} equipment; delete or move it first.",
            "customer")
    if db["tickets"].exists() and db.execute(
            "SELECT 1 FROM tickets WHERE customer_id = ? LIMIT 1", [customer_id]).fetchone():
        raise ValidationError(f"{customer.name} has tickets and cannot be deleted.", "customer")
    with transaction(db):
        db.execute("DELETE FROM customer_search WHERE customer_id = ?", [customer_id])
        db.execute("DELETE FROM customers WHERE id = ?", [customer_id])


def find_customer(db: sqlite_utils.Database, name: str, phone: str = "") -> Customer:
    """Match by name, and by phone when given (two customers may share a name)."""
    name = normalise_text(name)
    rows = list(db.query("SELECT * FROM customers WHERE name = ?", [name]))
    if phone:
        norm = parse_phone(phone, "phone")
        rows = [r for r in rows if norm in (r["phone"], r["phone2"])]
    if not rows:
        raise NotFound(f'No customer "{name}"' + (f" with phone {phone}" if phone else ""), "customer")
    if len(rows) > 1:
        raise ValidationError(
            f'{len(rows)} customers are named "{name}"; give the phone to choose one.', "customer")
    return _row_to_customer(rows[0])


def count_customers(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM customers").fetchone()[0]


def list_customers(db: sqlite_utils.Database, *, limit: int = 200, offset: int = 0,
                   order_by: str = "name") -> list[Customer]:
    order = {"name": "c.name", "updated": "c.updated_at DESC", "id": "c.id"}.get(order_by, "c.name")
    rows = db.query(
        "SELECT c.*, (SELECT count(*) FROM equipment e WHERE e.customer_id = c.id) AS equipment_count "
        f"FROM customers c ORDER BY {order} LIMIT ? OFFSET ?", [limit, offset])
    return [_row_to_customer(r) for r in rows]


# ---------------------------------------------------------------- equipment
def _row_to_equipment(row: dict[str, Any]) -> Equipment:
    known = {f.name for f in fields(Equipment)}
    return Equipment(**{k: v for k, v in row.items() if k in known})


def get_equipment(db: sqlite_utils.Database, equipment_id: int) -> Equipment:
    rows = list(db.query(
        "SELECT e.*, c.name AS customer_name FROM equipment e JOIN customers c ON c.id = e.customer_id "
        "WHERE e.id = ?", [equipment_id]))
    if not rows:
        raise NotFound(f"No equipment with id {equipment_id}.", "equipment")
    return _row_to_equipment(rows[0])


def find_equipment(db: sqlite_utils.Database, model: str, serial_no: str) -> Equipment | None:
    row = db.execute("SELECT id FROM equipment WHERE model = ? AND serial_no = ?",
                     [normalise_text(model), normalise_text(serial_no)]).fetchone()
    if row is None and _looks_like_code(model):
        row = db.execute("SELECT id FROM equipment WHERE model = ? AND serial_no = ?",
                         [normalise_text(model).upper(), normalise_text(serial_no)]).fetchone()
    return get_equipment(db, row[0]) if row else None


def equipment_for_customer(db: sqlite_utils.Database, customer_id: int) -> list[Equipment]:
    rows = db.query(
        "SELECT e.*, c.name AS customer_name FROM equipment e JOIN customers c ON c.id = e.customer_id "
        "WHERE e.customer_id = ? ORDER BY e.model, e.serial_no", [customer_id])
    return [_row_to_equipment(r) for r in rows]


def _check_serial_unique(db: sqlite_utils.Database, eq: EquipmentInput, exclude_id: int | None) -> None:
    row = db.execute(
        "SELECT e.id, c.name FROM equipment e JOIN customers c ON c.id = e.customer_id "
        "WHERE e.model = ? AND e.serial_no = ? AND e.id IS NOT ?",
        [eq.model, eq.serial_no, exclude_id]).fetchone()
    if row:
        raise ValidationError(
            f"Serial no {eq.serial_no} of model {eq.model} is already registered (customer {row[1]}).",
            "serial_no")


def add_equipment(db: sqlite_utils.Database, data: EquipmentInput) -> Equipment:
    clean = clean_equipment(data)
    get_customer(db, clean.customer_id)
    stamp = now_iso()
    with transaction(db):
        _check_serial_unique(db, clean, None)
        eid = db["equipment"].insert({**asdict(clean), "created_at": stamp, "updated_at": stamp}).last_pk
        reindex_customer(db, clean.customer_id)
    return get_equipment(db, eid)


def update_equipment(db: sqlite_utils.Database, equipment_id: int, data: EquipmentInput) -> Equipment:
    clean = clean_equipment(data)
    old = get_equipment(db, equipment_id)
    get_customer(db, clean.customer_id)
    with transaction(db):
        _check_serial_unique(db, clean, equipment_id)
        db["equipment"].update(equipment_id, {**asdict(clean), "updated_at": now_iso()})
        reindex_customer(db, clean.customer_id)
        if old.customer_id != clean.customer_id:
            reindex_customer(db, old.customer_id)
    return get_equipment(db, equipment_id)


def delete_equipment(db: sqlite_utils.Database, equipment_id: int) -> None:
    eq = get_equipment(db, equipment_id)
    if db.execute("SELECT 1 FROM tickets WHERE equipment_id = ? LIMIT 1", [equipment_id]).fetchone():
        raise ValidationError(f"{eq.model} {eq.serial_no} has tickets and cannot be deleted.", "equipment")
    with transaction(db):
        db.execute("DELETE FROM equipment WHERE id = ?", [equipment_id])
        reindex_customer(db, eq.customer_id)


# ---------------------------------------------------------------- warranty
def add_months(day: _dt.date, months: int) -> _dt.date:
    """Calendar months; the 31st falls back to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return _dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def warranty_status(db: sqlite_utils.Database, equipment: Equipment | EquipmentInput,
                    on_date: str | _dt.date, *, exclusion: str | None = None,
                    override: str | None = None, override_reason: str = "") -> WarrantyDecision:
    """In or out of warranty on `on_date`, with the reason in words.

    Period: `warranty_months` of the equipment (else the setting, 12) from
    the acceptance date, else the purchase date; the last day is included.
    A 三包 exclusion puts an in-warranty job out; a manual override ('in'/'out')
    needs a reason and wins over everything.
    """
    day = on_date if isinstance(on_date, _dt.date) else _dt.date.fromisoformat(str(on_date)[:10])
    months = equipment.warranty_months
    if months is None:
        months = int(get_setting(db, "warranty.months", 12))
    if equipment.acceptance_date:
        start_label, start = "验收日期", equipment.acceptance_date
    elif equipment.purchase_date:
        start_label, start = "购机日期", equipment.purchase_date
    else:
        start_label, start = "", None
    end = None
    if start:
        end = (add_months(_dt.date.fromisoformat(start), months) - _dt.timedelta(days=1)).isoformat()
    if override:
        if override not in ("in", "out"):
            raise ValidationError("Override must be 'in' or 'out'.", "warranty")
        reason = normalise_text(override_reason)
        if not reason:
            raise ValidationError("A manual warranty decision needs a reason.", "warranty_override_reason")
        word = "在保" if override == "in" else "保外"
        return WarrantyDecision(override == "in", f"{word}（人工判定）：{reason}", start, end, None, True)
    if not start:
        return WarrantyDecision(False, "保外：无验收日期和购机日期，无法确定保修期", None, None)
    if exclusion:
        if exclusion not in WARRANTY_EXCLUSIONS:
            raise ValidationError(f"Unknown 三包 exclusion {exclusion!r}.", "warranty_exclusion")
        return WarrantyDecision(False, f"保外：三包除外——{WARRANTY_EXCLUSIONS[exclusion]}",
                                start, end, exclusion)
    if day.isoformat() < start:
        return WarrantyDecision(True, f"在保：{start_label} {start} 尚未到期（保修至 {end}）", start, end)
    if day.isoformat() <= end:
        return WarrantyDecision(True, f"在保：自{start_label} {start} 起 {months} 个月，至 {end}", start, end)
    return WarrantyDecision(False, f"保外：自{start_label} {start} 起 {months} 个月，已于 {end} 到期",
                            start, end)


# ---------------------------------------------------------------- search
def _search_text(db: sqlite_utils.Database, customer_id: int) -> str:
    c = db.execute("SELECT name, contact, phone, phone2, address, region, dealer FROM customers "
                   "WHERE id = ?", [customer_id]).fetchone()
    parts = [p for p in c if p]
    parts += [re.sub(r"\D", "", p) for p in (c[2], c[3]) if p and "-" in p]
    for model, serial, project_no, project_name in db.execute(
            "SELECT model, serial_no, project_no, project_name FROM equipment WHERE customer_id = ?",
            [customer_id]):
        parts += [model, serial, project_no, project_name]
    return " | ".join(p for p in parts if p)


def reindex_customer(db: sqlite_utils.Database, customer_id: int) -> None:
    """Refresh the customer's row in the FTS5 trigram index (called in the write's transaction)."""
    text = _search_text(db, customer_id)
    db.execute("INSERT INTO customer_search (customer_id, text) VALUES (?, ?) "
               "ON CONFLICT(customer_id) DO UPDATE SET text = excluded.text", [customer_id, text])


def _search_terms(query: str) -> list[str]:
    text = unicodedata.normalize("NFKC", query or "").strip()
    return [t for t in re.split(r"\s+", text) if t]


def search_clause(column_rowid: str, fts_table: str, text_table: str, text_key: str,
                  query: str) -> tuple[str, list[Any]]:
    """SQL condition for substring search: FTS5 trigram for terms of 3+ characters,
    LIKE over the same text for 1-2 character terms (trigram cannot match those).
    Shared by every searchable list (customers, tickets)."""
    clauses, params = [], []
    for term in _search_terms(query):
        if len(term) >= 3:
            clauses.append(f"{column_rowid} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)")
            params.append('"' + term.replace('"', '""') + '"')
        else:
            escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append(f"{column_rowid} IN (SELECT {text_key} FROM {text_table} "
                           "WHERE text LIKE ? ESCAPE '\\')")
            params.append(f"%{escaped}%")
    return (" AND ".join(clauses) or "1"), params


def search(db: sqlite_utils.Database, query: str, limit: int = 200) -> list[SearchHit]:
    """Customers (with matching equipment) whose name, contact, phone, address,
    model or serial contains every term of `query`."""
    terms = _search_terms(query)
    if not terms:
        return []
    where, params = search_clause("c.id", "customer_fts", "customer_search", "customer_id", query)
    rows = list(db.query(f"SELECT c.* FROM customers c WHERE {where} ORDER BY c.name LIMIT ?",
                         params + [limit]))
    hits = []
    for row in rows:
        eq_rows = list(db.query(
            "SELECT id, model, serial_no, project_no FROM equipment WHERE customer_id = ? ORDER BY model",
            [row["id"]]))
        lowered = [t.lower() for t in terms]
        matched = [e for e in eq_rows if any(
            t in " ".join(str(e[k] or "") for k in ("model", "serial_no", "project_no")).lower()
            for t in lowered)]
        hits.append(SearchHit(row["id"], row["name"], row["contact"], row["phone"], row["address"],
                              row["dealer"], matched))
    return hits
