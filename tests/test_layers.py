"""Architecture rules that keep the code easy to change."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "src" / "servicedesk"


def test_models_import_no_qt_reportlab_openpyxl():
    code = (
        "import sys, pkgutil, importlib, servicedesk.models as m\n"
        "for info in pkgutil.walk_packages(m.__path__, 'servicedesk.models.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = [n for n in ('PySide6', 'reportlab', 'openpyxl') if n in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_ui_and_reports_contain_no_sql():
    pattern = re.compile(r"\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM)\b")
    offenders = [str(p) for d in ("ui", "reports") for p in (PKG / d).rglob("*.py")
                 if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_translation_file_is_complete_and_compiled():
    sys.path.insert(0, str(PKG.parents[1] / "tools"))
    import i18n

    assert i18n.missing_in(i18n.TS) == []
    assert i18n.QM.exists() and i18n.QM.stat().st_mtime >= i18n.TS.stat().st_mtime - 5


def test_translation_file_is_current_with_the_code(tmp_path):
    """Every tr() string in ui/ is in the committed .ts (run tools/i18n.py if this fails)."""
    import xml.etree.ElementTree as ET

    sys.path.insert(0, str(PKG.parents[1] / "tools"))
    import i18n

    fresh = tmp_path / "fresh.ts"
    i18n.run_tool("pyside6-lupdate", *map(str, i18n.ui_sources()), "-no-obsolete", "-ts", str(fresh))

    def sources(path):
        root = ET.parse(path).getroot()
        return {(c.findtext("name"), m.findtext("source"))
                for c in root.iter("context") for m in c.iter("message")
                if (m.find("translation") is None or m.find("translation").get("type") not in ("vanished", "obsolete"))}

    missing = sources(fresh) - sources(i18n.TS)
    assert not missing, f"run python tools/i18n.py; not in the .ts: {sorted(missing)[:10]}"

