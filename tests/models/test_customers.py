"""Customer archive rules (DOMAIN §1): validation, uniqueness, duplicates,
warranty at its boundaries, search, equipment history. Real SQLite files."""

from __future__ import annotations

import datetime as _dt

import pytest

from servicedesk.models.archive import customers as C
from servicedesk.models.core.errors import InUseError, NotFound, ValidationError
from servicedesk.models.archive.history import equipment_history
from servicedesk.models.core.settings import set_setting
from servicedesk.models.core.validation import parse_phone
from tests import factories as F


# ---------------------------------------------------------------- phones
@pytest.mark.parametrize("typed, stored", [
    ("13812345678", "13812345678"),                 # mobile: 11 digits starting with 1
    ("+8613812345678", "13812345678"),              # +86 dropped
    ("+86 138 1234 5678", "13812345678"),           # spaces dropped
    ("138-1234-5678", "13812345678"),               # dashes inside a mobile dropped
    ("１３８１２３４５６７８", "13812345678"),         # full-width digits folded (NFKC)
    ("＋８６　１３８ １２３４ ５６７８", "13812345678"),  # full-width plus and ideographic space
    ("0571-88886666", "0571-88886666"),             # landline with area code
    ("057188886666", "0571-88886666"),              # dash added after the area code
    ("(0571) 88886666", "0571-88886666"),           # brackets around the area code
    ("010-12345678", "010-12345678"),               # 3-digit area code (Beijing)
    ("0571-88886666-806", "0571-88886666-806"),     # extension with a dash
    ("0571-88886666转806", "0571-88886666-806"),     # extension written 转
    ("０５７１－８８８８６６６６转８０６", "0571-88886666-806"),  # all full-width
    (13812345678.0, "13812345678"),                 # Excel keeps a typed mobile as a float
    ("", ""),                                       # optional: blank stays blank
])
def test_phone_formats_are_normalised(typed, stored):
    assert parse_phone(typed, "phone") == stored


@pytest.mark.parametrize("typed", [
    "1381234567",        # 10 digits
    "138123456789",      # 12 digits
    "23812345678",       # 11 digits not starting with 1
    "12a45678901",       # a letter
    "571-88886666",      # landline without the leading 0
    "0571-123",          # number too short
    "0571-88886666转",    # extension word with no number
    "电话",
])
def test_bad_phones_are_refused_naming_the_field(typed):
    with pytest.raises(ValidationError) as err:
        parse_phone(typed, "phone2")
    assert err.value.field == "phone2"
    assert "not a phone number" in err.value.message


def test_customer_validation_reports_every_bad_field_at_once():
    errors = C.customer_errors(C.CustomerInput(name="  ", phone="12", phone2="abc"))
    assert set(errors) == {"name", "phone", "phone2"}
    assert "required" in errors["name"].message


def test_add_customer_normalises_and_refuses_bad_phone(db):
    c = C.add_customer(db, C.CustomerInput(name=" 杭州建工集团有限公司 ", phone="＋86 138 1234 5678",
                                           phone2="0571 88886666转806"))
    assert (c.name, c.phone, c.phone2) == ("杭州建工集团有限公司", "13812345678", "0571-88886666-806")
    with pytest.raises(ValidationError) as err:
        C.add_customer(db, C.CustomerInput(name="张三", phone="1234"))
    assert err.value.field == "phone"
    assert C.count_customers(db) == 1  # nothing half-saved


# ---------------------------------------------------------------- equipment rules
def _eq(cid, **kw):
    base = dict(customer_id=cid, model="QTZ80", serial_no="T2509-0101")
    base.update(kw)
    return C.EquipmentInput(**base)


def test_required_equipment_fields(db):
    cid = F.customer(db)
    errors = C.equipment_errors(db, C.EquipmentInput(customer_id=cid, model=" ", serial_no=""))
    assert set(errors) == {"model", "serial_no"}
    assert set(C.equipment_errors(db, C.EquipmentInput(customer_id=0, model="QTZ80", serial_no="1"))) \
        == {"customer"}


