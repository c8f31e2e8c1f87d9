"""The KPI tab reads its figures once when it is built and shown, and again
when it is shown after a change made elsewhere (issue 15: opening the window
on the KPI tab read the twelve-month report twice)."""

from __future__ import annotations

from servicedesk.ui.main_window import TAB_KEYS, MainWindow


def test_built_and_shown_reads_once_then_again_after_a_change(ctx, qtbot, monkeypatch):
    from servicedesk.ui.kpi.tab import KpiTab

    reads = []
    real = KpiTab.reload
    monkeypatch.setattr(KpiTab, "reload", lambda self: (reads.append(self.month()), real(self))[1])
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    kpi, other = TAB_KEYS.index("kpi"), TAB_KEYS.index("customers")
    window.tabs.setCurrentIndex(kpi)
    assert len(reads) == 1
    window.tabs.setCurrentIndex(other)
    window.tabs.setCurrentIndex(kpi)
    assert len(reads) == 1                     # nothing changed: the figures shown are current
    window.tabs.setCurrentIndex(other)
    window.pages.if_built("kpi").on_data_changed("tickets")
    window.tabs.setCurrentIndex(kpi)
    assert len(reads) == 2
