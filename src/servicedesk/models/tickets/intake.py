"""Taking a call (受理): validating the intake, deciding the warranty, numbering.

`open_ticket` (the clerk's form, the demo and the historical import) and
`update_ticket` (corrections, logged field by field) share `clean_intake`;
a dealer-reported fault must carry what 000 asks for, and a report time in
the future is refused because it would burn next month's numbers.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import sqlite_utils

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import StateError, ValidationError
from servicedesk.models.core.standards import WARRANTY_EXCLUSIONS
from servicedesk.models.core.settings import office_area_code
from servicedesk.models.core.validation import normalise_text, parse_phone
from servicedesk.models.pay import month as _pay
from servicedesk.models.tickets import rules as R
from servicedesk.models.tickets.flow import (
    _apply_changes, _free, _load_current, _now, _parse_time, _text, log_event,
)
from servicedesk.models.tickets.numbering import allocate_number, reserve_number
from servicedesk.models.tickets.reading import get_ticket
from servicedesk.models.tickets.records import (
    CHANNELS, LEVEL_REQUIRED_TYPES, STATUS_LABELS, TYPES, TicketDetail, TicketInput,
)

# ---------------------------------------------------------------- intake
def _clean_level(value: object, ticket_type: str) -> int | None:
    if value is None or _text(value) == "":
        if ticket_type in LEVEL_REQUIRED_TYPES:
            raise ValidationError(
                f"A {ticket_type} ticket needs a fault level (1 一级 – 4 四级).", "fault_level")
        return None
    try:
        level = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f'"{value}" is not a fault level (1–4).', "fault_level") from None
    if level not in R.LEVELS:
        raise ValidationError(f"Fault level must be 1–4, not {level}.", "fault_level")
    return level


def _warranty(db: sqlite_utils.Database, equipment: C.Equipment | None, reported_at: str,
              exclusion: str | None, override: str | None, override_reason: str,
              default_months: int | None = None) -> dict[str, Any]:
    exclusion = exclusion or None
    override = override or None
    if exclusion and exclusion not in WARRANTY_EXCLUSIONS:
        raise ValidationError(f"Unknown 三包 exclusion {exclusion!r}.", "warranty_exclusion")
    if equipment is None:
        if override:
            decision = C.warranty_status(db, C.EquipmentInput(customer_id=0, model="", serial_no=""),
                                         reported_at, override=override, override_reason=override_reason)
            return {"warranty": decision.code, "warranty_reason": decision.reason,
                    "warranty_exclusion": exclusion,
                    "warranty_override_reason": _free(override_reason)}
        return {"warranty": None, "warranty_reason": "未指定设备，无法判定保修", "warranty_exclusion": exclusion,
                "warranty_override_reason": ""}
    decision = C.warranty_status(db, equipment, reported_at, exclusion=exclusion, override=override,
                                 override_reason=override_reason, default_months=default_months)
    return {"warranty": decision.code, "warranty_reason": decision.reason,
            "warranty_exclusion": exclusion,
            "warranty_override_reason": _free(override_reason) if override else ""}


# How far a report time may lie ahead of the clock (two PCs' clocks differ a little).
REPORTED_AHEAD_LIMIT = _dt.timedelta(minutes=10)


def check_reported_not_future(reported_at: str, field_name: str = "reported_at",
                              now: str | None = None) -> None:
    """Refuse a report time more than 10 minutes ahead of the clock.

    The ticket number comes from the report month: a typo such as 2027 for
    2026 would open next year's sequence and burn its numbers for good
    (numbers are never reused), and the deadlines would lie in the future.
    Applies to the clerk's intake, corrections and the historical import alike.
    """
    clock = R.parse_ts(now or now_iso())
    limit = clock + REPORTED_AHEAD_LIMIT
    if R.parse_ts(reported_at) > limit:
        raise ValidationError(
            f"Report time {reported_at[:16]} is in the future (the clock says {clock.isoformat(sep=' ')[:16]}; "
            f"at most 10 minutes ahead is accepted). Check the year and month.", field_name)


def clean_intake(db: sqlite_utils.Database, data: TicketInput, *, enforce_dealer: bool = True,
                  default_reported: str | None = None, customer: C.Customer | None = None,
                  equipment: C.Equipment | None = None, area_code: str | None = None,
                  warranty_months: int | None = None) -> dict[str, Any]:
    """Validated ticket columns from the intake form (raises naming the field).

    `customer`, `equipment`, `area_code` and `warranty_months` (the
    office.area_code and warranty.months settings) may be given by a caller
    that already read them, once for many tickets (the historical import); a
    record is used only when it is the one `data` names, else it is read here
    as always.
    """
    if data.type not in TYPES:
        raise ValidationError(f'"{data.type}" is not a ticket type ({", ".join(TYPES)}).', "type")
    if data.channel not in CHANNELS:
        raise ValidationError(f'"{data.channel}" is not a channel ({", ".join(CHANNELS)}).', "channel")
    if not data.customer_id:
        raise ValidationError("Choose the customer.", "customer_id")
    if customer is None or customer.id != int(data.customer_id):
        customer = C.get_customer(db, int(data.customer_id))
    if not data.equipment_id:
        equipment = None
    elif equipment is None or equipment.id != int(data.equipment_id):
        equipment = C.get_equipment(db, int(data.equipment_id))
    if equipment is not None:
        if equipment.customer_id != customer.id:
            raise ValidationError(
                f"Equipment {equipment.model} {equipment.serial_no} belongs to {equipment.customer_name}, "
                f"not to {customer.name}.", "equipment_id")
    reported = _parse_time(data.reported_at, "reported_at", "Report time") or default_reported or now_iso()
    if reported != default_reported:     # an unchanged report time of an existing ticket stays valid
        check_reported_not_future(reported)
    requested = _parse_time(data.requested_at, "requested_at", "Requested service time")
    level = _clean_level(data.fault_level, data.type)
    fault = _free(data.fault)
    values = {
        "type": data.type, "channel": data.channel, "customer_id": customer.id,
        "equipment_id": equipment.id if equipment else None,
        "contact": normalise_text(data.contact) or customer.contact,
        "phone": parse_phone(data.phone, "phone",
                             area_code=office_area_code(db) if area_code is None else area_code)
        or customer.phone,
        "address": normalise_text(data.address) or customer.address,
        "requested_at": requested, "reported_at": reported, "fault": fault,
        "recorder": normalise_text(data.recorder), "first_judgement": _free(data.first_judgement),
        "fault_level": level,
        "dealer": normalise_text(data.dealer), "dealer_diagnosis": _free(data.dealer_diagnosis),
        "dealer_selfcheck": _free(data.dealer_selfcheck),
    }
    if data.channel == "dealer":
        if not values["dealer"]:
            values["dealer"] = (equipment.dealer if equipment else "") or customer.dealer
        if enforce_dealer:
            _check_dealer_report(values, equipment)
    values.update(_warranty(db, equipment, reported, data.warranty_exclusion, data.warranty_override,
                            data.warranty_override_reason, warranty_months))
    return values


def _check_dealer_report(values: dict[str, Any], equipment: C.Equipment | None) -> None:
    """A dealer-reported fault must carry model, serial no, factory date, the
    install self-check record, the fault and the dealer's diagnosis (000)."""
    if equipment is None:
        raise ValidationError("A dealer-reported fault needs the equipment (model and serial no).",
                              "equipment_id")
    if not equipment.factory_date:
        raise ValidationError(
            f"A dealer-reported fault needs the factory date (出厂日期) of {equipment.model} "
            f"{equipment.serial_no}; add it to the equipment record first.", "factory_date")
    if not values["dealer_selfcheck"]:
        raise ValidationError("A dealer-reported fault needs the install self-check record (安装自检记录).",
                              "dealer_selfcheck")
    if not values["fault"]:
        raise ValidationError("A dealer-reported fault needs the fault description (故障现象).", "fault")
    if not values["dealer_diagnosis"]:
        raise ValidationError("A dealer-reported fault needs the dealer's diagnosis (经销商初步诊断).",
                              "dealer_diagnosis")


