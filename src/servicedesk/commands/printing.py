"""CLI sub-commands of the printing area: print-ticket (forms to PDF, calibration page)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, common) -> None:
    """Add `print-ticket`."""
    p = common(sub.add_parser(
        "print-ticket", help="print a ticket's form(s) to a PDF (售后服务维修记录单 and others)"))
    p.add_argument("numbers", nargs="*", metavar="NO", help="ticket number(s), e.g. YX2611007")
    p.add_argument("--out", required=True, help="PDF file to write")
    p.add_argument("--layout", choices=["a4", "continuous"],
                   help="a4 = three labelled copies; continuous = 241 mm dot-matrix paper "
                        "(default: the print.layout setting)")
    p.add_argument("--form", choices=["repair", "outside", "info"], default="repair",
                   help="repair = 维修记录单, outside = 外出服务记录表, info = 售后服务信息收集表")
    p.add_argument("--calibration", action="store_true",
                   help="write the ruler calibration page instead (no ticket needed)")
    p.add_argument("--no-log", action="store_true",
                   help="draft: do not record this as a print (no 补打 numbering)")
    p.add_argument("--who", default=None, help="user recorded in the print log")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_print_ticket)


def cmd_print_ticket(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database, print_json
    from servicedesk.models.core.errors import ValidationError
    from servicedesk.models.core.settings import recorder
    from servicedesk.models.printing.forms import load_print_settings
    from servicedesk.reports.repair_form import FormOptions, page_count, render_ticket_pdf, write_pdf

    db = open_database(args, create=False)
    options = FormOptions.from_settings(load_print_settings(db), layout=args.layout)
    if args.calibration:
        from servicedesk.reports.calibration import render_calibration_pdf

        pdf = render_calibration_pdf(options)
        write_pdf(args.out, pdf)
        if args.json:
            print_json({"out": args.out, "layout": options.layout, "pages": page_count(pdf),
                        "calibration": True})
        else:
            print(f"Calibration page ({options.layout}) written to {args.out}")
        return 0
    if not args.numbers:
        raise ValidationError("Give at least one ticket number (or --calibration).", field="numbers")
    who = args.who if args.who is not None else recorder(db)
    result = render_ticket_pdf(db, args.numbers, form=args.form, options=options, who=who,
                               target=f"pdf:{args.out}", log=not args.no_log)
    write_pdf(args.out, result.pdf)
    pages = page_count(result.pdf)
    if args.json:
        print_json({
            "out": args.out, "form": args.form, "layout": options.layout, "pages": pages,
            "logged": not args.no_log,
            "tickets": [{"no": no, "reprint_no": m.reprint_no, "mark": m.label}
                        for no, m in zip(result.ticket_nos, result.marks)],
        })
    else:
        reprints = [f"{no} {m.label}" for no, m in zip(result.ticket_nos, result.marks) if m.is_reprint]
        print(f"{len(result.ticket_nos)} form(s), {pages} page(s) written to {args.out}")
        for line in reprints:
            print(f"  {line}")
    return 0



