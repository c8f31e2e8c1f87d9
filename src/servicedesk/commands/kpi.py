"""CLI sub-commands of the kpi area: `kpi` (monthly figures / workbook / month
close) and `dealer-fee` (the yearly dealer service fee).

    servicedesk kpi 2026-10 --db P [--json]
        prints the figures: a table, or one JSON object with --json (rates in
        %, two decimals, null when the denominator is zero); writes no file
        unless --out or --mark-sent is given.
    servicedesk kpi 2026-10 --db P --out F.xlsx | --out FOLDER
        writes the workbook. --out a folder (an existing folder, or a path
        ending in / or \\) -> 售后服务月报_<office>_<YYYY-MM>.xlsx in that
        folder (with --mark-sent and no --out: in the current folder). The
        pre-export check is printed on stderr as warnings; the file is
        written anyway.
    ... --mark-sent [--who NAME]
        after writing, records the month as sent to head office: the file's
        SHA-256 and the figures in it. A later change to the data behind the
        month is flagged on the dashboard.
    ... --with-dealer-fee adds the year's dealer service fee sheets.
    servicedesk dealer-fee 2026 --db P [--out F.xlsx | FOLDER] [--json]
        default file name 经销商服务费_<office>_<YYYY>.xlsx.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.paths import safe_file_part


def register(sub: argparse._SubParsersAction, common) -> None:
    p = common(sub.add_parser("kpi", help="monthly KPI figures and the workbook for head office"))
    p.add_argument("month", help="YYYY-MM")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--out", help="write the workbook: file or folder (default name 售后服务月报_<office>_<YYYY-MM>.xlsx)")
    p.add_argument("--mark-sent", action="store_true",
                   help="record the month as sent to head office (stores the workbook's SHA-256)")
    p.add_argument("--who", default="", help="who prepared / sent it (default: login name)")
    p.add_argument("--with-dealer-fee", action="store_true", help="add the year's dealer service fee sheets")
    p.set_defaults(func=cmd_kpi)

    p = common(sub.add_parser("dealer-fee", help="yearly dealer service fee workbook"))
    p.add_argument("year", help="YYYY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--out", help="workbook file or folder (default name 经销商服务费_<office>_<YYYY>.xlsx)")
    p.set_defaults(func=cmd_dealer_fee)


def _who(args: argparse.Namespace, db) -> str:
    """Who prepared the workbook: --who, else the data file's clerk (记录人)."""
    from servicedesk.models.core.settings import recorder

    return args.who or recorder(db)


def resolve_out(out: str | None, default_name: str) -> Path:
    """A file path, or default_name inside a folder (or the current folder)."""
    if not out:
        return Path.cwd() / default_name
    path = Path(out)
    if path.is_dir() or out.endswith(("/", "\\", os.sep)):
        return path / default_name
    return path


def cmd_kpi(args: argparse.Namespace) -> int:
    """The month's figures: printed as a table (no file) unless --json; the
    workbook only when asked for (--out, or --mark-sent, which records the
    file it sends)."""
    from servicedesk.cli import open_database, print_json
    from servicedesk.models.kpi import month as K
    from servicedesk.models.kpi.checksum import figures_checksum, report_figures

    month = K.parse_month(args.month)
    db = open_database(args, create=False)
    who = _who(args, db)
    report = None
    if args.out or args.mark_sent:
        from servicedesk.reports.kpi_workbook import write_kpi_workbook

        report = K.kpi_report(db, month, prepared_by=who, with_dealer_fee=args.with_dealer_fee)
        path = write_kpi_workbook(report, resolve_out(args.out, K.default_workbook_name(report.kpi.office, month)))
        for item in report.checks:
            sys.stderr.write(f"warning: {item.title}: {item.text}\n")
        sha = K.file_sha256(path)
        checksum = figures_checksum(report_figures(report))
        if args.mark_sent:
            K.mark_month_sent(db, month, sha, who, file_name=path.name, figures=report.kpi.to_json(),
                              figures_sha256=checksum)
        if not args.json:
            print(f"Workbook written to {path}")
            print(f"SHA-256 {sha}")
            print(f"Figures checksum (SHA-256) {checksum}")
            if args.mark_sent:
                print(f"{month} marked as sent by {who or '-'}")
    kpi = report.kpi if report is not None else K.month_kpi(db, month)
    if args.json:
        print_json(kpi.to_json())
        return 0
    print_kpi(kpi)
    return 0


def print_kpi(kpi) -> None:
    """The office's four rates and grade, then one line per technician."""
    from servicedesk.commands.i18n import print_table, tr

    print(f"KPI {kpi.month}  {kpi.office}")
    print_table(("Figure", "Count", "Rate"),
                [(tr(label), f"{rate.num}/{rate.den}", rate.text) for label, rate in (
                    ("On-time repair rate", kpi.on_time_rate), ("Repair success rate", kpi.success_rate),
                    ("Customer satisfaction", kpi.satisfaction), ("Stock accuracy", kpi.stock_accuracy))]
                + [(tr("Grade"), "", kpi.grade or "—")])
    if kpi.technicians:
        print()
        print_table(("Technician", "Repairs", "On time", "Successful", "Satisfaction", "Grade"),
                    [(t.name, t.repairs, t.on_time_rate.text, t.success_rate.text, t.satisfaction.text,
                      t.grade or "—") for t in kpi.technicians])


def cmd_dealer_fee(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database, print_json
    from servicedesk.models.kpi.dealer_fee import dealer_fee
    from servicedesk.models.core.validation import fen_to_yuan_str

    text = str(args.year).strip()
    if not (text.isdigit() and len(text) == 4):
        raise ValidationError(f'"{args.year}" is not a year (use 2026)', "year")
    db = open_database(args, create=False)
    report = dealer_fee(db, int(text))
    if args.json:
        print_json({"year": report.year, "per_unit_yuan": fen_to_yuan_str(report.per_unit_fen),
                    "total_yuan": fen_to_yuan_str(report.total_fen),
                    "dealers": [{"name": d.dealer, "units_out_of_warranty": d.units_out,
                                 "units_served_by_office": d.units_served, "billable_units": d.billable,
                                 "calls_reached": d.calls_reached, "satisfaction": d.satisfaction.percent,
                                 "fee_yuan": None if d.fee_fen is None else fen_to_yuan_str(d.fee_fen)}
                                for d in report.dealers]})
        if not args.out:
            return 0
    from servicedesk.reports.dealer_fee_workbook import write_dealer_fee_workbook

    import re

    office = re.sub(r'[\\/:*?"<>|\s]+', "", report.office) or "服务部"
    path = write_dealer_fee_workbook(report, resolve_out(args.out, f"经销商服务费_{safe_file_part(office, '服务部')}_{report.year}.xlsx"))
    if not args.json:
        print(f"Workbook written to {path}")
        for d in report.dealers:
            fee = "—" if d.fee_fen is None else fen_to_yuan_str(d.fee_fen)
            print(f"{d.dealer}\t{d.units_out}-{d.units_served}\t{d.satisfaction.text}\t{fee}")
    return 0
