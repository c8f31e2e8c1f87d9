"""Printing from the program: preview, print, save as PDF, batches; the print
settings dialog is in settings_dialog.py.

- `preview_ticket(parent, ctx, ticket_no)`: the form in QtPdf's view with
  Print… / Save as PDF… buttons; the preview itself is not a print (nothing
  is logged), it shows the 补打 mark the next print will carry.
- `print_tickets(parent, ctx, ticket_nos)`: QPrintDialog, then a worker
  thread with its own database connection draws the forms in chunks, logs
  each chunk as printed and paints its pages onto the printer (QPdfDocument
  rendered at the printer's resolution); a QProgressDialog can cancel
  between tickets — only what was really printed is logged.
- `settings_dialog.open_print_settings(parent, ctx)` (its own module): font file, copies per A4 page, and for
  the default (data file) or one chosen printer: layout, paper height,
  offsets, calibration page.

Per-printer offsets (ARCHITECTURE rule 8: printer offsets are a UI
preference of this PC) live in QSettings under
`printers/<printer name>/offset_x_mm|offset_y_mm|layout|continuous_height_mm`;
a printer with none saved uses the data file's pair (print.offset_x_mm /
print.offset_y_mm), which also serves the CLI, Save as PDF and the preview.
`settings_for_printer(name, defaults)` is the one lookup every print uses.

Forms are drawn by reports/ (ReportLab) so the paper, the PDF and the
preview are the same pages.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import (
    QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, QSettings, QSize, QSizeF, Qt, QThread,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
    QProgressDialog, QVBoxLayout, QWidget,
)

from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.models.printing.forms import (
    PrintSettings, clean_print_settings, load_print_settings,
)
from servicedesk.ui.common import FitsScreen, show_error
from servicedesk.ui.context import AppContext

MAX_RASTER_DPI = 300      # a 600 dpi laser gets 300 dpi pages: sharp, and 4x less memory
CHUNK = 10                # tickets drawn, logged and printed together in a batch


def _form_names() -> list[tuple[str, str]]:
    return [("repair", QCoreApplication.translate("Printing", "Repair record form (维修记录单)")),
            ("outside", QCoreApplication.translate("Printing", "Outside-service record (外出服务记录表)")),
            ("info", QCoreApplication.translate("Printing", "Service information sheet (信息收集表)"))]


def layout_names() -> list[tuple[str, str]]:
    return [("a4", QCoreApplication.translate("Printing", "A4, three labelled copies")),
            ("continuous", QCoreApplication.translate("Printing", "Continuous paper 241 mm (dot-matrix)"))]


# ------------------------------------------------------------------ per-printer settings (QSettings)
PRINTERS_GROUP = "printers"
PER_PRINTER = ("layout", "continuous_height_mm", "offset_x_mm", "offset_y_mm")


def _printer_group(name: str) -> str:
    """QSettings group of a printer; '/' and '\\' (network printers) would split the key, so escape them."""
    escaped = name.replace("%", "%25").replace("/", "%2F").replace("\\", "%5C")
    return f"{PRINTERS_GROUP}/{escaped}"


def _unescape(key: str) -> str:
    return key.replace("%5C", "\\").replace("%2F", "/").replace("%25", "%")


def available_printer_names() -> list[str]:
    """The printers this PC knows (none offscreen/in tests: they inject names instead)."""
    return list(QPrinterInfo.availablePrinterNames())


def chosen_printer_name(printer: QPrinter) -> str:
    """The real printer a QPrinter goes to; '' for a PDF file (which uses the data-file defaults)."""
    if printer.outputFormat() != QPrinter.NativeFormat:
        return ""
    return printer.printerName()


def printers_with_settings() -> list[str]:
    """Printers that have their own saved settings (also ones not connected right now)."""
    settings = QSettings()
    settings.beginGroup(PRINTERS_GROUP)
    names = [_unescape(g) for g in settings.childGroups()]
    settings.endGroup()
    return sorted(names)


def has_printer_settings(name: str) -> bool:
    return bool(name) and QSettings().contains(f"{_printer_group(name)}/offset_x_mm")


def settings_for_printer(name: str, defaults: PrintSettings) -> PrintSettings:
    """The print settings a job on printer `name` uses: its own saved values, else the data file's.

    '' (PDF, CLI, preview) and printers with nothing saved get `defaults`
    unchanged. A damaged value in QSettings falls back to the default too:
    a bad preference must never stop printing.
    """
    if not has_printer_settings(name):
        return defaults
    settings = QSettings()
    group = _printer_group(name)
    values = {attr: settings.value(f"{group}/{attr}", getattr(defaults, attr)) for attr in PER_PRINTER}
    try:
        return clean_print_settings(replace(defaults, **values))
    except ValidationError:
        return defaults


def save_printer_settings(name: str, data: PrintSettings) -> PrintSettings:
    """Remember layout, paper height and offsets for one printer (checked like the data-file ones)."""
    if not name.strip():
        raise ValidationError("Choose a printer.", field="printer")
    clean = clean_print_settings(data)
    settings = QSettings()
    group = _printer_group(name)
    for attr in PER_PRINTER:
        settings.setValue(f"{group}/{attr}", getattr(clean, attr))
    settings.sync()
    return clean


def forget_printer_settings(name: str) -> None:
    """The printer goes back to the data-file defaults."""
    settings = QSettings()
    settings.remove(_printer_group(name))
    settings.sync()


# ------------------------------------------------------------------ printer helpers
def configure_printer(printer: QPrinter, layout: str, continuous_height_mm: float) -> None:
    """Paper of the layout, portrait, no margins: the PDF already holds the exact geometry."""
    if layout == "continuous":
        size = QPageSize(QSizeF(241.0, float(continuous_height_mm)), QPageSize.Millimeter,
                         "241 x %g mm" % continuous_height_mm, QPageSize.ExactMatch)
    else:
        size = QPageSize(QPageSize.A4)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Portrait, QMarginsF(0, 0, 0, 0),
                                      QPageLayout.Millimeter))
    printer.setFullPage(True)


def load_pdf(pdf: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over in-memory bytes (keep the buffer alive as long as the document)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def paint_pdf(pdf: bytes, printer: QPrinter, painter: QPainter | None = None,
              first: bool = True, should_stop: Callable[[], bool] = lambda: False) -> int:
    """Paint every page of `pdf` onto the printer at its resolution (capped); returns pages painted.

    Pass an open painter to append to a running job (batch); `first` tells
    whether the job already has a page (then a new page is started first).
    """
    document, buffer = load_pdf(pdf)
    own = painter is None
    if own:
        painter = QPainter()
        if not painter.begin(printer):
            raise DomainError(QCoreApplication.translate("Printing", "The printer could not be started."),
                              "printer")
    dpi = min(printer.resolution(), MAX_RASTER_DPI)
    painted = 0
    try:
        for index in range(document.pageCount()):
            if should_stop():
                break
            if not first or index:
                printer.newPage()
            points = document.pagePointSize(index)
            image = document.render(index, QSize(round(points.width() / 72 * dpi),
                                                 round(points.height() / 72 * dpi)))
            # physical size from the paper's top-left corner (full-page mode): never
            # stretched to another paper size, so the offsets keep their meaning
            res = printer.resolution()
            target = QRectF(0, 0, points.width() / 72 * res, points.height() / 72 * res)
            painter.drawImage(target, image)
            painted += 1
    finally:
        if own:
            painter.end()
        document.close()
        buffer.close()
    return painted


# ------------------------------------------------------------------ preview
class PdfPreviewDialog(FitsScreen, QDialog):
    """QtPdf view of a generated PDF with Print… and Save as PDF… buttons.

    `render(log, target)` returns the PDF bytes: log=False for the preview,
    True when the pages really go to paper or a file (so it is recorded).
    """

    printed = Signal(str)

    def __init__(self, parent: QWidget | None, ctx: AppContext, title: str,
                 render: Callable[[bool, str, dict], bytes], *, layout: str = "a4",
                 continuous_height_mm: float = 140.0, choose_form: bool = False,
                 default_name: str = "form.pdf", printer_name: str = "",
                 settings_for: Callable[[str], PrintSettings] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._render = render
        self.printer_name = printer_name      # preselected in the print dialog
        self.settings_for = settings_for      # printer name -> its settings (paper height)
        self.layout_key = layout
        self.continuous_height_mm = continuous_height_mm
        self.default_name = default_name
        self.pdf = b""
        self.document: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        self.setWindowTitle(title)
        self.resize(900, 760)
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.form_box = QComboBox()
        for key, label in _form_names():
            self.form_box.addItem(label, key)
        self.form_box.setVisible(choose_form)
        self.layout_box = QComboBox()
        for key, label in layout_names():
            self.layout_box.addItem(label, key)
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(layout)))
        self.page_label = QLabel()
        if choose_form:
            bar.addWidget(QLabel(self.tr("Form:")))
            bar.addWidget(self.form_box)
        bar.addWidget(QLabel(self.tr("Layout:")))
        bar.addWidget(self.layout_box)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        lay.addLayout(bar)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        lay.addWidget(self.view, 1)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.AcceptRole)
        self.save_button = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.Close)
        self.print_button.setDefault(True)
        lay.addWidget(buttons)
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        self.form_box.currentIndexChanged.connect(self.refresh)
        self.layout_box.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def choices(self) -> dict:
        return {"form": self.form_box.currentData(), "layout": self.layout_box.currentData()}

    def refresh(self) -> None:
        """Draw the pages again (after a print the next copy shows its 补打 mark)."""
        try:
            self.pdf = self._render(False, "", self.choices())
        except DomainError as exc:
            show_error(self, exc)
            return
        old_doc, old_buf = self.document, self._buffer
        self.document, self._buffer = load_pdf(self.pdf, self)
        self.view.setDocument(self.document)
        if old_doc is not None:
            old_doc.deleteLater()
            old_buf.deleteLater()
        self.page_label.setText(self.tr("%1 page(s)").replace("%1", str(self.document.pageCount())))

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def print_pages(self, _checked: bool = False, printer: QPrinter | None = None) -> bool:
        """Ask for the printer (unless given), record the print, paint the pages.

        The render gets the chosen printer's name as choice["printer"], so the
        pages carry that printer's own offsets (and paper height).
        """
        layout = self.choices()["layout"]
        if printer is None:
            printer = QPrinter(QPrinter.HighResolution)
            if self.printer_name:
                printer.setPrinterName(self.printer_name)
            configure_printer(printer, layout, self.continuous_height_mm)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.Accepted:
                return False
        name = chosen_printer_name(printer)
        if self.settings_for is not None and layout == "continuous":
            height = self.settings_for(name).continuous_height_mm
            if height != self.continuous_height_mm:
                configure_printer(printer, layout, height)
        target = printer.printerName() or printer.outputFileName() or "printer"
        try:
            pdf = self._render(True, target, {**self.choices(), "printer": name})
            paint_pdf(pdf, printer)
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.ctx.status(self.tr("Sent to %1.").replace("%1", target))
        self.printed.emit(target)
        self.ctx.data_changed("tickets")
        self.refresh()
        return True

    def save_pdf(self, _checked: bool = False, path: str | None = None) -> bool:
        """Save the pages as a PDF file (recorded like a print: the file can be printed anywhere)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self.default_name,
                                                  self.tr("PDF files (*.pdf)"))
            if not path:
                return False
        from servicedesk.reports.repair_form import write_pdf

        try:
            pdf = self._render(True, f"pdf:{path}", self.choices())
            write_pdf(path, pdf)
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.ctx.status(self.tr("Saved %1.").replace("%1", path))
        self.printed.emit(path)
        self.ctx.data_changed("tickets")
        self.refresh()
        return True


