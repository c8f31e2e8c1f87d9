"""Import/export sheets for customers and equipment (servicedesk template|import|export).

Headers may be the Chinese labels or the English keys. Equipment rows name
their customer by name, and by phone when two customers share a name; the
export writes that phone, so an export re-imports to the same customers.
Every problem of a row is reported at once ("row 7, column 联系电话: …").
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import sqlite_utils

from servicedesk.models import customers as C
from servicedesk.models.errors import DomainError
from servicedesk.models.importing import (
    Column, ExchangeKind, RowContext, RowRejected, SheetSpec,
)
from servicedesk.models.validation import normalise_text, parse_phone

CUSTOMER_SPEC = SheetSpec("customers", "客户档案", (
    Column("name", "用户姓名/单位", "客户单位名称或个人姓名，如 杭州建工集团有限公司、张三", required=True, width=28),
    Column("contact", "联系人", "如 王立新", width=10),
    Column("title", "职务", "如 设备科长", width=10),
    Column("phone", "联系电话", "手机 11 位，如 13812345678（可带 +86）；座机 0571-88886666，"
           "分机 0571-88886666-806 或 0571-88886666转806", width=16),
    Column("phone2", "备用电话", "第二个电话，格式同上", width=16),
    Column("address", "地址", width=36),
    Column("region", "区域", "如 杭州", width=10),
    Column("dealer", "经销商", "销售该设备的经销商", width=16),
    Column("notes", "备注", width=24),
))

EQUIPMENT_SPEC = SheetSpec("equipment", "设备档案", (
    Column("customer", "用户姓名/单位", "须与客户档案中的名称一致（先导入客户档案）", required=True, width=28),
    Column("phone", "联系电话", "同名客户时用电话区分", width=16),
    Column("model", "型号", "如 QTZ80、SC200/200", required=True, width=14),
    Column("serial_no", "机号", "同一型号下唯一，如 T2509-0101", required=True, width=14),
    Column("quantity", "数量", "整数，默认 1", width=6, kind="int"),
    Column("factory_date", "出厂日期", "Excel 日期，或文字 2026-03-01 / 2026/3/1", kind="date"),
    Column("purchase_date", "购机日期", "不早于出厂日期；格式同出厂日期", kind="date"),
    Column("invoice_no", "发票号", width=14),
    Column("delivery_date", "送货日期", "不早于购机日期", kind="date"),
    Column("acceptance_date", "安装验收日期", "不早于购机、送货日期；保修期从此日起算", kind="date"),
    Column("first_site", "设备第一次使用地点", width=24),
    Column("project_name", "工程名称", width=20),
    Column("project_no", "AB号", "工程编号", width=12),
    Column("dealer", "经销商", width=16),
    Column("warranty_months", "保修月数", "空白 = 默认（12 个月）；保修期从验收日期起算，无验收日期时从购机日期起算",
           width=8, kind="int"),
    Column("notes", "备注", width=24),
))


def _problems(ctx: RowContext, errors: dict[str, DomainError]) -> None:
    for key, exc in errors.items():
        ctx.problem(exc.field or key, exc.message)
    if errors:
        raise RowRejected


def _same_customer(db: sqlite_utils.Database, clean: C.CustomerInput) -> C.Customer | None:
    """The archived customer this row describes: same name and (when given) same phone."""
    rows = [c for c in C.customers_named(db, clean.name)
            if not clean.phone or clean.phone in (c.phone, c.phone2)]
    if not clean.phone and len(rows) > 1:
        blank = [c for c in rows if not c.phone]
        rows = blank if len(blank) == 1 else rows
    return rows[0] if len(rows) == 1 else None


def _customer_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    data = C.CustomerInput(**{k: values.get(k) or "" for k in
                              ("name", "contact", "title", "phone", "phone2", "address", "region",
                               "dealer", "notes")})
    _problems(ctx, C.customer_errors(data))
    clean = C.clean_customer(data)
    same = _same_customer(db, clean)
    if same is not None:
        if not ctx.options.get("update"):
            ctx.problem("name", f"customer {clean.name} {clean.phone} already exists "
                                "(use --update to update it)")
            raise RowRejected
        if "phone2" not in values:
            clean.phone2 = same.phone2
        C.update_customer(db, same.id, clean)
        return "updated"
    C.add_customer(db, clean)
    return "created"


def _export_customers(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query(
        "SELECT name, contact, title, phone, phone2, address, region, dealer, notes "
        "FROM customers ORDER BY id")]


def _equipment_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    errors: dict[str, DomainError] = {}
    customer_id = 0
    try:
        phone = parse_phone(values.get("phone"), "phone")
        customer_id = C.find_customer(db, normalise_text(values.get("customer")), phone).id
    except DomainError as exc:
        errors[exc.field or "customer"] = exc
    data = C.EquipmentInput(
        customer_id=customer_id,
        model=values.get("model") or "",
        serial_no=values.get("serial_no") or "",
        quantity=values.get("quantity"),
        factory_date=values.get("factory_date"), purchase_date=values.get("purchase_date"),
        delivery_date=values.get("delivery_date"), acceptance_date=values.get("acceptance_date"),
        invoice_no=normalise_text(values.get("invoice_no")),
        first_site=normalise_text(values.get("first_site")),
        project_name=normalise_text(values.get("project_name")),
        project_no=normalise_text(values.get("project_no")),
        dealer=normalise_text(values.get("dealer")),
        warranty_months=values.get("warranty_months"),
        notes=values.get("notes") or "",
    )
    existing = None
    if values.get("model") and values.get("serial_no"):
        existing = C.find_equipment(db, str(values["model"]), str(values["serial_no"]))
    update = bool(ctx.options.get("update"))
    check = C.equipment_errors(db, data, existing.id if existing is not None and update else None)
    if customer_id == 0:
        check.pop("customer", None)  # already reported by the lookup
    dup = check.get("serial_no")
    if isinstance(dup, C.DuplicateSerialError):
        check["serial_no"] = DomainError(
            f"{dup.model} {dup.serial_no} already exists (customer {dup.customer_name}; "
            "use --update to update it)", "serial_no")
    _problems(ctx, {**errors, **check})
    clean = C.clean_equipment(data)
    if existing is not None:
        if "notes" not in values:
            clean.notes = existing.notes
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
            "e.first_site, e.project_name, e.project_no, e.dealer, e.warranty_months, e.notes "
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
