"""Print preview, batch printing and print settings — without a printer.

The printer is a QPrinter writing PDF (ScreenResolution keeps the raster
pages small), so what would go to paper is read back with pypdf.
"""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from servicedesk.models.printing.forms import PrintSettings, load_print_settings, save_print_settings
from servicedesk.models.printing.print_log import print_history
from servicedesk.reports import fonts
from servicedesk.ui.printing import dialogs as printing
from servicedesk.ui.printing import settings_dialog
from tests import factories
from tests.reports.test_repair_form import _title_position, full_ticket, reader, runs, size_mm


@pytest.fixture(autouse=True)
def builtin_font_only(monkeypatch):
    monkeypatch.setattr(fonts, "CANDIDATES", ())
    fonts.reset_cache()
    yield
    fonts.reset_cache()


def pdf_printer(path, layout="a4", height=140.0) -> QPrinter:
    printer = QPrinter(QPrinter.ScreenResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPrinterName("")
    printing.configure_printer(printer, layout, height)
    return printer


def read(path) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(path.read_bytes()))


def test_preview_shows_the_form_and_logs_nothing(qtbot, ctx):
    tid, no = full_ticket(ctx.db)
    dialog = printing.preview_ticket(None, ctx, no)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.view.document() is dialog.document
    assert dialog.page_count() == 3                       # A4: three copies
    assert "第三联 客户" in dialog.document.getAllText(2).text()
    dialog.form_box.setCurrentIndex(dialog.form_box.findData("outside"))
    assert dialog.page_count() == 1
    assert "外出安装/售后/维修服务记录表" in dialog.document.getAllText(0).text()
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("continuous"))
    assert dialog.page_count() == 1
    w = dialog.document.pagePointSize(0).width()
    assert abs(w / 72 * 25.4 - 241) < 0.05
    assert print_history(ctx.db, tid) == []


def test_save_as_pdf_from_the_preview_is_logged_and_the_next_copy_says_reprint(qtbot, ctx, tmp_path):
    tid, no = full_ticket(ctx.db)
    dialog = printing.preview_ticket(None, ctx, no)
    qtbot.addWidget(dialog)
    out = tmp_path / "saved.pdf"
    assert dialog.save_pdf(path=str(out))
    assert len(read(out).pages) == 3
    assert [h.target for h in print_history(ctx.db, tid)] == [f"pdf:{out}"]
    assert "补打（第1次）" in dialog.document.getAllText(0).text()   # preview refreshed


def test_print_from_the_preview_paints_every_page(qtbot, ctx, tmp_path):
    tid, no = full_ticket(ctx.db)
    dialog = printing.preview_ticket(None, ctx, no)
    qtbot.addWidget(dialog)
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("continuous"))
    out = tmp_path / "printer.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=10000):
        assert dialog.print_pages(printer=pdf_printer(out, "continuous", 140))
    pages = read(out).pages
    assert len(pages) == 1
    assert size_mm(pages[0]) == pytest.approx((241, 140), abs=0.6)  # Qt rounds custom sizes to 0.5 pt
    history = print_history(ctx.db, tid)
    assert [(h.layout, h.target, h.who) for h in history] == [("continuous", str(out), "测试员")]


def _many_tickets(db, n: int) -> list[str]:
    cid = factories.customer(db, name="批量打印公司")
    nos = [f"YX2611{i:03d}" for i in range(1, n + 1)]
    for no in nos:
        factories.ticket(db, customer_id=cid, no=no, fault="批量打印测试")
    return nos


def test_batch_prints_in_a_worker_and_logs_every_ticket(qtbot, ctx, tmp_path):
    nos = _many_tickets(ctx.db, 12)                      # two chunks of 10 and 2
    out = tmp_path / "batch.pdf"
    job = printing.print_tickets(None, ctx, nos, printer=pdf_printer(out))
    assert job is not None
    qtbot.waitUntil(lambda: job.result is not None, timeout=60000)
    printed, pages, cancelled = job.result
    assert (printed, pages, cancelled) == (12, 36, False)   # 12 tickets x 3 A4 copies
    assert len(read(out).pages) == 36
    (count,) = ctx.db.execute("SELECT COUNT(*) FROM print_log").fetchone()
    assert count == 12
    assert job.progress.maximum() == 12 and job.error == ""


