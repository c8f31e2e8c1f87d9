"""Add or edit a customer (客户档案), with inline messages and a duplicate warning.

The clerk often types while on the phone: every bad field is marked at once,
beside the field, in words; customers that may be the same one (same phone,
near-same name) appear as soon as the name or phone is typed, and saving
with such a match needs a second, deliberate click.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from servicedesk.models.archive import customers as C
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.models.core.settings import office_area_code
from servicedesk.ui.common import NotesEdit, ValidatedForm, debounce, fit_window
from servicedesk.ui.context import AppContext
from servicedesk.ui.form_dialog import FormDialog

WARNING_STYLE = ("QLabel { background: #FFF1CC; color: #5C3D00; border: 1px solid #E0C27A;"
                 " border-radius: 3px; padding: 6px; }")


class CustomerDialog(FormDialog):
    """`saved` carries the stored Customer after a successful save."""

    fallback_field = "name"

    def __init__(self, ctx: AppContext, customer: C.Customer | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.customer = customer
        self._acknowledged: set[int] = set()
        self.setObjectName("customerDialog")
        self.setWindowTitle(self.tr("New customer") if customer is None else self.tr("Edit customer"))
        self.setMinimumWidth(520)

        self.form = ValidatedForm(self)
        self.name = self._line("name", self.tr("Name (unit or person)*"),
                               self.tr("e.g. 杭州建工集团有限公司 or 张三"))
        self.contact = self._line("contact", self.tr("Contact person"))
        self.title_edit = self._line("title", self.tr("Title"), self.tr("e.g. 设备科长"))
        self.phone = self._line("phone", self.tr("Phone"), self.tr("13812345678 or 0571-88886666-806"))
        self.phone2 = self._line("phone2", self.tr("Second phone"))
        self.address = self._line("address", self.tr("Address"))
        self.region = self._line("region", self.tr("Region"), self.tr("e.g. 杭州"))
        self.dealer = self._line("dealer", self.tr("Dealer"), self.tr("who sold the equipment"))
        self.notes = NotesEdit(self)  # never squeezed when messages appear
        self.notes.setObjectName("notes")
        self.form.add_row("notes", self.tr("Notes"), self.notes)
        self._complete(self.title_edit, "title")
        self._complete(self.region, "region")
        self._complete(self.dealer, "dealer")

        self.duplicates = QLabel(self)
        self.duplicates.setObjectName("duplicateWarning")
        self.duplicates.setWordWrap(True)
        self.duplicates.setTextFormat(Qt.RichText)
        self.duplicates.setStyleSheet(WARNING_STYLE)
        self.duplicates.hide()

        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.duplicates)
        lay.addWidget(self.add_save_buttons())

        if customer is not None:
            self._show(customer)
        self.phone.editingFinished.connect(lambda: self._check_field("phone"))
        self.phone2.editingFinished.connect(lambda: self._check_field("phone2"))
        self._schedule_duplicates = debounce(self, self.refresh_duplicates, 300)
        for edit in (self.name, self.phone, self.phone2):
            edit.textEdited.connect(lambda _t: self._schedule_duplicates())
        self.name.setFocus()

    # ---- building ------------------------------------------------------------
    def _line(self, key: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        self.form.add_row(key, label, edit)
        return edit

    def _show(self, customer: C.Customer) -> None:
        for key, edit in self._edits().items():
            edit.setText(getattr(customer, key) or "")
        self.notes.setPlainText(customer.notes or "")

    def reload_record(self) -> None:
        """The customer as stored now; the next save compares against this version."""
        self.customer = C.get_customer(self.ctx.db, self.customer.id)
        self._show(self.customer)
        self.form.clear_errors()

    def _complete(self, edit: QLineEdit, column: str) -> None:
        try:
            values = C.known_values(self.ctx.db, column)
        except Exception:  # completion is a convenience; never block the dialog
            return
        completer = QCompleter(values, edit)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        edit.setCompleter(completer)

    def _edits(self) -> dict[str, QLineEdit]:
        return {"name": self.name, "contact": self.contact, "title": self.title_edit, "phone": self.phone,
                "phone2": self.phone2, "address": self.address, "region": self.region, "dealer": self.dealer}

    # ---- values and messages ---------------------------------------------------
    def value(self) -> C.CustomerInput:
        data = {k: e.text() for k, e in self._edits().items()}
        return C.CustomerInput(notes=self.notes.toPlainText(), **data)

    def message_for(self, key: str, exc: DomainError) -> str:
        """The clerk's words for a field problem (model messages are the fallback)."""
        if key == "name":
            return self.tr("Enter the name of the unit or the person.")
        return exc.message

    def field_errors(self) -> dict[str, ValidationError]:
        return C.customer_errors(self.value(), office_area_code(self.ctx.db))

    def forms(self) -> list[ValidatedForm]:
        return [self.form]

    # ---- duplicates --------------------------------------------------------------
    def refresh_duplicates(self) -> list[C.Customer]:
        """Show customers that may be this one; returns them."""
        if self.result() == QDialog.Accepted:
            return []
        data = self.value()
        exclude = self.customer.id if self.customer is not None else None
        found = C.possible_duplicates(self.ctx.db, data, exclude_id=exclude)
        if not found:
            self.duplicates.hide()
            self._acknowledged.clear()
            self.save_button.setText(self.tr("Save"))
            return found
        items = "".join(
            "<li>{}</li>".format(html.escape(" · ".join(p for p in (c.name, c.phone, c.phone2, c.contact,
                                                                        c.address) if p)))
            for c in found)
        self.duplicates.setText(
            "<b>" + html.escape(self.tr("This may be a customer already in the archive:")) + "</b>"
            f"<ul style='margin: 2px 0 2px -20px'>{items}</ul>"
            + html.escape(self.tr("Check the list before saving. To save a new customer anyway, "
                                  "press “Save anyway”.")))
        self.duplicates.show()
        fit_window(self.duplicates)  # the warning gets room; the other rows keep theirs
        return found

    # ---- saving ----------------------------------------------------------------------
    @property
    def result_customer(self) -> C.Customer | None:
        return self.stored_record

    def ready_to_write(self) -> bool:
        """A possible duplicate needs a second, deliberate click on Save."""
        self.form.clear_errors()
        found = self.refresh_duplicates()
        ids = {c.id for c in found}
        if ids and not ids <= self._acknowledged:
            self._acknowledged |= ids
            self.save_button.setText(self.tr("Save anyway"))
            return False
        return True

    def write(self) -> C.Customer:
        data = self.value()
        if self.customer is None:
            return C.add_customer(self.ctx.db, data)
        return C.update_customer(self.ctx.db, self.customer.id, data, loaded=self.customer, who=self.ctx.user)
