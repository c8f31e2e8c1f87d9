"""Start the GUI: application object, language, data file, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from servicedesk import APP_NAME, __version__
from servicedesk.config import TRANSLATIONS
from servicedesk.models.errors import DomainError


def choose_language(lang: str | None) -> str:
    """--lang wins; otherwise Chinese on a Chinese system locale, else English."""
    if lang:
        return lang
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


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
    from servicedesk.models.messages import set_display_language

    set_display_language(language)  # domain messages in the clerk's language
    from servicedesk.models.db import open_db
    from servicedesk.ui.context import AppContext
    from servicedesk.ui.main_window import MainWindow

    try:
        db = open_db(db_path)
    except DomainError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the data file"), exc.message)
        return 1
    window = MainWindow(AppContext(db=db, db_path=db_path))
    install_error_hook(window)
    window.show()
    return app.exec()


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
