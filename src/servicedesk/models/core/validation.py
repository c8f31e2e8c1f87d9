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

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# 400/800 service numbers: 10 digits, written 400-123-4567.
_SERVICE = re.compile(r"^([48]00)(\d{3})(\d{4})$")
# An extension written with a word: 0571-88886666转806 / ext 806 / x806 / #806.
_EXTENSION = re.compile(r"^(.*?)(?:转|ext\.?|x|#)(\d{1,6})$", re.I)


def _area_length(digits: str) -> int:
    """Length of the area code a landline starts with (with its leading 0).

    Beijing 010 and the 02X cities (020 Guangzhou … 029 Xi'an) have 0 + 2
    digits; every other area code has 0 + 3 (0571 Hangzhou). Knowing this,
    01012345678 is 010-12345678 and never 0101-2345678.
    """
    return 3 if digits.startswith("010") or digits.startswith("02") else 4


def _landline(digits: str) -> str | None:
    """'057188886666' -> '0571-88886666'; None when it is not a landline."""
    if not digits.startswith("0"):
        return None
    area = _area_length(digits)
    number = digits[area:]
    if 7 <= len(number) <= 8:
        return f"{digits[:area]}-{number}"
    return None


def normalise_text(value: object) -> str:
    """NFKC folds full-width digits/letters/spaces to ASCII; trims ends."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_phone(value: object, field: str = "phone", required: bool = False) -> str:
    """Mainland mobile, landline or 400/800 number, normalised.

    13812345678 / 0571-88886666 / 010-12345678 / 0571-88886666-806 /
    400-123-4567. Accepts +86 / 0086 in front (+86-571-88886666), the area
    code in brackets ((0571)88886666), spaces, and an extension after a dash
    or 转 / ext / x.
    """
    text = normalise_text(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))  # Excel stores a typed mobile number as a float
    text = re.sub(r"[\s()（）]", "", text)
    if not text:
        if required:
            raise ValidationError("Phone is required.", field)
        return ""
    international = False
    for prefix in ("+86", "0086"):
        if text.startswith(prefix):
            text, international = text[len(prefix):].lstrip("-"), True
            break
    main, ext = text, ""
    m = _EXTENSION.match(text)
    if m:
        main, ext = m[1], m[2]
    result = _normalise_number(main, international)
    if result is None and not ext and "-" in main:
        # 0571-88886666-806: the last dashed group may be the extension.
        head, _, tail = main.rpartition("-")
        if 1 <= len(tail) <= 6 and tail.isdigit():
            result = _normalise_number(head, international)
            if result is not None and not _MOBILE.match(result):
                ext = tail
            else:
                result = None
    if result is not None and (not ext or not _MOBILE.match(result)):
        return result + (f"-{ext}" if ext else "")
    raise ValidationError(
        f'"{value}" is not a phone number (mobile: 11 digits starting with 1; '
        "landline: 0571-88886666, extension 0571-88886666-806)",
        field,
    )


def _normalise_number(text: str, international: bool) -> str | None:
    """The number without its extension: mobile, 400/800 or landline, or None."""
    digits = text.replace("-", "")
    if not digits.isdigit():
        return None
    if _MOBILE.match(digits):
        return digits
    m = _SERVICE.match(digits)
    if m and not international:
        return "-".join(m.groups())
    if international and not digits.startswith("0"):
        digits = "0" + digits   # +86-571-88886666: the area code loses its 0 abroad
    return _landline(digits)


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
