"""客户档案: search-first customer archive with equipment, warranty and history.

Left: the search box and the customer list (paged from the database, so
30 000 customers open as fast as 30). Right: the selected customer's card,
their equipment with the warranty in colour AND words, and the history of
the selected equipment. The clerk on the phone types part of a name or a
phone number and has the customer; "New ticket" starts the call's ticket.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from servicedesk.models.core.phones import format_phone
from servicedesk.models.archive import customers as C
from servicedesk.models.core.errors import NotFound
from servicedesk.models.archive.history import HistoryItem, equipment_history
from servicedesk.ui.common import group_digits
from servicedesk.ui.context import AppContext
from servicedesk.ui.customers.customer_dialog import CustomerDialog
from servicedesk.ui.customers.equipment_dialog import EquipmentDialog, warranty_style, warranty_words
from servicedesk.ui.import_export import SheetJob
from servicedesk.ui.table_model import RecordTableModel
from servicedesk.ui.customers.tab_layout import CustomersTabLayout


class CustomersTab(CustomersTabLayout, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current_customer: C.Customer | None = None
        self.current_dialog = None   # the open add/edit dialog (tests drive it)
        self._query = ""
        self._order = ("name", False)
        self._loaded = False

        self._build_ui()
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
        for b in (self.edit_button, self.delete_button, self.merge_button, self.add_eq_button):
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

        phones = " / ".join(format_phone(p) for p in (c.phone, c.phone2) if p)
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
    def _open_dialog(self, dialog, on_saved, done=None) -> None:
        """Window-modal and non-blocking: the rest of the program keeps drawing.
        `on_saved` gets what the dialog's `done` signal carries (default: `saved`)."""
        self.current_dialog = dialog
        (done or dialog.saved).connect(on_saved)
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

    def merge_customer(self) -> None:
        """合并: the selected customer is kept; the duplicate chosen in the dialog moves into it."""
        from servicedesk.ui.customers.merge_dialog import MergeCustomersDialog

        keep = self.current_customer
        if keep is None:
            return
        dialog = MergeCustomersDialog(self.ctx, keep, self)
        self._open_dialog(dialog, self._customers_merged, dialog.merged)

    def _customers_merged(self, plan) -> None:
        self.ctx.status(self.tr("Merged %1 into %2: %3 units, %4 tickets, %5 calls moved")
                        .replace("%1", plan.drop.name).replace("%2", plan.keep.name)
                        .replace("%3", str(plan.equipment)).replace("%4", str(plan.tickets))
                        .replace("%5", str(plan.followups)))
        self.reload()
        self._show_customer(plan.keep.id)
        for kind in ("customers", "tickets", "followups"):
            self._announce(kind)

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
