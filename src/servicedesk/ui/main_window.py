"""The main window: tabs, menu, status bar; remembers its geometry."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget,
)

from servicedesk.ui.common import show_error
from servicedesk.ui.context import AppContext

# (area key, module, class) in tab order; titles are translated in _title().
log = logging.getLogger(__name__)

TABS = (
    ("dashboard", "servicedesk.ui.dashboard.tab", "DashboardTab"),
    ("customers", "servicedesk.ui.customers.tab", "CustomersTab"),
    ("tickets", "servicedesk.ui.tickets.tab", "TicketsTab"),
    ("parts", "servicedesk.ui.parts.tab", "PartsTab"),
    ("followups", "servicedesk.ui.followups.tab", "FollowupsTab"),
    ("pay", "servicedesk.ui.pay.tab", "PayTab"),
    ("kpi", "servicedesk.ui.kpi.tab", "KpiTab"),
)

TAB_KEYS = tuple(key for key, _m, _c in TABS)

# A first start on a screen this wide or narrower opens the window maximised.
MAXIMISE_UP_TO_WIDTH = 1440


def first_geometry(available: QRect) -> tuple[QRect, bool]:
    """Where the window opens when no geometry is saved: (client rectangle, maximised).

    `available` is the screen's work area. Up to MAXIMISE_UP_TO_WIDTH the
    window is maximised (a 1366×768 office screen needs every pixel; the
    rectangle is then the size it returns to when un-maximised); on a larger
    screen 1440×900 (at most 90 % of the room), centred.
    """
    from servicedesk.ui.common import WINDOW_FRAME

    room = available.marginsRemoved(WINDOW_FRAME)
    if available.width() <= MAXIMISE_UP_TO_WIDTH:
        return room, True
    rect = QRect(QPoint(0, 0), QSize(min(1440, room.width() * 9 // 10), min(900, room.height() * 9 // 10)))
    rect.moveCenter(room.center())
    return rect, False


class LazyPages(Mapping):
    """The tabs' pages by key, each built by `build(key)` on first access."""

    def __init__(self, build: Callable[[str], QWidget]):
        self._build = build
        self._pages: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._pages:
            if key not in TAB_KEYS:
                raise KeyError(key)
            self._pages[key] = self._build(key)
        return self._pages[key]

    def __iter__(self) -> Iterator[str]:
        return iter(TAB_KEYS)

    def __len__(self) -> int:
        return len(TAB_KEYS)

    def if_built(self, key: str) -> QWidget | None:
        """The page of `key` if it has been built, else None (never builds it)."""
        return self._pages.get(key)

    def built(self) -> list[QWidget]:
        """The pages built so far (iterating the mapping itself builds them all)."""
        return list(self._pages.values())


