"""工作台 Dashboard (first tab): what needs doing today and how the month goes.

- a red banner when data behind a month already sent to head office changed
  ("this changes the figures already sent"), one click to that month;
- this month's four figures so far, with a 12-month trend chart;
- overdue tickets, calls due today and overdue, tickets by status, low stock,
  old parts not returned (旧件待返) and inspections due. Every line opens its
  record (ctx.open).

All figures come from the model layer (kpi, followups, ticket_queries, parts);
the tab is refreshed when shown and when data changes while it is visible.
It is the page the window opens on, so it imports only what its empty frame
needs: the model modules behind its figures and lists are imported by the
loader thread, which starts once the page has been painted (issue 15: cold
start).
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from servicedesk.models.core.db import now_iso, open_db
from servicedesk.models.core.errors import DomainError
from servicedesk.models.followups.vocabulary import KIND_LABELS
from servicedesk.models.kpi.rates import DASH, current_month
from servicedesk.ui.common import record_table
from servicedesk.ui.context import AppContext
from servicedesk.ui.followups.words import kind_text
from servicedesk.ui.kpi.widgets import FigureCard, TrendChart
from servicedesk.ui.table_model import ColumnDef, RecordTableModel
from servicedesk.ui.workers import keep_until_finished

if TYPE_CHECKING:
    from servicedesk.models.kpi.dashboard import DashboardData
    from servicedesk.models.kpi.sent import SentChange

LIST_LIMIT = 200


def _hours_late(deadline: str | None, now: str) -> int | None:
    """Whole hours past the deadline (None when not late or unknown)."""
    if not deadline:
        return None
    try:
        delta = _dt.datetime.fromisoformat(now) - _dt.datetime.fromisoformat(deadline)
    except ValueError:
        return None
    hours = int(delta.total_seconds() // 3600)
    return hours if hours >= 0 else None


class DashboardLoader(QThread):
    """Reads the dashboard's data with its own connection (WAL: readers never block)."""

    loaded = Signal(object)      # kpi.DashboardData
    failed = Signal(str)

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path = db_path

    def run(self) -> None:
        try:
            db = open_db(self.db_path, create=False, check=False)  # the window checked it
        except DomainError as exc:
            self.failed.emit(exc.message)
            return
        try:
            from servicedesk.models.kpi.dashboard import dashboard_data

            self.loaded.emit(dashboard_data(db, list_limit=LIST_LIMIT))
        except Exception as exc:  # a worker must always report back
            self.failed.emit(str(exc))
        finally:
            db.close()


