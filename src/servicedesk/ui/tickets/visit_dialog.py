"""The visit record (到场、完工、结果, work hours and parts, the paid-service
quote): the longest ticket step, in a dialog that scrolls on a 768-pixel
screen. Split from ui/tickets/step_dialogs.py, which re-exports it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QCompleter, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.models.core.settings import get_settings
from servicedesk.models.core.validation import fen_to_yuan_str, parse_hundredths, parse_money_fen
from servicedesk.ui.common import FieldError, line_edit, widen_completer
from servicedesk.ui.context import AppContext
from servicedesk.ui.tickets.dialog_common import (
    DateTimeField, alias_field, fill_combo, part_kind_text, result_text, warranty_text,
)
from servicedesk.ui.tickets.step_base import _StepDialog, _days, _text_box


# ---------------------------------------------------------------- visit
class VisitDialog(_StepDialog):
    """到场记录: arrival, findings, result, repair time, work lines, parts, quote inputs."""

    def __init__(self, ctx: AppContext, detail: T.TicketDetail, parent: QWidget | None = None):
        super().__init__(ctx, detail, self.tr("Record visit"), parent)
        self.setMinimumWidth(760)
        remote = detail.fault_level == 4
        self.arrived = DateTimeField(detail.arrived_at or "")
        self.form.add_row("arrived_at", self.tr("Remote: arrival if any") if remote else self.tr("Arrival"),
                          self.arrived)
        self.diagnosis = _text_box(self.tr("What was found"), detail.diagnosis)
        self.form.add_row("diagnosis", self.tr("Diagnosis"), self.diagnosis)
        self.cause = line_edit(self.tr("Cause of the fault"), detail.cause)
        self.form.add_row("cause", self.tr("Cause"), self.cause)
        self.measures = _text_box(self.tr("What was done"), detail.measures)
        self.form.add_row("measures", self.tr("Measures"), self.measures)
        result_row = QWidget()
        rl = QHBoxLayout(result_row)
        rl.setContentsMargins(0, 0, 0, 0)
        self.result_combo = QComboBox()
        self.result_combo.setObjectName("result")
        fill_combo(self.result_combo, [(self.tr("Still on site (no result yet)"), None),
                                       (result_text("done"), "done"), (result_text("not_done"), "not_done")],
                   detail.result)
        rl.addWidget(self.result_combo)
        rl.addWidget(QLabel(self.tr("Repair from")))
        self.repair_from = DateTimeField(detail.repair_from or "")
        rl.addWidget(self.repair_from, 1)
        rl.addWidget(QLabel(self.tr("to")))
        self.repair_to = DateTimeField(detail.repair_to or "")
        rl.addWidget(self.repair_to, 1)
        self.form.add_row("result", self.tr("Result"), result_row)
        alias_field(self.form, "repair_from", self.repair_from, "result")
        alias_field(self.form, "repair_to", self.repair_to, "result")
        self.completed = DateTimeField(detail.completed_at or "")
        self.completed.edit.setPlaceholderText(self.tr("blank: the repair end time"))
        self.form.add_row("completed_at", self.tr("Completed at"), self.completed)

        # work lines
        work_box = QGroupBox(self.tr("Work done (work-hour catalog)"))
        wl = QVBoxLayout(work_box)
        add_row = QHBoxLayout()
        self.catalog = T.catalog_codes(ctx.db, include_retired=False)
        self.work_code = QComboBox()
        self.work_code.setObjectName("work_code")
        usual = {"repair": "SMALL_REPAIR", "complaint": "SMALL_REPAIR", "installation": "INSTALL_TC",
                 "inspection": "INSPECTION", "technical_service": "TECH_SERVICE"}.get(detail.type)
        # The clerk picks by the catalog's Chinese name; the code is only a tooltip.
        fill_combo(self.work_code, [(name or code, code) for code, name in self.catalog.items()], usual)
        for i in range(self.work_code.count()):
            self.work_code.setItemData(i, self.work_code.itemData(i), Qt.ToolTipRole)
        self.work_code.setToolTip(self.work_code.currentData() or "")
        self.work_code.currentIndexChanged.connect(
            lambda _i: self.work_code.setToolTip(self.work_code.currentData() or ""))
        self.work_qty = line_edit("1", "1")
        self.work_qty.setMaximumWidth(70)
        self.work_add = QPushButton(self.tr("Add work"))
        self.work_add.setAutoDefault(False)
        add_row.addWidget(self.work_code, 1)
        add_row.addWidget(QLabel(self.tr("Quantity")))
        add_row.addWidget(self.work_qty)
        add_row.addWidget(self.work_add)
        wl.addLayout(add_row)
        self.work_table = _line_table([self.tr("Work"), self.tr("Quantity")], stretch=0)
        wl.addWidget(self.work_table)
        self.work_remove = QPushButton(self.tr("Remove selected work"))
        self.work_remove.setAutoDefault(False)
        wl.addWidget(self.work_remove, 0, Qt.AlignLeft)
        self.work_error = FieldError(work_box)
        wl.addWidget(self.work_error)
        self.outer.addWidget(work_box)
        alias_field(self.form, "work", self.work_code, self.work_error)
        self.work_lines: list[T.WorkLine] = [T.WorkLine(w.code, w.quantity_x100, w.notes) for w in detail.work]

        # parts
        parts_box = QGroupBox(self.tr("Parts used"))
        pl = QVBoxLayout(parts_box)
        grid = QGridLayout()
        self.part_kind = QComboBox()
        self.part_kind.setObjectName("part_kind")
        fill_combo(self.part_kind, [(part_kind_text("warranty"), "warranty"), (part_kind_text("bought"), "bought")],
                   "warranty" if detail.warranty == "in" else "bought")
        self.part_code = line_edit(self.tr("Part code (optional)"))
        self.part_name = line_edit(self.tr("Name"))
        self.part_spec = line_edit(self.tr("Specification"))
        self.part_qty = QSpinBox()
        self.part_qty.setRange(1, 9999)
        self.part_price = line_edit(self.tr("Unit price (yuan)"))
        self.part_add = QPushButton(self.tr("Add part"))
        self.part_add.setAutoDefault(False)
        grid.addWidget(self.part_kind, 0, 0)
        grid.addWidget(self.part_code, 0, 1)
        grid.addWidget(self.part_name, 0, 2)
        grid.addWidget(self.part_spec, 0, 3)
        grid.addWidget(QLabel(self.tr("Qty")), 1, 0, Qt.AlignRight)
        grid.addWidget(self.part_qty, 1, 1)
        grid.addWidget(self.part_price, 1, 2)
        grid.addWidget(self.part_add, 1, 3)
        pl.addLayout(grid)
        self.parts_table = _line_table([self.tr("Kind"), self.tr("Part code"), self.tr("Name"),
                                        self.tr("Specification"), self.tr("Qty"), self.tr("Unit price"),
                                        self.tr("Total")], stretch=2)
        pl.addWidget(self.parts_table)
        self.part_remove = QPushButton(self.tr("Remove selected part"))
        self.part_remove.setAutoDefault(False)
        pl.addWidget(self.part_remove, 0, Qt.AlignLeft)
        self.parts_error = FieldError(parts_box)
        pl.addWidget(self.parts_error)
        self.outer.addWidget(parts_box)
        alias_field(self.form, "parts", self.part_name, self.parts_error)
        self.part_lines: list[T.PartLine] = [
            T.PartLine(p.part_code, p.name, p.kind, p.quantity, p.unit_price_fen, p.spec) for p in detail.parts]

        # quote inputs (paid service)
        quote_box = QGroupBox(self.tr("Paid service quote inputs (out of warranty)"))
        ql = QHBoxLayout(quote_box)
        self.q_transport = line_edit(self.tr("Transport (yuan)"),
                                     fen_to_yuan_str(detail.quote_transport_fen) if detail.quote_transport_fen else "")
        self.q_lodging = _days(detail.quote_lodging_days)
        self.q_meals = _days(detail.quote_meal_days)
        self.q_labour = _days(detail.quote_labour_days)
        ql.addWidget(QLabel(self.tr("Transport cost")))
        ql.addWidget(self.q_transport)
        for label, box in ((self.tr("Lodging days"), self.q_lodging), (self.tr("Meal days"), self.q_meals),
                           (self.tr("Labour days"), self.q_labour)):
            ql.addWidget(QLabel(label))
            ql.addWidget(box)
        self.quote_total = QLabel()
        self.quote_total.setObjectName("quote_total")
        ql.addWidget(self.quote_total, 1)
        self.quote_error = FieldError(quote_box)
        self.outer.addWidget(quote_box)
        self.outer.addWidget(self.quote_error)
        for key, widget in (("quote_transport_fen", self.q_transport), ("quote_lodging_days", self.q_lodging),
                            ("quote_meal_days", self.q_meals), ("quote_labour_days", self.q_labour)):
            alias_field(self.form, key, widget, self.quote_error)
        quote_box.setTitle(quote_box.title() + " — " + warranty_text(detail.warranty)
                           if detail.warranty else quote_box.title())
        self._quote_settings = get_settings(ctx.db, "quote.")

        self.work_add.clicked.connect(self._add_work)
        self.work_remove.clicked.connect(lambda: self._remove(self.work_table, self.work_lines))
        self.part_add.clicked.connect(self._add_part)
        self.part_remove.clicked.connect(lambda: self._remove(self.parts_table, self.part_lines))
        self.part_code.editingFinished.connect(self._fill_part_from_master)
        self._attach_part_picker()
        self.work_qty.returnPressed.connect(self._add_work)
        self.part_price.returnPressed.connect(self._add_part)
        for box in (self.q_lodging, self.q_meals, self.q_labour):
            box.valueChanged.connect(lambda _v: self._update_quote())
        self.q_transport.textChanged.connect(lambda _t: self._update_quote())
        self.result_combo.currentIndexChanged.connect(lambda _i: self._result_changed())
        self._show_lines()
        self.finish_layout()
        self.arrived.setFocus()
        if not detail.arrived_at and not remote:
            self.arrived.set_now()
            self.arrived.edit.selectAll()

    # ---- lines ---------------------------------------------------------------
    def _add_work(self) -> None:
        self.work_error.show_message("")
        code = self.work_code.currentData()
        try:
            qty = parse_hundredths(self.work_qty.text() or "1", "work", required=True)
        except ValidationError as exc:
            self.work_error.show_message(exc.message)
            return
        if not code or not qty or qty <= 0:
            self.work_error.show_message(self.tr("Choose the work and a quantity above 0."))
            return
        self.work_lines.append(T.WorkLine(code, qty))
        self.work_qty.setText("1")
        self._show_lines()

    def _attach_part_picker(self) -> None:
        """Offer the parts master while typing a code or name (code — name spec, stock)."""
        try:
            from servicedesk.models.parts import ledger as P

            choices = P.part_choices(self.ctx.db)
        except (ImportError, AttributeError, DomainError):
            return
        if not choices:
            return
        stock = self.tr("stock %1")
        items = [f"{p.code} — {p.name} {p.spec}".rstrip() + f"  ({stock.replace('%1', str(p.balance))})"
                 for p in choices]
        completer = QCompleter(items, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._part_picked)
        self.part_code.setCompleter(completer)
        widen_completer(completer, items)
        # Short enough to show whole in the narrow box; the explanation is the tooltip.
        self.part_code.setPlaceholderText(self.tr("Part code or name…"))
        self.part_code.setToolTip(self.tr("Part code or name (list appears as you type)"))
        self.part_code.setMinimumWidth(self.part_code.fontMetrics().horizontalAdvance(
            self.part_code.placeholderText()) + 24)

    def _part_picked(self, text: str) -> None:
        # The completer writes the whole line into the box; keep only the code.
        QTimer.singleShot(0, lambda: (self.part_code.setText(text.split(" — ", 1)[0]),
                                      self._fill_part_from_master()))

    def _fill_part_from_master(self) -> None:
        code = self.part_code.text().strip().upper()
        if not code:
            return
        master = T.part_master(self.ctx.db, code)
        if master is None:
            if T.has_parts_master(self.ctx.db):
                self.parts_error.show_message(self.tr("Part %1 is not in the parts list.").replace("%1", code))
            return
        self.parts_error.show_message("")
        self.part_name.setText(master["name"])
        self.part_spec.setText(master["spec"])
        if self.part_kind.currentData() == "bought" and not self.part_price.text():
            self.part_price.setText(fen_to_yuan_str(master["price_fen"]))

    def _add_part(self) -> None:
        self.parts_error.show_message("")
        kind = self.part_kind.currentData()
        try:
            price = parse_money_fen(self.part_price.text(), "parts") or 0
        except ValidationError as exc:
            self.parts_error.show_message(exc.message)
            return
        name = self.part_name.text().strip()
        code = self.part_code.text().strip().upper()
        if not name and not code:
            self.parts_error.show_message(self.tr("Give the part's name or code."))
            return
        self.part_lines.append(T.PartLine(code, name, kind, self.part_qty.value(),
                                          price if kind == "bought" else 0, self.part_spec.text().strip()))
        for edit in (self.part_code, self.part_name, self.part_spec, self.part_price):
            edit.clear()
        self.part_qty.setValue(1)
        self._show_lines()
        self.part_code.setFocus()

    def _remove(self, table: QTableWidget, lines: list) -> None:
        rows = sorted({i.row() for i in table.selectedIndexes()}, reverse=True)
        for r in rows:
            if 0 <= r < len(lines):
                del lines[r]
        self._show_lines()

    def _show_lines(self) -> None:
        self.work_table.setRowCount(len(self.work_lines))
        for r, w in enumerate(self.work_lines):
            for c, text in enumerate((self.catalog.get(w.code) or w.code, _qty(w.quantity_x100))):
                item = QTableWidgetItem(text)
                item.setToolTip(w.code)
                self.work_table.setItem(r, c, item)
        self.parts_table.setRowCount(len(self.part_lines))
        for r, p in enumerate(self.part_lines):
            bought = p.kind == "bought"
            values = (part_kind_text(p.kind), p.part_code, p.name, p.spec, str(p.quantity),
                      fen_to_yuan_str(p.unit_price_fen) if bought else "",
                      fen_to_yuan_str(p.unit_price_fen * p.quantity) if bought else "")
            for c, text in enumerate(values):
                self.parts_table.setItem(r, c, QTableWidgetItem(text))
        self._update_quote()

    def _result_changed(self) -> None:
        if self.result_combo.currentData() == "done" and not self.repair_to.text():
            self.repair_to.set_now()

    def _update_quote(self) -> None:
        try:
            transport = parse_money_fen(self.q_transport.text(), "quote_transport_fen") or 0
        except ValidationError:
            self.quote_total.setText("")
            return
        materials = sum(p.unit_price_fen * p.quantity for p in self.part_lines if p.kind == "bought")
        quote = T.compute_quote(self._quote_settings, transport_fen=transport,
                                lodging_days=self.q_lodging.value(), meal_days=self.q_meals.value(),
                                labour_days=self.q_labour.value(), materials_fen=materials)
        self.quote_total.setText(self.tr("Cost %1, quote %2 yuan")
                                 .replace("%1", fen_to_yuan_str(quote.subtotal_fen))
                                 .replace("%2", fen_to_yuan_str(quote.total_fen)))

    def run(self) -> T.TicketDetail:
        transport = parse_money_fen(self.q_transport.text(), "quote_transport_fen") or 0
        data = T.VisitInput(
            arrived_at=self.arrived.value(), diagnosis=self.diagnosis.toPlainText(), cause=self.cause.text(),
            measures=self.measures.toPlainText(), result=self.result_combo.currentData(),
            repair_from=self.repair_from.value(), repair_to=self.repair_to.value(),
            completed_at=self.completed.value(), work=list(self.work_lines), parts=list(self.part_lines),
            quote_transport_fen=transport, quote_lodging_days=self.q_lodging.value(),
            quote_meal_days=self.q_meals.value(), quote_labour_days=self.q_labour.value())
        return T.record_visit(self.ctx.db, self.detail.id, data, self.ctx.user, loaded=self.detail)


def _qty(x100: int) -> str:
    return fen_to_yuan_str(x100).rstrip("0").rstrip(".") if x100 % 100 else str(x100 // 100)


def _line_table(headers: list[str], stretch: int) -> QTableWidget:
    """A small read-only grid of the lines being edited (the dialog owns the list).

    The `stretch` column (the name/description) takes the spare width; the
    short numeric columns keep the width of their contents.
    """
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    table.setMaximumHeight(110)
    return table
