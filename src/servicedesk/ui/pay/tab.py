"""绩效工资 Pay tab: a month's pay per technician, its lines, and the approval.

Top: month picker, the state banner (草稿 / 已审批锁定 — with a word, not only
a colour), and the month's actions. Middle: one row per technician. Bottom:
the selected technician's lines (double-click opens the ticket), the
attendance grid (editable), disputes, dealer billing and the log.

A locked month shows its approved snapshot; any edit is refused by the model
with a message saying why and what to do instead. Workbook and slip exports
run in a worker thread with their own database connection; the progress bar
shows how far they are and the buttons stay usable.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QObject, QRunnable, QSettings, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSplitter, QTableView,
    QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from servicedesk.models.pay import billing as D
from servicedesk.models.pay import month as P
from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.validation import fen_to_yuan_str
from servicedesk.ui.common import EmptyState, record_table, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.pay.dialog_common import dispute_word, fit_width, role_column_width, leader_suffix, line_kind_word, log_action_word, role_word
from servicedesk.ui.import_export import sheet_button
from servicedesk.ui.table_model import ColumnDef, RIGHT, RecordTableModel
from servicedesk.ui.pay.attendance import (  # noqa: F401 (re-exported: moved to attendance)
    AttendanceExportJob,
    AttendanceExchange,
    AttendanceModel,
)

LOCKED_STYLE = ("QLabel { background: #E3F4E1; color: #1E6B2A; border: 1px solid #9CCB96; border-radius: 3px;"
                " padding: 4px 10px; font-weight: bold; }")
DRAFT_STYLE = ("QLabel { background: #FFF1CC; color: #5C3D00; border: 1px solid #E0C27A; border-radius: 3px;"
               " padding: 4px 10px; font-weight: bold; }")


def _y(fen: int) -> str:
    return fen_to_yuan_str(fen)


def _h(x100: int) -> str:
    return P.hours_text(x100)


# ---------------------------------------------------------------- worker
class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(int, str)     # job serial, file written
    failed = Signal(int, str)       # job serial, message


class ExportJob(QRunnable):
    """Writes a workbook or slips from its own connection; never touches widgets."""

    def __init__(self, serial: int, db_path: Path, month: str, out: str, what: str):
        super().__init__()
        self.serial = serial
        self.db_path, self.month, self.out, self.what = db_path, month, out, what
        self.signals = _Signals()

    def run(self) -> None:
        from servicedesk.models.core.db import open_db

        try:
            db = open_db(self.db_path, create=False)
            try:
                if self.what == "workbook":
                    from servicedesk.reports.pay_workbook import export_pay_month

                    path = export_pay_month(db, self.month, self.out, progress=self.signals.progress.emit)
                else:
                    from servicedesk.reports.pay_slip import export_pay_slips

                    path = export_pay_slips(db, self.month, self.out, progress=self.signals.progress.emit)
            finally:
                db.close()
        except DomainError as exc:
            self.signals.failed.emit(self.serial, exc.message)
            return
        except Exception as exc:  # disk full, permission: say so, never crash the window
            self.signals.failed.emit(self.serial, str(exc))
            return
        self.signals.finished.emit(self.serial, str(path))


# ---------------------------------------------------------------- the tab
class PayTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pay: P.MonthPay | None = None
        self.jobs: list[ExportJob] = []
        self._serial = 0
        self._dirty = True
        self.last_export: str = ""
        root = QVBoxLayout(self)
        root.setContentsMargins(6, 6, 6, 6)

        # -- top bar
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month"), self))
        prev_btn = QToolButton(self)
        prev_btn.setArrowType(Qt.LeftArrow)
        prev_btn.setToolTip(self.tr("Previous month"))
        prev_btn.clicked.connect(lambda: self.month_edit.setDate(self.month_edit.date().addMonths(-1)))
        self.month_edit = QDateEdit(self)
        self.month_edit.setObjectName("payMonth")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setDate(QDate.currentDate())
        self.month_edit.dateChanged.connect(lambda _d: self.reload())
        next_btn = QToolButton(self)
        next_btn.setArrowType(Qt.RightArrow)
        next_btn.setToolTip(self.tr("Next month"))
        next_btn.clicked.connect(lambda: self.month_edit.setDate(self.month_edit.date().addMonths(1)))
        for w in (prev_btn, self.month_edit, next_btn):
            bar.addWidget(w)
        self.banner = QLabel(self)
        self.banner.setObjectName("payState")
        bar.addWidget(self.banner)
        bar.addStretch(1)
        self.approve_button = self._button(bar, self.tr("&Approve…"), self.approve, "payApprove")
        self.unlock_button = self._button(bar, self.tr("&Unlock…"), self.unlock, "payUnlock")
        self._button(bar, self.tr("Work-hour &catalog…"), self.open_catalog, "payCatalog")
        self.export_button = self._button(bar, self.tr("&Export workbook…"), self.choose_workbook, "payExport")
        self.slips_button = self._button(bar, self.tr("Pay &slips (PDF)…"), self.choose_slips, "paySlips")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("payProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.progress.hide()
        bar.addWidget(self.progress)
        root.addLayout(bar)

        # -- summary + details
        split = QSplitter(Qt.Vertical, self)
        top = QWidget(split)
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        self.summary_model = RecordTableModel([
            ColumnDef("name", self.tr("Technician"), width=100),
            ColumnDef("role", self.tr("Role"), lambda t: role_word(t.role), width=role_column_width(self)),
            ColumnDef("days_worked", self.tr("Days"), align=RIGHT, width=50),
            ColumnDef("long_trip_days", self.tr("Long trips"), align=RIGHT, width=70),
            ColumnDef("hours_x100", self.tr("Work hours"), lambda t: _h(t.hours_x100), align=RIGHT, width=80),
            ColumnDef("performance_fen", self.tr("Performance"), lambda t: _y(t.performance_fen), align=RIGHT),
            ColumnDef("allowance_fen", self.tr("Allowance"), lambda t: _y(t.allowance_fen), align=RIGHT),
            ColumnDef("base_fen", self.tr("Base salary"), lambda t: _y(t.base_fen), align=RIGHT),
            ColumnDef("reimbursement_fen", self.tr("Refunds"), lambda t: _y(t.reimbursement_fen), align=RIGHT),
            ColumnDef("deductions_fen", self.tr("Deductions"), lambda t: _y(t.deductions_fen), align=RIGHT),
            ColumnDef("total_fen", self.tr("Total pay"), lambda t: _y(t.total_fen), align=RIGHT),
            ColumnDef("disputes", self.tr("Disputes"), self._dispute_word, width=90),
        ], self, row_color=lambda t: "amber" if any(ln.dispute == "open" for ln in t.lines) else None)
        self.summary = self._table(self.summary_model, "paySummary")
        self.summary.selectionModel().selectionChanged.connect(lambda *_: self._show_lines())
        top_lay.addWidget(self.summary)
        self.summary_empty = EmptyState("", top)
        self.summary_empty.setObjectName("payEmpty")
        self.summary_empty.hide()
        top_lay.addWidget(self.summary_empty, 1)
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("payTotals")
        top_lay.addWidget(self.totals_label)
        split.addWidget(top)

        self.details = QTabWidget(split)
        self.details.setObjectName("payDetails")
        self.details.addTab(self._lines_page(), self.tr("Lines"))
        self.details.addTab(self._attendance_page(), self.tr("Attendance"))
        self.details.addTab(self._disputes_page(), self.tr("Disputes"))
        self.details.addTab(self._dealer_page(), self.tr("Dealer billing"))
        self.details.addTab(self._log_page(), self.tr("Log"))
        split.addWidget(self.details)
        split.setSizes([320, 380])
        root.addWidget(split, 1)
        self.reload()

    # ---- building helpers ----------------------------------------------------
    def _button(self, layout, text: str, slot, name: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(slot)
        layout.addWidget(b)
        return b

    def _table(self, model: RecordTableModel, name: str) -> QTableView:
        return record_table(model, name, self, sortable=False, alternating=True)

    def _lines_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.lines_title = QLabel(page)
        self.lines_title.setObjectName("payLinesTitle")
        bar.addWidget(self.lines_title)
        bar.addStretch(1)
        self._button(bar, self.tr("Open ticket"), self.open_ticket, "payOpenTicket")
        self._button(bar, self.tr("&Deduction…"), self.add_deduction, "payAddDeduction")
        self._button(bar, self.tr("Void deduction…"), self.void_deduction, "payVoidDeduction")
        self._button(bar, self.tr("D&ispute…"), self.dispute_line, "payDispute")
        self._button(bar, self.tr("Ad&justment…"), self.add_adjustment, "payAdjustment")
        self._button(bar, self.tr("&Refund tickets…"), self.add_reimbursement, "payRefund")
        lay.addLayout(bar)
        self.lines_model = RecordTableModel([
            ColumnDef("kind", self.tr("Kind"), self._kind_word, width=fit_width(
                self, [line_kind_word(k) for k in P.LINE_KINDS] + [line_kind_word("work") + leader_suffix()], 90)),
            ColumnDef("ticket_no", self.tr("Ticket"), width=110),
            ColumnDef("date", self.tr("Date"), width=90),
            ColumnDef("customer", self.tr("Customer"), width=160),
            ColumnDef("description", self.tr("What"), width=380, tooltip=lambda ln: ln.description),
            ColumnDef("job_hours_x100", self.tr("Job hours"),
                      lambda ln: f"{_h(ln.job_hours_x100)} ÷ {ln.team_size}" if ln.kind == "work" else "",
                      align=RIGHT, width=90),
            ColumnDef("hours_x100", self.tr("His hours"), lambda ln: _h(ln.hours_x100) if ln.hours_x100 else "",
                      align=RIGHT, width=70),
            ColumnDef("amount_fen", self.tr("Amount"), lambda ln: _y(ln.signed_fen), align=RIGHT, width=90),
            ColumnDef("dispute", self.tr("Dispute"), lambda ln: dispute_word(ln.dispute), width=90),
        ], self, row_color=self._line_color)
        self.lines = self._table(self.lines_model, "payLines")
        self.lines.doubleClicked.connect(lambda _i: self.open_ticket())
        lay.addWidget(self.lines)
        self.lines_empty = EmptyState(self.tr("No work, deductions or refunds for this technician in the month."),
                                      page)
        lay.addWidget(self.lines_empty)
        return page

    def _attendance_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        bar = QHBoxLayout()
        hint = QLabel(self.tr("Double-click a number to change it. Long-trip days (远差) earn no living "
                              "allowance. Import / Export fills a whole month from an Excel sheet."), page)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        bar.addWidget(hint, 1)
        self.sheets = AttendanceExchange(self)
        self.sheet_button = sheet_button(page, self.sheets, ["attendance"])
        self.sheet_button.setObjectName("payAttendanceSheets")
        bar.addWidget(self.sheet_button, 0, Qt.AlignTop)
        lay.addLayout(bar)
        self.attendance_model = AttendanceModel(self)
        self.attendance = self._table(self.attendance_model, "payAttendance")
        self.attendance.setEditTriggers(QTableView.DoubleClicked | QTableView.EditKeyPressed
                                        | QTableView.AnyKeyPressed)
        self.attendance.setSelectionBehavior(QTableView.SelectItems)
        lay.addWidget(self.attendance)
        return page

    def _disputes_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self._button(bar, self.tr("Record &outcome…"), self.resolve_dispute, "payResolve")
        lay.addLayout(bar)
        self.disputes_model = RecordTableModel([
            ColumnDef("technician", self.tr("Technician"), width=90),
            ColumnDef("line_kind", self.tr("Line"), lambda d: line_kind_word(d.line_kind), width=80),
            ColumnDef("ticket_no", self.tr("Ticket"), width=110),
            ColumnDef("reason", self.tr("Reason"), width=260),
            ColumnDef("raised_at", self.tr("Raised"), width=140),
            ColumnDef("status", self.tr("State"), lambda d: dispute_word(d.status), width=90),
            ColumnDef("outcome", self.tr("Decision"), width=240),
        ], self, row_color=lambda d: {"open": "amber", "upheld": "green", "rejected": "grey"}.get(d.status))
        self.disputes = self._table(self.disputes_model, "payDisputes")
        self.disputes.doubleClicked.connect(lambda _i: self.resolve_dispute())
        lay.addWidget(self.disputes)
        return page

    def _dealer_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        bar = QHBoxLayout()
        hint = QLabel(self.tr("Dispatches billed to a dealer: travel standard plus work hours."), page)
        hint.setStyleSheet("color: #555;")
        bar.addWidget(hint)
        bar.addStretch(1)
        self._button(bar, self.tr("&Travel…"), self.edit_dealer, "payDealerEdit")
        self._button(bar, self.tr("&Print statement…"), self.print_dealer, "payDealerPrint")
        lay.addLayout(bar)
        self.dealer_model = RecordTableModel([
            ColumnDef("ticket_no", self.tr("Ticket"), width=110),
            ColumnDef("completed_at", self.tr("Completed on"), lambda s: (s.completed_at or "")[:10], width=90),
            ColumnDef("dealer", self.tr("Dealer"), width=140),
            ColumnDef("customer", self.tr("Customer"), width=180),
            ColumnDef("days", self.tr("Days"), lambda s: f"{s.days} × {s.persons}", align=RIGHT, width=70),
            ColumnDef("hours_x100", self.tr("Work hours"), lambda s: _h(s.hours_x100), align=RIGHT, width=80),
            ColumnDef("total", self.tr("Bill total"), lambda s: _y(s.total_fen), align=RIGHT, width=90),
            ColumnDef("recorded", self.tr("Travel"), lambda s: self.tr("entered") if s.recorded else self.tr("not yet"),
                      width=80),
        ], self, row_color=lambda s: None if s.recorded else "amber")
        self.dealer = self._table(self.dealer_model, "payDealer")
        self.dealer.doubleClicked.connect(lambda _i: self.edit_dealer())
        lay.addWidget(self.dealer)
        return page

    def _log_page(self) -> QWidget:
        self.log_model = RecordTableModel([
            ColumnDef("at", self.tr("When"), width=140),
            ColumnDef("who", self.tr("Who"), width=90),
            ColumnDef("action", self.tr("Action"), lambda e: log_action_word(e.action), width=130),
            ColumnDef("detail", self.tr("Detail"), width=500),
        ], self)
        return self._table(self.log_model, "payLog")

    # ---- words for the tables ------------------------------------------------
    def _kind_word(self, ln: P.PayLine) -> str:
        word = line_kind_word(ln.kind)
        return word + (leader_suffix() if ln.kind == "work" and ln.leader else "")

    def _line_color(self, ln: P.PayLine) -> str | None:
        if ln.dispute == "open":
            return "amber"
        if ln.waived:
            return "grey"
        return "red" if ln.kind == "deduction" else None

    def _dispute_word(self, t: P.TechnicianPay) -> str:
        n = sum(1 for ln in t.lines if ln.dispute == "open")
        return self.tr("%1 open").replace("%1", str(n)) if n else ""

    # ---- state -----------------------------------------------------------------
    def month(self) -> str:
        d = self.month_edit.date()
        return f"{d.year():04d}-{d.month():02d}"

    def set_month(self, month: str) -> None:
        month = P.parse_month(month)
        self.month_edit.setDate(QDate(int(month[:4]), int(month[5:7]), 1))

    def selected_technician(self) -> P.TechnicianPay | None:
        rows = self.summary.selectionModel().selectedRows()
        return self.summary_model.row(rows[0].row()) if rows else None

    def selected_line(self) -> P.PayLine | None:
        rows = self.lines.selectionModel().selectedRows()
        return self.lines_model.row(rows[0].row()) if rows else None

    def reload(self) -> None:
        month = self.month()
        # the person picked stays picked while the same month is reloaded; a
        # different month starts again from the default below
        keep = self.selected_technician() if getattr(self, "_loaded_month", None) == month else None
        keep_id = keep.technician_id if keep else None
        try:
            self.pay = P.month_pay(self.ctx.db, month)
        except DomainError as exc:
            self._error(exc)
            return
        pay = self.pay
        if pay.locked:
            self.banner.setText(self.tr("Approved and locked (已审批锁定) · %1 · %2")
                                .replace("%1", pay.approved_by or "—").replace("%2", (pay.approved_at or "")[:16]))
            self.banner.setStyleSheet(LOCKED_STYLE)
        else:
            text = self.tr("Draft (草稿): figures follow the tickets until approved")
            if pay.open_disputes:
                text += " · " + self.tr("%1 open dispute(s)").replace("%1", str(pay.open_disputes))
            self.banner.setText(text)
            self.banner.setStyleSheet(DRAFT_STYLE)
        self.approve_button.setEnabled(not pay.locked)
        self.unlock_button.setEnabled(pay.locked)
        self._loaded_month = month
        self.summary_model.set_rows(pay.technicians)
        self._show_empty_state(pay)
        totals = pay.totals()
        self.totals_label.setText(
            self.tr("%1 people · %2 work hours · performance %3 · deductions %4 · total %5 yuan")
            .replace("%1", str(len(pay.technicians))).replace("%2", _h(totals["hours_x100"]))
            .replace("%3", _y(totals["performance_fen"])).replace("%4", _y(totals["deductions_fen"]))
            .replace("%5", _y(totals["total_fen"])))
        row = self.summary_model.find_row(lambda t: t.technician_id == keep_id) if keep_id else -1
        if row < 0:
            # by default the first person with pay lines this month (a supervisor
            # listed first with none would show an empty detail)
            row = self.summary_model.find_row(lambda t: bool(t.lines))
        if self.summary_model.rowCount():
            self.summary.selectRow(max(row, 0))
        self._show_lines()
        self.attendance_model.set_rows(P.attendance_grid(self.ctx.db, month))
        self.disputes_model.set_rows(P.list_disputes(self.ctx.db, month))
        self.dealer_model.set_rows(D.dealer_statements_for_month(self.ctx.db, month, include_unrecorded=True))
        self.log_model.set_rows(P.list_log(self.ctx.db, month))
        self._dirty = False

    def _show_empty_state(self, pay: P.MonthPay) -> None:
        """An empty month says what to do: with no technicians in the register,
        how to add them (nothing here can be filled in without them)."""
        empty = not pay.technicians
        if empty and not P.active_technicians(self.ctx.db):
            self.summary_empty.setText(self.tr(
                "No technicians in the register yet. Add them in Settings ▸ Technicians… (or import the "
                "register from Excel there); then their attendance, work hours and pay appear here."))
        elif empty:
            self.summary_empty.setText(self.tr("Nobody has work, attendance or deductions in %1.")
                                       .replace("%1", pay.month))
        self.summary_empty.setVisible(empty)
        self.summary.setVisible(not empty)
        self.totals_label.setVisible(not empty)

    def _show_lines(self) -> None:
        t = self.selected_technician()
        self.lines_model.set_rows(t.lines if t else [])
        has = bool(t and t.lines)
        # No technician at all: the summary's empty state already says what to do,
        # so the (empty) table stays and keeps the buttons at the top of the page.
        self.lines.setVisible(has or t is None)
        self.lines_empty.setVisible(not has and t is not None)
        if t:
            self.lines_title.setText(
                self.tr("%1: %2 work hours, total %3 yuan").replace("%1", t.name)
                .replace("%2", _h(t.hours_x100)).replace("%3", _y(t.total_fen)))
        else:
            self.lines_title.setText("")

    def _error(self, exc: Exception) -> None:
        self.ctx.status(getattr(exc, "message", str(exc)))
        show_error(self, exc)

    def _changed(self, message: str) -> None:
        self.reload()
        self.ctx.status(message)
        self.ctx.data_changed("pay")

    # ---- navigation (main window) ------------------------------------------------
    def show_record(self, kind: str, key: object) -> None:
        if kind == "pay_month":
            self.set_month(str(key))
        elif kind == "technician":
            row = self.summary_model.find_row(lambda t: t.technician_id == key or t.name == key)
            if row >= 0:
                self.summary.selectRow(row)

    def on_data_changed(self, kind: str) -> None:
        if kind == "pay":
            return
        self._dirty = True
        if self.isVisible():
            self.reload()

    def on_activated(self) -> None:
        if self._dirty:
            self.reload()

    # ---- actions ---------------------------------------------------------------
    def save_attendance(self, technician_id: int, days: object, trips: object) -> bool:
        try:
            P.set_attendance(self.ctx.db, self.month(), technician_id, days, trips, who=self.ctx.user)
        except DomainError as exc:
            self._error(exc)
            return False
        self._changed(self.tr("Attendance saved"))
        return True

    def attendance_imported(self, kind: str) -> None:
        """A real attendance import wrote rows: show its month and tell the other tabs."""
        month = self.sheets.imported_month
        self.details.setCurrentIndex(1)
        if month and month != self.month():
            self.set_month(month)           # reloads
        else:
            self.reload()
        self.ctx.data_changed("pay")

    def _exec(self, dialog: QDialog, message: str) -> bool:
        if dialog.exec() == QDialog.Accepted:
            self._changed(message)
            return True
        return False

    def approve(self) -> None:
        from servicedesk.ui.pay.pin_dialog import PinDialog

        self._exec(PinDialog(self.ctx, self.month(), "approve", self),
                   self.tr("Pay month %1 approved and locked").replace("%1", self.month()))

    def unlock(self) -> None:
        from servicedesk.ui.pay.pin_dialog import PinDialog

        self._exec(PinDialog(self.ctx, self.month(), "unlock", self),
                   self.tr("Pay month %1 unlocked").replace("%1", self.month()))

    def open_catalog(self) -> None:
        from servicedesk.ui.pay.catalog_dialog import open_catalog_editor

        if open_catalog_editor(self, self.ctx):
            self.reload()

    def open_ticket(self) -> None:
        ln = self.selected_line()
        if ln and ln.ticket_no:
            self.ctx.open("ticket", ln.ticket_no)

    def _refuse_if_locked(self) -> bool:
        """Edits of a locked month are refused up front, with the model's own message."""
        try:
            P.ensure_month_open(self.ctx.db, self.month())
        except DomainError as exc:
            self._error(exc)
            return True
        return False

    def add_deduction(self) -> None:
        from servicedesk.ui.pay.deduction_dialog import DeductionDialog

        if self._refuse_if_locked():
            return
        ln = self.selected_line()
        self._exec(DeductionDialog(self.ctx, self.month(), ln.ticket_no if ln else "", self),
                   self.tr("Deduction recorded"))

    def void_deduction(self) -> None:
        from servicedesk.ui.pay.deduction_dialog import VoidDeductionDialog

        ln = self.selected_line()
        if ln is None or ln.kind != "deduction":
            self.ctx.status(self.tr("Choose a deduction line first."))
            return
        if self._refuse_if_locked():
            return
        self._exec(VoidDeductionDialog(self.ctx, ln.ref_id, f"{ln.ticket_no} {ln.description}", self),
                   self.tr("Deduction voided"))

    def dispute_line(self) -> None:
        from servicedesk.ui.pay.dispute_dialog import DisputeDialog

        t, ln = self.selected_technician(), self.selected_line()
        if t is None or ln is None:
            self.ctx.status(self.tr("Choose the line he disputes first."))
            return
        if self._refuse_if_locked():
            return
        self._exec(DisputeDialog(self.ctx, self.month(), t.name, ln, self), self.tr("Dispute recorded"))

    def resolve_dispute(self) -> None:
        from servicedesk.ui.pay.dispute_dialog import ResolveDisputeDialog

        rows = self.disputes.selectionModel().selectedRows()
        if not rows:
            self.ctx.status(self.tr("Choose a dispute first."))
            return
        dispute = self.disputes_model.row(rows[0].row())
        if dispute.status != "open":
            self.ctx.status(self.tr("This dispute already has an outcome."))
            return
        if self._refuse_if_locked():
            return
        self._exec(ResolveDisputeDialog(self.ctx, dispute, self), self.tr("Outcome recorded"))

    def add_adjustment(self) -> None:
        from servicedesk.ui.pay.lines_dialog import AdjustmentDialog

        if self._refuse_if_locked():
            return
        t, ln = self.selected_technician(), self.selected_line()
        self._exec(AdjustmentDialog(self.ctx, self.month(), t.technician_id if t else None,
                                    ln.ticket_no if ln else "", self), self.tr("Adjustment added"))

    def add_reimbursement(self) -> None:
        from servicedesk.ui.pay.lines_dialog import ReimbursementDialog

        if self._refuse_if_locked():
            return
        t, ln = self.selected_technician(), self.selected_line()
        self._exec(ReimbursementDialog(self.ctx, self.month(), t.technician_id if t else None,
                                       ln.ticket_no if ln else "", self), self.tr("Refund added"))

    def _selected_dealer(self) -> D.DealerStatement | None:
        rows = self.dealer.selectionModel().selectedRows()
        return self.dealer_model.row(rows[0].row()) if rows else None

    def edit_dealer(self) -> None:
        from servicedesk.ui.pay.lines_dialog import DealerTravelDialog

        s = self._selected_dealer()
        if s is None:
            self.ctx.status(self.tr("Choose a dealer ticket first."))
            return
        self._exec(DealerTravelDialog(self.ctx, s.ticket_id, self), self.tr("Dealer billing saved"))

    def print_dealer(self) -> None:
        s = self._selected_dealer()
        if s is None:
            self.ctx.status(self.tr("Choose a dealer ticket first."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save dealer statement"),
                                              str(self._folder() / f"经销商结算-{s.ticket_no}.pdf"), "PDF (*.pdf)")
        if path:
            self.write_dealer_statement(s.ticket_id, path)

    def write_dealer_statement(self, ticket_id: int, path: str) -> str | None:
        from servicedesk.models.core.settings import get_setting
        from servicedesk.reports.dealer_statement import write_dealer_statements

        try:
            out = write_dealer_statements([D.dealer_statement(self.ctx.db, ticket_id)], path,
                                          office=str(get_setting(self.ctx.db, "office.name", "") or ""),
                                          font_file=str(get_setting(self.ctx.db, "print.font_file", "") or ""))
        except DomainError as exc:
            self._error(exc)
            return None
        self.ctx.status(self.tr("Saved %1").replace("%1", str(out)))
        return str(out)

    # ---- exports (worker thread) ---------------------------------------------------
    def _folder(self) -> Path:
        return Path(str(QSettings().value("pay/folder", str(self.ctx.db_path.parent))))

    def choose_workbook(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save pay workbook"),
                                              str(self._folder() / f"绩效工资-{self.month()}.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export("workbook", path)

    def choose_slips(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save pay slips"),
                                              str(self._folder() / f"工资条-{self.month()}.pdf"), "PDF (*.pdf)")
        if path:
            self.export("slips", path)

    def export(self, what: str, path: str) -> ExportJob:
        """Start an export in the thread pool; returns the job (tests wait on its signals)."""
        QSettings().setValue("pay/folder", str(Path(path).parent))
        self._serial += 1
        job = ExportJob(self._serial, self.ctx.db_path, self.month(), path, what)
        job.setAutoDelete(False)
        # Bound methods of this widget: Qt queues the calls to the GUI thread.
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_export_done)
        job.signals.failed.connect(self._on_export_failed)
        self.jobs.append(job)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.export_button.setEnabled(False)
        self.slips_button.setEnabled(False)
        self.ctx.status(self.tr("Exporting…"))
        QThreadPool.globalInstance().start(job)
        return job

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end_job(self, serial: int) -> None:
        self.jobs = [j for j in self.jobs if j.serial != serial]
        if not self.jobs:
            self.progress.hide()
            self.export_button.setEnabled(True)
            self.slips_button.setEnabled(True)

    def _on_export_done(self, serial: int, out: str) -> None:
        self._end_job(serial)
        self.last_export = out
        self.ctx.status(self.tr("Saved %1").replace("%1", out))

    def _on_export_failed(self, serial: int, message: str) -> None:
        self._end_job(serial)
        self._error(DomainError(message))
