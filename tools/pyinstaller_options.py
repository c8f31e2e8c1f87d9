"""PyInstaller options shared by build.spec and the hello-world baseline (tools/hello_build/hello.spec).

Both builds exclude the same modules so their sizes compare what the program
adds, not what the options drop (README "Windows build": target ≤ 1.5 × the
hello-world window).
"""

from __future__ import annotations

from pathlib import Path

# The Qt modules ServiceDesk imports (grep "PySide6\\." src); each imports only
# QtCore/QtGui/QtWidgets besides itself. Every other PySide6 binding module
# (WebEngine, 3D, Multimedia, Qml/Quick, Designer, Bluetooth, Positioning,
# Sensors, SerialPort, WebSockets, Network, Svg, ...) is excluded, so a hook
# cannot drag its Qt libraries and plugins in.
USED_QT_MODULES = frozenset({
    "QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtCharts", "QtPdf", "QtPdfWidgets",
})
# Python packages that are installed next to the program in a dev or CI
# environment but never imported by it (Pillow stays: ReportLab depends on it).
OTHER_EXCLUDES = (
    "tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "pypdf", "PyInstaller", "pip",
    "setuptools", "pkg_resources", "wheel", "IPython", "numpy",
)


def installed_qt_modules() -> list[str]:
    """Names of the PySide6 binding modules installed here (QtCore, QtCharts, ...)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    names = {p.name.split(".", 1)[0] for p in folder.iterdir()
             if p.name.startswith("Qt") and p.suffix in (".so", ".pyd")}
    return sorted(names)


def excludes(used: frozenset[str] = USED_QT_MODULES) -> list[str]:
    """Module names for Analysis(excludes=...): unused PySide6 modules plus dev-only packages."""
    return [f"PySide6.{name}" for name in installed_qt_modules() if name not in used] + list(OTHER_EXCLUDES)


# Files the hooks collect that no part of the program needs, as
# (folder prefix, name prefixes) in the bundle's layout:
#  - the Qt Virtual Keyboard input plugin, which alone drags in Qt Quick/QML;
#  - platform plugins for embedded screens (eglfs, linuxfb, vnc, Vulkan display)
#    and the EGLFS libraries only they use;
#  - Qt's own translations other than Chinese (the program speaks zh_CN and
#    English, and English needs none);
#  - opengl32sw.dll, Windows' software OpenGL for Qt Quick/QOpenGLWidget (widgets never use it).
DROP = (
    ("PySide6/Qt/plugins/platforminputcontexts/", ("libqtvirtualkeyboardplugin", "qtvirtualkeyboardplugin")),
    ("PySide6/Qt/lib/", ("libQt6VirtualKeyboard", "libQt6Quick", "libQt6Qml", "libQt6EglFS", "libQt6EglFs")),
    ("PySide6/", ("Qt6VirtualKeyboard", "Qt6Quick", "Qt6Qml", "opengl32sw")),
    ("PySide6/Qt/plugins/platforms/", ("libqeglfs", "libqlinuxfb", "libqvnc", "libqvkkhrdisplay", "libqminimalegl")),
    ("PySide6/Qt/plugins/egldeviceintegrations/", ("",)),
    ("PySide6/plugins/platforminputcontexts/", ("qtvirtualkeyboardplugin",)),
)
KEEP_TRANSLATIONS = ("_zh_CN.qm",)


def dropped(dest: str) -> bool:
    """True for a bundle path (TOC dest name) that DROP or the translation rule removes."""
    dest = dest.replace("\\", "/")
    folder, _, name = dest.rpartition("/")
    folder += "/"
    if folder in ("PySide6/Qt/translations/", "PySide6/translations/") and name.endswith(".qm"):
        return not name.endswith(KEEP_TRANSLATIONS)
    return any(folder == prefix and name.startswith(names) for prefix, names in DROP)


def slim(toc):
    """`toc` (a.binaries or a.datas) without the dropped files."""
    return [entry for entry in toc if not dropped(entry[0])]
