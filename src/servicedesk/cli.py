"""Command-line front door: the GUI by default, scripting sub-commands below.

Exit codes: 0 ok, 1 user error (message on stderr), 2 usage error.
`--json` prints exactly one JSON object on stdout.
Each area may add sub-commands in its own module under `servicedesk.commands`
(a `register(subparsers)` function), so the CLI grows without one big file.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any, Sequence

from servicedesk import __version__
from servicedesk.commands.i18n import Parser, cli_language, language_from_argv, untranslated
from servicedesk.config import choose_language, resolve_db_path
from servicedesk.models.core.errors import DomainError

# Area modules that register their own sub-commands.
COMMAND_MODULES = (
    "servicedesk.commands.records",
    "servicedesk.commands.tickets",
    "servicedesk.commands.printing",
    "servicedesk.commands.pay",
    "servicedesk.commands.kpi",
    "servicedesk.commands.lists",
    "servicedesk.commands.setup",
    "servicedesk.commands.rollup",
    "servicedesk.commands.data",
    "servicedesk.commands.customers",
    "servicedesk.commands.manager",
    "servicedesk.commands.retire",
)


class UsageError(Exception):
    pass


# argparse exits 2 on usage errors (usage and message on stderr); the
# subclass adds the translated help (commands/i18n.py).
_Parser = Parser


_OPENED: list = []   # the data files this command opened; closed when it returns (see _main)


def open_database(args: argparse.Namespace, create: bool = True):
    from servicedesk.models.core.db import open_db

    db = open_db(resolve_db_path(getattr(args, "db", None)), create=create)
    _OPENED.append(db)
    return db


def _close_opened() -> None:
    """Close what the command opened: a clean close stamps the file checked, so
    the next start need not check it again (models/core/health_stamp)."""
    while _OPENED:
        try:
            _OPENED.pop().close()
        except Exception:  # noqa: BLE001 - closing twice or a closed connection is no error here
            pass


def print_json(obj: Any) -> None:
    untranslated(sys.stdout).write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without `commands`, only the window's options
    (the start-up path: the sub-commands' modules need not be imported)."""
    parser = _Parser(prog="servicedesk", description="ServiceDesk — after-sales service office")
    parser.add_argument("--version", action="version", version=f"ServiceDesk {__version__}")
    parser.add_argument("--db", help="data file (default: user data folder; env SERVICEDESK_DB)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language")
    # For CI and a freshly built program: open the window, show every tab, close (exit 0 = all fine).
    parser.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def common(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", default=argparse.SUPPRESS, help="data file")
        return p

    p = common(sub.add_parser("demo", help="new data file with realistic demo data"))
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--years", type=int, default=2)
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_demo)

    p = common(sub.add_parser("search", help="find customers and equipment"))
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_search)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def cmd_demo(args: argparse.Namespace) -> int:
    from servicedesk.demo import build_demo

    path = resolve_db_path(getattr(args, "db", None))
    if path.exists():
        if not args.force:
            raise DomainError(f"{path} already exists; use --force to replace it with demo data.", "db")
        path.unlink()
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    from servicedesk.models.core.db import open_db

    db = open_db(path)
    summary = build_demo(db, seed=args.seed, years=args.years)
    print(f"Demo data written to {path}: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """Customers (and their matching equipment) for TEXT; says when --limit cut the list."""
    from servicedesk.models.archive.customers import count_customers, search

    db = open_database(args, create=False)
    hits = search(db, args.text, limit=args.limit)
    # Counting is only needed when the page is full: fewer hits than the
    # limit means that is all of them.
    total = count_customers(db, args.text) if args.text.strip() and len(hits) >= args.limit else len(hits)
    truncated = total > len(hits)
    if args.json:
        print_json({
            "query": args.text,
            "total": total,
            "truncated": truncated,
            "customers": [{"id": h.customer_id, "name": h.name, "contact": h.contact, "phone": h.phone,
                           "address": h.address, "dealer": h.dealer} for h in hits],
            "equipment": [{"id": e["id"], "customer_id": h.customer_id, "customer": h.name,
                           "model": e["model"], "serial_no": e["serial_no"]}
                          for h in hits for e in h.equipment],
        })
    else:
        if not hits:
            print("No matches.")
        for h in hits:
            print(f"{h.name}\t{h.contact}\t{h.phone}\t{h.address}")
            for e in h.equipment:
                print(f"    {e['model']}\t{e['serial_no']}")
        if truncated:
            print(f"… {total - len(hits)} more (showing {len(hits)} of {total}; use --limit to see more)")
    return 0


def gui_main(argv: Sequence[str] | None = None) -> int:
    return main(argv)


# What the window imports before its first paint that does not use Qt.
DATA_LAYER_MODULES = (
    "servicedesk.applog", "servicedesk.models.core.db", "servicedesk.models.core.lock",
    "servicedesk.models.core.settings", "servicedesk.models.core.first_start",
    "servicedesk.models.core.backup", "servicedesk.models.core.schema_steps",
    "servicedesk.models.kpi.rates", "servicedesk.models.followups.vocabulary",
)


def import_data_layer() -> None:
    """Import the window's non-Qt modules before PySide6 (issue 15: cold start).

    PySide6 installs an import hook that, for every module imported after
    it, reads the module's source to see whether it uses PySide6's opt-in
    features (`from __feature__ import ...`). sqlite-utils, logging and the
    data file's models never do; imported first, they skip that read
    (about 17 ms of a 267 ms start on the benchmark machine). The schema modules
    come too: opening the file reads their migrations.
    """
    for name in DATA_LAYER_MODULES:
        importlib.import_module(name)
    from servicedesk.models.core.db import MIGRATION_MODULES

    for name in MIGRATION_MODULES:
        importlib.import_module(name)


def pause_garbage_collection() -> None:
    """No cyclic garbage collection until the window is painted (issue 15).

    The start allocates some hundred thousand objects (modules, classes,
    Qt's enums, widgets) and frees almost none of them, so the 60-odd
    collections Python would run meanwhile find next to nothing.
    gc.callbacks count 10-13 ms of them; interleaved starts on the ten-year
    file went 439 -> 346 ms. ui/app.py's resume_garbage_collection switches
    it back on after the first paint (at the latest a few seconds after
    show()), and before the first-start wizard, the clerk picker and the
    damaged-file dialog, where the clerk may sit for minutes (a refused
    file's message box ends the program, so it needs none).
    """
    gc.disable()


def start_gui(args: argparse.Namespace) -> int:
    """The window (or its --smoke run); one line of advice when Qt's libraries are missing.

    Importing PySide6.QtGui fails with an ImportError naming the missing
    system library (libGL.so.1, libxkbcommon.so.0 ...): say which packages to
    install instead of a traceback.
    """
    from servicedesk.ui.qt_check import import_problem

    pause_garbage_collection()
    import_data_layer()
    try:
        from servicedesk.ui import app
    except ImportError as exc:
        advice = import_problem(exc)
        if advice is None:
            raise
        if sys.stderr is not None:  # None in a windowed program
            sys.stderr.write(advice + "\n")
        return 1
    if args.smoke:
        return app.run_smoke(Path(args.db) if args.db else None, lang=args.lang)
    return app.run_gui(resolve_db_path(args.db), lang=args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command in the clerk's language (--lang, else the system locale)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    with cli_language(choose_language(language_from_argv(argv))):
        return _main(argv)


WINDOW_OPTIONS = ("--db", "--lang")   # options that take a value
WINDOW_FLAGS = ("--smoke",)


def starts_the_window(argv: Sequence[str]) -> bool:
    """True when `argv` holds nothing but the window's own options (each with
    its value): the program starts without building the sub-commands'
    parsers, which import a dozen modules (issue 15: cold start). Anything
    else (a command, --help, --version, a typo) goes to the whole parser."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in WINDOW_OPTIONS:
            i += 2
        elif arg in WINDOW_FLAGS or arg.startswith(tuple(f"{o}=" for o in WINDOW_OPTIONS)):
            i += 1
        else:
            return False
    return i == len(argv)


def _main(argv: list[str]) -> int:
    parser = build_parser(commands=not starts_the_window(argv))
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return start_gui(args)
        code = int(args.func(args) or 0)
        _close_opened()
        return code
    except DomainError as exc:
        sys.stderr.write(f"error: {exc.message}\n")
        for problem in getattr(exc, "problems", []) or []:
            sys.stderr.write(f"{problem}\n")
        return 1
    except sqlite3.OperationalError as exc:
        # Disk full, file locked by another program, read-only folder: the
        # transaction was rolled back, so say so instead of a traceback.
        sys.stderr.write(f"error: the data file could not be used ({exc}); nothing was changed\n")
        return 1
    except BrokenPipeError:
        # Output piped into `head` or similar that stopped reading: not an error.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except OSError as exc:
        # A folder that cannot be created, a file in use, no permission: say
        # which file and why, instead of a traceback.
        where = f" ({exc.filename})" if exc.filename else ""
        sys.stderr.write(f"error: {exc.strerror or exc}{where}; nothing was changed\n")
        return 1
    except KeyboardInterrupt:
        return 130
