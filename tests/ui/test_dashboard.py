"""Dashboard and KPI tab render offscreen with data; items open their records;
export runs in a worker and the month close flags later changes."""

from __future__ import annotations

import datetime as _dt

import pytest
from openpyxl import load_workbook

from servicedesk.models.followups import calls as F
from servicedesk.models.kpi import month as K
from servicedesk.ui.dashboard.tab import DashboardTab
from servicedesk.ui.kpi.tab import KpiTab
from tests import factories as f
from tests.models.test_kpi import EXPECTED_JSON, build_october


def _ts(moment: _dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat(sep=" ")


@pytest.fixture
def today_data(db):
    """An overdue open ticket and an overdue satisfaction call, relative to now."""
    now = _dt.datetime.now()
    c = f.customer(db, "杭州建工集团有限公司", "13812345678")
    e = f.equipment(db, c)
    f.ticket(db, customer_id=c, equipment_id=e, no="YX2699001", status="open", fault_level=1,
             reported_at=_ts(now - _dt.timedelta(hours=5)))
    t = f.ticket(db, customer_id=c, equipment_id=e, no="YX2699002", status="closed", fault_level=2,
                 reported_at=_ts(now - _dt.timedelta(days=3)), arrived_at=_ts(now - _dt.timedelta(days=2)),
                 completed_at=_ts(now - _dt.timedelta(days=2)), closed_at=_ts(now - _dt.timedelta(days=1)),
                 result="done")
    F.schedule_for_ticket(db, t)
    return t


def test_dashboard_renders_and_opens_records(ctx, qtbot, today_data):
    opened = []
    ctx.open = lambda kind, key: opened.append((kind, key))
    tab = DashboardTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.data is not None, timeout=15_000)   # loaded by a worker thread
    assert not tab.grab().isNull()
    assert [r.no for r in tab.ticket_model.rows()] == ["YX2699001"]
    assert tab.call_model.rowCount() == 1 and tab.call_model.row(0).overdue
    assert not tab.banner.isVisibleTo(tab)
    # this month so far: the ticket completed 2 days ago counts (unless the month just turned)
    assert tab.cards["on_time"].value.text() in ("100.00%", "—")
    tab.ticket_table.doubleClicked.emit(tab.ticket_model.index(0, 0))
    tab.call_table.doubleClicked.emit(tab.call_model.index(0, 0))
    tab.cards["satisfaction"].clicked.emit()
    tab.status_buttons["open"].click()
    assert opened[:3] == [("ticket", "YX2699001"), ("followup", tab.call_model.row(0).id),
                          ("kpi_month", K.current_month())]
    assert opened[3] == ("tickets", "open")
    assert "1" in tab.status_buttons["open"].text()


def test_dashboard_warns_when_a_sent_month_changed(ctx, qtbot):
    ids = build_october(ctx.db)
    K.mark_month_sent(ctx.db, "2026-10", "ab" * 32, "林芳")
    tab = DashboardTab(ctx)
    qtbot.addWidget(tab)
    tab.show()   # the first read starts once the page is painted
    qtbot.waitUntil(lambda: tab.data is not None, timeout=15_000)
    assert not tab.banner.isVisibleTo(tab)
    # a call of October entered after sending
    fid = ctx.db.execute("SELECT id FROM followups WHERE ticket_id = ? AND kind = 'service_first'",
                         [ids["T3"]]).fetchone()[0]
    F.record_call(ctx.db, fid, F.CallInput(reached=True, called_at="2026-10-16 10:00:00", satisfaction="一般"), "林芳")
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        tab.reload()
    assert tab.banner.isVisibleTo(tab)
    assert "2026-10" in tab.banner_text.text() and "客户满意度: 60.00% → 50.00%" in tab.banner_text.text()
    opened = []
    ctx.open = lambda kind, key: opened.append((kind, key))
    tab.banner_btn.click()
    assert opened == [("kpi_month", "2026-10")]


