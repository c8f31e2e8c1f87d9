"""Start the GUI: application object, language, data file, main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from servicedesk import APP_NAME, __version__
from servicedesk.config import RESOURCES, TRANSLATIONS, choose_language
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
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "servicedesk.png")))  # title bar and task bar
    return app


def platform_advice() -> str | None:
    """One line saying why Qt cannot open a window here (and what to install), or None.

    Asked before the QApplication exists, because Qt aborts the process when
    its platform plugin fails; an existing application (tests) needs no check.
    """
    if QApplication.instance() is not None:
        return None
    from servicedesk.ui.qt_check import platform_problem

    return platform_problem()


def say(line: str) -> None:
    """A line on stderr; a windowed Windows program has no stderr (None)."""
    if sys.stderr is not None:
        sys.stderr.write(line + "\n")


def open_main_window(db_path: Path, lang: str | None, report=None):
    """Application, language, data file and main window (not yet shown); None after a failure was reported.

    `report(db_path, exc)` tells of a failure (default: the message box).
    """
    report = report or report_open_failure
    app = make_application()
    language = choose_language(lang)
    install_translator(app, language)
    from servicedesk.models.core.messages import set_display_language

    # Before opening: a refused file's message (DatabaseError) is worded in
    # the display language at the moment it is raised.
    set_display_language(language)  # domain messages in the clerk's language
    db = open_data_file(db_path, report)
    if db is None:
        return None
    from servicedesk.ui.context import AppContext
    from servicedesk.ui.main_window import MainWindow

    try:
        return MainWindow(AppContext(db=db, db_path=db_path))
    except Exception as exc:  # noqa: BLE001 - say it in a window, never a traceback
        db.close()
        report(db_path, exc)
        return None


def run_gui(db_path: Path, lang: str | None = None) -> int:
    advice = platform_advice()
    if advice:
        say(advice)
        return 1
    window = open_main_window(db_path, lang)
    if window is None:
        return 1
    install_error_hook(window)
    window.show()
    app = QApplication.instance()
    if os.environ.get("SERVICEDESK_QUIT_WHEN_SHOWN"):  # benchmarks/run.py: start-up time to the first paint
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f}", flush=True), app.quit()))
    return app.exec()


def run_smoke(db_path: Path | None, lang: str | None = None) -> int:
    """`servicedesk --smoke`: open the main window, show every tab, close; 0 when nothing raised.

    For CI and for checking a built program: every tab is built, activated
    and painted with the real data file (or a fresh empty one when no --db
    is given). Errors raised inside Qt slots do not propagate to here, so an
    excepthook counts them; a data file that cannot be opened counts too,
    and so does any modal dialog, which is closed again (nobody is there to
    answer it). Window geometry is saved to a throwaway QSettings folder,
    not the clerk's.
    """
    import tempfile
    import traceback

    from PySide6.QtCore import QSettings, QTimer

    advice = platform_advice()
    if advice:
        say(advice)
        return 1
    with tempfile.TemporaryDirectory(prefix="servicedesk-smoke-", ignore_cleanup_errors=True) as scratch:
        QSettings.setDefaultFormat(QSettings.IniFormat)
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, scratch)
        errors: list[str] = []

        def hook(exc_type, exc, tb):
            errors.append("".join(traceback.format_exception(exc_type, exc, tb)))

        def refused(path, exc):
            errors.append(f"the data file {path} could not be opened: {exc}")

        def close_modal():
            dialog = QApplication.activeModalWidget()
            if dialog is not None:
                errors.append(f"a modal dialog opened by itself: {dialog.windowTitle()!r}")
                dialog.close()

        previous, sys.excepthook = sys.excepthook, hook
        window = None
        watchdog = QTimer(interval=200, timeout=close_modal)
        try:
            window = open_main_window(db_path or Path(scratch) / "smoke.sqlite3", lang, report=refused)
            if window is None:
                return finish_smoke(errors, 0)
            app = QApplication.instance()
            watchdog.start()
            window.show()
            app.processEvents()
            # Every tab once, ending on the one that was open: each visit is a
            # change, so each page is built and activated as a click would.
            count, start = window.tabs.count(), window.tabs.currentIndex()
            for step in range(1, count + 1):
                index = (start + step) % count
                window.tabs.setCurrentIndex(index)
                app.processEvents()
                window.tabs.widget(index).grab()  # paint it, as a screen would
                app.processEvents()
            window.close()
            app.processEvents()
            window.ctx.db.close()
        except Exception:  # noqa: BLE001 - counted like a slot's error
            hook(*sys.exc_info())
        finally:
            watchdog.stop()
            sys.excepthook = previous
    return finish_smoke(errors, window.tabs.count() if window else 0)


def finish_smoke(errors: list[str], tabs: int) -> int:
    """Print the smoke run's errors and its summary line; the exit code.

    Waits for background loaders first (the dashboard reads in a QThread): a
    thread still running when Python exits aborts the process, exit code -6.
    """
    from servicedesk.ui.kpi.tab import _RUNNING

    for thread in list(_RUNNING):
        thread.wait(10_000)
    for error in errors:
        say(error.rstrip())
    say(f"smoke: {tabs} tabs shown, {len(errors)} errors")
    return 1 if errors else 0


def open_data_file(db_path: Path, report=None):
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
        (report or report_open_failure)(db_path, exc)
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
