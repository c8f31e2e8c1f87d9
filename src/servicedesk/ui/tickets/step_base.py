"""The frame every ticket step dialog shares: the title line naming the ticket,
the validated form in a scroll body, Save/Cancel, Ctrl+S, the version check
that offers 重新载入 when someone else saved the ticket meanwhile; and the
small widgets the steps build with. Split from ui/tickets/step_dialogs.py.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QLabel, QPlainTextEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget,
)

from servicedesk.models.tickets import lifecycle as T
from servicedesk.ui.common import (
    ScrollBody, ValidatedForm,
)
from servicedesk.ui.context import AppContext
from servicedesk.ui.form_dialog import EditDialog


class _StepDialog(EditDialog):
    """Common frame: a title line naming the ticket, a ValidatedForm, Save/Cancel, Ctrl+S.

    Everything above the buttons is in a ScrollBody (`self.outer` is its
    layout): the visit form is taller than a 1366×768 screen, and its Save
    button stays on screen below the scrolling fields.
    """

    def __init__(self, ctx: AppContext, detail: T.TicketDetail, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.result_detail: T.TicketDetail | None = None
        self.setWindowTitle(f"{title} — {detail.no}")
        self.setMinimumWidth(540)
        self.frame = QVBoxLayout(self)
        self.scroll_body = ScrollBody(self)
        self.frame.addWidget(self.scroll_body)
        self.outer = self.scroll_body.body
        equipment = (detail.equipment_model + " " + detail.equipment_serial).strip()
        head = QLabel(" · ".join([f"<b>{_esc(detail.no)}</b>", _esc(detail.customer_name)]
                                 + ([_esc(equipment)] if equipment else [])))
        self.outer.addWidget(head)
        self.form = ValidatedForm(self)
        self.outer.addWidget(self.form)

    def finish_layout(self, save_text: str | None = None) -> None:
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(save_text or self.tr("Save (Ctrl+S)"), QDialogButtonBox.AcceptRole)
        self.save_button.setObjectName("save")
        cancel = buttons.addButton(QDialogButtonBox.Cancel)
        for b in (self.save_button, cancel):
            b.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        self.frame.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        for combo in self.findChildren(QComboBox):   # let choices use the form's width
            combo.setSizePolicy(QSizePolicy.Expanding, combo.sizePolicy().verticalPolicy())

    def run(self) -> T.TicketDetail:  # pragma: no cover - overridden
        raise NotImplementedError

    def reload_ticket(self) -> None:
        """After a conflict: the next save compares the ticket as stored now (the typed fields stay)."""
        self.detail = T.get_ticket(self.ctx.db, self.detail.id)

    def save(self) -> None:
        self.form.clear_errors()
        # someone saved this ticket since the dialog opened: reloading takes it as stored now
        ok, stored = self.attempt_save(self.run, self.reload_ticket, self.form)
        if ok:
            self.result_detail = stored
            self.accept()


def _esc(text: str) -> str:
    import html

    return html.escape(text or "")


def _text_box(placeholder: str = "", text: str = "", height: int = 48) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def _days(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 365)
    box.setValue(int(value or 0))
    return box
