"""Historical ticket ledgers in and out of Excel (`template|import|export tickets`).

Offices arrive with years of tickets kept in Excel. Each row becomes a ticket
kept AS RECORDED: the status flow and the dealer intake requirements are not
replayed (a cancelled ticket may carry visit data), but every reference must
resolve — customer, equipment, technicians, work-catalog codes, parts — and
the times must be in order, or the row is reported and nothing is written
(run_import: one transaction, all-or-nothing). Parts move stock only with
--move-stock, issued at the completion time; the parts area refuses a row
that would take the book below zero.

The export writes the same columns with Chinese values, so it re-imports.

Speed (issue 15: 10 000 rows well under 10 s): what the rows look up —
customers, equipment, technicians, the work catalog, parts, locked pay months,
the office's area code — is read once per sheet (`_Lookups`, kept in the
import's cache; a ticket row never changes any of it), the rows are written
with plain INSERTs, and the import's session (`deferred_search_index`)
indexes the new tickets for search once at the end instead of row by row.
"""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from servicedesk.models.archive import customers as C
from servicedesk.models.parts import ledger as _parts
from servicedesk.models.pay import month as _pay
from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.tickets.numbering import numbering_settings
from servicedesk.models.tickets.search_schema import deferred_search_index
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.models.core.importing import (
    Column, ExchangeKind, RowContext, RowRejected, SheetSpec,
)
from servicedesk.models.core.settings import get_setting, office_area_code
from servicedesk.models.core.validation import (
    normalise_text, parse_datetime, parse_hundredths, parse_int, parse_phone,
)

# Accepted words (English key or Chinese label, plus a few common variants).
TYPE_WORDS = {**{k: k for k in T.TYPES}, **{v: k for k, v in T.TYPE_LABELS.items()},
              "technical service": "technical_service", "技术支持": "technical_service"}
CHANNEL_WORDS = {**{k: k for k in T.CHANNELS}, **{v: k for k, v in T.CHANNEL_LABELS.items()},
                 "regional manager": "regional_manager", "walk-in": "walk_in", "walk in": "walk_in",
                 "热线": "hotline", "400": "hotline", "前台电话": "hotline", "微信": "online", "网上": "online"}
STATUS_WORDS = {**{k: k for k in T.STATUSES}, **{v: k for k, v in T.STATUS_LABELS.items()},
                "待回访": "reviewed", "完工": "completed", "结案": "closed", "取消": "cancelled",
                "派工": "dispatched"}
RESULT_WORDS = {"done": "done", "完成": "done", "not_done": "not_done", "not done": "not_done",
                "未完成": "not_done"}
LEVEL_WORDS = {**{str(k): k for k in T.LEVEL_LABELS}, **{v: k for k, v in T.LEVEL_LABELS.items()},
               "1级": 1, "2级": 2, "3级": 3, "4级": 4}
WARRANTY_WORDS = {"in": "in", "在保": "in", "保内": "in", "三包": "in",
                  "out": "out", "保外": "out", "有偿": "out"}
KIND_WORDS = {"warranty": "warranty", "三包": "warranty", "三包件": "warranty",
              "bought": "bought", "购买": "bought", "客户购买件": "bought", "购买件": "bought"}
IMPORT_OVERRIDE_REASON = "历史台账记录"

