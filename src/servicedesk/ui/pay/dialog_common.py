"""A small form dialog the pay dialogs share: fields, OK/Cancel, errors beside fields.

`save()` (overridden) calls one model function; a DomainError naming a field
is shown under that field, any other one in a message box, and the dialog
stays open, so nothing is half-saved and nothing typed is lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from servicedesk.models.core.errors import DomainError
from servicedesk.ui.common import ValidatedForm, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.form_dialog import EditDialog


# ---- words shown in the pay tables and dialogs ------------------------------
# The model keeps the office's Chinese words for printed forms (pay.ROLE_LABELS,
# LINE_KINDS, DISPUTE_STATUS); on screen they go through tr() so the English UI
# is English and the Chinese comes from pay.tsv (the register's 技术员 / 主管).
def role_word(role: str) -> str:
    words = {"technician": QCoreApplication.translate("PayWords", "Field technician"),
             "supervisor": QCoreApplication.translate("PayWords", "Service supervisor")}
    return words.get(role, role)


def line_kind_word(kind: str) -> str:
    words = {"work": QCoreApplication.translate("PayWords", "Work hours"),
             "deduction": QCoreApplication.translate("PayWords", "Deduction"),
             "adjustment": QCoreApplication.translate("PayWords", "Adjustment"),
             "reimbursement": QCoreApplication.translate("PayWords", "Travel refund"),
             "attendance": QCoreApplication.translate("PayWords", "Attendance")}
    return words.get(kind, kind)


def leader_suffix() -> str:
    """Marks the team leader's work line, e.g. 工时（组长）."""
    return QCoreApplication.translate("PayWords", " (team leader)")


def dispute_word(status: str | None) -> str:
    words = {"open": QCoreApplication.translate("PayWords", "Under appeal"),
             "upheld": QCoreApplication.translate("PayWords", "Appeal upheld"),
             "rejected": QCoreApplication.translate("PayWords", "Appeal rejected")}
    return words.get(status or "", status or "")


def document_word(key: str) -> str:
    """The documents a job hands in (pay.DOCUMENTS), for the deduction dialog."""
    words = {"self_check_report": QCoreApplication.translate("PayWords", "Installation self-check report"),
             "outsourced_parts_list": QCoreApplication.translate("PayWords", "List of outsourced parts"),
             "dispatch_slip": QCoreApplication.translate("PayWords", "Dispatch slip"),
             "signed_record": QCoreApplication.translate("PayWords", "Inspection / repair record signed on site")}
    return words.get(key, key)


def defect_source_word(key: str) -> str:
    """Who found a defect (pay.DEFECT_SOURCES)."""
    words = {"customer": QCoreApplication.translate("PayWords", "Customer report within 30 days"),
             "inspection": QCoreApplication.translate("PayWords", "Company inspection")}
    return words.get(key, key)


def ticket_type_word(kind: str) -> str:
    """A ticket's type (pay.TYPE_LABELS keys; the Chinese label is accepted too)."""
    from servicedesk.models.pay.month import TYPE_LABELS

    kind = {label: key for key, label in TYPE_LABELS.items()}.get(kind, kind)
    words = {"repair": QCoreApplication.translate("PayWords", "Repair"),
             "installation": QCoreApplication.translate("PayWords", "Installation"),
             "inspection": QCoreApplication.translate("PayWords", "Inspection"),
             "technical_service": QCoreApplication.translate("PayWords", "Technical service"),
             "complaint": QCoreApplication.translate("PayWords", "Complaint")}
    return words.get(kind, kind)


def dealer_mode_word(mode: str) -> str:
    """How a dealer settles travel (dealer_billing.MODES)."""
    words = {"prepay": QCoreApplication.translate("PayWords", "Paid in advance"),
             "deduct": QCoreApplication.translate("PayWords", "Deducted by finance")}
    return words.get(mode, mode)


def log_action_word(action: str) -> str:
    """The pay log's action keys in words (the detail stays as logged)."""
    words = {
        "deduction_add": QCoreApplication.translate("PayWords", "Deduction recorded"),
        "deduction_void": QCoreApplication.translate("PayWords", "Deduction voided"),
        "adjustment_add": QCoreApplication.translate("PayWords", "Adjustment added"),
        "adjustment_delete": QCoreApplication.translate("PayWords", "Adjustment deleted"),
        "reimbursement_add": QCoreApplication.translate("PayWords", "Refund added"),
        "reimbursement_delete": QCoreApplication.translate("PayWords", "Refund deleted"),
        "dispute_raise": QCoreApplication.translate("PayWords", "Dispute raised"),
        "dispute_upheld": QCoreApplication.translate("PayWords", "Appeal upheld"),
        "dispute_rejected": QCoreApplication.translate("PayWords", "Appeal rejected"),
        "pin_set": QCoreApplication.translate("PayWords", "PIN set"),
        "pin_change": QCoreApplication.translate("PayWords", "PIN changed"),
        "pin_refused": QCoreApplication.translate("PayWords", "Wrong PIN"),
        "approve": QCoreApplication.translate("PayWords", "Approved and locked"),
        "unlock": QCoreApplication.translate("PayWords", "Unlocked"),
        "dealer_billing": QCoreApplication.translate("PayWords", "Dealer billing"),
    }
    return words.get(action, action)


class PayFormDialog(EditDialog):
    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.layout_.addWidget(self.intro)
        self.form = ValidatedForm(self)
        self.layout_.addWidget(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    # ---- field helpers -------------------------------------------------------
    def line(self, key: str, label: str, placeholder: str = "", text: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        self.form.add_row(key, label, edit)
        return edit

    def combo(self, key: str, label: str, items: list[tuple[str, Any]]) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(key)
        for text, data in items:
            box.addItem(text, data)
        self.form.add_row(key, label, box)
        return box

    def date(self, key: str, label: str, value: str | None = None) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(key)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else QDate.currentDate())
        self.form.add_row(key, label, edit)
        return edit

    # ---- saving --------------------------------------------------------------
    def save(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            self.result_value = self.save()
        except DomainError as exc:
            if not self.form.show_error(exc.field, exc.message):
                show_error(self, exc)
            return
        super().accept()


def fit_width(widget: QWidget, words: list[str], minimum: int) -> int:
    """A column wide enough for its longest word in the interface language."""
    return max([minimum] + [widget.fontMetrics().horizontalAdvance(w) + 16 for w in words])


def role_column_width(widget: QWidget) -> int:
    return fit_width(widget, [role_word(r) for r in ("technician", "supervisor")], 70)
