"""`template`, `import` and `export` for every kind in models.kinds."""

from __future__ import annotations

import argparse
import sys

from servicedesk.models.kinds import KINDS, get_kind


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
    from servicedesk.cli import open_database
    from servicedesk.models.importing import run_import
    from servicedesk.reports.sheets import read_rows

    kind = get_kind(args.kind)
    if kind.import_row is None:
        sys.stderr.write(f"error: {args.kind} cannot be imported\n")
        return 1
    rows = read_rows(kind.spec, args.file)
    db = open_database(args, create=False)
    options = {k: getattr(args, k) for k in ("update", "date", "month", "post", "move_stock", "who")}
    result = run_import(db, kind.spec, rows, kind.import_row, dry_run=args.dry_run, options=options)
    if not result.ok:
        for problem in result.problems:
            sys.stderr.write(f"{problem}\n")
        sys.stderr.write(f"error: {len(result.problems)} problem(s) in {result.rows} row(s); nothing was imported\n")
        return 1
    verb = "would import" if args.dry_run else "imported"
    print(f"{verb} {result.rows} row(s): {result.created} new, {result.updated} updated"
          + (" (dry run: nothing written)" if args.dry_run else ""))
    return 0


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
