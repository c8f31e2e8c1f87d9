"""The new-ticket dialog, built for a phone call (UI.md: under a minute).

The caller's phone or name comes first and matches appear as you type; Enter
takes the highlighted customer, the equipment is picked next and its warranty
shows at once with its reason; then type, channel, level (the deadlines appear
immediately), the fault, and Ctrl+S saves. Contact, phone and address are
prefilled from the customer. A caller who is not in the archive yet is
created on the spot without leaving the dialog. Everything is reachable with
the keyboard in the order the clerk asks the questions.
"""

from __future__ import annotations

import datetime as _dt
import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from servicedesk.models.archive import customers as C
from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.core.db import now_iso
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.models.core.standards import WARRANTY_EXCLUSIONS
from servicedesk.models.tickets.rules import load_limits, onsite_deadline, response_deadline
from servicedesk.models.core.validation import parse_datetime
from servicedesk.ui.common import FieldError, ScrollBody, ValidatedForm, line_edit, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.tickets.dialog_common import (
    CHANNELS, LEVELS, TICKET_TYPES, Badge, DateTimeField, alias_field, channel_text, fill_combo,
    level_meaning, level_text, type_text,
)
from servicedesk.ui.form_dialog import EditDialog
from servicedesk.ui.tickets.quick_customer import QuickCustomerDialog


def reason_without_verdict(reason: str) -> str:
    """customers.warranty_status words its reason '保外：自购机日期…'; the badge
    beside it already says 保外, so the word is shown once."""
    return _VERDICT_PREFIX.sub("", reason or "", count=1)


_VERDICT_PREFIX = re.compile(r"^\s*(保内|保外|in warranty|out of warranty)\s*[：:]\s*", re.IGNORECASE)