TICKETS_SPEC = SheetSpec("tickets", "维修工单", (
    Column("no", "单号", "如 YX2610001；空白 = 自动编号（部门代码+年月+流水号）；已有单号不得重复", width=13),
    Column("type", "类型", "维修/安装/巡检/技术服务/投诉（repair, installation, inspection, "
           "technical_service, complaint）", required=True,
           choices=tuple(T.TYPE_LABELS.values()), width=10),
    Column("channel", "受理渠道", "电话/区域经理/经销商/网络/来访", required=True,
           choices=tuple(T.CHANNEL_LABELS.values()), width=10),
    Column("customer", "用户姓名/单位", "须与客户档案一致，如 杭州建工集团有限公司", required=True, width=26),
    Column("phone", "联系电话", "如 13812345678；同名客户时用电话区分；空白 = 客户电话", width=15),
    Column("model", "型号", "如 QTZ80；与机号一起指明设备档案中的设备", width=11),
    Column("serial_no", "机号", "如 T2025-0101", width=12),
    Column("fault_level", "故障等级", "1–4 或 一级–四级；维修、投诉必填，其他可空",
           choices=tuple(T.LEVEL_LABELS.values()), width=9),
    Column("reported_at", "报修时间", "如 2026-10-03 14:30；不得晚于当前时间（决定单号的年月）",
           required=True, width=17, kind="datetime"),
    Column("fault", "报修内容", "故障现象，如 变幅小车不能行走", width=28),
    Column("technicians", "维修人员", "姓名用 、 或 , 分隔，第一位为负责人，如 王建军、李志强", width=16),
    Column("arrived_at", "到达时间", "如 2026-10-04 09:10", width=17, kind="datetime"),
    Column("completed_at", "完工时间", "如 2026-10-04 15:00；维修结果为完成时必填；"
           "不得落在已审批锁定的工资月份", width=17, kind="datetime"),
    Column("result", "维修结果", "完成 / 未完成", choices=("完成", "未完成"), width=9),
    Column("work", "工时", "工时标准代码*数量，用 ; 分隔，如 SMALL_REPAIR*1; WELD_SITE*3", width=26),
    Column("parts", "配件", "配件编码*数量，用 ; 分隔，如 P-1001*2; P-2002*1；"
           "在保为三包件、保外为客户购买件，可加前缀 三包件:/客户购买件:", width=26),
    Column("warranty", "保修", "在保/保外（in/out）；空白 = 按设备档案自动判定",
           choices=("在保", "保外"), width=8),
    Column("status", "状态", "受理/已派工/已完工/已审核/已结案/已取消；空白 = 按日期和结果推定",
           choices=tuple(T.STATUS_LABELS.values()), width=9),
    Column("dealer", "经销商", "经销商报修时填写，如 浙江恒力机械", width=14),
    Column("dealer_diagnosis", "经销商诊断", "经销商报修时的初步诊断", width=20),
))


# ---------------------------------------------------------------- cell parsers
_CHOICES = {"type": "维修、安装、巡检、技术服务、投诉 or " + ", ".join(T.TYPES),
            "channel": "电话、区域经理、经销商、网络、来访 or " + ", ".join(T.CHANNELS),
            "fault_level": "1–4 or 一级–四级", "result": "完成 / 未完成 or done / not_done",
            "warranty": "在保 / 保外 or in / out, blank = decide from the equipment",
            "status": "受理、已派工、已完工、已审核、已结案、已取消 or " + ", ".join(T.STATUSES)}


