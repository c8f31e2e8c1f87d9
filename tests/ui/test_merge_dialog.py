"""The merge dialog (issue 16), driven offscreen: duplicates listed, the plan
shown, confirmed once, everything moved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from servicedesk.models.archive import customers as C
from servicedesk.ui.customers.merge_dialog import MergeCustomersDialog
from tests import factories as F


def test_merge_dialog_lists_duplicates_and_merges_after_confirming(qtbot, ctx, monkeypatch):
    keep = F.customer(ctx.db, name="杭州建工集团有限公司", phone="13812345678")
    drop = F.customer(ctx.db, name="杭州建工集团", phone="13812345678")       # same phone
    F.customer(ctx.db, name="宁波路桥", phone="13957412233")                   # not a duplicate
    F.equipment(ctx.db, drop, serial_no="T-9")
    dialog = MergeCustomersDialog(ctx, C.get_customer(ctx.db, keep))
    qtbot.addWidget(dialog)
    assert dialog.candidates.count() == 1 and "杭州建工集团" in dialog.candidates.item(0).text()
    assert not dialog.merge_button.isEnabled()
    dialog.candidates.setCurrentRow(0)
    assert dialog.merge_button.isEnabled()
    assert dialog.preview.text() == "Moves 1 equipment, 0 tickets and 0 follow-up calls to 杭州建工集团有限公司."
    # The clerk says No: nothing happens.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    qtbot.mouseClick(dialog.merge_button, Qt.LeftButton)
    assert C.get_customer(ctx.db, drop).merged_into is None
    # Yes: merged, the signal carries what moved.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    with qtbot.waitSignal(dialog.merged) as signal:
        qtbot.mouseClick(dialog.merge_button, Qt.LeftButton)
    assert signal.args[0].equipment == 1
    assert C.get_customer(ctx.db, drop).merged_into == keep
    assert C.get_customer(ctx.db, keep).equipment_count == 1
    rec = ctx.db.execute("SELECT recorder FROM customer_merges").fetchone()[0]
    assert rec   # the clerk (or the OS login) is recorded


def test_merge_dialog_search_finds_any_customer_by_pinyin(qtbot, ctx):
    keep = F.customer(ctx.db, name="王建国", phone="13812345678")
    F.customer(ctx.db, name="宁波路桥", phone="13957412233")
    dialog = MergeCustomersDialog(ctx, C.get_customer(ctx.db, keep))
    qtbot.addWidget(dialog)
    assert dialog.candidates.count() == 0
    dialog.search.setText("nblq")
    dialog._fill()
    assert dialog.candidates.count() == 1 and "宁波路桥" in dialog.candidates.item(0).text()
    dialog.search.setText("wjg")          # only the customer itself: never offered
    dialog._fill()
    assert dialog.candidates.count() == 0