def preview_ticket(parent: QWidget | None, ctx: AppContext, ticket_no: str,
                   form: str = "repair") -> PdfPreviewDialog | None:
    """Show a ticket's form before printing (window-modal, returns the open dialog)."""
    from servicedesk.reports.repair_form import FormOptions, render_ticket_pdf

    settings = load_print_settings(ctx.db)

    def settings_for(name: str) -> PrintSettings:
        return settings_for_printer(name, load_print_settings(ctx.db))

    def render(log: bool, target: str, choice: dict) -> bytes:
        options = FormOptions.from_settings(settings_for(choice.get("printer", "")), layout=choice["layout"])
        return render_ticket_pdf(ctx.db, [ticket_no], form=choice["form"], layout=choice["layout"],
                                 who=ctx.user, target=target, log=log, options=options).pdf

    try:
        title = QCoreApplication.translate("Printing", "Print preview — %1").replace("%1", ticket_no)
        dialog = PdfPreviewDialog(parent, ctx, title, render, layout=settings.layout,
                                  continuous_height_mm=settings.continuous_height_mm,
                                  choose_form=True, default_name=f"{ticket_no}.pdf",
                                  settings_for=settings_for)
    except DomainError as exc:
        show_error(parent, exc)
        return None
    idx = dialog.form_box.findData(form)
    if idx >= 0:
        dialog.form_box.setCurrentIndex(idx)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.show()
    return dialog