def _word(value: object, words: dict[str, Any], field: str, what: str, required: bool = False) -> Any:
    text = normalise_text(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    if not text:
        if required:
            raise ValidationError(f"{what} is required.", field)
        return None
    found = words.get(text, words.get(text.lower()))
    if found is None:
        choices = _CHOICES.get(field, ", ".join(words))
        raise ValidationError(f'"{text}" is not a {what.lower()} (use {choices})', field)
    return found


_SPLIT_ITEMS = re.compile(r"[;；\n]+")
_SPLIT_NAMES = re.compile(r"[、,，;；/\s]+")


def parse_names(value: object) -> list[str]:
    """'王建军、李志强' / 'A, B' -> names in order (first = leader)."""
    return [n for n in _SPLIT_NAMES.split(normalise_text(value)) if n]


def parse_items(value: object, field: str, whole: bool = False) -> list[tuple[str, int, str]]:
    """'SMALL_REPAIR*1; WELD_SITE*3' -> [(code, quantity, prefix)]; quantity in
    hundredths for work, whole units for parts (whole=True). A missing
    '*quantity' means 1. An optional 'prefix:' (parts kind) is returned as is."""
    items = []
    for raw in _SPLIT_ITEMS.split(normalise_text(value)):
        raw = raw.strip()
        if not raw:
            continue
        prefix = ""
        if ":" in raw or "：" in raw:
            prefix, raw = re.split(r"[:：]", raw, maxsplit=1)
            prefix, raw = prefix.strip(), raw.strip()
        m = re.fullmatch(r"(.+?)\s*[*×]\s*(\S+)", raw)
        code, qty_text = (m[1].strip(), m[2]) if m else (raw, "")
        if not code:
            raise ValidationError(f'"{raw}" has no code before the *', field)
        if whole:
            qty = parse_int(qty_text or "1", field, minimum=1)
        else:
            qty = parse_hundredths(qty_text or "1", field)
            if qty is None or qty <= 0:
                raise ValidationError(f'quantity of {code} must be more than 0', field)
        items.append((code.strip(), qty, prefix))
    return items


# ---------------------------------------------------------------- lookups
class _Lookups:
    """What the rows of one sheet look up, each thing read once (issue 15).

    Every answer is the one the per-row query gave: the same queries, kept by
    their arguments. Nothing a ticket row writes changes them (a row makes no
    customer, equipment, technician, catalog code, part or pay month; --move-stock
    changes stock, which is not kept here), so they hold for the whole sheet.
    """

    # After this many different customers or units a sheet has looked up one
    # by one, the rest of the archive is read in one query each: a sheet of
    # thousands of tickets then costs two queries instead of thousands.
    BULK_AFTER = 300

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self._bulk_names = self._bulk_customers = self._bulk_units = False
        self.area_code = office_area_code(db)
        self.warranty_months = int(get_setting(db, "warranty.months", 12))
        self.numbering = numbering_settings(db)
        self._catalog: dict[str, str] | None = None
        self._has_master: bool | None = None
        self._names: dict[str, list[dict[str, Any]]] = {}
        self._customers: dict[int, C.Customer] = {}
        self._equipment: dict[tuple[str, str], C.Equipment | None] = {}
        self._units: dict[tuple[str, str], C.Equipment] = {}
        self._technicians: dict[str, int | None] = {}
        self._parts: dict[str, dict[str, Any] | None] = {}
        self._open_months: set[str] = set()

    @classmethod
    def of(cls, db: sqlite_utils.Database, ctx: RowContext) -> "_Lookups":
        found = ctx.cache.get("ticket_lookups")
        if found is None or found.db is not db:
            found = ctx.cache["ticket_lookups"] = cls(db)
        return found

    def customers_named(self, name: str) -> list[dict[str, Any]]:
        if name not in self._names and not self._bulk_names and len(self._names) >= self.BULK_AFTER:
            self._bulk_names = True
            named: dict[str, list[dict[str, Any]]] = {}
            for i, n, p, p2 in self.db.execute("SELECT id, name, phone, phone2 FROM customers ORDER BY id"):
                named.setdefault(n, []).append({"id": i, "phone": p, "phone2": p2})
            self._names = named
        if name not in self._names:
            self._names[name] = [] if self._bulk_names else [
                {"id": i, "phone": p, "phone2": p2} for i, p, p2 in self.db.execute(
                    "SELECT id, phone, phone2 FROM customers WHERE name = ? ORDER BY id", [name])]
        return self._names[name]

    def customer(self, customer_id: int) -> C.Customer:
        if customer_id not in self._customers and not self._bulk_customers \
                and len(self._customers) >= self.BULK_AFTER:
            self._bulk_customers = True
            self._customers = C.customers_by_id(self.db)
        if customer_id not in self._customers:
            self._customers[customer_id] = C.get_customer(self.db, customer_id)   # raises NotFound
        return self._customers[customer_id]

    def equipment(self, model: str, serial: str) -> C.Equipment | None:
        key = (model, serial)
        if key not in self._equipment and not self._bulk_units and len(self._equipment) >= self.BULK_AFTER:
            self._bulk_units = True
            self._units = C.equipment_by_plate(self.db)
        if key not in self._equipment:
            if self._bulk_units:
                found = (self._units.get(k) for k in C.plate_keys(model, serial))
                self._equipment[key] = next((e for e in found if e is not None), None)
            else:
                self._equipment[key] = C.find_equipment(self.db, model, serial)
        return self._equipment[key]

    def technician(self, name: str) -> int | None:
        if name not in self._technicians:
            row = self.db.execute("SELECT id FROM technicians WHERE name = ?", [name]).fetchone()
            self._technicians[name] = None if row is None else row[0]
        return self._technicians[name]

    def catalog(self) -> dict[str, str]:
        if self._catalog is None:
            self._catalog = T.catalog_codes(self.db, include_retired=True)
        return self._catalog

    def has_parts_master(self) -> bool:
        if self._has_master is None:
            self._has_master = T.has_parts_master(self.db)
        return self._has_master

    def part(self, code: str) -> dict[str, Any] | None:
        if code not in self._parts:
            self._parts[code] = T.part_master(self.db, code)
        return self._parts[code]

    def ensure_month_open(self, month: str, field: str) -> None:
        if month not in self._open_months:
            _pay.ensure_month_open(self.db, month, field)    # raises for a locked month
            self._open_months.add(month)


def _looked_up(db: sqlite_utils.Database | _Lookups) -> _Lookups:
    """The sheet's lookups, or fresh ones for a single call (`servicedesk ticket open`)."""
    return db if isinstance(db, _Lookups) else _Lookups(db)


def _customer(db: sqlite_utils.Database | _Lookups, name: str, phone: str) -> C.Customer:
    look = _looked_up(db)
    if not name:
        raise ValidationError("Customer is required.", "customer")
    rows = look.customers_named(name)
    if len(rows) > 1 and phone:
        rows = [r for r in rows if phone in (r["phone"], r["phone2"])]
    if not rows:
        raise ValidationError(f'unknown customer "{name}" (import the customer archive first)', "customer")
    if len(rows) > 1:
        raise ValidationError(f'{len(rows)} customers are named "{name}"; give the phone to choose one',
                              "customer")
    return look.customer(rows[0]["id"])


def _equipment(db: sqlite_utils.Database | _Lookups, customer: C.Customer, model: str,
               serial: str) -> C.Equipment | None:
    look = _looked_up(db)
    if not model and not serial:
        return None
    if not model or not serial:
        raise ValidationError("give both model and serial no (or neither)", "serial_no" if model else "model")
    eq = look.equipment(model, serial)
    if eq is None:
        raise ValidationError(f"unknown equipment {model} {serial} (import the equipment archive first)",
                              "serial_no")
    if eq.customer_id != customer.id:
        raise ValidationError(f"equipment {model} {serial} belongs to {eq.customer_name}, not {customer.name}",
                              "serial_no")
    return eq


def _technicians(db: sqlite_utils.Database | _Lookups, names: list[str]) -> list[int]:
    look = _looked_up(db)
    ids, unknown = [], []
    for name in names:
        tid = look.technician(name)
        if tid is None:
            unknown.append(name)
        else:
            ids.append(tid)
    if unknown:
        raise ValidationError(f"unknown technician(s) {'、'.join(unknown)} (import the technicians first)",
                              "technicians")
    if len(set(ids)) != len(ids):
        raise ValidationError("a technician is listed twice", "technicians")
    return ids


# ---------------------------------------------------------------- one row
def _import_row(db: sqlite_utils.Database, row_no: int, values: dict[str, Any], ctx: RowContext) -> str:
    # Every cell and every reference is checked, and all problems of the row
    # are reported at once; a check that needs an earlier value that failed is skipped.
    look = _Lookups.of(db, ctx)
    p: dict[str, Any] = {}
    refs = p
    checks = (
        ("type", lambda: _word(values.get("type"), TYPE_WORDS, "type", "Type", required=True)),
        ("channel", lambda: _word(values.get("channel"), CHANNEL_WORDS, "channel", "Channel", required=True)),
        ("phone", lambda: parse_phone(values.get("phone"), "phone", area_code=look.area_code)),
        ("fault_level", lambda: _word(values.get("fault_level"), LEVEL_WORDS, "fault_level", "Fault level")),
        ("reported_at", lambda: _reported(values.get("reported_at"))),
        ("arrived_at", lambda: parse_datetime(values.get("arrived_at"), "arrived_at")),
        ("completed_at", lambda: parse_datetime(values.get("completed_at"), "completed_at")),
        ("result", lambda: _word(values.get("result"), RESULT_WORDS, "result", "Result")),
        ("warranty", lambda: _word(values.get("warranty"), WARRANTY_WORDS, "warranty", "Warranty")),
        ("status", lambda: _word(values.get("status"), STATUS_WORDS, "status", "Status")),
        ("customer", lambda: _customer(look, normalise_text(values.get("customer")), p.get("phone", ""))),
        ("equipment", lambda: _equipment(look, p["customer"], normalise_text(values.get("model")),
                                         normalise_text(values.get("serial_no")))),
        ("technicians", lambda: _technicians(look, parse_names(values.get("technicians")))),
        ("work", lambda: _work_lines(look, parse_items(values.get("work"), "work"))),
        ("parts", lambda: _part_items(look, parse_items(values.get("parts"), "parts", whole=True))),
        ("times", lambda: _check_times(p)),
        ("lock", lambda: _check_pay_lock(look, p)),
        ("no", lambda: _check_no(db, values.get("no"))),
    )
    needs = {"equipment": ("customer",), "customer": ("phone",),
             "times": ("reported_at", "arrived_at", "completed_at", "result", "status"),
             "lock": ("completed_at", "status")}
    failed = False
    for key, check in checks:
        if any(k not in p for k in needs.get(key, ())):
            continue
        try:
            p[key] = check()
        except DomainError as exc:
            ctx.problem(exc.field or key, exc.message)
            failed = True
    if failed:
        raise RowRejected
    customer, equipment = refs["customer"], refs["equipment"]
    # Warranty: decided from the equipment; a recorded in/out that differs is
    # kept as a manual decision with the reason "历史台账记录".
    override = None
    if p["warranty"]:
        auto = C.warranty_status(db, equipment, p["reported_at"],
                                 default_months=look.warranty_months).code if equipment else None
        if auto != p["warranty"]:
            override = p["warranty"]
    data = T.TicketInput(
        type=p["type"], channel=p["channel"], customer_id=customer.id,
        equipment_id=equipment.id if equipment else None, phone=p["phone"],
        reported_at=p["reported_at"], fault=str(values.get("fault") or "").strip(),
        fault_level=p["fault_level"], warranty_override=override,
        warranty_override_reason=IMPORT_OVERRIDE_REASON if override else "",
        dealer=normalise_text(values.get("dealer")),
        dealer_diagnosis=str(values.get("dealer_diagnosis") or "").strip())
    intake = T.clean_intake(db, data, enforce_dealer=False, customer=customer, equipment=equipment,
                            area_code=look.area_code, warranty_months=look.warranty_months)
    who = normalise_text(ctx.options.get("who")) or "导入"
    status = p["status"] or _derived_status(p, refs["technicians"])
    end = p["completed_at"] or p["arrived_at"] or p["reported_at"]
    # The recorded state goes into the ticket's own INSERT (it used to be an
    # UPDATE right after it: the same row, one statement less per ticket).
    history: dict[str, Any] = {
        "status": status, "arrived_at": p["arrived_at"], "completed_at": p["completed_at"],
        "result": p["result"],
        "dispatched_at": p["reported_at"] if refs["technicians"] else None,
        "closed_at": end if status == "closed" else None,
        "cancelled_at": end if status == "cancelled" else None,
        "cancel_reason": "历史台账记录：已取消" if status == "cancelled" else "",
    }
    tid = T.insert_ticket(db, intake, who, p["reported_at"], no=refs["no"], source="import", columns=history,
                          numbering=look.numbering)
    T.log_event(db, tid, who, "import", "status", "open", status, p["reported_at"])
    # Plain INSERTs: sqlite-utils' insert_all reads the table's shape on every call.
    if refs["technicians"]:
        db.conn.executemany(
            "INSERT INTO ticket_technicians (ticket_id, technician_id, is_leader) VALUES (?, ?, ?)",
            [(tid, t, int(i == 0)) for i, t in enumerate(refs["technicians"])])
    if refs["work"]:
        db.conn.executemany(
            "INSERT INTO ticket_work (ticket_id, code, quantity_x100, notes) VALUES (?, ?, ?, '')",
            [(tid, c, q) for c, q in refs["work"]])
    if refs["parts"]:
        default_kind = "warranty" if intake["warranty"] == "in" else "bought"
        db.conn.executemany(
            "INSERT INTO ticket_parts (ticket_id, part_code, name, spec, kind, quantity, unit_price_fen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(tid, code, name, spec, kind or default_kind, qty,
              price if (kind or default_kind) == "bought" else 0)
             for code, name, spec, price, qty, kind in refs["parts"]])
        if ctx.options.get("move_stock") and status != "cancelled":
            try:
                _parts.sync_ticket_parts(db, tid, who, end)
            except DomainError as exc:
                ctx.problem("parts", f"cannot issue the parts from stock: {exc.message}")
                raise RowRejected from None
    return "created"


