"""回访 Follow-ups tab: calls due today and overdue first, one click (or Enter)
to record the outcome; the inspection plan per equipment on a second page.

The list shows the customer's phone, so the clerk can dial straight from it;
the equipment's history is one click away (Equipment history, Ctrl+H).
"""

from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QPushButton, QSplitter,
    QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from servicedesk.models.core.phones import format_phone
from servicedesk.models.followups import calls as F
from servicedesk.models.core.db import now_iso
from servicedesk.models.core.errors import DomainError
from servicedesk.ui.common import EmptyState, debounce, line_edit, record_table, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.followups.call_dialog import RecordCallDialog, followup_summary_html
from servicedesk.ui.followups.words import kind_text, satisfaction_text
from servicedesk.ui.followups.inspection_dialog import MoveInspectionDialog, RecordInspectionDialog
from servicedesk.ui.import_export import SheetExchange, sheet_button
from servicedesk.ui.table_model import ColumnDef, RecordTableModel


def state_of(fu: F.Followup, now: str) -> str:
    """'overdue' | 'due' | 'upcoming' | 'done' | 'cancelled'."""
    if fu.status != "pending":
        return fu.status
    if fu.due_at < now:
        return "overdue"
    if fu.due_from <= now[:10] + " 23:59:59":
        return "due"
    return "upcoming"


STATE_COLORS = {"overdue": "red", "due": "amber", "done": "green", "cancelled": "grey"}


