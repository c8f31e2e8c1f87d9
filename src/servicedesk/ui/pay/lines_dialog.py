"""Other pay inputs: adjustment lines, refunded round-trip tickets, dealer travel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QSpinBox, QWidget

from servicedesk.models.pay import billing as D
from servicedesk.models.pay import month as P
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.validation import fen_to_yuan_str, parse_hundredths, parse_money_fen
from servicedesk.ui.context import AppContext
from servicedesk.ui.pay.dialog_common import PayFormDialog, dealer_mode_word, ticket_type_word


def _ticket_id(ctx: AppContext, text: str, required: bool) -> int | None:
    if not text.strip():
        if required:
            raise ValidationError(QCoreApplication.translate("PayDialogs", "Give the ticket number."), "ticket")
        return None
    return P.find_ticket(ctx.db, text).id


class AdjustmentDialog(PayFormDialog):
    """A correction line in an open month (e.g. for a ticket of a locked month)."""

    def __init__(self, ctx: AppContext, month: str, technician_id: int | None = None,
                 ticket_no: str = "", parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Pay adjustment"), parent)
        self.setObjectName("payAdjustmentDialog")
        self.month = month
        self.set_intro(self.tr("An adjustment line is added to %1. Use it for corrections after a month was "
                               "approved. Negative numbers take pay away.").replace("%1", month))
        self.technician = self.combo("technician", self.tr("Technician"),
                                     [(name, tid) for tid, name, _r in P.active_technicians(ctx.db)])
        if technician_id is not None:
            self.technician.setCurrentIndex(max(self.technician.findData(technician_id), 0))
        self.ticket = self.line("ticket", self.tr("Ticket (optional)"), self.tr("ticket number"), ticket_no)
        self.hours = self.line("hours_x100", self.tr("Work hours (±)"), self.tr("e.g. 4 or -2.5"))
        self.amount = self.line("amount_fen", self.tr("Amount (± yuan)"), self.tr("e.g. 50 or -20"))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setFixedHeight(56)
        self.form.add_row("reason", self.tr("Reason"), self.reason)

    def save(self) -> int:
        hours_text = self.hours.text().strip()
        negative = hours_text.startswith("-")
        hours = parse_hundredths(hours_text.lstrip("-"), "hours_x100") or 0
        return P.add_adjustment(
            self.ctx.db, self.month, self.technician.currentData(), hours_x100=-hours if negative else hours,
            amount_fen=parse_money_fen(self.amount.text(), "amount_fen", allow_negative=True) or 0,
            reason=self.reason.toPlainText(), ticket_id=_ticket_id(self.ctx, self.ticket.text(), False),
            who=self.ctx.user)


class ReimbursementDialog(PayFormDialog):
    """Round-trip tickets refunded for an installation job."""

    def __init__(self, ctx: AppContext, month: str, technician_id: int | None = None,
                 ticket_no: str = "", parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Refund round-trip tickets"), parent)
        self.setObjectName("payReimbursementDialog")
        self.month = month
        self.ticket = self.line("ticket", self.tr("Installation ticket"), self.tr("ticket number"), ticket_no)
        self.technician = self.combo("technician", self.tr("Technician"),
                                     [(name, tid) for tid, name, _r in P.active_technicians(ctx.db)])
        if technician_id is not None:
            self.technician.setCurrentIndex(max(self.technician.findData(technician_id), 0))
        self.amount = self.line("amount_fen", self.tr("Amount (yuan)"), self.tr("train / bus tickets"))
        self.note = self.line("note", self.tr("Note"), self.tr("e.g. 杭州—金华 往返"))

    def save(self) -> int:
        return P.add_reimbursement(self.ctx.db, _ticket_id(self.ctx, self.ticket.text(), True),
                                   self.technician.currentData(),
                                   parse_money_fen(self.amount.text(), "amount_fen", required=True),
                                   self.note.text(), month=None, who=self.ctx.user)


class DealerTravelDialog(PayFormDialog):
    """Travel inputs of a dispatch billed to a dealer (the statement does the sums)."""

    def __init__(self, ctx: AppContext, ticket_id: int, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Dealer billing"), parent)
        self.setObjectName("payDealerDialog")
        self.ticket_id = ticket_id
        s = D.dealer_statement(ctx.db, ticket_id)
        self.set_intro(f"{s.ticket_no} · {s.customer} · {ticket_type_word(s.ticket_type)} · "
                       + self.tr("%1 work hours").replace("%1", f"{s.hours_x100 / 100:.2f}"))
        self.dealer = self.line("dealer", self.tr("Dealer"), "", s.dealer)
        self.transport = self.line("transport_fen", self.tr("Round-trip transport (yuan)"), "",
                                   fen_to_yuan_str(s.transport_fen) if s.recorded else "")
        self.days = QSpinBox(self)
        self.days.setObjectName("days")
        self.days.setRange(0, 366)
        self.days.setValue(s.days)
        self.form.add_row("days", self.tr("Days"), self.days)
        self.persons = QSpinBox(self)
        self.persons.setObjectName("persons")
        self.persons.setRange(1, 50)
        self.persons.setValue(s.persons)
        self.form.add_row("persons", self.tr("Persons"), self.persons)
        self.mode = self.combo("mode", self.tr("Settlement"), [(dealer_mode_word(k), k) for k in D.MODES])
        self.mode.setCurrentIndex(max(self.mode.findData(s.mode), 0))
        self.notes = self.line("notes", self.tr("Notes"), "", s.notes)

    def save(self) -> D.DealerStatement:
        return D.set_dealer_billing(self.ctx.db, self.ticket_id, D.DealerTravelInput(
            transport_fen=parse_money_fen(self.transport.text(), "transport_fen") or 0,
            days=self.days.value(), persons=self.persons.value(), mode=self.mode.currentData(),
            dealer=self.dealer.text(), notes=self.notes.text()), who=self.ctx.user)
