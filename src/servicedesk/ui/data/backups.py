"""Backups in the window: the worker that makes one off the GUI thread, the
restore dialog (文件 ▸ 恢复备份…) and the damaged-file dialog at start.

All the work is in models/core/backup.py and restore.py; this is only how
it looks and when it runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QThread, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from servicedesk.models.core.backup import BackupCopy, BackupPlan, copy_counts, list_backups, make_backup
from servicedesk.ui.common import FittedDialog


class BackupWorker(QThread):
    """One verified backup with its own connection (seconds on a 200 MB file)."""

    done = Signal(object)    # BackupCopy
    failed = Signal(str)     # the message, naming the backup folder

    def __init__(self, plan: BackupPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan

    def run(self) -> None:
        from servicedesk.models.core.errors import DomainError

        try:
            self.done.emit(make_backup(self.plan.db_path, self.plan))
        except DomainError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # noqa: BLE001 - reported in the status bar, logged
            from servicedesk.applog import log_exception

            log_exception(type(exc), exc, exc.__traceback__, where="backup")
            self.failed.emit(str(exc))


@dataclass(frozen=True)
class BackupRow:
    copy: BackupCopy
    counts: dict[str, int]   # customers / tickets / parts; empty when unreadable


def backup_rows(folder: Path, stem: str) -> list[BackupRow]:
    try:
        copies = list_backups(folder, stem) if folder.exists() else []
    except OSError:
        return []
    return [BackupRow(c, copy_counts(c.path) if c.verified else {}) for c in copies]


class RestoreDialog(FittedDialog):
    """The verified copies with their date and record counts; Restore asks first,
    saying what is lost (every change made after the copy's time)."""

    def __init__(self, plan: BackupPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setObjectName("restore_dialog")
        self.chosen: Path | None = None
        self.rows = [r for r in backup_rows(plan.folder, plan.stem) if r.copy.verified]
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Verified backups in %1:").replace("%1", str(plan.folder)))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(len(self.rows), 5, self)
        self.table.setObjectName("backup_table")
        self.table.setHorizontalHeaderLabels([self.tr("Backup time"), self.tr("No. of customers"), self.tr("No. of tickets"),
                                              self.tr("No. of parts"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        for i, row in enumerate(self.rows):
            values = [f"{row.copy.at:%Y-%m-%d %H:%M}"] + [str(row.counts.get(t, "?"))
                                                          for t in ("customers", "tickets", "parts")]
            values.append(f"{row.copy.size / 1_000_000:.1f} MB")
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if j:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(i, j, item)
        if self.rows:
            self.table.selectRow(0)
        lay.addWidget(self.table)
        if not self.rows:
            lay.addWidget(QLabel(self.tr("There is no verified backup yet.")))
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(self.tr("Restore…"), QDialogButtonBox.AcceptRole)
        self.restore_button.setEnabled(bool(self.rows))
        buttons.addButton(QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(620, 360)

    def selected(self) -> BackupRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def confirmation_text(self, row: BackupRow) -> str:
        return self.tr(
            "Restore the backup of %1?\n\nEverything entered or changed after %1 will be lost. "
            "The current data file is kept beside it (…replaced-….sqlite3), so it can still be looked at."
        ).replace("%1", f"{row.copy.at:%Y-%m-%d %H:%M}")

    def _confirm(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("Restore a backup"), self.confirmation_text(row),
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer == QMessageBox.Yes:
            self.chosen = row.copy.path
            self.accept()


class DamagedFileDialog(FittedDialog):
    """数据文件已损坏: restore the newest verified backup, open another file, or quit."""

    RESTORE, OTHER, QUIT = "restore", "other", "quit"

    def __init__(self, message: str, newest: BackupCopy | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("damaged_dialog")
        self.setWindowTitle(self.tr("The data file is damaged"))
        self.choice = self.QUIT
        self.newest = newest
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("The data file is damaged"))
        title.setStyleSheet("font-size: 16px; font-weight: bold; color: #B3261E;")
        lay.addWidget(title)
        text = QLabel(message)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(text)
        if newest is not None:
            hint = self.tr("The newest verified backup is from %1; changes made after it are lost "
                           "(the damaged file is kept beside it).").replace("%1", f"{newest.at:%Y-%m-%d %H:%M}")
        else:
            hint = self.tr("No verified backup was found in the backup folder.")
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        lay.addWidget(hint_label)
        row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore the newest backup"))
        self.restore_button.setEnabled(newest is not None)
        self.other_button = QPushButton(self.tr("Open another file…"))
        self.quit_button = QPushButton(self.tr("Quit"))
        for button, choice in ((self.restore_button, self.RESTORE), (self.other_button, self.OTHER),
                               (self.quit_button, self.QUIT)):
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            row.addWidget(button)
        lay.addLayout(row)
        self.resize(560, 220)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
