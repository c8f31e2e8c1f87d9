"""The program's log: a rotating file in the user log folder (1 MB x 5).

The windowed build has no console (sys.stderr is None), so without this file
every traceback is lost. Start-ups, imports, exports, backups and restores
are logged at INFO by their modules (`logging.getLogger(__name__)`);
unexpected exceptions at ERROR with the traceback. Kept free of Qt.
`SERVICEDESK_LOG_DIR` overrides the folder (tests).
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from servicedesk.config import LOG_ENV_VAR, log_dir  # noqa: F401 (re-exported for callers of applog)

LOG_FILENAME = "servicedesk.log"
_HANDLER_NAME = "servicedesk-file"


def log_file() -> Path:
    return log_dir() / LOG_FILENAME


def setup_logging() -> Path | None:
    """Attach the rotating file (once); returns its path, None if it cannot be written.

    A console handler is added only when there is a console: with stderr
    None a StreamHandler would raise on every record.
    """
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    path = log_file()
    for h in list(root.handlers):
        if getattr(h, "name", "") == _HANDLER_NAME:
            if Path(h.baseFilename) == path.absolute():
                return path
            root.removeHandler(h)  # the log folder changed (SERVICEDESK_LOG_DIR)
            h.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        path = None
    else:
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"))
        root.addHandler(handler)
    if sys.stderr is None:
        logging.raiseExceptions = False  # a failing handler never turns into a crash
    return path


def log_exception(exc_type, exc, tb, where: str = "") -> None:
    logging.getLogger("servicedesk.crash").error(
        "unexpected error%s", f" in {where}" if where else "", exc_info=(exc_type, exc, tb))


def rolled_back(exc: BaseException | None) -> bool:
    """Whether the exception left a `transaction()` that rolled its writes back.

    Only then may a message say "the action was not saved";
    models/core/transactions.py marks the exception on its way out.
    """
    return bool(getattr(exc, "servicedesk_rolled_back", False))
