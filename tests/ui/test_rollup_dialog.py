"""月报 ▸ 汇总各分公司…: the roll-up dialog driven as head office would use it.

Branches and company figures worked by hand in tests/models/test_rollup.py:
company on time 8/10 80.00 %, success 6/10 60.00 %, satisfaction 7/10
70.00 %, stock 5/6 83.33 %, grade 不合格; ranks 宁波 1, 温州 2, 杭州 3; 温州 has
no repair, so its on-time rate is "— (0/0)".
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from servicedesk.models.kpi import month as K
from servicedesk.ui.kpi.rollup_dialog import RollupDialog
from servicedesk.ui.kpi.tab import KpiTab, workbook_checksum
from tests.models.test_rollup import branch_db
from tests.reports.test_rollup_workbook import write_branch


@pytest.fixture
def folder(tmp_path):
    out = tmp_path / "各分公司月报"
    dbs = [branch_db(tmp_path / "data", key) for key in ("hz", "nb", "wz")]
    for db in dbs:
        write_branch(db, out)
        db.close()
    return out


def _read(qtbot, dialog, folder):
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        dialog.read(str(folder))
    dialog.job.wait(5000)
    qtbot.waitUntil(lambda: dialog.choose_btn.isEnabled(), timeout=5000)


def test_roll_up_a_folder_and_write_the_company_workbook(ctx, qtbot, folder, tmp_path):
    tab = KpiTab(ctx)
    qtbot.addWidget(tab)
    assert tab.rollup_btn.isEnabled()
    dialog = tab.open_rollup()
    assert isinstance(dialog, RollupDialog) and not dialog.write_btn.isEnabled()
    _read(qtbot, dialog, folder)
    rows = dialog.rows()
    assert [(r.rank, r.office, r.problem) for r in rows] == [(1, "宁波分公司", ""), (2, "温州分公司", ""),
                                                             (3, "杭州分公司", "")]
    model = dialog.model
    wz = model.index(1, 4)
    assert model.data(wz) == "—  (0/0)"                                       # zero denominator stays "—"
    assert model.data(model.index(2, 4)) == "66.67%  (4/6)"
    assert dialog.figure_labels["on_time"].text() == "80.00%  (8/10)"          # summed, not averaged
    assert dialog.figure_labels["stock"].text() == "83.33%  (5/6)"
    assert dialog.figure_labels["grade"].text() == "不合格"
    assert "3" in dialog.banner.text() and dialog.write_btn.isEnabled()

    out = tmp_path / "公司汇总.xlsx"
    with qtbot.waitSignal(dialog.written, timeout=30_000) as blocker:
        dialog.write_to(out)
    dialog.job.wait(5000)
    assert blocker.args == [str(out)]
    wb = load_workbook(out)
    assert wb["汇总"]["B6"].value == 8 and wb["汇总"]["C6"].value == 10
    assert [r[1] for r in wb["分公司"].iter_rows(min_row=2, values_only=True)][:3] == [
        "宁波分公司", "温州分公司", "杭州分公司"]
    dialog.grab().save(str(tmp_path / "rollup_dialog.png"))
    dialog.close()


def test_problems_are_shown_per_file_and_block_writing(ctx, qtbot, folder):
    path = next(folder.glob("*杭州*"))
    wb = load_workbook(path)
    wb["经销商"]["B2"] = 9                 # a dealer's calls reached typed over
    wb.save(path)
    (folder / "说明.xlsx").write_text("not a workbook", encoding="utf-8")
    dialog = RollupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    _read(qtbot, dialog, folder)
    rows = dialog.rows()
    refused = {r.file: r.problem for r in rows if r.problem}
    assert set(refused) == {path.name, "说明.xlsx"}
    assert refused[path.name].startswith("the figures do not match the workbook's checksum")
    assert "经销商 杭州华建设备 回访接通数 2 → 9" in refused[path.name]
    assert rows[0].problem and rows[1].problem                 # refused files first
    assert [r.office for r in rows if not r.problem] == ["宁波分公司", "温州分公司"]
    assert not dialog.write_btn.isEnabled()
    assert "2" in dialog.banner.text() and dialog.figure_labels["on_time"].text() == "—"
    red = dialog.model.data(dialog.model.index(0, 0), role=8)   # Qt.BackgroundRole
    assert red is not None


def test_mark_sent_from_a_chosen_file_keeps_its_checksum(ctx, folder):
    path = next(folder.glob("*宁波*"))
    from servicedesk.reports.rollup_workbook import read_branch_workbook

    stored = read_branch_workbook(path).source.figures_sha256
    assert workbook_checksum(str(path), "2026-10") == stored
    assert workbook_checksum(str(path), "2026-09") is None
    tab = KpiTab(ctx)
    tab.set_month("2026-10")
    record = tab.mark_sent_with(str(path), K.file_sha256(path), None, stored)
    assert record.figures_sha256 == stored
    tab.deleteLater()
