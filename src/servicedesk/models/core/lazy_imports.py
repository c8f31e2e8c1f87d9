"""What a library loads when imported, loaded when first used instead (issue 15: cold start).

sqlite-utils 4.2, as it is imported, compiles a pattern that recognises
`CREATE VIRTUAL TABLE` statements with `re.IGNORECASE` over the character
range U+0080–U+FFFF (Python's `re` then case-folds that whole range: 14 ms
on the benchmark machine, about 6 % of the window's cold start), and
imports `dateutil.parser` (about 5 ms) for its CLI's date conversion. Only
`Table.virtual_table_using` reads the pattern and only `sqlite_utils.recipes`
the parser; neither the start nor the program's own code calls them.

- `compiled_on_first_use("sqlite_utils.")`, around the library's import,
  makes the patterns its modules compile stand-ins that compile themselves
  on first use, with the same pattern and flags: every match is the same.
- `loaded_on_first_use("dateutil.parser")` puts the module in place with
  the standard library's `importlib.util.LazyLoader`: it runs on its first
  attribute access, so whoever does use it gets the whole module.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class LazyPattern:
    """A compiled pattern made on the first use of any of its attributes."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int):
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _ORIGINAL_COMPILE(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


_ORIGINAL_COMPILE = re.compile


@contextmanager
def compiled_on_first_use(module_prefix: str) -> Iterator[None]:
    """While inside, `re.compile` called from a module whose name starts with
    `module_prefix` returns a LazyPattern (any other caller, and a pattern
    given as bytes or as a compiled pattern, gets the real one)."""
    def compile_later(pattern: Any, flags: int = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if isinstance(pattern, str) and caller.startswith(module_prefix):
            return LazyPattern(pattern, int(flags))
        return _ORIGINAL_COMPILE(pattern, flags)

    previous, re.compile = re.compile, compile_later  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = previous  # type: ignore[assignment]


def loaded_on_first_use(name: str) -> None:
    """Make the module `name` load on its first attribute access (nothing
    happens if it is loaded already or is not installed)."""
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)  # imports the parent package (dateutil: one line)
    except ModuleNotFoundError:                # the parent package is not installed
        return
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
