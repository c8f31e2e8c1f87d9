"""Patterns compiled and modules loaded on first use (models/core/lazy_imports; issue 15: cold start)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import types

from servicedesk.models.core.lazy_imports import LazyPattern, compiled_on_first_use, loaded_on_first_use


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
from servicedesk.models.core.lazy_imports import LazyPattern
db = open_db(Path(sys.argv[1]))
report = {"lazy": isinstance(sqlite_utils.db._virtual_table_using_re, LazyPattern),
          "using": sorted({str(db[t].virtual_table_using) for t in db.table_names()})}
parser = sys.modules["dateutil.parser"]
report["parser_loaded"] = type(parser) is type(sys)   # a lazy module has its own type until loaded
from sqlite_utils.recipes import parsedate
report["parsed"] = parsedate("07/12/2026", dayfirst=True)
report["parser_loaded_after"] = type(parser) is type(sys)
print(json.dumps(report))
db.close()
"""


def test_sqlite_utils_through_the_data_layer_still_reads_virtual_tables_and_dates(tmp_path):
    # A fresh interpreter: in this one sqlite-utils may have come in before models/core/db.
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "office.sqlite3")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"lazy": True, "using": ["FTS5", "None"], "parser_loaded": False,
                                      "parsed": "2026-12-07", "parser_loaded_after": True}


def test_a_module_loaded_on_first_use_is_the_whole_module():
    name = "json.tool"                                 # stdlib, not imported by the program
    sys.modules.pop(name, None)
    loaded_on_first_use(name)
    try:
        module = sys.modules[name]
        assert type(module) is not types.ModuleType     # not run yet (vars() would run it)
        assert callable(module.main) and type(module) is types.ModuleType
        loaded_on_first_use(name)                      # already there: left alone
        assert sys.modules[name] is module
        loaded_on_first_use("no_such_module_here")      # not installed: nothing happens
        loaded_on_first_use("no_such_package_here.child")
        assert "no_such_module_here" not in sys.modules and "no_such_package_here.child" not in sys.modules
    finally:
        sys.modules.pop(name, None)
