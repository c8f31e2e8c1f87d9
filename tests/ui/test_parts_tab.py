"""The parts tab driven the way a clerk uses it: receive, issue, count."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from servicedesk.models.parts import ledger as P
from servicedesk.models.parts import stockcount as S
from servicedesk.ui.parts import tab as tab_module
from servicedesk.ui.parts import count_dialog as parts_count
from servicedesk.ui.parts.move_dialog import MoveDialog
from tests import factories as F


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok), Qt.LeftButton)


def _setup(ctx):
    P.add_part(ctx.db, P.PartInput(code="KZ-3210", name="交流接触器", spec="CJX2-3210", unit="个",
                                   price_fen=38_50, safety_stock=4, location="C-01-02"))
    P.add_part(ctx.db, P.PartInput(code="QS-160L6", name="起升电机", spec="YZR160L-6", unit="台",
                                   price_fen=4860_00, safety_stock=1, location="A-01-01"))
    return F.technician(ctx.db, "张伟")


def test_receipt_and_issue_through_the_dialogs(qtbot, ctx):
    tech = _setup(ctx)
    tab = tab_module.PartsTab(ctx)
    qtbot.addWidget(tab)
    ctx.data_changed = tab.on_data_changed
    statuses: list[str] = []
    ctx.status = statuses.append
    # both parts start at 0 < safety stock: marked low stock with a word, not colour alone
    assert tab.parts_model.total() == 2
    first = tab.parts_model.row(0)
    assert first.code == "KZ-3210" and tab._state_text(first) == "Low stock"
    tab.parts_table.selectRow(0)

    # Receive 10 contactors (part preselected from the list)
    receipt = MoveDialog(ctx, "receipt", tab.current_part().code, parent=tab)
    qtbot.addWidget(receipt)
    receipt.qty.setValue(10)
    receipt.supplier.setText("浙江正泰电器")          # keyClicks types ASCII only
    qtbot.keyClicks(receipt.document_no, "RK20261101")
    _ok(qtbot, receipt)
    assert receipt.result() == QDialog.Accepted
    assert P.balance_of(ctx.db, "KZ-3210") == 10
    assert "10" in statuses[-1]

    # Issue 12: refused beside the quantity field, dialog stays open, nothing booked
    issue = MoveDialog(ctx, "issue", "KZ-3210", parent=tab)
    qtbot.addWidget(issue)
    issue.technician.setCurrentIndex(issue.technician.findData(tech))
    issue.qty.setValue(12)
    _ok(qtbot, issue)
    error = issue.form._errors["qty"]
    assert not error.isHidden() and "balance 10" in error.text() and "asked 12" in error.text()
    assert issue.result() != QDialog.Accepted and P.balance_of(ctx.db, "KZ-3210") == 10
    # Issue 3 to 张伟: accepted, 10 - 3 = 7
    issue.qty.setValue(3)
    _ok(qtbot, issue)
    assert issue.result() == QDialog.Accepted
    assert P.balance_of(ctx.db, "KZ-3210") == 7

    # The tab reloaded through data_changed: the ledger shows both lines, newest first
    row = tab.parts_model.find_row(lambda p: p.code == "KZ-3210")
    tab.parts_table.selectRow(row)
    lines = tab.ledger_model.rows()
    assert [(m.kind, m.qty, m.balance_after) for m in lines] == [("issue", -3, 7), ("receipt", 10, 10)]
    assert lines[0].recipient == "张伟"
    assert tab.ledger_model.data(tab.ledger_model.index(0, 5)) == "−3"
    assert tab.parts_model.row(row).state == "ok"      # 7 >= safety stock 4


def test_issue_without_recipient_shows_field_error(qtbot, ctx):
    _setup(ctx)
    P.receive(ctx.db, "KZ-3210", 5)
    dialog = MoveDialog(ctx, "issue", "KZ-3210")
    qtbot.addWidget(dialog)
    _ok(qtbot, dialog)
    assert not dialog.form._errors["recipient"].isHidden()
    assert P.balance_of(ctx.db, "KZ-3210") == 5


def test_ledger_ticket_opens_the_ticket_and_show_record_selects_part(qtbot, ctx):
    tech = _setup(ctx)
    cust = F.customer(ctx.db)
    tid = F.ticket(ctx.db, customer_id=cust, no="YX2611001", team=(tech,))
    P.receive(ctx.db, "QS-160L6", 2)
    P.issue(ctx.db, "QS-160L6", 1, ticket=tid)
    opened: list[tuple[str, object]] = []
    ctx.open = lambda kind, key: opened.append((kind, key))
    tab = tab_module.PartsTab(ctx)
    qtbot.addWidget(tab)
    tab.show_record("part", "QS-160L6")
    assert tab.current_part().code == "QS-160L6"
    tab.ledger_table.doubleClicked.emit(tab.ledger_model.index(0, 0))
    assert opened == [("ticket", "YX2611001")]
    tab.ticket_filter.blockSignals(True)       # no debounce timer left running after the test
    tab.ticket_filter.setText("YX2611001")
    tab.ticket_filter.blockSignals(False)
    tab.reload_ledger()
    assert tab.ledger_model.total() == 1


def test_count_screen_enter_quantities_and_post(qtbot, ctx, monkeypatch):
    _setup(ctx)
    P.receive(ctx.db, "KZ-3210", 10, at="2026-10-01 08:00")
    P.receive(ctx.db, "QS-160L6", 2, at="2026-10-01 08:00")
    count = S.start_count(ctx.db, "2026-10-31", who="仓管")
    dialog = parts_count.CountDialog(ctx, count.id)
    qtbot.addWidget(dialog)
    model = dialog.model
    col = [c.key for c in model.columns].index("counted_qty")
    rows = {model.row(i).part_code: i for i in range(model.rowCount())}
    assert model.flags(model.index(0, col)) & Qt.ItemIsEditable
    assert model.setData(model.index(rows["KZ-3210"], col), "9")
    assert model.setData(model.index(rows["QS-160L6"], col), "2")
    diff_col = [c.key for c in model.columns].index("difference")
    assert model.data(model.index(rows["KZ-3210"], diff_col)) == "−1 shortage"
    assert model.data(model.index(rows["QS-160L6"], diff_col)) == "matches"
    dialog.only_diff.setChecked(True)
    assert [model.row(i).part_code for i in range(model.rowCount())] == ["KZ-3210"]
    monkeypatch.setattr(parts_count, "confirm", lambda *a: True)
    qtbot.mouseClick(dialog.post_btn, Qt.LeftButton)
    assert S.get_count(ctx.db, count.id).status == "posted"
    assert P.balance_of(ctx.db, "KZ-3210") == 9           # 10 counted 9: adjustment −1
    assert not (model.flags(model.index(0, col)) & Qt.ItemIsEditable)
    assert S.stock_accuracy(ctx.db, "2026-10") == (1, 2)


def test_dashboard_links_open_the_lists(qtbot, ctx):
    _setup(ctx)
    tab = tab_module.PartsTab(ctx)
    qtbot.addWidget(tab)
    tab.show_record("parts", "low_stock")
    assert tab.sub.currentIndex() == 1 and tab.low_model.rowCount() == 2    # both parts at 0 < safety
    tab.show_record("parts", "old_parts")
    assert tab.sub.currentIndex() == 2


def test_count_sheet_pdf_and_old_part_dialog(qtbot, ctx, tmp_path, monkeypatch):
    from pypdf import PdfReader

    from servicedesk.ui.parts.move_dialog import OldPartDialog

    tech = _setup(ctx)
    P.receive(ctx.db, "QS-160L6", 2, at="2026-10-01 08:00")
    count = S.start_count(ctx.db, "2026-10-31")
    dialog = parts_count.CountDialog(ctx, count.id)
    qtbot.addWidget(dialog)
    out = tmp_path / "sheet.pdf"
    monkeypatch.setattr(parts_count.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.pdf_btn, Qt.LeftButton)
    text = PdfReader(str(out)).pages[0].extract_text()
    assert "KZ-3210" in text and "QS-160L6" in text
    # the exchanged motor comes back through the dialog
    ex = P.exchange(ctx.db, "QS-160L6", 1, technician_id=tech, old_serial="M-1", at="2026-10-02 08:00")
    (item,) = P.old_parts_pending(ctx.db)
    old = OldPartDialog(ctx, item)
    qtbot.addWidget(old)
    old.condition.setText("烧毁")
    _ok(qtbot, old)
    assert P.old_parts_pending(ctx.db) == []
    back = P.list_moves(ctx.db, P.LedgerFilter(kind="old_in"))[0]
    assert back.exchange_id == ex.id and back.old_condition == "烧毁" and back.qty == 0


def test_parts_import_export_through_the_shared_sheet_flow(qtbot, ctx, tmp_path, monkeypatch):
    """Import / Export ▸ Import parts: the shared flow (options, worker thread);
    the list reloads and the opening quantity is booked. Export re-reads the list."""
    from openpyxl import load_workbook

    from servicedesk.reports.sheets import write_template
    from servicedesk.ui import import_export as IE

    path = write_template(P.PARTS_SPEC, tmp_path / "parts.xlsx", (
        {"code": "QS-MOT-160L6", "name": "起升电机", "unit": "台", "price": "4860.00", "opening_qty": 3},
        {"code": "KZ-CJX2-3210", "name": "交流接触器", "price": "38.50", "opening_qty": 25}))
    tab = tab_module.PartsTab(ctx)
    qtbot.addWidget(tab)
    assert not tab.parts_empty.isHidden()                       # empty state explains what to do
    ctx.data_changed = tab.on_data_changed
    statuses: list[str] = []
    ctx.status = statuses.append
    monkeypatch.setattr(IE.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    asked: list[IE.ImportOptionsDialog] = []
    monkeypatch.setattr(IE.ImportOptionsDialog, "exec", lambda d: asked.append(d) or QDialog.Accepted)
    texts = [a.text() for a in tab.sheet_button.menu().actions() if a.text()]
    assert texts == ["Import parts from Excel…", "Check a file of parts (write nothing)…",
                     "Export parts to Excel…", "Save an empty template for parts…"]
    tab.sheet_button.menu().actions()[0].trigger()
    assert asked and set(asked[0].options()) == {"update", "date"}   # the parts options are asked
    qtbot.waitUntil(lambda: tab.sheets.job is None, timeout=10_000)
    assert statuses[-1] == "Imported 2 rows from parts.xlsx: 2 new, 0 updated"
    assert tab.parts_model.total() == 2 and tab.parts_empty.isHidden()
    assert P.balance_of(ctx.db, "QS-MOT-160L6") == 3            # opening quantity booked

    out = tmp_path / "out.xlsx"
    monkeypatch.setattr(IE.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.sheet_button.menu().actions()[2].trigger()
    assert not tab.sheet_button.isEnabled()                     # one job at a time, off the GUI thread
    qtbot.waitUntil(lambda: tab.sheets.job is None, timeout=10_000)
    assert tab.sheet_button.isEnabled() and statuses[-1] == f"Exported 2 rows to {out}"
    codes = sorted(row[0] for row in load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert codes == ["KZ-CJX2-3210", "QS-MOT-160L6"]


def test_ledger_export_runs_in_a_worker(qtbot, ctx, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    _setup(ctx)
    P.receive(ctx.db, "KZ-3210", 4, at="2026-10-01 08:00")
    P.issue(ctx.db, "KZ-3210", 1, recipient="张伟", at="2026-10-02 08:00")
    tab = tab_module.PartsTab(ctx)
    qtbot.addWidget(tab)
    statuses: list[str] = []
    ctx.status = statuses.append
    out = tmp_path / "ledger.xlsx"
    monkeypatch.setattr(tab_module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.only_part.setChecked(False)
    tab.export_ledger()
    qtbot.waitUntil(lambda: not tab._exports, timeout=20_000)
    assert out.exists() and any("2" in s and str(out) in s for s in statuses)
    ws = load_workbook(out).active
    assert [c.value for c in ws[2]][:3] == [1, "2026-10-01 08:00:00", "KZ-3210"]
    assert ws.max_row == 3


def test_ledger_selected_part_only_without_a_selection_says_to_select_one(qtbot, ctx):
    """'Selected part only' ticked and no part selected: an empty state asking
    to select a part, not every part's lines."""
    _setup(ctx)
    P.receive(ctx.db, "KZ-3210", 10, at="2026-10-01 08:00")
    P.receive(ctx.db, "QS-160L6", 2, at="2026-10-01 09:00")
    tab = tab_module.PartsTab(ctx)
    qtbot.addWidget(tab)
    tab.parts_table.clearSelection()
    tab.parts_table.setCurrentIndex(tab.parts_model.index(-1, -1))
    tab.reload_ledger()
    assert tab.only_part.isChecked() and tab.current_part() is None
    assert tab.ledger_model.total() == 0
    assert tab.ledger_empty.isVisibleTo(tab) and not tab.ledger_table.isVisibleTo(tab)
    assert "Select a part" in tab.ledger_empty.text()
    tab.only_part.setChecked(False)                     # every part's lines
    assert tab.ledger_model.total() == 2 and tab.ledger_table.isVisibleTo(tab)
    assert not tab.ledger_empty.isVisibleTo(tab)
    tab.only_part.setChecked(True)
    tab.parts_table.selectRow(1)                        # QS-160L6
    assert tab.current_part().code == "QS-160L6"
    assert tab.ledger_model.total() == 1 and tab.ledger_model.row(0).part_code == "QS-160L6"
    assert tab.ledger_table.isVisibleTo(tab)


