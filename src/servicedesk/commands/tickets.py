"""CLI sub-commands of the tickets area: `servicedesk ticket ...` (the register: commands/lists.py).

The same model functions as the GUI, for scripting and for head office:

    servicedesk ticket open --customer 杭州建工集团有限公司 --model QTZ80 --serial T2025-0101 \\
        --type repair --channel hotline --level 2 --fault "起升无动作"
    servicedesk ticket dispatch YX2611001 --tech 王建军、李志强 --transport 面包车
    servicedesk ticket visit YX2611001 --arrived "2026-11-03 13:00" --result 完成 \\
        --work "SMALL_REPAIR*1" --parts "P-1001*2"
    servicedesk ticket review|signoff|close|cancel|reopen|show YX2611001 ...

`--json` prints the ticket (or list) as one JSON object. `--who` defaults to
the login name (as `kpi` does). `dispatch` and `visit` on a ticket that
already has a dispatch slip / visit are corrections: every option not given
keeps the ticket's current value (give an empty value, e.g. --work "", to
clear one).
"""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from servicedesk.commands.lists import require_technicians, require_work_codes
from servicedesk.models.core.errors import ValidationError


def register(sub: argparse._SubParsersAction, common) -> None:
    p = sub.add_parser("ticket", help="repair tickets: open, dispatch, visit, review, sign, close")
    steps = p.add_subparsers(dest="step", required=True)

    def step(name: str, help_text: str, no: bool = True) -> argparse.ArgumentParser:
        sp = common(steps.add_parser(name, help=help_text))
        if no:
            sp.add_argument("no", help="ticket number, e.g. YX2611007")
        sp.add_argument("--who", default="", help="user name recorded in the ticket's log "
                        "(default: login name)")
        sp.add_argument("--at", help="time of the step (default now), 2026-11-03 14:30")
        sp.add_argument("--json", action="store_true")
        return sp

    sp = step("show", "one ticket with its team, work, parts, deadlines and log")
    sp.set_defaults(func=cmd_show)

    sp = step("open", "take a call (intake)", no=False)
    sp.add_argument("--customer", required=True, help="customer name as in the archive")
    sp.add_argument("--phone", default="", help="contact phone (also picks between same-named customers)")
    sp.add_argument("--model", default="")
    sp.add_argument("--serial", default="")
    sp.add_argument("--type", default="repair", help="repair 维修 / installation 安装 / inspection 巡检 / "
                    "technical_service 技术服务 / complaint 投诉")
    sp.add_argument("--channel", default="hotline", help="hotline 电话 / regional_manager 区域经理 / "
                    "dealer 经销商 / online 网络 / walk_in 来访")
    sp.add_argument("--level", help="fault level 1-4 (一级-四级)")
    sp.add_argument("--fault", default="")
    sp.add_argument("--contact", default="")
    sp.add_argument("--address", default="")
    sp.add_argument("--reported", help="report time (default now)")
    sp.add_argument("--requested", help="requested service time")
    sp.add_argument("--recorder", default="")
    sp.add_argument("--judgement", default="", help="first judgement")
    sp.add_argument("--exclusion", help="三包 exclusion key (e.g. voltage, human_damage)")
    sp.add_argument("--warranty", choices=["in", "out"], help="manual warranty decision (needs --reason)")
    sp.add_argument("--reason", default="", help="reason of the manual warranty decision")
    sp.add_argument("--dealer", default="")
    sp.add_argument("--dealer-diagnosis", default="")
    sp.add_argument("--dealer-selfcheck", default="")
    sp.set_defaults(func=cmd_open)

    sp = step("dispatch", "assign a technician or a team (first = leader); again = reassign or correct "
              "(options not given keep their current value)")
    sp.add_argument("--tech", help="names separated by 、 or , (first is the leader); "
                    "default: the current team")
    sp.add_argument("--transport")
    sp.add_argument("--departure")
    sp.add_argument("--expected-return")
    sp.add_argument("--tools")
    sp.add_argument("--carry-parts")
    sp.set_defaults(func=cmd_dispatch)

    sp = step("visit", "record (or correct) the visit; options not given keep their current value")
    sp.add_argument("--arrived", help="arrival time (omit only for a level-4 remote fix)")
    sp.add_argument("--result", help="完成/done or 未完成/not_done")
    sp.add_argument("--completed", help="completion time (default: repair end, else arrival)")
    sp.add_argument("--repair-from")
    sp.add_argument("--repair-to")
    sp.add_argument("--diagnosis")
    sp.add_argument("--cause")
    sp.add_argument("--measures")
    sp.add_argument("--work", help='catalog code * quantity, e.g. "SMALL_REPAIR*1; WELD_SITE*3"')
    sp.add_argument("--parts", help='part code * quantity, e.g. "P-1001*2"; kind by warranty '
                    'unless prefixed 三包件: or 客户购买件:')
    sp.add_argument("--transport-yuan", help="quote: transport at cost (yuan)")
    sp.add_argument("--lodging-days", type=int)
    sp.add_argument("--meal-days", type=int)
    sp.add_argument("--labour-days", type=int)
    sp.set_defaults(func=cmd_visit)

    sp = step("review", "supervisor's review of a completed ticket")
    sp.add_argument("--reviewer", required=True)
    sp.add_argument("--notes", default="")
    sp.set_defaults(func=cmd_review)

    sp = step("signoff", "customer's opinion and signature")
    sp.add_argument("--signature", required=True, help="name of the person who signed")
    sp.add_argument("--opinion", default="")
    sp.add_argument("--accepted", choices=["yes", "no"], help="complaint: did the customer accept the answer")
    sp.set_defaults(func=cmd_signoff)

    for name, text in (("close", "close a reviewed ticket"), ("cancel", "cancel (needs --reason)"),
                       ("reopen", "reopen a closed or cancelled ticket (needs --reason)")):
        sp = step(name, text)
        if name != "close":
            sp.add_argument("--reason", required=True)
        sp.set_defaults(func=cmd_simple)


