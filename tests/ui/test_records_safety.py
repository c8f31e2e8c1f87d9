"""Issue 17 in the dialogs: two windows, one record — the later save is refused and offers Reload;
deleting asks first and offers 停用, and a record with history can only be deactivated."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from servicedesk.models.archive import customers as C
from servicedesk.models.parts import ledger as P
from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.tickets import technicians as TM
from servicedesk.ui.customers.customer_dialog import CustomerDialog
from servicedesk.ui.customers.equipment_dialog import EquipmentDialog
from servicedesk.ui.parts.part_dialog import PartDialog
from servicedesk.ui.settings.technicians_dialog import TechnicianEditDialog, TechniciansDialog
from servicedesk.ui.tickets.new_dialog import NewTicketDialog
from tests import factories as F


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


class _Answers:
    """Stands in for the Reload / Keep my typing question; records what it was shown."""

    def __init__(self, reload: bool):
        self.reload, self.shown = reload, []

    def __call__(self, exc):
        self.shown.append(exc)
        return self.reload


def test_customer_dialog_refuses_a_stale_save_and_reloads_on_request(qtbot, ctx):
    cid = F.customer(ctx.db, name="张三", phone="13812345678")
    window_a = _shown(qtbot, CustomerDialog(ctx, C.get_customer(ctx.db, cid)))
    # Window B (another dialog) stores a new phone meanwhile.
    window_b = _shown(qtbot, CustomerDialog(ctx, C.get_customer(ctx.db, cid)))
    window_b.phone.setText("13900000009")
    qtbot.mouseClick(window_b.save_button, Qt.LeftButton)
    assert C.get_customer(ctx.db, cid).phone == "13900000009"

    window_a.address.setText("文三路100号")
    window_a.confirm_reload = keep = _Answers(reload=False)
    qtbot.mouseClick(window_a.save_button, Qt.LeftButton)
    assert window_a.isVisible() and window_a.address.text() == "文三路100号"   # typed form kept
    assert "was changed by 测试员" in keep.shown[0].english and keep.shown[0].changes == ["Phone"]
    stored = C.get_customer(ctx.db, cid)
    assert (stored.phone, stored.address) == ("13900000009", "")              # nothing set back

    window_a.confirm_reload = _Answers(reload=True)
    qtbot.mouseClick(window_a.save_button, Qt.LeftButton)
    assert window_a.isVisible() and window_a.phone.text() == "13900000009"    # the stored values
    window_a.address.setText("文三路100号")
    qtbot.mouseClick(window_a.save_button, Qt.LeftButton)                      # now it goes through
    assert not window_a.isVisible()
    stored = C.get_customer(ctx.db, cid)
    assert (stored.phone, stored.address) == ("13900000009", "文三路100号")


def test_the_conflict_question_names_who_and_offers_reload(qtbot, ctx):
    cid = F.customer(ctx.db, name="张三")
    eid = F.equipment(ctx.db, cid, serial_no="T-1")
    dialog = _shown(qtbot, EquipmentDialog(ctx, C.get_customer(ctx.db, cid), C.get_equipment(ctx.db, eid)))
    eq = C.get_equipment(ctx.db, eid)
    C.update_equipment(ctx.db, eid, C.EquipmentInput(customer_id=cid, model=eq.model, serial_no="T-1",
                                                     invoice_no="FP-7"), who="小李")
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "conflict_question"
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        box.defaultButton().click()                          # Reload is the default

    QTimer.singleShot(0, answer)
    dialog.notes.setPlainText("新备注")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert "changed by 小李" in seen["text"] and "Invoice number" in seen["text"]
    assert seen["buttons"] == ["Reload", "Keep my typing"]
    assert dialog.isVisible() and dialog.invoice_no.text() == "FP-7" and dialog.notes.toPlainText() == ""


def test_part_and_technician_dialogs_refuse_a_stale_save(qtbot, ctx):
    part = P.add_part(ctx.db, P.PartInput(code="P-1001", name="接触器", price_fen=1000))
    dialog = _shown(qtbot, PartDialog(ctx, part))
    P.update_part(ctx.db, part.id, P.PartInput(code="P-1001", name="接触器", price_fen=1200), "小李")
    dialog.name.setText("交流接触器")
    dialog.confirm_reload = asked = _Answers(reload=True)
    dialog.save()
    assert asked.shown and dialog.isVisible() and dialog.price.text() == "12.00"
    assert P.get_part(ctx.db, part.id).name == "接触器"

    tid = TM.add_technician(ctx.db, TM.TechnicianInput("王建军", "13905710001")).id
    edit = _shown(qtbot, TechnicianEditDialog(ctx, TM.get_technician(ctx.db, tid)))
    TM.set_active(ctx.db, tid, False, who="主管")
    edit.phone.setText("13905710009")
    edit.confirm_reload = asked = _Answers(reload=False)
    edit.save()
    assert "changed by 主管" in asked.shown[0].english and edit.isVisible()
    assert TM.get_technician(ctx.db, tid).phone == "13905710001"


def test_ticket_intake_correction_refuses_a_stale_save(qtbot, ctx):
    cid = F.customer(ctx.db)
    eid = F.equipment(ctx.db, cid, serial_no="T-1")
    ticket = T.open_ticket(ctx.db, T.TicketInput("repair", "hotline", cid, eid, fault="起升无动作", fault_level=2,
                                                 reported_at="2026-11-03 09:00:00"), "内勤")
    dialog = _shown(qtbot, NewTicketDialog(ctx, ticket=T.get_ticket(ctx.db, ticket.id)))
    T.update_ticket(ctx.db, ticket.id, T.TicketInput("repair", "hotline", cid, eid, fault="起升无动作",
                                                     fault_level=1, reported_at="2026-11-03 09:00:00"), "小李")
    dialog.fault.setPlainText("起升无动作，有异响")
    dialog.confirm_reload = asked = _Answers(reload=True)
    dialog.save()
    assert asked.shown and "Fault level" in asked.shown[0].changes
    assert dialog.isVisible() and dialog.level_combo.currentData() == 1 and dialog.fault.toPlainText() == "起升无动作"
    assert T.get_ticket(ctx.db, ticket.id).fault == "起升无动作"


def test_new_ticket_picker_leaves_out_deactivated_customers_and_units(qtbot, ctx):
    cid = F.customer(ctx.db, name="杭州建工集团有限公司")
    old = F.equipment(ctx.db, cid, serial_no="OLD-1")
    new = F.equipment(ctx.db, cid, serial_no="NEW-1")
    C.set_equipment_active(ctx.db, old, False)
    gone = F.customer(ctx.db, name="杭州旧客户", phone="13800000002")
    C.set_customer_active(ctx.db, gone, False)
    dialog = _shown(qtbot, NewTicketDialog(ctx))
    dialog.caller.setText("杭州")
    dialog._search()
    rows = [dialog.matches.item(i).text() for i in range(dialog.matches.count())]
    assert len(rows) == 1 and "杭州建工" in rows[0] and "OLD-1" not in rows[0]
    dialog._choose_customer(cid)
    units = [dialog.equipment_combo.itemData(i) for i in range(dialog.equipment_combo.count())]
    assert units == [new, None]
    with pytest.raises(Exception, match="is deactivated: reactivate it to open a ticket"):
        T.open_ticket(ctx.db, T.TicketInput("repair", "hotline", cid, old, fault_level=2), "内勤")


def test_deleting_a_technician_asks_and_offers_deactivate(qtbot, ctx):
    used = TM.add_technician(ctx.db, TM.TechnicianInput("王建军")).id
    typo = TM.add_technician(ctx.db, TM.TechnicianInput("王建君")).id
    cid = F.customer(ctx.db)
    F.ticket(ctx.db, customer_id=cid, team=(used,))
    dialog = _shown(qtbot, TechniciansDialog(ctx))
    asked = []

    def answer(pick):
        def ask(parent, title, text, options):
            asked.append((text, [key for key, _ in options]))
            return pick
        return ask

    import servicedesk.ui.record_actions as RA
    original = RA.choose
    try:
        # With history: only 停用 is offered, the question says why.
        dialog.table.setCurrentIndex(dialog.model.index(next(
            i for i in range(dialog.model.rowCount()) if dialog.model.row(i).id == used), 0))
        RA.choose = answer("deactivate")
        dialog.delete()
        assert asked[-1] == ("Technician 王建军 has 1 ticket: it cannot be deleted, deactivate it instead.",
                             ["deactivate"])
        assert TM.get_technician(ctx.db, used).active is False
        # Without history: Delete or 停用; Cancel keeps it.
        dialog.table.setCurrentIndex(dialog.model.index(next(
            i for i in range(dialog.model.rowCount()) if dialog.model.row(i).id == typo), 0))
        RA.choose = answer(None)
        dialog.delete()
        assert asked[-1][1] == ["delete", "deactivate"] and TM.get_technician(ctx.db, typo).active
        RA.choose = answer("delete")
        dialog.delete()
        assert [t.id for t in TM.list_technicians(ctx.db)] == [used]
    finally:
        RA.choose = original


def test_delete_question_defaults_to_cancel(qtbot, ctx):
    from servicedesk.ui.record_actions import choose

    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        seen["default"] = box.defaultButton().text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        box.escapeButton().click()

    QTimer.singleShot(0, answer)
    picked = choose(None, "Delete", "Delete it?", [("delete", "Delete"), ("deactivate", "Deactivate (停用)")])
    assert picked is None and seen["default"] == "Cancel"
    assert sorted(seen["buttons"]) == sorted(["Delete", "Deactivate (停用)", "Cancel"])


def test_a_step_dialog_refuses_a_ticket_changed_since_it_opened(qtbot, ctx):
    """The review dialog of a completed ticket; meanwhile another window signs it off."""
    import datetime as _dt

    from servicedesk.ui.tickets.step_dialogs import ReviewDialog

    cid = F.customer(ctx.db, name="张三", phone="13812345678")
    eid = F.equipment(ctx.db, cid, "QTZ80", "T2025-0101")
    tech = F.technician(ctx.db, "李工")
    an_hour_ago = (_dt.datetime.now() - _dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    ticket = T.open_ticket(ctx.db, T.TicketInput("repair", "hotline", cid, eid, fault="异响", fault_level=2,
                                                 reported_at=an_hour_ago), "测试员")
    T.dispatch(ctx.db, ticket.id, T.DispatchInput([tech]), "测试员")
    T.record_visit(ctx.db, ticket.id, T.VisitInput(arrived_at=an_hour_ago, result="done", repair_from=an_hour_ago,
                                                   repair_to=an_hour_ago, completed_at=an_hour_ago), "测试员")
    dialog = _shown(qtbot, ReviewDialog(ctx, T.get_ticket(ctx.db, ticket.id)))
    T.record_signoff(ctx.db, ticket.id, "满意", "王立新", an_hour_ago, who="何静")     # the other window
    dialog.reviewer.setCurrentText("周主管")
    dialog.confirm_reload = asked = _Answers(reload=True)
    dialog.save()
    assert dialog.isVisible() and asked.shown and "何静" in asked.shown[0].english
    assert T.get_ticket(ctx.db, ticket.id).status == "completed"          # not reviewed over the change
    dialog.save()                                                         # reloaded: the next save goes in
    assert T.get_ticket(ctx.db, ticket.id).status == "reviewed"


@pytest.mark.parametrize("key, expected", [(Qt.Key_Escape, (False, False, None)), (Qt.Key_Return, (False, True, None))])
def test_the_real_questions_default_to_the_safe_answer(qtbot, qapp, key, expected):
    """Esc and Enter on the three questions: Keep editing, Reload (Enter) / Keep (Esc), Cancel."""
    from servicedesk.models.core.errors import ConflictError
    from servicedesk.ui.form_dialog import ask_discard, ask_reload
    from servicedesk.ui.record_actions import choose

    def press():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            qtbot.keyClick(box, key)
        else:
            QTimer.singleShot(20, press)

    answers = []
    for question in (lambda: ask_discard(None),
                     lambda: ask_reload(None, ConflictError("Customer 张三", "何静", "2026-12-07 09:00", ["Phone"])),
                     lambda: choose(None, "删除", "删除？", [("delete", "删除"), ("deactivate", "停用")])):
        QTimer.singleShot(20, press)
        answers.append(question())
    assert tuple(answers) == expected
