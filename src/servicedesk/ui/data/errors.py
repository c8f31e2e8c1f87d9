"""Unexpected errors: logged with the traceback, then a message that says what
happened and where the log is, with "copy details"; the program keeps running.

The wording depends on what happened: only an exception that left a
`transaction()` (which rolled back) may say the action was not saved.
"""

from __future__ import annotations

import sys
import threading
import traceback

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from servicedesk.applog import log_exception, log_file, rolled_back
from servicedesk.models.core.errors import DomainError


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def error_text(exc: BaseException) -> str:
    """What the clerk reads about `exc` (without the traceback)."""
    if isinstance(exc, DomainError):
        return exc.message
    detail = str(exc) or type(exc).__name__
    if rolled_back(exc):
        head = _tr("Something unexpected went wrong while saving; the action was not saved "
                   "(everything it had changed was undone).")
    else:
        head = _tr("Something unexpected went wrong. Data saved before is not affected; "
                   "if you were in the middle of something, check it and try again.")
    return head + "\n\n" + detail + "\n\n" + _tr("The details are in the log file %1.").replace("%1", str(log_file()))


def show_unexpected_error(parent: QWidget | None, exc_type, exc, tb) -> QMessageBox:
    """The error box (non-blocking: returned shown, so tests can read it)."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    title = QCoreApplication.translate("Common", "Cannot do that") if isinstance(exc, DomainError) \
        else _tr("Unexpected error")
    box = QMessageBox(QMessageBox.Warning, title, error_text(exc), QMessageBox.Ok, parent)
    box.setObjectName("unexpected_error")
    box.setDetailedText(details)
    copy = box.addButton(_tr("Copy details"), QMessageBox.ActionRole)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(error_text(exc) + "\n\n" + details))
    box.setModal(True)
    box.show()
    return box


class _Relay(QObject):
    """Carries an exception from any thread to the GUI thread (queued signal)."""

    raised = Signal(object, object, object, str)


def install_error_hooks(parent: QWidget | None) -> _Relay:
    """sys.excepthook and threading.excepthook -> log + error box; returns the relay (keep it)."""
    relay = _Relay(parent)
    boxes: list[QMessageBox] = []

    def show(exc_type, exc, tb, where: str) -> None:
        boxes[:] = [b for b in boxes if b.isVisible()]
        if len(boxes) < 3:  # a loop of errors must not bury the window in boxes
            boxes.append(show_unexpected_error(parent, exc_type, exc, tb))

    relay.raised.connect(show)

    def hook(exc_type, exc, tb) -> None:
        if not isinstance(exc, DomainError):
            log_exception(exc_type, exc, tb)
        relay.raised.emit(exc_type, exc, tb, "")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        log_exception(args.exc_type, args.exc_value, args.exc_traceback,
                      where=f"thread {args.thread.name if args.thread else '?'}")
        relay.raised.emit(args.exc_type, args.exc_value, args.exc_traceback, "thread")

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return relay
