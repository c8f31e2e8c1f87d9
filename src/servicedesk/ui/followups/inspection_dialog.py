"""Record an on-site inspection (巡检) as done, or move a unit's next inspection.

Recording one plans the next inspection a year later (the repeating plan per
equipment lives in models.followups).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDateTimeEdit, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit,
    QVBoxLayout, QWidget,
)

from servicedesk.models.followups import calls as F
from servicedesk.models.core.errors import DomainError
from servicedesk.models.tickets.queries import technician_choices
from servicedesk.ui.common import ValidatedForm, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.followups.call_dialog import followup_summary_html
from servicedesk.ui.form_dialog import EditDialog


class RecordInspectionDialog(EditDialog):
    def __init__(self, ctx: AppContext, followup: F.Followup, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.followup = followup
        self.result_followup: F.Followup | None = None
        self.setWindowTitle(self.tr("Record on-site inspection"))
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        info = QLabel(followup_summary_html(followup))
        info.setWordWrap(True)
        info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(info)
        self.form = ValidatedForm(self)
        self.done_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.done_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.done_at.setCalendarPopup(True)
        self.form.add_row("done_at", self.tr("Inspected at"), self.done_at)
        self.inspector = QComboBox()
        self.inspector.setEditable(True)
        for choice in technician_choices(ctx.db, active_only=True):
            self.inspector.addItem(choice.name)
        self.inspector.setCurrentText("")
        self.inspector.setMinimumWidth(200)
        self.form.add_row("inspector", self.tr("Inspector"), self.inspector)
        self.ticket_no = QLineEdit()
        self.ticket_no.setPlaceholderText(self.tr("Inspection ticket number, if one was opened"))
        self.form.add_row("ticket_no", self.tr("Ticket"), self.ticket_no)
        self.findings = QPlainTextEdit()
        self.findings.setFixedHeight(72)
        self.findings.setTabChangesFocus(True)
        self.form.add_row("findings", self.tr("Findings"), self.findings)
        lay.addWidget(self.form)
        note = QLabel(self.tr("The next inspection is planned a year after this one."))
        note.setStyleSheet("color: #6b6b6b;")
        lay.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save (Ctrl+S)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        QShortcut(QKeySequence.Save, self, activated=self.save)

    def save(self) -> None:
        self.form.clear_errors()
        data = F.InspectionInput(done_at=self.done_at.dateTime().toString("yyyy-MM-dd HH:mm:ss"),
                                 inspector=self.inspector.currentText(), findings=self.findings.toPlainText(),
                                 ticket_no=self.ticket_no.text())
        try:
            self.result_followup = F.record_inspection(self.ctx.db, self.followup.id, data, self.ctx.user)
        except DomainError as exc:
            if not self.form.show_error(exc.field, exc.message):
                show_error(self, exc)
            return
        self.accept()


class MoveInspectionDialog(EditDialog):
    """Set the date a unit's next inspection is due (starts a plan if it has none)."""

    def __init__(self, ctx: AppContext, equipment_id: int, label: str, due: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.equipment_id = equipment_id
        self.result_followup: F.Followup | None = None
        self.setWindowTitle(self.tr("Plan inspection"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(label))
        self.form = ValidatedForm(self)
        start = QDate.fromString(due[:10], "yyyy-MM-dd") if due else QDate.currentDate().addMonths(1)
        self.due = QDateEdit(start)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setCalendarPopup(True)
        self.form.add_row("due_date", self.tr("Inspect by"), self.due)
        lay.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def save(self) -> None:
        self.form.clear_errors()
        try:
            self.result_followup = F.plan_inspection(self.ctx.db, self.equipment_id,
                                                     self.due.date().toString("yyyy-MM-dd"), self.ctx.user)
        except DomainError as exc:
            if not self.form.show_error(exc.field, exc.message):
                show_error(self, exc)
            return
        self.accept()
