"""客户档案: search-first customer archive with equipment, warranty and history.

Left: the search box and the customer list (paged from the database, so
30 000 customers open as fast as 30). Right: the selected customer's card,
their equipment with the warranty in colour AND words, and the history of
the selected equipment. The clerk on the phone types part of a name or a
phone number and has the customer; "New ticket" starts the call's ticket.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSplitter,
    QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from servicedesk.models.archive import customers as C
from servicedesk.models.core.errors import NotFound
from servicedesk.models.archive.history import HistoryItem, equipment_history
from servicedesk.ui.common import EmptyState, debounce
from servicedesk.ui.context import AppContext
from servicedesk.ui.customers.customer_dialog import CustomerDialog
from servicedesk.ui.customers.equipment_dialog import EquipmentDialog, warranty_style, warranty_words
from servicedesk.ui.import_export import SheetExchange, SheetJob, menu_button
from servicedesk.ui.table_model import ColumnDef, RecordTableModel

RIGHT = Qt.AlignRight | Qt.AlignVCenter
CENTER = Qt.AlignCenter


def group_digits(n: int) -> str:
    """3402 -> '3 402' (the office's way of writing counts, UI.md)."""
    return f"{n:,}".replace(",", " ")


class _KeyFilter(QObject):
    """Enter edits and Delete deletes the current row of a table."""

    def __init__(self, on_enter, on_delete, parent: QObject):
        super().__init__(parent)
        self.on_enter, self.on_delete = on_enter, on_delete

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.KeyPress:
            if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() == Qt.NoModifier:
                self.on_enter()
                return True
            if event.key() == Qt.Key_Delete and event.modifiers() == Qt.NoModifier:
                self.on_delete()
                return True
        return False


class CustomersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current_customer: C.Customer | None = None
        self.current_dialog = None   # the open add/edit dialog (tests drive it)
        self._query = ""
        self._order = ("name", False)
        self._loaded = False

        # ---- filter bar ----------------------------------------------------------
        self.search = QLineEdit(self)
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, contact, phone, address, model or serial no (Ctrl+F)"))
        self.search.setMinimumWidth(360)
        self._schedule_search = debounce(self, self.apply_search, 200)
        self.search.textChanged.connect(lambda _t: self._schedule_search())
        self.search.returnPressed.connect(self._search_enter)
        self.search.installEventFilter(self)

        self.new_button = QPushButton(self.tr("New customer"), self)
        self.new_button.setToolTip(self.tr("New customer (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_customer)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.edit_button.setToolTip(self.tr("Edit the selected customer (Enter)"))
        self.edit_button.clicked.connect(self.edit_customer)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected customer (Del)"))
        self.delete_button.clicked.connect(self.delete_customer)

        # A push button with a menu keeps room for its arrow (a tool button drew it over the text).
        self.sheet_button = menu_button(self, self.tr("Import / Export"))
        sheet_menu = self.sheet_button.menu()
        sheet_menu.addAction(self.tr("Import customers from Excel…"), lambda: self.ask_import("customers"))
        sheet_menu.addAction(self.tr("Import equipment from Excel…"), lambda: self.ask_import("equipment"))
        sheet_menu.addSeparator()
        sheet_menu.addAction(self.tr("Export customers to Excel…"), lambda: self.ask_export("customers"))
        sheet_menu.addAction(self.tr("Export equipment to Excel…"), lambda: self.ask_export("equipment"))
        sheet_menu.addSeparator()
        sheet_menu.addAction(self.tr("Empty customers sheet…"), lambda: self.ask_export("customers", True))
        sheet_menu.addAction(self.tr("Empty equipment sheet…"), lambda: self.ask_export("equipment", True))
        # The shared worker-thread flow (ui/import_export.py); this tab reloads itself first.
        self.sheets = SheetExchange(ctx, self, announce=self._imported, busy=[self.sheet_button])

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.sheet_button)

        # ---- customer list -----------------------------------------------------------
        self.model = RecordTableModel([
            ColumnDef("name", self.tr("Customer"), width=200),
            ColumnDef("contact", self.tr("Contact"), width=64),
            ColumnDef("phone", self.tr("Phone"), width=108),
            ColumnDef("region", self.tr("Region"), width=48),
            ColumnDef("dealer", self.tr("Dealer"), width=112),
            ColumnDef("equipment_count", self.tr("Units"), align=RIGHT, width=44),
        ], self)
        self.table = self._table("customerTable", self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._on_customer_row(cur.row()))
        self.table.doubleClicked.connect(lambda _i: self.edit_customer())
        self._customer_keys = _KeyFilter(self.edit_customer, self.delete_customer, self)
        self.table.installEventFilter(self._customer_keys)
        self.list_empty = EmptyState("", self)
        self.list_empty.setObjectName("customerEmpty")
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.list_empty)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("customerCount")
        self.count_label.setStyleSheet("color: #444;")
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.list_stack, 1)
        left_lay.addWidget(self.count_label)

        # ---- detail: card, equipment, history -----------------------------------------------
        self.card = QLabel(self)
        self.card.setObjectName("customerCard")
        self.card.setTextFormat(Qt.RichText)
        self.card.setWordWrap(True)
        self.card.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.card.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.card.setStyleSheet("QLabel { background: #FAFAFA; border: 1px solid #E2E2E2; padding: 6px; }")

        self.add_eq_button = QPushButton(self.tr("Add equipment"), self)
        self.add_eq_button.clicked.connect(self.add_equipment)
        self.edit_eq_button = QPushButton(self.tr("Edit equipment"), self)
        self.edit_eq_button.clicked.connect(self.edit_equipment)
        self.delete_eq_button = QPushButton(self.tr("Delete equipment"), self)
        self.delete_eq_button.clicked.connect(self.delete_equipment)
        self.ticket_button = QPushButton(self.tr("New ticket for this equipment"), self)
        self.ticket_button.setObjectName("newTicketButton")
        self.ticket_button.setStyleSheet("font-weight: bold;")
        self.ticket_button.clicked.connect(self.new_ticket)
        eq_bar = QHBoxLayout()
        eq_title = QLabel("<b>" + html.escape(self.tr("Equipment")) + "</b>", self)
        eq_bar.addWidget(eq_title)
        eq_bar.addStretch(1)
        for b in (self.add_eq_button, self.edit_eq_button, self.delete_eq_button, self.ticket_button):
            eq_bar.addWidget(b)

        self.eq_model = RecordTableModel([
            ColumnDef("model", self.tr("Model"), display=lambda r: r.equipment.model, width=84),
            ColumnDef("serial_no", self.tr("Serial no"), display=lambda r: r.equipment.serial_no, width=94),
            ColumnDef("quantity", self.tr("Qty"), display=lambda r: str(r.equipment.quantity), align=RIGHT,
                      width=34),
            ColumnDef("purchase_date", self.tr("Purchased"), display=lambda r: r.equipment.purchase_date or "",
                      width=84),
            ColumnDef("acceptance_date", self.tr("Accepted"),
                      display=lambda r: r.equipment.acceptance_date or "", width=84),
            ColumnDef("warranty", self.tr("Warranty"), display=self._warranty_text,
                      tooltip=lambda r: r.warranty.reason, width=172),
            ColumnDef("first_site", self.tr("First site"), display=lambda r: r.equipment.first_site),
        ], self, cell_color=lambda r, key: ("green" if r.warranty.in_warranty else "red")
                  if key == "warranty" else None)
        self.eq_table = self._table("equipmentTable", self.eq_model)
        self.eq_table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._on_equipment_row(cur.row()))
        self.eq_table.doubleClicked.connect(lambda _i: self.edit_equipment())
        self._eq_keys = _KeyFilter(self.edit_equipment, self.delete_equipment, self)
        self.eq_table.installEventFilter(self._eq_keys)
        self.eq_empty = EmptyState(self.tr("No equipment yet. Add the units this customer bought "
                                           "with “Add equipment”."), self)
        self.eq_stack = QStackedWidget(self)
        self.eq_stack.addWidget(self.eq_table)
        self.eq_stack.addWidget(self.eq_empty)
        self.warranty_label = QLabel(self)
        self.warranty_label.setObjectName("warrantyReason")
        self.warranty_label.setWordWrap(True)

        self.history_title = QLabel(self)
        self.history_model = RecordTableModel([
            ColumnDef("at", self.tr("Date"), display=lambda r: r.at[:16], width=115),
            ColumnDef("kind", self.tr("Kind"), display=lambda r: self._kind_word(r.kind), width=70),
            ColumnDef("title", self.tr("What"), width=200),
            ColumnDef("detail", self.tr("Details"), tooltip=lambda r: r.detail),
        ], self, row_color=lambda r: "grey" if "已取消" in r.title else None)
        self.history_table = self._table("historyTable", self.history_model)
        self.history_table.doubleClicked.connect(self._open_history)
        self.history_empty = EmptyState("", self)
        self.history_stack = QStackedWidget(self)
        self.history_stack.addWidget(self.history_table)
        self.history_stack.addWidget(self.history_empty)

        eq_box = QWidget(self)
        eq_lay = QVBoxLayout(eq_box)
        eq_lay.setContentsMargins(0, 0, 0, 0)
        eq_lay.addLayout(eq_bar)
        eq_lay.addWidget(self.eq_stack, 1)
        eq_lay.addWidget(self.warranty_label)
        hist_box = QWidget(self)
        hist_lay = QVBoxLayout(hist_box)
        hist_lay.setContentsMargins(0, 0, 0, 0)
        hist_lay.addWidget(self.history_title)
        hist_lay.addWidget(self.history_stack, 1)

        self.detail_split = QSplitter(Qt.Vertical, self)
        self.detail_split.setObjectName("customerDetailSplit")
        self.detail_split.addWidget(self.card)
        self.detail_split.addWidget(eq_box)
        self.detail_split.addWidget(hist_box)
        self.detail_split.setStretchFactor(0, 0)
        self.detail_split.setStretchFactor(1, 2)
        self.detail_split.setStretchFactor(2, 3)
        self.detail_split.setSizes([115, 170, 420])
        self.detail_empty = EmptyState(self.tr("Select a customer to see their equipment, warranty and history."),
                                       self)
        self.detail_stack = QStackedWidget(self)
        self.detail_stack.addWidget(self.detail_split)
        self.detail_stack.addWidget(self.detail_empty)

        self.split = QSplitter(Qt.Horizontal, self)
        self.split.setObjectName("customerSplit")
        self.split.addWidget(left)
        self.split.addWidget(self.detail_stack)
        self.split.setStretchFactor(0, 5)
        self.split.setStretchFactor(1, 6)

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.split, 1)

        # ---- keyboard ---------------------------------------------------------------------
        # One shortcut per key: two on the same key would be ambiguous and neither would fire.
        for keys, slot in ((QKeySequence("Ctrl+N"), self.new_customer),
                           (QKeySequence("Ctrl+F"), self.focus_search)):
            sc = QShortcut(keys, self)
            sc.setContext(Qt.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

        self._restore_state()
        self.reload()

    # ---- building helpers -------------------------------------------------------------
    def _table(self, name: str, model: RecordTableModel) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectRows)
        view.setSelectionMode(QAbstractItemView.SingleSelection)
        view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setMinimumSectionSize(30)
        for i, col in enumerate(model.columns):
            if col.width:
                view.setColumnWidth(i, col.width)
        return view

    def _fit_warranty_column(self) -> None:
        """Widen the warranty column to its longest text ("Out of warranty since
        2025-12-31" must not end in "20…"); a wider column the clerk chose is kept.
        The full reason is the cell's tooltip and shows under the table."""
        column = next(i for i, c in enumerate(self.eq_model.columns) if c.key == "warranty")
        need = max(self.eq_table.sizeHintForColumn(column),
                   self.eq_table.horizontalHeader().sectionSizeHint(column))
        if self.eq_table.columnWidth(column) < need:
            self.eq_table.setColumnWidth(column, min(need, 360))

    def _warranty_text(self, row: C.EquipmentWarranty) -> str:
        w = row.warranty
        if w.overridden:
            return self.tr("In warranty (manual)") if w.in_warranty else self.tr("Out of warranty (manual)")
        if w.in_warranty:
            return self.tr("In warranty until %1").replace("%1", w.end or "")
        if w.end:
            return self.tr("Out of warranty since %1").replace("%1", w.end)
        return self.tr("Out of warranty (no dates)")

    def _kind_word(self, kind: str) -> str:
        return {"ticket": self.tr("Ticket"), "part": self.tr("Part"), "followup": self.tr("Call"),
                "inspection": self.tr("Inspection")}.get(kind, kind)

    # ---- state kept between sessions ---------------------------------------------------
    def _restore_state(self) -> None:
        settings = QSettings()
        for key, widget in (("customers/split", self.split), ("customers/detail_split", self.detail_split)):
            state = settings.value(key)
            if state is not None:
                widget.restoreState(state)
        if settings.value("customers/split") is None:
            self.split.setSizes([610, 670])
        for key, view in (("customers/list_header", self.table), ("customers/eq_header", self.eq_table),
                          ("customers/history_header", self.history_table)):
            state = settings.value(key)
            if state is not None:
                view.horizontalHeader().restoreState(state)

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("customers/split", self.split.saveState())
        settings.setValue("customers/detail_split", self.detail_split.saveState())
        settings.setValue("customers/list_header", self.table.horizontalHeader().saveState())
        settings.setValue("customers/eq_header", self.eq_table.horizontalHeader().saveState())
        settings.setValue("customers/history_header", self.history_table.horizontalHeader().saveState())

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt name
        self.save_state()
        super().hideEvent(event)

    # ---- the list ---------------------------------------------------------------------------
    def _fetch(self, offset: int, limit: int) -> list[C.Customer]:
        order, descending = self._order
        return C.list_customers(self.ctx.db, query=self._query, limit=limit, offset=offset,
                                order_by=order, descending=descending)

    def _count(self) -> int:
        return C.count_customers(self.ctx.db, self._query)

    def _set_order(self, key: str, descending: bool) -> None:
        self._order = (key, descending)

    def reload(self) -> None:
        """Re-read the list (keeping the selected customer) and the detail."""
        keep = self.current_customer.id if self.current_customer else None
        self._query = self.search.text().strip()
        self.model.set_fetcher(self._fetch, self._count, self._set_order)
        self._loaded = True
        self._update_count()
        row = self.model.find_row(lambda c: c.id == keep) if keep else -1
        if row >= 0:
            self._select_row(row)
        elif self.model.rowCount() and self._query:
            self._select_row(0)  # a search shows its best match at once
        elif keep:
            self._show_customer(keep)
        else:
            self._show_customer(None)

    def apply_search(self) -> None:
        if self.search.text().strip() == self._query and self._loaded:
            return
        self.current_customer = None
        self.reload()

    def _update_count(self) -> None:
        shown = self.model.total()
        total = C.count_customers(self.ctx.db) if self._query else shown
        self.count_label.setText(self.tr("Showing %1 of %2 customers")
                                 .replace("%1", group_digits(shown)).replace("%2", group_digits(total)))
        if shown:
            self.list_stack.setCurrentWidget(self.table)
        else:
            if self._query:
                self.list_empty.setText(
                    self.tr("No customer matches “%1”. Try part of the phone number or the name, "
                            "or create a new customer (Ctrl+N).").replace("%1", self._query))
            else:
                self.list_empty.setText(self.tr("No customers yet. Create one with “New customer” (Ctrl+N), "
                                                "or import them from Excel."))
            self.list_stack.setCurrentWidget(self.list_empty)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._on_customer_row(row)

    def _on_customer_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self._show_customer(self.model.row(row).id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_enter(self) -> None:
        self.apply_search()  # do not wait for the debounce
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self._select_row(0)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        # Down arrow in the search box goes to the list: no mouse needed.
        if obj is self.search and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Down:
            if self.model.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self._select_row(0)
                return True
        return super().eventFilter(obj, event)

    # ---- the detail -------------------------------------------------------------------------
    def _show_customer(self, customer_id: int | None, equipment_id: int | None = None) -> None:
        customer = None
        if customer_id is not None:
            try:
                customer = C.get_customer(self.ctx.db, customer_id)
            except NotFound:
                customer = None
        self.current_customer = customer
        for b in (self.edit_button, self.delete_button, self.add_eq_button):
            b.setEnabled(customer is not None)
        if customer is None:
            self.detail_stack.setCurrentWidget(self.detail_empty)
            self.eq_model.set_rows([])
            self._on_equipment_row(-1)
            return
        self.detail_stack.setCurrentWidget(self.detail_split)
        self.card.setText(self._card_html(customer))
        keep = equipment_id
        if keep is None:
            current = self._current_equipment()
            keep = current.equipment.id if current and current.equipment.customer_id == customer.id else None
        rows = C.equipment_with_warranty(self.ctx.db, customer.id)
        self.eq_model.set_rows(rows)
        self._fit_warranty_column()
        self.eq_stack.setCurrentWidget(self.eq_table if rows else self.eq_empty)
        row = next((i for i, r in enumerate(rows) if r.equipment.id == keep), 0 if rows else -1)
        if row >= 0:
            self.eq_table.setCurrentIndex(self.eq_model.index(row, 0))
        self._on_equipment_row(row)

    def _card_html(self, c: C.Customer) -> str:
        def line(label: str, value: str) -> str:
            if not value:
                return ""
            return (f"<tr><td style='color:#6b6b6b; padding-right:8px'>{html.escape(label)}</td>"
                    f"<td>{html.escape(value)}</td></tr>")

        phones = " / ".join(p for p in (c.phone, c.phone2) if p)
        contact = " ".join(p for p in (c.contact, c.title) if p)
        return (f"<div style='font-size:15px; font-weight:bold'>{html.escape(c.name)}</div>"
                "<table cellspacing='0' cellpadding='1'>"
                + line(self.tr("Contact"), contact) + line(self.tr("Phone"), phones)
                + line(self.tr("Address"), c.address) + line(self.tr("Region"), c.region)
                + line(self.tr("Dealer"), c.dealer) + line(self.tr("Notes"), c.notes)
                + "</table>")

    def _current_equipment(self) -> C.EquipmentWarranty | None:
        index = self.eq_table.currentIndex()
        if index.isValid() and index.row() < self.eq_model.rowCount():
            return self.eq_model.row(index.row())
        return None

    def _on_equipment_row(self, row: int) -> None:
        current = self.eq_model.row(row) if 0 <= row < self.eq_model.rowCount() else None
        for b in (self.edit_eq_button, self.delete_eq_button, self.ticket_button):
            b.setEnabled(current is not None)
        if current is None:
            self.warranty_label.hide()
            self.history_title.setText("<b>" + html.escape(self.tr("History")) + "</b>")
            self.history_model.set_rows([])
            self.history_empty.setText(self.tr("Select a unit to see its tickets, parts and calls."))
            self.history_stack.setCurrentWidget(self.history_empty)
            return
        w = current.warranty
        self.warranty_label.setText(("✔ " if w.in_warranty else "✖ ") + warranty_words(self, w))
        self.warranty_label.setStyleSheet(warranty_style(w.in_warranty))
        self.warranty_label.show()
        eq = current.equipment
        self.history_title.setText("<b>" + html.escape(self.tr("History of %1 %2")
                                                      .replace("%1", eq.model).replace("%2", eq.serial_no))
                                   + "</b>")
        items = equipment_history(self.ctx.db, eq.id)
        self.history_model.set_rows(items)
        if items:
            self.history_stack.setCurrentWidget(self.history_table)
        else:
            self.history_empty.setText(self.tr("No tickets, parts or calls for this unit yet."))
            self.history_stack.setCurrentWidget(self.history_empty)

    def _open_history(self, index) -> None:
        item: HistoryItem = self.history_model.row(index.row())
        if not item.ref:
            return
        kind = {"ticket": "ticket", "part": "ticket", "followup": "followup", "inspection": "followup"}
        self.ctx.open(kind.get(item.kind, item.kind), item.ref)

    # ---- actions ----------------------------------------------------------------------------
    def _open_dialog(self, dialog, on_saved) -> None:
        """Window-modal and non-blocking: the rest of the program keeps drawing."""
        self.current_dialog = dialog
        dialog.saved.connect(on_saved)
        dialog.finished.connect(lambda _r: setattr(self, "current_dialog", None))
        dialog.open()

    def new_customer(self) -> None:
        self._open_dialog(CustomerDialog(self.ctx, None, self), self._customer_saved)

    def edit_customer(self) -> None:
        if self.current_customer is None:
            return
        self._open_dialog(CustomerDialog(self.ctx, self.current_customer, self), self._customer_saved)

    def _customer_saved(self, customer: C.Customer) -> None:
        self.ctx.status(self.tr("Saved customer %1").replace("%1", customer.name))
        self.current_customer = customer
        self.reload()
        if self.model.find_row(lambda c: c.id == customer.id) < 0:
            self.show_record("customer", customer.id)
        self._announce("customers")

    def delete_customer(self) -> None:
        """删除 a customer without history; one with history can only be deactivated (停用)."""
        from servicedesk.ui.record_actions import delete_or_deactivate

        c = self.current_customer
        if c is None:
            return
        done = delete_or_deactivate(self, self.ctx, "customer", c.id, c.name,
                                    delete=lambda: C.delete_customer(self.ctx.db, c.id, who=self.ctx.user),
                                    deactivate=lambda: C.set_customer_active(self.ctx.db, c.id, False,
                                                                             who=self.ctx.user))
        if done is None:
            return
        if done == "delete":
            self.current_customer = None
            self.ctx.status(self.tr("Deleted customer %1").replace("%1", c.name))
        else:
            self.ctx.status(self.tr("Deactivated customer %1").replace("%1", c.name))
        self.reload()
        self._announce("customers")

    def add_equipment(self) -> None:
        if self.current_customer is None:
            return
        self._open_dialog(EquipmentDialog(self.ctx, self.current_customer, None, self), self._equipment_saved)

    def edit_equipment(self) -> None:
        current = self._current_equipment()
        if current is None or self.current_customer is None:
            return
        self._open_dialog(EquipmentDialog(self.ctx, self.current_customer, current.equipment, self),
                          self._equipment_saved)

    def _equipment_saved(self, eq: C.Equipment) -> None:
        self.ctx.status(self.tr("Saved equipment %1 %2").replace("%1", eq.model).replace("%2", eq.serial_no))
        self.current_customer = C.get_customer(self.ctx.db, eq.customer_id)
        self.reload()
        self._show_customer(eq.customer_id, eq.id)
        self._announce("equipment")

    def delete_equipment(self) -> None:
        """删除 a unit without history; one with tickets or planned work can only be deactivated."""
        from servicedesk.ui.record_actions import delete_or_deactivate

        current = self._current_equipment()
        if current is None:
            return
        eq = current.equipment
        name = f"{eq.model} {eq.serial_no}"
        done = delete_or_deactivate(self, self.ctx, "equipment", eq.id, name,
                                    delete=lambda: C.delete_equipment(self.ctx.db, eq.id, who=self.ctx.user),
                                    deactivate=lambda: C.set_equipment_active(self.ctx.db, eq.id, False,
                                                                              who=self.ctx.user))
        if done is None:
            return
        text = self.tr("Deleted equipment %1") if done == "delete" else self.tr("Deactivated equipment %1")
        self.ctx.status(text.replace("%1", name))
        self.reload()
        self._announce("equipment")

    def new_ticket(self) -> None:
        current = self._current_equipment()
        if current is None:
            return
        eq = current.equipment
        self.ctx.open("new_ticket", {"customer_id": eq.customer_id, "equipment_id": eq.id})

    # ---- Excel import / export (shared flow: ui/import_export.py) ------------------------------
    @property
    def job(self) -> SheetJob | None:
        return self.sheets.job

    @property
    def last_message(self) -> QWidget | None:
        return self.sheets.last_message

    def ask_import(self, kind: str) -> None:
        """File, then Update existing? / Check only, then the worker."""
        self.sheets.ask_import(kind)

    def ask_export(self, kind: str, template: bool = False) -> None:
        if template:
            self.sheets.ask_template(kind)
        else:
            self.sheets.ask_export(kind)

    def start_job(self, action: str, kind: str, path: str, update: bool = False) -> SheetJob:
        """Run an import/export/template on the thread pool; the tab stays usable."""
        return self.sheets.start(action, kind, path, options={"update": update})

    def _imported(self, kind: str) -> None:
        self.reload()
        self._announce(kind)

    # ---- what the main window calls ------------------------------------------------------
    def show_record(self, kind: str, key: object) -> None:
        """Show a customer (key = id) or an equipment (key = id) with its customer."""
        try:
            if kind == "equipment":
                eq = C.get_equipment(self.ctx.db, int(key))
                customer_id, equipment_id = eq.customer_id, eq.id
            elif kind == "customer":
                customer_id, equipment_id = int(key), None
            else:
                return
            customer = C.get_customer(self.ctx.db, customer_id)
        except (NotFound, TypeError, ValueError):
            self.ctx.status(self.tr("That record no longer exists."))
            return
        row = self.model.find_row(lambda c: c.id == customer.id)
        if row < 0:
            # not among the rows on screen: narrow the list to the name, then pick the row
            self.search.blockSignals(True)
            self.search.setText(customer.name)
            self.search.blockSignals(False)
            self.current_customer = customer
            self.reload()
            row = self.model.find_row(lambda c: c.id == customer.id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))
        self._show_customer(customer.id, equipment_id)

    def _announce(self, kind: str) -> None:
        """Tell the other tabs; this tab has already reloaded itself."""
        self._announcing = True
        try:
            self.ctx.data_changed(kind)
        finally:
            self._announcing = False

    def on_data_changed(self, kind: str) -> None:
        if getattr(self, "_announcing", False):
            return
        if kind in ("customers", "equipment", "tickets", "parts", "followups", "all"):
            self.reload()

    def on_activated(self) -> None:
        self.search.setFocus()
