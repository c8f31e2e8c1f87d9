"""The status bar's words for the last backup, apart from the backup dialogs:
the window shows them before its first paint, the dialogs are imported when
first opened (issue 15: cold start)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from servicedesk.models.core.backup import BackupCopy


def last_backup_text(copy: BackupCopy | None) -> str:
    """'Last backup: 2026-03-01 14:00' for the status bar."""
    if copy is None:
        return QCoreApplication.translate("Backups", "No backup yet")
    return QCoreApplication.translate("Backups", "Last backup: %1").replace("%1", f"{copy.at:%Y-%m-%d %H:%M}")
