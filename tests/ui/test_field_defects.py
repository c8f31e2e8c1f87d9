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


# ---- the rest of issue 13's field defects -----------------------------------------
def _dispatched_ticket(ctx, **visit):
    """A level-2 repair reported an hour ago, dispatched to 李工."""
    from servicedesk.models.tickets import lifecycle as T

    db = ctx.db
    cid, eid = _office(ctx)
    tech = fx.technician(db, "李工")
    reported = (_dt.datetime.now() - _dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    ticket = T.open_ticket(db, T.TicketInput("repair", "hotline", cid, eid, fault="主卷扬异响", fault_level=2,
                                             reported_at=reported), "测试员")
    T.dispatch(db, ticket.id, T.DispatchInput([tech]), "测试员")
    return T.get_ticket(db, ticket.id)


def _in(hours: float) -> str:
    return (_dt.datetime.now() + _dt.timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M")


def test_part_completer_lists_whole_lines_not_the_width_of_its_box(qtbot, ctx):
    from servicedesk.models.parts import ledger as P
    from servicedesk.ui.tickets.step_dialogs import VisitDialog

    P.add_part(ctx.db, P.PartInput("P-1001", "起升机构制动器总成", spec="YWZ-300/45 QTZ80 专用"))
    d = VisitDialog(ctx, _dispatched_ticket(ctx))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    completer = d.part_code.completer()
    line = completer.model().index(0, 0).data()
    assert line.startswith("P-1001 — 起升机构制动器总成 YWZ-300/45 QTZ80 专用")
    popup = completer.popup()
    # the box is narrow; its list is as wide as the whole line (plus the scroll bar)
    assert d.part_code.width() < popup.fontMetrics().horizontalAdvance(line)
    assert popup.minimumWidth() >= popup.fontMetrics().horizontalAdvance(line) + \
        popup.verticalScrollBar().sizeHint().width()
    d.part_code.setText("制动")
    completer.setCompletionPrefix("制动")
    completer.complete()
    qtbot.waitUntil(popup.isVisible)
    assert popup.width() >= popup.minimumWidth()
    assert popup.geometry().right() <= popup.screen().availableGeometry().right()


def test_a_future_arrival_or_completion_is_refused_at_entry_naming_the_field(ctx):
    import pytest

    from servicedesk.models.core.errors import ValidationError
    from servicedesk.models.tickets import lifecycle as T

    ticket = _dispatched_ticket(ctx)
    now = _in(0)
    with pytest.raises(ValidationError) as exc:
        T.record_visit(ctx.db, ticket.id, T.VisitInput(arrived_at=_in(24)), "测试员")
    assert exc.value.field == "arrived_at" and exc.value.english.startswith(f"Arrival time {_in(24)} is in the future")
    with pytest.raises(ValidationError) as exc:
        T.record_visit(ctx.db, ticket.id, T.VisitInput(arrived_at=now, result="done", repair_from=now,
                                                       repair_to=now, completed_at=_in(2)), "测试员")
    assert exc.value.field == "completed_at" and "Completion time" in exc.value.english
    with pytest.raises(ValidationError) as exc:
        T.record_visit(ctx.db, ticket.id, T.VisitInput(arrived_at=now, repair_from=now, repair_to=_in(3)), "测试员")
    assert exc.value.field == "repair_to"
    assert T.get_ticket(ctx.db, ticket.id).arrived_at is None      # nothing of the refused visits was kept
    # a PC clock a few minutes behind another one is not "the future"
    done = T.record_visit(ctx.db, ticket.id, T.VisitInput(arrived_at=_in(0.1), result="done"), "测试员")
    assert done.status == "completed"


def test_the_visit_dialog_shows_the_future_arrival_beside_its_field(qtbot, ctx):
    from servicedesk.models.core.messages import set_display_language
    from servicedesk.ui.tickets.step_dialogs import VisitDialog

    d = VisitDialog(ctx, _dispatched_ticket(ctx))
    qtbot.addWidget(d)
    d.show()
    d.arrived.setText(_in(48))
    d.save()
    assert d.result_detail is None and d.isVisible()
    assert d.form.message("arrived_at").startswith(f"Arrival time {_in(48)} is in the future")
    previous = set_display_language("zh_CN")
    try:
        d.save()
        assert d.form.message("arrived_at").startswith(f"到场时间 {_in(48)} 还没有到")
    finally:
        set_display_language(previous)


def test_the_command_line_refuses_a_future_arrival_too(cli, ctx, db_path):
    ticket = _dispatched_ticket(ctx)
    code, _out, err = cli("ticket", "visit", ticket.no, "--arrived", _in(30), "--db", str(db_path))
    assert code == 1 and f"Arrival time {_in(30)} is in the future" in err


def _month_with_open_dispute(ctx) -> str:
    from servicedesk.models.pay import month as P

    month = _dt.date.today().strftime("%Y-%m")
    tech = fx.technician(ctx.db, "张师傅")
    P.set_pin(ctx.db, "2468")
    P.raise_dispute(ctx.db, month, tech, "adjustment", "考勤少算一天", who="测试员")
    return month


def test_an_open_dispute_stops_the_approval_before_the_pin_is_asked(qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from servicedesk.ui.pay.pin_dialog import PinDialog

    month = _month_with_open_dispute(ctx)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    shown = []
    monkeypatch.setattr(PinDialog, "show", lambda self: shown.append(self))
    d = PinDialog(ctx, month, "approve")
    qtbot.addWidget(d)
    assert d.exec() == PinDialog.Rejected
    assert shown == [] and not d.isVisible()                      # no PIN field was ever shown
    assert said == [f"1 disputed line(s) in {month} have no outcome yet: record the outcomes before approving."]


def test_approve_month_names_the_dispute_even_with_a_wrong_pin(ctx):
    import pytest

    from servicedesk.models.core.errors import StateError
    from servicedesk.models.pay import month as P

    month = _month_with_open_dispute(ctx)
    with pytest.raises(StateError) as exc:
        P.approve_month(ctx.db, month, "0000")
    assert exc.value.field == "disputes"
    # the refusal is about the dispute: no wrong-PIN attempt was logged
    assert [e.action for e in P.list_log(ctx.db, month)].count("pin_refused") == 0


def test_the_manager_is_jingli_and_the_supervisor_zhuguan_in_every_translation():
    """经理 approves pay with the PIN; 主管 is the supervisor who dispatches and reviews."""
    from pathlib import Path

    import servicedesk

    folder = Path(servicedesk.__file__).parent / "resources" / "translations"
    pairs = []
    for path in [*folder.glob("zh_CN.d/*.tsv"), *folder.glob("messages_zh_CN/*.tsv"), folder / "cli_zh_CN.tsv"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line and not line.startswith("#"):
                pairs.append((path.name, *line.split("\t", 1)))
    about_the_pin = [(f, en, zh) for f, en, zh in pairs
                     if ("PIN" in en or "manager" in en.lower()) and "regional" not in en.lower()
                     and "supervisor" not in en.lower()]
    assert about_the_pin and not [p for p in about_the_pin if "主管" in p[2]]
    manager = [p for p in about_the_pin if "manager" in p[1].lower()]
    assert manager and all("经理" in zh for _f, _en, zh in manager), [p for p in manager if "经理" not in p[2]]
    supervisor = [(f, en, zh) for f, en, zh in pairs if "supervisor" in en.lower()]
    assert supervisor and not [p for p in supervisor if "经理" in p[2]]
