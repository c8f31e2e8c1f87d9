"""The work-hour catalog (工时标准, DOMAIN §4) as versioned data.

Codes (INSTALL_TC, JACK_HOIST, WELD_SITE …) are stable keys that ticket work
lines refer to; names, units and rates may change, items may be added or
retired (a retired code can no longer be chosen for new work, old lines keep
their meaning).

Versioning rule: every rate is a row in work_catalog_rates with an
effective-from time. A ticket's work is valued with the rate in force at the
ticket's COMPLETION time (when its work is recorded as done), so a re-rate
applies to work completed after it and never to earlier work. A new rate may
not take effect inside or before a locked (approved) pay month — that would
change the month's recomputation silently; approved months are in any case
shown from their snapshot (see pay.approve_month).

Hours rule: quantity n (in hundredths) gives
    hours x n                              when the item has no further-unit rate
    hours x min(n,1) + further x (n - 1)   when it has one (WELD_SITE: 4 + 2(n-1))
rounded half-up to a hundredth of an hour (2.7 h x 1.55 sections = 4.185 ->
4.19 h); whole quantities never round.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import sqlite_utils

from servicedesk.models.core.audit import record_action
from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.core.validation import normalise_text, parse_datetime, require_text

_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")


@dataclass
class CatalogItem:
    code: str
    name: str
    unit: str
    hours_x100: int                 # rate in force at the time asked for
    further_hours_x100: int | None
    active: bool = True
    sort_order: int = 0
    effective_from: str = ""        # when that rate took effect


@dataclass
class CatalogRate:
    code: str
    effective_from: str
    hours_x100: int
    further_hours_x100: int | None
    created_at: str
    created_by: str


# ------------------------------------------------------------------ pure rule
def _div_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounded half away from zero (exact, no float)."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return q if numerator >= 0 else -q


def compute_hours(hours_x100: int, further_hours_x100: int | None, quantity_x100: int) -> int:
    """Standard hours (hundredths) for a quantity (hundredths) under one rate."""
    if quantity_x100 <= 0:
        return 0
    if further_hours_x100 is None or quantity_x100 <= 100:
        return _div_half_up(hours_x100 * quantity_x100, 100)
    return hours_x100 + _div_half_up(further_hours_x100 * (quantity_x100 - 100), 100)


class RateBook:
    """All rates loaded once, so valuing thousands of work lines costs no queries."""

    def __init__(self, rows: list[tuple[str, str, int, int | None]], names: dict[str, tuple[str, str]]):
        self._times: dict[str, list[str]] = {}
        self._rates: dict[str, list[tuple[int, int | None]]] = {}
        for code, since, hours, further in sorted(rows, key=lambda r: (r[0], r[1])):
            self._times.setdefault(code, []).append(since)
            self._rates.setdefault(code, []).append((hours, further))
        self.names = names                     # code -> (name, unit)

    def rate(self, code: str, at: str) -> tuple[int, int | None] | None:
        times = self._times.get(code)
        if not times:
            return None
        i = bisect.bisect_right(times, at) - 1
        if i < 0:
            i = 0   # work older than the first rate: the oldest rate is the best guess
        return self._rates[code][i]

    def hours(self, code: str, quantity_x100: int, at: str) -> int | None:
        """None for a code the catalog does not know (shown as such, worth 0 h)."""
        rate = self.rate(code, at)
        if rate is None:
            return None
        return compute_hours(rate[0], rate[1], quantity_x100)

    def name(self, code: str) -> str:
        return self.names.get(code, (code, ""))[0]

    def unit(self, code: str) -> str:
        return self.names.get(code, ("", ""))[1]


def load_rates(db: sqlite_utils.Database) -> RateBook:
    rows = [(r[0], r[1], r[2], r[3]) for r in db.execute(
        "SELECT code, effective_from, hours_x100, further_hours_x100 FROM work_catalog_rates")]
    names = {r[0]: (r[1], r[2]) for r in db.execute("SELECT code, name, unit FROM work_catalog")}
    return RateBook(rows, names)


# ------------------------------------------------------------------ queries
def hours_for(db: sqlite_utils.Database, code: str, quantity_x100: int, at: str | None = None) -> int:
    """Standard hours in hundredths for `quantity_x100` of `code` at time `at` (default now)."""
    at = at or now_iso()
    row = db.execute(
        "SELECT hours_x100, further_hours_x100 FROM work_catalog_rates "
        "WHERE code = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1", [code, at]).fetchone()
    if row is None:
        row = db.execute("SELECT hours_x100, further_hours_x100 FROM work_catalog_rates "
                         "WHERE code = ? ORDER BY effective_from LIMIT 1", [code]).fetchone()
    if row is None:
        raise ValidationError(f"Unknown work code {code!r}: it is not in the work-hour catalog.", "code")
    return compute_hours(row[0], row[1], quantity_x100)


def catalog_codes(db: sqlite_utils.Database, include_retired: bool = False) -> set[str]:
    """Codes a work line may use: active ones (retired too when asked, for old lines)."""
    sql = "SELECT code FROM work_catalog" + ("" if include_retired else " WHERE active = 1")
    return {r[0] for r in db.execute(sql)}


def list_catalog(db: sqlite_utils.Database, include_retired: bool = True,
                 at: str | None = None) -> list[CatalogItem]:
    """Items with the rate in force at `at` (default now), in catalog order."""
    at = at or now_iso()
    book = load_rates(db)
    items = []
    for code, name, unit, active, order in db.execute(
            "SELECT code, name, unit, active, sort_order FROM work_catalog ORDER BY sort_order, code"):
        if not active and not include_retired:
            continue
        times = book._times.get(code, [])
        i = max(bisect.bisect_right(times, at) - 1, 0)
        hours, further = book.rate(code, at) or (0, None)
        items.append(CatalogItem(code, name, unit, hours, further, bool(active), order,
                                 times[i] if times else ""))
    return items


def get_item(db: sqlite_utils.Database, code: str, at: str | None = None) -> CatalogItem:
    for item in list_catalog(db, True, at):
        if item.code == code:
            return item
    raise NotFound(f"Work code {code} is not in the catalog.", "code")


def rate_history(db: sqlite_utils.Database, code: str) -> list[CatalogRate]:
    return [CatalogRate(*r) for r in db.execute(
        "SELECT code, effective_from, hours_x100, further_hours_x100, created_at, created_by "
        "FROM work_catalog_rates WHERE code = ? ORDER BY effective_from", [code])]


def pending_rate_changes(db: sqlite_utils.Database, at: str | None = None) -> list[CatalogRate]:
    """Rates that take effect after `at` (scheduled re-rates), for the editor."""
    return [CatalogRate(*r) for r in db.execute(
        "SELECT code, effective_from, hours_x100, further_hours_x100, created_at, created_by "
        "FROM work_catalog_rates WHERE effective_from > ? ORDER BY effective_from", [at or now_iso()])]


# ------------------------------------------------------------------ changes
def _clean_code(code: str) -> str:
    text = normalise_text(code).upper()
    if not _CODE.match(text):
        raise ValidationError(
            "Code must be 2–40 capital letters, digits or _ and start with a letter (e.g. JACK_TC).", "code")
    return text


def _clean_hours(value: int | None, field: str, required: bool) -> int | None:
    if value is None:
        if required:
            raise ValidationError("Hours are required.", field)
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError("Hours must be zero or more (in hundredths of an hour).", field)
    if value > 10_000_00:
        raise ValidationError("Hours look too large (more than 10 000 h).", field)
    return value


def _clean_effective(db: sqlite_utils.Database, effective_from: str | None) -> str:
    """Default now; never inside or before a locked pay month."""
    when = parse_datetime(effective_from, "effective_from") if effective_from else now_iso()
    last = db.execute("SELECT MAX(month) FROM pay_months WHERE status = 'locked'").fetchone()[0]
    if last:
        year, mon = int(last[:4]), int(last[5:7])
        after = f"{year + mon // 12:04d}-{mon % 12 + 1:02d}-01 00:00:00"
        if when < after:
            raise ValidationError(
                f"Pay month {last} is approved and locked: a rate change can take effect "
                f"from {after[:10]} at the earliest.", "effective_from")
    return when


def _log(db: sqlite_utils.Database, who: str, action: str, detail: str) -> None:
    """The pay log and the audit trail (a catalog change is a manager action)."""
    db["pay_log"].insert({"at": now_iso(), "who": who, "action": action, "month": "", "detail": detail})
    record_action(db, action, detail.split(":")[0].split(" ")[0], None, detail)


def add_item(db: sqlite_utils.Database, code: str, name: str, unit: str, hours_x100: int,
             further_hours_x100: int | None = None, *, effective_from: str | None = None,
             who: str = "") -> CatalogItem:
    """A new kind of work (another industry's job, a new crane model)."""
    code = _clean_code(code)
    name = require_text(name, "name", "Name")
    unit = normalise_text(unit)
    hours = _clean_hours(hours_x100, "hours_x100", True)
    further = _clean_hours(further_hours_x100, "further_hours_x100", False)
    with transaction(db):
        if db.execute("SELECT 1 FROM work_catalog WHERE code = ?", [code]).fetchone():
            raise ValidationError(f"Code {code} already exists (codes are never reused).", "code")
        since = _clean_effective(db, effective_from)
        stamp = now_iso()
        order = (db.execute("SELECT MAX(sort_order) FROM work_catalog").fetchone()[0] or 0) + 10
        db["work_catalog"].insert({"code": code, "name": name, "unit": unit, "active": 1,
                                  "sort_order": order, "created_at": stamp, "updated_at": stamp})
        db["work_catalog_rates"].insert({"code": code, "effective_from": since, "hours_x100": hours,
                                        "further_hours_x100": further, "created_at": stamp,
                                        "created_by": who})
        _log(db, who, "catalog_add", f"{code} {name} {hours / 100:g} h/{unit} from {since}")
    return get_item(db, code, since)


def rename_item(db: sqlite_utils.Database, code: str, name: str, unit: str | None = None,
                who: str = "") -> CatalogItem:
    """Names and units are labels: renaming changes no figure, so it needs no date."""
    name = require_text(name, "name", "Name")
    with transaction(db):
        row = db.execute("SELECT name, unit FROM work_catalog WHERE code = ?", [code]).fetchone()
        if row is None:
            raise NotFound(f"Work code {code} is not in the catalog.", "code")
        new_unit = row[1] if unit is None else normalise_text(unit)
        db.execute("UPDATE work_catalog SET name = ?, unit = ?, updated_at = ? WHERE code = ?",
                   [name, new_unit, now_iso(), code])
        _log(db, who, "catalog_rename", f"{code}: {row[0]} -> {name}")
    return get_item(db, code)


def rerate_item(db: sqlite_utils.Database, code: str, hours_x100: int,
                further_hours_x100: int | None = None, *, effective_from: str | None = None,
                who: str = "") -> CatalogRate:
    """New hours for work completed from `effective_from` (default now) on."""
    hours = _clean_hours(hours_x100, "hours_x100", True)
    further = _clean_hours(further_hours_x100, "further_hours_x100", False)
    with transaction(db):
        if not db.execute("SELECT 1 FROM work_catalog WHERE code = ?", [code]).fetchone():
            raise NotFound(f"Work code {code} is not in the catalog.", "code")
        since = _clean_effective(db, effective_from)
        stamp = now_iso()
        db.execute(
            "INSERT INTO work_catalog_rates (code, effective_from, hours_x100, further_hours_x100, "
            "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(code, effective_from) DO UPDATE SET hours_x100 = excluded.hours_x100, "
            "further_hours_x100 = excluded.further_hours_x100, created_at = excluded.created_at, "
            "created_by = excluded.created_by",
            [code, since, hours, further, stamp, who])
        db.execute("UPDATE work_catalog SET updated_at = ? WHERE code = ?", [stamp, code])
        _log(db, who, "catalog_rerate",
             f"{code}: {hours / 100:g} h" + (f" (+{further / 100:g} h each further)" if further is not None else "")
             + f" from {since}")
    return CatalogRate(code, since, hours, further, stamp, who)


def set_item_active(db: sqlite_utils.Database, code: str, active: bool, who: str = "") -> CatalogItem:
    """Retire (or bring back) a code: retired codes cannot be used for new work."""
    with transaction(db):
        if not db.execute("SELECT 1 FROM work_catalog WHERE code = ?", [code]).fetchone():
            raise NotFound(f"Work code {code} is not in the catalog.", "code")
        db.execute("UPDATE work_catalog SET active = ?, updated_at = ? WHERE code = ?",
                   [int(active), now_iso(), code])
        _log(db, who, "catalog_restore" if active else "catalog_retire", code)
    return get_item(db, code)


def retire_item(db: sqlite_utils.Database, code: str, who: str = "") -> CatalogItem:
    return set_item_active(db, code, False, who)
