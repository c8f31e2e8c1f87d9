"""Patterns compiled on first use (models/core/lazy_patterns; issue 15: cold start)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from servicedesk.models.core.lazy_patterns import LazyPattern, compiled_on_first_use


def test_a_lazy_pattern_matches_as_the_compiled_one():
    source, flags = r"^\s*create\s+(?P<what>[a-z\u0080-\uffff]+)", re.IGNORECASE
    lazy, real = LazyPattern(source, flags), re.compile(source, flags)
    assert lazy._compiled is None                       # nothing compiled until used
    for text in ("CREATE TABLE x", "  Create 表格", "drop table"):
        assert (lazy.match(text) and lazy.match(text).groupdict()) == (real.match(text) and real.match(text).groupdict())
    assert lazy.compiled() is lazy.compiled() and lazy.pattern == source and lazy.flags == real.flags


def test_only_the_named_modules_get_lazy_patterns_and_re_compile_is_given_back():
    original = re.compile
    with compiled_on_first_use("some_library."):
        mine = re.compile("a+")                          # this module is not some_library.*
        theirs = eval("re.compile('b+')", {"re": re, "__name__": "some_library.db"})
        raw = eval("re.compile(b'c+')", {"re": re, "__name__": "some_library.db"})
    assert isinstance(mine, re.Pattern) and isinstance(raw, re.Pattern)
    assert isinstance(theirs, LazyPattern) and theirs.fullmatch("bbb")
    assert re.compile is original


PROBE = """
import json, sys
from pathlib import Path
from servicedesk.models.core.db import open_db
import sqlite_utils.db
from servicedesk.models.core.lazy_patterns import LazyPattern
db = open_db(Path(sys.argv[1]))
print(json.dumps({"lazy": isinstance(sqlite_utils.db._virtual_table_using_re, LazyPattern),
                  "using": sorted({str(db[t].virtual_table_using) for t in db.table_names()})}))
db.close()
"""


def test_sqlite_utils_imported_through_the_data_layer_still_reads_virtual_tables(tmp_path):
    # A fresh interpreter: in this one sqlite-utils may have come in before models/core/db.
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "office.sqlite3")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"lazy": True, "using": ["FTS5", "None"]}
