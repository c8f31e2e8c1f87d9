"""The customer archive tab driven the way the clerk uses it: type, click, read the table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from servicedesk.models.archive import customers as C
from servicedesk.ui.customers.tab import CustomersTab
from tests import factories as F


@pytest.fixture
def tab(ctx, qtbot):
    opened: list[tuple[str, object]] = []
    statuses: list[str] = []
    ctx.open = lambda kind, key: opened.append((kind, key))
    ctx.status = statuses.append
    widget = CustomersTab(ctx)
    widget.opened, widget.statuses = opened, statuses
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_text(widget, text: str) -> None:
    """Type like a keyboard/IME does, one character per key event.

    (QTest.keyClicks only knows ASCII; Chinese comes from the input method.)
    """
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_unknown, Qt.NoModifier, ch))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyRelease, Qt.Key_unknown, Qt.NoModifier, ch))


def _cell(model, row: int, column: int) -> str:
    return model.index(row, column).data()


def _search(qtbot, tab, text: str) -> None:
    tab.search.clear()
    type_text(tab.search, text)
    # the list follows the typing after a short pause (debounced)
    qtbot.waitUntil(lambda: tab._query == text.strip(), timeout=2000)


def test_add_customer_and_equipment_then_find_by_part_of_the_phone(tab, ctx, qtbot):
    F.customer(ctx.db, name="张三", phone="13812345678")
    tab.reload()
    assert tab.count_label.text() == "Showing 1 of 1 customers"

    qtbot.mouseClick(tab.new_button, Qt.LeftButton)
    dialog = tab.current_dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.name, "宁波路桥工程有限公司")
    type_text(dialog.contact, "李明")
    type_text(dialog.phone, "+86 139 5741 2233")
    type_text(dialog.address, "浙江省宁波市鄞州区天童南路1号")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert not dialog.isVisible()
    saved = C.find_customer(ctx.db, "宁波路桥工程有限公司")
    assert saved.phone == "13957412233"            # +86 and spaces dropped
    assert tab.current_customer.id == saved.id     # the new customer is selected
    assert tab.statuses[-1] == "Saved customer 宁波路桥工程有限公司"

    qtbot.mouseClick(tab.add_eq_button, Qt.LeftButton)
    eq_dialog = tab.current_dialog
    type_text(eq_dialog.model.lineEdit(), "qtz80")
    type_text(eq_dialog.serial_no, "T2609-0001")
    type_text(eq_dialog.purchase_date, "2026/2/10")
    type_text(eq_dialog.acceptance_date, "2026-03-01")
    qtbot.mouseClick(eq_dialog.save_button, Qt.LeftButton)
    assert not eq_dialog.isVisible()

    # the phone rings: the clerk types the last digits she hears
    _search(qtbot, tab, "2233")
    assert tab.model.rowCount() == 1
    assert _cell(tab.model, 0, 0) == "宁波路桥工程有限公司"
    assert _cell(tab.model, 0, 2) == "139 5741 2233"          # stored 13957412233, shown grouped
    assert _cell(tab.model, 0, 5) == "1"                       # one unit
    assert tab.count_label.text() == "Showing 1 of 2 customers"
    assert tab.eq_model.rowCount() == 1
    assert _cell(tab.eq_model, 0, 0) == "QTZ80"                # model code upper-cased
    assert _cell(tab.eq_model, 0, 1) == "T2609-0001"
    # 12 months from acceptance 2026-03-01 -> last day 2027-02-28; in warranty while that is ahead
    eq = C.find_equipment(ctx.db, "QTZ80", "T2609-0001")
    assert (eq.purchase_date, eq.acceptance_date) == ("2026-02-10", "2026-03-01")
    decision = tab.eq_model.row(0).warranty
    assert decision.end == "2027-02-28"
    text = _cell(tab.eq_model, 0, 5)
    assert text == ("In warranty until 2027-02-28" if decision.in_warranty
                    else "Out of warranty since 2027-02-28")
    assert decision.reason in tab.warranty_label.text()

    # part of the number with a dash, and a name of two characters, find it too
    _search(qtbot, tab, "139-5741")
    assert [_cell(tab.model, r, 0) for r in range(tab.model.rowCount())] == ["宁波路桥工程有限公司"]
    _search(qtbot, tab, "张三")
    assert [_cell(tab.model, r, 0) for r in range(tab.model.rowCount())] == ["张三"]


def test_bad_phone_shows_inline_message_and_saves_nothing(tab, ctx, qtbot):
    qtbot.keyClick(tab, Qt.Key_N, Qt.ControlModifier)           # Ctrl+N
    dialog = tab.current_dialog
    assert dialog is not None
    type_text(dialog.name, "王五")
    type_text(dialog.phone, "1395741223")                 # 10 digits
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.isVisible()
    # The reason from libphonenumber's rules, then how a number is written.
    assert dialog.form.message("phone").startswith(
        '"1395741223" is not a phone number: a mobile number has 11 digits, this one has 10.')
    assert dialog.form.message("name") == ""
    assert C.count_customers(ctx.db) == 0
    # fixing it clears the message and saves
    dialog.phone.clear()
    type_text(dialog.phone, "0571-88886666转806")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert not dialog.isVisible()
    assert C.find_customer(ctx.db, "王五").phone == "0571-88886666-806"


def test_missing_name_is_marked_beside_the_field(tab, ctx, qtbot):
    tab.new_customer()
    dialog = tab.current_dialog
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.form.message("name") == "Enter the name of the unit or the person."
    assert C.count_customers(ctx.db) == 0


def test_possible_duplicate_is_shown_before_saving(tab, ctx, qtbot):
    F.customer(ctx.db, name="杭州建工集团有限公司", phone="13812345678")
    tab.reload()
    tab.new_customer()
    dialog = tab.current_dialog
    type_text(dialog.name, "杭州建工")
    type_text(dialog.phone, "13900000000")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.isVisible() and dialog.duplicates.isVisible()
    assert "杭州建工集团有限公司" in dialog.duplicates.text()
    assert dialog.save_button.text() == "Save anyway"
    assert C.count_customers(ctx.db) == 1          # nothing saved on the first click
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert not dialog.isVisible()
    assert C.count_customers(ctx.db) == 2


def test_equipment_dialog_marks_every_problem_and_saves_nothing(tab, ctx, qtbot):
    cid = F.customer(ctx.db, name="张三", phone="13812345678")
    F.equipment(ctx.db, cid, model="QTZ80", serial_no="T1")
    tab.show_record("customer", cid)
    tab.add_equipment()
    d = tab.current_dialog
    type_text(d.model.lineEdit(), "QTZ80")
    type_text(d.serial_no, "t1")                     # same plate as T1
    type_text(d.factory_date, "2026-05-01")
    type_text(d.purchase_date, "2026-04-30")         # before the factory date
    type_text(d.acceptance_date, "2026-02-30")       # no such day
    qtbot.mouseClick(d.save_button, Qt.LeftButton)
    assert d.isVisible()
    assert d._forms["serial_no"].message("serial_no") == \
        "Serial no T1 of model QTZ80 is already registered (customer 张三)."
    assert d._forms["purchase_date"].message("purchase_date") == (
        "Purchase date 2026-04-30 is before Factory date 2026-05-01. "
        "The order is factory ≤ purchase ≤ acceptance; delivery between factory and acceptance.")
    assert d._forms["acceptance_date"].message("acceptance_date").startswith("Not a date.")
    assert len(C.equipment_for_customer(ctx.db, cid)) == 1
    d.reject()
    assert tab.current_dialog is None


def test_show_record_history_and_new_ticket(tab, ctx, qtbot):
    cid = F.customer(ctx.db, name="张三", phone="13812345678")
    F.customer(ctx.db, name="李四", phone="13800000000")
    e1 = F.equipment(ctx.db, cid, model="QTZ63", serial_no="A1")
    e2 = F.equipment(ctx.db, cid, model="QTZ80", serial_no="B2", acceptance_date="2025-12-01")
    F.ticket(ctx.db, customer_id=cid, equipment_id=e2, no="YX2601001", reported_at="2026-01-05 09:00:00",
             fault="起升无力", status="open")
    tab.on_data_changed("customers")
    tab.show_record("equipment", e2)
    assert tab.current_customer.id == cid
    current = tab._current_equipment().equipment
    assert current.id == e2
    assert tab.history_model.rowCount() == 1
    assert _cell(tab.history_model, 0, 1) == "Ticket"
    assert _cell(tab.history_model, 0, 2) == "维修 YX2601001 · 待派工"
    tab.history_table.doubleClicked.emit(tab.history_model.index(0, 2))
    assert tab.opened[-1] == ("ticket", "YX2601001")
    qtbot.mouseClick(tab.ticket_button, Qt.LeftButton)
    assert tab.opened[-1] == ("new_ticket", {"customer_id": cid, "equipment_id": e2})
    # the other unit has no history yet: the pane says so
    tab.show_record("equipment", e1)
    assert tab.history_stack.currentWidget() is tab.history_empty


def test_empty_archive_explains_what_to_do(tab, qtbot):
    assert tab.list_stack.currentWidget() is tab.list_empty
    assert tab.list_empty.text().startswith("No customers yet.")
    assert tab.count_label.text() == "Showing 0 of 0 customers"
    assert not tab.edit_button.isEnabled() and not tab.add_eq_button.isEnabled()
    _search(qtbot, tab, "无此人")
    assert "无此人" in tab.list_empty.text()


def test_enter_edits_and_delete_asks_first(tab, ctx, qtbot, monkeypatch):
    cid = F.customer(ctx.db, name="张三", phone="13812345678")
    tab.reload()
    tab.show_record("customer", cid)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key_F, Qt.ControlModifier)     # Ctrl+F: to the search box
    assert tab.search.hasFocus()
    qtbot.keyClick(tab.search, Qt.Key_Down)                      # Down: back to the list
    assert tab.table.hasFocus()
    qtbot.keyClick(tab.table, Qt.Key_Return)
    dialog = tab.current_dialog
    assert dialog is not None and dialog.name.text() == "张三"
    dialog.contact.setText("张经理")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert C.get_customer(ctx.db, cid).contact == "张经理"

    answers = []
    monkeypatch.setattr("servicedesk.ui.record_actions.choose", lambda *a: answers.append(a) or None)
    qtbot.mouseClick(tab.delete_button, Qt.LeftButton)
    assert len(answers) == 1 and C.count_customers(ctx.db) == 1      # said Cancel: kept
    monkeypatch.setattr("servicedesk.ui.record_actions.choose", lambda *a: "delete")
    qtbot.mouseClick(tab.delete_button, Qt.LeftButton)
    assert C.count_customers(ctx.db) == 0
    assert tab.list_stack.currentWidget() is tab.list_empty


def test_long_list_is_paged(tab, ctx, qtbot):
    # 1 200 customers: the first page (500) is loaded, the count says all of them
    stamp = "2026-01-01 08:00:00"
    with ctx.db.conn:
        ctx.db["customers"].insert_all(
            {"name": f"客户{i:04d}", "phone": f"139{i:08d}", "created_at": stamp, "updated_at": stamp}
            for i in range(1200))
    tab.reload()
    assert tab.model.rowCount() == 500
    assert tab.count_label.text() == "Showing 1 200 of 1 200 customers"
    tab.model.fetchMore()
    assert tab.model.rowCount() == 1000


def _workbook(path, header, rows):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(header)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return str(path)


def test_import_and_export_run_off_the_gui_thread(tab, ctx, qtbot, tmp_path):
    good = _workbook(tmp_path / "good.xlsx", ["用户姓名/单位", "联系电话"],
                     [["宁波路桥工程有限公司", "13957412233"], ["张三", "0571-88886666"]])
    tab.start_job("import", "customers", good)
    qtbot.waitUntil(lambda: tab.job is None, timeout=10_000)
    assert tab.statuses[-1] == "Imported 2 rows from good.xlsx: 2 new, 0 updated"
    assert tab.count_label.text() == "Showing 2 of 2 customers"

    bad = _workbook(tmp_path / "bad.xlsx", ["name", "phone"], [["王五", "13957412233"], ["赵六", "12a"]])
    tab.start_job("import", "customers", bad)
    qtbot.waitUntil(lambda: tab.job is None, timeout=10_000)
    box = tab.last_message
    assert box is not None and box.windowTitle() == "Nothing was imported"
    assert 'row 3, column 联系电话: "12a" is not a phone number' in box.detailedText()
    assert C.count_customers(ctx.db) == 2          # all or nothing: 王五 was not written either
    box.close()

    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    tab.start_job("import", "customers", str(broken))
    qtbot.waitUntil(lambda: tab.job is None, timeout=10_000)
    assert "not a readable Excel workbook" in tab.last_message.text()
    tab.last_message.close()

    out = tmp_path / "out.xlsx"
    tab.start_job("export", "customers", str(out))
    qtbot.waitUntil(lambda: tab.job is None, timeout=10_000)
    assert out.exists() and tab.statuses[-1] == f"Exported 2 rows to {out}"


def test_warranty_column_shows_the_whole_words_with_the_reason_as_tooltip(tab, ctx, qtbot):
    cid = F.customer(ctx.db, name="张三")
    F.equipment(ctx.db, cid, model="QTZ80", serial_no="T1", acceptance_date="2020-01-01")
    tab.show_record("customer", cid)
    qtbot.waitUntil(lambda: tab.eq_model.rowCount() == 1, timeout=2000)
    column = next(i for i, c in enumerate(tab.eq_model.columns) if c.key == "warranty")
    text = tab.eq_model.index(0, column).data()
    assert text == "Out of warranty since 2020-12-31"   # 12 months from 2020-01-01
    # the column is at least as wide as its longest text needs: nothing elided ("since 20…")
    assert tab.eq_table.columnWidth(column) >= tab.eq_table.sizeHintForColumn(column)
    assert tab.eq_table.columnWidth(column) >= tab.eq_table.fontMetrics().horizontalAdvance(text)
    tooltip = tab.eq_model.index(0, column).data(Qt.ToolTipRole)
    assert tooltip == tab.eq_model.row(0).warranty.reason and tooltip


def test_import_export_button_has_room_for_its_text_and_menu_arrow(tab):
    from PySide6.QtWidgets import QPushButton, QStyle

    button = tab.sheet_button
    assert isinstance(button, QPushButton) and button.menu() is not None
    assert [a.text() for a in button.menu().actions() if a.text()][0] == "Import customers from Excel…"
    arrow = button.style().pixelMetric(QStyle.PM_MenuButtonIndicator, None, button)
    text = button.fontMetrics().horizontalAdvance(button.text())
    assert button.width() >= text + arrow + 8, (button.width(), text, arrow)
    assert button.width() >= button.sizeHint().width()


def test_delete_offers_only_deactivate_for_a_customer_with_history(tab, ctx, monkeypatch):
    """A customer with a unit cannot be deleted: the question names the unit and offers 停用 only."""
    from servicedesk.ui import record_actions

    cid = F.customer(ctx.db, name="杭州建工集团有限公司", phone="13812345678")
    F.equipment(ctx.db, cid, "QTZ80", "TC-2024-001")
    asked = []

    def answer(parent, title, text, options):
        asked.append((text, [key for key, _label in options]))
        return "deactivate"

    monkeypatch.setattr(record_actions, "choose", answer)
    tab._show_customer(cid)
    tab.delete_customer()
    text, options = asked[0]
    assert options == ["deactivate"] and "1" in text
    assert C.get_customer(ctx.db, cid).active is False            # kept, with its history
    loner = F.customer(ctx.db, name="绍兴个人客户", phone="13900000001")
    monkeypatch.setattr(record_actions, "choose", lambda *a: asked.append(a[3]) or "delete")
    tab._show_customer(loner)
    tab.delete_customer()
    assert [key for key, _ in asked[-1]] == ["delete", "deactivate"]
    assert ctx.db.execute("SELECT count(*) FROM customers WHERE id = ?", [loner]).fetchone()[0] == 0


def test_merge_button_moves_the_duplicate_into_the_selected_customer(tab, ctx, qtbot, monkeypatch):
    """Issue 16: the same customer registered twice is merged from the archive tab (Ctrl+M)."""
    from PySide6.QtWidgets import QMessageBox

    keep = F.customer(ctx.db, name="杭州建工集团有限公司", phone="13812345678")
    drop = F.customer(ctx.db, name="杭州建工集团", phone="0571-87654321")
    F.equipment(ctx.db, drop, "QTZ80", "TC-2024-009")
    F.ticket(ctx.db, customer_id=drop)
    tab.reload()
    tab._show_customer(keep)
    assert tab.merge_button.isEnabled()
    qtbot.mouseClick(tab.merge_button, Qt.LeftButton)
    dialog = tab.current_dialog
    assert dialog is not None and dialog.objectName() == "mergeCustomersDialog"
    dialog.search.setText("杭州建工集团")
    dialog._fill()
    row = next(i for i in range(dialog.candidates.count())
               if dialog.candidates.item(i).text().startswith(f"{drop} · "))
    dialog.candidates.setCurrentRow(row)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    qtbot.mouseClick(dialog.merge_button, Qt.LeftButton)
    assert C.get_customer(ctx.db, drop).merged_into == keep
    assert tab.current_customer.id == keep and tab.eq_model.rowCount() == 1
    assert tab.statuses[-1] == "Merged 杭州建工集团 into 杭州建工集团有限公司: 1 units, 1 tickets, 0 calls moved"
    # the old name and phone still find the kept customer
    _search(qtbot, tab, "87654321")
    assert tab.model.total() == 1 and tab.model.row(0).id == keep
