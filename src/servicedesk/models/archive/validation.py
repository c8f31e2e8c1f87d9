"""The archive's field rules: what makes a customer or a piece of equipment savable.

Every field is checked at once (`customer_errors`, `equipment_errors`) so a
dialog can mark all bad fields in one go; `clean_customer`/`clean_equipment`
normalise what the writes store. The plate rules live here too: model and
serial are normalised the same way everywhere (`normalise_code`), the serial
is unique per model, and the dates of a plate come in order.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import sqlite_utils

from servicedesk.models.archive.records import CustomerInput, EquipmentInput
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.settings import get_setting
from servicedesk.models.core.validation import (
    normalise_text, parse_date, parse_int, parse_phone, require_text,
)


EARLIEST_YEAR_SETTING = "equipment.earliest_year"


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


class DateRangeError(ValidationError):
    """An equipment date after today or before the office's earliest year
    (setting equipment.earliest_year). `bound` is "today" or "earliest"."""

    def __init__(self, field: str, value: str, bound: str, limit: str):
        # One literal per field: a template "{} {} is after today" would match
        # any line (the catalog's Chinese is looked up by the English text).
        template = (_AFTER_TODAY if bound == "today" else _BEFORE_EARLIEST)[field]
        super().__init__(template.format(value, limit, EARLIEST_YEAR_SETTING), field)
        self.value = value
        self.bound = bound
        self.limit = limit


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


_DATE_KEYS = tuple(_DATE_LABELS)
_AFTER_TODAY = {
    "factory_date": "Factory date {} is after today ({}).",
    "purchase_date": "Purchase date {} is after today ({}).",
    "delivery_date": "Delivery date {} is after today ({}).",
    "acceptance_date": "Acceptance date {} is after today ({}).",
}
_BEFORE_EARLIEST = {
    "factory_date": "Factory date {} is before {}, the earliest year of equipment dates (setting {}).",
    "purchase_date": "Purchase date {} is before {}, the earliest year of equipment dates (setting {}).",
    "delivery_date": "Delivery date {} is before {}, the earliest year of equipment dates (setting {}).",
    "acceptance_date": "Acceptance date {} is before {}, the earliest year of equipment dates (setting {}).",
}


def date_bounds(db: sqlite_utils.Database, today: _dt.date | None = None) -> tuple[int, str]:
    """(earliest year, today as ISO) an equipment date must lie between.

    The earliest year is the office's setting equipment.earliest_year (1990);
    the latest is today: a date after it is a typo (2099 for 2019 would keep
    the machine 在保 until 2099), one before it an Excel zero date (1900)."""
    try:
        year = int(get_setting(db, EARLIEST_YEAR_SETTING, 1990))
    except (TypeError, ValueError):
        year = 1990
    return year, (today or _dt.date.today()).isoformat()


def _date_range_errors(values: dict[str, Any], bounds: tuple[int, str]) -> dict[str, DateRangeError]:
    """Dates (already parsed, ISO text) after today or before the earliest year, keyed by field."""
    earliest, today = bounds
    errors: dict[str, ValidationError] = {}
    for key in _DATE_KEYS:
        value = values.get(key)
        if not value:
            continue
        if value > today:
            errors[key] = DateRangeError(key, value, "today", today)
        elif int(value[:4]) < earliest:
            errors[key] = DateRangeError(key, value, "earliest", str(earliest))
    return errors


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


def customer_errors(data: CustomerInput, area_code: str = "") -> dict[str, ValidationError]:
    """Every field problem of a customer, keyed by field ({} when it can be saved).

    `area_code` is the office's (phones.office_area_code), put in front of a
    local phone number typed without one."""
    return _clean_customer(data, area_code)[1]


def _clean_customer(data: CustomerInput, area_code: str = "") -> tuple[CustomerInput | None,
                                                                       dict[str, ValidationError]]:
    values, errors = _collect({
        "name": lambda: require_text(data.name, "name", "Customer name (unit or person)"),
        "phone": lambda: parse_phone(data.phone, "phone", area_code=area_code),
        "phone2": lambda: parse_phone(data.phone2, "phone2", area_code=area_code),
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


def clean_customer(data: CustomerInput, area_code: str = "") -> CustomerInput:
    """Normalise and validate; raises ValidationError naming the (first) bad field."""
    clean, errors = _clean_customer(data, area_code)
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


def _parse_equipment(data: EquipmentInput, bounds: tuple[int, str] | None = None,
                     ) -> tuple[dict[str, Any], dict[str, ValidationError]]:
    """Parse every field; then check the order of the dates that did parse,
    and (with `bounds`, see date_bounds) that none is in the future or too old.

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
    if bounds is not None:
        # A date outside the range says more than "out of order" about it.
        errors.update(_date_range_errors(values, bounds))
    return values, errors


def _clean_equipment(data: EquipmentInput, bounds: tuple[int, str] | None = None,
                     ) -> tuple[EquipmentInput | None, dict[str, ValidationError]]:
    values, errors = _parse_equipment(data, bounds)
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


def clean_equipment(data: EquipmentInput, bounds: tuple[int, str] | None = None) -> EquipmentInput:
    """Normalise and validate one equipment record (not the serial's uniqueness);
    with `bounds` (date_bounds(db)) also the range of its dates."""
    clean, errors = _clean_equipment(data, bounds)
    if errors:
        raise next(iter(errors.values()))
    assert clean is not None
    return clean


def equipment_errors(db: sqlite_utils.Database, data: EquipmentInput,
                     equipment_id: int | None = None) -> dict[str, ValidationError]:
    """Every problem that would stop add/update_equipment, keyed by field."""
    values, errors = _parse_equipment(data, date_bounds(db))
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
