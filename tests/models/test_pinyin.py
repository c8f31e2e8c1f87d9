"""Pinyin search and order (issue 16): full pinyin and initials find a
customer through the same indexes as 汉字, polyphonic surnames read as
surnames, lists sort by pinyin. Real SQLite files."""

from __future__ import annotations


from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import open_db
from servicedesk.models.core.pinyin import search_forms, sort_key, sorted_by_pinyin
from tests import factories as F


def _names(db, q):
    return [h.name for h in C.search(db, q)]


def test_surname_readings_and_words():
    assert search_forms("王建国") == ["wangjianguo", "wjg"]
    # 曾 is zēng as a surname (céng in 曾经); both are indexed, the surname first
    assert search_forms("曾小明") == ["zengxiaoming", "zxm", "cengxiaoming", "cxm"]
    assert search_forms("单田芳")[:2] == ["shantianfang", "stf"]
    assert search_forms("解晓东")[:2] == ["xiexiaodong", "xxd"]
    # ... but a name that starts with a word keeps the word's reading: 解放 jiěfàng
    assert search_forms("解放路工程处") == ["jiefanglugongchengchu", "jflgcc"]
    assert search_forms("QTZ80") == []


def test_sort_key_orders_by_pinyin_not_code_point():
    # Code points: 张 U+5F20 < 李 U+674E < 王 U+738B; pinyin: li < wang < zhang.
    assert sorted(["张三", "王五", "李四"]) == ["张三", "李四", "王五"]
    assert sorted_by_pinyin(["张三", "王五", "李四"]) == ["李四", "王五", "张三"]
    # Latin names interleave by letter: Apple (a) after 阿里 (a li)? 'a li' < 'apple'
    assert sorted_by_pinyin(["Apple", "阿里", "曾一", "张三"]) == ["阿里", "Apple", "曾一", "张三"]
    assert sort_key("曾一").startswith("zeng1 ")


def test_search_by_full_pinyin_and_initials(db):
    F.customer(db, name="王建国", phone="13812345678")
    hz = F.customer(db, name="杭州建工集团有限公司", phone="13900001111", contact="曾立新")
    F.customer(db, name="张三", phone="13700002222")
    assert _names(db, "wjg") == ["王建国"]                # initials, trigram index
    assert _names(db, "wangjianguo") == ["王建国"]        # full pinyin
    assert _names(db, "WangJianGuo") == ["王建国"]        # case does not matter
    assert _names(db, "hzjg") == ["杭州建工集团有限公司"]
    assert _names(db, "hangzhou") == ["杭州建工集团有限公司"]
    assert _names(db, "zlx") == ["杭州建工集团有限公司"]  # the contact's initials (surname zēng)
    assert _names(db, "clx") == ["杭州建工集团有限公司"]  # ... and its everyday reading
    assert _names(db, "zs") == ["张三"]                   # 2 letters: the 1-2 character index
    # a rename moves the pinyin with it
    C.update_customer(db, hz, C.CustomerInput(name="宁波路桥", phone="13900001111"))
    assert _names(db, "hzjg") == [] and _names(db, "nblq") == ["宁波路桥"]
    assert C.count_customers(db, "nblq") == 1


def test_customer_list_sorts_by_pinyin(db):
    for name in ("张三", "王五", "李四", "阿里巴巴"):
        F.customer(db, name=name, phone="")
    assert [c.name for c in C.list_customers(db)] == ["阿里巴巴", "李四", "王五", "张三"]
    assert [c.name for c in C.list_customers(db, descending=True)] == ["张三", "王五", "李四", "阿里巴巴"]
    assert [h.name for h in C.search(db, "三")] == ["张三"]


def test_old_file_gets_pinyin_on_upgrade(tmp_path):
    # A file made before this step: customers without name_sort or pinyin in the text.
    path = tmp_path / "old.sqlite3"
    db = open_db(path)
    F.customer(db, name="王建国", phone="")
    F.customer(db, name="阿里", phone="")
    db.execute("UPDATE customers SET name_sort = ''")
    db.execute("UPDATE customer_search SET text = replace(text, ' | wangjianguo | wjg', '')")
    db.execute("DELETE FROM _sqlite_migrations WHERE migration_set = 'core' AND name IN "
               "('0004_customer_name_sort', '0005_customer_merges', '0006_customer_search_pinyin', "
               "'0007_equipment_dealer_index')")
    db.execute("DROP INDEX idx_equipment_dealer")
    db.execute("DROP INDEX idx_customers_name_sort")
    db.execute("DROP INDEX idx_customers_merged_into")
    db.execute("DROP TABLE customer_merges")
    db.execute("ALTER TABLE customers DROP COLUMN name_sort")
    db.execute("ALTER TABLE customers DROP COLUMN merged_into")
    assert db.execute("SELECT count(*) FROM _sqlite_migrations WHERE migration_set = 'core'").fetchone()[0] == 3
    db.conn.commit()
    assert "wjg" not in db.execute("SELECT text FROM customer_search").fetchone()[0]
    db.close()
    db = open_db(path)
    assert _names(db, "wjg") == ["王建国"]
    assert [c.name for c in C.list_customers(db)] == ["阿里", "王建国"]
    db.close()


def test_technician_and_part_lists_sort_by_pinyin(db):
    from servicedesk.models.parts.part_master import PartInput, add_part, list_parts
    from servicedesk.models.tickets.technicians import list_technicians

    for name in ("张伟", "王强", "李明"):
        F.technician(db, name)
    # li < wang < zhang (code points would give 张 李 王)
    assert [t.name for t in list_technicians(db)] == ["李明", "王强", "张伟"]
    for code, name in (("P1", "轴承"), ("P2", "安全带"), ("P3", "齿轮")):
        add_part(db, PartInput(code=code, name=name))
    # an < chi < zhou
    assert [p.name for p in list_parts(db, order="name")] == ["安全带", "齿轮", "轴承"]
    assert [p.name for p in list_parts(db, order="name", descending=True)] == ["轴承", "齿轮", "安全带"]


def test_gui_in_memory_sort_uses_pinyin(qapp):
    from PySide6.QtCore import Qt

    from servicedesk.ui.table_model import ColumnDef, RecordTableModel

    model = RecordTableModel([ColumnDef("name", "Name")])
    model.set_rows([{"name": n} for n in ("张三", "王五", "李四")])
    model.sort(0, Qt.AscendingOrder)
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["李四", "王五", "张三"]