def _work_lines(look: _Lookups, items: list[tuple[str, int, str]]) -> list[tuple[str, int]]:
    catalog = look.catalog()
    unknown = [code for code, _, _ in items if code.upper() not in catalog]
    if unknown:
        raise ValidationError(f"unknown work code(s) {', '.join(unknown)} (not in the work-hour catalog)",
                              "work")
    return [(code.upper(), qty) for code, qty, _ in items]


def _part_items(look: _Lookups, items: list[tuple[str, int, str]]) -> list[tuple]:
    """(code, name, spec, price_fen, quantity, kind or None). With a parts
    master the code must be in it; without one the code is kept as the name."""
    master_exists = look.has_parts_master()
    out, unknown = [], []
    for code, qty, prefix in items:
        kind = None
        if prefix:
            kind = KIND_WORDS.get(prefix) or KIND_WORDS.get(prefix.lower())
            if kind is None:
                raise ValidationError(f'"{prefix}" is not a part kind (三包件 or 客户购买件)', "parts")
        master = look.part(code.upper()) if master_exists else None
        if master_exists and master is None:
            master = look.part(code)
        if master_exists and master is None:
            unknown.append(code)
            continue
        if master:
            out.append((master["code"], master["name"], master["spec"], master["price_fen"], qty, kind))
        else:
            out.append((code, code, "", 0, qty, kind))
    if unknown:
        raise ValidationError(f"unknown part(s) {', '.join(unknown)} (not in the parts list)", "parts")
    return out