class FollowupsTab(QWidget):
    VIEWS = ("due", "upcoming", "done", "all")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._now = now_iso()
        self._order = ("due_at", False)
        self._current: F.Followup | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.pages = QTabWidget(self)
        self.pages.addTab(self._build_calls_page(), self.tr("Calls and inspections"))
        self.pages.addTab(self._build_plan_page(), self.tr("Inspection plan"))
        self.pages.currentChanged.connect(lambda _i: self.reload())
        lay.addWidget(self.pages)
        self.reload()

    # ---------------------------------------------------------------- calls page
    def _build_calls_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.view_combo = QComboBox()
        for key, text in zip(self.VIEWS, (self.tr("Due today and overdue"), self.tr("Upcoming"),
                                          self.tr("Done"), self.tr("All"))):
            self.view_combo.addItem(text, key)
        self.view_combo.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(self.view_combo)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("All kinds"), None)
        self.kind_combo.addItem(self.tr("Calls only"), "calls")
        for kind in F.KIND_LABELS:
            self.kind_combo.addItem(kind_text(kind), kind)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.reload())
        bar.addWidget(self.kind_combo)
        self.search = line_edit(self.tr("Search customer, phone, ticket no, serial no"))
        self.search.textChanged.connect(debounce(self, self.reload))
        bar.addWidget(self.search, 1)
        self.record_btn = QPushButton(self.tr("Record outcome (Ctrl+R)"))
        self.record_btn.clicked.connect(self.record_selected)
        bar.addWidget(self.record_btn)
        self.history_btn = QPushButton(self.tr("Equipment history"))
        self.history_btn.clicked.connect(self.open_history)
        bar.addWidget(self.history_btn)
        self.ticket_btn = QPushButton(self.tr("Open ticket"))
        self.ticket_btn.clicked.connect(self.open_ticket)
        bar.addWidget(self.ticket_btn)
        self.cancel_btn = QPushButton(self.tr("Cancel follow-up…"))
        self.cancel_btn.clicked.connect(self.cancel_selected)
        bar.addWidget(self.cancel_btn)
        # The call log from / to Excel (calls made from another phone list).
        self.sheets = SheetExchange(self.ctx, self, announce=self._imported)
        self.sheet_button = sheet_button(self, self.sheets, ["followups"])
        self.sheet_button.setObjectName("followup_sheets")
        bar.addWidget(self.sheet_button)
        lay.addLayout(bar)
        QShortcut(QKeySequence("Ctrl+R"), page, activated=self.record_selected)
        QShortcut(QKeySequence("Ctrl+H"), page, activated=self.open_history)

        split = QSplitter(Qt.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.model = RecordTableModel([
            ColumnDef("state", self.tr("State"), display=self._state_text, sort_key="due_at", width=90),
            ColumnDef("due_at", self.tr("Due by"), display=lambda r: r.due_at[5:16], width=120,
                      tooltip=lambda r: r.due_at[:16]),
            ColumnDef("kind", self.tr("Kind"), display=lambda r: kind_text(r.kind), width=190),
            ColumnDef("customer_name", self.tr("Customer"), width=200),
            ColumnDef("phone", self.tr("Phone"), display=lambda r: format_phone(r.phone), width=120),
            ColumnDef("equipment_label", self.tr("Equipment"), display=lambda r: r.equipment_label, width=150),
            ColumnDef("ticket_no", self.tr("Ticket"), width=100),
            ColumnDef("attempts", self.tr("Attempts"), display=lambda r: str(r.attempts) if r.attempts else "",
                      align=Qt.AlignRight | Qt.AlignVCenter, width=60),
            ColumnDef("last_called_at", self.tr("Last call"), display=lambda r: (r.last_called_at or "")[5:16],
                      width=120, tooltip=lambda r: (r.last_called_at or "")[:16]),
        ], self, row_color=lambda r: STATE_COLORS.get(state_of(r, self._now)))
        self.table = record_table(self.model, "followups_table")
        # the customer's name (the longest text) takes the spare width; the other
        # columns are as wide as their text, so the last one is never hidden
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for i, col in enumerate(self.model.columns):
            header.setSectionResizeMode(i, QHeaderView.Stretch if col.key == "customer_name"
                                        else QHeaderView.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.record_selected())
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.table.activated.connect(lambda _i: self.record_selected())
        ll.addWidget(self.table)
        self.empty = EmptyState(self.tr("No calls are due. Calls are planned automatically when tickets "
                                        "are completed and closed."))
        ll.addWidget(self.empty)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #6b6b6b;")
        ll.addWidget(self.count_label)
        split.addWidget(left)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._on_link)
        self.detail.setMinimumWidth(280)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)
        return page

    def _due_words(self, due_at: str, overdue: bool) -> str:
        """One wording for every due date: 超期 N 天 / 今日到期 / N 天后到期, counted
        in calendar days from today (a call due yesterday 23:59 is 超期 1 天)."""
        today = _dt.date.fromisoformat(self._now[:10])
        days = (_dt.date.fromisoformat(due_at[:10]) - today).days
        if overdue:
            return (self.tr("Overdue %1 d").replace("%1", str(-days)) if days < 0
                    else self.tr("Overdue today"))
        if days <= 0:
            return self.tr("Due today")
        return self.tr("Due in %1 d").replace("%1", str(days))

    def _state_text(self, fu: F.Followup) -> str:
        state = state_of(fu, self._now)
        if state in ("overdue", "due", "upcoming"):
            return self._due_words(fu.due_at, state == "overdue")
        return {"done": self.tr("Done"), "cancelled": self.tr("Cancelled")}[state]

    # ---------------------------------------------------------------- plan page
    def _build_plan_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.plan_search = line_edit(self.tr("Search customer, phone, model, serial no"))
        self.plan_search.textChanged.connect(debounce(self, self.reload))
        bar.addWidget(self.plan_search, 1)
        self.inspect_btn = QPushButton(self.tr("Record inspection"))
        self.inspect_btn.clicked.connect(self.record_inspection)
        bar.addWidget(self.inspect_btn)
        self.move_btn = QPushButton(self.tr("Change date…"))
        self.move_btn.clicked.connect(self.move_inspection)
        bar.addWidget(self.move_btn)
        self.plan_history_btn = QPushButton(self.tr("Equipment history"))
        self.plan_history_btn.clicked.connect(self.open_plan_history)
        bar.addWidget(self.plan_history_btn)
        lay.addLayout(bar)
        self.plan_model = RecordTableModel([
            ColumnDef("state", self.tr("State"), display=self._plan_state, width=90),
            ColumnDef("next_due_at", self.tr("Inspect by"), display=lambda r: (r.next_due_at or "")[:10],
                      width=100),
            ColumnDef("last_done_at", self.tr("Last inspection"), display=lambda r: (r.last_done_at or "")[:10],
                      width=110),
            ColumnDef("equipment", self.tr("Equipment"),
                      display=lambda r: f"{r.equipment_model} {r.equipment_serial}", width=170),
            ColumnDef("customer_name", self.tr("Customer"), width=220),
            ColumnDef("phone", self.tr("Phone"), display=lambda r: format_phone(r.phone), width=120),
            ColumnDef("dealer", self.tr("Dealer"), width=140),
        ], self, row_color=self._plan_color)
        self.plan_table = record_table(self.plan_model, "plan_table")
        self.plan_table.setSortingEnabled(False)
        self.plan_table.doubleClicked.connect(lambda _i: self.record_inspection())
        lay.addWidget(self.plan_table, 1)
        self.plan_count = QLabel()
        self.plan_count.setStyleSheet("color: #6b6b6b;")
        lay.addWidget(self.plan_count)
        return page

    def _plan_state(self, row: F.InspectionPlanRow) -> str:
        if row.next_due_at is None:
            return self.tr("No plan")
        if row.overdue or (row.next_due_from and row.next_due_from <= self._now[:10] + " 23:59:59"):
            return self._due_words(row.next_due_at, bool(row.overdue))
        return self.tr("Planned")

    def _plan_color(self, row: F.InspectionPlanRow) -> str | None:
        if row.next_due_at is None:
            return "grey"
        if row.overdue:
            return "red"
        if row.next_due_from and row.next_due_from <= self._now[:10] + " 23:59:59":
            return "amber"
        return None

    # ---------------------------------------------------------------- loading
    def empty_text(self, view: str, kind: str | None, text: str) -> str:
        """Why the list is empty and what to do: a search or filter that finds
        nothing is not "no calls are due"."""
        if text.strip():
            return self.tr("No follow-up matches “%1”. Check the spelling, or clear the search "
                           "and choose “All”.").replace("%1", text.strip())
        if kind is not None:
            return self.tr("No follow-ups of this kind in this view. Choose “All kinds” to see the others.")
        return {
            "due": self.tr("No calls are due. Calls are planned automatically when tickets "
                           "are completed and closed."),
            "upcoming": self.tr("Nothing is planned yet. Calls are planned automatically when tickets "
                                "are completed and closed."),
            "done": self.tr("No call or inspection has been recorded yet."),
        }.get(view, self.tr("No follow-ups yet. They are planned automatically when tickets are "
                            "completed and closed."))

    def reload(self) -> None:
        self._now = now_iso()
        if self.pages.currentIndex() == 1:
            self._reload_plan()
            return
        view = self.view_combo.currentData()
        kind = self.kind_combo.currentData()
        text = self.search.text()
        order = self._order

        def fetch(offset: int, limit: int) -> list[F.Followup]:
            return F.list_followups(self.ctx.db, view, kind=kind, query=text, now=self._now, offset=offset,
                                    limit=limit, order=order[0], descending=order[1])

        def count() -> int:
            return F.count_followups(self.ctx.db, view, kind=kind, query=text, now=self._now)

        def set_order(key: str, descending: bool) -> None:
            nonlocal order
            order = (key, descending)
            self._order = order

        keep = self._current.id if self._current else None
        self.model.set_fetcher(fetch, count, set_order)
        empty = self.model.total() == 0
        self.table.setVisible(not empty)
        self.empty.setVisible(empty)
        if empty:
            self.empty.setText(self.empty_text(view, kind, text))
        self.count_label.setText(self.tr("Showing %1 of %2 follow-ups").replace("%1", str(self.model.rowCount()))
                                 .replace("%2", str(self.model.total())))
        if keep is not None and self._select_id(keep):
            return
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._show_detail(None)

    def _reload_plan(self) -> None:
        text = self.plan_search.text()
        self.plan_model.set_fetcher(
            lambda offset, limit: F.inspection_plan(self.ctx.db, query=text, now=self._now, offset=offset,
                                                    limit=limit),
            lambda: F.count_inspection_plan(self.ctx.db, query=text))
        self.plan_count.setText(self.tr("Showing %1 of %2 machines").replace("%1", str(self.plan_model.rowCount()))
                                .replace("%2", str(self.plan_model.total())))

    def _select_id(self, followup_id: int) -> bool:
        row = self.model.find_row(lambda r: r.id == followup_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected(self) -> F.Followup | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.isVisible():
            return self._current
        return self.model.row(index.row())

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_detail(self.model.row(current.row()).id)

    def _show_detail(self, followup_id: int | None) -> None:
        if followup_id is None:
            self._current = None
            self.detail.setHtml("")
            self._update_buttons()
            return
        try:
            fu = F.get_followup(self.ctx.db, followup_id)
        except DomainError:
            self._current = None
            self.detail.setHtml("")
            return
        self._current = fu
        self.detail.setHtml(self._detail_html(fu))
        self._update_buttons()

    def _update_buttons(self) -> None:
        fu = self._current
        pending = fu is not None and fu.status == "pending"
        self.record_btn.setEnabled(pending)
        self.cancel_btn.setEnabled(pending)
        self.history_btn.setEnabled(fu is not None and fu.equipment_id is not None)
        self.ticket_btn.setEnabled(fu is not None and bool(fu.ticket_no))

    def _detail_html(self, fu: F.Followup) -> str:
        e = html.escape
        parts = [followup_summary_html(fu)]
        words = {"ticket": self.tr("Open ticket"), "history": self.tr("Equipment history"),
                 "customer": self.tr("Customer"), "status": self.tr("Status"), "findings": self.tr("Findings"),
                 "complaint": self.tr("Complaint"), "calls": self.tr("Calls")}
        links = []
        if fu.ticket_no:
            links.append(f"<a href='ticket:{e(fu.ticket_no)}'>{e(words['ticket'])} {e(fu.ticket_no)}</a>")
        if fu.equipment_id is not None:
            links.append(f"<a href='equipment:{fu.equipment_id}'>{e(words['history'])}</a>")
        if fu.customer_id:
            links.append(f"<a href='customer:{fu.customer_id}'>{e(words['customer'])}</a>")
        parts.append(" · ".join(links))
        state = {"pending": self.tr("Waiting"), "done": self.tr("Done"), "cancelled": self.tr("Cancelled")}
        status = state.get(fu.status, fu.status)
        if fu.status == "done" and fu.done_at:
            status += f" {fu.done_at[:16]}" + (f" · {fu.done_by}" if fu.done_by else "")
        if fu.status == "cancelled" and fu.cancel_reason:
            status += f" · {fu.cancel_reason}"
        parts.append(f"<b>{e(words['status'])}:</b> {e(status)}")
        if fu.kind == "inspection" and fu.result_notes:
            parts.append(f"<b>{e(words['findings'])}:</b> {e(fu.result_notes)}")
        if fu.calls:
            rows = []
            for c in reversed(fu.calls):
                answer = satisfaction_text(c.satisfaction) if c.reached else self.tr("Not reached")
                extra = []
                for label, value in ((self.tr("Usage"), c.usage), (self.tr("Quality"), c.quality),
                                     (self.tr("Dealer"), c.dealer_opinion), (self.tr("Our service"), c.office_opinion),
                                     (self.tr("Suggestions"), c.suggestions), (self.tr("Notes"), c.notes)):
                    if value:
                        extra.append(f"{e(label)}: {e(value)}")
                if c.complaint:
                    link = (f" <a href='ticket:{e(c.complaint_ticket_no)}'>{e(c.complaint_ticket_no)}</a>"
                            if c.complaint_ticket_no else "")
                    extra.append(f"<span style='color:#B3261E'>{e(words['complaint'])}: {e(c.complaint)}</span>{link}")
                rows.append(f"<tr><td valign='top'>{e(c.called_at[:16])}</td><td valign='top'>{e(c.caller)}</td>"
                            f"<td valign='top'><b>{e(answer)}</b><br>{'<br>'.join(extra)}</td></tr>")
            parts.append(f"<b>{e(words['calls'])}</b><table cellspacing='4'>{''.join(rows)}</table>")
        return "<p>" + "</p><p>".join(p for p in parts if p) + "</p>"

    def _on_link(self, url) -> None:
        kind, _sep, key = url.toString().partition(":")
        if kind in ("equipment", "customer"):
            self.ctx.open(kind, int(key))
        elif kind == "ticket":
            self.ctx.open("ticket", key)

    # ---------------------------------------------------------------- actions
    def record_selected(self) -> None:
        fu = self.selected()
        if fu is None:
            return
        fu = F.get_followup(self.ctx.db, fu.id)
        if fu.status != "pending":
            return
        if fu.kind == "inspection":
            dialog = RecordInspectionDialog(self.ctx, fu, self)
            if dialog.exec():
                self.ctx.status(self.tr("Inspection recorded; the next one is planned in a year."))
                self._changed()
            return
        dialog = RecordCallDialog(self.ctx, fu, self)
        if not dialog.exec() or dialog.outcome is None:
            return
        outcome = dialog.outcome
        if outcome.complaint_ticket_no:
            self.ctx.status(self.tr("Call recorded; complaint ticket %1 opened.")
                            .replace("%1", outcome.complaint_ticket_no))
            self.ctx.data_changed("tickets")
        elif outcome.rescheduled_to:
            self.ctx.status(self.tr("Not reached: call again from %1.").replace("%1", outcome.rescheduled_to[:10]))
        else:
            self.ctx.status(self.tr("Call recorded."))
        self._changed()

    def cancel_selected(self) -> None:
        fu = self.selected()
        if fu is None or fu.status != "pending":
            return
        reason, ok = QInputDialog.getText(self, self.tr("Cancel follow-up"),
                                          self.tr("Why will this follow-up not be made?"))
        if not ok:
            return
        try:
            F.cancel_followup(self.ctx.db, fu.id, reason, self.ctx.user)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.status(self.tr("Follow-up cancelled."))
        self._changed()

    def open_history(self) -> None:
        fu = self.selected()
        if fu is not None and fu.equipment_id is not None:
            self.ctx.open("equipment", fu.equipment_id)

    def open_ticket(self) -> None:
        fu = self.selected()
        if fu is not None and fu.ticket_no:
            self.ctx.open("ticket", fu.ticket_no)

    def _plan_selected(self) -> F.InspectionPlanRow | None:
        index = self.plan_table.currentIndex()
        return self.plan_model.row(index.row()) if index.isValid() else None

    def record_inspection(self) -> None:
        row = self._plan_selected()
        if row is None or row.next_followup_id is None:
            return
        dialog = RecordInspectionDialog(self.ctx, F.get_followup(self.ctx.db, row.next_followup_id), self)
        if dialog.exec():
            self.ctx.status(self.tr("Inspection recorded; the next one is planned in a year."))
            self._changed()

    def move_inspection(self) -> None:
        row = self._plan_selected()
        if row is None:
            return
        label = f"{row.equipment_model} {row.equipment_serial} · {row.customer_name}"
        dialog = MoveInspectionDialog(self.ctx, row.equipment_id, label, row.next_due_at, self)
        if dialog.exec():
            self._changed()

    def open_plan_history(self) -> None:
        row = self._plan_selected()
        if row is not None:
            self.ctx.open("equipment", row.equipment_id)

    def _changed(self) -> None:
        self.ctx.data_changed("followups")
        self.reload()

    # ---------------------------------------------------------------- main window hooks
    def _imported(self, kind: str) -> None:
        self.reload()
        self._announcing = True
        try:
            self.ctx.data_changed(kind)
        finally:
            self._announcing = False

    def on_data_changed(self, kind: str) -> None:
        if getattr(self, "_announcing", False):
            return
        if kind in ("followups", "tickets", "customers", "all") and self.isVisible():
            self.reload()

    def on_activated(self) -> None:
        self.reload()

    def show_record(self, kind: str, key: object) -> None:
        """ctx.open("followup", id): show it in the list that holds it."""
        if kind != "followup":
            return
        try:
            fu = F.get_followup(self.ctx.db, int(key))
        except (DomainError, TypeError, ValueError):
            return
        self.pages.setCurrentIndex(0)
        now = now_iso()
        state = state_of(fu, now)
        view = {"overdue": "due", "due": "due", "upcoming": "upcoming", "done": "done"}.get(state, "all")
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(0)
        self.kind_combo.blockSignals(False)
        self.view_combo.blockSignals(True)
        self.view_combo.setCurrentIndex(self.VIEWS.index(view))
        self.view_combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(fu.ticket_no or fu.customer_name)
        self.search.blockSignals(False)
        self._current = fu
        self.reload()
        self._select_id(fu.id)
        self._show_detail(fu.id)
