"""维修工单 — the tickets tab: status tabs, filters, search, list and detail.

The list is fed page by page from models/ticket_queries.py (the database sorts
and counts, so 100 000 tickets open as fast as 100); the detail shows one
ticket from models/tickets.get_ticket with its steps, deadlines, team, work,
parts, quote and event log. Step buttons are enabled from
tickets.allowed_actions, and every step goes through one model function (one
transaction); refusals come back as DomainError in plain words.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QMessageBox,
    QPushButton, QSplitter, QStackedWidget, QTabBar, QTableView, QVBoxLayout, QWidget,
)

from servicedesk.models.core.phones import format_phone
from servicedesk.models.tickets import queries as Q
from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.core.db import now_iso
from servicedesk.models.core.errors import DomainError
from servicedesk.models.tickets.rules import load_limits
from servicedesk.ui.common import EmptyState, confirm, group_digits, line_edit, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.import_export import SheetExchange, sheet_button
from servicedesk.ui.tickets.dialog_common import (
    channel_text, fill_combo, level_text,
    result_text, short_time, sla_text, status_group_text, status_text,
    type_text,
)
from servicedesk.ui.table_model import ColumnDef, RecordTableModel
from servicedesk.ui.tickets.detail_pane import TicketDetailPane


def row_color(row: Q.TicketRow) -> str | None:
    """cancelled grey, closed green, overdue red, due soon amber (UI.md colours)."""
    if row.status == "cancelled":
        return "grey"
    if row.status == "closed":
        return "green"
    if row.sla == "overdue":
        return "red"
    if row.sla == "due_soon":
        return "amber"
    return None

# ---------------------------------------------------------------- the tab


class TicketsTab(QWidget):
    """Status tabs + filters + lazy list on the left, the ticket on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._order = ("reported_at", True)
        self._now = now_iso()
        self._limits = load_limits(ctx.db)
        self._emitting = False
        self._loaded_once = False

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 2)

        # ---- filter bar
        bar = QHBoxLayout()
        self.search = line_edit(self.tr("Number, customer, phone or serial no…"))
        self.search.setObjectName("ticket_search")
        self.search.setMinimumWidth(240)
        bar.addWidget(self.search, 2)
        self.level_combo = QComboBox()
        self.type_combo = QComboBox()
        self.tech_combo = QComboBox()
        self.month_combo = QComboBox()
        for combo in (self.level_combo, self.type_combo, self.tech_combo, self.month_combo):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
            bar.addWidget(combo)
        self.overdue_check = QCheckBox(self.tr("Overdue only"))
        bar.addWidget(self.overdue_check)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("New ticket (Ctrl+N)"))
        self.new_button.setObjectName("new_ticket")
        self.new_button.setToolTip(self.tr("Take a call: new ticket (Ctrl+N)"))
        self.print_button = QPushButton(self.tr("Print (Ctrl+P)"))
        self.print_button.setToolTip(self.tr("Print the selected tickets' repair record forms (Ctrl+P)"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Preview the current ticket's repair record form"))
        for button in (self.new_button, self.print_button, self.preview_button):
            button.setAutoDefault(False)
            bar.addWidget(button)
        # Tickets from / to Excel through the shared worker-thread flow.
        self.sheets = SheetExchange(ctx, self, announce=self._imported)
        self.sheet_button = sheet_button(self, self.sheets, ["tickets"])
        self.sheet_button.setObjectName("ticket_sheets")
        bar.addWidget(self.sheet_button)
        lay.addLayout(bar)

        self.status_tabs = QTabBar()
        self.status_tabs.setDrawBase(False)
        self.status_tabs.setExpanding(False)
        for group in Q.STATUS_GROUPS:
            self.status_tabs.addTab(status_group_text(group))
        lay.addWidget(self.status_tabs)

        # ---- list | detail
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.model = RecordTableModel(self._columns(), self, row_color=row_color,
                                      cell_color=self._cell_color)
        self.view = QTableView()
        self.view.setObjectName("tickets_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicator(self._column_index("reported_at"), Qt.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._on_header_clicked)
        self.empty = EmptyState("")
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.view)
        self.list_stack.addWidget(self.empty)
        self.detail = TicketDetailPane(self)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        lay.addWidget(self.splitter, 1)

        self.count_label = QLabel()
        self.count_label.setObjectName("ticket_count")
        self.count_label.setStyleSheet("color: #505050;")
        lay.addWidget(self.count_label)

        # ---- signals
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.reload)
        for combo in (self.level_combo, self.type_combo, self.tech_combo, self.month_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue_check.toggled.connect(lambda _c: self.reload())
        self.status_tabs.currentChanged.connect(lambda _i: self.reload())
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._on_current(cur.row()))
        self.view.doubleClicked.connect(lambda _i: self._default_action())
        self.new_button.clicked.connect(lambda: self.new_ticket())
        self.print_button.clicked.connect(self.print_selected)
        self.preview_button.clicked.connect(self.preview_current)
        self.detail.action_requested.connect(self.run_action)
        # Shortcuts act at once (a button's own shortcut waits for its click animation);
        # they live on this tab, so they only work while the tab is shown.
        QShortcut(QKeySequence("Ctrl+N"), self, activated=lambda: self.new_ticket())
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_selected)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self._focus_search)

        self._fill_filters()
        self._restore_state()
        self.reload()

    # ---- columns ---------------------------------------------------------------
    def _columns(self) -> list[ColumnDef]:
        return [
            ColumnDef("no", self.tr("No."), width=96),
            ColumnDef("status", self.tr("Status"), display=lambda r: status_text(r.status), width=76),
            ColumnDef("sla", self.tr("Timeliness"), display=lambda r: sla_text(r.sla),
                      sort_key="deadline", width=96),
            ColumnDef("fault_level", self.tr("Level"), display=lambda r: level_text(r.fault_level), width=52),
            ColumnDef("type", self.tr("Type"), display=lambda r: type_text(r.type), width=64),
            ColumnDef("customer_name", self.tr("Customer"), width=180,
                      tooltip=lambda r: f"{r.customer_name}\n{r.contact} {r.phone}"),
            ColumnDef("phone", self.tr("Phone"), display=lambda r: format_phone(r.phone), width=112),
            ColumnDef("serial_no", self.tr("Model / serial"),
                      display=lambda r: f"{r.model} {r.serial_no}".strip(), sort_key="", width=130),
            ColumnDef("reported_at", self.tr("Reported"), display=lambda r: short_time(r.reported_at),
                      width=116),
            ColumnDef("deadline", self.tr("On-site deadline"), display=lambda r: short_time(r.deadline),
                      width=116),
            ColumnDef("technicians", self.tr("Technicians"), sort_key="", width=110),
            ColumnDef("channel", self.tr("Channel"), display=lambda r: channel_text(r.channel), width=64),
            ColumnDef("completed_at", self.tr("Completed at"), display=lambda r: short_time(r.completed_at),
                      width=116),
            ColumnDef("result", self.tr("Result"), display=lambda r: result_text(r.result), width=56),
            ColumnDef("fault", self.tr("Fault"), sort_key="", width=200, tooltip=lambda r: r.fault),
        ]

    def _column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.model.columns) if c.key == key)

    @staticmethod
    def _cell_color(row: Q.TicketRow, key: str) -> str | None:
        if key == "sla" and row.sla == "missed":
            return "red"
        return None

    # ---- filters -----------------------------------------------------------------
    def _fill_filters(self) -> None:
        db = self.ctx.db
        fill_combo(self.level_combo, [(self.tr("All levels"), None)]
                   + [(level_text(lv), lv) for lv in (1, 2, 3, 4)] + [(self.tr("No level"), 0)],
                   self.level_combo.currentData())
        fill_combo(self.type_combo, [(self.tr("All types"), None)]
                   + [(type_text(t), t) for t in Q.TICKET_TYPES], self.type_combo.currentData())
        techs = Q.technician_choices(db)
        inactive = self.tr("inactive")
        fill_combo(self.tech_combo, [(self.tr("All technicians"), None)]
                   + [(t.name if t.active else f"{t.name} ({inactive})", t.id) for t in techs],
                   self.tech_combo.currentData())
        fill_combo(self.month_combo, [(self.tr("All months"), None)]
                   + [(m, m) for m in Q.ticket_months(db)], self.month_combo.currentData())

    def current_filter(self) -> Q.TicketFilter:
        return Q.TicketFilter(
            status=Q.STATUS_GROUPS[max(self.status_tabs.currentIndex(), 0)],
            level=self.level_combo.currentData(),
            type=self.type_combo.currentData(),
            technician_id=self.tech_combo.currentData(),
            month=self.month_combo.currentData(),
            overdue_only=self.overdue_check.isChecked(),
            text=self.search.text().strip(),
        )

    def clear_filters(self) -> None:
        widgets = (self.search, self.level_combo, self.type_combo, self.tech_combo, self.month_combo,
                   self.overdue_check, self.status_tabs)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        for combo in (self.level_combo, self.type_combo, self.tech_combo, self.month_combo):
            combo.setCurrentIndex(0)
        self.overdue_check.setChecked(False)
        self.status_tabs.setCurrentIndex(0)
        for w in widgets:
            w.blockSignals(False)

    # ---- loading -----------------------------------------------------------------
    def reload(self, keep_id: int | None = None) -> None:
        """Re-query counts and the first page; keep the selected ticket when still listed."""
        if keep_id is None:
            current = self.current_row()
            keep_id = current.id if current else None
        db = self.ctx.db
        flt = self.current_filter()
        self._now = now_iso()
        self._limits = load_limits(db)
        try:
            counts = Q.status_counts(db, flt, now=self._now, limits=self._limits)
        except DomainError as exc:   # e.g. a filter value the model refuses
            show_error(self, exc)
            return
        for i, group in enumerate(Q.STATUS_GROUPS):
            self.status_tabs.setTabText(i, f"{status_group_text(group)} {counts[group]}")

        def fetch(offset: int, limit: int) -> list[Q.TicketRow]:
            return Q.list_tickets(db, flt, order_by=self._order[0], descending=self._order[1],
                                  offset=offset, limit=limit, now=self._now, limits=self._limits)

        def count() -> int:
            return counts[flt.status] if flt.status in counts else Q.count_tickets(
                db, flt, now=self._now, limits=self._limits)

        self.model.set_fetcher(fetch, count, self._set_order)
        total = Q.count_tickets(db, Q.TicketFilter(), now=self._now, limits=self._limits)
        shown = self.model.total()
        self.count_label.setText(self.tr("Showing %1 of %2 tickets")
                                 .replace("%1", group_digits(shown)).replace("%2", group_digits(total)))
        if shown == 0:
            if total == 0:
                self.empty.setText(self.tr("No tickets yet. When a customer calls, press New ticket "
                                           "(Ctrl+N); old ledgers can be imported from Excel."))
            else:
                self.empty.setText(self.tr("No ticket matches these filters. Clear the search or "
                                           "choose another status tab."))
            self.list_stack.setCurrentWidget(self.empty)
        else:
            self.list_stack.setCurrentWidget(self.view)
        if not self._loaded_once:
            self._loaded_once = True
            self._apply_widths()
        if not self.select_ticket(keep_id) and shown:
            self._select_row(0)
        elif not shown:
            self.detail.show_ticket(None)

    def _set_order(self, key: str, descending: bool) -> None:
        if key in Q.ORDER_KEYS:
            self._order = (key, descending)

    def _on_header_clicked(self, section: int) -> None:
        """The database sorts: columns without a sort key keep the current order."""
        col = self.model.columns[section]
        key = col.key if col.sort_key is None else col.sort_key
        header = self.view.horizontalHeader()
        if key not in Q.ORDER_KEYS:
            header.setSortIndicator(self._column_index_for_order(), Qt.DescendingOrder
                                    if self._order[1] else Qt.AscendingOrder)
            return
        descending = header.sortIndicatorOrder() == Qt.DescendingOrder
        current = self.current_row()
        self._order = (key, descending)
        self.model.sort(section, Qt.DescendingOrder if descending else Qt.AscendingOrder)
        self.select_ticket(current.id if current else None)

    def _column_index_for_order(self) -> int:
        for i, col in enumerate(self.model.columns):
            if (col.sort_key or col.key) == self._order[0]:
                return i
        return self._column_index("reported_at")

    def current_row(self) -> Q.TicketRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row(index.row())

    def selected_rows(self) -> list[Q.TicketRow]:
        # selectedIndexes, not selectedRows: with a restored header that hides or
        # moves columns, a highlighted row need not have every column selected.
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        return [self.model.row(r) for r in rows]

    def select_ticket(self, ticket_id: int | None) -> bool:
        if ticket_id is None:
            return False
        row = self.model.find_row(lambda r: r.id == ticket_id)
        if row < 0:
            return False
        self._select_row(row)
        self.view.scrollTo(self.model.index(row, 0))
        self._on_current(row)
        return True

    def _select_row(self, row: int) -> None:
        """Make `row` the only highlighted row and the current one.

        Not QTableView.selectRow: with Ctrl still held (Ctrl+S just saved a
        dialog) it TOGGLES the row, leaving list and detail out of step."""
        flags = (self.view.selectionModel().SelectionFlag.ClearAndSelect
                 | self.view.selectionModel().SelectionFlag.Rows)
        self.view.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def _clear_list_selection(self) -> None:
        """No row highlighted and no current row, without blanking the detail."""
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        selection.clearSelection()
        selection.setCurrentIndex(self.model.index(-1, -1), selection.SelectionFlag.NoUpdate)
        selection.blockSignals(False)
        self.view.viewport().update()

    def _on_current(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            self.detail.show_ticket(None)
            return
        self.show_detail(self.model.row(row).id)

    def show_detail(self, ticket_id: int) -> None:
        try:
            detail = T.get_ticket(self.ctx.db, ticket_id)
            self.detail.catalog = T.catalog_codes(self.ctx.db)
        except DomainError as exc:
            show_error(self, exc)
            self.detail.show_ticket(None)
            return
        self.detail.show_ticket(detail)

    # ---- navigation from other tabs --------------------------------------------
    def show_record(self, kind: str, key: object) -> None:
        if kind == "new_ticket":
            prefill = key if isinstance(key, dict) else {}
            self.new_ticket(prefill)
            return
        if kind == "tickets":
            # A status group from the dashboard ("open", "dispatched", ...): show that list.
            if key in Q.STATUS_GROUPS:
                self.clear_filters()
                self.status_tabs.setCurrentIndex(Q.STATUS_GROUPS.index(key))
            return
        if kind != "ticket":
            return
        ticket_id = key if isinstance(key, int) else Q.ticket_id_for_no(self.ctx.db, str(key))
        if ticket_id is None:
            self.ctx.status(self.tr("No ticket numbered %1").replace("%1", str(key)))
            return
        if self.select_ticket(ticket_id):
            return
        self.reload(keep_id=ticket_id)
        if self.select_ticket(ticket_id):
            return
        # Not in the filtered list: show it on its own (search its number).
        detail = T.get_ticket(self.ctx.db, ticket_id)
        self.clear_filters()
        self.search.blockSignals(True)
        self.search.setText(detail.no)
        self.search.blockSignals(False)
        self.reload(keep_id=ticket_id)
        if not self.select_ticket(ticket_id):
            self._clear_list_selection()
            self.show_detail(ticket_id)

    def on_data_changed(self, kind: str) -> None:
        if self._emitting:
            return
        if kind in ("tickets", "customers", "technicians", "settings", "all", "parts", "pay"):
            if kind in ("technicians", "all", "settings"):
                self._fill_filters()
            self.reload()

    def on_activated(self) -> None:
        """Deadlines move with the clock: refresh states when the tab is shown again."""
        self.reload()

    def _imported(self, kind: str) -> None:
        """After an import wrote tickets: refresh here, then tell the other tabs
        (imported tickets can create customers and, with Move stock, stock moves)."""
        self._fill_filters()
        self.reload()
        self._emitting = True
        try:
            self.ctx.data_changed(kind)
            self.ctx.data_changed("parts")
        finally:
            self._emitting = False

    def _changed(self, ticket_id: int | None, message: str) -> None:
        """After a step: refresh list, counts and detail; tell the other tabs."""
        self._fill_filters()
        self.reload(keep_id=ticket_id)
        if ticket_id is not None and not self.select_ticket(ticket_id):
            # No longer in the filtered list (e.g. closed while on 待派工): show it
            # without leaving another row highlighted, so list and detail agree.
            self._clear_list_selection()
            self.show_detail(ticket_id)
        self.ctx.status(message)
        self._emitting = True
        try:
            self.ctx.data_changed("tickets")
        finally:
            self._emitting = False

    # ---- actions -------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _default_action(self) -> None:
        """Double-click: the next step that is allowed (dispatch, visit, review…)."""
        detail = self.detail.detail
        if detail is None:
            return
        allowed = T.allowed_actions(detail)
        for key in ("dispatch", "visit", "review", "signoff", "close"):
            if key in allowed and not (key == "dispatch" and detail.status != "open"):
                self.run_action(key)
                return

    def new_ticket(self, prefill: dict | None = None) -> None:
        from servicedesk.ui.tickets.new_dialog import NewTicketDialog

        dialog = NewTicketDialog(self.ctx, self, prefill=prefill or {})
        accepted = dialog.exec()
        saved = dialog.saved
        dialog.deleteLater()
        if accepted and saved is not None:
            # The new ticket must be IN the list and selected (a search left by the
            # dashboard would otherwise keep the old ticket highlighted while the
            # detail shows the new one, and Print would print the old one).
            self.reload(keep_id=saved.id)
            if not self.select_ticket(saved.id):
                self.clear_filters()
            self._changed(saved.id, self.tr("Saved %1").replace("%1", saved.no))

    def run_action(self, key: str) -> None:
        """One step on the shown ticket: its dialog (or a confirmation for close)."""
        detail = self.detail.detail
        if detail is None:
            return
        from servicedesk.ui.tickets import step_dialogs as S

        messages = {
            "edit": self.tr("Saved %1"),
            "dispatch": self.tr("Dispatched %1"),
            "visit": self.tr("Visit recorded on %1"),
            "review": self.tr("Reviewed %1"),
            "signoff": self.tr("Customer sign-off recorded on %1"),
            "close": self.tr("Closed %1"),
            "cancel": self.tr("Cancelled %1 (the number stays used)"),
            "reopen": self.tr("Reopened %1"),
        }
        if key not in messages:
            return
        if key == "close":
            if not confirm(self, self.tr("Close ticket"),
                           self.tr("Close ticket %1? After closing, changes need a reopen.")
                           .replace("%1", detail.no)):
                return
            try:
                T.close_ticket(self.ctx.db, detail.id, self.ctx.user)
            except DomainError as exc:
                show_error(self, exc)
                self.show_detail(detail.id)
                return
        else:
            from servicedesk.ui.tickets.new_dialog import NewTicketDialog

            dialog = {
                "edit": lambda: NewTicketDialog(self.ctx, self, ticket=detail),
                "dispatch": lambda: S.DispatchDialog(self.ctx, detail, self),
                "visit": lambda: S.VisitDialog(self.ctx, detail, self),
                "review": lambda: S.ReviewDialog(self.ctx, detail, self),
                "signoff": lambda: S.SignoffDialog(self.ctx, detail, self),
                "cancel": lambda: S.ReasonDialog(self.ctx, detail, "cancel", self),
                "reopen": lambda: S.ReasonDialog(self.ctx, detail, "reopen", self),
            }[key]()
            accepted = dialog.exec()
            dialog.deleteLater()
            if not accepted:
                return
        self._changed(detail.id, messages[key].replace("%1", detail.no))

    def print_selected(self) -> None:
        nos = [r.no for r in self.selected_rows()]
        shown = self.detail.detail
        if shown is not None and shown.no not in nos:
            # What the clerk sees in the detail is what gets printed.
            nos = [shown.no]
        if not nos:
            self.ctx.status(self.tr("Choose the tickets to print first."))
            return
        try:
            from servicedesk.ui.printing import dialogs as printing
        except ModuleNotFoundError:
            QMessageBox.information(self, self.tr("Print"),
                                    self.tr("Printing is not available in this version yet."))
            return
        printing.print_tickets(self, self.ctx, nos)

    def preview_current(self) -> None:
        detail = self.detail.detail
        if detail is None:
            self.ctx.status(self.tr("Choose a ticket to preview first."))
            return
        try:
            from servicedesk.ui.printing import dialogs as printing
        except ModuleNotFoundError:
            QMessageBox.information(self, self.tr("Preview"),
                                    self.tr("Printing is not available in this version yet."))
            return
        printing.preview_ticket(self, self.ctx, detail.no)

    # ---- remembered layout -----------------------------------------------------------
    def _apply_widths(self) -> None:
        header = self.view.horizontalHeader()
        state = QSettings().value("tickets/header")
        if state is not None and header.restoreState(state):
            header.setSortIndicator(self._column_index_for_order(),
                                    Qt.DescendingOrder if self._order[1] else Qt.AscendingOrder)
            return
        for i, col in enumerate(self.model.columns):
            if col.width:
                self.view.setColumnWidth(i, col.width)

    def _restore_state(self) -> None:
        splitter = QSettings().value("tickets/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([760, 520])

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self._search_timer.stop()     # on_activated reloads when the tab comes back
        settings = QSettings()
        settings.setValue("tickets/header", self.view.horizontalHeader().saveState())
        settings.setValue("tickets/splitter", self.splitter.saveState())
        super().hideEvent(event)
