"""Attendance: days worked and long-trip days per technician and month.

They give the living allowance on the slip. Entered in the pay tab's grid or
imported from a sheet (one row per person, refused whole on a repeated name);
both refuse a locked month.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.importing import (
    Column, ExchangeKind, RowContext, RowRejected, SheetSpec, collect_field_errors,
)
from servicedesk.models.core.settings import settings_for_month
from servicedesk.models.core.validation import normalise_text, parse_int
from servicedesk.models.pay.lookups import _technician, find_technician_id
from servicedesk.models.pay.months import current_month, days_in_month, ensure_month_open, parse_month
from servicedesk.models.pay.records import AttendanceRow
from servicedesk.models.pay.rules import allowance_fen

def _clean_attendance(month: str, days_worked: object, long_trip_days: object) -> tuple[int, int]:
    days = parse_int(days_worked, "days_worked", required=True, minimum=0)
    trips = parse_int(long_trip_days, "long_trip_days", minimum=0, default=0)
    limit = days_in_month(month)
    if days > limit:
        raise ValidationError(f"{month} has only {limit} days; days worked cannot be {days}.", "days_worked")
    if trips > days:
        raise ValidationError(f"Long-trip days ({trips}) cannot exceed days worked ({days}).",
                              "long_trip_days")
    return days, trips


def _write_attendance(db: sqlite_utils.Database, month: str, technician_id: int, days: int, trips: int,
                      who: str) -> None:
    db.execute(
        "INSERT INTO pay_attendance (month, technician_id, days_worked, long_trip_days, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(month, technician_id) DO UPDATE SET "
        "days_worked = excluded.days_worked, long_trip_days = excluded.long_trip_days, "
        "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        [month, technician_id, days, trips, now_iso(), who])


def set_attendance(db: sqlite_utils.Database, month: str, technician_id: int, days_worked: object,
                   long_trip_days: object = 0, who: str = "") -> AttendanceRow:
    """Days worked and long-trip days (远差) of one technician in one month."""
    month = parse_month(month)
    days, trips = _clean_attendance(month, days_worked, long_trip_days)
    with transaction(db):
        tech = _technician(db, technician_id)
        ensure_month_open(db, month)
        _write_attendance(db, month, technician_id, days, trips, who)
    per_day = int(settings_for_month(db, month, "pay.")["pay.living_allowance_per_day_fen"])
    return AttendanceRow(tech[0], tech[1], tech[2], days, trips, allowance_fen(days, trips, per_day), True)


def attendance_grid(db: sqlite_utils.Database, month: str) -> list[AttendanceRow]:
    """Every active technician (and anyone with a record) for the month's grid."""
    month = parse_month(month)
    per_day = int(settings_for_month(db, month, "pay.")["pay.living_allowance_per_day_fen"])
    rows = []
    for tid, name, role, days, trips in db.execute(
            "SELECT t.id, t.name, t.role, a.days_worked, a.long_trip_days FROM technicians t "
            "LEFT JOIN pay_attendance a ON a.technician_id = t.id AND a.month = ? "
            "WHERE t.active = 1 OR a.month IS NOT NULL "
            "ORDER BY t.role != 'supervisor', t.id", [month]):
        rows.append(AttendanceRow(tid, name, role, days or 0, trips or 0,
                                  allowance_fen(days or 0, trips or 0, per_day), days is not None))
    return rows


ATTENDANCE_SPEC = SheetSpec("attendance", "出勤", (
    Column("technician", "姓名", "须与服务人员档案中的姓名一致，如 张伟；每人一行（同一人出现两次整表不导入）",
           required=True, width=12),
    Column("days_worked", "出勤天数", "当月实际出勤天数（整数），如 24", required=True, width=10, kind="int"),
    Column("long_trip_days", "远差天数", "出勤中远差的天数，远差不发生活补贴，如 6；空白 = 0", width=10,
           kind="int"),
))


def _attendance_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    month_opt = ctx.options.get("month")
    if not month_opt:
        raise ValidationError("Give the month of the attendance: --month YYYY-MM.", "month")
    month = parse_month(month_opt)
    parsed = collect_field_errors(ctx, {
        "technician": lambda: find_technician_id(db, values.get("technician")),
        "days_worked": lambda: parse_int(values.get("days_worked"), "days_worked", required=True, minimum=0),
        "long_trip_days": lambda: parse_int(values.get("long_trip_days"), "long_trip_days", minimum=0,
                                            default=0),
    })
    # One row per person: a second row for the same technician would silently
    # overwrite the first (last wins), so it is refused like a stock count's.
    # The rows seen are kept per import run (keyed by that run's problem list).
    seen_state = ctx.options.get("_attendance_seen")
    if seen_state is None or seen_state[0] is not ctx.problems:
        seen_state = (ctx.problems, {})
        ctx.options["_attendance_seen"] = seen_state
    seen: dict[int, int] = seen_state[1]
    if parsed["technician"] in seen:
        ctx.problem("technician", f"{normalise_text(values.get('technician'))} appears more than once in this "
                                  f"sheet (also row {seen[parsed['technician']]})")
        raise RowRejected
    seen[parsed["technician"]] = row
    days, trips = _clean_attendance(month, parsed["days_worked"], parsed["long_trip_days"])
    ensure_month_open(db, month)
    existed = db.execute("SELECT 1 FROM pay_attendance WHERE month = ? AND technician_id = ?",
                         [month, parsed["technician"]]).fetchone()
    _write_attendance(db, month, parsed["technician"], days, trips, str(ctx.options.get("who") or ""))
    return "updated" if existed else "created"


def _export_attendance(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """This month's grid (every active technician), ready to fill in and import."""
    return [{"technician": r.name, "days_worked": r.days_worked, "long_trip_days": r.long_trip_days}
            for r in attendance_grid(db, current_month())]


# No sample rows: an untouched template imported must not book attendance for
# an invented person; examples live in the column notes.
ATTENDANCE_SHEET = ExchangeKind(ATTENDANCE_SPEC, _attendance_row, _export_attendance)
