"""The shape of an import/export sheet and the all-or-nothing import loop.

A sheet is described by a SheetSpec (English keys, Chinese labels, notes,
fixed choices). The reports layer turns an .xlsx into numbered row dicts keyed
by field key; the importers here validate and write every row inside ONE
transaction, each row in its own savepoint, collecting problems. If any row
had a problem, or it is a dry run, the whole transaction is rolled back:
nothing is written. Doing validation with the real writes means rules that
depend on earlier rows of the same file (a duplicate serial two rows apart)
are caught exactly as they would be one at a time.

For big sheets (issue 15: 10 000 tickets) a kind may keep what every row
looks up in `RowContext.cache` (one dict per import, shared by its rows) and
may give a `session`: a context manager entered once around all rows, inside
the transaction but outside the rows' savepoints, for set-up the rows share
(tickets swap a slow index trigger for a fast one there). What a session
changes in the file is rolled back with everything else.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any, Callable, ContextManager, Iterable

import sqlite_utils

from servicedesk.models.core.db import transaction
from servicedesk.models.core.errors import DomainError


@dataclass(frozen=True)
class Column:
    key: str
    label: str                       # Chinese header printed in the template
    note: str = ""                   # explanation row in the template
    required: bool = False
    choices: tuple[str, ...] = ()    # data-validation list in the template
    width: int = 14
    kind: str = "text"               # text | date | datetime | int | money | number


@dataclass(frozen=True)
class SheetSpec:
    kind: str
    title: str                       # sheet name, Chinese
    columns: tuple[Column, ...]

    def label_for(self, key: str | None) -> str:
        for col in self.columns:
            if col.key == key:
                return col.label
        return key or ""

    def header_map(self) -> dict[str, str]:
        """Header text (Chinese label or English key, case-insensitive) -> key."""
        mapping: dict[str, str] = {}
        for col in self.columns:
            mapping[col.key.lower()] = col.key
            mapping[col.label.lower()] = col.key
        return mapping


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return f"row {self.row}, column {self.column}: {self.message}"
        return f"row {self.row}: {self.message}"


@dataclass
class ImportResult:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    # What the rows made besides themselves, counted by the handlers: e.g.
    # {"complaint_tickets": 2} when imported calls opened complaint tickets.
    also: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def written(self) -> bool:
        return self.ok and not self.dry_run


class RowRejected(Exception):
    """Raised by a row handler that already recorded its problems."""


class _Rollback(Exception):
    pass


# A row handler validates and writes one row; returns "created" or "updated".
RowHandler = Callable[[sqlite_utils.Database, int, dict[str, Any], "RowContext"], str]
# Entered once around all rows of one import: (db, the import's cache) -> context manager.
ImportSession = Callable[[sqlite_utils.Database, dict[str, Any]], ContextManager[Any]]


@dataclass
class RowContext:
    spec: SheetSpec
    row: int
    options: dict[str, Any]
    problems: list[Problem]
    also: dict[str, int] = field(default_factory=dict)
    # One dict for all rows of the import: lookups a handler reads once per
    # sheet (the catalog, the technicians...). Only for data the rows of
    # that kind never change, or that the handler keeps up to date itself.
    cache: dict[str, Any] = field(default_factory=dict)

    def problem(self, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.row, self.spec.label_for(key) if key else "", message))

    def made(self, what: str) -> None:
        """Count a record this row made besides itself (ImportResult.also)."""
        self.also[what] = self.also.get(what, 0) + 1


@contextlib.contextmanager
def _row_savepoint(db: sqlite_utils.Database):
    """One row's savepoint: a row that fails leaves nothing behind for the next
    rows to see. db.atomic() with one fixed name: sqlite-utils names each
    savepoint anew, so SQLite compiled three statements afresh for every row."""
    conn = db.conn
    conn.execute("SAVEPOINT servicedesk_import_row")
    try:
        yield
    except BaseException:
        if conn.in_transaction:   # an error that ended the transaction took the savepoint with it
            conn.execute("ROLLBACK TO SAVEPOINT servicedesk_import_row")
            conn.execute("RELEASE SAVEPOINT servicedesk_import_row")
        raise
    else:
        conn.execute("RELEASE SAVEPOINT servicedesk_import_row")


def run_import(db: sqlite_utils.Database, spec: SheetSpec, rows: Iterable[tuple[int, dict[str, Any]]],
               handler: RowHandler, *, dry_run: bool = False,
               options: dict[str, Any] | None = None,
               session: ImportSession | None = None) -> ImportResult:
    """Validate and write all rows in one transaction; roll back on any problem."""
    result = ImportResult(kind=spec.kind, dry_run=dry_run)
    opts = options or {}
    cache: dict[str, Any] = {}
    try:
        with transaction(db):
            with session(db, cache) if session else contextlib.nullcontext():
                for row_no, values in rows:
                    result.rows += 1
                    ctx = RowContext(spec, row_no, opts, result.problems, result.also, cache)
                    try:
                        with _row_savepoint(db):
                            outcome = handler(db, row_no, values, ctx)
                    except RowRejected:
                        continue
                    except DomainError as exc:
                        ctx.problem(exc.field, exc.message)
                        continue
                    if outcome == "updated":
                        result.updated += 1
                    else:
                        result.created += 1
            if result.problems or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return result


def collect_field_errors(ctx: RowContext, parsers: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """Run each field parser, record every failing field, then reject the row.

    Reporting all bad cells of a row at once saves the clerk a round trip per cell.
    """
    values: dict[str, Any] = {}
    failed = False
    for key, parse in parsers.items():
        try:
            values[key] = parse()
        except DomainError as exc:
            ctx.problem(exc.field or key, exc.message)
            failed = True
    if failed:
        raise RowRejected
    return values


@dataclass(frozen=True)
class ExchangeKind:
    """What `template/import/export KIND` need for one kind of record."""

    spec: SheetSpec
    import_row: RowHandler | None = None
    export_rows: Callable[[sqlite_utils.Database], list[dict[str, Any]]] | None = None
    sample_rows: tuple[dict[str, Any], ...] = ()
    session: ImportSession | None = None     # passed to run_import by every caller
