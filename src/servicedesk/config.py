"""Where files live and which database to open.

Kept free of Qt so the CLI and models can use it; UI preferences (window
geometry, last folder) live in QSettings, business settings in the database.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

from servicedesk import APP_NAME

DB_ENV_VAR = "SERVICEDESK_DB"
DB_FILENAME = "servicedesk.sqlite3"
RESOURCES = Path(__file__).resolve().parent / "resources"
TRANSLATIONS = RESOURCES / "translations"
HELP = RESOURCES / "help"


def default_data_dir() -> Path:
    """The per-user data folder (on Windows: %LOCALAPPDATA%\\ServiceDesk)."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_backup_dir() -> Path:
    """Where automatic backups go unless the settings name another folder."""
    return default_data_dir() / "backups"


def log_dir() -> Path:
    """The per-user log folder (on Windows: %LOCALAPPDATA%\\ServiceDesk\\Logs)."""
    return Path(user_log_dir(APP_NAME, appauthor=False))


def guide_path(language: str) -> Path:
    """The user guide shipped for `language` ('zh_CN' or 'en'), Chinese by default."""
    path = HELP / f"guide_{language}.html"
    return path if path.exists() else HELP / "guide_zh_CN.html"


def resolve_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """--db beats SERVICEDESK_DB beats the platformdirs default."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env)
    return default_data_dir() / DB_FILENAME
