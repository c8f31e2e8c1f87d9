"""配件台账 — the parts tab: part list with balance and low-stock marking on
top; below it the ledger (filtered by part, kind, dates, ticket, technician),
the low-stock purchase list, the old parts still to come back, and the stock
counts. Every action is one dialog calling one model function.

Lists are fed page by page from models/parts.py (the database filters, sorts
and counts), so 500 000 ledger lines open as fast as 50. The ledger export
runs in a worker thread with its own connection and can be cancelled.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit, QFileDialog, QMessageBox, QProgressDialog, QTableView, QWidget,
)

from servicedesk.models.parts import ledger as P
from servicedesk.models.parts import stockcount as S
from servicedesk.models.core.db import now_iso
from servicedesk.models.core.errors import DomainError
from servicedesk.ui.common import show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.parts.count_dialog import CountDialog, StartCountDialog
from servicedesk.ui.parts.move_dialog import MoveDialog, OldPartDialog, kind_text
from servicedesk.ui.parts.part_dialog import PartDialog
from servicedesk.ui.table_model import ROW_ROLE
from servicedesk.ui.parts.tab_layout import ANY_DATE, PartsTabLayout, _signed



def selected_row(table: QTableView):
    index = table.currentIndex()
    if not index.isValid():
        return None
    return table.model().data(index, ROW_ROLE)


# ---------------------------------------------------------------- export worker
class _ExportSignals(QObject):
    progress = Signal(int)
    done = Signal(str, int)
    failed = Signal(str)


class LedgerExport(QRunnable):
    """Writes the filtered ledger with its own connection (never touches widgets)."""

    def __init__(self, db_path, flt: P.LedgerFilter, out: str):
        super().__init__()
        self.db_path, self.flt, self.out = db_path, flt, out
        self.signals = _ExportSignals()
        self.cancelled = False

    def run(self) -> None:
        from servicedesk.models.core.db import open_db
        from servicedesk.reports.parts_sheets import Cancelled, write_stream

        try:
            db = open_db(self.db_path, create=False, check=False)  # the window checked it
            try:
                path, n = write_stream(P.LEDGER_SPEC, P.ledger_rows(db, self.flt), self.out,
                                       progress=self._progress)
            finally:
                db.close()
        except Cancelled:
            self.signals.failed.emit("")
            return
        except Exception as exc:  # reported to the user, not raised in a thread
            self.signals.failed.emit(getattr(exc, "message", str(exc)))
            return
        self.signals.done.emit(str(path), n)

    def _progress(self, n: int) -> bool:
        self.signals.progress.emit(n)
        return not self.cancelled


# ---------------------------------------------------------------- the tab
class PartsTab(PartsTabLayout, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._order = ("code", False)
        self._ledger_order = ("at", True)
        self._exports: list[LedgerExport] = []
        self._build_ui()
        self.reload()

    def _state_text(self, part: P.Part) -> str:
        return {"low": self.tr("Low stock"), "inactive": self.tr("Not in use"), "ok": ""}[part.state]

    @staticmethod
    def _part_color(part: P.Part) -> str | None:
        return {"low": "amber", "inactive": "grey"}.get(part.state)

    def current_part(self) -> P.Part | None:
        return selected_row(self.parts_table)

    def _ledger_needs_part(self) -> bool:
        """True when the ledger is limited to the selected part but none is selected."""
        return self.only_part.isChecked() and self.current_part() is None

    def _balance_tip(self, move: P.Move) -> str:
        text = self.tr("Stock right after this line, in date order")
        if move.out_of_order:
            text += "\n" + self.tr("Book stock when this line was booked: %1 (lines were booked out of date "
                                   "order)").replace("%1", str(move.balance_after))
        return text

    @staticmethod
    def _date_value(edit: QDateEdit) -> str | None:
        return None if edit.date() == ANY_DATE else edit.date().toString("yyyy-MM-dd")

    def ledger_filter(self) -> P.LedgerFilter:
        part = self.current_part() if self.only_part.isChecked() else None
        return P.LedgerFilter(part_id=part.id if part else None, kind=self.kind_filter.currentData(),
                              date_from=self._date_value(self.date_from), date_to=self._date_value(self.date_to),
                              ticket=self.ticket_filter.text().strip() or None,
                              technician_id=self.tech_filter.currentData())

    def reload_ledger(self) -> None:
        waiting = self._ledger_needs_part()
        self.ledger_empty.setVisible(waiting)
        self.ledger_table.setVisible(not waiting)
        if waiting:
            self.ledger_model.set_rows([])
            return
        flt = self.ledger_filter()

        def set_order(key: str, descending: bool) -> None:
            self._ledger_order = (key, descending)

        try:
            self.ledger_model.set_fetcher(
                lambda off, lim: P.list_moves(self.ctx.db, flt, order=self._ledger_order[0],
                                              descending=self._ledger_order[1], limit=lim, offset=off),
                lambda: P.count_moves(self.ctx.db, flt), set_order)
        except DomainError as exc:
            self.ctx.status(exc.message)

    def _ledger_double_click(self, index) -> None:
        move: P.Move = self.ledger_model.row(index.row())
        if move.ticket_no:
            self.ctx.open("ticket", move.ticket_no)

    def reverse_line(self) -> None:
        move: P.Move | None = selected_row(self.ledger_table)
        if move is None:
            return
        from PySide6.QtWidgets import QInputDialog

        reason, ok = QInputDialog.getText(
            self, self.tr("Correct line"),
            self.tr("Book an opposite line for #%1 (%2 %3 %4). Reason:")
            .replace("%1", str(move.id)).replace("%2", kind_text(move.kind)).replace("%3", move.part_code)
            .replace("%4", _signed(move.qty)))
        if not ok:
            return
        try:
            P.reverse_move(self.ctx.db, move.id, reason=reason, who=self.ctx.user)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.data_changed("parts")
        self.select_part(move.part_id, move.part_code)

    def reload_low_stock(self) -> None:
        rows = P.low_stock(self.ctx.db)
        self.low_model.set_rows(rows)
        months = rows[0].months if rows else 3
        self.low_hint.setText(self.tr("%1 part(s) below safety stock. Suggested order = (safety stock − book "
                                      "stock) + average monthly use of the last %2 months.")
                              .replace("%1", str(len(rows))).replace("%2", str(months)))

    def _old_state(self, item: P.OldPart) -> str:
        if item.overdue:
            return self.tr("Overdue %1 h").replace("%1", str(item.overdue_hours))
        left = _dt.datetime.fromisoformat(item.due_at) - _dt.datetime.now()
        return self.tr("Due in %1 h").replace("%1", str(max(1, int(left.total_seconds() // 3600) + 1)))

    @staticmethod
    def _old_color(item: P.OldPart) -> str | None:
        if item.overdue:
            return "red"
        due = _dt.datetime.fromisoformat(item.due_at)
        return "amber" if due - _dt.datetime.now() < _dt.timedelta(hours=4) else None

    def reload_old_parts(self) -> None:
        items = sorted(P.old_parts_pending(self.ctx.db), key=lambda o: (o.holder, o.due_at))
        self.old_model.set_rows(items)
        overdue = sum(1 for o in items if o.overdue)
        self.old_hint.setText(self.tr("%1 old part(s) not yet booked back, %2 overdue. Faulty parts are due "
                                      "in the warehouse %3 h after the technician's return.")
                              .replace("%1", str(len(items))).replace("%2", str(overdue))
                              .replace("%3", str(P.old_part_return_hours(self.ctx.db))))

    def _old_double_click(self, index) -> None:
        item: P.OldPart = self.old_model.row(index.row())
        if self.old_model.columns[index.column()].key == "ticket_no" and item.ticket_no:
            self.ctx.open("ticket", item.ticket_no)
        else:
            self.book_old_part()

    def book_old_part(self) -> None:
        item: P.OldPart | None = selected_row(self.old_table)
        if item is None:
            QMessageBox.information(self, self.tr("Book old part back"),
                                    self.tr("Choose an old part in the list first."))
            return
        OldPartDialog(self.ctx, item, self).exec()

    def _count_status(self, c: S.StockCount) -> str:
        return {"open": self.tr("in progress"), "completed": self.tr("finished, not posted"),
                "posted": self.tr("posted")}.get(c.status, c.status)

    def _count_source(self, c: S.StockCount) -> str:
        return self.tr("imported") if c.source == "import" else self.tr("on screen")

    @staticmethod
    def _count_color(c: S.StockCount) -> str | None:
        return {"open": "amber", "completed": "amber", "posted": "green"}.get(c.status)

    def reload_counts(self) -> None:
        self.counts_model.set_rows(S.list_counts(self.ctx.db))
        month = _dt.date.today().strftime("%Y-%m")
        last = (_dt.date.today().replace(day=1) - _dt.timedelta(days=1)).strftime("%Y-%m")
        texts = []
        for m in (last, month):
            matching, counted = S.stock_accuracy(self.ctx.db, m)
            if counted:
                pct = f"{matching * 100 / counted:.1f} %"
                texts.append(self.tr("Stock accuracy %1: %2 / %3 = %4").replace("%1", m)
                             .replace("%2", str(matching)).replace("%3", str(counted)).replace("%4", pct))
        self.accuracy_label.setText("   ".join(texts))

    def start_count(self) -> None:
        current = S.open_count(self.ctx.db)
        if current is not None:
            self.open_count(current.id)
            return
        dialog = StartCountDialog(self.ctx, self)
        if dialog.exec() and dialog.count is not None:
            self.open_count(dialog.count.id)

    def stock_count(self) -> None:
        self.sub.setCurrentIndex(3)
        self.start_count()

    def open_selected_count(self) -> None:
        count = selected_row(self.counts_table)
        if count is not None:
            self.open_count(count.id)

    def open_count(self, count_id: int) -> None:
        CountDialog(self.ctx, count_id, self).exec()
        self.reload_counts()
        self.reload_parts()

    # ---- actions ---------------------------------------------------------------
    def book(self, kind: str) -> None:
        part = self.current_part()
        dialog = MoveDialog(self.ctx, kind, part.code if part else None, parent=self)
        if dialog.exec() and dialog.move is not None:
            self.select_part(dialog.move.part_id, dialog.move.part_code)

    def new_part(self) -> None:
        dialog = PartDialog(self.ctx, None, self)
        if dialog.exec() and dialog.part is not None:
            self.show_record("part", dialog.part.code)

    def edit_part(self) -> None:
        part = self.current_part()
        if part is None:
            return
        PartDialog(self.ctx, P.get_part(self.ctx.db, part.id), self).exec()

    def delete_part(self) -> None:
        """删除 a part without ledger lines; one with history can only be deactivated (停用).
        A deactivated part is offered back (启用) by the same action."""
        from servicedesk.ui.record_actions import delete_or_deactivate

        part = self.current_part()
        if part is None:
            return
        label = f"{part.code} {part.name}"
        done = delete_or_deactivate(
            self, self.ctx, "part", part.id, label,
            delete=lambda: P.delete_part(self.ctx.db, part.id, self.ctx.user),
            deactivate=lambda: P.set_part_active(self.ctx.db, part.id, False, self.ctx.user),
            reactivate=None if part.active else lambda: P.set_part_active(self.ctx.db, part.id, True,
                                                                            self.ctx.user))
        if done is None:
            return
        done_text = {"delete": self.tr("Deleted part %1"), "deactivate": self.tr("Deactivated part %1"),
                     "reactivate": self.tr("Reactivated part %1")}[done]
        self.ctx.status(done_text.replace("%1", label))
        self.ctx.data_changed("parts")
        self.reload()

    def _save_path(self, title: str, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, name, self.tr("Excel workbook (*.xlsx)"))
        return path

    def export_low_stock(self) -> None:
        from servicedesk.reports.sheets import write_rows

        path = self._save_path(self.tr("Export purchase list"), f"采购建议-{_dt.date.today()}.xlsx")
        if not path:
            return
        try:
            write_rows(P.LOW_STOCK_SPEC, P.low_stock_rows(self.ctx.db), path)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.status(self.tr("Written to %1").replace("%1", path))

    def export_old_parts(self) -> None:
        from servicedesk.reports.sheets import write_rows

        path = self._save_path(self.tr("Export old parts list"), f"旧件待返-{_dt.date.today()}.xlsx")
        if not path:
            return
        try:
            write_rows(P.OLD_PARTS_SPEC, P.old_parts_rows(self.ctx.db, now_iso()), path)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.status(self.tr("Written to %1").replace("%1", path))

    def export_ledger(self) -> None:
        if self._ledger_needs_part():
            self.ctx.status(self.ledger_empty.text())
            return
        path = self._save_path(self.tr("Export ledger"), f"配件台账-{_dt.date.today()}.xlsx")
        if not path:
            return
        flt = self.ledger_filter()
        total = P.count_moves(self.ctx.db, flt)
        job = LedgerExport(self.ctx.db_path, flt, path)
        progress = QProgressDialog(self.tr("Writing the ledger…"), self.tr("Cancel"), 0, max(total, 1), self)
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(lambda: setattr(job, "cancelled", True))
        job.signals.progress.connect(progress.setValue)

        def done(out: str, n: int) -> None:
            progress.close()
            self._exports.remove(job)
            self.ctx.status(self.tr("%1 ledger lines written to %2").replace("%1", str(n)).replace("%2", out))

        def failed(message: str) -> None:
            progress.close()
            self._exports.remove(job)
            if message:
                QMessageBox.warning(self, self.tr("Export failed"), message)

        job.signals.done.connect(done)
        job.signals.failed.connect(failed)
        self._exports.append(job)
        QThreadPool.globalInstance().start(job)

    # ---- loading -----------------------------------------------------------------
    def reload_parts(self) -> None:
        query, low, inactive = self.search.text(), self.low_only.isChecked(), self.show_inactive.isChecked()
        selected = self.current_part()

        def set_order(key: str, descending: bool) -> None:
            self._order = (key, descending)

        self.parts_model.set_fetcher(
            lambda off, lim: P.list_parts(self.ctx.db, query, low_only=low, include_inactive=inactive,
                                          order=self._order[0], descending=self._order[1], limit=lim, offset=off),
            lambda: P.count_parts(self.ctx.db, query, low_only=low, include_inactive=inactive), set_order)
        total = P.count_parts(self.ctx.db, include_inactive=True)
        self.parts_empty.setVisible(total == 0)
        self.parts_table.setVisible(total > 0)
        self.count_label.setText(self.tr("Showing %1 of %2 parts · %3 below safety stock")
                                 .replace("%1", str(self.parts_model.total())).replace("%2", str(total))
                                 .replace("%3", str(P.count_low_stock(self.ctx.db))))
        # keep the part the clerk was on; otherwise the first one, so the ledger
        # below is never an unexplained empty list
        row = self.parts_model.find_row(lambda p: p.id == selected.id) if selected is not None else -1
        if row < 0 and self.parts_model.rowCount():
            row = 0
        if row >= 0:
            self.parts_table.selectRow(row)
        self.reload_ledger()

    def select_part(self, part_id: int, code: str) -> None:
        """Show a part that just moved, with its ledger (the new line on top): in
        the list as filtered if it is there, otherwise by searching for its code."""
        self.reload()
        row = self.parts_model.find_row(lambda p: p.id == part_id)
        if row < 0:
            self.show_record("part", code)
            return
        self.parts_table.selectRow(row)
        self.parts_table.scrollTo(self.parts_model.index(row, 0))
        self.sub.setCurrentIndex(0)
        self.reload_ledger()

    def _on_part_selected(self) -> None:
        part = self.current_part()
        has = part is not None
        self.edit_btn.setEnabled(has)
        self.delete_btn.setEnabled(has)
        if self.only_part.isChecked():
            self.reload_ledger()

    def _fill_technicians(self) -> None:
        current = self.tech_filter.currentData()
        self.tech_filter.blockSignals(True)
        self.tech_filter.clear()
        self.tech_filter.addItem(self.tr("All technicians"), None)
        for tech_id, name in P.technician_choices(self.ctx.db):
            self.tech_filter.addItem(name, tech_id)
        index = self.tech_filter.findData(current)
        self.tech_filter.setCurrentIndex(max(index, 0))
        self.tech_filter.blockSignals(False)

    def reload_lower(self) -> None:
        index = self.sub.currentIndex()
        if index == 0:
            self.reload_ledger()
        elif index == 1:
            self.reload_low_stock()
        elif index == 2:
            self.reload_old_parts()
        else:
            self.reload_counts()

    def reload(self) -> None:
        self._fill_technicians()
        self.reload_parts()
        self.reload_lower()
        self.sub.setTabText(1, self.tr("Low stock (%1)").replace("%1", str(P.count_low_stock(self.ctx.db))))
        pending, overdue = P.old_parts_summary(self.ctx.db)
        self.sub.setTabText(2, self.tr("Old parts to return (%1)").replace("%1", str(pending)))

    # ---- main-window hooks --------------------------------------------------------
    def on_data_changed(self, kind: str) -> None:
        if kind in ("parts", "tickets", "all"):
            self.reload()

    def on_activated(self) -> None:
        self.reload()

    def show_record(self, kind: str, key: object) -> None:
        if kind == "stock_count":
            self.sub.setCurrentIndex(3)
            self.open_count(int(key))
            return
        # ctx.open("parts", "low_stock" | "old_parts" | "counts") shows that list (dashboard links).
        lists = {"ledger": 0, "low_stock": 1, "old_parts": 2, "counts": 3}
        if kind == "parts" and key in lists:
            self.sub.setCurrentIndex(lists[str(key)])
            return
        code = str(key)
        self.low_only.setChecked(False)
        part = P.find_part(self.ctx.db, code)
        if part is None:
            return
        if not part.active:
            self.show_inactive.setChecked(True)
        self.search.blockSignals(True)
        self.search.setText(part.code)
        self.search.blockSignals(False)
        self.reload_parts()
        row = self.parts_model.find_row(lambda p: p.id == part.id)
        if row >= 0:
            self.parts_table.selectRow(row)
        self.sub.setCurrentIndex(0)
