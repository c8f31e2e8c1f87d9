"""What went to head office: the record of each month's workbook sent (its
hash, the figures in it and their checksum) and the comparison of those
figures with the same month recomputed now ('this changes the figures already
sent'). Split from kpi/month.py, which re-exports these names; recording a
send and recomputing need month_kpi and stay there.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from servicedesk.models.kpi.rates import DASH, parse_month

@dataclass(frozen=True)
class SentRecord:
    id: int
    month: str
    sent_at: str
    sent_by: str
    file_name: str
    workbook_sha256: str
    figures: dict[str, Any]
    figures_sha256: str = ""     # the checksum inside the workbook (models/kpi/checksum.py)


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sent_record(db: sqlite_utils.Database, month: str) -> SentRecord | None:
    row = db.execute("SELECT id, month, sent_at, sent_by, file_name, workbook_sha256, figures, figures_sha256 "
                     "FROM kpi_sends WHERE month = ? ORDER BY sent_at DESC, id DESC LIMIT 1",
                     [parse_month(month)]).fetchone()
    return SentRecord(*row[:6], json.loads(row[6]), row[7] or "") if row else None


def sent_months(db: sqlite_utils.Database, limit: int = 12) -> list[SentRecord]:
    """The latest send of each of the most recent `limit` sent months."""
    rows = db.execute("""
        SELECT s.id, s.month, s.sent_at, s.sent_by, s.file_name, s.workbook_sha256, s.figures, s.figures_sha256
        FROM kpi_sends s WHERE s.id = (SELECT s2.id FROM kpi_sends s2 WHERE s2.month = s.month
                                        ORDER BY s2.sent_at DESC, s2.id DESC LIMIT 1)
        ORDER BY s.month DESC LIMIT ?""", [limit]).fetchall()
    return [SentRecord(*r[:6], json.loads(r[6]), r[7] or "") for r in rows]


FIGURE_LABELS = {
    "repairs": "维修数", "on_time": "及时数", "on_time_rate": "维修及时率", "successful": "成功数",
    "success_rate": "维修成功率", "calls_reached": "回访接通数", "satisfied": "满意数",
    "satisfaction": "客户满意度", "parts_counted": "盘点品种数", "parts_matching": "账实相符品种数",
    "stock_accuracy": "配件库存准确率", "grade": "等级",
}


@dataclass(frozen=True)
class FigureChange:
    label: str            # e.g. 维修及时率 or 技术员 张伟 维修成功率
    sent: Any
    now: Any


@dataclass(frozen=True)
class SentChange:
    """A sent month whose figures, recomputed now, differ from what was sent."""

    record: SentRecord
    changes: list[FigureChange]


def _fmt_figure(key: str, value: Any) -> Any:
    if value is None:
        return DASH
    if key.endswith("rate") or key in ("satisfaction", "stock_accuracy"):
        return f"{value:.2f}%"
    return value


def compare_figures(sent: dict[str, Any], now: dict[str, Any]) -> list[FigureChange]:
    changes = [FigureChange(label, _fmt_figure(k, sent.get(k)), _fmt_figure(k, now.get(k)))
               for k, label in FIGURE_LABELS.items() if sent.get(k) != now.get(k)]
    for group, word, keys in (("technicians", "技术员", ("repairs", "on_time_rate", "success_rate",
                                                       "satisfaction", "grade")),
                              ("dealers", "经销商", ("calls_reached", "satisfaction"))):
        before = {r["name"]: r for r in sent.get(group, [])}
        after = {r["name"]: r for r in now.get(group, [])}
        for name in sorted(set(before) | set(after)):
            a, b = before.get(name, {}), after.get(name, {})
            for k in keys:
                if a.get(k) != b.get(k) and not (a.get(k) in (None, 0) and b.get(k) in (None, 0)
                                                  and (not a or not b)):
                    changes.append(FigureChange(f"{word} {name} {FIGURE_LABELS.get(k, k)}",
                                                _fmt_figure(k, a.get(k)), _fmt_figure(k, b.get(k))))
    return changes


def sent_months_touched(db: sqlite_utils.Database, *moments: str | None) -> list[str]:
    """Sent months that contain any of these moments (for a 'this changes the
    figures already sent' warning before saving a change)."""
    months = sorted({str(m)[:7] for m in moments if m})
    if not months:
        return []
    marks = ",".join("?" * len(months))
    return [r[0] for r in db.execute(f"SELECT DISTINCT month FROM kpi_sends WHERE month IN ({marks}) "
                                     "ORDER BY month", months)]
