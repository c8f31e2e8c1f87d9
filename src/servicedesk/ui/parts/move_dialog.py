"""Dialogs for stock moves: receipt, issue, return, old-for-new exchange,
scrap, and booking an exchanged faulty part back into the warehouse.

Each dialog collects the fields of one move and calls ONE model function
(one transaction). A refusal (not enough stock, unknown ticket, missing
recipient) comes back as a DomainError and is shown beside its field; the
dialog stays open so the clerk can fix it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDateTimeEdit, QDialogButtonBox, QLabel, QLineEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

from servicedesk.models.parts import ledger as P
from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.validation import fen_to_yuan_str, parse_money_fen
from servicedesk.ui.common import ValidatedForm, show_error, widen_completer
from servicedesk.ui.context import AppContext
from servicedesk.ui.form_dialog import EditDialog

MOVE_KINDS = ("receipt", "issue", "return", "exchange", "scrap")


def kind_text(kind: str) -> str:
    """The office's word for a kind of ledger line (translated)."""
    labels = {
        "receipt": QCoreApplication.translate("PartsLedger", "Receipt"),
        "issue": QCoreApplication.translate("PartsLedger", "Issue"),
        "return": QCoreApplication.translate("PartsLedger", "Return"),
        "exchange": QCoreApplication.translate("PartsLedger", "Old-for-new exchange"),
        "old_in": QCoreApplication.translate("PartsLedger", "Old part booked back"),
        "scrap": QCoreApplication.translate("PartsLedger", "Scrap"),
        "adjust": QCoreApplication.translate("PartsLedger", "Count adjustment"),
    }
    return labels.get(kind, kind)


def qdatetime_text(value: QDateTime) -> str:
    return value.toString("yyyy-MM-dd HH:mm:ss")


