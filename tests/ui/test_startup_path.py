"""What the window's start-up does not load (issue 15: cold start).

The first page is painted before anything behind its figures is imported:
the KPI model, QtCharts, the follow-up model and the sub-commands' parsers
come later (the dashboard's loader thread, the first chart, a command).
Checked in a fresh interpreter, since this test process has loaded them all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from servicedesk.cli import build_parser, starts_the_window

LATER = (
    "PySide6.QtCharts",
    "servicedesk.models.kpi.month",
    "servicedesk.models.followups.calls",
    "servicedesk.ui.kpi.tab",
    "servicedesk.commands.tickets",
    "servicedesk.ui.settings.pin_dialogs",
    "servicedesk.ui.data.backups",          # the status bar's words are in ui/data/backup_words.py
    "reportlab",
    "openpyxl",
)

PROBE = """
import json, sys
from pathlib import Path
from servicedesk.cli import build_parser, starts_the_window
argv = ["--db", sys.argv[1], "--lang", "zh_CN"]
build_parser(commands=not starts_the_window(argv)).parse_args(argv)
from servicedesk.models.core.db import open_db
from servicedesk.ui.app import make_application
from servicedesk.ui.context import AppContext
from servicedesk.ui.main_window import MainWindow
app = make_application()
path = Path(sys.argv[1])
window = MainWindow(AppContext(db=open_db(path), db_path=path))
window.show()
print(json.dumps({"page": window.tabs.currentWidget().objectName(),
                  "loaded": [n for n in json.loads(sys.argv[2]) if n in sys.modules]}))
"""


def test_only_the_windows_options_skip_the_sub_commands():
    assert starts_the_window([]) and starts_the_window(["--db", "F", "--lang", "zh_CN"])
    assert starts_the_window(["--db=F", "--smoke"])
    for argv in (["kpi", "2026-09"], ["--db", "F", "backup"], ["--help"], ["--version"], ["--db"], ["--dbx", "F"]):
        assert not starts_the_window(argv), argv
    assert build_parser(commands=False).parse_args(["--db", "F"]).command is None


def test_the_window_is_built_without_what_its_figures_need(tmp_path: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "office.sqlite3"), json.dumps(LATER)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report == {"page": "tab_dashboard", "loaded": []}


START = """
import json, runpy, sys
order = []
class Note:  # first on sys.meta_path: sees every module being imported, finds none itself
    @staticmethod
    def find_spec(name, path=None, target=None):
        order.append(name)
        if name == "servicedesk.ui.main_window":
            import gc
            order.append(f"<collector {'on' if gc.isenabled() else 'off'}>")
sys.meta_path.insert(0, Note)
import builtins
_print = builtins.print
def print_and_note(*args, **kwargs):
    if args and str(args[0]).startswith("shown "):
        order.append("<first paint>")
    _print(*args, **kwargs)
builtins.print = print_and_note
sys.argv = ["servicedesk", "--db", sys.argv[1], "--lang", "zh_CN"]
try:
    runpy.run_module("servicedesk", run_name="__main__")
finally:
    sys.stderr.write("ORDER " + json.dumps(order) + "\\n")
"""


def test_the_start_imports_its_data_layer_before_qt(tmp_path: Path):
    """PySide6 reads the source of every module imported after it (cli.import_data_layer):
    whatever of sqlite-utils, the log and the models the first paint needs comes first."""
    from servicedesk.models.core.db import open_db
    from servicedesk.models.core.settings import CLERK, set_setting

    path = tmp_path / "office.sqlite3"
    db = open_db(path)
    set_setting(db, CLERK, "王丽")          # set up: no first-start wizard
    db.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SERVICEDESK_QUIT_WHEN_SHOWN": "1",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", START, str(path)], env=env, capture_output=True, text=True,
                         timeout=180)
    assert out.returncode == 0, out.stderr
    order = json.loads(next(line for line in out.stderr.splitlines() if line.startswith("ORDER "))[6:])
    seen = list(dict.fromkeys(order))
    qt, painted = seen.index("PySide6.QtCore"), seen.index("<first paint>")
    data_layer = [m for m in seen[:painted] if m.startswith(("sqlite_utils", "servicedesk.models", "servicedesk.applog"))]
    late = [m for m in data_layer if seen.index(m) > qt]
    assert "sqlite_utils" in data_layer and "servicedesk.models.core.db" in data_layer
    assert late == [], f"imported after PySide6 before the first paint (add to cli.DATA_LAYER_MODULES): {late}"
    # cli.pause_garbage_collection: no collections while the start allocates (10-13 ms and more)
    assert seen[seen.index("servicedesk.ui.main_window") + 1] == "<collector off>"
