"""A technician disputes a pay line; the manager records the outcome."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPlainTextEdit, QRadioButton, QWidget

from servicedesk.models.pay import month as P
from servicedesk.ui.context import AppContext
from servicedesk.ui.pay.dialog_common import PayFormDialog, line_kind_word


def _text_box(parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setFixedHeight(64)
    return box


class DisputeDialog(PayFormDialog):
    """Raise a dispute on one line of a technician's month (before approval)."""

    def __init__(self, ctx: AppContext, month: str, technician: str, line: P.PayLine,
                 parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Dispute a pay line"), parent)
        self.setObjectName("payDisputeDialog")
        self.month = month
        self.line_ = line
        self.set_intro(self.tr("%1 disputes this line of %2:").replace("%1", technician).replace("%2", month)
                       + f"\n{line.ticket_no}  {line.description}  {line.signed_fen / 100:.2f}")
        self.reason = _text_box(self)
        self.reason.setObjectName("reason")
        self.form.add_row("reason", self.tr("What is wrong, in his words"), self.reason)

    def save(self) -> P.Dispute:
        ln = self.line_
        return P.raise_dispute(self.ctx.db, self.month, ln.technician_id, ln.kind, self.reason.toPlainText(),
                               ticket_id=ln.ticket_id, ref_id=None if ln.kind == "work" else ln.ref_id,
                               who=self.ctx.user)


class ResolveDisputeDialog(PayFormDialog):
    """Record the outcome; upholding a deduction dispute waives it for him."""

    def __init__(self, ctx: AppContext, dispute: P.Dispute, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Outcome of a dispute"), parent)
        self.setObjectName("payResolveDialog")
        self.dispute = dispute
        self.set_intro(f"{dispute.technician} · {line_kind_word(dispute.line_kind)} · "
                       f"{dispute.ticket_no}\n{dispute.reason}")
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        self.upheld = QRadioButton(self.tr("Upheld (he is right)"), row)
        self.upheld.setObjectName("upheld")
        self.rejected = QRadioButton(self.tr("Rejected"), row)
        self.rejected.setObjectName("rejected")
        self.rejected.setChecked(True)
        group = QButtonGroup(row)
        group.addButton(self.upheld)
        group.addButton(self.rejected)
        lay.addWidget(self.upheld)
        lay.addWidget(self.rejected)
        lay.addStretch(1)
        self.form.add_row("status", self.tr("Decision"), row)
        self.outcome = _text_box(self)
        self.outcome.setObjectName("outcome")
        self.form.add_row("outcome", self.tr("What was decided"), self.outcome)
        if dispute.line_kind == "deduction":
            self.set_intro(self.intro.text() + "\n" + self.tr("Upholding waives this deduction for him."))

    def save(self) -> P.Dispute:
        return P.resolve_dispute(self.ctx.db, self.dispute.id, self.upheld.isChecked(),
                                 self.outcome.toPlainText(), who=self.ctx.user)
