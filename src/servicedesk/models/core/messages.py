"""Domain messages in the clerk's language.

Models raise DomainError with an English message (the CLI, logs and tests
read English). The GUI shows the Chinese: `localize(text, "zh_CN")` finds the
message's template in the catalog (resources/translations/messages_zh_CN/
*.tsv, lines `English template<TAB>中文模板`) and fills the Chinese template
with the values from the English text. A template's {} slots match any text;
the Chinese refers to them as {0}, {1}, … so word order can change.
A message with no catalog entry is shown as it is (English), never lost.
`tools/messages.py` lists templates that still lack Chinese; a test keeps the
catalog complete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

CATALOG_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"

# The language a person reads messages in is process-wide, like the locale:
# the GUI sets it once at start (set_display_language); the CLI, logs and
# tests keep English. A one-slot dict rather than a bare global so tests can
# restore it.
_DISPLAY = {"lang": "en"}


def set_display_language(lang: str) -> str:
    """Set the language DomainError messages are shown in; returns the previous one."""
    previous = _DISPLAY["lang"]
    _DISPLAY["lang"] = lang or "en"
    return previous


def display_language() -> str:
    return _DISPLAY["lang"]


@dataclass(frozen=True)
class _Entry:
    pattern: re.Pattern[str]
    target: str


def _compile(template: str) -> re.Pattern[str]:
    """'Part code {} already exists.' -> ^Part code (.+?) already exists\\.$"""
    pieces = re.split(r"(?<!\{)\{\}(?!\})", template)
    literal = [re.escape(p.replace("{{", "{").replace("}}", "}")) for p in pieces]
    return re.compile("^" + "(.*?)".join(literal) + "$", re.S)


def read_catalog_file(path: Path) -> dict[str, str]:
    """One `English<TAB>中文` file (# comments skipped; \\n, \\t stand for newline, tab).

    Shared with the command line's catalog (commands/i18n.py).
    """
    catalog: dict[str, str] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            raise ValueError(f"{path.name}:{lineno}: expected 'English template<TAB>中文模板'")
        source, target = line.split("\t", 1)
        catalog[_unescape(source)] = _unescape(target)
    return catalog


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


@lru_cache(maxsize=4)
def load_catalog(lang: str) -> dict[str, str]:
    folder = CATALOG_DIR / f"messages_{lang}"
    catalog: dict[str, str] = {}
    for path in sorted(folder.glob("*.tsv")) if folder.is_dir() else []:
        catalog.update(read_catalog_file(path))
    return catalog


def compile_templates(catalog: dict[str, str]) -> tuple[_Entry, ...]:
    """The catalog's templates, most specific first, ready for fill_template."""
    # Longer literal text first: the most specific template wins when two
    # could match. A template that is nothing but slots would match anything,
    # so it is ignored.
    items = [(src, dst) for src, dst in catalog.items() if src.replace("{}", "").strip()]
    items.sort(key=lambda kv: -len(kv[0].replace("{}", "")))
    return tuple(_Entry(_compile(src), dst) for src, dst in items)


@lru_cache(maxsize=4)
def _entries(lang: str) -> tuple[_Entry, ...]:
    return compile_templates(load_catalog(lang))


def fill_template(entries: tuple[_Entry, ...], text: str, slot: Callable[[str], str]) -> str | None:
    """`text` in the language of the first template it matches (slots through `slot`), or None."""
    for entry in entries:
        match = entry.pattern.match(text)
        if match:
            try:
                return entry.target.format(*(slot(v) for v in match.groups()))
            except (IndexError, KeyError, ValueError):
                return None
    return None


def localize(text: str, lang: str | None, _depth: int = 0) -> str:
    """The message in `lang` ('zh_CN'), or unchanged when English or unknown.

    Slot values are localized too (one level deep), so a message that embeds
    another message or a field label ("Factory date") reads wholly Chinese.
    """
    if not text or not lang or lang == "en" or _depth > 2:
        return text
    found = fill_template(_entries(lang), text, lambda v: localize(v, lang, _depth + 1))
    return text if found is None else found
