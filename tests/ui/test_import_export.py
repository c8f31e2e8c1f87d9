"""The shared Excel flow (ui/import_export.py) through the GUI: file -> options
-> worker -> problems with Copy (nothing written) or status + data_changed."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QApplication, QDialog

from servicedesk.models.tickets import technicians as TM
from servicedesk.ui import import_export as IE
from servicedesk.ui.settings.technicians_dialog import TechniciansDialog


def _workbook(path, header, rows) -> str:
    wb = Workbook()
    wb.active.append(header)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return str(path)


@pytest.fixture
def seen(ctx):
    """What the flow tells the rest of the program."""
    record = {"status": [], "changed": []}
    ctx.status = record["status"].append
    ctx.data_changed = record["changed"].append
    return record


@pytest.fixture
def choose(monkeypatch):
    """Answer the file dialogs and the options dialog like the clerk would."""
    answers = {"open": "", "save": "", "check_only": None, "update": None}

    monkeypatch.setattr(IE.QFileDialog, "getOpenFileName", lambda *a, **k: (answers["open"], ""))
    monkeypatch.setattr(IE.QFileDialog, "getSaveFileName", lambda *a, **k: (answers["save"], ""))

    def fake_exec(dialog):
        answers["dialog"] = dialog
        if answers["check_only"] is not None:
            dialog.dry_run_check.setChecked(answers["check_only"])
        if answers["update"] is not None and dialog.update_check is not None:
            dialog.update_check.setChecked(answers["update"])
        return QDialog.Accepted

    monkeypatch.setattr(IE.ImportOptionsDialog, "exec", fake_exec)
    return answers


def _wait(qtbot, exchange: IE.SheetExchange) -> None:
    qtbot.waitUntil(lambda: exchange.job is None, timeout=10_000)


def test_import_technicians_bad_row_writes_nothing_then_good_file(qtbot, ctx, seen, choose, tmp_path):
    dialog = TechniciansDialog(ctx)
    qtbot.addWidget(dialog)
    header = ["姓名", "联系电话", "岗位", "基本工资(元)", "在职"]
    choose["open"] = _workbook(tmp_path / "bad.xlsx", header, [
        ["王建军", "13905710001", "技术员", "3200", "是"],
        ["李志强", "12a", "经理", "", "是"]])
    dialog.sheets.ask_import("technicians")
    assert choose["dialog"].update_check is not None              # technicians: "update existing?" asked
    _wait(qtbot, dialog.sheets)
    box = dialog.sheets.last_message
    assert isinstance(box, IE.ProblemsDialog) and box.windowTitle() == "Nothing was imported"
    assert "bad.xlsx has 2 problem(s). Nothing was imported" in box.text()
    lines = box.detailedText().splitlines()                        # every bad cell of the row at once
    assert len(lines) == 2
    assert lines[0].startswith('row 3, column 联系电话: "12a" is not a phone number')
    assert lines[1] == 'row 3, column 岗位: "经理" is not a role (技术员/technician or 主管/supervisor)'
    box.copy_button.click()
    assert "row 3, column 联系电话" in QApplication.clipboard().text()
    assert TM.list_technicians(ctx.db) == []                        # 王建军 (a good row) not written either
    assert seen["changed"] == []
    box.close()

    choose["open"] = _workbook(tmp_path / "good.xlsx", header, [
        ["王建军", "13905710001", "技术员", "3200", "是"],
        ["李志强", "13905710002", "主管", None, None]])
    dialog.sheets.ask_import("technicians")
    _wait(qtbot, dialog.sheets)
    assert seen["status"][-1] == "Imported 2 rows from good.xlsx: 2 new, 0 updated"
    assert seen["changed"] == ["technicians"]
    assert dialog.model.rowCount() == 2                             # the register reloaded itself
    boss = TM.find_technician(ctx.db, "李志强")
    assert boss.role == "supervisor" and boss.base_salary_fen == 264000


def test_check_only_reports_and_writes_nothing(qtbot, ctx, seen, choose, tmp_path):
    dialog = TechniciansDialog(ctx)
    qtbot.addWidget(dialog)
    choose["open"] = _workbook(tmp_path / "t.xlsx", ["name", "phone"], [["王建军", "13905710001"]])
    choose["check_only"] = True
    dialog.sheets.ask_import("technicians")
    assert choose["dialog"].ok_button.text() == "Check"
    _wait(qtbot, dialog.sheets)
    assert dialog.sheets.last_message.windowTitle() == "Check passed"
    assert "1 rows can be imported (1 new, 0 updated). Nothing was written" in seen["status"][-1]
    assert TM.list_technicians(ctx.db) == [] and seen["changed"] == []


def test_template_and_export_are_written_by_the_worker(qtbot, ctx, seen, choose, tmp_path):
    from tests import factories as fx

    fx.technician(ctx.db, "陈工", phone="13905710003", base_salary_fen=310000)
    dialog = TechniciansDialog(ctx)
    qtbot.addWidget(dialog)
    choose["save"] = str(tmp_path / "template.xlsx")
    dialog.sheets.ask_template("technicians")
    _wait(qtbot, dialog.sheets)
    assert seen["status"][-1] == f"Empty sheet written to {tmp_path / 'template.xlsx'}"
    wb = load_workbook(tmp_path / "template.xlsx")
    assert [c.value for c in wb["服务人员"][1]] == ["姓名", "联系电话", "岗位", "基本工资(元)", "在职"]
    assert "说明" in wb.sheetnames

    choose["save"] = str(tmp_path / "export.xlsx")
    dialog.sheets.ask_export("technicians")
    _wait(qtbot, dialog.sheets)
    assert seen["status"][-1] == f"Exported 1 rows to {tmp_path / 'export.xlsx'}"
    row = [c.value for c in load_workbook(tmp_path / "export.xlsx")["服务人员"][2]]
    assert row == ["陈工", "13905710003", "技术员", "3100.00", "是"]


def test_options_dialog_asks_what_each_kind_needs(qtbot):
    def opts(kind):
        dialog = IE.ImportOptionsDialog(kind, "x.xlsx")
        qtbot.addWidget(dialog)
        return dialog.options()

    assert set(opts("tickets")) == {"move_stock"}
    assert set(opts("stockcount")) == {"date", "post"}
    assert set(opts("parts")) == {"update", "date"}
    assert set(opts("followups")) == set()
    month = opts("attendance")["month"]
    assert len(month) == 7 and month[4] == "-"                      # YYYY-MM


def test_tickets_and_followups_tabs_have_the_menu(qtbot, ctx, seen, choose, tmp_path):
    from servicedesk.ui.followups.tab import FollowupsTab
    from servicedesk.ui.tickets.tab import TicketsTab

    tickets = TicketsTab(ctx)
    qtbot.addWidget(tickets)
    texts = [a.text() for a in tickets.sheet_button.menu().actions()]
    assert texts == ["Import tickets from Excel…", "Check a file of tickets (write nothing)…",
                     "Export tickets to Excel…", "Save an empty template for tickets…"]
    follow = FollowupsTab(ctx)
    qtbot.addWidget(follow)
    assert follow.sheet_button.menu().actions()[0].text() == "Import follow-up calls from Excel…"

    choose["save"] = str(tmp_path / "tickets.xlsx")
    tickets.sheet_button.menu().actions()[3].trigger()              # template
    assert not tickets.sheet_button.isEnabled()                     # one job at a time
    _wait(qtbot, tickets.sheets)
    assert tickets.sheet_button.isEnabled() and (tmp_path / "tickets.xlsx").exists()


def test_broken_file_says_so_and_nothing_was_imported(qtbot, ctx, seen, choose, tmp_path):
    dialog = TechniciansDialog(ctx)
    qtbot.addWidget(dialog)
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook")
    choose["open"] = str(broken)
    dialog.sheets.ask_import("technicians")
    _wait(qtbot, dialog.sheets)
    box = dialog.sheets.last_message
    assert "not a readable Excel workbook" in box.text() and "Nothing was imported." in box.text()


def test_stock_count_import_runs_on_the_shared_worker(qtbot, ctx, seen, choose, tmp_path):
    from servicedesk.models.parts import ledger as P
    from servicedesk.models.parts import stockcount as S
    from servicedesk.ui.parts.count_dialog import CountDialog

    P.add_part(ctx.db, P.PartInput(code="KZ-3210", name="交流接触器"))
    P.receive(ctx.db, "KZ-3210", 4, at="2026-10-01 08:00")
    count = S.start_count(ctx.db, "2026-10-02", "内勤")
    dialog = CountDialog(ctx, count.id)
    qtbot.addWidget(dialog)
    choose["open"] = _workbook(tmp_path / "count.xlsx", ["配件编码", "实盘数量"], [["KZ-3210", 3]])
    choose["check_only"] = True
    dialog.import_sheet()
    _wait(qtbot, dialog.sheets)
    assert dialog.sheets.last_message.windowTitle() == "Check passed"
    assert S.count_lines(ctx.db, count.id)[0].counted_qty is None   # a check writes nothing

    choose["check_only"] = False
    dialog.import_sheet()
    _wait(qtbot, dialog.sheets)
    assert S.count_lines(ctx.db, count.id)[0].counted_qty == 3
    assert dialog.model.row(0).counted_qty == 3                     # the dialog reloaded itself