class DashboardTab(QWidget):
    STATUS_ORDER = ("open", "dispatched", "completed", "reviewed")
    # Emitted on the GUI thread each time new data has been shown.
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._now = now_iso()
        self._month = current_month()
        self.sent_changes: list[SentChange] = []
        self.data: DashboardData | None = None
        self._loader: DashboardLoader | None = None
        self._reload_again = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)

        # sent-month warning
        self.banner = QFrame()
        self.banner.setObjectName("sent_banner")
        self.banner.setStyleSheet("#sent_banner { background: #FDE2E1; border: 1px solid #E8A19C; }")
        bl = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setStyleSheet("color: #B3261E;")
        bl.addWidget(self.banner_text, 1)
        self.banner_btn = QPushButton(self.tr("Open the month"))
        self.banner_btn.clicked.connect(self._open_changed_month)
        bl.addWidget(self.banner_btn)
        lay.addWidget(self.banner)
        # backup warning (set by the main window, see set_backup_warning)
        self.backup_warning = QLabel()
        self.backup_warning.setObjectName("backup_warning")
        self.backup_warning.setWordWrap(True)
        self.backup_warning.setStyleSheet("color: #8A5300; background: #FFF4D6; padding: 4px;")
        self.backup_warning.hide()
        lay.addWidget(self.backup_warning)

        # this month's figures and the trend
        top = QHBoxLayout()
        figures = QGroupBox(self.tr("This month so far"))
        self.figures_box = figures
        grid = QGridLayout(figures)
        self.cards = {
            "on_time": FigureCard(self.tr("On-time rate")),
            "success": FigureCard(self.tr("Success rate")),
            "satisfaction": FigureCard(self.tr("Customer satisfaction")),
            "stock": FigureCard(self.tr("Stock accuracy")),
        }
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 2, i % 2)
            card.clicked.connect(lambda: self.ctx.open("kpi_month", self._month))
        self.grade_label = QLabel()
        self.grade_label.setStyleSheet("color: #4A4A4A;")
        grid.addWidget(self.grade_label, 2, 0, 1, 2)
        top.addWidget(figures, 2)
        trend_box = QGroupBox(self.tr("Last 12 months"))
        tl = QVBoxLayout(trend_box)
        self.trend = TrendChart()
        tl.addWidget(self.trend)
        top.addWidget(trend_box, 3)
        lay.addLayout(top, 3)

        # work lists
        lists = QHBoxLayout()
        self.ticket_box = QGroupBox(self.tr("Overdue tickets"))
        tl = QVBoxLayout(self.ticket_box)
        self.ticket_model = RecordTableModel([
            ColumnDef("no", self.tr("Ticket"), width=95),
            ColumnDef("customer_name", self.tr("Customer"), width=170),
            ColumnDef("deadline", self.tr("Deadline"), display=lambda r: (r.deadline or "")[5:16], width=95),
            ColumnDef("late", self.tr("Overdue by"), display=self._late_text, width=80),
            ColumnDef("technicians", self.tr("Technicians"), width=100),
        ], self, row_color=lambda r: "red")
        self.ticket_table = record_table(self.ticket_model, "overdue_tickets", sortable=False, row_height=22)
        # the customer's name takes the spare width; the other columns are as wide
        # as their text (header included), so 已超时 and 维修人员 are never cut
        header = self.ticket_table.horizontalHeader()
        header.setStretchLastSection(False)
        for i, col in enumerate(self.ticket_model.columns):
            header.setSectionResizeMode(i, QHeaderView.Stretch if col.key == "customer_name"
                                        else QHeaderView.ResizeToContents)
        self.ticket_table.doubleClicked.connect(lambda i: self.ctx.open("ticket", self.ticket_model.row(i.row()).no))
        self.ticket_table.activated.connect(lambda i: self.ctx.open("ticket", self.ticket_model.row(i.row()).no))
        tl.addWidget(self.ticket_table)
        self.ticket_empty = QLabel(self.tr("No overdue tickets."))
        self.ticket_empty.setStyleSheet("color: #1E6B2A;")
        tl.addWidget(self.ticket_empty)
        lists.addWidget(self.ticket_box, 3)

        self.call_box = QGroupBox(self.tr("Calls due today and overdue"))
        cl = QVBoxLayout(self.call_box)
        # The kind column is as wide as the longest kind ("3rd call after installation
        # (6 months)" / 安装后第三次回访（6个月前后一周）) so it is never cut; every
        # cell also carries the whole call as a tooltip.
        kind_width = max(self.fontMetrics().horizontalAdvance(kind_text(k)) for k in KIND_LABELS) + 18
        self.call_model = RecordTableModel([
            ColumnDef("due_at", self.tr("Due by"), display=lambda r: r.due_at[5:16], width=95,
                      tooltip=self._call_tip),
            ColumnDef("kind", self.tr("Kind"), display=lambda r: kind_text(r.kind), width=kind_width,
                      tooltip=self._call_tip),
            ColumnDef("customer_name", self.tr("Customer"), width=160, tooltip=self._call_tip),
            ColumnDef("phone", self.tr("Phone"), width=110, tooltip=self._call_tip),
        ], self, row_color=lambda r: "red" if r.overdue else "amber")
        self.call_table = record_table(self.call_model, "calls_due", sortable=False, row_height=22)
        # the customer's name takes the spare width (it is the longest text), not the phone
        header = self.call_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode([c.key for c in self.call_model.columns].index("customer_name"),
                                    QHeaderView.Stretch)
        self.call_table.doubleClicked.connect(lambda i: self.ctx.open("followup", self.call_model.row(i.row()).id))
        self.call_table.activated.connect(lambda i: self.ctx.open("followup", self.call_model.row(i.row()).id))
        cl.addWidget(self.call_table)
        self.call_empty = QLabel(self.tr("No calls due."))
        self.call_empty.setStyleSheet("color: #1E6B2A;")
        cl.addWidget(self.call_empty)
        lists.addWidget(self.call_box, 4)

        side = QGroupBox(self.tr("Work in progress"))
        sl = QVBoxLayout(side)
        self.status_buttons: dict[str, QPushButton] = {}
        for status in self.STATUS_ORDER:
            button = self._link_button()
            button.clicked.connect(lambda _=False, s=status: self.ctx.open("tickets", s))
            sl.addWidget(button)
            self.status_buttons[status] = button
        sl.addSpacing(8)
        self.low_stock_btn = self._link_button()
        self.low_stock_btn.clicked.connect(lambda: self.ctx.open("parts", "low_stock"))
        sl.addWidget(self.low_stock_btn)
        self.old_parts_btn = self._link_button()
        self.old_parts_btn.setObjectName("old_parts")
        self.old_parts_btn.clicked.connect(lambda: self.ctx.open("parts", "old_parts"))
        sl.addWidget(self.old_parts_btn)
        self.inspection_btn = self._link_button()
        self.inspection_btn.clicked.connect(self._open_first_inspection)
        sl.addWidget(self.inspection_btn)
        self.kpi_btn = self._link_button()
        self.kpi_btn.clicked.connect(lambda: self.ctx.open("kpi_month", self._month))
        sl.addWidget(self.kpi_btn)
        sl.addStretch(1)
        lists.addWidget(side, 1)
        lay.addLayout(lists, 4)
        # The first read starts once the page has been painted: a loader
        # started earlier (it imports the model modules behind the figures)
        # would take the interpreter from the window's construction and first
        # paint (issue 15: cold start). A page never shown reads nothing until
        # it is shown or asked to reload.
        self._painted = False

    # ---------------------------------------------------------------- helpers
    def _link_button(self) -> QPushButton:
        button = QPushButton()
        button.setFlat(True)
        button.setCursor(Qt.PointingHandCursor)
        button.setStyleSheet("text-align: left; padding: 3px; color: #0B57D0;")
        return button

    def _late_text(self, row) -> str:
        hours = _hours_late(row.deadline, self._now)
        if hours is None:
            return ""
        if hours >= 24:
            return self.tr("%1 d %2 h").replace("%1", str(hours // 24)).replace("%2", str(hours % 24))
        return self.tr("%1 h").replace("%1", str(hours))

    def _call_tip(self, row) -> str:
        """The whole call, for the cells the column width cuts."""
        state = self.tr("overdue") if row.overdue else self.tr("due today")
        return "\n".join(x for x in (f"{kind_text(row.kind)} · {state}", self.tr("Due by %1").replace(
            "%1", row.due_at[:16]), row.customer_name or "", row.phone or "") if x)

    def _old_parts_text(self, pending: int, overdue: int) -> str:
        text = self.tr("Old parts not returned: %1").replace("%1", str(pending))
        if overdue:
            text += self.tr(" (%1 overdue)").replace("%1", str(overdue))
        return text

    def _status_text(self, status: str, n: int) -> str:
        label = {"open": self.tr("To dispatch"), "dispatched": self.tr("In progress"),
                 "completed": self.tr("To review"), "reviewed": self.tr("To call back")}[status]
        return f"{label}: {n}"

    # ---------------------------------------------------------------- loading
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._loader is None:
                QTimer.singleShot(0, self, self.reload)

    def reload(self) -> None:
        """Read everything in a worker thread (its own connection); apply on arrival.
        A reload asked for while one runs is done once that one finishes."""
        if self._loader is not None and self._loader.isRunning():
            self._reload_again = True
            return
        self._reload_again = False
        loader = keep_until_finished(DashboardLoader(self.ctx.db_path))
        loader.loaded.connect(self.apply)
        loader.failed.connect(self.ctx.status)
        loader.finished.connect(self._loader_done)
        self._loader = loader
        loader.start()

    def reload_now(self) -> None:
        """Synchronous reload on the GUI's own connection."""
        from servicedesk.models.kpi.dashboard import dashboard_data

        self.apply(dashboard_data(self.ctx.db, list_limit=LIST_LIMIT))

    def _loader_done(self) -> None:
        if self._reload_again:
            self.reload()

    def apply(self, data: DashboardData) -> None:
        self.data = data
        self._now = data.now
        self._month = data.month
        self.sent_changes = data.sent_changes
        if self.sent_changes:
            first = self.sent_changes[0]
            months = "、".join(c.record.month for c in self.sent_changes)
            detail = "; ".join(f"{c.label}: {c.sent} → {c.now}" for c in first.changes[:4])
            message = self.tr("Data behind a month already sent to head office has changed (%1): "
                              "this changes the figures already sent.").replace("%1", months)
            self.banner_text.setText(f"{message}\n{first.record.month}: {detail}")
            self.banner.show()
        else:
            self.banner.hide()
        k = data.this_month
        self.figures_box.setTitle(self.tr("This month so far (%1)").replace("%1", self._month))
        self.cards["on_time"].set_rate(k.on_time_rate, f"{k.on_time} / {k.repairs}")
        self.cards["success"].set_rate(k.success_rate, f"{k.successful} / {k.repairs}")
        self.cards["satisfaction"].set_rate(k.satisfaction, f"{k.satisfied} / {k.calls_reached}")
        self.cards["stock"].set_rate(k.stock_accuracy, f"{k.parts_matching} / {k.parts_counted}")
        self.grade_label.setText(self.tr("Grade so far: %1").replace("%1", k.grade or DASH))
        self.trend.set_months(data.trend)
        self.ticket_model.set_rows(data.overdue_tickets)
        self.ticket_box.setTitle(self.tr("Overdue tickets (%1)").replace("%1", str(data.overdue_total)))
        self.ticket_table.setVisible(bool(data.overdue_tickets))
        self.ticket_empty.setVisible(not data.overdue_tickets)
        self.call_model.set_rows(data.calls_due)
        self.call_box.setTitle(self.tr("Calls due today (%1) and overdue (%2)")
                               .replace("%1", str(data.due.due_today)).replace("%2", str(data.due.overdue)))
        self.call_table.setVisible(bool(data.calls_due))
        self.call_empty.setVisible(not data.calls_due)
        for key, button in self.status_buttons.items():
            button.setText(self._status_text(key, data.status_counts.get(key, 0)))
        self.low_stock_btn.setVisible(data.low_stock is not None)
        if data.low_stock is not None:
            self.low_stock_btn.setText(self.tr("Parts below safety stock: %1").replace("%1", str(data.low_stock)))
        self.old_parts_btn.setVisible(data.old_parts is not None)
        if data.old_parts is not None:
            pending, overdue = data.old_parts
            self.old_parts_btn.setText(self._old_parts_text(pending, overdue))
            self.old_parts_btn.setStyleSheet("text-align: left; padding: 3px; color: %s;"
                                             % ("#B3261E" if overdue else "#0B57D0"))
        self.inspection_btn.setText(self.tr("Inspections due: %1").replace("%1", str(data.due.inspections_due)))
        self.kpi_btn.setText(self.tr("Month report check items: %1").replace("%1", str(data.check_items)))
        self.loaded.emit()

    def _open_changed_month(self) -> None:
        if self.sent_changes:
            self.ctx.open("kpi_month", self.sent_changes[0].record.month)

    def _open_first_inspection(self) -> None:
        from servicedesk.models.followups.calls import list_followups

        rows = list_followups(self.ctx.db, "due", kind="inspection", now=self._now, limit=1)
        if rows:
            self.ctx.open("followup", rows[0].id)

    # ---------------------------------------------------------------- main window hooks
    def on_data_changed(self, kind: str) -> None:
        if self.isVisible():
            self.reload()

    def set_backup_warning(self, text: str) -> None:
        """No verified backup for days, or the backup folder is gone: said here too."""
        self.backup_warning.setText(text)
        self.backup_warning.setVisible(bool(text))

    def on_activated(self) -> None:
        self.reload()

    def show_record(self, kind: str, key: object) -> None:
        pass