def test_dates_must_be_in_order(db):
    cid = F.customer(db)
    # factory 2025-09-01 <= purchase 2025-10-08 <= acceptance 2025-12-01: fine; equal dates are fine too
    C.add_equipment(db, _eq(cid, factory_date="2025-09-01", purchase_date="2025/10/8",
                            acceptance_date="2025-12-01"))
    C.add_equipment(db, _eq(cid, serial_no="B", factory_date="2025-09-01", purchase_date="2025-09-01",
                            acceptance_date="2025-09-01"))
    with pytest.raises(C.DateOrderError) as err:   # purchase before factory
        C.add_equipment(db, _eq(cid, serial_no="C", factory_date="2025-09-01", purchase_date="2025-08-31"))
    assert err.value.field == "purchase_date" and err.value.earlier_field == "factory_date"
    assert "Purchase date 2025-08-31 is before factory date 2025-09-01" in err.value.message
    with pytest.raises(C.DateOrderError) as err:   # acceptance before purchase (no factory date given)
        C.add_equipment(db, _eq(cid, serial_no="D", purchase_date="2025-10-08", acceptance_date="2025-10-07"))
    assert err.value.field == "acceptance_date"
    with pytest.raises(ValidationError) as err:    # not a date at all
        C.add_equipment(db, _eq(cid, serial_no="E", factory_date="2025-02-30"))
    assert err.value.field == "factory_date"
    assert len(C.equipment_for_customer(db, cid)) == 2


def test_serial_is_unique_per_model_whatever_the_case(db):
    a, b = F.customer(db), F.customer(db, name="宁波路桥", phone="13900000000")
    C.add_equipment(db, _eq(a, model="QTZ80", serial_no="T2509-0101"))
    C.add_equipment(db, _eq(b, model="QTZ63", serial_no="T2509-0101"))     # other model: allowed
    for model, serial in (("QTZ80", "T2509-0101"), ("qtz 80", "t2509-0101"), ("ＱＴＺ８０", "Ｔ2509-0101")):
        with pytest.raises(C.DuplicateSerialError) as err:
            C.add_equipment(db, _eq(b, model=model, serial_no=serial))
        assert err.value.field == "serial_no" and err.value.customer_name == "杭州建工集团有限公司"
    # editing the record itself is not a duplicate of itself
    eq = C.find_equipment(db, "qtz80", "t2509-0101")
    assert eq is not None and eq.customer_id == a
    C.update_equipment(db, eq.id, _eq(a, model="QTZ80", serial_no="T2509-0101", quantity=2))
    assert C.get_equipment(db, eq.id).quantity == 2
    assert db.execute("SELECT count(*) FROM equipment").fetchone()[0] == 2


def test_possible_duplicate_customers(db):
    hz = F.customer(db, name="杭州建工集团有限公司", phone="13812345678")
    zs = F.customer(db, name="张三", phone="0571-88886666")
    F.customer(db, name="温州城建有限公司", phone="13700000000")
    ids = lambda data, **kw: [c.id for c in C.possible_duplicates(db, data, **kw)]  # noqa: E731
    # same phone, written differently, in the second phone field
    assert ids(C.CustomerInput(name="王五", phone2="+86 138-1234-5678")) == [hz]
    # near-same name: suffix dropped (杭州建工集团有限公司 -> 杭州建工), spaces/punctuation ignored
    assert ids(C.CustomerInput(name="杭州 建工 有限公司")) == [hz]
    # one contains the other
    assert ids(C.CustomerInput(name="张三（个人）")) == [zs]
    # a different city's company is not a duplicate (杭州城建 vs 温州城建 differ in one character)
    assert ids(C.CustomerInput(name="杭州城建有限公司")) == []
    # editing a customer does not warn about itself
    assert ids(C.CustomerInput(name="张三", phone="0571-88886666"), exclude_id=zs) == []


def test_delete_customer_only_without_equipment(db):
    cid = F.customer(db)
    eid = F.equipment(db, cid)
    with pytest.raises(InUseError):
        C.delete_customer(db, cid)
    C.delete_equipment(db, eid)
    C.delete_customer(db, cid)
    with pytest.raises(NotFound):
        C.get_customer(db, cid)
    assert C.search(db, "杭州建工") == []


