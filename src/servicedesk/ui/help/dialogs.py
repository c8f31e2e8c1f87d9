"""帮助 ▸ 使用说明 and 帮助 ▸ 关于.

The guide is an HTML file shipped in resources/help (Chinese, with an English
copy), shown in a QTextBrowser so it works offline and needs no browser. The
About dialog says which data file is open and where the data, backups and
logs live, with a button to open each folder: the first thing a colleague on
the phone asks is "which file are you in?".
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialogButtonBox, QGridLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from servicedesk import __version__
from servicedesk.config import default_backup_dir, guide_path, log_dir
from servicedesk.ui.common import FittedDialog


def guide_language() -> str:
    """Chinese unless the interface runs in English."""
    return "en" if QLocale().language() == QLocale.English else "zh_CN"


class UserGuideDialog(FittedDialog):
    def __init__(self, parent: QWidget | None = None, language: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        path = guide_path(language or guide_language())
        self.browser.setHtml(path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 560)


class AboutDialog(FittedDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None, *, backup_dir: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About ServiceDesk"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("ServiceDesk %1").replace("%1", __version__))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Offline program for an after-sales service office.")))
        grid = QGridLayout()
        self.folders: dict[str, Path] = {
            "data": db_path.parent,
            "backups": backup_dir or default_backup_dir(),
            "logs": log_dir(),
        }
        grid.addWidget(QLabel(self.tr("Data file:")), 0, 0)
        file_label = QLabel(str(db_path))
        file_label.setObjectName("about_data_file")
        file_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        grid.addWidget(file_label, 0, 1, 1, 2)
        labels = {"data": self.tr("Data folder:"), "backups": self.tr("Backup folder:"), "logs": self.tr("Log folder:")}
        self.open_buttons: dict[str, QPushButton] = {}
        for row, (key, folder) in enumerate(self.folders.items(), start=1):
            grid.addWidget(QLabel(labels[key]), row, 0)
            path_label = QLabel(str(folder))
            path_label.setObjectName(f"about_{key}_folder")
            grid.addWidget(path_label, row, 1)
            button = QPushButton(self.tr("Open"), self)
            button.setObjectName(f"about_open_{key}")
            button.clicked.connect(lambda _=False, k=key: self.open_folder(k))
            self.open_buttons[key] = button
            grid.addWidget(button, row, 2)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_folder(self, key: str) -> bool:
        """Open the folder in the file manager (created first: a new office has no backups yet)."""
        folder = self.folders[key]
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError:
            pass
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
