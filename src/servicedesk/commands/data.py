"""CLI sub-commands about the data file itself: backup, backups, restore, check.

    servicedesk backup --db P [--to DIR]
        one verified copy (models/core/backup.py: online backup API, then
        integrity_check, then the real name) into the backup folder of the
        data file's settings, or DIR; prints the copy's path. Rotation runs
        afterwards, as for the automatic backups.
    servicedesk backups --db P [--to DIR] [--json]
        the copies in that folder, newest first: time, size, verified yes/no.
        JSON: {"folder", "backups": [{"path", "time", "size", "verified"}]}.
    servicedesk restore FILE --db P [--json]
        replaces the data file by FILE after proving FILE good (SQLite,
        integrity_check, ServiceDesk, not newer). Refused while ServiceDesk
        has the file open. The old file is kept as
        <name>.replaced-YYYYMMDD-HHMMSS.sqlite3 with its -wal/-shm.
        JSON: {"restored_from", "kept", "counts": {table: rows}}.
    servicedesk check --db P [--json]
        full integrity and schema check, read-only.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from servicedesk.config import resolve_db_path
from servicedesk.commands.pin_arg import add_pin_argument, resolve_pin

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction, common) -> None:
    p = common(sub.add_parser("backup", help="verified copy of the data file into the backup folder"))
    p.add_argument("--to", help="folder for the copy (default: the backup folder in the settings)")
    p.set_defaults(func=cmd_backup)

    p = common(sub.add_parser("backups", help="list the backup copies of the data file"))
    p.add_argument("--to", help="backup folder to list (default: the one in the settings)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backups)

    p = common(sub.add_parser("restore", help="replace the data file by a verified backup"))
    p.add_argument("file", help="the backup copy to restore")
    add_pin_argument(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_restore)

    p = common(sub.add_parser("check", help="integrity and schema check (read-only)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)


def _plan(args: argparse.Namespace):
    """The data file (opened, read-only when it cannot be written) and its backup plan."""
    from dataclasses import replace

    from servicedesk.models.core.backup import backup_plan
    from servicedesk.models.core.db import open_db

    path = resolve_db_path(getattr(args, "db", None))
    db = open_db(path, create=False)
    plan = backup_plan(db, path)
    if getattr(args, "to", None):
        plan = replace(plan, folder=Path(args.to), create_folder=True)
    return db, plan


def cmd_backup(args: argparse.Namespace) -> int:
    from servicedesk.models.core.backup import make_backup

    db, plan = _plan(args)
    try:
        copy = make_backup(db, plan)
    finally:
        db.close()
    print(copy.path)
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from servicedesk.cli import print_json
    from servicedesk.models.core.backup import list_backups
    from servicedesk.models.core.errors import DomainError

    db, plan = _plan(args)
    db.close()
    try:
        copies = list_backups(plan.folder, plan.stem) if plan.folder.exists() else []
    except OSError as exc:
        raise DomainError(f"Cannot read the backup folder {plan.folder}: {exc.strerror or exc}.",
                          "backup.folder") from exc
    if args.json:
        print_json({"folder": str(plan.folder), "backups": [
            {"path": str(c.path), "time": c.at.isoformat(sep=" "), "size": c.size, "verified": c.verified}
            for c in copies]})
        return 0
    print(f"Backups in {plan.folder}:")
    if not copies:
        print("  none")
    from servicedesk.commands.i18n import tr

    for c in copies:
        state = tr("verified") if c.verified else tr("NOT verified (does not count)")
        print(f"  {c.at:%Y-%m-%d %H:%M:%S}  {c.size:>12,d} bytes  {state}  {c.path.name}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from servicedesk.cli import print_json
    from servicedesk.models.core.restore import check_restore_pin, restore_backup, verify_backup

    path = resolve_db_path(getattr(args, "db", None))
    verify_backup(Path(args.file))  # a file that cannot be restored is refused before the PIN is asked
    check_restore_pin(path, Path(args.file), resolve_pin(args.pin))
    result = restore_backup(path, Path(args.file))
    if args.json:
        print_json({"restored_from": str(result.restored_from),
                    "kept": str(result.kept) if result.kept else None, "counts": result.counts})
    else:
        print(f"Restored {path} from {result.restored_from}.")
        if result.kept:
            print(f"The replaced file is kept as {result.kept}.")
        from servicedesk.commands.i18n import tr

        print(", ".join(f"{tr(k)} {v}" for k, v in result.counts.items() if v))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from servicedesk.cli import print_json
    from servicedesk.models.core.db import check_db

    report = check_db(resolve_db_path(getattr(args, "db", None)))
    if args.json:
        print_json({"path": report.path, "ok": report.ok, "messages": report.messages})
    else:
        for line in report.messages:
            print(line)
        print("OK" if report.ok else "PROBLEMS FOUND")
    return 0 if report.ok else 1