def test_find_customer_tells_same_names_apart_by_phone(db):
    a = F.customer(db, name="张三", phone="13800000001")
    b = F.customer(db, name="张三", phone="13800000002")
    assert C.find_customer(db, "张三", "138 0000 0002").id == b
    assert C.find_customer(db, "张三", "13800000001").id == a
    with pytest.raises(ValidationError, match="give the phone"):
        C.find_customer(db, "张三")
    with pytest.raises(NotFound):
        C.find_customer(db, "张三", "13800000003")


# ---------------------------------------------------------------- warranty
def _warranty(db, on, **kw):
    cid = F.customer(db, name=f"客户{on}{sorted(kw.items())}", phone="")
    eq = C.get_equipment(db, F.equipment(db, cid, **kw))
    return C.warranty_status(db, eq, on)


def test_warranty_from_acceptance_last_day_in_next_day_out(db):
    # 12 months from acceptance 2025-12-01: 2025-12-01 .. 2026-11-30 inclusive
    kw = dict(purchase_date="2025-10-08", acceptance_date="2025-12-01")
    first = _warranty(db, "2025-12-01", **kw)
    last = _warranty(db, "2026-11-30", **kw)
    after = _warranty(db, "2026-12-01", **kw)
    assert first.in_warranty and last.in_warranty and not after.in_warranty
    assert last.reason == "在保：自验收日期 2025-12-01 起 12 个月，至 2026-11-30"
    assert after.reason == "保外：自验收日期 2025-12-01 起 12 个月，已于 2026-11-30 到期"
    assert (after.start, after.end) == ("2025-12-01", "2026-11-30")


def test_warranty_falls_back_to_purchase_date(db):
    # no acceptance: 12 months from purchase 2025-03-15 -> last day 2026-03-14
    d_in = _warranty(db, "2026-03-14", purchase_date="2025-03-15")
    d_out = _warranty(db, "2026-03-15", purchase_date="2025-03-15")
    assert d_in.in_warranty and d_in.reason == "在保：自购机日期 2025-03-15 起 12 个月，至 2026-03-14"
    assert not d_out.in_warranty


@pytest.mark.parametrize("start, months, last_day", [
    ("2024-02-29", 12, "2025-02-28"),   # leap day: 2025 has no Feb 29 -> all of Feb 2025 is covered
    ("2024-02-29", 48, "2028-02-28"),   # 2028 has a Feb 29: ends the day before it
    ("2025-01-31", 1, "2025-02-28"),    # no Feb 31 -> whole February
    ("2024-01-31", 1, "2024-02-29"),    # leap year February
    ("2025-03-31", 6, "2025-09-30"),    # no Sep 31 -> Sep 30
    ("2025-01-30", 1, "2025-02-28"),
    ("2025-01-28", 1, "2025-02-27"),    # Feb 28 exists -> the day before it
    ("2025-12-31", 12, "2026-12-30"),
])
def test_warranty_month_ends(db, start, months, last_day):
    assert C.warranty_end(_dt.date.fromisoformat(start), months).isoformat() == last_day
    last = _dt.date.fromisoformat(last_day)
    kw = dict(acceptance_date=start, warranty_months=months)
    assert _warranty(db, last, **kw).in_warranty
    assert not _warranty(db, last + _dt.timedelta(days=1), **kw).in_warranty


def test_warranty_months_setting_is_the_default(db):
    set_setting(db, "warranty.months", 24)
    # 24 months from 2025-01-10 -> last day 2027-01-09
    d = _warranty(db, "2027-01-09", acceptance_date="2025-01-10")
    assert d.in_warranty and d.end == "2027-01-09"
    # the equipment's own months win over the setting
    assert not _warranty(db, "2025-07-10", acceptance_date="2025-01-10", warranty_months=6).in_warranty


def test_warranty_without_dates_is_out_with_reason(db):
    d = _warranty(db, "2026-01-01")
    assert not d.in_warranty and d.start is None
    assert d.reason == "保外：没有验收日期和购机日期，无法确定保修期"


