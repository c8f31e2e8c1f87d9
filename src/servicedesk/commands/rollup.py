"""CLI sub-command for head office: `rollup` (the company report from the
branches' monthly workbooks).

    servicedesk rollup FILES_OR_FOLDER… --out F.xlsx [--json] [--month YYYY-MM]
        reads every branch workbook named, and every *.xlsx in each folder
        named (not its sub-folders), checks each against its checksum and
        writes the company workbook (汇总, 分公司, 技术员, 经销商, 趋势, 来源).
        Any file refused (not a ServiceDesk monthly workbook, figures changed,
        another month than the rest, a second workbook of an office) -> exit
        1, one line per problem on stderr, nothing written.
        --out a folder -> 售后服务月报公司汇总_<YYYY-MM>.xlsx in it; --out may be
        left out with --json (then only the figures are printed).
        --json prints the company figures and the branches (rates in %, two
        decimals, null when the denominator is zero — as `kpi --json`).
        Grades use the shipped thresholds, or those of the data file given
        with --db (head office's own settings).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from servicedesk.commands.kpi import resolve_out


def register(sub: argparse._SubParsersAction, common) -> None:
    p = common(sub.add_parser("rollup", help="head office: roll up the branches' monthly workbooks"))
    p.add_argument("paths", nargs="+", metavar="FILES_OR_FOLDER", help="branch workbooks and/or folders of them")
    p.add_argument("--out", help="company workbook file or folder (default name 售后服务月报公司汇总_<YYYY-MM>.xlsx)")
    p.add_argument("--json", action="store_true", help="print the company figures as JSON")
    p.add_argument("--month", help="YYYY-MM to roll up (default: the month of the files named)")
    p.set_defaults(func=cmd_rollup, rollup_parser=p)


def _settings(args: argparse.Namespace) -> dict:
    if not getattr(args, "db", None):
        return {}
    from servicedesk.cli import open_database
    from servicedesk.models.core.settings import get_settings

    db = open_database(args, create=False)
    try:
        return get_settings(db, "kpi.")
    finally:
        db.close()


def cmd_rollup(args: argparse.Namespace) -> int:
    from servicedesk.cli import print_json
    from servicedesk.models.kpi.rollup import roll_up
    from servicedesk.reports.rollup_workbook import default_rollup_name, read_branches, write_rollup_workbook

    if not args.out and not args.json:
        from servicedesk.commands.i18n import tr

        args.rollup_parser.error(tr("rollup needs --out F.xlsx (or --json)"))   # exit 2
    settings = _settings(args)
    probable_out = [Path(args.out)] if args.out and not Path(args.out).is_dir() else []
    inputs, problems = read_branches(args.paths, exclude=probable_out)
    rollup = roll_up(inputs, settings, args.month, problems)   # RollupRefused -> exit 1, nothing written
    path = None
    if args.out:
        path = write_rollup_workbook(rollup, resolve_out(args.out, default_rollup_name(rollup.month)))
    if args.json:
        print_json(rollup.to_json())
        return 0
    print(f"Company workbook written to {path}")
    print(f"{rollup.month}: {len(rollup.branches)} branches, grade {rollup.company.grade or '—'}")
    for b in rollup.branches:
        k = b.kpi
        print(f"{'—' if b.rank is None else b.rank}\t{b.office}\t{k.on_time_rate.text}\t{k.success_rate.text}\t"
              f"{k.satisfaction.text}\t{k.stock_accuracy.text}\t{k.grade or '—'}")
    return 0
