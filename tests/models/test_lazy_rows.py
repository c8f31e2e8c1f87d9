"""The archive read in one query for a big sheet (issue 15) gives, record for
record, what the one-by-one reads give; each row is made into its record only
when first asked for, and once."""

from __future__ import annotations

from servicedesk.models.archive import customers as C
from servicedesk.models.archive.lazy_rows import RowsByKey
from tests import factories as F


def test_every_customer_and_unit_as_the_single_reads_give_them(db):
    first = F.customer(db, name="杭州甲机械有限公司")
    second = F.customer(db, name="宁波乙物流有限公司", phone="0574-87654321")
    unit = F.equipment(db, first, serial_no="SN-0001")
    F.equipment(db, second, model="CPD30", serial_no="SN-0002")
    customers = C.customers_by_id(db)
    assert set(customers) == {first, second} and len(customers) == 2
    assert customers[first] == C.get_customer(db, first) and customers[second] == C.get_customer(db, second)
    units = C.equipment_by_plate(db)
    mine = C.get_equipment(db, unit)
    assert units[(mine.model, mine.serial_no)] == mine and len(units) == 2
    assert ("CPD30", "SN-0002") in units and ("CPD30", "SN-9999") not in units


def test_a_row_is_made_into_its_record_when_first_read_and_only_once():
    made = []

    def make(row):
        made.append(row["id"])
        return dict(row)

    rows = RowsByKey({1: (1, "甲"), 2: (2, "乙")}, ["id", "name"], make)
    assert made == [] and 1 in rows and 3 not in rows
    assert rows[2] == {"id": 2, "name": "乙"} and rows[2] is rows[2]
    assert made == [2]
    rows[3] = {"id": 3, "name": "丙"}          # a record known later (a lookup's own)
    assert sorted(rows) == [1, 2, 3] and len(rows) == 3 and made == [2]
    del rows[1]
    assert 1 not in rows and len(rows) == 2
