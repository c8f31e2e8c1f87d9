"""The main window opens on a fresh data file, remembers geometry, edits settings."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from servicedesk.models.core.settings import get_setting
from servicedesk.ui.main_window import MainWindow, TABS
from servicedesk.ui.settings.settings_dialog import SettingsDialog


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
    dialog.widgets["level.2.onsite_minutes"].setMinutes(24 * 60)   # 24 h -> 1440 minutes
    dialog.widgets["quote.tax_bp"].setValue(13)                    # % -> 1300 bp
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
    assert get_setting(ctx.db, "office.department_code") == "SC"
    assert get_setting(ctx.db, "quote.lodging_per_day_fen") == 18050
    assert get_setting(ctx.db, "level.2.onsite_minutes") == 1440
    assert get_setting(ctx.db, "quote.tax_bp") == 1300


def test_short_limits_show_as_minutes_not_fractions_of_an_hour(qtbot, ctx):
    from servicedesk.models.core.settings import set_setting

    set_setting(ctx.db, "ticket.due_soon_minutes", 10)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    edit = dialog.widgets["ticket.due_soon_minutes"]
    assert (edit.hours_box.value(), edit.minutes_box.value()) == (0, 10)
    assert edit.text() == "10 minutes"
    edit.minutes_box.setValue(30)
    edit.hours_box.setValue(1)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save).click()
    assert get_setting(ctx.db, "ticket.due_soon_minutes") == 90


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
    assert texts == ["&Business settings…", "&Printing and paper…", "&Work-hour catalog…", "&Technicians…",
                     "", "Change &manager PIN…", "&Audit log…"]


def test_dashboard_status_link_opens_that_ticket_list(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    ctx.open("tickets", "dispatched")
    assert window.tabs.currentWidget() is window.pages["tickets"]
    tab = window.pages["tickets"]
    assert tab.status_tabs.currentIndex() == 2  # all, open, dispatched, ...


# ---- opening the data file from the GUI: a message box, never a traceback ----------------

class _Boxes:
    """Records QMessageBox.critical calls instead of showing them."""

    def __init__(self, monkeypatch):
        from PySide6.QtWidgets import QMessageBox

        self.shown: list[tuple[str, str]] = []
        monkeypatch.setattr(QMessageBox, "critical",
                            staticmethod(lambda parent, title, text, *a, **k: self.shown.append((title, text))))


def test_gui_open_step_shows_a_refused_file_in_a_message_box(qapp, tmp_path, monkeypatch):
    from servicedesk.ui.app import open_data_file

    boxes = _Boxes(monkeypatch)
    folder = tmp_path / "office.sqlite3"
    folder.mkdir()  # a folder where the data file should be
    assert open_data_file(folder) is None
    assert len(boxes.shown) == 1
    title, text = boxes.shown[0]
    assert title == "Cannot open the data file"
    assert str(folder) in text and "folder" in text and "Errno" not in text


def test_gui_open_step_shows_an_unexpected_error_in_a_message_box(qapp, tmp_path, monkeypatch):
    import servicedesk.models.core.db as dbmod
    from servicedesk.ui.app import open_data_file

    boxes = _Boxes(monkeypatch)

    def broken(path, **kw):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(dbmod, "open_db", broken)
    path = tmp_path / "office.sqlite3"
    assert open_data_file(path) is None
    assert boxes.shown and str(path) in boxes.shown[0][1] and "disk on fire" in boxes.shown[0][1]


def test_gui_opens_a_good_file_without_a_message(qapp, tmp_path, monkeypatch):
    from servicedesk.ui.app import open_data_file

    boxes = _Boxes(monkeypatch)
    db = open_data_file(tmp_path / "new" / "office.sqlite3")
    assert db is not None and not boxes.shown
    db.close()


def test_run_gui_in_chinese_explains_a_foreign_file_in_chinese(qapp, tmp_path, monkeypatch):
    # run_gui must set the display language BEFORE opening, so the refusal
    # (raised while opening) reads Chinese; it returns before exec().
    import sqlite3

    from servicedesk.models.core import messages
    from servicedesk.ui import app as app_module

    boxes = _Boxes(monkeypatch)
    installed = []
    real_install = app_module.install_translator
    monkeypatch.setattr(app_module, "install_translator",
                        lambda a, lang: installed.extend(real_install(a, lang)) or installed)
    names = (qapp.organizationName(), qapp.applicationName())
    previous = messages.display_language()
    path = tmp_path / "other.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, foo TEXT)")
    other.commit()
    other.close()
    try:
        assert app_module.run_gui(path, lang="zh_CN") == 1
    finally:
        messages.set_display_language(previous)
        for translator in installed:
            qapp.removeTranslator(translator)
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
    assert len(boxes.shown) == 1
    title, text = boxes.shown[0]
    assert "不是服务内勤系统的数据文件" in text and str(path) in text and "没有被改动" in text
    assert title != "Cannot open the data file" or not installed  # Chinese title when the .qm loaded


def test_the_days_backup_starts_after_the_first_paint(qapp, qtbot, tmp_path, monkeypatch):
    """Issue 15: the first start of the day copies the whole file in a thread;
    run_gui starts the backup schedule once the window has been painted, so
    the copy never slows the window's appearance. The garbage collector,
    paused for the start (cli.start_gui), is switched back on then too."""
    import gc

    from servicedesk.models.core import backup as B
    from servicedesk.models.core.db import open_db
    from servicedesk.models.core.settings import CLERK, set_setting
    from servicedesk.ui import app as app_module

    path = tmp_path / "office.sqlite3"
    db = open_db(path)
    set_setting(db, CLERK, "王丽")          # set up: no first-start wizard
    db.close()
    monkeypatch.delenv("SERVICEDESK_QUIT_WHEN_SHOWN", raising=False)
    seen = {}

    def exec_():
        window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["before paint"] = window._auto_backup
        qtbot.waitUntil(lambda: window._auto_backup, timeout=5_000)   # painted: the schedule runs
        qtbot.waitUntil(gc.isenabled, timeout=5_000)                 # ... and the collector again
        qtbot.waitUntil(lambda: window._backup_worker is not None, timeout=5_000)
        window.wait_for_backup()
        seen["copies"] = B.list_backups(window.plan.folder, "office")
        window._auto_backup = False       # no second copy on close
        window.close()
        return 0

    monkeypatch.setattr(qapp, "exec", exec_)
    names = (qapp.organizationName(), qapp.applicationName())
    gc.disable()                          # as cli.start_gui leaves it
    try:
        assert app_module.run_gui(path, lang="en") == 0
    finally:
        gc.enable()
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
    assert seen["before paint"] is False
    assert len(seen["copies"]) == 1 and seen["copies"][0].verified


def test_after_first_paint_calls_once_painted_or_at_the_latest(qapp, qtbot):
    from PySide6.QtWidgets import QWidget

    from servicedesk.ui.app import after_first_paint

    shown, hidden = QWidget(), QWidget()
    qtbot.addWidget(shown)
    qtbot.addWidget(hidden)
    calls = []
    after_first_paint(shown, lambda: calls.append("shown"), at_latest_ms=300)
    after_first_paint(hidden, lambda: calls.append("hidden"), at_latest_ms=300)
    shown.show()
    qtbot.waitUntil(lambda: "shown" in calls, timeout=2_000)
    assert "hidden" not in calls           # never painted: waits for its latest moment
    qtbot.waitUntil(lambda: "hidden" in calls, timeout=2_000)
    qtbot.wait(400)
    shown.update()
    qtbot.wait(50)
    assert sorted(calls) == ["hidden", "shown"]   # each once, a later paint calls nothing