# ------------------------------------------------------------------ batch printing
class BatchPrintWorker(QThread):
    """Draws, logs and prints a batch in chunks; its own db connection; never touches widgets."""

    progress = Signal(int, int)        # tickets done, total
    failed = Signal(str)
    done = Signal(int, int, bool)      # tickets printed, pages, cancelled

    def __init__(self, db_path: Path, ticket_nos: Sequence[str], printer: QPrinter, *, form: str,
                 layout: str, who: str, target: str, options=None):
        super().__init__()
        self.options = options      # FormOptions of the chosen printer (None: the data file's)
        self.db_path = db_path
        self.ticket_nos = list(ticket_nos)
        self.printer = printer
        self.form = form
        self.layout = layout
        self.who = who
        self.target = target
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:  # noqa: C901 - one straight sequence of steps
        from servicedesk.models.core.db import open_db
        from servicedesk.reports.repair_form import render_ticket_pdf

        total = len(self.ticket_nos)
        printed = pages = 0
        painter: QPainter | None = None
        db = None
        try:
            db = open_db(self.db_path, create=False, check=False)  # the window checked it
            for start in range(0, total, CHUNK):
                if self._stop.is_set():
                    break
                chunk = self.ticket_nos[start:start + CHUNK]

                def step(i: int, base: int = start) -> bool:
                    self.progress.emit(base + i, total)
                    return not self._stop.is_set()

                result = render_ticket_pdf(db, chunk, form=self.form, layout=self.layout, who=self.who,
                                           target=self.target, log=True, progress=step,
                                           options=self.options)
                if result.cancelled:
                    break
                if painter is None:
                    painter = QPainter()
                    if not painter.begin(self.printer):
                        raise DomainError("The printer could not be started.", "printer")
                pages += paint_pdf(result.pdf, self.printer, painter, first=(pages == 0))
                printed += len(chunk)
                self.progress.emit(printed, total)
        except DomainError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # pragma: no cover - shown to the user instead of a silent stop
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            if painter is not None:
                painter.end()
            if db is not None:
                db.close()
        self.done.emit(printed, pages, self._stop.is_set())


