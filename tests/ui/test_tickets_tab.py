"""The tickets tab driven the way the clerk works: take a call, dispatch, visit, close.

Dialogs are modal in the program; here their exec() is replaced by a driver
that shows the dialog, types into it with qtbot and presses Ctrl+S, so the
real widgets, shortcuts and model calls run.
"""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.tickets.queries import STATUS_GROUPS
from servicedesk.ui.tickets import tab as tab_module
from servicedesk.ui.tickets import new_dialog as ticket_new
from servicedesk.ui.tickets import step_dialogs as ticket_steps
from servicedesk.ui.tickets.tab import TicketsTab
from tests import factories as fx


def drive(monkeypatch, qtbot, cls, steps):
    """Replace cls.exec: show the dialog, run `steps(dialog)`, return its result."""
    seen = []

    def fake_exec(self):
        self.show()
        qtbot.waitExposed(self)
        self.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self)   # shortcuts need it
        seen.append(self)
        steps(self)
        return self.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def type_into(qtbot, widget, text: str) -> None:
    """Type like the clerk: key presses for ASCII; Chinese arrives through the
    input method as committed text (QTest cannot press keys for it)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def save_with_ctrl_s(qtbot, dialog, focus_widget):
    qtbot.keyClick(focus_widget, Qt.Key_S, Qt.ControlModifier)
    assert dialog.result() == dialog.DialogCode.Accepted, "Ctrl+S did not save the dialog"


def tab_counts(tab: TicketsTab) -> dict[str, int]:
    """Status tab texts end with their count ('To dispatch 1')."""
    return {g: int(tab.status_tabs.tabText(i).rsplit(" ", 1)[1]) for i, g in enumerate(STATUS_GROUPS)}


def first_row(tab: TicketsTab):
    assert tab.model.rowCount() >= 1
    return tab.model.row(0)


def minutes_ago(minutes: int) -> str:
    return (_dt.datetime.now() - _dt.timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def office(ctx):
    db = ctx.db
    today = _dt.date.today()
    cid = fx.customer(db, "杭州建工集团有限公司", "13812345678", contact="刘经理", address="文三路88号")
    fx.customer(db, "王五", "13900001111")
    eid = fx.equipment(db, cid, "QTZ80", "TC-2024-001",
                       purchase_date=(today - _dt.timedelta(days=100)).isoformat())
    techs = {"li": fx.technician(db, "李工"), "zh": fx.technician(db, "张师傅"),
             "boss": fx.technician(db, "王班长", role="supervisor")}
    return {"customer": cid, "equipment": eid, **techs}


def test_take_a_call_dispatch_visit_and_close(qtbot, ctx, office, monkeypatch):
    tab = TicketsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    # an empty office says what to do
    assert tab.list_stack.currentWidget() is tab.empty
    assert "Ctrl+N" in tab.empty.text()

    # ---- 1. the phone rings: Ctrl+N, type part of the caller's number
    def take_call(d: ticket_new.NewTicketDialog):
        assert d.caller.hasFocus() or QApplication.focusWidget() in (d.caller, None)
        qtbot.keyClicks(d.caller, "1381234")
        qtbot.waitUntil(lambda: d.matches.count() == 1 and d.matches.item(0).data(Qt.UserRole))
        assert "杭州建工集团有限公司" in d.matches.item(0).text()
        qtbot.keyClick(d.caller, Qt.Key_Return)              # take the match
        assert d.customer is not None and d.customer.id == office["customer"]
        assert d.equipment_combo.currentData() == office["equipment"]   # the only machine
        assert d.contact.text() == "刘经理" and d.address.text() == "文三路88号"
        # bought 100 days ago, 12 months' warranty: in warranty, with the reason
        assert d.warranty_badge.text() == "In warranty"
        assert "在保" in d.warranty_reason.text()
        d.reported.setText(minutes_ago(180))
        type_into(qtbot, d.fault, "主卷扬电机异响，制动器打滑")
        d.level_combo.setFocus()
        qtbot.keyClicks(d.level_combo, "2")                  # 2  Level 2 — …
        assert d.level_combo.currentData() == 2
        assert "on site by" in d.deadline_label.text()      # deadlines appear at once
        save_with_ctrl_s(qtbot, d, d.level_combo)

    seen = drive(monkeypatch, qtbot, ticket_new.NewTicketDialog, take_call)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)
    tab.search.setFocus()
    qtbot.keyClick(tab.search, Qt.Key_N, Qt.ControlModifier)
    assert len(seen) == 1, "Ctrl+N did not open the new-ticket dialog"
    ticket = seen[0].saved
    assert ticket.status == "open" and ticket.fault_level == 2 and ticket.recorder == "测试员"
    assert ticket.warranty == "in"
    row = first_row(tab)
    assert (row.no, row.status, row.customer_name) == (ticket.no, "open", "杭州建工集团有限公司")
    assert tab_counts(tab)["open"] == 1 and tab_counts(tab)["all"] == 1
    assert tab.count_label.text() == "Showing 1 of 1 tickets"
    assert tab.detail.detail.id == ticket.id
    buttons = tab.detail.buttons
    assert buttons["dispatch"].isEnabled() and not buttons["visit"].isEnabled()
    assert not buttons["close"].isEnabled() and buttons["cancel"].isEnabled()

    # ---- 2. dispatch a team: 张师傅 leads, 李工 helps
    def dispatch(d: ticket_steps.DispatchDialog):
        for i in range(d.tech_list.count()):
            item = d.tech_list.item(i)
            if item.text() in ("李工", "张师傅"):
                item.setCheckState(Qt.Checked)
        d.leader_combo.setCurrentIndex(d.leader_combo.findText("张师傅"))
        d.transport.setEditText("公司车辆")
        save_with_ctrl_s(qtbot, d, d.tools)

    drive(monkeypatch, qtbot, ticket_steps.DispatchDialog, dispatch)
    buttons["dispatch"].click()
    row = first_row(tab)
    assert row.status == "dispatched" and row.technicians == "张师傅、李工"
    assert tab_counts(tab)["open"] == 0 and tab_counts(tab)["dispatched"] == 1
    assert tab.detail.detail.team[0].name == "张师傅" and tab.detail.detail.team[0].is_leader
    assert buttons["visit"].isEnabled()

    # ---- 3. the visit: arrived 1 h ago, repaired, one small repair, two warranty parts
    def visit(d: ticket_steps.VisitDialog):
        d.arrived.setText(minutes_ago(60))
        type_into(qtbot, d.diagnosis, "制动片磨损")
        type_into(qtbot, d.cause, "正常磨损")
        type_into(qtbot, d.measures, "更换制动片")
        d.result_combo.setCurrentIndex(d.result_combo.findData("done"))
        d.repair_from.setText(minutes_ago(60))
        d.repair_to.setText(minutes_ago(20))
        d.work_code.setCurrentIndex(d.work_code.findData("SMALL_REPAIR"))
        d.work_qty.setText("1")
        d.work_add.click()
        d.part_kind.setCurrentIndex(d.part_kind.findData("warranty"))
        type_into(qtbot, d.part_name, "制动片")
        d.part_qty.setValue(2)
        d.part_add.click()
        assert d.work_table.rowCount() == 1 and d.parts_table.rowCount() == 1
        # the catalog's name, never the raw code (the code is only a tooltip)
        assert d.work_code.currentText() == "小配件维修（保内保外）"
        assert d.work_code.toolTip() == "SMALL_REPAIR"
        assert d.work_table.item(0, 0).text() == "小配件维修（保内保外）"
        assert d.work_table.item(0, 0).toolTip() == "SMALL_REPAIR"
        save_with_ctrl_s(qtbot, d, d.cause)

    drive(monkeypatch, qtbot, ticket_steps.VisitDialog, visit)
    buttons["visit"].click()
    row = first_row(tab)
    assert row.status == "completed" and row.result == "done"
    assert row.sla == "met"                 # 二级: arrived 2 h after the report, limit 48 h
    assert tab_counts(tab)["completed"] == 1
    detail = tab.detail.detail
    assert [(w.code, w.quantity_x100) for w in detail.work] == [("SMALL_REPAIR", 100)]
    assert [(p.name, p.kind, p.quantity) for p in detail.parts] == [("制动片", "warranty", 2)]
    assert tab.detail.work_model.rowCount() == 1 and tab.detail.parts_model.rowCount() == 1
    wm = tab.detail.work_model
    assert wm.data(wm.index(0, 0)) == "小配件维修（保内保外）"
    assert wm.data(wm.index(0, 0), Qt.ToolTipRole) == "SMALL_REPAIR"
    lm = tab.detail.log_model
    new_col = next(i for i, c in enumerate(lm.columns) if c.key == "new")
    work_row = lm.find_row(lambda e: e.field == "work")
    assert lm.data(lm.index(work_row, new_col)) == "小配件维修（保内保外）×1"
    # repair times in the log read HH:MM like every other time
    for key in ("repair_from", "repair_to"):
        r = lm.find_row(lambda e, k=key: e.field == k)
        assert len(lm.data(lm.index(r, new_col))) == 16
    assert buttons["review"].isEnabled() and not buttons["close"].isEnabled()

    # ---- 4. the supervisor reviews, the customer signs
    def review(d: ticket_steps.ReviewDialog):
        assert d.reviewer.currentText() == "王班长"
        save_with_ctrl_s(qtbot, d, d.notes)

    drive(monkeypatch, qtbot, ticket_steps.ReviewDialog, review)
    buttons["review"].click()
    assert first_row(tab).status == "reviewed" and tab_counts(tab)["reviewed"] == 1

    def signoff(d: ticket_steps.SignoffDialog):
        assert d.signature.text() == "刘经理"             # prefilled from the ticket's contact
        save_with_ctrl_s(qtbot, d, d.signature)

    drive(monkeypatch, qtbot, ticket_steps.SignoffDialog, signoff)
    buttons["signoff"].click()
    assert tab.detail.detail.customer_signature == "刘经理"
    assert buttons["close"].isEnabled()

    # ---- 5. close (confirmed)
    monkeypatch.setattr(tab_module, "confirm", lambda *a: True)
    buttons["close"].click()
    row = first_row(tab)
    assert row.status == "closed"
    assert tab_module.row_color(row) == "green"
    assert tab_counts(tab) == {"all": 1, "open": 0, "dispatched": 0, "completed": 0, "reviewed": 0,
                               "closed": 1, "cancelled": 0}
    assert buttons["reopen"].isEnabled() and not buttons["cancel"].isEnabled()
    # every step left a line in the log the detail shows
    actions = {e.action for e in tab.detail.detail.events}
    assert {"open", "dispatch", "visit", "review", "signoff", "close"} <= actions
    assert tab.detail.log_model.rowCount() == len(tab.detail.detail.events)
    steps = tab.detail.steps
    assert steps.current == len(steps.steps) and not steps.cancelled


def test_new_ticket_shows_field_errors_and_creates_a_customer_on_the_spot(qtbot, ctx, office, monkeypatch):
    tab = TicketsTab(ctx)
    qtbot.addWidget(tab)

    def no_customer_then_new_one(d: ticket_new.NewTicketDialog):
        # saving without a caller: the error sits beside the caller box
        save = d.save_button
        save.click()
        assert d.result() != d.DialogCode.Accepted
        assert d.customer_error.isVisible() or d.customer_error.text()

        def quick(q: ticket_new.QuickCustomerDialog):
            assert q.phone.text() == "13700001234"           # the typed number carried over
            type_into(qtbot, q.name, "良渚塔吊租赁站")
            qtbot.keyClicks(q.model, "sc200")
            qtbot.keyClicks(q.serial, "HS-9001")
            q.purchase.setText("2020-01-01")
            q.save()
            assert q.result() == q.DialogCode.Accepted

        drive(monkeypatch, qtbot, ticket_new.QuickCustomerDialog, quick)
        qtbot.keyClicks(d.caller, "13700001234")
        d.new_customer_button.click()
        assert d.customer is not None and d.customer.name == "良渚塔吊租赁站"
        assert d.equipment_combo.currentData() is not None
        # bought 2020: out of warranty, and the reason says so
        assert d.warranty_badge.text() == "Out of warranty" and "到期" in d.warranty_reason.text()
        assert not d.warranty_reason.text().startswith("保外")      # the badge says it once
        # a repair needs a level: the model refuses and the form shows it beside the level
        type_into(qtbot, d.fault, "吊笼异响")
        save.click()
        assert d.result() != d.DialogCode.Accepted
        assert d.form._errors["fault_level"].text()
        d.level_combo.setCurrentIndex(d.level_combo.findData(3))
        # a manual override needs a reason
        d.override_combo.setCurrentIndex(d.override_combo.findData("in"))
        assert d.warranty_badge.text() == "Needs a reason"
        type_into(qtbot, d.override_reason, "总部特批")
        assert d.warranty_badge.text() == "In warranty"
        save.click()
        assert d.result() == d.DialogCode.Accepted

    seen = drive(monkeypatch, qtbot, ticket_new.NewTicketDialog, no_customer_then_new_one)
    tab.new_button.click()
    saved = seen[0].saved
    assert saved.customer_name == "良渚塔吊租赁站" and saved.fault_level == 3
    assert saved.warranty == "in" and "总部特批" in saved.warranty_reason
    assert tab.model.row(0).no == saved.no


def test_prefilled_new_ticket_from_another_tab(qtbot, ctx, office, monkeypatch):
    tab = TicketsTab(ctx)
    qtbot.addWidget(tab)

    def check(d: ticket_new.NewTicketDialog):
        assert d.customer.id == office["customer"]
        assert d.equipment_combo.currentData() == office["equipment"]
        # acceptance findings: no empty match list, no deadline before a level,
        # the warranty word once (badge), the reason without it
        assert d.matches.isHidden()
        assert d.deadline_label.text() == ""
        assert d.warranty_badge.text() == "In warranty"
        assert d.warranty_reason.text() and not d.warranty_reason.text().startswith(("保内", "保外"))
        d.level_combo.setCurrentIndex(d.level_combo.findData(2))
        assert "on site by" in d.deadline_label.text()
        d.level_combo.setCurrentIndex(0)
        assert d.deadline_label.text() == ""
        # the reason box of the manual decision shows its whole placeholder
        reason = d.override_reason
        assert reason.width() >= reason.fontMetrics().horizontalAdvance(reason.placeholderText())
        type_into(qtbot, d.caller, "王五")
        qtbot.waitUntil(lambda: d.matches.isVisible())
        d.reject()

    seen = drive(monkeypatch, qtbot, ticket_new.NewTicketDialog, check)
    tab.show_record("new_ticket", {"customer_id": office["customer"], "equipment_id": office["equipment"]})
    assert len(seen) == 1 and seen[0].saved is None
    assert tab.model.rowCount() == 0


def test_filters_search_overdue_colours_and_show_record(qtbot, ctx, office):
    db = ctx.db
    cid, eid = office["customer"], office["equipment"]
    old = fx.ticket(db, customer_id=cid, equipment_id=eid, no="YX2401001", status="closed",
                    reported_at="2024-01-05 09:00:00", arrived_at="2024-01-05 10:00:00",
                    completed_at="2024-01-05 12:00:00", result="done", team=(office["li"],))
    late = fx.ticket(db, customer_id=cid, equipment_id=eid, no="YX2401002", status="open",
                     reported_at="2024-01-06 09:00:00", fault_level=1)
    gone = fx.ticket(db, customer_id=cid, equipment_id=eid, no="YX2401003", status="cancelled",
                     reported_at="2024-01-07 09:00:00")
    tab = TicketsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.model.total() == 3 and tab.count_label.text() == "Showing 3 of 3 tickets"
    colours = {tab.model.row(i).no: tab_module.row_color(tab.model.row(i)) for i in range(3)}
    # 一级 open since 2024: overdue (red, with the word); closed green; cancelled grey
    assert colours == {"YX2401001": "green", "YX2401002": "red", "YX2401003": "grey"}
    sla_col = next(i for i, c in enumerate(tab.model.columns) if c.key == "sla")
    assert tab.model.data(tab.model.index(tab.model.find_row(lambda r: r.id == late), sla_col)) == "Overdue"

    tab.overdue_check.setChecked(True)
    assert [tab.model.row(i).no for i in range(tab.model.rowCount())] == ["YX2401002"]
    assert tab.count_label.text() == "Showing 1 of 3 tickets"
    tab.overdue_check.setChecked(False)

    tab.tech_combo.setCurrentIndex(tab.tech_combo.findData(office["li"]))
    assert tab.model.total() == 1 and tab.model.row(0).id == old
    tab.tech_combo.setCurrentIndex(0)

    tab.status_tabs.setCurrentIndex(STATUS_GROUPS.index("cancelled"))
    assert tab.model.total() == 1 and tab.model.row(0).id == gone
    assert tab_counts(tab)["all"] == 3
    tab.status_tabs.setCurrentIndex(0)

    # search (debounced) by 2 characters of the customer name, then a serial part
    type_into(qtbot, tab.search, "建工")
    qtbot.waitUntil(lambda: tab.model.total() == 3)
    tab.search.clear()
    qtbot.keyClicks(tab.search, "YX2401003")
    qtbot.waitUntil(lambda: tab.model.total() == 1)
    assert tab.model.row(0).id == gone

    # sorting by number is done by the database
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.total() == 3)
    no_col = next(i for i, c in enumerate(tab.model.columns) if c.key == "no")
    tab.view.horizontalHeader().setSortIndicator(no_col, Qt.AscendingOrder)
    tab._on_header_clicked(no_col)
    assert [tab.model.row(i).no for i in range(3)] == ["YX2401001", "YX2401002", "YX2401003"]

    # another tab asks to show a ticket that the current filter hides
    tab.status_tabs.setCurrentIndex(STATUS_GROUPS.index("closed"))
    tab.show_record("ticket", "YX2401002")
    assert tab.detail.detail.no == "YX2401002"
    assert tab.current_row().id == late
    assert tab.detail.sla_badge.text() == "Overdue"


def test_cancel_asks_reason_and_reopen(qtbot, ctx, office, monkeypatch):
    db = ctx.db
    ticket = T.open_ticket(db, T.TicketInput("repair", "hotline", office["customer"], office["equipment"],
                                             fault="异响", fault_level=3), "测试员")
    tab = TicketsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.detail.detail.id == ticket.id
    monkeypatch.setattr(ticket_steps, "confirm", lambda *a: True)

    def cancel(d: ticket_steps.ReasonDialog):
        save_attempt = d.save_button
        save_attempt.click()                                  # no reason: refused beside the field
        assert d.result() != d.DialogCode.Accepted and d.form._errors["reason"].text()
        type_into(qtbot, d.reason, "客户自行解决")
        save_with_ctrl_s(qtbot, d, d.reason)

    drive(monkeypatch, qtbot, ticket_steps.ReasonDialog, cancel)
    tab.detail.buttons["cancel"].click()
    row = tab.model.row(0)
    assert row.status == "cancelled" and tab_module.row_color(row) == "grey"
    assert tab.detail.steps.cancelled and tab.detail.detail.cancel_reason == "客户自行解决"

    def reopen(d: ticket_steps.ReasonDialog):
        type_into(qtbot, d.reason, "客户再次来电")
        save_with_ctrl_s(qtbot, d, d.reason)

    drive(monkeypatch, qtbot, ticket_steps.ReasonDialog, reopen)
    tab.detail.buttons["reopen"].click()
    assert tab.model.row(0).status == "open"
    assert tab_counts(tab)["cancelled"] == 0


def test_print_and_preview_call_the_printing_helper(qtbot, ctx, office, monkeypatch):
    ticket = T.open_ticket(ctx.db, T.TicketInput("repair", "hotline", office["customer"], office["equipment"],
                                                 fault="异响", fault_level=3), "测试员")
    tab = TicketsTab(ctx)
    qtbot.addWidget(tab)
    calls = []
    import servicedesk.ui.printing.dialogs as printing

    monkeypatch.setattr(printing, "print_tickets", lambda parent, c, nos: calls.append(("print", list(nos))))
    monkeypatch.setattr(printing, "preview_ticket", lambda parent, c, no: calls.append(("preview", no)))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: calls.append(("message",)))
    tab.print_button.click()
    tab.preview_button.click()
    assert calls == [("print", [ticket.no]), ("preview", ticket.no)]


def test_visit_dialog_picks_parts_from_the_master_and_quotes_paid_service(qtbot, ctx, office):
    """Out of warranty: 2 bought 制动片 at 120.00 from the parts master, transport 80.00,
    1 labour day at 200.00 -> cost 240.00 + 80.00 + 200.00 = 520.00;
    quote = 520.00 x 1.15 (tax) x 1.40 (management) = 837.20 yuan = 83 720 fen."""
    from servicedesk.models.parts import ledger as P

    db = ctx.db
    P.add_part(db, P.PartInput("P-1001", "制动片", spec="QTZ80", price_fen=120_00))
    P.receive(db, "P-1001", 5, who="测试员", at="2020-01-01 08:00:00")
    old_eq = fx.equipment(db, office["customer"], "SC200", "HS-2019", purchase_date="2019-01-01")
    ticket = T.open_ticket(db, T.TicketInput("repair", "hotline", office["customer"], old_eq,
                                             fault="吊笼异响", fault_level=3), "测试员")
    assert ticket.warranty == "out"
    T.dispatch(db, ticket.id, T.DispatchInput([office["li"]]), "测试员")
    d = ticket_steps.VisitDialog(ctx, T.get_ticket(db, ticket.id))
    qtbot.addWidget(d)
    assert d.part_kind.currentData() == "bought"              # out of warranty: the customer buys
    assert d.work_code.currentData() == "SMALL_REPAIR"        # the usual work of a repair
    completer = d.part_code.completer()
    assert completer is not None and completer.model().rowCount() == 1
    # the picker's placeholder fits its box (the long hint is the tooltip)
    d.show()
    qtbot.waitExposed(d)
    box = d.part_code
    assert box.placeholderText() == "Part code or name…" and "as you type" in box.toolTip()
    assert box.width() >= box.fontMetrics().horizontalAdvance(box.placeholderText()) + 12
    completer.activated.emit(completer.model().index(0, 0).data())
    qtbot.waitUntil(lambda: d.part_name.text() == "制动片")
    assert d.part_code.text() == "P-1001" and d.part_price.text() == "120.00"
    d.part_qty.setValue(2)
    d.part_add.click()
    d.q_transport.setText("80")
    d.q_labour.setValue(1)
    assert d.quote_total.text() == "Cost 520.00, quote 837.20 yuan"
    d.result_combo.setCurrentIndex(d.result_combo.findData("done"))
    d.save()
    errors = {k: e.text() for k, e in d.form._errors.items() if e.text()}
    assert d.result() == d.DialogCode.Accepted, errors
    saved = d.result_detail
    assert [(p.part_code, p.kind, p.quantity, p.unit_price_fen) for p in saved.parts] == [
        ("P-1001", "bought", 2, 120_00)]
    assert saved.quote.applies and saved.quote.total_fen == 83_720
    assert P.balance_of(db, "P-1001") == 3                    # the visit issued 2 from stock


def test_new_ticket_dialog_tab_order_follows_the_call(qtbot, ctx, office):
    d = ticket_new.NewTicketDialog(ctx)
    qtbot.addWidget(d)
    order, w = [], d.caller
    for _ in range(12):
        order.append(w)
        w = w.nextInFocusChain()
        while not (w.focusPolicy() & Qt.TabFocus) or w.isHidden():
            w = w.nextInFocusChain()
    expected = [d.caller, d.matches, d.new_customer_button, d.equipment_combo, d.exclusion_combo,
                d.override_combo, d.override_reason, d.type_combo, d.channel_combo, d.fault, d.level_combo]
    assert order[:len(expected)] == expected


def test_correct_the_intake_keeps_number_and_logs_old_new(qtbot, ctx, office, monkeypatch):
    db = ctx.db
    ticket = T.open_ticket(db, T.TicketInput("repair", "hotline", office["customer"], office["equipment"],
                                             fault="异响", fault_level=3, recorder="前台"), "前台")
    tab = TicketsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.detail.buttons["edit"].isEnabled()

    def correct(d: ticket_new.NewTicketDialog):
        assert d.customer.id == office["customer"] and d.fault.toPlainText() == "异响"
        assert d.level_combo.currentData() == 3
        d.level_combo.setCurrentIndex(d.level_combo.findData(1))      # it is worse than first told
        save_with_ctrl_s(qtbot, d, d.fault)

    drive(monkeypatch, qtbot, ticket_new.NewTicketDialog, correct)
    tab.detail.buttons["edit"].click()
    detail = tab.detail.detail
    assert detail.no == ticket.no and detail.fault_level == 1 and detail.recorder == "前台"
    change = [e for e in detail.events if e.action == "update" and e.field == "fault_level"]
    assert [(c.old, c.new) for c in change] == [("3", "1")]
    assert tab.model.row(0).fault_level == 1


def test_buttons_show_shortcuts_and_visit_tables_stretch_the_names(qtbot, ctx, office):
    from PySide6.QtWidgets import QHeaderView

    tab = TicketsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.new_button.text() == "New ticket (Ctrl+N)" and "Ctrl+N" in tab.new_button.toolTip()
    assert tab.print_button.text() == "Print (Ctrl+P)" and "Ctrl+P" in tab.print_button.toolTip()
    assert tab.sheet_button.text() == "Import / Export"

    db = ctx.db
    ticket = T.open_ticket(db, T.TicketInput("repair", "hotline", office["customer"], office["equipment"],
                                             fault="吊笼异响", fault_level=3), "测试员")
    T.dispatch(db, ticket.id, T.DispatchInput([office["li"]]), "测试员")
    d = ticket_steps.VisitDialog(ctx, T.get_ticket(db, ticket.id))
    qtbot.addWidget(d)
    work, parts = d.work_table.horizontalHeader(), d.parts_table.horizontalHeader()
    assert work.sectionResizeMode(0) == QHeaderView.Stretch            # 工作内容, not 数量
    assert work.sectionResizeMode(1) == QHeaderView.ResizeToContents
    assert parts.sectionResizeMode(2) == QHeaderView.Stretch           # 名称, not 合计
    assert parts.sectionResizeMode(6) == QHeaderView.ResizeToContents
    assert d.repair_from.edit.placeholderText() == "YYYY-MM-DD HH:MM"   # a format, not a real-looking time


def test_new_ticket_after_dashboard_search_is_listed_selected_and_printed(qtbot, ctx, office, monkeypatch):
    """Acceptance finding: opening a ticket from the dashboard puts its number in
    the search box; a new ticket made next must be in the list and selected, and
    Print must print the ticket the detail shows."""
    db = ctx.db
    old = T.open_ticket(db, T.TicketInput("repair", "hotline", office["customer"], office["equipment"],
                                          fault="旧故障", fault_level=3), "测试员")
    tab = TicketsTab(ctx)
    qtbot.addWidget(tab)
    tab.status_tabs.setCurrentIndex(STATUS_GROUPS.index("closed"))   # old one not listed here
    tab.show_record("ticket", old.no)
    assert tab.search.text() == old.no
    assert [r.no for r in tab.selected_rows()] == [old.no] and tab.detail.detail.no == old.no

    def fake_exec(self):
        self.saved = T.open_ticket(db, T.TicketInput("repair", "hotline", office["customer"],
                                                     office["equipment"], fault="新故障", fault_level=2),
                                   "测试员")
        return 1

    monkeypatch.setattr(ticket_new.NewTicketDialog, "exec", fake_exec)
    tab.new_ticket()
    new_no = tab.detail.detail.no
    assert new_no != old.no
    assert tab.search.text() == ""
    assert [r.no for r in tab.selected_rows()] == [new_no]
    assert tab.current_row().no == new_no

    calls = []
    import servicedesk.ui.printing.dialogs as printing

    monkeypatch.setattr(printing, "print_tickets", lambda parent, c, nos: calls.append(list(nos)))
    tab.print_selected()
    # detail and highlight forced apart: Print follows the detail
    tab._select_row(tab.model.find_row(lambda r: r.no == old.no))
    tab.detail.show_ticket(T.get_ticket(db, new_no))
    tab.print_selected()
    assert calls == [[new_no], [new_no]]


def test_warranty_reason_drops_the_verdict_word_the_badge_shows():
    assert ticket_new.reason_without_verdict("保外：已于 2025-06-07 到期") == "已于 2025-06-07 到期"
    assert ticket_new.reason_without_verdict("保内: 购机 12 个月内") == "购机 12 个月内"
    assert ticket_new.reason_without_verdict("人工判定：保外") == "人工判定：保外"