def _check_times(p: dict[str, Any]) -> None:
    rep, arr, comp = p["reported_at"], p["arrived_at"], p["completed_at"]
    if arr and arr < rep:
        raise ValidationError(f"arrival {arr[:16]} is before the report time {rep[:16]}", "arrived_at")
    if comp and comp < (arr or rep):
        raise ValidationError(f"completion {comp[:16]} is before the {'arrival' if arr else 'report time'} "
                              f"{(arr or rep)[:16]}", "completed_at")
    if p["result"] == "done" and not comp and p["status"] != "cancelled":
        raise ValidationError("result 完成 needs the completion time", "completed_at")


def _reported(value: object) -> str:
    """The report time: required, and not in the future (it numbers the ticket)."""
    reported = parse_datetime(value, "reported_at", required=True)
    T.check_reported_not_future(reported)
    return reported


def _check_pay_lock(look: _Lookups, p: dict[str, Any]) -> None:
    """A historical row completed inside an approved (locked) pay month is
    refused: its work would change the approved figures behind the manager's
    back. The same rule as a visit completing into a locked month
    (pay.ensure_ticket_editable); a cancelled row never counts, so it passes.
    A new row cannot already feed a month otherwise (its number must be new)."""
    if p["completed_at"] and p["status"] != "cancelled":
        look.ensure_month_open(p["completed_at"][:7], "completed_at")


