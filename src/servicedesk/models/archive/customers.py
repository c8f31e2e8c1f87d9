"""Customers, their equipment, search and the warranty decision (DOMAIN §1)."""

from __future__ import annotations

import calendar
import datetime as _dt
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.core.settings import get_setting
from servicedesk.models.core.standards import WARRANTY_EXCLUSIONS
from servicedesk.models.core.validation import (
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
class DateOrderError(ValidationError):
    """A date earlier than the one that must come before it (factory <= purchase <= acceptance;
    factory <= delivery <= acceptance).

    Carries both fields and values so the UI can word it in the clerk's language.
    """

    def __init__(self, field: str, value: str, earlier_field: str, earlier_value: str):
        super().__init__(
            f"{_DATE_LABELS[field]} {value} is before {_DATE_LABELS[earlier_field].lower()} "
            f"{earlier_value}; the order is factory <= purchase <= acceptance, "
            "with delivery between factory and acceptance.", field)
        self.value = value
        self.earlier_field = earlier_field
        self.earlier_value = earlier_value


class DuplicateSerialError(ValidationError):
    """The model + serial no is already registered (serial numbers are unique per model)."""

    def __init__(self, model: str, serial_no: str, customer_name: str, equipment_id: int):
        super().__init__(
            f"Serial no {serial_no} of model {model} is already registered "
            f"(customer {customer_name}).", "serial_no")
        self.model = model
        self.serial_no = serial_no
        self.customer_name = customer_name
        self.equipment_id = equipment_id


_DATE_LABELS = {
    "factory_date": "Factory date",
    "purchase_date": "Purchase date",
    "delivery_date": "Delivery date",
    "acceptance_date": "Acceptance date",
}


def _collect(parsers: dict[str, Any]) -> tuple[dict[str, Any], dict[str, ValidationError]]:
    """Run every field parser; keep the value or the error of each field.

    Checking all fields at once lets a dialog mark every bad field in one go
    instead of one per click.
    """
    values: dict[str, Any] = {}
    errors: dict[str, ValidationError] = {}
    for key, parse in parsers.items():
        try:
            values[key] = parse()
        except ValidationError as exc:
            errors[exc.field or key] = exc
    return values, errors


def customer_errors(data: CustomerInput) -> dict[str, ValidationError]:
    """Every field problem of a customer, keyed by field ({} when it can be saved)."""
    return _clean_customer(data)[1]


def _clean_customer(data: CustomerInput) -> tuple[CustomerInput | None, dict[str, ValidationError]]:
    values, errors = _collect({
        "name": lambda: require_text(data.name, "name", "Customer name (unit or person)"),
        "phone": lambda: parse_phone(data.phone, "phone"),
        "phone2": lambda: parse_phone(data.phone2, "phone2"),
    })
    if errors:
        return None, errors
    return CustomerInput(
        name=values["name"],
        contact=normalise_text(data.contact),
        title=normalise_text(data.title),
        phone=values["phone"],
        phone2=values["phone2"],
        address=normalise_text(data.address),
        region=normalise_text(data.region),
        dealer=normalise_text(data.dealer),
        notes=str(data.notes or "").strip(),
    ), {}


def clean_customer(data: CustomerInput) -> CustomerInput:
    """Normalise and validate; raises ValidationError naming the (first) bad field."""
    clean, errors = _clean_customer(data)
    if errors:
        raise next(iter(errors.values()))
    assert clean is not None
    return clean


def _normalise_code(value: object) -> str:
    """Model and serial of a plate: NFKC, ASCII codes without spaces and in upper case.

    'qtz 80' and 'ＱＴＺ８０' are the same model as 'QTZ80'; a serial typed in
    lower case is the same plate as the one in upper case. Text with Chinese
    in it is kept as typed (after NFKC), since its spaces may matter.
    """
    text = normalise_text(value)
    if text.isascii():
        return re.sub(r"\s+", "", text).upper()
    return text


normalise_code = _normalise_code   # public: importers key plates the way the archive does


def _parse_equipment(data: EquipmentInput) -> tuple[dict[str, Any], dict[str, ValidationError]]:
    """Parse every field; then check the order of the dates that did parse.

    A bad date and a date out of order elsewhere are both reported at once.
    """
    values, errors = _collect({
        "model": lambda: _normalise_code(require_text(data.model, "model", "Model")),
        "serial_no": lambda: _normalise_code(require_text(data.serial_no, "serial_no", "Serial no")),
        "quantity": lambda: parse_int(data.quantity, "quantity", minimum=1, default=1),
        "factory_date": lambda: parse_date(data.factory_date, "factory_date"),
        "purchase_date": lambda: parse_date(data.purchase_date, "purchase_date"),
        "delivery_date": lambda: parse_date(data.delivery_date, "delivery_date"),
        "acceptance_date": lambda: parse_date(data.acceptance_date, "acceptance_date"),
        "warranty_months": lambda: parse_int(data.warranty_months, "warranty_months", minimum=0),
    })
    if not data.customer_id:
        errors["customer"] = ValidationError("Choose the customer the equipment belongs to.", "customer")
    order = _date_order_error(EquipmentInput(
        customer_id=0, model="", serial_no="",
        **{k: values.get(k) for k in ("factory_date", "purchase_date", "delivery_date", "acceptance_date")}))
    if order is not None and order.field not in errors:
        errors[order.field] = order
    return values, errors


def _clean_equipment(data: EquipmentInput) -> tuple[EquipmentInput | None, dict[str, ValidationError]]:
    values, errors = _parse_equipment(data)
    if errors:
        return None, errors
    return EquipmentInput(
        customer_id=data.customer_id,
        model=values["model"],
        serial_no=values["serial_no"],
        quantity=values["quantity"],
        factory_date=values["factory_date"],
        purchase_date=values["purchase_date"],
        delivery_date=values["delivery_date"],
        acceptance_date=values["acceptance_date"],
        invoice_no=normalise_text(data.invoice_no),
        first_site=normalise_text(data.first_site),
        project_name=normalise_text(data.project_name),
        project_no=normalise_text(data.project_no),
        dealer=normalise_text(data.dealer),
        warranty_months=values["warranty_months"],
        notes=str(data.notes or "").strip(),
    ), {}


def clean_equipment(data: EquipmentInput) -> EquipmentInput:
    """Normalise and validate one equipment record (not the serial's uniqueness)."""
    clean, errors = _clean_equipment(data)
    if errors:
        raise next(iter(errors.values()))
    assert clean is not None
    return clean


def equipment_errors(db: sqlite_utils.Database, data: EquipmentInput,
                     equipment_id: int | None = None) -> dict[str, ValidationError]:
    """Every problem that would stop add/update_equipment, keyed by field."""
    values, errors = _parse_equipment(data)
    if "model" in values and "serial_no" in values:
        probe = EquipmentInput(customer_id=data.customer_id, model=values["model"],
                               serial_no=values["serial_no"])
        try:
            _check_serial_unique(db, probe, equipment_id)
        except ValidationError as exc:
            errors[exc.field or "serial_no"] = exc
    return errors


def _looks_like_code(model: object) -> bool:
    text = normalise_text(model)
    return bool(text) and text.isascii()


# (earlier, later) pairs of the dates of a plate, checked in this order.
# Factory <= purchase <= acceptance; delivery lies between factory and
# acceptance but is NOT compared with purchase: equipment is often delivered
# before it is bought (trial use, hire-purchase) or invoiced after it arrived.
_DATE_ORDER = (
    ("factory_date", "purchase_date"),
    ("purchase_date", "acceptance_date"),
    ("factory_date", "acceptance_date"),
    ("factory_date", "delivery_date"),
    ("delivery_date", "acceptance_date"),
)


def _date_order_error(eq: EquipmentInput) -> DateOrderError | None:
    """The first date out of order (see _DATE_ORDER), skipping dates not given."""
    for earlier, later in _DATE_ORDER:
        first, second = getattr(eq, earlier), getattr(eq, later)
        if first and second and second < first:
            return DateOrderError(later, second, earlier, first)
    return None


def _check_date_order(eq: EquipmentInput) -> None:
    error = _date_order_error(eq)
    if error is not None:
        raise error


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
    """Customers that may be the same one (shown to the clerk before saving).

    Possible duplicate = shares a phone number (either field, either side), or
    has a near-same name: equal after removing spaces, punctuation and common
    company suffixes (杭州建工集团有限公司 ~ 杭州建工), one name containing the
    other (张三 ~ 张三（个人）), or one character different in names of six or
    more characters (杭州市第一建工 ~ 杭州市第一建二 — shorter names differ in
    one character too often: 杭州城建 and 温州城建 are different companies),
    unless that character is in the leading place name (嘉兴基础工程集团 and
    绍兴基础工程股份 are companies of two cities, not a typo).
    Bad phone text is ignored here; the field validation reports it.
    """
    phones = []
    for value in (data.phone, data.phone2):
        try:
            phone = parse_phone(value)
        except ValidationError:
            continue
        if phone:
            phones.append(phone)
    key = _name_key(data.name)
    if len(key) < 2 and not phones:
        return []
    clauses, params = [], []
    if phones:
        marks = ", ".join("?" * len(phones))
        clauses.append(f"phone IN ({marks}) OR phone2 IN ({marks})")
        params += phones + phones
    if len(key) >= 2:
        # Cheap prefilter in SQL, exact rule in Python: a near-same name shares
        # its first two (or last two) characters, or is contained in ours.
        clauses.append("instr(name, ?) > 0 OR instr(name, ?) > 0 OR instr(?, name) > 0")
        params += [key[:2], key[-2:], normalise_text(data.name)]
    sql = f"SELECT * FROM customers WHERE ({' OR '.join(clauses)})"
    if exclude_id:
        sql += " AND id != ?"
        params.append(exclude_id)
    same_phone, near_name = [], []
    for row in db.query(sql + " LIMIT 5000", params):
        if phones and ({row["phone"], row["phone2"]} & set(phones)):
            same_phone.append(_row_to_customer(row))
        elif len(key) >= 2 and _names_near(key, _name_key(row["name"])):
            near_name.append(_row_to_customer(row))
    return (same_phone + near_name)[:10]


def _names_near(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 2 and shorter in longer:
        return True
    return len(shorter) >= 6 and _one_typo_apart(a, b)


# Place names a company name often starts with. Two names that start with
# different places are different companies, however alike the rest is
# (嘉兴基础工程集团 / 绍兴基础工程股份): the one-character rule skips them.
_PLACES = tuple(sorted("""
浙江 江苏 上海 北京 天津 重庆 安徽 福建 江西 山东 河南 河北 湖北 湖南 广东 广西 海南 四川 贵州 云南
山西 陕西 甘肃 青海 宁夏 新疆 西藏 内蒙古 辽宁 吉林 黑龙江
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
余杭 萧山 富阳 临安 临平 桐庐 建德 淳安 慈溪 余姚 奉化 宁海 象山 鄞州 镇海 北仑
瑞安 乐清 永嘉 平阳 苍南 文成 泰顺 海宁 平湖 桐乡 嘉善 海盐 德清 长兴 安吉
诸暨 上虞 嵊州 新昌 柯桥 义乌 东阳 永康 兰溪 武义 浦江 磐安 江山 常山 开化 龙游
岱山 嵊泗 温岭 临海 玉环 三门 天台 仙居 黄岩 路桥 椒江 龙泉 青田 缙云 遂昌 松阳 云和 庆元 景宁
南京 苏州 无锡 常州 镇江 扬州 泰州 南通 盐城 淮安 宿迁 徐州 连云港 昆山 江阴 张家港 常熟
合肥 芜湖 马鞍山 蚌埠 安庆 黄山 福州 厦门 泉州 莆田 漳州 南昌 九江 上饶 赣州
济南 青岛 烟台 潍坊 临沂 济宁 郑州 洛阳 石家庄 唐山 保定 张家口 武汉 宜昌 襄阳 长沙 株洲 岳阳
广州 深圳 东莞 佛山 珠海 中山 南宁 海口 成都 绵阳 贵阳 昆明 太原 西安 兰州 西宁 银川 乌鲁木齐
拉萨 呼和浩特 沈阳 大连 长春 哈尔滨
""".split(), key=len, reverse=True))
_PLACE_SUFFIXES = ("特别行政区", "自治区", "省", "市", "县", "区")


def _leading_place(name: str) -> str:
    """The known place name `name` starts with ('' when none): '嘉兴基础…' -> '嘉兴'."""
    for place in _PLACES:
        if name.startswith(place):
            return place
    return ""


def _one_typo_apart(a: str, b: str) -> bool:
    """One character added, dropped or changed — but not in the place name.

    A difference in the first two characters, or in a known place name at the
    start, is a different place (湖州建设… / 杭州建设…, 张家港… / 张家口…),
    not a typo of the same company.
    """
    place_a, place_b = _leading_place(a), _leading_place(b)
    if place_a != place_b:
        return False
    start = len(place_a)
    for suffix in _PLACE_SUFFIXES:
        if a[start:].startswith(suffix) and b[start:].startswith(suffix):
            start += len(suffix)
            break
    start = max(start, 2)
    if a[:start] != b[:start]:
        return False
    return _edit_distance_at_most_one(a[start:], b[start:])


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "集团", "公司", "个人")


def _name_key(name: str) -> str:
    text = re.sub(r"[\s\W_]+", "", normalise_text(name))
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    return text


def add_customer(db: sqlite_utils.Database, data: CustomerInput,
                 customer_id: int | None = None) -> Customer:
    """Archive a new customer; `customer_id` keeps a number from an exported
    sheet when this archive has no customer of that number (else a new one)."""
    clean = clean_customer(data)
    stamp = now_iso()
    with transaction(db):
        row = {**asdict(clean), "created_at": stamp, "updated_at": stamp}
        if customer_id and customer_id > 0 and db.execute(
                "SELECT 1 FROM customers WHERE id = ?", [customer_id]).fetchone() is None:
            row["id"] = customer_id
        cid = db["customers"].insert(row).last_pk
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
    """Only a customer with no equipment and no tickets can be deleted (history is kept)."""
    with transaction(db):
        customer = get_customer(db, customer_id)
        if customer.equipment_count:
            raise ValidationError(
                f"{customer.name} still has {customer.equipment_count} equipment; "
                "delete or move it first.", "customer")
        if db.execute("SELECT 1 FROM tickets WHERE customer_id = ? LIMIT 1", [customer_id]).fetchone():
            raise ValidationError(f"{customer.name} has tickets and cannot be deleted.", "customer")
        _drop_from_grams(db, customer_id)
        db.execute("DELETE FROM customer_search WHERE customer_id = ?", [customer_id])
        db.execute("DELETE FROM customers WHERE id = ?", [customer_id])


def customer_numbered(db: sqlite_utils.Database, customer_id: object, name: str) -> Customer | None:
    """The customer with this number (客户编号) AND this name, or None.

    Sheets carry the number so same-name customers without a phone can be told
    apart; requiring the name as well means a sheet from another archive, whose
    numbers mean other customers, never lands on the wrong one.
    """
    try:
        number = int(customer_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    rows = list(db.query("SELECT * FROM customers WHERE id = ? AND name = ?",
                         [number, normalise_text(name)]))
    return _row_to_customer(rows[0]) if rows else None


def customers_named(db: sqlite_utils.Database, name: str) -> list[Customer]:
    """Every customer with exactly this name (after NFKC and trimming)."""
    return [_row_to_customer(r) for r in db.query(
        "SELECT * FROM customers WHERE name = ? ORDER BY id", [normalise_text(name)])]


def find_customer(db: sqlite_utils.Database, name: str, phone: str = "") -> Customer:
    """Match by name, and by phone when given (two customers may share a name).

    Without a phone and with several of that name, the only one that has no
    phone is meant (that is how an export writes it); otherwise ask for the phone.
    """
    name = normalise_text(name)
    if not name:
        raise ValidationError("Customer name is required.", "customer")
    rows = customers_named(db, name)
    if phone:
        norm = parse_phone(phone, "phone")
        rows = [r for r in rows if norm in (r.phone, r.phone2)]
    elif len(rows) > 1:
        blank = [r for r in rows if not r.phone]
        if len(blank) == 1:
            rows = blank
    if not rows:
        raise NotFound(f'No customer "{name}"' + (f" with phone {phone}" if phone else "")
                       + " in the archive.", "customer")
    if len(rows) > 1:
        raise ValidationError(
            f'{len(rows)} customers are named "{name}"; give the phone to choose one.', "customer")
    return rows[0]


# Sortable columns of the customer list -> SQL (whitelist: never format user text into SQL).
CUSTOMER_ORDER = {
    "name": "c.name", "contact": "c.contact", "phone": "c.phone", "address": "c.address",
    "region": "c.region", "dealer": "c.dealer", "updated_at": "c.updated_at", "updated": "c.updated_at",
    "created_at": "c.id", "id": "c.id", "equipment_count": "equipment_count",
}


def count_customers(db: sqlite_utils.Database, query: str = "") -> int:
    """How many customers match `query` (all customers when it is blank)."""
    where, params = _customer_clause(query)
    return db.execute(f"SELECT count(*) FROM customers c WHERE {where}", params).fetchone()[0]


def list_customers(db: sqlite_utils.Database, *, query: str = "", limit: int = 200, offset: int = 0,
                   order_by: str = "name", descending: bool = False) -> list[Customer]:
    """One page of the customer list, filtered by the search text, sorted by the database.

    Paged so the archive tab opens as fast with 30 000 customers as with 30;
    id breaks ties so pages never overlap or skip a row.
    """
    if order_by == "updated":
        descending = True
    column = CUSTOMER_ORDER.get(order_by, "c.name")
    direction = "DESC" if descending else "ASC"
    where, params = _customer_clause(query)
    count_sql = "(SELECT count(*) FROM equipment e WHERE e.customer_id = c.id)"
    order = f"{column} {direction}, c.id {direction}".replace("equipment_count", count_sql)
    # Pick the page's ids first (sorting only the sort keys of every match),
    # then read the full rows and unit counts of just those ids.
    rows = db.query(
        f"WITH page AS (SELECT c.id, row_number() OVER (ORDER BY {order}) AS pos "
        f"FROM customers c WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?) "
        f"SELECT c.*, {count_sql} AS equipment_count FROM page JOIN customers c ON c.id = page.id "
        "ORDER BY page.pos", params + [limit, offset])
    return [_row_to_customer(r) for r in rows]


def known_values(db: sqlite_utils.Database, column: str, limit: int = 500) -> list[str]:
    """Distinct values already typed (models, regions, dealers) for the dialogs' completers."""
    source = {
        "model": "SELECT DISTINCT model FROM equipment ORDER BY model",
        "region": "SELECT DISTINCT region FROM customers WHERE region != '' ORDER BY region",
        "dealer": "SELECT dealer FROM customers WHERE dealer != '' UNION "
                  "SELECT dealer FROM equipment WHERE dealer != '' ORDER BY 1",
        "title": "SELECT DISTINCT title FROM customers WHERE title != '' ORDER BY title",
    }.get(column)
    if source is None:
        raise ValueError(f"no known values for {column!r}")
    return [r[0] for r in db.execute(f"{source} LIMIT ?", [limit])]


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
    """The equipment with this model + serial (written any way the plate is typed), or None."""
    row = db.execute("SELECT id FROM equipment WHERE model = ? AND serial_no = ?",
                     [_normalise_code(model), _normalise_code(serial_no)]).fetchone()
    if row is None:
        row = db.execute("SELECT id FROM equipment WHERE model = ? AND serial_no = ?",
                         [normalise_text(model), normalise_text(serial_no)]).fetchone()
    return get_equipment(db, row[0]) if row else None


def equipment_for_customer(db: sqlite_utils.Database, customer_id: int) -> list[Equipment]:
    rows = db.query(
        "SELECT e.*, c.name AS customer_name FROM equipment e JOIN customers c ON c.id = e.customer_id "
        "WHERE e.customer_id = ? ORDER BY e.model, e.serial_no", [customer_id])
    return [_row_to_equipment(r) for r in rows]


def _check_serial_unique(db: sqlite_utils.Database, eq: EquipmentInput, exclude_id: int | None) -> None:
    """Serial numbers are unique per model; case-insensitive for Latin letters.

    The (model, serial_no) unique index narrows the scan to the one model.
    """
    row = db.execute(
        "SELECT e.id, c.name, e.serial_no FROM equipment e JOIN customers c ON c.id = e.customer_id "
        "WHERE e.model = ? AND e.serial_no = ? COLLATE NOCASE AND e.id IS NOT ?",
        [eq.model, eq.serial_no, exclude_id]).fetchone()
    if row:
        raise DuplicateSerialError(eq.model, row[2], row[1], row[0])


def add_equipment(db: sqlite_utils.Database, data: EquipmentInput) -> Equipment:
    """Register one piece of equipment under its customer (serial unique per model)."""
    clean = clean_equipment(data)
    stamp = now_iso()
    with transaction(db):
        get_customer(db, clean.customer_id)
        _check_serial_unique(db, clean, None)
        eid = db["equipment"].insert({**asdict(clean), "created_at": stamp, "updated_at": stamp}).last_pk
        reindex_customer(db, clean.customer_id)
    return get_equipment(db, eid)


def update_equipment(db: sqlite_utils.Database, equipment_id: int, data: EquipmentInput) -> Equipment:
    clean = clean_equipment(data)
    with transaction(db):
        old = get_equipment(db, equipment_id)
        get_customer(db, clean.customer_id)
        _check_serial_unique(db, clean, equipment_id)
        db["equipment"].update(equipment_id, {**asdict(clean), "updated_at": now_iso()})
        reindex_customer(db, clean.customer_id)
        if old.customer_id != clean.customer_id:
            reindex_customer(db, old.customer_id)
    return get_equipment(db, equipment_id)


def delete_equipment(db: sqlite_utils.Database, equipment_id: int) -> None:
    """Equipment with tickets is history and cannot be deleted."""
    with transaction(db):
        eq = get_equipment(db, equipment_id)
        if db.execute("SELECT 1 FROM tickets WHERE equipment_id = ? LIMIT 1", [equipment_id]).fetchone():
            raise ValidationError(f"{eq.model} {eq.serial_no} has tickets and cannot be deleted.",
                                  "equipment")
        db.execute("DELETE FROM equipment WHERE id = ?", [equipment_id])
        reindex_customer(db, eq.customer_id)


# ---------------------------------------------------------------- warranty
def add_months(day: _dt.date, months: int) -> _dt.date:
    """Calendar months; a day the target month lacks (31st, Feb 29) falls back to its last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return _dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def warranty_end(start: _dt.date, months: int) -> _dt.date:
    """Last day of a warranty of `months` that starts (and counts) on `start`.

    The period ends the day before the same date `months` later:
    2025-12-01 + 12 months -> 2026-11-30. When the target month has no such
    date (2025-01-31 + 1 month, 2024-02-29 + 12 months) the whole target month
    is covered: 2025-02-28, 2025-02-28 — the clerk is never short-changed by
    a short month.
    """
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return _dt.date(year, month, last)
    return _dt.date(year, month, start.day) - _dt.timedelta(days=1)


def warranty_status(db: sqlite_utils.Database, equipment: Equipment | EquipmentInput,
                    on_date: str | _dt.date, *, exclusion: str | None = None,
                    override: str | None = None, override_reason: str = "",
                    default_months: int | None = None) -> WarrantyDecision:
    """In or out of warranty on `on_date`, with the reason in words (DOMAIN §1).

    Period: `warranty_months` of the equipment (else the setting, 12) from the
    acceptance date, else the purchase date; the start day and the last day
    both count. A 三包 exclusion (standards.WARRANTY_EXCLUSIONS key) puts a job
    inside the period out of warranty. A manual override ('in'/'out') needs a
    reason and wins over everything. `default_months` lets a list pass the
    setting once instead of reading it per row.
    """
    day = on_date if isinstance(on_date, _dt.date) else _dt.date.fromisoformat(str(on_date)[:10])
    if isinstance(day, _dt.datetime):
        day = day.date()
    if exclusion and exclusion not in WARRANTY_EXCLUSIONS:
        raise ValidationError(f"Unknown 三包 exclusion {exclusion!r}; choose one of: "
                              + ", ".join(WARRANTY_EXCLUSIONS), "warranty_exclusion")
    months = equipment.warranty_months
    if months is None:
        months = default_months if default_months is not None else int(
            get_setting(db, "warranty.months", 12))
    if equipment.acceptance_date:
        start_label, start = "验收日期", equipment.acceptance_date
    elif equipment.purchase_date:
        start_label, start = "购机日期", equipment.purchase_date
    else:
        start_label, start = "", None
    end = warranty_end(_dt.date.fromisoformat(start), months).isoformat() if start else None
    if override:
        if override not in ("in", "out"):
            raise ValidationError("The manual warranty decision must be 'in' or 'out'.", "warranty_override")
        reason = normalise_text(override_reason)
        if not reason:
            raise ValidationError("A manual warranty decision needs a reason.", "warranty_override_reason")
        word = "在保" if override == "in" else "保外"
        return WarrantyDecision(override == "in", f"{word}（人工判定）：{reason}", start, end,
                                exclusion, True)
    if not start:
        return WarrantyDecision(False, "保外：没有验收日期和购机日期，无法确定保修期", None, None, exclusion)
    period = f"自{start_label} {start} 起 {months} 个月"
    if end < start:  # warranty_months = 0
        return WarrantyDecision(False, f"保外：保修期为 0 个月（{start_label} {start}）", start, end, exclusion)
    if day.isoformat() > end:
        return WarrantyDecision(False, f"保外：{period}，已于 {end} 到期", start, end, exclusion)
    if exclusion:
        return WarrantyDecision(False, f"保外：三包除外——{WARRANTY_EXCLUSIONS[exclusion]}"
                                       f"（保修期{period}，至 {end}）", start, end, exclusion)
    if day.isoformat() < start:
        return WarrantyDecision(True, f"在保：{start_label} {start} 之前，保修至 {end}", start, end)
    return WarrantyDecision(True, f"在保：{period}，至 {end}", start, end)


@dataclass(frozen=True)
class EquipmentWarranty:
    """One row of a customer's equipment list: the record and its warranty today."""

    equipment: Equipment
    warranty: WarrantyDecision


def equipment_with_warranty(db: sqlite_utils.Database, customer_id: int,
                            on_date: str | _dt.date | None = None) -> list[EquipmentWarranty]:
    """The customer's equipment with each one's warranty decision on `on_date` (default today)."""
    day = on_date or _dt.date.today()
    months = int(get_setting(db, "warranty.months", 12))
    return [EquipmentWarranty(eq, warranty_status(db, eq, day, default_months=months))
            for eq in equipment_for_customer(db, customer_id)]


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


def rebuild_search_index(db: sqlite_utils.Database) -> int:
    """Rebuild every customer's search text and both indexes; returns the number of customers.

    For bulk loaders that insert rows directly (benchmarks, a repaired file):
    three queries, whatever the size of the archive.
    """
    equipment: dict[int, list[str]] = {}
    for cid, model, serial, project_no, project_name in db.execute(
            "SELECT customer_id, model, serial_no, project_no, project_name FROM equipment ORDER BY id"):
        equipment.setdefault(cid, []).extend([model, serial, project_no, project_name])
    rows = []
    for c in db.execute("SELECT id, name, contact, phone, phone2, address, region, dealer FROM customers"):
        parts = [p for p in c[1:] if p]
        parts += [re.sub(r"\D", "", p) for p in (c[3], c[4]) if p and "-" in p]
        parts += equipment.get(c[0], [])
        rows.append((c[0], " | ".join(p for p in parts if p)))
    with transaction(db):
        db.execute("DELETE FROM customer_search")
        db.execute("INSERT INTO customer_fts (customer_fts) VALUES ('rebuild')")
        db.execute("INSERT INTO customer_grams (customer_grams) VALUES ('delete-all')")
        db.conn.executemany("INSERT INTO customer_search (customer_id, text) VALUES (?, ?)", rows)
        db.conn.executemany("INSERT INTO customer_grams (rowid, grams) VALUES (?, ?)",
                            [(cid, search_grams(text)) for cid, text in rows])
    return len(rows)


_PHONE_LIKE = re.compile(r"^\+?[\d\-()（）]+$")
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}(-\d{1,2})?$")


def _search_alternatives(query: str) -> list[list[str]]:
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
    """Every form of every term (see _search_alternatives), flattened."""
    return [form for forms in _search_alternatives(query) for form in forms]


def _term_clause(column_rowid: str, fts_table: str, text_table: str, text_key: str, term: str,
                 gram_table: str | None) -> tuple[str, list[Any]]:
    if len(term) >= 3:
        return (f"{column_rowid} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)",
                ['"' + term.replace('"', '""') + '"'])
    if gram_table and _GRAM_TERM.fullmatch(term.lower()):
        return (f"{column_rowid} IN (SELECT rowid FROM {gram_table} WHERE {gram_table} MATCH ?)",
                [f'"{term.lower()}"'])
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return (f"{column_rowid} IN (SELECT {text_key} FROM {text_table} WHERE text LIKE ? ESCAPE '\\')",
            [f"%{escaped}%"])


def search_clause(column_rowid: str, fts_table: str, text_table: str, text_key: str,
                  query: str, gram_table: str | None = None) -> tuple[str, list[Any]]:
    """SQL condition for substring search: FTS5 trigram for terms of 3+ characters;
    for 1-2 character terms the `gram_table` index when given (customers), else
    LIKE over the same text (trigram cannot match those). Every term must match
    (in one of its forms: as typed, or as digits when it looks like a phone).
    Shared by every searchable list (customers, tickets)."""
    clauses, params = [], []
    for forms in _search_alternatives(query):
        parts = [_term_clause(column_rowid, fts_table, text_table, text_key, form, gram_table)
                 for form in forms]
        clauses.append(parts[0][0] if len(parts) == 1 else "(" + " OR ".join(p[0] for p in parts) + ")")
        for _, p in parts:
            params += p
    return (" AND ".join(clauses) or "1"), params


def _customer_clause(query: str) -> tuple[str, list[Any]]:
    return search_clause("c.id", "customer_fts", "customer_search", "customer_id", query,
                         gram_table="customer_grams")


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
    rows = list(db.query(f"SELECT c.* FROM customers c WHERE {where} ORDER BY c.name, c.id LIMIT ?",
                         params + [limit]))
    by_customer: dict[int, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
    if rows:
        marks = ", ".join("?" * len(rows))
        for e in db.query(
                "SELECT id, customer_id, model, serial_no, project_no FROM equipment "
                f"WHERE customer_id IN ({marks}) ORDER BY model, serial_no", list(by_customer)):
            by_customer[e["customer_id"]].append(e)
    lowered = [t.lower() for t in terms]
    hits = []
    for row in rows:
        matched = [
            {k: e[k] for k in ("id", "model", "serial_no", "project_no")}
            for e in by_customer[row["id"]]
            if any(t in " ".join(str(e[k] or "") for k in ("model", "serial_no", "project_no")).lower()
                   for t in lowered)]
        hits.append(SearchHit(row["id"], row["name"], row["contact"], row["phone"], row["address"],
                              row["dealer"], matched))
    return hits
