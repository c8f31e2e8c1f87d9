"""Refresh the Chinese translation: lupdate -> fill from dictionaries -> lrelease.

Source strings in ui/ are English. Their Chinese lives in
src/servicedesk/resources/translations/zh_CN.d/*.tsv (one file per area, lines
`English<TAB>中文`), so several people can add strings without editing the
same file. This script regenerates servicedesk_zh_CN.ts from the code, fills
every message from those dictionaries, compiles the .qm, and lists strings
that still have no Chinese (exit 1 if any).

    python tools/i18n.py          # update .ts/.qm, report missing
    python tools/i18n.py --check  # only report (used by the tests)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "servicedesk"
TRANSLATIONS = PKG / "resources" / "translations"
TS = TRANSLATIONS / "servicedesk_zh_CN.ts"
QM = TRANSLATIONS / "servicedesk_zh_CN.qm"
DICTS = TRANSLATIONS / "zh_CN.d"


def load_dictionary() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for path in sorted(DICTS.glob("*.tsv")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                raise SystemExit(f"{path.name}:{lineno}: expected 'English<TAB>中文'")
            source, target = line.split("\t", 1)
            mapping[source.replace("\\n", "\n")] = target.replace("\\n", "\n")
    return mapping


def ui_sources() -> list[Path]:
    return sorted(p for p in (PKG / "ui").rglob("*.py"))


def run_tool(name: str, *args: str) -> None:
    exe = Path(sys.executable).with_name(name)
    cmd = [str(exe) if exe.exists() else name, *args]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def fill(ts_path: Path, mapping: dict[str, str]) -> list[tuple[str, str]]:
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        ctx_name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if source in mapping:
                translation.text = mapping[source]
                translation.attrib.pop("type", None)
            elif translation.text and translation.attrib.get("type") != "unfinished":
                continue
            else:
                missing.append((ctx_name, source))
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def missing_in(ts_path: Path) -> list[tuple[str, str]]:
    tree = ET.parse(ts_path)
    out = []
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            t = message.find("translation")
            if t is None or t.attrib.get("type") in ("unfinished",) or not (t.text or "").strip():
                if t is not None and t.attrib.get("type") in ("vanished", "obsolete"):
                    continue
                out.append((context.findtext("name"), message.findtext("source")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        missing = missing_in(TS)
    else:
        run_tool("pyside6-lupdate", *map(str, ui_sources()), "-no-obsolete", "-ts", str(TS))
        missing = fill(TS, load_dictionary())
        run_tool("pyside6-lrelease", str(TS), "-qm", str(QM))
    for ctx, source in missing:
        print(f"missing: [{ctx}] {source!r}")
    print(f"{len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
