"""Everything a printed form needs, gathered from the database into dataclasses.

The printed forms (售后服务维修记录单, 外出服务记录表, 售后服务信息收集表, DOMAIN §7)
are drawn by `reports/`, which holds no SQL: this module reads the ticket,
its customer, equipment, team and parts with a fixed handful of queries per
batch (not per ticket), so printing 100 selected tickets stays fast. It also
holds the print settings (layout, offsets, paper height, font file) with the
checks that keep them within what the forms can be drawn on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import sqlite_utils

from servicedesk.models.core.db import transaction
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.core.settings import get_setting, get_settings, set_setting
# The printed words and the intake/visit/sign-off fields are the tickets' own.
from servicedesk.models.tickets.records import TYPE_LABELS, IntakeRecord, SignoffRecord, VisitRecord


@dataclass(frozen=True)
class FormPart:
    """One line of the 三包件 / 客户购买件 tables."""

    name: str
    spec: str
    quantity: int
    unit_price_fen: int = 0

    @property
    def total_fen(self) -> int:
        return self.quantity * self.unit_price_fen

    @property
    def label(self) -> str:
        return f"{self.name} {self.spec}".strip()


@dataclass
class TicketForm(SignoffRecord, VisitRecord, IntakeRecord):
    """One ticket as the paper forms show it (times as stored, 'YYYY-MM-DD HH:MM:SS').

    The intake, visit and review/sign-off fields (and `result_label`) come
    from the tickets' records, so the forms and the ticket screen share them.
    """

    ticket_id: int
    no: str
    type: str
    status: str
    office_name: str
    # customer (用户姓名(单位、人)), where the ticket's own contact details win
    customer_name: str
    customer_contact: str
    customer_title: str
    address: str
    contact: str
    phone: str
    # equipment
    model: str = ""
    serial_no: str = ""
    quantity: int | None = None
    invoice_no: str = ""
    purchase_date: str | None = None
    delivery_date: str | None = None
    acceptance_date: str | None = None
    project_name: str = ""
    project_no: str = ""
    # dispatch (intake, visit and sign-off: the inherited records)
    dispatched_at: str | None = None
    technicians: list[str] = field(default_factory=list)   # leader first
    warranty_parts: list[FormPart] = field(default_factory=list)
    bought_parts: list[FormPart] = field(default_factory=list)
    charges_fen: int | None = None        # paid-service quote total, when known

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.type, self.type)

    @property
    def bought_total_fen(self) -> int:
        return sum(p.total_fen for p in self.bought_parts)

    @property
    def leader(self) -> str:
        return self.technicians[0] if self.technicians else ""

    @property
    def repair_text(self) -> str:
        """维修结果 in words: what was found, why, what was done, and the result."""
        parts = []
        for label, value in (("检查", self.diagnosis), ("原因", self.cause), ("处理", self.measures)):
            if value.strip():
                parts.append(f"{label}：{value.strip()}")
        if self.result_label:
            parts.append(f"结果：{self.result_label}")
        return "；".join(parts)


_TICKET_SQL = """
SELECT t.id, t.no, t.type, t.status, c.name, c.contact, c.title,
       COALESCE(NULLIF(t.address, ''), c.address), COALESCE(NULLIF(t.contact, ''), c.contact),
       COALESCE(NULLIF(t.phone, ''), c.phone),
       e.model, e.serial_no, e.quantity, e.invoice_no, e.purchase_date, e.delivery_date,
       e.acceptance_date, e.project_name, e.project_no,
       t.requested_at, t.reported_at, t.fault, t.recorder, t.first_judgement, t.fault_level,
       t.warranty, t.warranty_reason, t.dispatched_at, t.arrived_at, t.diagnosis, t.cause,
       t.measures, t.result, t.repair_from, t.repair_to, t.completed_at, t.reviewed_by,
       t.reviewed_at, t.customer_opinion, t.customer_signature, t.signed_at
