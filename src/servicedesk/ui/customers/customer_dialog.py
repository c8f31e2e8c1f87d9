"""Add or edit a customer (客户档案), with inline messages and a duplicate warning.

The clerk often types while on the phone: every bad field is marked at once,
beside the field, in words; customers that may be the same one (same phone,
near-same name) appear as soon as the name or phone is typed, and saving
with such a match needs a second, deliberate click.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from servicedesk.models.archive import customers as C
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.ui.common import NotesEdit, ValidatedForm, debounce, fit_window, show_error
from servicedesk.ui.context import AppContext

WARNING_STYLE = ("QLabel { background: #FFF1CC; color: #5C3D00; border: 1px solid #E0C27A;"
                 " border-radius: 3px; padding: 6px; }")


class CustomerDialog(QDialog):
    """`saved` carries the stored Customer after a successful save."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, customer: C.Customer | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.customer = customer
        self.result_customer: C.Customer | None = None
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

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.duplicates)
        lay.addWidget(self.buttons)

        if customer is not None:
            for key, edit in self._edits().items():
                edit.setText(getattr(customer, key) or "")
            self.notes.setPlainText(customer.notes or "")
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
        if key in ("phone", "phone2"):
            return self.tr("Not a phone number. Mobile: 11 digits starting with 1 (+86 allowed); "
                           "landline: 0571-88886666, extension 0571-88886666-806 or 0571-88886666转806.")
        if key == "name":
            return self.tr("Enter the name of the unit or the person.")
        return exc.message

    def _check_field(self, key: str) -> None:
        if not self.isVisible():  # focus leaving a closing dialog is not the clerk moving on
            return
        errors = C.customer_errors(self.value())
        self.form.set_message(key, self.message_for(key, errors[key]) if key in errors else "")

    def show_errors(self, errors: dict[str, ValidationError]) -> None:
        self.form.clear_errors()
        first = None
        for key, exc in errors.items():
            if not self.form.show_error(key, self.message_for(key, exc)):
                show_error(self, exc)
            first = first or key
        if first and self.form.field_for(first) is not None:
            self.form.field_for(first).setFocus()

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
    def save(self) -> None:
        data = self.value()
        errors = C.customer_errors(data)
        if errors:
            self.show_errors(errors)
            return
        self.form.clear_errors()
        found = self.refresh_duplicates()
        ids = {c.id for c in found}
        if ids and not ids <= self._acknowledged:
            self._acknowledged |= ids
            self.save_button.setText(self.tr("Save anyway"))
            return
        try:
            if self.customer is None:
                stored = C.add_customer(self.ctx.db, data)
            else:
                stored = C.update_customer(self.ctx.db, self.customer.id, data)
        except ValidationError as exc:
            self.show_errors({exc.field or "name": exc})
            return
        except DomainError as exc:
            show_error(self, exc)
            return
        self.result_customer = stored
        self.saved.emit(stored)
        self.accept()