def test_warranty_exclusion_and_override(db):
    cid = F.customer(db)
    eq = C.get_equipment(db, F.equipment(db, cid, acceptance_date="2025-12-01"))
    d = C.warranty_status(db, eq, "2026-05-01", exclusion="voltage")
    assert not d.in_warranty and d.exclusion == "voltage"
    assert d.reason.startswith("保外：三包除外——电压过高或过低")
    with pytest.raises(ValidationError) as err:
        C.warranty_status(db, eq, "2026-05-01", exclusion="acts_of_god")
    assert err.value.field == "warranty_exclusion"
    # override without a reason is refused
    with pytest.raises(ValidationError) as err:
        C.warranty_status(db, eq, "2027-05-01", override="in", override_reason="  ")
    assert err.value.field == "warranty_override_reason"
    d = C.warranty_status(db, eq, "2027-05-01", override="in", override_reason="经理批准延保")
    assert d.in_warranty and d.overridden and d.reason == "在保（人工判定）：经理批准延保"
    d = C.warranty_status(db, eq, "2026-05-01", override="out", override_reason="无服务卡")
    assert not d.in_warranty and d.reason == "保外（人工判定）：无服务卡"


def test_equipment_with_warranty_lists_each_decision(db):
    cid = F.customer(db)
    F.equipment(db, cid, serial_no="A", acceptance_date="2025-12-01")
    F.equipment(db, cid, serial_no="B", acceptance_date="2024-01-01")
    rows = C.equipment_with_warranty(db, cid, "2026-06-01")
    assert [(r.equipment.serial_no, r.warranty.in_warranty) for r in rows] == [("A", True), ("B", False)]


# ---------------------------------------------------------------- search
@pytest.fixture
def archive(db):
    F.customer(db, name="张三", phone="13812345678", address="浙江省杭州市西湖区文三路100号")
    F.customer(db, name="张三丰", phone="0571-88886666", contact="李四")
    hz = F.customer(db, name="杭州建工集团有限公司", phone="13900001111", contact="王立新")
    F.equipment(db, hz, model="QTZ80", serial_no="T2509-0101", project_no="AB2025123")
    F.equipment(db, hz, model="SC200/200", serial_no="S2501-0007")
    F.customer(db, name="王", phone="13700002222")
    return db


def _names(db, q):
    return [h.name for h in C.search(db, q)]


def test_search_one_and_two_character_chinese(archive):
    # 1-2 characters cannot use the trigram index: the LIKE path must still find them
    assert _names(archive, "张三") == ["张三", "张三丰"]
    assert _names(archive, "王") == ["杭州建工集团有限公司", "王"]   # contact 王立新 and the name 王
    assert _names(archive, "李四") == ["张三丰"]


def test_search_three_or_more_characters_uses_trigram(archive):
    assert _names(archive, "张三丰") == ["张三丰"]
    assert _names(archive, "建工集团") == ["杭州建工集团有限公司"]
    assert _names(archive, "文三路") == ["张三"]


def test_search_phone_parts_and_full_width(archive):
    assert _names(archive, "5678") == ["张三"]
    assert _names(archive, "138 1234") == ["张三"]
    assert _names(archive, "138-1234-5678") == ["张三"]
    assert _names(archive, "１３８１２") == ["张三"]          # full-width digits
    assert _names(archive, "8888") == ["张三丰"]
    assert _names(archive, "05718888") == ["张三丰"]         # landline without its dash


def test_search_model_and_serial(archive):
    hits = C.search(archive, "t2509")
    assert [h.name for h in hits] == ["杭州建工集团有限公司"]
    assert [e["serial_no"] for e in hits[0].equipment] == ["T2509-0101"]
    assert _names(archive, "ＱＴＺ８０") == ["杭州建工集团有限公司"]
    assert _names(archive, "AB2025123") == ["杭州建工集团有限公司"]
    assert _names(archive, "SC200 S2501") == ["杭州建工集团有限公司"]   # every term must match
    assert _names(archive, "SC200 T9999") == []
    assert C.search(archive, "   ") == []


