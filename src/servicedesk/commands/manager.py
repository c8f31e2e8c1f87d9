"""CLI sub-commands of the manager: the PIN and the audit trail.

    servicedesk manager-pin --db P --new NEW [--pin OLD]
        set the manager PIN (the first time) or change it (the current PIN
        is required: --pin, $SERVICEDESK_PIN or asked without echo).
    servicedesk audit --db P [--since DATE] [--action A] [--json]
        the audit trail, oldest first; JSON {"entries": [{"at", "who",
        "action", "target", "old", "new"}]}.
"""

from __future__ import annotations

import argparse

from servicedesk.commands.pin_arg import add_pin_argument, resolve_pin


def register(sub: argparse._SubParsersAction, common) -> None:
    p = common(sub.add_parser("manager-pin", help="set or change the manager PIN (经理密码)"))
    p.add_argument("--new", required=True, help="the new PIN, 4 to 12 digits")
    add_pin_argument(p, "the current PIN, once one is set")
    p.set_defaults(func=cmd_manager_pin)

    p = common(sub.add_parser("audit", help="the audit trail of manager actions and settings changes"))
    p.add_argument("--since", help="only entries from this date on (YYYY-MM-DD)")
    p.add_argument("--action", help="only this action (e.g. setting, pay_approve, restore)")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=cmd_audit)


def cmd_manager_pin(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database
    from servicedesk.models.core.pin import pin_is_set, set_pin

    db = open_database(args, create=False)
    had = pin_is_set(db)
    set_pin(db, args.new, resolve_pin(args.pin, "Current manager PIN: ") if had else None)
    print("Manager PIN changed." if had else "Manager PIN set.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database, print_json
    from servicedesk.commands.i18n import print_table
    from servicedesk.models.core.audit import list_entries

    db = open_database(args, create=False)
    entries = list_entries(db, since=args.since, action=args.action)
    if args.json:
        print_json({"entries": [e.to_dict() for e in entries]})
    else:
        print_table(("At", "Who", "Action", "Target", "Old", "New"),
                    [(e.at, e.who, e.action, e.target, e.old or "", e.new or "") for e in entries])
    return 0
