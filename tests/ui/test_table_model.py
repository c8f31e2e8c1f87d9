"""A lazy list keeps only its last pages in memory (issue 15): scrolled to the
end of 10 000 rows it holds KEEP_PAGES pages, reads a page again when it is
shown again, and a refresh reads one page, not every row scrolled through."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from servicedesk.ui.table_model import ColumnDef, RecordTableModel


@dataclass
class Item:
    id: int
    name: str


class Source:
    """A database stand-in that counts what it is asked for."""

    def __init__(self, n: int):
        self.items = [Item(i, f"客户{i:05d}") for i in range(n)]
        self.reads: list[tuple[int, int]] = []
        self.order: tuple[str, bool] | None = None

    def fetch(self, offset: int, limit: int) -> list[Item]:
        self.reads.append((offset, limit))
        return self.items[offset:offset + limit]

    def count(self) -> int:
        return len(self.items)

    def set_order(self, key: str, descending: bool) -> None:
        self.order = (key, descending)
        self.items.sort(key=lambda i: i.id, reverse=descending)


def _model(source: Source) -> RecordTableModel:
    model = RecordTableModel([ColumnDef("id", "No."), ColumnDef("name", "Name", sort_key="name")])
    model.set_fetcher(source.fetch, source.count, source.set_order)
    return model


def _held(model: RecordTableModel) -> int:
    return len(model.rows())


def test_scrolled_to_the_end_it_holds_only_the_last_pages(qapp):
    source = Source(10_000)
    model = _model(source)
    assert model.rowCount() == 500
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 10_000
    assert _held(model) == model.KEEP_PAGES * model.PAGE          # 4 000 of 10 000
    assert model.data(model.index(9_999, 1)) == "客户09999"
    reads = len(source.reads)
    assert model.data(model.index(0, 1)) == "客户00000"           # page 0 read again
    assert source.reads[reads:] == [(0, 500)]
    assert model.data(model.index(1, 1)) == "客户00001"           # ... and kept
    assert len(source.reads) == reads + 1


def test_refresh_reads_one_page_and_keeps_the_rows_shown(qapp):
    source = Source(3_000)
    model = _model(source)
    for _ in range(3):
        model.fetchMore()
    assert model.rowCount() == 2_000
    source.reads.clear()
    del source.items[:10]                                          # ten deleted by someone
    model.refresh()
    assert source.reads == [(0, 500)]
    assert model.rowCount() == 2_000 and model.total() == 2_990
    assert model.data(model.index(0, 1)) == "客户00010"


def test_rows_deleted_after_the_count_show_empty_not_an_error(qapp):
    source = Source(1_000)
    model = _model(source)
    model.fetchMore()
    model._pages.clear()
    del source.items[900:]
    assert model.data(model.index(950, 1)) is None
    assert model.data(model.index(899, 1)) == "客户00899"


def test_find_row_looks_in_the_kept_pages(qapp):
    source = Source(6_000)
    model = _model(source)
    while model.canFetchMore():
        model.fetchMore()
    assert model.find_row(lambda i: i.id == 5_999) == 5_999
    assert model.find_row(lambda i: i.id == 3) == -1                # page 0 no longer kept


def test_a_view_scrolls_through_and_sorting_asks_the_database(qtbot):
    source = Source(5_000)
    model = _model(source)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    while model.canFetchMore():
        view.scrollToBottom()
        qtbot.wait(1)
        model.fetchMore()
    view.scrollToBottom()
    view.scrollToTop()
    assert model.data(model.index(0, 0)) == "0"
    model.sort(0, Qt.DescendingOrder)
    assert source.order == ("id", True)
    assert model.data(model.index(0, 0)) == "4999"
    assert _held(model) <= model.KEEP_PAGES * model.PAGE