def test_search_follows_edits(archive):
    cid = C.find_customer(archive, "王").id
    C.update_customer(archive, cid, C.CustomerInput(name="王大锤", phone="13700002222"))
    assert _names(archive, "大锤") == ["王大锤"]
    F.equipment(archive, cid, model="QTZ125", serial_no="X-77")
    assert _names(archive, "X-77") == ["王大锤"]


def test_search_grams_are_the_short_pieces_of_each_run():
    # runs: 张三, qtz80 (NFKC folds the full-width Ｑ, lower case), 0571 — '|' and '-' split runs
    assert C.search_grams("张三 | ＱTZ80-0571") == " ".join(sorted(
        {"张", "三", "张三", "q", "t", "z", "8", "0", "qt", "tz", "z8", "80", "5", "7", "1", "05", "57", "71"}))


def test_short_term_index_follows_renames_and_deletes(archive):
    zs = C.find_customer(archive, "张三").id
    C.update_customer(archive, zs, C.CustomerInput(name="李小龙", phone="13812345678"))
    assert _names(archive, "张三") == ["张三丰"]              # the old name is gone from the index
    assert _names(archive, "小龙") == ["李小龙"]
    assert _names(archive, "李") == ["李小龙", "张三丰"]      # 张三丰's contact is 李四; pinyin order: li < zhang
    C.delete_customer(archive, zs)
    assert _names(archive, "小龙") == []
    # the contentless index is still sound after its deletes
    archive.execute("INSERT INTO customer_grams (customer_grams) VALUES ('integrity-check')")
    # a full rebuild (for bulk loaders) gives the same answers
    assert C.rebuild_search_index(archive) == 3
    assert _names(archive, "张三") == ["张三丰"] and _names(archive, "T2509") == ["杭州建工集团有限公司"]
    assert _names(archive, "王") == ["杭州建工集团有限公司", "王"]


def test_short_terms_with_punctuation_still_match(archive):
    # "0-" is not a piece of a letter/digit run: the LIKE path answers it
    assert _names(archive, "9-") == ["杭州建工集团有限公司"]     # T2509-0101
    assert _names(archive, "1-") == ["杭州建工集团有限公司", "张三丰"]   # S2501-0…, 0571-8… (pinyin: hang < zhang)
    assert _names(archive, "7-") == []


def test_customer_list_is_paged_filtered_and_sorted(archive):
    assert C.count_customers(archive) == 4
    assert C.count_customers(archive, "张三") == 2
    page1 = C.list_customers(archive, limit=2, offset=0, order_by="phone")
    page2 = C.list_customers(archive, limit=2, offset=2, order_by="phone")
    # phones sorted as text: 0571-88886666, 13700002222, 13812345678, 13900001111
    assert [c.phone for c in page1 + page2] == ["0571-88886666", "13700002222", "13812345678", "13900001111"]
    top = C.list_customers(archive, order_by="equipment_count", descending=True, limit=1)[0]
    assert (top.name, top.equipment_count) == ("杭州建工集团有限公司", 2)
    assert [c.name for c in C.list_customers(archive, query="张三", order_by="name")] == ["张三", "张三丰"]


# ---------------------------------------------------------------- history
def test_equipment_history_newest_first(db):
    cid = F.customer(db)
    eid = F.equipment(db, cid)
    other = F.equipment(db, cid)
    F.ticket(db, customer_id=cid, equipment_id=eid, no="YX2601001", status="closed",
             reported_at="2026-01-05 09:00:00", completed_at="2026-01-06 15:00:00", result="done",
             fault="起升无力", measures="更换接触器",
             parts=({"name": "接触器", "part_code": "P-100", "quantity": 2},))
    F.ticket(db, customer_id=cid, equipment_id=eid, no="YX2603002", status="open",
             reported_at="2026-03-01 10:00:00", fault="回转异响")
    F.ticket(db, customer_id=cid, equipment_id=other, no="YX2603003", reported_at="2026-03-02 10:00:00")
    items = equipment_history(db, eid)
    assert [(i.at, i.kind, i.ref) for i in items] == [
        ("2026-03-01 10:00:00", "ticket", "YX2603002"),
        ("2026-01-06 15:00:00", "part", "YX2601001"),     # part dated when the repair was completed
        ("2026-01-05 09:00:00", "ticket", "YX2601001"),
    ]
    assert items[0].title == "维修 YX2603002 · 待派工"
    assert items[1].title == "更换 接触器 × 2" and items[1].detail == "三包件，编码 P-100"
    assert "报修内容：起升无力" in items[2].detail and "维修结果：完成" in items[2].detail
    assert equipment_history(db, F.equipment(db, cid)) == []


