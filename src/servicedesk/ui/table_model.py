"""One generic table model for every list in the program.

Rows come from the model layer (dataclasses or dicts); columns say how to
show them. For long lists the model fetches pages lazily from a `fetch(offset,
limit)` callable and asks `count()` for the total, so 100 000 tickets open as
fast as 100. Sorting re-queries through `set_order` when a fetcher is used
(the database sorts, with its indexes), or sorts in memory for short lists.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCollator, QLocale, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

SORT_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole + 2
RIGHT = Qt.AlignRight | Qt.AlignVCenter     # numbers, counts and money in a column

# Colours mean one thing everywhere (UI.md): never the only signal.
COLORS = {
    "red": QColor("#FDE2E1"),
    "amber": QColor("#FFF1CC"),
    "green": QColor("#E3F4E1"),
    "grey": QColor("#ECECEC"),
}
TEXT_COLORS = {
    "red": QColor("#B3261E"),
    "amber": QColor("#8A5A00"),
    "green": QColor("#1E6B2A"),
    "grey": QColor("#6B6B6B"),
}


def field_value(row: Any, key: str) -> Any:
    if isinstance(row, dict):
        return row.get(key)
    return getattr(row, key, None)


@lru_cache(maxsize=1)
def _collator() -> QCollator:
    """zh_CN collation (pinyin order), shared by every in-memory sort."""
    return QCollator(QLocale(QLocale.Chinese, QLocale.China))


@dataclass
class ColumnDef:
    key: str
    title: str
    display: Callable[[Any], str] | None = None   # row -> text (default: str(value))
    sort_key: str | None = None                   # order-by key passed to set_order
    align: Qt.AlignmentFlag = Qt.AlignLeft | Qt.AlignVCenter
    width: int | None = None
    tooltip: Callable[[Any], str] | None = None


class RecordTableModel(QAbstractTableModel):
    """A list's rows for a QTableView: a whole list (`set_rows`) or a lazy one
    (`set_fetcher`) that the database pages.

    Lazy lists grow as the view scrolls (canFetchMore/fetchMore), but keep
    only the KEEP_PAGES pages used last in memory; a page scrolled back to is
    read again (a few ms). So a list scrolled to the end of 100 000 tickets
    holds 4 000 rows, not 100 000 (issue 15: the window's memory no longer
    grows with the office's years), and a refresh reads one page, not every
    row scrolled through.
    """

    PAGE = 500
    KEEP_PAGES = 8

    def __init__(self, columns: Sequence[ColumnDef], parent=None,
                 row_color: Callable[[Any], str | None] | None = None,
                 cell_color: Callable[[Any, str], str | None] | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []                       # set_rows: every row
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()   # set_fetcher: the pages kept
        self._loaded = 0                                 # set_fetcher: rows the view has been given
        self._fetch: Callable[[int, int], list[Any]] | None = None
        self._count: Callable[[], int] | None = None
        self._total = 0
        self._order_cb: Callable[[str, bool], None] | None = None
        self.row_color = row_color
        self.cell_color = cell_color

    # ---- feeding -----------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._fetch = self._count = None
        self._pages.clear()
        self._rows = list(rows)
        self._total = self._loaded = len(self._rows)
        self.endResetModel()

    def set_fetcher(self, fetch: Callable[[int, int], list[Any]], count: Callable[[], int],
                    set_order: Callable[[str, bool], None] | None = None) -> None:
        """Lazy mode: first page now, more as the view scrolls (canFetchMore)."""
        self.beginResetModel()
        self._fetch, self._count, self._order_cb = fetch, count, set_order
        self._rows = []
        self._total = count()
        self._pages.clear()
        first = fetch(0, self.PAGE)
        self._pages[0] = first
        self._loaded = len(first)
        self.endResetModel()

    def refresh(self) -> None:
        """Count and read again; the view keeps as many rows as it had (their
        pages are read when shown)."""
        if self._fetch is not None and self._count is not None:
            self.beginResetModel()
            self._total = self._count()
            self._pages.clear()
            first = self._fetch(0, self.PAGE)
            self._pages[0] = first
            self._loaded = max(len(first), min(self._loaded, self._total))
            self.endResetModel()

    def _page(self, number: int) -> list[Any]:
        """Page `number` (kept, or read now), the newest of those kept."""
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number * self.PAGE, self.PAGE) if self._fetch is not None else []
            self._pages[number] = page
            while len(self._pages) > self.KEEP_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def _row_at(self, index: int) -> Any:
        if self._fetch is None:
            return self._rows[index]
        page = self._page(index // self.PAGE)
        offset = index % self.PAGE
        return page[offset] if offset < len(page) else None   # deleted since it was counted

    def total(self) -> int:
        return self._total

    def row(self, index: int) -> Any:
        return self._row_at(index)

    def _numbered(self):
        """(index, row) of every row of a whole list; of a lazy one, of the rows kept, in order."""
        if self._fetch is None:
            return enumerate(self._rows)
        return ((n * self.PAGE + i, r) for n in sorted(self._pages) for i, r in enumerate(self._pages[n]))

    def rows(self) -> list[Any]:
        """Every row of a whole list; of a lazy one, the rows kept, in order."""
        return [r for _i, r in self._numbered()]

    def find_row(self, predicate: Callable[[Any], bool]) -> int:
        """The first row (of those kept, for a lazy list) that `predicate` accepts, else -1."""
        for i, r in self._numbered():
            if i < self._loaded and predicate(r):
                return i
        return -1

    # ---- Qt interface ------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return self._fetch is not None and self._loaded < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if self._fetch is None:
            return
        number = self._loaded // self.PAGE
        more = self._page(number)[self._loaded - number * self.PAGE:]
        if not more:
            self._total = self._loaded
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + len(more) - 1)
        self._loaded += len(more)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == Qt.Vertical and role == Qt.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self._row_at(index.row())
        if row is None:
            return None
        col = self.columns[index.column()]
        if role == Qt.DisplayRole:
            if col.display is not None:
                return col.display(row)
            value = field_value(row, col.key)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            return field_value(row, col.key)
        if role == ROW_ROLE:
            return row
        if role == Qt.TextAlignmentRole:
            return int(col.align)
        if role == Qt.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        if role in (Qt.BackgroundRole, Qt.ForegroundRole):
            color = None
            if self.cell_color is not None:
                color = self.cell_color(row, col.key)
            if color is None and self.row_color is not None:
                color = self.row_color(row)
            if color:
                palette = COLORS if role == Qt.BackgroundRole else TEXT_COLORS
                return QBrush(palette[color])
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)):
            return
        col = self.columns[column]
        descending = order == Qt.DescendingOrder
        if self._fetch is not None:
            if self._order_cb is not None:
                self._order_cb(col.sort_key or col.key, descending)
                self.refresh()
            return
        self.layoutAboutToBeChanged.emit()

        collator = _collator()

        def key(r):
            # Text in the order a Chinese reader expects (王 before 张: pinyin, issue 16).
            v = field_value(r, col.key)
            return (v is None, collator.sortKey(v) if isinstance(v, str) else (v if v is not None else ""))

        try:
            self._rows.sort(key=key, reverse=descending)
        except TypeError:
            self._rows.sort(key=lambda r: str(field_value(r, col.key) or ""), reverse=descending)
        self.layoutChanged.emit()
