"""The right-hand side of the tickets tab: the step line (受理 → 派工 → 到场 →
完工 → 审核 → 签字 → 关闭 with the current step marked), and the ticket's
detail pane — header, live deadlines, the step buttons, info, quote, work
lines, parts, history in words. Split from ui/tickets/tab.py; it shows a
ticket and emits which step the clerk chose, the tab does the rest.
"""

from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSizePolicy, QTableView, QTabWidget,
    QTextBrowser, QVBoxLayout, QWidget,
)

from servicedesk.models.core.phones import format_phone
from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.core.standards import WORK_CATALOG
from servicedesk.models.tickets.rules import parse_ts
from servicedesk.models.core.validation import fen_to_yuan_str
from servicedesk.ui.common import EmptyState
from servicedesk.ui.tickets.dialog_common import (
    Badge, channel_text, countdown_text, event_action_text, level_text,
    part_kind_text, result_text, short_time, sla_text, status_text,
    type_text, warranty_text,
)
from servicedesk.ui.table_model import ColumnDef, RecordTableModel


ACTION_ORDER = ("edit", "dispatch", "visit", "review", "signoff", "close", "cancel", "reopen")

# ---------------------------------------------------------------- step line


class StepLine(QWidget):
    """受理 → 派工 → 到场 → 完工 → 审核 → 结案 as circles on a line.

    Done steps are filled green with their time under them, the next step is
    outlined blue, later ones grey; a cancelled ticket is grey throughout
    with the word 已取消 (never colour alone).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.steps: list[tuple[str, str | None]] = []
        self.current = -1
        self.cancelled = False
        self.setMinimumHeight(62)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(480, 62)

    def set_ticket(self, detail: T.TicketDetail | None) -> None:
        if detail is None:
            self.steps, self.current, self.cancelled = [], -1, False
            self.update()
            return
        remote = detail.fault_level == 4
        arrival = detail.arrived_at or (detail.completed_at if remote else None)
        self.steps = [
            (self.tr("Intake"), detail.reported_at),
            (self.tr("Dispatch"), detail.dispatched_at if (detail.dispatched_at or detail.team) else None),
            (self.tr("Remote fix") if remote else self.tr("Arrival"), arrival),
            (self.tr("Completion"), detail.completed_at),
            (self.tr("Review"), detail.reviewed_at),
            (self.tr("Close-out"), detail.closed_at),
        ]
        if remote and not detail.dispatched_at and not detail.team and detail.completed_at:
            self.steps[1] = (self.tr("Dispatch"), "—")
        self.current = next((i for i, (_l, at) in enumerate(self.steps) if not at), len(self.steps))
        self.cancelled = detail.status == "cancelled"
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        if not self.steps:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        n = len(self.steps)
        margin = 40
        width = max(self.width() - 2 * margin, 10)
        xs = [margin + width * i / (n - 1) for i in range(n)]
        y = 14
        green, blue, grey = QColor("#2E7D32"), QColor("#1D4E9E"), QColor("#B0B0B0")
        for i in range(n - 1):
            done = i + 1 < self.current and not self.cancelled
            p.setPen(QPen(green if done else grey, 2))
            p.drawLine(int(xs[i] + 9), y, int(xs[i + 1] - 9), y)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1.5, 7))
        for i, (label, at) in enumerate(self.steps):
            done = bool(at) and not self.cancelled
            if done:
                p.setPen(QPen(green, 2))
                p.setBrush(green)
            elif i == self.current and not self.cancelled:
                p.setPen(QPen(blue, 2))
                p.setBrush(QColor("#FFFFFF"))
            else:
                p.setPen(QPen(grey, 2))
                p.setBrush(QColor("#FFFFFF"))
            p.drawEllipse(int(xs[i] - 8), y - 8, 16, 16)
            if done:
                p.setPen(QPen(QColor("#FFFFFF"), 2))
                p.drawLine(int(xs[i] - 4), y, int(xs[i] - 1), y + 3)
                p.drawLine(int(xs[i] - 1), y + 3, int(xs[i] + 4), y - 3)
            p.setPen(QColor("#202020") if (done or i == self.current) and not self.cancelled
                     else QColor("#707070"))
            p.setFont(self.font())
            p.drawText(int(xs[i] - 60), y + 12, 120, 18, Qt.AlignHCenter | Qt.AlignTop, label)
            if at:
                p.setFont(small)
                p.setPen(QColor("#606060"))
                text = at if at == "—" else at[5:16]
                p.drawText(int(xs[i] - 60), y + 30, 120, 16, Qt.AlignHCenter | Qt.AlignTop, text)
        if self.cancelled:
            p.setFont(self.font())
            p.setPen(QColor("#505050"))
            p.drawText(0, 0, self.width() - 4, 14, Qt.AlignRight | Qt.AlignTop, self.tr("Cancelled"))
        p.end()

# ---------------------------------------------------------------- detail pane


class TicketDetailPane(QWidget):
    """One ticket: header badges, step line, deadlines, step buttons and sub-tabs."""

    action_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.detail: T.TicketDetail | None = None
        self.catalog: dict[str, str] = {}     # work code -> catalog name, for the log
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 0, 0, 0)

        head = QHBoxLayout()
        self.no_label = QLabel()
        font = self.no_label.font()
        font.setPointSizeF(font.pointSizeF() + 4)
        font.setBold(True)
        self.no_label.setFont(font)
        self.no_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        head.addWidget(self.no_label)
        self.status_badge = Badge()
        self.warranty_badge = Badge()
        self.sla_badge = Badge()
        self.repeat_badge = Badge()
        for badge in (self.status_badge, self.warranty_badge, self.sla_badge, self.repeat_badge):
            head.addWidget(badge)
        head.addStretch(1)
        lay.addLayout(head)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(self.summary)

        self.steps = StepLine(self)
        lay.addWidget(self.steps)

        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        self.deadlines.setTextFormat(Qt.RichText)
        lay.addWidget(self.deadlines)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        labels = {
            "edit": self.tr("Correct intake…"),
            "dispatch": self.tr("Dispatch…"),
            "visit": self.tr("Record visit…"),
            "review": self.tr("Review…"),
            "signoff": self.tr("Customer sign-off…"),
            "close": self.tr("Close ticket"),
            "cancel": self.tr("Cancel ticket…"),
            "reopen": self.tr("Reopen…"),
        }
        for key in ACTION_ORDER:
            button = QPushButton(labels[key])
            button.setObjectName(f"action_{key}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self.action_requested.emit(k))
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        lay.addLayout(buttons)

        self.tabs = QTabWidget(self)
        self.info = QTextBrowser()
        self.info.setOpenLinks(False)
        self.tabs.addTab(self.info, self.tr("Ticket"))

        work_page = QWidget()
        work_lay = QVBoxLayout(work_page)
        work_lay.setContentsMargins(0, 4, 0, 0)
        work_lay.addWidget(QLabel(self.tr("Work done (work-hour catalog)")))
        self.work_model = RecordTableModel([
            # the catalog's name; the code (SMALL_REPAIR) only as a tooltip
            ColumnDef("name", self.tr("Work"), display=lambda w: w.name or w.code,
                      tooltip=lambda w: w.code),
            ColumnDef("quantity_x100", self.tr("Quantity"), display=lambda w: _qty(w.quantity_x100),
                      align=Qt.AlignRight | Qt.AlignVCenter),
            ColumnDef("notes", self.tr("Notes")),
        ], self)
        self.work_view = _small_table(self.work_model)
        work_lay.addWidget(self.work_view, 1)
        work_lay.addWidget(QLabel(self.tr("Parts used")))
        self.parts_model = RecordTableModel([
            ColumnDef("kind", self.tr("Kind"), display=lambda p: part_kind_text(p.kind)),
            ColumnDef("part_code", self.tr("Part code")),
            ColumnDef("name", self.tr("Name")),
            ColumnDef("spec", self.tr("Specification")),
            ColumnDef("quantity", self.tr("Qty"), align=Qt.AlignRight | Qt.AlignVCenter),
            ColumnDef("unit_price_fen", self.tr("Unit price"),
                      display=lambda p: fen_to_yuan_str(p.unit_price_fen) if p.kind == "bought" else "",
                      align=Qt.AlignRight | Qt.AlignVCenter),
            ColumnDef("total", self.tr("Total"),
                      display=lambda p: fen_to_yuan_str(p.quantity * p.unit_price_fen)
                      if p.kind == "bought" else "",
                      align=Qt.AlignRight | Qt.AlignVCenter),
        ], self, row_color=lambda p: "green" if p.kind == "warranty" else None)
        self.parts_view = _small_table(self.parts_model)
        work_lay.addWidget(self.parts_view, 1)
        self.tabs.addTab(work_page, self.tr("Work and parts"))

        self.quote_view = QTextBrowser()
        self.tabs.addTab(self.quote_view, self.tr("Quote"))

        self.log_model = RecordTableModel([
            ColumnDef("at", self.tr("When"), display=lambda e: short_time(e.at)),
            ColumnDef("who", self.tr("Who")),
            ColumnDef("action", self.tr("Step"), display=lambda e: event_action_text(e.action)),
            ColumnDef("field", self.tr("Field"), display=lambda e: field_text(e.field)),
            ColumnDef("old", self.tr("Old"), display=lambda e: value_text(e.field, e.old, self.catalog),
                      tooltip=lambda e: e.old if e.field == "work" else ""),
            ColumnDef("new", self.tr("New"), display=lambda e: value_text(e.field, e.new, self.catalog),
                      tooltip=lambda e: e.new if e.field == "work" else ""),
        ], self)
        self.log_view = _small_table(self.log_model)
        self.log_view.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        self.tabs.addTab(self.log_view, self.tr("Log"))
        lay.addWidget(self.tabs, 1)

        self.empty = EmptyState(self.tr("Choose a ticket in the list to see its steps and log."), self)
        lay.addWidget(self.empty)
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self._update_deadlines)
        self._timer.start()
        self.show_ticket(None)

    # ---- content -----------------------------------------------------------
    def show_ticket(self, detail: T.TicketDetail | None) -> None:
        self.detail = detail
        has = detail is not None
        for widget in (self.no_label, self.summary, self.steps, self.deadlines, self.tabs):
            widget.setVisible(has)
        for button in self.buttons.values():
            button.setVisible(has)
        self.empty.setVisible(not has)
        for badge in (self.status_badge, self.warranty_badge, self.sla_badge, self.repeat_badge):
            badge.set("")
        if detail is None:
            return
        self.no_label.setText(detail.no)
        color = {"closed": "green", "cancelled": "grey"}.get(detail.status, "blue")
        self.status_badge.set(status_text(detail.status), color)
        if detail.warranty:
            self.warranty_badge.set(warranty_text(detail.warranty),
                                    "green" if detail.warranty == "in" else "red")
            self.warranty_badge.setToolTip(detail.warranty_reason)
        sla = detail.sla if detail.sla != "cancelled" else ""
        if sla and detail.status in ("open", "dispatched") or sla in ("missed",):
            self.sla_badge.set(sla_text(sla), {"overdue": "red", "due_soon": "amber", "missed": "red",
                                               "met": "green"}.get(sla, "blue"))
        elif sla == "met":
            self.sla_badge.set(sla_text(sla), "green")
        if detail.repeat_ticket_no:
            self.repeat_badge.set(self.tr("Repeat fault: %1").replace("%1", detail.repeat_ticket_no), "red")
        parts = [detail.customer_name]
        if detail.equipment_model or detail.equipment_serial:
            parts.append(f"{detail.equipment_model} {detail.equipment_serial}".strip())
        parts += [type_text(detail.type), channel_text(detail.channel)]
        if detail.fault_level:
            parts.append(level_text(detail.fault_level))
        self.summary.setText(" · ".join(p for p in parts if p))
        self.steps.set_ticket(detail)
        self._update_deadlines()
        allowed = T.allowed_actions(detail)
        if detail.status not in ("closed", "cancelled"):
            allowed.add("edit")    # tickets.update_ticket refuses only closed/cancelled
        for key, button in self.buttons.items():
            button.setEnabled(key in allowed)
        self.info.setHtml(self._info_html(detail))
        self.work_model.set_rows(detail.work)
        self.parts_model.set_rows(detail.parts)
        self.quote_view.setHtml(self._quote_html(detail))
        self.log_model.set_rows(detail.events)
        for view in (self.work_view, self.parts_view, self.log_view):
            view.resizeColumnsToContents()

    def _update_deadlines(self) -> None:
        detail = self.detail
        if detail is None:
            return
        now = _dt.datetime.now()
        items = []
        waiting = detail.status in ("open", "dispatched")
        if detail.response_deadline:
            text = self.tr("Respond by %1").replace("%1", short_time(detail.response_deadline))
            if detail.status == "open":
                text += f" ({countdown_text(parse_ts(detail.response_deadline), now)})"
            items.append(html.escape(text))
        if detail.onsite_deadline:
            label = self.tr("Remote fix by %1") if detail.fault_level == 4 else self.tr("On site by %1")
            text = html.escape(label.replace("%1", short_time(detail.onsite_deadline)))
            moment = detail.completed_at if detail.fault_level == 4 else detail.arrived_at
            if moment:
                word = self.tr("met") if detail.on_time else self.tr("late")
                text += " — " + html.escape(word)
            elif waiting:
                deadline = parse_ts(detail.onsite_deadline)
                countdown = html.escape(countdown_text(deadline, now))
                if deadline < now:
                    text += f' <b style="color:#B3261E">({countdown})</b>'
                elif deadline - now <= _dt.timedelta(hours=2):
                    text += f' <b style="color:#8A5A00">({countdown})</b>'
                else:
                    text += f" ({countdown})"
            items.append(text)
        self.deadlines.setText(" · ".join(items))

    def _info_html(self, d: T.TicketDetail) -> str:
        e = html.escape

        def row(label: str, value: object) -> str:
            if value in (None, ""):
                return ""
            return (f"<tr><td style='color:#606060; padding-right:12px; white-space:nowrap'>{e(label)}</td>"
                    f"<td>{e(str(value))}</td></tr>")

        def section(title: str, rows: list[str]) -> str:
            body = "".join(r for r in rows if r)
            if not body:
                return ""
            return (f"<tr><td colspan='2' style='padding-top:8px'><b>{e(title)}</b></td></tr>" + body)

        equipment = f"{d.equipment_model} {d.equipment_serial}".strip()
        warranty = d.warranty_reason or warranty_text(d.warranty)
        intake = section(self.tr("Intake"), [
            row(self.tr("Customer"), d.customer_name),
            row(self.tr("Contact"), d.contact), row(self.tr("Phone"), format_phone(d.phone)),
            row(self.tr("Address"), d.address), row(self.tr("Equipment"), equipment),
            row(self.tr("Reported"), short_time(d.reported_at)),
            row(self.tr("Requested service time"), short_time(d.requested_at)),
            row(self.tr("Type"), type_text(d.type)), row(self.tr("Channel"), channel_text(d.channel)),
            row(self.tr("Fault level"), level_text(d.fault_level)),
            row(self.tr("Fault"), d.fault), row(self.tr("First judgement"), d.first_judgement),
            row(self.tr("Recorder"), d.recorder), row(self.tr("Warranty"), warranty),
            row(self.tr("Dealer"), d.dealer), row(self.tr("Dealer's diagnosis"), d.dealer_diagnosis),
            row(self.tr("Install self-check"), d.dealer_selfcheck),
        ])
        team = "、".join(m.name + (self.tr(" (leader)") if m.is_leader and len(d.team) > 1 else "")
                        for m in d.team)
        dispatch = section(self.tr("Dispatch"), [
            row(self.tr("Team"), team), row(self.tr("Dispatched at"), short_time(d.dispatched_at)),
            row(self.tr("Transport"), d.transport), row(self.tr("Departure"), short_time(d.departure_at)),
            row(self.tr("Expected return"), short_time(d.expected_return_at)),
            row(self.tr("Tools"), d.tools), row(self.tr("Parts to carry"), d.carry_parts),
        ])
        repair_time = ""
        if d.repair_from or d.repair_to:
            repair_time = f"{short_time(d.repair_from)} — {short_time(d.repair_to)}"
        visit = section(self.tr("Visit"), [
            row(self.tr("Arrival"), short_time(d.arrived_at)), row(self.tr("Diagnosis"), d.diagnosis),
            row(self.tr("Cause"), d.cause), row(self.tr("Measures"), d.measures),
            row(self.tr("Result"), result_text(d.result)), row(self.tr("Repair time"), repair_time),
            row(self.tr("Completed at"), short_time(d.completed_at)),
        ])
        accepted = None
        if d.complaint_accepted is not None:
            accepted = self.tr("Yes") if d.complaint_accepted else self.tr("No")
        review = section(self.tr("Review and sign-off"), [
            row(self.tr("Reviewed by"), d.reviewed_by), row(self.tr("Reviewed at"), short_time(d.reviewed_at)),
            row(self.tr("Review notes"), d.review_notes),
            row(self.tr("Customer opinion"), d.customer_opinion),
            row(self.tr("Signed by"), d.customer_signature), row(self.tr("Signed"), short_time(d.signed_at)),
            row(self.tr("Complaint answer accepted"), accepted),
            row(self.tr("Closed at"), short_time(d.closed_at)),
        ])
        outcome_rows = []
        if d.status != "cancelled" and (d.arrived_at or d.completed_at):
            outcome_rows.append(row(self.tr("On time"), self.tr("Yes") if d.on_time else self.tr("No")))
        if d.result:
            outcome_rows.append(row(self.tr("Successful"), self.tr("Yes") if d.successful else self.tr("No")))
        if d.repeat_ticket_no:
            outcome_rows.append(row(self.tr("Repeat fault"), d.repeat_ticket_no))
        outcome = section(self.tr("Outcome"), outcome_rows)
        cancel = ""
        if d.status == "cancelled" or d.cancel_reason:
            cancel = section(self.tr("Cancelled"), [row(self.tr("When"), short_time(d.cancelled_at)),
                                                    row(self.tr("Reason"), d.cancel_reason)])
        return ("<table cellspacing='0' cellpadding='1'>" + cancel + intake + dispatch + visit + review
                + outcome + "</table>")

    def _quote_html(self, d: T.TicketDetail) -> str:
        e = html.escape
        quote = d.quote
        if quote is None:
            return ""
        if quote.applies:
            head = self.tr("Out of warranty: the customer pays this quote (cost plus tax, plus management fee).")
        else:
            head = self.tr("In warranty: the customer pays nothing; the quote below is for reference.")
        rows = "".join(
            f"<tr><td>{e(line.label)}</td><td style='color:#606060'>{e(line.detail)}</td>"
            f"<td align='right'>{fen_to_yuan_str(line.amount_fen)}</td></tr>" for line in quote.lines)
        cost, tax = self.tr("Cost"), self.tr("Tax")
        management, total = self.tr("Management fee"), self.tr("Quote total (yuan)")
        rows += (f"<tr><td colspan='2'><b>{e(cost)}</b></td>"
                 f"<td align='right'><b>{fen_to_yuan_str(quote.subtotal_fen)}</b></td></tr>")
        rows += (f"<tr><td colspan='2'>{e(tax)}</td>"
                 f"<td align='right'>{fen_to_yuan_str(quote.tax_fen)}</td></tr>")
        rows += (f"<tr><td colspan='2'>{e(management)}</td>"
                 f"<td align='right'>{fen_to_yuan_str(quote.management_fen)}</td></tr>")
        rows += (f"<tr><td colspan='2'><b>{e(total)}</b></td>"
                 f"<td align='right'><b>{fen_to_yuan_str(quote.total_fen)}</b></td></tr>")
        return (f"<p>{e(head)}</p><table cellspacing='0' cellpadding='3' border='0' width='100%'>"
                f"{rows}</table>")


def field_text(key: str) -> str:
    """Event-log field keys in words (the log stores schema keys)."""
    words = {
        "no": QCoreApplication.translate("Tickets", "Number"),
        "status": QCoreApplication.translate("Tickets", "Status"),
        "team": QCoreApplication.translate("Tickets", "Team"),
        "warranty": QCoreApplication.translate("Tickets", "Warranty"),
        "warranty_reason": QCoreApplication.translate("Tickets", "Warranty"),
        "warranty_exclusion": QCoreApplication.translate("Tickets", "三包 exclusion"),
        "fault_level": QCoreApplication.translate("Tickets", "Fault level"),
        "fault": QCoreApplication.translate("Tickets", "Fault"),
        "type": QCoreApplication.translate("Tickets", "Type"),
        "channel": QCoreApplication.translate("Tickets", "Channel"),
        "contact": QCoreApplication.translate("Tickets", "Contact"),
        "phone": QCoreApplication.translate("Tickets", "Phone"),
        "address": QCoreApplication.translate("Tickets", "Address"),
        "customer_id": QCoreApplication.translate("Tickets", "Customer"),
        "equipment_id": QCoreApplication.translate("Tickets", "Equipment"),
        "reported_at": QCoreApplication.translate("Tickets", "Reported"),
        "requested_at": QCoreApplication.translate("Tickets", "Requested service time"),
        "first_judgement": QCoreApplication.translate("Tickets", "First judgement"),
        "dispatched_at": QCoreApplication.translate("Tickets", "Dispatched at"),
        "transport": QCoreApplication.translate("Tickets", "Transport"),
        "departure_at": QCoreApplication.translate("Tickets", "Departure"),
        "expected_return_at": QCoreApplication.translate("Tickets", "Expected return"),
        "tools": QCoreApplication.translate("Tickets", "Tools"),
        "carry_parts": QCoreApplication.translate("Tickets", "Parts to carry"),
        "arrived_at": QCoreApplication.translate("Tickets", "Arrival"),
        "diagnosis": QCoreApplication.translate("Tickets", "Diagnosis"),
        "cause": QCoreApplication.translate("Tickets", "Cause"),
        "measures": QCoreApplication.translate("Tickets", "Measures"),
        "result": QCoreApplication.translate("Tickets", "Result"),
        "repair_from": QCoreApplication.translate("Tickets", "Repair from"),
        "repair_to": QCoreApplication.translate("Tickets", "Repair to"),
        "completed_at": QCoreApplication.translate("Tickets", "Completed at"),
        "work": QCoreApplication.translate("Tickets", "Work"),
        "parts": QCoreApplication.translate("Tickets", "Parts used"),
        "reviewed_by": QCoreApplication.translate("Tickets", "Reviewed by"),
        "reviewed_at": QCoreApplication.translate("Tickets", "Reviewed at"),
        "review_notes": QCoreApplication.translate("Tickets", "Review notes"),
        "customer_opinion": QCoreApplication.translate("Tickets", "Customer opinion"),
        "customer_signature": QCoreApplication.translate("Tickets", "Signed by"),
        "signed_at": QCoreApplication.translate("Tickets", "Signed on"),
        "complaint_accepted": QCoreApplication.translate("Tickets", "Complaint answer accepted"),
        "closed_at": QCoreApplication.translate("Tickets", "Closed at"),
        "cancelled_at": QCoreApplication.translate("Tickets", "Cancelled at"),
        "cancel_reason": QCoreApplication.translate("Tickets", "Reason"),
        "reason": QCoreApplication.translate("Tickets", "Reason"),
        "quote_transport_fen": QCoreApplication.translate("Tickets", "Transport (fen)"),
        "quote_lodging_days": QCoreApplication.translate("Tickets", "Lodging days"),
        "quote_meal_days": QCoreApplication.translate("Tickets", "Meal days"),
        "quote_labour_days": QCoreApplication.translate("Tickets", "Labour days"),
    }
    return words.get(key, key)


def value_text(key: str, value: str, catalog: dict[str, str] | None = None) -> str:
    """Logged values that are keys (status, result, warranty…) in words.

    Work is logged as 'SMALL_REPAIR*1; JACK_TC*3' (codes, stable keys); the
    clerk reads the catalog names ('小配件维修（保内保外）×1')."""
    if not value:
        return ""
    if key == "work":
        names = dict(catalog_names())
        names.update(catalog or {})
        out = []
        for part in value.split(";"):
            code, sep, qty = part.strip().partition("*")
            out.append(f"{names.get(code) or code}×{qty}" if sep else names.get(code) or code)
        return "; ".join(out)
    if key in ("repair_from", "repair_to"):
        return short_time(value)
    if key == "status":
        return status_text(value)
    if key == "result":
        return result_text(value)
    if key == "warranty":
        return warranty_text(value) or value
    if key == "type":
        return type_text(value)
    if key == "channel":
        return channel_text(value)
    if key == "fault_level" and value.isdigit():
        return level_text(int(value))
    if key.endswith("_at"):
        return short_time(value)
    return value


def catalog_names() -> dict[str, str]:
    """The shipped work-hour catalog names (fallback when the pay area's table
    has no row for a code)."""
    return {code: spec[0] for code, spec in WORK_CATALOG.items()}


def _qty(x100: int) -> str:
    return fen_to_yuan_str(x100).rstrip("0").rstrip(".") if x100 % 100 else str(x100 // 100)


def _small_table(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setStretchLastSection(True)
    return view