class NewTicketDialog(EditDialog):
    """Take a call: who is calling, which machine, what is wrong, how urgent."""

    visual_tab_order = False  # _set_tab_order: the caller box leads into its matches

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, prefill: dict | None = None,
                 ticket: T.TicketDetail | None = None):
        """`ticket` given: the same form corrects that ticket's intake (tickets.update_ticket)."""
        super().__init__(parent)
        self.setMinimumWidth(720)
        self.ctx = ctx
        self.ticket = ticket
        self._recorder = ticket.recorder if ticket is not None else ctx.user
        self.saved: T.TicketDetail | None = None
        self.customer: C.Customer | None = None
        self._equipment: list[C.Equipment] = []
        self._limits = load_limits(ctx.db)
        self.setWindowTitle(self.tr("New ticket — take a call") if ticket is None
                            else self.tr("Correct the intake of %1").replace("%1", ticket.no))
        frame = QVBoxLayout(self)
        body = ScrollBody(self)  # the form scrolls on a short screen; Save stays below it
        frame.addWidget(body)
        outer = body.body

        # ---- 1. caller
        caller_box = QGroupBox(self.tr("Caller"))
        caller = QVBoxLayout(caller_box)
        row = QHBoxLayout()
        self.caller = line_edit(self.tr("Caller's phone or name, serial no… (matches appear as you type)"))
        self.caller.setObjectName("caller_search")
        row.addWidget(self.caller, 1)
        self.new_customer_button = QPushButton(self.tr("New customer…"))
        self.new_customer_button.setAutoDefault(False)
        row.addWidget(self.new_customer_button)
        caller.addLayout(row)
        self.matches = QListWidget()
        self.matches.setObjectName("caller_matches")
        self.matches.setMaximumHeight(110)
        caller.addWidget(self.matches)
        self.customer_label = QLabel(self.tr("No customer chosen yet."))
        self.customer_label.setWordWrap(True)
        self.customer_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        caller.addWidget(self.customer_label)
        outer.addWidget(caller_box)

        # ---- 2. equipment + warranty, 3. the job
        self.form = ValidatedForm(self)
        self.customer_error = FieldError(caller_box)
        caller.addWidget(self.customer_error)
        alias_field(self.form, "customer_id", self.caller, self.customer_error)
        self.equipment_combo = QComboBox()
        self.equipment_combo.setObjectName("equipment")
        self.equipment_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.equipment_combo.setMinimumWidth(260)
        self.form.add_row("equipment_id", self.tr("Equipment"), self.equipment_combo)

        # Three lines: the decision (badge + reason), the 三包 exclusion, and the
        # manual override with its reason — side by side they were squashed.
        warranty_row = QWidget()
        wl = QGridLayout(warranty_row)
        wl.setContentsMargins(0, 0, 0, 0)
        self.warranty_badge = Badge()
        # One line, no word wrap: a word-wrapped label makes the row a
        # height-for-width layout whose minimum Qt does not hold in a dialog,
        # and the two lines below it were squashed. The whole reason is also
        # the tooltip.
        self.warranty_reason = QLabel()
        self.warranty_reason.setMinimumWidth(1)
        wl.addWidget(self.warranty_badge, 0, 0, Qt.AlignLeft | Qt.AlignTop)
        wl.addWidget(self.warranty_reason, 0, 1)
        self.exclusion_combo = QComboBox()
        fill_combo(self.exclusion_combo, [(self.tr("No 三包 exclusion"), None)]
                   + [(label, key) for key, label in WARRANTY_EXCLUSIONS.items()])
        self.override_combo = QComboBox()
        fill_combo(self.override_combo, [(self.tr("Decide automatically"), None),
                                         (self.tr("Manual: in warranty"), "in"),
                                         (self.tr("Manual: out of warranty"), "out")])
        self.override_reason = line_edit(self.tr("Reason for the manual decision"))
        self.override_reason.setMinimumWidth(
            self.override_reason.fontMetrics().horizontalAdvance(self.override_reason.placeholderText()) + 24)
        override_line = QHBoxLayout()
        override_line.setContentsMargins(0, 0, 0, 0)
        override_line.addWidget(self.override_combo)
        override_line.addWidget(self.override_reason, 1)
        wl.addWidget(self.exclusion_combo, 1, 0, 1, 2, Qt.AlignLeft)
        wl.addLayout(override_line, 2, 0, 1, 2)
        wl.setColumnStretch(1, 1)
        self.form.add_row("warranty", self.tr("Warranty"), warranty_row)
        alias_field(self.form, "warranty_exclusion", self.exclusion_combo, "warranty")
        alias_field(self.form, "warranty_override_reason", self.override_reason, "warranty")
        alias_field(self.form, "warranty_override", self.override_combo, "warranty")

        job = QWidget()
        jl = QHBoxLayout(job)
        jl.setContentsMargins(0, 0, 0, 0)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("type")
        fill_combo(self.type_combo, [(type_text(t), t) for t in TICKET_TYPES], "repair")
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channel")
        fill_combo(self.channel_combo, [(channel_text(c), c) for c in CHANNELS], "hotline")
        jl.addWidget(self.type_combo)
        jl.addWidget(QLabel(self.tr("via")))
        jl.addWidget(self.channel_combo)
        jl.addStretch(1)
        self.form.add_row("type", self.tr("Type"), job)
        alias_field(self.form, "channel", self.channel_combo, "type")

        self.fault = QPlainTextEdit()
        self.fault.setObjectName("fault")
        self.fault.setTabChangesFocus(True)
        self.fault.setPlaceholderText(self.tr("What the caller says is wrong (报修内容)"))
        self.fault.setFixedHeight(64)
        self.form.add_row("fault", self.tr("Fault"), self.fault)

        level_row = QWidget()
        ll = QHBoxLayout(level_row)
        ll.setContentsMargins(0, 0, 0, 0)
        self.level_combo = QComboBox()
        self.level_combo.setObjectName("fault_level")
        ll.addWidget(self.level_combo, 1)
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("deadlines")
        ll.addWidget(self.deadline_label, 1)
        self.form.add_row("fault_level", self.tr("Fault level"), level_row)

        self.judgement = line_edit(self.tr("First judgement (optional)"))
        self.form.add_row("first_judgement", self.tr("First judgement"), self.judgement)

        contact_row = QWidget()
        cl = QHBoxLayout(contact_row)
        cl.setContentsMargins(0, 0, 0, 0)
        self.contact = line_edit(self.tr("Contact"))
        self.phone = line_edit(self.tr("Phone"))
        cl.addWidget(self.contact, 1)
        cl.addWidget(self.phone, 1)
        self.form.add_row("contact", self.tr("Contact, phone"), contact_row)
        alias_field(self.form, "phone", self.phone, "contact")
        self.address = line_edit(self.tr("Site address"))
        self.form.add_row("address", self.tr("Address"), self.address)

        times = QWidget()
        tl = QHBoxLayout(times)
        tl.setContentsMargins(0, 0, 0, 0)
        self.requested = DateTimeField("", with_now=False)
        self.requested.edit.setPlaceholderText(self.tr("Requested service time (optional)"))
        self.reported = DateTimeField(now_iso())
        tl.addWidget(self.requested, 1)
        tl.addWidget(QLabel(self.tr("Reported")))
        tl.addWidget(self.reported, 1)
        self.form.add_row("requested_at", self.tr("Service time"), times)
        alias_field(self.form, "reported_at", self.reported, "requested_at")

        self.dealer_box = QFrame()
        dl = QGridLayout(self.dealer_box)
        dl.setContentsMargins(0, 0, 0, 0)
        self.dealer = line_edit(self.tr("Dealer"))
        self.dealer_selfcheck = line_edit(self.tr("Install self-check record"))
        self.dealer_diagnosis = line_edit(self.tr("Dealer's diagnosis"))
        dl.addWidget(self.dealer, 0, 0)
        dl.addWidget(self.dealer_selfcheck, 0, 1)
        dl.addWidget(self.dealer_diagnosis, 1, 0, 1, 2)
        self.form.add_row("dealer", self.tr("Dealer report"), self.dealer_box)
        alias_field(self.form, "dealer_selfcheck", self.dealer_selfcheck, "dealer")
        alias_field(self.form, "dealer_diagnosis", self.dealer_diagnosis, "dealer")
        alias_field(self.form, "factory_date", self.equipment_combo, "equipment_id")

        self.recorder_label = QLabel(self._recorder or "—")
        self.form.add_row("recorder", self.tr("Recorder"), self.recorder_label)
        outer.addWidget(self.form)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save (Ctrl+S)"), QDialogButtonBox.AcceptRole)
        self.save_button.setObjectName("save")
        cancel = buttons.addButton(QDialogButtonBox.Cancel)
        for b in (self.save_button, cancel):
            b.setAutoDefault(False)
            b.setDefault(False)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        frame.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)

        # ---- behaviour
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._search)
        self.caller.textChanged.connect(lambda _t: self._search_timer.start())
        self.caller.returnPressed.connect(self._take_highlighted)
        self.caller.installEventFilter(self)
        self.matches.itemActivated.connect(lambda item: self._choose_customer(item.data(Qt.UserRole)))
        self.new_customer_button.clicked.connect(self._create_customer)
        self.equipment_combo.currentIndexChanged.connect(lambda _i: self._update_warranty())
        self.exclusion_combo.currentIndexChanged.connect(lambda _i: self._update_warranty())
        self.override_combo.currentIndexChanged.connect(lambda _i: self._update_warranty())
        self.override_reason.textChanged.connect(lambda _t: self._update_warranty())
        self.reported.changed.connect(self._update_warranty)
        self.reported.changed.connect(self._update_deadlines)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._fill_levels())
        self.level_combo.currentIndexChanged.connect(lambda _i: self._update_deadlines())
        self.channel_combo.currentIndexChanged.connect(lambda _i: self._update_dealer())

        self._fill_levels()
        self._update_dealer()
        self._set_customer(None)
        self._set_tab_order()
        if ticket is not None:
            self._load_ticket(ticket)
        elif prefill:
            self._apply_prefill(prefill)
        else:
            self.caller.setFocus()
        # Open at the size the rows ask for (at the bare minimum Qt let the
        # match list keep its height and squashed the warranty lines
        # instead); fit_to_screen bounds it by the screen when shown.
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    # ---- keyboard --------------------------------------------------------------
    def _set_tab_order(self) -> None:
        chain = [self.caller, self.matches, self.new_customer_button, self.equipment_combo,
                 self.exclusion_combo, self.override_combo, self.override_reason, self.type_combo,
                 self.channel_combo, self.fault, self.level_combo, self.judgement, self.contact,
                 self.phone, self.address, self.requested.edit, self.reported.edit, self.dealer,
                 self.dealer_selfcheck, self.dealer_diagnosis, self.save_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        """Down arrow in the caller box walks into the matches."""
        from PySide6.QtCore import QEvent

        if obj is self.caller and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Down \
                and self.matches.count():
            self.matches.setFocus()
            if self.matches.currentRow() < 0:
                self.matches.setCurrentRow(0)
            return True
        return super().eventFilter(obj, event)

    # ---- caller ----------------------------------------------------------------
    def _search(self) -> None:
        text = self.caller.text().strip()
        self.matches.clear()
        if not text:
            return
        self.matches.show()
        # A deactivated customer or unit is history: not offered for a new call.
        hits = [hit for hit in C.search(self.ctx.db, text, limit=30) if hit.active]
        for hit in hits:
            units = [e for e in hit.equipment if e.get("active", 1)]
            bits = [hit.name, hit.contact, hit.phone, hit.address]
            if units:
                bits.append(", ".join(f"{e['model']} {e['serial_no']}" for e in units[:3]))
            item = QListWidgetItem(" · ".join(b for b in bits if b))
            item.setData(Qt.UserRole, hit.customer_id)
            item.setData(Qt.UserRole + 1, units[0]["id"] if len(units) == 1 else None)
            self.matches.addItem(item)
        if not hits:
            item = QListWidgetItem(self.tr("No customer matches. Press New customer… to add the caller."))
            item.setFlags(Qt.NoItemFlags)
            self.matches.addItem(item)
        else:
            self.matches.setCurrentRow(0)

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        """A search still waiting to run is dropped when the dialog closes."""
        self._search_timer.stop()
        super().done(result)

    def _take_highlighted(self) -> None:
        """Enter in the caller box: search now (no waiting) and take the highlighted match."""
        self._search()
        item = self.matches.currentItem()
        if item is not None and item.data(Qt.UserRole):
            self._choose_customer(item.data(Qt.UserRole), item.data(Qt.UserRole + 1))

    def _choose_customer(self, customer_id: int | None, equipment_id: int | None = None) -> None:
        if not customer_id:
            return
        if equipment_id is None:
            item = self.matches.currentItem()
            if item is not None and item.data(Qt.UserRole) == customer_id:
                equipment_id = item.data(Qt.UserRole + 1)
        self._set_customer(C.get_customer(self.ctx.db, int(customer_id)), equipment_id)
        self.form.set_message("customer_id", "")
        # Next question: which machine — unless it is already known (one unit,
        # or the match was a serial number), then what is wrong with it.
        # Deferred: the Enter that took the match is still being delivered.
        known = equipment_id is not None or len(self._equipment) == 1
        target = self.fault if known and self.equipment_combo.currentData() else self.equipment_combo
        QTimer.singleShot(0, target.setFocus)

    def _create_customer(self) -> None:
        dialog = QuickCustomerDialog(self.ctx, self, guess=self.caller.text().strip())
        if dialog.exec() and dialog.customer_id:
            self._set_customer(C.get_customer(self.ctx.db, dialog.customer_id), dialog.equipment_id)
            self.ctx.data_changed("customers")
            self.type_combo.setFocus()

    def _set_customer(self, customer: C.Customer | None, equipment_id: int | None = None) -> None:
        self.customer = customer
        if customer is None:
            self._equipment = []
            fill_combo(self.equipment_combo, [(self.tr("Choose the caller first"), None)])
            self.equipment_combo.setEnabled(False)
            self._update_warranty()
            return
        bits = [f"<b>{_esc(customer.name)}</b>", _esc(customer.contact), _esc(customer.phone),
                _esc(customer.address)]
        self.customer_label.setText(" · ".join(b for b in bits if b))
        if not self.caller.text().strip():
            # Chosen without a search (prefilled, or correcting an intake): an
            # empty match list would only take room. Typing shows it again.
            self.matches.clear()
            self.matches.hide()
        # Deactivated units are left out, except the one a corrected ticket already names.
        kept = self.ticket.equipment_id if self.ticket is not None else None
        self._equipment = [e for e in C.equipment_for_customer(self.ctx.db, customer.id)
                           if e.active or e.id == kept]
        items = [(f"{e.model} {e.serial_no}" + (f" — {e.project_name}" if e.project_name else ""), e.id)
                 for e in self._equipment]
        items.append((self.tr("No equipment / not known yet"), None))
        chosen = equipment_id if equipment_id is not None else (
            self._equipment[0].id if len(self._equipment) == 1 else None)
        fill_combo(self.equipment_combo, items, chosen)
        self.equipment_combo.setEnabled(True)
        self.contact.setText(customer.contact)
        self.phone.setText(customer.phone)
        self.address.setText(customer.address)
        self.dealer.setText(customer.dealer)
        self._update_warranty()

    def _current_equipment(self) -> C.Equipment | None:
        eid = self.equipment_combo.currentData()
        return next((e for e in self._equipment if e.id == eid), None)

    # ---- warranty / level / dealer --------------------------------------------
    def _report_day(self) -> _dt.date:
        try:
            text = parse_datetime(self.reported.text(), "reported_at") if self.reported.text() else None
        except ValidationError:
            text = None
        return _dt.date.fromisoformat(text[:10]) if text else _dt.date.today()

    def _set_warranty_reason(self, text: str) -> None:
        self.warranty_reason.setText(text)
        self.warranty_reason.setToolTip(text)

    def _update_warranty(self) -> None:
        eq = self._current_equipment()
        override = self.override_combo.currentData()
        self.override_reason.setEnabled(override is not None)
        exclusion = self.exclusion_combo.currentData()
        if eq is None and not override:
            self.warranty_badge.set(self.tr("Not decided"), "grey")
            self._set_warranty_reason(self.tr("Choose the equipment to decide the warranty."))
            return
        try:
            target = eq or C.EquipmentInput(customer_id=0, model="", serial_no="")
            decision = C.warranty_status(self.ctx.db, target, self._report_day(), exclusion=exclusion,
                                         override=override, override_reason=self.override_reason.text())
        except DomainError as exc:
            self.warranty_badge.set(self.tr("Needs a reason"), "amber")
            self._set_warranty_reason(exc.message)
            return
        if decision.in_warranty:
            self.warranty_badge.set(self.tr("In warranty"), "green")
        else:
            self.warranty_badge.set(self.tr("Out of warranty"), "red")
        self._set_warranty_reason(reason_without_verdict(decision.reason))

    def _fill_levels(self) -> None:
        kind = self.type_combo.currentData()
        current = self.level_combo.currentData()
        required = kind in T.LEVEL_REQUIRED_TYPES
        first = self.tr("Choose the fault level…") if required else self.tr("No level (optional for this type)")
        fill_combo(self.level_combo, [(first, None)] + [
            (f"{lv}  {level_text(lv)} — {level_meaning(lv)}", lv) for lv in LEVELS], current)
        self._update_deadlines()

    def _update_deadlines(self) -> None:
        level = self.level_combo.currentData()
        if level is None:
            # No level chosen yet: no deadline (a default one would read as a promise).
            self.deadline_label.setText("")
            return
        try:
            reported = parse_datetime(self.reported.text(), "reported_at") or now_iso()
        except ValidationError:
            reported = now_iso()
        onsite = onsite_deadline(reported, level, self._limits)
        response = response_deadline(reported, level, self._limits)
        parts = []
        if response is not None:
            parts.append(self.tr("respond by %1").replace("%1", response.strftime("%m-%d %H:%M")))
        if onsite is not None:
            label = self.tr("remote fix by %1") if level == 4 else self.tr("on site by %1")
            parts.append(label.replace("%1", onsite.strftime("%m-%d %H:%M")))
        self.deadline_label.setText("<b>" + _esc(" · ".join(parts)) + "</b>")

    def _update_dealer(self) -> None:
        is_dealer = self.channel_combo.currentData() == "dealer"
        self.dealer_box.setVisible(is_dealer)
        label = self.form.form.labelForField(self.dealer_box.parentWidget())
        if label is not None:
            label.setVisible(is_dealer)

    # ---- prefill / save --------------------------------------------------------
    def _apply_prefill(self, prefill: dict) -> None:
        cid = prefill.get("customer_id")
        if cid:
            try:
                self._set_customer(C.get_customer(self.ctx.db, int(cid)), prefill.get("equipment_id"))
            except DomainError as exc:
                show_error(self, exc)
        if prefill.get("type"):
            self.type_combo.setCurrentIndex(max(self.type_combo.findData(prefill["type"]), 0))
        (self.fault if cid else self.caller).setFocus()

    def _load_ticket(self, t: T.TicketDetail) -> None:
        self._set_customer(C.get_customer(self.ctx.db, t.customer_id), t.equipment_id)
        self.equipment_combo.setCurrentIndex(max(self.equipment_combo.findData(t.equipment_id), 0))
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(t.type), 0))
        self.channel_combo.setCurrentIndex(max(self.channel_combo.findData(t.channel), 0))
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(t.fault_level), 0))
        self.fault.setPlainText(t.fault)
        self.judgement.setText(t.first_judgement)
        self.contact.setText(t.contact)
        self.phone.setText(t.phone)
        self.address.setText(t.address)
        self.requested.setText(t.requested_at or "")
        self.reported.setText(t.reported_at)
        self.exclusion_combo.setCurrentIndex(max(self.exclusion_combo.findData(t.warranty_exclusion), 0))
        if t.warranty_override_reason:
            self.override_combo.setCurrentIndex(max(self.override_combo.findData(t.warranty), 0))
            self.override_reason.setText(t.warranty_override_reason)
        self.dealer.setText(t.dealer)
        self.dealer_diagnosis.setText(t.dealer_diagnosis)
        self.dealer_selfcheck.setText(t.dealer_selfcheck)
        self.fault.setFocus()

    def reload_record(self) -> None:
        """The ticket as stored now (after someone else changed it); the next save compares this version."""
        self.ticket = T.get_ticket(self.ctx.db, self.ticket.id)
        self._load_ticket(self.ticket)
        self.form.clear_errors()

    def ticket_input(self) -> T.TicketInput:
        return T.TicketInput(
            type=self.type_combo.currentData(), channel=self.channel_combo.currentData(),
            customer_id=self.customer.id if self.customer else 0,
            equipment_id=self.equipment_combo.currentData(),
            contact=self.contact.text(), phone=self.phone.text(), address=self.address.text(),
            requested_at=self.requested.value(), reported_at=self.reported.value(),
            fault=self.fault.toPlainText(), recorder=self._recorder,
            first_judgement=self.judgement.text(), fault_level=self.level_combo.currentData(),
            warranty_exclusion=self.exclusion_combo.currentData(),
            warranty_override=self.override_combo.currentData(),
            warranty_override_reason=self.override_reason.text(),
            dealer=self.dealer.text() if self.channel_combo.currentData() == "dealer" else "",
            dealer_diagnosis=self.dealer_diagnosis.text(), dealer_selfcheck=self.dealer_selfcheck.text(),
        )

    def save(self) -> None:
        self.form.clear_errors()
        if self.customer is None:
            self.form.show_error("customer_id", self.tr("Choose the caller (type the phone or name) "
                                                        "or create a new customer."))
            self.caller.setFocus()
            return

        def write() -> T.TicketDetail:
            if self.ticket is None:
                return T.open_ticket(self.ctx.db, self.ticket_input(), self.ctx.user)
            return T.update_ticket(self.ctx.db, self.ticket.id, self.ticket_input(), self.ctx.user,
                                   loaded=self.ticket)

        ok, stored = self.attempt_save(write, self.reload_record, self.form)
        if ok:
            self.saved = stored
            self.accept()


def _esc(text: str) -> str:
    import html

    return html.escape(text or "")
