"""The 绩效工资 tab driven like the clerk and the manager would (offscreen).

Data: the hand-worked March of tests/models/test_pay_month.py (张伟 total
4734.09, month total 11936.48).
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from servicedesk.models.pay import catalog as K
from servicedesk.models.pay import month as P
from servicedesk.models.core.errors import LockedError
from tests.models.test_pay_month import MONTH, build_march


@pytest.fixture
def errors(monkeypatch):
    """Collect what would be shown in a message box (no modal box in tests)."""
    shown: list[Exception] = []
    monkeypatch.setattr("servicedesk.ui.pay.tab.show_error", lambda parent, exc, title=None: shown.append(exc))
    monkeypatch.setattr("servicedesk.ui.pay.dialog_common.show_error",
                        lambda parent, exc, title=None: shown.append(exc))
    return shown


@pytest.fixture
def tab(ctx, qtbot):
    from servicedesk.ui.pay.tab import PayTab

    ids = build_march(ctx.db)
    opened: list[tuple[str, object]] = []
    ctx.open = lambda kind, key: opened.append((kind, key))
    widget = PayTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.show_record("pay_month", MONTH)
    widget.ids = ids
    widget.opened = opened
    return widget


def _select(tab, name: str) -> None:
    row = tab.summary_model.find_row(lambda t: t.name == name)
    tab.summary.selectRow(row)


def test_summary_and_banner(tab):
    assert tab.month() == MONTH
    names = [tab.summary_model.index(r, 0).data() for r in range(tab.summary_model.rowCount())]
    assert names == ["王主管", "张伟", "李强"]
    row = tab.summary_model.find_row(lambda t: t.name == "张伟")
    total_col = [c.key for c in tab.summary_model.columns].index("total_fen")
    assert tab.summary_model.index(row, total_col).data() == "4734.09"
    assert "11936.48" in tab.totals_label.text()
    assert "草稿" in tab.banner.text()
    assert tab.approve_button.isEnabled() and not tab.unlock_button.isEnabled()


def test_drill_down_lines_open_their_ticket(tab, qtbot):
    _select(tab, "张伟")
    kinds = [tab.lines_model.row(r).kind for r in range(tab.lines_model.rowCount())]
    assert kinds == ["work", "work", "work", "deduction", "deduction", "deduction", "reimbursement"]
    amount_col = [c.key for c in tab.lines_model.columns].index("amount_fen")
    assert tab.lines_model.index(3, amount_col).data().startswith("-")
    tab.lines.selectRow(0)
    index = tab.lines_model.index(0, 1)
    tab.lines.doubleClicked.emit(index)
    assert tab.opened == [("ticket", "YX2603001")]


def test_attendance_grid_edit_saves_and_updates_pay(tab, errors):
    model = tab.attendance_model
    row = model.find_row(lambda r: r.name == "张伟")
    col = [c.key for c in model.columns].index("long_trip_days")
    assert model.setData(model.index(row, col), "0")            # 24 days, no long trips -> 144.00
    assert errors == []
    assert P.compute_month(tab.ctx.db, MONTH).technician(tab.ids["A"]).allowance_fen == 144_00
    row = model.find_row(lambda r: r.name == "张伟")
    assert model.row(row).allowance_fen == 144_00
    assert not model.setData(model.index(row, col), "30")       # more than days worked: refused
    assert errors and errors[-1].field == "long_trip_days"


def test_approve_with_pin_then_locked_month_refuses_edits(tab, errors, qtbot):
    from servicedesk.ui.pay.pin_dialog import PinDialog

    from PySide6.QtWidgets import QMessageBox

    said = []
    monkey = pytest.MonkeyPatch()
    monkey.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    first = PinDialog(tab.ctx, MONTH, "approve", tab)            # no PIN yet: "set it first", not first-use
    qtbot.addWidget(first)
    assert first.exec() == PinDialog.Rejected and "set the manager PIN first" in said[0]
    monkey.undo()
    P.set_pin(tab.ctx.db, "2580")
    dlg = PinDialog(tab.ctx, MONTH, "approve", tab)
    qtbot.addWidget(dlg)
    dlg.pin.setText("2581")
    dlg.accept()                                                # wrong PIN: stays open, said beside the field
    assert not P.is_locked(tab.ctx.db, MONTH)
    assert dlg.form._errors["pin"].text()
    dlg.pin.setText("2580")
    dlg.accept()
    assert P.is_locked(tab.ctx.db, MONTH)
    tab.reload()
    assert "已审批锁定" in tab.banner.text()
    assert not tab.approve_button.isEnabled() and tab.unlock_button.isEnabled()

    # attendance edit refused with the lock message, nothing changed
    model = tab.attendance_model
    row = model.find_row(lambda r: r.name == "张伟")
    col = [c.key for c in model.columns].index("days_worked")
    assert not model.setData(model.index(row, col), "10")
    assert isinstance(errors[-1], LockedError) and MONTH in errors[-1].message
    assert P.attendance_grid(tab.ctx.db, MONTH)[row].days_worked == 24
    # deduction / adjustment buttons refuse before any dialog opens
    count = len(errors)
    tab.add_deduction()
    tab.add_adjustment()
    assert len(errors) == count + 2 and all(isinstance(e, LockedError) for e in errors[-2:])

    # wrong PIN on unlock: shown beside the PIN field, still locked
    unlock = PinDialog(tab.ctx, MONTH, "unlock", tab)
    qtbot.addWidget(unlock)
    unlock.pin.setText("1111")
    unlock.reason.setPlainText("更正出勤")
    unlock.accept()
    assert "PIN" in unlock.form._errors["pin"].text()
    assert P.is_locked(tab.ctx.db, MONTH)
    unlock.pin.setText("2580")
    unlock.accept()
    assert not P.is_locked(tab.ctx.db, MONTH)


def test_deduction_and_dispute_dialogs(tab, errors, qtbot):
    from servicedesk.ui.pay.deduction_dialog import DeductionDialog
    from servicedesk.ui.pay.dispute_dialog import DisputeDialog, ResolveDisputeDialog

    dlg = DeductionDialog(tab.ctx, MONTH, "YX2603003", tab)
    qtbot.addWidget(dlg)
    assert dlg.persons.count() == 3                              # B (leader), A, S
    dlg.kind.setCurrentIndex(dlg.kind.findData("defect"))
    dlg.source.setCurrentIndex(dlg.source.findData("inspection"))
    dlg.items.setValue(1)
    dlg.persons.item(2).setCheckState(Qt.Unchecked)              # the supervisor is not charged
    dlg.reason.setPlainText("限位未调")
    dlg.accept()
    assert errors == [] and dlg.result_value is not None
    assert sorted(p[0] for p in dlg.result_value.persons) == sorted([tab.ids["A"], tab.ids["B"]])

    bad = DeductionDialog(tab.ctx, MONTH, "YX2603003", tab)
    qtbot.addWidget(bad)
    bad.kind.setCurrentIndex(bad.kind.findData("small_accident"))
    bad.cost.setText("350")
    bad.accept()                                                 # above 300: beside the field
    assert bad.form._errors["cost_fen"].text()

    tab.reload()
    _select(tab, "李强")
    line = next(ln for ln in tab.lines_model.rows() if ln.kind == "work")
    disp = DisputeDialog(tab.ctx, MONTH, "李强", line, tab)
    qtbot.addWidget(disp)
    disp.reason.setPlainText("组长应多分")
    disp.accept()
    tab.reload()
    assert "1" in tab.banner.text()                              # one open dispute
    dispute = next(d for d in tab.disputes_model.rows() if d.status == "open")
    res = ResolveDisputeDialog(tab.ctx, dispute, tab)
    qtbot.addWidget(res)
    res.outcome.setPlainText("按规定平均分配")
    res.accept()
    assert P.get_dispute(tab.ctx.db, dispute.id).status == "rejected"


def test_catalog_editor_rerate(ctx, qtbot, errors):
    from servicedesk.ui.pay.catalog_dialog import CatalogEditor, CatalogItemDialog

    editor = CatalogEditor(ctx)
    qtbot.addWidget(editor)
    assert editor.model.rowCount() == len(K.list_catalog(ctx.db))
    row = editor.model.find_row(lambda r: r.code == "INSPECTION")
    editor.table.selectRow(row)
    dlg = CatalogItemDialog(ctx, "rerate", editor.current(), editor)
    qtbot.addWidget(dlg)
    dlg.hours.setText("4.5")
    dlg.accept()
    assert errors == []
    assert [r.hours_x100 for r in K.rate_history(ctx.db, "INSPECTION")] == [4_00, 4_50]
    editor.reload("INSPECTION")
    assert editor.history_model.rowCount() == 2


def test_export_workbook_in_worker(tab, qtbot, tmp_path):
    out = str(tmp_path / "pay.xlsx")
    tab.export("workbook", out)
    assert tab.progress.isVisible()
    qtbot.waitUntil(lambda: tab.last_export == out, timeout=30_000)
    assert not tab.progress.isVisible() and tab.export_button.isEnabled()
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "汇总"
    assert [c.value for c in wb["汇总"][7]][11] == pytest.approx(11936.48)


def _cells(model, key):
    col = [c.key for c in model.columns].index(key)
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_role_and_line_words_follow_the_interface_language(tab, qapp):
    """English UI: no Chinese role words or （组长）; Chinese UI: the register's
    技术员 / 主管 (not 服务人员) and 工时（组长） for 张伟's leader line (T1)."""
    from servicedesk.ui.app import install_translator

    assert _cells(tab.summary_model, "role") == ["Service supervisor", "Field technician", "Field technician"]
    assert _cells(tab.attendance_model, "role")[0] == "Service supervisor"
    _select(tab, "张伟")
    kinds = _cells(tab.lines_model, "kind")
    assert kinds[0] == "Work hours (team leader)" and "Deduction" in kinds and "Travel refund" in kinds
    assert not any("组长" in k or "工时" in k for k in kinds)
    translators = install_translator(qapp, "zh_CN")
    assert translators
    try:
        tab.reload()
        assert _cells(tab.summary_model, "role") == ["主管", "技术员", "技术员"]
        assert "服务人员" not in _cells(tab.attendance_model, "role")
        _select(tab, "张伟")
        kinds = _cells(tab.lines_model, "kind")
        assert kinds[0] == "工时（组长）" and "考核扣款" in kinds and "车票报销" in kinds
    finally:
        for tr in translators:
            qapp.removeTranslator(tr)