# ---------------------------------------------------------------- output
def detail_json(detail) -> dict[str, Any]:
    """The ticket as plain JSON (money in fen, with labels for people)."""
    data = dataclasses.asdict(detail)
    data.update(status_label=detail.status_label, type_label=detail.type_label,
                channel_label=detail.channel_label, level_label=detail.level_label,
                result_label=detail.result_label, warranty_label=detail.warranty_label)
    return data


def _print_detail(args: argparse.Namespace, detail) -> int:
    from servicedesk.cli import print_json
    from servicedesk.models.tickets.lifecycle import SLA_LABELS
    from servicedesk.models.core.validation import fen_to_yuan_str

    if getattr(args, "json", False):
        print_json(detail_json(detail))
        return 0
    d = detail
    print(f"{d.no}  {d.type_label}  {d.status_label}  {d.level_label or '—'}  {d.channel_label}")
    print(f"客户: {d.customer_name}  联系人: {d.contact}  电话: {d.phone}")
    if d.equipment_id:
        print(f"设备: {d.equipment_model} {d.equipment_serial}")
    print(f"保修: {d.warranty_reason}")
    print(f"报修: {d.reported_at}  到场期限: {d.onsite_deadline}  状态: {SLA_LABELS.get(d.sla, d.sla)}")
    if d.fault:
        print(f"报修内容: {d.fault}")
    if d.team:
        print(f"维修人员: {d.technician_names}")
    if d.arrived_at or d.result:
        print(f"到达: {d.arrived_at or '—'}  完工: {d.completed_at or '—'}  结果: {d.result_label or '—'}  "
              f"及时: {'是' if d.on_time else '否'}")
    for w in d.work:
        print(f"  工时 {w.code} × {w.quantity_x100 / 100:g}  {w.name}")
    for part in d.parts:
        print(f"  配件 {part.part_code or '-'} {part.name} × {part.quantity}  "
              f"{'三包件' if part.kind == 'warranty' else '客户购买件 ' + fen_to_yuan_str(part.total_fen)}")
    if d.warranty == "out" and d.quote and d.quote.total_fen:
        print(f"报价: {fen_to_yuan_str(d.quote.total_fen)} 元")
    if d.repeat_ticket_no:
        print(f"重复故障: {d.repeat_ticket_no}")
    for e in d.events:
        change = f"{e.field}: {e.old} -> {e.new}" if e.field else ""
        print(f"  {e.at}  {e.who}  {e.action}  {change}")
    return 0