# Which tab shows which kind of record for ctx.open(kind, key); the tab's
# show_record(kind, key) does the rest. "new_ticket" takes
# {"customer_id": .., "equipment_id": ..} and opens the new-ticket dialog.
RECORD_TABS = {
    "customer": "customers", "equipment": "customers", "ticket": "tickets", "new_ticket": "tickets",
    "tickets": "tickets", "parts": "parts",
    "part": "parts", "stock_count": "parts",
    "followup": "followups", "technician": "pay", "pay_month": "pay", "kpi_month": "kpi",
}


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        ctx.open = self.open_record
        ctx.status = self.show_status
        ctx.data_changed = self.on_data_changed
        self.setWindowTitle(self.tr("ServiceDesk — After-sales service office"))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        central = QWidget(self)
        central_lay = QVBoxLayout(central)
        central_lay.setContentsMargins(0, 0, 0, 0)
        central_lay.setSpacing(0)
        # read-only file / network share: one line above the tabs (see _show_file_banner)
        self.file_banner = QLabel(central)
        self.file_banner.setObjectName("file_banner")
        self.file_banner.setWordWrap(True)
        self.file_banner.setStyleSheet("color: #8A1C1C; background: #FDE2E1; padding: 6px;")
        self.file_banner.hide()
        central_lay.addWidget(self.file_banner)
        central_lay.addWidget(self.tabs)
        self.setCentralWidget(central)
        # Tabs are built when first shown (or first asked for): start-up builds
        # only the tab the clerk left open, so the window appears at once.
        self.pages = LazyPages(self._build_page)
        for key, _module, _cls in TABS:
            self.tabs.addTab(QWidget(self), self._title(key))
        self._build_menu()
        self.clerk_label = QLabel(self)
        self.clerk_label.setObjectName("clerk_label")
        self.statusBar().addPermanentWidget(self.clerk_label)
        self._show_clerk()
        self.db_label = QLabel(str(ctx.db_path))
        self.db_label.setStyleSheet("color: #6b6b6b;")
        self.statusBar().addPermanentWidget(self.db_label)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._restore_geometry()
        self._init_data_safety()
        self.pages[TABS[self.tabs.currentIndex()][0]]

    def _build_page(self, key: str) -> QWidget:
        """Build one tab's page and put it in place of its placeholder."""
        index = TAB_KEYS.index(key)
        _key, module, cls = TABS[index]
        page = getattr(importlib.import_module(module), cls)(self.ctx, self)
        page.setObjectName(f"tab_{key}")
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)
        placeholder = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, self._title(key))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        if key == "dashboard" and hasattr(page, "set_backup_warning"):
            page.set_backup_warning(self._backup_warning)
        return page

    def _title(self, key: str) -> str:
        return {
            "dashboard": self.tr("Dashboard"),
            "customers": self.tr("Customers"),
            "tickets": self.tr("Tickets"),
            "parts": self.tr("Parts"),
            "followups": self.tr("Follow-ups"),
            "pay": self.tr("Technician pay"),
            "kpi": self.tr("Monthly KPI"),
        }[key]

    # ---- menu ----------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        switch = QAction(self.tr("Switch &clerk…"), self)
        switch.setObjectName("action_switch_clerk")
        switch.triggered.connect(self.switch_clerk)
        file_menu.addAction(switch)
        file_menu.addSeparator()
        for text, slot, name in ((self.tr("&Back up now"), self.backup_now, "action_backup_now"),
                                 (self.tr("Back up &to a folder…"), self.backup, "action_backup_to"),
                                 (self.tr("Backup &folder…"), self.choose_backup_folder, "action_backup_folder"),
                                 (self.tr("&Restore a backup…"), self.restore_backup, "action_restore")):
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(slot)
            file_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setObjectName("action_quit")
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # QKeySequence.Quit has no key on Windows
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, (key, _m, _c) in enumerate(TABS):
            action = QAction(self._title(key), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
            view_menu.addAction(action)
        view_menu.addSeparator()
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setObjectName("action_refresh")
        refresh.setShortcut(QKeySequence("F5"))
        refresh.triggered.connect(lambda: self.on_data_changed("all"))
        view_menu.addAction(refresh)

        # The shown tab's own actions, rebuilt whenever the menu opens.
        self.page_menu = self.menuBar().addMenu(self.tr("&Actions"))
        self.page_menu.setObjectName("page_menu")
        self.page_menu.aboutToShow.connect(self._fill_page_menu)

        self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        business = QAction(self.tr("&Business settings…"), self)
        business.triggered.connect(self.open_settings)
        self.settings_menu.addAction(business)
        printing = QAction(self.tr("&Printing and paper…"), self)
        printing.triggered.connect(self.open_print_settings)
        self.settings_menu.addAction(printing)
        catalog = QAction(self.tr("&Work-hour catalog…"), self)
        catalog.triggered.connect(self.open_catalog_editor)
        self.settings_menu.addAction(catalog)
        technicians = QAction(self.tr("&Technicians…"), self)
        technicians.triggered.connect(self.open_technicians)
        self.settings_menu.addAction(technicians)
        from servicedesk.ui.settings.manager_menu import add_manager_menu
        add_manager_menu(self.settings_menu, self, self.ctx)  # 修改经理密码…, 操作日志… (issue 17)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self)
        guide.setShortcut(QKeySequence("F1"))
        guide.triggered.connect(self.open_guide)
        help_menu.addAction(guide)
        about = QAction(self.tr("&About ServiceDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    # ---- the shown tab's actions ---------------------------------------------------
    def page_actions(self, key: str) -> list[tuple[str, str, Callable[[], None] | None]]:
        """(text, key, what it does) for tab `key`'s 操作 menu.

        The keys are the tab's own shortcuts (QShortcut on the page, live only
        while it is shown): the menu shows them but leaves them to the tab,
        since a second binding of the same key makes it ambiguous and neither
        fires. tests/ui/test_menus.py checks every QShortcut of a tab is here.
        """
        page = self.pages[key]

        def call(name: str, *args) -> Callable[[], None] | None:
            method = getattr(page, name, None)
            return (lambda: method(*args)) if method is not None else None

        new_ticket = (self.tr("New ticket…"), "", lambda: self.open_record("new_ticket", {}))
        return {
            "dashboard": [new_ticket],
            "customers": [(self.tr("New customer…"), "Ctrl+N", call("new_customer")),
                          (self.tr("Find"), "Ctrl+F", call("focus_search")),
                          (self.tr("New ticket for this equipment…"), "", call("new_ticket")),
                          (self.tr("Merge a duplicate into this customer…"), "Ctrl+M", call("merge_customer"))],
            "tickets": [(self.tr("New ticket…"), "Ctrl+N", call("new_ticket")),
                        (self.tr("Print…"), "Ctrl+P", call("print_selected")),
                        (self.tr("Find"), "Ctrl+F", call("_focus_search"))],
            "parts": [(self.tr("Receive…"), "F2", call("book", "receipt")),
                      (self.tr("Issue…"), "F3", call("book", "issue")),
                      (self.tr("Return…"), "F4", call("book", "return")),
                      (self.tr("Old-for-new exchange…"), "F6", call("book", "exchange")),
                      (self.tr("Scrap…"), "", call("book", "scrap")),
                      (self.tr("Stock count…"), "", call("stock_count")),
                      (self.tr("Delete or deactivate the part…"), "", call("delete_part"))],
            "followups": [(self.tr("Record the call…"), "Ctrl+R", call("record_selected")),
                          (self.tr("Call history"), "Ctrl+H", call("open_history")),
                          (self.tr("Cancel follow-up…"), "", call("cancel_selected"))],
            "pay": [(self.tr("Approve the month…"), "", call("approve")),
                    (self.tr("Unlock the month…"), "", call("unlock")),
                    (self.tr("Add a deduction…"), "", call("add_deduction")),
                    (self.tr("Dispute the line…"), "", call("dispute_line"))],
            "kpi": [(self.tr("Export to Excel…"), "Ctrl+E", call("export")),
                    (self.tr("Mark as sent…"), "", call("mark_sent")),
                    (self.tr("Company workbook from the branches…"), "", call("open_rollup"))],
        }[key]

    def _fill_page_menu(self) -> None:
        self.page_menu.clear()
        key = TAB_KEYS[self.tabs.currentIndex()]
        for text, keys, slot in self.page_actions(key):
            shown = QKeySequence(keys).toString(QKeySequence.NativeText) if keys else ""
            action = self.page_menu.addAction(f"{text}\t{shown}" if shown else text)
            action.setEnabled(slot is not None)
            if slot is not None:
                action.triggered.connect(lambda _=False, slot=slot: slot())

    # ---- the clerk (记录人) ------------------------------------------------------------
    def _show_clerk(self) -> None:
        self.clerk_label.setText(self.tr("Clerk: %1").replace("%1", self.ctx.user or "—"))

    def switch_clerk(self) -> None:
        """文件 ▸ 切换记录人…: the name on the next forms and log lines."""
        from servicedesk.ui.setup.clerk_picker import pick_clerk

        if pick_clerk(self.ctx, self):
            self._show_clerk()
            self.show_status(self.tr("Clerk now: %1").replace("%1", self.ctx.user))

    def start_import(self) -> None:
        """After the first start chose "import existing Excel sheets": the customers' import."""
        page = self.pages["customers"]
        self.tabs.setCurrentWidget(page)
        sheets = getattr(page, "sheets", None)
        if sheets is not None:
            sheets.ask_import("customers")

    # ---- navigation ------------------------------------------------------------
    def open_record(self, kind: str, key: object) -> None:
        area = RECORD_TABS.get(kind, kind)
        if area not in TAB_KEYS:
            return
        page = self.pages[area]
        self.tabs.setCurrentWidget(page)
        show = getattr(page, "show_record", None)
        if show is not None:
            show(kind, key)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def on_data_changed(self, kind: str) -> None:
        # A tab not built yet reads fresh data when it is built.
        for page in self.pages.built():
            reload = getattr(page, "on_data_changed", None)
            if reload is not None:
                reload(kind)

    def _on_tab_changed(self, index: int) -> None:
        if index < 0:
            return
        page = self.pages[TAB_KEYS[index]]
        activated = getattr(page, "on_activated", None)
        if activated is not None:
            activated()

    # ---- actions ---------------------------------------------------------------
    # ---- data safety: backups, restore, read-only, shares ----------------------
    def _init_data_safety(self) -> None:
        from servicedesk.models.core.backup import backup_plan

        self.data_lock = None           # the DataFileLock; set by ui/app.py
        self._auto_backup = False       # start_backup_schedule() switches it on
        self._backup_worker = None
        self._backup_warning = ""
        self.backup_label = QLabel(self)
        self.backup_label.setObjectName("backup_label")
        self.statusBar().addPermanentWidget(self.backup_label)
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(self.backup_now)
        self.plan = backup_plan(self.ctx.db, self.ctx.db_path)
        self._show_file_banner()
        self.update_backup_status()

    def _show_file_banner(self) -> None:
        from servicedesk.models.core.db import read_only_reason
        from servicedesk.models.core.lock import network_share_kind
        from servicedesk.models.core.messages import display_language, localize

        lines = []
        reason = read_only_reason(self.ctx.db)
        if reason:
            lines.append(self.tr("Read-only: cannot save. %1. Viewing, searching, printing, export and "
                                 "backup work.").replace("%1", localize(reason, display_language())))
        share = network_share_kind(self.ctx.db_path)
        if share:
            lines.append(self.tr("The data file is on a network share (%1). SQLite over a network share can "
                                 "corrupt data: keep the data file on this PC's own disk and back up to the "
                                 "share instead.").replace("%1", share))
        self.file_banner.setText("\n".join(lines))
        self.file_banner.setVisible(bool(lines))

    def start_backup_schedule(self) -> None:
        """First start of the day backs up; then every backup.interval_hours; and on close."""
        from servicedesk.models.core.backup import backup_due

        self._auto_backup = True
        if backup_due(self.plan):
            QTimer.singleShot(0, self.backup_now)
        if self.plan.interval_hours > 0:
            self.backup_timer.start(int(self.plan.interval_hours * 3600 * 1000))

    def update_backup_status(self) -> None:
        from servicedesk.models.core.backup import backup_status
        from servicedesk.models.core.messages import display_language, localize
        from servicedesk.ui.data.backup_words import last_backup_text

        status = backup_status(self.plan)
        warning = localize(status.warning, display_language()) if status.warning else ""
        self.backup_label.setText(last_backup_text(status.last_good) + (" ⚠" if warning else ""))
        self.backup_label.setToolTip(warning or str(status.folder))
        self.backup_label.setStyleSheet("color: #B3261E;" if warning else "color: #6b6b6b;")
        self._backup_warning = warning
        dashboard = self.pages.if_built("dashboard")
        if dashboard is not None and hasattr(dashboard, "set_backup_warning"):
            dashboard.set_backup_warning(warning)

    def backup_now(self, plan=None) -> None:
        """One verified backup off the GUI thread (the window stays usable)."""
        from servicedesk.ui.data.backups import BackupWorker
        from servicedesk.ui.workers import keep_until_finished

        if self._backup_worker is not None and self._backup_worker.isRunning():
            return
        worker = keep_until_finished(BackupWorker(plan or self.plan))
        worker.done.connect(self._backup_done)
        worker.failed.connect(self._backup_failed)
        self._backup_worker = worker
        self.show_status(self.tr("Backing up…"))
        worker.start()

    def _backup_done(self, copy) -> None:
        self.show_status(self.tr("Backup written to %1").replace("%1", str(copy.path)))
        self.update_backup_status()

    def _backup_failed(self, message: str) -> None:
        log.warning("backup failed: %s", message)
        self.statusBar().showMessage(self.tr("Backup failed: %1").replace("%1", message), 30000)
        self.update_backup_status()

    def wait_for_backup(self) -> None:
        if self._backup_worker is not None:
            self._backup_worker.wait()

    def backup(self) -> None:
        """A one-off verified copy into a folder of the clerk's choice (a USB disk)."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the backup"),
                                                  str(self.plan.folder))
        if folder:
            self.backup_now(replace(self.plan, folder=Path(folder), create_folder=True))

    def choose_backup_folder(self) -> None:
        from servicedesk.models.core.backup import backup_plan
        from servicedesk.models.core.settings import set_setting

        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the automatic backups"),
                                                  str(self.plan.folder))
        if not folder:
            return
        try:
            set_setting(self.ctx.db, "backup.folder", folder)
        except Exception as exc:  # a read-only data file
            show_error(self, exc)
            return
        self.plan = backup_plan(self.ctx.db, self.ctx.db_path)
        self.update_backup_status()

    def restore_backup(self) -> None:
        """文件 ▸ 恢复备份…: choose a verified copy, confirm what is lost, swap, reopen."""
        from servicedesk.ui.data.backups import RestoreDialog

        from servicedesk.ui.settings.pin_dialogs import confirm_restore_pin

        dialog = RestoreDialog(self.plan, self)
        if dialog.exec() != RestoreDialog.Accepted or dialog.chosen is None:
            return
        if not confirm_restore_pin(self.ctx, self, dialog.chosen):
            return
        self.restore_from(dialog.chosen)

    def restore_from(self, backup: Path) -> bool:
        """Swap the data file for `backup` under this window's lock, then reopen it."""
        from servicedesk.models.core.db import open_db
        from servicedesk.models.core.restore import restore_backup

        self.wait_for_backup()
        path = self.ctx.db_path
        self.ctx.db.close()
        QApplication.setOverrideCursor(Qt.WaitCursor)
        ok = False
        try:
            result = restore_backup(path, backup, lock=self.data_lock)
            ok = True
        except Exception as exc:  # refused: the old file is as it was
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
        else:
            QApplication.restoreOverrideCursor()
        self.ctx.db = open_db(path)
        self._show_file_banner()
        self.on_data_changed("all")
        self.update_backup_status()
        if ok:
            kept = f"\n{result.kept}" if result.kept else ""
            QMessageBox.information(self, self.tr("Restore a backup"),
                                    self.tr("The data file was restored from %1. The replaced file is kept:%2")
                                    .replace("%1", str(backup)).replace("%2", kept))
        return ok

    def open_settings(self) -> None:
        from servicedesk.ui.settings.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def open_print_settings(self) -> None:
        from servicedesk.ui.printing.settings_dialog import open_print_settings

        open_print_settings(self, self.ctx)

    def open_catalog_editor(self) -> None:
        from servicedesk.ui.pay.catalog_dialog import open_catalog_editor

        open_catalog_editor(self, self.ctx)

    def open_technicians(self) -> None:
        from servicedesk.ui.settings.technicians_dialog import open_technicians

        open_technicians(self, self.ctx)

    def open_guide(self) -> None:
        from servicedesk.ui.help.dialogs import UserGuideDialog

        UserGuideDialog(self).exec()

    def about(self) -> None:
        from servicedesk.ui.help.dialogs import AboutDialog

        AboutDialog(self.ctx.db_path, self, backup_dir=self.plan.folder).exec()

    # ---- geometry ----------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """The geometry the clerk left, clamped to this screen; the first time, the screen's.

        A saved geometry from a bigger monitor (or a docking station) is
        shrunk and moved into the screen the window opens on. Without one,
        an ordinary office screen (≤ 1440 px wide) opens maximised — every
        pixel is needed — and a larger one opens at a comfortable size,
        centred.
        """
        from servicedesk.ui.common import WINDOW_FRAME, keep_inside, work_room

        settings = QSettings()
        geometry = settings.value("main/geometry")
        room = work_room(self)
        if geometry is not None and self.restoreGeometry(geometry):
            if not (self.windowState() & (Qt.WindowMaximized | Qt.WindowFullScreen)):
                size = self.size().boundedTo(room.size())
                if size != self.size():
                    self.resize(size)
                keep_inside(self)
        else:
            rect, maximised = first_geometry((self.screen() or QApplication.primaryScreen()).availableGeometry())
            self.resize(rect.size())
            # move() places the frame: its top-left is the title bar's, above the client area
            self.move(rect.topLeft() - QPoint(WINDOW_FRAME.left(), WINDOW_FRAME.top()))
            if maximised:
                self.setWindowState(self.windowState() | Qt.WindowMaximized)
        tab = settings.value("main/tab")
        if tab is not None:
            try:
                self.tabs.setCurrentIndex(int(tab))
            except (TypeError, ValueError):
                pass

    def closeEvent(self, event) -> None:
        if self._auto_backup:
            self._backup_on_close()
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/tab", self.tabs.currentIndex())
        super().closeEvent(event)

    def _backup_on_close(self) -> None:
        """The last backup of the session, in the foreground (the window is going away)."""
        from servicedesk.models.core.backup import make_backup
        from servicedesk.models.core.errors import DomainError

        self._auto_backup = False
        self.wait_for_backup()
        self.statusBar().showMessage(self.tr("Backing up…"))
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            make_backup(self.ctx.db, self.plan)
        except DomainError as exc:
            log.warning("backup on close failed: %s", exc.english)
        except Exception:  # noqa: BLE001 - closing must go on; the log has it
            log.exception("backup on close failed")
        finally:
            QApplication.restoreOverrideCursor()