def test_first_part_selected_on_open_and_moved_part_selected_after_booking(qtbot, ctx, monkeypatch):
    _setup(ctx)
    P.receive(ctx.db, "KZ-3210", 10, at="2026-10-01 08:00")
    tab = tab_module.PartsTab(ctx)
    qtbot.addWidget(tab)
    # opening the tab selects the first part: its ledger is shown, not an empty list
    assert tab.current_part().code == "KZ-3210"
    assert [m.part_code for m in tab.ledger_model.rows()] == ["KZ-3210"]

    class AutoMove(MoveDialog):            # the clerk receives 2 motors and presses OK
        def exec(self):
            self.move = P.receive(ctx.db, "QS-160L6", 2, at="2026-10-02 08:00")
            return QDialog.Accepted

    monkeypatch.setattr(tab_module, "MoveDialog", AutoMove)
    tab.book("receipt")                     # booked while KZ-3210 was selected
    assert tab.current_part().code == "QS-160L6"
    assert [(m.part_code, m.qty) for m in tab.ledger_model.rows()] == [("QS-160L6", 2)]


def test_delete_key_deletes_an_unused_part_and_only_deactivates_one_with_ledger_lines(qtbot, ctx, monkeypatch):
    import servicedesk.ui.record_actions as RA

    _setup(ctx)
    P.receive(ctx.db, "KZ-3210", 5, who="林芳")          # KZ-3210 has a ledger line now
    tab = tab_module.PartsTab(ctx)
    qtbot.addWidget(tab)
    ctx.data_changed = tab.on_data_changed
    asked: list[tuple[str, list[str]]] = []
    answers: list[str | None] = []

    def ask(parent, title, text, options):
        asked.append((text, [key for key, _ in options]))
        return answers.pop(0)

    monkeypatch.setattr(RA, "choose", ask)

    def select(code: str) -> None:
        row = next(i for i in range(tab.parts_model.rowCount()) if tab.parts_model.row(i).code == code)
        tab.parts_table.selectRow(row)

    # With history: only 停用 is offered and the question says why.
    select("KZ-3210")
    answers.append("deactivate")
    tab.delete_btn.click()
    text, keys = asked[-1]
    assert keys == ["deactivate"] and text == "Part KZ-3210 has 1 stock ledger line: it cannot be deleted, deactivate it instead."
    assert P.get_part(ctx.db, "KZ-3210").active is False
    # The same action on a deactivated part offers it back (启用); Cancel keeps it deactivated.
    tab.show_inactive.setChecked(True)
    select("KZ-3210")
    answers.append(None)
    tab.delete_part()
    assert asked[-1][1] == ["reactivate"] and P.get_part(ctx.db, "KZ-3210").active is False
    answers.append("reactivate")
    tab.delete_part()
    assert P.get_part(ctx.db, "KZ-3210").active is True
    # Without history: Delete or 停用, chosen with the Delete key on the list.
    select("QS-160L6")
    answers.append("delete")
    qtbot.keyClick(tab.parts_table, Qt.Key_Delete)
    assert asked[-1][1] == ["delete", "deactivate"]
    assert [p.code for p in P.list_parts(ctx.db, include_inactive=True)] == ["KZ-3210"]
    # the deletion is in the audit trail
    from servicedesk.models.core.audit import list_entries
    assert any(e.action == "delete" and "QS-160L6" in e.target for e in list_entries(ctx.db))
