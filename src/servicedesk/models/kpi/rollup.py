"""Head office's roll-up of the branches' monthly workbooks (DOMAIN §6). Pure.

Head office used to merge twenty branches by hand and average their
percentages. That is wrong: a branch with 3 repairs would weigh as much as
one with 300. Here every company figure is recomputed from the summed
numerators and denominators (Σ on time / Σ repairs …), a zero denominator
stays None ("—", null), and the grade comes from the same rule as a branch's
(rates.grade_for, thresholds from the head office's settings, so every
branch is judged alike and the ranking is fair).

The reading side (reports/rollup_workbook.py) turns each file into a
BranchInput (or a FileProblem). Here the inputs are checked together:
- the roll-up month is the one asked for, else the month most of the files
  named one by one are of (the latest on a tie), else — when only folders
  were given — the latest month found; a file named one by one of another
  month is refused;
- files found in a folder of earlier months feed the trend (later ones are
  left out); within each month a second workbook of the same office is
  refused, whichever way it was named.
Any problem refuses the whole roll-up (RollupRefused): head office gets all
the branches right or nothing, never a company figure missing a branch.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Iterable

from servicedesk.models.core.errors import DomainError
from servicedesk.models.kpi.checksum import BranchFigures, WorkbookStamp
from servicedesk.models.kpi.figures import MonthKpi, TechnicianKpi, _SatisfactionRate
from servicedesk.models.kpi.rates import grade_for, parse_month

COMPANY = "公司合计"


@dataclass(frozen=True)
class SourceFile:
    """One file read: where, its hashes and when it was read."""

    path: str
    name: str
    file_sha256: str
    figures_sha256: str
    read_at: str
    explicit: bool = True       # named one by one (False: found in a folder)


@dataclass
class BranchInput:
    source: SourceFile
    figures: BranchFigures


@dataclass(frozen=True)
class FileProblem:
    """Why a file cannot be rolled up; `message` names the file."""

    file: str
    message: str


class RollupRefused(DomainError):
    """One or more files were refused: nothing is written."""

    def __init__(self, problems: list[FileProblem]):
        super().__init__(f"{len(problems)} problem(s) in the branch workbooks; nothing was written.", "files")
        self.file_problems = list(problems)
        self.problems = [p.message for p in problems]


@dataclass
class BranchResult:
    """A branch in the company report: its figures graded by head office's rule."""

    source: SourceFile
    stamp: WorkbookStamp
    kpi: MonthKpi
    branch_grade: str | None          # the grade the branch's own workbook shows
    rank: int | None = None           # 1 = best mean of its rates; None when it has no rate

    @property
    def office(self) -> str:
        return self.stamp.office


@dataclass
class CompanyTechnician:
    office: str
    technician: TechnicianKpi          # grade recomputed with head office's rule


@dataclass
class CompanyDealer(_SatisfactionRate):
    """A dealer over every branch that called its customers (summed counts)."""

    name: str
    offices: tuple[str, ...] = ()
    calls_reached: int = 0
    satisfied: int = 0


@dataclass
class TrendMonth:
    month: str
    offices: int
    kpi: MonthKpi


@dataclass
class CompanyRollup:
    month: str
    company: MonthKpi
    branches: list[BranchResult]              # ranked: best first, unranked last
    technicians: list[CompanyTechnician]
    dealers: list[CompanyDealer]
    trend: list[TrendMonth]                   # oldest first, ends with `month`
    sources: list[BranchInput] = field(default_factory=list)   # every file used, roll-up month first

    def to_json(self) -> dict[str, Any]:
        """The shape of `servicedesk rollup --json`; rates rounded as `kpi --json`."""
        k = self.company
        return {
            "month": self.month,
            "offices": len(self.branches),
            "repairs": k.repairs,
            "on_time": k.on_time,
            "on_time_rate": k.on_time_rate.percent,
            "successful": k.successful,
            "success_rate": k.success_rate.percent,
            "calls_reached": k.calls_reached,
            "satisfied": k.satisfied,
            "satisfaction": k.satisfaction.percent,
            "parts_counted": k.parts_counted,
            "parts_matching": k.parts_matching,
            "stock_accuracy": k.stock_accuracy.percent,
            "grade": k.grade,
            "branches": [{"office": b.office, "repairs": b.kpi.repairs, "on_time_rate": b.kpi.on_time_rate.percent,
                          "success_rate": b.kpi.success_rate.percent, "satisfaction": b.kpi.satisfaction.percent,
                          "stock_accuracy": b.kpi.stock_accuracy.percent, "grade": b.kpi.grade}
                         for b in self.branches],
        }


# ---------------------------------------------------------------- checking the files together
def office_key(office: str) -> str:
    """Offices are the same when their names are, ignoring spaces and case."""
    return "".join(str(office or "").split()).casefold()


def rollup_month(inputs: Iterable[BranchInput], month: str | None = None) -> str | None:
    """The month to roll up (see the module docstring); None when nothing was read."""
    if month:
        return parse_month(month)
    inputs = list(inputs)
    named = Counter(i.figures.month for i in inputs if i.source.explicit)
    if named:
        return max(named.items(), key=lambda kv: (kv[1], kv[0]))[0]
    months = [i.figures.month for i in inputs]
    return max(months) if months else None


