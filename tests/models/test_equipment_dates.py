"""Equipment dates in the future or far past are refused (issue 16): in the
model functions the equipment dialog and the ticket intake use, in the
dialog itself (the field is marked), and in the import (row and column).

An acceptance date of 2099 typed for 2019 would keep the machine 在保 until
2099; a 1900 date is Excel's zero date. The earliest year is the business
setting equipment.earliest_year (1990 by default).
"""

from __future__ import annotations

import datetime as _dt
import sqlite3

import pytest
from openpyxl import Workbook

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import open_db
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.settings import get_setting, set_setting
from tests import factories as F
from tests.conftest import run_cli

TODAY = _dt.date.today()
TOMORROW = (TODAY + _dt.timedelta(days=1)).isoformat()


def _eq(cid: int, serial: str = "T1", **dates) -> C.EquipmentInput:
    return C.EquipmentInput(customer_id=cid, model="QTZ80", serial_no=serial, **dates)


# ---------------------------------------------------------------- model
def test_the_earliest_year_is_a_business_setting_of_1990(db):
    assert get_setting(db, "equipment.earliest_year") == 1990
    with pytest.raises(ValidationError) as info:
        set_setting(db, "equipment.earliest_year", 1800)
    assert info.value.field == "equipment.earliest_year"
    with pytest.raises(ValidationError):
        set_setting(db, "equipment.earliest_year", TODAY.year + 1)


@pytest.mark.parametrize("field, value, message", [
    ("acceptance_date", "2099-01-01", f"Acceptance date 2099-01-01 is after today ({TODAY.isoformat()})."),
    ("purchase_date", "2030-06-30", f"Purchase date 2030-06-30 is after today ({TODAY.isoformat()})."),
    ("delivery_date", TOMORROW, f"Delivery date {TOMORROW} is after today ({TODAY.isoformat()})."),
    ("factory_date", "1900-01-01", "Factory date 1900-01-01 is before 1990, the earliest year of equipment "
                                   "dates (setting equipment.earliest_year)."),
    ("purchase_date", "1989-12-31", "Purchase date 1989-12-31 is before 1990, the earliest year of equipment "
                                    "dates (setting equipment.earliest_year)."),
])
def test_add_equipment_refuses_a_date_after_today_or_before_the_earliest_year(db, field, value, message):
    cid = F.customer(db)
    with pytest.raises(C.DateRangeError) as info:
        C.add_equipment(db, _eq(cid, **{field: value}))
    assert (info.value.field, info.value.message) == (field, message)
    assert C.equipment_errors(db, _eq(cid, **{field: value}))[field].message == message
    assert C.equipment_for_customer(db, cid) == []


def test_today_and_the_first_day_of_the_earliest_year_are_accepted(db):
    cid = F.customer(db)
    e = C.add_equipment(db, _eq(cid, factory_date="1990-01-01", purchase_date="1990-01-01",
                                delivery_date=TODAY.isoformat(), acceptance_date=TODAY.isoformat()))
    assert (e.factory_date, e.acceptance_date) == ("1990-01-01", TODAY.isoformat())
    # A 2099 acceptance date never gets in, so no machine is 在保 until 2099.
    with pytest.raises(C.DateRangeError):
        C.update_equipment(db, e.id, _eq(cid, acceptance_date="2099-01-01"))
    assert C.get_equipment(db, e.id).acceptance_date == TODAY.isoformat()


def test_the_setting_moves_the_earliest_year(db):
    cid = F.customer(db)
    set_setting(db, "equipment.earliest_year", 2000)
    with pytest.raises(C.DateRangeError) as info:
        C.add_equipment(db, _eq(cid, factory_date="1995-05-01"))
    assert "before 2000" in info.value.message
    set_setting(db, "equipment.earliest_year", 1980)
    assert C.add_equipment(db, _eq(cid, factory_date="1985-05-01")).factory_date == "1985-05-01"


def test_every_bad_date_of_a_unit_is_named_at_once(db):
    cid = F.customer(db)
    errors = C.equipment_errors(db, _eq(cid, factory_date="1900-01-01", purchase_date="2099-01-01",
                                        acceptance_date="2025-01-01"))
    assert set(errors) == {"factory_date", "purchase_date", "acceptance_date"}
    assert isinstance(errors["factory_date"], C.DateRangeError)
    assert isinstance(errors["purchase_date"], C.DateRangeError)
    assert isinstance(errors["acceptance_date"], C.DateOrderError)    # before the (bad) purchase date


