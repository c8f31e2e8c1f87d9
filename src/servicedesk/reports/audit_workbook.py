"""The audit trail as a workbook (设置 ▸ 操作日志 ▸ 导出), written atomically."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook

from servicedesk.models.core.audit import AuditEntry
from servicedesk.reports.files import save_workbook

HEADERS = ("时间", "操作人", "操作", "对象", "原值", "新值")


def export_audit(entries: list[AuditEntry], out: str | os.PathLike) -> Path:
    """One row per entry, oldest first; a failed write leaves no half workbook (files.save_workbook)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "操作日志"
    ws.append(HEADERS)
    for e in entries:
        ws.append([e.at, e.who, e.action, e.target, e.old or "", e.new or ""])
    for col, width in zip("ABCDEF", (20, 22, 22, 36, 24, 24)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    return save_workbook(wb, out)
