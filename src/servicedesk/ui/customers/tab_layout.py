"""The customer archive tab's widgets: the search bar, the customer list, the
customer card, the equipment table with its warranty colours and the history
of the selected unit, and the tab's keys. Split from ui/customers/tab.py,
which keeps the behaviour (loading, selection, dialogs, import/export).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter,
    QStackedWidget, QVBoxLayout, QWidget,
)

from servicedesk.models.core.phones import format_phone
from servicedesk.ui.common import EmptyState, RowKeys, debounce
from servicedesk.ui.import_export import SheetExchange, menu_button
from servicedesk.ui.table_model import ColumnDef, RIGHT, RecordTableModel



class CustomersTabLayout:
    """The widgets of CustomersTab, built once by its __init__ (a mixin like Qt Designer's Ui class)."""

    def _build_ui(self) -> None:
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
        self.merge_button = QPushButton(self.tr("Merge…"), self)
        self.merge_button.setObjectName("mergeCustomers")
        self.merge_button.setToolTip(self.tr("The same customer registered twice: move the other record's "
                                             "equipment, tickets and calls to the selected one (Ctrl+M)"))
        self.merge_button.clicked.connect(self.merge_customer)

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
        self.sheets = SheetExchange(self.ctx, self, announce=self._imported, busy=[self.sheet_button])

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.merge_button)
        bar.addWidget(self.sheet_button)

        # ---- customer list -----------------------------------------------------------
        self.model = RecordTableModel([
            ColumnDef("name", self.tr("Customer"), width=200),
            ColumnDef("contact", self.tr("Contact"), width=64),
            ColumnDef("phone", self.tr("Phone"), display=lambda r: format_phone(r.phone), width=116),
            ColumnDef("region", self.tr("Region"), width=48),
            ColumnDef("dealer", self.tr("Dealer"), width=112),
            ColumnDef("equipment_count", self.tr("Units"), align=RIGHT, width=44),
        ], self)
        self.table = self._table("customerTable", self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._on_customer_row(cur.row()))
        self.table.doubleClicked.connect(lambda _i: self.edit_customer())
        self._customer_keys = RowKeys(self.edit_customer, self.delete_customer, self)
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
        self._eq_keys = RowKeys(self.edit_equipment, self.delete_equipment, self)
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
                           (QKeySequence("Ctrl+M"), self.merge_customer),
                           (QKeySequence("Ctrl+F"), self.focus_search)):
            sc = QShortcut(keys, self)
            sc.setContext(Qt.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

