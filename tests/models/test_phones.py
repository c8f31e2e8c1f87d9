"""Phone numbers by libphonenumber's rules (issue 16): what is refused with
which reason, what is accepted, how it is stored and shown, and the office's
area code for local numbers. Real SQLite files where a setting is involved."""

from __future__ import annotations

import pytest

from servicedesk.models.archive import customers as C
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.phones import check_area_code, format_phone
from servicedesk.models.core.settings import set_setting
from servicedesk.models.core.validation import parse_phone


@pytest.mark.parametrize("typed, reason", [
    ("010-3530829", "numbers in area 010 have 8 digits, this one has 7"),    # Beijing: 8 digits
    ("0755-8888888", "numbers in area 0755 have 8 digits, this one has 7"),  # Shenzhen: 8 digits
    ("14012345678", "mobile numbers starting 140 are not assigned"),
    ("0123-12345678", "area code 0123 does not exist"),
    ("1391234567", "a mobile number has 11 digits, this one has 10"),
    ("13812345678转8", "only a landline has an extension"),
    ("88886666", "a local number needs its area code"),                     # no office area code set
    ("571-88886666", "a landline starts with its area code"),
])
def test_impossible_numbers_are_refused_with_the_reason(typed, reason):
    with pytest.raises(ValidationError) as err:
        parse_phone(typed, "phone2")
    assert err.value.field == "phone2"
    assert reason in err.value.message and "is not a phone number" in err.value.message


@pytest.mark.parametrize("typed, stored", [
    ("0913-1234567", "0913-1234567"),              # Weinan keeps 7-digit numbers: accepted
    ("0571-88886666 ext 8001", "0571-88886666-8001"),
    ("0571 8888 6666 x 12", "0571-88886666-12"),
    ("0571-8888 6666转8001", "0571-88886666-8001"),
    ("０５７１ ８８８８－６６６６", "0571-88886666"),  # full-width digits, spaces and dash anywhere
    ("1 3 8-1234 5678", "13812345678"),
    ("19912345678", "19912345678"),                 # 199: a block assigned since 2017
    ("800-123-4567", "800-123-4567"),
])
def test_numbers_as_clerks_write_them_are_accepted(typed, stored):
    assert parse_phone(typed) == stored


def test_local_number_takes_the_office_area_code(db):
    assert parse_phone("88886666", area_code="571") == "0571-88886666"
    set_setting(db, "office.area_code", "0571")
    c = C.add_customer(db, C.CustomerInput(name="张三", phone="8888 6666", phone2="8765 4321转806"))
    assert (c.phone, c.phone2) == ("0571-88886666", "0571-87654321-806")
    # A number with its own area code keeps it.
    c = C.update_customer(db, c.id, C.CustomerInput(name="张三", phone="010-82345678"))
    assert c.phone == "010-82345678"


def test_area_code_setting_must_exist(db):
    assert check_area_code("571") == "0571" and check_area_code("") == ""
    with pytest.raises(ValidationError) as err:
        set_setting(db, "office.area_code", "0123")
    assert err.value.field == "office.area_code"


@pytest.mark.parametrize("stored, shown", [
    ("13812345678", "138 1234 5678"),
    ("0571-87654321", "0571-8765 4321"),
    ("0571-87654321-806", "0571-8765 4321-806"),
    ("0913-1234567", "0913-123 4567"),
    ("400-123-4567", "400-123-4567"),
    ("", ""),
])
def test_stored_numbers_are_shown_grouped(stored, shown):
    assert format_phone(stored) == shown


def test_one_pass_type_test_agrees_with_validity_and_type():
    """_of_type (one pass of the numbering plan, issue 15) decides exactly as
    is_valid_number followed by number_type did, on random mobile and landline shapes."""
    import random

    import phonenumbers as pn

    from servicedesk.models.core import phones as P

    rnd = random.Random(15)
    for _ in range(3000):
        digits = rnd.choice("10") + "".join(rnd.choice("0123456789") for _ in range(rnd.choice((9, 10, 11, 12))))
        for types in P._types():
            old = P._valid(digits)
            expected = old is not None and pn.number_type(old) in types
            assert (P._of_type(digits, types) is not None) == expected, digits
