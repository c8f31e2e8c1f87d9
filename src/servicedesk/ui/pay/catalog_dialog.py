"""The work-hour catalog editor (工时标准): add, rename, re-rate, retire.

A re-rate takes effect from a date (default today) and applies to work
completed from then on; it cannot reach back into an approved month. The
history of a code's rates is shown under the list, so nobody wonders why an
old ticket is worth different hours.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableView, QVBoxLayout,
    QWidget,
)

from servicedesk.models.pay import catalog as K
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.models.pay.schema import CATALOG_EPOCH
from servicedesk.models.core.validation import parse_hundredths
from servicedesk.ui.common import show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.pay.dialog_common import PayFormDialog
from servicedesk.ui.table_model import ColumnDef, RecordTableModel
from servicedesk.ui.common import FittedDialog


def _h(x100: int | None) -> str:
    return "" if x100 is None else f"{x100 / 100:.2f}".rstrip("0").rstrip(".")


def _parse_hours(text: str, field: str, required: bool) -> int | None:
    value = parse_hundredths(text, field, required=required)
    if value is not None and value < 0:
        raise ValidationError(QCoreApplication.translate("CatalogEditor", "Hours must be zero or more."), field)
    return value


class CatalogItemDialog(PayFormDialog):
    """mode: add | rename | rerate."""

    def __init__(self, ctx: AppContext, mode: str, item: K.CatalogItem | None = None,
                 parent: QWidget | None = None):
        titles = {"add": QCoreApplication.translate("CatalogEditor", "New work item"), "rename": QCoreApplication.translate("CatalogEditor", "Rename work item"), "rerate": QCoreApplication.translate("CatalogEditor", "New hours")}
        super().__init__(ctx, titles[mode], parent)
        self.setObjectName("catalogItemDialog")
        self.mode = mode
        self.item = item
        if mode == "add":
            self.code = self.line("code", QCoreApplication.translate("CatalogEditor", "Code (stable, never reused)"), "e.g. JACK_TC")
        else:
            self.set_intro(f"{item.code} · {item.name}")
        if mode in ("add", "rename"):
            self.name = self.line("name", QCoreApplication.translate("CatalogEditor", "Item name"), "", item.name if item else "")
            self.unit = self.line("unit", QCoreApplication.translate("CatalogEditor", "Unit"), QCoreApplication.translate("CatalogEditor", "e.g. 台, 节, 次"), item.unit if item else "")
        if mode in ("add", "rerate"):
            self.hours = self.line("hours_x100", QCoreApplication.translate("CatalogEditor", "Hours per unit"), "e.g. 2.7",
                                   _h(item.hours_x100) if item else "")
            self.further = self.line("further_hours_x100", QCoreApplication.translate("CatalogEditor", "Hours per further unit at the same site"),
                                     QCoreApplication.translate("CatalogEditor", "blank = same as the first unit"),
                                     _h(item.further_hours_x100) if item else "")
            self.effective = self.date("effective_from", QCoreApplication.translate("CatalogEditor", "Applies to work completed from"),
                                       QDate.currentDate().toString("yyyy-MM-dd"))
            self.set_intro((self.intro.text() + "\n" if item else "")
                           + QCoreApplication.translate(
                               "CatalogEditor", "Work completed before this date keeps its old hours; "
                               "approved months never change."))

    def save(self) -> object:
        db, who = self.ctx.db, self.ctx.user
        if self.mode == "rename":
            return K.rename_item(db, self.item.code, self.name.text(), self.unit.text(), who=who)
        hours = _parse_hours(self.hours.text(), "hours_x100", True)
        further = _parse_hours(self.further.text(), "further_hours_x100", False)
        since = self.effective.date().toString("yyyy-MM-dd")
        if self.mode == "add":
            return K.add_item(db, self.code.text(), self.name.text(), self.unit.text(), hours, further,
                              effective_from=since, who=who)
        return K.rerate_item(db, self.item.code, hours, further, effective_from=since, who=who)


class CatalogEditor(FittedDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.changed = False
        self.setObjectName("catalogEditor")
        self.setWindowTitle(self.tr("Work-hour catalog"))
        self.resize(1040, 600)
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("Standard work hours per job (工时标准). Codes are stable keys used by ticket work "
                              "lines; a new rate applies to work completed after its date."), self)
        hint.setWordWrap(True)
        lay.addWidget(hint)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.rename_button = QPushButton(self.tr("Re&name…"), self)
        self.rerate_button = QPushButton(self.tr("New &hours…"), self)
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        for b, slot in ((self.add_button, self.add_item), (self.rename_button, self.rename_item),
                        (self.rerate_button, self.rerate_item), (self.retire_button, self.toggle_active)):
            b.clicked.connect(slot)
            bar.addWidget(b)
        bar.addStretch(1)
        lay.addLayout(bar)
        split = QSplitter(Qt.Vertical, self)
        self.model = RecordTableModel([
            ColumnDef("code", self.tr("Code"), width=200),
            ColumnDef("name", self.tr("Item name"), width=330),
            ColumnDef("unit", self.tr("Unit"), width=50),
            ColumnDef("hours_x100", self.tr("Hours"), lambda r: _h(r.hours_x100), align=Qt.AlignRight | Qt.AlignVCenter),
            ColumnDef("further_hours_x100", self.tr("Further unit"), lambda r: _h(r.further_hours_x100),
                      align=Qt.AlignRight | Qt.AlignVCenter),
            ColumnDef("effective_from", self.tr("Since"), self._since, width=100),
            ColumnDef("active", self.tr("State"), lambda r: self.tr("in use") if r.active else self.tr("retired")),
        ], self, row_color=lambda r: None if r.active else "grey")
        self.table = QTableView(self)
        self.table.setObjectName("catalogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.rerate_item())
        split.addWidget(self.table)
        self.history_model = RecordTableModel([
            ColumnDef("effective_from", self.tr("Effective from"), self._since, width=140),
            ColumnDef("hours_x100", self.tr("Hours"), lambda r: _h(r.hours_x100), width=80),
            ColumnDef("further_hours_x100", self.tr("Further unit"), lambda r: _h(r.further_hours_x100), width=80),
            ColumnDef("created_by", self.tr("Entered by"), width=100),
            ColumnDef("created_at", self.tr("Entered at"), width=150),
        ], self)
        self.history = QTableView(self)
        self.history.setObjectName("catalogHistory")
        self.history.setModel(self.history_model)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        for i, col in enumerate(self.history_model.columns):
            self.history.setColumnWidth(i, col.width or 100)
        split.addWidget(self.history)
        split.setSizes([380, 140])
        lay.addWidget(split, 1)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.rejected.connect(self.reject)
        lay.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def _since(self, row) -> str:
        if row.effective_from == CATALOG_EPOCH:
            return self.tr("shipped standard")
        return row.effective_from[:16]

    def reload(self, keep: str | None = None) -> None:
        self.model.set_rows(K.list_catalog(self.ctx.db))
        for i, col in enumerate(self.model.columns):
            if col.width:
                self.table.setColumnWidth(i, col.width)
        row = self.model.find_row(lambda r: r.code == keep) if keep else 0
        if self.model.rowCount():
            self.table.selectRow(max(row, 0))
        self._selection_changed()

    def current(self) -> K.CatalogItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selection_changed(self, *_args) -> None:
        item = self.current()
        self.history_model.set_rows(K.rate_history(self.ctx.db, item.code) if item else [])
        self.retire_button.setText(self.tr("&Restore") if item and not item.active else self.tr("&Retire"))
        for b in (self.rename_button, self.rerate_button, self.retire_button):
            b.setEnabled(item is not None)

    def _run(self, dialog: CatalogItemDialog, keep: str | None) -> None:
        if dialog.exec() == QDialog.Accepted:
            self.changed = True
            result = dialog.result_value
            self.reload(getattr(result, "code", keep))
            self.ctx.data_changed("catalog")

    def add_item(self) -> None:
        self._run(CatalogItemDialog(self.ctx, "add", None, self), None)

    def rename_item(self) -> None:
        item = self.current()
        if item:
            self._run(CatalogItemDialog(self.ctx, "rename", item, self), item.code)

    def rerate_item(self) -> None:
        item = self.current()
        if item:
            self._run(CatalogItemDialog(self.ctx, "rerate", item, self), item.code)

    def toggle_active(self) -> None:
        item = self.current()
        if item is None:
            return
        try:
            K.set_item_active(self.ctx.db, item.code, not item.active, who=self.ctx.user)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.changed = True
        self.reload(item.code)
        self.ctx.data_changed("catalog")


def open_catalog_editor(parent: QWidget | None, ctx: AppContext) -> bool:
    """Show the catalog editor (modal); True when something was changed."""
    editor = CatalogEditor(ctx, parent)
    editor.exec()
    return editor.changed
