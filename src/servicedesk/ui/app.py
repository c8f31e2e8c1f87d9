"""Start the GUI: application object, language, data file, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from servicedesk import APP_NAME, __version__
from servicedesk.config import TRANSLATIONS
from servicedesk.models.core.errors import DomainError


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
    start_logging(db_path)
    language = choose_language(lang)
    install_translator(app, language)
    from servicedesk.models.core.messages import set_display_language

    # Before opening: a refused file's message (DatabaseError) is worded in
    # the display language at the moment it is raised.
    set_display_language(language)  # domain messages in the clerk's language
    opened = open_for_gui(db_path)
    if opened is None:
        return 1
    db, db_path, lock = opened
    from servicedesk.ui.context import AppContext
    from servicedesk.ui.main_window import MainWindow

    try:
        window = MainWindow(AppContext(db=db, db_path=db_path))
    except Exception as exc:  # noqa: BLE001 - say it in a window, never a traceback
        db.close()
        if lock is not None:
            lock.release()
        report_open_failure(db_path, exc)
        return 1
    window.data_lock = lock
    remember_backup_folder(db_path, window.plan.folder)
    from servicedesk.ui.data.errors import install_error_hooks

    window.error_relay = install_error_hooks(window)
    window.show()
    window.start_backup_schedule()
    try:
        return app.exec()
    finally:
        if lock is not None:
            lock.release()


# ---- start-up steps of issue 17 (logging, lock, damaged file) ------------------
def start_logging(db_path: Path) -> None:
    """The rotating log file; the start-up is its first line."""
    import logging

    from servicedesk.applog import setup_logging

    where = setup_logging()
    logging.getLogger("servicedesk").info("ServiceDesk %s starting on %s (log %s)", __version__, db_path, where)


REFUSED = object()


def take_data_lock(db_path: Path):
    """The data file's lock, before any dialog; REFUSED (after saying who has it)
    when another window has the file open; None when no lock can be written
    (a read-only folder: the file then opens read-only, nobody can write it)."""
    from servicedesk.models.core.lock import AlreadyOpenError, DataFileLock

    try:
        if not db_path.parent.exists():
            db_path.parent.mkdir(parents=True, exist_ok=True)
        return DataFileLock.acquire(db_path)
    except AlreadyOpenError as exc:
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

    dialog = DamagedFileDialog(exc.message, newest)
    dialog.exec()
    if dialog.choice == DamagedFileDialog.OTHER:
        other, _ = QFileDialog.getOpenFileName(
            None, QCoreApplication.translate("App", "Open another data file"), str(db_path.parent),
            QCoreApplication.translate("App", "ServiceDesk data (*.sqlite3);;All files (*)"))
        return (dialog.choice, Path(other)) if other else (DamagedFileDialog.QUIT, None)
    return dialog.choice, None


def open_for_gui(db_path: Path):
    """Lock, open, and on a damaged or empty file offer restore / another file / quit.

    Returns (db, path, lock) or None (the reason was shown). Never a traceback.
    """
    from servicedesk.models.core.db import DamagedFileError, EmptyFileError, open_db
    from servicedesk.models.core.restore import restore_backup
    from servicedesk.ui.data.backups import DamagedFileDialog

    lock = take_data_lock(db_path)
    while True:
        if lock is REFUSED:
            return None
        try:
            return open_db(db_path), db_path, lock
        except (DamagedFileError, EmptyFileError) as exc:
            import logging

            logging.getLogger("servicedesk").warning("damaged data file: %s", exc.english)
            newest = newest_backup_for(db_path)
            choice, other = ask_damaged(db_path, exc, newest)
            if choice == DamagedFileDialog.RESTORE and newest is not None:
                try:
                    restore_backup(db_path, newest.path, lock=lock)
                except Exception as restore_exc:  # noqa: BLE001 - shown, then the dialog again
                    report_open_failure(db_path, restore_exc)
                continue
            if lock is not None:
                lock.release()
            if choice == DamagedFileDialog.OTHER and other is not None:
                db_path = other
                lock = take_data_lock(db_path)
                continue
            return None
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            if lock is not None:
                lock.release()
            report_open_failure(db_path, exc)
            return None


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
        from servicedesk.applog import log_exception

        log_exception(type(exc), exc, exc.__traceback__, where="opening the data file")
        text = (QCoreApplication.translate("App", "The data file %1 could not be opened:\n%2")
                .replace("%1", str(db_path)).replace("%2", str(exc) or type(exc).__name__))
    QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the data file"), text)
