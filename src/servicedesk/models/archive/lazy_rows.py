"""A whole table read in one query, each row made into its record on first use.

A sheet of thousands of tickets looks up customers and units by the
thousand, so the archive is read in one query (tickets/sheets.py _Lookups).
Making all 30 000 customers and 40 000 units of a ten-year archive into
dataclasses took 1.5 s of a 10 000-ticket import, for the few thousand the
sheet names (issue 15). The rows are kept as the cursor gives them and
made into records when asked for: the same records, made once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, MutableMapping
from typing import Any, TypeVar

import sqlite_utils

R = TypeVar("R")


class RowsByKey(MutableMapping[Hashable, R]):
    """key -> record, the record made from its row by `make(row_as_dict)` when first read."""

    def __init__(self, rows: dict[Hashable, tuple], columns: list[str], make: Callable[[dict[str, Any]], R]):
        self._rows = rows
        self._columns = columns
        self._make = make
        self._made: dict[Hashable, R] = {}

    @classmethod
    def read(cls, db: sqlite_utils.Database, sql: str, make: Callable[[dict[str, Any]], R],
             key_columns: tuple[str, ...]) -> "RowsByKey[R]":
        """Every row of `sql` by the values of `key_columns` (one key per row, later rows win)."""
        cursor = db.execute(sql)
        columns = [d[0] for d in cursor.description]
        at = [columns.index(c) for c in key_columns]
        if len(at) == 1:
            (i,) = at
            rows = {row[i]: row for row in cursor}
        else:
            rows = {tuple(row[i] for i in at): row for row in cursor}
        return cls(rows, columns, make)

    def __getitem__(self, key: Hashable) -> R:
        if key in self._made:
            return self._made[key]
        record = self._made[key] = self._make(dict(zip(self._columns, self._rows[key])))
        return record

    def __setitem__(self, key: Hashable, record: R) -> None:
        self._made[key] = record

    def __delitem__(self, key: Hashable) -> None:
        found = self._made.pop(key, None) is not None
        if self._rows.pop(key, None) is None and not found:
            raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return key in self._made or key in self._rows

    def __iter__(self) -> Iterator[Hashable]:
        yield from self._rows
        yield from (k for k in self._made if k not in self._rows)

    def __len__(self) -> int:
        return len(self._rows) + sum(1 for k in self._made if k not in self._rows)