def test_kpi_tab_figures_check_export_and_mark_sent(ctx, qtbot, tmp_path):
    build_october(ctx.db)
    tab = KpiTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_record("kpi_month", "2026-10")
    assert tab.month() == "2026-10"
    assert tab.cards["on_time"].value.text() == "66.67%"
    assert "4" in tab.cards["on_time"].detail.text() and "6" in tab.cards["on_time"].detail.text()
    assert tab.cards["stock"].value.text() == "—"
    assert tab.cards["grade"].value.text() == "不合格"
    problems = [(r.problem, r.key) for r in tab.check_model.rows()]
    assert ("no_arrival", "YX2610003") in problems and ("no_result", "YX2610005") in problems
    opened = []
    ctx.open = lambda kind, key: opened.append((kind, key))
    row = next(i for i, r in enumerate(tab.check_model.rows()) if r.problem == "no_arrival")
    tab.check_table.doubleClicked.emit(tab.check_model.index(row, 0))
    assert opened == [("ticket", "YX2610003")]
    assert tab.ticket_model.rowCount() == 6 and tab.call_model.rowCount() == 5

    out = tmp_path / "月报.xlsx"
    # the tab re-emits on the GUI thread, so the wait cannot miss a fast worker
    with qtbot.waitSignal(tab.exported, timeout=30_000) as blocker:
        worker = tab.export_to(out)
    path, sha = blocker.args
    worker.wait(5000)
    assert path == str(out) and sha == K.file_sha256(out)
    month, _path, _sha, figures = tab.last_export
    assert month == "2026-10" and figures == EXPECTED_JSON
    assert load_workbook(out)["汇总"]["B6"].value == 4
    record = tab.mark_sent_with(path, sha, figures)
    assert record.workbook_sha256 == sha and K.sent_record(ctx.db, "2026-10").sent_by == "测试员"
    assert "SHA-256" in tab.banner.text()


def test_dashboard_old_parts_item_and_whole_call_kinds(ctx, qtbot, today_data):
    """Old parts not returned (UI.md): two exchanges without the old part
    booked back, one 3 days old (due 16 h after it: overdue), one an hour
    old (due in 15 h) -> "2 (1 overdue)", opening the parts tab's list.
    The call list's kind column fits the longest kind and cells carry tooltips."""
    from PySide6.QtCore import Qt

    from servicedesk.models.parts import ledger as P
    from servicedesk.ui.followups.words import kind_text

    now = _dt.datetime.now()
    P.add_part(ctx.db, P.PartInput(code="KZ-3210", name="交流接触器"))
    P.receive(ctx.db, "KZ-3210", 5, at=_ts(now - _dt.timedelta(days=5)))
    for hours in (72, 1):
        P.exchange(ctx.db, "KZ-3210", 1, recipient="张伟", old_condition="触点烧蚀",
                   at=_ts(now - _dt.timedelta(hours=hours)))
    opened = []
    ctx.open = lambda kind, key: opened.append((kind, key))
    tab = DashboardTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    qtbot.waitUntil(lambda: tab.data is not None, timeout=15_000)
    assert tab.data.old_parts == (2, 1)
    assert tab.old_parts_btn.isVisibleTo(tab)
    assert tab.old_parts_btn.text() == "Old parts not returned: 2 (1 overdue)"
    tab.old_parts_btn.click()
    assert opened == [("parts", "old_parts")]

    kind_col = [c.key for c in tab.call_model.columns].index("kind")
    longest = max(tab.fontMetrics().horizontalAdvance(kind_text(k)) for k in F.KIND_LABELS)
    assert tab.call_table.columnWidth(kind_col) > longest
    tip = tab.call_model.data(tab.call_model.index(0, kind_col), Qt.ToolTipRole)
    assert kind_text(tab.call_model.row(0).kind) in tip and "杭州建工集团有限公司" in tip


def test_overdue_ticket_columns_fit_and_customer_stretches(ctx, qtbot):
    from PySide6.QtWidgets import QHeaderView

    from servicedesk.ui.dashboard.tab import DashboardTab
    tab = DashboardTab(ctx)
    qtbot.addWidget(tab)
    header = tab.ticket_table.horizontalHeader()
    keys = [c.key for c in tab.ticket_model.columns]
    assert not header.stretchLastSection()
    for i, key in enumerate(keys):
        expected = QHeaderView.Stretch if key == "customer_name" else QHeaderView.ResizeToContents
        assert header.sectionResizeMode(i) == expected, key


def test_the_first_read_waits_for_the_first_paint(ctx, qtbot):
    """Start-up (issue 15): the loader (it imports the figures' model modules)
    starts after the page is painted, not while the window is being built."""
    tab = DashboardTab(ctx)
    qtbot.addWidget(tab)
    qtbot.wait(50)
    assert tab.data is None     # built, not shown: nothing read yet
    tab.show()
    qtbot.waitUntil(lambda: tab.data is not None, timeout=15_000)
