"""The GUI halves of run.py, each run in its own process (offscreen).

    python benchmarks/gui_probe.py bare            # reference: a bare 6-tab window; prints "shown <epoch s>"
    python benchmarks/gui_probe.py bare --rss      # ... and its peak RSS after the first paint
    python benchmarks/gui_probe.py app --db F      # MainWindow on F, every tab visited, every list
                                                   # scrolled to its end; prints peak RSS as JSON

The program's own start-up is timed through `servicedesk --db F` with
SERVICEDESK_QUIT_WHEN_SHOWN set (ui/app.py prints the same "shown" line), so
the bare window here is started exactly the same way: a fresh interpreter,
the same platform plugin, "shown" printed once the window's first paint is
done (a zero timer queued from its first paint event; a zero timer right
after show() would fire before anything is painted).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def peak_rss_mb() -> float:
    """Peak resident set size of this process: VmHWM of /proc/self/status.

    Not getrusage's ru_maxrss: Linux carries the high-water mark of the
    memory a process was forked from across exec, so a probe started by a
    run.py holding 120 MB reported at least 120 MB, whatever it used itself
    (the bare window's 122 MB in earlier runs; 57 MB measured this way).
    ru_maxrss (KiB on Linux) remains the answer where /proc is missing.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare(rss: bool) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget(window)
    for i in range(6):
        tabs.addTab(QLabel(f"tab {i + 1}"), f"Tab {i + 1}")
    window.setCentralWidget(tabs)
    window.resize(1280, 800)

    def done() -> None:
        print(f"shown {time.time():.6f}", flush=True)
        if rss:
            print(json.dumps({"peak_rss_mb": round(peak_rss_mb(), 1)}), flush=True)
        app.quit()

    class FirstPaint(QObject):
        """As ui/app.py's after_first_paint (not imported: the reference loads nothing of ours)."""

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
            if event.type() == QEvent.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, done)
            return False

    first_paint = FirstPaint(window)
    window.installEventFilter(first_paint)
    window.show()
    return app.exec()


def app_memory(db_path: Path, max_seconds_per_view: float) -> int:
    """Open F the way the clerk does, visit every tab, scroll each list to its
    end (lazy lists fetch page after page until they hold every row)."""
    from PySide6.QtWidgets import QAbstractItemView

    from servicedesk.models.core.db import open_db
    from servicedesk.ui.app import make_application
    from servicedesk.ui.context import AppContext
    from servicedesk.ui.main_window import MainWindow

    app = make_application()
    db = open_db(db_path)
    window = MainWindow(AppContext(db=db, db_path=db_path))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    after_start = peak_rss_mb()
    report: dict[str, object] = {"tabs": {}}
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        app.processEvents()
        page = window.tabs.widget(i)
        rows = 0
        for view in page.findChildren(QAbstractItemView):
            model = view.model()
            if model is None:
                continue
            t0 = time.perf_counter()
            while time.perf_counter() - t0 < max_seconds_per_view:
                view.scrollToBottom()
                app.processEvents()
                if not model.canFetchMore(view.rootIndex()):
                    break
                model.fetchMore(view.rootIndex())
            rows += model.rowCount()
        report["tabs"][window.tabs.tabText(i)] = rows
    report.update(peak_rss_mb=round(peak_rss_mb(), 1), after_start_mb=round(after_start, 1))
    print(json.dumps(report, ensure_ascii=False), flush=True)
    window.close()
    db.close()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("bare", "app"))
    ap.add_argument("--db")
    ap.add_argument("--rss", action="store_true")
    ap.add_argument("--max-seconds-per-view", type=float, default=120.0)
    args = ap.parse_args()
    if args.mode == "bare":
        return bare(args.rss)
    return app_memory(Path(args.db), args.max_seconds_per_view)


if __name__ == "__main__":
    raise SystemExit(main())
