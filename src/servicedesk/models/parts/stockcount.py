"""Stock counts (盘点) and the stock-accuracy KPI (DOMAIN §3, §6).

A count compares counted quantities with the BOOK stock as of the end of its
count date (the sum of ledger lines dated up to then). Its life:

    open      start_count(): a line per part with the book quantity so far;
              the clerk enters counted quantities (set_counted) in any order.
    completed complete_count(): book quantities are taken again as of the end
              of the count date (lines booked since the start are included)
              and frozen; only lines with a counted quantity are "counted".
    posted    post_count(): one 盘点调整 line per difference, dated the end of
              the count date (or now, if that is still ahead), so the stock as
              of the count date equals what was counted.

An imported count (`servicedesk import stockcount F.xlsx --date D [--post]`)
is a completed count; --post also books the adjustment lines.

Stock accuracy for a month = part kinds whose counted quantity equals the
book quantity / part kinds counted, over completed or posted counts whose
count date falls in the month. A part counted twice in a month is judged by
its latest count.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, StateError, ValidationError
from servicedesk.models.core.importing import (
    Column, ExchangeKind, ImportResult, RowContext, RowRejected, SheetSpec,
)
from servicedesk.models.parts.ledger import _part_row, adjust, list_parts
from servicedesk.models.core.validation import normalise_text, parse_date, parse_datetime, parse_int

STATUS_LABELS = {"open": "盘点中", "completed": "已完成", "posted": "已过账"}


@dataclass
class StockCount:
    id: int
    count_date: str
    status: str
    source: str
    notes: str
    started_at: str
    started_by: str
    completed_at: str | None
    completed_by: str
    posted_at: str | None
    posted_by: str
    lines: int = 0
    counted: int = 0
    differences: int = 0

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass
class CountLine:
    count_id: int
    part_id: int
    part_code: str
    part_name: str
    part_spec: str
    unit: str
    location: str
    book_qty: int
    counted_qty: int | None
    count_date: str = ""

    @property
    def difference(self) -> int | None:
        return None if self.counted_qty is None else self.counted_qty - self.book_qty

    @property
    def matches(self) -> bool | None:
        return None if self.counted_qty is None else self.counted_qty == self.book_qty


COUNT_SELECT = """
    SELECT c.*, COUNT(l.part_id) AS lines, COUNT(l.counted_qty) AS counted,
           SUM(l.counted_qty IS NOT NULL AND l.counted_qty <> l.book_qty) AS differences
    FROM stock_counts c LEFT JOIN stock_count_lines l ON l.count_id = c.id
"""

LINE_SELECT = """
    SELECT l.count_id, l.part_id, p.code, p.name, p.spec, p.unit, p.location, l.book_qty, l.counted_qty,
           c.count_date
    FROM stock_count_lines l JOIN parts p ON p.id = l.part_id JOIN stock_counts c ON c.id = l.count_id
