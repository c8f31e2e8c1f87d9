"""One generic table model for every list in the program.

Rows come from the model layer (dataclasses or dicts); columns say how to
show them. For long lists the model fetches pages lazily from a `fetch(offset,
limit)` callable and asks `count()` for the total, so 100 000 tickets open as
fast as 100. Sorting re-queries through `set_order` when a fetcher is used
(the database sorts, with its indexes), or sorts in memory for short lists.
"""

from __future__ import annotations

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
    PAGE = 500

    def __init__(self, columns: Sequence[ColumnDef], parent=None,
                 row_color: Callable[[Any], str | None] | None = None,
                 cell_color: Callable[[Any, str], str | None] | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
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
        self._rows = list(rows)
        self._total = len(self._rows)
        self.endResetModel()

    def set_fetcher(self, fetch: Callable[[int, int], list[Any]], count: Callable[[], int],
                    set_order: Callable[[str, bool], None] | None = None) -> None:
        """Lazy mode: first page now, more as the view scrolls (canFetchMore)."""
        self.beginResetModel()
        self._fetch, self._count, self._order_cb = fetch, count, set_order
        self._total = count()
        self._rows = fetch(0, self.PAGE)
        self.endResetModel()

    def refresh(self) -> None:
        if self._fetch is not None and self._count is not None:
            loaded = max(len(self._rows), self.PAGE)
            self.beginResetModel()
            self._total = self._count()
            self._rows = self._fetch(0, loaded)
            self.endResetModel()

    def total(self) -> int:
        return self._total

    def row(self, index: int) -> Any:
        return self._rows[index]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def find_row(self, predicate: Callable[[Any], bool]) -> int:
        for i, r in enumerate(self._rows):
            if predicate(r):
                return i
        return -1

    # ---- Qt interface ------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return self._fetch is not None and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if self._fetch is None:
            return
        more = self._fetch(len(self._rows), self.PAGE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
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
        row = self._rows[index.row()]
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
