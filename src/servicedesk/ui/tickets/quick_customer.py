"""新客户 while on the phone: the short customer form the new-ticket dialog opens
when the caller is not in the archive yet (name, contact, phone, address),
saved through the archive's own rules. Split from ui/tickets/new_dialog.py.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox, QLabel,
    QVBoxLayout, QWidget,
)

from servicedesk.models.archive import customers as C
from servicedesk.models.core.settings import office_area_code
from servicedesk.models.core.db import transaction
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.ui.common import ValidatedForm, line_edit, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.form_dialog import EditDialog


class QuickCustomerDialog(EditDialog):
    """A caller who is not in the archive: name, phone, address and (optionally)
    the machine, saved together so the call can go on."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, guess: str = ""):
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self.equipment_id: int | None = None
        self.setWindowTitle(self.tr("New customer"))
        lay = QVBoxLayout(self)
        self.form = ValidatedForm(self)
        digits = guess.replace("-", "").replace(" ", "")
        looks_like_phone = digits.isdigit() and len(digits) >= 7
        self.name = self.form.add_row("name", self.tr("Customer (unit or person)"),
                                      line_edit("", "" if looks_like_phone else guess))
        self.contact = self.form.add_row("contact", self.tr("Contact person"), line_edit())
        self.phone = self.form.add_row("phone", self.tr("Phone"), line_edit("", guess if looks_like_phone else ""))
        self.address = self.form.add_row("address", self.tr("Address"), line_edit())
        self.model = self.form.add_row("model", self.tr("Equipment model"), line_edit(self.tr("e.g. QTZ80")))
        self.serial = self.form.add_row("serial_no", self.tr("Serial no"), line_edit())
        self.purchase = self.form.add_row("purchase_date", self.tr("Purchase date"), line_edit("2026-03-01"))
        self.acceptance = self.form.add_row("acceptance_date", self.tr("Acceptance date"),
                                            line_edit("2026-03-15"))
        lay.addWidget(self.form)
        hint = QLabel(self.tr("Equipment is optional here; without a purchase or acceptance date "
                              "the job is out of warranty."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #606060;")
        lay.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def save(self) -> None:
        """Customer and machine in one transaction: both are saved or neither."""
        self.form.clear_errors()
        db = self.ctx.db
        data = C.CustomerInput(name=self.name.text(), contact=self.contact.text(),
                               phone=self.phone.text(), address=self.address.text())
        errors = {k: e.message for k, e in C.customer_errors(data, office_area_code(db)).items()}
        eq_data = None
        if self.model.text().strip() or self.serial.text().strip():
            eq_data = C.EquipmentInput(customer_id=-1, model=self.model.text(), serial_no=self.serial.text(),
                                       purchase_date=self.purchase.text() or None,
                                       acceptance_date=self.acceptance.text() or None)
            errors.update({k: e.message for k, e in C.equipment_errors(db, eq_data).items()})
        if errors:
            for key, message in errors.items():
                if not self.form.show_error(key, message):
                    show_error(self, ValidationError(message, key))
            return
        try:
            with transaction(db):
                customer = C.add_customer(db, data)
                if eq_data is not None:
                    eq_data.customer_id = customer.id
                    self.equipment_id = C.add_equipment(db, eq_data).id
        except DomainError as exc:
            self.equipment_id = None
            if not self.form.show_error(exc.field, exc.message):
                show_error(self, exc)
            return
        self.customer_id = customer.id
        self.accept()