def test_cancelled_batch_logs_only_what_was_printed(qtbot, ctx, tmp_path):
    nos = _many_tickets(ctx.db, 25)
    out = tmp_path / "cancelled.pdf"
    job = printing.print_tickets(None, ctx, nos, printer=pdf_printer(out))
    job.progress.findChild(QPushButton).click()           # the user presses Cancel at once
    qtbot.waitUntil(lambda: job.result is not None, timeout=60000)
    printed, pages, cancelled = job.result
    assert cancelled and printed < 25
    (count,) = ctx.db.execute("SELECT COUNT(*) FROM print_log").fetchone()
    assert count == printed and pages == printed * 3


def test_print_settings_dialog_saves_and_shows_errors_beside_the_field(qtbot, ctx, tmp_path):
    dialog = settings_dialog.open_print_settings(None, ctx)
    qtbot.addWidget(dialog)
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("continuous"))
    dialog.height_spin.setValue(152.4)
    dialog.offset_x.setValue(-1.5)
    dialog.offset_y.setValue(2.0)
    dialog.copies_spin.setValue(2)
    assert dialog.save()
    assert load_print_settings(ctx.db) == PrintSettings(
        font_file="", layout="continuous", continuous_height_mm=152.4, offset_x_mm=-1.5,
        offset_y_mm=2.0, a4_copies_per_page=2)

    again = settings_dialog.open_print_settings(None, ctx)
    qtbot.addWidget(again)
    assert again.height_spin.value() == pytest.approx(152.4)
    otf = tmp_path / "NotoSansCJK.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 40)
    again.font_edit.setText(str(otf))
    assert "TrueType" in again.font_note.text()
    again.font_edit.setText(str(tmp_path / "missing.ttf"))
    assert not again.save()
    assert again.form._errors["font_file"].isVisibleTo(again)
    assert load_print_settings(ctx.db).font_file == ""     # nothing saved


def test_calibration_page_preview_uses_the_values_in_the_dialog(qtbot, ctx):
    save_print_settings(ctx.db, PrintSettings(layout="continuous"))
    dialog = settings_dialog.open_print_settings(None, ctx)
    qtbot.addWidget(dialog)
    dialog.height_spin.setValue(200)
    preview = dialog.calibration()
    qtbot.addWidget(preview)
    assert preview.page_count() == 1
    size = preview.document.pagePointSize(0)
    assert (round(size.width() / 72 * 25.4, 1), round(size.height() / 72 * 25.4, 1)) == (241.0, 200.0)
    assert "打印校准页" in preview.document.getAllText(0).text()


# ---------------------------------------------------------------- per-printer offsets (QSettings)
EPSON = "Epson LQ-630K"


def test_offsets_are_kept_per_printer_in_qsettings_and_others_use_the_data_file(ctx):
    save_print_settings(ctx.db, PrintSettings(offset_x_mm=1.0, offset_y_mm=2.0))
    defaults = load_print_settings(ctx.db)
    assert printing.settings_for_printer(EPSON, defaults) is defaults      # nothing saved yet
    printing.save_printer_settings(EPSON, PrintSettings(layout="continuous", continuous_height_mm=152.4,
                                                        offset_x_mm=-1.5, offset_y_mm=3.0))
    stored = QSettings()
    assert float(stored.value(f"printers/{EPSON}/offset_x_mm")) == -1.5
    assert float(stored.value(f"printers/{EPSON}/offset_y_mm")) == 3.0
    epson = printing.settings_for_printer(EPSON, defaults)
    assert (epson.layout, epson.continuous_height_mm, epson.offset_x_mm, epson.offset_y_mm) == (
        "continuous", 152.4, -1.5, 3.0)
    assert printing.settings_for_printer("HP LaserJet", defaults) is defaults
    assert printing.settings_for_printer("", defaults) is defaults          # PDF / CLI / preview
    # a network printer's name holds backslashes: still one printer, read back by its name
    network = "\\\\office-pc\\Epson"
    printing.save_printer_settings(network, PrintSettings(offset_x_mm=4.0))
    assert printing.settings_for_printer(network, defaults).offset_x_mm == 4.0
    assert printing.printers_with_settings() == sorted([EPSON, network])
    # a hand-damaged value falls back to the defaults rather than refusing to print
    stored.setValue(f"printers/{EPSON}/offset_x_mm", "abc")
    assert printing.settings_for_printer(EPSON, defaults) is defaults
    printing.forget_printer_settings(EPSON)
    assert printing.printers_with_settings() == [network]


