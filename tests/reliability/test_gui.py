"""The window's side of data safety, driven offscreen: damaged file at start,
second window, restore from the menu, read-only banner, backups on schedule
and on close, the error box."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from servicedesk.models.core import backup as B
from servicedesk.models.core.lock import DataFileLock
from tests.reliability.helpers import make_office


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, text, *a, k=kind, **kw: shown.append((k, title, text))))
    return shown


def _damage(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.seek(4096 * 3)
        fh.write(b"\xff" * 8192)


def test_damaged_file_at_start_offers_the_newest_backup_and_restores_it(qapp, qtbot, tmp_path, boxes):
    from servicedesk.ui import app as A
    from servicedesk.ui.data.backups import DamagedFileDialog

    data = tmp_path / "office.sqlite3"
    make_office(data, 300)
    plan = B.BackupPlan(data, B.default_backup_folder(), 4, 7, 12, 3)
    B.make_backup(data, plan, now=dt.datetime(2026, 3, 1, 9, 0))
    newest = B.make_backup(data, plan, now=dt.datetime(2026, 3, 2, 9, 0))
    _damage(data)
    seen = {}

    def click_restore():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, DamagedFileDialog) and w.isVisible())
        seen["title"] = dialog.windowTitle()
        seen["restore_enabled"] = dialog.restore_button.isEnabled()
        seen["texts"] = " ".join(l.text() for l in dialog.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QLabel))
        dialog.restore_button.click()
    QTimer.singleShot(0, click_restore)
    opened = A.open_for_gui(data)
    assert opened is not None, boxes
    db, path, lock = opened
    try:
        assert seen["restore_enabled"] and "2026-03-02 09:00" in seen["texts"] and "damaged" in seen["texts"]
        assert path == data and lock.held
        assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 300
        kept = list(tmp_path.glob("office.replaced-*.sqlite3"))
        assert len(kept) == 1     # the damaged file is kept, not deleted
    finally:
        db.close()
        lock.release()
    assert newest.path.exists() and not boxes


def test_damaged_dialog_quit_leaves_the_file_as_it_was(qapp, qtbot, tmp_path, boxes, monkeypatch):
    from servicedesk.ui import app as A
    from servicedesk.ui.data.backups import DamagedFileDialog

    data = tmp_path / "office.sqlite3"
    data.write_bytes(b"")         # a 0-byte file gets the same dialog
    asked = []
    monkeypatch.setattr(A, "ask_damaged", lambda p, exc, newest: asked.append((exc.english, newest))
                        or (DamagedFileDialog.QUIT, None))
    assert A.open_for_gui(data) is None
    assert "is empty" in asked[0][0] and asked[0][1] is None
    assert data.stat().st_size == 0
    DataFileLock.acquire(data).release()     # the lock was given back


def test_damaged_dialog_can_open_another_file(qapp, tmp_path, boxes, monkeypatch):
    from servicedesk.ui import app as A
    from servicedesk.ui.data.backups import DamagedFileDialog

    bad, good = tmp_path / "bad.sqlite3", tmp_path / "good.sqlite3"
    make_office(bad, 300)
    _damage(bad)
    make_office(good, 2)
    monkeypatch.setattr(A, "ask_damaged", lambda p, exc, newest: (DamagedFileDialog.OTHER, good))
    db, path, lock = A.open_for_gui(bad)
    assert path == good and db.execute("SELECT count(*) FROM customers").fetchone()[0] == 2
    db.close()
    lock.release()


def test_a_second_window_on_the_same_file_says_who_has_it_and_exits(qapp, tmp_path, boxes):
    from servicedesk.ui import app as A

    data = tmp_path / "office.sqlite3"
    make_office(data, 1)
    with DataFileLock.acquire(data):
        assert A.run_gui(data, lang="en") == 1
    assert boxes[0][0] == "warning" and boxes[0][1] == "Already open"
    assert "already open" in boxes[0][2] and "@" in boxes[0][2]


def test_a_smoke_run_on_a_file_already_open_says_so_on_stderr_instead_of_waiting(qapp, tmp_path, boxes,
                                                                                    capsys):
    """The build check (--smoke) has no one to click a box: the lock refusal is printed, exit 1."""
    from servicedesk.ui import app as A

    data = tmp_path / "office.sqlite3"
    make_office(data, 1)
    with DataFileLock.acquire(data):
        assert A.run_smoke(data, lang="en") == 1
    assert boxes == []
    assert "already open" in capsys.readouterr().err


def test_the_damaged_dialog_in_chinese(qapp, qtbot, tmp_path):
    from servicedesk.ui.app import install_translator
    from servicedesk.ui.data.backups import DamagedFileDialog

    installed = install_translator(qapp, "zh_CN")
    try:
        dialog = DamagedFileDialog("…", None)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "数据文件已损坏"
        assert not dialog.restore_button.isEnabled()
    finally:
        for t in installed:
            qapp.removeTranslator(t)


def _window(ctx, qtbot):
    from servicedesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def test_restore_from_the_menu_swaps_the_file_and_reopens_it(ctx, qtbot, boxes, monkeypatch):
    from servicedesk.models.archive import customers as C
    from servicedesk.ui.data.backups import RestoreDialog

    C.add_customer(ctx.db, C.CustomerInput(name="备份里有"))
    window = _window(ctx, qtbot)
    window.data_lock = DataFileLock.acquire(ctx.db_path)
    window.backup_now()
    window.wait_for_backup()
    qtbot.waitUntil(lambda: "Last backup" in window.backup_label.text())
    C.add_customer(ctx.db, C.CustomerInput(name="备份之后"))

    dialog = RestoreDialog(window.plan, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "1"   # 1 customer in it
    text = dialog.confirmation_text(dialog.selected())
    assert "will be lost" in text and f"{dialog.selected().copy.at:%Y-%m-%d %H:%M}" in text
    assert window.restore_from(dialog.selected().copy.path)
    assert [c.name for c in C.list_customers(window.ctx.db)] == ["备份里有"]   # reopened, backup's state
    assert boxes[-1][0] == "information"
    window.data_lock.release()


def test_a_read_only_data_file_opens_with_a_banner(ctx, qtbot, monkeypatch):
    ctx.db.servicedesk_read_only = "the folder /media/cdrom is read-only"
    window = _window(ctx, qtbot)
    assert window.file_banner.isVisibleTo(window)
    assert window.file_banner.text().startswith("Read-only: cannot save.")
    assert "/media/cdrom" in window.file_banner.text()


def test_a_share_gets_a_warning(ctx, qtbot, monkeypatch):
    monkeypatch.setattr("servicedesk.models.core.lock.network_share_kind", lambda p: "cifs")
    window = _window(ctx, qtbot)
    assert "network share (cifs)" in window.file_banner.text() and "corrupt" in window.file_banner.text()


def test_no_recent_backup_warns_in_the_status_bar_and_on_the_dashboard(ctx, qtbot):
    window = _window(ctx, qtbot)
    assert window.backup_label.text().startswith("No backup yet")
    warning = window.pages["dashboard"].backup_warning
    assert warning.isVisibleTo(window.pages["dashboard"]) and "no verified backup" in warning.text()
    B.make_backup(ctx.db, window.plan, now=dt.datetime.now() - dt.timedelta(days=4))
    window.update_backup_status()
    assert "more than 3 days ago" in warning.text() and "⚠" in window.backup_label.text()
    window.backup_now()
    window.wait_for_backup()
    qtbot.waitUntil(lambda: not warning.isVisibleTo(window.pages["dashboard"]))


def test_first_start_of_the_day_and_close_each_make_a_backup(ctx, qtbot):
    window = _window(ctx, qtbot)
    window.start_backup_schedule()
    assert window.backup_timer.interval() == 4 * 3600 * 1000 and window.backup_timer.isActive()
    qtbot.waitUntil(lambda: window._backup_worker is not None)
    window.wait_for_backup()
    qtbot.waitUntil(lambda: len(B.list_backups(window.plan.folder, "office")) == 1)
    window.close()
    copies = B.list_backups(window.plan.folder, "office")
    # the close made a second copy; same day, so rotation kept only the newer one,
    # unless both fell in the same second (then both names exist)
    assert copies and all(c.verified for c in copies)
    assert copies[0].at >= dt.datetime.now().replace(microsecond=0) - dt.timedelta(minutes=1)


def test_an_unexpected_error_is_logged_and_shown_and_worded_by_what_happened(ctx, qtbot, tmp_path):
    from servicedesk.applog import log_file, setup_logging
    from servicedesk.models.core.db import transaction
    from servicedesk.ui.data.errors import error_text, install_error_hooks

    window = _window(ctx, qtbot)
    old_hook = sys.excepthook
    setup_logging()
    relay = install_error_hooks(window)
    try:
        try:
            with transaction(ctx.db):
                raise RuntimeError("disk on fire")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
            assert "was not saved" in error_text(exc)
        try:
            raise KeyError("no such column in a list")
        except KeyError as exc:
            assert "not saved" not in error_text(exc) and "not affected" in error_text(exc)
        qtbot.waitUntil(lambda: any(w.objectName() == "unexpected_error" and w.isVisible()
                                    for w in QApplication.topLevelWidgets()))
        box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "unexpected_error")
        assert "disk on fire" in box.text() and str(log_file()) in box.text()
        copy = next(b for b in box.buttons() if b.text() == "Copy details")
        copy.click()
        assert "Traceback" in QApplication.clipboard().text()
        box.close()
    finally:
        sys.excepthook = old_hook
        relay.deleteLater()
    import logging
    for h in logging.getLogger().handlers:
        h.flush()
    assert "disk on fire" in log_file().read_text(encoding="utf-8")


def test_logging_works_without_stderr(monkeypatch, tmp_path):
    import logging

    from servicedesk.applog import setup_logging

    monkeypatch.setattr(sys, "stderr", None)
    path = setup_logging()
    logging.getLogger("servicedesk").info("windowed build starts")
    logging.getLogger("servicedesk").error("and survives")
    assert path is not None