def _refuse_deactivated(db: sqlite_utils.Database, values: dict[str, Any]) -> None:
    """A new call never lands on a deactivated customer or unit (history only; reactivate it first)."""
    customer = C.get_customer(db, values["customer_id"])
    if not customer.active:
        raise ValidationError(f"Customer {customer.name} is deactivated: reactivate it to open a ticket.",
                              "customer_id")
    if values["equipment_id"]:
        eq = C.get_equipment(db, values["equipment_id"])
        if not eq.active:
            raise ValidationError(f"Equipment {eq.model} {eq.serial_no} is deactivated: reactivate it to "
                                  "open a ticket.", "equipment_id")


def open_ticket(db: sqlite_utils.Database, data: TicketInput, who: str, *, at: str | None = None,
                no: str | None = None, source: str = "intake",
                enforce_dealer: bool = True) -> TicketDetail:
    """Take a call: validate, decide the warranty, number the ticket, log it.

    `no` (an existing number, from the historical import) and
    `enforce_dealer=False` exist for replaying history; the clerk's form never
    passes them.
    """
    values = clean_intake(db, data, enforce_dealer=enforce_dealer)
    if source == "intake":
        _refuse_deactivated(db, values)
    stamp = _now(at) if at else (values["reported_at"] if source != "intake" else now_iso())
    with transaction(db):
        tid = insert_ticket(db, values, who, stamp, no=no, source=source)
    return get_ticket(db, tid)


