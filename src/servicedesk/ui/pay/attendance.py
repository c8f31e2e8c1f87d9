"""Attendance in the pay tab: the in-place grid of days worked and long-trip
days, and its Excel exchange tied to the month the tab shows (a locked month
is refused before the file is read). Split from ui/pay/tab.py; the tab is
passed in, never imported (no import circle).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QThreadPool
from PySide6.QtWidgets import QWidget

from servicedesk.models.pay import month as P
from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.validation import fen_to_yuan_str
from servicedesk.ui.pay.dialog_common import role_column_width, role_word
from servicedesk.ui.import_export import SheetExchange, SheetJob, SheetTask
from servicedesk.ui.table_model import RIGHT, ColumnDef, RecordTableModel


# ---------------------------------------------------------------- attendance sheets
class AttendanceExportJob(SheetJob):
    """Writes the attendance grid of one month (the tab's), not only this month's."""

    def run(self) -> None:
        from servicedesk.models.core.db import open_db
        from servicedesk.reports.sheets import write_rows

        try:
            db = open_db(self.db_path, create=False, check=False)  # the window checked it
            try:
                rows = [{"technician": r.name, "days_worked": r.days_worked, "long_trip_days": r.long_trip_days}
                        for r in P.attendance_grid(db, self.task.options["month"])]
            finally:
                db.close()
            write_rows(P.ATTENDANCE_SPEC, rows, self.task.path)
        except DomainError as exc:
            self.signals.failed.emit(exc.message)
            return
        except Exception as exc:  # disk full, permission: reported, never raised in a thread
            self.signals.failed.emit(str(exc))
            return
        self.signals.done.emit(len(rows))


class AttendanceExchange(SheetExchange):
    """The shared Excel flow for attendance, tied to the month shown in the tab.

    The import's Month option starts at the tab's month; a locked month is
    refused with the lock message before the file is read; the export writes
    the tab's month. After an import the tab shows the month imported.
    """

    def __init__(self, tab: QWidget):
        super().__init__(tab.ctx, tab, announce=tab.attendance_imported)
        self.tab = tab
        self.imported_month = ""

    def choose_save(self, kind: str, template: bool = False, name: str = "") -> str:
        if kind == "attendance" and not template and not name:
            name = f"出勤-{self.tab.month()}"
        return super().choose_save(kind, template, name)

    def options_dialog(self, kind, path, dry_run=False, options=None):
        dialog = super().options_dialog(kind, path, dry_run, options)
        if dialog.month_edit is not None:
            dialog.month_edit.setDate(self.tab.month_edit.date())
        return dialog

    def start(self, action, kind, path, *, options=None, dry_run=False, importer=None):
        if kind == "attendance" and action == "import":
            month = str((options or {}).get("month") or self.tab.month())
            try:
                P.ensure_month_open(self.ctx.db, month)
            except DomainError as exc:
                self.show_problems(QCoreApplication.translate("PayTab", "Nothing was imported"),
                                   exc.message + " " + QCoreApplication.translate(
                                       "PayTab", "Nothing was imported."))
                self.ctx.status(exc.message)
                return None
            self.imported_month = month
        if kind == "attendance" and action == "export":
            job = AttendanceExportJob(self.ctx.db_path, SheetTask(action, kind, str(path),
                                                                  {"month": self.tab.month()}))
            job.setAutoDelete(False)
            self.job = job
            for w in self.busy:
                w.setEnabled(False)
            job.signals.done.connect(self._done)
            job.signals.failed.connect(self._failed)
            QThreadPool.globalInstance().start(job)
            return job
        return super().start(action, kind, path, options=options, dry_run=dry_run, importer=importer)


# ---------------------------------------------------------------- attendance grid
class AttendanceModel(RecordTableModel):
    """Days worked / long-trip days are edited in place; the model layer checks them."""

    EDITABLE = ("days_worked", "long_trip_days")

    def __init__(self, tab: QWidget):
        super().__init__([
            ColumnDef("name", QCoreApplication.translate("PayTab", "Technician"), width=110),
            ColumnDef("role", QCoreApplication.translate("PayTab", "Role"), lambda r: role_word(r.role), width=role_column_width(tab)),
            ColumnDef("days_worked", QCoreApplication.translate("PayTab", "Days worked"), align=RIGHT, width=90),
            ColumnDef("long_trip_days", QCoreApplication.translate("PayTab", "Long-trip days"), align=RIGHT, width=100),
            ColumnDef("allowance_fen", QCoreApplication.translate("PayTab", "Living allowance"), lambda r: fen_to_yuan_str(r.allowance_fen), align=RIGHT,
                      width=110),
            ColumnDef("recorded", QCoreApplication.translate("PayTab", "Entered"), lambda r: QCoreApplication.translate("PayTab", "yes") if r.recorded else QCoreApplication.translate("PayTab", "not yet"),
                      width=80),
        ], tab, row_color=lambda r: None if r.recorded else "amber")
        self.tab = tab

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        if index.isValid() and self.columns[index.column()].key in self.EDITABLE:
            return base | Qt.ItemIsEditable
        return base

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role == Qt.EditRole and index.isValid():
            return str(getattr(self.row(index.row()), self.columns[index.column()].key))
        return super().data(index, role)

    def setData(self, index: QModelIndex, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid():
            return False
        row = self.row(index.row())
        key = self.columns[index.column()].key
        days = value if key == "days_worked" else row.days_worked
        trips = value if key == "long_trip_days" else row.long_trip_days
        return self.tab.save_attendance(row.technician_id, days, trips)
