"""CLI sub-commands of the pay area.

    servicedesk pay YYYY-MM --db P [--out F.xlsx] [--json]
    servicedesk pay-slip YYYY-MM --db P --out F.pdf [--technician NAME ...]
    servicedesk pay-approve YYYY-MM --db P --pin PIN [--who NAME]
    servicedesk pay-unlock YYYY-MM --db P --pin PIN --reason TEXT [--who NAME]
    servicedesk dealer-statement (TICKET_NO | --month YYYY-MM) --db P --out F.pdf

`pay --json` prints {"month", "locked", "technicians": [{"name", "hours",
"performance", "allowance", "base", "reimbursement", "deductions", "total"}]}
with hours and money as JSON numbers written with exactly two decimals.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal

from servicedesk.commands.i18n import untranslated
from servicedesk.commands.pin_arg import add_pin_argument, resolve_pin


def register(sub: argparse._SubParsersAction, common) -> None:
    p = common(sub.add_parser("pay", help="technician pay of a month (workbook / JSON / table)"))
    p.add_argument("month", help="YYYY-MM")
    p.add_argument("--out", help="write the pay workbook (.xlsx)")
    p.add_argument("--json", action="store_true", help="print the month as one JSON object")
    p.set_defaults(func=cmd_pay)

    p = common(sub.add_parser("pay-slip", help="printable pay slips (PDF, one page per technician)"))
    p.add_argument("month", help="YYYY-MM")
    p.add_argument("--out", required=True, help="PDF file")
    p.add_argument("--technician", action="append", help="only this technician (repeatable)")
    p.set_defaults(func=cmd_pay_slip)

    p = common(sub.add_parser("pay-approve", help="approve and lock a pay month (manager PIN)"))
    p.add_argument("month", help="YYYY-MM")
    add_pin_argument(p)
    p.add_argument("--who", default="", help="name recorded on the approval (default: the clerk in settings)")
    p.set_defaults(func=cmd_pay_approve)

    p = common(sub.add_parser("pay-unlock", help="unlock an approved pay month (PIN and reason)"))
    p.add_argument("month", help="YYYY-MM")
    add_pin_argument(p)
    p.add_argument("--reason", required=True)
    p.add_argument("--who", default="")
    p.set_defaults(func=cmd_pay_unlock)

    p = common(sub.add_parser("dealer-statement", help="dealer billing statement(s) as PDF"))
    p.add_argument("ticket", nargs="?", help="ticket number")
    p.add_argument("--month", help="all dealer statements of a month (YYYY-MM)")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_dealer_statement)


def _two(x: int) -> str:
    """Hundredths (fen or hours x100) as a JSON number text with two decimals."""
    return str((Decimal(x) / 100).quantize(Decimal("0.01")))


def pay_json_text(pay) -> str:
    """The month as JSON text; numbers keep two decimals (json.dumps would drop them)."""
    techs = []
    for t in pay.technicians:
        fields = [("name", json.dumps(t.name, ensure_ascii=False)), ("hours", _two(t.hours_x100)),
                  ("performance", _two(t.performance_fen)), ("allowance", _two(t.allowance_fen)),
                  ("base", _two(t.base_fen)), ("reimbursement", _two(t.reimbursement_fen)),
                  ("deductions", _two(t.deductions_fen)), ("total", _two(t.total_fen))]
        techs.append("    {" + ", ".join(f'"{k}": {v}' for k, v in fields) + "}")
    body = ",\n".join(techs)
    return (f'{{\n  "month": "{pay.month}",\n  "locked": {"true" if pay.locked else "false"},\n'
            f'  "technicians": [' + (f"\n{body}\n  " if techs else "") + "]\n}\n")


def cmd_pay(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database
    from servicedesk.models.pay.month import month_pay, parse_month

    month = parse_month(args.month)
    db = open_database(args, create=False)
    pay = month_pay(db, month)   # once: the workbook and the output show the same figures
    if args.out:
        from servicedesk.reports.pay_workbook import export_pay_month

        path = export_pay_month(db, month, args.out, pay=pay)
        if not args.json:
            print(f"Pay workbook for {month} written to {path}")
    if args.json:
        untranslated(sys.stdout).write(pay_json_text(pay))  # JSON stays as it is
        return 0
    if not args.out:
        from servicedesk.models.core.validation import fen_to_yuan_str as y

        print(f"{month}  {pay.state_label}" + (f"  ({pay.approved_by} {pay.approved_at})" if pay.locked else ""))
        print("name\thours\tperformance\tallowance\tbase\treimbursement\tdeductions\ttotal")
        for t in pay.technicians:
            print(f"{t.name}\t{t.hours_x100 / 100:.2f}\t{y(t.performance_fen)}\t{y(t.allowance_fen)}\t"
                  f"{y(t.base_fen)}\t{y(t.reimbursement_fen)}\t{y(t.deductions_fen)}\t{y(t.total_fen)}")
        totals = pay.totals()
        print(f"TOTAL\t{totals['hours_x100'] / 100:.2f}\t{y(totals['performance_fen'])}\t"
              f"{y(totals['allowance_fen'])}\t{y(totals['base_fen'])}\t{y(totals['reimbursement_fen'])}\t"
              f"{y(totals['deductions_fen'])}\t{y(totals['total_fen'])}")
    return 0


def cmd_pay_slip(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database
    from servicedesk.models.pay.month import find_technician_id, parse_month
    from servicedesk.reports.pay_slip import export_pay_slips

    month = parse_month(args.month)
    db = open_database(args, create=False)
    ids = [find_technician_id(db, name) for name in args.technician] if args.technician else None
    path = export_pay_slips(db, month, args.out, ids)
    print(f"Pay slips for {month} written to {path}")
    return 0


def cmd_pay_approve(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database
    from servicedesk.models.pay.month import approve_month

    db = open_database(args, create=False)
    state = approve_month(db, args.month, resolve_pin(args.pin), who=args.who)
    print(f"Pay month {state.month} approved and locked ({state.approved_at}).")
    return 0


def cmd_pay_unlock(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database
    from servicedesk.models.pay.month import unlock_month

    db = open_database(args, create=False)
    state = unlock_month(db, args.month, resolve_pin(args.pin), args.reason, who=args.who)
    print(f"Pay month {state.month} unlocked (draft again); the reason was logged.")
    return 0


def cmd_dealer_statement(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database
    from servicedesk.models.pay.billing import dealer_statement, dealer_statements_for_month
    from servicedesk.models.pay.month import find_ticket
    from servicedesk.models.core.settings import get_setting
    from servicedesk.reports.dealer_statement import write_dealer_statements

    if bool(args.ticket) == bool(args.month):
        sys.stderr.write("error: give a ticket number or --month YYYY-MM\n")
        return 2
    db = open_database(args, create=False)
    if args.ticket:
        statements = [dealer_statement(db, find_ticket(db, args.ticket).id)]
    else:
        statements = dealer_statements_for_month(db, args.month)
    path = write_dealer_statements(statements, args.out, office=str(get_setting(db, "office.name", "") or ""),
                                   font_file=str(get_setting(db, "print.font_file", "") or ""))
    print(f"{len(statements)} dealer statement(s) written to {path}")
    return 0