def test_a_pdf_file_printer_has_no_printer_name():
    printer = QPrinter(QPrinter.ScreenResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    assert printing.chosen_printer_name(printer) == ""


def test_settings_dialog_edits_each_printer_on_its_own(qtbot, ctx):
    save_print_settings(ctx.db, PrintSettings(offset_x_mm=1.0, offset_y_mm=2.0))
    dialog = settings_dialog.open_print_settings(None, ctx, printer_names=[EPSON, "HP LaserJet"])
    qtbot.addWidget(dialog)
    box = dialog.printer_box
    assert [box.itemData(i) for i in range(box.count())] == ["", EPSON, "HP LaserJet"]
    assert box.currentData() == "" and dialog.offset_x.value() == 1.0
    dialog.select_printer(EPSON)
    assert (dialog.offset_x.value(), dialog.offset_y.value()) == (1.0, 2.0)  # defaults until changed
    assert not dialog.forget_button.isEnabled()
    dialog.offset_x.setValue(2.5)
    dialog.offset_y.setValue(-1.0)
    dialog.select_printer("HP LaserJet")
    assert (dialog.offset_x.value(), dialog.offset_y.value()) == (1.0, 2.0)  # Epson's edit is Epson's
    dialog.select_printer(EPSON)
    assert (dialog.offset_x.value(), dialog.offset_y.value()) == (2.5, -1.0)
    assert dialog.save()
    assert printing.printers_with_settings() == [EPSON]
    defaults = load_print_settings(ctx.db)
    assert (defaults.offset_x_mm, defaults.offset_y_mm) == (1.0, 2.0)        # data file untouched
    epson = printing.settings_for_printer(EPSON, defaults)
    assert (epson.offset_x_mm, epson.offset_y_mm) == (2.5, -1.0)

    again = settings_dialog.open_print_settings(None, ctx, printer_names=[])       # Epson unplugged: still listed
    qtbot.addWidget(again)
    again.select_printer(EPSON)
    assert (again.offset_x.value(), again.forget_button.isEnabled()) == (2.5, True)
    again.forget_button.click()
    assert (again.offset_x.value(), again.offset_y.value()) == (1.0, 2.0)
    assert again.save()
    assert printing.printers_with_settings() == []


def test_calibration_page_of_a_printer_carries_its_offsets(qtbot, ctx):
    save_print_settings(ctx.db, PrintSettings(layout="continuous"))
    printing.save_printer_settings(EPSON, PrintSettings(layout="continuous", offset_x_mm=1.5, offset_y_mm=-2))
    dialog = settings_dialog.open_print_settings(None, ctx, printer_names=[EPSON])
    qtbot.addWidget(dialog)
    dialog.select_printer(EPSON)
    preview = dialog.calibration()
    qtbot.addWidget(preview)
    assert preview.printer_name == EPSON                  # Print… preselects that printer

    def cross(pdf):
        return next((x, y) for t, x, y, _ in runs(reader(pdf).pages[0]) if t == "(20, 20)")

    x, y = cross(preview.pdf)
    # the label sits at (22.5, 17.5) mm from the top-left of a 140 mm page; +1.5 right, -2 = 2 mm up
    assert x == pytest.approx(22.5 + 1.5, abs=0.01)
    assert y == pytest.approx(140 - 17.5 + 2.0, abs=0.01)


@pytest.fixture
def painted(monkeypatch):
    """The PDFs handed to the printer (paint_pdf rasterises them; the text is measured before)."""
    pdfs: list[bytes] = []
    real = printing.paint_pdf

    def capture(pdf, printer, *args, **kwargs):
        pdfs.append(pdf)
        return real(pdf, printer, *args, **kwargs)

    monkeypatch.setattr(printing, "paint_pdf", capture)
    return pdfs


def test_printing_to_a_printer_uses_its_offsets_and_a_pdf_file_the_defaults(qtbot, ctx, tmp_path, monkeypatch,
                                                                             painted):
    tid, no = full_ticket(ctx.db)
    save_print_settings(ctx.db, PrintSettings(offset_x_mm=1.0, offset_y_mm=2.0))
    printing.save_printer_settings(EPSON, PrintSettings(offset_x_mm=4.5, offset_y_mm=-1.0))
    dialog = printing.preview_ticket(None, ctx, no)
    qtbot.addWidget(dialog)
    x0, y0 = _title_position(dialog.pdf)                  # the preview: data-file offsets
    monkeypatch.setattr(printing, "chosen_printer_name", lambda printer: EPSON)
    assert dialog.print_pages(printer=pdf_printer(tmp_path / "epson.pdf"))
    x1, y1 = _title_position(painted[-1])
    # Epson: x 4.5 - 1.0 = 3.5 mm further right; y -1.0 - 2.0 = 3 mm further UP the paper
    # (PDF y grows upwards, so +3 mm)
    assert x1 - x0 == pytest.approx(3.5, abs=0.01)
    assert y1 - y0 == pytest.approx(3.0, abs=0.01)
    monkeypatch.setattr(printing, "chosen_printer_name", lambda printer: "HP LaserJet")
    assert dialog.print_pages(printer=pdf_printer(tmp_path / "hp.pdf"))
    assert _title_position(painted[-1]) == pytest.approx((x0, y0), abs=0.01)   # no own offsets
    pdf_file = tmp_path / "saved.pdf"
    assert dialog.save_pdf(path=str(pdf_file))
    assert _title_position(pdf_file.read_bytes()) == pytest.approx((x0, y0), abs=0.01)
    assert len(print_history(ctx.db, tid)) == 3


def test_batch_on_a_printer_uses_its_layout_and_offsets(qtbot, ctx, tmp_path, monkeypatch, painted):
    _, no = full_ticket(ctx.db)
    printing.save_printer_settings(EPSON, PrintSettings(layout="continuous", continuous_height_mm=152.4,
                                                        offset_x_mm=-2.0, offset_y_mm=5.0))
    monkeypatch.setattr(printing, "chosen_printer_name", lambda printer: EPSON)
    out = tmp_path / "batch.pdf"
    job = printing.print_tickets(None, ctx, [no], printer=pdf_printer(out))   # configured for A4 ...
    qtbot.waitUntil(lambda: job.result is not None, timeout=60000)
    assert job.result == (1, 1, False)                    # ... but Epson prints continuous: one page
    (page,) = read(out).pages
    assert size_mm(page) == pytest.approx((241, 152.4), abs=0.6)
    from servicedesk.reports.repair_form import FormOptions, render_ticket_pdf

    plain = render_ticket_pdf(ctx.db, [no], options=FormOptions(layout="continuous", continuous_height_mm=152.4),
                              log=False).pdf
    x0, y0 = _title_position(plain)
    x1, y1 = _title_position(painted[-1])
    assert x1 - x0 == pytest.approx(-2.0, abs=0.01)       # 2 mm left
    assert y1 - y0 == pytest.approx(-5.0, abs=0.01)       # 5 mm down the paper
