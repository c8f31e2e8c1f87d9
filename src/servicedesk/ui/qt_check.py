"""Can Qt start a window here?  Asked before the QApplication exists.

When no platform plugin can be initialised Qt ends the process (qFatal, an
abort with a core dump and a list of plugin names). On Linux that happens
when the xcb plugin's system libraries are missing (a fresh Debian lacks
libxcb-cursor0) or when there is no display. So the start-up asks first, the
cheap way: load the plugin with the same dynamic loader Qt would use (a
missing library names itself) and open, then close, a connection to the
display. The answer is one line of advice, or None when Qt can go ahead.

Stdlib only (ctypes): it must work when Qt itself cannot load.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from pathlib import Path
from typing import Callable, Mapping

# Debian packages of the libraries Qt 6.12's own libraries need (QtGui,
# QtWidgets, ... : readelf -d, NEEDED, mapped with dpkg -S).
QT_PACKAGES = ("libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0")
# ... and what the xcb platform plugin (libqxcb.so, libQt6XcbQpa.so.6) needs on top.
XCB_PACKAGES = (
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
    "libxcb-randr0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1", "libxcb-xfixes0",
    "libxcb-xkb1", "libxcb-util1", "libxcb-render0", "libxcb1", "libx11-xcb1", "libx11-6",
    "libxkbcommon-x11-0",
)
# Platforms that need a display server; any other (offscreen, minimal, vnc,
# eglfs, windows, cocoa) is left to Qt.
DISPLAY_PLATFORMS = {"xcb": "libqxcb.so", "wayland": "libqwayland.so", "wayland-egl": "libqwayland.so"}

_MISSING = re.compile(r"(lib[\w.+-]+\.so[\w.]*): cannot open shared object file")


def install_advice(packages: tuple[str, ...], missing: str | None = None) -> str:
    """The one line that names what to install (Debian/Ubuntu package names).

    A missing libQt6* is the program's own file, not the system's.
    """
    if missing and missing.startswith("libQt6"):
        return f"error: Qt cannot start ({missing} is missing from the program's files). Reinstall ServiceDesk."
    what = f"{missing} is missing" if missing else "system libraries are missing"
    return (f"error: Qt cannot start ({what}). On Debian/Ubuntu install them with: "
            f"sudo apt-get install {' '.join(packages)}")


def import_problem(exc: ImportError) -> str | None:
    """Advice for `import PySide6.QtGui` failing on a missing system library, else None."""
    found = _MISSING.search(str(exc))
    return install_advice(QT_PACKAGES, found.group(1)) if found else None


def requested_platforms(env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order (QT_QPA_PLATFORM may list several: "wayland;xcb")."""
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return [name.split(":", 1)[0].strip() for name in chosen.split(";") if name.strip()]
    if env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def plugin_dirs(env: Mapping[str, str]) -> list[Path]:
    """Where Qt looks for platforms/: QT_QPA_PLATFORM_PLUGIN_PATH, QT_PLUGIN_PATH, then the wheel's
    own Qt/plugins (the frozen build sets QT_PLUGIN_PATH to its copy)."""
    dirs = [Path(p) for p in env.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    dirs += [Path(p) / "platforms" for p in env.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        dirs.append(Path(spec.origin).parent / "Qt" / "plugins" / "platforms")
    return dirs


def _load(path: str) -> ctypes.CDLL:
    return ctypes.CDLL(path)


def _connects(platform: str, env: Mapping[str, str], load: Callable[[str], object]) -> bool:
    """Open and close a connection to the display server, as the plugin is about to."""
    try:
        if platform == "xcb":
            xcb = load("libxcb.so.1")
            xcb.xcb_connect.restype = ctypes.c_void_p
            xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
            xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
            conn = xcb.xcb_connect(env["DISPLAY"].encode(), None)
            ok = bool(conn) and xcb.xcb_connection_has_error(conn) == 0
            if conn:
                xcb.xcb_disconnect(conn)
            return ok
        wayland = load("libwayland-client.so.0")
        wayland.wl_display_connect.restype = ctypes.c_void_p
        wayland.wl_display_connect.argtypes = [ctypes.c_char_p]
        wayland.wl_display_disconnect.argtypes = [ctypes.c_void_p]
        conn = wayland.wl_display_connect(env["WAYLAND_DISPLAY"].encode())
        if conn:
            wayland.wl_display_disconnect(conn)
        return bool(conn)
    except (OSError, AttributeError):
        return True  # cannot ask: let Qt try


def platform_problem(env: Mapping[str, str] | None = None,
                     load: Callable[[str], object] = _load,
                     system: str = sys.platform) -> str | None:
    """None when Qt's platform plugin will start; else one line of advice.

    Only the display platforms of Linux are checked; elsewhere (Windows,
    offscreen, a plugin not found, an unknown name) Qt is left to decide.
    """
    if not system.startswith("linux"):
        return None
    env = os.environ if env is None else env
    problems = []
    for platform in requested_platforms(env):
        filename = DISPLAY_PLATFORMS.get(platform)
        if filename is None:
            return None
        plugin = next((d / filename for d in plugin_dirs(env) if (d / filename).is_file()), None)
        if plugin is None:
            return None  # Qt's own message says where it looked
        try:
            load(str(plugin))
        except OSError as exc:
            found = _MISSING.search(str(exc))
            problems.append(install_advice(QT_PACKAGES + XCB_PACKAGES if platform == "xcb" else QT_PACKAGES,
                                           found.group(1) if found else None))
            continue
        display_var = "DISPLAY" if platform == "xcb" else "WAYLAND_DISPLAY"
        if not env.get(display_var) or not _connects(platform, env, load):
            problems.append(
                f"error: no display to open the window on ({platform}: {display_var}="
                f"{env.get(display_var, '') or 'not set'}). Start it in a desktop session, "
                "or set QT_QPA_PLATFORM=offscreen to run without a screen.")
            continue
        return None
    # An install hint beats "no display": with the libraries there, the next try may just work.
    problems.sort(key=lambda line: "apt-get" not in line)
    return problems[0] if problems else None
