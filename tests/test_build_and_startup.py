"""Start-up on a machine that cannot show a window, and the --smoke run.

Qt aborts the process when its platform plugin cannot load; `servicedesk`
must instead print one line of advice and exit 1. The start-up programs run
in subprocesses here, because that abort (and Qt's one-application-per-
process rule) cannot be tried in the test process.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from servicedesk.ui.main_window import TABS
from servicedesk.ui.qt_check import (
    QT_PACKAGES, XCB_PACKAGES, import_problem, platform_problem, requested_platforms,
)

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = SRC.parent
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux display platforms")


def run_servicedesk(*args: str, env: dict[str, str], code: str | None = None) -> subprocess.CompletedProcess:
    """`python -m servicedesk ARGS` (or `python -c CODE`) with this checkout first on the path."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "servicedesk", *args]
    return subprocess.run(command, env={**env, "PYTHONPATH": str(SRC)}, capture_output=True,
                          text=True, timeout=180, cwd=ROOT)


def base_env(**changes: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


# ---- the check itself ------------------------------------------------------------------

def test_requested_platforms_follow_qt_rules():
    assert requested_platforms({}) == ["xcb"]
    assert requested_platforms({"XDG_SESSION_TYPE": "wayland"}) == ["wayland", "xcb"]
    assert requested_platforms({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]
    # A platform's options follow a colon: "offscreen:fontengine=freetype".
    assert requested_platforms({"QT_QPA_PLATFORM": "offscreen:fontengine=freetype"}) == ["offscreen"]


def test_platforms_without_a_display_server_and_other_systems_are_left_to_qt():
    def never(path):
        raise AssertionError("nothing to load for these")

    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, load=never) is None
    assert platform_problem({"QT_QPA_PLATFORM": "minimal"}, load=never) is None
    assert platform_problem({}, load=never, system="win32") is None


@linux_only
def test_a_missing_xcb_library_gives_one_line_naming_the_debian_packages():
    # The dynamic loader's own message when libxcb-cursor0 is not installed.
    def loader(path):
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")

    advice = platform_problem({"DISPLAY": ":0"}, load=loader)
    assert advice is not None and "\n" not in advice
    assert "libxcb-cursor.so.0 is missing" in advice
    assert "sudo apt-get install " + " ".join(QT_PACKAGES + XCB_PACKAGES) in advice
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
                    "libxcb-render-util0", "libxkbcommon-x11-0"):
        assert package in advice


