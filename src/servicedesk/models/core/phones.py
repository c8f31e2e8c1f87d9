"""Phone numbers by the real rules (issue 16): libphonenumber's metadata for China.

Hand-written patterns let 010-3530829 (Beijing numbers have 8 digits), 140…
(an unassigned mobile block) and 0123-… (no such area code) through; the
`phonenumbers` package carries the numbering plan the carriers publish, so
those are refused with the reason. What a clerk writes around a number is
forgiven: full-width digits, spaces and dashes anywhere, +86/0086, the area
code in brackets, an extension written 转8001, -806, ext 8001 or x8001. A
local number typed without its area code takes the office's (setting
`office.area_code`).

Stored form (unchanged, the search index and old files rely on it): mobile
13812345678, landline 0571-88886666[-806], service 400-123-4567. Shown
grouped by `format_phone`: 138 1234 5678, 0571-8888 6666.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from servicedesk.models.core.errors import ValidationError

if TYPE_CHECKING:
    import phonenumbers


@cache
def _pn():
    """phonenumbers, imported when a number is first checked: its import
    compiles some hundred patterns (50-70 ms), which a start of the window
    that only shows stored numbers (format_phone) never needs (issue 15)."""
    import phonenumbers

    return phonenumbers


@cache
def _types() -> tuple[tuple, tuple]:
    """(landline types, mobile types) of phonenumbers' PhoneNumberType."""
    kind = _pn().PhoneNumberType
    return (kind.FIXED_LINE, kind.FIXED_LINE_OR_MOBILE), (kind.MOBILE, kind.FIXED_LINE_OR_MOBILE)

AREA_CODE_SETTING = "office.area_code"

# An extension written with a word: 0571-88886666转806 / ext 806 / x806 / #806 / 分机806.
_EXTENSION = re.compile(r"^(.*?)(?:转|分机|ext\.?|x|#)-?(\d{1,6})$", re.I)
_SERVICE = re.compile(r"^([48]00)(\d{3})(\d{4})$")


def _parsed(digits: str) -> phonenumbers.PhoneNumber | None:
    try:
        return _pn().parse(digits, "CN")
    except _pn().NumberParseException:
        return None


def _valid(digits: str) -> phonenumbers.PhoneNumber | None:
    number = _parsed(digits)
    return number if number is not None and _pn().is_valid_number(number) else None


def _of_type(digits: str, types: tuple) -> phonenumbers.PhoneNumber | None:
    """The number when it is one of `types`. For +86 (one region) a number is
    valid exactly when its type is known, so this is _valid and the type
    test in one pass of the numbering plan, not two (issue 15: imports)."""
    number = _parsed(digits)
    return number if number is not None and _pn().number_type(number) in types else None


def _area_code_exists(area: str) -> bool:
    """True when `area` (with its 0) is a Chinese area code: some 7- or 8-digit
    number behind it is valid in the numbering plan."""
    return bool(_area_lengths(area))


def _area_lengths(area: str) -> list[int]:
    """How many digits the numbers behind area code `area` have (7, 8 or both)."""
    return [n for n in (7, 8) if any((_area_split(area + d * n) or ("",))[0] == area
                                     for d in "2345678")]


def _area_split(digits: str) -> tuple[str, str] | None:
    """'057188886666' -> ('0571', '88886666') for a valid landline, else None."""
    number = _of_type(digits, _types()[0]) if digits.startswith("0") else None
    if number is None:
        return None
    length = _pn().length_of_geographical_area_code(number) or (2 if digits[1] in "12" else 3)
    return digits[:length + 1], digits[length + 1:]


def _landline_reason(digits: str) -> str:
    """Why a number starting with 0 is not a landline, in words."""
    for size in (3, 4):
        area, rest = digits[:size], digits[size:]
        lengths = _area_lengths(area)
        if lengths:
            wanted = " or ".join(str(n) for n in lengths)
            if len(rest) not in lengths:
                return f"numbers in area {area} have {wanted} digits, this one has {len(rest)}"
            return f"{rest} is not a number in use in area {area}"
    return f"area code {digits[:4]} does not exist"


