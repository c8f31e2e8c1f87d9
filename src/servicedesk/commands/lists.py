"""The codes a script may type, listed: `catalog` and `technicians`.

    servicedesk catalog --db P [--all] [--json]
        work-hour catalog codes (the --work codes of `ticket visit`) with name,
        unit and the hours in force today; --all adds retired codes.
    servicedesk technicians --db P [--all] [--json]
        the technicians register (the --tech names of `ticket dispatch`);
        --all adds inactive people.

A name or code the register or catalog does not know is refused with the
valid ones listed (require_technicians / require_work_codes), so a script's
author sees at once what to type instead.
"""

from __future__ import annotations

import argparse
import dataclasses
from typing import Iterable

import sqlite_utils

from servicedesk.models.core.errors import ValidationError


def register(sub: argparse._SubParsersAction, common) -> None:
    p = common(sub.add_parser("catalog", help="list the work-hour catalog codes and their hours today"))
    p.add_argument("--all", action="store_true", help="include retired codes")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.set_defaults(func=cmd_catalog)

    p = common(sub.add_parser("technicians", help="list the technicians register"))
    p.add_argument("--all", action="store_true", help="include inactive technicians")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.set_defaults(func=cmd_technicians)


def _hours(hours_x100: int | None) -> str:
    return "" if hours_x100 is None else f"{hours_x100 / 100:.2f}"


def cmd_catalog(args: argparse.Namespace) -> int:
    """Codes with the rate in force now (a re-rate dated later is not shown as today's)."""
    from servicedesk.cli import open_database, print_json
    from servicedesk.commands.i18n import print_table, tr
    from servicedesk.models.pay.catalog import list_catalog

    items = list_catalog(open_database(args, create=False), include_retired=args.all)
    if args.json:
        print_json({"catalog": [{"code": i.code, "name": i.name, "unit": i.unit, "hours_x100": i.hours_x100,
                                 "further_hours_x100": i.further_hours_x100, "active": i.active,
                                 "effective_from": i.effective_from} for i in items]})
        return 0
    if not items:
        print("The work-hour catalog is empty.")
        return 0
    print_table(("Code", "Name", "Unit", "Hours", "Each further", "Active"),
                [(i.code, i.name, i.unit, _hours(i.hours_x100), _hours(i.further_hours_x100),
                  tr("yes") if i.active else tr("retired")) for i in items])
    return 0


def cmd_technicians(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database, print_json
    from servicedesk.commands.i18n import print_table, tr
    from servicedesk.models.core.validation import fen_to_yuan_str
    from servicedesk.models.tickets.technicians import list_technicians

    techs = list_technicians(open_database(args, create=False), active_only=not args.all)
    if args.json:
        print_json({"technicians": [dataclasses.asdict(t) for t in techs]})
        return 0
    if not techs:
        print("The technicians register is empty.")
        return 0
    print_table(("ID", "Name", "Role", "Phone", "Base salary", "Active"),
                [(t.id, t.name, t.role_label, t.phone, fen_to_yuan_str(t.base_salary_fen),
                  tr("yes") if t.active else tr("inactive")) for t in techs])
    return 0


def require_technicians(db: sqlite_utils.Database, names: Iterable[str]) -> None:
    """Refuse names not in the register, listing the active ones to choose from."""
    from servicedesk.models.tickets.technicians import list_technicians

    known = {t.name: t.active for t in list_technicians(db)}
    unknown = [n for n in names if n not in known]
    if unknown:
        valid = "、".join(name for name, active in known.items() if active) or "-"
        raise ValidationError(f"Unknown technician(s) {'、'.join(unknown)}; the register has: {valid}.",
                              "technicians")


def require_work_codes(db: sqlite_utils.Database, codes: Iterable[str]) -> None:
    """Refuse codes not in the work-hour catalog, listing the active ones."""
    from servicedesk.models.pay.catalog import catalog_codes

    everything = catalog_codes(db, include_retired=True)
    unknown = [c for c in codes if c.upper() not in everything]
    if unknown:
        valid = ", ".join(sorted(catalog_codes(db))) or "-"
        raise ValidationError(f"Unknown work code(s) {', '.join(unknown)}; the catalog has: {valid}.", "work")
