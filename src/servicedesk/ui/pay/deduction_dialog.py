"""Record a deduction (考核扣款) against a ticket, or void one.

The kind decides which fields matter and who pays: a missing document is
charged to the whole team (the list is fixed), the other kinds to the
checked members (default: the whole team).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox, QWidget,
)

from servicedesk.models.pay import month as P
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.models.core.validation import parse_money_fen
from servicedesk.ui.context import AppContext
from servicedesk.ui.pay.dialog_common import PayFormDialog, defect_source_word, document_word, ticket_type_word


class DeductionDialog(PayFormDialog):
    def __init__(self, ctx: AppContext, month: str, ticket_no: str = "", parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Record a deduction"), parent)
        self.setObjectName("payDeductionDialog")
        self.month = month
        self.ticket: P.TicketRef | None = None
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        self.ticket_no = QLineEdit(ticket_no, row)
        self.ticket_no.setObjectName("ticket")
        self.ticket_no.setPlaceholderText(self.tr("ticket number, e.g. YX2603007"))
        find = QPushButton(self.tr("Find"), row)
        find.clicked.connect(self.load_ticket)
        self.ticket_no.returnPressed.connect(self.load_ticket)
        lay.addWidget(self.ticket_no, 1)
        lay.addWidget(find)
        self.form.add_row("ticket", self.tr("Ticket"), row)
        self.ticket_info = QLabel(self)
        self.ticket_info.setWordWrap(True)
        self.form.form.addRow("", self.ticket_info)

        self.kind = self.combo("kind", self.tr("Rule"), [
            (self.tr("Missing document: 100 yuan from every team member"), "missing_document"),
            (self.tr("Small safety accident: 2 × the cost, split over the team"), "small_accident"),
            (self.tr("Major accident: the job's performance pay is cancelled"), "major_accident"),
            (self.tr("Defect from poor work: 100 yuan per item per person"), "defect"),
            (self.tr("Other deduction (amount per person)"), "other"),
        ])
        self.document = self.combo("document", self.tr("Missing document"),
                                   [(document_word(key), key) for key in P.DOCUMENTS])
        self.cost = self.line("cost_fen", self.tr("Accident cost (yuan)"), self.tr("at most 300"))
        self.items = QSpinBox(self)
        self.items.setObjectName("items")
        self.items.setRange(1, 99)
        self.form.add_row("items", self.tr("Defective items"), self.items)
        self.source = self.combo("source", self.tr("Found by"), [(defect_source_word(k), k) for k in P.DEFECT_SOURCES])
        self.amount = self.line("amount_fen", self.tr("Amount per person (yuan)"))
        self.occurred = self.date("occurred_on", self.tr("Date of the event / report"))
        self.persons = QListWidget(self)
        self.persons.setObjectName("technicians")
        self.persons.setMaximumHeight(90)
        self.form.add_row("technicians", self.tr("Persons charged"), self.persons)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(56)
        self.form.add_row("reason", self.tr("Reason"), self.reason)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        if ticket_no:
            self.load_ticket()

    def _show_row(self, key: str, visible: bool) -> None:
        widget = self.form.field_for(key)
        if widget is not None:
            self.form.form.setRowVisible(widget.parentWidget(), visible)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self._show_row("document", kind == "missing_document")
        self._show_row("cost_fen", kind == "small_accident")
        self._show_row("items", kind == "defect")
        self._show_row("source", kind == "defect")
        self._show_row("amount_fen", kind == "other")
        fixed = kind == "missing_document"
        for i in range(self.persons.count()):
            item = self.persons.item(i)
            if fixed:
                item.setCheckState(Qt.Checked)
            flags = item.flags()
            item.setFlags(flags & ~Qt.ItemIsUserCheckable if fixed else flags | Qt.ItemIsUserCheckable)

    def load_ticket(self) -> None:
        self.form.clear_errors()
        self.persons.clear()
        self.ticket = None
        try:
            self.ticket = P.find_ticket(self.ctx.db, self.ticket_no.text())
        except DomainError as exc:
            self.form.show_error("ticket", exc.message)
            self.ticket_info.setText("")
            return
        t = self.ticket
        self.ticket_info.setText(f"{t.no} · {ticket_type_word(t.type)} · {t.customer} · "
                                 + (t.completed_at or self.tr("not completed")))
        for tid, name, leader in t.team:
            item = QListWidgetItem(name + (self.tr(" · leader") if leader else ""), self.persons)
            item.setData(Qt.UserRole, tid)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
        self._kind_changed()

    def save(self) -> P.Deduction:
        if self.ticket is None or self.ticket.no != self.ticket_no.text().strip().upper():
            self.load_ticket()
            if self.ticket is None:
                raise ValidationError(self.tr("Find the ticket first."), "ticket")
        kind = self.kind.currentData()
        checked = [self.persons.item(i).data(Qt.UserRole) for i in range(self.persons.count())
                   if self.persons.item(i).checkState() == Qt.Checked]
        data = P.DeductionInput(
            ticket_id=self.ticket.id, kind=kind, document=self.document.currentData() or "",
            cost_fen=(parse_money_fen(self.cost.text(), "cost_fen") or 0) if kind == "small_accident" else 0,
            items=self.items.value(),
            amount_fen=(parse_money_fen(self.amount.text(), "amount_fen") or 0) if kind == "other" else 0,
            technician_ids=checked, reason=self.reason.toPlainText(),
            occurred_on=self.occurred.date().toString("yyyy-MM-dd"),
            source=self.source.currentData() if kind == "defect" else "",
            month=None)
        return P.add_deduction(self.ctx.db, data, who=self.ctx.user)


class VoidDeductionDialog(PayFormDialog):
    def __init__(self, ctx: AppContext, deduction_id: int, description: str, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Void a deduction"), parent)
        self.setObjectName("payVoidDialog")
        self.deduction_id = deduction_id
        self.set_intro(self.tr("Void this deduction (it stays in the record, marked void):") + "\n" + description)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(56)
        self.form.add_row("reason", self.tr("Reason"), self.reason)

    def save(self) -> P.Deduction:
        return P.void_deduction(self.ctx.db, self.deduction_id, self.reason.toPlainText(), who=self.ctx.user)
