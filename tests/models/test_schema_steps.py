"""Released schema steps keep their names and run the very SQL they were released with.

Data files record the steps they have run by name, and a step never runs
twice: a step whose SQL changed would leave old files and new files with
different schemas. The area schema modules build their steps with
models/core/schema_steps.py, so these pins also guard the helpers.
"""

from __future__ import annotations

import hashlib

import sqlite_utils

from servicedesk.models.core.db import known_migrations, migration_sets
from servicedesk.models.core.schema_steps import execute_all, sql_step, text_search_tables

# SHA-256 of the statements each released step executes without parameters
# (its CREATE/DROP statements and backfills, joined by newlines in the order
# run), taken at commit 8c3fe3a, before the steps were built with
# schema_steps. Seed rows (statements with parameters) are data, not pinned.
RELEASED = {
    ("core", "0001_settings_customers_equipment"): "55c3d52763902063278f73a398be2e86a5d5bfa3b74415e5e025a53ba2d86d11",
    ("core", "0002_customer_grams"): "70e8df6dcd57ae60fb4f71e813b17a10441e0d787d4f82eb76624236b041ef27",
    ("tickets", "0001_technicians_tickets"): "77788b284e4206a2e47f091e6be8f7ca4ccd0964e797d20776dfbf6aadf9f3da",
    ("ticket_search", "0001_ticket_search_index"): "e952b87de86fc67204ba345d863b96c0adab0c6e1e7b2eef4ddf8d0ec8c40c7a",
    ("parts", "0001_parts_ledger_counts"): "8d1d29b32a1d28c2cc8ea4020a4c73cee2750a71e0da0a1b55476be89bf3baff",
    ("parts", "0002_moves_part_index_covers_qty"): "7583b75c76fd4423340dcfaa6938cda0eb4a6efa26211b3d5f30659a50888840",
    ("pay", "0001_pay"): "9656dfd29a3ca83853611a738145ed1e3d20eb0c2d41aafb1bc84cb3a3cc293c",
    ("followups", "0001_followups_calls_kpi_sends"): "8b3264bf225dd6cfd6d9c2dc2df320d9ab38e3a0d1d116068895885a0f91c058",
    ("followups", "0002_list_indexes"): "ab31c0881b8b12565f0318831c1cf7f644fae182c54e92916df7f70d8fc0b396",
    ("printing", "0001_print_log"): "2bbedda6acbf6e1313ad748d168b6a55442591800f54e9faf878885fb1093c06",
    # released with issues 14, 16 and 17 (pinned at the merge that brought them)
    ("core", "0003_customers_equipment_active_version"): "0705d80d28169bdff5ed77148d8384614467714584cda6289310b16f9650717e",
    ("core", "0004_customer_name_sort"): "c849c7a994dfcae35d4d208d1f2e25aaf6d9ff05cce60397d74278abc6378996",
    ("core", "0005_customer_merges"): "eebeb7d86e1074d965c83aca4e79094501ba391c17b7706be1a0e2ef613b5100",
    ("core", "0006_customer_search_pinyin"): "8bbbb700b1e7e2760ec48fb97491ca665cddbe4d12feb21891664d3b06939bf9",
    ("tickets", "0002_technicians_tickets_version"): "e300542759b4230374b1e593327e7805a82fb070a3abe3ed4de6f2511c6d41bc",
    ("parts", "0003_parts_version"): "50683c23fbad86c1f2c48e113cc0cc692ab28d7e8bbe23a695acb564844dc034",
    ("followups", "0003_kpi_sends_figures_sha256"): "8490f7da71999d1f8f96dadecdc8357c50df2107e5eef53af7e68a8799944baf",
    ("audit", "0001_audit_log_setting_versions"): "ef11bbf49f66a749ab6fe61ab83a937dc8a9146b6b4c55f6e8263ff787309795",
    # issue 15 (ticket search speed): the tickets' 1-2 character index
    ("ticket_search", "0002_ticket_grams"): "70e9d548e56af3c37e7b9ea507f10b7ca9db786a8eb1433e72726694426da347",
    # issue 15 (KPI speed): the dealers' list from the dealer indexes
    ("core", "0007_equipment_dealer_index"): "dbbdefec9d7bf89b01aa447dc3753e3c787aa36c0b27d3e5e046b04adae2ec95",
}


class _Recorder:
    """A database that notes every statement a step executes, then runs it."""

    def __init__(self, db: sqlite_utils.Database):
        self._db = db
        self.statements: list[str] = []   # those run without parameters

    def execute(self, sql, params=None):
        if params is None:
            self.statements.append(sql)
        return self._db.execute(sql) if params is None else self._db.execute(sql, params)

    def __getattr__(self, name):
        return getattr(self._db, name)


def _sql_of_each_step(tmp_path) -> dict[tuple[str, str], str]:
    db = sqlite_utils.Database(tmp_path / "fresh.db")
    out = {}
    for mset in migration_sets():
        for step in mset._migrations:
            rec = _Recorder(db)
            step.fn(rec)
            out[(mset.name, step.name)] = "\n".join(rec.statements)
    return out


def test_released_steps_keep_their_names():
    assert set(RELEASED) <= known_migrations()


def test_released_steps_run_the_sql_they_were_released_with(tmp_path):
    run = _sql_of_each_step(tmp_path)
    changed = [key for key, sha in RELEASED.items()
               if hashlib.sha256(run[key].encode()).hexdigest() != sha]
    assert changed == []


def test_sql_step_runs_its_statements_in_order_under_its_name(tmp_path):
    from sqlite_utils import Migrations

    steps = Migrations("probe")
    sql_step(steps, "0001_two_tables", "CREATE TABLE a (x)", "CREATE TABLE b (y)",
             "INSERT INTO a (x) VALUES (1)")
    db = sqlite_utils.Database(tmp_path / "probe.db")
    steps.apply(db)
    assert [m.name for m in steps.applied(db)] == ["0001_two_tables"]
    assert db.execute("SELECT x FROM a").fetchall() == [(1,)]
    assert db["b"].exists()


def test_text_search_tables_index_the_text_and_follow_its_changes(tmp_path):
    db = sqlite_utils.Database(tmp_path / "fts.db")
    execute_all(db, ["CREATE TABLE owners (id INTEGER PRIMARY KEY)",
                     *text_search_tables("owner_search", "owner_id", "owners(id)", "owner_fts")])
    db.execute("INSERT INTO owners (id) VALUES (7)")
    db.execute("INSERT INTO owner_search (owner_id, text) VALUES (7, '杭州建工 QTZ80')")

    def hits(term):
        return [r[0] for r in db.execute("SELECT rowid FROM owner_fts WHERE owner_fts MATCH ?", [f'"{term}"'])]

    assert hits("QTZ") == [7]
    db.execute("UPDATE owner_search SET text = '温州城建' WHERE owner_id = 7")
    assert hits("QTZ") == [] and hits("温州城") == [7]
    db.execute("DELETE FROM owner_search WHERE owner_id = 7")
    assert hits("温州城") == []