@linux_only
def test_in_a_wayland_session_an_install_hint_beats_no_display():
    # wayland loads but has no WAYLAND_DISPLAY; xcb lacks a library: the hint
    # that can be acted on is the install line.
    def loader(path):
        if path.endswith("libqxcb.so"):
            raise OSError("libxkbcommon-x11.so.0: cannot open shared object file: No such file or directory")
        return object()

    advice = platform_problem({"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}, load=loader)
    assert "libxkbcommon-x11.so.0 is missing" in advice and "libxkbcommon-x11-0" in advice


def test_qt_libraries_missing_at_import_name_the_base_packages():
    advice = import_problem(ImportError("libGL.so.1: cannot open shared object file: No such file or directory"))
    assert advice.startswith("error: Qt cannot start (libGL.so.1 is missing)")
    assert "libgl1" in advice and "libegl1" in advice
    assert import_problem(ImportError("No module named 'PySide6'")) is None


# ---- the real program, in a subprocess ----------------------------------------------------

def assert_advised_not_aborted(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)  # an abort is -SIGABRT
    assert result.returncode != -signal.SIGABRT
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert words in lines[0]


@linux_only
def test_no_display_prints_advice_and_exits_1_instead_of_aborting(tmp_path):
    result = run_servicedesk("--db", str(tmp_path / "office.sqlite3"),
                             env=base_env(QT_QPA_PLATFORM="xcb"))
    assert_advised_not_aborted(result, "no display to open the window on (xcb: DISPLAY=not set)")
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert not (tmp_path / "office.sqlite3").exists()  # stopped before touching the data file


@linux_only
def test_a_display_that_does_not_answer_is_caught_too(tmp_path):
    # DISPLAY names a server that is not there (no socket :97): Qt would abort
    # with "could not connect to display".
    result = run_servicedesk("--smoke", env=base_env(QT_QPA_PLATFORM="xcb", DISPLAY=":97"))
    assert_advised_not_aborted(result, "no display to open the window on (xcb: DISPLAY=:97)")


@linux_only
def test_a_plugin_that_cannot_load_is_caught_with_the_loaders_reason(tmp_path):
    # A copy of the real xcb plugin away from its Qt folder cannot find
    # libQt6XcbQpa.so.6 (its RUNPATH is $ORIGIN/../../lib): a real dlopen
    # failure of the plugin Qt would pick first.
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        pytest.skip("this PySide6 has no xcb plugin")
    shutil.copy(plugin, tmp_path / "libqxcb.so")
    result = run_servicedesk("--smoke", env=base_env(QT_QPA_PLATFORM="xcb", DISPLAY=":0",
                                                     QT_QPA_PLATFORM_PLUGIN_PATH=str(tmp_path)))
    assert_advised_not_aborted(result, "libQt6XcbQpa.so.6 is missing from the program's files")


@pytest.mark.skipif(not shutil.which("Xvfb"), reason="needs Xvfb for a real X display")
def test_a_working_x_display_passes_the_check_and_the_window_runs(tmp_path):
    server = subprocess.Popen(["Xvfb", ":93", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = Path("/tmp/.X11-unix/X93")
        for _ in range(100):
            if socket.exists():
                break
            subprocess.run(["sleep", "0.1"])
        result = run_servicedesk("--smoke", env=base_env(QT_QPA_PLATFORM="xcb", DISPLAY=":93"))
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert result.returncode == 0, result.stderr
    assert f"smoke: {len(TABS)} tabs shown, 0 errors" in result.stderr


# ---- --smoke --------------------------------------------------------------------------------

def test_smoke_shows_every_tab_of_a_real_data_file_and_exits_0(tmp_path):
    from servicedesk.models.core.db import open_db
    from tests import factories

    path = tmp_path / "office.sqlite3"
    db = open_db(path)
    customer = factories.customer(db)
    factories.ticket(db, customer_id=customer, equipment_id=factories.equipment(db, customer))
    db.close()
    result = run_servicedesk("--smoke", "--db", str(path), env=base_env(QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    assert f"smoke: {len(TABS)} tabs shown, 0 errors" in result.stderr
    assert "--smoke" not in run_servicedesk("--help", env=base_env()).stdout  # hidden from help


def test_smoke_without_db_uses_a_throwaway_file(tmp_path):
    env = base_env(QT_QPA_PLATFORM="offscreen", SERVICEDESK_DB=str(tmp_path / "clerk.sqlite3"))
    result = run_servicedesk("--smoke", env=env)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "clerk.sqlite3").exists()  # the clerk's file is not created


def test_smoke_fails_when_a_tab_raises_while_shown(tmp_path):
    # Errors inside Qt slots never reach the caller; the smoke run must still count them.
    code = (
        "import sys\n"
        "from servicedesk.ui.kpi import tab\n"
        "def broken(self):\n"
        "    raise RuntimeError('kpi tab broke')\n"
        "tab.KpiTab.on_activated = broken\n"
        "from servicedesk.cli import main\n"
        "sys.exit(main(['--smoke']))\n"
    )
    result = run_servicedesk(code=code, env=base_env(QT_QPA_PLATFORM="offscreen",
                                                     SERVICEDESK_DB=str(tmp_path / "x.sqlite3")))
    assert result.returncode == 1, result.stderr
    assert "RuntimeError: kpi tab broke" in result.stderr
    assert f"smoke: {len(TABS)} tabs shown, 1 errors" in result.stderr


# ---- the build's inputs (build.spec reads these; PyInstaller itself runs in .ci/run) --------

@pytest.fixture
def tools(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    import pyinstaller_options
    import version_info

    return pyinstaller_options, version_info


def test_version_resource_numbers_come_from_the_package_version(tools):
    _options, version_info = tools
    assert version_info.version_numbers("0.1.0") == (0, 1, 0, 0)
    assert version_info.version_numbers("2.10.3.7.1") == (2, 10, 3, 7)
    assert version_info.version_numbers("1.2rc1") == (1, 2, 0, 0)
    assert version_info.version_numbers("3.0.0.dev4") == (3, 0, 0, 0)
    with pytest.raises(ValueError):
        version_info.version_numbers("unknown")


def test_version_file_is_a_vsversioninfo_expression_with_this_version(tools, tmp_path):
    # PyInstaller evaluates the file with its VSVersionInfo classes (only on
    # Windows); record what each constructor is given instead.
    from servicedesk import __version__

    _options, version_info = tools
    text = version_info.write_version_file(tmp_path / "v.txt").read_text(encoding="utf-8")
    seen: dict[str, object] = {}

    def recorder(name):
        def make(*args, **kwargs):
            if name == "StringStruct":
                seen[args[0]] = args[1]
            elif name == "FixedFileInfo":
                seen.update(kwargs)
            return name
        return make

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    eval(text, {n: recorder(n) for n in names})  # noqa: S307 - our own generated file
    assert seen["filevers"] == seen["prodvers"] == version_info.version_numbers(__version__)
    assert seen["ProductVersion"] == seen["FileVersion"] == __version__
    assert seen["OriginalFilename"] == "ServiceDesk.exe"


def test_every_qt_module_the_program_imports_is_kept_and_the_rest_excluded(tools):
    import re

    options, _version_info = tools
    imported = set()
    for path in (SRC / "servicedesk").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    # A new Qt module in src must be added to USED_QT_MODULES, or the build lacks it.
    assert imported <= options.USED_QT_MODULES, imported - options.USED_QT_MODULES
    excluded = options.excludes()
    assert not any(f"PySide6.{name}" in excluded for name in options.USED_QT_MODULES)
    installed = options.installed_qt_modules()
    for name in ("QtQml", "QtQuick", "Qt3DCore", "QtMultimedia", "QtDesigner", "QtBluetooth",
                 "QtPositioning", "QtSensors", "QtSerialPort", "QtWebSockets", "QtNetwork",
                 "QtWebEngineCore", "QtWebEngineWidgets"):
        if name in installed:
            assert f"PySide6.{name}" in excluded
    assert "tkinter" in excluded and "pytest" in excluded


def test_dropped_files_are_the_unused_qt_parts_only(tools):
    options, _version_info = tools
    drop = options.dropped
    assert drop("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert drop("PySide6/Qt/lib/libQt6Quick.so.6") and drop("PySide6/Qt/lib/libQt6QmlModels.so.6")
    assert drop("PySide6/Qt/plugins/platforms/libqeglfs.so")
    assert drop("PySide6\\opengl32sw.dll") and drop("PySide6\\Qt6Quick.dll")
    assert drop("PySide6/Qt/translations/qtbase_de.qm") and drop("PySide6/translations/qt_fr.qm")
    for kept in ("PySide6/Qt/translations/qtbase_zh_CN.qm", "PySide6/translations/qtbase_zh_CN.qm",
                 "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                 "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/plugins/platforms/qwindows.dll",
                 "PySide6/Qt/lib/libQt6Charts.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/QtCharts.pyd",
                 "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
                 "servicedesk/resources/translations/servicedesk_zh_CN.qm"):
        assert not drop(kept), kept
    assert options.slim([("PySide6/Qt/lib/libQt6Quick.so.6", "x", "BINARY"),
                         ("PySide6/Qt/lib/libQt6Core.so.6", "y", "BINARY")]) == [
        ("PySide6/Qt/lib/libQt6Core.so.6", "y", "BINARY")]


def test_icon_files_hold_the_sizes_windows_asks_for():
    import struct

    icons = SRC / "servicedesk" / "resources" / "icons"
    ico = (icons / "servicedesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1)  # an icon, not a cursor
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}  # width byte; 0 means 256
    assert {16, 32, 48, 256} <= sizes
    assert (icons / "servicedesk.png").read_bytes().startswith(b"\x89PNG")


def test_smoke_fails_without_hanging_when_a_dialog_opens_or_the_file_is_refused(tmp_path):
    # A tab that opens a message box on activation would wait forever for a
    # click; the smoke run closes it and counts it.
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "from servicedesk.ui.parts import tab\n"
        "tab.PartsTab.on_activated = lambda self: QMessageBox.warning(self, 'Stuck', 'waiting')\n"
        "from servicedesk.cli import main\n"
        "sys.exit(main(['--smoke']))\n"
    )
    env = base_env(QT_QPA_PLATFORM="offscreen", SERVICEDESK_DB=str(tmp_path / "x.sqlite3"))
    result = run_servicedesk(code=code, env=env)
    assert result.returncode == 1, result.stderr
    assert "a modal dialog opened by itself: 'Stuck'" in result.stderr
    # A file that is not ServiceDesk's: refused in a line, not a message box.
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_bytes(b"not a database at all" * 100)
    result = run_servicedesk("--smoke", "--db", str(foreign), env=env)
    assert result.returncode == 1, result.stderr
    assert f"the data file {foreign} could not be opened" in result.stderr
    assert "smoke: 0 tabs shown, 1 errors" in result.stderr
