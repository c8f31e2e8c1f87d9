"""What every tab needs: the open database, who is working, and navigation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import sqlite_utils


@dataclass
class AppContext:
    db: sqlite_utils.Database
    db_path: Path
    # The clerk (记录人) on forms, logs and history: the data file's
    # office.clerk (picked at start or 文件 ▸ 切换记录人…); the OS login only
    # when the file has none (models/core/settings.recorder).
    user: str = ""
    # Set by the main window: open(kind, key) shows a record in its tab,
    # e.g. open("ticket", "YX2611007"), open("customer", 12), open("part", "P-1001"),
    # open("new_ticket", {"customer_id": 3, "equipment_id": 7}).
    open: Callable[[str, object], None] = lambda kind, key: None
    # Set by the main window: show a transient message in the status bar.
    status: Callable[[str], None] = lambda text: None
    # Set by the main window: tell every tab the data changed (kind = area name).
    data_changed: Callable[[str], None] = lambda kind: None

    def __post_init__(self) -> None:
        if not self.user:
            from servicedesk.models.core.settings import recorder

            self.user = recorder(self.db)
