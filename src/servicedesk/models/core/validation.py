"""Parsing and normalising what a clerk types or an Excel sheet holds.

Each parser returns the normalised value or raises ValidationError naming the
field, so the same rules serve the dialogs, the importers and the CLI.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation, ROUND_HALF_UP

from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.phones import parse_phone  # noqa: F401 (re-exported: every caller imports it from here)

def normalise_text(value: object) -> str:
    """NFKC folds full-width digits/letters/spaces to ASCII; trims ends."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()


# Excel counts days from 1899-12-30 (serial 1 = 1900-01-01, past its 1900 leap-year bug).
_EXCEL_EPOCH = _dt.datetime(1899, 12, 30)
# Serial numbers accepted as dates: 1990-01-01 .. 2100-12-31. Outside that a
# number in a date column is far more likely a typo (a quantity, an invoice no).
_SERIAL_RANGE = ((_dt.datetime(1990, 1, 1) - _EXCEL_EPOCH).days,
                 (_dt.datetime(2100, 12, 31) - _EXCEL_EPOCH).days)


def _excel_serial(value: object) -> _dt.datetime | None:
    """A date typed into a General-format cell arrives as its serial number (46082).

    Returns the datetime it stands for (the fraction is the time of day), or
    None when the value is not a number in the accepted range.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not _SERIAL_RANGE[0] <= value < _SERIAL_RANGE[1] + 1:
        return None
    moment = _EXCEL_EPOCH + _dt.timedelta(days=float(value))
    return (moment + _dt.timedelta(microseconds=500_000)).replace(microsecond=0)  # to the second


def parse_date(value: object, field: str = "date", required: bool = False) -> str | None:
    """Excel date, datetime, serial number (46082), or text 2026-03-01 / 2026/3/1 /
    2026.3.1 -> 'YYYY-MM-DD'."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("Date is required.", field)
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    serial = _excel_serial(value)
    if serial is not None:
        return serial.date().isoformat()
    text = normalise_text(value)
    m = re.match(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$", text)
    if m:
        try:
            return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    raise ValidationError(f'"{value}" is not a date (use 2026-03-01)', field)


def parse_datetime(value: object, field: str = "time", required: bool = False) -> str | None:
    """Excel datetime, serial number (46082.5 = 12:00) or text '2026-10-03 14:30[:00]'
    -> 'YYYY-MM-DD HH:MM:SS'."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("Time is required.", field)
        return None
    if isinstance(value, _dt.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return f"{value.isoformat()} 00:00:00"
    serial = _excel_serial(value)
    if serial is not None:
        return serial.isoformat(sep=" ")
    text = normalise_text(value)
    m = re.match(
        r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$", text
    )
    if m:
        try:
            return _dt.datetime(
                int(m[1]), int(m[2]), int(m[3]), int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
            ).isoformat(sep=" ")
        except ValueError:
            pass
    raise ValidationError(f'"{value}" is not a date and time (use 2026-10-03 14:30)', field)


def parse_int(value: object, field: str, *, required: bool = False, minimum: int | None = None,
              default: int | None = None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("A whole number is required.", field)
        return default
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = normalise_text(value)
    if not re.fullmatch(r"[-+]?\d+", text):
        raise ValidationError(f'"{value}" is not a whole number', field)
    number = int(text)
    if minimum is not None and number < minimum:
        raise ValidationError(f"{number} is less than {minimum}", field)
    return number


def parse_money_fen(value: object, field: str, *, required: bool = False,
                    allow_negative: bool = False) -> int | None:
    """'12.5' / 12.5 / '¥1,200.00' yuan -> integer fen, exactly (no float money)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("An amount is required.", field)
        return None
    text = normalise_text(value).replace(",", "").replace("¥", "").replace("元", "")
    if isinstance(value, float):
        text = repr(value)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(f'"{value}" is not an amount of money', field) from None
    if amount.as_tuple().exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(f'"{value}" has more than two decimals', field)
    if amount < 0 and not allow_negative:
        raise ValidationError(f'"{value}" must not be negative', field)
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def parse_hundredths(value: object, field: str, *, required: bool = False) -> int | None:
    """'2.5' -> 250: quantities and hours kept exactly in hundredths."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("A number is required.", field)
        return None
    text = repr(value) if isinstance(value, float) else normalise_text(value)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(f'"{value}" is not a number', field) from None
    if number * 100 != (number * 100).to_integral_value():
        raise ValidationError(f'"{value}" has more than two decimals', field)
    return int(number * 100)


def require_text(value: object, field: str, label: str | None = None) -> str:
    text = normalise_text(value)
    if not text:
        raise ValidationError(f"{label or field} is required.", field)
    return text


def fen_to_yuan_str(fen: int) -> str:
    """12345 -> '123.45' (for display and JSON); exact, no float."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"