# ------------------------------------------------------------ review fixes
@pytest.mark.parametrize("typed, stored", [
    ("010 12345678", "010-12345678"),          # Beijing: 3-digit area code
    ("01012345678", "010-12345678"),
    ("02112345678", "021-12345678"),           # 020-029: 3 digits
    ("(010)12345678-8", "010-12345678-8"),
    ("057188886666", "0571-88886666"),         # everything else: 4 digits
    ("+86-571-88886666", "0571-88886666"),     # abroad the area code loses its 0
    ("+86 10 12345678", "010-12345678"),
    ("(0571)88886666", "0571-88886666"),
    ("0571-88886666-806", "0571-88886666-806"),
    ("0571-88886666转806", "0571-88886666-806"),
    ("400-123-4567", "400-123-4567"),
    ("4001234567", "400-123-4567"),
    ("800 123 4567", "800-123-4567"),
    ("+86 138 1234 5678", "13812345678"),
])
def test_parse_phone_knows_the_area_codes(typed, stored):
    from servicedesk.models.core.validation import parse_phone
    assert parse_phone(typed) == stored


@pytest.mark.parametrize("bad", ["12a", "1391234567", "0571-1", "0101", "13812345678转8"])
def test_parse_phone_refuses(bad):
    from servicedesk.models.core.validation import parse_phone
    with pytest.raises(ValidationError, match="is not a phone number"):
        parse_phone(bad)


def test_excel_serial_numbers_are_dates_in_a_sane_range():
    from servicedesk.models.core.validation import parse_date, parse_datetime
    assert parse_date(46082) == "2026-03-01"               # 46082 days after 1899-12-30
    assert parse_date(46082.0) == "2026-03-01"
    assert parse_datetime(46082.604166666664) == "2026-03-01 14:30:00"
    assert parse_date(32874) == "1990-01-01"
    for bad in (5, 32873, 80000, True):
        with pytest.raises(ValidationError):
            parse_date(bad)


def test_no_duplicate_warning_for_the_same_company_name_in_another_city(db):
    jx = F.customer(db, name="嘉兴基础工程集团有限公司", phone="13700000001")
    F.customer(db, name="张家港市建设工程有限公司", phone="13700000002")
    one = F.customer(db, name="杭州市第一建工有限公司", phone="13700000003")
    ids = lambda name: [c.id for c in C.possible_duplicates(db, C.CustomerInput(name=name))]  # noqa: E731
    assert ids("绍兴基础工程股份有限公司") == []          # other city, same rest
    assert ids("张家口市建设工程有限公司") == []          # 3-character place names too
    assert ids("湖兴基础工程集团有限公司") == []          # unknown place: first two characters differ
    # real near-duplicates (one character off after the place name) are still found
    assert ids("嘉兴基础工程集团有限公司 ") == [jx]
    assert ids("嘉兴基础工桯集团有限公司") == [jx]
    assert ids("杭州市第一建二有限公司") == [one]


def test_search_finds_dashed_serials_and_dashed_phones(db):
    hz = F.customer(db, name="杭州建工集团有限公司", phone="0571-88886666")
    F.equipment(db, hz, model="QTZ80", serial_no="T2501-0001")
    F.equipment(db, hz, model="QTZ63", serial_no="2023-0456")
    assert [e["serial_no"] for h in C.search(db, "2501-0001") for e in h.equipment] == ["T2501-0001"]
    assert [e["serial_no"] for h in C.search(db, "2023-0456") for e in h.equipment] == ["2023-0456"]
    assert [h.customer_id for h in C.search(db, "0571-8888-6666")] == [hz]
    assert [h.customer_id for h in C.search(db, "571-88886")] == [hz]
    assert C.count_customers(db, "2501-0001") == 1
