"""The main window: tabs, menu, status bar; remembers its geometry."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QMainWindow, QTabWidget, QWidget,
)

from servicedesk.ui.common import show_error
from servicedesk.ui.context import AppContext

# (area key, module, class) in tab order; titles are translated in _title().
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
        self.setCentralWidget(self.tabs)
        # Tabs are built when first shown (or first asked for): start-up builds
        # only the tab the clerk left open, so the window appears at once.
        self.pages = LazyPages(self._build_page)
        for key, _module, _cls in TABS:
            self.tabs.addTab(QWidget(self), self._title(key))
        self._build_menu()
        self.db_label = QLabel(str(ctx.db_path))
        self.db_label.setStyleSheet("color: #6b6b6b;")
        self.statusBar().addPermanentWidget(self.db_label)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._restore_geometry()
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
        backup = QAction(self.tr("&Back up data file…"), self)
        backup.triggered.connect(self.backup)
        file_menu.addAction(backup)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, (key, _m, _c) in enumerate(TABS):
            action = QAction(self._title(key), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
            view_menu.addAction(action)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.Refresh)
        refresh.triggered.connect(lambda: self.on_data_changed("all"))
        view_menu.addAction(refresh)

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
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self)
        guide.setShortcut(QKeySequence.HelpContents)
        guide.triggered.connect(self.open_guide)
        help_menu.addAction(guide)
        about = QAction(self.tr("&About ServiceDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

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
    def backup(self) -> None:
        from servicedesk.models.core.db import _timestamp, backup_to

        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the backup"),
                                                  str(self.ctx.db_path.parent))
        if not folder:
            return
        try:
            target = backup_to(self.ctx.db, Path(folder) / f"{self.ctx.db_path.stem}-{_timestamp()}.sqlite3")
        except Exception as exc:  # disk full, no permission
            show_error(self, exc)
            return
        self.show_status(self.tr("Backup written to %1").replace("%1", str(target)))

    def open_settings(self) -> None:
        from servicedesk.ui.settings.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def open_print_settings(self) -> None:
        from servicedesk.ui.printing.dialogs import open_print_settings

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

        AboutDialog(self.ctx.db_path, self).exec()

    # ---- geometry ----------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        tab = settings.value("main/tab")
        if tab is not None:
            try:
                self.tabs.setCurrentIndex(int(tab))
            except (TypeError, ValueError):
                pass

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/tab", self.tabs.currentIndex())
        super().closeEvent(event)
