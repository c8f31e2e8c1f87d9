"""The command line in the clerk's language (issue 13).

Help texts and messages are written in English in the code (tests, logs and
scripts read English). Under `--lang zh_CN`, or a Chinese locale when --lang
is not given (config.choose_language, the rule the window uses), a person
reads Chinese, from one catalog, resources/translations/cli_zh_CN.tsv
(`English<TAB>中文` lines, like the domain messages):

- argparse's own words ("usage:", "error:", "the following arguments are
  required: %s", "invalid choice: …"): argparse looks each one up through its
  module-level `_` / `ngettext` (gettext) at the moment it needs it, so while
  the CLI runs those two names answer from the catalog (put back after). The
  msgids are argparse's exact strings; a test lists every `_()` string of the
  running Python's argparse and fails if one lacks Chinese, so a new Python
  version cannot silently bring English back.
- help texts and descriptions of our options: the HelpFormatter translates
  each one when the help is formatted (exact lookup, `%(default)s` kept).
- what the commands print: stdout and stderr are wrapped; each complete line
  that matches a catalog template (`{}` slots, the mechanism of
  models/core/messages.py) is written in Chinese, slots translated too. The
  commands themselves keep plain print(). `--json` output bypasses the
  wrapper (cli.print_json writes to `untranslated`), so JSON stays as it is.
- DomainError messages: the display-language switch of models/core/messages.py
  is set for the run, exactly as the GUI sets it.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator, Sequence

from servicedesk.config import LANGUAGES, TRANSLATIONS
from servicedesk.models.core.messages import (
    compile_templates, display_language, fill_template, localize, read_catalog_file, set_display_language,
)


@lru_cache(maxsize=4)
def catalog(lang: str) -> dict[str, str]:
    """English -> `lang` for the command line (empty for English)."""
    path = TRANSLATIONS / f"cli_{lang}.tsv"
    return read_catalog_file(path) if lang != "en" and path.is_file() else {}


@lru_cache(maxsize=4)
def _templates(lang: str):
    return compile_templates(catalog(lang))


def tr(text: str) -> str:
    """A help text or fixed word in the current display language (unchanged when English/unknown)."""
    if not text or not isinstance(text, str):
        return text
    return catalog(display_language()).get(text, text)


def translate_line(line: str, lang: str) -> str:
    """One printed line in `lang`: exact entry, else a template, else a domain message, else as is."""
    if lang == "en" or not line.strip():
        return line
    table = catalog(lang)
    if line in table:
        return table[line]
    found = fill_template(_templates(lang), line, lambda value: table.get(value) or localize(value, lang))
    return localize(line, lang) if found is None else found


def language_from_argv(argv: Sequence[str]) -> str | None:
    """The --lang value, read before parsing (the parser's own words depend on it)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        return value if value in LANGUAGES else None
    return None


class TranslatingStream:
    """A text stream that writes each complete line through translate_line.

    A partial line waits for its newline (print writes text and "\\n"
    separately) or for flush(). `untranslated` is the stream underneath, for
    output that must stay byte-for-byte (JSON).
    """

    def __init__(self, stream, lang: str):
        self.untranslated = stream
        self._lang = lang
        self._pending = ""

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            self.untranslated.write(translate_line(line, self._lang) + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, ""
            self.untranslated.write(translate_line(pending, self._lang))
        self.untranslated.flush()

    def __getattr__(self, name: str):
        return getattr(self.untranslated, name)


def untranslated(stream):
    """The stream under a TranslatingStream (or the stream itself)."""
    return getattr(stream, "untranslated", stream)


@contextmanager
def cli_language(lang: str) -> Iterator[None]:
    """Run the CLI in `lang`: domain messages, argparse's words, help, printed lines.

    Everything is put back afterwards (tests run main() many times in one
    process, in both languages).
    """
    previous = set_display_language(lang)
    streams = sys.stdout, sys.stderr
    patched: list[tuple[str, object]] = []
    try:
        table = catalog(lang)
        if table:
            def gettext(message: str) -> str:
                return table.get(message, message)

            def ngettext(singular: str, plural: str, n: int) -> str:
                return gettext(singular if n == 1 else plural)

            for name, function in (("_", gettext), ("ngettext", ngettext)):
                if callable(getattr(argparse, name, None)):
                    patched.append((name, getattr(argparse, name)))
                    setattr(argparse, name, function)
            # A windowed program (pythonw, the .exe) has no streams at all: leave them None.
            if sys.stdout is not None:
                sys.stdout = TranslatingStream(sys.stdout, lang)
            if sys.stderr is not None:
                sys.stderr = TranslatingStream(sys.stderr, lang)
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, TranslatingStream):
                try:
                    stream.flush()
                except (OSError, ValueError):  # closed or broken pipe: nothing more to say
                    pass
        sys.stdout, sys.stderr = streams
        for name, function in patched:
            setattr(argparse, name, function)
        set_display_language(previous)


class HelpFormatter(argparse.HelpFormatter):
    """Translates our help texts, descriptions and group titles when help is shown."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return tr(action.help)

    def add_text(self, text: str | None) -> None:
        super().add_text(text if text is argparse.SUPPRESS else tr(text))

    def start_section(self, heading: str | None) -> None:
        super().start_section(tr(heading))


class Parser(argparse.ArgumentParser):
    """The CLI's parser: translated help; usage errors exit 2 with the usage on stderr."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], file=None) -> None:
    """An aligned plain-text table; the headers are translated here, before measuring.

    Written to the stream underneath the translating wrapper: the cells are
    data (names, codes) and must not be mistaken for a message.
    """
    out = untranslated(file or sys.stdout)
    cells = [[tr(h) for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(headers))]
    for row in cells:
        padded = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row)]
        out.write("  ".join(padded).rstrip() + "\n")
