"""Add or edit a customer's equipment (产品档案), with inline messages and a warranty preview.

Dates are typed (2026-03-01, 2026/3/1, 2026.3.1) rather than picked, because
most are copied from an invoice or a delivery note and may be unknown
(blank). The warranty that follows from them is shown as they are typed.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout, QWidget,
)

from servicedesk.models.archive import customers as C
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.ui.common import NotesEdit, ValidatedForm, debounce, fit_window
from servicedesk.ui.context import AppContext
from servicedesk.ui.form_dialog import FormDialog
from servicedesk.ui.table_model import COLORS, TEXT_COLORS

DATE_KEYS = ("factory_date", "purchase_date", "delivery_date", "acceptance_date")


def warranty_words(widget: QWidget, decision: C.WarrantyDecision) -> str:
    """The decision's reason, led by the word in the interface language when it differs."""
    word = (QCoreApplication.translate("EquipmentDialog", "In warranty") if decision.in_warranty
            else QCoreApplication.translate("EquipmentDialog", "Out of warranty"))
    return decision.reason if decision.reason.startswith(word) else f"{word} — {decision.reason}"


def warranty_style(in_warranty: bool) -> str:
    key = "green" if in_warranty else "red"
    return (f"QLabel {{ background: {COLORS[key].name()}; color: {TEXT_COLORS[key].name()};"
            " border-radius: 3px; padding: 4px 6px; }")