def _check_no(db: sqlite_utils.Database, value: object) -> str | None:
    no = normalise_text(value).upper()
    if not no:
        return None
    if db.execute("SELECT 1 FROM tickets WHERE no = ?", [no]).fetchone():
        raise ValidationError(f"ticket number {no} is already used", "no")
    return no


def _derived_status(p: dict[str, Any], team: list[int]) -> str:
    """Blank status: 完成 (or a completion time) -> closed; a visit or a team
    -> dispatched; else open (a history ledger lists finished work)."""
    if p["result"] == "done" or (p["completed_at"] and p["result"] is None):
        return "closed"
    if p["arrived_at"] or team or p["result"] == "not_done":
        return "dispatched"
    return "open"


# ---------------------------------------------------------------- export
def _when(value: str | None) -> str:
    if not value:
        return ""
    return value[:16] if value.endswith(":00") else value


def _qty(x100: int) -> str:
    return str(x100 // 100) if x100 % 100 == 0 else f"{x100 / 100:g}"


def export_rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """All tickets in report order: one query for the tickets and one each for
    teams, work and parts (grouped in memory), never a query per ticket."""
    teams: dict[int, list[str]] = {}
    for tid, name in db.execute(
            "SELECT tt.ticket_id, tc.name FROM ticket_technicians tt JOIN technicians tc "
            "ON tc.id = tt.technician_id ORDER BY tt.ticket_id, tt.is_leader DESC, tt.rowid"):
        teams.setdefault(tid, []).append(name)
    work: dict[int, list[str]] = {}
    for tid, code, qty in db.execute(
            "SELECT ticket_id, code, quantity_x100 FROM ticket_work ORDER BY ticket_id, id"):
        work.setdefault(tid, []).append(f"{code}*{_qty(qty)}")
    parts: dict[int, list[tuple[str, str, int]]] = {}
    for tid, kind, code, name, qty in db.execute(
            "SELECT ticket_id, kind, part_code, name, quantity FROM ticket_parts ORDER BY ticket_id, id"):
        parts.setdefault(tid, []).append((kind, code or name, qty))
    out = []
    for r in db.query(
            "SELECT t.*, c.name AS customer, e.model, e.serial_no FROM tickets t "
            "JOIN customers c ON c.id = t.customer_id LEFT JOIN equipment e ON e.id = t.equipment_id "
            "ORDER BY t.reported_at, t.id"):
        default_kind = "warranty" if r["warranty"] == "in" else "bought"
        part_text = "; ".join(
            ("" if kind == default_kind else f"{T.PART_KIND_LABELS[kind]}:") + f"{code}*{qty}"
            for kind, code, qty in parts.get(r["id"], []))
        out.append({
            "no": r["no"], "type": T.TYPE_LABELS[r["type"]], "channel": T.CHANNEL_LABELS[r["channel"]],
            "customer": r["customer"], "phone": r["phone"], "model": r["model"] or "",
            "serial_no": r["serial_no"] or "",
            "fault_level": T.LEVEL_LABELS.get(r["fault_level"], "") if r["fault_level"] else "",
            "reported_at": _when(r["reported_at"]), "fault": r["fault"],
            "technicians": "、".join(teams.get(r["id"], [])), "arrived_at": _when(r["arrived_at"]),
            "completed_at": _when(r["completed_at"]), "result": T.RESULT_LABELS.get(r["result"] or "", ""),
            "work": "; ".join(work.get(r["id"], [])), "parts": part_text,
            "warranty": T.WARRANTY_LABELS.get(r["warranty"] or "", ""),
            "status": T.STATUS_LABELS[r["status"]], "dealer": r["dealer"],
            "dealer_diagnosis": r["dealer_diagnosis"],
        })
    return out


# No sample rows: the template is an empty sheet, so importing it untouched
# creates nothing; the examples live in the column notes.
def _session(db: sqlite_utils.Database, cache: dict[str, Any]):
    """Around all rows of one import: the new tickets are indexed for search at the end."""
    return deferred_search_index(db)


TICKETS_SHEET = ExchangeKind(TICKETS_SPEC, _import_row, export_rows, session=_session)
