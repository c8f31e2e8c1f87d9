"""Workbook sheets of the parts area: low stock, old parts, the ledger, the parts master.

The column lists (SheetSpec) and the rows that fill them, in the office's
own words; the parts master sheet (PARTS_SHEET) is the import kind
`import parts` uses (models/core/kinds.py names it through `ledger`).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any, Iterable

import sqlite_utils

from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.importing import (
    Column, ExchangeKind, RowContext, RowRejected, SheetSpec, collect_field_errors,
)
from servicedesk.models.core.validation import (
    normalise_text, parse_date, parse_int, parse_money_fen, require_text,
)
from servicedesk.models.parts.moves import LedgerFilter, _ledger_where, _row_to_move, receive
from servicedesk.models.parts.old_parts import old_parts_pending
from servicedesk.models.parts.part_master import PartInput, add_part, find_part, list_parts, update_part
from servicedesk.models.parts.reorder import low_stock


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
    Column("active", "状态", "启用 或 停用；停用的配件不再出现在出库、工单用料的选择列表中。"
                           "留空：新配件为启用，已有配件保持原状态", choices=("启用", "停用"), width=8),
))

ACTIVE_WORDS = {"启用": True, "停用": False, "active": True, "inactive": False}


def _parse_active(value: Any) -> bool | None:
    """启用 -> True, 停用 -> False, blank -> None (a new part is active, an
    existing one keeps its state: a blank cell never deactivates a part)."""
    text = normalise_text(value)
    if not text:
        return None
    if text.lower() in ACTIVE_WORDS:
        return ACTIVE_WORDS[text.lower()]
    raise ValidationError(f'Status must be 启用 or 停用, not "{text}".', "active")


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
        "active": lambda: _parse_active(values.get("active")),
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
        data.active = existing.active if parsed["active"] is None else parsed["active"]
        part = update_part(db, existing.id, data, who)
        outcome = "updated"
    else:
        data.active = parsed["active"] is not False
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
             "balance": p.balance, "active": "启用" if p.active else "停用"}
            for p in list_parts(db, include_inactive=True, limit=1_000_000)]


# No sample rows: the template is an EMPTY import sheet (an untouched template
# imported must not book invented parts with stock); examples live in the notes.
PARTS_SHEET = ExchangeKind(PARTS_SPEC, _part_import_row, _export_parts)