def _reason(digits: str) -> str:
    if digits.startswith("1"):
        if len(digits) != 11:
            return f"a mobile number has 11 digits, this one has {len(digits)}"
        return f"mobile numbers starting {digits[:3]} are not assigned"
    if digits.startswith("0"):
        return _landline_reason(digits)
    if digits[:3] in ("400", "800"):
        return f"a {digits[:3]} number has 10 digits, this one has {len(digits)}"
    return "a landline starts with its area code (0571-88886666)"


def _normalise(digits: str, international: bool, area_code: str) -> str:
    """The stored form of the number without its extension; ValueError with the reason."""
    if international and not digits.startswith("0") and not _SERVICE.match(digits) \
            and not (digits.startswith("1") and len(digits) == 11):
        digits = "0" + digits   # +86-571-88886666: the area code loses its 0 abroad
    service = _SERVICE.match(digits)
    if service and _valid(digits):
        return "-".join(service.groups())
    if digits.startswith("1"):
        if _of_type(digits, _types()[1]) is not None:
            return digits
        raise ValueError(_reason(digits))
    if not digits.startswith("0") and 7 <= len(digits) <= 8 and not service:
        if not area_code:
            raise ValueError("a local number needs its area code (or set office.area_code)")
        digits = area_code + digits
    split = _area_split(digits)
    if split is None or not digits.startswith("0"):
        raise ValueError(_reason(digits))
    return "-".join(split)


def parse_phone(value: object, field: str = "phone", required: bool = False, *,
                area_code: str = "") -> str:
    """Mainland mobile, landline or 400/800 number, normalised (see the module).

    `area_code` (e.g. '0571', the office's setting) is put in front of a
    7-8 digit local number typed without one. Raises ValidationError naming
    `field` with the reason when the number cannot exist.
    """
    if isinstance(value, float) and value.is_integer():
        value = str(int(value))  # Excel stores a typed mobile number as a float
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    text = re.sub(r"[\s()（）\u2010-\u2015\-]+", "-", text).strip("-")
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
        main, ext = m[1].rstrip("-"), m[2]
    try:
        result = _candidate(main, ext, international, clean_area(area_code))
    except ValueError as exc:
        raise ValidationError(f'"{value}" is not a phone number: {exc}.', field) from None
    return result


# A pure function of its four strings, and libphonenumber takes ~0.1 ms a
# number: an import checks each ticket's phone twice (the sheet, then the
# intake) and a ledger repeats a customer's number on every ticket (issue 15).
# Refused numbers raise, so they are never kept.
@functools.lru_cache(maxsize=4096)
def _candidate(main: str, ext: str, international: bool, area_code: str) -> str:
    digits = main.replace("-", "")
    if not digits.isdigit():
        raise ValueError("a phone number has only digits, dashes and an extension (转806)")
    try:
        result = _normalise(digits, international, area_code)
    except ValueError:
        head, _, tail = main.rpartition("-")
        # 0571-88886666-806: the last dashed group may be the extension.
        if ext or not head or not (1 <= len(tail) <= 6 and tail.isdigit()):
            raise
        try:
            result = _normalise(head.replace("-", ""), international, area_code)
        except ValueError:
            raise ValueError(_reason(digits)) from None
        ext = tail
    if ext and not result.startswith("0"):
        raise ValueError("only a landline has an extension")
    return result + (f"-{ext}" if ext else "")


def clean_area(area_code: object) -> str:
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", str(area_code or "")))
    if digits and not digits.startswith("0"):
        digits = "0" + digits
    return digits


def check_area_code(value: object) -> str:
    """The office's area code setting, normalised ('571' -> '0571'); '' is allowed."""
    digits = clean_area(value)
    if digits and not (len(digits) in (3, 4) and _area_code_exists(digits)):
        raise ValidationError(f'Area code "{value}" does not exist.', AREA_CODE_SETTING)
    return digits


def format_phone(stored: str) -> str:
    """A stored number grouped for reading: 138 1234 5678, 0571-8888 6666-806, 400-123-4567.

    Text that is not a stored number is returned as it is.
    """
    text = str(stored or "")
    if re.fullmatch(r"1\d{10}", text):
        return f"{text[:3]} {text[3:7]} {text[7:]}"
    m = re.fullmatch(r"(0\d{2,3})-(\d{7,8})(-\d{1,6})?", text)
    if m:
        number = m[2]
        return f"{m[1]}-{number[:-4]} {number[-4:]}{m[3] or ''}"
    return text
