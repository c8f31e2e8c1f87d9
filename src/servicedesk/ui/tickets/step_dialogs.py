"""The step dialogs of a ticket: dispatch, review, sign-off, cancel/reopen (the
visit in visit_dialog.py, their common frame in step_base.py).

Each dialog gathers one step's form and calls exactly one model function
(one transaction). A refusal (DomainError) is shown beside its field when the
field is on the form, else in a message box; nothing is half-saved. Ctrl+S
saves in every dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QWidget,
)

from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.tickets.queries import technician_choices
from servicedesk.ui.common import confirm, line_edit
from servicedesk.ui.context import AppContext
from servicedesk.ui.tickets.dialog_common import DateTimeField, alias_field, fill_combo, result_text
from servicedesk.ui.tickets.step_base import _StepDialog, _text_box
from servicedesk.ui.tickets.visit_dialog import VisitDialog  # noqa: F401 (re-exported: moved to visit_dialog)


# ---------------------------------------------------------------- dispatch
class DispatchDialog(_StepDialog):
    """派工: one technician or a team (leader first), transport, times, tools, parts to carry.

    On a dispatched ticket this is a reassignment; the model logs old -> new.
    """

    def __init__(self, ctx: AppContext, detail: T.TicketDetail, parent: QWidget | None = None):
        super().__init__(ctx, detail, self.tr("Dispatch"), parent)
        team_ids = [m.technician_id for m in detail.team]
        leader_id = next((m.technician_id for m in detail.team if m.is_leader), None)
        self._team_ids = team_ids
        self.tech_list = QListWidget()
        self.tech_list.setObjectName("technicians")
        # Roomy: up to 12 people visible without scrolling, a little air
        # between rows, so ticking a team on the phone is not fiddly.
        self.tech_list.setSpacing(2)
        row_height = self.tech_list.fontMetrics().height() + 8
        self.tech_list.setMinimumHeight(row_height * 6)
        self.tech_list.setMaximumHeight(row_height * 12 + 2 * self.tech_list.frameWidth())
        self.tech_list.setMinimumWidth(360)
        self.form.add_row("technician_ids", self.tr("Technicians (Space ticks)"), self.tech_list)
        # How to get people into the register when it is empty: Settings ▸ Technicians…
        register_row = QWidget()
        rl = QHBoxLayout(register_row)
        rl.setContentsMargins(0, 0, 0, 0)
        self.no_tech_hint = QLabel(self.tr("Nobody can be dispatched: there is no active technician in the "
                                           "register. Add them with “Technicians…” (also in Settings ▸ "
                                           "Technicians…)."))
        self.no_tech_hint.setObjectName("no_technicians")
        self.no_tech_hint.setWordWrap(True)
        self.no_tech_hint.setStyleSheet("color: #B3261E;")
        rl.addWidget(self.no_tech_hint, 1)
        self.register_button = QPushButton(self.tr("Technicians…"))
        self.register_button.setObjectName("open_register")
        self.register_button.setToolTip(self.tr("Add, correct or reactivate people in the register "
                                                "(服务人员档案)"))
        self.register_button.setAutoDefault(False)
        self.register_button.clicked.connect(self.open_register)
        rl.addWidget(self.register_button, 0, Qt.AlignTop)
        self.form.form.addRow("", register_row)
        self._fill_technicians()
        self.leader_combo = QComboBox()
        self.leader_combo.setObjectName("leader")
        self.form.add_row("leader", self.tr("Leader"), self.leader_combo)
        self._leader_wanted = leader_id
        self.tech_list.itemChanged.connect(lambda _i: self._fill_leaders())
        self._fill_leaders()

        self.dispatched_at = DateTimeField(detail.dispatched_at or "")
        if not detail.dispatched_at:
            self.dispatched_at.set_now()
        self.form.add_row("dispatched_at", self.tr("Dispatch time"), self.dispatched_at)
        self.transport = QComboBox()
        self.transport.setEditable(True)
        fill_combo(self.transport, [(t, t) for t in ("", "公司车辆", "自驾", "公共交通", "客户接送")])
        self.transport.setEditText(detail.transport)
        self.form.add_row("transport", self.tr("Transport"), self.transport)
        self.departure = DateTimeField(detail.departure_at or "")
        self.form.add_row("departure_at", self.tr("Departure"), self.departure)
        self.expected = DateTimeField(detail.expected_return_at or "", with_now=False)
        self.form.add_row("expected_return_at", self.tr("Expected return"), self.expected)
        self.tools = line_edit(self.tr("Tools to take"), detail.tools)
        self.form.add_row("tools", self.tr("Tools"), self.tools)
        self.carry = line_edit(self.tr("Spare parts to carry"), detail.carry_parts)
        self.form.add_row("carry_parts", self.tr("Parts to carry"), self.carry)
        if detail.team:
            note = QLabel(self.tr("Already dispatched to %1: saving a different team is a reassignment "
                                  "and is logged.").replace("%1", detail.technician_names))
            note.setWordWrap(True)
            note.setStyleSheet("color: #8A5A00;")
            self.outer.addWidget(note)
        self.finish_layout()
        self.tech_list.setFocus()
        if self.tech_list.count():
            self.tech_list.setCurrentRow(0)

    def _fill_technicians(self) -> None:
        """The active people (and anyone already on this ticket), ticks kept across refills."""
        keep = set(self.checked_ids()) if self.tech_list.count() else set(self._team_ids)
        self.techs = [t for t in technician_choices(self.ctx.db) if t.active or t.id in self._team_ids]
        self.tech_list.blockSignals(True)
        self.tech_list.clear()
        for tech in self.techs:
            role = self.tr("supervisor") if tech.role == "supervisor" else ""
            left = self.tr("left") if not tech.active else ""
            extra = ", ".join(w for w in (role, left) if w)
            item = QListWidgetItem(tech.name + (f" ({extra})" if extra else ""))
            item.setData(Qt.UserRole, tech.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if tech.id in keep else Qt.Unchecked)
            self.tech_list.addItem(item)
        if not self.techs:
            hint = QListWidgetItem(self.tr("No technicians in the register yet."))
            hint.setFlags(Qt.NoItemFlags)
            self.tech_list.addItem(hint)
        self.tech_list.blockSignals(False)
        self.no_tech_hint.setVisible(not any(t.active for t in self.techs))

    def open_register(self) -> None:
        """The register (Settings ▸ Technicians…) from here; the list is refilled after."""
        from servicedesk.ui.settings.technicians_dialog import TechniciansDialog

        TechniciansDialog(self.ctx, self).exec()
        self._fill_technicians()
        if hasattr(self, "leader_combo"):
            self._fill_leaders()

    def checked_ids(self) -> list[int]:
        ids = []
        for i in range(self.tech_list.count()):
            item = self.tech_list.item(i)
            if item.data(Qt.UserRole) and item.checkState() == Qt.Checked:
                ids.append(int(item.data(Qt.UserRole)))
        return ids

    def _fill_leaders(self) -> None:
        wanted = self.leader_combo.currentData() or self._leader_wanted
        names = {t.id: t.name for t in self.techs}
        ids = self.checked_ids()
        fill_combo(self.leader_combo, [(names[i], i) for i in ids], wanted if wanted in ids else None)

    def team_ids(self) -> list[int]:
        ids = self.checked_ids()
        leader = self.leader_combo.currentData()
        if leader in ids:
            ids.remove(leader)
            ids.insert(0, leader)
        return ids

    def run(self) -> T.TicketDetail:
        data = T.DispatchInput(
            technician_ids=self.team_ids(), dispatched_at=self.dispatched_at.value(),
            transport=self.transport.currentText(), departure_at=self.departure.value(),
            expected_return_at=self.expected.value(), tools=self.tools.text(), carry_parts=self.carry.text())
        return T.dispatch(self.ctx.db, self.detail.id, data, self.ctx.user, loaded=self.detail)


# ---------------------------------------------------------------- review
class ReviewDialog(_StepDialog):
    """审核: a supervisor checks the completed job."""

    def __init__(self, ctx: AppContext, detail: T.TicketDetail, parent: QWidget | None = None):
        super().__init__(ctx, detail, self.tr("Review"), parent)
        self.reviewer = QComboBox()
        self.reviewer.setObjectName("reviewer")
        self.reviewer.setEditable(True)
        supervisors = [t.name for t in technician_choices(ctx.db, active_only=True) if t.role == "supervisor"]
        fill_combo(self.reviewer, [(n, n) for n in supervisors])
        if not supervisors:
            self.reviewer.setEditText(ctx.user)
        self.form.add_row("reviewer", self.tr("Supervisor"), self.reviewer)
        self.notes = _text_box(self.tr("Review notes (optional)"))
        self.form.add_row("notes", self.tr("Notes"), self.notes)
        self.at = DateTimeField("")
        self.at.set_now()
        self.form.add_row("at", self.tr("Review time"), self.at)
        summary = QLabel(self.tr("Result: %1 · completed %2 · team %3")
                         .replace("%1", result_text(detail.result))
                         .replace("%2", (detail.completed_at or "")[:16])
                         .replace("%3", detail.technician_names or "—"))
        summary.setWordWrap(True)
        self.outer.insertWidget(1, summary)
        self.finish_layout()
        self.reviewer.setFocus()

    def run(self) -> T.TicketDetail:
        return T.review_ticket(self.ctx.db, self.detail.id, self.reviewer.currentText(),
                               self.notes.toPlainText(), at=self.at.value(), who=self.ctx.user,
                               loaded=self.detail)


# ---------------------------------------------------------------- sign-off
class SignoffDialog(_StepDialog):
    """用户意见、签名、日期 — and for a complaint whether the answer was accepted."""

    def __init__(self, ctx: AppContext, detail: T.TicketDetail, parent: QWidget | None = None):
        super().__init__(ctx, detail, self.tr("Customer sign-off"), parent)
        self.opinion = QComboBox()
        self.opinion.setObjectName("opinion")
        self.opinion.setEditable(True)
        fill_combo(self.opinion, [(t, t) for t in ("满意", "基本满意", "一般", "不满意")])
        self.opinion.setEditText(detail.customer_opinion or "满意")
        self.form.add_row("opinion", self.tr("Customer opinion"), self.opinion)
        self.signature = line_edit(self.tr("Name of the person who signed"),
                                   detail.customer_signature or detail.contact)
        self.signature.setObjectName("signature")
        self.form.add_row("signature", self.tr("Signed by"), self.signature)
        self.signed_at = DateTimeField(detail.signed_at or "")
        if not detail.signed_at:
            self.signed_at.set_now()
        self.form.add_row("signed_at", self.tr("Signed on"), self.signed_at)
        alias_field(self.form, "at", self.signed_at, "signed_at")
        self.accepted = QComboBox()
        self.accepted.setObjectName("complaint_accepted")
        fill_combo(self.accepted, [(self.tr("Not asked"), None), (self.tr("Yes, accepted"), True),
                                   (self.tr("No, not accepted"), False)], detail.complaint_accepted)
        self.form.add_row("complaint_accepted", self.tr("Complaint answer accepted"), self.accepted)
        if detail.type != "complaint":
            self.accepted.parentWidget().hide()
            label = self.form.form.labelForField(self.accepted.parentWidget())
            if label is not None:
                label.hide()
        self.finish_layout()
        self.opinion.setFocus()

    def run(self) -> T.TicketDetail:
        accepted = self.accepted.currentData() if self.detail.type == "complaint" else None
        return T.record_signoff(self.ctx.db, self.detail.id, self.opinion.currentText(),
                                self.signature.text(), signed_at=self.signed_at.value(),
                                complaint_accepted=accepted, who=self.ctx.user, loaded=self.detail)


# ---------------------------------------------------------------- cancel / reopen
class ReasonDialog(_StepDialog):
    """Cancel or reopen: both need a reason (it goes into the log); cancel confirms."""

    def __init__(self, ctx: AppContext, detail: T.TicketDetail, kind: str, parent: QWidget | None = None):
        title = QCoreApplication.translate("Tickets", "Cancel ticket") if kind == "cancel" else QCoreApplication.translate("Tickets", "Reopen ticket")
        super().__init__(ctx, detail, title, parent)
        self.kind = kind
        self.reason = _text_box(self.tr("Why? (required, goes into the ticket's log)"), height=64)
        self.reason.setObjectName("reason")
        self.form.add_row("reason", self.tr("Reason"), self.reason)
        if kind == "cancel":
            note = QLabel(self.tr("The number %1 stays used; parts on the ticket go back to stock.")
                          .replace("%1", detail.no))
        else:
            note = QLabel(self.tr("The ticket goes back to work: the arrival, result, completion and sign-off are cleared (kept in the log) and a new visit decides them; diagnosis, work and parts stay and can be corrected."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #606060;")
        self.outer.addWidget(note)
        self.finish_layout(self.tr("Cancel the ticket") if kind == "cancel" else self.tr("Reopen"))
        self.reason.setFocus()

    def save(self) -> None:
        if self.kind == "cancel" and self.reason.toPlainText().strip():
            if not confirm(self, self.tr("Cancel ticket"),
                           self.tr("Cancel ticket %1? This cannot be undone except by reopening it.")
                           .replace("%1", self.detail.no)):
                return
        super().save()

    def run(self) -> T.TicketDetail:
        if self.kind == "cancel":
            return T.cancel_ticket(self.ctx.db, self.detail.id, self.reason.toPlainText(), self.ctx.user)
        return T.reopen_ticket(self.ctx.db, self.detail.id, self.reason.toPlainText(), self.ctx.user)
