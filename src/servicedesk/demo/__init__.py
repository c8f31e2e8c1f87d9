"""Realistic demo data for a branch service office.

Each area adds its part in its own module, run in order; every part is
deterministic for a given seed, so screenshots and benchmarks repeat.
"""

from __future__ import annotations

import importlib
import random

import sqlite_utils

# Modules in dependency order; each has build(db, rng, years) -> {label: count}.
DEMO_STEPS = (
    "servicedesk.demo.customers",   # customers and equipment
    "servicedesk.demo.parts",       # parts catalog and receipts (before tickets use them)
    "servicedesk.demo.tickets",     # technicians and two years of tickets
    "servicedesk.demo.stock",       # stock counts after the tickets moved stock
    "servicedesk.demo.pay",         # attendance, deductions, approved months
    "servicedesk.demo.followups",   # follow-up calls and inspections
)


def build_demo(db: sqlite_utils.Database, seed: int = 2026, years: int = 2) -> dict[str, int]:
    rng = random.Random(seed)
    summary: dict[str, int] = {}
    for name in DEMO_STEPS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # area not built yet
            raise
        summary.update(module.build(db, rng, years=years))
    _demo_clerks(db)
    return summary


def _demo_clerks(db: sqlite_utils.Database) -> None:
    """The demo office's clerks (记录人) when the file has none yet, so a demo file
    opens as a set-up office signed by 林芳, not by the computer's login; a file
    set up first (the first-start wizard's "load demo data") keeps its own."""
    from servicedesk.demo.followups import CLERKS
    from servicedesk.models.core.first_start import needs_first_start
    from servicedesk.models.core.settings import save_settings

    if needs_first_start(db):
        save_settings(db, {"office.clerk": CLERKS[0], "office.clerks": list(CLERKS)})