_ACTIVE_JOBS: set["BatchPrintJob"] = set()


class BatchPrintJob:
    """A running batch: the worker, its progress dialog, and the outcome for the caller/tests."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, worker: BatchPrintWorker):
        self.ctx = ctx
        self.worker = worker
        self.result: tuple[int, int, bool] | None = None
        self.error = ""
        total = len(worker.ticket_nos)
        self.progress = QProgressDialog(QCoreApplication.translate("Printing", "Printing forms…"),
                                        QCoreApplication.translate("Printing", "Cancel"), 0, total, parent)
        self.progress.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
        self.progress.setWindowModality(Qt.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(worker.cancel)
        worker.progress.connect(self._on_progress)
        worker.failed.connect(self._on_failed)
        worker.done.connect(self._on_done)
        worker.finished.connect(self._on_finished)

    def start(self) -> None:
        _ACTIVE_JOBS.add(self)          # callers may drop the job: keep it (and its thread) alive
        self.worker.start()

    def _on_finished(self) -> None:
        self.worker.wait()
        _ACTIVE_JOBS.discard(self)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.progress.setLabelText(QCoreApplication.translate("Printing", "Printing forms… %1 of %2")
                                   .replace("%1", str(done)).replace("%2", str(total)))

    def _on_failed(self, message: str) -> None:
        self.error = message
        show_error(self.progress.parentWidget(), DomainError(message))

    def _on_done(self, printed: int, pages: int, cancelled: bool) -> None:
        self.result = (printed, pages, cancelled)
        self.progress.close()
        if cancelled:
            text = QCoreApplication.translate("Printing", "Printed %1 of %2 tickets (%3 pages); cancelled.")
        else:
            text = QCoreApplication.translate("Printing", "Printed %1 of %2 tickets (%3 pages).")
        self.ctx.status(text.replace("%1", str(printed)).replace("%2", str(len(self.worker.ticket_nos)))
                        .replace("%3", str(pages)))
        if printed:
            self.ctx.data_changed("tickets")


def print_tickets(parent: QWidget | None, ctx: AppContext, ticket_nos: Sequence[str], *,
                  form: str = "repair", printer: QPrinter | None = None) -> BatchPrintJob | None:
    """Print the forms of the selected tickets; a given printer skips the QPrintDialog (tests, PDF)."""
    nos = [str(n) for n in ticket_nos if str(n).strip()]
    if not nos:
        return None
    settings = load_print_settings(ctx.db)
    if printer is None:
        printer = QPrinter(QPrinter.HighResolution)
        configure_printer(printer, settings.layout, settings.continuous_height_mm)
        dialog = QPrintDialog(printer, parent)
        title = QCoreApplication.translate("Printing", "Print %1 ticket(s)")
        dialog.setWindowTitle(title.replace("%1", str(len(nos))))
        if dialog.exec() != QDialog.Accepted:
            return None
    from servicedesk.reports.repair_form import FormOptions

    own = settings_for_printer(chosen_printer_name(printer), settings)
    if own is not settings:            # this printer has its own layout / paper height
        configure_printer(printer, own.layout, own.continuous_height_mm)
    target = printer.printerName() or printer.outputFileName() or "printer"
    worker = BatchPrintWorker(ctx.db_path, nos, printer, form=form, layout=own.layout,
                              who=ctx.user, target=target, options=FormOptions.from_settings(own))
    job = BatchPrintJob(parent, ctx, worker)
    job.start()
    return job


__all__ = ["preview_ticket", "print_tickets", "PdfPreviewDialog", "BatchPrintJob", "paint_pdf", "configure_printer", "settings_for_printer",
           "save_printer_settings", "forget_printer_settings", "printers_with_settings",
           "available_printer_names", "chosen_printer_name"]
