"""The stock-count screen (盘点): start a count, type counted quantities into
the table (or import a filled count sheet), see the differences, finish it,
and post the adjustments in one step after a confirmation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDateEdit, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from servicedesk.models.parts import stockcount as S
from servicedesk.models.core.errors import DomainError
from servicedesk.ui.common import ValidatedForm, confirm, debounce, line_edit, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.import_export import SheetExchange
from servicedesk.ui.table_model import ColumnDef, RIGHT, RecordTableModel
from servicedesk.ui.form_dialog import EditDialog
from servicedesk.ui.common import FittedDialog



class StartCountDialog(EditDialog):
    """Count date (book stock as of the end of that day) and optional location."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.count: S.StockCount | None = None
        self.setWindowTitle(self.tr("Start a stock count"))
        # Wide enough for the hint on two lines and the location example in full.
        self.setMinimumWidth(440)
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("Counted quantities are compared with the book stock as of the end of the "
                              "count date."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.form = ValidatedForm(self)
        lay.addWidget(self.form)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        self.date.setMaximumDate(QDate.currentDate())
        self.form.add_row("date", self.tr("Count date"), self.date)
        self.location = self.form.add_row("location", self.tr("Location starts with"), QLineEdit(self))
        self.location.setPlaceholderText(self.tr("empty = all parts; e.g. A or C-02"))
        self.location.setMinimumWidth(
            self.location.fontMetrics().horizontalAdvance(self.location.placeholderText()) + 24)
        self.notes = self.form.add_row("notes", self.tr("Note"), QLineEdit(self))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Start count"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def save(self) -> None:
        self.form.clear_errors()
        try:
            self.count = S.start_count(self.ctx.db, self.date.date().toString("yyyy-MM-dd"), self.ctx.user,
                                       location=self.location.text(), notes=self.notes.text())
        except DomainError as exc:
            if not self.form.show_error(exc.field, exc.message):
                show_error(self, exc)
            return
        self.ctx.data_changed("parts")
        self.accept()


class CountLinesModel(RecordTableModel):
    """Count lines with an editable counted-quantity column (open counts only)."""

    def __init__(self, ctx: AppContext, columns, parent=None, **kw):
        super().__init__(columns, parent, **kw)
        self.ctx = ctx
        self.count_id = 0
        self.editable = False
        self.on_error = lambda exc: None
        self.on_changed = lambda: None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        if self.editable and self.columns[index.column()].key == "counted_qty":
            return base | Qt.ItemIsEditable
        return base

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role == Qt.EditRole and self.columns[index.column()].key == "counted_qty":
            value = self.row(index.row()).counted_qty
            return "" if value is None else str(value)
        return super().data(index, role)

    def setData(self, index: QModelIndex, value, role=Qt.EditRole) -> bool:  # noqa: N802 - Qt naming
        if role != Qt.EditRole or not index.isValid():
            return False
        line = self.row(index.row())
        text = str(value).strip()
        try:
            updated = S.set_counted(self.ctx.db, self.count_id, line.part_id, text or None, self.ctx.user)
        except DomainError as exc:
            self.on_error(exc)
            return False
        self._rows[index.row()] = updated
        left, right = self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1)
        self.dataChanged.emit(left, right)
        self.on_changed()
        return True


def difference_text(line: S.CountLine) -> str:
    diff = line.difference
    if diff is None:
        return QCoreApplication.translate("CountDialog", "not counted")
    if diff == 0:
        return QCoreApplication.translate("CountDialog", "matches")
    if diff > 0:
        return f"+{diff} " + QCoreApplication.translate("CountDialog", "surplus")
    return f"−{-diff} " + QCoreApplication.translate("CountDialog", "shortage")


