"""Shared fixtures: offscreen Qt, a real SQLite file per test, isolated settings."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "office.sqlite3"


@pytest.fixture
def db(db_path: Path):
    from servicedesk.models.core.db import open_db

    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the real user's data file or QSettings."""
    monkeypatch.setenv("SERVICEDESK_DB", str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    # English unless a test asks for Chinese, whatever the machine's locale.
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("SERVICEDESK_LOG_DIR", str(tmp_path / "log"))
    yield


@pytest.fixture(autouse=True)
def discard_questions(request, monkeypatch):
    """Nobody is there to answer a dialog's 放弃未保存的内容？ (it would wait for
    ever): GUI tests get Discard. The list holds each dialog that asked, for
    tests of the question; ui/form_dialog.ask_discard is the real box."""
    asked: list = []
    if {"qtbot", "qapp", "ctx"} & set(request.fixturenames):
        from servicedesk.ui.form_dialog import DiscardGuard

        monkeypatch.setattr(DiscardGuard, "confirm_discard", lambda dialog: asked.append(dialog) or True)
    return asked


@pytest.fixture
def ctx(db, db_path, qapp):
    """An AppContext for GUI tests (qapp makes the QApplication first)."""
    from PySide6.QtCore import QSettings

    from servicedesk.ui.context import AppContext

    qapp.setOrganizationName("ServiceDeskTests")
    qapp.setApplicationName("ServiceDeskTests")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(db_path.parent / "qsettings"))
    return AppContext(db=db, db_path=db_path, user="测试员")


@pytest.fixture
def cli(capsys):
    """Run main([...]) in-process as a shell would: returns (exit code, stdout, stderr)."""
    from servicedesk.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: --help, usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    import contextlib
    import io

    from servicedesk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()
