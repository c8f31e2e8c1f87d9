"""Excel import, check, export and template for every kind, off the GUI thread.

One flow for every tab that exchanges sheets (customers, equipment,
technicians, tickets, parts, stock counts, attendance, follow-up calls):

    choose file -> options (per kind, plus "Check only") -> worker thread with
    its own connection -> progress with Cancel -> either the list of problems
    ("row 7, column 电话: ...") with a Copy button and the words "nothing was
    written", or a status message and ctx.data_changed(kind).

The import itself is models.importing.run_import (all rows in one
transaction, rolled back on any problem, on Cancel and on a check), so the
worker can be cancelled at any row without leaving half a file behind.
Workers never touch widgets: they only emit signals, which Qt queues to the
GUI thread because the receiver (SheetExchange) lives there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import sqlite_utils
from PySide6.QtCore import QCoreApplication, QDate, QObject, QRunnable, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QLabel, QMenu, QMessageBox, QPlainTextEdit,
    QProgressDialog, QPushButton, QVBoxLayout, QWidget,
)

from servicedesk.models.core.messages import display_language, localize
from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.importing import ImportResult
from servicedesk.ui.common import ValidatedForm
from servicedesk.ui.context import AppContext
from servicedesk.ui.common import FittedDialog

# Which import options each kind understands (the same names as the CLI's flags).
KIND_OPTIONS: dict[str, tuple[str, ...]] = {
    "customers": ("update",),
    "equipment": ("update",),
    "technicians": ("update",),
    "parts": ("update", "date"),
    "tickets": ("move_stock",),
    "stockcount": ("date", "post"),
    "attendance": ("month",),
    "followups": (),
}

# Suggested file names (Chinese: the workbooks are the office's data, not UI).
FILE_NAMES: dict[str, str] = {
    "customers": "客户档案", "equipment": "设备档案", "technicians": "服务人员档案", "tickets": "服务工单",
    "parts": "配件", "stockcount": "盘点表", "attendance": "出勤", "followups": "回访记录",
}

# An importer given instead of the kind's row handler (e.g. counted
# quantities into one open stock count). Runs on the worker thread with the
# worker's own connection; must not touch widgets.
Importer = Callable[[sqlite_utils.Database, Iterable[tuple[int, dict[str, Any]]]], ImportResult]


def kind_noun(kind: str) -> str:
    """The records of a kind in words, for menu texts and messages."""
    return {
        "customers": QCoreApplication.translate("Sheets", "customers"),
        "equipment": QCoreApplication.translate("Sheets", "equipment"),
        "technicians": QCoreApplication.translate("Sheets", "technicians"),
        "tickets": QCoreApplication.translate("Sheets", "tickets"),
        "parts": QCoreApplication.translate("Sheets", "parts"),
        "stockcount": QCoreApplication.translate("Sheets", "counted quantities"),
        "attendance": QCoreApplication.translate("Sheets", "attendance"),
        "followups": QCoreApplication.translate("Sheets", "follow-up calls"),
    }.get(kind, kind)


class _Cancelled(Exception):
    pass


class _CheckOnly(Exception):
    """Rolls back a checked import that had no problems."""


class _JobSignals(QObject):
    progress = Signal(int, int)     # rows done, rows in the file
    done = Signal(object)           # ImportResult, export row count, 0 for a template, None when cancelled
    failed = Signal(str)            # first line: the message; further lines: problems


@dataclass
class SheetTask:
    """What one job does: action import | export | template of a kind to/from a file."""

    action: str
    kind: str
    path: str
    options: dict[str, Any] = field(default_factory=dict)
    dry_run: bool = False
    importer: Importer | None = None


class SheetJob(QRunnable):
    """Run one SheetTask on the thread pool with its own connection.

    SQLite connections stay on the thread that opened them, so the worker
    opens the data file itself. An import is one transaction: Cancel raises
    between rows and everything rolls back.
    """

    def __init__(self, db_path: Path, task: SheetTask):
        super().__init__()
        self.db_path, self.task = db_path, task
        self.signals = _JobSignals()
        self.cancelled = False

    # The customers tab's tests read these as attributes of the job.
    @property
    def action(self) -> str:
        return self.task.action

    @property
    def kind(self) -> str:
        return self.task.kind

    @property
    def path(self) -> str:
        return self.task.path

    def cancel(self) -> None:
        self.cancelled = True

    def _rows(self, rows: list[tuple[int, dict[str, Any]]]):
        total = len(rows)
        for i, row in enumerate(rows, start=1):
            if self.cancelled:
                raise _Cancelled
            if i % 50 == 0 or i == total:
                self.signals.progress.emit(i, total)
            yield row

    def _run_importer(self, db: sqlite_utils.Database, rows: list[tuple[int, dict[str, Any]]]) -> ImportResult:
        """A given importer; for Check only it runs inside an outer transaction
        that is always rolled back (its own transaction becomes a savepoint)."""
        from servicedesk.models.core.db import transaction

        task = self.task
        if not task.dry_run:
            return task.importer(db, self._rows(rows))
        outcome: list[ImportResult] = []
        try:
            with transaction(db):
                outcome.append(task.importer(db, self._rows(rows)))
                raise _CheckOnly
        except _CheckOnly:
            pass
        outcome[0].dry_run = True
        return outcome[0]

    def run(self) -> None:
        from servicedesk.models.core.db import open_db
        from servicedesk.models.core.importing import run_import
        from servicedesk.models.core.kinds import get_kind
        from servicedesk.reports.sheets import read_rows, write_rows, write_template

        task = self.task
        try:
            kind = get_kind(task.kind)
            if task.action == "template":
                write_template(kind.spec, task.path, kind.sample_rows)
                self.signals.done.emit(0)
                return
            if task.action == "import":
                rows = read_rows(kind.spec, task.path)      # a broken file fails before the db is opened
            db = open_db(self.db_path, create=False)
            try:
                if task.action == "import":
                    if task.importer is not None:
                        result = self._run_importer(db, rows)
                    else:
                        if kind.import_row is None:
                            raise DomainError(f"{task.kind} cannot be imported.", "kind")
                        result = run_import(db, kind.spec, self._rows(rows), kind.import_row,
                                            dry_run=task.dry_run, options=dict(task.options),
                                            session=kind.session)
                    if self.cancelled:
                        raise _Cancelled
                    self.signals.done.emit(result)
                else:
                    if kind.export_rows is None:
                        raise DomainError(f"{task.kind} cannot be exported.", "kind")
                    out = kind.export_rows(db)
                    write_rows(kind.spec, out, task.path)
                    self.signals.done.emit(len(out))
            finally:
                db.close()
        except _Cancelled:
            self.signals.done.emit(None)
        except DomainError as exc:
            lines = [exc.message] + [str(p) for p in getattr(exc, "problems", []) or []]
            self.signals.failed.emit("\n".join(lines))
        except Exception as exc:  # a worker must always report back
            self.signals.failed.emit(str(exc))


# ---------------------------------------------------------------- dialogs
class ProblemsDialog(FittedDialog):
    """The problems of a file, one `row N, column X: …` per line, with Copy.

    The clerk fixes the workbook with this list beside it, or pastes it into
    a message to whoever filled the sheet.
    """

    def __init__(self, title: str, text: str, details: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 380 if details else 160)
        lay = QVBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(self.label)
        self.list = QPlainTextEdit(self)
        self.list.setObjectName("problems")
        self.list.setReadOnly(True)
        self.list.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.list.setPlainText(details)
        self.list.setVisible(bool(details))
        lay.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copy")
        self.copy_button.setToolTip(self.tr("Copy the message and the list to the clipboard"))
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        lay.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.clipboard_text())

    def clipboard_text(self) -> str:
        return "\n".join(t for t in (self.text(), self.detailedText()) if t)

    # The same reading API as QMessageBox (callers and tests use either).
    def text(self) -> str:
        return self.label.text()

    def detailedText(self) -> str:  # noqa: N802 - QMessageBox naming
        return self.list.toPlainText()


class ImportOptionsDialog(FittedDialog):
    """The few choices an import of this kind needs, and "Check only"."""

    def __init__(self, kind: str, file_name: str, parent: QWidget | None = None, *, dry_run: bool = False,
                 options: Sequence[str] | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(self.tr("Import %1").replace("%1", kind_noun(kind)))
        self.setMinimumWidth(440)
        lay = QVBoxLayout(self)
        head = QLabel(self.tr("File: %1").replace("%1", file_name), self)
        head.setWordWrap(True)
        lay.addWidget(head)
        self.form = ValidatedForm(self)
        lay.addWidget(self.form)
        wanted = KIND_OPTIONS.get(kind, ()) if options is None else tuple(options)
        self.update_check = self.move_stock_check = self.post_check = None
        self.date_edit = self.month_edit = None
        if "update" in wanted:
            self.update_check = QCheckBox(self.tr("Update records that already exist"), self)
            self.update_check.setToolTip(self.tr("Not ticked: a row for a record that already exists is listed "
                                                 "as a problem and nothing is imported."))
            self.form.add_row("update", self.tr("Existing records"), self.update_check)
        if "date" in wanted:
            self.date_edit = QDateEdit(QDate.currentDate(), self)
            self.date_edit.setDisplayFormat("yyyy-MM-dd")
            self.date_edit.setCalendarPopup(True)
            label = self.tr("Count date") if kind == "stockcount" else self.tr("Opening stock date")
            self.form.add_row("date", label, self.date_edit)
        if "post" in wanted:
            self.post_check = QCheckBox(self.tr("Also post the stock adjustments"), self)
            self.post_check.setToolTip(self.tr("Not ticked: the count is saved as finished and can be "
                                               "posted later."))
            self.form.add_row("post", self.tr("Adjustments"), self.post_check)
        if "month" in wanted:
            self.month_edit = QDateEdit(QDate.currentDate(), self)
            self.month_edit.setDisplayFormat("yyyy-MM")
            self.form.add_row("month", self.tr("Month"), self.month_edit)
        if "move_stock" in wanted:
            self.move_stock_check = QCheckBox(self.tr("Issue the listed parts from stock"), self)
            self.move_stock_check.setToolTip(self.tr("Not ticked: the tickets' parts are recorded without "
                                                     "changing the stock."))
            self.form.add_row("move_stock", self.tr("Stock"), self.move_stock_check)
        self.dry_run_check = QCheckBox(self.tr("Check only: find the problems, write nothing"), self)
        self.dry_run_check.setObjectName("dry_run")
        self.dry_run_check.setChecked(dry_run)
        self.form.add_row("dry_run", self.tr("Check"), self.dry_run_check)
        note = QLabel(self.tr("The whole file is imported or nothing: if any row has a problem, nothing is "
                              "written and the problems are listed."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b6b6b;")
        lay.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setObjectName("start")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.dry_run_check.toggled.connect(self._update_ok_text)
        self._update_ok_text()

    def _update_ok_text(self) -> None:
        self.ok_button.setText(self.tr("Check") if self.dry_run_check.isChecked() else self.tr("Import"))

    def options(self) -> dict[str, Any]:
        opts: dict[str, Any] = {}
        if self.update_check is not None:
            opts["update"] = self.update_check.isChecked()
        if self.date_edit is not None:
            opts["date"] = self.date_edit.date().toString("yyyy-MM-dd")
        if self.post_check is not None:
            opts["post"] = self.post_check.isChecked()
        if self.month_edit is not None:
            opts["month"] = self.month_edit.date().toString("yyyy-MM")
        if self.move_stock_check is not None:
            opts["move_stock"] = self.move_stock_check.isChecked()
        return opts

    def dry_run(self) -> bool:
        return self.dry_run_check.isChecked()


# ---------------------------------------------------------------- the flow
class SheetExchange(QObject):
    """Import/check/export/template for one screen; one job at a time.

    `announce(kind)` is called after a real import that wrote rows (default:
    ctx.data_changed(kind)); `busy` widgets are disabled while a job runs.
    `finished(action, kind, result)` is emitted after every job (result None
    when cancelled or failed).
    """

    finished = Signal(str, str, object)

    def __init__(self, ctx: AppContext, parent: QWidget, *, announce: Callable[[str], None] | None = None,
                 busy: Sequence[QWidget] = ()):
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.announce = announce or (lambda kind: self.ctx.data_changed(kind))
        self.busy = list(busy)
        self.job: SheetJob | None = None
        self.progress: QProgressDialog | None = None
        self.last_message: QWidget | None = None

    # ---- asking ------------------------------------------------------------------
    def _folder(self) -> str:
        return str(QSettings().value("sheets/last_folder", str(Path.home())))

    def _remember_folder(self, path: str) -> None:
        QSettings().setValue("sheets/last_folder", str(Path(path).parent))

    def choose_open(self, kind: str) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.widget, self.tr("Choose the Excel file of %1 to import").replace("%1", kind_noun(kind)),
            self._folder(), self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self._remember_folder(path)
        return path

    def choose_save(self, kind: str, template: bool = False, name: str = "") -> str:
        name = name or FILE_NAMES.get(kind, kind) + ("模板" if template else "")
        path, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Save the Excel file"),
                                              str(Path(self._folder()) / f"{name}.xlsx"),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self._remember_folder(path)
        return path

    def options_dialog(self, kind: str, path: str, dry_run: bool = False,
                       options: Sequence[str] | None = None) -> ImportOptionsDialog:
        return ImportOptionsDialog(kind, Path(path).name, self.widget, dry_run=dry_run, options=options)

    def ask_import(self, kind: str, *, dry_run: bool = False, importer: Importer | None = None,
                   options: Sequence[str] | None = None) -> SheetJob | None:
        """File, then options (incl. Check only), then run. None if the clerk cancelled."""
        if self.job is not None:
            return None
        path = self.choose_open(kind)
        if not path:
            return None
        dialog = self.options_dialog(kind, path, dry_run, options)
        if dialog.exec() != QDialog.Accepted:
            return None
        return self.start("import", kind, path, options=dialog.options(), dry_run=dialog.dry_run(),
                          importer=importer)

    def ask_export(self, kind: str, name: str = "") -> SheetJob | None:
        if self.job is not None:
            return None
        path = self.choose_save(kind, name=name)
        return self.start("export", kind, path) if path else None

    def ask_template(self, kind: str) -> SheetJob | None:
        if self.job is not None:
            return None
        path = self.choose_save(kind, template=True)
        return self.start("template", kind, path) if path else None

    # ---- running -----------------------------------------------------------------
    def start(self, action: str, kind: str, path: str, *, options: dict[str, Any] | None = None,
              dry_run: bool = False, importer: Importer | None = None) -> SheetJob:
        """Run on the thread pool; the screen stays usable and shows progress."""
        opts = {"who": self.ctx.user, **(options or {})}
        job = SheetJob(self.ctx.db_path, SheetTask(action, kind, str(path), opts, dry_run, importer))
        job.setAutoDelete(False)
        self.job = job
        for w in self.busy:
            w.setEnabled(False)
        if action == "import":
            text = self.tr("Checking %1…") if dry_run else self.tr("Importing %1…")
            self.progress = QProgressDialog(text.replace("%1", Path(path).name), self.tr("Cancel"), 0, 0,
                                            self.widget)
            self.progress.setWindowModality(Qt.WindowModal)
            self.progress.setMinimumDuration(500)
            self.progress.canceled.connect(job.cancel)
            job.signals.progress.connect(self._progress)
        # Bound methods of this QObject (GUI thread), not lambdas: Qt queues the calls.
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        QThreadPool.globalInstance().start(job)
        return job

    def _progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _finish(self) -> None:
        for w in self.busy:
            w.setEnabled(True)
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.job = None

    def _show(self, box: QWidget) -> None:
        self.last_message = box
        box.open()      # window-modal, non-blocking

    def show_problems(self, title: str, text: str, details: str = "") -> ProblemsDialog:
        # Problem lines ("row 7, column 电话: …") are built in English by the
        # models; show them in the clerk's language.
        lang = display_language()
        details = "\n".join(localize(line, lang) for line in details.splitlines())
        box = ProblemsDialog(title, text, details, self.widget)
        self._show(box)
        return box

    def _done(self, result) -> None:
        job = self.job
        if job is None:
            return
        task = job.task
        self._finish()
        name = Path(task.path).name
        if result is None:
            self.ctx.status(self.tr("Import cancelled: nothing was imported."))
        elif task.action == "template":
            self.ctx.status(self.tr("Empty sheet written to %1").replace("%1", task.path))
        elif task.action == "export":
            self.ctx.status(self.tr("Exported %1 rows to %2").replace("%1", str(result)).replace("%2", task.path))
        elif not result.ok:
            problems = "\n".join(str(p) for p in result.problems)
            if task.dry_run:
                self.show_problems(self.tr("Check found problems"),
                                   self.tr("%1 has %2 problem(s). Nothing was written (check only): fix the "
                                           "rows listed below before importing the file.")
                                   .replace("%1", name).replace("%2", str(len(result.problems))), problems)
            else:
                self.show_problems(self.tr("Nothing was imported"),
                                   self.tr("%1 has %2 problem(s). Nothing was imported: fix the rows listed "
                                           "below and import the file again.")
                                   .replace("%1", name).replace("%2", str(len(result.problems))), problems)
        elif task.dry_run:
            text = (self.tr("%1 has no problems: %2 rows can be imported (%3 new, %4 updated). Nothing was "
                            "written: this was a check only.")
                    .replace("%1", name).replace("%2", str(result.rows))
                    .replace("%3", str(result.created)).replace("%4", str(result.updated)))
            self.ctx.status(text)
            box = QMessageBox(QMessageBox.Information, self.tr("Check passed"), text, QMessageBox.Ok, self.widget)
            self._show(box)
        else:
            text = (self.tr("Imported %1 rows from %2: %3 new, %4 updated")
                    .replace("%1", str(result.rows)).replace("%2", name)
                    .replace("%3", str(result.created)).replace("%4", str(result.updated)))
            if result.also.get("complaint_tickets"):
                text += self.tr("; %1 complaint ticket(s) opened").replace(
                    "%1", str(result.also["complaint_tickets"]))
            self.ctx.status(text)
            self.announce(task.kind)
        self.finished.emit(task.action, task.kind, result)

    def _failed(self, text: str) -> None:
        job = self.job
        self._finish()
        first, _, rest = text.partition("\n")
        if job is not None and job.task.action == "import":
            first += " " + self.tr("Nothing was imported.")
        self.show_problems(self.tr("Cannot do that"), first, rest)
        if job is not None:
            self.finished.emit(job.task.action, job.task.kind, None)


def add_sheet_actions(menu: QMenu, exchange: SheetExchange, kind: str, *, importable: bool = True,
                      exportable: bool = True) -> None:
    """The four entries of a kind: Import…, Check…, Export…, Empty template…"""
    noun = kind_noun(kind)
    if importable:
        menu.addAction(QCoreApplication.translate("Sheets", "Import %1 from Excel…").replace("%1", noun),
                       lambda: exchange.ask_import(kind))
        menu.addAction(QCoreApplication.translate("Sheets", "Check a file of %1 (write nothing)…").replace("%1", noun),
                       lambda: exchange.ask_import(kind, dry_run=True))
    if exportable:
        menu.addAction(QCoreApplication.translate("Sheets", "Export %1 to Excel…").replace("%1", noun), lambda: exchange.ask_export(kind))
    menu.addAction(QCoreApplication.translate("Sheets", "Save an empty template for %1…").replace("%1", noun),
                   lambda: exchange.ask_template(kind))


def menu_button(parent: QWidget, text: str) -> QPushButton:
    """A button that opens a menu, sized so its text and menu arrow never overlap.

    A QPushButton with a menu reserves the arrow's width in its size hint (a
    QToolButton in instant-popup mode draws the arrow over the text), and
    looks like the push buttons beside it in the tab's bar.
    """
    button = QPushButton(text, parent)
    button.setMenu(QMenu(button))  # the caller fills button.menu()
    button.setMinimumWidth(button.sizeHint().width())
    return button


def sheet_button(parent: QWidget, exchange: SheetExchange, kinds: Sequence[str]):
    """An "Import / Export" menu button for the given kinds (separator between kinds)."""
    button = menu_button(parent, QCoreApplication.translate("Sheets", "Import / Export"))
    menu = button.menu()
    for i, kind in enumerate(kinds):
        if i:
            menu.addSeparator()
        add_sheet_actions(menu, exchange, kind)
    exchange.busy.append(button)
    return button
