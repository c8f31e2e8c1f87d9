"""Every window fits an office screen: tools/screenshots.py run as the README says.

The tool shows the main window (each tab) and every dialog the clerk can open
on Qt's offscreen platform configured as a 1366×768 screen (and a 1920×1080
laptop at 150 % scaling, a logical 1280×672 work area), and writes a manifest
of what it measured. Here it runs in its own process on a small demo file,
and the manifest is held to issue 13: every frame inside the work area
(a maximised main window: its client area), every default button inside its
window and shown, Tab following the visual order, and the dialogs the clerk
types into asking before typed data is thrown away.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCREENS = {"1366x768": ("1366x768", "1"), "1920x1080@150%": ("1920x1080", "1.5")}

# Dialogs that keep nothing typed to lose: viewers, lists that save each change
# at once, pickers and questions. Every other dialog must ask before discarding.
UNGUARDED = {
    "count",            # each counted quantity is saved as it is typed
    "catalog-editor", "technicians",   # lists: each add/edit is its own guarded dialog
    "print-preview", "guide", "about", "restore", "damaged", "problems", "rollup",
    "import-options", "clerk-picker",
}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("screens") / "demo.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "servicedesk", "demo", "--db", str(path), "--years", "0"],
                   check=True, env=env, capture_output=True, timeout=300)
    return path


@pytest.fixture(scope="module", params=sorted(SCREENS))
def manifest(request, demo_file, tmp_path_factory) -> dict:
    size, scale = SCREENS[request.param]
    out = tmp_path_factory.mktemp("shots")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("QT_QPA_PLATFORM", None)      # the tool configures its own offscreen screen
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots.py"), "--db", str(demo_file),
                           "--out", str(out), "--screen", size, "--scale", scale, "--no-png"],
                          env=env, capture_output=True, text=True, timeout=600)
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    data["returncode"], data["stderr"] = done.returncode, done.stderr
    return data


def _inside(rect: list[int], room: list[int]) -> bool:
    x, y, w, h = rect
    rx, ry, rw, rh = room
    return x >= rx and y >= ry and x + w <= rx + rw and y + h <= ry + rh


def test_every_tab_and_dialog_was_shown(manifest):
    assert manifest["returncode"] == 0, manifest["errors"] or manifest["stderr"][-2000:]
    names = {w["name"] for w in manifest["windows"]}
    assert {"main-tickets", "main-pay", "new-ticket", "visit", "settings", "first-start"} <= names
    assert len([n for n in names if not n.startswith("main-")]) >= 45


def test_every_window_fits_the_work_area(manifest):
    too_big = []
    for w in manifest["windows"]:
        rect = w["geometry"] if w["maximized"] else w["frame"]
        if not _inside(rect, w["work_area"]):
            too_big.append((w["name"], rect, w["work_area"]))
    assert not too_big


def test_the_main_window_is_maximised_on_an_office_screen(manifest):
    mains = [w for w in manifest["windows"] if w["kind"] == "main"]
    assert mains and all(w["maximized"] for w in mains)   # both screens are at most 1440 logical px wide


def test_every_dialog_shows_its_default_button_inside_it(manifest):
    problems = []
    for w in manifest["windows"]:
        if w["kind"] != "dialog":
            continue
        button = w.get("default_button")
        _x, _y, width, height = w["geometry"]
        if button is None or not button["visible"] or not _inside(button["rect"], [0, 0, width, height]):
            problems.append((w["name"], button))
    assert not problems


def test_tab_follows_the_visual_order_in_every_dialog(manifest):
    wrong = []
    for w in manifest["windows"]:
        if w["kind"] != "dialog":
            continue
        chain, seen = w["focus_chain"], w["visual_order"]
        common = set(chain) & set(seen)
        if [x for x in chain if x in common] != [x for x in seen if x in common]:
            wrong.append(w["name"])
        assert len(common) == len(seen), (w["name"], sorted(set(seen) - common))  # every field is a Tab stop
    assert not wrong


def test_dialogs_the_clerk_types_into_ask_before_discarding(manifest):
    careless = [w["name"] for w in manifest["windows"]
                if w["kind"] == "dialog" and w["name"] not in UNGUARDED and not w["guarded"]]
    assert not careless
