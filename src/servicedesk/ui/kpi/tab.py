"""月报 Monthly KPI tab: the four figures with their numerators and
denominators, the pre-export check with links to fix each item, the lines
behind the figures, Export to Excel (in a worker thread with progress) and
Mark as sent (the month close).

Its figure cards and trend chart are ui/kpi/widgets.py's (the dashboard shows them too).
"""

from __future__ import annotations

import time

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QThread, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel,
    QProgressDialog, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from servicedesk.models.kpi import month as K
from servicedesk.models.core.db import open_db
from servicedesk.models.core.errors import DomainError
from servicedesk.models.tickets.queries import ticket_months
from servicedesk.ui.common import confirm, record_table, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.followups.words import kind_text, satisfaction_text
from servicedesk.ui.kpi.widgets import FigureCard, TrendChart
from servicedesk.ui.table_model import ColumnDef, RecordTableModel
from servicedesk.ui.workers import keep_until_finished


def rate_text(rate: K.Rate) -> str:
    return rate.text


# ---------------------------------------------------------------- workers
class ExportWorker(QThread):
    """Builds the workbook off the GUI thread with its own database connection."""

    progress = Signal(int, str)
    finished_ok = Signal(str, str, object, str)   # path, sha256, figures (dict), figures checksum
    failed = Signal(str)                     # message; '' when cancelled

    def __init__(self, db_path: Path, month: str, out: Path, who: str, with_dealer_fee: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path, self.month, self.out, self.who = db_path, month, out, who
        self.with_dealer_fee = with_dealer_fee

    def _progress(self, percent: int, stage: str) -> bool:
        self.progress.emit(percent, stage)
        return not self.isInterruptionRequested()

    def run(self) -> None:
        from servicedesk.models.kpi.checksum import figures_checksum, report_figures
        from servicedesk.reports.kpi_workbook import Cancelled, write_kpi_workbook

        try:
            db = open_db(self.db_path, create=False, check=False)  # the window checked it
        except DomainError as exc:
            self.failed.emit(exc.message)
            return
        try:
            report = K.kpi_report(db, self.month, prepared_by=self.who, with_dealer_fee=self.with_dealer_fee)
            path = write_kpi_workbook(report, self.out, progress=self._progress)
            self.finished_ok.emit(str(path), K.file_sha256(path), report.kpi.to_json(),
                                  figures_checksum(report_figures(report)))
        except Cancelled:
            self.failed.emit("")
        except DomainError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # a worker must always report back
            self.failed.emit(str(exc))
        finally:
            db.close()


def workbook_checksum(path: str, month: str) -> str | None:
    """The figures checksum a monthly workbook of `month` carries (None when the
    file is not one: the month close then records the checksum recomputed now)."""
    from servicedesk.reports.rollup_workbook import read_branch_workbook

    try:
        branch = read_branch_workbook(path)
    except DomainError:
        return None
    return branch.source.figures_sha256 if branch.figures.month == month else None


# ---------------------------------------------------------------- the tab
class KpiTab(QWidget):
    # Emitted on the GUI thread once the workbook is written: (path, sha256).
    exported = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.report: K.KpiReport | None = None
        self._stale = True               # figures to read again before they are shown
        self._read_at = 0.0              # time.monotonic() of the last read
        self.last_export: tuple[str, str, str, dict] | None = None   # month, path, sha, figures
        self.last_checksum = ""          # the figures checksum inside the last workbook written
        self.worker: ExportWorker | None = None
        self.progress_dialog: QProgressDialog | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month")))
        self.prev_btn = QPushButton("◀")
        self.prev_btn.setFixedWidth(32)
        self.prev_btn.setToolTip(self.tr("Previous month"))
        self.prev_btn.clicked.connect(lambda: self._step(-1))
        bar.addWidget(self.prev_btn)
        self.month_combo = QComboBox()
        self.month_combo.setMinimumWidth(110)
        self._fill_months()
        self.month_combo.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(self.month_combo)
        self.next_btn = QPushButton("▶")
        self.next_btn.setFixedWidth(32)
        self.next_btn.setToolTip(self.tr("Next month"))
        self.next_btn.clicked.connect(lambda: self._step(1))
        bar.addWidget(self.next_btn)
        self.refresh_btn = QPushButton(self.tr("Refresh"))
        self.refresh_btn.clicked.connect(self.reload)
        bar.addWidget(self.refresh_btn)
        bar.addStretch(1)
        self.fee_check = QCheckBox(self.tr("Include the year's dealer service fee"))
        bar.addWidget(self.fee_check)
        self.export_btn = QPushButton(self.tr("Export to Excel… (Ctrl+E)"))
        self.export_btn.clicked.connect(self.export)
        bar.addWidget(self.export_btn)
        self.sent_btn = QPushButton(self.tr("Mark as sent…"))
        self.sent_btn.clicked.connect(self.mark_sent)
        bar.addWidget(self.sent_btn)
        self.rollup_btn = QPushButton(self.tr("Roll up the branches…"))
        self.rollup_btn.setToolTip(self.tr("Head office: read the branches' monthly workbooks from a folder and "
                                           "write the company report"))
        self.rollup_btn.clicked.connect(self.open_rollup)
        bar.addWidget(self.rollup_btn)
        lay.addLayout(bar)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.export)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.RichText)
        lay.addWidget(self.banner)

        cards = QHBoxLayout()
        self.cards = {
            "on_time": FigureCard(self.tr("On-time rate (维修及时率)")),
            "success": FigureCard(self.tr("Success rate (维修成功率)")),
            "satisfaction": FigureCard(self.tr("Customer satisfaction (客户满意度)")),
            "stock": FigureCard(self.tr("Stock accuracy (配件库存准确率)")),
            "grade": FigureCard(self.tr("Grade")),
        }
        for key, card in self.cards.items():
            cards.addWidget(card, 1)
        self.cards["on_time"].clicked.connect(lambda: self.details.setCurrentIndex(3))
        self.cards["success"].clicked.connect(lambda: self.details.setCurrentIndex(3))
        self.cards["satisfaction"].clicked.connect(lambda: self.details.setCurrentIndex(4))
        self.cards["stock"].clicked.connect(lambda: self.details.setCurrentIndex(5))
        lay.addLayout(cards)

        self.details = QTabWidget()
        self.check_model = RecordTableModel([
            ColumnDef("title", self.tr("Problem"), display=lambda r: self._check_title(r.problem), width=300),
            ColumnDef("text", self.tr("Record (double-click to open)"), width=500),
        ], self, row_color=lambda r: None if r.problem == "call_still_due" else "amber")
        self.check_table = record_table(self.check_model, "check_table")
        self.check_table.doubleClicked.connect(self._open_check)
        self.check_table.activated.connect(self._open_check)
        self.details.addTab(self.check_table, self.tr("Pre-export check"))

        self.tech_model = RecordTableModel([
            ColumnDef("name", self.tr("Technician"), width=120),
            ColumnDef("repairs", self.tr("Repairs"), align=Qt.AlignRight | Qt.AlignVCenter, width=70),
            ColumnDef("on_time_rate", self.tr("On-time rate"), display=lambda t: f"{t.on_time_rate.text}  "
                      f"({t.on_time}/{t.repairs})", width=150),
            ColumnDef("success_rate", self.tr("Success rate"), display=lambda t: f"{t.success_rate.text}  "
                      f"({t.successful}/{t.repairs})", width=150),
            ColumnDef("satisfaction", self.tr("Satisfaction"), display=lambda t: f"{t.satisfaction.text}  "
                      f"({t.satisfied}/{t.calls_reached})", width=150),
            ColumnDef("grade", self.tr("Grade"), display=lambda t: t.grade or K.DASH, width=80),
        ], self)
        self.details.addTab(record_table(self.tech_model, "tech_table"), self.tr("Technicians"))
        self.dealer_model = RecordTableModel([
            ColumnDef("name", self.tr("Dealer"), width=220),
            ColumnDef("calls_reached", self.tr("Calls reached"), align=Qt.AlignRight | Qt.AlignVCenter, width=110),
            ColumnDef("satisfaction", self.tr("Satisfaction"), display=lambda d: f"{d.satisfaction.text}  "
                      f"({d.satisfied}/{d.calls_reached})", width=160),
        ], self)
        self.details.addTab(record_table(self.dealer_model, "dealer_table"), self.tr("Dealers"))
        self.ticket_model = RecordTableModel([
            ColumnDef("no", self.tr("Ticket"), width=100),
            ColumnDef("level", self.tr("Level"), display=lambda d: d.level_label, width=50),
            ColumnDef("customer_name", self.tr("Customer"), width=190),
            ColumnDef("technicians", self.tr("Technicians"), width=120),
            ColumnDef("completed_at", self.tr("Completed at"), display=lambda d: (d.completed_at or "")[:16], width=120),
            ColumnDef("on_time", self.tr("On time"), display=lambda d: self._yes_no(d.on_time), width=60),
            ColumnDef("on_time_why", self.tr("Why"), width=330),
            ColumnDef("successful", self.tr("Successful"), display=lambda d: self._yes_no(d.successful), width=70),
            ColumnDef("success_why", self.tr("Why"), width=300),
        ], self, cell_color=self._decision_color)
        self.ticket_table = record_table(self.ticket_model, "ticket_table")
        self.ticket_table.doubleClicked.connect(
            lambda i: self.ctx.open("ticket", self.ticket_model.row(i.row()).no))
        self.details.addTab(self.ticket_table, self.tr("Repairs counted"))
        self.call_model = RecordTableModel([
            ColumnDef("called_at", self.tr("Called at"), display=lambda c: c.called_at[:16], width=120),
            ColumnDef("kind", self.tr("Kind"), display=lambda c: kind_text(c.kind), width=190),
            ColumnDef("ticket_no", self.tr("Ticket"), width=100),
            ColumnDef("customer_name", self.tr("Customer"), width=190),
            ColumnDef("dealer", self.tr("Dealer"), width=130),
            ColumnDef("satisfaction", self.tr("Satisfaction"), display=lambda c: satisfaction_text(c.satisfaction),
                      width=90),
            ColumnDef("complaint", self.tr("Complaint"), width=200),
        ], self, cell_color=lambda c, key: ("red" if key == "satisfaction" and c.satisfaction == "dissatisfied"
                                            else None))
        self.call_table = record_table(self.call_model, "call_table")
        self.call_table.doubleClicked.connect(
            lambda i: self.ctx.open("followup", self.call_model.row(i.row()).followup_id))
        self.details.addTab(self.call_table, self.tr("Calls counted"))
        self.count_model = RecordTableModel([
            ColumnDef("count_id", self.tr("Count"), width=60),
            ColumnDef("count_date", self.tr("Date"), width=100),
            ColumnDef("part_code", self.tr("Part code"), width=110),
            ColumnDef("name", self.tr("Name"), width=180),
            ColumnDef("book_qty", self.tr("Book"), align=Qt.AlignRight | Qt.AlignVCenter, width=60),
            ColumnDef("counted_qty", self.tr("Counted qty"), align=Qt.AlignRight | Qt.AlignVCenter, width=60),
            ColumnDef("matches", self.tr("Matches"), display=lambda ln: self._yes_no(ln.matches), width=70),
        ], self, cell_color=lambda ln, key: ("red" if key == "matches" and not ln.matches else None))
        self.count_table = record_table(self.count_model, "count_table")
        self.count_table.doubleClicked.connect(
            lambda i: self.ctx.open("stock_count", self.count_model.row(i.row()).count_id))
        self.details.addTab(self.count_table, self.tr("Stock count lines"))
        self.trend = TrendChart()
        self.details.addTab(self.trend, self.tr("Trend"))
        lay.addWidget(self.details, 1)
        self.reload()

    # ---------------------------------------------------------------- helpers
    def _yes_no(self, flag: bool) -> str:
        return self.tr("Yes") if flag else self.tr("No")

    def _decision_color(self, d: K.TicketDecision, key: str) -> str | None:
        if key in ("on_time", "on_time_why") and not d.on_time:
            return "red"
        if key in ("successful", "success_why") and not d.successful:
            return "red"
        return None

    def _check_title(self, problem: str) -> str:
        return {
            "no_arrival": self.tr("Completed without an arrival time (counts as late)"),
            "no_result": self.tr("Completed without a result (counts as unsuccessful)"),
            "call_not_made": self.tr("Follow-up call due this month not made yet"),
            "call_still_due": self.tr("Note: follow-up call still due this month (not overdue yet)"),
            "count_not_posted": self.tr("Stock count not posted"),
        }.get(problem, problem)

    def _fill_months(self) -> None:
        current = K.current_month()
        months = set(ticket_months(self.ctx.db)) | {current}
        self.month_combo.blockSignals(True)
        selected = self.month_combo.currentData()
        self.month_combo.clear()
        for month in sorted(months, reverse=True):
            self.month_combo.addItem(month, month)
        index = self.month_combo.findData(selected or current)
        self.month_combo.setCurrentIndex(max(0, index))
        self.month_combo.blockSignals(False)

    def month(self) -> str:
        return self.month_combo.currentData() or K.current_month()

    def set_month(self, month: str) -> None:
        month = K.parse_month(month)
        index = self.month_combo.findData(month)
        if index < 0:
            self.month_combo.addItem(month, month)
            index = self.month_combo.findData(month)
        self.month_combo.setCurrentIndex(index)

    def _step(self, delta: int) -> None:
        # the list is newest first: "previous month" is the next row down
        index = self.month_combo.currentIndex() - delta
        if 0 <= index < self.month_combo.count():
            self.month_combo.setCurrentIndex(index)

    # ---------------------------------------------------------------- loading
    def reload(self) -> None:
        month = self.month()
        try:
            report = K.kpi_report(self.ctx.db, month, prepared_by=self.ctx.user)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.report = report
        self._stale, self._read_at = False, time.monotonic()
        k = report.kpi
        self.cards["on_time"].set_rate(k.on_time_rate, self.tr("%1 on time of %2 repairs")
                                       .replace("%1", str(k.on_time)).replace("%2", str(k.repairs)))
        self.cards["success"].set_rate(k.success_rate, self.tr("%1 successful of %2 repairs")
                                       .replace("%1", str(k.successful)).replace("%2", str(k.repairs)))
        self.cards["satisfaction"].set_rate(k.satisfaction, self.tr("%1 satisfied of %2 calls reached")
                                            .replace("%1", str(k.satisfied)).replace("%2", str(k.calls_reached)))
        self.cards["stock"].set_rate(k.stock_accuracy, self.tr("%1 matching of %2 parts counted")
                                     .replace("%1", str(k.parts_matching)).replace("%2", str(k.parts_counted)))
        mean = k.mean
        self.cards["grade"].set_text(k.grade or K.DASH, self.tr("Mean of the rates: %1")
                                     .replace("%1", K.DASH if mean is None else f"{mean:.2f}%"))
        try:
            notes = K.calls_still_due(self.ctx.db, month)
        except DomainError:
            notes = []
        # problems first; calls not yet due are listed after them as notes, not counted
        self.check_model.set_rows(list(report.checks) + notes)
        self.details.setTabText(0, self.tr("Pre-export check (%1)").replace("%1", str(len(report.checks))))
        self.tech_model.set_rows(k.technicians)
        self.dealer_model.set_rows(k.dealers)
        self.ticket_model.set_rows(report.tickets)
        self.call_model.set_rows(report.calls)
        self.count_model.set_rows(report.counts)
        self.trend.set_months(report.trend)
        self._show_banner()

    def _show_banner(self) -> None:
        report = self.report
        if report is None:
            return
        sent = report.sent
        if sent is None:
            self.banner.setStyleSheet("background: #ECECEC; color: #4A4A4A; padding: 6px;")
            self.banner.setText(self.tr("Not sent to head office yet."))
            self.sent_btn.setText(self.tr("Mark as sent…"))
            return
        who = f" · {sent.sent_by}" if sent.sent_by else ""
        base = (self.tr("Sent to head office on %1").replace("%1", sent.sent_at[:16]) + who
                + f" · SHA-256 {sent.workbook_sha256[:12]}…")
        changes = K.compare_figures(sent.figures, report.kpi.to_json())
        self.sent_btn.setText(self.tr("Mark as sent again…"))
        if not changes:
            self.banner.setStyleSheet("background: #E3F4E1; color: #1E6B2A; padding: 6px;")
            self.banner.setText(self.tr("Sent") + " — " + base)
            return
        items = "; ".join(f"{c.label}: {c.sent} → {c.now}" for c in changes[:8])
        more = "" if len(changes) <= 8 else f" … (+{len(changes) - 8})"
        self.banner.setStyleSheet("background: #FDE2E1; color: #B3261E; padding: 6px;")
        title = self.tr("Changed after sending")
        self.banner.setText(f"<b>{title}</b> — "
                            + self.tr("this changes the figures already sent.") + f" {base}<br>{items}{more}")

    def _open_check(self, index) -> None:
        item = self.check_model.row(index.row())
        self.ctx.open(item.kind, item.key)

    # ---------------------------------------------------------------- export and month close
    def export(self) -> None:
        month = self.month()
        office = self.report.kpi.office if self.report else ""
        settings = QSettings()
        folder = settings.value("kpi/last_folder", str(Path.home()))
        suggested = str(Path(folder) / K.default_workbook_name(office, month))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the month's workbook"), suggested,
                                                    self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        settings.setValue("kpi/last_folder", str(Path(path).parent))
        self.export_to(Path(path))

    def export_to(self, path: Path) -> ExportWorker:
        """Start the export worker (tests call this directly)."""
        if self.worker is not None and self.worker.isRunning():
            return self.worker
        worker = keep_until_finished(ExportWorker(self.ctx.db_path, self.month(), path, self.ctx.user,
                                                  self.fee_check.isChecked()))
        dialog = QProgressDialog(self.tr("Writing the workbook…"), self.tr("Cancel"), 0, 100, self)
        dialog.setWindowTitle(self.tr("Export to Excel"))
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(worker.requestInterruption)
        worker.progress.connect(lambda pct, stage: (dialog.setValue(pct), dialog.setLabelText(stage)))
        worker.finished_ok.connect(self._export_done)
        worker.failed.connect(self._export_failed)
        worker.finished.connect(dialog.reset)
        self.worker, self.progress_dialog = worker, dialog
        self.export_btn.setEnabled(False)
        worker.start()
        return worker

    def _export_done(self, path: str, sha: str, figures: dict, checksum: str = "") -> None:
        self.export_btn.setEnabled(True)
        self.last_export = (self.month(), path, sha, figures)
        self.last_checksum = checksum
        self.ctx.status(self.tr("Workbook written to %1").replace("%1", path))
        self.exported.emit(path, sha)

    def _export_failed(self, message: str) -> None:
        self.export_btn.setEnabled(True)
        if message:
            show_error(self, DomainError(message))
        else:
            self.ctx.status(self.tr("Export cancelled."))

    def mark_sent(self) -> None:
        month = self.month()
        checksum = None
        if self.last_export and self.last_export[0] == month:
            _m, path, sha, figures = self.last_export
            checksum = self.last_checksum or None
        else:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Choose the workbook that was sent to head office"),
                str(QSettings().value("kpi/last_folder", str(Path.home()))), self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return
            try:
                sha = K.file_sha256(path)
            except OSError as exc:
                show_error(self, DomainError(str(exc)))
                return
            figures = None
            checksum = workbook_checksum(path, month)
        question = (self.tr("Mark %1 as sent to head office with the workbook %2?\n\nSHA-256 %3")
                    .replace("%1", month).replace("%2", Path(path).name).replace("%3", sha))
        if not confirm(self, self.tr("Mark as sent"), question):
            return
        self.mark_sent_with(path, sha, figures, checksum)

    def mark_sent_with(self, path: str, sha: str, figures: dict | None,
                       checksum: str | None = None) -> K.SentRecord | None:
        try:
            record = K.mark_month_sent(self.ctx.db, self.month(), sha, self.ctx.user, file_name=Path(path).name,
                                       figures=figures, figures_sha256=checksum)
        except DomainError as exc:
            show_error(self, exc)
            return None
        self.ctx.status(self.tr("%1 marked as sent.").replace("%1", record.month))
        self.ctx.data_changed("kpi")
        self.reload()
        return record

    def open_rollup(self) -> "QWidget":
        """月报 ▸ 汇总各分公司…: the head-office roll-up dialog (returned for tests)."""
        from servicedesk.ui.kpi.rollup_dialog import RollupDialog

        dialog = RollupDialog(self.ctx, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # ---------------------------------------------------------------- main window hooks
    def show_record(self, kind: str, key: object) -> None:
        if kind == "kpi_month":
            try:
                self.set_month(str(key))
            except DomainError:
                return

    def on_data_changed(self, kind: str) -> None:
        if kind == "kpi":
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True   # reloaded when the tab is shown again

    def on_activated(self) -> None:
        """Shown: the month list again (a new month may have begun); the
        figures again unless they were just read (the tab built for this
        showing, nothing changed since)."""
        self._fill_months()
        fresh = time.monotonic() - self._read_at < 600   # "due now" checks move with the clock
        if self._stale or not fresh or self.report is None or self.report.kpi.month != self.month():
            self.reload()
