"""The customer list pages a broad search by walking the name index (issue 15):
it must list and count exactly the customers the index way finds, page by
page, in both directions, with merged-in customers left out, and fall back to
the index when the matches sit late in name order. Real SQLite file."""

from __future__ import annotations

import pytest

from servicedesk.models.archive import customers as C
from servicedesk.models.archive.customer_records import _walked_page
from servicedesk.models.archive.merge import merge_customers
from servicedesk.models.archive.search_index import _customer_clause, customer_walk
from tests import factories as F

PAGE = 7


@pytest.fixture
def archive(db):
    """60 杭州… (sorted early: hang), 40 绍兴… (late: shao), 20 王… (last: wang);
    three merged into others, so their texts are in the index but not listed."""
    ids = [F.customer(db, name=f"杭州华东机械有限公司{i:02d}", phone=f"13812{i:06d}", contact="李明")
           for i in range(60)]
    ids += [F.customer(db, name=f"绍兴建设工程{i:02d}", phone=f"0575-8{i:07d}", contact="陈强") for i in range(40)]
    ids += [F.customer(db, name=f"王{'建国立新海涛'[i % 6]}{i:02d}", phone=f"1391{i:07d}") for i in range(20)]
    F.equipment(db, ids[3], model="QTZ80", serial_no="T0-2201")
    for keep, drop in ((ids[0], ids[61]), (ids[1], ids[2]), (ids[100], ids[101])):
        merge_customers(db, keep, drop, who="test")
    return ids


def _by_index(db, query: str, offset: int, descending: bool) -> list[int]:
    """The page the index way gives (the plan before the walk existed)."""
    where, params = _customer_clause(query)
    d = "DESC" if descending else "ASC"
    return [r[0] for r in db.execute(
        f"SELECT c.id FROM customers c WHERE {where} ORDER BY c.name_sort {d}, c.id {d} LIMIT ? OFFSET ?",
        params + [PAGE, offset])]


def _count_by_index(db, query: str) -> int:
    where, params = _customer_clause(query)
    return db.execute(f"SELECT count(*) FROM customers c WHERE {where}", params).fetchone()[0]


QUERIES = ["1", "13", "8", "有限", "h", "hz", "T", "绍", "绍兴", "0575-8", "138 12", "王", "wj", "李明", "x", "机械 1",
           "t0-2201", "%", "_"]


@pytest.mark.parametrize("query", QUERIES)
def test_pages_and_count_match_the_index_way(db, archive, query):
    for descending in (False, True):
        for offset in (0, PAGE, 5 * PAGE, 16 * PAGE):
            got = [c.id for c in C.list_customers(db, query=query, limit=PAGE, offset=offset,
                                                  descending=descending)]
            assert got == _by_index(db, query, offset, descending), (query, descending, offset)
    assert C.count_customers(db, query) == _count_by_index(db, query)


def test_broad_terms_walk_and_late_ones_fall_back(db, archive):
    # '1' is in every phone: the walk fills the page from the first rows.
    assert customer_walk(db, "1", PAGE) is not None
    assert _walked_page(db, "1", PAGE, 0, False) is not None
    # 绍兴 is a third of the archive but sorts after 杭州: the walk runs out of
    # visits (6 per row needed) and the index answers instead.
    assert customer_walk(db, "绍兴", PAGE) is not None
    assert _walked_page(db, "绍兴", PAGE, 0, False) is None
    # A rare term never walks.
    assert customer_walk(db, "王建", PAGE) is None
    # Merged-in customers are left out of the count the index gives.
    assert C.count_customers(db, "李明") == 59   # 60 杭州… less ids[2], merged into ids[1]
