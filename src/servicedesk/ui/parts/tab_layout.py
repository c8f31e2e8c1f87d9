"""The parts tab's widgets: the filter bar and booking buttons, the parts list
and the four lower sub-tabs (ledger, low stock, old parts to return, stock
counts). Split from ui/parts/tab.py, which keeps the behaviour (loading,
booking, exports).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from servicedesk.models.parts import ledger as P
from servicedesk.models.core.validation import fen_to_yuan_str
from servicedesk.ui.common import EmptyState, RowKeys, debounce, line_edit, record_table
from servicedesk.ui.parts.move_dialog import MOVE_KINDS, kind_text
from servicedesk.ui.import_export import SheetExchange, sheet_button
from servicedesk.ui.table_model import ColumnDef, RIGHT, RecordTableModel

ANY_DATE = QDate(2000, 1, 1)


def _signed(qty: int) -> str:
    return f"+{qty}" if qty > 0 else (f"−{-qty}" if qty < 0 else "0")


def _short(at: str | None) -> str:
    return (at or "")[:16]


class PartsTabLayout:
    """How PartsTab is built: its widgets and their layouts (a mixin, like the Ui class
    Qt Designer generates; the behaviour stays in the tab)."""

    def _build_ui(self) -> None:
        """The widgets, layouts and keys (called once by __init__)."""
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)

        # ---- filter bar + actions
        bar = QHBoxLayout()
        self.search = line_edit(self.tr("Search code, name, spec or location"))
        self.search.textChanged.connect(debounce(self, self.reload_parts))
        bar.addWidget(self.search, 2)
        self.low_only = QCheckBox(self.tr("Low stock only"))
        self.low_only.toggled.connect(self.reload_parts)
        bar.addWidget(self.low_only)
        self.show_inactive = QCheckBox(self.tr("Show parts not in use"))
        self.show_inactive.toggled.connect(self.reload_parts)
        bar.addWidget(self.show_inactive)
        bar.addSpacing(12)
        self.new_btn = self._button(bar, self.tr("New part"), self.new_part)
        self.edit_btn = self._button(bar, self.tr("Edit"), self.edit_part)
        self.delete_btn = self._button(bar, self.tr("Delete or deactivate…"), self.delete_part)
        self.delete_btn.setToolTip(self.tr("A part with ledger lines can only be deactivated (停用) (Del)"))
        bar.addStretch(1)
        lay.addLayout(bar)

        actions = QHBoxLayout()
        self.move_buttons: dict[str, QPushButton] = {}
        labels = {"receipt": self.tr("Receive (F2)"), "issue": self.tr("Issue (F3)"),
                  "return": self.tr("Return (F4)"), "exchange": self.tr("Exchange (F6)"),
                  "scrap": self.tr("Scrap")}
        for kind in MOVE_KINDS:
            self.move_buttons[kind] = self._button(actions, labels[kind], lambda _=False, k=kind: self.book(k))
        for key, kind in (("F2", "receipt"), ("F3", "issue"), ("F4", "return"), ("F6", "exchange")):
            QShortcut(QKeySequence(key), self, activated=lambda k=kind: self.book(k))
        actions.addSpacing(12)
        self.count_btn = self._button(actions, self.tr("Stock count…"), self.stock_count)
        actions.addStretch(1)
        # The shared Excel flow: options (update existing, opening stock date), Check only,
        # worker thread with Cancel, the problems list with Copy, empty template.
        self.sheets = SheetExchange(self.ctx, self)     # a real import announces data_changed("parts")
        self.sheet_button = sheet_button(self, self.sheets, ["parts"])
        self.sheet_button.setObjectName("parts_sheets")
        actions.addWidget(self.sheet_button)
        lay.addLayout(actions)

        # ---- parts list
        split = QSplitter(Qt.Vertical, self)
        top = QWidget(split)
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        part_cols = [
            ColumnDef("code", self.tr("Code"), width=100),
            ColumnDef("name", self.tr("Name"), width=150),
            ColumnDef("spec", self.tr("Specification"), width=190),
            ColumnDef("unit", self.tr("Unit"), width=45),
            ColumnDef("location", self.tr("Location"), width=80),
            ColumnDef("balance", self.tr("Book stock"), align=RIGHT, width=85),
            ColumnDef("safety_stock", self.tr("Safety stock"), align=RIGHT, width=95),
            ColumnDef("price_fen", self.tr("Price (yuan)"), display=lambda p: fen_to_yuan_str(p.price_fen),
                      align=RIGHT, width=90),
            ColumnDef("state", self.tr("State"), display=self._state_text, width=80),
            ColumnDef("last_move_at", self.tr("Last move"), display=lambda p: _short(p.last_move_at), width=120),
        ]
        self.parts_model = RecordTableModel(part_cols, self, row_color=self._part_color)
        self.parts_table = record_table(self.parts_model, parent=top, alternating=True)
        self.parts_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.parts_table.doubleClicked.connect(lambda _i: self.edit_part())
        self._part_keys = RowKeys(self.edit_part, self.delete_part, self)
        self.parts_table.installEventFilter(self._part_keys)
        self.parts_empty = EmptyState(self.tr("No parts yet. Add a part, or import the parts list from Excel."))
        top_lay.addWidget(self.parts_table)
        top_lay.addWidget(self.parts_empty)
        self.parts_empty.hide()

        # ---- lower sub-tabs
        self.sub = QTabWidget(split)
        self.sub.addTab(self._build_ledger(), self.tr("Ledger"))
        self.sub.addTab(self._build_low_stock(), self.tr("Low stock"))
        self.sub.addTab(self._build_old_parts(), self.tr("Old parts to return"))
        self.sub.addTab(self._build_counts(), self.tr("Stock counts"))
        self.sub.currentChanged.connect(lambda _i: self.reload_lower())
        split.addWidget(top)
        split.addWidget(self.sub)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 4)
        lay.addWidget(split, 1)
        self.count_label = QLabel("")
        self.count_label.setStyleSheet("color: #6b6b6b;")
        lay.addWidget(self.count_label)

        self.parts_table.selectionModel().currentRowChanged.connect(lambda *_: self._on_part_selected())

    # ---- helpers -------------------------------------------------------------
    @staticmethod
    def _button(layout: QHBoxLayout, text: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        layout.addWidget(b)
        return b

    # ---- ledger sub-tab ------------------------------------------------------
    def _build_ledger(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.only_part = QCheckBox(self.tr("Selected part only"))
        self.only_part.setChecked(True)
        self.only_part.toggled.connect(self.reload_ledger)
        bar.addWidget(self.only_part)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in P.KIND_LABELS:
            self.kind_filter.addItem(kind_text(kind), kind)
        self.kind_filter.currentIndexChanged.connect(self.reload_ledger)
        bar.addWidget(self.kind_filter)
        bar.addWidget(QLabel(self.tr("From")))
        self.date_from = self._date_edit()
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("to")))
        self.date_to = self._date_edit()
        bar.addWidget(self.date_to)
        self.ticket_filter = line_edit(self.tr("Ticket no"))
        self.ticket_filter.setMaximumWidth(130)
        self.ticket_filter.textChanged.connect(debounce(self, self.reload_ledger, 300))
        bar.addWidget(self.ticket_filter)
        self.tech_filter = QComboBox()
        self.tech_filter.currentIndexChanged.connect(self.reload_ledger)
        bar.addWidget(self.tech_filter)
        bar.addStretch(1)
        self.reverse_btn = self._button(bar, self.tr("Correct line…"), self.reverse_line)
        self._button(bar, self.tr("Export ledger…"), self.export_ledger)
        lay.addLayout(bar)
        cols = [
            ColumnDef("at", self.tr("Date and time"), display=lambda m: _short(m.at), width=115),
            ColumnDef("part_code", self.tr("Code"), width=90),
            ColumnDef("part_name", self.tr("Name"), width=100),
            ColumnDef("part_spec", self.tr("Specification"), width=130),
            ColumnDef("kind", self.tr("Kind"), display=lambda m: kind_text(m.kind), width=80),
            ColumnDef("qty", self.tr("Qty"), display=lambda m: _signed(m.qty), align=RIGHT, width=50),
            ColumnDef("stock_at", self.tr("Balance"), align=RIGHT, width=50, sort_key="at",
                      display=lambda m: str(m.stock_at if m.stock_at is not None else m.balance_after),
                      tooltip=self._balance_tip),
            ColumnDef("ticket_no", self.tr("Ticket"), display=lambda m: m.ticket_no or "", width=90),
            ColumnDef("recipient", self.tr("Recipient"),
                      display=lambda m: m.recipient or (m.technician_name or ""), width=70),
            ColumnDef("supplier", self.tr("Supplier / document"),
                      display=lambda m: " ".join(x for x in (m.supplier, m.document_no) if x), width=170),
            ColumnDef("old_serial", self.tr("Old part"),
                      display=lambda m: " ".join(x for x in (m.old_serial, m.old_condition) if x), width=150),
            ColumnDef("reason", self.tr("Reason / note"), width=140),
            ColumnDef("who", self.tr("Booked by"), width=80),
        ]
        self.ledger_model = RecordTableModel(cols, self, row_color=lambda m: "grey" if m.reverses_id else None)
        self.ledger_table = record_table(self.ledger_model, parent=page, alternating=True)
        self.ledger_table.doubleClicked.connect(self._ledger_double_click)
        lay.addWidget(self.ledger_table)
        # "Selected part only" with no part selected: say so, never show every part's lines.
        self.ledger_empty = EmptyState(self.tr("Select a part in the list above to see its ledger lines, or "
                                               "untick 'Selected part only' to see the lines of all "
                                               "parts."), page)
        self.ledger_empty.setObjectName("ledgerSelectPart")
        self.ledger_empty.hide()
        lay.addWidget(self.ledger_empty)
        return page

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(ANY_DATE)
        edit.dateChanged.connect(lambda _d: self.reload_ledger())
        return edit

    # ---- low stock sub-tab ---------------------------------------------------
    def _build_low_stock(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.low_hint = QLabel("")
        bar.addWidget(self.low_hint, 1)
        self._button(bar, self.tr("Export purchase list…"), self.export_low_stock)
        lay.addLayout(bar)
        cols = [
            ColumnDef("code", self.tr("Code"), width=100),
            ColumnDef("name", self.tr("Name"), width=140),
            ColumnDef("spec", self.tr("Specification"), width=180),
            ColumnDef("unit", self.tr("Unit"), width=45),
            ColumnDef("balance", self.tr("Book stock"), align=RIGHT, width=80),
            ColumnDef("safety_stock", self.tr("Safety stock"), align=RIGHT, width=80),
            ColumnDef("avg_monthly_use", self.tr("Monthly use"), align=RIGHT, width=85),
            ColumnDef("suggestion", self.tr("Suggested order"), align=RIGHT, width=100),
            ColumnDef("amount", self.tr("Amount (yuan)"), align=RIGHT, width=100,
                      display=lambda r: fen_to_yuan_str(r.suggestion_amount_fen)),
            ColumnDef("location", self.tr("Location"), width=80),
        ]
        self.low_model = RecordTableModel(cols, self, row_color=lambda r: "amber")
        self.low_table = record_table(self.low_model, parent=page, alternating=True)
        self.low_table.doubleClicked.connect(lambda i: self.show_record("part", self.low_model.row(i.row()).code))
        lay.addWidget(self.low_table)
        return page

    # ---- old parts sub-tab ---------------------------------------------------
    def _build_old_parts(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.old_hint = QLabel("")
        bar.addWidget(self.old_hint, 1)
        self._button(bar, self.tr("Book old part back…"), self.book_old_part)
        self._button(bar, self.tr("Export list…"), self.export_old_parts)
        lay.addLayout(bar)
        cols = [
            ColumnDef("holder", self.tr("Technician"), display=lambda o: o.holder, width=80),
            ColumnDef("ticket_no", self.tr("Ticket"), display=lambda o: o.ticket_no or "", width=95),
            ColumnDef("part_code", self.tr("Code"), width=95),
            ColumnDef("part_name", self.tr("Name"), width=120),
            ColumnDef("part_spec", self.tr("Specification"), width=150),
            ColumnDef("qty", self.tr("Qty"), align=RIGHT, width=45),
            ColumnDef("old_serial", self.tr("Old part serial no"), width=110),
            ColumnDef("old_condition", self.tr("Condition"), width=110),
            ColumnDef("exchanged_at", self.tr("Exchanged"), display=lambda o: _short(o.exchanged_at), width=120),
            ColumnDef("due_at", self.tr("Due back"), display=lambda o: _short(o.due_at), width=120),
            ColumnDef("overdue_hours", self.tr("State"), display=self._old_state, width=120),
        ]
        self.old_model = RecordTableModel(cols, self, row_color=self._old_color)
        self.old_table = record_table(self.old_model, parent=page, alternating=True)
        self.old_table.doubleClicked.connect(self._old_double_click)
        lay.addWidget(self.old_table)
        return page

    # ---- counts sub-tab ------------------------------------------------------
    def _build_counts(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self._button(bar, self.tr("Start count…"), self.start_count)
        self._button(bar, self.tr("Open count"), self.open_selected_count)
        bar.addStretch(1)
        self.accuracy_label = QLabel("")
        bar.addWidget(self.accuracy_label)
        lay.addLayout(bar)
        cols = [
            ColumnDef("count_date", self.tr("Count date"), width=95),
            ColumnDef("status", self.tr("State"), display=self._count_status, width=130),
            ColumnDef("lines", self.tr("Parts"), align=RIGHT, width=60),
            ColumnDef("counted", self.tr("Counted"), align=RIGHT, width=70),
            ColumnDef("differences", self.tr("Differences"), align=RIGHT, width=80),
            ColumnDef("source", self.tr("Entered"), display=self._count_source, width=90),
            ColumnDef("started_by", self.tr("Counted by"), width=90),
            ColumnDef("notes", self.tr("Note"), width=200),
        ]
        self.counts_model = RecordTableModel(cols, self, row_color=self._count_color)
        self.counts_table = record_table(self.counts_model, parent=page, alternating=True)
        self.counts_table.doubleClicked.connect(lambda i: self.open_count(self.counts_model.row(i.row()).id))
        lay.addWidget(self.counts_table)
        return page
