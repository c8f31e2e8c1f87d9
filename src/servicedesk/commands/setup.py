"""First start and business settings from the command line.

    servicedesk init --db P --office NAME --dept CODE --clerk NAME [--pin PIN] [--force]
        creates the data file for a new office: office name (printed on every
        form), department code (ticket number prefix), the clerk (记录人,
        printed on forms and written to the logs instead of the OS login) and,
        when given, the manager's PIN (salted scrypt, models/pay/month.py). A
        data file that exists and is not empty is refused unless --force; with
        --force the old file is kept beside the new one, renamed, never deleted.
        The new file is built under a temporary name and moved into place only
        when complete, so a refused value leaves nothing behind.
    servicedesk settings --db P [--json]           every business setting: key, value, description
    servicedesk settings --db P KEY [--json]       one setting
    servicedesk settings --db P KEY VALUE [--pin PIN]
        sets one, with the checks the Settings dialog applies
        (models/core/settings.py). Values are in the unit the key names
        (…_fen: fen, …_minutes: minutes, …_bp: basis points). Keys in
        settings.PIN_PROTECTED_KEYS need the manager's PIN.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.commands.pin_arg import add_pin_argument, resolve_pin

# What each setting means, in English (the Chinese is in cli_zh_CN.tsv).
DESCRIPTIONS: dict[str, str] = {
    "office.name": "Office name (printed on forms)",
    "office.department_code": "Department code (ticket number prefix)",
    "office.timezone": "Time zone of the office",
    "office.area_code": "Area code put in front of a local phone number typed without one (0571)",
    "office.clerk": "Clerk (记录人) printed on forms and written to the logs",
    "office.clerks": "Clerk names to pick from at start",
    "warranty.months": "Warranty period (months)",
    "equipment.earliest_year": "Earliest year of an equipment date (factory, purchase, delivery, acceptance)",
    "backup.folder": "Backup folder (empty: backups/ in the user data folder; relative: beside the data file)",
    "backup.interval_hours": "Automatic backup every (hours) while the program is open; 0 = only at start and close",
    "backup.keep_daily": "Daily backups kept",
    "backup.keep_monthly": "Monthly backups kept",
    "backup.warn_after_days": "Warn when no verified backup for (days)",
    "level.1.response_minutes": "Level 1: respond within (minutes)",
    "level.1.onsite_minutes": "Level 1: on site within (minutes)",
    "level.2.response_minutes": "Level 2: respond within (minutes)",
    "level.2.onsite_minutes": "Level 2: on site within (minutes)",
    "level.3.response_minutes": "Level 3: respond within (minutes)",
    "level.3.onsite_minutes": "Level 3: on site within (minutes)",
    "level.4.response_minutes": "Level 4: respond within (minutes)",
    "level.4.onsite_minutes": "Level 4: remote fix within (minutes)",
    "ticket.default_onsite_minutes": "No level: on site within (minutes)",
    "ticket.due_soon_minutes": "Mark as due soon (minutes before deadline)",
    "ticket.repeat_fault_days": "Repeat fault window (days)",
    "ticket.number_min_digits": "Digits of the ticket number's serial part (at least)",
    "quote.lodging_per_day_fen": "Paid service: lodging per day (fen)",
    "quote.meals_per_day_fen": "Paid service: meals per day (fen)",
    "quote.labour_per_day_fen": "Paid service: labour per day (fen)",
    "quote.tax_bp": "Paid service: tax (basis points, 1500 = 15 %)",
    "quote.management_bp": "Paid service: management fee (basis points)",
    "parts.old_part_return_hours": "Old part to be returned within (hours)",
    "parts.suggestion_months": "Months of use behind the parts order suggestion",
    "pay.rate_per_hour_fen": "Performance pay per work hour (fen)",
    "pay.living_allowance_per_day_fen": "Living allowance per day (fen)",
    "pay.supervisor_base_fen": "Supervisor base salary (fen)",
    "pay.team_split": "Team split of work hours (equal or leader_weighted)",
    "pay.leader_weight_bp": "Leader's share when leader-weighted (basis points, 15000 = 1.5)",
    "pay.missing_document_fen": "Deduction per missing document (fen)",
    "pay.small_accident_limit_fen": "Small accident: cost limit (fen)",
    "pay.small_accident_factor": "Small accident: deduction factor",
    "pay.defect_per_item_fen": "Deduction per defect item (fen)",
    "pay.defect_window_days": "Defect window after the work (days)",
    "dealer.lodging_per_day_fen": "Dealer billing: lodging per day (fen)",
    "dealer.meals_per_day_fen": "Dealer billing: meals per day (fen)",
    "dealer.local_transport_per_day_fen": "Dealer billing: local transport per day (fen)",
    "dealer.rate_per_hour_fen": "Dealer billing: rate per work hour (fen)",
    "followup.install.first_min_days": "After an installation: first call from (days)",
    "followup.install.first_max_days": "After an installation: first call by (days)",
    "followup.install.second_days": "After an installation: second call (days)",
    "followup.install.second_tolerance_days": "After an installation: second call tolerance (days)",
    "followup.install.third_days": "After an installation: third call (days)",
    "followup.inspection_interval_days": "Inspection interval (days)",
    "followup.inspection_lead_days": "List inspections this many days ahead",
    "followup.service.first_min_days": "After a service: first call from (days)",
    "followup.service.first_max_days": "After a service: first call by (days)",
    "followup.service.second_after_first_days": "After a service: second call after the first (days)",
    "followup.satisfaction_hours": "Satisfaction call within (hours after closing)",
    "followup.retry_days": "Call again after an unreached call (days)",
    "kpi.grade.excellent": "Grade 优秀 from (%)",
    "kpi.grade.good": "Grade 良好 from (%)",
    "kpi.grade.pass": "Grade 合格 from (%)",
    "kpi.dealer_fee_per_unit_fen": "Dealer service fee per unit (fen)",
    "print.font_file": "Font file for printed forms (empty: found automatically)",
    "print.continuous_height_mm": "Continuous form height (mm)",
    "print.offset_x_mm": "Print offset to the right (mm)",
    "print.offset_y_mm": "Print offset down (mm)",
    "print.a4_copies_per_page": "Forms per A4 page",
}


def register(sub: argparse._SubParsersAction, common) -> None:
    p = common(sub.add_parser("init", help="create the data file for a new office (first start for scripts)"))
    p.add_argument("--office", required=True, help="office name, printed on every form")
    p.add_argument("--dept", required=True, help="department code, the ticket number prefix (1-4 capital letters)")
    p.add_argument("--clerk", required=True, help="clerk name (记录人) printed on forms and written to the logs")
    p.add_argument("--pin", help="manager PIN, 4 to 12 digits (pay approval, protected settings)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing data file (the old file is kept, renamed)")
    p.set_defaults(func=cmd_init)

    p = common(sub.add_parser("settings", help="list, show or set business settings"))
    p.add_argument("key", nargs="?", help="setting key, e.g. office.name (omitted: list all)")
    p.add_argument("value", nargs="?", help="new value, in the unit the key names (fen, minutes, …)")
    add_pin_argument(p, "manager PIN, needed for the pay rates")
    p.add_argument("--effective-month", help="pay rates: the month the new value takes effect (YYYY-MM; "
                   "default this month, never an approved one)")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=cmd_settings)


def _with_sidecars(path: Path) -> list[Path]:
    """The data file and SQLite's -wal/-shm files beside it (they belong together)."""
    return [path, *(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm"))]


def _move_data_file(source: Path, target: Path) -> None:
    for old, new in zip(_with_sidecars(source), _with_sidecars(target)):
        if old.exists():
            os.replace(old, new)


def cmd_init(args: argparse.Namespace) -> int:
    """A new data file with the office's own name, code, clerk and PIN, all or nothing."""
    from servicedesk.config import resolve_db_path
    from servicedesk.models.core.db import file_timestamp, open_db
    from servicedesk.models.core.first_start import OfficeSetup, apply_setup, setup_errors

    path = resolve_db_path(getattr(args, "db", None))
    in_use = path.exists() and (not path.is_file() or path.stat().st_size > 0)
    if in_use and not args.force:
        raise DomainError(f"{path} already exists and holds data; use --force to start a new file "
                          "(the old one is kept, renamed).", "db")
    # The first-start wizard's checks (models/core/first_start.py), before any file is made.
    setup = OfficeSetup(office=args.office, dept=args.dept, clerks=[args.clerk], pin=args.pin)
    problems = setup_errors(setup)
    if problems:
        raise next(iter(problems.values()))
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.init-{os.getpid()}")
    kept = None
    try:
        db = open_db(temp)
        try:
            apply_setup(db, setup)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file itself
        finally:
            db.close()
        if path.exists():
            kept = path.with_name(f"{path.stem}-replaced-{file_timestamp()}{path.suffix}")
            _move_data_file(path, kept)
        _move_data_file(temp, path)
    finally:  # a refused value: the half-built file goes, the old one was never touched
        for leftover in _with_sidecars(temp):
            leftover.unlink(missing_ok=True)
    values = {"office.name": setup.office.strip(), "office.department_code": setup.dept.strip().upper()}
    print(f"Data file created: {path}")
    print(f"Office {values['office.name']} ({values['office.department_code']}), clerk {args.clerk.strip()}"
          + (", manager PIN set" if args.pin is not None else ""))
    if kept is not None:
        print(f"The old file was kept as {kept}")
    return 0


def _shown(value: Any) -> str:
    """A value as typed on the command line (lists as 、-joined names)."""
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return "" if value is None else str(value)


def _describe(key: str) -> str:
    from servicedesk.commands.i18n import tr

    return tr(DESCRIPTIONS.get(key, ""))


def cmd_settings(args: argparse.Namespace) -> int:
    from servicedesk.cli import open_database, print_json
    from servicedesk.commands.i18n import print_table
    from servicedesk.models.core import settings as S

    db = open_database(args, create=False)
    if args.key is None:
        values = S.get_settings(db)
        if args.json:
            print_json({"settings": [{"key": k, "value": v, "description": DESCRIPTIONS.get(k, "")}
                                     for k, v in values.items()]})
        else:
            print_table(("Key", "Value", "Description"), [(k, _shown(v), _describe(k)) for k, v in values.items()])
        return 0
    key = args.key.strip()
    if not S.is_known_key(key):
        raise ValidationError(f"Unknown setting {key}.", "key")
    if args.value is not None:
        value = S.parse_setting_value(key, args.value)
        if key == S.CLERK:
            S.set_clerk(db, value)  # the new clerk is also kept in the list to pick from
        elif S.protected_changes(db, {key: value}):
            S.set_setting(db, key, value, pin=resolve_pin(args.pin), effective_month=args.effective_month)
        else:
            S.set_setting(db, key, value)
    value = S.get_setting(db, key)
    if args.json:
        print_json({"key": key, "value": value, "description": DESCRIPTIONS.get(key, "")})
    elif args.value is not None:
        print(f"{key} set to {_shown(value)}")
    else:
        print_table(("Key", "Value", "Description"), [(key, _shown(value), _describe(key))])
    return 0
