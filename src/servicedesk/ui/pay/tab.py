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

from PySide6.QtCore import QDate, QObject, QRunnable, QSettings, QThreadPool, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from servicedesk.models.pay import billing as D
from servicedesk.models.pay import month as P
from servicedesk.models.core.errors import DomainError
from servicedesk.ui.common import show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.pay.dialog_common import leader_suffix, line_kind_word
from servicedesk.ui.pay.tab_layout import PayTabLayout, _h, _y

LOCKED_STYLE = ("QLabel { background: #E3F4E1; color: #1E6B2A; border: 1px solid #9CCB96; border-radius: 3px;"
                " padding: 4px 10px; font-weight: bold; }")
DRAFT_STYLE = ("QLabel { background: #FFF1CC; color: #5C3D00; border: 1px solid #E0C27A; border-radius: 3px;"
               " padding: 4px 10px; font-weight: bold; }")


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
            db = open_db(self.db_path, create=False, check=False)  # the window checked it
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
class PayTab(PayTabLayout, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.pay: P.MonthPay | None = None
        self.jobs: list[ExportJob] = []
        self._serial = 0
        self._dirty = True
        self.last_export: str = ""
        self._build_ui()
        self.reload()

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
