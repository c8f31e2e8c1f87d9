"""Worker threads that outlive the widget that started them (issue 15).

Every tab reads its data off the GUI thread with its own connection. A
worker must neither be destroyed while it runs (closing a tab, the window)
nor be cut off when the application quits: keep_until_finished holds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QThread

RUNNING_THREADS: set[QThread] = set()


def keep_until_finished(thread: QThread) -> QThread:
    """Hold a worker until it has finished and make the application wait for it
    at exit, so closing a tab or the window never destroys a running thread."""
    RUNNING_THREADS.add(thread)

    def done() -> None:
        thread.wait()
        RUNNING_THREADS.discard(thread)

    thread.finished.connect(done)
    app = QCoreApplication.instance()
    if app is not None and not app.property("servicedesk_waits_for_workers"):
        app.aboutToQuit.connect(wait_for_workers)
        app.setProperty("servicedesk_waits_for_workers", True)
    return thread


def wait_for_workers(timeout_ms: int = 30_000) -> None:
    """Wait for every running worker: a thread still running when Python
    exits aborts the process. Also after the event loop has ended, since a
    queued start (a page's first read) can come after aboutToQuit."""
    for thread in list(RUNNING_THREADS):
        thread.wait(timeout_ms)
