"""Import/export sheets for customers and equipment."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from servicedesk.models import customers as C
from servicedesk.models.importing import (
    Column, ExchangeKind, RowContext, RowRejected, SheetSpec, collect_field_errors,
)
from servicedesk.models.validation import normalise_text, parse_date, parse_int, parse_phone

CUSTOMER_SPEC = SheetSpec("customers", "客户档案", (
    Column("name", "用户姓名/单位", "客户单位名称或个人姓名", required=True, width=28),
    Column("contact", "联系人", width=10),
    Column("title", "职务", width=10),
    Column("phone", "联系电话", "手机 11 位（可带 +86）或座机 0571-88886666，分机 0571-88886666-806", width=16),
    Column("address", "地址", width=36),
    Column("region", "区域", width=10),
    Column("dealer", "经销商", "销售该设备的经销商", width=16),
    Column("notes", "备注", width=24),
))

EQUIPMENT_SPEC = SheetSpec("equipment", "设备档案", (
    Column("customer", "用户姓名/单位", "须与客户档案中的名称一致", required=True, width=28),
    Column("phone", "联系电话", "同名客户时用电话区分", width=16),
    Column("model", "型号", required=True, width=14),
    Column("serial_no", "机号", "同一型号下唯一", required=True, width=14),
    Column("quantity", "数量", "整数，默认 1", width=6, kind="int"),
    Column("factory_date", "出厂日期", "2026-03-01 或 2026/3/1", kind="date"),
    Column("purchase_date", "购机日期", "不早于出厂日期", kind="date"),
    Column("invoice_no", "发票号", width=14),
    Column("delivery_date", "送货日期", kind="date"),
    Column("acceptance_date", "安装验收日期", "不早于购机日期；保修期从此日起算", kind="date"),
    Column("first_site", "设备第一次使用地点", width=24),
    Column("project_name", "工程名称", width=20),
    Column("project_no", "AB号", "工程编号", width=12),
    Column("dealer", "经销商", width=16),
    Column("warranty_months", "保修月数", "空白 = 默认（12 个月）", width=8, kind="int"),
))


def _customer_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    data = C.CustomerInput(**{k: values.get(k) or "" for k in
                              ("name", "contact", "title", "phone", "address", "region", "dealer", "notes")})
    clean = C.clean_customer(data)
    same = [c for c in C.possible_duplicates(db, clean)
            if c.name == clean.name and (not clean.phone or clean.phone in (c.phone, c.phone2))]
    if same:
        if not ctx.options.get("update"):
            ctx.problem("name", f"customer {clean.name} {clean.phone} already exists "
                                "(use --update to update it)")
            raise RowRejected
        clean.phone2 = same[0].phone2
        C.update_customer(db, same[0].id, clean)
        return "updated"
    C.add_customer(db, clean)
    return "created"


def _export_customers(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query(
        "SELECT name, contact, title, phone, address, region, dealer, notes FROM customers ORDER BY id")]


def _equipment_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    parsed = collect_field_errors(ctx, {
        "phone": lambda: parse_phone(values.get("phone"), "phone"),
        "quantity": lambda: parse_int(values.get("quantity"), "quantity", minimum=1, default=1),
        "warranty_months": lambda: parse_int(values.get("warranty_months"), "warranty_months", minimum=0),
        **{k: (lambda k=k: parse_date(values.get(k), k))
           for k in ("factory_date", "purchase_date", "delivery_date", "acceptance_date")},
    })
    customer = C.find_customer(db, normalise_text(values.get("customer")), parsed["phone"])
    data = C.EquipmentInput(
        customer_id=customer.id,
        model=normalise_text(values.get("model")),
        serial_no=normalise_text(values.get("serial_no")),
        quantity=parsed["quantity"],
        factory_date=parsed["factory_date"], purchase_date=parsed["purchase_date"],
        delivery_date=parsed["delivery_date"], acceptance_date=parsed["acceptance_date"],
        invoice_no=normalise_text(values.get("invoice_no")),
        first_site=normalise_text(values.get("first_site")),
        project_name=normalise_text(values.get("project_name")),
        project_no=normalise_text(values.get("project_no")),
        dealer=normalise_text(values.get("dealer")),
        warranty_months=parsed["warranty_months"],
    )
    existing = C.find_equipment(db, data.model, data.serial_no)
    if existing is not None:
        if not ctx.options.get("update"):
            ctx.problem("serial_no", f"{data.model} {data.serial_no} already exists "
                                     "(use --update to update it)")
            raise RowRejected
        data.notes = existing.notes
        C.update_equipment(db, existing.id, data)
        return "updated"
    C.add_equipment(db, data)
    return "created"


def _export_equipment(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query(
        "SELECT c.name AS customer, c.phone AS phone, e.model, e.serial_no, e.quantity, e.factory_date, "
        "e.purchase_date, e.invoice_no, e.delivery_date, e.acceptance_date, e.first_site, "
        "e.project_name, e.project_no, e.dealer, e.warranty_months "
        "FROM equipment e JOIN customers c ON c.id = e.customer_id ORDER BY e.id")]


CUSTOMERS = ExchangeKind(CUSTOMER_SPEC, _customer_row, _export_customers, (
    {"name": "杭州建工集团有限公司", "contact": "王立新", "title": "设备科长", "phone": "13812345678",
     "address": "浙江省杭州市西湖区文三路 100 号", "region": "杭州", "dealer": "浙江恒力机械"},
))
EQUIPMENT = ExchangeKind(EQUIPMENT_SPEC, _equipment_row, _export_equipment, (
    {"customer": "杭州建工集团有限公司", "phone": "13812345678", "model": "QTZ80", "serial_no": "T2025-0101",
     "quantity": 1, "factory_date": "2025-09-01", "purchase_date": "2025-10-08",
     "acceptance_date": "2025-12-01", "first_site": "杭州市滨江区江南大道工地"},
))
