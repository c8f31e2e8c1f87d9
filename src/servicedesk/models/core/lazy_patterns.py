"""Regular expressions a library compiles when imported, compiled when first used instead.

sqlite-utils 4.2 compiles, as it is imported, a pattern that recognises
`CREATE VIRTUAL TABLE` statements with `re.IGNORECASE` over the character
range U+0080–U+FFFF. Python's `re` then case-folds that whole range: 14 ms
on the benchmark machine, about 6 % of the window's cold start (issue 15),
for a pattern only `Table.virtual_table_using` reads, which neither the
start nor the program's own code calls. Around the library's import,
`compiled_on_first_use("sqlite_utils.")` makes the patterns compiled by its
modules stand-ins that compile themselves on their first use, with the same
pattern and flags, so every match gives what the compiled pattern gives.
"""

from __future__ import annotations

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
