"""New / edit a part of the parts master (code, name, spec, unit, price,
location, safety stock, active)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialogButtonBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from servicedesk.models.parts import ledger as P
from servicedesk.models.core.validation import fen_to_yuan_str, parse_money_fen
from servicedesk.ui.common import ValidatedForm
from servicedesk.ui.context import AppContext
from servicedesk.ui.form_dialog import EditDialog

UNITS = ("个", "台", "套", "根", "米", "只", "块", "节", "桶", "卷", "副", "件")


class PartDialog(EditDialog):
    def __init__(self, ctx: AppContext, part: P.Part | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.part_before = ctx, part
        self.part: P.Part | None = None
        self.setWindowTitle(self.tr("Edit part") if part else self.tr("New part"))
        self.setMinimumWidth(440)
        lay = QVBoxLayout(self)
        self.form = ValidatedForm(self)
        lay.addWidget(self.form)
        self.code = self.form.add_row("code", self.tr("Code"), QLineEdit(self))
        self.name = self.form.add_row("name", self.tr("Name"), QLineEdit(self))
        self.spec = self.form.add_row("spec", self.tr("Specification"), QLineEdit(self))
        self.unit = QComboBox(self)
        self.unit.setEditable(True)
        self.unit.addItems(UNITS)
        self.form.add_row("unit", self.tr("Unit"), self.unit)
        self.price = self.form.add_row("price", self.tr("Price (yuan)"), QLineEdit(self))
        self.location = self.form.add_row("location", self.tr("Location"), QLineEdit(self))
        self.location.setPlaceholderText(self.tr("shelf, e.g. A-01-02"))
        self.safety = QSpinBox(self)
        self.safety.setRange(0, 1_000_000)
        self.form.add_row("safety_stock", self.tr("Safety stock"), self.safety)
        self.active = QCheckBox(self.tr("In use (shown in the lists)"), self)
        self.active.setChecked(True)
        self.form.add_row("active", "", self.active)
        if part is not None:
            self._show(part)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _show(self, part: P.Part) -> None:
        self.code.setText(part.code)
        self.name.setText(part.name)
        self.spec.setText(part.spec)
        self.unit.setCurrentText(part.unit)
        self.price.setText(fen_to_yuan_str(part.price_fen))
        self.location.setText(part.location)
        self.safety.setValue(part.safety_stock)
        self.active.setChecked(part.active)

    def reload_record(self) -> None:
        """The part as stored now (after someone else saved it); the next save compares this version."""
        self.part_before = P.get_part(self.ctx.db, self.part_before.id)
        self._show(self.part_before)
        self.form.clear_errors()

    def save(self) -> None:
        self.form.clear_errors()

        def write() -> P.Part:
            data = P.PartInput(code=self.code.text(), name=self.name.text(), spec=self.spec.text(),
                               unit=self.unit.currentText(),
                               price_fen=parse_money_fen(self.price.text(), "price") or 0,
                               location=self.location.text(), safety_stock=self.safety.value(),
                               active=self.active.isChecked())
            if self.part_before is None:
                return P.add_part(self.ctx.db, data, self.ctx.user)
            return P.update_part(self.ctx.db, self.part_before.id, data, self.ctx.user, loaded=self.part_before)

        ok, stored = self.attempt_save(write, self.reload_record, self.form)
        if not ok:
            return
        self.part = stored
        self.ctx.status(self.tr("Saved part %1").replace("%1", self.part.code))
        self.ctx.data_changed("parts")
        self.accept()
