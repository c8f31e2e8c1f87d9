"""The pay tab's widgets: the month bar with its state banner and actions, the
per-technician summary and the five detail pages (lines, attendance,
disputes, dealer billing, log). Split from ui/pay/tab.py, which keeps the
behaviour (loading, approval, edits, exports).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSplitter, QTableView,
    QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from servicedesk.models.pay import month as P
from servicedesk.models.core.validation import fen_to_yuan_str
from servicedesk.ui.common import EmptyState, record_table
from servicedesk.ui.pay.dialog_common import (
    dispute_word, fit_width, leader_suffix, line_kind_word, log_action_word, role_column_width, role_word,
)
from servicedesk.ui.import_export import sheet_button
from servicedesk.ui.table_model import ColumnDef, RIGHT, RecordTableModel
from servicedesk.ui.pay.attendance import AttendanceExchange, AttendanceModel

def _y(fen: int) -> str:
    return fen_to_yuan_str(fen)


def _h(x100: int) -> str:
    return P.hours_text(x100)


class PayTabLayout:
    """How PayTab is built: its widgets and their layouts (a mixin, like the Ui class
    Qt Designer generates; the behaviour stays in the tab)."""

    def _build_ui(self) -> None:
        """The widgets, layouts and keys (called once by __init__)."""
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
