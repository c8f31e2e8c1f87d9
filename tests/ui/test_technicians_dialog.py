"""服务人员档案 driven like the clerk: add, correct, deactivate, then dispatch to them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from servicedesk.models.tickets import technicians as TM
from servicedesk.models.tickets import lifecycle as T
from servicedesk.ui.settings import technicians_dialog as module
from servicedesk.ui.tickets.step_dialogs import DispatchDialog
from servicedesk.ui.settings.technicians_dialog import TechniciansDialog
from tests import factories as fx


@pytest.fixture
def changed(ctx):
    kinds: list[str] = []
    ctx.data_changed = kinds.append
    return kinds


def _dialog(qtbot, ctx) -> TechniciansDialog:
    dialog = TechniciansDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _new_ticket(ctx) -> T.TicketDetail:
    cid = fx.customer(ctx.db, "杭州建工集团有限公司", "13812345678")
    eid = fx.equipment(ctx.db, cid, "QTZ80", "TC-2024-001")
    tid = fx.ticket(ctx.db, customer_id=cid, equipment_id=eid, status="open", no="YX2610001")
    return T.get_ticket(ctx.db, tid)


def test_add_a_technician_with_inline_errors_then_dispatch_to_them(qtbot, ctx, changed):
    dialog = _dialog(qtbot, ctx)
    assert dialog.stack.currentWidget() is dialog.empty          # fresh file: says what to do
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    edit = dialog.current_dialog
    assert edit is not None
    qtbot.waitExposed(edit)
    edit.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is edit)   # focus moves need it
    edit.phone.setFocus()
    qtbot.keyClicks(edit.phone, "12a")
    edit.name.setFocus()                                           # leaving the field checks it
    assert "is not a phone number" in edit.form.message("phone")
    qtbot.mouseClick(edit.save_button, Qt.LeftButton)
    assert edit.form.message("name") == "Name is required."        # beside the field, nothing saved
    assert TM.list_technicians(ctx.db) == []

    edit.name.insert("李志强")
    edit.phone.clear()
    qtbot.keyClicks(edit.phone, "13905710002")
    qtbot.keyClicks(edit.salary, "3200")
    qtbot.keyClick(edit.name, Qt.Key_S, Qt.ControlModifier)        # Ctrl+S saves
    assert dialog.current_dialog is None
    [tech] = TM.list_technicians(ctx.db)
    assert (tech.name, tech.phone, tech.role, tech.base_salary_fen, tech.active) == \
        ("李志强", "13905710002", "technician", 320000, True)
    assert changed == ["technicians"]
    assert dialog.model.rowCount() == 1 and dialog.model.data(dialog.model.index(0, 3)) == "3200.00"

    # the dispatch dialog of a new ticket lists them; no "nobody" hint any more
    dispatch = DispatchDialog(ctx, _new_ticket(ctx))
    qtbot.addWidget(dispatch)
    names = [dispatch.tech_list.item(i).text() for i in range(dispatch.tech_list.count())]
    assert names == ["李志强"]
    assert dispatch.no_tech_hint.isHidden()


def test_supervisor_gets_the_settings_base_salary_and_names_stay_unique(qtbot, ctx, changed):
    fx.technician(ctx.db, "王建军")
    dialog = _dialog(qtbot, ctx)
    dialog.add()
    edit = dialog.current_dialog
    edit.name.insert("王建军")
    edit.save()
    assert "already in the register" in edit.form.message("name")
    edit.name.clear()
    edit.name.insert("赵主管")
    edit.role.setCurrentIndex(edit.role.findData("supervisor"))
    assert "2640.00" in edit.salary.placeholderText()              # says what blank means
    edit.save()
    boss = TM.find_technician(ctx.db, "赵主管")
    assert boss.role == "supervisor" and boss.base_salary_fen == 264000   # DOMAIN: 2640 yuan default
    assert dialog.model.rowCount() == 2


def test_deactivate_asks_and_hides_them_from_dispatch(qtbot, ctx, changed, monkeypatch):
    tid = fx.technician(ctx.db, "张师傅")
    dialog = _dialog(qtbot, ctx)
    asked: list[str] = []
    monkeypatch.setattr(module, "confirm", lambda _p, title, _t: asked.append(title) or True)
    assert dialog.active_button.text() == "Deactivate…"
    dialog.toggle_active()
    assert asked == ["Deactivate"] and not TM.get_technician(ctx.db, tid).active
    assert dialog.model.data(dialog.model.index(0, 4)) == "Left (inactive)"
    assert dialog.active_button.text() == "Reactivate…"
    assert changed == ["technicians"]

    dispatch = DispatchDialog(ctx, _new_ticket(ctx))
    qtbot.addWidget(dispatch)
    assert dispatch.techs == []
    assert not dispatch.no_tech_hint.isHidden()                    # tells how to add one
    assert "Technicians…" in dispatch.no_tech_hint.text()

    dialog.toggle_active()
    assert asked == ["Deactivate", "Reactivate"] and TM.get_technician(ctx.db, tid).active


def test_dispatch_dialog_opens_the_register_and_refills(qtbot, ctx, monkeypatch):
    dispatch = DispatchDialog(ctx, _new_ticket(ctx))
    qtbot.addWidget(dispatch)
    assert not dispatch.no_tech_hint.isHidden()

    def fake_exec(self):
        fx.technician(ctx.db, "陈工")
        return 0

    monkeypatch.setattr(TechniciansDialog, "exec", fake_exec)
    dispatch.register_button.click()
    assert [t.name for t in dispatch.techs] == ["陈工"] and dispatch.no_tech_hint.isHidden()


def test_settings_menu_has_the_register(qtbot, ctx):
    from servicedesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.settings_menu.actions()]
    assert "&Technicians…" in texts