# ---------------------------------------------------------------- commands
def _db(args):
    from servicedesk.cli import open_database

    return open_database(args, create=False)


def _who(args: argparse.Namespace, db) -> str:
    """The clerk recorded in the ticket's log: --who, else the data file's clerk (记录人)."""
    from servicedesk.models.core.settings import recorder

    return args.who or recorder(db)


def _given(value, current):
    """An option not given (None) keeps the ticket's current value."""
    return current if value is None else value


def cmd_show(args: argparse.Namespace) -> int:
    from servicedesk.models.tickets import lifecycle as T

    return _print_detail(args, T.get_ticket(_db(args), args.no))


def cmd_open(args: argparse.Namespace) -> int:
    from servicedesk.models.tickets import sheets as TI
    from servicedesk.models.tickets import lifecycle as T
    from servicedesk.models.core.validation import normalise_text, parse_phone

    db = _db(args)
    customer = TI._customer(db, normalise_text(args.customer), parse_phone(args.phone, "phone"))
    equipment = TI._equipment(db, customer, normalise_text(args.model), normalise_text(args.serial))
    data = T.TicketInput(
        type=TI._word(args.type, TI.TYPE_WORDS, "type", "Type", required=True),
        channel=TI._word(args.channel, TI.CHANNEL_WORDS, "channel", "Channel", required=True),
        customer_id=customer.id, equipment_id=equipment.id if equipment else None,
        contact=args.contact, phone=args.phone, address=args.address,
        requested_at=args.requested, reported_at=args.reported, fault=args.fault, recorder=args.recorder or _who(args, db),
        first_judgement=args.judgement,
        fault_level=TI._word(args.level, TI.LEVEL_WORDS, "fault_level", "Fault level"),
        warranty_exclusion=args.exclusion, warranty_override=args.warranty,
        warranty_override_reason=args.reason, dealer=args.dealer,
        dealer_diagnosis=args.dealer_diagnosis, dealer_selfcheck=args.dealer_selfcheck)
    return _print_detail(args, T.open_ticket(db, data, _who(args, db), at=args.at))


def cmd_dispatch(args: argparse.Namespace) -> int:
    """Dispatch, or on a dispatched ticket reassign/correct the slip: every
    option not given keeps the ticket's current value (team included), and
    the first dispatch time stays."""
    from servicedesk.models.tickets import sheets as TI
    from servicedesk.models.tickets import lifecycle as T

    db = _db(args)
    t = T.get_ticket(db, args.no)
    if args.tech is None:
        ids = [m.technician_id for m in t.team]
    else:
        names = TI.parse_names(args.tech)
        require_technicians(db, names)  # an unknown name: the message lists the register
        ids = TI._technicians(db, names)
    data = T.DispatchInput(
        ids, dispatched_at=t.dispatched_at or args.at, transport=_given(args.transport, t.transport),
        departure_at=_given(args.departure, t.departure_at),
        expected_return_at=_given(args.expected_return, t.expected_return_at),
        tools=_given(args.tools, t.tools), carry_parts=_given(args.carry_parts, t.carry_parts))
    return _print_detail(args, T.dispatch(db, t.id, data, _who(args, db), at=args.at))