# ---------------------------------------------------------------- attendance sheets, empty state, words
@pytest.fixture
def sheets(monkeypatch):
    """Answer the shared Excel flow's file and options dialogs like the clerk."""
    from PySide6.QtWidgets import QDialog

    from servicedesk.ui import import_export as IE

    answers: dict = {"open": "", "save": "", "dialogs": []}
    monkeypatch.setattr(IE.QFileDialog, "getOpenFileName", lambda *a, **k: (answers["open"], ""))
    monkeypatch.setattr(IE.QFileDialog, "getSaveFileName", lambda *a, **k: (answers["save"], ""))
    monkeypatch.setattr(IE.ImportOptionsDialog, "exec", lambda d: answers["dialogs"].append(d) or QDialog.Accepted)
    return answers


def _attendance_file(path, rows) -> str:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "出勤天数", "远差天数"])
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return str(path)


def _menu(tab, text: str):
    return next(a for a in tab.sheet_button.menu().actions() if a.text() == text)


def test_attendance_import_through_the_pay_tab(tab, qtbot, sheets, tmp_path):
    """Good file for the month shown: the grid shows the new numbers (张伟 20
    days, 5 long trips -> 15 days x 6.00 = 90.00 allowance; 王主管 18 days)."""
    statuses: list[str] = []
    tab.ctx.status = statuses.append
    tab.ctx.data_changed = lambda kind: None
    sheets["open"] = _attendance_file(tmp_path / "att.xlsx", [["张伟", 20, 5], ["王主管", 18, None]])
    _menu(tab, "Import attendance from Excel…").trigger()
    assert sheets["dialogs"][0].options()["month"] == MONTH           # defaults to the month in the tab
    qtbot.waitUntil(lambda: tab.sheets.job is None, timeout=10_000)
    assert statuses[-1] == "Imported 2 rows from att.xlsx: 0 new, 2 updated"
    grid = {r.name: r for r in tab.attendance_model.rows()}
    assert (grid["张伟"].days_worked, grid["张伟"].long_trip_days) == (20, 5)
    assert grid["张伟"].allowance_fen == P.compute_month(tab.ctx.db, MONTH).technician(tab.ids["A"]).allowance_fen
    assert grid["王主管"].days_worked == 18 and grid["李强"].days_worked == 22   # not in the file: unchanged
    assert tab.details.currentIndex() == 1                             # the attendance page is shown

    # Export writes the tab's month (not today's), named after it.
    sheets["save"] = str(tmp_path / "out.xlsx")
    _menu(tab, "Export attendance to Excel…").trigger()
    qtbot.waitUntil(lambda: tab.sheets.job is None, timeout=10_000)
    rows = list(load_workbook(tmp_path / "out.xlsx").active.iter_rows(min_row=2, values_only=True))
    assert ("张伟", 20, 5) in [tuple(r[:3]) for r in rows]


