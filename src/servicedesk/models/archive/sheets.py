"""Import/export sheets for customers and equipment (servicedesk template|import|export).

Headers may be the Chinese labels or the English keys. Equipment rows name
their customer by name, and by phone when two customers share a name; the
export also writes the customer's number (客户编号), so an export re-imports
to the same customers even when two of one name have no phone.

Which customer a row means: the 客户编号 when it names a customer of this
archive with the same name (numbers of another archive mean other people, so
the name must agree); else the name, narrowed by the phone when given. A
customer created by an earlier row of the same file is never "the same" as a
later row: a file lists each customer once. An import into an empty archive
keeps the sheet's numbers, so its equipment sheet finds them.

--update changes only the columns the sheet has: a column left out of the
sheet keeps the archived values; a column that is there with an empty cell
clears that value.
Every problem of a row is reported at once ("row 7, column 联系电话: …").
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import fields
from typing import Any

import sqlite_utils

from servicedesk.models.archive import customers as C
from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.importing import (
    Column, ExchangeKind, RowContext, RowRejected, SheetSpec,
)
from servicedesk.models.core.settings import office_area_code
from servicedesk.models.core.validation import normalise_text, parse_int, parse_phone

_UPDATE_NOTE = ("导入时选“更新”(--update)：表中没有的列保留档案原值；有此列但单元格为空，则清空该项。")
_NUMBER_NOTE = ("本档案的客户编号，导出时填写，请勿修改；新客户留空。同名且都没有电话的客户靠它区分；"
                "导入到空档案时保留此编号")

CUSTOMER_SPEC = SheetSpec("customers", "客户档案", (
    Column("name", "用户姓名/单位", "客户单位名称或个人姓名，如 杭州建工集团有限公司、张三。" + _UPDATE_NOTE,
           required=True, width=28),
    Column("contact", "联系人", "如 王立新", width=10),
    Column("title", "职务", "如 设备科长", width=10),
    Column("phone", "联系电话", "手机 11 位，如 13812345678（可带 +86）；座机 0571-88886666、010-12345678，"
           "分机 0571-88886666-806 或 0571-88886666转806；400-123-4567", width=16),
    Column("phone2", "备用电话", "第二个电话，格式同上", width=16),
    Column("address", "地址", width=36),
    Column("region", "区域", "如 杭州", width=10),
    Column("dealer", "经销商", "销售该设备的经销商", width=16),
    Column("notes", "备注", width=24),
    Column("customer_no", "客户编号", _NUMBER_NOTE, width=10, kind="int"),
))

EQUIPMENT_SPEC = SheetSpec("equipment", "设备档案", (
    Column("customer", "用户姓名/单位", "须与客户档案中的名称一致（先导入客户档案）。" + _UPDATE_NOTE,
           required=True, width=28),
    Column("phone", "联系电话", "同名客户时用电话（或客户编号）区分", width=16),
    Column("model", "型号", "如 QTZ80、SC200/200", required=True, width=14),
    Column("serial_no", "机号", "同一型号下唯一，如 T2509-0101", required=True, width=14),
    Column("quantity", "数量", "整数，默认 1", width=6, kind="int"),
    Column("factory_date", "出厂日期", "Excel 日期，或文字 2026-03-01 / 2026/3/1。四个日期都不能晚于今天，"
           "也不能早于业务参数“设备日期最早年份”（默认 1990 年）", kind="date"),
    Column("purchase_date", "购机日期", "不早于出厂日期；格式同出厂日期", kind="date"),
    Column("invoice_no", "发票号", width=14),
    Column("delivery_date", "送货日期", "不早于出厂日期、不晚于安装验收日期（与购机日期先后不限）", kind="date"),
    Column("acceptance_date", "安装验收日期", "不早于出厂、购机、送货日期；保修期从此日起算", kind="date"),
    Column("first_site", "设备第一次使用地点", width=24),
    Column("project_name", "工程名称", width=20),
    Column("project_no", "AB号", "工程编号", width=12),
    Column("dealer", "经销商", width=16),
    Column("warranty_months", "保修月数", "空白 = 默认（12 个月）；保修期从验收日期起算，无验收日期时从购机日期起算",
           width=8, kind="int"),
    Column("notes", "备注", width=24),
    Column("customer_no", "客户编号", "客户档案中的客户编号（导出时填写）；空白则按名称和电话找客户", width=10,
           kind="int"),
))

_CUSTOMER_KEYS = [f.name for f in fields(C.CustomerInput)]
_EQUIPMENT_KEYS = [f.name for f in fields(C.EquipmentInput) if f.name != "customer_id"]


class _FileState:
    """What earlier rows of the same file did: rows seen, customers created."""

    def __init__(self) -> None:
        self.customers: dict[tuple, int] = {}
        self.serials: dict[tuple[str, str], int] = {}
        self.created: set[int] = set()


def _file_state(ctx: RowContext) -> _FileState:
    """The state of this import run (one problem list per run identifies it)."""
    slot = ctx.options.get("_archive_file_state")
    if slot is None or slot[0] is not ctx.problems:
        slot = (ctx.problems, _FileState())
        ctx.options["_archive_file_state"] = slot
    return slot[1]


def _problems(ctx: RowContext, errors: dict[str, DomainError]) -> None:
    for key, exc in errors.items():
        ctx.problem(exc.field or key, exc.message)
    if errors:
        raise RowRejected


def _same_customer(db: sqlite_utils.Database, clean: C.CustomerInput,
                   exclude: set[int] = frozenset()) -> C.Customer | None:  # type: ignore[assignment]
    """The archived customer this row describes: same name and (when given) same phone.

    Customers in `exclude` (created by earlier rows of the same file) never count.
    """
    rows = [c for c in C.customers_named(db, clean.name)
            if c.id not in exclude and (not clean.phone or clean.phone in (c.phone, c.phone2))]
    if not clean.phone and len(rows) > 1:
        blank = [c for c in rows if not c.phone]
        rows = blank if len(blank) == 1 else rows
    return rows[0] if len(rows) == 1 else None


def _customer_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    data = C.CustomerInput(**{k: values.get(k) or "" for k in _CUSTOMER_KEYS})
    errors: dict[str, DomainError] = dict(C.customer_errors(data, office_area_code(db)))
    number = None
    try:
        number = parse_int(values.get("customer_no"), "customer_no", minimum=1)
    except DomainError as exc:
        errors["customer_no"] = exc
    _problems(ctx, errors)
    clean = C.clean_customer(data, office_area_code(db))
    label = clean.name + (f" {clean.phone}" if clean.phone else "")
    state = _file_state(ctx)
    key = ("no", number) if number else ("name", clean.name, clean.phone)
    if key in state.customers:
        ctx.problem("customer_no" if number else "name",
                    f"customer {label} appears twice in this file (rows {state.customers[key]} and {row})")
        raise RowRejected
    state.customers[key] = row
    same = C.customer_numbered(db, number, clean.name) if number else None
    if same is None:
        same = _same_customer(db, clean, state.created)
    if same is not None:
        if not ctx.options.get("update"):
            ctx.problem("name", f"customer {label} already exists (use --update to update it)")
            raise RowRejected
        for k in _CUSTOMER_KEYS:
            if k not in values:           # column not in the sheet: keep the archived value
                setattr(clean, k, getattr(same, k))
        C.update_customer(db, same.id, clean)
        return "updated"
    created = C.add_customer(db, clean, customer_id=number)
    state.created.add(created.id)
    return "created"


def _export_customers(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query(
        "SELECT name, contact, title, phone, phone2, address, region, dealer, notes, id AS customer_no "
        "FROM customers WHERE merged_into IS NULL ORDER BY name_sort, id")]   # pinyin order, as the list shows them


def _equipment_customer(db: sqlite_utils.Database, values: dict[str, Any]) -> int:
    """The customer a row names: by 客户编号 + name, else by name (+ phone)."""
    name = normalise_text(values.get("customer"))
    phone = parse_phone(values.get("phone"), "phone", area_code=office_area_code(db))
    number = parse_int(values.get("customer_no"), "customer_no", minimum=1)
    if number and name:
        numbered = C.customer_numbered(db, number, name)
        if numbered is not None:
            return numbered.id
    return C.find_customer(db, name, phone).id


def _equipment_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    errors: dict[str, DomainError] = {}
    customer_id = 0
    try:
        customer_id = _equipment_customer(db, values)
    except DomainError as exc:
        errors[exc.field or "customer"] = exc
    update = bool(ctx.options.get("update"))
    existing = None
    if values.get("model") and values.get("serial_no"):
        existing = C.find_equipment(db, str(values["model"]), str(values["serial_no"]))
    merged = dict(values)
    if existing is not None and update:
        for k in _EQUIPMENT_KEYS:
            if k not in values:           # column not in the sheet: keep the archived value
                merged[k] = getattr(existing, k)
    data = C.EquipmentInput(
        customer_id=customer_id,
        model=merged.get("model") or "",
        serial_no=merged.get("serial_no") or "",
        quantity=merged.get("quantity"),
        factory_date=merged.get("factory_date"), purchase_date=merged.get("purchase_date"),
        delivery_date=merged.get("delivery_date"), acceptance_date=merged.get("acceptance_date"),
        invoice_no=normalise_text(merged.get("invoice_no")),
        first_site=normalise_text(merged.get("first_site")),
        project_name=normalise_text(merged.get("project_name")),
        project_no=normalise_text(merged.get("project_no")),
        dealer=normalise_text(merged.get("dealer")),
        warranty_months=merged.get("warranty_months"),
        notes=merged.get("notes") or "",
    )
    check = C.equipment_errors(db, data, existing.id if existing is not None and update else None)
    if customer_id == 0:
        check.pop("customer", None)  # already reported by the lookup
    dup = check.get("serial_no")
    if isinstance(dup, C.DuplicateSerialError):
        check["serial_no"] = DomainError(
            f"{dup.model} {dup.serial_no} already exists (customer {dup.customer_name}; "
            "use --update to update it)", "serial_no")
    if values.get("model") and values.get("serial_no"):
        plate = C.normalise_code(values["model"]), C.normalise_code(values["serial_no"]).upper()
        state = _file_state(ctx)
        first = state.serials.setdefault(plate, row)
        if first != row:
            # Two rows of one file for one plate: say so, rather than "already
            # exists … use --update" (which would let the second row win).
            check["serial_no"] = DomainError(
                f"{plate[0]} {C.normalise_code(values['serial_no'])} appears twice in this file "
                f"(rows {first} and {row})", "serial_no")
    _problems(ctx, {**errors, **check})
    clean = C.clean_equipment(data)
    if existing is not None:
        C.update_equipment(db, existing.id, clean)
        return "updated"
    C.add_equipment(db, clean)
    return "created"


def _as_date(value: str | None) -> _dt.date | None:
    """Dates go out as real Excel dates, so Excel sorts and filters them."""
    return _dt.date.fromisoformat(value) if value else None


def _export_equipment(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    rows = []
    for r in db.query(
            "SELECT c.name AS customer, c.phone AS phone, e.model, e.serial_no, e.quantity, "
            "e.factory_date, e.purchase_date, e.invoice_no, e.delivery_date, e.acceptance_date, "
            "e.first_site, e.project_name, e.project_no, e.dealer, e.warranty_months, e.notes, "
            "c.id AS customer_no "
            "FROM equipment e JOIN customers c ON c.id = e.customer_id ORDER BY e.id"):
        row = dict(r)
        for key in ("factory_date", "purchase_date", "delivery_date", "acceptance_date"):
            row[key] = _as_date(row[key])
        rows.append(row)
    return rows


# No sample rows in the data sheet: an all-or-nothing import of a template
# filled below a forgotten example would archive the example too. The 说明
# sheet carries the examples instead.
CUSTOMERS = ExchangeKind(CUSTOMER_SPEC, _customer_row, _export_customers)
EQUIPMENT = ExchangeKind(EQUIPMENT_SPEC, _equipment_row, _export_equipment)
