"""List every user-facing domain message template in the code.

A template is the literal (or f-string, with each {expression} turned into
{}) passed as the message of a DomainError subclass, of `ctx.problem(key,
message)`, or of `Problem(row, column, message)`. The Chinese for each lives
in src/servicedesk/resources/translations/messages_zh_CN/*.tsv as lines
`English template<TAB>中文模板`, where {0}, {1}, … in the Chinese refer to the
English {} slots in order (so the Chinese may reorder them).

    python tools/messages.py            # list templates with no Chinese yet
    python tools/messages.py --all      # list all templates (with file:line)
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "servicedesk"
ERROR_NAMES = {"DomainError", "ValidationError", "NotFound", "StateError", "LockedError",
               "DatabaseError", "SheetError", "DateOrderError", "DateRangeError", "DuplicateSerialError", "Cancelled",
               "ConflictError", "InUseError"}


def _template(node: ast.AST) -> str | None:
    """The message template of a str / f-string / concatenation, or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.JoinedStr):
        out = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                out.append(str(part.value).replace("{", "{{").replace("}", "}}"))
            else:
                out.append("{}")
        return "".join(out)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        if left is not None and right is not None:
            return left + right
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return None
    return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def templates() -> list[tuple[str, str]]:
    """(template, 'file:line') for every message in models/, reports/, commands/, cli.py."""
    found: list[tuple[str, str]] = []
    for folder in ("models", "reports", "commands", "cli.py"):
        for path in sorted((PKG / folder).rglob("*.py")) if (PKG / folder).is_dir() else [PKG / folder]:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = _call_name(node)
                arg = None
                if name in ERROR_NAMES:
                    arg = node.args[0]
                elif (name == "__init__" and isinstance(node.func, ast.Attribute)
                      and isinstance(node.func.value, ast.Call) and _call_name(node.func.value) == "super"):
                    arg = node.args[0]  # an error subclass building its own message
                elif name == "problem" and len(node.args) >= 2:
                    arg = node.args[1]
                elif name == "Problem" and len(node.args) >= 3:
                    arg = node.args[2]
                if arg is None:
                    continue
                text = _template(arg)
                if text is not None and text.strip():
                    found.append((text, f"{path.relative_to(ROOT)}:{node.lineno}"))
    return found


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from servicedesk.models.core.messages import load_catalog

    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true")
    args = ap.parse_args()
    catalog = load_catalog("zh_CN")
    missing = 0
    seen = set()
    for text, where in templates():
        if text in seen:
            continue
        seen.add(text)
        known = text in catalog
        if args.all or not known:
            print(f"{where}\t{text}")
        missing += not known
    print(f"{missing} of {len(seen)} templates have no Chinese", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
