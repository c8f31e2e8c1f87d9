"""The follow-ups tab driven the way the clerk uses it (qtbot, offscreen)."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import Qt

from servicedesk.models.followups import calls as F
from servicedesk.ui.followups import tab as followups_tab
from servicedesk.ui.followups.call_dialog import RecordCallDialog
from tests import factories as f


def _ts(moment: _dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat(sep=" ")


@pytest.fixture
def due_call(db):
    """A ticket closed yesterday: its satisfaction call (16 h) is overdue now."""
    now = _dt.datetime.now()
    c = f.customer(db, "杭州建工集团有限公司", "13812345678", dealer="浙江恒力机械")
    e = f.equipment(db, c)
    t = f.ticket(db, customer_id=c, equipment_id=e, no="YX2611009", status="closed",
                 reported_at=_ts(now - _dt.timedelta(days=2)), completed_at=_ts(now - _dt.timedelta(days=1, hours=2)),
                 closed_at=_ts(now - _dt.timedelta(days=1)), result="done")
    F.schedule_for_ticket(db, t)
    return db.execute("SELECT id FROM followups WHERE ticket_id = ? AND kind = 'satisfaction'", [t]).fetchone()[0]


def _auto_dialog(qtbot, fill):
    class AutoDialog(RecordCallDialog):
        def exec(self):  # the clerk fills the form and presses Save
            self.show()
            fill(self)
            self.save()
            return self.result()
    return AutoDialog


def test_record_a_reached_call_from_the_tab(ctx, qtbot, due_call, monkeypatch):
    tab = followups_tab.FollowupsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.model.rowCount() == 1
    row = tab.model.row(0)
    assert row.id == due_call and row.phone == "13812345678" and row.overdue
    assert tab._state_text(row) in ("Overdue today", "Overdue 1 d")

    def fill(dialog):  # (no nested QTest mouse events inside the outer click)
        dialog.sat_buttons["satisfied"].click()
        dialog.usage.setText("运行正常")
        dialog.office_opinion.setText("师傅很专业")

    monkeypatch.setattr(followups_tab, "RecordCallDialog", _auto_dialog(qtbot, fill))
    opened = []
    ctx.open = lambda kind, key: opened.append((kind, key))
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.record_btn, Qt.LeftButton)
    fu = F.get_followup(ctx.db, due_call)
    assert fu.status == "done"
    call = fu.calls[-1]
    assert (call.reached, call.satisfaction, call.usage, call.office_opinion, call.caller) == (
        True, "satisfied", "运行正常", "师傅很专业", "测试员")
    # done calls leave the due list
    assert tab.model.rowCount() == 0 and tab.empty.isVisibleTo(tab)
    tab.view_combo.setCurrentIndex(tab.VIEWS.index("done"))
    assert tab.model.row(0).id == due_call
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.history_btn, Qt.LeftButton)
    assert opened[-1][0] == "equipment"


def test_not_reached_moves_the_call_and_missing_answer_is_shown(ctx, qtbot, due_call, monkeypatch):
    dialog = RecordCallDialog(ctx, F.get_followup(ctx.db, due_call))
    qtbot.addWidget(dialog)
    dialog.show()
    # reached but no satisfaction chosen: the error shows beside the field, nothing saved
    dialog.save()
    assert dialog.form._errors["satisfaction"].isVisibleTo(dialog)
    assert F.get_followup(ctx.db, due_call).calls == []
    # nobody answered: one click turns the answers off, Save logs the attempt
    qtbot.mouseClick(dialog.reached_no, Qt.LeftButton)
    assert not dialog.usage.isEnabled()
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    fu = F.get_followup(ctx.db, due_call)
    tomorrow = (_dt.date.today() + _dt.timedelta(days=1)).isoformat()
    assert (fu.status, fu.attempts, fu.due_from) == ("pending", 1, f"{tomorrow} 00:00:00")
    assert dialog.outcome.rescheduled_to == f"{tomorrow} 00:00:00"


def test_show_record_selects_the_followup(ctx, qtbot, due_call):
    tab = followups_tab.FollowupsTab(ctx)
    qtbot.addWidget(tab)
    tab.show_record("followup", str(due_call))
    assert tab.selected().id == due_call
    assert "138 1234 5678" in tab.detail.toPlainText()
    tab.pages.setCurrentIndex(1)
    assert tab.plan_model.rowCount() == 0


def test_state_words_by_calendar_day_and_count_unit(ctx, qtbot, due_call):
    tab = followups_tab.FollowupsTab(ctx)
    qtbot.addWidget(tab)
    tab._now = "2026-11-25 10:00:00"
    # due yesterday 23:59:59 -> 1 calendar day overdue; 3 days ago -> 3
    assert tab._due_words("2026-11-24 23:59:59", True) == "Overdue 1 d"
    assert tab._due_words("2026-11-22 23:59:59", True) == "Overdue 3 d"
    assert tab._due_words("2026-11-25 08:00:00", True) == "Overdue today"
    # window open, due later: never plain "Due"
    assert tab._due_words("2026-11-25 23:59:59", False) == "Due today"
    assert tab._due_words("2026-11-29 23:59:59", False) == "Due in 4 d"
    assert tab.count_label.text() == "Showing 1 of 1 follow-ups"
    # the customer column takes the spare width; the last column is not stretched
    header = tab.table.horizontalHeader()
    keys = [c.key for c in tab.model.columns]
    assert header.sectionResizeMode(keys.index("customer_name")) == header.ResizeMode.Stretch
    assert not header.stretchLastSection()


def test_no_written_in_the_complaint_box_opens_no_complaint_ticket(ctx, qtbot, due_call):
    """Issue 16: a clerk writes 否 in 投诉内容 for "no complaint"."""
    tickets_before = ctx.db.execute("SELECT count(*) FROM tickets").fetchone()[0]
    dialog = RecordCallDialog(ctx, F.get_followup(ctx.db, due_call))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sat_buttons["satisfied"].setChecked(True)
    dialog.complaint.setPlainText("否")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    (call,) = F.get_followup(ctx.db, due_call).calls
    assert call.complaint == "" and call.complaint_ticket_no == ""
    assert ctx.db.execute("SELECT count(*) FROM tickets").fetchone()[0] == tickets_before
