"""Work-hour catalog: the regulation's rules, versioned rates, edits (DOMAIN §4, 000 §四)."""

from __future__ import annotations

import pytest

from servicedesk.models.pay import catalog as K
from servicedesk.models.pay import month as P
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.core.standards import WORK_CATALOG


def test_new_file_has_the_shipped_catalog(db):
    items = {i.code: i for i in K.list_catalog(db)}
    assert set(items) == set(WORK_CATALOG)
    assert items["INSTALL_QTZ250_SECTIONAL"].hours_x100 == 750_00
    assert items["JACK_HOIST"].hours_x100 == 2_70
    assert items["WELD_SITE"].further_hours_x100 == 2_00
    assert K.catalog_codes(db) == set(WORK_CATALOG)


@pytest.mark.parametrize("units, hours_x100", [
    (1, 4_00),      # first unit: 4 h
    (2, 6_00),      # 4 + 2
    (3, 8_00),      # 4 + 2 x 2
    (5, 12_00),     # 4 + 2 x 4
])
def test_welding_same_site_first_4_then_2_each(db, units, hours_x100):
    assert K.hours_for(db, "WELD_SITE", units * 100) == hours_x100


def test_welding_at_different_sites_is_4_each(db):
    assert K.hours_for(db, "WELD", 300) == 12_00      # 3 x 4


@pytest.mark.parametrize("sections_x100, hours_x100", [
    (100, 2_70),     # 2.7 x 1
    (300, 8_10),     # 2.7 x 3
    (500, 13_50),    # 2.7 x 5 = 13.5
    (1000, 27_00),   # 2.7 x 10
    (155, 4_19),     # 2.7 x 1.55 = 4.185 -> half-up to 4.19
])
def test_hoist_jacking_is_2_7_per_section(db, sections_x100, hours_x100):
    assert K.hours_for(db, "JACK_HOIST", sections_x100) == hours_x100


def test_tower_crane_jacking_and_install(db):
    assert K.hours_for(db, "JACK_TC", 600) == 24_00         # 4 x 6
    assert K.hours_for(db, "INSTALL_TC", 100) == 80_00
    assert K.hours_for(db, "INSTALL_HOIST", 200) == 290_00  # 145 x 2


def test_compute_hours_partial_first_unit_with_further_rate():
    # half a unit of same-site welding: 4 x 0.5 = 2 h; 1.5 units: 4 + 2 x 0.5 = 5 h
    assert K.compute_hours(4_00, 2_00, 50) == 2_00
    assert K.compute_hours(4_00, 2_00, 150) == 5_00
    assert K.compute_hours(4_00, None, 0) == 0


def test_unknown_code_is_refused(db):
    with pytest.raises(ValidationError) as exc:
        K.hours_for(db, "NO_SUCH", 100)
    assert exc.value.field == "code"


def test_rerate_applies_to_work_completed_from_its_date(db):
    K.rerate_item(db, "INSPECTION", 5_00, effective_from="2026-04-01", who="经理")
    assert K.hours_for(db, "INSPECTION", 100, "2026-03-31 23:59:59") == 4_00
    assert K.hours_for(db, "INSPECTION", 100, "2026-04-01 00:00:00") == 5_00
    assert K.hours_for(db, "INSPECTION", 200, "2026-06-01 08:00:00") == 10_00
    history = K.rate_history(db, "INSPECTION")
    assert [(r.effective_from[:10], r.hours_x100) for r in history] == [("2000-01-01", 4_00), ("2026-04-01", 5_00)]
    assert history[-1].created_by == "经理"


def test_rerate_cannot_reach_into_a_locked_month(db):
    P.set_pin(db, "2468")
    P.approve_month(db, "2026-03", "2468", who="经理")
    with pytest.raises(ValidationError) as exc:
        K.rerate_item(db, "INSPECTION", 5_00, effective_from="2026-03-15")
    assert exc.value.field == "effective_from"
    assert "2026-03" in exc.value.message and "2026-04-01" in exc.value.message
    K.rerate_item(db, "INSPECTION", 5_00, effective_from="2026-04-01")   # the day after: fine
    assert K.hours_for(db, "INSPECTION", 100, "2026-03-20 10:00:00") == 4_00


def test_add_rename_retire_restore(db):
    item = K.add_item(db, "install_scaffold", "附着式升降脚手架安装", "台", 60_00, effective_from="2026-01-01",
                      who="内勤")
    assert item.code == "INSTALL_SCAFFOLD"          # codes are upper-case keys
    assert K.hours_for(db, "INSTALL_SCAFFOLD", 100, "2026-02-01 00:00:00") == 60_00
    with pytest.raises(ValidationError):
        K.add_item(db, "INSTALL_SCAFFOLD", "again", "台", 1_00)
    with pytest.raises(ValidationError) as bad:
        K.add_item(db, "9 bad code", "x", "台", 1_00)
    assert bad.value.field == "code"

    renamed = K.rename_item(db, "INSTALL_SCAFFOLD", "爬架安装", "套")
    assert (renamed.name, renamed.unit, renamed.hours_x100) == ("爬架安装", "套", 60_00)

    K.retire_item(db, "INSTALL_SCAFFOLD")
    assert "INSTALL_SCAFFOLD" not in K.catalog_codes(db)
    assert "INSTALL_SCAFFOLD" in K.catalog_codes(db, include_retired=True)
    # old work lines keep their meaning
    assert K.hours_for(db, "INSTALL_SCAFFOLD", 100) == 60_00
    K.set_item_active(db, "INSTALL_SCAFFOLD", True)
    assert "INSTALL_SCAFFOLD" in K.catalog_codes(db)
    with pytest.raises(NotFound):
        K.rename_item(db, "NOPE", "x")
    actions = [e.action for e in P.list_log(db)]
    assert {"catalog_add", "catalog_rename", "catalog_retire", "catalog_restore"} <= set(actions)


def test_negative_hours_refused(db):
    with pytest.raises(ValidationError) as exc:
        K.rerate_item(db, "WELD", -1)
    assert exc.value.field == "hours_x100"
