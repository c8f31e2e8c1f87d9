"""设置 ▸ 打印设置: the data file's print settings (layout, offsets, font) and
each printer's own offsets kept on this PC, with a calibration page to print.
Split from ui/printing/dialogs.py; it uses that module's preview and
per-printer settings (the import goes this way only).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel,
    QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from servicedesk.models.core.errors import DomainError
from servicedesk.models.printing.forms import (
    HEIGHT_RANGE_MM, OFFSET_RANGE_MM, PrintSettings, clean_print_settings, load_print_settings,
    save_print_settings,
)
from servicedesk.ui.common import FitsScreen, ValidatedForm, line_edit, show_error
from servicedesk.ui.form_dialog import DiscardGuard
from servicedesk.ui.context import AppContext
from servicedesk.ui.printing.dialogs import (
    PdfPreviewDialog, available_printer_names, forget_printer_settings, has_printer_settings, layout_names,
    printers_with_settings, save_printer_settings, settings_for_printer,
)


# ------------------------------------------------------------------ settings
class PrintSettingsDialog(DiscardGuard, FitsScreen, QDialog):
    """Font file and copies per A4 page (data file); layout, paper height and offsets per printer.

    The printer list starts with "Default for PDF / all printers" (the data
    file's values); choosing a printer shows its own values (or the defaults
    while it has none). Edits are kept per printer until Save, which writes
    the data file and each edited printer's QSettings together.
    """

    def __init__(self, parent: QWidget | None, ctx: AppContext, printer_names: Sequence[str] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Print settings"))
        self.setMinimumWidth(600)
        current = load_print_settings(ctx.db)
        self.defaults = current
        # printer name ('' = the data file) -> values being edited; None = forget the printer's own
        self.edits: dict[str, PrintSettings | None] = {}
        self._loading = False
        lay = QVBoxLayout(self)
        self.form = ValidatedForm(self)
        lay.addWidget(self.form)

        font_row = QWidget()
        fl = QHBoxLayout(font_row)
        fl.setContentsMargins(0, 0, 0, 0)
        self.font_edit = line_edit(self.tr("automatic (SimSun, SimHei, YaHei … or built-in)"),
                                   current.font_file)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse_font)
        fl.addWidget(self.font_edit, 1)
        fl.addWidget(browse)
        self.form.add_row("font_file", self.tr("Chinese font file"), font_row)
        self.form._fields["font_file"] = self.font_edit
        self.font_note = QLabel()
        self.font_note.setWordWrap(True)
        self.font_note.setStyleSheet("color: #555;")
        self.font_note.setMinimumWidth(380)   # a wrapped label in a form row gets squeezed otherwise
        self.form.form.addRow("", self.font_note)
        self.font_edit.textChanged.connect(self._font_verdict)
        self.copies_spin = QSpinBox()
        self.copies_spin.setRange(1, 3)
        self.copies_spin.setValue(current.a4_copies_per_page)
        self.form.add_row("a4_copies_per_page", self.tr("Copies per A4 page"), self.copies_spin)

        group = QGroupBox(self.tr("Paper and position, per printer"))
        gl = QVBoxLayout(group)
        self.printer_form = ValidatedForm(group)
        gl.addWidget(self.printer_form)
        self.printer_box = QComboBox()
        self.printer_box.setMinimumWidth(300)
        self.printer_box.addItem(self.tr("Default for PDF / all printers"), "")
        names = list(available_printer_names() if printer_names is None else printer_names)
        for name in sorted(set(names) | set(printers_with_settings()), key=str.lower):
            self.printer_box.addItem(name, name)
        self.printer_form.add_row("printer", self.tr("Printer"), self.printer_box)
        self.printer_note = QLabel()
        self.printer_note.setWordWrap(True)
        self.printer_note.setStyleSheet("color: #555;")
        self.printer_note.setMinimumWidth(380)
        self.printer_form.form.addRow("", self.printer_note)

        self.layout_box = QComboBox()
        for key, label in layout_names():
            self.layout_box.addItem(label, key)
        self.printer_form.add_row("layout", self.tr("Layout"), self.layout_box)
        self.height_spin = self._mm(*HEIGHT_RANGE_MM, current.continuous_height_mm)
        self.printer_form.add_row("continuous_height_mm", self.tr("Continuous paper height"), self.height_spin)
        self.offset_x = self._mm(*OFFSET_RANGE_MM, current.offset_x_mm)
        self.printer_form.add_row("offset_x_mm", self.tr("Offset right (+) / left (−)"), self.offset_x)
        self.offset_y = self._mm(*OFFSET_RANGE_MM, current.offset_y_mm)
        self.printer_form.add_row("offset_y_mm", self.tr("Offset down (+) / up (−)"), self.offset_y)
        explain = QLabel(self.tr("The offsets shift everything printed: positive x moves it right, "
                                 "positive y moves it down (millimetres)."))
        explain.setWordWrap(True)
        gl.addWidget(explain)
        row = QHBoxLayout()
        self.forget_button = QPushButton(self.tr("Use the defaults for this printer"))
        self.forget_button.clicked.connect(self.forget_printer)
        self.calibration_button = QPushButton(self.tr("Calibration page…"))
        self.calibration_button.clicked.connect(self.calibration)
        row.addWidget(self.calibration_button)
        row.addStretch(1)
        row.addWidget(self.forget_button)
        gl.addLayout(row)
        hint = QLabel(self.tr("Print the calibration page, measure where the cross at 20 mm landed, "
                              "and correct the offsets: new offset = offset + (20 − measured)."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        gl.addWidget(hint)
        lay.addWidget(group)

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        lay.addWidget(buttons)

        self._shown = ""
        self._show_printer("")
        self.printer_box.currentIndexChanged.connect(self._printer_changed)
        for signal in (self.layout_box.currentIndexChanged, self.height_spin.valueChanged,
                       self.offset_x.valueChanged, self.offset_y.valueChanged):
            signal.connect(self._edited)
        self._font_verdict()

    @staticmethod
    def _mm(low: float, high: float, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm")
        spin.setValue(float(value))
        return spin

    # --- which printer
    def printer_name(self) -> str:
        """The printer being edited; '' = the data-file defaults."""
        return self.printer_box.currentData() or ""

    def select_printer(self, name: str) -> None:
        index = self.printer_box.findData(name)
        if index < 0:
            self.printer_box.addItem(name, name)
            index = self.printer_box.count() - 1
        self.printer_box.setCurrentIndex(index)

    def _stored(self, name: str) -> PrintSettings:
        """What `name` prints with now, before this dialog's edits."""
        return self.defaults if not name else settings_for_printer(name, self._edited_defaults())

    def _edited_defaults(self) -> PrintSettings:
        return self.edits.get("") or self.defaults

    def _values_for(self, name: str) -> PrintSettings:
        edit = self.edits.get(name, "unset")
        if isinstance(edit, PrintSettings):
            return edit
        if edit is None:                   # forgotten: the (edited) defaults
            return self._edited_defaults()
        return self._stored(name)

    def _has_own(self, name: str) -> bool:
        if name in self.edits:
            return self.edits[name] is not None
        return has_printer_settings(name)

    def _show_printer(self, name: str) -> None:
        values = self._values_for(name)
        self._loading = True
        try:
            self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(values.layout)))
            self.height_spin.setValue(values.continuous_height_mm)
            self.offset_x.setValue(values.offset_x_mm)
            self.offset_y.setValue(values.offset_y_mm)
        finally:
            self._loading = False
        self._shown = name
        self._update_note()

    def _update_note(self) -> None:
        name = self.printer_name()
        if not name:
            text = self.tr("Saved in the data file: used by Save as PDF, the command line and every "
                           "printer without settings of its own.")
        elif self._has_own(name):
            text = self.tr("This printer has its own settings (kept on this computer).")
        else:
            text = self.tr("This printer uses the defaults; changing a value gives it its own settings.")
        self.printer_note.setText(text)
        self.forget_button.setEnabled(bool(name) and self._has_own(name))

    def _printer_changed(self) -> None:
        self.printer_form.clear_errors()
        self._show_printer(self.printer_name())

    def _edited(self) -> None:
        if self._loading:
            return
        self.edits[self._shown] = self._current_page_values()
        self._update_note()

    def forget_printer(self) -> None:
        name = self.printer_name()
        if name:
            self.edits[name] = None
            self._show_printer(name)

    def _current_page_values(self) -> PrintSettings:
        return replace(self._edited_defaults(), layout=self.layout_box.currentData(),
                       continuous_height_mm=self.height_spin.value(),
                       offset_x_mm=self.offset_x.value(), offset_y_mm=self.offset_y.value())

    def values(self) -> PrintSettings:
        """The data-file settings as edited (font, copies and the default printer values)."""
        base = self._current_page_values() if not self.printer_name() else self._edited_defaults()
        return replace(base, font_file=self.font_edit.text().strip(), a4_copies_per_page=self.copies_spin.value())

    def printer_values(self, name: str | None = None) -> PrintSettings:
        """What printer `name` (default: the one shown) will print with, edits included."""
        name = self.printer_name() if name is None else name
        if name == self.printer_name():
            values = self._current_page_values()
        else:
            values = self._values_for(name)
        return replace(values, font_file=self.font_edit.text().strip(),
                       a4_copies_per_page=self.copies_spin.value())

    def browse_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chinese font file"), "",
                                              self.tr("TrueType fonts (*.ttf *.ttc)"))
        if path:
            self.font_edit.setText(path)

    def _font_verdict(self) -> None:
        from servicedesk.reports.fonts import check_font_file, cjk_font

        path = self.font_edit.text().strip()
        if not path:
            choice = cjk_font("")
            text = (self.tr("Automatic: %1").replace("%1", choice.source) if choice.embedded else
                    self.tr("Automatic: no Chinese TrueType font found; the built-in font STSong-Light "
                            "is used (the PDF viewer or printer supplies the glyphs)."))
        else:
            verdict = check_font_file(path)
            text = {
                "ok": self.tr("This font will be embedded in every form."),
                "missing": self.tr("This file does not exist."),
                "not_truetype": self.tr("Not a TrueType font (OpenType/CFF such as Noto CJK cannot be "
                                        "embedded); another font will be used."),
                "unusable": self.tr("The font file is damaged or does not allow embedding; another "
                                    "font will be used."),
            }[verdict]
        self.font_note.setText(text)

    def _show_error(self, exc: DomainError, printer: str | None = None) -> None:
        if printer is not None and printer != self.printer_name():
            self.select_printer(printer)
        if not (self.form.show_error(exc.field, exc.message)
                or self.printer_form.show_error(exc.field, exc.message)):
            show_error(self, exc)

    def save(self) -> bool:
        """Check everything first, then write the data file and each edited printer."""
        from servicedesk.reports.fonts import reset_cache

        self.form.clear_errors()
        self.printer_form.clear_errors()
        if self.printer_name():
            self.edits[self.printer_name()] = (self._current_page_values()
                                               if self._has_own(self.printer_name()) else None)
        defaults = self.values()
        printers = {name: v for name, v in self.edits.items() if name}
        try:
            clean_print_settings(defaults)
        except DomainError as exc:
            self._show_error(exc, "" if exc.field not in ("font_file", "a4_copies_per_page") else None)
            return False
        for name, edit in printers.items():
            if edit is not None:
                try:
                    clean_print_settings(replace(edit, font_file=defaults.font_file))
                except DomainError as exc:
                    self._show_error(exc, name)
                    return False
        try:
            save_print_settings(self.ctx.db, defaults)
        except DomainError as exc:
            self._show_error(exc)
            return False
        for name, edit in printers.items():
            if edit is None:
                forget_printer_settings(name)
            else:
                save_printer_settings(name, replace(edit, font_file=""))
        reset_cache()
        self.ctx.data_changed("settings")
        self.ctx.status(self.tr("Print settings saved."))
        self.accept()
        return True

    def calibration(self) -> PdfPreviewDialog | None:
        """Preview the ruler page with the shown printer's values (saved or not); Print… goes to that printer."""
        from servicedesk.reports.calibration import render_calibration_pdf
        from servicedesk.reports.repair_form import FormOptions

        try:
            values = clean_print_settings(self.printer_values())
        except DomainError as exc:
            self._show_error(exc)
            return None
        name = self.printer_name()

        def render(_log: bool, _target: str, choice: dict) -> bytes:
            return render_calibration_pdf(FormOptions.from_settings(replace(values, layout=choice["layout"])))

        title = self.tr("Calibration page")
        if name:
            title = self.tr("Calibration page — %1").replace("%1", name)
        dialog = PdfPreviewDialog(self, self.ctx, title, render, layout=values.layout,
                                  continuous_height_mm=values.continuous_height_mm,
                                  default_name="calibration.pdf", printer_name=name)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        self.calibration_dialog = dialog
        return dialog


def open_print_settings(parent: QWidget | None, ctx: AppContext,
                        printer_names: Sequence[str] | None = None) -> PrintSettingsDialog:
    """Open the print settings (window-modal, returns the open dialog).

    `printer_names` replaces QPrinterInfo's list (tests; none exist offscreen).
    """
    dialog = PrintSettingsDialog(parent, ctx, printer_names)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.show()
    return dialog