"""


def _row_to_count(row: dict[str, Any]) -> StockCount:
    data = dict(row)
    data["differences"] = data.get("differences") or 0
    return StockCount(**data)


def _stamp(at: str | None) -> str:
    """Explicit time (demo and tests replay history) or now."""
    return parse_datetime(at, "at", required=True) if at else now_iso()


def _end_of(day: str) -> str:
    return f"{day} 23:59:59"


def _count_date(value: object) -> str:
    day = parse_date(value, "date") or _dt.date.today().isoformat()
    if day > _dt.date.today().isoformat():
        raise ValidationError(f"A stock count cannot be dated in the future ({day}).", "date")
    return day


def _book_as_of(db: sqlite_utils.Database, day: str, part_ids: list[int] | None = None) -> dict[int, int]:
    """Book stock of every part as of the end of `day`, in one grouped query."""
    # Current balance minus what was booked after the day: a count is usually
    # of a recent date, so only the few lines since then are read (not 500 000).
    later = dict(db.execute("SELECT part_id, SUM(qty) FROM stock_moves WHERE at > ? GROUP BY part_id",
                            [_end_of(day)]).fetchall())
    book = {pid: balance - later.get(pid, 0) for pid, balance in db.execute("SELECT id, balance FROM parts")}
    if part_ids is not None:
        return {pid: book.get(pid, 0) for pid in part_ids}
    return book


def get_count(db: sqlite_utils.Database, count_id: int) -> StockCount:
    rows = list(db.query(COUNT_SELECT + " WHERE c.id = ? GROUP BY c.id", [count_id]))
    if not rows:
        raise NotFound(f"No stock count {count_id}.", "count")
    return _row_to_count(rows[0])


def list_counts(db: sqlite_utils.Database, limit: int = 200, offset: int = 0) -> list[StockCount]:
    return [_row_to_count(r) for r in db.query(
        COUNT_SELECT + " GROUP BY c.id ORDER BY c.count_date DESC, c.id DESC LIMIT ? OFFSET ?",
        [limit, offset])]


def open_count(db: sqlite_utils.Database) -> StockCount | None:
    row = db.execute("SELECT id FROM stock_counts WHERE status = 'open' ORDER BY id LIMIT 1").fetchone()
    return get_count(db, row[0]) if row else None


def start_count(db: sqlite_utils.Database, count_date: str | None = None, who: str = "",
                location: str = "", notes: str = "", at: str | None = None) -> StockCount:
    """Start a count: one line per active part (optionally of one location prefix)
    with its book quantity as of the end of the count date. One open count at a time."""
    day = _count_date(count_date)
    with transaction(db):
        current = open_count(db)
        if current is not None:
            raise StateError(f"Stock count {current.id} of {current.count_date} is still open: "
                             "finish or post it first.", "count")
        parts = [p for p in list_parts(db, limit=1_000_000)
                 if not location or p.location.startswith(normalise_text(location))]
        if not parts:
            raise ValidationError("No active parts to count.", "location")
        count_id = db["stock_counts"].insert({
            "count_date": day, "status": "open", "source": "gui", "notes": normalise_text(notes),
            "started_at": _stamp(at), "started_by": who or ""}).last_pk
        book = _book_as_of(db, day, [p.id for p in parts])
        db["stock_count_lines"].insert_all(
            ({"count_id": count_id, "part_id": p.id, "book_qty": book[p.id]} for p in parts), batch_size=500)
    return get_count(db, count_id)


def count_lines(db: sqlite_utils.Database, count_id: int, *, only_differences: bool = False,
                only_uncounted: bool = False, query: str = "") -> list[CountLine]:
    """Lines of a count in shelf order (location, code) — the order people walk."""
    clauses, params = ["l.count_id = ?"], [count_id]
    if only_differences:
        clauses.append("l.counted_qty IS NOT NULL AND l.counted_qty <> l.book_qty")
    if only_uncounted:
        clauses.append("l.counted_qty IS NULL")
    for term in normalise_text(query).split():
        clauses.append("(p.code LIKE ? OR p.name LIKE ? OR p.spec LIKE ? OR p.location LIKE ?)")
        params += [f"%{term}%"] * 4
    rows = db.execute(LINE_SELECT + " WHERE " + " AND ".join(clauses) + " ORDER BY p.location, p.code",
                      params).fetchall()
    return [CountLine(*r) for r in rows]


def set_counted(db: sqlite_utils.Database, count_id: int, part: int | str, counted_qty: object,
                who: str = "", at: str | None = None) -> CountLine:
    """Enter (or clear, with None/blank) the counted quantity of one part."""
    qty = parse_int(counted_qty, "counted_qty", minimum=0)
    with transaction(db):
        count = get_count(db, count_id)
        if count.status != "open":
            raise StateError(f"Stock count {count_id} is {count.status_label}: counted quantities "
                             "can no longer change.", "count")
        row = _part_row(db, part)
        cur = db.execute("UPDATE stock_count_lines SET counted_qty = ?, counted_at = ?, counted_by = ? "
                         "WHERE count_id = ? AND part_id = ?",
                         [qty, _stamp(at) if qty is not None else None, who or "", count_id, row["id"]])
        if cur.rowcount == 0:
            raise NotFound(f"Part {row['code']} is not in stock count {count_id}.", "part")
    return count_lines_for(db, count_id, row["id"])


def count_lines_for(db: sqlite_utils.Database, count_id: int, part_id: int) -> CountLine:
    rows = db.execute(LINE_SELECT + " WHERE l.count_id = ? AND l.part_id = ?", [count_id, part_id]).fetchall()
    if not rows:
        raise NotFound(f"Part {part_id} is not in stock count {count_id}.", "part")
    return CountLine(*rows[0])


def complete_count(db: sqlite_utils.Database, count_id: int, who: str = "",
                   at: str | None = None) -> StockCount:
    """Freeze the book quantities as of the end of the count date; the count
    now counts for the stock-accuracy figure of its month."""
    with transaction(db):
        count = get_count(db, count_id)
        if count.status != "open":
            raise StateError(f"Stock count {count_id} is already {count.status_label}.", "count")
        if count.counted == 0:
            raise ValidationError("Enter at least one counted quantity before finishing the count.",
                                  "counted_qty")
        book = _book_as_of(db, count.count_date)
        for (part_id,) in db.execute("SELECT part_id FROM stock_count_lines WHERE count_id = ?",
                                     [count_id]).fetchall():
            db.execute("UPDATE stock_count_lines SET book_qty = ? WHERE count_id = ? AND part_id = ?",
                       [book.get(part_id, 0), count_id, part_id])
        db.execute("UPDATE stock_counts SET status = 'completed', completed_at = ?, completed_by = ? "
                   "WHERE id = ?", [_stamp(at), who or "", count_id])
    return get_count(db, count_id)


def _adjust_time(count_date: str) -> str:
    end = _end_of(count_date)
    now = now_iso()
    return end if end <= now else now


def _post_line(db: sqlite_utils.Database, count_id: int, count_date: str, part_id: int,
               counted: int, who: str) -> int:
    """Book counted - book-as-of-then for one part; returns the quantity booked."""
    at = _adjust_time(count_date)
    book_then = db.execute("SELECT COALESCE(SUM(qty), 0) FROM stock_moves WHERE part_id = ? AND at <= ?",
                           [part_id, at]).fetchone()[0]
    diff = counted - book_then
    if diff:
        adjust(db, part_id, diff, who=who, at=at, reason=f"盘点 #{count_id}（{count_date}）", count_id=count_id)
    return diff


def post_count(db: sqlite_utils.Database, count_id: int, who: str = "", at: str | None = None) -> StockCount:
    """Book every difference of a count as 盘点调整 lines, in one transaction.

    An open count is completed first. Refused (nothing booked) if an
    adjustment would make stock negative at some later point in time."""
    with transaction(db):
        count = get_count(db, count_id)
        if count.status == "posted":
            raise StateError(f"Stock count {count_id} is already posted.", "count")
        if count.status == "open":
            count = complete_count(db, count_id, who, at)
        for part_id, counted in db.execute(
                "SELECT part_id, counted_qty FROM stock_count_lines WHERE count_id = ? "
                "AND counted_qty IS NOT NULL ORDER BY part_id", [count_id]).fetchall():
            _post_line(db, count_id, count.count_date, part_id, counted, who)
        db.execute("UPDATE stock_counts SET status = 'posted', posted_at = ?, posted_by = ? WHERE id = ?",
                   [_stamp(at), who or "", count_id])
    return get_count(db, count_id)


def cancel_open_count(db: sqlite_utils.Database, count_id: int, who: str = "") -> None:
    """Throw away an open count (nothing was booked by it)."""
    with transaction(db):
        count = get_count(db, count_id)
        if count.status != "open":
            raise StateError(f"Stock count {count_id} is {count.status_label}; only an open count "
                             "can be discarded.", "count")
        db.execute("DELETE FROM stock_count_lines WHERE count_id = ?", [count_id])
        db.execute("DELETE FROM stock_counts WHERE id = ?", [count_id])


# --------------------------------------------------------------- KPI
def _month_range(month: str) -> tuple[str, str]:
    text = normalise_text(month)
    try:
        first = _dt.date.fromisoformat(f"{text}-01")
    except ValueError:
        raise ValidationError(f'"{month}" is not a month (use 2026-10).', "month") from None
    nxt = _dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first.isoformat(), nxt.isoformat()


_LATEST_LINES = """
    SELECT * FROM (
        SELECT l.count_id, l.part_id, p.code, p.name, p.spec, p.unit, p.location, l.book_qty,
               l.counted_qty, c.count_date,
               ROW_NUMBER() OVER (PARTITION BY l.part_id ORDER BY c.count_date DESC, c.id DESC) AS rn
        FROM stock_count_lines l
        JOIN stock_counts c ON c.id = l.count_id
        JOIN parts p ON p.id = l.part_id
        WHERE c.status IN ('completed', 'posted') AND c.count_date >= ? AND c.count_date < ?
          AND l.counted_qty IS NOT NULL
    ) WHERE rn = 1
