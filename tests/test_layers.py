"""Architecture rules that keep the code easy to change."""

from __future__ import annotations

import ast
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


def test_translation_file_is_complete_and_compiled(tmp_path):
    """The committed .qm is what pyside6-lrelease makes of the committed .ts
    (byte for byte: lrelease is deterministic). Compared by content, not by
    modification times, which a `git pull` that changes only the .ts (its
    source line references) leaves in the wrong order."""
    sys.path.insert(0, str(PKG.parents[1] / "tools"))
    import i18n

    assert i18n.missing_in(i18n.TS) == []
    fresh = tmp_path / i18n.QM.name
    i18n.run_tool("pyside6-lrelease", str(i18n.TS), "-qm", str(fresh))
    assert i18n.QM.exists() and i18n.QM.read_bytes() == fresh.read_bytes()


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


def _import_graph() -> dict[str, set[str]]:
    """servicedesk module -> the servicedesk modules it imports (at any depth of the file).

    Imports inside functions count too: a lazy import hides a circle, it does
    not remove it. Modules named in strings (the migration, tab and command
    registries) are loaded by name on purpose and do not count.
    """
    import ast

    modules: dict[str, Path] = {}
    for path in PKG.rglob("*.py"):
        parts = path.relative_to(PKG.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                           for alias in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    assert _cycles(_import_graph()) == []


def test_cycle_finder_sees_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


LAYER_OF = {"models": 0, "reports": 1, "ui": 2}


def test_layers_import_downwards_only():
    """ui -> reports -> models; models import neither, reports never import ui."""
    bad = []
    for module, targets in _import_graph().items():
        layer = module.split(".")[1] if module.count(".") else ""
        for target in targets:
            to = target.split(".")[1] if target.count(".") else ""
            if layer in LAYER_OF and to in LAYER_OF and LAYER_OF[to] > LAYER_OF[layer]:
                bad.append(f"{module} -> {target}")
    assert bad == []


MAX_LINES = 600
COHESIVE = "one cohesive"     # the phrase a module's docstring uses to explain why it is longer


def _long_modules(root: Path, limit: int) -> list[str]:
    """Modules over `limit` lines whose docstring does not say why they are one thing."""
    long = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") <= limit:
            continue
        doc = ast.get_docstring(ast.parse(text)) or ""
        if COHESIVE not in doc.lower():
            long.append(f"{path.relative_to(root)}: {text.count(chr(10))} lines")
    return long


def test_no_module_over_600_lines_unless_its_docstring_says_why():
    """Rooms of readable size (issue 12): split a long module by what it holds,
    or say in its docstring why it is one cohesive thing."""
    assert _long_modules(PKG, MAX_LINES) == []


def test_the_size_rule_sees_a_long_module(tmp_path):
    (tmp_path / "long.py").write_text('"""Many things."""\n' + "x = 1\n" * 700, encoding="utf-8")
    (tmp_path / "ok.py").write_text('"""One cohesive table of codes."""\n' + "x = 1\n" * 700, encoding="utf-8")
    assert _long_modules(tmp_path, MAX_LINES) == ["long.py: 701 lines"]


def test_every_module_the_architecture_map_names_exists():
    """docs/ARCHITECTURE.md is the map: each `area/module` it names in the
    areas table is a real file, so the map cannot silently go stale."""
    doc = (PKG.parents[1] / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    table = [line for line in doc.splitlines() if line.startswith("| ") and "`" in line]
    missing = []
    for line in table:
        cells = [c.strip() for c in line.strip("|").split("|")]
        for layer, cell in zip(("models", "reports", "ui", "commands"), cells[1:]):
            cell = re.sub(r"\([^)]*\)", "", cell)      # (what it holds) names functions, not modules
            package = ""
            for token in re.findall(r"`([a-z_/]+)/?`(?::)?", cell):
                if token.endswith("/") or (f"`{token}/`" in cell):
                    package = token.rstrip("/")
                    continue
                candidates = [PKG / layer / package / f"{token}.py", PKG / layer / f"{token}.py",
                              PKG / layer / token / "__init__.py", PKG / layer / package / token / "__init__.py"]
                if not any(c.exists() for c in candidates):
                    missing.append(f"{layer}: {package + '/' if package else ''}{token}")
    assert missing == []


def _private_imports_across_packages(root: Path) -> list[str]:
    """`from servicedesk.a.b import _name` where the importer is in another package
    than b: a private helper used outside its package should be public."""
    found = []
    for path in sorted(root.rglob("*.py")):
        here = ".".join(path.relative_to(root.parent).with_suffix("").parts[:-1])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("servicedesk."):
                package = node.module.rsplit(".", 1)[0]
                for alias in node.names:
                    if alias.name.startswith("_") and package != here:
                        found.append(f"{path.relative_to(root)}: {node.module}.{alias.name}")
    return found


def test_no_private_name_is_imported_from_another_package():
    assert _private_imports_across_packages(PKG) == []
