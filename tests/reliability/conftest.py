"""Reliability tests: the log goes into the test's own folder, never the user's."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_log(tmp_path, monkeypatch):
    monkeypatch.setenv("SERVICEDESK_LOG_DIR", str(tmp_path / "log"))
    yield
