"""Start the GUI: application object, language, data file, main window."""

from __future__ import annotations

import gc
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


def open_main_window(db_path: Path, lang: str | None, report=None, *, interactive: bool = False):
    """Application, language, locked data file and main window (not yet shown); None after a failure was reported.

    `report(db_path, exc)` tells of a failure (default: the message box).
    The window holds the data file's lock in `window.data_lock`; whoever
    closes the window releases it (run_gui, run_smoke). `interactive`
    (the clerk's own start, run_gui): a data file never set up gets the
    first-start wizard first (None when it is cancelled: nothing was
    written), and when several clerks are kept the clerk picker asks who is
    working; `window.start_choice` says how the wizard chose to begin.
    """
    report = report or report_open_failure
    app = make_application()
    start_logging(db_path)
    language = choose_language(lang)
    install_translator(app, language)
    from servicedesk.models.core.messages import set_display_language

    # Before opening: a refused file's message (DatabaseError) is worded in
    # the display language at the moment it is raised.
    set_display_language(language)  # domain messages in the clerk's language
    opened = open_for_gui(db_path, report)
    if opened is None:
        return None
    db, db_path, lock = opened
    from servicedesk.ui.context import AppContext
    from servicedesk.ui.main_window import MainWindow

    choice = None
    try:
        if interactive:
            choice = start_dialogs(db, db_path)
            if choice is CANCELLED:
                db.close()
                release(lock)
                return None
        ctx = AppContext(db=db, db_path=db_path)
        if interactive and choice is None:
            ask_clerk(ctx)
        window = MainWindow(ctx)
    except Exception as exc:  # noqa: BLE001 - say it in a window, never a traceback
        db.close()
        release(lock)
        report(db_path, exc)
        return None
    window.data_lock = lock
    window.start_choice = choice
    remember_backup_folder(db_path, window.plan.folder)
    return window


CANCELLED = "cancelled"


def start_dialogs(db, db_path: Path):
    """The first-start wizard for a file never set up: its choice, CANCELLED, or None (no wizard).

    A read-only file cannot be set up: it opens as it is.
    """
    from servicedesk.models.core.db import read_only_reason
    from servicedesk.models.core.first_start import needs_first_start

    if not needs_first_start(db) or read_only_reason(db):
        return None
    from servicedesk.ui.setup.first_start import run_first_start

    resume_garbage_collection()   # the clerk may spend minutes in the wizard
    choice = run_first_start(db, db_path)
    return CANCELLED if choice is None else choice


def ask_clerk(ctx) -> None:
    """With several clerks kept, ask who is working (Cancel keeps the last one)."""
    from servicedesk.models.core.settings import clerk_names

    if len(clerk_names(ctx.db)) > 1:
        from servicedesk.ui.setup.clerk_picker import pick_clerk

        resume_garbage_collection()
        pick_clerk(ctx)


def release(lock) -> None:
    """Give the data file's lock back (None: the file had none, e.g. read-only)."""
    if lock is not None:
        lock.release()


def run_gui(db_path: Path, lang: str | None = None) -> int:
    advice = platform_advice()
    if advice:
        say(advice)
        return 1
    window = open_main_window(db_path, lang, interactive=True)
    if window is None:
        return 1
    from servicedesk.ui.data.errors import install_error_hooks

    window.error_relay = install_error_hooks(window)
    window.show()
    app = QApplication.instance()
    if os.environ.get("SERVICEDESK_QUIT_WHEN_SHOWN"):  # benchmarks/run.py: start-up time to the first paint
        # Only the start is measured: no backup schedule, so no day's copy
        # and no copy on close (a 290 MB write whose flush would fall on
        # the next sample).
        after_first_paint(window, lambda: (print(f"shown {time.time():.6f}", flush=True), app.quit()))
    else:
        # The day's first backup reads the whole file in a thread; started
        # before the first paint it would slow the window's appearance.
        after_first_paint(window, window.start_backup_schedule, at_latest_ms=AT_LATEST_MS)
    after_first_paint(window, resume_garbage_collection, at_latest_ms=AT_LATEST_MS)
    if window.start_choice == "import":  # the first start chose the office's Excel sheets
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, window.start_import)
    try:
        return app.exec()
    finally:
        from servicedesk.ui.workers import wait_for_workers

        wait_for_workers()
        # Closed before the lock goes: a clean close stamps the file checked,
        # so the next start can skip the check (models/core/health_stamp).
        window.ctx.db.close()
        release(window.data_lock)


# A window started minimised may not be painted for a long while: what
# waits for its first paint starts after this many milliseconds all the same.
AT_LATEST_MS = 5_000


def resume_garbage_collection() -> None:
    """Switch the cyclic garbage collector back on (cli.pause_garbage_collection
    switched it off for the start)."""
    gc.enable()


