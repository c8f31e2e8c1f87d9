"""The PIN and audit side of the window, offscreen: 修改经理密码, 操作日志 (filter, export),
restore and the settings dialog asking the manager PIN."""

from __future__ import annotations

from openpyxl import load_workbook

from servicedesk.models.core import audit as A
from servicedesk.models.core import pin as PIN
from servicedesk.models.core import settings as S
from tests.reliability.test_gui import boxes  # noqa: F401 (the message-box catcher fixture)


def test_change_pin_dialog_sets_then_needs_the_old_pin(ctx, qtbot):
    from servicedesk.ui.settings.pin_dialogs import ChangePinDialog

    first = ChangePinDialog(ctx)
    qtbot.addWidget(first)
    assert first.old is None                                   # none set yet: new PIN twice only
    first.new.setText("2468")
    first.new2.setText("2469")
    first.accept()
    assert not PIN.pin_is_set(ctx.db) and first.form._errors["pin2"].text()
    first.new2.setText("2468")
    first.accept()
    assert PIN.verify_pin(ctx.db, "2468")
    change = ChangePinDialog(ctx)
    qtbot.addWidget(change)
    change.old.setText("1111")
    change.new.setText("13579")
    change.new2.setText("13579")
    change.accept()                                            # wrong current PIN: beside that field
    assert "Wrong PIN" in change.form._errors["old_pin"].text() and PIN.verify_pin(ctx.db, "2468")
    change.old.setText("2468")
    change.accept()
    assert PIN.verify_pin(ctx.db, "13579")
    assert [e.action for e in A.list_entries(ctx.db)][-2:] == ["pin_set", "pin_change"]


def test_audit_viewer_filters_and_exports(ctx, qtbot, tmp_path):
    from servicedesk.ui.settings.audit_dialog import AuditLogDialog

    S.set_setting(ctx.db, "warranty.months", 24)
    S.set_setting(ctx.db, "ticket.due_soon_minutes", 10)
    dialog = AuditLogDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 3).text() == "ticket.due_soon_minutes"      # newest first
    assert dialog.table.editTriggers() == dialog.table.EditTrigger.NoEditTriggers
    dialog.filter.setText("warranty")
    dialog.reload()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 5).text() == "24"
    out = tmp_path / "audit.xlsx"
    dialog.export(str(out))
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("时间", "操作人", "操作") and rows[1][2:] == ("setting", "warranty.months", "12", "24")
    dialog.grab().save(str(tmp_path / "audit.png"))


def test_settings_dialog_asks_the_pin_for_a_pay_rate(ctx, qtbot, monkeypatch, boxes):
    from servicedesk.ui.settings import pin_dialogs
    from servicedesk.ui.settings import settings_dialog as SD

    PIN.set_pin(ctx.db, "2468")
    asked = []
    monkeypatch.setattr(SD, "ask_manager_pin",
                        lambda c, parent, text, with_month=False: asked.append(text) or ("2468", None))
    dialog = SD.SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    values = dialog.values()
    monkeypatch.setattr(dialog, "values", lambda: {**values, "pay.rate_per_hour_fen": 40_00})
    dialog.save()
    assert asked and "pay.rate_per_hour_fen" in asked[0]
    assert S.get_setting(ctx.db, "pay.rate_per_hour_fen") == 40_00
    assert any(e.target.startswith("pay.rate_per_hour_fen from") for e in A.list_entries(ctx.db))
    assert pin_dialogs.ManagerPinPrompt(ctx, "x", with_month=True).month.text() == S.now_iso()[:7]


def test_menu_has_the_manager_entries_and_restore_asks_the_pin(ctx, qtbot, boxes, monkeypatch, tmp_path):
    from servicedesk.ui.main_window import MainWindow
    from servicedesk.ui.settings import pin_dialogs

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    names = {a.objectName() for a in window.settings_menu.actions()}
    assert {"action_change_pin", "action_audit_log"} <= names
    from servicedesk.ui.settings.audit_dialog import AuditLogDialog

    opened = []   # each entry opens its dialog (imported when first opened)
    monkeypatch.setattr(pin_dialogs.ChangePinDialog, "exec", lambda self: opened.append(type(self).__name__))
    monkeypatch.setattr(AuditLogDialog, "exec", lambda self: opened.append(type(self).__name__))
    actions = {a.objectName(): a for a in window.settings_menu.actions()}
    actions["action_change_pin"].trigger()
    actions["action_audit_log"].trigger()
    assert opened == ["ChangePinDialog", "AuditLogDialog"]
    backup = tmp_path / "copy.sqlite3"
    backup.write_bytes(b"")
    monkeypatch.setattr(pin_dialogs, "ask_manager_pin", lambda *a, **k: ("1234", None))
    assert not pin_dialogs.confirm_restore_pin(ctx, window, backup)    # no PIN set: refused, said
    assert "Set the manager PIN first" in boxes[-1][2] or "经理密码" in boxes[-1][2]
    PIN.set_pin(ctx.db, "1234")
    assert pin_dialogs.confirm_restore_pin(ctx, window, backup)


def test_a_base_salary_change_asks_the_pin_and_the_month(ctx, qtbot, monkeypatch):
    from servicedesk.models.tickets import technicians as TM
    from servicedesk.ui.settings import pin_dialogs
    from servicedesk.ui.settings.technicians_dialog import TechnicianEditDialog

    PIN.set_pin(ctx.db, "2468")
    tech = TM.add_technician(ctx.db, TM.TechnicianInput("王建军", base_salary_fen=3000_00))
    asked = []
    monkeypatch.setattr(pin_dialogs, "ask_manager_pin",
                        lambda *a, **k: asked.append(k) or ("2468", None))
    dialog = TechnicianEditDialog(ctx, tech)
    qtbot.addWidget(dialog)
    dialog.salary.setText("3300.00")
    dialog.save()
    assert asked == [{"with_month": True}]
    assert TM.get_technician(ctx.db, tech.id).base_salary_fen == 3300_00
    entry = A.list_entries(ctx.db, action="technician_base_salary")[-1]
    assert (entry.old, entry.new) == ("300000", "330000")