class PartPicker(QComboBox):
    """Editable combo over the parts master: type any part of code, name or spec."""

    def __init__(self, parts: list[P.Part], parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setMinimumWidth(360)
        for p in parts:
            self.addItem(f"{p.code}  {p.name} {p.spec}".strip(), p.code)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchContains)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        self.setCompleter(completer)
        widen_completer(completer, [self.itemText(i) for i in range(self.count())])
        self.setCurrentIndex(-1)

    def code(self) -> str:
        """The chosen code; typed text is taken as a code when nothing matches."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return self.itemData(index)
        return text.split()[0] if text else ""

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)


class MoveDialog(EditDialog):
    """One dialog for the five moves a clerk books by hand."""

    def __init__(self, ctx: AppContext, kind: str, part_code: str | None = None,
                 ticket_no: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        assert kind in MOVE_KINDS
        self.ctx, self.kind = ctx, kind
        self.move: P.Move | None = None
        self.setWindowTitle(self._title())
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        self.form = ValidatedForm(self)
        lay.addWidget(self.form)

        self.part = PartPicker(P.part_choices(ctx.db), self)
        self.part.currentIndexChanged.connect(self._show_balance)
        self.form.add_row("part", self.tr("Part"), self.part)
        self.balance_label = QLabel("")
        self.balance_label.setStyleSheet("color: #6b6b6b;")
        self.form.form.addRow("", self.balance_label)
        self.qty = QSpinBox(self)
        self.qty.setRange(1, 1_000_000)
        self.form.add_row("qty", self.tr("Quantity"), self.qty)
        self.at = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.form.add_row("at", self.tr("Date and time"), self.at)

        self.supplier = self.document_no = self.unit_price = None
        self.ticket = self.technician = self.recipient = None
        self.old_serial = self.old_condition = None
        if kind == "receipt":
            self.supplier = self.form.add_row("supplier", self.tr("Supplier"), QLineEdit(self))
            self.document_no = self.form.add_row("document_no", self.tr("Document no"), QLineEdit(self))
            self.unit_price = self.form.add_row("unit_price", self.tr("Unit price (yuan)"), QLineEdit(self))
            self.unit_price.setPlaceholderText(self.tr("empty = the part's list price"))
        if kind in ("issue", "return", "exchange"):
            self.ticket = self.form.add_row("ticket", self.tr("Ticket no"), QLineEdit(self))
            self.ticket.setPlaceholderText(self.tr("e.g. YX2611007 (optional)"))
            if ticket_no:
                self.ticket.setText(ticket_no)
            self.technician = QComboBox(self)
            self.technician.addItem(self.tr("— none —"), None)
            for tech_id, name in P.technician_choices(ctx.db):
                self.technician.addItem(name, tech_id)
            self.form.add_row("technician", self.tr("Technician"), self.technician)
            self.recipient = self.form.add_row("recipient", self.tr("Recipient"), QLineEdit(self))
            self.recipient.setPlaceholderText(self.tr("empty = the technician"))
        if kind == "exchange":
            self.old_serial = self.form.add_row("old_serial", self.tr("Old part serial no"), QLineEdit(self))
            self.old_condition = self.form.add_row("old_condition", self.tr("Old part condition"),
                                                   QLineEdit(self))
            self.old_condition.setPlaceholderText(self.tr("e.g. winding burnt"))
        self.reason = self.form.add_row("reason", self.tr("Reason") if kind == "scrap" else self.tr("Note"),
                                        QLineEdit(self))
        if kind == "scrap":
            self.reason.setPlaceholderText(self.tr("required, e.g. rusted in store"))

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self._title())
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if part_code:
            self.part.set_code(part_code)
            self.qty.setFocus()
        else:
            self.part.setFocus()
        self._show_balance()

    def _title(self) -> str:
        return {
            "receipt": self.tr("Receive parts"),
            "issue": self.tr("Issue parts"),
            "return": self.tr("Return parts to stock"),
            "exchange": self.tr("Old-for-new exchange"),
            "scrap": self.tr("Scrap parts"),
        }[self.kind]

    def _show_balance(self) -> None:
        code = self.part.code()
        part = P.find_part(self.ctx.db, code) if code else None
        if part is None:
            self.balance_label.setText("")
            return
        self.balance_label.setText(
            self.tr("Book stock: %1 %2 · safety stock %3 · list price %4 yuan")
            .replace("%1", str(part.balance)).replace("%2", part.unit)
            .replace("%3", str(part.safety_stock)).replace("%4", fen_to_yuan_str(part.price_fen)))

    @staticmethod
    def _text(widget: QLineEdit | None) -> str:
        return widget.text().strip() if widget is not None else ""

    def save(self) -> None:
        self.form.clear_errors()
        db, who = self.ctx.db, self.ctx.user
        code = self.part.code()
        at = qdatetime_text(self.at.dateTime())
        qty = self.qty.value()
        try:
            if not code:
                raise DomainError(self.tr("Choose a part."), "part")
            if self.kind == "receipt":
                price = parse_money_fen(self._text(self.unit_price), "unit_price")
                self.move = P.receive(db, code, qty, who=who, at=at, supplier=self._text(self.supplier),
                                      document_no=self._text(self.document_no), unit_price_fen=price,
                                      reason=self._text(self.reason))
            elif self.kind == "scrap":
                self.move = P.scrap(db, code, qty, reason=self._text(self.reason), who=who, at=at)
            else:
                common = dict(who=who, at=at, ticket=self._text(self.ticket) or None,
                              technician_id=self.technician.currentData(), recipient=self._text(self.recipient),
                              reason=self._text(self.reason))
                if self.kind == "issue":
                    self.move = P.issue(db, code, qty, **common)
                elif self.kind == "return":
                    self.move = P.return_to_stock(db, code, qty, **common)
                else:
                    self.move = P.exchange(db, code, qty, old_serial=self._text(self.old_serial),
                                           old_condition=self._text(self.old_condition), **common)
        except DomainError as exc:
            if not self.form.show_error(exc.field, exc.message):
                show_error(self, exc)
            return
        self.ctx.status(self.tr("%1: %2 × %3, book stock now %4")
                        .replace("%1", kind_text(self.move.kind)).replace("%2", self.move.part_code)
                        .replace("%3", str(abs(self.move.qty))).replace("%4", str(self.move.balance_after)))
        self.ctx.data_changed("parts")
        self.accept()


class OldPartDialog(EditDialog):
    """Book the faulty part of an exchange back into the warehouse (旧件入库)."""

    def __init__(self, ctx: AppContext, item: P.OldPart, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.item = ctx, item
        self.setWindowTitle(self.tr("Book old part back"))
        lay = QVBoxLayout(self)
        info = QLabel(self.tr("%1 %2 × %3 from %4, exchanged %5")
                      .replace("%1", item.part_code).replace("%2", item.part_name).replace("%3", str(item.qty))
                      .replace("%4", item.holder or "—").replace("%5", item.exchanged_at[:16]))
        info.setWordWrap(True)
        lay.addWidget(info)
        self.form = ValidatedForm(self)
        lay.addWidget(self.form)
        self.at = self.form.add_row("at", self.tr("Returned at"), QDateTimeEdit(QDateTime.currentDateTime(), self))
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.condition = self.form.add_row("condition", self.tr("Condition"), QLineEdit(item.old_condition, self))
        self.reason = self.form.add_row("reason", self.tr("Note"), QLineEdit(self))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Book back"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def save(self) -> None:
        self.form.clear_errors()
        try:
            P.book_old_part(self.ctx.db, self.item.exchange_id, who=self.ctx.user,
                            at=qdatetime_text(self.at.dateTime()), condition=self.condition.text(),
                            reason=self.reason.text())
        except DomainError as exc:
            if not self.form.show_error(exc.field, exc.message):
                show_error(self, exc)
            return
        self.ctx.status(self.tr("Old part %1 booked back").replace("%1", self.item.part_code))
        self.ctx.data_changed("parts")
        self.accept()