def after_first_paint(window, then, *, at_latest_ms: int | None = None) -> None:
    """Call `then` once, when `window` has been painted for the first time
    (or after `at_latest_ms`, painted or not, when given).

    A zero timer after show() fires before the first paint (the update is
    posted behind it); the clerk sees the window only when it is painted,
    so that is the moment start-up is timed to (benchmarks/run.py, issue 15).
    The window's own paint event comes first in a repaint; a zero timer from
    there fires once its children are painted and the frame is on screen.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
            if event.type() == QEvent.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, self.call)
            return False

        def call(self) -> None:
            if not self.done:
                self.done = True
                then()

    first_paint = FirstPaint(window)
    window.first_paint_hooks = [*getattr(window, "first_paint_hooks", []), first_paint]  # kept alive
    window.installEventFilter(first_paint)
    if at_latest_ms is not None:
        QTimer.singleShot(at_latest_ms, first_paint, first_paint.call)


# ---- start-up steps of issue 17 (logging, lock, damaged file) ------------------
def start_logging(db_path: Path) -> None:
    """The rotating log file; the start-up is its first line."""
    import logging

    from servicedesk.applog import setup_logging

    where = setup_logging()
    logging.getLogger("servicedesk").info("ServiceDesk %s starting on %s (log %s)", __version__, db_path, where)


REFUSED = object()


def take_data_lock(db_path: Path, report=None):
    """The data file's lock, before any dialog; REFUSED (after saying who has it,
    through `report` when given — the smoke run prints it — else a message box)
    when another window has the file open; None when no lock can be written
    (a read-only folder: the file then opens read-only, nobody can write it)."""
    from servicedesk.models.core.lock import AlreadyOpenError, DataFileLock

    try:
        if not db_path.parent.exists():
            db_path.parent.mkdir(parents=True, exist_ok=True)
        return DataFileLock.acquire(db_path)
    except AlreadyOpenError as exc:
        if report is not None:
            report(db_path, exc)
        else:
            QMessageBox.warning(None, QCoreApplication.translate("App", "Already open"), exc.message)
        return REFUSED
    except OSError:
        return None


def _settings_key(db_path: Path) -> str:
    import hashlib

    return "backup_folders/" + hashlib.sha1(str(db_path.resolve()).encode("utf-8")).hexdigest()


def remember_backup_folder(db_path: Path, folder: Path) -> None:
    """The damaged-file dialog cannot read the folder from a damaged file: keep it in QSettings."""
    from PySide6.QtCore import QSettings

    QSettings().setValue(_settings_key(db_path), str(folder))


def newest_backup_for(db_path: Path):
    """The newest verified copy in the remembered backup folder or the default one."""
    from PySide6.QtCore import QSettings

    from servicedesk.models.core.backup import default_backup_folder, list_backups

    folders = [QSettings().value(_settings_key(db_path)), default_backup_folder()]
    best = None
    for folder in folders:
        if not folder:
            continue
        try:
            copies = [c for c in list_backups(Path(folder), db_path.stem) if c.verified]
        except OSError:
            continue
        if copies and (best is None or copies[0].at > best.at):
            best = copies[0]
    return best


def ask_damaged(db_path: Path, exc, newest):
    """The 数据文件已损坏 dialog; returns (choice, another file or None)."""
    from PySide6.QtWidgets import QFileDialog

    from servicedesk.ui.data.backups import DamagedFileDialog

    resume_garbage_collection()
    dialog = DamagedFileDialog(exc.message, newest)
    dialog.exec()
    if dialog.choice == DamagedFileDialog.OTHER:
        other, _ = QFileDialog.getOpenFileName(
            None, QCoreApplication.translate("App", "Open another data file"), str(db_path.parent),
            QCoreApplication.translate("App", "ServiceDesk data (*.sqlite3);;All files (*)"))
        return (dialog.choice, Path(other)) if other else (DamagedFileDialog.QUIT, None)
    return dialog.choice, None


def open_for_gui(db_path: Path, report=None):
    """Lock, open, and on a damaged or empty file offer restore / another file / quit.

    Returns (db, path, lock) or None (the reason was shown by `report`).
    Never a traceback.
    """
    told = None if report in (None, report_open_failure) else report   # a caller's own way of telling
    report = report or report_open_failure
    from servicedesk.models.core.db import DamagedFileError, EmptyFileError, open_db

    lock = take_data_lock(db_path, told)
    while True:
        if lock is REFUSED:
            return None
        try:
            return open_db(db_path), db_path, lock
        except (DamagedFileError, EmptyFileError) as exc:
            import logging

            from servicedesk.models.core.restore import restore_backup
            from servicedesk.ui.data.backups import DamagedFileDialog

            logging.getLogger("servicedesk").warning("damaged data file: %s", exc.english)
            newest = newest_backup_for(db_path)
            choice, other = ask_damaged(db_path, exc, newest)
            if choice == DamagedFileDialog.RESTORE and newest is not None:
                try:
                    restore_backup(db_path, newest.path, lock=lock)
                except Exception as restore_exc:  # noqa: BLE001 - shown, then the dialog again
                    report(db_path, restore_exc)
                continue
            release(lock)
            if choice == DamagedFileDialog.OTHER and other is not None:
                db_path = other
                lock = take_data_lock(db_path, told)
                continue
            return None
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            release(lock)
            report(db_path, exc)
            return None


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
            resume_garbage_collection()
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
            release(window.data_lock)
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
    from servicedesk.ui.workers import wait_for_workers

    wait_for_workers(10_000)
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
        from servicedesk.applog import log_exception

        log_exception(type(exc), exc, exc.__traceback__, where="opening the data file")
        text = (QCoreApplication.translate("App", "The data file %1 could not be opened:\n%2")
                .replace("%1", str(db_path)).replace("%2", str(exc) or type(exc).__name__))
    QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the data file"), text)
