"""Approve or unlock a pay month with the manager's PIN.

Approval asks for the manager PIN, unlocking for the PIN and a reason (both
are logged and audited). No PIN set yet: the dialog says to set it first
(设置 ▸ 修改经理密码) instead of letting the first approver choose it. A month
an open dispute (or an earlier approval) blocks is refused before the PIN is
asked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from servicedesk.models.pay import month as P
from servicedesk.models.pay.approval import approval_blocker
from servicedesk.ui.common import show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.pay.dialog_common import PayFormDialog


class PinDialog(PayFormDialog):
    def __init__(self, ctx: AppContext, month: str, mode: str = "approve", parent: QWidget | None = None):
        self.month = month
        self.mode = mode
        title = self.tr("Approve pay month") if mode == "approve" else self.tr("Unlock pay month")
        super().__init__(ctx, title, parent)
        self.setObjectName("payPinDialog")
        if mode == "approve":
            intro = self.tr("Approving %1 locks it: its tickets, work lines, attendance and deductions can no "
                            "longer change, and the figures are frozen as approved.").replace("%1", month)
        else:
            intro = self.tr("Unlocking %1 makes it a draft again; the reason is logged.").replace("%1", month)
        self.set_intro(intro)
        self.pin = self._secret("pin", self.tr("Manager PIN"))
        self.reason: QPlainTextEdit | None = None
        if mode == "unlock":
            self.reason = QPlainTextEdit(self)
            self.reason.setObjectName("reason")
            self.reason.setFixedHeight(60)
            self.form.add_row("reason", self.tr("Reason"), self.reason)
        self.pin.setFocus()

    def exec(self) -> int:
        """A month that cannot be approved, or no PIN set, says why at once, before any PIN is typed."""
        if not P.pin_is_set(self.ctx.db):
            QMessageBox.warning(self.parentWidget(), self.windowTitle(),
                                self.tr("No manager PIN is set yet: set the manager PIN first "
                                        "(设置 ▸ 修改经理密码…)."))
            return QDialog.DialogCode.Rejected.value
        if self.mode == "approve":
            blocker = approval_blocker(self.ctx.db, self.month)
            if blocker is not None:
                show_error(self.parentWidget(), blocker, self.windowTitle())
                return QDialog.DialogCode.Rejected.value
        return super().exec()

    def _secret(self, key: str, label: str) -> QLineEdit:
        edit = self.line(key, label)
        edit.setEchoMode(QLineEdit.Password)
        return edit

    def save(self) -> P.MonthState:
        pin = self.pin.text().strip()
        if self.mode == "approve":
            return P.approve_month(self.ctx.db, self.month, pin, who=self.ctx.user)
        return P.unlock_month(self.ctx.db, self.month, pin, self.reason.toPlainText(), who=self.ctx.user)
