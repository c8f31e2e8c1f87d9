"""The checksum that lets head office trust a branch's monthly workbook.

A workbook says which office and month it is for, which department code and
program version wrote it, and the numerators and denominators of every figure
(office, per technician, per dealer) with the grades. Those facts, written as
one canonical text, are hashed with SHA-256; the workbook keeps the hash (and
the text) in a hidden sheet, and the month-close record keeps the same hash.
Head office reads the figures back from the visible sheets, builds the same
text and compares: a figure typed over in Excel no longer matches.

The canonical text is JSON with sorted keys, no spaces, UTF-8 characters as
they are, technicians and dealers sorted — so the same figures give the same
text whatever the order of rows in the sheet. Rates are not in the text: they
follow from the numerators and denominators (the reader checks each rate
cell against them instead, as a float in a cell may not round-trip exactly).

This is a check against hand edits and damaged files, not a signature: the
algorithm is public, so someone determined could recompute the hash.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from servicedesk import __version__
from servicedesk.models.kpi.figures import DealerKpi, MonthKpi, TechnicianKpi

FORMAT_NAME = "ServiceDesk 售后服务月报"
FORMAT_VERSION = 1
ALGORITHM = "SHA-256"

# Office figures in the order of the canonical text's keys (sorted anyway).
OFFICE_COUNTS = ("repairs", "on_time", "successful", "calls_reached", "satisfied", "parts_counted",
                 "parts_matching")
TECHNICIAN_COUNTS = ("repairs", "on_time", "successful", "calls_reached", "satisfied")
DEALER_COUNTS = ("calls_reached", "satisfied")


@dataclass(frozen=True)
class WorkbookStamp:
    """Who wrote the workbook, for which month: the identity head office checks."""

    office: str
    department_code: str
    month: str
    program_version: str = __version__


@dataclass
class BranchFigures:
    """One branch's month as head office needs it: the stamp and the counts.
    `kpi` holds the office counts, grade, technicians and dealers (grades as
    the branch computed them); technician ids are not part of it."""

    stamp: WorkbookStamp
    kpi: MonthKpi

    @property
    def office(self) -> str:
        return self.stamp.office

    @property
    def month(self) -> str:
        return self.stamp.month


def report_figures(report: Any) -> BranchFigures:
    """The figures of a month's KpiReport (what the workbook writes)."""
    kpi = report.kpi
    return BranchFigures(WorkbookStamp(kpi.office, getattr(report, "department_code", ""), kpi.month), kpi)


def _technician(t: TechnicianKpi) -> dict[str, Any]:
    return {"name": t.name, "grade": t.grade, **{k: int(getattr(t, k)) for k in TECHNICIAN_COUNTS}}


def _dealer(d: DealerKpi) -> dict[str, Any]:
    return {"name": d.name, **{k: int(getattr(d, k)) for k in DEALER_COUNTS}}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical_document(fig: BranchFigures) -> dict[str, Any]:
    """The facts the checksum covers, as plain data (also used to say what differs)."""
    k = fig.kpi
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "office": fig.stamp.office or "",
        "department_code": fig.stamp.department_code or "",
        "month": fig.stamp.month,
        "program_version": fig.stamp.program_version or "",
        "figures": {"grade": k.grade, **{key: int(getattr(k, key)) for key in OFFICE_COUNTS}},
        "technicians": sorted((_technician(t) for t in k.technicians), key=_dump),
        "dealers": sorted((_dealer(d) for d in k.dealers), key=_dump),
    }


def canonical_text(fig: BranchFigures) -> str:
    return _dump(canonical_document(fig))


def text_checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def figures_checksum(fig: BranchFigures) -> str:
    """SHA-256 (hex) of the canonical text: the workbook's and the month close's checksum."""
    return text_checksum(canonical_text(fig))


# Sheet words for the differences (the person compares them with the sheets).
_LABELS = {
    "repairs": "维修数", "on_time": "及时数", "successful": "成功数", "calls_reached": "回访接通数",
    "satisfied": "满意数", "parts_counted": "盘点品种数", "parts_matching": "账实相符品种数", "grade": "等级",
    "office": "服务部", "department_code": "部门代码", "month": "月份", "program_version": "程序版本",
}


# 汇总 shows the office counts as the numerators and denominators of its rows.
_SUMMARY_LABELS = {
    "repairs": "维修及时率/维修成功率 分母", "on_time": "维修及时率 分子", "successful": "维修成功率 分子",
    "calls_reached": "客户满意度 分母", "satisfied": "客户满意度 分子", "parts_counted": "配件库存准确率 分母",
    "parts_matching": "配件库存准确率 分子", "grade": "等级",
}


def _shown(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)


def differences(recorded: dict[str, Any], fig: BranchFigures, limit: int = 5) -> list[str]:
    """What differs between the document recorded when the workbook was written
    and the figures read from its sheets, in the sheets' words
    ('汇总 维修数 6 → 7', '技术员 张伟 及时数 2 → 3', '经销商 多出 某某')."""
    now = canonical_document(fig)
    out: list[str] = []
    for key in ("office", "department_code", "month", "program_version"):
        if recorded.get(key) != now[key]:
            out.append(f"汇总 {_LABELS[key]} {_shown(recorded.get(key))} → {_shown(now[key])}")
    before = recorded.get("figures") or {}
    for key in ("grade", *OFFICE_COUNTS):
        if before.get(key) != now["figures"][key]:
            out.append(f"汇总 {_SUMMARY_LABELS[key]} {_shown(before.get(key))} → {_shown(now['figures'][key])}")
    for group, sheet, keys in (("technicians", "技术员", ("grade", *TECHNICIAN_COUNTS)),
                               ("dealers", "经销商", DEALER_COUNTS)):
        old = {r.get("name"): r for r in recorded.get(group) or []}
        new = {r["name"]: r for r in now[group]}
        for name in sorted(set(old) | set(new), key=str):
            if name not in new:
                out.append(f"{sheet} 缺少 {name}")
            elif name not in old:
                out.append(f"{sheet} 多出 {name}")
            else:
                out.extend(f"{sheet} {name} {_LABELS[k]} {_shown(old[name].get(k))} → {_shown(new[name][k])}"
                           for k in keys if old[name].get(k) != new[name][k])
    if not out and recorded != now:
        out.append("记录的数据与表中数据不一致")
    return out[:limit] + ([f"…（共 {len(out)} 处）"] if len(out) > limit else [])