def check_inputs(inputs: list[BranchInput], month: str) -> tuple[dict[str, list[BranchInput]], list[FileProblem]]:
    """Group the inputs by month (up to `month`) and list what refuses them."""
    problems: list[FileProblem] = []
    groups: dict[str, list[BranchInput]] = {}
    for item in inputs:
        m = item.figures.month
        if item.source.explicit and m != month:
            name = item.source.name
            problems.append(FileProblem(item.source.path, DomainError(
                f"{name}: its month is {m}, the other workbooks are of {month}").message))
            continue
        if m > month:
            continue   # a later month in a folder: not part of this roll-up
        groups.setdefault(m, []).append(item)
    for m, items in groups.items():
        first: dict[str, BranchInput] = {}
        for item in items:
            key = office_key(item.figures.office)
            if key in first:
                name, other, office = item.source.name, first[key].source.name, item.figures.office
                problems.append(FileProblem(item.source.path, DomainError(
                    f"{name}: a second workbook of {office} for {m} (the first is {other})").message))
            else:
                first[key] = item
    if not problems and month not in groups:
        problems.append(FileProblem("", DomainError(f"No branch workbook of {month} was found.").message))
    return groups, problems


# ---------------------------------------------------------------- summing
def _mean(kpi: MonthKpi) -> Fraction | None:
    values = [r.value for r in kpi.rates if r.value is not None]
    return sum(values, Fraction(0)) / len(values) if values else None


def company_figures(month: str, branches: Iterable[MonthKpi], settings: dict[str, Any]) -> MonthKpi:
    """Σ numerators and Σ denominators of the branches; rates follow from them."""
    total = MonthKpi(month, COMPANY, 0, 0, 0, 0, 0, 0, 0, None)
    for k in branches:
        for key in ("repairs", "on_time", "successful", "calls_reached", "satisfied", "parts_counted",
                    "parts_matching"):
            setattr(total, key, getattr(total, key) + getattr(k, key))
    total.grade = grade_for(total.rates, settings)
    return total


def _regraded(kpi: MonthKpi, settings: dict[str, Any]) -> MonthKpi:
    copy = MonthKpi(kpi.month, kpi.office, kpi.repairs, kpi.on_time, kpi.successful, kpi.calls_reached,
                    kpi.satisfied, kpi.parts_counted, kpi.parts_matching, None)
    copy.grade = grade_for(copy.rates, settings)
    return copy


def rank_branches(branches: list[BranchResult]) -> list[BranchResult]:
    """Best mean of the existing rates first; equal means share a rank (1, 2, 2, 4);
    a branch with no rate at all has no rank and comes last. Office name breaks ties."""
    scored = sorted(((_mean(b.kpi), b) for b in branches),
                    key=lambda mb: (mb[0] is None, -(mb[0] or 0), mb[1].office))
    previous, rank = None, 0
    for position, (mean, branch) in enumerate(scored, start=1):
        if mean is None:
            branch.rank = None
            continue
        if mean != previous:
            rank, previous = position, mean
        branch.rank = rank
    return [b for _m, b in scored]


def _technicians(items: list[BranchInput], settings: dict[str, Any]) -> list[CompanyTechnician]:
    out = []
    for item in items:
        for t in item.figures.kpi.technicians:
            tech = TechnicianKpi(t.technician_id, t.name, t.repairs, t.on_time, t.successful, t.calls_reached,
                                 t.satisfied)
            tech.grade = grade_for(tech.rates, settings)
            out.append(CompanyTechnician(item.figures.office, tech))
    return sorted(out, key=lambda ct: (ct.office, ct.technician.name))


def _dealers(items: list[BranchInput]) -> list[CompanyDealer]:
    dealers: dict[str, CompanyDealer] = {}
    for item in items:
        for d in item.figures.kpi.dealers:
            entry = dealers.setdefault(d.name, CompanyDealer(d.name))
            entry.calls_reached += d.calls_reached
            entry.satisfied += d.satisfied
            if item.figures.office not in entry.offices:
                entry.offices = (*entry.offices, item.figures.office)
    for d in dealers.values():
        d.offices = tuple(sorted(d.offices))   # the same whatever order the files came in
    return sorted(dealers.values(), key=lambda d: d.name)


def roll_up(inputs: list[BranchInput], settings: dict[str, Any] | None = None, month: str | None = None,
            problems: Iterable[FileProblem] = ()) -> CompanyRollup:
    """The company report of the inputs, or RollupRefused listing every problem
    (those the reader found, passed in, and those found here)."""
    settings = settings or {}
    problems = list(problems)
    target = rollup_month(inputs, month)
    if target is None:
        raise RollupRefused(problems or [FileProblem("", DomainError("No branch workbook was found.").message)])
    groups, found = check_inputs(inputs, target)
    problems += found
    if problems:
        raise RollupRefused(problems)
    current = groups[target]
    branches = rank_branches([BranchResult(i.source, i.figures.stamp, _regraded(i.figures.kpi, settings),
                                           i.figures.kpi.grade) for i in current])
    trend = [TrendMonth(m, len(groups[m]), company_figures(m, (i.figures.kpi for i in groups[m]), settings))
             for m in sorted(groups)]
    company = trend[-1].kpi
    sources = current + [i for m in sorted(groups, reverse=True) if m != target for i in groups[m]]
    return CompanyRollup(target, company, branches, _technicians(current, settings), _dealers(current), trend,
                         sources)