def test_attendance_import_into_a_locked_month_is_refused(tab, qtbot, sheets, tmp_path):
    from servicedesk.ui import import_export as IE

    P.set_pin(tab.ctx.db, "2580")
    P.approve_month(tab.ctx.db, MONTH, "2580")
    tab.reload()
    sheets["open"] = _attendance_file(tmp_path / "att.xlsx", [["张伟", 20, 5]])
    _menu(tab, "Import attendance from Excel…").trigger()
    assert tab.sheets.job is None                                      # no worker started
    box = tab.sheets.last_message
    assert isinstance(box, IE.ProblemsDialog) and box.windowTitle() == "Nothing was imported"
    assert f"Pay month {MONTH} is approved and locked" in box.text() and "Nothing was imported." in box.text()
    assert {r.name: r.days_worked for r in P.attendance_grid(tab.ctx.db, MONTH)}["张伟"] == 24
    box.close()


def test_no_technicians_says_how_to_add_them(ctx, qtbot, qapp):
    from servicedesk.ui.app import install_translator
    from servicedesk.ui.pay.tab import PayTab

    widget = PayTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    assert widget.summary_empty.isVisible() and not widget.summary.isVisible()
    assert "Settings ▸ Technicians…" in widget.summary_empty.text()
    assert "no work" not in widget.summary_empty.text().lower() and not widget.lines_empty.isVisible()
    translators = install_translator(qapp, "zh_CN")
    try:
        zh = PayTab(ctx)
        qtbot.addWidget(zh)
        assert "设置 ▸ 服务人员档案…" in zh.summary_empty.text()
    finally:
        for tr in translators:
            qapp.removeTranslator(tr)


