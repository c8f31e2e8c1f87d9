"""The warranty decision (DOMAIN §1): in or out of warranty on a day, with the reason in words.

One function (`warranty_status`) decides for the new-ticket dialog, the
equipment list, the printed forms and the KPI; the calendar-month helpers
beside it are also what the dealer fee counts months with.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass

import sqlite_utils

from servicedesk.models.archive.equipment import equipment_for_customer
from servicedesk.models.archive.records import Equipment, EquipmentInput, WarrantyDecision
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.settings import get_setting
from servicedesk.models.core.standards import WARRANTY_EXCLUSIONS
from servicedesk.models.core.validation import normalise_text


def add_months(day: _dt.date, months: int) -> _dt.date:
    """Calendar months; a day the target month lacks (31st, Feb 29) falls back to its last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return _dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def warranty_end(start: _dt.date, months: int) -> _dt.date:
    """Last day of a warranty of `months` that starts (and counts) on `start`.

    The period ends the day before the same date `months` later:
    2025-12-01 + 12 months -> 2026-11-30. When the target month has no such
    date (2025-01-31 + 1 month, 2024-02-29 + 12 months) the whole target month
    is covered: 2025-02-28, 2025-02-28 — the clerk is never short-changed by
    a short month.
    """
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return _dt.date(year, month, last)
    return _dt.date(year, month, start.day) - _dt.timedelta(days=1)


def warranty_status(db: sqlite_utils.Database, equipment: Equipment | EquipmentInput,
                    on_date: str | _dt.date, *, exclusion: str | None = None,
                    override: str | None = None, override_reason: str = "",
                    default_months: int | None = None) -> WarrantyDecision:
    """In or out of warranty on `on_date`, with the reason in words (DOMAIN §1).

    Period: `warranty_months` of the equipment (else the setting, 12) from the
    acceptance date, else the purchase date; the start day and the last day
    both count. A 三包 exclusion (standards.WARRANTY_EXCLUSIONS key) puts a job
    inside the period out of warranty. A manual override ('in'/'out') needs a
    reason and wins over everything. `default_months` lets a list pass the
    setting once instead of reading it per row.
    """
    day = on_date if isinstance(on_date, _dt.date) else _dt.date.fromisoformat(str(on_date)[:10])
    if isinstance(day, _dt.datetime):
        day = day.date()
    if exclusion and exclusion not in WARRANTY_EXCLUSIONS:
        raise ValidationError(f"Unknown 三包 exclusion {exclusion!r}; choose one of: "
                              + ", ".join(WARRANTY_EXCLUSIONS), "warranty_exclusion")
    months = equipment.warranty_months
    if months is None:
        months = default_months if default_months is not None else int(
            get_setting(db, "warranty.months", 12))
    if equipment.acceptance_date:
        start_label, start = "验收日期", equipment.acceptance_date
    elif equipment.purchase_date:
        start_label, start = "购机日期", equipment.purchase_date
    else:
        start_label, start = "", None
    end = warranty_end(_dt.date.fromisoformat(start), months).isoformat() if start else None
    if override:
        if override not in ("in", "out"):
            raise ValidationError("The manual warranty decision must be 'in' or 'out'.", "warranty_override")
        reason = normalise_text(override_reason)
        if not reason:
            raise ValidationError("A manual warranty decision needs a reason.", "warranty_override_reason")
        word = "在保" if override == "in" else "保外"
        return WarrantyDecision(override == "in", f"{word}（人工判定）：{reason}", start, end,
                                exclusion, True)
    if not start:
        return WarrantyDecision(False, "保外：没有验收日期和购机日期，无法确定保修期", None, None, exclusion)
    period = f"自{start_label} {start} 起 {months} 个月"
    if end < start:  # warranty_months = 0
        return WarrantyDecision(False, f"保外：保修期为 0 个月（{start_label} {start}）", start, end, exclusion)
    if day.isoformat() > end:
        return WarrantyDecision(False, f"保外：{period}，已于 {end} 到期", start, end, exclusion)
    if exclusion:
        return WarrantyDecision(False, f"保外：三包除外——{WARRANTY_EXCLUSIONS[exclusion]}"
                                       f"（保修期{period}，至 {end}）", start, end, exclusion)
    if day.isoformat() < start:
        return WarrantyDecision(True, f"在保：{start_label} {start} 之前，保修至 {end}", start, end)
    return WarrantyDecision(True, f"在保：{period}，至 {end}", start, end)


@dataclass(frozen=True)
class EquipmentWarranty:
    """One row of a customer's equipment list: the record and its warranty today."""

    equipment: Equipment
    warranty: WarrantyDecision


def equipment_with_warranty(db: sqlite_utils.Database, customer_id: int,
                            on_date: str | _dt.date | None = None) -> list[EquipmentWarranty]:
    """The customer's equipment with each one's warranty decision on `on_date` (default today)."""
    day = on_date or _dt.date.today()
    months = int(get_setting(db, "warranty.months", 12))
    return [EquipmentWarranty(eq, warranty_status(db, eq, day, default_months=months))
            for eq in equipment_for_customer(db, customer_id)]
