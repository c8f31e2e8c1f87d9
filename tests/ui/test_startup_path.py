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