class CountDialog(FittedDialog):
    """Enter counted quantities, see differences, finish, post."""

    def __init__(self, ctx: AppContext, count_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.count_id = ctx, count_id
        self.setWindowTitle(self.tr("Stock count"))
        self.resize(980, 680)
        lay = QVBoxLayout(self)
        self.header = QLabel("")
        self.header.setStyleSheet("font-size: 14px; font-weight: bold;")
        lay.addWidget(self.header)
        self.summary = QLabel("")
        lay.addWidget(self.summary)

        bar = QHBoxLayout()
        self.search = line_edit(self.tr("Find code, name, spec or location"))
        self.search.textChanged.connect(debounce(self, self.reload))
        bar.addWidget(self.search, 2)
        self.only_diff = QCheckBox(self.tr("Only differences"))
        self.only_diff.toggled.connect(self.reload)
        bar.addWidget(self.only_diff)
        self.only_uncounted = QCheckBox(self.tr("Only not counted"))
        self.only_uncounted.toggled.connect(self.reload)
        bar.addWidget(self.only_uncounted)
        bar.addStretch(1)
        lay.addLayout(bar)

        columns = [
            ColumnDef("location", self.tr("Location"), width=80),
            ColumnDef("part_code", self.tr("Code"), width=100),
            ColumnDef("part_name", self.tr("Name"), width=140),
            ColumnDef("part_spec", self.tr("Specification"), width=170),
            ColumnDef("unit", self.tr("Unit"), width=40),
            ColumnDef("book_qty", self.tr("Book qty"), align=RIGHT, width=70),
            ColumnDef("counted_qty", self.tr("Counted qty"), align=RIGHT, width=80,
                      display=lambda r: "" if r.counted_qty is None else str(r.counted_qty)),
            ColumnDef("difference", self.tr("Difference"), display=difference_text, width=110),
        ]
        self.model = CountLinesModel(ctx, columns, self, cell_color=self._cell_color)
        self.model.count_id = count_id
        self.model.on_error = lambda exc: show_error(self, exc)
        self.model.on_changed = self._refresh_header
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.AnyKeyPressed)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        for i, col in enumerate(columns):
            if col.width:
                self.table.setColumnWidth(i, col.width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        lay.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.import_btn = QPushButton(self.tr("Import counted quantities…"))
        self.import_btn.clicked.connect(self.import_sheet)
        self.sheets = SheetExchange(ctx, self, announce=self._imported, busy=[self.import_btn])
        self.export_btn = QPushButton(self.tr("Export count sheet…"))
        self.export_btn.clicked.connect(self.export_sheet)
        self.pdf_btn = QPushButton(self.tr("Count sheet PDF…"))
        self.pdf_btn.clicked.connect(self.print_sheet)
        self.discard_btn = QPushButton(self.tr("Discard count"))
        self.discard_btn.clicked.connect(self.discard)
        self.finish_btn = QPushButton(self.tr("Finish count"))
        self.finish_btn.clicked.connect(self.finish)
        self.post_btn = QPushButton(self.tr("Post adjustments…"))
        self.post_btn.clicked.connect(self.post)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for b in (self.import_btn, self.export_btn, self.pdf_btn, self.discard_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.finish_btn, self.post_btn, close):
            buttons.addWidget(b)
        lay.addLayout(buttons)
        self.reload()

    @staticmethod
    def _cell_color(line: S.CountLine, key: str) -> str | None:
        if key in ("counted_qty", "difference") and line.difference:
            return "amber"
        if key == "difference" and line.difference == 0:
            return "green"
        return None

    def _refresh_header(self) -> None:
        count = S.get_count(self.ctx.db, self.count_id)
        self.count = count
        self.header.setText(self.tr("Stock count #%1 · %2 · %3")
                            .replace("%1", str(count.id)).replace("%2", count.count_date)
                            .replace("%3", self._status_text(count.status)))
        self.summary.setText(self.tr("Counted %1 of %2 parts · %3 with a difference · book stock as of the end "
                                     "of %4").replace("%1", str(count.counted)).replace("%2", str(count.lines))
                             .replace("%3", str(count.differences)).replace("%4", count.count_date))
        is_open = count.status == "open"
        self.model.editable = is_open
        self.import_btn.setEnabled(is_open)
        self.discard_btn.setEnabled(is_open)
        self.finish_btn.setEnabled(is_open)
        self.post_btn.setEnabled(count.status != "posted")

    def _status_text(self, status: str) -> str:
        return {"open": self.tr("in progress"), "completed": self.tr("finished, not posted"),
                "posted": self.tr("posted")}.get(status, status)

    def reload(self) -> None:
        self.model.set_rows(S.count_lines(self.ctx.db, self.count_id, only_differences=self.only_diff.isChecked(),
                                          only_uncounted=self.only_uncounted.isChecked(),
                                          query=self.search.text()))
        self._refresh_header()

    def import_sheet(self) -> None:
        """Counted quantities from a filled count sheet, on the shared worker
        (ui/import_export.py): progress, Cancel, Check only, problems with Copy."""
        count_id, who = self.count_id, self.ctx.user

        def importer(db, rows):      # runs on the worker thread with its own connection
            return S.import_counted(db, count_id, rows, who)

        self.sheets.ask_import("stockcount", importer=importer, options=())

    def _imported(self, _kind: str) -> None:
        self.reload()

    def export_sheet(self) -> None:
        from servicedesk.reports.sheets import write_rows

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export count sheet"),
                                              f"盘点表-{self.count.count_date}.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        try:
            write_rows(S.STOCKCOUNT_SPEC, S.count_sheet_rows(self.ctx.db, self.count_id), path)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.status(self.tr("Count sheet written to %1").replace("%1", path))

    def print_sheet(self) -> None:
        """A4 count sheet to print and walk the shelves with (blind: no book stock)."""
        from servicedesk.models.core.settings import get_setting
        from servicedesk.reports.parts_sheets import count_sheet_pdf

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Count sheet PDF"),
                                              f"盘点表-{self.count.count_date}.pdf", self.tr("PDF file (*.pdf)"))
        if not path:
            return
        try:
            count_sheet_pdf(path, office=get_setting(self.ctx.db, "office.name", ""), count_id=self.count_id,
                            count_date=self.count.count_date, rows=S.count_sheet_rows(self.ctx.db, self.count_id),
                            font_file=get_setting(self.ctx.db, "print.font_file", ""))
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.status(self.tr("Count sheet written to %1").replace("%1", path))

    def finish(self) -> None:
        try:
            S.complete_count(self.ctx.db, self.count_id, self.ctx.user)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.data_changed("parts")
        self.reload()

    def post(self) -> None:
        count = S.get_count(self.ctx.db, self.count_id)
        text = self.tr("Book %1 adjustment line(s) dated %2 so that the book stock equals the counted "
                       "quantities? Ledger lines cannot be undone (only corrected by a later count).") \
            .replace("%1", str(count.differences)).replace("%2", count.count_date)
        if not confirm(self, self.tr("Post adjustments"), text):
            return
        try:
            S.post_count(self.ctx.db, self.count_id, self.ctx.user)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.status(self.tr("Stock count #%1 posted").replace("%1", str(self.count_id)))
        self.ctx.data_changed("parts")
        self.reload()

    def discard(self) -> None:
        if not confirm(self, self.tr("Discard count"),
                       self.tr("Throw away this count and everything entered in it?")):
            return
        try:
            S.cancel_open_count(self.ctx.db, self.count_id, self.ctx.user)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.data_changed("parts")
        self.accept()