class EquipmentDialog(FormDialog):
    """`saved` carries the stored Equipment after a successful save."""

    fallback_field = "serial_no"

    def __init__(self, ctx: AppContext, customer: C.Customer, equipment: C.Equipment | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.customer = customer
        self.equipment = equipment
        self.setObjectName("equipmentDialog")
        self.setWindowTitle(self.tr("New equipment") if equipment is None else self.tr("Edit equipment"))
        self.setMinimumWidth(760)

        owner = QLabel(self.tr("Customer: %1").replace("%1", customer.name), self)
        owner.setObjectName("owner")
        owner.setStyleSheet("font-weight: bold;")

        left, right = ValidatedForm(self), ValidatedForm(self)
        self._forms = {}
        self.model = QComboBox(self)
        self.model.setObjectName("model")
        self.model.setEditable(True)
        self.model.setInsertPolicy(QComboBox.NoInsert)
        # as wide as the other fields (a combo box does not grow in a form by itself)
        self.model.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        try:
            self.model.addItems(C.known_values(ctx.db, "model"))
        except Exception:  # completion only
            pass
        self.model.setCurrentIndex(-1)
        self.model.lineEdit().setPlaceholderText(self.tr("e.g. QTZ80"))
        self._add(left, "model", self.tr("Model*"), self.model)
        self.serial_no = self._add(left, "serial_no", self.tr("Serial no*"), self._line("serial_no",
                                   self.tr("unique for the model")))
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(1, 9999)
        self._add(left, "quantity", self.tr("Quantity"), self.quantity)
        date_hint = self.tr("2026-03-01 or 2026/3/1")
        self.factory_date = self._add(left, "factory_date", self.tr("Factory date"),
                                      self._line("factory_date", date_hint))
        self.purchase_date = self._add(left, "purchase_date", self.tr("Purchase date"),
                                       self._line("purchase_date", date_hint))
        self.delivery_date = self._add(left, "delivery_date", self.tr("Delivery date"),
                                       self._line("delivery_date", date_hint))
        self.acceptance_date = self._add(left, "acceptance_date", self.tr("Acceptance date"),
                                         self._line("acceptance_date", date_hint))
        self.warranty_months = self._add(left, "warranty_months", self.tr("Warranty months"),
                                         self._line("warranty_months", self.tr("blank = office default")))
        self.invoice_no = self._add(right, "invoice_no", self.tr("Invoice no"), self._line("invoice_no"))
        self.first_site = self._add(right, "first_site", self.tr("First site of use"), self._line("first_site"))
        self.project_name = self._add(right, "project_name", self.tr("Project name"),
                                      self._line("project_name"))
        self.project_no = self._add(right, "project_no", self.tr("Project no (AB)"), self._line("project_no"))
        self.dealer = self._add(right, "dealer", self.tr("Dealer"), self._line("dealer"))
        self.notes = NotesEdit(self)  # never squeezed when messages appear
        self.notes.setObjectName("notes")
        self._add(right, "notes", self.tr("Notes"), self.notes)
        self.customer_error = QLabel(self)  # problems with no field of their own
        self.customer_error.setWordWrap(True)
        self.customer_error.setStyleSheet("color: #B3261E;")
        self.customer_error.hide()

        self.warranty = QLabel(self)
        self.warranty.setObjectName("warrantyPreview")
        self.warranty.setWordWrap(True)

        self.add_save_buttons()

        columns = QHBoxLayout()
        columns.addWidget(left, 1)
        columns.addWidget(right, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(owner)
        lay.addLayout(columns)
        lay.addWidget(self.customer_error)
        lay.addWidget(self.warranty)
        lay.addWidget(self.buttons)

        if equipment is not None:
            self._show(equipment)
        elif customer.dealer:
            self.dealer.setText(customer.dealer)

        # A closed dialog (saved, cancelled) has no preview to refresh: the
        # pending call would read the settings of a file that may be closed.
        self._schedule_preview = debounce(self, lambda: self.isVisible() and self.refresh_warranty(), 200)
        for key in (*DATE_KEYS, "warranty_months"):
            getattr(self, key).textChanged.connect(lambda _t: self._schedule_preview())
            getattr(self, key).editingFinished.connect(lambda key=key: self._check_field(key))
        self.serial_no.editingFinished.connect(lambda: self._check_field("serial_no"))
        self.refresh_warranty()
        self.model.setFocus()

    # ---- building ------------------------------------------------------------
    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        return edit

    def _add(self, form: ValidatedForm, key: str, label: str, widget: QWidget):
        form.add_row(key, label, widget)
        self._forms[key] = form
        return widget

    # ---- values and messages ---------------------------------------------------
    def value(self) -> C.EquipmentInput:
        return C.EquipmentInput(
            customer_id=self.customer.id,
            model=self.model.currentText(),
            serial_no=self.serial_no.text(),
            quantity=self.quantity.value(),
            **{k: getattr(self, k).text() or None for k in DATE_KEYS},
            invoice_no=self.invoice_no.text(),
            first_site=self.first_site.text(),
            project_name=self.project_name.text(),
            project_no=self.project_no.text(),
            dealer=self.dealer.text(),
            warranty_months=self.warranty_months.text() or None,
            notes=self.notes.toPlainText(),
        )

    def _date_label(self, key: str) -> str:
        return {"factory_date": self.tr("Factory date"), "purchase_date": self.tr("Purchase date"),
                "delivery_date": self.tr("Delivery date"), "acceptance_date": self.tr("Acceptance date")}[key]

    def message_for(self, key: str, exc: DomainError) -> str:
        """The clerk's words for a field problem (model messages are the fallback)."""
        if isinstance(exc, C.DateOrderError):
            return (self.tr("%1 %2 is before %3 %4. The order is factory ≤ purchase ≤ acceptance; delivery between factory and acceptance.")
                    .replace("%1", self._date_label(key)).replace("%2", exc.value)
                    .replace("%3", self._date_label(exc.earlier_field)).replace("%4", exc.earlier_value))
        if isinstance(exc, C.DateRangeError):
            return exc.message            # "Acceptance date 2099-01-01 is after today (…)", in the clerk's language
        if isinstance(exc, C.DuplicateSerialError):
            return (self.tr("Serial no %1 of model %2 is already registered (customer %3).")
                    .replace("%1", exc.serial_no).replace("%2", exc.model).replace("%3", exc.customer_name))
        if key in DATE_KEYS:
            return self.tr("Not a date. Type it as 2026-03-01 or 2026/3/1, or leave it blank.")
        if key in ("model", "serial_no"):
            return self.tr("Required.")
        if key in ("quantity", "warranty_months"):
            return self.tr("Enter a whole number (0 or more), or leave it blank.")
        return exc.message

    def field_errors(self) -> dict[str, ValidationError]:
        return C.equipment_errors(self.ctx.db, self.value(), self.equipment.id if self.equipment else None)

    def forms(self) -> list[ValidatedForm]:
        return list(dict.fromkeys(self._forms.values()))

    def form_for(self, key: str) -> ValidatedForm | None:
        return self._forms.get(key)

    def _show(self, equipment: C.Equipment) -> None:
        self.model.setEditText(equipment.model)
        self.quantity.setValue(equipment.quantity or 1)
        for key in ("serial_no", *DATE_KEYS, "invoice_no", "first_site", "project_name", "project_no",
                    "dealer"):
            getattr(self, key).setText(getattr(equipment, key) or "")
        months = equipment.warranty_months
        self.warranty_months.setText("" if months is None else str(months))
        self.notes.setPlainText(equipment.notes or "")

    def reload_record(self) -> None:
        """The unit as stored now; the next save compares against this version."""
        self.equipment = C.get_equipment(self.ctx.db, self.equipment.id)
        self._show(self.equipment)
        for form in self.forms():
            form.clear_errors()

    def check_while_typing(self, key: str, exc: ValidationError) -> bool:
        """Blank required fields wait for Save; a serial already registered shows at once."""
        return key not in ("model", "serial_no") or isinstance(exc, C.DuplicateSerialError)

    def show_unplaced(self, exc: ValidationError) -> None:
        self.customer_error.setText(exc.message)
        self.customer_error.show()
        fit_window(self.customer_error)

    def clear_unplaced(self) -> None:
        self.customer_error.hide()

    def refresh_warranty(self) -> None:
        """Preview of the warranty today from the dates typed so far."""
        try:
            clean = C.clean_equipment(self.value())
            if clean.acceptance_date or clean.purchase_date:
                # With the date range: a mistyped 2099 is no "in warranty until 2099".
                clean = C.clean_equipment(self.value(), C.date_bounds(self.ctx.db))
        except ValidationError:
            clean = None
        if clean is None or not (clean.acceptance_date or clean.purchase_date):
            self.warranty.setStyleSheet("color: #6b6b6b;")
            self.warranty.setText(self.tr("Warranty: give the acceptance or purchase date to work it out."))
            return
        decision = C.warranty_status(self.ctx.db, clean, _dt.date.today())
        self.warranty.setStyleSheet(warranty_style(decision.in_warranty))
        self.warranty.setText(("✔ " if decision.in_warranty else "✖ ") + warranty_words(self, decision))

    # ---- saving ----------------------------------------------------------------------
    @property
    def result_equipment(self) -> C.Equipment | None:
        return self.stored_record

    def write(self) -> C.Equipment:
        data = self.value()
        if self.equipment is None:
            return C.add_equipment(self.ctx.db, data)
        return C.update_equipment(self.ctx.db, self.equipment.id, data, loaded=self.equipment, who=self.ctx.user)