FROM tickets t
JOIN customers c ON c.id = t.customer_id
LEFT JOIN equipment e ON e.id = t.equipment_id
WHERE t.{key} IN ({marks})
"""
_TICKET_FIELDS = (
    "ticket_id", "no", "type", "status", "customer_name", "customer_contact", "customer_title",
    "address", "contact", "phone", "model", "serial_no", "quantity", "invoice_no",
    "purchase_date", "delivery_date", "acceptance_date", "project_name", "project_no",
    "requested_at", "reported_at", "fault", "recorder", "first_judgement", "fault_level",
    "warranty", "warranty_reason", "dispatched_at", "arrived_at", "diagnosis", "cause",
    "measures", "result", "repair_from", "repair_to", "completed_at", "reviewed_by",
    "reviewed_at", "customer_opinion", "customer_signature", "signed_at",
)


def _chunks(items: Sequence, size: int = 500) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def load_ticket_forms(db: sqlite_utils.Database, keys: Sequence[int | str], *,
                      with_quote: bool = False) -> list[TicketForm]:
    """Forms for tickets given by id (int) or number (str), in the order given.

    Raises NotFound naming the first missing ticket. A few queries per 500
    tickets (ticket+customer+equipment, team, parts), never one per ticket,
    except the optional paid-service quote (outside-service form only).
    """
    if not keys:
        return []
    office = str(get_setting(db, "office.name", "") or "")
    by_id: dict[int, TicketForm] = {}
    by_no: dict[str, int] = {}
    ids_wanted = [int(k) for k in keys if isinstance(k, int)]
    nos_wanted = [str(k).strip() for k in keys if not isinstance(k, int)]
    for column, wanted in (("id", ids_wanted), ("no", nos_wanted)):
        for chunk in _chunks(sorted(set(wanted))):
            sql = _TICKET_SQL.format(key=column, marks=",".join("?" * len(chunk)))
            for row in db.execute(sql, list(chunk)):
                values = dict(zip(_TICKET_FIELDS, row))
                form = TicketForm(office_name=office, **{k: (v if v is not None or k in _NULLABLE else "")
                                                         for k, v in values.items()})
                by_id[form.ticket_id] = form
                by_no[form.no] = form.ticket_id
    for k in keys:
        found = (int(k) in by_id) if isinstance(k, int) else (str(k).strip() in by_no)
        if not found:
            raise NotFound(f"No ticket {k}.", field="ticket")
    ids = sorted(by_id)
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for tid, name in db.execute(
            "SELECT tt.ticket_id, te.name FROM ticket_technicians tt "
            "JOIN technicians te ON te.id = tt.technician_id "
            f"WHERE tt.ticket_id IN ({marks}) ORDER BY tt.ticket_id, tt.is_leader DESC, te.name",
                list(chunk)):
            by_id[tid].technicians.append(name)
        for tid, name, spec, kind, qty, price in db.execute(
            "SELECT ticket_id, name, spec, kind, quantity, unit_price_fen FROM ticket_parts "
            f"WHERE ticket_id IN ({marks}) ORDER BY ticket_id, id", list(chunk)):
            part = FormPart(name, spec, qty, price)
            (by_id[tid].warranty_parts if kind == "warranty" else by_id[tid].bought_parts).append(part)
    if with_quote:
        for form in by_id.values():
            form.charges_fen = _quote_total(db, form)
    return [by_id[int(k)] if isinstance(k, int) else by_id[by_no[str(k).strip()]] for k in keys]


_NULLABLE = {
    "quantity", "purchase_date", "delivery_date", "acceptance_date", "requested_at", "reported_at",
    "fault_level", "warranty", "dispatched_at", "arrived_at", "result", "repair_from", "repair_to",
    "completed_at", "reviewed_at", "signed_at",
}


def _quote_total(db: sqlite_utils.Database, form: TicketForm) -> int | None:
    """The paid-service quote from the tickets model (None in warranty or while it is absent)."""
    if form.warranty == "in":
        return None
    try:
        from servicedesk.models.tickets.lifecycle import ticket_quote
    except ImportError:
        return form.bought_total_fen or None
    quote = ticket_quote(db, form.ticket_id)
    return quote.total_fen if getattr(quote, "applies", True) else None


def load_ticket_form(db: sqlite_utils.Database, key: int | str, *, with_quote: bool = False) -> TicketForm:
    """One ticket's form data (id or number)."""
    return load_ticket_forms(db, [key], with_quote=with_quote)[0]


