"""The integrity check split over the cores (sqlite_files.integrity_problems,
issue 15) finds what one `PRAGMA integrity_check` finds: each kind of damage
below is reported on one connection and on several. Real SQLite files,
damaged byte by byte or through writable_schema."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import pytest

from servicedesk.models.core.sqlite_files import integrity_problems


def _office(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("CREATE TABLE moves (id INTEGER PRIMARY KEY, part TEXT NOT NULL, qty INTEGER CHECK (qty != 0))")
    conn.execute("CREATE INDEX moves_part ON moves(part)")
    conn.execute("CREATE INDEX moves_qty ON moves(qty)")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.executemany("INSERT INTO moves (part, qty) VALUES (?, ?)", [(f"P-{i:04d}", i % 7 + 1) for i in range(2000)])
    conn.executemany("INSERT INTO notes (text) VALUES (?)", [("备注" * 200,) for _ in range(100)])
    conn.commit()
    conn.execute("DELETE FROM notes WHERE id > 50")   # a freelist
    conn.commit()
    conn.close()


def _both(path: Path) -> tuple[list[str], list[str]]:
    return integrity_problems(path, workers=1), integrity_problems(path, workers=3)


def test_a_healthy_file_is_ok_either_way(tmp_path):
    path = tmp_path / "ok.sqlite3"
    _office(path)
    assert _both(path) == ([], [])


def _patch_header(path: Path, offset: int, value: int, extra: bytes = b"") -> None:
    data = bytearray(path.read_bytes())
    data[offset:offset + 4] = struct.pack(">I", value)
    path.write_bytes(bytes(data) + extra)


def test_a_wrong_freelist_count(tmp_path):
    path = tmp_path / "freelist.sqlite3"
    _office(path)
    count = struct.unpack(">I", path.read_bytes()[36:40])[0]
    _patch_header(path, 36, count + 3)
    one, split = _both(path)
    assert one and split and any("freelist" in p for p in split)


def test_a_page_never_used(tmp_path):
    path = tmp_path / "orphan.sqlite3"
    _office(path)
    pages = struct.unpack(">I", path.read_bytes()[28:32])[0]
    _patch_header(path, 28, pages + 1, b"\0" * 4096)
    one, split = _both(path)
    assert one and split and any("never used" in p for p in split)


def test_an_index_that_does_not_match_its_table(tmp_path):
    path = tmp_path / "index.sqlite3"
    _office(path)
    conn = sqlite3.connect(path)
    roots = dict(conn.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'index'"))
    conn.execute("PRAGMA writable_schema = ON")   # each index now reads the other's pages
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'moves_part'", [roots["moves_qty"]])
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'moves_qty'", [roots["moves_part"]])
    conn.commit()
    conn.close()
    one, split = _both(path)
    assert one and split and any("moves_part" in p or "moves_qty" in p for p in split)


def test_a_null_in_a_not_null_column(tmp_path):
    path = tmp_path / "notnull.sqlite3"
    _office(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE notes SET text = NULL WHERE id = 3")
    conn.execute("PRAGMA writable_schema = ON")   # the column declared NOT NULL afterwards
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)' "
                 "WHERE name = 'notes'")
    conn.commit()
    conn.close()
    one, split = _both(path)
    assert one and split and any("NULL" in p for p in split)


def test_overwritten_pages(tmp_path):
    path = tmp_path / "pages.sqlite3"
    _office(path)
    with open(path, "r+b") as fh:
        fh.seek(4096 * 5)
        fh.write(b"\xff" * 8192)
    try:
        one = integrity_problems(path, workers=1)
    except sqlite3.DatabaseError as exc:
        one = [str(exc)]
    try:
        split = integrity_problems(path, workers=3)
    except sqlite3.DatabaseError as exc:
        split = [str(exc)]
    assert one and split


@pytest.mark.parametrize("name", ["odd 'name'", 'with "quotes"'])
def test_table_names_that_need_quoting(tmp_path, name):
    path = tmp_path / "names.sqlite3"
    conn = sqlite3.connect(path)
    quoted = '"' + name.replace('"', '""') + '"'
    conn.execute(f"CREATE TABLE {quoted} (a)")
    conn.execute(f"CREATE INDEX ix ON {quoted}(a)")
    conn.execute(f"INSERT INTO {quoted} VALUES (1)")
    conn.commit()
    conn.close()
    assert _both(path) == ([], [])