def test_the_messages_reach_the_clerk_in_chinese():
    from servicedesk.models.core import messages

    line = f"row 3, column 安装验收日期: Acceptance date 2099-01-01 is after today ({TODAY.isoformat()})."
    assert messages.localize(line, "zh_CN") == \
        f"第 3 行，“安装验收日期”列：安装验收日期 2099-01-01 晚于今天（{TODAY.isoformat()}），请核对。"
    assert messages.localize("Factory date 1900-01-01 is before 1990, the earliest year of equipment dates "
                             "(setting equipment.earliest_year).", "zh_CN") == \
        "出厂日期 1900-01-01 早于 1990 年（设备日期的最早年份，可在“业务参数”中修改），请核对。"


# ---------------------------------------------------------------- import
def test_import_refuses_out_of_range_dates_with_row_and_column(db_path, tmp_path):
    db = open_db(db_path)
    F.customer(db, name="王五", phone="13900001111")
    db.close()
    wb = Workbook()
    ws = wb.active
    ws.append(["用户姓名/单位", "型号", "机号", "出厂日期", "购机日期", "安装验收日期"])
    ws.append(["王五", "QTZ80", "T1", _dt.datetime(2025, 9, 1), "2025-10-08", "2025-12-01"])   # row 2 fine
    ws.append(["王五", "QTZ80", "T2", None, "2025-10-08", _dt.datetime(2099, 1, 1)])          # row 3
    ws.append(["王五", "QTZ80", "T3", "1900-01-01", "2030/6/30", None])                       # row 4
    ws.append(["王五", "QTZ80", "T4", None, None, TODAY.isoformat()])                         # row 5 fine
    wb.save(tmp_path / "e.xlsx")
    code, out, err = run_cli("import", "equipment", str(tmp_path / "e.xlsx"), "--db", str(db_path))
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"row 3, column 安装验收日期: Acceptance date 2099-01-01 is after today ({TODAY.isoformat()}).",
        "row 4, column 出厂日期: Factory date 1900-01-01 is before 1990, the earliest year of equipment dates "
        "(setting equipment.earliest_year).",
        f"row 4, column 购机日期: Purchase date 2030-06-30 is after today ({TODAY.isoformat()}).",
        "error: 3 problem(s) in 4 row(s); nothing was imported",
    ]
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT count(*) FROM equipment").fetchone() == (0,)
    # The same rows without the bad ones are imported.
    ws.delete_rows(3, 2)
    wb.save(tmp_path / "e.xlsx")
    code, out, err = run_cli("import", "equipment", str(tmp_path / "e.xlsx"), "--db", str(db_path))
    assert (code, err) == (0, ""), err
    with sqlite3.connect(db_path) as con:
        assert con.execute("SELECT serial_no, acceptance_date FROM equipment ORDER BY id").fetchall() == [
            ("T1", "2025-12-01"), ("T4", TODAY.isoformat())]


# ---------------------------------------------------------------- the equipment dialog
def test_equipment_dialog_marks_the_date_and_saves_nothing(ctx, qtbot):
    from servicedesk.ui.customers.equipment_dialog import EquipmentDialog

    customer = C.get_customer(ctx.db, F.customer(ctx.db, name="张三"))
    dialog = EquipmentDialog(ctx, customer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.model.setEditText("QTZ80")
    dialog.serial_no.setText("T1")
    dialog.factory_date.setText("1900-01-01")
    dialog.acceptance_date.setText("2099-01-01")
    dialog.save()
    assert dialog.isVisible()
    assert dialog._forms["acceptance_date"].message("acceptance_date") == \
        f"Acceptance date 2099-01-01 is after today ({TODAY.isoformat()})."
    assert dialog._forms["factory_date"].message("factory_date").startswith(
        "Factory date 1900-01-01 is before 1990")
    # No "在保 until 2099" preview for a date that cannot be saved.
    assert "2099" not in dialog.warranty.text()
    assert C.equipment_for_customer(ctx.db, customer.id) == []
    dialog.acceptance_date.setText("2025-12-01")
    dialog.factory_date.setText("2025-09-01")
    dialog.save()
    assert [e.acceptance_date for e in C.equipment_for_customer(ctx.db, customer.id)] == ["2025-12-01"]
