"""Record the outcome of one follow-up call (回访), built for a phone at the ear.

The customer's phone is the biggest thing in the dialog; "reached" is the
first choice, and when nobody answered every answer field is switched off so
one click and Ctrl+S log the attempt (the follow-up moves to the retry day).
A complaint typed here opens a complaint ticket linked to the call.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDateTimeEdit, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget,
)

from servicedesk.models.core.phones import format_phone
from servicedesk.models.followups import calls as F
from servicedesk.models.core.errors import DomainError
from servicedesk.ui.common import ValidatedForm, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.form_dialog import EditDialog
from servicedesk.ui.followups.words import SATISFACTION_ORDER, kind_text, level_text, satisfaction_text


def followup_summary_html(fu: F.Followup) -> str:
    """The header both dialogs and the detail pane show."""
    e = html.escape
    lines = [f"<b>{e(kind_text(fu.kind))}</b>" + (f" · {e(fu.ticket_no)}" if fu.ticket_no else "")]
    who = " · ".join(p for p in (fu.customer_name, fu.contact) if p)
    lines.append(e(who))
    if fu.phone:
        lines.append(f"<span style='font-size:18px; font-weight:bold'>{e(format_phone(fu.phone))}</span>")
    if fu.equipment_label:
        dealer = QCoreApplication.translate("Followups", "Dealer")
        lines.append(e(fu.equipment_label) + (f" · {e(dealer)} {e(fu.dealer)}" if fu.dealer else ""))
    due = QCoreApplication.translate("Followups", "Due %1 – %2").replace("%1", fu.due_from[:16]).replace("%2", fu.due_at[:16])
    if fu.attempts:
        due += " · " + QCoreApplication.translate("Followups", "%1 unanswered attempt(s)").replace("%1", str(fu.attempts))
    lines.append(e(due))
    return "<br>".join(lines)


class RecordCallDialog(EditDialog):
    def __init__(self, ctx: AppContext, followup: F.Followup, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.followup = followup
        self.outcome: F.CallOutcome | None = None
        self.setWindowTitle(self.tr("Record follow-up call"))
        self.setMinimumWidth(760)
        lay = QVBoxLayout(self)

        head = QHBoxLayout()
        info = QLabel(followup_summary_html(followup))
        info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        info.setWordWrap(True)
        head.addWidget(info, 1)
        links = QVBoxLayout()
        self.history_btn = QPushButton(self.tr("Equipment history"))
        self.history_btn.setEnabled(followup.equipment_id is not None)
        self.history_btn.clicked.connect(self._open_history)
        links.addWidget(self.history_btn)
        self.ticket_btn = QPushButton(self.tr("Open ticket"))
        self.ticket_btn.setEnabled(bool(followup.ticket_no))
        self.ticket_btn.clicked.connect(lambda: self._open("ticket", followup.ticket_no))
        links.addWidget(self.ticket_btn)
        links.addStretch(1)
        head.addLayout(links)
        lay.addLayout(head)

        self.form = ValidatedForm(self)
        self.called_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.called_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.called_at.setCalendarPopup(True)
        self.form.add_row("called_at", self.tr("Call time"), self.called_at)

        reached_box = QWidget()
        rl = QHBoxLayout(reached_box)
        rl.setContentsMargins(0, 0, 0, 0)
        self.reached_yes = QRadioButton(self.tr("Reached the customer"))
        self.reached_no = QRadioButton(self.tr("Not reached (no answer)"))
        self.reached_yes.setChecked(True)
        rl.addWidget(self.reached_yes)
        rl.addWidget(self.reached_no)
        rl.addStretch(1)
        self.reached_group = QButtonGroup(self)
        self.reached_group.addButton(self.reached_yes)
        self.reached_group.addButton(self.reached_no)
        self.form.add_row("reached", self.tr("Reached"), reached_box)

        sat_box = QWidget()
        sl = QHBoxLayout(sat_box)
        sl.setContentsMargins(0, 0, 0, 0)
        self.sat_group = QButtonGroup(self)
        self.sat_buttons: dict[str, QRadioButton] = {}
        for i, key in enumerate(SATISFACTION_ORDER, start=1):
            button = QRadioButton(f"&{i} {satisfaction_text(key)}")
            button.setObjectName(f"sat_{key}")
            self.sat_group.addButton(button)
            self.sat_buttons[key] = button
            sl.addWidget(button)
        sl.addStretch(1)
        self.form.add_row("satisfaction", self.tr("Satisfaction"), sat_box)

        self.usage = QLineEdit()
        self.usage.setPlaceholderText(self.tr("How the equipment is being used"))
        self.form.add_row("usage", self.tr("Usage"), self.usage)
        self.quality = QLineEdit()
        self.quality.setPlaceholderText(self.tr("Product quality as the customer sees it"))
        self.form.add_row("quality", self.tr("Quality"), self.quality)
        self.dealer_opinion = QLineEdit()
        self.form.add_row("dealer_opinion", self.tr("Opinion of the dealer's service"), self.dealer_opinion)
        self.office_opinion = QLineEdit()
        self.form.add_row("office_opinion", self.tr("Opinion of our service"), self.office_opinion)
        self.suggestions = QPlainTextEdit()
        self.suggestions.setFixedHeight(48)
        self.suggestions.setTabChangesFocus(True)
        self.form.add_row("suggestions", self.tr("Suggestions"), self.suggestions)

        complaint_box = QWidget()
        cl = QHBoxLayout(complaint_box)
        cl.setContentsMargins(0, 0, 0, 0)
        self.complaint = QPlainTextEdit()
        self.complaint.setFixedHeight(48)
        self.complaint.setTabChangesFocus(True)
        self.complaint.setPlaceholderText(self.tr("Leave empty when there is no complaint; "
                                                  "text here opens a complaint ticket"))
        cl.addWidget(self.complaint, 1)
        self.complaint_level = QComboBox()
        for level in (1, 2, 3, 4):
            self.complaint_level.addItem(level_text(level), level)
        self.complaint_level.setCurrentIndex(2)
        self.complaint_level.setToolTip(self.tr("Fault level of the complaint ticket"))
        cl.addWidget(self.complaint_level)
        self.form.add_row("complaint", self.tr("Complaint"), complaint_box)
        self.notes = QLineEdit()
        self.form.add_row("notes", self.tr("Notes"), self.notes)
        lay.addWidget(self.form)

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save (Ctrl+S)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        QShortcut(QKeySequence.Save, self, activated=self.save)
        self.reached_yes.toggled.connect(self._update_enabled)
        self._answer_widgets = [sat_box, self.usage, self.quality, self.dealer_opinion, self.office_opinion,
                                self.suggestions, complaint_box]
        self._update_enabled()
        self.reached_yes.setFocus()

    # ---- behaviour ----------------------------------------------------------------
    def _update_enabled(self) -> None:
        for widget in self._answer_widgets:
            widget.setEnabled(self.reached_yes.isChecked())

    def _open(self, kind: str, key: object) -> None:
        self.ctx.open(kind, key)

    def _open_history(self) -> None:
        if self.followup.equipment_id is not None:
            self.ctx.open("equipment", self.followup.equipment_id)

    def satisfaction(self) -> str | None:
        for key, button in self.sat_buttons.items():
            if button.isChecked():
                return key
        return None

    def call_input(self) -> F.CallInput:
        reached = self.reached_yes.isChecked()
        return F.CallInput(
            reached=reached,
            called_at=self.called_at.dateTime().toString("yyyy-MM-dd HH:mm:ss"),
            caller=self.ctx.user,
            usage=self.usage.text() if reached else "",
            quality=self.quality.text() if reached else "",
            dealer_opinion=self.dealer_opinion.text() if reached else "",
            office_opinion=self.office_opinion.text() if reached else "",
            satisfaction=self.satisfaction() if reached else None,
            suggestions=self.suggestions.toPlainText() if reached else "",
            complaint=F.normalise_complaint(self.complaint.toPlainText()) if reached else "",
            complaint_level=int(self.complaint_level.currentData()),
            notes=self.notes.text(),
        )

    def save(self) -> None:
        self.form.clear_errors()
        try:
            self.outcome = F.record_call(self.ctx.db, self.followup.id, self.call_input(), self.ctx.user)
        except DomainError as exc:
            if not self.form.show_error(exc.field, exc.message):
                show_error(self, exc)
            return
        self.accept()
