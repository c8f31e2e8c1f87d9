"""`template`, `import` and `export` for every kind in models.kinds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from servicedesk.models.core.kinds import KINDS, get_kind


def register(sub: argparse._SubParsersAction, common) -> None:
    p = sub.add_parser("template", help="empty import sheet with header and notes")
    p.add_argument("kind", choices=sorted(KINDS))
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_template)

    p = common(sub.add_parser("import", help="import an Excel sheet (all-or-nothing)"))
    p.add_argument("kind", choices=sorted(KINDS))
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="validate only, write nothing")
    p.add_argument("--update", action="store_true", help="update records that already exist")
    p.add_argument("--date", help="date for opening stock / stock count (YYYY-MM-DD)")
    p.add_argument("--month", help="month for attendance (YYYY-MM)")
    p.add_argument("--post", action="store_true", help="stock count: also post the adjustments")
    p.add_argument("--move-stock", action="store_true", help="tickets: issue listed parts from stock")
    p.add_argument("--who", default="", help="user name recorded on the changes")
    p.set_defaults(func=cmd_import)

    p = common(sub.add_parser("export", help="export records to an Excel sheet"))
    p.add_argument("kind", choices=sorted(KINDS))
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_export)


def cmd_template(args: argparse.Namespace) -> int:
    from servicedesk.reports.sheets import write_template

    kind = get_kind(args.kind)
    out = write_template(kind.spec, args.out, kind.sample_rows)
    print(f"Template written to {out}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Import a sheet, all-or-nothing.

    A data file that does not exist yet is created, so a new office can start
    its archive from Excel. If that import writes nothing (a problem, or a dry
    run) the new file is removed again: a failed first import leaves no empty
    archive behind.
    """
    from servicedesk.config import resolve_db_path
    from servicedesk.cli import open_database
    from servicedesk.models.core.importing import run_import
    from servicedesk.reports.sheets import read_rows

    kind = get_kind(args.kind)
    if kind.import_row is None:
        sys.stderr.write(f"error: {args.kind} cannot be imported\n")
        return 1
    path = resolve_db_path(getattr(args, "db", None))
    new_file = not path.exists() or (path.is_file() and path.stat().st_size == 0)
    if new_file:
        # A new file is made only for a sheet that could be read.
        rows = read_rows(kind.spec, args.file)
        db = open_database(args, create=True)
    else:
        rows, db = _read_while_opening(args, lambda: read_rows(kind.spec, args.file))
    options = {k: getattr(args, k) for k in ("update", "date", "month", "post", "move_stock", "who")}
    try:
        result = run_import(db, kind.spec, rows, kind.import_row, dry_run=args.dry_run, options=options,
                            session=kind.session)
    except BaseException:
        if new_file:
            _remove_new_file(db, path)
        raise
    if new_file and not result.written:
        _remove_new_file(db, path)
    if not result.ok:
        for problem in result.problems:
            sys.stderr.write(f"{problem}\n")
        sys.stderr.write(f"error: {len(result.problems)} problem(s) in {result.rows} row(s); nothing was imported\n")
        return 1
    verb = "would import" if args.dry_run else "imported"
    print(f"{verb} {result.rows} row(s): {result.created} new, {result.updated} updated"
          + (f"; {'would open' if args.dry_run else 'opened'} {result.also['complaint_tickets']} complaint ticket(s)"
             if result.also.get("complaint_tickets") else "")
          + (" (dry run: nothing written)" if args.dry_run else "")
          + (f"; new data file {path}" if new_file and result.written else ""))
    return 0


def _read_while_opening(args: argparse.Namespace, read):
    """Read the sheet while an existing data file is opened (issue 15).

    Opening checks the whole file (PRAGMA quick_check, ~2 s for ten years of
    tickets) in SQLite, which lets other Python threads run: the sheet is read
    meanwhile, instead of one after the other. A sheet that cannot be read is
    reported as before, and the file opened for it is closed again.
    """
    from concurrent.futures import ThreadPoolExecutor

    from servicedesk.cli import open_database

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="open-db") as pool:
        opening = pool.submit(open_database, args, create=True)
        try:
            rows = read()
        except BaseException:
            try:
                opening.result().close()
            except Exception:   # the sheet's problem is the one to report
                pass
            raise
        return rows, opening.result()


def _remove_new_file(db, path: Path) -> None:
    """Close and delete a data file this import created but did not fill."""
    db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def cmd_export(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database
    from servicedesk.reports.sheets import write_rows

    kind = get_kind(args.kind)
    if kind.export_rows is None:
        sys.stderr.write(f"error: {args.kind} cannot be exported\n")
        return 1
    db = open_database(args, create=False)
    rows = kind.export_rows(db)
    out = write_rows(kind.spec, rows, args.out)
    print(f"Exported {len(rows)} row(s) to {out}")
    return 0
