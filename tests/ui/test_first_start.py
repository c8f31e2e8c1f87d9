"""The first start (issue 13): the wizard asks the office, the clerk, the PIN and
the backup folder, and the clerk's name — not the OS login — is the 记录人.

Driven offscreen with qtbot on real data files: a fresh file needs the
wizard; each page refuses what is wrong, naming the field, and lets nothing
through; Finish writes everything at once; the clerk then signs the ticket
history and the printed form.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from servicedesk.models.core import settings as S
from servicedesk.models.core.first_start import OfficeSetup, apply_setup, needs_first_start
from servicedesk.ui.context import AppContext
from servicedesk.ui.setup.first_start import EMPTY, FirstStartWizard


@pytest.fixture
def wizard(qtbot, db, db_path, qapp):
    w = FirstStartWizard(db, db_path)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _page_errors(wizard) -> dict[str, str]:
    page = wizard.currentPage()
    return {k: e.text() for k, e in page.errors.items() if e.isVisible()}


def _fill(wizard, office="杭州服务部", dept="HZ", clerks="林芳、何静", pin="2468", again="2468", folder=""):
    wizard.office.setText(office)
    wizard.dept.setText(dept)
    wizard.clerks.setText(clerks)
    wizard.pin.setText(pin)
    wizard.pin_again.setText(again)
    wizard.backup_folder.setText(folder)


def test_a_fresh_file_needs_the_first_start(db):
    assert needs_first_start(db)
    apply_setup(db, OfficeSetup("杭州服务部", "HZ", ["林芳"]))
    assert not needs_first_start(db)


def test_the_wizard_writes_office_clerk_pin_and_backup_folder(wizard, db, tmp_path):
    from servicedesk.models.pay.month import pin_is_set

    _fill(wizard, folder=str(tmp_path / "备份 U盘"))
    wizard.clerk.setCurrentText("何静")            # the second clerk works today
    for _ in range(4):
        wizard.next()
    assert wizard.currentPage().title() == wizard.tr("How to begin")
    wizard.choice_buttons[EMPTY].setChecked(True)
    wizard.accept()
    assert wizard.result() == QWizard.Accepted
    assert S.get_setting(db, "office.name") == "杭州服务部"
    assert S.get_setting(db, "office.department_code") == "HZ"
    assert S.get_setting(db, S.CLERK) == "何静"
    assert S.clerk_names(db) == ["何静", "林芳"]       # the one working now first
    assert S.get_setting(db, "backup.folder") == str(tmp_path / "备份 U盘")
    assert pin_is_set(db)
    assert not needs_first_start(db)
    assert wizard.start_choice() == EMPTY


@pytest.mark.parametrize("field, values, english", [
    ("office", {"office": ""}, "office"),
    ("dept", {"dept": "h-z"}, "department"),
    ("clerks", {"clerks": " 、 "}, "clerk"),
])
def test_each_page_refuses_what_is_wrong_naming_the_field(wizard, db, field, values, english):
    _fill(wizard, **values)
    pages = {"office": 0, "dept": 0, "clerks": 1}
    for _ in range(pages[field]):
        wizard.next()
    start = wizard.currentId()
    wizard.next()
    assert wizard.currentId() == start            # stays on the page
    errors = _page_errors(wizard)
    assert list(errors) == [field] and errors[field]
    assert needs_first_start(db)                  # nothing written yet


def test_two_different_pins_stop_at_the_pin_page(wizard, db):
    from servicedesk.models.pay.month import pin_is_set

    _fill(wizard, pin="2468", again="2469")
    wizard.next()
    wizard.next()
    start = wizard.currentId()
    wizard.next()
    assert wizard.currentId() == start
    assert "pin_again" in _page_errors(wizard)
    assert not pin_is_set(db)


def test_the_clerk_not_the_os_login_signs_the_history(db, db_path, qapp):
    import getpass

    from servicedesk.models.tickets import lifecycle as T
    from tests import factories as fx

    apply_setup(db, OfficeSetup("杭州服务部", "HZ", ["林芳", "何静"], clerk="林芳"))
    ctx = AppContext(db=db, db_path=db_path)       # no user given: the file's clerk
    assert ctx.user == "林芳" != getpass.getuser()
    cid = fx.customer(db, "杭州建工集团有限公司", "13812345678", contact="刘经理")
    eid = fx.equipment(db, cid, "QTZ80", "TC-2024-001")
    ticket = T.open_ticket(db, T.TicketInput("repair", "hotline", cid, eid, fault="主卷扬异响", fault_level=2),
                           ctx.user)
    who = [row[0] for row in db.execute("SELECT who FROM ticket_events WHERE ticket_id = ?", [ticket.id])]
    assert who and set(who) == {"林芳"}


def test_the_clerk_picker_changes_who_signs(qtbot, db, db_path, qapp, monkeypatch):
    from servicedesk.ui.setup import clerk_picker

    apply_setup(db, OfficeSetup("杭州服务部", "HZ", ["林芳", "何静"], clerk="林芳"))
    ctx = AppContext(db=db, db_path=db_path)

    def choose(dialog):
        dialog.names.setCurrentText("何静")
        clerk_picker.ClerkPicker.accept(dialog)
        return clerk_picker.ClerkPicker.Accepted

    monkeypatch.setattr(clerk_picker.ClerkPicker, "exec", choose)
    assert clerk_picker.pick_clerk(ctx)
    assert ctx.user == "何静" and S.get_setting(db, S.CLERK) == "何静"
    assert AppContext(db=db, db_path=db_path).user == "何静"     # the next start too
