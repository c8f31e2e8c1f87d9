"""The main window opens on a fresh data file, remembers geometry, edits settings."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from servicedesk.models.settings import get_setting
from servicedesk.ui.main_window import MainWindow, TABS
from servicedesk.ui.settings_dialog import SettingsDialog


def test_main_window_has_all_tabs(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.tabs.count() == len(TABS)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:4] == ["Dashboard", "Customers", "Tickets", "Parts"]
    assert "Technician pay" in titles


def test_geometry_is_remembered(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    # The offscreen screen is only 800 x 600 and clamps size and position, so
    # only check that geometry is stored and the chosen tab comes back.
    window.tabs.setCurrentIndex(1)
    window.close()
    from PySide6.QtCore import QSettings

    stored = QSettings().value("main/geometry")
    assert stored is not None and len(bytes(stored)) > 0
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == 1


def test_settings_dialog_saves_exact_integers(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.widgets["office.department_code"].setText("sc")
    dialog.widgets["quote.lodging_per_day_fen"].setValue(180.5)   # yuan -> 18050 fen
    dialog.widgets["level.2.onsite_minutes"].setValue(24)          # hours -> 1440 minutes
    dialog.widgets["quote.tax_bp"].setValue(13)                    # % -> 1300 bp
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
    assert get_setting(ctx.db, "office.department_code") == "SC"
    assert get_setting(ctx.db, "quote.lodging_per_day_fen") == 18050
    assert get_setting(ctx.db, "level.2.onsite_minutes") == 1440
    assert get_setting(ctx.db, "quote.tax_bp") == 1300


def test_settings_dialog_refuses_bad_code_and_writes_nothing(qtbot, ctx):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.widgets["office.department_code"].setText("Y1")
    dialog.widgets["quote.lodging_per_day_fen"].setValue(999)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
    assert get_setting(ctx.db, "office.department_code") == "YX"
    assert get_setting(ctx.db, "quote.lodging_per_day_fen") == 15000
    assert dialog.isVisible() or dialog.result() == 0


def test_chinese_interface_loads_compiled_translation(qtbot, ctx, qapp):
    from servicedesk.ui.app import install_translator

    translators = install_translator(qapp, "zh_CN")
    assert translators, "servicedesk_zh_CN.qm did not load"
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert titles[:4] == ["工作台", "客户档案", "维修工单", "配件台账"]
        assert "绩效工资" in titles
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_settings_menu_offers_business_print_and_catalog(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.settings_menu.actions()]
    assert texts == ["&Business settings…", "&Printing and paper…", "&Work-hour catalog…", "&Technicians…"]


def test_dashboard_status_link_opens_that_ticket_list(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    ctx.open("tickets", "dispatched")
    assert window.tabs.currentWidget() is window.pages["tickets"]
    tab = window.pages["tickets"]
    assert tab.status_tabs.currentIndex() == 2  # all, open, dispatched, ...
