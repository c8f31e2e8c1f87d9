"""Start the GUI: application object, language, data file, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from servicedesk import APP_NAME, __version__
from servicedesk.config import TRANSLATIONS, choose_language
from servicedesk.models.core.errors import DomainError


def install_translator(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load servicedesk_zh_CN.qm (and Qt's own dialogs' Chinese); English needs none.

    Returns the installed translators so a caller (a test) can remove them.
    """
    if lang != "zh_CN":
        return []
    from PySide6.QtCore import QLibraryInfo

    installed = []
    for name, folder in (("servicedesk_zh_CN", str(TRANSLATIONS)),
                         ("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run_gui(db_path: Path, lang: str | None = None) -> int:
    app = make_application()
    language = choose_language(lang)
    install_translator(app, language)
    from servicedesk.models.core.messages import set_display_language

    # Before opening: a refused file's message (DatabaseError) is worded in
    # the display language at the moment it is raised.
    set_display_language(language)  # domain messages in the clerk's language
    db = open_data_file(db_path)
    if db is None:
        return 1
    from servicedesk.ui.context import AppContext
    from servicedesk.ui.main_window import MainWindow

    try:
        window = MainWindow(AppContext(db=db, db_path=db_path))
    except Exception as exc:  # noqa: BLE001 - say it in a window, never a traceback
        db.close()
        report_open_failure(db_path, exc)
        return 1
    install_error_hook(window)
    window.show()
    return app.exec()


def open_data_file(db_path: Path):
    """Open the data file for the GUI; on any failure show why and return None.

    A refused file (DatabaseError: not ours, newer, damaged, no permission)
    shows its own plain message; anything unexpected still gets a message box
    naming the file, because a double-clicked program has no console to show
    a traceback in.
    """
    from servicedesk.models.core.db import open_db

    try:
        return open_db(db_path)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a message
        report_open_failure(db_path, exc)
        return None


def report_open_failure(db_path: Path, exc: BaseException) -> None:
    """The "Cannot open the data file" message box for `exc`."""
    if isinstance(exc, DomainError):
        text = exc.message
    else:
        import traceback

        traceback.print_exception(type(exc), exc, exc.__traceback__)  # for whoever reads the log
        text = (QCoreApplication.translate("App", "The data file %1 could not be opened:\n%2")
                .replace("%1", str(db_path)).replace("%2", str(exc) or type(exc).__name__))
    QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the data file"), text)


def install_error_hook(parent) -> None:
    """An unexpected error shows a message instead of killing the window.

    Every write is one transaction that was rolled back before the exception
    got here, so the message can honestly say nothing was half-saved.
    """
    import traceback

    def hook(exc_type, exc, tb):
        traceback.print_exception(exc_type, exc, tb)
        if isinstance(exc, DomainError):
            text = exc.message
        else:
            text = QCoreApplication.translate(
                "App", "Something went wrong and the action was not saved:\n%1").replace("%1", str(exc))
        QMessageBox.warning(parent, QCoreApplication.translate("App", "Cannot do that"), text)

    sys.excepthook = hook
