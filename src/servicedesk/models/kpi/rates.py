"""Months, rates and grades: the arithmetic every KPI figure shares.

A Rate keeps its numerator and denominator, so a figure can always be
recomputed (head office sums numerators and denominators, never averages
percentages); a zero denominator is None, shown —."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Iterable


from servicedesk.models.core.errors import ValidationError


GRADES = ("优秀", "良好", "合格", "不合格")
DASH = "—"


# ---------------------------------------------------------------- months
def parse_month(value: object, field: str = "month") -> str:
    """'2026-10' (also 2026/10, 2026-1, 2026年10月) -> '2026-10'."""
    text = str(value or "").strip()
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?", text)
    if not m or not 1 <= int(m[2]) <= 12:
        raise ValidationError(f'"{text}" is not a month (use 2026-10)', field)
    return f"{int(m[1]):04d}-{int(m[2]):02d}"


def month_bounds(month: str) -> tuple[str, str]:
    """[first moment of the month, first moment of the next month)."""
    month = parse_month(month)
    year, mon = int(month[:4]), int(month[5:])
    nxt = f"{year + (mon == 12):04d}-{mon % 12 + 1:02d}"
    return f"{month}-01 00:00:00", f"{nxt}-01 00:00:00"


def shift_month(month: str, delta: int) -> str:
    year, mon = int(month[:4]), int(month[5:])
    index = year * 12 + mon - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def current_month(today: _dt.date | None = None) -> str:
    return (today or _dt.date.today()).strftime("%Y-%m")


# ---------------------------------------------------------------- rates and grades
@dataclass(frozen=True)
class Rate:
    """numerator / denominator, exact. None when the denominator is zero."""

    num: int
    den: int

    @property
    def value(self) -> Fraction | None:
        return Fraction(self.num, self.den) if self.den else None

    @property
    def percent(self) -> float | None:
        """77.27 for 17/22: two decimals, rounded half up (the JSON and UI figure)."""
        if not self.den:
            return None
        exact = Decimal(self.num * 100) / Decimal(self.den)
        return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    @property
    def fraction(self) -> float | None:
        """0.772727… for a workbook cell formatted 0.00%."""
        return self.num / self.den if self.den else None

    @property
    def text(self) -> str:
        pct = self.percent
        return DASH if pct is None else f"{pct:.2f}%"


def grade_for(rates: Iterable[Rate], settings: dict[str, Any]) -> str | None:
    """Grade from the mean of the rates that exist; None when none exists."""
    values = [r.value for r in rates if r.value is not None]
    if not values:
        return None
    mean = sum(values, Fraction(0)) / len(values) * 100
    if mean >= Fraction(str(settings.get("kpi.grade.excellent", 95))):
        return GRADES[0]
    if mean >= Fraction(str(settings.get("kpi.grade.good", 90))):
        return GRADES[1]
    if mean >= Fraction(str(settings.get("kpi.grade.pass", 80))):
        return GRADES[2]
    return GRADES[3]


def mean_percent(rates: Iterable[Rate]) -> float | None:
    values = [r.value for r in rates if r.value is not None]
    if not values:
        return None
    mean = sum(values, Fraction(0)) / len(values) * 100
    exact = Decimal(mean.numerator) / Decimal(mean.denominator)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
