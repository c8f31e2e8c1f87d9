"""Print preview, batch printing and print settings — without a printer.

The printer is a QPrinter writing PDF (ScreenResolution keeps the raster
pages small), so what would go to paper is read back with pypdf.
"""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from servicedesk.models.forms import PrintSettings, load_print_settings, save_print_settings
from servicedesk.models.print_log import print_history
from servicedesk.reports import fonts
from servicedesk.ui import printing
from tests import factories
from tests.reports.test_repair_form import full_ticket, size_mm


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
    dialog = printing.open_print_settings(None, ctx)
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

    again = printing.open_print_settings(None, ctx)
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
    dialog = printing.open_print_settings(None, ctx)
    qtbot.addWidget(dialog)
    dialog.height_spin.setValue(200)
    preview = dialog.calibration()
    qtbot.addWidget(preview)
    assert preview.page_count() == 1
    size = preview.document.pagePointSize(0)
    assert (round(size.width() / 72 * 25.4, 1), round(size.height() / 72 * 25.4, 1)) == (241.0, 200.0)
    assert "打印校准页" in preview.document.getAllText(0).text()
