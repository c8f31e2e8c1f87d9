"""设置 ▸ 操作日志…: the audit trail, read-only, with a text filter and an xlsx export.

Nothing here can change an entry (the table refuses it anyway,
models/core/audit_schema.py): the viewer only reads list_entries.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from servicedesk.models.core.audit import list_entries
from servicedesk.ui.common import FittedDialog, debounce, show_error
from servicedesk.ui.context import AppContext


class AuditLogDialog(FittedDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("auditLogDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Filter:"), self))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("auditFilter")
        self.filter.setPlaceholderText(self.tr("text in any column, e.g. pay.rate or 张三"))
        self.filter.setClearButtonEnabled(True)
        row.addWidget(self.filter, 1)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([self.tr("At"), self.tr("Who"), self.tr("Action"), self.tr("Target"),
                                              self.tr("Old"), self.tr("New")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(debounce(self, self.reload))
        self.entries = []
        self.reload()

    def reload(self) -> None:
        self.entries = list_entries(self.ctx.db, text=self.filter.text())
        self.table.setRowCount(len(self.entries))
        for r, e in enumerate(reversed(self.entries)):  # newest first on screen
            for c, value in enumerate((e.at, e.who, e.action, e.target, e.old or "", e.new or "")):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def export(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export audit log"), "操作日志.xlsx",
                                                  self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        from servicedesk.reports.audit_workbook import export_audit  # openpyxl: only when exporting

        try:
            export_audit(self.entries, path)
        except Exception as exc:  # noqa: BLE001 - a failed export says which file and keeps the dialog
            show_error(self, exc)
            return
        self.ctx.status(self.tr("Audit log exported to %1").replace("%1", str(path)))
