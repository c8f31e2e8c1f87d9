"""The lines behind the KPI figures and the figures themselves, as dataclasses.

Each figure's numerator and denominator stay visible (TicketDecision,
CallLine, CountLine say why a ticket or call counts), so the KPI tab, the
workbook and head office can show and re-check them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


from servicedesk.models.tickets import rules as R
from servicedesk.models.followups.vocabulary import KIND_LABELS, SATISFACTION_LABELS, SATISFIED
from servicedesk.models.kpi.rates import Rate, mean_percent
# From where they are defined, not the tickets' public face (lifecycle loads
# parts, pay, follow-ups and the archive: ~100 ms the figures do not need).
from servicedesk.models.tickets.records import RESULT_LABELS as RESULT_WORDS
from servicedesk.models.tickets.records import TYPE_LABELS as TYPE_WORDS


# ---------------------------------------------------------------- the lines behind the figures
@dataclass
class TicketDecision:
    """One repair counted in the month, with both decisions and why."""

    id: int
    no: str
    type: str
    fault_level: int | None
    customer_name: str
    equipment: str
    dealer: str
    technicians: str
    technician_ids: tuple[int, ...]
    reported_at: str
    arrived_at: str | None
    completed_at: str | None
    result: str | None
    deadline: str | None
    on_time: bool
    on_time_why: str
    next_no: str | None
    next_reported_at: str | None
    successful: bool
    success_why: str

    @property
    def type_label(self) -> str:
        return TYPE_WORDS.get(self.type, self.type)

    @property
    def level_label(self) -> str:
        return R.LEVEL_LABELS.get(self.fault_level, "") if self.fault_level else ""

    @property
    def result_label(self) -> str:
        return RESULT_WORDS.get(self.result or "", "")

    @property
    def missing_arrival(self) -> bool:
        return self.fault_level != 4 and not self.arrived_at


@dataclass
class CallLine:
    """One call counted in the month (reached the customer)."""

    id: int
    followup_id: int
    kind: str
    called_at: str
    caller: str
    customer_name: str
    phone: str
    dealer: str
    ticket_no: str
    satisfaction: str | None
    complaint: str
    complaint_ticket_no: str
    suggestions: str
    technician_ids: tuple[int, ...] = ()

    @property
    def satisfied(self) -> bool:
        return self.satisfaction in SATISFIED

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def satisfaction_label(self) -> str:
        return SATISFACTION_LABELS.get(self.satisfaction or "", "")


@dataclass
class CountLine:
    """One part counted in a stock count of the month."""

    count_id: int
    count_date: str
    part_code: str
    name: str
    spec: str
    book_qty: int
    counted_qty: int | None

    @property
    def matches(self) -> bool:
        return self.counted_qty is not None and self.counted_qty == self.book_qty

    @property
    def difference(self) -> int | None:
        return None if self.counted_qty is None else self.counted_qty - self.book_qty


class _SatisfactionRate:
    """Satisfaction = satisfied calls / calls that reached the customer, for
    the office, a technician or a dealer alike."""

    satisfied: int
    calls_reached: int

    @property
    def satisfaction(self) -> Rate:
        return Rate(self.satisfied, self.calls_reached)


class _RepairRates(_SatisfactionRate):
    """On-time and success rates over the repairs counted (office or technician)."""

    repairs: int
    on_time: int
    successful: int

    @property
    def on_time_rate(self) -> Rate:
        return Rate(self.on_time, self.repairs)

    @property
    def success_rate(self) -> Rate:
        return Rate(self.successful, self.repairs)


@dataclass
class TechnicianKpi(_RepairRates):
    technician_id: int
    name: str
    repairs: int = 0
    on_time: int = 0
    successful: int = 0
    calls_reached: int = 0
    satisfied: int = 0
    grade: str | None = None

    @property
    def rates(self) -> tuple[Rate, ...]:
        return (self.on_time_rate, self.success_rate, self.satisfaction)


@dataclass
class DealerKpi(_SatisfactionRate):
    name: str
    calls_reached: int = 0
    satisfied: int = 0


@dataclass
class MonthKpi(_RepairRates):
    month: str
    office: str
    repairs: int
    on_time: int
    successful: int
    calls_reached: int
    satisfied: int
    parts_counted: int
    parts_matching: int
    grade: str | None
    technicians: list[TechnicianKpi] = field(default_factory=list)
    dealers: list[DealerKpi] = field(default_factory=list)

    @property
    def stock_accuracy(self) -> Rate:
        return Rate(self.parts_matching, self.parts_counted)

    @property
    def rates(self) -> tuple[Rate, ...]:
        return (self.on_time_rate, self.success_rate, self.satisfaction, self.stock_accuracy)

    @property
    def mean(self) -> float | None:
        return mean_percent(self.rates)

    def to_json(self) -> dict[str, Any]:
        """Exactly the shape of `servicedesk kpi YYYY-MM --json` (rates in %, 2 decimals)."""
        return {
            "month": self.month,
            "repairs": self.repairs,
            "on_time": self.on_time,
            "on_time_rate": self.on_time_rate.percent,
            "successful": self.successful,
            "success_rate": self.success_rate.percent,
            "calls_reached": self.calls_reached,
            "satisfied": self.satisfied,
            "satisfaction": self.satisfaction.percent,
            "parts_counted": self.parts_counted,
            "parts_matching": self.parts_matching,
            "stock_accuracy": self.stock_accuracy.percent,
            "grade": self.grade,
            "technicians": [{"name": t.name, "repairs": t.repairs, "on_time_rate": t.on_time_rate.percent,
                             "success_rate": t.success_rate.percent, "satisfaction": t.satisfaction.percent,
                             "grade": t.grade} for t in self.technicians],
            "dealers": [{"name": d.name, "calls_reached": d.calls_reached,
                         "satisfaction": d.satisfaction.percent} for d in self.dealers],
        }
