"""The field defects seen when the program was tried as a new clerk would (issue 13)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from servicedesk.ui.tickets import new_dialog as ticket_new
from tests import factories as fx


def _office(ctx):
    db = ctx.db
    cid = fx.customer(db, "杭州建工集团有限公司", "13812345678", contact="刘经理")
    eid = fx.equipment(db, cid, "QTZ80", "TC-2024-001",
                       purchase_date=(_dt.date.today() - _dt.timedelta(days=100)).isoformat())
    return cid, eid


def test_fresh_new_ticket_dialog_does_not_squash_the_warranty_lines(qtbot, ctx):
    d = ticket_new.NewTicketDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    for widget in (d.exclusion_combo, d.override_combo, d.override_reason):
        assert widget.height() >= widget.sizeHint().height(), type(widget).__name__
    # the three lines stack: exclusion under the verdict, override under the exclusion
    assert d.exclusion_combo.y() >= d.warranty_badge.geometry().bottom()
    assert d.override_combo.y() >= d.exclusion_combo.geometry().bottom()


def test_level_message_goes_away_when_a_level_is_picked(qtbot, ctx):
    cid, eid = _office(ctx)
    d = ticket_new.NewTicketDialog(ctx, prefill={"customer_id": cid, "equipment_id": eid})
    qtbot.addWidget(d)
    d.show()
    d.fault.setPlainText("主卷扬异响")
    d.save()
    assert d.saved is None and d.form.message("fault_level")      # 须填写故障等级
    d.level_combo.setCurrentIndex(d.level_combo.findData(2))
    assert d.form.message("fault_level") == ""


def test_picking_a_customer_with_one_machine_moves_on_to_the_fault(qtbot, ctx):
    cid, eid = _office(ctx)
    d = ticket_new.NewTicketDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    qtbot.keyClicks(d.caller, "1381234")
    qtbot.waitUntil(lambda: d.matches.count() == 1 and d.matches.item(0).data(Qt.UserRole))
    qtbot.keyClick(d.caller, Qt.Key_Return)
    assert d.equipment_combo.currentData() == eid
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (d.fault, d.fault.viewport()))


def test_picking_a_customer_with_several_machines_asks_which(qtbot, ctx):
    cid, _eid = _office(ctx)
    fx.equipment(ctx.db, cid, "QTZ125", "TC-2024-002")
    d = ticket_new.NewTicketDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    d._choose_customer(cid)             # a customer-level match (not one of its serials)
    qtbot.waitUntil(d.equipment_combo.hasFocus)


def test_follow_up_list_under_a_search_says_nothing_matches(qtbot, ctx):
    from servicedesk.ui.followups.tab import FollowupsTab

    tab = FollowupsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert "No calls are due" in tab.empty.text()
    tab.search.setText("张三丰")                  # the search reloads after a short pause
    qtbot.waitUntil(lambda: "张三丰" in tab.empty.text())
    assert tab.empty.isVisible()
    assert "张三丰" in tab.empty.text() and "No calls are due" not in tab.empty.text()


def test_stock_count_and_dispatch_dialogs_are_not_cramped(qtbot, ctx):
    from servicedesk.ui.parts.count_dialog import StartCountDialog

    d = StartCountDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    assert d.width() >= 440
    assert d.location.width() >= d.location.fontMetrics().horizontalAdvance(d.location.placeholderText())