def test_deduction_dialog_words_follow_the_interface_language(tab, qtbot, qapp):
    """Documents and who found a defect: English on an English screen, the
    office's words (pay.DOCUMENTS / DEFECT_SOURCES) from pay.tsv in Chinese."""
    from servicedesk.ui.app import install_translator
    from servicedesk.ui.pay.deduction_dialog import DeductionDialog

    def words(dlg):
        return ([dlg.document.itemText(i) for i in range(dlg.document.count())],
                [dlg.source.itemText(i) for i in range(dlg.source.count())], dlg.ticket_info.text())

    dlg = DeductionDialog(tab.ctx, MONTH, "YX2603003", tab)
    qtbot.addWidget(dlg)
    documents, sources, info = words(dlg)
    assert "Dispatch slip" in documents and "Company inspection" in sources
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in "".join(documents + sources))
    assert [dlg.document.itemData(i) for i in range(dlg.document.count())] == list(P.DOCUMENTS)
    translators = install_translator(qapp, "zh_CN")
    try:
        zh = DeductionDialog(tab.ctx, MONTH, "YX2603003", tab)
        qtbot.addWidget(zh)
        documents, sources, info = words(zh)
        assert documents == list(P.DOCUMENTS.values()) and sources == list(P.DEFECT_SOURCES.values())
    finally:
        for tr in translators:
            qapp.removeTranslator(tr)


def test_default_selection_is_the_first_person_with_lines(ctx, qtbot):
    from servicedesk.ui.pay.tab import PayTab
    from tests import factories as f

    f.technician(ctx.db, "陈主管", role="supervisor")     # listed first, no lines in March
    build_march(ctx.db)
    widget = PayTab(ctx)
    qtbot.addWidget(widget)
    widget.show_record("pay_month", MONTH)
    first = widget.pay.technicians[0]
    assert first.name == "陈主管" and not first.lines
    selected = widget.selected_technician()
    assert selected.lines and selected.name == next(t.name for t in widget.pay.technicians if t.lines)
    assert widget.lines_model.rowCount() == len(selected.lines)
    # a person the clerk picks stays picked when the month is reloaded
    _select(widget, "李强")
    widget.reload()
    assert widget.selected_technician().name == "李强"
