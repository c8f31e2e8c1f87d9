"""Where files live and which database to open.

Kept free of Qt so the CLI and models can use it; UI preferences (window
geometry, last folder) live in QSettings, business settings in the database.
"""

from __future__ import annotations

import locale
import os
import sys
from pathlib import Path
from typing import Mapping

from platformdirs import user_data_dir, user_log_dir

from servicedesk import APP_NAME

DB_ENV_VAR = "SERVICEDESK_DB"
DB_FILENAME = "servicedesk.sqlite3"
LANGUAGES = ("zh_CN", "en")
RESOURCES = Path(__file__).resolve().parent / "resources"
TRANSLATIONS = RESOURCES / "translations"
HELP = RESOURCES / "help"


def default_data_dir() -> Path:
    """The per-user data folder (on Windows: %LOCALAPPDATA%\\ServiceDesk)."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_backup_dir() -> Path:
    """Where automatic backups go unless the settings name another folder."""
    return default_data_dir() / "backups"


LOG_ENV_VAR = "SERVICEDESK_LOG_DIR"


def log_dir() -> Path:
    """The per-user log folder (on Windows: %LOCALAPPDATA%\\ServiceDesk\\Logs); SERVICEDESK_LOG_DIR overrides it (tests)."""
    return Path(os.environ.get(LOG_ENV_VAR) or user_log_dir(APP_NAME, appauthor=False))


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


def system_locale_name(environ: Mapping[str, str] | None = None) -> str:
    """The user's message locale, e.g. "zh_CN.UTF-8" or "English_United States".

    POSIX order (LC_ALL, then LC_MESSAGES, then LANG) as a terminal sets it;
    without those, Windows' display language (a double-clicked program has
    no LANG), else whatever the C library reports.
    """
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(var):
            return env[var]
    if sys.platform == "win32":  # pragma: no cover - Windows only
        try:
            import ctypes

            lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()
            return locale.windows_locale.get(lang_id, "")
        except (AttributeError, OSError):
            pass
    try:
        return locale.getlocale()[0] or ""
    except ValueError:  # pragma: no cover - unparsable locale
        return ""


def choose_language(lang: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """--lang wins; otherwise Chinese on a Chinese system locale, else English.

    One rule for the window and the command line (no Qt here, so the CLI
    need not load it): "zh_CN" or "en".
    """
    if lang:
        return lang
    return "zh_CN" if system_locale_name(environ).lower().startswith("zh") else "en"
