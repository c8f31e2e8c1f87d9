"""`merge-customers`: the same customer registered twice becomes one (issue 16).

    servicedesk merge-customers KEEP DROP --db P [--yes] [--who NAME]

KEEP and DROP are customer numbers (客户编号) as `search --json` shows them
("id"). Without --yes it only says what would move and merges nothing: a
merge cannot be undone by the clerk, so it is confirmed, but needs no PIN.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the merge module (and pinyin with it) loads only when the command runs
    from servicedesk.models.archive.merge import MergePlan


def register(sub: argparse._SubParsersAction, common) -> None:
    p = common(sub.add_parser("merge-customers",
                              help="merge a customer registered twice: DROP's equipment, tickets and "
                                   "calls move to KEEP; DROP stays as an alias"))
    p.add_argument("keep", type=int, help="customer number to keep (id in search --json)")
    p.add_argument("drop", type=int, help="customer number merged into KEEP")
    p.add_argument("--yes", action="store_true", help="merge (without it: only show what would move)")
    p.add_argument("--who", default="", help="user name recorded on the merge")
    p.set_defaults(func=cmd_merge_customers)


def _describe(plan: MergePlan) -> None:
    print(f"Keep {plan.keep.id} {plan.keep.name} {plan.keep.phone}; "
          f"merge {plan.drop.id} {plan.drop.name} {plan.drop.phone} into it")
    print(f"Moves {plan.equipment} equipment, {plan.tickets} tickets, {plan.followups} follow-up calls")


def cmd_merge_customers(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database
    from servicedesk.models.archive.merge import merge_customers, merge_plan

    db = open_database(args, create=False)
    if not args.yes:
        _describe(merge_plan(db, args.keep, args.drop))
        print("Nothing merged: repeat with --yes to merge.")
        return 1
    plan = merge_customers(db, args.keep, args.drop, who=args.who)
    _describe(plan)
    print(f"Merged: customer {plan.drop.id} is now an alias of {plan.keep.id}")
    return 0