def cmd_visit(args: argparse.Namespace) -> int:
    """Record the visit, or correct it: every option not given keeps the
    ticket's current value (work and parts lines included)."""
    from servicedesk.models.tickets import sheets as TI
    from servicedesk.models.tickets import lifecycle as T
    from servicedesk.models.core.validation import parse_money_fen

    db = _db(args)
    t = T.get_ticket(db, args.no)
    if args.work is None:
        work = [T.WorkLine(w.code, w.quantity_x100, w.notes) for w in t.work]
    else:
        work = [T.WorkLine(code.upper(), qty) for code, qty, _ in TI.parse_items(args.work, "work")]
        require_work_codes(db, [w.code for w in work])  # an unknown code: the message lists the catalog
    if args.parts is None:
        parts = [T.PartLine(p.part_code, p.name, p.kind, p.quantity, p.unit_price_fen, p.spec) for p in t.parts]
    else:
        default_kind = "warranty" if t.warranty == "in" else "bought"
        parts = []
        for code, qty, prefix in TI.parse_items(args.parts, "parts", whole=True):
            kind = TI.KIND_WORDS.get(prefix, default_kind) if prefix else default_kind
            master = T.part_master(db, code) or T.part_master(db, code.upper())
            if master is None and T.has_parts_master(db):
                raise ValidationError(f'Part "{code}" is not in the parts list.', "parts")
            parts.append(T.PartLine(master["code"] if master else "", master["name"] if master else code, kind,
                                    qty, master["price_fen"] if master and kind == "bought" else 0))
    result = t.result if args.result is None else TI._word(args.result, TI.RESULT_WORDS, "result", "Result")
    completed = args.completed
    if completed is None and t.completed_at != (t.repair_to or t.arrived_at):
        completed = t.completed_at     # typed in by hand: keep it
    # else: it was derived from the repair end (or arrival): let the model derive it again
    if args.transport_yuan is None:
        transport = t.quote_transport_fen
    else:
        transport = parse_money_fen(args.transport_yuan, "quote_transport_fen") or 0
    data = T.VisitInput(
        arrived_at=_given(args.arrived, t.arrived_at), diagnosis=_given(args.diagnosis, t.diagnosis),
        cause=_given(args.cause, t.cause), measures=_given(args.measures, t.measures), result=result,
        repair_from=_given(args.repair_from, t.repair_from), repair_to=_given(args.repair_to, t.repair_to),
        completed_at=completed, work=work, parts=parts, quote_transport_fen=transport,
        quote_lodging_days=_given(args.lodging_days, t.quote_lodging_days),
        quote_meal_days=_given(args.meal_days, t.quote_meal_days),
        quote_labour_days=_given(args.labour_days, t.quote_labour_days))
    return _print_detail(args, T.record_visit(db, t.id, data, _who(args, db), at=args.at))


def cmd_review(args: argparse.Namespace) -> int:
    from servicedesk.models.tickets import lifecycle as T

    db = _db(args)
    ticket = T.get_ticket(db, args.no)
    return _print_detail(args, T.review_ticket(db, ticket.id, args.reviewer, args.notes, at=args.at,
                                               who=_who(args, db)))


def cmd_signoff(args: argparse.Namespace) -> int:
    """The customer's signature; the log's who is the clerk entering it."""
    from servicedesk.models.tickets import lifecycle as T

    db = _db(args)
    ticket = T.get_ticket(db, args.no)
    accepted = None if args.accepted is None else args.accepted == "yes"
    return _print_detail(args, T.record_signoff(db, ticket.id, args.opinion, args.signature,
                                                signed_at=args.at, complaint_accepted=accepted,
                                                who=_who(args, db)))


def cmd_simple(args: argparse.Namespace) -> int:
    from servicedesk.models.tickets import lifecycle as T

    db = _db(args)
    ticket = T.get_ticket(db, args.no)
    who = _who(args, db)
    if args.step == "close":
        detail = T.close_ticket(db, ticket.id, who, at=args.at)
    elif args.step == "cancel":
        detail = T.cancel_ticket(db, ticket.id, args.reason, who, at=args.at)
    else:
        detail = T.reopen_ticket(db, ticket.id, args.reason, who, at=args.at)
    return _print_detail(args, detail)