"""


def count_lines_for_month(db: sqlite_utils.Database, month: str) -> list[CountLine]:
    """The counted lines the month's stock accuracy is computed from (one per
    part kind: its latest count in the month), in code order."""
    start, end = _month_range(month)
    rows = db.execute(_LATEST_LINES + " ORDER BY code", [start, end]).fetchall()
    return [CountLine(*r[:10]) for r in rows]


def stock_accuracy(db: sqlite_utils.Database, month: str) -> tuple[int, int]:
    """(part kinds matching, part kinds counted) for counts completed in `month`
    ('YYYY-MM'); accuracy % = matching / counted x 100 (counted 0: no figure)."""
    start, end = _month_range(month)
    matching, counted = db.execute(
        f"SELECT COALESCE(SUM(counted_qty = book_qty), 0), COUNT(*) FROM ({_LATEST_LINES})",
        [start, end]).fetchone()
    return int(matching), int(counted)


def unposted_counts(db: sqlite_utils.Database, month: str | None = None) -> list[StockCount]:
    """Counts whose differences are not booked yet (open or completed) — the
    KPI pre-export check lists these."""
    if month:
        start, end = _month_range(month)
        rows = db.query(COUNT_SELECT + " WHERE c.status <> 'posted' AND c.count_date >= ? AND c.count_date < ? "
                        "GROUP BY c.id ORDER BY c.count_date", [start, end])
    else:
        rows = db.query(COUNT_SELECT + " WHERE c.status <> 'posted' GROUP BY c.id ORDER BY c.count_date")
    return [_row_to_count(r) for r in rows]


# --------------------------------------------------------------- import / export
STOCKCOUNT_SPEC = SheetSpec("stockcount", "盘点表", (
    Column("part_code", "配件编码", "须与配件档案一致，如 QS-MOT-160L6；每个配件一行。"
                                    "export stockcount 导出全部在用配件的盘点表", required=True, width=16),
    Column("name", "名称", "仅供核对，导入时不读取", width=20),
    Column("spec", "规格", "仅供核对，导入时不读取", width=18),
    Column("unit", "单位", "仅供核对", width=6),
    Column("location", "库位", "仅供核对", width=10),
    Column("counted_qty", "实盘数量", "实际清点的数量（整数，≥ 0），如 3；留空 = 未盘", required=True, kind="int", width=10),
))


def _import_count_id(db: sqlite_utils.Database, ctx: RowContext, day: str) -> int:
    """The count this import fills, made by the first row (rolled back with the import)."""
    count_id = ctx.options.get("_count_id")
    if count_id is not None and db.execute("SELECT 1 FROM stock_counts WHERE id = ?", [count_id]).fetchone():
        return count_id
    stamp = now_iso()
    who = ctx.options.get("who") or ""
    count_id = db["stock_counts"].insert({
        "count_date": day, "status": "posted" if ctx.options.get("post") else "completed",
        "source": "import", "notes": "", "started_at": stamp, "started_by": who,
        "completed_at": stamp, "completed_by": who,
        "posted_at": stamp if ctx.options.get("post") else None,
        "posted_by": who if ctx.options.get("post") else ""}).last_pk
    ctx.options["_count_id"] = count_id
    return count_id


def _count_import_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    problems = False
    try:
        day = _count_date(ctx.options.get("date"))
    except ValidationError as exc:
        ctx.problem(None, f"--date: {exc.message}")
        raise RowRejected from None
    counted = None
    try:
        counted = parse_int(values.get("counted_qty"), "counted_qty", minimum=0)
    except ValidationError as exc:
        ctx.problem("counted_qty", exc.message)
        problems = True
    code = normalise_text(values.get("part_code")).upper()
    part = None
    if not code:
        ctx.problem("part_code", "Part code is required.")
        problems = True
    else:
        found = db.execute("SELECT id FROM parts WHERE code = ?", [code]).fetchone()
        if found is None:
            ctx.problem("part_code", f"no part with code {code} in the parts list")
            problems = True
        else:
            part = found[0]
    if problems:
        raise RowRejected
    if counted is None:
        return "skipped"  # blank = not counted (a partial count of a full sheet)
    count_id = _import_count_id(db, ctx, day)
    if db.execute("SELECT 1 FROM stock_count_lines WHERE count_id = ? AND part_id = ?",
                  [count_id, part]).fetchone():
        ctx.problem("part_code", f"part {code} appears more than once in this sheet")
        raise RowRejected
    book = db.execute("SELECT COALESCE(SUM(qty), 0) FROM stock_moves WHERE part_id = ? AND at <= ?",
                      [part, _end_of(day)]).fetchone()[0]
    stamp = now_iso()
    db["stock_count_lines"].insert({"count_id": count_id, "part_id": part, "book_qty": book,
                                    "counted_qty": counted, "counted_at": stamp,
                                    "counted_by": ctx.options.get("who") or ""})
    if ctx.options.get("post"):
        _post_line(db, count_id, day, part, counted, ctx.options.get("who") or "")
    return "created"


def _export_count_sheet(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """The count sheet to walk the shelves with: active parts in shelf order,
    counted quantity left blank (a blind count: book stock is not shown)."""
    parts = sorted(list_parts(db, limit=1_000_000), key=lambda p: (p.location, p.code))
    return [{"part_code": p.code, "name": p.name, "spec": p.spec, "unit": p.unit, "location": p.location,
             "counted_qty": None} for p in parts]


def count_sheet_rows(db: sqlite_utils.Database, count_id: int) -> list[dict[str, Any]]:
    """Rows of one count for its printable/exportable count sheet."""
    return [{"part_code": line.part_code, "name": line.part_name, "spec": line.part_spec, "unit": line.unit,
             "location": line.location, "counted_qty": line.counted_qty}
            for line in count_lines(db, count_id)]


# No sample rows: an untouched template imported must not record a count of
# invented parts; examples live in the column notes.
STOCKCOUNT_SHEET = ExchangeKind(STOCKCOUNT_SPEC, _count_import_row, _export_count_sheet)


def import_counted(db: sqlite_utils.Database, count_id: int, rows: list[tuple[int, dict[str, Any]]],
                   who: str = "") -> ImportResult:
    """Fill an OPEN count's counted quantities from a count sheet, all or
    nothing (a bad row -> problems listed, nothing changed)."""
    from servicedesk.models.core.importing import run_import

    count = get_count(db, count_id)
    if count.status != "open":
        raise StateError(f"Stock count {count_id} is {count.status_label}: counted quantities "
                         "can no longer change.", "count")
    seen: set[str] = set()

    def handler(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
        code = normalise_text(values.get("part_code")).upper()
        try:
            counted = parse_int(values.get("counted_qty"), "counted_qty", minimum=0)
        except ValidationError as exc:
            ctx.problem("counted_qty", exc.message)
            raise RowRejected from None
        if not code:
            ctx.problem("part_code", "Part code is required.")
            raise RowRejected
        if code in seen:
            ctx.problem("part_code", f"part {code} appears more than once in this sheet")
            raise RowRejected
        seen.add(code)
        if counted is None:
            return "skipped"
        found = db.execute("SELECT id FROM parts WHERE code = ?", [code]).fetchone()
        if found is None:
            ctx.problem("part_code", f"no part with code {code} in the parts list")
            raise RowRejected
        set_counted(db, count_id, found[0], counted, who)
        return "updated"

    return run_import(db, STOCKCOUNT_SPEC, rows, handler)