def ticket_numbers(db: sqlite_utils.Database, ticket_ids: Sequence[int]) -> dict[int, str]:
    """id -> ticket number, for messages about a batch."""
    result: dict[int, str] = {}
    for chunk in _chunks(sorted(set(ticket_ids))):
        marks = ",".join("?" * len(chunk))
        result.update(db.execute(f"SELECT id, no FROM tickets WHERE id IN ({marks})", list(chunk)).fetchall())
    return result


# ---------------------------------------------------------------- settings
LAYOUTS = ("a4", "continuous")
# The continuous form needs 120 mm at >= 9 pt (rows + parts table + signatures);
# 241 x 140 (half of 11") is the usual paper, 241 x 280 the full sheet.
HEIGHT_RANGE_MM = (120.0, 600.0)
OFFSET_RANGE_MM = (-30.0, 30.0)


@dataclass
class PrintSettings:
    """How forms are printed on this office's paper and printer."""

    font_file: str = ""
    layout: str = "a4"
    continuous_height_mm: float = 140.0
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    a4_copies_per_page: int = 1


_KEYS = {
    "font_file": "print.font_file", "layout": "print.layout",
    "continuous_height_mm": "print.continuous_height_mm", "offset_x_mm": "print.offset_x_mm",
    "offset_y_mm": "print.offset_y_mm", "a4_copies_per_page": "print.a4_copies_per_page",
}


def load_print_settings(db: sqlite_utils.Database) -> PrintSettings:
    values = get_settings(db, "print.")
    defaults = PrintSettings()
    kwargs = {attr: values.get(key, getattr(defaults, attr)) for attr, key in _KEYS.items()}
    settings = PrintSettings(**kwargs)
    try:
        return clean_print_settings(settings)
    except ValidationError:  # a hand-edited bad value: print with the defaults, don't refuse
        return defaults


def _number(value: object, key: str, low: float, high: float, what: str) -> float:
    try:
        number = float(str(value).strip().replace("，", ".").replace(",", "."))
    except ValueError:
        raise ValidationError(f"{what} must be a number of millimetres.", field=key) from None
    if not low <= number <= high:
        raise ValidationError(f"{what} must be between {low:g} and {high:g} mm.", field=key)
    return round(number, 1)


def clean_print_settings(data: PrintSettings) -> PrintSettings:
    """Check every value; raise ValidationError naming the field (dataclass attribute)."""
    layout = str(data.layout or "a4").strip()
    if layout not in LAYOUTS:
        raise ValidationError("Layout must be a4 or continuous.", field="layout")
    font_file = str(data.font_file or "").strip()
    if font_file and not Path(font_file).is_file():
        raise ValidationError(f"Font file {font_file} does not exist.", field="font_file")
    try:
        copies = int(data.a4_copies_per_page)
    except (TypeError, ValueError):
        raise ValidationError("Copies per A4 page must be 1, 2 or 3.", field="a4_copies_per_page") from None
    if copies not in (1, 2, 3):
        raise ValidationError("Copies per A4 page must be 1, 2 or 3.", field="a4_copies_per_page")
    return PrintSettings(
        font_file=font_file, layout=layout,
        continuous_height_mm=_number(data.continuous_height_mm, "continuous_height_mm",
                                     *HEIGHT_RANGE_MM, "Paper height"),
        offset_x_mm=_number(data.offset_x_mm, "offset_x_mm", *OFFSET_RANGE_MM, "Horizontal offset"),
        offset_y_mm=_number(data.offset_y_mm, "offset_y_mm", *OFFSET_RANGE_MM, "Vertical offset"),
        a4_copies_per_page=copies,
    )


def save_print_settings(db: sqlite_utils.Database, data: PrintSettings) -> PrintSettings:
    """Save all print settings at once (one transaction): all or nothing."""
    clean = clean_print_settings(data)
    with transaction(db):
        for attr, key in _KEYS.items():
            set_setting(db, key, getattr(clean, attr))
    return clean


def print_settings_dict(data: PrintSettings) -> dict[str, object]:
    return asdict(data)
