"""CLI sub-commands for records with history: `deactivate`, `reactivate`, `delete` (issue 17).

    servicedesk deactivate customer|equipment|part|technician KEY... --db P [--json]
    servicedesk reactivate customer|equipment|part|technician KEY... --db P [--json]
    servicedesk delete customer|equipment|part|technician KEY... --db P --yes [--json]

KEY: a customer's number (客户编号) or name; a unit's number or its model and
serial ("QTZ80 T2025-0101"); a part's code; a technician's name. A record
other records refer to is never deleted: `delete` then exits 1 naming every
reference ("1 planned inspection, 3 tickets") and says to deactivate it.
"""

from __future__ import annotations

import argparse
from typing import Any

import sqlite_utils

from servicedesk.models.core.errors import NotFound, ValidationError

KINDS = ("customer", "equipment", "part", "technician")


def register(sub: argparse._SubParsersAction, common) -> None:
    for name, help_text in (
            ("deactivate", "deactivate a customer, unit, part or technician (history kept, left out of pickers)"),
            ("reactivate", "reactivate a deactivated customer, unit, part or technician"),
            ("delete", "delete a customer, unit, part or technician that has no history")):
        p = common(sub.add_parser(name, help=help_text))
        p.add_argument("kind", choices=KINDS)
        p.add_argument("key", nargs="+", help="customer number or name; unit number or model and serial; "
                       "part code; technician name")
        p.add_argument("--who", default="", help="who did it (default: the data file's clerk)")
        p.add_argument("--json", action="store_true")
        if name == "delete":
            p.add_argument("--yes", action="store_true", help="really delete (it cannot be undone)")
        p.set_defaults(func=cmd_change, action=name)


def _find(db: sqlite_utils.Database, kind: str, key: list[str]) -> tuple[int, str]:
    """The record's id and its name in words, from what a script may type."""
    from servicedesk.models.archive import customers as C
    from servicedesk.models.parts import ledger as P
    from servicedesk.models.tickets import technicians as TE

    text = " ".join(key).strip()
    if kind == "customer":
        c = C.get_customer(db, int(text)) if text.isdigit() else C.find_customer(db, text)
        return c.id, c.name
    if kind == "equipment":
        if text.isdigit():
            e = C.get_equipment(db, int(text))
        else:
            if len(key) != 2:
                raise ValidationError("Give the unit's number, or its model and serial number.", "key")
            e = C.find_equipment(db, key[0], key[1])
            if e is None:
                raise NotFound(f"No equipment {key[0]} {key[1]} in the archive.", "equipment")
        return e.id, f"{e.model} {e.serial_no}"
    if kind == "part":
        part = P.get_part(db, text)
        return part.id, part.code
    t = TE.find_technician(db, text)
    return t.id, t.name


def cmd_change(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database, print_json
    from servicedesk.models.archive import customers as C
    from servicedesk.models.core.settings import recorder
    from servicedesk.models.parts import ledger as P
    from servicedesk.models.tickets import technicians as TE

    db = open_database(args, create=False)
    who = args.who or recorder(db)
    record_id, words = _find(db, args.kind, args.key)
    if args.action == "delete":
        if not args.yes:
            raise ValidationError("Deleting cannot be undone: add --yes to delete.", "yes")
        {"customer": C.delete_customer, "equipment": C.delete_equipment, "part": P.delete_part,
         "technician": TE.delete_technician}[args.kind](db, record_id, who=who)
    else:
        active = args.action == "reactivate"
        setter: Any = {"customer": C.set_customer_active, "equipment": C.set_equipment_active,
                       "part": P.set_part_active, "technician": TE.set_active}[args.kind]
        setter(db, record_id, active, who=who)
    if args.json:
        print_json({"kind": args.kind, "id": record_id, "name": words, "action": args.action})
        return 0
    if args.action == "delete":
        print(f"Deleted {args.kind} {words}.")
    elif args.action == "deactivate":
        print(f"Deactivated {args.kind} {words}: kept with its history, no longer offered for new work.")
    else:
        print(f"Reactivated {args.kind} {words}.")
    return 0