def insert_ticket(db: sqlite_utils.Database, values: dict[str, Any], who: str, stamp: str, *,
                  no: str | None = None, source: str = "intake",
                  columns: dict[str, Any] | None = None, numbering: tuple[str, int] | None = None) -> int:
    """Number and insert cleaned intake values (inside the caller's transaction).

    `columns` are written with them in the same INSERT (the historical import
    gives the recorded status and times there instead of a second UPDATE);
    `numbering` is numbering.numbering_settings(db) when the caller holds it.
    """
    if no:
        no = normalise_text(no).upper()
        if db.execute("SELECT 1 FROM tickets WHERE no = ?", [no]).fetchone():
            raise ValidationError(f"Ticket number {no} is already used.", "no")
        reserve_number(db, no)
    else:
        no = allocate_number(db, values["reported_at"], numbering)
    row = {**values, "no": no, "status": "open", "source": source, "created_at": stamp,
           "updated_at": stamp, **(columns or {})}
    # A plain INSERT: sqlite-utils' table.insert reads the table's shape
    # (PRAGMA table_info, sqlite_master) on every call, ~1 ms a ticket.
    names = ", ".join(f'"{key}"' for key in row)
    tid = db.execute(f"INSERT INTO tickets ({names}) VALUES ({', '.join('?' * len(row))})",
                     list(row.values())).lastrowid
    log_event(db, tid, who, "open", "no", "", no, stamp)
    if values.get("warranty") is not None:
        log_event(db, tid, who, "open", "warranty", "", values["warranty_reason"], stamp)
    return tid


def update_ticket(db: sqlite_utils.Database, ticket_id: int, data: TicketInput, who: str,
                  at: str | None = None, loaded: TicketDetail | None = None) -> TicketDetail:
    """Correct the intake (level, fault, contact, equipment, warranty...), logged field by field.

    The number stays: it was given at intake from the first report time.
    `loaded` (the ticket as the edit dialog read it) makes the save refuse
    with ConflictError when anyone changed the ticket since: the form sends
    every field, and would otherwise set back what the other one stored.
    """
    stamp = _now(at)
    with transaction(db):
        row = _load_current(db, ticket_id, loaded)
        if row["status"] in ("closed", "cancelled"):
            raise StateError(f"Cannot change a {STATUS_LABELS[row['status']]} ticket; reopen it first.",
                             "status")
        values = clean_intake(db, data, enforce_dealer=row["source"] == "intake",
                               default_reported=row["reported_at"])
        if values["reported_at"] != row["reported_at"] or values["fault_level"] != row["fault_level"]:
            _pay.ensure_ticket_editable(db, ticket_id)
        _apply_changes(db, ticket_id, row, values, who, "update", stamp)
    return get_ticket(db, ticket_id)
